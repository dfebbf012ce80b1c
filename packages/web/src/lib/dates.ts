import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every date and time is shown in Vietnam's time zone, whatever the browser's zone is. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const DATE_FORMAT = 'DD/MM/YYYY';
export const TIME_FORMAT = 'HH:mm';
export const DATE_TIME_FORMAT = `${DATE_FORMAT} ${TIME_FORMAT}`;
export const API_DATE_FORMAT = 'YYYY-MM-DD';

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Shows an API date `YYYY-MM-DD` as dd/MM/yyyy; empty string for null. No time zone is involved. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const match = isoDatePattern.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return `${day}/${month}/${year}`;
}

/** The day after a date `YYYY-MM-DD` (a unit valid to 30/06/2025 ceased on 01/07/2025). */
export function nextIsoDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Shows a timestamp with offset as `dd/MM/yyyy HH:mm` in Asia/Ho_Chi_Minh. */
export function formatDateTime(isoDateTime: string | null | undefined, withSeconds = false): string {
  if (!isoDateTime) return '';
  const value = dayjs(isoDateTime);
  if (!value.isValid()) return isoDateTime;
  return value.tz(VIETNAM_TIME_ZONE).format(withSeconds ? `${DATE_FORMAT} HH:mm:ss` : DATE_TIME_FORMAT);
}

/** Today's date in Vietnam as `YYYY-MM-DD` (the API's default for `at`). */
export function todayInVietnam(now: Date = new Date()): string {
  return dayjs(now).tz(VIETNAM_TIME_ZONE).format(API_DATE_FORMAT);
}

/** True when a timestamp lies in the future (e.g. a lock that is still running). */
export function isInFuture(isoDateTime: string | null | undefined, now: Date = new Date()): boolean {
  if (!isoDateTime) return false;
  return dayjs(isoDateTime).isAfter(now);
}

/** Whole minutes, rounded up, for messages such as "thử lại sau 3 phút". */
export function secondsToMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

export { dayjs };
