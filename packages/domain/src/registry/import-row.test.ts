import { describe, expect, it } from 'vitest';
import { validationMessages } from '../common';
import type { ImportField } from './import-headers';
import {
  findHeaderRow,
  formatImportIssue,
  ImportRowIssueCode,
  importFingerprint,
  importIssueMessage,
  isBlankRow,
  mapImportColumns,
  readImportRow,
} from './import-row';

const HEADERS = [
  'STT',
  'Họ và tên',
  'Ngày, tháng, năm sinh',
  'Giới tính',
  'Dân tộc',
  'Số định danh',
  'Thôn/Tổ',
  'Họ tên cha/mẹ',
  'Đối tượng',
  'Họ tên chủ hộ',
  'Số điện thoại',
  'Hộ nghèo, cận nghèo',
  'Dạng khuyết tật',
  'Số thẻ BHYT',
  'Trường',
  'Lớp',
  'Ghi chú',
  'Họ tên người giám hộ',
];
const COLUMNS = mapImportColumns(HEADERS);
const OPTS = { unitCode: '14812', referenceDate: '2026-06-15' };

/** A valid row of a Bỉm Sơn list; each test overrides the cells it is about. */
const BASE: Partial<Record<ImportField, unknown>> = {
  rowNumber: 1,
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '04/03/2015',
  sex: 'Nam',
  ethnicity: 'Kinh',
  personalId: '038215000123',
  village: 'Khu phố 1',
};

function cellsOf(patch: Partial<Record<ImportField, unknown>>): unknown[] {
  const values = { ...BASE, ...patch };
  return COLUMNS.map((column) => (column.field ? (values[column.field] ?? null) : null));
}

const read = (patch: Partial<Record<ImportField, unknown>>, opts = OPTS) =>
  readImportRow(7, cellsOf(patch), COLUMNS, opts);

describe('mapImportColumns', () => {
  it('maps each header, unknown columns and second columns of a field to null', () => {
    expect(mapImportColumns(['STT', '  Họ  và tên ', 'Cân nặng', 'Ngày sinh', 'Họ tên', 'Năm sinh'])).toEqual(
      [
        { index: 0, header: 'STT', field: 'rowNumber' },
        { index: 1, header: 'Họ và tên', field: 'fullName' },
        { index: 2, header: 'Cân nặng', field: null },
        { index: 3, header: 'Ngày sinh', field: 'dateOfBirth' },
        { index: 4, header: 'Họ tên', field: null },
        { index: 5, header: 'Năm sinh', field: null },
      ],
    );
  });

  it('reads multi-line headers and headers without diacritics', () => {
    expect(
      mapImportColumns(['Ngày, tháng,\nnăm sinh', 'GIOI TINH', 'Ho ten cha/me']).map((c) => c.field),
    ).toEqual(['dateOfBirth', 'sex', 'parentName']);
  });
});

describe('findHeaderRow', () => {
  const header = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính'];
  it.each<[string, unknown[][], number | null]>([
    ['a header on the first row', [header, ['1', 'Lê Văn A']], 0],
    [
      'titles and blank rows above the header',
      [
        ['UBND PHƯỜNG BỈM SƠN'],
        ['DANH SÁCH TRẺ EM CÓ HOÀN CẢNH ĐẶC BIỆT NĂM 2026'],
        [],
        [null, null],
        ['Họ và tên người lập biểu: Lê Thị Hà'],
        header,
      ],
      5,
    ],
    ['only STT and name: not a header', [['STT', 'Họ và tên'], header], 1],
    ['no name column', [['STT', 'Ngày sinh', 'Giới tính']], null],
    ['nothing', [], null],
    ['beyond the rows scanned', [...Array.from({ length: 15 }, () => ['']), header], null],
  ])('%s', (_name, rows, expected) => {
    expect(findHeaderRow(rows)).toBe(expected);
  });

  it('scans as far as asked', () => {
    expect(findHeaderRow([...Array.from({ length: 20 }, () => []), header], 30)).toBe(20);
  });
});

describe('isBlankRow', () => {
  it.each<[unknown[], boolean]>([
    [[], true],
    [[null, undefined, '', '   ', '\t'], true],
    [[null, 0], false],
    [[null, false], false],
    [['x'], false],
  ])('%j → %s', (cells, expected) => {
    expect(isBlankRow(cells)).toBe(expected);
  });

  it('ignores a numbering column given the columns', () => {
    expect(isBlankRow([17, null, ''], COLUMNS)).toBe(true);
    expect(isBlankRow([17, 'Lê Văn A', ''], COLUMNS)).toBe(false);
    expect(isBlankRow([17, null, ''])).toBe(false);
  });
});

describe('readImportRow: messy rows that are valid', () => {
  it.each<[string, Partial<Record<ImportField, unknown>>, Record<string, unknown>]>([
    ['dd/MM/yyyy', { dateOfBirth: '04/03/2015' }, { dateOfBirth: '2015-03-04' }],
    ['d/M/yyyy', { dateOfBirth: '4/3/2015' }, { dateOfBirth: '2015-03-04' }],
    ['yyyy-MM-dd', { dateOfBirth: '2015-03-04' }, { dateOfBirth: '2015-03-04' }],
    ['an Excel serial number', { dateOfBirth: 42067 }, { dateOfBirth: '2015-03-04' }],
    ['an Excel serial as text', { dateOfBirth: '42067' }, { dateOfBirth: '2015-03-04' }],
    [
      'a Date cell at UTC midnight',
      { dateOfBirth: new Date(Date.UTC(2015, 2, 4)) },
      { dateOfBirth: '2015-03-04' },
    ],
    ['a local Date cell', { dateOfBirth: new Date(2015, 2, 4) }, { dateOfBirth: '2015-03-04' }],
    ['a year only', { dateOfBirth: 2015 }, { dateOfBirth: '2015' }],
    [
      'a child born on the reference day',
      { dateOfBirth: '15/06/2026', personalId: null },
      { dateOfBirth: '2026-06-15' },
    ],
    [
      '15 years and 364 days old',
      { dateOfBirth: '16/06/2010', personalId: null },
      { dateOfBirth: '2010-06-16' },
    ],
    ['upper case and stray spaces', { fullName: '  NGUYỄN   VĂN  AN ' }, { fullName: 'Nguyễn Văn An' }],
    ['lower case without diacritics', { fullName: 'nguyen van an' }, { fullName: 'Nguyen Van An' }],
    ['mixed case kept as typed', { fullName: 'Hà Thị Ngọc Ánh' }, { fullName: 'Hà Thị Ngọc Ánh' }],
    ['an Ê Đê name', { fullName: "H'HEN NIÊ", sex: 'Nữ', personalId: null }, { fullName: "H'Hen Niê" }],
    ['sex "nu" without diacritics', { sex: 'nu', personalId: '038315000123' }, { sex: 'female' }],
    ['sex as census code 1', { sex: 1 }, { sex: 'male' }],
    ['ethnicity without diacritics', { ethnicity: 'muong' }, { ethnicity: '06' }],
    ['ethnicity by code', { ethnicity: 6 }, { ethnicity: '06' }],
    ['id with spaces', { personalId: '038 215 000 123' }, { personalId: '038215000123' }],
    ['id stored as a number', { personalId: 38215000123 }, { personalId: '038215000123' }],
    [
      'a group code list',
      { specialCircumstances: 'a, c' },
      {
        specialCircumstances: [
          { group: 'a', subgroup: null, startDate: '2026-06-15' },
          { group: 'c', subgroup: null, startDate: '2026-06-15' },
        ],
      },
    ],
    [
      'a group by name',
      { specialCircumstances: 'Trẻ em mồ côi cả cha và mẹ' },
      { specialCircumstances: [{ group: 'a', subgroup: null, startDate: '2026-06-15' }] },
    ],
    [
      'a group name without diacritics and đ as dd',
      { specialCircumstances: 'Tre em khuyet tat; dd' },
      {
        specialCircumstances: [
          { group: 'd', subgroup: null, startDate: '2026-06-15' },
          { group: 'đ', subgroup: null, startDate: '2026-06-15' },
        ],
      },
    ],
    ['"Không" in the groups column', { specialCircumstances: 'Không' }, { specialCircumstances: undefined }],
    ['a phone that lost its leading zero', { phone: 912345678 }, { household: { phone: '0912345678' } }],
    [
      'poverty with its year',
      { povertyStatus: 'Hộ cận nghèo 2025' },
      {
        household: { povertyStatus: 'near_poor', povertyYear: 2025 },
      },
    ],
    [
      'poverty without a year is this year’s list',
      { povertyStatus: 'hộ nghèo' },
      {
        household: { povertyStatus: 'poor', povertyYear: 2026 },
      },
    ],
    [
      'household head in capitals',
      { householdHead: 'NGUYỄN VĂN HÙNG' },
      { household: { headName: 'Nguyễn Văn Hùng' } },
    ],
    [
      'school and a numeric grade',
      { school: 'Trường Tiểu học Ba Đình', grade: 3 },
      {
        education: { school: 'Trường Tiểu học Ba Đình', grade: '3' },
      },
    ],
    [
      'a disability type and level',
      { disability: 'Khuyết tật vận động nặng' },
      {
        health: { disability: { type: 'mobility', level: 'severe' } },
      },
    ],
    [
      'a disability without diacritics',
      { disability: 'tri tue' },
      {
        health: { disability: { type: 'intellectual', level: null } },
      },
    ],
    [
      'an insurance card',
      { insuranceCardNumber: 'TE1 38 382 0000123' },
      {
        health: { insuranceCardNumber: 'TE1383820000123' },
      },
    ],
    ['a note', { note: ' Chuyển đến từ Hà Trung ' }, { note: 'Chuyển đến từ Hà Trung' }],
  ])('%s', (_name, patch, expected) => {
    const result = read(patch);
    expect(result.issues).toEqual([]);
    expect(result.child).toMatchObject({ ...expected, unitCode: '14812' });
    expect(result.rowNumber).toBe(7);
  });

  it('reads parents: father first, or as the prefixes and middle names say', () => {
    const cases: Array<[string, Array<[string, string]>]> = [
      [
        'Nguyễn Văn Hùng / Lê Thị Lan',
        [
          ['Nguyễn Văn Hùng', 'father'],
          ['Lê Thị Lan', 'mother'],
        ],
      ],
      [
        'Lê Thị Lan - Nguyễn Văn Hùng',
        [
          ['Lê Thị Lan', 'mother'],
          ['Nguyễn Văn Hùng', 'father'],
        ],
      ],
      [
        'Mẹ: Lê Thị Lan; Bố: Nguyễn Văn Hùng',
        [
          ['Lê Thị Lan', 'mother'],
          ['Nguyễn Văn Hùng', 'father'],
        ],
      ],
      ['Lê Thị Lan', [['Lê Thị Lan', 'mother']]],
      ['le thi lan', [['Le Thi Lan', 'mother']]],
      ['Bố Trần Văn Bảo', [['Trần Văn Bảo', 'father']]],
      ['Hà Thị Hoa (bà ngoại)', [['Hà Thị Hoa', 'grandparent']]],
    ];
    for (const [cell, expected] of cases) {
      const result = read({ parentName: cell });
      expect(result.issues, cell).toEqual([]);
      expect(
        result.child?.caregivers?.map((c) => [c.fullName, c.relationship]),
        cell,
      ).toEqual(expected);
    }
  });

  it('reads lists typed one item a line in the cell (Alt+Enter)', () => {
    const result = read({
      parentName: 'Nguyễn Văn Hùng\r\nLê Thị Lan',
      specialCircumstances: 'a\nc',
      note: 'Dòng 1\nDòng 2',
    });
    expect(result.issues).toEqual([]);
    expect(result.child?.caregivers?.map((c) => c.fullName)).toEqual(['Nguyễn Văn Hùng', 'Lê Thị Lan']);
    expect(result.child?.specialCircumstances?.map((s) => s.group)).toEqual(['a', 'c']);
    expect(result.child?.note).toBe('Dòng 1\nDòng 2');
  });

  it('reads a guardian column as legal guardians', () => {
    const result = read({ caregiverName: 'Ông: Ông Văn Tùng' });
    expect(result.child?.caregivers).toEqual([
      { fullName: 'Ông Văn Tùng', relationship: 'grandparent', isGuardian: false },
    ]);
    expect(read({ caregiverName: 'Phạm Văn Tài' }).child?.caregivers).toEqual([
      { fullName: 'Phạm Văn Tài', relationship: 'guardian', isGuardian: true },
    ]);
  });

  it('reads the sex from a pair of Nam / Nữ columns with a mark in one', () => {
    const columns = mapImportColumns(['Họ và tên', 'Ngày sinh', 'Nam', 'Nữ']);
    expect(readImportRow(3, ['Lê Thị Hoa', '2016', null, 'x'], columns, OPTS).child?.sex).toBe('female');
    expect(readImportRow(3, ['Lê Văn Nam', '2016', 'X', ''], columns, OPTS).child?.sex).toBe('male');
    expect(readImportRow(3, ['Lê Văn Nam', '2016', 'x', 'x'], columns, OPTS).issues).toEqual([
      { field: 'sex', code: 'import_sex_invalid', severity: 'error', value: 'Nam, Nữ' },
    ]);
    expect(readImportRow(3, ['Lê Văn Nam', '2016', null, null], columns, OPTS).issues).toEqual([
      { field: 'sex', code: 'import_sex_required', severity: 'error', value: null },
    ]);
  });

  it('needs only name, date of birth and sex', () => {
    const columns = mapImportColumns(['Họ tên', 'Năm sinh', 'Giới tính']);
    expect(readImportRow(2, ['Lò Văn Páo', 2014, 'Nam'], columns, OPTS)).toEqual({
      rowNumber: 2,
      child: { fullName: 'Lò Văn Páo', sex: 'male', dateOfBirth: '2014', unitCode: '14812' },
      issues: [],
      fingerprint: 'v1|lo van pao|2014|male||||',
    });
  });
});

describe('readImportRow: errors', () => {
  it.each<[string, Partial<Record<ImportField, unknown>>, ImportField, string]>([
    ['missing name', { fullName: '   ' }, 'fullName', 'import_full_name_required'],
    ['a name with digits', { fullName: 'Nguyễn Văn An 2' }, 'fullName', 'person_name'],
    ['missing date of birth', { dateOfBirth: null }, 'dateOfBirth', 'import_date_of_birth_required'],
    ['an unreadable date', { dateOfBirth: 'mùng 4 tháng 3' }, 'dateOfBirth', 'import_date_invalid'],
    ['a date that does not exist', { dateOfBirth: '31/02/2015' }, 'dateOfBirth', 'import_date_invalid'],
    ['a two-digit year', { dateOfBirth: '04/03/15' }, 'dateOfBirth', 'import_date_invalid'],
    ['a month-first date', { dateOfBirth: '03/25/2015' }, 'dateOfBirth', 'import_date_month_first'],
    ['a future date', { dateOfBirth: '16/06/2026', personalId: null }, 'dateOfBirth', 'date_of_birth_future'],
    ['a future year', { dateOfBirth: '2027', personalId: null }, 'dateOfBirth', 'date_of_birth_future'],
    [
      '16 on the reference day',
      { dateOfBirth: '15/06/2010', personalId: null },
      'dateOfBirth',
      'import_child_too_old',
    ],
    ['an adult', { dateOfBirth: '1990', personalId: null }, 'dateOfBirth', 'import_child_too_old'],
    ['serial 1 (1899)', { dateOfBirth: 1, personalId: null }, 'dateOfBirth', 'import_child_too_old'],
    ['missing sex', { sex: '' }, 'sex', 'import_sex_required'],
    ['an unknown sex', { sex: 'khác' }, 'sex', 'import_sex_invalid'],
    ['an id too short', { personalId: '0382150001' }, 'personalId', 'personal_id_format'],
    ['an id with letters', { personalId: '038215OOO123' }, 'personalId', 'personal_id_format'],
    ['an id of no province', { personalId: '999215000123' }, 'personalId', 'personal_id_province'],
    ['an id of a girl for a boy', { personalId: '038315000123' }, 'personalId', 'personal_id_sex'],
    ['an id of another year', { personalId: '038216000123' }, 'personalId', 'personal_id_birth_year'],
    ['an id of another century', { personalId: '038015000123' }, 'personalId', 'personal_id_century'],
    ['an unknown ethnicity', { ethnicity: 'Kinhh' }, 'ethnicity', 'import_ethnicity_unknown'],
    ['an ethnicity code out of range', { ethnicity: 77 }, 'ethnicity', 'import_ethnicity_unknown'],
    [
      'an unknown group',
      { specialCircumstances: 'a, f' },
      'specialCircumstances',
      'import_special_circumstance_invalid',
    ],
    [
      'a group in words not known',
      { specialCircumstances: 'hoàn cảnh khó khăn' },
      'specialCircumstances',
      'import_special_circumstance_invalid',
    ],
    ['an unknown poverty status', { povertyStatus: 'khó khăn' }, 'povertyStatus', 'import_poverty_invalid'],
    [
      'a tick under a header naming both statuses',
      { povertyStatus: 'x' },
      'povertyStatus',
      'import_poverty_invalid',
    ],
    ['a village too long', { village: 'Khu phố '.repeat(20) }, 'village', 'import_too_long'],
    ['a parent name with digits', { parentName: 'Nguyễn Văn 3' }, 'parentName', 'person_name'],
    ['a household head with digits', { householdHead: 'Hộ 12' }, 'householdHead', 'person_name'],
  ])('%s', (_name, patch, field, code) => {
    const result = read(patch);
    expect(result.child).toBeNull();
    expect(result.fingerprint).toBeNull();
    expect(result.issues).toContainEqual(expect.objectContaining({ field, code, severity: 'error' }));
    expect(result.issues.filter((i) => i.field === field)).toHaveLength(1);
  });

  it('keeps the typed value of the bad cell', () => {
    expect(read({ dateOfBirth: ' 31/02/2015 ' }).issues).toEqual([
      { field: 'dateOfBirth', code: 'import_date_invalid', severity: 'error', value: '31/02/2015' },
    ]);
  });

  it('reports every bad cell of a row, not only the first', () => {
    const result = read({ fullName: null, sex: 'X', ethnicity: '???', dateOfBirth: '2030-01-01' });
    expect(result.issues.map((i) => [i.field, i.code])).toEqual([
      ['fullName', 'import_full_name_required'],
      ['dateOfBirth', 'date_of_birth_future'],
      ['sex', 'import_sex_invalid'],
      ['ethnicity', 'import_ethnicity_unknown'],
    ]);
  });

  it('does not check the id against a sex or date it could not read', () => {
    expect(read({ sex: '?', dateOfBirth: '??' }).issues.map((i) => i.code)).toEqual([
      'import_date_invalid',
      'import_sex_invalid',
    ]);
  });

  it('never throws, whatever the cells hold', () => {
    const odd = [
      undefined,
      null,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      -1,
      true,
      {},
      [],
      new Date(Number.NaN),
      'x'.repeat(5000),
    ];
    for (const value of odd) {
      for (const field of [
        'fullName',
        'dateOfBirth',
        'sex',
        'personalId',
        'phone',
        'disability',
        'note',
      ] as const) {
        const result = read({ [field]: value });
        expect(result.child === null || result.issues.every((i) => i.severity === 'warning')).toBe(true);
      }
    }
    expect(readImportRow(1, [], [], OPTS).issues.map((i) => i.code)).toEqual([
      'import_full_name_required',
      'import_date_of_birth_required',
      'import_sex_required',
    ]);
  });
});

describe('readImportRow: warnings keep the child', () => {
  it.each<[string, Partial<Record<ImportField, unknown>>, ImportField, string, Record<string, unknown>]>([
    [
      'a malformed phone',
      { phone: '09123' },
      'phone',
      'import_phone_invalid',
      { note: 'Số điện thoại: 09123' },
    ],
    [
      'a malformed card number, after a note',
      { insuranceCardNumber: 'TE1-sai', note: 'Ở với bà' },
      'insuranceCardNumber',
      'import_insurance_card_invalid',
      { note: 'Ở với bà; Số thẻ BHYT: TE1-sai' },
    ],
    [
      'two types of disability',
      { disability: 'câm điếc, mù' },
      'disability',
      'import_disability_unclear',
      { health: { disability: { type: 'other', level: null } }, note: 'Dạng khuyết tật: câm điếc, mù' },
    ],
    [
      'a tick in the disability column',
      { disability: 'x' },
      'disability',
      'import_disability_unclear',
      { health: { disability: { type: 'other', level: null } }, note: undefined },
    ],
    [
      'a parent with neither Văn nor Thị',
      { parentName: 'Nguyễn Minh Tú' },
      'parentName',
      'import_parent_relationship_unknown',
      { caregivers: [{ fullName: 'Nguyễn Minh Tú', relationship: 'other', isGuardian: false }] },
    ],
  ])('%s', (_name, patch, field, code, expected) => {
    const result = read(patch);
    expect(result.issues).toEqual([expect.objectContaining({ field, code, severity: 'warning' })]);
    expect(result.child).toMatchObject(expected);
    expect(result.fingerprint).not.toBeNull();
  });
});

describe('fingerprint', () => {
  it('is the same for the same data typed differently', () => {
    const a = read({
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '04/03/2015',
      parentName: 'Nguyễn Văn Hùng / Lê Thị Lan',
      householdHead: 'Nguyễn Văn Hùng',
      village: 'Khu phố 1',
    });
    const b = read({
      fullName: '  NGUYEN VAN  AN',
      dateOfBirth: new Date(Date.UTC(2015, 2, 4)),
      sex: 'nam',
      parentName: 'Lê Thị Lan; Nguyễn Văn Hùng',
      householdHead: 'nguyen van hung',
      village: 'Khu  phố 1',
      school: 'Trường Tiểu học Ba Đình',
    });
    expect(a.fingerprint).toBe(
      'v1|nguyen van an|2015-03-04|male|038215000123|le thi lan;nguyen van hung|nguyen van hung|khu pho 1',
    );
    expect(b.fingerprint).toBe(a.fingerprint);
  });

  it.each<[string, Partial<Record<ImportField, unknown>>]>([
    ['another date', { dateOfBirth: '05/03/2015' }],
    ['another name', { fullName: 'Nguyễn Văn Anh' }],
    ['another id', { personalId: '038215000124' }],
    ['no id', { personalId: null }],
    ['another village', { village: 'Khu phố 2' }],
    ['a parent', { parentName: 'Lê Thị Lan' }],
  ])('differs with %s', (_name, patch) => {
    expect(read(patch).fingerprint).not.toBe(read({}).fingerprint);
  });

  it('is computed from a request', () => {
    expect(
      importFingerprint({ fullName: 'Lê Thị Hoa', sex: 'female', dateOfBirth: '2016', unitCode: '14812' }),
    ).toBe('v1|le thi hoa|2016|female||||');
  });
});

describe('messages', () => {
  it.each(ImportRowIssueCode.options)('%s has a Vietnamese and an English text', (code) => {
    expect(validationMessages[code]?.vi).toMatch(/\S/);
    expect(validationMessages[code]?.en).toMatch(/\S/);
  });

  it('names the column of an issue', () => {
    const issue = { field: 'dateOfBirth' as const, code: 'date_of_birth_future' };
    expect(formatImportIssue(issue, COLUMNS, 'vi')).toBe(
      'Cột Ngày, tháng, năm sinh: Ngày sinh không được ở tương lai',
    );
    expect(formatImportIssue(issue, COLUMNS, 'en')).toBe(
      'Column Ngày, tháng, năm sinh: Date of birth cannot be in the future',
    );
    expect(formatImportIssue({ field: 'sex', code: 'import_sex_required' }, [], 'vi')).toBe(
      'Giới tính: Thiếu giới tính: hãy ghi Nam hoặc Nữ',
    );
    expect(formatImportIssue({ field: null, code: 'commune_code' }, COLUMNS, 'vi')).toBe(
      'Mã xã, phường gồm 5 chữ số',
    );
    expect(importIssueMessage('no_such_code', 'vi')).toBe('no_such_code');
  });

  it('reports an unusable unit on the row, not a column', () => {
    const result = read({}, { unitCode: '148', referenceDate: OPTS.referenceDate });
    expect(result.issues).toEqual([{ field: null, code: 'commune_code', severity: 'error', value: null }]);
    expect(result.child).toBeNull();
  });
});
