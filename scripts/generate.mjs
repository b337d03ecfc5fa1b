// Generates the files derived from the TypeScript types, which are committed and drift-tested
// (test/generated.test.ts): the JSON Schemas in schemas/ and the precompiled ajv validators in
// src/generated/ (standalone code, so that a run never loads or compiles ajv: start-up matters).
//
//   node scripts/generate.mjs          writes them
//   node scripts/generate.mjs --check  exits 1 when a committed file differs
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import prettier from 'prettier';
import { parse as parseYaml } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The schemas: for each source of types, the types that get a schema file, and the module of
 * precompiled validators (one export per type).
 */
const targets = [
  {
    source: 'src/model/programme.ts',
    french: ['src/model/programme.fr.yaml'],
    validator: 'src/generated/programme-validator.js',
    schemas: [
      {
        type: 'ProgrammeRecord',
        title: 'clausier programme record',
        file: 'programme.schema.json',
        name: 'validateProgramme',
      },
    ],
  },
  {
    source: 'src/model/waivers.ts',
    // A waiver's dates are the record's CalendarDate, whose French is the record's.
    french: ['src/model/waivers.fr.yaml', 'src/model/programme.fr.yaml'],
    validator: 'src/generated/waiver-validator.js',
    schemas: [
      {
        type: 'WaiverFile',
        title: 'clausier waiver file',
        file: 'waivers.schema.json',
        name: 'validateWaivers',
      },
    ],
  },
  {
    source: 'src/model/pack.ts',
    validator: 'src/generated/rule-pack-validators.js',
    schemas: [
      {
        type: 'PackFile',
        title: 'clausier rule pack: pack.yaml',
        file: 'pack.schema.json',
        name: 'validatePack',
      },
      {
        type: 'ClausesFile',
        title: 'clausier rule pack: clauses.yaml',
        file: 'clauses.schema.json',
        name: 'validateClauses',
      },
      {
        type: 'ParametersFile',
        title: 'clausier rule pack: parameters.yaml',
        file: 'parameters.schema.json',
        name: 'validateParameters',
      },
      {
        type: 'ConditionsFile',
        title: 'clausier rule pack: conditions.yaml',
        file: 'conditions.schema.json',
        name: 'validateConditions',
      },
      {
        type: 'RuleFile',
        title: 'clausier rule pack: a rule file',
        file: 'rule.schema.json',
        name: 'validateRule',
      },
      {
        type: 'FactsFile',
        title: 'clausier rule pack: facts.yaml',
        file: 'facts.schema.json',
        name: 'validateFacts',
      },
    ],
  },
];

/**
 * ts-json-schema-generator inlines the definition of a Record's key type into `propertyNames`;
 * put the $ref back, so that every ISO week (key or value) is recognised by its definition.
 */
function refKeyTypes(node, definitions) {
  if (Array.isArray(node)) return node.forEach((n) => refKeyTypes(n, definitions));
  if (node === null || typeof node !== 'object') return;
  const names = node.propertyNames;
  if (names && typeof names === 'object' && !('$ref' in names)) {
    for (const [name, def] of Object.entries(definitions)) {
      if (def.pattern !== undefined && def.pattern === names.pattern && def.title === names.title) {
        node.propertyNames = { $ref: `#/definitions/${name}` };
      }
    }
  }
  for (const value of Object.values(node)) refKeyTypes(value, definitions);
}

/**
 * The French of a schema's types and fields, from the YAML files that hold it (see
 * src/model/programme.fr.yaml): each type by its name, its fields under `fields`.
 */
class FrenchTable {
  constructor(files, read) {
    this.files = files;
    this.types = {};
    this.origin = {};
    for (const file of files) {
      for (const [name, entry] of Object.entries(parseYaml(read(file)) ?? {})) {
        this.types[name] = entry;
        this.origin[name] = file;
      }
    }
  }
}

/** What was used of each French file, across every schema made from it: the rest is stale. */
const frenchUsed = new Map();
const use = (file, key) => {
  if (!frenchUsed.has(file)) frenchUsed.set(file, new Set());
  frenchUsed.get(file).add(key);
};

const capitalize = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Writes the French beside the English in a schema: `x-title-fr` (and `x-article-fr`, un or une)
 * and `x-description-fr`, and
 * `markdownDescription`, which the YAML language server shows on hover instead of `description`:
 * the French, then the English, each with the notes of the value types a field takes (an
 * expense purpose's `other` is not eligible, an amount has at most two decimals), which an
 * editor would otherwise hide behind the field's own description. Every described type and
 * field must have its French: the missing ones are listed, and nothing is written.
 */
function addFrench(schema, table, source) {
  const definitions = schema.definitions ?? {};
  const missing = [];
  const frenchOf = (type, field) => {
    const entry = table.types[type];
    if (field === undefined) {
      if (entry?.description === undefined) return undefined;
      use(table.origin[type], type);
      return entry.description.trim();
    }
    const own = entry?.fields?.[field];
    if (own !== undefined) {
      use(table.origin[type], `${type}.${field}`);
      return own.trim();
    }
    // A field a type inherits (BankAccount's bank, from AccountRef) takes the French of the
    // type that declares it: the one whose same field has the same English.
    const english = definitions[type].properties[field].description;
    for (const [other, otherEntry] of Object.entries(table.types)) {
      const theirs = otherEntry?.fields?.[field];
      if (
        theirs !== undefined &&
        definitions[other]?.properties?.[field]?.description === english
      ) {
        use(table.origin[other], `${other}.${field}`);
        return theirs.trim();
      }
    }
    return undefined;
  };
  /** The value types a field's schema takes, by name: its notes are shown on the field. */
  const valueTypes = (node) =>
    [node, node.items, node.additionalProperties, node.propertyNames]
      .map((n) => n?.$ref?.replace('#/definitions/', ''))
      .filter((name) => name !== undefined && definitions[name]?.properties === undefined)
      .filter((name, i, all) => all.indexOf(name) === i);
  const note = (name, language) => {
    const definition = definitions[name];
    const title = language === 'fr' ? definition['x-title-fr'] : definition.title;
    const text = language === 'fr' ? definition['x-description-fr'] : definition.description;
    if (text === undefined) return undefined;
    const colon = language === 'fr' ? ' :' : ':';
    return title === undefined ? text : `*${capitalize(title)}*${colon} ${text}`;
  };
  const markdown = (node, fr, en) => {
    const notes = (language) =>
      valueTypes(node)
        .map((name) => note(name, language))
        .filter(Boolean);
    return [fr, ...notes('fr'), '---', en, ...notes('en')].join('\n\n');
  };

  // Types first, so that a field's notes find their French.
  for (const [name, definition] of Object.entries(definitions)) {
    if (definition.description === undefined) continue;
    const fr = frenchOf(name);
    if (fr === undefined) missing.push(`${name}: "${definition.description}"`);
    else definition['x-description-fr'] = fr;
    if (definition.title !== undefined) {
      const { title, article } = table.types[name] ?? {};
      if (title === undefined || article === undefined)
        missing.push(`${name}: its title "${definition.title}" (title and article)`);
      else {
        definition['x-title-fr'] = title;
        // For messages that name the type: `expected un montant en euros`.
        definition['x-article-fr'] = article;
      }
    }
  }
  for (const [name, definition] of Object.entries(definitions)) {
    if (definition['x-description-fr'] !== undefined)
      definition.markdownDescription = markdown(
        definition,
        definition['x-description-fr'],
        definition.description,
      );
    for (const [field, property] of Object.entries(definition.properties ?? {})) {
      if (property.description === undefined) continue;
      const fr = frenchOf(name, field);
      if (fr === undefined) {
        missing.push(`${name}.${field}: "${property.description}"`);
        continue;
      }
      property['x-description-fr'] = fr;
      property.markdownDescription = markdown(property, fr, property.description);
    }
  }
  if (missing.length > 0) {
    throw new Error(
      `${source}: the French of these types and fields is missing; add it to ${table.files[0]}:\n` +
        missing.map((m) => `  ${m}`).join('\n'),
    );
  }
}

/** French entries that no schema uses any more: a renamed or removed type or field. */
function staleFrench(read) {
  const stale = [];
  for (const [file, used] of frenchUsed) {
    for (const [name, entry] of Object.entries(parseYaml(read(file)) ?? {})) {
      if (!used.has(name) && entry?.description !== undefined) stale.push(`${file}: ${name}`);
      for (const field of Object.keys(entry?.fields ?? {}))
        if (!used.has(`${name}.${field}`)) stale.push(`${file}: ${name}.${field}`);
    }
  }
  return stale;
}

async function format(text, parser) {
  const options = (await prettier.resolveConfig(join(root, 'package.json'))) ?? {};
  return prettier.format(text, { ...options, parser });
}

/**
 * Returns every generated file as { path: content }, without writing anything. `french` gives
 * the text of French files instead of reading them (for tests).
 */
export async function generateAll({ french: frenchText = {} } = {}) {
  frenchUsed.clear();
  const read = (file) => frenchText[file] ?? readFileSync(join(root, file), 'utf8');
  const files = {};
  for (const target of targets) {
    const ajv = new Ajv({
      allErrors: true,
      strict: true,
      allowUnionTypes: true,
      validateFormats: false,
      code: { source: true, esm: true, optimize: true },
    });
    // Annotations for editors and for clausier's French messages, not for validation.
    ajv.addVocabulary(['markdownDescription', 'x-description-fr', 'x-title-fr', 'x-article-fr']);
    const french = target.french && new FrenchTable(target.french, read);
    const exports = {};
    for (const entry of target.schemas) {
      const generator = createGenerator({
        path: join(root, target.source),
        type: entry.type,
        tsconfig: join(root, 'tsconfig.json'),
        skipTypeCheck: true,
        sortProps: false,
        additionalProperties: false,
        jsDoc: 'extended',
      });
      const generated = generator.createSchema(entry.type);
      refKeyTypes(generated.definitions, generated.definitions);
      if (french) addFrench(generated, french, target.source);
      const { $schema, ...rest } = generated;
      const schema = {
        $schema,
        $id: entry.file,
        title: entry.title,
        $comment: `Generated by scripts/generate.mjs from ${target.source}: do not edit.`,
        ...rest,
      };
      files[`schemas/${entry.file}`] = await format(JSON.stringify(schema), 'json');
      ajv.addSchema(schema);
      exports[entry.name] = entry.file;
    }
    const code = standaloneCode(ajv, exports);
    files[target.validator] =
      `// Generated by scripts/generate.mjs from ${target.source}: do not edit.\n// @ts-nocheck\n${code}\n`;
    files[target.validator.replace(/\.js$/, '.d.ts')] =
      `// Generated by scripts/generate.mjs: do not edit.\nimport type { ValidateFunction } from 'ajv';\n` +
      Object.keys(exports)
        .map((name) => `export declare const ${name}: ValidateFunction;\n`)
        .join('');
  }
  const stale = staleFrench(read);
  if (stale.length > 0)
    throw new Error(
      `French for types or fields that no longer exist; remove it:\n${stale.map((s) => `  ${s}`).join('\n')}`,
    );
  return files;
}

async function main() {
  const check = process.argv.includes('--check');
  const files = await generateAll();
  let drift = 0;
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    let current = null;
    try {
      current = readFileSync(full, 'utf8');
    } catch {
      // absent: written below, or reported as drift
    }
    if (current === content) continue;
    if (check) {
      console.error(`${path} is out of date: run npm run generate`);
      drift++;
    } else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
      console.log(`wrote ${path}`);
    }
  }
  if (drift) process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await main();
  } catch (error) {
    // What the types or their French lack is said in words, without a stack trace.
    console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
