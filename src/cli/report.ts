/**
 * `clausier report RECORD [--output FILE]`: the report of one programme for a finance controller,
 * as one static HTML file (folders, globs or several records: the portfolio, ./portfolio.ts).
 * A record with input errors gets no report: its errors are printed, each at its line, and the
 * exit code is 2.
 */
import {
  applyWaivers,
  inLanguage,
  UsageError,
  inspectFile,
  isJudged,
  packDirsOf,
  type Language,
  programmeReportHtml,
  showControls,
  TOOL,
} from '../index.js';
import { recordTargets, settleCollectorFor } from './heap.js';
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { Option, type Command } from 'commander';
import {
  maxSizeOption,
  prepareCheck,
  refuseOverwritingInputs,
  rulesOption,
  type CheckRunOptions,
} from './options.js';
import { deprecated, EXIT, languageOption, outputOption, type CliContext } from './context.js';
import { emit, stderr } from './output.js';
import { runPortfolio } from './portfolio.js';

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    // A missing file is one record's input error, as it always was.
    return true;
  }
};

interface ReportOptions extends CheckRunOptions {
  output?: string;
  /** Deprecated: --output's first spelling, where `-` was standard output. */
  html?: string;
  lang?: Language;
}

async function run(paths: string[], options: ReportOptions, language: Language): Promise<number> {
  const { checkOptions, waivers } = prepareCheck(options, language);
  // The report shows, folded under each finding, how it was reached.
  checkOptions.trace = 'open';
  if (options.html !== undefined) deprecated('--html', '--output', language);
  const given = options.output ?? options.html;
  const output = given === '-' ? undefined : given;
  const option = options.html !== undefined && options.output === undefined ? '--html' : '--output';
  if (output !== undefined) {
    const folder = dirname(output);
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw new UsageError(`${option}: the folder ${folder} does not exist`);
  }
  // One record file: its report. A folder, a glob or several files: the portfolio.
  const record = paths[0]!;
  if (paths.length > 1 || !isFile(record))
    return runPortfolio(recordTargets(paths), {
      output,
      option,
      checkOptions,
      waivers,
      waiverFiles: options.waivers,
      language,
    });
  if (output !== undefined)
    refuseOverwritingInputs(
      output,
      [{ path: record }],
      options.waivers,
      packDirsOf(checkOptions),
      option,
    );
  settleCollectorFor([{ path: record }]);
  const inspection = await inspectFile(record, checkOptions);
  applyWaivers([inspection.report], waivers, language);
  if (!isJudged(inspection)) {
    const errors = inspection.report.errors;
    const n = errors.length;
    stderr.write(
      showControls(
        inLanguage(
          `clausier: ${record} cannot be reported on until its ${n === 1 ? 'input error is' : `${n} input errors are`} fixed:`,
          language,
        ),
      ) +
        '\n' +
        errors
          .map((e) => `  ${showControls(`${record}:${e.line}:${e.column}  ${e.message}`)}\n`)
          .join(''),
    );
    return EXIT.input;
  }
  const html = programmeReportHtml(inspection, {
    language,
    tool: `${TOOL.name} ${TOOL.version}`,
  });
  emit(html, output, option);
  return EXIT.ok;
}

export function registerReport(program: Command, context: CliContext): void {
  program
    .command('report')
    .description(
      "a programme's report for a finance controller, as one HTML file: the verdict, the money to the cent, the timeline, the weeks of pré-incubation and every finding with its clause; for many records, a portfolio page",
    )
    .argument(
      '<records...>',
      "the record file; or folders, globs or several files: the portfolio, with each record's report beside it",
    )
    .addOption(outputOption('write the report to a file instead of standard output (-)'))
    .addOption(new Option('--html <file>', 'deprecated: use --output').hideHelp())
    .addOption(languageOption())
    .option(
      '--as-of <date>',
      "evaluate as of this date (YYYY-MM-DD), instead of the record's asOf or today",
    )
    .addOption(rulesOption())
    .addOption(maxSizeOption())
    .option(
      '--waivers <file>',
      'a waiver file: deviations a finance controller accepts (repeatable)',
      (file: string, files: string[]) => [...files, file],
      [] as string[],
    )
    .action(async (paths: string[], options: ReportOptions) => {
      context.setExit(await run(paths, options, options.lang ?? context.language));
    });
}
