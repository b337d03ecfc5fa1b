/** What a run found, counted the same way by every output format. */
import type { FileReport } from '../check.js';
import type { Severity } from '../rules/types.js';

export interface RunSummary {
  files: number;
  compliant: number;
  withBreaches: number;
  invalid: number;
  breaches: Record<Severity, number>;
  /** Breaches a waiver accepts, counted apart from the breaches. */
  waived: number;
  /** Waivers expired, not yet approved, or matching no breach. */
  waiverProblems: number;
  inputErrors: number;
}

export function emptySummary(): RunSummary {
  return {
    files: 0,
    compliant: 0,
    withBreaches: 0,
    invalid: 0,
    breaches: { error: 0, warning: 0 },
    waived: 0,
    waiverProblems: 0,
    inputErrors: 0,
  };
}

/** Counts one more file's report into a summary. */
export function addToSummary(summary: RunSummary, report: FileReport): void {
  summary.files++;
  if (report.verdict === 'compliant') summary.compliant++;
  else if (report.verdict === 'breach') summary.withBreaches++;
  else summary.invalid++;
  summary.inputErrors += report.errors.length;
  for (const finding of report.findings) {
    if (finding.status === 'breach') summary.breaches[finding.severity]++;
    else if (finding.status === 'waived') summary.waived++;
  }
  summary.waiverProblems += (report.waivers ?? []).filter((w) => w.status !== 'applied').length;
}

export function summarize(reports: readonly FileReport[]): RunSummary {
  const summary = emptySummary();
  for (const report of reports) addToSummary(summary, report);
  return summary;
}

/**
 * What makes a run fail (exit 1): `error` breaches only; any breach, or a waiver to review
 * (`warning`, the default); or also undetermined, or also pending findings.
 */
export type FailOn = 'error' | 'warning' | 'undetermined' | 'pending';

export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'undetermined', 'pending'];

export function fails(reports: readonly FileReport[], failOn: FailOn): boolean {
  return reports.some(
    (report) =>
      (failOn !== 'error' && (report.waivers ?? []).some((w) => w.status !== 'applied')) ||
      report.findings.some((f) => {
        if (f.status === 'breach') return failOn !== 'error' || f.severity === 'error';
        if (f.status === 'undetermined') return failOn === 'undetermined' || failOn === 'pending';
        if (f.status === 'pending') return failOn === 'pending';
        return false;
      }),
  );
}
