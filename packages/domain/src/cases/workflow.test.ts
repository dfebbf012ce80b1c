import { describe, expect, it } from 'vitest';
import type { CaseAction } from './actions';
import { CaseState } from './case-state';
import { CaseErrorCode, type CaseRuleError } from './errors';
import { createHolidayCalendar } from './holidays';
import { clocksAt, replayCase } from './process';
import { allowedActions } from './process-rules';
import { act, intake, leader, vn } from './testing';
import { vnInstant } from './vn-time';

/** Whole cases through Decree 56, from intake to both endings. */

const calendar = createHolidayCalendar();
const clockSummary = (state: CaseState, now: string) =>
  Object.fromEntries(clocksAt(state, vnInstant(now)).map((clock) => [clock.id, clock.state]));
const measures = [
  {
    id: 'm1',
    description: 'Tư vấn tâm lý cho trẻ',
    responsible: 'Nguyễn Thị Lan',
    service: 'Tổng đài 111',
    dueDate: '2026-05-15',
  },
  {
    id: 'm2',
    description: 'Hỗ trợ trẻ đi học lại',
    responsible: 'Trần Văn Nam',
    service: 'Trường THCS Bỉm Sơn',
    dueDate: null,
  },
];

const emergencyStart: CaseAction[] = [
  intake(),
  act('initial_assessment', vn('2026-04-27', '14:00'), {
    riskLevel: 'high',
    harm: 'Vết bầm ở tay',
    isEmergency: true,
    protectionLevel: 'can_thiep',
  }),
  act(
    'temporary_removal',
    vn('2026-04-27', '19:30'),
    {
      decisionNumber: '12/QĐ-UBND',
      decisionDate: '2026-04-27',
      placement: 'Nhà bà ngoại',
      startAt: vn('2026-04-27', '19:00'),
      plannedEndAt: vn('2026-05-11', '19:00'),
    },
    leader,
  ),
  act('detailed_assessment', vn('2026-04-28', '10:00'), {
    riskLevel: 'high',
    needs: ['an toàn', 'tâm lý', 'học tập'],
    meetingOn: '2026-04-28',
  }),
  act('plan_drafted', vn('2026-04-29', '09:00'), {
    goal: 'Trẻ an toàn, đi học lại',
    measures: measures.slice(0, 1),
  }),
  act('plan_submitted', vn('2026-04-29', '16:00'), {}),
  act('plan_rejected', vn('2026-05-04', '08:30'), { reason: 'Cần thêm biện pháp hỗ trợ học tập' }, leader),
  act('plan_drafted', vn('2026-05-04', '14:00'), { goal: 'Trẻ an toàn, đi học lại', measures }),
  act('plan_submitted', vn('2026-05-04', '16:00'), {}),
  act(
    'deadline_extended',
    vn('2026-05-06', '17:00'),
    { step: 'plan_approval', reason: 'Chủ tịch đi công tác', newDueAt: vn('2026-05-08', '23:59') },
    leader,
  ),
  act(
    'plan_approved',
    vn('2026-05-07', '10:00'),
    { decisionNumber: '20/QĐ-UBND', decisionDate: '2026-05-07' },
    leader,
  ),
  act('measure_done', vn('2026-05-08', '15:00'), { measureId: 'm1', outcome: '3 buổi tư vấn' }),
  act('removal_ended', vn('2026-05-09', '09:00'), { outcome: 'returned_to_family' }),
  act('measure_done', vn('2026-05-15', '10:00'), { measureId: 'm2' }),
  act('review', vn('2026-05-20', '09:00'), { riskLevel: 'medium', decision: 'continue' }),
];

describe('a case with an emergency, ending in closure after review', () => {
  const closing: CaseAction[] = [
    ...emergencyStart,
    act('review', vn('2026-06-01', '09:00'), {
      riskLevel: 'low',
      decision: 'close',
      protectionLevel: 'ho_tro',
    }),
    act('closed', vn('2026-06-02', '09:00'), { reason: 'plan_completed', note: 'Trẻ ổn định' }, leader),
  ];

  it('goes through every step to closed', () => {
    const statuses = closing.map((_, i) => replayCase(closing.slice(0, i + 1), calendar).status);
    expect(statuses).toEqual([
      'initial_assessment',
      'emergency',
      'detailed_assessment',
      'planning',
      'planning',
      'awaiting_approval',
      'planning',
      'planning',
      'awaiting_approval',
      'awaiting_approval',
      'implementing',
      'implementing',
      'implementing',
      'implementing',
      'implementing',
      'closure_proposed',
      'closed',
    ]);
    const state = replayCase(closing, calendar);
    expect(CaseState.parse(state)).toEqual(state);
    expect(state).toMatchObject({ protectionLevel: 'ho_tro', riskLevel: 'low', actionCount: closing.length });
    expect(state.closure).toMatchObject({ reason: 'plan_completed', by: leader });
    expect(
      state.plans.map((plan) => [plan.version, plan.rejection !== null, plan.approval?.decisionNumber]),
    ).toEqual([
      [1, true, undefined],
      [2, false, '20/QĐ-UBND'],
    ]);
    expect(state.assessments.map((a) => `${a.kind}:${a.riskLevel}`)).toEqual([
      'initial:high',
      'detailed:high',
      'review:medium',
      'review:low',
    ]);
    expect(allowedActions(state, 'officer')).toEqual(['note']);
    expect(allowedActions(state, 'leader')).toEqual(['reopened', 'note']);
  });

  it('keeps every clock with its outcome and the extension history', () => {
    const state = replayCase(closing, calendar);
    expect(clockSummary(state, '2026-07-01')).toEqual({
      'initial_assessment#1': 'met_on_time',
      'plan#1': 'met_on_time',
      'emergency#1': 'met_on_time',
      'removal_max#1': 'met_on_time',
      'plan_approval#1': 'met_on_time',
      'plan_approval#2': 'met_on_time',
    });
    const approval = state.clocks.find((clock) => clock.id === 'plan_approval#2');
    expect(approval).toMatchObject({
      originalDueAt: '2026-05-06T23:59:59.999+07:00',
      dueAt: '2026-05-08T23:59:00+07:00',
      completedAt: '2026-05-07T10:00:00+07:00',
    });
    expect(approval?.extensions).toHaveLength(1);
    expect(approval?.extensions[0]).toMatchObject({
      reason: 'Chủ tịch đi công tác',
      approvedBy: leader.userId,
    });
  });

  it('shows the clocks running while the case is open', () => {
    const firstHours = replayCase(emergencyStart.slice(0, 2), calendar);
    const at = (time: string) =>
      Object.fromEntries(clocksAt(firstHours, vnInstant('2026-04-27', time)).map((c) => [c.id, c.state]));
    expect(at('15:00')).toEqual({
      'initial_assessment#1': 'met_on_time',
      'plan#1': 'on_track',
      'emergency#1': 'on_track',
    });
    expect(at('18:00')['emergency#1']).toBe('due_soon');
    expect(at('21:00')['emergency#1']).toBe('due_soon');
    expect(at('21:01')['emergency#1']).toBe('overdue');
    const idle = replayCase([intake()], calendar);
    expect(clockSummary(idle, '2026-05-06')).toMatchObject({
      'initial_assessment#1': 'overdue',
      'plan#1': 'due_soon',
    });
    expect(clockSummary(idle, '2026-05-07')['plan#1']).toBe('overdue');
  });
});

describe('a case re-planned after review', () => {
  const replanned: CaseAction[] = [
    ...emergencyStart,
    act('review', vn('2026-05-27', '09:00'), {
      riskLevel: 'high',
      decision: 'replan',
      protectionLevel: 'can_thiep',
    }),
  ];

  it('goes back to planning with a new plan clock from the review', () => {
    const state = replayCase(replanned, calendar);
    expect(state.status).toBe('planning');
    const plan2 = state.clocks.find((clock) => clock.id === 'plan#2');
    // Wednesday 27/5 + 5 working days: 28, 29/5, 1, 2, 3/6.
    expect(plan2).toMatchObject({
      startedAt: '2026-05-27T09:00:00+07:00',
      dueAt: '2026-06-03T23:59:59.999+07:00',
    });
    expect(allowedActions(state, 'officer')).toContain('plan_drafted');
    expect(allowedActions(state, 'officer')).not.toContain('plan_submitted');
  });

  it('runs the new plan to approval, closes, and can be reopened', () => {
    const actions: CaseAction[] = [
      ...replanned,
      act('plan_drafted', vn('2026-05-28', '09:00'), { measures: [{ ...measures[0]!, id: 'm3' }] }),
      act('plan_submitted', vn('2026-06-04', '09:00'), {}),
      act(
        'plan_approved',
        vn('2026-06-05', '09:00'),
        { decisionNumber: '31/QĐ-UBND', decisionDate: '2026-06-05' },
        leader,
      ),
      act('measure_done', vn('2026-06-20', '09:00'), { measureId: 'm3' }),
      act('review', vn('2026-07-01', '09:00'), { riskLevel: 'low', decision: 'close' }),
      act('closed', vn('2026-07-02', '09:00'), { reason: 'plan_completed' }, leader),
      act('reopened', vn('2026-08-03', '09:00'), { reason: 'Có thông tin mới' }, leader),
    ];
    const state = replayCase(actions, calendar);
    expect(state.plans.map((plan) => plan.version)).toEqual([1, 2, 3]);
    expect(clockSummary(state, '2026-08-03')['plan#2']).toBe('met_late'); // submitted 4/6, due 3/6
    expect(state).toMatchObject({ status: 'detailed_assessment', closure: null });
    expect(state.reopenings).toHaveLength(1);
    expect(state.clocks.find((clock) => clock.id === 'plan#3')?.dueAt).toBe('2026-08-10T23:59:59.999+07:00');
  });
});

describe('other endings and refusals', () => {
  const early: CaseAction[] = [
    intake(),
    act('initial_assessment', vn('2026-04-27', '11:00'), {
      riskLevel: 'low',
      isEmergency: false,
      protectionLevel: 'phong_ngua',
    }),
  ];

  it('a leader may close an unfounded report early; running clocks stop', () => {
    const state = replayCase(
      [...early, act('closed', vn('2026-04-27', '15:00'), { reason: 'unfounded' }, leader)],
      calendar,
    );
    expect(state.status).toBe('closed');
    expect(clockSummary(state, '2026-06-01')).toEqual({
      'initial_assessment#1': 'met_on_time',
      'plan#1': 'stopped',
    });
  });

  it('closing as completed needs a review proposing it, with a low risk', () => {
    const completed = act('closed', vn('2026-04-27', '15:00'), { reason: 'plan_completed' }, leader);
    const refused = (() => {
      try {
        replayCase([...early, completed], calendar);
      } catch (error) {
        return (error as CaseRuleError).code;
      }
    })();
    expect(refused).toBe(CaseErrorCode.CloseNotProposed);
    const risky = act('review', vn('2026-06-01', '09:00'), { riskLevel: 'medium', decision: 'close' });
    expect(() => replayCase([...emergencyStart, risky], calendar)).toThrow(
      CaseErrorCode.CloseRequiresLowRisk,
    );
  });

  it('a removal must end before the case closes', () => {
    const untilRemoval = emergencyStart.slice(0, 3);
    const state = replayCase(untilRemoval, calendar);
    expect(allowedActions(state, 'leader')).not.toContain('closed');
    expect(() =>
      replayCase(
        [...untilRemoval, act('closed', vn('2026-04-28'), { reason: 'transferred' }, leader)],
        calendar,
      ),
    ).toThrow(CaseErrorCode.RemovalActive);
  });
});
