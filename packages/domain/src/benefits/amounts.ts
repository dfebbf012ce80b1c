/**
 * Amounts due per month of an enrolment, and money formatting.
 *
 * Rule for a monthly benefit (Decree 20/2021 pays from the month of the decision):
 * - a month `M` is due when the enrolment is in force on at least one day of it:
 *   `startDate ≤ last day of M` and (`endDate` null or `endDate ≥ first day of M`); a
 *   `terminate` event ends the enrolment the day before its `effectiveFrom` (the first day
 *   without the benefit), whichever of it and `endDate` is earlier;
 * - the amount is the one in force on the first day of `M` (the last `start`/`adjust` event with
 *   `effectiveFrom ≤` that day); in the start month, when the start is after the 1st, the start
 *   amount. An adjustment effective mid-month therefore applies from the next month, one effective
 *   on the 1st (a base-level change on 01/07/2024) from that month.
 */

type IsoDate = string;

export type EnrolmentTerms = {
  startDate: IsoDate;
  endDate: IsoDate | null;
  events: Array<{ kind: 'start' | 'adjust' | 'terminate'; effectiveFrom: IsoDate; amountVnd: number | null }>;
};

function lastDayOfMonth(month: string): IsoDate {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

function dayBefore(date: IsoDate): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The amount due for a month `YYYY-MM`, or null when nothing is due (see the rule above). */
export function amountForMonth(terms: EnrolmentTerms, month: string): number | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`Invalid month: ${month}`);
  const first = `${month}-01`;
  const last = lastDayOfMonth(month);
  const ends = [
    terms.endDate,
    ...terms.events.filter((e) => e.kind === 'terminate').map((e) => dayBefore(e.effectiveFrom)),
  ].filter((date): date is IsoDate => date !== null);
  const endDate = ends.length > 0 ? ends.sort()[0]! : null;
  if (terms.startDate > last || (endDate !== null && endDate < first)) return null;
  if (endDate !== null && endDate < terms.startDate) return null;
  const amountEvents = terms.events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => event.kind !== 'terminate')
    .sort((a, b) => a.event.effectiveFrom.localeCompare(b.event.effectiveFrom) || a.index - b.index)
    .map(({ event }) => event);
  const onFirst = amountEvents.filter((e) => e.effectiveFrom <= first).at(-1);
  const inForce = onFirst ?? amountEvents.find((e) => e.kind === 'start') ?? amountEvents[0];
  return inForce?.amountVnd ?? null;
}

function groupThousands(amount: number, separator: string): string {
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(amount)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Vietnamese money: `1250000` → "1.250.000 đ". */
export function formatVnd(amount: number): string {
  return `${groupThousands(amount, '.')} đ`;
}

/** English money: `1250000` → "1,250,000 VND". */
export function formatVndEn(amount: number): string {
  return `${groupThousands(amount, ',')} VND`;
}

/** A coefficient or percent in Vietnamese notation: `2.5` → "2,5", `2` → "2". */
export function formatCoefficient(value: number): string {
  return String(value).replace('.', ',');
}
