import type { AppContext } from '../../platform/context';
import type { RouteDef } from '../../platform/http/route';
import { activitiesRoutes } from './activities/activities.routes';
import { documentsRoutes } from './documents/documents.routes';
import { facilitiesRoutes } from './facilities/facilities.routes';
import { incidentsRoutes } from './incidents/incidents.routes';
import { outreachRoutes } from './outreach/outreach.routes';
import { programmeRoutes } from './programme/programme.routes';

/** Every route of the programmes module. */
export function programmesModuleRoutes(ctx: AppContext): RouteDef[] {
  return [
    ...documentsRoutes(ctx),
    ...programmeRoutes(ctx),
    ...activitiesRoutes(ctx),
    ...outreachRoutes(ctx),
    ...incidentsRoutes(ctx),
    ...facilitiesRoutes(ctx),
  ];
}
