/**
 * The findings of one rule from the tally of its items: one per breach case of each breaching
 * item, one per set of fields undetermined items lack, else one that sums the rule up (pending,
 * satisfied or not applicable); each with its message, its places and its trace on demand.
 */
import type { ItemRef, Status } from '../../model/finding.js';
import { checkedDay } from '../../base/calendar.js';
import type { Facts, Item } from '../../facts/derive.js';
import { humanPath } from '../../base/pointer.js';
import type { LoadedRule } from '../pack/types.js';
import { traceOf } from '../trace.js';
import { type TraceNode } from '../../model/trace.js';
import type { Localized, Severity } from '../../model/pack.js';
import type { CollectionPlan } from './collection-plan.js';
import { over, withRuleDeadlines } from './lookup.js';
import { fill, GENERIC, LATE, substitute } from './messages.js';
import type { ItemOutcome, Tally } from './outcome.js';

/** A finding before it is located in the record's file. */
export interface RuleFinding {
  rule: string;
  status: Status;
  severity: Severity;
  /** The breach case, for a breach. */
  case?: string;
  /** The message, in both languages. */
  text: Localized;
  /** Where in the record the finding points (JSON pointers). */
  pointers: string[];
  /** For an undetermined finding: the fields the record lacks. */
  missing?: string[];
  /** For a finding that sums up items: how many. */
  count?: number;
  /** For a breach: the item judged, by its position among the items of the rule's collection. */
  item?: ItemRef;
  /** The last day to perform the obligation, where the rule says (`due.by`) and it is known. */
  due?: string;
  /** The day it was performed, where known. */
  performed?: string;
  /** How many days after its due date it was performed, or, not performed, the evaluation date is. */
  daysLate?: number;
  /** Why: the derivation of the finding, worked out on demand (see ../trace.ts). */
  explain: () => TraceNode;
}

export function findingsOf(
  rule: LoadedRule,
  tally: Tally,
  plan: CollectionPlan,
  facts: Facts,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  addBreachFindings(findings, rule, tally, plan, facts);
  addUndeterminedFindings(findings, rule, tally, plan, facts);
  if (findings.length > 0) return findings;
  return [summaryFinding(rule, tally, plan, facts)];
}

/** One finding per breach case of each breaching item, located where the item is written. */
function addBreachFindings(
  findings: RuleFinding[],
  rule: LoadedRule,
  tally: Tally,
  plan: CollectionPlan,
  facts: Facts,
): void {
  if (tally.breaches.length === 0) return;
  const base = { rule: rule.id, severity: rule.severity };
  for (const outcome of tally.breaches) {
    const timing = timingOf(outcome, facts);
    for (const breach of outcome.cases) {
      const late = breach === LATE;
      findings.push({
        ...base,
        status: 'breach',
        case: breach.id,
        text: fill(late ? (rule.messages.late ?? GENERIC.late) : breach.message, () =>
          over(timing, withRuleDeadlines(outcome.lookup, rule)),
        ),
        pointers: pointersOf(outcome.item, late ? rule.due.locations : breach.locations),
        item: { collection: plan.collection, index: outcome.index },
        ...timing,
        explain: () =>
          traceOf({
            pack: plan.pack,
            rule,
            facts,
            item: outcome.item,
            status: 'breach',
            breach,
            late,
          }),
      });
    }
  }
}

/** Undetermined items grouped by what they lack: one finding per set of missing fields. */
function addUndeterminedFindings(
  findings: RuleFinding[],
  rule: LoadedRule,
  tally: Tally,
  plan: CollectionPlan,
  facts: Facts,
): void {
  if (tally.undetermined.size === 0) return;
  const base = { rule: rule.id, severity: rule.severity };
  for (const { missing, count } of tally.undetermined.values()) {
    const fields = missing.map(humanPath).join(', ');
    findings.push({
      ...base,
      status: 'undetermined',
      text: fill(GENERIC.undetermined, () => over({ fields }, () => undefined)),
      pointers: missing,
      missing,
      count,
      explain: () => traceOf({ pack: plan.pack, rule, facts, status: 'undetermined', missing }),
    });
  }
}

/** The one finding of a rule none of whose items breaches or is undetermined: its summary. */
function summaryFinding(
  rule: LoadedRule,
  tally: Tally,
  plan: CollectionPlan,
  facts: Facts,
): RuleFinding {
  const summary: Status =
    tally.count('pending') > 0
      ? 'pending'
      : tally.count('satisfied') > 0
        ? 'satisfied'
        : 'not-applicable';
  const only = tally.only;
  const context = () =>
    over(
      { count: tally.count(summary) },
      withRuleDeadlines(only ? only.lookup : plan.factsOf(facts, undefined).lookup, rule),
    );
  const template =
    summary === 'pending'
      ? (rule.messages.pending ?? substitute(GENERIC.pending, 'due', rule.due.description))
      : summary === 'satisfied'
        ? rule.messages.satisfied
        : (rule.messages.notApplicable ?? GENERIC.notApplicable);
  // A pending rule is due on the earliest due date of its pending items.
  const due = summary === 'pending' ? tally.pending?.due : only?.due;
  // Every rule has this finding for every record: made field by field, in the order of the others.
  const finding: Omit<RuleFinding, 'explain'> & Partial<RuleFinding> = {
    rule: rule.id,
    severity: rule.severity,
    status: summary,
    text: fill(template, context),
    // Pending: where the item due first is to be performed (the rule's due.locations, else the
    // item); otherwise the collection's only item, if it has one.
    pointers:
      summary === 'pending' && tally.pending !== undefined
        ? pointersOf(tally.pending.item, rule.due.locations)
        : only
          ? pointersOf(only.item, undefined)
          : [],
    count: tally.count(summary),
  };
  if (due !== undefined) finding.due = due;
  if (summary === 'satisfied' && only?.performed !== undefined) finding.performed = only.performed;
  finding.explain = () =>
    traceOf({
      pack: plan.pack,
      rule,
      facts,
      status: summary,
      ...(only && { item: only.item }),
      count: tally.count(summary),
    });
  return finding as RuleFinding;
}

/** When a breaching item was due, when it was performed, and how many days late. */
function timingOf(
  outcome: ItemOutcome,
  facts: Facts,
): { due?: string; performed?: string; daysLate?: number } {
  if (outcome.due === undefined) return {};
  // Late: performed after its due date; overdue: not performed, and the due date passed. A
  // breach of what was performed (a second payment besides the first) is neither.
  const asOf = facts.globals.asOf as string;
  const end = outcome.late
    ? outcome.performed
    : outcome.performed === undefined && outcome.done !== true && asOf > outcome.due
      ? asOf
      : undefined;
  return {
    due: outcome.due,
    ...(outcome.performed !== undefined && { performed: outcome.performed }),
    ...(end !== undefined && { daysLate: checkedDay(end) - checkedDay(outcome.due) }),
  };
}

function pointersOf(item: Item, locations: string[] | undefined): string[] {
  return (locations ?? ['pointer'])
    .map((field) => item.values[field])
    .filter((p): p is string => typeof p === 'string');
}
