/**
 * Which files a command line names: files as given, folders searched for `*.yaml` and `*.yml`
 * (hidden folders, node_modules and the *.expected.yaml of cases skipped), globs (`'records/**\/*.yaml'`, for shells that do
 * not expand them), and `-` for standard input; each once, in a stable order that does not
 * depend on the disk or the locale.
 */
import { STDIN, type FileReport } from '../model/finding.js';
import { readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { globSync } from 'tinyglobby';
import type { Language } from '../base/language.js';
import {
  loadRecordFile,
  loadRecordSourceAsync,
  type LoadOptions,
  type LoadedRecord,
} from '../load/index.js';
import { inLanguage } from '../words/messages.js';

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

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Records are *.yaml and *.yml; *.expected.yaml files hold the expected findings of a case. */
const isRecordFile = (name: string): boolean =>
  /\.ya?ml$/i.test(name) && !/\.expected\.ya?ml$/i.test(name);

/**
 * What a walk found: record files, links that loop back to a folder above them, and links named
 * as records that lead nowhere.
 */
interface Found {
  files: string[];
  loops: string[];
  /**
   * Each entry named as a record that cannot be read as one, with why: a link that leads nowhere
   * (or loops), a named pipe or a device.
   */
  broken: Map<string, string>;
  /**
   * The real path of each file that is no link: its real folder's and its name (asking the disk
   * for each, some 20 µs a file, was a hundredth of a run over a folder).
   */
  real: Map<string, string>;
}

const LOOP = 'a link to a folder that holds it (a loop): it is not followed';
/** A link named as a record, in a folder, that leads nowhere: a record the run cannot read. */
const brokenLink = (target: string): string =>
  `a link to ${target}, which does not exist (expected a record file)`;

/**
 * Why a link named as a record cannot be followed: it leads nowhere, or through links back to
 * itself (ELOOP: `self.yaml -> self.yaml`).
 */
function linkProblem(path: string, error: unknown): string {
  const target = linkTarget(path);
  return (error as { code?: string }).code === 'ELOOP'
    ? `a link to ${target}, which leads back to itself through links (expected a record file)`
    : brokenLink(target);
}

/**
 * A file named as a record in a folder that is no regular file: a named pipe would hold the run
 * until someone writes to it, a device might never end. Named on the command line, it is read
 * (standard input, `<(…)`); found in a folder, it is reported, not read, nor left out unseen.
 */
const NOT_A_FILE = 'a named pipe, a socket or a device, not a file (expected a record file)';

/**
 * Walks a folder for record files, following links as globs do. `above` holds the real paths of
 * the folders being walked (a link to one of them is a loop, reported); `walked` those already
 * walked (a second link to one is not walked again: its files are checked once).
 */
function walk(dir: string, found: Found, above: string[], walked: Set<string>): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    byCodePoint(a.name, b.name),
  );
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Followed; one that leads nowhere is reported if it is named as a record (a record moved
      // or deleted from under its link must not pass a CI run unseen), else left out.
      try {
        const stats = statSync(path);
        isDirectory = stats.isDirectory();
        isFile = stats.isFile();
      } catch (error) {
        if (isRecordFile(entry.name)) found.broken.set(path, linkProblem(path, error));
        continue;
      }
    }
    if (isDirectory) {
      const real = realpathSync(path);
      if (above.includes(real)) found.loops.push(path);
      else if (!walked.has(real)) {
        walked.add(real);
        walk(path, found, [...above, real], walked);
      }
    } else if (isFile && isRecordFile(entry.name)) {
      found.files.push(path);
      if (!entry.isSymbolicLink()) found.real.set(path, join(above[above.length - 1]!, entry.name));
    } else if (isRecordFile(entry.name)) found.broken.set(path, NOT_A_FILE);
  }
}

/**
 * What a glob matches, named as a record, and leaves out: links it cannot follow (they lead
 * nowhere, or loop), named pipes and devices. Found by walking the pattern's fixed folder as deep
 * as the pattern reaches, each path matched against the pattern; each is reported, as a folder's
 * are.
 */
function unreadableMatching(pattern: string): Target[] {
  const { base, glob } = picomatch.scan(pattern);
  const matches = picomatch(pattern, { dot: false });
  const deep = glob.includes('**');
  const depth = glob.split('/').length;
  const found: Target[] = [];
  const visit = (dir: string, level: number): void => {
    let entries;
    try {
      entries = readdirSync(dir === '' ? '.' : dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (!entry.isSymbolicLink() && !entry.isDirectory() && !entry.isFile()) {
        if (isRecordFile(entry.name) && matches(path)) found.push({ path, problem: NOT_A_FILE });
      } else if (entry.isSymbolicLink()) {
        if (!isRecordFile(entry.name) || !matches(path)) continue;
        try {
          statSync(path);
        } catch (error) {
          found.push({ path, problem: linkProblem(path, error) });
        }
      } else if (entry.isDirectory() && (deep || level < depth)) visit(path, level + 1);
    }
  };
  visit(base, 1);
  // Named as the glob names what it finds: relative to the working folder.
  return found.map(({ path, problem }) => ({
    path: relative(process.cwd(), resolve(path)),
    problem,
  }));
}

/** What a link points to, as it is written. */
function linkTarget(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '?';
  }
}

/**
 * The link through which a path found by a glob loops back to a folder above it, if it does:
 * globs follow links too, and walk a loop once before they stop.
 */
function loopIn(path: string): string | undefined {
  const parts = resolve(path).split(sep);
  const above: string[] = [];
  for (let i = 2; i < parts.length; i++) {
    const prefix = parts.slice(0, i).join(sep);
    let real: string;
    try {
      real = realpathSync(prefix);
    } catch {
      return undefined;
    }
    // The link, as the glob named it: the path without what follows it.
    if (above.includes(real))
      return path
        .split(sep)
        .slice(0, i - parts.length)
        .join(sep);
    above.push(real);
  }
  return undefined;
}

const GLOB = /[*?[\]{}]/;

/**
 * Expands command-line arguments into the files to check, each real file once (the first path
 * that names it), in order; links are followed in folders as in globs, and a link that loops
 * back to a folder above it is reported, not followed.
 */
export function expandTargets(args: readonly string[]): Target[] {
  const targets: Target[] = [];
  const seen = new Set<string>();
  const add = (target: Target, real?: string): void => {
    let key = real ?? target.path;
    if (real === undefined && target.problem === undefined && target.path !== STDIN) {
      try {
        key = realpathSync(target.path);
      } catch {
        // Not there: it is named as given, and will say so when it is read.
      }
    }
    if (seen.has(key)) return;
    seen.add(key);
    targets.push(target);
  };
  const loop = (path: string): void => add({ path, problem: LOOP });
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
        const options = { onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] };
        const found = globSync(arg, options).filter(
          (path) => isRecordFile(path) || !arg.endsWith('*'),
        );
        // Links named as records that lead nowhere, and pipes, which a glob leaves out: reported,
        // as a folder's are (a record moved from under its link must not pass a CI run unseen).
        const broken = unreadableMatching(arg);
        if (found.length === 0 && broken.length === 0)
          add({ path: arg, problem: 'the pattern matches no file' });
        const byPath = (a: Target, b: Target) => byCodePoint(a.path, b.path);
        const targets: Target[] = [...found.map((path) => ({ path })), ...broken];
        for (const target of targets.sort(byPath)) {
          if (target.problem !== undefined) {
            add(target, target.path);
            continue;
          }
          const through = loopIn(target.path);
          if (through !== undefined) loop(through);
          else add(fileTarget(target.path));
        }
      } else add({ path: arg, problem: 'no such file or folder' });
      continue;
    }
    if (stats.isDirectory()) {
      const found: Found = { files: [], loops: [], broken: new Map(), real: new Map() };
      try {
        const real = realpathSync(arg);
        walk(arg, found, [real], new Set([real]));
      } catch {
        add({ path: arg, problem: 'the folder cannot be read' });
        continue;
      }
      if (found.files.length === 0 && found.loops.length === 0 && found.broken.size === 0)
        add({ path: arg, problem: 'the folder holds no .yaml or .yml file' });
      // In walk order, loops and links that lead nowhere among the files.
      for (const path of [...found.files, ...found.loops, ...found.broken.keys()].sort(
        byCodePoint,
      )) {
        const broken = found.broken.get(path);
        if (found.loops.includes(path)) loop(path);
        else if (broken !== undefined) add({ path, problem: broken }, path);
        else add({ path }, found.real.get(path));
      }
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

/**
 * Loads a target's record in this thread. Standard input and pipes, which can keep a reader
 * waiting, are read off the main thread, so that Ctrl-C is still answered meanwhile.
 */
export async function loadTarget(target: Target, options: LoadOptions): Promise<LoadedRecord> {
  if (!target.mayWait) return loadRecordFile(target.path, options);
  return target.path === STDIN
    ? loadRecordSourceAsync(0, STDIN, options)
    : loadRecordSourceAsync(target.path, target.path, options);
}

/** The report of an argument that names no record: one input error, at its first line. */
export function unreadableReport(path: string, problem: string, language: Language): FileReport {
  return {
    file: path,
    errors: [{ message: inLanguage(problem, language), line: 1, column: 1, pointer: '' }],
    findings: [],
    verdict: 'invalid',
  };
}
