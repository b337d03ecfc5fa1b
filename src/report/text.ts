/**
 * The text report, for a person at a terminal: per file a verdict, each breach with
 * `file:line:column`, its rule, clause and message and the lines of the record it points to,
 * then the money to the cent and what is owed to whom. French or English.
 */
import type { FileReport, Finding } from '../model/finding.js';
import type { MoneySummary } from '../model/finding.js';
import { formatEurosEn, formatEurosFr } from '../base/money.js';
import type { Language } from '../base/language.js';
import { formatDate } from '../base/language.js';
import { whyLines } from '../rules/why.js';
import { LineIndex } from '../load/text.js';
import { showControls } from '../base/quote.js';
import { balanceSentence, overCapSentence, refundedElsewhereSentence } from '../words/money.js';
import { ruleTally, summarize, type RunSummary } from '../model/summary.js';

export interface TextOptions {
  language: Language;
  /** Show every finding, not only breaches and undetermined ones. */
  verbose?: boolean;
  /** Use ANSI colours (only on a terminal). */
  colors?: boolean;
  /** The text of each file, for code frames under each breach. */
  sources?: ReadonlyMap<string, string>;
}

const WORDS = {
  fr: {
    compliant: 'conforme',
    breach: 'NON CONFORME',
    invalid: 'dossier invalide',
    asOf: (date: string) => `au ${date}`,
    inputErrors: (n: number) => `${n} erreur${n > 1 ? 's' : ''} de saisie`,
    breaches: (n: number) => `${n} manquement${n > 1 ? 's' : ''}`,
    severity: { error: 'erreur', warning: 'avertissement' },
    recordWarning: 'dossier à vérifier',
    notice: 'non compté',
    recordWarnings: (n: number) => `${n} avertissement${n > 1 ? 's' : ''} sur le dossier`,
    status: {
      breach: 'manquement',
      undetermined: 'indéterminé',
      pending: 'en attente',
      satisfied: 'respecté',
      'not-applicable': 'sans objet',
      waived: 'dérogation',
    },
    waiverApplied: 'dérogation',
    waiverProblem: 'dérogation à revoir',
    waivedBy: (who: string, until: string) => `Dérogation accordée par ${who}, jusqu’au ${until} :`,
    waivedCount: (n: number) => `${n} manquement${n > 1 ? 's' : ''} avec dérogation`,
    waiverProblems: (n: number) => `${n} dérogation${n > 1 ? 's' : ''} à revoir`,
    rules: (n: number) => `${n} règle${n > 1 ? 's' : ''}`,
    tally: {
      breach: 'en manquement',
      undetermined: 'indéterminées',
      pending: 'en attente',
      satisfied: 'respectées',
      'not-applicable': 'sans objet',
      waived: 'avec dérogation',
    },
    colon: ' :',
    semicolon: ' ;',
    money: 'Argent',
    cap: 'plafond',
    paid: 'versé',
    eligible: 'dépenses éligibles',
    refundDue: 'restitution due',
    refunded: 'restitué',
    unknown: 'inconnu',
    files: (n: number) => `${n} fichier${n > 1 ? 's' : ''}`,
    summaryCounts: (c: number, b: number, i: number) =>
      `${c} conforme${c > 1 ? 's' : ''}, ${b} non conforme${b > 1 ? 's' : ''}, ${i} invalide${i > 1 ? 's' : ''}`,
    summaryBreaches: (e: number, w: number) =>
      `manquements : ${e} erreur${e > 1 ? 's' : ''}, ${w} avertissement${w > 1 ? 's' : ''}`,
    euros: formatEurosFr,
  },
  en: {
    compliant: 'compliant',
    breach: 'NOT COMPLIANT',
    invalid: 'invalid record',
    asOf: (date: string) => `as of ${date}`,
    inputErrors: (n: number) => `${n} input error${n > 1 ? 's' : ''}`,
    breaches: (n: number) => `${n} breach${n > 1 ? 'es' : ''}`,
    severity: { error: 'error', warning: 'warning' },
    recordWarning: 'record to check',
    notice: 'not counted',
    recordWarnings: (n: number) =>
      `${n} warning${n > 1 ? 's' : ''} about the record${n > 1 ? 's' : ''}`,
    status: {
      breach: 'breach',
      undetermined: 'undetermined',
      pending: 'pending',
      satisfied: 'satisfied',
      'not-applicable': 'not applicable',
      waived: 'waived',
    },
    waiverApplied: 'waiver',
    waiverProblem: 'waiver to review',
    waivedBy: (who: string, until: string) => `Waived by ${who}, until ${until}:`,
    waivedCount: (n: number) => `${n} waived breach${n > 1 ? 'es' : ''}`,
    waiverProblems: (n: number) => `${n} waiver${n > 1 ? 's' : ''} to review`,
    rules: (n: number) => `${n} rule${n > 1 ? 's' : ''}`,
    tally: {
      breach: 'breached',
      undetermined: 'undetermined',
      pending: 'pending',
      satisfied: 'satisfied',
      'not-applicable': 'not applicable',
      waived: 'waived',
    },
    colon: ':',
    semicolon: ';',
    money: 'Money',
    cap: 'cap',
    paid: 'paid',
    eligible: 'eligible expenses',
    refundDue: 'refund due',
    refunded: 'refunded',
    unknown: 'unknown',
    files: (n: number) => `${n} file${n > 1 ? 's' : ''}`,
    summaryCounts: (c: number, b: number, i: number) =>
      `${c} compliant, ${b} not compliant, ${i} invalid`,
    summaryBreaches: (e: number, w: number) =>
      `breaches: ${e} error${e !== 1 ? 's' : ''}, ${w} warning${w !== 1 ? 's' : ''}`,
    euros: formatEurosEn,
  },
};

type Paint = (text: string) => string;

function painter(
  colors: boolean,
): Record<'red' | 'yellow' | 'green' | 'dim' | 'bold' | 'cyan', Paint> {
  const wrap =
    (open: number, close: number): Paint =>
    (text) =>
      colors ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    cyan: wrap(36, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
  };
}

/** The lines of a file around a 1-based line, with a caret under the column. */
export function codeFrame(
  source: string | LineIndex,
  line: number,
  column: number,
  paint: Paint = (t) => t,
): string[] {
  const lines = typeof source === 'string' ? new LineIndex(source) : source;
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.lineCount, line + 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const content = lines.lineText(n);
    const shown = showControls(content.length > 160 ? `${content.slice(0, 160)}…` : content);
    const gutter = `${n === line ? '>' : ' '} ${String(n).padStart(width)} | `;
    out.push(n === line ? gutter + shown : paint(gutter + shown));
    // The caret under the column, as the line is shown (escapes widen it).
    const before = showControls(content.slice(0, Math.max(0, Math.min(column - 1, 160))));
    if (n === line) out.push(paint(`  ${' '.repeat(width)} | `) + ' '.repeat(before.length) + '^');
  }
  return out;
}

/** The line index of each source text, made once however many frames are cut from it. */
const lineIndexes = new WeakMap<ReadonlyMap<string, string>, Map<string, LineIndex>>();

function linesOf(sources: ReadonlyMap<string, string>, file: string): LineIndex | undefined {
  const text = sources.get(file);
  if (text === undefined) return undefined;
  let indexes = lineIndexes.get(sources);
  if (!indexes) lineIndexes.set(sources, (indexes = new Map()));
  let lines = indexes.get(file);
  if (!lines) indexes.set(file, (lines = new LineIndex(text)));
  return lines;
}

/** The text of one file's report, lines ending with a blank line. */
export function formatTextFile(report: FileReport, options: TextOptions): string {
  const w = WORDS[options.language];
  const paint = painter(options.colors ?? false);
  const out: string[] = [];
  // File names and messages come from the input: shown with their control characters escaped.
  const file = showControls(report.file);
  if (report.verdict === 'invalid') {
    out.push(
      `${paint.bold(file)}${w.colon} ${paint.red(w.invalid)} (${w.inputErrors(report.errors.length)})`,
    );
    for (const error of report.errors) {
      out.push(`  ${file}:${error.line}:${error.column}  ${showControls(error.message)}`);
    }
    out.push('');
    return out.join('\n') + '\n';
  }
  const breaches = report.findings.filter((f) => f.status === 'breach' && f.kind === 'obligation');
  const asOf = report.asOf ? w.asOf(formatDate(report.asOf, options.language)) : '';
  const verdict =
    report.verdict === 'compliant'
      ? paint.green(w.compliant)
      : `${paint.red(w.breach)} (${w.breaches(breaches.length)})`;
  out.push(`${paint.bold(file)}${w.colon} ${verdict} ${asOf}`.trimEnd());
  const shown = options.verbose
    ? report.findings
    : report.findings.filter(
        (f) => f.status === 'breach' || f.status === 'waived' || f.status === 'undetermined',
      );
  for (const finding of shown) out.push(...formatFinding(report, finding, options, paint));
  for (const notice of report.notices ?? []) {
    out.push(
      `  ${file}:${notice.line}:${notice.column}  ${paint.dim(w.notice)}  ${showControls(notice.message)}`,
    );
  }
  for (const waiver of report.waivers ?? []) {
    const label =
      waiver.status === 'applied' ? paint.dim(w.waiverApplied) : paint.yellow(w.waiverProblem);
    out.push(
      `  ${showControls(waiver.file)}:${waiver.line}:${waiver.column}  ${label}  ${showControls(waiver.message)}`,
    );
  }
  // The tally is of the convention's obligations; the checks of the record are counted apart.
  const { rules, counts } = ruleTally(report.findings.filter((f) => f.kind === 'obligation'));
  const tally = counts.map(([s, n]) => `${n} ${w.tally[s]}`).join(', ');
  const recordWarnings = report.findings.filter(
    (f) => f.kind === 'record' && f.status === 'breach',
  ).length;
  out.push(
    paint.dim(
      `  ${w.rules(rules)} (${showControls(report.pack ?? '')})${w.colon} ${tally}` +
        (recordWarnings > 0 ? `${w.semicolon} ${w.recordWarnings(recordWarnings)}` : ''),
    ),
  );
  if (report.money) out.push(...formatMoney(report.money, report.asOf, options.language));
  out.push('');

  return out.join('\n') + '\n';
}

/** The last line of a text report: what the run found. */
export function formatTextSummary(summary: RunSummary, options: TextOptions): string {
  const w = WORDS[options.language];
  return (
    `${w.files(summary.files)}${w.colon} ${w.summaryCounts(summary.compliant, summary.withBreaches, summary.invalid)}${w.semicolon} ` +
    `${w.summaryBreaches(summary.breaches.error, summary.breaches.warning)}` +
    (summary.recordWarnings > 0
      ? `${w.semicolon} ${w.recordWarnings(summary.recordWarnings)}`
      : '') +
    (summary.waived > 0 ? `${w.semicolon} ${w.waivedCount(summary.waived)}` : '') +
    (summary.waiverProblems > 0
      ? `${w.semicolon} ${w.waiverProblems(summary.waiverProblems)}`
      : '') +
    (summary.inputErrors > 0 ? `${w.semicolon} ${w.inputErrors(summary.inputErrors)}` : '') +
    '\n'
  );
}

export function formatText(reports: readonly FileReport[], options: TextOptions): string {
  return (
    reports.map((report) => formatTextFile(report, options)).join('') +
    formatTextSummary(summarize(reports), options)
  );
}

function formatFinding(
  report: FileReport,
  finding: Finding,
  options: TextOptions,
  paint: ReturnType<typeof painter>,
): string[] {
  const w = WORDS[options.language];
  const where = finding.locations[0];
  const file = showControls(report.file);
  const place = where ? `${file}:${where.line}:${where.column}` : file;
  const label =
    finding.status === 'breach'
      ? finding.kind === 'record'
        ? paint.yellow(w.recordWarning)
        : finding.severity === 'error'
          ? paint.red(w.severity.error)
          : paint.yellow(w.severity.warning)
      : finding.status === 'undetermined' || finding.status === 'waived'
        ? paint.yellow(w.status[finding.status])
        : paint.dim(w.status[finding.status]);
  const lines = [
    `  ${place}  ${label}  ${paint.bold(finding.rule)}  ${paint.dim(`(${finding.cite})`)}`,
    `      ${showControls(finding.message)}`,
    ...(finding.waiver
      ? [
          showControls(
            `      ${w.waivedBy(finding.waiver.approvedBy, formatDate(finding.waiver.until, options.language))} ${finding.waiver.reason}`,
          ),
        ]
      : []),
  ];
  const source = options.sources && linesOf(options.sources, report.file);
  if (finding.status === 'breach' && source !== undefined && where) {
    lines.push(...codeFrame(source, where.line, where.column, paint.dim).map((l) => `      ${l}`));
  }
  // With --why: how the finding was reached, step by step.
  if (finding.trace)
    for (const line of whyLines(finding.trace, options.language))
      lines.push(`      ${'  '.repeat(line.depth)}${showControls(line.text)}`);
  return lines;
}

export function formatMoney(
  money: MoneySummary,
  asOf: string | undefined,
  language: Language,
): string[] {
  const w = WORDS[language];
  const euros = (cents: number | null): string => (cents === null ? w.unknown : w.euros(cents));
  const lines = [
    `  ${w.money}${w.colon} ${w.cap} ${euros(money.cap)} · ${w.paid} ${euros(money.paid)} · ${w.eligible} ${euros(money.eligibleExpenses)} · ` +
      `${w.refundDue} ${euros(money.refundDue)} · ${w.refunded} ${euros(money.refunded)}`,
  ];
  for (const sentence of [
    overCapSentence(money, language),
    refundedElsewhereSentence(money, language),
    balanceSentence(money, asOf, language),
  ])
    if (sentence !== undefined) lines.push(`  ${sentence}`);
  return lines;
}
