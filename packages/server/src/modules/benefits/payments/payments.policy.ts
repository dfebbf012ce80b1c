import { forbidden } from '../../../platform/http/errors';
import type { Actor } from '../../../platform/http/route';

/** Officers (`benefits.write`) and leaders (`benefits.approve`) make payment lists and mark lines paid. */
export function canManagePayments(actor: Pick<Actor, 'permissions'>): boolean {
  return actor.permissions.has('benefits.write') || actor.permissions.has('benefits.approve');
}

export function assertCanManagePayments(actor: Pick<Actor, 'permissions'>): void {
  if (!canManagePayments(actor)) throw forbidden();
}
