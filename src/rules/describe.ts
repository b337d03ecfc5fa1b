/**
 * Conditions in words, for lawyers: `clausier explain` and `clausier doc` show what each rule
 * tests with the catalogue's descriptions of the facts and the parameters' values, in French or
 * English, instead of json-rules-engine's JSON.
 */
import { ownEntry, specAt } from '../facts/spec.js';
import type { ParamValue } from '../facts/params.js';
import { formatValue, type Language } from './template.js';
import { operatorSpec } from './operators.js';
import type { PackParameter, RulePack } from './pack.js';
import type { Condition, FactReference, RuleFile } from './types.js';

const WORDS = {
  fr: {
    all: 'toutes ces conditions :',
    any: 'l’une de ces conditions :',
    not: 'il est faux que :',
    parameter: 'le paramètre',
    deadline: (from: string, add: string) => `${from} + ${add}`,
    none: 'néant',
    item: 'de l’élément',
    by: 'à faire au plus tard :',
    performed: 'exécutée quand :',
    performedOn: 'exécutée le :',
    late: 'exécutée après ce jour : en retard, un manquement même une fois exécutée',
    early: 'exécutée avant ce jour : respectée sans attendre',
  },
  en: {
    all: 'all of:',
    any: 'any of:',
    not: 'it is not so that:',
    parameter: 'the parameter',
    deadline: (from: string, add: string) => `${from} + ${add}`,
    none: 'none',
    item: 'of the item',
    by: 'to be performed by:',
    performed: 'performed when:',
    performedOn: 'performed on:',
    late: 'performed after that day: late, a breach even once performed',
    early: 'performed before that day: satisfied without waiting',
  },
};

/** How a parameter's value reads: `10 000,00 €`, `30 jours`. */
export function parameterValueInWords(
  parameter: PackParameter,
  value: ParamValue,
  language: Language,
): string {
  switch (parameter.type) {
    case 'money':
      return formatValue(value, 'eur', language);
    case 'days':
      return formatValue(value, 'days', language);
    case 'period':
      return formatValue(value, 'period', language);
    case 'date':
      return formatValue(value, 'date', language);
    case 'account':
      return typeof value === 'object' && !Array.isArray(value) ? value.rib : String(value);
    case 'list':
      return formatValue(value, 'list', language);
    default:
      return formatValue(value, 'text', language);
  }
}

/** The current value of a parameter (its last-dated one), in words. */
export function parameterInWords(pack: RulePack, name: string, language: Language): string {
  const parameter = ownEntry(pack.parameters, name);
  if (!parameter) return name;
  const current = parameter.values[parameter.values.length - 1];
  const value = current ? parameterValueInWords(parameter, current.value, language) : '?';
  return `${WORDS[language].parameter} ${name} (${parameter.definition.description[language]} : ${value})`.replace(
    ' : ',
    language === 'fr' ? ' : ' : ': ',
  );
}

function referenceInWords(
  reference: FactReference,
  rule: RuleFile | undefined,
  pack: RulePack,
  language: Language,
): string {
  const path = reference.path ? reference.path.split('.') : [];
  if (reference.fact === 'params') {
    const [name, ...rest] = path;
    return `${parameterInWords(pack, name ?? '', language)}${rest.length ? ` (${rest.join('.')})` : ''}`;
  }
  if (reference.fact === 'item') {
    const spec = rule ? specAt(ownEntry(pack.model.collections, rule.over), path) : undefined;
    return spec
      ? `${spec.description[language]} [item.${reference.path}]`
      : `item.${reference.path ?? ''}`;
  }
  const deadline = ownEntry(rule?.deadlines, reference.fact);
  if (deadline) {
    return `${reference.fact} (${WORDS[language].deadline(deadline.from, parameterInWords(pack, deadline.add, language))})`;
  }
  const spec = specAt(ownEntry(pack.model.globals, reference.fact), path);
  const name = [reference.fact, ...path].join('.');
  return spec ? `${spec.description[language]} [${name}]` : name;
}

function literalInWords(value: unknown, language: Language): string {
  if (value === null) return WORDS[language].none;
  if (Array.isArray(value)) return `[${value.map((v) => literalInWords(v, language)).join(', ')}]`;
  if (typeof value === 'string') return `« ${value} »`;
  return String(value);
}

/** A condition in words, one line per comparison, indented by nesting. */
export function conditionInWords(
  condition: Condition,
  pack: RulePack,
  language: Language,
  rule?: RuleFile,
  depth = 0,
): string[] {
  const pad = '  '.repeat(depth);
  const w = WORDS[language];
  const nested = (label: string, children: Condition[]): string[] => [
    `${pad}${label}`,
    ...children.flatMap((c) =>
      conditionInWords(c, pack, language, rule, depth + 1).map((l, i) =>
        i === 0 ? l.replace(/^(\s*)/, '$1- ') : `  ${l}`,
      ),
    ),
  ];
  if ('all' in condition) return nested(w.all, condition.all);
  if ('any' in condition) return nested(w.any, condition.any);
  if ('not' in condition) return nested(w.not, [condition.not]);
  if ('condition' in condition) {
    const named = ownEntry(pack.conditions, condition.condition);
    return [
      `${pad}${named ? named.description[language] : condition.condition} [${condition.condition}]`,
    ];
  }
  const operator = operatorSpec(condition.operator);
  const left = referenceInWords(
    { fact: condition.fact, ...(condition.path !== undefined && { path: condition.path }) },
    rule,
    pack,
    language,
  );
  const value = condition.value;
  const right =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? referenceInWords(value, rule, pack, language)
      : literalInWords(value, language);
  const words = operator ? operator.words[language] : condition.operator;
  return [`${pad}${left} ${language === 'fr' ? frenchObject(words, right) : `${words} ${right}`}`];
}

/** Nouns that start the descriptions compared to dates, and are feminine. */
const FEMININE = new Set(['date', 'fin', 'prise', 'signature', 'demande', 'réponse']);

/**
 * An operator's words and what it compares to, in French: the date operators end with their
 * article (« est avant le 01/01/2015 »), which agrees with a described fact or is dropped before
 * one that has its own; « à le » and « de le » contract.
 */
export function frenchObject(words: string, right: string): string {
  let phrase = `${words} ${right}`;
  if (words.endsWith(' le')) {
    const stem = words.slice(0, -' le'.length);
    const first = right.split(/[\s’']/)[0]!.toLowerCase();
    if (/^(le|la|les|l)$/.test(first)) phrase = `${stem} ${right}`;
    else if (/^[aeiouyéèêh]/i.test(first) && /^[a-zà-ÿ]/.test(right)) phrase = `${stem} l’${right}`;
    else if (FEMININE.has(first)) phrase = `${stem} la ${right}`;
  }
  return phrase
    .replace(/(^|\s)à le /g, '$1au ')
    .replace(/(^|\s)à les /g, '$1aux ')
    .replace(/(^|\s)de le /g, '$1du ')
    .replace(/(^|\s)de les /g, '$1des ');
}

/**
 * When a rule falls due and when it is performed, in words, one line per statement, indented by
 * nesting as conditions are: the due date, what performs the obligation, and what lateness means.
 */
export function timingInWords(rule: RuleFile, pack: RulePack, language: Language): string[] {
  const w = WORDS[language];
  const due = rule.due;
  const lines: string[] = [];
  if (due.by) lines.push(`${w.by} ${referenceInWords(due.by, rule, pack, language)}`);
  if (due.performed) {
    lines.push(w.performed);
    lines.push(...conditionInWords(due.performed, pack, language, rule, 1));
  }
  if (due.performedOn)
    lines.push(`${w.performedOn} ${referenceInWords(due.performedOn, rule, pack, language)}`);
  if (due.by && (due.performed || due.performedOn)) {
    lines.push(w.early);
    if (due.performedOn) lines.push(w.late);
  }
  return lines;
}
