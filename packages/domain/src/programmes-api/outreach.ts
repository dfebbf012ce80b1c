import { z } from 'zod';
import { Count, OptionalText, QueryYear, Text, UnitRef, version, Year } from '../api-fields';
import { Sex } from '../catalogues/child-attributes';
import { IsoDate, IsoDateTime, PageQuery, Uuid } from '../common';
import { IncidentAgeGroup, Season } from '../programmes/calendar';
import {
  CommunicationAudience,
  CommunicationChannel,
  FacilityCondition,
  FacilityKind,
  IncidentCause,
  IncidentOutcome,
  PlaceType,
} from '../programmes/catalogue';

/** Communication and movements, incidents and the drowning view, facilities and coverage. */

// ---------------------------------------------------------------- communication and movements

export const Communication = z
  .object({
    id: Uuid,
    unitCode: z.string(),
    unitName: z.string(),
    programmeId: Uuid.nullable(),
    programmeName: z.string().nullable(),
    heldOn: IsoDate,
    channel: CommunicationChannel,
    audience: CommunicationAudience,
    title: z.string(),
    reachCount: z.number().int(),
    materials: z.string().nullable().describe('leaflets, posters, broadcasts… and how many'),
    canEdit: z.boolean(),
    version: z.number().int(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'Communication' });
export type Communication = z.infer<typeof Communication>;

const communicationFields = {
  programmeId: Uuid.nullish().transform((v) => v ?? null),
  heldOn: IsoDate,
  channel: CommunicationChannel,
  audience: CommunicationAudience,
  title: Text(300),
  reachCount: Count,
  materials: OptionalText(1000),
};
export const CreateCommunicationRequest = z
  .object({ unit: UnitRef.optional(), ...communicationFields })
  .meta({ id: 'CreateCommunicationRequest' });
export type CreateCommunicationRequest = z.infer<typeof CreateCommunicationRequest>;
export const UpdateCommunicationRequest = z
  .object({ ...communicationFields, version })
  .meta({ id: 'UpdateCommunicationRequest' });
export type UpdateCommunicationRequest = z.infer<typeof UpdateCommunicationRequest>;

export const CommunicationQuery = PageQuery.extend({
  channel: CommunicationChannel.optional(),
  programmeId: Uuid.optional(),
  year: QueryYear.optional(),
  unit: UnitRef.optional(),
});
export type CommunicationQuery = z.infer<typeof CommunicationQuery>;
export const CommunicationList = z
  .object({
    items: z.array(Communication),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'CommunicationList' });
export type CommunicationList = z.infer<typeof CommunicationList>;

export const CommunicationSummary = z
  .object({
    year: z.number().int().nullable(),
    byChannel: z.array(
      z.object({ channel: CommunicationChannel, events: z.number().int(), reach: z.number().int() }),
    ),
    total: z.object({ events: z.number().int(), reach: z.number().int() }),
  })
  .meta({ id: 'CommunicationSummary' });
export type CommunicationSummary = z.infer<typeof CommunicationSummary>;

export const MovementParticipation = z
  .object({ unitCode: z.string(), unitName: z.string(), year: z.number().int(), note: z.string().nullable() })
  .meta({ id: 'MovementParticipation' });
export type MovementParticipation = z.infer<typeof MovementParticipation>;

export const Movement = z
  .object({
    id: Uuid,
    unitCode: z.string(),
    unitName: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    yearFrom: z.number().int(),
    yearTo: z.number().int().nullable(),
    participations: z.array(MovementParticipation),
    canEdit: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Movement' });
export type Movement = z.infer<typeof Movement>;

const movementFields = {
  name: Text(300),
  description: OptionalText(5000),
  yearFrom: Year,
  yearTo: Year.nullish().transform((v) => v ?? null),
  participations: z
    .array(z.object({ unitCode: UnitRef, year: Year, note: OptionalText(300) }))
    .max(2000)
    .default([]),
};
export const CreateMovementRequest = z
  .object({ unit: UnitRef.optional(), ...movementFields })
  .meta({ id: 'CreateMovementRequest' });
export type CreateMovementRequest = z.infer<typeof CreateMovementRequest>;
export const UpdateMovementRequest = z
  .object({ ...movementFields, version })
  .meta({ id: 'UpdateMovementRequest' });
export type UpdateMovementRequest = z.infer<typeof UpdateMovementRequest>;
export const MovementList = z.object({ items: z.array(Movement) }).meta({ id: 'MovementList' });
export type MovementList = z.infer<typeof MovementList>;

// ---------------------------------------------------------------- incidents

export const Incident = z
  .object({
    id: Uuid,
    unitCode: z.string(),
    unitName: z.string(),
    occurredAt: IsoDateTime,
    cause: IncidentCause,
    placeType: PlaceType,
    placeDescription: z.string().nullable(),
    age: z.number().int(),
    sex: Sex.nullable(),
    outcome: IncidentOutcome,
    childId: Uuid.nullable(),
    childName: z.string().nullable().describe('only for callers who may read the registry'),
    description: z.string().nullable(),
    canEdit: z.boolean(),
    version: z.number().int(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'Incident' });
export type Incident = z.infer<typeof Incident>;

const incidentFields = {
  occurredAt: IsoDateTime,
  cause: IncidentCause,
  placeType: PlaceType,
  placeDescription: OptionalText(300),
  age: z.number().int().min(0).max(17),
  sex: Sex.nullish().transform((v) => v ?? null),
  outcome: IncidentOutcome,
  childId: Uuid.nullish().transform((v) => v ?? null),
  description: OptionalText(3000),
};
export const CreateIncidentRequest = z
  .object({
    unit: UnitRef.optional().describe('the commune where it happened; default the caller’s'),
    ...incidentFields,
  })
  .meta({ id: 'CreateIncidentRequest' });
export type CreateIncidentRequest = z.infer<typeof CreateIncidentRequest>;
export const UpdateIncidentRequest = z
  .object({ ...incidentFields, version })
  .meta({ id: 'UpdateIncidentRequest' });
export type UpdateIncidentRequest = z.infer<typeof UpdateIncidentRequest>;

export const IncidentQuery = PageQuery.extend({
  cause: IncidentCause.optional(),
  outcome: IncidentOutcome.optional(),
  year: QueryYear.optional(),
  unit: UnitRef.optional(),
});
export type IncidentQuery = z.infer<typeof IncidentQuery>;
export const IncidentList = z
  .object({ items: z.array(Incident), nextCursor: z.string().nullable() })
  .meta({ id: 'IncidentList' });
export type IncidentList = z.infer<typeof IncidentList>;

const Tally = z.object({ incidents: z.number().int(), deaths: z.number().int() });

/** `GET /api/v1/incidents/drowning`: drownings of a unit over a span of years. */
export const DrowningView = z
  .object({
    unitCode: z.string(),
    unitName: z.string(),
    yearFrom: z.number().int(),
    yearTo: z.number().int(),
    total: Tally,
    byYear: z.array(Tally.extend({ year: z.number().int() })),
    byMonth: z.array(Tally.extend({ month: z.number().int() })).describe('12 rows, January first'),
    bySeason: z.array(Tally.extend({ season: Season })),
    summerHoliday: Tally.describe('June to August'),
    byPlaceType: z.array(Tally.extend({ placeType: PlaceType })),
    byAgeGroup: z.array(Tally.extend({ ageGroup: IncidentAgeGroup })),
    bySex: z.array(Tally.extend({ sex: z.enum(['male', 'female', 'unknown']) })),
  })
  .meta({ id: 'DrowningView' });
export type DrowningView = z.infer<typeof DrowningView>;

export const DrowningQuery = z.object({
  unit: UnitRef.optional(),
  yearFrom: QueryYear.optional().describe('default ten years back'),
  yearTo: QueryYear.optional().describe('default this year'),
});
export type DrowningQuery = z.infer<typeof DrowningQuery>;

/** `GET /api/v1/incidents/summary`: incidents by cause and year. */
export const IncidentSummary = z
  .object({
    unitCode: z.string(),
    rows: z.array(Tally.extend({ year: z.number().int(), cause: IncidentCause })),
  })
  .meta({ id: 'IncidentSummary' });
export type IncidentSummary = z.infer<typeof IncidentSummary>;

// ---------------------------------------------------------------- facilities

export const Facility = z
  .object({
    id: Uuid,
    unitCode: z.string(),
    unitName: z.string(),
    kind: FacilityKind,
    name: z.string(),
    address: z.string().nullable(),
    condition: FacilityCondition,
    capacity: z.number().int().nullable().describe('children at a time'),
    note: z.string().nullable(),
    canEdit: z.boolean(),
    version: z.number().int(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Facility' });
export type Facility = z.infer<typeof Facility>;

const facilityFields = {
  kind: FacilityKind,
  name: Text(300),
  address: OptionalText(300),
  condition: FacilityCondition,
  capacity: z
    .number()
    .int()
    .min(0)
    .max(100_000)
    .nullish()
    .transform((v) => v ?? null),
  note: OptionalText(1000),
};
export const CreateFacilityRequest = z
  .object({ unit: UnitRef.optional(), ...facilityFields })
  .meta({ id: 'CreateFacilityRequest' });
export type CreateFacilityRequest = z.infer<typeof CreateFacilityRequest>;
export const UpdateFacilityRequest = z
  .object({ ...facilityFields, version })
  .meta({ id: 'UpdateFacilityRequest' });
export type UpdateFacilityRequest = z.infer<typeof UpdateFacilityRequest>;

export const FacilityQuery = PageQuery.extend({
  kind: FacilityKind.optional(),
  condition: FacilityCondition.optional(),
  unit: UnitRef.optional(),
});
export type FacilityQuery = z.infer<typeof FacilityQuery>;
export const FacilityList = z
  .object({ items: z.array(Facility), nextCursor: z.string().nullable() })
  .meta({ id: 'FacilityList' });
export type FacilityList = z.infer<typeof FacilityList>;

/** One commune-level unit's facilities against its children: where places are missing. */
export const FacilityCoverageRow = z
  .object({
    unitCode: z.string(),
    unitName: z.string(),
    children: z.number().int().describe('active registered children'),
    byKind: z.array(z.object({ kind: FacilityKind, inUse: z.number().int(), capacity: z.number().int() })),
    playPlaces: z.number().int().describe('play, culture and swimming places in use'),
    childrenPerPlayPlace: z.number().nullable(),
    missing: z.array(FacilityKind).describe('kinds of play place the unit has none of in use'),
  })
  .meta({ id: 'FacilityCoverageRow' });
export type FacilityCoverageRow = z.infer<typeof FacilityCoverageRow>;
export const FacilityCoverage = z
  .object({ unitCode: z.string(), rows: z.array(FacilityCoverageRow) })
  .meta({ id: 'FacilityCoverage' });
export type FacilityCoverage = z.infer<typeof FacilityCoverage>;
