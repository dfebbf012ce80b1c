import { describe, expect, it } from 'vitest';
import {
  isRecentlyTurned6,
  recentlyTurned6Range,
  TURNED_6_LOOKBACK_DAYS,
  turned6FlagRange,
} from './child-lifecycle';
import { maskPersonalId } from './child-transfer';
import { addCalendarDays, referenceBirthDate, turns6On } from './date-of-birth';

/** What the daily job decides for one child, as the SQL condition on the reference date does. */
const flagged = (dateOfBirth: string, today: string) => {
  const { bornOnOrAfter, bornOnOrBefore } = turned6FlagRange(today);
  const reference = referenceBirthDate(dateOfBirth);
  return reference >= bornOnOrAfter && reference <= bornOnOrBefore;
};

describe('turned6FlagRange', () => {
  it('flags a child on the 6th birthday, not the day before', () => {
    expect(flagged('2020-03-15', '2026-03-14')).toBe(false);
    expect(flagged('2020-03-15', '2026-03-15')).toBe(true);
    expect(turns6On('2020-03-15')).toBe('2026-03-15');
  });

  it(`keeps flagging for ${TURNED_6_LOOKBACK_DAYS} days after the birthday, then no more`, () => {
    const birthday = '2026-03-15';
    expect(flagged('2020-03-15', addCalendarDays(birthday, TURNED_6_LOOKBACK_DAYS))).toBe(true);
    expect(flagged('2020-03-15', addCalendarDays(birthday, TURNED_6_LOOKBACK_DAYS + 1))).toBe(false);
    // Registered at 9: never in the "recently turned 6" list.
    expect(flagged('2017-01-01', '2026-03-15')).toBe(false);
  });

  it('counts a year-only date of birth from 1 July', () => {
    expect(flagged('2020', '2026-06-30')).toBe(false);
    expect(flagged('2020', '2026-07-01')).toBe(true);
    expect(turns6On('2020')).toBe('2026-07-01');
  });

  it('lets a child born on 29 February turn 6 on 28 February of a common year', () => {
    expect(flagged('2020-02-29', '2026-02-27')).toBe(false);
    expect(flagged('2020-02-29', '2026-02-28')).toBe(true);
    expect(turns6On('2020-02-29')).toBe('2026-02-28');
  });
});

describe('recently turned 6', () => {
  it('covers the last 90 days by default, both ends included', () => {
    expect(recentlyTurned6Range('2026-07-01')).toEqual({ from: '2026-04-02', to: '2026-07-01' });
    expect(isRecentlyTurned6('2026-04-02', '2026-07-01')).toBe(true);
    expect(isRecentlyTurned6('2026-04-01', '2026-07-01')).toBe(false);
    expect(isRecentlyTurned6('2026-07-02', '2026-07-01')).toBe(false);
    expect(isRecentlyTurned6('2026-06-01', '2026-07-01', 20)).toBe(false);
    expect(isRecentlyTurned6(null, '2026-07-01')).toBe(false);
  });
});

describe('maskPersonalId', () => {
  it('shows only the last 4 digits', () => {
    expect(maskPersonalId('038315001234')).toBe('********1234');
    expect(maskPersonalId(null)).toBeNull();
  });
});
