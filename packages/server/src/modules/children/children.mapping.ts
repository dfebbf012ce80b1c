import {
  ageAt,
  BirthRegistration,
  Caregiver,
  type Child,
  type ChildListItem,
  type ChildPendingTransfer,
  dateOfBirthPrecision,
  Education,
  Health,
  Household,
  type SpecialCircumstance,
  vietnamToday,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { Actor } from '../../platform/http/route';
import { childAbilities } from './children.policy';
import type { ChildRepo } from './children.types';

type Row = ChildRepo['row'];
type ScRow = ChildRepo['specialCircumstanceRow'];
type PendingTransferRow = ChildRepo['pendingTransferRow'];

// jsonb parts are parsed back into domain types at the repository boundary so drift fails loudly.
const parsePart = <T extends z.ZodType>(schema: T, value: unknown): z.output<T> | null =>
  value === null || value === undefined ? null : schema.parse(value);

/** The API form of a stored group of special circumstances. */
export function toSpecialCircumstance(r: ScRow, today: string): SpecialCircumstance {
  return {
    id: r.id,
    group: r.group_code as SpecialCircumstance['group'],
    subgroup: r.subgroup_code,
    startDate: r.start_date,
    endDate: r.end_date,
    source: r.source,
    note: r.note,
    confirmedBy: r.confirmed_by ? { id: r.confirmed_by, fullName: r.confirmed_by_name ?? '' } : null,
    confirmedAt: r.created_at.toISOString(),
    isCurrent: r.start_date <= today && (r.end_date === null || r.end_date >= today),
  };
}

/** What the child row does not hold: its pending transfer, the survivor it was merged into. */
export type ChildExtras = {
  pendingTransfer?: PendingTransferRow | undefined;
  /** The survivor's name when it lies in the caller's subtree. */
  mergedIntoName?: string | undefined;
};

function toPendingTransfer(t: PendingTransferRow): ChildPendingTransfer {
  return {
    id: t.id,
    toUnit: { code: t.to_code, name: t.to_name },
    reason: t.reason,
    requestedBy: t.requested_by ? { id: t.requested_by, fullName: t.requested_by_name ?? '' } : null,
    requestedAt: t.requested_at.toISOString(),
  };
}

/** The API form of a stored child. */
export function toChild(actor: Actor, r: Row, groups: ScRow[], extras: ChildExtras = {}): Child {
  const today = vietnamToday();
  const household = parsePart(Household, r.household);
  const residence = r.village || r.address ? { village: r.village, address: r.address } : null;
  return {
    id: r.id,
    version: r.version,
    fullName: r.full_name,
    sex: r.sex,
    dateOfBirth: r.date_of_birth,
    dateOfBirthPrecision: dateOfBirthPrecision(r.date_of_birth),
    ageYears: ageAt(r.date_of_birth, today),
    unitCode: r.unit_code,
    unitName: r.unit_full_name,
    personalId: r.personal_id,
    ethnicity: r.ethnicity as Child['ethnicity'],
    birthRegistration: parsePart(BirthRegistration, r.birth_registration),
    residence,
    household,
    caregivers: z.array(Caregiver).parse(r.caregivers ?? []),
    education: parsePart(Education, r.education),
    health: parsePart(Health, r.health),
    specialCircumstances: groups.map((g) => toSpecialCircumstance(g, today)),
    atRisk: r.at_risk as Child['atRisk'],
    note: r.note,
    status: r.status,
    statusChangedAt: r.status_changed_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    turned6On: r.turned_6_on,
    pendingTransfer: extras.pendingTransfer ? toPendingTransfer(extras.pendingTransfer) : null,
    mergedInto: r.merged_into ? { id: r.merged_into, fullName: extras.mergedIntoName ?? null } : null,
    mergedAt: r.merged_at?.toISOString() ?? null,
    abilities: childAbilities(actor, r, Boolean(extras.pendingTransfer)),
  };
}

/** The list form of a stored child: current groups only. */
export function toListItem(r: Row, groups: ScRow[], at: string): ChildListItem {
  const household = r.household as { headName?: string | null } | null;
  const caregivers = (r.caregivers ?? []) as Array<{ fullName: string }>;
  return {
    id: r.id,
    version: r.version,
    fullName: r.full_name,
    sex: r.sex,
    dateOfBirth: r.date_of_birth,
    dateOfBirthPrecision: dateOfBirthPrecision(r.date_of_birth),
    ageYears: ageAt(r.date_of_birth, at),
    unitCode: r.unit_code,
    unitName: r.unit_full_name,
    personalId: r.personal_id,
    village: r.village,
    householdHeadName: household?.headName ?? null,
    caregiverNames: caregivers.map((c) => c.fullName),
    specialCircumstanceGroups: [
      ...new Set(
        groups
          .filter((g) => g.start_date <= at && (g.end_date === null || g.end_date >= at))
          .map((g) => g.group_code as ChildListItem['specialCircumstanceGroups'][number]),
      ),
    ],
    atRisk: r.at_risk as ChildListItem['atRisk'],
    status: r.status,
    turned6On: r.turned_6_on,
  };
}
