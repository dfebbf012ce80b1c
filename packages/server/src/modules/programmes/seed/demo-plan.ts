import {
  type ActivityKind,
  addCalendarDays,
  type CommunicationAudience,
  type CommunicationChannel,
  type DocumentType,
  type FacilityCondition,
  type FacilityKind,
  type FundingSource,
  type IncidentCause,
  type IncidentOutcome,
  type ParticipantGroup,
  type PlaceType,
  type ProgrammeIndicatorCode,
  type ProgrammeKind,
  type TargetDirection,
  weekdayOf,
} from '@tuoitho/domain';
import type { SchoolSet } from '../../children/generate-data/places';
import type { Random } from '../../children/generate-data/random';

/**
 * The demo data of the programmes module as plain values: the planners build these from the
 * demo area and registry, the writer inserts them. References between records are keys
 * (`drowning`, `am/14812/2024`), never database ids, so a plan is pure and comparable.
 */

/** Code of the province the demo area belongs to (Thanh Hóa), keeping unit of national documents. */
export const DEMO_PROVINCE_CODE = '38';

/** A demo ward: code, names, and the former ward whose People's Committee acted before 1/7/2025. */
export type DemoWard = {
  code: string;
  /** "Bỉm Sơn". */
  name: string;
  /** "Phường Bỉm Sơn". */
  fullName: string;
  /** "Phường Ba Đình": the main former ward (the 2025 reform merged several into this one). */
  formerName: string;
  /** Residential groups (tổ dân phố) of the ward. */
  groups: number;
  /** Has the permanent swimming pool of the area (the other ward has none: a coverage gap). */
  hasPool: boolean;
  /** The schools of the ward, as the demo registry names them. */
  schools: SchoolSet;
};

/** A registry child as the planners need it (ages, ward, sex, village; ids only to link). */
export type DemoChild = {
  id: string;
  unitCode: string;
  sex: 'male' | 'female';
  /** `birth_reference_date`: the full date ages are computed from. */
  birth: string;
  village: string | null;
  /** Special circumstances or a poor / near-poor household: the children gifts go to. */
  isPriority: boolean;
  /** The day the child left the registry (moved away or died), if so. */
  leftOn: string | null;
};

export type PlannedTarget = {
  indicatorCode: ProgrammeIndicatorCode | null;
  label: string;
  direction: TargetDirection;
  value: number;
  unitOfMeasure: string;
  year: number;
  baselineYear: number | null;
  manualValue?: number | null;
  manualNote?: string | null;
};

export type PlannedDocument = {
  key: string;
  unitCode: string;
  number: string;
  issuedOn: string;
  issuingBody: string;
  docType: DocumentType;
  title: string;
  summary: string | null;
  validFrom: string | null;
  validTo: string | null;
  targets: PlannedTarget[];
};

export type PlannedBudget = { source: FundingSource; plannedVnd: number; spentVnd: number };

export type PlannedProgramme = {
  key: string;
  unitCode: string;
  kind: ProgrammeKind;
  name: string;
  theme: string | null;
  yearFrom: number;
  yearTo: number;
  description: string | null;
  lead: string;
  partners: string[];
  unitCodes: string[];
  documentKeys: string[];
  targets: PlannedTarget[];
  budgets: Array<PlannedBudget & { year: number }>;
  /** Who recorded it: a demo username (null when the user does not exist). */
  recordedBy: string;
  recordedOn: string;
};

export type PlannedParticipant = {
  childId: string;
  completed: boolean | null;
  swimSafe: boolean | null;
  waterSafety: boolean | null;
  assessedOn: string | null;
  note: string | null;
};

export type PlannedActivity = {
  unitCode: string;
  programmeKey: string | null;
  kind: ActivityKind;
  title: string;
  startsOn: string;
  endsOn: string;
  place: string | null;
  organisers: string | null;
  description: string | null;
  otherParticipants: Array<{ group: ParticipantGroup; count: number }>;
  budgets: PlannedBudget[];
  sessions: Array<{ heldOn: string; topic: string | null }>;
  participants: PlannedParticipant[];
  /** Per child and session (`seq` from 1): only named participants and sessions already held. */
  attendance: Array<{ childId: string; seq: number; present: boolean }>;
  recordedBy: string;
};

export type PlannedCommunication = {
  unitCode: string;
  programmeKey: string | null;
  heldOn: string;
  channel: CommunicationChannel;
  audience: CommunicationAudience;
  title: string;
  reach: number;
  materials: string | null;
  recordedBy: string;
};

export type PlannedMovement = {
  unitCode: string;
  name: string;
  description: string;
  yearFrom: number;
  yearTo: number | null;
  participation: Array<{ unitCode: string; year: number; note: string | null }>;
  recordedBy: string;
};

export type PlannedIncident = {
  unitCode: string;
  occurredOn: string;
  /** Local time in Viet Nam, `HH:MM`. */
  time: string;
  cause: IncidentCause;
  placeType: PlaceType;
  placeDescription: string | null;
  age: number;
  sex: 'male' | 'female' | null;
  outcome: IncidentOutcome;
  childId: string | null;
  description: string;
  recordedBy: string;
};

export type PlannedFacility = {
  unitCode: string;
  kind: FacilityKind;
  name: string;
  address: string | null;
  condition: FacilityCondition;
  capacity: number | null;
  note: string | null;
  recordedBy: string;
};

export type DemoProgrammesPlan = {
  documents: PlannedDocument[];
  programmes: PlannedProgramme[];
  activities: PlannedActivity[];
  communications: PlannedCommunication[];
  movements: PlannedMovement[];
  incidents: PlannedIncident[];
  facilities: PlannedFacility[];
};

/** Everything a planner reads: the seed, today, the years shown, the wards and their children. */
export type PlanInput = {
  seed: number;
  /** Today in Viet Nam: nothing is planned after it. */
  today: string;
  years: number[];
  wards: readonly DemoWard[];
  /** Registry children of the wards, in a stable order. */
  children: readonly DemoChild[];
};

// ------------------------------------------------------------------ users

/** The demo users who record (see users.seed.ts); missing users leave `created_by` empty. */
export const DemoUser = {
  province: 'tinh.thanhhoa',
  partner: 'doitac.hoiphunu',
  officerOf: (wardCode: string) => (wardCode === '14812' ? 'bimson.canbo' : 'quangtrung.canbo'),
} as const;

// ------------------------------------------------------------------ dates and ages

/** Day the 2025 reform took effect: the wards' People's Committees act from then on. */
export const REFORM_DATE = '2025-07-01';

export const isoDate = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Full years of age on `on` of a child born on `birth` (both `YYYY-MM-DD`). */
export function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** The weekday on or after `date` (Monday to Friday). */
export function nextWeekday(date: string): string {
  let day = date;
  while (weekdayOf(day) === 0 || weekdayOf(day) === 6) day = addCalendarDays(day, 1);
  return day;
}

/** `count` consecutive weekdays from `first` (itself moved to a weekday). */
export function weekdaysFrom(first: string, count: number): string[] {
  const days: string[] = [];
  let day = nextWeekday(first);
  while (days.length < count) {
    days.push(day);
    day = nextWeekday(addCalendarDays(day, 1));
  }
  return days;
}

/** A day of `month` in `year`, drawn between `from` and `to` (both days of the month). */
export const dayIn = (random: Random, year: number, month: number, from = 1, to = 28) =>
  isoDate(year, month, random.int(from, to));

/** An amount in đồng rounded to 100,000, drawn between `min` and `max` million. */
export const millions = (random: Random, min: number, max: number) =>
  Math.round((min + random.float() * (max - min)) * 10) * 100_000;

/** What was spent of `planned`: all of it in a past year, part of it while the year runs. */
export function spentOf(random: Random, planned: number, isCurrentYear: boolean): number {
  const share = isCurrentYear ? 0.55 + random.float() * 0.3 : 0.82 + random.float() * 0.18;
  return Math.round((planned * share) / 100_000) * 100_000;
}

export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The People's Committee that acted for the ward on a date (the former ward before the reform). */
export const committeeOf = (ward: DemoWard, on: string) =>
  `UBND ${(on < REFORM_DATE ? ward.formerName : ward.fullName).replace('Phường', 'phường').replace('Xã', 'xã')}`;

/** A child still in the registry on `on` (had not moved away or died before it). */
export const isPresentOn = (child: DemoChild, on: string) =>
  child.birth <= on && (child.leftOn === null || child.leftOn >= on);
