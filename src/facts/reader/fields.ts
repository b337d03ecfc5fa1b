/**
 * The shapes of what the reader gives (a field, a list of items, a fact of the whole record) and
 * the few helpers its tables are written with: a field with its words, a pointer, a field the
 * record may leave out, an account, a signature, a day or a week read from checked text.
 */
import { formatDay, parseIsoWeek } from '../../base/calendar.js';
import { remembered } from '../../base/memo.js';
import type { AccountRef, ProgrammeRecord, Signature } from '../../model/programme.js';
import type { FactType, Localized } from '../../model/pack.js';
import type { FactSpec } from '../spec.js';
import { accountId, ribText } from '../rib.js';

/** A field the reader gives, with where it is written relative to its item (when it is). */
export interface ReaderField extends FactSpec {
  /** Its place, relative to the item's pointer: what the record lacks when it is absent. */
  at?: string;
}

/** The items of one list of the record. */
export interface ReaderCollection {
  description: Localized;
  /** `one`: at most one item (the convention, the termination if any); `many`: a list. */
  cardinality: 'one' | 'many';
  /** Large lists (expenses, every date) are read one item at a time and never held whole. */
  large?: boolean;
  /** A field whose values are known in advance (the phases' names), for facts keyed by it. */
  keys?: { field: string; values: readonly string[] };
  fields: Record<string, ReaderField>;
  /** The items, each a mapping of its fields' values (a `pointer` among them). */
  items(record: ProgrammeRecord): Iterable<Record<string, unknown>>;
}

/** A fact of the record as a whole. */
export interface ReaderGlobal extends ReaderField {
  read(record: ProgrammeRecord): unknown;
}

export const w = (fr: string, en: string): Localized => ({ fr, en });
export const f = (
  type: FactType,
  fr: string,
  en: string,
  options: Partial<ReaderField> = {},
): ReaderField => ({ type, description: w(fr, en), ...options });
/** A field the record may leave out, written at `at` relative to its item. */
export const writtenAt = (type: FactType, fr: string, en: string, at: string): ReaderField =>
  f(type, fr, en, { nullable: true, at });
export const pointerField = (fr: string, en: string): ReaderField => f('pointer', fr, en);
export const nullable = { nullable: true } as const;
export const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

export const PARTIES = ['collectivite', 'dinsic'] as const;
export const PHASES = [
  'call',
  'selection',
  'preincubation',
  'pocPresentation',
  'incubationSelection',
] as const;

/**
 * An account as facts: what identifies it, and its full RIB. An account the record does not
 * write is absent, not none: the pack says what its silence means (unknownWhenAbsent).
 */
export const accountOf = (ref: AccountRef | undefined): { id: string; rib: string } | undefined =>
  ref === undefined ? undefined : { id: accountId(ref), rib: ribText(ref) };
export const accountField = (fr: string, en: string): ReaderField =>
  f('object', fr, en, {
    nullable: true,
    at: 'account',
    fields: {
      id: f(
        'text',
        'banque, guichet et numéro du compte (ce qui identifie le compte)',
        'bank, branch and number of the account (what identifies the account)',
      ),
      rib: f('text', 'RIB du compte, clé comprise', 'RIB of the account, key included'),
    },
  });

export const signatureFields: Record<string, ReaderField> = {
  party: f('party', 'partie signataire', 'party that signed'),
  date: writtenAt('date', 'date de la signature', 'day of the signature', 'date'),
  pointer: pointerField('la signature', 'the signature'),
};
export const signaturesOf = (
  signatures: readonly Signature[] | undefined,
  pointer: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown>[] =>
  (signatures ?? []).map((s, i) => ({
    ...extra,
    party: s.party,
    date: s.date,
    pointer: `${pointer}/${i}`,
  }));

/** The parties with a dated signature, in the order of the convention's parties. */
export const signedByOf = (signatures: readonly Signature[] | undefined): string[] =>
  PARTIES.filter((party) =>
    (signatures ?? []).some((s) => s.party === party && s.date !== undefined),
  );
export const signedByField = f(
  'parties',
  'parties ayant une signature datée au dossier',
  'parties with a dated signature in the record',
);

/**
 * The first and last working days (Monday, Friday) of an ISO week the record writes. Records write
 * the same few dozen weeks for each intrapreneur (release, leave): each is read once.
 */
export const weekDays = (week: string): Readonly<{ first: string; last: string }> =>
  remembered(WEEK_DAYS, week, readWeekDays);
/** The working days of the weeks already read, by the week as written. */
const WEEK_DAYS = new Map<string, Readonly<{ first: string; last: string }>>();

function readWeekDays(week: string): Readonly<{ first: string; last: string }> {
  const parsed = parseIsoWeek(week);
  if (!parsed.ok) throw new Error(`unchecked week ${week}`);
  return Object.freeze({ first: formatDay(parsed.value), last: formatDay(parsed.value + 4) });
}
