/**
 * The two languages of clausier, French (the convention's, the default) and English, and how each
 * writes a number, a date and a quotation.
 */
import { formatDay, parseCalendarDate } from './calendar.js';

export type Language = 'fr' | 'en';

/** The language of a report that names none: the convention's. */
export const DEFAULT_LANGUAGE: Language = 'fr';

/** A number written as the language writes it: `1,5` in French, `1.5` in English. */
export function formatNumber(value: number, language: Language): string {
  const text = String(Math.round(value * 1000) / 1000);
  return language === 'fr' ? text.replace('.', ',') : text;
}

/** Writes a date `YYYY-MM-DD` as the language does: 30/08/2019 in French, 2019-08-30 in English. */
export function formatDate(value: string, language: Language): string {
  const parsed = parseCalendarDate(value);
  if (!parsed.ok) return value;
  if (language === 'en') return formatDay(parsed.value);
  const [y, m, d] = value.split('-');
  return `${d}/${m}/${y}`;
}

/** Quoted text, with the quotation marks of a language. */
export function quotedIn(text: string, language: Language): string {
  return language === 'fr' ? `« ${text} »` : `“${text}”`;
}
