/**
 * The generated JSON Schema of a programme record, and which part of it describes the value at a
 * pointer. Used to word validation errors, and by the walk of a record with its schema
 * (./schema-walk.ts). The schema is the one generated from src/model.
 */
import schemaJson from '../../schemas/programme.schema.json' with { type: 'json' };
import { splitPointer } from '../base/pointer.js';

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
