/**
 * Where the CLI writes: standard output, or a file given with --output, written atomically (to a
 * temporary file beside it, then renamed), so that an interrupted run leaves the previous report
 * whole.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

export function writeAtomically(path: string, content: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'w');
    writeSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    const code = (error as { code?: string }).code ?? String(error);
    throw new InputError(`--output: cannot write ${path} (${code})`);
  }
}

/** Writes a report where it goes. */
export function emit(content: string, output: string | undefined): void {
  if (output === undefined) process.stdout.write(content);
  else writeAtomically(output, content);
}
