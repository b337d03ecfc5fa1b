/**
 * The json-rules-engine adapter: the only module that imports json-rules-engine.
 *
 * Measured pitfalls of json-rules-engine 7.3 this design avoids:
 * - concurrent `run()` calls on one engine can skip rules: an engine is never shared between
 *   runs in flight (a pool hands each evaluation its own);
 * - its numeric operators parse loosely: they are removed, and strict operators added;
 * - one missing fact rejects the whole run: unknown values are found before the run
 *   (see `missingIn`), and the conditions that need them are set aside as undetermined;
 * - its default JSONPath resolver is slow: paths are plain dotted paths here.
 */
import { Engine, Fact, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { isMissing, pathReader, pathSegments, readPath } from '../facts/missing.js';
import { REFUSED_OPERATORS, STRICT_OPERATORS } from '../facts/operators.js';
import type { Condition } from '../model/expressions.js';
import type { NamedCondition } from '../model/pack.js';

/** A named condition to evaluate, such as a rule's `applies` or one of its breach cases. */
export interface ConditionGroup {
  name: string;
  condition: Condition;
}

/** Reads a dotted path of own fields in a value; an unknown value on the way is returned as it is. */
export function resolvePath(value: unknown, path: string): unknown {
  return readPath(value, pathSegments(path));
}

function topLevel(condition: Condition): TopLevelCondition {
  return (
    'all' in condition || 'any' in condition || 'not' in condition || 'condition' in condition
      ? condition
      : { all: [condition] }
  ) as TopLevelCondition;
}

/** Every fact reference of a condition, following named conditions. */
export function referencesOf(
  condition: Condition,
  named: Record<string, NamedCondition>,
  into: { fact: string; path: string }[] = [],
  seen: Set<string> = new Set(),
): { fact: string; path: string }[] {
  if ('all' in condition) condition.all.forEach((c) => referencesOf(c, named, into, seen));
  else if ('any' in condition) condition.any.forEach((c) => referencesOf(c, named, into, seen));
  else if ('not' in condition) referencesOf(condition.not, named, into, seen);
  else if ('condition' in condition) {
    if (!seen.has(condition.condition)) {
      seen.add(condition.condition);
      const target = named[condition.condition];
      if (target) referencesOf(target.when, named, into, seen);
    }
  } else {
    into.push({ fact: condition.fact, path: condition.path ?? '' });
    const value = condition.value;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      into.push({ fact: value.fact, path: value.path ?? '' });
    }
  }
  return into;
}

/** The fields the record lacks for these references, or none. */
export function missingIn(
  references: { fact: string; path: string }[],
  facts: Record<string, unknown>,
): string[] {
  const pointers = new Set<string>();
  for (const { fact, path } of references) {
    const value = resolvePath(facts[fact], path);
    if (isMissing(value)) for (const p of value.pointers) pointers.add(p);
  }
  return [...pointers];
}

/** An engine with clausier's operators, and no rules yet. */
function bareEngine(): Engine {
  const engine = new Engine([], {
    allowUndefinedFacts: false,
    allowUndefinedConditions: false,
    pathResolver: (value: object, path: string) => resolvePath(value, path),
  });
  for (const name of Object.keys(REFUSED_OPERATORS)) engine.removeOperator(name);
  for (const [name, operator] of Object.entries(STRICT_OPERATORS))
    engine.addOperator(name, operator.evaluate);
  return engine;
}

/** An engine that evaluates the groups: each is a rule, the named conditions are shared. */
function withRules(
  engine: Engine,
  groups: ConditionGroup[],
  named: Record<string, NamedCondition>,
): Engine {
  for (const [name, condition] of Object.entries(named))
    engine.setCondition(name, topLevel(condition.when));
  for (const group of groups) {
    const rule: RuleProperties = {
      name: group.name,
      conditions: topLevel(group.condition),
      event: { type: group.name },
      priority: 1,
    };
    engine.addRule(rule);
  }
  return engine;
}

/** One of json-rules-engine's operators, as its operator map holds it. */
interface EngineOperator {
  evaluate(a: unknown, b: unknown): boolean;
}

/** A comparison of a condition, ready to be worked out on its own. */
interface Leaf {
  fact: string;
  path: string;
  segments: string[];
  operator: string;
  value: unknown;
  /** The value's fact, when it is a reference to one. */
  valueFact?: { fact: string; segments: string[] };
}

/** Every comparison of the groups, once each, following named conditions. */
function leavesOf(groups: ConditionGroup[], named: Record<string, NamedCondition>): Leaf[] {
  const leaves = new Map<string, Leaf>();
  const visit = (condition: Condition, seen: ReadonlySet<string>): void => {
    if ('all' in condition) condition.all.forEach((c) => visit(c, seen));
    else if ('any' in condition) condition.any.forEach((c) => visit(c, seen));
    else if ('not' in condition) visit(condition.not, seen);
    else if ('condition' in condition) {
      const target = named[condition.condition];
      if (target && !seen.has(condition.condition))
        visit(target.when, new Set([...seen, condition.condition]));
    } else {
      const value = condition.value;
      const reference =
        value !== null && typeof value === 'object' && !Array.isArray(value) && 'fact' in value
          ? { fact: value.fact, segments: pathSegments(value.path) }
          : undefined;
      const leaf: Leaf = {
        fact: condition.fact,
        path: condition.path ?? '',
        segments: pathSegments(condition.path),
        operator: condition.operator,
        value,
        ...(reference && { valueFact: reference }),
      };
      leaves.set(JSON.stringify(leaf), leaf);
    }
  };
  for (const group of groups) visit(group.condition, new Set());
  return [...leaves.values()];
}

/** Facts by name: an own field of the context the engine would be given, else undefined. */
export interface FactSource {
  get(fact: string): unknown;
}

/** A fact's value at a path, read as json-rules-engine's almanac reads it. */
interface AlmanacRead {
  fact: string;
  /** Reads the path in an object (see pathReader); none for no path. */
  read: ((value: unknown) => unknown) | undefined;
}

const almanacRead = (fact: string, segments: readonly string[]): AlmanacRead => ({
  fact,
  read: segments.length === 0 ? undefined : pathReader(segments),
});

/** A fact's value at a path, as json-rules-engine's almanac reads it (a path on a non-object is ignored). */
function almanacValue(facts: FactSource, { fact, read }: AlmanacRead): unknown {
  const value = facts.get(fact);
  if (read === undefined || value === null || typeof value !== 'object') return value;
  return read(value);
}

/** Up to this many comparisons, their truths make a number (one bit each); more make a string. */
const KEY_BITS = 30;

/**
 * Evaluates a fixed set of condition groups against facts, with json-rules-engine. Engines are
 * pooled: each evaluation in flight has one of its own.
 *
 * A group's result depends on the truth of its comparisons only. `outcomeKey` works each
 * comparison out with the engine's own operators, so that a caller may ask the engine once per
 * distinct set of truths: weeks, dates and payments that compare alike share one run.
 */
export class ConditionEvaluator {
  private readonly idle: Engine[] = [];
  /**
   * The engine whose operators make the comparisons, given the rules when a run first needs them:
   * an evaluator whose answers are all known beforehand (see CollectionPlan) never builds them.
   */
  private first: Engine | undefined;
  /** Every comparison, with the engine's operator that makes it and how it reads its values. */
  private readonly leaves: {
    compare: EngineOperator;
    left: AlmanacRead;
    /** The value's fact, when it is a reference to one. */
    right: AlmanacRead | undefined;
    value: unknown;
  }[];

  constructor(
    private readonly groups: ConditionGroup[],
    private readonly named: Record<string, NamedCondition>,
  ) {
    const engine = bareEngine();
    this.first = engine;
    // The engine's operator map (json-rules-engine 7: engine.operators), so that a comparison
    // here is the very comparison the engine makes.
    const operators = (
      engine as unknown as { operators?: { get(name: string): EngineOperator | null } }
    ).operators;
    if (typeof operators?.get !== 'function')
      throw new Error('json-rules-engine has no operator map: the adapter needs updating');
    this.leaves = leavesOf(groups, named).map((leaf) => {
      const compare = operators.get(leaf.operator);
      if (!compare) throw new Error(`Unknown operator: ${leaf.operator}`);
      return {
        compare,
        left: almanacRead(leaf.fact, leaf.segments),
        right: leaf.valueFact && almanacRead(leaf.valueFact.fact, leaf.valueFact.segments),
        value: leaf.value,
      };
    });
  }

  /**
   * The truth of every comparison of the groups for these facts, as a key: a number with a bit
   * per comparison (a string of 0 and 1 past KEY_BITS of them). Equal keys, equal truths.
   */
  outcomeKey(facts: FactSource): number | string {
    const leaves = this.leaves;
    let bits = 0;
    let key = '';
    for (let i = 0; i < leaves.length; i++) {
      const leaf = leaves[i]!;
      const left = almanacValue(facts, leaf.left);
      const right = leaf.right ? almanacValue(facts, leaf.right) : leaf.value;
      const holds = leaf.compare.evaluate(left, right);
      if (leaves.length <= KEY_BITS) bits = holds ? bits | (1 << i) : bits;
      else key += holds ? '1' : '0';
    }
    return leaves.length <= KEY_BITS ? bits : key;
  }

  /** Whether each group holds for these facts. */
  async evaluate(facts: Record<string, unknown>): Promise<Map<string, boolean>> {
    let engine = this.idle.pop();
    if (engine === undefined) {
      engine = withRules(this.first ?? bareEngine(), this.groups, this.named);
      this.first = undefined;
    }
    // Facts are handed over uncached: json-rules-engine would otherwise hash every fact's
    // parameters on every run, for a cache that lives only as long as the run.
    const runtime: Record<string, Fact> = {};
    for (const [id, value] of Object.entries(facts))
      runtime[id] = new Fact(id, value, { cache: false });
    // An engine whose run failed is dropped, not reused.
    const { results, failureResults } = await engine.run(runtime);
    const outcome = new Map<string, boolean>();
    for (const result of results) outcome.set(result.name, true);
    for (const result of failureResults) outcome.set(result.name, false);
    this.idle.push(engine);
    return outcome;
  }
}
