import type { ChecklistQuestion, InspectionPlan, InspectionSession } from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import {
  chosenTab,
  defaultDeadline,
  draftToRequest,
  findingsWithoutText,
  groupQuestions,
  isDirty,
  isImage,
  nextQuestionId,
  normaliseAnswer,
  planFormToRequest,
  planToFormValues,
  respondFormToRequest,
  sessionToDraft,
  syncDraft,
  templateFormToRequest,
  visibleTabs,
  yearChartOption,
} from './inspectionText';

const question = (id: string, answerType: ChecklistQuestion['answerType'] = 'yes_no'): ChecklistQuestion => ({
  id,
  text: `Câu ${id}`,
  answerType,
  maxScore: answerType === 'yes_no' || answerType === 'score' ? 10 : null,
  required: true,
  guidance: null,
});

const session: InspectionSession = {
  id: '00000000-0000-4000-8000-000000000001',
  planId: '00000000-0000-4000-8000-000000000002',
  planTitle: 'Kiểm tra năm 2026',
  unitCode: '14812',
  unitName: 'Phường Bỉm Sơn',
  templateId: null,
  questions: [question('a.1'), question('a.2', 'score'), question('b.1', 'text')],
  heldOn: '2026-03-10',
  status: 'draft',
  summary: null,
  conclusion: 'Cơ bản đạt',
  answers: [{ questionId: 'a.1', value: true, note: null }],
  score: 10,
  maxScore: 20,
  missing: ['a.2', 'b.1'],
  findings: [
    {
      id: '00000000-0000-4000-8000-000000000003',
      seq: 1,
      questionId: 'a.1',
      severity: 'good',
      text: 'Có kế hoạch',
    },
  ],
  recommendations: [],
  evidence: [],
  canEdit: true,
  version: 3,
  completedAt: null,
};

describe('tabs', () => {
  it('shows every tab to inspectors and only recommendations and the board to a commune that answers', () => {
    expect(visibleTabs(['inspections.read', 'inspections.write'])).toEqual([
      'plans',
      'board',
      'recommendations',
      'templates',
    ]);
    expect(visibleTabs(['inspections.respond'])).toEqual(['recommendations', 'board']);
    expect(visibleTabs(['registry.read'])).toEqual([]);
  });

  it('keeps ?tab= only when the user may see it', () => {
    expect(chosenTab('board', ['recommendations', 'board'])).toBe('board');
    expect(chosenTab('plans', ['recommendations', 'board'])).toBe('recommendations');
    expect(chosenTab(null, ['plans', 'board'])).toBe('plans');
  });
});

describe('checklist', () => {
  it('groups consecutive questions by the id prefix and numbers them across groups', () => {
    const groups = groupQuestions([question('a.1'), question('a.2'), question('b.1'), question('q9')]);
    expect(groups.map((g) => [g.key, g.questions.map((q) => q.number)])).toEqual([
      ['a', [1, 2]],
      ['b', [3]],
      ['', [4]],
    ]);
  });

  it('treats a cleared number and blank text as no answer', () => {
    expect(normaliseAnswer('score', null)).toBeNull();
    expect(normaliseAnswer('number', 0)).toBe(0);
    expect(normaliseAnswer('text', '   ')).toBeNull();
    expect(normaliseAnswer('yes_no', false)).toBe(false);
    expect(normaliseAnswer('yes_no', 'yes')).toBeNull();
  });

  it('sends answers with a value or a note, trimmed findings with their ids', () => {
    const draft = sessionToDraft(session);
    draft.answers['a.2'] = { value: null, note: '  chưa có sổ theo dõi ' };
    draft.answers['b.1'] = { value: null, note: '' };
    draft.findings.push({ questionId: null, severity: 'minor', text: ' Thiếu biên bản ' });
    const request = draftToRequest(draft, session.version);
    expect(request.answers).toEqual([
      { questionId: 'a.1', value: true, note: null },
      { questionId: 'a.2', value: null, note: 'chưa có sổ theo dõi' },
    ]);
    expect(request.findings).toEqual([
      { id: session.findings[0]?.id, questionId: 'a.1', severity: 'good', text: 'Có kế hoạch' },
      { questionId: null, severity: 'minor', text: 'Thiếu biên bản' },
    ]);
    expect(request.summary).toBeNull();
    expect(request.conclusion).toBe('Cơ bản đạt');
    expect(request.version).toBe(3);
  });

  it('lists findings still without text', () => {
    expect(
      findingsWithoutText([
        { questionId: null, severity: 'minor', text: 'x' },
        { questionId: null, severity: 'major', text: '  ' },
      ]),
    ).toEqual([1]);
  });
});

describe('syncDraft', () => {
  it('takes the server state while the form is untouched', () => {
    const first = syncDraft(null, session);
    expect(isDirty(first)).toBe(false);
    const next = syncDraft(first, { ...session, version: 4, conclusion: 'Đạt' });
    expect(next.version).toBe(4);
    expect(next.draft.conclusion).toBe('Đạt');
  });

  it('keeps typed answers and moves to a new version when the server changed nothing the form holds', () => {
    const first = syncDraft(null, session);
    const typed = { ...first, draft: { ...first.draft, summary: 'Đoàn làm việc với UBND phường' } };
    expect(isDirty(typed)).toBe(true);
    const next = syncDraft(typed, { ...session, version: 4 });
    expect(next.version).toBe(4);
    expect(next.draft.summary).toBe('Đoàn làm việc với UBND phường');
  });

  it('keeps the old version when someone else changed the answers, so saving conflicts', () => {
    const first = syncDraft(null, session);
    const typed = { ...first, draft: { ...first.draft, summary: 'Tóm tắt' } };
    const next = syncDraft(typed, { ...session, version: 4, conclusion: 'Không đạt' });
    expect(next.version).toBe(3);
    expect(next.draft.summary).toBe('Tóm tắt');
  });
});

describe('plans', () => {
  it('builds the request with the schedule of each target and without blank team rows', () => {
    const request = planFormToRequest({
      title: ' Kiểm tra công tác trẻ em năm 2026 ',
      year: 2026,
      number: ' ',
      issuedOn: '2026-01-15',
      issuingBody: 'UBND tỉnh Thanh Hóa',
      topics: ['policy_law', 'drowning_prevention'],
      targets: ['14812', '14818'],
      schedule: { '14812': { plannedFrom: '2026-04-01', plannedTo: '2026-04-02' } },
      team: [
        { fullName: 'Lê Thị Hoa', role: 'lead', organisation: 'Sở Y tế' },
        { fullName: ' ', role: 'member' },
      ],
    });
    expect(request.number).toBeNull();
    expect(request.title).toBe('Kiểm tra công tác trẻ em năm 2026');
    expect(request.targets).toEqual([
      { unitCode: '14812', plannedFrom: '2026-04-01', plannedTo: '2026-04-02' },
      { unitCode: '14818', plannedFrom: null, plannedTo: null },
    ]);
    expect(request.team).toEqual([
      { fullName: 'Lê Thị Hoa', role: 'lead', organisation: 'Sở Y tế', userId: null },
    ]);
  });

  it('fills the form of an existing plan back to the same request', () => {
    const plan: InspectionPlan = {
      id: '00000000-0000-4000-8000-000000000009',
      unitCode: '38',
      unitName: 'Tỉnh Thanh Hóa',
      year: 2025,
      number: '05/KH-UBND',
      issuedOn: '2025-02-01',
      issuingBody: 'UBND tỉnh Thanh Hóa',
      title: 'Kiểm tra phòng, chống đuối nước',
      topics: ['drowning_prevention'],
      description: null,
      targets: [
        {
          unitCode: '14812',
          unitName: 'Phường Bỉm Sơn',
          plannedFrom: '2025-05-01',
          plannedTo: null,
          sessionId: null,
          sessionStatus: null,
        },
      ],
      team: [{ fullName: 'Trần Văn An', role: 'lead', organisation: null, userId: null }],
      recommendations: { total: 0, done: 0, overdue: 0 },
      canEdit: true,
      version: 1,
      createdAt: '2025-02-01T01:00:00Z',
      updatedAt: '2025-02-01T01:00:00Z',
    };
    expect(planFormToRequest(planToFormValues(plan))).toEqual({
      year: 2025,
      number: '05/KH-UBND',
      issuedOn: '2025-02-01',
      issuingBody: 'UBND tỉnh Thanh Hóa',
      title: 'Kiểm tra phòng, chống đuối nước',
      topics: ['drowning_prevention'],
      description: null,
      targets: [{ unitCode: '14812', plannedFrom: '2025-05-01', plannedTo: null }],
      team: [{ fullName: 'Trần Văn An', role: 'lead', organisation: null, userId: null }],
    });
  });
});

describe('templates', () => {
  it('keeps points only for yes/no and score questions', () => {
    const request = templateFormToRequest({
      name: ' Phiếu kiểm tra ',
      topic: 'policy_law',
      isActive: true,
      questions: [
        { id: 'q1', text: 'Có kế hoạch?', answerType: 'yes_no', maxScore: 10, required: true },
        { id: 'q2', text: 'Số trẻ', answerType: 'number', maxScore: 5, required: false, guidance: ' ' },
        { id: 'q3', text: 'Chấm điểm', answerType: 'score', maxScore: undefined, required: true },
      ],
    });
    expect(request.name).toBe('Phiếu kiểm tra');
    expect(request.questions.map((q) => q.maxScore)).toEqual([10, null, 0]);
    expect(request.questions[1]?.guidance).toBeNull();
  });

  it('proposes the next free question id', () => {
    expect(nextQuestionId(['q1', 'q2'])).toBe('q3');
    expect(nextQuestionId(['1.1', '1.3'])).toBe('1.4');
    expect(nextQuestionId(['a', 'q2'])).toBe('q3');
    expect(nextQuestionId(['intro'])).toBe('q2');
    expect(nextQuestionId([])).toBe('q1');
  });
});

describe('recommendations and board', () => {
  it('sends a completion date only when done', () => {
    expect(
      respondFormToRequest({ status: 'in_progress', response: ' Đang làm ', completedOn: '2026-03-01' }, 2),
    ).toEqual({
      status: 'in_progress',
      response: 'Đang làm',
      completedOn: null,
      version: 2,
    });
    expect(
      respondFormToRequest({ status: 'done', response: 'Xong', completedOn: '2026-03-01' }, 2).completedOn,
    ).toBe('2026-03-01');
  });

  it('proposes a deadline 90 days after the session', () => {
    expect(defaultDeadline('2026-03-10')).toBe('2026-06-08');
    expect(defaultDeadline('2025-12-01')).toBe('2026-03-01');
  });

  it('recognises photos', () => {
    expect(isImage('image/jpeg')).toBe(true);
    expect(isImage('image/webp')).toBe(true);
    expect(isImage('application/pdf')).toBe(false);
  });

  it('stacks the years in order with one series per state', () => {
    const option = yearChartOption(
      [
        { year: 2026, open: 1, inProgress: 0, overdue: 2, done: 3 },
        { year: 2025, open: 0, inProgress: 1, overdue: 0, done: 4 },
      ],
      { open: 'Chưa', in_progress: 'Đang', done: 'Xong', overdue: 'Quá hạn' },
    ) as { xAxis: { data: string[] }; series: Array<{ name: string; data: number[] }> };
    expect(option.xAxis.data).toEqual(['2025', '2026']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['Xong', [4, 3]],
      ['Đang', [1, 0]],
      ['Chưa', [0, 1]],
      ['Quá hạn', [0, 2]],
    ]);
  });
});
