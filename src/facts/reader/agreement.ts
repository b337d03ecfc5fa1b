/**
 * The reader's lists of the agreement itself: the signed convention and its signatures, each
 * amendment and its signatures, what is sent to the budget controller, the changed terms, and
 * the termination if any.
 */
import type { Amendment } from '../../model/programme.js';
import { formatEurosPlain } from '../../base/money.js';
import { joinPointer } from '../../base/pointer.js';
import { schemaAt } from '../../load/schema.js';
import {
  f,
  nullable,
  orNull,
  pointerField,
  signatureFields,
  signaturesOf,
  signedByField,
  signedByOf,
  w,
  writtenAt,
  type ReaderCollection,
} from './fields.js';

export const convention: ReaderCollection = {
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
};

export const conventionSignatures: ReaderCollection = {
  cardinality: 'many',
  description: w('chaque signature de la convention', 'each signature of the convention'),
  fields: signatureFields,
  items: (record) => signaturesOf(record.convention.signatures, '/convention/signatures'),
};

export const terminations: ReaderCollection = {
  cardinality: 'one',
  description: w('la résiliation, s’il y en a une', 'the termination, if any'),
  fields: {
    date: f('date', 'date de la résiliation', 'day of the termination', { at: 'date' }),
    requestedBy: writtenAt(
      'party',
      'partie qui l’a demandée',
      'party that asked for it',
      'requestedBy',
    ),
    defaultingParty: writtenAt(
      'party',
      'partie défaillante',
      'defaulting party',
      'defaultingParty',
    ),
    noticeDate: writtenAt(
      'date',
      'date de la mise en demeure',
      'day of the formal notice',
      'notice/date',
    ),
    noticeReceived: writtenAt(
      'date',
      'date de réception de la mise en demeure',
      'day the notice was received',
      'notice/received',
    ),
    noticeBy: writtenAt(
      'party',
      'partie qui a mis en demeure',
      'party that sent the notice',
      'notice/by',
    ),
    satisfactoryResponse: writtenAt(
      'date',
      'date d’une réponse satisfaisante',
      'day of a satisfactory response',
      'satisfactoryResponse',
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
};

export const amendments: ReaderCollection = {
  cardinality: 'many',
  description: w('chaque avenant', 'each amendment'),
  fields: {
    id: f('text', 'identifiant de l’avenant', 'the amendment’s id'),
    requested: writtenAt('date', 'date de la demande', 'day it was asked for', 'requested'),
    abandoned: writtenAt(
      'date',
      'jour où la demande a été abandonnée',
      'day the request was abandoned',
      'abandoned',
    ),
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
};

export const amendmentSignatures: ReaderCollection = {
  cardinality: 'many',
  description: w('chaque signature d’un avenant', 'each signature of an amendment'),
  fields: { amendment: f('text', 'avenant signé', 'amendment signed'), ...signatureFields },
  items: (record) =>
    (record.amendments ?? []).flatMap((a: Amendment, i) =>
      signaturesOf(a.signatures, `/amendments/${i}/signatures`, { amendment: a.id }),
    ),
};

export const communications: ReaderCollection = {
  cardinality: 'many',
  description: w(
    'la convention et chaque avenant, à communiquer au contrôleur budgétaire',
    'the convention and each amendment, to be sent to the budget controller',
  ),
  fields: {
    document: f('text', 'convention ou avenant', 'convention or amendment'),
    amendment: f('text', 'l’avenant, pour un avenant', 'the amendment, for an amendment', nullable),
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
};

export const termsChanges: ReaderCollection = {
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
};
