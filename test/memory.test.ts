/**
 * The memory bound: any file that the default size limit admits is checked within 1 GiB of
 * resident memory, on either YAML path. Measured, as bench/run.mjs measures it, on the texts that
 * cost the most for their size (bench/shapes.mjs): up to 20 MiB on the fast path, up to 1 MiB
 * (a twentieth of the limit) on the exact path; and a 20 MiB record that the fast path cannot
 * read is refused at once, saying where and why, instead of taking gigabytes.
 *
 * Each run is the built CLI in a child process; nothing here is timed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exactPathShapes, fastPathShapes } from '../bench/shapes.mjs';
import type { FileReport } from '../src/model/finding.js';
import { CLI, REFERENCE, ROOT, tempDir } from './helpers.js';

const MiB = 1024 * 1024;
const BOUND_MIB = 1024;

const dir = tempDir('clausier-memory-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Checks one text with the built CLI: its JSON report and the peak resident memory, in MiB. */
function measure(name: string, text: string): { report: FileReport; peakMiB: number } {
  const file = join(dir, `${name.replace(/\W+/g, '-')}.yaml`);
  const rss = join(dir, 'rss');
  writeFileSync(file, text);
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'bench', 'with-rss.mjs'), CLI, 'check', file, '--format', 'json', '--lang', 'en'],
    {
      env: { PATH: process.env.PATH ?? '', CLAUSIER_BENCH_RSS: rss },
      encoding: 'utf8',
      maxBuffer: 64 * MiB,
    },
  );
  expect(run.stderr).toBe('');
  expect(run.signal).toBeNull();
  const report = (JSON.parse(run.stdout) as { files: FileReport[] }).files[0]!;
  const peakMiB = Number(readFileSync(rss, 'utf8')) / 1024;
  rmSync(file);
  return { report, peakMiB };
}

describe('any file the default size limit admits is checked within 1 GiB', () => {
  const fast = fastPathShapes(20 * MiB);
  it.each(['strings', 'number keys'])(
    'on the fast path: 20 MiB of %s',
    (name) => {
      const { report, peakMiB } = measure(name, fast[name as keyof typeof fast]);
      // Read, not refused: the file is not a record, and only the schema says so.
      expect(report.errors.map((e) => e.message)).toContainEqual(
        expect.stringMatching(/^\(record\): unknown field 'a' /),
      );
      expect(peakMiB).toBeLessThan(BOUND_MIB);
    },
    120_000,
  );

  const exact = exactPathShapes(MiB);
  it.each([
    // The aliases add values until a quarter of the text's length: 262,143 for 1 MiB.
    ['aliases of a large mapping', /^aliases expand the document beyond 262143 values/],
    // Read whole, and judged: the file is no record.
    ['numbers', /^\(record\): missing field/],
  ] as const)(
    'on the exact path: 1 MiB of %s',
    (name, said) => {
      const { report, peakMiB } = measure(name, exact[name]);
      expect(report.errors[0]!.message).toMatch(said);
      expect(peakMiB).toBeLessThan(BOUND_MIB);
    },
    120_000,
  );

  it('20 MiB of empty mappings, denser than the fast path reads, are refused within the bound', () => {
    // Before the fast path counted what it builds, this took 1.4 GB and minutes.
    const text = `a: [${'{},'.repeat(Math.floor((20 * MiB - 10) / 3))}{}]\n`;
    const { report, peakMiB } = measure('dense', text);
    expect(report.errors).toHaveLength(1);
    // Where the fast path stopped: at the collection past one for 32 characters.
    expect(report.errors[0]).toMatchObject({ line: 1, column: 1_966_076 });
    expect(report.errors[0]!.message).toMatch(/^from here on, the fast YAML reader cannot read/);
    expect(peakMiB).toBeLessThan(BOUND_MIB);
  });

  it('a 20 MiB record with one tab is refused at the tab, saying why, within the bound', () => {
    const record = readFileSync(REFERENCE, 'utf8');
    const padding = `# ${'-'.repeat(97)}\n`;
    let text = record.replace('asOf: 2020-06-30', 'asOf: 2020-06-30 #\ttab');
    text += padding.repeat(Math.floor((20 * MiB - text.length) / padding.length));
    const { report, peakMiB } = measure('tab', text);
    expect(report.errors).toEqual([
      {
        message:
          'from here on, the fast YAML reader cannot read the file (it reads plain YAML: no tabs, anchors, tags, block scalars or values over several lines, nor more than one value for 8 characters), and the exact reader reads at most 1.0 MiB (a twentieth of --max-size): the file is 20.0 MiB; write it as plain YAML, or raise --max-size',
        line: 3,
        column: 19,
        pointer: '',
      },
    ]);
    expect(peakMiB).toBeLessThan(BOUND_MIB);
  });
});
