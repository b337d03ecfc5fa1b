/**
 * The views for people who do not read code: the annotated convention (`clausier doc`), for
 * lawyers, in Markdown and HTML; the programme report (`clausier report`), for finance
 * controllers, in HTML. Each is a pure function from what was loaded and judged to a string.
 */
export {
  annotateConvention,
  type AnnotatedConvention,
  type AnnotatedClause,
  type ConventionPart,
  type Coverage,
} from './convention.js';
export { conventionMarkdown } from './convention-markdown.js';
export { conventionHtml } from './convention-html.js';
export {
  programmeReportHtml,
  isJudged,
  type JudgedInspection,
  type ProgrammeReportOptions,
} from './report-html.js';
export {
  portfolioHtml,
  portfolioRowOf,
  portfolioTotals,
  MONEY_COLUMNS,
  type PortfolioRow,
  type PortfolioOptions,
} from './portfolio-html.js';
export { weekGrid, weeksOfFindings, type WeekGrid, type WeekState } from './weeks.js';
export { timelineOf, type Timeline, type TimelineEvent } from './timeline/events.js';
