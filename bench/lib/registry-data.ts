// Generated children as rows of the `child` and `child_special_circumstance` tables, in COPY text,
// and the plan that spreads a data set over the communes of a province.
import { randomUUID } from 'node:crypto';
import { type CreateChildRequest, referenceBirthDate } from '@tuoitho/domain';
import { spreadOverUnits } from '../../packages/server/src/cli/generate';
import { peopleFolded } from '../../packages/server/src/modules/children/children.generate';
import type { LoadedGenerationUnit } from '../../packages/server/src/modules/children/children.seed';
import { copyJson, copyRow, copyTextArray, copyValue } from './pg-copy';

/** The columns the benchmarks COPY into `child` (generated and defaulted columns left out). */
export const CHILD_COPY_COLUMNS = [
  'id',
  'unit_id',
  'full_name',
  'sex',
  'date_of_birth',
  'birth_reference_date',
  'personal_id',
  'ethnicity',
  'birth_registration',
  'village',
  'address',
  'household',
  'caregivers',
  'education',
  'health',
  'at_risk',
  'people_folded',
  'note',
  'status',
  'status_changed_at',
] as const;

export const CIRCUMSTANCE_COPY_COLUMNS = [
  'child_id',
  'group_code',
  'subgroup_code',
  'start_date',
  'end_date',
  'source',
  'note',
] as const;

export const copyStatement = (table: string, columns: readonly string[]) =>
  `COPY ${table} (${columns.join(', ')}) FROM STDIN`;

/** A generated child as a COPY row of `child` (id chosen here so the groups can refer to it). */
export function childCopyRow(id: string, unitId: number, child: CreateChildRequest, at: string): string {
  return copyRow([
    id,
    String(unitId),
    copyValue(child.fullName),
    child.sex,
    child.dateOfBirth,
    referenceBirthDate(child.dateOfBirth),
    copyValue(child.personalId ?? null),
    copyValue(child.ethnicity ?? null),
    copyJson(child.birthRegistration),
    copyValue(child.residence?.village ?? null),
    copyValue(child.residence?.address ?? null),
    copyJson(child.household),
    copyJson(child.caregivers ?? []),
    copyJson(child.education),
    copyJson(child.health),
    copyTextArray(child.atRisk ?? []),
    copyValue(peopleFolded(child)),
    copyValue(child.note ?? null),
    'active',
    `${at} 00:00:00+07`,
  ]);
}

/** The child's groups of special circumstances as COPY rows of `child_special_circumstance`. */
export function circumstanceCopyRows(childId: string, child: CreateChildRequest): string[] {
  return (child.specialCircumstances ?? []).map((entry) =>
    copyRow([
      childId,
      copyValue(entry.group),
      copyValue(entry.subgroup ?? null),
      entry.startDate,
      copyValue(entry.endDate ?? null),
      copyValue(entry.source ?? null),
      copyValue(entry.note ?? null),
    ]),
  );
}

export const newChildId = () => randomUUID();

/**
 * How many children each commune of the province gets: `focusShare` of them in the focus commune
 * (so a commune officer's scope holds a known, sizeable share), the rest spread as
 * `tuoitho generate` spreads them (wards larger than communes, a seeded size factor each).
 */
export function planProvinceSpread(
  units: readonly LoadedGenerationUnit[],
  total: number,
  seed: number,
  focus: { code: string; share: number },
): Array<{ unit: LoadedGenerationUnit; count: number }> {
  const focused = Math.round(total * focus.share);
  const counts = spreadOverUnits(total - focused, units, seed);
  return units.map((unit, i) => ({ unit, count: counts[i]! + (unit.code === focus.code ? focused : 0) }));
}

/** What a query mix needs to know of a generated child (kept for a sample of them). */
export type SampledChild = {
  unitCode: string;
  fullName: string;
  personalId: string | null;
  relativeNames: string[];
};

export const sampleOf = (child: CreateChildRequest): SampledChild => ({
  unitCode: child.unitCode,
  fullName: child.fullName,
  personalId: child.personalId ?? null,
  relativeNames: [
    ...(child.household?.headName ? [child.household.headName] : []),
    ...(child.caregivers ?? []).map((c) => c.fullName),
  ],
});
