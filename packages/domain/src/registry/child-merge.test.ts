import { describe, expect, it } from 'vitest';
import { circumstancesToMove, type MergeableChild, mergeCaregivers, mergeChildRecords } from './child-merge';

const empty: MergeableChild = {
  dateOfBirth: '2018',
  personalId: null,
  ethnicity: null,
  birthRegistration: null,
  residence: null,
  household: null,
  caregivers: [],
  education: null,
  health: null,
  atRisk: [],
  note: null,
};

describe('mergeChildRecords', () => {
  it('fills only what the survivor lacks, field by field inside a part', () => {
    const survivor: MergeableChild = {
      ...empty,
      ethnicity: '01',
      residence: { village: 'Khu phố 3', address: null },
      household: { headName: 'Lê Văn Nam', phone: null },
      note: 'Ghi chú của hồ sơ giữ lại',
      atRisk: ['dropout_risk'],
    };
    const duplicate: MergeableChild = {
      ...empty,
      dateOfBirth: '2018-04-09',
      personalId: '038218001234',
      ethnicity: '06',
      residence: { village: 'Thôn khác', address: 'Số 5 ngõ 2' },
      household: { headName: 'Lê Văn Bắc', phone: '0912345678' },
      note: 'Ghi chú khác',
      atRisk: ['dropout_risk', 'drowning_risk'],
    };
    expect(mergeChildRecords(survivor, duplicate)).toEqual({
      dateOfBirth: '2018-04-09',
      personalId: '038218001234',
      residence: { village: 'Khu phố 3', address: 'Số 5 ngõ 2' },
      household: { headName: 'Lê Văn Nam', phone: '0912345678' },
      atRisk: ['dropout_risk', 'drowning_risk'],
    });
  });

  it('keeps a full date of birth and does not take a date of another year', () => {
    expect(
      mergeChildRecords({ ...empty, dateOfBirth: '2018-01-02' }, { ...empty, dateOfBirth: '2018-05-05' }),
    ).toEqual({});
    expect(mergeChildRecords(empty, { ...empty, dateOfBirth: '2019-05-05' })).toEqual({});
  });

  it('returns nothing when the duplicate adds nothing', () => {
    expect(mergeChildRecords({ ...empty, personalId: '038218001234' }, empty)).toEqual({});
  });
});

describe('mergeCaregivers', () => {
  it('joins the lists without repeating a person written with or without diacritics', () => {
    const merged = mergeCaregivers(
      [{ fullName: 'Phạm Thị Lan', relationship: 'mother', phone: null, isGuardian: false }],
      [
        { fullName: 'Pham Thi Lan', relationship: 'mother', phone: '0912345678', isGuardian: true },
        { fullName: 'Lê Văn Nam', relationship: 'father', phone: null, isGuardian: false },
      ],
    );
    expect(merged).toEqual([
      { fullName: 'Phạm Thị Lan', relationship: 'mother', phone: '0912345678', isGuardian: true },
      { fullName: 'Lê Văn Nam', relationship: 'father', phone: null, isGuardian: false },
    ]);
  });
});

describe('circumstancesToMove', () => {
  it('moves the groups the survivor does not record over the same period', () => {
    const survivor = [{ id: 's1', group: 'đ', startDate: '2024-01-01', endDate: null }];
    const duplicate = [
      { id: 'd1', group: 'đ', startDate: '2023-06-01', endDate: '2024-02-01' },
      { id: 'd2', group: 'đ', startDate: '2020-01-01', endDate: '2021-01-01' },
      { id: 'd3', group: 'a', startDate: '2024-01-01', endDate: null },
    ];
    expect(circumstancesToMove(survivor, duplicate)).toEqual({ move: ['d2', 'd3'], keep: ['d1'] });
  });
});
