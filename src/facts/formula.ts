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
import { joinPointer } from '../base/pointer.js';
import type {
  Aggregate,
  Condition,
  Counting,
  FactReference,
  Formula,
} from '../model/expressions.js';
import { isMissing, Missing } from './missing.js';
import {
  bestOver,
  compileAggregate,
  countOver,
  existsOver,
  firstOrLastOver,
  listOver,
  reachedOnOver,
  sumOver,
} from './formula/aggregate.js';
import {
  compileCondition,
  compileReference,
  unknownOf,
  unknownOfTwo,
} from './formula/condition.js';
import { addPeriodToDate } from './formula/period.js';
import type { CompileContext, Compiled, Row } from './formula/scope.js';
import { kindOf } from './formula/shape.js';

// What the other floors use of formulas, from the modules of ./formula/.
export { compileCondition } from './formula/condition.js';
export { addPeriodToDate } from './formula/period.js';
export type { CompileContext, Compiled, Row, Scope } from './formula/scope.js';
export { collectionsOver, kindOf, visitFormula } from './formula/shape.js';

/** Compiles a formula of a pack's facts.yaml: each mechanism by its own step below. */
export function compileFormula(formula: Formula, context: CompileContext): Compiled {
  const f = formula as unknown as Record<string, unknown>;
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
      return Array.isArray(f[kind])
        ? bestOfParts(later, compileParts(f[kind], context))
        : bestOver(later, compileAggregate(f[kind] as Aggregate, context));
    }
    case 'minus':
    case 'plus':
      return compileArithmetic(kind, compileParts(f[kind], context));
    case 'firstOf':
      return compileFirstOf(compileParts(f.firstOf, context));
    case 'if':
      return compileIf(f as { if: Condition; then: Formula; else: Formula }, context);
    case 'sum':
      return sumOver(compileAggregate(f.sum as Aggregate, context));
    case 'count':
      return countOver(compileAggregate(f.count as Aggregate, context));
    case 'exists':
      return existsOver(compileAggregate(f.exists as Aggregate, context));
    case 'list': {
      const spec = f.list as Aggregate & { sorted?: boolean };
      return listOver(compileAggregate(spec, context), spec.sorted);
    }
    case 'first':
    case 'last':
      return firstOrLastOver(kind, compileAggregate(f[kind] as Aggregate, context));
    case 'reachedOn': {
      const spec = f.reachedOn as Aggregate & { on: string; amount: Formula };
      const aggregate = compileAggregate(spec, context);
      return reachedOnOver(aggregate, compileFormula(spec.amount, context), spec.on.split('.'));
    }
    case 'addPeriod':
      return compileAddPeriod(
        f.addPeriod as { to: Formula; period: FactReference; counting?: Counting },
        context,
      );
    case 'unknown':
      return compileUnknown(f.unknown as Formula, context);
    case 'valueAt':
      return compileValueAt(f.valueAt as { map: Formula; key: Formula }, context);
    case 'countDates':
      return compileCountDates(
        f.countDates as { dates: Formula; from: Formula; to: Formula },
        context,
      );
    case 'place':
      return compilePlace(f.place as { in: Formula; at: (string | Formula)[] }, context);
    case 'keyed':
      return compileKeyed(f.keyed as { over: string; key: string });
  }
}

/** A list of formulas, each compiled. */
const compileParts = (parts: unknown, context: CompileContext): Compiled[] =>
  (parts as Formula[]).map((g) => compileFormula(g, context));

/** `latest`, `earliest`, `min` or `max` of formulas: the greatest (or least) value given. */
function bestOfParts(later: boolean, parts: Compiled[]): Compiled {
  const better = (a: unknown, b: unknown): boolean =>
    later ? (a as number) > (b as number) : (a as number) < (b as number);
  // No list of the values is made: these run for every item of the large collections.
  return (s) => {
    let missing: unknown[] | undefined;
    let best: unknown = null;
    for (const part of parts) {
      const v = part(s);
      if (isMissing(v)) (missing ??= []).push(v);
      else if (v !== null && v !== undefined && (best === null || better(v, best))) best = v;
    }
    return missing !== undefined ? unknownOf(missing) : best;
  };
}

/** `minus` (the first less the second) or `plus` (the sum); none if a part is none. */
function compileArithmetic(kind: 'minus' | 'plus', parts: Compiled[]): Compiled {
  return (s) => {
    let missing: unknown[] | undefined;
    let none = false;
    // The sum from 0, in order; or the first and the second (minus has exactly two parts).
    let sum = 0;
    let first = 0;
    let second = 0;
    for (let i = 0; i < parts.length; i++) {
      const v = parts[i]!(s);
      if (isMissing(v)) (missing ??= []).push(v);
      else if (v === null || v === undefined) none = true;
      else if (kind === 'plus') sum += v as number;
      else if (i === 0) first = v as number;
      else if (i === 1) second = v as number;
    }
    if (missing !== undefined) return unknownOf(missing);
    if (none) return null;
    return kind === 'minus' ? first - second : sum;
  };
}

/** `firstOf`: the first value that is not none (an unknown one before it leaves it unknown). */
function compileFirstOf(parts: Compiled[]): Compiled {
  return (s) => {
    for (const part of parts) {
      const v = part(s);
      if (isMissing(v)) return v;
      if (v !== null && v !== undefined) return v;
    }
    return null;
  };
}

/** `if`: `then` where the condition holds, `else` where it does not, unknown where it is. */
function compileIf(
  spec: { if: Condition; then: Formula; else: Formula },
  context: CompileContext,
): Compiled {
  const test = compileCondition(spec.if, context);
  const then = compileFormula(spec.then, context);
  const otherwise = compileFormula(spec.else, context);
  return (s) => {
    const v = test(s);
    if (isMissing(v)) return v;
    return v === true ? then(s) : otherwise(s);
  };
}

/** `addPeriod`: a date plus a parameter's period, counted as the pack or the parameter says. */
function compileAddPeriod(
  spec: { to: Formula; period: FactReference; counting?: Counting },
  context: CompileContext,
): Compiled {
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

/** `unknown`: a value the record lacks, at the place the formula gives. */
function compileUnknown(formula: Formula, context: CompileContext): Compiled {
  const where = compileFormula(formula, context);
  return (s) => {
    const pointer = where(s);
    return new Missing([typeof pointer === 'string' ? pointer : '']);
  };
}

/** `valueAt`: a map's value at a key (own keys only); none where either is none. */
function compileValueAt(spec: { map: Formula; key: Formula }, context: CompileContext): Compiled {
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

/** `countDates`: how many dates of a list fall between two days, both included. */
function compileCountDates(
  spec: { dates: Formula; from: Formula; to: Formula },
  context: CompileContext,
): Compiled {
  const dates = compileFormula(spec.dates, context);
  const from = compileFormula(spec.from, context);
  const to = compileFormula(spec.to, context);
  return (s) => {
    const list = dates(s);
    const a = from(s);
    const b = to(s);
    if (isMissing(list) || isMissing(a) || isMissing(b)) return unknownOf([list, a, b]);
    if (!Array.isArray(list) || a === null || b === null) return null;
    let n = 0;
    for (const d of list as string[]) if (d >= (a as string) && d <= (b as string)) n++;
    return n;
  };
}

/** `place`: a pointer into the record, from a pointer and the keys below it. */
function compilePlace(
  spec: { in: Formula; at: (string | Formula)[] },
  context: CompileContext,
): Compiled {
  const start = compileFormula(spec.in, context);
  const keys = spec.at.map((k): Compiled =>
    typeof k === 'string' ? () => k : compileFormula(k, context),
  );
  return (s) => {
    const from = start(s);
    const path = keys.map((k) => k(s));
    if (isMissing(from) || path.some(isMissing)) return unknownOf([from, ...path]);
    // joinPointer writes each key as text (String), as before.
    return joinPointer(String(from), ...(path as (string | number)[]));
  };
}

/** `keyed`: the items of a collection by a field's value. */
function compileKeyed(spec: { over: string; key: string }): Compiled {
  return (s) => {
    const out = Object.create(null) as Record<string, Row>;
    for (const row of s.collection(spec.over)) out[String(row[spec.key])] = row;
    return out;
  };
}
