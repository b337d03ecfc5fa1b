/**
 * What every output format of `clausier check` shares: the context a run gives it, the shape of a
 * formatter, how files are named (relative to the repository's root, where CI runs clausier) and
 * the ids of clausier's own rules. Formats import this, never one another.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { FileReport } from '../model/finding.js';
import { STDIN } from '../model/finding.js';
import type { RulePack } from '../rules/pack/types.js';
import type { Language } from '../base/language.js';
import type { FailOn } from '../model/summary.js';

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
  /** What makes the run fail (`--fail-on`; `warning` when not given): JUnit's failures follow it. */
  failOn?: FailOn;
}

export type Formatter = (reports: readonly FileReport[], context: FormatContext) => string;

/** The id of clausier's rule for records that cannot be judged. */
export const INPUT_RULE = 'clausier/input';

/** The id of clausier's rule for waivers to review. */
export const WAIVER_RULE = 'clausier/waiver';

/**
 * The path of a checked file as CI tools see it: relative to the working directory (the
 * repository's root, where CI runs clausier), with forward slashes; absolute when it is outside.
 */
export function repositoryPath(file: string, cwd: string = process.cwd()): string {
  if (file === STDIN) return file;
  const absolute = resolve(cwd, file);
  const rel = relative(cwd, absolute);
  const outside = rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return (outside ? absolute : rel).split(sep).join('/');
}
