/**
 * Conditions in words, for lawyers: `clausier explain` and `clausier doc` show what each rule
 * tests with the catalogue's descriptions of the facts and the parameters' values, in French or
 * English, instead of json-rules-engine's JSON.
 */
import { ownEntry, specAt } from '../facts/spec.js';
import type { ParamValue } from '../facts/params.js';
import { formatValue } from './template.js';
import { type Language } from '../base/language.js';
import { operatorSpec } from '../facts/operators.js';
import type { PackParameter, RulePack } from './pack/types.js';
import { kindOf } from '../facts/formula.js';
import { pathSegments } from '../facts/missing.js';
import type { Aggregate, Condition, FactReference, Formula } from '../model/expressions.js';
import type { Deadline, RuleFile } from '../model/pack.js';

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

/**
 * Where a condition or formula is: the collection of its `item` (a rule's, or a derived field's),
 * of `outer` and `owner` in formulas, and a rule's deadlines.
 */
export interface WordScope {
  over?: string;
  outer?: string;
  owner?: string;
  deadlines?: Record<string, Deadline>;
}

const scopeOf = (rule: RuleFile | WordScope | undefined): WordScope =>
  rule === undefined
    ? {}
    : 'id' in rule
      ? { over: rule.over, ...(rule.deadlines && { deadlines: rule.deadlines }) }
      : rule;

export function referenceInWords(
  reference: FactReference,
  where: RuleFile | WordScope | undefined,
  pack: RulePack,
  language: Language,
): string {
  const scope = scopeOf(where);
  const path = pathSegments(reference.path);
  if (reference.fact === 'params') {
    const [name, ...rest] = path;
    return `${parameterInWords(pack, name ?? '', language)}${rest.length ? ` (${rest.join('.')})` : ''}`;
  }
  if (reference.fact === 'item' || reference.fact === 'outer' || reference.fact === 'owner') {
    const over = scope[reference.fact === 'item' ? 'over' : reference.fact];
    const spec = over ? specAt(ownEntry(pack.model.collections, over), path) : undefined;
    const name = [reference.fact, ...path].join('.');
    return spec ? `${spec.description[language]} [${name}]` : name;
  }
  const deadline = ownEntry(scope.deadlines, reference.fact);
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
  rule?: RuleFile | WordScope,
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

const FORMULA_WORDS = {
  fr: {
    latest: 'la plus tardive de',
    earliest: 'la plus ancienne de',
    max: 'le plus grand de',
    min: 'le moindre de',
    firstOf: (parts: string[]) => parts.join(', à défaut '),
    ifThen: (c: string, a: string, b: string) => `si ${c} : ${a} ; sinon : ${b}`,
    sum: 'la somme',
    count: 'le nombre',
    exists: 'l’existence',
    list: 'la liste',
    first: 'le premier',
    last: 'le dernier',
    of: (field: string) => `de « ${field} »`,
    over: (collection: string) => `sur ${collection}`,
    where: (c: string) => ` où ${c}`,
    reached: (sum: string, amount: string) => `le jour où ${sum} atteint ${amount}`,
    plusPeriod: (date: string, period: string) => `${date} + ${period}`,
    unknown: 'inconnu',
    valueAt: (map: string, key: string) => `la valeur de ${map} pour ${key}`,
    countDates: (dates: string, from: string, to: string) =>
      `le nombre de ${dates} du ${from} au ${to}`,
    keyed: (collection: string, key: string) => `${collection}, par ${key}`,
    place: (from: string) => `une place sous ${from}`,
    and: ' et ',
  },
  en: {
    latest: 'the latest of',
    earliest: 'the earliest of',
    max: 'the greatest of',
    min: 'the least of',
    firstOf: (parts: string[]) => parts.join(', else '),
    ifThen: (c: string, a: string, b: string) => `if ${c}: ${a}; else: ${b}`,
    sum: 'the sum',
    count: 'the number',
    exists: 'whether there is one',
    list: 'the list',
    first: 'the first',
    last: 'the last',
    of: (field: string) => `of “${field}”`,
    over: (collection: string) => `over ${collection}`,
    where: (c: string) => ` where ${c}`,
    reached: (sum: string, amount: string) => `the day ${sum} reaches ${amount}`,
    plusPeriod: (date: string, period: string) => `${date} + ${period}`,
    unknown: 'unknown',
    valueAt: (map: string, key: string) => `the value of ${map} for ${key}`,
    countDates: (dates: string, from: string, to: string) =>
      `the number of ${dates} from ${from} to ${to}`,
    keyed: (collection: string, key: string) => `${collection}, by ${key}`,
    place: (from: string) => `a place under ${from}`,
    and: ' and ',
  },
};

/** A formula of facts.yaml in words, on one line, each fact named by its description. */
export function formulaInWords(
  formula: Formula,
  pack: RulePack,
  language: Language,
  scope: WordScope = {},
): string {
  const w = FORMULA_WORDS[language];
  const f = formula as unknown as Record<string, unknown>;
  const words = (g: Formula, inner: WordScope = scope): string =>
    formulaInWords(g, pack, language, inner);
  const condition = (c: Condition, inner: WordScope = scope): string =>
    conditionInWords(c, pack, language, inner)
      .map((l) => l.trim().replace(/^- /, ''))
      .join(' ');
  const collectionWords = (name: string): string =>
    ownEntry(pack.model.collections, name)?.description[language] ?? name;
  const aggregate = (head: string, a: Aggregate): string => {
    const inner: WordScope = { over: a.over, ...(scope.over && { outer: scope.over }) };
    const of = a.of
      ? ` ${w.of(specAt(ownEntry(pack.model.collections, a.over), a.of.split('.'))?.description[language] ?? a.of)}`
      : '';
    return `${head}${of} ${w.over(collectionWords(a.over))}${a.where ? w.where(condition(a.where, inner)) : ''}`;
  };
  const kind = kindOf(formula);
  switch (kind) {
    case 'fact':
      return referenceInWords(formula as FactReference, scope, pack, language);
    case 'value':
      return literalInWords(f.value, language);
    case 'comparison':
    case 'condition':
      return condition(formula as Condition);
    case 'latest':
    case 'earliest':
    case 'min':
    case 'max':
      return Array.isArray(f[kind])
        ? `${w[kind]} : ${(f[kind] as Formula[]).map((g) => words(g)).join(' ; ')}`.replace(
            ' : ',
            language === 'fr' ? ' : ' : ': ',
          )
        : aggregate(w[kind], f[kind] as Aggregate);
    case 'minus':
      return (f.minus as Formula[]).map((g) => words(g)).join(' − ');
    case 'plus':
      return (f.plus as Formula[]).map((g) => words(g)).join(' + ');
    case 'firstOf':
      return w.firstOf((f.firstOf as Formula[]).map((g) => words(g)));
    case 'if':
      return w.ifThen(
        condition(f.if as Condition),
        words(f.then as Formula),
        words(f.else as Formula),
      );
    case 'sum':
    case 'count':
    case 'exists':
    case 'list':
    case 'first':
    case 'last':
      return aggregate(w[kind], f[kind] as Aggregate);
    case 'reachedOn': {
      const spec = f.reachedOn as Aggregate & { amount: Formula };
      return w.reached(aggregate(w.sum, spec), words(spec.amount));
    }
    case 'addPeriod': {
      const spec = f.addPeriod as { to: Formula; period: FactReference };
      return w.plusPeriod(words(spec.to), parameterInWords(pack, spec.period.path ?? '', language));
    }
    case 'unknown':
      return w.unknown;
    case 'valueAt': {
      const spec = f.valueAt as { map: Formula; key: Formula };
      return w.valueAt(words(spec.map), words(spec.key));
    }
    case 'countDates': {
      const spec = f.countDates as { dates: Formula; from: Formula; to: Formula };
      return w.countDates(words(spec.dates), words(spec.from), words(spec.to));
    }
    case 'keyed': {
      const spec = f.keyed as { over: string; key: string };
      return w.keyed(collectionWords(spec.over), spec.key);
    }
    case 'place':
      return w.place(words((f.place as { in: Formula }).in));
  }
}
