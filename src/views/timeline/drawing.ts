/**
 * The programme's timeline drawn as an inline SVG (lanes, months, the convention's and the phases'
 * bars, the evaluation date, numbered event markers), followed by a table that says what each
 * number is, and the CSS of both. Positions are computed from day numbers, never from `Date`: the
 * drawing is the same in any time zone.
 */
import { civilFromDay, dayFromCivil, type Day } from '../../base/calendar.js';
import { formatDate, type Language } from '../../base/language.js';
import { attr, escapeHtml } from '../html.js';
import { REPORT_WORDS, type ReportWords } from '../../words/programme-report.js';
import { MONTHS_SHORT } from '../../words/findings.js';
import { day, type EventKind, type Lane, type Timeline, type TimelineEvent } from './events.js';

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

/** The first day of the month after that of a day. */
function nextMonth(d: Day): Day {
  const c = civilFromDay(d);
  return c.month === 12 ? dayFromCivil(c.year + 1, 1, 1) : dayFromCivil(c.year, c.month + 1, 1);
}

/** A scale over whole months holding the days near their median. */
function scaleFor(days: Day[]): Scale {
  const sorted = [...days].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const core = sorted.filter((d) => Math.abs(d - median) <= SPAN_LIMIT);
  const low = core[0] ?? median;
  const high = core[core.length - 1] ?? median;
  const a = civilFromDay(low);
  const from = dayFromCivil(a.year, a.month, 1);
  const to = nextMonth(high);
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

/** What every step of the drawing works with. */
interface Drawing {
  timeline: Timeline;
  language: Language;
  w: ReportWords;
  scale: Scale;
  /** The evaluation date. */
  asOf: Day;
  /** The names of the lanes, top to bottom: the convention, the phases, the events' lanes. */
  lanes: { lane: Lane | number; label: string }[];
  /** The middle of each lane. */
  laneY: Map<Lane | number, number>;
  /** Where the lanes end and the month axis starts. */
  axisY: number;
}

/** The timeline as an SVG, followed by the table of its events. */
export function timelineHtml(timeline: Timeline, language: Language): string {
  const drawing = layout(timeline, language);
  const height = TOP + drawing.lanes.length * LANE + AXIS;
  const svg = [
    `<svg class="timeline" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="timeline-title">`,
    `<title id="timeline-title">${escapeHtml(drawing.w.timeline)}</title>`,
    ...laneBands(drawing),
    ...monthAxis(drawing),
    ...periodBars(drawing),
    ...asOfLine(drawing),
    ...eventMarkers(drawing),
    '</svg>',
  ].join('\n');
  return `<figure class="timeline-figure">${svg}</figure>\n${eventTable(drawing)}`;
}

/** The lanes, their places and the scale of a timeline. */
function layout(timeline: Timeline, language: Language): Drawing {
  const w = REPORT_WORDS[language];
  const lanes: Drawing['lanes'] = [
    { lane: 'convention', label: w.conventionLane },
    ...timeline.phases.map((p) => ({ lane: p.number, label: w.phaseNames[p.number - 1]! })),
    ...(['seminar', 'money', 'amendments', 'termination'] as const)
      .filter((lane) => timeline.events.some((e) => e.lane === lane))
      .map((lane) => ({ lane, label: w.lanes[lane] })),
  ];
  const laneY = new Map(lanes.map((l, i) => [l.lane, TOP + i * LANE + LANE / 2]));
  const asOf = day(timeline.asOf)!;
  const dates: Day[] = [asOf];
  for (const e of timeline.events) dates.push(day(e.date)!);
  for (const p of timeline.phases) {
    if (p.start) dates.push(day(p.start)!);
    if (p.end) dates.push(day(p.end)!);
  }
  if (timeline.convention.start) dates.push(day(timeline.convention.start)!);
  if (timeline.convention.end) dates.push(day(timeline.convention.end)!);
  const axisY = TOP + lanes.length * LANE;
  return { timeline, language, w, scale: scaleFor(dates), asOf, lanes, laneY, axisY };
}

/** The lanes, every other one shaded, and their names. */
function laneBands({ lanes }: Drawing): string[] {
  const parts: string[] = [];
  lanes.forEach((l, i) => {
    const y = TOP + i * LANE;
    if (i % 2 === 0)
      parts.push(`<rect class="lane" x="0" y="${y}" width="${WIDTH}" height="${LANE}" />`);
    parts.push(
      `<text class="lane-name" x="8" y="${r1(y + LANE / 2 + 4)}">${escapeHtml(l.label)}</text>`,
    );
  });
  return parts;
}

/** A tick at each month, with its name (and the year) as often as there is room. */
function monthAxis({ scale, axisY, language }: Drawing): string[] {
  const parts: string[] = [];
  const months: Day[] = [];
  for (let d = scale.from; d <= scale.to; d = nextMonth(d)) months.push(d);
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
  return parts;
}

/** The convention's period and the phases, as bars (open-ended when not over). */
function periodBars({ timeline, language, w, scale, asOf, laneY }: Drawing): string[] {
  const parts: string[] = [];
  const bar = (
    lane: Lane | number,
    start: string | null,
    end: string | null,
    cls: string,
    title: string,
    absent: string = w.absent,
  ): void => {
    const y = laneY.get(lane)!;
    if (start === null) {
      parts.push(
        `<text class="absent" x="${GUTTER + 6}" y="${r1(y + 4)}">${escapeHtml(absent)}</text>`,
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
      p.afterTermination ? w.afterTermination : w.absent,
    );
  return parts;
}

/** The evaluation date, a dashed line across the lanes with its label. */
function asOfLine({ timeline, language, w, scale, asOf, axisY }: Drawing): string[] {
  const xAsOf = scale.x(asOf);
  return [
    `<line class="asof" x1="${r1(xAsOf)}" y1="${TOP - 6}" x2="${r1(xAsOf)}" y2="${axisY}" />`,
    `<text class="asof-label" x="${r1(Math.min(xAsOf, WIDTH - 90))}" y="${TOP - 10}" text-anchor="${xAsOf > WIDTH - 90 ? 'end' : 'middle'}">${escapeHtml(`${w.judgedOn} ${formatDate(timeline.asOf, language)}`)}</text>`,
  ];
}

/** One marker per day and lane, numbered; close numbers alternate above and below. */
function eventMarkers({ timeline, language, scale, laneY }: Drawing): string[] {
  const parts: string[] = [];
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
  return parts;
}

/** The table of the events: number, date (marked when off the scale), what, line. */
function eventTable({ timeline, language, w, scale }: Drawing): string {
  if (timeline.events.length === 0) return '';
  const rows = timeline.events.map(
    (e) =>
      `<tr><td class="num">${e.number}</td><td class="date">${escapeHtml(formatDate(e.date, language))}${scale.side(day(e.date)!) !== 0 ? ` <span class="badge">${escapeHtml(w.outOfScale)}</span>` : ''}</td><td><span class="key ev-${e.kind}" aria-hidden="true">${keySymbol(e.kind)}</span> ${escapeHtml(e.label)}</td><td class="num">${e.line}</td></tr>`,
  );
  return [
    '<table class="events">',
    `<caption>${escapeHtml(w.events)}</caption>`,
    `<thead><tr><th scope="col" class="num">${escapeHtml(w.eventNumber)}</th><th scope="col">${escapeHtml(w.date)}</th><th scope="col">${escapeHtml(w.event)}</th><th scope="col" class="num">${escapeHtml(w.line)}</th></tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
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
