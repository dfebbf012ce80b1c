import { describe, expect, it } from 'vitest';
import { compactFold } from '../registry/vietnamese-text';
import {
  EthnicityCode,
  ethnicGroups,
  ethnicityCatalogue,
  FOREIGN_NATIONAL_ETHNICITY,
  findEthnicGroup,
  getEthnicGroup,
} from './ethnic-groups';

describe('ethnic groups catalogue', () => {
  it('has the 54 groups with codes 01–54 in order', () => {
    expect(ethnicGroups).toHaveLength(54);
    expect(ethnicGroups.map((g) => g.code)).toEqual(
      Array.from({ length: 54 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expect(ethnicGroups.every((g) => g.isOfficialGroup)).toBe(true);
  });

  it.each([
    ['01', 'Kinh'],
    ['02', 'Tày'],
    ['03', 'Thái'],
    ['04', 'Hoa'],
    ['05', 'Khơ-me'],
    ['06', 'Mường'],
    ['07', 'Nùng'],
    ['08', 'Mông'],
    ['09', 'Dao'],
    ['17', 'Chăm'],
    ['23', 'Bru-Vân Kiều'],
    ['52', 'Brâu'],
    ['53', 'Ơ Đu'],
    ['54', 'Rơ Măm'],
  ])('code %s is %s', (code, name) => {
    expect(getEthnicGroup(code).nameVi).toBe(name);
  });

  it('adds "người nước ngoài" as 55 after the 54 groups', () => {
    expect(ethnicityCatalogue).toHaveLength(55);
    expect(ethnicityCatalogue.at(-1)).toEqual(FOREIGN_NATIONAL_ETHNICITY);
    expect(FOREIGN_NATIONAL_ETHNICITY.isOfficialGroup).toBe(false);
  });

  it('gives every name and alias to one group only', () => {
    const owners = new Map<string, Set<string>>();
    for (const group of ethnicityCatalogue) {
      for (const name of [group.nameVi, group.nameEn, ...group.aliases]) {
        const key = compactFold(name);
        owners.set(key, (owners.get(key) ?? new Set()).add(group.code));
      }
    }
    const shared = [...owners].filter(([, codes]) => codes.size > 1);
    expect(shared).toEqual([]);
  });

  it.each([
    ['kinh', '01'],
    ['Kinh', '01'],
    ['KINH', '01'],
    ['Mường', '06'],
    ['muong', '06'],
    ['  Mường ', '06'],
    ['Khmer', '05'],
    ['Khơ me', '05'],
    ['HMông', '08'],
    ["H'mông", '08'],
    ['Mong', '08'],
    ['Ê Đê', '12'],
    ['ede', '12'],
    ['Dân tộc Tày', '02'],
    ['dan toc thai', '03'],
    ['Bru - Vân Kiều', '23'],
    ['Van Kieu', '23'],
    ['Gié Triêng', '27'],
    ["K'Ho", '16'],
    ['Co', '30'],
    ['Cơ Lao', '47'],
    ['Lào', '37'],
    ['Lự', '42'],
    ['La Hủ', '41'],
    ['Ơ-đu', '53'],
    ['Rơ-măm', '54'],
    ['1', '01'],
    ['06', '06'],
    ['54', '54'],
    ['55', '55'],
    ['Người nước ngoài', '55'],
  ])('findEthnicGroup(%j) is %s', (value, code) => {
    expect(findEthnicGroup(value)?.code).toBe(code);
  });

  it.each(['', 'Việt kiều', 'Hàn Quốc', '56', '0', 'dân tộc'])('finds nothing for %j', (value) => {
    expect(findEthnicGroup(value)).toBeUndefined();
  });

  it.each([
    ['01', true],
    ['54', true],
    ['55', true],
    ['00', false],
    ['56', false],
    ['1', false],
    ['Kinh', false],
  ])('EthnicityCode accepts %j: %s', (value, ok) => {
    expect(EthnicityCode.safeParse(value).success).toBe(ok);
  });
});
