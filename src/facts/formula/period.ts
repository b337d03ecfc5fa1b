/**
 * Date arithmetic as rules see it: a date plus a period (months, days, working days...), counted
 * as the parameter says.
 */
import { addPeriodCounted, formatDay, checkedDay, parsePeriod } from '../../base/calendar.js';
import type { Counting } from '../../model/expressions.js';

/** Adds a period to a date as rules see it; null stays null. */
export function addPeriodToDate(
  from: string | null,
  period: string,
  counting: Counting,
): string | null {
  if (from === null) return null;
  const parsed = parsePeriod(period);
  // Periods were checked when the pack and the record were loaded: a bad one here is a bug.
  if (!parsed.ok) throw new Error(parsed.problem);
  return formatDay(addPeriodCounted(checkedDay(from), parsed.value, counting));
}
