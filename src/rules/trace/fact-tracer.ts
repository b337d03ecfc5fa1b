/**
 * How a trace explains facts: a fact a condition or formula reads (a record's value with where it
 * is written, a parameter with its clauses, a deadline, a derived fact with its formula), a
 * condition part by part, and the facts and items a formula reads, each traced in turn to a
 * bounded depth. The decision a finding rests on is built over this in ../trace.ts.
 */
import type { TraceNode } from '../../model/trace.js';
import type { Facts, Item } from '../../facts/derive.js';
import {
  addPeriod,
  checkedDay,
  formatDay,
  nextWorkingDay,
  parseCalendarDate,
  parsePeriod,
  weekday,
} from '../../base/calendar.js';
import {
  addPeriodToDate,
  compileCondition,
  compileFormula,
  kindOf,
  type Compiled,
  type Row,
  type Scope,
} from '../../facts/formula.js';
import { isMissing, pathSegments, splitDotted } from '../../facts/missing.js';
import { READER_COLLECTIONS, READER_GLOBALS } from '../../facts/reader.js';
import { ownEntry, specAt } from '../../facts/spec.js';
import { joinPointer } from '../../base/pointer.js';
import { conditionInWords, formulaInWords, referenceInWords, type WordScope } from '../describe.js';
import type { LoadedRule, RulePack } from '../pack/types.js';
import { type Language } from '../../base/language.js';
import type {
  Aggregate,
  Condition,
  Counting,
  FactReference,
  Formula,
} from '../../model/expressions.js';
import type { Deadline, DerivedFact, Localized } from '../../model/pack.js';

/** What the facts of a trace are read from: the pack, the rule, the record's facts, the item. */
export interface TraceSubject {
  pack: RulePack;
  rule: LoadedRule;
  facts: Facts;
  /** The item judged, for a finding on one item. */
  item?: Item;
}

const both = (f: (language: Language) => string): Localized => ({ fr: f('fr'), en: f('en') });
const MAX_ITEMS = 50;
export const MAX_DEPTH = 6;

/** JSON-safe value: an unknown one names what the record lacks. */
export const plain = (value: unknown): unknown =>
  isMissing(value) ? { missing: value.pointers } : value === undefined ? null : value;

export class FactTracer {
  private readonly expanded = new Set<string>();
  private readonly compiled = new WeakMap<object, Compiled>();
  protected readonly base: Scope;
  private readonly deadlines: Record<string, unknown>;

  constructor(protected readonly subject: TraceSubject) {
    const { facts } = subject;
    this.base = {
      asOf: facts.globals.asOf as string,
      params: facts.parameters.at(subject.item?.paramDay ?? facts.asOf),
      global: (name) => facts.globals[name],
      collection: (name) => rowsOf(facts, name),
      counting: (name) => facts.parameters.counting(name),
      ...(subject.item && { item: subject.item.values }),
    };
    this.deadlines = {};
    for (const [name, deadline] of Object.entries(subject.rule.deadlines ?? {})) {
      const { fact, path } = splitDotted(deadline.from);
      const from = this.value({ fact, path: path.join('.') }, this.base);
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

  /** Clause ids, and how a lawyer cites them. */
  protected clauses(ids: readonly string[] | undefined): { clauses?: string[]; cite?: string } {
    if (!ids || ids.length === 0) return {};
    const { pack } = this.subject;
    return {
      clauses: [...ids],
      cite: ids.map((id) => pack.clause(id)?.cite ?? id).join(' ; '),
    };
  }

  private compile(formula: Formula): Compiled {
    let compiled = this.compiled.get(formula);
    if (!compiled) {
      const { pack } = this.subject;
      compiled = compileFormula(formula, {
        placeOf: (collection, field) => READER_COLLECTIONS[collection]?.fields[field]?.at,
        conditions: pack.conditions,
      });
      this.compiled.set(formula, compiled);
    }
    return compiled;
  }

  /** A fact's value in a scope, as rules and formulas read it. */
  protected value(reference: FactReference, scope: Scope): unknown {
    if (Object.hasOwn(this.deadlines, reference.fact)) return this.deadlines[reference.fact];
    return this.compile(reference)(scope);
  }

  /** A condition: whether it held, part by part, each comparison with its facts. */
  condition(condition: Condition, scope: TraceScope): TraceNode {
    const holds = (c: Condition): boolean | 'unknown' => {
      const v = compileCondition(c, {
        placeOf: () => undefined,
        conditions: this.subject.pack.conditions,
      })(this.withDeadlines(scope));
      return isMissing(v) ? 'unknown' : v === true;
    };
    const words = both((language) =>
      conditionInWords(condition, this.subject.pack, language, this.scopeWords(scope))
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
      const named = ownEntry(this.subject.pack.conditions, condition.condition);
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
      over: scope.over ?? this.subject.rule.over,
      ...(scope.outerOver !== undefined && { outer: scope.outerOver }),
      ...(scope.ownerOver !== undefined && { owner: scope.ownerOver }),
      ...(this.subject.rule.deadlines && { deadlines: this.subject.rule.deadlines }),
    };
  }

  /** A fact a condition or formula reads, and, for a derived one, how it was worked out. */
  reference(reference: FactReference, scope: TraceScope, depth = 0): TraceNode {
    const { pack, rule, facts } = this.subject;
    const path = pathSegments(reference.path);
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
    if (deadline) return this.deadline(node, deadline, scope, depth);
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

  /** A deadline of the rule: a date plus a parameter's period, each traced in turn. */
  private deadline(
    node: TraceNode,
    deadline: Deadline,
    scope: TraceScope,
    depth: number,
  ): TraceNode {
    const { pack } = this.subject;
    const { fact, path: from } = splitDotted(deadline.from);
    const start = this.value(
      { fact, ...(from.length > 0 && { path: from.join('.') }) },
      this.withDeadlines(scope),
    );
    const extended =
      typeof start === 'string' && typeof node.value === 'string'
        ? extensionOf(
            start,
            this.base.params[deadline.add],
            this.subject.facts.parameters.counting(deadline.add),
            node.value,
          )
        : undefined;
    return {
      ...node,
      ...(extended && { extended }),
      kind: 'deadline',
      type: 'date',
      words: both((language) =>
        formulaInWords(
          {
            addPeriod: {
              to: { fact, path: from.join('.') },
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
          { fact, ...(from.length > 0 && { path: from.join('.') }) },
          scope,
          depth + 1,
        ),
        this.reference({ fact: 'params', path: deadline.add }, scope, depth + 1),
      ],
    };
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
    const { pack } = this.subject;
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
      inner.params = this.subject.facts.parameters.at(
        paramDayOf(pack, collection, row) ?? this.subject.facts.asOf,
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
    const { pack } = this.subject;
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
        for (const r of referencesIn(f as Condition, this.subject.pack))
          if (!['item', 'outer', 'owner'].includes(r.fact) || r.fact === 'item')
            add(this.reference(r, scope, depth));
        return;
      }
      if (kind === 'if') {
        const g = f as unknown as { if: Condition; then: Formula; else: Formula };
        walk(g.if as Formula);
        const taken = compileCondition(g.if, {
          placeOf: () => undefined,
          conditions: this.subject.pack.conditions,
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
    const { pack } = this.subject;
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
    const words: WordScope = { over: scope.over ?? this.subject.rule.over };
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
export type TraceScope = Scope & { over?: string; outerOver?: string; ownerOver?: string };

function rowsOf(facts: Facts, name: string): Iterable<Row> {
  return new RowsOf(facts, name);
}

/** The rows of a collection's items, read again at each iteration (see madeForEachCall). */
class RowsOf implements Iterable<Row> {
  constructor(
    private readonly facts: Facts,
    private readonly name: string,
  ) {}

  *[Symbol.iterator](): Iterator<Row> {
    for (const item of this.facts.items(this.name)) yield item.values;
  }
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

/**
 * Where a deadline counted as the Code de procédure civile counts went past days without work
 * (see TraceNode.extended): the day the period alone ends on, and each day passed over to the
 * next working day, which the deadline is; none when the period ends on a working day.
 */
function extensionOf(
  from: string,
  period: unknown,
  counting: Counting,
  deadline: string,
): TraceNode['extended'] | undefined {
  if (counting !== 'code-de-procedure-civile' || typeof period !== 'string') return undefined;
  const parsed = parsePeriod(period);
  if (!parsed.ok) return undefined;
  const end = addPeriod(checkedDay(from), parsed.value);
  const last = checkedDay(deadline);
  if (last === end || nextWorkingDay(end) !== last) return undefined;
  const passed: NonNullable<TraceNode['extended']>['passed'] = [];
  for (let day = end; day < last; day++) {
    const d = weekday(day);
    passed.push({
      day: formatDay(day),
      why: d === 6 ? 'saturday' : d === 7 ? 'sunday' : 'holiday',
    });
  }
  return { end: formatDay(end), passed };
}
