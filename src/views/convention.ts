/**
 * The annotated convention, as a lawyer reviews an encoding: the signed text in order, split into
 * its clause units, and under each unit the rules that encode it or the reason it is not encoded.
 * This module gathers what the Markdown and HTML views show; they only lay it out.
 */
import { expectedStatus, type PackCase } from '../rules/cases.js';
import { STATUSES, type Status } from '../model/finding.js';
import type { LoadedRule, RulePack } from '../rules/pack/types.js';
import type { Language } from '../base/language.js';
import type { Condition } from '../model/expressions.js';
import type { ClauseUnit, Localized } from '../model/pack.js';
import { conditionInWords, parameterValueInWords } from '../rules/describe.js';
import { formatDate } from '../base/language.js';
import { formatDay } from '../base/calendar.js';

/**
 * How far a unit is encoded: by rules (`encoded`), by rules that leave part of it out
 * (`partly`), by none for a reason given (`not-encoded`), or by none and for no reason given
 * (`uncovered`, which the pack's tests refuse, but another pack may have).
 */
export type Coverage = 'encoded' | 'partly' | 'not-encoded' | 'uncovered';

export const COVERAGES: readonly Coverage[] = ['encoded', 'partly', 'not-encoded', 'uncovered'];

export interface AnnotatedClause {
  unit: ClauseUnit;
  coverage: Coverage;
  /** The rules that encode the unit, in id order. */
  rules: LoadedRule[];
}

/** A part of the text: the preamble, an article (from its heading on), the signatures. */
export interface ConventionPart {
  /** A stable id for anchors: `preamble`, the heading unit's id, `signatures`. */
  id: string;
  /** The heading unit that opens the part, if it has one. */
  heading?: AnnotatedClause;
  /** The part's name when it has no heading. */
  name?: Localized;
  /** Its units in the order of the text, the heading first. */
  clauses: AnnotatedClause[];
}

/** A case of the pack that exercises a rule, and what it expects of the rule. */
export interface RuleCase {
  name: string;
  status: Status;
}

export interface AnnotatedConvention {
  pack: RulePack;
  parts: ConventionPart[];
  /** Each rule's first unit in the order of the text: the rule is described in full there. */
  homeOf: ReadonlyMap<string, string>;
  /** The cases of the pack, with what each expects of every rule. */
  casesOf: ReadonlyMap<string, RuleCase[]>;
  caseCount: number;
}

const PREAMBLE: Localized = { fr: 'Préambule', en: 'Preamble' };
const SIGNATURES: Localized = { fr: 'Formule finale et signatures', en: 'Closing and signatures' };

/** Gathers the annotated convention of a pack, with the cases given (usually `packCases`). */
export function annotateConvention(pack: RulePack, cases: PackCase[]): AnnotatedConvention {
  const rulesOf = new Map<string, LoadedRule[]>();
  for (const rule of pack.rules) {
    for (const id of new Set(rule.clauses)) rulesOf.set(id, [...(rulesOf.get(id) ?? []), rule]);
  }
  const position = new Map(pack.clauses.map((unit, index) => [unit.id, index]));
  const homeOf = new Map<string, string>();
  for (const rule of pack.rules) {
    const first = [...rule.clauses].sort(
      (a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity),
    )[0];
    if (first !== undefined) homeOf.set(rule.id, first);
  }

  const parts: ConventionPart[] = [];
  let current: ConventionPart | undefined;
  for (const unit of pack.clauses) {
    const rules = rulesOf.get(unit.id) ?? [];
    const clause: AnnotatedClause = { unit, rules, coverage: coverageOf(unit, rules) };
    if (unit.kind === 'heading') {
      current = { id: unit.id, heading: clause, clauses: [] };
      parts.push(current);
    } else if (unit.kind === 'signature' && current?.id !== 'signatures') {
      current = { id: 'signatures', name: SIGNATURES, clauses: [] };
      parts.push(current);
    } else if (!current) {
      current = { id: 'preamble', name: PREAMBLE, clauses: [] };
      parts.push(current);
    }
    current.clauses.push(clause);
  }

  const casesOf = new Map<string, RuleCase[]>();
  for (const rule of pack.rules) {
    casesOf.set(
      rule.id,
      cases
        .map((c) => ({
          name: c.name.split('\\').join('/'),
          status: expectedStatus(c.expectation, rule.id),
        }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    );
  }
  return { pack, parts, homeOf, casesOf, caseCount: cases.length };
}

function coverageOf(unit: ClauseUnit, rules: LoadedRule[]): Coverage {
  if (rules.length > 0) return unit.partlyEncoded ? 'partly' : 'encoded';
  return unit.notEncoded ? 'not-encoded' : 'uncovered';
}

/** How many units of each coverage a list of clauses has. */
export function countCoverage(clauses: AnnotatedClause[]): Record<Coverage, number> {
  const counts: Record<Coverage, number> = {
    encoded: 0,
    partly: 0,
    'not-encoded': 0,
    uncovered: 0,
  };
  for (const clause of clauses) counts[clause.coverage]++;
  return counts;
}

/**
 * The cases of a rule by status. The cases that breach it, leave it undetermined or pending are
 * always named; those that satisfy it or to which it does not apply are named when they are few
 * (five at most) and counted otherwise: they are most of the cases of most rules.
 */
export function rulesCasesByStatus(
  cases: RuleCase[],
): { status: Status; names: string[]; count: number }[] {
  return STATUSES.map((status) => {
    const names = cases.filter((c) => c.status === status).map((c) => c.name);
    const listed = status === 'satisfied' || status === 'not-applicable' ? names.length <= 5 : true;
    return { status, names: listed ? names : [], count: names.length };
  }).filter((group) => group.count > 0);
}

/** The title of a part in a language. */
export function partTitle(part: ConventionPart, language: Language): string {
  if (part.heading) return part.heading.unit.text;
  return part.name?.[language] ?? part.id;
}

/** A parameter's values in words, each with the day it applies from: `10 000,00 €`. */
export function parameterValues(pack: RulePack, name: string, language: Language): string[] {
  const parameter = pack.parameters[name];
  if (!parameter) return [];
  return parameter.values.map((dated) => {
    const value = parameterValueInWords(parameter, dated.value, language);
    if (dated.from === null) return value;
    const from = formatDate(formatDay(dated.from), language);
    return language === 'fr' ? `${value} à partir du ${from}` : `${value} from ${from}`;
  });
}

/** One line of a condition in words, and how deep it is nested. */
export interface ConditionLine {
  depth: number;
  text: string;
}

/** A condition in words, line by line with its depth, for a nested list. */
export function conditionLines(
  condition: Condition,
  pack: RulePack,
  rule: LoadedRule,
  language: Language,
): ConditionLine[] {
  return conditionInWords(condition, pack, language, rule).map((line) => {
    const match = /^( *)(?:- )?(.*)$/.exec(line)!;
    return { depth: Math.floor(match[1]!.length / 2), text: match[2]! };
  });
}

/** The anchor of a rule's full description. */
export const ruleAnchor = (id: string): string => `rule-${id.toLowerCase()}`;

/** The anchor of a clause unit. */
export const clauseAnchor = (id: string): string => `clause-${id}`;
