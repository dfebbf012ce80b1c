import { describe, expect, it } from 'vitest';
import {
  parseImportDate,
  parseImportPersonalId,
  parseSex,
  parseSpecialCircumstanceList,
} from './import-values';

describe('parseImportDate', () => {
  it.each<[unknown, string]>([
    ['04/03/2015', '2015-03-04'],
    ['4/3/2015', '2015-03-04'],
    ['04-03-2015', '2015-03-04'],
    ['04.03.2015', '2015-03-04'],
    [' 04 / 03 / 2015 ', '2015-03-04'],
    ['29/02/2016', '2016-02-29'],
    ['31/12/2010', '2010-12-31'],
    ['2015-03-04', '2015-03-04'],
    ['2015-3-4', '2015-03-04'],
    ['2015/03/04', '2015-03-04'],
    ['2015', '2015'],
    [' 2015 ', '2015'],
    [2015, '2015'],
    [42067, '2015-03-04'],
    [42067.75, '2015-03-04'],
    ['42067', '2015-03-04'],
    [1, '1899-12-31'],
    [61, '1900-03-01'],
    [45658, '2025-01-01'],
    [new Date(2015, 2, 4), '2015-03-04'],
    [new Date(2015, 2, 3, 23, 59, 17), '2015-03-04'],
    [new Date(2015, 2, 4, 1, 0, 0), '2015-03-04'],
  ])('%j → %s', (value, iso) => {
    expect(parseImportDate(value)).toEqual({ ok: true, value: iso });
  });

  it.each<[unknown, string]>([
    ['03/25/2015', 'import_date_month_first'],
    ['2/29/2016', 'import_date_month_first'],
    ['31/02/2015', 'import_date_invalid'],
    ['29/02/2015', 'import_date_invalid'],
    ['32/01/2015', 'import_date_invalid'],
    ['04/03/15', 'import_date_invalid'],
    ['04/03-2015', 'import_date_invalid'],
    ['2015-02-30', 'import_date_invalid'],
    ['ngày 4 tháng 3', 'import_date_invalid'],
    ['', 'import_date_invalid'],
    [0, 'import_date_invalid'],
    [-5, 'import_date_invalid'],
    [80001, 'import_date_invalid'],
    [Number.NaN, 'import_date_invalid'],
    [new Date(Number.NaN), 'import_date_invalid'],
    [null, 'import_date_invalid'],
    [undefined, 'import_date_invalid'],
    [true, 'import_date_invalid'],
  ])('%j → %s', (value, error) => {
    expect(parseImportDate(value)).toEqual({ ok: false, error });
  });
});

describe('parseSex', () => {
  it.each<[unknown, 'male' | 'female']>([
    ['Nam', 'male'],
    ['nam', 'male'],
    [' NAM ', 'male'],
    ['M', 'male'],
    ['male', 'male'],
    ['Male', 'male'],
    ['trai', 'male'],
    ['1', 'male'],
    [1, 'male'],
    ['Nữ', 'female'],
    ['nữ', 'female'],
    ['NỮ', 'female'],
    ['nu', 'female'],
    ['Nu\u0303', 'female'],
    ['F', 'female'],
    ['female', 'female'],
    ['Gái', 'female'],
    ['2', 'female'],
    [2, 'female'],
  ])('%j → %s', (value, sex) => {
    expect(parseSex(value)).toEqual({ ok: true, value: sex });
  });

  it.each<unknown>(['', 'x', '0', 0, 'Nam/Nữ', 'khác', null, undefined])('refuses %j', (value) => {
    expect(parseSex(value)).toEqual({ ok: false, error: 'import_sex_invalid' });
  });
});

describe('parseSpecialCircumstanceList', () => {
  it.each<[unknown, Array<{ group: string; subgroup: string | null }>]>([
    [
      'a, c; đ',
      [
        { group: 'a', subgroup: null },
        { group: 'c', subgroup: null },
        { group: 'đ', subgroup: null },
      ],
    ],
    ['dd', [{ group: 'đ', subgroup: null }]],
    ['D', [{ group: 'd', subgroup: null }]],
    [
      'a/b',
      [
        { group: 'a', subgroup: null },
        { group: 'b', subgroup: null },
      ],
    ],
    [
      'a và c',
      [
        { group: 'a', subgroup: null },
        { group: 'c', subgroup: null },
      ],
    ],
    ['Nhóm a2', [{ group: 'a', subgroup: 'a2' }]],
    [
      'a2, dd1',
      [
        { group: 'a', subgroup: 'a2' },
        { group: 'đ', subgroup: 'dd1' },
      ],
    ],
    ['a) ; a', [{ group: 'a', subgroup: null }]],
    ['Trẻ em mồ côi cả cha và mẹ', [{ group: 'a', subgroup: null }]],
    [
      'Khuyết tật, nhiễm HIV',
      [
        { group: 'd', subgroup: null },
        { group: 'đ', subgroup: null },
      ],
    ],
    ['Trẻ em di cư, trẻ em lánh nạn, tị nạn chưa xác định được cha mẹ', [{ group: 'o', subgroup: null }]],
    ['', []],
    ['  ', []],
    [null, []],
    [undefined, []],
  ])('%j', (value, expected) => {
    expect(parseSpecialCircumstanceList(value)).toEqual({ ok: true, value: expected });
  });

  it.each<unknown>(['a, f', 'x', 'hộ nghèo', 12, 'a và z'])('refuses %j', (value) => {
    expect(parseSpecialCircumstanceList(value)).toEqual({
      ok: false,
      error: 'import_special_circumstance_invalid',
    });
  });
});

describe('parseImportPersonalId', () => {
  it.each<[unknown, string | null]>([
    ['038315001234', '038315001234'],
    ['038 315 001 234', '038315001234'],
    ["'038315001234", '038315001234'],
    [38315001234, '038315001234'],
    ['38315001234', '038315001234'],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (value, id) => {
    expect(parseImportPersonalId(value)).toEqual({ ok: true, value: id });
  });

  it.each<unknown>(['12345', '03831500123456', 'CCCD038315', 3.8e11 + 0.5, {}])('refuses %j', (value) => {
    expect(parseImportPersonalId(value)).toEqual({ ok: false, error: 'personal_id_format' });
  });
});
