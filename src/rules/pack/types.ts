/**
 * The shapes of a loaded rule pack: the pack as rules, reports and views use it (RulePack), its
 * rules, parameters and files with their positions, the parts read from its folder before they
 * are checked (PackParts), and the error that refuses a pack with every problem found in it.
 */
import { FileProblemsError, type FileProblem } from '../../base/errors.js';
import type { PackFacts } from '../../facts/derive.js';
import type { LoadedParameter } from '../../facts/params.js';
import type { FactModel } from '../../facts/spec.js';
import type {
  ClauseUnit,
  FactsFile,
  Localized,
  NamedCondition,
  PackFile,
  Parameter,
  RuleFile,
} from '../../model/pack.js';

/** A problem in a rule pack, where it is. */
export type PackProblem = FileProblem;

/** A rule pack that cannot be used, with every problem found in it. */
export class RulePackError extends FileProblemsError {
  override readonly name = 'RulePackError';
  constructor(problems: PackProblem[]) {
    super('the rule pack', problems);
  }
}

/** A file of the pack with its positions, to point at a place in it. */
export interface PackSourceFile {
  path: string;
  text: string;
  /** Where a pointer is written: its value, or its key with `atKey`. */
  locate(pointer: string, atKey?: boolean): { line: number; column: number };
}

export interface LoadedRule extends RuleFile {
  /** The rule file. */
  source: PackSourceFile;
}

export interface PackParameter extends LoadedParameter {
  definition: Parameter;
  source: PackSourceFile;
}

export interface RulePack {
  id: string;
  title: Localized;
  convention: Localized;
  /** The folder of the pack. */
  dir: string;
  /** The folder of its cases, if it has one. */
  casesDir?: string;
  /** The convention's text, as signed. */
  sourceText: string;
  clauses: ClauseUnit[];
  clause(id: string): ClauseUnit | undefined;
  parameters: Record<string, PackParameter>;
  conditions: Record<string, NamedCondition>;
  rules: LoadedRule[];
  /** What the pack derives from a record (its facts.yaml, joined with those it extends). */
  facts: FactsFile;
  /** Where each entry of `facts` is written (see PackParts), for problems located in it. */
  factSources: Record<string, PackSourceFile>;
  /** The facts rules may use with this pack: the record's and those it derives. */
  model: FactModel;
  /** The derived facts, compiled. */
  derived: PackFacts;
  /** Every file the pack was read from, for cache keys and for `lint`. */
  files: PackSourceFile[];
  /** A hash of the contents of every file the pack was read from: it changes when any does. */
  fingerprint: string;
  /**
   * What the conditions over each collection say, worked out on the pack's cases when its
   * snapshot was made (see CollectionAnswers); none for a pack read from its files.
   */
  answers?: Record<string, CollectionAnswers>;
}

/**
 * What the conditions over one collection say, as json-rules-engine worked it out when the pack's
 * snapshot was made: for each set of truths of their comparisons the pack's cases met, whether
 * each condition holds. A condition's result depends on those truths alone, so a check that
 * meets them again need not run the engine. They serve only the very conditions they were
 * worked out for, in the same order (`conditions`).
 */
export interface CollectionAnswers {
  /** The conditions, as JSON, one a line, in the order the answers give them. */
  conditions: string;
  /** [the truths of the comparisons (ConditionEvaluator.outcomeKey), a 1 or 0 per condition]. */
  answers: [number | string, string][];
}

/** A pack as read from its folder (and those it extends), before its references are checked. */
export interface PackParts {
  facts: FactsFile;
  /** The file each entry of facts.yaml comes from, by `facts/<name>`, `fields/<collection>/<field>`... */
  factSources: Record<string, PackSourceFile>;
  pack: PackFile;
  dir: string;
  casesDir?: string;
  sourceText: string;
  clauses: ClauseUnit[];
  parameters: Record<string, PackParameter>;
  conditions: Record<string, NamedCondition>;
  conditionSources: Record<string, PackSourceFile>;
  rules: Map<string, LoadedRule>;
  files: PackSourceFile[];
}
