/** Today's date in Vietnam (Asia/Ho_Chi_Minh), as `YYYY-MM-DD`. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}
