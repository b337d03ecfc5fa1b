/**
 * `clausier agenda`: what falls due, across every record named, sorted by date: in text, JSON,
 * Markdown or iCalendar. A record that cannot be read is reported (its obligations cannot be
 * listed) and makes the exit code 2; otherwise it is 0, whatever is overdue: the agenda informs,
 * `check --fail-on` decides.
 */
import { Option, type Command } from 'commander';
import {
  type Agenda,
  type AgendaEntry,
  type AgendaFormatOptions,
  agendaOf,
  compareEntries,
  dueBy,
  formatAgendaIcs,
  formatAgendaJson,
  formatAgendaMarkdown,
  formatAgendaText,
  UsageError,
  type Language,
  packDirsOf,
  PackRegistry,
  parseCalendarDate,
  inspectTargets,
  TOOL,
} from '../index.js';
import { recordTargets } from './heap.js';
import { maxSizeOption, prepareCheck, refuseOverwritingInputs, rulesOption } from './options.js';
import { EXIT, languageOption, outputOption, type CliContext } from './context.js';
import { emit, writeInputErrors } from './output.js';

const AGENDA_FORMATS: Record<string, (agenda: Agenda, options: AgendaFormatOptions) => string> = {
  text: formatAgendaText,
  json: formatAgendaJson,
  markdown: formatAgendaMarkdown,
  ics: formatAgendaIcs,
};

interface AgendaOptions {
  format: string;
  output?: string;
  lang?: Language;
  asOf?: string;
  until?: string;
  rules?: string;
  maxSize: number;
}

async function run(paths: string[], options: AgendaOptions, context: CliContext): Promise<number> {
  const language = options.lang ?? context.language;
  const { checkOptions } = prepareCheck({ ...options, waivers: [] }, language);
  if (options.until !== undefined) {
    const until = parseCalendarDate(options.until);
    if (!until.ok) throw new UsageError(`--until: ${until.problem}`);
  }
  const targets = recordTargets(paths);
  if (options.output !== undefined)
    refuseOverwritingInputs(options.output, targets, [], packDirsOf(checkOptions));
  const registry = new PackRegistry();
  const entries: AgendaEntry[] = [];
  const invalid: Agenda['invalid'][number][] = [];
  let records = 0;
  for await (const { report, judged } of inspectTargets(targets, checkOptions, registry)) {
    if (judged === undefined) invalid.push({ file: report.file, errors: report.errors });
    else {
      records++;
      entries.push(...agendaOf(judged, language));
    }
  }
  const agenda: Agenda = {
    entries: dueBy(entries, options.until).sort(compareEntries),
    records,
    invalid,
    ...(options.asOf !== undefined && { asOf: options.asOf }),
    ...(options.until !== undefined && { until: options.until }),
  };
  emit(AGENDA_FORMATS[options.format]!(agenda, { language, tool: TOOL }), options.output);
  // A calendar has no place for input errors: they go to standard error.
  if (options.format === 'ics')
    for (const { file, errors } of invalid) writeInputErrors(file, errors);
  return invalid.length > 0 ? EXIT.input : EXIT.ok;
}

export function registerAgenda(program: Command, context: CliContext): void {
  program
    .command('agenda')
    .description(
      'what falls due, across records: every obligation pending or overdue, sorted by date, with who owes it, the amount, the clause and the line of the record',
    )
    .argument('<paths...>', 'record files, folders or globs; - reads standard input')
    .addOption(
      new Option('-f, --format <format>', 'output format (ics: an iCalendar file for a calendar)')
        .choices(Object.keys(AGENDA_FORMATS))
        .default('text'),
    )
    .addOption(
      outputOption('write the agenda to a file (atomically) instead of standard output (-)'),
    )
    .option(
      '--as-of <date>',
      'evaluate every record as of this date (YYYY-MM-DD), instead of its asOf or today',
    )
    .option(
      '--until <date>',
      'list what falls due up to this date (YYYY-MM-DD); what is overdue or has no date yet is always listed',
    )
    .addOption(languageOption())
    .addOption(rulesOption())
    .addOption(maxSizeOption())
    .action(async (paths: string[], options: AgendaOptions) => {
      context.setExit(await run(paths, options, context));
    });
}
