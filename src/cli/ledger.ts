/**
 * `clausier ledger`: the money ledger and the findings of records, as spreadsheets: CSV (one
 * table a file) or XLSX (one sheet a table). A record that cannot be read has its input errors
 * among the findings and on standard error, and makes the exit code 2.
 */
import { Option, type Command } from 'commander';
import {
  formatCsv,
  formatXlsx,
  UsageError,
  type Language,
  type LedgerRecord,
  ledgerTables,
  movementsOf,
  packDirsOf,
  PackRegistry,
  recordNameOf,
  type TableName,
  inspectTargets,
} from '../index.js';
import { recordTargets } from './heap.js';
import { maxSizeOption, prepareCheck, refuseOverwritingInputs, rulesOption } from './options.js';
import { EXIT, languageOption, outputOption, type CliContext } from './context.js';
import { emit, writeAtomically, writeInputErrors } from './output.js';

interface LedgerOptions {
  format: 'csv' | 'xlsx';
  table?: TableName;
  output?: string;
  lang?: Language;
  asOf?: string;
  rules?: string;
  maxSize: number;
}

async function run(paths: string[], options: LedgerOptions, language: Language): Promise<number> {
  if (options.format === 'xlsx' && options.output === undefined)
    throw new UsageError('--format xlsx writes a workbook, not text: name its file with --output');
  const { checkOptions } = prepareCheck({ ...options, waivers: [] }, language);
  const targets = recordTargets(paths);
  if (options.output !== undefined)
    refuseOverwritingInputs(options.output, targets, [], packDirsOf(checkOptions));
  const records: LedgerRecord[] = [];
  let invalid = false;
  for await (const { report, judged } of inspectTargets(
    targets,
    checkOptions,
    new PackRegistry(),
  )) {
    invalid ||= judged === undefined;
    // The money table has no place for them: they go to standard error (the findings table
    // holds them too).
    if (judged === undefined) writeInputErrors(report.file, report.errors);
    records.push({
      name: judged ? recordNameOf(judged) : { file: report.file },
      report,
      movements: judged ? movementsOf(judged) : [],
    });
  }
  const tables = ledgerTables(records, language);
  if (options.format === 'csv') {
    emit(formatCsv(tables[options.table ?? 'money'], language), options.output);
  } else {
    const chosen = options.table !== undefined ? [tables[options.table]] : Object.values(tables);
    writeAtomically(options.output!, await formatXlsx(chosen, language));
  }
  return invalid ? EXIT.input : EXIT.ok;
}

export function registerLedger(program: Command, context: CliContext): void {
  program
    .command('ledger')
    .description(
      "records' money and findings as spreadsheets: every payment, expense and refund (counted or not, with its line) and every finding, as CSV or XLSX",
    )
    .argument('<paths...>', 'record files, folders or globs; - reads standard input')
    .addOption(
      new Option('-f, --format <format>', 'csv (one table) or xlsx (a sheet per table)')
        .choices(['csv', 'xlsx'])
        .default('csv'),
    )
    .addOption(
      new Option(
        '--table <table>',
        'the table: money (the ledger) or findings; csv writes one (default money), xlsx both unless one is named',
      ).choices(['money', 'findings']),
    )
    .addOption(
      outputOption('write to this file (atomically), or to standard output (-); xlsx needs a file'),
    )
    .addOption(languageOption())
    .option(
      '--as-of <date>',
      'evaluate every record as of this date (YYYY-MM-DD), instead of its asOf or today',
    )
    .addOption(rulesOption())
    .addOption(maxSizeOption())
    .action(async (paths: string[], options: LedgerOptions) => {
      context.setExit(await run(paths, options, options.lang ?? context.language));
    });
}
