import { vietnamToday } from '@tuoitho/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv, unitByCode } from '../../../../test/harness';
import { type IndicatorScope, measureIndicator, measureIndicatorSeries } from './indicators.repo';

/**
 * The figures of programme targets computed from live data, above all "children 6–15 who swim
 * safely": attendance outcomes of swimming classes feed it for a unit and a year.
 */

let env: TestEnv;
let bimSon: Agent; // ward 14812
let quangTrung: Agent; // ward 14818
let province: Agent; // province 38
let partner: Agent; // province 38, programmes.read only
let paths: Record<'bimSon' | 'quangTrung' | 'province', string>;
let unitIds: Record<'bimSon' | 'quangTrung', number>;
let programmeId: string;
let targetId: string;
const TODAY = vietnamToday();
const children: Record<string, string> = {};

async function registerChild(agent: Agent, unitCode: string, key: string, dateOfBirth: string) {
  const res = await agent.post('/api/v1/children', {
    fullName: `Trẻ thử ${key}`,
    sex: key.charCodeAt(0) % 2 ? 'male' : 'female',
    dateOfBirth,
    unitCode,
  });
  expect(res.statusCode, res.body).toBe(201);
  children[key] = res.json().id;
}

/** `TODAY` moved by whole years and days. */
function shift(years: number, days: number): string {
  const d = new Date(`${TODAY}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function insertActivity(values: {
  unitId: number;
  kind: string;
  startsOn: string;
  endsOn: string;
  programme?: boolean;
  others?: { group: string; count: number }[];
}) {
  const row = await env.database.db
    .insertInto('activity')
    .values({
      unit_id: values.unitId,
      programme_id: values.programme === false ? null : programmeId,
      kind: values.kind,
      title: `Hoạt động ${values.kind}`,
      starts_on: values.startsOn,
      ends_on: values.endsOn,
      other_participants: JSON.stringify(values.others ?? []),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function participant(
  activityId: string,
  key: string,
  outcome: { swimSafe?: boolean; waterSafety?: boolean; completed?: boolean; assessedOn?: string } = {},
) {
  await env.database.db
    .insertInto('activity_participant')
    .values({
      activity_id: activityId,
      child_id: children[key] as string,
      swim_safe: outcome.swimSafe ?? null,
      water_safety: outcome.waterSafety ?? null,
      completed: outcome.completed ?? null,
      assessed_on: outcome.assessedOn ?? null,
    })
    .execute();
}

const measure = (code: Parameters<typeof measureIndicator>[1], scope: IndicatorScope, year: number) =>
  measureIndicator(env.database.db, code, scope, year, TODAY);

beforeAll(async () => {
  env = await createTestApp();
  const officer = ['programmes.read', 'programmes.write', 'registry.read', 'registry.write'] as const;
  ({ agent: bimSon } = await agentFor(env, { unitCode: '14812', permissions: [...officer] }));
  ({ agent: quangTrung } = await agentFor(env, { unitCode: '14818', permissions: [...officer] }));
  ({ agent: province } = await agentFor(env, {
    unitCode: '38',
    permissions: ['programmes.read', 'programmes.write', 'activities.write', 'units.read'],
  }));
  ({ agent: partner } = await agentFor(env, {
    unitCode: '38',
    permissions: ['units.read', 'programmes.read', 'activities.write'],
  }));
  const [b, q, p] = await Promise.all([
    unitByCode(env.database, '14812'),
    unitByCode(env.database, '14818'),
    unitByCode(env.database, '38'),
  ]);
  paths = { bimSon: b.path, quangTrung: q.path, province: p.path };
  unitIds = { bimSon: b.id, quangTrung: q.id };

  const created = await province.post('/api/v1/programmes', {
    kind: 'drowning_prevention',
    name: 'Chương trình phòng, chống đuối nước trẻ em tỉnh Thanh Hóa 2021–2030',
    yearFrom: 2021,
    yearTo: 2030,
    leadOrganisation: 'Sở Văn hóa, Thể thao và Du lịch',
    targets: [
      {
        indicatorCode: 'swim_safe_6_15',
        label: 'Trẻ em 6–15 tuổi biết bơi an toàn',
        value: 50,
        unitOfMeasure: '%',
        year: 2025,
      },
    ],
    budget: [
      { year: 2025, source: 'state_budget', planned: 100_000_000, spent: 40_000_000 },
      { year: 2026, source: 'state_budget', planned: 50_000_000, spent: 0 },
      { year: 2025, source: 'sponsor', planned: 20_000_000, spent: 20_000_000 },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  programmeId = created.json().id;
  targetId = created.json().targets[0].id;

  // Ages on the reference day of 2025 (31/12/2025).
  await registerChild(bimSon, '14812', 'A', '2015-03-10'); // 10, passed in July 2025
  await registerChild(bimSon, '14812', 'B', '2010-01-01'); // 15 (16 the next day), passed at the class end
  await registerChild(bimSon, '14812', 'C', '2009-12-31'); // 16 on the reference day: out
  await registerChild(bimSon, '14812', 'D', '2019-12-31'); // 6 on the reference day, failed
  await registerChild(bimSon, '14812', 'E', '2020-01-01'); // 5: out in 2025, 6 in 2026
  await registerChild(bimSon, '14812', 'F', '2014-05-05'); // passed, assessed in January 2026
  await registerChild(bimSon, '14812', 'G', '2013-02-02'); // passed, moved away in June 2025
  await registerChild(bimSon, '14812', 'H', '2012-08-08'); // passed, moved away in February 2026
  await registerChild(bimSon, '14812', 'I', '2016-06-06'); // water safety only
  await registerChild(bimSon, '14812', 'J', '2011-11-11'); // "swim safe" on a life-skills class
  await registerChild(quangTrung, '14818', 'K', '2015-01-01'); // passed, in the other ward
  const db = env.database.db;
  await db
    .updateTable('child')
    .set({ status: 'moved_away', status_changed_at: new Date('2025-06-01T09:00:00+07:00') })
    .where('id', '=', children.G as string)
    .execute();
  await db
    .updateTable('child')
    .set({ status: 'moved_away', status_changed_at: new Date('2026-02-01T09:00:00+07:00') })
    .where('id', '=', children.H as string)
    .execute();

  const swimming = await insertActivity({
    unitId: unitIds.bimSon,
    kind: 'swimming_class',
    startsOn: '2025-07-01',
    endsOn: '2025-07-25',
    others: [
      { group: 'parents', count: 12 },
      { group: 'children_unregistered', count: 5 },
    ],
  });
  await participant(swimming, 'A', { swimSafe: true, completed: true, assessedOn: '2025-07-20' });
  await participant(swimming, 'B', { swimSafe: true, completed: true });
  await participant(swimming, 'C', { swimSafe: true, assessedOn: '2025-07-20' });
  await participant(swimming, 'D', { swimSafe: false, completed: true, assessedOn: '2025-07-20' });
  await participant(swimming, 'E', { swimSafe: true });
  await participant(swimming, 'F', { swimSafe: true, assessedOn: '2026-01-10' });
  await participant(swimming, 'G', { swimSafe: true, assessedOn: '2025-05-20' });
  await participant(swimming, 'H', { swimSafe: true, assessedOn: '2025-07-20' });
  await participant(swimming, 'I', { swimSafe: false, waterSafety: true, assessedOn: '2025-07-20' });
  await db
    .insertInto('activity_budget')
    .values({ activity_id: swimming, source: 'state_budget', planned_vnd: 15_000_000, spent_vnd: 15_000_000 })
    .execute();

  const lifeSkills = await insertActivity({
    unitId: unitIds.bimSon,
    kind: 'life_skills_class',
    startsOn: '2025-08-01',
    endsOn: '2025-08-05',
  });
  await participant(lifeSkills, 'J', { swimSafe: true, completed: true, assessedOn: '2025-08-05' });

  const otherWard = await insertActivity({
    unitId: unitIds.quangTrung,
    kind: 'swimming_class',
    startsOn: '2025-07-01',
    endsOn: '2025-07-25',
  });
  await participant(otherWard, 'K', { swimSafe: true, completed: true, assessedOn: '2025-07-20' });
  await db
    .insertInto('activity_budget')
    .values({ activity_id: otherWard, source: 'state_budget', planned_vnd: 7_000_000, spent_vnd: 7_000_000 })
    .execute();

  await insertActivity({
    unitId: unitIds.bimSon,
    kind: 'officer_training',
    startsOn: '2025-03-03',
    endsOn: '2025-03-03',
    programme: false,
    others: [
      { group: 'officers', count: 20 },
      { group: 'volunteers', count: 5 },
      { group: 'parents', count: 3 },
    ],
  });
}, 120_000);
afterAll(() => env?.close());

describe('children 6–15 who swim safely (swim_safe_6_15)', () => {
  it('counts for ward 14812 in 2025 exactly: 3 of 7 children', async () => {
    // Denominator A B D F H I J: C is 16 on 31/12/2025, E is 5, G moved away before that day.
    // Numerator A (assessed July), B (class end), H (moved away after the reference day).
    expect(await measure('swim_safe_6_15', { unitPath: paths.bimSon }, 2025)).toEqual({
      value: 42.9,
      numerator: 3,
      denominator: 7,
    });
  });

  it('counts a child assessed in 2026 for 2026 and not for 2025', async () => {
    // F passed on 10/01/2026: not in the 3 of 2025.
    expect((await measure('swim_safe_6_15', { unitPath: paths.bimSon }, 2025)).numerator).toBe(3);
    // 2026: B has turned 16, H has moved away, E is 6 and passed at the 2025 class: A E F of A D E F I J.
    expect(await measure('swim_safe_6_15', { unitPath: paths.bimSon }, 2026)).toEqual({
      value: 50,
      numerator: 3,
      denominator: 6,
    });
    await env.database.db
      .updateTable('activity_participant')
      .set({ assessed_on: '2025-12-31' })
      .where('child_id', '=', children.F as string)
      .execute();
    try {
      const moved = await measure('swim_safe_6_15', { unitPath: paths.bimSon }, 2025);
      expect(moved).toEqual({ value: 57.1, numerator: 4, denominator: 7 });
    } finally {
      await env.database.db
        .updateTable('activity_participant')
        .set({ assessed_on: '2026-01-10' })
        .where('child_id', '=', children.F as string)
        .execute();
    }
  });

  it('counts a child of ward 14818 for the province and not for 14812', async () => {
    expect(await measure('swim_safe_6_15', { unitPath: paths.quangTrung }, 2025)).toEqual({
      value: 100,
      numerator: 1,
      denominator: 1,
    });
    expect(await measure('swim_safe_6_15', { unitPath: paths.province }, 2025)).toEqual({
      value: 50,
      numerator: 4,
      denominator: 8,
    });
  });

  it('ignores a child merged into another record', async () => {
    await env.database.db
      .updateTable('child')
      .set({ merged_into: children.A as string })
      .where('id', '=', children.D as string)
      .execute();
    try {
      expect(await measure('swim_safe_6_15', { unitPath: paths.bimSon }, 2025)).toMatchObject({
        numerator: 3,
        denominator: 6,
      });
    } finally {
      await env.database.db
        .updateTable('child')
        .set({ merged_into: null })
        .where('id', '=', children.D as string)
        .execute();
    }
  });

  it('has no value for a year that has not begun', async () => {
    const next = Number(TODAY.slice(0, 4)) + 1;
    expect(await measure('swim_safe_6_15', { unitPath: paths.bimSon }, next)).toEqual({
      value: null,
      numerator: null,
      denominator: null,
    });
  });

  it('measures the yearly series in one query with the same result as year by year', async () => {
    const years = [2023, 2024, 2025, 2026, Number(TODAY.slice(0, 4)) + 1];
    for (const code of ['swim_safe_6_15', 'water_safety_6_15'] as const) {
      for (const unitPath of [paths.bimSon, paths.province]) {
        const series = await measureIndicatorSeries(env.database.db, code, { unitPath }, years, TODAY);
        const oneByOne = [];
        for (const year of years) oneByOne.push({ year, value: await measure(code, { unitPath }, year) });
        expect(series).toEqual(oneByOne);
      }
    }
  });

  it('counts water-safety skills or safe swimming for water_safety_6_15', async () => {
    expect(await measure('water_safety_6_15', { unitPath: paths.bimSon }, 2025)).toEqual({
      value: 57.1,
      numerator: 4,
      denominator: 7,
    });
  });
});

describe('GET /api/v1/programme-indicators', () => {
  it('answers one figure for a unit of the caller’s subtree', async () => {
    const res = await partner.get('/api/v1/programme-indicators?code=swim_safe_6_15&unit=14812&year=2025');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      code: 'swim_safe_6_15',
      unitCode: '14812',
      unitName: expect.any(String),
      year: 2025,
      asOf: '2025-12-31',
      value: 42.9,
      numerator: 3,
      denominator: 7,
    });
    const own = (await bimSon.get('/api/v1/programme-indicators?code=swim_safe_6_15&year=2025')).json();
    expect(own).toMatchObject({ unitCode: '14812', value: 42.9 });
    expect((await bimSon.get('/api/v1/programme-indicators?code=swim_safe_6_15&unit=14818')).statusCode).toBe(
      403,
    );
    expect((await bimSon.get('/api/v1/programme-indicators?code=unknown')).statusCode).toBe(400);
  });
});

describe('the progress of a programme', () => {
  it('reports the swim-safe target of 50 % in 2025: not met in ward 14812, met for the province', async () => {
    const ward = await bimSon.get(`/api/v1/programmes/${programmeId}/progress`);
    expect(ward.statusCode, ward.body).toBe(200);
    const wardProgress = ward.json();
    // The ward officer does not cover the province: measured for their own ward.
    expect(wardProgress.unitCode).toBe('14812');
    expect(wardProgress.targets).toHaveLength(1);
    expect(wardProgress.targets[0]).toMatchObject({
      targetId,
      indicatorCode: 'swim_safe_6_15',
      target: 50,
      year: 2025,
      measuredYear: 2025,
      value: 42.9,
      numerator: 3,
      denominator: 7,
      status: 'not_met',
      achievement: 85.8,
      source: 'computed',
    });
    const series = wardProgress.targets[0].series as { year: number; value: number | null }[];
    expect(series.find((s) => s.year === 2025)?.value).toBe(42.9);
    expect(series.find((s) => s.year === 2026)?.value).toBe(50);
    // 2021: the children then 6–15 (A B C F G H J) had not yet passed any test.
    expect(series[0]).toEqual({ year: 2021, value: 0 });

    const whole = await province.get(`/api/v1/programmes/${programmeId}/progress`);
    expect(whole.statusCode, whole.body).toBe(200);
    expect(whole.json().unitCode).toBe('38');
    expect(whole.json().targets[0]).toMatchObject({
      value: 50,
      numerator: 4,
      denominator: 8,
      status: 'met',
      achievement: 100,
    });

    // The partner of the province measures a ward of its subtree.
    const byPartner = await partner.get(`/api/v1/programmes/${programmeId}/progress?unit=14812`);
    expect(byPartner.statusCode, byPartner.body).toBe(200);
    expect(byPartner.json().targets[0]).toMatchObject({ value: 42.9, status: 'not_met' });
  });

  it('sums the budget by source and the activities of the measured subtree', async () => {
    const ward = (await bimSon.get(`/api/v1/programmes/${programmeId}/progress`)).json();
    expect(ward.budget).toEqual([
      { source: 'state_budget', planned: 150_000_000, spent: 40_000_000, spentInActivities: 15_000_000 },
      { source: 'mobilised', planned: 0, spent: 0, spentInActivities: 0 },
      { source: 'sponsor', planned: 20_000_000, spent: 20_000_000, spentInActivities: 0 },
    ]);
    // The officer training is not of the programme.
    expect(ward.activities).toEqual({
      count: 2,
      byKind: [
        { kind: 'life_skills_class', count: 1 },
        { kind: 'swimming_class', count: 1 },
      ],
      namedChildren: 10,
      otherParticipants: 17,
      completed: 4,
      swimSafe: 7,
    });
    const whole = (await province.get(`/api/v1/programmes/${programmeId}/progress`)).json();
    expect(whole.budget[0].spentInActivities).toBe(22_000_000);
    expect(whole.activities).toMatchObject({ count: 3, namedChildren: 11, completed: 5, swimSafe: 8 });
  });

  it('measures only units in the caller’s subtree', async () => {
    const res = await bimSon.get(`/api/v1/programmes/${programmeId}/progress?unit=14818`);
    expect(res.statusCode).toBe(403);
    const above = await bimSon.get(`/api/v1/programmes/${programmeId}/progress?unit=38`);
    expect(above.statusCode).toBe(403);
    const unknown = await bimSon.get(`/api/v1/programmes/${programmeId}/progress?unit=99999`);
    expect(unknown.statusCode).toBe(422);
  });

  it('hides the progress of a programme outside what the caller reads', async () => {
    const local = await bimSon.post('/api/v1/programmes', {
      kind: 'other',
      name: 'Kế hoạch riêng của phường Bỉm Sơn',
      yearFrom: 2025,
      yearTo: 2025,
      leadOrganisation: 'UBND phường Bỉm Sơn',
    });
    expect(local.statusCode, local.body).toBe(201);
    const res = await quangTrung.get(`/api/v1/programmes/${local.json().id}/progress`);
    expect(res.statusCode).toBe(404);
  });

  it('reports a target followed by hand with its note', async () => {
    const current = (await province.get(`/api/v1/programmes/${programmeId}`)).json();
    const update = await province.put(`/api/v1/programmes/${programmeId}`, {
      ...current,
      unitCodes: [],
      documentIds: [],
      targets: [
        ...current.targets,
        {
          indicatorCode: null,
          label: 'Xã, phường có câu lạc bộ bơi',
          value: 30,
          unitOfMeasure: 'xã',
          year: 2030,
          manualValue: 12,
          manualNote: 'Báo cáo của Sở VHTTDL tháng 6/2026',
        },
      ],
    });
    expect(update.statusCode, update.body).toBe(200);
    const progress = (await province.get(`/api/v1/programmes/${programmeId}/progress`)).json();
    expect(progress.targets[1]).toMatchObject({
      source: 'manual',
      value: 12,
      status: 'not_met',
      achievement: 40,
      measuredYear: Number(TODAY.slice(0, 4)),
      note: 'Báo cáo của Sở VHTTDL tháng 6/2026',
      numerator: null,
      denominator: null,
    });
  });
});

describe('the other indicators', () => {
  const programmeScope = () => ({ unitPath: paths.bimSon, programmeId });

  it('counts the activities of the programme (or of the unit) in the year', async () => {
    expect((await measure('activities_held', programmeScope(), 2025)).value).toBe(2);
    expect((await measure('activities_held', { unitPath: paths.bimSon }, 2025)).value).toBe(3);
    expect((await measure('activities_held', { unitPath: paths.province, programmeId }, 2025)).value).toBe(3);
    expect((await measure('activities_held', programmeScope(), 2024)).value).toBe(0);
    // Participations: 9 named children in the swimming class, 1 in life skills, 5 others counted.
    expect((await measure('children_reached', programmeScope(), 2025)).value).toBe(15);
    expect((await measure('life_skills_completed', programmeScope(), 2025)).value).toBe(1);
    expect((await measure('officers_trained', { unitPath: paths.bimSon }, 2025)).value).toBe(25);
    expect((await measure('officers_trained', programmeScope(), 2025)).value).toBe(0);
  });

  it('counts drowning deaths and injuries by the Vietnamese calendar year', async () => {
    const incident = (unitId: number, occurredAt: string, cause: string, outcome: string) => ({
      unit_id: unitId,
      occurred_at: occurredAt,
      cause,
      place_type: cause === 'drowning' ? 'river' : 'road',
      age: 9,
      outcome,
    });
    await env.database.db
      .insertInto('incident')
      .values([
        incident(unitIds.bimSon, '2025-06-15T15:00:00+07:00', 'drowning', 'death'),
        // 1 January 2025 at 01:00 in Vietnam, still 2024 in UTC.
        incident(unitIds.bimSon, '2024-12-31T18:00:00Z', 'drowning', 'death'),
        incident(unitIds.bimSon, '2024-12-31T20:00:00+07:00', 'drowning', 'death'),
        incident(unitIds.bimSon, '2025-07-01T10:00:00+07:00', 'drowning', 'serious_injury'),
        incident(unitIds.bimSon, '2025-08-01T10:00:00+07:00', 'traffic', 'death'),
        incident(unitIds.quangTrung, '2025-06-20T10:00:00+07:00', 'drowning', 'death'),
      ])
      .execute();
    expect((await measure('drowning_deaths', { unitPath: paths.bimSon }, 2025)).value).toBe(2);
    expect((await measure('drowning_deaths', { unitPath: paths.bimSon }, 2024)).value).toBe(1);
    expect((await measure('drowning_deaths', { unitPath: paths.province }, 2025)).value).toBe(3);
    expect((await measure('child_injuries', { unitPath: paths.bimSon }, 2025)).value).toBe(4);
    expect(
      await measure('drowning_deaths_change', { unitPath: paths.bimSon, baselineYear: 2024 }, 2025),
    ).toEqual({ value: 100, numerator: 2, denominator: 1 });
    expect((await measure('drowning_deaths_change', { unitPath: paths.bimSon }, 2025)).value).toBeNull();
    expect(
      (await measure('drowning_deaths_change', { unitPath: paths.bimSon, baselineYear: 2023 }, 2025)).value,
    ).toBeNull();
  });

  it('counts communes with a play place in use, this year only', async () => {
    const facility = (unitId: number, kind: string, condition: string) => ({
      unit_id: unitId,
      kind,
      name: `Thiết chế ${kind}`,
      condition,
    });
    await env.database.db
      .insertInto('facility')
      .values([
        facility(unitIds.bimSon, 'playground', 'good'),
        facility(unitIds.quangTrung, 'school', 'good'),
        facility(unitIds.quangTrung, 'swimming_pool', 'not_in_use'),
      ])
      .execute();
    const year = Number(TODAY.slice(0, 4));
    expect(await measure('communes_with_play_facility', { unitPath: paths.bimSon }, year)).toEqual({
      value: 100,
      numerator: 1,
      denominator: 1,
    });
    expect(await measure('communes_with_play_facility', { unitPath: paths.quangTrung }, year)).toEqual({
      value: 0,
      numerator: 0,
      denominator: 1,
    });
    const communes = await env.database.db
      .selectFrom('admin_unit')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('province_code', '=', '38')
      .where('level', '=', 'commune')
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(communes.n)).toBeGreaterThan(2);
    expect(await measure('communes_with_play_facility', { unitPath: paths.province }, year)).toMatchObject({
      numerator: 1,
      denominator: Number(communes.n),
    });
    expect(
      (await measure('communes_with_play_facility', { unitPath: paths.bimSon }, year - 1)).value,
    ).toBeNull();
  });

  it('counts 5-year-olds in preschool or school today', async () => {
    await registerChild(bimSon, '14812', 'P', shift(-5, -30));
    await registerChild(bimSon, '14812', 'Q', shift(-6, 30));
    await registerChild(bimSon, '14812', 'R', shift(-4, -30)); // 4 years old
    const education = (key: string, status: string) =>
      env.database.db
        .updateTable('child')
        .set({ education: JSON.stringify({ enrolmentStatus: status }) })
        .where('id', '=', children[key] as string)
        .execute();
    await education('P', 'preschool');
    await education('R', 'preschool');
    const year = Number(TODAY.slice(0, 4));
    expect(await measure('preschool_5y', { unitPath: paths.bimSon }, year)).toEqual({
      value: 50,
      numerator: 1,
      denominator: 2,
    });
    expect((await measure('preschool_5y', { unitPath: paths.bimSon }, year - 1)).value).toBeNull();
  });

  it('sums the reach of the year’s communication', async () => {
    await env.database.db
      .insertInto('communication')
      .values([
        {
          unit_id: unitIds.bimSon,
          held_on: '2025-05-10',
          channel: 'loudspeaker',
          audience: 'community',
          title: 'Phòng chống đuối nước mùa hè',
          reach_count: 300,
        },
        {
          unit_id: unitIds.quangTrung,
          held_on: '2025-05-12',
          channel: 'meeting',
          audience: 'parents',
          title: 'Họp phụ huynh',
          reach_count: 200,
        },
        {
          unit_id: unitIds.bimSon,
          held_on: '2024-05-10',
          channel: 'meeting',
          audience: 'parents',
          title: 'Họp phụ huynh 2024',
          reach_count: 50,
        },
      ])
      .execute();
    expect((await measure('communication_reach', { unitPath: paths.bimSon }, 2025)).value).toBe(300);
    expect((await measure('communication_reach', { unitPath: paths.province }, 2025)).value).toBe(500);
  });
});
