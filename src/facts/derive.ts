/**
 * The facts of a record as a pack sees them: what the record says (./reader.ts), and what the
 * pack derives from it (its facts.yaml, compiled once by ./derive/pack-facts.ts), as of the
 * evaluation date: the facts of the record as a whole here, its collections made on demand by
 * ./derive/collections.ts.
 */
import type { MoneySummary } from '../model/finding.js';
import { formatDay, type Day } from '../base/calendar.js';
import type { ProgrammeRecord } from '../model/programme.js';
import type { Row, Scope } from './formula.js';
import { ParameterTimeline, type LoadedParameter } from './params.js';
import { READER_GLOBALS } from './reader.js';
import { recordCollections, type Item, type RecordCollections } from './derive/collections.js';
import type { GlobalPlan, PackFacts } from './derive/pack-facts.js';

export type { Item } from './derive/collections.js';
export { compileFacts, factModel, type PackFacts } from './derive/pack-facts.js';

export interface Facts {
  asOf: Day;
  /** Facts every rule may use: the record's and the pack's. */
  globals: Record<string, unknown>;
  /** The items of a collection, made as they are read (a large one is never held whole). */
  items(collection: string): Iterable<Item>;
  /** The items of each collection, as lists (made on first access): for views. */
  collections: Readonly<Record<string, Item[]>>;
  parameters: ParameterTimeline;
  /** The money of the programme, for reports. */
  money: MoneySummary;
}

/** The facts of a record as it stood on a day, with a pack's parameters and derived facts. */
export function deriveFacts(
  record: ProgrammeRecord,
  parameterDefs: Record<string, LoadedParameter>,
  derived: PackFacts,
  asOf: Day,
): Facts {
  const parameters = new ParameterTimeline(parameterDefs, record.amendments ?? []);
  const asOfText = formatDay(asOf);
  const computing = new Set<string>();
  const base: Scope = {
    asOf: asOfText,
    params: parameters.at(asOf),
    item: undefined,
    outer: undefined,
    owner: undefined,
    global: (name) => globalValue(name),
    collection: (name) => rowsOf(name),
    counting: (name) => parameters.counting(name),
  };
  const { rowsOf, items } = recordCollections({
    record,
    derived,
    parameters,
    asOf,
    base,
    computing,
  });
  const globalValue = globalFacts(record, derived, base, computing);

  const globals: Record<string, unknown> = { asOf: asOfText };
  for (const name of Object.keys(READER_GLOBALS)) globals[name] = globalValue(name);
  for (const name of derived.globals.keys()) globals[name] = globalValue(name);
  return {
    asOf,
    globals,
    items,
    collections: listsOf(derived, items),
    parameters,
    money: moneyOf(rowsOf, base.params),
  };
}

/** The facts of the record as a whole, each worked out once, when first read. */
function globalFacts(
  record: ProgrammeRecord,
  derived: PackFacts,
  base: Scope,
  computing: Set<string>,
): (name: string) => unknown {
  const asOfText = base.asOf;
  const globalValues = new Map<string, unknown>();
  /** An object fact is made field by field, each field able to use those before it. */
  const evaluateGlobal = (plan: GlobalPlan, register?: (value: unknown) => void): unknown => {
    if (plan.compiled) return plan.compiled(base);
    const out: Record<string, unknown> = {};
    register?.(out);
    for (const [name, field] of plan.fields!) out[name] = evaluateGlobal(field);
    return out;
  };
  function globalValue(name: string): unknown {
    if (name === 'asOf') return asOfText;
    const known = globalValues.get(name);
    if (known !== undefined || globalValues.has(name)) return known;
    const reader = Object.hasOwn(READER_GLOBALS, name) ? READER_GLOBALS[name] : undefined;
    const plan = derived.globals.get(name);
    if (!reader && !plan) return undefined;
    // Cycles are refused when the pack is loaded: one here is a bug.
    if (computing.has(name)) throw new Error(`the fact ${name} depends on itself`);
    computing.add(name);
    const value = reader
      ? reader.read(record)
      : evaluateGlobal(plan!, (partial) => {
          computing.delete(name);
          globalValues.set(name, partial);
        });
    computing.delete(name);
    globalValues.set(name, value);
    return value;
  }
  return globalValue;
}

/** The items of each collection as lists, each made on first access: for views. */
function listsOf(
  derived: PackFacts,
  items: RecordCollections['items'],
): Readonly<Record<string, Item[]>> {
  const lists: Record<string, Item[]> = {};
  return new Proxy(lists, {
    get: (target, name) => {
      if (typeof name !== 'string' || !derived.collections.has(name)) return undefined;
      target[name] ??= [...items(name)];
      return target[name];
    },
  });
}

/**
 * The money of the programme, for reports: the pack's `programme` fields paid, eligibleExpenses,
 * usedFunds, refundDue, refunded, refundedElsewhere, balance, refundSettled, refundDueBy and
 * paidAboveCap, as the pack derives them.
 */
function moneyOf(rowsOf: RecordCollections['rowsOf'], params: Scope['params']): MoneySummary {
  const programme = (rowsOf('programme') as Row[])[0] ?? {};
  const amount = (field: string): number | null => {
    const v = programme[field];
    return typeof v === 'number' ? v : null;
  };
  const cap = params.fundingCap;
  return {
    cap: typeof cap === 'number' ? cap : null,
    paid: amount('paid') ?? 0,
    eligibleExpenses: amount('eligibleExpenses'),
    usedFunds: amount('usedFunds'),
    refundDue: amount('refundDue'),
    refunded: amount('refunded'),
    refundedElsewhere: amount('refundedElsewhere'),
    balance: amount('balance'),
    refundSettled: programme.refundSettled === true,
    refundDueBy: typeof programme.refundDueBy === 'string' ? programme.refundDueBy : null,
    paidAboveCap: amount('paidAboveCap') ?? 0,
  };
}
