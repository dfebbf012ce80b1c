import type { CaseActionType, CaseRole } from './actions';
import { type CaseState, type CaseStatus, findActiveRemoval, findCurrentPlan } from './case-state';
import { type CaseClockCatalogue, caseClocks2017, getClockDefinition, isClockOpen } from './deadlines';
import { CaseErrorCode, CaseRuleError } from './errors';

/**
 * Who may do what, when, on a case: the rules that depend only on the state (status, role, a
 * running removal, a draft to submit…). `applyAction` checks them before the action's content;
 * `allowedActions` lists what passes, for the UI.
 */

const OPEN_STATUSES: readonly CaseStatus[] = [
  'initial_assessment',
  'emergency',
  'detailed_assessment',
  'planning',
  'awaiting_approval',
  'implementing',
  'closure_proposed',
];

/** Who may record each action: decisions of the chairman (form 05, 07, closing) need a leader. */
export const caseActionRoles: Record<CaseActionType, readonly CaseRole[]> = {
  intake: ['officer', 'leader'],
  initial_assessment: ['officer'],
  emergency_measure: ['officer', 'leader'],
  temporary_removal: ['leader'],
  removal_ended: ['officer', 'leader'],
  detailed_assessment: ['officer'],
  plan_drafted: ['officer'],
  plan_submitted: ['officer'],
  plan_approved: ['leader'],
  plan_rejected: ['leader'],
  measure_done: ['officer'],
  review: ['officer'],
  closed: ['leader'],
  reopened: ['leader'],
  deadline_extended: ['leader'],
  assigned: ['leader'],
  note: ['officer', 'leader'],
};

/** In which statuses each action may be recorded (`intake` only opens a case). */
export const caseActionStatuses: Record<CaseActionType, readonly CaseStatus[]> = {
  intake: [],
  initial_assessment: ['initial_assessment'],
  emergency_measure: OPEN_STATUSES,
  temporary_removal: OPEN_STATUSES,
  removal_ended: OPEN_STATUSES,
  detailed_assessment: ['detailed_assessment'],
  plan_drafted: ['planning'],
  plan_submitted: ['planning'],
  plan_approved: ['awaiting_approval'],
  plan_rejected: ['awaiting_approval'],
  measure_done: ['implementing'],
  review: ['implementing', 'closure_proposed'],
  closed: OPEN_STATUSES,
  reopened: ['closed'],
  deadline_extended: OPEN_STATUSES,
  assigned: OPEN_STATUSES,
  note: [...OPEN_STATUSES, 'closed'],
};

/** Why a role may not record an action of a type now, or undefined if it may. */
export function whyNotAllowed(
  state: CaseState | undefined,
  type: CaseActionType,
  role: CaseRole,
  catalogue: CaseClockCatalogue = caseClocks2017,
): CaseRuleError | undefined {
  if (!caseActionRoles[type].includes(role))
    return new CaseRuleError(CaseErrorCode.RoleNotAllowed, `${role}: ${type}`);
  if (state === undefined) {
    return type === 'intake' ? undefined : new CaseRuleError(CaseErrorCode.NotOpened, type);
  }
  if (type === 'intake') return new CaseRuleError(CaseErrorCode.AlreadyOpened);
  if (!caseActionStatuses[type].includes(state.status)) {
    return new CaseRuleError(CaseErrorCode.NotAllowedInStatus, `${type} in ${state.status}`);
  }
  const removal = findActiveRemoval(state);
  switch (type) {
    case 'temporary_removal':
      return removal ? new CaseRuleError(CaseErrorCode.RemovalActive) : undefined;
    case 'closed':
      return removal ? new CaseRuleError(CaseErrorCode.RemovalActive) : undefined;
    case 'removal_ended':
      return removal ? undefined : new CaseRuleError(CaseErrorCode.NoActiveRemoval);
    case 'plan_submitted': {
      const plan = findCurrentPlan(state);
      return plan && plan.submittedAt === null ? undefined : new CaseRuleError(CaseErrorCode.PlanNotDrafted);
    }
    case 'measure_done': {
      const pending = findCurrentPlan(state)?.measures.some((measure) => measure.doneAt === null);
      return pending ? undefined : new CaseRuleError(CaseErrorCode.MeasureAlreadyDone, 'no pending measure');
    }
    case 'deadline_extended': {
      const extendable = state.clocks.some(
        (clock) => isClockOpen(clock) && getClockDefinition(clock.step, catalogue).extendable,
      );
      return extendable
        ? undefined
        : new CaseRuleError(CaseErrorCode.ClockNotOpen, 'no extendable running clock');
    }
    default:
      return undefined;
  }
}

/** The action types a role may record next (the UI shows these buttons only). */
export function allowedActions(
  state: CaseState | undefined,
  role: CaseRole,
  catalogue: CaseClockCatalogue = caseClocks2017,
): CaseActionType[] {
  return (Object.keys(caseActionRoles) as CaseActionType[]).filter(
    (type) => whyNotAllowed(state, type, role, catalogue) === undefined,
  );
}
