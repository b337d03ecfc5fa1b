/**
 * What the schema cannot check: an amount's exact cents (read from the file's text), a date that
 * is a real day, an ISO week that exists. Amounts are replaced, in place, by integer cents.
 */
import { parseCalendarDate, parseIsoWeek, type Parsed } from '../base/calendar.js';
import { LARGEST_AMOUNT, parseEuros } from '../base/money.js';
import { humanPath } from '../base/pointer.js';
import { programmeSchema, type RootSchema } from './schema.js';
import { walkWithSchema } from './schema-walk.js';
import type { SchemaProblem } from './validate.js';

/**
 * Decodes a validated record in place. Values under a pointer that already has a problem are
 * left alone, so that a value is never reported twice. `valueText`, where the caller has it,
 * gives what is written for an entry by its container and key, which spares making a pointer
 * for every amount.
 */
export function decodeRecord(
  record: unknown,
  sourceText: (pointer: string) => string | undefined,
  reported: readonly { pointer: string }[],
  root: RootSchema = programmeSchema,
  valueText?: (container: object, key: string) => string | undefined,
): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const skip = new Set(reported.map((p) => p.pointer));
  // The sum of every amount read so far: no sum a pack makes of them may lose a cent.
  let total = 0;
  const check = (pointer: string, parsed: Parsed<unknown>, atKey: boolean): boolean => {
    if (parsed.ok) return true;
    const where = atKey ? pointer.slice(0, pointer.lastIndexOf('/')) : pointer;
    problems.push({
      pointer,
      message: `${humanPath(where)}: ${parsed.problem}`,
      ...(atKey && { atKey }),
    });
    return false;
  };
  walkWithSchema(
    record,
    (value, schema, pointerOf, key, parent, segment) => {
      switch (schema.definition) {
        case 'Money': {
          if (typeof value !== 'number') return false;
          if (skip.size > 0 && skip.has(pointerOf())) return false;
          const written =
            valueText && parent ? valueText(parent, segment) : sourceText(pointerOf());
          const parsed = parseEuros(written ?? String(value));
          // Amounts are fields of mappings or items of lists, never the record itself.
          if (!parsed.ok) check(pointerOf(), parsed, false);
          else {
            if (parent) (parent as Record<string, unknown>)[segment] = parsed.value;
            const before = total;
            total += parsed.value;
            if (total > Number.MAX_SAFE_INTEGER && before <= Number.MAX_SAFE_INTEGER)
              check(pointerOf(), { ok: false, problem: TOO_LARGE_TOTAL }, false);
          }
          return false;
        }
        case 'CalendarDate':
        case 'EventDate':
        case 'StepDate':
          if (typeof value === 'string') {
            const parsed = parseCalendarDate(value);
            if (!parsed.ok && !skip.has(pointerOf())) check(pointerOf(), parsed, key);
          }
          return false;
        case 'IsoWeek':
          if (typeof value === 'string') {
            if (knownWeeks.has(value)) return true;
            const parsed = parseIsoWeek(value);
            if (parsed.ok) {
              if (knownWeeks.size >= 10_000) knownWeeks.clear();
              knownWeeks.add(value);
              return true;
            }
            if (!skip.has(pointerOf())) check(pointerOf(), parsed, key);
          }
          return false;
      }
      // A value the schema already found wrong is not decoded further.
      return skip.size === 0 || !skip.has(pointerOf());
    },
    root,
    DECODED,
  );
  return problems;
}

const TOO_LARGE_TOTAL = `the amounts of the record add up to more than ${LARGEST_AMOUNT}, the largest total counted exactly to the cent`;

/** The definitions whose values are decoded: parts of a record that hold none are not walked. */
const DECODED: ReadonlySet<string> = new Set([
  'Money',
  'CalendarDate',
  'EventDate',
  'StepDate',
  'IsoWeek',
]);

/**
 * ISO weeks found to exist: records write the same few hundred (a key per week of each
 * intrapreneur's release), each checked once.
 */
const knownWeeks = new Set<string>();
