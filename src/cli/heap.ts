/**
 * Two settings of V8's collector, for the commands that read records, chosen from the sizes of
 * the records a run is to read.
 *
 * - **Allocation-site pretenuring off, once the records add up to 1 MiB.** V8 decides, from how
 *   many of the objects made at one place in the code outlive a young-space collection, to make
 *   that place's next objects directly in the old space. clausier's objects live as long as one
 *   record's check: made in the old space, they stay there until a full collection. Node.js 24
 *   (V8 13.6) decides so on ordinary records: over 2,000 copies of the reference record, each
 *   scavenge then left 3.5 MB more in the old space, the peak was 222 to 232 MiB instead of 146 to
 *   151, and the run 10 to 20 % slower (`--trace-gc`, issue 17's ninth stop). Node 22 peaked at 121
 *   to 130 MiB instead of 108 to 113. Node 20 runs in the same time, its peak 15 MiB higher or
 *   lower with the records (1,000 copies of the reference record: 102 MiB instead of 87 to 89;
 *   1,000 generated records: 112 instead of 122 to 136; 2,000 copies: 103 to 105 either way).
 *   On a single large record, Node 20 decided it or not from one run to the next, with the timing
 *   of background compilation: the bench's 9.2 MB record peaked at 140 MiB in most runs and at
 *   176 MiB in the others.
 * - **The young space kept at its first size, for a record of 1 MiB or more that is at least
 *   half of what the run reads.** While such a record is read, nearly all that is made survives,
 *   and the young space grows to its largest, which is much larger on Node 24 than on Node 20:
 *   the 9.2 MB record peaked at 195 MiB with it growing, 143 without (Node 20: 142 and 129; Node
 *   22: 147 and 134), in the same time on Node 20 and 24 and 6 % more on Node 22 (alternating
 *   runs). Over many small records it costs time (2,000 copies of the reference record: a
 *   quarter slower on Node 20), hence the condition.
 *
 * node:v8, which sets them, costs a cold check some 8 ms to load (it loads Node's streams): a run
 * of less than 1 MiB sets nothing. V8 reads both settings at each collection, so setting them
 * before the first record is read is enough; they hold for the worker threads of `--jobs` too.
 * `check` sets them just before it checks its first record afresh (CheckFilesOptions'
 * `beforeChecking`), so that a run the cache serves whole takes no `stat` of its files (10,000
 * of them: some 5 % of such a run). The command line alone sets them: a program using
 * clausier's API keeps its own V8 settings.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expandTargets, type Target } from '../index.js';

/** From this size, a record or the records of a run are large enough for the settings to matter. */
const LARGE_BYTES = 1024 * 1024;

/** The files named by a command's arguments (see expandTargets), the collector set for them. */
export function recordTargets(paths: readonly string[]): Target[] {
  const targets = expandTargets(paths);
  settleCollectorFor(targets);
  return targets;
}

/** The V8 settings for a run that reads records of these sizes in bytes (see above). */
export function collectorFlags(sizes: readonly number[]): string[] {
  let total = 0;
  let largest = 0;
  for (const size of sizes) {
    total += size;
    if (size > largest) largest = size;
  }
  const flags: string[] = [];
  if (total >= LARGE_BYTES) flags.push('--no-allocation-site-pretenuring');
  if (largest >= LARGE_BYTES && largest * 2 >= total) flags.push('--semi-space-growth-factor=1');
  return flags;
}

/** Sets V8's collector for the records of a run, from their sizes (see collectorFlags). */
export function settleCollectorFor(
  targets: readonly Pick<Target, 'path' | 'problem' | 'mayWait'>[],
): void {
  const sizes: number[] = [];
  for (const target of targets) {
    // Standard input and pipes have no size to read beforehand; they are read as they are.
    if (target.problem !== undefined || target.mayWait) continue;
    try {
      sizes.push(statSync(target.path).size);
    } catch {
      continue;
    }
  }
  const flags = collectorFlags(sizes);
  if (flags.length === 0) return;
  const v8 = createRequire(import.meta.url)('node:v8') as typeof import('node:v8');
  for (const flag of flags) v8.setFlagsFromString(flag);
}
