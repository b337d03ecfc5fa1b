/**
 * The outcome of a rule for one item, from what its conditions say (the five steps of
 * ../evaluate.ts), and the tally of a rule's outcomes over its collection's items, kept one item
 * at a time (only breaching items are kept whole).
 */
import type { Status } from '../../model/finding.js';
import { isMissing } from '../../facts/missing.js';
import type { Item } from '../../facts/derive.js';
import type { BreachCase } from '../../model/pack.js';
import type { Judgement, RulePlan, SplitReference } from './collection-plan.js';
import type { Lookup } from './lookup.js';
import { LATE } from './messages.js';

export interface ItemOutcome {
  status: Status;
  cases: BreachCase[];
  missing: string[];
  /** The due date and the day performed, when the rule says them and they are known. */
  due?: string;
  performed?: string;
  /** Performed after its due date. */
  late?: boolean;
  /** The facts of the item, read by name, for a message that shows them. */
  lookup: Lookup;
  item: Item;
  /** The item's position in its collection. */
  index: number;
}

/** The outcome of a rule for an item, from its groups' results (steps 1 to 5 above). */
export function outcomeOf(
  plan: RulePlan,
  judgement: Judgement,
  item: Item,
  index: number,
): ItemOutcome {
  const { holds, lacks, lookup, read, asOf } = judgement;
  const done = (
    status: Status,
    cases: BreachCase[] = [],
    missing: string[] = [],
    dates: { due?: string; performed?: string; late?: boolean } = {},
  ): ItemOutcome => ({ status, cases, missing, lookup, item, index, ...dates });
  if (plan.applies !== undefined) {
    const missing = lacks(plan.applies);
    if (missing.length > 0) return done('undetermined', [], [...missing]);
    if (!holds.get(plan.applies)) return done('not-applicable');
  }
  const breaches: BreachCase[] = [];
  // Made only for an item that lacks something: most lack nothing.
  let lacking: Set<string> | undefined;
  const lack = (missing: readonly string[]): void =>
    missing.forEach((p) => (lacking ??= new Set()).add(p));
  const judge = (early: boolean): void => {
    for (const { breach, group } of plan.cases) {
      if ((breach.beforeDue ?? false) !== early) continue;
      const missing = lacks(group);
      if (missing.length > 0) lack(missing);
      else if (holds.get(group)) breaches.push(breach);
    }
  };
  judge(true);

  // The due date and the day performed, where the rule gives them.
  const dateOf = (reference: SplitReference | undefined): string | null | undefined => {
    if (reference === undefined) return undefined;
    const value = read(reference);
    if (isMissing(value)) {
      lack(value.pointers);
      return undefined;
    }
    return typeof value === 'string' ? value : null;
  };
  const due = dateOf(plan.by);
  const performedOn = dateOf(plan.performedOn);
  const dates = {
    ...(typeof due === 'string' && { due }),
    ...(typeof performedOn === 'string' && { performed: performedOn }),
  };
  let performed: boolean | undefined;
  if (plan.performed !== undefined) {
    const missing = lacks(plan.performed);
    if (missing.length > 0) lack(missing);
    else performed = holds.get(plan.performed) === true;
  } else if (plan.performedOn !== undefined && performedOn !== undefined) {
    performed = performedOn !== null;
  }

  let isDue: boolean;
  if (plan.by !== undefined) isDue = typeof due === 'string' && asOf > due;
  else if (plan.due !== undefined) {
    const missing = lacks(plan.due);
    if (missing.length > 0) {
      lack(missing);
      isDue = false;
    } else isDue = holds.get(plan.due) === true;
  } else isDue = true;

  if (performed === true) {
    if (typeof due === 'string' && typeof performedOn === 'string' && performedOn > due)
      return done('breach', [...breaches, LATE], [], { ...dates, late: true });
    if (plan.by !== undefined && due === undefined && typeof performedOn === 'string')
      return done('undetermined', [], [...(lacking ?? [])], dates);
    judge(false);
  } else if (isDue) judge(false);
  if (breaches.length > 0) return done('breach', breaches, [], dates);
  if (lacking !== undefined && lacking.size > 0)
    return done('undetermined', [], [...lacking], dates);
  if (performed === true) return done('satisfied', [], [], dates);
  if (!isDue) return done('pending', [], [], dates);
  return done('satisfied', [], [], dates);
}

/** What the findings of one rule need from its items' outcomes, gathered one item at a time. */
export class Tally {
  /** Breaching items, in order. */
  readonly breaches: ItemOutcome[] = [];
  /** Undetermined items grouped by what they lack, in order of first appearance. */
  readonly undetermined = new Map<string, { missing: string[]; count: number }>();
  private readonly counts = new Map<Status, number>();
  /** The outcome of the first item, kept while it is the only one. */
  private first: ItemOutcome | undefined;
  private items = 0;
  /** The earliest due date of the pending items. */
  earliestPendingDue: string | undefined;

  add(outcome: ItemOutcome): void {
    this.items += 1;
    if (
      outcome.status === 'pending' &&
      outcome.due !== undefined &&
      (this.earliestPendingDue === undefined || outcome.due < this.earliestPendingDue)
    )
      this.earliestPendingDue = outcome.due;
    this.first = this.items === 1 ? outcome : undefined;
    this.counts.set(outcome.status, this.count(outcome.status) + 1);
    if (outcome.status === 'breach') this.breaches.push(outcome);
    else if (outcome.status === 'undetermined') {
      const key = outcome.missing.join('\n');
      const group = this.undetermined.get(key);
      if (group) group.count += 1;
      else this.undetermined.set(key, { missing: outcome.missing, count: 1 });
    }
  }

  count(status: Status): number {
    return this.counts.get(status) ?? 0;
  }

  /** The outcome of the collection's only item, if it has exactly one. */
  get only(): ItemOutcome | undefined {
    return this.first;
  }
}
