import type { Child } from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import { mergePreview, showsTurned6Tag } from './childLifecycle';

const base: Child = {
  id: '5a0d7e52-3a5b-4f08-8d33-6c1b0e9f2a01',
  version: 3,
  fullName: 'Nguyễn Văn Gộp',
  sex: 'male',
  dateOfBirth: '2018',
  dateOfBirthPrecision: 'year',
  ageYears: 8,
  unitCode: '14812',
  unitName: 'Phường Bỉm Sơn',
  personalId: null,
  ethnicity: null,
  birthRegistration: null,
  residence: { village: 'Khu phố 3', address: null },
  household: null,
  caregivers: [{ fullName: 'Phạm Thị Lan', relationship: 'mother', phone: null, isGuardian: false }],
  education: null,
  health: null,
  specialCircumstances: [
    {
      id: '5a0d7e52-3a5b-4f08-8d33-6c1b0e9f2a11',
      group: 'đ',
      subgroup: null,
      startDate: '2024-01-01',
      endDate: null,
      source: null,
      note: null,
      confirmedBy: null,
      confirmedAt: null,
      isCurrent: true,
    },
  ],
  atRisk: [],
  note: null,
  status: 'active',
  statusChangedAt: null,
  createdAt: '2026-01-05T08:00:00+07:00',
  updatedAt: '2026-01-05T08:00:00+07:00',
  turned6On: null,
  pendingTransfer: null,
  mergedInto: null,
  mergedAt: null,
  abilities: { canEdit: true, canTransfer: true, canCancelTransfer: false, canMerge: true },
};

const duplicate: Child = {
  ...base,
  id: '5a0d7e52-3a5b-4f08-8d33-6c1b0e9f2a02',
  version: 1,
  fullName: 'Nguyen Van Gop',
  dateOfBirth: '2018-04-09',
  dateOfBirthPrecision: 'day',
  personalId: '038218001234',
  residence: { village: 'Thôn khác', address: 'Số 5 ngõ 2' },
  household: { headName: 'Nguyễn Văn Bố' },
  caregivers: [
    { fullName: 'Pham Thi Lan', relationship: 'mother', phone: '0912345678', isGuardian: false },
    { fullName: 'Nguyễn Văn Bố', relationship: 'father', phone: null, isGuardian: false },
  ],
  specialCircumstances: [
    {
      ...(base.specialCircumstances[0] as Child['specialCircumstances'][number]),
      id: 'dup-dd',
      startDate: '2023-01-01',
    },
    {
      ...(base.specialCircumstances[0] as Child['specialCircumstances'][number]),
      id: 'dup-a',
      group: 'a',
    },
  ],
  atRisk: ['dropout_risk'],
};

describe('mergePreview', () => {
  const rows = Object.fromEntries(mergePreview(base, duplicate).map((row) => [row.field, row]));

  it('keeps what the survivor has and shows what the duplicate adds', () => {
    expect(rows.fullName).toMatchObject({ merged: 'Nguyễn Văn Gộp', isFilled: false });
    expect(rows.village).toMatchObject({
      survivor: 'Khu phố 3',
      duplicate: 'Thôn khác',
      merged: 'Khu phố 3',
    });
    expect(rows.address).toMatchObject({ survivor: '', merged: 'Số 5 ngõ 2', isFilled: true });
    expect(rows.dateOfBirth).toMatchObject({ survivor: '2018', merged: '09/04/2018', isFilled: true });
    expect(rows.personalId).toMatchObject({ merged: '038218001234', isFilled: true });
    expect(rows.headName).toMatchObject({ merged: 'Nguyễn Văn Bố', isFilled: true });
    expect(rows.atRisk).toMatchObject({ merged: 'dropout_risk', isFilled: true });
  });

  it('joins caregivers without repeating a person and groups without doubling one', () => {
    expect(rows.caregivers?.merged).toBe('Phạm Thị Lan, Nguyễn Văn Bố');
    expect(rows.groups).toMatchObject({ survivor: 'đ', duplicate: 'a, đ', merged: 'a, đ', isFilled: true });
  });

  it('changes nothing when both records say the same', () => {
    expect(mergePreview(base, base).every((row) => !row.isFilled)).toBe(true);
  });
});

describe('showsTurned6Tag', () => {
  it('shows for 90 days after the 6th birthday, on active children only', () => {
    const child = { turned6On: '2026-09-01', status: 'active' as const };
    expect(showsTurned6Tag(child, '2026-09-01')).toBe(true);
    expect(showsTurned6Tag(child, '2026-11-30')).toBe(true);
    expect(showsTurned6Tag(child, '2026-12-01')).toBe(false);
    expect(showsTurned6Tag({ ...child, status: 'moved_away' }, '2026-09-02')).toBe(false);
    expect(showsTurned6Tag({ turned6On: null, status: 'active' }, '2026-09-02')).toBe(false);
  });
});
