import { CaseAction, type CaseState, CaseStatus, clocksAt, replayCase, vnDateOf } from '@tuoitho/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/harness';
import { prepareDatabase } from '../../app';
import { verifyAuditChain } from '../../platform/audit/audit';
import { SecretBox } from '../../platform/crypto';
import type { Database } from '../../platform/db/database';
import { seedDemoChildren } from '../children/children.seed';
import { DEMO_CASES_SEED, type DemoCasesResult, loadDemoCaseUnits, seedDemoCases } from './cases.seed';
import { planDemoCases } from './cases.seed-plan';
import { calendarAround, openDeadlinesOf } from './cases.service';

/** A fixed "now" (Saturday 28/11/2026, 10:00 in Viet Nam) so the test does not depend on the day. */
const NOW = new Date('2026-11-28T03:00:00Z');
const secrets = new SecretBox('demo-cases-test-secret-key-0123456789abcdef');
/** Fewer children than the demo's 14,000: enough for 150 cases, quick to generate. */
const SMALL_WARDS = [
  { code: '14812', count: 900 },
  { code: '14818', count: 600 },
];

let database: Database & { dispose(): Promise<void> };
let result: DemoCasesResult;
type Seeded = {
  id: string;
  number: string;
  unitCode: string;
  status: string;
  receivedAt: Date;
  openDeadlines: unknown;
  assignee: string | null;
  state: CaseState;
};
let cases: Seeded[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoChildren({ db: database.db }, { referenceDate: vnDateOf(NOW), units: SMALL_WARDS });
  result = await seedDemoCases({ db: database.db, secrets }, { now: NOW });
  const rows = await database.db
    .selectFrom('child_case as k')
    .innerJoin('admin_unit as u', 'u.id', 'k.unit_id')
    .select([
      'k.id',
      'k.case_number',
      'u.code',
      'k.status',
      'k.received_at',
      'k.open_deadlines',
      'k.assigned_officer_id',
    ])
    .orderBy('k.received_at')
    .execute();
  cases = [];
  for (const row of rows) {
    const actions = await database.db
      .selectFrom('case_action')
      .select('payload_encrypted')
      .where('case_id', '=', row.id)
      .orderBy('seq')
      .execute();
    const parsed = actions.map((a) => CaseAction.parse(JSON.parse(secrets.decrypt(a.payload_encrypted))));
    cases.push({
      id: row.id,
      number: row.case_number,
      unitCode: row.code,
      status: row.status,
      receivedAt: row.received_at,
      openDeadlines: row.open_deadlines,
      assignee: row.assigned_officer_id,
      state: replayCase(parsed, calendarAround(row.received_at)),
    });
  }
}, 180_000);
afterAll(() => database.dispose());

describe('demo cases', () => {
  it('adds about 150 cases, each a valid history whose derived columns match its replay', () => {
    console.info(`demo cases: ${result.created} in ${result.ms} ms`);
    expect(result).toMatchObject({ skipped: false });
    expect(result.created).toBeGreaterThanOrEqual(140);
    expect(result.created).toBeLessThanOrEqual(150);
    expect(cases).toHaveLength(result.created);
    for (const c of cases) {
      expect(c.state.status).toBe(c.status);
      expect(c.openDeadlines).toEqual(openDeadlinesOf(c.state));
      expect(c.state.receivedAt).toBeDefined();
      expect(Date.parse(c.state.lastActionAt)).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('has cases in every status, with overdue, due and late clocks at now', () => {
    const statuses = new Set(cases.map((c) => c.status));
    expect([...statuses].sort()).toEqual([...CaseStatus.options].sort());
    const clockStates = cases.flatMap((c) => clocksAt(c.state, NOW).map((clock) => clock.state));
    expect(clockStates).toContain('overdue');
    expect(clockStates).toContain('met_late');
    expect(clockStates).toContain('met_on_time');
    expect(clockStates).toContain('stopped');
    const open = cases.filter((c) => c.status !== 'closed');
    expect(open.every((c) => NOW.getTime() - c.receivedAt.getTime() < 240 * 86_400_000)).toBe(true);
    const removals = cases.flatMap((c) => c.state.removals);
    expect(removals.length).toBeGreaterThan(0);
    expect(removals.every((r) => /^\d+\/QĐ-UBND$/.test(r.decisionNumber))).toBe(true);
    const everyType = new Set(cases.flatMap((c) => c.state.assessments.map((a) => a.decision)));
    expect(everyType).toEqual(new Set([null, 'continue', 'replan', 'close']));
    const reasons = new Set(cases.map((c) => c.state.closure?.reason).filter(Boolean));
    expect(reasons).toEqual(expect.objectContaining(new Set(['plan_completed', 'unfounded', 'transferred'])));
    expect(cases.some((c) => c.state.reopenings.length > 0)).toBe(true);
    expect(cases.some((c) => c.state.plans.some((p) => p.rejection !== null))).toBe(true);
    expect(cases.some((c) => c.state.clocks.some((clock) => clock.extensions.length > 0))).toBe(true);
  });

  it('covers both wards (about 60 % in phường Bỉm Sơn) and every year from 2016 to 2026', () => {
    const inBimSon = cases.filter((c) => c.unitCode === '14812').length / cases.length;
    expect(inBimSon).toBeGreaterThan(0.5);
    expect(inBimSon).toBeLessThan(0.72);
    expect(cases.some((c) => c.unitCode === '14818')).toBe(true);
    const years = new Set(cases.map((c) => Number(vnDateOf(c.receivedAt).slice(0, 4))));
    expect([...years].sort()).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it('numbers cases VV-YYYY-NNNN per ward and year in the order of receipt', () => {
    const seen = new Map<string, number>();
    for (const c of cases) {
      const year = vnDateOf(c.receivedAt).slice(0, 4);
      const key = `${c.unitCode}/${year}`;
      const next = (seen.get(key) ?? 0) + 1;
      seen.set(key, next);
      expect(c.number).toBe(`VV-${year}-${String(next).padStart(4, '0')}`);
    }
  });

  it('is deterministic: the same children and now give the same plan', async () => {
    const loaded = await loadDemoCaseUnits(database.db, vnDateOf(NOW), { ignoreExisting: true });
    if (!('units' in loaded)) throw new Error(`units not loaded: ${loaded.reason}`);
    const first = planDemoCases({ seed: DEMO_CASES_SEED, now: NOW, units: loaded.units });
    const second = planDemoCases({ seed: DEMO_CASES_SEED, now: NOW, units: loaded.units });
    expect(second).toEqual(first);
    expect(first.map((p) => [p.childId, p.state.status])).toEqual(
      cases.map((c) => [c.state.childId, c.status]),
    );
    const other = planDemoCases({ seed: DEMO_CASES_SEED + 1, now: NOW, units: loaded.units });
    expect(other.map((p) => p.childId)).not.toEqual(first.map((p) => p.childId));
  });

  it('keeps narratives encrypted: no summary text in clear in the database', async () => {
    const fragment = 'ở khu phố';
    const summaries = await database.db.selectFrom('child_case').select('summary_encrypted').execute();
    expect(summaries.every((s) => secrets.decrypt(s.summary_encrypted).includes(fragment))).toBe(true);
    for (const table of ['child_case', 'case_action', 'audit_log']) {
      const rows = await sql<{
        n: string;
      }>`SELECT count(*) AS n FROM ${sql.table(table)} t WHERE t::text LIKE ${`%${fragment}%`}`.execute(
        database.db,
      );
      expect(Number(rows.rows[0]!.n), table).toBe(0);
    }
  });

  it('writes one audit row for the seed, and a second call adds nothing', async () => {
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_type', '=', 'child_case')
      .execute();
    expect(audit).toEqual([{ action: 'case.seed_demo' }]);
    const again = await seedDemoCases({ db: database.db, secrets }, { now: NOW });
    expect(again).toMatchObject({ created: 0, skipped: true, reason: 'cases_exist' });
    const count = await database.db
      .selectFrom('child_case')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(cases.length);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('is seeded by prepareDatabase only with the secrets and the demo children', async () => {
    const fresh = await openTestDatabase();
    try {
      const withoutChildren = await prepareDatabase(fresh, { demo: true, demoChildren: false, secrets });
      expect(withoutChildren.demoCases).toBeNull();
      const withoutSecrets = await prepareDatabase(fresh, { demo: false, secrets });
      expect(withoutSecrets.demoCases).toBeNull();
    } finally {
      await fresh.dispose();
    }
  });
});
