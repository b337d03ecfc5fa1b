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
import { formatDay, parseCalendarDate, parseIsoWeek } from '../base/calendar.js';
import type {
  AccountRef,
  Amendment,
  Intrapreneur,
  ProgrammeRecord,
  Project,
  Signature,
} from '../model/programme.js';
import { formatEurosPlain } from '../base/money.js';
import { joinPointer } from '../base/pointer.js';
import type { FactType, Localized } from '../model/pack.js';
import type { FactSpec } from './spec.js';
import { DATE_DEFINITIONS, schemaAt } from '../load/schema.js';
import { valuesOfDefinition } from '../load/schema-walk.js';
import { accountId, ribKey, ribText } from './rib.js';

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

const w = (fr: string, en: string): Localized => ({ fr, en });
const f = (
  type: FactType,
  fr: string,
  en: string,
  options: Partial<ReaderField> = {},
): ReaderField => ({ type, description: w(fr, en), ...options });
const pointerField = (fr: string, en: string): ReaderField => f('pointer', fr, en);
const nullable = { nullable: true } as const;
const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

const PARTIES = ['collectivite', 'dinsic'] as const;
export const PHASES = [
  'call',
  'selection',
  'preincubation',
  'pocPresentation',
  'incubationSelection',
] as const;

/** An account as facts: what identifies it, and its full RIB. */
const accountOf = (ref: AccountRef | undefined): { id: string; rib: string } | null =>
  ref === undefined ? null : { id: accountId(ref), rib: ribText(ref) };
const accountField = (fr: string, en: string): ReaderField =>
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

const signatureFields: Record<string, ReaderField> = {
  party: f('party', 'partie signataire', 'party that signed'),
  date: f('date', 'date de la signature', 'day of the signature', { nullable: true, at: 'date' }),
  pointer: pointerField('la signature', 'the signature'),
};
const signaturesOf = (
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
const signedByOf = (signatures: readonly Signature[] | undefined): string[] =>
  PARTIES.filter((party) =>
    (signatures ?? []).some((s) => s.party === party && s.date !== undefined),
  );
const signedByField = f(
  'parties',
  'parties ayant une signature datée au dossier',
  'parties with a dated signature in the record',
);

const day = (text: string): number => {
  const parsed = parseCalendarDate(text);
  // Dates were checked when the record was read: a bad one here is a bug.
  if (!parsed.ok) throw new Error(`unchecked date ${text}`);
  return parsed.value;
};
const weekDays = (week: string): { first: string; last: string } => {
  const parsed = parseIsoWeek(week);
  if (!parsed.ok) throw new Error(`unchecked week ${week}`);
  return { first: formatDay(parsed.value), last: formatDay(parsed.value + 4) };
};

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

/** The record's lists, as collections of items. */
export const READER_COLLECTIONS: Record<string, ReaderCollection> = {
  convention: {
    cardinality: 'one',
    description: w('la convention signée', 'the signed convention'),
    fields: {
      copies: f('count', 'nombre d’exemplaires originaux', 'number of original copies', nullable),
      signedBy: signedByField,
      pointer: pointerField('la convention', 'the convention'),
      signaturesPointer: pointerField('les signatures', 'the signatures'),
      copiesPointer: pointerField('le nombre d’exemplaires', 'the number of copies'),
    },
    items: (record) => [
      {
        copies: orNull(record.convention.copies),
        signedBy: signedByOf(record.convention.signatures),
        pointer: '/convention',
        signaturesPointer: '/convention/signatures',
        copiesPointer: '/convention/copies',
      },
    ],
  },
  conventionSignatures: {
    cardinality: 'many',
    description: w('chaque signature de la convention', 'each signature of the convention'),
    fields: signatureFields,
    items: (record) => signaturesOf(record.convention.signatures, '/convention/signatures'),
  },
  phases: {
    cardinality: 'many',
    description: w(
      'chacune des cinq phases, écrite ou non au dossier',
      'each of the five phases, written in the record or not',
    ),
    keys: { field: 'name', values: PHASES },
    fields: {
      name: f('text', 'nom de la phase dans le dossier', 'the phase’s name in the record'),
      number: f('phase', 'numéro de la phase (1 à 5)', 'the phase’s number (1 to 5)'),
      written: f('boolean', 'la phase figure au dossier', 'the phase is in the record'),
      writtenStart: f('date', 'premier jour écrit de la phase', 'first day written', {
        nullable: true,
        at: 'start',
      }),
      writtenEnd: f('date', 'dernier jour écrit de la phase', 'last day written', {
        nullable: true,
        at: 'end',
      }),
      supportedBy: f(
        'party',
        'partie ayant appuyé l’organisation de l’appel (phase 1)',
        'party that supported the call (phase 1)',
        nullable,
      ),
      pointer: pointerField('la phase', 'the phase'),
    },
    items: (record) =>
      PHASES.map((name, index) => {
        const phase = record.phases?.[name];
        return {
          name,
          number: index + 1,
          written: phase !== undefined,
          writtenStart: orNull(phase?.start),
          writtenEnd: orNull(phase?.end),
          supportedBy: name === 'call' ? orNull(record.phases?.call?.supportedBy) : null,
          pointer: `/phases/${name}`,
        };
      }),
  },
  projects: {
    cardinality: 'many',
    description: w('chaque projet', 'each project'),
    fields: {
      id: f('text', 'identifiant du projet', 'the project’s id'),
      selected: f('boolean', 'le projet a été sélectionné', 'the project was selected'),
      selectionDate: f('date', 'date de la sélection', 'selection date', {
        nullable: true,
        at: 'selection/date',
      }),
      selectionAgreedBy: f(
        'parties',
        'parties d’accord sur la sélection',
        'parties that agreed to the selection',
        { nullable: true, at: 'selection/agreedBy' },
      ),
      criteriaRecorded: f('list', 'critères de sélection consignés', 'selection criteria recorded'),
      presentationDate: f(
        'date',
        'date de présentation de la preuve de concept',
        'day the proof of concept was presented',
        { nullable: true, at: 'pocPresentation/date' },
      ),
      decided: f(
        'boolean',
        'une décision d’incubation a été prise',
        'an incubation decision was taken',
      ),
      decisionDate: f('date', 'date de la décision d’incubation', 'day of the decision', {
        nullable: true,
        at: 'incubationDecision/date',
      }),
      decisionOutcome: f(
        'text',
        'issue de la décision (incubate ou stop)',
        'outcome of the decision (incubate or stop)',
        { nullable: true, at: 'incubationDecision/outcome' },
      ),
      decisionAgreedBy: f(
        'parties',
        'parties d’accord sur la décision',
        'parties that agreed to the decision',
        { nullable: true, at: 'incubationDecision/agreedBy' },
      ),
      decisionAmendment: f('text', 'avenant cité par la décision', 'amendment the decision cites', {
        nullable: true,
        at: 'incubationDecision/amendment',
      }),
      pointer: pointerField('le projet', 'the project'),
      selectionPointer: pointerField('la sélection', 'the selection'),
      selectionAgreementPointer: pointerField(
        'l’accord sur la sélection',
        'the agreement to the selection',
      ),
      criteriaPointer: pointerField('les critères de sélection', 'the selection criteria'),
      supportPointer: pointerField('l’appui technique', 'the technical support'),
      presentationPointer: pointerField('la présentation', 'the presentation'),
      decisionPointer: pointerField('la décision', 'the decision'),
      decisionDatePointer: pointerField('la date de la décision', 'the decision’s date'),
      decisionAgreementPointer: pointerField(
        'l’accord sur la décision',
        'the agreement to the decision',
      ),
      decisionAmendmentPointer: pointerField(
        'l’avenant cité par la décision',
        'the amendment the decision cites',
      ),
    },
    items: (record) =>
      (record.projects ?? []).map((project: Project, index) => {
        const pointer = `/projects/${index}`;
        const selection = project.selection;
        const decision = project.incubationDecision;
        return {
          id: project.id,
          selected: selection !== undefined,
          selectionDate: orNull(selection?.date),
          selectionAgreedBy: selection?.agreedBy,
          criteriaRecorded: Object.entries(selection?.criteria ?? {})
            .filter(([, value]) => typeof value === 'string' && value.trim() !== '')
            .map(([name]) => name),
          presentationDate: orNull(project.pocPresentation?.date),
          decided: decision !== undefined,
          decisionDate: orNull(decision?.date),
          decisionOutcome: orNull(decision?.outcome),
          decisionAgreedBy: decision?.agreedBy,
          decisionAmendment: orNull(decision?.amendment),
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
        };
      }),
  },
  technicalSupports: {
    cardinality: 'many',
    description: w('chaque appui technique, par projet', 'each technical support, by project'),
    fields: {
      project: f('text', 'projet appuyé', 'project supported'),
      date: f('date', 'date de l’appui', 'day of the support'),
      by: f('party', 'partie qui l’a donné', 'party that gave it', { nullable: true, at: 'by' }),
      pointer: pointerField('l’appui technique', 'the technical support'),
    },
    items: function* (record) {
      for (const [p, project] of (record.projects ?? []).entries())
        for (const [k, support] of (project.technicalSupport ?? []).entries())
          yield {
            project: project.id,
            date: support.date,
            by: support.by,
            pointer: `/projects/${p}/technicalSupport/${k}`,
          };
    },
  },
  intrapreneurs: {
    cardinality: 'many',
    description: w('chaque intrapreneur, par projet', 'each intrapreneur, by project'),
    fields: {
      project: f('text', 'projet', 'project'),
      projectSelected: f(
        'boolean',
        'le projet de l’intrapreneur a été sélectionné',
        'the intrapreneur’s project was selected',
      ),
      name: f('text', 'intrapreneur', 'intrapreneur'),
      joined: f('date', 'arrivée au projet (joined)', 'day of joining the project', {
        nullable: true,
        at: 'joined',
      }),
      left: f('date', 'départ du projet (left)', 'day of leaving the project', {
        nullable: true,
        at: 'left',
      }),
      release: f('object', 'jours de libération, par semaine ISO', 'days released, by ISO week', {
        nullable: true,
        at: 'release',
      }),
      leave: f('list', 'semaines de congé', 'weeks of leave'),
      sessions: f('list', 'jours des points de coaching', 'days of the coaching sessions', {
        nullable: true,
        at: 'coaching/sessions',
      }),
      pointer: pointerField('l’intrapreneur', 'the intrapreneur'),
      coachingPointer: pointerField('les points de coaching', 'the coaching sessions'),
    },
    items: function* (record) {
      for (const [p, project] of (record.projects ?? []).entries())
        for (const [i, one] of (project.intrapreneurs ?? []).entries()) {
          const pointer = `/projects/${p}/intrapreneurs/${i}`;
          yield intrapreneurItem(project, one, pointer);
        }
    },
  },
  seminar: {
    cardinality: 'one',
    description: w('le séminaire de lancement', 'the launch seminar'),
    fields: {
      date: f('date', 'date du séminaire', 'day of the seminar', nullable),
      pointer: pointerField('le séminaire', 'the seminar'),
    },
    items: (record) => [
      {
        date: orNull(record.seminar?.date),
        pointer: record.seminar?.date !== undefined ? '/seminar/date' : '/seminar',
      },
    ],
  },
  programme: {
    cardinality: 'one',
    description: w('le programme dans son ensemble', 'the programme as a whole'),
    fields: {
      pointer: pointerField('le dossier', 'the record'),
      projectsPointer: pointerField('les projets', 'the projects'),
      paymentsPointer: pointerField('les versements', 'the payments'),
      refundsPointer: pointerField('les restitutions', 'the refunds'),
    },
    items: () => [
      {
        pointer: '',
        projectsPointer: '/projects',
        paymentsPointer: '/payments',
        refundsPointer: '/refunds',
      },
    ],
  },
  payments: {
    cardinality: 'many',
    description: w('chaque versement', 'each payment'),
    fields: {
      id: f('text', 'identifiant du versement', 'the payment’s id'),
      date: f('date', 'date du versement', 'day of the payment', { at: 'date' }),
      amount: f('money', 'montant du versement', 'amount of the payment', { at: 'amount' }),
      order: f(
        'count',
        'rang du versement par date (puis par ordre d’écriture)',
        'rank of the payment by day (then as written)',
      ),
      account: accountField('compte crédité', 'account credited'),
      amendment: f(
        'text',
        'avenant que ce versement exécute (payments[].amendment)',
        'amendment this payment performs (payments[].amendment)',
        nullable,
      ),
      imputation: f('object', 'imputation budgétaire', 'budget imputation', {
        fields: {
          fundOfConcours: f('text', 'fonds de concours', 'fonds de concours', nullable),
          programme: f('text', 'programme budgétaire', 'budget programme', nullable),
        },
      }),
      pointer: pointerField('le versement', 'the payment'),
      amountPointer: pointerField('le montant', 'the amount'),
      datePointer: pointerField('la date', 'the date'),
      accountPointer: pointerField('le compte', 'the account'),
      imputationPointer: pointerField('l’imputation', 'the imputation'),
    },
    items: (record) => {
      const payments = record.payments ?? [];
      const order = payments
        .map((payment, index) => ({ index, day: day(payment.date) }))
        .sort((a, b) => a.day - b.day || a.index - b.index);
      const rank = new Map(order.map(({ index }, k) => [index, k + 1]));
      return payments.map((payment, index) => {
        const pointer = `/payments/${index}`;
        return {
          id: payment.id,
          date: payment.date,
          amount: payment.amount,
          order: rank.get(index)!,
          account: accountOf(payment.account),
          amendment: orNull(payment.amendment),
          imputation: {
            fundOfConcours: orNull(payment.imputation?.fundOfConcours),
            programme: orNull(payment.imputation?.programme),
          },
          pointer,
          amountPointer: `${pointer}/amount`,
          datePointer: `${pointer}/date`,
          accountPointer: `${pointer}/account`,
          imputationPointer: `${pointer}/imputation`,
        };
      });
    },
  },
  accounts: {
    cardinality: 'many',
    description: w('chaque compte bancaire du dossier', 'each bank account in the record'),
    fields: {
      rib: f('text', 'RIB complet', 'full RIB'),
      account: f('text', 'banque, guichet et numéro de compte', 'bank, branch and account number'),
      key: f('text', 'clé RIB écrite', 'RIB key written'),
      expectedKey: f('text', 'clé RIB calculée', 'RIB key computed'),
      pointer: pointerField('le compte', 'the account'),
      keyPointer: pointerField('la clé', 'the key'),
    },
    items: function* (record) {
      const one = (ref: AccountRef | undefined, pointer: string) =>
        ref === undefined
          ? []
          : [
              {
                rib: ribText(ref),
                account: accountId(ref),
                key: ref.key,
                expectedKey: ribKey(ref),
                pointer,
                keyPointer: `${pointer}/key`,
              },
            ];
      yield* one(record.parties.dinsic.account, '/parties/dinsic/account');
      yield* one(record.parties.collectivite.account, '/parties/collectivite/account');
      for (const [i, p] of (record.payments ?? []).entries())
        yield* one(p.account, `/payments/${i}/account`);
      for (const [i, r] of (record.refunds ?? []).entries())
        yield* one(r.account, `/refunds/${i}/account`);
    },
  },
  partyAccounts: {
    cardinality: 'many',
    description: w(
      'le compte de chaque partie, tel que le dossier le recopie',
      'each party’s account, as the record copies it',
    ),
    fields: {
      party: f('party', 'la partie', 'the party'),
      account: f('text', 'banque, guichet et numéro de compte', 'bank, branch and account number'),
      pointer: pointerField('le compte', 'the account'),
    },
    items: (record) =>
      PARTIES.flatMap((party) => {
        const ref = record.parties[party].account;
        return ref === undefined
          ? []
          : [{ party, account: accountId(ref), pointer: `/parties/${party}/account` }];
      }),
  },
  expenses: {
    cardinality: 'many',
    large: true,
    description: w('chaque dépense', 'each expense'),
    fields: {
      id: f('text', 'identifiant de la dépense', 'the expense’s id'),
      date: f('date', 'date de la dépense', 'day of the expense', { at: 'date' }),
      amount: f('money', 'montant', 'amount', { at: 'amount' }),
      purpose: f('text', 'objet', 'purpose', { at: 'purpose' }),
      pointer: pointerField('la dépense', 'the expense'),
      datePointer: pointerField('la date', 'the date'),
    },
    items: function* (record) {
      for (const [index, expense] of (record.expenses ?? []).entries())
        yield {
          id: expense.id,
          date: expense.date,
          amount: expense.amount,
          purpose: expense.purpose,
          pointer: `/expenses/${index}`,
          datePointer: `/expenses/${index}/date`,
        };
    },
  },
  refunds: {
    cardinality: 'many',
    description: w('chaque restitution', 'each refund'),
    fields: {
      id: f('text', 'identifiant de la restitution', 'the refund’s id'),
      date: f('date', 'date de la restitution', 'day of the refund', { at: 'date' }),
      amount: f('money', 'montant', 'amount', { at: 'amount' }),
      account: accountField('compte crédité', 'account credited'),
      pointer: pointerField('la restitution', 'the refund'),
      accountPointer: pointerField('le compte', 'the account'),
    },
    items: (record) =>
      (record.refunds ?? []).map((refund, index) => ({
        id: refund.id,
        date: refund.date,
        amount: refund.amount,
        account: accountOf(refund.account),
        pointer: `/refunds/${index}`,
        accountPointer: `/refunds/${index}/account`,
      })),
  },
  terminations: {
    cardinality: 'one',
    description: w('la résiliation, s’il y en a une', 'the termination, if any'),
    fields: {
      date: f('date', 'date de la résiliation', 'day of the termination', { at: 'date' }),
      requestedBy: f('party', 'partie qui l’a demandée', 'party that asked for it', {
        nullable: true,
        at: 'requestedBy',
      }),
      defaultingParty: f('party', 'partie défaillante', 'defaulting party', {
        nullable: true,
        at: 'defaultingParty',
      }),
      noticeDate: f('date', 'date de la mise en demeure', 'day of the formal notice', {
        nullable: true,
        at: 'notice/date',
      }),
      noticeReceived: f(
        'date',
        'date de réception de la mise en demeure',
        'day the notice was received',
        { nullable: true, at: 'notice/received' },
      ),
      noticeBy: f('party', 'partie qui a mis en demeure', 'party that sent the notice', {
        nullable: true,
        at: 'notice/by',
      }),
      satisfactoryResponse: f(
        'date',
        'date d’une réponse satisfaisante',
        'day of a satisfactory response',
        { nullable: true, at: 'satisfactoryResponse' },
      ),
      pointer: pointerField('la résiliation', 'the termination'),
      datePointer: pointerField('la date de résiliation', 'the termination date'),
      noticePointer: pointerField('la mise en demeure', 'the notice'),
      responsePointer: pointerField('la réponse', 'the response'),
    },
    items: (record) => {
      const termination = record.termination;
      if (!termination) return [];
      return [
        {
          date: termination.date,
          requestedBy: termination.requestedBy,
          defaultingParty: termination.defaultingParty,
          noticeDate: orNull(termination.notice?.date),
          noticeReceived: orNull(termination.notice?.received),
          // Without a notice, who sent it is none; with one, the record may not say.
          noticeBy: termination.notice ? termination.notice.by : null,
          satisfactoryResponse: orNull(termination.satisfactoryResponse),
          pointer: '/termination',
          datePointer: '/termination/date',
          noticePointer: '/termination/notice',
          responsePointer: '/termination/satisfactoryResponse',
        },
      ];
    },
  },
  amendments: {
    cardinality: 'many',
    description: w('chaque avenant', 'each amendment'),
    fields: {
      id: f('text', 'identifiant de l’avenant', 'the amendment’s id'),
      requested: f('date', 'date de la demande', 'day it was asked for', {
        nullable: true,
        at: 'requested',
      }),
      abandoned: f('date', 'jour où la demande a été abandonnée', 'day the request was abandoned', {
        nullable: true,
        at: 'abandoned',
      }),
      signedBy: signedByField,
      pointer: pointerField('l’avenant', 'the amendment'),
      signaturesPointer: pointerField('les signatures', 'the signatures'),
      requestedPointer: pointerField('la demande', 'the request'),
    },
    items: (record) =>
      (record.amendments ?? []).map((amendment, index) => {
        const pointer = `/amendments/${index}`;
        return {
          id: amendment.id,
          requested: amendment.requested,
          abandoned: orNull(amendment.abandoned),
          signedBy: signedByOf(amendment.signatures),
          pointer,
          signaturesPointer: `${pointer}/signatures`,
          requestedPointer: `${pointer}/requested`,
        };
      }),
  },
  amendmentSignatures: {
    cardinality: 'many',
    description: w('chaque signature d’un avenant', 'each signature of an amendment'),
    fields: { amendment: f('text', 'avenant signé', 'amendment signed'), ...signatureFields },
    items: (record) =>
      (record.amendments ?? []).flatMap((a: Amendment, i) =>
        signaturesOf(a.signatures, `/amendments/${i}/signatures`, { amendment: a.id }),
      ),
  },
  communications: {
    cardinality: 'many',
    description: w(
      'la convention et chaque avenant, à communiquer au contrôleur budgétaire',
      'the convention and each amendment, to be sent to the budget controller',
    ),
    fields: {
      document: f('text', 'convention ou avenant', 'convention or amendment'),
      amendment: f(
        'text',
        'l’avenant, pour un avenant',
        'the amendment, for an amendment',
        nullable,
      ),
      abandoned: f('boolean', 'demande d’avenant abandonnée', 'amendment request abandoned'),
      communicated: f(
        'date',
        'date de communication au contrôleur',
        'day it was sent to the controller',
        nullable,
      ),
      pointer: pointerField('le document', 'the document'),
    },
    items: (record) => [
      {
        document: record.convention.id,
        amendment: null,
        abandoned: false,
        communicated: orNull(record.convention.communicatedToController),
        pointer: '/convention/communicatedToController',
      },
      ...(record.amendments ?? []).map((amendment, index) => ({
        document: amendment.id,
        amendment: amendment.id,
        abandoned: amendment.abandoned !== undefined,
        communicated: orNull(amendment.communicatedToController),
        pointer: `/amendments/${index}/communicatedToController`,
      })),
    ],
  },
  termsChanges: {
    cardinality: 'many',
    description: w('chaque paramètre modifié dans `terms`', 'each parameter changed in `terms`'),
    fields: {
      name: f('text', 'paramètre modifié', 'parameter changed'),
      value: f('text', 'nouvelle valeur', 'new value'),
      carriedBy: f(
        'list',
        'avenants dont les changes portent ce changement, à l’identique',
        'amendments whose changes carry this change, the same',
      ),
      pointer: pointerField('le changement', 'the change'),
    },
    items: (record) =>
      Object.entries(record.terms ?? {}).map(([name, value]) => ({
        name,
        // An amount (the schema says which terms are) is written in euros, as in the record.
        value:
          schemaAt(joinPointer('/terms', name))?.definition === 'Money'
            ? formatEurosPlain(value as number)
            : String(value),
        carriedBy: (record.amendments ?? [])
          .filter((a) => (a.changes as Record<string, unknown> | undefined)?.[name] === value)
          .map((a) => a.id),
        pointer: joinPointer('/terms', name),
      })),
  },
  dates: {
    cardinality: 'many',
    large: true,
    description: w('chaque date du dossier', 'every date in the record'),
    fields: {
      date: f('date', 'la date', 'the date'),
      pointer: pointerField('où elle est écrite', 'where it is written'),
    },
    items: function* (record) {
      for (const { value, pointer } of valuesOfDefinition(record, DATE_DEFINITIONS))
        yield { date: value, pointer };
    },
  },
  entries: {
    cardinality: 'many',
    large: true,
    description: w(
      'chaque semaine ou jour écrit pour la phase 3 : semaines de fermeture, et pour chaque intrapreneur semaines de libération, de congé et points de coaching',
      'each week or day written for phase 3: closed weeks, and for each intrapreneur weeks of release, of leave and coaching sessions',
    ),
    fields: {
      kind: f(
        'text',
        'ce qui est écrit (closed-week, release, leave, session)',
        'what is written (closed-week, release, leave, session)',
      ),
      entry: f('text', 'la semaine ou le jour écrit', 'the week or day written'),
      first: f('date', 'premier jour ouvré qu’elle couvre', 'first working day it covers'),
      last: f('date', 'dernier jour ouvré qu’elle couvre', 'last working day it covers'),
      project: f('text', 'projet', 'project', nullable),
      intrapreneur: f('text', 'intrapreneur', 'intrapreneur', nullable),
      joined: f(
        'date',
        'arrivée de l’intrapreneur au projet',
        'the intrapreneur’s joining',
        nullable,
      ),
      left: f('date', 'départ de l’intrapreneur du projet', 'the intrapreneur’s leaving', nullable),
      pointer: pointerField('où c’est écrit', 'where it is written'),
    },
    items: function* (record) {
      const none = { project: null, intrapreneur: null, joined: null, left: null };
      for (const [k, week] of (record.closedWeeks ?? []).entries())
        yield weekEntry('closed-week', week, none, `/closedWeeks/${k}`);
      for (const [p, project] of (record.projects ?? []).entries())
        for (const [i, one] of (project.intrapreneurs ?? []).entries()) {
          const pointer = `/projects/${p}/intrapreneurs/${i}`;
          const who = {
            project: project.id,
            intrapreneur: one.name,
            joined: orNull(one.joined),
            left: orNull(one.left),
          };
          for (const week of Object.keys(one.release ?? {}))
            yield weekEntry('release', week, who, joinPointer(pointer, 'release', week));
          for (const [k, week] of (one.leave ?? []).entries())
            yield weekEntry('leave', week, who, `${pointer}/leave/${k}`);
          for (const [k, session] of (one.coaching?.sessions ?? []).entries())
            yield entryOf(
              'session',
              session,
              session,
              session,
              who,
              `${pointer}/coaching/sessions/${k}`,
            );
        }
    },
  },
};

/** Who an entry is written for: an intrapreneur of a project, or none (a closed week). */
interface EntryOwner {
  project: string | null | undefined;
  intrapreneur: string | null | undefined;
  joined: string | null;
  left: string | null;
}

/** An entry of phase 3, its fields written in one order (one shape for every entry). */
const entryOf = (
  kind: string,
  entry: string,
  first: string,
  last: string,
  who: EntryOwner,
  pointer: string,
): Record<string, unknown> => ({
  kind,
  entry,
  first,
  last,
  project: who.project,
  intrapreneur: who.intrapreneur,
  joined: who.joined,
  left: who.left,
  pointer,
});

/** An entry that is a week: its first and last working days. */
const weekEntry = (kind: string, week: string, who: EntryOwner, pointer: string) => {
  const { first, last } = weekDays(week);
  return entryOf(kind, week, first, last, who, pointer);
};

function intrapreneurItem(
  project: Project,
  one: Intrapreneur,
  pointer: string,
): Record<string, unknown> {
  return {
    project: project.id,
    projectSelected: project.selection !== undefined,
    name: one.name,
    joined: orNull(one.joined),
    left: orNull(one.left),
    release: one.release,
    leave: one.leave ?? [],
    // Sorted, so that the sessions of a week are counted by a binary search.
    sessions: one.coaching?.sessions ? [...one.coaching.sessions].sort() : undefined,
    pointer,
    coachingPointer: `${pointer}/coaching/sessions`,
  };
}

/** The fields every week a pack makes has, besides those the pack derives. */
export const WEEK_FIELDS: Record<string, ReaderField> = {
  week: f('week', 'semaine ISO', 'ISO week'),
  monday: f('date', 'lundi de la semaine', 'the week’s Monday'),
  friday: f('date', 'vendredi de la semaine', 'the week’s Friday'),
  sunday: f('date', 'dimanche de la semaine', 'the week’s Sunday'),
};

/** The evaluation date, which every formula and rule may use. */
export const AS_OF: FactSpec = f('date', 'date d’évaluation', 'evaluation date');
