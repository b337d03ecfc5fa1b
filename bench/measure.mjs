// What the benchmarks share (bench/run.mjs, bench/peers.mjs): the corpora, a timed run of a
// command with its peak memory, medians, and the table every figure is printed in.
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateRecord, optionsForSize } from './generate.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const cli = join(root, 'dist', 'cli.cjs');
/** The reference record: complete and compliant (cases/ keeps a byte-identical copy). */
export const reference = join(root, 'cases', 'les-lilas-2019.yaml');

/** Bumped when generate.mjs changes the records it writes: folders made before are remade. */
const GENERATOR_VERSION = '2';

/** Which mode the command line asks for: `--smoke`, `--quick`, else the full set. */
export function modeOf(argv) {
  return argv.includes('--smoke') ? 'smoke' : argv.includes('--quick') ? 'quick' : 'full';
}

/**
 * A folder of `count` generated records of about 10 KiB, made once in `work` and kept between
 * runs (seeded: the same corpus every time). One record in ten has breaches, as in a real folder
 * of programmes.
 */
export function corpus(work, count) {
  return folder(join(work, `records-${count}`), GENERATOR_VERSION, count, (i) =>
    generateRecord({ ...optionsForSize(10_240, i + 1), breaches: i % 10 === 0 ? 0.4 : 0 }),
  );
}

/** A folder of `count` copies of the reference record: a CI job over a folder of real records. */
export function referenceCopies(work, count) {
  const text = readFileSync(reference, 'utf8');
  return folder(join(work, `reference-${count}`), text, count, () => text);
}

function folder(dir, version, count, text) {
  const marker = join(dir, '.generated');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === version) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++)
    writeFileSync(join(dir, `record-${String(i).padStart(5, '0')}.yaml`), text(i));
  writeFileSync(marker, version);
  return dir;
}

/**
 * The files of a folder made by `folder`, in two folders of half each (hard links, made once):
 * for two processes that share the work as `--jobs 2` would.
 */
export function halves(dir) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  return [0, 1].map((half) => {
    const target = `${dir}-half-${half}`;
    const mine = files.filter((_, i) => i % 2 === half);
    const marker = join(target, '.generated');
    if (existsSync(marker) && readFileSync(marker, 'utf8') === String(mine.length)) return target;
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    for (const file of mine) linkSync(join(dir, file), join(target, file));
    writeFileSync(marker, String(mine.length));
    return target;
  });
}

/**
 * Runs `node ARGS` for each ARGS at once, and waits for all: the wall time (s) until the last
 * ends. Any exit status other than 0 or 1 throws.
 */
export async function together(argsList) {
  const start = performance.now();
  await Promise.all(
    argsList.map(
      (args) =>
        new Promise((resolve, reject) => {
          const child = spawn(process.execPath, args, { cwd: root, stdio: 'ignore' });
          child.on('error', reject);
          child.on('exit', (status) =>
            status === 0 || status === 1
              ? resolve()
              : reject(new Error(`${args.join(' ')} exited ${status}`)),
          );
        }),
    ),
  );
  return { seconds: (performance.now() - start) / 1000 };
}

/**
 * Runs `node ARGS` once through bench/with-rss.mjs when `rss` is set: wall time (s), peak
 * memory (MiB) and CPU time of all the process's threads (s), both NaN without `rss`. Any exit
 * status other than `statuses` throws, with stderr.
 */
export function run(work, args, { env = {}, statuses = [0, 1], rss = true } = {}) {
  const rssFile = join(work, `rss-${process.pid}`);
  const cpuFile = join(work, `cpu-${process.pid}`);
  const start = performance.now();
  const child = spawnSync(
    process.execPath,
    rss ? [join(root, 'bench', 'with-rss.mjs'), ...args] : args,
    {
      cwd: root,
      env: { ...process.env, ...env, CLAUSIER_BENCH_RSS: rssFile, CLAUSIER_BENCH_CPU: cpuFile },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const seconds = (performance.now() - start) / 1000;
  const peak = taken(rssFile) / 1024;
  const cpu = taken(cpuFile) / 1e6;
  if (!statuses.includes(child.status)) {
    throw new Error(
      `${args.join(' ')} exited ${child.status}: ${child.stderr.toString().slice(0, 500)}`,
    );
  }
  return { seconds, rss: peak, cpu };
}

/** The number bench/with-rss.mjs wrote to a file, the file removed; NaN where it wrote none. */
function taken(file) {
  if (!existsSync(file)) return NaN;
  const value = Number(readFileSync(file, 'utf8'));
  rmSync(file);
  return value;
}

/** The run of median time among some runs. */
const middle = (results) =>
  results.sort((a, b) => a.seconds - b.seconds)[Math.floor(results.length / 2)];

/** The run of median time among `times` runs. */
export function median(times, runOnce) {
  return middle(Array.from({ length: times }, runOnce));
}

/** The run of median time among `times` runs of an asynchronous measure. */
export async function medianOf(times, runOnce) {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await runOnce());
  return middle(results);
}

/**
 * Two commands measured in turn, `times` times each (A, B, A, B...), so that a change in the
 * machine's load weighs on both alike: the median run of each.
 */
export function paired(times, runA, runB) {
  const a = [];
  const b = [];
  for (let i = 0; i < times; i++) {
    a.push(runA());
    b.push(runB());
  }
  return [middle(a), middle(b)];
}

/** `ARGS` for `clausier ARGS`, as `run` takes them. */
export const clausier = (...args) => [cli, ...args];

export const s = (x) => `${x.toFixed(3)} s`;
export const fps = (n, seconds) => `${Math.round(n / seconds)} files/s`;
export const mib = (x) => `${x.toFixed(1)} MiB`;
export const ms = (x) => `${x.toFixed(3)} ms`;
export const sizeOf = (n) => (n < 1e6 ? `${Math.round(n / 1e3)} kB` : `${(n / 1e6).toFixed(1)} MB`);

/**
 * A table of figures: a row is a figure, its value, its baseline, their ratio, and, where there
 * is a target, the target and whether it is met. A smoke run is too small for its figures to
 * say anything about the targets: it prints none of those verdicts.
 */
export class Table {
  rows = [];

  constructor(mode) {
    this.mode = mode;
  }

  row(figure, value, baseline, ratio, target = '', met = undefined) {
    this.rows.push({
      figure,
      value,
      baseline,
      ratio,
      target,
      met: met === undefined || this.mode === 'smoke' ? '' : met ? 'met' : 'MISSED',
    });
  }

  /** The table as lines of text, with a header. */
  lines() {
    return columns([
      ['figure', 'value', 'baseline', 'ratio', 'target', ''],
      ...this.rows.map((r) => [
        r.figure,
        r.value,
        r.baseline,
        `${r.ratio.toFixed(2)}×`,
        r.target,
        r.met,
      ]),
    ]);
  }
}

/** Rows of cells as aligned columns, two spaces apart. */
export function columns(table) {
  const widths = table[0].map((_, i) => Math.max(...table.map((line) => line[i].length)));
  return table.map((line) =>
    line
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
}

/** The machine the figures were measured on, for the first line of a report. */
export function machine() {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const memory = `${Math.round(totalmem() / 1024 ** 3)} GiB`;
  return `${cpu}, ${memory}, ${availableParallelism()} cores, Node ${process.version}`;
}
