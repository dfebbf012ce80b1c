import { describe, expect, it } from 'vitest';
import { incidentAgeGroup, isSummerHoliday, seasonOfMonth } from './calendar';
import {
  birthRangeForAges,
  changeAgainst,
  percentOf,
  programmeIndicators,
  referenceDateOfYear,
  targetAchievement,
  targetStatus,
} from './indicators';

describe('programme indicators', () => {
  it('defines every code with Vietnamese and English labels and a definition', () => {
    for (const [code, definition] of Object.entries(programmeIndicators)) {
      expect(definition.code).toBe(code);
      expect(definition.label.vi.length).toBeGreaterThan(10);
      expect(definition.label.en.length).toBeGreaterThan(5);
      expect(definition.definition.vi.length).toBeGreaterThan(20);
    }
  });

  it('compares a value with its target in the target direction', () => {
    expect(targetStatus('at_least', 50, 50)).toBe('met');
    expect(targetStatus('at_least', 50, 49.9)).toBe('not_met');
    expect(targetStatus('at_most', -10, -12.5)).toBe('met');
    expect(targetStatus('at_most', -10, 5)).toBe('not_met');
    expect(targetStatus('at_least', 50, null)).toBe('no_data');
  });

  it('measures how far a value has come towards its target', () => {
    expect(targetAchievement('at_least', 50, 25)).toBe(50);
    expect(targetAchievement('at_least', 50, 80)).toBe(100);
    expect(targetAchievement('at_least', 0, 0)).toBe(100);
    expect(targetAchievement('at_most', 4, 2)).toBe(100);
    expect(targetAchievement('at_most', 4, 8)).toBe(50);
    expect(targetAchievement('at_most', 4, null)).toBeNull();
  });

  it('rounds shares and changes to one decimal and has none without a denominator', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(0, 0)).toBeNull();
    expect(changeAgainst(10, 9)).toBe(-10);
    expect(changeAgainst(0, 3)).toBeNull();
  });

  it('measures a year on 31 December, or today while the year runs', () => {
    expect(referenceDateOfYear(2025, '2026-11-28')).toBe('2025-12-31');
    expect(referenceDateOfYear(2026, '2026-11-28')).toBe('2026-11-28');
  });

  it('finds the birth dates of children aged 6 to under 16 on a day', () => {
    const range = birthRangeForAges('2025-12-31', 6, 16);
    expect(range).toEqual({ bornAfter: '2009-12-31', bornOnOrBefore: '2019-12-31' });
    // Born 2009-12-31: 16 on 2025-12-31, excluded (not after bornAfter). Born 2010-01-01: 15, included.
    expect('2009-12-31' > range.bornAfter).toBe(false);
    expect('2010-01-01' > range.bornAfter).toBe(true);
    // On 29 February the birthday of a non-leap year falls on the 28th.
    expect(birthRangeForAges('2024-02-29', 6, 16)).toEqual({
      bornAfter: '2008-02-29',
      bornOnOrBefore: '2018-02-28',
    });
  });
});

describe('incident calendar', () => {
  it('groups months into seasons and the summer holidays', () => {
    expect([1, 3, 4, 6, 7, 9, 10, 12].map(seasonOfMonth)).toEqual([
      'spring',
      'spring',
      'summer',
      'summer',
      'autumn',
      'autumn',
      'winter',
      'winter',
    ]);
    expect([5, 6, 8, 9].map(isSummerHoliday)).toEqual([false, true, true, false]);
  });

  it('groups ages', () => {
    expect([0, 5, 6, 10, 11, 15, 16, 17].map(incidentAgeGroup)).toEqual([
      '0-5',
      '0-5',
      '6-10',
      '6-10',
      '11-15',
      '11-15',
      '16-17',
      '16-17',
    ]);
  });
});
