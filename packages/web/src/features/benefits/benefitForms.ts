import type {
  AdjustBenefitEnrolmentRequest,
  BenefitAmount,
  BenefitDecision,
  Caregiver,
  CreateBenefitEnrolmentRequest,
  CreateBenefitRuleRequest,
  PayLineRequest,
  PaymentMethod,
  TerminateBenefitEnrolmentRequest,
} from '@tuoitho/domain';
import { firstDayOfMonth } from './benefitMath';

/**
 * The forms of the benefits screens and the requests they send. A form holds flat fields (what
 * antd's Form edits); the request nests them as the API contract wants.
 */

/** The decision fields shared by the enrolment, adjustment and termination forms. */
export interface DecisionFormValues {
  decisionNumber: string;
  decisionDate: string;
  signerName: string;
  signerTitle: string;
}

export interface EnrolmentFormValues extends DecisionFormValues {
  startDate: string;
  endDate?: string | null;
  amountVnd: number;
  recipientKind: 'child' | 'caregiver';
  recipientName: string;
  recipientRelationship?: string | null;
  paymentMethod: PaymentMethod;
}

export interface AdjustFormValues extends DecisionFormValues {
  effectiveFrom: string;
  amountVnd: number;
  reason: string;
}

export interface TerminateFormValues extends DecisionFormValues {
  endDate: string;
  reason: string;
}

export interface PayFormValues {
  method: PaymentMethod;
  paidOn: string;
  receiptNumber?: string | null;
}

const trimmed = (value: string | null | undefined): string => (value ?? '').trim();
const orNull = (value: string | null | undefined): string | null => trimmed(value) || null;

/** The decision part of a request. */
export function decisionOf(values: DecisionFormValues): BenefitDecision {
  return {
    number: trimmed(values.decisionNumber),
    date: values.decisionDate,
    signerName: trimmed(values.signerName),
    signerTitle: trimmed(values.signerTitle),
  };
}

/**
 * Since 01/07/2025 the commune chairman decides (Decree 147/2025): "Chủ tịch UBND phường Bỉm Sơn"
 * for the unit "Phường Bỉm Sơn" (the unit type is written in lower case inside the title).
 */
export function defaultSignerTitle(unitName: string): string {
  const name = unitName.trim();
  if (!name) return 'Chủ tịch UBND';
  const lowered = /^(Xã|Phường|Thị trấn|Đặc khu)\s/u.test(name)
    ? name.charAt(0).toLowerCase() + name.slice(1)
    : name;
  return `Chủ tịch UBND ${lowered}`;
}

/**
 * The default start of a new benefit: the first day of the month of the decision. The monthly
 * allowance is paid from the month in which the chairman signs (Decree 20/2021, Art. 8), so the
 * payment list of that month already includes the child.
 */
export function defaultStartDate(today: string): string {
  return firstDayOfMonth(today);
}

/** Who receives the money by default: the guardian (or first caregiver), else the child. */
export function defaultRecipient(
  childName: string,
  caregivers: readonly Caregiver[] | undefined,
  relationshipLabel: (relationship: Caregiver['relationship']) => string,
): Pick<EnrolmentFormValues, 'recipientKind' | 'recipientName' | 'recipientRelationship'> {
  const caregiver = caregivers?.find((entry) => entry.isGuardian) ?? caregivers?.[0];
  if (!caregiver) return { recipientKind: 'child', recipientName: childName, recipientRelationship: null };
  return {
    recipientKind: 'caregiver',
    recipientName: caregiver.fullName,
    recipientRelationship: relationshipLabel(caregiver.relationship),
  };
}

/** `POST /benefits/enrolments` from the form; `proposalId` when it confirms a proposal. */
export function enrolmentFormToRequest(
  values: EnrolmentFormValues,
  target: { childId: string; ruleCode: string; proposalId?: string | undefined },
): CreateBenefitEnrolmentRequest {
  const isChild = values.recipientKind === 'child';
  return {
    childId: target.childId,
    ruleCode: target.ruleCode,
    decision: decisionOf(values),
    startDate: values.startDate,
    endDate: values.endDate || null,
    amountVnd: Math.round(values.amountVnd),
    recipient: {
      kind: values.recipientKind,
      fullName: trimmed(values.recipientName),
      relationship: isChild ? null : orNull(values.recipientRelationship),
    },
    paymentMethod: values.paymentMethod,
    ...(target.proposalId ? { proposalId: target.proposalId } : {}),
  };
}

/** `POST /benefits/enrolments/{id}/adjust` from the form and the version read. */
export function adjustFormToRequest(
  values: AdjustFormValues,
  version: number,
  proposalId?: string,
): AdjustBenefitEnrolmentRequest {
  return {
    decision: decisionOf(values),
    effectiveFrom: values.effectiveFrom,
    amountVnd: Math.round(values.amountVnd),
    reason: trimmed(values.reason),
    version,
    ...(proposalId ? { proposalId } : {}),
  };
}

/** `POST /benefits/enrolments/{id}/terminate` from the form and the version read. */
export function terminateFormToRequest(
  values: TerminateFormValues,
  version: number,
  proposalId?: string,
): TerminateBenefitEnrolmentRequest {
  return {
    decision: decisionOf(values),
    endDate: values.endDate,
    reason: trimmed(values.reason),
    version,
    ...(proposalId ? { proposalId } : {}),
  };
}

/** `POST /benefits/payment-runs/{id}/lines/{lineId}/pay` from the form and the line's version. */
export function payFormToRequest(values: PayFormValues, version: number): PayLineRequest {
  return {
    method: values.method,
    paidOn: values.paidOn,
    receiptNumber: orNull(values.receiptNumber),
    version,
  };
}

/** True when the amount typed differs from the rule's amount (the form then warns). */
export function differsFromRule(amountVnd: number | null | undefined, ruleAmountVnd: number | null): boolean {
  return ruleAmountVnd !== null && typeof amountVnd === 'number' && Math.round(amountVnd) !== ruleAmountVnd;
}

/** The fields of "Thêm chính sách địa phương" (a gift, a scholarship, a local allowance). */
export interface LocalRuleFormValues {
  code: string;
  kind: CreateBenefitRuleRequest['kind'];
  nameVi: string;
  nameEn: string;
  criteriaVi: string;
  criteriaEn: string;
  legalRef: string;
  validFrom: string;
  validTo?: string | null;
  unitCode: string;
  periodicity: CreateBenefitRuleRequest['periodicity'];
  amountType: 'fixed' | 'coefficient' | 'in_kind';
  amountVnd?: number | null;
  coefficient?: number | null;
  description?: string | null;
  budgetSource: CreateBenefitRuleRequest['budgetSource'];
  minAgeYears?: number | null;
  maxAgeYears?: number | null;
  groups?: string[];
  povertyStatuses?: string[];
  needsDecision: boolean;
}

/** The amount of a rule from the amount fields of the rule forms. */
export function amountOf(
  values: Pick<LocalRuleFormValues, 'amountType' | 'amountVnd' | 'coefficient' | 'description'>,
): BenefitAmount {
  switch (values.amountType) {
    case 'coefficient':
      return { type: 'coefficient', coefficient: values.coefficient ?? 0 };
    case 'in_kind':
      return { type: 'in_kind', description: trimmed(values.description) };
    default:
      return { type: 'fixed', amountVnd: Math.round(values.amountVnd ?? 0) };
  }
}

/**
 * `POST /benefits/rules` from the local rule form. Ages are typed in years and sent in whole
 * months (under 16 = `maxAgeMonths: 192`); empty criteria are left out (they then do not limit).
 */
export function localRuleFormToRequest(values: LocalRuleFormValues): CreateBenefitRuleRequest {
  const criteria: CreateBenefitRuleRequest['criteria'] = {};
  if (typeof values.minAgeYears === 'number' && values.minAgeYears > 0)
    criteria.minAgeMonths = values.minAgeYears * 12;
  if (typeof values.maxAgeYears === 'number' && values.maxAgeYears > 0)
    criteria.maxAgeMonths = values.maxAgeYears * 12;
  if (values.groups && values.groups.length > 0) criteria.groups = values.groups as never;
  if (values.povertyStatuses && values.povertyStatuses.length > 0) {
    criteria.povertyStatuses = values.povertyStatuses as never;
  }
  return {
    code: values.code.trim(),
    kind: values.kind,
    nameVi: values.nameVi.trim(),
    nameEn: values.nameEn.trim() || values.nameVi.trim(),
    criteriaVi: values.criteriaVi.trim(),
    criteriaEn: values.criteriaEn.trim() || values.criteriaVi.trim(),
    legalRef: values.legalRef.trim(),
    validFrom: values.validFrom,
    validTo: values.validTo || null,
    unitCode: values.unitCode,
    periodicity: values.periodicity,
    amount: amountOf(values),
    criteria,
    exclusiveGroup: null,
    budgetSource: values.budgetSource,
    needsDecision: values.needsDecision,
  };
}

/** A code for a local rule from its unit and a slug: `14812.qua_tet`. */
export function localRuleCode(unitCode: string, slug: string): string {
  const cleaned = slug
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `local.u${unitCode}.${cleaned || 'rule'}`;
}
