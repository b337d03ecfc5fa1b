/**
 * French users get French: every kind of input error (a record, a waiver file, a rule pack, the
 * command line) is run in English and in French, and the French must be known to the table of
 * src/words/messages.ts and hold no English sentence: none of the English message's own words, but for
 * the few both languages share (a date is a date).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileProblemsError } from '../src/base/errors.js';
import { loadRecordBytes } from '../src/load/index.js';
import { entries, french, inLanguage } from '../src/words/messages.js';
import { lintPack } from '../src/rules/lint.js';
import { loadRulePack } from '../src/rules/pack/load.js';
import { builtInPacksDir } from '../src/rules/pack/root.js';
import { RulePackError } from '../src/rules/pack/types.js';
import { loadWaivers } from '../src/run/waivers.js';
import { REFERENCE, runCli, tempDir } from './helpers.js';

const REF = readFileSync(REFERENCE, 'utf8');
const PACK = join(builtInPacksDir(), 'dinsic-preincubation-2019');

/** The reference record with pieces of its text replaced (each must be there). */
function edit(...pairs: [from: string, to: string][]): string {
  let text = REF;
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`not in the record: ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

/**
 * Words of a message, without what it quotes or names: values, paths, options, files, field names
 * (`asOf`), operators, tags, commands (`clausier check`), and the path a message starts with.
 */
function words(message: string): string[] {
  return (
    message
      .replace(/'[^']*'|"[^"]*"|«[^»]*»|`[^`]*`/g, ' ')
      .replace(/clausier( \w+)?/g, ' ')
      .replace(/^\S+ ?: /gm, ' ')
      .split(/\s+/)
      .map((token) => token.replace(/^[(«]+|[,;:)?!.»]+$/g, ''))
      .filter((token) => !/[\d./\\[\]<>{}=_*|!@-]/.test(token) && !/[a-z][A-Z]/.test(token))
      .join(' ')
      .toLowerCase()
      .match(/\p{L}+/gu) ?? []
  );
}

/** Words of the table's English that its French never uses: English, not French. */
const ENGLISH_ONLY = (() => {
  const vocabulary = (texts: string[]): Set<string> =>
    new Set(texts.flatMap((t) => words(t.replace(/\{\w+[*?,]?\}/g, ' '))));
  const english = vocabulary(entries().map(([en]) => en));
  const frenchWords = vocabulary(entries().map(([, fr]) => fr));
  return new Set([...english].filter((w) => !frenchWords.has(w)));
})();

/** English words that are never French, whatever the table says. */
const NEVER_FRENCH = new Set(
  'the is are of to with has have be by at from and or an it its this that which than cannot must would expected got unknown missing field file folder there does did you mean write more less only try'.split(
    ' ',
  ),
);

/** What is English in a French message: words of its English, the table's English, or never French. */
function englishIn(fr: string, en: string): string[] {
  const english = new Set(words(en));
  return words(fr).filter((w) => NEVER_FRENCH.has(w) || (english.has(w) && ENGLISH_ONLY.has(w)));
}

/** Checks every message of a case in French: known to the table, and no English left in it. */
function expectFrench(messages: readonly string[], name: string): void {
  expect(messages.length, `${name}: no message to translate`).toBeGreaterThan(0);
  for (const en of messages) {
    const fr = french(en);
    expect(fr, `${name}: no French for ${JSON.stringify(en)}`).toBeDefined();
    expect(fr, name).not.toBe(en);
    expect(englishIn(fr!, en), `${name}: ${fr}`).toEqual([]);
  }
}

/** Record cases: a name, and the bytes of the record. */
const RECORDS: [string, string | Uint8Array][] = [
  ['an empty file', ''],
  ['UTF-16', new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x3a, 0x00])],
  ['UTF-32', new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00])],
  ['a NUL byte', 'asOf: 2020\u000006-30\n'],
  ['bytes that are not UTF-8', new Uint8Array([0x61, 0x3a, 0x20, 0xe9, 0x0a])],
  ['lines ended by CR alone', 'asOf: 2020-06-30\rconvention: {}\r'],
  ['a comment only', '# nothing\n'],
  ['two documents', `${REF}---\n${REF}`],
  ['a list', '- a\n- b\n'],
  ['a single value', 'hello\n'],
  ['nested too deep', `a: ${'['.repeat(100)}${']'.repeat(100)}\n`],
  [
    'an alias bomb',
    [
      'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
      ...['ba', 'cb', 'dc', 'ed', 'fe', 'gf', 'hg', 'ih'].map(
        ([n, p]) => `${n}: &${n} [${Array(9).fill(`*${p}`).join(', ')}]`,
      ),
    ].join('\n'),
  ],
  ['an unknown alias', edit(['terms: {}', 'terms: *nowhere'])],
  ['a foreign tag', edit(['terms: {}', 'terms: !!js/function "f"'])],
  ['a core tag that does not fit', edit(['asOf: 2020-06-30', 'asOf: !!int "x"'])],
  ['a key that is a list', edit(['terms: {}', 'terms: {}\n? [a, b]\n: 1'])],
  ['a __proto__ key', edit(['terms: {}', 'terms: {}\n__proto__: { polluted: true }'])],
  ['a duplicate key', edit(['terms: {}', 'terms: {}\nterms: {}'])],
  ['a bad indentation', edit(['terms: {}', 'terms: {}\n  bad: 1\n oops: 2'])],
  ['an unclosed quote', edit(['terms: {}', 'terms: "open'])],
  ['a missing comma', edit(['terms: {}', 'terms: { a: 1 b: 2 }'])],
  ['a tab', edit(['terms: {}', 'terms:\n\t- 1'])],
  ['an unclosed flow list', edit(['terms: {}', 'terms: [1, 2\nother: 1'])],
  ['an unclosed flow mapping at the root', '{ a: 1'],
  ['an implicit key over lines', edit(['terms: {}', 'terms: {}\n"a\n b": 1'])],
  ['an unknown field, and a suggestion', edit(['amount: 10000.00', 'ammount: 10000.00'])],
  ['an unknown field, and the fields there are', edit(['terms: {}', 'terms: { foo: 1 }'])],
  ['a missing field', edit(['    amount: 10000.00\n', ''])],
  ['a bad ISO week as a key', edit(['2019-W45: 1', '2019-W54: 1'])],
  ['a party that is none', edit(['from: collectivite', 'from: mairie'])],
  ['a party written in capitals', edit(['from: collectivite', 'from: COLLECTIVITE'])],
  ['an expense purpose that is none', edit(['purpose: call-support', 'purpose: lunch'])],
  ['a number where text belongs', edit(['bank: "30001"', 'bank: 30001'])],
  ['text where a number belongs', edit(['copies: 2', 'copies: two'])],
  [
    'a fraction where a whole number belongs',
    edit(['terms: {}', 'terms: { coachingPerWeek: 1.5 }']),
  ],
  ['true where text belongs', edit(['signatory: Thomas Boquillon', 'signatory: true'])],
  ['a list where a mapping belongs', edit(['terms: {}', 'terms: [1]'])],
  ['nothing where a date belongs', edit(['asOf: 2020-06-30', 'asOf:'])],
  ['an amount written in words', edit(['amount: 10000.00', 'amount: "10 000,00"'])],
  ['an amount with a decimal comma', edit(['amount: 10000.00', 'amount: 10000,00'])],
  ['an amount that is not a number', edit(['amount: 10000.00', 'amount: .nan'])],
  ['an infinite amount', edit(['amount: 10000.00', 'amount: -.inf'])],
  ['a negative amount', edit(['amount: 10000.00', 'amount: -5.00'])],
  ['three decimals', edit(['amount: 10000.00', 'amount: 10000.001'])],
  ['a huge amount', edit(['amount: 10000.00', 'amount: 100000000000000000000'])],
  ['a five-digit year', edit(['asOf: 2020-06-30', 'asOf: 12019-08-30'])],
  ['a French date', edit(['asOf: 2020-06-30', 'asOf: 30/06/2020'])],
  ['no date at all', edit(['asOf: 2020-06-30', 'asOf: soon'])],
  ['month 13', edit(['asOf: 2020-06-30', 'asOf: 2020-13-01'])],
  ['30 February', edit(['asOf: 2020-06-30', 'asOf: 2019-02-30'])],
  ['a week that is none', edit(['closedWeeks: [2019-W52, 2020-W01]', 'closedWeeks: [W52]'])],
  [
    'week 53 of a 52-week year',
    edit(['closedWeeks: [2019-W52, 2020-W01]', 'closedWeeks: [2019-W53]']),
  ],
  [
    'a five-digit year in a week',
    edit(['closedWeeks: [2019-W52, 2020-W01]', 'closedWeeks: [12019-W01]']),
  ],
  ['a period that is none', edit(['terms: {}', 'terms: { paymentDelay: 30 days }'])],
  ['a bank code of four digits', edit(['bank: "30001"', 'bank: "3001"'])],
  ['a release of six days', edit(['2019-W45: 1', '2019-W45: 6'])],
  ['a negative release', edit(['2019-W45: 1', '2019-W45: -1'])],
  [
    'two payments with one id',
    edit([
      '    amount: 10000.00\n',
      '    amount: 10000.00\n  - { id: p1, date: 2019-09-13, amount: 1.00 }\n',
    ]),
  ],
  ['a mistyped amendment id', edit(['      amendment: avenant-1', '      amendment: Avenant-1'])],
  [
    'an amendment id that is none',
    edit(['      amendment: avenant-1', '      amendment: avenant-9']),
  ],
  ['an unknown template', edit(['template: dinsic-preincubation-2019', 'template: another-2024'])],
];

describe('French input errors', () => {
  for (const [name, input] of RECORDS) {
    it(`a record: ${name}`, () => {
      const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
      const messages = loadRecordBytes(bytes, 'x.yaml').problems.map((p) => p.message);
      // The template is checked once the record loads: through the command line below.
      if (name === 'an unknown template') {
        expect(messages).toEqual([]);
        return;
      }
      expectFrench(messages, name);
    });
  }

  it('the command line: a French run of every record case prints none of the English messages', () => {
    const dir = tempDir('clausier-french-');
    RECORDS.forEach(([name, input], i) =>
      writeFileSync(
        join(dir, `${String(i).padStart(2, '0')}-${name.replace(/\W+/g, '-')}.yaml`),
        input,
      ),
    );
    const english = runCli(['check', dir, '--format', 'json', '--lang', 'en']);
    const frenchRun = runCli(['check', dir, '--format', 'json', '--lang', 'fr']);
    expect(english.status).toBe(2);
    expect(frenchRun.status).toBe(2);
    type Json = { files: { file: string; errors: { message: string; line: number }[] }[] };
    const en = (JSON.parse(english.stdout) as Json).files;
    const fr = (JSON.parse(frenchRun.stdout) as Json).files;
    expect(fr.map((f) => f.file)).toEqual(en.map((f) => f.file));
    let compared = 0;
    en.forEach((file, i) => {
      expect(file.errors.length, file.file).toBeGreaterThan(0);
      file.errors.forEach((error, k) => {
        const translated = fr[i]!.errors[k]!;
        expect(translated.line).toBe(error.line);
        expect(translated.message, file.file).not.toBe(error.message);
        expect(englishIn(translated.message, error.message), translated.message).toEqual([]);
        compared++;
      });
    });
    expect(compared).toBeGreaterThanOrEqual(RECORDS.length);
    // The text report says the same, under French headings.
    const text = runCli(['check', dir, '--lang', 'fr']).stdout;
    for (const file of en)
      for (const error of file.errors) expect(text).not.toContain(error.message);
  });

  it('a waiver file', () => {
    const dir = tempDir('clausier-french-');
    const file = join(dir, 'waivers.yaml');
    writeFileSync(
      file,
      'waivers:\n  - rule: a4-cap\n    record: x.yaml\n    reason: r\n    approvedBy: someone\n    approved: 2020-02-30\n    untill: 2020-12-31\n',
    );
    let problems: string[] = [];
    try {
      loadWaivers(file);
    } catch (error) {
      if (!(error instanceof FileProblemsError)) throw error;
      problems = error.problems.map((p) => p.message);
    }
    expect(problems.length).toBe(4);
    expectFrench(problems, 'a waiver file');
    const run = runCli(['check', REFERENCE, '--waivers', file, '--lang', 'fr']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      'clausier : le fichier de dérogations est inutilisable :',
    );
  });
});

/** A copy of the 2019 pack with its files edited; the messages of loading it, then of lint. */
function packProblems(edits: Record<string, (text: string) => string>): string[] {
  const dir = join(tempDir('clausier-french-pack-'), 'pack');
  cpSync(PACK, dir, { recursive: true });
  for (const [file, change] of Object.entries(edits)) {
    const before = readFileSync(join(dir, file), 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`the edit changed nothing in ${file}`);
    writeFileSync(join(dir, file), after);
  }
  try {
    return lintPack(loadRulePack(dir)).map((p) => p.message);
  } catch (error) {
    if (!(error instanceof RulePackError)) throw error;
    return error.problems.map((p) => p.message);
  }
}

const replace =
  (from: string, to: string) =>
  (text: string): string => {
    if (!text.includes(from)) throw new Error(`not in the file: ${from}`);
    return text.replace(from, to);
  };

const PACKS: [string, Record<string, (text: string) => string>][] = [
  ['a severity that is none', { 'A4-CAP.yaml': replace('severity: error', 'severity: fatal') }],
  [
    'an unknown field and parameter',
    {
      'A4-CAP.yaml': (t) =>
        replace(
          'path: paidToDate, operator: amountAbove',
          'path: paidTotal, operator: amountAbove',
        )(
          replace(
            'value: { fact: params, path: fundingCap }',
            'value: { fact: params, path: fundingCeiling }',
          )(t),
        ),
    },
  ],
  [
    'a loose operator',
    { 'A4-CAP.yaml': replace('operator: amountAbove', 'operator: greaterThan') },
  ],
  [
    'an unknown operator',
    { 'A4-CAP.yaml': replace('operator: amountAbove', 'operator: amountOver') },
  ],
  [
    'an operator on the wrong type',
    { 'A4-CAP.yaml': replace('operator: amountAbove', 'operator: dateAfter') },
  ],
  [
    'a cycle of named conditions',
    {
      'conditions.yaml': (t) =>
        replace(
          '    when: { fact: asOf, operator: dateAfter, value: { fact: item, path: friday } }',
          '    when: { all: [{ condition: weekInForce }, { fact: asOf, operator: dateAfter, value: { fact: item, path: friday } }] }',
        )(
          replace(
            '        - { fact: item, path: inPreincubation, operator: equal, value: true }',
            '        - { condition: weekOver }\n        - { fact: item, path: inPreincubation, operator: equal, value: true }',
          )(t),
        ),
    },
  ],
  [
    'an unknown named condition',
    {
      'A1-RELEASE-WEEKLY.yaml': replace(
        'applies: { condition: weekInForce }',
        'applies: { condition: nowhere }',
      ),
    },
  ],
  ['a rule file named after another rule', { 'A4-CAP.yaml': replace('id: A4-CAP', 'id: A4-CAPS') }],
  [
    'an unknown clause',
    { 'A4-CAP.yaml': (t) => t.replace(/clause: (art[\w.]+)/, 'clause: art9.al9') },
  ],
  [
    'a message placeholder that names nothing',
    { 'A4-CAP.yaml': (t) => t.replace(/\{[a-z]+\.[a-zA-Z.]+(\|[a-z]+)?\}/, '{item.nowhere}') },
  ],
  [
    'an unclosed placeholder',
    { 'A4-CAP.yaml': (t) => t.replace(/\{([a-z]+\.[a-zA-Z.]+)(\|[a-z]+)?\}/, '{$1') },
  ],
  ['a parameter value that is no period', { 'parameters.yaml': replace('P30D', 'P30') }],
  [
    'a parameter listed under no clause',
    { 'parameters.yaml': (t) => t.replace(/clauses: \[([\w.]+)/, 'clauses: [art9.nowhere') },
  ],
  [
    'a quote that is not word for word in its clause',
    { 'A4-CAP.yaml': (t) => t.replace(/(text: ["']?)(\p{L})/u, '$1X') },
  ],
  [
    'a clause no rule encodes',
    { 'clauses.yaml': (t) => t.replace(/\n {4}notEncoded:[\s\S]*?(?=\n {2}- )/, '') },
  ],
  [
    'a clause cited but neither quoted nor a parameter’s source',
    {
      'A4-CAP.yaml': replace(
        'clauses: [art3.collectivite.4, art4.al1]',
        'clauses: [art3.collectivite.4, art4.al1, art3.collectivite.5]',
      ),
    },
  ],
  ['a missing required field', { 'A4-CAP.yaml': (t) => t.replace(/\nseverity: error/, '') }],
];

describe('French pack errors', () => {
  for (const [name, edits] of PACKS) {
    it(`a rule pack: ${name}`, () => {
      expectFrench(packProblems(edits), name);
    });
  }

  it('the command line says a broken pack cannot be used, in French', () => {
    const dir = join(tempDir('clausier-french-pack-'), 'pack');
    cpSync(PACK, dir, { recursive: true });
    writeFileSync(
      join(dir, 'A4-CAP.yaml'),
      readFileSync(join(dir, 'A4-CAP.yaml'), 'utf8').replace('severity: error', 'severity: fatal'),
    );
    const run = runCli(['check', REFERENCE, '--rules', dir, '--lang', 'fr']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `clausier : le jeu de règles est inutilisable :\n${join(dir, 'A4-CAP.yaml')}:16:11: severity : 'fatal' n’est pas une gravité (attendu : 'error' ou 'warning')\n`,
    );
    const lint = runCli(['lint', dir, '--lang', 'fr']);
    expect(lint.stdout).toContain('pack : 1 problème\n');
    expect(lint.stdout).toContain("severity : 'fatal' n’est pas une gravité");
  });
});

describe('French usage errors and options', () => {
  const cases: [string, string[]][] = [
    ['an unknown option', ['check', REFERENCE, '--formt', 'json']],
    ['an unknown command', ['chek']],
    ['a missing argument', ['check']],
    ['an option without its value', ['check', REFERENCE, '--format']],
    ['a value not among the choices', ['check', REFERENCE, '--fail-on', 'never']],
    ['too many arguments', ['explain', 'A4-CAP', 'A4-RIB-KEY']],
    ['a bad --max-size', ['check', REFERENCE, '--max-size', 'big']],
    ['a bad --jobs', ['check', REFERENCE, '--jobs', 'many']],
    ['a bad --as-of', ['check', REFERENCE, '--as-of', '2020-02-30']],
    ['--output naming an input', ['check', REFERENCE, '--output', REFERENCE]],
    ['an unknown rule', ['explain', 'A4-CAPP']],
    ['not a rule pack', ['rules', '--rules', '/']],
    ['no such file', ['check', '/no/such/record.yaml']],
    ['a folder without records', ['check', '/proc/self/fdinfo']],
    ['a pattern that matches nothing', ['check', 'no-such-*.yaml']],
    ['init over a file', ['init', REFERENCE]],
  ];
  for (const [name, args] of cases) {
    it(name, () => {
      const en = runCli(args, { env: { LANG: 'C' } });
      const fr = runCli(args, { env: { LANG: 'fr_FR.UTF-8' } });
      expect(fr.status, name).toBe(en.status);
      expect(en.status, name).toBe(2);
      // The choices commander lists are values, the same in both languages.
      const choices = /(Allowed choices are|Choix possibles :) [^.]*\./;
      const english = (en.stderr + en.stdout).trim().replace(choices, '');
      const frenchOut = (fr.stderr + fr.stdout).trim().replace(choices, '');
      expect(frenchOut).not.toBe(english);
      expect(englishIn(frenchOut, english), frenchOut).toEqual([]);
    });
  }
});

describe('the table itself', () => {
  it('keeps what it does not know as it is, and English as it is', () => {
    expect(french('an unheard-of problem')).toBeUndefined();
    expect(inLanguage('an unheard-of problem', 'fr')).toBe('an unheard-of problem');
    expect(inLanguage("payments[0]: unknown field 'x'", 'en')).toBe(
      "payments[0]: unknown field 'x'",
    );
  });

  it('puts a path first, the root as (dossier), and leaves out a phrase it has no French for', () => {
    expect(french("(record): missing field 'convention' (the signed convention itself)")).toBe(
      "(dossier) : champ manquant 'convention' (la convention signée elle-même)",
    );
    expect(french("breaches[0]: missing field 'message' (what a breach case says)")).toBe(
      "breaches[0] : champ manquant 'message'",
    );
    expect(
      french(
        'payments[0].amount: 12.345 has more than two decimals (an amount in euros is exact to the cent)',
      ),
    ).toBe(
      'payments[0].amount : 12.345 a plus de deux décimales (un montant en euros est exact au centime)',
    );
  });
});
