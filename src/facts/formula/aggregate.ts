/**
 * The mechanisms that go over the items of a collection (`over`), keeping those that count
 * (`where`) and reading a value of each (`of`): the latest or earliest, the sum, the count,
 * whether any, the list, the first or last, and the day a running total reaches an amount.
 */
import type { Aggregate } from '../../model/expressions.js';
import { joinPointer } from '../../base/pointer.js';
import { isMissing, Missing, pathReader } from '../missing.js';
import { compileCondition, unknownOf } from './condition.js';
import { innerScope, type CompileContext, type Compiled, type Row, type Scope } from './scope.js';

/** An aggregate, compiled: visits the items that count with their values. */
export interface CompiledAggregate {
  each: (s: Scope, visit: (row: Row, value: unknown) => boolean | void) => Missing | undefined;
}

/** The items of an aggregate that count, with the scope each is seen in. */
export function compileAggregate(aggregate: Aggregate, context: CompileContext): CompiledAggregate {
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

/** `latest`, `earliest`, `min` or `max` over items: the greatest (or least) value. */
export function bestOver(later: boolean, aggregate: CompiledAggregate): Compiled {
  const better = (a: unknown, b: unknown): boolean =>
    later ? (a as number) > (b as number) : (a as number) < (b as number);
  return (s) => {
    let best: unknown = null;
    const unknown = aggregate.each(s, (_, v) => {
      if (best === null || better(v, best)) best = v;
    });
    return unknown ?? best;
  };
}

/** `sum`: the total of the values. */
export function sumOver(aggregate: CompiledAggregate): Compiled {
  return (s) => {
    let total = 0;
    const unknown = aggregate.each(s, (_, v) => {
      total += v as number;
    });
    return unknown ?? total;
  };
}

/** `count`: how many items count. */
export function countOver(aggregate: CompiledAggregate): Compiled {
  return (s) => {
    let n = 0;
    const unknown = aggregate.each(s, () => {
      n += 1;
    });
    return unknown ?? n;
  };
}

/** `exists`: whether any item counts (true as soon as one does, even after unknown ones). */
export function existsOver(aggregate: CompiledAggregate): Compiled {
  return (s) => {
    let found = false;
    const unknown = aggregate.each(s, () => {
      found = true;
      return false;
    });
    return found ? true : (unknown ?? false);
  };
}

/** `list`: the distinct values, as found or sorted. */
export function listOver(aggregate: CompiledAggregate, sorted: boolean | undefined): Compiled {
  return (s) => {
    const values: unknown[] = [];
    const unknown = aggregate.each(s, (_, v) => {
      if (!values.includes(v)) values.push(v);
    });
    if (unknown) return unknown;
    return sorted
      ? values.sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0))
      : values;
  };
}

/** `first` or `last`: the value of the first (or last) item that counts. */
export function firstOrLastOver(kind: 'first' | 'last', aggregate: CompiledAggregate): Compiled {
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

/** `reachedOn`: the day (field `on`) the running total of the values reaches an amount. */
export function reachedOnOver(
  aggregate: CompiledAggregate,
  amount: Compiled,
  on: readonly string[],
): Compiled {
  const dayOf = pathReader(on);
  return (s) => {
    const target = amount(s);
    if (isMissing(target) || target === null || target === undefined) return target ?? null;
    const items: { on: string; value: number }[] = [];
    const unknown = aggregate.each(s, (row, v) => {
      items.push({ on: dayOf(row) as string, value: v as number });
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
