/**
 * What the money of a programme comes to, in words: who owes what to whom, and by when. The text
 * report and the HTML report say it alike.
 */
import { formatDate, type Language } from '../base/language.js';
import { formatEurosEn, formatEurosFr } from '../base/money.js';
import { balanceKind, type MoneySummary } from '../model/finding.js';

const WORDS = {
  fr: {
    euros: formatEurosFr,
    owed: (x: string) => `La DINSIC doit ${x} à la collectivité`,
    dueBy: (d: string) => `, à restituer au plus tard le ${d}`,
    wasDueBy: (d: string) => `, qu’elle devait restituer au plus tard le ${d}`,
    unusedSoFar: (x: string) => `Non utilisé et non restitué à ce jour : ${x}`,
    refundAtEnd: (d: string | undefined) =>
      ` ; ce qui ne sera pas utilisé à la fin de la convention est à restituer à la collectivité${d === undefined ? '' : ` au plus tard le ${d}`}`,
    overRefunded: (x: string) =>
      `La DINSIC a restitué ${x} de trop : la collectivité les lui doit.`,
    nothingOwed: 'Rien n’est dû entre les parties.',
    overCap: (x: string) => `Versé au-delà du plafond en vigueur le jour du versement : ${x}.`,
    refundedElsewhere: (x: string) =>
      `Restitué sur un autre compte que celui de la collectivité : ${x}, qui n’éteint pas la dette.`,
  },
  en: {
    euros: formatEurosEn,
    owed: (x: string) => `The DINSIC owes ${x} to the collectivité`,
    dueBy: (d: string) => `, to be refunded by ${d}`,
    wasDueBy: (d: string) => `, which it was to refund by ${d}`,
    unusedSoFar: (x: string) => `Unused and not refunded so far: ${x}`,
    refundAtEnd: (d: string | undefined) =>
      `; what is still unused when the convention ends is to be refunded to the collectivité${d === undefined ? '' : ` by ${d}`}`,
    overRefunded: (x: string) =>
      `The DINSIC refunded ${x} too much: the collectivité owes it back.`,
    nothingOwed: 'Nothing is owed between the parties.',
    overCap: (x: string) => `Paid above the cap in force on the day of payment: ${x}.`,
    refundedElsewhere: (x: string) =>
      `Refunded to an account other than the collectivité's: ${x}, which does not discharge the debt.`,
  },
} as const;

/**
 * Who owes what to whom as of `asOf`, and by when: the balance, settled once the convention has
 * ended (before, what is unused so far is not owed yet). Undefined when the balance is unknown.
 */
export function balanceSentence(
  money: MoneySummary,
  asOf: string | undefined,
  language: Language,
): string | undefined {
  const w = WORDS[language];
  const { balance } = money;
  if (balance === null) return undefined;
  if (balance === 0) return w.nothingOwed;
  const kind = balanceKind(money, balance);
  if (kind === 'owedBack') return w.overRefunded(w.euros(-balance));
  const amount = w.euros(balance);
  const by = money.refundDueBy === null ? undefined : formatDate(money.refundDueBy, language);
  if (kind === 'unsettled') return `${w.unusedSoFar(amount)}${w.refundAtEnd(by)}.`;
  if (by === undefined) return `${w.owed(amount)}.`;
  const late = asOf !== undefined && money.refundDueBy !== null && asOf > money.refundDueBy;
  return `${w.owed(amount)}${late ? w.wasDueBy(by) : w.dueBy(by)}.`;
}

/** The amount paid above the cap in force on a payment's day, in words, when there is one. */
export function overCapSentence(money: MoneySummary, language: Language): string | undefined {
  const w = WORDS[language];
  return money.paidAboveCap > 0 ? w.overCap(w.euros(money.paidAboveCap)) : undefined;
}

/** What was refunded to another account than the collectivité's, in words, when there is some. */
export function refundedElsewhereSentence(
  money: MoneySummary,
  language: Language,
): string | undefined {
  const w = WORDS[language];
  return money.refundedElsewhere !== null && money.refundedElsewhere > 0
    ? w.refundedElsewhere(w.euros(money.refundedElsewhere))
    : undefined;
}
