/** What every command shares: exit codes, the language of the environment, the tool's identity. */
import { builtInPacksDir, InputError, type Language } from '../index.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { stderr } from './output.js';

/**
 * 0 nothing at or above the failure threshold; 1 a breach (or what --fail-on names); 2 an input
 * error in a record, a broken rule pack, or bad usage; 3 an internal error (a bug).
 */
export const EXIT = { ok: 0, breach: 1, input: 2, internal: 3 } as const;

export interface CliContext {
  setExit(code: number): void;
  /** The language of the environment (LC_ALL, LC_MESSAGES, LANG), for commands without --lang. */
  language: Language;
}

/** The language of messages: the environment's locale, French if it is French. */
export function languageFromEnvironment(env: NodeJS.ProcessEnv): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export const languageOption = (): Option =>
  new Option('--lang <language>', 'language of messages (default: from LANG)').choices([
    'fr',
    'en',
  ]);

/**
 * `-o, --output <file>`, as every command that writes takes it; `flags` names another spelling
 * (`--output.json <file>`). `-` is standard output (see standardOutputDash), which each
 * description says.
 */
export const outputOption = (description: string, flags = '-o, --output <file>'): Option =>
  new Option(flags, description);

/**
 * `--output -` is standard output, as if the option were not given, so that two formats sent
 * there are refused alike; a file named `-` is `./-`. Done on the parsed options of the command
 * about to run (commander stores no undefined from a parser). `--output.<format> -` keeps its `-`:
 * it sends that format to standard output whatever `--output` says (see destinationsOf).
 */
export function standardOutputDash(command: Command): void {
  if (command.getOptionValue('output') === '-') command.setOptionValue('output', undefined);
}

/**
 * Says on standard error that an option's old spelling still works but has a new one. Only the
 * CLI prints: this is src/cli/.
 */
export function deprecated(old: string, instead: string, language: Language): void {
  stderr.write(
    language === 'fr'
      ? `clausier : ${old} est une ancienne orthographe ; utilisez ${instead}\n`
      : `clausier: ${old} is an old spelling; use ${instead}\n`,
  );
}

/** The pack a command is about: a folder given, else the built-in pack of the reference template. */
export const DEFAULT_PACK = 'dinsic-preincubation-2019';

export function packDirOf(given: string | undefined): string {
  if (given !== undefined) {
    if (!existsSync(join(given, 'pack.yaml')))
      throw new InputError(`${given}: not a rule pack (no pack.yaml in it)`);
    return given;
  }
  return join(builtInPacksDir(), DEFAULT_PACK);
}

/** Lays rows out in columns, for terminals: every cell padded to its column's widest. */
export function columns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - [...cell].length),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
