/**
 * `clausier report DIR|GLOB|FILE... --output FILE`: the portfolio of many records, one page, and
 * each record's own report written beside it, in a folder named after the page
 * (`build/portfolio.html`, `build/portfolio/<record's path>.html`), which each row links to. A
 * record that cannot be read has its row, with its first error, and no report; it makes the
 * exit code 2 and is told on standard error, as `report` does for one record.
 */
import { mkdirSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import {
  applyWaivers,
  type CheckOptions,
  UsageError,
  type Language,
  type LoadedWaiver,
  packDirsOf,
  PackRegistry,
  portfolioHtml,
  type PortfolioRow,
  portfolioRowOf,
  programmeReportHtml,
  STDIN,
  type Target,
  inspectTargets,
  TOOL,
} from '../index.js';
import { RunInputs } from './options.js';
import { EXIT } from './context.js';
import { writeAtomically, writeInputErrors } from './output.js';

/** The folder the paths of the records are taken relative to: the deepest they all lie in. */
function commonFolder(paths: readonly string[]): string {
  const folders = paths.map((p) => dirname(resolve(p)).split(sep));
  const common: string[] = [];
  for (let i = 0; folders.every((f) => i < f.length && f[i] === folders[0]![i]); i++)
    common.push(folders[0]![i]!);
  return common.join(sep) || sep;
}

export interface PortfolioRun {
  /** The page's file; none for standard output, which a portfolio cannot use. */
  output: string | undefined;
  /** The option that named it, for errors. */
  option: string;
  checkOptions: CheckOptions;
  waivers: readonly LoadedWaiver[];
  waiverFiles: readonly string[];
  language: Language;
}

export async function runPortfolio(targets: readonly Target[], run: PortfolioRun): Promise<number> {
  const { checkOptions, waivers, language } = run;
  if (run.output === undefined)
    throw new UsageError(
      `${run.option}: a portfolio writes each record's report beside its page: name the page's file`,
    );
  const html = run.output;
  const inputs = new RunInputs(targets, run.waiverFiles, packDirsOf(checkOptions));
  inputs.refuse(html, run.option);
  const folder = join(dirname(html), basename(html, extname(html)));
  const files = targets.filter((t) => t.problem === undefined && t.path !== STDIN);
  const base = commonFolder(files.length > 0 ? files.map((t) => t.path) : ['.']);
  /** Where a record's own report is written, beside the page. */
  const pageOf = (file: string): string =>
    join(
      folder,
      `${file === STDIN ? 'standard-input' : relative(base, resolve(file)).replace(/\.ya?ml$/i, '')}.html`,
    );
  // Every record's report is written where no input is, checked before any is written: the
  // page's folder may be the records' own (`report records/ --output records.html`).
  for (const target of targets)
    inputs.refuse(pageOf(target.path), `${run.option} (the report of ${target.path})`);
  const tool = `${TOOL.name} ${TOOL.version}`;
  const rows: PortfolioRow[] = [];
  let invalid = false;
  for await (const { report, judged } of inspectTargets(
    targets,
    checkOptions,
    new PackRegistry(),
  )) {
    applyWaivers([report], [...waivers], language);
    if (judged === undefined) {
      invalid = true;
      writeInputErrors(report.file, report.errors);
      rows.push(portfolioRowOf({ report }, undefined, language));
      continue;
    }
    const page = pageOf(report.file);
    mkdirSync(dirname(page), { recursive: true });
    writeAtomically(page, programmeReportHtml(judged, { language, tool }), run.option);
    const href = relative(dirname(html), page).split(sep).map(encodeURIComponent).join('/');
    rows.push(portfolioRowOf({ report, judged }, href, language));
  }
  writeAtomically(html, portfolioHtml(rows, { language, tool }), run.option);
  return invalid ? EXIT.input : EXIT.ok;
}
