import { ChecklistQuestion, type InspectionTopic } from '@tuoitho/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../platform/db/schema';
import type { StoredFileRow } from '../../../platform/files/stored-files';
import type { Actor } from '../../../platform/http/route';

/** Every SQL statement of inspection templates, plans, sessions and their evidence. */

export type Exec = Kysely<DB> | Transaction<DB>;

const Questions = z.array(ChecklistQuestion);

/** The frozen or template questions of a jsonb column, parsed so that drift fails loudly. */
export function parseQuestions(value: unknown): ChecklistQuestion[] {
  return Questions.parse(typeof value === 'string' ? JSON.parse(value) : value);
}

/** SQL: the ltree column lies in the caller's subtree. */
const inSubtree = (column: string, actor: Pick<Actor, 'unitPath'>) =>
  sql<boolean>`${sql.ref(column)} <@ ${actor.unitPath}::ltree`;

// ---------------------------------------------------------------- templates

const templateColumns = [
  't.id',
  't.unit_id',
  'u.code as unit_code',
  'u.path as unit_path',
  't.name',
  't.topic',
  't.questions',
  't.is_active',
  't.version',
  't.updated_at',
] as const;

function templates(exec: Exec) {
  return exec
    .selectFrom('inspection_template as t')
    .innerJoin('admin_unit as u', 'u.id', 't.unit_id')
    .select(templateColumns);
}
export type TemplateRow = Awaited<ReturnType<ReturnType<typeof templates>['executeTakeFirstOrThrow']>>;

/** Templates of the caller's subtree and of the units above it (a province template serves its communes). */
export function listTemplates(exec: Exec, actor: Actor): Promise<TemplateRow[]> {
  return templates(exec)
    .where(sql<boolean>`(u.path <@ ${actor.unitPath}::ltree OR u.path @> ${actor.unitPath}::ltree)`)
    .orderBy('t.topic')
    .orderBy('t.name')
    .orderBy('t.id')
    .execute();
}

export function findTemplate(exec: Exec, id: string): Promise<TemplateRow | undefined> {
  return templates(exec).where('t.id', '=', id).executeTakeFirst();
}

export async function insertTemplate(
  tx: Transaction<DB>,
  values: {
    unit_id: number;
    name: string;
    topic: InspectionTopic;
    questions: ChecklistQuestion[];
    is_active: boolean;
    created_by: string;
  },
): Promise<string> {
  const row = await tx
    .insertInto('inspection_template')
    .values({ ...values, questions: JSON.stringify(values.questions) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Updates when the version matches; false otherwise. */
export async function updateTemplate(
  tx: Transaction<DB>,
  id: string,
  version: number,
  set: { name: string; topic: InspectionTopic; questions: ChecklistQuestion[]; is_active: boolean },
): Promise<boolean> {
  const result = await tx
    .updateTable('inspection_template')
    .set({
      ...set,
      questions: JSON.stringify(set.questions),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- plans

const planColumns = [
  'p.id',
  'p.unit_id',
  'u.code as unit_code',
  'u.full_name as unit_name',
  'u.path as unit_path',
  'p.plan_year',
  'p.number',
  'p.issued_on',
  'p.issuing_body',
  'p.title',
  'p.topics',
  'p.description',
  'p.version',
  'p.created_at',
  'p.updated_at',
] as const;

function plans(exec: Exec) {
  return exec
    .selectFrom('inspection_plan as p')
    .innerJoin('admin_unit as u', 'u.id', 'p.unit_id')
    .select(planColumns);
}
export type PlanRow = Awaited<ReturnType<ReturnType<typeof plans>['executeTakeFirstOrThrow']>>;

export type PlanCursor = { year: number; id: string };

/**
 * Plans issued in the caller's subtree or targeting a unit of it, newest year first; `unitPath`
 * narrows to plans issued in that subtree or targeting it.
 */
export function listPlans(
  exec: Exec,
  actor: Actor,
  filter: {
    year?: number | undefined;
    topic?: InspectionTopic | undefined;
    unitPath?: string | undefined;
    after?: PlanCursor | undefined;
    limit: number;
  },
): Promise<PlanRow[]> {
  const issuedOrTargeting = (path: string) =>
    sql<boolean>`(u.path <@ ${path}::ltree OR EXISTS (
      SELECT 1 FROM inspection_plan_target pt JOIN admin_unit tu ON tu.id = pt.unit_id
      WHERE pt.plan_id = p.id AND tu.path <@ ${path}::ltree))`;
  let query = plans(exec).where(issuedOrTargeting(actor.unitPath));
  if (filter.unitPath) query = query.where(issuedOrTargeting(filter.unitPath));
  if (filter.year !== undefined) query = query.where('p.plan_year', '=', filter.year);
  if (filter.topic) query = query.where(sql<boolean>`p.topics @> ARRAY[${filter.topic}]::text[]`);
  const after = filter.after;
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('p.plan_year', '<', after.year),
        eb.and([eb('p.plan_year', '=', after.year), eb('p.id', '<', after.id)]),
      ]),
    );
  return query.orderBy('p.plan_year', 'desc').orderBy('p.id', 'desc').limit(filter.limit).execute();
}

export function findPlan(exec: Exec, id: string, opts: { forUpdate?: boolean } = {}) {
  const query = plans(exec).where('p.id', '=', id);
  return (opts.forUpdate ? query.forUpdate('p') : query).executeTakeFirst();
}

export type TargetRow = {
  plan_id: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  planned_from: string | null;
  planned_to: string | null;
  session_id: string | null;
  session_status: 'draft' | 'completed' | null;
};

/** Targets of plans with the session held there under the plan, if any. */
export async function listTargets(exec: Exec, planIds: string[]): Promise<TargetRow[]> {
  if (planIds.length === 0) return [];
  return exec
    .selectFrom('inspection_plan_target as t')
    .innerJoin('admin_unit as u', 'u.id', 't.unit_id')
    .leftJoin('inspection_session as s', (join) =>
      join.onRef('s.plan_id', '=', 't.plan_id').onRef('s.unit_id', '=', 't.unit_id'),
    )
    .select([
      't.plan_id',
      't.unit_id',
      'u.code as unit_code',
      'u.full_name as unit_name',
      'u.path as unit_path',
      't.planned_from',
      't.planned_to',
      's.id as session_id',
      's.status as session_status',
    ])
    .where('t.plan_id', 'in', planIds)
    .orderBy('u.code')
    .execute();
}

export function listTeams(exec: Exec, planIds: string[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return exec
    .selectFrom('inspection_team_member')
    .selectAll()
    .where('plan_id', 'in', planIds)
    .orderBy('plan_id')
    .orderBy('seq')
    .execute();
}

/** Recommendations of each plan's sessions: total, done, and overdue on `today`. */
export async function planRecommendationCounts(exec: Exec, planIds: string[], today: string) {
  if (planIds.length === 0) return new Map<string, { total: number; done: number; overdue: number }>();
  const rows = await exec
    .selectFrom('inspection_recommendation as r')
    .innerJoin('inspection_session as s', 's.id', 'r.session_id')
    .select([
      's.plan_id',
      sql<string>`count(*)`.as('total'),
      sql<string>`count(*) FILTER (WHERE r.status = 'done')`.as('done'),
      sql<string>`count(*) FILTER (WHERE r.status <> 'done' AND r.deadline < ${today}::date)`.as('overdue'),
    ])
    .where('s.plan_id', 'in', planIds)
    .groupBy('s.plan_id')
    .execute();
  return new Map(
    rows.map((r) => [
      r.plan_id,
      { total: Number(r.total), done: Number(r.done), overdue: Number(r.overdue) },
    ]),
  );
}

export type PlanValues = {
  plan_year: number;
  number: string | null;
  issued_on: string | null;
  issuing_body: string;
  title: string;
  topics: string[];
  description: string | null;
};

export async function insertPlan(
  tx: Transaction<DB>,
  values: PlanValues & { unit_id: number; created_by: string },
): Promise<string> {
  const row = await tx
    .insertInto('inspection_plan')
    .values({ ...values, updated_by: values.created_by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePlan(
  tx: Transaction<DB>,
  id: string,
  version: number,
  set: PlanValues & { updated_by: string },
): Promise<boolean> {
  const result = await tx
    .updateTable('inspection_plan')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceTargetsAndTeam(
  tx: Transaction<DB>,
  planId: string,
  targets: { unit_id: number; planned_from: string | null; planned_to: string | null }[],
  team: {
    full_name: string;
    role: 'lead' | 'deputy' | 'member' | 'secretary';
    organisation: string | null;
    user_id: string | null;
  }[],
): Promise<void> {
  await tx.deleteFrom('inspection_plan_target').where('plan_id', '=', planId).execute();
  await tx.deleteFrom('inspection_team_member').where('plan_id', '=', planId).execute();
  await tx
    .insertInto('inspection_plan_target')
    .values(targets.map((t) => ({ ...t, plan_id: planId })))
    .execute();
  if (team.length > 0)
    await tx
      .insertInto('inspection_team_member')
      .values(team.map((m, i) => ({ ...m, plan_id: planId, seq: i + 1 })))
      .execute();
}

/** Units by code (current ones), with their paths. */
export function unitsByCode(exec: Exec, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return exec
    .selectFrom('admin_unit')
    .select(['id', 'code', 'path', 'full_name'])
    .where('code', 'in', codes)
    .where('valid_to', 'is', null)
    .execute();
}

/** Ids of the active users among `ids`. */
export async function existingUserIds(exec: Exec, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await exec.selectFrom('app_user').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

// ---------------------------------------------------------------- sessions

const sessionColumns = [
  's.id',
  's.plan_id',
  'p.title as plan_title',
  'p.plan_year',
  'p.topics as plan_topics',
  'p.number as plan_number',
  'p.issuing_body',
  'pu.full_name as plan_unit_name',
  'pu.name as plan_unit_short_name',
  'p.issued_on as plan_issued_on',
  's.unit_id',
  'u.code as unit_code',
  'u.full_name as unit_name',
  'u.path as unit_path',
  's.template_id',
  's.questions',
  's.held_on',
  's.status',
  's.summary',
  's.conclusion',
  's.score',
  's.max_score',
  's.completed_at',
  's.version',
] as const;

function sessions(exec: Exec) {
  return exec
    .selectFrom('inspection_session as s')
    .innerJoin('inspection_plan as p', 'p.id', 's.plan_id')
    .innerJoin('admin_unit as pu', 'pu.id', 'p.unit_id')
    .innerJoin('admin_unit as u', 'u.id', 's.unit_id')
    .select(sessionColumns);
}
export type SessionRow = Awaited<ReturnType<ReturnType<typeof sessions>['executeTakeFirstOrThrow']>>;

export function findSession(exec: Exec, id: string, opts: { forUpdate?: boolean } = {}) {
  const query = sessions(exec).where('s.id', '=', id);
  return (opts.forUpdate ? query.forUpdate('s') : query).executeTakeFirst();
}

export function findSessionOfTarget(exec: Exec, planId: string, unitId: number) {
  return exec
    .selectFrom('inspection_session')
    .select('id')
    .where('plan_id', '=', planId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

export type SessionCursor = { heldOn: string; id: string };

/**
 * Sessions held in the caller's subtree (`completedOnly` for callers who only answer
 * recommendations), newest first.
 */
export function listSessions(
  exec: Exec,
  actor: Actor,
  filter: {
    completedOnly: boolean;
    planId?: string | undefined;
    unitPath?: string | undefined;
    year?: number | undefined;
    status?: 'draft' | 'completed' | undefined;
    after?: SessionCursor | undefined;
    limit: number;
  },
) {
  let query = sessions(exec)
    .select([
      sql<string>`(SELECT count(*) FROM inspection_finding f WHERE f.session_id = s.id)`.as('finding_count'),
      sql<string>`(SELECT count(*) FROM inspection_recommendation r WHERE r.session_id = s.id)`.as(
        'recommendation_count',
      ),
    ])
    .where(inSubtree('u.path', actor));
  if (filter.completedOnly) query = query.where('s.status', '=', 'completed');
  if (filter.planId) query = query.where('s.plan_id', '=', filter.planId);
  if (filter.unitPath) query = query.where(sql<boolean>`u.path <@ ${filter.unitPath}::ltree`);
  if (filter.year !== undefined) query = query.where('p.plan_year', '=', filter.year);
  if (filter.status) query = query.where('s.status', '=', filter.status);
  const after = filter.after;
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('s.held_on', '<', after.heldOn),
        eb.and([eb('s.held_on', '=', after.heldOn), eb('s.id', '<', after.id)]),
      ]),
    );
  return query.orderBy('s.held_on', 'desc').orderBy('s.id', 'desc').limit(filter.limit).execute();
}

export async function insertSession(
  tx: Transaction<DB>,
  values: {
    plan_id: string;
    unit_id: number;
    template_id: string;
    questions: ChecklistQuestion[];
    held_on: string;
    created_by: string;
  },
): Promise<string> {
  const row = await tx
    .insertInto('inspection_session')
    .values({ ...values, questions: JSON.stringify(values.questions), updated_by: values.created_by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateSession(
  tx: Transaction<DB>,
  id: string,
  version: number,
  set: {
    held_on?: string;
    summary?: string | null;
    conclusion?: string | null;
    status?: 'completed';
    score?: number;
    max_score?: number;
    completed_at?: Date;
    updated_by: string;
  },
): Promise<boolean> {
  const result = await tx
    .updateTable('inspection_session')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function listAnswers(exec: Exec, sessionId: string) {
  return exec
    .selectFrom('inspection_answer')
    .select(['question_id', 'value', 'note'])
    .where('session_id', '=', sessionId)
    .orderBy('question_id')
    .execute();
}

/** Upserts the answers given (a null value removes the answer). */
export async function saveAnswers(
  tx: Transaction<DB>,
  sessionId: string,
  answers: { questionId: string; value: unknown; note: string | null }[],
): Promise<void> {
  const cleared = answers.filter((a) => a.value === null).map((a) => a.questionId);
  if (cleared.length > 0)
    await tx
      .deleteFrom('inspection_answer')
      .where('session_id', '=', sessionId)
      .where('question_id', 'in', cleared)
      .execute();
  const kept = answers.filter((a) => a.value !== null);
  if (kept.length === 0) return;
  await tx
    .insertInto('inspection_answer')
    .values(
      kept.map((a) => ({
        session_id: sessionId,
        question_id: a.questionId,
        value: JSON.stringify(a.value),
        note: a.note,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['session_id', 'question_id']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        note: eb.ref('excluded.note'),
      })),
    )
    .execute();
}

export function listFindings(exec: Exec, sessionId: string) {
  return exec
    .selectFrom('inspection_finding')
    .select(['id', 'seq', 'question_id', 'severity', 'text'])
    .where('session_id', '=', sessionId)
    .orderBy('seq')
    .execute();
}

/**
 * Replaces the findings: those with an id are updated, new ones inserted, missing ones removed
 * (a recommendation that pointed to a removed finding keeps its text, without the link).
 */
export async function saveFindings(
  tx: Transaction<DB>,
  sessionId: string,
  findings: {
    id?: string | undefined;
    questionId: string | null;
    severity: 'good' | 'minor' | 'major';
    text: string;
  }[],
): Promise<void> {
  const keep = findings.map((f) => f.id).filter((id): id is string => Boolean(id));
  let removal = tx.deleteFrom('inspection_finding').where('session_id', '=', sessionId);
  if (keep.length > 0) removal = removal.where('id', 'not in', keep);
  await removal.execute();
  for (const [i, f] of findings.entries()) {
    const values = { seq: i + 1, question_id: f.questionId, severity: f.severity, text: f.text };
    if (f.id) await tx.updateTable('inspection_finding').set(values).where('id', '=', f.id).execute();
    else
      await tx
        .insertInto('inspection_finding')
        .values({ ...values, session_id: sessionId })
        .execute();
  }
}

// ---------------------------------------------------------------- evidence

export type EvidenceRow = {
  id: string;
  session_id: string | null;
  recommendation_id: string | null;
  question_id: string | null;
  caption: string | null;
  file: StoredFileRow;
};

function evidence(exec: Exec) {
  return exec
    .selectFrom('inspection_evidence as e')
    .innerJoin('stored_file as f', 'f.id', 'e.file_id')
    .select([
      'e.id',
      'e.session_id',
      'e.recommendation_id',
      'e.question_id',
      'e.caption',
      'f.id as file_id',
      'f.file_name',
      'f.content_type',
      'f.size_bytes',
      'f.sha256',
      'f.created_at',
    ]);
}

type EvidenceSelect = Awaited<ReturnType<ReturnType<typeof evidence>['executeTakeFirstOrThrow']>>;
const toEvidenceRow = (r: EvidenceSelect): EvidenceRow => ({
  id: r.id,
  session_id: r.session_id,
  recommendation_id: r.recommendation_id,
  question_id: r.question_id,
  caption: r.caption,
  file: {
    id: r.file_id,
    file_name: r.file_name,
    content_type: r.content_type,
    size_bytes: Number(r.size_bytes),
    sha256: r.sha256,
    created_at: r.created_at,
  },
});

/** Evidence of a session's answers, or of recommendations (`by: 'recommendation'`). */
export async function listEvidence(
  exec: Exec,
  by: 'session' | 'recommendation',
  ids: string[],
): Promise<EvidenceRow[]> {
  if (ids.length === 0) return [];
  const rows = await evidence(exec)
    .where(by === 'session' ? 'e.session_id' : 'e.recommendation_id', 'in', ids)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
  return rows.map(toEvidenceRow);
}

export async function findEvidence(exec: Exec, id: string): Promise<EvidenceRow | undefined> {
  const row = await evidence(exec).where('e.id', '=', id).executeTakeFirst();
  return row && toEvidenceRow(row);
}

export async function insertEvidence(
  tx: Transaction<DB>,
  values: {
    session_id: string;
    question_id: string | null;
    caption: string | null;
    file_id: string;
    created_by: string;
  },
): Promise<string> {
  const row = await tx
    .insertInto('inspection_evidence')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteEvidence(tx: Transaction<DB>, id: string): Promise<void> {
  await tx.deleteFrom('inspection_evidence').where('id', '=', id).execute();
}

/** The units of a recommendation and of its session (for reading recommendation evidence). */
export function findRecommendationScope(exec: Exec, id: string) {
  return exec
    .selectFrom('inspection_recommendation as r')
    .innerJoin('admin_unit as ru', 'ru.id', 'r.unit_id')
    .innerJoin('inspection_session as s', 's.id', 'r.session_id')
    .innerJoin('admin_unit as su', 'su.id', 's.unit_id')
    .select(['ru.path as unit_path', 'su.path as session_unit_path'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}
