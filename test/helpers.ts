import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '..');
export const CLI = join(ROOT, 'dist', 'cli.cjs');
export const REFERENCE = join(ROOT, 'cases', 'les-lilas-2019.yaml');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The signal that ended the run: SIGKILL when it outlived `timeoutMs`. */
  signal: NodeJS.Signals | null;
}

/** Runs the built CLI as a user would, with a controlled environment. */
export function runCli(
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    input?: string | Buffer;
    cwd?: string;
    /** Kill the run after this long: for tests that a hang would otherwise never end. */
    timeoutMs?: number;
  } = {},
): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...(options.timeoutMs !== undefined && {
      timeout: options.timeoutMs,
      killSignal: 'SIGKILL' as const,
    }),
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    signal: result.signal,
  };
}

/**
 * Runs the built CLI as runCli does, without holding the test: for runs that can go side by side
 * where nothing else does (the file that runs alone).
 */
export function runCliAsync(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [CLI, ...args],
      {
        cwd: options.cwd ?? ROOT,
        env: { PATH: process.env.PATH ?? '', ...options.env },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
      (_, stdout, stderr) =>
        done({ status: child.exitCode, stdout, stderr, signal: child.signalCode }),
    );
  });
}

/**
 * Runs the bin with a hook (`node --require`): `hook(log)` is its code, which writes what it
 * noted to the file `log` as JSON; returns the run and what the hook noted.
 */
export function hooked<T>(bin: string, args: string[], hook: (log: string) => string) {
  const dir = tempDir('clausier-hook-');
  const log = join(dir, 'noted.json');
  const file = join(dir, 'hook.cjs');
  writeFileSync(file, hook(JSON.stringify(log)));
  const run = spawnSync(process.execPath, ['--require', file, bin, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { run, noted: JSON.parse(readFileSync(log, 'utf8')) as T };
}

/** A worker thread the command made: its script and its resource limits. */
export interface WorkerMade {
  script: string;
  resourceLimits: unknown;
}

/** Runs the built CLI with a hook on node:worker_threads: the run, and each worker it made. */
export function workerThreadsOf(args: string[]) {
  const { run, noted } = hooked<WorkerMade[]>(
    CLI,
    args,
    (log) => `const threads = require('node:worker_threads');
const Thread = threads.Worker;
const made = [];
threads.Worker = class extends Thread {
  constructor(script, options) {
    made.push({ script, resourceLimits: options.resourceLimits });
    super(script, options);
  }
};
process.on('exit', () => require('node:fs').writeFileSync(${log}, JSON.stringify(made)));
`,
  );
  return { run, workers: noted };
}

/** A new temporary folder, removed when the test run ends (test/global-setup.ts). */
export function tempDir(prefix = 'clausier-'): string {
  return mkdtempSync(join(inject('tempRoot'), prefix));
}

/** Every case record under cases/, sorted, without the expected files. */
export function caseFiles(dir = join(ROOT, 'cases')): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.yaml') && !entry.endsWith('.expected.yaml')) out.push(path);
    }
  };
  walk(dir);
  return out;
}

/**
 * The size and seed of a randomised test, from the environment: `${prefix}_RUNS` asks for a long
 * run of that many (its seed drawn at random unless `${prefix}_SEED` gives one), and prints both
 * so that a failure can be replayed; without it, the test runs `undefined` (its own bounded
 * count) from a fixed seed, the same at every run.
 */
export function runsFromEnvironment(
  prefix: string,
  file: string,
  fixedSeed: number,
): { runs: number | undefined; seed: number } {
  const given = process.env[`${prefix}_RUNS`];
  const runs = given === undefined ? undefined : Number(given);
  if (runs !== undefined && !(Number.isSafeInteger(runs) && runs > 0))
    throw new Error(`${prefix}_RUNS must be a positive whole number, not '${given}'`);
  const seedGiven = process.env[`${prefix}_SEED`];
  const seed =
    seedGiven !== undefined
      ? Number(seedGiven)
      : runs !== undefined
        ? Math.floor(Math.random() * 2 ** 31)
        : fixedSeed;
  if (!Number.isSafeInteger(seed)) throw new Error(`${prefix}_SEED must be a whole number`);
  if (runs !== undefined)
    console.log(
      `${file}: seed ${seed}, ${runs} runs (replay: ${prefix}_SEED=${seed} ${prefix}_RUNS=${runs} npx vitest run ${file})`,
    );
  return { runs, seed };
}
