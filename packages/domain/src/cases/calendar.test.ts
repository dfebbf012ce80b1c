import { describe, expect, it } from 'vitest';
import {
  addDaysDeadline,
  addHours,
  addWorkingDays,
  countWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  workingDayOnOrAfter,
} from './calendar';
import { createHolidayCalendar, defaultHolidayYear, type HolidayYear } from './holidays';
import { endOfVnDay, formatVnDateTime, vnDateOf, vnInstant } from './vn-time';

const calendar = createHolidayCalendar();
const at = (date: string, time?: string) => vnInstant(date, time);
const show = (instant: Date) => formatVnDateTime(instant);

describe('Vietnamese time', () => {
  it('uses UTC+7 whatever the machine’s time zone', () => {
    expect(at('2026-04-27', '09:00').toISOString()).toBe('2026-04-27T02:00:00.000Z');
    expect(vnDateOf(new Date('2026-04-26T16:59:59.999Z'))).toBe('2026-04-26');
    expect(vnDateOf(new Date('2026-04-26T17:00:00.000Z'))).toBe('2026-04-27');
    expect(show(endOfVnDay('2026-05-06'))).toBe('2026-05-06T23:59:59.999+07:00');
    expect(show(at('2026-05-06', '17:30'))).toBe('2026-05-06T17:30:00+07:00');
  });
});

describe('working days', () => {
  it.each([
    ['2026-04-28', true, 'Tuesday'],
    ['2026-05-02', false, 'Saturday'],
    ['2026-05-03', false, 'Sunday'],
    ['2026-04-30', false, 'Reunification Day'],
    ['2026-05-01', false, 'Labour Day'],
    ['2026-04-27', false, 'compensatory day for Giỗ Tổ on Sunday 26/4 (default rule)'],
    ['2026-02-16', false, 'Tết'],
    ['2026-02-23', true, 'after Tết'],
    ['2026-09-03', false, 'day after National Day (default)'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, calendar)).toBe(expected);
  });

  it('reads an instant in Vietnamese local time', () => {
    // 2026-04-29 23:30 UTC is 30/4 06:30 in Viet Nam: a holiday.
    expect(isWorkingDay(new Date('2026-04-29T23:30:00Z'), calendar)).toBe(false);
    expect(isWorkingDay(new Date('2026-04-29T16:59:00Z'), calendar)).toBe(true);
  });

  it('honours a Saturday made a working day by the yearly data', () => {
    const year: HolidayYear = {
      ...defaultHolidayYear(2026),
      days: [
        ...defaultHolidayYear(2026).days,
        { date: '2026-05-09', name: 'Làm bù', kind: 'working_weekend' },
      ],
    };
    const swapped = createHolidayCalendar([year]);
    expect(isWorkingDay('2026-05-09', swapped)).toBe(true);
    expect(nextWorkingDay('2026-05-08', swapped)).toBe('2026-05-09');
  });

  it('finds the next working day', () => {
    expect(nextWorkingDay('2026-04-29', calendar)).toBe('2026-05-04');
    expect(nextWorkingDay('2026-04-28', calendar)).toBe('2026-04-29');
    expect(workingDayOnOrAfter('2026-04-28', calendar)).toBe('2026-04-28');
    expect(workingDayOnOrAfter('2026-02-14', calendar)).toBe('2026-02-23');
  });
});

describe('addWorkingDays', () => {
  it('contract: received Monday 2026-04-27 09:00, plan due in 5 working days → end of Wednesday 6/5', () => {
    // 28/4 (1), 29/4 (2), 30/4 and 1/5 holidays, 2–3/5 weekend, 4/5 (3), 5/5 (4), 6/5 (5).
    const due = addWorkingDays(at('2026-04-27', '09:00'), 5, calendar);
    expect(show(due)).toBe('2026-05-06T23:59:59.999+07:00');
    expect(due.toISOString()).toBe('2026-05-06T16:59:59.999Z');
  });

  it('gives the same plan deadline whether or not 27/4/2026 is a compensatory day', () => {
    const withoutCompensation: HolidayYear = {
      ...defaultHolidayYear(2026),
      days: defaultHolidayYear(2026).days.filter((day) => day.kind !== 'compensatory'),
    };
    const other = createHolidayCalendar([withoutCompensation]);
    expect(isWorkingDay('2026-04-27', other)).toBe(true);
    expect(show(addWorkingDays(at('2026-04-27', '09:00'), 5, other))).toBe('2026-05-06T23:59:59.999+07:00');
  });

  it.each([
    // start (local), n, due date
    ['2026-06-01 09:00', 5, '2026-06-08'], // Monday → next Monday
    ['2026-06-05 23:30', 1, '2026-06-08'], // Friday night → Monday
    ['2026-06-06 10:00', 1, '2026-06-08'], // Saturday → Monday
    ['2026-06-01 00:00', 1, '2026-06-02'],
    ['2026-02-13 16:00', 1, '2026-02-23'], // Friday before Tết → Monday after
    ['2026-08-31 08:00', 3, '2026-09-07'], // across National Day (2–3/9)
    ['2026-06-01 09:00', 0, '2026-06-01'], // 0: end of the same working day
    ['2026-06-06 09:00', 0, '2026-06-08'], // 0 on a day off: end of the next working day
  ])('%s + %i working days → end of %s', (start, n, dueDate) => {
    const [date = '', time] = start.split(' ');
    expect(show(addWorkingDays(at(date, time), n, calendar))).toBe(`${dueDate}T23:59:59.999+07:00`);
  });

  it('rejects a negative or fractional count', () => {
    expect(() => addWorkingDays(at('2026-06-01'), -1, calendar)).toThrow(RangeError);
    expect(() => addWorkingDays(at('2026-06-01'), 1.5, calendar)).toThrow(RangeError);
  });

  it('counts the working days a deadline spans', () => {
    const start = at('2026-04-27', '09:00');
    expect(countWorkingDays(start, addWorkingDays(start, 5, calendar), calendar)).toBe(5);
    expect(countWorkingDays(start, at('2026-05-03', '12:00'), calendar)).toBe(2);
    expect(countWorkingDays(start, at('2026-04-20'), calendar)).toBe(0);
  });
});

describe('addHours (emergency clocks)', () => {
  it('is elapsed time across midnight and holidays, never moved to a working day', () => {
    expect(show(addHours(at('2026-04-29', '20:00'), 12))).toBe('2026-04-30T08:00:00+07:00');
    expect(show(addHours(at('2026-02-16', '23:15'), 12))).toBe('2026-02-17T11:15:00+07:00');
    expect(() => addHours(at('2026-02-16'), Number.NaN)).toThrow(RangeError);
  });
});

describe('addDaysDeadline (calendar days)', () => {
  it('ends at the end of the n-th day after the start date', () => {
    const due = addDaysDeadline(at('2026-04-20', '10:00'), 15, calendar, { shiftToWorkingDay: false });
    expect(show(due)).toBe('2026-05-05T23:59:59.999+07:00');
  });

  it('moves a last day that is a day off only when asked', () => {
    const start = at('2026-04-15', '10:00'); // + 15 days = 30/4, a holiday
    expect(show(addDaysDeadline(start, 15, calendar, { shiftToWorkingDay: false }))).toBe(
      '2026-04-30T23:59:59.999+07:00',
    );
    expect(show(addDaysDeadline(start, 15, calendar, { shiftToWorkingDay: true }))).toBe(
      '2026-05-04T23:59:59.999+07:00',
    );
  });
});
