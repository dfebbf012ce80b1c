import type { Permission } from '@tuoitho/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema';
import type { StoredFileRow } from '../../../platform/files/stored-files';
import type { Actor } from '../../../platform/http/route';

export type Exec = Kysely<DB> | Transaction<DB>;
type Scope = Pick<Actor, 'unitPath' | 'permissions'>;

/** A recommendation with what its views and policy need: session, plan and both units. */
export type RecommendationRow = {
  id: string;
  session_id: string;
  plan_id: string;
  plan_title: string;
  plan_year: number;
  plan_unit_id: number;
  topics: string[];
  finding_id: string | null;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  session_unit_id: number;
  session_unit_path: string;
  held_on: string;
  text: string;
  deadline: string;
  status: 'open' | 'in_progress' | 'done';
  response: string | null;
  completed_on: string | null;
  version: number;
  created_at: Date;
};

export type RecommendationFilter = {
  unitPath?: string | undefined;
  sessionId?: string | undefined;
  planId?: string | undefined;
  topic?: string | undefined;
  year?: number | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  /** The derived state on `today` (overdue: not done and the deadline before today). */
  state?: 'open' | 'in_progress' | 'done' | 'overdue' | undefined;
  today: string;
  after?: { done: boolean; deadline: string; id: string } | undefined;
  limit?: number | undefined;
};

const has = (actor: Scope, permission: Permission) => actor.permissions.has(permission);

/**
 * Which recommendations a caller may read, as SQL over `su` (the session's unit) and `ru` (the
 * responsible unit): the inspecting side (`inspections.read` or `.write`) when either unit lies
 * in its subtree; the responsible side (`inspections.respond`) only when the responsible unit
 * does, so a commune never sees another commune's recommendations.
 */
export function visibleSql(actor: Scope) {
  const subtree = sql`${actor.unitPath}::ltree`;
  if (has(actor, 'inspections.read') || has(actor, 'inspections.write')) {
    return sql<boolean>`(su.path <@ ${subtree} OR ru.path <@ ${subtree})`;
  }
  if (has(actor, 'inspections.respond')) return sql<boolean>`ru.path <@ ${subtree}`;
  return sql<boolean>`false`;
}

function baseQuery(exec: Exec) {
  return exec
    .selectFrom('inspection_recommendation as r')
    .innerJoin('inspection_session as s', 's.id', 'r.session_id')
    .innerJoin('inspection_plan as p', 'p.id', 's.plan_id')
    .innerJoin('admin_unit as ru', 'ru.id', 'r.unit_id')
    .innerJoin('admin_unit as su', 'su.id', 's.unit_id')
    .select([
      'r.id',
      'r.session_id',
      's.plan_id',
      'p.title as plan_title',
      'p.plan_year',
      'p.unit_id as plan_unit_id',
      'p.topics',
      'r.finding_id',
      'r.unit_id',
      'ru.code as unit_code',
      'ru.full_name as unit_name',
      sql<string>`ru.path::text`.as('unit_path'),
      's.unit_id as session_unit_id',
      sql<string>`su.path::text`.as('session_unit_path'),
      's.held_on',
      'r.text',
      'r.deadline',
      'r.status',
      'r.response',
      'r.completed_on',
      'r.version',
      'r.created_at',
    ]);
}

/**
 * The recommendations the caller may read that match the filter: those still to do first (the
 * overdue, then the nearest deadlines), the done ones after them; by deadline then id.
 */
export async function listRecommendationRows(
  exec: Exec,
  actor: Scope,
  filter: RecommendationFilter,
): Promise<RecommendationRow[]> {
  let q = baseQuery(exec).where(visibleSql(actor));
  if (filter.unitPath) q = q.where(sql<boolean>`ru.path <@ ${filter.unitPath}::ltree`);
  if (filter.sessionId) q = q.where('r.session_id', '=', filter.sessionId);
  if (filter.planId) q = q.where('s.plan_id', '=', filter.planId);
  if (filter.topic) q = q.where(sql<boolean>`${filter.topic} = ANY (p.topics)`);
  if (filter.year !== undefined) q = q.where('p.plan_year', '=', filter.year);
  if (filter.yearFrom !== undefined) q = q.where('p.plan_year', '>=', filter.yearFrom);
  if (filter.yearTo !== undefined) q = q.where('p.plan_year', '<=', filter.yearTo);
  const today = filter.today;
  switch (filter.state) {
    case 'done':
      q = q.where('r.status', '=', 'done');
      break;
    case 'overdue':
      q = q.where('r.status', '<>', 'done').where('r.deadline', '<', today);
      break;
    case 'open':
    case 'in_progress':
      q = q.where('r.status', '=', filter.state).where('r.deadline', '>=', today);
      break;
  }
  if (filter.after) {
    q = q.where(
      sql<boolean>`(r.status = 'done', r.deadline, r.id) > (${filter.after.done}, ${filter.after.deadline}::date, ${filter.after.id}::uuid)`,
    );
  }
  q = q.orderBy(sql`r.status = 'done'`).orderBy('r.deadline').orderBy('r.id');
  if (filter.limit !== undefined) q = q.limit(filter.limit);
  return (await q.execute()) as RecommendationRow[];
}

/** One recommendation whatever the caller (the service decides 404/403), optionally locked. */
export async function findRecommendationRow(
  exec: Exec,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<RecommendationRow | undefined> {
  let q = baseQuery(exec).where('r.id', '=', id);
  if (opts.forUpdate) q = q.forUpdate('r');
  return (await q.executeTakeFirst()) as RecommendationRow | undefined;
}

/** A session with its unit, for creating recommendations under it. */
export function findSessionForRecommendation(exec: Exec, sessionId: string) {
  return exec
    .selectFrom('inspection_session as s')
    .innerJoin('admin_unit as su', 'su.id', 's.unit_id')
    .select(['s.id', 's.unit_id', 's.held_on', 's.plan_id', sql<string>`su.path::text`.as('unit_path')])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

/** A current unit by code, with its ltree path. */
export function findUnitByCode(exec: Exec, code: string) {
  return exec
    .selectFrom('admin_unit')
    .select(['id', 'code', 'full_name', sql<string>`path::text`.as('path')])
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

/** Whether a finding belongs to the session. */
export async function isFindingOfSession(exec: Exec, findingId: string, sessionId: string) {
  const row = await exec
    .selectFrom('inspection_finding')
    .select('id')
    .where('id', '=', findingId)
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts a new open recommendation. */
export function insertRecommendation(
  tx: Transaction<DB>,
  values: {
    session_id: string;
    finding_id: string | null;
    unit_id: number;
    text: string;
    deadline: string;
    created_by: string;
  },
): Promise<{ id: string }> {
  return tx
    .insertInto('inspection_recommendation')
    .values({ ...values, updated_by: values.created_by })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Updates a recommendation at `version` and bumps it; false when the version moved on. */
export async function updateRecommendation(
  tx: Transaction<DB>,
  id: string,
  version: number,
  set: {
    text?: string;
    deadline?: string;
    status?: 'open' | 'in_progress' | 'done';
    response?: string | null;
    completed_on?: string | null;
    updated_by: string;
  },
): Promise<boolean> {
  const result = await tx
    .updateTable('inspection_recommendation')
    .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type NewRecommendationEvent = {
  recommendation_id: string;
  actor_id: string | null;
  kind: 'created' | 'status' | 'response' | 'evidence' | 'reminder' | 'deadline';
  from_status?: string | null;
  to_status?: string | null;
  note?: string | null;
};

/** Appends events to the history of recommendations (never changed afterwards). */
export async function insertEvents(tx: Transaction<DB>, events: NewRecommendationEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx
    .insertInto('inspection_recommendation_event')
    .values(
      // Events of one change share a transaction: the wall clock plus the position keeps their order.
      events.map((e, i) => ({
        at: sql<Date>`clock_timestamp() + make_interval(secs => ${i / 1_000_000})`,
        recommendation_id: e.recommendation_id,
        actor_id: e.actor_id,
        kind: e.kind,
        from_status: e.from_status ?? null,
        to_status: e.to_status ?? null,
        note: e.note ?? null,
      })),
    )
    .execute();
}

/** The events of the recommendations, oldest first, with the actor's name. */
export function listEvents(exec: Exec, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return exec
    .selectFrom('inspection_recommendation_event as e')
    .leftJoin('app_user as a', 'a.id', 'e.actor_id')
    .select([
      'e.recommendation_id',
      'e.at',
      'e.kind',
      'e.from_status',
      'e.to_status',
      'e.note',
      'a.full_name as actor_name',
    ])
    .where('e.recommendation_id', 'in', ids)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

/** The evidence files of the recommendations, oldest first (no content). */
export async function listEvidence(exec: Exec, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await exec
    .selectFrom('inspection_evidence as v')
    .innerJoin('stored_file as f', 'f.id', 'v.file_id')
    .select([
      'v.id',
      'v.recommendation_id',
      'v.question_id',
      'v.caption',
      'f.id as file_id',
      'f.file_name',
      'f.content_type',
      'f.size_bytes',
      'f.sha256',
      'f.created_at as file_created_at',
    ])
    .where('v.recommendation_id', 'in', ids)
    .orderBy('v.created_at')
    .orderBy('v.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    recommendationId: r.recommendation_id as string,
    questionId: r.question_id,
    caption: r.caption,
    file: {
      id: r.file_id,
      file_name: r.file_name,
      content_type: r.content_type,
      size_bytes: Number(r.size_bytes),
      sha256: r.sha256,
      created_at: r.file_created_at,
    } satisfies StoredFileRow,
  }));
}

/** Links a stored file to a recommendation as evidence. */
export function insertEvidence(
  tx: Transaction<DB>,
  values: { recommendation_id: string; file_id: string; caption: string | null; created_by: string },
): Promise<{ id: string }> {
  return tx.insertInto('inspection_evidence').values(values).returning('id').executeTakeFirstOrThrow();
}

// ---------------------------------------------------------------- reminders

/** Recommendations not done whose deadline is on or before `until`, for the reminder scan. */
export function findRecommendationsToRemind(exec: Exec, until: string) {
  return exec
    .selectFrom('inspection_recommendation as r')
    .innerJoin('inspection_session as s', 's.id', 'r.session_id')
    .innerJoin('inspection_plan as p', 'p.id', 's.plan_id')
    .innerJoin('admin_unit as ru', 'ru.id', 'r.unit_id')
    .select(['r.id', 'r.unit_id', 'ru.full_name as unit_name', 'p.unit_id as plan_unit_id', 'r.deadline'])
    .where('r.status', '<>', 'done')
    .where('r.deadline', '<=', until)
    .orderBy('r.deadline')
    .orderBy('r.id')
    .execute();
}

/** The reminders already recorded for a recommendation: `{to_status, note}` = `{due_soon|overdue, deadline}`. */
export function listReminderEvents(exec: Exec, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return exec
    .selectFrom('inspection_recommendation_event')
    .select(['recommendation_id', 'to_status', 'note'])
    .where('kind', '=', 'reminder')
    .where('recommendation_id', 'in', ids)
    .execute();
}

/** Active users of exactly this unit holding the permission. */
export async function activeUsersOfUnitWith(
  exec: Exec,
  unitId: number,
  permission: Permission,
): Promise<string[]> {
  const rows = await exec
    .selectFrom('app_user as a')
    .select('a.id')
    .where('a.is_active', '=', true)
    .where('a.unit_id', '=', unitId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('user_role as ur')
          .innerJoin('role as ro', 'ro.code', 'ur.role_code')
          .select(sql`1`.as('one'))
          .whereRef('ur.user_id', '=', 'a.id')
          .where(sql<boolean>`${permission} = ANY (ro.permissions)`),
      ),
    )
    .orderBy('a.id')
    .execute();
  return rows.map((r) => r.id);
}
