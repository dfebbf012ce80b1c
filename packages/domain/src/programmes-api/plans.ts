import { z } from 'zod';
import { OptionalText, QueryYear, Text, UnitRef, Vnd, version, Year } from '../api-fields';
import { IsoDate, IsoDateTime, PageQuery, Uuid } from '../common';
import { ActivityKind, DocumentType, FundingSource, ProgrammeKind } from '../programmes/catalogue';
import { ProgrammeIndicatorCode, TargetDirection, TargetStatus } from '../programmes/indicators';

/** Documents and plans, programmes with targets, budget and progress. */

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
