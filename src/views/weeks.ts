/**
 * The grid of the weeks of pré-incubation, by intrapreneur: release days and coaching sessions
 * as measured, and the state of each week. A week is in breach only when a finding of a rule
 * judged over the weeks points at it: the grid shows the rules' judgement, it does not make one.
 * Closed weeks, leave, weeks outside phase 3 or after a termination, weeks the record does not
 * fill in and weeks not yet over are facts of the record and of the calendar.
 */
import type { Finding } from '../model/finding.js';
import type { Facts, Item } from '../facts/derive.js';
import { isMissing } from '../facts/missing.js';
import { formatDate, formatNumber, type Language } from '../base/language.js';
import { attr, escapeHtml } from './html.js';
import { REPORT_WORDS, type WeekState } from '../words/programme-report.js';

export type { WeekState } from '../words/programme-report.js';

/** The states in the order of the key. */
export const WEEK_STATES: readonly WeekState[] = [
  'ok',
  'breach',
  'waived',
  'closed',
  'leave',
  'outside',
  'after-termination',
  'unknown',
  'not-over',
];

export interface WeekCell {
  week: string;
  monday: string;
  friday: string;
  state: WeekState;
  /** Days released, or null when the record does not say. */
  releaseDays: number | null;
  /** Coaching sessions held that week, or null when the record does not say. */
  sessions: number | null;
  /** The findings (indexes in the report's findings) that point at this week. */
  findings: number[];
}

export interface WeekRow {
  project: string;
  intrapreneur: string;
  /** Where the intrapreneur is in the record. */
  pointer: string;
  cells: WeekCell[];
}

export interface WeekGrid {
  weeks: { week: string; monday: string }[];
  rows: WeekRow[];
}

const COLLECTION = 'intrapreneurWeeks';

/**
 * The week items each breach (or waived breach) of a rule over the weeks is about, from the item
 * the evaluation names in the finding: several weeks may point at the same places (all the weeks
 * of an intrapreneur share the list of coaching sessions).
 */
export function weeksOfFindings(findings: readonly Finding[], facts: Facts): Map<Item, number[]> {
  const items = facts.collections[COLLECTION] ?? [];
  const out = new Map<Item, number[]>();
  findings.forEach((finding, index) => {
    if (finding.status !== 'breach' && finding.status !== 'waived') return;
    if (finding.item?.collection !== COLLECTION) return;
    const item = items[finding.item.index];
    if (item) out.set(item, [...(out.get(item) ?? []), index]);
  });
  return out;
}

/** The grid of a judged record: one row per intrapreneur, one column per ISO week of phase 3. */
export function weekGrid(findings: readonly Finding[], facts: Facts): WeekGrid {
  const items = facts.collections[COLLECTION] ?? [];
  const breaches = weeksOfFindings(findings, facts);
  const asOf = String(facts.globals.asOf);
  const convention = facts.globals.convention as { terminationDate?: unknown } | undefined;
  const termination =
    typeof convention?.terminationDate === 'string' ? convention.terminationDate : null;
  const weeks = new Map<string, string>();
  const rows = new Map<string, WeekRow>();
  for (const item of items) {
    const v = item.values;
    const week = String(v.week);
    const monday = String(v.monday);
    const friday = String(v.friday);
    weeks.set(week, monday);
    const pointer = String(v.pointer);
    let row = rows.get(pointer);
    if (!row) {
      row = {
        project: String(v.project),
        intrapreneur: String(v.intrapreneur),
        pointer,
        cells: [],
      };
      rows.set(pointer, row);
    }
    const releaseDays = typeof v.releaseDays === 'number' ? v.releaseDays : null;
    const sessions = typeof v.sessions === 'number' ? v.sessions : null;
    const found = breaches.get(item) ?? [];
    let state: WeekState;
    if (found.some((i) => findings[i]!.status === 'breach')) state = 'breach';
    else if (found.length > 0) state = 'waived';
    else if (v.closed === true) state = 'closed';
    else if (v.onLeave === true) state = 'leave';
    // The week of a termination whose Friday follows it is not owed (it ends phase 3).
    else if (termination !== null && friday > termination) state = 'after-termination';
    else if (v.inPreincubation !== true || v.member !== true) state = 'outside';
    else if (isMissing(v.releaseDays) || isMissing(v.sessions)) state = 'unknown';
    // Over once its Sunday has passed, as A1-COACHING-WEEKLY judges it (a session may come on
    // the Saturday or the Sunday); a release missing by the Friday is already a breach above.
    else if (asOf <= String(v.sunday)) state = 'not-over';
    else state = 'ok';
    row.cells.push({ week, monday, friday, state, releaseDays, sessions, findings: found });
  }
  return {
    weeks: [...weeks.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([week, monday]) => ({ week, monday })),
    rows: [...rows.values()],
  };
}

/** At most this many weeks side by side, so that a block of the grid fits the width of A4. */
const MAX_COLUMNS = 16;

/** The weeks in blocks of even sizes, none wider than a page. */
function blocks<T>(list: T[]): T[][] {
  const count = Math.max(1, Math.ceil(list.length / MAX_COLUMNS));
  const size = Math.ceil(list.length / count);
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const DOT = '●';
const NO_SESSION = '○';

function sessionsMark(n: number | null): string {
  if (n === null) return '?';
  if (n === 0) return NO_SESSION;
  return n <= 3 ? DOT.repeat(n) : `${DOT}×${n}`;
}

/** The short form of a week's Monday for a column's head: `14/10`, `10-14`. */
function shortDate(date: string, language: Language): string {
  const [, m, d] = date.split('-');
  return language === 'fr' ? `${d}/${m}` : `${m}-${d}`;
}

/** The grid as HTML tables, in blocks that fit A4, with its key. */
export function weekGridHtml(
  grid: WeekGrid,
  language: Language,
  findingAnchor: (index: number) => string,
  findingTitle: (index: number) => string,
): string {
  const w = REPORT_WORDS[language];
  if (grid.rows.length === 0) return `<p class="muted">${escapeHtml(w.noWeeks)}</p>`;
  const tables = blocks(grid.weeks).map((weeks) => {
    const first = weeks[0]!.week;
    const last = weeks[weeks.length - 1]!.week;
    const head = weeks
      .map(
        ({ week, monday }) =>
          `<th scope="col" class="wk-head"${attr('title', week)}><span class="wk-no">${escapeHtml(w.weekShort)}${escapeHtml(week.slice(-2))}</span><span class="wk-date">${escapeHtml(shortDate(monday, language))}</span></th>`,
      )
      .join('');
    const body = grid.rows.map((row) => {
      const cells = weeks.map(({ week }) => {
        const cell = row.cells.find((c) => c.week === week);
        if (!cell) return '<td class="wk wk-none"></td>';
        return cellHtml(row, cell, language, findingAnchor, findingTitle);
      });
      return `<tr${attr('data-intrapreneur', row.intrapreneur)}${attr('data-project', row.project)}><th scope="row" class="who">${escapeHtml(row.intrapreneur)}<span class="project">${escapeHtml(row.project)}</span></th>${cells.join('')}</tr>`;
    });
    return [
      '<table class="weeks">',
      `<caption>${escapeHtml(w.weeksRange(first, last))}</caption>`,
      `<thead><tr><th scope="col" class="who">${escapeHtml(w.intrapreneur)}</th>${head}</tr></thead>`,
      `<tbody>${body.join('\n')}</tbody>`,
      '</table>',
    ].join('\n');
  });
  const present = new Set<WeekState>(['ok', 'breach']);
  for (const row of grid.rows) for (const cell of row.cells) present.add(cell.state);
  return [...tables, legendHtml(language, present)].join('\n');
}

function cellHtml(
  row: WeekRow,
  cell: WeekCell,
  language: Language,
  findingAnchor: (index: number) => string,
  findingTitle: (index: number) => string,
): string {
  const w = REPORT_WORDS[language];
  const days = cell.releaseDays === null ? '?' : formatNumber(cell.releaseDays, language);
  const described = [
    w.cellTitle(
      row.intrapreneur,
      cell.week,
      formatDate(cell.monday, language),
      formatDate(cell.friday, language),
    ),
    w.states[cell.state],
    cell.releaseDays === null ? '' : w.released(formatValueDays(cell.releaseDays, language)),
    cell.sessions === null ? '' : w.sessionsCount(cell.sessions),
    ...cell.findings.map(findingTitle),
  ]
    .filter(Boolean)
    .join(' — ');
  const mark = w.stateMarks[cell.state];
  let content: string;
  if (mark !== undefined) content = `<span class="wk-mark">${escapeHtml(mark)}</span>`;
  else if (cell.state === 'outside') content = '<span class="wk-mark">–</span>';
  else
    content =
      `${cell.state === 'breach' || cell.state === 'waived' ? `<span class="wk-flag" aria-hidden="true">${cell.state === 'breach' ? '✗' : '(✗)'}</span>` : ''}` +
      `<span class="wk-days">${escapeHtml(days)}</span>` +
      `<span class="wk-sessions">${sessionsMark(cell.sessions)}</span>`;
  if (cell.findings.length > 0)
    content = `<a href="#${escapeHtml(findingAnchor(cell.findings[0]!))}">${content}</a>`;
  return `<td class="wk wk-${cell.state}"${attr('data-week', cell.week)}${attr('data-state', cell.state)}${attr('title', described)}>${content}<span class="visually-hidden">${escapeHtml(w.states[cell.state])}</span></td>`;
}

function formatValueDays(days: number, language: Language): string {
  const unit = language === 'fr' ? (days <= 1 ? 'jour' : 'jours') : days === 1 ? 'day' : 'days';
  return `${formatNumber(days, language)} ${unit}`;
}

/** The key: a sample cell for each state the grid shows (and for a breach, always), with its name. */
function legendHtml(language: Language, present: ReadonlySet<WeekState>): string {
  const w = REPORT_WORDS[language];
  const samples: Record<WeekState, string> = {
    ok: `<span class="wk-days">1</span><span class="wk-sessions">${DOT}</span>`,
    breach: `<span class="wk-flag">✗</span><span class="wk-days">${formatNumber(0.5, language)}</span><span class="wk-sessions">${NO_SESSION}</span>`,
    waived: `<span class="wk-flag">(✗)</span><span class="wk-days">${formatNumber(0.5, language)}</span><span class="wk-sessions">${DOT}</span>`,
    closed: `<span class="wk-mark">${escapeHtml(w.stateMarks.closed ?? '')}</span>`,
    leave: `<span class="wk-mark">${escapeHtml(w.stateMarks.leave ?? '')}</span>`,
    outside: '<span class="wk-mark">–</span>',
    'after-termination': `<span class="wk-mark">${escapeHtml(w.stateMarks['after-termination'] ?? '')}</span>`,
    unknown: '<span class="wk-days">?</span><span class="wk-sessions">?</span>',
    'not-over': `<span class="wk-days">1</span><span class="wk-sessions">${DOT}</span>`,
  };
  const items = WEEK_STATES.filter((state) => present.has(state)).map(
    (state) =>
      `<li><span class="wk wk-${state} wk-sample">${samples[state]}</span> ${escapeHtml(w.states[state])}</li>`,
  );
  return [
    `<div class="legend"><p><strong>${escapeHtml(w.legend)}${w.colon}</strong> <span class="wk-days">1</span> ${escapeHtml(w.releaseDays)}${w.semicolon} <span class="wk-sessions">${DOT}</span> ${escapeHtml(w.sessions)} (${NO_SESSION}${w.colon} 0)</p>`,
    `<ul>${items.join('')}</ul></div>`,
  ].join('\n');
}

/** The grid's CSS: a colour, and a symbol or a pattern that survives grey print, for each state. */
export const WEEKS_CSS = `
.weeks { table-layout: fixed; width: auto; font-size: 12px; margin-bottom: 0.8em; }
.weeks th, .weeks td { padding: 2px; }
.weeks th.who { width: 150px; text-align: left; font-weight: 600; padding: 3px 6px; }
.weeks th.who .project { display: block; font-weight: 400; color: var(--muted); font-size: 0.85em; overflow-wrap: anywhere; }
.wk-head { width: 44px; text-align: center; font-weight: 600; }
.wk-head span { display: block; }
.wk-head .wk-date { font-weight: 400; color: var(--muted); font-size: 0.85em; }
.wk { width: 44px; height: 40px; text-align: center; vertical-align: middle; position: relative; line-height: 1.15; }
.wk a { color: inherit; text-decoration: none; display: block; }
.wk-days { display: block; font-weight: 600; }
.wk-sessions { display: block; font-size: 0.8em; letter-spacing: -1px; }
.legend .wk-days, .legend .wk-sessions { display: inline; }
.wk-mark { font-size: 0.82em; color: #333; }
.wk-flag { position: absolute; top: 0; right: 2px; font-size: 0.8em; font-weight: 700; }
.wk-ok { background: var(--ok-bg); }
.wk-breach { background: var(--breach-bg); color: var(--breach); outline: 2px solid var(--breach); outline-offset: -2px; }
.wk-waived { background: var(--warn-bg); color: var(--warn); outline: 2px dashed var(--warn); outline-offset: -2px; }
.wk-waived .wk-flag { font-size: 0.7em; right: 1px; }
.wk-closed { background: repeating-linear-gradient(135deg, #e2e2e2 0 3px, #fff 3px 7px); }
.wk-leave { background: radial-gradient(#a9bedb 0.8px, #f1f5fb 1.2px) 0 0 / 5px 5px; }
.wk-outside { background: #fafafa; color: var(--muted); }
.wk-after-termination { background: repeating-linear-gradient(90deg, #eee 0 2px, #fff 2px 6px); }
.wk-unknown { background: var(--warn-bg); outline: 2px dotted var(--warn); outline-offset: -3px; }
.wk-not-over { background: #fff; outline: 1px dashed var(--muted); outline-offset: -3px; color: var(--muted); }
.legend ul { list-style: none; padding: 0; margin: 0.3em 0; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 0.88em; }
.legend li { display: flex; align-items: center; gap: 6px; }
.wk-sample { display: inline-block; width: 34px; height: 30px; border: 1px solid var(--rule); font-size: 11px; padding-top: 2px; }
.wk-sample .wk-days, .wk-sample .wk-sessions { display: block; }
@media print {
  .weeks th.who { width: 120px; }
  .wk-head, .wk { width: 34px; }
  .weeks { break-inside: avoid; page-break-inside: avoid; }
}
`;
