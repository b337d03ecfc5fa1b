/**
 * A waiver file: the deviations (dérogations) from the convention that a finance controller has
 * accepted. `clausier check --waivers FILE` turns each matching breach into a `waived` finding,
 * counted apart; a waiver that has expired or matches no breach is reported itself.
 *
 * These types are the source of `schemas/waivers.schema.json` (`npm run generate`).
 */
import type { CalendarDate } from './programme.js';

/** Deviations from the convention accepted by a finance controller. */
export interface WaiverFile {
  /** The waivers, each for one rule in one record. */
  waivers: Waiver[];
}

/** A deviation accepted for one rule in one record. */
export interface Waiver {
  /**
   * The rule whose breach is accepted, for example `A4-CAP`.
   * @pattern ^[A-Z0-9]+(-[A-Z0-9]+)+$
   */
  rule: string;
  /** The record the breach is in: its path, relative to the waiver file. */
  record: string;
  /**
   * Where in the record: the JSON pointer of the breach's location (for example
   * `/payments/0/amount`). Without it, every breach of the rule in the record is waived.
   * @pattern ^(/[^/]*)*$
   */
  pointer?: string;
  /** Why the deviation is accepted. */
  reason: string;
  /** Who approved it (name and capacity). */
  approvedBy: string;
  /** The day it was approved. */
  approved: CalendarDate;
  /** The last day it holds; after it, the breach is a breach again. */
  until: CalendarDate;
}
