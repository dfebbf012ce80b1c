import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv, unitByCode } from '../../../../test/harness';

let env: TestEnv;
let officer: Agent;
let otherOfficer: Agent;
let reader: Agent;
let province: Agent;
let registrar: Agent;

const officerPermissions = ['programmes.read', 'activities.write'] as const;

beforeAll(async () => {
  env = await createTestApp();
  ({ agent: officer } = await agentFor(env, { unitCode: '14812', permissions: [...officerPermissions] }));
  ({ agent: otherOfficer } = await agentFor(env, {
    unitCode: '14818',
    permissions: [...officerPermissions],
  }));
  ({ agent: reader } = await agentFor(env, { unitCode: '14812', permissions: ['programmes.read'] }));
  ({ agent: province } = await agentFor(env, { unitCode: '38', permissions: [...officerPermissions] }));
  ({ agent: registrar } = await agentFor(env, {
    unitCode: '38',
    permissions: ['registry.read', 'registry.write'],
  }));
}, 60_000);
afterAll(() => env.close());

const facility = (overrides: Record<string, unknown> = {}) => ({
  kind: 'playground',
  name: 'Sân chơi thôn Đông',
  address: 'Thôn Đông',
  condition: 'good',
  capacity: 100,
  note: null,
  ...overrides,
});

describe('facilities', () => {
  it('registers, reads, changes and deletes a facility with audit rows and versions', async () => {
    const created = await officer.post(
      '/api/v1/facilities',
      facility({ name: 'Nhà văn hóa khu 1', kind: 'cultural_house' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      unitCode: '14812',
      kind: 'cultural_house',
      capacity: 100,
      canEdit: true,
      version: 1,
    });
    expect((await officer.get(`/api/v1/facilities/${body.id}`)).json().name).toBe('Nhà văn hóa khu 1');
    const changed = await officer.put(
      `/api/v1/facilities/${body.id}`,
      facility({
        name: 'Nhà văn hóa khu 1',
        kind: 'cultural_house',
        condition: 'poor',
        capacity: null,
        version: 1,
      }),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ condition: 'poor', capacity: null, version: 2 });
    expect((await officer.put(`/api/v1/facilities/${body.id}`, facility({ version: 1 }))).statusCode).toBe(
      409,
    );
    expect((await officer.request('DELETE', `/api/v1/facilities/${body.id}?version=1`)).statusCode).toBe(409);
    expect((await officer.request('DELETE', `/api/v1/facilities/${body.id}?version=2`)).statusCode).toBe(204);
    expect((await officer.get(`/api/v1/facilities/${body.id}`)).statusCode).toBe(404);
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', body.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['facility.create', 'facility.update', 'facility.delete']);
  });

  it('names the invalid fields', async () => {
    const res = await officer.post(
      '/api/v1/facilities',
      facility({ name: '', capacity: -1, condition: 'broken' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.name', 'body.capacity', 'body.condition']),
    );
    const unknownUnit = await officer.post('/api/v1/facilities', facility({ unit: '99999' }));
    expect(unknownUnit.statusCode).toBe(422);
    expect(unknownUnit.json().errors[0].path).toBe('body.unit');
  });

  it('keeps each ward to its facilities; read-only users cannot write; the province reads all', async () => {
    const mine = (
      await officer.post('/api/v1/facilities', facility({ kind: 'health_station', name: 'Trạm y tế A' }))
    ).json();
    const theirs = (
      await otherOfficer.post('/api/v1/facilities', facility({ kind: 'health_station', name: 'Trạm y tế B' }))
    ).json();
    expect((await otherOfficer.get(`/api/v1/facilities/${mine.id}`)).statusCode).toBe(404);
    expect(
      (await otherOfficer.put(`/api/v1/facilities/${mine.id}`, facility({ version: 1 }))).statusCode,
    ).toBe(404);
    expect((await otherOfficer.request('DELETE', `/api/v1/facilities/${mine.id}`)).statusCode).toBe(404);
    expect((await otherOfficer.post('/api/v1/facilities', facility({ unit: '14812' }))).statusCode).toBe(403);
    expect((await reader.post('/api/v1/facilities', facility())).statusCode).toBe(403);
    expect((await reader.request('DELETE', `/api/v1/facilities/${mine.id}`)).statusCode).toBe(403);
    expect((await reader.get(`/api/v1/facilities/${mine.id}`)).json().canEdit).toBe(false);

    const wardIds = (await officer.get('/api/v1/facilities?kind=health_station'))
      .json()
      .items.map((f: { id: string }) => f.id);
    expect(wardIds).toEqual([mine.id]);
    const all = (await province.get('/api/v1/facilities?kind=health_station')).json().items;
    expect(all.map((f: { id: string }) => f.id)).toEqual([mine.id, theirs.id]);
    const theirsOnly = (await province.get('/api/v1/facilities?kind=health_station&unit=14818')).json().items;
    expect(theirsOnly.map((f: { id: string }) => f.id)).toEqual([theirs.id]);
  });

  it('filters by condition and pages with a cursor', async () => {
    for (const name of ['Trường Tiểu học A', 'Trường Tiểu học B', 'Trường Tiểu học C']) {
      await otherOfficer.post('/api/v1/facilities', facility({ kind: 'school', name, condition: 'fair' }));
    }
    await otherOfficer.post(
      '/api/v1/facilities',
      facility({ kind: 'school', name: 'Trường cũ', condition: 'not_in_use' }),
    );
    const first = (await otherOfficer.get('/api/v1/facilities?kind=school&condition=fair&limit=2')).json();
    expect(first.items.map((f: { name: string }) => f.name)).toEqual([
      'Trường Tiểu học A',
      'Trường Tiểu học B',
    ]);
    const second = (
      await otherOfficer.get(
        `/api/v1/facilities?kind=school&condition=fair&limit=2&cursor=${first.nextCursor}`,
      )
    ).json();
    expect(second.items.map((f: { name: string }) => f.name)).toEqual(['Trường Tiểu học C']);
    expect(second.nextCursor).toBeNull();
    expect((await otherOfficer.get('/api/v1/facilities?cursor=xyz')).statusCode).toBe(400);
  });
});

describe('coverage', () => {
  /** Registers `count` children in a commune and returns their ids. */
  async function children(unitCode: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const res = await registrar.post('/api/v1/children', {
        fullName: `Nguyễn Văn ${['An', 'Bình', 'Cường', 'Dũng', 'Em'][i]}`,
        sex: 'male',
        dateOfBirth: `201${i + 5}-03-15`,
        unitCode,
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    return ids;
  }

  it('counts children and facilities in use per commune and lists the kinds missing', async () => {
    const bimSon = await children('14812', 5);
    // A child who moved away no longer counts.
    await env.database.db
      .updateTable('child')
      .set({ status: 'moved_away', status_changed_at: new Date() })
      .where('id', '=', bimSon[0]!)
      .execute();
    await children('14818', 2);
    // Ward 14812: a playground in use and one closed, a cultural house, a library, a swimming
    // pool (which also teaches swimming), and the cultural house of the earlier test was deleted.
    await officer.post('/api/v1/facilities', facility({ name: 'Sân chơi 1', capacity: 80 }));
    await officer.post(
      '/api/v1/facilities',
      facility({ name: 'Sân chơi hỏng', capacity: 50, condition: 'not_in_use' }),
    );
    await officer.post(
      '/api/v1/facilities',
      facility({ kind: 'cultural_house', name: 'Nhà văn hóa', capacity: 200, condition: 'fair' }),
    );
    await officer.post(
      '/api/v1/facilities',
      facility({ kind: 'library', name: 'Tủ sách', capacity: null, condition: 'poor' }),
    );
    await officer.post(
      '/api/v1/facilities',
      facility({ kind: 'swimming_pool', name: 'Bể bơi', capacity: 30 }),
    );
    // Ward 14818: no playground at all, a cultural house only (besides schools and a health station).
    await otherOfficer.post(
      '/api/v1/facilities',
      facility({ kind: 'cultural_house', name: 'Nhà văn hóa B', capacity: 150 }),
    );

    const ward = (await officer.get('/api/v1/facilities/coverage')).json();
    expect(ward.unitCode).toBe('14812');
    expect(ward.rows).toHaveLength(1);
    const row = ward.rows[0];
    expect(row).toMatchObject({
      unitCode: '14812',
      children: 4,
      playPlaces: 4,
      childrenPerPlayPlace: 1,
      missing: [],
    });
    const kinds = Object.fromEntries(
      row.byKind.map((k: { kind: string; inUse: number; capacity: number }) => [
        k.kind,
        [k.inUse, k.capacity],
      ]),
    );
    expect(kinds).toMatchObject({
      playground: [1, 80],
      cultural_house: [1, 200],
      library: [1, 0],
      swimming_pool: [1, 30],
      swim_teaching_place: [0, 0],
      health_station: [1, 100],
    });

    const res = await province.get('/api/v1/facilities/coverage?unit=38');
    expect(res.statusCode, res.body).toBe(200);
    const whole = res.json();
    const thanhHoa = await unitByCode(env.database, '38');
    const communes = await env.database.db
      .selectFrom('admin_unit')
      .select('code')
      .where('level', '=', 'commune')
      .where('valid_to', 'is', null)
      .where(sql<boolean>`path <@ ${thanhHoa.path}::ltree`)
      .orderBy('code')
      .execute();
    expect(whole.rows.map((r: { unitCode: string }) => r.unitCode)).toEqual(communes.map((c) => c.code));
    const other = whole.rows.find((r: { unitCode: string }) => r.unitCode === '14818');
    expect(other).toMatchObject({ children: 2, playPlaces: 1, childrenPerPlayPlace: 2 });
    expect(other.missing).toEqual(['playground', 'library', 'swim_teaching_place']);
    const empty = whole.rows.find((r: { unitCode: string }) => !['14812', '14818'].includes(r.unitCode));
    expect(empty).toMatchObject({ children: 0, playPlaces: 0, childrenPerPlayPlace: null });
    expect(empty.missing).toEqual(['playground', 'cultural_house', 'library', 'swim_teaching_place']);

    expect((await otherOfficer.get('/api/v1/facilities/coverage?unit=14812')).statusCode).toBe(403);
  });
});
