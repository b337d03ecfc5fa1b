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

/**
 * A value's field at a path of own fields (never one of the prototype chain: a rule naming
 * `constructor` reads nothing). A missing or absent value on the way is returned as it is.
 */
export function readPath(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (current === null || current === undefined || isMissing(current)) return current;
    current = Object.hasOwn(current, segment)
      ? (current as Record<string, unknown>)[segment]
      : undefined;
  }
  return current;
}
