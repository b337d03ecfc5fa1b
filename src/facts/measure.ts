/**
 * Measuring a record as it stood on the evaluation date (see ./as-of.ts): sums in cents,
 * periods, the weeks owed by each intrapreneur with their release days and coaching sessions,
 * the refund due. Nothing here decides what is a breach: thresholds and comparisons live in the
 * rule files and the parameters. What is measured is described, field by field, in
 * ./catalogue.ts.
 */
import {
  addPeriod,
  formatDay,
  formatIsoWeek,
  isoWeekMonday,
  isoWeekOf,
  nextWorkingDay,
  parseCalendarDate,
  parseIsoWeek,
  parsePeriod,
  type Day,
} from '../calendar.js';
import type {
  AccountRef,
  Intrapreneur,
  Party,
  Phase,
  ProgrammeRecord,
  Signature,
} from '../model/programme.js';
import { formatEurosPlain } from '../money.js';
import { joinPointer } from '../pointer.js';
import { DATE_DEFINITIONS, valuesOfDefinition } from '../load/schema.js';
import { isMissing, missing, Missing } from './missing.js';
import { lastSignatureOfBoth, ParameterTimeline, type LoadedParameter } from './params.js';
import { accountId, ribKey, ribText } from './rib.js';

/** A date as rules see it: `YYYY-MM-DD`. */
export type DateText = string;

/** One item a rule is judged on, with the day whose parameters apply to it. */
export interface Item {
  values: Record<string, unknown>;
  /** The day whose parameters apply to the item (a week's Monday, a payment's day); else the evaluation date. */
  paramDay?: Day;
}

export interface Facts {
  asOf: Day;
  /** Facts every rule may use (see `globalFacts` in the catalogue). */
  globals: Record<string, unknown>;
  /**
   * The items of a collection (see `collections` in the catalogue), made as they are read: a
   * large record never holds all its weeks or dates at once.
   */
  items(collection: string): Iterable<Item>;
  /** The items of each collection, as lists (made on first access): for views. */
  collections: Readonly<Record<string, Item[]>>;
  parameters: ParameterTimeline;
  /** The money of the programme, for reports. */
  money: MoneySummary;
}

/** The programme's money, exact to the cent; a value is null when it cannot be measured. */
export interface MoneySummary {
  cap: number | null;
  paid: number;
  eligibleExpenses: number | null;
  usedFunds: number | null;
  refundDue: number | null;
  /** Refunded to the collectivité's account: what discharges the refund due. */
  refunded: number;
  /** Refunded to another account: it does not discharge the debt (Code civil art. 1342-2). */
  refundedElsewhere: number;
  /** Refund due less refunded: what the DINSIC still owes the collectivité (negative: refunded too much). */
  balance: number | null;
}

/** The phases of article 1, in order. */
export const PHASES = [
  'call',
  'selection',
  'preincubation',
  'pocPresentation',
  'incubationSelection',
] as const;
export type PhaseName = (typeof PHASES)[number];

const PARTIES: Party[] = ['collectivite', 'dinsic'];

const day = (text: string): Day => {
  const parsed = parseCalendarDate(text);
  // Dates were checked when the record was loaded: a bad one here is a bug.
  if (!parsed.ok) throw new Error(`unchecked date ${text}`);
  return parsed.value;
};
const dayOrNull = (text: string | undefined): Day | null => (text === undefined ? null : day(text));
const text = (d: Day | null): DateText | null => (d === null ? null : formatDay(d));
const textOf = (d: Day | null | Missing): DateText | null | Missing => (isMissing(d) ? d : text(d));

/**
 * The day each party signed: null when it did not, unknown (Missing) when its signature is
 * recorded without a date (obligations.md: a signature without its date leaves what needs that
 * date undetermined).
 */
function signedOn(
  signatures: readonly Signature[] | undefined,
  pointer: string,
): Record<Party, Day | null | Missing> {
  const out = { collectivite: null, dinsic: null } as Record<Party, Day | null | Missing>;
  (signatures ?? []).forEach((signature, index) => {
    const current = out[signature.party];
    if (signature.date === undefined) {
      if (current === null) out[signature.party] = missing(`${pointer}/${index}/date`);
    } else {
      const at = day(signature.date);
      if (current === null || isMissing(current) || at > current) out[signature.party] = at;
    }
  });
  return out;
}

/** The day both parties had signed: the later signature; null if one has not, unknown if a date is. */
function signedByBothOn(on: Record<Party, Day | null | Missing>): Day | null | Missing {
  const [a, b] = [on.collectivite, on.dinsic];
  if (a === null || b === null) return null;
  if (isMissing(a) || isMissing(b))
    return missing(...(isMissing(a) ? a.pointers : []), ...(isMissing(b) ? b.pointers : []));
  return Math.max(a, b);
}

const dates = (
  on: Record<Party, Day | null | Missing>,
): Record<Party, DateText | null | Missing> => ({
  collectivite: textOf(on.collectivite),
  dinsic: textOf(on.dinsic),
});

/** The parties with a dated signature, for messages. */
const signedByOf = (on: Record<Party, Day | null | Missing>): Party[] =>
  PARTIES.filter((party) => on[party] !== null && !isMissing(on[party]));

/** Whether some working day (Monday to Friday) of a span lies in a period (an open end: none). */
function overlaps(first: Day, last: Day, from: Day | null, to: Day | null): boolean {
  return (from === null || last >= from) && (to === null || first <= to);
}

/** Measures a record as it stood (amounts in cents) against a pack's parameters, as of a day. */
export function measure(
  record: ProgrammeRecord,
  parameterDefs: Record<string, LoadedParameter>,
  asOf: Day,
): Facts {
  const parameters = new ParameterTimeline(parameterDefs, record.amendments ?? []);
  const paramsNow = parameters.at(asOf);

  // --- the convention's period (article 2): from the parties' last signature
  const conventionSigned = signedOn(record.convention.signatures, '/convention/signatures');
  const conventionStart = signedByBothOn(conventionSigned);
  const terminationDay = dayOrNull(record.termination?.date);

  // --- the phases (article 1). A termination ends the phase under way on its date, and the
  // phases that would have followed it do not exist, whatever the record writes.
  const phaseRecords = record.phases ?? {};
  const phaseFacts: Record<string, Record<string, unknown>> = {};
  PHASES.forEach((name, index) => {
    const phase: Phase | undefined = phaseRecords[name];
    const writtenStart = phase ? day(phase.start) : null;
    const writtenEnd = phase ? dayOrNull(phase.end) : null;
    const afterTermination =
      terminationDay !== null && writtenStart !== null && writtenStart > terminationDay;
    const present = phase !== undefined && !afterTermination;
    const laterPresent = PHASES.slice(index + 1).some((later) => {
      const start = phaseRecords[later]?.start;
      return start !== undefined && (terminationDay === null || day(start) <= terminationDay);
    });
    const skipped = !present && laterPresent;
    const unknown = missing(`/phases/${name}`);
    const end =
      present && terminationDay !== null && (writtenEnd === null || writtenEnd > terminationDay)
        ? terminationDay
        : present
          ? writtenEnd
          : null;
    phaseFacts[name] = {
      present,
      skipped,
      start: skipped ? unknown : present ? text(writtenStart) : null,
      end: skipped ? unknown : text(end),
      cutByTermination:
        terminationDay !== null && (writtenEnd === null || terminationDay <= writtenEnd),
      afterTermination,
      laterPresent,
      pointer: `/phases/${name}`,
    };
  });
  const phaseDay = (name: PhaseName, field: 'start' | 'end'): Day | null => {
    const value = phaseFacts[name]![field];
    return typeof value === 'string' ? day(value) : null;
  };
  const programmeEnd = phaseDay('incubationSelection', 'end');
  const conventionEnd =
    programmeEnd === null
      ? terminationDay
      : terminationDay === null
        ? programmeEnd
        : Math.min(programmeEnd, terminationDay);
  const preincubationStart = phaseDay('preincubation', 'start');
  const preincubationEnd = phaseDay('preincubation', 'end');

  const collectiviteAccount = paramsNow.collectiviteAccount;
  const collectiviteAccountId =
    typeof collectiviteAccount === 'object' && !Array.isArray(collectiviteAccount)
      ? collectiviteAccount.id
      : null;

  const globals: Record<string, unknown> = {
    asOf: formatDay(asOf),
    convention: {
      start: textOf(conventionStart),
      end: text(conventionEnd),
      terminationDate: text(terminationDay),
      ended: conventionEnd !== null && asOf > conventionEnd,
    },
    phases: phaseFacts,
  };

  const collections: Record<string, () => Iterable<Item>> = {};

  // --- the convention itself
  collections.convention = () => [
    {
      values: {
        signedOn: dates(conventionSigned),
        signedBy: signedByOf(conventionSigned),
        copies: record.convention.copies ?? null,
        pointer: '/convention',
        signaturesPointer: '/convention/signatures',
        copiesPointer: '/convention/copies',
      },
    },
  ];

  // --- every date written in the record
  collections.dates = function* () {
    for (const { value, pointer } of valuesOfDefinition(record, DATE_DEFINITIONS)) {
      yield { values: { date: value, pointer } };
    }
  };

  // --- the phases, each with what comes before and after it
  collections.phases = () =>
    PHASES.map((name, index) => {
      const facts = phaseFacts[name]!;
      let previousEnd: Day | null = null;
      for (let k = index - 1; k >= 0; k--) {
        if (phaseFacts[PHASES[k]!]!.present) {
          previousEnd = phaseDay(PHASES[k]!, 'end');
          break;
        }
      }
      return {
        values: {
          name,
          number: index + 1,
          ...facts,
          previousEnd: text(previousEnd),
          laterPhaseStarted: facts.laterPresent,
          supportedBy: name === 'call' ? (phaseRecords.call?.supportedBy ?? null) : null,
        },
      };
    });

  // --- projects
  const amendments = record.amendments ?? [];
  const amendmentSigned = new Map(
    amendments.map((a, i) => [
      a.id,
      signedByBothOn(signedOn(a.signatures, `/amendments/${i}/signatures`)),
    ]),
  );
  const projects = record.projects ?? [];
  collections.projects = () =>
    projects.map((project, index) => {
      const pointer = `/projects/${index}`;
      const selection = project.selection;
      const decision = project.incubationDecision;
      // Technical support counts only when given by the DINSIC during phase 3 (obligations.md).
      let supportInPhase3: number | Missing = 0;
      let firstSupportInPhase3: Day | null = null;
      (project.technicalSupport ?? []).forEach((support, k) => {
        if (isMissing(supportInPhase3)) return;
        const at = day(support.date);
        const inPhase3 =
          preincubationStart !== null &&
          at >= preincubationStart &&
          (preincubationEnd === null || at <= preincubationEnd);
        if (!inPhase3) return;
        if (support.by === undefined) {
          supportInPhase3 = missing(`${pointer}/technicalSupport/${k}/by`);
          return;
        }
        if (support.by !== 'dinsic') return;
        supportInPhase3 += 1;
        if (firstSupportInPhase3 === null || at < firstSupportInPhase3) firstSupportInPhase3 = at;
      });
      const cited = decision?.amendment;
      return {
        values: {
          id: project.id,
          selected: selection !== undefined,
          selectionDate: selection?.date ?? null,
          selectionAgreedBy: selection?.agreedBy ?? missing(`${pointer}/selection/agreedBy`),
          criteriaRecorded: Object.entries(selection?.criteria ?? {})
            .filter(([, value]) => typeof value === 'string' && value.trim() !== '')
            .map(([name]) => name),
          supportInPhase3,
          firstSupportInPhase3: isMissing(supportInPhase3) ? null : text(firstSupportInPhase3),
          presentationDate: project.pocPresentation?.date ?? null,
          decided: decision !== undefined,
          decisionDate: decision?.date ?? null,
          decisionOutcome: decision?.outcome ?? null,
          decisionAgreedBy: decision?.agreedBy ?? missing(`${pointer}/incubationDecision/agreedBy`),
          decisionAmendment: cited ?? null,
          decisionAmendmentSignedOn:
            cited === undefined ? null : textOf(amendmentSigned.get(cited) ?? null),
          pointer,
          selectionPointer: `${pointer}/selection`,
          selectionAgreementPointer: `${pointer}/selection/agreedBy`,
          criteriaPointer: `${pointer}/selection/criteria`,
          supportPointer: `${pointer}/technicalSupport`,
          presentationPointer: `${pointer}/pocPresentation`,
          decisionPointer: `${pointer}/incubationDecision`,
          decisionDatePointer: `${pointer}/incubationDecision/date`,
          decisionAgreementPointer: `${pointer}/incubationDecision/agreedBy`,
          decisionAmendmentPointer: `${pointer}/incubationDecision/amendment`,
        },
      };
    });

  // --- the weeks of the pré-incubation (phase 3) owed by each intrapreneur
  collections.intrapreneurWeeks = () =>
    preincubationWeeks(record, preincubationStart, preincubationEnd, asOf);

  // --- what the record writes in weeks or on days of phase 3: each must fall in its period
  collections.entries = () => periodEntries(record, preincubationStart, preincubationEnd);

  // --- the launch seminar
  collections.seminar = () => [
    {
      values: {
        date: record.seminar?.date ?? null,
        pointer: record.seminar?.date !== undefined ? '/seminar/date' : '/seminar',
      },
    },
  ];

  // --- payments, in the order they were made
  const paymentList = record.payments ?? [];
  const paymentOrder = paymentList
    .map((payment, index) => ({ payment, index, day: day(payment.date) }))
    .sort((a, b) => a.day - b.day || a.index - b.index);
  let running = 0;
  const paidToDate = new Map<number, number>();
  for (const { payment, index } of paymentOrder) {
    running += payment.amount;
    paidToDate.set(index, running);
  }
  // The contribution of article 4 is one payment; a top-up an amendment calls for performs that
  // amendment instead (payments[].amendment).
  const contribution = paymentOrder.filter(({ payment }) => payment.amendment === undefined);
  const account = (
    ref: AccountRef | undefined,
    pointer: string,
  ): { id: string; rib: string } | Missing =>
    ref === undefined ? missing(pointer) : { id: accountId(ref), rib: ribText(ref) };
  collections.payments = () =>
    paymentList.map((payment, index) => {
      const pointer = `/payments/${index}`;
      const performs = payment.amendment;
      return {
        paramDay: day(payment.date),
        values: {
          id: payment.id,
          date: payment.date,
          amount: payment.amount,
          paidToDate: paidToDate.get(index)!,
          account: account(payment.account, `${pointer}/account`),
          imputation: {
            fundOfConcours: payment.imputation?.fundOfConcours ?? null,
            programme: payment.imputation?.programme ?? null,
          },
          amendment: performs ?? null,
          dueFrom:
            performs === undefined
              ? textOf(conventionStart)
              : textOf(amendmentSigned.get(performs) ?? null),
          pointer,
          amountPointer: `${pointer}/amount`,
          datePointer: `${pointer}/date`,
          accountPointer: `${pointer}/account`,
          imputationPointer: `${pointer}/imputation`,
        },
      };
    });

  // --- bank accounts, wherever they are written
  const accounts: Item[] = [];
  const addAccount = (ref: AccountRef | undefined, pointer: string): void => {
    if (!ref) return;
    accounts.push({
      values: {
        rib: ribText(ref),
        account: accountId(ref),
        key: ref.key,
        expectedKey: ribKey(ref),
        pointer,
        keyPointer: `${pointer}/key`,
      },
    });
  };
  addAccount(record.parties.dinsic.account, '/parties/dinsic/account');
  addAccount(record.parties.collectivite.account, '/parties/collectivite/account');
  paymentList.forEach((p, i) => addAccount(p.account, `/payments/${i}/account`));
  (record.refunds ?? []).forEach((r, i) => addAccount(r.account, `/refunds/${i}/account`));
  collections.accounts = () => accounts;

  // --- the parties' accounts as the record copies them, to compare with the convention's
  collections.partyAccounts = () =>
    PARTIES.flatMap((party) => {
      const ref = record.parties[party].account;
      return ref === undefined
        ? []
        : [
            {
              values: {
                party,
                account: accountId(ref),
                pointer: `/parties/${party}/account`,
              },
            },
          ];
    });

  // --- expenses, and the money they leave to refund (article 4)
  const expenseList = record.expenses ?? [];
  // An expense is eligible when its purpose is one of the convention's and it lies in the
  // convention's period (obligations.md, A4-REFUND-UNUSED); the purposes are a parameter. Unknown
  // while the convention's start is.
  const eligible = (expense: (typeof expenseList)[number]): boolean | Missing => {
    if (isMissing(conventionStart)) return conventionStart;
    if (conventionStart === null) return false;
    const at = day(expense.date);
    const purposes = parameters.at(at).eligiblePurposes;
    return (
      Array.isArray(purposes) &&
      purposes.includes(expense.purpose) &&
      at >= conventionStart &&
      (conventionEnd === null || at <= conventionEnd)
    );
  };
  // A long programme has tens of thousands of expenses: made one at a time, as they are read.
  collections.expenses = function* () {
    for (const [index, expense] of expenseList.entries())
      yield {
        paramDay: day(expense.date),
        values: {
          id: expense.id,
          date: expense.date,
          amount: expense.amount,
          purpose: expense.purpose,
          eligible: eligible(expense),
          pointer: `/expenses/${index}`,
          datePointer: `/expenses/${index}/date`,
        },
      };
  };
  const paid = paymentList.reduce((sum, p) => sum + p.amount, 0);
  const refundList = record.refunds ?? [];
  // Only a refund to the collectivité's account discharges the debt (Code civil art. 1342-2).
  const toCollectivite = refundList.map(
    (r) => r.account !== undefined && accountId(r.account) === collectiviteAccountId,
  );
  let refunded = 0;
  let refundedElsewhere = 0;
  refundList.forEach((r, i) => {
    if (toCollectivite[i]) refunded += r.amount;
    else refundedElsewhere += r.amount;
  });
  const eligibleExpenses: number | Missing = isMissing(conventionStart)
    ? conventionStart
    : expenseList.reduce((sum, e) => (eligible(e) === true ? sum + e.amount : sum), 0);
  const usedFunds = isMissing(eligibleExpenses)
    ? eligibleExpenses
    : Math.min(paid, eligibleExpenses);
  const refundDue = isMissing(usedFunds) ? usedFunds : paid - usedFunds;
  // The refund is performed on the day the refunds to the collectivité's account reach what is
  // due, once the convention has ended (before then, what is due is not final).
  let refundCompletedOn: DateText | null | Missing = null;
  if (isMissing(refundDue)) refundCompletedOn = refundDue;
  else if (conventionEnd !== null && asOf > conventionEnd) {
    if (refundDue <= 0) refundCompletedOn = text(conventionEnd);
    else {
      let sum = 0;
      const counted = refundList
        .map((refund, index) => ({ refund, index }))
        .filter(({ index }) => toCollectivite[index])
        .sort((a, b) => day(a.refund.date) - day(b.refund.date) || a.index - b.index);
      for (const { refund } of counted) {
        sum += refund.amount;
        if (sum >= refundDue) {
          refundCompletedOn = refund.date;
          break;
        }
      }
    }
  }

  collections.programme = () => [
    {
      values: {
        projectsSelected: projects.filter((p) => p.selection !== undefined).length,
        firstSelectionDate: firstSelection(projects),
        contributionPayments: contribution.length,
        paid,
        eligibleExpenses,
        usedFunds,
        refundDue,
        refunded,
        refundedElsewhere,
        refundCompletedOn,
        pointer: '',
        projectsPointer: '/projects',
        paymentsPointer: '/payments',
        secondPaymentPointer:
          contribution.length > 1 ? `/payments/${contribution[1]!.index}` : null,
        refundsPointer: '/refunds',
      },
    },
  ];

  collections.refunds = () =>
    refundList.map((refund, index) => {
      const pointer = `/refunds/${index}`;
      return {
        paramDay: day(refund.date),
        values: {
          id: refund.id,
          date: refund.date,
          amount: refund.amount,
          account: account(refund.account, `${pointer}/account`),
          toCollectivite: toCollectivite[index],
          pointer,
          accountPointer: `${pointer}/account`,
        },
      };
    });

  // --- termination (article 5)
  const termination = record.termination;
  collections.terminations = () =>
    termination
      ? [
          {
            values: {
              date: termination.date,
              requestedBy: termination.requestedBy ?? missing('/termination/requestedBy'),
              defaultingParty:
                termination.defaultingParty ?? missing('/termination/defaultingParty'),
              noticeDate: termination.notice?.date ?? null,
              noticeBy: termination.notice
                ? (termination.notice.by ?? missing('/termination/notice/by'))
                : null,
              noticeRunsFrom: termination.notice?.received ?? termination.notice?.date ?? null,
              satisfactoryResponse: termination.satisfactoryResponse ?? null,
              pointer: '/termination',
              datePointer: '/termination/date',
              noticePointer: '/termination/notice',
              responsePointer: '/termination/satisfactoryResponse',
            },
          },
        ]
      : [];

  // --- amendments, and what must be sent to the controller
  collections.amendments = () =>
    amendments.map((amendment, index) => {
      const pointer = `/amendments/${index}`;
      const signed = signedOn(amendment.signatures, `${pointer}/signatures`);
      return {
        values: {
          id: amendment.id,
          requested: amendment.requested ?? missing(`${pointer}/requested`),
          signedOn: dates(signed),
          signedBy: signedByOf(signed),
          signedByBothOn: textOf(signedByBothOn(signed)),
          abandoned: amendment.abandoned ?? null,
          pointer,
          signaturesPointer: `${pointer}/signatures`,
          requestedPointer: `${pointer}/requested`,
        },
      };
    });
  collections.communications = () => [
    {
      values: {
        document: record.convention.id,
        takesEffect: textOf(conventionStart),
        abandoned: false,
        communicated: record.convention.communicatedToController ?? null,
        pointer: '/convention/communicatedToController',
      },
    },
    ...amendments.map((amendment, index) => ({
      values: {
        document: amendment.id,
        takesEffect: textOf(amendmentSigned.get(amendment.id) ?? null),
        abandoned: amendment.abandoned !== undefined,
        communicated: amendment.communicatedToController ?? null,
        pointer: `/amendments/${index}/communicatedToController`,
      },
    })),
  ];

  // --- parameters changed in `terms`, and the signed amendments that carry each change
  collections.termsChanges = () =>
    Object.entries(record.terms ?? {}).map(([name, value]) => ({
      values: {
        name,
        value:
          parameterDefs[name]?.type === 'money' ? formatEurosPlain(value as number) : String(value),
        signedAmendments: amendments.filter(
          (a) =>
            lastSignatureOfBoth(a.signatures) !== null &&
            (a.changes as Record<string, unknown> | undefined)?.[name] === value,
        ).length,
        pointer: joinPointer('/terms', name),
      },
    }));

  const cap = paramsNow.fundingCap;
  const balance = isMissing(refundDue) ? null : refundDue - refunded;
  const lists: Record<string, Item[]> = {};
  return {
    asOf,
    globals,
    items: (name) => collections[name]?.() ?? [],
    collections: new Proxy(lists, {
      get: (target, name) => {
        if (typeof name !== 'string' || !(name in collections)) return undefined;
        target[name] ??= [...collections[name]!()];
        return target[name];
      },
    }),
    parameters,
    money: {
      cap: typeof cap === 'number' ? cap : null,
      paid,
      eligibleExpenses: isMissing(eligibleExpenses) ? null : eligibleExpenses,
      usedFunds: isMissing(usedFunds) ? null : usedFunds,
      refundDue: isMissing(refundDue) ? null : refundDue,
      refunded,
      refundedElsewhere,
      balance,
    },
  };
}

/**
 * The day the first project was selected: null while none is, unknown while the selections
 * made have no date.
 */
function firstSelection(
  projects: NonNullable<ProgrammeRecord['projects']>,
): DateText | null | Missing {
  let first: string | null = null;
  let undated: string | null = null;
  projects.forEach((project, index) => {
    const selection = project.selection;
    if (selection === undefined) return;
    if (selection.date === undefined) undated ??= `/projects/${index}/selection/date`;
    else if (first === null || selection.date < first) first = selection.date;
  });
  return first ?? (undated === null ? null : missing(undated));
}

/** The days an intrapreneur is a member of the project: from `joined` to `left` (both optional). */
function membership(intrapreneur: Intrapreneur): { from: Day | null; to: Day | null } {
  return { from: dayOrNull(intrapreneur.joined), to: dayOrNull(intrapreneur.left) };
}

/**
 * The ISO weeks of phase 3 for each intrapreneur of a project selected for pré-incubation: a
 * week counts when its Monday to Friday all lie in the phase (obligations.md, "Periods"), at its
 * end as at its start. While the phase has no end, weeks are listed up to the evaluation date.
 */
function* preincubationWeeks(
  record: ProgrammeRecord,
  start: Day | null,
  end: Day | null,
  asOf: Day,
): Generator<Item> {
  if (start === null) return;
  const last = end ?? asOf;
  if (last < start) return;
  const closed = new Set(record.closedWeeks ?? []);
  const firstMonday = isoWeekMonday(isoWeekOf(start));
  const projects = record.projects ?? [];
  for (let p = 0; p < projects.length; p++) {
    const project = projects[p]!;
    // Only the intrapreneurs of a project selected for pré-incubation owe release and coaching.
    if (project.selection === undefined) continue;
    const intrapreneurs = project.intrapreneurs ?? [];
    for (let i = 0; i < intrapreneurs.length; i++) {
      const intrapreneur = intrapreneurs[i]!;
      const pointer = `/projects/${p}/intrapreneurs/${i}`;
      const member = membership(intrapreneur);
      const leave = new Set(intrapreneur.leave ?? []);
      const release = intrapreneur.release;
      const sessions = intrapreneur.coaching?.sessions?.map(day).sort((a, b) => a - b);
      const sessionsPointer = `${pointer}/coaching/sessions`;
      let s = 0;
      for (let monday = firstMonday; monday <= last; monday += 7) {
        const week = formatIsoWeek(isoWeekOf(monday));
        const friday = monday + 4;
        let count: number | Missing;
        if (sessions === undefined) count = missing(`${pointer}/coaching/sessions`);
        else {
          while (s < sessions.length && sessions[s]! < monday) s++;
          let k = s;
          while (k < sessions.length && sessions[k]! <= monday + 6) k++;
          count = k - s;
        }
        const releaseEntry = release && Object.prototype.hasOwnProperty.call(release, week);
        yield {
          paramDay: monday,
          values: {
            project: project.id,
            intrapreneur: intrapreneur.name,
            week,
            monday: formatDay(monday),
            friday: formatDay(friday),
            inPreincubation: monday >= start && (end === null || friday <= end),
            member:
              (member.from === null || monday >= member.from) &&
              (member.to === null || friday <= member.to),
            closed: closed.has(week),
            onLeave: leave.has(week),
            releaseDays:
              release === undefined
                ? missing(`${pointer}/release`)
                : releaseEntry
                  ? release[week]!
                  : 0,
            sessions: count,
            pointer,
            releasePointer: `${pointer}/release/${week}`,
            coachingPointer: sessionsPointer,
          },
        };
      }
    }
  }
}

/**
 * What the record writes in weeks or on days that must fall in phase 3: the closed weeks, and
 * for each intrapreneur the release weeks, the weeks of leave and the coaching sessions, which
 * must also fall while a member. A week falls in a period when one of its working days (Monday
 * to Friday) does.
 */
function* periodEntries(
  record: ProgrammeRecord,
  start: Day | null,
  end: Day | null,
): Generator<Item> {
  const week = (
    kind: string,
    text: string,
    pointer: string,
    from: Day | null,
    to: Day | null,
    who: Record<string, unknown>,
  ): Item => {
    const parsed = parseIsoWeek(text);
    // Weeks were checked when the record was loaded.
    if (!parsed.ok) throw new Error(`unchecked week ${text}`);
    const monday = parsed.value;
    return {
      values: {
        kind,
        entry: text,
        ...who,
        inPeriod: start !== null && overlaps(monday, monday + 4, from, to),
        pointer,
      },
    };
  };
  const later = (a: Day | null, b: Day | null): Day | null =>
    a === null ? b : b === null ? a : Math.max(a, b);
  const earlier = (a: Day | null, b: Day | null): Day | null =>
    a === null ? b : b === null ? a : Math.min(a, b);
  // Without phase 3 in the record, nothing written in its weeks falls in it.
  for (const [k, w] of (record.closedWeeks ?? []).entries())
    yield week('closed-week', w, `/closedWeeks/${k}`, start, end, {
      project: null,
      intrapreneur: null,
    });
  const projects = record.projects ?? [];
  for (const [p, project] of projects.entries()) {
    for (const [i, intrapreneur] of (project.intrapreneurs ?? []).entries()) {
      const pointer = `/projects/${p}/intrapreneurs/${i}`;
      const member = membership(intrapreneur);
      const from = later(start, member.from);
      const to = earlier(end, member.to);
      const who = { project: project.id, intrapreneur: intrapreneur.name };
      for (const w of Object.keys(intrapreneur.release ?? {}))
        yield week('release', w, joinPointer(pointer, 'release', w), from, to, who);
      for (const [k, w] of (intrapreneur.leave ?? []).entries())
        yield week('leave', w, `${pointer}/leave/${k}`, from, to, who);
      for (const [k, session] of (intrapreneur.coaching?.sessions ?? []).entries()) {
        const at = day(session);
        yield {
          values: {
            kind: 'session',
            entry: session,
            ...who,
            inPeriod: start !== null && overlaps(at, at, from, to),
            pointer: `${pointer}/coaching/sessions/${k}`,
          },
        };
      }
    }
  }
}

/** Adds a period to a date as rules see it; null stays null. */
export function addPeriodToDate(
  from: DateText | null,
  period: string,
  counting: 'calendar' | 'code-de-procedure-civile',
): DateText | null {
  if (from === null) return null;
  const parsed = parsePeriod(period);
  // Periods were checked when the pack and the record were loaded: a bad one here is a bug.
  if (!parsed.ok) throw new Error(parsed.problem);
  const result = addPeriod(day(from), parsed.value);
  return formatDay(counting === 'code-de-procedure-civile' ? nextWorkingDay(result) : result);
}
