/**
 * Conditions, compiled to three-valued tests (true, false, or unknown: a Missing naming what the
 * record lacks), and the references to facts they compare, compiled to readers of a scope.
 */
import { REFUSED_OPERATORS, STRICT_OPERATORS } from '../operators.js';
import type { Condition, FactReference } from '../../model/expressions.js';
import { isMissing, Missing, pathReader, pathSegments } from '../missing.js';
import type { CompileContext, Compiled } from './scope.js';
import { isReference } from './shape.js';

/** The union of the places some unknown values lack. */
export function unknownOf(values: readonly unknown[]): Missing | undefined {
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
  const read = pathReader(pathSegments(reference.path));
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

/** Either of two values that is unknown, or both joined: what a comparison of them lacks. */
export const unknownOfTwo = (a: unknown, b: unknown): Missing | undefined =>
  isMissing(a) || isMissing(b) ? unknownOf([a, b]) : undefined;

/** A condition, compiled to a three-valued test: true, false, or unknown (Missing). */
export function compileCondition(condition: Condition, context: CompileContext): Compiled {
  if ('all' in condition) return compileJunction(condition.all, false, context);
  if ('any' in condition) return compileJunction(condition.any, true, context);
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

/**
 * `all` (decided by a false part) or `any` (decided by a true part), compiled: the first part of
 * the deciding value decides; else unknown where a part is, else the other value.
 */
function compileJunction(
  conditions: readonly Condition[],
  decisive: boolean,
  context: CompileContext,
): Compiled {
  const parts = conditions.map((c) => compileCondition(c, context));
  const otherwise = !decisive;
  return (s) => {
    // Allocated only when a part is unknown: most conditions hold or fail outright.
    let unknown: unknown[] | undefined;
    for (const part of parts) {
      const v = part(s);
      if (v === decisive) return decisive;
      if (isMissing(v)) (unknown ??= []).push(v);
    }
    return (unknown && unknownOf(unknown)) ?? otherwise;
  };
}
