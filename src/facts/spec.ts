/**
 * What a fact is, as rule conditions and formulas see it: its type, its words, whether it may be
 * none or unknown, and, for an object, its fields. The reader (./reader.ts) and the pack's
 * facts.yaml each describe their facts this way, once; the pack's model joins them.
 */
import type { FactType, Localized } from '../model/pack.js';

export type { FactType };

export interface FactSpec {
  type: FactType;
  description: Localized;
  /** May be null: the thing does not exist (yet), which is not the same as unknown. */
  nullable?: boolean;
  /** May be unknown: the record lacks what it takes, and a rule using it is undetermined. */
  mayBeMissing?: boolean;
  /** For an object: its fields. */
  fields?: Record<string, FactSpec>;
  /** For an object keyed by data (the items of a collection by a field): each value. */
  values?: FactSpec;
  /** For a derived fact: the clause units it reads. */
  clauses?: string[];
  /** For a derived fact: the choice it makes where the text does not decide. */
  interpretation?: Localized;
}

export interface CollectionSpec {
  /** `one`: at most one item (the convention, the termination if any); `many`: a list. */
  cardinality: 'one' | 'many';
  description: Localized;
  fields: Record<string, FactSpec>;
}

/** The facts rules may use: the record's and the pack's, globals and collections. */
export interface FactModel {
  globals: Record<string, FactSpec>;
  collections: Record<string, CollectionSpec>;
}

/**
 * A table's own entry for a name, if it has one. Names in rule packs are data: `constructor`,
 * `toString` or `__proto__` name nothing unless a table declares them, never what every
 * JavaScript object inherits from its prototype.
 */
export function ownEntry<T>(
  table: Readonly<Record<string, T>> | undefined,
  name: string,
): T | undefined {
  return table !== undefined && Object.hasOwn(table, name) ? table[name] : undefined;
}

/** Where a dotted path leads in a fact's specification, if anywhere. */
export function specAt(
  spec: FactSpec | CollectionSpec | undefined,
  path: readonly string[],
): FactSpec | undefined {
  let current: FactSpec | undefined =
    spec === undefined
      ? undefined
      : 'cardinality' in spec
        ? { type: 'object', description: spec.description, fields: spec.fields }
        : spec;
  for (const segment of path) {
    current = ownEntry(current?.fields, segment) ?? current?.values;
    if (!current) return undefined;
  }
  return current;
}
