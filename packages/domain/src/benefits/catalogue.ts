import { z } from 'zod';
import { DisabilityLevel, EnrolmentStatus, PovertyStatus } from '../catalogues/child-attributes';
import type { Label } from '../catalogues/labels';
import { SpecialCircumstanceGroupCode } from '../catalogues/special-circumstances';
import { IsoDate } from '../common';

/**
 * The benefit catalogue as dated law: every rule says since when and until when it applies, under
 * which legal reference, and whether its numbers are verified against the text. A change of law
 * is a new period, never an edit of the old one, so past amounts are never rewritten.
 */

/** Amounts are whole Vietnamese đồng. */
export const Vnd = z.number().int().min(0).max(1_000_000_000_000);
export type Vnd = z.infer<typeof Vnd>;

/**
 * The base level of social assistance (mức chuẩn trợ giúp xã hội) in a period: national
 * (Decree 20/2021 Art. 4; Decree 76/2024 from 2024-07-01) or a province's higher level
 * (`provinceCode` set), which then replaces the national one for that province.
 */
export const BaseLevelPeriod = z
  .object({
    amountVnd: Vnd,
    validFrom: IsoDate,
    validTo: IsoDate.nullable().describe('last day it applies; null while in force'),
    provinceCode: z
      .string()
      .regex(/^\d{2}$/)
      .nullable()
      .describe('null: national level'),
    legalRef: z.string().min(1).max(300),
    verified: z.boolean(),
  })
  .meta({ id: 'BaseLevelPeriod' });
export type BaseLevelPeriod = z.infer<typeof BaseLevelPeriod>;

export const BenefitKind = z
  .enum([
    'monthly_allowance',
    'health_insurance',
    'tuition_exemption',
    'study_support',
    'emergency_support',
    'local_gift',
    'scholarship',
  ])
  .meta({ id: 'BenefitKind' });
export type BenefitKind = z.infer<typeof BenefitKind>;

export const benefitKindLabels: Record<BenefitKind, Label> = {
  monthly_allowance: { vi: 'Trợ cấp xã hội hằng tháng', en: 'Monthly social allowance' },
  health_insurance: { vi: 'Bảo hiểm y tế', en: 'Health insurance' },
  tuition_exemption: { vi: 'Miễn, giảm học phí', en: 'Tuition exemption' },
  study_support: { vi: 'Hỗ trợ chi phí học tập', en: 'Study support' },
  emergency_support: { vi: 'Trợ giúp khẩn cấp', en: 'Emergency support' },
  local_gift: { vi: 'Quà, hỗ trợ của địa phương', en: 'Local gift or support' },
  scholarship: { vi: 'Học bổng', en: 'Scholarship' },
};

/** How often a benefit is paid: each month, once a year (Tết, Trung thu), or once. */
export const BenefitPeriodicity = z.enum(['monthly', 'yearly', 'once']).meta({ id: 'BenefitPeriodicity' });
export type BenefitPeriodicity = z.infer<typeof BenefitPeriodicity>;

/** Who pays: the budget line the totals are grouped by. */
export const BudgetSource = z
  .enum(['central', 'province', 'commune', 'social_insurance', 'sponsor'])
  .meta({ id: 'BudgetSource' });
export type BudgetSource = z.infer<typeof BudgetSource>;

export const budgetSourceLabels: Record<BudgetSource, Label> = {
  central: { vi: 'Ngân sách trung ương', en: 'Central budget' },
  province: { vi: 'Ngân sách tỉnh', en: 'Province budget' },
  commune: { vi: 'Ngân sách xã', en: 'Commune budget' },
  social_insurance: { vi: 'Quỹ bảo hiểm y tế', en: 'Health insurance fund' },
  sponsor: { vi: 'Nhà tài trợ, xã hội hóa', en: 'Sponsors' },
};

/**
 * What a benefit pays: a coefficient of the base level (monthly allowance), a fixed amount, a
 * share of a cost (tuition exemption 100 %, insurance contribution paid by the State), or goods.
 */
export const BenefitAmount = z.discriminatedUnion('type', [
  z.object({ type: z.literal('coefficient'), coefficient: z.number().positive().max(20) }),
  z.object({ type: z.literal('fixed'), amountVnd: Vnd }),
  z.object({
    type: z.literal('cost_share'),
    percent: z.number().min(0).max(100),
    description: z.string().max(300),
  }),
  z.object({ type: z.literal('in_kind'), description: z.string().max(300) }),
]);
export type BenefitAmount = z.infer<typeof BenefitAmount>;

/**
 * Who qualifies. Every condition given must hold (AND); inside a list any value fits (OR).
 * Ages in whole months at the date, `minAgeMonths` inclusive and `maxAgeMonths` exclusive
 * (under 4 years = `maxAgeMonths: 48`; from the 4th birthday = `minAgeMonths: 48`).
 */
export const EligibilityCriteria = z
  .object({
    groups: z
      .array(SpecialCircumstanceGroupCode)
      .min(1)
      .optional()
      .describe('in any of these groups at the date'),
    subgroups: z.array(z.string()).min(1).optional(),
    minAgeMonths: z.number().int().min(0).optional(),
    maxAgeMonths: z.number().int().min(1).optional(),
    povertyStatuses: z.array(PovertyStatus).min(1).optional(),
    disabilityLevels: z.array(DisabilityLevel).min(1).optional(),
    seriousIllness: z.boolean().optional(),
    enrolmentStatuses: z.array(EnrolmentStatus).min(1).optional(),
  })
  .meta({ id: 'EligibilityCriteria' });
export type EligibilityCriteria = z.infer<typeof EligibilityCriteria>;

/**
 * One benefit rule in one period. Rules sharing an `exclusiveGroup` are alternatives: a child
 * who fits several gets only the highest amount (a child in two groups gets the higher monthly
 * allowance once, not both; the catalogue data cites the clause).
 */
export const BenefitRule = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_.]{1,80}$/),
    kind: BenefitKind,
    nameVi: z.string().min(1).max(300),
    nameEn: z.string().min(1).max(300),
    /** Short phrase of the criteria for explanations, e.g. "mồ côi cả cha và mẹ (nhóm a), dưới 4 tuổi". */
    criteriaVi: z.string().min(1).max(300),
    criteriaEn: z.string().min(1).max(300),
    legalRef: z.string().min(1).max(300),
    verified: z.boolean().describe('false: shown as "chưa xác minh"; an administrator may edit it'),
    validFrom: IsoDate,
    validTo: IsoDate.nullable(),
    /** `null`: national; otherwise the province (2 digits) or commune (5 digits) that defines it. */
    unitCode: z
      .string()
      .regex(/^\d{2}(\d{3})?$/)
      .nullable(),
    periodicity: BenefitPeriodicity,
    amount: BenefitAmount,
    criteria: EligibilityCriteria,
    exclusiveGroup: z.string().max(80).nullable(),
    budgetSource: BudgetSource,
    /** Whether an enrolment decision is needed (allowance: yes; insurance for under-6: automatic). */
    needsDecision: z.boolean(),
  })
  .meta({ id: 'BenefitRule' });
export type BenefitRule = z.infer<typeof BenefitRule>;

/** The whole catalogue at hand: rules of every period and the base levels. */
export const BenefitCatalogue = z
  .object({ rules: z.array(BenefitRule), baseLevels: z.array(BaseLevelPeriod) })
  .meta({ id: 'BenefitCatalogue' });
export type BenefitCatalogue = z.infer<typeof BenefitCatalogue>;
