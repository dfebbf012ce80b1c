import type { BaseLevelPeriod, BenefitCatalogue, BenefitRule } from './catalogue';

/**
 * The national benefit catalogue, from `shared/domain/law-vn.json` (`base_level`,
 * `social_assistance`, `health_insurance`). `verified` copies the JSON; numbers the JSON does not
 * give (insurance support, tuition, study support, emergency support) are `verified: false` and
 * shown as "chưa xác minh" until an administrator checks them against the text.
 *
 * Children "without a source of nurture" (Decree 20/2021 Art. 5(1)) map to the registry groups
 * of the Law on Children Art. 10(1): a) orphans of both parents, b) abandoned, c) without anyone
 * to rely on (one parent dead and the other missing, in an institution, in prison; both missing).
 */

const ND20 = 'Nghị định 20/2021/NĐ-CP';
const FROM_ND20 = '2021-07-01';
const UNDER_4 = 48;
const UNDER_16 = 192;
const UNDER_22 = 264;
const UNDER_6 = 72;

export const defaultBaseLevels: BaseLevelPeriod[] = [
  {
    amountVnd: 270_000,
    validFrom: '2014-01-01',
    validTo: '2021-06-30',
    provinceCode: null,
    legalRef: 'Nghị định 136/2013/NĐ-CP Art. 4',
    // The JSON gives the amount but not the start date.
    verified: false,
  },
  {
    amountVnd: 360_000,
    validFrom: '2021-07-01',
    validTo: '2024-06-30',
    provinceCode: null,
    legalRef: `${ND20} Art. 4`,
    verified: true,
  },
  {
    amountVnd: 500_000,
    validFrom: '2024-07-01',
    validTo: null,
    provinceCode: null,
    legalRef: `Nghị định 76/2024/NĐ-CP sửa đổi ${ND20} Art. 4`,
    verified: true,
  },
];

type RuleInput = Omit<BenefitRule, 'validTo' | 'unitCode' | 'validFrom'> & { validFrom?: string };

function rule(input: RuleInput): BenefitRule {
  const { validFrom, ...rest } = input;
  return { validFrom: validFrom ?? FROM_ND20, validTo: null, unitCode: null, ...rest };
}

const monthly = {
  kind: 'monthly_allowance',
  periodicity: 'monthly',
  exclusiveGroup: 'tcxh_monthly',
  budgetSource: 'central',
  needsDecision: true,
} as const;

const withoutNurtureVi =
  'không có nguồn nuôi dưỡng: mồ côi cả cha và mẹ (nhóm a), bị bỏ rơi (nhóm b), không nơi nương tựa (nhóm c)';
const withoutNurtureEn =
  'without a source of nurture: orphan of both parents (a), abandoned (b), no one to rely on (c)';

const monthlyAllowances: BenefitRule[] = [
  rule({
    ...monthly,
    code: 'tcxh.khong_nguon_nuoi.duoi_4',
    nameVi: 'Trợ cấp xã hội hằng tháng: trẻ em không có nguồn nuôi dưỡng dưới 4 tuổi',
    nameEn: 'Monthly allowance: child without a source of nurture, under 4',
    criteriaVi: `${withoutNurtureVi}, dưới 4 tuổi`,
    criteriaEn: `${withoutNurtureEn}, under 4`,
    legalRef: `${ND20} Art. 5(1), 6(1)(a)`,
    verified: true,
    amount: { type: 'coefficient', coefficient: 2.5 },
    criteria: { groups: ['a', 'b', 'c'], maxAgeMonths: UNDER_4 },
  }),
  rule({
    ...monthly,
    code: 'tcxh.khong_nguon_nuoi.tu_4',
    nameVi: 'Trợ cấp xã hội hằng tháng: trẻ em không có nguồn nuôi dưỡng từ đủ 4 đến dưới 16 tuổi',
    nameEn: 'Monthly allowance: child without a source of nurture, 4 to under 16',
    criteriaVi: `${withoutNurtureVi}, từ đủ 4 đến dưới 16 tuổi`,
    criteriaEn: `${withoutNurtureEn}, 4 to under 16`,
    legalRef: `${ND20} Art. 5(1), 6(1)`,
    verified: true,
    amount: { type: 'coefficient', coefficient: 1.5 },
    criteria: { groups: ['a', 'b', 'c'], minAgeMonths: UNDER_4, maxAgeMonths: UNDER_16 },
  }),
  rule({
    ...monthly,
    code: 'tcxh.khong_nguon_nuoi.16_22_dang_hoc',
    nameVi: 'Trợ cấp xã hội hằng tháng: người từ 16 đến 22 tuổi đang học, trước đó hưởng theo Điều 5(1)',
    nameEn: 'Monthly allowance: 16 to 22 still studying, previously under Art. 5(1)',
    criteriaVi: 'từ đủ 16 đến dưới 22 tuổi, đang đi học, trước đó không có nguồn nuôi dưỡng (nhóm a, b, c)',
    criteriaEn: '16 to under 22, studying, previously without a source of nurture (a, b, c)',
    legalRef: `${ND20} Art. 5(2), 6`,
    verified: false,
    amount: { type: 'coefficient', coefficient: 1.5 },
    criteria: {
      groups: ['a', 'b', 'c'],
      minAgeMonths: UNDER_16,
      maxAgeMonths: UNDER_22,
      enrolmentStatuses: ['enrolled'],
    },
  }),
  rule({
    ...monthly,
    code: 'tcxh.hiv_ho_ngheo.duoi_4',
    nameVi: 'Trợ cấp xã hội hằng tháng: trẻ em nhiễm HIV/AIDS thuộc hộ nghèo dưới 4 tuổi',
    nameEn: 'Monthly allowance: child with HIV/AIDS in a poor household, under 4',
    criteriaVi: 'nhiễm HIV/AIDS (nhóm đ), thuộc hộ nghèo, dưới 4 tuổi',
    criteriaEn: 'living with HIV/AIDS (group đ), poor household, under 4',
    legalRef: `${ND20} Art. 6`,
    verified: true,
    amount: { type: 'coefficient', coefficient: 2.5 },
    criteria: { groups: ['đ'], povertyStatuses: ['poor'], maxAgeMonths: UNDER_4 },
  }),
  rule({
    ...monthly,
    code: 'tcxh.hiv_ho_ngheo.tu_4',
    nameVi: 'Trợ cấp xã hội hằng tháng: trẻ em nhiễm HIV/AIDS thuộc hộ nghèo từ đủ 4 đến dưới 16 tuổi',
    nameEn: 'Monthly allowance: child with HIV/AIDS in a poor household, 4 to under 16',
    criteriaVi: 'nhiễm HIV/AIDS (nhóm đ), thuộc hộ nghèo, từ đủ 4 đến dưới 16 tuổi',
    criteriaEn: 'living with HIV/AIDS (group đ), poor household, 4 to under 16',
    legalRef: `${ND20} Art. 6`,
    verified: true,
    amount: { type: 'coefficient', coefficient: 2.0 },
    criteria: { groups: ['đ'], povertyStatuses: ['poor'], minAgeMonths: UNDER_4, maxAgeMonths: UNDER_16 },
  }),
  rule({
    ...monthly,
    code: 'tcxh.khuyet_tat.dac_biet_nang',
    nameVi: 'Trợ cấp xã hội hằng tháng: trẻ em khuyết tật đặc biệt nặng',
    nameEn: 'Monthly allowance: child with an especially severe disability',
    criteriaVi: 'khuyết tật đặc biệt nặng (nhóm d), dưới 16 tuổi',
    criteriaEn: 'especially severe disability (group d), under 16',
    legalRef: `${ND20} Art. 6 (mức chỉ thấy ở Nghị định 136/2013/NĐ-CP)`,
    verified: false,
    amount: { type: 'coefficient', coefficient: 2.5 },
    criteria: { groups: ['d'], disabilityLevels: ['especially_severe'], maxAgeMonths: UNDER_16 },
  }),
  rule({
    ...monthly,
    code: 'tcxh.khuyet_tat.nang',
    nameVi: 'Trợ cấp xã hội hằng tháng: trẻ em khuyết tật nặng',
    nameEn: 'Monthly allowance: child with a severe disability',
    criteriaVi: 'khuyết tật nặng (nhóm d), dưới 16 tuổi',
    criteriaEn: 'severe disability (group d), under 16',
    legalRef: `${ND20} Art. 6 (mức chỉ thấy ở Nghị định 136/2013/NĐ-CP)`,
    verified: false,
    amount: { type: 'coefficient', coefficient: 2.0 },
    criteria: { groups: ['d'], disabilityLevels: ['severe'], maxAgeMonths: UNDER_16 },
  }),
];

const healthInsurance: BenefitRule[] = [
  rule({
    code: 'bhyt.duoi_6',
    kind: 'health_insurance',
    nameVi: 'Bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    nameEn: 'Health insurance for children under 6',
    criteriaVi: 'trẻ em dưới 6 tuổi',
    criteriaEn: 'child under 6',
    legalRef: 'Luật Bảo hiểm y tế (sửa đổi 2014) Art. 12; Nghị định 146/2018/NĐ-CP Art. 3',
    verified: true,
    validFrom: '2015-01-01',
    periodicity: 'yearly',
    amount: {
      type: 'cost_share',
      percent: 100,
      description: 'ngân sách nhà nước đóng toàn bộ mức đóng bảo hiểm y tế',
    },
    criteria: { maxAgeMonths: UNDER_6 },
    exclusiveGroup: 'bhyt',
    budgetSource: 'central',
    needsDecision: false,
  }),
  rule({
    code: 'bhyt.hoan_canh_dac_biet',
    kind: 'health_insurance',
    nameVi: 'Hỗ trợ bảo hiểm y tế cho trẻ em có hoàn cảnh đặc biệt',
    nameEn: 'Health insurance support for children in special circumstances',
    criteriaVi: 'trẻ em có hoàn cảnh đặc biệt (một trong 14 nhóm), từ đủ 6 đến dưới 16 tuổi',
    criteriaEn: 'child in special circumstances (any of the 14 groups), 6 to under 16',
    legalRef: 'Luật Bảo hiểm y tế Art. 12; Luật Trẻ em Art. 10 (mức hỗ trợ chưa xác minh)',
    verified: false,
    periodicity: 'yearly',
    amount: {
      type: 'cost_share',
      percent: 100,
      description: 'ngân sách nhà nước đóng mức đóng bảo hiểm y tế',
    },
    criteria: {
      groups: ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o'],
      minAgeMonths: UNDER_6,
      maxAgeMonths: UNDER_16,
    },
    exclusiveGroup: 'bhyt',
    budgetSource: 'province',
    // Decided outside the commune chairman (school heads; the health-insurance card from the
    // commune's list): shown in the child's eligibility, not on the commune's gap list.
    needsDecision: false,
  }),
  rule({
    code: 'bhyt.ho_ngheo',
    kind: 'health_insurance',
    nameVi: 'Bảo hiểm y tế cho trẻ em thuộc hộ nghèo',
    nameEn: 'Health insurance for children of poor households',
    criteriaVi: 'thuộc hộ nghèo, từ đủ 6 tuổi',
    criteriaEn: 'poor household, aged 6 or more',
    legalRef: 'Luật Bảo hiểm y tế Art. 12 (mức hỗ trợ chưa xác minh)',
    verified: false,
    periodicity: 'yearly',
    amount: {
      type: 'cost_share',
      percent: 100,
      description: 'ngân sách nhà nước đóng mức đóng bảo hiểm y tế',
    },
    criteria: { povertyStatuses: ['poor'], minAgeMonths: UNDER_6 },
    exclusiveGroup: 'bhyt',
    budgetSource: 'central',
    // Cards come from the yearly poverty list, not from a decision of the commune.
    needsDecision: false,
  }),
];

const education: BenefitRule[] = [
  rule({
    code: 'hoc_phi.mien.hoan_canh_dac_biet',
    kind: 'tuition_exemption',
    nameVi: 'Miễn học phí cho trẻ em có hoàn cảnh đặc biệt',
    nameEn: 'Tuition exemption for children in special circumstances',
    criteriaVi: 'không có nguồn nuôi dưỡng (nhóm a, b, c) hoặc khuyết tật (nhóm d), đang đi học',
    criteriaEn: 'without a source of nurture (a, b, c) or disabled (d), at school',
    legalRef: 'Nghị định 81/2021/NĐ-CP Art. 15 (chưa xác minh)',
    verified: false,
    periodicity: 'yearly',
    amount: { type: 'cost_share', percent: 100, description: 'miễn toàn bộ học phí' },
    criteria: { groups: ['a', 'b', 'c', 'd'], enrolmentStatuses: ['preschool', 'enrolled'] },
    exclusiveGroup: 'hoc_phi',
    budgetSource: 'province',
    // Decided outside the commune chairman (school heads; the health-insurance card from the
    // commune's list): shown in the child's eligibility, not on the commune's gap list.
    needsDecision: false,
  }),
  rule({
    code: 'hoc_phi.mien.ho_ngheo',
    kind: 'tuition_exemption',
    nameVi: 'Miễn học phí cho trẻ em thuộc hộ nghèo',
    nameEn: 'Tuition exemption for children of poor households',
    criteriaVi: 'thuộc hộ nghèo, đang đi học',
    criteriaEn: 'poor household, at school',
    legalRef: 'Nghị định 81/2021/NĐ-CP Art. 15 (chưa xác minh)',
    verified: false,
    periodicity: 'yearly',
    amount: { type: 'cost_share', percent: 100, description: 'miễn toàn bộ học phí' },
    criteria: { povertyStatuses: ['poor'], enrolmentStatuses: ['preschool', 'enrolled'] },
    exclusiveGroup: 'hoc_phi',
    budgetSource: 'province',
    // Decided outside the commune chairman (school heads; the health-insurance card from the
    // commune's list): shown in the child's eligibility, not on the commune's gap list.
    needsDecision: false,
  }),
  rule({
    code: 'ho_tro_hoc_tap',
    kind: 'study_support',
    nameVi: 'Hỗ trợ chi phí học tập',
    nameEn: 'Study support',
    criteriaVi:
      'không có nguồn nuôi dưỡng (nhóm a, b, c), khuyết tật (nhóm d) hoặc thuộc hộ nghèo, đang đi học',
    criteriaEn: 'without a source of nurture (a, b, c), disabled (d) or poor household, at school',
    // 150.000 đ/tháng, tối đa 9 tháng/năm học: the amount is not in law-vn.json, unverified.
    legalRef: 'Nghị định 81/2021/NĐ-CP Art. 18 (150.000 đ/tháng, chưa xác minh)',
    verified: false,
    periodicity: 'monthly',
    amount: { type: 'fixed', amountVnd: 150_000 },
    criteria: { groups: ['a', 'b', 'c', 'd'], enrolmentStatuses: ['preschool', 'enrolled'] },
    exclusiveGroup: 'ho_tro_hoc_tap',
    budgetSource: 'province',
    // Decided outside the commune chairman (school heads; the health-insurance card from the
    // commune's list): shown in the child's eligibility, not on the commune's gap list.
    needsDecision: false,
  }),
  rule({
    code: 'ho_tro_hoc_tap.ho_ngheo',
    kind: 'study_support',
    nameVi: 'Hỗ trợ chi phí học tập cho trẻ em thuộc hộ nghèo',
    nameEn: 'Study support for children of poor households',
    criteriaVi: 'thuộc hộ nghèo, đang đi học',
    criteriaEn: 'poor household, at school',
    legalRef: 'Nghị định 81/2021/NĐ-CP Art. 18 (150.000 đ/tháng, chưa xác minh)',
    verified: false,
    periodicity: 'monthly',
    amount: { type: 'fixed', amountVnd: 150_000 },
    criteria: { povertyStatuses: ['poor'], enrolmentStatuses: ['preschool', 'enrolled'] },
    exclusiveGroup: 'ho_tro_hoc_tap',
    budgetSource: 'province',
    // Decided outside the commune chairman (school heads; the health-insurance card from the
    // commune's list): shown in the child's eligibility, not on the commune's gap list.
    needsDecision: false,
  }),
];

const emergency: BenefitRule[] = [
  rule({
    code: 'tro_giup_khan_cap',
    kind: 'emergency_support',
    nameVi: 'Trợ giúp khẩn cấp một lần',
    nameEn: 'One-off emergency support',
    criteriaVi: 'bị bạo lực, bóc lột, xâm hại tình dục hoặc mua bán (nhóm i, k, l, m)',
    criteriaEn: 'harmed by violence, exploited, sexually abused or trafficked (groups i, k, l, m)',
    legalRef: `${ND20} Chương IV (số tiền chưa xác minh)`,
    verified: false,
    periodicity: 'once',
    amount: { type: 'fixed', amountVnd: 1_000_000 },
    criteria: { groups: ['i', 'k', 'l', 'm'], maxAgeMonths: UNDER_16 },
    exclusiveGroup: null,
    budgetSource: 'province',
    needsDecision: true,
  }),
];

/** National rules and base levels; provinces and communes add their own rules in the database. */
export const defaultBenefitCatalogue: BenefitCatalogue = {
  rules: [...monthlyAllowances, ...healthInsurance, ...education, ...emergency],
  baseLevels: defaultBaseLevels,
};
