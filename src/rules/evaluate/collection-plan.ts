/**
 * The rules over one collection, planned once per pack: their distinct conditions (one
 * json-rules-engine run per item serves them all), what those conditions read, and a bounded memo
 * of the engine's answers keyed by the values read. Judging an item here says which conditions
 * hold and what each lacks; what that makes of each rule is ./outcome.ts.
 */
import { isMissing, readPath } from '../../facts/missing.js';
import type { Facts, Item } from '../../facts/derive.js';
import { addPeriodToDate } from '../../facts/formula.js';
import type { ParamValue } from '../../facts/params.js';
import { ConditionEvaluator, referencesOf, type ConditionGroup } from '../engine.js';
import type { LoadedRule, RulePack } from '../pack/types.js';
import type { Condition, FactReference } from '../../model/expressions.js';
import type { BreachCase, Deadline } from '../../model/pack.js';
import { deadlineFact, factsLookup, type Lookup } from './lookup.js';

/** How many sets of read values each collection remembers, across the records of a run. */
const MEMO_SIZE = 20_000;

/** A rule's condition with its deadline facts renamed to their shared names. */
function withSharedDeadlines(condition: Condition, deadlines: Record<string, Deadline>): Condition {
  if ('all' in condition)
    return { all: condition.all.map((c) => withSharedDeadlines(c, deadlines)) };
  if ('any' in condition)
    return { any: condition.any.map((c) => withSharedDeadlines(c, deadlines)) };
  if ('not' in condition) return { not: withSharedDeadlines(condition.not, deadlines) };
  if ('condition' in condition) return condition;
  const rename = (fact: string): string =>
    Object.hasOwn(deadlines, fact) ? deadlineFact(deadlines[fact]!) : fact;
  const value = condition.value;
  return {
    ...condition,
    fact: rename(condition.fact),
    value:
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? { ...value, fact: rename(value.fact) }
        : value,
  };
}

/** What a rule needs of its collection's groups. */
export interface RulePlan {
  rule: LoadedRule;
  applies?: string;
  due?: string;
  performed?: string;
  /** The due date and the day performed, as fact references with their paths split. */
  by?: SplitReference;
  performedOn?: SplitReference;
  cases: { breach: BreachCase; group: string }[];
}

export interface SplitReference {
  fact: string;
  segments: string[];
}

const split = (reference: FactReference | undefined, deadlines: Record<string, Deadline>) =>
  reference === undefined
    ? undefined
    : {
        fact: Object.hasOwn(deadlines, reference.fact)
          ? deadlineFact(deadlines[reference.fact]!)
          : reference.fact,
        segments: reference.path ? reference.path.split('.') : [],
      };

/** The rules over one collection, their distinct conditions, and what those conditions read. */
export class CollectionPlan {
  readonly rules: RulePlan[] = [];
  private readonly groups: ConditionGroup[] = [];
  private readonly groupByKey = new Map<string, string>();
  /** Every (fact, path) a condition reads, once; the path split once for all. */
  private readonly references: { fact: string; path: string; segments: string[] }[] = [];
  private readonly referenceIndex = new Map<string, number>();
  /** For each group, the indexes of the references it reads. */
  private readonly groupReferences = new Map<string, number[]>();
  readonly deadlines = new Map<string, Deadline>();
  private evaluator: ConditionEvaluator | undefined;
  private readonly memo = new Map<string, Map<string, boolean>>();

  constructor(
    readonly collection: string,
    readonly pack: RulePack,
  ) {}

  private group(condition: Condition): string {
    const key = JSON.stringify(condition);
    let name = this.groupByKey.get(key);
    if (name === undefined) {
      name = `g${this.groups.length}`;
      this.groupByKey.set(key, name);
      this.groups.push({ name, condition });
      const indexes: number[] = [];
      for (const ref of referencesOf(condition, this.pack.conditions)) {
        const refKey = `${ref.fact}\u0000${ref.path}`;
        let index = this.referenceIndex.get(refKey);
        if (index === undefined) {
          index = this.references.length;
          this.references.push({ ...ref, segments: ref.path === '' ? [] : ref.path.split('.') });
          this.referenceIndex.set(refKey, index);
        }
        if (!indexes.includes(index)) indexes.push(index);
      }
      this.groupReferences.set(name, indexes);
    }
    return name;
  }

  add(rule: LoadedRule): void {
    const deadlines = rule.deadlines ?? {};
    for (const deadline of Object.values(deadlines))
      this.deadlines.set(deadlineFact(deadline), deadline);
    const shared = (condition: Condition): string =>
      this.group(withSharedDeadlines(condition, deadlines));
    const by = split(rule.due.by, deadlines);
    const performedOn = split(rule.due.performedOn, deadlines);
    this.rules.push({
      rule,
      ...(rule.applies && { applies: shared(rule.applies) }),
      ...(rule.due.when && { due: shared(rule.due.when) }),
      ...(rule.due.performed && { performed: shared(rule.due.performed) }),
      ...(by && { by }),
      ...(performedOn && { performedOn }),
      cases: rule.breaches.map((breach) => ({ breach, group: shared(breach.when) })),
    });
  }

  /** The facts the conditions see for an item (or for none), by name: see factsLookup. */
  lookup(facts: Facts, item: Item | undefined): Lookup {
    const { params, deadlines } = this.itemFacts(facts, item);
    return factsLookup(facts, params, item?.values ?? null, deadlines);
  }

  /** The parameters in force for an item, and the deadlines its rules compute. */
  private itemFacts(
    facts: Facts,
    item: Item | undefined,
  ): { params: Record<string, ParamValue>; deadlines: Map<string, unknown> } {
    const params = facts.parameters.at(item?.paramDay ?? facts.asOf);
    const deadlines = new Map<string, unknown>();
    for (const [name, deadline] of this.deadlines) {
      const [fact, ...path] = deadline.from.split('.');
      const from =
        fact === 'item'
          ? readPath(item?.values ?? null, path)
          : fact === 'params'
            ? readPath(params, path)
            : readPath(facts.globals, [fact!, ...path]);
      const period = params[deadline.add] as ParamValue | undefined;
      deadlines.set(
        name,
        isMissing(from) || from === undefined || typeof period !== 'string'
          ? (from ?? null)
          : addPeriodToDate(from as string | null, period, facts.parameters.counting(deadline.add)),
      );
    }
    return { params, deadlines };
  }

  /**
   * Whether each group holds for an item, and what each group lacks. The engine is asked once
   * per distinct truth of the comparisons (see ConditionEvaluator.outcomeKey); the facts it
   * needs are gathered only then.
   */
  judge(facts: Facts, item: Item): Judgement | Promise<Judgement> {
    const { params, deadlines } = this.itemFacts(facts, item);
    const lookup = (fact: string): unknown => {
      if (fact === 'item') return item.values;
      if (fact === 'params') return params;
      if (deadlines.has(fact)) return deadlines.get(fact);
      return Object.hasOwn(facts.globals, fact) ? facts.globals[fact] : undefined;
    };
    const context = (): Record<string, unknown> => ({
      ...facts.globals,
      params,
      item: item.values,
      ...Object.fromEntries(deadlines),
    });
    const values = this.references.map(({ fact, segments }) => readPath(lookup(fact), segments));
    // Most items lack nothing: then no group lacks anything.
    const lacks = !values.some(isMissing)
      ? () => NOTHING
      : (group: string): string[] => {
          const pointers = new Set<string>();
          for (const index of this.groupReferences.get(group) ?? []) {
            const value = values[index];
            if (isMissing(value)) for (const p of value.pointers) pointers.add(p);
          }
          return [...pointers];
        };
    this.evaluator ??= new ConditionEvaluator(this.groups, this.pack.conditions);
    const key = this.evaluator.outcomeKey(lookup);
    const read = (reference: SplitReference): unknown =>
      readPath(lookup(reference.fact), reference.segments);
    const judgement = (holds: Map<string, boolean>): Judgement => ({
      holds,
      lacks,
      lookup: factsLookup(facts, params, item.values, deadlines),
      read,
      asOf: facts.globals.asOf as string,
    });
    const known = this.memo.get(key);
    // Most items compare as an item before them did: judged at once, without waiting a turn.
    if (known) return judgement(known);
    return this.evaluator.evaluate(context()).then((holds) => {
      if (this.memo.size >= MEMO_SIZE) this.memo.delete(this.memo.keys().next().value!);
      this.memo.set(key, holds);
      return judgement(holds);
    });
  }
}

/** What the conditions of a collection say of an item. */
export interface Judgement {
  holds: Map<string, boolean>;
  lacks: (group: string) => readonly string[];
  /** The facts of the item by name, as the context of the conditions holds them. */
  lookup: Lookup;
  /** A fact of the item, read as conditions read it. */
  read: (reference: SplitReference) => unknown;
  asOf: string;
}

/** No pointers: what an item lacks when none of the values its conditions read is unknown. */
const NOTHING: readonly string[] = Object.freeze([]);
