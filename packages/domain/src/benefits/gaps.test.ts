import { describe, expect, it } from 'vitest';
import { defaultBenefitCatalogue } from './default-catalogue';
import { eligibilityAt } from './engine';
import { benefitGapsOf, type EnrolmentFact, gapCandidateGroups } from './gaps';
import { factsOf, inGroup } from './testing';

const enrolment = (ruleCode: string, amountVnd: number, id = 'e1'): EnrolmentFact => ({
  id,
  ruleCode,
  amountVnd,
  startDate: '2024-01-01',
  endDate: null,
});
const orphan = factsOf({ dateOfBirth: '2020-08-10', groups: [inGroup('a', '2021-01-01')] });
const gapsAt = (facts: typeof orphan, at: string, enrolments: EnrolmentFact[]) =>
  benefitGapsOf(eligibilityAt(facts, at, defaultBenefitCatalogue), enrolments, defaultBenefitCatalogue).map(
    (g) => [g.kind, g.ruleCode, g.expectedAmountVnd, g.enrolledAmountVnd, g.enrolmentId],
  );

describe('benefitGapsOf', () => {
  it.each([
    [
      'enrolled at the right amount',
      orphan,
      '2024-08-09',
      [enrolment('tcxh.khong_nguon_nuoi.duoi_4', 1_250_000)],
      [],
    ],
    [
      'not enrolled',
      orphan,
      '2024-08-09',
      [],
      [['eligible_not_enrolled', 'tcxh.khong_nguon_nuoi.duoi_4', 1_250_000, null, null]],
    ],
    [
      '4th birthday not applied',
      orphan,
      '2024-08-10',
      [enrolment('tcxh.khong_nguon_nuoi.duoi_4', 1_250_000)],
      [['amount_differs', 'tcxh.khong_nguon_nuoi.tu_4', 750_000, 1_250_000, 'e1']],
    ],
    [
      'base level of 01/07/2024 not applied',
      orphan,
      '2024-07-01',
      [enrolment('tcxh.khong_nguon_nuoi.duoi_4', 900_000)],
      [['amount_differs', 'tcxh.khong_nguon_nuoi.duoi_4', 1_250_000, 900_000, 'e1']],
    ],
    [
      'turned 16',
      factsOf({ dateOfBirth: '2008-08-10', groups: [inGroup('a', '2010-01-01')] }),
      '2024-08-10',
      [enrolment('tcxh.khong_nguon_nuoi.tu_4', 750_000)],
      [['enrolled_not_eligible', 'tcxh.khong_nguon_nuoi.tu_4', null, 750_000, 'e1']],
    ],
    [
      'group ended',
      factsOf({ groups: [inGroup('c', '2022-01-01', '2025-05-31')] }),
      '2025-06-01',
      [enrolment('tcxh.khong_nguon_nuoi.tu_4', 750_000)],
      [['enrolled_not_eligible', 'tcxh.khong_nguon_nuoi.tu_4', null, 750_000, 'e1']],
    ],
    [
      'enrolled in the lower of two groups',
      factsOf({ groups: [inGroup('a'), inGroup('d')], disabilityLevel: 'severe' }),
      '2025-06-01',
      [enrolment('tcxh.khong_nguon_nuoi.tu_4', 750_000)],
      [['amount_differs', 'tcxh.khuyet_tat.nang', 1_000_000, 750_000, 'e1']],
    ],
    [
      'enrolled twice in one exclusive group',
      factsOf({ groups: [inGroup('a'), inGroup('d')], disabilityLevel: 'severe' }),
      '2025-06-01',
      [
        enrolment('tcxh.khong_nguon_nuoi.tu_4', 750_000, 'e1'),
        enrolment('tcxh.khuyet_tat.nang', 1_000_000, 'e2'),
      ],
      [['enrolled_not_eligible', 'tcxh.khong_nguon_nuoi.tu_4', null, 750_000, 'e1']],
    ],
    ['insurance under 6 needs no decision', factsOf(), '2025-06-01', [], []],
  ])('%s', (_, facts, at, enrolments, expected) => {
    expect(gapsAt(facts, at, enrolments)).toEqual(expected);
  });

  it('names the facts in the reasons', () => {
    const [gap] = benefitGapsOf(eligibilityAt(orphan, '2024-08-09', defaultBenefitCatalogue), []);
    expect(gap!.reasonVi).toBe(
      'Đủ điều kiện hưởng Trợ cấp xã hội hằng tháng: trẻ em không có nguồn nuôi dưỡng dưới 4 tuổi nhưng chưa có quyết định: mồ côi cả cha và mẹ (nhóm a), 3 tuổi → hệ số 2,5 × 500.000 đ = 1.250.000 đ/tháng',
    );
    const [differs] = benefitGapsOf(eligibilityAt(orphan, '2024-08-10', defaultBenefitCatalogue), [
      enrolment('tcxh.khong_nguon_nuoi.duoi_4', 1_250_000),
    ]);
    expect(differs!.reasonVi).toBe(
      'Đang hưởng 1.250.000 đ, theo quy định 750.000 đ: mồ côi cả cha và mẹ (nhóm a), 4 tuổi → hệ số 1,5 × 500.000 đ = 750.000 đ/tháng',
    );
  });

  it('finds the exclusive group by the code convention without a catalogue', () => {
    const gaps = benefitGapsOf(eligibilityAt(orphan, '2024-08-10', defaultBenefitCatalogue), [
      enrolment('tcxh.khong_nguon_nuoi.duoi_4', 1_250_000),
    ]);
    expect(gaps.map((g) => g.kind)).toEqual(['amount_differs']);
  });
});

describe('gapCandidateGroups', () => {
  it('names the groups the decided benefits ask for, so that only those children are read', () => {
    const groups = gapCandidateGroups(defaultBenefitCatalogue, '2026-11-29');
    expect(groups).toEqual(expect.arrayContaining(['a', 'b', 'c', 'd']));
    expect(groups).not.toContain('e');
  });

  it('is null when a decided benefit in force asks for no group (every child must be examined)', () => {
    const [first] = defaultBenefitCatalogue.rules.filter((rule) => rule.needsDecision);
    if (!first) throw new Error('no decided rule');
    const everyone = { ...first, code: 'xa.qua_tet', criteria: { maxAgeMonths: 72 } };
    const catalogue = { ...defaultBenefitCatalogue, rules: [...defaultBenefitCatalogue.rules, everyone] };
    expect(gapCandidateGroups(catalogue, '2026-11-29')).toBeNull();
    expect(gapCandidateGroups(catalogue, '2000-01-01')).toEqual([]);
  });
});
