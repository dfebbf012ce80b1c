import type { ChildAbilities, ChildTransferAbilities } from '@tuoitho/domain';
import { isInScope } from '../../platform/auth/scope';
import type { Actor } from '../../platform/http/route';

/**
 * What the actor may do with a child of a unit path (the UI reads these, the server enforces).
 * A record merged into another is read-only; a child waiting for another commune's answer can
 * neither be transferred again nor merged until the transfer is decided or cancelled.
 */
export function childAbilities(
  actor: Actor,
  child: { unit_path: string; status: string; merged_into: string | null },
  hasPendingTransfer: boolean,
): ChildAbilities {
  const canWrite =
    actor.permissions.has('registry.write') &&
    isInScope(actor, child.unit_path) &&
    child.merged_into === null;
  return {
    canEdit: canWrite,
    canTransfer: canWrite && child.status === 'active' && !hasPendingTransfer,
    canCancelTransfer: canWrite && hasPendingTransfer,
    canMerge: canWrite && !hasPendingTransfer,
  };
}

/**
 * What the actor may do with a transfer: the receiving side accepts or declines, the sending side
 * cancels, while it is pending; the child's profile opens only where the child now is.
 */
export function transferAbilities(
  actor: Actor,
  transfer: { status: string; from_path: string; to_path: string; child_unit_path: string },
): ChildTransferAbilities {
  const canWrite = actor.permissions.has('registry.write') && transfer.status === 'pending';
  return {
    canAccept: canWrite && isInScope(actor, transfer.to_path),
    canDecline: canWrite && isInScope(actor, transfer.to_path),
    canCancel: canWrite && isInScope(actor, transfer.from_path),
    canOpenChild: isInScope(actor, transfer.child_unit_path),
  };
}
