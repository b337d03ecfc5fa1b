/**
 * Money as integer cents. Amounts are read from the YAML source text, digit by digit, never
 * through binary floating point: `0.1 + 0.2` never happens here.
 */
import { quote } from './quote.js';
import type { Parsed } from './calendar.js';

/** An amount in integer cents of a euro. */
export type Cents = number;

/**
 * The largest amount counted exactly to the cent, as records write it: Number.MAX_SAFE_INTEGER
 * cents. A record's amounts may not add up to more either, so that every sum a pack makes of them
 * is exact (see decodeRecord).
 */
export const LARGEST_AMOUNT = '90071992547409.91';

/**
 * Reads an amount in euros as written in a YAML file (`10000`, `10000.5`, `10000.00`, `+12.30`)
 * into cents. More than two decimals (zeros too), a negative amount, NaN or infinity is refused,
 * with a problem that says so.
 */
export function parseEuros(source: string): Parsed<Cents> {
  const plain = plainCents(source);
  if (plain !== undefined) return { ok: true, value: plain };
  const text = source.trim();
  if (/^[-+]?\.(nan|NaN|NAN)$/.test(text)) {
    return { ok: false, problem: `${quote(text)} (not a number) is not an amount` };
  }
  if (/^[-+]?\.(inf|Inf|INF)$/.test(text)) {
    return { ok: false, problem: `${quote(text)} (infinity) is not an amount` };
  }
  const match = /^([-+]?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) {
    return {
      ok: false,
      problem: `${quote(text)} is not an amount in euros (write digits with a dot before the cents, e.g. 10000.00)`,
    };
  }
  const [, sign, units, decimals = ''] = match;
  if (sign === '-' && !/^0*$/.test(units! + decimals)) {
    return { ok: false, problem: `${text} is negative (expected an amount of at least 0)` };
  }
  // Even zeros: `10.000` is how French writes ten thousand, and read as 10.00 it would be off by
  // a thousand, without a word.
  if (decimals.length > 2) {
    return {
      ok: false,
      problem: /^[+]?\d{1,3}\.\d{3}$/.test(text)
        ? `${text} has more than two decimals (an amount in euros is exact to the cent; if the dot separates the thousands, write ${units}${decimals}.00)`
        : `${text} has more than two decimals (an amount in euros is exact to the cent)`,
    };
  }
  const cents = BigInt(units!) * 100n + BigInt((decimals + '00').slice(0, 2));
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, problem: `${text} is too large an amount (at most ${LARGEST_AMOUNT})` };
  }
  return { ok: true, value: Number(cents) };
}

/**
 * The cents of an amount written the usual way, digits then at most two decimals after a dot
 * (`10000`, `10000.5`, `10000.00`), counted in a Number, which is exact below 2^53: at most 13
 * digits of euros are read here. Anything else (a sign, spaces, more digits or decimals) is left
 * to parseEuros's general path: undefined. Records hold one amount per expense, and this spares
 * each the regular expressions and big integers of the general path.
 */
function plainCents(text: string): Cents | undefined {
  const length = text.length;
  let i = 0;
  let euros = 0;
  for (; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    euros = euros * 10 + digit;
  }
  if (i === 0 || i > 13) return undefined;
  if (i === length) return euros * 100;
  // A dot, then zero, one or two digits.
  if (text.charCodeAt(i) !== 46 || length - i > 3) return undefined;
  let cents = 0;
  for (let k = i + 1, scale = 10; k < length; k++, scale /= 10) {
    const digit = text.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) return undefined;
    cents += digit * scale;
  }
  return euros * 100 + cents;
}

/** Formats cents as euros in French: `12 000,00 €`. Thousands are grouped with a plain space. */
export function formatEurosFr(cents: Cents): string {
  return `${groupedUnits(cents, ' ')},${centsPart(cents)} €`;
}

/** Formats cents as euros in English: `€12,000.00`. */
export function formatEurosEn(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  return `${sign}€${groupedUnits(Math.abs(cents), ',')}.${centsPart(cents)}`;
}

function groupedUnits(cents: Cents, separator: string): string {
  const sign = cents < 0 ? '-' : '';
  const units = String(Math.floor(Math.abs(cents) / 100));
  return sign + units.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function centsPart(cents: Cents): string {
  return String(Math.abs(cents) % 100).padStart(2, '0');
}

/** Formats cents as a plain decimal string in euros, as a YAML or JSON reader expects: `12000.00`. */
export function formatEurosPlain(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  return `${sign}${Math.floor(Math.abs(cents) / 100)}.${centsPart(cents)}`;
}
