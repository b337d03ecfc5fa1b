/**
 * Loading records: every kind of bad input gets its own message, at its exact line and column,
 * and never a crash. Amounts are exact cents from the source text; dates are calendar days.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRecordBytes, loadRecordText } from '../src/load/index.js';
import { reading } from '../src/load/read.js';
import { DATE_DEFINITIONS } from '../src/load/schema.js';
import { walkToDefinition, walkWithSchema } from '../src/load/schema-walk.js';
import { parseYaml } from '../src/load/yaml/parse.js';
import { caseFiles, REFERENCE } from './helpers.js';

const base = `convention:
  id: test
  template: dinsic-preincubation-2019
parties:
  dinsic: {}
  collectivite: {}
`;

/** The problems of a record, as `line:column message`. */
function problems(text: string): string[] {
  return loadRecordText(text, 'test.yaml').problems.map(
    (p) => `${p.line}:${p.column} ${p.message}`,
  );
}

describe('a valid record', () => {
  it('the reference record loads with no problem, amounts in cents', () => {
    const loaded = loadRecordBytes(readFileSync(REFERENCE), 'ref.yaml');
    expect(loaded.problems).toEqual([]);
    expect(loaded.record?.payments?.[0]?.amount).toBe(1_000_000);
    expect(loaded.record?.expenses?.map((e) => e.amount)).toEqual([
      60_000, 125_000, 140_000, 140_000, 90_000, 105_000, 85_000, 140_000,
    ]);
    expect(loaded.record?.refunds?.[0]?.amount).toBe(115_000);
  });

  it('every value can be traced to its line and column', () => {
    const loaded = loadRecordBytes(readFileSync(REFERENCE), 'ref.yaml');
    expect(loaded.locate('/payments/0/amount')).toMatchObject({ line: 177, column: 5 });
    expect(loaded.locate('/projects/1/intrapreneurs/0/release/2019-W45')).toMatchObject({
      line: 130,
      column: 56,
    });
    expect(loaded.locate('/closedWeeks/1')).toMatchObject({ line: 69, column: 25 });
    // A pointer to something absent is located at its nearest parent, and says so.
    expect(loaded.locate('/termination/date')).toMatchObject({ line: 3, column: 1, found: '' });
  });

  it('columns count UTF-16 code units, as editors do: an emoji takes two', () => {
    const text = readFileSync(REFERENCE, 'utf8').replace(
      'terms: {}',
      'terms: { "😀é": 1, "😀": 2 }',
    );
    const loaded = loadRecordBytes(new TextEncoder().encode(text), 'r.yaml');
    // The second key is after `terms: { "😀é": 1, `: 19 code units, 18 characters.
    expect(loaded.problems.map((p) => [p.line, p.column])).toEqual([
      [44, 10],
      [44, 20],
    ]);
  });
});

describe('exact money', () => {
  const amount = (written: string): string[] =>
    problems(`${base}payments:\n  - { id: p, date: 2019-09-12, amount: ${written} }\n`);

  it('reads amounts digit by digit into cents', () => {
    for (const [written, cents] of [
      ['0.1', 10],
      ['0.29', 29],
      ['10000', 1_000_000],
      ['10000.5', 1_000_050],
      ['1234567.89', 123_456_789],
      ['12.30', 1230],
    ] as const) {
      const loaded = loadRecordText(
        `${base}payments:\n  - { id: p, date: 2019-09-12, amount: ${written} }\n`,
        't',
      );
      expect(loaded.problems).toEqual([]);
      expect(loaded.record?.payments?.[0]?.amount).toBe(cents);
    }
  });

  it('refuses more than two decimals, zeros too: 10.000 is ten thousand in French, never ten', () => {
    expect(amount('10000.001')).toEqual([
      '8:40 payments[0].amount: 10000.001 has more than two decimals (an amount in euros is exact to the cent)',
    ]);
    expect(amount('10.000')).toEqual([
      '8:40 payments[0].amount: 10.000 has more than two decimals (an amount in euros is exact to the cent; if the dot separates the thousands, write 10000.00)',
    ]);
    expect(amount('10000.0000')).toEqual([
      '8:40 payments[0].amount: 10000.0000 has more than two decimals (an amount in euros is exact to the cent)',
    ]);
  });

  it('tells how to write a number kept in quotes, and a list written as text', () => {
    const reference = readFileSync(REFERENCE, 'utf8');
    const mistake = (from: string, to: string): string[] => {
      expect(reference).toContain(from);
      return problems(reference.replace(from, to));
    };
    expect(mistake('    amount: 10000.00', '    amount: "10000.00"')).toEqual([
      "177:13 payments[0].amount: expected an amount in euros, got the text '10000.00' (write it without quotes: 10000.00)",
    ]);
    expect(mistake('  copies: 2', '  copies: "2"')).toEqual([
      "17:11 convention.copies: expected a number, got the text '2' (write it without quotes: 2)",
    ]);
    expect(mistake('agreedBy: [collectivite, dinsic]', 'agreedBy: collectivite, dinsic')).toEqual([
      "77:17 projects[0].selection.agreedBy: expected a list, got the text 'collectivite, dinsic' (write a list in brackets: [collectivite, dinsic])",
    ]);
    // A non-breaking space before the colon, as French typing puts one: shown, and the fix said.
    expect(mistake('  copies: 2', '  copies\u00a0: 2')).toEqual([
      "17:3 convention: unknown field 'copies\\u00A0' (a non-breaking space in its name? write 'copies:')",
    ]);
    // A part of a RIB says the form it takes, not only its name.
    expect(
      mistake(
        'account: { bank: "30001", branch: "00064"',
        'account: { bank: "3001", branch: "00064"',
      ),
    ).toEqual([
      "178:22 payments[0].account.bank: '3001' is not valid here (expected the bank code (code banque), of five digits)",
    ]);
  });

  it('refuses a negative amount', () => {
    expect(amount('-5.00')).toEqual([
      '8:40 payments[0].amount: -5.00 is negative (expected an amount in euros of at least 0)',
    ]);
  });

  it('refuses an amount above the largest counted to the cent, and amounts adding up to more', () => {
    expect(amount('90071992547409.92')).toEqual([
      '8:40 payments[0].amount: 90071992547409.92 is too large an amount (at most 90071992547409.91)',
    ]);
    expect(amount('90071992547409.91')).toEqual([]);
    // Each is within the limit; their sum, which the pack makes, would not be exact.
    const two = (second: string): string[] =>
      problems(
        `${base}payments:\n  - { id: p, date: 2019-09-12, amount: 50000000000000.01 }\n` +
          `  - { id: q, date: 2019-09-13, amount: ${second} }\n`,
      );
    expect(two('40071992547409.90')).toEqual([]);
    expect(two('40071992547409.91')).toEqual([
      '9:40 payments[1].amount: the amounts of the record add up to more than 90071992547409.91, the largest total counted exactly to the cent',
    ]);
  });

  it('refuses a payment or a refund in the wrong direction, saying which party it is from', () => {
    // Article 4: the collectivité pays its contribution to the DINSIC; the DINSIC refunds it.
    expect(
      problems(
        `${base}payments:\n  - { id: p, date: 2019-09-12, from: dinsic, to: collectivite, amount: 10000.00 }\n` +
          `refunds:\n  - { id: r, date: 2020-04-15, from: dinsic, to: collectivite, amount: 1150.00 }\n`,
      ),
    ).toEqual([
      "8:38 payments[0].from: expected 'collectivite', got 'dinsic' (the party that paid)",
      "8:50 payments[0].to: expected 'dinsic', got 'collectivite' (the party paid)",
    ]);
    expect(
      problems(
        `${base}refunds:\n  - { id: r, date: 2020-04-15, from: collectivite, to: dinsic, amount: 1150.00 }\n`,
      ),
    ).toEqual([
      "8:38 refunds[0].from: expected 'dinsic', got 'collectivite' (the party that refunded)",
      "8:56 refunds[0].to: expected 'collectivite', got 'dinsic' (the party refunded)",
    ]);
  });

  it('refuses dates of one thing written in an order that cannot be', () => {
    const reference = readFileSync(REFERENCE, 'utf8');
    const person = '      - name: Sami Benali\n';
    expect(reference).toContain(person);
    const left = reference.replace(
      person,
      `${person}        joined: 2019-12-01\n        left: 2019-11-01\n`,
    );
    expect(
      loadRecordText(left, 'r.yaml').problems.map((p) => `${p.line}:${p.column} ${p.message}`),
    ).toEqual([
      '128:15 projects[1].intrapreneurs[0].left: 2019-11-01 is before joined (2019-12-01): an intrapreneur leaves a project on or after joining it',
    ]);
    // The same day is no mistake.
    const sameDay = reference.replace(
      person,
      `${person}        joined: 2019-11-04\n        left: 2019-11-04\n`,
    );
    expect(loadRecordText(sameDay, 'r.yaml').problems).toEqual([]);
    const notice = (received: string): string[] =>
      problems(
        `${base}termination:\n  date: 2019-12-10\n  notice: { date: 2019-11-05, received: ${received}, by: collectivite }\n`,
      );
    expect(notice('2019-11-04')).toEqual([
      '9:41 termination.notice.received: 2019-11-04 is before date (2019-11-05): a notice is received on or after the day it is sent',
    ]);
    expect(notice('2019-11-05')).toEqual([]);
  });

  it('refuses a party written twice among those who agreed, at the repetition', () => {
    const reference = readFileSync(REFERENCE, 'utf8');
    const agreed = 'agreedBy: [collectivite, dinsic]';
    expect(reference).toContain(agreed);
    const twice = reference.replace(agreed, 'agreedBy: [dinsic, dinsic]');
    expect(
      loadRecordText(twice, 'r.yaml').problems.map((p) => `${p.line}:${p.column} ${p.message}`),
    ).toEqual(["77:26 projects[0].selection.agreedBy: 'dinsic' is written twice (each item once)"]);
  });

  it('refuses NaN and infinity', () => {
    expect(amount('.nan')).toEqual([
      '8:40 payments[0].amount: expected an amount in euros, got .nan (not a number)',
    ]);
    expect(amount('.inf')).toEqual([
      '8:40 payments[0].amount: expected an amount in euros, got .inf (infinity)',
    ]);
  });

  it('refuses an amount written as text, in words a controller understands', () => {
    expect(amount('"10 000,00"')).toEqual([
      "8:40 payments[0].amount: expected an amount in euros, got the text '10 000,00' (did you mean 10000.00? a dot before the cents, no spaces)",
    ]);
  });
});

describe('calendar dates and ISO weeks', () => {
  it('refuses a day that does not exist', () => {
    expect(problems(`asOf: 2019-02-30\n${base}`)).toEqual([
      "1:7 asOf: '2019-02-30' is not a date: February 2019 has 28 days",
    ]);
  });

  it('says when a year has five digits', () => {
    expect(problems(`asOf: 12019-08-30\n${base}`)).toEqual([
      "1:7 asOf: '12019-08-30' is not a date: the year has five digits (expected YYYY-MM-DD)",
    ]);
  });

  it('accepts 29 February in a leap year only', () => {
    expect(problems(`asOf: 2020-02-29\n${base}`)).toEqual([]);
    expect(problems(`asOf: 2019-02-29\n${base}`)).toEqual([
      "1:7 asOf: '2019-02-29' is not a date: February 2019 has 28 days",
    ]);
  });

  it('refuses a week that does not exist, as a value and as a key', () => {
    expect(problems(`${base}closedWeeks: [2019-W52, 2019-W54]\n`)).toEqual([
      "7:25 closedWeeks[1]: '2019-W54' is not an ISO week: 2019 has 52 ISO weeks (W01 to W52)",
    ]);
    expect(problems(`${base}closedWeeks: [2020-W53]\n`)).toEqual([]);
    const release = `${base}projects:\n  - id: p\n    intrapreneurs:\n      - name: A\n        release: { 2019-W42: 1, 2019-W54: 1 }\n`;
    expect(problems(release)).toEqual([
      "11:33 projects[0].intrapreneurs[0].release: '2019-W54' is not an ISO week: 2019 has 52 ISO weeks (W01 to W52)",
    ]);
  });
});

describe('YAML that is not a record', () => {
  it('an empty file', () => {
    expect(loadRecordBytes(new Uint8Array(), 'e.yaml').problems).toEqual([
      {
        message: 'the file is empty (expected a programme record: a YAML mapping)',
        line: 1,
        column: 1,
        pointer: '',
      },
    ]);
    expect(problems('# only a comment\n')).toEqual([
      '1:1 the file holds no record (expected a programme record: a YAML mapping)',
    ]);
  });

  it('a document that is not a mapping', () => {
    expect(problems('- a\n- b\n')).toEqual([
      '1:1 the document is a list (expected a programme record: a YAML mapping)',
    ]);
    expect(problems('\n\n"just text"\n')).toEqual([
      '3:1 the document is a single value (expected a programme record: a YAML mapping)',
    ]);
  });

  it('several documents', () => {
    expect(problems(`${base}---\n${base}`)).toEqual([
      '7:1 the file holds 2 YAML documents (expected one programme record)',
    ]);
  });

  it('a %YAML directive of another version, once, at the directive', () => {
    // YAML 1.1 would read every date as a timestamp and << as a merge: one problem, not dozens.
    const reference = readFileSync(REFERENCE, 'utf8');
    const expected = (line: number, version: string) => [
      `${line}:1 %YAML ${version}: records are YAML 1.2, whose dates, numbers and keys YAML ${version} reads otherwise (expected no %YAML directive, or %YAML 1.2)`,
    ];
    expect(problems(`%YAML 1.1\n---\n${reference}`)).toEqual(expected(1, '1.1'));
    expect(problems(`# a record\n%YAML 1.1\n---\n${reference}`)).toEqual(expected(2, '1.1'));
    expect(problems(`%YAML 1.2\n---\n${reference}`)).toEqual([]);
  });

  it('a syntax error, where the parser finds it (here at the end of the file)', () => {
    expect(problems(`${base}payments: [\n  unclosed\n`)).toEqual([
      '9:1 YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    expect(problems(`${base}asOf: 2020-01-01\n  nested: x\n`)).toEqual([
      '7:7 YAML syntax: Nested mappings are not allowed in compact mappings',
      '7:7 YAML syntax: Implicit keys need to be on a single line',
    ]);
  });

  it('duplicate keys, each reported where it is repeated', () => {
    expect(problems(`${base}asOf: 2020-01-01\nasOf: 2020-01-02\n`)).toEqual([
      "8:1 duplicate key 'asOf' (first written at line 7)",
    ]);
    expect(
      problems(`${base}payments:\n  - { id: p, date: 2019-09-12, amount: 1, amount: 2 }\n`),
    ).toEqual(["8:43 payments[0]: duplicate key 'amount' (first written at line 8)"]);
  });

  it('__proto__ and constructor keys, without polluting any prototype', () => {
    expect(problems(`${base}__proto__: { polluted: true }\n`)).toEqual([
      "7:1 the key '__proto__' is not allowed in a record",
    ]);
    expect(problems(`${base}parties2:\n  constructor: x\n`)).toEqual(
      [
        "8:3 parties2: the key 'constructor' is not allowed in a record",
        // `parties` is there already: no typo of it.
        "7:1 (record): unknown field 'parties2' (expected one of 'asOf', 'convention', 'parties', 'terms', 'phases', 'seminar', 'closedWeeks', 'projects', 'payments', 'expenses', 'refunds', 'amendments' or 'termination')",
      ].sort((a, b) => Number(a.split(':')[0]) - Number(b.split(':')[0])),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an alias bomb', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
    ].join('\n');
    const found = problems(bomb);
    expect(found).toHaveLength(1);
    expect(found[0]).toBe('5:36 aliases expand the document beyond 100000 values (an alias bomb?)');
  });

  it('aliases of reasonable size are expanded', () => {
    const text = `${base.replace('  dinsic: {}\n', '  dinsic: { account: &state { bank: "30001", branch: "00064", number: "00000092441", key: "40" } }\n')}payments:\n  - { id: p, date: 2019-09-12, amount: 1, account: *state }\n`;
    const loaded = loadRecordText(text, 't');
    expect(loaded.problems).toEqual([]);
    expect(loaded.record?.payments?.[0]?.account?.number).toBe('00000092441');
  });

  it('a tag the record does not use', () => {
    expect(problems(`${base}asOf: !!binary aGVsbG8=\n`)).toEqual([
      '7:7 asOf: the tag !!binary is not used in programme records (remove it)',
    ]);
  });

  it('a tag the YAML reader does not know, in words, at the tag, with its field', () => {
    expect(problems(`${base}asOf: !custom 2020-01-01\n`)).toEqual([
      '7:7 asOf: the tag !custom is not used in programme records (remove it)',
    ]);
    expect(problems(`${base}closedWeeks: !!js/array [2019-W52]\n`)).toEqual([
      '7:14 closedWeeks: the tag !!js/array is not used in programme records (remove it)',
    ]);
    // A known tag on the wrong kind of collection.
    expect(problems(`${base}closedWeeks: !!set [2019-W52]\n`)).toEqual([
      '7:14 closedWeeks: the tag !!set is not used in programme records (remove it)',
    ]);
    // On a key: the key is not read as if untagged.
    expect(problems(`${base}!custom asOf: 2020-01-01\n`)).toEqual([
      '7:1 asOf: the tag !custom is not used in programme records (remove it)',
    ]);
  });

  it('a core tag on a value it does not fit', () => {
    expect(problems(`${base}asOf: !!int 2020-01-01\n`)).toEqual([
      '7:7 asOf: the tag !!int does not fit this value (remove it)',
    ]);
    expect(problems(`${base}closedWeeks: !!str [2019-W52]\n`)).toEqual([
      '7:14 closedWeeks: the tag !!str does not fit this value (remove it)',
    ]);
    expect(problems(`${base}closedWeeks: !!map [2019-W52]\n`)).toEqual([
      '7:14 closedWeeks: the tag !!map does not fit this value (remove it)',
    ]);
    expect(problems(`${base}!!bool asOf: 2020-01-01\n`)).toEqual([
      '7:1 asOf: the tag !!bool does not fit this value (remove it)',
    ]);
    expect(problems(`${base}asOf: !!str 2020-01-01\nclosedWeeks: !!seq [2019-W52]\n`)).toEqual([]);
  });
});

describe('aliases', () => {
  it('an amount written as an alias is read from its anchor, and placed at the alias', () => {
    const text = `${base}payments:\n  - { id: p, date: 2019-09-12, amount: &m 1400.50 }\n  - { id: q, date: 2019-09-13, amount: *m }\n`;
    const loaded = loadRecordText(text, 't');
    expect(loaded.problems).toEqual([]);
    expect(loaded.record?.payments?.map((p) => p.amount)).toEqual([140_050, 140_050]);
    const wrong = text.replace('1400.50', '1400.505');
    expect(problems(wrong)).toEqual([
      '8:43 payments[0].amount: 1400.505 has more than two decimals (an amount in euros is exact to the cent)',
      '9:40 payments[1].amount: 1400.505 has more than two decimals (an amount in euros is exact to the cent)',
    ]);
  });

  it('each repeated id is reported at its item, naming the first item with that id', () => {
    const items = ['b', 'a', 'b', 'c', 'a', 'b']
      .map((id, i) => `  - { id: ${id}, date: 2019-09-1${i}, amount: 1 }`)
      .join('\n');
    expect(problems(`${base}payments:\n${items}\n`)).toEqual([
      "10:11 payments[2].id: the id 'b' is already that of payments[0] (ids must be unique)",
      "12:11 payments[4].id: the id 'a' is already that of payments[1] (ids must be unique)",
      "13:11 payments[5].id: the id 'b' is already that of payments[0] (ids must be unique)",
    ]);
  });

  it('the values of a whole item written as an alias are read from the anchored item', () => {
    const text = `${base}payments:\n  - &p { id: p, date: 2019-09-12, amount: 1400.50 }\n  - *p\n`;
    // The ids repeat, but the amounts read.
    expect(problems(text)).toEqual([
      "9:5 payments[1].id: the id 'p' is already that of payments[0] (ids must be unique)",
    ]);
    const parsed = parseYaml(text, { exact: true });
    expect(parsed.positions.sourceText(parsed.value, '/payments/1/amount')).toBe('1400.50');
    expect(parsed.positions.place(parsed.value, '/payments/1/amount')).toEqual({
      line: 9,
      column: 5,
    });
    // An alias under an alias is read from its own anchor.
    const nested = parseYaml('m: &m 2.50\na: &a { amount: *m }\nb: *a\n');
    expect(nested.positions.sourceText(nested.value, '/b/amount')).toBe('2.50');
    expect(nested.positions.sourceText(nested.value, '/a/amount')).toBe('2.50');
  });
});

describe('documents nested too deeply', () => {
  const deep = 'the document is nested too deeply (more than 64 levels)';

  /** Runs `read` with about `frames` calls already on the stack. */
  const withStackUsed = <T>(frames: number, read: () => T): T =>
    frames === 0 ? read() : withStackUsed(frames - 1, read);

  it('are refused at their first value past level 64, however deep, whatever the stack left', () => {
    for (const depth of [65, 1_000, 10_000]) {
      const flow = `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
      const block = `a:\n  ${'- '.repeat(depth)}x\n`;
      for (const frames of [0, 2_000, 5_000]) {
        expect(withStackUsed(frames, () => problems(flow))).toEqual([`1:68 ${deep}`]);
        expect(withStackUsed(frames, () => problems(block))).toEqual([`2:131 ${deep}`]);
      }
    }
  });

  it('each branch that goes past level 64 is refused, in the order of the file', () => {
    const branch = `${'['.repeat(70)}${']'.repeat(70)}`;
    expect(problems(`a: ${branch}\nb: ${branch}\n`)).toEqual([`1:68 ${deep}`, `2:68 ${deep}`]);
  });

  it('a pair written in a flow sequence is a mapping of its own: one more level', () => {
    // `a: [[k: [k: ...` nests, each time, a list and the mapping of its pair: the 32nd pair is at
    // level 65. It is refused at its key whether the value is built (32 pairs) or the depth is
    // measured before composing (100 pairs: 101 lists, the 65th at another place).
    const pairs = (count: number) => `a: [${'[k: '.repeat(count)}1${']'.repeat(count + 1)}\n`;
    expect(problems(pairs(32))).toEqual([`1:130 ${deep}`]);
    expect(problems(pairs(100))).toEqual([`1:130 ${deep}`]);
  });
});

describe('bytes that are not UTF-8 text', () => {
  it('binary content', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('convention:\n  id: x\0y\n')]);
    expect(loadRecordBytes(bytes, 'b.yaml').problems).toEqual([
      {
        message: 'the file contains a NUL byte: it looks like a binary file (expected UTF-8 text)',
        line: 2,
        column: 8,
        pointer: '',
      },
    ]);
  });

  it('invalid UTF-8, located at the bad byte', () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode(`${base}seminar: { title: "S`),
      0xe9,
      ...new TextEncoder().encode('minaire" }\n'),
    ]);
    expect(loadRecordBytes(latin1, 'l.yaml').problems).toEqual([
      {
        message: 'the file is not valid UTF-8 (byte 0xE9 here; save it as UTF-8 text)',
        line: 7,
        column: 21,
        pointer: '',
      },
    ]);
  });

  it('UTF-16', () => {
    expect(
      loadRecordBytes(new Uint8Array([0xff, 0xfe, 0x61, 0]), 'u.yaml').problems[0]?.message,
    ).toBe('the file is encoded in UTF-16 (expected UTF-8 text)');
  });

  it('a byte-order mark and CRLF line ends are accepted, lines counted as given', () => {
    const text = `\ufeff${base}asOf: 2019-02-30\n`.replace(/\n/g, '\r\n');
    expect(loadRecordBytes(new TextEncoder().encode(text), 'w.yaml').problems).toEqual([
      {
        message: "asOf: '2019-02-30' is not a date: February 2019 has 28 days",
        line: 7,
        column: 7,
        pointer: '/asOf',
      },
    ]);
  });
});

describe('validation against the schema', () => {
  it('an unknown field, with the likely one', () => {
    expect(problems(`${base}payments:\n  - { id: p, date: 2019-09-12, ammount: 12 }\n`)).toEqual([
      "8:5 payments[0]: missing field 'amount' (the amount paid, in euros)",
      "8:32 payments[0]: unknown field 'ammount' (did you mean 'amount'?)",
    ]);
  });

  it('a reference to an amendment the record does not hold, with the likely id', () => {
    const amendments = 'amendments:\n  - { id: avenant-1, requested: 2020-02-05 }\n';
    expect(
      problems(
        `${base}payments:\n  - { id: p, date: 2019-09-12, amount: 1, amendment: Avenant-1 }\n` +
          `projects:\n  - id: x\n    incubationDecision: { date: 2020-02-11, outcome: incubate, amendment: avenant-9 }\n` +
          amendments,
      ),
    ).toEqual([
      "8:54 payments[0].amendment: 'Avenant-1' is not the id of an amendment of this record (did you mean 'avenant-1'?)",
      "11:75 projects[0].incubationDecision.amendment: 'avenant-9' is not the id of an amendment of this record (did you mean 'avenant-1'?)",
    ]);
    expect(
      problems(
        `${base}payments:\n  - { id: p, date: 2019-09-12, amount: 1, amendment: avenant-1 }\n`,
      ),
    ).toEqual([
      "8:54 payments[0].amendment: 'avenant-1' is not the id of an amendment of this record (the record has no amendments)",
    ]);
  });

  it('a value outside a list of choices', () => {
    expect(
      problems(`${base}expenses:\n  - { id: e, date: 2019-09-12, amount: 1, purpose: mairie }\n`),
    ).toEqual([
      "8:52 expenses[0].purpose: 'mairie' is not an expense purpose (expected 'call-support', 'seminar', 'coaching', 'technical-support', 'methodological-support' or 'other')",
    ]);
  });

  it('a bank code written without quotes loses its zeros: the message says to quote it', () => {
    expect(
      problems(
        `${base}payments:\n  - { id: p, date: 2019-09-12, amount: 1, account: { bank: 30001, branch: 00064, number: "00000092441", key: "40" } }\n`,
      ),
    ).toEqual([
      '8:60 payments[0].account.bank: expected text, got the number 30001 (write it in quotes to keep it as written: "30001")',
      '8:75 payments[0].account.branch: expected text, got the number 64 (write it in quotes to keep it as written: "00064")',
    ]);
  });

  it('every error of a file at once, in the order of the file', () => {
    const text = `asOf: 2019-13-01\n${base}expenses:\n  - { id: e, date: 2019-09-12, amount: 1.234, purpose: travel }\nrefunds: yes\n`;
    expect(problems(text)).toEqual([
      "1:7 asOf: '2019-13-01' is not a date: there is no month 13",
      '9:40 expenses[0].amount: 1.234 has more than two decimals (an amount in euros is exact to the cent; if the dot separates the thousands, write 1234.00)',
      "9:56 expenses[0].purpose: 'travel' is not an expense purpose (expected 'call-support', 'seminar', 'coaching', 'technical-support', 'methodological-support' or 'other')",
      // YAML 1.2: yes is text, not true.
      "10:10 refunds: expected a list, got the text 'yes'",
    ]);
  });

  it('duplicate ids in a list', () => {
    expect(
      problems(
        `${base}payments:\n  - { id: p, date: 2019-09-12, amount: 1 }\n  - { id: p, date: 2019-09-13, amount: 1 }\n`,
      ),
    ).toEqual([
      "9:11 payments[1].id: the id 'p' is already that of payments[0] (ids must be unique)",
    ]);
  });
});

describe('the values of a definition', () => {
  it('are every date of a record, in document order, as the schema walk finds them', () => {
    for (const file of [
      REFERENCE,
      ...caseFiles().filter((f) => f.includes('terminated/a-programme-terminated-after')),
    ]) {
      const { record } = loadRecordText(readFileSync(file, 'utf8'), file);
      const walked: { value: string; pointer: string; definition: string }[] = [];
      walkWithSchema(record, (value, schema, pointer) => {
        if (schema.definition === undefined || !DATE_DEFINITIONS.has(schema.definition))
          return true;
        if (typeof value === 'string')
          walked.push({ value, pointer: pointer(), definition: schema.definition });
        return false;
      });
      expect(walked.length, file).toBeGreaterThan(20);
      // The walk stops at each date with its value, its definition and its pointer.
      const datesOf = (definition: string | ReadonlySet<string>) =>
        Array.from(walkToDefinition(record, definition), (walk) => ({
          value: walk.value,
          pointer: walk.pointer(),
          definition: walk.schema.definition,
        }));
      expect(datesOf(DATE_DEFINITIONS), file).toEqual(walked);
      // One definition alone gives its own dates, in the same order.
      expect(datesOf('EventDate'), file).toEqual(
        walked.filter((w) => w.definition === 'EventDate'),
      );
    }
  });
});

describe('suggestions that help', () => {
  const record = (payment: string): string[] => problems(`${base}payments:\n  - ${payment}\n`);

  it('"did you mean" chooses among the fields not written yet', () => {
    expect(record('{ id: p, date: 2019-09-12, amount: 10.00, acount: x }')).toEqual([
      "8:47 payments[0]: unknown field 'acount' (did you mean 'account'?)",
    ]);
    // Without `amount` there, `amount` is as near.
    expect(record('{ id: p, date: 2019-09-12, amont: 10.00 }')).toEqual([
      "8:5 payments[0]: missing field 'amount' (the amount paid, in euros)",
      "8:32 payments[0]: unknown field 'amont' (did you mean 'amount'?)",
    ]);
  });

  it('an amount with a decimal comma, or spaces, is shown as a record writes it', () => {
    expect(
      problems(`${base}payments:\n  - id: p\n    date: 2019-09-12\n    amount: 10000,00\n`),
    ).toEqual([
      "10:13 payments[0].amount: expected an amount in euros, got the text '10000,00' (did you mean 10000.00? a dot before the cents, no spaces)",
    ]);
    // In braces, the comma ends the amount: `00` reads as a field of its own.
    expect(record('{ id: p, date: 2019-09-12, amount: 10000,00 }')).toEqual([
      "8:46 payments[0]: unknown field '0' (an amount written 10000,00? write 10000.00: a dot before the cents)",
    ]);
    expect(record('{ id: p, date: 2019-09-12, amount: "10,000.5" }')[0]).toContain(
      '(did you mean 10000.50? a dot before the cents, no spaces)',
    );
    expect(record('{ id: p, date: 2019-09-12, amount: "ten thousand" }')).toEqual([
      "8:40 payments[0].amount: expected an amount in euros, got the text 'ten thousand'",
    ]);
  });

  it('a party written with an accent or in capitals is named as the record writes it', () => {
    const signed = (party: string): string[] =>
      problems(
        base.replace(
          '  template: dinsic-preincubation-2019\n',
          `  template: dinsic-preincubation-2019\n  signatures:\n    - { party: ${party}, date: 2019-08-30 }\n`,
        ),
      );
    // Each written value, and the one problem it gets. A payment is from the collectivité to the
    // DINSIC alone: what else it is from is named so.
    const seen: [string[], string][] = [
      [
        signed('collectivité'),
        "5:16 convention.signatures[0].party: 'collectivité' is not a party (did you mean 'collectivite'?)",
      ],
      [
        signed('DINSIC'),
        "5:16 convention.signatures[0].party: 'DINSIC' is not a party (did you mean 'dinsic'?)",
      ],
      [
        signed('mairie'),
        "5:16 convention.signatures[0].party: 'mairie' is not a party (expected 'collectivite' or 'dinsic')",
      ],
      [
        record('{ id: p, date: 2019-09-12, amount: 10.00, from: collectivité }'),
        "8:53 payments[0].from: 'collectivité' is not the party that paid (did you mean 'collectivite'?)",
      ],
      [
        record('{ id: p, date: 2019-09-12, amount: 10.00, to: DINSIC }'),
        "8:51 payments[0].to: 'DINSIC' is not the party paid (did you mean 'dinsic'?)",
      ],
      [
        record('{ id: p, date: 2019-09-12, amount: 10.00, to: mairie }'),
        "8:51 payments[0].to: expected 'dinsic', got 'mairie' (the party paid)",
      ],
    ];
    for (const [problems, expected] of seen) expect(problems).toEqual([expected]);
    expect(problems(base.replace('collectivite: {}', 'collectivité: {}'))).toEqual([
      "4:1 parties: missing field 'collectivite' (the collectivité, whose account receives the refunds)",
      "6:3 parties: unknown field 'collectivité' (did you mean 'collectivite'?)",
    ]);
  });
});

describe('reading an input within the limit', () => {
  /** Drives reading() over an input that gives `chunks` in turn, then its end; counts the reads asked. */
  function drive(stat: { file: boolean; size: number }, chunks: string[], maxBytes = 1000) {
    const fake = { isFile: () => stat.file, isDirectory: () => false, size: stat.size };
    const steps = reading(fake as unknown as import('node:fs').Stats, maxBytes);
    let reads = 0;
    for (let step = steps.next(); ;) {
      if (step.done) return { result: step.value, reads };
      reads++;
      const chunk = Buffer.from(chunks.shift() ?? '');
      chunk.copy(step.value.buffer, step.value.offset);
      step = steps.next(chunk.length);
    }
  }
  const text = (result: ReturnType<typeof drive>['result']) =>
    result.ok ? Buffer.from(result.bytes).toString() : result;

  it('reads a regular file in one read when it gives the size it had', () => {
    const { result, reads } = drive({ file: true, size: 5 }, ['abcde']);
    expect(text(result)).toBe('abcde');
    expect(reads).toBe(1);
  });

  it('reads on to the end a file that grew, or came in parts, and a pipe', () => {
    expect(drive({ file: true, size: 5 }, ['abcdefg'])).toEqual(
      expect.objectContaining({ reads: 2 }),
    );
    expect(text(drive({ file: true, size: 5 }, ['abcdefg']).result)).toBe('abcdefg');
    expect(text(drive({ file: true, size: 5 }, ['ab', 'cde']).result)).toBe('abcde');
    const pipe = drive({ file: false, size: 0 }, ['abc', 'de']);
    expect(text(pipe.result)).toBe('abcde');
    expect(pipe.reads).toBe(3);
    expect(text(drive({ file: true, size: 0 }, []).result)).toBe('');
  });

  it('refuses a file over the limit, counting what grew past it', () => {
    expect(drive({ file: true, size: 2000 }, []).result).toEqual({
      ok: false,
      size: 2000,
      more: false,
    });
    expect(drive({ file: true, size: 5 }, ['x'.repeat(1001), 'yy']).result).toEqual({
      ok: false,
      size: 1003,
      more: false,
    });
  });
});
