import { describe, expect, it } from 'vitest';
import { defaultBenefitCatalogue } from './default-catalogue';
import type { EnrolmentFact } from './gaps';
import { benefitProposalsOf } from './proposals';
import { factsOf, inGroup } from './testing';

const enrolment = (ruleCode: string, amountVnd: number, id = 'e1'): EnrolmentFact => ({
  id,
  ruleCode,
  amountVnd,
  startDate: '2024-01-01',
  endDate: null,
});
const today = '2025-08-03';
const proposalsOf = (facts: ReturnType<typeof factsOf>, enrolments: EnrolmentFact[], horizonDays?: number) =>
  benefitProposalsOf(facts, today, defaultBenefitCatalogue, enrolments, horizonDays).map((p) => [
    p.kind,
    p.ruleCode,
    p.enrolmentId,
    p.effectiveFrom,
    p.amountVnd,
    p.dedupeKey,
  ]);

describe('benefitProposalsOf', () => {
  const turning4 = factsOf({ dateOfBirth: '2021-08-10', groups: [inGroup('a', '2022-01-01')] });
  const turning16 = factsOf({ dateOfBirth: '2009-08-10', groups: [inGroup('b', '2010-01-01')] });

  it.each([
    [
      'turning 4 next week, enrolled: adjust on the birthday',
      turning4,
      [enrolment('tcxh.khong_nguon_nuoi.duoi_4', 1_250_000)],
      undefined,
      [
        [
          'adjust',
          'tcxh.khong_nguon_nuoi.tu_4',
          'e1',
          '2025-08-10',
          750_000,
          'adjust:tcxh.khong_nguon_nuoi.tu_4:2025-08-10',
        ],
      ],
    ],
    [
      'turning 4 next week, horizon of 5 days: nothing yet',
      turning4,
      [enrolment('tcxh.khong_nguon_nuoi.duoi_4', 1_250_000)],
      5,
      [],
    ],
    [
      'turning 4 next week, not enrolled: start today',
      turning4,
      [],
      undefined,
      [
        [
          'start',
          'tcxh.khong_nguon_nuoi.duoi_4',
          null,
          today,
          1_250_000,
          'start:tcxh.khong_nguon_nuoi.duoi_4:2025-08-03',
        ],
      ],
    ],
    [
      'turning 16 next week, enrolled: terminate on the birthday',
      turning16,
      [enrolment('tcxh.khong_nguon_nuoi.tu_4', 750_000), enrolment('bhyt.hoan_canh_dac_biet', 0, 'e2')],
      undefined,
      [
        [
          'terminate',
          'tcxh.khong_nguon_nuoi.tu_4',
          'e1',
          '2025-08-10',
          null,
          'terminate:tcxh.khong_nguon_nuoi.tu_4:2025-08-10',
        ],
        [
          'terminate',
          'bhyt.hoan_canh_dac_biet',
          'e2',
          '2025-08-10',
          null,
          'terminate:bhyt.hoan_canh_dac_biet:2025-08-10',
        ],
      ],
    ],
    [
      'turning 16 next week and still at school: the allowance goes on, insurance support ends',
      { ...turning16, enrolmentStatus: 'enrolled' as const },
      [
        enrolment('tcxh.khong_nguon_nuoi.tu_4', 750_000),
        enrolment('hoc_phi.mien.hoan_canh_dac_biet', 0, 'e2'),
        enrolment('ho_tro_hoc_tap', 150_000, 'e3'),
        enrolment('bhyt.hoan_canh_dac_biet', 0, 'e4'),
      ],
      undefined,
      [
        [
          'terminate',
          'bhyt.hoan_canh_dac_biet',
          'e4',
          '2025-08-10',
          null,
          'terminate:bhyt.hoan_canh_dac_biet:2025-08-10',
        ],
      ],
    ],
    [
      'no longer eligible today: terminate today',
      factsOf({ groups: [inGroup('c', '2022-01-01', '2025-07-31')] }),
      [enrolment('tcxh.khong_nguon_nuoi.tu_4', 750_000)],
      undefined,
      [
        [
          'terminate',
          'tcxh.khong_nguon_nuoi.tu_4',
          'e1',
          today,
          null,
          'terminate:tcxh.khong_nguon_nuoi.tu_4:2025-08-03',
        ],
      ],
    ],
    [
      'wrong amount today: adjust today',
      factsOf({ groups: [inGroup('c', '2022-01-01')] }),
      [enrolment('tcxh.khong_nguon_nuoi.tu_4', 540_000)],
      undefined,
      [
        [
          'adjust',
          'tcxh.khong_nguon_nuoi.tu_4',
          'e1',
          today,
          750_000,
          'adjust:tcxh.khong_nguon_nuoi.tu_4:2025-08-03',
        ],
      ],
    ],
    [
      'enters a group in two weeks: start then (insurance under 6 already covers the child)',
      factsOf({ groups: [inGroup('c', '2025-08-17')] }),
      [],
      undefined,
      [
        [
          'start',
          'tcxh.khong_nguon_nuoi.tu_4',
          null,
          '2025-08-17',
          750_000,
          'start:tcxh.khong_nguon_nuoi.tu_4:2025-08-17',
        ],
      ],
    ],
  ])('%s', (_, facts, enrolments, horizonDays, expected) => {
    expect(proposalsOf(facts, enrolments, horizonDays)).toEqual(expected);
  });

  it('explains the proposal', () => {
    const [adjust] = benefitProposalsOf(turning4, today, defaultBenefitCatalogue, [
      enrolment('tcxh.khong_nguon_nuoi.duoi_4', 1_250_000),
    ]);
    expect(adjust!.reasonVi).toBe(
      'Từ 10/08/2025: mồ côi cả cha và mẹ (nhóm a), 4 tuổi → hệ số 1,5 × 500.000 đ = 750.000 đ/tháng',
    );
    const [terminate] = benefitProposalsOf(turning16, today, defaultBenefitCatalogue, [
      enrolment('tcxh.khong_nguon_nuoi.tu_4', 750_000),
    ]);
    expect([terminate!.reasonVi, terminate!.reasonEn]).toEqual([
      'Hết điều kiện hưởng từ 10/08/2025: đủ 16 tuổi',
      'No longer eligible from 2025-08-10: turns 16',
    ]);
  });
});
