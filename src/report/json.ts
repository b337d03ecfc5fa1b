/**
 * The JSON report: `{"files":[{"file","errors":[...],"findings":[...]}], "summary": {...}}`.
 * Amounts are integer cents; dates are YYYY-MM-DD; keys come in a fixed order.
 */
import type { FileReport } from '../check.js';
import { summarize } from './summary.js';

export function formatJson(
  reports: readonly FileReport[],
  tool: { name: string; version: string },
): string {
  const files = reports.map((report) => ({
    file: report.file,
    verdict: report.verdict,
    ...(report.asOf !== undefined && { asOf: report.asOf }),
    ...(report.pack !== undefined && { pack: report.pack }),
    errors: report.errors.map((e) => ({
      message: e.message,
      line: e.line,
      column: e.column,
      pointer: e.pointer,
    })),
    findings: report.findings.map((f) => ({
      rule: f.rule,
      status: f.status,
      severity: f.severity,
      message: f.message,
      clauses: f.clauses,
      locations: f.locations.map((l) => ({ pointer: l.pointer, line: l.line, column: l.column })),
      title: f.title,
      cite: f.cite,
      obligor: f.obligor,
      ...(f.case !== undefined && { case: f.case }),
      ...(f.missing !== undefined && { missing: f.missing }),
      ...(f.count !== undefined && { count: f.count }),
      ...(f.waiver !== undefined && { waiver: f.waiver }),
    })),
    ...(report.waivers !== undefined && { waivers: report.waivers }),
    ...(report.money !== undefined && { money: report.money }),
  }));
  return JSON.stringify({ tool, files, summary: summarize(reports) }, null, 2) + '\n';
}
