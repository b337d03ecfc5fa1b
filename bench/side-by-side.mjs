// Two builds of clausier measured side by side in one run, on the same records, in alternation
// (so that the load of the machine weighs on both alike): the per-record time of a check in one
// process (--jobs 1) and its peak memory, on a folder of generated records and on the reference
// record. How a change that must not slow clausier down (issues 12 and 13) is measured:
//
//   git worktree add /tmp/before <commit> && (cd /tmp/before && npm ci && npm run build)
//   node bench/side-by-side.mjs /tmp/before/dist/cli.cjs dist/cli.cjs [--records 400] [--runs 5]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRecord, optionsForSize } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const clis = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (clis.length !== 2) {
  console.error('usage: node bench/side-by-side.mjs BEFORE_CLI AFTER_CLI [--records N] [--runs N]');
  process.exit(2);
}
const [before, after] = clis.map((c) => resolve(c));
const records = option('--records', 400);
const runs = option('--runs', 5);

const dir = mkdtempSync(join(tmpdir(), 'clausier-side-'));
const folder = join(dir, 'records');
mkdirSync(folder);
for (let i = 0; i < records; i++)
  writeFileSync(
    join(folder, `r${String(i).padStart(5, '0')}.yaml`),
    generateRecord({ ...optionsForSize(10_000, i + 1), breaches: i % 3 === 0 ? 0.5 : 0 }),
  );
const reference = join(here, '..', 'cases', 'les-lilas-2019.yaml');

/** One run of a CLI: wall time (ms) and peak resident memory (KiB). */
function once(cli, target) {
  const rss = join(dir, 'rss');
  const start = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    [
      join(here, 'with-rss.mjs'),
      cli,
      'check',
      target,
      '--jobs',
      '1',
      '-f',
      'json',
      '--no-progress',
    ],
    { encoding: 'utf8', env: { ...process.env, CLAUSIER_BENCH_RSS: rss }, maxBuffer: 1 << 30 },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${cli}: ${run.stderr}`);
  return { ms, kib: Number(readFileSync(rss, 'utf8')), out: run.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const [label, target, count] of [
  [`${records} generated records`, folder, records],
  ['the reference record', reference, 1],
]) {
  const figures = { before: [], after: [] };
  for (let i = 0; i < runs; i++)
    for (const [name, cli] of i % 2 === 0
      ? [
          ['before', before],
          ['after', after],
        ]
      : [
          ['after', after],
          ['before', before],
        ])
      figures[name].push(once(cli, target));
  const ms = (name) => median(figures[name].map((f) => f.ms)) / count;
  const kib = (name) => median(figures[name].map((f) => f.kib));
  rows.push({
    label,
    beforeMs: ms('before'),
    afterMs: ms('after'),
    beforeMiB: kib('before') / 1024,
    afterMiB: kib('after') / 1024,
  });
}
rmSync(dir, { recursive: true, force: true });

console.log(`side by side, ${runs} alternated runs each, medians (--jobs 1)`);
for (const r of rows) {
  const time = r.afterMs / r.beforeMs;
  const memory = r.afterMiB / r.beforeMiB;
  console.log(
    `${r.label}: per record ${r.beforeMs.toFixed(2)} ms -> ${r.afterMs.toFixed(2)} ms (×${time.toFixed(3)}); ` +
      `peak memory ${r.beforeMiB.toFixed(1)} MiB -> ${r.afterMiB.toFixed(1)} MiB (×${memory.toFixed(3)})`,
  );
}
