/**
 * The library's route over many records is the command's: checkFiles and RunWriter, from the
 * built package as a user requires it, give the bytes `clausier check` prints, in text, JSON and
 * SARIF, with worker threads and with the cache, cold and warm.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';
import type * as Library from '../src/index.js';

const lib = createRequire(import.meta.url)(join(ROOT, 'dist', 'clausier.cjs')) as typeof Library;

const FORMATS = ['text', 'json', 'sarif'] as const;
const TARGETS = ['cases/'];
const AS_OF = '2020-06-01';

/** The three outputs of one `clausier check` run, and its exit code. */
function command(extra: string[]): { outputs: string[]; status: number | null } {
  const dir = tempDir();
  const files = { json: join(dir, 'out.json'), sarif: join(dir, 'out.sarif') };
  const run = runCli([
    'check',
    ...TARGETS,
    '--format',
    FORMATS.join(','),
    '--output.json',
    files.json,
    '--output.sarif',
    files.sarif,
    '--as-of',
    AS_OF,
    '--lang',
    'en',
    ...extra,
  ]);
  expect(run.stderr).toBe('');
  return {
    outputs: [run.stdout, readFileSync(files.json, 'utf8'), readFileSync(files.sarif, 'utf8')],
    status: run.status,
  };
}

/** The same run through the library. */
async function library(
  options: Partial<Library.CheckFilesOptions>,
): Promise<{ outputs: string[]; status: number }> {
  const run = lib.checkFiles(TARGETS, { language: 'en', asOf: AS_OF, ...options });
  const writer = new lib.RunWriter(
    FORMATS.map((format) => ({ format, colors: false })),
    { language: 'en', tool: lib.TOOL },
  );
  const outputs = writer.begin();
  const add = (chunks: string[]): void => chunks.forEach((c, i) => (outputs[i] += c));
  try {
    for await (const file of run) add(writer.add(file));
  } finally {
    await run.close();
  }
  add(writer.end((reports) => run.packsOf(reports)));
  return { outputs, status: writer.invalid ? 2 : writer.failed ? 1 : 0 };
}

describe('checkFiles, from the library', () => {
  it('runs from the folder the paths are relative to', () => {
    expect(process.cwd()).toBe(ROOT);
  });

  it('gives the bytes of clausier check, in one thread and in two', async () => {
    const expected = command([]);
    expect(expected.status).toBe(1);
    expect(expected.outputs.map((o) => o.length > 1000)).toEqual([true, true, true]);
    expect(await library({ jobs: 1 })).toEqual(expected);
    expect(await library({ jobs: 2 })).toEqual(expected);
    expect(command(['--jobs', '2'])).toEqual(expected);
  });

  it('gives the bytes of clausier check --cache, cold and warm', async () => {
    const expected = command([]);
    const cli = tempDir();
    const own = tempDir();
    for (let pass = 0; pass < 2; pass++) {
      expect(command(['--jobs', '2', '--cache', '--cache-location', cli])).toEqual(expected);
      expect(await library({ jobs: 2, cache: own })).toEqual(expected);
      // Each record's report is kept once, by both routes alike.
      const kept = (dir: string): number =>
        readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.json')).length;
      expect(kept(own)).toBe(lib.expandTargets(TARGETS).length);
      expect(kept(cli)).toBe(kept(own));
    }
  });

  it('writes a cached entry as the bytes the cache kept: on standard output, and from addParts', async () => {
    const json = ['check', ...TARGETS, '--format', 'json', '--as-of', AS_OF, '--lang', 'en'];
    const expected = runCli(json);
    const cache = tempDir();
    for (let pass = 0; pass < 2; pass++) {
      const run = runCli([...json, '--cache', '--cache-location', cache]);
      expect(run.stdout).toBe(expected.stdout);
      expect(run.status).toBe(expected.status);
    }
    // Warm, every file comes with its entry's bytes; addParts gives them, add the same as text.
    const own = tempDir();
    const cold = lib.checkFiles(TARGETS, { language: 'en', asOf: AS_OF, jobs: 1, cache: own });
    for await (const file of cold) expect(file.entryBytes).toBeUndefined();
    await cold.close();
    const run = lib.checkFiles(TARGETS, { language: 'en', asOf: AS_OF, jobs: 1, cache: own });
    const options = { language: 'en' as const, tool: lib.TOOL };
    const asText = new lib.RunWriter([{ format: 'json' }], options);
    const asParts = new lib.RunWriter([{ format: 'json' }], options);
    let text = asText.begin()[0]!;
    const parts: (string | Uint8Array)[] = [asParts.begin()[0]!];
    let files = 0;
    try {
      for await (const file of run) {
        expect(file.entryBytes).toBeInstanceOf(Uint8Array);
        text += asText.add(file)[0];
        // The file's name, then the kept bytes themselves, not a copy of them.
        const pieces = asParts.addParts(file)[0]!;
        expect(Array.isArray(pieces)).toBe(true);
        const [opening, entry] = pieces as Uint8Array[];
        expect(entry!.buffer).toBe(file.entryBytes!.buffer);
        parts.push(opening!, entry!);
        files++;
      }
    } finally {
      await run.close();
    }
    text += asText.end(() => new Map())[0];
    parts.push(asParts.end(() => new Map())[0]!);
    expect(files).toBe(lib.expandTargets(TARGETS).length);
    expect(Buffer.concat(parts.map((p) => Buffer.from(p))).toString('utf8')).toBe(text);
    expect(text).toBe(expected.stdout);
  });

  it('starts worker threads only for records the cache does not hold', async () => {
    const expected = command([]);
    const own = tempDir();
    // The bundle asks node:worker_threads for its Worker when it starts its threads: the same
    // module as here, whose Worker is counted for the while of this test.
    const threads = createRequire(import.meta.url)('node:worker_threads') as {
      Worker: new (...args: never[]) => object;
    };
    const Worker = threads.Worker;
    let started = 0;
    threads.Worker = class extends Worker {
      constructor(...args: never[]) {
        super(...args);
        started++;
      }
    };
    try {
      const counted = async (): Promise<number> => {
        started = 0;
        expect(await library({ jobs: 2, cache: own })).toEqual(expected);
        return started;
      };
      expect(await counted()).toBe(2);
      expect(await counted()).toBe(0);
      // Another evaluation date: no report is in the cache, the threads make them all.
      started = 0;
      expect(await library({ jobs: 2, cache: own, asOf: '2020-06-02' })).not.toEqual(expected);
      expect(started).toBe(2);
    } finally {
      threads.Worker = Worker;
    }
  });
});
