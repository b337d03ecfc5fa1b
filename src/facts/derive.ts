/**
 * The facts of a record as a pack sees them: what the record says (./reader.ts), and what the
 * pack derives from it (its facts.yaml, compiled by ./formula.ts), as of the evaluation date.
 * Small collections are made whole, one derived field after the other (a field may then sum up
 * the fields before it over the other items: a payment's total paid to date); large ones
 * (expenses, every date, the weeks owed) one item at a time, each item's fields together.
 */
import type { MoneySummary } from '../model/finding.js';
import {
  formatDay,
  isoWeekMonday,
  isoWeekOf,
  formatIsoWeek,
  parseCalendarDate,
  type Day,
} from '../base/calendar.js';
import type { ProgrammeRecord } from '../model/programme.js';
import { joinPointer } from '../base/pointer.js';
import type { DerivedFact, FactsFile, NamedCondition } from '../model/pack.js';
import {
  collectionsOver,
  compileCondition,
  compileFormula,
  type Compiled,
  type Row,
  type Scope,
} from './formula.js';
import { isMissing, Missing } from './missing.js';
import { ParameterTimeline, type LoadedParameter } from './params.js';
import {
  AS_OF,
  READER_COLLECTIONS,
  READER_GLOBALS,
  WEEK_FIELDS,
  type ReaderCollection,
} from './reader.js';
import type { CollectionSpec, FactModel, FactSpec } from './spec.js';

/** One item a rule is judged on, with the day whose parameters apply to it. */
export interface Item {
  values: Row;
  /** The day whose parameters apply to the item (a week's Monday, a payment's day); else the evaluation date. */
  paramDay?: Day;
}

export interface Facts {
  asOf: Day;
  /** Facts every rule may use: the record's and the pack's. */
  globals: Record<string, unknown>;
  /** The items of a collection, made as they are read (a large one is never held whole). */
  items(collection: string): Iterable<Item>;
  /** The items of each collection, as lists (made on first access): for views. */
  collections: Readonly<Record<string, Item[]>>;
  parameters: ParameterTimeline;
  /** The money of the programme, for reports. */
  money: MoneySummary;
}

/** A collection of a pack, ready to make items of a record. */
interface CollectionPlan {
  name: string;
  large: boolean;
  /** A large collection that formulas go over: kept whole once read (if of ordinary size). */
  keep?: boolean;
  reader?: ReaderCollection;
  made?: { each: string; where?: Compiled; from: Compiled; to: Compiled };
  /** The derived fields, in the order they are written (a field may use those before it). */
  fields: { name: string; compiled: Compiled }[];
  /** Reader fields whose absence means unknown, with their places. */
  unknown: Map<string, string>;
  /** The field whose day selects the parameters in force. */
  paramsOn?: string;
  /** That field is derived: an item's day is known only once its fields are. */
  paramsOnDerived?: boolean;
}

interface GlobalPlan {
  compiled?: Compiled;
  fields?: Map<string, GlobalPlan>;
}

/** What a pack derives, compiled once: see deriveFacts. */
export interface PackFacts {
  model: FactModel;
  globals: Map<string, GlobalPlan>;
  collections: Map<string, CollectionPlan>;
}

const specOf = (fact: DerivedFact): FactSpec => ({
  type: fact.type,
  description: fact.description,
  ...(fact.nullable && { nullable: true }),
  ...(fact.mayBeMissing && { mayBeMissing: true }),
  ...(fact.clauses && { clauses: fact.clauses }),
  ...(fact.interpretation && { interpretation: fact.interpretation }),
  ...(fact.fields && {
    fields: Object.fromEntries(Object.entries(fact.fields).map(([k, v]) => [k, specOf(v)])),
  }),
});

/** The facts rules may use with a pack: the reader's, joined with those the pack derives. */
export function factModel(file: FactsFile): FactModel {
  const globals: Record<string, FactSpec> = { asOf: AS_OF };
  for (const [name, g] of Object.entries(READER_GLOBALS)) globals[name] = g;
  const collections: Record<string, CollectionSpec> = {};
  const unknown = file.unknownWhenAbsent ?? {};
  for (const [name, reader] of Object.entries(READER_COLLECTIONS)) {
    const fields: Record<string, FactSpec> = {};
    for (const [field, spec] of Object.entries(reader.fields)) {
      const { at: _, ...rest } = spec;
      fields[field] = (unknown[name] ?? []).includes(field)
        ? { ...rest, mayBeMissing: true }
        : rest;
    }
    collections[name] = {
      cardinality: reader.cardinality,
      description: reader.description,
      fields,
    };
  }
  for (const [name, made] of Object.entries(file.collections ?? {})) {
    collections[name] = {
      cardinality: 'many',
      description: made.description,
      fields: { ...WEEK_FIELDS, owner: ownerSpec(collections, made.weeks.each) },
    };
  }
  const derived = { ...file.fields };
  for (const [name, made] of Object.entries(file.collections ?? {}))
    derived[name] = { ...made.fields, ...derived[name] };
  for (const [name, fields] of Object.entries(derived)) {
    const target = collections[name];
    if (!target) continue; // refused when the pack is loaded
    for (const [field, fact] of Object.entries(fields)) target.fields[field] = specOf(fact);
  }
  for (const [name, fact] of Object.entries(file.facts ?? {})) {
    const spec = specOf(fact);
    // Items keyed by a field: each known key, or any, is an item of the collection.
    const keyed = (fact.formula as { keyed?: { over: string; key: string } } | undefined)?.keyed;
    const of = keyed && collections[keyed.over];
    if (keyed && of) {
      const item: FactSpec = { type: 'object', description: of.description, fields: of.fields };
      const keys = READER_COLLECTIONS[keyed.over]?.keys;
      if (keys?.field === keyed.key)
        spec.fields = Object.fromEntries(keys.values.map((k) => [k, item]));
      else spec.values = item;
    }
    globals[name] = spec;
  }
  return { globals, collections };
}

function ownerSpec(collections: Record<string, CollectionSpec>, each: string): FactSpec {
  const of = collections[each];
  return {
    type: 'object',
    description: { fr: 'l’élément dont c’est la semaine', en: 'the item the week is of' },
    fields: of?.fields ?? {},
  };
}

/** How many items of a large collection are kept, once read, for the next reads. */
const KEEP_WHOLE_UP_TO = 2_000;

/** Compiles what a pack derives (a pack that extends another has them joined already). */
export function compileFacts(
  file: FactsFile,
  conditions: Readonly<Record<string, NamedCondition>>,
): PackFacts {
  const model = factModel(file);
  const placeOf = (collection: string, field: string): string | undefined =>
    READER_COLLECTIONS[collection]?.fields[field]?.at;
  const context = { placeOf, conditions };
  /** A derived fact, compiled: an object fact makes its fields, in order. */
  const compileDerived = (fact: DerivedFact): Compiled => {
    if (!fact.fields) return compileFormula(fact.formula!, context);
    const fields = Object.entries(fact.fields).map(
      ([name, field]) => [name, compileDerived(field)] as const,
    );
    return (s) => {
      const out: Record<string, unknown> = {};
      for (const [name, compiled] of fields) out[name] = compiled(s);
      return out;
    };
  };
  const compileGlobal = (fact: DerivedFact): GlobalPlan =>
    fact.fields
      ? {
          fields: new Map(
            Object.entries(fact.fields).map(([name, field]) => [name, compileGlobal(field)]),
          ),
        }
      : { compiled: compileDerived(fact) };
  const globals = new Map(
    Object.entries(file.facts ?? {}).map(([name, fact]) => [name, compileGlobal(fact)]),
  );
  const collections = new Map<string, CollectionPlan>();
  const unknownWhenAbsent = file.unknownWhenAbsent ?? {};
  const paramsOn = file.paramsOn ?? {};
  const fieldsOf = (fields: Record<string, DerivedFact> | undefined) =>
    Object.entries(fields ?? {}).map(([name, fact]) => ({ name, compiled: compileDerived(fact) }));
  for (const [name, reader] of Object.entries(READER_COLLECTIONS)) {
    collections.set(name, {
      name,
      large: reader.large ?? false,
      reader,
      fields: fieldsOf(file.fields?.[name]),
      unknown: new Map(
        (unknownWhenAbsent[name] ?? []).map((field) => [field, reader.fields[field]?.at ?? field]),
      ),
      ...(paramsOn[name] !== undefined && { paramsOn: paramsOn[name] }),
    });
  }
  for (const [name, made] of Object.entries(file.collections ?? {})) {
    collections.set(name, {
      name,
      large: true,
      made: {
        each: made.weeks.each,
        ...(made.weeks.where && { where: compileCondition(made.weeks.where, context) }),
        from: compileFormula(made.weeks.from, context),
        to: compileFormula(made.weeks.to, context),
      },
      fields: [...fieldsOf(made.fields), ...fieldsOf(file.fields?.[name])],
      unknown: new Map(),
      ...(paramsOn[name] !== undefined && { paramsOn: paramsOn[name] }),
    });
  }
  const over = new Set<string>();
  const visit = (fact: DerivedFact): void => {
    if (fact.formula) collectionsOver(fact.formula, over);
    for (const field of Object.values(fact.fields ?? {})) visit(field);
  };
  for (const fact of Object.values(file.facts ?? {})) visit(fact);
  for (const fields of Object.values(file.fields ?? {})) Object.values(fields).forEach(visit);
  for (const made of Object.values(file.collections ?? {})) {
    Object.values(made.fields ?? {}).forEach(visit);
    for (const formula of [made.weeks.from, made.weeks.to]) collectionsOver(formula, over);
  }
  for (const plan of collections.values()) {
    if (plan.fields.some((field) => field.name === plan.paramsOn)) plan.paramsOnDerived = true;
    if (over.has(plan.name)) plan.keep = true;
  }
  return { model, globals, collections };
}

/** A collection made whole: its rows, and its items (the same rows, each with its day). */
interface Made {
  rows: Row[];
  items: Item[];
}

/** The days of the dates read, by their text: items read the same few dates again and again. */
const DAYS = new Map<string, Day>();
const toDay = (text: string): Day => {
  const known = DAYS.get(text);
  if (known !== undefined) return known;
  const parsed = parseCalendarDate(text);
  // Dates were checked when the record was read: a bad one here is a bug.
  if (!parsed.ok) throw new Error(`unchecked date ${text}`);
  // Bounded: a record of thousands of dates does not keep them all.
  if (DAYS.size >= 4096) DAYS.clear();
  DAYS.set(text, parsed.value);
  return parsed.value;
};

/** The facts of a record as it stood on a day, with a pack's parameters and derived facts. */
export function deriveFacts(
  record: ProgrammeRecord,
  parameterDefs: Record<string, LoadedParameter>,
  derived: PackFacts,
  asOf: Day,
): Facts {
  const parameters = new ParameterTimeline(parameterDefs, record.amendments ?? []);
  const asOfText = formatDay(asOf);
  const globalValues = new Map<string, unknown>();
  const computing = new Set<string>();
  const whole = new Map<string, Made>();

  const base: Scope = {
    asOf: asOfText,
    params: parameters.at(asOf),
    item: undefined,
    outer: undefined,
    owner: undefined,
    global: (name) => globalValue(name),
    collection: (name) => rowsOf(name),
    counting: (name) => parameters.counting(name),
  };
  /** A scope for the items of a collection, set to each item in turn (no formula keeps it). */
  const scopeOf = (owner?: Row): Scope => ({
    // Every field written, in the order of innerScope's: one shape for every scope.
    asOf: base.asOf,
    params: base.params,
    item: undefined,
    outer: undefined,
    owner,
    global: base.global,
    collection: base.collection,
    counting: base.counting,
  });
  const paramDayOf = (plan: CollectionPlan, row: Row): Day | undefined => {
    const value = plan.paramsOn !== undefined ? row[plan.paramsOn] : undefined;
    return typeof value === 'string' ? toDay(value) : undefined;
  };
  /** An item of a collection: its row, and the day whose parameters apply to it. */
  const itemOf = (plan: CollectionPlan, row: Row): Item => {
    const paramDay = paramDayOf(plan, row);
    return paramDay === undefined ? { values: row } : { values: row, paramDay };
  };
  /** An item once its fields are derived (when its day is one of them, it is known only now). */
  const settled = (plan: CollectionPlan, item: Item): Item =>
    plan.paramsOnDerived ? itemOf(plan, item.values) : item;
  /** Sets a scope to an item: the item's row and the parameters in force on its day. */
  const enter = (scope: Scope, item: Item): Scope => {
    scope.item = item.values;
    scope.params = parameters.at(item.paramDay ?? asOf);
    return scope;
  };

  /** An object fact is made field by field, each field able to use those before it. */
  const evaluateGlobal = (plan: GlobalPlan, register?: (value: unknown) => void): unknown => {
    if (plan.compiled) return plan.compiled(base);
    const out: Record<string, unknown> = {};
    register?.(out);
    for (const [name, field] of plan.fields!) out[name] = evaluateGlobal(field);
    return out;
  };
  function globalValue(name: string): unknown {
    if (name === 'asOf') return asOfText;
    const known = globalValues.get(name);
    if (known !== undefined || globalValues.has(name)) return known;
    const reader = Object.hasOwn(READER_GLOBALS, name) ? READER_GLOBALS[name] : undefined;
    const plan = derived.globals.get(name);
    if (!reader && !plan) return undefined;
    // Cycles are refused when the pack is loaded: one here is a bug.
    if (computing.has(name)) throw new Error(`the fact ${name} depends on itself`);
    computing.add(name);
    const value = reader
      ? reader.read(record)
      : evaluateGlobal(plan!, (partial) => {
          computing.delete(name);
          globalValues.set(name, partial);
        });
    computing.delete(name);
    globalValues.set(name, value);
    return value;
  }

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

  /** The rows of a collection, for the formulas that go over it. */
  function rowsOf(name: string): Iterable<Row> {
    const plan = derived.collections.get(name);
    if (!plan) return [];
    const known = whole.get(plan.name);
    if (known) return known.rows;
    if (!plan.large) return made(plan).rows;
    return valuesOf(plan.keep ? kept(plan) : streamed(plan));
  }

  function* valuesOf(items: Iterable<Item>): Generator<Row> {
    for (const item of items) yield item.values;
  }

  /**
   * A large collection that formulas go over, read one item at a time; kept whole for the next
   * reads once read to its end, unless it has more items than a record of ordinary size (so that
   * a huge record is never held whole, and an ordinary one is not derived again for every formula
   * and rule that reads it). One that no formula goes over is read once, by its rules, and never
   * kept: its items are dropped as soon as they are judged.
   */
  function* kept(plan: CollectionPlan): Generator<Item> {
    const items: Item[] = [];
    let keep = true;
    for (const item of streamed(plan)) {
      if (keep && items.push(item) > KEEP_WHOLE_UP_TO) {
        keep = false;
        items.length = 0;
      }
      yield item;
    }
    if (keep && !whole.has(plan.name))
      whole.set(plan.name, { rows: items.map((item) => item.values), items });
  }

  /** A small collection, made whole once: each derived field for every item, in order. */
  function made(plan: CollectionPlan): Made {
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
    const scope = scopeOf();
    for (const field of plan.fields)
      for (const item of items) item.values[field.name] = field.compiled(enter(scope, item));
    if (plan.paramsOnDerived) items.forEach((item, i) => (items[i] = settled(plan, item)));
    computing.delete(`#${plan.name}`);
    return collection;
  }

  /** A large collection, one item at a time. */
  function* streamed(plan: CollectionPlan): Generator<Item> {
    const fields = plan.fields;
    if (plan.reader) {
      const scope = scopeOf();
      for (const values of plan.reader.items(record)) {
        const item = itemOf(plan, readerRow(plan, values));
        enter(scope, item);
        for (const field of fields) item.values[field.name] = field.compiled(scope);
        yield settled(plan, item);
      }
      return;
    }
    const weeks = plan.made!;
    const owners = derived.collections.get(weeks.each)!;
    const ownerScope = scopeOf();
    for (const owner of items(owners.name)) {
      enter(ownerScope, owner);
      if (weeks.where && weeks.where(ownerScope) !== true) continue;
      const from = weeks.from(ownerScope);
      const to = weeks.to(ownerScope);
      if (typeof from !== 'string' || typeof to !== 'string' || to < from) continue;
      const last = toDay(to);
      const scope = scopeOf(owner.values);
      for (let monday = isoWeekMonday(isoWeekOf(toDay(from))); monday <= last; monday += 7) {
        const item = itemOf(plan, {
          week: formatIsoWeek(isoWeekOf(monday)),
          monday: formatDay(monday),
          friday: formatDay(monday + 4),
          sunday: formatDay(monday + 6),
          owner: owner.values,
        });
        enter(scope, item);
        for (const field of fields) item.values[field.name] = field.compiled(scope);
        yield settled(plan, item);
      }
    }
  }

  /** The items of a collection, each with the day whose parameters apply to it. */
  function items(name: string): Iterable<Item> {
    const plan = derived.collections.get(name);
    if (!plan) return [];
    const known = whole.get(plan.name);
    if (known) return known.items;
    if (!plan.large) return made(plan).items;
    return plan.keep ? kept(plan) : streamed(plan);
  }

  const globals: Record<string, unknown> = { asOf: asOfText };
  for (const name of Object.keys(READER_GLOBALS)) globals[name] = globalValue(name);
  for (const name of derived.globals.keys()) globals[name] = globalValue(name);

  const programme = (rowsOf('programme') as Row[])[0] ?? {};
  const amount = (field: string): number | null => {
    const v = programme[field];
    return typeof v === 'number' ? v : null;
  };
  const cap = parameters.at(asOf).fundingCap;
  const refundDue = amount('refundDue');
  const refunded = amount('refunded') ?? 0;

  const lists: Record<string, Item[]> = {};
  return {
    asOf,
    globals,
    items,
    collections: new Proxy(lists, {
      get: (target, name) => {
        if (typeof name !== 'string' || !derived.collections.has(name)) return undefined;
        target[name] ??= [...items(name)];
        return target[name];
      },
    }),
    parameters,
    money: {
      cap: typeof cap === 'number' ? cap : null,
      paid: amount('paid') ?? 0,
      eligibleExpenses: amount('eligibleExpenses'),
      usedFunds: amount('usedFunds'),
      refundDue,
      refunded,
      refundedElsewhere: amount('refundedElsewhere') ?? 0,
      balance: refundDue === null ? null : refundDue - refunded,
    },
  };
}

export { isMissing };
