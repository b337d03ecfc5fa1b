/**
 * Derived facts (a pack's facts.yaml): the legal readings that are computations live in the
 * pack, not in TypeScript; another pack redefines them without code; a broken facts.yaml is
 * refused, each problem located; and the mechanisms compute what they say.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/pipeline.js';
import { formatTextFile } from '../src/report/text.js';
import { balanceSentence, overCapSentence } from '../src/words/money.js';
import { compileFormula, type Scope } from '../src/facts/formula.js';
import { isMissing, Missing } from '../src/facts/missing.js';
import { READER_COLLECTIONS, READER_GLOBALS } from '../src/facts/reader.js';
import { loadRulePack } from '../src/rules/pack/load.js';
import { builtInPacksDir } from '../src/rules/pack/root.js';
import { RulePackError } from '../src/rules/pack/types.js';
import type { Formula } from '../src/model/expressions.js';
import { caseFiles, REFERENCE, tempDir } from './helpers.js';

const PACK = join(builtInPacksDir(), 'dinsic-preincubation-2019');

describe('the legal readings that are computations', () => {
  const pack = loadRulePack(PACK);
  /** Each derived fact obligations.md's readings rest on, as `collection.field` or a global. */
  const DERIVED = [
    'convention.start', // the convention takes effect at the last signature (art. 2)
    'convention.end', // at the end of phase 5, or at its termination (art. 2, art. 5)
    'convention.signedOn', // a signature without its date is unknown
    'phases.end', // a termination ends the phase under way
    'phases.start',
    'phases.skipped',
    'phases.cutByTermination',
    'expenses.eligible', // eligible purposes, within the convention's period (art. 4)
    'programme.eligibleExpenses',
    'programme.usedFunds', // min(paid, eligible)
    'programme.refundDue', // paid less used (art. 4 al. 4)
    'programme.refunded', // only to the collectivité's account (Code civil 1342-2)
    'programme.refundCompletedOn',
    'refunds.toCollectivite',
    'intrapreneurWeeks.inPreincubation', // the weeks owed (art. 1)
    'intrapreneurWeeks.member',
    'intrapreneurWeeks.releaseDays', // a week missing from release counts as zero
    'terminations.noticeRunsFrom', // the notice runs from its receipt (art. 5, CPC 640)
    'amendments.signedByBothOn', // an amendment takes effect at its last signature
    'payments.dueFrom',
    'payments.paidToDate',
    'projects.supportInPhase3', // support counts during phase 3 only
  ];

  it('are each written in the pack’s facts.yaml, with a formula of mechanisms', () => {
    const facts = pack.facts;
    for (const name of DERIVED) {
      const [first, field] = name.split('.') as [string, string];
      const global = facts.facts?.[first]?.fields?.[field];
      const inCollection =
        facts.fields?.[first]?.[field] ?? facts.collections?.[first]?.fields[field];
      const fact = global ?? inCollection;
      expect(fact, name).toBeDefined();
      expect(fact!.formula ?? fact!.fields, name).toBeDefined();
      expect(fact!.description.fr.length, name).toBeGreaterThan(0);
    }
  });

  it('are none of them computed by the TypeScript that reads the record', () => {
    for (const name of DERIVED) {
      const [first, field] = name.split('.') as [string, string];
      expect(READER_COLLECTIONS[first]?.fields[field], name).toBeUndefined();
      expect(READER_GLOBALS[first], name).toBeUndefined();
    }
    // And the hand-kept catalogue of measured facts is gone.
    expect(() => readFileSync(join(import.meta.dirname, '../src/facts/catalogue.ts'))).toThrow();
    expect(() => readFileSync(join(import.meta.dirname, '../src/facts/measure.ts'))).toThrow();
  });
});

describe('another pack redefines a derived fact without code', () => {
  /** A pack extending the 2019 one, with the files given. */
  function packWith(files: Record<string, string>): string {
    const dir = join(tempDir(), 'other-pack');
    cpSync(join(builtInPacksDir(), 'dinsic-preincubation-departement-exemple'), dir, {
      recursive: true,
    });
    writeFileSync(
      join(dir, 'pack.yaml'),
      readFileSync(join(dir, 'pack.yaml'), 'utf8')
        .replace(/^extends: .*$/m, `extends: ${PACK}`)
        .replace(/^cases: .*$/m, ''),
    );
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }
  // The reference programme, with a coaching expense after the end and no refund yet.
  const record = readFileSync(REFERENCE, 'utf8')
    .replace(
      '  - { id: coaching-janvier, date: 2020-01-31, amount: 1400.00, purpose: coaching }',
      '  - { id: coaching-janvier, date: 2020-01-31, amount: 1400.00, purpose: coaching }\n' +
        '  - { id: coaching-fevrier, date: 2020-02-20, amount: 500.00, purpose: coaching }',
    )
    .replace(/^refunds:\n(?: {2,}.*\n)+/m, 'refunds: []\n')
    .replace(
      'template: dinsic-preincubation-2019',
      'template: dinsic-preincubation-departement-exemple',
    );

  it('eligible expenses whatever their date, and a refund due 40 working days after the end', async () => {
    const dir = packWith({
      'facts.yaml': [
        'fields:',
        '  expenses:',
        '    eligible:',
        '      description: { fr: "objet éligible, quelle que soit la date", en: "an eligible purpose, whatever the day" }',
        '      type: boolean',
        '      formula: { fact: item, path: purpose, operator: in, value: { fact: params, path: eligiblePurposes } }',
        '',
      ].join('\n'),
      'parameters.yaml': [
        'parameters:',
        '  refundDelay:',
        '    description: { fr: délai de restitution, en: refund delay }',
        '    type: period',
        '    counting: working-days',
        '    values: [{ value: P40D }]',
        '    clauses: [art4.al4]',
        '    amendable: true',
        '',
      ].join('\n'),
    });
    const pack = loadRulePack(dir);
    const judge = (asOf: string) =>
      checkSource(record, 'record.yaml', { pack, asOf, language: 'fr' }).then((report) =>
        report.findings.find((f) => f.rule === 'A4-REFUND-UNUSED')!,
      );
    // 40 working days after Friday 14 February 2020: Friday 10 April (Easter Monday is the 13th).
    expect(await judge('2020-04-10')).toMatchObject({ status: 'pending', due: '2020-04-10' });
    expect(await judge('2020-04-11')).toMatchObject({
      status: 'breach',
      case: 'not-refunded',
      message:
        'Restitutions sur le compte de la collectivité : 0,00 € au 11/04/2020 pour 650,00 € dus au plus tard le 10/04/2020 (versé 10 000,00 €, crédits utilisés 9 350,00 €).',
    });
    // The same record with the 2019 pack: the expense after the end is not eligible.
    const report = await checkSource(
      record.replace(
        'template: dinsic-preincubation-departement-exemple',
        'template: dinsic-preincubation-2019',
      ),
      'record.yaml',
      { asOf: '2020-04-11', language: 'fr' },
    );
    expect(report.money).toMatchObject({ eligibleExpenses: 885_000, refundDue: 115_000 });
  });

  it('a broken facts.yaml is refused, each problem located in it', () => {
    const dir = packWith({
      'facts.yaml': [
        'fields:',
        '  expenses:',
        '    eligible:',
        '      description: { fr: a, en: a }',
        '      type: boolean',
        '      formula: { fact: item, path: purpse, operator: in, value: { fact: params, path: eligiblePurposes } }',
        '    early:',
        '      description: { fr: b, en: b }',
        '      type: boolean',
        '      formula: { fact: item, path: late, operator: equal, value: true }',
        '    late:',
        '      description: { fr: c, en: c }',
        '      type: money',
        '      formula: { sum: { over: expensez, of: amount } }',
        '  programme:',
        '    paid:',
        '      description: { fr: d, en: d }',
        '      type: money',
        '      formula: { sum: { over: payments, of: amont } }',
        'facts:',
        '  loop:',
        '    description: { fr: e, en: e }',
        '    type: date',
        '    formula: { latest: [{ fact: other }] }',
        '  other:',
        '    description: { fr: f, en: f }',
        '    type: date',
        '    formula: { addPeriod: { to: { fact: loop }, period: { fact: params, path: fundingCap } } }',
        '',
      ].join('\n'),
    });
    let error: RulePackError | undefined;
    try {
      loadRulePack(dir);
    } catch (e) {
      error = e as RulePackError;
    }
    expect(error).toBeInstanceOf(RulePackError);
    const problems = error!.problems
      .filter((p) => p.file.endsWith('other-pack/facts.yaml'))
      .map((p) => `${p.line}:${p.column}: ${p.message}`);
    expect(problems).toEqual([
      '6:36: the items of expenses have no field purpse',
      '8:7: early uses late, which is written after it: write late first',
      '14:31: there is no collection expensez',
      '19:45: the items of payments have no field amont',
      '22:5: the derived facts depend on themselves: loop -> other -> loop',
      '28:57: the period is a parameter that is a period: { fact: params, path: <name> }',
    ]);
  });
});

describe('the mechanisms', () => {
  const rows: Record<string, Record<string, unknown>[]> = {
    refunds: [
      { date: '2020-03-01', amount: 100, to: true, pointer: '/refunds/0' },
      { date: '2020-02-01', amount: 50, to: true, pointer: '/refunds/1' },
      { date: '2020-04-01', amount: 500, to: false, pointer: '/refunds/2' },
      { date: null, amount: 1, to: null, pointer: '/refunds/3' },
    ],
  };
  const scope: Scope = {
    asOf: '2020-06-30',
    params: { delay: 'P1M', days: 'P3D' },
    item: {
      x: 3,
      unknown: new Missing(['/x']),
      alsoUnknown: new Missing(['/y', '/x']),
      none: null,
      dates: ['2020-01-06', '2020-01-08', '2020-01-20'],
    },
    global: (name) => (name === 'g' ? '2020-02-29' : undefined),
    collection: (name) => rows[name] ?? [],
    counting: (name) => (name === 'days' ? 'working-days' : 'code-de-procedure-civile'),
  };
  const run = (formula: unknown): unknown =>
    compileFormula(formula as Formula, { placeOf: () => 'date', conditions: {} })(scope);
  const item = (path: string) => ({ fact: 'item', path });

  it('latest, earliest, min, max leave nulls out, and are unknown when a part is', () => {
    expect(run({ latest: [{ fact: 'g' }, { value: '2019-01-01' }, item('none')] })).toBe(
      '2020-02-29',
    );
    expect(run({ earliest: [{ fact: 'g' }, { value: '2019-01-01' }] })).toBe('2019-01-01');
    expect(run({ earliest: [item('none')] })).toBeNull();
    expect((run({ latest: [{ fact: 'g' }, item('unknown')] }) as Missing).pointers).toEqual(['/x']);
    expect(run({ max: [item('x'), { value: 7 }] })).toBe(7);
  });

  it('sum, count, exists and reachedOn over the items that count', () => {
    const to = { fact: 'item', path: 'to', operator: 'equal', value: true };
    expect(run({ sum: { over: 'refunds', of: 'amount', where: to } })).toBe(150);
    expect(run({ count: { over: 'refunds', where: to } })).toBe(2);
    expect(
      run({
        exists: {
          over: 'refunds',
          where: { fact: 'item', path: 'amount', operator: 'numberAbove', value: 400 },
        },
      }),
    ).toBe(true);
    // By day: 50 on 1 February, then 100 on 1 March reach 120.
    expect(
      run({
        reachedOn: { over: 'refunds', of: 'amount', on: 'date', amount: { value: 120 }, where: to },
      }),
    ).toBe('2020-03-01');
    expect(
      run({
        reachedOn: {
          over: 'refunds',
          of: 'amount',
          on: 'date',
          amount: { value: 1000 },
          where: to,
        },
      }),
    ).toBeNull();
    // An item whose day the record lacks makes the earliest unknown, naming it.
    const earliest = run({ earliest: { over: 'refunds', of: 'date', unknownIfAbsent: true } });
    expect(isMissing(earliest) && earliest.pointers).toEqual(['/refunds/3/date']);
  });

  it('conditions inside formulas are three-valued: what is known decides', () => {
    const unknown = { fact: 'item', path: 'unknown', operator: 'numberAbove', value: 1 };
    const yes = { fact: 'item', path: 'x', operator: 'numberAbove', value: 1 };
    const no = { fact: 'item', path: 'x', operator: 'numberBelow', value: 1 };
    expect(run({ any: [unknown, yes] })).toBe(true);
    expect(run({ all: [unknown, no] })).toBe(false);
    expect(isMissing(run({ all: [unknown, yes] }))).toBe(true);
    expect(isMissing(run({ not: unknown }))).toBe(true);
  });

  it('minus, firstOf, if, valueAt, countDates, place', () => {
    expect(run({ minus: [{ value: 1000 }, item('x')] })).toBe(997);
    expect(run({ minus: [{ value: 1000 }, item('none')] })).toBeNull();
    expect(run({ firstOf: [item('none'), item('x')] })).toBe(3);
    expect(
      run({
        if: { fact: 'item', path: 'x', operator: 'equal', value: 3 },
        then: { value: 'a' },
        else: { value: 'b' },
      }),
    ).toBe('a');
    expect(run({ valueAt: { map: { value: null }, key: { value: 'k' } } })).toBeNull();
    expect(
      run({
        countDates: {
          dates: item('dates'),
          from: { value: '2020-01-06' },
          to: { value: '2020-01-12' },
        },
      }),
    ).toBe(2);
    expect(
      run({ place: { in: { value: '/projects/0' }, at: ['release', { value: '2019-W42' }] } }),
    ).toBe('/projects/0/release/2019-W42');
  });

  it('over several parts: unknown before none, the unknown places in order, once each', () => {
    const pointers = (formula: unknown): unknown => {
      const value = run(formula);
      return isMissing(value) ? value.pointers : value;
    };
    const both = [item('unknown'), item('none'), item('alsoUnknown')];
    for (const kind of ['latest', 'earliest', 'min', 'max', 'plus'])
      expect(pointers({ [kind]: both }), kind).toEqual(['/x', '/y']);
    expect(pointers({ minus: [item('none'), item('alsoUnknown')] })).toEqual(['/y', '/x']);
    expect(run({ plus: [{ value: 0.1 }, { value: 0.2 }, item('x')] })).toBe(0.1 + 0.2 + 3);
    expect(run({ plus: [item('x'), item('none')] })).toBeNull();
    expect(run({ minus: [item('x'), { value: 10 }] })).toBe(-7);
    expect(run({ min: [item('x'), { value: 7 }, item('none')] })).toBe(3);
    expect(
      pointers({
        countDates: { dates: item('dates'), from: item('alsoUnknown'), to: item('unknown') },
      }),
    ).toEqual(['/y', '/x']);
    expect(
      pointers({ place: { in: item('unknown'), at: ['release', item('alsoUnknown')] } }),
    ).toEqual(['/x', '/y']);
    expect(
      run({ place: { in: { value: '/projects/0' }, at: ['a/b', { value: '~c' }, item('x')] } }),
    ).toBe('/projects/0/a~1b/~0c/3');
  });

  it('addPeriod counts as the parameter says: the Code de procédure civile, or working days', () => {
    // 29 February 2020 + 1 month = Sunday 29 March, moved to Monday 30 March.
    expect(
      run({ addPeriod: { to: { fact: 'g' }, period: { fact: 'params', path: 'delay' } } }),
    ).toBe('2020-03-30');
    expect(
      run({
        addPeriod: {
          to: { fact: 'g' },
          period: { fact: 'params', path: 'delay' },
          counting: 'calendar',
        },
      }),
    ).toBe('2020-03-29');
    // Three working days after Saturday 29 February 2020: Monday 2 to Wednesday 4 March.
    expect(
      run({ addPeriod: { to: { fact: 'g' }, period: { fact: 'params', path: 'days' } } }),
    ).toBe('2020-03-04');
  });
});

describe('the money summary, as the pack derives it', () => {
  const record = readFileSync(REFERENCE, 'utf8');
  const account =
    '    account: { bank: "30001", branch: "00934", number: C9320000000, key: "63" }\n';

  it('owes what is due less what reached the collectivité’s account, to the cent', async () => {
    const report = await checkSource(record, 'record.yaml', { language: 'en' });
    expect(report.money).toMatchObject({ refundDue: 115_000, refunded: 115_000, balance: 0 });
    // Half the refund to another account: it does not discharge the debt.
    const elsewhere = record
      .replace('amount: 1150.00', 'amount: 575.00')
      .replace(
        account,
        `${account}  - { id: ailleurs, date: 2020-04-16, from: dinsic, to: collectivite, amount: 575.00,` +
          ' account: { bank: "30004", branch: "00001", number: "00012345678", key: "90" } }\n',
      );
    const split = await checkSource(elsewhere, 'record.yaml', { language: 'en' });
    expect(split.money).toMatchObject({
      refunded: 57_500,
      refundedElsewhere: 57_500,
      balance: 57_500,
    });
  });

  it('says who owes what and by when, settled only once the convention has ended', async () => {
    // The reference record ends with phase 5 on 2020-02-14; its refund of 1,150.00 € is made on
    // 2020-04-15, three months being allowed (2020-05-14). Each line is the text report's.
    const said = async (asOf: string, language: 'en' | 'fr', text = record) => {
      const report = await checkSource(text, 'record.yaml', { language, asOf });
      const sentence = balanceSentence(report.money!, report.asOf, language);
      // As the text report says it.
      expect(formatTextFile(report, { language })).toContain(`\n  ${sentence}\n`);
      return { money: report.money!, sentence };
    };
    // Before the end: what is unused so far is not owed yet.
    expect(await said('2019-12-01', 'en')).toEqual({
      money: expect.objectContaining({
        refundDue: 445_000,
        balance: 445_000,
        refundSettled: false,
        refundDueBy: '2020-05-14',
      }) as unknown,
      sentence:
        'Unused and not refunded so far: €4,450.00; what is still unused when the convention ends is to be refunded to the collectivité by 2020-05-14.',
    });
    expect((await said('2019-12-01', 'fr')).sentence).toBe(
      'Non utilisé et non restitué à ce jour : 4 450,00 € ; ce qui ne sera pas utilisé à la fin de la convention est à restituer à la collectivité au plus tard le 14/05/2020.',
    );
    // Ended, the refund not yet made: owed, by the deadline; then past it.
    expect(await said('2020-04-01', 'en')).toEqual({
      money: expect.objectContaining({ balance: 115_000, refundSettled: true }) as unknown,
      sentence: 'The DINSIC owes €1,150.00 to the collectivité, to be refunded by 2020-05-14.',
    });
    expect((await said('2020-04-01', 'fr')).sentence).toBe(
      'La DINSIC doit 1 150,00 € à la collectivité, à restituer au plus tard le 14/05/2020.',
    );
    const unpaid = record.replace(/\nrefunds:\n(?: {2}.*\n)+/, '\nrefunds: []\n');
    expect(unpaid).not.toBe(record);
    expect((await said('2020-05-14', 'en', unpaid)).sentence).toBe(
      'The DINSIC owes €1,150.00 to the collectivité, to be refunded by 2020-05-14.',
    );
    expect((await said('2020-05-15', 'en', unpaid)).sentence).toBe(
      'The DINSIC owes €1,150.00 to the collectivité, which it was to refund by 2020-05-14.',
    );
    expect((await said('2020-05-15', 'fr', unpaid)).sentence).toBe(
      'La DINSIC doit 1 150,00 € à la collectivité, qu’elle devait restituer au plus tard le 14/05/2020.',
    );
    // Refunded: nothing owed; refunded too much: owed back, with no deadline in the convention.
    expect((await said('2020-06-30', 'en')).sentence).toBe('Nothing is owed between the parties.');
    const over = record.replace('amount: 1150.00', 'amount: 1500.00');
    expect(over).not.toBe(record);
    expect((await said('2020-06-30', 'en', over)).sentence).toBe(
      'The DINSIC refunded €350.00 too much: the collectivité owes it back.',
    );
  });

  it('says what was paid above the cap as A4-CAP judges it: with the cap of the payment’s day', async () => {
    const raised = readFileSync(
      'cases/A5-TERMS-BY-AMENDMENT/a-cap-raised-after-the-payment-does-not-cover-it.yaml',
      'utf8',
    );
    const judged = async (text: string) => {
      const report = await checkSource(text, 'record.yaml', { language: 'en' });
      return {
        cap: report.money!.cap,
        paidAboveCap: report.money!.paidAboveCap,
        said: overCapSentence(report.money!, 'en'),
        capRule: report.findings.find((f) => f.rule === 'A4-CAP')!.status,
      };
    };
    // Raised to 12,000.00 € after the payment of 12,000.00 €: the payment was 2,000.00 € over.
    expect(await judged(raised)).toEqual({
      cap: 1_200_000,
      paidAboveCap: 200_000,
      said: 'Paid above the cap in force on the day of payment: €2,000.00.',
      capRule: 'breach',
    });
    // Lowered to 8,000.00 € after the payment of 10,000.00 €: the payment was within its cap.
    const lowered = raised
      .replaceAll('fundingCap: 12000.00', 'fundingCap: 8000.00')
      .replace('    amount: 12000.00', '    amount: 10000.00');
    expect(await judged(lowered)).toEqual({
      cap: 800_000,
      paidAboveCap: 0,
      said: undefined,
      capRule: 'satisfied',
    });
  });

  it('has something paid above the cap exactly where A4-CAP breaches, on every case', async () => {
    const seen = new Set<boolean>();
    for (const file of caseFiles()) {
      const report = await checkSource(readFileSync(file, 'utf8'), file, { language: 'en' });
      if (report.money === undefined) continue;
      const breached = report.findings.some((f) => f.rule === 'A4-CAP' && f.status === 'breach');
      expect(report.money.paidAboveCap > 0, file).toBe(breached);
      seen.add(breached);
    }
    expect([...seen].sort()).toEqual([false, true]);
  });

  it('leaves what is still owed unknown when a refund’s account is not written', async () => {
    expect(record).toContain(account);
    const report = await checkSource(record.replace(account, ''), 'record.yaml', {
      language: 'en',
    });
    // What the refund discharges is unknown too: neither refunded nor refunded elsewhere (0
    // would say nothing was refunded).
    expect(report.money).toMatchObject({
      paid: 1_000_000,
      refundDue: 115_000,
      refunded: null,
      refundedElsewhere: null,
      balance: null,
    });
  });
});
