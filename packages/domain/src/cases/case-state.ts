import { z } from 'zod';
import type { Label } from '../catalogues/labels';
import { IsoDate, IsoDateTime, Uuid } from '../common';
import { CaseActor, CloseReason, PlanMeasure, ReviewDecision } from './actions';
import { CaseClock } from './deadlines';
import { ConcernType, IntakeChannel, IntakeUrgency, RiskLevel } from './intake';
import { ProtectionLevelCode } from './process-catalogue';

/**
 * Where a case stands in the process of Decree 56 (steps in brackets):
 * `initial_assessment` waiting for form 02 [3]; `emergency` serious risk found, waiting for an
 * emergency measure or removal [4]; `detailed_assessment` waiting for form 03 [5]; `planning`
 * drafting the plan, form 04 [6]; `awaiting_approval` with the chairman, form 05 [7];
 * `implementing` measures under way, reviews with form 06 [8–9]; `closure_proposed` a review
 * proposes to close, the chairman decides [10]; `closed`.
 */
export const CaseStatus = z
  .enum([
    'initial_assessment',
    'emergency',
    'detailed_assessment',
    'planning',
    'awaiting_approval',
    'implementing',
    'closure_proposed',
    'closed',
  ])
  .meta({ id: 'CaseStatus' });
export type CaseStatus = z.infer<typeof CaseStatus>;

export const caseStatusLabels: Record<CaseStatus, Label> = {
  initial_assessment: { vi: 'Đánh giá nguy cơ ban đầu', en: 'Initial assessment' },
  emergency: { vi: 'Can thiệp khẩn cấp', en: 'Emergency intervention' },
  detailed_assessment: { vi: 'Đánh giá nguy cơ cụ thể', en: 'Detailed assessment' },
  planning: { vi: 'Xây dựng kế hoạch', en: 'Planning' },
  awaiting_approval: { vi: 'Chờ phê duyệt kế hoạch', en: 'Awaiting plan approval' },
  implementing: { vi: 'Thực hiện kế hoạch', en: 'Implementing the plan' },
  closure_proposed: { vi: 'Đề xuất kết thúc', en: 'Closing proposed' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
};

export const MeasureState = PlanMeasure.extend({
  doneAt: IsoDateTime.nullable(),
  outcome: z.string().nullable(),
});
export type MeasureState = z.infer<typeof MeasureState>;

/** One version of the plan: drafted, submitted, then approved or rejected. */
export const PlanState = z.object({
  version: z.number().int().positive(),
  draftedAt: IsoDateTime,
  goal: z.string().nullable(),
  measures: z.array(MeasureState),
  submittedAt: IsoDateTime.nullable(),
  approval: z
    .object({
      decisionNumber: z.string(),
      decisionDate: IsoDate,
      approvedBy: z.string(),
      approvedAt: IsoDateTime,
    })
    .nullable(),
  rejection: z.object({ reason: z.string(), rejectedBy: z.string(), rejectedAt: IsoDateTime }).nullable(),
});
export type PlanState = z.infer<typeof PlanState>;

export const RemovalState = z.object({
  decisionNumber: z.string(),
  decisionDate: IsoDate,
  placement: z.string(),
  startAt: IsoDateTime,
  plannedEndAt: IsoDateTime,
  endedAt: IsoDateTime.nullable(),
  outcome: z.enum(['returned_to_family', 'alternative_care', 'other']).nullable(),
});
export type RemovalState = z.infer<typeof RemovalState>;

export const AssessmentRecord = z.object({
  kind: z.enum(['initial', 'detailed', 'review']),
  at: IsoDateTime,
  by: CaseActor,
  riskLevel: RiskLevel,
  protectionLevel: ProtectionLevelCode.nullable(),
  isEmergency: z.boolean().nullable(),
  decision: ReviewDecision.nullable(),
});
export type AssessmentRecord = z.infer<typeof AssessmentRecord>;

/** The state of a case derived from its actions. */
export const CaseState = z
  .object({
    status: CaseStatus,
    receivedAt: IsoDateTime,
    channel: IntakeChannel,
    concernTypes: z.array(ConcernType),
    urgency: IntakeUrgency,
    childId: Uuid.nullable(),
    assigneeId: z.string().nullable(),
    protectionLevel: ProtectionLevelCode.nullable(),
    riskLevel: RiskLevel.nullable().describe('The latest assessed risk'),
    isEmergency: z.boolean().nullable().describe('Decision of the initial assessment; null before it'),
    assessments: z.array(AssessmentRecord),
    emergencyMeasures: z.array(z.object({ at: IsoDateTime, by: CaseActor, description: z.string() })),
    removals: z.array(RemovalState),
    plans: z.array(PlanState),
    clocks: z.array(CaseClock),
    closure: z
      .object({ at: IsoDateTime, by: CaseActor, reason: CloseReason, note: z.string().nullable() })
      .nullable(),
    reopenings: z.array(z.object({ at: IsoDateTime, by: CaseActor, reason: z.string() })),
    noteCount: z.number().int().min(0),
    actionCount: z.number().int().min(1),
    lastActionAt: IsoDateTime,
  })
  .meta({ id: 'CaseState' });
export type CaseState = z.infer<typeof CaseState>;

/** The newest version of the plan, or undefined before the first draft. */
export function findCurrentPlan(state: CaseState): PlanState | undefined {
  return state.plans[state.plans.length - 1];
}

/** The removal under way, or undefined. */
export function findActiveRemoval(state: CaseState): RemovalState | undefined {
  return state.removals.find((removal) => removal.endedAt === null);
}

/** The running clock of a step, or undefined. */
export function findOpenClock(state: CaseState, step: CaseClock['step']): CaseClock | undefined {
  return state.clocks.find(
    (clock) => clock.step === step && clock.completedAt === null && clock.stoppedAt === null,
  );
}
