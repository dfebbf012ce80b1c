import { type Child, circumstancesToMove, isRecentlyTurned6, mergeChildRecords } from '@tuoitho/domain';
import { formatDateOfBirth } from './childText';

/** The fields compared side by side before a merge, in the order they are shown. */
export const MERGE_PREVIEW_FIELDS = [
  'fullName',
  'sex',
  'dateOfBirth',
  'personalId',
  'unit',
  'village',
  'address',
  'headName',
  'caregivers',
  'groups',
  'atRisk',
  'note',
] as const;
export type MergePreviewField = (typeof MERGE_PREVIEW_FIELDS)[number];

/** One line of the comparison: the value of each record and after the merge (plain text). */
export interface MergePreviewRow {
  field: MergePreviewField;
  survivor: string;
  duplicate: string;
  merged: string;
  /** The merge adds something the survivor did not have. */
  isFilled: boolean;
}

type Shown = Pick<
  Child,
  | 'fullName'
  | 'sex'
  | 'dateOfBirth'
  | 'personalId'
  | 'unitName'
  | 'residence'
  | 'household'
  | 'caregivers'
  | 'specialCircumstances'
  | 'atRisk'
  | 'note'
>;

function fieldText(child: Shown, field: MergePreviewField): string {
  switch (field) {
    case 'fullName':
      return child.fullName;
    case 'sex':
      return child.sex;
    case 'dateOfBirth':
      return formatDateOfBirth(child.dateOfBirth);
    case 'personalId':
      return child.personalId ?? '';
    case 'unit':
      return child.unitName;
    case 'village':
      return child.residence?.village ?? '';
    case 'address':
      return child.residence?.address ?? '';
    case 'headName':
      return child.household?.headName ?? '';
    case 'caregivers':
      return child.caregivers.map((c) => c.fullName).join(', ');
    case 'groups':
      return [...new Set(child.specialCircumstances.map((s) => s.group))].sort().join(', ');
    case 'atRisk':
      return child.atRisk.join(', ');
    case 'note':
      return child.note ?? '';
  }
}

/**
 * What a merge will give, field by field, computed with the same domain rule as the server
 * (`mergeChildRecords`, `circumstancesToMove`): the survivor keeps its values and gains what it
 * lacks. Codes (sex, at-risk flags) stay codes; the page turns them into labels.
 */
export function mergePreview(survivor: Child, duplicate: Child): MergePreviewRow[] {
  const parts = mergeChildRecords(survivor, duplicate);
  const { move } = circumstancesToMove(survivor.specialCircumstances, duplicate.specialCircumstances);
  const merged: Shown = {
    ...survivor,
    dateOfBirth: parts.dateOfBirth ?? survivor.dateOfBirth,
    personalId: parts.personalId ?? survivor.personalId,
    residence: parts.residence !== undefined ? (parts.residence ?? null) : survivor.residence,
    household: parts.household !== undefined ? (parts.household ?? null) : survivor.household,
    caregivers: (parts.caregivers as Child['caregivers'] | undefined) ?? survivor.caregivers,
    atRisk: (parts.atRisk as Child['atRisk'] | undefined) ?? survivor.atRisk,
    note: parts.note ?? survivor.note,
    specialCircumstances: [
      ...survivor.specialCircumstances,
      ...duplicate.specialCircumstances.filter((s) => move.includes(s.id)),
    ],
  };
  return MERGE_PREVIEW_FIELDS.map((field) => {
    const before = fieldText(survivor, field);
    const after = fieldText(merged, field);
    return {
      field,
      survivor: before,
      duplicate: fieldText(duplicate, field),
      merged: after,
      isFilled: after !== before,
    };
  });
}

/** Whether the "Đủ 6 tuổi … — hết BHYT" tag shows for a child today (the last 90 days). */
export function showsTurned6Tag(child: Pick<Child, 'turned6On' | 'status'>, today: string): boolean {
  return child.status === 'active' && isRecentlyTurned6(child.turned6On, today);
}
