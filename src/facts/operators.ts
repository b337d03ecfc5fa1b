/**
 * The operators rule conditions may use. json-rules-engine's own numeric operators accept
 * anything `parseFloat` reads (`"2024-1-5" < "2024-01-10"` is false, `"150000" <= 150000` holds),
 * so dates, amounts and numbers get strict operators of their own, which refuse a value of the
 * wrong type: that is a broken rule, not a verdict. `null` (a thing that does not exist, such as
 * a seminar not held) compares false with everything.
 */
import { ownEntry, type FactType } from './spec.js';
import { isMissing } from './missing.js';

export type OperatorKind = 'date' | 'money' | 'number' | 'any';

export interface OperatorSpec {
  kind: OperatorKind;
  /** How the operator reads in a sentence, in French and English. */
  words: { fr: string; en: string };
}

/** json-rules-engine's operators that are safe: they compare exactly, without parsing numbers. */
export const BUILTIN_OPERATORS: Record<string, OperatorSpec> = {
  equal: { kind: 'any', words: { fr: 'vaut', en: 'is' } },
  notEqual: { kind: 'any', words: { fr: 'ne vaut pas', en: 'is not' } },
  in: { kind: 'any', words: { fr: 'est l’un de', en: 'is one of' } },
  notIn: { kind: 'any', words: { fr: 'n’est aucun de', en: 'is none of' } },
  contains: { kind: 'any', words: { fr: 'contient', en: 'contains' } },
  doesNotContain: { kind: 'any', words: { fr: 'ne contient pas', en: 'does not contain' } },
};

/** json-rules-engine's operators that rules may not use, and what to use instead. */
export const REFUSED_OPERATORS: Record<string, string> = {
  lessThan: 'dateBefore, amountBelow or numberBelow',
  lessThanInclusive: 'dateOnOrBefore, amountAtMost or numberAtMost',
  greaterThan: 'dateAfter, amountAbove or numberAbove',
  greaterThanInclusive: 'dateOnOrAfter, amountAtLeast or numberAtLeast',
};

/** Whether a character is a digit 0-9 (what `\d` matches without the `u` flag). */
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/**
 * Text written YYYY-MM-DD: what /^\d{4}-\d{2}-\d{2}$/ matches, character by character (every
 * comparison of dates asks it twice: a regular expression was a fiftieth of a record's time).
 */
const isDate = (v: unknown): v is string =>
  typeof v === 'string' &&
  v.length === 10 &&
  isDigit(v.charCodeAt(0)) &&
  isDigit(v.charCodeAt(1)) &&
  isDigit(v.charCodeAt(2)) &&
  isDigit(v.charCodeAt(3)) &&
  v.charCodeAt(4) === 0x2d &&
  isDigit(v.charCodeAt(5)) &&
  isDigit(v.charCodeAt(6)) &&
  v.charCodeAt(7) === 0x2d &&
  isDigit(v.charCodeAt(8)) &&
  isDigit(v.charCodeAt(9));
const isCents = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Thrown when a condition compares values of the wrong type: the rule is broken. */
export class OperatorTypeError extends TypeError {
  constructor(operator: string, expected: string, value: unknown) {
    super(`the operator ${operator} compares ${expected}, not ${JSON.stringify(value)}`);
  }
}

function strict<T>(
  name: string,
  accepts: (v: unknown) => v is T,
  expected: string,
  compare: (a: T, b: T) => boolean,
): (a: unknown, b: unknown) => boolean {
  return (a, b) => {
    // An unknown value (Missing) never reaches a verdict: the evaluator has already set the
    // condition aside as undetermined, and only runs it alongside the others.
    if (a === null || b === null || isMissing(a) || isMissing(b)) return false;
    if (!accepts(a)) throw new OperatorTypeError(name, expected, a);
    if (!accepts(b)) throw new OperatorTypeError(name, expected, b);
    return compare(a, b);
  };
}

interface StrictOperator {
  kind: OperatorKind;
  words: { fr: string; en: string };
  evaluate: (a: unknown, b: unknown) => boolean;
}

/** The operators of one kind: each accepts only values of that kind, or throws. */
function family<T>(kind: OperatorKind, accepts: (v: unknown) => v is T, expected: string) {
  return (
    name: string,
    fr: string,
    en: string,
    compare: (a: T, b: T) => boolean,
  ): [string, StrictOperator] => [
    name,
    { kind, words: { fr, en }, evaluate: strict(name, accepts, expected, compare) },
  ];
}
const date = family('date', isDate, 'dates (YYYY-MM-DD)');
const money = family('money', isCents, 'amounts in integer cents');
const number = family('number', isNumber, 'finite numbers');

/** The strict operators, by name. Dates compare as `YYYY-MM-DD` text, which orders them. */
export const STRICT_OPERATORS: Record<string, StrictOperator> = Object.fromEntries([
  date('dateBefore', 'est avant le', 'is before', (a, b) => a < b),
  date('dateOnOrBefore', 'est au plus tard le', 'is on or before', (a, b) => a <= b),
  date('dateAfter', 'est après le', 'is after', (a, b) => a > b),
  date('dateOnOrAfter', 'est au plus tôt le', 'is on or after', (a, b) => a >= b),
  money('amountAbove', 'dépasse', 'is above', (a, b) => a > b),
  money('amountAtLeast', 'est d’au moins', 'is at least', (a, b) => a >= b),
  money('amountBelow', 'est inférieur à', 'is below', (a, b) => a < b),
  money('amountAtMost', 'est d’au plus', 'is at most', (a, b) => a <= b),
  money('amountEqual', 'est égal à', 'equals', (a, b) => a === b),
  money('amountNotEqual', 'diffère de', 'differs from', (a, b) => a !== b),
  number('numberAbove', 'est supérieur à', 'is above', (a, b) => a > b),
  number('numberAtLeast', 'est d’au moins', 'is at least', (a, b) => a >= b),
  number('numberBelow', 'est inférieur à', 'is below', (a, b) => a < b),
  number('numberAtMost', 'est d’au plus', 'is at most', (a, b) => a <= b),
  number('numberEqual', 'est égal à', 'equals', (a, b) => a === b),
  number('numberNotEqual', 'diffère de', 'differs from', (a, b) => a !== b),
]);

/** Every operator a rule may use, with its kind and words; `constructor`... name none. */
export function operatorSpec(
  name: string,
): { kind: OperatorKind; words: { fr: string; en: string } } | undefined {
  return ownEntry(STRICT_OPERATORS, name) ?? ownEntry(BUILTIN_OPERATORS, name);
}

/** For an operator rules may not use, what to use instead. */
export const refusedOperator = (name: string): string | undefined =>
  ownEntry(REFUSED_OPERATORS, name);

/** Which fact types an operator kind compares. */
export function acceptsType(kind: OperatorKind, type: FactType): boolean {
  switch (kind) {
    case 'date':
      return type === 'date';
    case 'money':
      return type === 'money';
    case 'number':
      return type === 'number' || type === 'count' || type === 'phase';
    case 'any':
      return true;
  }
}
