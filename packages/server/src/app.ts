import fs from 'node:fs';
import path from 'node:path';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { defaultBenefitCatalogue } from '@tuoitho/domain';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { ensureBenefitCatalogue } from './modules/benefits/benefits.catalogue';
import { benefitsRoutes } from './modules/benefits/benefits.routes';
import { seedDemoBenefits } from './modules/benefits/benefits.seed';
import { benefitPaymentsRoutes } from './modules/benefits/payments/payments.routes';
import { casesRoutes } from './modules/cases/cases.routes';
import { seedDemoCases } from './modules/cases/cases.seed';
import { caseDocumentsRoutes } from './modules/cases/documents/case-documents.routes';
import { casePartsRoutes } from './modules/cases/parts/case-parts.routes';
import { ensureCfCatalogue } from './modules/child-friendly/child-friendly.catalogue';
import { childFriendlyRoutes } from './modules/child-friendly/child-friendly.routes';
import { seedDemoChildFriendly } from './modules/child-friendly/seed/child-friendly.seed';
import { cataloguesRoutes } from './modules/children/catalogues.routes';
import { childrenRoutes } from './modules/children/children.routes';
import { seedDemoChildren } from './modules/children/children.seed';
import { childImportRoutes } from './modules/children/import/import.routes';
import { healthRoutes } from './modules/health/health.routes';
import { holidaysRoutes } from './modules/holidays/holidays.routes';
import { inspectionsModuleRoutes } from './modules/inspections';
import { seedDemoInspections } from './modules/inspections/seed/inspections.seed';
import { jobsRoutes } from './modules/jobs/jobs.routes';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { programmesModuleRoutes } from './modules/programmes';
import { seedDemoProgrammes } from './modules/programmes/seed/programmes.seed';
import { rolesRoutes } from './modules/roles/roles.routes';
import { loadAdminUnits } from './modules/units/units.data';
import { unitsRoutes } from './modules/units/units.routes';
import { usersRoutes } from './modules/users/users.routes';
import { ensureSystemRoles, seedDemoUsers } from './modules/users/users.seed';
import { SessionStore } from './platform/auth/sessions';
import { type Config, loadConfig } from './platform/config';
import type { AppContext } from './platform/context';
import { type SecretBox, secretBoxFor } from './platform/crypto';
import { lockDataDir } from './platform/db/data-dir-lock';
import { type Database, openDatabase } from './platform/db/database';
import { migrate } from './platform/db/migrator';
import { buildOpenApi } from './platform/http/openapi';
import type { RouteDef } from './platform/http/route';
import { createHttpServer, registerRoutes } from './platform/http/server';
import { JobQueue } from './platform/jobs/jobs';
import { todayInVietnam } from './platform/time/today';

const VERSION = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../../package.json'), 'utf8'))
  .version as string;

/** Every module's routes; a new module adds its function here. */
export function allRoutes(ctx: AppContext): RouteDef[] {
  return [
    ...healthRoutes(ctx),
    ...authRoutes(ctx),
    ...unitsRoutes(ctx),
    ...usersRoutes(ctx),
    ...rolesRoutes(ctx),
    ...auditRoutes(ctx),
    ...jobsRoutes(ctx),
    ...childImportRoutes(ctx),
    ...childrenRoutes(ctx),
    ...cataloguesRoutes(ctx),
    ...casePartsRoutes(ctx),
    ...caseDocumentsRoutes(ctx),
    ...casesRoutes(ctx),
    ...notificationsRoutes(ctx),
    ...holidaysRoutes(ctx),
    ...benefitsRoutes(ctx),
    ...benefitPaymentsRoutes(ctx),
    ...programmesModuleRoutes(ctx),
    ...inspectionsModuleRoutes(ctx),
    ...childFriendlyRoutes(ctx),
  ];
}

/**
 * Brings the database up to date: schema migrations, reference data (administrative units),
 * system roles, and in demo mode the demo users and (unless `demoChildren` is false) the demo
 * children, then, given the app's `secrets`, the demo cases. Safe to run on every start.
 */
export async function prepareDatabase(
  database: Database,
  opts: { demo: boolean; demoChildren?: boolean; secrets?: SecretBox },
) {
  const migrations = await migrate(database);
  const units = await loadAdminUnits(database);
  const roles = await ensureSystemRoles(database);
  const benefitCatalogue = await ensureBenefitCatalogue(database.db, defaultBenefitCatalogue);
  await ensureCfCatalogue(database.db);
  const demoUsers = opts.demo ? await seedDemoUsers(database) : [];
  const demoChildren =
    opts.demo && opts.demoChildren !== false
      ? await seedDemoChildren(database, { referenceDate: todayInVietnam() })
      : [];
  // Demo cases need the app's key (narratives are encrypted) and the demo children.
  const demoCases =
    opts.demo && opts.demoChildren !== false && opts.secrets
      ? await seedDemoCases({ db: database.db, secrets: opts.secrets }, { now: new Date() })
      : null;
  // Demo benefits read the stored catalogue and the demo children (no secrets needed).
  const demoBenefits =
    opts.demo && opts.demoChildren !== false
      ? await seedDemoBenefits({ db: database.db }, { now: new Date() })
      : null;
  // Demo programmes, activities with the demo children as participants, incidents and facilities.
  const demoProgrammes =
    opts.demo && opts.demoChildren !== false
      ? await seedDemoProgrammes({ db: database.db }, { now: new Date() })
      : null;
  // Demo inspections with recommendations in every state, and child-friendly assessments.
  const demoInspections =
    opts.demo && opts.demoChildren !== false
      ? await seedDemoInspections({ db: database.db }, { now: new Date() })
      : null;
  const demoChildFriendly =
    opts.demo && opts.demoChildren !== false
      ? await seedDemoChildFriendly({ db: database.db }, { now: new Date() })
      : null;
  // The embedded database has no autovacuum: fresh statistics after the bulk demo load keep the
  // planner from taking the tables for empty (nested loops over thousands of children).
  if (demoChildren.length > 0) await sql`ANALYZE`.execute(database.db);
  return {
    migrations,
    units,
    roles,
    benefitCatalogue,
    demoUsers,
    demoChildren,
    demoCases,
    demoBenefits,
    demoProgrammes,
    demoInspections,
    demoChildFriendly,
  };
}

export type App = { server: FastifyInstance; ctx: AppContext; close(): Promise<void> };

/** Creates the context and HTTP server over an open, prepared database. */
export async function buildApp(
  database: Database,
  config: Config = loadConfig(),
  opts: { logger?: boolean; jobs?: boolean } = {},
): Promise<App> {
  // The queue logs through the HTTP server's logger, which exists only once the server does.
  let log: FastifyInstance['log'] | undefined;
  const jobs = new JobQueue(database.db, {
    info: (obj, msg) => log?.info(obj, msg),
    error: (obj, msg) => log?.error(obj, msg),
  });
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    secrets: secretBoxFor(config),
    sessions: new SessionStore(database.db, config),
    jobs,
  };
  const routes = allRoutes(ctx);
  const document = buildOpenApi(routes, { version: VERSION });
  const server = await createHttpServer(ctx, opts);
  await server.register(swagger, { mode: 'static', specification: { document: document as never } });
  await server.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
  server.get('/api/openapi.json', { schema: { hide: true } }, async () => document);
  registerRoutes(server, ctx, routes);
  await server.ready();
  log = server.log;
  if (opts.jobs !== false) jobs.start();
  return {
    server,
    ctx,
    close: async () => {
      await jobs.stop();
      await server.close();
    },
  };
}

/** Opens the configured database, prepares it and builds the app: what `npm start` runs. */
export async function startApp(config: Config = loadConfig()) {
  // PGlite has no lock of its own: the server holds DATA_DIR exclusively, like the CLI does.
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir, 'tuoitho server');
  try {
    const database = await openDatabase({
      dataDir: config.dataDir,
      ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    });
    const prepared = await prepareDatabase(database, {
      demo: config.demoMode,
      // The same keys as the app's SecretBox (buildApp): SECRET_KEY or DATA_DIR/secret.key.
      ...(config.demoMode ? { secrets: secretBoxFor(config) } : {}),
    });
    const app = await buildApp(database, config);
    return {
      ...app,
      prepared,
      close: async () => {
        await app.close();
        await database.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
