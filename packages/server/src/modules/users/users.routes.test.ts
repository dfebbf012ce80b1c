import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, DEMO_PASSWORD, type TestEnv, unitByCode } from '../../../test/harness';

let env: TestEnv;
let admin: Agent;
let bimSonId: number;

beforeAll(async () => {
  env = await createTestApp();
  admin = new Agent(env);
  await admin.login('admin', DEMO_PASSWORD);
  bimSonId = (await unitByCode(env.database, '14812')).id;
});
afterAll(() => env.close());

const token = () => randomUUID().slice(0, 8);
const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: `nd.${token()}`,
  fullName: 'Trần Thị Mai',
  email: 'mai@example.vn',
  phone: '0912345678',
  unitId: bimSonId,
  roles: ['child_protection_officer'],
  password: 'Khoi-tao#2026',
  ...overrides,
});
const countUsers = async (username: string) =>
  (await env.database.db.selectFrom('app_user').select('id').where('username', '=', username).execute())
    .length;

describe('creating users', () => {
  it('creates a user in a commune of the province (201) and audits it with the password redacted', async () => {
    const body = newUser();
    const res = await admin.post('/api/v1/users', body);
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      username: body.username,
      fullName: 'Trần Thị Mai',
      email: 'mai@example.vn',
      phone: '0912345678',
      unit: { id: bimSonId, code: '14812', fullName: 'Phường Bỉm Sơn' },
      roles: ['child_protection_officer'],
      isActive: true,
      mfaEnabled: false,
      lockedUntil: null,
      lastLoginAt: null,
      version: 1,
      abilities: { canEdit: true, canDeactivate: true, canResetPassword: true },
    });
    expect(JSON.stringify(user)).not.toContain('password');

    const audit = await env.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.create')
      .where('entity_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_username: 'admin',
      unit_id: bimSonId,
      request_id: res.headers['x-request-id'],
    });
    const diff = audit.diff as Record<string, { from: unknown; to: unknown }>;
    expect(diff.password_hash).toEqual({ from: null, to: '[đã che]' });
    expect(diff.username).toEqual({ from: null, to: body.username });
    expect(JSON.stringify(diff)).not.toContain('argon2');
    expect(JSON.stringify(diff)).not.toContain(body.password);
  });

  it('writes the user and its audit row in one transaction: no audit, no user', async () => {
    const body = newUser();
    const db = env.database.db;
    await sql`ALTER TABLE audit_log RENAME TO audit_log_hidden`.execute(db);
    try {
      const res = await admin.post('/api/v1/users', body);
      expect(res.statusCode).toBe(500);
      expect(res.json().type).toBe('/problems/internal');
    } finally {
      await sql`ALTER TABLE audit_log_hidden RENAME TO audit_log`.execute(db);
    }
    expect(await countUsers(body.username)).toBe(0);
    expect((await admin.post('/api/v1/users', body)).statusCode).toBe(201);
  });

  it('makes the new user change the password at first sign-in', async () => {
    const body = newUser();
    await admin.post('/api/v1/users', body);
    const info = await new Agent(env).login(body.username, body.password);
    expect(info.user.mustChangePassword).toBe(true);
  });

  it('refuses a taken username (409), an unknown role, a weak password and bad fields (400)', async () => {
    const body = newUser();
    expect((await admin.post('/api/v1/users', body)).statusCode).toBe(201);
    const taken = await admin.post('/api/v1/users', { ...body, fullName: 'Khác' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors).toEqual([{ path: 'body.username', message: 'Tên đăng nhập đã tồn tại' }]);
    const role = await admin.post('/api/v1/users', newUser({ roles: ['khong_co'] }));
    expect(role.statusCode).toBe(400);
    expect(role.json().errors).toEqual([{ path: 'body.roles', message: 'Vai trò không tồn tại' }]);
    const weak = await admin.post('/api/v1/users', newUser({ password: 'abc' }));
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors.every((e: { path: string }) => e.path === 'body.password')).toBe(true);
    const fields = await admin.post(
      '/api/v1/users',
      newUser({ username: 'Có Dấu', email: 'x', phone: '12' }),
    );
    expect(fields.statusCode).toBe(400);
    expect(fields.json().errors).toEqual(
      expect.arrayContaining([
        { path: 'body.username', message: expect.stringContaining('Tên đăng nhập chỉ gồm') },
        { path: 'body.email', message: 'Địa chỉ thư điện tử không hợp lệ' },
        { path: 'body.phone', message: 'Số điện thoại không hợp lệ' },
      ]),
    );
  });

  it('replays a POST with the same Idempotency-Key instead of creating twice', async () => {
    const body = newUser();
    const key = `tao-${token()}`;
    const first = await admin.post('/api/v1/users', body, { 'idempotency-key': key });
    const second = await admin.post('/api/v1/users', body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await countUsers(body.username)).toBe(1);

    const other = await admin.post('/api/v1/users', newUser(), { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
    expect(other.json().type).toBe('/problems/idempotency-mismatch');
  });
});

describe('listing and searching', () => {
  it('pages with limit and cursor, without overlap, to the end', async () => {
    const mark = `Trang${token()}`;
    for (let i = 0; i < 5; i++) {
      expect(
        (await admin.post('/api/v1/users', newUser({ fullName: `Người ${mark} ${i}` }))).statusCode,
      ).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/users?limit=2&q=${mark}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await admin.get(url);
      expect(res.statusCode).toBe(200);
      const page: { items: { username: string }[]; nextCursor: string | null } = res.json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((u) => u.username));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect([...seen].sort()).toEqual(seen);
  });

  it('searches names without diacritics or case, and usernames', async () => {
    const mark = token();
    const body = newUser({ fullName: `Đặng Thị Hương Giang ${mark}` });
    await admin.post('/api/v1/users', body);
    for (const q of ['dang thi huong', 'ĐẶNG THỊ HƯƠNG', 'Huong Giang', body.username]) {
      const res = await admin.get(`/api/v1/users?q=${encodeURIComponent(q)}&limit=200`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((u: { username: string }) => u.username)).toContain(body.username);
    }
    const none = await admin.get(`/api/v1/users?q=${encodeURIComponent(`Giang ${mark}x`)}`);
    expect(none.json()).toEqual({ items: [], nextCursor: null });
  });

  it('treats SQL-looking and wildcard search strings as plain text', async () => {
    const body = newUser({ fullName: `Tên_có_gạch ${token()}` });
    await admin.post('/api/v1/users', body);
    for (const q of ["' OR 1=1 --", "'; DROP TABLE app_user; --", '%', '\\', "\\' OR ''='"]) {
      const res = await admin.get(`/api/v1/users?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
    }
    // `_` is a character like any other: only the name that contains it matches.
    for (const q of ['_', 'tên_có']) {
      const res = await admin.get(`/api/v1/users?q=${encodeURIComponent(q)}&limit=200`);
      expect(res.json().items.map((u: { username: string }) => u.username)).toEqual([body.username]);
    }
    expect(await countUsers('admin')).toBe(1);
  });

  it('filters by unit and by active flag', async () => {
    const res = await admin.get(`/api/v1/users?unitId=${bimSonId}&limit=200`);
    const units = new Set(res.json().items.map((u: { unit: { code: string } }) => u.unit.code));
    expect([...units]).toEqual(['14812']);
    const inactive = await admin.get('/api/v1/users?active=false&limit=200');
    expect(inactive.json().items.every((u: { isActive: boolean }) => !u.isActive)).toBe(true);
    const bad = await admin.get('/api/v1/users?limit=0&active=maybe');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['query.active', 'query.limit']);
  });
});

describe('editing users', () => {
  it('updates with the current version and refuses a stale one with 409', async () => {
    const created = (await admin.post('/api/v1/users', newUser())).json();
    const res = await admin.patch(`/api/v1/users/${created.id}`, {
      version: created.version,
      fullName: 'Trần Thị Mai Anh',
      roles: ['commune_leader'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ fullName: 'Trần Thị Mai Anh', roles: ['commune_leader'], version: 2 });

    const stale = await admin.patch(`/api/v1/users/${created.id}`, { version: 1, fullName: 'Cũ' });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json()).toMatchObject({
      type: '/problems/version-conflict',
      title: 'Dữ liệu đã bị thay đổi',
    });
    expect((await admin.get(`/api/v1/users/${created.id}`)).json().fullName).toBe('Trần Thị Mai Anh');

    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('diff')
      .where('action', '=', 'user.update')
      .where('entity_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(audit.diff).toEqual({
      full_name: { from: 'Trần Thị Mai', to: 'Trần Thị Mai Anh' },
      roles: { from: ['child_protection_officer'], to: ['commune_leader'] },
    });
  });

  it('lets exactly one of two simultaneous edits of the same version win', async () => {
    const created = (await admin.post('/api/v1/users', newUser())).json();
    const edits = await Promise.all(
      ['Tên A', 'Tên B'].map((fullName) =>
        admin.patch(`/api/v1/users/${created.id}`, { version: 1, fullName }),
      ),
    );
    expect(edits.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = edits.find((r) => r.statusCode === 200)?.json();
    expect((await admin.get(`/api/v1/users/${created.id}`)).json()).toMatchObject({
      fullName: winner.fullName,
      version: 2,
    });
  });

  it('deactivates and reactivates, each bumping the version; stale versions are refused', async () => {
    const created = (await admin.post('/api/v1/users', newUser())).json();
    const off = await admin.post(`/api/v1/users/${created.id}/deactivate`, { version: 1 });
    expect(off.json()).toMatchObject({ isActive: false, version: 2 });
    expect((await admin.post(`/api/v1/users/${created.id}/activate`, { version: 1 })).statusCode).toBe(409);
    const on = await admin.post(`/api/v1/users/${created.id}/activate`, { version: 2 });
    expect(on.json()).toMatchObject({ isActive: true, version: 3 });
  });

  it('does not let an administrator deactivate themself', async () => {
    const me = (await admin.get('/api/v1/auth/session')).json().user;
    const shown = (await admin.get(`/api/v1/users/${me.id}`)).json();
    expect(shown.abilities).toEqual({ canEdit: true, canDeactivate: false, canResetPassword: true });
    const res = await admin.post(`/api/v1/users/${me.id}/deactivate`, { version: shown.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].message).toBe('Không thể tự khóa tài khoản của mình');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await admin.get(`/api/v1/users/${randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    const malformed = await admin.get('/api/v1/users/123');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].path).toBe('params.id');
  });
});
