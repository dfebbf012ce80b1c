import type { ChildAbilities } from '@tuoitho/domain';
import { isInScope } from '../../platform/auth/scope';
import type { Actor } from '../../platform/http/route';

/** What the actor may do with a child of a unit path (the UI reads these, the server enforces). */
export function childAbilities(actor: Actor, child: { unit_path: string; status: string }): ChildAbilities {
  const canWrite = actor.permissions.has('registry.write') && isInScope(actor, child.unit_path);
  return { canEdit: canWrite, canTransfer: canWrite && child.status === 'active', canMerge: canWrite };
}
