/**
 * A record's collections, made as a pack's plans say: a small one whole, one derived field after
 * the other (a field may then sum up the fields before it over the other items: a payment's total
 * paid to date); a large one (expenses, every date, the weeks owed) one item at a time, each
 * item's fields together, kept whole once read only when formulas go over it and it is of
 * ordinary size.
 */
import {
  formatDay,
  formatIsoWeek,
  isoWeekMonday,
  isoWeekOf,
  checkedDay,
  type Day,
} from '../../base/calendar.js';
import { remembered } from '../../base/memo.js';
import { joinPointer } from '../../base/pointer.js';
import type { ProgrammeRecord } from '../../model/programme.js';
import type { Row, Scope } from '../formula.js';
import { Missing } from '../missing.js';
import type { ParameterTimeline } from '../params.js';
import type { ReaderCollection } from '../reader.js';
import type { CollectionPlan, PackFacts } from './pack-facts.js';

/** One item a rule is judged on, with the day whose parameters apply to it. */
export interface Item {
  values: Row;
  /** The day whose parameters apply to the item (a week's Monday, a payment's day); else the evaluation date. */
  paramDay?: Day;
}

/** What making a record's collections needs. */
export interface CollectionContext {
  record: ProgrammeRecord;
  derived: PackFacts;
  parameters: ParameterTimeline;
  asOf: Day;
  /** The scope of the record as a whole: its facts and collections, the parameters on asOf. */
  base: Scope;
  /** The facts and collections being worked out (a collection as `#name`): a cycle is a bug. */
  computing: Set<string>;
}

/** A record's collections: their rows, for formulas, and their items, for rules. */
export interface RecordCollections {
  /** The rows of a collection, for the formulas that go over it. */
  rowsOf(name: string): Iterable<Row>;
  /** The items of a collection, each with the day whose parameters apply to it. */
  items(name: string): Iterable<Item>;
}

/** How many items of a large collection are kept, once read, for the next reads. */
const KEEP_WHOLE_UP_TO = 2_000;

/** A collection made whole: its rows, and its items (the same rows, each with its day). */
interface Made {
  rows: Row[];
  items: Item[];
}

/** The day whose parameters apply to a row, where its plan says which field gives it. */
const paramDayOf = (plan: CollectionPlan, row: Row): Day | undefined => {
  const value = plan.paramsOn !== undefined ? row[plan.paramsOn] : undefined;
  return typeof value === 'string' ? checkedDay(value) : undefined;
};
/** An item of a collection: its row, and the day whose parameters apply to it. */
const itemOf = (plan: CollectionPlan, row: Row): Item => {
  const paramDay = paramDayOf(plan, row);
  return paramDay === undefined ? { values: row } : { values: row, paramDay };
};
/** An item once its fields are derived (when its day is one of them, it is known only now). */
const settled = (plan: CollectionPlan, item: Item): Item =>
  plan.paramsOnDerived ? itemOf(plan, item.values) : item;

/** A reader item as facts: an absent field is none, or unknown where the pack says. */
const readerRow = (plan: CollectionPlan, values: Record<string, unknown>): Row => {
  const row = values as Row;
  for (const field in row) {
    if (row[field] !== undefined) continue;
    const place = plan.unknown.get(field);
    row[field] =
      place === undefined
        ? null
        : new Missing([joinPointer(row.pointer as string, ...place.split('/'))]);
  }
  return row;
};

/** The rows of some items. */
function* valuesOf(items: Iterable<Item>): Generator<Row> {
  for (const item of items) yield item.values;
}

/**
 * Makes a record's collections on demand, each as its plan says.
 *
 * Its generators are methods, made once, and not functions declared in here for each record:
 * with Node.js 20's V8, a generator function made inside a closure keeps the closure's whole
 * context (the record, its text, its facts) alive through every young-generation collection
 * until the next full one, so each record was copied into the old generation (a sixth of a run's
 * time in the collector, issue 17; see madeForEachCall in test/architecture.test.ts).
 */
export function recordCollections(context: CollectionContext): RecordCollections {
  const collections = new Collections(context);
  return {
    rowsOf: (name) => collections.rowsOf(name),
    items: (name) => collections.items(name),
  };
}

/** A record's collections: see recordCollections. */
class Collections {
  private readonly whole = new Map<string, Made>();

  constructor(private readonly context: CollectionContext) {}

  /** A scope for the items of a collection, set to each item in turn (no formula keeps it). */
  private scopeOf(owner?: Row): Scope {
    const base = this.context.base;
    return {
      // Every field written, in the order of innerScope's: one shape for every scope.
      asOf: base.asOf,
      params: base.params,
      item: undefined,
      outer: undefined,
      owner,
      global: base.global,
      collection: base.collection,
      counting: base.counting,
    };
  }

  /** Sets a scope to an item: the item's row and the parameters in force on its day. */
  private enter(scope: Scope, item: Item): Scope {
    scope.item = item.values;
    scope.params = this.context.parameters.at(item.paramDay ?? this.context.asOf);
    return scope;
  }

  /** A collection made whole: a small one (made now if not yet), or a large one kept whole. */
  private wholeOf(plan: CollectionPlan): Made | undefined {
    return plan.large ? this.whole.get(plan.name) : this.made(plan);
  }

  /** The rows of a collection, for the formulas that go over it. */
  rowsOf(name: string): Iterable<Row> {
    const plan = this.context.derived.collections.get(name);
    if (!plan) return [];
    const known = this.wholeOf(plan);
    return known ? known.rows : valuesOf(this.read(plan));
  }

  /** The items of a collection, each with the day whose parameters apply to it. */
  items(name: string): Iterable<Item> {
    const plan = this.context.derived.collections.get(name);
    if (!plan) return [];
    const known = this.wholeOf(plan);
    return known ? known.items : this.read(plan);
  }

  /** A large collection not yet kept whole, read one item at a time (kept, if it is to be). */
  private read(plan: CollectionPlan): Generator<Item> {
    return plan.keep ? this.kept(plan) : this.streamed(plan);
  }

  /**
   * A large collection that formulas go over, read one item at a time; kept whole for the next
   * reads once read to its end, unless it has more items than a record of ordinary size (so that
   * a huge record is never held whole, and an ordinary one is not derived again for every formula
   * and rule that reads it). One that no formula goes over is read once, by its rules, and never
   * kept: its items are dropped as soon as they are judged.
   */
  private *kept(plan: CollectionPlan): Generator<Item> {
    const items: Item[] = [];
    let keep = true;
    for (const item of this.streamed(plan)) {
      if (keep && items.push(item) > KEEP_WHOLE_UP_TO) {
        keep = false;
        items.length = 0;
      }
      yield item;
    }
    if (keep && !this.whole.has(plan.name))
      this.whole.set(plan.name, { rows: items.map((item) => item.values), items });
  }

  /** A small collection, made whole once: each derived field for every item, in order. */
  private made(plan: CollectionPlan): Made {
    const { whole } = this;
    const { record, computing } = this.context;
    const known = whole.get(plan.name);
    if (known) return known;
    if (computing.has(`#${plan.name}`))
      throw new Error(`the collection ${plan.name} depends on itself`);
    computing.add(`#${plan.name}`);
    const rows: Row[] = [];
    const items: Item[] = [];
    for (const values of plan.reader!.items(record)) {
      const row = readerRow(plan, values);
      rows.push(row);
      items.push(itemOf(plan, row));
    }
    // Set before its fields are derived: a field may sum up the fields before it over the rows.
    const collection = { rows, items };
    whole.set(plan.name, collection);
    const scope = this.scopeOf();
    for (const field of plan.fields)
      for (const item of items) item.values[field.name] = field.compiled(this.enter(scope, item));
    if (plan.paramsOnDerived) items.forEach((item, i) => (items[i] = settled(plan, item)));
    computing.delete(`#${plan.name}`);
    return collection;
  }

  /** A large collection, one item at a time: a reader's list, or the weeks the pack makes. */
  private streamed(plan: CollectionPlan): Generator<Item> {
    return plan.reader ? this.readOneByOne(plan, plan.reader) : this.weeksOf(plan);
  }

  /** A reader's large list, one item at a time, each with its derived fields. */
  private *readOneByOne(plan: CollectionPlan, reader: ReaderCollection): Generator<Item> {
    const fields = plan.fields;
    const scope = this.scopeOf();
    for (const values of reader.items(this.context.record)) {
      const item = itemOf(plan, readerRow(plan, values));
      this.enter(scope, item);
      for (const field of fields) item.values[field.name] = field.compiled(scope);
      yield settled(plan, item);
    }
  }

  /** The weeks the pack makes, for each item of the collection they are of, one at a time. */
  private *weeksOf(plan: CollectionPlan): Generator<Item> {
    const fields = plan.fields;
    const weeks = plan.made!;
    const owners = this.context.derived.collections.get(weeks.each)!;
    const ownerScope = this.scopeOf();
    for (const owner of this.items(owners.name)) {
      this.enter(ownerScope, owner);
      if (weeks.where && weeks.where(ownerScope) !== true) continue;
      const from = weeks.from(ownerScope);
      const to = weeks.to(ownerScope);
      if (typeof from !== 'string' || typeof to !== 'string' || to < from) continue;
      const last = checkedDay(to);
      const scope = this.scopeOf(owner.values);
      for (let monday = isoWeekMonday(isoWeekOf(checkedDay(from))); monday <= last; monday += 7) {
        const item = itemOf(plan, {
          week: weekOfMonday(monday),
          monday: formatDay(monday),
          friday: formatDay(monday + 4),
          sunday: formatDay(monday + 6),
          owner: owner.values,
        });
        this.enter(scope, item);
        for (const field of fields) item.values[field.name] = field.compiled(scope);
        yield settled(plan, item);
      }
    }
  }
}

/**
 * The ISO week of a Monday, as records write it (`2019-W42`): the same string for every
 * intrapreneur's week, so that reading the release of that week finds its hash already made.
 */
const weekOfMonday = (monday: Day): string => remembered(WEEKS, monday, writeWeek);
/** The weeks already written, by the day number of their Monday. */
const WEEKS = new Map<Day, string>();
const writeWeek = (monday: Day): string => formatIsoWeek(isoWeekOf(monday));
