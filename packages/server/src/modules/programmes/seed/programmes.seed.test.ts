import { birthRangeForAges, percentOf, referenceDateOfYear, vnDateOf } from '@tuoitho/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/harness';
import { verifyAuditChain } from '../../../platform/audit/audit';
import type { Database } from '../../../platform/db/database';
import { seedDemoChildren } from '../../children/children.seed';
import { type DemoProgrammesResult, seedDemoProgrammes } from './programmes.seed';

/** A fixed "now" (Saturday 28/11/2026, 10:00 in Viet Nam) so the test does not depend on the day. */
const NOW = new Date('2026-11-28T03:00:00Z');
const TODAY = vnDateOf(NOW);

type TestDatabase = Database & { dispose(): Promise<void> };
let database: TestDatabase;
let result: DemoProgrammesResult;

/** A fresh database with the full demo registry (9,000 + 5,000 children) and the demo programmes. */
async function seededDatabase() {
  const db = await openTestDatabase();
  await seedDemoChildren({ db: db.db }, { referenceDate: TODAY });
  const seeded = await seedDemoProgrammes({ db: db.db }, { now: NOW });
  return { db, seeded };
}

async function unitId(code: string) {
  const row = await database.db
    .selectFrom('admin_unit')
    .select('id')
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * "Children 6–15 who swim safely" of a ward at the end of a year, as the contract defines it:
 * registry children of the ward aged 6 to under 16 on the reference day who had not left or died
 * before it; of them, those with a passed safe-swimming test assessed by that day.
 */
async function swimSafeShare(db: TestDatabase, wardCode: string, year: number) {
  const at = referenceDateOfYear(year, TODAY);
  const { bornAfter, bornOnOrBefore } = birthRangeForAges(at, 6, 16);
  const { rows } = await sql<{ den: string; num: string }>`
    WITH cohort AS (
      SELECT c.id FROM child c JOIN admin_unit u ON u.id = c.unit_id
      WHERE u.code = ${wardCode} AND u.valid_to IS NULL AND c.merged_into IS NULL
        AND c.birth_reference_date > ${bornAfter}::date AND c.birth_reference_date <= ${bornOnOrBefore}::date
        AND NOT (c.status IN ('moved_away', 'deceased') AND c.status_changed_at < ${at}::date))
    SELECT (SELECT count(*) FROM cohort) AS den,
      (SELECT count(*) FROM cohort k WHERE EXISTS (
        SELECT 1 FROM activity_participant ap JOIN activity a ON a.id = ap.activity_id
        WHERE ap.child_id = k.id AND a.kind = 'swimming_class' AND ap.swim_safe
          AND coalesce(ap.assessed_on, a.ends_on) <= ${at}::date)) AS num`.execute(db.db);
  const den = Number(rows[0]!.den);
  const num = Number(rows[0]!.num);
  return { num, den, value: percentOf(num, den) };
}

async function countOf(db: TestDatabase, query: string) {
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM (${sql.raw(query)}) q`.execute(db.db);
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  const first = await seededDatabase();
  database = first.db;
  result = first.seeded;
}, 300_000);
afterAll(() => database?.dispose());

describe('demo programmes', () => {
  it('fills every part of the module for 2013–2026', async () => {
    expect(result).toMatchObject({ skipped: false });
    // 6 national documents, 14 + 2 province plans, 3 per ward and year.
    expect(result.documents).toBe(6 + 14 + 2 + 2 * 14 * 3);
    // 2 province programmes; per ward 14 Action Months and 3 multi-year programmes.
    expect(result.programmes).toBe(2 + 2 * (14 + 3));
    expect(result.swimmingClasses).toBeGreaterThanOrEqual(2 * (8 + 6 * 2));
    expect(result.swimmingClasses).toBeLessThanOrEqual(2 * (8 + 6 * 3));
    expect(result.activities).toBeGreaterThan(200);
    expect(result.participants).toBeGreaterThan(1000);
    expect(result.attendance).toBeGreaterThan(5000);
    expect(result.communications).toBeGreaterThan(200);
    expect(result.movements).toBe(1);
    expect(result.movementParticipations).toBe(2 * 14);
    expect(result.incidents).toBeGreaterThanOrEqual(2 * 14 * 2 + 2);
    expect(result.incidents).toBeLessThanOrEqual(2 * 14 * 6 + 2);
    expect(result.facilities).toBeGreaterThan(60);

    const counts = await database.db
      .selectFrom('activity')
      .select(['kind', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('kind')
      .execute();
    expect(new Set(counts.map((c) => c.kind))).toEqual(
      new Set([
        'swimming_class',
        'festival',
        'gift_giving',
        'communication_event',
        'life_skills_class',
        'officer_training',
        'recreation',
      ]),
    );
    const years = await sql<{ y: number }>`
      SELECT DISTINCT extract(year FROM starts_on)::int AS y FROM activity ORDER BY 1`.execute(database.db);
    expect(years.rows.map((r) => r.y)).toEqual(Array.from({ length: 14 }, (_, i) => 2013 + i));
    expect(await countOf(database, `SELECT 1 FROM activity WHERE starts_on > '${TODAY}'`)).toBe(0);
    expect(await countOf(database, `SELECT 1 FROM communication WHERE held_on > '${TODAY}'`)).toBe(0);
    expect(await countOf(database, `SELECT 1 FROM plan_document WHERE issued_on > '${TODAY}'`)).toBe(0);
  });

  it('has the programmes and targets of the brief, linked to documents, units and activities', async () => {
    const drowning = await database.db
      .selectFrom('programme')
      .selectAll()
      .where('kind', '=', 'drowning_prevention')
      .executeTakeFirstOrThrow();
    expect(drowning).toMatchObject({
      unit_id: await unitId('38'),
      year_from: 2021,
      year_to: 2030,
      lead_organisation: 'Sở Y tế',
    });
    const targets = await database.db
      .selectFrom('programme_target')
      .select(['indicator_code', 'target_value', 'target_year', 'direction', 'baseline_year'])
      .where('programme_id', '=', drowning.id)
      .orderBy('seq')
      .execute();
    expect(targets.map((t) => [t.indicator_code, Number(t.target_value), t.target_year])).toEqual([
      ['swim_safe_6_15', 50, 2025],
      ['swim_safe_6_15', 60, 2030],
      ['water_safety_6_15', 60, 2025],
      ['water_safety_6_15', 70, 2030],
      ['drowning_deaths_change', -10, 2025],
      ['drowning_deaths_change', -20, 2030],
    ]);
    expect(
      targets
        .filter((t) => t.indicator_code === 'drowning_deaths_change')
        .every((t) => t.baseline_year === 2020),
    ).toBe(true);
    const units = await database.db
      .selectFrom('programme_unit as pu')
      .innerJoin('admin_unit as u', 'u.id', 'pu.unit_id')
      .select('u.code')
      .where('pu.programme_id', '=', drowning.id)
      .orderBy('u.code')
      .execute();
    expect(units.map((u) => u.code)).toEqual(['14812', '14818']);
    const documents = await database.db
      .selectFrom('programme_document as pd')
      .innerJoin('plan_document as d', 'd.id', 'pd.document_id')
      .select('d.number')
      .where('pd.programme_id', '=', drowning.id)
      .execute();
    expect(documents.map((d) => d.number)).toContain('3246/QĐ-BVHTTDL');
    const budget = await database.db
      .selectFrom('programme_budget')
      .select(['budget_year', 'source'])
      .where('programme_id', '=', drowning.id)
      .execute();
    expect(new Set(budget.map((b) => b.budget_year))).toEqual(new Set([2021, 2022, 2023, 2024, 2025, 2026]));
    const since2021 = await countOf(
      database,
      `SELECT 1 FROM activity WHERE kind = 'swimming_class' AND starts_on >= '2021-01-01' AND programme_id <> '${drowning.id}'`,
    );
    expect(since2021).toBe(0);

    const months = await database.db
      .selectFrom('programme as p')
      .innerJoin('admin_unit as u', 'u.id', 'p.unit_id')
      .select(['u.code', 'p.year_from', 'p.theme'])
      .where('p.kind', '=', 'action_month')
      .execute();
    expect(months).toHaveLength(28);
    expect(months.find((m) => m.code === '14812' && m.year_from === 2024)?.theme).toBe(
      'Hành động thiết thực, ưu tiên nguồn lực cho trẻ em',
    );
    expect(months.find((m) => m.code === '14818' && m.year_from === 2023)?.theme).toBeNull();
    const documentTargets = await database.db
      .selectFrom('plan_document as d')
      .innerJoin('plan_document_target as t', 't.document_id', 'd.id')
      .select(['t.indicator_code', 't.target_value', 't.target_year'])
      .where('d.number', '=', '23/QĐ-TTg')
      .where('t.indicator_code', '=', 'preschool_5y')
      .execute();
    expect(documentTargets.map((t) => [Number(t.target_value), t.target_year])).toEqual([
      [99.1, 2025],
      [99.3, 2030],
    ]);
  });

  it('puts in each swimming class only children of its ward aged 6–15 on the first day', async () => {
    const { rows } = await sql<{ total: string; wrong_ward: string; wrong_age: string }>`
      SELECT count(*) AS total,
        count(*) FILTER (WHERE c.unit_id <> a.unit_id) AS wrong_ward,
        count(*) FILTER (WHERE NOT (c.birth_reference_date > (a.starts_on - interval '16 years')::date
          AND c.birth_reference_date <= (a.starts_on - interval '6 years')::date)) AS wrong_age
      FROM activity_participant ap
      JOIN activity a ON a.id = ap.activity_id
      JOIN child c ON c.id = ap.child_id
      WHERE a.kind = 'swimming_class'`.execute(database.db);
    expect(Number(rows[0]!.total)).toBeGreaterThan(500);
    expect(Number(rows[0]!.wrong_ward)).toBe(0);
    expect(Number(rows[0]!.wrong_age)).toBe(0);
    // 8–12 sessions on consecutive weekdays in June and July.
    const classes = await sql<{ n: string; first: string; last: string; weekend: string }>`
      SELECT count(*) AS n, min(s.held_on)::text AS first, max(s.held_on)::text AS last,
        count(*) FILTER (WHERE extract(isodow FROM s.held_on) > 5) AS weekend
      FROM activity a JOIN activity_session s ON s.activity_id = a.id
      WHERE a.kind = 'swimming_class' GROUP BY a.id`.execute(database.db);
    for (const c of classes.rows) {
      expect(Number(c.n)).toBeGreaterThanOrEqual(8);
      expect(Number(c.n)).toBeLessThanOrEqual(12);
      expect(Number(c.weekend)).toBe(0);
      expect(['06', '07']).toContain(c.first.slice(5, 7));
      expect(['06', '07']).toContain(c.last.slice(5, 7));
    }
  });

  it('records attendance only for participants at sessions of the same activity, with honest outcomes', async () => {
    const strangers = await countOf(
      database,
      `SELECT 1 FROM activity_attendance t JOIN activity_session s ON s.id = t.session_id
       WHERE NOT EXISTS (SELECT 1 FROM activity_participant p WHERE p.activity_id = s.activity_id AND p.child_id = t.child_id)`,
    );
    expect(strangers).toBe(0);
    const { rows } = await sql<{
      child_id: string;
      completed: boolean | null;
      swim_safe: boolean | null;
      water_safety: boolean | null;
      assessed_on: string | null;
      last_session: string;
      held: string;
      present: string;
    }>`
      SELECT p.child_id, p.completed, p.swim_safe, p.water_safety, p.assessed_on::text,
        (SELECT max(held_on) FROM activity_session s WHERE s.activity_id = a.id)::text AS last_session,
        (SELECT count(*) FROM activity_session s WHERE s.activity_id = a.id) AS held,
        (SELECT count(*) FROM activity_attendance t JOIN activity_session s ON s.id = t.session_id
          WHERE s.activity_id = a.id AND t.child_id = p.child_id AND t.present) AS present
      FROM activity_participant p JOIN activity a ON a.id = p.activity_id
      WHERE a.kind = 'swimming_class'`.execute(database.db);
    const presentTotal = rows.reduce((n, r) => n + Number(r.present), 0);
    const heldTotal = rows.reduce((n, r) => n + Number(r.held), 0);
    const presentShare = presentTotal / heldTotal;
    expect(presentShare).toBeGreaterThan(0.85);
    expect(presentShare).toBeLessThan(0.95);
    for (const r of rows) {
      expect(r.assessed_on).toBe(r.last_session);
      if (r.completed) expect(Number(r.present) / Number(r.held)).toBeGreaterThanOrEqual(0.7);
      expect(r.water_safety).toBe(r.completed);
      if (r.swim_safe) expect(r.completed).toBe(true);
    }
    const completed = rows.filter((r) => r.completed);
    const attendedEnough = rows.filter((r) => Number(r.present) / Number(r.held) >= 0.7);
    expect(completed.length / attendedEnough.length).toBeGreaterThan(0.9);
    const swimSafeShare = completed.filter((r) => r.swim_safe).length / completed.length;
    expect(swimSafeShare).toBeGreaterThan(0.7);
    expect(swimSafeShare).toBeLessThan(0.85);
  });

  it('measures the safe-swimming share of phường Bỉm Sơn in 2025 from the outcomes', async () => {
    const share = await swimSafeShare(database, '14812', 2025);
    const other = await swimSafeShare(database, '14818', 2025);
    console.info(
      `swim_safe_6_15 2025: 14812 ${share.num}/${share.den} = ${share.value} %, 14818 ${other.num}/${other.den} = ${other.value} %`,
    );
    // The same figure from the rows, counted in JS: children passed by 31/12/2025, aged 6–15 then.
    const { bornAfter, bornOnOrBefore } = birthRangeForAges('2025-12-31', 6, 16);
    const passed = await database.db
      .selectFrom('activity_participant as ap')
      .innerJoin('activity as a', 'a.id', 'ap.activity_id')
      .innerJoin('child as c', 'c.id', 'ap.child_id')
      .select(['c.id', 'c.birth_reference_date'])
      .where('a.unit_id', '=', await unitId('14812'))
      .where('a.kind', '=', 'swimming_class')
      .where('ap.swim_safe', '=', true)
      .where('ap.assessed_on', '<=', '2025-12-31')
      .execute();
    const inCohort = new Set(
      passed
        .filter((p) => p.birth_reference_date > bornAfter && p.birth_reference_date <= bornOnOrBefore)
        .map((p) => p.id),
    );
    expect(share.num).toBe(inCohort.size);
    expect(share.den).toBeGreaterThan(4000);
    expect(share.value).toBeGreaterThan(0);
    expect(share.value).toBeLessThan(50);
  });

  it('keeps incidents in the past, drownings in the summer, and deaths unlinked', async () => {
    const incidents = await database.db
      .selectFrom('incident as i')
      .innerJoin('admin_unit as u', 'u.id', 'i.unit_id')
      .leftJoin('child as c', 'c.id', 'i.child_id')
      .select([
        'u.code',
        'i.occurred_at',
        'i.cause',
        'i.place_type',
        'i.age',
        'i.sex',
        'i.outcome',
        'i.child_id',
        'c.unit_id as child_unit',
        'i.unit_id',
        'c.birth_reference_date',
        'c.sex as child_sex',
        'c.status',
      ])
      .execute();
    expect(incidents.length).toBe(result.incidents);
    for (const i of incidents) {
      expect(new Date(i.occurred_at).getTime()).toBeLessThanOrEqual(NOW.getTime());
      if (i.outcome === 'death' && i.child_id) expect(i.status).toBe('deceased');
      if (i.child_id) {
        expect(i.child_unit).toBe(i.unit_id);
        expect(i.child_sex).toBe(i.sex);
        expect(i.birth_reference_date! <= vnDateOf(new Date(i.occurred_at))).toBe(true);
      }
    }
    expect(incidents.some((i) => i.child_id)).toBe(true);
    const drownings = incidents.filter((i) => i.cause === 'drowning');
    const summer = drownings.filter((i) => {
      const month = Number(vnDateOf(new Date(i.occurred_at)).slice(5, 7));
      return month >= 5 && month <= 8;
    });
    expect(summer.length / drownings.length).toBeGreaterThan(0.6);
    expect(drownings.every((i) => ['river', 'pond', 'lake', 'well', 'other'].includes(i.place_type))).toBe(
      true,
    );
    // The baseline year of the drowning target has deaths in each ward.
    for (const ward of ['14812', '14818']) {
      expect(
        drownings.some(
          (i) =>
            i.code === ward && i.outcome === 'death' && vnDateOf(new Date(i.occurred_at)).startsWith('2020'),
        ),
      ).toBe(true);
    }
  });

  it('gives phường Bỉm Sơn a pool and a swimming place and phường Quang Trung none', async () => {
    const rows = await database.db
      .selectFrom('facility as f')
      .innerJoin('admin_unit as u', 'u.id', 'f.unit_id')
      .select(['u.code', 'f.kind', 'f.condition'])
      .execute();
    const kinds = (code: string) => new Set(rows.filter((r) => r.code === code).map((r) => r.kind));
    expect(kinds('14812')).toEqual(
      new Set([
        'school',
        'health_station',
        'cultural_house',
        'playground',
        'library',
        'child_friendly_space',
        'swimming_pool',
        'swim_teaching_place',
      ]),
    );
    expect(kinds('14818')).toEqual(new Set(['school', 'health_station', 'cultural_house', 'playground']));
    expect(rows.filter((r) => r.kind === 'cultural_house' && r.condition === 'poor').length).toBeGreaterThan(
      0,
    );
  });

  it('writes one audit row, and a second call adds nothing', async () => {
    const again = await seedDemoProgrammes({ db: database.db }, { now: NOW });
    expect(again).toMatchObject({ skipped: true, reason: 'data_exists', activities: 0 });
    for (const [table, n] of [
      ['programme', result.programmes],
      ['plan_document', result.documents],
      ['activity', result.activities],
      ['activity_attendance', result.attendance],
      ['incident', result.incidents],
      ['facility', result.facilities],
    ] as const) {
      expect(await countOf(database, `SELECT 1 FROM ${table}`), table).toBe(n);
    }
    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'programmes.%')
      .execute();
    expect(audit).toEqual([{ action: 'programmes.seed_demo' }]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('is deterministic: a second fresh database gets the same data', async () => {
    const second = await seededDatabase();
    try {
      const { ms: _a, ...first } = result;
      const { ms: _b, ...other } = second.seeded;
      expect(other).toEqual(first);
      const titles = async (db: TestDatabase) =>
        (
          await sql<{ t: string }>`SELECT a.title || ' ' || a.starts_on::text || ' ' || count(p.child_id) AS t
            FROM activity a LEFT JOIN activity_participant p ON p.activity_id = a.id
            GROUP BY a.id ORDER BY 1`.execute(db.db)
        ).rows.map((r) => r.t);
      expect(await titles(second.db)).toEqual(await titles(database));
      expect(await swimSafeShare(second.db, '14812', 2025)).toEqual(
        await swimSafeShare(database, '14812', 2025),
      );
    } finally {
      await second.db.dispose();
    }
  }, 300_000);
});
