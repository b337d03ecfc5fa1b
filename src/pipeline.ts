/**
 * Checking a record, end to end: load (text, YAML, schema, exact values), measure, evaluate with
 * the rule pack of its template, locate every finding in the file. Each step takes the previous
 * step's output; nothing here prints or exits.
 */
import { resolve } from 'node:path';
import { formatDay, parseCalendarDate, type Day } from './base/calendar.js';
import { UsageError } from './base/errors.js';
import { recordAsOf } from './facts/as-of.js';
import { deriveFacts, type Facts } from './facts/derive.js';
import { inLanguage } from './words/messages.js';
import {
  loadRecordBytes,
  loadRecordFile,
  type LoadedRecord,
  type LoadOptions,
} from './load/index.js';
import { PackEvaluator, type RuleFinding } from './rules/evaluate.js';
import type { FileReport, Finding, Location, Status } from './model/finding.js';
import type { ProgrammeRecord } from './model/programme.js';
import type { TraceNode } from './model/trace.js';
import { loadRulePack } from './rules/pack/load.js';
import { builtInPacks, builtInPacksDir } from './rules/pack/root.js';
import type { LoadedRule, RulePack } from './rules/pack/types.js';
import { DEFAULT_LANGUAGE, formatDate, type Language } from './base/language.js';

export interface CheckOptions extends LoadOptions {
  /** Evaluate as of this date (YYYY-MM-DD), over the record's own asOf. */
  asOf?: string;
  /** A rule pack folder, instead of the built-in pack of the record's template. */
  rules?: string;
  /** A rule pack already loaded (loadRulePack), instead of a folder. */
  pack?: RulePack;
  /** The language of messages (default French). */
  language?: Language;
  /** Today, for records with no asOf (default: today's date in Paris). */
  today?: () => string;
  /**
   * Give findings their trace (`Finding.trace`): every finding (`true`, what `--why` shows), or
   * only those still open (`open`: breaches, undetermined and pending ones, as the HTML report
   * shows them).
   */
  trace?: boolean | 'open';
}

/** Today's date in Paris, where the convention is performed, whatever the machine's time zone. */
export function todayInParis(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Reads a date given on the command line or to the API. */
export function parseAsOf(value: string): Day {
  const parsed = parseCalendarDate(value);
  if (!parsed.ok) throw new UsageError(`--as-of: ${parsed.problem}`);
  return parsed.value;
}

/** Loads and keeps rule packs and their evaluators, by folder. */
export class PackRegistry {
  private readonly packs = new Map<string, { pack: RulePack; evaluator: PackEvaluator }>();

  private readonly evaluators = new WeakMap<RulePack, PackEvaluator>();

  /** A pack loaded by the caller, with its evaluator. */
  forPack(pack: RulePack): { pack: RulePack; evaluator: PackEvaluator } {
    let evaluator = this.evaluators.get(pack);
    if (!evaluator) {
      evaluator = new PackEvaluator(pack);
      this.evaluators.set(pack, evaluator);
    }
    return { pack, evaluator };
  }

  /** The packs loaded so far, by id. */
  loaded(): Map<string, RulePack> {
    return new Map([...this.packs.values()].map(({ pack }) => [pack.id, pack]));
  }

  get(dir: string): { pack: RulePack; evaluator: PackEvaluator } {
    const key = resolve(dir);
    let entry = this.packs.get(key);
    if (!entry) {
      const pack = loadRulePack(key);
      entry = { pack, evaluator: new PackEvaluator(pack) };
      this.packs.set(key, entry);
    }
    return entry;
  }
}

const defaultRegistry = new PackRegistry();

/** The statuses of findings still open: what `trace: 'open'` traces. */
const OPEN_STATUSES: ReadonlySet<Status> = new Set(['breach', 'undetermined', 'pending']);

const NOT_YET: Record<Language, (date: string, asOf: string) => string> = {
  fr: (date, asOf) => `Daté du ${date}, après la date d’évaluation (${asOf}) : non pris en compte.`,
  en: (date, asOf) => `Dated ${date}, after the evaluation date (${asOf}): not counted.`,
};

/** A checked record with what it was judged on: for views that show more than the findings. */
export interface Inspection {
  loaded: LoadedRecord;
  report: FileReport;
  /** The measured facts (absent when the record has input errors). */
  facts?: Facts;
  /** The rule pack that judged it (absent when the record has input errors). */
  pack?: RulePack;
  /**
   * The pointer, in the file, of a pointer into the record as it stood on the evaluation date
   * (which the facts' items point into); absent when the record has input errors.
   */
  inFile?: (pointer: string) => string;
}

/** Checks a loaded record. Rule-pack problems throw a RulePackError; input problems are reported. */
export async function checkLoaded(
  loaded: LoadedRecord,
  options: CheckOptions = {},
  registry: PackRegistry = defaultRegistry,
): Promise<FileReport> {
  return (await inspectLoaded(loaded, options, registry)).report;
}

/** Checks a loaded record, and keeps the facts and the pack it was judged with. */
export async function inspectLoaded(
  loaded: LoadedRecord,
  options: CheckOptions = {},
  registry: PackRegistry = defaultRegistry,
): Promise<Inspection> {
  const language = options.language ?? DEFAULT_LANGUAGE;
  const report: FileReport = {
    file: loaded.file,
    errors: loaded.problems.map((p) => ({ ...p, message: inLanguage(p.message, language) })),
    findings: [],
    verdict: 'invalid',
  };
  const record = loaded.record;
  if (!record) return { loaded, report };
  const chosen = choosePack(record.convention.template, options, registry);
  if (typeof chosen === 'string') {
    const at = loaded.locate('/convention/template');
    const message = inLanguage(chosen, language);
    report.errors.push({
      message,
      line: at.line,
      column: at.column,
      pointer: '/convention/template',
    });
    return { loaded, report };
  }
  const { pack, evaluator } = chosen;
  const asOf = evaluationDate(record, options);
  // The record as it stood on the evaluation date: what is dated after it is not counted.
  const stood = recordAsOf(record, asOf);
  const facts = deriveFacts(stood.record, pack.parameters, pack.derived, asOf);
  const ruleFindings = await evaluator.evaluate(facts);
  const rules = rulesOf(pack);
  const traced = (status: Status): boolean =>
    options.trace === true || (options.trace === 'open' && OPEN_STATUSES.has(status));
  const place = { loaded, inFile: stood.original, language };
  report.findings = ruleFindings.map((finding) =>
    locateFinding(finding, rules.get(finding.rule)!, place, traced(finding.status)),
  );
  report.asOf = formatDay(asOf);
  report.pack = pack.id;
  report.money = facts.money;
  report.notices = stood.notYet.map(({ pointer, date }) => {
    const at = loaded.locate(pointer);
    return {
      kind: 'after-evaluation-date',
      message: NOT_YET[language](formatDate(date, language), formatDate(report.asOf!, language)),
      pointer,
      line: at.line,
      column: at.column,
    };
  });
  // The verdict is on the convention's obligations; checks of the record are counted apart.
  report.verdict = report.findings.some((f) => f.status === 'breach' && f.kind === 'obligation')
    ? 'breach'
    : 'compliant';
  return { loaded, report, facts, pack, inFile: stood.original };
}

/**
 * The pack that judges a record of this template: the one given, else the built-in pack of the
 * template; or, when there is none or it is another template's, what is wrong (in English).
 */
function choosePack(
  template: string,
  options: CheckOptions,
  registry: PackRegistry,
): { pack: RulePack; evaluator: PackEvaluator } | string {
  let chosen: { pack: RulePack; evaluator: PackEvaluator };
  if (options.pack !== undefined) chosen = registry.forPack(options.pack);
  else if (options.rules !== undefined) chosen = registry.get(options.rules);
  else {
    const known = builtInPacks();
    if (!known.includes(template))
      return `convention.template: '${template}' has no rule pack (known: ${known.join(', ')}; or give one with --rules)`;
    chosen = registry.get(resolve(builtInPacksDir(), template));
  }
  if (template !== chosen.pack.id)
    return `convention.template: '${template}' is not the template of the rule pack given ('${chosen.pack.id}')`;
  return chosen;
}

/** The evaluation date: the one given, else the record's asOf, else today in Paris. */
function evaluationDate(record: ProgrammeRecord, options: CheckOptions): Day {
  if (options.asOf !== undefined) return parseAsOf(options.asOf);
  if (record.asOf !== undefined) return parseAsOf(record.asOf);
  return parseAsOf((options.today ?? todayInParis)());
}

/** A rule of a pack with the citation of its clauses, as findings print it. */
interface CitedRule {
  rule: LoadedRule;
  cite: string;
}

/** The rules of a pack by id, each with its citation: made once per pack, not per record. */
function rulesOf(pack: RulePack): ReadonlyMap<string, CitedRule> {
  let rules = CITED.get(pack);
  if (!rules) {
    rules = new Map(
      pack.rules.map((rule) => [
        rule.id,
        { rule, cite: rule.clauses.map((id) => pack.clause(id)?.cite ?? id).join(' ; ') },
      ]),
    );
    CITED.set(pack, rules);
  }
  return rules;
}
const CITED = new WeakMap<RulePack, ReadonlyMap<string, CitedRule>>();

/** A rule's finding placed in the record's file, in the report's language. */
function locateFinding(
  finding: RuleFinding,
  { rule, cite }: CitedRule,
  place: {
    loaded: LoadedRecord;
    inFile: (pointer: string) => string;
    language: Language;
  },
  traced: boolean,
): Finding {
  const { loaded, inFile, language } = place;
  // Pointers into the record as it stood are turned into pointers into the file.
  const locations = finding.pointers.map((pointer): Location => {
    const placed = inFile(pointer);
    const at = loaded.locate(placed);
    return { pointer: placed, line: at.line, column: at.column };
  });
  const located: Finding = {
    rule: finding.rule,
    status: finding.status,
    severity: finding.severity,
    kind: rule.kind ?? 'obligation',
    message: finding.text[language],
    clauses: rule.clauses,
    locations,
    title: rule.title[language],
    cite,
    obligor: rule.obligor,
  };
  // Optional fields set one by one, in this order (a record has some thirty findings).
  if (finding.case !== undefined) located.case = finding.case;
  if (finding.missing !== undefined) located.missing = finding.missing.map(inFile);
  if (finding.count !== undefined) located.count = finding.count;
  if (finding.item !== undefined) located.item = finding.item;
  if (finding.due !== undefined) located.due = finding.due;
  if (finding.performed !== undefined) located.performed = finding.performed;
  if (finding.daysLate !== undefined) located.daysLate = finding.daysLate;
  if (traced) located.trace = locateTrace(finding.explain(), loaded, inFile);
  return located;
}

/** Checks a record file on disk, keeping the facts and the pack it was judged with. */
export async function inspectFile(
  path: string,
  options: CheckOptions = {},
  registry?: PackRegistry,
): Promise<Inspection> {
  return inspectLoaded(loadRecordFile(path, options), options, registry);
}

/** Checks a record file on disk. */
export async function checkFile(
  path: string,
  options: CheckOptions = {},
  registry?: PackRegistry,
): Promise<FileReport> {
  return checkLoaded(loadRecordFile(path, options), options, registry);
}

/**
 * Checks one programme record, given by its path or by its content (YAML text or bytes, with a
 * name for the report). Rule packs are loaded once and kept for the next calls.
 */
export async function checkRecord(
  record: { path: string } | { content: string | Uint8Array; name?: string },
  options: CheckOptions = {},
): Promise<FileReport> {
  if ('path' in record) return checkFile(record.path, options);
  return checkSource(record.content, record.name ?? '<record>', options);
}

/** Checks a record given as text or bytes; `file` names it in the report. */
export async function checkSource(
  source: string | Uint8Array,
  file: string,
  options: CheckOptions = {},
  registry?: PackRegistry,
): Promise<FileReport> {
  const bytes = typeof source === 'string' ? new TextEncoder().encode(source) : source;
  return checkLoaded(loadRecordBytes(bytes, file, options), options, registry);
}

/** A trace whose record values point into the file, with their lines and columns. */
function locateTrace(
  node: TraceNode,
  loaded: LoadedRecord,
  inFile: (pointer: string) => string,
): TraceNode {
  const out: TraceNode = { ...node };
  if (node.pointer !== undefined) {
    const pointer = inFile(node.pointer);
    const at = loaded.locate(pointer);
    out.pointer = pointer;
    // A value the record does not write has no line.
    if (at.found === pointer) {
      out.line = at.line;
      out.column = at.column;
    }
  }
  if (node.items)
    out.items = node.items.map((item) => {
      const pointer = inFile(item.pointer);
      const at = loaded.locate(pointer);
      return { pointer, line: at.line, column: at.column };
    });
  if (node.inputs) out.inputs = node.inputs.map((input) => locateTrace(input, loaded, inFile));
  return out;
}
