import { z } from 'zod';
import { OptionalText, Text, UnitRef, version, Year } from './api-fields';
import { IsoDate, IsoDateTime, PageQuery, Uuid } from './common';
import {
  FindingSeverity,
  InspectionTopic,
  RecommendationState,
  RecommendationStatus,
  TeamRole,
} from './inspections/catalogue';
import { AnswerValue, ChecklistQuestion } from './inspections/checklist';
import { StoredFile } from './programmes-api';

/**
 * The HTTP contract of inspections and supervision (`/api/v1/inspections/...`): checklist
 * templates, yearly plans, sessions with answers, evidence and findings, recommendations that the
 * inspected unit answers, the follow-up board and the inspection report (Word).
 */

/** The largest evidence file (photo or PDF). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

// ---------------------------------------------------------------- templates

export const ChecklistTemplate = z
  .object({
    id: Uuid,
    unitCode: z.string(),
    name: z.string(),
    topic: InspectionTopic,
    questions: z.array(ChecklistQuestion),
    isActive: z.boolean(),
    canEdit: z.boolean(),
    version: z.number().int(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'ChecklistTemplate' });
export type ChecklistTemplate = z.infer<typeof ChecklistTemplate>;

export const ChecklistTemplateInput = z
  .object({
    name: Text(300),
    topic: InspectionTopic,
    questions: z.array(z.object(ChecklistQuestion.shape)).min(1).max(200),
    isActive: z.boolean().default(true),
  })
  .meta({ id: 'ChecklistTemplateInput' });
export const CreateChecklistTemplateRequest = ChecklistTemplateInput.extend({
  unit: UnitRef.optional(),
}).meta({
  id: 'CreateChecklistTemplateRequest',
});
export type CreateChecklistTemplateRequest = z.infer<typeof CreateChecklistTemplateRequest>;
export const UpdateChecklistTemplateRequest = ChecklistTemplateInput.extend({ version }).meta({
  id: 'UpdateChecklistTemplateRequest',
});
export type UpdateChecklistTemplateRequest = z.infer<typeof UpdateChecklistTemplateRequest>;
export const ChecklistTemplateList = z
  .object({ items: z.array(ChecklistTemplate) })
  .meta({ id: 'ChecklistTemplateList' });
export type ChecklistTemplateList = z.infer<typeof ChecklistTemplateList>;

// ---------------------------------------------------------------- plans

export const TeamMember = z
  .object({
    fullName: Text(200),
    role: TeamRole,
    organisation: OptionalText(200),
    userId: Uuid.nullish().transform((v) => v ?? null),
  })
  .meta({ id: 'InspectionTeamMember' });
export type TeamMember = z.infer<typeof TeamMember>;

export const PlanTargetInput = z.object({
  unitCode: UnitRef,
  plannedFrom: IsoDate.nullish().transform((v) => v ?? null),
  plannedTo: IsoDate.nullish().transform((v) => v ?? null),
});

export const InspectionPlan = z
  .object({
    id: Uuid,
    unitCode: z.string(),
    unitName: z.string(),
    year: z.number().int(),
    number: z.string().nullable(),
    issuedOn: IsoDate.nullable(),
    issuingBody: z.string(),
    title: z.string(),
    topics: z.array(InspectionTopic),
    description: z.string().nullable(),
    targets: z.array(
      z.object({
        unitCode: z.string(),
        unitName: z.string(),
        plannedFrom: IsoDate.nullable(),
        plannedTo: IsoDate.nullable(),
        sessionId: Uuid.nullable().describe('the session held there under this plan, if any'),
        sessionStatus: z.enum(['draft', 'completed']).nullable(),
      }),
    ),
    team: z.array(
      z.object({
        fullName: z.string(),
        role: TeamRole,
        organisation: z.string().nullable(),
        userId: Uuid.nullable(),
      }),
    ),
    recommendations: z.object({ total: z.number().int(), done: z.number().int(), overdue: z.number().int() }),
    canEdit: z.boolean(),
    version: z.number().int(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'InspectionPlan' });
export type InspectionPlan = z.infer<typeof InspectionPlan>;

const planFields = {
  year: Year,
  number: OptionalText(60),
  issuedOn: IsoDate.nullish().transform((v) => v ?? null),
  issuingBody: Text(200),
  title: Text(500),
  topics: z.array(InspectionTopic).min(1).max(5),
  description: OptionalText(5000),
  targets: z.array(PlanTargetInput).min(1).max(500),
  team: z.array(TeamMember).max(30).default([]),
};
export const CreateInspectionPlanRequest = z
  .object({ unit: UnitRef.optional().describe('the issuing unit; default the caller’s'), ...planFields })
  .meta({ id: 'CreateInspectionPlanRequest' });
export type CreateInspectionPlanRequest = z.infer<typeof CreateInspectionPlanRequest>;
export const UpdateInspectionPlanRequest = z
  .object({ ...planFields, version })
  .meta({ id: 'UpdateInspectionPlanRequest' });
export type UpdateInspectionPlanRequest = z.infer<typeof UpdateInspectionPlanRequest>;

export const InspectionPlanQuery = PageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  topic: InspectionTopic.optional(),
  unit: UnitRef.optional().describe('plans issued in this unit’s subtree or targeting it'),
});
export type InspectionPlanQuery = z.infer<typeof InspectionPlanQuery>;
export const InspectionPlanList = z
  .object({ items: z.array(InspectionPlan), nextCursor: z.string().nullable() })
  .meta({ id: 'InspectionPlanList' });
export type InspectionPlanList = z.infer<typeof InspectionPlanList>;

// ---------------------------------------------------------------- sessions

export const Evidence = z
  .object({
    id: Uuid,
    questionId: z.string().nullable(),
    caption: z.string().nullable(),
    file: StoredFile,
  })
  .meta({ id: 'InspectionEvidence' });
export type Evidence = z.infer<typeof Evidence>;

export const Finding = z
  .object({
    id: Uuid,
    seq: z.number().int(),
    questionId: z.string().nullable(),
    severity: FindingSeverity,
    text: z.string(),
  })
  .meta({ id: 'InspectionFinding' });
export type Finding = z.infer<typeof Finding>;

export const Recommendation = z
  .object({
    id: Uuid,
    sessionId: Uuid,
    planId: Uuid,
    planTitle: z.string(),
    topics: z.array(InspectionTopic),
    findingId: Uuid.nullable(),
    unitCode: z.string().describe('the unit responsible'),
    unitName: z.string(),
    text: z.string(),
    deadline: IsoDate,
    status: RecommendationStatus,
    state: RecommendationState.describe('status with overdue derived from the deadline'),
    response: z.string().nullable(),
    completedOn: IsoDate.nullable(),
    doneOnTime: z.boolean().nullable(),
    evidence: z.array(Evidence),
    events: z.array(
      z.object({
        at: IsoDateTime,
        kind: z.enum(['created', 'status', 'response', 'evidence', 'reminder', 'deadline']),
        fromStatus: z.string().nullable(),
        toStatus: z.string().nullable(),
        note: z.string().nullable(),
        actorName: z.string().nullable(),
      }),
    ),
    canEdit: z.boolean().describe('the inspecting side may change text and deadline'),
    canRespond: z.boolean().describe('the responsible unit may report progress'),
    version: z.number().int(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'InspectionRecommendation' });
export type Recommendation = z.infer<typeof Recommendation>;

export const InspectionSession = z
  .object({
    id: Uuid,
    planId: Uuid,
    planTitle: z.string(),
    unitCode: z.string(),
    unitName: z.string(),
    templateId: Uuid.nullable(),
    questions: z.array(ChecklistQuestion),
    heldOn: IsoDate,
    status: z.enum(['draft', 'completed']),
    summary: z.string().nullable(),
    conclusion: z.string().nullable(),
    answers: z.array(z.object({ questionId: z.string(), value: AnswerValue, note: z.string().nullable() })),
    score: z.number().nullable(),
    maxScore: z.number().nullable(),
    missing: z.array(z.string()).describe('required questions not answered yet'),
    findings: z.array(Finding),
    recommendations: z.array(Recommendation),
    evidence: z.array(Evidence),
    canEdit: z.boolean(),
    version: z.number().int(),
    completedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'InspectionSession' });
export type InspectionSession = z.infer<typeof InspectionSession>;

export const CreateInspectionSessionRequest = z
  .object({
    unitCode: UnitRef.describe('a target unit of the plan'),
    templateId: Uuid,
    heldOn: IsoDate,
  })
  .meta({ id: 'CreateInspectionSessionRequest' });
export type CreateInspectionSessionRequest = z.infer<typeof CreateInspectionSessionRequest>;

/** Saves the draft: answers (by question id), findings (kept by id, new without), summary and conclusion. */
export const UpdateInspectionSessionRequest = z
  .object({
    heldOn: IsoDate,
    summary: OptionalText(10_000),
    conclusion: OptionalText(10_000),
    answers: z
      .array(z.object({ questionId: z.string().max(40), value: AnswerValue, note: OptionalText(2000) }))
      .max(200),
    findings: z
      .array(
        z.object({
          id: Uuid.optional(),
          questionId: z
            .string()
            .max(40)
            .nullish()
            .transform((v) => v ?? null),
          severity: FindingSeverity,
          text: Text(3000),
        }),
      )
      .max(100),
    version,
  })
  .meta({ id: 'UpdateInspectionSessionRequest' });
export type UpdateInspectionSessionRequest = z.infer<typeof UpdateInspectionSessionRequest>;

export const CompleteInspectionSessionRequest = z
  .object({ version })
  .meta({ id: 'CompleteInspectionSessionRequest' });

export const InspectionSessionQuery = PageQuery.extend({
  planId: Uuid.optional(),
  unit: UnitRef.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(['draft', 'completed']).optional(),
});
export type InspectionSessionQuery = z.infer<typeof InspectionSessionQuery>;

export const InspectionSessionSummary = InspectionSession.pick({
  id: true,
  planId: true,
  planTitle: true,
  unitCode: true,
  unitName: true,
  heldOn: true,
  status: true,
  score: true,
  maxScore: true,
})
  .extend({ findingCount: z.number().int(), recommendationCount: z.number().int() })
  .meta({ id: 'InspectionSessionSummary' });
export const InspectionSessionList = z
  .object({ items: z.array(InspectionSessionSummary), nextCursor: z.string().nullable() })
  .meta({ id: 'InspectionSessionList' });
export type InspectionSessionList = z.infer<typeof InspectionSessionList>;

// ---------------------------------------------------------------- recommendations

export const CreateRecommendationRequest = z
  .object({
    findingId: Uuid.nullish().transform((v) => v ?? null),
    unitCode: UnitRef.describe('the unit responsible: the inspected unit or one of its subtree'),
    text: Text(3000),
    deadline: IsoDate,
  })
  .meta({ id: 'CreateRecommendationRequest' });
export type CreateRecommendationRequest = z.infer<typeof CreateRecommendationRequest>;

export const UpdateRecommendationRequest = z
  .object({ text: Text(3000), deadline: IsoDate, version })
  .meta({ id: 'UpdateRecommendationRequest' });
export type UpdateRecommendationRequest = z.infer<typeof UpdateRecommendationRequest>;

/** The responsible unit reports progress: in progress, or done with what was done and when. */
export const RespondRecommendationRequest = z
  .object({
    status: z.enum(['in_progress', 'done']),
    response: Text(5000),
    completedOn: IsoDate.nullish()
      .transform((v) => v ?? null)
      .describe('required when done; not in the future'),
    version,
  })
  .meta({ id: 'RespondRecommendationRequest' });
export type RespondRecommendationRequest = z.infer<typeof RespondRecommendationRequest>;

export const RecommendationQuery = PageQuery.extend({
  unit: UnitRef.optional(),
  state: RecommendationState.optional(),
  topic: InspectionTopic.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('year of the plan'),
  planId: Uuid.optional(),
});
export type RecommendationQuery = z.infer<typeof RecommendationQuery>;
export const RecommendationList = z
  .object({ items: z.array(Recommendation), nextCursor: z.string().nullable() })
  .meta({ id: 'RecommendationList' });
export type RecommendationList = z.infer<typeof RecommendationList>;

const Counts = z.object({
  total: z.number().int(),
  open: z.number().int(),
  inProgress: z.number().int(),
  overdue: z.number().int(),
  done: z.number().int(),
  doneOnTime: z.number().int(),
  dueSoon: z.number().int().describe('open or in progress, due within the reminder window'),
});

/** `GET /api/v1/inspections/board`: recommendations by responsible unit and topic, and by year. */
export const FollowUpBoard = z
  .object({
    unitCode: z.string(),
    asOf: IsoDate,
    totals: Counts,
    byUnit: z.array(Counts.extend({ unitCode: z.string(), unitName: z.string() })),
    byTopic: z.array(Counts.extend({ topic: InspectionTopic })),
    byYear: z.array(Counts.extend({ year: z.number().int() })),
  })
  .meta({ id: 'FollowUpBoard' });
export type FollowUpBoard = z.infer<typeof FollowUpBoard>;

export const FollowUpBoardQuery = z.object({
  unit: UnitRef.optional(),
  yearFrom: z.coerce.number().int().min(2000).max(2100).optional(),
  yearTo: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type FollowUpBoardQuery = z.infer<typeof FollowUpBoardQuery>;
