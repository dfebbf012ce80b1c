import { z } from 'zod';
import { IsoDate } from '../common';
import { CASE_FORMS_2017, CASE_PROCESS_STEPS_2017, PROTECTION_LEVELS_2016 } from './data/case-process-2017';

/** The three protection levels (Luật Trẻ em Art. 47): prevention, support, intervention. */
export const ProtectionLevelCode = z
  .enum(['phong_ngua', 'ho_tro', 'can_thiep'], { message: 'protection_level' })
  .meta({ id: 'ProtectionLevelCode' });
export type ProtectionLevelCode = z.infer<typeof ProtectionLevelCode>;

export const ProtectionLevel = z.object({
  level: z.number().int().min(1).max(3),
  code: ProtectionLevelCode,
  nameVi: z.string(),
  nameEn: z.string(),
  target: z.string(),
  measuresRef: z.string(),
  legalRef: z.string(),
  verified: z.boolean(),
});
export type ProtectionLevel = z.infer<typeof ProtectionLevel>;

/** A form of the Decree 56 appendix (`Mẫu số 01` … `Mẫu số 08`). */
export const CaseForm = z.object({
  form: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  legalRef: z.string(),
  verified: z.boolean(),
});
export type CaseForm = z.infer<typeof CaseForm>;

/**
 * One of the ten steps of the support and intervention process. `deadline` is the reference's
 * wording; the numbers a clock uses are in `deadlineHours`, `deadlineWorkingDays`,
 * `maxRemovalDays`. `verified` is about the step, `deadlineVerified` about its deadline.
 */
export const CaseProcessStep = z.object({
  step: z.number().int().min(1),
  nameVi: z.string(),
  nameEn: z.string(),
  actor: z.string(),
  deadline: z.string().nullable(),
  deadlineHours: z.number().nullable(),
  deadlineWorkingDays: z.number().int().nullable(),
  maxRemovalDays: z.number().int().nullable(),
  form: z.string().nullable(),
  legalRef: z.string(),
  verified: z.boolean(),
  deadlineVerified: z.boolean(),
  note: z.string().nullable(),
});
export type CaseProcessStep = z.infer<typeof CaseProcessStep>;

/** One version of the process, valid from a date until the next version. */
export const CaseProcessCatalogue = z
  .object({
    version: z.string(),
    validFrom: IsoDate,
    validTo: IsoDate.nullable(),
    legalBasis: z.array(z.string()),
    steps: z.array(CaseProcessStep),
    forms: z.array(CaseForm),
    protectionLevels: z.array(ProtectionLevel),
  })
  .meta({ id: 'CaseProcessCatalogue' });
export type CaseProcessCatalogue = z.infer<typeof CaseProcessCatalogue>;

/** The process of Decree 56/2017 (in force 01/07/2017) and the levels of the Law on Children. */
export const caseProcess2017: CaseProcessCatalogue = {
  version: '2017',
  validFrom: '2017-07-01',
  validTo: null,
  legalBasis: ['Luật Trẻ em 102/2016/QH13 Art. 47–50', 'Nghị định 56/2017/NĐ-CP Chương III (Art. 25–32)'],
  steps: CASE_PROCESS_STEPS_2017.map((step) => ({ ...step })),
  forms: CASE_FORMS_2017.map((form) => ({ ...form })),
  protectionLevels: PROTECTION_LEVELS_2016.map((level) => ({ ...level })),
};

/** The step of a number (1…10) in a process catalogue; throws if absent. */
export function getCaseProcessStep(
  step: number,
  catalogue: CaseProcessCatalogue = caseProcess2017,
): CaseProcessStep {
  const found = catalogue.steps.find((entry) => entry.step === step);
  if (!found) throw new RangeError(`No step ${step} in case process ${catalogue.version}`);
  return found;
}

/** The protection level of a code. */
export function getProtectionLevel(
  code: ProtectionLevelCode,
  catalogue: CaseProcessCatalogue = caseProcess2017,
): ProtectionLevel {
  const found = catalogue.protectionLevels.find((level) => level.code === code);
  if (!found) throw new RangeError(`No protection level ${code}`);
  return found;
}

/** The form of a number (`'Mẫu số 04'`, or just `4`), or undefined. */
export function findCaseForm(
  form: string | number,
  catalogue: CaseProcessCatalogue = caseProcess2017,
): CaseForm | undefined {
  const name = typeof form === 'number' ? `Mẫu số ${String(form).padStart(2, '0')}` : form;
  return catalogue.forms.find((entry) => entry.form === name);
}
