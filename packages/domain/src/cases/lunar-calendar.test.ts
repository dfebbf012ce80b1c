import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../registry/date-of-birth';
import {
  dateOfJulianDayNumber,
  findLeapMonth,
  getSolarDateOfLunar,
  julianDayNumber,
  lunarNewYear,
  lunarToSolar,
  solarToLunar,
} from './lunar-calendar';

describe('Vietnamese lunar calendar', () => {
  it.each([
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('puts Tết %i on %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ year, month: 1, day: 1, leap: false });
  });

  it('computes for the meridian of UTC+7, where Tết differs from the Chinese calendar', () => {
    expect(lunarNewYear(1985)).toBe('1985-01-21'); // China: 1985-02-20
    expect(lunarNewYear(2007)).toBe('2007-02-17'); // China: 2007-02-18
    expect(lunarNewYear(1968)).toBe('1968-01-29'); // China: 1968-01-30
  });

  it.each([
    [2020, '2020-04-02'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('puts Giỗ Tổ Hùng Vương (10/3) %i on %s', (year, date) => {
    expect(getSolarDateOfLunar(year, 3, 10)).toBe(date);
  });

  it('finds the leap months', () => {
    expect(findLeapMonth(2020)).toBe(4);
    expect(findLeapMonth(2023)).toBe(2);
    expect(findLeapMonth(2025)).toBe(6);
    expect(findLeapMonth(2024)).toBeUndefined();
    expect(findLeapMonth(2026)).toBeUndefined();
    expect(solarToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true })).toBe('2025-07-25');
    expect(lunarToSolar({ year: 2025, month: 5, day: 1, leap: true })).toBeUndefined();
    expect(lunarToSolar({ year: 2026, month: 6, day: 1, leap: true })).toBeUndefined();
  });

  it('ends the lunar year on the eve of Tết (29 or 30 tháng Chạp)', () => {
    const eve = solarToLunar('2026-02-16');
    expect(eve).toMatchObject({ year: 2025, month: 12, leap: false });
    expect([29, 30]).toContain(eve.day);
  });

  it('round-trips every day of 2020–2030 and advances one lunar day per solar day', () => {
    let date = '2020-01-01';
    let previous = solarToLunar(date);
    while (date < '2031-01-01') {
      date = addCalendarDays(date, 1);
      const lunar = solarToLunar(date);
      expect(lunarToSolar(lunar)).toBe(date);
      if (lunar.day !== 1) expect(lunar).toEqual({ ...previous, day: previous.day + 1 });
      else expect([29, 30]).toContain(previous.day);
      previous = lunar;
    }
  });

  it('rejects dates it cannot compute or that do not exist', () => {
    expect(() => solarToLunar('1700-01-01')).toThrow(RangeError);
    expect(() => lunarNewYear(2300)).toThrow(RangeError);
    expect(() => getSolarDateOfLunar(2026, 2, 31)).toThrow(RangeError);
  });

  it('converts Julian day numbers both ways', () => {
    expect(julianDayNumber(1, 1, 2000)).toBe(2451545);
    expect(dateOfJulianDayNumber(2451545)).toBe('2000-01-01');
    expect(dateOfJulianDayNumber(julianDayNumber(29, 2, 2024))).toBe('2024-02-29');
  });

  it('starts the month on the true new moon when the mean one is a day late (2054-05-07 is 30/3)', () => {
    expect(solarToLunar('2054-05-06')).toEqual({ year: 2054, month: 3, day: 29, leap: false });
    expect(solarToLunar('2054-05-07')).toEqual({ year: 2054, month: 3, day: 30, leap: false });
    expect(solarToLunar('2054-05-08')).toEqual({ year: 2054, month: 4, day: 1, leap: false });
  });

  it('gives every day of 1900–2199 a lunar date that converts back to it', () => {
    const wrong: string[] = [];
    for (let day = '1900-01-01'; day < '2199-12-01'; day = addCalendarDays(day, 1)) {
      const lunar = solarToLunar(day);
      if (lunar.day < 1 || lunar.day > 30 || lunarToSolar(lunar) !== day) wrong.push(day);
    }
    expect(wrong).toEqual([]);
  });
});
