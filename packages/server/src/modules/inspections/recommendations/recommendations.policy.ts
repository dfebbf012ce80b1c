import { isInScope } from '../../../platform/auth/scope';
import type { Actor } from '../../../platform/http/route';

/**
 * Who may do what with a recommendation. The inspecting side holds `inspections.write` over the
 * inspected (session) unit; the responsible side holds `inspections.respond` over the unit that
 * must carry the recommendation out. Reading follows `visibleSql` in the repo.
 */
type Scope = Pick<Actor, 'unitPath' | 'permissions'>;
type Units = { session_unit_path: string; unit_path: string };

/** Whether the caller may read the recommendation (same rule as `visibleSql`). */
export function canReadRecommendation(actor: Scope, r: Units): boolean {
  if (actor.permissions.has('inspections.read') || actor.permissions.has('inspections.write')) {
    if (isInScope(actor, r.session_unit_path) || isInScope(actor, r.unit_path)) return true;
  }
  return actor.permissions.has('inspections.respond') && isInScope(actor, r.unit_path);
}

/** The inspecting side: may change text and deadline, answer for the unit and reopen a done one. */
export function isInspectingSide(actor: Scope, r: Units): boolean {
  return actor.permissions.has('inspections.write') && isInScope(actor, r.session_unit_path);
}

/** The responsible side: users of the responsible unit (or above it) who answer recommendations. */
export function isResponsibleSide(actor: Scope, r: Units): boolean {
  return actor.permissions.has('inspections.respond') && isInScope(actor, r.unit_path);
}

/** Whether the caller may report progress now: a done recommendation stays closed to the commune. */
export function canRespondTo(actor: Scope, r: Units & { status: string }): boolean {
  if (isInspectingSide(actor, r)) return true;
  return r.status !== 'done' && isResponsibleSide(actor, r);
}
