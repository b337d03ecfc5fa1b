/**
 * What the commands that judge records share on the command line: the pack, the size limit,
 * the evaluation date and waivers, and the refusal to write over what a run reads.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Option } from 'commander';
import {
  DEFAULT_MAX_BYTES,
  UsageError,
  loadWaivers,
  packInputs,
  parseAsOf,
  STDIN,
  type CheckOptions,
  type Language,
  type LoadedWaiver,
} from '../index.js';

/** What `check` and `report` share on the command line. */
export interface CheckRunOptions {
  asOf?: string;
  rules?: string;
  maxSize: number;
  waivers: string[];
}

/**
 * The options of a check, and its waivers. Waiver files are read here, before any record: a bad
 * one stops the run, since its waivers would otherwise be silently lost.
 */
export function prepareCheck(
  options: CheckRunOptions,
  language: Language,
): { checkOptions: CheckOptions; waivers: LoadedWaiver[] } {
  if (options.asOf !== undefined) parseAsOf(options.asOf);
  const checkOptions: CheckOptions = {
    language,
    maxBytes: options.maxSize,
    ...(options.asOf !== undefined && { asOf: options.asOf }),
    ...(options.rules !== undefined && { rules: options.rules }),
  };
  const waivers = options.waivers.flatMap((file) =>
    loadWaivers(file, { maxBytes: options.maxSize }),
  );
  return { checkOptions, waivers };
}

/** The options of every command that judges records: another pack, and the largest file read. */
export const rulesOption = (): Option =>
  new Option(
    '--rules <dir>',
    "a rule pack folder, instead of the built-in pack of the record's template",
  );
export const maxSizeOption = (): Option =>
  new Option('--max-size <size>', 'refuse files larger than this (bytes, or e.g. 20M)')
    .argParser(parseSize)
    .default(DEFAULT_MAX_BYTES);

/** Reads a size: bytes, or with a unit (`20M`, `512k`). */
export function parseSize(value: string): number {
  const match = /^(\d+)\s*([kKmMgG]?)i?[bB]?$/.exec(value.trim());
  if (!match)
    throw new UsageError(`--max-size: '${value}' is not a size (e.g. 20000000, 20M or 512k)`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[
    match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'
  ];
  return Number(match[1]) * unit;
}

/**
 * Refuses an --output that is one of the run's inputs — a record, a waiver file, a file of a rule
 * pack that may judge the records — or a new `.yaml` file in a pack's folder, which would become
 * part of the pack: clausier never writes over what it reads. Paths are compared once links are
 * followed, and files by identity (a hard link is the same file). `option` names the option
 * that gave the file, in the error.
 */
export function refuseOverwritingInputs(
  output: string,
  targets: readonly { path: string }[],
  waiverFiles: readonly string[],
  packDirs: readonly string[],
  option = '--output',
): void {
  const real = (path: string): string => {
    try {
      return realpathSync(path);
    } catch {
      // A file not written yet: its folder's real path, and its name.
      try {
        return join(realpathSync(dirname(path)), basename(path));
      } catch {
        return resolve(path);
      }
    }
  };
  const identity = (path: string): string | undefined => {
    try {
      const stats = statSync(path);
      return `${stats.dev}:${stats.ino}`;
    } catch {
      return undefined;
    }
  };
  const written = real(output);
  const writtenIdentity = identity(output);
  const packs = packDirs.map((dir) => packInputs(dir));
  const inputs = [
    ...targets.map((t) => t.path).filter((p) => p !== STDIN),
    ...waiverFiles,
    ...packs.flatMap((pack) => pack.files),
  ];
  const input = inputs.find(
    (path) =>
      real(path) === written ||
      (writtenIdentity !== undefined && identity(path) === writtenIdentity),
  );
  if (input !== undefined)
    throw new UsageError(
      `${option}: ${output} is ${input}, an input of this run: it is never written over`,
    );
  const folder = packs.flatMap((pack) => pack.folders).find((f) => real(f) === dirname(written));
  if (folder !== undefined && /\.ya?ml$/i.test(written))
    throw new UsageError(
      `${option}: ${output} is in ${folder}, the folder of a rule pack, where every .yaml file is part of the pack: it is never written there`,
    );
}
