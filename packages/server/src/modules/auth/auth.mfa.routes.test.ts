import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Agent,
  agentFor,
  createTestApp,
  DEMO_PASSWORD,
  TEST_PASSWORD,
  type TestEnv,
} from '../../../test/harness';
import { currentTotp } from './mfa';

let env: TestEnv;
let admin: Agent;

beforeAll(async () => {
  env = await createTestApp();
  admin = new Agent(env);
  await admin.login('admin', DEMO_PASSWORD);
});
afterAll(() => env.close());

/** A signed-in user (permission users.read) who has turned 2FA on; returns the secret and codes. */
async function userWithMfa() {
  const { agent, user } = await agentFor(env, { unitCode: '14812', permissions: ['users.read'] });
  const enrolment = (await agent.post('/api/v1/me/mfa/enrol')).json();
  const confirmed = await agent.post('/api/v1/me/mfa/confirm', { code: currentTotp(enrolment.secret) });
  expect(confirmed.statusCode).toBe(200);
  return {
    agent,
    user,
    secret: enrolment.secret as string,
    codes: confirmed.json().recoveryCodes as string[],
  };
}

/** Signs in with the password only: the session then waits for the second factor. */
async function passwordStep(username: string) {
  const agent = new Agent(env);
  const res = await agent.post('/api/v1/auth/login', { username, password: TEST_PASSWORD });
  expect(res.statusCode).toBe(200);
  return { agent, res };
}

describe('2FA enrolment', () => {
  it('gives a base32 secret, an otpauth URL and a PNG QR code', async () => {
    const { agent, user } = await agentFor(env, { unitCode: '14812', permissions: [] });
    const res = await agent.post('/api/v1/me/mfa/enrol');
    expect(res.statusCode).toBe(200);
    const { secret, otpauthUrl, qrCodeDataUrl } = res.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect(otpauthUrl).toContain(user.username);
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    const stored = await env.database.db
      .selectFrom('app_user')
      .select(['mfa_secret_enc', 'mfa_enabled'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.mfa_enabled).toBe(false);
    expect(stored.mfa_secret_enc).toMatch(/^v1\./);
    expect(stored.mfa_secret_enc).not.toContain(secret);
  });

  it('confirms with a current code and returns ten one-time recovery codes', async () => {
    const { agent, secret, codes } = await userWithMfa();
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    expect(new Set(codes).size).toBe(10);
    expect(secret).toBeTruthy();
    const session = (await agent.get('/api/v1/auth/session')).json();
    expect(session.user.mfaEnabled).toBe(true);
    expect((await agent.post('/api/v1/me/mfa/enrol')).statusCode).toBe(409);
  });

  it('refuses a wrong confirmation code and a confirmation before enrolment', async () => {
    const { agent } = await agentFor(env, { unitCode: '14812', permissions: [] });
    const early = await agent.post('/api/v1/me/mfa/confirm', { code: '123456' });
    expect(early.statusCode).toBe(409);
    expect(early.json().type).toBe('/problems/mfa-not-enrolled');
    const { secret } = (await agent.post('/api/v1/me/mfa/enrol')).json();
    const wrongCode = currentTotp(secret) === '000000' ? '111111' : '000000';
    const wrong = await agent.post('/api/v1/me/mfa/confirm', { code: wrongCode });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().type).toBe('/problems/invalid-mfa-code');
    const malformed = await agent.post('/api/v1/me/mfa/confirm', { code: '12ab' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors).toEqual([{ path: 'body.code', message: 'Mã xác thực gồm 6 chữ số' }]);
  });
});

describe('sign-in with 2FA', () => {
  it('waits for the code: stage mfa, no permissions, API calls 401 until a valid TOTP', async () => {
    const { user, secret } = await userWithMfa();
    const { agent, res } = await passwordStep(user.username);
    expect(res.json()).toMatchObject({ stage: 'mfa', user: { mfaEnabled: true, permissions: [] } });
    const blocked = await agent.get('/api/v1/users');
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().type).toBe('/problems/mfa-required');
    expect((await agent.get('/api/v1/permissions')).statusCode).toBe(401);
    expect((await agent.get('/api/v1/auth/session')).json().stage).toBe('mfa');

    const cookieBefore = agent.cookie;
    // The code of this time step was used to confirm the enrolment: it is refused as a replay,
    // while the code of the next step (within the accepted drift) signs in.
    const replay = await agent.post('/api/v1/auth/mfa/verify', { code: currentTotp(secret) });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().type).toBe('/problems/invalid-mfa-code');
    const verified = await agent.post('/api/v1/auth/mfa/verify', {
      code: currentTotp(secret, Date.now() + 30_000),
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ stage: 'active', user: { permissions: ['users.read'] } });
    expect(agent.cookie).not.toBe(cookieBefore);
    expect((await agent.get('/api/v1/users')).statusCode).toBe(200);

    // The token seen before the second factor is worth nothing after it.
    const old = await env.app.server.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { cookie: cookieBefore ?? '' },
    });
    expect(old.statusCode).toBe(401);
  });

  it('refuses wrong codes with 401 and ends the session after five', async () => {
    const { user, secret } = await userWithMfa();
    const { agent } = await passwordStep(user.username);
    const current = currentTotp(secret);
    const wrongCode = String((Number(current) + 500_000) % 1_000_000).padStart(6, '0');
    const wrong = await agent.post('/api/v1/auth/mfa/verify', { code: wrongCode });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({
      type: '/problems/invalid-mfa-code',
      title: 'Mã xác thực không đúng',
    });
    const wrongRecovery = await agent.post('/api/v1/auth/mfa/verify', { code: 'AAAAA-AAAAA' });
    expect(wrongRecovery.statusCode).toBe(401);
    for (let i = 0; i < 3; i++) await agent.post('/api/v1/auth/mfa/verify', { code: wrongCode });
    const afterFive = await agent.post('/api/v1/auth/mfa/verify', { code: currentTotp(secret) });
    expect(afterFive.statusCode).toBe(401);
    expect(afterFive.json().type).toBe('/problems/unauthenticated');
  });

  it('accepts a recovery code once only, whatever its case and dash', async () => {
    const { user, codes } = await userWithMfa();
    const code = codes[3] ?? '';
    const first = await passwordStep(user.username);
    const ok = await first.agent.post('/api/v1/auth/mfa/verify', {
      code: code.replace('-', '').toLowerCase(),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().stage).toBe('active');

    const second = await passwordStep(user.username);
    const again = await second.agent.post('/api/v1/auth/mfa/verify', { code });
    expect(again.statusCode).toBe(401);
    const other = await second.agent.post('/api/v1/auth/mfa/verify', { code: codes[4] ?? '' });
    expect(other.statusCode).toBe(200);
  });

  it('refuses verification on a session that awaits no code', async () => {
    const { agent } = await agentFor(env, { unitCode: '14812', permissions: [] });
    const res = await agent.post('/api/v1/auth/mfa/verify', { code: '123456' });
    expect(res.statusCode).toBe(409);
    expect((await new Agent(env).post('/api/v1/auth/mfa/verify', { code: '123456' })).statusCode).toBe(401);
  });

  it('audits the second factor and never stores codes in the log', async () => {
    const { user, secret, codes } = await userWithMfa();
    const { agent } = await passwordStep(user.username);
    await agent.post('/api/v1/auth/mfa/verify', { code: codes[0] ?? '' });
    const rows = await env.database.db
      .selectFrom('audit_log')
      .select(['action', 'diff'])
      .where('entity_id', '=', user.id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['user.mfa_enrol_started', 'user.mfa_enabled', 'auth.mfa_verified']),
    );
    const text = JSON.stringify(rows);
    expect(text).not.toContain(secret);
    for (const code of codes) expect(text).not.toContain(code);
  });
});

describe('turning 2FA off', () => {
  it('needs the password, then sign-in has no second step', async () => {
    const { agent, user } = await userWithMfa();
    const wrong = await agent.post('/api/v1/me/mfa/disable', { password: 'Sai-mat-khau#1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().type).toBe('/problems/wrong-password');
    const res = await agent.post('/api/v1/me/mfa/disable', { password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const { res: next } = await passwordStep(user.username);
    expect(next.json().stage).toBe('active');
  });

  it('an administrator can reset a lost 2FA; the user’s sessions end', async () => {
    const { agent, user } = await userWithMfa();
    const { version } = (await admin.get(`/api/v1/users/${user.id}`)).json();
    const res = await admin.post(`/api/v1/users/${user.id}/mfa/reset`, { version });
    expect(res.statusCode).toBe(200);
    expect(res.json().mfaEnabled).toBe(false);
    expect((await agent.get('/api/v1/users')).statusCode).toBe(401);
    const { res: next } = await passwordStep(user.username);
    expect(next.json().stage).toBe('active');
  });
});
