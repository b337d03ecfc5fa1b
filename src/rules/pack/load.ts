/**
 * Loading a rule pack (`rules/<pack>/`): from the build's snapshot when it is a built-in pack
 * whose files are unchanged, otherwise from its files, read with their positions, validated
 * against their generated schemas, and every reference in them checked: clauses, parameters,
 * facts and their fields, operators and their types, named conditions (without cycles),
 * placeholders of messages. A pack with any problem is refused as a whole, each problem named
 * with its file, line and column: a rule pack is data, never executed, and a broken one never
 * judges a record.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { compileFacts, factModel } from '../../facts/derive.js';
import { decodeText } from '../../load/text.js';
import { parseYaml } from '../../load/yaml/parse.js';
import { readPackFile } from './files.js';
import { readPack } from './read.js';
import { checkReferences } from './references.js';
import { packFingerprint, restorePack, snapshotPath } from './snapshot.js';
import { sha256 } from '../../base/builtins.js';
import { RulePackError, type PackParts, type PackProblem, type RulePack } from './types.js';

/** Loads a pack from its folder, or throws a RulePackError listing every problem. */
export function loadRulePack(dir: string): RulePack {
  const absolute = resolve(dir);
  const snapshot = snapshotPath(absolute);
  if (snapshot !== undefined) {
    const restored = restorePack(absolute, snapshot);
    if (restored) return restored;
  }
  return readRulePack(absolute);
}

/**
 * What a pack is read from, without checking it: the folders of the pack and of the packs it
 * extends, and in them every file it reads — every `.yaml` file of the folder (each is a part
 * of the pack, or refused as one), the convention's text, the build's snapshot. A file written
 * there would change the pack or break it: `check --output` refuses them all.
 */
export function packInputs(
  dir: string,
  seen = new Set<string>(),
): { folders: string[]; files: string[] } {
  const folder = resolve(dir);
  if (seen.has(folder)) return { folders: [], files: [] };
  seen.add(folder);
  const files: string[] = [];
  try {
    for (const entry of readdirSync(folder))
      if (entry.endsWith('.yaml')) files.push(join(folder, entry));
  } catch {
    return { folders: [folder], files };
  }
  const snapshot = snapshotPath(folder);
  if (snapshot !== undefined) files.push(snapshot);
  // Its text and the pack it extends, as pack.yaml names them: a pack.yaml that cannot be read
  // names none, and the pack is refused when it is loaded.
  const read = readPackFile(join(folder, 'pack.yaml'));
  const decoded = 'bytes' in read ? decodeText(read.bytes) : undefined;
  const pack = decoded?.ok ? parseYaml(decoded.text).value : undefined;
  const { source, extends: base } = (pack ?? {}) as { source?: unknown; extends?: unknown };
  if (typeof source === 'string') files.push(join(folder, source));
  const extended =
    typeof base === 'string' ? packInputs(resolve(folder, base), seen) : { folders: [], files: [] };
  return { folders: [folder, ...extended.folders], files: [...files, ...extended.files] };
}

/** Loads a pack from its files, checking everything, or throws a RulePackError. */
export function readRulePack(dir: string): RulePack {
  const problems: PackProblem[] = [];
  const parts = readPack(resolve(dir), problems, new Set());
  if (parts) checkReferences(parts, problems);
  if (problems.length > 0 || !parts) {
    problems.sort(
      (a, b) =>
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
    );
    throw new RulePackError(problems);
  }
  return assemblePack(parts);
}

/** The pack, as rules and reports use it, from its parts once checked. */
function assemblePack(parts: PackParts): RulePack {
  const byId = new Map(parts.clauses.map((c) => [c.id, c]));
  return {
    id: parts.pack.id,
    title: parts.pack.title,
    convention: parts.pack.convention,
    dir: parts.dir,
    ...(parts.casesDir !== undefined && { casesDir: parts.casesDir }),
    sourceText: parts.sourceText,
    clauses: parts.clauses,
    clause: (id) => byId.get(id),
    parameters: parts.parameters,
    conditions: parts.conditions,
    rules: [...parts.rules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    facts: parts.facts,
    factSources: parts.factSources,
    model: factModel(parts.facts),
    derived: compileFacts(parts.facts, parts.conditions),
    files: parts.files,
    fingerprint: packFingerprint(
      parts.files.map((f) => ({
        path: relative(parts.dir, resolve(f.path)),
        sha256: sha256(f.text),
      })),
    ),
  };
}
