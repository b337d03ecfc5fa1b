import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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

export function tempDir(prefix = 'clausier-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
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
