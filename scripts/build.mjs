// Builds dist/: one bundled file per entry point (the CLI and the library), so that a run loads
// one module instead of hundreds: start-up time is most of a one-file check.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });

// Bundled CommonJS dependencies (json-rules-engine, yaml) call require(): give the ES module one.
const banner =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

await build({
  entryPoints: { cli: join(root, 'src/cli.ts'), index: join(root, 'src/index.ts') },
  outdir: join(root, 'dist'),
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: banner },
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
});
