import {
  type CaseAlertKind,
  caseAlertsAt,
  caseEscalationRules,
  type HolidayCalendar,
  RunningDeadline,
  vnDateOf,
} from '@tuoitho/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema';
import { loadHolidayCalendar } from '../holidays/holidays.service';
import { type NewNotification, notificationsRepo, type ScannedCase } from './notifications.repo';

const RunningDeadlines = z.array(RunningDeadline);

/** Who receives each level of alert, by the recipient named in the domain rules. */
const LEADER = { permission: 'cases.approve', levels: ['commune', 'district'] } as const;
const PROVINCE = { permission: 'cases.read', levels: ['province'] } as const;

/** Looks up and remembers the recipients above a unit during one run. */
class Recipients {
  readonly #cache = new Map<string, Promise<string[]>>();

  constructor(private readonly db: Kysely<DB>) {}

  leaders(unitPath: string) {
    return this.#find(unitPath, LEADER);
  }

  provinceOfficers(unitPath: string) {
    return this.#find(unitPath, PROVINCE);
  }

  #find(unitPath: string, who: typeof LEADER | typeof PROVINCE) {
    const key = `${who.permission}|${unitPath}`;
    let found = this.#cache.get(key);
    if (!found) {
      found = notificationsRepo.usersAbove(this.db, unitPath, who.permission, who.levels);
      this.#cache.set(key, found);
    }
    return found;
  }
}

/** The years a scan needs in its calendar: those of the deadlines, of now, and the next one. */
function yearsAround(deadlines: RunningDeadline[], now: Date): number[] {
  const years = new Set<number>([Number(vnDateOf(now).slice(0, 4)), Number(vnDateOf(now).slice(0, 4)) + 1]);
  for (const deadline of deadlines) years.add(Number(vnDateOf(new Date(deadline.dueAt)).slice(0, 4)));
  return [...years];
}

/**
 * The dedupe key of a deadline alert: one per kind, case, clock and due instant, so a second scan
 * sends nothing new, while a clock extended to a later deadline is alerted again.
 */
export function alertDedupeKey(kind: CaseAlertKind, caseId: string, deadline: RunningDeadline): string {
  return `${kind}:${caseId}:${deadline.clockId}@${Date.parse(deadline.dueAt)}`;
}

async function recipientsOf(
  kind: CaseAlertKind,
  kase: ScannedCase,
  recipients: Recipients,
): Promise<string[]> {
  const level = caseEscalationRules.levels.find((candidate) => candidate.kind === kind);
  switch (level?.recipient) {
    case 'officer':
      return kase.assigned_officer_id ? [kase.assigned_officer_id] : [];
    case 'commune_leader':
      return recipients.leaders(kase.unit_path);
    case 'province_officer':
      return recipients.provinceOfficers(kase.unit_path);
    default:
      return [];
  }
}

/**
 * Scans the open cases and sends the deadline alerts due at `now` (domain rules
 * `caseEscalationRules`): due soon and overdue to the assigned officer, escalations to the
 * commune leaders and the province officers. Idempotent: each alert goes once per recipient.
 * Returns the number of notifications inserted.
 */
export async function scanCaseAlerts(
  db: Kysely<DB>,
  now: Date = new Date(),
  opts: { calendar?: HolidayCalendar } = {},
): Promise<number> {
  const cases = (await notificationsRepo.findCasesToScan(db, now)).map((kase) => ({
    kase,
    deadlines: RunningDeadlines.parse(kase.open_deadlines),
  }));
  if (cases.length === 0) return 0;
  const calendar =
    opts.calendar ??
    (await loadHolidayCalendar(
      db,
      yearsAround(
        cases.flatMap((c) => c.deadlines),
        now,
      ),
    ));
  const recipients = new Recipients(db);
  const rows: NewNotification[] = [];
  for (const { kase, deadlines } of cases) {
    for (const deadline of deadlines) {
      for (const alert of caseAlertsAt(deadline, now, calendar)) {
        for (const userId of await recipientsOf(alert.kind, kase, recipients)) {
          rows.push({
            user_id: userId,
            kind: alert.kind,
            case_id: kase.id,
            clock_id: deadline.clockId,
            payload: { caseNumber: kase.case_number, step: deadline.step, dueAt: deadline.dueAt },
            dedupe_key: alertDedupeKey(alert.kind, kase.id, deadline),
          });
        }
      }
    }
  }
  const active = await notificationsRepo.activeUserIds(db, [...new Set(rows.map((row) => row.user_id))]);
  return notificationsRepo.insertMany(
    db,
    rows.filter((row) => active.has(row.user_id)),
  );
}

/**
 * Sends each active user assigned to at least one open case one digest for the Việt Nam day
 * `today` (`YYYY-MM-DD`): how many open cases, how many due soon, how many overdue at `now`.
 * Idempotent per day (`digest:{today}`). Returns the number of digests inserted.
 */
export async function sendCaseDigests(
  db: Kysely<DB>,
  today: string,
  now: Date = new Date(),
): Promise<number> {
  const counts = await notificationsRepo.digestCounts(db, now);
  return notificationsRepo.insertMany(
    db,
    counts.flatMap((row) =>
      row.user_id
        ? [
            {
              user_id: row.user_id,
              kind: 'digest',
              case_id: null,
              clock_id: null,
              payload: {
                day: today,
                counts: {
                  open: Number(row.open),
                  dueSoon: Number(row.due_soon),
                  overdue: Number(row.overdue),
                },
              },
              dedupe_key: `digest:${today}`,
            },
          ]
        : [],
    ),
  );
}

export const CaseEventType = z.enum([
  'plan_submitted',
  'plan_approved',
  'plan_rejected',
  'closure_proposed',
  'assigned',
]);
export type CaseEventType = z.infer<typeof CaseEventType>;

/**
 * Tells the people concerned of a case event, to be called after the action's transaction has
 * committed: a plan submitted or a closing proposed → the commune leaders; a plan approved or
 * rejected → the assigned officer; an assignment → the new assignee. The actor is never told of
 * their own act. One notification per event and recipient (the key holds the case version the
 * event produced, or `eventKey` when given). Returns the number inserted.
 */
export async function notifyCaseEvent(
  db: Kysely<DB>,
  event: { caseId: string; type: CaseEventType; actorId: string | null; eventKey?: string },
): Promise<number> {
  const kase = await notificationsRepo.findCase(db, event.caseId);
  if (!kase) return 0;
  const toLeaders = event.type === 'plan_submitted' || event.type === 'closure_proposed';
  const candidates = toLeaders
    ? await new Recipients(db).leaders(kase.unit_path)
    : kase.assigned_officer_id
      ? [kase.assigned_officer_id]
      : [];
  const active = await notificationsRepo.activeUserIds(db, candidates);
  const users = candidates.filter((id) => id !== event.actorId && active.has(id));
  const approval =
    event.type === 'plan_submitted'
      ? RunningDeadlines.parse(kase.open_deadlines).find((d) => d.step === 'plan_approval')
      : undefined;
  const key = `${event.type}:${kase.id}:${event.eventKey ?? `v${kase.version}`}`;
  return notificationsRepo.insertMany(
    db,
    users.map((userId) => ({
      user_id: userId,
      kind: event.type,
      case_id: kase.id,
      clock_id: approval?.clockId ?? null,
      payload: {
        caseNumber: kase.case_number,
        ...(approval ? { step: approval.step, dueAt: approval.dueAt } : {}),
      },
      dedupe_key: key,
    })),
  );
}
