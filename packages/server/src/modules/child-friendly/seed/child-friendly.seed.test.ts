import { CfCatalogue, defaultCfCatalogue, scoreAssessment, vnDateOf } from '@tuoitho/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFor, createTestApp, openTestDatabase, type TestEnv } from '../../../../test/harness';
import { verifyAuditChain } from '../../../platform/audit/audit';
import type { Database } from '../../../platform/db/database';
import { ensureCfCatalogue } from '../child-friendly.catalogue';
import { scoreOf } from '../child-friendly.views';
import { type DemoChildFriendlyResult, seedDemoChildFriendly } from './child-friendly.seed';
import { entriesOf, planDemoAssessments } from './demo-assessments';

/** A fixed "now" (Saturday 28/11/2026, 10:00 in Viet Nam) so the test does not depend on the day. */
const NOW = new Date('2026-11-28T03:00:00Z');
const TODAY = vnDateOf(NOW);

describe('demo child-friendly plan (pure)', () => {
  it.each(['2026-11-28', '2026-01-03', '2027-05-20'])(
    'on %s: the intended outcomes, nothing after today',
    (today) => {
      const planned = planDemoAssessments({ seed: 2019, today, catalogue: defaultCfCatalogue });
      for (const a of planned) {
        const score = scoreAssessment(defaultCfCatalogue, entriesOf(a.values), a.category);
        expect(score).toEqual(a.score);
        if (a.status === 'recognised') expect(a.score.passed).toBe(true);
        if (a.outcome === 'zero')
          expect(a.score.failures).toEqual([{ reason: 'criterion_zero', criterion: expect.any(Number) }]);
        if (a.outcome === 'below')
          expect(a.score.failures).toEqual([{ reason: 'total_below_threshold', criterion: null }]);
        for (const e of a.events) expect(e.on <= today).toBe(true);
        if (a.decisionDate) expect(a.decisionDate <= today).toBe(true);
      }
      const year = Number(today.slice(0, 4));
      expect(planned.find((a) => a.unitCode === '14812' && a.year === year)?.status).toBe('draft');
      expect(planDemoAssessments({ seed: 2019, today, catalogue: defaultCfCatalogue })).toEqual(planned);
    },
  );
});

let env: TestEnv;
let result: DemoChildFriendlyResult;

type Row = { code: string; year: number; status: string; total: number; threshold: number; passed: boolean };

async function rowsOf(db: Database) {
  const { rows } = await sql<Row & { decision_number: string | null; decision_date: string | null }>`
    SELECT u.code, a.year, a.status, a.total::float AS total, a.threshold, a.passed, a.decision_number,
      a.decision_date::text AS decision_date
    FROM cf_assessment a JOIN admin_unit u ON u.id = a.unit_id ORDER BY u.code, a.year`.execute(db.db);
  return rows.map((r) => ({ ...r, total: Number(r.total) }));
}

beforeAll(async () => {
  env = await createTestApp();
  await ensureCfCatalogue(env.database.db);
  result = await seedDemoChildFriendly({ db: env.database.db }, { now: NOW });
}, 120_000);
afterAll(() => env?.close());

describe('demo child-friendly assessments (database)', () => {
  it('covers the demo wards and other communes 2019–2026 in every workflow state', async () => {
    expect(result).toMatchObject({ skipped: false, categories: 1 });
    const rows = await rowsOf(env.database);
    expect(rows).toHaveLength(result.assessments);
    expect(new Set(rows.map((r) => r.code)).size).toBeGreaterThanOrEqual(6);
    expect(Math.min(...rows.map((r) => r.year))).toBe(2019);
    expect(rows.find((r) => r.code === '14812' && r.year === 2026)?.status).toBe('draft');
    const statuses = rows.map((r) => r.status);
    expect(statuses.filter((s) => s === 'returned')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'submitted')).toHaveLength(1);
    const recognised = rows.filter((r) => r.status === 'recognised');
    expect(recognised.length).toBeGreaterThan(10);
    for (const r of recognised) {
      expect(r.passed).toBe(true);
      expect(r.decision_number).toMatch(/^\d+\/QĐ-UBND$/);
      expect(r.decision_date! <= TODAY).toBe(true);
    }
    const failing = rows.filter((r) => r.status === 'reviewed');
    expect(failing.every((r) => !r.passed)).toBe(true);
    // One failing with a criterion at 0 although its total reaches the threshold; one under it.
    expect(failing.some((r) => r.total >= r.threshold)).toBe(true);
    expect(failing.some((r) => r.total < r.threshold)).toBe(true);
    // The mountain commune passes at 800 with a total that would fail elsewhere.
    expect(rows.some((r) => r.code === '14845' && r.passed && r.threshold === 800 && r.total < 850)).toBe(
      true,
    );
  });

  it('stores the totals, thresholds and pass decisions the domain scoring gives', async () => {
    const assessments = await env.database.db.selectFrom('cf_assessment').selectAll().execute();
    const values = await env.database.db.selectFrom('cf_assessment_value').selectAll().execute();
    const stored = await env.database.db.selectFrom('cf_criterion').select('number').execute();
    expect(stored).toHaveLength(13);
    for (const a of assessments) {
      const score = scoreOf(
        a,
        values.filter((v) => v.assessment_id === a.id),
      );
      expect([Number(a.total), a.threshold, a.passed]).toEqual([score.total, score.threshold, score.passed]);
      expect(CfCatalogue.parse(a.catalogue).criteria).toHaveLength(13);
    }
  });

  it('dates nothing after now', async () => {
    const now = `'${NOW.toISOString()}'::timestamptz`;
    const { rows } = await sql<{ n: string }>`
      SELECT (SELECT count(*) FROM cf_assessment WHERE created_at > ${sql.raw(now)} OR updated_at > ${sql.raw(now)}
        OR submitted_at > ${sql.raw(now)} OR reviewed_at > ${sql.raw(now)} OR recognised_at > ${sql.raw(now)}
        OR decision_date > ${TODAY}::date)
        + (SELECT count(*) FROM cf_assessment_event WHERE at > ${sql.raw(now)})
        + (SELECT count(*) FROM cf_assessment_value WHERE updated_at > ${sql.raw(now)}) AS n`.execute(
      env.database.db,
    );
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('is read by the module: the ward edits its draft, the province compares the years', async () => {
    const { agent: ward } = await agentFor(env, {
      unitCode: '14812',
      permissions: ['childfriendly.assess'],
    });
    const list = await ward.get('/api/v1/child-friendly/assessments?year=2026');
    expect(list.statusCode).toBe(200);
    const draft = list.json().items.find((a: { year: number }) => a.year === 2026);
    const one = await ward.get(`/api/v1/child-friendly/assessments/${draft.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ status: 'draft', canEdit: true, total: one.json().score.total });

    const { agent: province } = await agentFor(env, {
      unitCode: '38',
      permissions: ['childfriendly.review'],
    });
    const comparison = await province.get(
      '/api/v1/child-friendly/comparison?unit=38&yearFrom=2019&yearTo=2026',
    );
    expect(comparison.statusCode).toBe(200);
    const cells = comparison
      .json()
      .units.flatMap(
        (u: { unitCode: string; cells: { year: number; total: number | null; status: string | null }[] }) =>
          u.cells
            .filter((c) => c.status !== null)
            .map((c) => ({ code: u.unitCode, year: c.year, total: c.total })),
      );
    const rows = await rowsOf(env.database);
    expect(cells).toHaveLength(rows.length);
    for (const c of cells)
      expect(rows.find((r) => r.code === c.code && r.year === c.year)?.total).toBe(c.total);
  });

  it('writes one audit row, and a second call adds nothing', async () => {
    const again = await seedDemoChildFriendly({ db: env.database.db }, { now: NOW });
    expect(again).toMatchObject({ skipped: true, reason: 'data_exists', assessments: 0 });
    expect(await rowsOf(env.database)).toHaveLength(result.assessments);
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'cf_assessment.seed_demo')
      .execute();
    expect(audit).toHaveLength(1);
    expect(await verifyAuditChain(env.database.db)).toMatchObject({ ok: true });
  });

  it('is deterministic: a second fresh database gets the same data', async () => {
    const second = await openTestDatabase();
    try {
      await ensureCfCatalogue(second.db);
      const { ms: _a, ...first } = result;
      const { ms: _b, ...other } = await seedDemoChildFriendly({ db: second.db }, { now: NOW });
      expect(other).toEqual(first);
      expect(await rowsOf(second)).toEqual(await rowsOf(env.database));
    } finally {
      await second.dispose();
    }
  }, 120_000);
});
