import { type CaseAction, type CaseActionOf, CaseAction as CaseActionSchema } from './actions';
import {
  type CaseState,
  type CaseStatus,
  findCurrentPlan,
  findOpenClock,
  type PlanState,
} from './case-state';
import {
  type CaseClock,
  type CaseClockCatalogue,
  type CaseClockStep,
  type ClockState,
  caseClocks2017,
  clockState,
  completeClock,
  computeDueAt,
  extendClock,
  getClockDefinition,
  isClockOpen,
  startClock,
  stopClock,
} from './deadlines';
import { CaseErrorCode, CaseRuleError } from './errors';
import type { HolidayCalendar } from './holidays';
import { whyNotAllowed } from './process-rules';
import { formatVnDateTime, parseInstant } from './vn-time';

/**
 * The case state machine of Decree 56/2017: `applyAction` derives the next state from one action,
 * `replayCase` the current state from the whole history. Rules that depend only on the state live
 * in `process-rules.ts` (shared with `allowedActions`); rules on the action's content live here.
 */

/** Clocks of a case with what each shows at an instant. */
export function clocksAt(state: CaseState, now: Date): Array<CaseClock & { state: ClockState }> {
  return state.clocks.map((clock) => ({ ...clock, state: clockState(clock, now) }));
}

interface Context {
  calendar: HolidayCalendar;
  catalogue: CaseClockCatalogue;
}

function openClock(state: CaseState, step: CaseClockStep, start: Date, ctx: Context): CaseClock[] {
  const sequence = state.clocks.filter((clock) => clock.step === step).length + 1;
  return [
    ...state.clocks,
    startClock(getClockDefinition(step, ctx.catalogue), start, ctx.calendar, sequence),
  ];
}

function finishClock(clocks: CaseClock[], step: CaseClockStep, at: Date): CaseClock[] {
  return clocks.map((clock) =>
    clock.step === step && isClockOpen(clock) ? completeClock(clock, at) : clock,
  );
}

function updatePlan(state: CaseState, change: (plan: PlanState) => PlanState): PlanState[] {
  return state.plans.map((plan, index) => (index === state.plans.length - 1 ? change(plan) : plan));
}

/**
 * The state after one action; `state` undefined before the intake. Throws `CaseRuleError` when
 * the action breaks a rule (the action is validated against its schema first).
 */
export function applyAction(
  state: CaseState | undefined,
  action: CaseAction,
  calendar: HolidayCalendar,
  catalogue: CaseClockCatalogue = caseClocks2017,
): CaseState {
  const parsed = CaseActionSchema.safeParse(action);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CaseRuleError(CaseErrorCode.InvalidAction, `${issue?.path.join('.')}: ${issue?.message}`);
  }
  const denied = whyNotAllowed(state, action.type, action.by.role, catalogue);
  if (denied) throw denied;
  const ctx: Context = { calendar, catalogue };
  const at = parseInstant(action.at);
  if (state === undefined) return openCase(action as CaseActionOf<'intake'>, ctx);
  if (at.getTime() < parseInstant(state.lastActionAt).getTime()) {
    throw new CaseRuleError(CaseErrorCode.ActionBeforePrevious, `${action.at} < ${state.lastActionAt}`);
  }
  const next = transition(state, action, at, ctx);
  return { ...next, actionCount: state.actionCount + 1, lastActionAt: formatVnDateTime(at) };
}

function openCase(action: CaseActionOf<'intake'>, ctx: Context): CaseState {
  const receivedAt = parseInstant(action.receivedAt);
  const at = parseInstant(action.at);
  if (receivedAt.getTime() > at.getTime()) throw new CaseRuleError(CaseErrorCode.ReceivedAfterIntake);
  const empty: CaseState = {
    status: 'initial_assessment',
    receivedAt: formatVnDateTime(receivedAt),
    channel: action.channel,
    concernTypes: [...new Set(action.concernTypes)],
    urgency: action.urgency,
    childId: action.childId,
    assigneeId: action.by.role === 'officer' ? action.by.userId : null,
    protectionLevel: null,
    riskLevel: null,
    isEmergency: null,
    assessments: [],
    emergencyMeasures: [],
    removals: [],
    plans: [],
    clocks: [],
    closure: null,
    reopenings: [],
    noteCount: 0,
    actionCount: 1,
    lastActionAt: formatVnDateTime(at),
  };
  const withAssessment = { ...empty, clocks: openClock(empty, 'initial_assessment', receivedAt, ctx) };
  return { ...withAssessment, clocks: openClock(withAssessment, 'plan', receivedAt, ctx) };
}

function transition(state: CaseState, action: CaseAction, at: Date, ctx: Context): CaseState {
  const by = action.by;
  const stamp = formatVnDateTime(at);
  switch (action.type) {
    case 'intake':
      throw new CaseRuleError(CaseErrorCode.AlreadyOpened);
    case 'initial_assessment': {
      let clocks = finishClock(state.clocks, 'initial_assessment', at);
      let status: CaseStatus = 'detailed_assessment';
      if (action.isEmergency) {
        clocks = openClock({ ...state, clocks }, 'emergency', parseInstant(state.receivedAt), ctx);
        // A measure taken before the assessment was recorded meets the emergency clock at its time.
        const taken = [...state.emergencyMeasures.map((m) => m.at), ...state.removals.map((r) => r.startAt)];
        const first = Math.min(...taken.map((time) => parseInstant(time).getTime()));
        if (taken.length > 0) clocks = finishClock(clocks, 'emergency', new Date(first));
        else status = 'emergency';
      }
      return {
        ...state,
        status,
        clocks,
        isEmergency: action.isEmergency,
        riskLevel: action.riskLevel,
        protectionLevel: action.protectionLevel,
        assessments: [...state.assessments, assessment('initial', action, stamp)],
      };
    }
    case 'emergency_measure':
      return {
        ...state,
        status: state.status === 'emergency' ? 'detailed_assessment' : state.status,
        clocks: finishClock(state.clocks, 'emergency', at),
        emergencyMeasures: [...state.emergencyMeasures, { at: stamp, by, description: action.description }],
      };
    case 'temporary_removal': {
      const start = parseInstant(action.startAt);
      const maxDue = computeDueAt(getClockDefinition('removal_max', ctx.catalogue), start, ctx.calendar);
      if (parseInstant(action.plannedEndAt).getTime() > maxDue.getTime()) {
        throw new CaseRuleError(
          CaseErrorCode.RemovalTooLong,
          `planned end after ${formatVnDateTime(maxDue)}`,
        );
      }
      const clocks = finishClock(state.clocks, 'emergency', start);
      return {
        ...state,
        status: state.status === 'emergency' ? 'detailed_assessment' : state.status,
        clocks: openClock({ ...state, clocks }, 'removal_max', start, ctx),
        removals: [
          ...state.removals,
          {
            decisionNumber: action.decisionNumber,
            decisionDate: action.decisionDate,
            placement: action.placement,
            startAt: formatVnDateTime(start),
            plannedEndAt: formatVnDateTime(parseInstant(action.plannedEndAt)),
            endedAt: null,
            outcome: null,
          },
        ],
      };
    }
    case 'removal_ended':
      return {
        ...state,
        clocks: finishClock(state.clocks, 'removal_max', at),
        removals: state.removals.map((removal) =>
          removal.endedAt === null ? { ...removal, endedAt: stamp, outcome: action.outcome } : removal,
        ),
      };
    case 'detailed_assessment':
      return {
        ...state,
        status: 'planning',
        riskLevel: action.riskLevel,
        protectionLevel: action.protectionLevel ?? state.protectionLevel,
        assessments: [...state.assessments, assessment('detailed', action, stamp)],
      };
    case 'plan_drafted': {
      const current = findCurrentPlan(state);
      const draft: PlanState = {
        version: current && current.submittedAt === null ? current.version : state.plans.length + 1,
        draftedAt: stamp,
        goal: action.goal ?? null,
        measures: action.measures.map((measure) => ({ ...measure, doneAt: null, outcome: null })),
        submittedAt: null,
        approval: null,
        rejection: null,
      };
      const plans =
        current && current.submittedAt === null ? updatePlan(state, () => draft) : [...state.plans, draft];
      return { ...state, plans };
    }
    case 'plan_submitted': {
      const clocks = finishClock(state.clocks, 'plan', at);
      return {
        ...state,
        status: 'awaiting_approval',
        plans: updatePlan(state, (plan) => ({ ...plan, submittedAt: stamp })),
        clocks: openClock({ ...state, clocks }, 'plan_approval', at, ctx),
      };
    }
    case 'plan_approved':
      return {
        ...state,
        status: 'implementing',
        clocks: finishClock(state.clocks, 'plan_approval', at),
        plans: updatePlan(state, (plan) => ({
          ...plan,
          approval: {
            decisionNumber: action.decisionNumber,
            decisionDate: action.decisionDate,
            approvedBy: by.userId,
            approvedAt: stamp,
          },
        })),
      };
    case 'plan_rejected':
      return {
        ...state,
        status: 'planning',
        clocks: finishClock(state.clocks, 'plan_approval', at),
        plans: updatePlan(state, (plan) => ({
          ...plan,
          rejection: { reason: action.reason, rejectedBy: by.userId, rejectedAt: stamp },
        })),
      };
    case 'measure_done': {
      const measure = findCurrentPlan(state)?.measures.find((m) => m.id === action.measureId);
      if (!measure) throw new CaseRuleError(CaseErrorCode.MeasureUnknown, action.measureId);
      if (measure.doneAt !== null)
        throw new CaseRuleError(CaseErrorCode.MeasureAlreadyDone, action.measureId);
      return {
        ...state,
        plans: updatePlan(state, (plan) => ({
          ...plan,
          measures: plan.measures.map((m) =>
            m.id === action.measureId ? { ...m, doneAt: stamp, outcome: action.outcome ?? null } : m,
          ),
        })),
      };
    }
    case 'review': {
      if (action.decision === 'close' && action.riskLevel !== 'low') {
        throw new CaseRuleError(CaseErrorCode.CloseRequiresLowRisk, action.riskLevel);
      }
      const reviewed: CaseState = {
        ...state,
        riskLevel: action.riskLevel,
        protectionLevel: action.protectionLevel ?? state.protectionLevel,
        assessments: [...state.assessments, assessment('review', action, stamp)],
      };
      if (action.decision === 'close') return { ...reviewed, status: 'closure_proposed' };
      if (action.decision === 'continue') return { ...reviewed, status: 'implementing' };
      return { ...reviewed, status: 'planning', clocks: openClock(reviewed, 'plan', at, ctx) };
    }
    case 'closed': {
      if (action.reason === 'plan_completed' && state.status !== 'closure_proposed') {
        throw new CaseRuleError(CaseErrorCode.CloseNotProposed);
      }
      return {
        ...state,
        status: 'closed',
        clocks: state.clocks.map((clock) => (isClockOpen(clock) ? stopClock(clock, at) : clock)),
        closure: { at: stamp, by, reason: action.reason, note: action.note ?? null },
      };
    }
    case 'reopened':
      return {
        ...state,
        status: 'detailed_assessment',
        closure: null,
        reopenings: [...state.reopenings, { at: stamp, by, reason: action.reason }],
        clocks: openClock(state, 'plan', at, ctx),
      };
    case 'deadline_extended': {
      const clock = findOpenClock(state, action.step);
      if (!clock) throw new CaseRuleError(CaseErrorCode.ClockNotOpen, action.step);
      const extended = extendClock(clock, getClockDefinition(action.step, ctx.catalogue), {
        newDueAt: parseInstant(action.newDueAt),
        reason: action.reason,
        approvedBy: by.userId,
        approvedAt: at,
      });
      return { ...state, clocks: state.clocks.map((c) => (c.id === clock.id ? extended : c)) };
    }
    case 'assigned':
      return { ...state, assigneeId: action.assigneeId };
    case 'note':
      return { ...state, noteCount: state.noteCount + 1 };
  }
}

function assessment(
  kind: 'initial' | 'detailed' | 'review',
  action: CaseActionOf<'initial_assessment' | 'detailed_assessment' | 'review'>,
  at: string,
) {
  return {
    kind,
    at,
    by: action.by,
    riskLevel: action.riskLevel,
    protectionLevel: action.protectionLevel ?? null,
    isEmergency: action.type === 'initial_assessment' ? action.isEmergency : null,
    decision: action.type === 'review' ? action.decision : null,
  };
}

/** Like `applyAction`, as a result instead of an exception (for commands that check first). */
export function checkAction(
  state: CaseState | undefined,
  action: CaseAction,
  calendar: HolidayCalendar,
  catalogue: CaseClockCatalogue = caseClocks2017,
): { ok: true; state: CaseState } | { ok: false; error: CaseRuleError } {
  try {
    return { ok: true, state: applyAction(state, action, calendar, catalogue) };
  } catch (error) {
    if (error instanceof CaseRuleError) return { ok: false, error };
    throw error;
  }
}

/**
 * The current state of a case from its whole history, oldest action first. Throws
 * `CaseRuleError` with the index of the first action that breaks a rule: a stored history is
 * valid, so drift fails loudly.
 */
export function replayCase(
  actions: readonly CaseAction[],
  calendar: HolidayCalendar,
  catalogue: CaseClockCatalogue = caseClocks2017,
): CaseState {
  let state: CaseState | undefined;
  for (const [index, action] of actions.entries()) {
    try {
      state = applyAction(state, action, calendar, catalogue);
    } catch (error) {
      throw error instanceof CaseRuleError ? error.at(index) : error;
    }
  }
  if (state === undefined) throw new CaseRuleError(CaseErrorCode.NotOpened, 'no action', 0);
  return state;
}
