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
 * conditions serve two rules), and one engine run per item. A condition is a pure function of
 * the values it reads, so items whose read values are all equal share one run: a bounded memo
 * keyed by those values, kept across records.
 */
import type { ItemRef, Status } from '../model/finding.js';
import { parseCalendarDate } from '../base/calendar.js';
import { isMissing, readPath } from '../facts/missing.js';
import type { Facts, Item } from '../facts/derive.js';
import { addPeriodToDate } from '../facts/formula.js';
import type { ParamValue } from '../facts/params.js';
import { humanPath } from '../base/pointer.js';
import { ConditionEvaluator, referencesOf, type ConditionGroup } from './engine.js';
import type { LoadedRule, RulePack } from './pack/types.js';
import { fillTemplate } from './template.js';
import { type Language } from '../base/language.js';
import { traceOf } from './trace.js';
import { type TraceNode } from '../model/trace.js';
import type { Condition, FactReference } from '../model/expressions.js';
import type { BreachCase, Deadline, Localized, Severity } from '../model/pack.js';

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
  /** Why: the derivation of the finding, worked out on demand (see ./trace.ts). */
  explain: () => TraceNode;
}

interface ItemOutcome {
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

const GENERIC = {
  undetermined: {
    fr: 'Indéterminé : le dossier ne renseigne pas {fields}.',
    en: 'Undetermined: the record does not give {fields}.',
  },
  pending: { fr: 'Pas encore dû : {due}.', en: 'Not yet due: {due}.' },
  late: {
    fr: 'Exécuté en retard : dû au plus tard le {due|date}, exécuté le {performed|date}, {daysLate|days} de retard.',
    en: 'Performed late: due by {due|date}, performed on {performed|date}, {daysLate|days} late.',
  },
  notApplicable: { fr: 'Sans objet pour ce dossier.', en: 'Not applicable to this record.' },
};

/** How many sets of read values each collection remembers, across the records of a run. */
const MEMO_SIZE = 20_000;

/** A deadline's fact name, the same for every rule that computes the same date. */
const deadlineFact = (deadline: Deadline): string => `deadline(${deadline.from}+${deadline.add})`;

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
interface RulePlan {
  rule: LoadedRule;
  applies?: string;
  due?: string;
  performed?: string;
  /** The due date and the day performed, as fact references with their paths split. */
  by?: SplitReference;
  performedOn?: SplitReference;
  cases: { breach: BreachCase; group: string }[];
}

interface SplitReference {
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
class CollectionPlan {
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
interface Judgement {
  holds: Map<string, boolean>;
  lacks: (group: string) => readonly string[];
  /** The facts of the item by name, as the context of the conditions holds them. */
  lookup: Lookup;
  /** A fact of the item, read as conditions read it. */
  read: (reference: SplitReference) => unknown;
  asOf: string;
}

/** The outcome of a rule for an item, from its groups' results (steps 1 to 5 above). */
function outcomeOf(plan: RulePlan, judgement: Judgement, item: Item, index: number): ItemOutcome {
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

/** The breach case of an obligation performed after its due date. */
const LATE: BreachCase = {
  id: 'late',
  when: { all: [] } as unknown as Condition,
  message: GENERIC.late,
  locations: [],
};

/** Evaluates records with one rule pack. Safe to share between concurrent evaluations. */
export class PackEvaluator {
  private readonly plans: CollectionPlan[];
  /** The rules in id order, with the plan of their collection. */
  private readonly order: { plan: CollectionPlan; rule: RulePlan }[];

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

  /** Every finding of every rule, rules in id order. */
  async evaluate(facts: Facts): Promise<RuleFinding[]> {
    const tallies = new Map<RulePlan, Tally>();
    for (const plan of this.plans) {
      const own = plan.rules.map((rule) => {
        const tally = new Tally();
        tallies.set(rule, tally);
        return { rule, tally };
      });
      // Items are made as they are read and dropped once tallied: only breaching items are kept.
      let index = 0;
      for (const item of facts.items(plan.collection)) {
        const judged = plan.judge(facts, item);
        const judgement = judged instanceof Promise ? await judged : judged;
        for (const { rule, tally } of own) tally.add(outcomeOf(rule, judgement, item, index));
        index++;
      }
    }
    return this.order.flatMap(({ plan, rule }) =>
      findingsOf(rule.rule, tallies.get(rule)!, plan, facts),
    );
  }
}

/** What the findings of one rule need from its items' outcomes, gathered one item at a time. */
class Tally {
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

function findingsOf(
  rule: LoadedRule,
  tally: Tally,
  plan: CollectionPlan,
  facts: Facts,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const base = { rule: rule.id, severity: rule.severity };
  const messageContext = (lookup: Lookup): Lookup => withRuleDeadlines(lookup, rule);
  for (const outcome of tally.breaches) {
    const timing = timingOf(outcome, facts);
    for (const breach of outcome.cases) {
      const late = breach === LATE;
      findings.push({
        ...base,
        status: 'breach',
        case: breach.id,
        text: fill(late ? (rule.messages.late ?? GENERIC.late) : breach.message, () =>
          over(timing, messageContext(outcome.lookup)),
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
  // Undetermined items are grouped by what they lack: one finding per set of missing fields.
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
  if (findings.length > 0) return findings;

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
      messageContext(only ? only.lookup : plan.lookup(facts, undefined)),
    );
  const template =
    summary === 'pending'
      ? (rule.messages.pending ?? substitute(GENERIC.pending, 'due', rule.due.description))
      : summary === 'satisfied'
        ? rule.messages.satisfied
        : (rule.messages.notApplicable ?? GENERIC.notApplicable);
  // A pending rule is due on the earliest due date of its pending items.
  const due = summary === 'pending' ? tally.earliestPendingDue : only?.due;
  // Every rule has this finding for every record: made field by field, in the order of the others.
  const finding: Omit<RuleFinding, 'explain'> & Partial<RuleFinding> = {
    rule: rule.id,
    severity: rule.severity,
    status: summary,
    text: fill(template, context),
    pointers: only ? pointersOf(only.item, undefined) : [],
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
  return [finding as RuleFinding];
}

/** When a breaching item was due, when it was performed, and how many days late. */
function timingOf(
  outcome: ItemOutcome,
  facts: Facts,
): { due?: string; performed?: string; daysLate?: number } {
  if (outcome.due === undefined) return {};
  // Late: performed after its due date; overdue: not performed, and the due date passed.
  const asOf = facts.globals.asOf as string;
  const end = outcome.late
    ? outcome.performed
    : outcome.performed === undefined && asOf > outcome.due
      ? asOf
      : undefined;
  const days = (text: string): number => {
    const parsed = parseCalendarDate(text);
    // Both dates were checked when the record was read.
    if (!parsed.ok) throw new Error(`unchecked date ${text}`);
    return parsed.value;
  };
  return {
    due: outcome.due,
    ...(outcome.performed !== undefined && { performed: outcome.performed }),
    ...(end !== undefined && { daysLate: days(end) - days(outcome.due) }),
  };
}

/**
 * The facts by name, as a context object would hold them as own fields: `undefined` for a name
 * that is none of them. Messages read their facts through one, not through a copy of them all.
 */
type Lookup = (fact: string) => unknown;

/** No pointers: what an item lacks when none of the values its conditions read is unknown. */
const NOTHING: readonly string[] = Object.freeze([]);

/** The facts conditions see for an item: the record's and the pack's, params, item, deadlines. */
function factsLookup(
  facts: Facts,
  params: Record<string, ParamValue>,
  item: unknown,
  deadlines: ReadonlyMap<string, unknown>,
): Lookup {
  const globals = facts.globals;
  return (fact) => {
    if (deadlines.has(fact)) return deadlines.get(fact);
    if (fact === 'item') return item;
    if (fact === 'params') return params;
    return Object.hasOwn(globals, fact) ? globals[fact] : undefined;
  };
}

/** Some facts set over others: an own field of `top` hides the fact of that name below. */
const over =
  (top: Record<string, unknown>, below: Lookup): Lookup =>
  (fact) =>
    Object.hasOwn(top, fact) ? top[fact] : below(fact);

/** Facts where the rule's own deadline names (used in its messages) are set. */
function withRuleDeadlines(lookup: Lookup, rule: LoadedRule): Lookup {
  const deadlines = rule.deadlines ?? {};
  if (Object.keys(deadlines).length === 0) return lookup;
  return (fact) =>
    Object.hasOwn(deadlines, fact) ? lookup(deadlineFact(deadlines[fact]!)) : lookup(fact);
}

function pointersOf(item: Item, locations: string[] | undefined): string[] {
  return (locations ?? ['pointer'])
    .map((field) => item.values[field])
    .filter((p): p is string => typeof p === 'string');
}

/**
 * A message in both languages, each filled when first read: a run reports in one language, and
 * every rule has a message, so the other language and the facts it would read are never made.
 */
function fill(message: Localized, context: () => Lookup): Localized {
  let made: Lookup | undefined;
  const filled: Partial<Localized> = {};
  const text = (language: Language): string => {
    if (filled[language] === undefined) {
      made ??= context();
      const facts = made;
      // A placeholder names a fact and a path in it, read as conditions read them: own fields only.
      const lookup = (path: string): unknown => {
        const [fact, ...rest] = path.split('.');
        return readPath(facts(fact!), rest);
      };
      filled[language] = fillTemplate(message[language], lookup, language);
    }
    return filled[language];
  };
  return {
    get fr() {
      return text('fr');
    },
    get en() {
      return text('en');
    },
  };
}

/** A generic message with one placeholder replaced by a localized text. */
function substitute(message: Localized, name: string, value: Localized): Localized {
  return {
    fr: message.fr.replace(
      `{${name}}`,
      value.fr.replace(/[{}]/g, (c) => c + c),
    ),
    en: message.en.replace(
      `{${name}}`,
      value.en.replace(/[{}]/g, (c) => c + c),
    ),
  };
}
