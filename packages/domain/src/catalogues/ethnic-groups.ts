import { z } from 'zod';
import { compactFold } from '../registry/vietnamese-text';
import { ETHNIC_GROUP_DATA } from './data/ethnic-groups';

/**
 * Code of an ethnic group: `01`–`54` are the 54 ethnic groups of the statistics office's list;
 * `55` is "người nước ngoài" (a foreign national), the convention of the civil-status and
 * education lists, so that a foreign child is not forced into a Vietnamese group. An unknown
 * ethnicity is `null`, not a code.
 */
export const EthnicityCode = z
  .string()
  .regex(/^(0[1-9]|[1-4]\d|5[0-5])$/, { message: 'ethnicity_code' })
  .meta({ id: 'EthnicityCode', description: '01–54 GSO ethnic group; 55 foreign national' });
export type EthnicityCode = z.infer<typeof EthnicityCode>;

export const EthnicGroup = z.object({
  code: EthnicityCode,
  nameVi: z.string(),
  nameEn: z.string(),
  aliases: z.array(z.string()),
  isOfficialGroup: z.boolean().describe('false for 55, người nước ngoài'),
});
export type EthnicGroup = z.infer<typeof EthnicGroup>;

/** The 54 ethnic groups of Vietnam, codes 01–54 in the statistics office's order. */
export const ethnicGroups: readonly EthnicGroup[] = ETHNIC_GROUP_DATA.map((group) => ({
  ...group,
  aliases: [...group.aliases],
  isOfficialGroup: true,
}));

/** Code 55: a foreign national, who belongs to none of the 54 groups. */
export const FOREIGN_NATIONAL_ETHNICITY: EthnicGroup = {
  code: '55',
  nameVi: 'Người nước ngoài',
  nameEn: 'Foreign national',
  aliases: ['Nước ngoài', 'Ngoại quốc'],
  isOfficialGroup: false,
};

/** Every value an ethnicity field may hold: the 54 groups and then "người nước ngoài". */
export const ethnicityCatalogue: readonly EthnicGroup[] = [...ethnicGroups, FOREIGN_NATIONAL_ETHNICITY];

const byKey = new Map<string, EthnicGroup>();
for (const group of ethnicityCatalogue) {
  for (const name of [group.nameVi, group.nameEn, ...group.aliases]) byKey.set(compactFold(name), group);
}
const byCode = new Map(ethnicityCatalogue.map((group) => [group.code, group]));

/**
 * Finds an ethnic group by code (`"01"`, `"1"`) or name, ignoring case, diacritics, hyphens and
 * spaces and a leading "dân tộc": `kinh`, `Mường`, `muong`, `Dân tộc Ê Đê`, `Bru - Vân Kiều`.
 */
export function findEthnicGroup(value: string): EthnicGroup | undefined {
  const trimmed = value.trim();
  if (/^\d{1,2}$/.test(trimmed)) return byCode.get(trimmed.padStart(2, '0'));
  const key = compactFold(trimmed).replace(/^dantoc(?=.)/, '');
  return byKey.get(key);
}

/** The group of a code; throws for a code outside the catalogue. */
export function getEthnicGroup(code: string): EthnicGroup {
  const group = byCode.get(code);
  if (!group) throw new Error(`Unknown ethnicity code ${code}`);
  return group;
}
