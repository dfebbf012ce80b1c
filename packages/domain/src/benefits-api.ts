import { z } from 'zod';
import {
  BaseLevelPeriod,
  BenefitAmount,
  BenefitKind,
  BenefitRule,
  BudgetSource,
  EligibilityCriteria,
  Vnd,
} from './benefits/catalogue';
import { Eligibility } from './benefits/facts';
import { IsoDate, IsoDateTime, Uuid } from './common';

/**
 * The HTTP contract of the benefits module (`/api/v1/benefits/...`, `/api/v1/children/{id}/eligibility`).
 * Amounts are whole đồng. An enrolment keeps the amount of its decision and a payment line the
 * amount paid: changing a rule later never rewrites them.
 */

const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month_format')
  .describe('YYYY-MM');
const DecisionNumber = z.string().trim().min(1).max(50).describe('Số quyết định, e.g. `25/QĐ-UBND`');
const version = z.number().int().min(1);

// ---------------------------------------------------------------- catalogue

/** A stored rule: the domain rule plus its row id, version and whether the caller may edit it. */
export const BenefitRuleView = BenefitRule.extend({
  id: Uuid,
  version: z.number().int(),
  canEdit: z.boolean(),
}).meta({ id: 'BenefitRuleView' });
export type BenefitRuleView = z.infer<typeof BenefitRuleView>;

export const BaseLevelView = BaseLevelPeriod.extend({ id: Uuid, version: z.number().int() }).meta({
  id: 'BaseLevelView',
});
export type BaseLevelView = z.infer<typeof BaseLevelView>;

/** `GET /api/v1/benefits/catalogue?unit=&at=`: rules and base levels that apply to a unit. */
export const BenefitCatalogueQuery = z.object({
  unit: z
    .string()
    .regex(/^\d{2}(\d{3})?$/)
    .optional()
    .describe('a province or commune; default the caller’s'),
  at: IsoDate.optional().describe('only the periods in force that day; default all periods'),
});
export type BenefitCatalogueQuery = z.infer<typeof BenefitCatalogueQuery>;

export const BenefitCatalogueView = z
  .object({ rules: z.array(BenefitRuleView), baseLevels: z.array(BaseLevelView) })
  .meta({ id: 'BenefitCatalogueView' });
export type BenefitCatalogueView = z.infer<typeof BenefitCatalogueView>;

/**
 * `POST /api/v1/benefits/rules`: a local rule (province or commune), or a new period of an
 * existing code — the previous period then ends the day before `validFrom`.
 */
export const CreateBenefitRuleRequest = BenefitRule.omit({ verified: true })
  // A request names its criteria schema apart: OpenAPI input and output forms of one id must agree.
  .extend({ criteria: z.object(EligibilityCriteria.shape).meta({ id: 'EligibilityCriteriaInput' }) })
  .meta({ id: 'CreateBenefitRuleRequest' });
export type CreateBenefitRuleRequest = z.infer<typeof CreateBenefitRuleRequest>;

/** `PATCH /api/v1/benefits/rules/{id}`: correct an unverified amount, or mark it verified. */
export const UpdateBenefitRuleRequest = z
  .object({
    amount: BenefitAmount.optional(),
    verified: z.boolean().optional(),
    legalRef: z.string().min(1).max(300).optional(),
    version,
  })
  .meta({ id: 'UpdateBenefitRuleRequest' });
export type UpdateBenefitRuleRequest = z.infer<typeof UpdateBenefitRuleRequest>;

/** `POST /api/v1/benefits/base-levels`: a province's higher base level, from a date. */
export const CreateBaseLevelRequest = BaseLevelPeriod.omit({ verified: true, validTo: true }).meta({
  id: 'CreateBaseLevelRequest',
});
export type CreateBaseLevelRequest = z.infer<typeof CreateBaseLevelRequest>;

// ---------------------------------------------------------------- eligibility

/** `GET /api/v1/children/{id}/eligibility?at=`: what the child qualifies for and what it gets. */
export const ChildEligibility = z
  .object({
    childId: Uuid,
    at: IsoDate,
    items: z.array(Eligibility),
    enrolments: z.array(z.lazy(() => BenefitEnrolment)),
  })
  .meta({ id: 'ChildEligibility' });
export type ChildEligibility = z.infer<typeof ChildEligibility>;

// ---------------------------------------------------------------- enrolments

export const PaymentMethod = z.enum(['cash', 'bank', 'post_office', 'in_kind']).meta({ id: 'PaymentMethod' });
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const paymentMethodLabels: Record<PaymentMethod, { vi: string; en: string }> = {
  cash: { vi: 'Tiền mặt', en: 'Cash' },
  bank: { vi: 'Chuyển khoản', en: 'Bank transfer' },
  post_office: { vi: 'Qua bưu điện', en: 'Post office' },
  in_kind: { vi: 'Hiện vật', en: 'In kind' },
};

export const BenefitEnrolmentStatus = z.enum(['active', 'ended']).meta({ id: 'BenefitEnrolmentStatus' });
export type BenefitEnrolmentStatus = z.infer<typeof BenefitEnrolmentStatus>;

/** A decision of the chairman: since 2025-07-01 the commune chairman decides (Decree 147/2025). */
export const BenefitDecision = z.object({
  number: DecisionNumber,
  date: IsoDate,
  signerName: z.string().trim().min(1).max(120),
  signerTitle: z.string().trim().min(1).max(120).describe('e.g. "Chủ tịch UBND phường Bỉm Sơn"'),
});
export type BenefitDecision = z.infer<typeof BenefitDecision>;

/** Who receives the money: the child, or the caregiver for the child. */
export const BenefitRecipient = z.object({
  kind: z.enum(['child', 'caregiver']),
  fullName: z.string().trim().min(1).max(120),
  relationship: z.string().trim().max(60).nullable(),
});
export type BenefitRecipient = z.infer<typeof BenefitRecipient>;

/** One decision in the life of an enrolment: the start, an adjustment of the amount, the end. */
export const BenefitEnrolmentEvent = z.object({
  kind: z.enum(['start', 'adjust', 'terminate']),
  decision: BenefitDecision,
  effectiveFrom: IsoDate,
  amountVnd: Vnd.nullable(),
  reason: z.string().nullable(),
  recordedAt: IsoDateTime,
  recordedBy: z.string().nullable(),
});
export type BenefitEnrolmentEvent = z.infer<typeof BenefitEnrolmentEvent>;

export const BenefitEnrolment = z
  .object({
    id: Uuid,
    version: z.number().int(),
    childId: Uuid,
    childName: z.string(),
    childDateOfBirth: z.string(),
    unitCode: z.string(),
    unitName: z.string(),
    ruleCode: z.string(),
    ruleName: z.string(),
    kind: BenefitKind,
    budgetSource: BudgetSource,
    status: BenefitEnrolmentStatus,
    startDate: IsoDate,
    endDate: IsoDate.nullable(),
    amountVnd: Vnd.describe('the amount in force now (after adjustments)'),
    recipient: BenefitRecipient,
    paymentMethod: PaymentMethod,
    events: z.array(BenefitEnrolmentEvent),
  })
  .meta({ id: 'BenefitEnrolment' });
export type BenefitEnrolment = z.infer<typeof BenefitEnrolment>;

/** `POST /api/v1/benefits/enrolments`: records the decision granting a benefit. */
export const CreateBenefitEnrolmentRequest = z
  .object({
    childId: Uuid,
    ruleCode: z.string(),
    decision: BenefitDecision,
    startDate: IsoDate,
    endDate: IsoDate.nullable().optional(),
    amountVnd: Vnd,
    recipient: BenefitRecipient,
    paymentMethod: PaymentMethod,
    proposalId: Uuid.optional().describe('the proposal this confirms, closed with it'),
  })
  .meta({ id: 'CreateBenefitEnrolmentRequest' });
export type CreateBenefitEnrolmentRequest = z.infer<typeof CreateBenefitEnrolmentRequest>;

/** `POST /api/v1/benefits/enrolments/{id}/adjust`: a new amount from a date. */
export const AdjustBenefitEnrolmentRequest = z
  .object({
    decision: BenefitDecision,
    effectiveFrom: IsoDate,
    amountVnd: Vnd,
    reason: z.string().trim().min(1).max(500),
    version,
    proposalId: Uuid.optional(),
  })
  .meta({ id: 'AdjustBenefitEnrolmentRequest' });
export type AdjustBenefitEnrolmentRequest = z.infer<typeof AdjustBenefitEnrolmentRequest>;

/** `POST /api/v1/benefits/enrolments/{id}/terminate`: the benefit ends after `endDate`. */
export const TerminateBenefitEnrolmentRequest = z
  .object({
    decision: BenefitDecision,
    endDate: IsoDate,
    reason: z.string().trim().min(1).max(500),
    version,
    proposalId: Uuid.optional(),
  })
  .meta({ id: 'TerminateBenefitEnrolmentRequest' });
export type TerminateBenefitEnrolmentRequest = z.infer<typeof TerminateBenefitEnrolmentRequest>;

export const BenefitEnrolmentListQuery = z.object({
  unit: z
    .string()
    .regex(/^\d{2,5}$/)
    .optional(),
  childId: Uuid.optional(),
  status: BenefitEnrolmentStatus.optional(),
  ruleCode: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});
export type BenefitEnrolmentListQuery = z.infer<typeof BenefitEnrolmentListQuery>;

export const BenefitEnrolmentList = z
  .object({ items: z.array(BenefitEnrolment), nextCursor: z.string().nullable(), total: z.number().int() })
  .meta({ id: 'BenefitEnrolmentList' });
export type BenefitEnrolmentList = z.infer<typeof BenefitEnrolmentList>;

// ---------------------------------------------------------------- proposals

/**
 * A change the system proposes when a birthday or a change of facts changes eligibility: start
 * a benefit, change its amount (4th birthday), end it (16th birthday, group ended). The officer
 * confirms it with a decision (an enrolment request naming the proposal) or dismisses it.
 */
export const BenefitProposal = z
  .object({
    id: Uuid,
    kind: z.enum(['start', 'adjust', 'terminate']),
    status: z.enum(['open', 'confirmed', 'dismissed']),
    childId: Uuid,
    childName: z.string(),
    unitCode: z.string(),
    ruleCode: z.string(),
    ruleName: z.string(),
    enrolmentId: Uuid.nullable(),
    effectiveFrom: IsoDate,
    amountVnd: Vnd.nullable(),
    reasonVi: z.string(),
    reasonEn: z.string(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'BenefitProposal' });
export type BenefitProposal = z.infer<typeof BenefitProposal>;

export const BenefitProposalList = z
  .object({ items: z.array(BenefitProposal), total: z.number().int() })
  .meta({ id: 'BenefitProposalList' });
export type BenefitProposalList = z.infer<typeof BenefitProposalList>;

export const DismissProposalRequest = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .meta({ id: 'DismissProposalRequest' });

// ---------------------------------------------------------------- payments

export const PaymentLineStatus = z.enum(['unpaid', 'paid']).meta({ id: 'PaymentLineStatus' });

/** One line of a monthly payment list: one enrolment, one month, one amount. */
export const PaymentLine = z
  .object({
    id: Uuid,
    version: z.number().int(),
    enrolmentId: Uuid,
    childId: Uuid,
    childName: z.string(),
    childDateOfBirth: z.string(),
    recipientName: z.string(),
    ruleCode: z.string(),
    ruleName: z.string(),
    budgetSource: BudgetSource,
    amountVnd: Vnd,
    status: PaymentLineStatus,
    method: PaymentMethod.nullable(),
    paidOn: IsoDate.nullable(),
    receiptNumber: z.string().nullable(),
  })
  .meta({ id: 'PaymentLine' });
export type PaymentLine = z.infer<typeof PaymentLine>;

/** The payment list of one commune and month. */
export const PaymentRun = z
  .object({
    id: Uuid,
    unitCode: z.string(),
    unitName: z.string(),
    month: Month,
    createdAt: IsoDateTime,
    lines: z.array(PaymentLine),
    totals: z.object({ lines: z.number().int(), amountVnd: Vnd, paidLines: z.number().int(), paidVnd: Vnd }),
  })
  .meta({ id: 'PaymentRun' });
export type PaymentRun = z.infer<typeof PaymentRun>;

/**
 * `POST /api/v1/benefits/payment-runs` `{unitCode, month}`: the list of a commune's month from its
 * active enrolments (201 the first time). Running the month again adds only the enrolments not
 * yet on it (200); a line is never created twice for one enrolment and month.
 */
export const CreatePaymentRunRequest = z
  .object({ unitCode: z.string().regex(/^\d{5}$/), month: Month })
  .meta({ id: 'CreatePaymentRunRequest' });
export type CreatePaymentRunRequest = z.infer<typeof CreatePaymentRunRequest>;

/** `POST /api/v1/benefits/payment-runs/{id}/lines/{lineId}/pay`. */
export const PayLineRequest = z
  .object({
    method: PaymentMethod,
    paidOn: IsoDate,
    receiptNumber: z.string().trim().max(50).nullable().optional(),
    version,
  })
  .meta({ id: 'PayLineRequest' });
export type PayLineRequest = z.infer<typeof PayLineRequest>;

/** `POST /api/v1/benefits/payment-runs/{id}/lines/{lineId}/unpay`: undo a payment recorded by mistake. */
export const UnpayLineRequest = z
  .object({ reason: z.string().trim().min(1).max(500), version })
  .meta({ id: 'UnpayLineRequest' });
export type UnpayLineRequest = z.infer<typeof UnpayLineRequest>;

/** `GET /api/v1/benefits/payment-runs?unit=&from=&to=`: runs of a unit's subtree, newest month first. */
export const PaymentRunListQuery = z.object({
  unit: z
    .string()
    .regex(/^\d{2,5}$/)
    .optional()
    .describe('default the caller’s unit'),
  from: Month.optional(),
  to: Month.optional(),
});
export type PaymentRunListQuery = z.infer<typeof PaymentRunListQuery>;

/** `GET /api/v1/benefits/totals?unit=&from=&to=`: default the last 12 months up to this month. */
export const BenefitTotalsQuery = PaymentRunListQuery;
export type BenefitTotalsQuery = PaymentRunListQuery;

export const PaymentRunSummary = PaymentRun.omit({ lines: true }).meta({ id: 'PaymentRunSummary' });
export const PaymentRunList = z.object({ items: z.array(PaymentRunSummary) }).meta({ id: 'PaymentRunList' });
export type PaymentRunList = z.infer<typeof PaymentRunList>;

/** `GET /api/v1/benefits/totals?unit=&from=&to=`: paid and due amounts by month, rule and budget. */
export const BenefitTotals = z
  .object({
    from: Month,
    to: Month,
    rows: z.array(
      z.object({
        month: Month,
        ruleCode: z.string(),
        ruleName: z.string(),
        budgetSource: BudgetSource,
        lines: z.number().int(),
        amountVnd: Vnd,
        paidVnd: Vnd,
      }),
    ),
  })
  .meta({ id: 'BenefitTotals' });
export type BenefitTotals = z.infer<typeof BenefitTotals>;

// ---------------------------------------------------------------- gap list

export const GapKind = z
  .enum(['eligible_not_enrolled', 'enrolled_not_eligible', 'amount_differs'])
  .meta({ id: 'GapKind' });
export type GapKind = z.infer<typeof GapKind>;

export const gapKindLabels: Record<GapKind, { vi: string; en: string }> = {
  eligible_not_enrolled: { vi: 'Đủ điều kiện nhưng chưa được hưởng', en: 'Eligible, not enrolled' },
  enrolled_not_eligible: {
    vi: 'Đang hưởng nhưng không còn đủ điều kiện',
    en: 'Enrolled, no longer eligible',
  },
  amount_differs: { vi: 'Mức hưởng khác quy định', en: 'Amount differs from the rule' },
};

export const BenefitGap = z
  .object({
    kind: GapKind,
    childId: Uuid,
    childName: z.string(),
    childDateOfBirth: z.string(),
    unitCode: z.string(),
    ruleCode: z.string(),
    ruleName: z.string(),
    expectedAmountVnd: Vnd.nullable(),
    enrolledAmountVnd: Vnd.nullable(),
    enrolmentId: Uuid.nullable(),
    reasonVi: z.string(),
    reasonEn: z.string(),
  })
  .meta({ id: 'BenefitGap' });
export type BenefitGap = z.infer<typeof BenefitGap>;

/** `GET /api/v1/benefits/gaps?unit=&at=&kind=` (and `/gaps/export` as XLSX). */
export const BenefitGapQuery = z.object({
  unit: z
    .string()
    .regex(/^\d{2,5}$/)
    .optional(),
  at: IsoDate.optional(),
  kind: GapKind.optional(),
});
export type BenefitGapQuery = z.infer<typeof BenefitGapQuery>;

export const BenefitGapList = z
  .object({
    at: IsoDate,
    counts: z.record(GapKind, z.number().int()),
    items: z.array(BenefitGap),
  })
  .meta({ id: 'BenefitGapList' });
export type BenefitGapList = z.infer<typeof BenefitGapList>;
