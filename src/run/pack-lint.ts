/**
 * `clausier lint` of a rule pack, whole: what loading refuses, the pack's own checks
 * (./rules/lint.ts: the text, the quotes, the coverage of the clauses), its cases' coverage of
 * its rules (./cases.ts), and what its rules do not use (./rules/usage.ts) or do over records.
 *
 * A rule pack is data, and nothing proves a condition can hold or fail: the rules are evaluated
 * over records — the pack's cases and seeded records of bench/generate.mjs, the same every run —
 * and a rule that none of them breaches, or all of them, or that breaches on exactly the records
 * another breaches on, is said with the evidence (how many records were tried). Those are
 * warnings: the records may not cover what the rule is about, and the fix is then a case.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { generateRecord, optionsForSize } from '../../bench/generate.mjs';
import { caseCoverageProblems, packCases, templateIn } from '../rules/cases.js';
import { checkFile, checkSource, PackRegistry } from '../pipeline.js';
import type { InputProblem } from '../base/errors.js';
import { DEFAULT_MAX_BYTES } from '../load/index.js';
import { lintPack } from '../rules/lint.js';
import { isOwnFile, locateFact } from '../rules/pack/files.js';
import { loadRulePack } from '../rules/pack/load.js';
import {
  RulePackError,
  type LoadedRule,
  type PackProblem,
  type RulePack,
} from '../rules/pack/types.js';
import { packUsage } from '../rules/usage.js';

/** A problem of a pack, for its authors: an error (the pack is wrong) or a warning (it may be). */
export interface LintProblem extends PackProblem {
  severity: 'error' | 'warning';
}

/** A record to evaluate the rules over: a file, or a text with a name. */
export type LintRecord = ({ file: string } | { name: string; text: string }) & {
  /** Where it comes from, for the evidence a warning gives. */
  origin: 'case' | 'given' | 'generated';
};

/** How many generated records `clausier lint` adds to the cases by default. */
export const GENERATED_RECORDS = 20;

export interface LintOptions {
  /**
   * The records the rules are evaluated over, instead of the pack's cases (the cases are read
   * from the pack's cases folder when this is left out).
   */
  records?: readonly LintRecord[];
  /** How many generated records to add (default GENERATED_RECORDS): seeds 1 to n. */
  generated?: number;
}

export interface PackLint {
  /** The pack's id, or the folder when it cannot be loaded. */
  id: string;
  problems: LintProblem[];
  /** How many records the rules were evaluated over (those that could be judged). */
  tried: number;
  /** The records that could not be judged, with their first input error. */
  unjudged: { name: string; error: InputProblem }[];
}

/**
 * Seeded records of bench/generate.mjs, for a pack: records of a programme of about 10 KiB,
 * half of them compliant and half with breaches drawn at random, named for the pack's template.
 */
export function generatedRecords(pack: RulePack, count: number): LintRecord[] {
  const out: LintRecord[] = [];
  for (let seed = 1; seed <= count; seed++) {
    const text = generateRecord({
      ...optionsForSize(10_000, seed),
      breaches: seed % 2 === 0 ? 0.5 : 0,
    }).replace(/^ {2}template: .*$/m, `  template: ${pack.id}`);
    out.push({ name: `generated record ${seed}`, text, origin: 'generated' });
  }
  return out;
}

/** Lints the pack in a folder; a pack that does not load has the problems that refuse it. */
export async function lintRulePack(dir: string, options: LintOptions = {}): Promise<PackLint> {
  let pack: RulePack;
  try {
    pack = loadRulePack(dir);
  } catch (error) {
    if (!(error instanceof RulePackError)) throw error;
    return {
      id: relative(process.cwd(), dir) || dir,
      problems: error.problems.map((p) => ({ ...p, severity: 'error' })),
      tried: 0,
      unjudged: [],
    };
  }
  const cases = packCases(pack);
  const coverage = caseCoverageProblems(pack, cases).map((p) =>
    at(ruleOf(pack, p.rule), p.pointer, p.message),
  );
  // A record given that names another template is another pack's: not tried (as cases are).
  const given = options.records?.filter((r) => {
    const template = templateIn('file' in r ? (readWithinLimit(r.file) ?? '') : r.text);
    return template === undefined || template === pack.id;
  });
  const records = [
    ...(given ?? cases.map((c): LintRecord => ({ file: c.file, origin: 'case' }))),
    ...generatedRecords(pack, options.generated ?? GENERATED_RECORDS),
  ];
  const evaluated = await breachesOver(pack, records);
  return {
    id: pack.id,
    problems: [
      ...[...lintPack(pack), ...coverage].map((p): LintProblem => ({ ...p, severity: 'error' })),
      ...unusedProblems(pack),
      ...evaluationProblems(pack, evaluated),
    ],
    tried: evaluated.tried.length,
    unjudged: evaluated.unjudged,
  };
}

/** A file's text, unless it cannot be read or is over the size limit of records (checking it says why). */
function readWithinLimit(file: string): string | undefined {
  try {
    return statSync(file).size > DEFAULT_MAX_BYTES ? undefined : readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

const ruleOf = (pack: RulePack, id: string): LoadedRule => pack.rules.find((r) => r.id === id)!;

function at(rule: LoadedRule, pointer: string, message: string, atKey = false): PackProblem {
  return { file: rule.source.path, ...rule.source.locate(pointer, atKey), message };
}

/** What the pack's own files derive or set that no rule uses, directly or through derived facts. */
export function unusedProblems(pack: RulePack): LintProblem[] {
  const usage = packUsage(pack);
  const problems: LintProblem[] = [];
  for (const entry of usage.facts) {
    const place = locateFact(pack, entry.key, entry.pointer, true);
    if (!isOwnFile(pack, place.file)) continue;
    const what =
      entry.kind === 'collection'
        ? `the collection ${entry.name}`
        : `the derived fact ${entry.name}`;
    problems.push({
      ...place,
      severity: 'warning',
      message: `no rule uses ${what}, directly or through other derived facts (if clausier's reports show it, say shown: true)`,
    });
  }
  for (const name of usage.parameters) {
    const parameter = pack.parameters[name]!;
    if (!isOwnFile(pack, parameter.source.path)) continue;
    const listing = pack.rules.filter((r) => (r.parameters ?? []).includes(name)).map((r) => r.id);
    const listed =
      listing.length > 0
        ? `; ${listing.join(', ')} list${listing.length > 1 ? '' : 's'} it under parameters: but do${listing.length > 1 ? '' : 'es'} not read it`
        : '';
    problems.push({
      file: parameter.source.path,
      ...parameter.source.locate(`/parameters/${name}`, true),
      severity: 'warning',
      message: `no rule uses the parameter ${name}, directly or through derived facts${listed}`,
    });
  }
  // In the order they are written.
  return problems.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** Which rules breach on which of the records tried. */
interface Evaluated {
  tried: LintRecord[];
  unjudged: { name: string; error: InputProblem }[];
  /** For each rule, the indexes (in `tried`) of the records it breaches on. */
  breaches: Map<string, number[]>;
}

async function breachesOver(pack: RulePack, records: readonly LintRecord[]): Promise<Evaluated> {
  const registry = new PackRegistry();
  const tried: LintRecord[] = [];
  const unjudged: Evaluated['unjudged'] = [];
  const breaches = new Map<string, number[]>(pack.rules.map((r) => [r.id, []]));
  for (const record of records) {
    const options = { pack, language: 'en' } as const;
    const report =
      'file' in record
        ? await checkFile(record.file, options, registry)
        : await checkSource(record.text, record.name, options, registry);
    if (report.errors.length > 0) {
      unjudged.push({ name: report.file, error: report.errors[0]! });
      continue;
    }
    const index = tried.length;
    tried.push(record);
    for (const rule of new Set(
      report.findings.filter((f) => f.status === 'breach').map((f) => f.rule),
    ))
      breaches.get(rule)?.push(index);
  }
  return { tried, unjudged, breaches };
}

/** The records tried, in words: how many, and of what origin. */
function evidence(tried: readonly LintRecord[]): string {
  const count = (origin: LintRecord['origin']): number =>
    tried.filter((r) => r.origin === origin).length;
  return `${tried.length}: cases ${count('case')}, given ${count('given')}, generated ${count('generated')}`;
}

/**
 * The pack's own rules that breach on none of the records tried, or on all of them, and those
 * that breach on exactly the records another breaches on (said at the later of the two).
 */
export function evaluationProblems(
  pack: RulePack,
  evaluated: { tried: readonly LintRecord[]; breaches: ReadonlyMap<string, readonly number[]> },
): LintProblem[] {
  const n = evaluated.tried.length;
  if (n === 0) return [];
  const tried = evidence(evaluated.tried);
  const problems: LintProblem[] = [];
  const warn = (rule: LoadedRule, message: string): void => {
    problems.push({ ...at(rule, '/breaches', message, true), severity: 'warning' });
  };
  const first = new Map<string, LoadedRule>();
  for (const rule of pack.rules) {
    if (!isOwnFile(pack, rule.source.path)) continue;
    const on = evaluated.breaches.get(rule.id) ?? [];
    if (on.length === 0)
      warn(
        rule,
        `${rule.id} breaches on none of the records tried (${tried}): its breach conditions may never hold; if they can, add a case that breaches it`,
      );
    else if (on.length === n)
      warn(
        rule,
        `${rule.id} breaches on every record tried (${tried}): its breach conditions may always hold; if they need not, add a case that satisfies it`,
      );
    else {
      const key = on.join(',');
      const same = first.get(key);
      if (same === undefined) first.set(key, rule);
      else
        warn(
          rule,
          `${rule.id} breaches on exactly the records tried ${same.id} breaches on (${on.length} of ${tried}): if they are not one obligation written twice, add a case that breaches one and not the other`,
        );
    }
  }
  return problems;
}
