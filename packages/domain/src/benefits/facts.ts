import { z } from 'zod';
import { DisabilityLevel, EnrolmentStatus, PovertyStatus } from '../catalogues/child-attributes';
import { SpecialCircumstanceGroupCode } from '../catalogues/special-circumstances';
import { IsoDate } from '../common';
import { BenefitKind, BenefitPeriodicity, BudgetSource, Vnd } from './catalogue';

/**
 * The registry facts the eligibility engine reads, as of a date. The server builds them from the
 * child record (`Child`): groups with their start and end dates, the household's poverty status
 * with its review year, disability level, serious illness, school status.
 */
export const EligibilityFacts = z
  .object({
    dateOfBirth: IsoDate.describe('a year-only birth is given as its reference date'),
    provinceCode: z.string().regex(/^\d{2}$/),
    unitCode: z.string().regex(/^\d{5}$/),
    groups: z.array(
      z.object({
        group: SpecialCircumstanceGroupCode,
        subgroup: z.string().nullable(),
        startDate: IsoDate,
        endDate: IsoDate.nullable(),
      }),
    ),
    povertyStatus: PovertyStatus.nullable(),
    povertyYear: z.number().int().nullable(),
    disabilityLevel: DisabilityLevel.nullable(),
    seriousIllness: z.boolean().nullable(),
    enrolmentStatus: EnrolmentStatus.nullable(),
  })
  .meta({ id: 'EligibilityFacts' });
export type EligibilityFacts = z.infer<typeof EligibilityFacts>;

/** A coming change of a benefit: a new amount (4th birthday) or its end (16th birthday, group ended). */
export const EligibilityChange = z.object({
  on: IsoDate,
  kind: z.enum(['amount_changes', 'ends']),
  amountVnd: Vnd.nullable().describe('the new amount, for `amount_changes`'),
  reasonVi: z.string(),
  reasonEn: z.string(),
});
export type EligibilityChange = z.infer<typeof EligibilityChange>;

/** A benefit a child qualifies for at a date, with the amount and why. */
export const Eligibility = z
  .object({
    ruleCode: z.string(),
    kind: BenefitKind,
    nameVi: z.string(),
    nameEn: z.string(),
    periodicity: BenefitPeriodicity,
    budgetSource: BudgetSource,
    amountVnd: Vnd.nullable().describe('null for cost shares and goods'),
    coefficient: z.number().nullable(),
    baseLevelVnd: Vnd.nullable(),
    /** "mồ côi cả cha và mẹ (nhóm a), 3 tuổi → hệ số 2,5 × 500.000 đ = 1.250.000 đ/tháng". */
    explanationVi: z.string(),
    explanationEn: z.string(),
    legalRef: z.string(),
    verified: z.boolean(),
    needsDecision: z.boolean(),
    nextChange: EligibilityChange.nullable(),
    /** The rule's exclusive group: an enrolment of another rule of this group counts for this one. */
    exclusiveGroup: z.string().nullable(),
    /** Rules of the same exclusive group the child also fits, left out for the higher one. */
    supersedes: z.array(z.string()),
  })
  .meta({ id: 'Eligibility' });
export type Eligibility = z.infer<typeof Eligibility>;
