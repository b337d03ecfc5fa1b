/**
 * Which files a command line names: files as given, folders searched for `*.yaml` and `*.yml`
 * (hidden folders, node_modules and the *.expected.yaml of cases skipped), globs (`'records/**\/*.yaml'`, for shells that do
 * not expand them), and `-` for standard input; each once, in a stable order that does not
 * depend on the disk or the locale.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';

export interface Target {
  /** The file's path as it will be reported (`-` for standard input). */
  path: string;
  /** Why the argument names no file, when it does not. */
  problem?: string;
  /**
   * Standard input, a pipe or a device: reading it may wait for a writer, so it is read off the
   * main thread (Ctrl-C must still be answered meanwhile). Regular files are read at once.
   */
  mayWait?: true;
}

export const STDIN = '-';

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Records are *.yaml and *.yml; *.expected.yaml files hold the expected findings of a case. */
const isRecordFile = (name: string): boolean =>
  /\.ya?ml$/i.test(name) && !/\.expected\.ya?ml$/i.test(name);

function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    byCodePoint(a.name, b.name),
  );
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile() && isRecordFile(entry.name)) out.push(path);
  }
}

const GLOB = /[*?[\]{}]/;

/** Expands command-line arguments into the files to check, each once, in order. */
export function expandTargets(args: readonly string[]): Target[] {
  const targets: Target[] = [];
  const seen = new Set<string>();
  const add = (target: Target): void => {
    if (seen.has(target.path)) return;
    seen.add(target.path);
    targets.push(target);
  };
  for (const arg of args) {
    if (arg === STDIN) {
      add({ path: STDIN, mayWait: true });
      continue;
    }
    let stats;
    try {
      stats = statSync(arg);
    } catch {
      if (GLOB.test(arg)) {
        const found = globSync(arg, { onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] })
          .filter((path) => isRecordFile(path) || !arg.endsWith('*'))
          .sort(byCodePoint);
        if (found.length === 0) add({ path: arg, problem: 'the pattern matches no file' });
        found.forEach((path) => add(fileTarget(path)));
      } else add({ path: arg, problem: 'no such file or folder' });
      continue;
    }
    if (stats.isDirectory()) {
      const found: string[] = [];
      try {
        walk(arg, found);
      } catch {
        add({ path: arg, problem: 'the folder cannot be read' });
        continue;
      }
      if (found.length === 0) add({ path: arg, problem: 'the folder holds no .yaml or .yml file' });
      found.forEach((path) => add({ path }));
    } else add(stats.isFile() ? { path: arg } : { path: arg, mayWait: true });
  }
  return targets;
}

/** A file a glob found (which may be a pipe: globs only leave folders out). */
function fileTarget(path: string): Target {
  try {
    return statSync(path).isFile() ? { path } : { path, mayWait: true };
  } catch {
    return { path };
  }
}
