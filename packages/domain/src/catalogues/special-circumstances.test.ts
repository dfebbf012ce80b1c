import { describe, expect, it } from 'vitest';
import {
  currentSpecialCircumstanceCatalogue,
  findSpecialCircumstanceCatalogue,
  findSpecialCircumstanceGroup,
  findSpecialCircumstanceGroupByName,
  findSpecialCircumstanceSubgroup,
  isSubgroupOfGroup,
  parseSpecialCircumstanceGroupCode,
  SpecialCircumstanceCatalogue,
  SpecialCircumstanceGroupCode,
  specialCircumstances2017,
} from './special-circumstances';

describe('special circumstances catalogue', () => {
  it('is a valid dated catalogue of the 14 groups in the Vietnamese letter order', () => {
    expect(SpecialCircumstanceCatalogue.parse(specialCircumstances2017)).toEqual(specialCircumstances2017);
    expect(specialCircumstances2017.validFrom).toBe('2017-06-01');
    expect(specialCircumstances2017.groups.map((g) => g.code)).toEqual(SpecialCircumstanceGroupCode.options);
    expect(specialCircumstances2017.groups.map((g) => g.code).join('')).toBe('abcdđeghiklmno');
  });

  it('keeps the verification flags of the legal reference', () => {
    const group = (code: SpecialCircumstanceGroupCode) => findSpecialCircumstanceGroup(code)!;
    expect(specialCircumstances2017.groups.every((g) => g.verified)).toBe(true);
    expect(group('a')).toMatchObject({
      subgroupsVerified: true,
      subgroupsComplete: true,
      decreeArticleVerified: true,
    });
    expect(group('c')).toMatchObject({ subgroupsVerified: false, subgroupsComplete: false });
    expect(group('c').subgroups.every((s) => !s.verified)).toBe(true);
    expect(group('đ')).toMatchObject({ codeAscii: 'dd', subgroups: [], subgroupsComplete: false });
  });

  it('codes subgroups by group and position, without the reference placeholders', () => {
    const codes = currentSpecialCircumstanceCatalogue().groups.flatMap((g) => g.subgroups.map((s) => s.code));
    expect(codes).toEqual([
      'a1',
      'a2',
      'a3',
      'a4',
      'b1',
      'b2',
      'c1',
      'c2',
      'c3',
      'c4',
      'k1',
      'l1',
      'l2',
      'l3',
      'l4',
      'l5',
    ]);
    const names = currentSpecialCircumstanceCatalogue().groups.flatMap((g) =>
      g.subgroups.map((s) => s.nameVi),
    );
    expect(names.some((name) => name.includes('list continues'))).toBe(false);
    expect(findSpecialCircumstanceSubgroup('l1')?.nameVi).toBe('bị hiếp dâm');
    expect(findSpecialCircumstanceSubgroup('a9')).toBeUndefined();
  });

  it.each([
    ['2017-05-31', undefined],
    ['2017-06-01', '2017'],
    ['2026-01-01', '2017'],
  ])('the catalogue valid on %s is %s', (at, version) => {
    expect(findSpecialCircumstanceCatalogue(at)?.version).toBe(version);
  });

  it.each([
    ['a', 'a'],
    ['A', 'a'],
    [' c ', 'c'],
    ['đ', 'đ'],
    ['Đ', 'đ'],
    ['dd', 'đ'],
    ['DD', 'đ'],
    ['d', 'd'],
    ['a)', 'a'],
    ['o.', 'o'],
    ['f', undefined],
    ['j', undefined],
    ['ab', undefined],
    ['', undefined],
  ])('parseSpecialCircumstanceGroupCode(%j) is %s', (value, code) => {
    expect(parseSpecialCircumstanceGroupCode(value)).toBe(code);
  });

  it.each([
    ['a2', 'a', true],
    ['a2', 'b', false],
    ['dd1', 'đ', true],
    ['d1', 'đ', false],
    ['dd1', 'd', false],
    ['l5', 'l', true],
  ] as const)('%s belongs to %s: %s', (subgroup, group, expected) => {
    expect(isSubgroupOfGroup(subgroup, group)).toBe(expected);
  });

  it.each([
    ['Trẻ em mồ côi cả cha và mẹ', 'a'],
    ['Mồ côi cả cha mẹ', 'a'],
    ['Trẻ bị bỏ rơi', 'b'],
    ['Không nơi nương tựa', 'c'],
    ['Khuyết tật', 'd'],
    ['trẻ khuyet tat', 'd'],
    ['Nhiễm HIV/AIDS', 'đ'],
    ['Vi phạm pháp luật', 'e'],
    ['Nghiện ma túy', 'g'],
    ['Bỏ học kiếm sống', 'h'],
    ['Bị bạo lực', 'i'],
    ['Bị bóc lột', 'k'],
    ['Bị xâm hại tình dục', 'l'],
    ['Bị mua bán', 'm'],
    ['Bệnh hiểm nghèo', 'n'],
    ['Trẻ em di cư', 'o'],
    ['Học giỏi', undefined],
  ])('finds the group named in %j', (text, code) => {
    expect(findSpecialCircumstanceGroupByName(text)).toBe(code);
  });
});
