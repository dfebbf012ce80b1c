import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  isInFuture,
  nextIsoDate,
  secondsToMinutes,
  todayInVietnam,
} from './dates';

describe('formatDate', () => {
  it('shows an API date as dd/MM/yyyy without any time-zone shift', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate('2025-06-30')).toBe('30/06/2025');
  });

  it('keeps empty and unreadable values harmless', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('hôm qua')).toBe('hôm qua');
  });
});

describe('formatDateTime', () => {
  it('shows timestamps in Asia/Ho_Chi_Minh whatever their offset', () => {
    expect(formatDateTime('2025-06-30T17:30:00Z')).toBe('01/07/2025 00:30');
    expect(formatDateTime('2025-07-01T08:05:09+07:00', true)).toBe('01/07/2025 08:05:09');
  });
});

describe('todayInVietnam', () => {
  it('is already tomorrow in Vietnam late in the UTC evening', () => {
    expect(todayInVietnam(new Date('2025-06-30T18:00:00Z'))).toBe('2025-07-01');
    expect(todayInVietnam(new Date('2025-06-30T16:59:00Z'))).toBe('2025-06-30');
  });
});

describe('small helpers', () => {
  it('gives the day after a date, across months and years', () => {
    expect(nextIsoDate('2025-06-30')).toBe('2025-07-01');
    expect(nextIsoDate('2024-12-31')).toBe('2025-01-01');
  });

  it('rounds waiting time up to whole minutes, at least one', () => {
    expect(secondsToMinutes(1)).toBe(1);
    expect(secondsToMinutes(61)).toBe(2);
    expect(secondsToMinutes(900)).toBe(15);
  });

  it('tells whether a lock is still running', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(isInFuture('2026-01-01T00:15:00Z', now)).toBe(true);
    expect(isInFuture('2025-12-31T23:59:00Z', now)).toBe(false);
    expect(isInFuture(null, now)).toBe(false);
  });
});
