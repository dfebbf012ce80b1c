import { z } from 'zod';
import {
  AssignedAction,
  CaseAction,
  CaseActionType,
  CaseClockStep,
  CaseRole,
  CaseState,
  CaseStatus,
  ClockExtension,
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
  startedAt: IsoDateTime,
  completedAt: IsoDateTime.nullable().describe('when the step was done; null while running or stopped'),
  stoppedAt: IsoDateTime.nullable().describe('set when the case closed before the step was done'),
  extensions: z.array(ClockExtension).describe('later deadlines approved by a leader, with reasons'),
  verified: z.boolean().describe('false when the legal basis of the amount is not confirmed'),
  legalRef: z.string(),
});
export type CaseDeadline = z.infer<typeof CaseDeadline>;

/**
 * The child of a case. For a caller who does not take part in the case (a province officer, a
 * colleague not added to it) the name is reduced to initials (`isMasked`).
 */
export const CaseChildSummary = z.object({
  id: Uuid,
  fullName: z.string(),
  dateOfBirth: z.string(),
  isMasked: z.boolean(),
});

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
    assignee: z.object({ id: Uuid, name: z.string() }).nullable(),
    nextDueAt: IsoDateTime.nullable().describe('the earliest deadline of a running clock'),
  })
  .meta({ id: 'CaseListItem' });
export type CaseListItem = z.infer<typeof CaseListItem>;

/**
 * One case with what the caller may do next. Content (`summary`, `reporter`, `process`) only for
 * callers who may read it; a province officer reads it by giving a reason (`?readReason=`), which
 * goes to the read log (`canReadWithReason`).
 */
export const Case = CaseListItem.extend({
  allowedActions: z.array(CaseActionType),
  canReadContent: z.boolean(),
  canReadWithReason: z.boolean().describe('content is readable after giving a reason (province officer)'),
  canManageMembers: z.boolean(),
  summary: z.string().nullable(),
  reporter: z.string().nullable(),
  process: CaseState.nullable().describe('the state derived from the actions: assessments, plans, removals…'),
}).meta({ id: 'Case' });
export type Case = z.infer<typeof Case>;

export const CaseListQuery = z.object({
  status: CaseStatus.optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('words of the child’s name (cases the caller takes part in) or a case number'),
  childId: Uuid.optional().describe('the cases of one child'),
  assignee: z.enum(['me']).optional().describe('`me`: cases assigned to the caller'),
  due: z
    .enum(['overdue', 'due_soon'])
    .optional()
    .describe('cases with a running clock overdue, or due within its warning window'),
  open: z.enum(['true', 'false']).optional().describe('`true`: not closed; `false`: closed'),
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

/** `GET /api/v1/cases/{id}`: a province officer who is not a participant reads content with a reason. */
export const CaseReadQuery = z.object({
  readReason: z
    .string()
    .trim()
    .min(10)
    .max(500)
    .optional()
    .describe('why a province officer reads the content; kept in the read log'),
});
export type CaseReadQuery = z.infer<typeof CaseReadQuery>;

/** One action in the history of a case, decrypted, with the name of who recorded it. */
export const CaseHistoryItem = z
  .object({
    seq: z.number().int().positive(),
    type: CaseActionType,
    at: IsoDateTime,
    role: CaseRole,
    byName: z.string().nullable(),
    action: CaseAction,
  })
  .meta({ id: 'CaseHistoryItem' });
export type CaseHistoryItem = z.infer<typeof CaseHistoryItem>;

export const CaseHistory = z.object({ items: z.array(CaseHistoryItem) }).meta({ id: 'CaseHistory' });
export type CaseHistory = z.infer<typeof CaseHistory>;

/** `GET /api/v1/cases/queue`: the caller's work, each list newest deadline first (at most 50). */
export const CaseQueue = z
  .object({
    mine: z.array(CaseListItem).describe('open cases assigned to the caller'),
    dueSoon: z.array(CaseListItem).describe('open cases of the scope with a clock due soon'),
    overdue: z.array(CaseListItem).describe('open cases of the scope with an overdue clock'),
    awaitingMyApproval: z
      .array(CaseListItem)
      .describe('plans or closings waiting for a leader of the caller’s scope (empty for others)'),
    counts: z.object({
      mine: z.number().int(),
      dueSoon: z.number().int(),
      overdue: z.number().int(),
      awaitingMyApproval: z.number().int(),
    }),
  })
  .meta({ id: 'CaseQueue' });
export type CaseQueue = z.infer<typeof CaseQueue>;

/** A person who may read the case besides the assigned officer and the leaders. */
export const CaseMember = z
  .object({
    userId: Uuid,
    name: z.string(),
    unitName: z.string(),
    addedAt: IsoDateTime,
    addedBy: z.string().nullable(),
  })
  .meta({ id: 'CaseMember' });
export type CaseMember = z.infer<typeof CaseMember>;

export const CaseMemberList = z.object({ items: z.array(CaseMember) }).meta({ id: 'CaseMemberList' });
export type CaseMemberList = z.infer<typeof CaseMemberList>;

export const AddCaseMemberRequest = z.object({ userId: Uuid }).meta({ id: 'AddCaseMemberRequest' });
export type AddCaseMemberRequest = z.infer<typeof AddCaseMemberRequest>;
