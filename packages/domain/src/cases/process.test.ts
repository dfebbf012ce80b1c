import { describe, expect, it } from 'vitest';
import { CaseAction, CaseActionType } from './actions';
import { CaseState } from './case-state';
import { CaseErrorCode, CaseRuleError, caseErrorMessages } from './errors';
import { createHolidayCalendar } from './holidays';
import { applyAction, checkAction, replayCase } from './process';
import { allowedActions, whyNotAllowed } from './process-rules';
import { act, intake, leader, officer, vn } from './testing';

const calendar = createHolidayCalendar();
const replay = (actions: CaseAction[]) => replayCase(actions, calendar);

function errorOf(fn: () => unknown): CaseRuleError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CaseRuleError) return error;
    throw error;
  }
  throw new Error('expected a CaseRuleError');
}

const assessed = (isEmergency: boolean) =>
  act('initial_assessment', vn('2026-04-27', '14:00'), {
    riskLevel: isEmergency ? 'high' : 'medium',
    isEmergency,
    protectionLevel: isEmergency ? 'can_thiep' : 'ho_tro',
  });
const detailed = act('detailed_assessment', vn('2026-04-28', '10:00'), {
  riskLevel: 'medium',
  needs: ['tư vấn tâm lý'],
  meetingOn: '2026-04-28',
});
const drafted = act('plan_drafted', vn('2026-04-29', '09:00'), {
  measures: [
    {
      id: 'm1',
      description: 'Tư vấn tâm lý',
      responsible: 'Nguyễn Thị Lan',
      service: 'Tổng đài 111',
      dueDate: null,
    },
  ],
});
const submitted = act('plan_submitted', vn('2026-04-29', '10:00'), {});
const approved = act(
  'plan_approved',
  vn('2026-05-04', '09:00'),
  { decisionNumber: '15/QĐ-UBND', decisionDate: '2026-05-04' },
  leader,
);
const toImplementing = [intake(), assessed(false), detailed, drafted, submitted, approved];

describe('intake', () => {
  it('opens the case with the 12-hour and the plan clocks of the contract', () => {
    const state = replay([intake()]);
    expect(CaseState.parse(state)).toEqual(state);
    expect(state).toMatchObject({
      status: 'initial_assessment',
      channel: 'hotline_111',
      assigneeId: 'officer-lan',
    });
    expect(state.clocks.map((c) => [c.id, c.startedAt, c.dueAt])).toEqual([
      ['initial_assessment#1', '2026-04-27T09:00:00+07:00', '2026-04-27T21:00:00+07:00'],
      ['plan#1', '2026-04-27T09:00:00+07:00', '2026-05-06T23:59:59.999+07:00'],
    ]);
  });

  it('starts the clocks when the report was received, not when it was recorded', () => {
    const state = replay([intake(vn('2026-04-27', '11:00'), vn('2026-04-26', '22:30'))]);
    expect(state.clocks[0]?.dueAt).toBe('2026-04-27T10:30:00+07:00');
    expect(state.clocks[1]?.dueAt).toBe('2026-05-06T23:59:59.999+07:00');
    expect(errorOf(() => replay([intake(vn('2026-04-27', '08:00'), vn('2026-04-27', '09:00'))])).code).toBe(
      CaseErrorCode.ReceivedAfterIntake,
    );
  });
});

describe('initial assessment', () => {
  it('without emergency goes to the detailed assessment', () => {
    const state = replay([intake(), assessed(false)]);
    expect(state).toMatchObject({
      status: 'detailed_assessment',
      isEmergency: false,
      protectionLevel: 'ho_tro',
    });
    expect(state.clocks[0]?.completedAt).toBe('2026-04-27T14:00:00+07:00');
    expect(state.clocks.some((c) => c.step === 'emergency')).toBe(false);
  });

  it('with emergency opens the emergency clock from the receipt of the report', () => {
    const state = replay([intake(), assessed(true)]);
    expect(state.status).toBe('emergency');
    expect(state.clocks.find((c) => c.step === 'emergency')?.dueAt).toBe('2026-04-27T21:00:00+07:00');
    expect(allowedActions(state, 'officer')).not.toContain('detailed_assessment');
  });

  it('counts an emergency measure taken before the assessment was recorded', () => {
    const measure = act('emergency_measure', vn('2026-04-27', '10:00'), {
      description: 'Công an đưa trẻ đi khám',
    });
    const state = replay([intake(), measure, assessed(true)]);
    expect(state.status).toBe('detailed_assessment');
    expect(state.clocks.find((c) => c.step === 'emergency')?.completedAt).toBe('2026-04-27T10:00:00+07:00');
  });
});

describe('emergency measures and temporary removal', () => {
  const removal = (plannedEnd: string) =>
    act(
      'temporary_removal',
      vn('2026-04-27', '19:00'),
      {
        decisionNumber: '12/QĐ-UBND',
        decisionDate: '2026-04-27',
        placement: 'Nhà bà ngoại',
        startAt: vn('2026-04-27', '18:00'),
        plannedEndAt: plannedEnd,
      },
      leader,
    );

  it('a removal (form 07) meets the emergency clock and starts the 15-day clock', () => {
    const state = replay([intake(), assessed(true), removal(vn('2026-05-10', '18:00'))]);
    expect(state.status).toBe('detailed_assessment');
    expect(state.clocks.find((c) => c.step === 'emergency')?.completedAt).toBe('2026-04-27T18:00:00+07:00');
    expect(state.clocks.find((c) => c.step === 'removal_max')?.dueAt).toBe('2026-05-12T23:59:59.999+07:00');
    expect(allowedActions(state, 'leader')).not.toContain('temporary_removal');
    expect(allowedActions(state, 'leader')).not.toContain('closed');
    expect(allowedActions(state, 'officer')).toContain('removal_ended');
  });

  it('refuses a removal planned beyond 15 days, or decided by an officer', () => {
    const tooLong = removal(vn('2026-05-13', '00:00'));
    expect(errorOf(() => replay([intake(), assessed(true), tooLong])).code).toBe(
      CaseErrorCode.RemovalTooLong,
    );
    const byOfficer = { ...removal(vn('2026-05-01')), by: officer } as CaseAction;
    expect(errorOf(() => replay([intake(), assessed(true), byOfficer])).code).toBe(
      CaseErrorCode.RoleNotAllowed,
    );
  });

  it('ends the removal and meets its clock', () => {
    const ended = act('removal_ended', vn('2026-05-08', '09:00'), { outcome: 'returned_to_family' });
    const state = replay([intake(), assessed(true), removal(vn('2026-05-10')), ended]);
    expect(state.removals[0]).toMatchObject({
      endedAt: '2026-05-08T09:00:00+07:00',
      outcome: 'returned_to_family',
    });
    expect(state.clocks.find((c) => c.step === 'removal_max')?.completedAt).toBe('2026-05-08T09:00:00+07:00');
    expect(errorOf(() => replay([intake(), ended])).code).toBe(CaseErrorCode.NoActiveRemoval);
  });
});

describe('planning and approval', () => {
  it('submitting meets the plan clock and starts the 2-working-day approval clock', () => {
    const state = replay([intake(), assessed(false), detailed, drafted, submitted]);
    expect(state.status).toBe('awaiting_approval');
    expect(state.clocks.find((c) => c.id === 'plan#1')?.completedAt).toBe('2026-04-29T10:00:00+07:00');
    // 29/4 + 2 working days: 30/4, 1/5 off, weekend → 4/5, 5/5.
    expect(state.clocks.find((c) => c.id === 'plan_approval#1')?.dueAt).toBe('2026-05-05T23:59:59.999+07:00');
    expect(allowedActions(state, 'officer')).toEqual(['emergency_measure', 'note']);
    expect(allowedActions(state, 'leader')).toEqual([
      'emergency_measure',
      'temporary_removal',
      'plan_approved',
      'plan_rejected',
      'closed',
      'deadline_extended',
      'assigned',
      'note',
    ]);
  });

  it('a redraft before submission replaces the draft; after a rejection it is a new version', () => {
    const redraft = { ...drafted, at: vn('2026-04-29', '09:30') } as CaseAction;
    expect(replay([intake(), assessed(false), detailed, drafted, redraft]).plans).toHaveLength(1);
    const rejected = act('plan_rejected', vn('2026-04-30', '08:00'), { reason: 'Thiếu biện pháp' }, leader);
    const state = replay([intake(), assessed(false), detailed, drafted, submitted, rejected]);
    expect(state.status).toBe('planning');
    expect(state.plans[0]?.rejection).toMatchObject({
      reason: 'Thiếu biện pháp',
      rejectedBy: 'chairman-hung',
    });
    const again = applyAction(state, { ...drafted, at: vn('2026-05-04', '08:00') } as CaseAction, calendar);
    expect(again.plans.map((p) => p.version)).toEqual([1, 2]);
    expect(whyNotAllowed(state, 'plan_submitted', 'officer')?.code).toBe(CaseErrorCode.PlanNotDrafted);
  });

  it('records the approval decision (form 05) and tracks the measures', () => {
    const state = replay(toImplementing);
    expect(state.status).toBe('implementing');
    expect(state.plans[0]?.approval).toEqual({
      decisionNumber: '15/QĐ-UBND',
      decisionDate: '2026-05-04',
      approvedBy: 'chairman-hung',
      approvedAt: '2026-05-04T09:00:00+07:00',
    });
    const done = act('measure_done', vn('2026-05-05'), { measureId: 'm1', outcome: 'Đã tư vấn 2 buổi' });
    const after = applyAction(state, done, calendar);
    expect(after.plans[0]?.measures[0]).toMatchObject({ doneAt: '2026-05-05T00:00:00+07:00' });
    expect(allowedActions(after, 'officer')).not.toContain('measure_done');
    expect(errorOf(() => applyAction(after, done, calendar)).code).toBe(CaseErrorCode.MeasureAlreadyDone);
    const unknown = act('measure_done', vn('2026-05-05'), { measureId: 'm9' });
    expect(errorOf(() => applyAction(state, unknown, calendar)).code).toBe(CaseErrorCode.MeasureUnknown);
  });
});

describe('rules on every action', () => {
  it.each([
    ['a case not opened by an intake', [assessed(false)], CaseErrorCode.NotOpened, 0],
    ['a second intake', [intake(), intake()], CaseErrorCode.AlreadyOpened, 1],
    ['an action out of step', [intake(), detailed], CaseErrorCode.NotAllowedInStatus, 1],
    [
      'an officer approving',
      [intake(), assessed(false), detailed, drafted, submitted, { ...approved, by: officer }],
      CaseErrorCode.RoleNotAllowed,
      5,
    ],
    [
      'an action dated before the previous one',
      [intake(), act('note', vn('2026-04-27', '08:00'), { text: 'x' })],
      CaseErrorCode.ActionBeforePrevious,
      1,
    ],
    [
      'an invalid action',
      [intake(), act('note', vn('2026-04-27', '10:00'), { text: '' })],
      CaseErrorCode.InvalidAction,
      1,
    ],
    ['an empty history', [], CaseErrorCode.NotOpened, 0],
  ] as Array<[string, CaseAction[], string, number]>)('refuses %s', (_name, actions, code, index) => {
    const error = errorOf(() => replay(actions));
    expect(error.code).toBe(code);
    expect(error.actionIndex).toBe(index);
    expect(caseErrorMessages[error.code].vi.length).toBeGreaterThan(0);
  });

  it('checkAction returns the error instead of throwing', () => {
    const result = checkAction(replay([intake()]), detailed, calendar);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(CaseErrorCode.NotAllowedInStatus);
    expect(checkAction(undefined, intake(), calendar).ok).toBe(true);
  });

  it('has a message for every error code, and a role and status rule for every action type', () => {
    for (const code of Object.values(CaseErrorCode)) expect(caseErrorMessages[code]).toBeDefined();
    expect(allowedActions(undefined, 'officer')).toEqual(['intake']);
    expect(CaseAction.options.map((option) => option.shape.type.value)).toEqual(CaseActionType.options);
  });

  it('lets a leader assign the case and anyone write notes, even once closed', () => {
    const assigned = act('assigned', vn('2026-04-27', '10:00'), { assigneeId: 'officer-minh' }, leader);
    const note = act('note', vn('2026-04-27', '10:05'), { text: 'Đã gọi điện cho nhà trường' });
    const state = replay([intake(), assigned, note]);
    expect(state).toMatchObject({ assigneeId: 'officer-minh', noteCount: 1, actionCount: 3 });
    expect(errorOf(() => applyAction(state, { ...assigned, by: officer } as CaseAction, calendar)).code).toBe(
      CaseErrorCode.RoleNotAllowed,
    );
  });
});

describe('deadline extensions', () => {
  const extend = (step: string, newDueAt: string) =>
    act(
      'deadline_extended',
      vn('2026-04-27', '12:00'),
      { step, reason: 'Chờ giám định', newDueAt } as never,
      leader,
    );

  it('extend a running clock with the leader as approver, kept in the clock history', () => {
    const state = replay([intake(), extend('plan', vn('2026-05-08', '23:59'))]);
    const plan = state.clocks.find((c) => c.step === 'plan');
    expect(plan?.dueAt).toBe('2026-05-08T23:59:00+07:00');
    expect(plan?.extensions).toEqual([
      {
        previousDueAt: '2026-05-06T23:59:59.999+07:00',
        newDueAt: '2026-05-08T23:59:00+07:00',
        reason: 'Chờ giám định',
        approvedBy: 'chairman-hung',
        approvedAt: '2026-04-27T12:00:00+07:00',
      },
    ]);
  });

  it('never extend the 12-hour clocks, nor a step without a running clock, nor by an officer', () => {
    expect(errorOf(() => replay([intake(), extend('initial_assessment', vn('2026-04-28'))])).code).toBe(
      CaseErrorCode.ClockNotExtendable,
    );
    expect(errorOf(() => replay([intake(), extend('plan_approval', vn('2026-05-28'))])).code).toBe(
      CaseErrorCode.ClockNotOpen,
    );
    const byOfficer = { ...extend('plan', vn('2026-05-08')), by: officer } as CaseAction;
    expect(errorOf(() => replay([intake(), byOfficer])).code).toBe(CaseErrorCode.RoleNotAllowed);
  });
});
