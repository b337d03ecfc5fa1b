/**
 * Parameters in force on a given day: the pack's dated values, then the values that signed
 * amendments set, each from the amendment's last signature on (article 5: an amendment signed by
 * both parties changes the convention from then on).
 */
import { formatDay, parseCalendarDate, type Day } from '../base/calendar.js';
import type { Amendment, Terms } from '../model/programme.js';
import type { Counting } from '../model/expressions.js';
import type { ParameterType } from '../model/pack.js';
import { accountId, ribText } from './rib.js';

/** A parameter's value, as rules see it: cents for money, `YYYY-MM-DD` for dates. */
export type ParamValue = number | string | string[] | AccountParam;

export interface AccountParam {
  holder?: string;
  bank: string;
  branch: string;
  number: string;
  key: string;
  /** The account as one text, with its key. */
  rib: string;
  /** What identifies the account: bank, branch and number. */
  id: string;
}

/** A parameter of a loaded pack, its values already in the form rules use. */
export interface LoadedParameter {
  name: string;
  type: ParameterType;
  counting: Counting;
  amendable: boolean;
  /** Dated values, in order; `from` null applies from the start. */
  values: { from: Day | null; value: ParamValue; source: 'pack' | string }[];
}

export function accountParam(account: {
  holder?: string;
  bank: string;
  branch: string;
  number: string;
  key: string;
}): AccountParam {
  return { ...account, rib: ribText(account), id: accountId(account) };
}

/** Whether an amendment bears a dated signature of both parties; returns its last signature. */
export function lastSignatureOfBoth(signatures: Amendment['signatures']): Day | null {
  let last: Day | null = null;
  const signed = new Set<string>();
  for (const signature of signatures ?? []) {
    if (signature.date === undefined) continue;
    const parsed = parseCalendarDate(signature.date);
    if (!parsed.ok) continue;
    signed.add(signature.party);
    last = last === null ? parsed.value : Math.max(last, parsed.value);
  }
  return signed.has('collectivite') && signed.has('dinsic') ? last : null;
}

export class ParameterTimeline {
  private readonly parameters: LoadedParameter[];
  /** The days some value comes into force, in order: the values in force change only on them. */
  private readonly changes: Day[];
  /** The values in force between two changes, by how many changes have come into force. */
  private readonly periods: (Record<string, ParamValue> | undefined)[];

  constructor(parameters: Record<string, LoadedParameter>, amendments: readonly Amendment[] = []) {
    this.parameters = Object.values(parameters).map((p) => ({ ...p, values: [...p.values] }));
    const byName = new Map(this.parameters.map((p) => [p.name, p]));
    for (const amendment of amendments) {
      const from = lastSignatureOfBoth(amendment.signatures);
      if (from === null || !amendment.changes) continue;
      for (const [name, value] of Object.entries(amendment.changes as Terms)) {
        const parameter = byName.get(name);
        if (!parameter?.amendable || value === undefined) continue;
        parameter.values.push({ from, value: value as ParamValue, source: amendment.id });
      }
    }
    for (const parameter of this.parameters) {
      parameter.values.sort((a, b) => (a.from ?? -Infinity) - (b.from ?? -Infinity));
    }
    const days = new Set<Day>();
    for (const parameter of this.parameters)
      for (const dated of parameter.values) if (dated.from !== null) days.add(dated.from);
    this.changes = [...days].sort((a, b) => a - b);
    this.periods = new Array<undefined>(this.changes.length + 1).fill(undefined);
  }

  /** The values in force on a day, by name (without prototype: `constructor` is none of them). */
  at(day: Day): Record<string, ParamValue> {
    // Every day between two changes has the same values: they are made once for all of them.
    const changes = this.changes;
    let period = 0;
    if (changes.length > 0) {
      let high = changes.length;
      while (period < high) {
        const middle = (period + high) >>> 1;
        if (changes[middle]! <= day) period = middle + 1;
        else high = middle;
      }
    }
    const cached = this.periods[period];
    if (cached) return cached;
    const values = Object.create(null) as Record<string, ParamValue>;
    for (const parameter of this.parameters) {
      let current: ParamValue | undefined;
      for (const dated of parameter.values) {
        if (dated.from === null || dated.from <= day) current = dated.value;
      }
      if (current !== undefined) values[parameter.name] = current;
    }
    this.periods[period] = values;
    return values;
  }

  /** The history of each parameter: where each value comes from, and from when. */
  history(): {
    name: string;
    values: { from: string | null; value: ParamValue; source: string }[];
  }[] {
    return this.parameters.map((p) => ({
      name: p.name,
      values: p.values.map((v) => ({
        from: v.from === null ? null : formatDay(v.from),
        value: v.value,
        source: v.source,
      })),
    }));
  }

  counting(name: string): Counting {
    return this.parameters.find((p) => p.name === name)?.counting ?? 'calendar';
  }
}
