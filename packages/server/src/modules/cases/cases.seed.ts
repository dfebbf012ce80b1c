import { vietnamToday, vnDateOf } from '@tuoitho/domain';
import { sql } from 'kysely';
import { writeAuditInTx } from '../../platform/audit/audit';
import type { AppContext } from '../../platform/context';
import { type CaseActionValues, CasesRepo } from './cases.repo';
import { type DemoCaseUnit, type PlannedCase, planDemoCases } from './cases.seed-plan';
import { openDeadlinesOf } from './cases.service';

/** Seed of the demo cases: fixed, so every demo installation tells the same stories. */
export const DEMO_CASES_SEED = 2026;

/** The demo wards with their officer and chairman (users of `DEMO_USERS`); the first has ~60 %. */
export const DEMO_CASE_UNITS = [
  { code: '14812', officer: 'bimson.canbo', leader: 'bimson.lanhdao' },
  { code: '14818', officer: 'quangtrung.canbo', leader: 'quangtrung.lanhdao' },
] as const;

/** Action rows per INSERT statement (9 parameters each, far below the 65,535 limit). */
const ACTION_BATCH = 500;

export type DemoCasesResult = {
  created: number;
  skipped: boolean;
  /** Why nothing was created, when `skipped`. */
  reason?: 'cases_exist' | 'no_users' | 'no_children';
  ms: number;
};

/**
 * The units, users and children the demo cases are planned from; undefined with a reason when
 * the wards already have cases (the demo cases exist, or real work began) or lack users/children.
 */
export async function loadDemoCaseUnits(
  db: AppContext['db'],
  today: string,
  opts: { ignoreExisting?: boolean } = {},
): Promise<
  { units: (DemoCaseUnit & { id: number })[] } | { reason: NonNullable<DemoCasesResult['reason']> }
> {
  const unitRows = await db
    .selectFrom('admin_unit')
    .select(['id', 'code', 'full_name'])
    .where(
      'code',
      'in',
      DEMO_CASE_UNITS.map((u) => u.code),
    )
    .where(
      sql<boolean>`(valid_from IS NULL OR valid_from <= ${today}::date) AND (valid_to IS NULL OR valid_to >= ${today}::date)`,
    )
    .execute();
  if (unitRows.length < DEMO_CASE_UNITS.length) return { reason: 'no_users' };
  const existing = await db
    .selectFrom('child_case')
    .select('id')
    .where(
      'unit_id',
      'in',
      unitRows.map((u) => u.id),
    )
    .limit(1)
    .executeTakeFirst();
  if (existing && !opts.ignoreExisting) return { reason: 'cases_exist' };
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'username'])
    .where(
      'username',
      'in',
      DEMO_CASE_UNITS.flatMap((u) => [u.officer, u.leader]),
    )
    .where('is_active', '=', true)
    .execute();
  const userId = (name: string) => users.find((u) => u.username === name)?.id;
  const units: (DemoCaseUnit & { id: number })[] = [];
  for (const demo of DEMO_CASE_UNITS) {
    const unit = unitRows.find((u) => u.code === demo.code)!;
    const officerId = userId(demo.officer);
    const leaderId = userId(demo.leader);
    if (!officerId || !leaderId) return { reason: 'no_users' };
    // A stable order that does not depend on generated ids (same children → same picks).
    const children = await db
      .selectFrom('child')
      .select(['id', 'date_of_birth', 'sex'])
      .where('unit_id', '=', unit.id)
      .where('status', '=', 'active')
      .where('merged_into', 'is', null)
      .orderBy('date_of_birth')
      .orderBy('name_folded')
      .orderBy('id')
      .execute();
    if (children.length === 0) return { reason: 'no_children' };
    units.push({
      id: unit.id,
      code: demo.code,
      name: unit.full_name,
      officerId,
      leaderId,
      children: children.map((c) => ({ id: c.id, dateOfBirth: String(c.date_of_birth), sex: c.sex })),
    });
  }
  return { units };
}

/**
 * Adds about 150 demo cases (demo mode only) to phường Bỉm Sơn and phường Quang Trung, received
 * over the last eleven years up to `now`, in every state of the process: the older ones closed,
 * those of the last weeks open, some of them overdue at `now`. Narratives and action payloads are
 * encrypted with `secrets` (the running app's key). Skipped when the wards already have cases, so
 * the call is safe on every start. One audit row records the seeding (not one per action: no
 * user did these acts).
 */
export async function seedDemoCases(
  ctx: Pick<AppContext, 'db' | 'secrets'>,
  opts: { now: Date; seed?: number },
): Promise<DemoCasesResult> {
  const started = Date.now();
  const loaded = await loadDemoCaseUnits(ctx.db, vietnamToday(opts.now));
  if ('reason' in loaded)
    return { created: 0, skipped: true, reason: loaded.reason, ms: Date.now() - started };
  const seed = opts.seed ?? DEMO_CASES_SEED;
  const planned = planDemoCases({ seed, now: opts.now, units: loaded.units });
  const unitIds = new Map(loaded.units.map((u) => [u.code, u.id]));
  const repo = new CasesRepo(ctx.db);
  await ctx.db.transaction().execute(async (tx) => {
    const actions: CaseActionValues[] = [];
    for (const plan of planned) {
      actions.push(...(await insertPlannedCase(tx, repo, ctx.secrets, plan, unitIds.get(plan.unitCode)!)));
    }
    // Rows of `case_action` exactly as `CasesRepo.insertAction` writes them, many per statement:
    // one statement per action made the seed several times slower on PGlite.
    for (let i = 0; i < actions.length; i += ACTION_BATCH) {
      await tx
        .insertInto('case_action')
        .values(actions.slice(i, i + ACTION_BATCH))
        .execute();
    }
    await writeAuditInTx(
      tx,
      {},
      {
        action: 'case.seed_demo',
        entityType: 'child_case',
        entityId: null,
        after: { cases: planned.length },
        details: { seed, source: 'seed-demo', units: loaded.units.map((u) => u.code) },
      },
    );
  });
  return { created: planned.length, skipped: false, ms: Date.now() - started };
}

/** Writes the row of one planned case as the service would have; returns its action rows to insert. */
async function insertPlannedCase(
  tx: Parameters<CasesRepo['insertCase']>[0],
  repo: CasesRepo,
  secrets: AppContext['secrets'],
  plan: PlannedCase,
  unitId: number,
): Promise<CaseActionValues[]> {
  const year = Number(vnDateOf(plan.receivedAt).slice(0, 4));
  const seq = await repo.nextCaseSeq(tx, unitId, year);
  const caseId = await repo.insertCase(tx, {
    unit_id: unitId,
    child_id: plan.childId,
    case_year: year,
    case_seq: seq,
    case_number: `VV-${year}-${String(seq).padStart(4, '0')}`,
    source: plan.channel,
    concerns: plan.concerns,
    urgency: plan.urgency,
    received_at: plan.receivedAt,
    status: plan.state.status,
    protection_level: plan.state.protectionLevel,
    assigned_officer_id: plan.assigneeId,
    open_deadlines: openDeadlinesOf(plan.state),
    summary_encrypted: secrets.encrypt(plan.summary),
    reporter_encrypted: plan.reporter ? secrets.encrypt(plan.reporter) : null,
    created_by: plan.createdBy,
  });
  // The version and times the row would have after recording each action through the service.
  const first = plan.actions[0]!;
  const last = plan.actions[plan.actions.length - 1]!;
  await tx
    .updateTable('child_case')
    .set({ version: plan.actions.length, created_at: new Date(first.at), updated_at: new Date(last.at) })
    .where('id', '=', caseId)
    .execute();
  return plan.actions.map((action, index) => ({
    case_id: caseId,
    seq: index + 1,
    type: action.type,
    occurred_at: new Date(action.at),
    by_user_id: action.by.userId,
    role: action.by.role,
    payload_encrypted: secrets.encrypt(JSON.stringify(action)),
  }));
}
