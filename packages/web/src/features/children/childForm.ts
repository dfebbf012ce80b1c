import type {
  AtRiskFlag,
  CaregiverRelationship,
  Child,
  CreateChildRequest,
  DisabilityLevel,
  DisabilityType,
  EnrolmentStatus,
  NutritionStatus,
  PovertyStatus,
  Sex,
  SpecialCircumstanceGroupCode,
  UpdateChildRequest,
} from '@tuoitho/domain';
import { validationMessages } from '@tuoitho/domain';
import { fieldPathToName } from '../../lib/problem';
import type { Language } from './childText';

/**
 * What the child form edits. The shape mirrors `CreateChildRequest` (dates are `YYYY-MM-DD`
 * strings, a year-only date of birth is `YYYY`), so that a field error of the server
 * (`body.caregivers.0.phone`) names the form field directly. Empty inputs are `undefined` or ''.
 */
export interface ChildFormValues {
  fullName?: string;
  sex?: Sex;
  dateOfBirth?: string;
  unitCode?: string;
  personalId?: string;
  ethnicity?: string;
  birthRegistration?: { registered?: boolean | null; date?: string | null; place?: string };
  residence?: { village?: string; address?: string };
  household?: {
    headName?: string;
    membersCount?: number | null;
    phone?: string;
    povertyStatus?: PovertyStatus | null;
    povertyYear?: number | null;
  };
  caregivers?: CaregiverFormValues[];
  education?: {
    school?: string;
    grade?: string;
    enrolmentStatus?: EnrolmentStatus | null;
    atRiskOfDropout?: boolean | null;
  };
  health?: {
    insuranceCardNumber?: string;
    insuranceValidFrom?: string | null;
    insuranceValidTo?: string | null;
    disability?: { type?: DisabilityType | null; level?: DisabilityLevel | null };
    seriousIllness?: boolean | null;
    illnessNote?: string;
    nutritionStatus?: NutritionStatus | null;
    nutritionAssessedOn?: string | null;
    immunisationComplete?: boolean | null;
  };
  specialCircumstances?: SpecialCircumstanceFormValues[];
  atRisk?: AtRiskFlag[];
  note?: string;
}

export interface CaregiverFormValues {
  fullName?: string;
  relationship?: CaregiverRelationship;
  phone?: string;
  isGuardian?: boolean;
}

export interface SpecialCircumstanceFormValues {
  /** Id of an entry already stored: the server updates it instead of adding one. */
  id?: string;
  group?: SpecialCircumstanceGroupCode;
  subgroup?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  source?: string;
  note?: string;
}

/** Sections of the form; each optional part of a child belongs to one. */
export type ChildFormSection =
  | 'required'
  | 'identity'
  | 'residence'
  | 'household'
  | 'education'
  | 'health'
  | 'special'
  | 'note';

export const optionalSections: readonly ChildFormSection[] = [
  'identity',
  'residence',
  'household',
  'education',
  'health',
  'special',
  'note',
];

const sectionOfField: Record<string, ChildFormSection> = {
  fullName: 'required',
  sex: 'required',
  dateOfBirth: 'required',
  unitCode: 'required',
  personalId: 'identity',
  ethnicity: 'identity',
  birthRegistration: 'identity',
  residence: 'residence',
  household: 'household',
  caregivers: 'household',
  education: 'education',
  health: 'health',
  specialCircumstances: 'special',
  atRisk: 'special',
  note: 'note',
};

/** The section holding a field (by its form name), to open it when the field has an error. */
export function sectionOf(name: readonly (string | number)[]): ChildFormSection | undefined {
  return typeof name[0] === 'string' ? sectionOfField[name[0]] : undefined;
}

/** Every field of the form; `*` stands for the index of a list entry. */
const fieldPatterns = [
  'fullName',
  'sex',
  'dateOfBirth',
  'unitCode',
  'personalId',
  'ethnicity',
  'birthRegistration.registered',
  'birthRegistration.date',
  'birthRegistration.place',
  'residence.village',
  'residence.address',
  'household.headName',
  'household.membersCount',
  'household.phone',
  'household.povertyStatus',
  'household.povertyYear',
  'caregivers.*.fullName',
  'caregivers.*.relationship',
  'caregivers.*.phone',
  'caregivers.*.isGuardian',
  'education.school',
  'education.grade',
  'education.enrolmentStatus',
  'education.atRiskOfDropout',
  'health.insuranceCardNumber',
  'health.insuranceValidFrom',
  'health.insuranceValidTo',
  'health.disability.type',
  'health.disability.level',
  'health.seriousIllness',
  'health.illnessNote',
  'health.nutritionStatus',
  'health.nutritionAssessedOn',
  'health.immunisationComplete',
  'specialCircumstances.*.group',
  'specialCircumstances.*.subgroup',
  'specialCircumstances.*.startDate',
  'specialCircumstances.*.endDate',
  'specialCircumstances.*.source',
  'specialCircumstances.*.note',
  'atRisk',
  'note',
];
const knownFields = new Set(fieldPatterns);

function patternOf(name: readonly (string | number)[]): string {
  return name.map((segment) => (typeof segment === 'number' ? '*' : segment)).join('.');
}

/**
 * The form field for a path of the API or of a zod issue (`body.caregivers.0.phone`,
 * `["atRisk", 2]`): the longest prefix that is a field (`atRisk.2` → `atRisk`), or undefined
 * when the error concerns no single field (then it is shown above the form).
 */
export function formNameForPath(path: string | readonly PropertyKey[]): (string | number)[] | undefined {
  const name =
    typeof path === 'string'
      ? fieldPathToName(path)
      : path.filter((s): s is string | number => typeof s !== 'symbol');
  for (let length = name.length; length > 0; length--) {
    const prefix = name.slice(0, length);
    if (knownFields.has(patternOf(prefix))) return prefix;
  }
  return undefined;
}

/** A field error message of the domain (a key of `validationMessages`) in a language. */
export function validationMessage(key: string, language: Language, fallback: string): string {
  return validationMessages[key]?.[language] ?? fallback;
}

// ---------------------------------------------------------------------------------------------
// Form values → request parts

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function orNull<T>(value: T | null | undefined): T | null {
  return value === undefined || value === '' ? null : value;
}

/** An object whose every value is null is no information: null. */
function partOrNull<T extends Record<string, unknown>>(part: T): T | null {
  return Object.values(part).every((value) => value === null) ? null : part;
}

type Parts = Required<Omit<CreateChildRequest, 'fullName' | 'sex' | 'dateOfBirth' | 'unitCode'>>;

function birthRegistrationPart(values: ChildFormValues): Parts['birthRegistration'] {
  const v = values.birthRegistration ?? {};
  const date = orNull(v.date);
  const place = text(v.place);
  // A date or a place of registration means the birth was registered.
  const registered = v.registered ?? (date || place ? true : null);
  if (registered === null) return null;
  return { registered, date: registered ? date : null, place };
}

function householdPart(values: ChildFormValues): Parts['household'] {
  const v = values.household ?? {};
  return partOrNull({
    headName: text(v.headName),
    membersCount: orNull(v.membersCount),
    phone: text(v.phone),
    povertyStatus: orNull(v.povertyStatus),
    povertyYear: orNull(v.povertyYear),
  });
}

function caregiversPart(values: ChildFormValues): NonNullable<Parts['caregivers']> {
  return (values.caregivers ?? [])
    .filter((row) => row && (text(row.fullName) || row.relationship || text(row.phone)))
    .map((row) => ({
      fullName: text(row.fullName) ?? '',
      relationship: row.relationship as CaregiverRelationship,
      phone: text(row.phone),
      isGuardian: row.isGuardian ?? false,
    }));
}

function educationPart(values: ChildFormValues): Parts['education'] {
  const v = values.education ?? {};
  return partOrNull({
    school: text(v.school),
    grade: text(v.grade),
    enrolmentStatus: orNull(v.enrolmentStatus),
    atRiskOfDropout: orNull(v.atRiskOfDropout),
  });
}

function healthPart(values: ChildFormValues): Parts['health'] {
  const v = values.health ?? {};
  const disabilityType = orNull(v.disability?.type);
  return partOrNull({
    insuranceCardNumber: text(v.insuranceCardNumber),
    insuranceValidFrom: orNull(v.insuranceValidFrom),
    insuranceValidTo: orNull(v.insuranceValidTo),
    disability: disabilityType ? { type: disabilityType, level: orNull(v.disability?.level) } : null,
    seriousIllness: orNull(v.seriousIllness),
    illnessNote: text(v.illnessNote),
    nutritionStatus: orNull(v.nutritionStatus),
    nutritionAssessedOn: orNull(v.nutritionAssessedOn),
    immunisationComplete: orNull(v.immunisationComplete),
  });
}

function specialCircumstancesPart(values: ChildFormValues): NonNullable<Parts['specialCircumstances']> {
  return (values.specialCircumstances ?? [])
    .filter((row) => row && (row.group || row.startDate))
    .map((row) => {
      const entry: NonNullable<Parts['specialCircumstances']>[number] = {
        group: row.group as SpecialCircumstanceGroupCode,
        subgroup: orNull(row.subgroup),
        startDate: row.startDate ?? '',
        endDate: orNull(row.endDate),
        source: text(row.source),
        note: text(row.note),
      };
      return row.id ? { id: row.id, ...entry } : entry;
    });
}

/** Every optional part of the form as the API takes it; empty parts are null, empty lists []. */
export function formParts(values: ChildFormValues): Parts {
  const village = text(values.residence?.village);
  const address = text(values.residence?.address);
  return {
    personalId: text(values.personalId),
    ethnicity: orNull(values.ethnicity),
    birthRegistration: birthRegistrationPart(values),
    residence: village || address ? { village, address } : null,
    household: householdPart(values),
    caregivers: caregiversPart(values),
    education: educationPart(values),
    health: healthPart(values),
    specialCircumstances: specialCircumstancesPart(values),
    atRisk: values.atRisk ?? [],
    note: text(values.note),
  };
}

/** The create request: the minimum fields and the parts that hold something. */
export function toCreateRequest(values: ChildFormValues): CreateChildRequest {
  const request: CreateChildRequest = {
    fullName: text(values.fullName) ?? '',
    sex: values.sex as Sex,
    dateOfBirth: values.dateOfBirth ?? '',
    unitCode: values.unitCode ?? '',
  };
  for (const [key, value] of Object.entries(formParts(values))) {
    const isEmpty = value === null || (Array.isArray(value) && value.length === 0);
    if (!isEmpty) (request as Record<string, unknown>)[key] = value;
  }
  return request;
}

// ---------------------------------------------------------------------------------------------
// Child → form values, and the changes of an edit

export function childToFormValues(child: Child): ChildFormValues {
  const health = child.health;
  return {
    fullName: child.fullName,
    sex: child.sex,
    dateOfBirth: child.dateOfBirth,
    unitCode: child.unitCode,
    personalId: child.personalId ?? '',
    ethnicity: child.ethnicity ?? undefined,
    birthRegistration: {
      registered: child.birthRegistration?.registered ?? null,
      date: child.birthRegistration?.date ?? null,
      place: child.birthRegistration?.place ?? '',
    },
    residence: { village: child.residence?.village ?? '', address: child.residence?.address ?? '' },
    household: {
      headName: child.household?.headName ?? '',
      membersCount: child.household?.membersCount ?? null,
      phone: child.household?.phone ?? '',
      povertyStatus: child.household?.povertyStatus ?? null,
      povertyYear: child.household?.povertyYear ?? null,
    },
    caregivers: child.caregivers.map((caregiver) => ({
      fullName: caregiver.fullName,
      relationship: caregiver.relationship,
      phone: caregiver.phone ?? '',
      isGuardian: caregiver.isGuardian,
    })),
    education: {
      school: child.education?.school ?? '',
      grade: child.education?.grade ?? '',
      enrolmentStatus: child.education?.enrolmentStatus ?? null,
      atRiskOfDropout: child.education?.atRiskOfDropout ?? null,
    },
    health: {
      insuranceCardNumber: health?.insuranceCardNumber ?? '',
      insuranceValidFrom: health?.insuranceValidFrom ?? null,
      insuranceValidTo: health?.insuranceValidTo ?? null,
      disability: { type: health?.disability?.type ?? null, level: health?.disability?.level ?? null },
      seriousIllness: health?.seriousIllness ?? null,
      illnessNote: health?.illnessNote ?? '',
      nutritionStatus: health?.nutritionStatus ?? null,
      nutritionAssessedOn: health?.nutritionAssessedOn ?? null,
      immunisationComplete: health?.immunisationComplete ?? null,
    },
    specialCircumstances: child.specialCircumstances.map((entry) => ({
      id: entry.id,
      group: entry.group,
      subgroup: entry.subgroup,
      startDate: entry.startDate,
      endDate: entry.endDate,
      source: entry.source ?? '',
      note: entry.note ?? '',
    })),
    atRisk: [...child.atRisk],
    note: child.note ?? '',
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The update request of an edit: the `version` read and only what changed. A changed part is sent
 * whole (the server replaces the stored part); a part emptied is sent as null (a list as []).
 * The commune is not part of an update (a transfer moves a child).
 */
export function toUpdateRequest(child: Child, values: ChildFormValues): UpdateChildRequest {
  const request: UpdateChildRequest = { version: child.version };
  const fullName = text(values.fullName) ?? '';
  if (fullName !== child.fullName) request.fullName = fullName;
  if (values.sex && values.sex !== child.sex) request.sex = values.sex;
  if (values.dateOfBirth && values.dateOfBirth !== child.dateOfBirth)
    request.dateOfBirth = values.dateOfBirth;
  const before = formParts(childToFormValues(child));
  const after = formParts(values);
  for (const key of Object.keys(after) as Array<keyof Parts>) {
    if (!same(before[key], after[key])) (request as Record<string, unknown>)[key] = after[key];
  }
  return request;
}

/** True when an update request changes nothing (only the version). */
export function isEmptyUpdate(request: UpdateChildRequest): boolean {
  return Object.keys(request).every((key) => key === 'version');
}
