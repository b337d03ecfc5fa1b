// clausier beside its peers, on the same files in the same run: the floor (a loop that only loads
// each record with js-yaml), the `yaml` loop (parseDocument, with positions), and Spectral, the
// YAML linter a CI user would pick, running the five simplest rules of the pack
// (bench/spectral/ruleset.yaml). Run after `npm run build`:
//
//   npm run bench:peers               the full set (a few minutes)
//   npm run bench:peers -- --quick    a small run
//   npm run bench:peers -- --smoke    a tiny run, to check that it still works
//
// js-yaml and Spectral are installed by npm in a temporary folder (bench/peer-packages.mjs), once;
// neither is a dependency of clausier. Before anything is timed, each of the five rules must be
// seen to flag a record that breaches it, in Spectral and in clausier alike, and neither may
// flag the reference record: a comparison with a ruleset that checks nothing would be no
// comparison. Times are medians of wall-clock runs; files per second count the whole process,
// start included, as a CI job sees it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cli,
  clausier,
  corpus,
  fps,
  machine,
  median,
  mib,
  modeOf,
  reference,
  referenceCopies,
  root,
  run,
  Table,
} from './measure.mjs';
import { binOf, installPeers, JS_YAML, SPECTRAL, versionOf } from './peer-packages.mjs';

const mode = modeOf(process.argv);
/** How many records each corpus has, and runs per median. */
const SETTINGS = {
  full: { copies: 1_000, generated: 1_000, runs: 3 },
  quick: { copies: 100, generated: 100, runs: 1 },
  smoke: { copies: 6, generated: 6, runs: 1 },
}[mode];
const work = process.env.CLAUSIER_BENCH_DIR ?? join(tmpdir(), `clausier-bench-${mode}`);
const pack = join(root, 'rules', 'dinsic-preincubation-2019');
const ruleset = join(root, 'bench', 'spectral', 'ruleset.yaml');

if (!existsSync(cli)) {
  console.error('bench: dist/cli.cjs is missing: run npm run build first');
  process.exit(2);
}
mkdirSync(work, { recursive: true });

let peers;
try {
  peers = installPeers([JS_YAML, SPECTRAL]);
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exit(2);
}
const spectral = binOf(peers, '@stoplight/spectral-cli', 'spectral');
/** Spectral's arguments to lint files (paths or globs) with the five rules, in JSON. */
const lint = (...files) => [
  spectral,
  'lint',
  ...files,
  '--ruleset',
  ruleset,
  '--format',
  'json',
  '--quiet',
];

// The honesty check: for each rule, one case of the pack that breaches it (cases/<rule>/), which
// both tools must flag with that rule; and the reference record, which neither may flag.
const BREACHING = {
  'A4-CAP': 'a-payment-of-12000-euros-breaches-the-cap.yaml',
  'A4-SINGLE-PAYMENT': 'two-payments-of-5000-euros-breach-a4-single-payment.yaml',
  'A1-RELEASE-WEEKLY':
    'an-intrapreneur-released-half-a-day-in-a-week-breaches-a1-release-weekly.yaml',
  'A1-PHASES-COMPLETE': 'a-programme-missing-phase-4-breaches-a1-phases-complete.yaml',
  'A4-REFUND-UNUSED': 'no-refund-four-months-after-the-end-breaches-a4-refund-unused.yaml',
};

/** The rules each tool flags in one file. */
function flagged(file) {
  const bySpectral = spawnSync(process.execPath, lint(file), { cwd: root, encoding: 'utf8' });
  if (bySpectral.status !== 0 && bySpectral.status !== 1)
    throw new Error(`Spectral failed on ${file}: ${bySpectral.stderr}`);
  const byClausier = spawnSync(process.execPath, [cli, 'check', file, '--format', 'json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (byClausier.status !== 0 && byClausier.status !== 1)
    throw new Error(`clausier failed on ${file}: ${byClausier.stderr}`);
  const report = JSON.parse(byClausier.stdout);
  return {
    spectral: new Set(JSON.parse(bySpectral.stdout).map((result) => result.code)),
    clausier: new Set(
      report.files[0].findings.filter((f) => f.status === 'breach').map((f) => f.rule),
    ),
  };
}

const clean = flagged(reference);
if (clean.spectral.size > 0 || clean.clausier.size > 0) {
  console.error(
    `bench: the reference record is flagged (Spectral: ${[...clean.spectral].join(', ') || 'nothing'}; clausier: ${[...clean.clausier].join(', ') || 'nothing'})`,
  );
  process.exit(2);
}
for (const [rule, name] of Object.entries(BREACHING)) {
  const file = join(root, 'cases', rule, name);
  const found = flagged(file);
  for (const [tool, rules] of Object.entries(found)) {
    if (!rules.has(rule)) {
      console.error(`bench: ${tool} does not flag ${rule} in cases/${rule}/${name}`);
      process.exit(2);
    }
  }
}

const rulesOfPack = readdirSync(pack).filter((name) => /^[A-Z][\w-]*\.yaml$/.test(name)).length;
const ruleCount = Object.keys(BREACHING).length;
const table = new Table(mode);
const corpora = [
  [`reference record ×${SETTINGS.copies}`, referenceCopies(work, SETTINGS.copies)],
  [`generated records ×${SETTINGS.generated}`, corpus(work, SETTINGS.generated)],
];
for (const [name, dir] of corpora) {
  const count = readdirSync(dir).filter((f) => f.endsWith('.yaml')).length;
  const timed = (args, options) => median(SETTINGS.runs, () => run(work, args, options));
  const floor = timed([join(root, 'bench', 'load-only.mjs'), dir, peers], { rss: false });
  const yamlLoop = timed([join(root, 'bench', 'parse-only.mjs'), dir], { rss: false });
  const ours = timed(clausier('check', dir, '--format', 'json', '--jobs', '1'));
  const theirs = timed(lint(join(dir, '*.yaml')));
  const ratio = floor.seconds / ours.seconds;
  table.row(
    `${name}: clausier, 1 process`,
    fps(count, ours.seconds),
    `js-yaml floor ${fps(count, floor.seconds)}`,
    ratio,
    '≥ 0.5×',
    ratio >= 0.5,
  );
  table.row(
    `${name}: clausier, 1 process`,
    fps(count, ours.seconds),
    `yaml loop ${fps(count, yamlLoop.seconds)}`,
    yamlLoop.seconds / ours.seconds,
  );
  const faster = theirs.seconds / ours.seconds;
  table.row(
    `${name}: Spectral, ${ruleCount} rules`,
    `${fps(count, theirs.seconds)}, ${mib(theirs.rss)}`,
    `clausier (${rulesOfPack} rules) ${fps(count, ours.seconds)}, ${mib(ours.rss)}`,
    faster,
    'clausier ≥ 10× faster',
    faster >= 10,
  );
}

console.log(`clausier beside its peers — ${machine()}${mode === 'full' ? '' : ` (${mode})`}`);
console.log(
  `js-yaml ${versionOf(peers, 'js-yaml')}, Spectral ${versionOf(peers, '@stoplight/spectral-cli')} (${ruleCount} rules: bench/spectral/ruleset.yaml), installed in ${peers}\n`,
);
for (const line of table.lines()) console.log(line);
