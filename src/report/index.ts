/**
 * The output formats of `clausier check`, one module each. A formatter turns the reports of a
 * run into the text to write; it never prints.
 */
import type { FileReport } from '../check.js';
import type { RulePack } from '../rules/pack.js';
import type { Language } from '../rules/template.js';
import { formatJson } from './json.js';
import { formatText } from './text.js';

export interface FormatContext {
  language: Language;
  /** Every finding, not only breaches and undetermined ones (text). */
  verbose: boolean;
  /** ANSI colours (text, on a terminal only). */
  colors: boolean;
  /** The text of each file with findings to frame (text). */
  sources: ReadonlyMap<string, string>;
  tool: { name: string; version: string };
  /** The packs that judged the files, by id: their rules' summaries and clauses. */
  packs: ReadonlyMap<string, RulePack>;
}

export type Formatter = (reports: readonly FileReport[], context: FormatContext) => string;

export const FORMATTERS: Record<string, Formatter> = {
  text: (reports, context) =>
    formatText(reports, {
      language: context.language,
      verbose: context.verbose,
      colors: context.colors,
      sources: context.sources,
    }),
  json: (reports, context) => formatJson(reports, context.tool),
};

export const FORMATS = Object.keys(FORMATTERS);
