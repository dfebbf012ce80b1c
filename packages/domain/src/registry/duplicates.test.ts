import { describe, expect, it } from 'vitest';
import {
  classifyDuplicate,
  type DuplicateLikelihood,
  type DuplicateSubject,
  duplicateReasonLabels,
  nameSimilarity,
  scoreDuplicate,
} from './duplicates';

const lan: DuplicateSubject = {
  fullName: 'Nguyễn Thị Lan',
  sex: 'female',
  dateOfBirth: '2015-03-04',
  personalId: '038315001234',
  caregiverNames: ['Lê Thị Mai', 'Nguyễn Văn Hùng'],
  householdHeadName: 'Nguyễn Văn Hùng',
  village: 'Tổ dân phố số 5',
};

describe('nameSimilarity', () => {
  it.each([
    ['Nguyễn Văn An', 'Nguyễn Văn An', 1],
    ['Nguyễn Văn An', 'nguyen van an', 1],
    ['Nguyễn Văn An', 'NGUYEN  VAN  AN', 1],
    ['Nguyễn Văn An', 'Văn An Nguyễn', 1],
    ['Nguyễn Thị Lan', 'Trần Quốc Bảo', 0],
  ])('%j ~ %j = %d', (a, b, expected) => {
    expect(nameSimilarity(a, b)).toBeCloseTo(expected, 5);
  });

  it('weighs given names above common surnames and văn/thị', () => {
    // Sharing "Nguyễn Văn" says little; sharing "Hoàng Yến" says much.
    expect(nameSimilarity('Nguyễn Văn An', 'Nguyễn Văn Bình')).toBeLessThan(0.4);
    expect(nameSimilarity('Lê Hoàng Yến', 'Trịnh Hoàng Yến')).toBeGreaterThan(0.6);
  });

  it('gives some credit to a word one letter off, and is symmetric', () => {
    const typo = nameSimilarity('Nguyễn Văn An', 'Nguyễn Văn Anh');
    expect(typo).toBeGreaterThan(nameSimilarity('Nguyễn Văn An', 'Nguyễn Văn Bình'));
    expect(typo).toBeLessThan(0.75);
    expect(nameSimilarity('Nguyễn Văn Anh', 'Nguyễn Văn An')).toBeCloseTo(typo, 10);
  });

  it('is 0 for an empty name', () => {
    expect(nameSimilarity('', '')).toBe(0);
  });
});

describe('scoreDuplicate', () => {
  it('treats the same personal id as near-certain', () => {
    const result = scoreDuplicate(lan, { fullName: 'Nguyen Thi Lan Anh', personalId: '038315001234' });
    expect(result.score).toBe(0.99);
    expect(result.reasons[0]).toBe('personal_id_match');
  });

  it.each<[string, DuplicateSubject, DuplicateLikelihood, string[]]>([
    [
      'the same child typed without diacritics',
      { fullName: 'nguyen thi lan', dateOfBirth: '2015-03-04', village: 'To 5' },
      'likely',
      ['name_match', 'date_of_birth_match', 'village_match'],
    ],
    [
      'day and month swapped in an imported sheet',
      {
        fullName: 'Nguyễn Thị Lan',
        sex: 'female',
        dateOfBirth: '2015-04-03',
        caregiverNames: ['Le Thi Mai'],
      },
      'likely',
      ['name_match', 'date_of_birth_day_month_swapped', 'caregiver_match'],
    ],
    [
      'a year-only record of the same child',
      { fullName: 'Nguyễn Thị Lan', dateOfBirth: '2015', householdHeadName: 'Nguyễn Văn Hùng' },
      'likely',
      ['name_match', 'birth_year_match', 'household_head_match'],
    ],
    [
      'a date of birth one day off',
      { fullName: 'Nguyễn Thị Lan', dateOfBirth: '2015-03-05' },
      'likely',
      ['name_match', 'date_of_birth_one_day_apart'],
    ],
    [
      'a typo in the given name, same household and birthday',
      {
        fullName: 'Nguyễn Thị Lang',
        dateOfBirth: '2015-03-04',
        caregiverNames: ['Lê Thị Mai'],
        householdHeadName: 'Nguyễn Văn Hùng',
        village: 'TDP số 5',
      },
      'possible',
      ['date_of_birth_match', 'name_differs', 'caregiver_match', 'household_head_match', 'village_match'],
    ],
    [
      'the same name entered with the wrong sex',
      { fullName: 'Nguyễn Thị Lan', sex: 'male', dateOfBirth: '2015-03-04' },
      'possible',
      ['name_match', 'date_of_birth_match', 'sex_differs'],
    ],
    [
      'her twin sister Nguyễn Thị Hoa',
      {
        fullName: 'Nguyễn Thị Hoa',
        sex: 'female',
        dateOfBirth: '2015-03-04',
        caregiverNames: ['Lê Thị Mai'],
        householdHeadName: 'Nguyễn Văn Hùng',
        village: 'Tổ dân phố số 5',
      },
      'unlikely',
      ['name_differs', 'date_of_birth_match', 'caregiver_match', 'household_head_match', 'village_match'],
    ],
    [
      'her elder brother',
      {
        fullName: 'Nguyễn Văn Nam',
        sex: 'male',
        dateOfBirth: '2011-09-10',
        householdHeadName: 'Nguyễn Văn Hùng',
      },
      'unlikely',
      ['name_differs', 'date_of_birth_differs', 'sex_differs', 'household_head_match'],
    ],
    [
      'another Nguyễn Thị Lan born the same year in another family',
      {
        fullName: 'Nguyễn Thị Lan',
        dateOfBirth: '2015-10-21',
        caregiverNames: ['Phạm Thị Thu'],
        householdHeadName: 'Nguyễn Văn Tám',
      },
      'unlikely',
      ['name_match', 'date_of_birth_differs', 'caregiver_differs', 'household_head_differs'],
    ],
    [
      'a namesake with another personal id',
      { fullName: 'Nguyễn Thị Lan', dateOfBirth: '2015-03-04', personalId: '038315009999' },
      'unlikely',
      ['personal_id_differs', 'name_match', 'date_of_birth_match'],
    ],
  ])('%s', (_, existing, likelihood, reasons) => {
    const result = scoreDuplicate(lan, existing);
    expect(classifyDuplicate(result.score)).toBe(likelihood);
    expect(result.reasons).toEqual(reasons);
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(0.98);
  });

  it('does not call twins with names one letter apart likely duplicates', () => {
    const family = { dateOfBirth: '2018-06-01', householdHeadName: 'Lê Văn Sơn', village: 'Thôn 3' };
    const result = scoreDuplicate(
      { fullName: 'Lê Văn Minh', ...family },
      { fullName: 'Lê Văn Mạnh', ...family },
    );
    expect(classifyDuplicate(result.score)).not.toBe('likely');
  });

  it('does not depend on the order of the pair', () => {
    const other: DuplicateSubject = { fullName: 'Nguyen Lan', dateOfBirth: '2015', village: 'Tổ 5' };
    expect(scoreDuplicate(lan, other).score).toBe(scoreDuplicate(other, lan).score);
  });

  it('ranks stronger evidence higher', () => {
    const base = { fullName: 'Nguyễn Thị Lan' };
    const exact = scoreDuplicate(lan, { ...base, dateOfBirth: '2015-03-04' }).score;
    const year = scoreDuplicate(lan, { ...base, dateOfBirth: '2015' }).score;
    const other = scoreDuplicate(lan, { ...base, dateOfBirth: '2013-03-04' }).score;
    expect(exact).toBeGreaterThan(year);
    expect(year).toBeGreaterThan(other);
  });

  it('has a label in both languages for every reason', () => {
    for (const label of Object.values(duplicateReasonLabels)) {
      expect(label.vi).not.toBe('');
      expect(label.en).not.toBe('');
    }
  });
});

describe('classifyDuplicate', () => {
  it.each<[number, DuplicateLikelihood]>([
    [0.99, 'likely'],
    [0.8, 'likely'],
    [0.79, 'possible'],
    [0.5, 'possible'],
    [0.49, 'unlikely'],
    [0, 'unlikely'],
  ])('%d → %s', (score, likelihood) => {
    expect(classifyDuplicate(score)).toBe(likelihood);
  });
});
