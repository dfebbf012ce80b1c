import { z } from 'zod';
import type { Sex } from '../catalogues/child-attributes';
import { birthRegistrationProvinceCodes } from '../catalogues/provinces';
import { parseDateOfBirth } from './date-of-birth';

/**
 * The 12-digit personal identification number (số định danh cá nhân, Thông tư 59/2021/TT-BCA):
 * digits 1–3 the province of birth registration, digit 4 the century of birth and sex, digits
 * 5–6 the last two digits of the year of birth, digits 7–12 a random serial.
 */
export type ParsedPersonalId = {
  provinceCode: string;
  centuryGenderCode: number;
  birthYear2: string;
  serial: string;
  /** Sex encoded by digit 4 (even: male, odd: female). */
  sex: Sex;
  /** First year of the century encoded by digit 4 (1800, 1900, … 2200). */
  centuryStart: number;
  /** Full year of birth: `centuryStart` + digits 5–6. */
  birthYear: number;
};

/** A rule of the number that a value breaks; each is a key of `validationMessages`. */
export const PersonalIdRule = z.enum([
  'personal_id_format',
  'personal_id_province',
  'personal_id_sex',
  'personal_id_century',
  'personal_id_birth_year',
]);
export type PersonalIdRule = z.infer<typeof PersonalIdRule>;

/**
 * Century of digit 4 (pairs male/female): 0/1 → 1900–1999, 2/3 → 2000–2099, 4/5 → 2100–2199,
 * 6/7 → 2200–2299, 8/9 → 1800–1899.
 */
const CENTURY_STARTS = [1900, 2000, 2100, 2200, 1800] as const;

/** The digit 4 for a sex and year of birth: `centuryGenderDigit('female', 2015)` → 3. */
export function centuryGenderDigit(sex: Sex, birthYear: number): number | undefined {
  const index = (CENTURY_STARTS as readonly number[]).indexOf(Math.floor(birthYear / 100) * 100);
  return index < 0 ? undefined : index * 2 + (sex === 'female' ? 1 : 0);
}

/** Splits a personal id into its parts, or lists why it is not one (format, province). */
export function parsePersonalId(
  id: string,
): { ok: true; value: ParsedPersonalId } | { ok: false; issues: PersonalIdRule[] } {
  if (!/^\d{12}$/.test(id)) return { ok: false, issues: ['personal_id_format'] };
  const provinceCode = id.slice(0, 3);
  if (!birthRegistrationProvinceCodes.has(provinceCode))
    return { ok: false, issues: ['personal_id_province'] };
  const centuryGenderCode = Number(id[3]);
  const birthYear2 = id.slice(4, 6);
  const centuryStart = CENTURY_STARTS[Math.floor(centuryGenderCode / 2)]!;
  return {
    ok: true,
    value: {
      provinceCode,
      centuryGenderCode,
      birthYear2,
      serial: id.slice(6),
      sex: centuryGenderCode % 2 === 0 ? 'male' : 'female',
      centuryStart,
      birthYear: centuryStart + Number(birthYear2),
    },
  };
}

/** What is known of the person, to check the number against; missing facts are not checked. */
export type PersonalIdFacts = {
  sex?: Sex | null;
  /** `YYYY-MM-DD` or `YYYY` (see `DateOfBirth`). */
  dateOfBirth?: string | null;
  birthYear?: number | null;
};

/**
 * Checks a personal id and its agreement with the person's sex and year of birth; returns the
 * broken rules, empty when the number is acceptable.
 */
export function checkPersonalId(id: string, facts: PersonalIdFacts = {}): PersonalIdRule[] {
  const parsed = parsePersonalId(id);
  if (!parsed.ok) return parsed.issues;
  const { value } = parsed;
  const broken: PersonalIdRule[] = [];
  if (facts.sex && facts.sex !== value.sex) broken.push('personal_id_sex');
  const birthYear =
    facts.birthYear ?? (facts.dateOfBirth ? parseDateOfBirth(facts.dateOfBirth)?.year : undefined);
  if (birthYear !== undefined && birthYear !== null) {
    if (Math.floor(birthYear / 100) * 100 !== value.centuryStart) broken.push('personal_id_century');
    if (birthYear % 100 !== Number(value.birthYear2)) broken.push('personal_id_birth_year');
  }
  return broken;
}

/** Removes the spaces, dots and hyphens people type inside numbers (`038 3 15 000123`). */
export function stripNumberSeparators(value: string): string {
  return value.replace(/[\s.\-–]/g, '');
}

/** A personal identification number in an API request: 12 digits, with a known province code. */
export const PersonalId = z
  .string()
  .trim()
  .overwrite(stripNumberSeparators)
  .regex(/^\d{12}$/, { message: 'personal_id_format' })
  .refine((id) => !/^\d{12}$/.test(id) || birthRegistrationProvinceCodes.has(id.slice(0, 3)), {
    message: 'personal_id_province',
  })
  .describe('số định danh cá nhân, 12 digits (Thông tư 59/2021/TT-BCA)');
