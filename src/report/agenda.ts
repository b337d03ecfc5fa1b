/**
 * The formats of `clausier agenda` but iCalendar (./ics.ts): text for a person (French or
 * English), JSON for programs, Markdown for a pull request or a wiki page. Each is a pure
 * function of the agenda's entries, already sorted, and of the records that could not be read.
 */
import type { AgendaEntry } from '../views/agenda.js';
import type { InputProblem } from '../base/errors.js';
import { formatEurosEn, formatEurosFr } from '../base/money.js';
import { formatValue } from '../rules/template.js';
import { OBLIGOR_WORDS } from '../words/findings.js';
import { formatDate, type Language } from '../base/language.js';
import type { Obligor } from '../model/pack.js';
import { problemEntry } from './json.js';
import { codeCell, escapeMarkdown } from './markdown.js';

/** What a run of the agenda covers. */
export interface Agenda {
  /** Every entry, in the agenda's order (see compareEntries). */
  entries: readonly AgendaEntry[];
  /** How many records were judged. */
  records: number;
  /** The records that could not be read: their obligations are not on the agenda. */
  invalid: readonly { file: string; errors: readonly InputProblem[] }[];
  /** The evaluation date given for every record (`--as-of`), if one was. */
  asOf?: string;
  /** The last due date shown (`--until`), if one was given. */
  until?: string;
}

export interface AgendaFormatOptions {
  language: Language;
  tool: { name: string; version: string };
}

const days = (n: number, language: Language): string => formatValue(n, 'days', language);

export const AGENDA_WORDS = {
  fr: {
    colon: ' :',
    euros: formatEurosFr,
    heading: (n: number, records: number, overdue: number, pending: number) =>
      n === 0
        ? `Échéancier : rien en attente ni en retard dans ${records} dossier${records > 1 ? 's' : ''}`
        : `Échéancier : ${n} obligation${n > 1 ? 's' : ''} à exécuter dans ${records} dossier${records > 1 ? 's' : ''}, ${overdue} en retard, ${pending} en attente`,
    asOf: (date: string | undefined) =>
      date === undefined ? 'chaque dossier à sa date d’évaluation' : `au ${date}`,
    until: (date: string) => `échéances jusqu’au ${date}`,
    noDate: 'sans date',
    overdue: (n: number) => `en retard de ${days(n, 'fr')}`,
    dueIn: (n: number) => (n === 0 ? 'à faire aujourd’hui' : `dans ${days(n, 'fr')}`),
    owedBy: {
      collectivite: 'à la charge de la collectivité',
      dinsic: 'à la charge de la DINSIC',
      both: 'à la charge des deux parties',
    } satisfies Record<Obligor, string>,
    invalid: (n: number) =>
      `${n} dossier${n > 1 ? 's' : ''} illisible${n > 1 ? 's' : ''} : ${n > 1 ? 'leurs' : 'ses'} obligations ne sont pas listées.`,
    status: { overdue: 'en retard', pending: 'en attente' },
    table:
      '| Échéance | Où en est-on | Règle | À la charge de | Montant | Dossier | Clause | Constat |',
  },
  en: {
    colon: ':',
    euros: formatEurosEn,
    heading: (n: number, records: number, overdue: number, pending: number) =>
      n === 0
        ? `Agenda: nothing pending or overdue in ${records} record${records !== 1 ? 's' : ''}`
        : `Agenda: ${n} obligation${n !== 1 ? 's' : ''} to perform in ${records} record${records !== 1 ? 's' : ''}, ${overdue} overdue, ${pending} pending`,
    asOf: (date: string | undefined) =>
      date === undefined ? 'each record as of its own evaluation date' : `as of ${date}`,
    until: (date: string) => `due by ${date}`,
    noDate: 'no date',
    overdue: (n: number) => `overdue by ${days(n, 'en')}`,
    dueIn: (n: number) => (n === 0 ? 'due today' : `in ${days(n, 'en')}`),
    owedBy: {
      collectivite: 'owed by the collectivité',
      dinsic: 'owed by the DINSIC',
      both: 'owed by both parties',
    } satisfies Record<Obligor, string>,
    invalid: (n: number) =>
      `${n} record${n !== 1 ? 's' : ''} could not be read: ${n !== 1 ? 'their' : 'its'} obligations are not listed.`,
    status: { overdue: 'overdue', pending: 'pending' },
    table: '| Due | Where it stands | Rule | Owed by | Amount | Record | Clause | Finding |',
  },
} satisfies Record<Language, unknown>;

/** When an entry falls due, in words: overdue by, due in, or the rule's words. */
export function whenDue(entry: AgendaEntry, language: Language): string {
  const w = AGENDA_WORDS[language];
  if (entry.status === 'overdue') return w.overdue(entry.daysLate ?? 0);
  if (entry.daysLeft !== undefined) return w.dueIn(entry.daysLeft);
  return entry.dueWhen ?? '';
}

/** The due date as the language writes it, or the words for none. */
export function dueDate(entry: AgendaEntry, language: Language): string {
  return entry.due !== undefined ? formatDate(entry.due, language) : AGENDA_WORDS[language].noDate;
}

/** `file:line:column`, or the file alone. */
export function place(entry: AgendaEntry): string {
  return entry.location
    ? `${entry.file}:${entry.location.line}:${entry.location.column}`
    : entry.file;
}

/** The record as people name it: the collectivité and the convention. */
export function recordName(entry: AgendaEntry): string {
  return entry.collectivite !== undefined
    ? `${entry.collectivite} (${entry.convention})`
    : entry.convention;
}

function counts(agenda: Agenda): { overdue: number; pending: number } {
  const overdue = agenda.entries.filter((e) => e.status === 'overdue').length;
  return { overdue, pending: agenda.entries.length - overdue };
}

/** The evaluation date of every entry, when they share one. */
function commonAsOf(agenda: Agenda): string | undefined {
  const dates = [...new Set(agenda.entries.map((e) => e.asOf))];
  return agenda.asOf ?? (dates.length === 1 ? dates[0] : undefined);
}

/** The first line: how many obligations, as of when, up to when. */
function headline(agenda: Agenda, language: Language): string {
  const w = AGENDA_WORDS[language];
  const { overdue, pending } = counts(agenda);
  const asOf = commonAsOf(agenda);
  const when = [
    ...(agenda.entries.length > 0 || asOf !== undefined
      ? [w.asOf(asOf && formatDate(asOf, language))]
      : []),
    ...(agenda.until !== undefined ? [w.until(formatDate(agenda.until, language))] : []),
  ];
  return (
    w.heading(agenda.entries.length, agenda.records, overdue, pending) +
    (when.length > 0 ? ` (${when.join(', ')})` : '')
  );
}

export function formatAgendaText(agenda: Agenda, options: AgendaFormatOptions): string {
  const { language } = options;
  const w = AGENDA_WORDS[language];
  const out = [headline(agenda, language), ''];
  const dates = agenda.entries.map((e) => dueDate(e, language));
  const whens = agenda.entries.map((e) => whenDue(e, language));
  const width = (texts: string[]): number => Math.max(0, ...texts.map((t) => [...t].length));
  const dateWidth = width(dates);
  // The rule's words for an obligation without a date can be long: they do not set the column.
  const whenWidth = width(whens.filter((_, i) => agenda.entries[i]!.due !== undefined));
  const pad = (text: string, n: number): string =>
    text + ' '.repeat(Math.max(0, n - [...text].length));
  // Records judged as of different dates: each entry says its own.
  const ownDate = commonAsOf(agenda) === undefined;
  agenda.entries.forEach((entry, i) => {
    const amount = entry.amount !== undefined ? ` · ${w.euros(entry.amount)}` : '';
    const asOf = ownDate ? ` · ${w.asOf(formatDate(entry.asOf, language))}` : '';
    out.push(
      `${pad(dates[i]!, dateWidth)}  ${pad(whens[i]!, whenWidth)}  ${entry.rule}  ${entry.title}${amount}`,
      `    ${place(entry)}`,
      `    ${recordName(entry)} · ${w.owedBy[entry.obligor]} · ${entry.cite}${asOf}`,
      `    ${entry.message}`,
      '',
    );
  });
  if (agenda.invalid.length > 0) {
    out.push(w.invalid(agenda.invalid.length));
    for (const { file, errors } of agenda.invalid)
      for (const error of errors)
        out.push(`  ${file}:${error.line}:${error.column}  ${error.message}`);
    out.push('');
  }
  return out.join('\n');
}

/** JSON: amounts in cents, dates `YYYY-MM-DD`, keys in a fixed order. */
export function formatAgendaJson(agenda: Agenda, options: AgendaFormatOptions): string {
  const { overdue, pending } = counts(agenda);
  const json = {
    tool: options.tool,
    asOf: agenda.asOf ?? null,
    until: agenda.until ?? null,
    entries: agenda.entries.map((e) => ({
      file: e.file,
      convention: e.convention,
      ...(e.collectivite !== undefined && { collectivite: e.collectivite }),
      asOf: e.asOf,
      rule: e.rule,
      title: e.title,
      status: e.status,
      ...(e.due !== undefined && { due: e.due }),
      ...(e.dueWhen !== undefined && { dueWhen: e.dueWhen }),
      ...(e.daysLate !== undefined && { daysLate: e.daysLate }),
      ...(e.daysLeft !== undefined && { daysLeft: e.daysLeft }),
      obligor: e.obligor,
      ...(e.amount !== undefined && { amount: e.amount }),
      cite: e.cite,
      clauses: e.clauses,
      message: e.message,
      ...(e.location !== undefined && {
        pointer: e.location.pointer,
        line: e.location.line,
        column: e.location.column,
      }),
      ...(e.case !== undefined && { case: e.case }),
      ...(e.count !== undefined && { count: e.count }),
    })),
    invalid: agenda.invalid.map(({ file, errors }) => ({
      file,
      errors: errors.map(problemEntry),
    })),
    summary: {
      records: agenda.records,
      invalid: agenda.invalid.length,
      overdue,
      pending,
    },
  };
  return JSON.stringify(json, null, 2) + '\n';
}

/** Markdown: one table, for a pull-request comment, a job summary or a wiki page. */
export function formatAgendaMarkdown(agenda: Agenda, options: AgendaFormatOptions): string {
  const { language } = options;
  const w = AGENDA_WORDS[language];
  const out = [`## ${escapeMarkdown(headline(agenda, language))}`, ''];
  if (agenda.entries.length > 0) {
    out.push(w.table, '| --- | --- | --- | --- | ---: | --- | --- | --- |');
    const cell = (text: string): string => escapeMarkdown(text).replace(/\r\n|\r|\n/g, '<br>');
    for (const e of agenda.entries) {
      const standing =
        e.status === 'overdue' ? `**${cell(whenDue(e, language))}**` : cell(whenDue(e, language));
      out.push(
        `| ${cell(dueDate(e, language))} | ${standing} | **${cell(e.rule)}** ${cell(e.title)} | ${cell(OBLIGOR_WORDS[language][e.obligor])} | ${e.amount !== undefined ? cell(w.euros(e.amount)) : ''} | ${cell(recordName(e))}<br>${codeCell(place(e))} | ${cell(e.cite)} | ${cell(e.message)} |`,
      );
    }
    out.push('');
  }
  if (agenda.invalid.length > 0) {
    out.push(w.invalid(agenda.invalid.length), '');
    for (const { file, errors } of agenda.invalid)
      for (const error of errors)
        out.push(
          `- ${codeCell(`${file}:${error.line}:${error.column}`)} ${escapeMarkdown(error.message)}`,
        );
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}
