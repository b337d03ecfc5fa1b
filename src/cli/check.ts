/** `clausier check`: checks records and reports in the format asked for. */
import { availableParallelism } from 'node:os';
import { realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { DEFAULT_CACHE_LOCATION, ReportCache } from '../cache.js';
import {
  checkLoaded,
  parseAsOf,
  PackRegistry,
  todayInParis,
  type CheckOptions,
  type FileReport,
} from '../check.js';
import { InputError } from '../errors.js';
import { expandTargets, STDIN, type Target } from '../files.js';
import {
  DEFAULT_MAX_BYTES,
  loadRecordBytes,
  loadRecordFile,
  loadRecordSourceAsync,
  type LoadedRecord,
} from '../load/index.js';
import { WorkerPool } from '../pool.js';
import { FORMATS, FORMATTERS } from '../report/index.js';
import { entryText, JsonReportWriter, reportOfEntry } from '../report/json.js';
import {
  addToSummary,
  digestOf,
  emptySummary,
  FAIL_ON,
  fails,
  type FailOn,
  type ReportDigest,
} from '../report/summary.js';
import { readWithin } from '../load/read.js';
import { formatTextFile, formatTextSummary } from '../report/text.js';
import { builtInPacks, builtInPacksDir, type RulePack } from '../rules/pack.js';
import type { Language } from '../rules/template.js';
import { applyWaivers, loadWaivers, type LoadedWaiver } from '../waivers.js';
import { EXIT, languageOption, toolInfo, type CliContext } from './context.js';
import { OutputSink } from './output.js';
import { Progress } from './progress.js';

interface CheckCommandOptions extends CheckRunOptions {
  format: string;
  output?: string;
  lang?: Language;
  verbose?: boolean;
  failOn: FailOn;
  color?: boolean;
  progress?: boolean;
  jobs?: number;
  cache?: boolean;
  cacheLocation: string;
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
export function unreadable(path: string, problem: string): FileReport {
  return {
    file: path,
    errors: [{ message: problem, line: 1, column: 1, pointer: '' }],
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

async function run(
  paths: string[],
  options: CheckCommandOptions,
  context: CliContext,
): Promise<number> {
  const language = options.lang ?? context.language;
  const { checkOptions, waivers } = prepareCheck(options, language);
  const registry = new PackRegistry();
  const targets = expandTargets(paths);
  if (options.output !== undefined)
    refuseOverwritingInputs(options.output, targets, options.waivers);
  const people = options.format === 'text' && options.output === undefined;
  const progress = new Progress(
    targets.length,
    options.progress ??
      (people && process.stderr.isTTY === true && !process.env.CI && targets.length >= 20),
  );
  const wantsText = options.format === 'text';
  const cache = options.cache ? openCache(options, checkOptions, registry) : undefined;
  // Worker threads pay off for many files only: each one starts clausier afresh.
  const jobs = options.jobs ?? (targets.length >= 64 ? Math.min(availableParallelism(), 8) : 1);
  // What the workers send back: a JSON run without waivers needs only each file's entry text
  // and digest, which cost nothing to pass between threads.
  const wants = {
    entry: (options.format === 'json' && waivers.length === 0) || options.cache === true,
    report: options.format !== 'json' || waivers.length > 0,
    text: wantsText,
  };
  const pool = jobs > 1 ? new WorkerPool(jobs, { options: checkOptions, wants }) : undefined;

  /**
   * One target's result: its report (read back from the cache only when needed), with the text
   * of its record when a code frame will need it, and, from the cache, its digest and JSON entry.
   */
  const check = async (target: (typeof targets)[number]): Promise<Checked> => {
    if (target.problem !== undefined) return made(unreadable(target.path, target.problem));
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

  const formatContext = {
    language,
    verbose: options.verbose ?? false,
    colors:
      options.output === undefined &&
      useColors(options.color, process.env, process.stdout.isTTY === true),
    tool: toolInfo,
  };
  const sink = new OutputSink(options.output);
  const text = { language, verbose: formatContext.verbose, colors: formatContext.colors };
  const json = new JsonReportWriter();
  const summary = emptySummary();
  // The formats that need every report at once (severity order, one SARIF run, a size budget)
  // get them all; text and JSON are written file by file, so that no run holds them all.
  const collected: FileReport[] = [];
  const sources = new Map<string, string>();
  let invalid = false;
  let failed = false;
  try {
    if (options.format === 'json') await sink.write(json.begin(toolInfo));
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
        checked.text !== undefined && digest.breaches.error + digest.breaches.warning > 0
          ? checked.text
          : undefined;
      if (options.format === 'text') {
        const frames = new Map<string, string>();
        if (recordText !== undefined) frames.set(full().file, recordText);
        await sink.write(formatTextFile(full(), { ...text, sources: frames }));
      } else if (options.format === 'json') {
        await sink.write(entry !== undefined ? json.entry(checked.file, entry) : json.file(full()));
      } else {
        collected.push(full());
        if (recordText !== undefined) sources.set(full().file, recordText);
      }
      progress.tick();
    }
    progress.done();
    if (options.format === 'text') await sink.write(formatTextSummary(summary, text));
    else if (options.format === 'json') await sink.write(json.end(summary));
    else {
      const packs = packsOf(collected, checkOptions, registry);
      await sink.write(
        FORMATTERS[options.format]!(collected, { ...formatContext, sources, packs }),
      );
    }
    sink.close();
  } catch (error) {
    sink.abandon();
    throw error;
  } finally {
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
 * Refuses an --output that is one of the run's inputs: clausier never writes over what it reads.
 * `option` names the option that gave the file, in the error.
 */
export function refuseOverwritingInputs(
  output: string,
  targets: readonly { path: string }[],
  waiverFiles: readonly string[],
  option = '--output',
): void {
  const real = (path: string): string => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  const written = real(output);
  const input = [...targets.map((t) => t.path).filter((p) => p !== STDIN), ...waiverFiles].find(
    (path) => real(path) === written,
  );
  if (input !== undefined)
    throw new InputError(
      `${option}: ${output} is ${input}, an input of this run: it is never written over`,
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
}
