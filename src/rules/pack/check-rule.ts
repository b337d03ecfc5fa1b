/**
 * Checking one rule file of a pack against the rest of it: its clauses and quotes, the
 * collection it judges, its parameters and deadlines, its conditions, its breach cases, its due
 * date and day performed, and the placeholders of its messages.
 */
import { ownEntry, type CollectionSpec, type FactModel } from '../../facts/spec.js';
import type { Condition } from '../../model/expressions.js';
import type { Localized } from '../../model/pack.js';
import { FORMATS, parseTemplate } from '../template.js';
import {
  checkCondition,
  exceeds,
  extentProblem,
  ruleConditions,
  type Extent,
} from './conditions.js';
import { at } from './files.js';
import { resolveDotted, resolveReference, type ReferenceScope } from './scope.js';
import type { LoadedRule, PackParts, PackProblem } from './types.js';

/** Reports a problem at a pointer of the rule file. */
type Report = (pointer: string, message: string) => void;

/** What every rule is checked against: the pack, its fact model, the measured conditions. */
export interface RuleCheckContext {
  parts: PackParts;
  model: FactModel;
  clauseIds: ReadonlySet<string>;
  conditionNames: ReadonlySet<string>;
  refused: ReadonlySet<string>;
  extentOf: (condition: Condition) => Extent;
  usesRefused: (condition: Condition) => boolean;
}

/** Checks one rule file; its problems are added to `problems`. */
export function checkRule(
  rule: LoadedRule,
  context: RuleCheckContext,
  problems: PackProblem[],
): void {
  const { parts, model } = context;
  const report: Report = (pointer, message) => {
    problems.push(at(rule.source, pointer, message));
  };
  checkRuleClauses(rule, context.clauseIds, report);
  const collection = ownEntry(model.collections, rule.over);
  if (!collection) {
    report(
      '/over',
      `there are no items called ${rule.over} (known: ${Object.keys(model.collections).join(', ')})`,
    );
    return;
  }
  (rule.parameters ?? []).forEach((name, i) => {
    if (!ownEntry(parts.parameters, name))
      report(`/parameters/${i}`, `there is no parameter ${name} in parameters.yaml`);
  });
  const scope: ReferenceScope = {
    parameters: parts.parameters,
    model,
    over: rule.over,
    declaredParameters: rule.parameters ?? [],
    deadlines: Object.keys(rule.deadlines ?? {}),
  };
  checkDeadlines(rule, collection, scope, report);
  checkRuleConditions(rule, scope, context, report);
  checkBreaches(rule, collection, scope, report);
  checkDue(rule, collection, scope, report);
  checkRuleMessages(rule, collection, scope, report);
}

/** The clauses a rule lists are in clauses.yaml, and each quote is from one of them. */
function checkRuleClauses(rule: LoadedRule, clauseIds: ReadonlySet<string>, report: Report): void {
  rule.clauses.forEach((id, i) => {
    if (!clauseIds.has(id)) report(`/clauses/${i}`, `there is no clause ${id} in clauses.yaml`);
  });
  rule.quotes.forEach((quote, i) => {
    if (!clauseIds.has(quote.clause))
      report(`/quotes/${i}/clause`, `there is no clause ${quote.clause} in clauses.yaml`);
    else if (!rule.clauses.includes(quote.clause)) {
      report(
        `/quotes/${i}/clause`,
        `the quote is from ${quote.clause}, which the rule does not list under clauses:`,
      );
    }
  });
}

/** Each deadline hides no fact, counts from a date, and adds a period parameter the rule lists. */
function checkDeadlines(
  rule: LoadedRule,
  collection: CollectionSpec,
  scope: ReferenceScope,
  report: Report,
): void {
  const parameters = scope.parameters;
  for (const [name, deadline] of Object.entries(rule.deadlines ?? {})) {
    if (
      ownEntry(collection.fields, name) ||
      ownEntry(scope.model.globals, name) ||
      name === 'item' ||
      name === 'params'
    ) {
      report(`/deadlines/${name}`, `the deadline ${name} would hide a fact of the same name`);
    }
    const from = resolveDotted({ ...scope, deadlines: [] }, deadline.from);
    if ('problem' in from) report(`/deadlines/${name}/from`, from.problem);
    else if (from.spec.type !== 'date')
      report(`/deadlines/${name}/from`, `${deadline.from} is not a date`);
    const parameter = ownEntry(parameters, deadline.add);
    if (!parameter) report(`/deadlines/${name}/add`, `there is no parameter ${deadline.add}`);
    else if (parameter.type !== 'period')
      report(`/deadlines/${name}/add`, `the parameter ${deadline.add} is not a period`);
    else if (!(rule.parameters ?? []).includes(deadline.add)) {
      report(
        `/deadlines/${name}/add`,
        `the parameter ${deadline.add} is used but not listed under parameters:`,
      );
    }
  }
}

/** Each condition of the rule, checked against its items; one too large once written out is refused. */
function checkRuleConditions(
  rule: LoadedRule,
  scope: ReferenceScope,
  context: RuleCheckContext,
  report: Report,
): void {
  const conditions = context.parts.conditions;
  for (const { pointer, condition } of ruleConditions(rule)) {
    const extent = context.extentOf(condition);
    if (exceeds(extent)) {
      // Said here unless a named condition it uses is too large itself; its own conditions
      // are still checked, without writing out the names it uses.
      if (!context.usesRefused(condition)) report(pointer, extentProblem(extent, 'this condition'));
      checkCondition(condition, pointer, scope, conditions, report, context.conditionNames);
    } else checkCondition(condition, pointer, scope, conditions, report, context.refused);
  }
}

/** Breach cases have distinct ids, point at places of the items, and show known facts. */
function checkBreaches(
  rule: LoadedRule,
  collection: CollectionSpec,
  scope: ReferenceScope,
  report: Report,
): void {
  const caseIds = new Set<string>();
  rule.breaches.forEach((breach, i) => {
    if (caseIds.has(breach.id))
      report(`/breaches/${i}/id`, `two breach cases are called ${breach.id}`);
    caseIds.add(breach.id);
    (breach.locations ?? []).forEach((field, k) => {
      if (!isPlace(collection, field)) {
        report(
          `/breaches/${i}/locations/${k}`,
          `the items of ${rule.over} have no place called ${field}`,
        );
      }
    });
    checkMessage(breach.message, `/breaches/${i}/message`, scope, true, report);
  });
}

/** Whether the items of a collection have a place (a pointer field) of that name. */
function isPlace(collection: CollectionSpec, field: string): boolean {
  return ownEntry(collection.fields, field)?.type === 'pointer';
}

/** The due date and the day performed are dates of the facts the rule sees; and what goes with them. */
function checkDue(
  rule: LoadedRule,
  collection: CollectionSpec,
  scope: ReferenceScope,
  report: Report,
): void {
  for (const key of ['by', 'performedOn'] as const) {
    const reference = rule.due[key];
    if (reference === undefined) continue;
    const resolved = resolveReference(scope, reference.fact, reference.path);
    if ('problem' in resolved)
      report(`/due/${key}/${resolved.inPath ? 'path' : 'fact'}`, resolved.problem);
    else if (resolved.spec.type !== 'date')
      report(
        `/due/${key}`,
        `${[reference.fact, reference.path].filter(Boolean).join('.')} is not a date`,
      );
  }
  if (rule.due.by !== undefined && rule.due.when !== undefined)
    report(
      '/due',
      'say when the obligation falls due by a date (by) or a condition (when), not both',
    );
  if (rule.due.performed === undefined && rule.due.performedOn === undefined && rule.messages.late)
    report(
      '/messages/late',
      'a late message needs due.performedOn, the day the obligation was performed',
    );
  (rule.due.locations ?? []).forEach((field, k) => {
    if (!isPlace(collection, field))
      report(`/due/locations/${k}`, `the items of ${rule.over} have no place called ${field}`);
  });
}

/** What a late message may show besides the facts: the due date, the day performed, the delay. */
const LATE_PLACEHOLDERS = ['due', 'performed', 'daysLate'];

/** The rule's messages show known facts, and it has the messages its due date and applies need. */
function checkRuleMessages(
  rule: LoadedRule,
  collection: CollectionSpec,
  scope: ReferenceScope,
  report: Report,
): void {
  for (const [kind, message] of Object.entries(rule.messages)) {
    checkMessage(
      message as Localized,
      `/messages/${kind}`,
      scope,
      kind === 'late' || collection.cardinality === 'one',
      report,
      kind === 'late' ? LATE_PLACEHOLDERS : [],
    );
  }
  if ((rule.due.when || rule.due.by) && !rule.messages.pending)
    report('/messages', 'a rule with due.when or due.by needs a pending message');
  if (rule.applies && !rule.messages.notApplicable)
    report('/messages', 'a rule with applies needs a notApplicable message');
}

/** Each placeholder of a message in both languages is a known fact, or a word it may show, in a known format. */
function checkMessage(
  message: Localized,
  pointer: string,
  scope: ReferenceScope,
  itemAllowed: boolean,
  report: (pointer: string, message: string) => void,
  extra: readonly string[] = [],
): void {
  for (const language of ['fr', 'en'] as const) {
    const parsed = parseTemplate(message[language]);
    if ('problem' in parsed) {
      report(`${pointer}/${language}`, parsed.problem);
      continue;
    }
    for (const placeholder of parsed.placeholders) {
      if (placeholder.path === 'count' || extra.includes(placeholder.path)) continue;
      if (placeholder.path.startsWith('item.') && !itemAllowed) {
        report(
          `${pointer}/${language}`,
          `{${placeholder.path}}: this message sums up many items; it cannot show one item's field`,
        );
        continue;
      }
      const resolved = resolveDotted(scope, placeholder.path);
      if ('problem' in resolved)
        report(`${pointer}/${language}`, `{${placeholder.path}}: ${resolved.problem}`);
      if (placeholder.format !== undefined && !FORMATS.includes(placeholder.format)) {
        report(
          `${pointer}/${language}`,
          `{${placeholder.path}|${placeholder.format}}: there is no format ${placeholder.format} (known: ${FORMATS.join(', ')})`,
        );
      }
    }
  }
}
