import {
  type CaseClockStep,
  type CaseDeadline,
  type CaseStatus,
  type ClockState,
  caseClocks2017,
  caseProcess2017,
  type IntakeUrgency,
  type ProtectionLevelCode,
} from '@tuoitho/domain';
import type { Language } from '../children/childText';

/** Colours of the clock states: overdue red, due soon orange, on track blue, met green, late gold. */
export const clockStateColors: Record<ClockState, string> = {
  on_track: 'blue',
  due_soon: 'orange',
  overdue: 'red',
  met_on_time: 'green',
  met_late: 'gold',
  stopped: 'default',
};

export function clockTagColor(state: ClockState): string {
  return clockStateColors[state];
}

export const caseStatusColors: Record<CaseStatus, string> = {
  initial_assessment: 'blue',
  emergency: 'red',
  detailed_assessment: 'geekblue',
  planning: 'cyan',
  awaiting_approval: 'purple',
  implementing: 'green',
  closure_proposed: 'gold',
  closed: 'default',
};

export const urgencyColors: Record<IntakeUrgency, string> = {
  emergency: 'red',
  urgent: 'orange',
  routine: 'default',
};

/** The name of a clock's step in the clock catalogue (e.g. "Lập kế hoạch hỗ trợ, can thiệp"). */
export function clockStepName(step: CaseClockStep, language: Language): string {
  const clock = caseClocks2017.clocks.find((entry) => entry.step === step);
  if (!clock) return step;
  return language === 'en' ? clock.nameEn : clock.nameVi;
}

/** Whether a clock may be extended by a leader (catalogue data). */
export function isClockExtendable(step: CaseClockStep): boolean {
  return caseClocks2017.clocks.find((entry) => entry.step === step)?.extendable ?? false;
}

/** "Cấp độ 2 – Hỗ trợ": the protection level of a code (Luật Trẻ em Art. 47). */
export function protectionLevelName(
  code: ProtectionLevelCode | null | undefined,
  language: Language,
): string {
  if (!code) return '';
  const level = caseProcess2017.protectionLevels.find((entry) => entry.code === code);
  if (!level) return code;
  return language === 'en' ? level.nameEn : level.nameVi;
}

export function isDeadlineRunning(deadline: Pick<CaseDeadline, 'completedAt' | 'stoppedAt'>): boolean {
  return deadline.completedAt === null && deadline.stoppedAt === null;
}

/** The running deadline due first, or undefined when no clock runs. */
export function nextDeadline(deadlines: readonly CaseDeadline[]): CaseDeadline | undefined {
  return deadlines.filter(isDeadlineRunning).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
}

/** Running clocks first (earliest due first), then finished ones (latest first). */
export function sortDeadlines(deadlines: readonly CaseDeadline[]): CaseDeadline[] {
  const running = deadlines
    .filter(isDeadlineRunning)
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  const done = deadlines
    .filter((deadline) => !isDeadlineRunning(deadline))
    .sort((a, b) => Date.parse(b.dueAt) - Date.parse(a.dueAt));
  return [...running, ...done];
}

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
}

/** A duration split into whole days, hours and minutes (rounded down to the minute). */
export function durationParts(milliseconds: number): DurationParts {
  const totalMinutes = Math.floor(Math.abs(milliseconds) / 60_000);
  return {
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
  };
}

export interface Countdown {
  /** True once the deadline has passed. */
  isOverdue: boolean;
  parts: DurationParts;
}

/** Time left until (or past) a deadline at an instant. */
export function countdown(dueAt: string, now: Date): Countdown {
  const left = Date.parse(dueAt) - now.getTime();
  return { isOverdue: left < 0, parts: durationParts(left) };
}

const units: Record<
  Language,
  { day: string; hour: string; minute: string; days: string; hours: string; minutes: string }
> = {
  vi: { day: 'ngày', hour: 'giờ', minute: 'phút', days: 'ngày', hours: 'giờ', minutes: 'phút' },
  en: { day: 'day', hour: 'hour', minute: 'minute', days: 'days', hours: 'hours', minutes: 'minutes' },
};

/**
 * The two largest units of a duration, as officers read a deadline: "2 ngày 3 giờ", "5 giờ 20
 * phút", "45 phút" ("2 days 3 hours" in English). Under a minute reads as "0 phút".
 */
export function formatDuration(parts: DurationParts, language: Language): string {
  const names = units[language];
  const pieces: string[] = [];
  const add = (value: number, one: string, many: string) => {
    if (value > 0) pieces.push(`${value} ${value === 1 ? one : many}`);
  };
  if (parts.days > 0) {
    add(parts.days, names.day, names.days);
    add(parts.hours, names.hour, names.hours);
  } else if (parts.hours > 0) {
    add(parts.hours, names.hour, names.hours);
    add(parts.minutes, names.minute, names.minutes);
  } else {
    pieces.push(`${parts.minutes} ${parts.minutes === 1 ? names.minute : names.minutes}`);
  }
  return pieces.join(' ');
}
