/**
 * What a record says, read as facts: the items of each list of the record with their fields, as
 * written, each with its place in the file, and what takes arithmetic but no reading of the
 * convention (an account's RIB key, the order of payments by day, the sessions of a week). Each
 * field is defined once, here, with its words: this is the whole of what the rule pack's derived
 * facts (facts.yaml) and rules may read of a record. Nothing here decides what the convention
 * means: a field the record leaves out is `undefined`, read as none (null) unless the pack says
 * that its absence means "the record does not say" (`unknownWhenAbsent`); a thing that does not
 * exist (no notice, so no sender) is null.
 */
import type { FactSpec } from './spec.js';
import {
  amendments,
  amendmentSignatures,
  communications,
  convention,
  conventionSignatures,
  terminations,
  termsChanges,
} from './reader/agreement.js';
import { dates, entries } from './reader/entries.js';
import {
  f,
  nullable,
  orNull,
  type ReaderCollection,
  type ReaderField,
  type ReaderGlobal,
} from './reader/fields.js';
import { accounts, expenses, partyAccounts, payments, refunds } from './reader/money.js';
import {
  intrapreneurs,
  phases,
  programme,
  projects,
  seminar,
  technicalSupports,
} from './reader/programme.js';

export {
  PHASES,
  type ReaderCollection,
  type ReaderField,
  type ReaderGlobal,
} from './reader/fields.js';

/** The record's own facts, besides its collections. */
export const READER_GLOBALS: Record<string, ReaderGlobal> = {
  terminationDate: {
    ...f('date', 'date de la résiliation', 'termination date', nullable),
    read: (record) => orNull(record.termination?.date),
  },
  closedWeeks: {
    ...f('list', 'semaines de fermeture (closedWeeks)', 'closed weeks (closedWeeks)'),
    read: (record) => record.closedWeeks ?? [],
  },
};

/**
 * The record's lists, as collections of items (./reader/ holds each): in this order the fact
 * model, and so the doc and the rules' facts, list them.
 */
export const READER_COLLECTIONS: Record<string, ReaderCollection> = {
  convention,
  conventionSignatures,
  phases,
  projects,
  technicalSupports,
  intrapreneurs,
  seminar,
  programme,
  payments,
  accounts,
  partyAccounts,
  expenses,
  refunds,
  terminations,
  amendments,
  amendmentSignatures,
  communications,
  termsChanges,
  dates,
  entries,
};

/** The fields every week a pack makes has, besides those the pack derives. */
export const WEEK_FIELDS: Record<string, ReaderField> = {
  week: f('week', 'semaine ISO', 'ISO week'),
  monday: f('date', 'lundi de la semaine', 'the week’s Monday'),
  friday: f('date', 'vendredi de la semaine', 'the week’s Friday'),
  sunday: f('date', 'dimanche de la semaine', 'the week’s Sunday'),
};

/** The evaluation date, which every formula and rule may use. */
export const AS_OF: FactSpec = f('date', 'date d’évaluation', 'evaluation date');
