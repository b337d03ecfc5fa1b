/**
 * A record walked with its schema: every value with the part of the JSON Schema that describes
 * it, depth first, in document order. One traversal serves decoding (the values that need more
 * than a type: amounts, dates, weeks) and the facts that gather every date of a record. Parts of
 * a record whose schema cannot hold what a walk looks for are not visited.
 */
import { escapeSegment } from '../base/pointer.js';
import {
  childSchema,
  programmeSchema,
  resolveSchema,
  type ResolvedSchema,
  type RootSchema,
} from './schema.js';

/**
 * Visits every value of a record with the schema that describes it, depth first. The visitor
 * returns false to stop descending into a value. Map keys constrained by a definition (ISO weeks)
 * are visited with `key: true`. The pointer of a value is made only when the visitor asks for it:
 * most values never need theirs; the container and the key or index it is at (none for the
 * root) are given, for visitors that read or replace it there.
 */
export function walkWithSchema(
  value: unknown,
  visit: (
    value: unknown,
    schema: ResolvedSchema,
    pointer: () => string,
    key: boolean,
    parent: Record<string, unknown> | unknown[] | undefined,
    segment: string,
  ) => boolean | void,
  root: RootSchema = programmeSchema,
  /** Where given, only values whose schema can hold an instance of one of these are visited. */
  only?: ReadonlySet<string>,
): void {
  const path: string[] = [];
  const pointer = (): string => pointerOfPath(path);
  const wanted = (schema: ResolvedSchema): boolean =>
    only === undefined || canHoldAny(schema, only, root);
  const walk = (
    node: unknown,
    schema: ResolvedSchema | undefined,
    parent: Record<string, unknown> | unknown[] | undefined,
    segment: string,
  ): void => {
    if (!schema || !wanted(schema)) return;
    if (visit(node, schema, pointer, false, parent, segment) === false) return;
    if (Array.isArray(node)) {
      const items = schema.items ? resolveSchema(schema.items, root) : undefined;
      if (!items) return;
      for (let index = 0; index < node.length; index++) {
        const at = String(index);
        path.push(at);
        walk(node[index], items, node, at);
        path.pop();
      }
    } else if (node !== null && typeof node === 'object') {
      const mapping = node as Record<string, unknown>;
      const named = schema.propertyNames ? resolveSchema(schema.propertyNames, root) : undefined;
      const keySchema = named && wanted(named) ? named : undefined;
      for (const key of Object.keys(mapping)) {
        path.push(key);
        if (!keySchema || visit(key, keySchema, pointer, true, mapping, key) !== false) {
          walk(mapping[key], childSchema(schema, key, root), mapping, key);
        }
        path.pop();
      }
    }
  };
  walk(value, resolveSchema(root, root), undefined, '');
}

/** The pointer of a path, as joinPointer('', ...path) makes it, escaping only what needs it. */
function pointerOfPath(path: readonly string[]): string {
  let pointer = '';
  for (const segment of path)
    pointer +=
      '/' + (segment.includes('~') || segment.includes('/') ? escapeSegment(segment) : segment);
  return pointer;
}

/** Whether a value of this schema can hold, at any depth, an instance of a definition. */
function canHold(
  schema: ResolvedSchema,
  definition: string,
  root: RootSchema,
  visiting = new Set<ResolvedSchema>(),
): boolean {
  let known = holdsCache.get(schema)?.get(definition);
  if (known !== undefined) return known;
  if (schema.definition === definition) known = true;
  // A union is not looked into (records have none): it may hold anything.
  else if ('anyOf' in schema || 'oneOf' in schema || 'allOf' in schema) known = true;
  else if (visiting.has(schema))
    return true; // a recursive schema: assume it may
  else {
    visiting.add(schema);
    const children = [
      ...(schema.items ? [schema.items] : []),
      ...Object.values(schema.properties ?? {}),
      ...(typeof schema.additionalProperties === 'object' ? [schema.additionalProperties] : []),
      // Keys count too (the weeks that key a release).
      ...(schema.propertyNames ? [schema.propertyNames] : []),
    ];
    known = children.some((child) => {
      const resolved = resolveSchema(child, root);
      return resolved !== undefined && canHold(resolved, definition, root, visiting);
    });
    visiting.delete(schema);
  }
  let byDefinition = holdsCache.get(schema);
  if (!byDefinition) holdsCache.set(schema, (byDefinition = new Map()));
  byDefinition.set(definition, known);
  return known;
}
const holdsCache = new WeakMap<ResolvedSchema, Map<string, boolean>>();

/** Whether a value of this schema can hold an instance of any of a set of definitions. */
function canHoldAny(
  schema: ResolvedSchema,
  definitions: ReadonlySet<string>,
  root: RootSchema,
): boolean {
  let bySchema = holdsAnyCache.get(definitions);
  if (!bySchema) holdsAnyCache.set(definitions, (bySchema = new WeakMap()));
  let known = bySchema.get(schema);
  if (known === undefined) {
    known = false;
    for (const name of definitions) if (canHold(schema, name, root)) known = true;
    bySchema.set(schema, known);
  }
  return known;
}
const holdsAnyCache = new WeakMap<ReadonlySet<string>, WeakMap<ResolvedSchema, boolean>>();

/**
 * The string values of a record that are instances of a definition (every `CalendarDate`...), or
 * of any of a set of definitions, with their pointers and definitions, in document order. Keys
 * are not values: a map keyed by a definition gives its keys' values only.
 */
export function valuesOfDefinition(
  value: unknown,
  definition: string | ReadonlySet<string>,
  root: RootSchema = programmeSchema,
): { value: string; pointer: string; definition: string }[] {
  const wanted = typeof definition === 'string' ? definitionSet(definition) : definition;
  const found: { value: string; pointer: string; definition: string }[] = [];
  walkWithSchema(
    value,
    (node, schema, pointer, key) => {
      const name = schema.definition;
      if (key || name === undefined || !wanted.has(name)) return true;
      if (typeof node === 'string')
        found.push({ value: node, pointer: pointer(), definition: name });
      return false;
    },
    root,
    wanted,
  );
  return found;
}

/**
 * One set per definition asked for alone: what a walk can find under each schema is remembered
 * per set (canHoldAny).
 */
function definitionSet(definition: string): ReadonlySet<string> {
  let set = singleDefinitions.get(definition);
  if (!set) singleDefinitions.set(definition, (set = new Set([definition])));
  return set;
}
const singleDefinitions = new Map<string, ReadonlySet<string>>();
