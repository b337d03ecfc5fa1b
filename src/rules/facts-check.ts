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

/** A derived fact's dependencies: the global facts and collections it reads. */
interface Uses {
  globals: Set<string>;
  collections: Set<string>;
  /** Fields of its own collection's items it reads, by name. */
  ownFields: Set<string>;
}

export function checkFacts(input: FactsCheckInput): Problem[] {
  const { facts, model } = input;
  const problems: Problem[] = [];
  const reportAt =
    (key: string) =>
    (pointer: string, message: string): void => {
      problems.push({ ...input.locate(key, pointer), message });
    };

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

  const uses = new Map<string, Uses>();
  const checkFact = (
    fact: DerivedFact,
    pointer: string,
    scope: FormulaScope,
    report: (pointer: string, message: string) => void,
    into: Uses,
  ): void => {
    if (fact.fields) {
      for (const [name, field] of Object.entries(fact.fields))
        checkFact(field, `${pointer}/fields/${name}`, scope, report, into);
      return;
    }
    if (fact.formula === undefined) {
      report(pointer, 'a derived fact has a formula, or fields that have one');
      return;
    }
    checkFormula(fact.formula, `${pointer}/formula`, scope, report, into);
  };

  const checkFormula = (
    formula: Formula,
    pointer: string,
    scope: FormulaScope,
    report: (pointer: string, message: string) => void,
    into: Uses,
  ): void => {
    const f = formula as unknown as Record<string, unknown>;
    const kind = kindOf(formula);
    const note = (reference: FactReference): void => {
      if (reference.fact === 'item' && reference.path !== undefined)
        into.ownFields.add(reference.path.split('.')[0]!);
      else if (!['item', 'outer', 'owner', 'params', 'asOf'].includes(reference.fact))
        into.globals.add(reference.fact);
    };
    const sub = (g: Formula, at: string, inner: FormulaScope = scope): void =>
      checkFormula(g, at, inner, report, into);
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
        const collection = ownEntry(model.collections, spec.over);
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
      case 'place': {
        const spec = f.place as { in: Formula; at: (string | Formula)[] };
        sub(spec.in, `${pointer}/place/in`);
        spec.at.forEach((k, i) => {
          if (typeof k !== 'string') sub(k, `${pointer}/place/at/${i}`);
        });
        return;
      }
      default: {
        const body = f[kind];
        if (Array.isArray(body)) {
          body.forEach((g, i) => sub(g as Formula, `${pointer}/${kind}/${i}`));
          return;
        }
        if (body === null || typeof body !== 'object') return;
        const spec = body as Record<string, unknown>;
        if (typeof spec.over === 'string') {
          checkAggregate(spec as unknown as Aggregate, `${pointer}/${kind}`, scope, report, into);
          if (kind === 'reachedOn') {
            const on = spec.on as string;
            if (
              specAt(ownEntry(model.collections, spec.over as string), on.split('.'))?.type !==
              'date'
            )
              report(
                `${pointer}/${kind}/on`,
                `the items of ${String(spec.over)} have no date ${on}`,
              );
            sub(spec.amount as Formula, `${pointer}/${kind}/amount`);
          }
          return;
        }
        for (const [key, value] of Object.entries(spec))
          if (value !== null && typeof value === 'object')
            sub(value as Formula, `${pointer}/${kind}/${key}`);
      }
    }
  };

  const checkAggregate = (
    aggregate: Aggregate,
    pointer: string,
    scope: FormulaScope,
    report: (pointer: string, message: string) => void,
    into: Uses,
  ): void => {
    const collection = ownEntry(model.collections, aggregate.over);
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
        if (!['item', 'outer', 'owner', 'params', 'asOf'].includes(reference.fact))
          into.globals.add(reference.fact);
        if (reference.fact === 'outer' && reference.path !== undefined)
          into.ownFields.add(reference.path.split('.')[0]!);
      });
    }
  };

  const newUses = (): Uses => ({
    globals: new Set(),
    collections: new Set(),
    ownFields: new Set(),
  });
  for (const [name, fact] of Object.entries(facts.facts ?? {})) {
    const into = newUses();
    const report = reportAt(`facts/${name}`);
    if (fact.fields) {
      // An object fact's field may use the fields written before it (`convention.signedOn`).
      const earlier = new Set<string>();
      for (const [field, sub] of Object.entries(fact.fields)) {
        const own = newUses();
        checkFact(sub, `/facts/${name}/fields/${field}`, {}, report, own);
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
    } else checkFact(fact, `/facts/${name}`, {}, report, into);
    uses.set(`g:${name}`, into);
  }

  // A collection's fields: each may use the fields written before it in its collection.
  const fieldsOf = (collection: string): [string, DerivedFact, string, string][] => {
    const out: [string, DerivedFact, string, string][] = [];
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
  };
  const collectionsWithFields = new Set([
    ...Object.keys(facts.fields ?? {}),
    ...Object.keys(facts.collections ?? {}),
  ]);
  for (const collection of collectionsWithFields) {
    const spec = ownEntry(model.collections, collection);
    if (!spec) {
      reportAt(`fields/${collection}/${Object.keys(facts.fields?.[collection] ?? {})[0] ?? ''}`)(
        `/fields/${collection}`,
        `there is no collection ${collection} (the record's are ${Object.keys(READER_COLLECTIONS).join(', ')})`,
      );
      continue;
    }
    const made = facts.collections?.[collection];
    const scope: FormulaScope = { over: collection, ...(made && { owner: made.weeks.each }) };
    const into = newUses();
    const derived = fieldsOf(collection);
    const earlier = new Set<string>();
    const large = made !== undefined || READER_COLLECTIONS[collection]?.large === true;
    for (const [name, fact, key, pointer] of derived) {
      const own = newUses();
      checkFact(fact, pointer, scope, reportAt(key), own);
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
    if (made) {
      const report = reportAt(`collections/${collection}`);
      const weeks = made.weeks;
      if (!ownEntry(model.collections, weeks.each))
        report(`/collections/${collection}/weeks/each`, `there is no collection ${weeks.each}`);
      else {
        const ownerScope: FormulaScope = { over: weeks.each };
        if (weeks.where) {
          input.checkCondition(
            weeks.where,
            `/collections/${collection}/weeks/where`,
            ownerScope,
            report,
          );
          collectReferences(weeks.where, input.conditions, (r) => {
            if (!['item', 'outer', 'owner', 'params', 'asOf'].includes(r.fact))
              into.globals.add(r.fact);
          });
        }
        checkFormula(weeks.from, `/collections/${collection}/weeks/from`, ownerScope, report, into);
        checkFormula(weeks.to, `/collections/${collection}/weeks/to`, ownerScope, report, into);
        into.collections.add(weeks.each);
      }
    }
    uses.set(`c:${collection}`, into);
  }

  // No derived fact depends on itself, through other facts or collections.
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
  return problems;
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
