/**
 * The json-rules-engine adapter: strict operators, and no shared engine between evaluations in
 * flight (json-rules-engine 7.3 skips rules when run() calls overlap on one engine).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFile, checkSource } from '../src/check.js';
import { missing } from '../src/facts/missing.js';
import { ConditionEvaluator, missingIn, referencesOf, resolvePath } from '../src/rules/engine.js';
import { OperatorTypeError, STRICT_OPERATORS } from '../src/rules/operators.js';
import { caseFiles, REFERENCE } from './helpers.js';

describe('strict operators', () => {
  const op = (name: string) => STRICT_OPERATORS[name]!.evaluate;

  it('compare dates as calendar dates, and refuse anything else', () => {
    expect(op('dateBefore')('2024-01-05', '2024-01-10')).toBe(true);
    expect(() => op('dateBefore')('2024-1-5', '2024-01-10')).toThrow(OperatorTypeError);
    expect(() => op('dateAfter')(20240105, '2024-01-10')).toThrow(OperatorTypeError);
  });

  it('compare amounts in integer cents only', () => {
    expect(op('amountAbove')(1_200_000, 1_000_000)).toBe(true);
    expect(() => op('amountAtMost')('150000', 150_000)).toThrow(
      'the operator amountAtMost compares amounts in integer cents, not "150000"',
    );
    expect(() => op('amountAbove')(10.5, 10)).toThrow(OperatorTypeError);
  });

  it('treat a thing that does not exist (null) as never comparable', () => {
    expect(op('dateBefore')(null, '2024-01-10')).toBe(false);
    expect(op('dateAfter')('2024-01-10', null)).toBe(false);
  });

  it('an evaluation that compares the wrong types fails loudly, it never passes quietly', async () => {
    const evaluator = new ConditionEvaluator(
      [
        {
          name: 'g',
          condition: { fact: 'item', path: 'amount', operator: 'amountAbove', value: 100 },
        },
      ],
      {},
    );
    await expect(evaluator.evaluate({ item: { amount: '150' } })).rejects.toThrow(
      OperatorTypeError,
    );
    expect(await evaluator.evaluate({ item: { amount: 150 } })).toEqual(new Map([['g', true]]));
  });
});

describe('unknown values are found before the engine runs', () => {
  it('follows paths and named conditions', () => {
    const refs = referencesOf(
      {
        all: [
          { condition: 'ended' },
          {
            fact: 'item',
            path: 'account.rib',
            operator: 'equal',
            value: { fact: 'params', path: 'rib' },
          },
        ],
      },
      {
        ended: {
          description: { fr: '', en: '' },
          when: { fact: 'convention', path: 'end', operator: 'dateAfter', value: '2020-01-01' },
        },
      },
    );
    expect(refs).toEqual([
      { fact: 'convention', path: 'end' },
      { fact: 'item', path: 'account.rib' },
      { fact: 'params', path: 'rib' },
    ]);
    const facts = {
      convention: { end: '2020-02-14' },
      item: { account: missing('/payments/0/account') },
      params: { rib: 'x' },
    };
    expect(resolvePath(facts.item, 'account.rib')).toEqual(missing('/payments/0/account'));
    expect(missingIn(refs, facts)).toEqual(['/payments/0/account']);
  });
});

describe('concurrent evaluations', () => {
  it('give the same findings as one after the other', async () => {
    const files = caseFiles().slice(0, 12);
    const sequential = [];
    for (const file of files) sequential.push(await checkFile(file));
    const concurrent = await Promise.all([...files, ...files].map((file) => checkFile(file)));
    expect(concurrent).toEqual([...sequential, ...sequential]);
  });

  it('the same record checked many times at once gives the same answer each time', async () => {
    const text = readFileSync(REFERENCE);
    const reports = await Promise.all(
      Array.from({ length: 25 }, () => checkSource(text, 'ref.yaml')),
    );
    for (const report of reports) expect(report).toEqual(reports[0]);
    expect(
      reports[0]!.findings.every((f) => f.status === 'satisfied' || f.status === 'not-applicable'),
    ).toBe(true);
  });
});
