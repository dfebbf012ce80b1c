import { Child, CreateChildRequest } from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import {
  childToFormValues,
  formNameForPath,
  isEmptyUpdate,
  sectionOf,
  toCreateRequest,
  toUpdateRequest,
  validationMessage,
} from './childForm';

const child: Child = Child.parse({
  id: '0b7c3f0e-7a4c-4f5e-9a61-2d3c8e1f4a10',
  version: 3,
  fullName: 'Nguyễn Thị Lan',
  sex: 'female',
  dateOfBirth: '2016-05-20',
  dateOfBirthPrecision: 'day',
  ageYears: 9,
  unitCode: '14812',
  unitName: 'Phường Bỉm Sơn',
  personalId: null,
  ethnicity: '01',
  birthRegistration: { registered: true, date: '2016-06-01', place: 'UBND phường Ba Đình' },
  residence: { village: 'Khu phố 3', address: null },
  household: {
    headName: 'Nguyễn Văn Hùng',
    membersCount: 4,
    phone: null,
    povertyStatus: 'poor',
    povertyYear: 2025,
  },
  caregivers: [{ fullName: 'Lê Thị Mai', relationship: 'mother', phone: '0912345678', isGuardian: false }],
  education: null,
  health: { disability: { type: 'visual', level: null } },
  specialCircumstances: [
    {
      id: '5a0d7e52-3a5b-4f08-8d33-6c1b0e9f2a11',
      group: 'd',
      subgroup: null,
      startDate: '2020-01-01',
      endDate: null,
      source: 'Quyết định xác định mức độ khuyết tật',
      note: null,
      confirmedBy: null,
      confirmedAt: null,
      isCurrent: true,
    },
  ],
  atRisk: ['dropout_risk'],
  note: null,
  status: 'active',
  statusChangedAt: null,
  createdAt: '2026-01-05T08:00:00+07:00',
  updatedAt: '2026-01-05T08:00:00+07:00',
  turned6On: null,
  pendingTransfer: null,
  mergedInto: null,
  mergedAt: null,
  abilities: { canEdit: true, canTransfer: false, canCancelTransfer: false, canMerge: false },
});

describe('toCreateRequest', () => {
  it('sends only the minimum when the officer knows no more', () => {
    const request = toCreateRequest({
      fullName: '  Trần Văn An ',
      sex: 'male',
      dateOfBirth: '2018',
      unitCode: '14812',
      personalId: ' ',
      residence: { village: '', address: '' },
      caregivers: [{}],
      specialCircumstances: [],
      atRisk: [],
      health: { disability: { type: null, level: 'mild' } },
    });
    expect(request).toEqual({ fullName: 'Trần Văn An', sex: 'male', dateOfBirth: '2018', unitCode: '14812' });
    expect(CreateChildRequest.safeParse(request).success).toBe(true);
  });

  it('builds the optional parts, dropping empty rows and implying a registered birth', () => {
    const request = toCreateRequest({
      fullName: 'Trần Văn An',
      sex: 'male',
      dateOfBirth: '2018-02-03',
      unitCode: '14812',
      birthRegistration: { date: '2018-03-01', place: '' },
      household: { headName: 'Trần Văn Bình', povertyStatus: 'near_poor', povertyYear: 2025 },
      caregivers: [{ fullName: 'Trần Văn Bình', relationship: 'father', phone: '' }, {}],
      specialCircumstances: [{ group: 'đ', subgroup: null, startDate: '2020-01-01', source: ' ' }],
      atRisk: ['violence_risk'],
    });
    expect(request.birthRegistration).toEqual({ registered: true, date: '2018-03-01', place: null });
    expect(request.household).toEqual({
      headName: 'Trần Văn Bình',
      membersCount: null,
      phone: null,
      povertyStatus: 'near_poor',
      povertyYear: 2025,
    });
    expect(request.caregivers).toEqual([
      { fullName: 'Trần Văn Bình', relationship: 'father', phone: null, isGuardian: false },
    ]);
    expect(request.specialCircumstances).toEqual([
      { group: 'đ', subgroup: null, startDate: '2020-01-01', endDate: null, source: null, note: null },
    ]);
    expect(CreateChildRequest.safeParse(request).success).toBe(true);
  });
});

describe('toUpdateRequest', () => {
  it('sends nothing but the version when nothing changed', () => {
    const request = toUpdateRequest(child, childToFormValues(child));
    expect(request).toEqual({ version: 3 });
    expect(isEmptyUpdate(request)).toBe(true);
  });

  it('sends a changed part whole, an emptied part as null and a cleared list as []', () => {
    const values = childToFormValues(child);
    values.household = { ...values.household, phone: '0987 654 321' };
    values.residence = { village: '', address: '' };
    values.caregivers = [];
    values.fullName = 'Nguyễn Thị Lan Anh';
    const request = toUpdateRequest(child, values);
    expect(request).toEqual({
      version: 3,
      fullName: 'Nguyễn Thị Lan Anh',
      residence: null,
      household: {
        headName: 'Nguyễn Văn Hùng',
        membersCount: 4,
        phone: '0987 654 321',
        povertyStatus: 'poor',
        povertyYear: 2025,
      },
      caregivers: [],
    });
    expect(isEmptyUpdate(request)).toBe(false);
  });

  it('keeps the id of a stored special circumstance so the server updates it', () => {
    const values = childToFormValues(child);
    values.specialCircumstances = [{ ...values.specialCircumstances![0]!, endDate: '2025-12-31' }];
    expect(toUpdateRequest(child, values).specialCircumstances).toEqual([
      {
        id: '5a0d7e52-3a5b-4f08-8d33-6c1b0e9f2a11',
        group: 'd',
        subgroup: null,
        startDate: '2020-01-01',
        endDate: '2025-12-31',
        source: 'Quyết định xác định mức độ khuyết tật',
        note: null,
      },
    ]);
  });
});

describe('field errors', () => {
  it('maps the paths of the server and of zod onto the form fields', () => {
    expect(formNameForPath('body.personalId')).toEqual(['personalId']);
    expect(formNameForPath('body.caregivers.0.phone')).toEqual(['caregivers', 0, 'phone']);
    expect(formNameForPath('/specialCircumstances/1/startDate')).toEqual([
      'specialCircumstances',
      1,
      'startDate',
    ]);
    expect(formNameForPath(['atRisk', 2])).toEqual(['atRisk']);
    expect(formNameForPath(['health', 'disability', 'type'])).toEqual(['health', 'disability', 'type']);
    expect(formNameForPath('body.household')).toBeUndefined();
    expect(formNameForPath('body')).toBeUndefined();
  });

  it('knows the section of a field, to open it', () => {
    expect(sectionOf(['fullName'])).toBe('required');
    expect(sectionOf(['caregivers', 0, 'phone'])).toBe('household');
    expect(sectionOf(['atRisk'])).toBe('special');
    expect(sectionOf(['nothing'])).toBeUndefined();
  });

  it('translates the domain rule keys', () => {
    expect(validationMessage('personal_id_sex', 'vi', '?')).toBe(
      'Chữ số thứ 4 của số định danh không khớp với giới tính',
    );
    expect(validationMessage('Too small', 'vi', 'Giá trị không hợp lệ')).toBe('Giá trị không hợp lệ');
  });
});
