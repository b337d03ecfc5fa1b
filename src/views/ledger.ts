/**
 * The ledger of a record (`clausier ledger`): every payment, expense and refund it holds, with
 * the line where it is written and whether the money summary counts it, and why not: dated after
 * the evaluation date (the record as it stood did not hold it yet), an expense not eligible, a
 * refund to another account than the collectivité's. What counts is read off the facts the sums
 * are made from (src/facts/derive.ts and the pack's facts.yaml): nothing is decided here.
 */
import type { Inspection } from '../pipeline.js';
import type { Finding, Location } from '../model/finding.js';
import type { Party } from '../model/programme.js';

export type MovementKind = 'payment' | 'expense' | 'refund';

/** Why a movement is not counted in the money summary. */
export type NotCounted = 'after-evaluation-date' | 'not-eligible' | 'other-account';

/** One line of the ledger. Amounts are cents; dates `YYYY-MM-DD`. */
export interface Movement {
  kind: MovementKind;
  id: string;
  date: string;
  amount: number;
  from?: Party;
  to?: Party;
  /** An expense's purpose. */
  purpose?: string;
  /**
   * Counted in the money summary (a payment in what was paid, an expense among the eligible
   * ones, a refund in what was refunded); null when that cannot be known (an expense under a
   * convention whose start is unknown).
   */
  counted: boolean | null;
  notCounted?: NotCounted;
  /** The rules breached at this movement, in id order. */
  breaches: string[];
  /** Where the movement is written in the file. */
  location: Location;
}

/** A record's file and the names people know it by, on every line of a table. */
export interface RecordName {
  file: string;
  convention?: string;
  collectivite?: string;
}

/** The record a judged inspection is of, as the tables name it. */
export function recordNameOf(inspection: Inspection): RecordName {
  const record = inspection.loaded.record;
  const collectivite = record?.parties?.collectivite?.name;
  return {
    file: inspection.report.file,
    ...(record?.convention?.id !== undefined && { convention: record.convention.id }),
    ...(collectivite !== undefined && { collectivite }),
  };
}

const ORDER: readonly MovementKind[] = ['payment', 'expense', 'refund'];

/** Whether a pointer is the movement's or lies inside it. */
const within = (pointer: string, movement: string): boolean =>
  pointer === movement || pointer.startsWith(`${movement}/`);

/**
 * The ledger of a judged record, by date (payments, expenses, refunds in that order on a day,
 * then in the order of the file); none for a record that could not be judged.
 */
export function movementsOf(inspection: Inspection): Movement[] {
  const { loaded, report, facts, inFile } = inspection;
  const record = loaded.record;
  if (record === undefined || facts === undefined || inFile === undefined) return [];
  // What was dated after the evaluation date is reported where its date is written.
  const notYet = (report.notices ?? []).map((n) => n.pointer);
  // What the facts say of each movement of the record as it stood, by its place in the file.
  const counts = new Map<string, unknown>();
  for (const item of facts.collections.expenses ?? [])
    counts.set(inFile(item.values.pointer as string), item.values.eligible);
  for (const item of facts.collections.refunds ?? [])
    counts.set(inFile(item.values.pointer as string), item.values.toCollectivite);
  const breached = report.findings.filter((f: Finding) => f.status === 'breach');

  const movements: Movement[] = [];
  const add = (
    kind: MovementKind,
    list: string,
    entries: readonly { id: string; date: string; amount: number }[] | undefined,
    extra: (index: number) => Partial<Movement>,
  ): void =>
    (entries ?? []).forEach((entry, index) => {
      const pointer = `/${list}/${index}`;
      const at = loaded.locate(pointer);
      let counted: boolean | null;
      let notCounted: NotCounted | undefined;
      if (notYet.some((p) => within(p, pointer))) {
        counted = false;
        notCounted = 'after-evaluation-date';
      } else if (kind === 'payment') counted = true;
      else {
        const fact = counts.get(pointer);
        counted = typeof fact === 'boolean' ? fact : null;
        if (counted === false) notCounted = kind === 'expense' ? 'not-eligible' : 'other-account';
      }
      movements.push({
        kind,
        id: entry.id,
        date: entry.date,
        amount: entry.amount,
        ...extra(index),
        counted,
        ...(notCounted !== undefined && { notCounted }),
        breaches: [
          ...new Set(
            breached
              .filter((f) => f.locations.some((l) => within(l.pointer, pointer)))
              .map((f) => f.rule),
          ),
        ].sort(),
        location: { pointer, line: at.line, column: at.column },
      });
    });
  const parties = (p: { from?: Party; to?: Party }): Partial<Movement> => ({
    ...(p.from !== undefined && { from: p.from }),
    ...(p.to !== undefined && { to: p.to }),
  });
  add('payment', 'payments', record.payments, (i) => parties(record.payments![i]!));
  add('expense', 'expenses', record.expenses, (i) => ({ purpose: record.expenses![i]!.purpose }));
  add('refund', 'refunds', record.refunds, (i) => parties(record.refunds![i]!));
  return movements.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) ||
      a.location.line - b.location.line,
  );
}
