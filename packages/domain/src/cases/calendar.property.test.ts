import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../registry/date-of-birth';
import { addHours, addWorkingDays, countWorkingDays, isWorkingDay } from './calendar';
import { createHolidayCalendar, defaultHolidayYear, type HolidayDay, type HolidayYear } from './holidays';
import { lunarToSolar, solarToLunar } from './lunar-calendar';
import { endOfVnDay, formatVnDateTime, isWeekend, vnDateOf, vnInstant } from './vn-time';

const calendar = createHolidayCalendar();
const instant = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => new Date(date.getTime()));
const workingDays = fc.integer({ min: 0, max: 40 });

/** Instants inside the default days off of 2020–2035, at any minute of the day. */
const holidayInstant = fc
  .tuple(fc.integer({ min: 2020, max: 2035 }), fc.nat(), fc.integer({ min: 0, max: 24 * 60 - 1 }))
  .map(([year, index, minute]) => {
    const days = defaultHolidayYear(year).days;
    const day = days[index % days.length] as HolidayDay;
    return new Date(vnInstant(day.date).getTime() + minute * 60_000);
  });

describe('calendar properties', () => {
  it('no working-day deadline lands on a weekend or a day off; it is the end of a local day', () => {
    fc.assert(
      fc.property(instant, workingDays, (start, n) => {
        const due = addWorkingDays(start, n, calendar);
        const day = vnDateOf(due);
        expect(isWorkingDay(day, calendar)).toBe(true);
        expect(calendar.findDay(day)).toBeUndefined();
        expect(isWeekend(day)).toBe(false);
        expect(due.getTime()).toBe(endOfVnDay(day).getTime());
        expect(due.getTime()).toBeGreaterThan(start.getTime());
      }),
    );
  });

  it('a deadline of n ≥ 1 working days spans exactly n working days after the start date', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), (start, n) => {
        expect(countWorkingDays(start, addWorkingDays(start, n, calendar), calendar)).toBe(n);
      }),
    );
  });

  it('adding working days is monotonic in n, strictly from n = 1 (n = 0 on a day off = n = 1)', () => {
    fc.assert(
      fc.property(instant, workingDays, workingDays, (start, a, b) => {
        fc.pre(a !== b);
        const [low, high] = a < b ? [a, b] : [b, a];
        const early = addWorkingDays(start, low, calendar).getTime();
        const late = addWorkingDays(start, high, calendar).getTime();
        if (low >= 1 || isWorkingDay(start, calendar)) expect(early).toBeLessThan(late);
        else expect(early).toBeLessThanOrEqual(late);
      }),
    );
  });

  it('adding working days is monotonic in the start', () => {
    fc.assert(
      fc.property(instant, instant, workingDays, (a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addWorkingDays(early, n, calendar).getTime()).toBeLessThanOrEqual(
          addWorkingDays(late, n, calendar).getTime(),
        );
      }),
    );
  });

  it('a 12-hour clock is exactly start + 12 h, across midnight, weekends and holidays', () => {
    fc.assert(
      fc.property(fc.oneof(instant, holidayInstant), (start) => {
        const due = addHours(start, 12);
        expect(due.getTime() - start.getTime()).toBe(12 * 3_600_000);
        expect(formatVnDateTime(due)).toBe(formatVnDateTime(new Date(start.getTime() + 43_200_000)));
      }),
    );
  });

  it('holds for any yearly data: random days off and working weekends', () => {
    const yearData = fc.uniqueArray(fc.integer({ min: 0, max: 364 }), { maxLength: 40 }).map(
      (offsets): HolidayYear => ({
        year: 2027,
        source: 'generated',
        verified: false,
        days: offsets.map((offset) => {
          const date = addCalendarDays('2027-01-01', offset);
          return {
            date,
            name: 'x',
            kind: isWeekend(date) && offset % 2 === 0 ? 'working_weekend' : 'holiday',
          };
        }),
      }),
    );
    const start = fc
      .integer({ min: 0, max: 300 })
      .map((offset) => vnInstant(addCalendarDays('2027-01-01', offset), '10:00'));
    fc.assert(
      fc.property(yearData, start, fc.integer({ min: 0, max: 20 }), (year, from, n) => {
        const cal = createHolidayCalendar([year]);
        const day = vnDateOf(addWorkingDays(from, n, cal));
        expect(isWorkingDay(day, cal)).toBe(true);
        const listed = cal.findDay(day);
        if (listed) expect(listed.kind).toBe('working_weekend');
        else expect(isWeekend(day)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('default years 1950–2199 have 11 distinct holiday days and compensate every weekend one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2199 }), (year) => {
        const days = defaultHolidayYear(year).days;
        const holidays = days.filter((day) => day.kind === 'holiday');
        const compensatory = days.filter((day) => day.kind === 'compensatory');
        expect(holidays).toHaveLength(11);
        expect(compensatory).toHaveLength(holidays.filter((day) => isWeekend(day.date)).length);
        expect(compensatory.every((day) => !isWeekend(day.date))).toBe(true);
        expect(new Set(days.map((day) => day.date)).size).toBe(days.length);
      }),
      { numRuns: 100 },
    );
  });

  it('solar → lunar → solar is the identity (1900–2199)', () => {
    const day = fc
      .integer({ min: 0, max: 300 * 365 })
      .map((offset) => addCalendarDays('1900-01-01', offset))
      .filter((date) => date < '2199-12-01');
    fc.assert(
      fc.property(day, (date) => {
        const lunar = solarToLunar(date);
        expect(lunar.day).toBeGreaterThanOrEqual(1);
        expect(lunar.day).toBeLessThanOrEqual(30);
        expect(lunarToSolar(lunar)).toBe(date);
      }),
      { numRuns: 500 },
    );
  });
});
