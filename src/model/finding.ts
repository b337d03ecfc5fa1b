/**
 * The finding: what a check says of one record, whatever prints it. Every format, view and
 * run reads these types; only the pipeline (src/pipeline.ts) makes them.
 */
import type { InputProblem } from '../base/errors.js';
import type { TraceNode } from './trace.js';
import type { Obligor, RuleKind, Severity } from './pack.js';

/** A rule's outcome for one record. */
export type Status = 'breach' | 'pending' | 'satisfied' | 'not-applicable' | 'undetermined';

/** Every status, gravest first. */
export const STATUSES: readonly Status[] = [
  'breach',
  'undetermined',
  'pending',
  'satisfied',
  'not-applicable',
];

/** An item of a collection, by its position in the order the facts give the items. */
export interface ItemRef {
  collection: string;
  index: number;
}

/** The programme's money, exact to the cent; a value is null when it cannot be measured. */
export interface MoneySummary {
  cap: number | null;
  paid: number;
  eligibleExpenses: number | null;
  usedFunds: number | null;
  refundDue: number | null;
  /**
   * Refunded to the collectivité's account: what discharges the refund due. Null when a refund's
   * account is not written: whether it discharges the debt is unknown.
   */
  refunded: number | null;
  /**
   * Refunded to another account: it does not discharge the debt (Code civil art. 1342-2). Null
   * when a refund's account is not written.
   */
  refundedElsewhere: number | null;
  /** Refund due less refunded: what the DINSIC still owes the collectivité (negative: refunded too much). */
  balance: number | null;
  /**
   * Whether the refund due is settled: the convention has ended by the evaluation date. Before,
   * the refund due and the balance are what is unused so far, not yet owed.
   */
  refundSettled: boolean;
  /** The day by which the DINSIC refunds what is due (YYYY-MM-DD), or null when it is not known. */
  refundDueBy: string | null;
  /**
   * The most paid above the cap in force on a payment's day, as A4-CAP judges it (0 within it):
   * a cap an amendment lowers after a payment makes no excess of it.
   */
  paidAboveCap: number;
}

/**
 * What a record's balance (MoneySummary.balance, when known) is: owed by the DINSIC (settled, the
 * convention having ended), unused so far (not owed yet: the convention runs on), or refunded
 * too much and owed back to the DINSIC. The reports say it, and the portfolio totals it apart.
 */
export type BalanceKind = 'owed' | 'unsettled' | 'owedBack';
export function balanceKind(money: MoneySummary, balance: number): BalanceKind {
  return balance < 0 ? 'owedBack' : money.refundSettled ? 'owed' : 'unsettled';
}

/** The name standard input is given by, as an argument and as a report's `file`. */
export const STDIN = '-';
/** A finding's status: a rule's outcome, or `waived` for a breach a waiver accepts. */
export type FindingStatus = Status | 'waived';

/** A place in the record's file. Lines and columns are 1-based. */
export interface Location {
  pointer: string;
  line: number;
  column: number;
}

export interface Finding {
  /** The rule's id, as in obligations.md. */
  rule: string;
  status: FindingStatus;
  severity: Severity;
  /**
   * `obligation`: an obligation of the parties, on which the verdict rests; `record`: a check of
   * the record itself (a mistyped date, an entry outside its period), counted apart.
   */
  kind: RuleKind;
  message: string;
  /** The clause units the rule encodes. */
  clauses: string[];
  /** Where in the file the finding points. */
  locations: Location[];
  /** The rule's title. */
  title: string;
  /** The clauses as a lawyer cites them: `art. 4 al. 1`. */
  cite: string;
  obligor: Obligor;
  /** For a breach: which way the obligation is breached. */
  case?: string;
  /** For an undetermined finding: the fields the record lacks (JSON pointers). */
  missing?: string[];
  /** For a finding that sums up several items: how many. */
  count?: number;
  /** For a waived breach: the waiver that accepts it. */
  waiver?: AppliedWaiver;
  /**
   * For a breach: the item of the rule's collection it judged (its position among the items
   * the facts give), for views that place findings on derived facts such as weeks.
   */
  item?: ItemRef;
  /** The last day to perform the obligation (`YYYY-MM-DD`), where the rule sets one and it is known. */
  due?: string;
  /** The day it was performed, where known. */
  performed?: string;
  /** For a breach: days between the due date and the performance (late), or the evaluation date (overdue). */
  daysLate?: number;
  /**
   * With the `trace` option: how the finding was reached, from the record's lines through the
   * parameters and the derived facts to the comparison that decided its status.
   */
  trace?: TraceNode;
}

/** Something of the record not counted, with why: an event dated after the evaluation date. */
export interface RecordNotice {
  /** What it is: `after-evaluation-date`. */
  kind: 'after-evaluation-date';
  message: string;
  pointer: string;
  line: number;
  column: number;
}

/** The waiver that turned a breach into a waived finding. */
export interface AppliedWaiver {
  reason: string;
  approvedBy: string;
  approved: string;
  until: string;
  /** The waiver file, and the line of the waiver in it. */
  file: string;
  line: number;
}

/** What became of a waiver that concerns a checked record. */
export interface WaiverOutcome {
  /** `applied`; `expired` or `not-yet-approved` (the breach stays); `unmatched` (no such breach). */
  status: 'applied' | 'expired' | 'not-yet-approved' | 'unmatched';
  rule: string;
  pointer?: string;
  /** What it means, in words. */
  message: string;
  /** The waiver file, and where the waiver is in it. */
  file: string;
  line: number;
  column: number;
}

export interface FileReport {
  /** The file as given (or `-` for standard input). */
  file: string;
  /** Input errors: the record cannot be judged until they are fixed. */
  errors: InputProblem[];
  findings: Finding[];
  /** `invalid` (input errors), `breach` or `compliant`. */
  verdict: 'invalid' | 'breach' | 'compliant';
  /** The date the record was judged as of. */
  asOf?: string;
  /** The rule pack that judged it. */
  pack?: string;
  /** The programme's money, in cents. */
  money?: MoneySummary;
  /**
   * What the record holds that was not counted: each event or step dated after the evaluation
   * date, once, where its date is written.
   */
  notices?: RecordNotice[];
  /** With --waivers: what became of each waiver concerning this record. */
  waivers?: WaiverOutcome[];
}
