import type {
  Label,
  SpecialCircumstanceCatalogue,
  SpecialCircumstanceGroup,
  SpecialCircumstanceSubgroup,
} from '@tuoitho/domain';
import { formatDate } from '../../lib/dates';

export type Language = 'vi' | 'en';

/**
 * A date of birth as officers read it: `dd/MM/yyyy`, or just the year when only the year is
 * known (`"2015"` → `2015`). Unreadable values are shown as they are.
 */
export function formatDateOfBirth(dateOfBirth: string | null | undefined): string {
  if (!dateOfBirth) return '';
  if (/^\d{4}$/.test(dateOfBirth)) return dateOfBirth;
  return formatDate(dateOfBirth);
}

/** A count with the language's thousands separator: 1.234 in Vietnamese, 1,234 in English. */
export function formatCount(count: number, language: Language): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN').format(count);
}

/** The label of a code in a `{code: {vi, en}}` table of the domain; the code when it is unknown. */
export function labelOf<K extends string>(
  labels: Record<K, Label>,
  code: K | string | null | undefined,
  language: Language,
): string {
  if (code === null || code === undefined) return '';
  const label = (labels as Record<string, Label | undefined>)[code];
  return label ? label[language] : code;
}

/** Options `{value, label}` of a closed list, in the order of its enum. */
export function optionsFromLabels<K extends string>(
  values: readonly K[],
  labels: Record<K, Label>,
  language: Language,
): Array<{ value: K; label: string }> {
  return values.map((value) => ({ value, label: labels[value][language] }));
}

export function groupName(group: Pick<SpecialCircumstanceGroup, 'nameVi' | 'nameEn'>, language: Language) {
  return language === 'en' ? group.nameEn : group.nameVi;
}

/** The group of a letter in a catalogue. */
export function findGroup(
  catalogue: SpecialCircumstanceCatalogue,
  code: string,
): SpecialCircumstanceGroup | undefined {
  return catalogue.groups.find((group) => group.code === code);
}

/** The subgroup of a code (`a2`, `dd1`) in a catalogue. */
export function findSubgroup(
  catalogue: SpecialCircumstanceCatalogue,
  code: string | null | undefined,
): SpecialCircumstanceSubgroup | undefined {
  if (!code) return undefined;
  for (const group of catalogue.groups) {
    const subgroup = group.subgroups.find((candidate) => candidate.code === code);
    if (subgroup) return subgroup;
  }
  return undefined;
}

/** "a) Trẻ em mồ côi cả cha và mẹ": the letter and the name of a group, as the law writes it. */
export function groupTitle(
  catalogue: SpecialCircumstanceCatalogue,
  code: string,
  language: Language,
): string {
  const group = findGroup(catalogue, code);
  return group ? `${code}) ${groupName(group, language)}` : code;
}

/** Vietnamese subgroup names start in lower case (they continue the group's name); capitalise. */
export function subgroupName(subgroup: SpecialCircumstanceSubgroup, language: Language): string {
  const name = language === 'en' ? subgroup.nameEn : subgroup.nameVi;
  const [first = '', ...rest] = Array.from(name);
  return first.toUpperCase() + rest.join('');
}

/** "01/06/2020 – 31/12/2022", or "01/06/2020 – nay" while the period runs. */
export function formatPeriod(startDate: string, endDate: string | null | undefined, present: string): string {
  return `${formatDate(startDate)} – ${endDate ? formatDate(endDate) : present}`;
}

/** The message key of a list order: `-dateOfBirth` → `dateOfBirth_desc`. */
export function sortKey(sort: string): string {
  return sort.startsWith('-') ? `${sort.slice(1)}_desc` : sort;
}
