// The benchmarks of clausier: every figure beside its baseline, measured in the same run on the
// same corpus, and the ratio the targets are stated in. Run after `npm run build`:
//
//   npm run bench                 the full set (a few minutes: 10,000 records of 10 KiB, a 10 MB one)
//   npm run bench -- --quick      a small run (about a minute), to try a change
//   npm run bench -- --smoke      a tiny run, to check that the benchmarks still work (a test)
//
// Records come from bench/generate.mjs (seeded: the same corpus every time), in a temporary
// folder, beside copies of the reference record. Times are medians of wall-clock runs of the
// built CLI; peak memory is the child process's maximum resident set size. Throughput is measured
// beside the floor, a loop that only loads the same files with js-yaml (installed by npm in a
// temporary folder: no dependency of clausier), and beside the `yaml` loop. Then come the tables
// of where a record's time goes: stage by stage, rule by rule, derived fact by derived fact.
// Spectral is measured by bench/peers.mjs (npm run bench:peers).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { codeCacheWarning } from './code-cache.mjs';
import { generateRecord, optionsForSize } from './generate.mjs';
import {
  cli,
  clausier,
  columns,
  corpus,
  fps,
  halves,
  machine,
  median,
  medianOf,
  mib,
  modeOf,
  ms,
  paired,
  reference,
  referenceCopies,
  root,
  run as runIn,
  s,
  sizeOf,
  Table,
  together,
} from './measure.mjs';
import { installPeers, JS_YAML, versionOf } from './peer-packages.mjs';
import { exactPathShapes, fastPathShapes } from './shapes.mjs';

const mode = modeOf(process.argv);
/** How much each mode measures: folder sizes, record sizes, runs per median. */
const SETTINGS = {
  full: {
    folders: [1_000, 10_000],
    few: 1_000,
    // Copies of the reference record: the targets are stated on it as on generated records.
    copies: 2_000,
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
    copies: 50,
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
    copies: 6,
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

if (!existsSync(cli)) {
  console.error('bench: dist/cli.cjs is missing: run npm run build first');
  process.exit(2);
}
// The cold check is measured as users run it, with the V8 code cache the build made for the
// Node.js that built it: say so when dist/ was built by another one, or copied.
const noCodeCache = codeCacheWarning(join(root, 'dist'));
if (noCodeCache !== undefined) console.error(noCodeCache);
mkdirSync(work, { recursive: true });

// The floor: js-yaml, installed by npm in a temporary folder (no dependency of clausier).
let peers;
try {
  peers = installPeers([JS_YAML]);
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exit(2);
}

/** One record of about `bytes` bytes; `prefix` is written before it. */
function bigRecord(bytes, prefix = '') {
  const file = join(work, `record-${bytes}${prefix === '' ? '' : '-exact'}.yaml`);
  if (!existsSync(file)) writeFileSync(file, prefix + generateRecord(optionsForSize(bytes, 7)));
  return file;
}

const run = (args, options) => runIn(work, args, options);
const timed = (times, args, options) => median(times, () => run(args, options));
const table = new Table(mode);
const row = table.row.bind(table);
const repeat = SETTINGS.repeat;

// One file, cold: start to exit, beside a bare node, run in turn so that both see the same load.
// The command is run as its `bin` runs it (no wrapper: its peak memory is not measured here).
const [bare, cold] = paired(
  repeat,
  () => run(['-e', ''], { rss: false }),
  () => run([cli, 'check', reference, '--format', 'json'], { rss: false }),
);
row(
  'one file, cold (wall)',
  s(cold.seconds),
  `node -e '' ${s(bare.seconds)}`,
  cold.seconds / bare.seconds,
  '≤ 2×',
  cold.seconds / bare.seconds <= 2,
);

/**
 * Throughput on a folder, one process, beside the js-yaml floor and the `yaml` loop on the same
 * files; then `--jobs 2` (and 4) beside `--jobs 1`. Returns the run with one process.
 */
async function throughput(name, dir, count, { jobs = [2], yamlTarget = false } = {}) {
  const floor = timed(SETTINGS.runs, [join(root, 'bench', 'load-only.mjs'), dir, peers], {
    rss: false,
  });
  const yamlLoop = timed(SETTINGS.runs, [join(root, 'bench', 'parse-only.mjs'), dir], {
    rss: false,
  });
  const one = timed(SETTINGS.runs, clausier('check', dir, '--format', 'json', '--jobs', '1'));
  const toFloor = floor.seconds / one.seconds;
  row(
    `throughput, ${name}, 1 process`,
    fps(count, one.seconds),
    `js-yaml floor ${fps(count, floor.seconds)}`,
    toFloor,
    '≥ 0.5×',
    toFloor >= 0.5,
  );
  const toYaml = yamlLoop.seconds / one.seconds;
  row(
    `throughput, ${name}, 1 process`,
    fps(count, one.seconds),
    `yaml loop ${fps(count, yamlLoop.seconds)}`,
    toYaml,
    yamlTarget ? '≥ 0.9× (stretch 2×)' : '',
    yamlTarget ? toYaml >= 0.9 : undefined,
  );
  for (const n of jobs) {
    const result = timed(
      SETTINGS.runs,
      clausier('check', dir, '--format', 'json', '--jobs', String(n)),
    );
    const speedup = one.seconds / result.seconds;
    row(
      `scaling, ${name}, --jobs ${n}`,
      fps(count, result.seconds),
      `--jobs 1 ${fps(count, one.seconds)}`,
      speedup,
      n === 2 ? '≥ 1.6×' : '',
      n === 2 ? speedup >= 1.6 : undefined,
    );
  }
  if (jobs.includes(2)) {
    // What two cores of this machine give to clausier at all: two processes, each on half the
    // files, started together, against one process on all of them. --jobs 2 cannot beat it.
    const parts = halves(dir);
    const both = await medianOf(SETTINGS.runs, () =>
      together(parts.map((part) => clausier('check', part, '--format', 'json', '--jobs', '1'))),
    );
    row(
      `scaling, ${name}, 2 processes on half each`,
      fps(count, both.seconds),
      `--jobs 1 ${fps(count, one.seconds)}`,
      one.seconds / both.seconds,
      '',
      undefined,
    );
    // The most --jobs 2 can give here: --jobs 1 already keeps more than one core busy (V8
    // compiles and collects garbage on threads of its own), and two workers do at least its work
    // (each compiling its own code besides): on two cores, no faster than that CPU time spread
    // evenly over both.
    const cores = Math.min(2, availableParallelism());
    const ceiling = one.cpu / cores;
    row(
      `scaling, ${name}, --jobs 2 at most`,
      fps(count, ceiling),
      `--jobs 1 ${fps(count, one.seconds)}, ${s(one.cpu)} of CPU`,
      one.seconds / ceiling,
      '',
      undefined,
    );
  }
  return one;
}

await throughput(
  `reference record ×${SETTINGS.copies}`,
  referenceCopies(work, SETTINGS.copies),
  SETTINGS.copies,
);
const sizes = SETTINGS.folders;
for (const count of sizes) {
  const largest = count === sizes[sizes.length - 1];
  const one = await throughput(`${count} files`, corpus(work, count), count, {
    jobs: largest ? [2, 4] : [],
    yamlTarget: true,
  });
  if (largest) {
    // Memory over many files must not grow with their number. The few files are run as many
    // times as the many (a single run's peak moved by 15 MiB from one bench to the next).
    const few = timed(
      SETTINGS.runs,
      clausier('check', corpus(work, SETTINGS.few), '--format', 'json', '--jobs', '1'),
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

// Where a record's time goes, in one process (bench/stages.ts): stage by stage, fact by fact,
// rule by rule, on copies of the reference record and on generated records. Bundled into dist/
// (ignored by git, and not packed: *.mjs), where the rule packs are found.
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
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
const stagesOf = (dir) => {
  const result = spawnSync(
    process.execPath,
    [stagesScript, dir, join(root, 'rules', 'dinsic-preincubation-2019')],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`bench/stages.ts failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
};
const stageCorpora = [
  [`reference ×${SETTINGS.few}`, stagesOf(referenceCopies(work, SETTINGS.few))],
  [`generated ×${SETTINGS.few}`, stagesOf(corpus(work, SETTINGS.few))],
];
{
  const generated = stageCorpora[1][1];
  const perRecord = Object.values(generated.stages).reduce((a, b) => a + b, 0);
  row(
    'json-rules-engine, in one process',
    `${ms(generated.engine)} (${generated.engineRuns} runs)`,
    `a record ${ms(perRecord)}`,
    generated.engine / perRecord,
    '≤ 0.10×',
    generated.engine / perRecord <= 0.1,
  );
}

// Size: one record of 100 KiB, 1 MB and 10 MB; time and memory grow linearly.
const idle = timed(SETTINGS.runs, clausier('check', reference, '--format', 'json'));
const bigSizes = SETTINGS.sizes;
const bySize = [];
for (const bytes of bigSizes) {
  const file = bigRecord(bytes);
  const size = statSync(file).size;
  const result = timed(SETTINGS.runs, clausier('check', file, '--format', 'json'));
  bySize.push({ size, ...result });
  const extra = (result.rss - idle.rss) / (size / 1024 / 1024);
  // The target is on the largest record: for small ones the ratio measures the heap's steps.
  const largest = bytes === bigSizes[bigSizes.length - 1];
  row(
    `one record of ${sizeOf(size)}`,
    `${s(result.seconds)}, ${mib(result.rss)}`,
    `idle run ${mib(idle.rss)}`,
    extra,
    largest ? 'memory above idle ≤ 10× size' : '',
    largest ? extra <= 10 : undefined,
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
  const onFast = timed(SETTINGS.runs, clausier('check', fastFile, '--format', 'json'));
  const onExact = timed(SETTINGS.runs, clausier('check', exactFile, '--format', 'json'));
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
const cached = corpus(work, sizes[sizes.length - 1]);
const cacheDir = join(work, 'cache');
rmSync(cacheDir, { recursive: true, force: true });
const first = run(
  clausier('check', cached, '--format', 'json', '--cache', '--cache-location', cacheDir),
);
const second = timed(
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
const portfolioDir = corpus(work, SETTINGS.portfolio);
const portfolioOut = join(work, 'portfolio');
rmSync(portfolioOut, { recursive: true, force: true });
mkdirSync(portfolioOut, { recursive: true });
const judged = timed(
  SETTINGS.runs,
  clausier('check', portfolioDir, '--format', 'json', '--jobs', '1'),
);
const portfolio = timed(
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

// The tables: the figures, then where a record's time goes.
console.log(`clausier benchmarks — ${machine()}${quick ? ` (${mode})` : ''}`);
console.log(`js-yaml ${versionOf(peers, 'js-yaml')} (the floor), installed in ${peers}\n`);
for (const line of table.lines()) console.log(line);

const share = (x, total) => `${((100 * x) / total).toFixed(1)} %`;
/** One table with a pair of columns (ms per record, share) for each corpus. */
function breakdown(title, names, value, total) {
  console.log(`\n${title}`);
  const lines = columns([
    ['', ...stageCorpora.flatMap(([name]) => [name, ''])],
    ...names.map((name) => [
      name,
      ...stageCorpora.flatMap(([, stages]) => {
        const v = value(stages, name);
        return v === undefined ? ['', ''] : [ms(v), share(v, total(stages))];
      }),
    ]),
  ]);
  for (const line of lines) console.log(line);
}
const recordTotal = (stages) => Object.values(stages.stages).reduce((a, b) => a + b, 0);
/** Collecting garbage, in the collections that began during a stage (none: 0). */
const collectingIn = (x, stage) => x.collecting[stage] ?? 0;
/**
 * What a stage's rows above do not hold: its time less its collecting and its parts (timed in a
 * pass of their own, by name).
 */
const rest = (x, stage, parts) =>
  x.stages[stage] - collectingIn(x, stage) - Object.values(parts).reduce((a, b) => a + b, 0);
const STAGES = [
  ['read the file', (x) => x.stages.file],
  ['load: text, YAML, schema, exact values', (x) => x.stages.load],
  ['  of which YAML', (x) => x.loading.yaml],
  ['  of which the schema', (x) => x.loading.schema],
  ['  of which exact values (amounts, dates, weeks)', (x) => x.loading['exact values']],
  ['  of which collecting garbage while loading', (x) => collectingIn(x, 'load')],
  ['  the rest of loading (text, positions; parts timed apart)', (x) => rest(x, 'load', x.loading)],
  ['check', (x) => x.stages.check],
  ['  of which as it stood (events after asOf)', (x) => x.checking['as it stood']],
  ['  of which measure (deriveFacts)', (x) => x.checking.measure],
  ['  of which evaluate (facts made as read)', (x) => x.checking.evaluate],
  ['    of which json-rules-engine', (x) => x.engine],
  ['  of which word and locate the findings', (x) => x.checking['word and locate']],
  ['  of which collecting garbage while checking', (x) => collectingIn(x, 'check')],
  ['  the rest of checking (the report; parts timed apart)', (x) => rest(x, 'check', x.checking)],
  ['JSON entry of the report', (x) => x.stages.json],
  ['  of which collecting garbage while writing it', (x) => collectingIn(x, 'json')],
  ['a record', recordTotal],
];
breakdown(
  "Where a record's time goes, ms per record and share of a record (bench/stages.ts)",
  STAGES.map(([name]) => name),
  (stages, name) => STAGES.find(([n]) => n === name)[1](stages),
  recordTotal,
);
const byName = (list) => new Map(list.map((x) => [x.name, x.ms]));
const unionOf = (key) => {
  const order = stageCorpora[stageCorpora.length - 1][1][key].map((x) => x.name);
  for (const [, stages] of stageCorpora)
    for (const { name } of stages[key]) if (!order.includes(name)) order.push(name);
  return order;
};
breakdown(
  'Each rule, evaluated alone over items made beforehand: ms per record and share of a record',
  unionOf('rules'),
  (stages, name) => byName(stages.rules).get(name),
  recordTotal,
);
breakdown(
  'Each derived fact, reader of the record and making of items, in its own time (not in what it calls; timed calls): ms per record and share of that pass',
  unionOf('facts'),
  (stages, name) => byName(stages.facts).get(name),
  (stages) => stages.factsTotal,
);
