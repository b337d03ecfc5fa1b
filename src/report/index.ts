/**
 * The output formats of `clausier check`, one module each. A formatter turns the reports of a
 * run into the text to write; it never prints.
 */
import type { Formatter } from './context.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export type { FormatContext, Formatter } from './context.js';

/**
 * In the order `--help` lists them: for people, for programs, then for CI (code scanning, test
 * reports, workflow annotations, a pull-request comment). The CI formats name files relative to
 * the working directory, where CI runs clausier: the repository's root.
 */
export const FORMATTERS: Record<string, Formatter> = {
  text: (reports, context) =>
    formatText(reports, {
      language: context.language,
      verbose: context.verbose,
      colors: context.colors,
      sources: context.sources,
    }),
  json: (reports, context) => formatJson(reports, context.tool),
  sarif: (reports, context) => formatSarif(reports, context),
  junit: (reports, context) => formatJunit(reports, context),
  github: (reports, context) => formatGithub(reports, context),
  markdown: (reports, context) => formatMarkdown(reports, context),
};

export const FORMATS = Object.keys(FORMATTERS);
