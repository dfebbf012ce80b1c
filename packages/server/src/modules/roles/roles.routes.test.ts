import { randomUUID } from 'node:crypto';
import { Permission, permissionLabels } from '@tuoitho/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, agentFor, createTestApp, type TestEnv } from '../../../test/harness';

let env: TestEnv;
let manager: Agent;

beforeAll(async () => {
  env = await createTestApp();
  ({ agent: manager } = await agentFor(env, { unitCode: '38', permissions: ['users.read', 'roles.manage'] }));
});
afterAll(() => env.close());

const roleCode = () => `vai_tro_${randomUUID().slice(0, 8)}`;

describe('roles', () => {
  it('lists the system roles with their permissions, system roles first', async () => {
    const res = await manager.get('/api/v1/roles');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; isSystem: boolean; permissions: string[] }[];
    const officer = items.find((r) => r.code === 'child_protection_officer');
    expect(officer).toMatchObject({
      nameVi: 'Cán bộ bảo vệ trẻ em cấp xã',
      nameEn: 'Commune child-protection officer',
      isSystem: true,
      requiresMfa: false,
      version: 1,
    });
    expect(officer?.permissions).toContain('cases.content.read');
    const admin = items.find((r) => r.code === 'administrator');
    expect(admin?.permissions).not.toContain('cases.content.read');
    const firstCustom = items.findIndex((r) => !r.isSystem);
    if (firstCustom >= 0) expect(items.slice(firstCustom).every((r) => !r.isSystem)).toBe(true);
  });

  it('creates a role (201), de-duplicating and sorting its permissions, and audits it', async () => {
    const code = roleCode();
    const res = await manager.post('/api/v1/roles', {
      code,
      nameVi: 'Cán bộ thống kê',
      nameEn: 'Statistics officer',
      permissions: ['reports.read', 'indicators.read', 'reports.read'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      code,
      nameVi: 'Cán bộ thống kê',
      nameEn: 'Statistics officer',
      permissions: ['indicators.read', 'reports.read'],
      isSystem: false,
      requiresMfa: false,
      version: 1,
    });
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('entity_type', '=', 'role')
      .where('entity_id', '=', code)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['role.create']);
    expect(
      (await manager.post('/api/v1/roles', { code, nameVi: 'x', nameEn: 'x', permissions: [] })).statusCode,
    ).toBe(409);
  });

  it('validates the code and the permissions', async () => {
    const bad = await manager.post('/api/v1/roles', {
      code: 'Vai Trò',
      nameVi: '',
      nameEn: 'x',
      permissions: ['cases.everything'],
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.code', 'body.nameVi', 'body.permissions.0']));
    expect(bad.json().errors.find((e: { path: string }) => e.path === 'body.code').message).toContain(
      'Mã vai trò',
    );
    const noCode = await manager.post('/api/v1/roles', { nameVi: 'x', nameEn: 'x', permissions: [] });
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json().errors).toEqual([{ path: 'body.code', message: 'Cần nhập mã vai trò' }]);
  });

  it('updates with the current version and refuses a stale or missing one with 409', async () => {
    const code = roleCode();
    await manager.post('/api/v1/roles', { code, nameVi: 'A', nameEn: 'A', permissions: ['units.read'] });
    const res = await manager.put(`/api/v1/roles/${code}`, {
      nameVi: 'B',
      nameEn: 'B',
      permissions: ['units.read', 'users.read'],
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ nameVi: 'B', permissions: ['units.read', 'users.read'], version: 2 });
    const stale = await manager.put(`/api/v1/roles/${code}`, {
      nameVi: 'C',
      nameEn: 'C',
      permissions: [],
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().type).toBe('/problems/version-conflict');
    const missing = await manager.put(`/api/v1/roles/${code}`, { nameVi: 'C', nameEn: 'C', permissions: [] });
    expect(missing.statusCode).toBe(409);
    const unknown = await manager.put('/api/v1/roles/khong_co', {
      nameVi: 'C',
      nameEn: 'C',
      permissions: [],
      version: 1,
    });
    expect(unknown.statusCode).toBe(404);
    expect(
      (await manager.get('/api/v1/roles')).json().items.find((r: { code: string }) => r.code === code).nameVi,
    ).toBe('B');
  });

  it('changes what the holders of a role may do at their next request', async () => {
    const { agent, user } = await agentFor(env, { unitCode: '14812', permissions: ['units.read'] });
    expect((await agent.get('/api/v1/users')).statusCode).toBe(403);
    const res = await manager.put(`/api/v1/roles/${user.roleCode}`, {
      nameVi: 'Thử',
      nameEn: 'Test',
      permissions: ['units.read', 'users.read'],
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect((await agent.get('/api/v1/users')).statusCode).toBe(200);
  });

  it('refuses callers without the permission (403) or without a session (401)', async () => {
    const { agent: reader } = await agentFor(env, { unitCode: '38', permissions: ['users.read'] });
    const { agent: none } = await agentFor(env, { unitCode: '38', permissions: [] });
    const body = { code: roleCode(), nameVi: 'x', nameEn: 'x', permissions: [] };
    expect((await reader.get('/api/v1/roles')).statusCode).toBe(200);
    expect((await none.get('/api/v1/roles')).statusCode).toBe(403);
    expect((await reader.post('/api/v1/roles', body)).statusCode).toBe(403);
    expect((await reader.put('/api/v1/roles/partner', { ...body, version: 1 })).statusCode).toBe(403);
    const anonymous = new Agent(env);
    expect((await anonymous.get('/api/v1/roles')).statusCode).toBe(401);
    expect((await anonymous.post('/api/v1/roles', body)).statusCode).toBe(401);
    expect((await anonymous.put('/api/v1/roles/partner', { ...body, version: 1 })).statusCode).toBe(401);
    expect((await anonymous.get('/api/v1/permissions')).statusCode).toBe(401);
  });
});

describe('permission catalogue', () => {
  it('lists every permission with its Vietnamese and English label, for any signed-in user', async () => {
    const { agent } = await agentFor(env, { unitCode: '14812', permissions: [] });
    const res = await agent.get('/api/v1/permissions');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; vi: string; en: string }[];
    expect(items.map((p) => p.code)).toEqual(Permission.options);
    expect(items.find((p) => p.code === 'cases.content.read')).toEqual({
      code: 'cases.content.read',
      vi: 'Xem nội dung hồ sơ vụ việc',
      en: 'Read case content',
    });
    for (const p of items) {
      expect(p.vi).toBe(permissionLabels[p.code as Permission].vi);
      expect(p.vi).not.toBe(p.en);
    }
  });
});
