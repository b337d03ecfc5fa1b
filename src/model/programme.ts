/**
 * The programme record: one pré-incubation programme run under a DINSIC partnership agreement
 * (convention de partenariat), as written in a YAML file.
 *
 * These types are the one source of truth for the record's shape: `npm run generate` turns them
 * into `schemas/programme.schema.json`, and their doc comments become the schema's descriptions
 * (what an editor running the YAML language server shows on hover). Keep every comment written
 * for the person filling in a record.
 *
 * Most fields are optional on purpose: a record describes a programme as far as it has gone, and
 * a rule that needs a field the record lacks reports `undetermined`, naming the field, instead
 * of guessing (the record is then incomplete, not invalid).
 */
import type {
  CalendarDate,
  EventDate,
  StepDate,
  IsoWeek,
  Money,
  Period,
  Party,
  ExpensePurpose,
  IncubationOutcome,
} from './values.js';

export type {
  CalendarDate,
  EventDate,
  StepDate,
  IsoWeek,
  Money,
  Period,
  Party,
  ExpensePurpose,
  IncubationOutcome,
} from './values.js';

/** A programme record: one pré-incubation programme under a DINSIC partnership agreement. */
export interface ProgrammeRecord {
  /**
   * The date the record describes the programme as of: obligations due after it are reported
   * as pending. `clausier check --as-of` overrides it; without either, clausier uses today's
   * date in Paris.
   */
  asOf?: CalendarDate;
  /** The signed convention itself: its identity, template, signatures and communication. */
  convention: Convention;
  /** The two parties, with the bank accounts the convention names (article 4). */
  parties: Parties;
  /**
   * Changes to the template's parameters (for example a higher funding cap), each of which
   * must have been made by a signed amendment (article 5). Leave empty (`{}`) when the
   * template's values apply.
   */
  terms?: Terms;
  /** The five phases of the programme, in the order of article 1. */
  phases?: Phases;
  /** The launch seminar of the pré-incubation (séminaire de lancement, article 1). */
  seminar?: Seminar;
  /**
   * ISO weeks when the programme is closed (holidays): no release or coaching is due in them.
   */
  closedWeeks?: IsoWeek[];
  /** The projects put forward for pré-incubation. */
  projects?: Project[];
  /** The collectivité's payments of its contribution to the DINSIC (article 4). */
  payments?: Payment[];
  /** What the DINSIC spent of the contribution, expense by expense (article 4). */
  expenses?: Expense[];
  /** The DINSIC's refunds of unused credits to the collectivité (article 4). */
  refunds?: Refund[];
  /** Amendments (avenants) to the convention (article 5). */
  amendments?: Amendment[];
  /** The termination (résiliation) of the convention for a party's default, if any (article 5). */
  termination?: Termination;
}

/** The signed convention. */
export interface Convention {
  /** An identifier for this convention, for example `dinsic-les-lilas-2019`. */
  id: string;
  /**
   * The convention template the record follows; it selects the rule pack, for example
   * `dinsic-preincubation-2019`.
   */
  template: string;
  /** The dated signature of each party; the convention takes effect at the last one. */
  signatures?: Signature[];
  /** How many original copies were signed (the convention is made "en double exemplaire"). */
  copies?: number;
  /** The date the convention was sent to the budget and accounting controller (article 5). */
  communicatedToController?: StepDate;
}

/** A party's signature. */
export interface Signature {
  /** The party that signed. */
  party: Party;
  /**
   * The date of the signature. A signature recorded without its date leaves what runs from it
   * (the convention's effect, an amendment's) undetermined.
   */
  date?: EventDate;
  /** The name of the person who signed. */
  signatory?: string;
  /** The signatory's capacity (function). */
  capacity?: string;
}

/** The parties to the convention. */
export interface Parties {
  /** The DINSIC, whose State account receives the contribution. */
  dinsic: PartyDetails;
  /** The collectivité, whose account receives the refunds. */
  collectivite: PartyDetails;
}

/** A party's identity and bank account. */
export interface PartyDetails {
  /** The party's full name. */
  name?: string;
  /** The party's postal address. */
  address?: string;
  /** Who represents the party. */
  representative?: string;
  /** The party's bank account, as the convention states it. */
  account?: BankAccount;
}

/**
 * A French bank account identifier (RIB). Write each part in quotes, so that leading zeros are
 * kept: `bank: "30001"`.
 */
export interface AccountRef {
  /**
   * The bank code (code banque), of five digits.
   * @pattern ^\d{5}$
   */
  bank: string;
  /**
   * The branch code (code guichet), of five digits.
   * @pattern ^\d{5}$
   */
  branch: string;
  /**
   * The account number (numéro de compte), of eleven digits or capital letters.
   * @pattern ^[0-9A-Z]{11}$
   */
  number: string;
  /**
   * The RIB key (clé RIB), of two digits.
   * @pattern ^\d{2}$
   */
  key: string;
}

/** A bank account with its holder. */
export interface BankAccount extends AccountRef {
  /** The account holder (titulaire). */
  holder?: string;
  /** Where the account is held (domiciliation). */
  domiciliation?: string;
}

/**
 * Parameters of the template that an amendment may change. Each value replaces the template's
 * value from the amendment's last signature on.
 */
export interface Terms {
  /** The cap on the collectivité's contribution, in euros (default 10000.00). */
  fundingCap?: Money;
  /**
   * The minimum number of days a week an intrapreneur is released from usual duties (default 1).
   * @minimum 0
   * @maximum 5
   */
  minReleaseDaysPerWeek?: number;
  /**
   * The minimum number of coaching sessions a week for each intrapreneur (default 1).
   * @minimum 0
   * @maximum 7
   * @asType integer
   */
  coachingPerWeek?: number;
  /** How long after the last signature the contribution is to be paid (default P30D). */
  paymentDelay?: Period;
  /** How long after the convention ends unused credits are to be refunded (default P3M). */
  refundDelay?: Period;
  /** How long after the start of phase 3 the launch seminar may be held (default P14D). */
  seminarDelay?: Period;
  /** How long a formal notice must remain unanswered before termination (default P1M). */
  noticePeriod?: Period;
}

/** A phase of the programme, from its first day to its last, both included. */
export interface Phase {
  /** The phase's first day. */
  start: CalendarDate;
  /** The phase's last day; leave it out while the phase is under way. */
  end?: CalendarDate;
}

/** Phase 1, the call for intrapreneurs. */
export interface CallPhase extends Phase {
  /** The party that supported the organisation of the call; the DINSIC undertakes to (article 3). */
  supportedBy?: Party;
}

/** The five phases of article 1, in order. Leave out a phase that has not started. */
export interface Phases {
  /** Phase 1: the call for intrapreneurs is sent out in the collectivité (appel à intrapreneurs). */
  call?: CallPhase;
  /** Phase 2: the projects for pré-incubation are selected (sélection des projets). */
  selection?: Phase;
  /** Phase 3: the programme starts and the projects are pré-incubated (pré-incubation). */
  preincubation?: Phase;
  /**
   * Phase 4: the proofs of concept are presented to the strategic committee (présentation des
   * preuves de concept au comité stratégique).
   */
  pocPresentation?: Phase;
  /**
   * Phase 5: the viable projects are selected to go on to incubation (sélection des projets
   * viables à passer en incubation).
   */
  incubationSelection?: Phase;
}

/** The launch seminar. */
export interface Seminar {
  /** The day the seminar was held. */
  date?: EventDate;
  /** The seminar's title. */
  title?: string;
}

/** A project put forward for pré-incubation. */
export interface Project {
  /** An identifier for the project, unique among the record's projects. */
  id: string;
  /** The project's title. */
  title?: string;
  /** The public-policy problem the project addresses. */
  problem?: string;
  /** The project's selection for pré-incubation (phase 2); leave out until it is selected. */
  selection?: Selection;
  /** The agents who carry the project (intrapreneurs). */
  intrapreneurs?: Intrapreneur[];
  /** The technical support the DINSIC gave for the micro proof of concept. */
  technicalSupport?: TechnicalSupport[];
  /** The presentation of the proof of concept to the strategic committee (phase 4). */
  pocPresentation?: PocPresentation;
  /** The decision on incubating the project (phase 5). */
  incubationDecision?: IncubationDecision;
}

/** A project's selection for pré-incubation. */
export interface Selection {
  /** The day the project was selected. */
  date?: EventDate;
  /**
   * The parties that agreed to the selection; the convention requires both.
   *
   * @uniqueItems true
   */
  agreedBy?: Party[];
  /** The three criteria of article 1 the selection was made on. */
  criteria?: SelectionCriteria;
}

/** The selection criteria of article 1, each as recorded at the selection. */
export interface SelectionCriteria {
  /** The scale of the public-policy problem addressed (l'ampleur du problème). */
  problemScale?: string;
  /** The intrapreneur's profile (le profil de l'intrapreneur(e)). */
  intrapreneurProfile?: string;
  /** The credibility of the proposed solution (la crédibilité de la solution proposée). */
  solutionCredibility?: string;
}

/** An intrapreneur: an agent of the collectivité who carries a project. */
export interface Intrapreneur {
  /** The intrapreneur's name. */
  name: string;
  /** The intrapreneur's service in the collectivité. */
  service?: string;
  /**
   * The day the intrapreneur joined the project, if after the start of phase 3: release and
   * coaching are owed only for the weeks whose Monday to Friday fall while a member.
   */
  joined?: EventDate;
  /** The day the intrapreneur left the project, if before the end of phase 3. */
  left?: StepDate;
  /**
   * Days released from usual duties, per ISO week of the pré-incubation, for example
   * `{ 2019-W42: 1, 2019-W43: 1.5 }`. A week of the pré-incubation left out counts as no
   * release.
   */
  release?: Record<IsoWeek, ReleaseDays>;
  /** ISO weeks the intrapreneur was on leave: no release or coaching is due in them. */
  leave?: IsoWeek[];
  /** The intrapreneur's weekly coaching. */
  coaching?: Coaching;
}

/**
 * A number of days released in a week, from 0 to 5 (half days allowed, for example 1.5).
 * @minimum 0
 * @maximum 5
 */
export type ReleaseDays = number;

/** An intrapreneur's coaching. */
export interface Coaching {
  /** The coach's name. */
  coach?: string;
  /** The days of the coaching sessions. */
  sessions?: EventDate[];
}

/** A day of technical support for a project's micro proof of concept. */
export interface TechnicalSupport {
  /** The day of the support. */
  date: EventDate;
  /** The party that gave it. */
  by?: Party;
  /** What the support was about. */
  topic?: string;
}

/** A proof of concept's presentation. */
export interface PocPresentation {
  /** The day of the presentation. */
  date: EventDate;
  /** The committee it was presented to. */
  committee?: string;
}

/** The decision on incubating a project. */
export interface IncubationDecision {
  /** The day of the decision. */
  date: EventDate;
  /** What was decided. */
  outcome: IncubationOutcome;
  /**
   * The parties that agreed to the decision; the convention requires both.
   *
   * @uniqueItems true
   */
  agreedBy?: Party[];
  /** The id of the amendment that describes the incubation (for `incubate`). */
  amendment?: string;
  /** Why the decision was taken. */
  reason?: string;
}

/** A payment of the collectivité's contribution. */
export interface Payment {
  /** An identifier for the payment, unique among the record's payments. */
  id: string;
  /** The day of the payment. */
  date: EventDate;
  /** The party that paid: the collectivité pays its contribution (article 4). */
  from?: 'collectivite';
  /** The party paid: the DINSIC, on the CBCM's account (article 4). */
  to?: 'dinsic';
  /** The amount paid, in euros. */
  amount: Money;
  /** The account credited. */
  account?: AccountRef;
  /** Where the payment was imputed in the State budget. */
  imputation?: Imputation;
  /**
   * The id of the amendment this payment performs, for a top-up an amendment calls for (a raised
   * cap): it is due from that amendment's last signature, and is no second payment.
   */
  amendment?: string;
}

/** The budget imputation of a payment (article 4). */
export interface Imputation {
  /** The fonds de concours, for example `1-2-00548`. */
  fundOfConcours?: string;
  /** The budget programme, for example `"352"`. */
  programme?: string;
}

/** An expense of the DINSIC charged to the contribution. */
export interface Expense {
  /** An identifier for the expense, unique among the record's expenses. */
  id: string;
  /** The day the expense was incurred. */
  date: EventDate;
  /** The amount, in euros. */
  amount: Money;
  /** What the expense paid for. */
  purpose: ExpensePurpose;
  /** A description of the expense. */
  label?: string;
}

/** A refund of unused credits. */
export interface Refund {
  /** An identifier for the refund, unique among the record's refunds. */
  id: string;
  /** The day of the refund. */
  date: EventDate;
  /** The party that refunded: the DINSIC refunds what is unused (article 4). */
  from?: 'dinsic';
  /** The party refunded: the collectivité. */
  to?: 'collectivite';
  /** The amount refunded, in euros. */
  amount: Money;
  /** The account credited. */
  account?: AccountRef;
}

/** An amendment (avenant) to the convention. */
export interface Amendment {
  /** An identifier for the amendment, unique among the record's amendments. */
  id: string;
  /** What the amendment is about. */
  subject?: string;
  /** The day a party asked for the amendment. */
  requested?: EventDate;
  /** The party that asked for it. */
  requestedBy?: Party;
  /** The dated signature of each party; the amendment applies from the last one. */
  signatures?: Signature[];
  /** The date the amendment was sent to the budget and accounting controller. */
  communicatedToController?: StepDate;
  /**
   * The day the request was abandoned, if it will not be signed: it then owes neither signatures
   * nor a copy to the controller.
   */
  abandoned?: StepDate;
  /** The parameters the amendment changes, with their new values. */
  changes?: Terms;
}

/** The termination of the convention for a party's default (article 5). */
export interface Termination {
  /** The day the convention was terminated. */
  date: EventDate;
  /** The party that asked for the termination. */
  requestedBy?: Party;
  /** The party whose default (manquement contractuel) the termination is for. */
  defaultingParty?: Party;
  /** The default the termination is for. */
  reason?: string;
  /** The formal notice (mise en demeure) sent to the defaulting party. */
  notice?: Notice;
  /**
   * The day the defaulting party gave a satisfactory response to the notice, if it did.
   */
  satisfactoryResponse?: StepDate;
}

/** A formal notice (mise en demeure). */
export interface Notice {
  /** The day the notice was sent. */
  date: EventDate;
  /** The day the defaulting party received it; the notice period runs from it. */
  received?: StepDate;
  /** The party that sent the notice. */
  by?: Party;
}
