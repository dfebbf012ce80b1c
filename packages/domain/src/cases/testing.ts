import type { CaseAction, CaseActionOf, CaseActionType, CaseActor } from './actions';
import { formatVnDateTime, vnInstant } from './vn-time';

/** Builders shared by the cases tests (not exported from the package). */

export const officer: CaseActor = { userId: 'officer-lan', role: 'officer' };
export const leader: CaseActor = { userId: 'chairman-hung', role: 'leader' };
export const childId = '0b9c3f8e-4a57-4d84-9f1e-2d4c8a1b6e10';

/** A local Vietnamese date and time as an ISO timestamp with offset. */
export function vn(date: string, time = '00:00'): string {
  return formatVnDateTime(vnInstant(date, time));
}

type Payload<T extends CaseActionType> = Omit<CaseActionOf<T>, 'type' | 'at' | 'by'>;

/** An action of a type at a local time, by the officer unless another actor is given. */
export function act<T extends CaseActionType>(
  type: T,
  at: string,
  payload: Payload<T>,
  by: CaseActor = officer,
): CaseAction {
  return { type, at, by, ...payload } as CaseAction;
}

/** The intake of the contract example: Monday 2026-04-27 at 09:00. */
export function intake(at = vn('2026-04-27', '09:00'), receivedAt = at): CaseAction {
  return act('intake', at, {
    receivedAt,
    channel: 'hotline_111',
    concernTypes: ['physical_violence'],
    urgency: 'urgent',
    childId,
  });
}
