/** What a run found, counted the same way by every output format. */
import type { FileReport, Finding, FindingStatus } from './finding.js';
import { STATUSES } from './finding.js';
import type { Severity } from './pack.js';

export interface RunSummary {
  files: number;
  compliant: number;
  withBreaches: number;
  invalid: number;
  breaches: Record<Severity, number>;
  /** Warnings about the records themselves (record checks), counted apart from the breaches. */
  recordWarnings: number;
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
    recordWarnings: 0,
    waived: 0,
    waiverProblems: 0,
    inputErrors: 0,
  };
}

/**
 * What the summary and the exit code need of one file's report: a few counts, small enough to be
 * kept beside a cached report and used without reading it back.
 */
export interface ReportDigest {
  verdict: FileReport['verdict'];
  inputErrors: number;
  /** Breaches of the convention's obligations, by severity. */
  breaches: Record<Severity, number>;
  /** Findings of the record checks. */
  recordWarnings: number;
  waived: number;
  undetermined: number;
  pending: number;
  waiverProblems: number;
}

/** One file of a run over many records (see checkFiles), as the formats read it. */
export interface CheckedFile {
  file: string;
  /** Its report; from the cache or a worker thread, made again only when asked for. */
  report: () => FileReport;
  digest: ReportDigest;
  /** Its JSON entry text (see entryText in report/json.ts), when the cache or a worker has it. */
  entry?: string;
  /**
   * The same entry in UTF-8, as the cache kept it: RunWriter.addParts writes it as it is, where
   * `entry` would decode it (made on first reading, for a file from the cache).
   */
  entryBytes?: Uint8Array;
  /** The record's text, for code frames. */
  text?: string;
}

export function digestOf(report: FileReport): ReportDigest {
  const digest: ReportDigest = {
    verdict: report.verdict,
    inputErrors: report.errors.length,
    breaches: { error: 0, warning: 0 },
    recordWarnings: 0,
    waived: 0,
    undetermined: 0,
    pending: 0,
    waiverProblems: (report.waivers ?? []).filter((w) => w.status !== 'applied').length,
  };
  for (const finding of report.findings) {
    if (finding.status === 'breach') {
      if (finding.kind === 'record') digest.recordWarnings++;
      else digest.breaches[finding.severity]++;
    } else if (finding.status === 'waived') digest.waived++;
    else if (finding.status === 'undetermined') digest.undetermined++;
    else if (finding.status === 'pending') digest.pending++;
  }
  return digest;
}

/** Whether a report shows code frames: it has breaches or warnings about its record. */
export const showsCodeFrames = (digest: ReportDigest): boolean =>
  digest.breaches.error + digest.breaches.warning + digest.recordWarnings > 0;

/** Counts one more file into a summary, from its report or its digest. */
export function addToSummary(summary: RunSummary, report: FileReport | ReportDigest): void {
  const digest = 'findings' in report ? digestOf(report) : report;
  summary.files++;
  if (digest.verdict === 'compliant') summary.compliant++;
  else if (digest.verdict === 'breach') summary.withBreaches++;
  else summary.invalid++;
  summary.inputErrors += digest.inputErrors;
  summary.breaches.error += digest.breaches.error;
  summary.breaches.warning += digest.breaches.warning;
  summary.recordWarnings += digest.recordWarnings;
  summary.waived += digest.waived;
  summary.waiverProblems += digest.waiverProblems;
}

export function summarize(reports: readonly FileReport[]): RunSummary {
  const summary = emptySummary();
  for (const report of reports) addToSummary(summary, report);
  return summary;
}

/**
 * What makes a run fail (exit 1), each level adding to the one before: `error` breaches only;
 * any breach, or a waiver to review (`warning`, the default); also a warning about a record
 * (`record`); also undetermined findings; also pending ones.
 */
export type FailOn = 'error' | 'warning' | 'record' | 'undetermined' | 'pending';

export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'record', 'undetermined', 'pending'];

/** Whether `--fail-on failOn` counts what a level adds (a level counts those before it too). */
const counts = (level: FailOn, failOn: FailOn): boolean =>
  FAIL_ON.indexOf(level) <= FAIL_ON.indexOf(failOn);

export function fails(reports: readonly (FileReport | ReportDigest)[], failOn: FailOn): boolean {
  return reports.some((report) => {
    const d = 'findings' in report ? digestOf(report) : report;
    // What each level adds.
    const added: Record<FailOn, number> = {
      error: d.breaches.error,
      warning: d.breaches.warning + d.waiverProblems,
      record: d.recordWarnings,
      undetermined: d.undetermined,
      pending: d.pending,
    };
    return FAIL_ON.some((level) => counts(level, failOn) && added[level] > 0);
  });
}

/**
 * The level that adds a finding to what fails a run, or none: what `fails` counts, for one
 * finding (a format that marks what fails the run, as JUnit's failures do, asks it).
 */
function levelOf(finding: Finding): FailOn | undefined {
  switch (finding.status) {
    case 'breach':
      return finding.kind === 'record' ? 'record' : finding.severity;
    case 'undetermined':
    case 'pending':
      return finding.status;
    default:
      return undefined;
  }
}

/** Whether a finding makes a run fail under `failOn` (see fails). */
export function findingFails(finding: Finding, failOn: FailOn): boolean {
  const level = levelOf(finding);
  return level !== undefined && counts(level, failOn);
}

/** Whether waivers to review make a run fail under `failOn`: they are added at `warning`. */
export const waiverProblemsFail = (failOn: FailOn): boolean => counts('warning', failOn);

/** Every status of a finding, gravest first: a breach a waiver accepts ranks just below a breach. */
const FINDING_ORDER: readonly FindingStatus[] = STATUSES.flatMap((status): FindingStatus[] =>
  status === 'breach' ? ['breach', 'waived'] : [status],
);

/**
 * How many rules stand under each status, gravest first, leaving out the statuses no rule has:
 * a rule counts once, under the gravest status of its findings.
 */
export function ruleTally(findings: readonly Finding[]): {
  rules: number;
  counts: (readonly [FindingStatus, number])[];
} {
  const gravest = new Map<string, number>();
  for (const f of findings) {
    const rank = FINDING_ORDER.indexOf(f.status);
    const current = gravest.get(f.rule);
    if (current === undefined || rank < current) gravest.set(f.rule, rank);
  }
  const counts = FINDING_ORDER.map((status, rank) => {
    let n = 0;
    for (const r of gravest.values()) if (r === rank) n++;
    return [status, n] as const;
  }).filter(([, n]) => n > 0);
  return { rules: gravest.size, counts };
}
