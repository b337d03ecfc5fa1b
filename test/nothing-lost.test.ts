/**
 * Nothing lost: clausier never writes to what it reads (records, rule packs, waiver files), and
 * `--output` is written atomically — to a temporary file beside it, renamed into place once the
 * report is whole — so that a run that fails or is killed midway leaves the previous report as it
 * was, and a run that succeeds replaces it whole.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateRecord, optionsForSize } from '../bench/generate.mjs';
import { builtInPacksDir } from '../src/rules/pack/root.js';
import { CLI, REFERENCE, ROOT, runCli, tempDir } from './helpers.js';

const CAP_BREACH = join(ROOT, 'cases/A4-CAP/a-payment-of-12000-euros-breaches-the-cap.yaml');
const PACK = join(builtInPacksDir(), 'dinsic-preincubation-2019');
const OLD_REPORT = '{ "previous": "report", "kept": true }\n'.repeat(100);

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});
function scratch(): string {
  const dir = tempDir('clausier-nothing-lost-');
  temporary.push(dir);
  return dir;
}

/** Every file under a folder, with its bytes and its modification time. */
function snapshot(dir: string): Map<string, { bytes: string; mtime: number }> {
  const out = new Map<string, { bytes: string; mtime: number }>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      const stats = statSync(path);
      if (stats.isDirectory()) walk(path);
      else
        out.set(relative(dir, path), {
          bytes: readFileSync(path).toString('base64'),
          mtime: stats.mtimeMs,
        });
    }
  };
  walk(dir);
  return out;
}

/** The temporary files an --output left behind in a folder. */
const leftovers = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('clausier never writes to its inputs', () => {
  it('records, rule pack and waiver file are unchanged, bytes and times, whatever the options', () => {
    const root = scratch();
    const inputs = join(root, 'inputs');
    cpSync(join(ROOT, 'cases'), join(inputs, 'cases'), { recursive: true });
    cpSync(PACK, join(inputs, 'pack'), { recursive: true });
    writeFileSync(
      join(inputs, 'waivers.yaml'),
      'waivers:\n  - rule: A4-CAP\n    record: cases/A4-CAP/a-payment-of-12000-euros-breaches-the-cap.yaml\n    reason: Accepté.\n    approvedBy: Jeanne Martin\n    approved: 2020-06-01\n    until: 2020-12-31\n',
    );
    mkdirSync(join(root, 'out'));
    const before = snapshot(inputs);
    expect(before.size).toBeGreaterThan(50);

    const runs = [
      runCli(['check', 'inputs/cases', '--format', 'json'], { cwd: root }),
      runCli(
        [
          'check',
          'inputs/cases',
          '--cache',
          '--cache-location',
          'out/cache',
          '--output',
          'out/report.txt',
          '--waivers',
          'inputs/waivers.yaml',
        ],
        { cwd: root },
      ),
      runCli(
        [
          'check',
          'inputs/cases/les-lilas-2019.yaml',
          'inputs/cases/A4-CAP',
          '--rules',
          'inputs/pack',
          '--format',
          'sarif',
          '--output',
          'out/report.sarif',
          '--jobs',
          '2',
        ],
        { cwd: root },
      ),
    ];
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
    }
    expect(snapshot(inputs)).toEqual(before);
    expect(readdirSync(join(root, 'out')).sort()).toEqual(['cache', 'report.sarif', 'report.txt']);
  });

  it('refuses to write its report over one of the records it checks', () => {
    const dir = scratch();
    const record = join(dir, 'record.yaml');
    cpSync(REFERENCE, record);
    const before = readFileSync(record);
    const run = runCli(['check', record, '--output', record]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^clausier check: --output: .*record\.yaml.*\nTry 'clausier check --help'\.\n$/,
    );
    expect(readFileSync(record).equals(before)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('--output is refused over any input', () => {
  /** Runs a check whose report would go over `output`: refused, and nothing written. */
  function refused(args: string[], output: string): void {
    const run = runCli(['check', ...args, '--output', output]);
    expect(run.status, output).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr, output).toMatch(
      /^clausier check: --output: .* is .*: it is never written (over|there)\nTry 'clausier check --help'\.\n$/,
    );
  }

  it('every file of the --rules pack and of the pack it extends, directly or through links', () => {
    const dir = scratch();
    const base = join(dir, 'base');
    cpSync(PACK, base, { recursive: true });
    // A pack that extends the copy, with one rule of its own.
    const pack = join(dir, 'pack');
    mkdirSync(pack);
    writeFileSync(
      join(pack, 'pack.yaml'),
      readFileSync(join(base, 'pack.yaml'), 'utf8').replace(
        'source: convention.txt',
        'source: convention.txt\nextends: ../base',
      ),
    );
    cpSync(join(base, 'A4-CAP.yaml'), join(pack, 'A4-CAP.yaml'));
    cpSync(join(base, 'convention.txt'), join(pack, 'convention.txt'));
    symlinkSync(join(base, 'parameters.yaml'), join(dir, 'parameters-link.yaml'));
    symlinkSync(base, join(dir, 'base-link'));
    linkSync(join(base, 'clauses.yaml'), join(dir, 'hard-link.yaml'));
    const before = snapshot(dir);
    for (const output of [
      join(pack, 'pack.yaml'),
      join(pack, 'A4-CAP.yaml'),
      join(pack, 'convention.txt'),
      join(base, 'clauses.yaml'),
      join(base, 'A1-SEMINAR.yaml'),
      join(base, 'convention.txt'),
      join(dir, 'parameters-link.yaml'),
      join(dir, 'base-link', 'conditions.yaml'),
      join(dir, 'hard-link.yaml'),
      // A new .yaml file in a pack's folder would be read as one of its rules.
      join(pack, 'report.yaml'),
    ])
      refused([REFERENCE, '--rules', pack], output);
    expect(snapshot(dir)).toEqual(before);
  });

  it('the built-in packs, whose files a run reads when no --rules is given', () => {
    const rule = join(PACK, 'A4-CAP.yaml');
    const before = readFileSync(rule);
    refused([REFERENCE], rule);
    refused([REFERENCE], join(PACK, 'clauses.yaml'));
    expect(readFileSync(rule).equals(before)).toBe(true);
  });

  it('records found in folders and through links, and waiver files through links', () => {
    const dir = scratch();
    const records = join(dir, 'records');
    mkdirSync(records);
    cpSync(REFERENCE, join(records, 'record.yaml'));
    symlinkSync(records, join(dir, 'records-link'));
    const waivers = join(dir, 'waivers.yaml');
    writeFileSync(waivers, 'waivers: []\n');
    symlinkSync(waivers, join(dir, 'waivers-link.yaml'));
    const before = snapshot(dir);
    refused([join(dir, 'records-link')], join(records, 'record.yaml'));
    refused([records], join(dir, 'records-link', 'record.yaml'));
    refused([REFERENCE, '--waivers', waivers], join(dir, 'waivers-link.yaml'));
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('report, which writes a page per record, writes none over an input', () => {
  it("refuses the page, or a record's own report, where a record or a pack file is", () => {
    const dir = scratch();
    const record = join(dir, 'record.yaml');
    cpSync(REFERENCE, record);
    const pack = join(dir, 'pack');
    cpSync(PACK, pack, { recursive: true });
    // The portfolio writes each record's report in a folder named after its page: with the page
    // records.html, the records' own folder, where one input is named b.html.
    const records = join(dir, 'records');
    mkdirSync(records);
    cpSync(REFERENCE, join(records, 'a.yaml'));
    cpSync(CAP_BREACH, join(records, 'b.yaml'));
    cpSync(REFERENCE, join(records, 'b.html'));
    const before = snapshot(dir);
    const cases = [
      { args: [record, '--output', record], over: record },
      { args: [record, '--rules', pack, '--output', join(pack, 'A4-CAP.yaml')], over: 'A4-CAP' },
      {
        args: [
          join(records, 'a.yaml'),
          join(records, 'b.yaml'),
          join(records, 'b.html'),
          '--output',
          join(dir, 'records.html'),
        ],
        over: `--output (the report of ${join(records, 'b.yaml')}): ${join(records, 'b.html')} is`,
      },
    ];
    for (const { args, over } of cases) {
      const run = runCli(['report', ...args, '--lang', 'en']);
      expect(run.status, over).toBe(2);
      expect(run.stderr, over).toContain(over);
      expect(run.stderr, over).toMatch(/an input of this run: it is never written over\n/);
    }
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('--output through a link, or to a pipe or a device', () => {
  it('writes where a link leads, and leaves the link', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'reports'));
    const expected = runCli(['check', REFERENCE, '--format', 'json']).stdout;
    // A link to a file not made yet, relative to the link's folder, and one to a file that is.
    symlinkSync(join('reports', 'new.json'), join(dir, 'to-new.json'));
    writeFileSync(join(dir, 'reports', 'old.json'), OLD_REPORT);
    symlinkSync(join(dir, 'reports', 'old.json'), join(dir, 'to-old.json'));
    for (const [link, target] of [
      ['to-new.json', 'new.json'],
      ['to-old.json', 'old.json'],
    ] as const) {
      const run = runCli(['check', REFERENCE, '--format', 'json', '--output', join(dir, link)]);
      expect(run.status, link).toBe(0);
      expect(lstatSync(join(dir, link)).isSymbolicLink(), link).toBe(true);
      expect(readFileSync(join(dir, 'reports', target), 'utf8'), link).toBe(expected);
    }
    expect(leftovers(dir)).toEqual([]);
  });

  it('writes into a named pipe or standard output in place, and leaves them what they were', async () => {
    const dir = scratch();
    const fifo = join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const expected = runCli(['check', REFERENCE, '--format', 'json']).stdout;
    // A reader of the pipe, started first.
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString('utf8')));
    const closed = new Promise((done) => reader.on('close', done));
    const run = runCli(['check', REFERENCE, '--format', 'json', '--output', fifo]);
    await closed;
    expect(run.status).toBe(0);
    expect(read).toBe(expected);
    expect(statSync(fifo).isFIFO()).toBe(true);
    // Standard output by its names in /dev and /proc, and through a link of one's own.
    symlinkSync('/proc/self/fd/1', join(dir, 'stdout-link'));
    for (const output of ['/dev/stdout', '/dev/fd/1', join(dir, 'stdout-link')]) {
      const through = runCli(['check', REFERENCE, '--format', 'json', '--output', output]);
      expect(through.status, output).toBe(0);
      expect(through.stdout, output).toBe(expected);
    }
    expect(lstatSync(join(dir, 'stdout-link')).isSymbolicLink()).toBe(true);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses two formats sent to one place by other names: a link, or /dev/stdout beside standard output', () => {
    const dir = scratch();
    const same = join(dir, 'same.out');
    writeFileSync(same, OLD_REPORT);
    symlinkSync('same.out', join(dir, 'link.out'));
    mkdirSync(join(dir, 'real'));
    symlinkSync('real', join(dir, 'linked'));
    const refused = (args: string[], place: string): void => {
      const run = runCli(['check', REFERENCE, ...args, '--lang', 'en'], { cwd: dir });
      expect([run.status, run.stdout, run.stderr], args.join(' ')).toEqual([
        2,
        '',
        `clausier check: --format: ${place} (give each its own --output.<format> FILE)\nTry 'clausier check --help'.\n`,
      ]);
    };
    refused(
      ['-f', 'junit', '--output.junit', 'same.out', '--output.markdown', 'link.out'],
      'junit and markdown would both be written to link.out',
    );
    refused(
      ['-f', 'json', '--output.json', 'real/a.json', '--output.text', 'linked/a.json'],
      'json and text would both be written to linked/a.json',
    );
    expect(readFileSync(same, 'utf8')).toBe(OLD_REPORT);
    expect(readdirSync(join(dir, 'real'))).toEqual([]);
    // Standard output redirected to a file: /dev/stdout is that file, written through the
    // descriptor the shell opened (appended to with >>), and one place with standard output.
    const log = join(dir, 'log.txt');
    writeFileSync(log, 'LOG\n');
    const into = (args: string[]) => {
      const fd = openSync(log, 'a');
      try {
        return spawnSync(process.execPath, [CLI, 'check', REFERENCE, ...args, '--lang', 'en'], {
          cwd: dir,
          stdio: ['ignore', fd, 'pipe'],
          encoding: 'utf8',
        });
      } finally {
        closeSync(fd);
      }
    };
    const json = runCli(['check', REFERENCE, '-f', 'json']).stdout;
    expect(into(['-f', 'json', '--output.json', '/dev/stdout']).status).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe(`LOG\n${json}`);
    const both = into(['-f', 'github', '--output.sarif', '/dev/stdout']);
    expect([both.status, both.stderr]).toEqual([
      2,
      "clausier check: --format: github and sarif would both be written to standard output (give all of them but one an --output.<format> FILE)\nTry 'clausier check --help'.\n",
    ]);
    expect(readFileSync(log, 'utf8')).toBe(`LOG\n${json}`);
  });

  it('takes `--output -` for standard output in every command that writes, and makes no file named -', () => {
    const dir = scratch();
    const commands = [
      ['check', REFERENCE, '--format', 'json'],
      ['report', REFERENCE, '--lang', 'en'],
      ['ledger', REFERENCE, '--lang', 'en'],
      ['agenda', REFERENCE, '--as-of', '2019-10-01', '--lang', 'en'],
      ['doc', '--lang', 'en'],
      ['schema'],
    ];
    for (const args of commands) {
      const expected = runCli(args, { cwd: dir });
      expect(expected.stdout.length, args[0]).toBeGreaterThan(100);
      for (const dash of [
        ['--output', '-'],
        ['-o', '-'],
      ]) {
        const run = runCli([...args, ...dash], { cwd: dir });
        expect([run.status, run.stdout, run.stderr], args[0]).toEqual([
          expected.status,
          expected.stdout,
          '',
        ]);
      }
    }
    // One format's `--output.<format> -` goes there too, and beside another one that does, is
    // refused as two would be; a file named - is ./-.
    const json = runCli(['check', REFERENCE, '--format', 'json']).stdout;
    const one = runCli(
      ['check', REFERENCE, '-f', 'text,json', '--output.json', '-', '--output.text', 'r.txt'],
      {
        cwd: dir,
      },
    );
    expect([one.status, one.stdout]).toEqual([0, json]);
    const two = runCli(
      ['check', REFERENCE, '-f', 'text,json', '--output.json', '-', '--lang', 'en'],
      {
        cwd: dir,
      },
    );
    expect([two.status, two.stdout, two.stderr]).toEqual([
      2,
      '',
      "clausier check: --format: text and json would both be written to standard output (give all of them but one an --output.<format> FILE)\nTry 'clausier check --help'.\n",
    ]);
    expect(readdirSync(dir).sort()).toEqual(['r.txt']);
    // `--output.<format> -` sends that format to standard output whatever --output says.
    const beside = runCli(['check', REFERENCE, '-o', 'o.txt', '--output.json', '-'], { cwd: dir });
    expect([beside.status, beside.stdout]).toEqual([0, json]);
    expect(readFileSync(join(dir, 'o.txt'), 'utf8')).toBe(readFileSync(join(dir, 'r.txt'), 'utf8'));
    rmSync(join(dir, 'o.txt'));
    expect(runCli(['check', REFERENCE, '-f', 'json', '-o', './-'], { cwd: dir }).stdout).toBe('');
    expect(readFileSync(join(dir, '-'), 'utf8')).toBe(json);
  });
});

describe('--output is written atomically', () => {
  /** A folder holding a previous report. */
  function withPreviousReport(): { dir: string; output: string } {
    const dir = scratch();
    const output = join(dir, 'report.json');
    writeFileSync(output, OLD_REPORT);
    return { dir, output };
  }

  it('a successful run replaces the previous report whole, and leaves no temporary file', () => {
    const { dir, output } = withPreviousReport();
    const args = ['check', REFERENCE, CAP_BREACH, '--format', 'json', '--lang', 'en'];
    const run = runCli([...args, '--output', output]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(readFileSync(output, 'utf8')).toBe(runCli(args).stdout);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a broken rule pack met midway keeps the previous report, and leaves no temporary file', () => {
    const { dir, output } = withPreviousReport();
    const pack = join(dir, 'pack');
    cpSync(PACK, pack, { recursive: true });
    const rule = join(pack, 'A4-CAP.yaml');
    writeFileSync(
      rule,
      readFileSync(rule, 'utf8').replace('operator: amountAbove', 'operator: greaterThan'),
    );
    const run = runCli([
      'check',
      REFERENCE,
      '--rules',
      pack,
      '--format',
      'json',
      '--output',
      output,
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^clausier: the rule pack cannot be used:\n.*A4-CAP\.yaml:30:53: /);
    expect(readFileSync(output, 'utf8')).toBe(OLD_REPORT);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a bad waiver file keeps the previous report, and leaves no temporary file', () => {
    const { dir, output } = withPreviousReport();
    const waivers = join(dir, 'waivers.yaml');
    writeFileSync(waivers, 'waivers:\n  - rule: A4-CAP\n    unknownField: 1\n');
    const run = runCli(['check', REFERENCE, '--waivers', waivers, '--output', output]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^clausier: the waiver file cannot be used:\n/);
    expect(readFileSync(output, 'utf8')).toBe(OLD_REPORT);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a destination that cannot be written is an error, and nothing is left behind', () => {
    const dir = scratch();
    const missing = join(dir, 'no-such-folder', 'report.json');
    const run = runCli(['check', REFERENCE, '--output', missing]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `clausier check: --output: the folder ${dirname(missing)} does not exist\nTry 'clausier check --help'.\n`,
    );
    expect(readdirSync(dir)).toEqual([]);

    // A folder where the report should go: it stays as it was.
    const folder = join(dir, 'report.json');
    mkdirSync(folder);
    writeFileSync(join(folder, 'inside.txt'), 'kept');
    const onFolder = runCli(['check', REFERENCE, '--output', folder]);
    expect(onFolder.status).toBe(2);
    expect(onFolder.stderr).toBe(
      `clausier check: --output: ${folder} is a folder (expected a file’s name)\nTry 'clausier check --help'.\n`,
    );
    expect(readdirSync(folder)).toEqual(['inside.txt']);
    expect(readFileSync(join(folder, 'inside.txt'), 'utf8')).toBe('kept');
    // The same folder written as one (`out/`), and nothing at all (`--output=`): usage errors.
    const slashed = runCli(['check', REFERENCE, '--output', `${folder}/`]);
    expect(slashed.stderr).toBe(
      `clausier check: --output: ${folder}/ is a folder (expected a file’s name)\nTry 'clausier check --help'.\n`,
    );
    for (const [args, message] of [
      [['--output='], '--output: nothing given (expected a file’s name)'],
      [['--cache', '--cache-location='], '--cache-location: nothing given (expected a folder)'],
    ] as const) {
      const run = runCli(['check', REFERENCE, ...args], { cwd: dir });
      expect(run.status, message).toBe(2);
      expect(run.stderr).toBe(`clausier check: ${message}\nTry 'clausier check --help'.\n`);
    }
    expect(readdirSync(dir)).toEqual(['report.json']);
    expect(leftovers(dir)).toEqual([]);
  });

  /**
   * Starts a run whose report is half written, and sends it a signal. By default its second
   * input is standard input, left open: the run waits there, its report half written.
   */
  async function interrupted(
    signal: NodeJS.Signals,
    how: { inputs?: (dir: string) => string[]; options?: string[]; cache?: string } = {},
  ) {
    const { dir, output } = withPreviousReport();
    const inputs = how.inputs?.(dir) ?? [REFERENCE, '-'];
    const child = spawn(
      process.execPath,
      [CLI, 'check', ...inputs, '--format', 'json', '--output', output, ...(how.options ?? [])],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_, signal) => resolve(signal)),
    );
    try {
      // Wait until the report is being written (the temporary file exists), however long it takes.
      while (leftovers(dir).length === 0) {
        if (child.exitCode !== null) throw new Error('clausier ended before writing its report');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      child.kill(signal);
    }
    const ended = await exited;
    // However it ended, the previous report is whole.
    expect(readFileSync(output, 'utf8')).toBe(OLD_REPORT);
    return { ended, leftovers: leftovers(dir), pid: child.pid };
  }

  it('a run killed midway leaves the previous report intact', async () => {
    const { ended, leftovers, pid } = await interrupted('SIGKILL');
    expect(ended).toBe('SIGKILL');
    // A killed process cannot clean up: what it leaves is its own temporary file, by its pid.
    expect(leftovers).toEqual([`.report.json.${pid}.tmp`]);
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    'a run interrupted by %s ends by that signal, leaving the previous report and no temporary file',
    async (signal) => {
      const { ended, leftovers } = await interrupted(signal);
      expect(ended).toBe(signal);
      expect(leftovers).toEqual([]);
    },
  );

  it('a run waiting on a named pipe no one writes to still answers Ctrl-C, and cleans up', async () => {
    const { ended, leftovers } = await interrupted('SIGINT', {
      inputs: (dir) => {
        const pipe = join(dir, 'pipe.yaml');
        expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
        return [REFERENCE, pipe];
      },
    });
    expect(ended).toBe('SIGINT');
    expect(leftovers).toEqual([]);
  });

  /** A folder of records that take some seconds to check, whatever the mode. */
  let records: string | undefined;
  function manyRecords(): string {
    if (records !== undefined) return records;
    records = join(scratch(), 'records');
    mkdirSync(records);
    for (let i = 0; i < 300; i++)
      writeFileSync(
        join(records, `record-${String(i).padStart(3, '0')}.yaml`),
        generateRecord(optionsForSize(40_000, i + 1)),
      );
    return records;
  }

  // Files are read and checked without waiting on anything: a signal must still be acted on
  // between two of them, whatever the mode, and the cache leave no temporary entry.
  const MODES: Record<string, (cache: string) => string[]> = {
    'one thread (--jobs 1, the default under 64 files)': () => ['--jobs', '1'],
    'worker threads (--jobs 2)': () => ['--jobs', '2'],
    'the cache (--cache)': (cache) => ['--jobs', '1', '--cache', '--cache-location', cache],
    'the cache, every report read from it': (cache) => {
      cpSync(filledCache(), cache, { recursive: true });
      return ['--jobs', '1', '--cache', '--cache-location', cache];
    },
  };

  /** A cache that holds the report of every one of the many records: filled once, then copied. */
  let filled: string | undefined;
  function filledCache(): string {
    if (filled !== undefined) return filled;
    const cache = join(scratch(), 'cache');
    const options = ['--jobs', '1', '--cache', '--cache-location', cache];
    expect(runCli(['check', manyRecords(), '--format', 'json', ...options]).status).toBe(0);
    filled = cache;
    return cache;
  }
  for (const [mode, options] of Object.entries(MODES)) {
    it.each(['SIGINT', 'SIGTERM'] as const)(
      `a run over many files in ${mode} interrupted by %s ends by it, keeping the previous report`,
      async (signal) => {
        const folder = manyRecords();
        const cache = join(scratch(), 'cache');
        const { ended, leftovers } = await interrupted(signal, {
          inputs: () => [folder],
          options: options(cache),
        });
        expect(ended).toBe(signal);
        expect(leftovers).toEqual([]);
        const entries = existsSync(cache) ? readdirSync(cache, { recursive: true }) : [];
        expect(entries.filter((e) => String(e).endsWith('.tmp'))).toEqual([]);
      },
      60_000,
    );
  }
});
