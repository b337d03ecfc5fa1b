/**
 * The JUnit XML report, for CI systems that show test results (GitLab, Jenkins, Azure, the
 * JUnit actions of GitHub): one <testsuite> per record, one <testcase> per rule the record was
 * judged on, a <failure> per finding that fails the run (`--fail-on`: a breach by default, and
 * several when a rule is breached at several items), whose text gives the place in the record,
 * the message, the clauses' citation and their quotes: a CI page is red exactly when the run is.
 *
 * A rule whose findings breach without failing the run (a warning under `--fail-on error`, a
 * check of the record under the default), or are waived, undetermined, pending (unless
 * `--fail-on` counts them) or not applicable, is <skipped>, with their message: it was not found
 * satisfied. A waiver to review (expired, not yet approved, matching no breach) is a failed test
 * case of its own, `clausier/waiver`, when it fails the run as a breach does. A record that
 * cannot be judged has one test case, `clausier/input`, with an <error> per input error.
 *
 * Counts follow JUnit's convention: `tests` counts test cases, and `failures`, `errors` and
 * `skipped` count test cases that failed, erred or were skipped, not <failure> elements. No
 * `time` nor `timestamp`: nothing is timed, and the report must not depend on when it is made.
 */
import type { FileReport, Finding, WaiverOutcome } from '../model/finding.js';
import type { RulePack } from '../rules/pack/types.js';
import type { Language } from '../base/language.js';
import { INPUT_RULE, repositoryPath, WAIVER_RULE, type FormatContext } from './context.js';
import { findingFails, waiverProblemsFail, type FailOn } from '../model/summary.js';

/**
 * Escapes text for XML 1.0 content. Characters XML 1.0 cannot carry at all, even as references
 * (control characters other than tab, line feed and carriage return; lone surrogates; U+FFFE and
 * U+FFFF), become U+FFFD. A carriage return is written as a reference, or a parser would turn
 * CR LF into LF.
 */
export function xmlText(text: string): string {
  return text.replace(
    /[&<>\r]|[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' })[c] ?? '\uFFFD',
  );
}

/**
 * Escapes text for an XML attribute value written between double quotes: also double quotes,
 * and tabs and line feeds, which a parser would otherwise turn into spaces.
 */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(
    /["\t\n]/g,
    (c) => ({ '"': '&quot;', '\t': '&#9;', '\n': '&#10;' })[c]!,
  );
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join('');
}

const WORDS = {
  en: {
    input: 'invalid record',
    waiver: (rule: string) => `waiver to review (${rule})`,
    waived: (f: Finding) =>
      f.waiver
        ? `Waived by ${f.waiver.approvedBy} until ${f.waiver.until}: ${f.waiver.reason} (${f.message})`
        : f.message,
  },
  fr: {
    input: 'dossier invalide',
    waiver: (rule: string) => `dérogation à revoir (${rule})`,
    waived: (f: Finding) =>
      f.waiver
        ? `Dérogation accordée par ${f.waiver.approvedBy} jusqu’au ${f.waiver.until} : ${f.waiver.reason} (${f.message})`
        : f.message,
  },
} satisfies Record<Language, unknown>;

interface TestCase {
  name: string;
  /** The elements inside <testcase>, if any. */
  body: string[];
  outcome: 'passed' | 'failure' | 'error' | 'skipped';
}

/** The verbatim quotes of a rule, as `cite: « quote »` lines, when its pack is known. */
function quotesOf(pack: RulePack | undefined, ruleId: string): string[] {
  const rule = pack?.rules.find((r) => r.id === ruleId);
  if (!pack || !rule) return [];
  return rule.quotes.map((q) => `${pack.clause(q.clause)?.cite ?? q.clause}: « ${q.text} »`);
}

function ruleCase(
  findings: readonly Finding[],
  path: string,
  pack: RulePack | undefined,
  language: Language,
  failOn: FailOn,
): TestCase {
  const first = findings[0]!;
  const name = `${first.rule}: ${first.title}`;
  // A failure is what fails the run (--fail-on): a warning under `--fail-on error`, or a record
  // check under the default, is skipped with its message, never red in a green run.
  const failing = findings.filter((f) => findingFails(f, failOn));
  if (failing.length > 0) {
    const quotes = quotesOf(pack, first.rule);
    const body = failing.map((f) => {
      const where = f.locations[0];
      const text = [
        where ? `${path}:${where.line}:${where.column}` : path,
        f.message,
        f.cite,
        ...quotes,
      ].join('\n');
      // The type says how grave: the rule's severity, `record` for a check of the record, or the
      // status of a finding that is no breach (undetermined, pending) when --fail-on counts it.
      const type = f.status !== 'breach' ? f.status : f.kind === 'record' ? 'record' : f.severity;
      return `<failure${attributes({ message: f.message, type })}>${xmlText(text)}</failure>`;
    });
    return { name, body, outcome: 'failure' };
  }
  // Otherwise the gravest outcome decides, as in the text report: waived, undetermined, pending,
  // satisfied (the test passes: items not applicable beside it do not change that), not applicable.
  const skipped = (status: string): TestCase | undefined => {
    const these = findings.filter((f) => f.status === status);
    if (these.length === 0) return undefined;
    const messages = these.map((f) =>
      f.status === 'waived' ? WORDS[language].waived(f) : f.message,
    );
    const message = [...new Set(messages)].join('\n');
    return { name, body: [`<skipped${attributes({ message })}/>`], outcome: 'skipped' };
  };
  const passed: TestCase = { name, body: [], outcome: 'passed' };
  return (
    skipped('breach') ??
    skipped('waived') ??
    skipped('undetermined') ??
    skipped('pending') ??
    (findings.some((f) => f.status === 'satisfied')
      ? passed
      : (skipped('not-applicable') ?? passed))
  );
}

function waiverCase(
  waiver: WaiverOutcome,
  language: Language,
  cwd: string,
  failOn: FailOn,
): TestCase {
  const where = `${repositoryPath(waiver.file, cwd)}:${waiver.line}:${waiver.column}`;
  const name = `${WAIVER_RULE}: ${WORDS[language].waiver(waiver.rule)}`;
  if (!waiverProblemsFail(failOn))
    return {
      name,
      body: [`<skipped${attributes({ message: waiver.message })}/>`],
      outcome: 'skipped',
    };
  return {
    name,
    body: [
      `<failure${attributes({ message: waiver.message, type: 'waiver' })}>${xmlText(`${where}\n${waiver.message}`)}</failure>`,
    ],
    outcome: 'failure',
  };
}

function testCases(
  report: FileReport,
  path: string,
  context: FormatContext,
  cwd: string,
): TestCase[] {
  const language = context.language;
  const failOn = context.failOn ?? 'warning';
  if (report.errors.length > 0) {
    const body = report.errors.map(
      (e) =>
        `<error${attributes({ message: e.message, type: 'input' })}>${xmlText(`${path}:${e.line}:${e.column}\n${e.message}`)}</error>`,
    );
    return [{ name: `${INPUT_RULE}: ${WORDS[language].input}`, body, outcome: 'error' }];
  }
  // One test case per rule, in the order the rules were judged.
  const byRule = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const list = byRule.get(finding.rule);
    if (list) list.push(finding);
    else byRule.set(finding.rule, [finding]);
  }
  const pack = report.pack !== undefined ? context.packs.get(report.pack) : undefined;
  return [
    ...[...byRule.values()].map((findings) => ruleCase(findings, path, pack, language, failOn)),
    ...(report.waivers ?? [])
      .filter((waiver) => waiver.status !== 'applied')
      .map((waiver) => waiverCase(waiver, language, cwd, failOn)),
  ];
}

function counts(cases: readonly TestCase[]) {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.outcome === 'failure').length,
    errors: cases.filter((c) => c.outcome === 'error').length,
    skipped: cases.filter((c) => c.outcome === 'skipped').length,
  };
}

export function formatJunit(
  reports: readonly FileReport[],
  context: FormatContext,
  cwd: string = process.cwd(),
): string {
  const suites = reports.map((report) => {
    const path = repositoryPath(report.file, cwd);
    return { report, path, cases: testCases(report, path, context, cwd) };
  });
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: context.tool.name, ...counts(suites.flatMap((s) => s.cases)) })}>`,
  ];
  for (const { report, path, cases } of suites) {
    out.push(`  <testsuite${attributes({ name: path, ...counts(cases) })}>`);
    const properties = {
      verdict: report.verdict,
      ...(report.asOf !== undefined && { asOf: report.asOf }),
      ...(report.pack !== undefined && { pack: report.pack }),
    };
    out.push('    <properties>');
    for (const [name, value] of Object.entries(properties))
      out.push(`      <property${attributes({ name, value })}/>`);
    out.push('    </properties>');
    for (const testCase of cases) {
      const open = `    <testcase${attributes({ classname: path, name: testCase.name })}`;
      if (testCase.body.length === 0) out.push(`${open}/>`);
      else out.push(`${open}>`, ...testCase.body.map((line) => `      ${line}`), '    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
