import type { AppContext } from '../../../platform/context';
import type { RouteDef } from '../../../platform/http/route';

/** Routes of this part of the programmes module (filled in by its owner). */
export function documentsRoutes(_ctx: AppContext): RouteDef[] {
  return [];
}
