/**
 * A value the record lacks: a rule that needs it is `undetermined`, naming the fields to fill in
 * (Publicodes' "variables manquantes"), instead of guessing. `null` is different: it says a
 * thing does not exist (no seminar held yet), which a rule can judge.
 */
export class Missing {
  constructor(
    /** The JSON pointers of the fields the record lacks. */
    readonly pointers: readonly string[],
  ) {}

  toJSON(): { missing: readonly string[] } {
    return { missing: this.pointers };
  }
}

export const missing = (...pointers: string[]): Missing => new Missing(pointers);

export const isMissing = (value: unknown): value is Missing => value instanceof Missing;

/** The fields of a dotted path (`preincubation.end`); none for no path or an empty one. */
export const pathSegments = (path: string | undefined): string[] => (path ? path.split('.') : []);

/**
 * A dotted reference `fact.field...`, as deadlines and message placeholders write one: the fact,
 * and the fields read in it.
 */
export function splitDotted(dotted: string): { fact: string; path: string[] } {
  const [fact, ...path] = dotted.split('.');
  return { fact: fact!, path };
}

/** A field of a value, own fields only; an absent or unknown value as it is. */
const ownField = (value: unknown, field: string): unknown =>
  value === null || value === undefined || isMissing(value)
    ? value
    : Object.hasOwn(value, field)
      ? (value as Record<string, unknown>)[field]
      : undefined;

/**
 * A value's field at a path of own fields (never one of the prototype chain: a rule naming
 * `constructor` reads nothing). A missing or absent value on the way is returned as it is.
 */
export function readPath(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) current = ownField(current, segment);
  return current;
}

/**
 * The prototypes a value a path goes through may have: the values of records, facts and
 * parameters are data (mappings, objects, lists, texts, numbers, booleans) or Missing; the other
 * built-in kinds are listed so that none of their names is ever read through a prototype.
 */
const PROTOTYPES: readonly object[] = [
  Object.prototype,
  Array.prototype,
  String.prototype,
  Number.prototype,
  Boolean.prototype,
  Symbol.prototype,
  BigInt.prototype,
  Function.prototype,
  Map.prototype,
  Set.prototype,
  Date.prototype,
  RegExp.prototype,
  Error.prototype,
  Promise.prototype,
  ArrayBuffer.prototype,
  Object.getPrototypeOf(Uint8Array.prototype) as object,
  Missing.prototype,
];

/** Whether some value a path goes through could inherit a field of that name. */
const mayBeInherited = (name: string): boolean => PROTOTYPES.some((prototype) => name in prototype);

/**
 * The same for a field no prototype of those values has (most: `date`, `sessions`): read
 * directly, a lookup that finds it can only find it as an own field, and Object.hasOwn, some
 * tenth of a record's time, is not asked.
 */
const directField = (value: unknown, field: string): unknown =>
  value === null || value === undefined || isMissing(value)
    ? value
    : (value as Record<string, unknown>)[field];

/** How one field of a path is read: directly where no prototype could give it. */
const fieldReader = (field: string) => (mayBeInherited(field) ? ownField : directField);

/**
 * readPath at a fixed path, made once: each field read as fieldReader says; the paths of one and
 * two fields (most of them) without a loop.
 */
export function pathReader(path: readonly string[]): (value: unknown) => unknown {
  if (path.length === 0) return (value) => value;
  const fields = [...path];
  const readers = fields.map(fieldReader);
  const [first, second] = fields as [string, string];
  const [readFirst, readSecond] = readers as [typeof ownField, typeof ownField];
  if (path.length === 1) return (value) => readFirst(value, first);
  if (path.length === 2) return (value) => readSecond(readFirst(value, first), second);
  return (value) => {
    let current = value;
    for (let i = 0; i < fields.length; i++) current = readers[i]!(current, fields[i]!);
    return current;
  };
}
