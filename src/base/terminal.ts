/**
 * Whether a descriptor (standard output, standard error) is a terminal. A terminal is a character
 * device: a file or a pipe is told apart by fstat alone, without loading node:tty (see
 * ./builtins.ts).
 */
import { fstatSync } from 'node:fs';
import { tty } from './builtins.js';

export function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return tty().isatty(fd);
}
