/**
 * Judging a measured record with a rule pack. For each rule and each item it is over:
 *
 * 1. `applies` false: the item is not applicable;
 * 2. a breach case marked `beforeDue` that holds: a breach, whether due or not;
 * 3. performed (`due.performed`, or a date in `due.performedOn`): after its due date
 *    (`due.by`), late, a breach; else judged by its other breach cases, satisfied if none holds,
 *    even before it is due;
 * 4. not performed and not due (`due.by` not passed, `due.when` false): pending;
 * 5. any other breach case that holds: a breach; none: satisfied.
 *
 * A step whose conditions need a value the record lacks makes the item undetermined, naming the
 * fields to fill in. Each breaching item gives a finding located where the item is written;
 * items that do not breach are summed up in one finding per rule.
 *
 * How it is run: the rules over one collection (the weeks, the payments...) share one
 * json-rules-engine engine, with each distinct condition once (the weeks' "in force" and "over"
 * conditions serve two rules), and at most one engine run per item. A group's result is a pure
 * function of the truths of its comparisons, so items whose comparisons come out alike share one
 * run: a bounded memo keyed by those truths (a number, one bit per comparison), kept across
 * records. Items are judged without closures: most are judged on what an item before them said.
 */
import type { Facts } from '../facts/derive.js';
import type { CollectionAnswers, RulePack } from './pack/types.js';
import {
  CollectionPlan,
  remember,
  type Judgement,
  type RulePlan,
} from './evaluate/collection-plan.js';
import { findingsOf, type RuleFinding } from './evaluate/findings.js';
import { outcomeOf, Tally, type Outcome } from './evaluate/outcome.js';

export type { RuleFinding } from './evaluate/findings.js';

/** Evaluates records with one rule pack. Safe to share between concurrent evaluations. */
export class PackEvaluator {
  private readonly plans: CollectionPlan[];
  /** The rules in id order, with the plan of their collection. */
  private readonly order: { plan: CollectionPlan; rule: RulePlan }[];
  /**
   * For each collection, the outcome of each of its rules by the truths of the comparisons
   * (Judgement.key), for the items that lack nothing: a rule that reads no day of the item
   * (no `due.by`, no `due.performedOn`) has the same outcome for every such item of one key.
   */
  private readonly outcomes = new Map<CollectionPlan, Map<number | string, Outcome[]>>();

  constructor(readonly pack: RulePack) {
    const byCollection = new Map<string, CollectionPlan>();
    for (const rule of pack.rules) {
      let plan = byCollection.get(rule.over);
      if (!plan) {
        plan = new CollectionPlan(rule.over, pack);
        byCollection.set(rule.over, plan);
      }
      plan.add(rule);
    }
    this.plans = [...byCollection.values()];
    this.order = this.plans
      .flatMap((plan) => plan.rules.map((rule) => ({ plan, rule })))
      .sort((a, b) =>
        a.rule.rule.id < b.rule.rule.id ? -1 : a.rule.rule.id > b.rule.rule.id ? 1 : 0,
      );
  }

  /**
   * What the conditions of each collection said for the truths met so far, for the pack's
   * snapshot: a check restored from it need not run the engine on those (see CollectionAnswers).
   */
  answers(): Record<string, CollectionAnswers> {
    return Object.fromEntries(this.plans.map((plan) => [plan.collection, plan.answers()]));
  }

  /** The outcomes known for a judgement's key (see outcomes), by the index of the rule. */
  private outcomesOf(plan: CollectionPlan, judgement: Judgement): Outcome[] {
    let byKey = this.outcomes.get(plan);
    if (byKey === undefined) this.outcomes.set(plan, (byKey = new Map()));
    return byKey.get(judgement.key) ?? remember(byKey, judgement.key, []);
  }

  /** Every finding of every rule, rules in id order. */
  async evaluate(facts: Facts): Promise<RuleFinding[]> {
    const tallies = new Map<RulePlan, Tally>();
    for (const plan of this.plans) {
      const own = plan.rules.map((rule) => {
        const tally = new Tally();
        tallies.set(rule, tally);
        return { rule, tally, byKey: rule.by === undefined && rule.performedOn === undefined };
      });
      // Items are made as they are read and dropped once tallied: only breaching items are kept.
      let index = 0;
      for (const item of facts.items(plan.collection)) {
        const judged = plan.judge(facts, item);
        const judgement = judged instanceof Promise ? await judged : judged;
        const known = judgement.lacksNothing ? this.outcomesOf(plan, judgement) : undefined;
        for (let r = 0; r < own.length; r++) {
          const { rule, tally, byKey } = own[r]!;
          const outcome =
            known !== undefined && byKey
              ? (known[r] ??= outcomeOf(rule, judgement))
              : outcomeOf(rule, judgement);
          tally.add(outcome, judgement, item, index);
        }
        index++;
      }
    }
    return this.order.flatMap(({ plan, rule }) =>
      findingsOf(rule.rule, tallies.get(rule)!, plan, facts),
    );
  }
}
