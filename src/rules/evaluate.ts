/**
 * Judging a measured record with a rule pack. For each rule and each item it is over:
 *
 * 1. `applies` false: the item is not applicable;
 * 2. a breach case marked `beforeDue` that holds: a breach, whether due or not;
 * 3. `due.when` false: pending;
 * 4. any other breach case that holds: a breach; none: satisfied.
 *
 * A step whose conditions need a value the record lacks makes the item undetermined, naming the
 * fields to fill in. Each breaching item gives a finding located where the item is written;
 * items that do not breach are summed up in one finding per rule.
 */
import { isMissing } from '../facts/missing.js';
import { addPeriodToDate, type Facts, type Item } from '../facts/measure.js';
import type { ParamValue } from '../facts/params.js';
import { humanPath } from '../pointer.js';
import {
  ConditionEvaluator,
  missingIn,
  referencesOf,
  resolvePath,
  type ConditionGroup,
} from './engine.js';
import type { LoadedRule, RulePack } from './pack.js';
import { fillTemplate, type Language } from './template.js';
import type { BreachCase, Localized, Severity } from './types.js';

export type Status = 'breach' | 'pending' | 'satisfied' | 'not-applicable' | 'undetermined';

export const STATUSES: readonly Status[] = [
  'breach',
  'undetermined',
  'pending',
  'satisfied',
  'not-applicable',
];

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
}

interface ItemOutcome {
  status: Status;
  cases: BreachCase[];
  missing: string[];
  context: Record<string, unknown>;
  item: Item;
}

const LANGUAGES: Language[] = ['fr', 'en'];

const GENERIC = {
  undetermined: {
    fr: 'Indéterminé : le dossier ne renseigne pas {fields}.',
    en: 'Undetermined: the record does not give {fields}.',
  },
  pending: { fr: 'Pas encore dû : {due}.', en: 'Not yet due: {due}.' },
  notApplicable: { fr: 'Sans objet pour ce dossier.', en: 'Not applicable to this record.' },
};

/** A rule made ready to evaluate: its conditions grouped, their references listed. */
class CompiledRule {
  readonly evaluator: ConditionEvaluator;
  readonly references = new Map<string, { fact: string; path: string }[]>();
  readonly early: BreachCase[];
  readonly late: BreachCase[];

  constructor(
    readonly rule: LoadedRule,
    readonly pack: RulePack,
  ) {
    const groups: ConditionGroup[] = [];
    if (rule.applies) groups.push({ name: 'applies', condition: rule.applies });
    if (rule.due.when) groups.push({ name: 'due', condition: rule.due.when });
    for (const breach of rule.breaches)
      groups.push({ name: `case:${breach.id}`, condition: breach.when });
    for (const group of groups)
      this.references.set(group.name, referencesOf(group.condition, pack.conditions));
    this.evaluator = new ConditionEvaluator(groups, pack.conditions);
    this.early = rule.breaches.filter((b) => b.beforeDue);
    this.late = rule.breaches.filter((b) => !b.beforeDue);
  }

  /** The facts a condition of this rule sees for an item (or for none). */
  context(facts: Facts, item: Item | undefined): Record<string, unknown> {
    const params = facts.parameters.at(item?.paramDay ?? facts.asOf);
    const context: Record<string, unknown> = {
      ...facts.globals,
      params,
      item: item?.values ?? null,
    };
    for (const [name, deadline] of Object.entries(this.rule.deadlines ?? {})) {
      const [fact, ...path] = deadline.from.split('.');
      const from = resolvePath(context[fact!], path.join('.'));
      const period = params[deadline.add] as ParamValue | undefined;
      context[name] =
        isMissing(from) || from === undefined || typeof period !== 'string'
          ? (from ?? null)
          : addPeriodToDate(from as string | null, period, facts.parameters.counting(deadline.add));
    }
    return context;
  }

  async judge(facts: Facts, item: Item): Promise<ItemOutcome> {
    const context = this.context(facts, item);
    const missing = (group: string): string[] =>
      missingIn(this.references.get(group) ?? [], context);
    const outcome = await this.evaluator.evaluate(context);
    const done = (
      status: Status,
      cases: BreachCase[] = [],
      lacking: string[] = [],
    ): ItemOutcome => ({
      status,
      cases,
      missing: lacking,
      context,
      item,
    });

    if (this.rule.applies) {
      const lacking = missing('applies');
      if (lacking.length > 0) return done('undetermined', [], lacking);
      if (!outcome.get('applies')) return done('not-applicable');
    }
    const breaches: BreachCase[] = [];
    const lacking = new Set<string>();
    const judge = (cases: BreachCase[]): void => {
      for (const breach of cases) {
        const needs = missing(`case:${breach.id}`);
        if (needs.length > 0) needs.forEach((p) => lacking.add(p));
        else if (outcome.get(`case:${breach.id}`)) breaches.push(breach);
      }
    };
    judge(this.early);
    let due = true;
    if (this.rule.due.when) {
      const needs = missing('due');
      if (needs.length > 0) {
        needs.forEach((p) => lacking.add(p));
        due = false;
      } else due = outcome.get('due') === true;
    }
    if (due) judge(this.late);
    if (breaches.length > 0) return done('breach', breaches);
    if (lacking.size > 0) return done('undetermined', [], [...lacking]);
    if (!due) return done('pending');
    return done('satisfied');
  }
}

/** Evaluates records with one rule pack. Safe to share between concurrent evaluations. */
export class PackEvaluator {
  private readonly compiled: CompiledRule[];

  constructor(readonly pack: RulePack) {
    this.compiled = pack.rules.map((rule) => new CompiledRule(rule, pack));
  }

  /** Every finding of every rule, rules in id order. */
  async evaluate(facts: Facts): Promise<RuleFinding[]> {
    const findings: RuleFinding[] = [];
    for (const compiled of this.compiled) {
      findings.push(...(await this.evaluateRule(compiled, facts)));
    }
    return findings;
  }

  private async evaluateRule(compiled: CompiledRule, facts: Facts): Promise<RuleFinding[]> {
    const { rule } = compiled;
    const items = facts.collections[rule.over] ?? [];
    const outcomes: ItemOutcome[] = [];
    for (const item of items) outcomes.push(await compiled.judge(facts, item));

    const findings: RuleFinding[] = [];
    const base = { rule: rule.id, severity: rule.severity };
    for (const outcome of outcomes) {
      if (outcome.status !== 'breach') continue;
      for (const breach of outcome.cases) {
        findings.push({
          ...base,
          status: 'breach',
          case: breach.id,
          text: fill(breach.message, outcome.context),
          pointers: pointersOf(outcome.item, breach.locations),
        });
      }
    }
    // Undetermined items are grouped by what they lack: one finding per set of missing fields.
    const undetermined = new Map<string, ItemOutcome[]>();
    for (const outcome of outcomes) {
      if (outcome.status !== 'undetermined') continue;
      const key = outcome.missing.join('\n');
      undetermined.set(key, [...(undetermined.get(key) ?? []), outcome]);
    }
    for (const group of undetermined.values()) {
      const lacking = group[0]!.missing;
      const fields = lacking.map(humanPath).join(', ');
      findings.push({
        ...base,
        status: 'undetermined',
        text: fill(GENERIC.undetermined, { fields }),
        pointers: lacking,
        missing: lacking,
        count: group.length,
      });
    }
    if (findings.length > 0) return findings;

    const count = (status: Status): number => outcomes.filter((o) => o.status === status).length;
    const summary: Status =
      count('pending') > 0 ? 'pending' : count('satisfied') > 0 ? 'satisfied' : 'not-applicable';
    const only = items.length === 1 ? outcomes[0] : undefined;
    const context = {
      ...(only?.context ?? compiled.context(facts, undefined)),
      count: count(summary),
    };
    const template =
      summary === 'pending'
        ? (rule.messages.pending ?? substitute(GENERIC.pending, 'due', rule.due.description))
        : summary === 'satisfied'
          ? rule.messages.satisfied
          : (rule.messages.notApplicable ?? GENERIC.notApplicable);
    return [
      {
        ...base,
        status: summary,
        text: fill(template, context),
        pointers: only ? pointersOf(only.item, undefined) : [],
        count: count(summary),
      },
    ];
  }
}

function pointersOf(item: Item, locations: string[] | undefined): string[] {
  return (locations ?? ['pointer'])
    .map((field) => item.values[field])
    .filter((p): p is string => typeof p === 'string');
}

function fill(message: Localized, context: Record<string, unknown>): Localized {
  const lookup = (path: string): unknown => {
    const [fact, ...rest] = path.split('.');
    return resolvePath(context[fact!], rest.join('.'));
  };
  const out = { fr: '', en: '' };
  for (const language of LANGUAGES)
    out[language] = fillTemplate(message[language], lookup, language);
  return out;
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
