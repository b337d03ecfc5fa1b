/**
 * Packaging: `npm pack` makes a package that installs on a clean machine (offline: it needs no
 * dependency, the libraries are bundled) and runs — the bin, the library's exports and its types.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE, ROOT, tempDir } from './helpers.js';

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
      'dist/cli.js',
      'dist/clausier.cjs',
      'dist/clausier.cjs.cache',
      'dist/xlsx.cjs',
      'dist/packs/dinsic-preincubation-2019.json',
      'dist/index.js',
      'dist/worker.js',
      'dist/types/index.d.ts',
      'rules/dinsic-preincubation-2019/A4-CAP.yaml',
      'rules/dinsic-preincubation-2019/convention.txt',
      'schemas/programme.schema.json',
      'README.md',
      'package.json',
    ]) {
      expect(files, expected).toContain(expected);
    }
    expect(
      files.filter((f) => /^(src|test|cases|bench|scripts)\//.test(f) || f.endsWith('.map')),
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
        files: ['use.ts'],
      }),
    );
    const types = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', app],
      { cwd: app, encoding: 'utf8' },
    );
    expect(types.stdout + types.stderr).toBe('');
    expect(types.status).toBe(0);
  }, 120_000);
});
