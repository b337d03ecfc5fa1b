/**
 * The programme's timeline as data: the convention's period, the five phases, and the dated events
 * of the record (signatures, payments and refunds, the seminar, amendments, the notice and the
 * termination), numbered in the order of their dates, each with the line where it is written.
 * src/views/timeline/drawing.ts draws it.
 */
import { parseCalendarDate, type Day } from '../../base/calendar.js';
import type { Facts } from '../../facts/derive.js';
import { PHASES } from '../../facts/reader.js';
import type { LoadedRecord } from '../../load/index.js';
import type { ProgrammeRecord } from '../../model/programme.js';
import type { Language } from '../../base/language.js';
import { REPORT_WORDS, type ReportWords } from '../../words/programme-report.js';
import { PARTY_WORDS } from '../../words/findings.js';

export type EventKind =
  | 'signature'
  | 'payment'
  | 'refund'
  | 'seminar'
  | 'amendment'
  | 'notice'
  | 'response'
  | 'termination';

export type Lane = 'convention' | 'seminar' | 'money' | 'amendments' | 'termination';

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
  /** The record writes the phase, but it starts after the termination: it does not take place. */
  afterTermination: boolean;
}

export interface Timeline {
  asOf: string;
  convention: { start: string | null; end: string | null };
  phases: PhaseBar[];
  events: TimelineEvent[];
}

/** The day of a calendar date, or null when it is no date. */
export const day = (date: string): Day | null => {
  const parsed = parseCalendarDate(date);
  return parsed.ok ? parsed.value : null;
};

/** The timeline of a judged record. */
export function timelineOf(loaded: LoadedRecord, facts: Facts, language: Language): Timeline {
  return {
    asOf: String(facts.globals.asOf),
    convention: conventionPeriod(facts),
    phases: phaseBars(facts),
    events: numbered(recordEvents(loaded, language)),
  };
}

/** Adds an event dated at `date` (left out when it is no date), written at `pointer`. */
type AddEvent = (
  date: string | undefined,
  kind: EventKind,
  lane: Lane,
  label: string,
  pointer: string,
) => void;

/** What each step that lists a kind of event works with. */
interface EventSource {
  record: ProgrammeRecord;
  w: ReportWords;
  /** A party's name in the language of the report. */
  party: (p: string | undefined) => string | undefined;
  add: AddEvent;
}

/** The dated events of a record, in the order of the record. */
function recordEvents(loaded: LoadedRecord, language: Language): Omit<TimelineEvent, 'number'>[] {
  const raw: Omit<TimelineEvent, 'number'>[] = [];
  const source: EventSource = {
    record: loaded.record as ProgrammeRecord,
    w: REPORT_WORDS[language],
    party: (p) => (p === undefined ? undefined : (PARTY_WORDS[language][p] ?? p)),
    add: (date, kind, lane, label, pointer) => {
      if (date === undefined || day(date) === null) return;
      raw.push({ date, kind, lane, label, line: loaded.locate(pointer).line });
    },
  };
  signatureEvents(source);
  seminarEvent(source);
  moneyEvents(source);
  amendmentEvents(source);
  terminationEvents(source);
  return raw;
}

/** The signatures of the convention. */
function signatureEvents({ record, w, party, add }: EventSource): void {
  (record.convention.signatures ?? []).forEach((s, i) =>
    add(
      s.date,
      'signature',
      'convention',
      w.eventWords.signature(party(s.party) ?? s.party, s.signatory),
      `/convention/signatures/${i}/date`,
    ),
  );
}

/** The seminar. */
function seminarEvent({ record, w, add }: EventSource): void {
  add(
    record.seminar?.date,
    'seminar',
    'seminar',
    w.eventWords.seminar(record.seminar?.title),
    '/seminar/date',
  );
}

/** The payments, then the refunds. */
function moneyEvents({ record, w, add }: EventSource): void {
  for (const [kind, field] of [
    ['payment', 'payments'],
    ['refund', 'refunds'],
  ] as const)
    (record[field] ?? []).forEach((m, i) =>
      add(
        m.date,
        kind,
        'money',
        w.eventWords[kind](m.id, w.euros(m.amount)),
        `/${field}/${i}/date`,
      ),
    );
}

/** Each amendment's request, then its signatures. */
function amendmentEvents({ record, w, party, add }: EventSource): void {
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
}

/** The termination: its notice, the notice's receipt, a satisfactory response, its date. */
function terminationEvents({ record, w, party, add }: EventSource): void {
  const t = record.termination;
  if (!t) return;
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

/** Events numbered by date; stable: on one date, in the order of the record. */
function numbered(raw: Omit<TimelineEvent, 'number'>[]): TimelineEvent[] {
  return raw
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i))
    .map(({ e }, i) => ({ ...e, number: i + 1 }));
}

/** The five phases' bars, from the derived facts. */
function phaseBars(facts: Facts): PhaseBar[] {
  const phaseFacts = facts.globals.phases as Record<
    string,
    { start: unknown; end: unknown; afterTermination?: unknown }
  >;
  return PHASES.map((name, i) => {
    const f = phaseFacts[name];
    return {
      number: i + 1,
      start: typeof f?.start === 'string' ? f.start : null,
      end: typeof f?.end === 'string' ? f.end : null,
      afterTermination: f?.afterTermination === true,
    };
  });
}

/** The convention's period, from the derived facts. */
function conventionPeriod(facts: Facts): Timeline['convention'] {
  const convention = facts.globals.convention as { start: unknown; end: unknown };
  return {
    start: typeof convention.start === 'string' ? convention.start : null,
    end: typeof convention.end === 'string' ? convention.end : null,
  };
}
