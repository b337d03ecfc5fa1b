/**
 * clausier as a library. The CLI is built on these functions.
 *
 *   import { checkRecord, loadRulePack } from 'clausier';
 *   const report = await checkRecord({ path: 'records/les-lilas.yaml' }, { language: 'en' });
 *   if (report.verdict === 'breach') ...
 *
 * Amounts are integer cents; dates are YYYY-MM-DD; lines and columns are 1-based.
 */
export {
  checkRecord,
  checkFile,
  checkSource,
  checkLoaded,
  inspectFile,
  todayInParis,
  PackRegistry,
  type CheckOptions,
  type Inspection,
} from './pipeline.js';
export { type Language } from './base/language.js';
export {
  type AppliedWaiver,
  type FileReport,
  type Finding,
  type FindingStatus,
  type Location,
  type Status,
  type WaiverOutcome,
} from './model/finding.js';
export {
  loadRecordFile,
  loadRecordBytes,
  loadRecordText,
  type LoadedRecord,
} from './load/index.js';
export { loadRulePack } from './rules/pack/load.js';
export { builtInPacks, builtInPacksDir } from './rules/pack/root.js';
export {
  RulePackError,
  type RulePack,
  type LoadedRule,
  type PackProblem,
} from './rules/pack/types.js';
export { lintPack } from './rules/lint.js';
export {
  lintRulePack,
  GENERATED_RECORDS,
  type LintOptions,
  type LintProblem,
  type LintRecord,
  type PackLint,
} from './run/pack-lint.js';
export { runCase, type CaseResult } from './run/cases.js';
export { packCases, type PackCase, type Expectation } from './rules/cases.js';
export { loadWaivers, applyWaivers, type LoadedWaiver } from './run/waivers.js';
export { formatJson } from './report/json.js';
export { formatText } from './report/text.js';
export { formatSarif } from './report/sarif.js';
export { formatJunit } from './report/junit.js';
export { formatGithub } from './report/github.js';
export { formatMarkdown } from './report/markdown.js';
export {
  annotateConvention,
  conventionMarkdown,
  conventionHtml,
  programmeReportHtml,
  portfolioHtml,
  portfolioRowOf,
  type PortfolioRow,
  type AnnotatedConvention,
  type ProgrammeReportOptions,
} from './views/index.js';
export { summarize, type RunSummary } from './model/summary.js';
export {
  agendaOf,
  agendaStatusOf,
  compareEntries,
  dueBy,
  type AgendaEntry,
  type AgendaStatus,
} from './views/agenda.js';
export {
  formatAgendaText,
  formatAgendaJson,
  formatAgendaMarkdown,
  type Agenda,
} from './report/agenda.js';
export { formatAgendaIcs } from './report/ics.js';
export { movementsOf, type Movement, type MovementKind, type NotCounted } from './views/ledger.js';
export { ledgerTables, type Table } from './report/sheets.js';
export { formatCsv } from './report/csv.js';

type XlsxWriter = typeof import('./report/xlsx.js').formatXlsx;
/**
 * The ledger's tables as an XLSX workbook. Its writer (write-excel-file) is loaded on first use
 * only, from a script of its own (dist/xlsx.cjs): no other use of clausier pays for it.
 */
export async function formatXlsx(...args: Parameters<XlsxWriter>): ReturnType<XlsxWriter> {
  const { formatXlsx: write } = await import('./report/xlsx.js');
  return write(...args);
}
export {
  FileProblemsError,
  InputError,
  UsageError,
  type FileProblem,
  type InputProblem,
} from './base/errors.js';
export type { ProgrammeRecord } from './model/programme.js';
export type { Waiver, WaiverFile } from './model/waivers.js';
export type { MoneySummary } from './model/finding.js';
export type { TraceNode } from './model/trace.js';
export { whyText, whyLines, type WhyLine } from './rules/why.js';
export type { RuleFile, Localized, Severity, Obligor } from './model/pack.js';

export {
  checkFiles,
  packDirsOf,
  FileRun,
  type CheckFilesOptions,
  type Wants,
} from './run/check-files.js';
export { expandTargets, loadTarget, unreadableReport, type Target } from './run/targets.js';
export { inspectTargets, type Inspected } from './run/inspect.js';
export { RunWriter, type RunOutput, type RunWriterOptions } from './report/run.js';
export { FORMATS, FORMATTERS } from './report/index.js';
export {
  FAIL_ON,
  fails,
  digestOf,
  type CheckedFile,
  type FailOn,
  type ReportDigest,
} from './model/summary.js';
export { STDIN } from './model/finding.js';
export { DEFAULT_CACHE_LOCATION } from './run/cache.js';
export { DEFAULT_MAX_BYTES } from './load/limits.js';
export { parseAsOf } from './pipeline.js';
export { SCHEMAS } from './model/schemas.js';
export { TOOL } from './base/tool.js';

// The rest of what the command line uses (src/cli/ imports this module alone).
export { isJudged } from './views/index.js';
export { recordNameOf } from './views/ledger.js';
export { inLanguage } from './words/messages.js';
export { OBLIGOR_WORDS, SEVERITY_WORDS, STATUS_WORDS } from './words/findings.js';
export { isTerminal } from './base/terminal.js';
export { conditionInWords, parameterInWords, timingInWords } from './rules/describe.js';
export { expectedStatus } from './rules/cases.js';
export { packInputs } from './rules/pack/load.js';
export { packageRoot } from './rules/pack/root.js';
export { closest } from './base/closest.js';
export { parseCalendarDate } from './base/calendar.js';
export { showControls } from './base/quote.js';
export { type AgendaFormatOptions } from './report/agenda.js';
export { type LedgerRecord, type TableName } from './report/sheets.js';
