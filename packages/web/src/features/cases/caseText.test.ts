import type { CaseDeadline } from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import {
  clockStepName,
  clockTagColor,
  countdown,
  durationParts,
  formatDuration,
  nextDeadline,
  protectionLevelName,
  sortDeadlines,
} from './caseText';

function deadline(step: CaseDeadline['step'], dueAt: string, done: Partial<CaseDeadline> = {}): CaseDeadline {
  return {
    step,
    dueAt,
    originalDueAt: dueAt,
    state: 'on_track',
    startedAt: '2026-05-01T08:00:00+07:00',
    completedAt: null,
    stoppedAt: null,
    extensions: [],
    verified: true,
    legalRef: 'Nghị định 56/2017/NĐ-CP',
    ...done,
  };
}

describe('clock tags', () => {
  it('colours each state as the officers expect', () => {
    expect(clockTagColor('overdue')).toBe('red');
    expect(clockTagColor('due_soon')).toBe('orange');
    expect(clockTagColor('on_track')).toBe('blue');
    expect(clockTagColor('met_on_time')).toBe('green');
    expect(clockTagColor('met_late')).toBe('gold');
  });

  it('names steps and protection levels from the catalogues, in both languages', () => {
    expect(clockStepName('plan', 'vi')).toMatch(/kế hoạch/i);
    expect(clockStepName('plan', 'en')).toMatch(/plan/i);
    expect(clockStepName('removal_max', 'vi')).toBe('Thời hạn tối đa tạm thời cách ly trẻ em');
    expect(protectionLevelName('can_thiep', 'vi')).not.toBe('can_thiep');
    expect(protectionLevelName(null, 'vi')).toBe('');
  });
});

describe('countdown', () => {
  const now = new Date('2026-05-01T03:00:00Z'); // 10:00 in Viet Nam

  it('counts the time left before the deadline', () => {
    const left = countdown('2026-05-01T15:30:00+07:00', now);
    expect(left.isOverdue).toBe(false);
    expect(left.parts).toEqual({ days: 0, hours: 5, minutes: 30 });
    expect(formatDuration(left.parts, 'vi')).toBe('5 giờ 30 phút');
    expect(formatDuration(left.parts, 'en')).toBe('5 hours 30 minutes');
  });

  it('counts how long a deadline is overdue', () => {
    const late = countdown('2026-04-29T07:00:00+07:00', now);
    expect(late.isOverdue).toBe(true);
    expect(formatDuration(late.parts, 'vi')).toBe('2 ngày 3 giờ');
    expect(formatDuration(late.parts, 'en')).toBe('2 days 3 hours');
  });

  it('shows minutes under an hour and singular units in English', () => {
    expect(formatDuration(durationParts(45 * 60_000), 'vi')).toBe('45 phút');
    expect(formatDuration(durationParts(20_000), 'vi')).toBe('0 phút');
    expect(formatDuration({ days: 1, hours: 1, minutes: 0 }, 'en')).toBe('1 day 1 hour');
  });
});

describe('deadlines', () => {
  const plan = deadline('plan', '2026-05-08T23:59:59.999+07:00');
  const assessment = deadline('initial_assessment', '2026-05-01T20:00:00+07:00');
  const met = deadline('emergency', '2026-05-01T19:00:00+07:00', {
    completedAt: '2026-05-01T12:00:00+07:00',
  });

  it('picks the running deadline due first', () => {
    expect(nextDeadline([plan, met, assessment])?.step).toBe('initial_assessment');
    expect(nextDeadline([met])).toBeUndefined();
  });

  it('lists running deadlines first, then finished ones', () => {
    expect(sortDeadlines([met, plan, assessment]).map((entry) => entry.step)).toEqual([
      'initial_assessment',
      'plan',
      'emergency',
    ]);
  });
});
