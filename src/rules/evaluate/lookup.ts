/**
 * The facts by name, as conditions and messages read them for an item (the record's and the
 * pack's facts, the parameters in force, the item, the deadlines its rules compute), and the
 * one name a deadline has for every rule that computes the same date.
 */
import type { ParamValue } from '../../facts/params.js';
import type { LoadedRule } from '../pack/types.js';
import type { Deadline } from '../../model/pack.js';
import type { Facts } from '../../facts/derive.js';

/** A deadline's fact name, the same for every rule that computes the same date. */
export const deadlineFact = (deadline: Deadline): string =>
  `deadline(${deadline.from}+${deadline.add})`;

/**
 * The facts by name, as a context object would hold them as own fields: `undefined` for a name
 * that is none of them. Messages read their facts through one, not through a copy of them all.
 */
export type Lookup = (fact: string) => unknown;

/** The facts conditions see for an item: the record's and the pack's, params, item, deadlines. */
export function factsLookup(
  facts: Facts,
  params: Record<string, ParamValue>,
  item: unknown,
  deadlines: ReadonlyMap<string, unknown>,
): Lookup {
  const globals = facts.globals;
  return (fact) => {
    if (deadlines.has(fact)) return deadlines.get(fact);
    if (fact === 'item') return item;
    if (fact === 'params') return params;
    return Object.hasOwn(globals, fact) ? globals[fact] : undefined;
  };
}

/** Some facts set over others: an own field of `top` hides the fact of that name below. */
export const over =
  (top: Record<string, unknown>, below: Lookup): Lookup =>
  (fact) =>
    Object.hasOwn(top, fact) ? top[fact] : below(fact);

/** Facts where the rule's own deadline names (used in its messages) are set. */
export function withRuleDeadlines(lookup: Lookup, rule: LoadedRule): Lookup {
  const deadlines = rule.deadlines ?? {};
  if (Object.keys(deadlines).length === 0) return lookup;
  return (fact) =>
    Object.hasOwn(deadlines, fact) ? lookup(deadlineFact(deadlines[fact]!)) : lookup(fact);
}
