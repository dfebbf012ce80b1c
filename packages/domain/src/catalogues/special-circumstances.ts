import { z } from 'zod';
import { IsoDate } from '../common';
import { compactFold } from '../registry/vietnamese-text';
import { SPECIAL_CIRCUMSTANCE_GROUPS_2017 } from './data/special-circumstances-2017';

/**
 * Letter of a group of children in special circumstances (Luật Trẻ em Art. 10(1)): the
 * Vietnamese letter sequence a, b, c, d, đ, e, g, h, i, k, l, m, n, o (no f or j). `đ` is the
 * precomposed U+0111; parsers accept `dd` as its ASCII spelling (see `parseSpecialCircumstanceGroupCode`).
 */
export const SpecialCircumstanceGroupCode = z
  .enum(['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o'], {
    message: 'special_circumstance_group',
  })
  .meta({ id: 'SpecialCircumstanceGroupCode' });
export type SpecialCircumstanceGroupCode = z.infer<typeof SpecialCircumstanceGroupCode>;

/** A subgroup code: the ASCII code of its group and its position (`a1`, `dd2`). */
export const SpecialCircumstanceSubgroupCode = z
  .string()
  .regex(/^(a|b|c|d|dd|e|g|h|i|k|l|m|n|o)[1-9]\d?$/, { message: 'special_circumstance_subgroup' });

export const SpecialCircumstanceSubgroup = z.object({
  code: SpecialCircumstanceSubgroupCode,
  nameVi: z.string(),
  nameEn: z.string(),
  verified: z.boolean().describe('false: "chưa xác minh", not yet confirmed against the official text'),
});
export type SpecialCircumstanceSubgroup = z.infer<typeof SpecialCircumstanceSubgroup>;

export const SpecialCircumstanceGroup = z.object({
  code: SpecialCircumstanceGroupCode,
  codeAscii: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  legalRef: z.string(),
  verified: z.boolean(),
  decreeDetailRef: z.string().nullable(),
  decreeArticleVerified: z.boolean(),
  subgroups: z.array(SpecialCircumstanceSubgroup),
  subgroupsVerified: z.boolean(),
  subgroupsComplete: z.boolean().describe('false: the decree has subgroups not yet in the catalogue'),
});
export type SpecialCircumstanceGroup = z.infer<typeof SpecialCircumstanceGroup>;

/**
 * One version of the catalogue, valid from a date until the next version. When the law changes,
 * a new version is appended with its own `validFrom`; records keep the codes valid at their dates.
 */
export const SpecialCircumstanceCatalogue = z
  .object({
    version: z.string(),
    validFrom: IsoDate,
    validTo: IsoDate.nullable(),
    legalBasis: z.array(z.string()),
    groups: z.array(SpecialCircumstanceGroup),
  })
  .meta({ id: 'SpecialCircumstanceCatalogue' });
export type SpecialCircumstanceCatalogue = z.infer<typeof SpecialCircumstanceCatalogue>;

/**
 * The 14 groups from the Law on Children (in force 01/06/2017) with the subgroups of Decree
 * 56/2017 (signed 09/05/2017, in force 01/07/2017 per the project's legal reference).
 */
export const specialCircumstances2017: SpecialCircumstanceCatalogue = {
  version: '2017',
  validFrom: '2017-06-01',
  validTo: null,
  legalBasis: ['Luật Trẻ em 102/2016/QH13 Art. 10', 'Nghị định 56/2017/NĐ-CP Chương II Mục 1'],
  groups: SPECIAL_CIRCUMSTANCE_GROUPS_2017.map((group) => ({
    ...group,
    subgroups: group.subgroups.map((subgroup) => ({ ...subgroup })),
  })),
};

/** Every version of the catalogue, oldest first. */
export const specialCircumstanceCatalogues: readonly SpecialCircumstanceCatalogue[] = [
  specialCircumstances2017,
];

/** The version valid at a date (`YYYY-MM-DD`), or undefined before the Law on Children. */
export function findSpecialCircumstanceCatalogue(at: string): SpecialCircumstanceCatalogue | undefined {
  return specialCircumstanceCatalogues.find(
    (catalogue) => catalogue.validFrom <= at && (catalogue.validTo === null || at <= catalogue.validTo),
  );
}

/** The newest version of the catalogue. */
export function currentSpecialCircumstanceCatalogue(): SpecialCircumstanceCatalogue {
  return specialCircumstanceCatalogues[specialCircumstanceCatalogues.length - 1]!;
}

/**
 * Reads a group letter as people type it: any case, white space, `dd` or `Đ` for `đ`, and a
 * trailing `)` or `.` (`"a)"`, `"Đ."`). Returns undefined for anything else.
 */
export function parseSpecialCircumstanceGroupCode(value: string): SpecialCircumstanceGroupCode | undefined {
  const letter = value
    .normalize('NFC')
    .trim()
    .replace(/[).:]+$/, '')
    .toLowerCase();
  const code = letter === 'dd' ? 'đ' : letter;
  const parsed = SpecialCircumstanceGroupCode.safeParse(code);
  return parsed.success ? parsed.data : undefined;
}

/** The group of a code in the catalogue valid at a date (default: the newest catalogue). */
export function findSpecialCircumstanceGroup(
  code: SpecialCircumstanceGroupCode,
  at?: string,
): SpecialCircumstanceGroup | undefined {
  const catalogue = at ? findSpecialCircumstanceCatalogue(at) : currentSpecialCircumstanceCatalogue();
  return catalogue?.groups.find((group) => group.code === code);
}

/** The ASCII spelling of a group letter (`đ` → `dd`), used for subgroup codes and file names. */
export function specialCircumstanceGroupAscii(code: SpecialCircumstanceGroupCode): string {
  return code === 'đ' ? 'dd' : code;
}

/** Whether a subgroup code is written for the given group (`a2` for `a`, `dd1` for `đ`). */
export function isSubgroupOfGroup(subgroup: string, group: SpecialCircumstanceGroupCode): boolean {
  return new RegExp(`^${specialCircumstanceGroupAscii(group)}\\d+$`).test(subgroup);
}

/** The subgroup of a code in the newest catalogue, or undefined (administrators may add more). */
export function findSpecialCircumstanceSubgroup(code: string): SpecialCircumstanceSubgroup | undefined {
  const groupAscii = code.replace(/\d+$/, '');
  return currentSpecialCircumstanceCatalogue()
    .groups.find((group) => group.codeAscii === groupAscii)
    ?.subgroups.find((subgroup) => subgroup.code === code);
}

/**
 * Distinctive words of each group's name, folded, to recognise groups written out in words in
 * imported lists ("Mồ côi cả cha mẹ", "Khuyết tật", "HIV").
 */
export const specialCircumstanceKeywords: Record<SpecialCircumstanceGroupCode, readonly string[]> = {
  a: ['mocoicachavame', 'mocoicachame', 'mocoichame'],
  b: ['boroi'],
  c: ['khongnoinuongtua'],
  d: ['khuyettat', 'tantat'],
  đ: ['hiv', 'aids'],
  e: ['viphamphapluat'],
  g: ['nghienmatuy', 'matuy'],
  h: ['bohockiemsong'],
  i: ['baoluc'],
  k: ['boclot'],
  l: ['xamhaitinhduc'],
  m: ['muaban'],
  n: ['benhhiemngheo', 'dieutridaingay'],
  o: ['dicu', 'lanhnan', 'tinan'],
};

/** The group whose name a text mentions (`"Trẻ em khuyết tật"` → `d`), or undefined. */
export function findSpecialCircumstanceGroupByName(text: string): SpecialCircumstanceGroupCode | undefined {
  const key = compactFold(text);
  if (key.length === 0) return undefined;
  for (const [code, words] of Object.entries(specialCircumstanceKeywords)) {
    if (words.some((word) => key.includes(word))) return code as SpecialCircumstanceGroupCode;
  }
  return undefined;
}
