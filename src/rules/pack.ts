/**
 * Loading a rule pack (`rules/<pack>/`): its files are read with their positions, validated
 * against their generated schemas, and every reference in them checked: clauses, parameters,
 * facts and their fields, operators and their types, named conditions (without cycles),
 * placeholders of messages. A pack with any problem is refused as a whole, each problem named
 * with its file, line and column: a rule pack is data, never executed, and a broken one never
 * judges a record.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCalendarDate, parsePeriod } from '../base/calendar.js';
import { FileProblemsError, type FileProblem } from '../base/errors.js';
import { ownEntry, specAt, type FactSpec, type FactType } from '../facts/spec.js';
import { accountParam, type LoadedParameter, type ParamValue } from '../facts/params.js';
import {
  validateClauses,
  validateConditions,
  validateFacts,
  validatePack,
  validateParameters,
  validateRule,
} from '../generated/rule-pack-validators.js';
import { compileFacts, factModel, type PackFacts } from '../facts/derive.js';
import { checkFacts } from './facts-check.js';
import type { FactModel } from '../facts/spec.js';
import { parseEuros } from '../base/money.js';
import { DEFAULT_MAX_BYTES } from '../load/index.js';
import { programmeSchema, type RootSchema } from '../load/schema.js';
import { decodeText } from '../load/text.js';
import { validateWith } from '../load/validate.js';
import { parseYaml } from '../load/yaml/parse.js';
import type { SourcePositions } from '../load/yaml/positions.js';
import clausesSchema from '../../schemas/clauses.schema.json' with { type: 'json' };
import conditionsSchema from '../../schemas/conditions.schema.json' with { type: 'json' };
import factsSchema from '../../schemas/facts.schema.json' with { type: 'json' };
import packSchema from '../../schemas/pack.schema.json' with { type: 'json' };
import parametersSchema from '../../schemas/parameters.schema.json' with { type: 'json' };
import ruleSchema from '../../schemas/rule.schema.json' with { type: 'json' };
import { acceptsType, operatorSpec, refusedOperator } from '../facts/operators.js';
import { packFingerprint, restorePack, sha256 } from './snapshot.js';
import { parseTemplate, FORMATS } from './template.js';
import type { Condition } from '../model/expressions.js';
import type {
  AccountValue,
  ClausesFile,
  ClauseUnit,
  ConditionsFile,
  FactsFile,
  Localized,
  NamedCondition,
  PackFile,
  Parameter,
  ParametersFile,
  RuleFile,
} from '../model/pack.js';

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
}

/** The folder of clausier's own package (where `rules/` and `schemas/` are). */
let knownRoot: string | undefined;

export function packageRoot(): string {
  if (knownRoot !== undefined) return knownRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(join(dir, 'rules'))) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'clausier') {
          knownRoot = dir;
          return dir;
        }
      } catch {
        // not ours: keep looking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('clausier cannot find its own rules/ folder');
    dir = parent;
  }
}

/** The folder of the built-in packs. */
export function builtInPacksDir(): string {
  return join(packageRoot(), 'rules');
}

/** The ids of the built-in packs. */
export function builtInPacks(): string[] {
  const dir = builtInPacksDir();
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'pack.yaml')))
    .map((e) => e.name)
    .sort();
}

const RULE_FILE = /^[A-Z0-9]+(-[A-Z0-9]+)+\.yaml$/;

/**
 * A table of names without prototype, with the entries of another: it holds only what the pack
 * declares, so that `constructor` or `toString` finds nothing in it.
 */
function table<T>(entries: Readonly<Record<string, T>> = {}): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

interface PackParts {
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

/** Loads a pack from its folder, or throws a RulePackError listing every problem. */
export function loadRulePack(dir: string): RulePack {
  const absolute = resolve(dir);
  const snapshot = snapshotPath(absolute);
  if (snapshot !== undefined) {
    const restored = restorePack(absolute, snapshot);
    if (restored) return restored;
  }
  return readRulePack(absolute);
}

/** Where the build keeps the snapshot of a built-in pack (see ./snapshot.ts). */
function snapshotPath(dir: string): string | undefined {
  const root = packageRoot();
  if (dirname(dir) !== join(root, 'rules')) return undefined;
  return join(root, 'dist', 'packs', `${basename(dir)}.json`);
}

/**
 * What a pack is read from, without checking it: the folders of the pack and of the packs it
 * extends, and in them every file it reads — every `.yaml` file of the folder (each is a part
 * of the pack, or refused as one), the convention's text, the build's snapshot. A file written
 * there would change the pack or break it: `check --output` refuses them all.
 */
export function packInputs(
  dir: string,
  seen = new Set<string>(),
): { folders: string[]; files: string[] } {
  const folder = resolve(dir);
  if (seen.has(folder)) return { folders: [], files: [] };
  seen.add(folder);
  const files: string[] = [];
  try {
    for (const entry of readdirSync(folder))
      if (entry.endsWith('.yaml')) files.push(join(folder, entry));
  } catch {
    return { folders: [folder], files };
  }
  const snapshot = snapshotPath(folder);
  if (snapshot !== undefined) files.push(snapshot);
  // Its text and the pack it extends, as pack.yaml names them: a pack.yaml that cannot be read
  // names none, and the pack is refused when it is loaded.
  const read = readPackFile(join(folder, 'pack.yaml'));
  const decoded = 'bytes' in read ? decodeText(read.bytes) : undefined;
  const pack = decoded?.ok ? parseYaml(decoded.text).value : undefined;
  const { source, extends: base } = (pack ?? {}) as { source?: unknown; extends?: unknown };
  if (typeof source === 'string') files.push(join(folder, source));
  const extended =
    typeof base === 'string' ? packInputs(resolve(folder, base), seen) : { folders: [], files: [] };
  return { folders: [folder, ...extended.folders], files: [...files, ...extended.files] };
}

/** Loads a pack from its files, checking everything, or throws a RulePackError. */
export function readRulePack(dir: string): RulePack {
  const problems: PackProblem[] = [];
  const parts = readPack(resolve(dir), problems, new Set());
  if (parts) checkReferences(parts, problems);
  if (problems.length > 0 || !parts) {
    problems.sort(
      (a, b) =>
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
    );
    throw new RulePackError(problems);
  }
  const byId = new Map(parts.clauses.map((c) => [c.id, c]));
  return {
    id: parts.pack.id,
    title: parts.pack.title,
    convention: parts.pack.convention,
    dir: parts.dir,
    ...(parts.casesDir !== undefined && { casesDir: parts.casesDir }),
    sourceText: parts.sourceText,
    clauses: parts.clauses,
    clause: (id) => byId.get(id),
    parameters: parts.parameters,
    conditions: parts.conditions,
    rules: [...parts.rules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    facts: parts.facts,
    factSources: parts.factSources,
    model: factModel(parts.facts),
    derived: compileFacts(parts.facts, parts.conditions),
    files: parts.files,
    fingerprint: packFingerprint(
      parts.files.map((f) => ({
        path: relative(parts.dir, resolve(f.path)),
        sha256: sha256(f.text),
      })),
    ),
  };
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

/** Reads one YAML file of a pack with its positions; schema problems are added to `problems`. */
function readYaml<T>(
  path: string,
  validate: Parameters<typeof validateWith>[0],
  schema: unknown,
  problems: PackProblem[],
): { value: T; file: PackSourceFile; positions: SourcePositions; root: unknown } | undefined {
  const name = displayPath(path);
  const read = readPackFile(path);
  if ('problem' in read) {
    problems.push({ file: name, line: 1, column: 1, message: read.problem });
    return undefined;
  }
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) {
    problems.push({
      file: name,
      line: decoded.problem.line,
      column: decoded.problem.column,
      message: decoded.problem.message,
    });
    return undefined;
  }
  const parsed = parseYaml(decoded.text);
  for (const p of parsed.problems)
    problems.push({ file: name, line: p.line, column: p.column, message: p.message });
  if (parsed.value === undefined || parsed.problems.length > 0) return undefined;
  const root = parsed.value;
  const positions = parsed.positions;
  const file: PackSourceFile = {
    path: name,
    text: decoded.text,
    locate: (pointer, atKey) => positions.place(root, pointer, atKey),
  };
  const schemaProblems = validateWith(validate, schema as RootSchema, root, (p) =>
    positions.sourceText(root, p),
  );
  for (const p of schemaProblems) {
    problems.push({ file: name, ...positions.place(root, p.pointer, p.atKey), message: p.message });
  }
  if (schemaProblems.length > 0) return undefined;
  return { value: root as T, file, positions, root };
}

/**
 * The bytes of a file of a pack: a regular file within the size limit of records, never a
 * device or a pipe that would be read without end. With `inside`, the file must also be in that
 * folder once links are followed: a pack from a pull request reads no other file of the machine.
 */
function readPackFile(path: string, inside?: string): { bytes: Buffer } | { problem: string } {
  try {
    if (inside !== undefined) {
      const where = relative(realpathSync(inside), realpathSync(path));
      if (where === '' || where.split(sep)[0] === '..' || isAbsolute(where)) {
        const folder = displayPath(inside);
        return { problem: `it is not in the pack's folder (expected a file of ${folder})` };
      }
    }
    const stats = statSync(path);
    if (!stats.isFile()) {
      const expected = 'expected a text file, not a folder, device or pipe';
      return { problem: `it is not a regular file (${expected})` };
    }
    if (stats.size > DEFAULT_MAX_BYTES) {
      const limit = DEFAULT_MAX_BYTES / (1024 * 1024);
      return { problem: `the file is over the size limit of ${limit} MiB` };
    }
    return { bytes: readFileSync(path) };
  } catch {
    return { problem: 'it cannot be read' };
  }
}

/**
 * Whether a file a pack was read from is its own, not one of a pack it extends: lint and the
 * cases' coverage judge a pack on what it writes itself.
 */
export function isOwnFile(pack: Pick<RulePack, 'dir'>, path: string): boolean {
  return resolve(path).startsWith(pack.dir + sep);
}

/**
 * Where an entry of facts.yaml is written: `key` names the entry (`facts/<name>`,
 * `fields/<collection>/<field>`, `collections/<name>`: see PackParts), `pointer` the place in it.
 */
export function locateFact(
  pack: Pick<RulePack, 'factSources' | 'dir'>,
  key: string,
  pointer: string,
  atKey = false,
): { file: string; line: number; column: number } {
  const file = ownEntry(pack.factSources, key);
  return file
    ? { file: file.path, ...file.locate(pointer, atKey) }
    : { file: displayPath(join(pack.dir, 'facts.yaml')), line: 1, column: 1 };
}

function at(file: PackSourceFile, pointer: string, message: string, atKey = false): PackProblem {
  return { file: file.path, ...file.locate(pointer, atKey), message };
}

function readPack(dir: string, problems: PackProblem[], seen: Set<string>): PackParts | undefined {
  const packFile = readYaml<PackFile>(join(dir, 'pack.yaml'), validatePack, packSchema, problems);
  if (!packFile) return undefined;
  if (seen.has(dir)) {
    problems.push(at(packFile.file, '/extends', 'the packs extend each other in a cycle'));
    return undefined;
  }
  seen.add(dir);
  const pack = packFile.value;
  const base =
    pack.extends === undefined ? undefined : readPack(resolve(dir, pack.extends), problems, seen);
  if (pack.extends !== undefined && !base) {
    problems.push(
      at(packFile.file, '/extends', `the pack it extends (${pack.extends}) cannot be loaded`),
    );
    return undefined;
  }
  const files: PackSourceFile[] = [...(base?.files ?? []), packFile.file];

  let sourceText = base?.sourceText ?? '';
  const sourcePath = join(dir, pack.source);
  if (existsSync(sourcePath)) {
    const read = readPackFile(sourcePath, dir);
    if ('problem' in read) {
      const message = `the convention's text ${pack.source}: ${read.problem}`;
      problems.push(at(packFile.file, '/source', message));
    } else {
      sourceText = read.bytes.toString('utf8');
      // The signed text is part of what the pack is made of: its snapshot and fingerprint follow it.
      const text = sourceText;
      files.push({ path: displayPath(sourcePath), text, locate: () => ({ line: 1, column: 1 }) });
    }
  } else if (!base)
    problems.push(
      at(packFile.file, '/source', `the convention's text ${pack.source} is not in the pack`),
    );

  let clauses = base?.clauses ?? [];
  const clausesPath = join(dir, 'clauses.yaml');
  if (existsSync(clausesPath)) {
    const read = readYaml<ClausesFile>(clausesPath, validateClauses, clausesSchema, problems);
    if (read) {
      files.push(read.file);
      clauses = read.value.units.map((u) => ({ ...u }));
      const first = new Map<string, number>();
      read.value.units.forEach((unit, index) => {
        if (first.has(unit.id))
          problems.push(
            at(read.file, `/units/${index}/id`, `the clause id ${unit.id} is used twice`),
          );
        else first.set(unit.id, index);
      });
    }
  } else if (!base)
    problems.push({
      file: displayPath(clausesPath),
      line: 1,
      column: 1,
      message: 'the pack has no clauses.yaml',
    });

  const parameters = table(base?.parameters);
  const parametersPath = join(dir, 'parameters.yaml');
  if (existsSync(parametersPath)) {
    const read = readYaml<ParametersFile>(
      parametersPath,
      validateParameters,
      parametersSchema,
      problems,
    );
    if (read) {
      files.push(read.file);
      for (const [name, definition] of Object.entries(read.value.parameters)) {
        const loaded = loadParameter(name, definition, read, problems);
        if (loaded) parameters[name] = loaded;
      }
    }
  } else if (!base) {
    problems.push({
      file: displayPath(parametersPath),
      line: 1,
      column: 1,
      message: 'the pack has no parameters.yaml',
    });
  }

  const conditions = table(base?.conditions);
  const conditionSources = table(base?.conditionSources);
  const conditionsPath = join(dir, 'conditions.yaml');
  if (existsSync(conditionsPath)) {
    const read = readYaml<ConditionsFile>(
      conditionsPath,
      validateConditions,
      conditionsSchema,
      problems,
    );
    if (read) {
      files.push(read.file);
      for (const [name, condition] of Object.entries(read.value.conditions)) {
        conditions[name] = condition;
        conditionSources[name] = read.file;
      }
    }
  }

  // What the pack derives: its facts.yaml's entries replace those of the pack it extends.
  const facts: FactsFile = structuredClone(base?.facts ?? {});
  const factSources = table(base?.factSources);
  const factsPath = join(dir, 'facts.yaml');
  if (existsSync(factsPath)) {
    const read = readYaml<FactsFile>(factsPath, validateFacts, factsSchema, problems);
    if (read) {
      files.push(read.file);
      mergeFacts(facts, read.value, (key) => (factSources[key] = read.file));
    }
  }

  const rules = new Map(base?.rules ?? []);
  for (const entry of readdirSync(dir).sort()) {
    if (
      !entry.endsWith('.yaml') ||
      ['pack.yaml', 'clauses.yaml', 'parameters.yaml', 'conditions.yaml', 'facts.yaml'].includes(
        entry,
      )
    ) {
      continue;
    }
    const path = join(dir, entry);
    if (!RULE_FILE.test(entry)) {
      problems.push({
        file: displayPath(path),
        line: 1,
        column: 1,
        message: 'a rule file is named after its rule id, in capitals (e.g. A4-CAP.yaml)',
      });
      continue;
    }
    const read = readYaml<RuleFile>(path, validateRule, ruleSchema, problems);
    if (!read) continue;
    files.push(read.file);
    if (`${read.value.id}.yaml` !== entry) {
      problems.push(
        at(read.file, '/id', `the rule id ${read.value.id} is not the file's name (${entry})`),
      );
      continue;
    }
    rules.set(read.value.id, { ...read.value, source: read.file });
  }
  const casesDir = pack.cases !== undefined ? resolve(dir, pack.cases) : undefined;
  return {
    facts,
    factSources,
    pack,
    dir,
    ...(casesDir !== undefined && { casesDir }),
    sourceText,
    clauses,
    parameters,
    conditions,
    conditionSources,
    rules,
    files,
  };
}

/**
 * Joins a facts.yaml to the facts of the pack it extends: each fact, field, made collection,
 * list of unknown fields and day of parameters it writes replaces the one of the same name.
 */
function mergeFacts(into: FactsFile, own: FactsFile, from: (key: string) => void): void {
  for (const [name, fact] of Object.entries(own.facts ?? {})) {
    (into.facts ??= {})[name] = fact;
    from(`facts/${name}`);
  }
  for (const [collection, fields] of Object.entries(own.fields ?? {}))
    for (const [name, fact] of Object.entries(fields)) {
      ((into.fields ??= {})[collection] ??= {})[name] = fact;
      from(`fields/${collection}/${name}`);
    }
  for (const [name, made] of Object.entries(own.collections ?? {})) {
    (into.collections ??= {})[name] = made;
    from(`collections/${name}`);
  }
  for (const [collection, fields] of Object.entries(own.unknownWhenAbsent ?? {})) {
    (into.unknownWhenAbsent ??= {})[collection] = fields;
    from(`unknownWhenAbsent/${collection}`);
  }
  for (const [collection, field] of Object.entries(own.paramsOn ?? {})) {
    (into.paramsOn ??= {})[collection] = field;
    from(`paramsOn/${collection}`);
  }
}

function loadParameter(
  name: string,
  definition: Parameter,
  read: { file: PackSourceFile; positions: SourcePositions; root: unknown },
  problems: PackProblem[],
): PackParameter | undefined {
  const values: LoadedParameter['values'] = [];
  let ok = true;
  definition.values.forEach((dated, index) => {
    const pointer = `/parameters/${name}/values/${index}`;
    const fail = (message: string): void => {
      problems.push(at(read.file, pointer, `parameter ${name}: ${message}`));
      ok = false;
    };
    let from: number | null = null;
    if (dated.from !== undefined) {
      const parsed = parseCalendarDate(dated.from);
      if (!parsed.ok) return fail(parsed.problem);
      from = parsed.value;
    }
    const converted = convertParameterValue(definition.type, dated.value, () =>
      read.positions.sourceText(read.root, `${pointer}/value`),
    );
    if (typeof converted === 'string' && converted.startsWith('!')) return fail(converted.slice(1));
    values.push({ from, value: converted as ParamValue, source: 'pack' });
  });
  if (!ok) return undefined;
  return {
    name,
    type: definition.type,
    counting: definition.counting ?? 'calendar',
    amendable: definition.amendable ?? false,
    values,
    definition,
    source: read.file,
  };
}

/** A parameter's value in the form rules use; a text starting with `!` says what is wrong. */
function convertParameterValue(
  type: Parameter['type'],
  value: unknown,
  sourceText: () => string | undefined,
): ParamValue | string {
  switch (type) {
    case 'money': {
      if (typeof value !== 'number') return '!expected an amount in euros';
      const parsed = parseEuros(sourceText() ?? String(value));
      return parsed.ok ? parsed.value : `!${parsed.problem}`;
    }
    case 'days':
    case 'count':
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        return '!expected a number of at least 0';
      if (type === 'count' && !Number.isInteger(value)) return '!expected a whole number';
      return value;
    case 'period': {
      const parsed = typeof value === 'string' ? parsePeriod(value) : undefined;
      return parsed?.ok
        ? (value as string)
        : `!${parsed?.ok === false ? parsed.problem : 'expected a period such as P30D'}`;
    }
    case 'date': {
      const parsed = typeof value === 'string' ? parseCalendarDate(value) : undefined;
      return parsed?.ok
        ? (value as string)
        : `!${parsed?.ok === false ? parsed.problem : 'expected a date YYYY-MM-DD'}`;
    }
    case 'text':
      return typeof value === 'string' ? value : '!expected text';
    case 'list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string')
        ? (value as string[])
        : '!expected a list of texts';
    case 'account': {
      const account = value as AccountValue;
      if (typeof account !== 'object' || account === null || !('bank' in account))
        return '!expected an account';
      return accountParam(account);
    }
  }
}

/** The fact type a parameter's values have, as conditions see them. */
function parameterFactSpec(parameter: PackParameter | undefined): FactSpec | undefined {
  if (!parameter) return undefined;
  const types: Record<Parameter['type'], FactType> = {
    money: 'money',
    days: 'number',
    count: 'count',
    period: 'text',
    date: 'date',
    text: 'text',
    list: 'list',
    account: 'object',
  };
  const description = parameter.definition.description;
  if (parameter.type === 'account') {
    const text = (fr: string, en: string): FactSpec => ({ type: 'text', description: { fr, en } });
    return {
      type: 'object',
      description,
      fields: {
        rib: text('RIB complet', 'full RIB'),
        id: text(
          'banque, guichet et numéro de compte (ce qui identifie le compte)',
          'bank, branch and account number (what identifies the account)',
        ),
        holder: text('titulaire', 'holder'),
        bank: text('code banque', 'bank code'),
        branch: text('code guichet', 'branch code'),
        number: text('numéro de compte', 'account number'),
        key: text('clé RIB', 'RIB key'),
      },
    };
  }
  return { type: types[parameter.type], description };
}

/** What a condition's fact reference denotes, or why it is not known. */
export interface ReferenceScope {
  parameters: Record<string, PackParameter>;
  /** The facts of the pack: the record's and those it derives. */
  model: FactModel;
  /** The rule's collection, when the reference is in a rule (or a field's, in facts.yaml). */
  over?: string;
  /** In an aggregate's `where`: the collection of the item the formula is for. */
  outer?: string;
  /** In a made week: the collection of the item it is made for. */
  owner?: string;
  /** The parameters the rule declares. */
  declaredParameters?: readonly string[];
  deadlines?: readonly string[];
  /** In conditions.yaml: `item` is checked where a rule uses the condition. */
  itemsChecked?: 'at-use';
}

export function resolveReference(
  scope: ReferenceScope,
  fact: string,
  path: string | undefined,
): { spec: FactSpec; untyped?: boolean } | { problem: string; inPath?: boolean } {
  const segments = path === undefined || path === '' ? [] : path.split('.');
  if (fact === 'item') {
    if (scope.over === undefined) {
      return scope.itemsChecked === 'at-use'
        ? { spec: { type: 'object', description: { fr: 'élément', en: 'item' } }, untyped: true }
        : { problem: 'the fact item exists only in a rule' };
    }
    const spec = specAt(ownEntry(scope.model.collections, scope.over), segments);
    return spec
      ? { spec }
      : { problem: `the items of ${scope.over} have no field ${path ?? ''}`, inPath: true };
  }
  if (fact === 'outer' || fact === 'owner') {
    const over = scope[fact];
    if (over === undefined)
      return {
        problem:
          fact === 'outer'
            ? 'the fact outer exists only in an aggregate of a collection’s field'
            : 'the fact owner exists only in a made week',
      };
    const spec = specAt(ownEntry(scope.model.collections, over), segments);
    return spec
      ? { spec }
      : { problem: `the items of ${over} have no field ${path ?? ''}`, inPath: true };
  }
  if (fact === 'params') {
    const [name, ...rest] = segments;
    if (name === undefined) return { problem: 'name the parameter: path: <parameter>' };
    const parameter = ownEntry(scope.parameters, name);
    if (!parameter) return { problem: `there is no parameter ${name}`, inPath: true };
    if (scope.declaredParameters && !scope.declaredParameters.includes(name)) {
      return {
        problem: `the parameter ${name} is used but not listed under parameters:`,
        inPath: true,
      };
    }
    const spec = specAt(parameterFactSpec(parameter), rest);
    return spec
      ? { spec }
      : { problem: `the parameter ${name} has no field ${rest.join('.')}`, inPath: true };
  }
  if (scope.deadlines?.includes(fact)) {
    if (segments.length > 0) return { problem: `the deadline ${fact} is a date, with no path` };
    return {
      spec: {
        type: 'date',
        description: { fr: fact, en: fact },
        nullable: true,
        mayBeMissing: true,
      },
    };
  }
  const global = ownEntry(scope.model.globals, fact);
  if (!global) return { problem: `there is no fact ${fact}` };
  const spec = specAt(global, segments);
  return spec ? { spec } : { problem: `the fact ${fact} has no field ${path ?? ''}`, inPath: true };
}

/** Resolves a dotted reference `fact.path` (as in deadlines and messages). */
export function resolveDotted(
  scope: ReferenceScope,
  dotted: string,
): { spec: FactSpec } | { problem: string } {
  const [fact, ...rest] = dotted.split('.');
  return resolveReference(scope, fact!, rest.join('.'));
}

/**
 * Checks every condition of a tree; problems get the pointer of the place at fault. In a rule, a
 * named condition is checked again against the rule's items, except those in `expanding`: the
 * ones being expanded, and those refused whole (in a cycle, or too large once written out).
 */
export function checkCondition(
  condition: Condition,
  pointer: string,
  scope: ReferenceScope,
  named: Readonly<Record<string, NamedCondition>>,
  report: (pointer: string, message: string) => void,
  expanding: ReadonlySet<string> = new Set(),
): void {
  const recurse = (c: Condition, at: string): void =>
    checkCondition(c, at, scope, named, report, expanding);
  if ('all' in condition) condition.all.forEach((c, i) => recurse(c, `${pointer}/all/${i}`));
  else if ('any' in condition) condition.any.forEach((c, i) => recurse(c, `${pointer}/any/${i}`));
  else if ('not' in condition) recurse(condition.not, `${pointer}/not`);
  else if ('condition' in condition) {
    const target = ownEntry(named, condition.condition);
    if (!target) {
      report(
        `${pointer}/condition`,
        `there is no named condition ${condition.condition} in conditions.yaml`,
      );
    } else if (scope.over !== undefined && !expanding.has(condition.condition)) {
      // A named condition is checked where a rule uses it, against that rule's items.
      const name = condition.condition;
      checkCondition(
        target.when,
        pointer,
        scope,
        named,
        (_, message) => report(`${pointer}/condition`, `${name}: ${message}`),
        new Set([...expanding, name]),
      );
    }
  } else {
    const operator = operatorSpec(condition.operator);
    if (!operator) {
      const instead = refusedOperator(condition.operator);
      report(
        `${pointer}/operator`,
        instead
          ? `the operator ${condition.operator} parses numbers loosely: use ${instead}`
          : `there is no operator ${condition.operator}`,
      );
    }
    const left = resolveReference(scope, condition.fact, condition.path);
    if ('problem' in left) report(`${pointer}/${left.inPath ? 'path' : 'fact'}`, left.problem);
    else if (operator && !left.untyped && !acceptsType(operator.kind, left.spec.type)) {
      report(
        `${pointer}/operator`,
        `${condition.operator} compares ${operator.kind}s, and ${condition.fact}${condition.path ? '.' + condition.path : ''} is ${article(left.spec.type)}`,
      );
    }
    if (condition.params !== undefined)
      report(`${pointer}/params`, 'facts take no params here: use the rule’s deadlines');
    const value = condition.value;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const right = resolveReference(scope, value.fact, value.path);
      if ('problem' in right)
        report(`${pointer}/value/${right.inPath ? 'path' : 'fact'}`, right.problem);
      else if (operator && !right.untyped && !acceptsType(operator.kind, right.spec.type)) {
        report(
          `${pointer}/value`,
          `${condition.operator} compares ${operator.kind}s, and ${value.fact}${value.path ? '.' + value.path : ''} is ${article(right.spec.type)}`,
        );
      }
    } else if (operator && operator.kind !== 'any') {
      const literalOk =
        operator.kind === 'date'
          ? typeof value === 'string' && parseCalendarDate(value).ok
          : operator.kind === 'money'
            ? typeof value === 'number' && Number.isSafeInteger(value)
            : typeof value === 'number' && Number.isFinite(value);
      if (!literalOk) {
        const expected = {
          date: 'a date YYYY-MM-DD',
          money: 'an amount in integer cents',
          number: 'a number',
          any: '',
        }[operator.kind];
        report(
          `${pointer}/value`,
          `${condition.operator} compares with ${expected}, not ${JSON.stringify(value)}`,
        );
      }
    }
  }
}

const article = (type: string): string => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** The names of the named conditions a condition uses, directly. */
function referencedConditions(condition: Condition, into: Set<string> = new Set()): Set<string> {
  if ('all' in condition) condition.all.forEach((c) => referencedConditions(c, into));
  else if ('any' in condition) condition.any.forEach((c) => referencedConditions(c, into));
  else if ('not' in condition) referencedConditions(condition.not, into);
  else if ('condition' in condition) into.add(condition.condition);
  return into;
}

/**
 * Past these limits a condition is refused: written out with the named conditions it uses, it
 * would nest deeper than a document may (each level is a call when it is checked and judged), or
 * grow so large that judging one item takes unbounded time — a few names, each using the next
 * twice, make millions of comparisons. A rule pack needs a few levels and a few dozen conditions.
 */
export const MAX_CONDITION_DEPTH = 64;
export const MAX_CONDITION_SIZE = 10_000;

/** How many conditions a condition holds, and how deep they nest, counted up to past the limits. */
interface Extent {
  size: number;
  depth: number;
}

/**
 * The extent of a condition once the named conditions it uses are written out; `named` gives
 * theirs, or nothing for a name not written out (unknown, or in a cycle): it counts as one.
 */
function extentIn(condition: Condition, named: (name: string) => Extent | undefined): Extent {
  let size = 1;
  let depth = 0;
  if ('condition' in condition) {
    const inner = named(condition.condition);
    size += inner?.size ?? 0;
    depth = inner?.depth ?? 0;
  } else {
    const children =
      'all' in condition
        ? condition.all
        : 'any' in condition
          ? condition.any
          : 'not' in condition
            ? [condition.not]
            : [];
    for (const child of children) {
      const extent = extentIn(child, named);
      size += extent.size;
      depth = Math.max(depth, extent.depth);
    }
  }
  return {
    size: Math.min(size, MAX_CONDITION_SIZE + 1),
    depth: Math.min(1 + depth, MAX_CONDITION_DEPTH + 1),
  };
}

const exceeds = (extent: Extent): boolean =>
  extent.depth > MAX_CONDITION_DEPTH || extent.size > MAX_CONDITION_SIZE;

/** What is wrong with an extent past the limits, for `what` (a named condition, this condition). */
function extentProblem(extent: Extent, what: string): string {
  const written = 'once the named conditions it uses are written out';
  return extent.depth > MAX_CONDITION_DEPTH
    ? `${what} nests more than ${MAX_CONDITION_DEPTH} levels deep ${written} (expected at most ${MAX_CONDITION_DEPTH})`
    : `${what} holds more than ${MAX_CONDITION_SIZE} conditions ${written} (expected at most ${MAX_CONDITION_SIZE})`;
}

/**
 * Finds the cycles among the named conditions, and those too large once written out; each is
 * reported where it is named. Returns the names refused (not to be expanded where rules use
 * them), the extent of any condition, and whether a condition uses a refused name. The names
 * are walked with a stack of their own, not by recursion: a chain of thousands of names is data.
 */
function measureConditions(
  parts: PackParts,
  problems: PackProblem[],
): {
  refused: ReadonlySet<string>;
  extentOf: (condition: Condition) => Extent;
  usesRefused: (condition: Condition) => boolean;
} {
  const state = new Map<string, 'visiting' | 'done'>();
  /** Where each name being visited is on the stack. */
  const onStack = new Map<string, number>();
  const inCycle = new Set<string>();
  const extents = new Map<string, Extent>();
  const report = (name: string, message: string): void => {
    problems.push(at(parts.conditionSources[name]!, `/conditions/${name}`, message, true));
  };
  // A name that closes a cycle counts as one condition, never written out: every cycle has one
  // such name at least, so the names left make no cycle and their extents are finite.
  const measured = (name: string): Extent | undefined =>
    inCycle.has(name) ? undefined : extents.get(name);
  for (const root of Object.keys(parts.conditions)) {
    if (state.has(root)) continue;
    const stack: { name: string; next: Iterator<string> }[] = [];
    const enter = (name: string): void => {
      state.set(name, 'visiting');
      onStack.set(name, stack.length);
      stack.push({ name, next: referencedConditions(parts.conditions[name]!.when).values() });
    };
    enter(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const step = top.next.next();
      if (step.done) {
        stack.pop();
        onStack.delete(top.name);
        state.set(top.name, 'done');
        extents.set(top.name, extentIn(parts.conditions[top.name]!.when, measured));
        continue;
      }
      const next = step.value;
      if (!Object.hasOwn(parts.conditions, next)) continue;
      if (state.get(next) === 'visiting') {
        // One cycle is said for each name that closes one: the name is where to look.
        if (!inCycle.has(next)) {
          const cycle = cycleInWords(stack, onStack.get(next)!);
          report(next, `the named conditions form a cycle: ${cycle}`);
        }
        inCycle.add(next);
      } else if (!state.has(next)) enter(next);
    }
  }
  const refused = new Set(inCycle);
  const tooLarge = (name: string): boolean => {
    const extent = measured(name);
    return extent !== undefined && exceeds(extent);
  };
  const usesRefused = (condition: Condition): boolean =>
    [...referencedConditions(condition)].some(tooLarge);
  for (const [name, extent] of extents) {
    if (!tooLarge(name)) continue;
    refused.add(name);
    // Said of the names that make it too large, not again of each name that uses them.
    if (!usesRefused(parts.conditions[name]!.when))
      report(name, extentProblem(extent, `the named condition ${name}`));
  }
  return { refused, extentOf: (condition) => extentIn(condition, measured), usesRefused };
}

/**
 * The cycle of the names on a stack from `from` to its top, back to the first, in words; past a
 * dozen names its middle is left out (a cycle may run through thousands of them).
 */
function cycleInWords(stack: readonly { name: string }[], from: number): string {
  const names = (start: number, end?: number): string[] =>
    stack.slice(start, end).map((frame) => frame.name);
  const length = stack.length - from;
  const shown =
    length <= 12
      ? names(from)
      : [...names(from, from + 5), `… (${length - 10} more)`, ...names(-5)];
  return [...shown, stack[from]!.name].join(' -> ');
}

/** The conditions of a rule, with where each is in the rule file. */
export function ruleConditions(rule: RuleFile): { pointer: string; condition: Condition }[] {
  const out: { pointer: string; condition: Condition }[] = [];
  if (rule.applies) out.push({ pointer: '/applies', condition: rule.applies });
  if (rule.due.when) out.push({ pointer: '/due/when', condition: rule.due.when });
  if (rule.due.performed) out.push({ pointer: '/due/performed', condition: rule.due.performed });
  rule.breaches.forEach((b, i) => out.push({ pointer: `/breaches/${i}/when`, condition: b.when }));
  return out;
}

function checkReferences(parts: PackParts, problems: PackProblem[]): void {
  const model = factModel(parts.facts);
  const { collections, globals } = model;
  const clauseIds = new Set(parts.clauses.map((c) => c.id));
  const conditionNames = new Set(Object.keys(parts.conditions));
  const amendable = new Set(Object.keys(resolveTermsProperties()));

  for (const parameter of Object.values(parts.parameters)) {
    const report = (pointer: string, message: string): void => {
      problems.push(at(parameter.source, `/parameters/${parameter.name}${pointer}`, message));
    };
    parameter.definition.clauses.forEach((id, i) => {
      if (!clauseIds.has(id)) report(`/clauses/${i}`, `there is no clause ${id} in clauses.yaml`);
    });
    if (parameter.amendable && !amendable.has(parameter.name)) {
      report(
        '/amendable',
        `records cannot change ${parameter.name}: it is not a field of terms in the record's schema`,
      );
    }
    if (parameter.counting !== 'calendar' && parameter.type !== 'period') {
      report('/counting', 'only a period has a way of counting');
    }
  }

  // What the pack derives (facts.yaml): references, aggregates, order of fields, no cycle.
  problems.push(
    ...checkFacts({
      facts: parts.facts,
      locate: (key, pointer) => locateFact(parts, key, pointer),
      model,
      conditions: parts.conditions,
      parameterTypes: Object.fromEntries(
        Object.entries(parts.parameters).map(([name, p]) => [name, p.type]),
      ),
      checkCondition: (condition, pointer, scope, report) =>
        checkCondition(
          condition,
          pointer,
          { parameters: parts.parameters, model, ...scope },
          parts.conditions,
          report,
        ),
      resolve: (scope, fact, path) =>
        resolveReference({ parameters: parts.parameters, model, ...scope }, fact, path),
    }),
  );

  // Named conditions: known references, and no cycle among them.
  const packScope: ReferenceScope = {
    parameters: parts.parameters,
    model,
    itemsChecked: 'at-use',
  };
  for (const [name, named] of Object.entries(parts.conditions)) {
    const source = parts.conditionSources[name]!;
    checkCondition(
      named.when,
      `/conditions/${name}/when`,
      packScope,
      parts.conditions,
      (pointer, message) => problems.push(at(source, pointer, message)),
    );
  }
  const { refused, extentOf, usesRefused } = measureConditions(parts, problems);

  for (const rule of parts.rules.values()) {
    const report = (pointer: string, message: string): void => {
      problems.push(at(rule.source, pointer, message));
    };
    rule.clauses.forEach((id, i) => {
      if (!clauseIds.has(id)) report(`/clauses/${i}`, `there is no clause ${id} in clauses.yaml`);
    });
    rule.quotes.forEach((quote, i) => {
      if (!clauseIds.has(quote.clause))
        report(`/quotes/${i}/clause`, `there is no clause ${quote.clause} in clauses.yaml`);
      else if (!rule.clauses.includes(quote.clause)) {
        report(
          `/quotes/${i}/clause`,
          `the quote is from ${quote.clause}, which the rule does not list under clauses:`,
        );
      }
    });
    const collection = ownEntry(collections, rule.over);
    if (!collection) {
      report(
        '/over',
        `there are no items called ${rule.over} (known: ${Object.keys(collections).join(', ')})`,
      );
      continue;
    }
    (rule.parameters ?? []).forEach((name, i) => {
      if (!ownEntry(parts.parameters, name))
        report(`/parameters/${i}`, `there is no parameter ${name} in parameters.yaml`);
    });
    const deadlines = Object.keys(rule.deadlines ?? {});
    const scope: ReferenceScope = {
      parameters: parts.parameters,
      model,
      over: rule.over,
      declaredParameters: rule.parameters ?? [],
      deadlines,
    };
    for (const [name, deadline] of Object.entries(rule.deadlines ?? {})) {
      if (
        ownEntry(collection.fields, name) ||
        ownEntry(globals, name) ||
        name === 'item' ||
        name === 'params'
      ) {
        report(`/deadlines/${name}`, `the deadline ${name} would hide a fact of the same name`);
      }
      const from = resolveDotted({ ...scope, deadlines: [] }, deadline.from);
      if ('problem' in from) report(`/deadlines/${name}/from`, from.problem);
      else if (from.spec.type !== 'date')
        report(`/deadlines/${name}/from`, `${deadline.from} is not a date`);
      const parameter = ownEntry(parts.parameters, deadline.add);
      if (!parameter) report(`/deadlines/${name}/add`, `there is no parameter ${deadline.add}`);
      else if (parameter.type !== 'period')
        report(`/deadlines/${name}/add`, `the parameter ${deadline.add} is not a period`);
      else if (!(rule.parameters ?? []).includes(deadline.add)) {
        report(
          `/deadlines/${name}/add`,
          `the parameter ${deadline.add} is used but not listed under parameters:`,
        );
      }
    }
    for (const { pointer, condition } of ruleConditions(rule)) {
      const extent = extentOf(condition);
      if (exceeds(extent)) {
        // Said here unless a named condition it uses is too large itself; its own conditions
        // are still checked, without writing out the names it uses.
        if (!usesRefused(condition)) report(pointer, extentProblem(extent, 'this condition'));
        checkCondition(condition, pointer, scope, parts.conditions, report, conditionNames);
      } else checkCondition(condition, pointer, scope, parts.conditions, report, refused);
    }
    const caseIds = new Set<string>();
    rule.breaches.forEach((breach, i) => {
      if (caseIds.has(breach.id))
        report(`/breaches/${i}/id`, `two breach cases are called ${breach.id}`);
      caseIds.add(breach.id);
      (breach.locations ?? []).forEach((field, k) => {
        const spec = ownEntry(collection.fields, field);
        if (!spec || spec.type !== 'pointer') {
          report(
            `/breaches/${i}/locations/${k}`,
            `the items of ${rule.over} have no place called ${field}`,
          );
        }
      });
      checkMessage(breach.message, `/breaches/${i}/message`, scope, true, report);
    });
    // The due date and the day performed: dates of the facts the rule sees.
    for (const key of ['by', 'performedOn'] as const) {
      const reference = rule.due[key];
      if (reference === undefined) continue;
      const resolved = resolveReference(scope, reference.fact, reference.path);
      if ('problem' in resolved)
        report(`/due/${key}/${resolved.inPath ? 'path' : 'fact'}`, resolved.problem);
      else if (resolved.spec.type !== 'date')
        report(
          `/due/${key}`,
          `${[reference.fact, reference.path].filter(Boolean).join('.')} is not a date`,
        );
    }
    if (rule.due.by !== undefined && rule.due.when !== undefined)
      report(
        '/due',
        'say when the obligation falls due by a date (by) or a condition (when), not both',
      );
    if (
      rule.due.performed === undefined &&
      rule.due.performedOn === undefined &&
      rule.messages.late
    )
      report(
        '/messages/late',
        'a late message needs due.performedOn, the day the obligation was performed',
      );
    (rule.due.locations ?? []).forEach((field, k) => {
      const spec = ownEntry(collection.fields, field);
      if (!spec || spec.type !== 'pointer')
        report(`/due/locations/${k}`, `the items of ${rule.over} have no place called ${field}`);
    });
    for (const [kind, message] of Object.entries(rule.messages)) {
      checkMessage(
        message as Localized,
        `/messages/${kind}`,
        scope,
        kind === 'late' || collection.cardinality === 'one',
        report,
        kind === 'late' ? LATE_PLACEHOLDERS : [],
      );
    }
    if ((rule.due.when || rule.due.by) && !rule.messages.pending)
      report('/messages', 'a rule with due.when or due.by needs a pending message');
    if (rule.applies && !rule.messages.notApplicable)
      report('/messages', 'a rule with applies needs a notApplicable message');
  }
}

/** What a late message may show besides the facts: the due date, the day performed, the delay. */
const LATE_PLACEHOLDERS = ['due', 'performed', 'daysLate'];

function checkMessage(
  message: Localized,
  pointer: string,
  scope: ReferenceScope,
  itemAllowed: boolean,
  report: (pointer: string, message: string) => void,
  extra: readonly string[] = [],
): void {
  for (const language of ['fr', 'en'] as const) {
    const parsed = parseTemplate(message[language]);
    if ('problem' in parsed) {
      report(`${pointer}/${language}`, parsed.problem);
      continue;
    }
    for (const placeholder of parsed.placeholders) {
      if (placeholder.path === 'count' || extra.includes(placeholder.path)) continue;
      if (placeholder.path.startsWith('item.') && !itemAllowed) {
        report(
          `${pointer}/${language}`,
          `{${placeholder.path}}: this message sums up many items; it cannot show one item's field`,
        );
        continue;
      }
      const resolved = resolveDotted(scope, placeholder.path);
      if ('problem' in resolved)
        report(`${pointer}/${language}`, `{${placeholder.path}}: ${resolved.problem}`);
      if (placeholder.format !== undefined && !FORMATS.includes(placeholder.format)) {
        report(
          `${pointer}/${language}`,
          `{${placeholder.path}|${placeholder.format}}: there is no format ${placeholder.format} (known: ${FORMATS.join(', ')})`,
        );
      }
    }
  }
}

/** The parameters a record may change in `terms`: the fields of Terms in the record's schema. */
function resolveTermsProperties(): Record<string, unknown> {
  return programmeSchema.definitions.Terms?.properties ?? {};
}
