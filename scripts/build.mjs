// Builds dist/: bundled files (the CLI, the library, the worker of --jobs), so that a run loads
// one module instead of hundreds: start-up time is most of a one-file check. The bundle holds
// the runtime libraries too (json-rules-engine, yaml, commander, tinyglobby), which is why they
// are devDependencies: the published package needs nothing else installed. The XLSX writer
// (write-excel-file, fflate) is bundled apart, in dist/xlsx.cjs: see below.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });

// Bundled CommonJS dependencies (json-rules-engine, yaml) call require(): give the ES module one.
const banner =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

// The library and the worker of --jobs, as ES modules sharing chunks.
await build({
  entryPoints: {
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

// The command: one CommonJS script, so that dist/cli.js can compile it with a V8 code cache
// (ES modules cannot use one on Node 20). Measured on a one-file check: about 190 ms without,
// 145 ms with, beside 80 ms for a bare node.
//
// The XLSX writer (write-excel-file and fflate, src/report/xlsx.ts) serves `ledger --format
// xlsx` alone: it is a script of its own, dist/xlsx.cjs, which the command's dynamic import()
// requires when that command runs, so that no other command reads or compiles it at start-up
// (inlined, it made dist/clausier.cjs 180 kB larger). A dynamic import() would not run in the
// script dist/cli.js compiles: esbuild writes it as require().
const cjsCommand = {
  outdir: join(root, 'dist'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  define: { 'import.meta.url': '__clausierUrl' },
  banner: { js: "const __clausierUrl = require('node:url').pathToFileURL(__filename).href;" },
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
};
await build({
  ...cjsCommand,
  entryPoints: { clausier: join(root, 'src/cli.ts') },
  supported: { 'dynamic-import': false },
  plugins: [
    {
      name: 'xlsx-apart',
      setup(b) {
        b.onResolve({ filter: /\/report\/xlsx\.js$/ }, (args) =>
          args.kind === 'dynamic-import' ? { path: './xlsx.cjs', external: true } : undefined,
        );
      },
    },
  ],
});
await build({ ...cjsCommand, entryPoints: { xlsx: join(root, 'src/report/xlsx.ts') } });
copyFileSync(join(root, 'scripts/cli-loader.js'), join(root, 'dist/cli.js'));
chmodSync(join(root, 'dist/cli.js'), 0o755);

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

// The code cache of the command, made by a check of the reference record: it holds the
// functions such a run compiles.
execFileSync(
  process.execPath,
  [join(root, 'dist/cli.js'), 'check', join(root, 'cases/les-lilas-2019.yaml')],
  {
    stdio: 'ignore',
    env: { ...process.env, CLAUSIER_WRITE_CODE_CACHE: '1' },
  },
);

// The library's types, for `import { checkRecord } from 'clausier'` in TypeScript.
execFileSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
  {
    stdio: 'inherit',
  },
);
