import type { AppContext } from '../../platform/context';
import type { RouteDef } from '../../platform/http/route';

/** Routes of this part (filled in by its owner). */
export function childFriendlyRoutes(_ctx: AppContext): RouteDef[] {
  return [];
}
