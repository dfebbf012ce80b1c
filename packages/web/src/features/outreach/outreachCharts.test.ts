import { IncidentCause } from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import {
  barChartOption,
  defaultYearSpan,
  formatNumber,
  lineChartOption,
  monthName,
  shareOf,
  sumTallies,
  totalsByCause,
  yearsDescending,
} from './outreachCharts';

describe('years', () => {
  it('spans the last ten years by default, this year included', () => {
    expect(defaultYearSpan(2026)).toEqual({ yearFrom: 2017, yearTo: 2026 });
  });

  it('lists years from the latest', () => {
    expect(yearsDescending(2023, 2026)).toEqual([2026, 2025, 2024, 2023]);
    expect(yearsDescending(2027, 2026)).toEqual([]);
  });
});

describe('labels and numbers', () => {
  it('names months in both languages', () => {
    expect(monthName(6, 'vi')).toBe('Tháng 6');
    expect(monthName(12, 'en')).toBe('Dec');
  });

  it('formats counts and shares with the language’s separators', () => {
    expect(formatNumber(12500, 'vi')).toBe('12.500');
    expect(formatNumber(12500, 'en')).toBe('12,500');
    expect(formatNumber(37.55, 'vi', 1)).toBe('37,6');
  });

  it('gives a share with one decimal, or null without a total', () => {
    expect(shareOf(1, 3)).toBe(33.3);
    expect(shareOf(5, 0)).toBeNull();
  });
});

describe('totalsByCause', () => {
  it('adds the years of each cause, in the causes’ order, without empty causes', () => {
    const rows = [
      { year: 2024, cause: 'traffic' as const, incidents: 3, deaths: 1 },
      { year: 2024, cause: 'drowning' as const, incidents: 2, deaths: 2 },
      { year: 2025, cause: 'drowning' as const, incidents: 4, deaths: 1 },
      { year: 2025, cause: 'burn' as const, incidents: 0, deaths: 0 },
    ];
    const totals = totalsByCause(rows, IncidentCause.options);
    expect(totals).toEqual([
      { cause: 'drowning', incidents: 6, deaths: 3 },
      { cause: 'traffic', incidents: 3, deaths: 1 },
    ]);
    expect(sumTallies(totals)).toEqual({ incidents: 9, deaths: 4 });
  });
});

describe('chart options', () => {
  const series = [
    { name: 'Số vụ', values: [1, 0, 3], color: '#1677ff' },
    { name: 'Số trẻ tử vong', values: [1, 0, 2], color: '#cf1322' },
  ];

  it('draws vertical bars by category with one series per figure', () => {
    const option = barChartOption(['Tháng 1', 'Tháng 2', 'Tháng 3'], series) as {
      xAxis: { type: string; data: string[] };
      yAxis: { type: string };
      series: Array<{ type: string; name: string; data: number[] }>;
    };
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['Tháng 1', 'Tháng 2', 'Tháng 3'] });
    expect(option.yAxis.type).toBe('value');
    expect(option.series.map((line) => [line.type, line.name, line.data])).toEqual([
      ['bar', 'Số vụ', [1, 0, 3]],
      ['bar', 'Số trẻ tử vong', [1, 0, 2]],
    ]);
  });

  it('puts categories on the vertical axis for horizontal bars', () => {
    const option = barChartOption(['Sông, suối', 'Ao, hồ nhỏ, hố nước', 'Biển'], series, true) as {
      xAxis: { type: string };
      yAxis: { type: string; data: string[]; inverse: boolean };
    };
    expect(option.xAxis.type).toBe('value');
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true });
    expect(option.yAxis.data).toHaveLength(3);
  });

  it('draws a line per figure for the trend by year', () => {
    const option = lineChartOption(['2024', '2025', '2026'], series) as {
      series: Array<{ type: string; data: number[] }>;
    };
    expect(option.series.every((line) => line.type === 'line')).toBe(true);
    expect(option.series[1]?.data).toEqual([1, 0, 2]);
  });
});
