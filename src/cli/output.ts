/**
 * Where the CLI writes: standard output, or a file given with --output, written atomically (to a
 * temporary file beside it, then renamed), so that an interrupted run leaves the previous report
 * whole.
 */
import { once } from 'node:events';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

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

/** Writes a report where it goes. */
export function emit(content: string, output: string | undefined): void {
  if (output === undefined) process.stdout.write(content);
  else writeAtomically(output, content);
}

/** The sinks whose temporary file exists: an interrupted run removes them before it ends. */
const open = new Set<OutputSink>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * On Ctrl-C, SIGTERM or SIGHUP, removes the temporary files, then lets the signal end the process
 * as it would have (a shell sees exit status 130 for Ctrl-C). SIGKILL cannot be caught: it leaves
 * the temporary file, and the previous report intact.
 */
function onSignal(signal: NodeJS.Signals): void {
  for (const sink of open) sink.abandon();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

function track(sink: OutputSink, isOpen: boolean): void {
  if (isOpen) {
    if (open.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
    open.add(sink);
  } else if (open.delete(sink) && open.size === 0) {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  }
}

/**
 * Where a report is written piece by piece: standard output (waiting when it is full), or a
 * temporary file beside --output, renamed into place once the report is whole.
 */
export class OutputSink {
  private fd: number | undefined;
  private readonly temporary: string | undefined;

  constructor(
    private readonly output: string | undefined,
    /** The option that named the file, for errors. */
    private readonly option = '--output',
  ) {
    if (output !== undefined) {
      this.temporary = join(dirname(output), `.${basename(output)}.${process.pid}.tmp`);
      // Watched for signals before the file exists: a signal between the two would leave it.
      track(this, true);
      try {
        this.fd = openSync(this.temporary, 'w');
      } catch (error) {
        track(this, false);
        throw this.cannotWrite(error);
      }
    }
  }

  /** The error for a file that cannot be written, naming the option that gave it. */
  cannotWrite(error: unknown): InputError {
    const code = (error as { code?: string }).code ?? String(error);
    return new InputError(`${this.option}: cannot write ${this.output} (${code})`);
  }

  async write(chunk: string): Promise<void> {
    if (chunk === '') return;
    if (this.fd !== undefined) this.writeNow(chunk);
    else if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  }

  /** Writes to the file at once (a sink with a file only). */
  writeNow(chunk: string | Uint8Array): void {
    if (this.fd === undefined) return;
    if (typeof chunk === 'string') writeSync(this.fd, chunk);
    else writeSync(this.fd, chunk);
  }

  /** Puts the report in place; on failure, the previous one stays whole. */
  close(): void {
    if (this.fd === undefined || this.temporary === undefined || this.output === undefined) return;
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = undefined;
      renameSync(this.temporary, this.output);
      track(this, false);
    } catch (error) {
      if (this.fd !== undefined) closeSync(this.fd);
      this.fd = undefined;
      rmSync(this.temporary, { force: true });
      track(this, false);
      throw this.cannotWrite(error);
    }
  }

  /** Gives up: the temporary file goes, the previous report stays. */
  abandon(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.temporary !== undefined) rmSync(this.temporary, { force: true });
    track(this, false);
  }
}
