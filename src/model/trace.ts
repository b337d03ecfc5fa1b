/**
 * A finding's derivation, step by step: what `--why`, `explain` and the JSON `trace` show.
 * The rules layer builds it (src/rules/trace.ts); every format reads it.
 */
import type { Localized } from './pack.js';

/** One step of a finding's derivation. */
export interface TraceNode {
  /**
   * `decision`: the finding's status and why; `comparison`/`group`: a condition and whether it
   * held; `record`: a value the record holds; `parameter`: the convention's figure in force;
   * `derived`: a fact the pack derives, with its formula; `items`: the items of a list a formula
   * sums up; `deadline`: a date plus a period; `asOf`: the evaluation date; `value`: a value
   * written in the rule; `about`: what the finding's message names besides.
   */
  kind:
    | 'decision'
    | 'comparison'
    | 'group'
    | 'record'
    | 'parameter'
    | 'derived'
    | 'items'
    | 'deadline'
    | 'asOf'
    | 'value'
    | 'about';
  /** How rules and formulas name it: `item.refundDue`, `params.refundDelay`, `convention.end`. */
  name?: string;
  /** What it is, in words. */
  words: Localized;
  /** Its type, to write its value (`money` in cents, `date`...). */
  type?: string;
  /** Its value; an unknown one is `{ "missing": [pointers] }`. */
  value?: unknown;
  /** Where the record writes it. */
  pointer?: string;
  line?: number;
  column?: number;
  /** For `items`: where each item counted is written (the first 50), and how many there are. */
  items?: { pointer: string; line?: number; column?: number }[];
  count?: number;
  /** The clause units it comes from, and as a lawyer cites them (`art. 4 al. 4`). */
  clauses?: string[];
  cite?: string;
  /** For a group: how its parts combine (`all`, `any`, `not`), or the named condition. */
  operator?: 'all' | 'any' | 'not' | 'condition';
  /** For a derived fact: its formula, in words. */
  formula?: Localized;
  /** For a condition: whether it held (`unknown`: the record lacks what it needs). */
  holds?: boolean | 'unknown';
  /**
   * For a deadline counted as the Code de procédure civile counts (art. 642) or in working days:
   * the day the period alone would end on, when it falls on a day without work, and each day
   * passed over to reach the deadline (`saturday`, `sunday`, or a French `holiday`).
   */
  extended?: { end: string; passed: { day: string; why: 'saturday' | 'sunday' | 'holiday' }[] };
  /** What it was worked out from. */
  inputs?: TraceNode[];
}
