/**
 * The JSON report: `{"files":[{"file","errors":[...],"findings":[...]}], "summary": {...}}`.
 * Amounts are integer cents; dates are YYYY-MM-DD; keys come in a fixed order.
 */
import type { FileReport, Finding } from '../model/finding.js';
import type { InputProblem } from '../base/errors.js';
import { summarize, type RunSummary } from '../model/summary.js';

/** An input error as JSON reports give it, keys in their fixed order. */
export const problemEntry = (e: InputProblem): Record<string, unknown> => ({
  message: e.message,
  line: e.line,
  column: e.column,
  pointer: e.pointer,
});

/** One file's entry of the report, keys in their fixed order (optional ones set when given). */
function fileEntry(report: FileReport): Record<string, unknown> {
  const entry: Record<string, unknown> = { file: report.file, verdict: report.verdict };
  if (report.asOf !== undefined) entry.asOf = report.asOf;
  if (report.pack !== undefined) entry.pack = report.pack;
  entry.errors = report.errors.map(problemEntry);
  entry.findings = report.findings.map(findingEntry);
  if (report.notices !== undefined)
    entry.notices = report.notices.map((n) => ({
      kind: n.kind,
      message: n.message,
      pointer: n.pointer,
      line: n.line,
      column: n.column,
    }));
  if (report.waivers !== undefined) entry.waivers = report.waivers;
  if (report.money !== undefined) entry.money = report.money;
  return entry;
}

/**
 * A finding as JSON reports give it, keys in their fixed order. Every record has some thirty
 * findings: their optional keys are set one by one, not spread (a tenth of the entry's time).
 */
function findingEntry(f: Finding): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    rule: f.rule,
    status: f.status,
    severity: f.severity,
    kind: f.kind,
    message: f.message,
    clauses: f.clauses,
    locations: f.locations.map((l) => ({ pointer: l.pointer, line: l.line, column: l.column })),
    title: f.title,
    cite: f.cite,
    obligor: f.obligor,
  };
  if (f.case !== undefined) entry.case = f.case;
  if (f.missing !== undefined) entry.missing = f.missing;
  if (f.count !== undefined) entry.count = f.count;
  if (f.due !== undefined) entry.due = f.due;
  if (f.performed !== undefined) entry.performed = f.performed;
  if (f.daysLate !== undefined) entry.daysLate = f.daysLate;
  if (f.waiver !== undefined) entry.waiver = f.waiver;
  if (f.trace !== undefined) entry.trace = f.trace;
  return entry;
}

const indent = (json: string, by: string): string => json.replaceAll('\n', `\n${by}`);

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** Where a file's entry sits in the report: its lines are indented by this much. */
const ENTRY_INDENT = '    ';

/**
 * A file's entry without its first key (the file's name), as the report prints it: what the
 * report cache keeps, so that an unchanged record's entry is written without being rebuilt.
 */
export function entryText(report: FileReport): string {
  const { file: _, ...rest } = fileEntry(report);
  return indented(rest);
}

/**
 * A value as JSON.stringify(value, null, 2) writes it, its lines after the first indented by
 * ENTRY_INDENT. Written two arrays deep, they are indented as they are made: cut out of
 * "[\n  [\n    " and "\n  ]\n]", without a second pass over the text.
 */
function indented(value: unknown): string {
  return JSON.stringify([[value]], null, 2).slice(ENTRY_OPENING.length, -ENTRY_CLOSING.length);
}
const ENTRY_OPENING = `[\n  [\n${ENTRY_INDENT}`;
const ENTRY_CLOSING = '\n  ]\n]';

/** A FileReport read back from its entry text and its file's name. */
export function reportOfEntry(file: string, text: string): FileReport {
  return { file, ...(JSON.parse(text) as Omit<FileReport, 'file'>) };
}

/**
 * The JSON report written file by file, so that a run over thousands of records holds none of
 * them: the text is exactly that of JSON.stringify(report, null, 2).
 */
export class JsonReportWriter {
  private count = 0;

  begin(tool: { name: string; version: string }): string {
    return `{\n  "tool": ${indent(JSON.stringify(tool, null, 2), '  ')},\n  "files": [`;
  }

  /** One file's entry: as entry(report.file, entryText(report)) makes it, in one piece. */
  file(report: FileReport): string {
    return `${this.count++ === 0 ? '\n' : ',\n'}${ENTRY_INDENT}${indented(fileEntry(report))}`;
  }

  /** One file's entry, from the file's name and its entry text (see entryText). */
  entry(file: string, text: string): string {
    if (text === '{}') return `${this.opening(file)}\n${ENTRY_INDENT}}`;
    // The entry text opens with "{" and, unless it is empty, a line break before its first key.
    return `${this.opening(file)},${text.slice(1)}`;
  }

  /**
   * The same from the entry text's UTF-8 bytes, as pieces of bytes to write one after the other:
   * the text is not decoded and encoded again, nor copied behind the file's name (a run whose
   * records are in the cache writes thousands of them, some 20 KB each).
   */
  entryPieces(file: string, bytes: Uint8Array): Uint8Array[] {
    if (bytes.length === 2 && bytes[0] === OPEN_BRACE && bytes[1] === CLOSE_BRACE)
      return [Buffer.from(this.entry(file, '{}'))];
    return [Buffer.from(`${this.opening(file)},`), bytes.subarray(1)];
  }

  /** What comes before an entry's first key: the separator, the brace and the file's name. */
  private opening(file: string): string {
    const name = `\n${ENTRY_INDENT}  "file": ${JSON.stringify(file)}`;
    return `${this.count++ === 0 ? '\n' : ',\n'}${ENTRY_INDENT}{${name}`;
  }

  end(summary: RunSummary): string {
    return `${this.count === 0 ? ']' : '\n  ]'},\n  "summary": ${indent(JSON.stringify(summary, null, 2), '  ')}\n}\n`;
  }
}

export function formatJson(
  reports: readonly FileReport[],
  tool: { name: string; version: string },
): string {
  const writer = new JsonReportWriter();
  return (
    writer.begin(tool) +
    reports.map((r) => writer.file(r)).join('') +
    writer.end(summarize(reports))
  );
}
