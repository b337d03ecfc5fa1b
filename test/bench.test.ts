/**
 * The benchmarks still run: a smoke run of bench/run.mjs on a tiny corpus prints every figure
 * with its baseline and ratio. Nothing here is timed; the figures themselves are for
 * `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'clausier-bench-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run bench', () => {
  it('prints every figure of the table in a smoke run', () => {
    const run = spawnSync(process.execPath, ['bench/run.mjs', '--smoke'], {
      encoding: 'utf8',
      env: { ...process.env, CLAUSIER_BENCH_DIR: work },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^clausier benchmarks — .+, \d+ cores, Node v\d+\.\d+\.\d+ \(smoke\)$/,
    );
    const figures = lines
      .slice(3)
      .filter((line) => line !== '')
      .map((line) => line.split(/\s{2,}/)[0]);
    expect(figures).toEqual([
      'one file, cold (wall)',
      'throughput, 6 files, 1 process',
      'scaling, 6 files, --jobs 1',
      'scaling, 6 files, --jobs 2',
      'scaling, 6 files, --jobs 4',
      'peak memory, 6 files',
      'read, measure, evaluate a record',
      'json-rules-engine, in one process',
      'one record of 8 kB',
      'one record of 17 kB',
      'time, 17 kB over 8 kB',
      'one record of 17 kB, exact path',
      'peak memory, worst shapes (66 kB fast, 16 kB exact)',
      '--cache, second run over 6 files',
      'portfolio of 6 records (report --output)',
    ]);
    // Every row has a finite ratio: each figure was measured beside its baseline.
    for (const line of lines.slice(3).filter((l) => l !== '')) {
      const ratio = line.split(/\s{2,}/)[3];
      // A difference of memory can come out below zero in so small a run: its sign is noise.
      expect(ratio).toMatch(/^-?\d+\.\d\d×$/);
    }
  }, 120_000);
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
