import { amountForMonth, type BenefitPeriodicity, type EnrolmentTerms } from '@tuoitho/domain';

/** `2026-02` → `2026-02-28`. */
export function lastDayOfMonth(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, mon, 0)).toISOString().slice(0, 10);
}

/**
 * What an enrolment is due in a month, or null. The amount always follows the enrolment's own
 * decisions (`amountForMonth`: start, adjustments, end), never the rule as it reads today.
 * A monthly benefit is due every month the enrolment runs; a one-off benefit only in the month of
 * its start date; a yearly one in that calendar month of every year while the enrolment runs
 * (a Tết gift decided in January is paid each January).
 */
export function amountDue(
  periodicity: BenefitPeriodicity,
  terms: EnrolmentTerms,
  month: string,
): number | null {
  const startMonth = terms.startDate.slice(0, 7);
  if (periodicity === 'once' && month !== startMonth) return null;
  if (periodicity === 'yearly' && month.slice(5) !== startMonth.slice(5)) return null;
  const amount = amountForMonth(terms, month);
  // A decision of 0 đồng (e.g. in kind without a value) is not a line to sign for.
  return amount === null || amount === 0 ? null : amount;
}
