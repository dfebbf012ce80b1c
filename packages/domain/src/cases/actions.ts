import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from '../common';
import { CaseClockStep } from './deadlines';
import { ConcernType, IntakeChannel, IntakeUrgency, RiskLevel } from './intake';
import { ProtectionLevelCode } from './process-catalogue';

/**
 * A case is the append-only list of these actions; its state is derived by `replayCase`. Every
 * action says when it happened (`at`) and who did it in which role (`by`). Narratives (summary,
 * harm, notes) are plain text here; the server encrypts them at rest.
 */

/** `officer`: commune child-protection officer; `leader`: commune People's Committee chairman. */
export const CaseRole = z.enum(['officer', 'leader']).meta({ id: 'CaseRole' });
export type CaseRole = z.infer<typeof CaseRole>;

export const CaseActor = z.object({ userId: z.string().trim().min(1).max(100), role: CaseRole });
export type CaseActor = z.infer<typeof CaseActor>;

const Text = z.string().trim().min(1).max(4000);
const DecisionNumber = z.string().trim().min(1).max(50).describe('Số quyết định, e.g. `12/QĐ-UBND`');

const base = { at: IsoDateTime, by: CaseActor };

/** Form 01: the report received; starts the 12-hour and the plan clocks at `receivedAt`. */
export const IntakeAction = z.object({
  type: z.literal('intake'),
  ...base,
  receivedAt: IsoDateTime,
  channel: IntakeChannel,
  concernTypes: z.array(ConcernType).min(1).max(ConcernType.options.length),
  urgency: IntakeUrgency,
  childId: Uuid.nullable().describe('null while the child is not yet identified in the registry'),
  summary: Text.optional(),
});

/** Form 02: initial risk and harm assessment, with the decision on emergency measures. */
export const InitialAssessmentAction = z.object({
  type: z.literal('initial_assessment'),
  ...base,
  riskLevel: RiskLevel,
  harm: Text.optional(),
  isEmergency: z.boolean().describe('Serious risk or harm to life, health or dignity (Decree 56 Art. 26(3))'),
  protectionLevel: ProtectionLevelCode,
});

export const EmergencyMeasureAction = z.object({
  type: z.literal('emergency_measure'),
  ...base,
  description: Text,
});

/** Form 07: the chairman's decision on temporary removal of the child from parents or carers. */
export const TemporaryRemovalAction = z
  .object({
    type: z.literal('temporary_removal'),
    ...base,
    decisionNumber: DecisionNumber,
    decisionDate: IsoDate,
    placement: Text.describe('Where the child stays'),
    startAt: IsoDateTime,
    plannedEndAt: IsoDateTime,
  })
  .refine((value) => Date.parse(value.plannedEndAt) > Date.parse(value.startAt), {
    path: ['plannedEndAt'],
    message: 'removal_end_before_start',
  });

export const RemovalEndedAction = z.object({
  type: z.literal('removal_ended'),
  ...base,
  outcome: z.enum(['returned_to_family', 'alternative_care', 'other']),
  note: Text.optional(),
});

/** Form 03 and the meeting that sets the child's needs. */
export const DetailedAssessmentAction = z.object({
  type: z.literal('detailed_assessment'),
  ...base,
  riskLevel: RiskLevel,
  needs: z.array(z.string().trim().min(1).max(500)).max(50),
  meetingOn: IsoDate.nullable(),
  protectionLevel: ProtectionLevelCode.optional(),
});

/** A measure of the plan, with the person and service responsible for it. */
export const PlanMeasure = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  description: Text,
  responsible: z.string().trim().min(1).max(200).describe('Person responsible'),
  service: z.string().trim().min(1).max(200).nullable().describe('Service or organisation'),
  dueDate: IsoDate.nullable(),
});
export type PlanMeasure = z.infer<typeof PlanMeasure>;

/** Form 04: the support and intervention plan drafted by the officer (redrafts replace it). */
export const PlanDraftedAction = z.object({
  type: z.literal('plan_drafted'),
  ...base,
  goal: Text.optional(),
  measures: z
    .array(PlanMeasure)
    .min(1)
    .max(50)
    .refine((measures) => new Set(measures.map((m) => m.id)).size === measures.length, {
      message: 'measure_ids_repeated',
    }),
});

export const PlanSubmittedAction = z.object({
  type: z.literal('plan_submitted'),
  ...base,
  note: Text.optional(),
});

/** Form 05: the chairman's decision approving the plan. */
export const PlanApprovedAction = z.object({
  type: z.literal('plan_approved'),
  ...base,
  decisionNumber: DecisionNumber,
  decisionDate: IsoDate,
});

export const PlanRejectedAction = z.object({ type: z.literal('plan_rejected'), ...base, reason: Text });

export const MeasureDoneAction = z.object({
  type: z.literal('measure_done'),
  ...base,
  measureId: PlanMeasure.shape.id,
  outcome: Text.optional(),
});

/** What a review leads to: propose closing, draft a new plan, or go on with the current one. */
export const ReviewDecision = z.enum(['close', 'replan', 'continue']).meta({ id: 'ReviewDecision' });
export type ReviewDecision = z.infer<typeof ReviewDecision>;

/** Form 06: review of the child's situation after (or during) the plan. */
export const ReviewAction = z.object({
  type: z.literal('review'),
  ...base,
  riskLevel: RiskLevel,
  decision: ReviewDecision,
  protectionLevel: ProtectionLevelCode.optional(),
  summary: Text.optional(),
});

export const CloseReason = z
  .enum(['plan_completed', 'unfounded', 'transferred', 'duplicate', 'other'])
  .meta({ id: 'CloseReason' });
export type CloseReason = z.infer<typeof CloseReason>;

export const ClosedAction = z.object({
  type: z.literal('closed'),
  ...base,
  reason: CloseReason,
  note: Text.optional(),
});

export const ReopenedAction = z.object({ type: z.literal('reopened'), ...base, reason: Text });

/** A later deadline for the running clock of a step, with a reason, by a leader. */
export const DeadlineExtendedAction = z.object({
  type: z.literal('deadline_extended'),
  ...base,
  step: CaseClockStep,
  reason: Text,
  newDueAt: IsoDateTime,
});

export const AssignedAction = z.object({
  type: z.literal('assigned'),
  ...base,
  assigneeId: z.string().trim().min(1).max(100),
});

export const NoteAction = z.object({ type: z.literal('note'), ...base, text: Text });

export const CaseAction = z
  .discriminatedUnion('type', [
    IntakeAction,
    InitialAssessmentAction,
    EmergencyMeasureAction,
    TemporaryRemovalAction,
    RemovalEndedAction,
    DetailedAssessmentAction,
    PlanDraftedAction,
    PlanSubmittedAction,
    PlanApprovedAction,
    PlanRejectedAction,
    MeasureDoneAction,
    ReviewAction,
    ClosedAction,
    ReopenedAction,
    DeadlineExtendedAction,
    AssignedAction,
    NoteAction,
  ])
  .meta({ id: 'CaseAction' });
export type CaseAction = z.infer<typeof CaseAction>;

export type CaseActionType = CaseAction['type'];
export const CaseActionType = z
  .enum([
    'intake',
    'initial_assessment',
    'emergency_measure',
    'temporary_removal',
    'removal_ended',
    'detailed_assessment',
    'plan_drafted',
    'plan_submitted',
    'plan_approved',
    'plan_rejected',
    'measure_done',
    'review',
    'closed',
    'reopened',
    'deadline_extended',
    'assigned',
    'note',
  ] as const satisfies readonly CaseActionType[])
  .meta({ id: 'CaseActionType' });

/** The action of a type. */
export type CaseActionOf<T extends CaseActionType> = Extract<CaseAction, { type: T }>;
