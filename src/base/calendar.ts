/**
 * Calendar dates as day numbers, ISO weeks, periods and French working days.
 *
 * A date is a calendar date, never a `Date`: a day is an integer (days since 1970-01-01), so that
 * nothing depends on the machine's time zone or locale. The conversions are Howard Hinnant's
 * `days_from_civil` and `civil_from_days` algorithms, in integer arithmetic.
 */
import { remembered } from './memo.js';
import { quote } from './quote.js';

/** A calendar day: the number of days since 1970-01-01 (negative before it). */
export type Day = number;

export interface CivilDate {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

export function dayFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDay(d: Day): CivilDate {
  const z = d + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
];

/** A small count in words (`five`), larger ones in digits. */
export function countInWords(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

export function formatDay(d: Day): string {
  // Records name the same few hundred days again and again (a week's Monday, Friday, Sunday):
  // each is written once.
  return remembered(WRITTEN, d, writeDay);
}
/** Days already written, by their number. */
const WRITTEN = new Map<Day, string>();

function writeDay(d: Day): string {
  const { year, month, day } = civilFromDay(d);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** ISO weekday: 1 is Monday, 7 is Sunday. 1970-01-01 was a Thursday. */
export function weekday(d: Day): number {
  return ((((d + 3) % 7) + 7) % 7) + 1;
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * Reads a calendar date written YYYY-MM-DD; the problem, when there is one, says what is wrong
 * in words a person filling in a record understands.
 */
export function parseCalendarDate(text: string): Parsed<Day> {
  // Records repeat the same few hundred days (every week, every session): read each once.
  // Only text of a date's length is kept: a long string is no date, and is not worth holding.
  if (text.length > 10) return readCalendarDate(text);
  let parsed = parsedDates.get(text);
  if (parsed === undefined) {
    if (parsedDates.size >= 50_000) parsedDates.clear();
    parsed = readCalendarDate(text);
    parsedDates.set(text, parsed);
  }
  return parsed;
}

/** A date the record's reading checked, or one computed from checked dates: a bad one is a bug. */
export function checkedDay(text: string): Day {
  const parsed = parseCalendarDate(text);
  if (!parsed.ok) throw new Error(`unchecked date ${text}`);
  return parsed.value;
}

const parsedDates = new Map<string, Parsed<Day>>();

function readCalendarDate(text: string): Parsed<Day> {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) {
    const long = /^(\d{5,})-(\d{1,2})-(\d{1,2})$/.exec(text);
    if (long) {
      return {
        ok: false,
        problem: `${quote(text)} is not a date: the year has ${countInWords(long[1]!.length)} digits (expected YYYY-MM-DD)`,
      };
    }
    // Day first, as French writes it (17/10/2019, 17.10.2019), or without its zeros (2019-8-30):
    // the date meant, when it is one.
    const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    const unpadded = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    const [year, month, day] = dayFirst
      ? [dayFirst[3]!, dayFirst[2]!, dayFirst[1]!]
      : unpadded
        ? [unpadded[1]!, unpadded[2]!, unpadded[3]!]
        : [];
    const meant =
      year === undefined
        ? undefined
        : `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
    if (meant !== undefined && readCalendarDate(meant).ok)
      return {
        ok: false,
        problem: `${quote(text)} is not a date in the form YYYY-MM-DD (did you mean ${meant}?)`,
      };
    if (/^\d{1,2}\/\d{1,2}\/\d+$/.test(text)) {
      return {
        ok: false,
        problem: `${quote(text)} is not a date in the form YYYY-MM-DD (write e.g. 2019-08-30)`,
      };
    }
    return { ok: false, problem: `${quote(text)} is not a date (expected YYYY-MM-DD)` };
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) {
    return { ok: false, problem: `${quote(text)} is not a date: there is no month ${month}` };
  }
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return {
      ok: false,
      problem: `${quote(text)} is not a date: ${MONTHS_EN[month - 1]} ${year} has ${last} days`,
    };
  }
  return { ok: true, value: dayFromCivil(year, month, day) };
}

/** The Monday of ISO week 1 of `year`: the week that holds the year's first Thursday. */
function isoWeekOneMonday(year: number): Day {
  const jan4 = dayFromCivil(year, 1, 4);
  return jan4 - (weekday(jan4) - 1);
}

/** The number of ISO weeks in `year`: 53 when it starts on a Thursday, or on a Wednesday in a leap year. */
export function isoWeeksInYear(year: number): number {
  return (isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / 7;
}

export interface IsoWeekId {
  year: number;
  week: number;
}

export function isoWeekOf(d: Day): IsoWeekId {
  let year = civilFromDay(d).year;
  if (d >= isoWeekOneMonday(year + 1)) year += 1;
  else if (d < isoWeekOneMonday(year)) year -= 1;
  return { year, week: Math.floor((d - isoWeekOneMonday(year)) / 7) + 1 };
}

export function isoWeekMonday(week: IsoWeekId): Day {
  return isoWeekOneMonday(week.year) + (week.week - 1) * 7;
}

export function formatIsoWeek(week: IsoWeekId): string {
  return `${pad(week.year, 4)}-W${pad(week.week, 2)}`;
}

/** Reads an ISO week written YYYY-Www into the day number of its Monday. */
export function parseIsoWeek(text: string): Parsed<Day> {
  const match = /^(\d{4})-W(\d{2})$/.exec(text);
  if (!match) {
    const long = /^(\d{5,})-W(\d{1,2})$/.exec(text);
    if (long) {
      return {
        ok: false,
        problem: `${quote(text)} is not an ISO week: the year has ${countInWords(long[1]!.length)} digits (expected YYYY-Www)`,
      };
    }
    // A week without its zero (2020-W2, 2020-w2): the week meant.
    const unpadded = /^(\d{4})-[Ww](\d{1,2})$/.exec(text);
    const meant = unpadded ? `${unpadded[1]}-W${unpadded[2]!.padStart(2, '0')}` : undefined;
    if (meant !== undefined && meant !== text && parseIsoWeek(meant).ok)
      return {
        ok: false,
        problem: `${quote(text)} is not an ISO week in the form YYYY-Www (did you mean ${meant}?)`,
      };
    return {
      ok: false,
      problem: `${quote(text)} is not an ISO week (expected YYYY-Www, e.g. 2019-W42)`,
    };
  }
  const year = Number(match[1]);
  const week = Number(match[2]);
  const weeks = isoWeeksInYear(year);
  if (week < 1 || week > weeks) {
    return {
      ok: false,
      problem: `${quote(text)} is not an ISO week: ${year} has ${weeks} ISO weeks (W01 to W${weeks})`,
    };
  }
  return { ok: true, value: isoWeekMonday({ year, week }) };
}

/** A period of ISO 8601 form PnD, PnW, PnM or PnY. */
export interface Period {
  amount: number;
  unit: 'D' | 'W' | 'M' | 'Y';
}

export function parsePeriod(text: string): Parsed<Period> {
  const match = /^P([1-9]\d{0,3})([DWMY])$/.exec(text);
  if (!match) {
    return {
      ok: false,
      problem: `${quote(text)} is not a period (expected e.g. P30D, P2W, P1M or P1Y)`,
    };
  }
  return { ok: true, value: { amount: Number(match[1]), unit: match[2] as Period['unit'] } };
}

/**
 * Adds a period to a day. Months and years end on the day of the target month that bears the
 * same number, or on that month's last day where it has none (31 January + P1M = 28 or 29
 * February): the rule of article 641 of the Code de procédure civile.
 */
export function addPeriod(from: Day, period: Period): Day {
  switch (period.unit) {
    case 'D':
      return from + period.amount;
    case 'W':
      return from + 7 * period.amount;
    case 'M':
    case 'Y': {
      const months = period.unit === 'M' ? period.amount : 12 * period.amount;
      const { year, month, day } = civilFromDay(from);
      const index = year * 12 + (month - 1) + months;
      const targetYear = Math.floor(index / 12);
      const targetMonth = (index % 12) + 1;
      return dayFromCivil(
        targetYear,
        targetMonth,
        Math.min(day, daysInMonth(targetYear, targetMonth)),
      );
    }
  }
}

/** Easter Sunday of a Gregorian year (the anonymous algorithm of Meeus, Jones and Butcher). */
export function easterSunday(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromCivil(year, month, day);
}

/**
 * The French public holidays (jours fériés) of article L3133-1 of the Code du travail: 1 January,
 * Easter Monday, 1 May, 8 May, Ascension Day, Whit Monday, 14 July, 15 August, 1 November,
 * 11 November and 25 December.
 */
export function frenchPublicHolidays(year: number): Day[] {
  const easter = easterSunday(year);
  return [
    dayFromCivil(year, 1, 1),
    easter + 1,
    dayFromCivil(year, 5, 1),
    dayFromCivil(year, 5, 8),
    easter + 39,
    easter + 50,
    dayFromCivil(year, 7, 14),
    dayFromCivil(year, 8, 15),
    dayFromCivil(year, 11, 1),
    dayFromCivil(year, 11, 11),
    dayFromCivil(year, 12, 25),
  ].sort((x, y) => x - y);
}

export function isFrenchPublicHoliday(d: Day): boolean {
  return frenchPublicHolidays(civilFromDay(d).year).includes(d);
}

/** The day itself when it is a working day, else the next one (article 642 of the CPC). */
export function nextWorkingDay(d: Day): Day {
  let day = d;
  while (weekday(day) >= 6 || isFrenchPublicHoliday(day)) day += 1;
  return day;
}

/** Whether a day is a working day: Monday to Friday, not a French public holiday. */
export const isWorkingDay = (d: Day): boolean => weekday(d) < 6 && !isFrenchPublicHoliday(d);

/**
 * Adds a period to a day, counted one of three ways: in calendar days; as the Code de procédure
 * civile counts (art. 640 to 642: an end falling on a Saturday, Sunday or public holiday moves
 * to the next working day); or in working days (a period of days or weeks counts the working days
 * after the first day, five a week; a period of months or years ends on a working day, as the
 * Code counts).
 */
export function addPeriodCounted(
  from: Day,
  period: Period,
  counting: 'calendar' | 'code-de-procedure-civile' | 'working-days',
): Day {
  if (counting === 'working-days' && (period.unit === 'D' || period.unit === 'W')) {
    let left = period.unit === 'D' ? period.amount : 5 * period.amount;
    let day = from;
    while (left > 0) {
      day += 1;
      if (isWorkingDay(day)) left -= 1;
    }
    return day;
  }
  const end = addPeriod(from, period);
  return counting === 'calendar' ? end : nextWorkingDay(end);
}
