/**
 * The benchmarks still run: a smoke run of bench/run.mjs on a tiny corpus prints every figure
 * with its baseline and ratio. Nothing here is timed; the figures themselves are for
 * `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeCacheWarning } from '../bench/code-cache.mjs';

const work = mkdtempSync(join(tmpdir(), 'clausier-bench-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run bench', () => {
  it('prints every figure of the table, then where the time goes, in a smoke run', () => {
    const run = spawnSync(process.execPath, ['bench/run.mjs', '--smoke'], {
      encoding: 'utf8',
      env: { ...process.env, CLAUSIER_BENCH_DIR: work },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [head, figures, ...breakdowns] = run.stdout.split('\n\n');
    const lines = head!.split('\n');
    expect(lines[0]).toMatch(
      /^clausier benchmarks — .+, \d+ cores, Node v\d+\.\d+\.\d+ \(smoke\)$/,
    );
    expect(lines[1]).toMatch(/^js-yaml 4\.\d+\.\d+ \(the floor\), installed in .+$/);
    const [header, ...rows] = figures!.split('\n').map((line) => line.split(/\s{2,}/));
    expect(header).toEqual(['figure', 'value', 'baseline', 'ratio', 'target']);
    // Each figure beside its baseline (their measures aside).
    const measure = /\d+(?:\.\d+)? (?:files\/s|ms|s|MiB)/g;
    expect(rows.map((row) => [row[0], row[2]!.replace(measure, '#')])).toEqual([
      ['one file, cold (wall)', "node -e '' #"],
      ['throughput, reference record ×6, 1 process', 'js-yaml floor #'],
      ['throughput, reference record ×6, 1 process', 'yaml loop #'],
      ['scaling, reference record ×6, --jobs 2', '--jobs 1 #'],
      ['scaling, reference record ×6, 2 processes on half each', '--jobs 1 #'],
      ['scaling, reference record ×6, --jobs 2 at most', '--jobs 1 #, # of CPU'],
      ['throughput, 6 files, 1 process', 'js-yaml floor #'],
      ['throughput, 6 files, 1 process', 'yaml loop #'],
      ['scaling, 6 files, --jobs 2', '--jobs 1 #'],
      ['scaling, 6 files, --jobs 4', '--jobs 1 #'],
      ['scaling, 6 files, 2 processes on half each', '--jobs 1 #'],
      ['scaling, 6 files, --jobs 2 at most', '--jobs 1 #, # of CPU'],
      ['peak memory, 6 files', '3 files #'],
      ['json-rules-engine, in one process', 'a record #'],
      ['one record of 8 kB', 'idle run #'],
      ['one record of 17 kB', 'idle run #'],
      ['time, 17 kB over 8 kB', 'size 2×'],
      ['one record of 17 kB, exact path', 'fast path #, #'],
      ['peak memory, worst shapes (66 kB fast, 16 kB exact)', 'bound #'],
      ['--cache, second run over 6 files', 'first run #'],
      ['portfolio of 6 records (report --output)', 'check, 1 process #'],
    ]);
    // Every row has a finite ratio: each figure was measured beside its baseline. A smoke run
    // says nothing of the targets: no row is called met or missed.
    for (const row of rows) {
      // A difference of memory can come out below zero in so small a run: its sign is noise.
      expect(row[3]).toMatch(/^-?\d+\.\d\d×$/);
      expect(row[5]).toBeUndefined();
    }

    // Then three tables, each of a title, a header naming both corpora, and rows of a figure
    // and its share for each corpus.
    const tables = breakdowns.map((text) => {
      const [title, header, ...body] = text.trimEnd().split('\n');
      expect(header!.trim().split(/\s{2,}/)).toEqual(['reference ×3', 'generated ×3']);
      return { title, rows: body.map((line) => line.trim().split(/\s{2,}/)) };
    });
    expect(tables.map((t) => t.title!.split(':')[0])).toEqual([
      "Where a record's time goes, ms per record and share of a record (bench/stages.ts)",
      'Each rule, evaluated alone over items made beforehand',
      'Each derived fact, reader of the record and making of items, in its own time (not in what it calls; timed calls)',
    ]);
    const [stages, rules, facts] = tables;
    expect(stages!.rows.map((row) => row[0])).toEqual([
      'read the file',
      'load: text, YAML, schema, exact values',
      'of which YAML',
      'of which the schema',
      'of which exact values (amounts, dates, weeks)',
      'of which collecting garbage while loading',
      'the rest of loading (text, positions; parts timed apart)',
      'check',
      'of which as it stood (events after asOf)',
      'of which measure (deriveFacts)',
      'of which evaluate (facts made as read)',
      'of which json-rules-engine',
      'of which word and locate the findings',
      'of which collecting garbage while checking',
      'the rest of checking (the report; parts timed apart)',
      'JSON entry of the report',
      'of which collecting garbage while writing it',
      'a record',
    ]);
    // V8's collections of garbage, charged to the stage they began in: never below zero.
    for (const row of stages!.rows.filter(([name]) => name!.includes('collecting garbage')))
      expect(row.slice(1)).toEqual([
        expect.stringMatching(/^\d+\.\d{3} ms$/),
        expect.stringMatching(/^\d+\.\d %$/),
        expect.stringMatching(/^\d+\.\d{3} ms$/),
        expect.stringMatching(/^\d+\.\d %$/),
      ]);
    expect(stages!.rows.at(-1)!.slice(1)).toEqual([
      expect.stringMatching(/ ms$/),
      '100.0 %',
      expect.stringMatching(/ ms$/),
      '100.0 %',
    ]);
    // Every rule of the pack, once; every derived fact the tables name is timed in both corpora.
    const ruleIds = readdirSync('rules/dinsic-preincubation-2019')
      .filter((name) => /^[A-Z][\w-]*\.yaml$/.test(name))
      .map((name) => name.replace(/\.yaml$/, ''))
      .sort();
    expect(rules!.rows.map((row) => row[0]).sort()).toEqual(ruleIds);
    for (const row of rules!.rows)
      expect(row.slice(1)).toEqual([
        expect.stringMatching(/^\d+\.\d{3} ms$/),
        expect.stringMatching(/^\d+\.\d %$/),
        expect.stringMatching(/^\d+\.\d{3} ms$/),
        expect.stringMatching(/^\d+\.\d %$/),
      ]);
    const factNames = facts!.rows.map((row) => row[0]);
    for (const name of [
      'payments.paidToDate',
      'intrapreneurWeeks.releaseDays',
      'programme.refundDue',
      'convention.signedOn.collectivite',
      'record: expenses',
      'items of intrapreneurWeeks',
      '(not in a fact)',
    ])
      expect(factNames).toContain(name);
  }, 180_000);
});

describe('bench/generate.mjs', () => {
  const here = mkdtempSync(join(work, 'generate-'));
  const generate = (...args: string[]) =>
    spawnSync(process.execPath, [join(process.cwd(), 'bench/generate.mjs'), ...args], {
      cwd: here,
      encoding: 'utf8',
    });

  it('prints its usage on --help, and writes nothing when told neither where nor how many', () => {
    const help = generate('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: node bench\/generate\.mjs --count N --out DIR/);
    const bare = generate();
    expect(bare.status).toBe(2);
    expect(bare.stderr.split('\n')[0]).toBe('generate: say --count and --out, or --size');
    const bogus = generate('--count', 'ten', '--out', 'x');
    expect(bogus.status).toBe(2);
    expect(bogus.stderr.split('\n')[0]).toBe("generate: --count wants a number, not 'ten'");
    expect(readdirSync(here)).toEqual([]);
  });

  it('writes the same records for the same seed', () => {
    expect(generate('--count', '2', '--out', 'a', '--seed', '5').status).toBe(0);
    expect(generate('--count', '2', '--out', 'b', '--seed', '5').status).toBe(0);
    for (const name of ['record-00000.yaml', 'record-00001.yaml'])
      expect(readFileSync(join(here, 'b', name), 'utf8')).toBe(
        readFileSync(join(here, 'a', name), 'utf8'),
      );
    expect(readdirSync(join(here, 'a'))).toEqual(['record-00000.yaml', 'record-00001.yaml']);
  });
});

describe('bench/code-cache.mjs', () => {
  it("says when dist/'s code cache does not serve the Node.js that benches", () => {
    // A dist/ of our own: a bundle, and a cache stamped as scripts/cli.cjs stamps it.
    const dist = join(work, 'dist-of-our-own');
    mkdirSync(dist, { recursive: true });
    const bundle = join(dist, 'clausier.cjs');
    writeFileSync(bundle, 'module.exports = {};\n');
    const stamp = (node: string) => {
      const { size, mtimeMs } = statSync(bundle);
      const header = Buffer.from(JSON.stringify({ node, arch: process.arch, size, mtimeMs }));
      const length = Buffer.alloc(4);
      length.writeUInt32LE(header.length, 0);
      writeFileSync(join(dist, 'clausier.cjs.v8cache'), Buffer.concat([length, header]));
    };
    const advice =
      'the cold check is measured without it. Run npm run build with this Node.js first.';
    expect(codeCacheWarning(dist, 'v24.22.3')).toBe(
      `bench: dist/ holds no V8 code cache for this Node.js, v24.22.3 (it has none): ${advice}`,
    );
    stamp('v24.22.3');
    expect(codeCacheWarning(dist, 'v24.22.3')).toBeUndefined();
    expect(codeCacheWarning(dist, 'v20.20.2')).toBe(
      `bench: dist/ holds no V8 code cache for this Node.js, v20.20.2 (its cache was made by Node.js v24.22.3): ${advice}`,
    );
    // A copy of dist/ has other modification times: the cache is not its bundle's.
    utimesSync(bundle, new Date(2026, 0, 1), new Date(2026, 0, 1));
    expect(codeCacheWarning(dist, 'v24.22.3')).toBe(
      `bench: dist/ holds no V8 code cache for this Node.js, v24.22.3 (its cache was made for another bundle): ${advice}`,
    );
  });
});
