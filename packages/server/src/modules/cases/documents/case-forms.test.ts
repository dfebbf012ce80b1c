import { CaseAction, createHolidayCalendar, replayCase } from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import {
  buildCaseDocument,
  type CaseDocumentInput,
  CaseFormNotReadyError,
  isCaseFormReady,
  vietnameseDateTime,
  vietnameseLongDate,
  vietnameseShortDate,
} from './case-forms';

const officer = { userId: 'u-officer', role: 'officer' as const };
const leader = { userId: 'u-leader', role: 'leader' as const };
const measure = {
  id: 'm1',
  description: 'Tư vấn',
  responsible: 'Nguyễn Thị Lan',
  service: null,
  dueDate: null,
};

const approvedPlan: unknown[] = [
  {
    type: 'intake',
    at: '2026-04-27T09:00:00+07:00',
    by: officer,
    receivedAt: '2026-04-27T09:00:00+07:00',
    channel: 'hotline_111',
    concernTypes: ['physical_violence'],
    urgency: 'urgent',
    childId: null,
  },
  {
    type: 'initial_assessment',
    at: '2026-04-27T14:00:00+07:00',
    by: officer,
    riskLevel: 'medium',
    isEmergency: false,
    protectionLevel: 'ho_tro',
  },
  {
    type: 'detailed_assessment',
    at: '2026-04-28T10:00:00+07:00',
    by: officer,
    riskLevel: 'medium',
    needs: [],
    meetingOn: null,
  },
  {
    type: 'plan_drafted',
    at: '2026-04-29T09:00:00+07:00',
    by: officer,
    goal: 'An toàn',
    measures: [measure],
  },
  { type: 'plan_submitted', at: '2026-04-29T10:00:00+07:00', by: officer },
  {
    type: 'plan_approved',
    at: '2026-05-05T08:00:00+07:00',
    by: leader,
    decisionNumber: '15/QĐ-UBND',
    decisionDate: '2025-06-30',
  },
];

function inputOf(raw: unknown[], form: CaseDocumentInput['form']): CaseDocumentInput {
  const actions = raw.map((action) => CaseAction.parse(action));
  return {
    form,
    caseNumber: 'VV-2026-0001',
    unit: { fullName: 'Phường Bỉm Sơn', provinceName: 'Thanh Hóa', superiorFullName: 'Tỉnh Thanh Hóa' },
    child: { fullName: 'Lê Văn An', dateOfBirth: '2016', sex: 'male', address: null },
    state: replayCase(actions, createHolidayCalendar()),
    actions,
    summary: 'Tóm tắt',
    reporter: null,
    userNames: { 'u-leader': 'Trần Văn Bình' },
    issuedAt: new Date('2026-05-06T02:00:00Z'),
  };
}

describe('Vietnamese dates of the forms', () => {
  it('writes dates and instants in Vietnam time', () => {
    expect(vietnameseLongDate('2026-05-05')).toBe('ngày 05 tháng 05 năm 2026');
    // 20:30 UTC is already the next day in Vietnam.
    expect(vietnameseLongDate('2026-05-04T20:30:00Z')).toBe('ngày 05 tháng 05 năm 2026');
    expect(vietnameseShortDate('2016')).toBe('2016');
    expect(vietnameseShortDate('2016-03')).toBe('03/2016');
    expect(vietnameseDateTime('2026-04-27T02:05:00Z')).toBe('09 giờ 05 ngày 27/04/2026');
  });
});

describe('case forms', () => {
  it('builds the approval decision from the current plan, under the law in force on its date', () => {
    const model = buildCaseDocument(inputOf(approvedPlan, '05'));
    expect(model).toMatchObject({
      kind: 'decision',
      formLabel: 'Mẫu số 05',
      heading: {
        superior: 'UBND TỈNH THANH HÓA',
        authority: 'ỦY BAN NHÂN DÂN PHƯỜNG BỈM SƠN',
        number: 'Số: 15/QĐ-UBND',
      },
      placeDate: 'Phường Bỉm Sơn, ngày 30 tháng 06 năm 2025',
      title: 'QUYẾT ĐỊNH',
      signature: { capacity: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Trần Văn Bình' },
      fileName: 'mau-05-VV-2026-0001',
    });
    const text = JSON.stringify(model.body);
    expect(text).toContain('Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015');
    expect(text).toContain('sinh năm 2016');
  });

  it('is not ready for form 05 once the plan is redrafted after a review', () => {
    const replanned = [
      ...approvedPlan,
      {
        type: 'review',
        at: '2026-06-01T09:00:00+07:00',
        by: officer,
        riskLevel: 'medium',
        decision: 'replan',
      },
      { type: 'plan_drafted', at: '2026-06-02T09:00:00+07:00', by: officer, measures: [measure] },
    ];
    const input = inputOf(replanned, '05');
    expect(isCaseFormReady('05', input.state, input.actions)).toBe(false);
    expect(isCaseFormReady('04', input.state, input.actions)).toBe(true);
    expect(isCaseFormReady('06', input.state, input.actions)).toBe(true);
    expect(isCaseFormReady('07', input.state, input.actions)).toBe(false);
    expect(() => buildCaseDocument(input)).toThrow(CaseFormNotReadyError);
    expect(() => buildCaseDocument({ ...input, form: '07' })).toThrow(CaseFormNotReadyError);
    expect(buildCaseDocument({ ...input, form: '06' }).body).toContainEqual({
      kind: 'field',
      label: 'Mức độ nguy cơ',
      value: '☐ Cao    ☒ Trung bình    ☐ Thấp',
    });
  });
});
