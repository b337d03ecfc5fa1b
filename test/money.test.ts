/** Money: exact cents from the source text, and how amounts are written. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEurosEn, formatEurosFr, formatEurosPlain, parseEuros } from '../src/base/money.js';
import { ribKey, ribText } from '../src/facts/rib.js';

describe('parseEuros', () => {
  it('reads cents exactly, where floating point would not', () => {
    expect(parseEuros('0.29')).toEqual({ ok: true, value: 29 });
    expect(parseEuros('1.005')).toEqual({
      ok: false,
      problem:
        '1.005 has more than two decimals (an amount in euros is exact to the cent; if the dot separates the thousands, write 1005.00)',
    });
    // A dot between thousands, as French writes them, is never read as decimals.
    expect(parseEuros('10.000')).toEqual({
      ok: false,
      problem:
        '10.000 has more than two decimals (an amount in euros is exact to the cent; if the dot separates the thousands, write 10000.00)',
    });
    expect(parseEuros('1.2500')).toEqual({
      ok: false,
      problem: '1.2500 has more than two decimals (an amount in euros is exact to the cent)',
    });
    expect(parseEuros('+12.3')).toEqual({ ok: true, value: 1230 });
    expect(parseEuros('90071992547409.91')).toEqual({ ok: true, value: 9007199254740991 });
    expect(parseEuros('90071992547409.92')).toEqual({
      ok: false,
      problem: '90071992547409.92 is too large an amount (at most 90071992547409.91)',
    });
  });

  it('reads every amount of digits and decimals as whole cents, counted apart with big integers', () => {
    // Up to 16 digits of euros (past the 13 read without big integers, past the largest amount),
    // up to 4 decimals, leading zeros, signs and spaces: what a record may write.
    const amount = fc.record({
      sign: fc.constantFrom('', '+', '-'),
      euros: fc.stringMatching(/^[0-9]{1,16}$/),
      decimals: fc.option(fc.stringMatching(/^[0-9]{0,4}$/), { nil: undefined }),
      space: fc.constantFrom('', ' '),
    });
    fc.assert(
      fc.property(amount, ({ sign, euros, decimals, space }) => {
        const text = `${space}${sign}${euros}${decimals === undefined ? '' : `.${decimals}`}`;
        const parsed = parseEuros(text);
        const extra = (decimals ?? '').slice(2);
        const cents = BigInt(euros) * 100n + BigInt(((decimals ?? '') + '00').slice(0, 2));
        const refused =
          extra.length > 0 ||
          (sign === '-' && cents !== 0n) ||
          cents > BigInt(Number.MAX_SAFE_INTEGER);
        if (refused) expect(parsed.ok, text).toBe(false);
        else expect(parsed, text).toEqual({ ok: true, value: Number(cents) });
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what is not an amount', () => {
    expect(parseEuros('-0.01').ok).toBe(false);
    expect(parseEuros('-0.00')).toEqual({ ok: true, value: 0 });
    expect(parseEuros('.inf')).toEqual({
      ok: false,
      problem: "'.inf' (infinity) is not an amount",
    });
    expect(parseEuros('.NaN')).toEqual({
      ok: false,
      problem: "'.NaN' (not a number) is not an amount",
    });
    expect(parseEuros('1e4').ok).toBe(false);
    expect(parseEuros('0x10').ok).toBe(false);
  });
});

describe('formatting', () => {
  it('writes euros in French and English', () => {
    expect(formatEurosFr(1_200_000)).toBe('12 000,00 €');
    expect(formatEurosFr(5)).toBe('0,05 €');
    expect(formatEurosFr(-115_000)).toBe('-1 150,00 €');
    expect(formatEurosEn(123_456_789)).toBe('€1,234,567.89');
    expect(formatEurosEn(-5)).toBe('-€0.05');
    expect(formatEurosPlain(1_200_000)).toBe('12000.00');
  });
});

describe('RIB keys', () => {
  it('computes the keys of the convention’s two accounts, letters included', () => {
    expect(ribKey({ bank: '30001', branch: '00064', number: '00000092441' })).toBe('40');
    expect(ribKey({ bank: '30001', branch: '00934', number: 'C9320000000' })).toBe('63');
    // J counts as 1 like A, S as 2: these accounts differ only by the letter and share a key.
    expect(ribKey({ bank: '30001', branch: '00934', number: 'J9320000000' })).toBe(
      ribKey({ bank: '30001', branch: '00934', number: 'A9320000000' }),
    );
    expect(ribKey({ bank: '30001', branch: '00934', number: 'S9320000000' })).toBe(
      ribKey({ bank: '30001', branch: '00934', number: 'B9320000000' }),
    );
    expect(ribText({ bank: '30001', branch: '00934', number: 'c9320000000', key: '63' })).toBe(
      '30001 00934 C9320000000 63',
    );
  });
});
