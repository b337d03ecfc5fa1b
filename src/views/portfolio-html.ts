/**
 * The portfolio (`clausier report DIR --html FILE`), for a finance controller who follows many
 * conventions: one row per record (the collectivité, the verdict, the breaches by rule, the money
 * paid, used, to refund, refunded and still owed, what is overdue and the next deadline), the
 * totals, and a filter and a sort that run in the page itself: a short script of its own, which
 * the page's Content-Security-Policy names by its hash, with no framework and no request. Each
 * row links to the record's own report, written beside the page.
 */
import type { AgendaEntry } from './agenda.js';
import { agendaOf } from './agenda.js';
import type { Inspection } from '../pipeline.js';
import type { FileReport } from '../model/finding.js';
import type { InputProblem } from '../base/errors.js';
import { balanceKind, type MoneySummary } from '../model/finding.js';
import { formatEurosEn, formatEurosFr } from '../base/money.js';
import { formatDate, type Language } from '../base/language.js';
import { attr, escapeHtml, page } from './html.js';

/** One record's row. Amounts are cents. */
export interface PortfolioRow {
  file: string;
  /** The record's own report, relative to the page; none for a record that cannot be read. */
  href?: string;
  collectivite?: string;
  convention?: string;
  verdict: FileReport['verdict'];
  asOf?: string;
  /** The convention's obligations breached, by rule, in id order. */
  breaches: { rule: string; count: number }[];
  /** Warnings about the record itself, counted apart. */
  recordWarnings: number;
  errors: readonly InputProblem[];
  money?: MoneySummary;
  /** What is overdue, the most overdue first. */
  overdue: AgendaEntry[];
  /** The next deadline: the pending obligation with the earliest due date. */
  next?: AgendaEntry;
}

/** The row of a record, from its inspection (or its report alone, when it cannot be read). */
export function portfolioRowOf(
  inspected: { report: FileReport; judged?: Inspection },
  href: string | undefined,
  language: Language,
): PortfolioRow {
  const { report, judged } = inspected;
  const record = judged?.loaded.record;
  const breaches = new Map<string, number>();
  let recordWarnings = 0;
  for (const f of report.findings) {
    if (f.status !== 'breach') continue;
    if (f.kind === 'record') recordWarnings++;
    else breaches.set(f.rule, (breaches.get(f.rule) ?? 0) + 1);
  }
  const agenda = judged ? agendaOf(judged, language) : [];
  const byDue = (a: AgendaEntry, b: AgendaEntry): number =>
    a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0;
  const collectivite = record?.parties.collectivite.name;
  return {
    file: report.file,
    ...(href !== undefined && { href }),
    ...(collectivite !== undefined && { collectivite }),
    ...(record !== undefined && { convention: record.convention.id }),
    verdict: report.verdict,
    ...(report.asOf !== undefined && { asOf: report.asOf }),
    breaches: [...breaches]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([rule, count]) => ({ rule, count })),
    recordWarnings,
    errors: report.errors,
    ...(report.money !== undefined && { money: report.money }),
    overdue: agenda.filter((e) => e.status === 'overdue').sort(byDue),
    ...(() => {
      const next = agenda.filter((e) => e.status === 'pending' && e.due !== undefined).sort(byDue);
      return next.length > 0 ? { next: next[0]! } : {};
    })(),
  };
}

/** The money columns, in order: what the totals add up. */
export const MONEY_COLUMNS = ['paid', 'usedFunds', 'refundDue', 'refunded', 'balance'] as const;
type MoneyColumn = (typeof MONEY_COLUMNS)[number];

const WORDS = {
  fr: {
    kicker: 'clausier · portefeuille',
    title: 'Portefeuille des conventions',
    records: (n: number) => `${n} dossier${n > 1 ? 's' : ''}`,
    tally: (c: number, b: number, i: number) =>
      `${c} conforme${c > 1 ? 's' : ''}, ${b} non conforme${b > 1 ? 's' : ''}, ${i} invalide${i > 1 ? 's' : ''}`,
    overdueTotal: (n: number) => `${n} obligation${n > 1 ? 's' : ''} en retard`,
    asOf: (date: string | undefined) =>
      date === undefined ? 'chaque dossier à sa date d’évaluation' : `au ${date}`,
    filter: 'Filtrer',
    filterHint: 'collectivité, convention, fichier ou règle',
    verdict: 'Verdict',
    allVerdicts: 'tous',
    verdicts: { compliant: 'conforme', breach: 'non conforme', invalid: 'invalide' },
    columns: {
      collectivite: 'Collectivité',
      verdict: 'Verdict',
      breaches: 'Manquements par règle',
      paid: 'Versé',
      usedFunds: 'Utilisé',
      refundDue: 'Restitution due',
      refunded: 'Restitué',
      balance: 'Reste dû',
      overdue: 'En retard',
      next: 'Prochaine échéance',
    } satisfies Record<MoneyColumn | string, string>,
    sortBy: (column: string) => `Trier par ${column.toLowerCase()}`,
    none: 'aucun',
    noDeadline: 'aucune',
    recordWarnings: (n: number) => `${n} avertissement${n > 1 ? 's' : ''} sur le dossier`,
    inputErrors: (n: number) => `${n} erreur${n > 1 ? 's' : ''} de saisie`,
    line: (n: number) => `ligne ${n}`,
    since: (days: number) => `depuis ${days} jour${days > 1 ? 's' : ''}`,
    total: (n: number) => `Total des ${n} dossiers`,
    shown: 'Dossiers affichés : {n} sur {total}',
    unknown: (n: number) =>
      `${n} dossier${n > 1 ? 's' : ''} sans montant mesurable, hors des totaux de cette colonne`,
    balanceNote:
      'Reste dû : ce que la DINSIC doit encore à la collectivité, la restitution due moins ce qui a été restitué à son compte (négatif : restitué de trop, que la collectivité doit rendre à la DINSIC). Tant que la convention court, ce n’est que ce qui n’est pas utilisé à ce jour, pas encore dû. Les totaux comptent à part ce que la DINSIC doit, ce qui n’est pas encore dû et ce qui lui est dû.',
    notOwedYet: 'non utilisé à ce jour, pas encore dû',
    unsettled: '+ {amount} non utilisés à ce jour, pas encore dus',
    owedBack: '+ {amount} restitués de trop, à rendre à la DINSIC',
    report: 'rapport',
    generatedBy: (tool: string) =>
      `Établi par ${tool}. Chaque ligne renvoie au rapport du dossier, écrit à côté de cette page.`,
    euro: '{sign}{units},{cents} €',
    group: ' ',
  },
  en: {
    kicker: 'clausier · portfolio',
    title: 'Portfolio of conventions',
    records: (n: number) => `${n} record${n !== 1 ? 's' : ''}`,
    tally: (c: number, b: number, i: number) => `${c} compliant, ${b} not compliant, ${i} invalid`,
    overdueTotal: (n: number) => `${n} obligation${n !== 1 ? 's' : ''} overdue`,
    asOf: (date: string | undefined) =>
      date === undefined ? 'each record as of its own evaluation date' : `as of ${date}`,
    filter: 'Filter',
    filterHint: 'collectivité, convention, file or rule',
    verdict: 'Verdict',
    allVerdicts: 'all',
    verdicts: { compliant: 'compliant', breach: 'not compliant', invalid: 'invalid' },
    columns: {
      collectivite: 'Collectivité',
      verdict: 'Verdict',
      breaches: 'Breaches by rule',
      paid: 'Paid',
      usedFunds: 'Used',
      refundDue: 'Refund due',
      refunded: 'Refunded',
      balance: 'Still owed',
      overdue: 'Overdue',
      next: 'Next deadline',
    },
    sortBy: (column: string) => `Sort by ${column.toLowerCase()}`,
    none: 'none',
    noDeadline: 'none',
    recordWarnings: (n: number) => `${n} warning${n !== 1 ? 's' : ''} about the record`,
    inputErrors: (n: number) => `${n} input error${n !== 1 ? 's' : ''}`,
    line: (n: number) => `line ${n}`,
    since: (days: number) => `for ${days} day${days !== 1 ? 's' : ''}`,
    total: (n: number) => `Total of the ${n} records`,
    shown: 'Records shown: {n} of {total}',
    unknown: (n: number) =>
      `${n} record${n !== 1 ? 's' : ''} without a measurable amount, left out of this column's totals`,
    balanceNote:
      'Still owed: what the DINSIC still owes the collectivité, the refund due less what was refunded to its account (negative: refunded too much, which the collectivité owes back to the DINSIC). While the convention runs, it is only what is unused so far, not owed yet. The totals count what the DINSIC owes apart from what is not owed yet and from what is owed back to it.',
    notOwedYet: 'unused so far, not owed yet',
    unsettled: '+ {amount} unused so far, not owed yet',
    owedBack: '+ {amount} refunded too much, owed back to the DINSIC',
    report: 'report',
    generatedBy: (tool: string) =>
      `Made by ${tool}. Each row links to the record's report, written beside this page.`,
    euro: '{sign}€{units}.{cents}',
    group: ',',
  },
} satisfies Record<Language, unknown>;

const VERDICT_RANK: Record<FileReport['verdict'], number> = { breach: 0, invalid: 1, compliant: 2 };
const VERDICT_SYMBOL: Record<FileReport['verdict'], string> = {
  breach: '✗',
  invalid: '⚠',
  compliant: '✓',
};

export interface PortfolioOptions {
  language: Language;
  /** What made the page, for its footer (`clausier 0.1.0`); no date is ever written. */
  tool: string;
}

/**
 * The sums of the money columns, over the records that have each figure. What is still owed runs
 * both ways, and each record is between the DINSIC and another collectivité: its total is what
 * the DINSIC owes (the positive balances of the conventions ended), `unsettled` what is unused so
 * far in those still running (not owed yet), and `owedBack` what it refunded too much and is
 * owed back (the negative ones, as an amount), never one netted against another.
 */
export function portfolioTotals(rows: readonly PortfolioRow[]): {
  cents: Record<MoneyColumn, number>;
  unknown: Record<MoneyColumn, number>;
  unsettled: number;
  owedBack: number;
} {
  const cents = {} as Record<MoneyColumn, number>;
  const unknown = {} as Record<MoneyColumn, number>;
  const apart = { owed: 0, unsettled: 0, owedBack: 0 };
  for (const column of MONEY_COLUMNS) {
    cents[column] = 0;
    unknown[column] = 0;
    for (const row of rows) {
      if (row.money === undefined) continue;
      const value = row.money[column];
      if (value === null) unknown[column]++;
      else if (column === 'balance') apart[balanceKind(row.money, value)] += Math.abs(value);
      else cents[column] += value;
    }
  }
  cents.balance = apart.owed;
  return { cents, unknown, unsettled: apart.unsettled, owedBack: apart.owedBack };
}

/** The words of the page in one language. */
type PortfolioWords = (typeof WORDS)[Language];

/** The portfolio page: a table of the records, one row each, that sorts and filters. */
export function portfolioHtml(rows: readonly PortfolioRow[], options: PortfolioOptions): string {
  const { language } = options;
  const w = WORDS[language];
  const { cents, unknown, unsettled, owedBack } = portfolioTotals(rows);
  const overdue = rows.reduce((sum, r) => sum + r.overdue.length, 0);
  const unknownNotes = MONEY_COLUMNS.filter((c) => unknown[c] > 0).map(
    (c) => `${w.columns[c]}${language === 'fr' ? ' :' : ':'} ${w.unknown(unknown[c])}.`,
  );
  const bodyHtml = [
    portfolioHeader(rows, overdue, language),
    portfolioControls(w),
    '<div class="table-wrap">',
    `<table id="portfolio"${attr('data-records', rows.length)}>`,
    tableHead(w),
    `<tbody>\n${rows.map((row) => rowHtml(row, language)).join('\n')}\n</tbody>`,
    tableFoot(rows.length, cents, { unsettled, owedBack }, overdue, language),
    '</table>',
    '</div>',
    `<p class="small muted">${escapeHtml(w.balanceNote)}${unknownNotes.length > 0 ? ` ${escapeHtml(unknownNotes.join(' '))}` : ''}</p>`,
    `<footer>${escapeHtml(w.generatedBy(options.tool))}</footer>`,
  ].join('\n');

  return page({
    language,
    title: `${w.title} — ${w.records(rows.length)}`,
    css: CSS,
    body: bodyHtml,
    script: script({
      shown: w.shown,
      euro: w.euro,
      group: w.group,
      lang: language,
      unsettled: w.unsettled,
      owedBack: w.owedBack,
    }),
  });
}

/** The euros of a language. */
const eurosIn = (language: Language): ((cents: number) => string) =>
  language === 'fr' ? formatEurosFr : formatEurosEn;

/** The page's title and its lede: how many records, their verdicts, what is overdue, as of when. */
function portfolioHeader(rows: readonly PortfolioRow[], overdue: number, language: Language) {
  const w = WORDS[language];
  const count = (verdict: FileReport['verdict']): number =>
    rows.filter((r) => r.verdict === verdict).length;
  const dates = [...new Set(rows.flatMap((r) => (r.asOf === undefined ? [] : [r.asOf])))];
  return [
    '<header class="portfolio-header">',
    `<p class="kicker">${escapeHtml(w.kicker)}</p>`,
    `<h1>${escapeHtml(w.title)}</h1>`,
    `<p class="lede"><strong>${escapeHtml(w.records(rows.length))}</strong> · ${escapeHtml(w.tally(count('compliant'), count('breach'), count('invalid')))} · ${escapeHtml(w.overdueTotal(overdue))} · ${escapeHtml(w.asOf(dates.length === 1 ? formatDate(dates[0]!, language) : undefined))}</p>`,
    '</header>',
  ].join('\n');
}

/** The filter: words to look for, and a verdict. */
function portfolioControls(w: PortfolioWords): string {
  return [
    '<form class="controls" role="search" action="#">',
    `<label>${escapeHtml(w.filter)} <input type="search" id="filter" autocomplete="off"${attr('placeholder', w.filterHint)} /></label>`,
    `<label>${escapeHtml(w.verdict)} <select id="verdict">`,
    `<option value="">${escapeHtml(w.allVerdicts)}</option>`,
    ...(['breach', 'compliant', 'invalid'] as const).map(
      (v) => `<option value="${v}">${escapeHtml(w.verdicts[v])}</option>`,
    ),
    '</select></label>',
    '</form>',
  ].join('\n');
}

/** The table's head: each header sorts its column, as text or as a number. */
function tableHead(w: PortfolioWords): string {
  // A date sorts as text, `YYYY-MM-DD`.
  const th = (label: string, type: 'text' | 'number', numeric = false): string =>
    `<th scope="col" aria-sort="none"${numeric ? ' class="num"' : ''}><button type="button" data-type="${type}"${attr('title', w.sortBy(label))}>${escapeHtml(label)}</button></th>`;
  return [
    '<thead><tr>',
    th(w.columns.collectivite, 'text'),
    th(w.columns.verdict, 'number'),
    th(w.columns.breaches, 'number'),
    ...MONEY_COLUMNS.map((c) => th(w.columns[c], 'number', true)),
    th(w.columns.overdue, 'number', true),
    th(w.columns.next, 'text'),
    '</tr></thead>',
  ].join('');
}

/** A record's row, with the words the filter searches. */
function rowHtml(row: PortfolioRow, language: Language): string {
  const w = WORDS[language];
  const name = row.collectivite ?? row.file;
  const search = [
    name,
    row.convention ?? '',
    row.file,
    w.verdicts[row.verdict],
    ...row.breaches.map((b) => b.rule),
  ].join(' ');
  return [
    `<tr${attr('data-verdict', row.verdict)}${attr('data-search', search)}>`,
    nameCell(row, language),
    `<td${attr('data-sort', VERDICT_RANK[row.verdict])}><span class="badge v-${row.verdict}">${VERDICT_SYMBOL[row.verdict]} ${escapeHtml(w.verdicts[row.verdict])}</span></td>`,
    breachesCell(row, w),
    ...MONEY_COLUMNS.map((c) => moneyCell(row, c, language)),
    overdueCell(row, w),
    nextCell(row, language),
    '</tr>',
  ].join('');
}

/** The collectivité (a link to its report), the convention and file, and the first input error. */
function nameCell(row: PortfolioRow, language: Language): string {
  const w = WORDS[language];
  const name = row.collectivite ?? row.file;
  const link =
    row.href !== undefined
      ? `<a${attr('href', row.href)}>${escapeHtml(name)}</a>`
      : escapeHtml(name);
  const sub = [
    ...(row.convention !== undefined ? [escapeHtml(row.convention)] : []),
    `<code>${escapeHtml(row.file)}</code>`,
  ].join(' · ');
  const errors =
    row.errors.length > 0
      ? `<br /><span class="small error">${escapeHtml(w.inputErrors(row.errors.length))} — ${escapeHtml(w.line(row.errors[0]!.line))}${language === 'fr' ? ' :' : ':'} ${escapeHtml(row.errors[0]!.message)}</span>`
      : '';
  return `<td${attr('data-sort', name)}>${link}<br /><span class="small muted">${sub}</span>${errors}</td>`;
}

/** The rules breached, with how many times, and the record's own warnings. */
function breachesCell(row: PortfolioRow, w: PortfolioWords): string {
  if (row.verdict === 'invalid') return '<td class="muted" data-sort="">—</td>';
  const total = row.breaches.reduce((sum, b) => sum + b.count, 0);
  return `<td${attr('data-sort', total)}>${
    row.breaches.length === 0
      ? `<span class="muted">${escapeHtml(w.none)}</span>`
      : row.breaches
          .map(
            (b) =>
              `<span class="rule"><code>${escapeHtml(b.rule)}</code>${b.count > 1 ? ` ×${b.count}` : ''}</span>`,
          )
          .join('<br />')
  }${row.recordWarnings > 0 ? `<br /><span class="small muted">${escapeHtml(w.recordWarnings(row.recordWarnings))}</span>` : ''}</td>`;
}

/** A money figure, or a dash where the record does not give it. */
function moneyCell(row: PortfolioRow, column: MoneyColumn, language: Language): string {
  const value = row.money?.[column];
  if (value === null || value === undefined) return '<td class="num muted" data-sort="">—</td>';
  // A balance of a convention still running is what is unused so far: said, and totalled apart.
  const kind = column === 'balance' ? balanceKind(row.money!, value) : undefined;
  const note =
    kind === 'unsettled'
      ? `<br /><span class="small">${escapeHtml(WORDS[language].notOwedYet)}</span>`
      : '';
  return `<td class="num"${attr('data-column', column)}${attr('data-cents', value)}${attr('data-balance', kind)}${attr('data-sort', value)}>${escapeHtml(eurosIn(language)(value))}${note}</td>`;
}

/** How many obligations are overdue, and since when the first one is. */
function overdueCell(row: PortfolioRow, w: PortfolioWords): string {
  if (row.verdict === 'invalid') return '<td class="num muted" data-sort="">—</td>';
  const late = row.overdue[0];
  return `<td class="num${row.overdue.length > 0 ? ' late' : ''}"${attr('data-sort', row.overdue.length)}>${row.overdue.length}${
    late ? `<br /><span class="small">${escapeHtml(w.since(late.daysLate ?? 0))}</span>` : ''
  }</td>`;
}

/** The next deadline and its rule. */
function nextCell(row: PortfolioRow, language: Language): string {
  const w = WORDS[language];
  return row.next
    ? `<td${attr('data-sort', row.next.due)}>${escapeHtml(formatDate(row.next.due!, language))}<br /><code class="small">${escapeHtml(row.next.rule)}</code></td>`
    : `<td class="muted" data-sort="">${row.verdict === 'invalid' ? '—' : escapeHtml(w.noDeadline)}</td>`;
}

/** The totals of the money columns and of what is overdue, over all rows and over those shown. */
function tableFoot(
  records: number,
  cents: Record<MoneyColumn, number>,
  apart: { unsettled: number; owedBack: number },
  overdue: number,
  language: Language,
): string {
  const w = WORDS[language];
  const euros = eurosIn(language);
  // A total cell: `data-total` or `data-shown` names its column; what is still owed says apart
  // what is unused so far (data-unsettled) and what is owed back to the DINSIC (data-owed-back),
  // as the page's script does for the rows shown.
  const note = (cents: number, words: string): string =>
    cents === 0
      ? ''
      : `<br /><span class="small">${escapeHtml(words.replace('{amount}', euros(cents)))}</span>`;
  const cell = (role: string, c: MoneyColumn): string => {
    const balance = c === 'balance';
    const notes = balance
      ? note(apart.unsettled, w.unsettled) + note(apart.owedBack, w.owedBack)
      : '';
    return `<td class="num"${attr(role, c)}${attr('data-cents', cents[c])}${attr('data-unsettled', balance ? apart.unsettled : undefined)}${attr('data-owed-back', balance ? apart.owedBack : undefined)}>${escapeHtml(euros(cents[c]))}${notes}</td>`;
  };
  return [
    '<tfoot>',
    `<tr class="total"><th scope="row" colspan="3">${escapeHtml(w.total(records))}</th>${MONEY_COLUMNS.map(
      (c) => cell('data-total', c),
    ).join('')}<td class="num"${attr('data-total', 'overdue')}>${overdue}</td><td></td></tr>`,
    `<tr class="shown-total"><th scope="row" colspan="3" id="shown">${escapeHtml(w.shown.replace('{n}', String(records)).replace('{total}', String(records)))}</th>${MONEY_COLUMNS.map(
      (c) => cell('data-shown', c),
    ).join('')}<td></td><td></td></tr>`,
    '</tfoot>',
  ].join('\n');
}

/**
 * The page's own script: the filter (words anywhere in the collectivité, convention, file,
 * verdict or rules, accents and case ignored; a verdict), with the totals of the rows shown, and
 * the sort (a click on a header, again to reverse; empty cells last). Written for any browser of
 * the last years, with the DOM alone.
 */
function script(words: {
  shown: string;
  euro: string;
  group: string;
  lang: string;
  unsettled: string;
  owedBack: string;
}): string {
  return `(() => {
'use strict';
const W = ${JSON.stringify(words)};
const table = document.getElementById('portfolio');
const body = table.tBodies[0];
const rows = Array.from(body.rows);
const filter = document.getElementById('filter');
const verdict = document.getElementById('verdict');
const shown = document.getElementById('shown');
const fold = (text) => text.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();
// Made on the first search, not while the page opens.
let haystack;
const euros = (cents) => {
  const abs = Math.abs(cents);
  const units = String(Math.floor(abs / 100)).replace(/\\B(?=(\\d{3})+(?!\\d))/g, W.group);
  return W.euro.replace('{sign}', cents < 0 ? '-' : '').replace('{units}', units).replace('{cents}', String(abs % 100).padStart(2, '0'));
};
function update() {
  haystack = haystack || new Map(rows.map((row) => [row, fold(row.dataset.search || '')]));
  const words = fold(filter.value).split(/\\s+/).filter(Boolean);
  const wanted = verdict.value;
  const sums = {};
  // Apart from what the DINSIC owes: what is unused so far in conventions still running, and
  // what is owed back to it (a negative balance).
  const apart = { unsettled: 0, owedBack: 0 };
  let count = 0;
  for (const row of rows) {
    const visible = (wanted === '' || row.dataset.verdict === wanted) && words.every((word) => haystack.get(row).includes(word));
    row.hidden = !visible;
    if (!visible) continue;
    count += 1;
    for (const cell of row.querySelectorAll('td[data-cents]')) {
      const cents = Number(cell.dataset.cents);
      const kind = cell.dataset.balance;
      if (kind === 'unsettled' || kind === 'owedBack') apart[kind] += Math.abs(cents);
      else sums[cell.dataset.column] = (sums[cell.dataset.column] || 0) + cents;
    }
  }
  shown.textContent = W.shown.replace('{n}', String(count)).replace('{total}', String(rows.length));
  for (const cell of table.querySelectorAll('td[data-shown]')) {
    const sum = sums[cell.dataset.shown] || 0;
    cell.dataset.cents = String(sum);
    cell.textContent = euros(sum);
    if (cell.dataset.shown !== 'balance') continue;
    cell.dataset.unsettled = String(apart.unsettled);
    cell.dataset.owedBack = String(apart.owedBack);
    for (const kind of ['unsettled', 'owedBack']) {
      if (apart[kind] === 0) continue;
      const note = document.createElement('span');
      note.className = 'small';
      note.textContent = W[kind].replace('{amount}', euros(apart[kind]));
      cell.append(document.createElement('br'), note);
    }
  }
}
function sort(button) {
  const th = button.parentElement;
  const ascending = th.getAttribute('aria-sort') !== 'ascending';
  for (const other of table.tHead.rows[0].cells) other.setAttribute('aria-sort', 'none');
  th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  const index = th.cellIndex;
  const numeric = button.dataset.type === 'number';
  const key = (row) => row.cells[index].dataset.sort || '';
  rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
    const order = numeric ? Number(x) - Number(y) : x.localeCompare(y, W.lang);
    return ascending ? order : -order;
  });
  body.append(...rows);
}
filter.addEventListener('input', update);
verdict.addEventListener('change', update);
for (const button of table.tHead.querySelectorAll('button')) button.addEventListener('click', () => sort(button));
// A filter kept by the browser (going back to the page) applies at once; the totals of all rows
// are written in the page.
if (filter.value !== '' || verdict.value !== '') update();
})();`;
}

const CSS = `
body { max-width: 1400px; }
.portfolio-header .kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; color: var(--muted); margin: 0; }
.portfolio-header h1 { margin: 0.1em 0 0.3em; }
.lede { font-size: 1.05rem; }
.controls { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: center; margin: 1em 0 0.6em; padding: 8px 12px; background: var(--tint); border: 1px solid var(--rule); border-radius: 4px; }
.controls input, .controls select { font: inherit; padding: 3px 6px; border: 1px solid var(--muted); border-radius: 3px; }
.controls input { width: 22em; }
.table-wrap { overflow-x: auto; }
#portfolio { font-size: 0.9em; }
#portfolio th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; text-align: inherit; }
#portfolio th[aria-sort="ascending"] button::after { content: " ▲"; }
#portfolio th[aria-sort="descending"] button::after { content: " ▼"; }
#portfolio tbody tr:nth-child(even) { background: #fafaf8; }
#portfolio tbody tr:hover { background: var(--info-bg); }
#portfolio tfoot th, #portfolio tfoot td { border-top: 2px solid var(--ink); font-weight: 600; }
#portfolio tfoot .shown-total th, #portfolio tfoot .shown-total td { border-top: 1px solid var(--rule); font-weight: 400; }
.v-breach { color: var(--breach); background: var(--breach-bg); }
.v-compliant { color: var(--ok); background: var(--ok-bg); }
.v-invalid { color: var(--warn); background: var(--warn-bg); }
td.late { color: var(--breach); font-weight: 600; }
#portfolio .rule { white-space: nowrap; }
#portfolio th, #portfolio td { padding: 4px 6px; }
.error { color: var(--warn); }
@media print {
  .controls { display: none; }
  #portfolio { font-size: 8pt; }
}
`;
