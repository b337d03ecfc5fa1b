/**
 * The rules over one collection, planned once per pack: their distinct conditions (one
 * json-rules-engine run per item serves them all), what those conditions read, and a bounded memo
 * of the engine's answers keyed by the values read. Judging an item here says which conditions
 * hold and what each lacks; what that makes of each rule is ./outcome.ts.
 */
import { isMissing, pathReader, pathSegments, splitDotted } from '../../facts/missing.js';
import type { Facts, Item } from '../../facts/derive.js';
import { addPeriodToDate } from '../../facts/formula.js';
import type { ParamValue } from '../../facts/params.js';
import { ConditionEvaluator, referencesOf, type ConditionGroup } from '../engine.js';
import type { CollectionAnswers, LoadedRule, RulePack } from '../pack/types.js';
import type { Condition, FactReference } from '../../model/expressions.js';
import type { BreachCase, Deadline } from '../../model/pack.js';
import { deadlineFact, ItemFacts } from './lookup.js';

/** How many sets of read values each collection remembers, across the records of a run. */
const MEMO_SIZE = 20_000;

/** Keeps a value in a memo of at most MEMO_SIZE entries, the oldest dropped first. */
export function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(key, value);
  return value;
}

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

/** What a rule needs of its collection's groups, each named by its index. */
export interface RulePlan {
  rule: LoadedRule;
  applies?: number;
  due?: number;
  performed?: number;
  /** The due date and the day performed, as fact references with their paths split. */
  by?: SplitReference;
  performedOn?: SplitReference;
  cases: { breach: BreachCase; group: number }[];
}

export interface SplitReference {
  fact: string;
  /** Reads the reference's path in the fact's value (see pathReader). */
  read: (value: unknown) => unknown;
}

const split = (reference: FactReference | undefined, deadlines: Record<string, Deadline>) =>
  reference === undefined
    ? undefined
    : {
        fact: Object.hasOwn(deadlines, reference.fact)
          ? deadlineFact(deadlines[reference.fact]!)
          : reference.fact,
        read: pathReader(pathSegments(reference.path)),
      };

/** A deadline the rules of a collection compute, with where its first day is read. */
interface PlannedDeadline {
  name: string;
  deadline: Deadline;
  /** The first day: a field of the item, a parameter, or a fact of the record. */
  from: 'item' | 'params' | 'globals';
  /** Reads the first day from the item, the parameters or the record's facts. */
  read: (value: unknown) => unknown;
}

/** The deadlines of no rule. */
const NO_DEADLINES: ReadonlyMap<string, unknown> = new Map();

/** The rules over one collection, their distinct conditions, and what those conditions read. */
export class CollectionPlan {
  readonly rules: RulePlan[] = [];
  private readonly groups: ConditionGroup[] = [];
  private readonly groupByKey = new Map<string, number>();
  /** Every (fact, path) a condition reads, once; its reader made once for all. */
  private readonly references: {
    fact: string;
    path: string;
    read: (value: unknown) => unknown;
  }[] = [];
  private readonly referenceIndex = new Map<string, number>();
  /** For each group, the indexes of the references it reads. */
  private readonly groupReferences: number[][] = [];
  private readonly deadlines = new Map<string, PlannedDeadline>();
  private evaluator: ConditionEvaluator | undefined;
  /** What each group says, by the truths of the comparisons (ConditionEvaluator.outcomeKey). */
  private readonly memo = new Map<number | string, boolean[]>();

  constructor(
    readonly collection: string,
    readonly pack: RulePack,
  ) {}

  private group(condition: Condition): number {
    const key = JSON.stringify(condition);
    let index = this.groupByKey.get(key);
    if (index === undefined) {
      index = this.groups.length;
      this.groupByKey.set(key, index);
      this.groups.push({ name: `g${index}`, condition });
      const indexes: number[] = [];
      for (const ref of referencesOf(condition, this.pack.conditions)) {
        const refKey = `${ref.fact}\u0000${ref.path}`;
        let at = this.referenceIndex.get(refKey);
        if (at === undefined) {
          at = this.references.length;
          this.references.push({
            ...ref,
            read: pathReader(pathSegments(ref.path)),
          });
          this.referenceIndex.set(refKey, at);
        }
        if (!indexes.includes(at)) indexes.push(at);
      }
      this.groupReferences.push(indexes);
    }
    return index;
  }

  add(rule: LoadedRule): void {
    const deadlines = rule.deadlines ?? {};
    for (const deadline of Object.values(deadlines)) {
      const name = deadlineFact(deadline);
      const { fact, path } = splitDotted(deadline.from);
      this.deadlines.set(name, {
        name,
        deadline,
        ...(fact === 'item' || fact === 'params'
          ? { from: fact, read: pathReader(path) }
          : { from: 'globals', read: pathReader([fact!, ...path]) }),
      });
    }
    const shared = (condition: Condition): number =>
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

  /** The conditions, as JSON, one a line, in the order of their indexes. */
  private conditionsText(): string {
    return [...this.groupByKey.keys()].join('\n');
  }

  /**
   * The evaluator of the conditions, its memo first given the answers the pack's snapshot holds
   * for these very conditions (a snapshot made from other conditions gives none).
   */
  private newEvaluator(): ConditionEvaluator {
    const known = this.pack.answers?.[this.collection];
    if (known !== undefined && known.conditions === this.conditionsText())
      for (const [key, holds] of known.answers)
        this.memo.set(
          key,
          Array.from(holds, (c) => c === '1'),
        );
    return new ConditionEvaluator(this.groups, this.pack.conditions);
  }

  /** What the conditions said for each set of truths met so far, for a pack's snapshot. */
  answers(): CollectionAnswers {
    return {
      conditions: this.conditionsText(),
      answers: [...this.memo].map(([key, holds]) => [
        key,
        holds.map((h) => (h ? '1' : '0')).join(''),
      ]),
    };
  }

  /** The facts the conditions see for an item, or for none. */
  factsOf(facts: Facts, item: Item | undefined): ItemFacts {
    const params = facts.parameters.at(item?.paramDay ?? facts.asOf);
    const values = item?.values ?? null;
    if (this.deadlines.size === 0)
      return new ItemFacts(facts.globals, params, values, NO_DEADLINES);
    const deadlines = new Map<string, unknown>();
    for (const { name, deadline, from: source, read } of this.deadlines.values()) {
      const from = read(source === 'item' ? values : source === 'params' ? params : facts.globals);
      const period = params[deadline.add] as ParamValue | undefined;
      deadlines.set(
        name,
        isMissing(from) || from === undefined || typeof period !== 'string'
          ? (from ?? null)
          : addPeriodToDate(from as string | null, period, facts.parameters.counting(deadline.add)),
      );
    }
    return new ItemFacts(facts.globals, params, values, deadlines);
  }

  /**
   * Whether each group holds for an item, and what each group lacks. The engine is asked once
   * per distinct truth of the comparisons (see ConditionEvaluator.outcomeKey); the facts it
   * needs are gathered only then.
   */
  judge(facts: Facts, item: Item): Judgement | Promise<Judgement> {
    const seen = this.factsOf(facts, item);
    const references = this.references;
    let lacking = false;
    for (let i = 0; i < references.length && !lacking; i++) {
      const { fact, read } = references[i]!;
      lacking = isMissing(read(seen.get(fact)));
    }
    const asOf = facts.globals.asOf as string;
    // Most items lack nothing: then no group lacks anything, and the values read are not kept.
    const read = lacking
      ? {
          values: references.map(({ fact, read }) => read(seen.get(fact))),
          groupReferences: this.groupReferences,
        }
      : undefined;
    this.evaluator ??= this.newEvaluator();
    const key = this.evaluator.outcomeKey(seen);
    const known = this.memo.get(key);
    // Most items compare as an item before them did: judged at once, without waiting a turn.
    if (known) return new Judgement(known, read, seen, asOf, key);
    return this.evaluator.evaluate(seen.context()).then((outcome) => {
      const holds = this.groups.map(({ name }) => outcome.get(name) === true);
      return new Judgement(remember(this.memo, key, holds), read, seen, asOf, key);
    });
  }
}

/** What the conditions of a collection say of an item. */
export class Judgement {
  constructor(
    /** Whether each group holds, by its index. */
    readonly holds: readonly boolean[],
    /** The values the groups read, when one of them is unknown; else nothing lacks. */
    private readonly read: { values: unknown[]; groupReferences: number[][] } | undefined,
    /** The facts of the item by name, as the context of the conditions holds them. */
    readonly facts: ItemFacts,
    readonly asOf: string,
    /** The truths of the comparisons (ConditionEvaluator.outcomeKey): `holds` follows from it. */
    readonly key: number | string,
  ) {}

  /** Whether the item lacks no value its conditions read. */
  get lacksNothing(): boolean {
    return this.read === undefined;
  }

  /** The fields a group needs that the record lacks (JSON pointers), or none. */
  lacks(group: number): readonly string[] {
    if (this.read === undefined) return NOTHING;
    const { values, groupReferences } = this.read;
    const pointers = new Set<string>();
    for (const index of groupReferences[group] ?? []) {
      const value = values[index];
      if (isMissing(value)) for (const p of value.pointers) pointers.add(p);
    }
    return pointers.size === 0 ? NOTHING : [...pointers];
  }

  /** A fact of the item, read as conditions read it. */
  value(reference: SplitReference): unknown {
    return reference.read(this.facts.get(reference.fact));
  }
}

/** No pointers: what an item lacks when none of the values its conditions read is unknown. */
const NOTHING: readonly string[] = Object.freeze([]);
