import type { CfAssessmentSummary, CfComparison } from '@tuoitho/domain';

/**
 * Pure helpers of the province's views: filtering and counting a year's results, and the ECharts
 * options of the comparison across years and units (plain data, tested without a browser).
 */

export type PassedFilter = 'all' | 'passed' | 'failed';

/** A year's assessments filtered by result, sorted by unit name. */
export function filterResults(
  items: readonly CfAssessmentSummary[],
  passed: PassedFilter,
): CfAssessmentSummary[] {
  return items
    .filter((item) => passed === 'all' || item.passed === (passed === 'passed'))
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi') || b.year - a.year);
}

export interface ResultCounts {
  assessed: number;
  passed: number;
  recognised: number;
  /** Sent to the province and not decided yet (submitted or reviewed). */
  waiting: number;
}

export function countResults(items: readonly CfAssessmentSummary[]): ResultCounts {
  return {
    assessed: items.length,
    passed: items.filter((item) => item.passed).length,
    recognised: items.filter((item) => item.status === 'recognised').length,
    waiting: items.filter((item) => item.status === 'submitted' || item.status === 'reviewed').length,
  };
}

export interface YearTally {
  year: number;
  passed: number;
  failed: number;
  notAssessed: number;
}

/** For each year of a comparison: communes passing, not passing, and without an assessment. */
export function tallyByYear(comparison: CfComparison): YearTally[] {
  return comparison.years.map((year) => {
    const tally: YearTally = { year, passed: 0, failed: 0, notAssessed: 0 };
    for (const unit of comparison.units) {
      const cell = unit.cells.find((c) => c.year === year);
      if (!cell || cell.total === null) tally.notAssessed += 1;
      else if (cell.passed) tally.passed += 1;
      else tally.failed += 1;
    }
    return tally;
  });
}

/** The units drawn by default: those assessed in most years, then by name, at most `limit`. */
export function defaultChartUnits(comparison: CfComparison, limit = 6): string[] {
  return [...comparison.units]
    .map((unit) => ({ unit, assessed: unit.cells.filter((c) => c.total !== null).length }))
    .filter((row) => row.assessed > 0)
    .sort((a, b) => b.assessed - a.assessed || a.unit.unitName.localeCompare(b.unit.unitName, 'vi'))
    .slice(0, limit)
    .map((row) => row.unit.unitCode);
}

const PALETTE = ['#1677ff', '#52c41a', '#fa8c16', '#722ed1', '#eb2f96', '#13c2c2', '#a0d911', '#faad14'];

const baseOption = {
  animation: false,
  legend: { top: 0, type: 'scroll' },
  grid: { left: 8, right: 16, top: 36, bottom: 24, containLabel: true },
};

/** Lines of the chosen units' totals by year; a year without an assessment leaves a gap. */
export function totalsChartOption(
  comparison: CfComparison,
  unitCodes: readonly string[],
): Record<string, unknown> {
  const chosen = comparison.units.filter((unit) => unitCodes.includes(unit.unitCode));
  return {
    ...baseOption,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: comparison.years.map(String), boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 1000 },
    series: chosen.map((unit, index) => {
      const color = PALETTE[index % PALETTE.length];
      return {
        name: unit.unitName,
        type: 'line',
        data: comparison.years.map((year) => unit.cells.find((c) => c.year === year)?.total ?? null),
        itemStyle: { color },
        lineStyle: { color },
        symbolSize: 7,
      };
    }),
  };
}

/**
 * Stacked bars by year: communes passing and not passing. Communes without an assessment are left
 * out (in a province they are most communes and would hide the others); the table lists them.
 */
export function passedChartOption(
  tallies: readonly YearTally[],
  names: { passed: string; failed: string },
): Record<string, unknown> {
  const bar = (name: string, color: string, values: number[]) => ({
    name,
    type: 'bar',
    stack: 'units',
    data: values,
    itemStyle: { color },
    barMaxWidth: 36,
  });
  return {
    ...baseOption,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: tallies.map((t) => String(t.year)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      bar(
        names.passed,
        '#52c41a',
        tallies.map((t) => t.passed),
      ),
      bar(
        names.failed,
        '#cf1322',
        tallies.map((t) => t.failed),
      ),
    ],
  };
}

/** The units with at least one assessment in the comparison's years. */
export function assessedUnits(comparison: CfComparison): CfComparison['units'] {
  return comparison.units.filter((unit) => unit.cells.some((cell) => cell.total !== null));
}
