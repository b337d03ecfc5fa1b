/**
 * The records a command line names (files, folders, globs, `-`: see expandTargets), checked one
 * after the other, each with what it was judged on: for the commands that show more of a record
 * than its findings (the agenda, the portfolio, the ledger). One record at a time is held.
 * The views floor is below this one: an inspection judged is a view's input.
 */
import { DEFAULT_LANGUAGE } from '../base/language.js';
import { inspectLoaded, type CheckOptions, type PackRegistry } from '../pipeline.js';
import { type FileReport } from '../model/finding.js';
import { isJudged, type JudgedInspection } from '../views/index.js';
import { loadTarget, unreadableReport, type Target } from './targets.js';

export interface Inspected {
  report: FileReport;
  /** The inspection, when the record could be judged (no input error). */
  judged?: JudgedInspection;
}

export async function* inspectTargets(
  targets: readonly Target[],
  options: CheckOptions,
  registry: PackRegistry,
): AsyncGenerator<Inspected> {
  for (const target of targets) {
    if (target.problem !== undefined) {
      yield {
        report: unreadableReport(target.path, target.problem, options.language ?? DEFAULT_LANGUAGE),
      };
      continue;
    }
    const inspection = await inspectLoaded(await loadTarget(target, options), options, registry);
    yield isJudged(inspection)
      ? { report: inspection.report, judged: inspection }
      : { report: inspection.report };
  }
}
