import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestEnv } from '../../../test/harness';

// Its own app: three sign-in attempts per minute and IP address.
let env: TestEnv;

beforeAll(async () => {
  env = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
});
afterAll(() => env.close());

const loginFrom = (ip: string, password: string, headers: Record<string, string> = {}) =>
  env.app.server.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: ip,
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify({ username: 'bimson.lanhdao', password }),
  });

describe('per-IP sign-in rate limit', () => {
  it('answers 429 problem+json with retry-after beyond the limit, whatever the password', async () => {
    const ip = '203.0.113.10';
    expect((await loginFrom(ip, 'Sai-mat-khau#1')).statusCode).toBe(401);
    expect((await loginFrom(ip, 'Sai-mat-khau#2')).statusCode).toBe(401);
    expect((await loginFrom(ip, DEMO_PASSWORD)).statusCode).toBe(200);
    const limited = await loginFrom(ip, DEMO_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({
      type: '/problems/rate-limited',
      status: 429,
      title: 'Quá nhiều yêu cầu',
    });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.cookies.find((c) => c.name === 'tt_session')).toBeUndefined();

    const en = await loginFrom(ip, DEMO_PASSWORD, { 'accept-language': 'en' });
    expect(en.statusCode).toBe(429);
    expect(en.json().title).toBe('Too many requests');
  });

  it('counts each address separately', async () => {
    for (let i = 0; i < 4; i++) await loginFrom('203.0.113.20', 'Sai-mat-khau#1');
    expect((await loginFrom('203.0.113.20', DEMO_PASSWORD)).statusCode).toBe(429);
    expect((await loginFrom('203.0.113.21', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('does not limit other endpoints', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await env.app.server.inject({
        method: 'GET',
        url: '/healthz',
        remoteAddress: '203.0.113.30',
      });
      expect(res.statusCode).toBe(200);
    }
  });
});
