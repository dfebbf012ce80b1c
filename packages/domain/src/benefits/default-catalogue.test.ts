import { describe, expect, it } from 'vitest';
import { BenefitCatalogue } from './catalogue';
import { defaultBenefitCatalogue } from './default-catalogue';

describe('defaultBenefitCatalogue', () => {
  it('parses as a catalogue', () => {
    expect(BenefitCatalogue.parse(defaultBenefitCatalogue)).toEqual(defaultBenefitCatalogue);
  });

  it('has unique rule codes', () => {
    const codes = defaultBenefitCatalogue.rules.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('dates the base levels back to back, verified as law-vn.json says', () => {
    expect(
      defaultBenefitCatalogue.baseLevels.map((l) => [l.amountVnd, l.validFrom, l.validTo, l.verified]),
    ).toEqual([
      [270_000, '2014-01-01', '2021-06-30', false],
      [360_000, '2021-07-01', '2024-06-30', true],
      [500_000, '2024-07-01', null, true],
    ]);
  });

  it('carries the coefficients and verified flags of law-vn.json social_assistance', () => {
    const monthly = defaultBenefitCatalogue.rules.filter((r) => r.kind === 'monthly_allowance');
    expect(
      monthly.map((r) => [r.code, r.amount.type === 'coefficient' ? r.amount.coefficient : null, r.verified]),
    ).toEqual([
      ['tcxh.khong_nguon_nuoi.duoi_4', 2.5, true],
      ['tcxh.khong_nguon_nuoi.tu_4', 1.5, true],
      ['tcxh.khong_nguon_nuoi.16_22_dang_hoc', 1.5, false],
      ['tcxh.hiv_ho_ngheo.duoi_4', 2.5, true],
      ['tcxh.hiv_ho_ngheo.tu_4', 2, true],
      ['tcxh.khuyet_tat.dac_biet_nang', 2.5, false],
      ['tcxh.khuyet_tat.nang', 2, false],
    ]);
    expect(monthly.every((r) => r.exclusiveGroup === 'tcxh_monthly' && r.needsDecision)).toBe(true);
  });

  it('marks every number law-vn.json does not give as unverified', () => {
    const unverified = defaultBenefitCatalogue.rules
      .filter((r) => r.kind !== 'monthly_allowance' && !r.verified)
      .map((r) => r.code);
    expect(unverified).toEqual([
      'bhyt.hoan_canh_dac_biet',
      'bhyt.ho_ngheo',
      'hoc_phi.mien.hoan_canh_dac_biet',
      'hoc_phi.mien.ho_ngheo',
      'ho_tro_hoc_tap',
      'ho_tro_hoc_tap.ho_ngheo',
      'tro_giup_khan_cap',
    ]);
    const underSix = defaultBenefitCatalogue.rules.find((r) => r.code === 'bhyt.duoi_6');
    expect(underSix).toMatchObject({
      verified: true,
      needsDecision: false,
      budgetSource: 'central',
      validFrom: '2015-01-01',
      criteria: { maxAgeMonths: 72 },
      amount: { type: 'cost_share', percent: 100 },
    });
  });
});
