/**
 * Reading input within the size limit. A regular file's size is known before it is read; a
 * pipe, standard input or a device is read at most up to the limit, then only counted (up to
 * DRAIN_LIMIT, in a small buffer) to say how large it was: an endless input never takes the
 * machine's memory.
 */
import { closeSync, constants, fstatSync, openSync, read, readSync, type Stats } from 'node:fs';
import { fsPromises } from '../base/builtins.js';
import { promisify } from 'node:util';

const readAsync = promisify(read);

/** Past the limit, an input is counted up to this size, then called larger than it. */
export const DRAIN_LIMIT = 1024 * 1024 * 1024;

export type ReadResult =
  | { ok: true; bytes: Uint8Array }
  /** The input is over the limit: its size, or, past DRAIN_LIMIT, a lower bound (`more`). */
  | { ok: false; size: number; more: boolean };

/** One read asked of a driver: into `buffer` at `offset`, at most `length` bytes. */
interface ReadRequest {
  buffer: Buffer;
  offset: number;
  length: number;
}

/**
 * How an input is read within `maxBytes`, whatever performs the reads: each step yields the read
 * it needs and is given the number of bytes read (0 at the end of the input). Exported for its
 * tests.
 */
export function* reading(
  stat: Stats,
  maxBytes: number,
  into?: Buffer,
): Generator<ReadRequest, ReadResult, number> {
  if (stat.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
  if (stat.isFile() && stat.size > maxBytes) return { ok: false, size: stat.size, more: false };
  const expected = stat.isFile() ? stat.size : 64 * 1024;
  const wanted = Math.min(maxBytes + 1, Math.max(expected + 1, 1024));
  let buffer = into !== undefined && into.length >= wanted ? into : Buffer.allocUnsafe(wanted);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) break;
      const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const read = yield { buffer, offset: length, length: buffer.length - length };
    if (read === 0) break;
    length += read;
    // A regular file read to the size it had, and no further though there was room for one more
    // byte, is whole (as Node's readFileSync takes it): asking for its end would cost one more
    // read a file, some 5 % of a run over cached records. One that grew is read on to its end.
    if (stat.isFile() && length === stat.size) break;
  }
  if (length <= maxBytes) return { ok: true, bytes: buffer.subarray(0, length) };
  // Over the limit: the rest is counted, up to DRAIN_LIMIT, in a small buffer, keeping nothing.
  const scratch = Buffer.allocUnsafe(64 * 1024);
  let size = length;
  while (size < DRAIN_LIMIT) {
    const read = yield { buffer: scratch, offset: 0, length: scratch.length };
    if (read === 0) return { ok: false, size, more: false };
    size += read;
  }
  return { ok: false, size, more: true };
}

/**
 * Reads a file (a path) or standard input (fd 0) within `maxBytes`. Throws the system's errors.
 *
 * With `into`, an input that fits in it is read there, and the bytes given back are a view of
 * it, good until the next read into it: for bytes used at once and dropped (the cache's key of a
 * record). A run over thousands of cached records otherwise takes fresh memory for every file,
 * and this machine's kernel charges each new page (a read 25 µs instead of 45 in a bare loop).
 */
export function readWithin(source: string | 0, maxBytes: number, into?: Buffer): ReadResult {
  const fd = source === 0 ? 0 : openSync(source, 'r');
  try {
    return drive(fd, reading(fstatSync(fd), maxBytes, into));
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

/**
 * A regular file read within `maxBytes`, or undefined when what the path names is none: opened
 * without waiting, so that a named pipe there (in a shared folder, such as the report cache's)
 * is left at once rather than waited on, and a device is never read. Throws the system's errors.
 */
export function readRegularWithin(path: string, maxBytes: number): ReadResult | undefined {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    return stat.isFile() ? drive(fd, reading(stat, maxBytes)) : undefined;
  } finally {
    closeSync(fd);
  }
}

/** Performs the reads `reading` asks for on a descriptor, in this thread. */
function drive(fd: number, steps: Generator<ReadRequest, ReadResult, number>): ReadResult {
  for (let step = steps.next(); ;) {
    if (step.done) return step.value;
    const { buffer, offset, length } = step.value;
    step = steps.next(readSome(fd, buffer, offset, length));
  }
}

/**
 * The same, with the reads done off the main thread: while it waits for standard input or a
 * named pipe, the process still answers signals (Ctrl-C removes a half-written --output).
 */
export async function readWithinAsync(source: string | 0, maxBytes: number): Promise<ReadResult> {
  const handle = source === 0 ? undefined : await fsPromises().open(source, 'r');
  const fd = handle?.fd ?? 0;
  try {
    const steps = reading(handle ? await handle.stat() : fstatSync(0), maxBytes);
    for (let step = steps.next(); ;) {
      if (step.done) return step.value;
      const { buffer, offset, length } = step.value;
      step = steps.next(await readSomeAsync(fd, buffer, offset, length));
    }
  } finally {
    await handle?.close();
  }
}

/** One read; a non-blocking input that has nothing yet is waited for. */
function readSome(fd: number, buffer: Buffer, offset: number, length: number): number {
  for (;;) {
    try {
      return readSync(fd, buffer, offset, length, null);
    } catch (error) {
      if (failedRead(error) === 'end') return 0;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

async function readSomeAsync(
  fd: number,
  buffer: Buffer,
  offset: number,
  length: number,
): Promise<number> {
  for (;;) {
    try {
      return (await readAsync(fd, buffer, offset, length, null)).bytesRead;
    } catch (error) {
      if (failedRead(error) === 'end') return 0;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

/**
 * What a failed read means: `again` for a non-blocking input with nothing yet (try again soon),
 * `end` for Windows' EOF error; any other error is the system's, and is thrown again.
 */
function failedRead(error: unknown): 'again' | 'end' {
  const code = (error as { code?: string }).code;
  if (code === 'EAGAIN') return 'again';
  if (code === 'EOF') return 'end';
  throw error;
}

/** A size as people read it: `512 bytes`, `1.5 KiB`, `20.0 MiB`, `1.0 GiB`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/**
 * A size and the limit it is over, as people read them; in bytes when the rounded figures would
 * say the same (`20.0 MiB, over the limit of 20.0 MiB` for a file one byte over).
 */
export function sizeOverLimit(size: number, limit: number): { size: string; limit: string } {
  const [shown, most] = [formatSize(size), formatSize(limit)];
  if (shown !== most) return { size: shown, limit: most };
  const bytes = (n: number): string => `${String(n).replace(/\B(?=(\d{3})+$)/g, ',')} bytes`;
  return { size: bytes(size), limit: bytes(limit) };
}

/** Why an input is refused for its size, naming what it is (`the file`, `the input`). */
export function overLimit(
  what: string,
  result: { size: number; more: boolean },
  maxBytes: number,
): string {
  const shown = sizeOverLimit(result.size, maxBytes);
  const size = result.more ? `larger than ${shown.size}` : shown.size;
  return `${what} is ${size}, over the limit of ${shown.limit} (raise it with --max-size)`;
}
