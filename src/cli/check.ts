/** `clausier check`: checks records and reports in the format asked for. */
import { availableParallelism } from 'node:os';
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_CACHE_LOCATION, ReportCache } from '../run/cache.js';
import {
  checkLoaded,
  parseAsOf,
  PackRegistry,
  todayInParis,
  type CheckOptions,
} from '../pipeline.js';
import { type FileReport } from '../model/finding.js';
import { InputError } from '../base/errors.js';
import { inLanguage } from '../words/messages.js';
import { expandTargets, type Target } from '../run/targets.js';
import { STDIN } from '../model/finding.js';
import {
  DEFAULT_MAX_BYTES,
  loadRecordBytes,
  loadRecordFile,
  loadRecordSourceAsync,
  type LoadedRecord,
} from '../load/index.js';
import { WorkerPool } from '../run/pool.js';
import { FORMATS, FORMATTERS } from '../report/index.js';
import { entryText, JsonReportWriter, reportOfEntry } from '../report/json.js';
import {
  addToSummary,
  digestOf,
  emptySummary,
  FAIL_ON,
  fails,
  showsCodeFrames,
  type FailOn,
  type ReportDigest,
} from '../model/summary.js';
import { readWithin } from '../load/read.js';
import { formatTextFile, formatTextSummary } from '../report/text.js';
import { packInputs } from '../rules/pack/load.js';
import { builtInPacks, builtInPacksDir } from '../rules/pack/root.js';
import type { RulePack } from '../rules/pack/types.js';
import type { Language } from '../base/language.js';
import { applyWaivers, loadWaivers, type LoadedWaiver } from '../run/waivers.js';
import { EXIT, languageOption, toolInfo, type CliContext } from './context.js';
import { onInterrupt, OutputSink } from './output.js';
import { Progress } from './progress.js';

interface CheckCommandOptions extends CheckRunOptions {
  format: string[];
  output?: string;
  /** `--output.<format> FILE`, by format. */
  [perFormat: `output.${string}`]: string | undefined;
  lang?: Language;
  verbose?: boolean;
  failOn: FailOn;
  color?: boolean;
  progress?: boolean;
  jobs?: number;
  cache?: boolean;
  cacheLocation: string;
  why?: boolean;
}

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

function parseJobs(value: string): number {
  if (!/^[1-9]\d{0,2}$/.test(value))
    throw new InputError(`--jobs: '${value}' is not a number of threads (1 to 999)`);
  return Number(value);
}

/** The folders of the rule packs a run may read: the one given, or every built-in pack. */
export function packDirsOf(options: CheckOptions): string[] {
  return options.rules !== undefined
    ? [options.rules]
    : builtInPacks().map((id) => join(builtInPacksDir(), id));
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
    throw new InputError(`--max-size: '${value}' is not a size (e.g. 20000000, 20M or 512k)`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[
    match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'
  ];
  return Number(match[1]) * unit;
}

/**
 * Colours only on a terminal that shows them: NO_COLOR and TERM=dumb turn them off, FORCE_COLOR
 * on, --color/--no-color decide.
 */
export function useColors(
  flag: boolean | undefined,
  env: NodeJS.ProcessEnv,
  isTTY: boolean,
): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY && env.TERM !== 'dumb';
}

/**
 * Loads a record in this thread. Standard input and pipes, which can keep a reader waiting, are
 * read off the main thread, so that Ctrl-C still removes a half-written --output meanwhile.
 */
export async function load(target: Target, options: CheckOptions): Promise<LoadedRecord> {
  if (!target.mayWait) return loadRecordFile(target.path, options);
  return target.path === STDIN
    ? loadRecordSourceAsync(0, STDIN, options)
    : loadRecordSourceAsync(target.path, target.path, options);
}

/** A target's result in a run. */
interface Checked {
  file: string;
  /** Its report; from the cache, read back only when asked. */
  report: () => FileReport;
  digest: ReportDigest;
  /** Its JSON entry text, when the cache has it or keeps it. */
  entry?: string;
  /** The record's text, for code frames. */
  text?: string;
}

/** The report of an argument that names no record: one input error, at its first line. */
export function unreadable(path: string, problem: string, language: Language): FileReport {
  return {
    file: path,
    errors: [{ message: inLanguage(problem, language), line: 1, column: 1, pointer: '' }],
    findings: [],
    verdict: 'invalid',
  };
}

function made(report: FileReport, text?: string): Checked {
  return {
    file: report.file,
    report: () => report,
    digest: digestOf(report),
    ...(text !== undefined && { text }),
  };
}

/** Where a format of a run is written: a file, or standard output (undefined). */
export interface Destination {
  format: string;
  output: string | undefined;
}

/**
 * Where each format goes: to its `--output.<format>` file, else to `--output`, else to standard
 * output. A format named only by `--output.<format>` is written too; two formats never share a
 * file or standard output.
 */
export function destinationsOf(
  formats: readonly string[],
  output: string | undefined,
  perFormat: Readonly<Record<string, string>>,
): Destination[] {
  const destinations = [...new Set([...formats, ...Object.keys(perFormat)])].map((format) => ({
    format,
    output: perFormat[format] ?? output,
  }));
  const seen = new Map<string, string>();
  for (const { format, output: file } of destinations) {
    const key = file === undefined ? '' : resolve(file);
    const other = seen.get(key);
    if (other !== undefined) {
      throw new InputError(
        file === undefined
          ? `--format: ${other} and ${format} would both be written to standard output (give all of them but one an --output.<format> FILE)`
          : `--format: ${other} and ${format} would both be written to ${file} (give each its own --output.<format> FILE)`,
      );
    }
    seen.set(key, format);
  }
  return destinations;
}

/** The `--output.<format>` options given, by format. */
function perFormatOutputs(options: CheckCommandOptions): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const format of FORMATS) {
    const file = options[`output.${format}`];
    if (file !== undefined) outputs[format] = file;
  }
  return outputs;
}

async function run(
  paths: string[],
  options: CheckCommandOptions,
  context: CliContext,
): Promise<number> {
  const language = options.lang ?? context.language;
  const destinations = destinationsOf(options.format, options.output, perFormatOutputs(options));
  const formats = new Set(destinations.map((d) => d.format));
  const { checkOptions, waivers } = prepareCheck(options, language);
  if (options.why === true) checkOptions.trace = true;
  const registry = new PackRegistry();
  const targets = expandTargets(paths);
  const packDirs = packDirsOf(checkOptions);
  for (const { output } of destinations)
    if (output !== undefined) refuseOverwritingInputs(output, targets, options.waivers, packDirs);
  // A person watches a text report on standard output: a progress bar tells them how far it is.
  const people = destinations.some((d) => d.format === 'text' && d.output === undefined);
  const progress = new Progress(
    targets.length,
    options.progress ??
      (people && process.stderr.isTTY === true && !process.env.CI && targets.length >= 20),
    language,
  );
  const wantsText = formats.has('text');
  const cache = options.cache ? openCache(options, checkOptions, registry) : undefined;
  // Worker threads pay off for many files only: each one starts clausier afresh.
  const jobs = options.jobs ?? (targets.length >= 64 ? Math.min(availableParallelism(), 8) : 1);
  // What the workers send back: a JSON run without waivers needs only each file's entry text
  // and digest, which cost nothing to pass between threads.
  const wants = {
    entry: (formats.has('json') && waivers.length === 0) || options.cache === true,
    report: [...formats].some((f) => f !== 'json') || waivers.length > 0,
    text: wantsText,
  };
  const pool = jobs > 1 ? new WorkerPool(jobs, { options: checkOptions, wants }) : undefined;

  /**
   * One target's result: its report (read back from the cache only when needed), with the text
   * of its record when a code frame will need it, and, from the cache, its digest and JSON entry.
   */
  const check = async (target: (typeof targets)[number]): Promise<Checked> => {
    if (target.problem !== undefined)
      return made(unreadable(target.path, target.problem, language));
    let bytes: Uint8Array | undefined;
    let key: string | undefined;
    if (cache && target.path !== STDIN) {
      bytes = readBytes(target.path, checkOptions.maxBytes);
      if (bytes !== undefined) {
        key = cache.key(bytes);
        const hit = cache.get(key);
        if (hit) {
          const text = wantsText ? new TextDecoder().decode(bytes) : undefined;
          return {
            file: target.path,
            report: () => reportOfEntry(target.path, hit.entry),
            entry: hit.entry,
            digest: hit.digest,
            ...(text !== undefined && { text }),
          };
        }
      }
    }
    let checked: Checked;
    if (pool && target.path !== STDIN) {
      const done = await pool.check({ path: target.path, ...(bytes !== undefined && { bytes }) });
      checked = {
        file: target.path,
        digest: done.digest,
        report: () => done.report ?? reportOfEntry(target.path, done.entry!),
        ...(done.entry !== undefined && { entry: done.entry }),
        ...(done.text !== undefined && { text: done.text }),
      };
    } else {
      const loaded =
        bytes !== undefined
          ? loadRecordBytes(bytes, target.path, checkOptions)
          : await load(target, checkOptions);
      const report = await checkLoaded(loaded, checkOptions, registry);
      checked = made(report, wantsText ? loaded.text : undefined);
    }
    if (cache && key !== undefined) {
      checked.entry ??= entryText(checked.report());
      cache.set(key, { digest: checked.digest, entry: checked.entry });
    }
    return checked;
  };

  const colorsOn = (output: string | undefined): boolean =>
    output === undefined && useColors(options.color, process.env, process.stdout.isTTY === true);
  const formatContext = {
    language,
    verbose: options.verbose ?? false,
    tool: toolInfo,
  };
  // The cache writes files too (each whole, between two records): the run is watched for signals
  // while it does, so that one ends it between two files, never inside a write.
  const stopWatching = options.cache ? onInterrupt() : undefined;
  const json = new JsonReportWriter();
  const summary = emptySummary();
  // The formats that need every report at once (severity order, one SARIF run, a size budget)
  // get them all; text and JSON are written file by file, so that no run holds them all.
  const collecting = destinations.some((d) => d.format !== 'text' && d.format !== 'json');
  const collected: FileReport[] = [];
  const sources = new Map<string, string>();
  const sinks = destinations.map((destination) => {
    const sink = new OutputSink(destination.output);
    const text = {
      language,
      verbose: formatContext.verbose,
      colors: colorsOn(destination.output),
    };
    // On a terminal, the progress bar's line is cleared before anything else is written.
    const write = async (chunk: string): Promise<void> => {
      if (destination.output === undefined) progress.clear();
      await sink.write(chunk);
    };
    return { ...destination, sink, text, write };
  });
  let invalid = false;
  let failed = false;
  try {
    for (const { format, write } of sinks) if (format === 'json') await write(json.begin(toolInfo));
    for await (const checked of inOrder(targets, check, pool ? jobs * 4 : 1)) {
      // Waivers change a report: it is read back and its digest and entry made again.
      let report: FileReport | undefined;
      let { digest, entry } = checked;
      if (waivers.length > 0) {
        report = checked.report();
        applyWaivers([report], waivers, language);
        digest = digestOf(report);
        entry = undefined;
      }
      const full = (): FileReport => (report ??= checked.report());

      addToSummary(summary, digest);
      invalid ||= digest.verdict === 'invalid';
      failed ||= fails([digest], options.failOn);
      const recordText =
        checked.text !== undefined && showsCodeFrames(digest) ? checked.text : undefined;
      for (const { format, write, text } of sinks) {
        if (format === 'text') {
          const frames = new Map<string, string>();
          if (recordText !== undefined) frames.set(full().file, recordText);
          await write(formatTextFile(full(), { ...text, sources: frames }));
        } else if (format === 'json') {
          await write(entry !== undefined ? json.entry(checked.file, entry) : json.file(full()));
        }
      }
      if (collecting) {
        collected.push(full());
        if (recordText !== undefined) sources.set(full().file, recordText);
      }
      progress.tick();
      // Records are read and checked without waiting on anything: the event loop is given a turn
      // between two, so that Ctrl-C or SIGTERM is acted on (it removes a half-written --output)
      // instead of waiting for the end of the run, which would then replace the report.
      await new Promise((resolve) => setImmediate(resolve));
    }
    progress.done();
    const packs = collecting ? packsOf(collected, checkOptions, registry) : new Map();
    for (const { format, write, text } of sinks) {
      if (format === 'text') await write(formatTextSummary(summary, text));
      else if (format === 'json') await write(json.end(summary));
      else
        await write(
          FORMATTERS[format]!(collected, {
            ...formatContext,
            colors: text.colors,
            sources,
            packs,
          }),
        );
    }
    for (const { sink } of sinks) sink.close();
  } catch (error) {
    for (const { sink } of sinks) sink.abandon();
    throw error;
  } finally {
    stopWatching?.();
    await pool?.close();
  }
  if (invalid) return EXIT.input;
  return failed ? EXIT.breach : EXIT.ok;
}

/** Results in the order of their inputs, with up to `limit` of them worked on at once. */
async function* inOrder<T, R>(
  inputs: readonly T[],
  work: (input: T) => Promise<R>,
  limit: number,
): AsyncGenerator<R> {
  const running: Promise<R>[] = [];
  let next = 0;
  while (next < inputs.length && running.length < limit) running.push(work(inputs[next++]!));
  while (running.length > 0) {
    const result = await running.shift()!;
    if (next < inputs.length) running.push(work(inputs[next++]!));
    yield result;
  }
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
    throw new InputError(
      `${option}: ${output} is ${input}, an input of this run: it is never written over`,
    );
  const folder = packs.flatMap((pack) => pack.folders).find((f) => real(f) === dirname(written));
  if (folder !== undefined && /\.ya?ml$/i.test(written))
    throw new InputError(
      `${option}: ${output} is in ${folder}, the folder of a rule pack, where every .yaml file is part of the pack: it is never written there`,
    );
}

/** A record's bytes for the cache key; undefined when it cannot be read within the limit. */
function readBytes(path: string, maxBytes: number | undefined): Uint8Array | undefined {
  try {
    const read = readWithin(path, maxBytes ?? DEFAULT_MAX_BYTES);
    return read.ok ? read.bytes : undefined;
  } catch {
    return undefined;
  }
}

/** The cache, keyed by what besides a record changes its report: the packs, version and options. */
function openCache(
  options: CheckCommandOptions,
  checkOptions: CheckOptions,
  registry: PackRegistry,
): ReportCache {
  const packs =
    checkOptions.rules !== undefined
      ? [registry.get(checkOptions.rules).pack]
      : builtInPacks().map((id) => registry.get(join(builtInPacksDir(), id)).pack);
  return new ReportCache(options.cacheLocation, {
    version: toolInfo.version,
    packs: packs.map((p) => `${p.id}:${p.fingerprint}`),
    // A record without asOf is judged as of today: its report holds for today only.
    asOf: checkOptions.asOf ?? todayInParis(),
    language: checkOptions.language,
    maxBytes: checkOptions.maxBytes,
    ...(checkOptions.trace !== undefined && { trace: checkOptions.trace }),
  });
}

/** The packs that judged the reports, by id, for the formats that describe rules. */
function packsOf(
  reports: readonly FileReport[],
  options: CheckOptions,
  registry: PackRegistry,
): Map<string, RulePack> {
  const packs = new Map<string, RulePack>();
  for (const report of reports) {
    if (report.pack === undefined || packs.has(report.pack)) continue;
    const dir = options.rules ?? join(builtInPacksDir(), report.pack);
    packs.set(report.pack, registry.get(dir).pack);
  }
  return packs;
}

/**
 * `--format`, repeatable (`-f github -f sarif`) or with commas (`github,sarif`): each format a
 * run writes, as Spectral's `--format` does.
 */
function formatOption(): Option {
  const option = new Option(
    '-f, --format <format>',
    'output format; repeat it, or separate formats with commas, for several in one run',
  )
    .choices(FORMATS)
    .default(['text'], 'text');
  return option.argParser((value: string, previous: string[]) => {
    const formats = value.split(',').map((f) => f.trim());
    for (const format of formats)
      if (!FORMATS.includes(format))
        throw new InvalidArgumentError(`Allowed choices are ${FORMATS.join(', ')}.`);
    // The first --format replaces the default; the next ones add to it.
    return [...(previous === option.defaultValue ? [] : previous), ...formats];
  });
}

export function registerCheck(program: Command, context: CliContext): void {
  const command = program
    .command('check')
    .description(
      'check programme records: files, folders (searched for *.yaml and *.yml), globs, or - for standard input',
    )
    .argument('<paths...>', 'record files, folders or globs; - reads standard input')
    .addOption(formatOption())
    .option(
      '-o, --output <file>',
      'write the report to a file (atomically) instead of standard output; with several formats, --output.<format> <file> for each',
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
    .option(
      '--why',
      "show how each finding was reached: the record's values (with their lines), the parameters, the derived facts and the comparison that decided it (a trace in JSON, related locations in SARIF)",
    )
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
      '-j, --jobs <n>',
      'check files in n worker threads (default: one per core, for 64 files or more)',
      parseJobs,
    )
    .option(
      '--cache',
      "keep each record's report, keyed by its content, the rule packs and the version, and reuse it",
    )
    .option('--cache-location <dir>', 'where the cache is kept', DEFAULT_CACHE_LOCATION)
    .option(
      '--waivers <file>',
      'a waiver file: deviations a finance controller accepts (repeatable)',
      (file: string, files: string[]) => [...files, file],
      [] as string[],
    )
    .action(async (paths: string[], options: CheckCommandOptions) => {
      context.setExit(await run(paths, options, context));
    });
  // One `--output.<format> <file>` for each format, documented in --output's help.
  for (const format of FORMATS)
    command.addOption(
      new Option(`--output.${format} <file>`, `write the ${format} report to a file`).hideHelp(),
    );
}
