import { startApp } from './app';
import { scheduleBenefitJobs } from './modules/benefits/benefits.jobs';
import { scheduleRegistryJobs } from './modules/children/children.jobs';
import { scheduleInspectionReminders } from './modules/inspections/recommendations/recommendations.jobs';
import { scheduleCaseAlertJobs } from './modules/notifications/notifications.jobs';
import { loadConfig } from './platform/config';
import { DataDirLockedError } from './platform/db/data-dir-lock';

const config = loadConfig();
const started = Date.now();
const app = await startApp(config).catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    console.error(
      `Thư mục dữ liệu ${config.dataDir} đang được tiến trình khác dùng (${error.holder.owner}, pid ${error.holder.pid}). ` +
        `Hãy dừng tiến trình đó, hoặc xóa ${error.file} nếu nó không còn chạy.`,
    );
    process.exit(1);
  }
  throw error;
});
const log = app.server.log;
log.info(
  {
    database: app.ctx.database.kind,
    migrations: app.prepared.migrations.applied,
    unitsLoaded: app.prepared.units.loaded,
    demoUsersCreated: app.prepared.demoUsers.length,
    demoCases: app.prepared.demoCases,
    demoBenefits: app.prepared.demoBenefits,
    demoMode: config.demoMode,
    ms: Date.now() - started,
  },
  'database ready',
);
if (config.demoMode) log.warn('DEMO MODE: demo users share a published password; never use in production');
await app.server.listen({ port: config.port, host: config.host });
const stopJobs = scheduleRegistryJobs(app.ctx.db, log);
const stopBenefitJobs = scheduleBenefitJobs(app.ctx.db, log);
const stopCaseAlerts = scheduleCaseAlertJobs(app.ctx.db, log);
scheduleInspectionReminders(app.ctx.db, log);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    stopJobs();
    stopBenefitJobs();
    stopCaseAlerts();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
