/**
 * The agenda as an iCalendar file (RFC 5545), for a finance controller's calendar: one all-day
 * event per deadline, on its due date, with the clause quoted in its description and, while it
 * is still ahead, an alarm a week before. The file is the same, byte for byte, from run to run on
 * the same records, whatever the machine's time zone or locale:
 *
 * - UID: a hash of the convention's id, the rule, the breach case and the place in the record it
 *   points to, so that a calendar that re-imports the file, or subscribes to it, updates an event
 *   instead of adding a copy (a moved file keeps its ids);
 * - DTSTAMP: RFC 5545 requires one, in UTC; "now" would change every run and make every import
 *   look like a revision. It is the record's evaluation date at midnight UTC: the day the
 *   information is as of, which changes exactly when the obligation's standing can;
 * - dates are DATE values (all-day, floating: no time zone, the day is the convention's day);
 * - lines end with CRLF and are folded at 75 octets, never inside a UTF-8 sequence.
 *
 * What is overdue gets an event on its due date, marked so, without an alarm (a reminder of a
 * day gone by would ring at once on import). What is pending without a date yet cannot be put
 * on a day: it is a to-do (VTODO) saying when the rule makes it due, never left out.
 */
import { sha256 } from '../base/builtins.js';
import type { AgendaEntry } from '../views/agenda.js';
import { checkedDay, formatDay } from '../base/calendar.js';
import { formatDate, type Language } from '../base/language.js';
import { AGENDA_WORDS, whenDue, type Agenda, type AgendaFormatOptions } from './agenda.js';

const WORDS = {
  fr: {
    calendar: 'clausier — échéancier des conventions',
    overdue: 'EN RETARD',
    alarm: (title: string) => `Dans une semaine : ${title}`,
    due: (date: string, when: string) => `Échéance : ${date} (${when})`,
    dueWhen: (when: string) => `Échéance : ${when} (date non encore connue)`,
    amount: (amount: string) => `Montant dû : ${amount}`,
    rule: (id: string, title: string) => `Règle ${id} : ${title}`,
    record: (file: string, line: number | undefined) =>
      `Dossier : ${file}${line !== undefined ? `, ligne ${line}` : ''}`,
    judged: (date: string, tool: string) => `Au ${date}, selon ${tool}.`,
  },
  en: {
    calendar: 'clausier — conventions’ deadlines',
    overdue: 'OVERDUE',
    alarm: (title: string) => `In a week: ${title}`,
    due: (date: string, when: string) => `Due: ${date} (${when})`,
    dueWhen: (when: string) => `Due: ${when} (date not yet known)`,
    amount: (amount: string) => `Amount owed: ${amount}`,
    rule: (id: string, title: string) => `Rule ${id}: ${title}`,
    record: (file: string, line: number | undefined) =>
      `Record: ${file}${line !== undefined ? `, line ${line}` : ''}`,
    judged: (date: string, tool: string) => `As of ${date}, according to ${tool}.`,
  },
} satisfies Record<Language, unknown>;

/** The longest line, in octets, CRLF excluded (RFC 5545, 3.1). */
const LINE_OCTETS = 75;

const octets = (codePoint: number): number =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/**
 * A content line folded as RFC 5545 says (3.1): at most 75 octets a line, each continuation
 * starting with one space, which counts in its 75; a character is never split.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const n = octets(char.codePointAt(0)!);
    if (size + n > LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      size = 1;
    }
    current += char;
    size += n;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/**
 * A TEXT value (RFC 5545, 3.3.11): backslashes, semicolons, commas and line breaks escaped; the
 * other control characters, which TEXT may not hold, dropped.
 */
export function escapeText(text: string): string {
  return (
    text
      .replace(/\r\n|\r/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/[\\;,]/g, (c) => `\\${c}`)
      .replace(/\n/g, '\\n')
  );
}

const compact = (date: string): string => date.replaceAll('-', '');

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

// Due dates were checked when the record was read, or computed from checked dates.
const nextDay = (date: string): string => formatDay(checkedDay(date) + 1);

/**
 * Stable ids: one per entry, the same in every run on the same records. A convention id names a
 * programme wherever its file is moved; two entries of a run that would share an id (two files
 * of one convention) are numbered in the agenda's order, which does not depend on the disk.
 */
function uidsOf(entries: readonly AgendaEntry[]): string[] {
  const seen = new Map<string, number>();
  return entries.map((e) => {
    let key = [e.convention, e.rule, e.case ?? '', e.location?.pointer ?? ''].join('\u0000');
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 1) key += `\u0000${n}`;
    const hash = sha256(key);
    return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-${hash.slice(12, 16)}-${hash.slice(16, 20)}-${hash.slice(20, 32)}@clausier`;
  });
}

export function formatAgendaIcs(agenda: Agenda, options: AgendaFormatOptions): string {
  const { language } = options;
  const w = WORDS[language];
  const a = AGENDA_WORDS[language];
  const tool = `${options.tool.name} ${options.tool.version}`;
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//clausier//${escapeText(tool)}//${language.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(w.calendar)}`,
  ];
  const uids = uidsOf(agenda.entries);
  agenda.entries.forEach((entry, i) => {
    const overdue = entry.status === 'overdue';
    const who = entry.collectivite ?? entry.convention;
    const amount = entry.amount !== undefined ? a.euros(entry.amount) : undefined;
    const title = [
      ...(overdue ? [w.overdue] : []),
      entry.title,
      who,
      ...(amount !== undefined ? [amount] : []),
    ].join(' — ');
    const description = [
      entry.message,
      entry.due !== undefined
        ? w.due(formatDate(entry.due, language), whenDue(entry, language))
        : w.dueWhen(whenDue(entry, language)),
      `${capitalize(a.owedBy[entry.obligor])}${amount !== undefined ? ` · ${w.amount(amount)}` : ''}`,
      ...entry.quotes.map((q) => `${q.cite}${a.colon} « ${q.text} »`),
      w.rule(entry.rule, entry.title),
      w.record(entry.file, entry.location?.line),
      `${entry.collectivite !== undefined ? `${entry.collectivite}, ` : ''}${entry.convention}`,
      w.judged(formatDate(entry.asOf, language), tool),
    ].join('\n');
    const common = [
      `UID:${uids[i]}`,
      `DTSTAMP:${compact(entry.asOf)}T000000Z`,
      `SUMMARY:${escapeText(title)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `CATEGORIES:${escapeText(entry.rule)}`,
    ];
    if (entry.due === undefined) {
      lines.push('BEGIN:VTODO', ...common, 'STATUS:NEEDS-ACTION', 'END:VTODO');
      return;
    }
    lines.push(
      'BEGIN:VEVENT',
      ...common,
      `DTSTART;VALUE=DATE:${compact(entry.due)}`,
      `DTEND;VALUE=DATE:${compact(nextDay(entry.due))}`,
      'TRANSP:TRANSPARENT',
    );
    if (!overdue)
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'TRIGGER:-P7D',
        `DESCRIPTION:${escapeText(w.alarm(title))}`,
        'END:VALARM',
      );
    lines.push('END:VEVENT');
  });
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
