import {
  type CfAssessmentSummary,
  type CfComparison,
  checkCatalogueEdit,
  defaultCfCatalogue,
} from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import { describeRule, issueLocation, ruleOfKind } from './cfCatalogue';
import {
  assessedUnits,
  countResults,
  defaultChartUnits,
  filterResults,
  passedChartOption,
  tallyByYear,
  totalsChartOption,
} from './cfCompare';

function summary(unitName: string, change: Partial<CfAssessmentSummary>): CfAssessmentSummary {
  return {
    id: crypto.randomUUID(),
    unitCode: '14812',
    unitName,
    year: 2025,
    status: 'draft',
    category: 'other',
    total: 800,
    threshold: 850,
    passed: false,
    decisionNumber: null,
    decisionDate: null,
    version: 1,
    updatedAt: '2025-12-01T08:00:00+07:00',
    ...change,
  };
}

const items = [
  summary('Phường Quang Trung', { passed: true, total: 910, status: 'recognised' }),
  summary('Phường Bắc Sơn', { status: 'submitted' }),
  summary('Phường Bỉm Sơn', { passed: true, total: 870, status: 'reviewed' }),
];

describe('a year’s results', () => {
  it('filters by result and sorts by name in Vietnamese order', () => {
    expect(filterResults(items, 'all').map((i) => i.unitName)).toEqual([
      'Phường Bắc Sơn',
      'Phường Bỉm Sơn',
      'Phường Quang Trung',
    ]);
    expect(filterResults(items, 'passed').map((i) => i.unitName)).toEqual([
      'Phường Bỉm Sơn',
      'Phường Quang Trung',
    ]);
    expect(filterResults(items, 'failed').map((i) => i.unitName)).toEqual(['Phường Bắc Sơn']);
  });

  it('counts assessed, passing, waiting and recognised communes', () => {
    expect(countResults(items)).toEqual({ assessed: 3, passed: 2, recognised: 1, waiting: 2 });
  });
});

const comparison: CfComparison = {
  years: [2024, 2025, 2026],
  units: [
    {
      unitCode: '14812',
      unitName: 'Phường Bỉm Sơn',
      category: 'other',
      cells: [
        { year: 2024, assessmentId: crypto.randomUUID(), status: 'recognised', total: 860, passed: true },
        { year: 2025, assessmentId: crypto.randomUUID(), status: 'returned', total: 820, passed: false },
        { year: 2026, assessmentId: null, status: null, total: null, passed: null },
      ],
    },
    {
      unitCode: '14818',
      unitName: 'Phường Quang Trung',
      category: 'other',
      cells: [
        { year: 2024, assessmentId: null, status: null, total: null, passed: null },
        { year: 2025, assessmentId: crypto.randomUUID(), status: 'recognised', total: 900, passed: true },
        { year: 2026, assessmentId: crypto.randomUUID(), status: 'draft', total: 700, passed: false },
      ],
    },
    {
      unitCode: '14830',
      unitName: 'Xã Hà Long',
      category: 'mountain_island_disadvantaged',
      cells: [],
    },
  ],
};

describe('comparison across years', () => {
  it('tallies passing, failing and unassessed communes per year', () => {
    expect(tallyByYear(comparison)).toEqual([
      { year: 2024, passed: 1, failed: 0, notAssessed: 2 },
      { year: 2025, passed: 1, failed: 1, notAssessed: 1 },
      { year: 2026, passed: 0, failed: 1, notAssessed: 2 },
    ]);
  });

  it('draws by default the communes assessed in most years, never the unassessed', () => {
    expect(defaultChartUnits(comparison)).toEqual(['14812', '14818']);
    expect(defaultChartUnits(comparison, 1)).toEqual(['14812']);
  });

  it('draws each chosen commune’s totals with gaps for years without an assessment', () => {
    const option = totalsChartOption(comparison, ['14818']) as {
      xAxis: { data: string[] };
      series: Array<{ name: string; data: Array<number | null> }>;
    };
    expect(option.xAxis.data).toEqual(['2024', '2025', '2026']);
    expect(option.series).toHaveLength(1);
    expect(option.series[0]).toMatchObject({ name: 'Phường Quang Trung', data: [null, 900, 700] });
  });

  it('stacks passing and failing communes by year', () => {
    const option = passedChartOption(tallyByYear(comparison), { passed: 'Đạt', failed: 'Chưa đạt' }) as {
      series: Array<{ name: string; stack: string; data: number[] }>;
    };
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['Đạt', [1, 1, 0]],
      ['Chưa đạt', [0, 1, 1]],
    ]);
    expect(new Set(option.series.map((s) => s.stack)).size).toBe(1);
  });

  it('keeps the units assessed at least once', () => {
    expect(assessedUnits(comparison).map((u) => u.unitCode)).toEqual(['14812', '14818']);
  });
});

describe('the catalogue in words', () => {
  it('describes each kind of scoring rule', () => {
    expect(describeRule({ kind: 'yes_no', points: 50 }, 50, 'vi')).toBe('Có: 50 điểm; không: 0');
    expect(describeRule({ kind: 'manual' }, 20, 'vi')).toBe('Chấm điểm trực tiếp (0–20 điểm)');
    expect(
      describeRule(
        {
          kind: 'bands',
          measure: 'percent',
          direction: 'at_least',
          bands: [
            { threshold: 95, points: 40 },
            { threshold: 100, points: 75 },
            { threshold: 97.5, points: 60 },
          ],
          noCasePoints: null,
        },
        75,
        'vi',
      ),
    ).toBe('≥ 100%: 75 điểm; ≥ 97,5%: 60 điểm; ≥ 95%: 40 điểm; còn lại: 0');
    expect(
      describeRule(
        {
          kind: 'bands',
          measure: 'count',
          direction: 'at_most',
          bands: [{ threshold: 0, points: 25 }],
          noCasePoints: 25,
        },
        25,
        'en',
      ),
    ).toBe('≤ 0: 25 points; otherwise: 0; no case in the year: 25 points');
  });

  it('names where an issue of an edit lies', () => {
    const criteria = structuredClone(defaultCfCatalogue.criteria);
    const third = criteria[2]!;
    third.indicators[1] = { ...third.indicators[1]!, maxPoints: 30 };
    const issues = checkCatalogueEdit(defaultCfCatalogue, { ...defaultCfCatalogue, criteria });
    expect(issues).toEqual([{ path: 'criteria.2.indicators', message: 'cf_indicator_sum' }]);
    expect(issueLocation(issues[0]!, criteria, 'vi')).toBe('Tiêu chí 3');
    expect(
      issueLocation({ path: 'criteria.0.indicators.1.1', message: 'cf_verified_item' }, criteria, 'vi'),
    ).toBe('Tiêu chí 1 · chỉ số 1.1');
    expect(
      issueLocation({ path: 'criteria.4.indicators.1.rule', message: 'cf_rule_points' }, criteria, 'en'),
    ).toBe('Criterion 5 · indicator 5.2');
    expect(issueLocation({ path: 'criteria', message: 'cf_total_points' }, criteria, 'vi')).toBe(
      'Bộ tiêu chí',
    );
  });

  it('switches a rule’s kind keeping the indicator’s maximum', () => {
    expect(ruleOfKind('yes_no', 35)).toEqual({ kind: 'yes_no', points: 35 });
    expect(ruleOfKind('bands', 35)).toMatchObject({ bands: [{ threshold: 100, points: 35 }] });
    expect(ruleOfKind('manual', 35)).toEqual({ kind: 'manual' });
  });
});
