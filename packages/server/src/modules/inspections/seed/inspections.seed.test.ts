import {
  addCalendarDays,
  ChecklistQuestion,
  doneOnTime,
  RECOMMENDATION_REMINDER_DAYS,
  type RecommendationStatus,
  recommendationState,
  scoreChecklist,
  vietnamToday,
  vnDateOf,
} from '@tuoitho/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFor, createTestApp, openTestDatabase, type TestEnv } from '../../../../test/harness';
import { verifyAuditChain } from '../../../platform/audit/audit';
import type { Database } from '../../../platform/db/database';
import { HEALTH_SECTOR_FROM } from './demo-plans';
import { DEMO_TEMPLATES } from './demo-templates';
import { type DemoInspectionsResult, planDemoInspections, seedDemoInspections } from './inspections.seed';

/** A fixed "now" (Saturday 28/11/2026, 10:00 in Viet Nam) so the test does not depend on the day. */
const NOW = new Date('2026-11-28T03:00:00Z');
const TODAY = vnDateOf(NOW);

/** What the follow-up board shows of a recommendation on `today`, in the finer demo sense. */
function followUpOf(
  r: { status: RecommendationStatus; deadline: string; completedOn: string | null },
  today: string,
) {
  const state = recommendationState(r.status, r.deadline, today);
  if (state === 'done') return doneOnTime(r.deadline, r.completedOn) ? 'done_on_time' : 'done_late';
  if (state === 'overdue') return 'overdue';
  return r.deadline <= addCalendarDays(today, RECOMMENDATION_REMINDER_DAYS) ? `due_soon` : state;
}
const ALL_FOLLOW_UPS = ['done_on_time', 'done_late', 'in_progress', 'open', 'overdue', 'due_soon'];

describe('demo inspections plan (pure)', () => {
  const unitName = (code: string) => `Đơn vị ${code}`;

  it.each(['2026-11-28', '2026-01-02', '2026-07-01', '2025-06-15', '2027-03-15'])(
    'on %s: every follow-up state, nothing after today, the journey target free',
    (today) => {
      const plan = planDemoInspections({ seed: 2016, today, unitName });
      const year = Number(today.slice(0, 4));
      expect(new Set(plan.plans.map((p) => p.year))).toEqual(
        new Set(Array.from({ length: year - 2016 + 1 }, (_, i) => 2016 + i)),
      );
      expect(new Set(plan.recommendations.map((r) => followUpOf(r, today)))).toEqual(new Set(ALL_FOLLOW_UPS));
      for (const p of plan.plans) {
        expect(p.issuedOn <= today).toBe(true);
        expect(p.issuingBody === 'Sở Y tế').toBe(p.issuedOn >= HEALTH_SECTOR_FROM);
        expect(p.team.filter((m) => m.role === 'lead')).toHaveLength(1);
        expect(p.team.length).toBeGreaterThanOrEqual(3);
        expect(p.team.length).toBeLessThanOrEqual(5);
      }
      for (const s of plan.sessions) expect(s.heldOn <= today).toBe(true);
      for (const r of plan.recommendations) {
        expect(r.deadline > r.createdOn).toBe(true);
        if (r.completedOn) expect(r.completedOn <= today && r.completedOn > r.createdOn).toBe(true);
        expect(r.events[0]).toMatchObject({ kind: 'created', on: r.createdOn });
        for (const e of r.events) expect(e.on >= r.createdOn && e.on <= today).toBe(true);
        const last = r.events.filter((e) => e.kind === 'status').at(-1);
        expect(last?.toStatus ?? 'open').toBe(r.status);
        if (r.status === 'done') expect(last?.on).toBe(r.completedOn);
      }
      const current = plan.plans.filter((p) => p.year === year);
      expect(current.every((p) => p.targets.some((t) => t.unitCode === '14812'))).toBe(true);
      const currentKeys = new Set(current.map((p) => p.key));
      expect(plan.sessions.some((s) => currentKeys.has(s.planKey) && s.unitCode === '14812')).toBe(false);
    },
  );

  it('is deterministic and scores each completed session by the domain rule', () => {
    const a = planDemoInspections({ seed: 2016, today: TODAY, unitName });
    expect(planDemoInspections({ seed: 2016, today: TODAY, unitName })).toEqual(a);
    expect(planDemoInspections({ seed: 7, today: TODAY, unitName })).not.toEqual(a);
    for (const t of DEMO_TEMPLATES) {
      expect(t.questions.length).toBeGreaterThanOrEqual(8);
      expect(t.questions.length).toBeLessThanOrEqual(12);
      expect(new Set(t.questions.map((q) => q.answerType))).toEqual(
        new Set(['yes_no', 'score', 'number', 'text']),
      );
      for (const q of t.questions) expect(ChecklistQuestion.parse(q)).toEqual(q);
    }
  });
});

let env: TestEnv;
let database: Database;
let result: DemoInspectionsResult;

async function countOf(db: Database, query: string) {
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM (${sql.raw(query)}) q`.execute(db.db);
  return Number(rows[0]!.n);
}

/** The seeded content without generated ids, in a stable order. */
async function contentOf(db: Database) {
  const { rows } = await sql<{ line: string }>`
    SELECT concat_ws(' | ', p.plan_year, p.number, p.issuing_body, u.code, s.held_on, s.status, s.score,
      f.seq, f.severity, r.deadline, r.status, r.completed_on,
      (SELECT string_agg(e.kind || ':' || e.at::text, ',' ORDER BY e.at, e.kind) FROM inspection_recommendation_event e
        WHERE e.recommendation_id = r.id)) AS line
    FROM inspection_plan p JOIN inspection_plan_target t ON t.plan_id = p.id JOIN admin_unit u ON u.id = t.unit_id
    LEFT JOIN inspection_session s ON s.plan_id = p.id AND s.unit_id = t.unit_id
    LEFT JOIN inspection_finding f ON f.session_id = s.id
    LEFT JOIN inspection_recommendation r ON r.finding_id = f.id
    ORDER BY 1`.execute(db.db);
  return rows.map((r) => r.line);
}

beforeAll(async () => {
  env = await createTestApp();
  database = env.database;
  result = await seedDemoInspections({ db: database.db }, { now: NOW });
}, 120_000);
afterAll(() => env?.close());

describe('demo inspections (database)', () => {
  it('writes templates, yearly plans 2016–2026, sessions and recommendations', async () => {
    expect(result).toMatchObject({ skipped: false, templates: 2 });
    expect(result.plans).toBe(12);
    expect(result.sessions).toBeGreaterThan(30);
    expect(result.recommendations).toBeGreaterThan(40);
    const templates = await database.db.selectFrom('inspection_template').selectAll().execute();
    expect(templates.every((t) => t.is_active)).toBe(true);
    expect(new Set(templates.map((t) => t.topic))).toEqual(new Set(['policy_law', 'drowning_prevention']));
    const years = await sql<{
      y: number;
    }>`SELECT DISTINCT plan_year AS y FROM inspection_plan ORDER BY 1`.execute(database.db);
    expect(years.rows.map((r) => r.y)).toEqual(Array.from({ length: 11 }, (_, i) => 2016 + i));
  });

  it('leaves the 2026 plan without a session at ward 14812, with an active template to start one', async () => {
    const { rows } = await sql<{ code: string; session: string | null }>`
      SELECT u.code, (SELECT s.id::text FROM inspection_session s WHERE s.plan_id = p.id AND s.unit_id = t.unit_id) AS session
      FROM inspection_plan p JOIN inspection_plan_target t ON t.plan_id = p.id JOIN admin_unit u ON u.id = t.unit_id
      WHERE p.plan_year = 2026 ORDER BY u.code`.execute(database.db);
    expect(rows.find((r) => r.code === '14812')).toEqual({ code: '14812', session: null });
    expect(rows.filter((r) => r.session !== null).length).toBeGreaterThan(0);
    const issued = await database.db
      .selectFrom('inspection_plan')
      .select(['issuing_body', 'issued_on'])
      .where('plan_year', '=', 2026)
      .executeTakeFirstOrThrow();
    expect(issued.issuing_body).toBe('Sở Y tế');
  });

  it('shows every follow-up state on the board day, with responses and events', async () => {
    const recs = await database.db
      .selectFrom('inspection_recommendation as r')
      .select(['r.id', 'r.status', 'r.deadline', 'r.completed_on', 'r.response'])
      .execute();
    const states = recs.map((r) =>
      followUpOf({ status: r.status, deadline: r.deadline, completedOn: r.completed_on }, TODAY),
    );
    expect(new Set(states)).toEqual(new Set(ALL_FOLLOW_UPS));
    for (const r of recs) {
      if (r.status === 'done') expect(r.completed_on && r.response).toBeTruthy();
      else expect(r.completed_on).toBeNull();
    }
    const kinds = await sql<{
      kind: string;
    }>`SELECT DISTINCT kind FROM inspection_recommendation_event ORDER BY 1`.execute(database.db);
    expect(kinds.rows.map((k) => k.kind)).toEqual(['created', 'reminder', 'response', 'status']);
    expect(
      await countOf(
        database,
        `SELECT 1 FROM inspection_recommendation r WHERE NOT EXISTS (SELECT 1 FROM inspection_recommendation_event e
          WHERE e.recommendation_id = r.id AND e.kind = 'created')`,
      ),
    ).toBe(0);
  });

  it('dates nothing after now', async () => {
    const today = `'${TODAY}'::date`;
    const now = `'${NOW.toISOString()}'::timestamptz`;
    for (const query of [
      `SELECT 1 FROM inspection_plan WHERE issued_on > ${today} OR created_at > ${now} OR updated_at > ${now}`,
      `SELECT 1 FROM inspection_template WHERE created_at > ${now}`,
      `SELECT 1 FROM inspection_session WHERE held_on > ${today} OR completed_at > ${now} OR updated_at > ${now}`,
      `SELECT 1 FROM inspection_recommendation WHERE completed_on > ${today} OR created_at > ${now} OR updated_at > ${now}`,
      `SELECT 1 FROM inspection_recommendation_event WHERE at > ${now}`,
    ]) {
      expect(await countOf(database, query), query).toBe(0);
    }
  });

  it('addresses recommendations only to the inspected unit inside the plan issuer’s subtree', async () => {
    const outside = await countOf(
      database,
      `SELECT 1 FROM inspection_recommendation r
        JOIN inspection_session s ON s.id = r.session_id JOIN inspection_plan p ON p.id = s.plan_id
        JOIN admin_unit ru ON ru.id = r.unit_id JOIN admin_unit su ON su.id = s.unit_id JOIN admin_unit pu ON pu.id = p.unit_id
        WHERE NOT (ru.path <@ pu.path AND ru.id <> pu.id AND ru.path <@ su.path)
          OR NOT EXISTS (SELECT 1 FROM inspection_plan_target t WHERE t.plan_id = p.id AND t.unit_id = s.unit_id)`,
    );
    expect(outside).toBe(0);
  });

  it('stores the checklist score the domain computes from the stored answers', async () => {
    const sessions = await database.db
      .selectFrom('inspection_session')
      .select(['id', 'questions', 'status', 'score', 'max_score'])
      .execute();
    const answers = await database.db.selectFrom('inspection_answer').selectAll().execute();
    for (const s of sessions) {
      const questions = ChecklistQuestion.array().parse(s.questions);
      const scored = scoreChecklist(
        questions,
        new Map(answers.filter((a) => a.session_id === s.id).map((a) => [a.question_id, a.value as never])),
      );
      expect(scored.invalid).toEqual([]);
      if (s.status === 'completed') {
        expect(scored.missing).toEqual([]);
        expect([Number(s.score), Number(s.max_score)]).toEqual([scored.score, scored.maxScore]);
      } else {
        expect(s.score).toBeNull();
      }
    }
    expect(sessions.some((s) => s.status === 'draft')).toBe(true);
  });

  it('is read by the module: the 2026 plan offers Bỉm Sơn a session, the ward sees its own follow-up', async () => {
    const { agent: inspector } = await agentFor(env, {
      unitCode: '38',
      permissions: ['inspections.read', 'inspections.write'],
    });
    const plans = await inspector.get('/api/v1/inspections/plans?year=2026');
    expect(plans.statusCode).toBe(200);
    const [plan] = plans.json().items;
    expect(plan.targets.find((t: { unitCode: string }) => t.unitCode === '14812')).toMatchObject({
      sessionId: null,
    });
    const templates = await inspector.get('/api/v1/inspections/templates');
    expect(templates.json().items.filter((t: { isActive: boolean }) => t.isActive)).toHaveLength(2);
    const done = plan.targets.find((t: { sessionStatus: string | null }) => t.sessionStatus === 'completed');
    const session = await inspector.get(`/api/v1/inspections/sessions/${done.sessionId}`);
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ status: 'completed', missing: [] });

    // The board counts with the server's today (the day after NOW, or later).
    const board = await inspector.get('/api/v1/inspections/board?unit=38');
    expect(board.statusCode).toBe(200);
    const recs = await database.db
      .selectFrom('inspection_recommendation')
      .select(['status', 'deadline'])
      .execute();
    const today = vietnamToday();
    expect(board.json().totals).toMatchObject({
      total: recs.length,
      done: recs.filter((r) => r.status === 'done').length,
      overdue: recs.filter((r) => recommendationState(r.status, r.deadline, today) === 'overdue').length,
    });

    const { agent: ward } = await agentFor(env, { unitCode: '14812', permissions: ['inspections.respond'] });
    const own = await ward.get('/api/v1/inspections/recommendations?limit=200');
    expect(own.statusCode).toBe(200);
    const items = own.json().items as { unitCode: string; canRespond: boolean; status: string }[];
    expect(items.length).toBe(
      await countOf(
        database,
        `SELECT 1 FROM inspection_recommendation r JOIN admin_unit u ON u.id = r.unit_id WHERE u.code = '14812'`,
      ),
    );
    expect(items.every((r) => r.unitCode === '14812')).toBe(true);
  });

  it('writes one audit row, and a second call adds nothing', async () => {
    const again = await seedDemoInspections({ db: database.db }, { now: NOW });
    expect(again).toMatchObject({ skipped: true, reason: 'data_exists', plans: 0 });
    expect(await countOf(database, 'SELECT 1 FROM inspection_plan')).toBe(result.plans);
    expect(await countOf(database, 'SELECT 1 FROM inspection_recommendation')).toBe(result.recommendations);
    expect(await countOf(database, 'SELECT 1 FROM inspection_recommendation_event')).toBe(result.events);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'inspections.%')
      .execute();
    expect(audit).toEqual([{ action: 'inspections.seed_demo' }]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('is deterministic: a second fresh database gets the same data', async () => {
    const second = await openTestDatabase();
    try {
      const { ms: _a, ...first } = result;
      const { ms: _b, ...other } = await seedDemoInspections({ db: second.db }, { now: NOW });
      expect(other).toEqual(first);
      expect(await contentOf(second)).toEqual(await contentOf(database));
    } finally {
      await second.dispose();
    }
  }, 120_000);
});
