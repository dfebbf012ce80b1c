import { type CaseActionType, type CaseRole, caseActionRoles } from '@tuoitho/domain';
import { isInScope } from '../../platform/auth/scope';
import type { Actor } from '../../platform/http/route';

/**
 * Who takes part in a case: its assigned officer, the leaders (holders of `cases.approve`) of
 * the case's commune or above, and the members added to it. Others with `cases.read` see the
 * list facts and deadlines, never the narrative.
 */
export function isCaseParticipant(
  actor: Actor,
  kase: { assigned_officer_id: string | null; unit_path: string },
  isMember: boolean,
): boolean {
  if (kase.assigned_officer_id === actor.userId || isMember) return true;
  return actor.permissions.has('cases.approve') && isInScope(actor, kase.unit_path);
}

/** Whether the actor may read the narrative (summary, reporter, action texts). */
export function canReadCaseContent(
  actor: Actor,
  kase: { assigned_officer_id: string | null; unit_path: string },
  isMember: boolean,
): boolean {
  return actor.permissions.has('cases.content.read') && isCaseParticipant(actor, kase, isMember);
}

/** The case roles the actor holds: `cases.write` makes an officer, `cases.approve` a leader. */
export function caseRolesOf(actor: Actor): CaseRole[] {
  const roles: CaseRole[] = [];
  if (actor.permissions.has('cases.write')) roles.push('officer');
  if (actor.permissions.has('cases.approve')) roles.push('leader');
  return roles;
}

/** The role in which the actor records an action (officer first), or undefined if none fits. */
export function roleForAction(actor: Actor, type: CaseActionType): CaseRole | undefined {
  return caseRolesOf(actor).find((role) => caseActionRoles[type].includes(role));
}

/**
 * Whether the actor may read the content after giving a reason: a holder of `cases.content.read`
 * at a unit above the case's commune (a province officer) who does not take part in the case.
 * The reason goes to the read log with every such read.
 */
export function canReadCaseWithReason(
  actor: Actor,
  kase: { assigned_officer_id: string | null; unit_path: string },
  isMember: boolean,
): boolean {
  return (
    actor.permissions.has('cases.content.read') &&
    isInScope(actor, kase.unit_path) &&
    actor.unitPath !== kase.unit_path &&
    !isCaseParticipant(actor, kase, isMember)
  );
}

/** The assigned officer and the leaders of the case may add and remove members. */
export function canManageCaseMembers(
  actor: Actor,
  kase: { assigned_officer_id: string | null; unit_path: string },
): boolean {
  if (kase.assigned_officer_id === actor.userId && actor.permissions.has('cases.write')) return true;
  return actor.permissions.has('cases.approve') && isInScope(actor, kase.unit_path);
}
