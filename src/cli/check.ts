/** `clausier check`: checks records and reports in the format asked for. */
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import {
  checkLoaded,
  parseAsOf,
  PackRegistry,
  type CheckOptions,
  type FileReport,
} from '../check.js';
import { InputError } from '../errors.js';
import { expandTargets, STDIN } from '../files.js';
import {
  DEFAULT_MAX_BYTES,
  loadRecordBytes,
  loadRecordFile,
  type LoadedRecord,
} from '../load/index.js';
import { FORMATS, FORMATTERS } from '../report/index.js';
import { FAIL_ON, fails, type FailOn } from '../report/summary.js';
import type { Language } from '../rules/template.js';
import { EXIT, languageOption, toolInfo, type CliContext } from './context.js';
import { emit } from './output.js';
import { Progress } from './progress.js';
import { applyWaivers, loadWaivers } from '../waivers.js';

interface CheckCommandOptions {
  format: string;
  output?: string;
  asOf?: string;
  lang?: Language;
  rules?: string;
  verbose?: boolean;
  failOn: FailOn;
  maxSize: number;
  color?: boolean;
  progress?: boolean;
  waivers: string[];
}

/** Reads a size: bytes, or with a unit (`20M`, `512k`). */
export function parseSize(value: string): number {
  const match = /^(\d+)\s*([kKmMgG]?)i?[bB]?$/.exec(value.trim());
  if (!match)
    throw new InputError(`--max-size: '${value}' is not a size (e.g. 20000000, 20M or 512k)`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[
    match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'
  ];
  return Number(match[1]) * unit;
}

/** Colours only on a terminal; NO_COLOR turns them off, FORCE_COLOR on, --color/--no-color decide. */
export function useColors(
  flag: boolean | undefined,
  env: NodeJS.ProcessEnv,
  isTTY: boolean,
): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY;
}

function load(path: string, options: CheckOptions): LoadedRecord {
  if (path !== STDIN) return loadRecordFile(path, options);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(0);
  } catch {
    bytes = new Uint8Array();
  }
  return loadRecordBytes(bytes, STDIN, options);
}

async function run(
  paths: string[],
  options: CheckCommandOptions,
  context: CliContext,
): Promise<number> {
  if (options.asOf !== undefined) parseAsOf(options.asOf);
  const language = options.lang ?? context.language;
  const checkOptions: CheckOptions = {
    language,
    maxBytes: options.maxSize,
    ...(options.asOf !== undefined && { asOf: options.asOf }),
    ...(options.rules !== undefined && { rules: options.rules }),
  };
  // A bad waiver file stops the run before any record is read: its waivers would be silently lost.
  const waivers = options.waivers.flatMap((file) => loadWaivers(file));
  const registry = new PackRegistry();
  const targets = expandTargets(paths);
  const people = options.format === 'text' && options.output === undefined;
  const progress = new Progress(
    targets.length,
    options.progress ??
      (people && process.stderr.isTTY === true && !process.env.CI && targets.length >= 20),
  );
  const reports: FileReport[] = [];
  const sources = new Map<string, string>();
  for (const target of targets) {
    if (target.problem) {
      reports.push({
        file: target.path,
        errors: [{ message: target.problem, line: 1, column: 1, pointer: '' }],
        findings: [],
        verdict: 'invalid',
      });
    } else {
      const loaded = load(target.path, checkOptions);
      const report = await checkLoaded(loaded, checkOptions, registry);
      // Code frames under each breach need the text of the file: keep it only for those.
      if (options.format === 'text' && report.findings.some((f) => f.status === 'breach')) {
        sources.set(report.file, loaded.text);
      }
      reports.push(report);
    }
    progress.tick();
  }
  progress.done();
  applyWaivers(reports, waivers, language);
  const formatter = FORMATTERS[options.format]!;
  emit(
    formatter(reports, {
      language,
      verbose: options.verbose ?? false,
      colors:
        options.output === undefined &&
        useColors(options.color, process.env, process.stdout.isTTY === true),
      sources,
      tool: toolInfo,
      packs: registry.loaded(),
    }),
    options.output,
  );
  if (reports.some((r) => r.verdict === 'invalid')) return EXIT.input;
  return fails(reports, options.failOn) ? EXIT.breach : EXIT.ok;
}

export function registerCheck(program: Command, context: CliContext): void {
  program
    .command('check')
    .description(
      'check programme records: files, folders (searched for *.yaml and *.yml), globs, or - for standard input',
    )
    .argument('<paths...>', 'record files, folders or globs; - reads standard input')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'),
    )
    .option(
      '-o, --output <file>',
      'write the report to a file (atomically) instead of standard output',
    )
    .option(
      '--as-of <date>',
      "evaluate as of this date (YYYY-MM-DD), instead of the record's asOf or today",
    )
    .addOption(languageOption())
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
    .option(
      '--progress',
      'show a progress bar on standard error (default: on a terminal, for many files)',
    )
    .option('--no-progress', 'never show a progress bar')
    .option(
      '--waivers <file>',
      'a waiver file: deviations a finance controller accepts (repeatable)',
      (file: string, files: string[]) => [...files, file],
      [] as string[],
    )
    .action(async (paths: string[], options: CheckCommandOptions) => {
      context.setExit(await run(paths, options, context));
    });
}
