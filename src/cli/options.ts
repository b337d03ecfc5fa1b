/**
 * What the commands that judge records share on the command line: the pack, the size limit,
 * the evaluation date and waivers, and the refusal to write over what a run reads.
 */
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
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
import { packDirOf } from './context.js';
import { realPath } from './output.js';

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
    ...(options.rules !== undefined && { rules: packDirOf(options.rules) }),
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
  const size = Number(match[1]) * unit;
  // No record is empty: a limit of nothing would refuse every file, one by one.
  if (size === 0)
    throw new UsageError(`--max-size: '${value}' refuses every file (expected at least 1 byte)`);
  return size;
}

/** A file's identity (device and inode: a hard link is the same file), if it exists. */
function identityOf(path: string): string | undefined {
  try {
    const stats = statSync(path);
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * What a run reads — its records, its waiver files, the files of the rule packs that may judge
 * the records — to refuse any file it would write over one of them, or a new `.yaml` file in a
 * pack's folder, which would become part of the pack: clausier never writes over what it reads.
 * Paths are compared once links are followed, and files by identity. The inputs are looked up
 * once, for a run that writes many files (the portfolio: a page per record).
 */
export class RunInputs {
  /** Each input by its real path and by its identity, as the command line named it. */
  private readonly byPath = new Map<string, string>();
  private readonly byIdentity = new Map<string, string>();
  private readonly packFolders: { folder: string; real: string }[];

  constructor(
    targets: readonly { path: string }[],
    waiverFiles: readonly string[],
    packDirs: readonly string[],
  ) {
    const packs = packDirs.map((dir) => packInputs(dir));
    const inputs = [
      ...targets.map((t) => t.path).filter((p) => p !== STDIN),
      ...waiverFiles,
      ...packs.flatMap((pack) => pack.files),
    ];
    for (const input of inputs) {
      const real = realPath(input);
      if (!this.byPath.has(real)) this.byPath.set(real, input);
      const identity = identityOf(input);
      if (identity !== undefined && !this.byIdentity.has(identity))
        this.byIdentity.set(identity, input);
    }
    this.packFolders = packs
      .flatMap((pack) => pack.folders)
      .map((folder) => ({ folder, real: realPath(folder) }));
  }

  /** Refuses to write `output` over an input; `option` names the option that gave it. */
  refuse(output: string, option = '--output'): void {
    const written = realPath(output);
    const identity = identityOf(output);
    const input =
      this.byPath.get(written) ??
      (identity !== undefined ? this.byIdentity.get(identity) : undefined);
    if (input !== undefined)
      throw new UsageError(
        `${option}: ${output} is ${input}, an input of this run: it is never written over`,
      );
    const folder = this.packFolders.find((f) => f.real === dirname(written))?.folder;
    if (folder !== undefined && /\.ya?ml$/i.test(written))
      throw new UsageError(
        `${option}: ${output} is in ${folder}, the folder of a rule pack, where every .yaml file is part of the pack: it is never written there`,
      );
  }
}

/** Refuses an --output that is one of the run's inputs (see RunInputs). */
export function refuseOverwritingInputs(
  output: string,
  targets: readonly { path: string }[],
  waiverFiles: readonly string[],
  packDirs: readonly string[],
  option = '--output',
): void {
  new RunInputs(targets, waiverFiles, packDirs).refuse(output, option);
}
