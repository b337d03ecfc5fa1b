/**
 * What a pack derives, compiled once for all the records it checks: the fact model rules may use
 * (the reader's facts joined with the pack's), and a plan for each collection (the reader's lists
 * and the weeks the pack makes) and each fact of the record as a whole.
 */
import type { DerivedFact, FactsFile, NamedCondition } from '../../model/pack.js';
import {
  collectionsOver,
  compileCondition,
  compileFormula,
  type CompileContext,
  type Compiled,
} from '../formula.js';
import {
  AS_OF,
  READER_COLLECTIONS,
  READER_GLOBALS,
  WEEK_FIELDS,
  type ReaderCollection,
} from '../reader.js';
import type { CollectionSpec, FactModel, FactSpec } from '../spec.js';

/** A collection of a pack, ready to make items of a record. */
export interface CollectionPlan {
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

export interface GlobalPlan {
  compiled?: Compiled;
  fields?: Map<string, GlobalPlan>;
}

/** What a pack derives, compiled once: see deriveFacts. */
export interface PackFacts {
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

/** Compiles what a pack derives (a pack that extends another has them joined already). */
export function compileFacts(
  file: FactsFile,
  conditions: Readonly<Record<string, NamedCondition>>,
): PackFacts {
  const placeOf = (collection: string, field: string): string | undefined =>
    READER_COLLECTIONS[collection]?.fields[field]?.at;
  const context = { placeOf, conditions };
  const globals = new Map(
    Object.entries(file.facts ?? {}).map(([name, fact]) => [name, compileGlobal(fact, context)]),
  );
  const collections = planCollections(file, context);
  const over = collectionsGoneOver(file);
  for (const plan of collections.values()) {
    if (plan.fields.some((field) => field.name === plan.paramsOn)) plan.paramsOnDerived = true;
    if (over.has(plan.name)) plan.keep = true;
  }
  return { globals, collections };
}

/** A derived fact, compiled: an object fact makes its fields, in order. */
function compileDerived(fact: DerivedFact, context: CompileContext): Compiled {
  if (!fact.fields) return compileFormula(fact.formula!, context);
  const fields = Object.entries(fact.fields).map(
    ([name, field]) => [name, compileDerived(field, context)] as const,
  );
  return (s) => {
    const out: Record<string, unknown> = {};
    for (const [name, compiled] of fields) out[name] = compiled(s);
    return out;
  };
}

/** A fact of the record as a whole, compiled: an object fact field by field. */
function compileGlobal(fact: DerivedFact, context: CompileContext): GlobalPlan {
  return fact.fields
    ? {
        fields: new Map(
          Object.entries(fact.fields).map(([name, field]) => [name, compileGlobal(field, context)]),
        ),
      }
    : { compiled: compileDerived(fact, context) };
}

/** The plan of each collection: the reader's lists, then the weeks the pack makes. */
function planCollections(file: FactsFile, context: CompileContext): Map<string, CollectionPlan> {
  const collections = new Map<string, CollectionPlan>();
  const unknownWhenAbsent = file.unknownWhenAbsent ?? {};
  const paramsOn = file.paramsOn ?? {};
  const fieldsOf = (fields: Record<string, DerivedFact> | undefined) =>
    Object.entries(fields ?? {}).map(([name, fact]) => ({
      name,
      compiled: compileDerived(fact, context),
    }));
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
  return collections;
}

/** The collections that the pack's formulas go over (a sum over the payments...). */
function collectionsGoneOver(file: FactsFile): Set<string> {
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
  return over;
}
