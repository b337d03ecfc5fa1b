/**
 * What the rules of a pack use: each derived fact of its facts.yaml and each parameter is used
 * when a rule reads it (its conditions, the named conditions they name, its messages, its due
 * date and day performed, its deadlines, the places it points at, the collection it judges), or
 * when a derived fact so used reads it, at any depth. What only clausier's reports read (the
 * money summary's total refunded elsewhere) is used only where the pack says so, with
 * `shown: true` on it: lint does not guess from TypeScript what the reports read.
 */
import { kindOf } from '../facts/formula.js';
import { pathSegments, splitDotted } from '../facts/missing.js';
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

/** A pack's derived facts as entries to mark used: global facts, collections' fields, made collections. */
interface FactEntries {
  globals: Map<string, FactEntry>;
  /** The fields given to each collection's items, by collection and name. */
  fields: Map<string, Map<string, FactEntry>>;
  made: Map<string, FactEntry>;
  /** What the pack says its reports show (`shown: true`): used, as if a rule read it. */
  shown: FactEntry[];
}

/** Finds what the rules of a pack (and what its reports show) leave unused. */
export function packUsage(pack: RulePack): PackUsage {
  const entries = factEntries(pack.facts);
  const walk = new UsageWalk(pack, entries);
  walk.readPack();
  return {
    facts: unusedEntries(entries),
    parameters: Object.keys(pack.parameters).filter((name) => !walk.parameters.has(name)),
  };
}

/** The entry of a derived fact, with one for each of its fields, at any depth. */
function entry(
  shown: FactEntry[],
  name: string,
  kind: FactEntry['kind'],
  key: string,
  pointer: string,
  fact: DerivedFact | undefined,
  scope: Scope,
): FactEntry {
  const out: FactEntry = { name, kind, key, pointer, fields: new Map(), scope };
  if (fact?.formula !== undefined) out.formula = fact.formula;
  if (fact?.shown) shown.push(out);
  for (const [field, sub] of Object.entries(fact?.fields ?? {})) {
    const child = entry(
      shown,
      `${name}.${field}`,
      kind,
      key,
      `${pointer}/fields/${field}`,
      sub,
      scope,
    );
    child.parent = out;
    out.fields.set(field, child);
  }
  return out;
}

/** The entries of every derived fact of a facts.yaml, none used yet. */
function factEntries(facts: RulePack['facts']): FactEntries {
  const globals = new Map<string, FactEntry>();
  const fields = new Map<string, Map<string, FactEntry>>();
  const made = new Map<string, FactEntry>();
  const shown: FactEntry[] = [];
  for (const [name, fact] of Object.entries(facts.facts ?? {}))
    globals.set(name, entry(shown, name, 'fact', `facts/${name}`, `/facts/${name}`, fact, {}));
  for (const [collection, spec] of Object.entries(facts.collections ?? {})) {
    const scope: Scope = { item: collection, owner: spec.weeks.each };
    made.set(
      collection,
      entry(
        shown,
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
          shown,
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
          shown,
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
  return { globals, fields, made, shown };
}

/** The entries nothing used reads, outermost first; a made collection's fields only if it is read. */
function unusedEntries({ globals, fields, made }: FactEntries): FactEntry[] {
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
  return unused;
}

/**
 * A walk through what a pack's rules read, marking the entries and parameters they use; the
 * formulas of entries used are read in turn, from a work list, not by recursion through entries.
 */
class UsageWalk {
  /** The parameters read, by name. */
  readonly parameters = new Set<string>();
  /** Entries used whose formulas are still to be read. */
  private readonly pending: FactEntry[] = [];
  /** Named conditions are read where they are used, once for each scope. */
  private readonly expanded = new Set<string>();
  private readonly pack: RulePack;
  private readonly facts: RulePack['facts'];
  private readonly entries: FactEntries;

  constructor(pack: RulePack, entries: FactEntries) {
    this.pack = pack;
    this.facts = pack.facts;
    this.entries = entries;
  }

  /** Reads every rule, then what the pack says its reports show, then the formulas of what is used. */
  readPack(): void {
    const { pack, facts } = this;
    for (const rule of pack.rules) this.readRule(rule);
    // A collection the reports show is shown with its fields.
    for (const [collection, spec] of Object.entries(facts.collections ?? {}))
      if (spec.shown) this.useField(collection, []);
    for (const e of this.entries.shown) {
      if (e.scope.item !== undefined) this.useCollection(e.scope.item);
      this.use(e, []);
    }
    for (const [name, parameter] of Object.entries(pack.parameters))
      if (parameter.definition.shown) this.useParameter(name);
    for (let next = this.pending.pop(); next; next = this.pending.pop())
      this.readFormula(next.formula!, next.scope);
  }

  /** Marks an entry used at a path in it: the field the path names, or the whole entry. */
  private use(target: FactEntry, path: readonly string[]): void {
    if (target.used === 'whole') return;
    const [first, ...rest] = path;
    const field = first === undefined ? undefined : target.fields.get(first);
    if (field) {
      target.used = 'part';
      this.use(field, rest);
      return;
    }
    target.used = 'whole';
    for (let up = target.parent; up && up.used === undefined; up = up.parent) up.used = 'part';
    if (target.formula !== undefined) this.pending.push(target);
    for (const sub of target.fields.values()) this.use(sub, []);
  }

  /** The items of a collection: made, for a collection the pack makes; dated, for parameters. */
  private useCollection(collection: string): void {
    const { facts } = this;
    const day = ownEntry(facts.paramsOn, collection);
    const dated = day === undefined ? undefined : this.entries.fields.get(collection)?.get(day);
    if (dated) this.use(dated, []);
    const weeks = this.entries.made.get(collection);
    if (!weeks || weeks.used) return;
    weeks.used = 'whole';
    const spec = facts.collections![collection]!.weeks;
    if (spec.where) this.readCondition(spec.where, weeks.scope);
    this.readFormula(spec.from, weeks.scope);
    this.readFormula(spec.to, weeks.scope);
  }

  /** A field of a collection's items, at a path; the whole item without one. */
  private useField(collection: string | undefined, path: readonly string[]): void {
    if (collection === undefined) return;
    this.useCollection(collection);
    const [first, ...rest] = path;
    const own = this.entries.fields.get(collection);
    if (first === undefined) {
      for (const field of own?.values() ?? []) this.use(field, []);
      return;
    }
    // A made week's owner is the item it is made for.
    const owner = this.facts.collections?.[collection]?.weeks.each;
    if (first === 'owner' && owner !== undefined) {
      this.useField(owner, rest);
      return;
    }
    const field = own?.get(first);
    if (field) this.use(field, rest);
  }

  /** Marks a parameter of the pack used. */
  private useParameter(name: string | undefined): void {
    if (name !== undefined && Object.hasOwn(this.pack.parameters, name)) this.parameters.add(name);
  }

  /** Reads a fact reference `{ fact, path }`. */
  private readReference(reference: FactReference, scope: Scope): void {
    this.readPath(reference.fact, pathSegments(reference.path), scope);
  }

  /** Reads a fact at a path: an item's field, a parameter, or a global fact. */
  private readPath(fact: string, path: readonly string[], scope: Scope): void {
    switch (fact) {
      case 'item':
      case 'outer':
      case 'owner':
        this.useField(scope[fact], path);
        return;
      case 'params':
        this.useParameter(path[0]);
        return;
      case 'asOf':
        return;
    }
    // A deadline of the rule: what it is computed from is read with the rule's deadlines.
    if (scope.deadlines && ownEntry(scope.deadlines, fact)) return;
    const global = this.entries.globals.get(fact);
    if (!global) return;
    this.use(global, path);
    // Items keyed by a field: `phases.preincubation.end` reads the field end of a phase.
    const keyed = (global.formula as { keyed?: { over: string; key: string } } | undefined)?.keyed;
    if (keyed) this.useField(keyed.over, path.slice(1));
  }

  /** Reads a dotted reference `fact.path` (as in deadlines and messages). */
  private readDotted(dotted: string, scope: Scope): void {
    const { fact, path } = splitDotted(dotted);
    if (fact !== '') this.readPath(fact, path, scope);
  }

  /** Reads every fact a condition compares, and the named conditions it uses. */
  private readCondition(condition: Condition, scope: Scope): void {
    if ('all' in condition) condition.all.forEach((c) => this.readCondition(c, scope));
    else if ('any' in condition) condition.any.forEach((c) => this.readCondition(c, scope));
    else if ('not' in condition) this.readCondition(condition.not, scope);
    else if ('condition' in condition) {
      const key = `${condition.condition} ${scope.item} ${scope.outer} ${scope.owner} ${Object.keys(scope.deadlines ?? {}).join(',')}`;
      const named = ownEntry(this.pack.conditions, condition.condition);
      if (!named || this.expanded.has(key)) return;
      this.expanded.add(key);
      this.readCondition(named.when, scope);
    } else {
      this.readReference(condition, scope);
      const value = condition.value;
      if (value !== null && typeof value === 'object' && !Array.isArray(value))
        this.readReference(value, scope);
    }
  }

  /** Reads an aggregate: its collection, its field, and its `where` over the collection's items. */
  private readAggregate(aggregate: Aggregate, scope: Scope): void {
    this.useCollection(aggregate.over);
    if (aggregate.of !== undefined) this.useField(aggregate.over, aggregate.of.split('.'));
    const inner: Scope = {
      item: aggregate.over,
      ...(scope.item !== undefined && { outer: scope.item }),
    };
    if (aggregate.where) this.readCondition(aggregate.where, inner);
  }

  /** Reads what a formula reads, in each of its parts. */
  private readFormula(formula: Formula, scope: Scope): void {
    const f = formula as unknown as Record<string, unknown>;
    const kind = kindOf(formula);
    switch (kind) {
      case 'fact':
        this.readReference(formula as FactReference, scope);
        return;
      case 'value':
        return;
      case 'comparison':
      case 'condition':
        this.readCondition(formula as Condition, scope);
        return;
      case 'if':
        this.readCondition(f.if as Condition, scope);
        this.readFormula(f.then as Formula, scope);
        this.readFormula(f.else as Formula, scope);
        return;
      case 'keyed': {
        const spec = f.keyed as { over: string; key: string };
        this.useField(spec.over, [spec.key]);
        return;
      }
      case 'addPeriod': {
        const spec = f.addPeriod as { to: Formula; period: FactReference };
        this.readFormula(spec.to, scope);
        this.readReference(spec.period, scope);
        return;
      }
      case 'place': {
        const spec = f.place as { in: Formula; at: (string | Formula)[] };
        this.readFormula(spec.in, scope);
        for (const k of spec.at) if (typeof k !== 'string') this.readFormula(k, scope);
        return;
      }
      case 'unknown':
        this.readFormula(f.unknown as Formula, scope);
        return;
      default:
        this.readMechanism(kind, f[kind], scope);
    }
  }

  /** Reads the body of a mechanism: a list of formulas, an aggregate, or named formulas. */
  private readMechanism(kind: string, body: unknown, scope: Scope): void {
    if (Array.isArray(body)) {
      for (const g of body) this.readFormula(g as Formula, scope);
      return;
    }
    const spec = body as Record<string, unknown>;
    if (typeof spec.over === 'string') {
      this.readAggregate(spec as unknown as Aggregate, scope);
      if (kind === 'reachedOn') {
        this.useField(spec.over, (spec.on as string).split('.'));
        this.readFormula(spec.amount as Formula, scope);
      }
      return;
    }
    // valueAt, countDates: each part a formula.
    for (const value of Object.values(spec))
      if (value !== null && typeof value === 'object') this.readFormula(value as Formula, scope);
  }

  /** Reads what a rule reads: its collection, conditions, due date, deadlines, places and messages. */
  private readRule(rule: LoadedRule): void {
    const scope: Scope = { item: rule.over, deadlines: rule.deadlines ?? {} };
    this.useCollection(rule.over);
    for (const { condition } of ruleConditions(rule)) this.readCondition(condition, scope);
    for (const reference of [rule.due.by, rule.due.performedOn])
      if (reference) this.readReference(reference, scope);
    // Its deadlines are computed for each item it judges, whether or not it reads them.
    for (const deadline of Object.values(rule.deadlines ?? {})) {
      this.readDotted(deadline.from, scope);
      this.useParameter(deadline.add);
    }
    // Where a finding points: the places the rule names, and the item's own place otherwise.
    const places = [
      'pointer',
      ...(rule.due.locations ?? []),
      ...rule.breaches.flatMap((b) => b.locations ?? []),
    ];
    for (const place of places) this.useField(rule.over, [place]);
    const messages = [...Object.values(rule.messages), ...rule.breaches.map((b) => b.message)];
    for (const message of messages)
      for (const text of [message.fr, message.en]) {
        const parsed = parseTemplate(text);
        if ('problem' in parsed) continue;
        for (const placeholder of parsed.placeholders)
          if (!MESSAGE_WORDS.has(placeholder.path)) this.readDotted(placeholder.path, scope);
      }
  }
}
