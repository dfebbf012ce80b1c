import { z } from 'zod';
import { Count, OptionalText, QueryYear, Text, UnitRef, version } from '../api-fields';
import { Sex } from '../catalogues/child-attributes';
import { IsoDate, IsoDateTime, PageQuery, Uuid } from '../common';
import { ActivityKind, ParticipantGroup, ParticipantOutcome } from '../programmes/catalogue';
import { BudgetLine, BudgetLineInput } from './plans';

/** Activities with sessions, participants, attendance, outcomes and the attendance sheet. */

// ---------------------------------------------------------------- activities

export const ActivitySession = z
  .object({ id: Uuid, seq: z.number().int(), heldOn: IsoDate, topic: z.string().nullable() })
  .meta({ id: 'ActivitySession' });
export type ActivitySession = z.infer<typeof ActivitySession>;

export const OtherParticipants = z
  .object({ group: ParticipantGroup, count: Count })
  .meta({ id: 'OtherParticipants' });
export type OtherParticipants = z.infer<typeof OtherParticipants>;
/** The same count in a request (own OpenAPI name, see `BudgetLineInput`). */
export const OtherParticipantsInput = z
  .object({ group: ParticipantGroup, count: Count })
  .meta({ id: 'OtherParticipantsInput' });

export const Activity = z
  .object({
    id: Uuid,
    unitCode: z.string(),
    unitName: z.string(),
    programmeId: Uuid.nullable(),
    programmeName: z.string().nullable(),
    kind: ActivityKind,
    title: z.string(),
    startsOn: IsoDate,
    endsOn: IsoDate,
    place: z.string().nullable(),
    organisers: z.string().nullable(),
    description: z.string().nullable(),
    // Own ids: a schema used in requests and responses differs in OpenAPI (additionalProperties).
    budget: z.array(z.object(BudgetLine.shape).meta({ id: 'ActivityBudgetLine' })),
    otherParticipants: z.array(z.object(OtherParticipants.shape).meta({ id: 'ActivityOtherParticipants' })),
    sessions: z.array(ActivitySession),
    participantCount: z.number().int(),
    completedCount: z.number().int(),
    swimSafeCount: z.number().int(),
    canEdit: z.boolean(),
    version: z.number().int(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Activity' });
export type Activity = z.infer<typeof Activity>;

const SessionInput = z.object({
  id: Uuid.optional().describe('kept session; absent: a new one'),
  heldOn: IsoDate,
  topic: OptionalText(300),
});

const activityFields = {
  programmeId: Uuid.nullish().transform((v) => v ?? null),
  kind: ActivityKind,
  title: Text(300),
  startsOn: IsoDate,
  endsOn: IsoDate,
  place: OptionalText(300),
  organisers: OptionalText(500),
  description: OptionalText(5000),
  budget: z.array(BudgetLineInput).max(3).default([]),
  otherParticipants: z.array(OtherParticipantsInput).max(6).default([]),
  sessions: z.array(SessionInput).max(200).default([]),
};

export const CreateActivityRequest = z
  .object({
    unit: UnitRef.optional().describe('the commune where it takes place; default the caller’s'),
    ...activityFields,
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'ends_before_start' })
  .meta({ id: 'CreateActivityRequest' });
export type CreateActivityRequest = z.infer<typeof CreateActivityRequest>;

export const UpdateActivityRequest = z
  .object({ ...activityFields, version })
  .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'ends_before_start' })
  .meta({ id: 'UpdateActivityRequest' });
export type UpdateActivityRequest = z.infer<typeof UpdateActivityRequest>;

export const ActivityQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  kind: ActivityKind.optional(),
  programmeId: Uuid.optional(),
  year: QueryYear.optional(),
  unit: UnitRef.optional(),
});
export type ActivityQuery = z.infer<typeof ActivityQuery>;

export const ActivityList = z
  .object({ items: z.array(Activity), nextCursor: z.string().nullable() })
  .meta({ id: 'ActivityList' });
export type ActivityList = z.infer<typeof ActivityList>;

/** A registered child taking part, with attendance by session id and the outcome. */
export const ActivityParticipant = z
  .object({
    childId: Uuid,
    fullName: z.string(),
    sex: Sex,
    dateOfBirth: z.string(),
    ageAtStart: z.number().int(),
    village: z.string().nullable(),
    school: z.string().nullable(),
    grade: z.string().nullable(),
    attendance: z.record(z.string(), z.boolean()).describe('session id → present'),
    sessionsAttended: z.number().int(),
    outcome: ParticipantOutcome,
  })
  .meta({ id: 'ActivityParticipant' });
export type ActivityParticipant = z.infer<typeof ActivityParticipant>;

export const ActivityParticipantList = z
  .object({ items: z.array(ActivityParticipant) })
  .meta({ id: 'ActivityParticipantList' });
export type ActivityParticipantList = z.infer<typeof ActivityParticipantList>;

export const AddParticipantsRequest = z
  .object({ childIds: z.array(Uuid).min(1).max(500) })
  .meta({ id: 'AddParticipantsRequest' });
export type AddParticipantsRequest = z.infer<typeof AddParticipantsRequest>;

export const AttendanceRequest = z
  .object({
    entries: z
      .array(z.object({ childId: Uuid, sessionId: Uuid, present: z.boolean() }))
      .min(1)
      .max(20_000),
  })
  .meta({ id: 'AttendanceRequest' });
export type AttendanceRequest = z.infer<typeof AttendanceRequest>;

export const OutcomesRequest = z
  .object({
    entries: z
      .array(
        z.object({
          childId: Uuid,
          completed: z.boolean().nullable(),
          swimSafe: z.boolean().nullable(),
          waterSafety: z.boolean().nullable(),
          assessedOn: IsoDate.nullish().transform((v) => v ?? null),
          note: OptionalText(500),
        }),
      )
      .min(1)
      .max(500),
  })
  .meta({ id: 'OutcomesRequest' });
export type OutcomesRequest = z.infer<typeof OutcomesRequest>;

/** Children of the activity's commune to add: by name, village, school and class, or age. */
export const ParticipantCandidateQuery = z.object({
  q: z.string().trim().max(100).optional(),
  village: z.string().trim().max(100).optional(),
  school: z.string().trim().max(200).optional(),
  grade: z.string().trim().max(50).optional(),
  ageFrom: z.coerce.number().int().min(0).max(17).optional(),
  ageTo: z.coerce.number().int().min(0).max(17).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ParticipantCandidateQuery = z.infer<typeof ParticipantCandidateQuery>;

export const ParticipantCandidate = z
  .object({
    childId: Uuid,
    fullName: z.string(),
    sex: Sex,
    dateOfBirth: z.string(),
    ageAtStart: z.number().int(),
    village: z.string().nullable(),
    school: z.string().nullable(),
    grade: z.string().nullable(),
    isParticipant: z.boolean(),
  })
  .meta({ id: 'ParticipantCandidate' });
export type ParticipantCandidate = z.infer<typeof ParticipantCandidate>;
export const ParticipantCandidateList = z
  .object({ items: z.array(ParticipantCandidate) })
  .meta({ id: 'ParticipantCandidateList' });
export type ParticipantCandidateList = z.infer<typeof ParticipantCandidateList>;

/** The answer of the class-list import: what was matched and recorded, and the rows that were not. */
export const AttendanceImportReport = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int(),
    matched: z.number().int(),
    added: z.number().int().describe('children who were not yet participants'),
    attendanceMarks: z.number().int(),
    outcomes: z.number().int(),
    problems: z.array(z.object({ row: z.number().int(), name: z.string().nullable(), message: z.string() })),
  })
  .meta({ id: 'AttendanceImportReport' });
export type AttendanceImportReport = z.infer<typeof AttendanceImportReport>;
