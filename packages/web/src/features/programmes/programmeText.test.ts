import { describe, expect, it } from 'vitest';
import {
  budgetToRequest,
  budgetTotalsBySource,
  documentContentType,
  duplicateBudgetRows,
  filterYears,
  formatFileSize,
  formatGoal,
  formatMeasure,
  formatMoney,
  formatPeriod,
  programmeTargetToRequest,
  targetDefaultsFor,
  targetToRequest,
  trendChartOption,
} from './programmeText';

describe('formatMeasure and formatGoal', () => {
  it('writes a share with a decimal comma in Vietnamese and a point in English', () => {
    expect(formatMeasure(12.5, '%', 'vi')).toBe('12,5 %');
    expect(formatMeasure(12.5, '%', 'en')).toBe('12.5 %');
    expect(formatMeasure(1234, 'trẻ em', 'vi')).toBe('1.234 trẻ em');
    expect(formatMeasure(7, '', 'vi')).toBe('7');
  });

  it('has no value without a figure', () => {
    expect(formatMeasure(null, '%', 'vi')).toBeNull();
    expect(formatMeasure(Number.NaN, '%', 'vi')).toBeNull();
  });

  it('writes the target with its year, an upper limit with ≤', () => {
    expect(formatGoal({ direction: 'at_least', target: 50, unitOfMeasure: '%', year: 2025 }, 'vi')).toBe(
      '50 % (2025)',
    );
    expect(formatGoal({ direction: 'at_most', target: 10, unitOfMeasure: 'trẻ em', year: 2030 }, 'vi')).toBe(
      '≤ 10 trẻ em (2030)',
    );
  });
});

describe('money, periods, sizes and years', () => {
  it('formats đồng by language', () => {
    expect(formatMoney(1_250_000, 'vi')).toBe('1.250.000 đ');
    expect(formatMoney(1_250_000, 'en')).toBe('1,250,000 VND');
  });

  it('writes one year or a span', () => {
    expect(formatPeriod(2021, 2030)).toBe('2021–2030');
    expect(formatPeriod(2026, 2026)).toBe('2026');
  });

  it('writes file sizes in KB below a megabyte', () => {
    expect(formatFileSize(850 * 1024, 'vi')).toBe('850 KB');
    expect(formatFileSize(10, 'vi')).toBe('1 KB');
    expect(formatFileSize(2.4 * 1024 * 1024, 'vi')).toBe('2,4 MB');
  });

  it('offers the years from next year back to 2013', () => {
    const years = filterYears(2026);
    expect(years[0]).toBe(2027);
    expect(years.at(-1)).toBe(2013);
    expect(years).toHaveLength(15);
  });
});

describe('targets', () => {
  it('takes the name, direction and unit of a chosen indicator', () => {
    expect(targetDefaultsFor('swim_safe_6_15', 'vi')).toEqual({
      label: 'Tỷ lệ trẻ em 6 đến dưới 16 tuổi biết bơi an toàn',
      direction: 'at_least',
      unitOfMeasure: '%',
    });
    expect(targetDefaultsFor('drowning_deaths', 'vi')).toMatchObject({
      direction: 'at_most',
      unitOfMeasure: 'trẻ em',
    });
  });

  it('turns a form row into the API’s target, trimming text', () => {
    expect(
      targetToRequest({
        indicatorCode: 'swim_safe_6_15',
        label: '  Trẻ biết bơi ',
        direction: 'at_least',
        value: 50,
        unitOfMeasure: ' % ',
        year: 2025,
      }),
    ).toEqual({
      indicatorCode: 'swim_safe_6_15',
      label: 'Trẻ biết bơi',
      direction: 'at_least',
      value: 50,
      unitOfMeasure: '%',
      year: 2025,
      baselineYear: null,
    });
  });

  it('keeps the value entered by hand only for a target without an indicator', () => {
    const manual = programmeTargetToRequest({
      id: 'a1',
      indicatorCode: null,
      label: 'Xã đạt chuẩn phù hợp với trẻ em',
      value: 80,
      unitOfMeasure: '%',
      year: 2030,
      manualValue: 72.5,
      manualNote: ' Báo cáo năm 2025 ',
    });
    expect(manual).toMatchObject({
      id: 'a1',
      indicatorCode: null,
      manualValue: 72.5,
      manualNote: 'Báo cáo năm 2025',
    });
    const computed = programmeTargetToRequest({
      indicatorCode: 'swim_safe_6_15',
      label: 'Bơi an toàn',
      value: 60,
      unitOfMeasure: '%',
      year: 2030,
      manualValue: 10,
      manualNote: 'bỏ qua',
    });
    expect(computed).toMatchObject({ manualValue: null, manualNote: null });
    expect(computed).not.toHaveProperty('id');
  });
});

describe('budget', () => {
  it('leaves out unfinished rows and fills empty amounts with 0', () => {
    expect(
      budgetToRequest([
        { year: 2025, source: 'state_budget', planned: 100, spent: null },
        { year: 2025, source: undefined, planned: 5 },
        { year: null, source: 'sponsor' },
      ]),
    ).toEqual([{ year: 2025, source: 'state_budget', planned: 100, spent: 0 }]);
  });

  it('finds a year and source given twice', () => {
    expect(
      duplicateBudgetRows([
        { year: 2025, source: 'state_budget' },
        { year: 2026, source: 'state_budget' },
        { year: 2025, source: 'state_budget' },
        { year: 2025, source: 'sponsor' },
      ]),
    ).toEqual([2]);
  });

  it('sums the years by source in the catalogue order', () => {
    expect(
      budgetTotalsBySource(
        [
          { year: 2025, source: 'sponsor', planned: 10, spent: 5 },
          { year: 2025, source: 'state_budget', planned: 100, spent: 80 },
          { year: 2026, source: 'state_budget', planned: 200, spent: 0 },
        ],
        ['state_budget', 'mobilised', 'sponsor'],
      ),
    ).toEqual([
      { source: 'state_budget', planned: 300, spent: 80 },
      { source: 'sponsor', planned: 10, spent: 5 },
    ]);
  });
});

describe('document files and trend charts', () => {
  it('keeps the browser’s content type, else guesses from the extension', () => {
    expect(documentContentType('kh.pdf', 'application/pdf')).toBe('application/pdf');
    expect(documentContentType('KH-125.DOCX', '')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(documentContentType('a.PDF', '')).toBe('application/pdf');
    expect(documentContentType('virus.exe', '')).toBe('application/octet-stream');
  });

  it('draws the yearly values with gaps and the target as a mark line', () => {
    const option = trendChartOption(
      [
        { year: 2024, value: 10 },
        { year: 2025, value: null },
        { year: 2026, value: 12.5 },
      ],
      60,
      '%',
      'vi',
    ) as {
      xAxis: { data: string[] };
      yAxis: { min: number; max?: number };
      series: Array<{ data: Array<number | null>; markLine: { data: Array<{ yAxis: number }> } }>;
    };
    expect(option.xAxis.data).toEqual(['2024', '2025', '2026']);
    expect(option.series[0]?.data).toEqual([10, null, 12.5]);
    expect(option.series[0]?.markLine.data).toEqual([{ yAxis: 60 }]);
    expect(option.yAxis.max).toBe(100);
  });

  it('lets a change against a baseline go below zero', () => {
    const option = trendChartOption(
      [
        { year: 2024, value: -20 },
        { year: 2025, value: -66.7 },
      ],
      -10,
      '%',
      'vi',
    ) as { yAxis: { min: number; max?: number } };
    expect(option.yAxis.min).toBe(-66.7);
    expect(option.yAxis.max).toBeUndefined();
  });
});
