import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../../../test/db-target';
import { createTestApp, type TestEnv } from '../../../test/harness';

let env: TestEnv;

beforeAll(async () => {
  env = await createTestApp();
});
afterAll(() => env.close());

describe('health checks', () => {
  it('GET /healthz answers {"status":"ok"} without a session', async () => {
    const res = await env.app.server.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.body).toBe('{"status":"ok"}');
  });

  it('GET /readyz answers 200 when the database answers, naming its kind', async () => {
    const res = await env.app.server.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: env.database.kind });
  });

  it.skipIf(testDbKind() !== 'pg')('stays up when PostgreSQL closes idle connections', async () => {
    const ready = () => env.app.server.inject({ method: 'GET', url: '/readyz' });
    // Open several pooled connections, then have the server terminate the idle ones.
    await Promise.all([ready(), ready(), ready(), ready()]);
    const { rows } = await sql<{ terminated: number }>`
      SELECT count(pg_terminate_backend(pid))::int AS terminated FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()`.execute(env.database.db);
    expect(rows[0]?.terminated).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (let i = 0; i < 5; i++) expect((await ready()).statusCode).toBe(200);
  });
});
