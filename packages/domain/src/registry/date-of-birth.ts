import { z } from 'zod';

/**
 * Dates of birth. Officers often know only the year, so the JSON value is a string holding either
 * a full date `YYYY-MM-DD` or a year `YYYY`; the length tells the precision.
 *
 * Age rule: a child's age in whole years increases on each anniversary of the birth date; an
 * anniversary of 29 February falls on 28 February in common years (the Civil Code 2015 Art. 148
 * rule for periods counted in years ending in a month without the day). A year-only date counts
 * as 1 July of that year, the middle of the year, so the error is at most six months either way.
 */

/** Age from which a child is no longer a child (Luật Trẻ em Art. 1: under 16). */
export const CHILD_AGE_LIMIT = 16;
/** Age until which the State pays health insurance (Luật Bảo hiểm y tế Art. 12: under 6). */
export const FREE_HEALTH_INSURANCE_AGE_LIMIT = 6;
/** Oldest age a record may be created for: young people 16–17 stay in history, adults never enter. */
export const MAX_RECORD_AGE = 18;
/** Day-and-month used for the age of a child whose date of birth is a year only. */
export const YEAR_ONLY_REFERENCE_MONTH_DAY = '07-01';

export const DateOfBirthPrecision = z.enum(['day', 'year']).meta({ id: 'DateOfBirthPrecision' });
export type DateOfBirthPrecision = z.infer<typeof DateOfBirthPrecision>;

export type ParsedDateOfBirth =
  | { precision: 'day'; date: string; year: number; month: number; day: number }
  | { precision: 'year'; year: number };

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Whether `YYYY-MM-DD` names a real calendar day. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Reads `YYYY-MM-DD` or `YYYY`; undefined for anything else (including 2015-02-30). */
export function parseDateOfBirth(value: string): ParsedDateOfBirth | undefined {
  if (/^\d{4}$/.test(value)) return { precision: 'year', year: Number(value) };
  if (!isCalendarDate(value)) return undefined;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return { precision: 'day', date: value, year, month, day };
}

function getParsed(value: string): ParsedDateOfBirth {
  const parsed = parseDateOfBirth(value);
  if (!parsed) throw new RangeError(`Invalid date of birth: ${value}`);
  return parsed;
}

/** The precision of a valid date of birth: `"2015"` → `year`, `"2015-03-04"` → `day`. */
export function dateOfBirthPrecision(value: string): DateOfBirthPrecision {
  return getParsed(value).precision;
}

/** The day ages are counted from: the date itself, or 1 July for a year only. Throws if invalid. */
export function referenceBirthDate(value: string): string {
  const parsed = getParsed(value);
  return parsed.precision === 'day' ? parsed.date : `${value}-${YEAR_ONLY_REFERENCE_MONTH_DAY}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The same day and month `years` later (29 February → 28 February in a common year). */
function shiftYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = year + years;
  return `${pad(target, 4)}-${pad(month)}-${pad(Math.min(day, daysInMonth(target, month)))}`;
}

/** Adds days to a calendar date (UTC arithmetic, no time zone involved). */
export function addCalendarDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** The date on which a child reaches `years` years of age. */
export function turnsAgeOn(dateOfBirth: string, years: number): string {
  return shiftYears(referenceBirthDate(dateOfBirth), years);
}

/** The day the child turns 16 and leaves the active registry. */
export function turns16On(dateOfBirth: string): string {
  return turnsAgeOn(dateOfBirth, CHILD_AGE_LIMIT);
}

/** The day the child turns 6 and State-paid health insurance ends. */
export function turns6On(dateOfBirth: string): string {
  return turnsAgeOn(dateOfBirth, FREE_HEALTH_INSURANCE_AGE_LIMIT);
}

/**
 * Age in whole years at a date (`YYYY-MM-DD`), by the rule at the top of this file. Negative
 * before a full date of birth; 0 throughout the year of a year-only date.
 */
export function ageAt(dateOfBirth: string, at: string): number {
  const reference = referenceBirthDate(dateOfBirth);
  const atYear = Number(at.slice(0, 4));
  let age = atYear - Number(reference.slice(0, 4));
  if (shiftYears(reference, age) > at) age -= 1;
  if (dateOfBirthPrecision(dateOfBirth) === 'year' && dateOfBirth === at.slice(0, 4)) return 0;
  return age;
}

/** The latest reference birth date of a child who is at least `years` old at `at`. */
function latestBirthDateForAge(at: string, years: number): string {
  const candidate = shiftYears(at, -years);
  // 29 February children turn a year older on 28 February of common years.
  const next = addCalendarDays(candidate, 1);
  return next.endsWith('-02-29') && shiftYears(next, years) <= at ? next : candidate;
}

/**
 * The children aged `ageFrom` to `ageTo` years inclusive at `at`, as conditions on stored
 * columns, so that a list filter agrees with `ageAt`: the reference birth date
 * (`referenceBirthDate`) lies in [`bornOnOrAfter`, `bornOnOrBefore`], or — because a year-only
 * date counts as age 0 throughout its year — the date is the year `yearOnlyBornIn` (null unless
 * the range includes age 0).
 */
export function birthDateRangeForAges(
  ageFrom: number,
  ageTo: number,
  at: string,
): { bornOnOrAfter: string; bornOnOrBefore: string; yearOnlyBornIn: number | null } {
  return {
    bornOnOrAfter: addCalendarDays(latestBirthDateForAge(at, ageTo + 1), 1),
    bornOnOrBefore: latestBirthDateForAge(at, ageFrom),
    yearOnlyBornIn: ageFrom === 0 && ageTo >= 0 ? Number(at.slice(0, 4)) : null,
  };
}

/** Today's date in Việt Nam (UTC+7 all year, no daylight saving). */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Rules of a date of birth; each is a key of `validationMessages`. */
export const DateOfBirthRule = z.enum([
  'date_of_birth_format',
  'date_of_birth_future',
  'date_of_birth_too_old',
]);
export type DateOfBirthRule = z.infer<typeof DateOfBirthRule>;

/** Checks a date of birth for a record at a date: well formed, not in the future, under 18. */
export function checkDateOfBirth(value: string, at: string): DateOfBirthRule[] {
  const parsed = parseDateOfBirth(value);
  if (!parsed) return ['date_of_birth_format'];
  const isFuture = parsed.precision === 'day' ? parsed.date > at : parsed.year > Number(at.slice(0, 4));
  if (isFuture) return ['date_of_birth_future'];
  return ageAt(value, at) >= MAX_RECORD_AGE ? ['date_of_birth_too_old'] : [];
}

/** A stored date of birth: `YYYY-MM-DD`, or `YYYY` when only the year is known. */
export const DateOfBirth = z
  .string()
  .regex(/^\d{4}(-\d{2}-\d{2})?$/, { message: 'date_of_birth_format' })
  .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || isCalendarDate(value), {
    message: 'date_of_birth_format',
  })
  .meta({ id: 'DateOfBirth', description: 'YYYY-MM-DD, or YYYY when only the year of birth is known' });
export type DateOfBirth = z.infer<typeof DateOfBirth>;

/** A date of birth checked as of a date: not in the future and under 18 years at `at`. */
export function dateOfBirthAt(at: string) {
  return DateOfBirth.superRefine((value, ctx) => {
    for (const rule of checkDateOfBirth(value, at)) {
      if (rule !== 'date_of_birth_format') ctx.addIssue({ code: 'custom', message: rule });
    }
  });
}

/** A date of birth in a request, checked against today's date in Việt Nam when it is parsed. */
export const DateOfBirthInput = DateOfBirth.superRefine((value, ctx) => {
  for (const rule of checkDateOfBirth(value, vietnamToday())) {
    if (rule !== 'date_of_birth_format') ctx.addIssue({ code: 'custom', message: rule });
  }
});
