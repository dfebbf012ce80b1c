import { vietnamToday } from '@tuoitho/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv, unitByCode } from '../../../../test/harness';

let env: TestEnv;
let officer: Agent;
let otherOfficer: Agent;
let reader: Agent;
let province: Agent;
let provinceWriter: Agent;
let childId: string;
let otherChildId: string;
/** A third commune of Thanh Hóa, used only by the drowning view so its counts are exact. */
let drowningCommune: string;
let drowningOfficer: Agent;

const officerPermissions = ['programmes.read', 'registry.read', 'registry.write'] as const;

beforeAll(async () => {
  env = await createTestApp();
  ({ agent: officer } = await agentFor(env, { unitCode: '14812', permissions: [...officerPermissions] }));
  ({ agent: otherOfficer } = await agentFor(env, {
    unitCode: '14818',
    permissions: [...officerPermissions],
  }));
  ({ agent: reader } = await agentFor(env, { unitCode: '14812', permissions: ['programmes.read'] }));
  ({ agent: province } = await agentFor(env, { unitCode: '38', permissions: ['programmes.read'] }));
  ({ agent: provinceWriter } = await agentFor(env, { unitCode: '38', permissions: [...officerPermissions] }));
  const thanhHoa = await unitByCode(env.database, '38');
  const third = await env.database.db
    .selectFrom('admin_unit')
    .select('code')
    .where('level', '=', 'commune')
    .where('valid_to', 'is', null)
    .where(sql<boolean>`path <@ ${thanhHoa.path}::ltree`)
    .where('code', 'not in', ['14812', '14818'])
    .orderBy('code')
    .limit(1)
    .executeTakeFirstOrThrow();
  drowningCommune = third.code;
  ({ agent: drowningOfficer } = await agentFor(env, {
    unitCode: drowningCommune,
    permissions: [...officerPermissions],
  }));
  const child = await officer.post('/api/v1/children', {
    fullName: 'Trần Thị Bích',
    sex: 'female',
    dateOfBirth: '2015-04-02',
    unitCode: '14812',
  });
  expect(child.statusCode, child.body).toBe(201);
  childId = child.json().id;
  const other = await otherOfficer.post('/api/v1/children', {
    fullName: 'Lê Văn Cường',
    sex: 'male',
    dateOfBirth: '2014-01-10',
    unitCode: '14818',
  });
  expect(other.statusCode, other.body).toBe(201);
  otherChildId = other.json().id;
}, 60_000);
afterAll(() => env.close());

const incident = (overrides: Record<string, unknown> = {}) => ({
  occurredAt: '2025-07-12T15:20:00+07:00',
  cause: 'drowning',
  placeType: 'pond',
  placeDescription: 'Ao đầu thôn',
  age: 10,
  sex: 'female',
  outcome: 'serious_injury',
  description: 'Được người dân cứu kịp thời',
  ...overrides,
});

describe('the incident register', () => {
  it('records, reads, changes and deletes an incident with audit rows and versions', async () => {
    const created = await officer.post('/api/v1/incidents', incident({ childId }));
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      unitCode: '14812',
      occurredAt: '2025-07-12T15:20:00+07:00',
      cause: 'drowning',
      age: 10,
      childId,
      childName: 'Trần Thị Bích',
      canEdit: true,
      version: 1,
    });
    const changed = await officer.put(
      `/api/v1/incidents/${body.id}`,
      incident({ childId, outcome: 'death', version: 1 }),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ outcome: 'death', version: 2 });
    expect((await officer.put(`/api/v1/incidents/${body.id}`, incident({ version: 1 }))).statusCode).toBe(
      409,
    );
    expect((await officer.request('DELETE', `/api/v1/incidents/${body.id}?version=1`)).statusCode).toBe(409);
    expect((await officer.request('DELETE', `/api/v1/incidents/${body.id}`)).statusCode).toBe(204);
    expect((await officer.get(`/api/v1/incidents/${body.id}`)).statusCode).toBe(404);
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select(['action', 'diff'])
      .where('entity_id', '=', body.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['incident.create', 'incident.update', 'incident.delete']);
    expect(JSON.stringify(audit.map((a) => a.diff))).not.toContain('Trần Thị Bích');
  });

  it('shows the child’s name only to callers who read the registry', async () => {
    const created = (await officer.post('/api/v1/incidents', incident({ childId, cause: 'fall' }))).json();
    const forReader = await reader.get(`/api/v1/incidents/${created.id}`);
    expect(forReader.statusCode).toBe(200);
    expect(forReader.json()).toMatchObject({ childId, childName: null, canEdit: false });
    const listed = (await reader.get('/api/v1/incidents?cause=fall')).json().items;
    expect(listed.map((i: { id: string }) => i.id)).toContain(created.id);
    expect(listed.every((i: { childName: string | null }) => i.childName === null)).toBe(true);
    expect(forReader.body).not.toContain('Trần Thị Bích');
    expect((await province.get(`/api/v1/incidents/${created.id}`)).json().childName).toBeNull();
    expect((await officer.get(`/api/v1/incidents/${created.id}`)).json().childName).toBe('Trần Thị Bích');
  });

  it('names the invalid fields: schema, future time, non-commune unit, child elsewhere', async () => {
    const missing = await officer.post('/api/v1/incidents', incident({ cause: undefined, age: 18 }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.cause', 'body.age']),
    );
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const inFuture = await officer.post('/api/v1/incidents', incident({ occurredAt: future }));
    expect(inFuture.statusCode).toBe(422);
    expect(inFuture.json().errors[0].path).toBe('body.occurredAt');
    const atProvince = await provinceWriter.post('/api/v1/incidents', incident());
    expect(atProvince.statusCode).toBe(422);
    expect(atProvince.json().errors[0].path).toBe('body.unit');
    const elsewhere = await officer.post('/api/v1/incidents', incident({ childId: otherChildId }));
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().errors[0].path).toBe('body.childId');
    const unknownUnit = await officer.post('/api/v1/incidents', incident({ unit: '99999' }));
    expect(unknownUnit.statusCode).toBe(422);
    const byProvince = await provinceWriter.post(
      '/api/v1/incidents',
      incident({ unit: '14818', childId: otherChildId }),
    );
    expect(byProvince.statusCode, byProvince.body).toBe(201);
  });

  it('keeps each ward to its incidents; read-only users cannot write; the province reads all', async () => {
    const mine = (
      await officer.post('/api/v1/incidents', incident({ cause: 'burn', placeType: 'home' }))
    ).json();
    const theirs = (
      await otherOfficer.post('/api/v1/incidents', incident({ cause: 'burn', placeType: 'home' }))
    ).json();
    expect((await otherOfficer.get(`/api/v1/incidents/${mine.id}`)).statusCode).toBe(404);
    expect(
      (await otherOfficer.put(`/api/v1/incidents/${mine.id}`, incident({ version: 1 }))).statusCode,
    ).toBe(404);
    expect((await otherOfficer.request('DELETE', `/api/v1/incidents/${mine.id}`)).statusCode).toBe(404);
    expect((await otherOfficer.post('/api/v1/incidents', incident({ unit: '14812' }))).statusCode).toBe(403);
    expect((await reader.post('/api/v1/incidents', incident())).statusCode).toBe(403);
    expect((await reader.put(`/api/v1/incidents/${mine.id}`, incident({ version: 1 }))).statusCode).toBe(403);

    const wardIds = (await officer.get('/api/v1/incidents?cause=burn'))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(wardIds).toEqual([mine.id]);
    const all = (await province.get('/api/v1/incidents?cause=burn'))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(all.sort()).toEqual([mine.id, theirs.id].sort());
    const one = (await province.get('/api/v1/incidents?cause=burn&unit=14818')).json().items;
    expect(one.map((i: { id: string }) => i.id)).toEqual([theirs.id]);
  });

  it('lists newest first, filters by outcome and year, and pages with a cursor', async () => {
    const times = ['2023-02-01T08:00:00+07:00', '2023-05-01T08:00:00+07:00', '2023-09-01T08:00:00+07:00'];
    for (const occurredAt of times) {
      await officer.post(
        '/api/v1/incidents',
        incident({ occurredAt, cause: 'poisoning', outcome: 'minor_injury' }),
      );
    }
    const first = (await officer.get('/api/v1/incidents?cause=poisoning&year=2023&limit=2')).json();
    expect(first.items.map((i: { occurredAt: string }) => i.occurredAt)).toEqual([times[2], times[1]]);
    const second = (
      await officer.get(`/api/v1/incidents?cause=poisoning&year=2023&limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((i: { occurredAt: string }) => i.occurredAt)).toEqual([times[0]]);
    expect(second.nextCursor).toBeNull();
    expect((await officer.get('/api/v1/incidents?cause=poisoning&outcome=death')).json().items).toEqual([]);
    expect((await officer.get('/api/v1/incidents?cause=poisoning&year=2024')).json().items).toEqual([]);
  });
});

describe('the drowning view and the summary', () => {
  // Instants chosen on the edges of months, seasons and years in Vietnam time (UTC+7).
  const recorded = [
    // 30/06/2025 23:30 in Vietnam: June, summer (Apr–Jun), summer holiday.
    { occurredAt: '2025-06-30T23:30:00+07:00', placeType: 'river', age: 9, sex: 'male', outcome: 'death' },
    // 18:00 UTC on 30/06 is 01:00 on 01/07 in Vietnam: July, autumn, summer holiday.
    {
      occurredAt: '2025-06-30T18:00:00Z',
      placeType: 'pond',
      age: 12,
      sex: 'female',
      outcome: 'serious_injury',
    },
    // 18:00 UTC on 31/12/2025 is 01:00 on 01/01/2026 in Vietnam: January 2026, spring.
    { occurredAt: '2025-12-31T18:00:00Z', placeType: 'river', age: 5, sex: null, outcome: 'death' },
    // 17:30 UTC on 31/03 is 00:30 on 01/04 in Vietnam: April, summer, not the holiday.
    { occurredAt: '2025-03-31T17:30:00Z', placeType: 'lake', age: 16, sex: 'male', outcome: 'minor_injury' },
    // 23:59 on 31/12/2024 in Vietnam: still 2024, December.
    { occurredAt: '2024-12-31T16:59:00Z', placeType: 'sea', age: 14, sex: 'female', outcome: 'death' },
  ];

  beforeAll(async () => {
    for (const r of recorded) {
      const res = await drowningOfficer.post('/api/v1/incidents', incident({ ...r, cause: 'drowning' }));
      expect(res.statusCode, res.body).toBe(201);
    }
    const traffic = await drowningOfficer.post(
      '/api/v1/incidents',
      incident({
        occurredAt: '2025-06-15T10:00:00+07:00',
        cause: 'traffic',
        placeType: 'road',
        outcome: 'death',
      }),
    );
    expect(traffic.statusCode).toBe(201);
  });

  it('counts by year, month, season, holiday, place, age group and sex in Vietnam time', async () => {
    const res = await drowningOfficer.get('/api/v1/incidents/drowning?yearFrom=2025&yearTo=2026');
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ unitCode: drowningCommune, yearFrom: 2025, yearTo: 2026 });
    expect(view.total).toEqual({ incidents: 4, deaths: 2 });
    expect(view.byYear).toEqual([
      { year: 2025, incidents: 3, deaths: 1 },
      { year: 2026, incidents: 1, deaths: 1 },
    ]);
    expect(view.byMonth).toHaveLength(12);
    const months = Object.fromEntries(
      view.byMonth
        .filter((m: { incidents: number }) => m.incidents > 0)
        .map((m: { month: number; incidents: number; deaths: number }) => [m.month, [m.incidents, m.deaths]]),
    );
    expect(months).toEqual({ 1: [1, 1], 4: [1, 0], 6: [1, 1], 7: [1, 0] });
    expect(view.bySeason).toEqual([
      { season: 'spring', incidents: 1, deaths: 1 },
      { season: 'summer', incidents: 2, deaths: 1 },
      { season: 'autumn', incidents: 1, deaths: 0 },
      { season: 'winter', incidents: 0, deaths: 0 },
    ]);
    expect(view.summerHoliday).toEqual({ incidents: 2, deaths: 1 });
    expect(view.byPlaceType).toEqual([
      { placeType: 'river', incidents: 2, deaths: 2 },
      { placeType: 'lake', incidents: 1, deaths: 0 },
      { placeType: 'pond', incidents: 1, deaths: 0 },
    ]);
    expect(view.byAgeGroup).toEqual([
      { ageGroup: '0-5', incidents: 1, deaths: 1 },
      { ageGroup: '6-10', incidents: 1, deaths: 1 },
      { ageGroup: '11-15', incidents: 1, deaths: 0 },
      { ageGroup: '16-17', incidents: 1, deaths: 0 },
    ]);
    expect(view.bySex).toEqual([
      { sex: 'male', incidents: 2, deaths: 1 },
      { sex: 'female', incidents: 1, deaths: 0 },
      { sex: 'unknown', incidents: 1, deaths: 1 },
    ]);
  });

  it('includes December 2024 from its Vietnamese year, defaults to ten years, and stays in scope', async () => {
    const wider = (
      await province.get(`/api/v1/incidents/drowning?unit=${drowningCommune}&yearFrom=2024&yearTo=2026`)
    ).json();
    expect(wider.total).toEqual({ incidents: 5, deaths: 3 });
    expect(wider.byYear[0]).toEqual({ year: 2024, incidents: 1, deaths: 1 });
    expect(wider.byMonth[11]).toEqual({ month: 12, incidents: 1, deaths: 1 });
    const thisYear = Number(vietnamToday().slice(0, 4));
    const byDefault = (await drowningOfficer.get('/api/v1/incidents/drowning')).json();
    expect(byDefault.yearTo).toBe(thisYear);
    expect(byDefault.byYear.map((y: { year: number }) => y.year)).toEqual(
      Array.from({ length: 10 }, (_, i) => thisYear - 9 + i),
    );
    const list2026 = (await drowningOfficer.get('/api/v1/incidents?year=2026&cause=drowning')).json().items;
    expect(list2026.map((i: { occurredAt: string }) => i.occurredAt)).toEqual(['2026-01-01T01:00:00+07:00']);
    expect((await officer.get(`/api/v1/incidents/drowning?unit=${drowningCommune}`)).statusCode).toBe(403);
    const reversed = await drowningOfficer.get('/api/v1/incidents/drowning?yearFrom=2026&yearTo=2025');
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().errors[0].path).toBe('query.yearTo');
  });

  it('sums incidents and deaths by cause and year', async () => {
    const summary = (await drowningOfficer.get('/api/v1/incidents/summary?yearFrom=2024&yearTo=2026')).json();
    expect(summary).toEqual({
      unitCode: drowningCommune,
      rows: [
        { year: 2024, cause: 'drowning', incidents: 1, deaths: 1 },
        { year: 2025, cause: 'drowning', incidents: 3, deaths: 1 },
        { year: 2025, cause: 'traffic', incidents: 1, deaths: 1 },
        { year: 2026, cause: 'drowning', incidents: 1, deaths: 1 },
      ],
    });
  });
});
