/**
 * The facts catalogue: every measurement the rule files may use, with its type and its meaning
 * in French and English. It is the contract between the TypeScript that measures a record
 * (src/facts/measure.ts) and the rule files that judge it: a rule naming a fact or field that is
 * not here is refused when the pack is loaded, and `clausier explain` words conditions with
 * these descriptions.
 */
import type { Localized } from '../rules/types.js';

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

export interface FactSpec {
  type: FactType;
  description: Localized;
  /** May be null: the thing does not exist (yet), which is not the same as unknown. */
  nullable?: boolean;
  /** May be unknown: the record lacks what it takes, and a rule using it is undetermined. */
  mayBeMissing?: boolean;
  /** For an object: its fields. */
  fields?: Record<string, FactSpec>;
}

export interface CollectionSpec {
  /** `one`: at most one item (the convention, the termination if any); `many`: a list. */
  cardinality: 'one' | 'many';
  description: Localized;
  fields: Record<string, FactSpec>;
}

const f = (type: FactType, fr: string, en: string, options: Partial<FactSpec> = {}): FactSpec => ({
  type,
  description: { fr, en },
  ...options,
});

const phaseFields: Record<string, FactSpec> = {
  present: f('boolean', 'la phase figure au dossier', 'the phase is in the record'),
  skipped: f(
    'boolean',
    'la phase manque alors qu’une phase suivante a commencé',
    'the phase is missing while a later phase has started',
  ),
  start: f('date', 'premier jour de la phase', 'first day of the phase', {
    nullable: true,
    mayBeMissing: true,
  }),
  end: f('date', 'dernier jour de la phase', 'last day of the phase', {
    nullable: true,
    mayBeMissing: true,
  }),
  cutByTermination: f(
    'boolean',
    'la résiliation est intervenue au plus tard à la fin prévue de la phase (ou la phase n’a pas de fin)',
    'the termination came on or before the phase’s planned end (or the phase has no end)',
  ),
  afterTermination: f(
    'boolean',
    'la phase commence après la résiliation : elle n’a pas lieu',
    'the phase starts after the termination: it does not take place',
  ),
  laterPresent: f(
    'boolean',
    'une phase suivante figure au dossier (avant toute résiliation)',
    'a later phase is in the record (before any termination)',
  ),
  pointer: f(
    'pointer',
    'emplacement de la phase dans le dossier',
    'where the phase is in the record',
  ),
};

/** Facts every rule may use, whatever it is judged on. */
export const globalFacts: Record<string, FactSpec> = {
  asOf: f('date', 'date d’évaluation', 'evaluation date'),
  convention: f('object', 'la convention', 'the convention', {
    fields: {
      start: f(
        'date',
        'prise d’effet de la convention (dernière signature des parties)',
        'the day the convention takes effect (the parties’ last signature)',
        { mayBeMissing: true },
      ),
      end: f(
        'date',
        'fin de la convention (fin de la phase 5, ou résiliation si elle vient avant)',
        'the end of the convention (end of phase 5, or termination if earlier)',
        { nullable: true },
      ),
      terminationDate: f('date', 'date de la résiliation', 'termination date', { nullable: true }),
      ended: f(
        'boolean',
        'la convention a pris fin à la date d’évaluation',
        'the convention has ended by the evaluation date',
      ),
    },
  }),
  phases: f('object', 'les cinq phases', 'the five phases', {
    fields: {
      call: f('object', 'phase 1 (appel à intrapreneurs)', 'phase 1 (call for intrapreneurs)', {
        fields: phaseFields,
      }),
      selection: f('object', 'phase 2 (sélection des projets)', 'phase 2 (selection of projects)', {
        fields: phaseFields,
      }),
      preincubation: f('object', 'phase 3 (pré-incubation)', 'phase 3 (pré-incubation)', {
        fields: phaseFields,
      }),
      pocPresentation: f(
        'object',
        'phase 4 (présentation des preuves de concept)',
        'phase 4 (presentation of the proofs of concept)',
        { fields: phaseFields },
      ),
      incubationSelection: f(
        'object',
        'phase 5 (sélection des projets à incuber)',
        'phase 5 (selection of projects for incubation)',
        { fields: phaseFields },
      ),
    },
  }),
};

const rib = f('object', 'compte crédité', 'account credited', {
  mayBeMissing: true,
  fields: {
    id: f(
      'text',
      'banque, guichet et numéro du compte crédité (ce qui identifie le compte)',
      'bank, branch and number of the account credited (what identifies the account)',
    ),
    rib: f(
      'text',
      'RIB du compte crédité, clé comprise',
      'RIB of the account credited, key included',
    ),
  },
});

/** The day each party signed: null if it did not, unknown if its signature has no date. */
const signedOn = f('object', 'date de signature de chaque partie', 'the day each party signed', {
  fields: {
    collectivite: f('date', 'signature de la collectivité', 'the collectivité’s signature', {
      nullable: true,
      mayBeMissing: true,
    }),
    dinsic: f('date', 'signature de la DINSIC', 'the DINSIC’s signature', {
      nullable: true,
      mayBeMissing: true,
    }),
  },
});

/** The collections of items that rules are judged on (`over:`). */
export const collections: Record<string, CollectionSpec> = {
  convention: {
    cardinality: 'one',
    description: { fr: 'la convention signée', en: 'the signed convention' },
    fields: {
      signedOn,
      signedBy: f('parties', 'parties ayant une signature datée', 'parties with a dated signature'),
      copies: f('count', 'nombre d’exemplaires originaux', 'number of original copies', {
        nullable: true,
      }),
      pointer: f('pointer', 'la convention', 'the convention'),
      signaturesPointer: f('pointer', 'les signatures', 'the signatures'),
      copiesPointer: f('pointer', 'le nombre d’exemplaires', 'the number of copies'),
    },
  },
  dates: {
    cardinality: 'many',
    description: { fr: 'chaque date du dossier', en: 'every date in the record' },
    fields: {
      date: f('date', 'la date', 'the date'),
      pointer: f('pointer', 'où elle est écrite', 'where it is written'),
    },
  },
  phases: {
    cardinality: 'many',
    description: { fr: 'chacune des cinq phases', en: 'each of the five phases' },
    fields: {
      name: f('text', 'nom de la phase dans le dossier', 'the phase’s name in the record'),
      number: f('phase', 'numéro de la phase (1 à 5)', 'the phase’s number (1 to 5)'),
      ...phaseFields,
      previousEnd: f(
        'date',
        'fin de la phase précédente (la plus proche qui figure au dossier)',
        'end of the previous phase (the nearest in the record)',
        { nullable: true },
      ),
      laterPhaseStarted: f('boolean', 'une phase suivante a commencé', 'a later phase has started'),
      supportedBy: f(
        'party',
        'partie ayant appuyé l’organisation de l’appel (phase 1)',
        'party that supported the call (phase 1)',
        {
          nullable: true,
        },
      ),
    },
  },
  projects: {
    cardinality: 'many',
    description: { fr: 'chaque projet', en: 'each project' },
    fields: {
      id: f('text', 'identifiant du projet', 'the project’s id'),
      selected: f('boolean', 'le projet a été sélectionné', 'the project was selected'),
      selectionDate: f('date', 'date de la sélection', 'selection date', { nullable: true }),
      selectionAgreedBy: f(
        'parties',
        'parties d’accord sur la sélection',
        'parties that agreed to the selection',
        {
          mayBeMissing: true,
        },
      ),
      criteriaRecorded: f('list', 'critères de sélection consignés', 'selection criteria recorded'),
      supportInPhase3: f(
        'count',
        'appuis techniques donnés par la DINSIC pendant la phase 3',
        'technical support given by the DINSIC during phase 3',
        { mayBeMissing: true },
      ),
      firstSupportInPhase3: f(
        'date',
        'premier appui technique de la DINSIC pendant la phase 3',
        'first technical support by the DINSIC during phase 3',
        { nullable: true },
      ),
      presentationDate: f(
        'date',
        'date de présentation de la preuve de concept',
        'day the proof of concept was presented',
        {
          nullable: true,
        },
      ),
      decided: f(
        'boolean',
        'une décision d’incubation a été prise',
        'an incubation decision was taken',
      ),
      decisionDate: f(
        'date',
        'date de la décision d’incubation',
        'day of the incubation decision',
        { nullable: true },
      ),
      decisionOutcome: f(
        'text',
        'issue de la décision (incubate ou stop)',
        'outcome of the decision (incubate or stop)',
        {
          nullable: true,
        },
      ),
      decisionAgreedBy: f(
        'parties',
        'parties d’accord sur la décision',
        'parties that agreed to the decision',
        {
          mayBeMissing: true,
        },
      ),
      decisionAmendment: f('text', 'avenant cité par la décision', 'amendment the decision cites', {
        nullable: true,
      }),
      decisionAmendmentSignedOn: f(
        'date',
        'date à laquelle l’avenant cité porte la signature des deux parties',
        'the day the amendment cited bore both parties’ signatures',
        { nullable: true, mayBeMissing: true },
      ),
      pointer: f('pointer', 'le projet', 'the project'),
      selectionPointer: f('pointer', 'la sélection', 'the selection'),
      selectionAgreementPointer: f(
        'pointer',
        'l’accord sur la sélection',
        'the agreement to the selection',
      ),
      criteriaPointer: f('pointer', 'les critères de sélection', 'the selection criteria'),
      supportPointer: f('pointer', 'l’appui technique', 'the technical support'),
      presentationPointer: f('pointer', 'la présentation', 'the presentation'),
      decisionPointer: f('pointer', 'la décision', 'the decision'),
      decisionDatePointer: f('pointer', 'la date de la décision', 'the decision’s date'),
      decisionAgreementPointer: f(
        'pointer',
        'l’accord sur la décision',
        'the agreement to the decision',
      ),
      decisionAmendmentPointer: f(
        'pointer',
        'l’avenant cité par la décision',
        'the amendment the decision cites',
      ),
    },
  },
  intrapreneurWeeks: {
    cardinality: 'many',
    description: {
      fr: 'chaque semaine ISO de la phase 3, pour chaque intrapreneur',
      en: 'each ISO week of phase 3, for each intrapreneur',
    },
    fields: {
      project: f('text', 'projet', 'project'),
      intrapreneur: f('text', 'intrapreneur', 'intrapreneur'),
      week: f('week', 'semaine ISO', 'ISO week'),
      monday: f('date', 'lundi de la semaine', 'the week’s Monday'),
      friday: f('date', 'vendredi de la semaine', 'the week’s Friday'),
      inPreincubation: f(
        'boolean',
        'du lundi au vendredi, la semaine est dans la phase 3 (qu’une résiliation termine)',
        'the week’s Monday to Friday lie in phase 3 (which a termination ends)',
      ),
      member: f(
        'boolean',
        'du lundi au vendredi, l’intrapreneur est membre du projet (joined, left)',
        'from Monday to Friday, the intrapreneur is a member of the project (joined, left)',
      ),
      closed: f('boolean', 'semaine de fermeture (closedWeeks)', 'a closed week (closedWeeks)'),
      onLeave: f('boolean', 'l’intrapreneur est en congé (leave)', 'the intrapreneur is on leave'),
      releaseDays: f('number', 'jours de libération dans la semaine', 'days released in the week', {
        mayBeMissing: true,
      }),
      sessions: f('count', 'points de coaching dans la semaine', 'coaching sessions in the week', {
        mayBeMissing: true,
      }),
      pointer: f('pointer', 'l’intrapreneur', 'the intrapreneur'),
      releasePointer: f('pointer', 'la libération de la semaine', 'the week’s release'),
      coachingPointer: f('pointer', 'les points de coaching', 'the coaching sessions'),
    },
  },
  seminar: {
    cardinality: 'one',
    description: { fr: 'le séminaire de lancement', en: 'the launch seminar' },
    fields: {
      date: f('date', 'date du séminaire', 'day of the seminar', { nullable: true }),
      pointer: f('pointer', 'le séminaire', 'the seminar'),
    },
  },
  programme: {
    cardinality: 'one',
    description: { fr: 'le programme dans son ensemble', en: 'the programme as a whole' },
    fields: {
      projectsSelected: f('count', 'projets sélectionnés', 'projects selected'),
      firstSelectionDate: f(
        'date',
        'date de la première sélection d’un projet',
        'day the first project was selected',
        { nullable: true, mayBeMissing: true },
      ),
      contributionPayments: f(
        'count',
        'versements de la participation (hors compléments qu’un avenant appelle)',
        'payments of the contribution (top-ups an amendment calls for excepted)',
      ),
      paid: f('money', 'total versé par la collectivité', 'total paid by the collectivité'),
      eligibleExpenses: f(
        'money',
        'total des dépenses éligibles',
        'total of the eligible expenses',
        { mayBeMissing: true },
      ),
      usedFunds: f(
        'money',
        'crédits utilisés : dépenses éligibles, dans la limite du versé',
        'credits used: eligible expenses, up to what was paid',
        { mayBeMissing: true },
      ),
      refundDue: f(
        'money',
        'restitution due (versé moins utilisé)',
        'refund due (paid less used)',
        { mayBeMissing: true },
      ),
      refunded: f(
        'money',
        'total restitué sur le compte de la collectivité',
        'total refunded to the collectivité’s account',
      ),
      refundedElsewhere: f(
        'money',
        'total restitué sur un autre compte (qui n’éteint pas la dette)',
        'total refunded to another account (which does not discharge the debt)',
      ),
      refundCompletedOn: f(
        'date',
        'jour où les restitutions sur le compte de la collectivité ont atteint la restitution due, une fois la convention terminée',
        'the day the refunds to the collectivité’s account reached the refund due, once the convention ended',
        { nullable: true, mayBeMissing: true },
      ),
      pointer: f('pointer', 'le dossier', 'the record'),
      projectsPointer: f('pointer', 'les projets', 'the projects'),
      paymentsPointer: f('pointer', 'les versements', 'the payments'),
      secondPaymentPointer: f('pointer', 'le deuxième versement', 'the second payment', {
        nullable: true,
      }),
      refundsPointer: f('pointer', 'les restitutions', 'the refunds'),
    },
  },
  payments: {
    cardinality: 'many',
    description: { fr: 'chaque versement', en: 'each payment' },
    fields: {
      id: f('text', 'identifiant du versement', 'the payment’s id'),
      date: f('date', 'date du versement', 'day of the payment'),
      amount: f('money', 'montant du versement', 'amount of the payment'),
      paidToDate: f(
        'money',
        'total versé à cette date, ce versement compris',
        'total paid up to and including this payment',
      ),
      account: rib,
      amendment: f(
        'text',
        'avenant que ce versement exécute (complément appelé par un avenant)',
        'amendment this payment performs (a top-up an amendment calls for)',
        { nullable: true },
      ),
      dueFrom: f(
        'date',
        'jour d’où court le délai de versement : dernière signature de la convention, ou de l’avenant exécuté',
        'the day the payment period runs from: the convention’s last signature, or the amendment’s performed',
        { nullable: true, mayBeMissing: true },
      ),
      imputation: f('object', 'imputation budgétaire', 'budget imputation', {
        fields: {
          fundOfConcours: f('text', 'fonds de concours', 'fonds de concours', { nullable: true }),
          programme: f('text', 'programme budgétaire', 'budget programme', { nullable: true }),
        },
      }),
      pointer: f('pointer', 'le versement', 'the payment'),
      amountPointer: f('pointer', 'le montant', 'the amount'),
      datePointer: f('pointer', 'la date', 'the date'),
      accountPointer: f('pointer', 'le compte', 'the account'),
      imputationPointer: f('pointer', 'l’imputation', 'the imputation'),
    },
  },
  accounts: {
    cardinality: 'many',
    description: { fr: 'chaque compte bancaire du dossier', en: 'each bank account in the record' },
    fields: {
      rib: f('text', 'RIB complet', 'full RIB'),
      account: f('text', 'banque, guichet et numéro de compte', 'bank, branch and account number'),
      key: f('text', 'clé RIB écrite', 'RIB key written'),
      expectedKey: f('text', 'clé RIB calculée', 'RIB key computed'),
      pointer: f('pointer', 'le compte', 'the account'),
      keyPointer: f('pointer', 'la clé', 'the key'),
    },
  },
  partyAccounts: {
    cardinality: 'many',
    description: {
      fr: 'le compte de chaque partie, tel que le dossier le recopie',
      en: 'each party’s account, as the record copies it',
    },
    fields: {
      party: f('party', 'la partie', 'the party'),
      account: f('text', 'banque, guichet et numéro de compte', 'bank, branch and account number'),
      pointer: f('pointer', 'le compte', 'the account'),
    },
  },
  entries: {
    cardinality: 'many',
    description: {
      fr: 'chaque semaine ou jour écrit pour la phase 3 : semaines de fermeture, et pour chaque intrapreneur semaines de libération, de congé et points de coaching',
      en: 'each week or day written for phase 3: closed weeks, and for each intrapreneur weeks of release, of leave and coaching sessions',
    },
    fields: {
      kind: f(
        'text',
        'ce qui est écrit (closed-week, release, leave, session)',
        'what is written (closed-week, release, leave, session)',
      ),
      entry: f('text', 'la semaine ou le jour écrit', 'the week or day written'),
      project: f('text', 'projet', 'project', { nullable: true }),
      intrapreneur: f('text', 'intrapreneur', 'intrapreneur', { nullable: true }),
      inPeriod: f(
        'boolean',
        'un jour ouvré (du lundi au vendredi) tombe dans la phase 3, et pour un intrapreneur pendant qu’il est membre du projet',
        'a working day (Monday to Friday) falls in phase 3, and for an intrapreneur while a member of the project',
      ),
      pointer: f('pointer', 'où c’est écrit', 'where it is written'),
    },
  },
  expenses: {
    cardinality: 'many',
    description: { fr: 'chaque dépense', en: 'each expense' },
    fields: {
      id: f('text', 'identifiant de la dépense', 'the expense’s id'),
      date: f('date', 'date de la dépense', 'day of the expense'),
      amount: f('money', 'montant', 'amount'),
      purpose: f('text', 'objet', 'purpose'),
      eligible: f(
        'boolean',
        'la dépense est éligible : son objet est l’un de ceux de la convention, et elle est dans sa période d’effet',
        'the expense is eligible: its purpose is one of the convention’s, and it lies in its period',
        { mayBeMissing: true },
      ),
      pointer: f('pointer', 'la dépense', 'the expense'),
      datePointer: f('pointer', 'la date', 'the date'),
    },
  },
  refunds: {
    cardinality: 'many',
    description: { fr: 'chaque restitution', en: 'each refund' },
    fields: {
      id: f('text', 'identifiant de la restitution', 'the refund’s id'),
      date: f('date', 'date de la restitution', 'day of the refund'),
      amount: f('money', 'montant', 'amount'),
      account: rib,
      toCollectivite: f(
        'boolean',
        'versée au compte de la collectivité : elle seule éteint la dette (Code civil art. 1342-2)',
        'paid to the collectivité’s account: only then does it discharge the debt (Code civil art. 1342-2)',
      ),
      pointer: f('pointer', 'la restitution', 'the refund'),
      accountPointer: f('pointer', 'le compte', 'the account'),
    },
  },
  terminations: {
    cardinality: 'one',
    description: { fr: 'la résiliation, s’il y en a une', en: 'the termination, if any' },
    fields: {
      date: f('date', 'date de la résiliation', 'day of the termination'),
      requestedBy: f('party', 'partie qui l’a demandée', 'party that asked for it', {
        mayBeMissing: true,
      }),
      defaultingParty: f('party', 'partie défaillante', 'defaulting party', { mayBeMissing: true }),
      noticeDate: f('date', 'date de la mise en demeure', 'day of the formal notice', {
        nullable: true,
      }),
      noticeBy: f('party', 'partie qui a mis en demeure', 'party that sent the notice', {
        nullable: true,
        mayBeMissing: true,
      }),
      noticeRunsFrom: f(
        'date',
        'point de départ du délai : réception de la mise en demeure, à défaut sa date',
        'when the notice period runs from: the notice’s receipt, else its date',
        { nullable: true },
      ),
      satisfactoryResponse: f(
        'date',
        'date d’une réponse satisfaisante',
        'day of a satisfactory response',
        { nullable: true },
      ),
      pointer: f('pointer', 'la résiliation', 'the termination'),
      datePointer: f('pointer', 'la date de résiliation', 'the termination date'),
      noticePointer: f('pointer', 'la mise en demeure', 'the notice'),
      responsePointer: f('pointer', 'la réponse', 'the response'),
    },
  },
  amendments: {
    cardinality: 'many',
    description: { fr: 'chaque avenant', en: 'each amendment' },
    fields: {
      id: f('text', 'identifiant de l’avenant', 'the amendment’s id'),
      requested: f('date', 'date de la demande', 'day it was asked for', { mayBeMissing: true }),
      signedOn,
      signedBy: f('parties', 'parties ayant une signature datée', 'parties with a dated signature'),
      signedByBothOn: f(
        'date',
        'jour où l’avenant porte la signature des deux parties (la dernière)',
        'the day the amendment bore both parties’ signatures (the later one)',
        { nullable: true, mayBeMissing: true },
      ),
      abandoned: f('date', 'jour où la demande a été abandonnée', 'day the request was abandoned', {
        nullable: true,
      }),
      pointer: f('pointer', 'l’avenant', 'the amendment'),
      signaturesPointer: f('pointer', 'les signatures', 'the signatures'),
      requestedPointer: f('pointer', 'la demande', 'the request'),
    },
  },
  communications: {
    cardinality: 'many',
    description: {
      fr: 'la convention et chaque avenant, à communiquer au contrôleur budgétaire',
      en: 'the convention and each amendment, to be sent to the budget controller',
    },
    fields: {
      document: f('text', 'convention ou avenant', 'convention or amendment'),
      takesEffect: f(
        'date',
        'prise d’effet du document (dernière signature des deux parties)',
        'the day the document takes effect (both parties’ last signature)',
        { nullable: true, mayBeMissing: true },
      ),
      abandoned: f('boolean', 'demande d’avenant abandonnée', 'amendment request abandoned'),
      communicated: f(
        'date',
        'date de communication au contrôleur',
        'day it was sent to the controller',
        { nullable: true },
      ),
      pointer: f('pointer', 'le document', 'the document'),
    },
  },
  termsChanges: {
    cardinality: 'many',
    description: {
      fr: 'chaque paramètre modifié dans `terms`',
      en: 'each parameter changed in `terms`',
    },
    fields: {
      name: f('text', 'paramètre modifié', 'parameter changed'),
      value: f('text', 'nouvelle valeur', 'new value'),
      signedAmendments: f(
        'count',
        'avenants signés par les deux parties qui portent ce changement',
        'amendments signed by both parties that carry this change',
      ),
      pointer: f('pointer', 'le changement', 'the change'),
    },
  },
};

/**
 * A table's own entry for a name, if it has one. Names in rule packs are data: `constructor`,
 * `toString` or `__proto__` name nothing unless a table declares them, never what every
 * JavaScript object inherits from its prototype.
 */
export function ownEntry<T>(
  table: Readonly<Record<string, T>> | undefined,
  name: string,
): T | undefined {
  return table !== undefined && Object.hasOwn(table, name) ? table[name] : undefined;
}

/** Where a dotted path leads in a fact's specification, if anywhere. */
export function specAt(
  spec: FactSpec | CollectionSpec | undefined,
  path: string[],
): FactSpec | undefined {
  let current: FactSpec | undefined =
    spec === undefined
      ? undefined
      : 'cardinality' in spec
        ? { type: 'object', description: spec.description, fields: spec.fields }
        : spec;
  for (const segment of path) {
    current = ownEntry(current?.fields, segment);
    if (!current) return undefined;
  }
  return current;
}
