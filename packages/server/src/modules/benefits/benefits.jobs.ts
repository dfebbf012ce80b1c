import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import { todayInVietnam } from '../../platform/time/today';
import { generateBenefitProposals } from './benefits.proposals';

const HOUR_MS = 3_600_000;

/**
 * Makes the day's benefit proposals at start and then once per day in Việt Nam (checked every
 * hour). The job is idempotent; it runs once a day only because it reads every eligible child.
 * Returns the function that stops it.
 */
export function scheduleBenefitJobs(db: Kysely<DB>, log: FastifyBaseLogger): () => void {
  let lastDay: string | undefined;
  const run = async () => {
    const today = todayInVietnam();
    if (today === lastDay) return;
    try {
      const started = Date.now();
      const result = await generateBenefitProposals(db, today);
      lastDay = today;
      log.info({ ...result, ms: Date.now() - started }, 'benefit proposals job');
    } catch (error) {
      log.error({ err: error }, 'benefit proposals job failed');
    }
  };
  void run();
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
