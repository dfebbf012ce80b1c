import { describe, expect, it } from 'vitest';
import type { BenefitCatalogue, BenefitRule } from './catalogue';
import { defaultBenefitCatalogue } from './default-catalogue';
import { ageInMonths, baseLevelAt, eligibilityAt, rulesInForce } from './engine';
import { factsOf, inGroup } from './testing';

const catalogue = defaultBenefitCatalogue;
const monthlyOf = (items: ReturnType<typeof eligibilityAt>) =>
  items.filter((e) => e.kind === 'monthly_allowance');

describe('ageInMonths', () => {
  it.each([
    ['2020-05-10', '2024-05-09', 47],
    ['2020-05-10', '2024-05-10', 48],
    ['2008-05-10', '2024-05-09', 191],
    ['2008-05-10', '2024-05-10', 192],
    ['2020-01-31', '2020-02-28', 0],
    ['2020-01-31', '2020-02-29', 1],
    ['2020-02-29', '2021-02-27', 11],
    ['2020-02-29', '2021-02-28', 12],
    ['2020-02-29', '2024-02-28', 47],
    ['2020', '2024-06-30', 47],
    ['2020', '2024-07-01', 48],
    ['2024-05-10', '2024-05-01', -1],
  ])('born %s, at %s → %i months', (dateOfBirth, at, months) => {
    expect(ageInMonths(dateOfBirth, at)).toBe(months);
  });
});

describe('baseLevelAt', () => {
  const withProvince: BenefitCatalogue = {
    ...catalogue,
    baseLevels: [
      ...catalogue.baseLevels,
      {
        amountVnd: 600_000,
        validFrom: '2025-01-01',
        validTo: null,
        provinceCode: '38',
        legalRef: 'NQ HĐND',
        verified: true,
      },
      {
        amountVnd: 400_000,
        validFrom: '2025-01-01',
        validTo: null,
        provinceCode: '01',
        legalRef: 'NQ HĐND',
        verified: true,
      },
    ],
  };
  it.each([
    ['38', '2013-12-31', undefined],
    ['38', '2014-01-01', 270_000],
    ['38', '2021-06-30', 270_000],
    ['38', '2021-07-01', 360_000],
    ['38', '2024-06-30', 360_000],
    ['38', '2024-07-01', 500_000],
    ['38', '2024-12-31', 500_000],
    ['38', '2025-01-01', 600_000],
    ['01', '2025-01-01', 500_000],
    ['79', '2025-01-01', 500_000],
  ])('province %s at %s → %s', (province, at, amount) => {
    expect(baseLevelAt(withProvince, province, at)?.amountVnd).toBe(amount);
  });
});

describe('rulesInForce', () => {
  const local: BenefitRule = {
    ...catalogue.rules[0]!,
    code: 'tinh38.qua_tet',
    kind: 'local_gift',
    unitCode: '38',
    validFrom: '2025-01-01',
    exclusiveGroup: null,
  };
  const commune: BenefitRule = { ...local, code: 'xa14812.trung_thu', unitCode: '14812' };
  const withLocal: BenefitCatalogue = { ...catalogue, rules: [...catalogue.rules, local, commune] };
  const codes = (unit: string, at: string, province?: string) =>
    rulesInForce(withLocal, unit, at, province).map((r) => r.code);

  it.each([
    ['14812', '2025-02-01', '38', ['tinh38.qua_tet', 'xa14812.trung_thu']],
    ['14812', '2025-02-01', undefined, ['xa14812.trung_thu']],
    ['14818', '2025-02-01', '38', ['tinh38.qua_tet']],
    ['14818', '2025-02-01', '01', []],
    ['14812', '2024-12-31', '38', []],
  ])('unit %s at %s (province %s) adds %j to the national rules', (unit, at, province, local) => {
    const national = catalogue.rules.filter((r) => r.validFrom <= at).map((r) => r.code);
    expect(codes(unit, at, province)).toEqual([...national, ...local]);
  });
  it('has no social allowance rule before Decree 20/2021', () => {
    expect(codes('14812', '2021-06-30').filter((c) => c.startsWith('tcxh'))).toEqual([]);
  });
});

describe('eligibilityAt: monthly allowance across the 4th and 16th birthdays', () => {
  const orphan = (dateOfBirth: string) => factsOf({ dateOfBirth, groups: [inGroup('a', '2010-01-01')] });
  it.each([
    ['2020-05-10', '2024-05-09', 'tcxh.khong_nguon_nuoi.duoi_4', 2.5, 900_000],
    ['2020-05-10', '2024-05-10', 'tcxh.khong_nguon_nuoi.tu_4', 1.5, 540_000],
    ['2020-08-10', '2024-08-09', 'tcxh.khong_nguon_nuoi.duoi_4', 2.5, 1_250_000],
    ['2020-08-10', '2024-08-10', 'tcxh.khong_nguon_nuoi.tu_4', 1.5, 750_000],
    ['2008-08-10', '2024-08-09', 'tcxh.khong_nguon_nuoi.tu_4', 1.5, 750_000],
    ['2008-08-10', '2024-08-10', undefined, undefined, undefined],
  ])('born %s, at %s → %s', (dateOfBirth, at, ruleCode, coefficient, amount) => {
    const monthly = monthlyOf(eligibilityAt(orphan(dateOfBirth), at, catalogue));
    expect(monthly.map((e) => [e.ruleCode, e.coefficient, e.amountVnd])).toEqual(
      ruleCode ? [[ruleCode, coefficient, amount]] : [],
    );
  });

  it('announces the 4th birthday with the new amount, and the 16th as the end', () => {
    const [before4] = monthlyOf(eligibilityAt(orphan('2020-08-10'), '2024-08-09', catalogue));
    expect(before4!.nextChange).toMatchObject({
      on: '2024-08-10',
      kind: 'amount_changes',
      amountVnd: 750_000,
    });
    const [before16] = monthlyOf(eligibilityAt(orphan('2008-08-10'), '2024-08-09', catalogue));
    expect(before16!.nextChange).toMatchObject({ on: '2024-08-10', kind: 'ends', amountVnd: null });
    expect(before16!.nextChange!.reasonVi).toBe('Hết điều kiện hưởng từ 10/08/2024: đủ 16 tuổi');
  });

  it('announces the new base level of 01/07/2024', () => {
    const [june] = monthlyOf(eligibilityAt(orphan('2022-01-01'), '2024-06-15', catalogue));
    expect([june!.amountVnd, june!.baseLevelVnd]).toEqual([900_000, 360_000]);
    expect(june!.nextChange).toMatchObject({
      on: '2024-07-01',
      kind: 'amount_changes',
      amountVnd: 1_250_000,
    });
    const [july] = monthlyOf(eligibilityAt(orphan('2022-01-01'), '2024-07-01', catalogue));
    expect([july!.amountVnd, july!.baseLevelVnd]).toEqual([1_250_000, 500_000]);
  });

  it('continues after 16 for a young person still at school (Art. 5(2)), at the same amount', () => {
    const facts = { ...orphan('2008-08-10'), enrolmentStatus: 'enrolled' as const };
    const [before] = monthlyOf(eligibilityAt(facts, '2024-08-09', catalogue));
    expect(before!.nextChange).toMatchObject({ on: '2030-08-10', kind: 'ends' });
    const [after] = monthlyOf(eligibilityAt(facts, '2024-08-10', catalogue));
    expect(after!.ruleCode).toBe('tcxh.khong_nguon_nuoi.16_22_dang_hoc');
    expect(after!.verified).toBe(false);
  });
});

describe('eligibilityAt: groups, criteria and exclusive groups', () => {
  it.each([
    ['group ended the day before', [inGroup('a', '2022-01-01', '2025-03-19')], '2025-03-20', []],
    [
      'group ends today',
      [inGroup('a', '2022-01-01', '2025-03-20')],
      '2025-03-20',
      ['tcxh.khong_nguon_nuoi.tu_4'],
    ],
    ['group starts tomorrow', [inGroup('c', '2025-03-21')], '2025-03-20', []],
    ['group starts today', [inGroup('c', '2025-03-20')], '2025-03-20', ['tcxh.khong_nguon_nuoi.tu_4']],
    ['abandoned', [inGroup('b')], '2025-03-20', ['tcxh.khong_nguon_nuoi.tu_4']],
    ['violence only', [inGroup('i')], '2025-03-20', []],
  ])('%s', (_, groups, at, expected) => {
    const monthly = monthlyOf(eligibilityAt(factsOf({ groups }), at, catalogue));
    expect(monthly.map((e) => e.ruleCode)).toEqual(expected);
  });

  it.each([
    [
      'HIV in a poor household',
      { groups: [inGroup('đ')], povertyStatus: 'poor' as const },
      ['tcxh.hiv_ho_ngheo.tu_4'],
    ],
    ['HIV in a near-poor household', { groups: [inGroup('đ')], povertyStatus: 'near_poor' as const }, []],
    ['HIV, poverty unknown', { groups: [inGroup('đ')] }, []],
    [
      'especially severe disability',
      { groups: [inGroup('d')], disabilityLevel: 'especially_severe' as const },
      ['tcxh.khuyet_tat.dac_biet_nang'],
    ],
    ['mild disability', { groups: [inGroup('d')], disabilityLevel: 'mild' as const }, []],
    ['severe disability outside group d', { disabilityLevel: 'severe' as const }, []],
  ])('%s', (_, overrides, expected) => {
    const monthly = monthlyOf(eligibilityAt(factsOf(overrides), '2025-09-01', catalogue));
    expect(monthly.map((e) => e.ruleCode)).toEqual(expected);
  });

  it('gives a child in two groups the higher allowance once, naming the other', () => {
    const facts = factsOf({ groups: [inGroup('a'), inGroup('d')], disabilityLevel: 'severe' });
    const monthly = monthlyOf(eligibilityAt(facts, '2025-09-01', catalogue));
    expect(monthly).toHaveLength(1);
    expect(monthly[0]).toMatchObject({
      ruleCode: 'tcxh.khuyet_tat.nang',
      amountVnd: 1_000_000,
      supersedes: ['tcxh.khong_nguon_nuoi.tu_4'],
      exclusiveGroup: 'tcxh_monthly',
    });
    expect(monthly[0]!.explanationVi).toBe(
      'khuyết tật nặng (nhóm d), 4 tuổi → hệ số 2 × 500.000 đ = 1.000.000 đ/tháng',
    );
  });

  it('keeps catalogue order on a tie and names the rule left out', () => {
    const facts = factsOf({ groups: [inGroup('a'), inGroup('d')], disabilityLevel: 'especially_severe' });
    const monthly = monthlyOf(eligibilityAt(facts, '2023-09-01', catalogue));
    expect(monthly.map((e) => [e.ruleCode, e.amountVnd, e.supersedes])).toEqual([
      ['tcxh.khong_nguon_nuoi.duoi_4', 900_000, ['tcxh.khuyet_tat.dac_biet_nang']],
    ]);
  });

  it('covers health insurance under 6 automatically and ends it on the 6th birthday', () => {
    const items = eligibilityAt(factsOf(), '2027-03-14', catalogue);
    expect(items.map((e) => [e.ruleCode, e.amountVnd, e.needsDecision])).toEqual([
      ['bhyt.duoi_6', null, false],
    ]);
    expect(items[0]!.nextChange).toMatchObject({ on: '2027-03-15', kind: 'ends' });
    expect(eligibilityAt(factsOf(), '2027-03-15', catalogue)).toEqual([]);
  });

  it('hands insurance over to the special-circumstances rule at 6', () => {
    const facts = factsOf({ groups: [inGroup('i')] });
    const [insurance] = eligibilityAt(facts, '2027-03-14', catalogue).filter(
      (e) => e.kind === 'health_insurance',
    );
    expect(insurance!.nextChange).toMatchObject({ on: '2027-03-15', kind: 'ends' });
    expect(insurance!.nextChange!.reasonVi).toBe(
      'Từ 15/03/2027 chuyển sang: Hỗ trợ bảo hiểm y tế cho trẻ em có hoàn cảnh đặc biệt',
    );
    const after = eligibilityAt(facts, '2027-03-15', catalogue).filter((e) => e.kind === 'health_insurance');
    expect(after.map((e) => e.ruleCode)).toEqual(['bhyt.hoan_canh_dac_biet']);
  });

  it('announces the end of a group', () => {
    const facts = factsOf({ groups: [inGroup('c', '2022-01-01', '2025-10-31')] });
    const [monthly] = monthlyOf(eligibilityAt(facts, '2025-09-01', catalogue));
    expect(monthly!.nextChange).toEqual({
      on: '2025-11-01',
      kind: 'ends',
      amountVnd: null,
      reasonVi: 'Hết điều kiện hưởng từ 01/11/2025: thôi thuộc nhóm c từ 01/11/2025',
      reasonEn: 'No longer eligible from 2025-11-01: no longer in group c from 2025-11-01',
    });
  });
});

describe('explanations', () => {
  it.each([
    [
      factsOf({ dateOfBirth: '2022-01-20', groups: [inGroup('a', '2022-02-01')] }),
      '2025-06-01',
      'tcxh.khong_nguon_nuoi.duoi_4',
      'mồ côi cả cha và mẹ (nhóm a), 3 tuổi → hệ số 2,5 × 500.000 đ = 1.250.000 đ/tháng',
      'orphan of both parents (group a), 3 years old → coefficient 2.5 × 500,000 VND = 1,250,000 VND/month',
    ],
    [
      factsOf({ dateOfBirth: '2024-01-20', groups: [inGroup('b', '2024-01-25')] }),
      '2024-06-01',
      'tcxh.khong_nguon_nuoi.duoi_4',
      'bị bỏ rơi (nhóm b), 4 tháng tuổi → hệ số 2,5 × 360.000 đ = 900.000 đ/tháng',
      'abandoned (group b), 4 months old → coefficient 2.5 × 360,000 VND = 900,000 VND/month',
    ],
    [
      factsOf({ dateOfBirth: '2015-01-20', groups: [inGroup('đ', '2016-01-01')], povertyStatus: 'poor' }),
      '2025-06-01',
      'tcxh.hiv_ho_ngheo.tu_4',
      'nhiễm HIV/AIDS (nhóm đ), thuộc hộ nghèo, 10 tuổi → hệ số 2 × 500.000 đ = 1.000.000 đ/tháng',
      'living with HIV/AIDS (group đ), in a poor household, 10 years old → coefficient 2 × 500,000 VND = 1,000,000 VND/month',
    ],
    [
      factsOf({ dateOfBirth: '2024-01-20' }),
      '2025-06-01',
      'bhyt.duoi_6',
      'trẻ em dưới 6 tuổi, 1 tuổi → Bảo hiểm y tế cho trẻ em dưới 6 tuổi: 100 % (ngân sách nhà nước đóng toàn bộ mức đóng bảo hiểm y tế)',
      'child under 6, 1 year old → Health insurance for children under 6: 100 % covered',
    ],
  ])('%#', (facts, at, ruleCode, vi, en) => {
    const item = eligibilityAt(facts, at, catalogue).find((e) => e.ruleCode === ruleCode);
    expect([item?.explanationVi, item?.explanationEn]).toEqual([vi, en]);
  });
});
