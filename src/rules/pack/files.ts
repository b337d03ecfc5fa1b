/**
 * Reading the files of a rule pack: their bytes (regular files, within the size limit, in the
 * pack's folder), each YAML file parsed with its positions and validated against its schema, and
 * the places in them that problems point at.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ownEntry } from '../../facts/spec.js';
import { DEFAULT_MAX_BYTES } from '../../load/index.js';
import type { RootSchema } from '../../load/schema.js';
import { decodeText } from '../../load/text.js';
import { validateWith } from '../../load/validate.js';
import { parseYaml } from '../../load/yaml/parse.js';
import type { SourcePositions } from '../../load/yaml/positions.js';
import type { PackProblem, PackSourceFile, RulePack } from './types.js';

/** A path as problems show it: relative to the working folder when it is under it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

/** A YAML file of a pack once read: its value, the file to locate problems in, its positions. */
export interface ReadYaml<T> {
  value: T;
  file: PackSourceFile;
  positions: SourcePositions;
  root: unknown;
}

/** Reads one YAML file of a pack with its positions; schema problems are added to `problems`. */
export function readYaml<T>(
  path: string,
  validate: Parameters<typeof validateWith>[0],
  schema: unknown,
  problems: PackProblem[],
): ReadYaml<T> | undefined {
  const name = displayPath(path);
  const read = readPackFile(path);
  if ('problem' in read) {
    problems.push({ file: name, line: 1, column: 1, message: read.problem });
    return undefined;
  }
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) {
    problems.push({
      file: name,
      line: decoded.problem.line,
      column: decoded.problem.column,
      message: decoded.problem.message,
    });
    return undefined;
  }
  const parsed = parseYaml(decoded.text);
  for (const p of parsed.problems)
    problems.push({ file: name, line: p.line, column: p.column, message: p.message });
  if (parsed.value === undefined || parsed.problems.length > 0) return undefined;
  const root = parsed.value;
  const positions = parsed.positions;
  const file: PackSourceFile = {
    path: name,
    text: decoded.text,
    locate: (pointer, atKey) => positions.place(root, pointer, atKey),
  };
  const schemaProblems = validateWith(validate, schema as RootSchema, root, (p) =>
    positions.sourceText(root, p),
  );
  for (const p of schemaProblems) {
    problems.push({ file: name, ...positions.place(root, p.pointer, p.atKey), message: p.message });
  }
  if (schemaProblems.length > 0) return undefined;
  return { value: root as T, file, positions, root };
}

/**
 * The bytes of a file of a pack: a regular file within the size limit of records, never a
 * device or a pipe that would be read without end. With `inside`, the file must also be in that
 * folder once links are followed: a pack from a pull request reads no other file of the machine.
 */
export function readPackFile(
  path: string,
  inside?: string,
): { bytes: Buffer } | { problem: string } {
  try {
    if (inside !== undefined) {
      const where = relative(realpathSync(inside), realpathSync(path));
      if (where === '' || where.split(sep)[0] === '..' || isAbsolute(where)) {
        const folder = displayPath(inside);
        return { problem: `it is not in the pack's folder (expected a file of ${folder})` };
      }
    }
    const stats = statSync(path);
    if (!stats.isFile()) {
      const expected = 'expected a text file, not a folder, device or pipe';
      return { problem: `it is not a regular file (${expected})` };
    }
    if (stats.size > DEFAULT_MAX_BYTES) {
      const limit = DEFAULT_MAX_BYTES / (1024 * 1024);
      return { problem: `the file is over the size limit of ${limit} MiB` };
    }
    return { bytes: readFileSync(path) };
  } catch {
    return { problem: 'it cannot be read' };
  }
}

/**
 * Whether a file a pack was read from is its own, not one of a pack it extends: lint and the
 * cases' coverage judge a pack on what it writes itself.
 */
export function isOwnFile(pack: Pick<RulePack, 'dir'>, path: string): boolean {
  return resolve(path).startsWith(pack.dir + sep);
}

/**
 * Where an entry of facts.yaml is written: `key` names the entry (`facts/<name>`,
 * `fields/<collection>/<field>`, `collections/<name>`: see PackParts), `pointer` the place in it.
 */
export function locateFact(
  pack: Pick<RulePack, 'factSources' | 'dir'>,
  key: string,
  pointer: string,
  atKey = false,
): { file: string; line: number; column: number } {
  const file = ownEntry(pack.factSources, key);
  return file
    ? { file: file.path, ...file.locate(pointer, atKey) }
    : { file: displayPath(join(pack.dir, 'facts.yaml')), line: 1, column: 1 };
}

/** A problem at a place in a pack's file: a pointer's value, or its key with `atKey`. */
export function at(
  file: PackSourceFile,
  pointer: string,
  message: string,
  atKey = false,
): PackProblem {
  return { file: file.path, ...file.locate(pointer, atKey), message };
}
