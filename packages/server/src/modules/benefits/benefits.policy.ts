import { isInScope } from '../../platform/auth/scope';
import type { Actor } from '../../platform/http/route';

/** The actor works at the country level (the root of the unit tree): national law is theirs to edit. */
export const isNationalActor = (actor: Actor) => !actor.unitPath.includes('.');

/**
 * Who may change a rule period: an administrator (`catalogs.manage`) the unverified national rules
 * (reference coefficients still to be checked against the text) and the local rules of a province
 * or commune in their subtree; a leader (`benefits.approve`) the local rules of a commune in their
 * subtree. `unitPath` is the path of the rule's unit (undefined for national rules).
 */
export function canEditRule(
  actor: Actor,
  rule: { unit_code: string | null; verified: boolean },
  unitPath: string | undefined,
): boolean {
  if (rule.unit_code === null) {
    return actor.permissions.has('catalogs.manage') && isNationalActor(actor) && !rule.verified;
  }
  if (!unitPath || !isInScope(actor, unitPath)) return false;
  if (actor.permissions.has('catalogs.manage')) return true;
  return rule.unit_code.length === 5 && actor.permissions.has('benefits.approve');
}

/** Officers (`benefits.write`) and leaders (`benefits.approve`) record enrolment decisions and proposals. */
export const canManageEnrolments = (actor: Actor) =>
  actor.permissions.has('benefits.write') || actor.permissions.has('benefits.approve');
