/**
 * What the rules of a pack use: each derived fact of its facts.yaml and each parameter is used
 * when a rule reads it (its conditions, the named conditions they name, its messages, its due
 * date and day performed, its deadlines, the places it points at, the collection it judges), or
 * when a derived fact so used reads it, at any depth. What only clausier's reports read (the
 * money summary's total refunded elsewhere) is used only where the pack says so, with
 * `shown: true` on it: lint does not guess from TypeScript what the reports read.
 */
import { kindOf } from '../facts/formula.js';
import { ownEntry } from '../facts/spec.js';
import { ruleConditions } from './pack/conditions.js';
import type { LoadedRule, RulePack } from './pack/types.js';
import { parseTemplate } from './template.js';
import type { Aggregate, Condition, FactReference, Formula } from '../model/expressions.js';
import type { Deadline, DerivedFact } from '../model/pack.js';

/** A derived fact of facts.yaml (or one of its fields), as lint names and locates it. */
export interface FactEntry {
  /** Its name as rules write it: `convention.start`, `programme.refundDue`, `intrapreneurWeeks`. */
  name: string;
  /** What it is: a fact every rule may use, a field of a collection's items, a made collection. */
  kind: 'fact' | 'field' | 'collection';
  /** The entry of `RulePack.factSources` that writes it, and where in that file. */
  key: string;
  pointer: string;
  /** An object fact's fields, by name. */
  fields: Map<string, FactEntry>;
  /** Its formula, with the scope it is read in; none for an object or a made collection. */
  formula?: Formula;
  scope: Scope;
  /** Read by something used: in part (some of its fields) or whole. */
  used?: 'part' | 'whole';
  /** The object fact it is a field of. */
  parent?: FactEntry;
}

/** Where a formula or a condition is read: what `item`, `outer` and `owner` are items of. */
interface Scope {
  item?: string;
  outer?: string;
  owner?: string;
  /** In a rule: its deadlines, by name. */
  deadlines?: Readonly<Record<string, Deadline>>;
}

/** What the rules of a pack leave unused. */
export interface PackUsage {
  /** The derived facts nothing used reads, outermost first (a field of an unused fact is not listed). */
  facts: FactEntry[];
  /** The parameters nothing used reads, by name. */
  parameters: string[];
}

/** The names a placeholder may take besides facts: in every message, and in late messages. */
const MESSAGE_WORDS = new Set(['count', 'due', 'performed', 'daysLate']);

export function packUsage(pack: RulePack): PackUsage {
  const facts = pack.facts;
  const globals = new Map<string, FactEntry>();
  const fields = new Map<string, Map<string, FactEntry>>();
  const made = new Map<string, FactEntry>();

  /** What the pack says its reports show (`shown: true`): used, as if a rule read it. */
  const shown: FactEntry[] = [];
  const entry = (
    name: string,
    kind: FactEntry['kind'],
    key: string,
    pointer: string,
    fact: DerivedFact | undefined,
    scope: Scope,
  ): FactEntry => {
    const out: FactEntry = { name, kind, key, pointer, fields: new Map(), scope };
    if (fact?.formula !== undefined) out.formula = fact.formula;
    if (fact?.shown) shown.push(out);
    for (const [field, sub] of Object.entries(fact?.fields ?? {})) {
      const child = entry(`${name}.${field}`, kind, key, `${pointer}/fields/${field}`, sub, scope);
      child.parent = out;
      out.fields.set(field, child);
    }
    return out;
  };
  for (const [name, fact] of Object.entries(facts.facts ?? {}))
    globals.set(name, entry(name, 'fact', `facts/${name}`, `/facts/${name}`, fact, {}));
  for (const [collection, spec] of Object.entries(facts.collections ?? {})) {
    const scope: Scope = { item: collection, owner: spec.weeks.each };
    made.set(
      collection,
      entry(
        collection,
        'collection',
        `collections/${collection}`,
        `/collections/${collection}`,
        undefined,
        { item: spec.weeks.each },
      ),
    );
    const own = new Map<string, FactEntry>();
    for (const [name, fact] of Object.entries(spec.fields))
      own.set(
        name,
        entry(
          `${collection}.${name}`,
          'field',
          `collections/${collection}`,
          `/collections/${collection}/fields/${name}`,
          fact,
          scope,
        ),
      );
    fields.set(collection, own);
  }
  for (const [collection, written] of Object.entries(facts.fields ?? {})) {
    const owner = facts.collections?.[collection]?.weeks.each;
    const scope: Scope = { item: collection, ...(owner !== undefined && { owner }) };
    const own = fields.get(collection) ?? new Map<string, FactEntry>();
    for (const [name, fact] of Object.entries(written))
      own.set(
        name,
        entry(
          `${collection}.${name}`,
          'field',
          `fields/${collection}/${name}`,
          `/fields/${collection}/${name}`,
          fact,
          scope,
        ),
      );
    fields.set(collection, own);
  }

  const parameters = new Set<string>();
  /** Formulas to read, once each entry is used: a work list, not recursion through entries. */
  const pending: FactEntry[] = [];

  /** Marks an entry used at a path in it: the field the path names, or the whole entry. */
  const use = (target: FactEntry, path: readonly string[]): void => {
    if (target.used === 'whole') return;
    const [first, ...rest] = path;
    const field = first === undefined ? undefined : target.fields.get(first);
    if (field) {
      target.used = 'part';
      use(field, rest);
      return;
    }
    target.used = 'whole';
    for (let up = target.parent; up && up.used === undefined; up = up.parent) up.used = 'part';
    if (target.formula !== undefined) pending.push(target);
    for (const sub of target.fields.values()) use(sub, []);
  };
  /** The items of a collection: made, for a collection the pack makes; dated, for parameters. */
  const useCollection = (collection: string): void => {
    const day = ownEntry(facts.paramsOn, collection);
    const dated = day === undefined ? undefined : fields.get(collection)?.get(day);
    if (dated) use(dated, []);
    const weeks = made.get(collection);
    if (!weeks || weeks.used) return;
    weeks.used = 'whole';
    const spec = facts.collections![collection]!.weeks;
    if (spec.where) readCondition(spec.where, weeks.scope);
    readFormula(spec.from, weeks.scope);
    readFormula(spec.to, weeks.scope);
  };
  /** A field of a collection's items, at a path; the whole item without one. */
  const useField = (collection: string | undefined, path: readonly string[]): void => {
    if (collection === undefined) return;
    useCollection(collection);
    const [first, ...rest] = path;
    const own = fields.get(collection);
    if (first === undefined) {
      for (const field of own?.values() ?? []) use(field, []);
      return;
    }
    // A made week's owner is the item it is made for.
    const owner = facts.collections?.[collection]?.weeks.each;
    if (first === 'owner' && owner !== undefined) {
      useField(owner, rest);
      return;
    }
    const field = own?.get(first);
    if (field) use(field, rest);
  };
  const useParameter = (name: string | undefined): void => {
    if (name !== undefined && Object.hasOwn(pack.parameters, name)) parameters.add(name);
  };

  const readReference = (reference: FactReference, scope: Scope): void => {
    const path =
      reference.path === undefined || reference.path === '' ? [] : reference.path.split('.');
    readPath(reference.fact, path, scope);
  };
  const readPath = (fact: string, path: readonly string[], scope: Scope): void => {
    switch (fact) {
      case 'item':
      case 'outer':
      case 'owner':
        useField(scope[fact], path);
        return;
      case 'params':
        useParameter(path[0]);
        return;
      case 'asOf':
        return;
    }
    // A deadline of the rule: what it is computed from is read with the rule's deadlines.
    if (scope.deadlines && ownEntry(scope.deadlines, fact)) return;
    const global = globals.get(fact);
    if (!global) return;
    use(global, path);
    // Items keyed by a field: `phases.preincubation.end` reads the field end of a phase.
    const keyed = (global.formula as { keyed?: { over: string; key: string } } | undefined)?.keyed;
    if (keyed) useField(keyed.over, path.slice(1));
  };
  const readDotted = (dotted: string, scope: Scope): void => {
    const [fact, ...path] = dotted.split('.');
    if (fact !== undefined && fact !== '') readPath(fact, path, scope);
  };

  /** Named conditions are read where they are used, once for each scope. */
  const expanded = new Set<string>();
  const readCondition = (condition: Condition, scope: Scope): void => {
    if ('all' in condition) condition.all.forEach((c) => readCondition(c, scope));
    else if ('any' in condition) condition.any.forEach((c) => readCondition(c, scope));
    else if ('not' in condition) readCondition(condition.not, scope);
    else if ('condition' in condition) {
      const key = `${condition.condition} ${scope.item} ${scope.outer} ${scope.owner} ${Object.keys(scope.deadlines ?? {}).join(',')}`;
      const named = ownEntry(pack.conditions, condition.condition);
      if (!named || expanded.has(key)) return;
      expanded.add(key);
      readCondition(named.when, scope);
    } else {
      readReference(condition, scope);
      const value = condition.value;
      if (value !== null && typeof value === 'object' && !Array.isArray(value))
        readReference(value, scope);
    }
  };

  const readAggregate = (aggregate: Aggregate, scope: Scope): void => {
    useCollection(aggregate.over);
    if (aggregate.of !== undefined) useField(aggregate.over, aggregate.of.split('.'));
    const inner: Scope = {
      item: aggregate.over,
      ...(scope.item !== undefined && { outer: scope.item }),
    };
    if (aggregate.where) readCondition(aggregate.where, inner);
  };

  const readFormula = (formula: Formula, scope: Scope): void => {
    const f = formula as unknown as Record<string, unknown>;
    const kind = kindOf(formula);
    switch (kind) {
      case 'fact':
        readReference(formula as FactReference, scope);
        return;
      case 'value':
        return;
      case 'comparison':
      case 'condition':
        readCondition(formula as Condition, scope);
        return;
      case 'if':
        readCondition(f.if as Condition, scope);
        readFormula(f.then as Formula, scope);
        readFormula(f.else as Formula, scope);
        return;
      case 'keyed': {
        const spec = f.keyed as { over: string; key: string };
        useField(spec.over, [spec.key]);
        return;
      }
      case 'addPeriod': {
        const spec = f.addPeriod as { to: Formula; period: FactReference };
        readFormula(spec.to, scope);
        readReference(spec.period, scope);
        return;
      }
      case 'place': {
        const spec = f.place as { in: Formula; at: (string | Formula)[] };
        readFormula(spec.in, scope);
        for (const k of spec.at) if (typeof k !== 'string') readFormula(k, scope);
        return;
      }
      case 'unknown':
        readFormula(f.unknown as Formula, scope);
        return;
      default: {
        const body = f[kind];
        if (Array.isArray(body)) {
          for (const g of body) readFormula(g as Formula, scope);
          return;
        }
        const spec = body as Record<string, unknown>;
        if (typeof spec.over === 'string') {
          readAggregate(spec as unknown as Aggregate, scope);
          if (kind === 'reachedOn') {
            useField(spec.over, (spec.on as string).split('.'));
            readFormula(spec.amount as Formula, scope);
          }
          return;
        }
        // valueAt, countDates: each part a formula.
        for (const value of Object.values(spec))
          if (value !== null && typeof value === 'object') readFormula(value as Formula, scope);
      }
    }
  };

  const readRule = (rule: LoadedRule): void => {
    const scope: Scope = { item: rule.over, deadlines: rule.deadlines ?? {} };
    useCollection(rule.over);
    for (const { condition } of ruleConditions(rule)) readCondition(condition, scope);
    for (const reference of [rule.due.by, rule.due.performedOn])
      if (reference) readReference(reference, scope);
    // Its deadlines are computed for each item it judges, whether or not it reads them.
    for (const deadline of Object.values(rule.deadlines ?? {})) {
      readDotted(deadline.from, scope);
      useParameter(deadline.add);
    }
    // Where a finding points: the places the rule names, and the item's own place otherwise.
    const places = [
      'pointer',
      ...(rule.due.locations ?? []),
      ...rule.breaches.flatMap((b) => b.locations ?? []),
    ];
    for (const place of places) useField(rule.over, [place]);
    const messages = [...Object.values(rule.messages), ...rule.breaches.map((b) => b.message)];
    for (const message of messages)
      for (const text of [message.fr, message.en]) {
        const parsed = parseTemplate(text);
        if ('problem' in parsed) continue;
        for (const placeholder of parsed.placeholders)
          if (!MESSAGE_WORDS.has(placeholder.path)) readDotted(placeholder.path, scope);
      }
  };

  for (const rule of pack.rules) readRule(rule);
  // A collection the reports show is shown with its fields.
  for (const [collection, spec] of Object.entries(facts.collections ?? {}))
    if (spec.shown) useField(collection, []);
  for (const e of shown) {
    if (e.scope.item !== undefined) useCollection(e.scope.item);
    use(e, []);
  }
  for (const [name, parameter] of Object.entries(pack.parameters))
    if (parameter.definition.shown) useParameter(name);
  for (let next = pending.pop(); next; next = pending.pop()) readFormula(next.formula!, next.scope);

  const unused: FactEntry[] = [];
  const collect = (e: FactEntry): void => {
    if (e.used === undefined) unused.push(e);
    else if (e.used === 'part') e.fields.forEach(collect);
  };
  globals.forEach(collect);
  made.forEach(collect);
  // The fields of a made collection nothing reads are not said again.
  fields.forEach((own, collection) => {
    if (made.get(collection)?.used !== undefined || !made.has(collection)) own.forEach(collect);
  });
  return {
    facts: unused,
    parameters: Object.keys(pack.parameters).filter((name) => !parameters.has(name)),
  };
}
