/**
 * `clausier report RECORD --html FILE`: the report of one programme for a finance controller,
 * as one static HTML file (folders, globs or several records: the portfolio, ./portfolio.ts).
 * A record with input errors gets no report: its errors are printed, each at its line, and the
 * exit code is 2.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { inspectFile } from '../check.js';
import { InputError } from '../errors.js';
import { expandTargets } from '../files.js';
import type { Language } from '../rules/template.js';
import { isJudged, programmeReportHtml } from '../views/index.js';
import { applyWaivers } from '../waivers.js';
import { maxSizeOption, prepareCheck, rulesOption, type CheckRunOptions } from './check.js';
import { documentLanguage, EXIT, toolInfo, type CliContext } from './context.js';
import { writeAtomically } from './output.js';
import { runPortfolio } from './portfolio.js';

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return true; // a missing file is reported as one record's error, as before
  }
};

interface ReportOptions extends CheckRunOptions {
  html: string;
  lang?: Language;
}

async function run(paths: string[], options: ReportOptions): Promise<number> {
  const language = options.lang ?? 'fr';
  const { checkOptions, waivers } = prepareCheck(options, language);
  if (options.html !== '-') {
    const folder = dirname(options.html);
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw new InputError(`--html: the folder ${folder} does not exist`);
  }
  // One record file: its report. A folder, a glob or several files: the portfolio.
  const record = paths[0]!;
  if (paths.length > 1 || !isFile(record))
    return runPortfolio(
      expandTargets(paths),
      options.html,
      checkOptions,
      waivers,
      options.waivers,
      language,
    );
  const inspection = await inspectFile(record, checkOptions);
  applyWaivers([inspection.report], waivers, language);
  if (!isJudged(inspection)) {
    const errors = inspection.report.errors;
    process.stderr.write(
      `clausier: ${record} cannot be reported on until its ${errors.length === 1 ? 'input error is' : `${errors.length} input errors are`} fixed:\n` +
        errors.map((e) => `  ${record}:${e.line}:${e.column}  ${e.message}\n`).join(''),
    );
    return EXIT.input;
  }
  const html = programmeReportHtml(inspection, {
    language,
    tool: `${toolInfo.name} ${toolInfo.version}`,
  });
  if (options.html === '-') process.stdout.write(html);
  else writeAtomically(options.html, html, '--html');
  return EXIT.ok;
}

export function registerReport(program: Command, context: CliContext): void {
  program
    .command('report')
    .description(
      "a programme's report for a finance controller, as one HTML file: the verdict, the money to the cent, the timeline, the weeks of pré-incubation and every finding with its clause; for many records, a portfolio page",
    )
    .argument(
      '<paths...>',
      "the record file; or folders, globs or several files: the portfolio, with each record's report beside it",
    )
    .requiredOption('--html <file>', 'write the report to this HTML file (- for standard output)')
    .addOption(documentLanguage())
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
      context.setExit(await run(paths, options));
    });
}
