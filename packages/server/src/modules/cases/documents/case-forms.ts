import {
  type CaseAction,
  type CaseDocumentForm,
  type CaseState,
  findCaseForm,
  findCurrentPlan,
} from '@tuoitho/domain';
import { build05, build07 } from './case-decisions';
import { build01, build02, build03, build04, build06 } from './case-reports';
import {
  actionOfForm,
  approvedCurrentPlan,
  authorityOf,
  type Built,
  type CaseDocumentInput,
  type CaseDocumentModel,
  latest,
} from './form-parts';

/**
 * The forms 01–07 of the Decree 56/2017 appendix as a document model: the official heading
 * (Nghị định 30/2020/NĐ-CP layout), a title, the body and the signature. Pure functions over the
 * decrypted actions and the replayed state; `docx-render.ts` turns the model into Word.
 */

export {
  type CaseDocumentInput,
  type CaseDocumentModel,
  CaseFormNotReadyError,
  type DocBlock,
  type Signature,
  vietnameseDateTime,
  vietnameseLongDate,
  vietnameseShortDate,
} from './form-parts';

/** Whether the case has what the form needs. */
export function isCaseFormReady(form: CaseDocumentForm, state: CaseState, actions: CaseAction[]): boolean {
  if (form === '04') return findCurrentPlan(state) !== undefined;
  if (form === '05') return approvedCurrentPlan(state) !== undefined;
  return latest(actions, actionOfForm[form]) !== undefined;
}

/** The catalogue entry of a form (name, legal reference, verified). */
export function caseFormInfo(form: CaseDocumentForm) {
  const entry = findCaseForm(Number(form));
  if (!entry) throw new RangeError(`No case form ${form}`);
  return entry;
}

const builders: Record<CaseDocumentForm, (input: CaseDocumentInput) => Built> = {
  '01': build01,
  '02': build02,
  '03': build03,
  '04': build04,
  '05': build05,
  '06': build06,
  '07': build07,
};

/** The document model of a form; throws `CaseFormNotReadyError` when the case has not reached it. */
export function buildCaseDocument(input: CaseDocumentInput): CaseDocumentModel {
  const { number, ...built } = builders[input.form](input);
  return {
    ...built,
    form: input.form,
    formLabel: `Mẫu số ${input.form}`,
    heading: {
      superior: `UBND ${input.unit.superiorFullName.toLocaleUpperCase('vi')}`,
      authority: authorityOf(input),
      number,
    },
    fileName: `mau-${input.form}-${input.caseNumber.replace(/[^A-Za-z0-9-]+/g, '-')}`,
    issuedAt: input.issuedAt,
  };
}
