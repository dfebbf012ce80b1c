import { z } from 'zod';
import type { Child, UpdateChildRequest } from './child';
import { periodsOverlap } from './child-rules';
import { parseDateOfBirth } from './date-of-birth';
import { foldVietnamese } from './vietnamese-text';

/**
 * Merging two records of the same child. The record kept (the survivor) keeps its id, name and
 * sex; what it lacks is taken from the duplicate, which stays in the database marked as merged
 * so that its history and old links still resolve.
 */

/** `POST /api/v1/children/{id}/merge`: `{id}` survives, `duplicateId` is merged into it. */
export const MergeChildrenRequest = z
  .object({
    duplicateId: z.uuid(),
    version: z.number().int().min(0).describe('version of the survivor as read'),
    duplicateVersion: z.number().int().min(0).describe('version of the duplicate as read'),
  })
  .meta({ id: 'MergeChildrenRequest' });
export type MergeChildrenRequest = z.infer<typeof MergeChildrenRequest>;

/** The parts of a record the merge looks at. */
export type MergeableChild = Pick<
  Child,
  | 'dateOfBirth'
  | 'personalId'
  | 'ethnicity'
  | 'birthRegistration'
  | 'residence'
  | 'household'
  | 'caregivers'
  | 'education'
  | 'health'
  | 'atRisk'
  | 'note'
>;

/** The parts of the survivor that change: an update without `version` (absent = unchanged). */
export type MergedParts = Omit<UpdateChildRequest, 'version' | 'fullName' | 'sex' | 'specialCircumstances'>;

const isEmpty = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** A part of the survivor with its empty fields filled from the duplicate's (one level deep). */
function fillPart<T extends Record<string, unknown>>(kept: T | null, other: T | null): T | null {
  if (!other) return kept;
  if (!kept) return other;
  const result: Record<string, unknown> = { ...kept };
  for (const [key, value] of Object.entries(other)) {
    if (isEmpty(result[key]) && !isEmpty(value)) result[key] = value;
  }
  return result as T;
}

const samePart = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const caregiverKey = (c: { fullName: string; relationship: string }) =>
  `${foldVietnamese(c.fullName)}|${c.relationship}`;

/** The most caregivers a record holds (`CreateChildRequest.caregivers`). */
const MAX_CAREGIVERS = 10;

/**
 * Caregivers of both records without repeats: the same folded name and relationship is one
 * person, whose missing phone is taken from the other record and who is a guardian if either says so.
 */
export function mergeCaregivers(kept: Child['caregivers'], other: Child['caregivers']): Child['caregivers'] {
  const byKey = new Map(kept.map((c) => [caregiverKey(c), { ...c }]));
  for (const c of other) {
    const found = byKey.get(caregiverKey(c));
    if (found) {
      if (isEmpty(found.phone) && !isEmpty(c.phone)) found.phone = c.phone ?? null;
      found.isGuardian = found.isGuardian || c.isGuardian;
    } else {
      byKey.set(caregiverKey(c), { ...c });
    }
  }
  return [...byKey.values()].slice(0, MAX_CAREGIVERS);
}

/**
 * What the survivor gains from the duplicate: empty fields filled (inside household, residence,
 * education, health and birth registration field by field), caregivers and at-risk flags joined,
 * and a full date of birth instead of a year when the duplicate has one in the same year.
 * Only the parts that change are returned.
 */
export function mergeChildRecords(survivor: MergeableChild, duplicate: MergeableChild): MergedParts {
  const parts: MergedParts = {};
  const kept = parseDateOfBirth(survivor.dateOfBirth);
  const other = parseDateOfBirth(duplicate.dateOfBirth);
  if (kept?.precision === 'year' && other?.precision === 'day' && other.year === kept.year) {
    parts.dateOfBirth = duplicate.dateOfBirth;
  }
  if (isEmpty(survivor.personalId) && !isEmpty(duplicate.personalId)) parts.personalId = duplicate.personalId;
  if (isEmpty(survivor.ethnicity) && !isEmpty(duplicate.ethnicity)) parts.ethnicity = duplicate.ethnicity;
  if (isEmpty(survivor.note) && !isEmpty(duplicate.note)) parts.note = duplicate.note;
  const objectParts = ['birthRegistration', 'residence', 'household', 'education', 'health'] as const;
  for (const key of objectParts) {
    const filled = fillPart<Record<string, unknown>>(survivor[key], duplicate[key]);
    if (!samePart(filled, survivor[key])) Object.assign(parts, { [key]: filled });
  }
  const caregivers = mergeCaregivers(survivor.caregivers, duplicate.caregivers);
  if (!samePart(caregivers, survivor.caregivers)) parts.caregivers = caregivers;
  const atRisk = [...new Set([...survivor.atRisk, ...duplicate.atRisk])];
  if (atRisk.length !== survivor.atRisk.length) parts.atRisk = atRisk;
  return parts;
}

type Circumstance = { id: string; group: string; startDate: string; endDate: string | null };

/**
 * Which groups of special circumstances of the duplicate move to the survivor: all but those of
 * a group the survivor already records over an overlapping period (they would be the same group
 * twice); those stay on the merged record, where its page still shows them.
 */
export function circumstancesToMove(
  survivor: readonly Circumstance[],
  duplicate: readonly Circumstance[],
): { move: string[]; keep: string[] } {
  const move: string[] = [];
  const keep: string[] = [];
  for (const entry of duplicate) {
    const clash = survivor.some((s) => s.group === entry.group && periodsOverlap(s, entry));
    (clash ? keep : move).push(entry.id);
  }
  return { move, keep };
}
