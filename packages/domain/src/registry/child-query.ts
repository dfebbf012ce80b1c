import { z } from 'zod';
import {
  AtRiskFlag,
  ChildStatus,
  DisabilityType,
  EnrolmentStatus,
  Sex,
} from '../catalogues/child-attributes';
import {
  parseSpecialCircumstanceGroupCode,
  SpecialCircumstanceGroupCode,
} from '../catalogues/special-circumstances';
import { IsoDate, IsoDateTime, PageQuery } from '../common';
import { UnitCode } from '../units';
import { TURNED_6_RECENT_DAYS } from './child-lifecycle';
import { MAX_RECORD_AGE } from './date-of-birth';

/** Order of a list; `-` for descending. `relevance` ranks name matches of `q` first. */
export const ChildSort = z
  .enum([
    'relevance',
    'name',
    '-name',
    'dateOfBirth',
    '-dateOfBirth',
    'createdAt',
    '-createdAt',
    'updatedAt',
    '-updatedAt',
  ])
  .meta({ id: 'ChildSort' });
export type ChildSort = z.infer<typeof ChildSort>;

/** A comma-separated query parameter read as a list of values of `item` (`group=a,đ`). */
function commaList<T extends z.ZodType<unknown, string>>(
  item: T,
  read: (value: string) => string = (value) => value,
) {
  return z
    .string()
    .max(200)
    .transform((value) =>
      value
        .split(',')
        .map((part) => read(part.trim()))
        .filter((part) => part.length > 0),
    )
    .pipe(z.array(item).min(1));
}

const Age = z.coerce.number().int().min(0).max(MAX_RECORD_AGE);

/**
 * `GET /api/v1/children`. Always limited by the server to the caller's unit subtree; `unit`
 * narrows it further. Ages are whole years at `at` (default today); a year-only date of birth
 * counts from 1 July. `q` matches the child's name ignoring diacritics, case and word order,
 * a personal id, or the name of the household head or a caregiver.
 */
export const ChildListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  unit: UnitCode.optional().describe('unit code (any level): children of its subtree'),
  at: IsoDate.optional().describe('date of the ages and of current groups; default today'),
  ageFrom: Age.optional(),
  ageTo: Age.optional(),
  sex: Sex.optional(),
  group: commaList(
    z.enum([...SpecialCircumstanceGroupCode.options, 'any'], { message: 'special_circumstance_group' }),
    (value) => (value === 'any' ? value : (parseSpecialCircumstanceGroupCode(value) ?? value)),
  )
    .optional()
    .describe('groups, comma-separated (dd for đ); any = in some group'),
  atRisk: commaList(z.enum([...AtRiskFlag.options, 'any']))
    .optional()
    .describe('at-risk flags, comma-separated; any = some flag'),
  schoolStatus: EnrolmentStatus.optional(),
  disability: z
    .enum(['any', 'none', ...DisabilityType.options])
    .optional()
    .describe('any = with a disability, none = without, or a type'),
  turned6: z
    .enum(['recent'])
    .optional()
    .describe('recent = the 6th birthday recorded by the daily job lies in the last `turned6Days` days'),
  turned6Days: z.coerce
    .number()
    .int()
    .min(1)
    .max(366)
    .optional()
    .describe(`window of turned6=recent in days; default ${TURNED_6_RECENT_DAYS}`),
  status: z
    .enum([...ChildStatus.options, 'all'])
    .default('active')
    .describe('default active: children who left stay in history'),
  sort: ChildSort.optional().describe('default: relevance when q is given, otherwise name'),
}).superRefine((query, ctx) => {
  if (query.ageFrom !== undefined && query.ageTo !== undefined && query.ageFrom > query.ageTo) {
    ctx.addIssue({ code: 'custom', path: ['ageTo'], message: 'age_range' });
  }
});
export type ChildListQuery = z.infer<typeof ChildListQuery>;

/** A list filter saved by a user under a name; `query` is the list's query string. */
export const SavedChildFilter = z
  .object({
    id: z.uuid(),
    name: z.string(),
    query: z.string().describe('query string of GET /api/v1/children without limit and cursor'),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'SavedChildFilter' });
export type SavedChildFilter = z.infer<typeof SavedChildFilter>;

export const SaveChildFilterRequest = z
  .object({ name: z.string().trim().min(1).max(100), query: z.string().max(2000) })
  .meta({ id: 'SaveChildFilterRequest' });
export type SaveChildFilterRequest = z.infer<typeof SaveChildFilterRequest>;
