import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CaseAlertKind,
  CaseEscalationRules,
  caseAlertsAt,
  caseEscalationRules,
  type RunningDeadline,
} from './escalation';
import { createHolidayCalendar, defaultHolidayYear } from './holidays';
import { formatVnDateTime, vnInstant } from './vn-time';

const calendar = createHolidayCalendar();
const at = (date: string, time = '00:00') => vnInstant(date, time);
const kinds = (deadline: RunningDeadline, now: Date, cal = calendar) =>
  caseAlertsAt(deadline, now, cal).map((alert) => alert.kind);

/** The plan clock of the contract example: report Mon 27/04/2026 09:00, due Wed 06/05 (30/04, 01/05 off). */
const plan: RunningDeadline = {
  clockId: 'plan#1',
  step: 'plan',
  dueAt: '2026-05-06T23:59:59.999+07:00',
  dueSoonHours: 24,
};
const emergency: RunningDeadline = {
  clockId: 'emergency#1',
  step: 'emergency',
  dueAt: '2026-04-27T21:00:00+07:00',
  dueSoonHours: 3,
};

describe('case escalation rules', () => {
  it('are data, valid against their schema, and say that no law fixes them', () => {
    expect(CaseEscalationRules.parse(caseEscalationRules)).toEqual(caseEscalationRules);
    expect(caseEscalationRules.verified).toBe(false);
    expect(caseEscalationRules.legalRef).toMatch(/^Không có/);
    expect(caseEscalationRules.levels.map((l) => [l.kind, l.recipient, l.overdueWorkingDays])).toEqual([
      ['due_soon', 'officer', null],
      ['overdue', 'officer', 0],
      ['escalated_leader', 'commune_leader', 1],
      ['escalated_province', 'province_officer', 3],
    ]);
  });
});

describe('caseAlertsAt on a working-day clock', () => {
  it('says nothing before the due-soon window', () => {
    expect(kinds(plan, at('2026-05-05', '23:59'))).toEqual([]);
  });

  it('warns the officer within dueSoonHours, up to the deadline itself', () => {
    expect(kinds(plan, at('2026-05-06', '00:00'))).toEqual(['due_soon']);
    expect(kinds(plan, new Date('2026-05-06T23:59:59.999+07:00'))).toEqual(['due_soon']);
  });

  it('is overdue from the first instant after the deadline', () => {
    expect(kinds(plan, at('2026-05-07', '00:00'))).toEqual(['overdue']);
    expect(kinds(plan, at('2026-05-07', '23:59'))).toEqual(['overdue']);
  });

  it('escalates to the commune leader once a whole working day past the due date has ended', () => {
    expect(kinds(plan, at('2026-05-08', '00:00'))).toEqual(['overdue', 'escalated_leader']);
  });

  it('escalates to the province after three whole working days, skipping the weekend', () => {
    // Thu 07, Fri 08, (Sat 09, Sun 10), Mon 11 → from Tue 12/05 00:00.
    expect(kinds(plan, at('2026-05-11', '23:59'))).toEqual(['overdue', 'escalated_leader']);
    expect(kinds(plan, at('2026-05-12', '00:00'))).toEqual([
      'overdue',
      'escalated_leader',
      'escalated_province',
    ]);
  });

  it('counts a stored holiday as a day off when escalating', () => {
    const base = defaultHolidayYear(2026);
    const withThursdayOff = createHolidayCalendar([
      { ...base, days: [...base.days, { date: '2026-05-07', name: 'Nghỉ thử', kind: 'holiday' as const }] },
    ]);
    expect(kinds(plan, at('2026-05-08', '00:00'), withThursdayOff)).toEqual(['overdue']);
    expect(kinds(plan, at('2026-05-09', '00:00'), withThursdayOff)).toEqual(['overdue', 'escalated_leader']);
  });

  it('names the clock and the step of every alert', () => {
    expect(caseAlertsAt(plan, at('2026-05-12'), calendar)).toContainEqual({
      kind: 'escalated_province',
      clockId: 'plan#1',
      step: 'plan',
    });
  });
});

describe('caseAlertsAt on a 12-hour clock', () => {
  it('tells the leader as soon as it is missed, and the province 24 hours later, weekends included', () => {
    expect(kinds(emergency, at('2026-04-27', '18:00'))).toEqual(['due_soon']);
    expect(kinds(emergency, at('2026-04-27', '21:01'))).toEqual(['overdue', 'escalated_leader']);
    expect(kinds(emergency, at('2026-04-28', '21:00'))).toEqual(['overdue', 'escalated_leader']);
    expect(kinds(emergency, at('2026-04-28', '21:01'))).toEqual([
      'overdue',
      'escalated_leader',
      'escalated_province',
    ]);
  });
});

const steps = ['initial_assessment', 'emergency', 'removal_max', 'plan', 'plan_approval'] as const;
const deadline = fc
  .record({
    step: fc.constantFrom(...steps),
    due: fc.date({
      min: new Date('2024-01-01T00:00:00Z'),
      max: new Date('2034-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    dueSoonHours: fc.integer({ min: 1, max: 72 }),
  })
  .map(({ step, due, dueSoonHours }) => ({
    clockId: `${step}#1`,
    step,
    dueAt: formatVnDateTime(due),
    dueSoonHours,
  }));
const offsetMs = fc.integer({ min: -5 * 86_400_000, max: 30 * 86_400_000 });
const order: CaseAlertKind[] = ['overdue', 'escalated_leader', 'escalated_province'];

describe('caseAlertsAt properties', () => {
  it('once reached, a level stays reached; levels come in order; due soon and overdue exclude each other', () => {
    fc.assert(
      fc.property(deadline, offsetMs, fc.integer({ min: 0, max: 10 * 86_400_000 }), (d, offset, later) => {
        const now = new Date(Date.parse(d.dueAt) + offset);
        const first = kinds(d, now);
        const second = kinds(d, new Date(now.getTime() + later));
        for (const kind of first) if (kind !== 'due_soon') expect(second).toContain(kind);
        for (const list of [first, second]) {
          expect(list.includes('due_soon') && list.includes('overdue')).toBe(false);
          const reached = order.filter((kind) => list.includes(kind));
          expect(reached).toEqual(order.slice(0, reached.length));
        }
      }),
    );
  });

  it('says nothing before the due-soon window and is overdue exactly after the deadline', () => {
    fc.assert(
      fc.property(deadline, offsetMs, (d, offset) => {
        const due = Date.parse(d.dueAt);
        const list = kinds(d, new Date(due + offset));
        if (offset < -d.dueSoonHours * 3_600_000) expect(list).toEqual([]);
        expect(list.includes('overdue')).toBe(offset > 0);
        expect(list.includes('due_soon')).toBe(offset <= 0 && offset >= -d.dueSoonHours * 3_600_000);
      }),
    );
  });
});
