/**
 * Walking the generated JSON Schema alongside a record: which part of the schema describes the
 * value at a pointer. Used to word validation errors and to decode the values that need more
 * than a type (amounts, dates, weeks). The schema is the one generated from src/model.
 */
import schemaJson from '../../schemas/programme.schema.json' with { type: 'json' };
import { escapeSegment, splitPointer } from '../base/pointer.js';

export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  propertyNames?: SchemaNode;
  required?: string[];
  items?: SchemaNode;
}

export interface RootSchema extends SchemaNode {
  definitions: Record<string, SchemaNode>;
}

export const programmeSchema = schemaJson as unknown as RootSchema;

/**
 * The definitions of the record's dates: a plain calendar date (a plan, such as a phase's end, or
 * the evaluation date), the day of an event, and the day of a step in the life of something
 * recorded (see src/model/programme.ts).
 */
export const DATE_DEFINITIONS: ReadonlySet<string> = new Set([
  'CalendarDate',
  'EventDate',
  'StepDate',
]);

/** A schema node with its references followed: what a value at some place must be. */
export interface ResolvedSchema extends SchemaNode {
  /** The definition the value is an instance of (`Money`, `CalendarDate`, `Party`...), if any. */
  definition?: string;
}

/**
 * Resolved schemas, per root schema and node: a record's walk asks for the same few nodes
 * thousands of times (every week, every expense), so each is resolved once.
 */
const resolvedCache = new WeakMap<RootSchema, WeakMap<SchemaNode, ResolvedSchema | null>>();
const childCache = new WeakMap<ResolvedSchema, Map<string, ResolvedSchema | undefined>>();

/** Follows `$ref`s, keeping the definition's name and the most specific description. */
export function resolveSchema(
  node: SchemaNode | undefined,
  root: RootSchema = programmeSchema,
): ResolvedSchema | undefined {
  if (!node) return undefined;
  let cache = resolvedCache.get(root);
  if (!cache) {
    cache = new WeakMap();
    resolvedCache.set(root, cache);
  }
  const cached = cache.get(node);
  if (cached !== undefined) return cached ?? undefined;
  let current: SchemaNode | undefined = node;
  let description = node.description;
  let definition: string | undefined;
  const seen = new Set<string>();
  while (current?.$ref !== undefined) {
    const name: string = current.$ref.replace(/^#\/definitions\//, '');
    if (seen.has(name)) break;
    seen.add(name);
    definition = name;
    current = root.definitions[name];
    description ??= current?.description;
  }
  let resolved: ResolvedSchema | undefined;
  if (current) {
    const { $ref: _ref, ...rest } = current;
    resolved = {
      ...rest,
      ...(description !== undefined && { description }),
      ...(definition !== undefined && { definition }),
    };
  }
  cache.set(node, resolved ?? null);
  return resolved;
}

/** The schema of an entry of an object or array described by `parent`. */
export function childSchema(
  parent: ResolvedSchema | undefined,
  segment: string,
  root: RootSchema = programmeSchema,
): ResolvedSchema | undefined {
  if (!parent) return undefined;
  if (parent.items) return resolveSchema(parent.items, root);
  let children = childCache.get(parent);
  if (!children) {
    children = new Map();
    childCache.set(parent, children);
  }
  if (children.has(segment)) return children.get(segment);
  const property = parent.properties?.[segment];
  const child = property
    ? resolveSchema(property, root)
    : typeof parent.additionalProperties === 'object'
      ? resolveSchema(parent.additionalProperties, root)
      : undefined;
  // Maps keyed by week have as many keys as weeks: remember named properties only.
  if (property) children.set(segment, child);
  return child;
}

/** The schema describing the value at a pointer of a record. */
export function schemaAt(
  pointer: string,
  root: RootSchema = programmeSchema,
): ResolvedSchema | undefined {
  let node = resolveSchema(root, root);
  for (const segment of splitPointer(pointer)) node = childSchema(node, segment, root);
  return node;
}

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
function pointerOfPath(path: readonly (string | number)[]): string {
  let pointer = '';
  for (const segment of path)
    pointer +=
      typeof segment === 'number'
        ? `/${segment}`
        : '/' + (segment.includes('~') || segment.includes('/') ? escapeSegment(segment) : segment);
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
 * of any of a set of definitions, with their pointers and definitions, in document order, made one
 * at a time. Parts of the record whose schema cannot hold the definition are not visited.
 */
export function* valuesOfDefinition(
  value: unknown,
  definition: string | ReadonlySet<string>,
  root: RootSchema = programmeSchema,
): Generator<{ value: string; pointer: string; definition: string }> {
  const top = resolveSchema(root, root);
  if (!top) return;
  const wanted = typeof definition === 'string' ? new Set([definition]) : definition;
  const mayHold = (schema: ResolvedSchema): boolean => canHoldAny(schema, wanted, root);
  // Depth-first with a stack of its own (children pushed last first, to keep document order):
  // nested generators would cost a resumption per level for every value. The stack is four
  // parallel arrays, not an object per value.
  const path: (string | number)[] = [];
  const nodes: unknown[] = [value];
  const schemas: ResolvedSchema[] = [top];
  const depths: number[] = [0];
  const segments: (string | number)[] = [''];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const schema = schemas.pop()!;
    const depth = depths.pop()!;
    const segment = segments.pop()!;
    path.length = Math.max(0, depth - 1);
    if (depth > 0) path.push(segment);
    if (schema.definition !== undefined && wanted.has(schema.definition)) {
      if (typeof node === 'string')
        yield { value: node, pointer: pointerOfPath(path), definition: schema.definition };
      continue;
    }
    if (node === null || typeof node !== 'object' || !mayHold(schema)) continue;
    if (Array.isArray(node)) {
      const items = schema.items ? resolveSchema(schema.items, root) : undefined;
      for (let index = node.length - 1; index >= 0; index--) {
        const child = items ?? childSchema(schema, String(index), root);
        if (!child) continue;
        nodes.push(node[index]);
        schemas.push(child);
        depths.push(depth + 1);
        segments.push(index);
      }
      continue;
    }
    const keys = Object.keys(node);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k]!;
      const child = childSchema(schema, key, root);
      if (!child) continue;
      nodes.push((node as Record<string, unknown>)[key]);
      schemas.push(child);
      depths.push(depth + 1);
      segments.push(key);
    }
  }
}
