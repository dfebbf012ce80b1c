import type { User } from '@tuoitho/domain';
import { isInScope } from '../../platform/auth/scope';
import type { Actor } from '../../platform/http/route';

/** What the actor may do with a user of a given unit path (the UI only reads these flags). */
export function userAbilities(actor: Actor, target: { id: string; unit_path: string }): User['abilities'] {
  const canManage = actor.permissions.has('users.manage') && isInScope(actor, target.unit_path);
  return {
    canEdit: canManage,
    canDeactivate: canManage && target.id !== actor.userId,
    canResetPassword: canManage,
  };
}

/** A user manager may place users only in units of their own subtree. */
export const canPlaceUserIn = (actor: Actor, unitPath: string) =>
  actor.permissions.has('users.manage') && isInScope(actor, unitPath);
