/**
 * Packaging: `npm pack` makes a package that installs on a clean machine (offline: it needs no
 * dependency, the libraries are bundled) and runs — the bin, the library's exports for `import`
 * and `require`, its types, and `clausier lint` and `clausier test` on the packs it ships.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { generateRecord, optionsForSize } from '../bench/generate.mjs';
import { collectorFlags } from '../src/cli/heap.js';
import { caseFiles, hooked, REFERENCE, ROOT, tempDir, workerThreadsOf } from './helpers.js';

/** Runs the bin with a hook that logs the modules it loads and the scripts V8 compiles. */
function loadsOf(bin: string, args: string[]) {
  const { run, noted } = hooked<{ loaded: unknown; builtins: string[] }>(
    bin,
    args,
    (log) => `const Module = require('node:module');
const vm = require('node:vm');
const load = Module._load;
const loaded = [];
const bare = new Set(process.moduleLoadList);
Module._load = function (request, ...rest) {
  if (!Module.isBuiltin(request)) loaded.push(request);
  return load.call(this, request, ...rest);
};
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(source, options) {
    super(source, options);
    loaded.push({ compiled: options.filename, cached: !!options.cachedData, rejected: this.cachedDataRejected });
  }
};
process.on('exit', () => require('node:fs').writeFileSync(${log}, JSON.stringify({
  loaded,
  builtins: process.moduleLoadList.filter((m) => !bare.has(m) && m.startsWith('NativeModule ')).map((m) => m.slice(13)).sort(),
})));
`,
  );
  return { run, ...noted };
}

/** The worker threads `check --jobs 2` makes over four cases, noted once for the tests that read them. */
let jobsTwo: ReturnType<typeof workerThreadsOf>['workers'] | undefined;
function workersOfJobsTwo() {
  if (jobsTwo === undefined) {
    const { run, workers } = workerThreadsOf([
      'check',
      '--format',
      'json',
      '--jobs',
      '2',
      ...caseFiles().slice(0, 4),
    ]);
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.status);
    jobsTwo = workers;
  }
  return jobsTwo;
}

/**
 * A copy of dist/'s bin, loader, bundle and code cache in test-output/, removed after the test:
 * its files have new modification times, so the cache the build made is not its bundle's.
 */
function distCopy(name: string): string {
  const copy = join(ROOT, 'test-output', `${name}-${process.pid}`);
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  onTestFinished(() => rmSync(copy, { recursive: true, force: true }));
  for (const file of ['cli.cjs', 'load.cjs', 'clausier.cjs', 'clausier.cjs.v8cache'])
    copyFileSync(join(ROOT, 'dist', file), join(copy, file));
  return copy;
}

describe('the npm package', () => {
  it('installs from its tarball and runs: bin, exports and types', () => {
    const dir = tempDir('clausier-pack-');
    // dist/ is built by the test setup; packing again must not rebuild it under the other tests.
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
        cwd: ROOT,
        encoding: 'utf8',
      }),
    ) as { filename: string; files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    for (const expected of [
      'dist/cli.cjs',
      'dist/load.cjs',
      'dist/clausier.cjs',
      'dist/xlsx.cjs',
      'dist/packs/dinsic-preincubation-2019.json',
      'dist/types/index.d.ts',
      'dist/types/package.json',
      'rules/dinsic-preincubation-2019/A4-CAP.yaml',
      'rules/dinsic-preincubation-2019/convention.txt',
      'schemas/programme.schema.json',
      'cases/les-lilas-2019.yaml',
      'cases/les-lilas-2019.expected.yaml',
      'README.md',
      'LICENSE',
      'package.json',
    ]) {
      expect(files, expected).toContain(expected);
    }
    // One copy of the code: the bundle, the bin that starts it and the loader that both the bin
    // and the worker threads of --jobs load it with; and the XLSX writer, which only
    // `ledger --format xlsx` loads.
    expect(files.filter((f) => /\.[cm]?js$/.test(f)).sort()).toEqual([
      'dist/clausier.cjs',
      'dist/cli.cjs',
      'dist/load.cjs',
      'dist/xlsx.cjs',
    ]);
    expect(
      files.filter((f) => /^(src|test|bench|scripts)\//.test(f) || f.endsWith('.map')),
    ).toEqual([]);

    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'app', private: true, type: 'module' }),
    );
    const install = spawnSync(
      'npm',
      ['install', join(dir, packed[0]!.filename), '--offline', '--no-audit', '--no-fund'],
      {
        cwd: app,
        encoding: 'utf8',
      },
    );
    expect(install.status, install.stderr).toBe(0);
    copyFileSync(REFERENCE, join(app, 'record.yaml'));

    const bin = spawnSync(
      'npx',
      ['--no-install', 'clausier', 'check', 'record.yaml', '--lang', 'en'],
      { cwd: app, encoding: 'utf8' },
    );
    expect(bin.stderr).toBe('');
    expect(bin.status).toBe(0);
    expect(bin.stdout).toContain('record.yaml: compliant as of 2020-06-30');
    // The worker threads of --jobs load from the installed package too.
    copyFileSync(REFERENCE, join(app, 'other.yaml'));
    const jobs = spawnSync(
      'npx',
      [
        '--no-install',
        'clausier',
        'check',
        'record.yaml',
        'other.yaml',
        '--jobs',
        '2',
        '--lang',
        'en',
      ],
      { cwd: app, encoding: 'utf8' },
    );
    expect(jobs.stderr).toBe('');
    expect(jobs.status).toBe(0);
    expect(jobs.stdout).toContain('2 files: 2 compliant');
    // The XLSX writer, a script of its own that only `ledger --format xlsx` loads, is there too.
    const xlsx = spawnSync(
      'npx',
      ['--no-install', 'clausier', 'ledger', 'record.yaml', '--format', 'xlsx', '-o', 'l.xlsx'],
      { cwd: app, encoding: 'utf8' },
    );
    expect(xlsx.stderr).toBe('');
    expect(xlsx.status).toBe(0);
    expect(readFileSync(join(app, 'l.xlsx')).subarray(0, 4)).toEqual(
      Buffer.from('PK\x03\x04', 'latin1'),
    );

    writeFileSync(
      join(app, 'use.mjs'),
      `import { checkRecord, loadRulePack, builtInPacks } from 'clausier';
const report = await checkRecord({ path: 'record.yaml' }, { language: 'en' });
console.log(JSON.stringify({ verdict: report.verdict, findings: report.findings.length, packs: builtInPacks() }));
`,
    );
    const library = spawnSync(process.execPath, ['use.mjs'], { cwd: app, encoding: 'utf8' });
    expect(library.stderr).toBe('');
    expect(JSON.parse(library.stdout)).toMatchObject({ verdict: 'compliant', findings: 32 });

    // require('clausier') from CommonJS, the same module as `import` gets.
    writeFileSync(
      join(app, 'use.cjs'),
      `const clausier = require('clausier');
clausier.checkRecord({ path: 'record.yaml' }, { language: 'en' }).then((report) =>
  console.log(JSON.stringify({ verdict: report.verdict, packs: clausier.builtInPacks().length })),
);
`,
    );
    const required = spawnSync(process.execPath, ['use.cjs'], { cwd: app, encoding: 'utf8' });
    expect(required.stderr).toBe('');
    expect(JSON.parse(required.stdout)).toEqual({ verdict: 'compliant', packs: 2 });

    writeFileSync(
      join(app, 'use.ts'),
      `import { checkRecord, type FileReport, type Finding } from 'clausier';
const report: FileReport = await checkRecord({ content: 'convention: {}', name: 'x.yaml' });
const breaches: Finding[] = report.findings.filter((f) => f.status === 'breach');
const cents: number | undefined = report.money?.paid;
export { breaches, cents };
`,
    );
    writeFileSync(
      join(app, 'use-require.cts'),
      `import clausier = require('clausier');
const pack: clausier.RulePack = clausier.loadRulePack('x');
export const id: string = pack.id;
`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['use.ts', 'use-require.cts'],
      }),
    );
    const types = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', app],
      { cwd: app, encoding: 'utf8' },
    );
    expect(types.stdout + types.stderr).toBe('');
    expect(types.status).toBe(0);

    // The shipped packs pass their own checks, with the cases shipped beside them.
    const clausier = (...args: string[]): ReturnType<typeof spawnSync> =>
      spawnSync('npx', ['--no-install', 'clausier', ...args], { cwd: app, encoding: 'utf8' });
    const lint = clausier('lint');
    expect(lint.stderr).toBe('');
    expect(lint.stdout).toBe(
      'dinsic-preincubation-2019: no problem\ndinsic-preincubation-departement-exemple: no problem\n',
    );
    expect(lint.status).toBe(0);
    const test = clausier('test');
    expect(test.stderr).toBe('');
    expect(test.stdout).toContain(`\n${caseFiles().length} passed, 0 failed\n`);
    expect(test.status).toBe(0);
    // Without them, it says so and fails, rather than "0 passed".
    const installed = join(app, 'node_modules', 'clausier');
    renameSync(join(installed, 'cases'), join(installed, 'cases-elsewhere'));
    const missing = clausier('test');
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(
      `clausier: dinsic-preincubation-2019: the folder of its cases, ${join(installed, 'cases')}, does not exist (pack.yaml names it in cases:)\n`,
    );
    expect(missing.status).toBe(2);
  }, 180_000);

  it("reads no descriptor of node:fs's exports to start (Node 24 loads internal/fs/dir for one)", () => {
    // Why: scripts/build.mjs (fdir as bundled). A namespace import of node:fs, as esbuild makes
    // it, reads the descriptor of every export; on Node.js 24 that of `Dir` loads a module.
    const { run, noted } = hooked<string[]>(
      join(ROOT, 'dist', 'cli.cjs'),
      ['check', REFERENCE, '--format', 'json'],
      (log) => `const fs = require('node:fs');
const describe = Object.getOwnPropertyDescriptor;
const read = [];
Object.getOwnPropertyDescriptor = function (target, key) {
  if (target === fs) read.push(String(key));
  return describe.call(this, target, key);
};
process.on('exit', () => fs.writeFileSync(${log}, JSON.stringify(read)));
`,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(noted).toEqual([]);
  });

  it('starts by loading its bundle and Node.js modules only, nothing from node_modules', () => {
    // A clone of the repository has the bundled libraries in node_modules too: one of them
    // loaded from there at start-up (fdir's optional picomatch) cost a tenth of a one-file check.
    // The bin compiles the bundle itself, with the V8 code cache the build made (scripts/cli.cjs):
    // the hook sees that V8 was given the cache and took it.
    const bin = join(ROOT, 'dist', 'cli.cjs');
    const { run, loaded } = loadsOf(bin, ['check', REFERENCE]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(loaded).toEqual([
      bin,
      './load.cjs',
      { compiled: join(ROOT, 'dist', 'clausier.cjs'), cached: true, rejected: false },
    ]);
  });

  it('loads no Node.js module a one-file check does not use (tty, net, worker_threads...)', () => {
    // Each of them costs a cold check some 4 ms. What a one-file check loads beyond a bare node
    // (the hook has loaded node:module and node:vm): os, for the number of cores. Standard output
    // is a pipe here: the text format asks whether it is a terminal without loading node:tty.
    const bin = join(ROOT, 'dist', 'cli.cjs');
    for (const format of ['text', 'json']) {
      const { run, builtins } = loadsOf(bin, ['check', REFERENCE, '--format', format]);
      expect(run.status).toBe(0);
      expect(builtins).toEqual(['os', 'process']);
    }
    // At a terminal (a character device), node:tty tells it from /dev/null, only then.
    const terminal = spawnSync(
      'script',
      ['-qefc', `'${process.execPath}' '${bin}' check '${REFERENCE}' --lang en`, '/dev/null'],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color' },
        encoding: 'utf8',
      },
    );
    expect(terminal.stdout).toContain('\u001b[32m');
  });

  it("chooses V8's collector settings at their bounds", () => {
    const MiB = 1024 * 1024;
    const off = '--no-allocation-site-pretenuring';
    const young = '--semi-space-growth-factor=1';
    expect(collectorFlags([])).toEqual([]);
    expect(collectorFlags([MiB - 1])).toEqual([]);
    expect(collectorFlags([MiB])).toEqual([off, young]);
    expect(collectorFlags([MiB / 2, MiB / 2])).toEqual([off]);
    expect(collectorFlags([MiB / 2, MiB / 2 - 1])).toEqual([]);
    // The largest record exactly half of the run, then just under.
    expect(collectorFlags([MiB, MiB / 2, MiB / 2])).toEqual([off, young]);
    expect(collectorFlags([MiB, MiB / 2, MiB / 2 + 1])).toEqual([off]);
    expect(collectorFlags(Array.from({ length: 2_000 }, () => 91_000))).toEqual([off]);
  });

  it("sets V8's collector from the sizes of the records a run reads, only from 1 MiB", () => {
    // Why: src/cli/heap.ts. The flags the command sets are noted by a hook around node:v8.
    const dir = tempDir('clausier-heap-');
    const large = join(dir, 'large.yaml');
    writeFileSync(large, generateRecord(optionsForSize(1_300_000, 5)));
    const small = join(dir, 'small.yaml');
    writeFileSync(small, generateRecord(optionsForSize(800_000, 5)));
    const other = join(dir, 'other.yaml');
    writeFileSync(other, generateRecord(optionsForSize(800_000, 6)));
    const flagsOf = (...args: string[]): string[] => {
      const { run, noted } = hooked<string[]>(
        join(ROOT, 'dist', 'cli.cjs'),
        args,
        (log) => `const v8 = require('node:v8');
const set = v8.setFlagsFromString;
const flags = [];
v8.setFlagsFromString = (flag) => { flags.push(flag); return set.call(v8, flag); };
process.on('exit', () => require('node:fs').writeFileSync(${log}, JSON.stringify(flags)));
`,
      );
      expect(run.stderr).toBe('');
      expect([0, 1]).toContain(run.status);
      return noted;
    };
    expect(statSync(large).size).toBeGreaterThanOrEqual(1024 * 1024);
    expect(statSync(small).size).toBeLessThan(1024 * 1024);
    expect(statSync(other).size).toBeLessThan(1024 * 1024);
    expect(statSync(small).size + statSync(other).size).toBeGreaterThanOrEqual(1024 * 1024);
    expect(statSync(large).size * 2).toBeLessThan(
      statSync(large).size + statSync(small).size + statSync(other).size,
    );
    const off = ['--no-allocation-site-pretenuring'];
    const both = [...off, '--semi-space-growth-factor=1'];
    // A large record that is most of the run: both.
    expect(flagsOf('check', large, '--format', 'json')).toEqual(both);
    expect(flagsOf('check', REFERENCE, large, '--format', 'json')).toEqual(both);
    expect(flagsOf('ledger', large, '--format', 'csv')).toEqual(both);
    // Records that add up to 1 MiB, none large, or a large one that is less than half: pretenuring.
    expect(flagsOf('check', small, other, '--format', 'json')).toEqual(off);
    expect(flagsOf('check', dir, '--format', 'json')).toEqual(off);
    // Less than 1 MiB in all: nothing.
    expect(flagsOf('check', small, '--format', 'json')).toEqual([]);
    expect(flagsOf('check', REFERENCE, '--format', 'json')).toEqual([]);
    // Set before the first record checked afresh, from the sizes of all: a run the cache serves
    // whole reads none, and sets nothing.
    const cached = ['--format', 'json', '--cache', '--cache-location', join(dir, 'cache')];
    expect(flagsOf('check', large, ...cached)).toEqual(both);
    expect(flagsOf('check', large, ...cached)).toEqual([]);
    expect(flagsOf('check', small, other, ...cached)).toEqual(off);
    expect(flagsOf('check', small, other, ...cached)).toEqual([]);
    expect(flagsOf('check', large, small, other, ...cached)).toEqual([]);
    expect(flagsOf('check', REFERENCE, large, ...cached)).toEqual(both);
  });

  it('bounds the young generation of the worker threads of --jobs', () => {
    // Why: src/run/pool.ts. The options of each worker made are noted by a hook.
    const workers = workersOfJobsTwo();
    const noted = workers.map((w) => w.resourceLimits);
    expect(noted).toEqual([{ maxYoungGenerationSizeMb: 16 }, { maxYoungGenerationSizeMb: 16 }]);
  });

  it('hands its worker threads the code cache too, through its loader (scripts/load.cjs)', () => {
    // Why: src/run/pool.ts. The script of each worker made is noted by a hook; it is then run in
    // a worker of the test's own, whose compilations a second hook notes as loadsOf does.
    const workers = workersOfJobsTwo();
    const scripts = workers.map((w) => w.script);
    const script = `require(${JSON.stringify(join(ROOT, 'dist', 'load.cjs'))}).clausier().serveChecks();`;
    expect(scripts).toEqual([script, script]);
    // The worker's bundle is compiled with the cache.
    const watched = `const vm = require('node:vm');
const { parentPort } = require('node:worker_threads');
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(source, options) {
    super(source, options);
    parentPort.postMessage({ compiled: options.filename, cached: !!options.cachedData, rejected: this.cachedDataRejected });
  }
};
${script}
parentPort.postMessage('ready');`;
    const worker = spawnSync(
      process.execPath,
      [
        '-e',
        `const { Worker } = require('node:worker_threads');
const seen = [];
const worker = new Worker(${JSON.stringify(watched)}, { eval: true, workerData: {} });
worker.on('message', (m) => { if (m === 'ready') { console.log(JSON.stringify(seen)); worker.terminate(); } else seen.push(m); });`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(worker.stderr).toBe('');
    expect(JSON.parse(worker.stdout)).toEqual([
      { compiled: join(ROOT, 'dist', 'clausier.cjs'), cached: true, rejected: false },
    ]);
  });

  it('runs the same without its code cache, or with one made for another bundle', () => {
    // A copy of dist/ has new modification times: the cache the build made is not this bundle's.
    const copy = distCopy('dist-copy');
    const check = (bin: string) =>
      spawnSync(process.execPath, [bin, 'check', '--format', 'json', ...caseFiles().slice(0, 8)], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    const built = check(join(ROOT, 'dist', 'cli.cjs'));
    const stale = check(join(copy, 'cli.cjs'));
    // The copy's cache is not handed to V8: the bundle is required as any module.
    expect(loadsOf(join(copy, 'cli.cjs'), ['check', REFERENCE]).loaded).toEqual([
      join(copy, 'cli.cjs'),
      './load.cjs',
      join(copy, 'clausier.cjs'),
    ]);
    rmSync(join(copy, 'clausier.cjs.v8cache'));
    const none = check(join(copy, 'cli.cjs'));
    expect(built.stderr).toBe('');
    for (const run of [stale, none]) {
      expect(run.stderr).toBe(built.stderr);
      expect(run.status).toBe(built.status);
      expect(run.stdout).toBe(built.stdout);
    }
  });

  it('gives the same bytes with worker threads whose bundle has no cache, or no loader beside it', () => {
    // Why: src/run/pool.ts. Each worker loads the bundle through dist/load.cjs, which compiles it
    // afresh when the cache is not this bundle's; without load.cjs (a bundle copied alone), the
    // worker requires the bundle itself.
    const copy = distCopy('dist-workers');
    const args = ['check', '--format', 'json', '--jobs', '2', ...caseFiles().slice(0, 8)];
    const run = (...command: string[]) =>
      spawnSync(process.execPath, [...command], { cwd: ROOT, encoding: 'utf8' });
    const built = run(join(ROOT, 'dist', 'cli.cjs'), ...args);
    const stale = run(join(copy, 'cli.cjs'), ...args);
    rmSync(join(copy, 'load.cjs'));
    const alone = run(
      '-e',
      `require(${JSON.stringify(join(copy, 'clausier.cjs'))}).runCommandLine(${JSON.stringify(args)});`,
    );
    expect(built.stderr).toBe('');
    expect(built.stdout).toContain('"files"');
    for (const other of [stale, alone]) {
      expect(other.stderr).toBe(built.stderr);
      expect(other.status).toBe(built.status);
      expect(other.stdout).toBe(built.stdout);
    }
  });
});
