import { addCalendarDays } from '../registry/date-of-birth';
import type { HolidayCalendar } from './holidays';
import { endOfVnDay, isWeekend, vnDateOf } from './vn-time';

/**
 * Deadline arithmetic on the Vietnamese working-day calendar. Local dates are `YYYY-MM-DD` in
 * Asia/Ho_Chi_Minh; instants are `Date`s. Semantics (see README):
 *
 * - Hours (`addHours`): plain elapsed time from the instant; never moved off a non-working day.
 *   The 12-hour emergency clock runs through nights, weekends and Tết, for the child's safety.
 * - Working days (`addWorkingDays`): the day of the event is not counted; counting starts on the
 *   next working day, and the deadline is the end (24:00, i.e. 23:59:59.999) of the n-th working
 *   day (Bộ luật Dân sự 2015 Art. 147(3), 148(1), applied to working days).
 * - Calendar days (`addDaysDeadline`): the end of the n-th day after the event's date, moved to
 *   the end of the next working day if it is a day off and the clock asks so (Art. 148(5)).
 */

/** A day off never lasts longer than this (the longest Tết break is about 10 days). */
const MAX_DAYS_OFF_IN_A_ROW = 60;

function localDate(date: string | Date): string {
  return typeof date === 'string' ? date : vnDateOf(date);
}

/**
 * Whether a local date (or the local date of an instant) is a working day: a weekday that is not
 * a holiday or compensatory day off, or a weekend day the government made a working day.
 */
export function isWorkingDay(date: string | Date, cal: HolidayCalendar): boolean {
  const day = localDate(date);
  const listed = cal.findDay(day);
  if (listed) return listed.kind === 'working_weekend';
  return !isWeekend(day);
}

/** The first working day strictly after a local date. */
export function nextWorkingDay(date: string | Date, cal: HolidayCalendar): string {
  let day = localDate(date);
  for (let i = 0; i < MAX_DAYS_OFF_IN_A_ROW; i++) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day, cal)) return day;
  }
  throw new RangeError(`No working day within ${MAX_DAYS_OFF_IN_A_ROW} days after ${localDate(date)}`);
}

/** The local date itself if it is a working day, else the next working day. */
export function workingDayOnOrAfter(date: string | Date, cal: HolidayCalendar): string {
  const day = localDate(date);
  return isWorkingDay(day, cal) ? day : nextWorkingDay(day, cal);
}

/**
 * The deadline `n` working days after an instant: the end of the n-th working day after its local
 * date (an event on a Monday at 09:00 with n = 5 → Monday of the next week at 23:59:59.999 when no
 * holiday intervenes). `n = 0` gives the end of the event's day, or of the next working day if
 * the event falls on a day off (then the same as `n = 1`). Monotonic in `start` and in `n`.
 */
export function addWorkingDays(start: Date, n: number, cal: HolidayCalendar): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${n}`);
  let day = vnDateOf(start);
  if (n === 0) return endOfVnDay(workingDayOnOrAfter(day, cal));
  for (let i = 0; i < n; i++) day = nextWorkingDay(day, cal);
  return endOfVnDay(day);
}

/** The instant `hours` hours after `start`: elapsed time, whatever the day (emergency clocks). */
export function addHours(start: Date, hours: number): Date {
  if (!Number.isFinite(hours)) throw new RangeError(`Hours must be a finite number: ${hours}`);
  return new Date(start.getTime() + hours * 3_600_000);
}

/**
 * The deadline `n` calendar days after an instant: the end of the n-th day after its local date;
 * with `shiftToWorkingDay`, a last day that is a day off moves to the end of the next working day.
 */
export function addDaysDeadline(
  start: Date,
  n: number,
  cal: HolidayCalendar,
  options: { shiftToWorkingDay: boolean },
): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Days must be a whole number ≥ 0: ${n}`);
  const last = addCalendarDays(vnDateOf(start), n);
  return endOfVnDay(options.shiftToWorkingDay ? workingDayOnOrAfter(last, cal) : last);
}

/**
 * The number of working days from the day after `from` up to and including the local date of
 * `to` (0 when `to` is on or before `from`'s date): "day k of n" on a working-day clock.
 */
export function countWorkingDays(from: Date, to: Date, cal: HolidayCalendar): number {
  const last = vnDateOf(to);
  let day = vnDateOf(from);
  let count = 0;
  while (day < last) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day, cal)) count++;
  }
  return count;
}
