/**
 * What a formula is evaluated in: the scope (the item, the parameters in force, the record's other
 * facts), what a compiled formula is, and what compiling needs to know of the pack.
 */
import type { NamedCondition } from '../../model/pack.js';
import type { Counting } from '../../model/expressions.js';
import type { ParamValue } from '../params.js';

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
