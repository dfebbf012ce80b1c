import {
  type CaseAction,
  type CaseActionOf,
  type CaseActionType,
  type CaseDocumentForm,
  type CaseState,
  findCurrentPlan,
  getProtectionLevel,
  type PlanState,
  type ProtectionLevelCode,
  type Sex,
  sexLabels,
  vnDateOf,
} from '@tuoitho/domain';

/**
 * The document model of the case forms and the parts the forms share: the child's particulars,
 * the plan's measures, dates written the Vietnamese way, signatures.
 */

export type CaseDocumentInput = {
  form: CaseDocumentForm;
  caseNumber: string;
  /** The commune and the unit above it (e.g. `Phường Bỉm Sơn`, `Tỉnh Thanh Hóa`, `Thanh Hóa`). */
  unit: { fullName: string; provinceName: string; superiorFullName: string };
  child: { fullName: string; dateOfBirth: string; sex: Sex; address: string | null };
  state: CaseState;
  /** Decrypted, in order. */
  actions: CaseAction[];
  summary: string;
  reporter: string | null;
  userNames: Record<string, string>;
  issuedAt: Date;
};

export type DocBlock =
  | { kind: 'section'; text: string }
  | { kind: 'paragraph'; text: string; italic?: boolean; bold?: boolean; align?: 'center'; lead?: string }
  | { kind: 'field'; label: string; value: string }
  | { kind: 'table'; columns: string[]; widths: number[]; rows: string[][] }
  | { kind: 'pageBreak' };

export type Signature = { capacity: string[]; note: string; name: string | null };

export type CaseDocumentModel = {
  form: CaseDocumentForm;
  /** `Mẫu số 05`, printed small at the top right. */
  formLabel: string;
  kind: 'report' | 'decision';
  heading: { superior: string; authority: string; number: string };
  /** `Phường Bỉm Sơn, ngày 05 tháng 05 năm 2026`. */
  placeDate: string;
  title: string;
  subtitle: string | null;
  body: DocBlock[];
  /** Printed after the signature on a new page: the plan attached to a decision. */
  annex?: DocBlock[];
  recipients: string[];
  signature: Signature;
  /** ASCII-safe base name without extension, e.g. `mau-05-VV-2026-0001`. */
  fileName: string;
  issuedAt: Date;
};

/** The case has not reached the step of the form (the API answers 409 `case_form_not_ready`). */
export class CaseFormNotReadyError extends Error {
  constructor(
    readonly form: CaseDocumentForm,
    readonly reason: { vi: string; en: string },
  ) {
    super(`case form ${form} not ready`);
  }
}

/** What each form needs, said in the words of the 409 answer. */
export const prerequisites: Record<CaseDocumentForm, { vi: string; en: string }> = {
  '01': { vi: 'vụ việc chưa có thông tin tiếp nhận', en: 'the case has no intake' },
  '02': { vi: 'chưa đánh giá nguy cơ ban đầu', en: 'no initial assessment yet' },
  '03': { vi: 'chưa thu thập thông tin, đánh giá nguy cơ cụ thể', en: 'no detailed assessment yet' },
  '04': { vi: 'chưa xây dựng kế hoạch hỗ trợ, can thiệp', en: 'no support plan drafted yet' },
  '05': {
    vi: 'kế hoạch hỗ trợ, can thiệp hiện hành chưa được Chủ tịch UBND phê duyệt',
    en: 'the current support plan is not approved by the chairman',
  },
  '06': { vi: 'chưa rà soát, đánh giá tình trạng của trẻ em', en: 'no review yet' },
  '07': {
    vi: 'chưa có quyết định tạm thời cách ly trẻ em',
    en: 'no temporary removal decision',
  },
};

export const actionOfForm: Record<CaseDocumentForm, CaseActionType> = {
  '01': 'intake',
  '02': 'initial_assessment',
  '03': 'detailed_assessment',
  '04': 'plan_drafted',
  '05': 'plan_approved',
  '06': 'review',
  '07': 'temporary_removal',
};

export const reviewDecisionVi = {
  close: 'Đề nghị kết thúc hỗ trợ, can thiệp',
  replan: 'Đề nghị xây dựng kế hoạch hỗ trợ, can thiệp mới',
  continue: 'Tiếp tục thực hiện kế hoạch hỗ trợ, can thiệp',
} as const;

export const DOTS = '……………………………………';

/** The latest action of a type, or undefined. */
export function latest<T extends CaseActionType>(
  actions: CaseAction[],
  type: T,
): CaseActionOf<T> | undefined {
  for (let i = actions.length - 1; i >= 0; i--) {
    const action = actions[i];
    if (action?.type === type) return action as CaseActionOf<T>;
  }
  return undefined;
}

/** The current plan (latest draft) when it is approved, with the decision that approved it. */
export function approvedCurrentPlan(
  state: CaseState,
): (PlanState & { approval: NonNullable<PlanState['approval']> }) | undefined {
  const plan = findCurrentPlan(state);
  return plan?.approval ? { ...plan, approval: plan.approval } : undefined;
}

/** `ngày 05 tháng 05 năm 2026` of an ISO date (yyyy-MM-dd) or an instant (Vietnam time). */
export function vietnameseLongDate(value: string | Date): string {
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : vnDateOf(new Date(value));
  const [year, month, day] = date.split('-');
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** `27/04/2026` of an ISO date, a year-month, a year, or an instant (Vietnam time). */
export function vietnameseShortDate(value: string): string {
  if (/^\d{4}$/.test(value)) return value;
  if (/^\d{4}-\d{2}$/.test(value)) return `${value.slice(5, 7)}/${value.slice(0, 4)}`;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : vnDateOf(new Date(value));
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** `09 giờ 00 ngày 27/04/2026` of an instant, Vietnam time. */
export function vietnameseDateTime(value: string): string {
  const local = new Date(Date.parse(value) + 7 * 3_600_000).toISOString();
  return `${local.slice(11, 13)} giờ ${local.slice(14, 16)} ngày ${vietnameseShortDate(value)}`;
}

/** The Vietnamese name of a protection level, or a dotted blank. */
export function protectionLevelVi(code: ProtectionLevelCode | null | undefined): string {
  return code ? getProtectionLevel(code).nameVi : DOTS;
}

/** `ỦY BAN NHÂN DÂN PHƯỜNG BỈM SƠN`. */
export function authorityOf(input: CaseDocumentInput): string {
  return `ỦY BAN NHÂN DÂN ${input.unit.fullName.toLocaleUpperCase('vi')}`;
}

/** The display name of a user, or null when unknown. */
export function nameOf(input: CaseDocumentInput, userId: string | null | undefined): string | null {
  return userId ? (input.userNames[userId] ?? null) : null;
}

/** The particulars of the child, one line each. */
export function childBlocks(input: CaseDocumentInput): DocBlock[] {
  const { child } = input;
  return [
    { kind: 'field', label: 'Họ và tên trẻ em', value: child.fullName },
    { kind: 'field', label: 'Ngày, tháng, năm sinh', value: vietnameseShortDate(child.dateOfBirth) },
    { kind: 'field', label: 'Giới tính', value: sexLabels[child.sex].vi },
    { kind: 'field', label: 'Nơi cư trú', value: child.address ?? DOTS },
  ];
}

/** The child in one phrase, for the articles of a decision. */
export function childPhrase(input: CaseDocumentInput): string {
  const { child } = input;
  const address = child.address ? `, nơi cư trú: ${child.address}` : '';
  return `${child.fullName}, sinh ${/^\d{4}-\d{2}-\d{2}$/.test(child.dateOfBirth) ? 'ngày' : 'năm'} ${vietnameseShortDate(child.dateOfBirth)}${address}`;
}

/** The measures of a plan as a table, with their progress for the review. */
export function measuresTable(plan: PlanState, withProgress: boolean): DocBlock {
  const columns = ['STT', 'Hoạt động, biện pháp', 'Người thực hiện', 'Cơ quan, dịch vụ', 'Thời hạn'];
  const widths = withProgress ? [6, 30, 17, 17, 12, 18] : [7, 37, 20, 20, 16];
  if (withProgress) columns.push('Kết quả');
  return {
    kind: 'table',
    columns,
    widths,
    rows: plan.measures.map((measure, index) => {
      const row = [
        String(index + 1),
        measure.description,
        measure.responsible,
        measure.service ?? '',
        measure.dueDate ? vietnameseShortDate(measure.dueDate) : '',
      ];
      if (withProgress) {
        const done = measure.doneAt
          ? `Đã thực hiện (${vietnameseShortDate(measure.doneAt)})`
          : 'Chưa thực hiện';
        row.push(measure.outcome ? `${done}: ${measure.outcome}` : done);
      }
      return row;
    }),
  };
}

/** The goal and the measures of a plan. */
export function planBlocks(plan: PlanState): DocBlock[] {
  return [
    { kind: 'section', text: 'II. MỤC TIÊU' },
    { kind: 'paragraph', text: plan.goal ?? DOTS },
    { kind: 'section', text: 'III. CÁC HOẠT ĐỘNG, BIỆN PHÁP HỖ TRỢ, CAN THIỆP' },
    measuresTable(plan, false),
  ];
}

export type Built = Omit<CaseDocumentModel, 'form' | 'formLabel' | 'heading' | 'fileName' | 'issuedAt'> & {
  number: string;
};

/** The signature of an officer's report. */
export function reportSignature(capacity: string, name: string | null): Signature {
  return { capacity: [capacity], note: '(Ký, ghi rõ họ tên)', name };
}

/** The signature of a decision: on behalf of the People's Committee, its chairman. */
export function chairmanSignature(name: string | null): Signature {
  return { capacity: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], note: '(Ký tên, đóng dấu)', name };
}

/** Where an officer's report goes. */
export function reportRecipients(input: CaseDocumentInput): string[] {
  return [`Chủ tịch UBND ${input.unit.fullName};`, `Lưu: hồ sơ vụ việc ${input.caseNumber}.`];
}
