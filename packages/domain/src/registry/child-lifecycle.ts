import { addCalendarDays, birthDateRangeForAges, FREE_HEALTH_INSURANCE_AGE_LIMIT } from './date-of-birth';

/**
 * Turning 6: the State stops paying the child's health insurance (Luật Bảo hiểm y tế Art. 12
 * covers children under 6), so the commune must help the family find another card (for a
 * pupil, the school's). The daily job records the day (`turns6On`) on active children.
 */

/**
 * Only children whose 6th birthday lies within this many days before the job's date are flagged:
 * a child registered already older (or a registry imported at once) does not flood the list of
 * "recently turned 6" with children whose insurance ended long ago.
 */
export const TURNED_6_LOOKBACK_DAYS = 60;

/** Default window of the list filter `turned6=recent` and of the tag on profile and list. */
export const TURNED_6_RECENT_DAYS = 90;

/**
 * The reference birth dates (`referenceBirthDate`) of children whose 6th birthday falls within
 * [`today` − `TURNED_6_LOOKBACK_DAYS`, `today`], counted as `ageAt` counts (29 February → 28
 * February; a year-only date from 1 July).
 */
export function turned6FlagRange(today: string): { bornOnOrAfter: string; bornOnOrBefore: string } {
  const age = FREE_HEALTH_INSURANCE_AGE_LIMIT;
  const dayBeforeWindow = addCalendarDays(today, -(TURNED_6_LOOKBACK_DAYS + 1));
  return {
    // Not yet 6 the day before the window opens…
    bornOnOrAfter: addCalendarDays(birthDateRangeForAges(age, age, dayBeforeWindow).bornOnOrBefore, 1),
    // …and 6 by today.
    bornOnOrBefore: birthDateRangeForAges(age, age, today).bornOnOrBefore,
  };
}

/** The days of `turned6On` that the filter `turned6=recent` finds at `at`: the last `days` days. */
export function recentlyTurned6Range(at: string, days: number = TURNED_6_RECENT_DAYS) {
  return { from: addCalendarDays(at, -days), to: at };
}

/** Whether a child's recorded 6th birthday is recent at `today` (the tag "Đủ 6 tuổi …"). */
export function isRecentlyTurned6(
  turned6On: string | null | undefined,
  today: string,
  days: number = TURNED_6_RECENT_DAYS,
): boolean {
  if (!turned6On) return false;
  const { from, to } = recentlyTurned6Range(today, days);
  return turned6On >= from && turned6On <= to;
}
