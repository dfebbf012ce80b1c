import { foldVietnamese } from '@tuoitho/domain';
import { sql } from 'kysely';
import { likeContains } from '../../../platform/db/like';
import type { Actor } from '../../../platform/http/route';
import { type Exec, inSubtreeSql } from '../scope';

/** Every SQL statement of activities, their sessions, participants, attendance and outcomes. */

export type ActivityRow = {
  id: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  programme_id: string | null;
  programme_name: string | null;
  kind: string;
  title: string;
  starts_on: string;
  ends_on: string;
  place: string | null;
  organisers: string | null;
  description: string | null;
  other_participants: unknown;
  version: number;
  created_at: Date;
  updated_at: Date;
};

export type SessionRow = {
  id: string;
  activity_id: string;
  seq: number;
  held_on: string;
  topic: string | null;
};

export type ActivityListFilter = {
  unitPath: string;
  q?: string;
  kind?: string;
  programmeId?: string;
  year?: number;
  after?: { startsOn: string; id: string };
  limit: number;
};

function activities(exec: Exec) {
  return exec
    .selectFrom('activity as a')
    .innerJoin('admin_unit as u', 'u.id', 'a.unit_id')
    .leftJoin('programme as p', 'p.id', 'a.programme_id')
    .select([
      'a.id',
      'a.unit_id',
      'u.code as unit_code',
      'u.full_name as unit_name',
      'u.path as unit_path',
      'a.programme_id',
      'p.name as programme_name',
      'a.kind',
      'a.title',
      'a.starts_on',
      'a.ends_on',
      'a.place',
      'a.organisers',
      'a.description',
      'a.other_participants',
      'a.version',
      'a.created_at',
      'a.updated_at',
    ]);
}

/** An activity with its unit, whatever the caller's scope (the service checks it). */
export function findActivity(exec: Exec, id: string, forUpdate = false): Promise<ActivityRow | undefined> {
  let q = activities(exec).where('a.id', '=', id);
  if (forUpdate) q = q.forUpdate('a');
  return q.executeTakeFirst();
}

/** A page of activities of a subtree, newest start first (keyset on starts_on, id). */
export function listActivities(exec: Exec, f: ActivityListFilter): Promise<ActivityRow[]> {
  let q = activities(exec).where(inSubtreeSql('u.path', { unitPath: f.unitPath }));
  if (f.q) q = q.where('a.title_folded', 'like', likeContains(foldVietnamese(f.q)));
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  if (f.programmeId) q = q.where('a.programme_id', '=', f.programmeId);
  if (f.year !== undefined) {
    q = q.where('a.starts_on', '<=', `${f.year}-12-31`).where('a.ends_on', '>=', `${f.year}-01-01`);
  }
  if (f.after) {
    const { startsOn, id } = f.after;
    q = q.where(sql<boolean>`(a.starts_on, a.id) < (${startsOn}::date, ${id}::uuid)`);
  }
  return q
    .orderBy('a.starts_on', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** Budget lines of activities. */
export function listBudgets(exec: Exec, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return exec
    .selectFrom('activity_budget')
    .select(['activity_id', 'source', 'planned_vnd', 'spent_vnd'])
    .where('activity_id', 'in', ids)
    .orderBy('source')
    .execute();
}

/** Sessions of activities in order. */
export function listSessions(exec: Exec, ids: string[]): Promise<SessionRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return exec
    .selectFrom('activity_session')
    .select(['id', 'activity_id', 'seq', 'held_on', 'topic'])
    .where('activity_id', 'in', ids)
    .orderBy('activity_id')
    .orderBy('seq')
    .execute();
}

/** Participants, completed and safe swimmers per activity. */
export function countParticipants(exec: Exec, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return exec
    .selectFrom('activity_participant')
    .select([
      'activity_id',
      sql<number>`count(*)::int`.as('participants'),
      sql<number>`(count(*) FILTER (WHERE completed))::int`.as('completed'),
      sql<number>`(count(*) FILTER (WHERE swim_safe))::int`.as('swim_safe'),
    ])
    .where('activity_id', 'in', ids)
    .groupBy('activity_id')
    .execute();
}

/** Replaces the budget lines of an activity. */
export async function replaceBudget(
  exec: Exec,
  activityId: string,
  lines: Array<{ source: string; planned: number; spent: number }>,
): Promise<void> {
  await exec.deleteFrom('activity_budget').where('activity_id', '=', activityId).execute();
  if (lines.length === 0) return;
  await exec
    .insertInto('activity_budget')
    .values(
      lines.map((l) => ({
        activity_id: activityId,
        source: l.source,
        planned_vnd: l.planned,
        spent_vnd: l.spent,
      })),
    )
    .execute();
}

/** Sessions (of `ids`) that have at least one attendance mark. */
export async function sessionsWithAttendance(exec: Exec, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await exec
    .selectFrom('activity_attendance')
    .select('session_id')
    .distinct()
    .where('session_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.session_id));
}

export type ParticipantRow = {
  child_id: string;
  full_name: string;
  sex: 'male' | 'female';
  date_of_birth: string;
  village: string | null;
  school: string | null;
  grade: string | null;
  completed: boolean | null;
  swim_safe: boolean | null;
  water_safety: boolean | null;
  assessed_on: string | null;
  outcome_note: string | null;
};

/** The participants of an activity with the few child fields the class list needs, by name. */
export function listParticipants(exec: Exec, activityId: string): Promise<ParticipantRow[]> {
  return exec
    .selectFrom('activity_participant as ap')
    .innerJoin('child as c', 'c.id', 'ap.child_id')
    .select([
      'ap.child_id',
      'c.full_name',
      'c.sex',
      'c.date_of_birth',
      'c.village',
      sql<string | null>`c.education->>'school'`.as('school'),
      sql<string | null>`c.education->>'grade'`.as('grade'),
      'ap.completed',
      'ap.swim_safe',
      'ap.water_safety',
      'ap.assessed_on',
      'ap.outcome_note',
    ])
    .where('ap.activity_id', '=', activityId)
    .orderBy('c.name_folded')
    .orderBy('ap.child_id')
    .execute();
}

/** Attendance marks of an activity's sessions. */
export function listAttendance(exec: Exec, activityId: string) {
  return exec
    .selectFrom('activity_attendance as t')
    .innerJoin('activity_session as s', 's.id', 't.session_id')
    .select(['t.session_id', 't.child_id', 't.present'])
    .where('s.activity_id', '=', activityId)
    .execute();
}

/** Child ids of an activity's participants among `childIds`. */
export async function participantIds(
  exec: Exec,
  activityId: string,
  childIds?: string[],
): Promise<Set<string>> {
  if (childIds && childIds.length === 0) return new Set();
  let q = exec.selectFrom('activity_participant').select('child_id').where('activity_id', '=', activityId);
  if (childIds) q = q.where('child_id', 'in', childIds);
  return new Set((await q.execute()).map((r) => r.child_id));
}

/** Of `childIds`, those of registry children (not merged) whose unit lies in the subtree `unitPath`. */
export async function childrenInSubtree(
  exec: Exec,
  unitPath: string,
  childIds: string[],
): Promise<Set<string>> {
  if (childIds.length === 0) return new Set();
  const rows = await exec
    .selectFrom('child as c')
    .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
    .select('c.id')
    .where('c.id', 'in', childIds)
    .where('c.merged_into', 'is', null)
    .where(inSubtreeSql('u.path', { unitPath }))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Adds participants; children already taking part are left as they are. Returns how many were new. */
export async function insertParticipants(
  exec: Exec,
  activityId: string,
  childIds: string[],
  actor: Actor,
): Promise<number> {
  if (childIds.length === 0) return 0;
  const rows = await exec
    .insertInto('activity_participant')
    .values(childIds.map((child_id) => ({ activity_id: activityId, child_id, added_by: actor.userId })))
    .onConflict((oc) => oc.columns(['activity_id', 'child_id']).doNothing())
    .returning('child_id')
    .execute();
  return rows.length;
}

export type AttendanceMark = { childId: string; sessionId: string; present: boolean };

/** Records attendance marks in one statement (insert or overwrite). */
export async function upsertAttendance(exec: Exec, marks: AttendanceMark[], actor: Actor): Promise<void> {
  if (marks.length === 0) return;
  const json = JSON.stringify(
    marks.map((m) => ({ session_id: m.sessionId, child_id: m.childId, present: m.present })),
  );
  await sql`
    INSERT INTO activity_attendance (session_id, child_id, present, recorded_by)
    SELECT v.session_id, v.child_id, v.present, ${actor.userId}::uuid
    FROM jsonb_to_recordset(${json}::jsonb) AS v(session_id uuid, child_id uuid, present boolean)
    ON CONFLICT (session_id, child_id)
    DO UPDATE SET present = EXCLUDED.present, recorded_at = now(), recorded_by = EXCLUDED.recorded_by
  `.execute(exec);
}

/**
 * A change of outcome of one participant. `undefined` keeps a field as it is (the class-list
 * import sets only the cells that were filled in); `null` clears it.
 */
export type OutcomeChange = {
  childId: string;
  completed?: boolean | null;
  swimSafe?: boolean | null;
  waterSafety?: boolean | null;
  assessedOn?: string | null;
  note?: string | null;
};

/** Writes outcome changes of participants in one statement. */
export async function updateOutcomes(
  exec: Exec,
  activityId: string,
  changes: OutcomeChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const json = JSON.stringify(
    changes.map((c) => ({
      child_id: c.childId,
      completed: c.completed ?? null,
      set_completed: c.completed !== undefined,
      swim_safe: c.swimSafe ?? null,
      set_swim_safe: c.swimSafe !== undefined,
      water_safety: c.waterSafety ?? null,
      set_water_safety: c.waterSafety !== undefined,
      assessed_on: c.assessedOn ?? null,
      set_assessed_on: c.assessedOn !== undefined,
      note: c.note ?? null,
      set_note: c.note !== undefined,
    })),
  );
  await sql`
    UPDATE activity_participant AS p SET
      completed = CASE WHEN v.set_completed THEN v.completed ELSE p.completed END,
      swim_safe = CASE WHEN v.set_swim_safe THEN v.swim_safe ELSE p.swim_safe END,
      water_safety = CASE WHEN v.set_water_safety THEN v.water_safety ELSE p.water_safety END,
      assessed_on = CASE WHEN v.set_assessed_on THEN v.assessed_on ELSE p.assessed_on END,
      outcome_note = CASE WHEN v.set_note THEN v.note ELSE p.outcome_note END
    FROM jsonb_to_recordset(${json}::jsonb) AS v(
      child_id uuid, completed boolean, set_completed boolean, swim_safe boolean, set_swim_safe boolean,
      water_safety boolean, set_water_safety boolean, assessed_on date, set_assessed_on boolean,
      note text, set_note boolean)
    WHERE p.activity_id = ${activityId}::uuid AND p.child_id = v.child_id
  `.execute(exec);
}

export type CandidateFilter = {
  unitPath: string;
  activityId: string;
  words: string[];
  village?: string;
  school?: string;
  grade?: string;
  born?: { bornOnOrAfter: string; bornOnOrBefore: string; yearOnlyBornIn: number | null };
  limit: number;
};

/**
 * Active registry children of a subtree to add to an activity. Only the class-list fields are
 * selected: this is all of the registry a partner without registry access ever sees.
 */
export function listCandidates(exec: Exec, f: CandidateFilter) {
  let q = exec
    .selectFrom('child as c')
    .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
    .select([
      'c.id as child_id',
      'c.full_name',
      'c.sex',
      'c.date_of_birth',
      'c.village',
      sql<string | null>`c.education->>'school'`.as('school'),
      sql<string | null>`c.education->>'grade'`.as('grade'),
      sql<boolean>`EXISTS (SELECT 1 FROM activity_participant ap WHERE ap.activity_id = ${f.activityId}::uuid AND ap.child_id = c.id)`.as(
        'is_participant',
      ),
    ])
    .where('c.merged_into', 'is', null)
    .where('c.status', '=', 'active')
    .where(inSubtreeSql('u.path', { unitPath: f.unitPath }));
  for (const word of f.words) {
    q = q.where(sql<boolean>`(' ' || c.name_folded) LIKE ${`% ${likeContains(word).slice(1)}`}`);
  }
  const contains = (expression: ReturnType<typeof sql>, text: string) =>
    sql<boolean>`vn_fold(coalesce(${expression}, '')) LIKE ${likeContains(foldVietnamese(text))}`;
  if (f.village) q = q.where(contains(sql`c.village`, f.village));
  if (f.school) q = q.where(contains(sql`c.education->>'school'`, f.school));
  if (f.grade) q = q.where(contains(sql`c.education->>'grade'`, f.grade));
  const born = f.born;
  if (born) {
    q = q.where((eb) =>
      eb.or([
        eb.and([
          eb('c.birth_reference_date', '>=', born.bornOnOrAfter),
          eb('c.birth_reference_date', '<=', born.bornOnOrBefore),
        ]),
        ...(born.yearOnlyBornIn !== null ? [eb('c.date_of_birth', '=', String(born.yearOnlyBornIn))] : []),
      ]),
    );
  }
  return q.orderBy('c.name_folded').orderBy('c.id').limit(f.limit).execute();
}

/** Registry children (not merged) of a subtree with a folded name among `names`, for the class-list import. */
export function childrenByFoldedNames(exec: Exec, unitPath: string, names: string[]) {
  if (names.length === 0) return Promise.resolve([]);
  return exec
    .selectFrom('child as c')
    .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.name_folded', 'c.date_of_birth'])
    .where('c.merged_into', 'is', null)
    .where('c.name_folded', 'in', names)
    .where(inSubtreeSql('u.path', { unitPath }))
    .execute();
}
