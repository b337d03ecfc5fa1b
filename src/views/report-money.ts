/**
 * The money section of a programme's report (./report-html.ts): the amounts against the cap, a
 * chart of them, what is owed, and every movement of money with its line in the file.
 */
import type { MoneySummary } from '../model/finding.js';
import type { LoadedRecord } from '../load/index.js';
import type { ProgrammeRecord } from '../model/programme.js';
import { formatDate, type Language } from '../base/language.js';
import { attr, escapeHtml } from './html.js';
import { REPORT_WORDS, type ReportWords } from '../words/programme-report.js';
import { balanceSentence, overCapSentence, refundedElsewhereSentence } from '../words/money.js';

function amountCell(cents: number | null, w: ReportWords): string {
  return `<td class="num"><span class="amount">${escapeHtml(cents === null ? w.unknown : w.euros(cents))}</span></td>`;
}

/**
 * The money of a record: the summary (the amounts against the cap, a chart, what is owed) and the
 * details (every payment, expense and refund, each with its line in the file).
 */
export function moneyHtml(
  money: MoneySummary,
  record: ProgrammeRecord,
  loaded: LoadedRecord,
  asOf: string | undefined,
  language: Language,
): { summary: string; details: string } {
  const w = REPORT_WORDS[language];
  const rows: [string, string, number | null][] = [
    ['cap', w.cap, money.cap],
    ['paid', w.paid, money.paid],
    ['eligible', w.eligible, money.eligibleExpenses],
    ['used', w.used, money.usedFunds],
    ['refund-due', w.refundDue, money.refundDue],
    ['refunded', w.refunded, money.refunded],
    ['balance', w.balance, money.balance],
  ];
  const overCap = overCapSentence(money, language);
  const summary = [
    '<table class="money">',
    '<tbody>',
    ...rows.map(
      ([key, label, cents]) =>
        `<tr class="money-${key}${key === 'paid' && overCap !== undefined ? ' over' : ''}"${attr('data-money', key)}><th scope="row">${escapeHtml(label)}</th>${amountCell(cents, w)}</tr>`,
    ),
    '</tbody>',
    '</table>',
  ];
  const notes: string[] = [];
  for (const breach of [overCap, refundedElsewhereSentence(money, language)])
    if (breach !== undefined) notes.push(`<p class="note note-breach">✗ ${escapeHtml(breach)}</p>`);
  notes.push(
    `<p class="note balance-note">${escapeHtml(
      balanceSentence(money, asOf, language) ?? w.balanceUnknown,
    )}</p>`,
  );

  const details = movementsHtml(record, loaded, language);
  return {
    summary: [
      '<div class="money-top">',
      `<div>${summary.join('\n')}</div>`,
      `<div>${moneyChart(money, w)}${notes.join('\n')}</div>`,
      '</div>',
    ].join('\n'),
    details,
  };
}

/** The payments, expenses and refunds of a record, a table each, with their totals. */
function movementsHtml(record: ProgrammeRecord, loaded: LoadedRecord, language: Language): string {
  const w = REPORT_WORDS[language];
  const line = (pointer: string): number => loaded.locate(pointer).line;
  const detail = (
    caption: string,
    header: string[],
    items: { cells: string[]; amount: number; pointer: string }[],
  ): string => {
    if (items.length === 0)
      return `<table class="detail"><caption>${escapeHtml(caption)}</caption><tbody><tr><td class="muted">${escapeHtml(w.none)}</td></tr></tbody></table>`;
    const total = items.reduce((sum, i) => sum + i.amount, 0);
    return [
      '<table class="detail">',
      `<caption>${escapeHtml(caption)}</caption>`,
      `<thead><tr>${header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}<th scope="col" class="num">${escapeHtml(w.amount)}</th><th scope="col" class="num">${escapeHtml(w.line)}</th></tr></thead>`,
      '<tbody>',
      ...items.map(
        (i) =>
          `<tr>${i.cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}${amountCell(i.amount, w)}<td class="num">${line(i.pointer)}</td></tr>`,
      ),
      '</tbody>',
      `<tfoot><tr><th scope="row" colspan="${header.length}">${escapeHtml(w.total)}</th>${amountCell(total, w)}<td></td></tr></tfoot>`,
      '</table>',
    ].join('\n');
  };
  const date = (d: string): string => formatDate(d, language);
  const details = [
    detail(
      w.payments,
      [w.date, w.id],
      (record.payments ?? []).map((p, i) => ({
        cells: [date(p.date), p.id],
        amount: p.amount,
        pointer: `/payments/${i}`,
      })),
    ),
    detail(
      w.expenses,
      [w.date, w.id, w.purpose],
      (record.expenses ?? []).map((e, i) => ({
        cells: [date(e.date), e.id, w.purposes[e.purpose] ?? e.purpose],
        amount: e.amount,
        pointer: `/expenses/${i}`,
      })),
    ),
    detail(
      w.refunds,
      [w.date, w.id],
      (record.refunds ?? []).map((r, i) => ({
        cells: [date(r.date), r.id],
        amount: r.amount,
        pointer: `/refunds/${i}`,
      })),
    ),
  ];
  return `<div class="details">${details.join('\n')}</div>`;
}

const CHART_WIDTH = 620;

/** Paid (used, then due back), refunded, against the cap: the money at a glance. */
function moneyChart(money: MoneySummary, w: ReportWords): string {
  // A refund whose account is not written leaves what was refunded unknown: no bar, the word.
  const refunded = money.refunded ?? 0;
  const top = Math.max(money.cap ?? 0, money.paid, refunded, money.eligibleExpenses ?? 0, 1);
  const left = 150;
  const inner = CHART_WIDTH - left - 110;
  const x = (cents: number): number => left + (cents / top) * inner;
  const r = (n: number): string => String(Math.round(n * 10) / 10);
  const parts: string[] = [];
  const barY = [18, 52];
  parts.push(`<text class="chart-label" x="0" y="${barY[0]! + 13}">${escapeHtml(w.paid)}</text>`);
  parts.push(
    `<text class="chart-label" x="0" y="${barY[1]! + 13}">${escapeHtml(w.refunded)}</text>`,
  );
  const used = money.usedFunds;
  if (used !== null) {
    parts.push(
      `<rect class="seg-used" x="${left}" y="${barY[0]}" width="${r(x(used) - left)}" height="18"><title>${escapeHtml(`${w.chartUsed} ${w.euros(used)}`)}</title></rect>`,
      `<rect class="seg-due" x="${r(x(used))}" y="${barY[0]}" width="${r(x(money.paid) - x(used))}" height="18"><title>${escapeHtml(`${w.chartRefundDue} ${w.euros(money.paid - used)}`)}</title></rect>`,
    );
  } else {
    parts.push(
      `<rect class="seg-paid" x="${left}" y="${barY[0]}" width="${r(x(money.paid) - left)}" height="18" />`,
    );
  }
  parts.push(
    `<rect class="seg-refunded" x="${left}" y="${barY[1]}" width="${r(x(refunded) - left)}" height="18" />`,
    `<text class="chart-value" x="${r(x(money.paid) + 6)}" y="${barY[0]! + 13}">${escapeHtml(w.euros(money.paid))}</text>`,
    `<text class="chart-value" x="${r(x(refunded) + 6)}" y="${barY[1]! + 13}">${escapeHtml(money.refunded === null ? w.unknown : w.euros(money.refunded))}</text>`,
  );
  if (money.cap !== null) {
    const cx = x(money.cap);
    parts.push(
      `<line class="cap-line" x1="${r(cx)}" y1="8" x2="${r(cx)}" y2="80" />`,
      `<text class="chart-cap" x="${r(cx)}" y="94" text-anchor="end">${escapeHtml(`${w.chartCap} ${w.euros(money.cap)}`)}</text>`,
    );
  }
  const key =
    used !== null
      ? `<p class="chart-key small"><span class="sw sw-used"></span> ${escapeHtml(w.chartUsed)} <span class="sw sw-due"></span> ${escapeHtml(w.chartRefundDue)} <span class="sw sw-refunded"></span> ${escapeHtml(w.chartRefunded)}</p>`
      : '';
  return `<svg class="money-chart" viewBox="0 0 ${CHART_WIDTH} 100" role="img" aria-label="${escapeHtml(w.money)}">${parts.join('')}</svg>${key}`;
}
