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

/** What a rule makes of one item. */
export interface Outcome {
  status: Status;
  cases: readonly BreachCase[];
  missing: readonly string[];
  /** The due date and the day performed, when the rule says them and they are known. */
  due?: string;
  performed?: string;
  /** Performed after its due date. */
  late?: boolean;
  /**
   * Performed, as the rule's `performed` condition says, on a day it does not give (a single
   * payment made, and a second one besides): a breach then is no overdue obligation.
   */
  done?: boolean;
}

/** An item's outcome kept for the findings, with the item and its facts. */
export interface ItemOutcome extends Outcome {
  /** The facts of the item, read by name, for a message that shows them. */
  lookup: Lookup;
  item: Item;
  /** The item's position in its collection. */
  index: number;
}

const NONE: readonly never[] = Object.freeze([]);
/** The outcomes that say nothing but their status, made once. */
const PLAIN: Readonly<Record<Status, Outcome>> = {
  breach: { status: 'breach', cases: NONE, missing: NONE },
  pending: { status: 'pending', cases: NONE, missing: NONE },
  satisfied: { status: 'satisfied', cases: NONE, missing: NONE },
  'not-applicable': { status: 'not-applicable', cases: NONE, missing: NONE },
  undetermined: { status: 'undetermined', cases: NONE, missing: NONE },
};

/** The outcome with the dates it is known by, if any (each field set only when known). */
function dated(status: Status, dates: Dates | undefined): Outcome {
  if (dates === undefined) return PLAIN[status];
  return withDates({ status, cases: NONE, missing: NONE }, dates);
}

/** An outcome given the dates known of another (or of the rule), in their order. */
function withDates<T extends Outcome>(outcome: T, dates: Dates): T {
  if (dates.due !== undefined) outcome.due = dates.due;
  if (dates.performed !== undefined) outcome.performed = dates.performed;
  if (dates.late !== undefined) outcome.late = dates.late;
  if (dates.done !== undefined) outcome.done = dates.done;
  return outcome;
}

interface Dates {
  due?: string;
  performed?: string;
  late?: boolean;
  done?: boolean;
}

/** What the steps of one item gather: the breach cases that hold, and the pointers it lacks. */
class Steps {
  breaches: BreachCase[] | undefined;
  /** Made only for an item that lacks something: most lack nothing. */
  lacking: Set<string> | undefined;

  constructor(
    private readonly plan: RulePlan,
    private readonly judgement: Judgement,
  ) {}

  private lack(missing: readonly string[]): void {
    if (missing.length === 0) return;
    const into = (this.lacking ??= new Set<string>());
    for (const pointer of missing) into.add(pointer);
  }

  /** Whether a group holds; undefined when it lacks a value (noted). */
  holds(group: number): boolean | undefined {
    const missing = this.judgement.lacks(group);
    if (missing.length > 0) {
      this.lack(missing);
      return undefined;
    }
    return this.judgement.holds[group] === true;
  }

  /** The breach cases that hold, those marked beforeDue (step 2) or the others (step 5). */
  judgeCases(beforeDue: boolean): void {
    for (const { breach, group } of this.plan.cases)
      if ((breach.beforeDue === true) === beforeDue && this.holds(group))
        (this.breaches ??= []).push(breach);
  }

  /** A date the rule names: the text, null if none, undefined if unknown (noted). */
  date(reference: SplitReference | undefined): string | null | undefined {
    if (reference === undefined) return undefined;
    const value = this.judgement.value(reference);
    if (isMissing(value)) {
      this.lack(value.pointers);
      return undefined;
    }
    return typeof value === 'string' ? value : null;
  }
}

/** The outcome of a rule for an item, from its groups' results (steps 1 to 5 above). */
export function outcomeOf(plan: RulePlan, judgement: Judgement): Outcome {
  if (plan.applies !== undefined) {
    const missing = judgement.lacks(plan.applies);
    if (missing.length > 0) return { ...PLAIN.undetermined, missing: [...missing] };
    if (!judgement.holds[plan.applies]) return PLAIN['not-applicable'];
  }
  const steps = new Steps(plan, judgement);
  steps.judgeCases(true);

  // The due date and the day performed, where the rule gives them.
  const due = steps.date(plan.by);
  const performedOn = steps.date(plan.performedOn);
  let dates: Dates | undefined;
  if (typeof due === 'string') dates = { due };
  if (typeof performedOn === 'string') (dates ??= {}).performed = performedOn;
  let performed: boolean | undefined;
  if (plan.performed !== undefined) performed = steps.holds(plan.performed);
  else if (plan.performedOn !== undefined && performedOn !== undefined)
    performed = performedOn !== null;
  if (performed === true && typeof performedOn !== 'string') (dates ??= {}).done = true;

  let isDue: boolean;
  if (plan.by !== undefined) isDue = typeof due === 'string' && judgement.asOf > due;
  else if (plan.due !== undefined) isDue = steps.holds(plan.due) === true;
  else isDue = true;

  if (performed === true) {
    if (typeof due === 'string' && typeof performedOn === 'string' && performedOn > due)
      return {
        ...dated('breach', { ...dates, late: true }),
        cases: [...(steps.breaches ?? []), LATE],
      };
    if (plan.by !== undefined && due === undefined && typeof performedOn === 'string')
      return { ...dated('undetermined', dates), missing: [...(steps.lacking ?? [])] };
  }
  // Step 5: the other breach cases, once performed or due.
  if (performed === true || isDue) steps.judgeCases(false);
  if (steps.breaches !== undefined) return { ...dated('breach', dates), cases: steps.breaches };
  if (steps.lacking !== undefined && steps.lacking.size > 0)
    return { ...dated('undetermined', dates), missing: [...steps.lacking] };
  if (performed === true) return dated('satisfied', dates);
  if (!isDue) return dated('pending', dates);
  return dated('satisfied', dates);
}

/** An outcome kept with its item: its fields copied one by one (a spread was slower). */
function keptOutcome(
  outcome: Outcome,
  judgement: Judgement,
  item: Item,
  index: number,
): ItemOutcome {
  const kept = withDates(
    { status: outcome.status, cases: outcome.cases, missing: outcome.missing } as ItemOutcome,
    outcome,
  );
  kept.lookup = judgement.facts.lookup;
  kept.item = item;
  kept.index = index;
  return kept;
}

/** What the findings of one rule need from its items' outcomes, gathered one item at a time. */
export class Tally {
  /** Breaching items, in order. */
  readonly breaches: ItemOutcome[] = [];
  /** Undetermined items grouped by what they lack, in order of first appearance. */
  readonly undetermined = new Map<string, { missing: string[]; count: number }>();
  /** How many items had each status (a field each: a Map was a tenth of tallying). */
  private readonly counts: Record<Status, number> = {
    breach: 0,
    pending: 0,
    satisfied: 0,
    'not-applicable': 0,
    undetermined: 0,
  };
  /** The outcome of the first item, kept while it is the only one. */
  private first: ItemOutcome | undefined;
  private items = 0;
  /**
   * The pending item due first (the first pending one while none has a due date), kept whole:
   * where a pending finding points, and the day it is due.
   */
  pending: ItemOutcome | undefined;

  add(outcome: Outcome, judgement: Judgement, item: Item, index: number): void {
    this.items += 1;
    // Only the first item, the pending one due first and breaching ones are kept whole.
    this.first = this.items === 1 ? keptOutcome(outcome, judgement, item, index) : undefined;
    if (
      outcome.status === 'pending' &&
      (this.pending === undefined ||
        (outcome.due !== undefined &&
          (this.pending.due === undefined || outcome.due < this.pending.due)))
    )
      this.pending = this.first ?? keptOutcome(outcome, judgement, item, index);
    this.counts[outcome.status] += 1;
    if (outcome.status === 'breach')
      this.breaches.push(this.first ?? keptOutcome(outcome, judgement, item, index));
    else if (outcome.status === 'undetermined') {
      const key = outcome.missing.join('\n');
      const group = this.undetermined.get(key);
      if (group) group.count += 1;
      else this.undetermined.set(key, { missing: [...outcome.missing], count: 1 });
    }
  }

  count(status: Status): number {
    return this.counts[status];
  }

  /** The outcome of the collection's only item, if it has exactly one. */
  get only(): ItemOutcome | undefined {
    return this.first;
  }
}
