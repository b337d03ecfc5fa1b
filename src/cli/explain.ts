/**
 * `clausier explain RULE-ID`: a rule as a lawyer reviews it: the clauses it encodes, word for
 * word, its quotes, what it requires, its interpretation and parameters with their values, its
 * conditions in words, and the cases that exercise it.
 */
import {
  closest,
  conditionInWords,
  expectedStatus,
  InputError,
  type Language,
  type LoadedRule,
  loadRulePack,
  packCases,
  parameterInWords,
  type RulePack,
  timingInWords,
  OBLIGOR_WORDS,
  SEVERITY_WORDS,
} from '../index.js';
import { relative } from 'node:path';
import type { Command } from 'commander';
import { EXIT, languageOption, packDirOf, type CliContext } from './context.js';
import { stdout } from './output.js';

const WORDS = {
  fr: {
    clauses: 'Clauses encodées',
    quotes: 'Citations',
    summary: 'Ce que la règle exige',
    obligor: 'Débiteur',
    severity: 'Gravité',
    due: 'Échéance',
    interpretation: 'Interprétation',
    parameters: 'Paramètres',
    applies: 'S’applique si',
    always: 'toujours',
    breaches: 'Manquement si',
    beforeDue: ' (même avant l’échéance)',
    message: 'message',
    over: 'Jugée sur',
    recordCheck:
      'Vérifie le dossier lui-même : un avertissement sur le dossier, compté à part du verdict sur la convention',
    late: 'exécutée après son échéance',
    cases: 'Cas qui l’exercent',
    satisfiedIn: (n: number) => `respectée dans ${n} autre(s) cas`,
    noCases: 'aucun cas',
    statuses: {
      breach: 'manquement',
      undetermined: 'indéterminée',
      pending: 'en attente',
      'not-applicable': 'sans objet',
      satisfied: 'respectée',
    },
  },
  en: {
    clauses: 'Clauses encoded',
    quotes: 'Quotes',
    summary: 'What the rule requires',
    obligor: 'Obligor',
    severity: 'Severity',
    due: 'Due',
    interpretation: 'Interpretation',
    parameters: 'Parameters',
    applies: 'Applies when',
    always: 'always',
    breaches: 'Breached when',
    beforeDue: ' (even before it is due)',
    message: 'message',
    over: 'Judged on',
    recordCheck:
      'Checks the record itself: a warning about the record, counted apart from the verdict on the convention',
    late: 'performed after its due date',
    cases: 'Cases that exercise it',
    satisfiedIn: (n: number) => `satisfied in ${n} other case(s)`,
    noCases: 'no case',
    statuses: {
      breach: 'breach',
      undetermined: 'undetermined',
      pending: 'pending',
      'not-applicable': 'not applicable',
      satisfied: 'satisfied',
    },
  },
};

const indent = (text: string, by = '    '): string =>
  text
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');

/** The explanation of a rule, as text. */
export function explainRule(pack: RulePack, rule: LoadedRule, language: Language): string {
  const w = WORDS[language];
  const colon = language === 'fr' ? ' :' : ':';
  const out: string[] = [];
  out.push(`${rule.id} — ${rule.title[language]}`, `${pack.title[language]} (${pack.id})`, '');
  out.push(`${w.clauses}${colon}`);
  for (const id of rule.clauses) {
    const unit = pack.clause(id);
    out.push(`  ${unit?.cite ?? id} [${id}]`);
    if (unit) out.push(indent(`« ${unit.text.replace(/\s*\n\s*/g, ' ')} »`));
    if (unit?.partlyEncoded) out.push(indent(unit.partlyEncoded[language]));
  }
  out.push('', `${w.quotes}${colon}`);
  for (const quote of rule.quotes) out.push(`  [${quote.clause}] « ${quote.text} »`);
  out.push('', `${w.summary}${colon}`, `  fr: ${rule.summary.fr}`, `  en: ${rule.summary.en}`, '');
  out.push(
    `${w.obligor}${colon} ${OBLIGOR_WORDS[language][rule.obligor]} · ${w.severity}${colon} ${SEVERITY_WORDS[language][rule.severity]}`,
  );
  if (rule.kind === 'record') out.push(`${w.recordCheck}.`);
  out.push(`${w.over}${colon} ${rule.over}`);
  out.push(`${w.due}${colon} ${rule.due.description[language]}`);
  if (rule.due.when) out.push(...conditionInWords(rule.due.when, pack, language, rule, 1));
  out.push(...timingInWords(rule, pack, language).map((line) => `  ${line}`));
  if (rule.interpretation)
    out.push('', `${w.interpretation}${colon}`, indent(rule.interpretation[language], '  '));
  if ((rule.parameters ?? []).length > 0) {
    out.push('', `${w.parameters}${colon}`);
    for (const name of rule.parameters ?? []) {
      const parameter = pack.parameters[name];
      out.push(`  ${parameterInWords(pack, name, language)}`);
      if (parameter) {
        out.push(
          `    ${parameter.definition.clauses.map((id) => pack.clause(id)?.cite ?? id).join(' ; ')}`,
        );
        if (parameter.definition.interpretation) {
          out.push(
            indent(`${w.interpretation}${colon} ${parameter.definition.interpretation[language]}`),
          );
        }
      }
    }
  }
  for (const [name, deadline] of Object.entries(rule.deadlines ?? {})) {
    out.push(`  ${name} = ${deadline.from} + ${deadline.add}`);
  }
  out.push('', `${w.applies}${colon}`);
  if (rule.applies) out.push(...conditionInWords(rule.applies, pack, language, rule, 1));
  else out.push(`  ${w.always}`);
  out.push('', `${w.breaches}${colon}`);
  for (const breach of rule.breaches) {
    out.push(`  [${breach.id}]${breach.beforeDue ? w.beforeDue : ''}`);
    out.push(...conditionInWords(breach.when, pack, language, rule, 2));
    out.push(`    ${w.message}${colon} « ${breach.message[language]} »`);
  }
  if (rule.messages.late) {
    out.push(`  [late]`, `    ${w.late}`);
    out.push(`    ${w.message}${colon} « ${rule.messages.late[language]} »`);
  }
  out.push('', `${w.cases}${colon}`);
  const cases = packCases(pack);
  const exercising = cases.filter((c) => expectedStatus(c.expectation, rule.id) !== 'satisfied');
  const satisfied = cases.length - exercising.length;
  for (const c of exercising) {
    out.push(
      `  ${w.statuses[expectedStatus(c.expectation, rule.id)]}${colon} ${relative(process.cwd(), c.file)}`,
    );
    out.push(indent(c.expectation.description));
  }
  out.push(cases.length === 0 ? `  ${w.noCases}` : `  ${w.satisfiedIn(satisfied)}`);
  return out.join('\n') + '\n';
}

export function registerExplain(program: Command, context: CliContext): void {
  program
    .command('explain')
    .description(
      'explain a rule: its clauses, interpretation, parameters, conditions in words, and cases',
    )
    .argument('<rule-id>', 'the rule, e.g. A4-CAP')
    .option('--rules <dir>', 'a rule pack folder (default: the built-in dinsic-preincubation-2019)')
    .addOption(languageOption())
    .action((id: string, options: { rules?: string; lang?: Language }) => {
      const pack = loadRulePack(packDirOf(options.rules));
      const rule = pack.rules.find((r) => r.id === id.toUpperCase());
      if (!rule) {
        const guess = closest(
          id.toUpperCase(),
          pack.rules.map((r) => r.id),
        );
        throw new InputError(
          `there is no rule ${id} in ${pack.id}${guess ? ` (did you mean ${guess}?)` : ''}; see clausier rules`,
        );
      }
      stdout.write(explainRule(pack, rule, options.lang ?? context.language));
      context.setExit(EXIT.ok);
    });
}
