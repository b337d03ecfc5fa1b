/** Running a pack's cases (see src/rules/cases.ts): each record checked, and compared with what it expects. */
import { checkFile, PackRegistry } from '../pipeline.js';
import type { FileReport } from '../model/finding.js';
import { findingsAsExpectation, type PackCase } from '../rules/cases.js';

export interface CaseResult {
  case: PackCase;
  passed: boolean;
  /** What differs, in words, when the case fails. */
  differences: string[];
  report: FileReport;
}

/** Runs a case: checks its record with the pack and compares with what it expects. */
export async function runCase(
  testCase: PackCase,
  packDir: string,
  registry = new PackRegistry(),
): Promise<CaseResult> {
  const report = await checkFile(testCase.file, { language: 'fr', rules: packDir }, registry);
  const differences: string[] = [];
  if (report.errors.length > 0) {
    differences.push(
      ...report.errors.map((e) => `input error at ${e.line}:${e.column}: ${e.message}`),
    );
  } else {
    const actual = findingsAsExpectation(report);
    const { description: _, ...expected } = testCase.expectation;
    const key = (value: unknown): string => JSON.stringify(value);
    for (const field of [
      'breaches',
      'recordWarnings',
      'undetermined',
      'pending',
      'notApplicable',
      'notices',
    ] as const) {
      const want = (expected[field] as unknown[]).map(key);
      const got = (actual[field] as unknown[]).map(key);
      for (const item of want)
        if (!got.includes(item)) differences.push(`missing ${field}: ${item}`);
      for (const item of got)
        if (!want.includes(item)) differences.push(`unexpected ${field}: ${item}`);
    }
  }
  return { case: testCase, passed: differences.length === 0, differences, report };
}
