/**
 * The agenda of a portfolio (`clausier agenda`): every obligation still to perform, across
 * records, sorted by the day it falls due. It is read off the findings of each record, so that
 * it says exactly what `check --verbose` says, no more:
 *
 * - **pending**: a finding `pending` (neither performed nor due yet), with its due date where
 *   the rule gives one (for a finding over several items, the earliest of theirs), else the
 *   rule's own words for when it falls due (`due.description`), never left out;
 * - **overdue**: a breach with a due date, not performed, and the days since (`daysLate`).
 *
 * A breach performed late (`performed` set) is history, not agenda: nothing is left to do about
 * the deadline, and the finding stays in `check`. Breaches without a due date (a payment over
 * the cap) are not deadlines either. Nothing here judges: the statuses are the rules'.
 */
import { checkedDay } from '../base/calendar.js';
import type { Inspection } from '../pipeline.js';
import type { Finding, Location } from '../model/finding.js';
import type { MoneySummary } from '../model/finding.js';
import type { Language } from '../base/language.js';
import type { Obligor } from '../model/pack.js';

export type AgendaStatus = 'overdue' | 'pending';

/** One obligation on the agenda. Amounts are cents; dates `YYYY-MM-DD`. */
export interface AgendaEntry {
  /** The record file, as given. */
  file: string;
  /** The record's convention id. */
  convention: string;
  /** The collectivité, as the record names it. */
  collectivite?: string;
  /** The date the record was judged as of. */
  asOf: string;
  rule: string;
  title: string;
  status: AgendaStatus;
  /** The last day to perform, when the rule gives one and it is known. */
  due?: string;
  /** Without a due date: when the rule says the obligation falls due, in words. */
  dueWhen?: string;
  /** Overdue: days from the due date to the evaluation date. */
  daysLate?: number;
  /** Pending with a due date: days from the evaluation date to the due date. */
  daysLeft?: number;
  obligor: Obligor;
  /** The money whose payment performs the obligation, still owed (the refund due), if any. */
  amount?: number;
  /** The clauses as a lawyer cites them, and their ids. */
  cite: string;
  clauses: string[];
  /** The rule's verbatim quotes of its clauses, each with its citation. */
  quotes: { cite: string; text: string }[];
  /** The finding's message. */
  message: string;
  /** Where in the record: the finding's first location. */
  location?: Location;
  /** The breach case, for an overdue obligation. */
  case?: string;
  /** For a pending finding over several items: how many. */
  count?: number;
}

/** Whether a finding is on the agenda, and as what. */
export function agendaStatusOf(finding: Finding): AgendaStatus | undefined {
  if (finding.status === 'pending') return 'pending';
  if (
    finding.status === 'breach' &&
    finding.due !== undefined &&
    finding.daysLate !== undefined &&
    finding.performed === undefined
  )
    return 'overdue';
  return undefined;
}

/**
 * The money still owed when an obligation is performed by a payment, by the fact that dates its
 * performance (`due.performedOn`): the refund is performed on the day the refunds reach the
 * refund due, and what remains of it is the money summary's balance.
 */
const OUTSTANDING: Record<string, (money: MoneySummary) => number | null> = {
  'item.refundCompletedOn': (money) => money.balance,
};

/**
 * The agenda of one record, in the order of its findings; none for a record that could not be
 * judged (its input errors say why).
 */
export function agendaOf(inspection: Inspection, language: Language): AgendaEntry[] {
  const { report, pack, loaded } = inspection;
  const record = loaded.record;
  if (pack === undefined || record === undefined || report.asOf === undefined) return [];
  const asOf = report.asOf;
  const collectivite = record.parties.collectivite.name;
  const rules = new Map(pack.rules.map((rule) => [rule.id, rule]));
  const entries: AgendaEntry[] = [];
  for (const finding of report.findings) {
    const status = agendaStatusOf(finding);
    if (status === undefined) continue;
    const rule = rules.get(finding.rule);
    const performedOn = rule?.due.performedOn;
    const outstanding =
      performedOn === undefined
        ? undefined
        : OUTSTANDING[[performedOn.fact, performedOn.path].filter(Boolean).join('.')];
    const amount = outstanding && report.money ? outstanding(report.money) : null;
    entries.push({
      file: report.file,
      convention: record.convention.id,
      ...(collectivite !== undefined && { collectivite }),
      asOf,
      rule: finding.rule,
      title: finding.title,
      status,
      ...(finding.due !== undefined && { due: finding.due }),
      ...(finding.due === undefined && rule && { dueWhen: rule.due.description[language] }),
      ...(status === 'overdue' && { daysLate: finding.daysLate! }),
      ...(status === 'pending' &&
        finding.due !== undefined && { daysLeft: checkedDay(finding.due) - checkedDay(asOf) }),
      obligor: finding.obligor,
      ...(amount !== null && amount !== undefined && amount > 0 && { amount }),
      cite: finding.cite,
      clauses: finding.clauses,
      quotes: (rule?.quotes ?? []).map((quote) => ({
        cite: pack.clause(quote.clause)?.cite ?? quote.clause,
        text: quote.text,
      })),
      message: finding.message,
      ...(finding.locations[0] !== undefined && { location: finding.locations[0] }),
      ...(finding.case !== undefined && { case: finding.case }),
      ...(finding.count !== undefined && { count: finding.count }),
    });
  }
  return entries;
}

/**
 * The agenda's order: by due date, the undated last; on a day, what is overdue first; then by
 * file, rule and line, so that the order never depends on the order the files were read in.
 */
export function compareEntries(a: AgendaEntry, b: AgendaEntry): number {
  const key = (e: AgendaEntry): string => e.due ?? '\uffff';
  const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return (
    byText(key(a), key(b)) ||
    (a.status === b.status ? 0 : a.status === 'overdue' ? -1 : 1) ||
    byText(a.file, b.file) ||
    byText(a.rule, b.rule) ||
    (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
    (a.location?.column ?? 0) - (b.location?.column ?? 0) ||
    byText(a.case ?? '', b.case ?? '')
  );
}

/**
 * What falls due by a day: what is overdue, what falls due on or before it, and what has no
 * date yet (it may fall due any day: it is never left out).
 */
export function dueBy(entries: readonly AgendaEntry[], until: string | undefined): AgendaEntry[] {
  if (until === undefined) return [...entries];
  return entries.filter((e) => e.status === 'overdue' || e.due === undefined || e.due <= until);
}
