import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import { todayInVietnam } from '../../platform/time/today';
import { flagChildrenTurned6, markChildrenTurned16 } from './children.lifecycle';
import { discardStaleImports } from './import/import.retention';

const HOUR_MS = 3_600_000;

/**
 * Runs the registry's daily work at start and then every hour (the job is idempotent, so the
 * hourly run simply catches the change of day in Việt Nam). Returns the function that stops it.
 */
export function scheduleRegistryJobs(db: Kysely<DB>, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      const today = todayInVietnam();
      const turned16 = await markChildrenTurned16(db, today);
      const turned6 = await flagChildrenTurned6(db, today);
      const importsDiscarded = await discardStaleImports(db);
      if (turned16 > 0 || turned6 > 0 || importsDiscarded > 0)
        log.info({ turned16, turned6, importsDiscarded }, 'registry daily job');
    } catch (error) {
      log.error({ err: error }, 'registry daily job failed');
    }
  };
  void run();
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
