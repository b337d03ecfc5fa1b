/**
 * A record as it stood on the evaluation date (obligations.md, "Time and rulings": as it stood).
 * What an event date records, dated after that day, has not happened yet: the payment, the
 * expense, the signature, the decision, the session is taken out, for every rule at once; a step
 * dated after it (a notice's receipt, a copy sent to the controller) is taken out alone. Which
 * dates are events and which are steps is said by the record's model (`EventDate`, `StepDate` in
 * src/model/programme.ts); plans, such as the phases' dates, are kept as written.
 *
 * Each thing taken out is reported once, at the date that takes it out. The record that remains
 * is the one every rule judges; pointers into it are turned back into pointers into the file.
 */
import { parseCalendarDate, type Day } from '../base/calendar.js';
import type { ProgrammeRecord } from '../model/programme.js';
import { walkToDefinition } from '../load/schema-walk.js';
import { joinPointer, splitPointer } from '../base/pointer.js';

/** An event or step dated after the evaluation date, and so not counted. */
export interface NotYet {
  /** Where its date is written in the file. */
  pointer: string;
  /** Its date, `YYYY-MM-DD`. */
  date: string;
}

export interface RecordAsOf {
  /** The record as it stood: what is dated after the evaluation date taken out. */
  record: ProgrammeRecord;
  /** What was taken out, in the order of the file. */
  notYet: NotYet[];
  /** The pointer, in the file, of a pointer into the record as it stood. */
  original(pointer: string): string;
}

const EVENTS: ReadonlySet<string> = new Set(['EventDate', 'StepDate']);

/** A removal tree: `true` removes the value at this segment, a map goes further down. */
type Removals = Map<string, Removals | true>;

/** The record as it stood on a day. A record with nothing dated after it is returned as it is. */
export function recordAsOf(record: ProgrammeRecord, asOf: Day): RecordAsOf {
  // In the order of the file, which the walk follows.
  const found: { remove: string[]; notYet: NotYet; order: number }[] = [];
  // Only the dates after the evaluation date have their pointers made.
  for (const walk of walkToDefinition(record, EVENTS)) {
    const value = walk.value as string;
    const parsed = parseCalendarDate(value);
    if (!parsed.ok || parsed.value <= asOf) continue;
    const pointer = walk.pointer();
    const definition = walk.schema.definition;
    const segments = splitPointer(pointer);
    // An event dates what holds it (a payment's date, a signature's), or is itself the thing
    // when it stands in a list (a coaching session); a step is only itself.
    const last = segments[segments.length - 1]!;
    const remove =
      definition === 'EventDate' && !/^\d+$/.test(last) ? segments.slice(0, -1) : segments;
    found.push({ remove, notYet: { pointer, date: value }, order: found.length });
  }
  if (found.length === 0) return { record, notYet: [], original: (pointer) => pointer };

  // What lies inside something already taken out is not reported again.
  const tree: Removals = new Map();
  const reported: { notYet: NotYet; order: number }[] = [];
  for (const { remove, notYet: item, order } of [...found].sort(
    (a, b) => a.remove.length - b.remove.length || a.order - b.order,
  )) {
    let node = tree;
    let inside = false;
    for (let i = 0; i < remove.length - 1 && !inside; i++) {
      const next = node.get(remove[i]!);
      if (next === true) inside = true;
      else if (next === undefined) node.set(remove[i]!, (node = new Map()));
      else node = next;
    }
    if (inside || node.get(remove[remove.length - 1]!) === true) continue;
    node.set(remove[remove.length - 1]!, true);
    reported.push({ notYet: item, order });
  }
  const notYet = reported.sort((a, b) => a.order - b.order).map((r) => r.notYet);

  // Lists that lost items: for each (by its pointer in the record as it stood), the index in the
  // file of each item kept.
  const kept = new Map<string, number[]>();
  const prune = (node: unknown, removals: Removals, at: string): unknown => {
    if (Array.isArray(node)) {
      const out: unknown[] = [];
      const indexes: number[] = [];
      node.forEach((item, index) => {
        const removal = removals.get(String(index));
        if (removal === true) return;
        indexes.push(index);
        out.push(removal === undefined ? item : prune(item, removal, joinPointer(at, out.length)));
      });
      if (indexes.length < node.length) kept.set(at, indexes);
      return out;
    }
    // Mappings keep their prototype (an empty frozen one: see src/load/yaml/mapping.ts).
    const out = Object.create(Object.getPrototypeOf(node) as object | null) as Record<
      string,
      unknown
    >;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      const removal = removals.get(key);
      if (removal === true) continue;
      out[key] = removal === undefined ? value : prune(value, removal, joinPointer(at, key));
    }
    return out;
  };
  const pruned = prune(record, tree, '') as ProgrammeRecord;

  const original = (pointer: string): string => {
    const segments = splitPointer(pointer);
    const inFile: string[] = [];
    let at = '';
    for (const segment of segments) {
      const indexes = kept.get(at);
      inFile.push(
        indexes !== undefined && /^\d+$/.test(segment) ? String(indexes[Number(segment)]) : segment,
      );
      at = joinPointer(at, segment);
    }
    return joinPointer('', ...inFile);
  };
  return { record: pruned, notYet, original };
}
