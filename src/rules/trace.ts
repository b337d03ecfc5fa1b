/**
 * Why a finding is what it is: the chain from the record's values (with where they are written)
 * through the parameters (with their clauses) and the pack's derived facts (with their formulas
 * and values) to the comparisons that decided its status. Built on demand, after the judgement,
 * by evaluating again the facts the rule reads: the judgement itself never pays for it.
 */
import type { TraceNode } from '../model/trace.js';
import type { Facts, Item } from '../facts/derive.js';
import { parseCalendarDate } from '../base/calendar.js';
import {
  addPeriodToDate,
  compileCondition,
  compileFormula,
  kindOf,
  type Compiled,
  type Row,
  type Scope,
} from '../facts/formula.js';
import { isMissing } from '../facts/missing.js';
import { READER_COLLECTIONS, READER_GLOBALS } from '../facts/reader.js';
import { ownEntry, specAt } from '../facts/spec.js';
import { joinPointer } from '../base/pointer.js';
import { conditionInWords, formulaInWords, referenceInWords, type WordScope } from './describe.js';
import type { LoadedRule, RulePack } from './pack/types.js';
import { parseTemplate } from './template.js';
import { type Language } from '../base/language.js';
import type { Aggregate, Condition, FactReference, Formula } from '../model/expressions.js';
import type { BreachCase, DerivedFact, Localized } from '../model/pack.js';

/** What a finding's trace is built from (see evaluate.ts). */
export interface TraceRequest {
  pack: RulePack;
  rule: LoadedRule;
  facts: Facts;
  /** The item judged, for a finding on one item. */
  item?: Item;
  status: string;
  /** The breach case, for a breach. */
  breach?: BreachCase;
  late?: boolean;
  /** For an undetermined finding: the fields the record lacks. */
  missing?: readonly string[];
  /** For a finding that sums up items: how many. */
  count?: number;
}

const both = (f: (language: Language) => string): Localized => ({ fr: f('fr'), en: f('en') });
const MAX_ITEMS = 50;
const MAX_DEPTH = 6;

const STATUS_WORDS: Record<string, Localized> = {
  breach: { fr: 'manquement', en: 'breach' },
  late: { fr: 'manquement : exécutée en retard', en: 'breach: performed late' },
  undetermined: { fr: 'indéterminée', en: 'undetermined' },
  pending: { fr: 'en attente', en: 'pending' },
  satisfied: { fr: 'respectée', en: 'satisfied' },
  'not-applicable': { fr: 'sans objet', en: 'not applicable' },
};
const W = {
  due: { fr: 'l’échéance est passée', en: 'the due date has passed' },
  notDue: { fr: 'l’échéance n’est pas passée', en: 'the due date has not passed' },
  performedAfter: {
    fr: 'exécutée après son échéance',
    en: 'performed after its due date',
  },
  unknownFields: {
    fr: 'le dossier ne renseigne pas',
    en: 'the record does not give',
  },
  items: (n: number): Localized => ({
    fr: `${n} élément(s), aucun en manquement`,
    en: `${n} item(s), none in breach`,
  }),
  applies: { fr: 's’applique si', en: 'applies if' },
  notApplies: { fr: 'ne s’applique pas :', en: 'does not apply:' },
  performed: { fr: 'exécutée :', en: 'performed:' },
  about: { fr: 'le constat porte sur', en: 'the finding is about' },
};

/** JSON-safe value: an unknown one names what the record lacks. */
const plain = (value: unknown): unknown =>
  isMissing(value) ? { missing: value.pointers } : value === undefined ? null : value;

/** Builds the trace of a finding. */
export function traceOf(request: TraceRequest): TraceNode {
  return new TraceBuilder(request).decision();
}

class TraceBuilder {
  private readonly expanded = new Set<string>();
  private readonly compiled = new WeakMap<object, Compiled>();
  private readonly base: Scope;
  private readonly deadlines: Record<string, unknown>;

  constructor(private readonly request: TraceRequest) {
    const { facts } = request;
    this.base = {
      asOf: facts.globals.asOf as string,
      params: facts.parameters.at(request.item?.paramDay ?? facts.asOf),
      global: (name) => facts.globals[name],
      collection: (name) => rowsOf(facts, name),
      counting: (name) => facts.parameters.counting(name),
      ...(request.item && { item: request.item.values }),
    };
    this.deadlines = {};
    for (const [name, deadline] of Object.entries(request.rule.deadlines ?? {})) {
      const [fact, ...path] = deadline.from.split('.');
      const from = this.value({ fact: fact!, path: path.join('.') }, this.base);
      const period = this.base.params[deadline.add];
      this.deadlines[name] =
        isMissing(from) || typeof period !== 'string'
          ? (from ?? null)
          : addPeriodToDate(
              (from as string | null) ?? null,
              period,
              facts.parameters.counting(deadline.add),
            );
    }
  }

  /** The finding's status, and the conditions and facts it rests on. */
  decision(): TraceNode {
    const { rule, status, breach, late, missing, count, item } = this.request;
    const due = rule.due;
    const inputs: TraceNode[] = [];
    const words = (): Localized => {
      const base = STATUS_WORDS[late ? 'late' : status] ?? { fr: status, en: status };
      return breach && !late
        ? { fr: `${base.fr} (${breach.id})`, en: `${base.en} (${breach.id})` }
        : base;
    };
    if (status === 'undetermined') {
      for (const pointer of missing ?? [])
        inputs.push({
          kind: 'record',
          words: W.unknownFields,
          value: { missing: [pointer] },
          pointer,
        });
    } else if (late) {
      inputs.push(this.reference(due.by!, this.base));
      inputs.push(this.reference(due.performedOn!, this.base));
      inputs.push({ kind: 'comparison', words: W.performedAfter, holds: true });
    } else if (breach) {
      inputs.push(this.condition(breach.when, this.base));
      if (!breach.beforeDue) inputs.push(...this.dueInputs());
    } else if (item) {
      if (rule.applies) {
        const node = this.condition(rule.applies, this.base);
        inputs.push(
          status === 'not-applicable'
            ? { ...node, words: prefix(W.notApplies, node.words) }
            : { ...node, words: prefix(W.applies, node.words) },
        );
      }
      if (status === 'pending' || status === 'satisfied') {
        if (due.performed) {
          const node = this.condition(due.performed, this.base);
          inputs.push({ ...node, words: prefix(W.performed, node.words) });
        }
        if (due.performedOn) inputs.push(this.reference(due.performedOn, this.base));
        inputs.push(...this.dueInputs());
        if (status === 'satisfied')
          for (const c of rule.breaches) inputs.push(this.condition(c.when, this.base));
      }
    } else {
      inputs.push({ kind: 'value', words: W.items(count ?? 0), value: count ?? 0 });
      for (const name of rule.parameters ?? [])
        inputs.push(this.reference({ fact: 'params', path: name }, this.base));
    }
    const about = breach ? this.about(breach.message, inputs) : undefined;
    if (about) inputs.unshift(about);
    return { kind: 'decision', words: words(), inputs };
  }

  /** What a breach's message names that the conditions do not read: the item, its date. */
  private about(message: Localized, traced: readonly TraceNode[]): TraceNode | undefined {
    const names = new Set<string>();
    const collect = (node: TraceNode): void => {
      if (node.name !== undefined) names.add(node.name);
      node.inputs?.forEach(collect);
    };
    traced.forEach(collect);
    const parsed = parseTemplate(message.fr);
    if ('problem' in parsed) return undefined;
    const inputs: TraceNode[] = [];
    for (const { path: name } of parsed.placeholders) {
      if (names.has(name)) continue;
      names.add(name);
      const [fact, ...path] = name.split('.');
      if (!this.knows(fact!)) continue;
      inputs.push(
        this.reference(
          { fact: fact!, ...(path.length > 0 && { path: path.join('.') }) },
          this.base,
          MAX_DEPTH,
        ),
      );
    }
    return inputs.length > 0 ? { kind: 'about', words: W.about, inputs } : undefined;
  }

  /** Whether a fact's name is one a trace can read. */
  private knows(fact: string): boolean {
    const { pack, rule } = this.request;
    return (
      (fact === 'item' && this.request.item !== undefined) ||
      fact === 'params' ||
      fact === 'asOf' ||
      Object.hasOwn(READER_GLOBALS, fact) ||
      Object.hasOwn(pack.facts.facts ?? {}, fact) ||
      Object.hasOwn(rule.deadlines ?? {}, fact)
    );
  }

  /** Clause ids, and how a lawyer cites them. */
  private clauses(ids: readonly string[] | undefined): { clauses?: string[]; cite?: string } {
    if (!ids || ids.length === 0) return {};
    const { pack } = this.request;
    return {
      clauses: [...ids],
      cite: ids.map((id) => pack.clause(id)?.cite ?? id).join(' ; '),
    };
  }

  /** When the rule falls due: its date and the evaluation date, or its condition. */
  private dueInputs(): TraceNode[] {
    const due = this.request.rule.due;
    if (due.by) {
      const date = this.value(due.by, this.base);
      const asOf = this.base.asOf;
      const holds = typeof date === 'string' ? asOf > date : false;
      return [
        {
          kind: 'comparison',
          words: holds ? W.due : W.notDue,
          holds,
          inputs: [this.reference({ fact: 'asOf' }, this.base), this.reference(due.by, this.base)],
        },
      ];
    }
    if (due.when) return [this.condition(due.when, this.base)];
    return [];
  }

  private compile(formula: Formula): Compiled {
    let compiled = this.compiled.get(formula);
    if (!compiled) {
      const { pack } = this.request;
      compiled = compileFormula(formula, {
        placeOf: (collection, field) => READER_COLLECTIONS[collection]?.fields[field]?.at,
        conditions: pack.conditions,
      });
      this.compiled.set(formula, compiled);
    }
    return compiled;
  }

  /** A fact's value in a scope, as rules and formulas read it. */
  private value(reference: FactReference, scope: Scope): unknown {
    if (Object.hasOwn(this.deadlines, reference.fact)) return this.deadlines[reference.fact];
    return this.compile(reference)(scope);
  }

  /** A condition: whether it held, part by part, each comparison with its facts. */
  condition(condition: Condition, scope: TraceScope): TraceNode {
    const holds = (c: Condition): boolean | 'unknown' => {
      const v = compileCondition(c, {
        placeOf: () => undefined,
        conditions: this.request.pack.conditions,
      })(this.withDeadlines(scope));
      return isMissing(v) ? 'unknown' : v === true;
    };
    const words = both((language) =>
      conditionInWords(condition, this.request.pack, language, this.scopeWords(scope))
        .map((l) => l.trim().replace(/^- /, ''))
        .join(' '),
    );
    if ('all' in condition || 'any' in condition || 'not' in condition) {
      const parts =
        'all' in condition ? condition.all : 'any' in condition ? condition.any : [condition.not];
      return {
        kind: 'group',
        words,
        operator: 'all' in condition ? 'all' : 'any' in condition ? 'any' : 'not',
        holds: holds(condition),
        inputs: parts.map((c) => this.condition(c, scope)),
      };
    }
    if ('condition' in condition) {
      const named = ownEntry(this.request.pack.conditions, condition.condition);
      return {
        kind: 'group',
        words,
        operator: 'condition',
        name: condition.condition,
        holds: holds(condition),
        ...(named && { inputs: [this.condition(named.when, scope)] }),
      };
    }
    const inputs = [
      this.reference(
        { fact: condition.fact, ...(condition.path !== undefined && { path: condition.path }) },
        scope,
      ),
    ];
    const value = condition.value;
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      inputs.push(this.reference(value, scope));
    else inputs.push({ kind: 'value', words: { fr: 'valeur écrite', en: 'value written' }, value });
    return { kind: 'comparison', words, holds: holds(condition), inputs };
  }

  /** A scope whose facts include the rule's deadlines (conditions read them as facts). */
  private withDeadlines(scope: Scope): Scope {
    const deadlines = this.deadlines;
    const out = Object.create(scope) as Scope;
    out.global = (name) => (Object.hasOwn(deadlines, name) ? deadlines[name] : scope.global(name));
    return out;
  }

  private scopeWords(scope: TraceScope): WordScope {
    return {
      over: scope.over ?? this.request.rule.over,
      ...(scope.outerOver !== undefined && { outer: scope.outerOver }),
      ...(scope.ownerOver !== undefined && { owner: scope.ownerOver }),
      ...(this.request.rule.deadlines && { deadlines: this.request.rule.deadlines }),
    };
  }

  /** A fact a condition or formula reads, and, for a derived one, how it was worked out. */
  reference(reference: FactReference, scope: TraceScope, depth = 0): TraceNode {
    const { pack, rule, facts } = this.request;
    const path = reference.path ? reference.path.split('.') : [];
    const name = [reference.fact, ...path].join('.');
    const value = this.value(reference, this.withDeadlines(scope));
    const words = both((language) =>
      stripName(referenceInWords(reference, this.scopeWords(scope), pack, language)),
    );
    const node: TraceNode = { kind: 'record', name, words, value: plain(value) };
    if (reference.fact === 'asOf') return { ...node, kind: 'asOf', type: 'date' };
    if (reference.fact === 'params') {
      const parameter = ownEntry(pack.parameters, path[0] ?? '');
      return {
        ...node,
        kind: 'parameter',
        ...(parameter && {
          type: parameter.type,
          ...this.clauses(parameter.definition.clauses),
          words: parameter.definition.description,
        }),
      };
    }
    const deadline = ownEntry(rule.deadlines, reference.fact);
    if (deadline) {
      const [fact, ...from] = deadline.from.split('.');
      return {
        ...node,
        kind: 'deadline',
        type: 'date',
        words: both((language) =>
          formulaInWords(
            {
              addPeriod: {
                to: { fact: fact!, path: from.join('.') },
                period: { fact: 'params', path: deadline.add },
              },
            },
            pack,
            language,
            this.scopeWords(scope),
          ),
        ),
        inputs: [
          this.reference(
            { fact: fact!, ...(from.length > 0 && { path: from.join('.') }) },
            scope,
            depth + 1,
          ),
          this.reference({ fact: 'params', path: deadline.add }, scope, depth + 1),
        ],
      };
    }
    // The item's own field, or one of the item it is for or made from.
    const holder =
      reference.fact === 'item'
        ? { collection: scope.over ?? rule.over, row: scope.item }
        : reference.fact === 'outer'
          ? { collection: scope.outerOver, row: scope.outer }
          : reference.fact === 'owner'
            ? { collection: scope.ownerOver, row: scope.owner }
            : undefined;
    if (holder) {
      const [field, ...rest] = path;
      return this.field(node, holder.collection, holder.row, field ?? '', rest, scope, depth);
    }
    // A fact every rule may use: the record's, or one the pack derives.
    if (Object.hasOwn(READER_GLOBALS, reference.fact)) {
      const at = reference.fact === 'terminationDate' ? '/termination/date' : `/${reference.fact}`;
      return { ...node, type: READER_GLOBALS[reference.fact]!.type, pointer: at };
    }
    const fact = pack.facts.facts?.[reference.fact];
    if (!fact) return node;
    // Items keyed by a field (`phases.preincubation.end`): that item's field.
    const keyed = (fact.formula as { keyed?: { over: string; key: string } } | undefined)?.keyed;
    if (keyed && path.length >= 2) {
      const row = [...rowsOf(facts, keyed.over)].find((r) => String(r[keyed.key]) === path[0]);
      const named = { ...node, words: both((l) => `${node.words[l]} (${path[0]})`) };
      return this.field(named, keyed.over, row, path[1]!, path.slice(2), scope, depth);
    }
    let derived: DerivedFact | undefined = fact;
    for (const segment of path) derived = derived?.fields?.[segment];
    if (!derived?.formula) return { ...node, kind: 'derived' };
    return this.derived(node, derived, this.base, {}, depth);
  }

  /** A field of an item: what the record holds, or what the pack derives from it. */
  private field(
    node: TraceNode,
    collection: string | undefined,
    row: Row | undefined,
    field: string,
    rest: string[],
    scope: TraceScope,
    depth: number,
  ): TraceNode {
    const { pack } = this.request;
    if (collection === undefined || row === undefined) return node;
    const spec = specAt(ownEntry(pack.model.collections, collection), [field, ...rest]);
    const typed = spec ? { ...node, type: spec.type } : node;
    const derived =
      pack.facts.fields?.[collection]?.[field] ??
      pack.facts.collections?.[collection]?.fields[field];
    if (derived) {
      let sub: DerivedFact | undefined = derived;
      for (const segment of rest) sub = sub?.fields?.[segment];
      if (!sub?.formula) return { ...typed, kind: 'derived' };
      const inner: TraceScope = Object.create(this.base) as TraceScope;
      inner.item = row;
      inner.over = collection;
      inner.params = this.request.facts.parameters.at(
        paramDayOf(pack, collection, row) ?? this.request.facts.asOf,
      );
      const made = pack.facts.collections?.[collection];
      if (made) {
        inner.owner = row.owner as Row;
        inner.ownerOver = made.weeks.each;
      }
      return this.derived(
        typed,
        sub,
        inner,
        { over: collection, ...(made && { owner: made.weeks.each }) },
        depth,
      );
    }
    const at = READER_COLLECTIONS[collection]?.fields[field]?.at;
    const pointer =
      typeof row.pointer === 'string'
        ? at !== undefined
          ? joinPointer(row.pointer, ...at.split('/'))
          : row.pointer
        : undefined;
    return { ...typed, ...(pointer !== undefined && { pointer }) };
  }

  /** A derived fact: its formula in words and the facts it reads, each traced in turn. */
  private derived(
    node: TraceNode,
    fact: DerivedFact,
    scope: TraceScope,
    words: WordScope,
    depth: number,
  ): TraceNode {
    const { pack } = this.request;
    const out: TraceNode = {
      ...node,
      kind: 'derived',
      type: fact.type,
      words: node.words,
      ...this.clauses(fact.clauses),
      formula: both((language) => formulaInWords(fact.formula!, pack, language, words)),
    };
    // Each derived fact is worked out once in a trace; later mentions give its value.
    const key = `${node.name}@${String(scope.item?.pointer ?? '')}`;
    if (depth >= MAX_DEPTH || this.expanded.has(key)) return out;
    this.expanded.add(key);
    const inputs = this.formulaInputs(fact.formula!, scope, depth + 1);
    return inputs.length > 0 ? { ...out, inputs } : out;
  }

  /** What a formula reads: its facts, and the items its aggregates count. */
  private formulaInputs(formula: Formula, scope: TraceScope, depth: number): TraceNode[] {
    const out: TraceNode[] = [];
    const seen = new Set<string>();
    const add = (node: TraceNode): void => {
      const key = `${node.kind}:${node.name ?? JSON.stringify(node.words)}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(node);
    };
    const walk = (f: Formula): void => {
      const kind = kindOf(f);
      const body = (f as unknown as Record<string, unknown>)[kind];
      if (kind === 'fact') return add(this.reference(f as FactReference, scope, depth));
      if (kind === 'value') return;
      if (kind === 'comparison' || kind === 'condition') {
        for (const r of referencesIn(f as Condition, this.request.pack))
          if (!['item', 'outer', 'owner'].includes(r.fact) || r.fact === 'item')
            add(this.reference(r, scope, depth));
        return;
      }
      if (kind === 'if') {
        const g = f as unknown as { if: Condition; then: Formula; else: Formula };
        walk(g.if as Formula);
        const taken = compileCondition(g.if, {
          placeOf: () => undefined,
          conditions: this.request.pack.conditions,
        })(scope);
        if (taken === true) walk(g.then);
        else if (taken === false) walk(g.else);
        return;
      }
      if (body !== null && typeof body === 'object' && !Array.isArray(body) && 'over' in body)
        return add(this.items(f, body as Aggregate, scope));
      if (Array.isArray(body)) return body.forEach((g) => walk(g as Formula));
      if (body !== null && typeof body === 'object')
        for (const [k, v] of Object.entries(body))
          if (v !== null && typeof v === 'object' && k !== 'period') walk(v as Formula);
          else if (k === 'period') add(this.reference(v as FactReference, scope, depth));
    };
    walk(formula);
    return out;
  }

  /** The items of a list a formula counts, where each is written. */
  private items(formula: Formula, aggregate: Aggregate, scope: TraceScope): TraceNode {
    const { pack } = this.request;
    const where = aggregate.where
      ? compileCondition(aggregate.where, { placeOf: () => undefined, conditions: pack.conditions })
      : undefined;
    const inner = Object.create(scope) as Scope;
    inner.outer = scope.item;
    const items: { pointer: string }[] = [];
    let count = 0;
    for (const row of scope.collection(aggregate.over)) {
      inner.item = row;
      if (where && where(inner) !== true) continue;
      count++;
      if (items.length < MAX_ITEMS && typeof row.pointer === 'string')
        items.push({ pointer: row.pointer });
    }
    const words: WordScope = { over: scope.over ?? this.request.rule.over };
    return {
      kind: 'items',
      name: aggregate.over,
      words: both((language) => formulaInWords(formula, pack, language, words)),
      value: plain(this.compile(formula)(scope)),
      count,
      items,
    };
  }
}

/** A scope, with the collections its items are of (for words and fields). */
type TraceScope = Scope & { over?: string; outerOver?: string; ownerOver?: string };

function rowsOf(facts: Facts, name: string): Iterable<Row> {
  return {
    *[Symbol.iterator]() {
      for (const item of facts.items(name)) yield item.values;
    },
  };
}

function paramDayOf(pack: RulePack, collection: string, row: Row): number | undefined {
  const field = pack.facts.paramsOn?.[collection];
  const value = field !== undefined ? row[field] : undefined;
  if (typeof value !== 'string') return undefined;
  const parsed = parseCalendarDate(value);
  return parsed.ok ? parsed.value : undefined;
}

/** The fact references of a condition, following named conditions. */
function referencesIn(condition: Condition, pack: RulePack): FactReference[] {
  const out: FactReference[] = [];
  const visit = (c: Condition, seen: Set<string>): void => {
    if ('all' in c) c.all.forEach((x) => visit(x, seen));
    else if ('any' in c) c.any.forEach((x) => visit(x, seen));
    else if ('not' in c) visit(c.not, seen);
    else if ('condition' in c) {
      if (seen.has(c.condition)) return;
      seen.add(c.condition);
      const named = ownEntry(pack.conditions, c.condition);
      if (named) visit(named.when, seen);
    } else {
      out.push({ fact: c.fact, ...(c.path !== undefined && { path: c.path }) });
      if (c.value !== null && typeof c.value === 'object' && !Array.isArray(c.value))
        out.push(c.value);
    }
  };
  visit(condition, new Set());
  return out;
}

/** A description without the `[name]` that words of references end with. */
const stripName = (words: string): string => words.replace(/ \[[^\]]*\]$/, '');

const prefix = (head: Localized, words: Localized): Localized => ({
  fr: `${head.fr} ${words.fr}`,
  en: `${head.en} ${words.en}`,
});
