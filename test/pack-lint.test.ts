/**
 * `clausier lint`'s static checks of a pack: a derived fact or a parameter no rule uses (directly
 * or through other derived facts), a rule that breaches on none or all of the records tried, two
 * rules that breach on exactly the same records, a cycle between derived facts. Each fixture is a
 * small pack extending the 2019 one, in a temporary folder; each problem is asserted exactly,
 * with its file, line and column; and the built-in packs' own lint is asserted whole.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  GENERATED_RECORDS,
  lintRulePack,
  unusedProblems,
  type LintProblem,
  type LintRecord,
} from '../src/run/pack-lint.js';
import { french } from '../src/words/messages.js';
import { loadRulePack } from '../src/rules/pack/load.js';
import { builtInPacksDir } from '../src/rules/pack/root.js';
import { packUsage } from '../src/rules/usage.js';
import { caseFiles, REFERENCE, ROOT, runCli, tempDir } from './helpers.js';

const PACK = join(builtInPacksDir(), 'dinsic-preincubation-2019');
const DEPARTEMENT = join(builtInPacksDir(), 'dinsic-preincubation-departement-exemple');
const CAP_BREACH = join(ROOT, 'cases/A4-CAP/a-payment-of-12000-euros-breaches-the-cap.yaml');

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A pack `lint-fixture` extending the 2019 pack, with the files given, in a temporary folder. */
function fixturePack(files: Record<string, string>): string {
  const root = tempDir('clausier-pack-lint-');
  temporary.push(root);
  const dir = join(root, 'pack');
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'pack.yaml'),
    [
      'id: lint-fixture',
      'title: { fr: jeu d’essai, en: test pack }',
      'convention: { fr: convention d’essai, en: test convention }',
      'source: convention.txt',
      `extends: ${PACK}`,
      '',
    ].join('\n'),
  );
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** A rule over the programme (or `over`) whose one breach case holds when `when` does. */
function rule(id: string, when: string, extra: string[] = [], over = 'programme'): string {
  return [
    `id: ${id}`,
    'title: { fr: règle d’essai, en: test rule }',
    'clauses: [art4.al1]',
    'quotes:',
    '  - clause: art4.al1',
    "    text: à raison d'un montant ne pouvant dépasser les 10 000 €",
    'summary: { fr: essai, en: test }',
    'obligor: collectivite',
    'severity: warning',
    'due:',
    '  description: { fr: toujours, en: always }',
    ...extra,
    `over: ${over}`,
    'breaches:',
    '  - id: it',
    `    when: ${when}`,
    '    message: { fr: manquement, en: breach }',
    'messages:',
    '  satisfied: { fr: respecté, en: satisfied }',
    '',
  ].join('\n');
}

/** The problems as `file:line:column: severity: message`, files relative to the pack. */
const shown = (dir: string, problems: readonly LintProblem[]): string[] =>
  problems.map(
    (p) => `${relative(dir, p.file)}:${p.line}:${p.column}: ${p.severity}: ${p.message}`,
  );

describe('a derived fact or a parameter no rule uses', () => {
  const dir = fixturePack({
    'facts.yaml': [
      'facts:',
      '  reading:',
      '    description: { fr: lecture, en: reading }',
      '    type: object',
      '    fields:',
      '      read:',
      '        description: { fr: lu, en: read }',
      '        type: money',
      '        formula: { fact: helper }',
      '      unread:',
      '        description: { fr: non lu, en: unread }',
      '        type: money',
      '        formula: { value: 0 }',
      '  helper:',
      '    description: { fr: aide, en: helper }',
      '    type: money',
      '    formula: { sum: { over: payments, of: amount, where: { fact: item, path: flagged, operator: equal, value: true } } }',
      '  orphan:',
      '    description: { fr: orphelin, en: orphan }',
      '    type: money',
      '    formula: { fact: orphanSource }',
      '  orphanSource:',
      '    description: { fr: source de l’orphelin, en: the orphan’s source }',
      '    type: money',
      '    formula: { value: 0 }',
      '  partlyShown:',
      '    description: { fr: en partie montré, en: partly shown }',
      '    type: object',
      '    fields:',
      '      shownPart:',
      '        description: { fr: montré, en: shown }',
      '        type: money',
      '        shown: true',
      '        formula: { value: 0 }',
      '      hiddenPart:',
      '        description: { fr: caché, en: hidden }',
      '        type: money',
      '        formula: { value: 0 }',
      '  forReports:',
      '    description: { fr: pour les rapports, en: for the reports }',
      '    type: money',
      '    shown: true',
      '    formula: { fact: reportSource }',
      '  reportSource:',
      '    description: { fr: source du rapport, en: the report’s source }',
      '    type: money',
      '    formula: { value: 0 }',
      'fields:',
      '  payments:',
      '    flagged:',
      '      description: { fr: marqué, en: flagged }',
      '      type: boolean',
      '      formula: { fact: item, path: amount, operator: amountAbove, value: 0 }',
      '    neverRead:',
      '      description: { fr: jamais lu, en: never read }',
      '      type: boolean',
      '      formula: { fact: item, path: amount, operator: amountAbove, value: 100 }',
      'collections:',
      '  spareWeeks:',
      '    description: { fr: semaines en trop, en: spare weeks }',
      '    weeks:',
      '      each: intrapreneurs',
      '      from: { fact: phases, path: preincubation.start }',
      '      to: { fact: phases, path: preincubation.end }',
      '    fields:',
      '      spare:',
      '        description: { fr: en trop, en: spare }',
      '        type: boolean',
      '        formula: { value: true }',
      '',
    ].join('\n'),
    'parameters.yaml': [
      'parameters:',
      '  threshold:',
      '    description: { fr: seuil, en: threshold }',
      '    type: money',
      '    values: [{ value: 100.00 }]',
      '    clauses: [art4.al1]',
      '  listedOnly:',
      '    description: { fr: listé seulement, en: listed only }',
      '    type: money',
      '    values: [{ value: 1.00 }]',
      '    clauses: [art4.al1]',
      '  orphanRate:',
      '    description: { fr: taux orphelin, en: orphan rate }',
      '    type: money',
      '    values: [{ value: 2.00 }]',
      '    clauses: [art4.al1]',
      '  shownRate:',
      '    description: { fr: taux montré, en: shown rate }',
      '    type: money',
      '    shown: true',
      '    values: [{ value: 3.00 }]',
      '    clauses: [art4.al1]',
      '',
    ].join('\n'),
    'X-READER.yaml': rule(
      'X-READER',
      '{ fact: reading, path: read, operator: amountAbove, value: { fact: params, path: threshold } }',
      ['parameters: [threshold, listedOnly]'],
    ),
  });

  it('is a warning at its name in the pack’s own file, transitively and once per entry', () => {
    expect(shown(dir, unusedProblems(loadRulePack(dir)))).toEqual([
      "facts.yaml:10:7: warning: no rule uses the derived fact reading.unread, directly or through other derived facts (if clausier's reports show it, say shown: true)",
      "facts.yaml:18:3: warning: no rule uses the derived fact orphan, directly or through other derived facts (if clausier's reports show it, say shown: true)",
      "facts.yaml:22:3: warning: no rule uses the derived fact orphanSource, directly or through other derived facts (if clausier's reports show it, say shown: true)",
      "facts.yaml:35:7: warning: no rule uses the derived fact partlyShown.hiddenPart, directly or through other derived facts (if clausier's reports show it, say shown: true)",
      "facts.yaml:54:5: warning: no rule uses the derived fact payments.neverRead, directly or through other derived facts (if clausier's reports show it, say shown: true)",
      "facts.yaml:59:3: warning: no rule uses the collection spareWeeks, directly or through other derived facts (if clausier's reports show it, say shown: true)",
      'parameters.yaml:7:3: warning: no rule uses the parameter listedOnly, directly or through derived facts; X-READER lists it under parameters: but does not read it',
      'parameters.yaml:12:3: warning: no rule uses the parameter orphanRate, directly or through derived facts',
    ]);
  });

  it('counts what a rule reads through a message, a deadline, a place or its collection', () => {
    const weeks = (name: string, shown: boolean, field: string, formula: string): string[] => [
      `  ${name}:`,
      '    description: { fr: semaines, en: weeks }',
      ...(shown ? ['    shown: true'] : []),
      '    weeks:',
      '      each: intrapreneurs',
      '      where: { fact: item, path: projectSelected, operator: equal, value: { fact: inWhere } }',
      '      from: { fact: phases, path: preincubation.start }',
      '      to: { fact: phases, path: preincubation.end }',
      '    fields:',
      `      ${field}:`,
      '        description: { fr: champ, en: field }',
      '        type: date',
      `        formula: ${formula}`,
    ];
    const dir = fixturePack({
      'facts.yaml': [
        'facts:',
        '  inMessage:',
        '    description: { fr: a, en: a }',
        '    type: money',
        '    formula: { value: 0 }',
        '  inDeadline:',
        '    description: { fr: b, en: b }',
        '    type: date',
        '    formula: { fact: convention, path: start }',
        '  inWhere:',
        '    description: { fr: c, en: c }',
        '    type: boolean',
        '    formula: { value: true }',
        '  inShownWeeks:',
        '    description: { fr: d, en: d }',
        '    type: date',
        '    formula: { fact: convention, path: end }',
        'fields:',
        '  programme:',
        '    place:',
        '      description: { fr: e, en: e }',
        '      type: pointer',
        '      formula: { fact: item, path: pointer }',
        '  phases:',
        '    keyedOnly:',
        '      description: { fr: g, en: g }',
        '      type: date',
        '      formula: { fact: item, path: writtenStart }',
        '  intrapreneurs:',
        '    viaOwner:',
        '      description: { fr: h, en: h }',
        '      type: date',
        '      formula: { fact: item, path: joined }',
        '    viaItemOwner:',
        '      description: { fr: i, en: i }',
        '      type: date',
        '      formula: { fact: item, path: left }',
        '  judgedWeeks:',
        '    dayForParameters:',
        '      description: { fr: f, en: f }',
        '      type: date',
        '      formula: { fact: item, path: friday }',
        'collections:',
        ...weeks(
          'judgedWeeks',
          false,
          'judged',
          '{ firstOf: [{ fact: owner, path: viaOwner }, { fact: item, path: monday }] }',
        ),
        ...weeks('shownWeeks', true, 'shownDay', '{ fact: inShownWeeks }'),
        'paramsOn:',
        '  judgedWeeks: dayForParameters',
        '',
      ].join('\n'),
      'parameters.yaml': [
        'parameters:',
        '  grace:',
        '    description: { fr: délai, en: grace }',
        '    type: period',
        '    values: [{ value: P10D }]',
        '    clauses: [art4.al1]',
        '',
      ].join('\n'),
      'X-READER.yaml': rule(
        'X-READER',
        '{ fact: item, path: paid, operator: amountBelow, value: 0 }',
        ['parameters: [grace]', 'deadlines:', '  late: { from: inDeadline, add: grace }'],
      ).replace(
        '    message: { fr: manquement, en: breach }',
        '    message: { fr: "{inMessage|eur}", en: "{inMessage|eur}" }\n    locations: [place]',
      ),
      'X-WEEKS.yaml': rule(
        'X-WEEKS',
        '{ any: [{ fact: item, path: judged, operator: dateBefore, value: 2019-01-01 }, { fact: item, path: owner.viaItemOwner, operator: dateBefore, value: { fact: phases, path: preincubation.keyedOnly } }] }',
        [],
        'judgedWeeks',
      ),
    });
    expect(unusedProblems(loadRulePack(dir))).toEqual([]);
  });
});

describe('a pack that extends another', () => {
  it('is told of what it writes itself, not of what the pack it extends writes', () => {
    // Its own A5-TERMINATION-NOTICE never reads when the notice period runs from: that derived
    // fact, written by the 2019 pack, is unused here, and not this pack's to remove.
    const dir = fixturePack({
      'A5-TERMINATION-NOTICE.yaml': rule(
        'A5-TERMINATION-NOTICE',
        '{ fact: item, path: paid, operator: amountBelow, value: 0 }',
      ).replace('severity: warning', 'severity: error'),
    });
    const pack = loadRulePack(dir);
    expect(packUsage(pack).facts.map((f) => f.name)).toEqual(['terminations.noticeRunsFrom']);
    expect(packUsage(pack).parameters).toEqual(['noticePeriod']);
    expect(unusedProblems(pack)).toEqual([]);
  });
});

/** A record file with the fixture's template, in a temporary folder. */
function record(from: string): LintRecord & { file: string } {
  const dir = tempDir('clausier-pack-lint-record-');
  temporary.push(dir);
  const file = join(dir, from.slice(from.lastIndexOf('/') + 1));
  writeFileSync(
    file,
    readFileSync(from, 'utf8').replace(
      'template: dinsic-preincubation-2019',
      'template: lint-fixture',
    ),
  );
  return { file, origin: 'given' };
}
const rules = {
  'X-NEVER.yaml': rule('X-NEVER', '{ fact: item, path: paid, operator: amountBelow, value: 0 }'),
  'X-ALWAYS.yaml': rule(
    'X-ALWAYS',
    '{ fact: item, path: paid, operator: amountAtLeast, value: 0 }',
  ),
  'X-TWIN-A.yaml': rule(
    'X-TWIN-A',
    '{ fact: item, path: paid, operator: amountAbove, value: 1000000 }',
  ),
  'X-TWIN-B.yaml': rule(
    'X-TWIN-B',
    '{ not: { fact: item, path: paid, operator: amountAtMost, value: 1000000 } }',
  ),
  'X-ALONE.yaml': rule(
    'X-ALONE',
    '{ fact: item, path: paid, operator: amountAbove, value: 1100000 }',
  ),
};

describe('rules evaluated over records', () => {
  it('a rule breaching on none, or on all, of the records tried; two breaching together', async () => {
    const dir = fixturePack(rules);
    // Paid: 10 000 €, 12 000 € and 11 000 €: X-ALONE breaches on the second only, the twins on
    // the second and the third.
    const records = [record(REFERENCE), record(CAP_BREACH), record(paying(11_000))];
    const lint = await lintRulePack(dir, { records, generated: 0 });
    expect(lint.tried).toBe(3);
    expect(lint.unjudged).toEqual([]);
    expect(
      shown(
        dir,
        lint.problems.filter((p) => p.severity === 'warning'),
      ),
    ).toEqual([
      'X-ALWAYS.yaml:13:1: warning: X-ALWAYS breaches on every record tried (3: cases 0, given 3, generated 0): its breach conditions may always hold; if they need not, add a case that satisfies it',
      'X-NEVER.yaml:13:1: warning: X-NEVER breaches on none of the records tried (3: cases 0, given 3, generated 0): its breach conditions may never hold; if they can, add a case that breaches it',
      'X-TWIN-B.yaml:13:1: warning: X-TWIN-B breaches on exactly the records tried X-TWIN-A breaches on (2 of 3: cases 0, given 3, generated 0): if they are not one obligation written twice, add a case that breaches one and not the other',
    ]);
    // A record of another pack's template is that pack's to try, not this one's.
    const elsewhere = await lintRulePack(dir, {
      records: [{ file: REFERENCE, origin: 'given' }],
      generated: 0,
    });
    expect([elsewhere.tried, elsewhere.unjudged]).toEqual([0, []]);
    // Without the record that tells X-ALONE from the twins, the three breach together: each is
    // said at the later rule, against the first.
    const fewer = await lintRulePack(dir, { records: records.slice(0, 2), generated: 0 });
    expect(
      shown(
        dir,
        fewer.problems.filter((p) => p.message.includes('exactly the records')),
      ).map((p) => p.replace(/: if they.*/, '')),
    ).toEqual([
      'X-TWIN-A.yaml:13:1: warning: X-TWIN-A breaches on exactly the records tried X-ALONE breaches on (1 of 2: cases 0, given 2, generated 0)',
      'X-TWIN-B.yaml:13:1: warning: X-TWIN-B breaches on exactly the records tried X-ALONE breaches on (1 of 2: cases 0, given 2, generated 0)',
    ]);
  });

  it('tries the pack’s cases and generated records by default, and says how many', async () => {
    const dir = fixturePack({
      'X-NEVER.yaml': rules['X-NEVER.yaml'],
      'X-ALWAYS.yaml': rules['X-ALWAYS.yaml'],
      'cases/the-reference.yaml': readFileSync(REFERENCE, 'utf8').replace(
        'template: dinsic-preincubation-2019',
        'template: lint-fixture',
      ),
      'cases/the-reference.expected.yaml': 'description: The reference record\n',
    });
    writeFileSync(
      join(dir, 'pack.yaml'),
      `${readFileSync(join(dir, 'pack.yaml'), 'utf8')}cases: cases\n`,
    );
    const lint = await lintRulePack(dir, { generated: 4 });
    expect(lint.tried).toBe(5);
    expect(
      shown(
        dir,
        lint.problems.filter((p) => p.severity === 'warning'),
      ),
    ).toEqual([
      'X-ALWAYS.yaml:13:1: warning: X-ALWAYS breaches on every record tried (5: cases 1, given 0, generated 4): its breach conditions may always hold; if they need not, add a case that satisfies it',
      'X-NEVER.yaml:13:1: warning: X-NEVER breaches on none of the records tried (5: cases 1, given 0, generated 4): its breach conditions may never hold; if they can, add a case that breaches it',
    ]);
    // The generated records are the same at every run.
    expect(shown(dir, (await lintRulePack(dir, { generated: 4 })).problems)).toEqual(
      shown(dir, lint.problems),
    );
  });

  it('in the command: located warnings, with the errors of the cases’ coverage', () => {
    const dir = fixturePack({ 'X-NEVER.yaml': rules['X-NEVER.yaml'] });
    const given = record(CAP_BREACH);
    const run = runCli(['lint', dir, '--records', given.file, '--generated', '0']);
    const rule = join(dir, 'X-NEVER.yaml');
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        'lint-fixture: 3 problems, 1 warning',
        `  ${rule}:1:5: no case breaches X-NEVER alone`,
        `  ${rule}:1:5: no case satisfies X-NEVER`,
        `  ${rule}:14:9: no case exercises the breach case X-NEVER/it`,
        `  ${rule}:13:1: warning: X-NEVER breaches on none of the records tried (1: cases 0, given 1, generated 0): its breach conditions may never hold; if they can, add a case that breaches it`,
        '',
      ].join('\n'),
    );
    expect(run.status).toBe(1);
  });

  it('in the command: warnings exit 0 unless --fail-on warning; a record that cannot be judged exits 2', () => {
    const dir = fixturePack({
      'facts.yaml': [
        'facts:',
        '  orphan:',
        '    description: { fr: orphelin, en: orphan }',
        '    type: money',
        '    formula: { value: 0 }',
        '',
      ].join('\n'),
    });
    const warning = `  ${join(dir, 'facts.yaml')}:2:3: warning: no rule uses the derived fact orphan, directly or through other derived facts (if clausier's reports show it, say shown: true)\n`;
    const run = runCli(['lint', dir, '--generated', '0']);
    expect(run.stdout).toBe(`lint-fixture: 1 warning\n${warning}`);
    expect(run.status).toBe(0);
    const strict = runCli(['lint', dir, '--generated', '0', '--fail-on', 'warning']);
    expect(strict.stdout).toBe(run.stdout);
    expect(strict.status).toBe(1);
    const inFrench = runCli(['lint', dir, '--generated', '0', '--lang', 'fr']);
    expect(inFrench.stdout).toBe(
      `lint-fixture : 1 avertissement\n  ${join(dir, 'facts.yaml')}:2:3: avertissement : aucune règle n’utilise le fait dérivé orphan, ni directement ni par d’autres faits dérivés (si les rapports de clausier le montrent, indiquez shown: true)\n`,
    );

    const broken = join(tempDir('clausier-pack-lint-record-'), 'broken.yaml');
    temporary.push(join(broken, '..'));
    writeFileSync(broken, 'asOf: 2020-13-01\n');
    const unjudged = runCli(['lint', dir, '--records', broken, '--generated', '0']);
    expect(unjudged.stdout).toBe(run.stdout);
    expect(unjudged.stderr).toMatch(new RegExp(`^clausier: ${broken}:1:1: .* \\(not tried\\)\\n$`));
    expect(unjudged.status).toBe(2);
  });
});

/** The reference record with its one payment of `euros` instead of 10 000 €, as a file. */
function paying(euros: number): string {
  const dir = tempDir('clausier-pack-lint-record-');
  temporary.push(dir);
  const file = join(dir, `paying-${euros}.yaml`);
  const text = readFileSync(REFERENCE, 'utf8');
  if (!text.includes('amount: 10000.00')) throw new Error('the reference pays 10 000 € no more');
  writeFileSync(file, text.replace('amount: 10000.00', `amount: ${euros}.00`));
  return file;
}

describe('a cycle between derived facts', () => {
  it('is a lint problem located where the cycle closes, not a crash', async () => {
    const dir = fixturePack({
      'facts.yaml': [
        'facts:',
        '  loop:',
        '    description: { fr: boucle, en: loop }',
        '    type: date',
        '    formula: { latest: [{ fact: other }] }',
        '  other:',
        '    description: { fr: autre, en: other }',
        '    type: date',
        '    formula: { earliest: [{ fact: loop }] }',
        '',
      ].join('\n'),
    });
    const lint = await lintRulePack(dir, { generated: 0 });
    expect(shown(dir, lint.problems)).toEqual([
      'facts.yaml:3:5: error: the derived facts depend on themselves: loop -> other -> loop',
    ]);
    const run = runCli(['lint', dir]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      `${relative(ROOT, dir)}: 1 problem\n` +
        `  ${join(dir, 'facts.yaml')}:3:5: the derived facts depend on themselves: loop -> other -> loop\n`,
    );
    expect(run.status).toBe(1);
  });
});

describe('the built-in packs', () => {
  it('use every derived fact and parameter they write (the money summary’s one, as shown)', () => {
    expect(packUsage(loadRulePack(PACK))).toEqual({ facts: [], parameters: [] });
    // Without its `shown: true`, the total refunded elsewhere is read by no rule.
    const root = tempDir('clausier-pack-lint-');
    temporary.push(root);
    const dir = join(root, 'pack');
    mkdirSync(dir);
    for (const entry of ['pack.yaml', 'clauses.yaml', 'convention.txt']) {
      writeFileSync(join(dir, entry), readFileSync(join(PACK, entry)));
    }
    const facts = readFileSync(join(PACK, 'facts.yaml'), 'utf8');
    // The `shown: true` of programme.refundedElsewhere, which no rule reads, taken out.
    const shownAt = facts.indexOf(
      '      shown: true\n',
      facts.indexOf('\n    refundedElsewhere:\n'),
    );
    expect(shownAt).toBeGreaterThan(0);
    const unshown = facts.slice(0, shownAt) + facts.slice(shownAt + '      shown: true\n'.length);
    writeFileSync(join(dir, 'facts.yaml'), unshown);
    for (const file of ['parameters.yaml', 'conditions.yaml'])
      writeFileSync(join(dir, file), readFileSync(join(PACK, file)));
    for (const r of loadRulePack(PACK).rules)
      writeFileSync(join(dir, `${r.id}.yaml`), readFileSync(join(PACK, `${r.id}.yaml`)));
    // Where the fact is written in that file: its key's line, and column 5.
    const line =
      unshown.slice(0, unshown.indexOf('\n    refundedElsewhere:\n')).split('\n').length + 1;
    expect(shown(dir, unusedProblems(loadRulePack(dir)))).toEqual([
      `facts.yaml:${line}:5: warning: no rule uses the derived fact programme.refundedElsewhere, directly or through other derived facts (if clausier's reports show it, say shown: true)`,
    ]);
  });

  it('lint clean, each rule breached by some record tried and satisfied by another', async () => {
    const cases = caseFiles().filter((f) =>
      readFileSync(f, 'utf8').includes('template: dinsic-preincubation-2019'),
    );
    const main = await lintRulePack(PACK);
    expect(main).toEqual({
      id: 'dinsic-preincubation-2019',
      problems: [],
      tried: cases.length + GENERATED_RECORDS,
      unjudged: [],
    });
    const departement = await lintRulePack(DEPARTEMENT);
    expect(departement.problems).toEqual([]);
    expect(departement.unjudged).toEqual([]);
    const run = runCli(['lint']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      'dinsic-preincubation-2019: no problem\ndinsic-preincubation-departement-exemple: no problem\n',
    );
    expect(run.status).toBe(0);
  });
});

describe('in French', () => {
  it('every warning of lint has its French', async () => {
    const listed = [
      'parameters:',
      '  listed:',
      '    description: { fr: listé, en: listed }',
      '    type: money',
      '    values: [{ value: 1.00 }]',
      '    clauses: [art4.al1]',
      '',
    ].join('\n');
    const never = '{ fact: item, path: paid, operator: amountBelow, value: 0 }';
    const dir = fixturePack({
      'parameters.yaml': listed,
      'facts.yaml': [
        'facts:',
        '  orphan:',
        '    description: { fr: orphelin, en: orphan }',
        '    type: money',
        '    formula: { value: 0 }',
        'collections:',
        '  spareWeeks:',
        '    description: { fr: semaines en trop, en: spare weeks }',
        '    weeks:',
        '      each: intrapreneurs',
        '      from: { fact: phases, path: preincubation.start }',
        '      to: { fact: phases, path: preincubation.end }',
        '    fields: {}',
        '',
      ].join('\n'),
      'X-ONE.yaml': rule('X-ONE', never, ['parameters: [listed]']),
      'X-TWO.yaml': rule('X-TWO', never, ['parameters: [listed]']),
      'X-ALWAYS.yaml': rules['X-ALWAYS.yaml'],
      'X-TWIN-A.yaml': rules['X-TWIN-A.yaml'],
      'X-TWIN-B.yaml': rules['X-TWIN-B.yaml'],
    });
    const alone = fixturePack({
      'parameters.yaml': listed,
      'X-ONE.yaml': rule('X-ONE', never, ['parameters: [listed]']),
    });
    const records = [record(REFERENCE), record(CAP_BREACH)];
    const lint = await lintRulePack(dir, { records, generated: 1 });
    const messages = [
      ...lint.problems.filter((p) => p.severity === 'warning'),
      ...unusedProblems(loadRulePack(alone)),
    ].map((p) => p.message);
    expect(messages.map((m) => m.replace(/,.*/s, ''))).toEqual([
      'no rule uses the derived fact orphan',
      'no rule uses the collection spareWeeks',
      'no rule uses the parameter listed',
      'X-ALWAYS breaches on every record tried (3: cases 0',
      'X-ONE breaches on none of the records tried (3: cases 0',
      'X-TWIN-B breaches on exactly the records tried X-TWIN-A breaches on (1 of 3: cases 0',
      'X-TWO breaches on none of the records tried (3: cases 0',
      'no rule uses the parameter listed',
    ]);
    for (const message of messages) expect(french(message), message).toMatch(/^aucun|^tous|^les/);
    expect(messages.slice(3, 6).map((m) => french(m))).toEqual([
      'tous les dossiers essayés manquent à X-ALWAYS (3 : cas 0, fournis 2, générés 1) : ses conditions de manquement sont peut-être toujours remplies ; si elles peuvent ne pas l’être, ajoutez un cas qui la respecte',
      'aucun des dossiers essayés ne manque à X-ONE (3 : cas 0, fournis 2, générés 1) : ses conditions de manquement ne sont peut-être jamais remplies ; si elles peuvent l’être, ajoutez un cas qui y manque',
      'les dossiers essayés qui manquent à X-TWIN-B sont exactement ceux qui manquent à X-TWIN-A (1 sur 3 : cas 0, fournis 2, générés 1) : si ce n’est pas une même obligation écrite deux fois, ajoutez un cas qui manque à l’une et pas à l’autre',
    ]);
    expect(french(messages[2]!)).toBe(
      'aucune règle n’utilise le paramètre listed, ni directement ni par des faits dérivés ; X-ONE, X-TWO le listent sous parameters: mais ne le lisent pas',
    );
    expect(french(messages[7]!)).toBe(
      'aucune règle n’utilise le paramètre listed, ni directement ni par des faits dérivés ; X-ONE le liste sous parameters: mais ne le lit pas',
    );
  });
});
