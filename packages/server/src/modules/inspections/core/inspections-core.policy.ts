import { isInScope } from '../../../platform/auth/scope';
import { forbidden, notFound, outOfScope } from '../../../platform/http/errors';
import type { Actor } from '../../../platform/http/route';

/**
 * Who may do what with inspections. Templates and plans belong to the unit that made them,
 * sessions to the inspected unit. The inspecting side (`inspections.read` / `.write`) works in
 * the subtree of its unit; an inspected commune (`inspections.respond`) reads its own completed
 * sessions, never drafts. Unreadable records answer 404, readable but unchangeable ones 403.
 */

/** True when the caller may change a record of the unit at `unitPath`. */
export function canWrite(actor: Actor, unitPath: string): boolean {
  return actor.permissions.has('inspections.write') && isInScope(actor, unitPath);
}

/** True when the caller may read a session held at `unitPath`. */
export function canReadSession(actor: Actor, session: { unit_path: string; status: string }): boolean {
  if (!isInScope(actor, session.unit_path)) return false;
  if (actor.permissions.has('inspections.read') || actor.permissions.has('inspections.write')) return true;
  return actor.permissions.has('inspections.respond') && session.status === 'completed';
}

/** 404 unless readable. */
export function assertSessionReadable(actor: Actor, session: { unit_path: string; status: string }): void {
  if (!canReadSession(actor, session)) throw notFound();
}

/** 404 unless readable, 403 unless the caller inspects there. */
export function assertSessionWritable(actor: Actor, session: { unit_path: string; status: string }): void {
  assertSessionReadable(actor, session);
  if (!actor.permissions.has('inspections.write')) throw forbidden();
  if (!isInScope(actor, session.unit_path)) throw outOfScope();
}

/** The caller may list sessions: the inspecting side, or a commune answering recommendations. */
export function assertMayListSessions(actor: Actor): void {
  const p = actor.permissions;
  if (!p.has('inspections.read') && !p.has('inspections.write') && !p.has('inspections.respond'))
    throw forbidden();
}
