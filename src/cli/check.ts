/** `clausier check`: checks records and reports in the format asked for. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  checkFiles,
  DEFAULT_CACHE_LOCATION,
  DEFAULT_MAX_BYTES,
  FAIL_ON,
  expandTargets,
  FORMATS,
  UsageError,
  isTerminal,
  packDirsOf,
  RunWriter,
  type FailOn,
  type Language,
  TOOL,
} from '../index.js';
import { settleCollectorFor } from './heap.js';
import { EXIT, languageOption, outputOption, type CliContext } from './context.js';
import { onInterrupt, OutputSink, outputKey } from './output.js';
import {
  parseSize,
  prepareCheck,
  refuseOverwritingInputs,
  type CheckRunOptions,
} from './options.js';
import { Progress } from './progress.js';

/** At most this long between two turns of the event loop during a run: 20 ms, in nanoseconds. */
const TURN_NS = 20_000_000n;

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

function parseJobs(value: string): number {
  if (!/^[1-9]\d{0,2}$/.test(value))
    throw new UsageError(`--jobs: '${value}' is not a number of threads (1 to 999)`);
  return Number(value);
}

/**
 * Colours only on a terminal that shows them: NO_COLOR and TERM=dumb turn them off, FORCE_COLOR
 * on, --color/--no-color decide.
 */
export function useColors(
  flag: boolean | undefined,
  env: NodeJS.ProcessEnv,
  isTTY: () => boolean,
): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return env.TERM !== 'dumb' && isTTY();
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
    // `--output.<format> -` is standard output, whatever --output says.
    output: perFormat[format] === '-' ? undefined : (perFormat[format] ?? output),
  }));
  const seen = new Map<string, string>();
  for (const { format, output: file } of destinations) {
    // The place each would write, links followed: two names of one file, or /dev/stdout beside
    // standard output, are one place.
    const key = outputKey(file);
    const other = seen.get(key);
    if (other !== undefined) {
      throw new UsageError(
        key === 'fd:1'
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
  if (options.cache === true && options.cacheLocation === '')
    throw new UsageError('--cache-location: nothing given (expected a folder)');
  const targets = expandTargets(paths);
  const packDirs = packDirsOf(checkOptions);
  for (const { output } of destinations)
    if (output !== undefined) refuseOverwritingInputs(output, targets, options.waivers, packDirs);
  // A person watches a text report on standard output: a progress bar tells them how far it is.
  const people = destinations.some((d) => d.format === 'text' && d.output === undefined);
  const progress = new Progress(
    targets.length,
    options.progress ?? (people && targets.length >= 20 && !process.env.CI && isTerminal(2)),
    language,
  );
  const files = checkFiles(targets, {
    ...checkOptions,
    waivers,
    ...(options.jobs !== undefined && { jobs: options.jobs }),
    ...(options.cache === true && { cache: options.cacheLocation }),
    // Not before: a run the cache serves whole reads no record as YAML, and needs no setting.
    beforeChecking: () => settleCollectorFor(targets),
    // What the workers send back: a JSON run needs only each file's entry text and digest,
    // which cost nothing to pass between threads.
    wants: {
      entry: formats.has('json'),
      report: [...formats].some((f) => f !== 'json'),
      text: formats.has('text'),
    },
  });
  // Only the text format has colours: whether standard output is a terminal is asked for it alone
  // (node:tty costs a one-file check some 4 ms to load).
  const colorsOn = ({ format, output }: Destination): boolean =>
    format === 'text' &&
    output === undefined &&
    useColors(options.color, process.env, () => isTerminal(1));
  const writer = new RunWriter(
    destinations.map((d) => ({ format: d.format, colors: colorsOn(d) })),
    { language, verbose: options.verbose ?? false, tool: TOOL, failOn: options.failOn },
  );
  // The cache writes files too (each whole, between two records): the run is watched for signals
  // while it does, so that one ends it between two files, never inside a write.
  const stopWatching = options.cache ? onInterrupt() : undefined;
  const sinks = destinations.map((destination) => ({
    ...destination,
    sink: new OutputSink(destination.output),
  }));
  // On a terminal, the progress bar's line is cleared before anything else is written.
  const write = async (chunks: (string | Uint8Array[])[]): Promise<void> => {
    for (const [i, { sink, output }] of sinks.entries()) {
      if (chunks[i]!.length === 0) continue;
      if (output === undefined) progress.clear();
      await sink.write(chunks[i]!);
    }
  };
  try {
    await write(writer.begin());
    // Records are read and checked without waiting on anything: the event loop is given a turn
    // between two of them once TURN_NS have passed since the last, so that Ctrl-C or SIGTERM is
    // acted on (it removes a half-written --output) instead of waiting for the end of the run,
    // which would then replace the report. A turn after every record cost a system call each
    // (epoll_pwait), which a run over cached records, bound by its system calls, noticed. The
    // clock is monotonic (a wall clock set back would hold the turns back as long), and not the
    // global `performance`, which loads node:perf_hooks and ten modules with it.
    let turned = process.hrtime.bigint();
    for await (const file of files) {
      await write(writer.addParts(file));
      progress.tick();
      if (process.hrtime.bigint() - turned >= TURN_NS) {
        await new Promise((resolve) => setImmediate(resolve));
        turned = process.hrtime.bigint();
      }
    }
    progress.done();
    await write(writer.end((reports) => files.packsOf(reports)));
    for (const { sink } of sinks) sink.close();
  } catch (error) {
    for (const { sink } of sinks) sink.abandon();
    throw error;
  } finally {
    stopWatching?.();
    await files.close();
  }
  if (writer.invalid) return EXIT.input;
  return writer.failed ? EXIT.breach : EXIT.ok;
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
    .addOption(
      outputOption(
        'write the report to a file (atomically) instead of standard output (-); with several formats, --output.<format> <file> for each',
      ),
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
      'check files in n worker threads (default: one per 1000 files, at most one per core)',
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
      outputOption(`write the ${format} report to a file`, `--output.${format} <file>`).hideHelp(),
    );
}
