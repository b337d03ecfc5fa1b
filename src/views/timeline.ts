/**
 * The programme's timeline as an inline SVG: the convention's period, the five phases, and the
 * events of the record (signatures, payments and refunds, the seminar, amendments, the notice
 * and the termination), numbered, with a table that says what each number is. Positions are
 * computed from day numbers, never from `Date`: the drawing is the same in any time zone.
 */
import { civilFromDay, dayFromCivil, parseCalendarDate, type Day } from '../base/calendar.js';
import type { Facts } from '../facts/derive.js';
import { PHASES } from '../facts/reader.js';
import type { LoadedRecord } from '../load/index.js';
import type { ProgrammeRecord } from '../model/programme.js';
import { formatDate, type Language } from '../base/language.js';
import { attr, escapeHtml } from './html.js';
import { REPORT_WORDS } from '../words/programme-report.js';
import { MONTHS_SHORT, PARTY_WORDS } from '../words/findings.js';

export type EventKind =
  | 'signature'
  | 'payment'
  | 'refund'
  | 'seminar'
  | 'amendment'
  | 'notice'
  | 'response'
  | 'termination';

type Lane = 'convention' | 'seminar' | 'money' | 'amendments' | 'termination';

export interface TimelineEvent {
  /** Its number, in the order of dates. */
  number: number;
  date: string;
  kind: EventKind;
  lane: Lane;
  label: string;
  /** The line of the record where it is written. */
  line: number;
}

export interface PhaseBar {
  number: number;
  start: string | null;
  /** null: the phase has not ended (or its end is not in the record). */
  end: string | null;
}

export interface Timeline {
  asOf: string;
  convention: { start: string | null; end: string | null };
  phases: PhaseBar[];
  events: TimelineEvent[];
}

const day = (date: string): Day | null => {
  const parsed = parseCalendarDate(date);
  return parsed.ok ? parsed.value : null;
};

/** The timeline of a judged record. */
export function timelineOf(loaded: LoadedRecord, facts: Facts, language: Language): Timeline {
  const record = loaded.record as ProgrammeRecord;
  const w = REPORT_WORDS[language];
  const party = (p: string | undefined): string | undefined =>
    p === undefined ? undefined : (PARTY_WORDS[language][p] ?? p);
  const raw: Omit<TimelineEvent, 'number'>[] = [];
  const add = (
    date: string | undefined,
    kind: EventKind,
    lane: Lane,
    label: string,
    pointer: string,
  ): void => {
    if (date === undefined || day(date) === null) return;
    raw.push({ date, kind, lane, label, line: loaded.locate(pointer).line });
  };

  (record.convention.signatures ?? []).forEach((s, i) =>
    add(
      s.date,
      'signature',
      'convention',
      w.eventWords.signature(party(s.party) ?? s.party, s.signatory),
      `/convention/signatures/${i}/date`,
    ),
  );
  add(
    record.seminar?.date,
    'seminar',
    'seminar',
    w.eventWords.seminar(record.seminar?.title),
    '/seminar/date',
  );
  (record.payments ?? []).forEach((p, i) =>
    add(
      p.date,
      'payment',
      'money',
      w.eventWords.payment(p.id, w.euros(p.amount)),
      `/payments/${i}/date`,
    ),
  );
  (record.refunds ?? []).forEach((r, i) =>
    add(
      r.date,
      'refund',
      'money',
      w.eventWords.refund(r.id, w.euros(r.amount)),
      `/refunds/${i}/date`,
    ),
  );
  (record.amendments ?? []).forEach((a, i) => {
    add(
      a.requested,
      'amendment',
      'amendments',
      w.eventWords.amendmentRequested(a.id, party(a.requestedBy)),
      `/amendments/${i}/requested`,
    );
    (a.signatures ?? []).forEach((s, k) =>
      add(
        s.date,
        'amendment',
        'amendments',
        w.eventWords.amendmentSigned(a.id, party(s.party) ?? s.party),
        `/amendments/${i}/signatures/${k}/date`,
      ),
    );
  });
  const t = record.termination;
  if (t) {
    add(
      t.notice?.date,
      'notice',
      'termination',
      w.eventWords.notice(party(t.notice?.by)),
      '/termination/notice/date',
    );
    add(
      t.notice?.received,
      'notice',
      'termination',
      w.eventWords.noticeReceived,
      '/termination/notice/received',
    );
    add(
      t.satisfactoryResponse,
      'response',
      'termination',
      w.eventWords.response,
      '/termination/satisfactoryResponse',
    );
    add(
      t.date,
      'termination',
      'termination',
      w.eventWords.termination(party(t.requestedBy)),
      '/termination/date',
    );
  }
  // Stable: by date, then in the order of the record.
  const events = raw
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i))
    .map(({ e }, i) => ({ ...e, number: i + 1 }));

  const phaseFacts = facts.globals.phases as Record<string, { start: unknown; end: unknown }>;
  const phases = PHASES.map((name, i) => {
    const f = phaseFacts[name];
    return {
      number: i + 1,
      start: typeof f?.start === 'string' ? f.start : null,
      end: typeof f?.end === 'string' ? f.end : null,
    };
  });
  const convention = facts.globals.convention as { start: unknown; end: unknown };
  return {
    asOf: String(facts.globals.asOf),
    convention: {
      start: typeof convention.start === 'string' ? convention.start : null,
      end: typeof convention.end === 'string' ? convention.end : null,
    },
    phases,
    events,
  };
}

// The drawing's coordinates: a viewBox 1000 wide, scaled to the page.
const WIDTH = 1000;
const GUTTER = 190;
const RIGHT = 24;
const LANE = 28;
const TOP = 26;
const AXIS = 40;
/** Dates further than this from the median date are drawn at the edge, marked off scale. */
const SPAN_LIMIT = 2 * 366;

interface Scale {
  from: Day;
  to: Day;
  x(d: Day): number;
  /** -1 before the scale, 1 after it, 0 in it. */
  side(d: Day): -1 | 0 | 1;
}

function scaleFor(days: Day[]): Scale {
  const sorted = [...days].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const core = sorted.filter((d) => Math.abs(d - median) <= SPAN_LIMIT);
  const low = core[0] ?? median;
  const high = core[core.length - 1] ?? median;
  const a = civilFromDay(low);
  const b = civilFromDay(high);
  const from = dayFromCivil(a.year, a.month, 1);
  const to = b.month === 12 ? dayFromCivil(b.year + 1, 1, 1) : dayFromCivil(b.year, b.month + 1, 1);
  const span = Math.max(1, to - from);
  const inner = WIDTH - GUTTER - RIGHT;
  return {
    from,
    to,
    x: (d) => GUTTER + (Math.min(Math.max(d, from), to) - from) * (inner / span),
    side: (d) => (d < from ? -1 : d > to ? 1 : 0),
  };
}

const r1 = (n: number): string => String(Math.round(n * 10) / 10);

/** A marker's shape, centred on (x, y): each kind its own, so that it reads without colour. */
function marker(kind: EventKind, x: number, y: number): string {
  const s = 6;
  switch (kind) {
    case 'signature':
      return `<path class="m m-signature" d="M${r1(x)} ${r1(y - s)} L${r1(x + s)} ${r1(y)} L${r1(x)} ${r1(y + s)} L${r1(x - s)} ${r1(y)} Z" />`;
    case 'payment':
      return `<path class="m m-payment" d="M${r1(x)} ${r1(y - s)} L${r1(x + s)} ${r1(y + s - 1)} L${r1(x - s)} ${r1(y + s - 1)} Z" />`;
    case 'refund':
      return `<path class="m m-refund" d="M${r1(x)} ${r1(y + s)} L${r1(x + s)} ${r1(y - s + 1)} L${r1(x - s)} ${r1(y - s + 1)} Z" />`;
    case 'seminar':
      return `<circle class="m m-seminar" cx="${r1(x)}" cy="${r1(y)}" r="${s}" />`;
    case 'amendment':
      return `<rect class="m m-amendment" x="${r1(x - s + 1)}" y="${r1(y - s + 1)}" width="${2 * s - 2}" height="${2 * s - 2}" />`;
    case 'notice':
      return `<path class="m m-notice" d="M${r1(x)} ${r1(y - s)} L${r1(x + s)} ${r1(y + s - 1)} L${r1(x - s)} ${r1(y + s - 1)} Z" /><path class="m-bang" d="M${r1(x)} ${r1(y - 2)} V${r1(y + 2)}" />`;
    case 'response':
      return `<circle class="m m-response" cx="${r1(x)}" cy="${r1(y)}" r="${s - 1}" />`;
    case 'termination':
      return `<path class="m m-termination" d="M${r1(x - s)} ${r1(y - s)} L${r1(x + s)} ${r1(y + s)} M${r1(x + s)} ${r1(y - s)} L${r1(x - s)} ${r1(y + s)}" />`;
  }
}

/** The timeline as an SVG, followed by the table of its events. */
export function timelineHtml(timeline: Timeline, language: Language): string {
  const w = REPORT_WORDS[language];
  const laneNames: { lane: Lane | number; label: string }[] = [
    { lane: 'convention', label: w.conventionLane },
    ...timeline.phases.map((p) => ({ lane: p.number, label: w.phaseNames[p.number - 1]! })),
    ...(['seminar', 'money', 'amendments', 'termination'] as const)
      .filter((lane) => timeline.events.some((e) => e.lane === lane))
      .map((lane) => ({ lane, label: w.lanes[lane] })),
  ];
  const laneY = new Map(laneNames.map((l, i) => [l.lane, TOP + i * LANE + LANE / 2]));
  const height = TOP + laneNames.length * LANE + AXIS;

  const asOf = day(timeline.asOf)!;
  const dates: Day[] = [asOf];
  for (const e of timeline.events) dates.push(day(e.date)!);
  for (const p of timeline.phases) {
    if (p.start) dates.push(day(p.start)!);
    if (p.end) dates.push(day(p.end)!);
  }
  if (timeline.convention.start) dates.push(day(timeline.convention.start)!);
  if (timeline.convention.end) dates.push(day(timeline.convention.end)!);
  const scale = scaleFor(dates);
  const parts: string[] = [];

  // Lanes and their names.
  laneNames.forEach((l, i) => {
    const y = TOP + i * LANE;
    if (i % 2 === 0)
      parts.push(`<rect class="lane" x="0" y="${y}" width="${WIDTH}" height="${LANE}" />`);
    parts.push(
      `<text class="lane-name" x="8" y="${r1(y + LANE / 2 + 4)}">${escapeHtml(l.label)}</text>`,
    );
  });

  // Months.
  const axisY = TOP + laneNames.length * LANE;
  const months: Day[] = [];
  for (let d = scale.from; d <= scale.to;) {
    months.push(d);
    const c = civilFromDay(d);
    d = c.month === 12 ? dayFromCivil(c.year + 1, 1, 1) : dayFromCivil(c.year, c.month + 1, 1);
  }
  const monthWidth = (WIDTH - GUTTER - RIGHT) / Math.max(1, months.length - 1);
  const every = [1, 2, 3, 6, 12].find((n) => n * monthWidth >= 44) ?? 12;
  months.forEach((m, i) => {
    const x = scale.x(m);
    const c = civilFromDay(m);
    parts.push(`<line class="tick" x1="${r1(x)}" y1="${TOP}" x2="${r1(x)}" y2="${axisY + 4}" />`);
    if (i % every === 0 && i < months.length - 1) {
      const label = MONTHS_SHORT[language][c.month - 1]!;
      parts.push(
        `<text class="month" x="${r1(x + 3)}" y="${axisY + 16}">${escapeHtml(label)}</text>`,
      );
      if (i === 0 || c.month <= every)
        parts.push(`<text class="year" x="${r1(x + 3)}" y="${axisY + 30}">${c.year}</text>`);
    }
  });

  // The convention's period and the phases.
  const bar = (
    lane: Lane | number,
    start: string | null,
    end: string | null,
    cls: string,
    title: string,
  ): void => {
    const y = laneY.get(lane)!;
    if (start === null) {
      parts.push(
        `<text class="absent" x="${GUTTER + 6}" y="${r1(y + 4)}">${escapeHtml(w.absent)}</text>`,
      );
      return;
    }
    const open = end === null;
    const x1 = scale.x(day(start)!);
    const x2 = Math.max(x1 + 2, scale.x(open ? asOf : day(end)!));
    parts.push(
      `<rect class="bar ${cls}${open ? ' open' : ''}" x="${r1(x1)}" y="${r1(y - 7)}" width="${r1(x2 - x1)}" height="14"><title>${escapeHtml(title)}</title></rect>`,
    );
  };
  const period = (start: string | null, end: string | null): string =>
    `${start ? formatDate(start, language) : '?'} → ${end ? formatDate(end, language) : w.ongoing}`;
  bar(
    'convention',
    timeline.convention.start,
    timeline.convention.end,
    'bar-convention',
    `${w.conventionLane}${w.colon} ${period(timeline.convention.start, timeline.convention.end)}`,
  );
  for (const p of timeline.phases)
    bar(
      p.number,
      p.start,
      p.end,
      `bar-phase bar-phase-${p.number}`,
      `${w.phaseNames[p.number - 1]}${w.colon} ${period(p.start, p.end)}`,
    );

  // The evaluation date.
  const xAsOf = scale.x(asOf);
  parts.push(
    `<line class="asof" x1="${r1(xAsOf)}" y1="${TOP - 6}" x2="${r1(xAsOf)}" y2="${axisY}" />`,
    `<text class="asof-label" x="${r1(Math.min(xAsOf, WIDTH - 90))}" y="${TOP - 10}" text-anchor="${xAsOf > WIDTH - 90 ? 'end' : 'middle'}">${escapeHtml(`${w.judgedOn} ${formatDate(timeline.asOf, language)}`)}</text>`,
  );

  // Events: one marker per day and lane, numbered; close numbers alternate above and below.
  const groups = new Map<string, TimelineEvent[]>();
  for (const e of timeline.events) {
    const key = `${e.lane}|${e.date}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const lastX = new Map<Lane, { x: number; up: boolean }>();
  for (const group of groups.values()) {
    const first = group[0]!;
    const d = day(first.date)!;
    const side = scale.side(d);
    const x = scale.x(d);
    const y = laneY.get(first.lane)!;
    const previous = lastX.get(first.lane);
    const up = previous !== undefined && x - previous.x < 26 ? !previous.up : true;
    lastX.set(first.lane, { x, up });
    const numbers = group.map((e) => e.number).join(',');
    const title = group
      .map((e) => `${e.number}. ${formatDate(e.date, language)} — ${e.label}`)
      .join('\n');
    const off =
      side === 0
        ? ''
        : `${side < 0 ? '◀ ' : ''}${formatDate(first.date, language)}${side > 0 ? ' ▶' : ''}`;
    parts.push(
      `<g class="event ev-${first.kind}"${attr('data-date', first.date)}><title>${escapeHtml(title)}</title>${marker(first.kind, x, y)}` +
        `<text class="ev-no" x="${r1(x)}" y="${r1(up ? y - 9 : y + 17)}" text-anchor="middle">${escapeHtml(numbers)}</text>` +
        (off
          ? `<text class="off" x="${r1(side < 0 ? x + 10 : x - 10)}" y="${r1(y + 4)}" text-anchor="${side < 0 ? 'start' : 'end'}">${escapeHtml(off)}</text>`
          : '') +
        '</g>',
    );
  }

  const svg = [
    `<svg class="timeline" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="timeline-title">`,
    `<title id="timeline-title">${escapeHtml(w.timeline)}</title>`,
    ...parts,
    '</svg>',
  ].join('\n');

  const rows = timeline.events.map(
    (e) =>
      `<tr><td class="num">${e.number}</td><td class="date">${escapeHtml(formatDate(e.date, language))}${scale.side(day(e.date)!) !== 0 ? ` <span class="badge">${escapeHtml(w.outOfScale)}</span>` : ''}</td><td><span class="key ev-${e.kind}" aria-hidden="true">${keySymbol(e.kind)}</span> ${escapeHtml(e.label)}</td><td class="num">${e.line}</td></tr>`,
  );
  const table =
    timeline.events.length === 0
      ? ''
      : [
          '<table class="events">',
          `<caption>${escapeHtml(w.events)}</caption>`,
          `<thead><tr><th scope="col" class="num">${escapeHtml(w.eventNumber)}</th><th scope="col">${escapeHtml(w.date)}</th><th scope="col">${escapeHtml(w.event)}</th><th scope="col" class="num">${escapeHtml(w.line)}</th></tr></thead>`,
          `<tbody>${rows.join('\n')}</tbody>`,
          '</table>',
        ].join('\n');
  return `<figure class="timeline-figure">${svg}</figure>\n${table}`;
}

/** The marker of a kind, as a character for the table of events. */
function keySymbol(kind: EventKind): string {
  return {
    signature: '◆',
    payment: '▲',
    refund: '▼',
    seminar: '●',
    amendment: '■',
    notice: '△',
    response: '○',
    termination: '✕',
  }[kind];
}

export const TIMELINE_CSS = `
.timeline-figure { margin: 0.5em 0; }
.timeline { width: 100%; height: auto; display: block; font-family: inherit; }
.timeline .lane { fill: #f6f6f3; }
.timeline .lane-name { font-size: 13px; fill: var(--ink); }
.timeline .tick { stroke: #d6d6d6; stroke-width: 1; }
.timeline .month { font-size: 12px; fill: var(--muted); }
.timeline .year { font-size: 12px; fill: var(--ink); font-weight: 600; }
.timeline .bar { stroke: #1b1b1b; stroke-width: 0.6; }
.timeline .bar.open { stroke-dasharray: 4 3; }
.timeline .bar-convention { fill: #9aa7b8; }
.timeline .bar-phase-1 { fill: #c9d8ef; }
.timeline .bar-phase-2 { fill: #9dbbe3; }
.timeline .bar-phase-3 { fill: #5f8fd0; }
.timeline .bar-phase-4 { fill: #3a6db5; }
.timeline .bar-phase-5 { fill: #23508f; }
.timeline .absent { font-size: 12px; font-style: italic; fill: var(--muted); }
.timeline .asof { stroke: var(--breach); stroke-width: 1.2; stroke-dasharray: 5 3; }
.timeline .asof-label { font-size: 12px; fill: var(--breach); }
.timeline .m { stroke: #1b1b1b; stroke-width: 1; }
.timeline .m-signature { fill: #6b3fa0; }
.timeline .m-payment { fill: #1d6b35; }
.timeline .m-refund { fill: #8f5400; }
.timeline .m-seminar { fill: #1f4e8c; }
.timeline .m-amendment { fill: #fff; stroke-width: 1.6; }
.timeline .m-notice { fill: #fff1cc; }
.timeline .m-bang { stroke: #1b1b1b; stroke-width: 1.4; }
.timeline .m-response { fill: #fff; stroke-width: 1.6; }
.timeline .m-termination { stroke: var(--breach); stroke-width: 2.6; fill: none; }
.timeline .ev-no { font-size: 11px; font-weight: 700; fill: var(--ink); }
.timeline .off { font-size: 10px; fill: var(--breach); }
.events { font-size: 0.9em; }
.events td.date { white-space: nowrap; }
.key { display: inline-block; width: 1.2em; text-align: center; }
.key.ev-signature { color: #6b3fa0; }
.key.ev-payment { color: #1d6b35; }
.key.ev-refund { color: #8f5400; }
.key.ev-seminar { color: #1f4e8c; }
.key.ev-termination { color: var(--breach); }
`;
