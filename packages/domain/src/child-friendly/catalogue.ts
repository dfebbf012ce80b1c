import { z } from 'zod';
import { Label } from '../catalogues/labels';

/**
 * Vocabulary of the child-friendly commune assessment (Quyết định 06/QĐ-TTg ngày 03/01/2019,
 * Quy định kèm theo, Điều 2–3): 13 criteria, each with scored indicators, a total out of 1000 and
 * a pass threshold depending on the kind of commune. Law is data: the catalogue below is stored in
 * the database and only its unverified items may be edited by an administrator.
 */

export const CF_LEGAL_REF = 'Quyết định 06/QĐ-TTg (03/01/2019), Quy định kèm theo, Điều 2–3';

/**
 * Figures the server computes from live data for a commune and a year (see the server module
 * `child-friendly.figures.ts` for the exact definitions).
 */
export const CfSystemFigure = z
  .enum([
    'birth_registration',
    'special_circumstance_supported',
    'protection_plan_on_time',
    'child_injuries',
    'drowning_deaths',
    'preschool_5y',
    'activities_held',
  ])
  .meta({ id: 'CfSystemFigure' });
export type CfSystemFigure = z.infer<typeof CfSystemFigure>;

export const cfSystemFigureLabels: Record<CfSystemFigure, Label> = {
  birth_registration: {
    vi: 'Tỷ lệ trẻ em trong sổ theo dõi đã được đăng ký khai sinh',
    en: 'Registered children whose birth is registered',
  },
  special_circumstance_supported: {
    vi: 'Tỷ lệ trẻ em có hoàn cảnh đặc biệt đang được hưởng trợ giúp hoặc được quản lý trường hợp',
    en: 'Children in special circumstances with an active benefit or a case',
  },
  protection_plan_on_time: {
    vi: 'Tỷ lệ vụ việc xâm hại tình dục, bỏ rơi, mua bán trẻ em có kế hoạch hỗ trợ được phê duyệt đúng hạn',
    en: 'Sexual-abuse, abandonment and trafficking cases with a plan approved on time',
  },
  child_injuries: { vi: 'Số trẻ em bị tai nạn, thương tích trong năm', en: 'Child injuries in the year' },
  drowning_deaths: {
    vi: 'Số trẻ em tử vong do đuối nước trong năm',
    en: 'Child drowning deaths in the year',
  },
  preschool_5y: { vi: 'Tỷ lệ trẻ em 5 tuổi đi học mẫu giáo', en: '5-year-olds attending preschool' },
  activities_held: {
    vi: 'Số hoạt động vui chơi, giải trí, văn hóa, thể thao, kỹ năng tổ chức cho trẻ em trong năm',
    en: 'Activities held for children in the year',
  },
};

/** `percent` values are 0..100; `count` values are whole numbers. */
export const CfMeasure = z.enum(['percent', 'count']).meta({ id: 'CfMeasure' });
export type CfMeasure = z.infer<typeof CfMeasure>;

/** `at_least`: a band is reached when the value is ≥ its threshold; `at_most`: when ≤ it. */
export const CfDirection = z.enum(['at_least', 'at_most']).meta({ id: 'CfDirection' });
export type CfDirection = z.infer<typeof CfDirection>;

const Points = z.number().min(0).max(1000);

/**
 * How an indicator is scored, as data:
 * - `yes_no`: `points` when the answer is yes, 0 otherwise;
 * - `bands`: the value (percent or count) is compared with each band's threshold in `direction`;
 *   the best reached band gives its points, none reached gives 0. `noCasePoints`, when set, is
 *   given when the figure has no case to measure (a denominator of 0, e.g. no abuse case in the
 *   year) instead of requiring a value;
 * - `manual`: the assessor enters the points, 0..max.
 */
const scoringRuleOptions = [
  z.object({ kind: z.literal('yes_no'), points: Points }),
  z.object({
    kind: z.literal('bands'),
    measure: CfMeasure,
    direction: CfDirection,
    bands: z
      .array(z.object({ threshold: z.number().min(0), points: Points }))
      .min(1)
      .max(10),
    noCasePoints: Points.nullable(),
  }),
  z.object({ kind: z.literal('manual') }),
] as const;
export const CfScoringRule = z
  .discriminatedUnion('kind', [...scoringRuleOptions])
  .meta({ id: 'CfScoringRule' });
export type CfScoringRule = z.infer<typeof CfScoringRule>;
export type CfScoringRuleInput = z.input<typeof CfScoringRule>;

export const CfSource = z.enum(['system', 'manual']).meta({ id: 'CfSource' });
export type CfSource = z.infer<typeof CfSource>;

const indicatorShape = {
  code: z.string().regex(/^\d{1,2}\.\d{1,2}$/),
  name: Label,
  maxPoints: Points,
  rule: CfScoringRule,
  source: CfSource,
  systemFigure: CfSystemFigure.nullable(),
  /** True when the indicator and its scoring are as given in the Decision; false: "chưa xác minh". */
  verified: z.boolean(),
};
export const CfIndicator = z.object(indicatorShape).meta({ id: 'CfIndicator' });
export type CfIndicator = z.infer<typeof CfIndicator>;

const criterionShape = {
  number: z.number().int().min(1).max(13),
  name: Label,
  maxPoints: Points,
  maxPointsVerified: z.boolean(),
  /** The points at which the criterion counts as met; half of the maximum by default (unverified). */
  passPoints: Points,
  passPointsVerified: z.boolean(),
  /** The criterion itself (its name) is in the Decision. */
  verified: z.boolean(),
  legalRef: z.string(),
};
export const CfCriterion = z
  .object({ ...criterionShape, indicators: z.array(CfIndicator).min(1).max(20) })
  .meta({ id: 'CfCriterion' });
export type CfCriterion = z.infer<typeof CfCriterion>;

/**
 * The same criterion as a request body: unnamed copies, because OpenAPI keeps one schema per name
 * and a request's input form differs from a response's output form.
 */
export const CfCriterionInput = z.object({
  ...criterionShape,
  indicators: z
    .array(z.object({ ...indicatorShape, rule: z.discriminatedUnion('kind', [...scoringRuleOptions]) }))
    .min(1)
    .max(20),
});

export const CfCatalogue = z
  .object({
    legalRef: z.string(),
    maxTotal: z.number().int(),
    maxTotalVerified: z.boolean(),
    criteria: z.array(CfCriterion).length(13),
  })
  .meta({ id: 'CfCatalogue' });
export type CfCatalogue = z.infer<typeof CfCatalogue>;

/** The kind of commune-level unit, which sets the total a commune needs (Điều 3). */
export const CfUnitCategory = z
  .enum(['central_city_ward', 'mountain_island_disadvantaged', 'other'])
  .meta({ id: 'CfUnitCategory' });
export type CfUnitCategory = z.infer<typeof CfUnitCategory>;

export interface CfUnitCategoryDefinition {
  code: CfUnitCategory;
  label: Label;
  minPoints: number;
  legalRef: string;
  verified: boolean;
}

export const cfUnitCategories: Record<CfUnitCategory, CfUnitCategoryDefinition> = {
  central_city_ward: {
    code: 'central_city_ward',
    label: {
      vi: 'Phường thuộc quận, thị xã, thành phố của thành phố trực thuộc trung ương',
      en: 'Ward of a centrally-run city',
    },
    minPoints: 900,
    legalRef: CF_LEGAL_REF,
    verified: true,
  },
  mountain_island_disadvantaged: {
    code: 'mountain_island_disadvantaged',
    label: {
      vi: 'Xã, thị trấn miền núi, hải đảo; xã đặc biệt khó khăn',
      en: 'Mountain or island commune; extremely disadvantaged commune',
    },
    minPoints: 800,
    legalRef: CF_LEGAL_REF,
    verified: true,
  },
  other: {
    code: 'other',
    label: { vi: 'Xã, phường, thị trấn còn lại', en: 'Other communes and wards' },
    minPoints: 850,
    legalRef: CF_LEGAL_REF,
    verified: true,
  },
};

/** Shown next to every item whose content is not confirmed against the Decision. */
export const CF_UNVERIFIED_LABEL: Label = { vi: 'chưa xác minh', en: 'unverified' };
