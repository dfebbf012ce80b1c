import { type CreateChildRequest, referenceBirthDate } from '@tuoitho/domain';
import type { ChildValues, SpecialCircumstanceValues } from './children.repo';

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** The names a child can be found by besides their own: household head and caregivers. */
export function peopleText(
  household: { headName?: string | null } | null | undefined,
  caregivers: Array<{ fullName: string }>,
): string {
  return [household?.headName ?? '', ...caregivers.map((c) => c.fullName)].join(' ').trim();
}

/** The table columns of a new child (shared by registration and import). */
export function childValuesOf(input: CreateChildRequest, unitId: number): ChildValues {
  const caregivers = input.caregivers ?? [];
  return {
    unit_id: unitId,
    full_name: input.fullName,
    sex: input.sex,
    date_of_birth: input.dateOfBirth,
    birth_reference_date: referenceBirthDate(input.dateOfBirth),
    personal_id: input.personalId ?? null,
    ethnicity: input.ethnicity ?? null,
    birth_registration: json(input.birthRegistration),
    village: input.residence?.village ?? null,
    address: input.residence?.address ?? null,
    household: json(input.household),
    caregivers: JSON.stringify(caregivers),
    education: json(input.education),
    health: json(input.health),
    at_risk: input.atRisk ?? [],
    people: peopleText(input.household, caregivers),
    note: input.note ?? null,
  };
}

/** The special-circumstance rows of a new or edited child. */
export function specialCircumstanceValuesOf(
  list: NonNullable<CreateChildRequest['specialCircumstances']>,
): SpecialCircumstanceValues[] {
  return list.map((s) => ({
    id: s.id,
    group: s.group,
    subgroup: s.subgroup ?? null,
    startDate: s.startDate,
    endDate: s.endDate ?? null,
    source: s.source ?? null,
    note: s.note ?? null,
  }));
}
