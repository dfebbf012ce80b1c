import { z } from 'zod';
import { Sex } from './catalogues/child-attributes';
import { IsoDate, IsoDateTime, PageQuery, Uuid } from './common';
import { IncidentAgeGroup, Season } from './programmes/calendar';
import {
  ActivityKind,
  CommunicationAudience,
  CommunicationChannel,
  DocumentType,
  FacilityCondition,
  FacilityKind,
  FundingSource,
  IncidentCause,
  IncidentOutcome,
  ParticipantGroup,
  ParticipantOutcome,
  PlaceType,
  ProgrammeKind,
} from './programmes/catalogue';
import { ProgrammeIndicatorCode, TargetDirection, TargetStatus } from './programmes/indicators';

/**
 * The HTTP contract of the programmes module: documents and plans (`/api/v1/documents`),
 * programmes (`/api/v1/programmes`), activities with sessions, participants, attendance and
 * outcomes (`/api/v1/activities`), communication and movements, incidents and facilities.
 * Money is whole đồng. Every record belongs to a unit; the caller reads and writes inside
 * the subtree of their own unit, and reads the documents and programmes of the units above it.
 */

const version = z.number().int().min(1);
const Year = z.number().int().min(2000).max(2100);
const QueryYear = z.coerce.number().int().min(2000).max(2100);
const UnitRef = z.string().regex(/^\d{2}(\d{3})?$/, { message: 'unit_code' });
const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));
const Vnd = z.number().int().min(0).max(1e13);
const Count = z.number().int().min(0).max(100_000_000);

// ---------------------------------------------------------------- shared parts

/** A line of money by source: planned and spent, whole đồng. */
export const BudgetLine = z
  .object({ source: FundingSource, planned: Vnd, spent: Vnd })
  .meta({ id: 'BudgetLine' });
export type BudgetLine = z.infer<typeof BudgetLine>;
/** The same line in a request: its own OpenAPI name, as requests allow extra fields and answers do not. */
export const BudgetLineInput = z
  .object({ source: FundingSource, planned: Vnd, spent: Vnd })
  .meta({ id: 'BudgetLineInput' });

/** A programme's budget line also names its year. */
export const ProgrammeBudgetLine = BudgetLine.extend({ year: Year }).meta({ id: 'ProgrammeBudgetLine' });
export type ProgrammeBudgetLine = z.infer<typeof ProgrammeBudgetLine>;
/** The same line in a request: its own OpenAPI name, as requests allow extra fields and answers do not. */
export const ProgrammeBudgetLineInput = BudgetLine.extend({ year: Year }).meta({
  id: 'ProgrammeBudgetLineInput',
});

/** A figure a document or programme sets: e.g. 50 % of children 6–15 swim safely by 2025. */
export const TargetInput = z
  .object({
    indicatorCode: ProgrammeIndicatorCode.nullable().describe(
      'computed from live data; null: followed by hand',
    ),
    label: Text(300),
    direction: TargetDirection.default('at_least'),
    value: z.number().min(-1e9).max(1e12),
    unitOfMeasure: Text(30).describe('"%", "trẻ em", "lượt", "vụ"…'),
    year: Year,
    baselineYear: Year.nullish()
      .transform((v) => v ?? null)
      .describe('for a change against a year'),
  })
  .meta({ id: 'TargetInput' });
export type TargetInput = z.infer<typeof TargetInput>;

export const StoredFile = z
  .object({
    id: Uuid,
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedAt: IsoDateTime,
  })
  .meta({ id: 'StoredFile' });
export type StoredFile = z.infer<typeof StoredFile>;

/** The largest document file accepted (PDF or DOCX). */
export const DOCUMENT_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** The largest class list accepted by the attendance import. */
export const ATTENDANCE_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

// ---------------------------------------------------------------- documents and plans

export const PlanDocumentTarget = TargetInput.extend({ id: Uuid }).meta({ id: 'PlanDocumentTarget' });
export type PlanDocumentTarget = z.infer<typeof PlanDocumentTarget>;

export const PlanDocument = z
  .object({
    id: Uuid,
    unitCode: z.string(),
    unitName: z.string(),
    number: z.string(),
    issuedOn: IsoDate,
    issuingBody: z.string(),
    type: DocumentType,
    title: z.string(),
    summary: z.string().nullable(),
    validFrom: IsoDate.nullable(),
    validTo: IsoDate.nullable(),
    targets: z.array(PlanDocumentTarget),
    file: StoredFile.nullable(),
    canEdit: z.boolean(),
    version: z.number().int(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'PlanDocument' });
export type PlanDocument = z.infer<typeof PlanDocument>;

export const CreatePlanDocumentRequest = z
  .object({
    unit: UnitRef.optional().describe('the issuing unit; default the caller’s'),
    number: Text(60).describe('số hiệu, e.g. "125/KH-UBND"'),
    issuedOn: IsoDate,
    issuingBody: Text(200),
    type: DocumentType,
    title: Text(500),
    summary: OptionalText(5000),
    validFrom: IsoDate.nullish().transform((v) => v ?? null),
    validTo: IsoDate.nullish().transform((v) => v ?? null),
    targets: z.array(TargetInput).max(50).default([]),
  })
  .meta({ id: 'CreatePlanDocumentRequest' });
export type CreatePlanDocumentRequest = z.infer<typeof CreatePlanDocumentRequest>;

export const UpdatePlanDocumentRequest = CreatePlanDocumentRequest.omit({ unit: true })
  .extend({ version })
  .meta({ id: 'UpdatePlanDocumentRequest' });
export type UpdatePlanDocumentRequest = z.infer<typeof UpdatePlanDocumentRequest>;

export const PlanDocumentQuery = PageQuery.extend({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('words of the title, summary or number, with or without diacritics'),
  type: DocumentType.optional(),
  year: QueryYear.optional().describe('issued in this year'),
  unit: UnitRef.optional(),
  validOn: IsoDate.optional().describe('in force that day'),
});
export type PlanDocumentQuery = z.infer<typeof PlanDocumentQuery>;

export const PlanDocumentList = z
  .object({ items: z.array(PlanDocument), nextCursor: z.string().nullable() })
  .meta({ id: 'PlanDocumentList' });
export type PlanDocumentList = z.infer<typeof PlanDocumentList>;

// ---------------------------------------------------------------- programmes

export const ProgrammeTarget = TargetInput.extend({
  id: Uuid,
  manualValue: z.number().nullable().describe('the value entered by hand for a target without a code'),
  manualNote: z.string().nullable(),
}).meta({ id: 'ProgrammeTarget' });
export type ProgrammeTarget = z.infer<typeof ProgrammeTarget>;

export const ProgrammeTargetInput = TargetInput.extend({
  manualValue: z
    .number()
    .min(-1e9)
    .max(1e12)
    .nullish()
    .transform((v) => v ?? null),
  manualNote: OptionalText(500),
}).meta({ id: 'ProgrammeTargetInput' });
export type ProgrammeTargetInput = z.infer<typeof ProgrammeTargetInput>;

export const Programme = z
  .object({
    id: Uuid,
    unitCode: z.string(),
    unitName: z.string(),
    kind: ProgrammeKind,
    name: z.string(),
    theme: z.string().nullable().describe('the yearly theme, e.g. of the Action Month'),
    yearFrom: z.number().int(),
    yearTo: z.number().int(),
    description: z.string().nullable(),
    leadOrganisation: z.string(),
    partnerOrganisations: z.array(z.string()),
    units: z.array(z.object({ code: z.string(), name: z.string() })).describe('participating units'),
    documents: z.array(z.object({ id: Uuid, number: z.string(), title: z.string() })),
    targets: z.array(ProgrammeTarget),
    budget: z.array(ProgrammeBudgetLine),
    activityCount: z.number().int(),
    canEdit: z.boolean(),
    version: z.number().int(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Programme' });
export type Programme = z.infer<typeof Programme>;

export const CreateProgrammeRequest = z
  .object({
    unit: UnitRef.optional().describe('the unit that runs it; default the caller’s'),
    kind: ProgrammeKind,
    name: Text(300),
    theme: OptionalText(300),
    yearFrom: Year,
    yearTo: Year,
    description: OptionalText(5000),
    leadOrganisation: Text(200),
    partnerOrganisations: z.array(Text(200)).max(30).default([]),
    unitCodes: z.array(UnitRef).max(500).default([]).describe('participating units inside the running unit'),
    documentIds: z.array(Uuid).max(50).default([]),
    targets: z.array(ProgrammeTargetInput).max(50).default([]),
    budget: z.array(ProgrammeBudgetLineInput).max(200).default([]),
  })
  .refine((value) => value.yearTo >= value.yearFrom, { path: ['yearTo'], message: 'year_to_before_from' })
  .meta({ id: 'CreateProgrammeRequest' });
export type CreateProgrammeRequest = z.infer<typeof CreateProgrammeRequest>;

export const UpdateProgrammeRequest = z
  .object({
    kind: ProgrammeKind,
    name: Text(300),
    theme: OptionalText(300),
    yearFrom: Year,
    yearTo: Year,
    description: OptionalText(5000),
    leadOrganisation: Text(200),
    partnerOrganisations: z.array(Text(200)).max(30).default([]),
    unitCodes: z.array(UnitRef).max(500).default([]),
    documentIds: z.array(Uuid).max(50).default([]),
    targets: z
      .array(ProgrammeTargetInput.extend({ id: Uuid.optional().describe('kept target; absent: a new one') }))
      .max(50)
      .default([]),
    budget: z.array(ProgrammeBudgetLineInput).max(200).default([]),
    version,
  })
  .refine((value) => value.yearTo >= value.yearFrom, { path: ['yearTo'], message: 'year_to_before_from' })
  .meta({ id: 'UpdateProgrammeRequest' });
export type UpdateProgrammeRequest = z.infer<typeof UpdateProgrammeRequest>;

export const ProgrammeQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  kind: ProgrammeKind.optional(),
  year: QueryYear.optional().describe('running in this year'),
  unit: UnitRef.optional(),
});
export type ProgrammeQuery = z.infer<typeof ProgrammeQuery>;

export const ProgrammeList = z
  .object({ items: z.array(Programme), nextCursor: z.string().nullable() })
  .meta({ id: 'ProgrammeList' });
export type ProgrammeList = z.infer<typeof ProgrammeList>;

/** One target measured for a unit: its value for the target year (or this year) and by year. */
export const TargetProgress = z
  .object({
    targetId: Uuid,
    label: z.string(),
    indicatorCode: ProgrammeIndicatorCode.nullable(),
    direction: TargetDirection,
    target: z.number(),
    unitOfMeasure: z.string(),
    year: z.number().int().describe('the target year'),
    measuredYear: z
      .number()
      .int()
      .describe('the year the value is of: the target year, or this year if it is later'),
    value: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    status: TargetStatus,
    achievement: z.number().nullable().describe('0–100 towards the target'),
    source: z.enum(['computed', 'manual']),
    note: z.string().nullable(),
    series: z.array(z.object({ year: z.number().int(), value: z.number().nullable() })),
  })
  .meta({ id: 'TargetProgress' });
export type TargetProgress = z.infer<typeof TargetProgress>;

export const ProgrammeProgress = z
  .object({
    programmeId: Uuid,
    unitCode: z.string(),
    unitName: z.string(),
    asOf: IsoDate,
    targets: z.array(TargetProgress),
    budget: z.array(
      z.object({
        source: FundingSource,
        planned: z.number(),
        spent: z.number(),
        spentInActivities: z.number().describe('spent as recorded on the programme’s activities'),
      }),
    ),
    activities: z.object({
      count: z.number().int(),
      byKind: z.array(z.object({ kind: ActivityKind, count: z.number().int() })),
      namedChildren: z.number().int().describe('distinct registered children taking part'),
      otherParticipants: z.number().int(),
      completed: z.number().int(),
      swimSafe: z.number().int(),
    }),
  })
  .meta({ id: 'ProgrammeProgress' });
export type ProgrammeProgress = z.infer<typeof ProgrammeProgress>;

export const ProgrammeProgressQuery = z.object({
  unit: UnitRef.optional().describe(
    'measure for this unit; default the programme’s unit if in scope, else the caller’s',
  ),
});
export type ProgrammeProgressQuery = z.infer<typeof ProgrammeProgressQuery>;

/** `GET /api/v1/programme-indicators`: one computed figure for a unit and year. */
export const ProgrammeIndicatorQuery = z.object({
  code: ProgrammeIndicatorCode,
  unit: UnitRef.optional().describe('default the caller’s unit'),
  year: QueryYear.optional().describe('default this year'),
  baselineYear: QueryYear.optional().describe('for drowning_deaths_change'),
});
export type ProgrammeIndicatorQuery = z.infer<typeof ProgrammeIndicatorQuery>;

export const ProgrammeIndicatorValue = z
  .object({
    code: ProgrammeIndicatorCode,
    unitCode: z.string(),
    unitName: z.string(),
    year: z.number().int(),
    asOf: IsoDate.describe('the reference day: 31 December of the year, or today'),
    value: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
  })
  .meta({ id: 'ProgrammeIndicatorValue' });
export type ProgrammeIndicatorValue = z.infer<typeof ProgrammeIndicatorValue>;

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

// ---------------------------------------------------------------- communication and movements

export const Communication = z
  .object({
    id: Uuid,
    unitCode: z.string(),
    unitName: z.string(),
    programmeId: Uuid.nullable(),
    programmeName: z.string().nullable(),
    heldOn: IsoDate,
    channel: CommunicationChannel,
    audience: CommunicationAudience,
    title: z.string(),
    reachCount: z.number().int(),
    materials: z.string().nullable().describe('leaflets, posters, broadcasts… and how many'),
    canEdit: z.boolean(),
    version: z.number().int(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'Communication' });
export type Communication = z.infer<typeof Communication>;

const communicationFields = {
  programmeId: Uuid.nullish().transform((v) => v ?? null),
  heldOn: IsoDate,
  channel: CommunicationChannel,
  audience: CommunicationAudience,
  title: Text(300),
  reachCount: Count,
  materials: OptionalText(1000),
};
export const CreateCommunicationRequest = z
  .object({ unit: UnitRef.optional(), ...communicationFields })
  .meta({ id: 'CreateCommunicationRequest' });
export type CreateCommunicationRequest = z.infer<typeof CreateCommunicationRequest>;
export const UpdateCommunicationRequest = z
  .object({ ...communicationFields, version })
  .meta({ id: 'UpdateCommunicationRequest' });
export type UpdateCommunicationRequest = z.infer<typeof UpdateCommunicationRequest>;

export const CommunicationQuery = PageQuery.extend({
  channel: CommunicationChannel.optional(),
  programmeId: Uuid.optional(),
  year: QueryYear.optional(),
  unit: UnitRef.optional(),
});
export type CommunicationQuery = z.infer<typeof CommunicationQuery>;
export const CommunicationList = z
  .object({
    items: z.array(Communication),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'CommunicationList' });
export type CommunicationList = z.infer<typeof CommunicationList>;

export const CommunicationSummary = z
  .object({
    year: z.number().int().nullable(),
    byChannel: z.array(
      z.object({ channel: CommunicationChannel, events: z.number().int(), reach: z.number().int() }),
    ),
    total: z.object({ events: z.number().int(), reach: z.number().int() }),
  })
  .meta({ id: 'CommunicationSummary' });
export type CommunicationSummary = z.infer<typeof CommunicationSummary>;

export const MovementParticipation = z
  .object({ unitCode: z.string(), unitName: z.string(), year: z.number().int(), note: z.string().nullable() })
  .meta({ id: 'MovementParticipation' });
export type MovementParticipation = z.infer<typeof MovementParticipation>;

export const Movement = z
  .object({
    id: Uuid,
    unitCode: z.string(),
    unitName: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    yearFrom: z.number().int(),
    yearTo: z.number().int().nullable(),
    participations: z.array(MovementParticipation),
    canEdit: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Movement' });
export type Movement = z.infer<typeof Movement>;

const movementFields = {
  name: Text(300),
  description: OptionalText(5000),
  yearFrom: Year,
  yearTo: Year.nullish().transform((v) => v ?? null),
  participations: z
    .array(z.object({ unitCode: UnitRef, year: Year, note: OptionalText(300) }))
    .max(2000)
    .default([]),
};
export const CreateMovementRequest = z
  .object({ unit: UnitRef.optional(), ...movementFields })
  .meta({ id: 'CreateMovementRequest' });
export type CreateMovementRequest = z.infer<typeof CreateMovementRequest>;
export const UpdateMovementRequest = z
  .object({ ...movementFields, version })
  .meta({ id: 'UpdateMovementRequest' });
export type UpdateMovementRequest = z.infer<typeof UpdateMovementRequest>;
export const MovementList = z.object({ items: z.array(Movement) }).meta({ id: 'MovementList' });
export type MovementList = z.infer<typeof MovementList>;

// ---------------------------------------------------------------- incidents

export const Incident = z
  .object({
    id: Uuid,
    unitCode: z.string(),
    unitName: z.string(),
    occurredAt: IsoDateTime,
    cause: IncidentCause,
    placeType: PlaceType,
    placeDescription: z.string().nullable(),
    age: z.number().int(),
    sex: Sex.nullable(),
    outcome: IncidentOutcome,
    childId: Uuid.nullable(),
    childName: z.string().nullable().describe('only for callers who may read the registry'),
    description: z.string().nullable(),
    canEdit: z.boolean(),
    version: z.number().int(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'Incident' });
export type Incident = z.infer<typeof Incident>;

const incidentFields = {
  occurredAt: IsoDateTime,
  cause: IncidentCause,
  placeType: PlaceType,
  placeDescription: OptionalText(300),
  age: z.number().int().min(0).max(17),
  sex: Sex.nullish().transform((v) => v ?? null),
  outcome: IncidentOutcome,
  childId: Uuid.nullish().transform((v) => v ?? null),
  description: OptionalText(3000),
};
export const CreateIncidentRequest = z
  .object({
    unit: UnitRef.optional().describe('the commune where it happened; default the caller’s'),
    ...incidentFields,
  })
  .meta({ id: 'CreateIncidentRequest' });
export type CreateIncidentRequest = z.infer<typeof CreateIncidentRequest>;
export const UpdateIncidentRequest = z
  .object({ ...incidentFields, version })
  .meta({ id: 'UpdateIncidentRequest' });
export type UpdateIncidentRequest = z.infer<typeof UpdateIncidentRequest>;

export const IncidentQuery = PageQuery.extend({
  cause: IncidentCause.optional(),
  outcome: IncidentOutcome.optional(),
  year: QueryYear.optional(),
  unit: UnitRef.optional(),
});
export type IncidentQuery = z.infer<typeof IncidentQuery>;
export const IncidentList = z
  .object({ items: z.array(Incident), nextCursor: z.string().nullable() })
  .meta({ id: 'IncidentList' });
export type IncidentList = z.infer<typeof IncidentList>;

const Tally = z.object({ incidents: z.number().int(), deaths: z.number().int() });

/** `GET /api/v1/incidents/drowning`: drownings of a unit over a span of years. */
export const DrowningView = z
  .object({
    unitCode: z.string(),
    unitName: z.string(),
    yearFrom: z.number().int(),
    yearTo: z.number().int(),
    total: Tally,
    byYear: z.array(Tally.extend({ year: z.number().int() })),
    byMonth: z.array(Tally.extend({ month: z.number().int() })).describe('12 rows, January first'),
    bySeason: z.array(Tally.extend({ season: Season })),
    summerHoliday: Tally.describe('June to August'),
    byPlaceType: z.array(Tally.extend({ placeType: PlaceType })),
    byAgeGroup: z.array(Tally.extend({ ageGroup: IncidentAgeGroup })),
    bySex: z.array(Tally.extend({ sex: z.enum(['male', 'female', 'unknown']) })),
  })
  .meta({ id: 'DrowningView' });
export type DrowningView = z.infer<typeof DrowningView>;

export const DrowningQuery = z.object({
  unit: UnitRef.optional(),
  yearFrom: QueryYear.optional().describe('default ten years back'),
  yearTo: QueryYear.optional().describe('default this year'),
});
export type DrowningQuery = z.infer<typeof DrowningQuery>;

/** `GET /api/v1/incidents/summary`: incidents by cause and year. */
export const IncidentSummary = z
  .object({
    unitCode: z.string(),
    rows: z.array(Tally.extend({ year: z.number().int(), cause: IncidentCause })),
  })
  .meta({ id: 'IncidentSummary' });
export type IncidentSummary = z.infer<typeof IncidentSummary>;

// ---------------------------------------------------------------- facilities

export const Facility = z
  .object({
    id: Uuid,
    unitCode: z.string(),
    unitName: z.string(),
    kind: FacilityKind,
    name: z.string(),
    address: z.string().nullable(),
    condition: FacilityCondition,
    capacity: z.number().int().nullable().describe('children at a time'),
    note: z.string().nullable(),
    canEdit: z.boolean(),
    version: z.number().int(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Facility' });
export type Facility = z.infer<typeof Facility>;

const facilityFields = {
  kind: FacilityKind,
  name: Text(300),
  address: OptionalText(300),
  condition: FacilityCondition,
  capacity: z
    .number()
    .int()
    .min(0)
    .max(100_000)
    .nullish()
    .transform((v) => v ?? null),
  note: OptionalText(1000),
};
export const CreateFacilityRequest = z
  .object({ unit: UnitRef.optional(), ...facilityFields })
  .meta({ id: 'CreateFacilityRequest' });
export type CreateFacilityRequest = z.infer<typeof CreateFacilityRequest>;
export const UpdateFacilityRequest = z
  .object({ ...facilityFields, version })
  .meta({ id: 'UpdateFacilityRequest' });
export type UpdateFacilityRequest = z.infer<typeof UpdateFacilityRequest>;

export const FacilityQuery = PageQuery.extend({
  kind: FacilityKind.optional(),
  condition: FacilityCondition.optional(),
  unit: UnitRef.optional(),
});
export type FacilityQuery = z.infer<typeof FacilityQuery>;
export const FacilityList = z
  .object({ items: z.array(Facility), nextCursor: z.string().nullable() })
  .meta({ id: 'FacilityList' });
export type FacilityList = z.infer<typeof FacilityList>;

/** One commune-level unit's facilities against its children: where places are missing. */
export const FacilityCoverageRow = z
  .object({
    unitCode: z.string(),
    unitName: z.string(),
    children: z.number().int().describe('active registered children'),
    byKind: z.array(z.object({ kind: FacilityKind, inUse: z.number().int(), capacity: z.number().int() })),
    playPlaces: z.number().int().describe('play, culture and swimming places in use'),
    childrenPerPlayPlace: z.number().nullable(),
    missing: z.array(FacilityKind).describe('kinds of play place the unit has none of in use'),
  })
  .meta({ id: 'FacilityCoverageRow' });
export type FacilityCoverageRow = z.infer<typeof FacilityCoverageRow>;
export const FacilityCoverage = z
  .object({ unitCode: z.string(), rows: z.array(FacilityCoverageRow) })
  .meta({ id: 'FacilityCoverage' });
export type FacilityCoverage = z.infer<typeof FacilityCoverage>;
