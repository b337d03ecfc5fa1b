// Builds dist/: one bundled file (the CLI, the library, the worker of --jobs), so that a run loads
// one module instead of hundreds: start-up time is most of a one-file check. The bundle holds
// the runtime libraries too (json-rules-engine, yaml, commander, tinyglobby), which is why they
// are devDependencies: the published package needs nothing else installed. The XLSX writer
// (write-excel-file, fflate) is bundled apart, in dist/xlsx.cjs: see below.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });

// The one bundle: the library, the command and the worker threads of --jobs (src/bundle.ts), as
// one CommonJS script that `require('clausier')` loads, that `import` loads too (Node finds the
// names it exports), and that the command runs. CommonJS rather than an ES module: require()
// works on every Node.js this package supports, and `import` of it costs nothing more.
//
// The XLSX writer (write-excel-file and fflate, src/report/xlsx.ts) serves `ledger --format
// xlsx` alone: it is a script of its own, dist/xlsx.cjs, which that command's dynamic import()
// requires when it runs, so that no other command, nor the library, reads or compiles it at
// start-up (inlined, it made the bundle 180 kB larger).
const cjs = {
  outdir: join(root, 'dist'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  define: { 'import.meta.url': '__clausierUrl' },
  banner: { js: "const __clausierUrl = require('node:url').pathToFileURL(__filename).href;" },
  // Minified: the bundle is half the size (1.1 MB instead of 2 MB), and reading it was the largest
  // part of loading it, which is most of a one-file check (some 6 ms of 110, issue 17). The source
  // map beside it names the TypeScript again: CLAUSIER_DEBUG=1 loads the bundle with it (cli.cjs).
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
};
// fdir (tinyglobby's directory walker), as the bundle holds it, changed in two places; the build
// stops if fdir's text no longer says what is changed.
// - It requires picomatch at load, from wherever node finds it, for a glob builder of its own
//   that tinyglobby never uses: where node_modules holds a picomatch (a clone of this
//   repository), that cost every start some 16 ms, a tenth of a one-file check. The bundle's
//   copy does without it.
// - It imports node:fs as a namespace, which esbuild makes at load by reading the descriptor of
//   each of node:fs's exports: on Node.js 24, reading that of `Dir` loads Node's
//   internal/fs/dir, at every start, for a walker that uses none of it. The bundle's copy takes
//   node:fs's exports object itself, which has the same functions fdir calls.
const fdirAsBundled = {
  name: 'fdir-as-bundled',
  setup(b) {
    b.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const optional = /__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);/;
      if (!optional.test(text))
        throw new Error(
          `${args.path}: fdir no longer requires picomatch as it did (see build.mjs)`,
        );
      const namespace = 'import * as nativeFs from "fs";';
      if (text.split(namespace).length !== 2)
        throw new Error(
          `${args.path}: fdir no longer imports node:fs as a namespace as it did (see build.mjs)`,
        );
      return {
        contents: text.replace(optional, '').replace(namespace, 'const nativeFs = require("fs");'),
        loader: 'js',
      };
    });
  },
};

// commander requires child_process at load, for the executable subcommands clausier has none
// of; child_process brings net and dgram with it (some 3 ms of every start). The bundle's copy of
// commander requires it when it would spawn one; the build stops if commander's text changes.
const commanderChildProcessWhenUsed = {
  name: 'commander-child-process-when-used',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      const uses = text.match(/childProcess\.\w+/g) ?? [];
      if (text.split(eager).length !== 2 || uses.some((use) => use !== 'childProcess.spawn'))
        throw new Error(
          `${args.path}: commander no longer requires child_process as it did (see build.mjs)`,
        );
      const lazy =
        "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: text.replace(eager, lazy), loader: 'js' };
    });
  },
};

await build({
  ...cjs,
  entryPoints: { clausier: join(root, 'src/bundle.ts') },
  supported: { 'dynamic-import': false },
  plugins: [
    fdirAsBundled,
    commanderChildProcessWhenUsed,
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
// The bundle in ASCII: esbuild escapes the other characters of strings, not those of regular
// expressions (the French words of src/rules/describe.ts...), and one of them makes V8 hold the
// whole 2 MB source as UTF-16, decoded from UTF-8 at each start (some 25 ms). Escaped as \uXXXX,
// which means the same in a regular expression, a string, a template or a comment, they leave
// it ASCII, which dist/cli.cjs reads as Latin-1 without decoding. (The source map's columns
// shift by five after each character escaped, on the four lines of the minified bundle that have
// one.)
const bundlePath = join(root, 'dist/clausier.cjs');
const escaped = readFileSync(bundlePath, 'utf8')
  .split('\n')
  .map((line) => {
    if (!/[^ -~\t\n\r]/.test(line)) return line;
    // A raw template is the one place where an escape would not mean the character.
    if (line.includes('raw`'))
      throw new Error(`dist/clausier.cjs: a raw template to escape: ${line}`);
    return line.replace(
      /[^ -~\t\n\r]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  })
  .join('\n');
writeFileSync(bundlePath, escaped);
await build({ ...cjs, entryPoints: { xlsx: join(root, 'src/report/xlsx.ts') } });
copyFileSync(join(root, 'scripts/cli.cjs'), join(root, 'dist/cli.cjs'));
copyFileSync(join(root, 'scripts/load.cjs'), join(root, 'dist/load.cjs'));
chmodSync(join(root, 'dist/cli.cjs'), 0o755);

// Snapshots of the built-in rule packs, so that a run does not read 35 YAML files to start. The
// snapshotter is an ES module; the CommonJS libraries bundled in it call require(): give it one.
const banner =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";
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

// V8's compiled code of the bundle, as it stands once the command has checked the reference
// record, written as text and as JSON (dist/clausier.cjs.v8cache): dist/load.cjs hands it to V8,
// which then reads the functions of a check instead of compiling them. Made last, from the
// bundle and the pack snapshots as they will run; it serves only this bundle and the Node.js
// that built it.
const training = mkdtempSync(join(tmpdir(), 'clausier-build-'));
execFileSync(
  process.execPath,
  [
    join(root, 'dist/cli.cjs'),
    'check',
    join(root, 'cases/les-lilas-2019.yaml'),
    '--format',
    'text,json',
    '--output.json',
    join(training, 'run.json'),
  ],
  {
    stdio: 'ignore',
    env: { ...process.env, CLAUSIER_BUILD_CODE_CACHE: join(root, 'dist/clausier.cjs.v8cache') },
  },
);
rmSync(training, { recursive: true, force: true });

// The library's types, for `import { checkRecord } from 'clausier'` in TypeScript. They
// describe a CommonJS module, which the bundle is: the package.json beside them says so to
// TypeScript, for `require` and `import` alike.
execFileSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
  {
    stdio: 'inherit',
  },
);
writeFileSync(join(root, 'dist/types/package.json'), '{ "type": "commonjs" }\n');
