import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  ageAt,
  birthDateRangeForAges,
  checkDateOfBirth,
  DateOfBirth,
  DateOfBirthInput,
  dateOfBirthAt,
  dateOfBirthPrecision,
  parseDateOfBirth,
  referenceBirthDate,
  turns6On,
  turns16On,
  turnsAgeOn,
  vietnamToday,
} from './date-of-birth';

describe('parseDateOfBirth', () => {
  it.each([
    ['2015-03-04', { precision: 'day', date: '2015-03-04', year: 2015, month: 3, day: 4 }],
    ['2016-02-29', { precision: 'day', date: '2016-02-29', year: 2016, month: 2, day: 29 }],
    ['2015', { precision: 'year', year: 2015 }],
    ['2015-02-29', undefined],
    ['2015-13-01', undefined],
    ['2015-04-31', undefined],
    ['2015-3-4', undefined],
    ['04/03/2015', undefined],
    ['15', undefined],
    ['', undefined],
  ])('%j → %j', (value, parsed) => {
    expect(parseDateOfBirth(value)).toEqual(parsed);
  });

  it('names the precision and the reference day', () => {
    expect(dateOfBirthPrecision('2015')).toBe('year');
    expect(dateOfBirthPrecision('2015-03-04')).toBe('day');
    expect(referenceBirthDate('2015')).toBe('2015-07-01');
    expect(referenceBirthDate('2015-03-04')).toBe('2015-03-04');
    expect(() => referenceBirthDate('2015-02-30')).toThrow(RangeError);
  });
});

describe('ageAt', () => {
  it.each([
    ['2015-03-04', '2026-03-03', 10],
    ['2015-03-04', '2026-03-04', 11],
    ['2015-03-04', '2015-03-04', 0],
    ['2015-03-04', '2015-03-03', -1],
    ['2010-12-31', '2026-12-30', 15],
    ['2010-12-31', '2026-12-31', 16],
    // 29 February: a year older on 28 February in common years, on 29 February in leap years.
    ['2016-02-29', '2017-02-27', 0],
    ['2016-02-29', '2017-02-28', 1],
    ['2016-02-29', '2020-02-28', 3],
    ['2016-02-29', '2020-02-29', 4],
    // Year only: counted from 1 July.
    ['2015', '2026-06-30', 10],
    ['2015', '2026-07-01', 11],
    ['2015', '2015-01-01', 0],
    ['2015', '2015-12-31', 0],
    ['2015', '2016-06-30', 0],
    ['2015', '2016-07-01', 1],
  ])('born %s, on %s: %i', (dob, at, age) => {
    expect(ageAt(dob, at)).toBe(age);
  });
});

describe('turning 6 and 16', () => {
  it.each([
    ['2015-03-04', '2021-03-04', '2031-03-04'],
    ['2016-02-29', '2022-02-28', '2032-02-29'],
    ['2020-02-29', '2026-02-28', '2036-02-29'],
    ['2015', '2021-07-01', '2031-07-01'],
  ])('born %s: 6 on %s, 16 on %s', (dob, six, sixteen) => {
    expect(turns6On(dob)).toBe(six);
    expect(turns16On(dob)).toBe(sixteen);
    expect(ageAt(dob, six)).toBe(6);
    expect(ageAt(dob, addCalendarDays(six, -1))).toBe(5);
    expect(ageAt(dob, sixteen)).toBe(16);
    expect(ageAt(dob, addCalendarDays(sixteen, -1))).toBe(15);
  });

  it('turnsAgeOn works for any age', () => {
    expect(turnsAgeOn('2019-08-15', 5)).toBe('2024-08-15');
  });
});

describe('birthDateRangeForAges agrees with ageAt', () => {
  const cases: Array<[number, number, string]> = [
    [0, 5, '2026-05-10'],
    [6, 10, '2026-01-01'],
    [15, 15, '2024-12-31'],
    [3, 4, '2022-02-28'],
    [1, 1, '2021-02-28'],
    [2, 2, '2020-02-29'],
  ];
  it.each(cases)('ages %i–%i at %s', (from, to, at) => {
    const { bornOnOrAfter, bornOnOrBefore, yearOnlyBornIn } = birthDateRangeForAges(from, to, at);
    const matches = (dob: string) => {
      const reference = referenceBirthDate(dob);
      const inRange = reference >= bornOnOrAfter && reference <= bornOnOrBefore;
      return inRange || (dob.length === 4 && Number(dob) === yearOnlyBornIn);
    };
    // Every day over twenty years, and every year-only date: matched exactly when the age fits.
    const dates: string[] = [];
    for (let day = addCalendarDays(at, -20 * 366); day <= at; day = addCalendarDays(day, 1)) dates.push(day);
    for (let year = Number(at.slice(0, 4)) - 20; year <= Number(at.slice(0, 4)); year++)
      dates.push(String(year));
    for (const dob of dates) {
      const age = ageAt(dob, at);
      if (matches(dob) !== (age >= from && age <= to))
        throw new Error(`${dob}: age ${age}, matched ${matches(dob)}`);
    }
  });
});

describe('checkDateOfBirth', () => {
  const at = '2026-05-10';
  it.each([
    ['2015-03-04', []],
    ['2026-05-10', []],
    ['2026', []],
    ['2026-05-11', ['date_of_birth_future']],
    ['2027', ['date_of_birth_future']],
    ['2008-05-11', []],
    ['2008-05-10', ['date_of_birth_too_old']],
    ['2008', []],
    ['2007', ['date_of_birth_too_old']],
    ['1990-01-01', ['date_of_birth_too_old']],
    ['2015-02-30', ['date_of_birth_format']],
    ['10/05/2015', ['date_of_birth_format']],
  ])('%s: %j', (value, rules) => {
    expect(checkDateOfBirth(value, at)).toEqual(rules);
  });
});

describe('DateOfBirth schemas', () => {
  it.each(['2015-03-04', '2015'])('DateOfBirth accepts %s as it is', (value) => {
    expect(DateOfBirth.parse(value)).toBe(value);
  });

  it.each(['2015-02-29', '15', '2015-3-4', '04/03/2015', ''])('DateOfBirth refuses %j', (value) => {
    expect(DateOfBirth.safeParse(value).error?.issues.map((i) => i.message)).toEqual([
      'date_of_birth_format',
    ]);
  });

  it('dateOfBirthAt checks the range at its date', () => {
    const schema = dateOfBirthAt('2026-05-10');
    expect(schema.safeParse('2015').success).toBe(true);
    expect(schema.safeParse('2027').error?.issues[0]?.message).toBe('date_of_birth_future');
    expect(schema.safeParse('2000-01-01').error?.issues[0]?.message).toBe('date_of_birth_too_old');
  });

  it('DateOfBirthInput checks against today in Việt Nam', () => {
    expect(DateOfBirthInput.safeParse('2999').error?.issues[0]?.message).toBe('date_of_birth_future');
    expect(DateOfBirthInput.safeParse('1990').error?.issues[0]?.message).toBe('date_of_birth_too_old');
    expect(DateOfBirthInput.safeParse(vietnamToday()).success).toBe(true);
  });
});

describe('vietnamToday', () => {
  it.each([
    ['2026-05-09T16:59:59Z', '2026-05-09'],
    ['2026-05-09T17:00:00Z', '2026-05-10'],
    ['2025-12-31T18:00:00Z', '2026-01-01'],
  ])('at %s it is %s in Việt Nam', (instant, date) => {
    expect(vietnamToday(new Date(instant))).toBe(date);
  });
});
