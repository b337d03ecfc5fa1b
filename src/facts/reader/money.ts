/**
 * The reader's lists of money: each payment (with its rank by day), each bank account and its RIB
 * key, each party's account, each expense and each refund.
 */
import { checkedDay } from '../../base/calendar.js';
import type { AccountRef } from '../../model/programme.js';
import { accountId, ribKey, ribText } from '../rib.js';
import {
  accountField,
  accountOf,
  f,
  nullable,
  orNull,
  PARTIES,
  pointerField,
  w,
  type ReaderCollection,
} from './fields.js';

export const payments: ReaderCollection = {
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
      .map((payment, index) => ({ index, day: checkedDay(payment.date) }))
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
};

export const accounts: ReaderCollection = {
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
};

export const partyAccounts: ReaderCollection = {
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
};

export const expenses: ReaderCollection = {
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
};

export const refunds: ReaderCollection = {
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
};
