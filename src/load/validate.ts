/**
 * Validation of a record against the generated schema (a precompiled ajv validator: ajv itself is
 * never loaded at run time), with every error worded for the person who wrote the record:
 * `payments[0]: unknown field 'ammount' (did you mean 'amount'?)`.
 */
import type { ErrorObject } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { closest } from '../base/closest.js';
import { validateProgramme } from '../generated/programme-validator.js';
import { parseCalendarDate, parseIsoWeek, parsePeriod } from '../base/calendar.js';
import { quote } from '../base/quote.js';
import { firstSentence } from '../words/messages/schema.js';
import type { SourcePositions } from './yaml/positions.js';
import { joinPointer, humanPath, splitPointer } from '../base/pointer.js';
import {
  DATE_DEFINITIONS,
  programmeSchema,
  resolveSchema,
  schemaAt,
  type ResolvedSchema,
  type RootSchema,
} from './schema.js';

/** A validation problem before it is located in the file. */
export interface SchemaProblem {
  pointer: string;
  message: string;
  /** Whether the problem is about the key at the pointer rather than its value. */
  atKey?: boolean;
}

export function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of splitPointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/**
 * The schema's problems with a parsed YAML document, without those at values its reader already
 * refused (a foreign tag, a duplicate key): each problem of a file is reported once.
 */
export function validateParsed(
  parsed: { value: unknown; problems: readonly { pointer: string }[]; positions: SourcePositions },
  validate: ValidateFunction = validateProgramme,
  root: RootSchema = programmeSchema,
): SchemaProblem[] {
  const value = parsed.value;
  const refused = new Set(parsed.problems.map((p) => p.pointer));
  const { positions } = parsed;
  const sourceText = (pointer: string, atKey?: boolean): string | undefined => {
    if (!atKey) return positions.sourceText(value, pointer);
    // A key as written: up to the colon, the comma or the brace that ends it.
    const at = positions.place(value, pointer, true);
    return /^[^\s:,{}[\]]+/.exec(positions.lines.lineText(at.line).slice(at.column - 1))?.[0];
  };
  return validateWith(validate, root, value, sourceText).filter((p) => !refused.has(p.pointer));
}

/** Validates a value with a precompiled validator of a schema, wording every problem. */
export function validateWith(
  validate: ValidateFunction,
  root: RootSchema,
  value: unknown,
  /** What is written at a pointer: its value, or with `atKey` its key. */
  sourceText: (pointer: string, atKey?: boolean) => string | undefined,
): SchemaProblem[] {
  if (validate(value)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  // A value that matches none of the forms of a union (a rule condition) makes ajv report every
  // form's complaint: the union's own error, at the outermost place, says it once.
  const unions = (validate.errors ?? [])
    .filter((e) => e.keyword === 'anyOf')
    .map((e) => e.instancePath);
  const outermost = unions.filter((p) => !unions.some((q) => q !== p && p.startsWith(q + '/')));
  for (const error of validate.errors ?? []) {
    const inUnion = outermost.find(
      (p) => error.instancePath === p || error.instancePath.startsWith(p + '/'),
    );
    if (inUnion !== undefined && !(error.keyword === 'anyOf' && error.instancePath === inUnion))
      continue;
    // A bad key of a map yields a `pattern` error carrying `propertyName` and a `propertyNames`
    // error: the latter is enough.
    if ((error as ErrorObject & { propertyName?: string }).propertyName !== undefined) continue;
    const problem = describeError(error, value, root, sourceText);
    const key = `${problem.pointer}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

const article = (noun: string): string => (/^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`);

/** What a schema expects, as a noun phrase: `a calendar date (YYYY-MM-DD)`, `a list`. */
export function expected(schema: ResolvedSchema | undefined): string {
  if (!schema) return 'nothing here';
  if (schema.title) return article(schema.title);
  if (schema.enum) return `one of ${quoteList(schema.enum)}`;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'integer':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping of fields';
    default:
      return 'a value';
  }
}

/** How a value found in a record reads in a message. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return `the text ${quote(value)}`;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan (not a number)';
    if (!Number.isFinite(value)) return `${value > 0 ? '' : '-'}.inf (infinity)`;
    return `the number ${value}`;
  }
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

function quoteList(values: unknown[]): string {
  const quoted = values.map((v) => `'${String(v)}'`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** What describing an error works with: where it is, what the schema and the record hold there. */
interface ErrorPlace {
  pointer: string;
  /** The pointer as a person reads it: `payments[0].amount`. */
  path: string;
  schema: ResolvedSchema | undefined;
  value: unknown;
  params: Record<string, unknown>;
  root: RootSchema;
  sourceText: (pointer: string, atKey?: boolean) => string | undefined;
}

/** An error of ajv worded for the person who wrote the record, by kind of error. */
function describeError(
  error: ErrorObject,
  record: unknown,
  root: RootSchema,
  sourceText: (pointer: string, atKey?: boolean) => string | undefined,
): SchemaProblem {
  const pointer = error.instancePath;
  const at: ErrorPlace = {
    pointer,
    path: humanPath(pointer),
    schema: schemaAt(pointer, root),
    value: valueAt(record, pointer),
    params: error.params as Record<string, unknown>,
    root,
    sourceText,
  };
  const describe = DESCRIBERS.get(error.keyword);
  if (describe) return describe(at);
  return { pointer, message: `${at.path}: ${error.message ?? 'is not valid'}` };
}

/** The wording of each kind of error (ajv's keyword); others keep ajv's own message. */
const DESCRIBERS = new Map<string, (at: ErrorPlace) => SchemaProblem>([
  ['additionalProperties', unknownField],
  ['required', missingField],
  ['propertyNames', badKey],
  ['enum', notAllowedValue],
  ['const', notTheValue],
  ['type', wrongType],
  ['pattern', badlyWritten],
  ['minimum', belowMinimum],
  ['exclusiveMinimum', belowMinimum],
  ['maximum', aboveMaximum],
  ['exclusiveMaximum', aboveMaximum],
  ['anyOf', noForm],
  ['minItems', tooFewItems],
  ['uniqueItems', repeatedItem],
]);

/** A field the schema does not have: a likely typo, an amount with a decimal comma, or the list. */
function unknownField(at: ErrorPlace): SchemaProblem {
  const { pointer, path, schema, value, params, root, sourceText } = at;
  const field = String(params.additionalProperty);
  const allowed = Object.keys(schema?.properties ?? {});
  // A field already written is no typo of this one: `acount` beside `amount` is `account`.
  const present = new Set(Object.keys((value as object | null) ?? {}));
  const suggestion = closest(
    field,
    allowed.filter((name) => !present.has(name)),
  );
  const comma = decimalComma(field, value, schema, pointer, root, sourceText);
  // `copies\u00a0:`, as French typing puts a non-breaking space before a colon: a field known
  // but for spaces no one sees, shown escaped.
  const unseen = field.replace(
    /[\u00a0\u2007\u202f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  const bare = field.replace(/[\s\u00a0\u2007\u202f]+/g, '');
  if (unseen !== field && allowed.includes(bare))
    return {
      pointer: joinPointer(pointer, field),
      message: `${path}: unknown field ${quote(unseen)} (a non-breaking space in its name? write '${bare}:')`,
      atKey: true,
    };
  const hint = comma
    ? ` (an amount written ${comma.written}? write ${comma.amount}: a dot before the cents)`
    : suggestion
      ? ` (did you mean '${suggestion}'?)`
      : allowed.length > 0
        ? ` (expected one of ${quoteList(allowed)})`
        : '';
  return {
    pointer: joinPointer(pointer, field),
    message: `${path}: unknown field ${quote(field)}${hint}`,
    atKey: true,
  };
}

/** A required field left out, with what it is. */
function missingField({ pointer, path, schema, params, root }: ErrorPlace): SchemaProblem {
  const field = String(params.missingProperty);
  const what = firstSentence(resolvedChild(schema, field, root)?.description);
  return {
    pointer: joinPointer(pointer, field),
    message: `${path}: missing field '${field}'${what ? ` (${what})` : ''}`,
  };
}

/** A key the schema does not allow: for a week's key, what is wrong with the week. */
function badKey({ pointer, path, schema, params }: ErrorPlace): SchemaProblem {
  const key = String(params.propertyName);
  const keySchema = schema?.propertyNames;
  const problem =
    keySchema?.$ref === '#/definitions/IsoWeek'
      ? (parseIsoWeek(key) as { problem?: string }).problem
      : undefined;
  return {
    pointer: joinPointer(pointer, key),
    message: `${path}: ${problem ?? `${quote(key)} is not allowed as a key here`}`,
    atKey: true,
  };
}

/** A value outside a list of names: the likely one, or the list. */
function notAllowedValue({ pointer, path, schema, value, params }: ErrorPlace): SchemaProblem {
  const allowed = (params.allowedValues as unknown[] | undefined) ?? schema?.enum ?? [];
  const noun = schema?.title ?? 'allowed value';
  const shown = typeof value === 'string' ? quote(value) : describeValue(value);
  const suggestion = typeof value === 'string' ? closest(value, allowed.map(String)) : undefined;
  return {
    pointer,
    message: `${path}: ${shown} is not ${article(noun)} (${suggestion !== undefined ? `did you mean '${suggestion}'?` : `expected ${quoteList(allowed)}`})`,
  };
}

/** A value other than the one the field admits (a payment is from the collectivité), and why. */
function notTheValue({ pointer, path, schema, value, params }: ErrorPlace): SchemaProblem {
  const allowed = String(params.allowedValue);
  const shown = typeof value === 'string' ? quote(value) : describeValue(value);
  const what = firstSentence(schema?.description);
  // A misspelling of it (an accent, capitals) is named as such; another value, what is expected.
  const misspelt = typeof value === 'string' && closest(value, [allowed]) !== undefined;
  return {
    pointer,
    message:
      misspelt && what
        ? `${path}: ${shown} is not ${what} (did you mean ${quote(allowed)}?)`
        : `${path}: expected ${quote(allowed)}, got ${shown}${what ? ` (${what})` : ''}`,
  };
}

/** A value of the wrong type, with how to write it when it is a number or an amount. */
function wrongType(at: ErrorPlace): SchemaProblem {
  const { pointer, path, schema, value, params, sourceText } = at;
  let message = `${path}: expected ${expected(schema)}, got ${describeValue(value)}`;
  const wanted = params.type;
  if (wanted === 'string' && typeof value === 'number') {
    const written = sourceText(pointer)?.trim();
    if (written !== undefined)
      message += ` (write it in quotes to keep it as written: "${written}")`;
  } else if (wanted === 'integer' && typeof value === 'number') {
    message = `${path}: expected a whole number, got ${value}`;
  } else if (schema?.definition === 'Money' && typeof value === 'string') {
    const amount = amountWritten(value);
    if (amount !== undefined)
      message += ` (did you mean ${amount}? a dot before the cents, no spaces)`;
    else if (/^\d+(\.\d{1,2})?$/.test(value.trim()))
      message += ` (write it without quotes: ${value.trim()})`;
  } else if ((wanted === 'number' || wanted === 'integer') && typeof value === 'string') {
    if (/^\d+(\.\d+)?$/.test(value.trim()))
      message += ` (write it without quotes: ${value.trim()})`;
  } else if (wanted === 'array' && typeof value === 'string' && value.includes(',')) {
    const items = value.split(',').map((part) => part.trim());
    if (items.every((item) => /^[\w.-]+$/.test(item)))
      message += ` (write a list in brackets: [${items.join(', ')}])`;
  }
  return { pointer, message };
}

/** Text not written as expected: what is wrong with a date, a week or a period, or what is due. */
function badlyWritten({ pointer, path, schema, value }: ErrorPlace): SchemaProblem {
  const text = String(value);
  const problem =
    schema?.definition !== undefined && DATE_DEFINITIONS.has(schema.definition)
      ? (parseCalendarDate(text) as { problem?: string }).problem
      : schema?.definition === 'IsoWeek'
        ? (parseIsoWeek(text) as { problem?: string }).problem
        : schema?.definition === 'Period'
          ? (parsePeriod(text) as { problem?: string }).problem
          : undefined;
  const what = firstSentence(schema?.description);
  return {
    pointer,
    message: `${path}: ${problem ?? `${quote(text)} is not valid here${what ? ` (expected ${what})` : ''}`}`,
  };
}

/** A value as written in the file (as read, when the text is not at hand). */
function asWritten({ pointer, value, sourceText }: ErrorPlace): string {
  return sourceText(pointer)?.trim() ?? String(value);
}

/** A number below its minimum (a negative one, when the minimum is 0), as written. */
function belowMinimum(at: ErrorPlace): SchemaProblem {
  const { pointer, path, schema, params } = at;
  const limit = Number(params.limit);
  const shown = asWritten(at);
  return {
    pointer,
    message:
      limit === 0
        ? `${path}: ${shown} is negative (expected ${expected(schema)} of at least 0)`
        : `${path}: ${shown} is less than the minimum, ${limit}`,
  };
}

/** A number above its maximum, as written. */
function aboveMaximum(at: ErrorPlace): SchemaProblem {
  const { pointer, path, params } = at;
  const shown = asWritten(at);
  return {
    pointer,
    message: `${path}: ${shown} is more than the maximum, ${String(params.limit)}`,
  };
}

/** A list shorter than its minimum. */
function tooFewItems({ pointer, path, params }: ErrorPlace): SchemaProblem {
  return { pointer, message: `${path}: expected at least ${String(params.limit)} item(s)` };
}

/** A list that holds the same item twice (a party that agreed twice), at the repetition. */
function repeatedItem({ pointer, path, value, params }: ErrorPlace): SchemaProblem {
  // ajv names the later item first: items i and j (j < i) are identical.
  const later = Number(params.i);
  const item = Array.isArray(value) ? (value as unknown[])[later] : undefined;
  const shown = typeof item === 'string' ? quote(item) : describeValue(item);
  return {
    pointer: joinPointer(pointer, String(later)),
    message: `${path}: ${shown} is written twice (each item once)`,
  };
}

/** A value in none of the forms of a union (a rule condition). */
function noForm({ pointer, path, schema, value }: ErrorPlace): SchemaProblem {
  return {
    pointer,
    message: `${path}: ${describeValue(value)} is not ${schema?.title ? article(schema.title) : 'in any of the allowed forms'}`,
  };
}

function resolvedChild(
  schema: ResolvedSchema | undefined,
  field: string,
  root: RootSchema,
): ResolvedSchema | undefined {
  return resolveSchema(schema?.properties?.[field], root);
}

/**
 * An amount written as people write it in French or English (`10 000,00`, `10000,00 €`,
 * `10,000.00`), as a record writes it (`10000.00`); undefined for text that is no amount.
 */
export function amountWritten(text: string): string | undefined {
  const bare = text.replace(/[\s\u00a0\u202f]|€|EUR/g, '');
  let digits: string | undefined;
  if (/^\d+(,\d{1,2})?$/.test(bare)) digits = bare.replace(',', '.');
  else if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(bare))
    digits = bare.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(bare)) digits = bare.replace(/,/g, '');
  else if (/^\d+\.\d{1,2}$/.test(bare) && bare !== text) digits = bare;
  if (digits === undefined) return undefined;
  const [units, cents = ''] = digits.split('.');
  return `${units}.${cents.padEnd(2, '0')}`;
}

/**
 * In a flow mapping, `amount: 10000,00` reads as `amount: 10000` and a field `00`: that field,
 * and the amount before it, for a message that says how to write it.
 */
function decimalComma(
  field: string,
  mapping: unknown,
  schema: ResolvedSchema | undefined,
  pointer: string,
  root: RootSchema,
  sourceText: (pointer: string, atKey?: boolean) => string | undefined,
): { written: string; amount: string } | undefined {
  if (mapping === null || typeof mapping !== 'object') return undefined;
  // The cents as written: `00` reads as the number 0, a field named `0`.
  const cents = sourceText(joinPointer(pointer, field), true);
  if (cents === undefined || !/^\d{1,2}$/.test(cents)) return undefined;
  for (const key of Object.keys(mapping)) {
    if (resolvedChild(schema, key, root)?.definition !== 'Money') continue;
    const units = sourceText(joinPointer(pointer, key))?.trim();
    if (units !== undefined && /^\d+$/.test(units))
      return { written: `${units},${cents}`, amount: `${units}.${cents.padEnd(2, '0')}` };
  }
  return undefined;
}
