/**
 * Loading a programme record: bytes, text, YAML, schema validation, exact decoding. The result is
 * either a record ready for evaluation or the complete list of what is wrong, each problem with
 * its line and column in the file as given.
 */
import type { InputProblem } from '../base/errors.js';
import type { ProgrammeRecord } from '../model/programme.js';
import { joinPointer, humanPath } from '../base/pointer.js';
import { decodeRecord } from './decode.js';
import { DEFAULT_MAX_BYTES } from './limits.js';
import { datesOutOfOrder } from './order.js';
import { danglingReferences } from './references.js';
import { overLimit, readWithin, readWithinAsync, type ReadResult } from './read.js';
import { decodeText, LineIndex, type DecodedText } from './text.js';
import { validateParsed, type SchemaProblem } from './validate.js';
import { parseYaml } from './yaml/parse.js';
import { SourcePositions, type SourceLocation } from './yaml/positions.js';

export { DEFAULT_MAX_BYTES } from './limits.js';

export interface LoadedRecord {
  /** The file's name as given. */
  file: string;
  /** The decoded record (amounts in cents), when the file has no problem. */
  record: ProgrammeRecord | undefined;
  /** Every problem of the file, in the order they appear in it. */
  problems: InputProblem[];
  /** Where each value is written; `locate` answers for pointers into the record. */
  locate(pointer: string): SourceLocation;
  /** The text of the file (empty when it could not be read as text). */
  text: string;
  /** Line-by-line access to the text, for code frames. */
  lines: LineIndex;
}

export interface LoadOptions {
  maxBytes?: number;
}

/** Loads a record from a file on disk; the file is only read. */
export function loadRecordFile(path: string, options: LoadOptions = {}): LoadedRecord {
  return loadRecordSource(path, path, options);
}

/**
 * Loads a record from a file or from standard input (fd 0), read no further than the size limit
 * allows: an endless input is refused, not read forever.
 */
export function loadRecordSource(
  source: string | 0,
  file: string,
  options: LoadOptions = {},
): LoadedRecord {
  // The bytes are read and decoded in a frame of their own, which is gone before the text is
  // parsed: a large file's bytes are not kept alive beside its text and its values.
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return loadDecoded(readText(source, maxBytes), file, maxBytes);
}

/**
 * The same, reading off the main thread (see readWithinAsync): for standard input and named
 * pipes, which may keep a reader waiting.
 */
export async function loadRecordSourceAsync(
  source: string | 0,
  file: string,
  options: LoadOptions = {},
): Promise<LoadedRecord> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let decoded: DecodedText;
  try {
    decoded = textRead(source, await readWithinAsync(source, maxBytes), maxBytes);
  } catch (error) {
    decoded = atStart(describeFsError(error));
  }
  return loadDecoded(decoded, file, maxBytes);
}

function readText(source: string | 0, maxBytes: number): DecodedText {
  try {
    return textRead(source, readWithin(source, maxBytes), maxBytes);
  } catch (error) {
    return atStart(describeFsError(error));
  }
}

function loadDecoded(decoded: DecodedText, file: string, maxBytes: number): LoadedRecord {
  return decoded.ok
    ? loadRecordText(decoded.text, file, { maxBytes })
    : failed(file, decoded.problem);
}

/** What was read, as text: refused when over the limit, else decoded. */
function textRead(source: string | 0, read: ReadResult, maxBytes: number): DecodedText {
  if (!read.ok) return atStart(overLimit(source === 0 ? 'the input' : 'the file', read, maxBytes));
  return textOf(read.bytes, maxBytes);
}

/** Loads a record from bytes (a file's content, standard input). */
export function loadRecordBytes(
  bytes: Uint8Array,
  file: string,
  options: LoadOptions = {},
): LoadedRecord {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return loadDecoded(textOf(bytes, maxBytes), file, maxBytes);
}

/** Bytes within the size limit, decoded as UTF-8. */
function textOf(bytes: Uint8Array, maxBytes: number): DecodedText {
  if (bytes.length > maxBytes)
    return atStart(overLimit('the input', { size: bytes.length, more: false }, maxBytes));
  return decodeText(bytes);
}

const atStart = (message: string): DecodedText => ({
  ok: false,
  problem: { message, line: 1, column: 1, pointer: '' },
});

/** Loads a record from its text (read within `maxBytes`, which bounds what the exact path reads). */
export function loadRecordText(
  text: string,
  file: string,
  options: LoadOptions = {},
): LoadedRecord {
  const parsed = parseYaml(text, options);
  const { positions } = parsed;
  const problems = [...parsed.problems];
  const root = parsed.value;
  const locate = (pointer: string): SourceLocation => positions.locate(root, pointer);
  if (root === undefined) return result(file, undefined, problems, locate, positions);

  const sourceText = (pointer: string): string | undefined => positions.sourceText(root, pointer);
  const schemaProblems = validateParsed(parsed);
  const decodeProblems = decodeRecord(
    root,
    sourceText,
    [...schemaProblems, ...parsed.problems],
    undefined,
    (container, key) => positions.valueText(container, key),
  );
  const idProblems = [...duplicateIds(root), ...danglingReferences(root), ...datesOutOfOrder(root)];
  for (const problem of [...schemaProblems, ...decodeProblems, ...idProblems]) {
    problems.push(place(problem, root, positions));
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  const record = problems.length === 0 ? (root as ProgrammeRecord) : undefined;
  return result(file, record, problems, locate, positions);
}

function result(
  file: string,
  record: ProgrammeRecord | undefined,
  problems: InputProblem[],
  locate: (pointer: string) => SourceLocation,
  positions: SourcePositions,
): LoadedRecord {
  return { file, record, problems, locate, text: positions.text, lines: positions.lines };
}

function place(problem: SchemaProblem, root: unknown, positions: SourcePositions): InputProblem {
  const { line, column } = positions.place(root, problem.pointer, problem.atKey);
  return { message: problem.message, line, column, pointer: problem.pointer };
}

/** Ids of the items of a list (payments, projects...) must be unique: messages and locations name them. */
function duplicateIds(root: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const path: (string | number)[] = [];
  const visit = (node: object): void => {
    if (Array.isArray(node)) {
      // Lists of plain values (sessions, weeks of leave) have no ids: looked at once, no more.
      let ids: (string | undefined)[] | undefined;
      for (let index = 0; index < node.length; index++) {
        const item: unknown = node[index];
        const id = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : 0;
        if (typeof id === 'string')
          (ids ??= new Array<string | undefined>(node.length))[index] = id;
      }
      for (const [index, earlier] of ids === undefined ? [] : repeatedIds(ids)) {
        const list = joinPointer('', ...path);
        const at = joinPointer(list, index, 'id');
        problems.push({
          pointer: at,
          message: `${humanPath(at)}: the id '${ids![index]}' is already that of ${humanPath(joinPointer(list, earlier))} (ids must be unique)`,
        });
      }
      for (let index = 0; index < node.length; index++) {
        const item: unknown = node[index];
        if (item === null || typeof item !== 'object') continue;
        path.push(index);
        visit(item);
        path.pop();
      }
    } else {
      for (const key in node) {
        const value: unknown = (node as Record<string, unknown>)[key];
        if (value === null || typeof value !== 'object') continue;
        path.push(key);
        visit(value);
        path.pop();
      }
    }
  };
  if (root !== null && typeof root === 'object') visit(root);
  return problems;
}

/**
 * For each item whose id an earlier item already has, in order: its index and the first item's.
 * Found by sorting the positions by id (a list of 100,000 expenses would take some 6 MB in a
 * Map of its ids, and 400 kB this way); ids compare as code units, whatever the locale.
 */
function repeatedIds(ids: readonly (string | undefined)[]): [index: number, first: number][] {
  let count = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i] !== undefined) count++;
  if (count < 2) return [];
  const order = new Uint32Array(count);
  for (let i = 0, k = 0; i < ids.length; i++) if (ids[i] !== undefined) order[k++] = i;
  order.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b));
  const repeated: [number, number][] = [];
  let first = order[0]!;
  for (let k = 1; k < order.length; k++) {
    const index = order[k]!;
    if (ids[index] === ids[order[k - 1]!]) repeated.push([index, first]);
    else first = index;
  }
  return repeated.sort((x, y) => x[0] - y[0]);
}

function failed(file: string, problem: InputProblem): LoadedRecord {
  const lines = new LineIndex('');
  return {
    file,
    record: undefined,
    problems: [problem],
    locate: (pointer) => ({ pointer, line: 1, column: 1, found: '' }),
    text: '',
    lines,
  };
}

/** Why a file cannot be read, in words. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: the file cannot be read';
    case 'EISDIR':
      return 'this is a directory, not a file';
    default:
      return `the file cannot be read (${code ?? String(error)})`;
  }
}
