import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import { todayInVietnam } from '../../platform/time/today';
import { scanCaseAlerts, sendCaseDigests } from './notifications.alerts';

const SCAN_EVERY_MS = 15 * 60_000;
/** The digest goes out at or after this hour of the Việt Nam day (start of office hours). */
export const DIGEST_HOUR_VN = 7;

/** The hour (0–23) in Việt Nam (UTC+7, no daylight saving) of an instant. */
function vnHourOf(now: Date): number {
  return (now.getUTCHours() + 7) % 24;
}

/**
 * Runs the case deadline scan at start and every 15 minutes, and from 07:00 Việt Nam time the
 * daily digest (once per day: the dedupe key `digest:{day}` makes a second run a no-op, and a run
 * that succeeded is not repeated that day). Returns the function that stops it.
 */
export function scheduleCaseAlertJobs(
  db: Kysely<DB>,
  log: FastifyBaseLogger,
  opts: { clock?: () => Date; everyMs?: number } = {},
): () => void {
  const clock = opts.clock ?? (() => new Date());
  let digestDay: string | undefined;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const now = clock();
      const alerts = await scanCaseAlerts(db, now);
      const today = todayInVietnam(now);
      let digests = 0;
      if (vnHourOf(now) >= DIGEST_HOUR_VN && digestDay !== today) {
        digests = await sendCaseDigests(db, today, now);
        digestDay = today;
      }
      if (alerts > 0 || digests > 0) log.info({ alerts, digests }, 'case alerts job');
    } catch (error) {
      log.error({ err: error }, 'case alerts job failed');
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(run, opts.everyMs ?? SCAN_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
