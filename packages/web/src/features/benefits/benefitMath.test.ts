import type { BaseLevelView, BenefitTotals } from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  barHeights,
  baseLevelOn,
  describeAmount,
  firstDayOfNextMonth,
  formatMoney,
  formatMonth,
  monthsBetween,
  niceCeiling,
  ruleAmountVnd,
  totalsByMonth,
  totalsByRule,
} from './benefitMath';

describe('formatMoney', () => {
  it.each([
    [0, '0 đ'],
    [500, '500 đ'],
    [500_000, '500.000 đ'],
    [1_250_000, '1.250.000 đ'],
    [1_234_567_890, '1.234.567.890 đ'],
    [-750_000, '-750.000 đ'],
  ])('%d → %s', (amount, text) => {
    expect(formatMoney(amount)).toBe(text);
  });

  it('shows nothing for a missing amount', () => {
    expect(formatMoney(null)).toBe('');
    expect(formatMoney(undefined)).toBe('');
  });
});

describe('month arithmetic', () => {
  it('adds months across years both ways', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2024-07', -24)).toBe('2022-07');
    expect(addMonths('2024-07', 0)).toBe('2024-07');
  });

  it('lists the months of a range, both ends included', () => {
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2025-02', '2025-01')).toEqual([]);
  });

  it('shows a month as MM/yyyy and finds the first day of the next month', () => {
    expect(formatMonth('2026-03')).toBe('03/2026');
    expect(firstDayOfNextMonth('2026-12-17')).toBe('2027-01-01');
    expect(firstDayOfNextMonth('2024-02-29')).toBe('2024-03-01');
  });
});

describe('chart scaling', () => {
  it.each([
    [1_730_000, 2_000_000],
    [2_000_000, 2_000_000],
    [2_000_001, 2_400_000],
    [54_400_000, 60_000_000],
    [7_500_000, 8_000_000],
    [8_000_001, 10_000_000],
    [0, 1],
  ])('rounds %d up to %d', (value, top) => {
    expect(niceCeiling(value)).toBe(top);
  });

  it('scales bars to the height, never past it', () => {
    expect(barHeights([0, 500_000, 1_000_000, 3_000_000], 2_000_000, 200)).toEqual([0, 50, 100, 200]);
    expect(barHeights([5], 0, 100)).toEqual([0]);
  });
});

const totals: BenefitTotals = {
  from: '2024-06',
  to: '2024-08',
  rows: [
    {
      month: '2024-06',
      ruleCode: 'tcxh.a',
      ruleName: 'Trợ cấp',
      budgetSource: 'central',
      lines: 2,
      amountVnd: 1_800_000,
      paidVnd: 1_800_000,
    },
    {
      month: '2024-07',
      ruleCode: 'tcxh.a',
      ruleName: 'Trợ cấp',
      budgetSource: 'central',
      lines: 2,
      amountVnd: 2_500_000,
      paidVnd: 1_250_000,
    },
    {
      month: '2024-07',
      ruleCode: 'qua.tet',
      ruleName: 'Quà Tết',
      budgetSource: 'commune',
      lines: 1,
      amountVnd: 300_000,
      paidVnd: 0,
    },
  ],
};

describe('totals', () => {
  it('sums each month and keeps the months without payments', () => {
    expect(totalsByMonth(totals)).toEqual([
      { month: '2024-06', amountVnd: 1_800_000, paidVnd: 1_800_000, lines: 2 },
      { month: '2024-07', amountVnd: 2_800_000, paidVnd: 1_250_000, lines: 3 },
      { month: '2024-08', amountVnd: 0, paidVnd: 0, lines: 0 },
    ]);
  });

  it('sums by benefit and budget source, largest first', () => {
    expect(totalsByRule(totals).map((row) => [row.ruleCode, row.budgetSource, row.amountVnd])).toEqual([
      ['tcxh.a', 'central', 4_300_000],
      ['qua.tet', 'commune', 300_000],
    ]);
  });
});

const level = (amountVnd: number, validFrom: string, validTo: string | null, provinceCode: string | null) =>
  ({
    id: crypto.randomUUID(),
    version: 1,
    amountVnd,
    validFrom,
    validTo,
    provinceCode,
    legalRef: 'NĐ',
    verified: true,
  }) satisfies BaseLevelView;

describe('rule amounts', () => {
  const levels = [
    level(360_000, '2021-07-01', '2024-06-30', null),
    level(500_000, '2024-07-01', null, null),
    level(600_000, '2025-01-01', null, '38'),
  ];

  it('takes the base level in force that day, the province’s when it has one', () => {
    expect(baseLevelOn(levels, '2024-06-30', '38')?.amountVnd).toBe(360_000);
    expect(baseLevelOn(levels, '2024-07-01', '38')?.amountVnd).toBe(500_000);
    expect(baseLevelOn(levels, '2025-01-01', '38')?.amountVnd).toBe(600_000);
    expect(baseLevelOn(levels, '2025-01-01', '01')?.amountVnd).toBe(500_000);
  });

  it('describes coefficients, fixed amounts and shares', () => {
    expect(describeAmount({ type: 'coefficient', coefficient: 2.5 }, 500_000)).toBe(
      '2,5 × 500.000 đ = 1.250.000 đ',
    );
    expect(describeAmount({ type: 'fixed', amountVnd: 300_000 }, undefined)).toBe('300.000 đ');
    expect(describeAmount({ type: 'cost_share', percent: 100, description: 'học phí' }, undefined)).toBe(
      '100 % — học phí',
    );
    expect(ruleAmountVnd({ type: 'coefficient', coefficient: 1.5 }, 500_000)).toBe(750_000);
    expect(ruleAmountVnd({ type: 'in_kind', description: 'Quà' }, 500_000)).toBeNull();
  });
});
