import type {
  Communication,
  CommunicationAudience,
  CommunicationChannel,
  CreateCommunicationRequest,
  CreateFacilityRequest,
  CreateIncidentRequest,
  CreateMovementRequest,
  Facility,
  FacilityCondition,
  FacilityKind,
  Incident,
  IncidentCause,
  IncidentOutcome,
  Movement,
  PlaceType,
  Sex,
} from '@tuoitho/domain';

/**
 * Form values of communication events, movements, incidents and facilities, and their
 * conversion to the API's requests (text trimmed, empty optional text sent as null).
 */

function optionalText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed ? trimmed : null;
}

// ---------------------------------------------------------------- communication

export interface CommunicationFormValues {
  unit?: string | undefined;
  heldOn: string;
  channel: CommunicationChannel;
  audience: CommunicationAudience;
  title: string;
  reachCount: number;
  materials?: string | null | undefined;
  programmeId?: string | null | undefined;
}

/** The create request; `unit` is left out when it is the caller's own (the server's default). */
export function communicationFormToRequest(values: CommunicationFormValues): CreateCommunicationRequest {
  return {
    ...(values.unit ? { unit: values.unit } : {}),
    programmeId: values.programmeId ?? null,
    heldOn: values.heldOn,
    channel: values.channel,
    audience: values.audience,
    title: values.title.trim(),
    reachCount: values.reachCount,
    materials: optionalText(values.materials),
  };
}

export function communicationToFormValues(item: Communication): CommunicationFormValues {
  return {
    unit: item.unitCode,
    heldOn: item.heldOn,
    channel: item.channel,
    audience: item.audience,
    title: item.title,
    reachCount: item.reachCount,
    materials: item.materials,
    programmeId: item.programmeId,
  };
}

// ---------------------------------------------------------------- movements

export interface MovementFormValues {
  unit?: string | undefined;
  name: string;
  description?: string | null | undefined;
  yearFrom: number;
  yearTo?: number | null | undefined;
  participations?: Array<{ unitCode?: string; year?: number; note?: string | null }> | undefined;
}

/** The create request; incomplete participation rows are dropped and duplicates kept once. */
export function movementFormToRequest(values: MovementFormValues): CreateMovementRequest {
  const seen = new Set<string>();
  const participations: CreateMovementRequest['participations'] = [];
  for (const row of values.participations ?? []) {
    if (!row.unitCode || !row.year) continue;
    const key = `${row.unitCode}:${row.year}`;
    if (seen.has(key)) continue;
    seen.add(key);
    participations.push({ unitCode: row.unitCode, year: row.year, note: optionalText(row.note) });
  }
  return {
    ...(values.unit ? { unit: values.unit } : {}),
    name: values.name.trim(),
    description: optionalText(values.description),
    yearFrom: values.yearFrom,
    yearTo: values.yearTo ?? null,
    participations,
  };
}

export function movementToFormValues(movement: Movement): MovementFormValues {
  return {
    unit: movement.unitCode,
    name: movement.name,
    description: movement.description,
    yearFrom: movement.yearFrom,
    yearTo: movement.yearTo,
    participations: movement.participations.map((row) => ({
      unitCode: row.unitCode,
      year: row.year,
      note: row.note,
    })),
  };
}

/** The participating units of a movement grouped by year, the latest year first. */
export function participationsByYear(
  movement: Pick<Movement, 'participations'>,
): Array<{ year: number; units: string[] }> {
  const byYear = new Map<number, string[]>();
  for (const row of movement.participations) {
    const units = byYear.get(row.year) ?? [];
    units.push(row.unitName);
    byYear.set(row.year, units);
  }
  return [...byYear]
    .sort(([a], [b]) => b - a)
    .map(([year, units]) => ({ year, units: units.sort((a, b) => a.localeCompare(b, 'vi')) }));
}

// ---------------------------------------------------------------- incidents

export interface IncidentFormValues {
  unit?: string | undefined;
  /** ISO 8601 with `+07:00` (the picker works on Vietnam's wall clock). */
  occurredAt: string;
  cause: IncidentCause;
  placeType: PlaceType;
  placeDescription?: string | null | undefined;
  age: number;
  sex?: Sex | null | undefined;
  outcome: IncidentOutcome;
  childId?: string | null | undefined;
  description?: string | null | undefined;
}

export function incidentFormToRequest(values: IncidentFormValues): CreateIncidentRequest {
  return {
    ...(values.unit ? { unit: values.unit } : {}),
    occurredAt: values.occurredAt,
    cause: values.cause,
    placeType: values.placeType,
    placeDescription: optionalText(values.placeDescription),
    age: values.age,
    sex: values.sex ?? null,
    outcome: values.outcome,
    childId: values.childId ?? null,
    description: optionalText(values.description),
  };
}

export function incidentToFormValues(incident: Incident): IncidentFormValues {
  return {
    unit: incident.unitCode,
    occurredAt: incident.occurredAt,
    cause: incident.cause,
    placeType: incident.placeType,
    placeDescription: incident.placeDescription,
    age: incident.age,
    sex: incident.sex,
    outcome: incident.outcome,
    childId: incident.childId,
    description: incident.description,
  };
}

// ---------------------------------------------------------------- facilities

export interface FacilityFormValues {
  unit?: string | undefined;
  kind: FacilityKind;
  name: string;
  address?: string | null | undefined;
  condition: FacilityCondition;
  capacity?: number | null | undefined;
  note?: string | null | undefined;
}

export function facilityFormToRequest(values: FacilityFormValues): CreateFacilityRequest {
  return {
    ...(values.unit ? { unit: values.unit } : {}),
    kind: values.kind,
    name: values.name.trim(),
    address: optionalText(values.address),
    condition: values.condition,
    capacity: values.capacity ?? null,
    note: optionalText(values.note),
  };
}

export function facilityToFormValues(facility: Facility): FacilityFormValues {
  return {
    unit: facility.unitCode,
    kind: facility.kind,
    name: facility.name,
    address: facility.address,
    condition: facility.condition,
    capacity: facility.capacity,
    note: facility.note,
  };
}

/** Drops `unit` from a create request: an update keeps the record's unit. */
export function withoutUnit<T extends { unit?: string | undefined }>(request: T): Omit<T, 'unit'> {
  const { unit: _unit, ...rest } = request;
  return rest;
}
