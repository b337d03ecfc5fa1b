/**
 * What the annotated convention shows of a rule under a clause unit, read once from the pack for
 * both of its writings (src/views/convention-markdown.ts and convention-html.ts): whether the
 * unit is the rule's home, the words it quotes there, its parameters with their values and
 * sources, its conditions in words, its timing and its cases by status.
 */
import type { LoadedRule, PackParameter } from '../rules/pack/types.js';
import { timingInWords } from '../rules/describe.js';
import type { Language } from '../base/language.js';
import type { Status } from '../model/finding.js';
import {
  conditionLines,
  parameterValues,
  rulesCasesByStatus,
  type AnnotatedClause,
  type AnnotatedConvention,
  type ConditionLine,
} from './convention.js';

/** A parameter of a rule, with its values in words and the clauses it comes from. */
export interface RuleParameterView {
  name: string;
  parameter: PackParameter;
  values: string[];
  /** The clauses the parameter comes from: their ids and citations. */
  sources: { id: string; cite: string }[];
}

/** A rule under a clause unit, as both writings of the convention show it. */
export interface RuleView {
  /** Whether the unit is the rule's home, where it is described in full. */
  home: boolean;
  /** The citation of the rule's home unit (its id when the unit is not found). */
  homeCite: string;
  /** The words of the unit the rule quotes. */
  quotes: LoadedRule['quotes'];
  /** The parameters the rule names (listed: how many it names, found or not). */
  named: number;
  parameters: RuleParameterView[];
  applies?: ConditionLine[];
  due?: ConditionLine[];
  /** The timing in words, one line each, indented by nesting. */
  timing: string[];
  breaches: { id: string; lines: ConditionLine[] }[];
  /** Whether the rule says when its obligation is performed late. */
  late: boolean;
  cases: { status: Status; names: string[]; count: number }[];
}

/** What the convention shows of a rule under a clause unit, in a language. */
export function ruleView(
  doc: AnnotatedConvention,
  rule: LoadedRule,
  clause: AnnotatedClause,
  language: Language,
): RuleView {
  const { pack } = doc;
  const names = rule.parameters ?? [];
  return {
    home: doc.homeOf.get(rule.id) === clause.unit.id,
    homeCite: pack.clause(doc.homeOf.get(rule.id) ?? '')?.cite ?? rule.id,
    quotes: rule.quotes.filter((q) => q.clause === clause.unit.id),
    named: names.length,
    parameters: names.flatMap((name) => {
      const parameter = pack.parameters[name];
      if (!parameter) return [];
      const sources = parameter.definition.clauses.map((id) => ({
        id,
        cite: pack.clause(id)?.cite ?? id,
      }));
      return [{ name, parameter, values: parameterValues(pack, name, language), sources }];
    }),
    ...(rule.applies && { applies: conditionLines(rule.applies, pack, rule, language) }),
    ...(rule.due.when && { due: conditionLines(rule.due.when, pack, rule, language) }),
    timing: timingInWords(rule, pack, language),
    breaches: rule.breaches.map((b) => ({
      id: b.id,
      lines: conditionLines(b.when, pack, rule, language),
    })),
    late: Boolean(rule.messages.late),
    cases: rulesCasesByStatus(doc.casesOf.get(rule.id) ?? []),
  };
}
