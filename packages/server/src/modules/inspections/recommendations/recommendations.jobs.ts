import { addCalendarDays, RECOMMENDATION_REMINDER_DAYS } from '@tuoitho/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema';
import { todayInVietnam } from '../../../platform/time/today';
import { type NewNotification, notificationsRepo } from '../../notifications/notifications.repo';
import {
  activeUsersOfUnitWith,
  findRecommendationsToRemind,
  insertEvents,
  listReminderEvents,
} from './recommendations.repo';

const HOUR_MS = 3_600_000;

/** Which reminder: before the deadline, or once it has passed. */
type Reminder = 'due_soon' | 'overdue';

export type ReminderResult = { recommendations: number; notifications: number };

/**
 * Sends the reminders of the recommendations not done on the Việt Nam day `today`: due within
 * RECOMMENDATION_REMINDER_DAYS → the responsible unit's users holding `inspections.respond`;
 * overdue → those users and the issuing unit's users holding `inspections.write`. Each
 * recommendation is reminded once per kind and deadline: a `reminder` event (`toStatus` the kind,
 * `note` the deadline) records it, and a changed deadline is reminded again. Reruns do nothing.
 */
export async function sendRecommendationReminders(db: Kysely<DB>, today: string): Promise<ReminderResult> {
  const candidates = await findRecommendationsToRemind(
    db,
    addCalendarDays(today, RECOMMENDATION_REMINDER_DAYS),
  );
  const sent = new Set(
    (
      await listReminderEvents(
        db,
        candidates.map((c) => c.id),
      )
    ).map((e) => `${e.recommendation_id}|${e.to_status}|${e.note}`),
  );
  const usersCache = new Map<string, Promise<string[]>>();
  const users = (unitId: number, permission: 'inspections.respond' | 'inspections.write') => {
    const key = `${unitId}|${permission}`;
    let found = usersCache.get(key);
    if (!found) {
      found = activeUsersOfUnitWith(db, unitId, permission);
      usersCache.set(key, found);
    }
    return found;
  };
  const result: ReminderResult = { recommendations: 0, notifications: 0 };
  for (const r of candidates) {
    const kind: Reminder = r.deadline < today ? 'overdue' : 'due_soon';
    if (sent.has(`${r.id}|${kind}|${r.deadline}`)) continue;
    const recipients = new Set(await users(r.unit_id, 'inspections.respond'));
    if (kind === 'overdue')
      for (const id of await users(r.plan_unit_id, 'inspections.write')) recipients.add(id);
    const rows: NewNotification[] = [...recipients].map((userId) => ({
      user_id: userId,
      kind: `recommendation_${kind}`,
      case_id: null,
      clock_id: null,
      payload: { recommendationId: r.id, deadline: r.deadline, unitName: r.unit_name },
      dedupe_key: `recommendation_${kind}:${r.id}@${r.deadline}`,
    }));
    // The event and the notifications commit together, so a failed run is simply retried.
    const inserted = await db.transaction().execute(async (tx) => {
      await insertEvents(tx, [
        { recommendation_id: r.id, actor_id: null, kind: 'reminder', to_status: kind, note: r.deadline },
      ]);
      return notificationsRepo.insertMany(tx, rows);
    });
    result.recommendations += 1;
    result.notifications += inserted;
  }
  return result;
}

/**
 * Runs the recommendation reminders at start and then once per Việt Nam day (checked every
 * hour). Returns the function that stops it.
 */
export function scheduleInspectionReminders(db: Kysely<DB>, log: FastifyBaseLogger): () => void {
  let lastDay: string | undefined;
  let running = false;
  const run = async () => {
    const today = todayInVietnam();
    if (today === lastDay || running) return;
    running = true;
    try {
      const result = await sendRecommendationReminders(db, today);
      lastDay = today;
      if (result.recommendations > 0) log.info(result, 'inspection reminders job');
    } catch (error) {
      log.error({ err: error }, 'inspection reminders job failed');
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
