/**
 * What a formula is made of: the mechanisms, the kind of a formula, the formulas and conditions
 * inside it, the facts it reads and the collections it goes over. For checking a pack, describing
 * its facts and ordering them; nothing here evaluates.
 */
import type { Comparison, Condition, FactReference, Formula } from '../../model/expressions.js';

const MECHANISMS = [
  'latest',
  'earliest',
  'min',
  'max',
  'minus',
  'plus',
  'firstOf',
  'if',
  'sum',
  'count',
  'exists',
  'list',
  'first',
  'last',
  'reachedOn',
  'addPeriod',
  'unknown',
  'valueAt',
  'countDates',
  'keyed',
  'place',
] as const;
export type Mechanism = (typeof MECHANISMS)[number];

/** The mechanism of a formula, or what else it is. */
export function kindOf(
  formula: Formula,
): Mechanism | 'comparison' | 'condition' | 'fact' | 'value' {
  const f = formula as unknown as Record<string, unknown>;
  if ('operator' in f) return 'comparison';
  if ('all' in f || 'any' in f || 'not' in f || 'condition' in f) return 'condition';
  if ('fact' in f) return 'fact';
  if ('value' in f) return 'value';
  for (const m of MECHANISMS) if (m in f) return m;
  throw new Error(`not a formula: ${JSON.stringify(formula)}`);
}

/** The collections a formula's aggregates go over (a sum over the expenses...). */
export function collectionsOver(formula: Formula, into: Set<string> = new Set()): Set<string> {
  visitFormula(formula, (node) => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const body = Object.values(node)[0] as { over?: unknown } | undefined;
    const kind = kindOf(node as Formula);
    if (MECHANISMS.includes(kind as Mechanism) && typeof body?.over === 'string')
      into.add(body.over);
  });
  return into;
}

/** Whether a formula is a reference to a fact (and not a comparison). */
export const isReference = (f: unknown): f is FactReference =>
  typeof f === 'object' && f !== null && 'fact' in f && !('operator' in f);

/** Visits a formula's nodes, the formula first, then the formulas and conditions inside it. */
export function visitFormula(formula: Formula | Condition, visit: (node: unknown) => void): void {
  visit(formula);
  const f = formula as unknown as Record<string, unknown>;
  const sub = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(sub);
    else if (value !== null && typeof value === 'object') visitFormula(value as Formula, visit);
  };
  switch (kindOf(formula as Formula)) {
    case 'fact':
    case 'value':
      return;
    case 'comparison': {
      const value = (formula as Comparison).value;
      if (isReference(value)) visit(value);
      return;
    }
    case 'condition':
      if ('all' in f) sub(f.all);
      else if ('any' in f) sub(f.any);
      else if ('not' in f) sub(f.not);
      return;
    case 'if':
      sub(f.if);
      sub(f.then);
      sub(f.else);
      return;
    case 'unknown':
      // Its body is one formula (the place it names), not named formulas.
      sub(f.unknown);
      return;
    default: {
      const body = Object.values(f)[0];
      if (Array.isArray(body)) sub(body);
      else if (body !== null && typeof body === 'object') {
        for (const [key, value] of Object.entries(body))
          if (key === 'where' || (value !== null && typeof value === 'object' && key !== 'over'))
            sub(value);
      }
    }
  }
}
