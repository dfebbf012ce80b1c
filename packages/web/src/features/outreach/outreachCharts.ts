/**
 * Pure helpers of the outreach views: year spans, month names, counts, and the ECharts options
 * of the drowning view (plain data, so they are tested without a browser).
 */

export type Language = 'vi' | 'en';

/** The years of the drowning view by default: the last ten, this year included. */
export function defaultYearSpan(thisYear: number): { yearFrom: number; yearTo: number } {
  return { yearFrom: thisYear - 9, yearTo: thisYear };
}

/** Years from `from` to `to`, both included, the latest first (for a year filter). */
export function yearsDescending(from: number, to: number): number[] {
  const years: number[] = [];
  for (let year = to; year >= from; year -= 1) years.push(year);
  return years;
}

const enMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tháng 6" or "Jun" for a month 1–12. */
export function monthName(month: number, language: Language): string {
  return language === 'en' ? (enMonths[month - 1] ?? String(month)) : `Tháng ${month}`;
}

/** A count with the language's thousands separator: 12.500 in Vietnamese, 12,500 in English. */
export function formatNumber(value: number, language: Language, fractionDigits = 0): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN', {
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** A share in per cent of a total, one decimal, or null when the total is zero. */
export function shareOf(part: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.round((part / total) * 1000) / 10;
}

export interface ChartSeries {
  name: string;
  values: readonly number[];
  color: string;
}

/** Colours of the two figures every drowning chart shows: all incidents, and deaths. */
export const INCIDENT_COLOR = '#1677ff';
export const DEATH_COLOR = '#cf1322';

/**
 * The ECharts option of a bar chart: one bar per series and category; horizontal bars suit long
 * category names (place types). Animation is off: the figures are read, not watched.
 */
export function barChartOption(
  categories: readonly string[],
  series: readonly ChartSeries[],
  horizontal = false,
): Record<string, unknown> {
  const categoryAxis = {
    type: 'category',
    data: [...categories],
    axisTick: { alignWithLabel: true },
    // Every category is named; long names (seasons, places) wrap instead of being skipped.
    axisLabel: { interval: 0, width: horizontal ? 140 : 90, overflow: 'break' },
  };
  const valueAxis = { type: 'value', minInterval: 1 };
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 24, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: series.map((line) => ({
      name: line.name,
      type: 'bar',
      data: [...line.values],
      itemStyle: { color: line.color },
      barMaxWidth: 28,
    })),
  };
}

/** The ECharts option of a line chart by year (the trend of the span). */
export function lineChartOption(
  categories: readonly string[],
  series: readonly ChartSeries[],
): Record<string, unknown> {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: [...categories], boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((line) => ({
      name: line.name,
      type: 'line',
      data: [...line.values],
      itemStyle: { color: line.color },
      lineStyle: { color: line.color },
      symbolSize: 6,
    })),
  };
}

export interface Tally {
  incidents: number;
  deaths: number;
}

/**
 * Incidents and deaths by cause over the years of a summary, in the order of the causes' list;
 * causes without any incident are left out.
 */
export function totalsByCause<C extends string>(
  rows: ReadonlyArray<Tally & { cause: C }>,
  order: readonly C[],
): Array<Tally & { cause: C }> {
  const sums = new Map<C, Tally>();
  for (const row of rows) {
    const sum = sums.get(row.cause) ?? { incidents: 0, deaths: 0 };
    sum.incidents += row.incidents;
    sum.deaths += row.deaths;
    sums.set(row.cause, sum);
  }
  return order.flatMap((cause) => {
    const sum = sums.get(cause);
    return sum && sum.incidents > 0 ? [{ cause, ...sum }] : [];
  });
}

/** The sum of a list of tallies. */
export function sumTallies(rows: readonly Tally[]): Tally {
  return rows.reduce(
    (sum, row) => ({ incidents: sum.incidents + row.incidents, deaths: sum.deaths + row.deaths }),
    {
      incidents: 0,
      deaths: 0,
    },
  );
}
