// The benchmarks of clausier: every figure beside its baseline, measured in the same run on the
// same corpus, and the ratio the targets are stated in. Run after `npm run build`:
//
//   npm run bench                 the full set (a few minutes: 10,000 records of 10 KiB, a 10 MB one)
//   npm run bench -- --quick      a small run (about a minute), to try a change
//   npm run bench -- --smoke      a tiny run, to check that the benchmarks still work (a test)
//
// Records come from bench/generate.mjs (seeded: the same corpus every time), in a temporary
// folder. Times are medians of wall-clock runs of the built CLI; peak memory is the child
// process's maximum resident set size.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { generateRecord, optionsForSize } from './generate.mjs';
import { exactPathShapes, fastPathShapes } from './shapes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.cjs');
const mode = process.argv.includes('--smoke')
  ? 'smoke'
  : process.argv.includes('--quick')
    ? 'quick'
    : 'full';
/** How much each mode measures: folder sizes, record sizes, runs per median. */
const SETTINGS = {
  full: {
    folders: [1_000, 10_000],
    few: 1_000,
    sizes: [100_000, 1_000_000, 10_000_000],
    // A record the exact path reads (within its limit of 1 MiB), and the sizes of the worst
    // shapes for memory: at the default limit, on each path.
    exact: 1_000_000,
    shapes: { fast: 20 * 1024 * 1024, exact: 1024 * 1024 },
    repeat: 15,
    runs: 3,
    portfolio: 500,
  },
  quick: {
    folders: [50],
    few: 10,
    sizes: [100_000, 300_000],
    exact: 300_000,
    shapes: { fast: 2 * 1024 * 1024, exact: 256 * 1024 },
    repeat: 3,
    runs: 1,
    portfolio: 50,
  },
  smoke: {
    folders: [6],
    few: 3,
    sizes: [10_000, 20_000],
    exact: 20_000,
    shapes: { fast: 64 * 1024, exact: 16 * 1024 },
    repeat: 1,
    runs: 1,
    portfolio: 6,
  },
}[mode];
const quick = mode !== 'full';
const work = process.env.CLAUSIER_BENCH_DIR ?? join(tmpdir(), `clausier-bench-${mode}`);
const GENERATOR_VERSION = '2';

if (!existsSync(cli)) {
  console.error('bench: dist/cli.cjs is missing: run npm run build first');
  process.exit(2);
}

/** A folder of `count` records of about 10 KiB, generated once and kept between runs. */
function corpus(count) {
  const dir = join(work, `records-${count}`);
  const marker = join(dir, '.generated');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === GENERATOR_VERSION) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    // One record in ten has breaches, as in a real folder of programmes.
    const text = generateRecord({
      ...optionsForSize(10_240, i + 1),
      breaches: i % 10 === 0 ? 0.4 : 0,
    });
    writeFileSync(join(dir, `record-${String(i).padStart(5, '0')}.yaml`), text);
  }
  writeFileSync(marker, GENERATOR_VERSION);
  return dir;
}

/** One record of about `bytes` bytes; `prefix` is written before it. */
function bigRecord(bytes, prefix = '') {
  const file = join(work, `record-${bytes}${prefix === '' ? '' : '-exact'}.yaml`);
  if (!existsSync(file)) {
    mkdirSync(work, { recursive: true });
    writeFileSync(file, prefix + generateRecord(optionsForSize(bytes, 7)));
  }
  return file;
}

/** Runs a command once: wall time (s), peak memory (MiB); any other exit status than `statuses` throws. */
function run(args, { env = {}, statuses = [0, 1] } = {}) {
  const rssFile = join(work, `rss-${process.pid}`);
  const start = performance.now();
  const child = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, CLAUSIER_BENCH_RSS: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - start) / 1000;
  let rss = NaN;
  if (existsSync(rssFile)) {
    rss = Number(readFileSync(rssFile, 'utf8')) / 1024;
    rmSync(rssFile);
  }
  if (!statuses.includes(child.status)) {
    throw new Error(
      `${args.join(' ')} exited ${child.status}: ${child.stderr.toString().slice(0, 500)}`,
    );
  }
  return { seconds, rss };
}

/** The median of several runs. */
function median(times, args, options) {
  const results = Array.from({ length: times }, () => run(args, options));
  results.sort((a, b) => a.seconds - b.seconds);
  return results[Math.floor(results.length / 2)];
}

/** clausier through the wrapper that reports its peak memory. */
const clausier = (...args) => [join(root, 'bench', 'with-rss.mjs'), cli, ...args];

const rows = [];
const row = (figure, value, baseline, ratio, target, met) =>
  rows.push({
    figure,
    value,
    baseline,
    ratio,
    target,
    // A smoke run is too small for its figures to say anything about the targets.
    met: met === undefined || mode === 'smoke' ? '' : met ? 'met' : 'MISSED',
  });
const s = (x) => `${x.toFixed(3)} s`;
const fps = (n, seconds) => `${Math.round(n / seconds)} files/s`;
const mib = (x) => `${x.toFixed(1)} MiB`;
const sizeOf = (n) => (n < 1e6 ? `${Math.round(n / 1e3)} kB` : `${(n / 1e6).toFixed(1)} MB`);

mkdirSync(work, { recursive: true });
const reference = join(root, 'cases', 'les-lilas-2019.yaml');
const repeat = SETTINGS.repeat;

// One file, cold: start to exit, beside a bare node.
const bare = median(repeat, ['-e', '']);
const cold = median(repeat, clausier('check', reference, '--format', 'json'));
row(
  'one file, cold (wall)',
  s(cold.seconds),
  `node -e '' ${s(bare.seconds)}`,
  cold.seconds / bare.seconds,
  '≤ 2.2×',
  cold.seconds / bare.seconds <= 2.2,
);

// Throughput on clean folders, one process, beside a loop that only parses the same files.
const sizes = SETTINGS.folders;
const byJobs = new Map();
for (const count of sizes) {
  const dir = corpus(count);
  const floor = median(SETTINGS.runs, [join(root, 'bench', 'parse-only.mjs'), dir]);
  const one = median(SETTINGS.runs, clausier('check', dir, '--format', 'json', '--jobs', '1'));
  const ratio = floor.seconds / one.seconds;
  row(
    `throughput, ${count} files, 1 process`,
    fps(count, one.seconds),
    `parse-only ${fps(count, floor.seconds)}`,
    ratio,
    '≥ 0.9× (stretch 2×)',
    ratio >= 0.9,
  );
  if (count === sizes[sizes.length - 1]) {
    for (const jobs of [1, 2, 4]) {
      const result =
        jobs === 1
          ? one
          : median(
              SETTINGS.runs,
              clausier('check', dir, '--format', 'json', '--jobs', String(jobs)),
            );
      byJobs.set(jobs, { ...result, count, floor });
      const r = floor.seconds / result.seconds;
      row(
        `scaling, ${count} files, --jobs ${jobs}`,
        fps(count, result.seconds),
        `parse-only ${fps(count, floor.seconds)}`,
        r,
        jobs === 2 ? '≥ 1.6×' : '',
        jobs === 2 ? r >= 1.6 : undefined,
      );
    }
    // Memory over many files must not grow with their number.
    const few = median(
      1,
      clausier('check', corpus(SETTINGS.few), '--format', 'json', '--jobs', '1'),
    );
    row(
      `peak memory, ${count} files`,
      mib(one.rss),
      `${SETTINGS.few} files ${mib(few.rss)}`,
      one.rss / few.rss,
      '≈ 1× (flat)',
      one.rss / few.rss <= 1.25,
    );
  }
}

// Where a record's time goes, in one process; json-rules-engine's share must stay under 10 %.
// Bundled into dist/ (ignored by git, and not packed: *.mjs), where the rule packs are found.
const stagesScript = join(root, 'dist', 'bench-stages.mjs');
await build({
  entryPoints: [join(root, 'bench', 'stages.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: stagesScript,
  logLevel: 'warning',
  // The bundled libraries require Node's own modules, which an ES module must be given.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
});
const stagesRun = spawnSync(
  process.execPath,
  [stagesScript, corpus(SETTINGS.few), join(root, 'rules', 'dinsic-preincubation-2019')],
  { encoding: 'utf8' },
);
if (stagesRun.status !== 0) throw new Error(`bench/stages.ts failed: ${stagesRun.stderr}`);
const stages = JSON.parse(stagesRun.stdout);
const perRecord = stages.read + stages.measure + stages.evaluate;
const ms = (x) => `${x.toFixed(3)} ms`;
row(
  'read, measure, evaluate a record',
  `${ms(stages.read)}, ${ms(stages.measure)}, ${ms(stages.evaluate)}`,
  `a record ${ms(perRecord)}`,
  stages.evaluate / perRecord,
  '',
);
row(
  'json-rules-engine, in one process',
  `${ms(stages.engine)} (${stages.engineRuns} runs)`,
  `a record ${ms(perRecord)}`,
  stages.engine / perRecord,
  '≤ 0.10×',
  stages.engine / perRecord <= 0.1,
);

// Size: one record of 100 KiB, 1 MB and 10 MB; time and memory grow linearly.
const idle = median(SETTINGS.runs, clausier('check', reference, '--format', 'json'));
const bigSizes = SETTINGS.sizes;
const bySize = [];
for (const bytes of bigSizes) {
  const file = bigRecord(bytes);
  const size = statSync(file).size;
  const result = median(SETTINGS.runs, clausier('check', file, '--format', 'json'));
  bySize.push({ size, ...result });
  const extra = (result.rss - idle.rss) / (size / 1024 / 1024);
  row(
    `one record of ${sizeOf(size)}`,
    `${s(result.seconds)}, ${mib(result.rss)}`,
    `idle run ${mib(idle.rss)}`,
    extra,
    'memory above idle ≤ 10× size',
    extra <= 10,
  );
}
const small = bySize[0];
const large = bySize[bySize.length - 1];
const growth = large.seconds / small.seconds;
const sizeRatio = large.size / small.size;
row(
  `time, ${sizeOf(large.size)} over ${sizeOf(small.size)}`,
  `${growth.toFixed(1)}×`,
  `size ${sizeRatio.toFixed(0)}×`,
  growth / sizeRatio,
  quick ? '' : '≤ 120×',
  quick ? undefined : growth <= 120,
);

// A record the fast path cannot read (one tab, in a comment), read by the exact path, beside the
// same record on the fast path; then the worst texts for memory at the default limit
// (bench/shapes.mjs), on each path: the bound is 1 GiB.
{
  const fastFile = bigRecord(SETTINGS.exact);
  const exactFile = bigRecord(SETTINGS.exact, '#\tone tab, and the exact path reads the record\n');
  const onFast = median(SETTINGS.runs, clausier('check', fastFile, '--format', 'json'));
  const onExact = median(SETTINGS.runs, clausier('check', exactFile, '--format', 'json'));
  row(
    `one record of ${sizeOf(statSync(exactFile).size)}, exact path`,
    `${s(onExact.seconds)}, ${mib(onExact.rss)}`,
    `fast path ${s(onFast.seconds)}, ${mib(onFast.rss)}`,
    onExact.seconds / onFast.seconds,
    'memory ≤ 1 GiB',
    onExact.rss <= 1024,
  );
  let worst = { rss: 0, name: '' };
  const shapes = [
    ...Object.entries(fastPathShapes(SETTINGS.shapes.fast)).map(([n, t]) => [`fast, ${n}`, t]),
    ...Object.entries(exactPathShapes(SETTINGS.shapes.exact)).map(([n, t]) => [`exact, ${n}`, t]),
  ];
  for (const [name, text] of shapes) {
    const file = join(work, 'shape.yaml');
    writeFileSync(file, text);
    // Not records: each is refused by the schema (exit 2), after it has been read whole.
    const result = run(clausier('check', file, '--format', 'json'), { statuses: [2] });
    if (result.rss > worst.rss) worst = { rss: result.rss, name };
  }
  rmSync(join(work, 'shape.yaml'), { force: true });
  row(
    `peak memory, worst shapes (${sizeOf(SETTINGS.shapes.fast)} fast, ${sizeOf(SETTINGS.shapes.exact)} exact)`,
    `${mib(worst.rss)} (${worst.name})`,
    'bound 1024.0 MiB',
    worst.rss / 1024,
    quick ? '' : '≤ 1×',
    quick ? undefined : worst.rss <= 1024,
  );
}

// The cache: a second run over unchanged files.
const cached = corpus(sizes[sizes.length - 1]);
const cacheDir = join(work, 'cache');
rmSync(cacheDir, { recursive: true, force: true });
const first = run(
  clausier('check', cached, '--format', 'json', '--cache', '--cache-location', cacheDir),
);
const second = median(
  SETTINGS.runs,
  clausier('check', cached, '--format', 'json', '--cache', '--cache-location', cacheDir),
);
row(
  `--cache, second run over ${sizes[sizes.length - 1]} files`,
  s(second.seconds),
  `first run ${s(first.seconds)}`,
  first.seconds / second.seconds,
  '≥ 10×',
  first.seconds / second.seconds >= 10,
);

// The portfolio (`report DIR --output`): its page and every record's report, beside a check of
// the same records in one process (the judging they share).
const portfolioDir = corpus(SETTINGS.portfolio);
const portfolioOut = join(work, 'portfolio');
rmSync(portfolioOut, { recursive: true, force: true });
mkdirSync(portfolioOut, { recursive: true });
const judged = median(
  SETTINGS.runs,
  clausier('check', portfolioDir, '--format', 'json', '--jobs', '1'),
);
const portfolio = median(
  SETTINGS.runs,
  clausier('report', portfolioDir, '--output', join(portfolioOut, 'portfolio.html')),
);
row(
  `portfolio of ${SETTINGS.portfolio} records (report --output)`,
  s(portfolio.seconds),
  `check, 1 process ${s(judged.seconds)}`,
  portfolio.seconds / judged.seconds,
  '',
);

// The table.
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `clausier benchmarks — ${cpu}, ${availableParallelism()} cores, Node ${process.version}${quick ? ` (${mode})` : ''}\n`,
);
const header = ['figure', 'value', 'baseline', 'ratio', 'target', ''];
const table = [
  header,
  ...rows.map((r) => [r.figure, r.value, r.baseline, `${r.ratio.toFixed(2)}×`, r.target, r.met]),
];
const widths = header.map((_, i) => Math.max(...table.map((line) => line[i].length)));
for (const line of table)
  console.log(
    line
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
