/**
 * Many files at once: worker threads (`--jobs`) and the report cache (`--cache`) never change a
 * byte of the output, one bad file never stops the others, and a cached report is never stale.
 */
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRecord, optionsForSize } from '../bench/generate.mjs';
import { defaultJobs, FILES_PER_WORKER, inOrder } from '../src/run/check-files.js';
import {
  caseFiles,
  REFERENCE,
  ROOT,
  runCli,
  tempDir,
  workerThreadsOf,
  type Run,
} from './helpers.js';

let dir: string;
let records: string;
/** Every file of the folder, with its content, to prove nothing was modified. */
let before: Map<string, string>;

const snapshot = (folder: string): Map<string, string> =>
  new Map(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]));

beforeAll(() => {
  dir = tempDir('clausier-scale-');
  records = join(dir, 'records');
  mkdirSync(records);
  // Generated records with and without breaches, every case of the pack, and bad files among them.
  for (let i = 0; i < 12; i++) {
    writeFileSync(
      join(records, `generated-${String(i).padStart(2, '0')}.yaml`),
      generateRecord({ ...optionsForSize(6_000, i + 1), breaches: i % 3 === 0 ? 0.4 : 0 }),
    );
  }
  for (const file of caseFiles().filter((f) => !f.includes('departement')))
    copyFileSync(file, join(records, `case-${basename(join(file, '..'))}-${basename(file)}`));
  writeFileSync(join(records, 'bad-syntax.yaml'), 'programme: [unclosed\n');
  writeFileSync(
    join(records, 'bad-schema.yaml'),
    readFileSync(REFERENCE, 'utf8').replace('amount: 10000.00', 'amount: dix mille'),
  );
  writeFileSync(join(records, 'bad-bytes.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]));
  before = snapshot(records);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const asOf = ['--as-of', '2020-06-30'];

/** `check` of the folder in a format with some threads: made once for the tests that read it. */
const runs = new Map<string, Run>();
function checkWithJobs(format: string, jobs: number): Run {
  const key = `${format} ${jobs}`;
  if (!runs.has(key))
    runs.set(key, runCli(['check', records, '--format', format, '--jobs', String(jobs), ...asOf]));
  return runs.get(key)!;
}

describe('records worked on ahead of the one being written', () => {
  it('fail in their turn, not as an unhandled rejection that ends the process', async () => {
    // The second record fails while the first is still being written out, across a turn of the
    // event loop (as a run writing to a slow pipe does): Node.js would end the process.
    const unhandled: unknown[] = [];
    const listener = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', listener);
    try {
      const seen: number[] = [];
      const run = async (): Promise<void> => {
        for await (const n of inOrder(
          [1, 2, 3],
          (n) => (n === 2 ? Promise.reject(new Error(`record ${n}`)) : Promise.resolve(n)),
          2,
        )) {
          seen.push(n);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      await expect(run()).rejects.toThrow('record 2');
      expect(seen).toEqual([1]);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});

describe('--jobs', () => {
  it('gives the same bytes and exit code as one process, in JSON and text', () => {
    for (const format of ['json', 'text']) {
      const one = checkWithJobs(format, 1);
      const two = checkWithJobs(format, 2);
      const three = checkWithJobs(format, 3);
      expect(one.stderr).toBe('');
      expect(one.status).toBe(2);
      expect(two).toEqual(one);
      expect(three).toEqual(one);
    }
  });

  it('reports every file, the bad ones with their line and column, in the order given', () => {
    const run = checkWithJobs('json', 2);
    const report = JSON.parse(run.stdout) as {
      files: { file: string; errors: { message: string; line: number; column: number }[] }[];
    };
    const names = report.files.map((f) => basename(f.file));
    expect(names).toEqual([...before.keys()].sort());
    const errors = Object.fromEntries(
      report.files
        .filter((f) => f.errors.length > 0)
        .map((f) => [basename(f.file), f.errors.map((e) => `${e.line}:${e.column}`)]),
    );
    expect(errors).toEqual({
      'bad-bytes.yaml': ['1:4'],
      'bad-schema.yaml': ['177:13'],
      'bad-syntax.yaml': ['2:1'],
    });
  });

  it('by default, takes a worker per 1,000 files, at most one per core and 8, or none', () => {
    // Why: defaultJobs in src/run/check-files.ts (two workers were slower than one thread on
    // two cores up to 1,000 to 2,000 records).
    expect(FILES_PER_WORKER).toBe(1_000);
    const cases: [files: number, cores: number, jobs: number][] = [
      [0, 4, 1],
      [64, 2, 1],
      [1_999, 8, 1],
      [2_000, 8, 2],
      [2_000, 2, 2],
      [2_000, 1, 1],
      [5_999, 8, 5],
      [10_000, 2, 2],
      [10_000, 4, 4],
      [100_000, 16, 8],
    ];
    expect(cases.map(([files, cores]) => defaultJobs(files, cores))).toEqual(
      cases.map(([, , jobs]) => jobs),
    );
  });

  it('starts no worker thread by default under 2,000 files, and defaultJobs of them from there', () => {
    // 70 files took a worker per core before (from 64 files). 2,000 files (a line each, refused
    // at once by the schema) take defaultJobs(2,000, cores): two on two cores or more. A hook
    // notes the threads made.
    const threadsFor = (name: string, count: number, text: string, status: number): number => {
      const folder = join(dir, name);
      mkdirSync(folder);
      for (let i = 0; i < count; i++) writeFileSync(join(folder, `record-${i}.yaml`), text);
      const { run, workers } = workerThreadsOf(['check', folder, '--format', 'json']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(status);
      expect(JSON.parse(run.stdout).summary.files).toBe(count);
      return workers.length;
    };
    expect(threadsFor('seventy', 70, readFileSync(REFERENCE, 'utf8'), 0)).toBe(0);
    const many = defaultJobs(2_000, availableParallelism());
    expect(threadsFor('two-thousand', 2_000, 'programme: none\n', 2)).toBe(many > 1 ? many : 0);
  });

  it('refuses a count that is not a positive whole number', () => {
    for (const jobs of ['0', '-1', 'two', '1.5']) {
      const run = runCli(['check', REFERENCE, '--jobs', jobs]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/--jobs/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('--cache', () => {
  it('gives the same output on a second run, and keeps one entry per record', () => {
    const cache = join(dir, 'cache-1');
    const plain = runCli(['check', records, '--format', 'json', ...asOf]);
    const cached = ['check', records, '--format', 'json', '--cache', '--cache-location', cache];
    const first = runCli([...cached, ...asOf]);
    const second = runCli([...cached, ...asOf]);
    expect(first).toEqual(plain);
    expect(second).toEqual(plain);
    const entries = readdirSync(cache, { recursive: true }).filter((p) =>
      String(p).endsWith('.json'),
    );
    expect(entries).toHaveLength(before.size);
    // Text output needs the record's text for its code frames: cached reports keep them.
    const text = runCli(['check', records, '--cache', '--cache-location', cache, ...asOf]);
    expect(text).toEqual(runCli(['check', records, ...asOf]));
    expect(snapshot(records)).toEqual(before);
  });

  it('gives the same output when some records are served and others checked, with threads or not', () => {
    // Each record is read for its key into one buffer, the next over the last (readWithin's
    // `into`): one checked afresh, here or in a worker thread, must keep bytes of its own.
    const cache = join(dir, 'cache-mixed');
    const names = [...before.keys()].sort();
    const some = names.filter((_, i) => i % 3 === 1).map((name) => join(records, name));
    const cached = ['--format', 'json', '--cache', '--cache-location', cache, ...asOf];
    runCli(['check', ...some, ...cached]);
    const plain = checkWithJobs('json', 1);
    expect(runCli(['check', records, '--jobs', '2', ...cached])).toEqual(plain);
    rmSync(cache, { recursive: true });
    runCli(['check', ...some, ...cached]);
    expect(runCli(['check', records, '--jobs', '1', ...cached])).toEqual(plain);
    // The text format shows code frames of the records served, from their bytes.
    rmSync(cache, { recursive: true });
    runCli(['check', ...some, ...cached]);
    const text = ['check', records, '--lang', 'en', '--no-color', ...asOf];
    expect(runCli([...text, '--cache', '--cache-location', cache])).toEqual(runCli(text));
    expect(snapshot(records)).toEqual(before);
  });

  it('is never stale: a changed record, date, language or pack is judged afresh', () => {
    const cache = join(dir, 'cache-2');
    const copy = join(dir, 'changing');
    mkdirSync(copy);
    const file = join(copy, 'record.yaml');
    const reference = readFileSync(REFERENCE, 'utf8');
    writeFileSync(file, reference);
    const cached = (...args: string[]) =>
      runCli(['check', file, '--format', 'json', '--cache', '--cache-location', cache, ...args]);
    expect(cached(...asOf).status).toBe(0);
    // The cap exceeded: the same file name, another content.
    writeFileSync(file, reference.replace('amount: 10000.00', 'amount: 10000.01'));
    const changed = cached(...asOf);
    expect(changed.status).toBe(1);
    expect(changed).toEqual(runCli(['check', file, '--format', 'json', ...asOf]));
    // Another evaluation date or language is another report.
    for (const args of [
      ['--as-of', '2019-10-01'],
      ['--lang', 'fr', ...asOf],
      ['--lang', 'en', ...asOf],
    ]) {
      expect(cached(...args)).toEqual(runCli(['check', file, '--format', 'json', ...args]));
    }
    // A lawyer lowers the cap in a copy of the pack: the record, unchanged since its last run, is
    // judged by the new pack.
    writeFileSync(file, reference);
    expect(cached(...asOf).status).toBe(0);
    const pack = join(dir, 'pack');
    cpSync(join(ROOT, 'rules', 'dinsic-preincubation-2019'), pack, { recursive: true });
    const parameters = join(pack, 'parameters.yaml');
    writeFileSync(
      parameters,
      readFileSync(parameters, 'utf8').replace('value: 10000.00', 'value: 9999.99'),
    );
    const lowered = cached('--rules', pack, ...asOf);
    expect(lowered.status).toBe(1);
    const { files } = JSON.parse(lowered.stdout) as {
      files: { findings: { rule: string; status: string }[] }[];
    };
    expect(files[0]!.findings.filter((f) => f.status === 'breach').map((f) => f.rule)).toEqual([
      'A4-CAP',
    ]);
    expect(lowered).toEqual(runCli(['check', file, '--format', 'json', '--rules', pack, ...asOf]));
  });

  it('treats an unreadable entry as missing, and a cache it cannot write as no cache', () => {
    const cache = join(dir, 'cache-3');
    const args = [
      'check',
      REFERENCE,
      '--format',
      'json',
      '--cache',
      '--cache-location',
      cache,
      ...asOf,
    ];
    const plain = runCli(['check', REFERENCE, '--format', 'json', ...asOf]);
    expect(runCli(args)).toEqual(plain);
    const [entry] = readdirSync(cache, { recursive: true }).filter((p) =>
      String(p).endsWith('.json'),
    );
    writeFileSync(join(cache, String(entry)), '{"truncated');
    expect(runCli(args)).toEqual(plain);
    // What a shared cache may hold under an entry's name: a named pipe no one writes to (the run
    // waited for a writer, deaf to Ctrl-C), a link to a device that never ends (it read without
    // bound). Each is a miss, replaced by the entry.
    const path = join(cache, String(entry));
    const kept = readFileSync(path, 'utf8');
    for (const make of [
      () => expect(spawnSync('mkfifo', [path]).status).toBe(0),
      () => symlinkSync('/dev/zero', path),
    ]) {
      rmSync(path);
      make();
      expect(runCli(args, { timeoutMs: 20_000 })).toEqual(plain);
      expect(readFileSync(path, 'utf8')).toBe(kept);
    }
    // A cache location that is a file: nothing can be cached, the run is the same.
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, '');
    const run = runCli([
      'check',
      REFERENCE,
      '--format',
      'json',
      '--cache',
      '--cache-location',
      blocked,
      ...asOf,
    ]);
    expect(run).toEqual(plain);
  });

  it('serves no entry edited on disk: each is checked against its checksum, and made again', () => {
    const cache = join(dir, 'cache-4');
    const file = join(dir, 'breach.yaml');
    writeFileSync(
      file,
      readFileSync(REFERENCE, 'utf8').replace('amount: 10000.00', 'amount: 10000.01'),
    );
    const cached = (format: string) =>
      runCli(['check', file, '--format', format, '--cache', '--cache-location', cache, ...asOf]);
    const plain = (format: string) => runCli(['check', file, '--format', format, ...asOf]);
    expect(cached('json')).toEqual(plain('json'));
    const [name] = readdirSync(cache, { recursive: true }).filter((p) =>
      String(p).endsWith('.json'),
    );
    const entry = join(cache, String(name));
    const kept = readFileSync(entry, 'utf8');
    // Its checksum (CRC-32, in hex) on the first line, then what it is the checksum of.
    expect(kept).toMatch(/^[0-9a-f]{8}\n\{/);
    // Edits of the same length: a breach turned waived (still valid JSON), a bracket
    // removed (no longer JSON), the digest that sets the exit code.
    const edits = [
      kept.replace('"status": "breach"', '"status": "waived"'),
      kept.replace('"errors": []', '"errors": [,'),
      kept.replace('"verdict":"breach"', '"verdict":"invali"'),
    ];
    for (const edited of edits) {
      expect(edited).not.toBe(kept);
      expect(edited.length).toBe(kept.length);
      for (const format of ['json', 'text']) {
        writeFileSync(entry, edited);
        expect(cached(format), format).toEqual(plain(format));
        // Made again, and kept as it should be.
        expect(readFileSync(entry, 'utf8')).toBe(kept);
      }
    }
  });

  it('keeps its entries in .clausier-cache under the working folder by default', () => {
    const cwd = join(dir, 'cwd');
    mkdirSync(cwd);
    const run = runCli(['check', REFERENCE, '--cache', ...asOf], { cwd });
    expect(run.status).toBe(0);
    expect(
      readdirSync(join(cwd, '.clausier-cache'), { recursive: true }).some((p) =>
        String(p).endsWith('.json'),
      ),
    ).toBe(true);
  });
});
