import { z } from 'zod';
import { IsoDateTime } from '../common';
import { addHours, addWorkingDays } from './calendar';
import { type CaseClockCatalogue, CaseClockStep, caseClocks2017, getClockDefinition } from './deadlines';
import type { HolidayCalendar } from './holidays';
import { parseInstant } from './vn-time';

/**
 * Alerts and escalation of the legal clocks of a case. Decree 56/2017 sets the deadlines but
 * says nothing about reminding anyone of them or about who is told when one passes: the
 * thresholds below are the project's choice (`verified: false`), kept as data so that a province
 * may change them without touching the rules.
 */

/** A running clock as the case row copies it (`child_case.open_deadlines`): no content. */
export const RunningDeadline = z
  .object({
    clockId: z.string().min(1),
    step: CaseClockStep,
    dueAt: IsoDateTime,
    dueSoonHours: z.number().positive(),
  })
  .meta({ id: 'RunningDeadline' });
export type RunningDeadline = z.infer<typeof RunningDeadline>;

/** Who is told: the assigned officer, the commune leaders, the province officers. */
export const AlertRecipient = z.enum(['officer', 'commune_leader', 'province_officer']);
export type AlertRecipient = z.infer<typeof AlertRecipient>;

export const CaseAlertKind = z
  .enum(['due_soon', 'overdue', 'escalated_leader', 'escalated_province'])
  .meta({ id: 'CaseAlertKind' });
export type CaseAlertKind = z.infer<typeof CaseAlertKind>;

/**
 * One level of alert. `overdueWorkingDays`: raised once the deadline has passed and then `n`
 * whole working days after the due date have ended (0: as soon as it has passed).
 * `hourClockOverdueHours`: for clocks counted in hours (the 12-hour initial assessment and
 * emergency clocks, which run through nights and holidays), the elapsed hours past the deadline
 * instead, because waiting for working days would defeat an emergency deadline.
 */
export const EscalationLevel = z.object({
  kind: CaseAlertKind,
  recipient: AlertRecipient,
  overdueWorkingDays: z.number().int().min(0).nullable().describe('null for the "due soon" warning'),
  hourClockOverdueHours: z.number().min(0).nullable(),
  reason: z.string(),
});
export type EscalationLevel = z.infer<typeof EscalationLevel>;

export const CaseEscalationRules = z
  .object({
    version: z.string(),
    legalRef: z.string(),
    verified: z.boolean().describe('false: no law fixes these thresholds'),
    levels: z.array(EscalationLevel),
  })
  .meta({ id: 'CaseEscalationRules' });
export type CaseEscalationRules = z.infer<typeof CaseEscalationRules>;

/** The project's alert and escalation thresholds (not from the law, see `docs/case-alerts.md`). */
export const caseEscalationRules: CaseEscalationRules = {
  version: 'du-an-2026.1',
  legalRef:
    'Không có: Nghị định 56/2017/NĐ-CP quy định thời hạn từng bước nhưng không quy định nhắc hạn hay báo cáo cấp trên khi quá hạn; ngưỡng do dự án đề xuất.',
  verified: false,
  levels: [
    {
      kind: 'due_soon',
      recipient: 'officer',
      overdueWorkingDays: null,
      hourClockOverdueHours: null,
      reason: 'The officer is reminded `dueSoonHours` before the deadline (from the clock catalogue).',
    },
    {
      kind: 'overdue',
      recipient: 'officer',
      overdueWorkingDays: 0,
      hourClockOverdueHours: 0,
      reason: 'The officer is told as soon as the deadline has passed.',
    },
    {
      kind: 'escalated_leader',
      recipient: 'commune_leader',
      overdueWorkingDays: 1,
      hourClockOverdueHours: 0,
      reason:
        'The chairman of the commune, who answers for the case, learns of it after one whole working day late: ' +
        'enough for the officer to catch up on a slip, short enough to act within the week. ' +
        'A missed 12-hour clock goes to the leader at once: emergency measures are the chairman’s decision.',
    },
    {
      kind: 'escalated_province',
      recipient: 'province_officer',
      overdueWorkingDays: 3,
      hourClockOverdueHours: 24,
      reason:
        'The province’s child-protection officers see cases three whole working days late, ' +
        'when the commune has had time to act and has not; a missed 12-hour clock after 24 hours.',
    },
  ],
};

export type CaseAlert = { kind: CaseAlertKind; clockId: string; step: CaseClockStep };

/** The instant after which a level applies to a deadline, or undefined for the "due soon" level. */
export function escalationThreshold(
  deadline: RunningDeadline,
  level: EscalationLevel,
  calendar: HolidayCalendar,
  catalogue: CaseClockCatalogue = caseClocks2017,
): Date | undefined {
  if (level.overdueWorkingDays === null) return undefined;
  const due = parseInstant(deadline.dueAt);
  const isHourClock = getClockDefinition(deadline.step, catalogue).unit === 'hours';
  if (isHourClock && level.hourClockOverdueHours !== null) return addHours(due, level.hourClockOverdueHours);
  if (level.overdueWorkingDays === 0) return due;
  return addWorkingDays(due, level.overdueWorkingDays, calendar);
}

/**
 * The alerts a running deadline calls for at an instant: `due_soon` within `dueSoonHours` before
 * it (and not after), `overdue` once past, and each escalation once past its threshold. Every
 * level already reached is listed (the caller de-duplicates per recipient), so a scan that missed
 * a day still tells everyone. Pure: same deadline, instant and calendar, same answer.
 */
export function caseAlertsAt(
  deadline: RunningDeadline,
  now: Date,
  calendar: HolidayCalendar,
  rules: CaseEscalationRules = caseEscalationRules,
  catalogue: CaseClockCatalogue = caseClocks2017,
): CaseAlert[] {
  const due = parseInstant(deadline.dueAt).getTime();
  const at = now.getTime();
  const alerts: CaseAlert[] = [];
  for (const level of rules.levels) {
    const threshold = escalationThreshold(deadline, level, calendar, catalogue);
    const applies =
      threshold === undefined
        ? at <= due && due - at <= deadline.dueSoonHours * 3_600_000
        : at > threshold.getTime();
    if (applies) alerts.push({ kind: level.kind, clockId: deadline.clockId, step: deadline.step });
  }
  return alerts;
}
