/**
 * The rule pack: the convention verbatim and fully accounted for, the rule ids of
 * obligations.md, and a broken pack refused with the file and line of each problem.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRecord } from '../src/pipeline.js';
import { lintPack, normalizeSpace } from '../src/rules/lint.js';
import { conditionInWords, frenchObject } from '../src/rules/describe.js';
import { loadRulePack } from '../src/rules/pack/load.js';
import { builtInPacksDir } from '../src/rules/pack/root.js';
import { RulePackError } from '../src/rules/pack/types.js';
import { REFERENCE, runCli, tempDir } from './helpers.js';

const PACK = join(builtInPacksDir(), 'dinsic-preincubation-2019');

/** The ids of obligations.md, in its order. */
const OBLIGATIONS = [
  'SIG-PARTIES',
  'SIG-DATE-PLAUSIBLE',
  'A1-PHASES-COMPLETE',
  'A1-PHASES-ORDER',
  'A1-SELECTION-AGREEMENT',
  'A1-SELECTION-CRITERIA',
  'A1-RELEASE-WEEKLY',
  'A1-SEMINAR',
  'A1-COACHING-WEEKLY',
  'A1-POC-SUPPORT',
  'A1-POC-PRESENTED',
  'A1-INCUBATION-AGREEMENT',
  'A2-EXPENSES-IN-PERIOD',
  'A3-PROJECT-IDENTIFIED',
  'A3-CALL-SUPPORT',
  'A3-INCUBATION-DECISION',
  'A3-INCUBATION-AMENDMENT',
  'A4-CAP',
  'A4-SINGLE-PAYMENT',
  'A4-PAYMENT-ON-SIGNATURE',
  'A4-PAYEE-ACCOUNT',
  'A4-IMPUTATION',
  'A4-RIB-KEY',
  'A4-REFUND-UNUSED',
  'A4-REFUND-ACCOUNT',
  'A5-TERMINATION-NOTICE',
  'A5-AMENDMENT-SIGNED',
  'A5-AMENDMENT-BEFORE-END',
  'A5-CONTROLLER',
  'A5-TERMS-BY-AMENDMENT',
];

describe('the pack dinsic-preincubation-2019', () => {
  const pack = loadRulePack(PACK);

  it('has one rule per obligation of obligations.md, with its id; the checks of the record apart', () => {
    // obligations.md, "Time and rulings": SIG-DATE-PLAUSIBLE (id kept) and the entries outside
    // their period are warnings about the record, counted apart from the verdict.
    const records = pack.rules.filter((r) => r.kind === 'record').map((r) => r.id);
    expect(records.sort()).toEqual([
      'REC-ENTRY-IN-PERIOD',
      'REC-PARTY-ACCOUNT',
      'SIG-DATE-PLAUSIBLE',
    ]);
    const ids = pack.rules.map((r) => r.id);
    expect(ids.filter((id) => !id.startsWith('REC-')).sort()).toEqual([...OBLIGATIONS].sort());
  });

  it('passes lint: units verbatim and complete, quotes in their clauses, every unit accounted for', () => {
    expect(lintPack(pack)).toEqual([]);
  });

  it('its clause units, in order, are the signed text', () => {
    expect(normalizeSpace(pack.clauses.map((u) => u.text).join(' '))).toBe(
      normalizeSpace(pack.sourceText),
    );
  });

  it('every clause unit is encoded by a rule or listed as not encoded with a reason, never both', () => {
    const encoded = new Set(pack.rules.flatMap((r) => r.clauses));
    for (const unit of pack.clauses) {
      expect(encoded.has(unit.id) !== (unit.notEncoded !== undefined), unit.id).toBe(true);
    }
    // The not-encoded table of obligations.md is there, each with its reason.
    for (const id of ['art1.al2.s1', 'art3.collectivite.3', 'art1.al6.s2', 'art4.al3.s2']) {
      expect(pack.clause(id)?.notEncoded?.fr, id).toBeTruthy();
    }
    expect(pack.clause('art1.al5.s2')?.partlyEncoded?.en).toContain('coach expérimenté(e)');
    expect(pack.clause('art4.al1')?.partlyEncoded?.en).toContain('activité commerciale');
    expect(pack.clause('fin.fait')?.partlyEncoded?.en).toContain('convention.copies');
  });

  it('every rule quotes its clauses verbatim, and says what it does in French and English', () => {
    for (const rule of pack.rules) {
      expect(rule.quotes.length, rule.id).toBeGreaterThan(0);
      for (const quote of rule.quotes) {
        expect(
          normalizeSpace(pack.clause(quote.clause)!.text),
          `${rule.id}: ${quote.text}`,
        ).toContain(normalizeSpace(quote.text));
      }
      expect(rule.summary.fr && rule.summary.en, rule.id).toBeTruthy();
      for (const breach of rule.breaches)
        expect(breach.message.fr && breach.message.en, rule.id).toBeTruthy();
    }
  });

  it('every interpretation of obligations.md is written down for a lawyer', () => {
    for (const name of ['paymentDelay', 'refundDelay', 'seminarDelay', 'noticePeriod']) {
      expect(pack.parameters[name]?.definition.interpretation?.fr, name).toBeTruthy();
    }
    expect(pack.parameters.noticePeriod?.counting).toBe('code-de-procedure-civile');
    expect(pack.rules.find((r) => r.id === 'A5-CONTROLLER')?.interpretation?.en).toContain(
      'controllerDelay (a month) after the document takes effect',
    );
  });

  it('every ruling of "Time and rulings" is written down where a lawyer reads it, with its reason', () => {
    const rule = (id: string) => pack.rules.find((r) => r.id === id)!;
    const reads = (id: string, words: string) =>
      expect(rule(id).interpretation?.en, id).toContain(words);
    reads('A1-POC-SUPPORT', 'during phase 3');
    reads('A3-INCUBATION-DECISION', 'sur la base des résultats présentés');
    reads('A5-AMENDMENT-BEFORE-END', '"avant la date de fin" (before the end date) is strict');
    reads('A5-TERMINATION-NOTICE', 'given after the month has expired, it no longer closes it');
    reads('SIG-PARTIES', 'A signature recorded without its date leaves the rule undetermined');
    reads('A1-COACHING-WEEKLY', 'binds both parties');
    expect(rule('A1-COACHING-WEEKLY').obligor).toBe('both');
    reads('A4-REFUND-UNUSED', 'Code civil, art. 1342-2');
    reads('A5-AMENDMENT-SIGNED', 'An abandoned request (abandoned) calls for no signature');
    reads('A1-RELEASE-WEEKLY', 'Only the intrapreneurs of projects selected for pré-incubation');
    expect(pack.parameters.paymentDelay?.definition.interpretation?.en).toContain(
      'counted in calendar days, not extended to the next working day',
    );
    expect(pack.parameters.paymentDelay?.counting).toBe('calendar');
    expect(pack.parameters.collectiviteAccount?.definition.clauses).toEqual([
      'art4.al4',
      'art4.al4.compte',
    ]);
  });

  it('the signed text in the pack is the convention as signed, dated 30/08/12019', () => {
    expect(pack.sourceText).toContain('Fait, en double exemplaire, le 30/08/12019');
    expect(readFileSync(join(PACK, 'convention.txt'), 'utf8')).toBe(pack.sourceText);
  });
});

/** Copies the pack to a temporary folder, applies an edit to one file, and loads it. */
function brokenPack(
  file: string,
  edit: (text: string) => string,
): { dir: string; error: RulePackError } {
  const dir = join(tempDir(), 'pack');
  cpSync(PACK, dir, { recursive: true });
  const path = join(dir, file);
  const edited = edit(readFileSync(path, 'utf8'));
  if (edited === readFileSync(path, 'utf8')) throw new Error('the edit changed nothing');
  writeFileSync(path, edited);
  try {
    loadRulePack(dir);
  } catch (error) {
    if (error instanceof RulePackError) return { dir, error };
    throw error;
  }
  throw new Error('the broken pack loaded');
}

const problemsOf = (error: RulePackError): string[] =>
  error.problems.map(
    (p) => `${p.file.replace(/^.*\/pack\//, '')}:${p.line}:${p.column}: ${p.message}`,
  );

describe('a broken pack is refused, naming the file and line of each problem', () => {
  it('a rule file that does not follow the rule schema', () => {
    const { error } = brokenPack('A4-CAP.yaml', (t) =>
      t.replace('severity: error', 'severity: fatal'),
    );
    expect(problemsOf(error)).toEqual([
      "A4-CAP.yaml:16:11: severity: 'fatal' is not a severity (expected 'error' or 'warning')",
    ]);
  });

  it('an unknown fact, field, parameter or operator', () => {
    const { error } = brokenPack('A4-CAP.yaml', (t) =>
      t
        .replace(
          'path: paidToDate, operator: amountAbove',
          'path: paidTotal, operator: amountAbove',
        )
        .replace(
          'value: { fact: params, path: fundingCap }',
          'value: { fact: params, path: fundingCeiling }',
        ),
    );
    expect(problemsOf(error)).toEqual([
      'A4-CAP.yaml:30:31: the items of payments have no field paidTotal',
      'A4-CAP.yaml:30:94: there is no parameter fundingCeiling',
    ]);
  });

  it('json-rules-engine’s loose numeric operators are refused', () => {
    const { error } = brokenPack('A4-CAP.yaml', (t) =>
      t.replace('operator: amountAbove', 'operator: greaterThan'),
    );
    expect(problemsOf(error)).toEqual([
      'A4-CAP.yaml:30:53: the operator greaterThan parses numbers loosely: use dateAfter, amountAbove or numberAbove',
    ]);
  });

  it('an operator used on the wrong type of fact', () => {
    const { error } = brokenPack('A4-CAP.yaml', (t) =>
      t.replace('operator: amountAbove', 'operator: dateAfter'),
    );
    expect(problemsOf(error)).toEqual([
      'A4-CAP.yaml:30:53: dateAfter compares dates, and item.paidToDate is a money',
      'A4-CAP.yaml:30:71: dateAfter compares dates, and params.fundingCap is a money',
    ]);
  });

  it('a cycle among named conditions', () => {
    const { error } = brokenPack('conditions.yaml', (t) =>
      t
        .replace(
          '    when: { fact: asOf, operator: dateAfter, value: { fact: item, path: friday } }',
          '    when: { all: [{ condition: weekInForce }, { fact: asOf, operator: dateAfter, value: { fact: item, path: friday } }] }',
        )
        .replace(
          '        - { fact: item, path: inPreincubation, operator: equal, value: true }',
          '        - { condition: weekOver }\n        - { fact: item, path: inPreincubation, operator: equal, value: true }',
        ),
    );
    expect(problemsOf(error)).toEqual([
      'conditions.yaml:4:3: the named conditions form a cycle: weekInForce -> weekOver -> weekInForce',
    ]);
  });

  it('a quote from a clause the rule does not encode, and a rule file named after another id', () => {
    const quote = brokenPack('A4-CAP.yaml', (t) =>
      t.replace(
        '  - clause: art3.collectivite.4\n    text: dans',
        '  - clause: art2.al1\n    text: dans',
      ),
    );
    expect(problemsOf(quote.error)).toEqual([
      'A4-CAP.yaml:10:13: the quote is from art2.al1, which the rule does not list under clauses:',
    ]);
    const id = brokenPack('A4-CAP.yaml', (t) => t.replace('id: A4-CAP', 'id: A4-CEILING'));
    expect(problemsOf(id.error)).toEqual([
      "A4-CAP.yaml:2:5: the rule id A4-CEILING is not the file's name (A4-CAP.yaml)",
    ]);
  });

  it('a message placeholder that names nothing', () => {
    const { error } = brokenPack('A4-CAP.yaml', (t) =>
      t.replace('{item.paidToDate|eur} pour', '{item.paid|eur} pour'),
    );
    expect(problemsOf(error)).toEqual([
      'A4-CAP.yaml:32:11: {item.paid}: the items of payments have no field paid',
    ]);
  });

  it('lint finds a quote that is not word for word in its clause', () => {
    const dir = join(tempDir(), 'pack');
    cpSync(PACK, dir, { recursive: true });
    const path = join(dir, 'A4-CAP.yaml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        'ne pouvant dépasser les 10 000 €',
        'ne pouvant pas dépasser 10 000 €',
      ),
    );
    const problems = lintPack(loadRulePack(dir)).map((p) => `${p.line}:${p.column}: ${p.message}`);
    expect(problems).toEqual([
      "9:11: the quote is not, word for word, in clause art4.al1: «à raison d'un montant ne pouvant pas dépasser 10 000 €»",
    ]);
  });

  it('lint finds a clause a rule cites without quoting it or using a parameter taken from it', () => {
    const dir = join(tempDir(), 'pack');
    cpSync(PACK, dir, { recursive: true });
    const path = join(dir, 'A4-IMPUTATION.yaml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        'clauses: [art4.al3.s1]',
        'clauses: [art4.al3.s1, art4.al2]',
      ),
    );
    const problems = lintPack(loadRulePack(dir)).map((p) => `${p.line}:${p.column}: ${p.message}`);
    expect(problems).toEqual([
      '6:24: the rule cites art4.al2 but neither quotes it nor uses a parameter taken from it',
    ]);
  });

  it('lint finds a clause unit no rule encodes and that does not say why', () => {
    const dir = join(tempDir(), 'pack');
    cpSync(PACK, dir, { recursive: true });
    const path = join(dir, 'A5-CONTROLLER.yaml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8')
        .replace('clauses: [art5.al4]', 'clauses: [art5.al3]')
        .replace('  - clause: art5.al4\n', '  - clause: art5.al3\n'),
    );
    const problems = lintPack(loadRulePack(dir)).map((p) => p.message);
    expect(problems).toEqual([
      expect.stringMatching(/^the quote is not, word for word, in clause art5\.al3/),
      'clause art5.al4 is encoded by no rule and does not say why (add notEncoded)',
    ]);
  });

  it('the CLI exits 2 and prints each problem with its file and line', () => {
    const { dir } = brokenPack('A4-CAP.yaml', (t) =>
      t.replace('operator: amountAbove', 'operator: greaterThan'),
    );
    const run = runCli(['check', REFERENCE, '--rules', dir]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^clausier: the rule pack cannot be used:\n.*A4-CAP\.yaml:30:53: the operator greaterThan parses numbers loosely/,
    );
  });
});

/**
 * The problems of a copy of the pack with named conditions `c0`...`c{count}` added, each using
 * the next as `uses` writes it (the last compares dates), and A1-RELEASE-WEEKLY due when `due`.
 */
function withNamedConditions(
  count: number,
  uses: (next: string) => string,
  due: string,
): { problems: string[]; lineOf: (name: string) => number } {
  const dir = join(tempDir(), 'pack');
  cpSync(PACK, dir, { recursive: true });
  const blocks = Array.from({ length: count + 1 }, (_, i) => {
    const when =
      i < count
        ? uses(`c${i + 1}`)
        : '      fact: asOf\n      operator: dateAfter\n      value:\n        fact: item\n        path: friday';
    return `  c${i}:\n    description:\n      fr: c\n      en: c\n    when:\n${when}\n`;
  });
  const conditions = readFileSync(join(dir, 'conditions.yaml'), 'utf8') + blocks.join('');
  writeFileSync(join(dir, 'conditions.yaml'), conditions);
  const rule = join(dir, 'A1-RELEASE-WEEKLY.yaml');
  const text = readFileSync(rule, 'utf8');
  expect(text).toContain('when: { condition: weekOver }');
  writeFileSync(rule, text.replace('when: { condition: weekOver }', `when: ${due}`));
  const lineOf = (name: string): number =>
    conditions.slice(0, conditions.indexOf(`\n  ${name}:\n`)).split('\n').length + 1;
  try {
    loadRulePack(dir);
  } catch (error) {
    if (error instanceof RulePackError) return { problems: problemsOf(error), lineOf };
    throw error;
  }
  throw new Error('the pack loaded');
}

describe('named conditions are refused when, written out, they would not end', () => {
  const written = 'once the named conditions it uses are written out';

  it('nesting past 64 levels, even through a chain of thousands of names', () => {
    // 10,000 names: 0.9 MB, within what the exact YAML reader reads (the file has block scalars).
    const { problems, lineOf } = withNamedConditions(
      10_000,
      (next) => `      condition: ${next}`,
      '{ condition: c0 }',
    );
    // Said once, of the name that goes past the limit, not of each name that uses it.
    expect(problems).toEqual([
      `conditions.yaml:${lineOf('c9936')}:3: the named condition c9936 nests more than 64 levels deep ${written} (expected at most 64)`,
    ]);
  });

  it('growing past 10 000 conditions: names that each use the next twice', () => {
    const { problems, lineOf } = withNamedConditions(
      20,
      (next) => `      any:\n        - condition: ${next}\n        - condition: ${next}`,
      '{ condition: c0 }',
    );
    expect(problems).toEqual([
      `conditions.yaml:${lineOf('c8')}:3: the named condition c8 holds more than 10000 conditions ${written} (expected at most 10000)`,
    ]);
  });

  it('a cycle through many names is said once, its middle left out', () => {
    const { problems, lineOf } = withNamedConditions(
      19,
      (next) =>
        next === 'c19'
          ? `      any:\n        - condition: c19\n        - condition: c0`
          : `      condition: ${next}`,
      '{ condition: c0 }',
    );
    expect(problems).toEqual([
      `conditions.yaml:${lineOf('c0')}:3: the named conditions form a cycle: c0 -> c1 -> c2 -> c3 -> c4 -> … (9 more) -> c14 -> c15 -> c16 -> c17 -> c18 -> c0`,
    ]);
  });

  it('a rule condition that grows past the limit from names that each stay within it', () => {
    const { problems } = withNamedConditions(
      11,
      (next) => `      any:\n        - condition: ${next}\n        - condition: ${next}`,
      '{ all: [{ condition: c0 }, { condition: c0 }] }',
    );
    expect(problems).toEqual([
      `A1-RELEASE-WEEKLY.yaml:19:9: this condition holds more than 10000 conditions ${written} (expected at most 10000)`,
    ]);
  });
});

describe('a pack reads only its own files, and only files', () => {
  /** The problems of a copy of the pack, edited in its folder, beside a file of the machine. */
  const refused = (edit: (dir: string, outside: string) => void): string[] => {
    const dir = join(tempDir(), 'pack');
    cpSync(PACK, dir, { recursive: true });
    const outside = join(dir, '..', 'outside.txt');
    writeFileSync(outside, 'a file of the machine, not of the pack');
    edit(dir, outside);
    try {
      loadRulePack(dir);
    } catch (error) {
      if (error instanceof RulePackError) return problemsOf(error);
      throw error;
    }
    throw new Error('the pack loaded');
  };

  it('the convention’s text is a file in the pack’s folder, even through a link', () => {
    expect(
      refused((dir) => {
        const path = join(dir, 'pack.yaml');
        const text = readFileSync(path, 'utf8');
        writeFileSync(path, text.replace('source: convention.txt', 'source: ../outside.txt'));
      }),
    ).toEqual([
      expect.stringMatching(
        /^pack\.yaml:10:9: the convention's text \.\.\/outside\.txt: it is not in the pack's folder \(expected a file of .*pack\)$/,
      ),
    ]);
    expect(
      refused((dir, outside) => {
        rmSync(join(dir, 'convention.txt'));
        symlinkSync(outside, join(dir, 'convention.txt'));
      }),
    ).toEqual([
      expect.stringMatching(
        /^pack\.yaml:10:9: the convention's text convention\.txt: it is not in the pack's folder/,
      ),
    ]);
  });

  it('a folder named like a rule file is no rule file', () => {
    expect(
      refused((dir) => {
        rmSync(join(dir, 'A4-CAP.yaml'));
        mkdirSync(join(dir, 'A4-CAP.yaml'));
      }),
    ).toEqual([
      'A4-CAP.yaml:1:1: it is not a regular file (expected a text file, not a folder, device or pipe)',
    ]);
  });

  it('a rule file over the size limit of records is refused before it is read', () => {
    expect(
      refused((dir) => {
        // A sparse file: 20 MiB and one byte that take no room on disk.
        truncateSync(join(dir, 'A4-CAP.yaml'), 20 * 1024 * 1024 + 1);
      }),
    ).toEqual(['A4-CAP.yaml:1:1: the file is over the size limit of 20 MiB']);
  });

  it('a pipe named like a rule file is refused, never read without end', () => {
    const dir = join(tempDir(), 'pack');
    cpSync(PACK, dir, { recursive: true });
    rmSync(join(dir, 'A4-CAP.yaml'));
    expect(spawnSync('mkfifo', [join(dir, 'A4-CAP.yaml')]).status).toBe(0);
    // Nothing ever writes to the pipe: reading it would wait for ever.
    const run = runCli(['check', REFERENCE, '--rules', dir], {
      cwd: join(dir, '..'),
      timeoutMs: 30_000,
    });
    expect(run.signal, 'clausier did not finish in 30 s').toBeNull();
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'clausier: the rule pack cannot be used:\npack/A4-CAP.yaml:1:1: it is not a regular file (expected a text file, not a folder, device or pipe)\n',
    );
  });
});

describe('a name is what the pack declares, even one every JavaScript object has', () => {
  it('a named condition the pack calls toString is found, checked, judged and worded', async () => {
    const dir = join(tempDir(), 'pack');
    cpSync(PACK, dir, { recursive: true });
    for (const file of ['conditions.yaml', 'A1-RELEASE-WEEKLY.yaml']) {
      const path = join(dir, file);
      const text = readFileSync(path, 'utf8');
      expect(text).toContain('weekOver');
      writeFileSync(path, text.replaceAll('weekOver', 'toString'));
    }
    const pack = loadRulePack(dir);
    const rule = pack.rules.find((r) => r.id === 'A1-RELEASE-WEEKLY')!;
    expect(conditionInWords(rule.due.when!, pack, 'en', rule)).toEqual([
      'the week is over (the evaluation date is after its Friday) [toString]',
    ]);
    const renamed = await checkRecord({ path: REFERENCE }, { pack });
    const original = await checkRecord({ path: REFERENCE }, { pack: loadRulePack(PACK) });
    expect(renamed.findings).toEqual(original.findings);
  });
});

describe('conditions in words', () => {
  it('agrees the French article of a date operator with what it compares to, and contracts', () => {
    expect(frenchObject('est avant le', '01/01/2015')).toBe('est avant le 01/01/2015');
    expect(frenchObject('est après le', 'fin de la convention')).toBe(
      'est après la fin de la convention',
    );
    expect(frenchObject('est après le', 'dernier jour de la phase')).toBe(
      'est après le dernier jour de la phase',
    );
    expect(frenchObject('est avant le', 'le paramètre plausibleFrom')).toBe(
      'est avant le paramètre plausibleFrom',
    );
    expect(frenchObject('est au plus tard le', 'échéance du préavis')).toBe(
      'est au plus tard l’échéance du préavis',
    );
    expect(frenchObject('est au plus tard le', 'envoi de la mise en demeure')).toBe(
      'est au plus tard l’envoi de la mise en demeure',
    );
    expect(frenchObject('est inférieur à', 'le paramètre minReleaseDaysPerWeek')).toBe(
      'est inférieur au paramètre minReleaseDaysPerWeek',
    );
    expect(frenchObject('est inférieur à', '1')).toBe('est inférieur à 1');
  });

  it('reads every condition of the built-in pack without a broken French article', () => {
    const pack = loadRulePack(join(builtInPacksDir(), 'dinsic-preincubation-2019'));
    const lines = pack.rules.flatMap((rule) =>
      [rule.applies, rule.due.when, ...rule.breaches.map((b) => b.when)]
        .filter((c) => c !== undefined)
        .flatMap((c) => conditionInWords(c, pack, 'fr', rule)),
    );
    expect(lines.length).toBeGreaterThan(60);
    expect(
      lines.filter((l) => /\s(à le|à les|de le|de les|le le|le (date|fin|prise)) /.test(l)),
    ).toEqual([]);
  });
});
