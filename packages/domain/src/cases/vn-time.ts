import { addCalendarDays } from '../registry/date-of-birth';

/**
 * Time in Viet Nam (Asia/Ho_Chi_Minh): UTC+7 all year, no daylight saving since 1975, so local
 * dates and times are computed with a fixed offset and never depend on the machine's time zone.
 */
export const VN_UTC_OFFSET_HOURS = 7;

const HOUR_MS = 3_600_000;
const OFFSET_MS = VN_UTC_OFFSET_HOURS * HOUR_MS;

/** The local date (`YYYY-MM-DD`) in Viet Nam of an instant. */
export function vnDateOf(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of a local date and time in Viet Nam (`2026-04-27`, `09:00` → 02:00Z). */
export function vnInstant(date: string, time = '00:00'): Date {
  const [hours = 0, minutes = 0, seconds = 0] = time.split(':').map(Number);
  const midnight = Date.parse(`${date}T00:00:00Z`);
  return new Date(midnight - OFFSET_MS + ((hours * 60 + minutes) * 60 + seconds) * 1000);
}

/** The first instant of a local date (00:00:00.000 in Viet Nam). */
export function startOfVnDay(date: string): Date {
  return vnInstant(date);
}

/**
 * The last instant of a local date (23:59:59.999 in Viet Nam): a deadline counted in days ends
 * "at 24:00 of the last day" (Bộ luật Dân sự 2015 Art. 148), and an act at any time that day is
 * on time (`actAt <= due`).
 */
export function endOfVnDay(date: string): Date {
  return new Date(startOfVnDay(addCalendarDays(date, 1)).getTime() - 1);
}

/** Day of the week of a local date: 0 Sunday … 6 Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Whether a local date is a Saturday or a Sunday. */
export function isWeekend(date: string): boolean {
  const day = weekdayOf(date);
  return day === 0 || day === 6;
}

/** An instant as ISO 8601 with the Vietnamese offset (`2026-05-06T23:59:59.999+07:00`). */
export function formatVnDateTime(instant: Date): string {
  const local = new Date(instant.getTime() + OFFSET_MS).toISOString();
  const withoutZone = local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23);
  return `${withoutZone}+07:00`;
}

/** Reads an ISO 8601 timestamp (any offset) as an instant; throws on an invalid one. */
export function parseInstant(value: string | Date): Date {
  const instant = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Invalid timestamp: ${String(value)}`);
  return instant;
}
