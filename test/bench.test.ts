/**
 * The benchmarks still run: a smoke run of bench/run.mjs on a tiny corpus prints every figure
 * with its baseline and ratio. Nothing here is timed; the figures themselves are for
 * `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
      'one record of 8 kB',
      'one record of 17 kB',
      'time, 17 kB over 8 kB',
      '--cache, second run over 6 files',
    ]);
    // Every row has a finite ratio: each figure was measured beside its baseline.
    for (const line of lines.slice(3).filter((l) => l !== '')) {
      const ratio = line.split(/\s{2,}/)[3];
      // A difference of memory can come out below zero in so small a run: its sign is noise.
      expect(ratio).toMatch(/^-?\d+\.\d\d×$/);
    }
  }, 120_000);
});
