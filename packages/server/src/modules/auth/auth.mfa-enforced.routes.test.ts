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

// An installation that enforces 2FA for every role that can read case content.
let env: TestEnv;

beforeAll(async () => {
  env = await createTestApp({ MFA_ENFORCED: 'true' });
});
afterAll(() => env.close());

describe('enforced 2FA', () => {
  it('makes a user who can read case content enrol before anything else', async () => {
    const { agent } = await agentFor(env, {
      unitCode: '14812',
      permissions: ['users.read', 'cases.content.read'],
    });
    const session = (await agent.get('/api/v1/auth/session')).json();
    expect(session).toMatchObject({ stage: 'mfa_enrol', user: { mfaEnabled: false, permissions: [] } });
    const blocked = await agent.get('/api/v1/users');
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().type).toBe('/problems/mfa-required');
    expect(
      (
        await agent.post('/api/v1/me/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: 'Moi-Mat-Khau#2026',
        })
      ).statusCode,
    ).toBe(401);

    const { secret } = (await agent.post('/api/v1/me/mfa/enrol')).json();
    const cookieBefore = agent.cookie;
    const confirmed = await agent.post('/api/v1/me/mfa/confirm', { code: currentTotp(secret) });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().recoveryCodes).toHaveLength(10);
    expect(agent.cookie).not.toBe(cookieBefore);
    // The old session, with its CSRF token, ended; the client re-reads the new one.
    expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(403);
    const after = (await agent.get('/api/v1/auth/session')).json();
    expect(after).toMatchObject({ stage: 'active', user: { mfaEnabled: true } });
    expect((await agent.get('/api/v1/users')).statusCode).toBe(200);
  });

  it('asks an enrolled user for the code at the next sign-in', async () => {
    const { agent, user } = await agentFor(env, { unitCode: '14812', permissions: ['cases.content.read'] });
    const { secret } = (await agent.post('/api/v1/me/mfa/enrol')).json();
    await agent.post('/api/v1/me/mfa/confirm', { code: currentTotp(secret) });
    const next = new Agent(env);
    expect((await next.login(user.username)).stage).toBe('mfa');
    const verified = await next.post('/api/v1/auth/mfa/verify', {
      code: currentTotp(secret, Date.now() + 30_000),
    });
    expect(verified.json().stage).toBe('active');
  });

  it('applies to the demo child-protection officer, not to the partner organisation', async () => {
    const officer = new Agent(env);
    expect((await officer.login('bimson.canbo', DEMO_PASSWORD)).stage).toBe('mfa_enrol');
    const partner = new Agent(env);
    expect((await partner.login('doitac.hoiphunu', DEMO_PASSWORD)).stage).toBe('active');
  });

  it('refuses to turn 2FA off for such a role (403)', async () => {
    const { agent } = await agentFor(env, { unitCode: '14812', permissions: ['cases.content.read'] });
    const { secret } = (await agent.post('/api/v1/me/mfa/enrol')).json();
    await agent.post('/api/v1/me/mfa/confirm', { code: currentTotp(secret) });
    // Enrolment replaced the session: the client re-reads it for the new CSRF token.
    await agent.get('/api/v1/auth/session');
    const res = await agent.post('/api/v1/me/mfa/disable', { password: TEST_PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      type: '/problems/mfa-required-by-role',
      title: 'Không thể tắt xác thực hai lớp',
    });
    expect((await agent.get('/api/v1/auth/session')).json().user.mfaEnabled).toBe(true);
  });

  it('lets users without case content sign in directly and turn optional 2FA off', async () => {
    const { agent } = await agentFor(env, { unitCode: '14812', permissions: ['users.read'] });
    expect((await agent.get('/api/v1/auth/session')).json().stage).toBe('active');
    const { secret } = (await agent.post('/api/v1/me/mfa/enrol')).json();
    await agent.post('/api/v1/me/mfa/confirm', { code: currentTotp(secret) });
    expect((await agent.post('/api/v1/me/mfa/disable', { password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('marks the roles that require 2FA', async () => {
    const { agent } = await agentFor(env, { unitCode: '38', permissions: ['users.read'] });
    const roles = (await agent.get('/api/v1/roles')).json().items as { code: string; requiresMfa: boolean }[];
    const byCode = Object.fromEntries(roles.map((r) => [r.code, r.requiresMfa]));
    expect(byCode).toMatchObject({ child_protection_officer: true, commune_leader: true, partner: false });
  });
});
