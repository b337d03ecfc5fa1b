/**
 * Checking a pack's facts.yaml when the pack is loaded: every fact, field, collection and
 * parameter a formula names exists, aggregates name a collection and one of its fields, a field
 * uses only the fields written before it in its collection, a period is a parameter that is one,
 * and no derived fact depends on itself. Each problem is located in the file that writes it.
 */
import { kindOf, visitFormula } from '../facts/formula.js';
import { READER_COLLECTIONS } from '../facts/reader.js';
import { ownEntry, specAt, type FactModel } from '../facts/spec.js';
import type { Aggregate, Condition, FactReference, Formula } from '../model/expressions.js';
import type { DerivedFact, FactsFile, NamedCondition } from '../model/pack.js';

/** What the check needs of the pack being loaded (see pack/references.ts). */
export interface FactsCheckInput {
  facts: FactsFile;
  /** The file each entry comes from, by `facts/<name>`, `fields/<collection>/<field>`... */
  locate: (key: string, pointer: string) => { file: string; line: number; column: number };
  model: FactModel;
  conditions: Readonly<Record<string, NamedCondition>>;
  /** The type of each parameter, by name. */
  parameterTypes: Readonly<Record<string, string>>;
  /** Checks a condition's references and operators against a scope (pack/conditions.ts's checkCondition). */
  checkCondition: (
    condition: Condition,
    pointer: string,
    scope: FormulaScope,
    report: (pointer: string, message: string) => void,
  ) => void;
  /** Resolves a reference against a scope, or says why it cannot be (pack/scope.ts's resolveReference). */
  resolve: (
    scope: FormulaScope,
    fact: string,
    path: string | undefined,
  ) => { spec: { type: string } } | { problem: string; inPath?: boolean };
}

/** Where a formula is: the collection its `item` is of, and those of `outer` and `owner`. */
export interface FormulaScope {
  over?: string;
  outer?: string;
  owner?: string;
}

type Problem = { file: string; line: number; column: number; message: string };

/** Reports a problem at a pointer of one entry of facts.yaml. */
type Report = (pointer: string, message: string) => void;

/** The reporter of the entry with that key (`facts/<name>`, `fields/<collection>/<field>`...). */
type ReportAt = (key: string) => Report;

/** A derived fact's dependencies: the global facts and collections it reads. */
interface Uses {
  globals: Set<string>;
  collections: Set<string>;
  /** Fields of its own collection's items it reads, by name. */
  ownFields: Set<string>;
}

/** Where a formula is checked: its scope, where its problems go, what it is noted to use. */
interface Site {
  scope: FormulaScope;
  report: Report;
  into: Uses;
}

/** The facts a formula may read that are not global facts: its items, parameters, the day. */
const SCOPED_FACTS = ['item', 'outer', 'owner', 'params', 'asOf'];

/** Whether a reference reads a global fact (of the record or derived), not a scoped one. */
const isGlobalFact = (fact: string): boolean => !SCOPED_FACTS.includes(fact);

/** No dependencies yet. */
const newUses = (): Uses => ({
  globals: new Set(),
  collections: new Set(),
  ownFields: new Set(),
});

/** Checks a pack's facts.yaml; returns every problem found, located in the file that writes it. */
export function checkFacts(input: FactsCheckInput): Problem[] {
  const problems: Problem[] = [];
  const reportAt: ReportAt = (key) => (pointer, message) => {
    problems.push({ ...input.locate(key, pointer), message });
  };
  checkRecordOptions(input, reportAt);
  const uses = new Map<string, Uses>();
  checkGlobalFacts(input, reportAt, uses);
  checkCollectionFields(input, reportAt, uses);
  checkNoCycle(input.facts, uses, reportAt);
  return problems;
}

/** The fields left unknown when absent, and the day parameters are taken on, exist in the record. */
function checkRecordOptions(input: FactsCheckInput, reportAt: ReportAt): void {
  const { facts, model } = input;
  for (const [collection, fields] of Object.entries(facts.unknownWhenAbsent ?? {})) {
    const report = reportAt(`unknownWhenAbsent/${collection}`);
    const reader = ownEntry(READER_COLLECTIONS, collection);
    if (!reader) {
      report(`/unknownWhenAbsent/${collection}`, `the record has no collection ${collection}`);
      continue;
    }
    fields.forEach((field, i) => {
      if (ownEntry(reader.fields, field)?.at === undefined)
        report(
          `/unknownWhenAbsent/${collection}/${i}`,
          `${field} is not a field the record may leave out in ${collection}`,
        );
    });
  }
  for (const [collection, field] of Object.entries(facts.paramsOn ?? {})) {
    const report = reportAt(`paramsOn/${collection}`);
    const spec = specAt(ownEntry(model.collections, collection), [field]);
    if (!ownEntry(model.collections, collection))
      report(`/paramsOn/${collection}`, `there is no collection ${collection}`);
    else if (spec?.type !== 'date')
      report(`/paramsOn/${collection}`, `the items of ${collection} have no date ${field}`);
  }
}

/** Checks a derived fact: its formula, or each of its fields'. */
function checkFact(input: FactsCheckInput, fact: DerivedFact, pointer: string, site: Site): void {
  if (fact.fields) {
    for (const [name, field] of Object.entries(fact.fields))
      checkFact(input, field, `${pointer}/fields/${name}`, site);
    return;
  }
  if (fact.formula === undefined) {
    site.report(pointer, 'a derived fact has a formula, or fields that have one');
    return;
  }
  checkFormula(input, fact.formula, `${pointer}/formula`, site);
}

/** Notes what a fact reference of a formula reads: a field of its own item, or a global fact. */
function noteReference(reference: FactReference, into: Uses): void {
  if (reference.fact === 'item' && reference.path !== undefined)
    into.ownFields.add(reference.path.split('.')[0]!);
  else if (isGlobalFact(reference.fact)) into.globals.add(reference.fact);
}

/** Checks a formula's references, conditions and parts, noting what it reads. */
function checkFormula(input: FactsCheckInput, formula: Formula, pointer: string, site: Site): void {
  const { scope, report, into } = site;
  const f = formula as unknown as Record<string, unknown>;
  const kind = kindOf(formula);
  const note = (reference: FactReference): void => noteReference(reference, into);
  const sub = (g: Formula, at: string): void => checkFormula(input, g, at, site);
  switch (kind) {
    case 'fact': {
      const reference = formula as FactReference;
      const resolved = input.resolve(scope, reference.fact, reference.path);
      if ('problem' in resolved)
        report(`${pointer}/${resolved.inPath ? 'path' : 'fact'}`, resolved.problem);
      note(reference);
      return;
    }
    case 'value':
      return;
    case 'comparison':
    case 'condition':
      input.checkCondition(formula as Condition, pointer, scope, report);
      collectReferences(formula as Condition, input.conditions, note);
      return;
    case 'if':
      input.checkCondition(f.if as Condition, `${pointer}/if`, scope, report);
      collectReferences(f.if as Condition, input.conditions, note);
      sub(f.then as Formula, `${pointer}/then`);
      sub(f.else as Formula, `${pointer}/else`);
      return;
    case 'keyed': {
      const spec = f.keyed as { over: string; key: string };
      const collection = ownEntry(input.model.collections, spec.over);
      if (!collection) report(`${pointer}/keyed/over`, `there is no collection ${spec.over}`);
      else if (!ownEntry(collection.fields, spec.key))
        report(`${pointer}/keyed/key`, `the items of ${spec.over} have no field ${spec.key}`);
      into.collections.add(spec.over);
      return;
    }
    case 'addPeriod': {
      const spec = f.addPeriod as { to: Formula; period: FactReference };
      sub(spec.to, `${pointer}/addPeriod/to`);
      const name = spec.period.path ?? '';
      if (spec.period.fact !== 'params' || input.parameterTypes[name] !== 'period')
        report(
          `${pointer}/addPeriod/period`,
          'the period is a parameter that is a period: { fact: params, path: <name> }',
        );
      return;
    }
    case 'unknown':
      // Its body is one formula (the place it names), not named formulas.
      sub(f.unknown as Formula, `${pointer}/unknown`);
      return;
    case 'place': {
      const spec = f.place as { in: Formula; at: (string | Formula)[] };
      sub(spec.in, `${pointer}/place/in`);
      spec.at.forEach((k, i) => {
        if (typeof k !== 'string') sub(k, `${pointer}/place/at/${i}`);
      });
      return;
    }
    default:
      checkMechanism(input, kind, f[kind], `${pointer}/${kind}`, site);
  }
}

/**
 * Checks the body of a mechanism with no check of its own: a list of formulas, an aggregate
 * over a collection (with, for `reachedOn`, its date field and amount), or named formulas.
 */
function checkMechanism(
  input: FactsCheckInput,
  kind: string,
  body: unknown,
  pointer: string,
  site: Site,
): void {
  const sub = (g: Formula, at: string): void => checkFormula(input, g, at, site);
  if (Array.isArray(body)) {
    body.forEach((g, i) => sub(g as Formula, `${pointer}/${i}`));
    return;
  }
  if (body === null || typeof body !== 'object') return;
  const spec = body as Record<string, unknown>;
  if (typeof spec.over === 'string') {
    checkAggregate(input, spec as unknown as Aggregate, pointer, site);
    if (kind === 'reachedOn') {
      const on = spec.on as string;
      if (specAt(ownEntry(input.model.collections, spec.over), on.split('.'))?.type !== 'date')
        site.report(`${pointer}/on`, `the items of ${String(spec.over)} have no date ${on}`);
      sub(spec.amount as Formula, `${pointer}/amount`);
    }
    return;
  }
  for (const [key, value] of Object.entries(spec))
    if (value !== null && typeof value === 'object') sub(value as Formula, `${pointer}/${key}`);
}

/** Checks an aggregate: its collection, its field, and its `where` over the collection's items. */
function checkAggregate(
  input: FactsCheckInput,
  aggregate: Aggregate,
  pointer: string,
  { scope, report, into }: Site,
): void {
  const collection = ownEntry(input.model.collections, aggregate.over);
  if (!collection) {
    report(`${pointer}/over`, `there is no collection ${aggregate.over}`);
    return;
  }
  into.collections.add(aggregate.over);
  if (aggregate.of !== undefined && !specAt(collection, aggregate.of.split('.')))
    report(`${pointer}/of`, `the items of ${aggregate.over} have no field ${aggregate.of}`);
  if (aggregate.where) {
    const inner: FormulaScope = {
      over: aggregate.over,
      ...(scope.over && { outer: scope.over }),
    };
    input.checkCondition(aggregate.where, `${pointer}/where`, inner, report);
    collectReferences(aggregate.where, input.conditions, (reference) => {
      if (isGlobalFact(reference.fact)) into.globals.add(reference.fact);
      if (reference.fact === 'outer' && reference.path !== undefined)
        into.ownFields.add(reference.path.split('.')[0]!);
    });
  }
}

/**
 * Checks the facts every rule may use (`facts:`); an object fact's field may use the fields
 * written before it (`convention.signedOn`). Notes what each reads in `uses`.
 */
function checkGlobalFacts(
  input: FactsCheckInput,
  reportAt: ReportAt,
  uses: Map<string, Uses>,
): void {
  for (const [name, fact] of Object.entries(input.facts.facts ?? {})) {
    const into = newUses();
    const report = reportAt(`facts/${name}`);
    if (fact.fields) {
      const earlier = new Set<string>();
      for (const [field, sub] of Object.entries(fact.fields)) {
        const own = newUses();
        checkFact(input, sub, `/facts/${name}/fields/${field}`, { scope: {}, report, into: own });
        own.globals.forEach((g) => into.globals.add(g));
        own.collections.forEach((c) => into.collections.add(c));
        if (own.globals.has(name)) {
          const path = `/facts/${name}/fields/${field}`;
          for (const used of referencedPaths(sub, name))
            if (!earlier.has(used))
              report(path, `${name}.${field} uses ${name}.${used}, which is not written before it`);
        }
        earlier.add(field);
      }
      into.globals.delete(name);
    } else checkFact(input, fact, `/facts/${name}`, { scope: {}, report, into });
    uses.set(`g:${name}`, into);
  }
}

/** A field a collection's items are given: its name, its fact, its entry's key and pointer. */
type DerivedField = [name: string, fact: DerivedFact, key: string, pointer: string];

/** The fields a collection's items are given: a made collection's, then facts.yaml's `fields`. */
function fieldsOf(facts: FactsFile, collection: string): DerivedField[] {
  const out: DerivedField[] = [];
  const made = facts.collections?.[collection];
  for (const [name, fact] of Object.entries(made?.fields ?? {}))
    out.push([
      name,
      fact,
      `collections/${collection}`,
      `/collections/${collection}/fields/${name}`,
    ]);
  for (const [name, fact] of Object.entries(facts.fields?.[collection] ?? {}))
    out.push([name, fact, `fields/${collection}/${name}`, `/fields/${collection}/${name}`]);
  return out;
}

/**
 * Checks the fields given to each collection's items, and the weeks a made collection is made
 * of; each field may use the fields written before it in its collection. Notes what each reads.
 */
function checkCollectionFields(
  input: FactsCheckInput,
  reportAt: ReportAt,
  uses: Map<string, Uses>,
): void {
  const { facts, model } = input;
  const collectionsWithFields = new Set([
    ...Object.keys(facts.fields ?? {}),
    ...Object.keys(facts.collections ?? {}),
  ]);
  for (const collection of collectionsWithFields) {
    if (!ownEntry(model.collections, collection)) {
      reportAt(`fields/${collection}/${Object.keys(facts.fields?.[collection] ?? {})[0] ?? ''}`)(
        `/fields/${collection}`,
        `there is no collection ${collection} (the record's are ${Object.keys(READER_COLLECTIONS).join(', ')})`,
      );
      continue;
    }
    const into = newUses();
    checkFieldsInOrder(input, collection, reportAt, into);
    const made = facts.collections?.[collection];
    if (made) checkMadeWeeks(input, collection, reportAt(`collections/${collection}`), into);
    uses.set(`c:${collection}`, into);
  }
}

/** Checks a collection's fields in the order written: none uses one written after it. */
function checkFieldsInOrder(
  input: FactsCheckInput,
  collection: string,
  reportAt: ReportAt,
  into: Uses,
): void {
  const made = input.facts.collections?.[collection];
  const scope: FormulaScope = { over: collection, ...(made && { owner: made.weeks.each }) };
  const derived = fieldsOf(input.facts, collection);
  const earlier = new Set<string>();
  const large = made !== undefined || READER_COLLECTIONS[collection]?.large === true;
  for (const [name, fact, key, pointer] of derived) {
    const own = newUses();
    checkFact(input, fact, pointer, { scope, report: reportAt(key), into: own });
    for (const field of own.ownFields)
      if (derived.some(([n]) => n === field) && !earlier.has(field))
        reportAt(key)(
          pointer,
          `${name} uses ${field}, which is written after it: write ${field} first`,
        );
    if (large && own.collections.has(collection))
      reportAt(key)(
        pointer,
        `${collection} is read one item at a time: a field of it cannot sum up its other items`,
      );
    earlier.add(name);
    own.globals.forEach((g) => into.globals.add(g));
    own.collections.forEach((c) => c !== collection && into.collections.add(c));
  }
}

/** Checks the weeks of a made collection: the items they are made for, which, from and to when. */
function checkMadeWeeks(
  input: FactsCheckInput,
  collection: string,
  report: Report,
  into: Uses,
): void {
  const weeks = input.facts.collections![collection]!.weeks;
  if (!ownEntry(input.model.collections, weeks.each)) {
    report(`/collections/${collection}/weeks/each`, `there is no collection ${weeks.each}`);
    return;
  }
  const site: Site = { scope: { over: weeks.each }, report, into };
  if (weeks.where) {
    input.checkCondition(weeks.where, `/collections/${collection}/weeks/where`, site.scope, report);
    collectReferences(weeks.where, input.conditions, (r) => {
      if (isGlobalFact(r.fact)) into.globals.add(r.fact);
    });
  }
  checkFormula(input, weeks.from, `/collections/${collection}/weeks/from`, site);
  checkFormula(input, weeks.to, `/collections/${collection}/weeks/to`, site);
  into.collections.add(weeks.each);
}

/** No derived fact depends on itself, through other facts or collections. */
function checkNoCycle(facts: FactsFile, uses: Map<string, Uses>, reportAt: ReportAt): void {
  const edges = (node: string): string[] => {
    const u = uses.get(node);
    if (!u) return [];
    return [
      ...[...u.globals].map((g) => `g:${g}`),
      ...[...u.collections].filter((c) => `c:${c}` !== node).map((c) => `c:${c}`),
    ].filter((n) => uses.has(n));
  };
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(node)), node].map((n) => n.slice(2));
      const [kind, name] = [node.slice(0, 1), node.slice(2)];
      const key = kind === 'g' ? `facts/${name}` : collectionKey(facts, name);
      const pointer = kind === 'g' ? `/facts/${name}` : `/${key.split('/').slice(0, 2).join('/')}`;
      reportAt(key)(pointer, `the derived facts depend on themselves: ${cycle.join(' -> ')}`);
      return;
    }
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of edges(node)) visit(next);
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of uses.keys()) visit(node);
}

/** The first field of a global fact that a derived fact's formulas read. */
function referencedPaths(fact: DerivedFact, global: string): Set<string> {
  const out = new Set<string>();
  const walk = (f: DerivedFact): void => {
    if (f.fields) Object.values(f.fields).forEach(walk);
    if (f.formula !== undefined)
      visitFormula(f.formula, (node) => {
        const n = node as { fact?: unknown; path?: unknown; value?: unknown; operator?: unknown };
        const refs = [
          n,
          ...(n.operator !== undefined && typeof n.value === 'object' ? [n.value as typeof n] : []),
        ];
        for (const r of refs)
          if (r && r.fact === global && typeof r.path === 'string') out.add(r.path.split('.')[0]!);
      });
  };
  walk(fact);
  return out;
}

/** The key of the first entry that writes a collection's fields. */
function collectionKey(facts: FactsFile, collection: string): string {
  if (facts.collections?.[collection]) return `collections/${collection}`;
  const first = Object.keys(facts.fields?.[collection] ?? {})[0] ?? '';
  return `fields/${collection}/${first}`;
}

/** Every fact reference of a condition, following named conditions (once each). */
function collectReferences(
  condition: Condition,
  named: Readonly<Record<string, NamedCondition>>,
  visit: (reference: FactReference) => void,
  seen: Set<string> = new Set(),
): void {
  if ('all' in condition) condition.all.forEach((c) => collectReferences(c, named, visit, seen));
  else if ('any' in condition)
    condition.any.forEach((c) => collectReferences(c, named, visit, seen));
  else if ('not' in condition) collectReferences(condition.not, named, visit, seen);
  else if ('condition' in condition) {
    if (seen.has(condition.condition)) return;
    seen.add(condition.condition);
    const target = ownEntry(named, condition.condition);
    if (target) collectReferences(target.when, named, visit, seen);
  } else {
    visit({ fact: condition.fact, ...(condition.path !== undefined && { path: condition.path }) });
    const value = condition.value;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) visit(value);
  }
}
