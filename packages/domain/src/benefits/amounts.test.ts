import { describe, expect, it } from 'vitest';
import { amountForMonth, type EnrolmentTerms, formatCoefficient, formatVnd, formatVndEn } from './amounts';

describe('formatVnd', () => {
  it.each([
    [0, '0 đ', '0 VND'],
    [150_000, '150.000 đ', '150,000 VND'],
    [1_250_000, '1.250.000 đ', '1,250,000 VND'],
    [12_345_678_901, '12.345.678.901 đ', '12,345,678,901 VND'],
  ])('%i', (amount, vi, en) => {
    expect([formatVnd(amount), formatVndEn(amount)]).toEqual([vi, en]);
  });
  it.each([
    [2.5, '2,5'],
    [2, '2'],
    [1.5, '1,5'],
  ])('coefficient %d → %s', (value, text) => {
    expect(formatCoefficient(value)).toBe(text);
  });
});

describe('amountForMonth', () => {
  // An orphan enrolled mid-June 2024 at 2.5 × 360.000, raised by the base level of 01/07/2024,
  // moved to 1.5 on the 4th birthday (10/09/2024), ended the day before the decision of 15/12/2024.
  const terms: EnrolmentTerms = {
    startDate: '2024-06-15',
    endDate: null,
    events: [
      { kind: 'start', effectiveFrom: '2024-06-15', amountVnd: 900_000 },
      { kind: 'adjust', effectiveFrom: '2024-07-01', amountVnd: 1_250_000 },
      { kind: 'adjust', effectiveFrom: '2024-09-10', amountVnd: 750_000 },
      { kind: 'terminate', effectiveFrom: '2024-12-15', amountVnd: null },
    ],
  };
  it.each([
    ['2024-05', null],
    ['2024-06', 900_000],
    ['2024-07', 1_250_000],
    ['2024-08', 1_250_000],
    ['2024-09', 1_250_000],
    ['2024-10', 750_000],
    ['2024-12', 750_000],
    ['2025-01', null],
  ])('%s → %s', (month, amount) => {
    expect(amountForMonth(terms, month)).toBe(amount);
  });

  it.each([
    ['end on the last day of a month', { endDate: '2024-08-31' }, '2024-09', null],
    ['end on the first day of a month', { endDate: '2024-09-01' }, '2024-09', 1_250_000],
    ['end before the start', { startDate: '2024-06-15', endDate: '2024-06-14' }, '2024-06', null],
    ['start on the first day', { startDate: '2024-07-01' }, '2024-07', 1_250_000],
  ])('%s', (_, change: Partial<EnrolmentTerms>, month, amount) => {
    const base: EnrolmentTerms = {
      startDate: '2024-06-15',
      endDate: null,
      events: [
        { kind: 'start', effectiveFrom: change.startDate ?? '2024-06-15', amountVnd: 900_000 },
        { kind: 'adjust', effectiveFrom: '2024-07-01', amountVnd: 1_250_000 },
      ],
    };
    expect(amountForMonth({ ...base, ...change }, month)).toBe(amount);
  });

  it('rejects a malformed month', () => {
    expect(() => amountForMonth(terms, '2024-13')).toThrow(RangeError);
  });
});
