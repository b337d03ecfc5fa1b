/**
 * Hostile rule packs and waiver files: they come from pull requests and from other hands, so they
 * are data, never executed. A message template is filled without evaluation: a placeholder names
 * a fact, never a property JavaScript objects happen to have. A reference to an unknown fact,
 * operator, parameter, condition or collection — even one named like a part of every JavaScript
 * object, `constructor` or `__proto__` — is an error at load, with its file, line and column.
 *
 * (test/pack.test.ts covers the ordinary broken packs; this file, the hostile ones.)
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRecord } from '../src/pipeline.js';
import { FileProblemsError } from '../src/base/errors.js';
import { loadRulePack } from '../src/rules/pack/load.js';
import { builtInPacksDir } from '../src/rules/pack/root.js';
import { RulePackError, type RulePack } from '../src/rules/pack/types.js';
import { loadWaivers } from '../src/run/waivers.js';
import { REFERENCE, ROOT, runCli, tempDir } from './helpers.js';

const PACK = join(builtInPacksDir(), 'dinsic-preincubation-2019');
const CAP_BREACH = join(ROOT, 'cases/A4-CAP/a-payment-of-12000-euros-breaches-the-cap.yaml');

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the pack with one file edited (the edit must change it). */
function editedPack(file: string, edit: (text: string) => string): string {
  const root = tempDir('clausier-hostile-pack-');
  temporary.push(root);
  const dir = join(root, 'pack');
  cpSync(PACK, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit changed nothing in ${file}`);
  writeFileSync(path, after);
  return dir;
}

/** Replaces text that must be there. */
const replace =
  (from: string, to: string) =>
  (text: string): string => {
    if (!text.includes(from)) throw new Error(`not in the file: ${from}`);
    return text.replace(from, to);
  };

/** The problems of an edited pack, as `file:line:column: message`; the pack must be refused. */
function refused(file: string, edit: (text: string) => string): string[] {
  const dir = editedPack(file, edit);
  let pack: RulePack;
  try {
    pack = loadRulePack(dir);
  } catch (error) {
    if (!(error instanceof RulePackError)) throw error;
    return error.problems.map(
      (p) =>
        `${p.file.slice(p.file.lastIndexOf('/pack/') + 6)}:${p.line}:${p.column}: ${p.message}`,
    );
  }
  throw new Error(`the pack loaded (${pack.rules.length} rules): it should have been refused`);
}

/** The message of A4-CAP's breach on the case that breaches it, with an edited pack. */
async function capMessage(edit: (text: string) => string): Promise<string> {
  const pack = loadRulePack(editedPack('A4-CAP.yaml', edit));
  const report = await checkRecord({ path: CAP_BREACH }, { pack, language: 'fr' });
  const breach = report.findings.find((f) => f.rule === 'A4-CAP' && f.status === 'breach');
  return breach!.message;
}

const FR_MESSAGE = '"Versements : {item.paidToDate|eur} pour';
const inMessage = (placeholder: string) =>
  replace(FR_MESSAGE, `"Versements : ${placeholder} {item.paidToDate|eur} pour`);
const WHEN =
  'when: { fact: item, path: paidToDate, operator: amountAbove, value: { fact: params, path: fundingCap } }';

describe('message templates are filled, never evaluated', () => {
  it('`${...}` is text: the dollar stays, the placeholder is filled as a value', async () => {
    expect(await capMessage(inMessage('${item.paidToDate}'))).toBe(
      'Versements : $1200000 12 000,00 € pour un plafond de 10 000,00 €.',
    );
  });

  it('`{{` and `}}` write braces, whatever is between them', async () => {
    expect(await capMessage(inMessage('{{constructor}} {{__proto__}}'))).toBe(
      'Versements : {constructor} {__proto__} 12 000,00 € pour un plafond de 10 000,00 €.',
    );
  });

  it.each([
    [
      '{process.exit(7)}',
      '{process.exit(7)} is not a placeholder (expected {name.path} or {name.path|format})',
    ],
    [
      '{item.paidToDate + 1}',
      '{item.paidToDate + 1} is not a placeholder (expected {name.path} or {name.path|format})',
    ],
    [
      '{__proto__.x}',
      '{__proto__.x} is not a placeholder (expected {name.path} or {name.path|format})',
    ],
  ])('JavaScript in the placeholder %s is refused at load', (placeholder, message) => {
    expect(refused('A4-CAP.yaml', inMessage(placeholder))).toEqual([
      `A4-CAP.yaml:32:11: ${message}`,
    ]);
  });

  it.each([
    ['{constructor}', '{constructor}: there is no fact constructor'],
    ['{valueOf}', '{valueOf}: there is no fact valueOf'],
    ['{item.constructor}', '{item.constructor}: the items of payments have no field constructor'],
    [
      '{item.hasOwnProperty}',
      '{item.hasOwnProperty}: the items of payments have no field hasOwnProperty',
    ],
    [
      '{params.fundingCap.constructor}',
      '{params.fundingCap.constructor}: the parameter fundingCap has no field constructor',
    ],
    [
      '{item.paidToDate|constructor}',
      '{item.paidToDate|constructor}: there is no format constructor (known: eur, date, days, count, list, party, parties, phase, week, period, text, path)',
    ],
  ])(
    'the placeholder %s, named like a property of every object, names nothing and is refused at load',
    (placeholder, message) => {
      expect(refused('A4-CAP.yaml', inMessage(placeholder))).toEqual([
        `A4-CAP.yaml:32:11: ${message}`,
      ]);
    },
  );

  it('a parameter named constructor is no parameter, even listed under parameters:', () => {
    expect(
      refused('A4-CAP.yaml', (t) =>
        inMessage('{params.constructor}')(
          replace('parameters: [fundingCap]', 'parameters: [fundingCap, constructor]')(t),
        ),
      ),
    ).toEqual([
      'A4-CAP.yaml:26:26: there is no parameter constructor in parameters.yaml',
      'A4-CAP.yaml:32:11: {params.constructor}: there is no parameter constructor',
    ]);
  });

  it('a very long placeholder is refused at load like a short one', () => {
    const name = 'a'.repeat(10_000);
    expect(refused('A4-CAP.yaml', inMessage(`{${name}}`))).toEqual([
      `A4-CAP.yaml:32:11: {${name}}: there is no fact ${name}`,
    ]);
  });
});

describe('conditions name only what exists', () => {
  it('an unknown operator inside not and any', () => {
    expect(
      refused(
        'A4-CAP.yaml',
        replace(
          WHEN,
          'when: { not: { fact: item, path: paidToDate, operator: evalJs, value: { fact: params, path: fundingCap } } }',
        ),
      ),
    ).toEqual(['A4-CAP.yaml:30:60: there is no operator evalJs']);
    expect(
      refused(
        'A4-CAP.yaml',
        replace(
          WHEN,
          'when: { any: [{ fact: item, path: paidToDate, operator: amountAbove, value: 1 }, { not: { fact: item, path: paidToDate, operator: __proto__, value: 1 } }] }',
        ),
      ),
    ).toEqual(['A4-CAP.yaml:30:135: there is no operator __proto__']);
  });

  it('an operator, a fact, a field, a condition or a collection named like a property of every object', () => {
    expect(
      refused('A4-CAP.yaml', replace('operator: amountAbove', 'operator: constructor')),
    ).toEqual(['A4-CAP.yaml:30:53: there is no operator constructor']);
    expect(refused('A4-CAP.yaml', replace('path: paidToDate,', 'path: constructor,'))).toEqual([
      'A4-CAP.yaml:30:31: the items of payments have no field constructor',
    ]);
    expect(refused('A4-CAP.yaml', replace('{ fact: item,', '{ fact: constructor,'))).toEqual([
      'A4-CAP.yaml:30:19: there is no fact constructor',
    ]);
    expect(refused('A4-CAP.yaml', replace(WHEN, 'when: { condition: constructor }'))).toEqual([
      'A4-CAP.yaml:30:24: there is no named condition constructor in conditions.yaml',
    ]);
    expect(refused('A4-CAP.yaml', replace('over: payments', 'over: constructor'))).toEqual([
      'A4-CAP.yaml:27:7: there are no items called constructor (known: convention, conventionSignatures, phases, projects, technicalSupports, intrapreneurs, seminar, programme, payments, accounts, partyAccounts, expenses, refunds, terminations, amendments, amendmentSignatures, communications, termsChanges, dates, entries, intrapreneurWeeks)',
    ]);
  });

  it('a named condition that uses itself is a cycle', () => {
    expect(
      refused(
        'conditions.yaml',
        replace(
          '    when: { fact: asOf, operator: dateAfter, value: { fact: item, path: friday } }',
          '    when: { any: [{ condition: weekOver }, { fact: asOf, operator: dateAfter, value: { fact: item, path: friday } }] }',
        ),
      ),
    ).toEqual(['conditions.yaml:19:3: the named conditions form a cycle: weekOver -> weekOver']);
  });
});

describe('a rule file made to hurt the reader', () => {
  it('an alias bomb is refused where the expansion budget runs out', () => {
    const bomb = [
      'x1: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]',
      'x2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'x3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'x4: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'x5: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'x6: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
    ].join('\n');
    expect(refused('A4-CAP.yaml', (t) => `${t}\n${bomb}\n`)).toEqual([
      'A4-CAP.yaml:47:37: aliases expand the document beyond 100000 values (an alias bomb?)',
    ]);
  });

  it('a !!js/function tag is refused at its place, never resolved nor run', () => {
    const problems = refused(
      'A4-CAP.yaml',
      replace('severity: error', 'severity: !!js/function "function () { process.exit(7) }"'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^A4-CAP\.yaml:16:11: .*js\/function/);
  });

  it('__proto__ and constructor keys are refused at their place, and pollute nothing', () => {
    expect(
      refused(
        'A4-CAP.yaml',
        replace('severity: error', 'severity: error\n__proto__: { polluted: true }'),
      ),
    ).toEqual([expect.stringMatching(/^A4-CAP\.yaml:17:1: the key '__proto__' is not allowed/)]);
    expect(
      refused(
        'parameters.yaml',
        replace('parameters:\n', 'parameters:\n  constructor: { polluted: true }\n'),
      ),
    ).toContainEqual(
      expect.stringMatching(
        /^parameters\.yaml:6:3: parameters: the key 'constructor' is not allowed/,
      ),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a document nested thousands deep is refused at its 65th level, in bounded time, through the CLI', () => {
    const dir = editedPack(
      'A4-CAP.yaml',
      replace(WHEN, `when: ${'{ not: '.repeat(5_000)}${WHEN.slice(6)}${' }'.repeat(5_000)}`),
    );
    const run = runCli(['check', REFERENCE, '--rules', dir], {
      cwd: join(dir, '..'),
      timeoutMs: 30_000,
    });
    expect(run.signal, 'clausier did not finish in 30 s, or crashed').toBeNull();
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'clausier: the rule pack cannot be used:\npack/A4-CAP.yaml:30:445: the document is nested too deeply (more than 64 levels)\n',
    );
  });

  it('the CLI refuses a hostile pack with exit 2 and each problem located, never exit 3', () => {
    for (const edit of [
      replace('over: payments', 'over: constructor'),
      replace(WHEN, 'when: { condition: toString }'),
      replace('severity: error', 'severity: !custom error'),
    ]) {
      const dir = editedPack('A4-CAP.yaml', edit);
      const run = runCli(['check', REFERENCE, '--rules', dir]);
      expect(run.stderr).toMatch(
        /^clausier: the rule pack cannot be used:\n.*A4-CAP\.yaml:\d+:\d+: /,
      );
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
    }
  });
});

describe('a hostile waiver file', () => {
  const waiverProblems = (text: string): string[] => {
    const file = join(tempDir('clausier-hostile-waivers-'), 'waivers.yaml');
    temporary.push(join(file, '..'));
    writeFileSync(file, text);
    try {
      loadWaivers(file);
    } catch (error) {
      if (!(error instanceof FileProblemsError)) throw error;
      return error.problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
    }
    throw new Error('the waiver file was accepted');
  };

  it('is refused whole, each problem at its place: a bomb, a foreign key, a tag, bytes', () => {
    const bomb = [
      'waivers: []',
      'x1: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]',
      'x2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'x3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'x4: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'x5: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'x6: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
    ].join('\n');
    expect(waiverProblems(bomb)).toEqual([
      '6:37: aliases expand the document beyond 100000 values (an alias bomb?)',
    ]);
    expect(waiverProblems('waivers: []\n__proto__: { polluted: true }\n')).toEqual([
      expect.stringMatching(/^2:1: the key '__proto__' is not allowed/),
    ]);
    // The refused value is not reported again by the schema (as in records).
    expect(waiverProblems('waivers: !!binary aGVsbG8=\n')).toEqual([
      expect.stringMatching(/^1:10: waivers: the tag !!binary is not used/),
    ]);
    expect(waiverProblems('waivers: []\0\n')).toEqual([
      '1:12: the file contains a NUL byte: it looks like a binary file (expected UTF-8 text)',
    ]);
  });

  it('stops the run before any record is read: exit 2, the problem on standard error', () => {
    const file = join(tempDir('clausier-hostile-waivers-'), 'waivers.yaml');
    temporary.push(join(file, '..'));
    writeFileSync(file, 'waivers: []\n__proto__: { polluted: true }\n');
    const run = runCli(['check', REFERENCE, '--waivers', file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(
        `^clausier: the waiver file cannot be used:\\n${file}:2:1: the key '__proto__' is not allowed`,
      ),
    );
  });
});
