/**
 * Where the CLI writes: standard output, or a file given with --output, written atomically (to a
 * temporary file beside it, then renamed), so that an interrupted run leaves the previous report
 * whole.
 */
import { InputError, showControls, UsageError } from '../index.js';
import { once } from 'node:events';
import {
  closeSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writevSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Standard output or standard error, written at once, as Node's own stream writes to a file, a
 * pipe or a terminal on Linux and macOS. Node makes `process.stdout` and `process.stderr` when
 * first read, which cost a one-file check some 5 ms (a stream each, and node:net for a pipe): a
 * run that can write without them does not make them. Only a descriptor that would block (a
 * pipe or terminal left non-blocking by another program) makes the stream, and what is left of
 * the chunk, and every later chunk, goes through it, in order. A reader that closed the pipe
 * (`clausier check ... | head`) ends the run by SIGPIPE, as any command is ended.
 */
export class StandardStream {
  private stream: NodeJS.WriteStream | undefined;

  constructor(private readonly fd: 1 | 2) {}

  /**
   * Writes a chunk (text, UTF-8 bytes, or pieces of them); false when the stream asks the writer
   * to wait for its 'drain' event.
   */
  write(chunk: Chunk): boolean {
    // Windows writes to a console through Node's stream, which hands it UTF-16: text, not bytes.
    if (process.platform === 'win32')
      return this.nodeStream().write(
        typeof chunk === 'string' ? chunk : Buffer.concat(piecesOf(chunk)).toString('utf8'),
      );
    if (this.stream !== undefined) return this.nodeStream().write(wholeOf(chunk));
    let left: readonly Uint8Array[];
    try {
      left = writePieces(this.fd, piecesOf(chunk));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') endByClosedPipe();
      throw error;
    }
    return left.length === 0 || this.nodeStream().write(Buffer.concat(left));
  }

  /** Waits until the stream has written what it holds (at once when it was not needed). */
  async drained(): Promise<void> {
    if (this.stream?.writableNeedDrain === true) await once(this.stream, 'drain');
  }

  private nodeStream(): NodeJS.WriteStream {
    if (this.stream === undefined) {
      const stream = this.fd === 1 ? process.stdout : process.stderr;
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') endByClosedPipe();
        throw error;
      });
      this.stream = stream;
    }
    return this.stream;
  }
}

/** What is written at once: text, UTF-8 bytes, or pieces of UTF-8 bytes one after the other. */
export type Chunk = string | Uint8Array | readonly Uint8Array[];

const piecesOf = (chunk: Chunk): readonly Uint8Array[] =>
  typeof chunk === 'string' ? [Buffer.from(chunk)] : chunk instanceof Uint8Array ? [chunk] : chunk;

const wholeOf = (chunk: Chunk): string | Uint8Array =>
  typeof chunk === 'string' || chunk instanceof Uint8Array ? chunk : Buffer.concat(chunk);

/**
 * Writes the pieces to a descriptor, one system call for all of them (writev) unless one writes
 * only part of them: then the rest, and so on. Returns what is left when the descriptor would
 * block (EAGAIN), else nothing; throws any other error.
 */
function writePieces(fd: number, pieces: readonly Uint8Array[]): readonly Uint8Array[] {
  let left = pieces;
  while (left.length > 0) {
    let written: number;
    try {
      written = writevSync(fd, left as Uint8Array[]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return left;
      throw error;
    }
    left = after(left, written);
  }
  return left;
}

/** The pieces without their first `count` bytes (exported for its tests). */
export function after(pieces: readonly Uint8Array[], count: number): readonly Uint8Array[] {
  let i = 0;
  let skip = count;
  while (i < pieces.length && skip >= pieces[i]!.length) skip -= pieces[i++]!.length;
  const rest = pieces.slice(i);
  if (skip > 0) rest[0] = rest[0]!.subarray(skip);
  return rest;
}

export const stdout = new StandardStream(1);
export const stderr = new StandardStream(2);

/**
 * The input errors of a record that cannot be judged, on standard error, one a line
 * (`clausier: FILE:LINE:COLUMN: MESSAGE`), for the commands whose output has no place for them
 * (a calendar, a money ledger) or that name them besides (the portfolio).
 */
export function writeInputErrors(
  file: string,
  errors: readonly { line: number; column: number; message: string }[],
): void {
  stderr.write(
    errors
      .map((e) => `${showControls(`clausier: ${file}:${e.line}:${e.column}: ${e.message}`)}\n`)
      .join(''),
  );
}

/** Writes a whole file atomically; `option` names, in an error, the option that gave the path. */
export function writeAtomically(
  path: string,
  content: string | Uint8Array,
  option = '--output',
): void {
  const sink = new OutputSink(path, option);
  try {
    sink.writeNow(content);
  } catch (error) {
    sink.abandon();
    throw sink.cannotWrite(error);
  }
  sink.close();
}

/** Writes a report where it goes; `option` names, in an error, the option that gave the path. */
export function emit(content: string, output: string | undefined, option = '--output'): void {
  if (output === undefined) stdout.write(content);
  else writeAtomically(output, content, option);
}

/** What an interrupted run must undo before it ends: the temporary files of its sinks. */
const cleanups = new Set<() => void>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * On Ctrl-C, SIGTERM or SIGHUP, undoes what must be (removes the temporary files), then lets the
 * signal end the process as it would have (a shell sees exit status 130 for Ctrl-C). SIGKILL
 * cannot be caught: it leaves the temporary file, and the previous report intact.
 */
function onSignal(signal: NodeJS.Signals): void {
  for (const cleanup of [...cleanups]) cleanup();
  cleanups.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

/**
 * Ends the process as a reader that closed the pipe ends any command (`clausier check | head`):
 * by SIGPIPE, a shell's status 141, once the temporary files are removed. Node ignores SIGPIPE;
 * a listener added and removed again gives the signal back its default action.
 */
export function endByClosedPipe(): never {
  for (const cleanup of [...cleanups]) cleanup();
  cleanups.clear();
  const restore = (): void => {};
  process.on('SIGPIPE', restore);
  process.removeListener('SIGPIPE', restore);
  process.kill(process.pid, 'SIGPIPE');
  // Should the signal not end it, the status a shell would have seen.
  process.exit(128 + 13);
}

/**
 * Watches for Ctrl-C, SIGTERM and SIGHUP until the returned function is called; on one, runs
 * `cleanup` (and every other registered one) and ends by the signal. The signal is acted on when
 * the event loop turns: a run that reads files one after the other gives it a turn between two
 * of them at least every few milliseconds (see check.ts).
 */
export function onInterrupt(cleanup: () => void = () => {}): () => void {
  if (cleanups.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  cleanups.add(cleanup);
  return () => {
    if (cleanups.delete(cleanup) && cleanups.size === 0)
      for (const s of SIGNALS) process.removeListener(s, onSignal);
  };
}

/** Links followed at most, as the system's own limit (Linux's MAXSYMLINKS). */
const MOST_LINKS = 40;

/** Where --output puts a report (see outputPlace). */
type Place =
  /** A folder: no report is written there. */
  | { kind: 'folder' }
  /** The process's own standard output or error (`/dev/stdout`, `/dev/fd/2`). */
  | { kind: 'standard'; fd: 1 | 2 }
  /** A pipe, a terminal or another device, opened and written as it is. */
  | { kind: 'in place' }
  /** A regular file, or none yet: a temporary file beside `path` becomes it. */
  | { kind: 'replaced'; path: string };

/**
 * Where a report named `output` goes. A path that is a regular file, or leads to one through
 * links, is replaced at the end of its links, never the link itself; one that leads nowhere yet
 * (no file, or a link to a file not made yet) is made there. A path that is, or leads to, a pipe,
 * a terminal or another device (`/dev/stdout`, a FIFO) is written in place: there is nothing to
 * replace, and renaming over it would put a plain file where the device was.
 */
function outputPlace(output: string): Place {
  let stats;
  try {
    stats = statSync(output);
  } catch {
    stats = undefined;
  }
  if (stats?.isDirectory()) return { kind: 'folder' };
  if (stats !== undefined) {
    // `/dev/stdout` or `/dev/fd/2`: written through the process's own descriptor, which may be
    // a socket (a parent process's pipe), that the system does not open again by its name, or a
    // file the shell opened (`> report.txt`, `>> log`: appended to, not replaced).
    const fd = standardFdOf(stats);
    if (fd !== undefined) return { kind: 'standard', fd };
    if (!stats.isFile()) return { kind: 'in place' };
  }
  if (stats !== undefined) {
    try {
      return { kind: 'replaced', path: realpathSync(output) };
    } catch {
      return { kind: 'replaced', path: output };
    }
  }
  let path = output;
  for (let links = 0; links < MOST_LINKS; links++) {
    let target: string;
    try {
      if (!lstatSync(path).isSymbolicLink()) break;
      target = readlinkSync(path);
    } catch {
      break;
    }
    path = resolve(dirname(path), target);
  }
  return { kind: 'replaced', path };
}

/** The standard output or error that a file is, whatever it is (a file, a pipe, a terminal). */
function standardFdOf(stats: Stats): 1 | 2 | undefined {
  for (const fd of [1, 2] as const) {
    try {
      const own = fstatSync(fd);
      if (own.dev === stats.dev && own.ino === stats.ino) return fd;
    } catch {
      // Not open: not this one.
    }
  }
  return undefined;
}

/**
 * Where a report named `output` (none: standard output) ends up, as a key that two reports share
 * only when they would write the same place: the process's standard output or error, whatever
 * name leads there (`-` is taken out before, see standardOutputDash), or the file at the end of
 * its links, its folder's links followed too.
 */
export function outputKey(output: string | undefined): string {
  if (output === undefined) return 'fd:1';
  const place = outputPlace(output);
  if (place.kind === 'standard') return `fd:${place.fd}`;
  return `file:${realPath(place.kind === 'replaced' ? place.path : output)}`;
}

/** A path once links are followed; for a file not written yet, its folder's real path and name. */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/**
 * Where a report is written piece by piece: standard output (waiting when it is full), or a
 * temporary file beside --output (at the end of its links), renamed into place once the report
 * is whole; a pipe or a device named by --output is written in place (see outputPlace).
 */
export class OutputSink {
  private fd: number | undefined;
  private readonly temporary: string | undefined;
  /** The file the temporary file becomes (--output, its links followed). */
  private readonly target: string | undefined;
  /** The process's standard output or error, when --output names it (see outputPlace). */
  private readonly standard: StandardStream | undefined;
  /** Stops watching for signals, once the temporary file is gone. */
  private release: () => void = () => {};

  constructor(
    private readonly output: string | undefined,
    /** The option that named the file, for errors. */
    private readonly option = '--output',
  ) {
    if (output !== undefined) {
      if (output === '')
        throw new UsageError(`${this.option}: nothing given (expected a file’s name)`);
      const place = outputPlace(output);
      if (place.kind === 'folder') throw this.cannotWrite({ code: 'EISDIR' });
      if (place.kind === 'standard') {
        this.standard = place.fd === 1 ? stdout : stderr;
        return;
      }
      if (place.kind === 'in place') {
        try {
          this.fd = openSync(output, 'w');
        } catch (error) {
          throw this.cannotWrite(error);
        }
        return;
      }
      this.target = place.path;
      this.temporary = join(dirname(place.path), `.${basename(place.path)}.${process.pid}.tmp`);
      // Watched for signals before the file exists: a signal between the two would leave it.
      this.release = onInterrupt(() => this.abandon());
      try {
        this.fd = openSync(this.temporary, 'w');
      } catch (error) {
        this.release();
        throw this.cannotWrite(error);
      }
    }
  }

  /** The error for a file that cannot be written, naming the option that gave it. */
  cannotWrite(error: unknown): InputError {
    const code = (error as { code?: string }).code ?? String(error);
    // A folder named where a file is expected is a usage error, said so; others keep their code.
    if (code === 'EISDIR')
      return new UsageError(`${this.option}: ${this.output} is a folder (expected a file’s name)`);
    if (code === 'ENOENT')
      return new UsageError(`${this.option}: the folder ${dirname(this.output!)} does not exist`);
    return new InputError(`${this.option}: cannot write ${this.output} (${code})`);
  }

  async write(chunk: Chunk): Promise<void> {
    if (chunk.length === 0) return;
    if (this.fd !== undefined) this.writeNow(chunk);
    else {
      const stream = this.standard ?? stdout;
      if (!stream.write(chunk)) await stream.drained();
    }
  }

  /** Writes to the file at once, all of it (a sink with a file only). */
  writeNow(chunk: Chunk): void {
    if (this.standard !== undefined) {
      this.standard.write(chunk);
      return;
    }
    if (this.fd === undefined) return;
    let left: readonly Uint8Array[];
    try {
      left = writePieces(this.fd, piecesOf(chunk));
    } catch (error) {
      // A pipe written in place whose reader is gone: as standard output's (`| head`).
      if (this.temporary === undefined && (error as { code?: string }).code === 'EPIPE')
        endByClosedPipe();
      throw error;
    }
    if (left.length > 0) throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' });
  }

  /** Puts the report in place; on failure, the previous one stays whole. */
  close(): void {
    if (this.fd === undefined) return;
    if (this.temporary === undefined || this.target === undefined) {
      // Written in place, to a pipe or a device: nothing to rename.
      closeSync(this.fd);
      this.fd = undefined;
      return;
    }
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = undefined;
      renameSync(this.temporary, this.target);
      this.release();
    } catch (error) {
      if (this.fd !== undefined) closeSync(this.fd);
      this.fd = undefined;
      rmSync(this.temporary, { force: true });
      this.release();
      throw this.cannotWrite(error);
    }
  }

  /** Gives up: the temporary file goes, the previous report stays. */
  abandon(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.temporary !== undefined) rmSync(this.temporary, { force: true });
    this.release();
  }
}
