import { BIRTH_REGISTRATION_PROVINCE_DATA } from './data/birth-registration-provinces';

/** A province code of birth registration (digits 1–3 of a personal identification number). */
export type BirthRegistrationProvince = { code: string; name: string };

/** The 63 three-digit province codes of Thông tư 59/2021/TT-BCA with the province names of 2021. */
export const birthRegistrationProvinces: readonly BirthRegistrationProvince[] =
  BIRTH_REGISTRATION_PROVINCE_DATA;

/** The same codes as a set, for membership tests. */
export const birthRegistrationProvinceCodes: ReadonlySet<string> = new Set(
  BIRTH_REGISTRATION_PROVINCE_DATA.map((province) => province.code),
);

/** The province of a three-digit code (`"038"` → Thanh Hóa), or undefined. */
export function findBirthRegistrationProvince(code: string): BirthRegistrationProvince | undefined {
  return BIRTH_REGISTRATION_PROVINCE_DATA.find((province) => province.code === code);
}
