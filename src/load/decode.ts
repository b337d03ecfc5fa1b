/**
 * What the schema cannot check: an amount's exact cents (read from the file's text), a date that
 * is a real day, an ISO week that exists. Amounts are replaced, in place, by integer cents.
 */
import { parseCalendarDate, parseIsoWeek, type Parsed } from '../calendar.js';
import { parseEuros } from '../money.js';
import { humanPath, splitPointer } from '../pointer.js';
import { programmeSchema, walkWithSchema, type RootSchema } from './schema.js';
import type { SchemaProblem } from './validate.js';

/**
 * Decodes a validated record in place. Values under a pointer that already has a problem are
 * left alone, so that a value is never reported twice.
 */
export function decodeRecord(
  record: unknown,
  sourceText: (pointer: string) => string | undefined,
  reported: readonly { pointer: string }[],
  root: RootSchema = programmeSchema,
): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const skip = new Set(reported.map((p) => p.pointer));
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
    (value, schema, pointerOf, key) => {
      switch (schema.definition) {
        case 'Money': {
          if (typeof value !== 'number') return false;
          const pointer = pointerOf();
          if (skip.has(pointer)) return false;
          const parsed = parseEuros(sourceText(pointer) ?? String(value));
          if (check(pointer, parsed, false) && parsed.ok) setAt(record, pointer, parsed.value);
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
            const parsed = parseIsoWeek(value);
            if (parsed.ok) return true;
            if (!skip.has(pointerOf())) check(pointerOf(), parsed, key);
          }
          return false;
      }
      // A value the schema already found wrong is not decoded further.
      return skip.size === 0 || !skip.has(pointerOf());
    },
    root,
  );
  return problems;
}

function setAt(root: unknown, pointer: string, value: unknown): void {
  const segments = splitPointer(pointer);
  const last = segments.pop()!;
  let node = root as Record<string, unknown>;
  for (const segment of segments) node = node[segment] as Record<string, unknown>;
  node[last] = value;
}
