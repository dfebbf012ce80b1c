import {
  addCalendarDays,
  ageAt,
  type BirthRegistration,
  centuryGenderDigit,
  type DisabilityLevel,
  type DisabilityType,
  type Education,
  type Health,
  type NutritionStatus,
  type PovertyStatus,
  type Sex,
  turns6On,
} from '@tuoitho/domain';
import type { SchoolSet } from './places';
import { type Random, type Weighted, weighted } from './random';

/**
 * Facts of one synthetic child that depend on its age: date of birth, personal id, birth
 * registration, schooling and health. Shares are those of national and Thanh Hóa statistics
 * where known (stunting and underweight about 10 % of under-5s, health insurance for almost all
 * under-6s, ~1 % of 11–15 year-olds out of school) and plausible guesses otherwise.
 */

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The first day the child certainly lived: its birth date, or 1 January of a year-only date. */
export function bornOn(dateOfBirth: string): string {
  return dateOfBirth.length === 4 ? `${dateOfBirth}-01-01` : dateOfBirth;
}

/** The latest of `YYYY-MM-DD` dates (they sort as text). */
const latest = (...dates: string[]) => [...dates].sort().at(-1)!;

/** A date between `from` and `to` inclusive (`from` when the range is empty). */
export function dateBetween(random: Random, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addCalendarDays(from, random.int(0, span));
}

/** Share of children whose record holds only the year of birth. */
const YEAR_ONLY_SHARE = 0.03;
/** Sixteen years in days, the upper bound of a child's age. */
const SIXTEEN_YEARS_DAYS = Math.floor(16 * 365.2425);

/**
 * A date of birth of a child aged 0–15 at `referenceDate`, ages spread evenly; about 3 % are
 * written as a year only, when that year still gives an age of 15 or less.
 */
export function generateDateOfBirth(random: Random, referenceDate: string): string {
  for (;;) {
    const date = addCalendarDays(referenceDate, -random.int(0, SIXTEEN_YEARS_DAYS - 1));
    if (ageAt(date, referenceDate) > 15) continue;
    if (random.chance(YEAR_ONLY_SHARE)) {
      const year = date.slice(0, 4);
      if (ageAt(year, referenceDate) <= 15) return year;
    }
    return date;
  }
}

/** Province codes of birth registration other than Thanh Hóa (038): neighbours and big cities. */
const OTHER_BIRTH_PROVINCES: Weighted<{ code: string; authority: string }> = [
  [{ code: '037', authority: 'UBND phường Nam Bình, tỉnh Ninh Bình' }, 3],
  [{ code: '040', authority: 'UBND xã Quỳnh Lưu, tỉnh Nghệ An' }, 2],
  [{ code: '001', authority: 'UBND phường Cầu Giấy, thành phố Hà Nội' }, 2],
  [{ code: '079', authority: 'UBND phường Bình Tân, Thành phố Hồ Chí Minh' }, 1.5],
  [{ code: '035', authority: 'UBND phường Phủ Lý, tỉnh Hà Nam' }, 1],
  [{ code: '017', authority: 'UBND xã Lạc Sơn, tỉnh Hòa Bình' }, 0.5],
];

/** Personal ids already given in this generation run, so that every number is unique. */
export class PersonalIdRegistry {
  private readonly used = new Set<string>();

  /** A new valid number for a child of this sex and birth year, registered in `provinceCode`. */
  issue(random: Random, provinceCode: string, sex: Sex, birthYear: number): string {
    const prefix = `${provinceCode}${centuryGenderDigit(sex, birthYear)}${String(birthYear % 100).padStart(2, '0')}`;
    for (;;) {
      const id = `${prefix}${random.digits(6)}`;
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }

  get size(): number {
    return this.used.size;
  }
}

export type RegistrationFacts = { birthRegistration: BirthRegistration; personalId: string | null };

/**
 * Birth registration (within 60 days of birth, Luật Hộ tịch Art. 15) and the personal id issued
 * with it: about 98 % registered, 85 % of all children with a known, valid id.
 */
export function generateRegistration(
  random: Random,
  ids: PersonalIdRegistry,
  child: {
    sex: Sex;
    dateOfBirth: string;
    referenceDate: string;
    localAuthority: string;
    provinceCode: string;
  },
): RegistrationFacts {
  const isYearOnly = child.dateOfBirth.length === 4;
  const registeredOn = isYearOnly ? null : addCalendarDays(child.dateOfBirth, random.int(3, 60));
  const isTooRecent = registeredOn !== null && registeredOn > child.referenceDate;
  if (isTooRecent || random.chance(0.02)) {
    return { birthRegistration: { registered: false, date: null, place: null }, personalId: null };
  }
  const elsewhere = random.chance(0.08) ? random.weighted(OTHER_BIRTH_PROVINCES) : null;
  const provinceCode = elsewhere?.code ?? `0${child.provinceCode.padStart(2, '0')}`;
  const hasKnownId = random.chance(0.87);
  return {
    birthRegistration: {
      registered: true,
      date: random.chance(0.9) ? registeredOn : null,
      place: elsewhere?.authority ?? child.localAuthority,
    },
    personalId: hasKnownId
      ? ids.issue(random, provinceCode, child.sex, Number(child.dateOfBirth.slice(0, 4)))
      : null,
  };
}

/** The first year of the school year in progress at a date (school years start in September). */
export function schoolYearStart(referenceDate: string): number {
  const year = Number(referenceDate.slice(0, 4));
  return Number(referenceDate.slice(5, 7)) >= 9 ? year : year - 1;
}

const PRESCHOOL_CLASSES = ['Mẫu giáo bé', 'Mẫu giáo nhỡ', 'Mẫu giáo lớn'] as const;
const CLASS_LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;

/** A school near the family when one carries the area's name, otherwise any of the list. */
function pickSchool(random: Random, schools: readonly string[], areaName: string): string {
  const near = schools.filter((school) => school.endsWith(` ${areaName}`));
  return near.length > 0 && random.chance(0.75) ? random.pick(near) : random.pick(schools);
}

export type EducationFacts = { education: Education; isDroppedOut: boolean; isAtRiskOfDropout: boolean };

/**
 * Schooling by cohort (the calendar year of birth decides the class, as in Vietnamese schools):
 * preschool from the year the child turns 3, grade 1 the year it turns 6, lower secondary
 * (grades 6–9) from 11, upper secondary from 15.
 */
export function generateEducation(
  random: Random,
  opts: {
    birthYear: number;
    referenceDate: string;
    schools: SchoolSet;
    areaName: string;
    hasSevereDisability: boolean;
    dropoutRate: number;
  },
): EducationFacts {
  const cohort = schoolYearStart(opts.referenceDate) - opts.birthYear;
  const notYet: EducationFacts = {
    education: { school: null, grade: null, enrolmentStatus: 'not_yet_school_age', atRiskOfDropout: null },
    isDroppedOut: false,
    isAtRiskOfDropout: false,
  };
  if (cohort < 3) return notYet;
  if (cohort <= 5) {
    if (random.chance(cohort === 5 ? 0.01 : 0.08)) return notYet;
    return {
      education: {
        school: pickSchool(random, opts.schools.preschool, opts.areaName),
        grade: PRESCHOOL_CLASSES[cohort - 3]!,
        enrolmentStatus: 'preschool',
        atRiskOfDropout: null,
      },
      isDroppedOut: false,
      isAtRiskOfDropout: false,
    };
  }
  if (opts.hasSevereDisability && random.chance(0.4)) {
    return {
      education: { school: null, grade: null, enrolmentStatus: 'never_enrolled', atRiskOfDropout: null },
      isDroppedOut: false,
      isAtRiskOfDropout: false,
    };
  }
  const grade = Math.min(cohort - 5, 12);
  const list =
    grade <= 5
      ? opts.schools.primary
      : grade <= 9
        ? opts.schools.lowerSecondary
        : opts.schools.upperSecondary;
  const school = pickSchool(random, list, opts.areaName);
  const className = `${grade}${random.pick(CLASS_LETTERS)}`;
  if (grade >= 10 && random.chance(0.12)) {
    // Some pupils stop after lower secondary (vocational training or work): schooling completed.
    return {
      education: { school: null, grade: '9', enrolmentStatus: 'graduated', atRiskOfDropout: null },
      isDroppedOut: false,
      isAtRiskOfDropout: false,
    };
  }
  if (cohort >= 11 && random.chance(opts.dropoutRate)) {
    const lastGrade = Math.max(5, grade - random.int(0, 2));
    return {
      education: {
        school: pickSchool(
          random,
          lastGrade <= 5 ? opts.schools.primary : opts.schools.lowerSecondary,
          opts.areaName,
        ),
        grade: String(lastGrade),
        enrolmentStatus: 'dropped_out',
        atRiskOfDropout: null,
      },
      isDroppedOut: true,
      isAtRiskOfDropout: false,
    };
  }
  const isAtRiskOfDropout = cohort >= 11 && random.chance(0.035);
  return {
    education: { school, grade: className, enrolmentStatus: 'enrolled', atRiskOfDropout: isAtRiskOfDropout },
    isDroppedOut: false,
    isAtRiskOfDropout,
  };
}

const DISABILITY_TYPES = weighted(
  'mobility 30, intellectual 25, hearing_speech 15, visual 10, mental 12, other 8',
) as Weighted<DisabilityType>;
const DISABILITY_LEVELS = weighted('especially_severe 18, severe 37, mild 45') as Weighted<DisabilityLevel>;
const NUTRITION = weighted(
  'normal 85, underweight 4.5, stunted 5.5, wasted 1.5, overweight 3.5',
) as Weighted<NutritionStatus>;
const ILLNESSES: readonly string[] = [
  'Bệnh tim bẩm sinh',
  'Bệnh bạch cầu cấp (ung thư máu)',
  'Bệnh tan máu bẩm sinh (Thalassemia)',
  'Suy thận mạn, chạy thận định kỳ',
  'Động kinh, điều trị dài ngày',
  'Hội chứng thận hư',
  'Bệnh hemophilia',
];

/** Disability of a child with a disability: type and level (level not yet assessed for 5 %). */
export function generateDisability(random: Random): { type: DisabilityType; level: DisabilityLevel | null } {
  return {
    type: random.weighted(DISABILITY_TYPES),
    level: random.chance(0.05) ? null : random.weighted(DISABILITY_LEVELS),
  };
}

/** The last national nutrition-surveillance day (1 June or 1 December) on or before a date. */
function lastWeighingDay(referenceDate: string): string {
  const year = Number(referenceDate.slice(0, 4));
  const candidates = [`${year}-12-01`, `${year}-06-01`, `${year - 1}-12-01`];
  return candidates.find((date) => date <= referenceDate)!;
}

/** Health insurance prefix: TE1 under 6 (State-paid), HN2 poor, CN3 near-poor, HS4 pupils. */
function insurancePrefix(age: number, poverty: PovertyStatus | null | undefined): string {
  if (age < 6) return 'TE1';
  if (poverty === 'poor') return 'HN2';
  if (poverty === 'near_poor') return 'CN3';
  return 'HS4';
}

/** Health facts: insurance card, disability, illness, nutrition (under 5), immunisation (under 1). */
export function generateHealth(
  random: Random,
  opts: {
    dateOfBirth: string;
    referenceDate: string;
    provinceCode: string;
    poverty: PovertyStatus | null | undefined;
    disability: { type: DisabilityType; level: DisabilityLevel | null } | null;
    isSeriouslyIll: boolean;
    isInSchool: boolean;
  },
): Health {
  const age = ageAt(opts.dateOfBirth, opts.referenceDate);
  const born = bornOn(opts.dateOfBirth);
  const year = opts.referenceDate.slice(0, 4);
  const coverage =
    age < 6 || opts.poverty === 'poor' || opts.poverty === 'near_poor' ? 0.98 : opts.isInSchool ? 0.93 : 0.6;
  const hasCard = random.chance(coverage);
  const province = opts.provinceCode.padStart(2, '0');
  const socialInsuranceNumber = `${province}${random.digits(8)}`;
  const health: Health = {
    insuranceCardNumber: null,
    insuranceValidFrom: null,
    insuranceValidTo: null,
    disability: opts.disability,
    seriousIllness: opts.isSeriouslyIll ? true : null,
    illnessNote: opts.isSeriouslyIll ? random.pick(ILLNESSES) : null,
    nutritionStatus: null,
    nutritionAssessedOn: null,
    immunisationComplete: null,
  };
  if (hasCard) {
    // Cards since 2021 print the 10-digit social insurance number; older lists keep the 15 characters.
    health.insuranceCardNumber = random.chance(0.2)
      ? socialInsuranceNumber
      : `${insurancePrefix(age, opts.poverty)}${province}${socialInsuranceNumber}`;
    if (age < 6) {
      health.insuranceValidFrom = born;
      health.insuranceValidTo = addCalendarDays(turns6On(opts.dateOfBirth), -1);
    } else {
      health.insuranceValidFrom = `${year}-01-01`;
      health.insuranceValidTo = `${year}-12-31`;
    }
  }
  if (age < 5) {
    const weighingDay = lastWeighingDay(opts.referenceDate);
    if (weighingDay >= born) {
      health.nutritionStatus = random.weighted(NUTRITION);
      health.nutritionAssessedOn = weighingDay;
    }
  }
  if (age < 1 && opts.dateOfBirth.length === 10) {
    // Full basic immunisation ends with measles at 9 months: younger infants are not yet complete.
    const months = daysBetween(opts.dateOfBirth, opts.referenceDate) / 30.44;
    health.immunisationComplete = months >= 9 ? random.chance(0.96) : null;
  }
  return health;
}

/** Start of a group or flag: the household event, or a date after birth, never before the Law. */
export function startDateAfter(
  random: Random,
  opts: { dateOfBirth: string; referenceDate: string; event?: string },
) {
  const from = latest(bornOn(opts.dateOfBirth), '2017-06-01', opts.event ?? '0000-01-01');
  return opts.event ? from : dateBetween(random, from, opts.referenceDate);
}
