/**
 * Measuring a record: sums in cents, periods, the weeks of the pré-incubation with each
 * intrapreneur's release days and coaching sessions, the refund due. Nothing here decides what
 * is a breach: thresholds and comparisons live in the rule files and the parameters. What is
 * measured is described, field by field, in ./catalogue.ts.
 */
import {
  addPeriod,
  formatDay,
  formatIsoWeek,
  isoWeekMonday,
  isoWeekOf,
  nextWorkingDay,
  parseCalendarDate,
  parsePeriod,
  type Day,
} from '../calendar.js';
import type { AccountRef, Party, Phase, ProgrammeRecord } from '../model/programme.js';
import { formatEurosPlain } from '../money.js';
import { joinPointer } from '../pointer.js';
import { valuesOfDefinition } from '../load/schema.js';
import { isMissing, missing, Missing } from './missing.js';
import { lastSignatureOfBoth, ParameterTimeline, type LoadedParameter } from './params.js';
import { ribKey, ribText } from './rib.js';

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
  refunded: number;
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

/** Measures a loaded record (amounts in cents) against a pack's parameters, as of a day. */
export function measure(
  record: ProgrammeRecord,
  parameterDefs: Record<string, LoadedParameter>,
  asOf: Day,
): Facts {
  const parameters = new ParameterTimeline(parameterDefs, record.amendments ?? []);
  const paramsNow = parameters.at(asOf);

  // --- the convention's period (article 2) and the phases (article 1)
  const signatures = record.convention.signatures ?? [];
  const signedBy = PARTIES.filter((party) =>
    signatures.some((s) => s.party === party && s.date !== undefined),
  );
  const signatureDays = signatures.filter((s) => s.date !== undefined).map((s) => day(s.date!));
  const conventionStart: Day | Missing =
    signedBy.length === PARTIES.length
      ? Math.max(...signatureDays)
      : missing('/convention/signatures');
  const terminationDay = dayOrNull(record.termination?.date);

  const phaseRecords = record.phases ?? {};
  const phaseFacts: Record<string, Record<string, unknown>> = {};
  PHASES.forEach((name, index) => {
    const phase: Phase | undefined = phaseRecords[name];
    const present = phase !== undefined;
    const skipped =
      !present && PHASES.slice(index + 1).some((later) => phaseRecords[later] !== undefined);
    const pointer = `/phases/${name}`;
    const unknown = missing(`/phases/${name}`);
    const start = present ? day(phase.start) : null;
    const end = present ? dayOrNull(phase.end) : null;
    phaseFacts[name] = {
      present,
      skipped,
      start: skipped ? unknown : text(start),
      end: skipped ? unknown : text(end),
      cutByTermination: terminationDay !== null && (end === null || end > terminationDay),
      pointer,
    };
  });
  const phaseEnd = (name: PhaseName): Day | null => {
    const end = phaseFacts[name]!.end;
    return typeof end === 'string' ? day(end) : null;
  };
  const programmeEnd = phaseEnd('incubationSelection');
  const conventionEnd =
    programmeEnd === null
      ? terminationDay
      : terminationDay === null
        ? programmeEnd
        : Math.min(programmeEnd, terminationDay);

  const account = (ref: AccountRef | undefined, pointer: string): { rib: string } | Missing => {
    const rib = accountRib(ref, pointer);
    return isMissing(rib) ? rib : { rib };
  };

  const globals: Record<string, unknown> = {
    asOf: formatDay(asOf),
    convention: {
      start: isMissing(conventionStart) ? conventionStart : formatDay(conventionStart),
      end: text(conventionEnd),
      terminationDate: text(terminationDay),
    },
    phases: phaseFacts,
    accounts: {
      collectivite: {
        rib: accountRib(record.parties.collectivite.account, '/parties/collectivite/account'),
      },
      dinsic: { rib: accountRib(record.parties.dinsic.account, '/parties/dinsic/account') },
    },
  };

  const collections: Record<string, () => Iterable<Item>> = {};

  // --- the convention itself
  collections.convention = () => [
    {
      values: {
        signedBy,
        copies: record.convention.copies ?? null,
        pointer: '/convention',
        signaturesPointer: '/convention/signatures',
        copiesPointer: '/convention/copies',
      },
    },
  ];

  // --- every date written in the record
  collections.dates = function* () {
    for (const { value, pointer } of valuesOfDefinition(record, 'CalendarDate')) {
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
          previousEnd = phaseEnd(PHASES[k]!);
          break;
        }
      }
      return {
        values: {
          name,
          number: index + 1,
          ...facts,
          previousEnd: text(previousEnd),
          laterPhaseStarted: PHASES.slice(index + 1).some((later) => phaseFacts[later]!.present),
          supportedBy: name === 'call' ? (phaseRecords.call?.supportedBy ?? null) : null,
        },
      };
    });

  // --- projects
  const preincubationEnd = phaseFacts.preincubation!.end;
  const amendments = record.amendments ?? [];
  const projects = record.projects ?? [];
  collections.projects = () =>
    projects.map((project, index) => {
      const pointer = `/projects/${index}`;
      const selection = project.selection;
      const decision = project.incubationDecision;
      const supports = project.technicalSupport ?? [];
      let supportByDinsic: number | Missing;
      if (isMissing(preincubationEnd)) supportByDinsic = preincubationEnd;
      else {
        const until = preincubationEnd === null ? null : day(preincubationEnd as string);
        const unknownBy = supports.findIndex((s) => s.by === undefined);
        supportByDinsic =
          unknownBy >= 0
            ? missing(`${pointer}/technicalSupport/${unknownBy}/by`)
            : supports.filter((s) => s.by === 'dinsic' && (until === null || day(s.date) <= until))
                .length;
      }
      const cited = decision?.amendment;
      const citedAmendment =
        cited === undefined ? undefined : amendments.find((a) => a.id === cited);
      return {
        values: {
          id: project.id,
          selected: selection !== undefined,
          selectionDate: selection?.date ?? null,
          selectionAgreedBy: selection?.agreedBy ?? missing(`${pointer}/selection/agreedBy`),
          criteriaRecorded: Object.entries(selection?.criteria ?? {})
            .filter(([, value]) => typeof value === 'string' && value.trim() !== '')
            .map(([name]) => name),
          supportByDinsic,
          presentationDate: project.pocPresentation?.date ?? null,
          decided: decision !== undefined,
          decisionDate: decision?.date ?? null,
          decisionOutcome: decision?.outcome ?? null,
          decisionAgreedBy: decision?.agreedBy ?? missing(`${pointer}/incubationDecision/agreedBy`),
          decisionAmendment: cited ?? null,
          decisionAmendmentSigned:
            citedAmendment !== undefined && lastSignatureOfBoth(citedAmendment.signatures) !== null,
          pointer,
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

  // --- the weeks of the pré-incubation (phase 3), for each intrapreneur
  collections.intrapreneurWeeks = () => preincubationWeeks(record, phaseFacts.preincubation!, asOf);

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
  collections.payments = () =>
    paymentList.map((payment, index) => {
      const pointer = `/payments/${index}`;
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
        account: `${ref.bank} ${ref.branch} ${ref.number}`,
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

  // --- expenses, and the money they leave to refund (article 4)
  const expenseList = record.expenses ?? [];
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
          pointer: `/expenses/${index}`,
          datePointer: `/expenses/${index}/date`,
        },
      };
  };
  const paid = paymentList.reduce((sum, p) => sum + p.amount, 0);
  const refundList = record.refunds ?? [];
  const refunded = refundList.reduce((sum, r) => sum + r.amount, 0);
  // An expense is eligible when its purpose is one of the convention's and it lies in the
  // convention's period (obligations.md, A4-REFUND-UNUSED); the purposes are a parameter.
  let eligibleExpenses: number | Missing;
  if (isMissing(conventionStart)) eligibleExpenses = conventionStart;
  else {
    eligibleExpenses = expenseList
      .filter((expense) => {
        const at = day(expense.date);
        const purposes = parameters.at(at).eligiblePurposes;
        const eligible = Array.isArray(purposes) && purposes.includes(expense.purpose);
        return eligible && at >= conventionStart && (conventionEnd === null || at <= conventionEnd);
      })
      .reduce((sum, e) => sum + e.amount, 0);
  }
  const usedFunds = isMissing(eligibleExpenses)
    ? eligibleExpenses
    : Math.min(paid, eligibleExpenses);
  const refundDue = isMissing(usedFunds) ? usedFunds : paid - usedFunds;

  collections.programme = () => [
    {
      values: {
        projectsSelectedByEndOfSelection: projectsSelectedBy(projects, phaseFacts.selection!.end),
        paymentsCount: paymentList.length,
        paid,
        eligibleExpenses,
        usedFunds,
        refundDue,
        refunded,
        pointer: '',
        projectsPointer: '/projects',
        paymentsPointer: '/payments',
        secondPaymentPointer:
          paymentOrder.length > 1 ? `/payments/${paymentOrder[1]!.index}` : null,
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
      return {
        values: {
          id: amendment.id,
          requested: amendment.requested ?? missing(`${pointer}/requested`),
          signedBy: PARTIES.filter((party) =>
            (amendment.signatures ?? []).some((s) => s.party === party && s.date !== undefined),
          ),
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
        communicated: record.convention.communicatedToController ?? null,
        pointer: '/convention/communicatedToController',
      },
    },
    ...amendments.map((amendment, index) => ({
      values: {
        document: amendment.id,
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
      balance,
    },
  };
}

function accountRib(ref: AccountRef | undefined, pointer: string): string | Missing {
  return ref === undefined ? missing(pointer) : ribText(ref);
}

function projectsSelectedBy(
  projects: ProgrammeRecord['projects'] & object,
  selectionEnd: unknown,
): number | Missing {
  if (isMissing(selectionEnd)) return selectionEnd;
  const until = typeof selectionEnd === 'string' ? day(selectionEnd) : null;
  return projects.filter((p) => {
    if (!p.selection) return false;
    if (p.selection.date === undefined || until === null) return true;
    return day(p.selection.date) <= until;
  }).length;
}

/**
 * The ISO weeks of phase 3, for each intrapreneur: a week is in the pré-incubation when its
 * Monday to Friday all lie in the phase (obligations.md, "Periods"). While the phase has no end,
 * weeks are listed up to the evaluation date.
 */
function* preincubationWeeks(
  record: ProgrammeRecord,
  phase: Record<string, unknown>,
  asOf: Day,
): Generator<Item> {
  if (typeof phase.start !== 'string') return;
  const start = day(phase.start);
  const end = typeof phase.end === 'string' ? day(phase.end) : null;
  const last = end ?? asOf;
  if (last < start) return;
  const closed = new Set(record.closedWeeks ?? []);
  const firstMonday = isoWeekMonday(isoWeekOf(start));
  const projects = record.projects ?? [];
  for (let p = 0; p < projects.length; p++) {
    const project = projects[p]!;
    const intrapreneurs = project.intrapreneurs ?? [];
    for (let i = 0; i < intrapreneurs.length; i++) {
      const intrapreneur = intrapreneurs[i]!;
      const pointer = `/projects/${p}/intrapreneurs/${i}`;
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
