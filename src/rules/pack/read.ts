/**
 * Reading a pack's folder into its parts, before they are checked: pack.yaml and the pack it
 * extends, the convention's text, clauses.yaml, parameters.yaml, conditions.yaml, facts.yaml
 * and each rule file; what a pack writes replaces what the pack it extends wrote of the same
 * name. Each file is validated against its schema as it is read.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  validateClauses,
  validateConditions,
  validateFacts,
  validatePack,
  validateParameters,
  validateRule,
} from '../../generated/rule-pack-validators.js';
import type { validateWith } from '../../load/validate.js';
import type {
  ClausesFile,
  ClauseUnit,
  ConditionsFile,
  FactsFile,
  NamedCondition,
  PackFile,
  ParametersFile,
  RuleFile,
} from '../../model/pack.js';
import clausesSchema from '../../../schemas/clauses.schema.json' with { type: 'json' };
import conditionsSchema from '../../../schemas/conditions.schema.json' with { type: 'json' };
import factsSchema from '../../../schemas/facts.schema.json' with { type: 'json' };
import packSchema from '../../../schemas/pack.schema.json' with { type: 'json' };
import parametersSchema from '../../../schemas/parameters.schema.json' with { type: 'json' };
import ruleSchema from '../../../schemas/rule.schema.json' with { type: 'json' };
import { at, displayPath, readPackFile, readYaml, type ReadYaml } from './files.js';
import { loadParameter } from './parameters.js';
import type { LoadedRule, PackParameter, PackParts, PackProblem, PackSourceFile } from './types.js';

const RULE_FILE = /^[A-Z0-9]+(-[A-Z0-9]+)+\.yaml$/;

/** The files of a pack's folder that are not rules. */
const PART_FILES = [
  'pack.yaml',
  'clauses.yaml',
  'parameters.yaml',
  'conditions.yaml',
  'facts.yaml',
];

/**
 * A table of names without prototype, with the entries of another: it holds only what the pack
 * declares, so that `constructor` or `toString` finds nothing in it.
 */
function table<T>(entries: Readonly<Record<string, T>> = {}): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** One folder being read: the pack it extends, the files read so far, the problems found. */
interface Reading {
  dir: string;
  base: PackParts | undefined;
  files: PackSourceFile[];
  problems: PackProblem[];
}

/**
 * Reads a pack's folder, and those of the packs it extends, into its parts; problems are added
 * to `problems`, and none is returned when pack.yaml, or a pack it extends, cannot be read.
 */
export function readPack(
  dir: string,
  problems: PackProblem[],
  seen: Set<string>,
): PackParts | undefined {
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
  const reading: Reading = { dir, base, files: [...(base?.files ?? []), packFile.file], problems };
  const sourceText = readSourceText(reading, pack, packFile.file);
  const clauses = readClauses(reading);
  const parameters = readParameters(reading);
  const { conditions, conditionSources } = readConditions(reading);
  const { facts, factSources } = readFacts(reading);
  const rules = readRules(reading);
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
    files: reading.files,
  };
}

/**
 * Reads a YAML part of the pack (`clauses.yaml`...) if its folder has it, adding it to the
 * pack's files: `missing` when the folder has none, undefined when it cannot be used.
 */
function readPart<T>(
  reading: Reading,
  name: string,
  validate: Parameters<typeof validateWith>[0],
  schema: unknown,
): ReadYaml<T> | 'missing' | undefined {
  const path = join(reading.dir, name);
  if (!existsSync(path)) return 'missing';
  const read = readYaml<T>(path, validate, schema, reading.problems);
  if (read) reading.files.push(read.file);
  return read;
}

/** Says that a pack that extends none lacks a part it must have. */
function reportMissing(reading: Reading, name: string): void {
  reading.problems.push({
    file: displayPath(join(reading.dir, name)),
    line: 1,
    column: 1,
    message: `the pack has no ${name}`,
  });
}

/** The convention's text, as signed: the pack's own, or that of the pack it extends. */
function readSourceText(reading: Reading, pack: PackFile, packFile: PackSourceFile): string {
  const { dir, base, problems } = reading;
  let sourceText = base?.sourceText ?? '';
  const sourcePath = join(dir, pack.source);
  if (existsSync(sourcePath)) {
    const read = readPackFile(sourcePath, dir);
    if ('problem' in read) {
      const message = `the convention's text ${pack.source}: ${read.problem}`;
      problems.push(at(packFile, '/source', message));
    } else {
      sourceText = read.bytes.toString('utf8');
      // The signed text is part of what the pack is made of: its snapshot and fingerprint follow it.
      const text = sourceText;
      reading.files.push({
        path: displayPath(sourcePath),
        text,
        locate: () => ({ line: 1, column: 1 }),
      });
    }
  } else if (!base)
    problems.push(
      at(packFile, '/source', `the convention's text ${pack.source} is not in the pack`),
    );
  return sourceText;
}

/** The units of clauses.yaml, each id once; those of the pack it extends if it has none. */
function readClauses(reading: Reading): ClauseUnit[] {
  const read = readPart<ClausesFile>(reading, 'clauses.yaml', validateClauses, clausesSchema);
  if (read === 'missing') {
    if (!reading.base) reportMissing(reading, 'clauses.yaml');
    return reading.base?.clauses ?? [];
  }
  if (!read) return reading.base?.clauses ?? [];
  const first = new Map<string, number>();
  read.value.units.forEach((unit, index) => {
    if (first.has(unit.id))
      reading.problems.push(
        at(read.file, `/units/${index}/id`, `the clause id ${unit.id} is used twice`),
      );
    else first.set(unit.id, index);
  });
  return read.value.units.map((u) => ({ ...u }));
}

/** The parameters of parameters.yaml, over those of the pack it extends. */
function readParameters(reading: Reading): Record<string, PackParameter> {
  const parameters = table(reading.base?.parameters);
  const read = readPart<ParametersFile>(
    reading,
    'parameters.yaml',
    validateParameters,
    parametersSchema,
  );
  if (read === 'missing') {
    if (!reading.base) reportMissing(reading, 'parameters.yaml');
  } else if (read) {
    for (const [name, definition] of Object.entries(read.value.parameters)) {
      const loaded = loadParameter(name, definition, read, reading.problems);
      if (loaded) parameters[name] = loaded;
    }
  }
  return parameters;
}

/** The named conditions of conditions.yaml, over those of the pack it extends, and their file. */
function readConditions(reading: Reading): {
  conditions: Record<string, NamedCondition>;
  conditionSources: Record<string, PackSourceFile>;
} {
  const conditions = table(reading.base?.conditions);
  const conditionSources = table(reading.base?.conditionSources);
  const read = readPart<ConditionsFile>(
    reading,
    'conditions.yaml',
    validateConditions,
    conditionsSchema,
  );
  if (read !== 'missing' && read) {
    for (const [name, condition] of Object.entries(read.value.conditions)) {
      conditions[name] = condition;
      conditionSources[name] = read.file;
    }
  }
  return { conditions, conditionSources };
}

/** What the pack derives: its facts.yaml's entries replace those of the pack it extends. */
function readFacts(reading: Reading): {
  facts: FactsFile;
  factSources: Record<string, PackSourceFile>;
} {
  const facts: FactsFile = structuredClone(reading.base?.facts ?? {});
  const factSources = table(reading.base?.factSources);
  const read = readPart<FactsFile>(reading, 'facts.yaml', validateFacts, factsSchema);
  if (read !== 'missing' && read)
    mergeFacts(facts, read.value, (key) => (factSources[key] = read.file));
  return { facts, factSources };
}

/** The rule files of the folder, each named after its rule id, over those of the pack it extends. */
function readRules(reading: Reading): Map<string, LoadedRule> {
  const { dir, problems } = reading;
  const rules = new Map(reading.base?.rules ?? []);
  for (const entry of readdirSync(dir).sort()) {
    if (!entry.endsWith('.yaml') || PART_FILES.includes(entry)) continue;
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
    reading.files.push(read.file);
    if (`${read.value.id}.yaml` !== entry) {
      problems.push(
        at(read.file, '/id', `the rule id ${read.value.id} is not the file's name (${entry})`),
      );
      continue;
    }
    rules.set(read.value.id, { ...read.value, source: read.file });
  }
  return rules;
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
