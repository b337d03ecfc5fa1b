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
