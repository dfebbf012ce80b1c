import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Agent,
  agentFor,
  createTestApp,
  DEMO_PASSWORD,
  TEST_PASSWORD,
  type TestEnv,
} from '../../../test/harness';

let env: TestEnv;
let admin: Agent;

const NEW_PASSWORD = 'Mat-khau-moi#2026';

beforeAll(async () => {
  env = await createTestApp();
  admin = new Agent(env);
  await admin.login('admin', DEMO_PASSWORD);
});
afterAll(() => env.close());

const changePassword = (agent: Agent, currentPassword: string, newPassword: string, lang?: string) =>
  agent.post(
    '/api/v1/me/password',
    { currentPassword, newPassword },
    lang ? { 'accept-language': lang } : {},
  );

describe('changing one’s own password', () => {
  it('refuses a wrong current password with 400', async () => {
    const { agent } = await agentFor(env, { unitCode: '14812', permissions: [] });
    const res = await changePassword(agent, 'Sai-mat-khau#1', NEW_PASSWORD);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      type: '/problems/wrong-password',
      title: 'Mật khẩu hiện tại không đúng',
    });
  });

  it('lists every broken policy rule at body.newPassword, in Vietnamese or English', async () => {
    const { agent, user } = await agentFor(env, { unitCode: '14812', permissions: [] });
    const vi = await changePassword(agent, TEST_PASSWORD, 'ngan');
    expect(vi.statusCode).toBe(400);
    expect(vi.json().type).toBe('/problems/validation');
    expect(vi.json().errors).toEqual([
      { path: 'body.newPassword', message: 'Mật khẩu phải có ít nhất 10 ký tự' },
      { path: 'body.newPassword', message: 'Mật khẩu phải có chữ hoa' },
      { path: 'body.newPassword', message: 'Mật khẩu phải có chữ số' },
      { path: 'body.newPassword', message: 'Mật khẩu phải có ký tự đặc biệt' },
    ]);
    const en = await changePassword(agent, TEST_PASSWORD, 'ngan', 'en');
    expect(en.json().errors[0]).toEqual({
      path: 'body.newPassword',
      message: 'Password must have at least 10 characters',
    });
    const withName = await changePassword(agent, TEST_PASSWORD, `Xy#1${user.username.toUpperCase()}`);
    expect(withName.json().errors).toEqual([
      { path: 'body.newPassword', message: 'Mật khẩu không được chứa tên đăng nhập' },
    ]);
    const same = await changePassword(agent, TEST_PASSWORD, TEST_PASSWORD);
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0].path).toBe('body.newPassword');
    // Nothing changed: the old password still signs in.
    expect(
      (await new Agent(env).post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD }))
        .statusCode,
    ).toBe(200);
  });

  it('changes the password, keeps this session and ends the others', async () => {
    const { agent, user } = await agentFor(env, { unitCode: '14812', permissions: ['users.read'] });
    const other = new Agent(env);
    await other.login(user.username);
    const res = await changePassword(agent, TEST_PASSWORD, NEW_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect((await agent.get('/api/v1/users')).statusCode).toBe(200);
    expect((await other.get('/api/v1/users')).statusCode).toBe(401);
    const old = await new Agent(env).post('/api/v1/auth/login', {
      username: user.username,
      password: TEST_PASSWORD,
    });
    expect(old.statusCode).toBe(401);
    await new Agent(env).login(user.username, NEW_PASSWORD);

    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('diff')
      .where('entity_id', '=', user.id)
      .where('action', '=', 'user.password_changed')
      .executeTakeFirstOrThrow();
    expect(audit.diff).toMatchObject({ password_hash: { from: '[đã che]', to: '[đã che]' } });
  });

  it('needs a session and the CSRF token', async () => {
    expect((await changePassword(new Agent(env), TEST_PASSWORD, NEW_PASSWORD)).statusCode).toBe(401);
    const { agent } = await agentFor(env, { unitCode: '14812', permissions: [] });
    agent.csrfToken = undefined;
    expect((await changePassword(agent, TEST_PASSWORD, NEW_PASSWORD)).statusCode).toBe(403);
  });
});

describe('a password that must be changed', () => {
  it('blocks normal endpoints with 403 password_change_required until it is changed', async () => {
    const { agent } = await agentFor(env, {
      unitCode: '14812',
      permissions: ['users.read'],
      mustChangePassword: true,
    });
    const session = (await agent.get('/api/v1/auth/session')).json();
    expect(session.user.mustChangePassword).toBe(true);
    const blocked = await agent.get('/api/v1/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({
      type: '/problems/password-change-required',
      title: 'Cần đổi mật khẩu',
    });
    expect((await agent.get('/api/v1/permissions')).statusCode).toBe(403);

    expect((await changePassword(agent, TEST_PASSWORD, NEW_PASSWORD)).statusCode).toBe(200);
    expect((await agent.get('/api/v1/auth/session')).json().user.mustChangePassword).toBe(false);
    expect((await agent.get('/api/v1/users')).statusCode).toBe(200);
  });

  it('is what an administrator’s password reset sets; the user’s sessions end', async () => {
    const { agent, user } = await agentFor(env, { unitCode: '14812', permissions: ['users.read'] });
    const { version } = (await admin.get(`/api/v1/users/${user.id}`)).json();
    const weak = await admin.post(`/api/v1/users/${user.id}/reset-password`, { version, newPassword: 'abc' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].path).toBe('body.newPassword');
    const res = await admin.post(`/api/v1/users/${user.id}/reset-password`, {
      version,
      newPassword: 'Tam-thoi#2026',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(version + 1);
    expect((await agent.get('/api/v1/users')).statusCode).toBe(401);

    const next = new Agent(env);
    const info = await next.login(user.username, 'Tam-thoi#2026');
    expect(info.user.mustChangePassword).toBe(true);
    expect((await next.get('/api/v1/users')).statusCode).toBe(403);
    expect((await changePassword(next, 'Tam-thoi#2026', NEW_PASSWORD)).statusCode).toBe(200);
    expect((await next.get('/api/v1/users')).statusCode).toBe(200);
  });
});
