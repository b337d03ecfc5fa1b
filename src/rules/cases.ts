/**
 * Cases: records that test a rule pack, each beside its `<name>.expected.yaml` saying exactly
 * what clausier finds in it (OpenFisca's and Publicodes' test cases, for conventions). Used by
 * `clausier test`, `clausier explain`, the lawyers' documentation and the vitest harness; they
 * are run by src/run/cases.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type FileReport, type Finding, type Status } from '../model/finding.js';
import { InputError } from '../base/errors.js';
import { decodeText } from '../load/text.js';
import { parseYaml } from '../load/yaml/parse.js';
import { isOwnFile } from './pack/files.js';
import type { RulePack } from './pack/types.js';

/** A breach of the convention, or a warning about the record, as a case expects it. */
export interface ExpectedBreach {
  rule: string;
  case: string;
  line: number;
  message: string;
}

/** What a case's record must give, exactly. Every rule not listed is satisfied. */
export interface Expectation {
  /** The case as a sentence. */
  description: string;
  /** Breaches of the convention's obligations. */
  breaches: ExpectedBreach[];
  /** Warnings about the record (the findings of record checks). */
  recordWarnings: ExpectedBreach[];
  undetermined: { rule: string; missing: string[] }[];
  pending: string[];
  notApplicable: string[];
  /** What the record holds that is not counted (dated after the evaluation date). */
  notices: { line: number; message: string }[];
}

export interface PackCase {
  /** The record's path. */
  file: string;
  /** Its path relative to the cases folder, for display. */
  name: string;
  expectation: Expectation;
}

export const EXPECTED_SUFFIX = '.expected.yaml';

export const expectationFile = (record: string): string =>
  record.replace(/\.ya?ml$/i, EXPECTED_SUFFIX);

/** Reads an expectation file; a malformed one is an InputError naming the file and line. */
export function readExpectation(path: string): Expectation {
  const decoded = decodeText(readFileSync(path));
  if (!decoded.ok)
    throw new InputError(
      decoded.problem.message,
      path,
      decoded.problem.line,
      decoded.problem.column,
    );
  const parsed = parseYaml(decoded.text);
  const first = parsed.problems[0];
  if (first) throw new InputError(first.message, path, first.line, first.column);
  const value = parsed.value as Record<string, unknown>;
  const fail = (field: string, expected: string): never => {
    const at = parsed.positions.place(value, `/${field}`);
    throw new InputError(`${field}: expected ${expected}`, path, at.line, at.column);
  };
  const list = (field: string): unknown[] => {
    const v = value[field] ?? [];
    return Array.isArray(v) ? v : fail(field, 'a list');
  };
  if (typeof value.description !== 'string') fail('description', 'the case as a sentence');
  const expectation: Expectation = {
    description: value.description as string,
    breaches: list('breaches') as ExpectedBreach[],
    recordWarnings: list('recordWarnings') as ExpectedBreach[],
    undetermined: list('undetermined') as Expectation['undetermined'],
    pending: list('pending') as string[],
    notApplicable: list('notApplicable') as string[],
    notices: list('notices') as Expectation['notices'],
  };
  for (const field of ['breaches', 'recordWarnings'] as const) {
    expectation[field].forEach((b, i) => {
      if (
        typeof b?.rule !== 'string' ||
        typeof b.case !== 'string' ||
        typeof b.line !== 'number' ||
        typeof b.message !== 'string'
      ) {
        fail(`${field}/${i}`, 'rule, case, line and message');
      }
    });
  }
  expectation.notices.forEach((n, i) => {
    if (typeof n?.line !== 'number' || typeof n.message !== 'string')
      fail(`notices/${i}`, 'line and message');
  });
  return expectation;
}

/** What a report gives, in the form of an expectation. */
export function findingsAsExpectation(report: FileReport): Omit<Expectation, 'description'> {
  const rules = (status: Status): string[] => [
    ...new Set(report.findings.filter((f) => f.status === status).map((f) => f.rule)),
  ];
  const breaches = (kind: Finding['kind']): ExpectedBreach[] =>
    report.findings
      .filter((f) => f.status === 'breach' && f.kind === kind)
      .map((f) => ({
        rule: f.rule,
        case: f.case ?? '',
        line: f.locations[0]?.line ?? 0,
        message: f.message,
      }));
  return {
    breaches: breaches('obligation'),
    recordWarnings: breaches('record'),
    undetermined: report.findings
      .filter((f) => f.status === 'undetermined')
      .map((f) => ({ rule: f.rule, missing: f.missing ?? [] })),
    pending: rules('pending'),
    notApplicable: rules('not-applicable'),
    notices: (report.notices ?? []).map((n) => ({ line: n.line, message: n.message })),
  };
}

/** The status a case expects of a rule. */
export function expectedStatus(expectation: Expectation, rule: string): Status {
  if ([...expectation.breaches, ...expectation.recordWarnings].some((b) => b.rule === rule))
    return 'breach';
  if (expectation.undetermined.some((u) => u.rule === rule)) return 'undetermined';
  if (expectation.pending.includes(rule)) return 'pending';
  if (expectation.notApplicable.includes(rule)) return 'not-applicable';
  return 'satisfied';
}

/** The record files under a folder that have an expectation beside them, sorted. */
export function caseRecords(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (
        /\.ya?ml$/i.test(entry) &&
        !entry.endsWith(EXPECTED_SUFFIX) &&
        existsSync(expectationFile(path))
      )
        out.push(path);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** The cases of a pack: the records of its cases folder whose template is the pack's. */
export function packCases(pack: RulePack): PackCase[] {
  if (pack.casesDir === undefined) return [];
  const dir = pack.casesDir;
  // A pack that names a folder of cases and does not have it (a copy without its cases) is not
  // a pack without cases: said plainly, rather than a rule "never exercised" or "0 passed".
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new InputError(
      `${pack.id}: the folder of its cases, ${dir}, does not exist (pack.yaml names it in cases:)`,
    );
  return caseRecords(dir)
    .filter((file) => templateOf(file) === pack.id)
    .map((file) => ({
      file,
      name: relative(dir, file),
      expectation: readExpectation(expectationFile(file)),
    }));
}

/** The template a record file names, read without judging the record. */
function templateOf(file: string): string | undefined {
  return templateIn(readFileSync(file, 'utf8'));
}

/** The template a record's text names, read without judging the record. */
export function templateIn(text: string): string | undefined {
  return /^\s+template:\s*["']?([\w.-]+)/m.exec(text)?.[1];
}

/**
 * What the cases of a pack leave untested: a rule the pack defines that no case breaches alone or
 * satisfies, and a breach case no case exercises. A pack that extends another is covered for its
 * own rules; the rules it takes are covered by the cases of the pack they come from.
 */
export function caseCoverageProblems(
  pack: RulePack,
  cases: readonly PackCase[],
): { rule: string; pointer: string; message: string }[] {
  const problems: { rule: string; pointer: string; message: string }[] = [];
  const own = pack.rules.filter((rule) => isOwnFile(pack, rule.source.path));
  const found = (c: PackCase): ExpectedBreach[] => [
    ...c.expectation.breaches,
    ...c.expectation.recordWarnings,
  ];
  for (const rule of own) {
    const alone = cases.some(
      (c) => found(c).length > 0 && found(c).every((b) => b.rule === rule.id),
    );
    if (!alone)
      problems.push({
        rule: rule.id,
        pointer: '/id',
        message: `no case breaches ${rule.id} alone`,
      });
    if (!cases.some((c) => expectedStatus(c.expectation, rule.id) === 'satisfied')) {
      problems.push({ rule: rule.id, pointer: '/id', message: `no case satisfies ${rule.id}` });
    }
    const exercised = new Set(
      cases.flatMap((c) =>
        found(c)
          .filter((b) => b.rule === rule.id)
          .map((b) => b.case),
      ),
    );
    // A rule that words a late performance has the breach case `late` too.
    if (rule.messages.late !== undefined && !exercised.has('late'))
      problems.push({
        rule: rule.id,
        pointer: '/messages/late',
        message: `no case exercises the breach case ${rule.id}/late`,
      });
    rule.breaches.forEach((breach, index) => {
      if (!exercised.has(breach.id)) {
        problems.push({
          rule: rule.id,
          pointer: `/breaches/${index}/id`,
          message: `no case exercises the breach case ${rule.id}/${breach.id}`,
        });
      }
    });
  }
  return problems;
}
