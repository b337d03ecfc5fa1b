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
    'la convention a été résiliée avant la fin de la phase',
    'the convention was terminated before the phase ended',
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
  accounts: f('object', 'comptes des parties', 'the parties’ accounts', {
    fields: {
      collectivite: f('object', 'compte de la collectivité', 'the collectivité’s account', {
        fields: {
          rib: f('text', 'RIB du compte de la collectivité', 'RIB of the collectivité’s account', {
            mayBeMissing: true,
          }),
        },
      }),
      dinsic: f('object', 'compte de la DINSIC', 'the DINSIC’s account', {
        fields: {
          rib: f('text', 'RIB du compte de la DINSIC', 'RIB of the DINSIC’s account', {
            mayBeMissing: true,
          }),
        },
      }),
    },
  }),
};

const rib = f('object', 'compte crédité', 'account credited', {
  mayBeMissing: true,
  fields: { rib: f('text', 'RIB du compte crédité', 'RIB of the account credited') },
});

/** The collections of items that rules are judged on (`over:`). */
export const collections: Record<string, CollectionSpec> = {
  convention: {
    cardinality: 'one',
    description: { fr: 'la convention signée', en: 'the signed convention' },
    fields: {
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
      supportByDinsic: f(
        'count',
        'appuis techniques de la DINSIC datés au plus tard de la fin de la phase 3',
        'technical support given by the DINSIC by the end of phase 3',
        { mayBeMissing: true },
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
      decisionAmendmentSigned: f(
        'boolean',
        'l’avenant cité existe et porte la signature datée des deux parties',
        'the amendment cited exists and bears both parties’ dated signatures',
      ),
      pointer: f('pointer', 'le projet', 'the project'),
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
        'du lundi au vendredi, la semaine est dans la phase 3',
        'the week’s Monday to Friday lie in phase 3',
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
      projectsSelectedByEndOfSelection: f(
        'count',
        'projets sélectionnés au plus tard à la fin de la phase 2',
        'projects selected by the end of phase 2',
        { mayBeMissing: true },
      ),
      paymentsCount: f('count', 'nombre de versements', 'number of payments'),
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
      refunded: f('money', 'total restitué', 'total refunded'),
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
  expenses: {
    cardinality: 'many',
    description: { fr: 'chaque dépense', en: 'each expense' },
    fields: {
      id: f('text', 'identifiant de la dépense', 'the expense’s id'),
      date: f('date', 'date de la dépense', 'day of the expense'),
      amount: f('money', 'montant', 'amount'),
      purpose: f('text', 'objet', 'purpose'),
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
      signedBy: f('parties', 'parties ayant une signature datée', 'parties with a dated signature'),
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
