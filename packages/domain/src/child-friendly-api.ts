import { z } from 'zod';
import { OptionalText, UnitRef, version, Year } from './api-fields';
import { Label } from './catalogues/labels';
import { CfCatalogue, CfCriterionInput, CfSystemFigure, CfUnitCategory } from './child-friendly/catalogue';
import { IsoDate, IsoDateTime, PageQuery, Uuid } from './common';
import { StoredFile } from './programmes-api';

/**
 * The HTTP contract of the child-friendly commune assessment (`/api/v1/child-friendly/...`):
 *
 * - `GET  /catalogue` (any reader) · `PUT /catalogue` (`catalogs.manage`; only unverified items change)
 * - `GET  /unit-categories?unit=` (communes of the subtree with their category)
 *   · `PUT /unit-categories/{unitCode}` (`catalogs.manage` or `childfriendly.review`, unit in scope)
 * - `GET  /settings` · `PUT /settings` (`catalogs.manage`): the level that recognises (province by default)
 * - `GET  /assessments?unit=&year=&status=&limit=&cursor=` · `POST /assessments` {unit, year}
 *   (`childfriendly.assess`, own commune; values pre-filled from the system)
 * - `GET  /assessments/{id}` · `PUT /assessments/{id}` (values, notes; drafts and returned only)
 * - `POST /assessments/{id}/refresh` (re-read system figures) · `POST /assessments/{id}/submit`
 * - `POST /assessments/{id}/review` (`childfriendly.review` at the competent level: review,
 *   recognise with decision number and date, or return with a reason)
 * - `POST /assessments/{id}/evidence?indicator=&fileName=` (raw PDF/JPEG/PNG/WebP body)
 *   · `GET /evidence/{fileId}/file` · `DELETE /evidence/{fileId}`
 * - `GET  /comparison?unit=&yearFrom=&yearTo=` (communes × years)
 */

// ---------------------------------------------------------------- catalogue and settings

export const CfCatalogueResponse = CfCatalogue.extend({
  version: z.number().int(),
  updatedAt: IsoDateTime,
  canEdit: z.boolean(),
}).meta({ id: 'CfCatalogueResponse' });
export type CfCatalogueResponse = z.infer<typeof CfCatalogueResponse>;

export const UpdateCfCatalogueRequest = z
  .object({ version, criteria: z.array(CfCriterionInput).length(13) })
  .meta({ id: 'UpdateCfCatalogueRequest' });
export type UpdateCfCatalogueRequest = z.infer<typeof UpdateCfCatalogueRequest>;

export const CfUnitCategoryDefinitionSchema = z
  .object({
    code: CfUnitCategory,
    label: Label,
    minPoints: z.number().int(),
    legalRef: z.string(),
    verified: z.boolean(),
  })
  .meta({ id: 'CfUnitCategoryDefinition' });

export const CfUnitCategoryEntry = z
  .object({
    unitCode: z.string(),
    unitName: z.string(),
    category: CfUnitCategory,
    /** True when nothing was set for the unit: it counts as `other`. */
    isDefault: z.boolean(),
    version: z.number().int().describe('0 when nothing was set yet'),
    canEdit: z.boolean(),
  })
  .meta({ id: 'CfUnitCategoryEntry' });
export type CfUnitCategoryEntry = z.infer<typeof CfUnitCategoryEntry>;

export const CfUnitCategoryQuery = z.object({ unit: UnitRef.optional() });
export type CfUnitCategoryQuery = z.infer<typeof CfUnitCategoryQuery>;
export const CfUnitCategoryList = z
  .object({ categories: z.array(CfUnitCategoryDefinitionSchema), items: z.array(CfUnitCategoryEntry) })
  .meta({ id: 'CfUnitCategoryList' });
export type CfUnitCategoryList = z.infer<typeof CfUnitCategoryList>;

export const UpdateCfUnitCategoryRequest = z
  .object({
    category: CfUnitCategory,
    version: z.number().int().min(0).describe('0 when nothing was set yet'),
  })
  .meta({ id: 'UpdateCfUnitCategoryRequest' });
export type UpdateCfUnitCategoryRequest = z.infer<typeof UpdateCfUnitCategoryRequest>;

/** The levels that may be configured as recognising (the district level ended on 30/06/2025). */
export const CfRecognisingLevel = z.enum(['province', 'district']).meta({ id: 'CfRecognisingLevel' });
export type CfRecognisingLevel = z.infer<typeof CfRecognisingLevel>;

export const CfSettings = z
  .object({
    recognisingLevel: CfRecognisingLevel,
    recognisingBody: z.string().describe('as printed on decisions, e.g. "Chủ tịch UBND tỉnh"'),
    version: z.number().int(),
    updatedAt: IsoDateTime,
    canEdit: z.boolean(),
  })
  .meta({ id: 'CfSettings' });
export type CfSettings = z.infer<typeof CfSettings>;
export const UpdateCfSettingsRequest = z
  .object({
    recognisingLevel: CfRecognisingLevel,
    recognisingBody: z.string().trim().min(1).max(200),
    version,
  })
  .meta({ id: 'UpdateCfSettingsRequest' });
export type UpdateCfSettingsRequest = z.infer<typeof UpdateCfSettingsRequest>;

// ---------------------------------------------------------------- assessments

/** draft (self-assessment) → submitted → reviewed (optional) → recognised | returned (editable again). */
export const CfAssessmentStatus = z
  .enum(['draft', 'submitted', 'reviewed', 'recognised', 'returned'])
  .meta({ id: 'CfAssessmentStatus' });
export type CfAssessmentStatus = z.infer<typeof CfAssessmentStatus>;
export const cfAssessmentStatusLabels: Record<CfAssessmentStatus, Label> = {
  draft: { vi: 'Đang tự đánh giá', en: 'Self-assessment' },
  submitted: { vi: 'Đã gửi thẩm định', en: 'Submitted' },
  reviewed: { vi: 'Đã thẩm định', en: 'Reviewed' },
  recognised: { vi: 'Đã công nhận', en: 'Recognised' },
  returned: { vi: 'Trả lại để bổ sung', en: 'Returned' },
};
/** The statuses in which the commune may still change values. */
export const CF_EDITABLE_STATUSES: readonly CfAssessmentStatus[] = ['draft', 'returned'];

/** A figure computed from live data, with what it was computed from. */
export const CfSystemValue = z
  .object({
    figure: CfSystemFigure,
    value: z.number().nullable().describe('null when there is nothing to measure (denominator 0)'),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    asOf: IsoDate,
  })
  .meta({ id: 'CfSystemValue' });
export type CfSystemValue = z.infer<typeof CfSystemValue>;

export const CfAssessmentValue = z
  .object({
    code: z.string(),
    value: z.number().nullable().describe('bands: the percent or count used for scoring'),
    yes: z.boolean().nullable(),
    points: z.number().nullable().describe('manual: the points given; otherwise the computed points'),
    system: CfSystemValue.nullable(),
    overridden: z.boolean().describe('the assessor replaced the system value (see note)'),
    note: z.string().nullable(),
    evidenceNote: z.string().nullable(),
    files: z.array(StoredFile),
  })
  .meta({ id: 'CfAssessmentValue' });
export type CfAssessmentValue = z.infer<typeof CfAssessmentValue>;

export const CfIndicatorScoreSchema = z.object({
  code: z.string(),
  points: z.number(),
  maxPoints: z.number(),
  missing: z.boolean(),
});
export const CfScore = z
  .object({
    criteria: z.array(
      z.object({
        number: z.number().int(),
        points: z.number(),
        maxPoints: z.number(),
        passPoints: z.number(),
        met: z.boolean(),
        indicators: z.array(CfIndicatorScoreSchema),
      }),
    ),
    total: z.number(),
    maxTotal: z.number(),
    category: CfUnitCategory,
    threshold: z.number(),
    passed: z.boolean(),
    failures: z.array(
      z.object({
        reason: z.enum(['criterion_not_met', 'criterion_zero', 'total_below_threshold']),
        criterion: z.number().int().nullable(),
      }),
    ),
    missing: z.array(z.string()),
  })
  .meta({ id: 'CfScore' });
export type CfScore = z.infer<typeof CfScore>;

export const CfAssessmentEvent = z
  .object({
    action: z.enum(['created', 'updated', 'refreshed', 'submitted', 'reviewed', 'recognised', 'returned']),
    at: IsoDateTime,
    actorName: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'CfAssessmentEvent' });
export type CfAssessmentEvent = z.infer<typeof CfAssessmentEvent>;

export const CfAssessmentSummary = z
  .object({
    id: Uuid,
    unitCode: z.string(),
    unitName: z.string(),
    year: z.number().int(),
    status: CfAssessmentStatus,
    category: CfUnitCategory,
    total: z.number(),
    threshold: z.number(),
    passed: z.boolean(),
    decisionNumber: z.string().nullable(),
    decisionDate: IsoDate.nullable(),
    version: z.number().int(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'CfAssessmentSummary' });
export type CfAssessmentSummary = z.infer<typeof CfAssessmentSummary>;

export const CfAssessment = CfAssessmentSummary.extend({
  catalogue: CfCatalogue.describe(
    'the catalogue the assessment is scored with (copied at creation and refresh)',
  ),
  values: z.array(CfAssessmentValue),
  score: CfScore,
  returnReason: z.string().nullable(),
  reviewNote: z.string().nullable(),
  submittedAt: IsoDateTime.nullable(),
  reviewedAt: IsoDateTime.nullable(),
  recognisedAt: IsoDateTime.nullable(),
  history: z.array(CfAssessmentEvent),
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canReview: z.boolean(),
  createdAt: IsoDateTime,
}).meta({ id: 'CfAssessment' });
export type CfAssessment = z.infer<typeof CfAssessment>;

export const CfAssessmentQuery = PageQuery.extend({
  unit: UnitRef.optional().describe('assessments of this unit’s subtree; default the caller’s'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: CfAssessmentStatus.optional(),
});
export type CfAssessmentQuery = z.infer<typeof CfAssessmentQuery>;
export const CfAssessmentList = z
  .object({ items: z.array(CfAssessmentSummary), nextCursor: z.string().nullable() })
  .meta({ id: 'CfAssessmentList' });
export type CfAssessmentList = z.infer<typeof CfAssessmentList>;

export const CreateCfAssessmentRequest = z
  .object({
    unit: z
      .string()
      .regex(/^\d{5}$/, { message: 'unit_code' })
      .optional()
      .describe('default the caller’s commune'),
    year: Year,
  })
  .meta({ id: 'CreateCfAssessmentRequest' });
export type CreateCfAssessmentRequest = z.infer<typeof CreateCfAssessmentRequest>;

/**
 * One indicator's entry. For a system indicator, `value` null keeps the system figure; a number
 * replaces it and then requires a `note` (kept with the assessment).
 */
export const CfValueInput = z.object({
  code: z.string().max(10),
  value: z
    .number()
    .min(0)
    .max(1_000_000)
    .nullish()
    .transform((v) => v ?? null),
  yes: z
    .boolean()
    .nullish()
    .transform((v) => v ?? null),
  points: z
    .number()
    .min(0)
    .max(1000)
    .nullish()
    .transform((v) => v ?? null),
  note: OptionalText(2000),
  evidenceNote: OptionalText(2000),
});
export type CfValueInput = z.infer<typeof CfValueInput>;
export const UpdateCfAssessmentRequest = z
  .object({ version, values: z.array(CfValueInput).max(100) })
  .meta({ id: 'UpdateCfAssessmentRequest' });
export type UpdateCfAssessmentRequest = z.infer<typeof UpdateCfAssessmentRequest>;

export const CfVersionRequest = z.object({ version }).meta({ id: 'CfVersionRequest' });
export type CfVersionRequest = z.infer<typeof CfVersionRequest>;

export const CfReviewRequest = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('review'), version, note: OptionalText(2000) }),
    z.object({
      action: z.literal('recognise'),
      version,
      decisionNumber: z.string().trim().min(1).max(60),
      decisionDate: IsoDate,
      note: OptionalText(2000),
    }),
    z.object({ action: z.literal('return'), version, reason: z.string().trim().min(1).max(2000) }),
  ])
  .meta({ id: 'CfReviewRequest' });
export type CfReviewRequest = z.infer<typeof CfReviewRequest>;

export const CfEvidenceQuery = z.object({
  indicator: z.string().max(10),
  fileName: z.string().trim().min(1).max(200),
});
export type CfEvidenceQuery = z.infer<typeof CfEvidenceQuery>;

// ---------------------------------------------------------------- comparison

export const CfComparisonQuery = z.object({
  unit: UnitRef.optional(),
  yearFrom: z.coerce.number().int().min(2000).max(2100),
  yearTo: z.coerce.number().int().min(2000).max(2100),
});
export type CfComparisonQuery = z.infer<typeof CfComparisonQuery>;

export const CfComparison = z
  .object({
    years: z.array(z.number().int()),
    units: z.array(
      z.object({
        unitCode: z.string(),
        unitName: z.string(),
        category: CfUnitCategory,
        cells: z.array(
          z.object({
            year: z.number().int(),
            assessmentId: Uuid.nullable(),
            status: CfAssessmentStatus.nullable(),
            total: z.number().nullable(),
            passed: z.boolean().nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'CfComparison' });
export type CfComparison = z.infer<typeof CfComparison>;
