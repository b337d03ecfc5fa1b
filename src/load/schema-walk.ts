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
 * A walk of a record with its schema: every value with the part of the JSON Schema that describes
 * it, depth first, in document order, one value at a time (`next`), so that a walk can be read
 * as it goes (walkToDefinition is a generator over it: every date of a large record is not held
 * at once). After a value, the walk goes into it unless `skip` is called. Map keys constrained by
 * a definition (ISO weeks) are visited with `key` true, before their value; skipping a key skips
 * its value. Only values whose schema can hold an instance of one of `only`, where given, are
 * visited.
 */
export class SchemaWalk {
  /** The value visited, and the schema that describes it. */
  value: unknown;
  schema!: ResolvedSchema;
  /** Whether the value is a map's key. */
  key = false;
  /** The container the value is in, and its key or index there (none and '' for the root). */
  parent: Record<string, unknown> | unknown[] | undefined;
  segment = '';
  private readonly path: string[] = [];
  /** The containers walked into, outermost first. */
  private readonly frames: Frame[] = [];
  private state: 'start' | 'visited' | 'skipped' = 'start';

  constructor(
    private readonly root: unknown,
    private readonly rootSchema: RootSchema = programmeSchema,
    private readonly only?: ReadonlySet<string>,
  ) {}

  /** The visited value's pointer (made only when asked: most values never need theirs). */
  pointer(): string {
    return pointerOfPath(this.path);
  }

  /** Does not go into the value visited (nor, after a key, into its value). */
  skip(): void {
    this.state = 'skipped';
  }

  /** Moves to the next value; false when the walk is over. */
  next(): boolean {
    if (this.state === 'start') {
      this.state = 'visited';
      return this.visit(this.root, resolveSchema(this.rootSchema, this.rootSchema), undefined, '');
    }
    const frames = this.frames;
    if (this.state === 'visited') {
      if (this.key) {
        // Then the key's value.
        const frame = frames[frames.length - 1]!;
        if (this.visitEntry(frame)) return true;
      } else this.enter();
    } else if (this.key) frames[frames.length - 1]!.index++;
    this.state = 'visited';
    for (;;) {
      const frame = frames[frames.length - 1];
      if (frame === undefined) return false;
      const { container, keys } = frame;
      const length = keys === undefined ? (container as unknown[]).length : keys.length;
      if (frame.index >= length) {
        frames.pop();
        this.path.pop();
        continue;
      }
      const segment = keys === undefined ? String(frame.index) : keys[frame.index]!;
      this.path[frames.length - 1] = segment;
      if (frame.keySchema !== undefined) {
        // A key constrained by a definition, visited before its value.
        this.value = segment;
        this.schema = frame.keySchema;
        this.key = true;
        this.parent = container;
        this.segment = segment;
        return true;
      }
      if (this.visitEntry(frame)) return true;
    }
  }

  /** Visits the value of a container's entry at `frame.index`, and moves past it. */
  private visitEntry(frame: Frame): boolean {
    const { container, keys } = frame;
    const index = frame.index++;
    if (keys === undefined) {
      return this.visit((container as unknown[])[index], frame.schema, container, String(index));
    }
    const key = keys[index]!;
    const value = (container as Record<string, unknown>)[key];
    return this.visit(value, childSchema(frame.schema, key, this.rootSchema), container, key);
  }

  /** Makes a value the one visited, if its schema is wanted. */
  private visit(
    value: unknown,
    schema: ResolvedSchema | undefined,
    parent: Record<string, unknown> | unknown[] | undefined,
    segment: string,
  ): boolean {
    if (!schema || !this.wanted(schema)) return false;
    this.value = value;
    this.schema = schema;
    this.key = false;
    this.parent = parent;
    this.segment = segment;
    return true;
  }

  /** Goes into the value visited, if it is a container whose entries the schema describes. */
  private enter(): void {
    const { value: node, schema, rootSchema } = this;
    if (Array.isArray(node)) {
      const items = schema.items ? resolveSchema(schema.items, rootSchema) : undefined;
      if (items)
        this.push({
          container: node,
          keys: undefined,
          schema: items,
          keySchema: undefined,
          index: 0,
        });
    } else if (node !== null && typeof node === 'object') {
      const named = schema.propertyNames
        ? resolveSchema(schema.propertyNames, rootSchema)
        : undefined;
      const keySchema = named && this.wanted(named) ? named : undefined;
      const mapping = node as Record<string, unknown>;
      this.push({ container: mapping, keys: Object.keys(mapping), schema, keySchema, index: 0 });
    }
  }

  private push(frame: Frame): void {
    this.frames.push(frame);
    this.path.push('');
  }

  private wanted(schema: ResolvedSchema): boolean {
    return this.only === undefined || canHoldAny(schema, this.only, this.rootSchema);
  }
}

/** A container walked into, and the entry of it the walk is at. */
interface Frame {
  container: Record<string, unknown> | unknown[];
  /** A mapping's keys; undefined for a sequence. */
  keys: string[] | undefined;
  /** A sequence's items' schema; a mapping's own. */
  schema: ResolvedSchema;
  /** The schema of a mapping's keys, where they are visited. */
  keySchema: ResolvedSchema | undefined;
  index: number;
}

/**
 * Visits every value of a record with the schema that describes it, depth first (SchemaWalk). The
 * visitor returns false to stop descending into a value (or, for a key, into its value). The
 * pointer of a value is made only when the visitor asks for it; the container and the key or
 * index it is at (none for the root) are given, for visitors that read or replace it there.
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
  const walk = new SchemaWalk(value, root, only);
  const pointer = (): string => walk.pointer();
  while (walk.next()) {
    if (visit(walk.value, walk.schema, pointer, walk.key, walk.parent, walk.segment) === false)
      walk.skip();
  }
}

/**
 * The pointer of a path, as joinPointer('', ...path) makes it, escaping only what needs it.
 * Concatenated: joining the segments in one string made fewer bytes but took longer (issue 17's
 * eighth and thirteenth stops).
 */
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
 * The walk at each string value of a record that is an instance of a definition (every
 * `CalendarDate`...), or of any of a set of definitions, in document order: its `value`, its
 * `schema.definition` and its `pointer()` are read before the next. Keys are not values: a map
 * keyed by a definition gives its keys' values only. Nothing is made for a value, so that a reader
 * that needs the pointers of a few (the dates after the evaluation date) makes only theirs.
 */
export function* walkToDefinition(
  value: unknown,
  definition: string | ReadonlySet<string>,
  root: RootSchema = programmeSchema,
): Generator<SchemaWalk, void, undefined> {
  const wanted = typeof definition === 'string' ? definitionSet(definition) : definition;
  const walk = new SchemaWalk(value, root, wanted);
  while (walk.next()) {
    const name = walk.schema.definition;
    if (walk.key || name === undefined || !wanted.has(name)) continue;
    if (typeof walk.value === 'string') yield walk;
    walk.skip();
  }
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
