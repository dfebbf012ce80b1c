import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv, unitByCode } from '../../../../test/harness';

let env: TestEnv;
let officer: Agent;
let otherOfficer: Agent;
let reader: Agent;
let province: Agent;
let wardPlanner: Agent;
let hanoi: Agent;
let provinceProgrammeId: string;
let otherWardProgrammeId: string;

const officerPermissions = ['programmes.read', 'activities.write'] as const;

/** A programme stored directly: this part only links to programmes. */
async function programmeAt(unitCode: string, name: string): Promise<string> {
  const unit = await unitByCode(env.database, unitCode);
  const row = await env.database.db
    .insertInto('programme')
    .values({
      unit_id: unit.id,
      kind: 'drowning_prevention',
      name,
      year_from: 2021,
      year_to: 2030,
      lead_organisation: 'Sở Y tế',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  env = await createTestApp();
  ({ agent: officer } = await agentFor(env, { unitCode: '14812', permissions: [...officerPermissions] }));
  ({ agent: otherOfficer } = await agentFor(env, {
    unitCode: '14818',
    permissions: [...officerPermissions],
  }));
  ({ agent: reader } = await agentFor(env, { unitCode: '14812', permissions: ['programmes.read'] }));
  ({ agent: province } = await agentFor(env, {
    unitCode: '38',
    permissions: ['programmes.read', 'programmes.write', 'activities.write'],
  }));
  ({ agent: wardPlanner } = await agentFor(env, {
    unitCode: '14812',
    permissions: ['programmes.read', 'programmes.write'],
  }));
  ({ agent: hanoi } = await agentFor(env, {
    unitCode: '01',
    permissions: ['programmes.read', 'programmes.write'],
  }));
  provinceProgrammeId = await programmeAt('38', 'Phòng, chống đuối nước trẻ em tỉnh Thanh Hóa');
  otherWardProgrammeId = await programmeAt('14818', 'Chương trình của phường khác');
}, 60_000);
afterAll(() => env.close());

const communication = (overrides: Record<string, unknown> = {}) => ({
  heldOn: '2025-06-05',
  channel: 'loudspeaker',
  audience: 'community',
  title: 'Phát thanh phòng, chống đuối nước mùa hè',
  reachCount: 1200,
  materials: '3 bản tin',
  ...overrides,
});

describe('communication events', () => {
  it('records, reads, changes and deletes an event with audit rows and versions', async () => {
    const created = await officer.post(
      '/api/v1/communications',
      communication({ programmeId: provinceProgrammeId }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      unitCode: '14812',
      programmeId: provinceProgrammeId,
      programmeName: 'Phòng, chống đuối nước trẻ em tỉnh Thanh Hóa',
      heldOn: '2025-06-05',
      channel: 'loudspeaker',
      reachCount: 1200,
      canEdit: true,
      version: 1,
    });
    expect((await officer.get(`/api/v1/communications/${body.id}`)).json().title).toBe(body.title);

    const changed = await officer.put(
      `/api/v1/communications/${body.id}`,
      communication({ reachCount: 1500, programmeId: null, version: 1 }),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ reachCount: 1500, programmeId: null, version: 2 });
    const stale = await officer.put(`/api/v1/communications/${body.id}`, communication({ version: 1 }));
    expect(stale.statusCode).toBe(409);

    expect((await officer.request('DELETE', `/api/v1/communications/${body.id}?version=1`)).statusCode).toBe(
      409,
    );
    expect((await officer.request('DELETE', `/api/v1/communications/${body.id}?version=2`)).statusCode).toBe(
      204,
    );
    expect((await officer.get(`/api/v1/communications/${body.id}`)).statusCode).toBe(404);

    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', body.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'communication.create',
      'communication.update',
      'communication.delete',
    ]);
  });

  it('names the invalid fields', async () => {
    const res = await officer.post('/api/v1/communications', communication({ title: '', channel: 'pigeon' }));
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.channel']));
    const negative = await officer.post('/api/v1/communications', communication({ reachCount: -1 }));
    expect(negative.json().errors[0].path).toBe('body.reachCount');
  });

  it('links only a programme of the unit or a unit above it', async () => {
    const res = await officer.post(
      '/api/v1/communications',
      communication({ programmeId: otherWardProgrammeId }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().type).toBe('/problems/programme-not-visible');
    expect(res.json().errors[0].path).toBe('body.programmeId');
    const unknown = await officer.post(
      '/api/v1/communications',
      communication({ programmeId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(unknown.statusCode).toBe(422);
  });

  it('keeps each ward to its own events; the province reads every commune', async () => {
    const mine = (
      await officer.post('/api/v1/communications', communication({ title: 'Sự kiện Bỉm Sơn' }))
    ).json();
    const theirs = (
      await otherOfficer.post('/api/v1/communications', communication({ title: 'Sự kiện phường khác' }))
    ).json();
    expect((await otherOfficer.get(`/api/v1/communications/${mine.id}`)).statusCode).toBe(404);
    expect(
      (await otherOfficer.put(`/api/v1/communications/${mine.id}`, communication({ version: 1 }))).statusCode,
    ).toBe(404);
    expect((await otherOfficer.request('DELETE', `/api/v1/communications/${mine.id}`)).statusCode).toBe(404);
    expect((await reader.post('/api/v1/communications', communication())).statusCode).toBe(403);
    expect((await reader.get(`/api/v1/communications/${mine.id}`)).json().canEdit).toBe(false);
    expect((await officer.post('/api/v1/communications', communication({ unit: '14818' }))).statusCode).toBe(
      403,
    );

    const ids = (await officer.get('/api/v1/communications?limit=200'))
      .json()
      .items.map((c: { id: string }) => c.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    const all = (await province.get('/api/v1/communications?limit=200'))
      .json()
      .items.map((c: { id: string }) => c.id);
    expect(all).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    const filtered = (await province.get('/api/v1/communications?unit=14818&limit=200')).json().items;
    expect(filtered.map((c: { id: string }) => c.id)).toContain(theirs.id);
    expect(filtered.every((c: { unitCode: string }) => c.unitCode === '14818')).toBe(true);
  });

  it('filters by channel, programme and year, and pages with a cursor', async () => {
    const { agent: ward } = await agentFor(env, { unitCode: '14812', permissions: [...officerPermissions] });
    await ward.post('/api/v1/communications', communication({ heldOn: '2024-03-01', channel: 'meeting' }));
    await ward.post(
      '/api/v1/communications',
      communication({ heldOn: '2024-07-01', channel: 'meeting', programmeId: provinceProgrammeId }),
    );
    await ward.post('/api/v1/communications', communication({ heldOn: '2023-12-31', channel: 'meeting' }));
    const byYear = (await ward.get('/api/v1/communications?year=2024&channel=meeting')).json().items;
    expect(byYear.map((c: { heldOn: string }) => c.heldOn)).toEqual(['2024-07-01', '2024-03-01']);
    const byProgramme = (
      await ward.get(`/api/v1/communications?programmeId=${provinceProgrammeId}&channel=meeting`)
    ).json().items;
    expect(byProgramme.map((c: { heldOn: string }) => c.heldOn)).toEqual(['2024-07-01']);

    const first = (await ward.get('/api/v1/communications?channel=meeting&limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = (
      await ward.get(`/api/v1/communications?channel=meeting&limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((c: { heldOn: string }) => c.heldOn)).toEqual(['2023-12-31']);
    expect(second.nextCursor).toBeNull();
    expect((await ward.get('/api/v1/communications?cursor=bad')).statusCode).toBe(400);
  });

  it('sums events and reach by channel for a unit and year', async () => {
    await officer.post(
      '/api/v1/communications',
      communication({ heldOn: '2022-05-01', channel: 'newspaper', reachCount: 100 }),
    );
    await officer.post(
      '/api/v1/communications',
      communication({ heldOn: '2022-09-01', channel: 'newspaper', reachCount: 50 }),
    );
    await otherOfficer.post(
      '/api/v1/communications',
      communication({ heldOn: '2022-05-01', channel: 'social_network', reachCount: 7 }),
    );
    const ward = (await officer.get('/api/v1/communications/summary?year=2022')).json();
    expect(ward.year).toBe(2022);
    expect(ward.byChannel).toHaveLength(8);
    expect(ward.byChannel.find((r: { channel: string }) => r.channel === 'newspaper')).toEqual({
      channel: 'newspaper',
      events: 2,
      reach: 150,
    });
    expect(ward.total).toEqual({ events: 2, reach: 150 });
    const whole = (await province.get('/api/v1/communications/summary?unit=38&year=2022')).json();
    expect(whole.total).toEqual({ events: 3, reach: 157 });
    expect((await otherOfficer.get('/api/v1/communications/summary?unit=14812')).statusCode).toBe(403);
  });
});

const movement = (overrides: Record<string, unknown> = {}) => ({
  name: 'Toàn dân chăm sóc, giáo dục và bảo vệ trẻ em',
  description: 'Phát động trong toàn tỉnh',
  yearFrom: 2024,
  yearTo: 2026,
  participations: [
    { unitCode: '14812', year: 2024, note: 'Đạt' },
    { unitCode: '14818', year: 2025 },
  ],
  ...overrides,
});

describe('movements', () => {
  it('launches a movement with its participating units, audited', async () => {
    const res = await province.post('/api/v1/movements', movement());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ unitCode: '38', yearFrom: 2024, yearTo: 2026, version: 1, canEdit: true });
    expect(body.participations.map((p: { unitCode: string; year: number }) => [p.unitCode, p.year])).toEqual([
      ['14812', 2024],
      ['14818', 2025],
    ]);
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', body.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['movement.create']);
  });

  it('replaces the participations as a whole on update and refuses a stale version', async () => {
    const created = (
      await province.post('/api/v1/movements', movement({ name: 'Phong trào thay thế' }))
    ).json();
    const updated = await province.put(
      `/api/v1/movements/${created.id}`,
      movement({
        name: 'Phong trào thay thế',
        participations: [{ unitCode: '14818', year: 2026 }],
        version: 1,
      }),
    );
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().participations).toEqual([
      expect.objectContaining({ unitCode: '14818', year: 2026, note: null }),
    ]);
    expect(updated.json().version).toBe(2);
    const stale = await province.put(`/api/v1/movements/${created.id}`, movement({ version: 1 }));
    expect(stale.statusCode).toBe(409);
  });

  it('names the participation outside the launching unit, repeated or outside the years', async () => {
    const outside = await wardPlanner.post(
      '/api/v1/movements',
      movement({
        participations: [
          { unitCode: '14812', year: 2024 },
          { unitCode: '14818', year: 2024 },
        ],
      }),
    );
    expect(outside.statusCode).toBe(422);
    expect(outside.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.participations.1.unitCode',
    ]);
    const repeated = await province.post(
      '/api/v1/movements',
      movement({
        participations: [
          { unitCode: '14812', year: 2024 },
          { unitCode: '14812', year: 2024 },
          { unitCode: '14818', year: 2030 },
          { unitCode: '99999', year: 2024 },
        ],
      }),
    );
    expect(repeated.statusCode).toBe(422);
    expect(repeated.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.participations.1.year',
      'body.participations.2.year',
      'body.participations.3.unitCode',
    ]);
    const reversed = await province.post('/api/v1/movements', movement({ yearTo: 2020, participations: [] }));
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().errors[0].path).toBe('body.yearTo');
    const missing = await province.post('/api/v1/movements', movement({ name: '' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('body.name');
  });

  it('shows movements of the subtree and above; only their own unit’s may be changed', async () => {
    const provinceMovement = (
      await province.post('/api/v1/movements', movement({ name: 'Của tỉnh' }))
    ).json();
    const hanoiMovement = (
      await hanoi.post('/api/v1/movements', movement({ name: 'Của Hà Nội', participations: [] }))
    ).json();
    const wardList = (await officer.get('/api/v1/movements')).json().items;
    const seen = wardList.find((m: { id: string }) => m.id === provinceMovement.id);
    expect(seen.canEdit).toBe(false);
    expect(wardList.map((m: { id: string }) => m.id)).not.toContain(hanoiMovement.id);

    expect((await officer.post('/api/v1/movements', movement({ participations: [] }))).statusCode).toBe(403);
    const above = await wardPlanner.put(`/api/v1/movements/${provinceMovement.id}`, movement({ version: 1 }));
    expect(above.statusCode).toBe(403);
    const elsewhere = await wardPlanner.put(
      `/api/v1/movements/${hanoiMovement.id}`,
      movement({ version: 1 }),
    );
    expect(elsewhere.statusCode).toBe(404);
  });
});
