/**
 * The json-rules-engine adapter: strict operators, and no shared engine between evaluations in
 * flight (json-rules-engine 7.3 skips rules when run() calls overlap on one engine).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkFile, checkRecord, checkSource, PackRegistry } from '../src/pipeline.js';
import { missing } from '../src/facts/missing.js';
import { ParameterTimeline } from '../src/facts/params.js';
import { ConditionEvaluator, missingIn, referencesOf, resolvePath } from '../src/rules/engine.js';
import {
  operatorSpec,
  OperatorTypeError,
  refusedOperator,
  STRICT_OPERATORS,
} from '../src/facts/operators.js';
import { loadRulePack, readRulePack } from '../src/rules/pack/load.js';
import type { CollectionAnswers, RulePack } from '../src/rules/pack/types.js';
import { builtInPacksDir } from '../src/rules/pack/root.js';
import { formatValue } from '../src/rules/template.js';
import { caseFiles, REFERENCE, ROOT } from './helpers.js';

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

describe('names are looked up as own entries, never on the prototype chain', () => {
  it('`constructor`, `toString` and `__proto__` are no operators, allowed or refused', () => {
    for (const name of ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty']) {
      expect(operatorSpec(name), name).toBeUndefined();
      expect(refusedOperator(name), name).toBeUndefined();
    }
    expect(operatorSpec('amountAbove')?.kind).toBe('money');
    expect(refusedOperator('lessThan')).toBe('dateBefore, amountBelow or numberBelow');
  });

  it('a party format writes a value that names no party as it is', () => {
    expect(formatValue('constructor', 'party', 'fr')).toBe('constructor');
    expect(formatValue(['dinsic', 'toString'], 'parties', 'en')).toBe('the DINSIC and toString');
  });

  it('the parameters in force on a day hold only parameters', () => {
    const values = new ParameterTimeline({}).at(0);
    expect(values.constructor).toBeUndefined();
    expect(values.toString).toBeUndefined();
  });

  it('a message filled at run time reads own fields only, whatever slipped past loading', async () => {
    // Loading refuses these placeholders (test/hostile-packs.test.ts); filling must not rely on it.
    const pack = loadRulePack(join(builtInPacksDir(), 'dinsic-preincubation-2019'));
    const message = {
      fr: '{constructor} {item.constructor} {params.fundingCap.toString} {item.paidToDate|eur}',
      en: '{toString} {item.valueOf} {params.constructor} {item.paidToDate|eur}',
    };
    const rules = pack.rules.map((rule) =>
      rule.id === 'A4-CAP'
        ? { ...rule, breaches: rule.breaches.map((breach) => ({ ...breach, message })) }
        : rule,
    );
    const report = await checkRecord(
      { path: join(ROOT, 'cases/A4-CAP/a-payment-of-12000-euros-breaches-the-cap.yaml') },
      { pack: { ...pack, rules }, language: 'en' },
    );
    const breach = report.findings.find((f) => f.rule === 'A4-CAP' && f.status === 'breach');
    expect(breach?.message).toBe('none none none €12,000.00');
  });
});

describe('the key of a set of comparisons (ConditionEvaluator.outcomeKey)', () => {
  /** `count` comparisons `n{i} = 1`, in one group; the facts read n0, n1... */
  const evaluatorOf = (count: number) =>
    new ConditionEvaluator(
      [
        {
          name: 'g0',
          condition: {
            all: Array.from({ length: count }, (_, i) => ({
              fact: `n${i}`,
              operator: 'equal',
              value: 1,
            })),
          },
        },
      ],
      {},
    );
  /** Facts where exactly the comparisons at `truths` hold. */
  const factsWith = (count: number, truths: number[]) => ({
    get: (fact: string): unknown =>
      Number(fact.slice(1)) < count && truths.includes(Number(fact.slice(1))) ? 1 : 0,
  });

  it('is a number with one bit per comparison, up to 30 comparisons', () => {
    const evaluator = evaluatorOf(30);
    expect(evaluator.outcomeKey(factsWith(30, []))).toBe(0);
    expect(evaluator.outcomeKey(factsWith(30, [0, 2]))).toBe(0b101);
    expect(evaluator.outcomeKey(factsWith(30, [29]))).toBe(2 ** 29);
  });

  it('is a string of one digit per comparison past 30, and tells apart what differs in the last', () => {
    const evaluator = evaluatorOf(40);
    const none = evaluator.outcomeKey(factsWith(40, []));
    const last = evaluator.outcomeKey(factsWith(40, [39]));
    expect(none).toBe('0'.repeat(40));
    expect(last).toBe(`${'0'.repeat(39)}1`);
    expect(evaluator.outcomeKey(factsWith(40, [0, 31]))).toBe(
      `1${'0'.repeat(30)}1${'0'.repeat(8)}`,
    );
  });

  it('answers as the engine does, whichever kind of key', async () => {
    for (const count of [30, 40]) {
      const evaluator = evaluatorOf(count);
      const all = Array.from({ length: count }, (_, i) => i);
      const context = (truths: number[]) =>
        Object.fromEntries(all.map((i) => [`n${i}`, truths.includes(i) ? 1 : 0]));
      expect((await evaluator.evaluate(context(all))).get('g0')).toBe(true);
      expect((await evaluator.evaluate(context(all.slice(1)))).get('g0')).toBe(false);
      expect(evaluator.outcomeKey(factsWith(count, all))).not.toBe(
        evaluator.outcomeKey(factsWith(count, all.slice(1))),
      );
    }
  });
});

describe('the answers a pack snapshot holds (CollectionAnswers)', () => {
  const dir = join(builtInPacksDir(), 'dinsic-preincubation-2019');
  /** Every case's findings, checked with a pack, its evaluator's memo fresh. */
  const findingsOf = async (pack: RulePack): Promise<unknown[]> => {
    const registry = new PackRegistry();
    const out: unknown[] = [];
    for (const file of caseFiles())
      out.push((await checkFile(file, { pack, language: 'en' }, registry)).findings);
    return out;
  };
  /** The pack's answers with every condition's answer turned over. */
  const turnedOver = (answers: Record<string, CollectionAnswers>, conditions?: string) =>
    Object.fromEntries(
      Object.entries(answers).map(([collection, known]) => [
        collection,
        {
          conditions: conditions ?? known.conditions,
          answers: known.answers.map(([key, holds]) => [
            key,
            holds.replace(/[01]/g, (c) => (c === '1' ? '0' : '1')),
          ]),
        },
      ]),
    ) as Record<string, CollectionAnswers>;

  it('are worked out by the build on the pack’s cases, for every collection its rules go over', () => {
    const restored = loadRulePack(dir);
    const answers = restored.answers!;
    expect(Object.keys(answers).sort()).toEqual(
      [...new Set(restored.rules.map((r) => r.over))].sort(),
    );
    for (const known of Object.values(answers)) {
      expect(known.answers.length).toBeGreaterThan(0);
      const groups = known.conditions.split('\n').length;
      for (const [, holds] of known.answers) expect(holds).toMatch(new RegExp(`^[01]{${groups}}$`));
    }
    // A pack read from its files has none: its checks run the engine.
    expect(readRulePack(dir).answers).toBeUndefined();
  });

  it('spare the reference record every run of json-rules-engine, and change no finding', async () => {
    const evaluate = vi.spyOn(ConditionEvaluator.prototype, 'evaluate');
    try {
      const restored = loadRulePack(dir);
      const read = readRulePack(dir);
      const check = (pack: RulePack) =>
        checkFile(REFERENCE, { pack, language: 'en' }, new PackRegistry());
      const withAnswers = await check(restored);
      expect(evaluate).not.toHaveBeenCalled();
      const withEngine = await check(read);
      expect(evaluate).toHaveBeenCalled();
      expect(withAnswers.findings).toEqual(withEngine.findings);
    } finally {
      evaluate.mockRestore();
    }
  });

  it('give every case the findings the engine gives', async () => {
    expect(await findingsOf(loadRulePack(dir))).toEqual(await findingsOf(readRulePack(dir)));
  }, 60_000);

  it('serve only the conditions they were worked out for', async () => {
    const restored = loadRulePack(dir);
    const engine = await findingsOf(readRulePack(dir));
    // Turned over, the answers change the verdicts: the checks do read them...
    const wrong = { ...restored, answers: turnedOver(restored.answers!) };
    expect(await findingsOf(wrong)).not.toEqual(engine);
    // ...but not when they were worked out for other conditions (a rule's changed since).
    const stale = { ...restored, answers: turnedOver(restored.answers!, '{"fact":"other"}') };
    expect(await findingsOf(stale)).toEqual(engine);
  }, 60_000);
});
