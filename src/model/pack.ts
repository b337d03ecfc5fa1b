/**
 * The files of a rule pack (`rules/<pack>/`), as written in YAML. These types are the source of
 * `schemas/rule-pack.schema.json`; a pack is validated against it when it is loaded, so that a
 * broken pack is reported with its file and line before any record is judged. Their conditions
 * and formulas are in ./expressions.ts.
 */
import type { Condition, Counting, FactReference, Formula } from './expressions.js';

/**
 * A text in French and in English.
 */
export interface Localized {
  /** The French text. */
  fr: string;
  /** The English text. */
  en: string;
}

/**
 * A clause unit id: the article and paragraph (alinéa), for example `art4.al2` or
 * `art1.al5.s2` (a sentence of a paragraph).
 * @pattern ^[a-z0-9]+(\.[a-z0-9-]+)*$
 */
export type ClauseId = string;

/**
 * A rule id, in capitals: the article then the obligation, for example `A4-CAP`.
 * @pattern ^[A-Z0-9]+(-[A-Z0-9]+)+$
 */
export type RuleId = string;

/** `pack.yaml`: what the pack is. */
export interface PackFile {
  /** The pack's id: the `convention.template` of the records it judges. */
  id: string;
  /** The pack's title. */
  title: Localized;
  /** The convention the pack encodes. */
  convention: Localized;
  /** The file (in the pack) holding the convention's text as signed, which `clauses.yaml` splits. */
  source: string;
  /**
   * Another pack (a folder, relative to this one) whose clauses, parameters and rules this one
   * takes, before its own files replace some of them.
   */
  extends?: string;
  /**
   * The folder (relative to this one) of the records that test the pack, each beside its
   * `.expected.yaml`; only the records of this pack's template are its cases.
   */
  cases?: string;
}

/**
 * The kind of a clause unit, for laying the convention out.
 * @title kind of clause unit
 */
export type ClauseKind = 'title' | 'heading' | 'paragraph' | 'item' | 'details' | 'signature';

/** `clauses.yaml`: the convention's text, verbatim, split into clause units. */
export interface ClausesFile {
  /** The clause units, in the order of the text. */
  units: ClauseUnit[];
}

/** A clause unit: a part of the convention that rules can cite. */
export interface ClauseUnit {
  /** The unit's stable id. */
  id: ClauseId;
  /** How the unit is cited: `art. 4 al. 2`. */
  cite: string;
  /** What kind of text the unit is. */
  kind: ClauseKind;
  /** The unit's text, verbatim. */
  text: string;
  /** Why the unit is not encoded by any rule (a unit is either encoded or listed here). */
  notEncoded?: Localized;
  /** What part of an encoded unit is left out, and why. */
  partlyEncoded?: Localized;
}

/**
 * The kind of value a parameter holds.
 * @title parameter type
 */
export type ParameterType =
  'money' | 'days' | 'count' | 'period' | 'date' | 'text' | 'account' | 'list';

/** `parameters.yaml`: the convention's figures, each with its source. */
export interface ParametersFile {
  /** The parameters, by name. */
  parameters: Record<string, Parameter>;
}

/** A parameter of the convention. */
export interface Parameter {
  /** What the parameter is. */
  description: Localized;
  /** The kind of value. */
  type: ParameterType;
  /** Its values, each from a date on (the first may have no date: it applies from the start). */
  values: DatedValue[];
  /** The clause units the value comes from. */
  clauses: ClauseId[];
  /** For a period, how it is counted (default: calendar). */
  counting?: Counting;
  /** Whether a signed amendment may change it through a record's `terms` (default false). */
  amendable?: boolean;
  /** When the value is a choice the text does not fix: the reasoning, for a lawyer to review. */
  interpretation?: Localized;
  /**
   * Read by clausier's reports though no rule reads it: `clausier lint` counts it as used
   * instead of warning that nothing uses it.
   */
  shown?: boolean;
}

/** A parameter's value from a date on. */
export interface DatedValue {
  /**
   * The first day the value applies.
   * @pattern ^\d{4}-\d{2}-\d{2}$
   */
  from?: string;
  /** The value (an amount in euros for money). */
  value: ParameterValue;
}

export type ParameterValue = number | string | string[] | AccountValue;

/** A bank account, as a parameter. */
export interface AccountValue {
  holder?: string;
  bank: string;
  branch: string;
  number: string;
  key: string;
}

/** A verbatim quote of a clause unit. */
export interface Quote {
  /** The clause unit quoted. */
  clause: ClauseId;
  /** The words quoted, exactly as they are in the unit. */
  text: string;
}

/**
 * Who an obligation binds.
 * @title obligor
 */
export type Obligor = 'collectivite' | 'dinsic' | 'both';

/**
 * How grave a breach is.
 * @title severity
 */
export type Severity = 'error' | 'warning';

/**
 * What a rule checks: an `obligation` of the parties under the convention (the verdict on the
 * convention rests on these), or the `record` itself (a date mistyped, an entry outside its
 * period: warnings about the record, counted apart from the verdict).
 * @title kind of rule
 */
export type RuleKind = 'obligation' | 'record';

/** A rule file, `<RULE-ID>.yaml`: one obligation of the convention, or one check of the record. */
export interface RuleFile {
  /** The rule's id; the file is named after it. */
  id: RuleId;
  /** What the rule checks (default `obligation`). */
  kind?: RuleKind;
  /** A short title. */
  title: Localized;
  /** The clause units the rule encodes. */
  clauses: ClauseId[];
  /**
   * Verbatim quotes of the clauses encoded.
   * @minItems 1
   */
  quotes: Quote[];
  /** What the obligation requires, in plain words. */
  summary: Localized;
  /** Who the obligation binds. */
  obligor: Obligor;
  /** How grave a breach is. */
  severity: Severity;
  /** When the obligation is due; before that, it is pending. */
  due: Due;
  /** The choices this encoding makes where the text does not decide, for a lawyer to review. */
  interpretation?: Localized;
  /** The parameters the rule uses. */
  parameters?: string[];
  /** The facts whose items the rule is judged on, one finding per breaching item. */
  over: string;
  /** Dates the rule computes: a date plus a period that is a parameter (`paymentDeadline`). */
  deadlines?: Record<string, Deadline>;
  /** When the rule concerns an item at all; otherwise the item is not applicable. */
  applies?: Condition;
  /**
   * The ways the obligation is breached, each with its message; an item that matches several
   * gives a finding for each.
   * @minItems 1
   */
  breaches: BreachCase[];
  /** The messages of the other outcomes, with placeholders such as `{count}`. */
  messages: Messages;
}

/** A date computed by a rule: a date of the facts plus a period that is a parameter. */
export interface Deadline {
  /** The date the period runs from: a fact path such as `convention.start` or `item.noticeRunsFrom`. */
  from: string;
  /** The parameter (a period) added to it; it is counted as the parameter says. */
  add: string;
}

/** One way an obligation is breached. */
export interface BreachCase {
  /** A short name for the case, unique in the rule (`late`, `several`). */
  id: string;
  /** When the item is in breach. */
  when: Condition;
  /** Whether the case is a breach even before the obligation is due (a second payment, an over-refund). */
  beforeDue?: boolean;
  /** The message, with placeholders such as `{item.paidToDate|eur}`. */
  message: Localized;
  /** The item fields holding the places in the record the finding points to (default `pointer`). */
  locations?: string[];
}

/**
 * When an obligation is due, and when it is performed. Performed by its due date, it is
 * satisfied (even before that date); performed after it, it is late, a breach even once
 * performed; neither performed nor due, it is pending; due and not performed, it is judged by
 * its breach cases.
 */
export interface Due {
  /** When it is due, in words. */
  description: Localized;
  /** The condition under which it is due; without it (and without `by`), it is always due. */
  when?: Condition;
  /**
   * The last day to perform it: it falls due once the evaluation date is after that day (null:
   * not due yet).
   */
  by?: FactReference;
  /** When it is performed; without it, it is performed once `performedOn` is a date. */
  performed?: Condition;
  /** The day it was performed (null while it is not): after `by`, it was performed late. */
  performedOn?: FactReference;
  /** The item fields holding the places a late performance points to (default `pointer`). */
  locations?: string[];
}

/** The messages of the outcomes other than a breach (each breach case has its own). */
export interface Messages {
  /** When every item is satisfied; `{count}` is the number of items checked. */
  satisfied: Localized;
  /** When the obligation is not yet due. */
  pending?: Localized;
  /** When the rule concerns nothing in the record. */
  notApplicable?: Localized;
  /**
   * When the obligation was performed after its due date: `{due|date}`, `{performed|date}` and
   * `{daysLate}` are set, besides the item's facts.
   */
  late?: Localized;
}

/** `conditions.yaml`: named conditions that rules share. */
export interface ConditionsFile {
  /** The conditions, by name. */
  conditions: Record<string, NamedCondition>;
}

/** A named condition. */
export interface NamedCondition {
  /** What the condition means, in words. */
  description: Localized;
  /** The condition. */
  when: Condition;
}

/**
 * The type of a fact's value, as conditions compare it: dates `YYYY-MM-DD`, money in integer
 * cents, numbers, counts, texts, parties, lists, pointers into the record, ISO weeks, objects.
 * @title type of fact
 */
export type FactType =
  | 'date'
  | 'money'
  | 'number'
  | 'count'
  | 'text'
  | 'party'
  | 'parties'
  | 'boolean'
  | 'list'
  | 'pointer'
  | 'week'
  | 'phase'
  | 'object';

/**
 * `facts.yaml`: what the pack derives from a record, each derived fact a formula of generic
 * mechanisms over what the record says (the reader's facts) and the parameters. This is where the
 * legal readings that are computations live (when the convention starts and ends, which expenses
 * are eligible, what is due back, which weeks are owed...), where a lawyer reads and changes them.
 */
export interface FactsFile {
  /** Facts every rule may use, by name (an object fact groups others: `convention.start`). */
  facts?: Record<string, DerivedFact>;
  /** Fields derived for the items of a collection, by collection, then by field. */
  fields?: Record<string, Record<string, DerivedFact>>;
  /** Collections the pack makes itself (the weeks owed by each intrapreneur), by name. */
  collections?: Record<string, MadeCollection>;
  /**
   * Fields of the reader whose absence means the record does not say (unknown: the rules that
   * need them are undetermined, naming the field), by collection; any other absent field is none.
   */
  unknownWhenAbsent?: Record<string, string[]>;
  /**
   * For each collection, the field whose day selects the parameters in force for an item (a
   * payment's day, a week's Monday); the evaluation date's otherwise.
   */
  paramsOn?: Record<string, string>;
}

/** A fact the pack derives: what it is, where it comes from in the text, and its formula. */
export interface DerivedFact {
  /** What the fact is, in words. */
  description: Localized;
  /** The type of its value. */
  type: FactType;
  /** May be null: the thing does not exist (yet). */
  nullable?: boolean;
  /** May be unknown: the record lacks what it takes. */
  mayBeMissing?: boolean;
  /** The clause units the reading comes from. */
  clauses?: ClauseId[];
  /** The choice this formula makes where the text does not decide, for a lawyer to review. */
  interpretation?: Localized;
  /** How the value is computed (for an object fact: see `fields`). */
  formula?: Formula;
  /** For an object fact: its fields, each a derived fact. */
  fields?: Record<string, DerivedFact>;
  /**
   * Read by clausier's reports though no rule reads it (the money summary's total refunded to
   * another account): `clausier lint` counts it as used instead of warning that nothing uses it.
   */
  shown?: boolean;
}

/**
 * A collection the pack makes: for each item of `each` where `where` holds, each ISO week from
 * the week of `from` to that of `to`. Its items have `week`, `monday`, `friday`, `sunday`, and
 * `owner` (the item they are made from); its fields are derived facts.
 */
export interface MadeCollection {
  /** What an item is, in words. */
  description: Localized;
  /** The weeks to make. */
  weeks: WeeksOf;
  /** The fields of each item. */
  fields: Record<string, DerivedFact>;
  /**
   * Read by clausier's reports though no rule reads it (the weeks of a programme's report):
   * `clausier lint` counts it as used instead of warning that nothing uses it.
   */
  shown?: boolean;
}

/** The weeks of a period, for each item of a collection. */
export interface WeeksOf {
  /** The collection whose items the weeks are made for. */
  each: string;
  /** Which of its items (`item` is the item); all when left out. */
  where?: Condition;
  /** The first day of the period (its week is the first made); no week when null. */
  from: Formula;
  /** The last day of the period. */
  to: Formula;
}
