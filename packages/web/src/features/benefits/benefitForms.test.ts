import { describe, expect, it } from 'vitest';
import {
  adjustFormToRequest,
  amountOf,
  defaultRecipient,
  defaultSignerTitle,
  defaultStartDate,
  differsFromRule,
  type EnrolmentFormValues,
  enrolmentFormToRequest,
  localRuleCode,
  localRuleFormToRequest,
  payFormToRequest,
  terminateFormToRequest,
} from './benefitForms';

const decision = {
  decisionNumber: ' 25/QĐ-UBND ',
  decisionDate: '2026-03-10',
  signerName: 'Lê Văn Hòa',
  signerTitle: 'Chủ tịch UBND phường Bỉm Sơn',
};

const enrolment: EnrolmentFormValues = {
  ...decision,
  startDate: '2026-03-01',
  endDate: undefined,
  amountVnd: 1_250_000,
  recipientKind: 'caregiver',
  recipientName: ' Nguyễn Thị Lan ',
  recipientRelationship: 'Bà ngoại',
  paymentMethod: 'cash',
};

describe('enrolmentFormToRequest', () => {
  it('nests the decision and the recipient, trims the text', () => {
    const childId = crypto.randomUUID();
    expect(enrolmentFormToRequest(enrolment, { childId, ruleCode: 'tcxh.a.duoi4' })).toEqual({
      childId,
      ruleCode: 'tcxh.a.duoi4',
      decision: {
        number: '25/QĐ-UBND',
        date: '2026-03-10',
        signerName: 'Lê Văn Hòa',
        signerTitle: 'Chủ tịch UBND phường Bỉm Sơn',
      },
      startDate: '2026-03-01',
      endDate: null,
      amountVnd: 1_250_000,
      recipient: { kind: 'caregiver', fullName: 'Nguyễn Thị Lan', relationship: 'Bà ngoại' },
      paymentMethod: 'cash',
    });
  });

  it('drops the relationship when the child receives it and names the proposal it confirms', () => {
    const proposalId = crypto.randomUUID();
    const request = enrolmentFormToRequest(
      { ...enrolment, recipientKind: 'child', recipientName: 'Trần An', endDate: '2030-01-31' },
      { childId: crypto.randomUUID(), ruleCode: 'x.y', proposalId },
    );
    expect(request.recipient).toEqual({ kind: 'child', fullName: 'Trần An', relationship: null });
    expect(request.endDate).toBe('2030-01-31');
    expect(request.proposalId).toBe(proposalId);
  });
});

describe('adjust, terminate and pay requests', () => {
  it('carry the version read and the proposal', () => {
    const adjust = adjustFormToRequest(
      { ...decision, effectiveFrom: '2027-03-12', amountVnd: 750_000, reason: ' đủ 4 tuổi ' },
      3,
      'p-1',
    );
    expect(adjust).toMatchObject({ effectiveFrom: '2027-03-12', amountVnd: 750_000, reason: 'đủ 4 tuổi' });
    expect(adjust).toMatchObject({ version: 3, proposalId: 'p-1' });
    const terminate = terminateFormToRequest({ ...decision, endDate: '2030-05-31', reason: 'đủ 16 tuổi' }, 4);
    expect(terminate).toEqual({
      decision: {
        number: '25/QĐ-UBND',
        date: '2026-03-10',
        signerName: 'Lê Văn Hòa',
        signerTitle: 'Chủ tịch UBND phường Bỉm Sơn',
      },
      endDate: '2030-05-31',
      reason: 'đủ 16 tuổi',
      version: 4,
    });
    expect(payFormToRequest({ method: 'bank', paidOn: '2026-03-15', receiptNumber: '  ' }, 1)).toEqual({
      method: 'bank',
      paidOn: '2026-03-15',
      receiptNumber: null,
      version: 1,
    });
  });
});

describe('defaults', () => {
  it('titles the commune chairman with the unit in lower case', () => {
    expect(defaultSignerTitle('Phường Bỉm Sơn')).toBe('Chủ tịch UBND phường Bỉm Sơn');
    expect(defaultSignerTitle('Xã Hà Long')).toBe('Chủ tịch UBND xã Hà Long');
    expect(defaultSignerTitle('Bỉm Sơn')).toBe('Chủ tịch UBND Bỉm Sơn');
  });

  it('starts in the month of the decision', () => {
    expect(defaultStartDate('2026-03-17')).toBe('2026-03-01');
  });

  it('pays the guardian first, then the first caregiver, else the child', () => {
    const label = (relationship: string) => (relationship === 'grandmother' ? 'Bà' : relationship);
    expect(
      defaultRecipient(
        'Trần An',
        [
          { fullName: 'Trần Văn B', relationship: 'father', isGuardian: false },
          { fullName: 'Lê Thị C', relationship: 'grandmother', isGuardian: true },
        ] as never,
        label,
      ),
    ).toEqual({ recipientKind: 'caregiver', recipientName: 'Lê Thị C', recipientRelationship: 'Bà' });
    expect(defaultRecipient('Trần An', [], label)).toEqual({
      recipientKind: 'child',
      recipientName: 'Trần An',
      recipientRelationship: null,
    });
  });

  it('warns only when a money amount differs from the rule', () => {
    expect(differsFromRule(1_000_000, 1_250_000)).toBe(true);
    expect(differsFromRule(1_250_000, 1_250_000)).toBe(false);
    expect(differsFromRule(1_000_000, null)).toBe(false);
  });
});

describe('localRuleFormToRequest', () => {
  it('sends a Tết gift of the commune with ages in months', () => {
    const request = localRuleFormToRequest({
      code: localRuleCode('14812', 'Quà Tết Nguyên đán'),
      kind: 'local_gift',
      nameVi: 'Quà Tết',
      nameEn: '',
      criteriaVi: 'trẻ em hộ nghèo dưới 16 tuổi',
      criteriaEn: '',
      legalRef: 'Nghị quyết 12/NQ-HĐND',
      validFrom: '2026-01-01',
      validTo: undefined,
      unitCode: '14812',
      periodicity: 'yearly',
      amountType: 'fixed',
      amountVnd: 500_000,
      budgetSource: 'commune',
      minAgeYears: null,
      maxAgeYears: 16,
      groups: [],
      povertyStatuses: ['poor'],
      needsDecision: false,
    });
    expect(request).toMatchObject({
      code: 'local.u14812.qua_tet_nguyen_dan',
      nameEn: 'Quà Tết',
      criteriaEn: 'trẻ em hộ nghèo dưới 16 tuổi',
      validTo: null,
      amount: { type: 'fixed', amountVnd: 500_000 },
      criteria: { maxAgeMonths: 192, povertyStatuses: ['poor'] },
      exclusiveGroup: null,
    });
    expect(request.criteria).not.toHaveProperty('minAgeMonths');
    expect(request.criteria).not.toHaveProperty('groups');
  });

  it('builds coefficient and in-kind amounts', () => {
    expect(amountOf({ amountType: 'coefficient', coefficient: 0.5 })).toEqual({
      type: 'coefficient',
      coefficient: 0.5,
    });
    expect(amountOf({ amountType: 'in_kind', description: ' Bánh trung thu ' })).toEqual({
      type: 'in_kind',
      description: 'Bánh trung thu',
    });
  });
});
