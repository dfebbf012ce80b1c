import { atRiskFlagLabels, currentSpecialCircumstanceCatalogue, sexLabels } from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import {
  findSubgroup,
  formatCount,
  formatDateOfBirth,
  formatPeriod,
  groupTitle,
  labelOf,
  optionsFromLabels,
  subgroupName,
} from './childText';

describe('formatDateOfBirth', () => {
  it('shows a full date as dd/MM/yyyy and a year-only date as the year', () => {
    expect(formatDateOfBirth('2015-03-04')).toBe('04/03/2015');
    expect(formatDateOfBirth('2015')).toBe('2015');
    expect(formatDateOfBirth(null)).toBe('');
  });
});

describe('formatCount', () => {
  it('uses the thousands separator of the language', () => {
    expect(formatCount(1234, 'vi')).toBe('1.234');
    expect(formatCount(1234, 'en')).toBe('1,234');
    expect(formatCount(7, 'vi')).toBe('7');
  });
});

describe('labels', () => {
  it('reads the domain labels in both languages and falls back to the code', () => {
    expect(labelOf(sexLabels, 'female', 'vi')).toBe('Nữ');
    expect(labelOf(sexLabels, 'female', 'en')).toBe('Female');
    expect(labelOf(atRiskFlagLabels, 'new_flag', 'vi')).toBe('new_flag');
    expect(labelOf(sexLabels, null, 'vi')).toBe('');
    expect(optionsFromLabels(['male', 'female'], sexLabels, 'vi')).toEqual([
      { value: 'male', label: 'Nam' },
      { value: 'female', label: 'Nữ' },
    ]);
  });
});

describe('special circumstances', () => {
  const catalogue = currentSpecialCircumstanceCatalogue();

  it('writes a group as the law does, letter first', () => {
    expect(groupTitle(catalogue, 'a', 'vi')).toBe('a) Trẻ em mồ côi cả cha và mẹ');
    expect(groupTitle(catalogue, 'x', 'vi')).toBe('x');
  });

  it('finds and capitalises a subgroup', () => {
    const subgroup = findSubgroup(catalogue, 'a1');
    expect(subgroup).toBeDefined();
    expect(subgroupName(subgroup!, 'vi')).toBe('Mồ côi cả cha và mẹ không có người chăm sóc');
    expect(findSubgroup(catalogue, 'zz9')).toBeUndefined();
  });

  it('shows a running period up to now', () => {
    expect(formatPeriod('2020-06-01', null, 'nay')).toBe('01/06/2020 – nay');
    expect(formatPeriod('2020-06-01', '2022-12-31', 'nay')).toBe('01/06/2020 – 31/12/2022');
  });
});
