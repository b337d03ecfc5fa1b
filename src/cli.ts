#!/usr/bin/env node
/**
 * The command line. This is the only module that prints or exits.
 *
 * Exit codes: 0 nothing at or above the failure threshold; 1 a breach (or what --fail-on names);
 * 2 an input error in a record, a broken rule pack, or bad usage; 3 an internal error (a bug).
 */
import { Command, CommanderError, Option } from 'commander';
import { checkFile, parseAsOf, PackRegistry, type CheckOptions, type FileReport } from './check.js';
import { InputError } from './errors.js';
import { expandTargets } from './files.js';
import { DEFAULT_MAX_BYTES } from './load/index.js';
import { formatJson } from './report/json.js';
import { FAIL_ON, fails, type FailOn } from './report/summary.js';
import { formatText } from './report/text.js';
import { RulePackError } from './rules/pack.js';
import type { Language } from './rules/template.js';
import packageJson from '../package.json' with { type: 'json' };

const EXIT = { ok: 0, breach: 1, input: 2, internal: 3 } as const;

/** The language of messages: --lang, else the environment's locale (French if it is French). */
export function languageFromEnvironment(env: NodeJS.ProcessEnv): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

interface CheckCommandOptions {
  format: 'text' | 'json';
  asOf?: string;
  lang?: Language;
  rules?: string;
  verbose?: boolean;
  failOn: FailOn;
  maxSize: number;
  color?: boolean;
}

function parseSize(value: string): number {
  const match = /^(\d+)\s*([kKmMgG]?)i?[bB]?$/.exec(value.trim());
  if (!match)
    throw new InputError(`--max-size: '${value}' is not a size (e.g. 20000000, 20M or 512k)`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[
    match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'
  ];
  return Number(match[1]) * unit;
}

async function runCheck(paths: string[], options: CheckCommandOptions): Promise<number> {
  if (options.asOf !== undefined) parseAsOf(options.asOf);
  const language = options.lang ?? languageFromEnvironment(process.env);
  const checkOptions: CheckOptions = {
    language,
    maxBytes: options.maxSize,
    ...(options.asOf !== undefined && { asOf: options.asOf }),
    ...(options.rules !== undefined && { rules: options.rules }),
  };
  const registry = new PackRegistry();
  const reports: FileReport[] = [];
  const sources = new Map<string, string>();
  for (const target of expandTargets(paths)) {
    if (target.problem) {
      reports.push({
        file: target.path,
        errors: [{ message: target.problem, line: 1, column: 1, pointer: '' }],
        findings: [],
        verdict: 'invalid',
      });
      continue;
    }
    reports.push(await checkFile(target.path, checkOptions, registry));
  }
  if (options.format === 'json') {
    process.stdout.write(formatJson(reports, { name: 'clausier', version: packageJson.version }));
  } else {
    {
      // Code frames need the text of the files with breaches: read again only those.
      const { readFileSync } = await import('node:fs');
      for (const report of reports) {
        if (report.findings.some((f) => f.status === 'breach')) {
          try {
            sources.set(report.file, readFileSync(report.file, 'utf8'));
          } catch {
            // a file that vanished meanwhile simply gets no frame
          }
        }
      }
    }
    process.stdout.write(
      formatText(reports, {
        language,
        verbose: options.verbose ?? false,
        colors: useColors(options.color),
        sources,
      }),
    );
  }
  if (reports.some((r) => r.verdict === 'invalid')) return EXIT.input;
  return fails(reports, options.failOn) ? EXIT.breach : EXIT.ok;
}

/** Colours only on a terminal; NO_COLOR turns them off, FORCE_COLOR on, --color/--no-color decide. */
function useColors(flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return process.stdout.isTTY === true;
}

function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('clausier')
    .description(
      'Checks pré-incubation programme records against the DINSIC partnership agreement, clause by clause.',
    )
    .version(packageJson.version)
    .showHelpAfterError()
    .exitOverride();

  program
    .command('check')
    .description('check programme records (files, or folders searched for *.yaml and *.yml)')
    .argument('<paths...>', 'record files or folders')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['text', 'json'])
        .default('text'),
    )
    .option(
      '--as-of <date>',
      "evaluate as of this date (YYYY-MM-DD), instead of the record's asOf or today",
    )
    .addOption(
      new Option('--lang <language>', 'language of messages (default: from LANG)').choices([
        'fr',
        'en',
      ]),
    )
    .option(
      '--rules <dir>',
      "a rule pack folder, instead of the built-in pack of the record's template",
    )
    .option('-v, --verbose', 'show every finding, not only breaches and undetermined ones')
    .addOption(
      new Option(
        '--fail-on <level>',
        'what makes the exit code 1: error breaches, any breach (warning), or also undetermined or pending findings',
      )
        .choices(FAIL_ON as string[])
        .default('warning'),
    )
    .option(
      '--max-size <size>',
      'refuse files larger than this (bytes, or e.g. 20M)',
      parseSize,
      DEFAULT_MAX_BYTES,
    )
    .option('--color', 'force colours')
    .option('--no-color', 'no colours')
    .action(async (paths: string[], options: CheckCommandOptions) => {
      setExit(await runCheck(paths, options));
    });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let exit: number = EXIT.ok;
  const program = buildProgram((code) => {
    exit = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; anything else commander refuses is bad usage.
      return error.exitCode === 0 ? EXIT.ok : EXIT.input;
    }
    if (error instanceof RulePackError) {
      process.stderr.write(`clausier: the rule pack cannot be used:\n${error.message}\n`);
      return EXIT.input;
    }
    if (error instanceof InputError) {
      process.stderr.write(`clausier: ${error.describe()}\n`);
      return EXIT.input;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `clausier: internal error: ${message}\nThis is a bug in clausier, not a problem with your files; run with CLAUSIER_DEBUG=1 for details.\n`,
    );
    if (process.env.CLAUSIER_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return EXIT.internal;
  }
}

const code = await main(process.argv.slice(2));
process.exitCode = code;
