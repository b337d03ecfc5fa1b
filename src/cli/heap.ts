/**
 * One setting of V8's collector for the commands that read large records.
 *
 * V8 decides, from how many of the objects made at one place in the code outlive a young-space
 * collection, to make that place's next objects directly in the old space ("allocation-site
 * pretenuring"). On a large record the decision came or not from one run to the next, with the
 * timing of background compilation: the bench's 9.2 MB record peaked at 140 MiB in most runs of
 * `check` and at 176 MiB in the others, where short-lived objects of the facts' derivation went
 * to the old space and stayed there until a full collection (`--trace-gc`: every scavenge then
 * promoted some 5 MB). Without it the peak is the same in every run, and the time is unchanged.
 *
 * It is turned off only when a record of 1 MiB or more is to be read: node:v8, which sets it,
 * costs a cold check some 8 ms to load (it loads Node's streams), for no gain on small records.
 * V8 reads the setting at each collection, so setting it before the records are read is enough.
 * The command line alone sets it: a program using clausier's API keeps its own V8 settings.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expandTargets, type Target } from '../index.js';

/** From this size a record is large enough for the setting to matter. */
const LARGE_RECORD_BYTES = 1024 * 1024;

/** The files named by a command's arguments (see expandTargets), the collector set for them. */
export function recordTargets(paths: readonly string[]): Target[] {
  const targets = expandTargets(paths);
  settleCollectorFor(targets);
  return targets;
}

/** Turns allocation-site pretenuring off when one of the targets is a large record. */
export function settleCollectorFor(
  targets: readonly Pick<Target, 'path' | 'problem' | 'mayWait'>[],
): void {
  for (const target of targets) {
    // Standard input and pipes have no size to read beforehand; they are read as they are.
    if (target.problem !== undefined || target.mayWait) continue;
    let size: number;
    try {
      size = statSync(target.path).size;
    } catch {
      continue;
    }
    if (size >= LARGE_RECORD_BYTES) {
      const v8 = createRequire(import.meta.url)('node:v8') as typeof import('node:v8');
      v8.setFlagsFromString('--no-allocation-site-pretenuring');
      return;
    }
  }
}
