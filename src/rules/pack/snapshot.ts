/**
 * Snapshots of built-in rule packs, made at build time (dist/packs/<pack>.json): reading 35 YAML
 * files takes far longer than the check of a record, so a one-file check starts from the pack as
 * it was loaded and validated at build. A snapshot is used only while every file it was made
 * from is byte for byte the same: edit a rule and the pack is read from its files again.
 *
 * A file is the same when its size and its modification and change times are those the snapshot
 * noted: any write sets the change time, which no tool can set back. Otherwise (a copy, a package
 * unpacked, a checkout) the file is the same when its SHA-256 is. The times spare a start the
 * reading and hashing of every file, and the loading of node:crypto.
 *
 * The snapshot also holds what the pack's conditions said on its cases (CollectionAnswers), worked
 * out by json-rules-engine at build: a check whose items compare as the cases' do needs no run of
 * the engine. They are used only for the very conditions they were worked out for.
 */
import { sha256 } from '../../base/builtins.js';
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseYaml } from '../../load/yaml/parse.js';
import { compileFacts, factModel } from '../../facts/derive.js';
import { displayPath } from './files.js';
import { packageRoot } from './root.js';
import type {
  CollectionAnswers,
  LoadedRule,
  PackParameter,
  PackSourceFile,
  RulePack,
} from './types.js';

const FORMAT = 4;

interface SnapshotFile {
  /** The file, relative to the pack's folder. */
  path: string;
  sha256: string;
  /** Its size and times (ms) when the snapshot was made. */
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

interface PackSnapshot {
  format: number;
  id: string;
  title: RulePack['title'];
  convention: RulePack['convention'];
  casesDir?: string;
  sourceText: string;
  clauses: RulePack['clauses'];
  parameters: Record<string, Omit<PackParameter, 'source'> & { source: string }>;
  conditions: RulePack['conditions'];
  rules: (Omit<LoadedRule, 'source'> & { source: string })[];
  facts: RulePack['facts'];
  factSources: Record<string, string>;
  files: SnapshotFile[];
  /** The pack's fingerprint (see packFingerprint). */
  fingerprint: string;
  /** What the conditions said on the pack's cases (see CollectionAnswers). */
  answers: Record<string, CollectionAnswers>;
}

/** Where the build keeps the snapshot of a built-in pack; none for a pack of another folder. */
export function snapshotPath(dir: string): string | undefined {
  const root = packageRoot();
  if (dirname(dir) !== join(root, 'rules')) return undefined;
  return join(root, 'dist', 'packs', `${basename(dir)}.json`);
}

/** A pack's fingerprint: the hash of the hashes of its files, each with its path. */
export function packFingerprint(files: readonly { path: string; sha256: string }[]): string {
  return sha256(files.map((f) => `${f.path.split('\\').join('/')}\u0000${f.sha256}`).join('\n'));
}

/**
 * The snapshot of a loaded pack, as JSON, with what its conditions said on the records it was
 * tried on (PackEvaluator.answers).
 */
export function serializePack(pack: RulePack, answers: Record<string, CollectionAnswers>): string {
  const dir = pack.dir;
  const rel = (path: string): string => relative(dir, resolve(path)).split('\\').join('/');
  const snapshot: PackSnapshot = {
    format: FORMAT,
    id: pack.id,
    title: pack.title,
    convention: pack.convention,
    ...(pack.casesDir !== undefined && { casesDir: rel(pack.casesDir) }),
    sourceText: pack.sourceText,
    clauses: pack.clauses,
    parameters: Object.fromEntries(
      Object.entries(pack.parameters).map(([name, p]) => [
        name,
        { ...p, source: rel(p.source.path) },
      ]),
    ),
    conditions: pack.conditions,
    rules: pack.rules.map((r) => ({ ...r, source: rel(r.source.path) })),
    facts: pack.facts,
    factSources: Object.fromEntries(
      Object.entries(pack.factSources).map(([key, file]) => [key, rel(file.path)]),
    ),
    files: pack.files.map((f) => {
      const { size, mtimeMs, ctimeMs } = statSync(resolve(f.path));
      return {
        path: rel(f.path),
        sha256: sha256(readFileSync(resolve(f.path))),
        size,
        mtimeMs,
        ctimeMs,
      };
    }),
    fingerprint: pack.fingerprint,
    answers,
  };
  return JSON.stringify(snapshot);
}

/**
 * A pack file read only if a problem must be located in it, and named only if one is shown.
 * Its getters are the class's (see madeForEachCall in test/architecture.test.ts).
 */
class LazySourceFile implements PackSourceFile {
  private shown: string | undefined;
  private read: string | undefined;
  private parsed: ReturnType<typeof parseYaml> | undefined;

  constructor(private readonly absolute: string) {}

  /** Relative to the working directory, when a problem is shown (35 of them cost a start 2 ms). */
  get path(): string {
    return (this.shown ??= displayPath(this.absolute));
  }

  get text(): string {
    return (this.read ??= readFileSync(this.absolute, 'utf8'));
  }

  locate(pointer: string, atKey?: boolean): { line: number; column: number } {
    this.parsed ??= parseYaml(this.text);
    return this.parsed.positions.place(this.parsed.value, pointer, atKey);
  }
}

/** Whether a file is as the snapshot noted it (see above). */
function unchanged(path: string, file: SnapshotFile): boolean {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat?.isFile()) return false;
  if (stat.size === file.size && stat.mtimeMs === file.mtimeMs && stat.ctimeMs === file.ctimeMs)
    return true;
  return sha256(readFileSync(path)) === file.sha256;
}

/**
 * The pack of a folder from its snapshot, if the snapshot exists and every file it was made from
 * is unchanged; otherwise undefined, and the pack is read from its files.
 */
export function restorePack(dir: string, snapshotPath: string): RulePack | undefined {
  let snapshot: PackSnapshot;
  // No snapshot, or one that cannot be read: the pack is read from its files.
  try {
    snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8')) as PackSnapshot;
  } catch {
    return undefined;
  }
  if (snapshot.format !== FORMAT) return undefined;
  if (!snapshot.files.every((file) => unchanged(join(dir, file.path), file))) return undefined;
  const sources = new Map<string, PackSourceFile>();
  const source = (path: string): PackSourceFile => {
    let file = sources.get(path);
    if (!file) {
      file = new LazySourceFile(resolve(dir, path));
      sources.set(path, file);
    }
    return file;
  };
  const byId = new Map(snapshot.clauses.map((c) => [c.id, c]));
  return {
    id: snapshot.id,
    title: snapshot.title,
    convention: snapshot.convention,
    dir,
    ...(snapshot.casesDir !== undefined && { casesDir: resolve(dir, snapshot.casesDir) }),
    sourceText: snapshot.sourceText,
    clauses: snapshot.clauses,
    clause: (id) => byId.get(id),
    parameters: Object.fromEntries(
      Object.entries(snapshot.parameters).map(([name, p]) => [
        name,
        { ...p, source: source(p.source) },
      ]),
    ),
    conditions: snapshot.conditions,
    rules: snapshot.rules.map((r) => ({ ...r, source: source(r.source) })),
    facts: snapshot.facts,
    factSources: Object.fromEntries(
      Object.entries(snapshot.factSources).map(([key, path]) => [key, source(path)]),
    ),
    model: factModel(snapshot.facts),
    derived: compileFacts(snapshot.facts, snapshot.conditions),
    files: snapshot.files.map((f) => source(f.path)),
    fingerprint: snapshot.fingerprint,
    answers: snapshot.answers,
  };
}
