/**
 * The command line, run as users run it: the built dist/cli.cjs in a child process.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/main.js';
import { REFERENCE, ROOT, runCli, tempDir } from './helpers.js';

const STATUSES = ['breach', 'pending', 'satisfied', 'not-applicable', 'undetermined'];

/** Bad inputs of every kind, each as the bytes of a file. */
const BAD_INPUTS: Record<string, Buffer> = {
  'empty.yaml': Buffer.alloc(0),
  'binary.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  'latin1.yaml': Buffer.concat([
    Buffer.from('convention:\n  id: caf'),
    Buffer.from([0xe9]),
    Buffer.from('\n'),
  ]),
  'list.yaml': Buffer.from('- a\n- b\n'),
  'duplicate.yaml': Buffer.from('asOf: 2020-01-01\nasOf: 2020-01-02\n'),
  'proto.yaml': Buffer.from('__proto__: { admin: true }\n'),
  'bomb.yaml': Buffer.from(
    [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdef'
        .split('')
        .map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcde'[i]}`).join(', ')}]`),
    ].join('\n'),
  ),
  'year.yaml': Buffer.from('asOf: 12019-08-30\n'),
  'day.yaml': Buffer.from('asOf: 2019-02-30\n'),
  'syntax.yaml': Buffer.from('a: [\n'),
};

describe('clausier check --format json', () => {
  it('prints the documented shape for the reference record, and exits 0', () => {
    const run = runCli(['check', REFERENCE, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { files: Record<string, unknown>[] };
    expect(report.files).toHaveLength(1);
    const file = report.files[0]!;
    expect(file).toMatchObject({
      file: REFERENCE,
      verdict: 'compliant',
      errors: [],
      asOf: '2020-06-30',
    });
    const findings = file.findings as Record<string, unknown>[];
    expect(findings.length).toBe(32);
    for (const finding of findings) {
      expect(Object.keys(finding)).toEqual(
        expect.arrayContaining(['rule', 'status', 'severity', 'message', 'clauses', 'locations']),
      );
      expect(STATUSES).toContain(finding.status);
      expect(['satisfied', 'not-applicable']).toContain(finding.status);
      for (const location of finding.locations as Record<string, unknown>[]) {
        expect(Object.keys(location)).toEqual(['pointer', 'line', 'column']);
      }
    }
    expect(file.money).toEqual({
      cap: 1_000_000,
      paid: 1_000_000,
      eligibleExpenses: 885_000,
      usedFunds: 885_000,
      refundDue: 115_000,
      refunded: 115_000,
      refundedElsewhere: 0,
      balance: 0,
      refundSettled: true,
      refundDueBy: '2020-05-14',
      paidAboveCap: 0,
    });
  });

  it('exits 1 on a breach and locates it, 1-based, in the file as given', () => {
    const file = join(ROOT, 'cases/A4-CAP/a-payment-of-12000-euros-breaches-the-cap.yaml');
    const run = runCli(['check', file, '--format', 'json', '--lang', 'en']);
    expect(run.status).toBe(1);
    const finding = (JSON.parse(run.stdout).files[0].findings as Record<string, unknown>[]).find(
      (f) => f.status === 'breach',
    );
    expect(finding).toMatchObject({
      rule: 'A4-CAP',
      status: 'breach',
      severity: 'error',
      message: 'Payments: €12,000.00 against a cap of €10,000.00.',
      clauses: ['art3.collectivite.4', 'art4.al1'],
      locations: [{ pointer: '/payments/0/amount', line: 177, column: 5 }],
    });
  });

  it('reports every bad file with its errors, checks the good ones, exits 2, and never prints a stack trace', () => {
    const dir = tempDir();
    for (const [name, bytes] of Object.entries(BAD_INPUTS)) writeFileSync(join(dir, name), bytes);
    cpSync(REFERENCE, join(dir, 'zz-good.yaml'));
    const run = runCli(['check', dir, '--format', 'json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('');
    const files = JSON.parse(run.stdout).files as {
      file: string;
      verdict: string;
      errors: { line: number; message: string }[];
    }[];
    expect(files.map((f) => f.file.slice(dir.length + 1))).toEqual([
      ...Object.keys(BAD_INPUTS).sort(),
      'zz-good.yaml',
    ]);
    for (const file of files.slice(0, -1)) {
      expect(file.verdict, file.file).toBe('invalid');
      expect(file.errors.length, file.file).toBeGreaterThan(0);
      for (const error of file.errors) expect(error.line).toBeGreaterThanOrEqual(1);
    }
    expect(files.at(-1)!.verdict).toBe('compliant');
    expect(run.stdout).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });

  it('gives each bad input its own message in text too, with file:line:column', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'year.yaml'), BAD_INPUTS['year.yaml']!);
    const run = runCli(['check', join(dir, 'year.yaml'), '--lang', 'en', '--no-color']);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(
      `${join(dir, 'year.yaml')}:1:7  asOf: '12019-08-30' is not a date: the year has five digits (expected YYYY-MM-DD)`,
    );
  });
});

describe('files and folders', () => {
  it('searches folders for .yaml and .yml files, in a stable order', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'b'));
    mkdirSync(join(dir, '.hidden'));
    cpSync(REFERENCE, join(dir, 'b', 'z.yml'));
    cpSync(REFERENCE, join(dir, 'a.yaml'));
    cpSync(REFERENCE, join(dir, 'B.yaml'));
    cpSync(REFERENCE, join(dir, '.hidden', 'x.yaml'));
    writeFileSync(join(dir, 'notes.txt'), 'not a record');
    const run = runCli(['check', dir, '--format', 'json']);
    expect(run.status).toBe(0);
    expect(
      (JSON.parse(run.stdout).files as { file: string }[]).map((f) => f.file.slice(dir.length + 1)),
    ).toEqual(['B.yaml', 'a.yaml', 'b/z.yml']);
  });

  it('a path that does not exist is an input error, and the others are still checked', () => {
    const run = runCli(['check', 'no/such/file.yaml', REFERENCE, '--format', 'json']);
    expect(run.status).toBe(2);
    const files = JSON.parse(run.stdout).files as {
      file: string;
      verdict: string;
      errors: unknown[];
    }[];
    expect(files[0]).toMatchObject({
      file: 'no/such/file.yaml',
      verdict: 'invalid',
      errors: [{ message: 'no such file or folder', line: 1, column: 1, pointer: '' }],
    });
    expect(files[1]!.verdict).toBe('compliant');
  });

  /** A tree of records reached through links: two real records, links to them and to their folder. */
  function linkedTree(): string {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    mkdirSync(join(dir, 'links'));
    cpSync(REFERENCE, join(dir, 'real', 'a.yaml'));
    cpSync(REFERENCE, join(dir, 'real', 'b.yaml'));
    symlinkSync('../real/a.yaml', join(dir, 'links', 'a.yaml'));
    symlinkSync('../real/b.yaml', join(dir, 'links', 'b-again.yaml'));
    symlinkSync('../real', join(dir, 'links', 'sub'));
    return dir;
  }

  /** The files of a JSON report, relative to a folder, and their verdicts and first errors. */
  const checked = (stdout: string, dir: string) =>
    (
      JSON.parse(stdout).files as { file: string; verdict: string; errors: { message: string }[] }[]
    ).map((f) => [
      // As given or relative to the working directory (ROOT), whichever clausier chose.
      relative(dir, resolve(ROOT, f.file)),
      f.verdict,
      f.errors[0]?.message,
    ]);

  it('follows links in folders as globs do, and checks each real file once', () => {
    const dir = linkedTree();
    const expected = [
      ['links/a.yaml', 'compliant', undefined],
      ['links/b-again.yaml', 'compliant', undefined],
    ];
    const folder = runCli(['check', join(dir, 'links'), '--format', 'json']);
    expect(checked(folder.stdout, dir)).toEqual(expected);
    expect(folder.status).toBe(0);
    const glob = runCli(['check', join(dir, 'links', '**', '*.yaml'), '--format', 'json']);
    expect(checked(glob.stdout, dir)).toEqual(expected);
    // A file named twice, once through a link, is checked once.
    const twice = runCli([
      'check',
      join(dir, 'real', 'a.yaml'),
      join(dir, 'links', 'a.yaml'),
      '--format',
      'json',
    ]);
    expect(checked(twice.stdout, dir)).toEqual([['real/a.yaml', 'compliant', undefined]]);
    // A file named, then found again in a folder reached through a link (its real path known
    // from the folder's, not asked of the disk): still once.
    const again = runCli([
      'check',
      join(dir, 'real', 'a.yaml'),
      join(dir, 'links', 'sub'),
      join(dir, 'real'),
      '--format',
      'json',
    ]);
    expect(checked(again.stdout, dir)).toEqual([
      ['real/a.yaml', 'compliant', undefined],
      ['links/sub/b.yaml', 'compliant', undefined],
    ]);
  });

  it('reports a link that loops back to a folder above it, and walks the loop no further', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'loop'));
    cpSync(REFERENCE, join(dir, 'loop', 'record.yaml'));
    symlinkSync('.', join(dir, 'loop', 'again'));
    const loop = [
      'loop/again',
      'invalid',
      'a link to a folder that holds it (a loop): it is not followed',
    ];
    const record = ['loop/record.yaml', 'compliant', undefined];
    const folder = runCli(['check', join(dir, 'loop'), '--format', 'json']);
    expect(checked(folder.stdout, dir)).toEqual([loop, record]);
    expect(folder.status).toBe(2);
    const glob = runCli(['check', join(dir, 'loop', '**', '*.yaml'), '--format', 'json']);
    expect(checked(glob.stdout, dir)).toEqual([loop, record]);
  });

  it('reports a link named as a record that leads nowhere, in a folder, and checks the others', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'records'));
    cpSync(REFERENCE, join(dir, 'records', 'a.yaml'));
    symlinkSync('../moved.yaml', join(dir, 'records', 'b.yaml'));
    // A link to nothing that is not named as a record is no record: left out.
    symlinkSync('../notes.txt', join(dir, 'records', 'notes.txt'));
    const run = runCli(['check', join(dir, 'records'), '--format', 'json']);
    expect(checked(run.stdout, dir)).toEqual([
      ['records/a.yaml', 'compliant', undefined],
      [
        'records/b.yaml',
        'invalid',
        'a link to ../moved.yaml, which does not exist (expected a record file)',
      ],
    ]);
    expect(run.status).toBe(2);
    // A glob finds it too, as deep as the pattern reaches, and only if the pattern matches it.
    symlinkSync('gone.yaml', join(dir, 'records', 'c.yaml'));
    mkdirSync(join(dir, 'records', 'deeper'));
    symlinkSync('gone.yaml', join(dir, 'records', 'deeper', 'd.yaml'));
    const broken = (name: string, to: string) => [
      `records/${name}`,
      'invalid',
      `a link to ${to}, which does not exist (expected a record file)`,
    ];
    const a = ['records/a.yaml', 'compliant', undefined];
    for (const [pattern, expected] of [
      [
        join(dir, 'records', '*.yaml'),
        [a, broken('b.yaml', '../moved.yaml'), broken('c.yaml', 'gone.yaml')],
      ],
      [
        join(dir, 'records', '**', '*.yaml'),
        [
          a,
          broken('b.yaml', '../moved.yaml'),
          broken('c.yaml', 'gone.yaml'),
          broken('deeper/d.yaml', 'gone.yaml'),
        ],
      ],
      [join(dir, 'records', '[ab].yaml'), [a, broken('b.yaml', '../moved.yaml')]],
    ] as const) {
      const globbed = runCli(['check', pattern, '--format', 'json']);
      expect(checked(globbed.stdout, dir), pattern).toEqual(expected);
      expect(globbed.status, pattern).toBe(2);
    }
    rmSync(join(dir, 'records', 'c.yaml'));
    rmSync(join(dir, 'records', 'deeper'), { recursive: true });
    // Alone in its folder, it is still a record the run cannot read.
    rmSync(join(dir, 'records', 'a.yaml'));
    const alone = runCli(['check', join(dir, 'records'), '--format', 'json', '--lang', 'fr']);
    expect(checked(alone.stdout, dir)).toEqual([
      [
        'records/b.yaml',
        'invalid',
        'un lien vers ../moved.yaml, qui n’existe pas (attendu : un fichier de dossier)',
      ],
    ]);
    expect(alone.status).toBe(2);
  });

  it('reports a named pipe and a link to itself named as records, in a folder and in a glob', () => {
    // A pipe would hold the run until someone writes to it: found in a folder, it is not read.
    const dir = tempDir();
    mkdirSync(join(dir, 'records'));
    cpSync(REFERENCE, join(dir, 'records', 'a.yaml'));
    expect(spawnSync('mkfifo', [join(dir, 'records', 'pipe.yaml')]).status).toBe(0);
    symlinkSync('self.yaml', join(dir, 'records', 'self.yaml'));
    const expected = [
      ['records/a.yaml', 'compliant', undefined],
      [
        'records/pipe.yaml',
        'invalid',
        'a named pipe, a socket or a device, not a file (expected a record file)',
      ],
      [
        'records/self.yaml',
        'invalid',
        'a link to self.yaml, which leads back to itself through links (expected a record file)',
      ],
    ];
    for (const target of [join(dir, 'records'), join(dir, 'records', '*.yaml')]) {
      const run = runCli(['check', target, '--format', 'json'], { timeoutMs: 20_000 });
      expect(checked(run.stdout, dir), target).toEqual(expected);
      expect(run.status, target).toBe(2);
    }
  });

  it('never writes to the files it checks', () => {
    const dir = tempDir();
    const file = join(dir, 'r.yaml');
    cpSync(REFERENCE, file);
    const before = readFileSync(file);
    runCli(['check', file]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('control characters', () => {
  // What a file name or a value could make a terminal do: clear it, retitle it, recolour it.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

  it('are shown escaped in text output: file names, messages and code frames', () => {
    const dir = tempDir();
    const reference = readFileSync(REFERENCE, 'utf8');
    const evil = join(dir, 'evil\u001b[2J\u001b]0;title\u0007.yaml');
    writeFileSync(
      evil,
      reference.replace('amount: 10000.00', 'amount: 10000.01 # \u001b[31mred\u009b1m'),
    );
    writeFileSync(join(dir, 'bad.yaml'), `${reference}"bad\\e[31mkey": 1\n`);
    const run = runCli(['check', dir, '--lang', 'en']);
    expect(run.status).toBe(2);
    expect(run.stdout).not.toMatch(CONTROLS);
    expect(run.stdout).toContain("(record): unknown field 'bad\\x1B[31mkey'");
    expect(run.stdout).toContain(
      `${dir}/evil\\x1B[2J\\x1B]0;title\\x07.yaml: NOT COMPLIANT (2 breaches) as of 2020-06-30`,
    );
    expect(run.stdout).toContain('> 177 |     amount: 10000.01 # \\x1B[31mred\\x9B1m\n');
    // The caret stays under the place it points at.
    expect(run.stdout).toContain('\n            |     ^\n');
  });

  it('line feeds too, so that a value or a file name cannot write a line of its own', () => {
    // A line starting with '::' is a command to GitHub Actions; a summary line misleads anyone.
    const dir = tempDir();
    const forged = '\n::error file=forged.yaml,line=1::forged\n1 file: 1 compliant';
    const reference = readFileSync(REFERENCE, 'utf8');
    const record = join(dir, 'record.yaml');
    writeFileSync(
      record,
      reference
        .replace('amount: 10000.00', `amount: 10000.01\n    note: 1`)
        .replace(/^terms: \{\}$/m, `terms: {}\n${JSON.stringify(`bad${forged}`)}: 1`),
    );
    const named = join(dir, `named${forged}.yaml`);
    writeFileSync(named, `${reference}"x${forged.replaceAll('\n', '\\n')}": 1\n`);
    const lines = (text: string): string[] => text.split('\n');
    const check = runCli(['check', dir, '--lang', 'en']);
    expect(check.status).toBe(2);
    const report = runCli(['report', record, '--output', join(dir, 'out.html'), '--lang', 'en']);
    expect(report.status).toBe(2);
    for (const [what, text] of [
      ['check', check.stdout],
      ['report', report.stderr],
    ] as const) {
      expect(text, what).toContain('\\x0A::error file=forged.yaml,line=1::forged\\x0A1 file');
      expect(
        lines(text).filter((l) => l.startsWith('::')),
        what,
      ).toEqual([]);
      expect(
        lines(text).filter((l) => l.startsWith('1 file: 1 compliant')),
        what,
      ).toEqual([]);
    }
  });

  it('are shown escaped in errors on standard error', () => {
    const dir = tempDir();
    const output = join(dir, 'no\u001b[2Jfolder', 'report.txt');
    const run = runCli(['check', REFERENCE, '--output', output]);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(CONTROLS);
    expect(run.stderr).toBe(
      `clausier check: --output: the folder ${dir}/no\\x1B[2Jfolder does not exist\nTry 'clausier check --help'.\n`,
    );
  });
});

describe('usage', () => {
  it('builds a command run alone as the program with every command builds it', () => {
    // A run of `clausier check` builds the check command alone (main.ts): its options, help and
    // French wording are those it has beside the others.
    for (const language of ['en', 'fr'] as const) {
      const context = { setExit: () => {}, language };
      const all = buildProgram(context);
      expect(all.commands.map((c) => c.name())).toEqual([
        'check',
        'rules',
        'explain',
        'schema',
        'init',
        'lint',
        'test',
        'doc',
        'report',
        'agenda',
        'ledger',
      ]);
      for (const command of all.commands) {
        const alone = buildProgram(context, command.name());
        expect(alone.commands.map((c) => c.name())).toEqual([command.name()]);
        expect(alone.commands[0]!.helpInformation()).toBe(command.helpInformation());
      }
      expect(buildProgram(context, 'nonsense').commands).toHaveLength(11);
    }
  });

  it('an unknown option or format is bad usage: exit 2', () => {
    expect(runCli(['check', REFERENCE, '--frobnicate']).status).toBe(2);
    expect(runCli(['check', REFERENCE, '--format', 'xml']).status).toBe(2);
    expect(runCli(['nonsense']).status).toBe(2);
    expect(runCli(['check']).status).toBe(2);
  });

  it('a bad --as-of is bad usage, said plainly', () => {
    const run = runCli(['check', REFERENCE, '--as-of', '2020-02-30']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "clausier check: --as-of: '2020-02-30' is not a date: February 2020 has 29 days\nTry 'clausier check --help'.\n",
    );
  });

  it('--as-of overrides the record’s asOf', () => {
    const run = runCli(['check', REFERENCE, '--as-of', '2020-04-01', '--format', 'json']);
    const report = JSON.parse(run.stdout).files[0];
    expect(report.asOf).toBe('2020-04-01');
    expect(
      report.findings.find((f: { rule: string }) => f.rule === 'A4-REFUND-UNUSED').status,
    ).toBe('pending');
  });

  it('--fail-on decides what makes exit 1', () => {
    const warning = join(
      ROOT,
      'cases/A4-IMPUTATION/a-payment-imputed-on-programme-353-breaches-a4-imputation.yaml',
    );
    expect(runCli(['check', warning]).status).toBe(1);
    expect(runCli(['check', warning, '--fail-on', 'error']).status).toBe(0);
    const pending = join(ROOT, 'cases/A4-REFUND-UNUSED/a-refund-not-yet-due-is-pending.yaml');
    expect(runCli(['check', pending]).status).toBe(0);
    expect(runCli(['check', pending, '--fail-on', 'pending']).status).toBe(1);
    const undetermined = join(
      ROOT,
      'cases/A1-RELEASE-WEEKLY/an-intrapreneur-without-release-records-leaves-a1-release-weekly-undetermined.yaml',
    );
    expect(runCli(['check', undetermined]).status).toBe(0);
    expect(runCli(['check', undetermined, '--fail-on', 'undetermined']).status).toBe(1);
  });

  it('command-line values are checked before any file is read: a bad one never waits on a pipe', () => {
    const pipe = join(tempDir(), 'pipe.yaml');
    expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
    // Nothing ever writes to the pipe: reading it would wait for ever.
    for (const [option, value] of [
      ['--as-of', '2019-02-30'],
      ['--max-size', '20X'],
      ['--jobs', '0'],
      ['--format', 'pdf'],
    ]) {
      const run = runCli(['check', pipe, option!, value!], { timeoutMs: 30_000 });
      expect(run.signal, `${option}: clausier waited on the pipe`).toBeNull();
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      // The problem is said first, in one line naming the option (then a hint: --help).
      expect(run.stderr.split('\n')[0]).toMatch(
        new RegExp(`^clausier( check)? ?: (option .*)?${option}`),
      );
    }
  });

  it('a warning about a record fails the run only from --fail-on record, cached or not', () => {
    const record = join(
      ROOT,
      'cases/record-checks/a-session-a-leave-and-a-closed-week-outside-phase-3-are-record-warnings.yaml',
    );
    const cache = tempDir('clausier-cache-');
    for (const extra of [
      [],
      ['--cache', '--cache-location', cache],
      ['--cache', '--cache-location', cache],
    ]) {
      expect(runCli(['check', record, ...extra]).status).toBe(0);
      expect(runCli(['check', record, '--fail-on', 'warning', ...extra]).status).toBe(0);
      expect(runCli(['check', record, '--fail-on', 'record', ...extra]).status).toBe(1);
      expect(runCli(['check', record, '--fail-on', 'undetermined', ...extra]).status).toBe(1);
    }
    const text = runCli(['check', record, '--lang', 'en']).stdout;
    expect(text).toContain('compliant as of 2020-06-30');
    expect(text).toContain('record to check  REC-ENTRY-IN-PERIOD');
    expect(text).toContain(
      '1 file: 1 compliant, 0 not compliant, 0 invalid; breaches: 0 errors, 0 warnings; 3 warnings about the records',
    );
  });

  it('an event dated after the evaluation date is a located notice, in text and JSON', () => {
    const record = join(
      ROOT,
      'cases/as-it-stood/a-refund-dated-after-the-evaluation-date-does-not-discharge-the-overdue-refund.yaml',
    );
    const json = JSON.parse(runCli(['check', record, '--format', 'json', '--lang', 'en']).stdout);
    expect(json.files[0].notices).toEqual([
      {
        kind: 'after-evaluation-date',
        message: 'Dated 2020-07-15, after the evaluation date (2020-06-30): not counted.',
        pointer: '/refunds/0/date',
        line: 198,
        column: 5,
      },
    ]);
    const refund = json.files[0].findings.find(
      (f: { rule: string }) => f.rule === 'A4-REFUND-UNUSED',
    );
    expect(refund).toMatchObject({
      status: 'breach',
      kind: 'obligation',
      case: 'not-refunded',
      due: '2020-05-14',
      daysLate: 47,
    });
    const text = runCli(['check', record, '--lang', 'en']).stdout;
    expect(text).toContain(
      `${record}:198:5  not counted  Dated 2020-07-15, after the evaluation date (2020-06-30): not counted.`,
    );
  });

  it('help and version exit 0', () => {
    expect(runCli(['--help']).status).toBe(0);
    expect(runCli(['--version']).stdout.trim()).toBe(
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
    );
  });
});

// That the cases give the same bytes in any time zone and locale, with --lang given, is
// test/determinism.test.ts's.
describe('determinism', () => {
  it('without --lang, the language follows the environment', () => {
    expect(runCli(['check', REFERENCE], { env: { LANG: 'fr_FR.UTF-8' } }).stdout).toContain(
      'conforme au 30/06/2020',
    );
    expect(runCli(['check', REFERENCE], { env: { LANG: 'C' } }).stdout).toContain(
      'compliant as of 2020-06-30',
    );
  });
});
