import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv } from '../../../../test/harness';

let env: TestEnv;
let officer: Agent;
let otherOfficer: Agent;
let provinceAdmin: Agent;
let hanoiAdmin: Agent;
let readerOnly: Agent;
let registryOnly: Agent;

beforeAll(async () => {
  env = await createTestApp();
  const officerPermissions = ['cases.read', 'cases.content.read', 'cases.write'] as const;
  ({ agent: officer } = await agentFor(env, { unitCode: '14812', permissions: [...officerPermissions] }));
  ({ agent: otherOfficer } = await agentFor(env, {
    unitCode: '14818',
    permissions: [...officerPermissions],
  }));
  ({ agent: provinceAdmin } = await agentFor(env, {
    unitCode: '38',
    permissions: ['cases.read', 'catalogs.manage'],
  }));
  ({ agent: hanoiAdmin } = await agentFor(env, { unitCode: '01', permissions: ['catalogs.manage'] }));
  ({ agent: readerOnly } = await agentFor(env, { unitCode: '14812', permissions: ['cases.read'] }));
  ({ agent: registryOnly } = await agentFor(env, { unitCode: '14812', permissions: ['registry.read'] }));
});
afterAll(() => env.close());

const provider = (overrides: Record<string, unknown> = {}) => ({
  unitCode: '14812',
  kind: 'health_station',
  name: 'Trạm Y tế phường Bỉm Sơn',
  address: 'Đường Trần Phú',
  phone: '0237 3824 115',
  contactPerson: 'Trưởng trạm',
  ...overrides,
});

describe('the service-provider directory', () => {
  it('adds commune and province providers and lists those usable for a commune', async () => {
    const local = await officer.post('/api/v1/service-providers', provider());
    expect(local.statusCode, local.body).toBe(201);
    expect(local.json()).toMatchObject({
      unitCode: '14812',
      unitLevel: 'commune',
      kind: 'health_station',
      isActive: true,
      version: 1,
      canEdit: true,
    });
    const province = await provinceAdmin.post(
      '/api/v1/service-providers',
      provider({ unitCode: '38', kind: 'social_assistance', name: 'Trung tâm Công tác xã hội tỉnh' }),
    );
    expect(province.statusCode, province.body).toBe(201);
    const neighbour = await otherOfficer.post(
      '/api/v1/service-providers',
      provider({ unitCode: '14818', name: 'Trạm Y tế xã bên' }),
    );
    expect(neighbour.statusCode).toBe(201);
    const hanoi = await hanoiAdmin.post(
      '/api/v1/service-providers',
      provider({ unitCode: '01', kind: 'hospital', name: 'Bệnh viện Hà Nội' }),
    );
    expect(hanoi.statusCode, hanoi.body).toBe(201);

    const list = await officer.get('/api/v1/service-providers?unit=14812');
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((p: { id: string }) => p.id);
    expect(ids).toContain(local.json().id);
    expect(ids).toContain(province.json().id);
    expect(ids).not.toContain(neighbour.json().id);
    expect(ids).not.toContain(hanoi.json().id);
    const onlyFacilities = await officer.get('/api/v1/service-providers?unit=14812&kind=social_assistance');
    expect(onlyFacilities.json().items.map((p: { id: string }) => p.id)).toEqual([province.json().id]);
    const seenFromProvince = (await officer.get('/api/v1/service-providers')).json().items;
    expect(seenFromProvince.find((p: { id: string }) => p.id === province.json().id).canEdit).toBe(false);
  });

  it('refuses without permission, outside the scope, and a province entry without catalogs.manage', async () => {
    expect((await registryOnly.get('/api/v1/service-providers')).statusCode).toBe(403);
    expect((await readerOnly.post('/api/v1/service-providers', provider())).statusCode).toBe(403);
    expect((await otherOfficer.post('/api/v1/service-providers', provider())).statusCode).toBe(403);
    expect((await officer.post('/api/v1/service-providers', provider({ unitCode: '38' }))).statusCode).toBe(
      403,
    );
    expect((await officer.get('/api/v1/service-providers?unit=14818')).statusCode).toBe(403);
  });

  it('changes an entry at its version: 409 when stale, 404 outside the scope', async () => {
    const created = (
      await officer.post('/api/v1/service-providers', provider({ name: 'Công an phường' }))
    ).json();
    const changed = await officer.patch(`/api/v1/service-providers/${created.id}`, {
      version: 1,
      kind: 'police',
      isActive: false,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ kind: 'police', isActive: false, version: 2 });
    const stale = await officer.patch(`/api/v1/service-providers/${created.id}`, { version: 1, name: 'X' });
    expect(stale.statusCode).toBe(409);
    const outside = await otherOfficer.patch(`/api/v1/service-providers/${created.id}`, {
      version: 2,
      name: 'X',
    });
    expect(outside.statusCode).toBe(404);
    const inactiveHidden = (await officer.get('/api/v1/service-providers?unit=14812')).json().items;
    expect(inactiveHidden.map((p: { id: string }) => p.id)).not.toContain(created.id);
    const withInactive = (
      await officer.get('/api/v1/service-providers?unit=14812&includeInactive=true')
    ).json();
    expect(withInactive.items.map((p: { id: string }) => p.id)).toContain(created.id);
  });
});
