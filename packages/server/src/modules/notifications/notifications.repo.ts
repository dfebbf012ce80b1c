import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema';

type Exec = Kysely<DB> | Transaction<DB>;

/**
 * What a notification may carry: the case number, the step, the deadline, the counts of a
 * digest. Never a name, a narrative or anything else personal (a test reads the raw table).
 */
export type NotificationPayload = {
  caseNumber?: string;
  step?: string;
  dueAt?: string;
  counts?: { open: number; dueSoon: number; overdue: number };
  day?: string;
  /** Recommendation reminders: the recommendation, its deadline and the responsible unit's name. */
  recommendationId?: string;
  deadline?: string;
  unitName?: string;
};

export type NewNotification = {
  user_id: string;
  kind: string;
  case_id: string | null;
  clock_id: string | null;
  payload: NotificationPayload;
  dedupe_key: string;
};

/** An open case with running clocks, as the scanner needs it (no content). */
export type ScannedCase = {
  id: string;
  case_number: string;
  unit_id: number;
  unit_path: string;
  assigned_officer_id: string | null;
  open_deadlines: unknown;
};

/** Every SQL statement of the notifications module. */
export const notificationsRepo = {
  /** Inserts notifications, skipping those already sent (same user and dedupe key); the count inserted. */
  async insertMany(exec: Exec, rows: readonly NewNotification[]): Promise<number> {
    let inserted = 0;
    // Chunks keep the statement far below PostgreSQL's 65 535 parameters.
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const ids = await exec
        .insertInto('notification')
        .values(chunk.map((row) => ({ ...row, payload: JSON.stringify(row.payload) })))
        .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
        .returning('id')
        .execute();
      inserted += ids.length;
    }
    return inserted;
  },

  /** Open cases with a running clock that has reached its due-soon window at `now`. */
  async findCasesToScan(exec: Exec, now: Date): Promise<ScannedCase[]> {
    return exec
      .selectFrom('child_case as k')
      .innerJoin('admin_unit as u', 'u.id', 'k.unit_id')
      .select([
        'k.id',
        'k.case_number',
        'k.unit_id',
        sql<string>`u.path::text`.as('unit_path'),
        'k.assigned_officer_id',
        'k.open_deadlines',
      ])
      .where('k.status', '<>', 'closed')
      .where(sql<boolean>`jsonb_array_length(k.open_deadlines) > 0`)
      .where('k.due_soon_at', '<=', now)
      .orderBy('k.id')
      .execute();
  },

  /** One case's facts for an event notification (no content). */
  async findCase(exec: Exec, caseId: string) {
    return exec
      .selectFrom('child_case as k')
      .innerJoin('admin_unit as u', 'u.id', 'k.unit_id')
      .select([
        'k.id',
        'k.case_number',
        'k.version',
        'k.unit_id',
        sql<string>`u.path::text`.as('unit_path'),
        'k.assigned_officer_id',
        'k.open_deadlines',
      ])
      .where('k.id', '=', caseId)
      .executeTakeFirst();
  },

  /** Whether a user is active (alerts go to active accounts only). */
  async activeUserIds(exec: Exec, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await exec
      .selectFrom('app_user')
      .select('id')
      .where('id', 'in', [...ids])
      .where('is_active', '=', true)
      .execute();
    return new Set(rows.map((r) => r.id));
  },

  /**
   * Active users holding `permission` whose unit is the case's unit or one of its ancestors,
   * at the given levels: the commune leaders (commune, or a district above it) or the province.
   */
  async usersAbove(
    exec: Exec,
    unitPath: string,
    permission: string,
    levels: ReadonlyArray<'commune' | 'district' | 'province'>,
  ): Promise<string[]> {
    const rows = await exec
      .selectFrom('app_user as a')
      .innerJoin('admin_unit as u', 'u.id', 'a.unit_id')
      .select('a.id')
      .where('a.is_active', '=', true)
      .where('u.level', 'in', [...levels])
      .where(sql<boolean>`u.path @> ${unitPath}::ltree`)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('user_role as ur')
            .innerJoin('role as r', 'r.code', 'ur.role_code')
            .select(sql`1`.as('one'))
            .whereRef('ur.user_id', '=', 'a.id')
            .where(sql<boolean>`${permission} = ANY (r.permissions)`),
        ),
      )
      .orderBy('a.id')
      .execute();
    return rows.map((r) => r.id);
  },

  /** Per active user assigned to ≥ 1 open case: open, due-soon and overdue case counts at `now`. */
  async digestCounts(exec: Exec, now: Date) {
    return exec
      .selectFrom('child_case as k')
      .innerJoin('app_user as a', 'a.id', 'k.assigned_officer_id')
      .select([
        'k.assigned_officer_id as user_id',
        sql<string>`count(*)`.as('open'),
        sql<string>`count(*) FILTER (WHERE k.next_due_at < ${now})`.as('overdue'),
        sql<string>`count(*) FILTER (WHERE k.due_soon_at <= ${now} AND k.next_due_at >= ${now})`.as(
          'due_soon',
        ),
      ])
      .where('k.status', '<>', 'closed')
      .where('a.is_active', '=', true)
      .groupBy('k.assigned_officer_id')
      .execute();
  },

  /** A page of a user's notifications, newest first (keyset on created_at, id). */
  async listForUser(
    exec: Exec,
    userId: string,
    opts: { isUnreadOnly: boolean; limit: number; after?: { createdAt: Date; id: string } | undefined },
  ) {
    let q = exec
      .selectFrom('notification')
      .select(['id', 'kind', 'case_id', 'clock_id', 'payload', 'created_at', 'read_at'])
      .where('user_id', '=', userId);
    if (opts.isUnreadOnly) q = q.where('read_at', 'is', null);
    if (opts.after) {
      const { createdAt, id } = opts.after;
      q = q.where(sql<boolean>`(created_at, id) < (${createdAt}, ${id}::uuid)`);
    }
    return q
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(opts.limit + 1)
      .execute();
  },

  async countUnread(exec: Exec, userId: string): Promise<number> {
    const row = await exec
      .selectFrom('notification')
      .select(sql<string>`count(*)`.as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Marks one of the user's notifications read (keeps the first read time); undefined if not theirs. */
  async markRead(exec: Exec, userId: string, id: string) {
    return exec
      .updateTable('notification')
      .set({ read_at: sql`coalesce(read_at, now())` })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .returning(['id', 'kind', 'case_id', 'clock_id', 'payload', 'created_at', 'read_at'])
      .executeTakeFirst();
  },

  /** Marks every unread notification of the user read; the count marked. */
  async markAllRead(exec: Exec, userId: string): Promise<number> {
    const result = await exec
      .updateTable('notification')
      .set({ read_at: new Date() })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },
};

export type NotificationRow = NonNullable<Awaited<ReturnType<typeof notificationsRepo.markRead>>>;
