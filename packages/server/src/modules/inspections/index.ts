import type { AppContext } from '../../platform/context';
import type { RouteDef } from '../../platform/http/route';
import { inspectionsCoreRoutes } from './core/inspections-core.routes';
import { recommendationsRoutes } from './recommendations/recommendations.routes';

/** Every route of inspections and supervision. */
export function inspectionsModuleRoutes(ctx: AppContext): RouteDef[] {
  return [...inspectionsCoreRoutes(ctx), ...recommendationsRoutes(ctx)];
}
