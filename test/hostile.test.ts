/**
 * Hostile input: files made to hurt a reader — alias bombs, documents nested thousands deep,
 * files far over the size limit, endless input, very long lines and strings, NUL bytes,
 * byte-order marks, CRLF line ends, bytes that are not UTF-8, tags a record never uses,
 * `__proto__` and `constructor` keys. Each gets its own clear error, at its place in the file,
 * in bounded time and memory.
 *
 * Inputs that could hang or crash a process are checked through the built CLI in a child
 * process, with a time limit and a heap limit: a hang or a crash fails the test and says so,
 * instead of stopping the test run. The others are checked through the library.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateRecord, optionsForSize } from '../bench/generate.mjs';
import { checkSource } from '../src/pipeline.js';
import { type FileReport } from '../src/model/finding.js';
import { loadRecordBytes } from '../src/load/index.js';
import { CLI, REFERENCE, ROOT, runCli, tempDir } from './helpers.js';

const REF = readFileSync(REFERENCE, 'utf8');
const encoder = new TextEncoder();
const bytes = (text: string): Uint8Array => encoder.encode(text);

/** The problems found in a record's bytes, without their pointers. */
function problems(input: string | Uint8Array): { message: string; line: number; column: number }[] {
  return loadRecordBytes(
    typeof input === 'string' ? bytes(input) : input,
    'hostile.yaml',
  ).problems.map(({ message, line, column }) => ({ message, line, column }));
}

/** The reference record with one piece of text replaced (which must be there). */
function edit(from: string, to: string, text = REF): string {
  if (!text.includes(from)) throw new Error(`not in the record: ${from}`);
  return text.replace(from, to);
}

/** What a report says and where, to compare two reports of the same record written differently. */
const said = (report: FileReport) => ({
  verdict: report.verdict,
  errors: report.errors,
  findings: report.findings.map((f) => [f.rule, f.status, f.message, f.locations]),
  money: report.money,
});

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});
function scratch(): string {
  const dir = tempDir('clausier-hostile-');
  temporary.push(dir);
  return dir;
}

const TIME_LIMIT_MS = 30_000;
const HEAP_LIMIT_MB = 512;
/** Reading endless input without a limit would take the machine's memory: cap it first. */
const ENDLESS_ADDRESS_SPACE_KIB = 2 * 1024 * 1024;

/**
 * Runs the built CLI with a time limit and a heap limit. A run that does not finish in time, or
 * that a signal ends (a crash, an abort on memory), fails with what happened.
 */
function runBounded(
  args: string[],
  options: {
    input?: string | Buffer;
    stdin?: number;
    env?: NodeJS.ProcessEnv;
    /** Also limit the process's address space (`ulimit -v`, in KiB): for endless input. */
    addressSpaceKiB?: number;
    timeLimitMs?: number;
  } = {},
): { status: number | null; stdout: string; stderr: string } {
  const spawnOptions: SpawnSyncOptions = {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: options.timeLimitMs ?? TIME_LIMIT_MS,
    killSignal: 'SIGKILL',
    ...(options.input !== undefined && { input: options.input }),
    ...(options.stdin !== undefined && { stdio: [options.stdin, 'pipe', 'pipe'] }),
  };
  const command = [process.execPath, `--max-old-space-size=${HEAP_LIMIT_MB}`, CLI, ...args];
  const result =
    options.addressSpaceKiB === undefined
      ? spawnSync(command[0]!, command.slice(1), spawnOptions)
      : spawnSync(
          '/bin/sh',
          [
            '-c',
            'ulimit -v "$1" && shift && exec "$@"',
            'sh',
            String(options.addressSpaceKiB),
            ...command,
          ],
          spawnOptions,
        );
  const stderr = String(result.stderr ?? '');
  if ((result.error as { code?: string } | undefined)?.code === 'ETIMEDOUT') {
    const seconds = (options.timeLimitMs ?? TIME_LIMIT_MS) / 1000;
    throw new Error(`clausier ${args.join(' ')} did not finish within ${seconds} s`);
  }
  if (result.signal !== null) {
    throw new Error(
      `clausier ${args.join(' ')} was ended by ${result.signal} (exit ${result.status}): ${stderr.slice(0, 400)}`,
    );
  }
  expect(stderr).not.toMatch(/\n\s+at .*:\d+:\d+|FATAL ERROR|internal error/);
  return { status: result.status, stdout: String(result.stdout), stderr };
}

/** The reports of a `--format json` run. */
const filesOf = (stdout: string): FileReport[] => JSON.parse(stdout).files as FileReport[];

// ---------------------------------------------------------------------------------------------

describe('alias bombs', () => {
  it('a billion laughs is refused where the expansion budget runs out', () => {
    const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [name, previous] of ['ba', 'cb', 'dc', 'ed', 'fe', 'gf', 'hg', 'ih']) {
      laughs.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    expect(problems(laughs.join('\n') + '\n')).toEqual([
      {
        message: 'aliases expand the document beyond 100000 values (an alias bomb?)',
        line: 6,
        column: 8,
      },
    ]);
  });

  it('many aliases of one anchor are expanded in linear time, not one search of the document each', () => {
    // 30,000 aliases: each one resolved by walking the whole document would take minutes.
    const record = edit(
      'closedWeeks: [2019-W52, 2020-W01]',
      `closedWeeks: [&w 2019-W52, 2020-W01${', *w'.repeat(30_000)}]`,
    );
    const dir = scratch();
    writeFileSync(join(dir, 'aliases.yaml'), record);
    const run = runBounded(['check', join(dir, 'aliases.yaml'), '--format', 'json'], {
      timeLimitMs: 15_000,
    });
    expect(run.status).toBe(0);
    expect(filesOf(run.stdout)[0]).toMatchObject({ verdict: 'compliant', errors: [] });
  });

  it('an alias of its own anchor is refused, not followed forever', () => {
    expect(problems('a: &a [*a]\n')).toEqual([
      { message: 'the document is nested too deeply (more than 64 levels)', line: 1, column: 8 },
    ]);
  });

  it('an amount written as an alias is read, to the cent, from its anchor', () => {
    const record = edit(
      'amount: 1400.00, purpose: coaching }\n  - { id: coaching-novembre, date: 2019-11-29, amount: 1400.00',
      'amount: &coaching 1400.00, purpose: coaching }\n  - { id: coaching-novembre, date: 2019-11-29, amount: *coaching',
    );
    const loaded = loadRecordBytes(bytes(record), 'alias.yaml');
    expect(loaded.problems).toEqual([]);
    expect(loaded.record?.expenses?.map((e) => e.amount)).toEqual([
      60_000, 125_000, 140_000, 140_000, 90_000, 105_000, 85_000, 140_000,
    ]);
  });

  it('`<<` is a plain key in YAML 1.2: nothing is merged', () => {
    expect(problems(edit('terms: {}', 'terms: { <<: { fundingCap: 2000000 } }'))).toEqual([
      {
        message:
          "terms: unknown field '<<' (expected one of 'fundingCap', 'minReleaseDaysPerWeek', 'coachingPerWeek', 'paymentDelay', 'refundDelay', 'seminarDelay' or 'noticePeriod')",
        line: 44,
        column: 10,
      },
    ]);
  });
});

describe('documents nested thousands deep', () => {
  it('are refused at their 65th level, the same way every time, in one process', () => {
    const dir = scratch();
    const files: Record<string, string> = {
      // A small one first: a process that has run once has a warmer, different stack.
      'a-flow-1000.yaml': `a: ${'['.repeat(1_000)}${']'.repeat(1_000)}\n`,
      'b-flow-10000.yaml': `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
      'c-flow-1000-again.yaml': `a: ${'['.repeat(1_000)}${']'.repeat(1_000)}\n`,
      'd-flow-mappings-10000.yaml': `a: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`,
      // 1,400 levels: 0.98 MB, within what the exact path reads.
      'e-block-mappings-1400.yaml': Array.from(
        { length: 1_400 },
        (_, i) => `${' '.repeat(i)}k:\n`,
      ).join(''),
      'f-block-sequences-5000.yaml': `a:\n  ${'- '.repeat(5_000)}x\n`,
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const run = runBounded(['check', dir, '--format', 'json']);
    expect(run.status).toBe(2);
    const deep = 'the document is nested too deeply (more than 64 levels)';
    expect(
      filesOf(run.stdout).map((f) => [
        f.file.slice(dir.length + 1),
        f.errors.map(({ message, line, column }) => ({ message, line, column })),
      ]),
    ).toEqual([
      ['a-flow-1000.yaml', [{ message: deep, line: 1, column: 68 }]],
      ['b-flow-10000.yaml', [{ message: deep, line: 1, column: 68 }]],
      ['c-flow-1000-again.yaml', [{ message: deep, line: 1, column: 68 }]],
      ['d-flow-mappings-10000.yaml', [{ message: deep, line: 1, column: 260 }]],
      ['e-block-mappings-1400.yaml', [{ message: deep, line: 66, column: 66 }]],
      ['f-block-sequences-5000.yaml', [{ message: deep, line: 2, column: 131 }]],
    ]);
  });

  it('the limit is 64 levels: the root mapping is level 0, and 64 brackets reach level 64', () => {
    const nested = (depth: number): string[] =>
      problems(`a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`).map(
        (p) => `${p.line}:${p.column} ${p.message}`,
      );
    expect(nested(64)).not.toContain(
      '1:68 the document is nested too deeply (more than 64 levels)',
    );
    expect(nested(65)).toEqual(['1:68 the document is nested too deeply (more than 64 levels)']);
  });
});

describe('the size limit', () => {
  it('a 50 MB file is refused before it is read, and --max-size raises the limit', () => {
    const file = join(scratch(), 'fifty.yaml');
    // A sparse file: 50 MiB of NUL bytes that take no room on disk.
    writeFileSync(file, '');
    truncateSync(file, 50 * 1024 * 1024);
    const refused = runBounded(['check', file, '--format', 'json']);
    expect(refused.status).toBe(2);
    expect(filesOf(refused.stdout)[0]!.errors).toEqual([
      {
        message: 'the file is 50.0 MiB, over the limit of 20.0 MiB (raise it with --max-size)',
        line: 1,
        column: 1,
        pointer: '',
      },
    ]);
    // Under a raised limit the file is read: it is all NUL bytes.
    const read = runBounded(['check', file, '--format', 'json', '--max-size', '60M']);
    expect(read.status).toBe(2);
    expect(filesOf(read.stdout)[0]!.errors).toEqual([
      {
        message: 'the file contains a NUL byte: it looks like a binary file (expected UTF-8 text)',
        line: 1,
        column: 1,
        pointer: '',
      },
    ]);
  });

  it('a file one byte over the limit is said so in bytes, not as 20.0 MiB over 20.0 MiB', () => {
    const file = join(scratch(), 'one-over.yaml');
    writeFileSync(file, '');
    truncateSync(file, 20 * 1024 * 1024 + 1);
    const refused = runBounded(['check', file, '--format', 'json']);
    expect(filesOf(refused.stdout)[0]!.errors[0]!.message).toBe(
      'the file is 20,971,521 bytes, over the limit of 20,971,520 bytes (raise it with --max-size)',
    );
    // Where the rounded figures differ, they say enough.
    truncateSync(file, 20 * 1024 * 1024 + 60 * 1024);
    const further = runBounded(['check', file, '--format', 'json']);
    expect(filesOf(further.stdout)[0]!.errors[0]!.message).toBe(
      'the file is 20.1 MiB, over the limit of 20.0 MiB (raise it with --max-size)',
    );
  });

  it('standard input is held to the same limit', () => {
    const input = Buffer.alloc(50 * 1024 * 1024, 0x20);
    const run = runBounded(['check', '-', '--format', 'json'], { input });
    expect(run.status).toBe(2);
    expect(filesOf(run.stdout)[0]!.errors).toEqual([
      {
        message: 'the input is 50.0 MiB, over the limit of 20.0 MiB (raise it with --max-size)',
        line: 1,
        column: 1,
        pointer: '',
      },
    ]);
  });

  it('endless standard input is refused once past the limit, not read forever', () => {
    const zero = openSync('/dev/zero', 'r');
    try {
      const run = runBounded(['check', '-', '--format', 'json', '--max-size', '1M'], {
        stdin: zero,
        addressSpaceKiB: ENDLESS_ADDRESS_SPACE_KIB,
      });
      expect(run.status).toBe(2);
      const [error] = filesOf(run.stdout)[0]!.errors;
      expect(error).toMatchObject({ line: 1, column: 1, pointer: '' });
      expect(error!.message).toMatch(/over the limit of 1\.0 MiB \(raise it with --max-size\)$/);
    } finally {
      closeSync(zero);
    }
  });

  it('an endless file (a device) is refused once past the limit, not read forever', () => {
    const run = runBounded(['check', '/dev/zero', '--format', 'json', '--max-size', '1M'], {
      addressSpaceKiB: ENDLESS_ADDRESS_SPACE_KIB,
    });
    expect(run.status).toBe(2);
    const [error] = filesOf(run.stdout)[0]!.errors;
    expect(error).toMatchObject({ line: 1, column: 1, pointer: '' });
    expect(error!.message).toMatch(
      /over the limit of 1\.0 MiB \(raise it with --max-size\)$|is not a regular file/,
    );
  });

  it('the default limit admits the 10 MB records of the benchmarks', () => {
    const file = join(scratch(), 'ten.yaml');
    writeFileSync(file, generateRecord(optionsForSize(10_000_000, 7)));
    const run = runBounded(['check', file, '--format', 'json']);
    expect(run.status).toBe(0);
    expect(filesOf(run.stdout)[0]).toMatchObject({ verdict: 'compliant', errors: [] });
  });

  it('a bad --max-size is bad usage', () => {
    const run = runCli(['check', REFERENCE, '--max-size', '20X']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "clausier check: --max-size: '20X' is not a size (e.g. 20000000, 20M or 512k)\nTry 'clausier check --help'.\n",
    );
    // A limit of nothing would refuse every file, one by one, and call each over the limit.
    for (const zero of ['0', '0k'])
      expect(runCli(['check', REFERENCE, '--max-size', zero, '--lang', 'fr']).stderr).toBe(
        `clausier check : --max-size : '${zero}' refuse tous les fichiers (attendu : au moins 1 octet)\nVoir « clausier check --help ».\n`,
      );
  });
});

describe('very long lines and strings', () => {
  it('a 5 MB line is read like any other', async () => {
    const long = edit(
      'title: Séminaire de lancement de la pré-incubation',
      `title: ${'Séminaire '.repeat(500_000)}`,
    );
    expect(long.split('\n')[65]!.length).toBeGreaterThan(5_000_000);
    const [before, after] = await Promise.all([
      checkSource(REF, 'r.yaml', { language: 'en' }),
      checkSource(long, 'r.yaml', { language: 'en' }),
    ]);
    expect(said(after)).toEqual(said(before));
  });

  it('a 1 MB key is quoted shortly in its message', () => {
    // An explicit key (`? key`): an implicit one may not be longer than 1,024 characters. The
    // exact path reads it, within its limit of 1 MiB.
    const key = 'k'.repeat(1_000_000);
    expect(problems(edit('terms: {}', `terms: {}\n? ${key}\n: 1`))).toEqual([
      {
        message: `(record): unknown field '${'k'.repeat(60)}…' (expected one of 'asOf', 'convention', 'parties', 'terms', 'phases', 'seminar', 'closedWeeks', 'projects', 'payments', 'expenses', 'refunds', 'amendments' or 'termination')`,
        line: 45,
        column: 3,
      },
    ]);
  });

  it('a 1 MB string where a date belongs is quoted shortly in its message', () => {
    const text = 'é'.repeat(1024 * 1024);
    expect(problems(edit('asOf: 2020-06-30', `asOf: "${text}"`))).toEqual([
      {
        message: `asOf: '${'é'.repeat(60)}…' is not a date (expected YYYY-MM-DD)`,
        line: 3,
        column: 7,
      },
    ]);
  });
});

describe('NUL bytes', () => {
  it('a NUL byte in a value', () => {
    expect(problems(edit('asOf: 2020-06-30', 'asOf: 2020\u000006-30'))).toEqual([
      {
        message: 'the file contains a NUL byte: it looks like a binary file (expected UTF-8 text)',
        line: 3,
        column: 11,
      },
    ]);
  });

  it('a NUL byte after the last line', () => {
    expect(problems(`${REF}\u0000`)).toEqual([
      {
        message: 'the file contains a NUL byte: it looks like a binary file (expected UTF-8 text)',
        line: 213,
        column: 1,
      },
    ]);
  });

  it('UTF-16 without a byte-order mark: its NUL bytes give it away', () => {
    expect(problems(Buffer.from(REF, 'utf16le'))).toEqual([
      {
        message: 'the file contains a NUL byte: it looks like a binary file (expected UTF-8 text)',
        line: 1,
        column: 2,
      },
    ]);
  });
});

describe('a byte-order mark', () => {
  it('is dropped: the record reads, and is located, as without it', async () => {
    const [plain, marked] = await Promise.all([
      checkSource(REF, 'r.yaml', { language: 'en' }),
      checkSource(`\ufeff${REF}`, 'r.yaml', { language: 'en' }),
    ]);
    expect(said(marked)).toEqual(said(plain));
  });

  it('does not move the columns of the first line', () => {
    const first = `\ufeffasOf: 2020-02-30\n${edit('asOf: 2020-06-30\n', '')}`;
    expect(problems(first)).toEqual([
      {
        message: "asOf: '2020-02-30' is not a date: February 2020 has 29 days",
        line: 1,
        column: 7,
      },
    ]);
    expect(problems(`\ufeffab\u0000`)).toEqual([
      {
        message: 'the file contains a NUL byte: it looks like a binary file (expected UTF-8 text)',
        line: 1,
        column: 3,
      },
    ]);
  });
});

describe('CRLF line ends', () => {
  const crlf = (text: string): string => text.replace(/\n/g, '\r\n');

  it('a record with CRLF line ends reads, and is located, as with LF', async () => {
    const [lf, windows, mixed] = await Promise.all([
      checkSource(REF, 'r.yaml', { language: 'en' }),
      checkSource(crlf(REF), 'r.yaml', { language: 'en' }),
      checkSource(
        REF.split('\n')
          .map((line, i) => (i % 2 === 0 ? line : `${line}\r`))
          .join('\n'),
        'r.yaml',
        { language: 'en' },
      ),
    ]);
    expect(said(windows)).toEqual(said(lf));
    expect(said(mixed)).toEqual(said(lf));
  });

  it('lines ended by a carriage return alone are refused, at the end of the first line', () => {
    const mac = REF.replace(/\n/g, '\r');
    const firstLine = REF.slice(0, REF.indexOf('\n'));
    expect(problems(mac)).toEqual([
      {
        message:
          'the lines of the file end with a carriage return alone (CR, as on old Macs), which YAML does not read as a line end (save it with LF or CRLF line ends)',
        line: 1,
        column: firstLine.length + 1,
      },
    ]);
  });

  it('an error is at the same line and column', () => {
    const wrong = edit('amount: 10000.00', 'amount: 10000.001');
    const expected = [
      {
        message:
          'payments[0].amount: 10000.001 has more than two decimals (an amount in euros is exact to the cent)',
        line: 177,
        column: 13,
      },
    ];
    expect(problems(wrong)).toEqual(expected);
    expect(problems(crlf(wrong))).toEqual(expected);
  });

  it('the text report, code frames included, is the same as with LF line ends', () => {
    const dir = scratch();
    const breach = readFileSync(
      join(ROOT, 'cases/A4-CAP/a-payment-of-12000-euros-breaches-the-cap.yaml'),
      'utf8',
    );
    writeFileSync(join(dir, 'lf.yaml'), breach);
    writeFileSync(join(dir, 'crlf.yaml'), crlf(breach));
    const args = ['--lang', 'en', '--no-color'];
    const lf = runCli(['check', 'lf.yaml', ...args], { cwd: dir });
    const windows = runCli(['check', 'crlf.yaml', ...args], { cwd: dir });
    expect(windows.status).toBe(1);
    expect(windows.stdout).not.toContain('\r');
    expect(windows.stdout.replaceAll('crlf.yaml', 'lf.yaml')).toBe(lf.stdout);
  });
});

describe('bytes that are not UTF-8', () => {
  const reference = Buffer.from(REF);
  const at = reference.indexOf('Boquillon');
  const inserted = (...bad: number[]): Buffer =>
    Buffer.concat([reference.subarray(0, at), Buffer.from(bad), reference.subarray(at)]);
  const notUtf8 = (byte: string, line: number, column: number) => [
    {
      message: `the file is not valid UTF-8 (byte 0x${byte} here; save it as UTF-8 text)`,
      line,
      column,
    },
  ];

  it('a record saved in Latin-1, at its first accented letter', () => {
    expect(problems(Buffer.from(REF, 'latin1'))).toEqual(notUtf8('E9', 1, 23));
  });

  it('a Windows-1252 quote, an overlong encoding, a surrogate, a byte UTF-8 never uses', () => {
    expect(problems(inserted(0x92))).toEqual(notUtf8('92', 10, 25));
    expect(problems(inserted(0xc0, 0xaf))).toEqual(notUtf8('C0', 10, 25));
    expect(problems(inserted(0xed, 0xa0, 0x80))).toEqual(notUtf8('ED', 10, 25));
    expect(problems(inserted(0xff))).toEqual(notUtf8('FF', 10, 25));
  });

  it('a character cut short at the end of the file', () => {
    expect(problems(Buffer.concat([reference, Buffer.from([0xe2, 0x82])]))).toEqual(
      notUtf8('E2', 213, 1),
    );
  });

  it('UTF-16 with its byte-order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REF, 'utf16le')]);
    expect(problems(utf16)).toEqual([
      { message: 'the file is encoded in UTF-16 (expected UTF-8 text)', line: 1, column: 1 },
    ]);
    expect(problems(Buffer.from([0xfe, 0xff, 0, 0x61]))).toEqual([
      { message: 'the file is encoded in UTF-16 (expected UTF-8 text)', line: 1, column: 1 },
    ]);
  });

  it('UTF-32 with its byte-order mark, little- or big-endian', () => {
    const utf32 = [
      { message: 'the file is encoded in UTF-32 (expected UTF-8 text)', line: 1, column: 1 },
    ];
    expect(problems(Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]))).toEqual(utf32);
    expect(problems(Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x61]))).toEqual(utf32);
  });
});

describe('tags a record does not use', () => {
  const title = 'title: Séminaire de lancement de la pré-incubation';
  const refused = (tag: string, where: string, line: number, column: number) => [
    {
      message: `${where}: the tag ${tag} is not used in programme records (remove it)`,
      line,
      column,
    },
  ];

  it('!!binary, !!set, !!omap and !!timestamp', () => {
    expect(problems(edit(title, 'title: !!binary aGVsbG8='))).toEqual(
      refused('!!binary', 'seminar.title', 66, 10),
    );
    expect(
      problems(
        edit('closedWeeks: [2019-W52, 2020-W01]', 'closedWeeks: !!set {2019-W52, 2020-W01}'),
      ),
    ).toEqual(refused('!!set', 'closedWeeks', 69, 14));
    expect(problems(edit('terms: {}', 'terms: !!omap [ { fundingCap: 2000000 } ]'))).toEqual(
      refused('!!omap', 'terms', 44, 8),
    );
    expect(problems(edit('asOf: 2020-06-30', 'asOf: !!timestamp 2020-06-30'))).toEqual(
      refused('!!timestamp', 'asOf', 3, 7),
    );
  });

  it('tags of other languages and local tags are refused the same way, never resolved', () => {
    expect(problems(edit(title, 'title: !!js/function "function () { return 1 }"'))).toEqual(
      refused('!!js/function', 'seminar.title', 66, 10),
    );
    expect(problems(edit(title, 'title: !!python/object/apply:os.system ["true"]'))).toEqual(
      refused('!!python/object/apply:os.system', 'seminar.title', 66, 10),
    );
    expect(problems(edit(title, 'title: !custom hello'))).toEqual(
      refused('!custom', 'seminar.title', 66, 10),
    );
  });

  it('the core tags, short or verbatim, are allowed', () => {
    expect(problems(edit('asOf: 2020-06-30', 'asOf: !!str 2020-06-30'))).toEqual([]);
    expect(problems(edit('asOf: 2020-06-30', 'asOf: !<tag:yaml.org,2002:str> 2020-06-30'))).toEqual(
      [],
    );
  });
});

describe('__proto__, constructor and prototype keys', () => {
  const refused = (key: string, where: string, line: number, column: number) => ({
    message: `${where}the key '${key}' is not allowed in a record`,
    line,
    column,
  });

  it('are refused wherever they are written, and pollute nothing', async () => {
    expect(problems(edit('terms: {}', 'terms: {}\n__proto__: { polluted: true }'))).toEqual([
      refused('__proto__', '', 45, 1),
    ]);
    expect(problems(edit('terms: {}', 'terms: {}\n"__proto__": { polluted: true }'))).toEqual([
      refused('__proto__', '', 45, 1),
    ]);
    expect(problems(edit('terms: {}', 'terms: { __proto__: { polluted: true } }'))).toEqual([
      refused('__proto__', 'terms: ', 44, 10),
    ]);
    expect(
      problems(edit('terms: {}', 'terms:\n  constructor: { prototype: { polluted: true } }')),
    ).toEqual([refused('constructor', 'terms: ', 45, 3)]);
    expect(problems(edit('terms: {}', 'terms:\n  ? constructor\n  : 1'))).toEqual([
      refused('constructor', 'terms: ', 45, 5),
    ]);
    expect(problems(edit('terms: {}', 'prototype: { polluted: true }\nterms: {}'))).toEqual([
      refused('prototype', '', 44, 1),
    ]);
    expect(
      problems(
        edit('  - id: versement-unique', '  - id: versement-unique\n    __proto__: { amount: 1 }'),
      ),
    ).toEqual([refused('__proto__', 'payments[0]: ', 174, 5)]);
    expect(
      problems(
        edit(
          'release: {\n          2019-W42: 1,',
          'release: {\n          __proto__: 1, 2019-W42: 1,',
        ),
      ),
    ).toEqual([refused('__proto__', 'projects[0].intrapreneurs[0].release: ', 87, 11)]);
    // And through a whole check, in both languages.
    for (const language of ['fr', 'en'] as const) {
      const report = await checkSource(
        edit('terms: {}', 'terms: { constructor: { prototype: { polluted: true } } }'),
        'p.yaml',
        { language },
      );
      expect(report.verdict).toBe('invalid');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('amount');
  });

  it('the CLI reports them and its JSON output is plain data', () => {
    const dir = scratch();
    writeFileSync(
      join(dir, 'proto.yaml'),
      edit('terms: {}', 'terms: {}\n__proto__: { polluted: true }'),
    );
    const run = runCli(['check', join(dir, 'proto.yaml'), '--format', 'json', '--lang', 'en']);
    expect(run.status).toBe(2);
    expect(filesOf(run.stdout)[0]!.errors).toEqual([
      {
        message: "the key '__proto__' is not allowed in a record",
        line: 45,
        column: 1,
        pointer: '/__proto__',
      },
    ]);
  });
});
