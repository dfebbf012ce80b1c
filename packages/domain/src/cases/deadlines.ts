import { z } from 'zod';
import { IsoDate, IsoDateTime } from '../common';
import { addDaysDeadline, addHours, addWorkingDays } from './calendar';
import { CaseErrorCode, CaseRuleError } from './errors';
import type { HolidayCalendar } from './holidays';
import { type CaseProcessCatalogue, caseProcess2017, getCaseProcessStep } from './process-catalogue';
import { formatVnDateTime, parseInstant } from './vn-time';

/**
 * The legal clocks of a case, as catalogue data: which step, how long, in which unit, with the
 * legal reference and whether it is verified. The numbers come from the process catalogue
 * (`law-vn.json`), never from constants here.
 */
export const CaseClockStep = z
  .enum(['initial_assessment', 'emergency', 'removal_max', 'plan', 'plan_approval'])
  .meta({ id: 'CaseClockStep' });
export type CaseClockStep = z.infer<typeof CaseClockStep>;

/** `hours`: elapsed hours; `working_days`: end of the n-th working day; `days`: calendar days. */
export const DeadlineUnit = z.enum(['hours', 'working_days', 'days']).meta({ id: 'DeadlineUnit' });
export type DeadlineUnit = z.infer<typeof DeadlineUnit>;

export const CaseClockDefinition = z.object({
  step: CaseClockStep,
  processStep: z.number().int().min(1),
  nameVi: z.string(),
  nameEn: z.string(),
  amount: z.number().int().positive(),
  unit: DeadlineUnit,
  startsWhen: z.string().describe('The event that starts the clock'),
  endsWhen: z.string().describe('The event that meets the clock'),
  form: z.string().nullable(),
  legalRef: z.string(),
  verified: z.boolean().describe('false: shown as "chưa xác minh" (unverified)'),
  note: z.string().nullable(),
  extendable: z.boolean().describe('Whether a leader may extend it (with a reason, kept in history)'),
  shiftToWorkingDay: z
    .boolean()
    .describe('Whether a due day that is a day off moves to the next working day'),
  dueSoonHours: z.number().positive().describe('"Due soon" this many hours before the deadline'),
});
export type CaseClockDefinition = z.infer<typeof CaseClockDefinition>;

export const CaseClockCatalogue = z
  .object({
    version: z.string(),
    validFrom: IsoDate,
    validTo: IsoDate.nullable(),
    clocks: z.array(CaseClockDefinition),
  })
  .meta({ id: 'CaseClockCatalogue' });
export type CaseClockCatalogue = z.infer<typeof CaseClockCatalogue>;

function required(value: number | null, what: string): number {
  if (value === null) throw new RangeError(`The process catalogue has no ${what}`);
  return value;
}

/** The clocks of Decree 56/2017, built from the steps of a process catalogue. */
export function buildCaseClockCatalogue(process: CaseProcessCatalogue = caseProcess2017): CaseClockCatalogue {
  const assessment = getCaseProcessStep(3, process);
  const emergency = getCaseProcessStep(4, process);
  const plan = getCaseProcessStep(6, process);
  const approval = getCaseProcessStep(7, process);
  const isVerified = (step: typeof emergency) => step.verified && step.deadlineVerified;
  const emergencyHours = required(emergency.deadlineHours, 'emergency deadline (step 4)');
  return {
    version: process.version,
    validFrom: process.validFrom,
    validTo: process.validTo,
    clocks: [
      {
        step: 'initial_assessment',
        processStep: assessment.step,
        nameVi: assessment.nameVi,
        nameEn: assessment.nameEn,
        amount: emergencyHours,
        unit: 'hours',
        startsWhen: 'the report is received (intake.receivedAt)',
        endsWhen: 'initial assessment recorded (form 02), with the decision on emergency measures',
        form: assessment.form,
        legalRef: `${assessment.legalRef}; ${emergency.legalRef}`,
        verified: false,
        note:
          `The decree says "${assessment.deadline}"; the ${emergencyHours}-hour bound is the project's, ` +
          'taken from the emergency deadline (step 4), which needs the assessment first.',
        extendable: false,
        shiftToWorkingDay: false,
        dueSoonHours: 3,
      },
      {
        step: 'emergency',
        processStep: emergency.step,
        nameVi: emergency.nameVi,
        nameEn: emergency.nameEn,
        amount: emergencyHours,
        unit: 'hours',
        startsWhen:
          'the report is received (intake.receivedAt), when the initial assessment finds serious risk',
        endsWhen: 'an emergency measure or a temporary removal (form 07) recorded',
        form: emergency.form,
        legalRef: emergency.legalRef,
        verified: isVerified(emergency),
        note: null,
        extendable: false,
        shiftToWorkingDay: false,
        dueSoonHours: 3,
      },
      {
        step: 'removal_max',
        processStep: emergency.step,
        nameVi: 'Thời hạn tối đa tạm thời cách ly trẻ em',
        nameEn: 'Maximum duration of temporary removal',
        amount: required(emergency.maxRemovalDays, 'maximum removal (step 4)'),
        unit: 'days',
        startsWhen: 'the temporary removal starts',
        endsWhen: 'the removal ends (child returned or placed)',
        form: emergency.form,
        legalRef: emergency.legalRef,
        verified: isVerified(emergency),
        note: 'A limit on a measure, not an act of the commune: it does not move off a day off. Extension by the chairman; its conditions are unverified.',
        extendable: true,
        shiftToWorkingDay: false,
        dueSoonHours: 48,
      },
      {
        step: 'plan',
        processStep: plan.step,
        nameVi: plan.nameVi,
        nameEn: plan.nameEn,
        amount: required(plan.deadlineWorkingDays, 'plan deadline (step 6)'),
        unit: 'working_days',
        startsWhen: 'the report is received (intake.receivedAt); a review deciding to re-plan; a reopening',
        endsWhen: 'the plan (form 04) submitted for approval',
        form: plan.form,
        legalRef: plan.legalRef,
        verified: isVerified(plan),
        note: 'The start at the receipt of the report follows the project contract; a restart at re-planning is the project’s rule.',
        extendable: true,
        shiftToWorkingDay: true,
        dueSoonHours: 24,
      },
      {
        step: 'plan_approval',
        processStep: approval.step,
        nameVi: approval.nameVi,
        nameEn: approval.nameEn,
        amount: required(approval.deadlineWorkingDays, 'approval deadline (step 7)'),
        unit: 'working_days',
        startsWhen: 'the plan is submitted',
        endsWhen: 'the chairman approves (form 05) or rejects the plan',
        form: approval.form,
        legalRef: approval.legalRef,
        verified: isVerified(approval),
        note: approval.note,
        extendable: true,
        shiftToWorkingDay: true,
        dueSoonHours: 24,
      },
    ],
  };
}

/** The clocks of Decree 56/2017 (current catalogue). */
export const caseClocks2017: CaseClockCatalogue = buildCaseClockCatalogue(caseProcess2017);

/** The definition of a clock step in a catalogue; throws if absent. */
export function getClockDefinition(
  step: CaseClockStep,
  catalogue: CaseClockCatalogue = caseClocks2017,
): CaseClockDefinition {
  const found = catalogue.clocks.find((clock) => clock.step === step);
  if (!found) throw new RangeError(`No clock ${step} in catalogue ${catalogue.version}`);
  return found;
}

/** The due instant of a clock started at `start` (see `calendar.ts` for the semantics). */
export function computeDueAt(definition: CaseClockDefinition, start: Date, cal: HolidayCalendar): Date {
  switch (definition.unit) {
    case 'hours':
      return addHours(start, definition.amount);
    case 'working_days':
      return addWorkingDays(start, definition.amount, cal);
    case 'days':
      return addDaysDeadline(start, definition.amount, cal, {
        shiftToWorkingDay: definition.shiftToWorkingDay,
      });
  }
}

/** An extension of a clock: a reason and the leader who approved it, kept in the clock's history. */
export const ClockExtension = z.object({
  previousDueAt: IsoDateTime,
  newDueAt: IsoDateTime,
  reason: z.string().trim().min(1).max(2000),
  approvedBy: z.string(),
  approvedAt: IsoDateTime,
});
export type ClockExtension = z.infer<typeof ClockExtension>;

/** A running or finished clock of a case. `dueAt` is the current deadline, after extensions. */
export const CaseClock = z
  .object({
    id: z.string().describe('Step and sequence within the case: `plan#2`'),
    step: CaseClockStep,
    amount: z.number().int().positive(),
    unit: DeadlineUnit,
    startedAt: IsoDateTime,
    originalDueAt: IsoDateTime,
    dueAt: IsoDateTime,
    completedAt: IsoDateTime.nullable(),
    stoppedAt: IsoDateTime.nullable().describe('Set when the case closed before the step was done'),
    extensions: z.array(ClockExtension),
    dueSoonHours: z.number().positive(),
    legalRef: z.string(),
    verified: z.boolean(),
  })
  .meta({ id: 'CaseClock' });
export type CaseClock = z.infer<typeof CaseClock>;

/** A new running clock of a step, started at an instant. */
export function startClock(
  definition: CaseClockDefinition,
  startedAt: Date,
  cal: HolidayCalendar,
  sequence = 1,
): CaseClock {
  const due = formatVnDateTime(computeDueAt(definition, startedAt, cal));
  return {
    id: `${definition.step}#${sequence}`,
    step: definition.step,
    amount: definition.amount,
    unit: definition.unit,
    startedAt: formatVnDateTime(startedAt),
    originalDueAt: due,
    dueAt: due,
    completedAt: null,
    stoppedAt: null,
    extensions: [],
    dueSoonHours: definition.dueSoonHours,
    legalRef: definition.legalRef,
    verified: definition.verified,
  };
}

/** Whether a clock is still running. */
export function isClockOpen(clock: CaseClock): boolean {
  return clock.completedAt === null && clock.stoppedAt === null;
}

/** The clock, met at an instant. */
export function completeClock(clock: CaseClock, at: Date): CaseClock {
  return { ...clock, completedAt: formatVnDateTime(at) };
}

/** The clock, stopped unmet at an instant (the case closed first). */
export function stopClock(clock: CaseClock, at: Date): CaseClock {
  return { ...clock, stoppedAt: formatVnDateTime(at) };
}

/**
 * The clock with a later deadline. Only a running clock whose definition allows it can be
 * extended, and only forward; the extension joins the clock's history.
 */
export function extendClock(
  clock: CaseClock,
  definition: CaseClockDefinition,
  extension: { newDueAt: Date; reason: string; approvedBy: string; approvedAt: Date },
): CaseClock {
  if (!isClockOpen(clock)) throw new CaseRuleError(CaseErrorCode.ClockNotOpen, clock.id);
  if (!definition.extendable) throw new CaseRuleError(CaseErrorCode.ClockNotExtendable, clock.step);
  if (extension.newDueAt.getTime() <= parseInstant(clock.dueAt).getTime()) {
    throw new CaseRuleError(CaseErrorCode.ExtensionNotLater, clock.id);
  }
  const newDueAt = formatVnDateTime(extension.newDueAt);
  return {
    ...clock,
    dueAt: newDueAt,
    extensions: [
      ...clock.extensions,
      {
        previousDueAt: clock.dueAt,
        newDueAt,
        reason: extension.reason,
        approvedBy: extension.approvedBy,
        approvedAt: formatVnDateTime(extension.approvedAt),
      },
    ],
  };
}

/**
 * What a clock shows: `met_on_time` / `met_late` once done (against the current, possibly
 * extended, deadline; `originalDueAt` keeps the first one), `stopped` when the case closed first,
 * else `overdue` past the deadline, `due_soon` within `dueSoonHours` of it, `on_track` before.
 */
export const ClockState = z
  .enum(['on_track', 'due_soon', 'overdue', 'met_on_time', 'met_late', 'stopped'])
  .meta({ id: 'ClockState' });
export type ClockState = z.infer<typeof ClockState>;

/** The state of a clock at an instant. */
export function clockState(clock: CaseClock, now: Date, options: { dueSoonHours?: number } = {}): ClockState {
  const due = parseInstant(clock.dueAt).getTime();
  if (clock.completedAt !== null) {
    return parseInstant(clock.completedAt).getTime() <= due ? 'met_on_time' : 'met_late';
  }
  if (clock.stoppedAt !== null) return 'stopped';
  const left = due - now.getTime();
  if (left < 0) return 'overdue';
  return left <= (options.dueSoonHours ?? clock.dueSoonHours) * 3_600_000 ? 'due_soon' : 'on_track';
}

export const clockStateLabels: Record<ClockState, { vi: string; en: string }> = {
  on_track: { vi: 'Trong hạn', en: 'On track' },
  due_soon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  met_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Met on time' },
  met_late: { vi: 'Hoàn thành trễ hạn', en: 'Met late' },
  stopped: { vi: 'Dừng (vụ việc đã kết thúc)', en: 'Stopped (case closed)' },
};
