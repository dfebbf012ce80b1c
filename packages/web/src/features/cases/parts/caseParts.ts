import {
  type AddCasePersonRequest,
  type Art63Condition,
  type Art63Conditions,
  art63ConditionInfo,
  type Case,
  type CasePerson,
  type CasePersonRole,
  type CreatePlacementRequest,
  type CreateServiceProviderRequest,
  facilityProviderKinds,
  type PlacementKind,
  type ReferralStatus,
  type ServiceProvider,
  type ServiceProviderKind,
  type UpdateServiceProviderRequest,
  unmetArt63Conditions,
} from '@tuoitho/domain';

/**
 * Pure helpers of the people, referral, placement and provider screens: form values to API
 * requests, the Art. 63 checklist, status labels and colours. No React here, so they are tested
 * without a browser.
 */

/** A text field of a form: trimmed, and left out when blank. */
export function optionalText(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Whether the officer may add or change the parts of a case: it is open and they may act on it. */
export function canEditCaseParts(caseData: Pick<Case, 'allowedActions' | 'status'>): boolean {
  return caseData.allowedActions.length > 0 && caseData.status !== 'closed';
}

// People ------------------------------------------------------------------------------------------

export interface PersonFormValues {
  role: CasePersonRole;
  childId?: string | undefined;
  fullName?: string | undefined;
  relationship?: string | undefined;
  yearOfBirth?: number | null | undefined;
  phone?: string | undefined;
  address?: string | undefined;
  note?: string | undefined;
}

/** The "Thêm người" form as `POST /cases/{id}/people`: a registry child only for role `child`. */
export function personFormToRequest(values: PersonFormValues): AddCasePersonRequest {
  const childId = values.role === 'child' ? optionalText(values.childId) : undefined;
  return {
    role: values.role,
    ...(childId ? { childId } : {}),
    fullName: optionalText(values.fullName),
    relationship: optionalText(values.relationship),
    yearOfBirth: values.yearOfBirth ?? undefined,
    phone: optionalText(values.phone),
    address: optionalText(values.address),
    note: optionalText(values.note),
  };
}

/** Whether the name must be typed: always, unless a registry child is chosen. */
export function isPersonNameRequired(values: Pick<PersonFormValues, 'role' | 'childId'>): boolean {
  return !(values.role === 'child' && values.childId);
}

export const personRoleColors: Record<CasePersonRole, string> = {
  child: 'blue',
  caregiver: 'green',
  alleged_perpetrator: 'red',
  other: 'default',
};

/** Alleged perpetrators first, then caregivers, children and others; removed people last. */
export function sortPeople(people: readonly CasePerson[]): CasePerson[] {
  const order: Record<CasePersonRole, number> = { alleged_perpetrator: 0, caregiver: 1, child: 2, other: 3 };
  return [...people].sort(
    (a, b) =>
      Number(a.removedAt !== null) - Number(b.removedAt !== null) ||
      order[a.role] - order[b.role] ||
      a.createdAt.localeCompare(b.createdAt),
  );
}

// Referrals ---------------------------------------------------------------------------------------

export const referralStatusColors: Record<ReferralStatus, string> = {
  pending: 'gold',
  accepted: 'blue',
  declined: 'red',
  done: 'green',
};

/** The buttons of a referral: one per allowed next status, declining in red, with its message key. */
export function referralStatusActions(
  nextStatuses: readonly ReferralStatus[],
): Array<{ status: ReferralStatus; labelKey: string; isDanger: boolean }> {
  return nextStatuses.map((status) => ({
    status,
    labelKey: `caseParts.referrals.move.${status}`,
    isDanger: status === 'declined',
  }));
}

// Placements --------------------------------------------------------------------------------------

export const art63Conditions = Object.keys(art63ConditionInfo) as Art63Condition[];

/** A checklist with nothing ticked yet. */
export function emptyArt63(): Art63Conditions {
  return Object.fromEntries(art63Conditions.map((key) => [key, false])) as Art63Conditions;
}

/** Ticked boxes (a partial record from the form) as the full checklist. */
export function art63FromChecked(checked: readonly string[] | undefined): Art63Conditions {
  const ticked = new Set(checked ?? []);
  return Object.fromEntries(art63Conditions.map((key) => [key, ticked.has(key)])) as Art63Conditions;
}

/** Whether a family placement may be submitted: every Art. 63 condition ticked. */
export function isArt63Complete(checked: readonly string[] | undefined): boolean {
  return unmetArt63Conditions(art63FromChecked(checked)).length === 0;
}

export function isFamilyPlacement(kind: PlacementKind | undefined): boolean {
  return kind === 'kinship' || kind === 'non_relative_family';
}

export interface PlacementFormValues {
  kind: PlacementKind;
  providerId?: string | undefined;
  carerName?: string | undefined;
  carerRelationship?: string | undefined;
  carerAddress?: string | undefined;
  carerPhone?: string | undefined;
  art63?: string[] | undefined;
  startDate: string;
  plannedEndDate?: string | null | undefined;
}

/** "Bố trí chăm sóc thay thế" as `POST /placements`: the provider of a facility, else the carer. */
export function placementFormToRequest(values: PlacementFormValues): CreatePlacementRequest {
  const dates = {
    startDate: values.startDate,
    plannedEndDate: values.plannedEndDate ? values.plannedEndDate : undefined,
  };
  if (values.kind === 'facility') {
    return { kind: values.kind, providerId: values.providerId, ...dates };
  }
  return {
    kind: values.kind,
    carer: {
      fullName: values.carerName?.trim() ?? '',
      relationship: optionalText(values.carerRelationship),
      address: optionalText(values.carerAddress),
      phone: optionalText(values.carerPhone),
    },
    art63: art63FromChecked(values.art63),
    ...dates,
  };
}

/** Providers that may take a child in a facility placement. */
export function facilityProviders(providers: readonly ServiceProvider[]): ServiceProvider[] {
  return providers.filter((provider) => provider.isActive && facilityProviderKinds.includes(provider.kind));
}

// Service providers -------------------------------------------------------------------------------

export interface ProviderFormValues {
  unitCode?: string | undefined;
  kind: ServiceProviderKind;
  name: string;
  address?: string | undefined;
  phone?: string | undefined;
  contactPerson?: string | undefined;
  note?: string | undefined;
}

/** The add form as `POST /service-providers`. */
export function providerFormToCreate(
  values: ProviderFormValues,
  unitCode: string,
): CreateServiceProviderRequest {
  return {
    unitCode,
    kind: values.kind,
    name: values.name.trim(),
    address: optionalText(values.address),
    phone: optionalText(values.phone),
    contactPerson: optionalText(values.contactPerson),
    note: optionalText(values.note),
  };
}

/** The edit form as `PATCH /service-providers/{id}`: only the changed fields (cleared ones as null). */
export function providerFormToUpdate(
  provider: ServiceProvider,
  values: ProviderFormValues,
): UpdateServiceProviderRequest {
  const changes: UpdateServiceProviderRequest = { version: provider.version };
  if (values.kind !== provider.kind) changes.kind = values.kind;
  const name = values.name.trim();
  if (name !== provider.name) changes.name = name;
  for (const field of ['address', 'phone', 'contactPerson', 'note'] as const) {
    const next = optionalText(values[field]) ?? null;
    if (next !== provider[field]) changes[field] = next;
  }
  return changes;
}

/** Providers grouped by their unit, the province's first, each group sorted by kind then name. */
export function groupProvidersByUnit(providers: readonly ServiceProvider[]): Array<{
  unitCode: string;
  unitName: string;
  unitLevel: ServiceProvider['unitLevel'];
  items: ServiceProvider[];
}> {
  const groups = new Map<string, ServiceProvider[]>();
  for (const provider of providers) {
    groups.set(provider.unitCode, [...(groups.get(provider.unitCode) ?? []), provider]);
  }
  return [...groups.entries()]
    .map(([unitCode, items]) => ({
      unitCode,
      unitName: items[0]?.unitName ?? unitCode,
      unitLevel: items[0]?.unitLevel ?? 'commune',
      items: [...items].sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'vi')),
    }))
    .sort(
      (a, b) =>
        Number(a.unitLevel === 'commune') - Number(b.unitLevel === 'commune') ||
        a.unitName.localeCompare(b.unitName, 'vi'),
    );
}
