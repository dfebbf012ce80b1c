import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Agent,
  agentFor,
  createTestApp,
  createUser,
  DEMO_PASSWORD,
  type TestEnv,
  unitByCode,
} from '../../../test/harness';

// Unit scope: a manager of Phường Quang Trung (14818) and the users of Phường Bỉm Sơn (14812).
let env: TestEnv;
let admin: Agent;
let quangTrung: Agent;
let quangTrungManagerId: string;
let bimSonUser: { id: string; username: string };
let quangTrungUser: { id: string; username: string };
let bimSonUnitId: number;
let quangTrungUnitId: number;

type ListedUser = { id: string; unit: { code: string }; abilities: Record<string, boolean> };

beforeAll(async () => {
  env = await createTestApp();
  admin = new Agent(env);
  await admin.login('admin', DEMO_PASSWORD);
  const manager = await agentFor(env, { unitCode: '14818', permissions: ['users.read', 'users.manage'] });
  quangTrung = manager.agent;
  quangTrungManagerId = manager.user.id;
  bimSonUser = await createUser(env, { unitCode: '14812', permissions: [] });
  quangTrungUser = await createUser(env, { unitCode: '14818', permissions: [] });
  bimSonUnitId = (await unitByCode(env.database, '14812')).id;
  quangTrungUnitId = (await unitByCode(env.database, '14818')).id;
});
afterAll(() => env.close());

const listAll = async (agent: Agent, query = '') =>
  (await agent.get(`/api/v1/users?limit=200${query}`)).json().items as ListedUser[];

describe('users outside the caller’s unit subtree', () => {
  it('are not listed and not found (404), not even by unit filter', async () => {
    const listed = await listAll(quangTrung);
    expect(listed.length).toBeGreaterThan(1);
    expect(new Set(listed.map((u) => u.unit.code))).toEqual(new Set(['14818']));
    expect(listed.map((u) => u.id)).toContain(quangTrungUser.id);
    expect(listed.map((u) => u.id)).not.toContain(bimSonUser.id);
    expect(await listAll(quangTrung, `&unitId=${bimSonUnitId}`)).toEqual([]);
    expect(await listAll(quangTrung, `&q=${bimSonUser.username}`)).toEqual([]);
    const one = await quangTrung.get(`/api/v1/users/${bimSonUser.id}`);
    expect(one.statusCode).toBe(404);
    expect(one.json().type).toBe('/problems/not-found');
  });

  it('cannot be changed: every change answers 404 and nothing changes', async () => {
    const id = bimSonUser.id;
    const attempts = [
      quangTrung.patch(`/api/v1/users/${id}`, { version: 1, fullName: 'Đổi tên' }),
      quangTrung.post(`/api/v1/users/${id}/deactivate`, { version: 1 }),
      quangTrung.post(`/api/v1/users/${id}/activate`, { version: 1 }),
      quangTrung.post(`/api/v1/users/${id}/unlock`, { version: 1 }),
      quangTrung.post(`/api/v1/users/${id}/mfa/reset`, { version: 1 }),
      quangTrung.post(`/api/v1/users/${id}/reset-password`, { version: 1, newPassword: 'Tam-thoi#2026' }),
    ];
    for (const res of await Promise.all(attempts)) expect(res.statusCode).toBe(404);
    const row = await env.database.db
      .selectFrom('app_user')
      .select(['full_name', 'is_active', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ is_active: true, version: 1 });
    expect(row.full_name).not.toBe('Đổi tên');
  });

  it('cannot receive new users from the caller: 403 naming body.unitId', async () => {
    const username = `nd.${randomUUID().slice(0, 8)}`;
    const body = {
      username,
      fullName: 'Ngoài phạm vi',
      unitId: bimSonUnitId,
      roles: ['partner'],
      password: 'Khoi-tao#2026',
    };
    const res = await quangTrung.post('/api/v1/users', body);
    expect(res.statusCode).toBe(403);
    expect(res.json().errors).toEqual([
      { path: 'body.unitId', message: 'Đơn vị nằm ngoài phạm vi quản lý của bạn' },
    ]);
    const en = await quangTrung.post('/api/v1/users', body, { 'accept-language': 'en' });
    expect(en.json().errors).toEqual([{ path: 'body.unitId', message: 'Unit is outside your scope' }]);
    const province = await quangTrung.post('/api/v1/users', {
      ...body,
      unitId: (await unitByCode(env.database, '38')).id,
    });
    expect(province.statusCode).toBe(403);
    expect((await quangTrung.post('/api/v1/users', { ...body, unitId: quangTrungUnitId })).statusCode).toBe(
      201,
    );
  });

  it('cannot be reached by moving an own user out of the subtree', async () => {
    const { version } = (await quangTrung.get(`/api/v1/users/${quangTrungUser.id}`)).json();
    const res = await quangTrung.patch(`/api/v1/users/${quangTrungUser.id}`, {
      version,
      unitId: bimSonUnitId,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().errors[0].path).toBe('body.unitId');
    expect((await quangTrung.get(`/api/v1/users/${quangTrungUser.id}`)).json().unit.code).toBe('14818');
  });

  it('are all visible to an administrator of the province', async () => {
    const listed = (await listAll(admin)).map((u) => u.unit.code);
    expect(listed).toEqual(expect.arrayContaining(['38', '14812', '14818']));
    expect((await admin.get(`/api/v1/users/${bimSonUser.id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/users/${quangTrungUser.id}`)).statusCode).toBe(200);
  });

  it('the demo officer of Quang Trung sees only Quang Trung', async () => {
    const officer = new Agent(env);
    await officer.login('quangtrung.canbo', DEMO_PASSWORD);
    const listed = await listAll(officer);
    expect(new Set(listed.map((u) => u.unit.code))).toEqual(new Set(['14818']));
    expect((await officer.get(`/api/v1/users/${bimSonUser.id}`)).statusCode).toBe(404);
  });
});

describe('abilities sent with each user', () => {
  it('let a manager edit users of the subtree, but not deactivate themself', async () => {
    const listed = await listAll(quangTrung);
    const self = listed.find((u) => u.id === quangTrungManagerId);
    const other = listed.find((u) => u.id === quangTrungUser.id);
    expect(self?.abilities).toEqual({ canEdit: true, canDeactivate: false, canResetPassword: true });
    expect(other?.abilities).toEqual({ canEdit: true, canDeactivate: true, canResetPassword: true });
  });

  it('are all false for a reader without users.manage', async () => {
    const { agent } = await agentFor(env, { unitCode: '14818', permissions: ['users.read'] });
    const listed = await listAll(agent);
    expect(listed.length).toBeGreaterThan(0);
    for (const u of listed) {
      expect(u.abilities).toEqual({ canEdit: false, canDeactivate: false, canResetPassword: false });
    }
  });
});

describe('every users endpoint', () => {
  const id = randomUUID();
  const endpoints: [string, string, Record<string, unknown> | undefined, string][] = [
    ['GET', '/api/v1/users', undefined, 'users.read'],
    ['GET', `/api/v1/users/${id}`, undefined, 'users.read'],
    ['POST', '/api/v1/users', {}, 'users.manage'],
    ['PATCH', `/api/v1/users/${id}`, { version: 1 }, 'users.manage'],
    ['POST', `/api/v1/users/${id}/deactivate`, { version: 1 }, 'users.manage'],
    ['POST', `/api/v1/users/${id}/activate`, { version: 1 }, 'users.manage'],
    ['POST', `/api/v1/users/${id}/unlock`, { version: 1 }, 'users.manage'],
    ['POST', `/api/v1/users/${id}/mfa/reset`, { version: 1 }, 'users.manage'],
    ['POST', `/api/v1/users/${id}/reset-password`, { version: 1, newPassword: 'x' }, 'users.manage'],
  ];

  it('answers 401 without a session', async () => {
    const anonymous = new Agent(env);
    for (const [method, url, body] of endpoints) {
      const res = await anonymous.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().type).toBe('/problems/unauthenticated');
    }
  });

  it('answers 403 without the permission', async () => {
    const { agent: none } = await agentFor(env, { unitCode: '38', permissions: ['units.read'] });
    const { agent: reader } = await agentFor(env, { unitCode: '38', permissions: ['users.read'] });
    for (const [method, url, body, permission] of endpoints) {
      const res = await none.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json()).toMatchObject({ type: '/problems/forbidden', title: 'Không có quyền' });
      if (permission === 'users.manage') {
        expect((await reader.request(method, url, body)).statusCode, `${method} ${url}`).toBe(403);
      }
    }
  });
});

describe('granting roles', () => {
  it('a user manager without roles.manage cannot grant administrative roles', async () => {
    const res = await quangTrung.post('/api/v1/users', {
      username: `qt.admin.${randomUUID().slice(0, 6)}`,
      fullName: 'Thử leo thang quyền',
      unitId: quangTrungUnitId,
      roles: ['administrator'],
      password: 'Mat-khau#2026x',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().errors[0].path).toBe('body.roles');
    const officer = await quangTrung.post('/api/v1/users', {
      username: `qt.canbo.${randomUUID().slice(0, 6)}`,
      fullName: 'Cán bộ mới',
      unitId: quangTrungUnitId,
      roles: ['child_protection_officer'],
      password: 'Mat-khau#2026x',
    });
    expect(officer.statusCode).toBe(201);
  });

  it('nobody changes their own roles', async () => {
    const me = (await quangTrung.get(`/api/v1/users/${quangTrungManagerId}`)).json();
    const res = await quangTrung.patch(`/api/v1/users/${quangTrungManagerId}`, {
      version: me.version,
      roles: ['administrator'],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().errors[0].message).toBe('Không thể tự thay đổi vai trò của mình');
  });

  it('the province administrator grants administrative roles', async () => {
    const res = await admin.post('/api/v1/users', {
      username: `tinh.quantri.${randomUUID().slice(0, 6)}`,
      fullName: 'Quản trị thứ hai',
      unitId: quangTrungUnitId,
      roles: ['administrator'],
      password: 'Mat-khau#2026x',
    });
    expect(res.statusCode).toBe(201);
  });
});
