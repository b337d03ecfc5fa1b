/**
 * Determinism: the same records give byte-identical output whatever the time zone, the locale,
 * the order of files on disk, the number of worker threads, the cache, and the run. The cases
 * are copied into two folders whose files are created in opposite orders, and checked from each
 * (as `cases`, so that the paths in the output are the same) under different environments.
 *
 * The environments: UTC in the C locale; Kiritimati (UTC+14, a day ahead of Paris) in French,
 * named by LC_ALL or by LANG alone; Los Angeles (a day behind) in French and in the C locale;
 * Kathmandu (UTC+5:45) in Turkish, whose dotted and dotless i change no letter.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInParis } from '../src/pipeline.js';
import { caseFiles, ROOT, runCli, tempDir, type Run } from './helpers.js';

const CASES = join(ROOT, 'cases');

/** Every file under cases/ (records and expected findings), relative, sorted. */
function allFiles(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? allFiles(path, base) : [relative(base, path)];
    });
}

let forward: string;
let backward: string;
const temporary: string[] = [];

beforeAll(() => {
  const files = allFiles(CASES);
  // The same files, created in opposite orders: directory listings may then differ.
  for (const [order, list] of [
    ['forward', files],
    ['backward', [...files].reverse()],
  ] as const) {
    const root = tempDir(`clausier-determinism-${order}-`);
    temporary.push(root);
    for (const file of list) {
      mkdirSync(dirname(join(root, 'cases', file)), { recursive: true });
      cpSync(join(CASES, file), join(root, 'cases', file));
    }
    if (order === 'forward') forward = root;
    else backward = root;
  }
});

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

const UTC_C: NodeJS.ProcessEnv = { TZ: 'UTC', LANG: 'C' };
const KIRITIMATI_FR: NodeJS.ProcessEnv = { TZ: 'Pacific/Kiritimati', LC_ALL: 'fr_FR.UTF-8' };
const KIRITIMATI_LANG_FR: NodeJS.ProcessEnv = { TZ: 'Pacific/Kiritimati', LANG: 'fr_FR.UTF-8' };
const KATHMANDU_TR: NodeJS.ProcessEnv = { TZ: 'Asia/Kathmandu', LANG: 'tr_TR.UTF-8' };
const LOS_ANGELES_FR: NodeJS.ProcessEnv = {
  TZ: 'America/Los_Angeles',
  LANG: 'fr_FR.UTF-8',
  LC_ALL: 'fr_FR.UTF-8',
};
const LOS_ANGELES_C: NodeJS.ProcessEnv = { TZ: 'America/Los_Angeles', LANG: 'C', LC_ALL: 'C' };

/** `clausier check <args>` from a folder, in an environment. */
const check = (cwd: string, env: NodeJS.ProcessEnv, args: string[]): Run =>
  runCli(['check', ...args], { cwd, env });

/** All runs give the same bytes, and the exit code of a folder of cases with breaches. */
function sameBytes(runs: Run[]): void {
  for (const run of runs) {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
  }
  expect(runs[0]!.stdout.length).toBeGreaterThan(1000);
  for (const run of runs.slice(1)) expect(run.stdout).toBe(runs[0]!.stdout);
}

describe('the same cases give the same bytes', () => {
  it('in JSON: whatever the time zone, locale, order on disk, threads, cache and run', () => {
    const cache = tempDir('clausier-determinism-cache-');
    temporary.push(cache);
    const json = ['cases', '--format', 'json', '--lang', 'fr'];
    const cached = [...json, '--cache', '--cache-location', cache];
    sameBytes([
      check(forward, UTC_C, json),
      check(backward, KIRITIMATI_FR, json),
      check(forward, KATHMANDU_TR, [...json, '--jobs', '2']),
      // The first run fills the cache, the second reads from it.
      check(backward, LOS_ANGELES_FR, cached),
      check(forward, LOS_ANGELES_C, cached),
    ]);
    expect(allFiles(cache).length).toBeGreaterThan(0);
  });

  it('in text, in French and in English (a Turkish locale changes no letter)', () => {
    for (const lang of ['fr', 'en']) {
      const text = ['cases', '--lang', lang, '--no-color'];
      sameBytes([
        check(forward, UTC_C, text),
        check(backward, KATHMANDU_TR, text),
        check(backward, KIRITIMATI_LANG_FR, [...text, '--jobs', '2']),
        check(forward, lang === 'fr' ? LOS_ANGELES_FR : LOS_ANGELES_C, text),
      ]);
    }
  });

  it('in SARIF', () => {
    const sarif = ['cases', '--format', 'sarif', '--lang', 'en'];
    sameBytes([
      check(forward, UTC_C, sarif),
      check(backward, KATHMANDU_TR, [...sarif, '--jobs', '2']),
    ]);
  });

  it('folders named in any order on the command line give each file the same report', () => {
    const folders = readdirSync(join(forward, 'cases'))
      .filter((entry) => statSync(join(forward, 'cases', entry)).isDirectory())
      .sort();
    // A fixed shuffle: every other folder from the end, then the rest.
    const shuffled = [
      ...folders.filter((_, i) => i % 2 === 1).reverse(),
      ...folders.filter((_, i) => i % 2 === 0),
    ].map((folder) => `cases/${folder}`);
    expect(shuffled).not.toEqual(folders.map((folder) => `cases/${folder}`));
    const json = ['--format', 'json', '--lang', 'en'];
    const inOrder = check(forward, UTC_C, [...folders.map((f) => `cases/${f}`), ...json]);
    const reordered = check(backward, UTC_C, [...shuffled, ...json]);
    expect(reordered.status).toBe(inOrder.status);
    const byFile = (run: Run): Map<string, unknown> =>
      new Map(
        (JSON.parse(run.stdout).files as { file: string }[]).map((report) => [report.file, report]),
      );
    const expected = byFile(inOrder);
    const actual = byFile(reordered);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    // Every record under those folders, and nothing else.
    expect(actual.size).toBe(
      caseFiles(join(forward, 'cases')).filter((file) =>
        folders.some((folder) => file.startsWith(join(forward, 'cases', folder) + '/')),
      ).length,
    );
    for (const [file, report] of expected) expect(actual.get(file), file).toEqual(report);
    expect(JSON.parse(reordered.stdout).summary).toEqual(JSON.parse(inOrder.stdout).summary);
  });
});

describe('bad input gives the same bytes too', () => {
  it('with one thread or two, whatever the files checked before', () => {
    const dir = tempDir('clausier-determinism-bad-');
    temporary.push(dir);
    mkdirSync(join(dir, 'bad'));
    const deep = (depth: number): string => `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    writeFileSync(join(dir, 'bad', 'a-deep.yaml'), deep(1_000));
    writeFileSync(join(dir, 'bad', 'b-deep.yaml'), deep(1_000));
    writeFileSync(join(dir, 'bad', 'c-year.yaml'), 'asOf: 12019-08-30\n');
    writeFileSync(join(dir, 'bad', 'd-deep.yaml'), deep(3_000));
    const json = ['bad', '--format', 'json', '--lang', 'en'];
    const runs = [
      check(dir, UTC_C, json),
      check(dir, KATHMANDU_TR, [...json, '--jobs', '2']),
      check(dir, UTC_C, [
        'bad/d-deep.yaml',
        'bad/c-year.yaml',
        'bad/b-deep.yaml',
        'bad/a-deep.yaml',
        '--format',
        'json',
        '--lang',
        'en',
      ]),
    ];
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(2);
    }
    expect(runs[1]!.stdout).toBe(runs[0]!.stdout);
    // The same file reads the same whichever files were read before it in the same process.
    const byFile = (run: Run): Record<string, unknown> =>
      Object.fromEntries(
        (JSON.parse(run.stdout).files as { file: string; errors: unknown }[]).map((f) => [
          f.file,
          f.errors,
        ]),
      );
    const first = byFile(runs[0]!);
    expect(byFile(runs[2]!)).toEqual(first);
    expect(first['bad/b-deep.yaml']).toEqual(first['bad/a-deep.yaml']);
  });
});

describe('a record without asOf', () => {
  it('is judged as of today in Paris, whatever the time zone of the machine', () => {
    // Paris is two hours ahead of UTC in summer, one in winter: its day starts before UTC's.
    expect(todayInParis(new Date('2020-06-30T21:59:59Z'))).toBe('2020-06-30');
    expect(todayInParis(new Date('2020-06-30T22:00:00Z'))).toBe('2020-07-01');
    expect(todayInParis(new Date('2020-01-31T22:59:59Z'))).toBe('2020-01-31');
    expect(todayInParis(new Date('2020-01-31T23:00:00Z'))).toBe('2020-02-01');
    // The machine's zone (here as TZ would set it) changes nothing.
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(todayInParis(new Date('2020-06-30T21:59:59Z'))).toBe('2020-06-30');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
