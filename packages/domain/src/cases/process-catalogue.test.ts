import { describe, expect, it } from 'vitest';
import {
  CaseProcessCatalogue,
  caseProcess2017,
  findCaseForm,
  getCaseProcessStep,
  getProtectionLevel,
  ProtectionLevelCode,
} from './process-catalogue';

describe('case process catalogue (Decree 56/2017)', () => {
  it('is a valid dated catalogue of the ten steps, the forms and the three levels', () => {
    expect(CaseProcessCatalogue.parse(caseProcess2017)).toEqual(caseProcess2017);
    expect(caseProcess2017.steps.map((step) => step.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(caseProcess2017.forms.map((form) => form.form)).toEqual([
      'Mẫu số 01',
      'Mẫu số 02',
      'Mẫu số 03',
      'Mẫu số 04',
      'Mẫu số 05',
      'Mẫu số 06',
      'Mẫu số 07',
      'Mẫu số 08',
    ]);
    expect(caseProcess2017.protectionLevels.map((level) => level.code)).toEqual(ProtectionLevelCode.options);
  });

  it('keeps the deadlines and verification flags of the legal reference', () => {
    expect(getCaseProcessStep(4)).toMatchObject({
      deadlineHours: 12,
      maxRemovalDays: 15,
      verified: true,
      legalRef: 'Nghị định 56/2017/NĐ-CP Art. 26(3), 31, 32',
    });
    expect(getCaseProcessStep(6)).toMatchObject({
      deadlineWorkingDays: 5,
      verified: true,
      deadlineVerified: true,
    });
    expect(getCaseProcessStep(7)).toMatchObject({
      deadlineWorkingDays: 2,
      verified: false,
      deadlineVerified: false,
    });
    expect(getCaseProcessStep(5)).toMatchObject({ deadline: null, deadlineVerified: false });
    expect(getCaseProcessStep(8)).toMatchObject({ verified: false, deadlineVerified: false });
    expect(findCaseForm(8)?.verified).toBe(false);
    expect(findCaseForm('Mẫu số 06')?.nameEn).toContain('Cao/Trung bình/Thấp');
    expect(getProtectionLevel('can_thiep')).toMatchObject({
      level: 3,
      legalRef: 'Luật Trẻ em 102/2016/QH13 Art. 47',
    });
    expect(() => getCaseProcessStep(11)).toThrow(RangeError);
  });
});
