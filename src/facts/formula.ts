/**
 * The mechanisms of derived facts: each formula of a pack's facts.yaml is compiled once into a
 * function of a scope (the item, the parameters in force, the record's other facts). They measure
 * and combine (the latest date, a sum over items, a date plus a period); what to combine, and so
 * what the convention means, is the pack's.
 *
 * Values follow the facts' rules: null is none (a seminar not held), Missing is unknown (the
 * record lacks it) and carries the places the record lacks. A mechanism given an unknown value is
 * unknown, unless what it knows decides anyway (a condition `any` with one true part is true).
 * Conditions inside formulas are three-valued this way.
 */
import { addPeriodCounted, formatDay, parseCalendarDate, parsePeriod } from '../base/calendar.js';
import { joinPointer } from '../base/pointer.js';
import { REFUSED_OPERATORS, STRICT_OPERATORS } from './operators.js';
import type {
  Aggregate,
  Comparison,
  Condition,
  Counting,
  FactReference,
  Formula,
} from '../model/expressions.js';
import type { NamedCondition } from '../model/pack.js';
import type { ParamValue } from './params.js';
import { isMissing, Missing, readPath } from './missing.js';

/** An item's values, by field. */
export type Row = Record<string, unknown>;

/** What a formula is evaluated in. */
export interface Scope {
  asOf: string;
  /** The parameters in force (on the item's day, for an item). */
  params: Record<string, ParamValue>;
  item?: Row;
  outer?: Row;
  owner?: Row;
  /** A fact every rule may use (the record's, or one the pack derives). */
  global(name: string): unknown;
  /** The items of a collection, with their derived fields. */
  collection(name: string): Iterable<Row>;
  /** How a parameter that is a period is counted. */
  counting(parameter: string): Counting;
}

export type Compiled = (scope: Scope) => unknown;

/**
 * A scope for the items of an aggregate: the same facts, `outer` the item it is worked out for.
 * Every field is written, in one order, so that every scope has one shape (a chain of
 * prototypes would make each read of a fact walk it).
 */
export const innerScope = (s: Scope): Scope => ({
  asOf: s.asOf,
  params: s.params,
  item: undefined,
  outer: s.item,
  owner: s.owner,
  global: s.global,
  collection: s.collection,
  counting: s.counting,
});

/** What compiling needs to know of the pack: where the reader's fields are written. */
export interface CompileContext {
  /** A collection's field's place, relative to its item's pointer. */
  placeOf(collection: string, field: string): string | undefined;
  /** The pack's named conditions. */
  conditions: Readonly<Record<string, NamedCondition>>;
}

/** The fields a formula reads directly, as `fact` and path: for dependencies and traces. */
export function referencesOfFormula(formula: Formula, into: FactReference[] = []): FactReference[] {
  visitFormula(formula, (node) => {
    if (isReference(node)) into.push(node);
  });
  return into;
}

const MECHANISMS = [
  'latest',
  'earliest',
  'min',
  'max',
  'minus',
  'plus',
  'firstOf',
  'if',
  'sum',
  'count',
  'exists',
  'list',
  'first',
  'last',
  'reachedOn',
  'addPeriod',
  'unknown',
  'valueAt',
  'countDates',
  'keyed',
  'place',
] as const;
export type Mechanism = (typeof MECHANISMS)[number];

/** The mechanism of a formula, or what else it is. */
export function kindOf(
  formula: Formula,
): Mechanism | 'comparison' | 'condition' | 'fact' | 'value' {
  const f = formula as unknown as Record<string, unknown>;
  if ('operator' in f) return 'comparison';
  if ('all' in f || 'any' in f || 'not' in f || 'condition' in f) return 'condition';
  if ('fact' in f) return 'fact';
  if ('value' in f) return 'value';
  for (const m of MECHANISMS) if (m in f) return m;
  throw new Error(`not a formula: ${JSON.stringify(formula)}`);
}

/** The collections a formula's aggregates go over (a sum over the expenses...). */
export function collectionsOver(formula: Formula, into: Set<string> = new Set()): Set<string> {
  visitFormula(formula, (node) => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const body = Object.values(node)[0] as { over?: unknown } | undefined;
    const kind = kindOf(node as Formula);
    if (MECHANISMS.includes(kind as Mechanism) && typeof body?.over === 'string')
      into.add(body.over);
  });
  return into;
}

const isReference = (f: unknown): f is FactReference =>
  typeof f === 'object' && f !== null && 'fact' in f && !('operator' in f);

/** Visits a formula's nodes, the formula first, then the formulas and conditions inside it. */
export function visitFormula(formula: Formula | Condition, visit: (node: unknown) => void): void {
  visit(formula);
  const f = formula as unknown as Record<string, unknown>;
  const sub = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(sub);
    else if (value !== null && typeof value === 'object') visitFormula(value as Formula, visit);
  };
  switch (kindOf(formula as Formula)) {
    case 'fact':
    case 'value':
      return;
    case 'comparison': {
      const value = (formula as Comparison).value;
      if (isReference(value)) visit(value);
      return;
    }
    case 'condition':
      if ('all' in f) sub(f.all);
      else if ('any' in f) sub(f.any);
      else if ('not' in f) sub(f.not);
      return;
    case 'if':
      sub(f.if);
      sub(f.then);
      sub(f.else);
      return;
    default: {
      const body = Object.values(f)[0];
      if (Array.isArray(body)) sub(body);
      else if (body !== null && typeof body === 'object') {
        for (const [key, value] of Object.entries(body))
          if (key === 'where' || (value !== null && typeof value === 'object' && key !== 'over'))
            sub(value);
      }
    }
  }
}

/** The union of the places some unknown values lack. */
function unknownOf(values: readonly unknown[]): Missing | undefined {
  let pointers: string[] | undefined;
  for (const v of values) {
    if (!isMissing(v)) continue;
    pointers ??= [];
    for (const p of v.pointers) if (!pointers.includes(p)) pointers.push(p);
  }
  return pointers === undefined ? undefined : new Missing(pointers);
}

/** json-rules-engine's exact operators, as it defines them. */
const BUILTIN: Record<string, (a: unknown, b: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => Array.isArray(b) && b.includes(a),
  notIn: (a, b) => Array.isArray(b) && !b.includes(a),
  contains: (a, b) => Array.isArray(a) && a.includes(b),
  doesNotContain: (a, b) => Array.isArray(a) && !a.includes(b),
};

export function operatorFunction(name: string): (a: unknown, b: unknown) => boolean {
  const strict = Object.hasOwn(STRICT_OPERATORS, name) ? STRICT_OPERATORS[name] : undefined;
  if (strict) return strict.evaluate;
  const builtin = Object.hasOwn(BUILTIN, name) ? BUILTIN[name] : undefined;
  if (builtin && !Object.hasOwn(REFUSED_OPERATORS, name)) return builtin;
  // Packs are checked when loaded: an unknown operator here is a bug.
  throw new Error(`unknown operator ${name}`);
}

/** A reference to a fact, compiled. */
export function compileReference(reference: FactReference): Compiled {
  const read = pathReader(reference.path ? reference.path.split('.') : []);
  switch (reference.fact) {
    case 'item':
      return (s) => read(s.item);
    case 'outer':
      return (s) => read(s.outer);
    case 'owner':
      return (s) => read(s.owner);
    case 'params':
      return (s) => read(s.params);
    case 'asOf':
      return (s) => s.asOf;
    default: {
      const name = reference.fact;
      return (s) => read(s.global(name));
    }
  }
}

/** A field of an object, own fields only (see readPath); an absent or unknown object as it is. */
const own = (value: unknown, field: string): unknown =>
  value === null || value === undefined || isMissing(value)
    ? value
    : Object.hasOwn(value, field)
      ? (value as Record<string, unknown>)[field]
      : undefined;

/** readPath at a fixed path: the paths of one and two fields (most of them) read directly. */
function pathReader(path: readonly string[]): (value: unknown) => unknown {
  if (path.length === 0) return (value) => value;
  const [first, second] = path as [string, string];
  if (path.length === 1) return (value) => own(value, first);
  if (path.length === 2) return (value) => own(own(value, first), second);
  return (value) => readPath(value, path);
}

/** Either of two values that is unknown, or both joined: what a comparison of them lacks. */
const unknownOfTwo = (a: unknown, b: unknown): Missing | undefined =>
  isMissing(a) || isMissing(b) ? unknownOf([a, b]) : undefined;

/** A condition, compiled to a three-valued test: true, false, or unknown (Missing). */
export function compileCondition(condition: Condition, context: CompileContext): Compiled {
  if ('all' in condition) {
    const parts = condition.all.map((c) => compileCondition(c, context));
    return (s) => {
      // Allocated only when a part is unknown: most conditions hold or fail outright.
      let unknown: unknown[] | undefined;
      for (const part of parts) {
        const v = part(s);
        if (v === false) return false;
        if (isMissing(v)) (unknown ??= []).push(v);
      }
      return (unknown && unknownOf(unknown)) ?? true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => compileCondition(c, context));
    return (s) => {
      let unknown: unknown[] | undefined;
      for (const part of parts) {
        const v = part(s);
        if (v === true) return true;
        if (isMissing(v)) (unknown ??= []).push(v);
      }
      return (unknown && unknownOf(unknown)) ?? false;
    };
  }
  if ('not' in condition) {
    const part = compileCondition(condition.not, context);
    return (s) => {
      const v = part(s);
      return isMissing(v) ? v : v !== true;
    };
  }
  if ('condition' in condition) {
    const named = context.conditions[condition.condition];
    // Named conditions are checked (and their cycles refused) when the pack is loaded.
    if (!named) throw new Error(`unknown condition ${condition.condition}`);
    let compiled: Compiled | undefined;
    return (s) => (compiled ??= compileCondition(named.when, context))(s);
  }
  const left = compileReference({
    fact: condition.fact,
    ...(condition.path !== undefined && { path: condition.path }),
  });
  const value = condition.value;
  const right: Compiled = isReference(value) ? compileReference(value) : () => value;
  const operator = operatorFunction(condition.operator);
  return (s) => {
    const a = left(s);
    const b = right(s);
    const unknown = unknownOfTwo(a, b);
    if (unknown) return unknown;
    return operator(a === undefined ? null : a, b === undefined ? null : b);
  };
}

const day = (text: string): number => {
  const parsed = parseCalendarDate(text);
  if (!parsed.ok) throw new Error(`not a date: ${text}`);
  return parsed.value;
};

/** Adds a period to a date as rules see it; null stays null. */
export function addPeriodToDate(
  from: string | null,
  period: string,
  counting: Counting,
): string | null {
  if (from === null) return null;
  const parsed = parsePeriod(period);
  // Periods were checked when the pack and the record were loaded: a bad one here is a bug.
  if (!parsed.ok) throw new Error(parsed.problem);
  return formatDay(addPeriodCounted(day(from), parsed.value, counting));
}

/** The items of an aggregate that count, with the scope each is seen in. */
function compileAggregate(
  aggregate: Aggregate,
  context: CompileContext,
): {
  each: (s: Scope, visit: (row: Row, value: unknown) => boolean | void) => Missing | undefined;
} {
  const where = aggregate.where ? compileCondition(aggregate.where, context) : undefined;
  const of = aggregate.of ? pathReader(aggregate.of.split('.')) : undefined;
  const place = aggregate.of ? context.placeOf(aggregate.over, aggregate.of) : undefined;
  return {
    /** Visits each item that counts with its value; unknown where an item's part is. */
    each: (s, visit) => {
      const inner = innerScope(s);
      let unknown: unknown[] | undefined;
      for (const row of s.collection(aggregate.over)) {
        if (where) {
          inner.item = row;
          const holds = where(inner);
          if (isMissing(holds)) {
            (unknown ??= []).push(holds);
            continue;
          }
          if (holds !== true) continue;
        }
        let value: unknown = of ? of(row) : row;
        if (value === undefined) value = null;
        if (value === null && aggregate.unknownIfAbsent) {
          value = new Missing([
            joinPointer(row.pointer as string, ...(place ?? aggregate.of!).split('/')),
          ]);
        }
        if (isMissing(value)) {
          (unknown ??= []).push(value);
          continue;
        }
        if (visit(row, value) === false) break;
      }
      return unknown && unknownOf(unknown);
    },
  };
}

/** Compiles a formula of a pack's facts.yaml. */
export function compileFormula(formula: Formula, context: CompileContext): Compiled {
  const f = formula as unknown as Record<string, unknown>;
  const list = (key: string): Compiled[] =>
    (f[key] as Formula[]).map((g) => compileFormula(g, context));
  const kind = kindOf(formula);
  switch (kind) {
    case 'comparison':
    case 'condition':
      return compileCondition(formula as Condition, context);
    case 'fact':
      return compileReference(formula as FactReference);
    case 'value': {
      const value = f.value;
      return () => value;
    }
    case 'latest':
    case 'earliest':
    case 'min':
    case 'max': {
      const later = kind === 'latest' || kind === 'max';
      const better = (a: unknown, b: unknown): boolean =>
        later ? (a as number) > (b as number) : (a as number) < (b as number);
      if (Array.isArray(f[kind])) {
        const parts = list(kind);
        return (s) => {
          const values = parts.map((p) => p(s));
          const unknown = unknownOf(values);
          if (unknown) return unknown;
          let best: unknown = null;
          for (const v of values)
            if (v !== null && v !== undefined && (best === null || better(v, best))) best = v;
          return best;
        };
      }
      const aggregate = compileAggregate(f[kind] as Aggregate, context);
      return (s) => {
        let best: unknown = null;
        const unknown = aggregate.each(s, (_, v) => {
          if (best === null || better(v, best)) best = v;
        });
        return unknown ?? best;
      };
    }
    case 'minus':
    case 'plus': {
      const parts = list(kind);
      return (s) => {
        const values = parts.map((p) => p(s));
        const unknown = unknownOf(values);
        if (unknown) return unknown;
        if (values.some((v) => v === null || v === undefined)) return null;
        const numbers = values as number[];
        return kind === 'minus' ? numbers[0]! - numbers[1]! : numbers.reduce((a, b) => a + b, 0);
      };
    }
    case 'firstOf': {
      const parts = list('firstOf');
      return (s) => {
        for (const part of parts) {
          const v = part(s);
          if (isMissing(v)) return v;
          if (v !== null && v !== undefined) return v;
        }
        return null;
      };
    }
    case 'if': {
      const test = compileCondition(f.if as Condition, context);
      const then = compileFormula(f.then as Formula, context);
      const otherwise = compileFormula(f.else as Formula, context);
      return (s) => {
        const v = test(s);
        if (isMissing(v)) return v;
        return v === true ? then(s) : otherwise(s);
      };
    }
    case 'sum': {
      const aggregate = compileAggregate(f.sum as Aggregate, context);
      return (s) => {
        let total = 0;
        const unknown = aggregate.each(s, (_, v) => {
          total += v as number;
        });
        return unknown ?? total;
      };
    }
    case 'count': {
      const aggregate = compileAggregate(f.count as Aggregate, context);
      return (s) => {
        let n = 0;
        const unknown = aggregate.each(s, () => {
          n += 1;
        });
        return unknown ?? n;
      };
    }
    case 'exists': {
      const aggregate = compileAggregate(f.exists as Aggregate, context);
      return (s) => {
        let found = false;
        const unknown = aggregate.each(s, () => {
          found = true;
          return false;
        });
        return found ? true : (unknown ?? false);
      };
    }
    case 'list': {
      const spec = f.list as Aggregate & { sorted?: boolean };
      const aggregate = compileAggregate(spec, context);
      return (s) => {
        const values: unknown[] = [];
        const unknown = aggregate.each(s, (_, v) => {
          if (!values.includes(v)) values.push(v);
        });
        if (unknown) return unknown;
        return spec.sorted
          ? values.sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0))
          : values;
      };
    }
    case 'first':
    case 'last': {
      const aggregate = compileAggregate(f[kind] as Aggregate, context);
      return (s) => {
        let found: unknown = null;
        let seen = false;
        const unknown = aggregate.each(s, (_, v) => {
          found = v;
          seen = true;
          return kind !== 'first';
        });
        // An unknown item before the first found (or anywhere, for the last) leaves it unknown.
        return unknown ?? (seen ? found : null);
      };
    }
    case 'reachedOn': {
      const spec = f.reachedOn as Aggregate & { on: string; amount: Formula };
      const aggregate = compileAggregate(spec, context);
      const amount = compileFormula(spec.amount, context);
      const on = spec.on.split('.');
      return (s) => {
        const target = amount(s);
        if (isMissing(target) || target === null || target === undefined) return target ?? null;
        const items: { on: string; value: number }[] = [];
        const unknown = aggregate.each(s, (row, v) => {
          items.push({ on: readPath(row, on) as string, value: v as number });
        });
        if (unknown) return unknown;
        // By day, then as written (a stable sort keeps the record's order).
        items.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
        let total = 0;
        for (const item of items) {
          total += item.value;
          if (total >= (target as number)) return item.on;
        }
        return null;
      };
    }
    case 'addPeriod': {
      const spec = f.addPeriod as { to: Formula; period: FactReference; counting?: Counting };
      const to = compileFormula(spec.to, context);
      const period = compileReference(spec.period);
      const parameter = spec.period.path ?? '';
      return (s) => {
        const from = to(s);
        const p = period(s);
        const unknown = unknownOfTwo(from, p);
        if (unknown) return unknown;
        if (typeof p !== 'string') return null;
        return addPeriodToDate(
          (from as string | null) ?? null,
          p,
          spec.counting ?? s.counting(parameter),
        );
      };
    }
    case 'unknown': {
      const where = compileFormula(f.unknown as Formula, context);
      return (s) => {
        const pointer = where(s);
        return new Missing([typeof pointer === 'string' ? pointer : '']);
      };
    }
    case 'valueAt': {
      const spec = f.valueAt as { map: Formula; key: Formula };
      const map = compileFormula(spec.map, context);
      const key = compileFormula(spec.key, context);
      return (s) => {
        const m = map(s);
        const k = key(s);
        const unknown = unknownOfTwo(m, k);
        if (unknown) return unknown;
        if (m === null || m === undefined || typeof k !== 'string') return null;
        return Object.hasOwn(m as object, k) ? (m as Record<string, unknown>)[k] : null;
      };
    }
    case 'countDates': {
      const spec = f.countDates as { dates: Formula; from: Formula; to: Formula };
      const dates = compileFormula(spec.dates, context);
      const from = compileFormula(spec.from, context);
      const to = compileFormula(spec.to, context);
      return (s) => {
        const list = dates(s);
        const a = from(s);
        const b = to(s);
        const unknown = unknownOf([list, a, b]);
        if (unknown) return unknown;
        if (!Array.isArray(list) || a === null || b === null) return null;
        let n = 0;
        for (const d of list as string[]) if (d >= (a as string) && d <= (b as string)) n++;
        return n;
      };
    }
    case 'place': {
      const spec = f.place as { in: Formula; at: (string | Formula)[] };
      const start = compileFormula(spec.in, context);
      const keys = spec.at.map((k): Compiled =>
        typeof k === 'string' ? () => k : compileFormula(k, context),
      );
      return (s) => {
        const from = start(s);
        const path = keys.map((k) => k(s));
        const unknown = unknownOf([from, ...path]);
        if (unknown) return unknown;
        return joinPointer(String(from), ...path.map(String));
      };
    }
    case 'keyed': {
      const spec = f.keyed as { over: string; key: string };
      return (s) => {
        const out = Object.create(null) as Record<string, Row>;
        for (const row of s.collection(spec.over)) out[String(row[spec.key])] = row;
        return out;
      };
    }
  }
}
