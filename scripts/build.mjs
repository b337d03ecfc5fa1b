// Builds dist/: one bundled file per entry point (the CLI and the library), so that a run loads
// one module instead of hundreds: start-up time is most of a one-file check. The bundle holds
// the runtime libraries too (json-rules-engine, yaml, commander, tinyglobby), which is why they
// are devDependencies: the published package needs nothing else installed.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });

// Bundled CommonJS dependencies (json-rules-engine, yaml) call require(): give the ES module one.
const banner =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

await build({
  entryPoints: {
    cli: join(root, 'src/cli.ts'),
    index: join(root, 'src/index.ts'),
    worker: join(root, 'src/worker.ts'),
  },
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

// Snapshots of the built-in rule packs, so that a run does not read 35 YAML files to start.
const snapshotter = join(mkdtempSync(join(tmpdir(), 'clausier-build-')), 'snapshot-packs.mjs');
await build({
  entryPoints: [join(root, 'scripts/snapshot-packs.ts')],
  outfile: snapshotter,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: banner },
  logLevel: 'warning',
  // The bundle lives in a temporary folder: tell it where the package is.
  define: {
    'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'dist', 'snapshot-packs.mjs')).href),
  },
});
execFileSync(process.execPath, [snapshotter], { stdio: 'inherit' });
rmSync(dirname(snapshotter), { recursive: true, force: true });

// The library's types, for `import { checkRecord } from 'clausier'` in TypeScript.
execFileSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
  {
    stdio: 'inherit',
  },
);
