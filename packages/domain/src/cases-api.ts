import { z } from 'zod';
import {
  AssignedAction,
  CaseActionType,
  CaseClockStep,
  CaseStatus,
  ClockState,
  ClosedAction,
  ConcernType,
  DeadlineExtendedAction,
  DetailedAssessmentAction,
  EmergencyMeasureAction,
  InitialAssessmentAction,
  IntakeChannel,
  IntakeUrgency,
  MeasureDoneAction,
  NoteAction,
  PlanApprovedAction,
  PlanDraftedAction,
  PlanRejectedAction,
  PlanSubmittedAction,
  ProtectionLevelCode,
  RemovalEndedAction,
  ReopenedAction,
  ReviewAction,
  TemporaryRemovalAction,
} from './cases';
import { Sex } from './catalogues/child-attributes';
import { IsoDateTime, Uuid } from './common';
import { CommuneCode, PersonName } from './registry/child-parts';
import { DateOfBirthInput } from './registry/date-of-birth';

/**
 * The HTTP contract of the cases API (`/api/v1/cases`). The server sets each action's `at` and
 * `by`; narratives (summary, reporter, action texts) are encrypted at rest and answered only to
 * callers who may read the content.
 */

const Narrative = z.string().trim().min(1).max(4000);

/** `POST /api/v1/cases`: a report received (form 01), for a registered child or a new one. */
export const CreateCaseRequest = z
  .object({
    childId: Uuid.optional().describe('a child of the registry in the caller’s subtree'),
    child: z
      .object({ fullName: PersonName, sex: Sex, dateOfBirth: DateOfBirthInput })
      .optional()
      .describe('a child not yet registered: added to the registry in the same transaction'),
    unitCode: CommuneCode.describe('commune-level unit that handles the case'),
    source: IntakeChannel,
    concerns: z.array(ConcernType).min(1).max(ConcernType.options.length),
    urgency: IntakeUrgency.default('urgent'),
    receivedAt: IsoDateTime.describe('when the report was received; starts the 12-hour and plan clocks'),
    summary: Narrative.describe('what was reported (confidential, encrypted at rest)'),
    reporter: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .describe('who reported, how to reach them (confidential, encrypted at rest)'),
  })
  .refine((value) => (value.childId === undefined) !== (value.child === undefined), {
    path: ['childId'],
    message: 'child_or_child_id',
  })
  .meta({ id: 'CreateCaseRequest' });
export type CreateCaseRequest = z.infer<typeof CreateCaseRequest>;

/** A deadline of the case as the caller sees it now. */
export const CaseDeadline = z.object({
  step: CaseClockStep,
  dueAt: IsoDateTime,
  originalDueAt: IsoDateTime,
  state: ClockState,
  verified: z.boolean().describe('false when the legal basis of the amount is not confirmed'),
  legalRef: z.string(),
});
export type CaseDeadline = z.infer<typeof CaseDeadline>;

export const CaseChildSummary = z.object({ id: Uuid, fullName: z.string(), dateOfBirth: z.string() });

/** A case in a list: no narrative. */
export const CaseListItem = z
  .object({
    id: Uuid,
    number: z.string().describe('e.g. `VV-2026-0001`, per commune and year'),
    version: z.number().int(),
    status: CaseStatus,
    unitCode: z.string(),
    unitName: z.string(),
    child: CaseChildSummary,
    source: IntakeChannel,
    concerns: z.array(ConcernType),
    urgency: IntakeUrgency,
    receivedAt: IsoDateTime,
    protectionLevel: ProtectionLevelCode.nullable(),
    deadlines: z.array(CaseDeadline),
  })
  .meta({ id: 'CaseListItem' });
export type CaseListItem = z.infer<typeof CaseListItem>;

/** One case with what the caller may do next; `summary` only for callers who may read content. */
export const Case = CaseListItem.extend({
  allowedActions: z.array(CaseActionType),
  canReadContent: z.boolean(),
  summary: z.string().nullable(),
  reporter: z.string().nullable(),
}).meta({ id: 'Case' });
export type Case = z.infer<typeof Case>;

export const CaseListQuery = z.object({
  status: CaseStatus.optional(),
  unit: z
    .string()
    .regex(/^\d{2,5}$/)
    .optional()
    .describe('unit code (any level): cases of its subtree'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseList = z
  .object({ items: z.array(CaseListItem), nextCursor: z.string().nullable(), total: z.number().int() })
  .meta({ id: 'CaseList' });
export type CaseList = z.infer<typeof CaseList>;

const version = z.number().int().min(1).describe('the case version read (stale → 409)');
const serverSet = { at: true, by: true } as const;
// Refinements across fields (e.g. a removal ending after it starts) run when the server parses
// the whole `CaseAction`; the request schema repeats only the fields.

/**
 * `POST /api/v1/cases/{id}/actions`: a `CaseAction` other than the intake, without `at` and `by`
 * (set by the server: now, the caller and the role the action needs), plus the `version` read.
 */
export const CaseActionRequest = z
  .discriminatedUnion('type', [
    InitialAssessmentAction.omit(serverSet).extend({ version }),
    EmergencyMeasureAction.omit(serverSet).extend({ version }),
    z.object(TemporaryRemovalAction.shape).omit(serverSet).extend({ version }),
    RemovalEndedAction.omit(serverSet).extend({ version }),
    DetailedAssessmentAction.omit(serverSet).extend({ version }),
    PlanDraftedAction.omit(serverSet).extend({ version }),
    PlanSubmittedAction.omit(serverSet).extend({ version }),
    PlanApprovedAction.omit(serverSet).extend({ version }),
    PlanRejectedAction.omit(serverSet).extend({ version }),
    MeasureDoneAction.omit(serverSet).extend({ version }),
    ReviewAction.omit(serverSet).extend({ version }),
    ClosedAction.omit(serverSet).extend({ version }),
    ReopenedAction.omit(serverSet).extend({ version }),
    DeadlineExtendedAction.omit(serverSet).extend({ version }),
    AssignedAction.omit(serverSet).extend({ version }),
    NoteAction.omit(serverSet).extend({ version }),
  ])
  .meta({ id: 'CaseActionRequest' });
export type CaseActionRequest = z.infer<typeof CaseActionRequest>;
