import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Agent,
  agentFor,
  ageSession,
  createTestApp,
  createUser,
  DEMO_PASSWORD,
  TEST_PASSWORD,
  type TestEnv,
} from '../../../test/harness';

let env: TestEnv;
let admin: Agent;

const MINUTE = 60_000;
const login = (agent: Agent, username: string, password: string, headers: Record<string, string> = {}) =>
  agent.post('/api/v1/auth/login', { username, password }, headers);

beforeAll(async () => {
  env = await createTestApp();
  admin = new Agent(env);
  await admin.login('admin', DEMO_PASSWORD);
});
afterAll(() => env.close());

describe('login', () => {
  it('sets an httpOnly SameSite=Strict session cookie and returns the CSRF token', async () => {
    const user = await createUser(env, { unitCode: '14812', permissions: ['users.read'] });
    const res = await login(new Agent(env), user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'tt_session');
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const body = res.json();
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(body).toMatchObject({ stage: 'active', demoMode: true });
    expect(body.user).toMatchObject({ id: user.id, username: user.username, permissions: ['users.read'] });
    expect(body.user.unit).toMatchObject({ code: '14812', fullName: 'Phường Bỉm Sơn' });
    expect(JSON.stringify(body)).not.toContain(cookie?.value);
  });

  it('accepts the username with different case and surrounding spaces', async () => {
    const res = await login(new Agent(env), '  BimSon.CanBo ', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.username).toBe('bimson.canbo');
  });

  it('refuses a wrong password with 401 problem+json, Vietnamese by default and English on request', async () => {
    const user = await createUser(env, { unitCode: '14812', permissions: [] });
    const vi = await login(new Agent(env), user.username, 'Sai-mat-khau#1');
    expect(vi.statusCode).toBe(401);
    expect(vi.headers['content-type']).toContain('application/problem+json');
    expect(vi.cookies.find((c) => c.name === 'tt_session')).toBeUndefined();
    expect(vi.json()).toMatchObject({
      type: '/problems/invalid-credentials',
      title: 'Đăng nhập không thành công',
      status: 401,
      detail: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
    const en = await login(new Agent(env), user.username, 'Sai-mat-khau#1', { 'accept-language': 'en' });
    expect(en.statusCode).toBe(401);
    expect(en.json()).toMatchObject({ title: 'Sign-in failed', detail: 'Wrong username or password.' });
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const user = await createUser(env, { unitCode: '14812', permissions: [] });
    const wrong = await login(new Agent(env), user.username, 'Sai-mat-khau#1');
    const unknown = await login(new Agent(env), 'khong.ton.tai', 'Sai-mat-khau#1');
    expect(unknown.statusCode).toBe(wrong.statusCode);
    const { requestId: _a, ...wrongBody } = wrong.json();
    const { requestId: _b, ...unknownBody } = unknown.json();
    expect(unknownBody).toEqual(wrongBody);
  });

  it('validates the body: missing fields and a very long username are 400, not 401 or 500', async () => {
    const missing = await new Agent(env).post('/api/v1/auth/login', { username: 'admin' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.password']);
    const long = await login(new Agent(env), 'a'.repeat(10_000), 'x');
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].path).toBe('body.username');
  });
});

describe('lockout after failed sign-ins', () => {
  it('locks for 15 minutes at the 5th failure, refuses even the right password, until unlocked', async () => {
    const user = await createUser(env, { unitCode: '14812', permissions: [] });
    const agent = new Agent(env);
    for (let i = 1; i <= 4; i++) {
      expect((await login(agent, user.username, `Sai-mat-khau#${i}`)).statusCode).toBe(401);
    }
    const fifth = await login(agent, user.username, 'Sai-mat-khau#5');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({ type: '/problems/account-locked', status: 429 });
    expect(fifth.json().detail).toContain('15 phút');
    const retryAfter = Number(fifth.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    const right = await login(agent, user.username, TEST_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);

    const shown = (await admin.get(`/api/v1/users/${user.id}`)).json();
    expect(Date.parse(shown.lockedUntil) - Date.now()).toBeGreaterThan(14 * MINUTE);
    const unlocked = await admin.post(`/api/v1/users/${user.id}/unlock`, { version: shown.version });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().lockedUntil).toBeNull();
    expect((await login(agent, user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('starts counting again after a successful sign-in', async () => {
    const user = await createUser(env, { unitCode: '14812', permissions: [] });
    const agent = new Agent(env);
    for (let i = 0; i < 4; i++) await login(agent, user.username, 'Sai-mat-khau#1');
    expect((await login(agent, user.username, TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) {
      expect((await login(agent, user.username, 'Sai-mat-khau#1')).statusCode).toBe(401);
    }
  });

  it('lets the account in again once the 15 minutes are over', async () => {
    const user = await createUser(env, { unitCode: '14812', permissions: [] });
    const agent = new Agent(env);
    for (let i = 0; i < 5; i++) await login(agent, user.username, 'Sai-mat-khau#1');
    expect((await login(agent, user.username, TEST_PASSWORD)).statusCode).toBe(429);
    await env.database.db
      .updateTable('app_user')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('id', '=', user.id)
      .execute();
    expect((await login(agent, user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('CSRF protection', () => {
  it('refuses a change without x-csrf-token or with a wrong one; GETs need none', async () => {
    const { agent } = await agentFor(env, { unitCode: '14812', permissions: ['users.read'] });
    const token = agent.csrfToken;
    agent.csrfToken = undefined;
    const missing = await agent.post('/api/v1/auth/logout');
    expect(missing.statusCode).toBe(403);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json().type).toBe('/problems/csrf');
    const wrong = await agent.post('/api/v1/auth/logout', {}, { 'x-csrf-token': 'gia-mao' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().type).toBe('/problems/csrf');
    expect((await agent.get('/api/v1/users')).statusCode).toBe(200);
    expect((await agent.get('/api/v1/auth/session')).statusCode).toBe(200);
    agent.csrfToken = token;
    expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(200);
  });

  it('does not accept the CSRF token of another session', async () => {
    const { agent: a } = await agentFor(env, { unitCode: '14812', permissions: ['users.read'] });
    const { agent: b } = await agentFor(env, { unitCode: '14812', permissions: ['users.read'] });
    const res = await a.post('/api/v1/auth/logout', {}, { 'x-csrf-token': b.csrfToken ?? '' });
    expect(res.statusCode).toBe(403);
  });

  it('returns the same token from GET /auth/session', async () => {
    const { agent } = await agentFor(env, { unitCode: '14812', permissions: [] });
    expect((await agent.get('/api/v1/auth/session')).json().csrfToken).toBe(agent.csrfToken);
  });
});

describe('session expiry', () => {
  it('ends a session idle for more than 30 minutes', async () => {
    const { agent } = await agentFor(env, { unitCode: '14812', permissions: ['users.read'] });
    await ageSession(env, agent, { idle: 29 * MINUTE });
    // Using the session after 29 minutes keeps it alive for 30 more.
    expect((await agent.get('/api/v1/users')).statusCode).toBe(200);
    await ageSession(env, agent, { idle: 29 * MINUTE });
    expect((await agent.get('/api/v1/users')).statusCode).toBe(200);
    await ageSession(env, agent, { idle: 31 * MINUTE });
    const res = await agent.get('/api/v1/users');
    expect(res.statusCode).toBe(401);
    expect(res.json().type).toBe('/problems/unauthenticated');
  });

  it('ends a session older than 12 hours even while it is in use', async () => {
    const { agent } = await agentFor(env, { unitCode: '14812', permissions: ['users.read'] });
    await ageSession(env, agent, { absolute: 11 * 60 * MINUTE });
    expect((await agent.get('/api/v1/users')).statusCode).toBe(200);
    await ageSession(env, agent, { absolute: 61 * MINUTE });
    expect((await agent.get('/api/v1/users')).statusCode).toBe(401);
  });

  it('tells the client when the session ends', async () => {
    const { agent } = await agentFor(env, { unitCode: '14812', permissions: [] });
    const info = (await agent.get('/api/v1/auth/session')).json();
    const idle = Date.parse(info.idleExpiresAt) - Date.now();
    const absolute = Date.parse(info.absoluteExpiresAt) - Date.now();
    expect(idle).toBeGreaterThan(29 * MINUTE);
    expect(idle).toBeLessThanOrEqual(30 * MINUTE);
    expect(absolute).toBeGreaterThan(11.9 * 60 * MINUTE);
    expect(absolute).toBeLessThanOrEqual(12 * 60 * MINUTE);
  });
});

describe('logout', () => {
  it('ends the session and clears the cookie', async () => {
    const { agent } = await agentFor(env, { unitCode: '14812', permissions: ['users.read'] });
    const stolen = agent.cookie;
    const res = await agent.post('/api/v1/auth/logout');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(agent.cookie).toBeUndefined();
    const replay = await env.app.server.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { cookie: stolen ?? '' },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('logout-all ends the other sessions of the user, not those of other users', async () => {
    const { agent: first, user } = await agentFor(env, { unitCode: '14812', permissions: ['users.read'] });
    const second = new Agent(env);
    await second.login(user.username);
    const { agent: other } = await agentFor(env, { unitCode: '14812', permissions: ['users.read'] });
    expect((await second.post('/api/v1/auth/logout-all')).statusCode).toBe(200);
    expect((await first.get('/api/v1/users')).statusCode).toBe(401);
    expect((await second.get('/api/v1/users')).statusCode).toBe(401);
    expect((await other.get('/api/v1/users')).statusCode).toBe(200);
  });

  it('ends every session of a user who is deactivated, and refuses their sign-in', async () => {
    const { agent, user } = await agentFor(env, { unitCode: '14812', permissions: ['users.read'] });
    const { version } = (await admin.get(`/api/v1/users/${user.id}`)).json();
    const res = await admin.post(`/api/v1/users/${user.id}/deactivate`, { version });
    expect(res.statusCode).toBe(200);
    expect(res.json().isActive).toBe(false);
    expect((await agent.get('/api/v1/users')).statusCode).toBe(401);
    expect((await login(new Agent(env), user.username, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('refuses every session endpoint without a session', async () => {
    const anonymous = new Agent(env);
    const endpoints: [string, string, Record<string, unknown>?][] = [
      ['GET', '/api/v1/auth/session'],
      ['POST', '/api/v1/auth/logout', {}],
      ['POST', '/api/v1/auth/logout-all', {}],
      ['POST', '/api/v1/auth/mfa/verify', { code: '123456' }],
      ['POST', '/api/v1/me/password', { currentPassword: 'a', newPassword: 'b' }],
      ['POST', '/api/v1/me/mfa/enrol', {}],
      ['POST', '/api/v1/me/mfa/confirm', { code: '123456' }],
      ['POST', '/api/v1/me/mfa/disable', { password: 'a' }],
      ['GET', '/api/v1/permissions'],
    ];
    for (const [method, url, body] of endpoints) {
      const res = await anonymous.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().type).toBe('/problems/unauthenticated');
    }
  });
});

describe('audit of sign-ins', () => {
  it('records successful and failed sign-ins without the password', async () => {
    const user = await createUser(env, { unitCode: '14812', permissions: [] });
    await login(new Agent(env), user.username, 'Sai-mat-khau#9');
    await login(new Agent(env), user.username, TEST_PASSWORD);
    const rows = await env.database.db
      .selectFrom('audit_log')
      .select(['action', 'diff'])
      .where('entity_id', '=', user.id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['auth.login_failed', 'auth.login']);
    expect(JSON.stringify(rows)).not.toContain('Sai-mat-khau#9');
    expect(JSON.stringify(rows)).not.toContain(TEST_PASSWORD);
  });
});
