/** Calendar arithmetic: day numbers, ISO weeks, periods, Easter, French holidays, CPC counting. */
import { describe, expect, it } from 'vitest';
import {
  addPeriod,
  dayFromCivil,
  easterSunday,
  formatDay,
  formatIsoWeek,
  frenchPublicHolidays,
  isoWeekOf,
  isoWeeksInYear,
  nextWorkingDay,
  parseCalendarDate,
  parseIsoWeek,
  parsePeriod,
  weekday,
} from '../src/base/calendar.js';
import { addPeriodToDate } from '../src/facts/formula.js';
import { weekDays } from '../src/facts/reader/fields.js';
import { MEMO_BOUND } from '../src/base/memo.js';

const day = (text: string): number => {
  const parsed = parseCalendarDate(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
};

describe('days', () => {
  it('round-trips every day from 1900 to 2100', () => {
    for (let d = dayFromCivil(1900, 1, 1); d <= dayFromCivil(2100, 12, 31); d++) {
      expect(day(formatDay(d))).toBe(d);
    }
  });

  it('knows 1970-01-01 was a Thursday and 2019-08-30 a Friday', () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    expect(weekday(0)).toBe(4);
    expect(weekday(day('2019-08-30'))).toBe(5);
    expect(weekday(day('1969-12-28'))).toBe(7);
  });
});

/** A text refused, with the problem said. */
const refused = (parsed: unknown, problem: string) =>
  expect(parsed).toEqual({ ok: false, problem });

describe('dates as people write them', () => {
  it('says which date was meant, day first or without its zeros, when it is one', () => {
    const meant = (text: string, date: string) =>
      refused(
        parseCalendarDate(text),
        `'${text}' is not a date in the form YYYY-MM-DD (did you mean ${date}?)`,
      );
    meant('17/10/2019', '2019-10-17');
    meant('1/2/2020', '2020-02-01');
    meant('17.10.2019', '2019-10-17');
    meant('2019-8-30', '2019-08-30');
    // No date to mean: February has no 31st.
    refused(
      parseCalendarDate('31/02/2019'),
      "'31/02/2019' is not a date in the form YYYY-MM-DD (write e.g. 2019-08-30)",
    );
  });
});

describe('ISO weeks', () => {
  it('numbers weeks as ISO 8601 does, across year ends', () => {
    expect(formatIsoWeek(isoWeekOf(day('2019-10-14')))).toBe('2019-W42');
    expect(formatIsoWeek(isoWeekOf(day('2019-12-30')))).toBe('2020-W01');
    expect(formatIsoWeek(isoWeekOf(day('2021-01-03')))).toBe('2020-W53');
    expect(formatIsoWeek(isoWeekOf(day('2027-01-01')))).toBe('2026-W53');
  });

  it('knows which years have 53 weeks', () => {
    expect([2015, 2019, 2020, 2026].map(isoWeeksInYear)).toEqual([53, 52, 53, 53]);
  });

  it('reads a week into its Monday, and refuses weeks that do not exist', () => {
    expect(parseIsoWeek('2020-W01')).toEqual({ ok: true, value: day('2019-12-30') });
    expect(parseIsoWeek('2019-W54')).toEqual({
      ok: false,
      problem: "'2019-W54' is not an ISO week: 2019 has 52 ISO weeks (W01 to W52)",
    });
    expect(parseIsoWeek('2019-W00').ok).toBe(false);
    expect(parseIsoWeek('2020-W53').ok).toBe(true);
  });

  it('says which week was meant when its zero is left out, and only a week that exists', () => {
    const meant = (text: string, week: string) =>
      refused(
        parseIsoWeek(text),
        `'${text}' is not an ISO week in the form YYYY-Www (did you mean ${week}?)`,
      );
    meant('2020-W1', '2020-W01');
    meant('2020-w02', '2020-W02');
    refused(
      parseIsoWeek('2019-W0'),
      "'2019-W0' is not an ISO week (expected YYYY-Www, e.g. 2019-W42)",
    );
  });

  it("gives a week's working days, from Monday to Friday, the same each time it is asked", () => {
    expect(weekDays('2020-W01')).toEqual({ first: '2019-12-30', last: '2020-01-03' });
    expect(weekDays('2020-W53')).toEqual({ first: '2020-12-28', last: '2021-01-01' });
    // More weeks than the reader keeps (MEMO_BOUND, 4,096), twice: what it forgets it reads again alike.
    const weeks: string[] = [];
    for (let year = 2000; year <= 2100; year++)
      for (let w = 1; w <= isoWeeksInYear(year); w++)
        weeks.push(`${year}-W${String(w).padStart(2, '0')}`);
    expect(weeks.length).toBeGreaterThan(MEMO_BOUND);
    for (const pass of [1, 2])
      for (const week of weeks) {
        const monday = (parseIsoWeek(week) as { value: number }).value;
        expect(weekDays(week), `${week}, pass ${pass}`).toEqual({
          first: formatDay(monday),
          last: formatDay(monday + 4),
        });
        expect([weekday(monday), weekday(monday + 4)]).toEqual([1, 5]);
      }
  });
});

describe('periods', () => {
  it('adds days, weeks, months and years; a month ends on the same number or the month’s last day', () => {
    expect(formatDay(addPeriod(day('2019-08-30'), { amount: 30, unit: 'D' }))).toBe('2019-09-29');
    expect(formatDay(addPeriod(day('2019-10-14'), { amount: 2, unit: 'W' }))).toBe('2019-10-28');
    expect(formatDay(addPeriod(day('2020-01-31'), { amount: 1, unit: 'M' }))).toBe('2020-02-29');
    expect(formatDay(addPeriod(day('2019-01-31'), { amount: 1, unit: 'M' }))).toBe('2019-02-28');
    expect(formatDay(addPeriod(day('2020-02-14'), { amount: 3, unit: 'M' }))).toBe('2020-05-14');
    expect(formatDay(addPeriod(day('2019-11-30'), { amount: 3, unit: 'M' }))).toBe('2020-02-29');
    expect(formatDay(addPeriod(day('2020-02-29'), { amount: 1, unit: 'Y' }))).toBe('2021-02-28');
  });

  it('reads ISO periods and refuses others', () => {
    expect(parsePeriod('P30D')).toEqual({ ok: true, value: { amount: 30, unit: 'D' } });
    expect(parsePeriod('P1M')).toEqual({ ok: true, value: { amount: 1, unit: 'M' } });
    expect(parsePeriod('P30')).toEqual({
      ok: false,
      problem: "'P30' is not a period (expected e.g. P30D, P2W, P1M or P1Y)",
    });
    expect(parsePeriod('P0D').ok).toBe(false);
  });
});

describe('French public holidays', () => {
  it('computes Easter Sunday', () => {
    expect(
      ['2019', '2020', '2024', '2025', '2038'].map((y) => formatDay(easterSunday(Number(y)))),
    ).toEqual(['2019-04-21', '2020-04-12', '2024-03-31', '2025-04-20', '2038-04-25']);
  });

  it('lists the eleven holidays of L3133-1, Easter Monday and Whit Monday included', () => {
    expect(frenchPublicHolidays(2020).map(formatDay)).toEqual([
      '2020-01-01',
      '2020-04-13',
      '2020-05-01',
      '2020-05-08',
      '2020-05-21',
      '2020-06-01',
      '2020-07-14',
      '2020-08-15',
      '2020-11-01',
      '2020-11-11',
      '2020-12-25',
    ]);
  });

  it('moves a day to the next working day', () => {
    expect(formatDay(nextWorkingDay(day('2019-11-30')))).toBe('2019-12-02');
    expect(formatDay(nextWorkingDay(day('2019-11-11')))).toBe('2019-11-12');
    expect(formatDay(nextWorkingDay(day('2020-04-13')))).toBe('2020-04-14');
    expect(formatDay(nextWorkingDay(day('2019-12-18')))).toBe('2019-12-18');
  });
});

describe('the one-month notice period, counted as the Code de procédure civile counts', () => {
  const expiry = (from: string): string | null =>
    addPeriodToDate(from, 'P1M', 'code-de-procedure-civile');

  it('expires on the same day number of the next month, moved off weekends and holidays', () => {
    expect(expiry('2019-10-31')).toBe('2019-12-02'); // 30 November is a Saturday
    expect(expiry('2019-10-11')).toBe('2019-11-12'); // 11 November is a holiday
    expect(expiry('2019-11-18')).toBe('2019-12-18');
    expect(expiry('2019-11-21')).toBe('2019-12-23'); // 21 December is a Saturday
    expect(expiry('2020-01-31')).toBe('2020-03-02'); // 29 February 2020 is a Saturday
    expect(expiry('2020-04-13')).toBe('2020-05-13');
    expect(expiry('2020-03-31')).toBe('2020-04-30');
    expect(expiry('2020-04-01')).toBe('2020-05-04'); // 1 May holiday, then a weekend
  });

  it('a calendar period is not moved', () => {
    expect(addPeriodToDate('2019-10-31', 'P1M', 'calendar')).toBe('2019-11-30');
    expect(addPeriodToDate(null, 'P1M', 'calendar')).toBeNull();
  });
});
