import {
  type BaseLevelView,
  type BenefitAmount,
  type BenefitTotals,
  type BudgetSource,
  formatVnd,
} from '@tuoitho/domain';

/**
 * Money, months and chart arithmetic of the benefits screens. Amounts are whole đồng, shown the
 * Vietnamese way ("1.250.000 đ") in both languages: the officer reads the amounts of a decision.
 */

/** "1.250.000 đ": dots between thousands, the đồng sign after a space. */
export function formatMoney(amountVnd: number | null | undefined): string {
  if (amountVnd === null || amountVnd === undefined || !Number.isFinite(amountVnd)) return '';
  const sign = amountVnd < 0 ? '-' : '';
  return `${sign}${formatVnd(Math.round(Math.abs(amountVnd)))}`;
}

/** A coefficient with a decimal comma: 2.5 → "2,5". */
export function formatCoefficient(coefficient: number): string {
  return String(coefficient).replace('.', ',');
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** `YYYY-MM` of an API date `YYYY-MM-DD`. */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/** The month `count` months after (or before, when negative) a month `YYYY-MM`. */
export function addMonths(month: string, count: number): string {
  const match = MONTH.exec(month);
  if (!match) return month;
  const index = Number(match[1]) * 12 + (Number(match[2]) - 1) + count;
  const year = Math.floor(index / 12);
  const monthNumber = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(monthNumber).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included; empty when `from` is after `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to && months.length < 1200; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** "03/2026" for `2026-03`. */
export function formatMonth(month: string): string {
  const match = MONTH.exec(month);
  return match ? `${match[2]}/${match[1]}` : month;
}

/** The first day of the month of a date: `2026-03-17` → `2026-03-01`. */
export function firstDayOfMonth(isoDate: string): string {
  return `${monthOf(isoDate)}-01`;
}

/** The first day of the next month: `2026-12-17` → `2027-01-01`. */
export function firstDayOfNextMonth(isoDate: string): string {
  return `${addMonths(monthOf(isoDate), 1)}-01`;
}

/**
 * A round top for a bar chart's axis, at least the largest value: 1, 1.2, 1.6, 2, 2.4, 3, 4, 6 or 8
 * times a power of ten (1.730.000 → 2.000.000, 54.400.000 → 60.000.000), so that the quarter grid
 * lines fall on readable amounts and the bars use most of the height.
 */
export function niceCeiling(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.2, 1.6, 2, 2.4, 3, 4, 6, 8, 10]) {
    if (value <= step * power) return step * power;
  }
  return 10 * power;
}

/** Heights of bars for values on an axis from 0 to `top`, in pixels out of `height`. */
export function barHeights(values: readonly number[], top: number, height: number): number[] {
  if (top <= 0) return values.map(() => 0);
  return values.map((value) => Math.max(0, Math.min(height, Math.round((value / top) * height))));
}

export interface MonthTotal {
  month: string;
  amountVnd: number;
  paidVnd: number;
  lines: number;
}

/** The totals of every month of the range (months without payments count 0), for the chart. */
export function totalsByMonth(totals: BenefitTotals): MonthTotal[] {
  const byMonth = new Map<string, MonthTotal>(
    monthsBetween(totals.from, totals.to).map((month) => [
      month,
      { month, amountVnd: 0, paidVnd: 0, lines: 0 },
    ]),
  );
  for (const row of totals.rows) {
    const entry = byMonth.get(row.month) ?? { month: row.month, amountVnd: 0, paidVnd: 0, lines: 0 };
    entry.amountVnd += row.amountVnd;
    entry.paidVnd += row.paidVnd;
    entry.lines += row.lines;
    byMonth.set(row.month, entry);
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}

export interface RuleTotal {
  key: string;
  ruleCode: string;
  ruleName: string;
  budgetSource: BudgetSource;
  amountVnd: number;
  paidVnd: number;
  lines: number;
}

/** The totals of the range by benefit and budget source, largest amount first. */
export function totalsByRule(totals: BenefitTotals): RuleTotal[] {
  const byKey = new Map<string, RuleTotal>();
  for (const row of totals.rows) {
    const key = `${row.ruleCode}|${row.budgetSource}`;
    const entry = byKey.get(key) ?? {
      key,
      ruleCode: row.ruleCode,
      ruleName: row.ruleName,
      budgetSource: row.budgetSource,
      amountVnd: 0,
      paidVnd: 0,
      lines: 0,
    };
    entry.amountVnd += row.amountVnd;
    entry.paidVnd += row.paidVnd;
    entry.lines += row.lines;
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort(
    (a, b) => b.amountVnd - a.amountVnd || a.ruleCode.localeCompare(b.ruleCode),
  );
}

/**
 * The base level in force on a day for a province: the province's own higher level when it has
 * one (it replaces the national level there), otherwise the national level.
 */
export function baseLevelOn(
  baseLevels: readonly BaseLevelView[],
  at: string,
  provinceCode: string | null,
): BaseLevelView | undefined {
  const inForce = baseLevels.filter(
    (level) => level.validFrom <= at && (!level.validTo || at <= level.validTo),
  );
  return (
    inForce.find((level) => provinceCode !== null && level.provinceCode === provinceCode) ??
    inForce.find((level) => level.provinceCode === null)
  );
}

/** The amount of a rule in words: "Hệ số 2,5 × 500.000 đ = 1.250.000 đ", "100 % học phí", "Quà". */
export function describeAmount(amount: BenefitAmount, baseLevelVnd: number | undefined): string {
  switch (amount.type) {
    case 'coefficient':
      return baseLevelVnd === undefined
        ? `× ${formatCoefficient(amount.coefficient)}`
        : `${formatCoefficient(amount.coefficient)} × ${formatMoney(baseLevelVnd)} = ${formatMoney(
            Math.round(amount.coefficient * baseLevelVnd),
          )}`;
    case 'fixed':
      return formatMoney(amount.amountVnd);
    case 'cost_share':
      return `${formatCoefficient(amount.percent)} %${amount.description ? ` — ${amount.description}` : ''}`;
    case 'in_kind':
      return amount.description;
  }
}

/** The amount a rule pays in money at a base level, or null (cost shares, goods). */
export function ruleAmountVnd(amount: BenefitAmount, baseLevelVnd: number | undefined): number | null {
  if (amount.type === 'fixed') return amount.amountVnd;
  if (amount.type === 'coefficient' && baseLevelVnd !== undefined) {
    return Math.round(amount.coefficient * baseLevelVnd);
  }
  return null;
}
