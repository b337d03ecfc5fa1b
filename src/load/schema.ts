/**
 * Walking the generated JSON Schema alongside a record: which part of the schema describes the
 * value at a pointer. Used to word validation errors and to decode the values that need more
 * than a type (amounts, dates, weeks). The schema is the one generated from src/model.
 */
import schemaJson from '../../schemas/programme.schema.json' with { type: 'json' };
import { splitPointer } from '../pointer.js';

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

/** A schema node with its references followed: what a value at some place must be. */
export interface ResolvedSchema extends SchemaNode {
  /** The definition the value is an instance of (`Money`, `CalendarDate`, `Party`...), if any. */
  definition?: string;
}

/** Follows `$ref`s, keeping the definition's name and the most specific description. */
export function resolveSchema(
  node: SchemaNode | undefined,
  root: RootSchema = programmeSchema,
): ResolvedSchema | undefined {
  let current = node;
  let description = node?.description;
  let definition: string | undefined;
  const seen = new Set<string>();
  while (current?.$ref !== undefined) {
    const name = current.$ref.replace(/^#\/definitions\//, '');
    if (seen.has(name)) break;
    seen.add(name);
    definition = name;
    current = root.definitions[name];
    description ??= current?.description;
  }
  if (!current) return undefined;
  const { $ref: _ref, ...rest } = current;
  return {
    ...rest,
    ...(description !== undefined && { description }),
    ...(definition !== undefined && { definition }),
  };
}

/** The schema of an entry of an object or array described by `parent`. */
export function childSchema(
  parent: ResolvedSchema | undefined,
  segment: string,
  root: RootSchema = programmeSchema,
): ResolvedSchema | undefined {
  if (!parent) return undefined;
  if (parent.items) return resolveSchema(parent.items, root);
  const property = parent.properties?.[segment];
  if (property) return resolveSchema(property, root);
  if (typeof parent.additionalProperties === 'object')
    return resolveSchema(parent.additionalProperties, root);
  return undefined;
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
 * are visited with `key: true`.
 */
export function walkWithSchema(
  value: unknown,
  visit: (value: unknown, schema: ResolvedSchema, pointer: string, key: boolean) => boolean | void,
  root: RootSchema = programmeSchema,
  schema: ResolvedSchema | undefined = resolveSchema(root, root),
  pointer = '',
): void {
  if (!schema) return;
  if (visit(value, schema, pointer, false) === false) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      walkWithSchema(
        item,
        visit,
        root,
        childSchema(schema, String(index), root),
        `${pointer}/${index}`,
      ),
    );
  } else if (value !== null && typeof value === 'object') {
    const keySchema = schema.propertyNames ? resolveSchema(schema.propertyNames, root) : undefined;
    for (const [key, item] of Object.entries(value)) {
      const entry = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (keySchema && visit(key, keySchema, entry, true) === false) continue;
      walkWithSchema(item, visit, root, childSchema(schema, key, root), entry);
    }
  }
}
