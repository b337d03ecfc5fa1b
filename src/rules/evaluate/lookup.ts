/**
 * The facts by name, as conditions and messages read them for an item (the record's and the
 * pack's facts, the parameters in force, the item, the deadlines its rules compute), and the
 * one name a deadline has for every rule that computes the same date.
 */
import type { ParamValue } from '../../facts/params.js';
import type { LoadedRule } from '../pack/types.js';
import type { Deadline } from '../../model/pack.js';

/** A deadline's fact name, the same for every rule that computes the same date. */
export const deadlineFact = (deadline: Deadline): string =>
  `deadline(${deadline.from}+${deadline.add})`;

/**
 * The facts by name, as a context object would hold them as own fields: `undefined` for a name
 * that is none of them. Messages read their facts through one, not through a copy of them all.
 */
export type Lookup = (fact: string) => unknown;

/**
 * The facts conditions and messages see for an item, by name: the deadlines its rules compute,
 * the item, the parameters in force, the record's and the pack's facts.
 */
export class ItemFacts {
  private bound: Lookup | undefined;

  constructor(
    private readonly globals: Record<string, unknown>,
    readonly params: Record<string, ParamValue>,
    /** The item's values; null for the facts of no item. */
    readonly item: unknown,
    private readonly deadlines: ReadonlyMap<string, unknown>,
  ) {}

  /** A fact by name, as a context object would hold it as an own field: see Lookup. */
  get(fact: string): unknown {
    if (this.deadlines.size > 0 && this.deadlines.has(fact)) return this.deadlines.get(fact);
    if (fact === 'item') return this.item;
    if (fact === 'params') return this.params;
    return Object.hasOwn(this.globals, fact) ? this.globals[fact] : undefined;
  }

  /** The same, as a function (made once, when a message or a condition first asks). */
  get lookup(): Lookup {
    return (this.bound ??= (fact) => this.get(fact));
  }

  /** The facts as one object: the context json-rules-engine is given. */
  context(): Record<string, unknown> {
    return {
      ...this.globals,
      params: this.params,
      item: this.item,
      ...Object.fromEntries(this.deadlines),
    };
  }
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
