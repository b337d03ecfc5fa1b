/**
 * The Markdown report, for a pull-request comment: a heading with the overall verdict, a table
 * of the records checked, then, per record, a table of what needs attention: input errors,
 * breaches, waivers to review, undetermined findings, and waived breaches with their waiver (so
 * that a reviewer sees what was accepted); folded with <details> when the list is long.
 *
 * Everything that comes from a record (file names, messages that quote its values) is escaped, so
 * that a record cannot inject markup, HTML or a table cell into the comment. GitHub refuses
 * comments over 65,536 characters: the report stops before that, with a note saying how much was
 * left out and how to see it all.
 */
import type { FileReport, Finding, WaiverOutcome } from '../model/finding.js';
import type { InputProblem } from '../base/errors.js';
import type { Language } from '../base/language.js';
import { formatDate } from '../base/language.js';
import { repositoryPath, type FormatContext } from './context.js';
import { summarize } from '../model/summary.js';

/** The longest comment GitHub accepts, in characters. */
export const COMMENT_LIMIT = 65_536;

/** Lists longer than this are folded, so that one record with many findings does not bury the others. */
const OPEN_ITEMS = 10;

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for HTML (inside <summary>). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML[c]!);
}

/**
 * Escapes text so that Markdown shows it as written: the characters that make emphasis, code,
 * links, HTML, entities, strikethrough or table cells anywhere, and those that start a heading, a
 * quote or a list at the start of a line. Line breaks are kept; callers decide what they become.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => HTML[c]!)
    .replace(/^([ \t]*)([#+=-])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2');
}

/** Text in a table cell: escaped, on one line (a line break would end the table). */
function cell(text: string): string {
  return escapeMarkdown(text).replace(/\r\n|\r|\n/g, '<br>');
}

/**
 * A code span in a table cell, whatever the text holds: a fence longer than any run of backticks
 * in it, and `|` escaped, which GFM tables require even inside code spans.
 */
export function codeCell(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

const WORDS = {
  en: {
    heading: {
      compliant: '✅ clausier: compliant',
      breach: '❌ clausier: not compliant',
      invalid: '⚠️ clausier: invalid records',
    },
    totals: (files: number, c: number, b: number, i: number) =>
      `${files} record${files !== 1 ? 's' : ''} checked: ${c} compliant, ${b} not compliant, ${i} invalid.`,
    counts: (e: number, w: number, u: number, x: number) =>
      `Breaches: ${e} error${e !== 1 ? 's' : ''}, ${w} warning${w !== 1 ? 's' : ''}. Undetermined: ${u}. Input errors: ${x}.`,
    waivers: (waived: number, problems: number) =>
      `Waived breaches: ${waived}. Waivers to review: ${problems}.`,
    recordWarnings: (n: number) => `Warnings about the records themselves: ${n}.`,
    tableHead: '| Record | Verdict | Errors | Warnings | Undetermined | As of |',
    verdict: { compliant: '✅ compliant', breach: '❌ not compliant', invalid: '⚠️ invalid' },
    items: (n: number) => `${n} finding${n !== 1 ? 's' : ''}`,
    colon: ':',
    detailsHead: '| | Rule | Where | Message | Clause |',
    kind: {
      error: 'error',
      warning: 'warning',
      undetermined: 'undetermined',
      input: 'input error',
      waived: 'waived',
      waiver: 'waiver to review',
    },
    inputRule: 'invalid record',
    waivedBy: (f: Finding) =>
      f.waiver
        ? ` Waived by ${f.waiver.approvedBy} until ${f.waiver.until}: ${f.waiver.reason}`
        : '',
    truncated: (findings: number, records: number) =>
      `**Truncated:** ${findings} more finding${findings !== 1 ? 's' : ''}${records > 0 ? ` and ${records} more record${records !== 1 ? 's' : ''}` : ''} are not shown (a GitHub comment holds at most 65,536 characters); run \`clausier check --format text\` to see them all.`,
  },
  fr: {
    heading: {
      compliant: '✅ clausier : conforme',
      breach: '❌ clausier : non conforme',
      invalid: '⚠️ clausier : dossiers invalides',
    },
    totals: (files: number, c: number, b: number, i: number) =>
      `${files} dossier${files > 1 ? 's' : ''} vérifié${files > 1 ? 's' : ''} : ${c} conforme${c > 1 ? 's' : ''}, ${b} non conforme${b > 1 ? 's' : ''}, ${i} invalide${i > 1 ? 's' : ''}.`,
    counts: (e: number, w: number, u: number, x: number) =>
      `Manquements : ${e} erreur${e > 1 ? 's' : ''}, ${w} avertissement${w > 1 ? 's' : ''}. Indéterminés : ${u}. Erreurs de saisie : ${x}.`,
    waivers: (waived: number, problems: number) =>
      `Manquements avec dérogation : ${waived}. Dérogations à revoir : ${problems}.`,
    recordWarnings: (n: number) => `Avertissements sur les dossiers eux-mêmes : ${n}.`,
    tableHead: '| Dossier | Verdict | Erreurs | Avertissements | Indéterminés | Au |',
    verdict: { compliant: '✅ conforme', breach: '❌ non conforme', invalid: '⚠️ invalide' },
    items: (n: number) => `${n} constat${n > 1 ? 's' : ''}`,
    colon: ' :',
    detailsHead: '| | Règle | Où | Message | Clause |',
    kind: {
      error: 'erreur',
      warning: 'avertissement',
      undetermined: 'indéterminé',
      input: 'erreur de saisie',
      waived: 'dérogation',
      waiver: 'dérogation à revoir',
    },
    inputRule: 'dossier invalide',
    waivedBy: (f: Finding) =>
      f.waiver
        ? ` Dérogation accordée par ${f.waiver.approvedBy} jusqu’au ${f.waiver.until} : ${f.waiver.reason}`
        : '',
    truncated: (findings: number, records: number) =>
      `**Tronqué :** ${findings} constat${findings > 1 ? 's' : ''}${records > 0 ? ` et ${records} dossier${records > 1 ? 's' : ''}` : ''} de plus ne ${findings + records > 1 ? 'sont' : 'est'} pas affiché${findings + records > 1 ? 's' : ''} (un commentaire GitHub tient en 65 536 caractères au plus) ; \`clausier check --format text\` les montre tous.`,
  },
} satisfies Record<Language, unknown>;

/** What a record's details list. */
type Item = { error: InputProblem } | { finding: Finding } | { waiver: WaiverOutcome };

/** A record's items, gravest first. */
function itemsOf(report: FileReport): Item[] {
  const findings = (status: string): Item[] =>
    report.findings.filter((f) => f.status === status).map((finding) => ({ finding }));
  return [
    ...report.errors.map((error) => ({ error })),
    ...findings('breach'),
    ...(report.waivers ?? []).filter((w) => w.status !== 'applied').map((waiver) => ({ waiver })),
    ...findings('undetermined'),
    ...findings('waived'),
  ];
}

function itemRow(item: Item, path: string, language: Language, cwd: string | undefined): string {
  const w = WORDS[language];
  if ('error' in item) {
    const { error } = item;
    return `| ${w.kind.input} | **clausier/input** ${cell(w.inputRule)} | ${codeCell(`${path}:${error.line}:${error.column}`)} | ${cell(error.message)} | |`;
  }
  if ('waiver' in item) {
    const { waiver } = item;
    const place = `${repositoryPath(waiver.file, cwd)}:${waiver.line}:${waiver.column}`;
    return `| ${w.kind.waiver} | **${cell(waiver.rule)}** | ${codeCell(place)} | ${cell(waiver.message)} | |`;
  }
  const { finding } = item;
  const kind =
    finding.status === 'breach'
      ? `**${w.kind[finding.severity]}**`
      : finding.status === 'waived'
        ? w.kind.waived
        : w.kind.undetermined;
  const where = finding.locations[0];
  const place = where ? `${path}:${where.line}:${where.column}` : path;
  const message = finding.message + (finding.status === 'waived' ? w.waivedBy(finding) : '');
  return `| ${kind} | **${cell(finding.rule)}** ${cell(finding.title)} | ${codeCell(place)} | ${cell(message)} | ${cell(finding.cite)} |`;
}

/** Lines added while they fit in the limit, keeping room for what closes the comment. */
class Budget {
  readonly lines: string[] = [];
  private length = 0;
  constructor(private readonly limit: number) {}

  fits(lines: readonly string[], reserve: number): boolean {
    const added = lines.reduce((sum, line) => sum + line.length + 1, 0);
    return this.length + added + reserve <= this.limit;
  }

  push(...lines: string[]): void {
    for (const line of lines) {
      this.lines.push(line);
      this.length += line.length + 1;
    }
  }
}

export interface MarkdownOptions {
  /** The longest output, in UTF-16 code units (default: GitHub's limit for a comment). */
  limit?: number;
  /** The directory paths are shown relative to (default: the working directory). */
  cwd?: string;
}

export function formatMarkdown(
  reports: readonly FileReport[],
  context: FormatContext,
  options: MarkdownOptions = {},
): string {
  const language = context.language;
  const w = WORDS[language];
  const summary = summarize(reports);
  // Breaches of the convention by severity; the checks of the record are counted apart.
  const count = (report: FileReport, status: string, severity?: string): number =>
    report.findings.filter(
      (f) =>
        f.status === status &&
        (severity === undefined || (f.severity === severity && f.kind === 'obligation')),
    ).length;
  const overall =
    summary.withBreaches > 0 ? 'breach' : summary.invalid > 0 ? 'invalid' : 'compliant';
  const paths = reports.map((report) => repositoryPath(report.file, options.cwd));
  const items = reports.map(itemsOf);
  const totalItems = items.reduce((sum, list) => sum + list.length, 0);

  // Room for the note that replaces what does not fit (at its longest) and the tag it closes.
  const reserve = w.truncated(totalItems, reports.length).length + '\n</details>\n\n'.length + 2;
  const out = new Budget(options.limit ?? COMMENT_LIMIT);
  out.push(
    `## ${w.heading[overall]}`,
    '',
    w.totals(summary.files, summary.compliant, summary.withBreaches, summary.invalid),
    w.counts(
      summary.breaches.error,
      summary.breaches.warning,
      reports.reduce((sum, r) => sum + count(r, 'undetermined'), 0),
      summary.inputErrors,
    ),
    ...(summary.waived > 0 || summary.waiverProblems > 0
      ? [w.waivers(summary.waived, summary.waiverProblems)]
      : []),
    ...(summary.recordWarnings > 0 ? [w.recordWarnings(summary.recordWarnings)] : []),
    '',
    w.tableHead,
    '| --- | --- | ---: | ---: | ---: | --- |',
  );

  let shownRecords = 0;
  let shownItems = 0;
  let truncated = false;
  for (const [i, report] of reports.entries()) {
    const verdict =
      report.verdict === 'invalid'
        ? `${w.verdict.invalid} (${report.errors.length})`
        : w.verdict[report.verdict];
    // A record that could not be judged has no counts, rather than zeros that read as a pass.
    const cells =
      report.verdict === 'invalid'
        ? ['—', '—', '—', '—']
        : [
            count(report, 'breach', 'error'),
            count(report, 'breach', 'warning'),
            count(report, 'undetermined'),
            report.asOf !== undefined ? formatDate(report.asOf, language) : '',
          ];
    const row = `| ${codeCell(paths[i]!)} | ${verdict} | ${cells.join(' | ')} |`;
    if (!out.fits([row], reserve)) {
      truncated = true;
      break;
    }
    out.push(row);
    shownRecords++;
  }
  out.push('');

  for (const [i, list] of items.entries()) {
    if (truncated || list.length === 0) continue;
    const head = [
      `<details${list.length <= OPEN_ITEMS ? ' open' : ''}>`,
      `<summary><code>${escapeHtml(paths[i]!)}</code>${w.colon} ${w.items(list.length)}</summary>`,
      '',
      w.detailsHead,
      '| --- | --- | --- | --- | --- |',
    ];
    const rows = list.map((item) => itemRow(item, paths[i]!, language, options.cwd));
    // A section starts only if its head and first row fit; then its rows go in while they fit.
    if (!out.fits([...head, rows[0]!], reserve)) {
      truncated = true;
      continue;
    }
    out.push(...head);
    for (const row of rows) {
      if (!out.fits([row], reserve)) {
        truncated = true;
        break;
      }
      out.push(row);
      shownItems++;
    }
    out.push('', '</details>', '');
  }
  if (truncated) out.push(w.truncated(totalItems - shownItems, reports.length - shownRecords));
  return out.lines.join('\n').replace(/\n+$/, '') + '\n';
}
