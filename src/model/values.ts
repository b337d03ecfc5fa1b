/**
 * The values a programme record is written with: calendar dates (of events and of steps), ISO
 * weeks, amounts in euros, periods, the parties, the purposes of expenses and the outcomes of an
 * incubation decision. src/model/programme.ts builds the record from them; like it, these types
 * are turned into `schemas/programme.schema.json` by `npm run generate`, and their doc comments
 * are written for the person filling in a record.
 */

/**
 * A calendar date, written YYYY-MM-DD (for example 2019-08-30). It must be a real day of the
 * Gregorian calendar; no time, no time zone.
 * @title calendar date (YYYY-MM-DD)
 * @pattern ^\d{4}-\d{2}-\d{2}$
 * @format date
 */
export type CalendarDate = string;

/**
 * The day something happened, written YYYY-MM-DD: a payment, an expense, a refund, a signature,
 * a selection, a decision, a session... A record is judged as it stood on its evaluation date:
 * what this date records, dated after that day, has not happened yet and is not counted (it is
 * reported once, as dated after the evaluation date).
 * @title date of an event (YYYY-MM-DD)
 * @pattern ^\d{4}-\d{2}-\d{2}$
 * @format date
 */
export type EventDate = string;

/**
 * The day of a step in the life of something already recorded, written YYYY-MM-DD: a notice's
 * receipt, a copy sent to the controller, an amendment request abandoned, a departure. Dated after
 * the evaluation date, the step has not happened yet and is not counted (it is reported once).
 * @title date of a step (YYYY-MM-DD)
 * @pattern ^\d{4}-\d{2}-\d{2}$
 * @format date
 */
export type StepDate = string;

/**
 * An ISO 8601 week, written YYYY-Www (for example 2019-W42): the week from Monday to Sunday
 * numbered as ISO 8601 numbers them (week 1 holds the year's first Thursday).
 * @title ISO week (YYYY-Www)
 * @pattern ^\d{4}-W\d{2}$
 */
export type IsoWeek = string;

/**
 * An amount in euros, with at most two decimals (for example 10000.00). clausier reads it from
 * the file's text into an exact number of cents, never through binary floating point; once
 * loaded, every amount is held as an integer number of cents.
 * @title amount in euros
 * @minimum 0
 */
export type Money = number;

/**
 * A period of time in ISO 8601 form: a number of days (P30D), weeks (P2W), months (P1M) or
 * years (P1Y).
 * @title period (ISO 8601, e.g. P30D or P1M)
 * @pattern ^P[1-9]\d{0,3}[DWMY]$
 */
export type Period = string;

/**
 * A party to the convention: `collectivite` (the local authority) or `dinsic` (the State's
 * digital directorate).
 * @title party
 */
export type Party = 'collectivite' | 'dinsic';

/**
 * What an expense paid for. The convention's eligible purposes are `call-support`, `seminar`,
 * `coaching`, `technical-support` and `methodological-support`; `other` is any purpose outside
 * the convention (such an expense is not eligible, and its amount is due back to the
 * collectivité).
 * @title expense purpose
 */
export type ExpensePurpose =
  | 'call-support'
  | 'seminar'
  | 'coaching'
  | 'technical-support'
  | 'methodological-support'
  | 'other';

/**
 * The outcome of the decision on incubating a project: `incubate` (the project goes on to
 * incubation, under an amendment) or `stop`.
 * @title incubation outcome
 */
export type IncubationOutcome = 'incubate' | 'stop';
