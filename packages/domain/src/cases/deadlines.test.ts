import { describe, expect, it } from 'vitest';
import {
  buildCaseClockCatalogue,
  CaseClock,
  CaseClockCatalogue,
  caseClocks2017,
  clockState,
  completeClock,
  computeDueAt,
  extendClock,
  getClockDefinition,
  startClock,
  stopClock,
} from './deadlines';
import { CaseErrorCode, type CaseRuleError } from './errors';
import { createHolidayCalendar } from './holidays';
import { caseProcess2017 } from './process-catalogue';
import { formatVnDateTime, vnInstant } from './vn-time';

const calendar = createHolidayCalendar();
const received = vnInstant('2026-04-27', '09:00');
const hours = (n: number) => n * 3_600_000;
const plus = (instant: Date, ms: number) => new Date(instant.getTime() + ms);

describe('case clock catalogue', () => {
  it('is built from the process steps, with units, references and flags', () => {
    expect(CaseClockCatalogue.parse(caseClocks2017)).toEqual(caseClocks2017);
    const summary = caseClocks2017.clocks.map((c) => [c.step, c.amount, c.unit, c.verified, c.extendable]);
    expect(summary).toEqual([
      ['initial_assessment', 12, 'hours', false, false],
      ['emergency', 12, 'hours', true, false],
      ['removal_max', 15, 'days', true, true],
      ['plan', 5, 'working_days', true, true],
      ['plan_approval', 2, 'working_days', false, true],
    ]);
    expect(getClockDefinition('plan').legalRef).toBe('Nghị định 56/2017/NĐ-CP Art. 28(1)');
    expect(getClockDefinition('plan_approval').note).toContain('Art. 28(4) wording not seen');
    expect(getClockDefinition('initial_assessment').note).toContain('immediately');
  });

  it('follows the data: a corrected deadline changes the clock', () => {
    const corrected = {
      ...caseProcess2017,
      steps: caseProcess2017.steps.map((s) =>
        s.step === 7 ? { ...s, deadlineWorkingDays: 3, verified: true, deadlineVerified: true } : s,
      ),
    };
    expect(getClockDefinition('plan_approval', buildCaseClockCatalogue(corrected))).toMatchObject({
      amount: 3,
      verified: true,
    });
  });

  it('computes due instants by unit', () => {
    expect(formatVnDateTime(computeDueAt(getClockDefinition('emergency'), received, calendar))).toBe(
      '2026-04-27T21:00:00+07:00',
    );
    expect(formatVnDateTime(computeDueAt(getClockDefinition('plan'), received, calendar))).toBe(
      '2026-05-06T23:59:59.999+07:00',
    );
    expect(formatVnDateTime(computeDueAt(getClockDefinition('plan_approval'), received, calendar))).toBe(
      '2026-04-29T23:59:59.999+07:00',
    );
    // 15 calendar days, not moved off a day off: 27/4 + 15 = 12/5.
    expect(formatVnDateTime(computeDueAt(getClockDefinition('removal_max'), received, calendar))).toBe(
      '2026-05-12T23:59:59.999+07:00',
    );
  });
});

describe('clockState', () => {
  const clock = startClock(getClockDefinition('emergency'), received, calendar);
  const due = plus(received, hours(12));

  it('starts a valid running clock', () => {
    expect(CaseClock.parse(clock)).toEqual(clock);
    expect(clock).toMatchObject({ id: 'emergency#1', dueAt: '2026-04-27T21:00:00+07:00', dueSoonHours: 3 });
  });

  it.each([
    [0, 'on_track'],
    [hours(9) - 1, 'on_track'],
    [hours(9), 'due_soon'],
    [hours(12), 'due_soon'],
    [hours(12) + 1, 'overdue'],
    [hours(100), 'overdue'],
  ])('running, %i ms after the start: %s', (elapsed, expected) => {
    expect(clockState(clock, plus(received, elapsed))).toBe(expected);
  });

  it('met on time up to the due instant included, late after', () => {
    expect(clockState(completeClock(clock, due), plus(due, hours(50)))).toBe('met_on_time');
    expect(clockState(completeClock(clock, plus(due, 1)), due)).toBe('met_late');
    expect(clockState(stopClock(clock, due), plus(due, hours(1)))).toBe('stopped');
  });

  it('takes another due-soon window', () => {
    expect(clockState(clock, plus(received, hours(5)), { dueSoonHours: 8 })).toBe('due_soon');
  });
});

describe('extensions', () => {
  const definition = getClockDefinition('plan');
  const plan = startClock(definition, received, calendar);
  const newDueAt = vnInstant('2026-05-08', '23:59:59');

  it('move the deadline forward and keep the history', () => {
    const extended = extendClock(plan, definition, {
      newDueAt,
      reason: 'Chờ kết quả giám định',
      approvedBy: 'chairman-hung',
      approvedAt: vnInstant('2026-05-05', '10:00'),
    });
    expect(extended.dueAt).toBe('2026-05-08T23:59:59+07:00');
    expect(extended.originalDueAt).toBe('2026-05-06T23:59:59.999+07:00');
    expect(extended.extensions).toEqual([
      {
        previousDueAt: '2026-05-06T23:59:59.999+07:00',
        newDueAt: '2026-05-08T23:59:59+07:00',
        reason: 'Chờ kết quả giám định',
        approvedBy: 'chairman-hung',
        approvedAt: '2026-05-05T10:00:00+07:00',
      },
    ]);
    // Done on 7/5: late against the original deadline, on time against the extended one.
    expect(clockState(completeClock(extended, vnInstant('2026-05-07', '15:00')), newDueAt)).toBe(
      'met_on_time',
    );
    const again = extendClock(extended, definition, {
      newDueAt: vnInstant('2026-05-11'),
      reason: 'Gia hạn lần 2',
      approvedBy: 'chairman-hung',
      approvedAt: vnInstant('2026-05-08'),
    });
    expect(again.extensions.map((e) => e.previousDueAt)).toEqual([
      '2026-05-06T23:59:59.999+07:00',
      '2026-05-08T23:59:59+07:00',
    ]);
  });

  it('refuse a deadline not later, a finished clock, a clock that cannot be extended', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as CaseRuleError).code;
      }
      return undefined;
    };
    const request = { reason: 'r', approvedBy: 'l', approvedAt: received };
    expect(code(() => extendClock(plan, definition, { ...request, newDueAt: vnInstant('2026-05-06') }))).toBe(
      CaseErrorCode.ExtensionNotLater,
    );
    expect(code(() => extendClock(completeClock(plan, received), definition, { ...request, newDueAt }))).toBe(
      CaseErrorCode.ClockNotOpen,
    );
    const emergency = getClockDefinition('emergency');
    expect(
      code(() => extendClock(startClock(emergency, received, calendar), emergency, { ...request, newDueAt })),
    ).toBe(CaseErrorCode.ClockNotExtendable);
  });
});
