import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Permission } from '@tuoitho/domain';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { type App, buildApp } from '../src/app';
import { hashPassword } from '../src/platform/auth/passwords';
import { loadConfig } from '../src/platform/config';
import { type Database, openPGlite, openPostgres } from '../src/platform/db/database';
import { adminUrl, testDbKind } from './db-target';

export const TEST_PASSWORD = 'Thu-nghiem#2026';
export const DEMO_PASSWORD = 'TuoiTho@2026';

/** A fresh database for one test file, copied from the migrated template of global-setup. */
export async function openTestDatabase(): Promise<Database & { dispose(): Promise<void> }> {
  if (testDbKind() === 'pg') {
    const name = `tuoitho_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const admin = openPostgres(adminUrl(), 1);
    await admin.withSession((s) => s.exec(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`));
    const database = openPostgres(adminUrl(name), 4);
    return {
      ...database,
      async dispose() {
        await database.close();
        await admin.withSession((s) => s.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        await admin.close();
      },
    };
  }
  const file = inject('pgliteTemplate');
  const database = await openPGlite(undefined, new Blob([fs.readFileSync(file)]));
  return { ...database, dispose: () => database.close() };
}

export type TestEnv = { app: App; database: Database; close(): Promise<void> };

/** An app over a fresh database; `env` overrides configuration variables (e.g. MFA_ENFORCED). */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestEnv> {
  const database = await openTestDatabase();
  const config = loadConfig({
    DATA_DIR: fs.mkdtempSync('/tmp/tuoitho-app-'),
    SECRET_KEY: 'test-secret-key-test-secret-key-0123456789',
    LOG_LEVEL: 'silent',
    DEMO_MODE: 'true',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...env,
  });
  const app = await buildApp(database, config, { logger: false });
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}

type Body = Record<string, unknown> | unknown[] | undefined;

/** An HTTP client of one browser: keeps the session cookie and sends the CSRF token on changes. */
export class Agent {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(readonly env: TestEnv) {}

  async request(
    method: string,
    url: string,
    body?: Body,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const res = await this.env.app.server.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const setCookie = res.cookies.find((c) => c.name === 'tt_session');
    if (setCookie) this.cookie = setCookie.value ? `tt_session=${setCookie.value}` : undefined;
    const json = String(res.headers['content-type'] ?? '').includes('json') ? res.json() : undefined;
    if (json && typeof json === 'object' && 'csrfToken' in json) this.csrfToken = json.csrfToken as string;
    return res;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body: Body = {}, headers?: Record<string, string>) =>
    this.request('POST', url, body, headers);
  patch = (url: string, body: Body, headers?: Record<string, string>) =>
    this.request('PATCH', url, body, headers);
  put = (url: string, body: Body, headers?: Record<string, string>) =>
    this.request('PUT', url, body, headers);

  /** Signs in and fails the test unless the answer is 200. */
  async login(username: string, password = TEST_PASSWORD) {
    const res = await this.post('/api/v1/auth/login', { username, password });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    return res.json();
  }
}

/** A current unit by code (e.g. 14812 Phường Bỉm Sơn). */
export async function unitByCode(database: Database, code: string) {
  return database.db
    .selectFrom('admin_unit')
    .select(['id', 'path', 'full_name'])
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirstOrThrow();
}

/**
 * Creates a user of its own (unique username) in a unit with a role holding exactly `permissions`,
 * so each test builds what it needs and never depends on another test's data.
 */
export async function createUser(
  env: TestEnv,
  opts: { unitCode: string; permissions: Permission[]; password?: string; mustChangePassword?: boolean },
) {
  const suffix = randomUUID().slice(0, 8);
  const unit = await unitByCode(env.database, opts.unitCode);
  const roleCode = `test_role_${suffix}`;
  const username = `test.${suffix}`;
  const passwordHash = await hashPassword(opts.password ?? TEST_PASSWORD);
  const db = env.database.db;
  await db
    .insertInto('role')
    .values({ code: roleCode, name_vi: roleCode, name_en: roleCode, permissions: opts.permissions })
    .execute();
  const user = await db
    .insertInto('app_user')
    .values({
      username,
      full_name: `Người dùng thử ${suffix}`,
      email: null,
      phone: null,
      unit_id: unit.id,
      password_hash: passwordHash,
      must_change_password: opts.mustChangePassword ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('user_role').values({ user_id: user.id, role_code: roleCode }).execute();
  return { id: user.id, username, unitId: unit.id, roleCode };
}

/** Signs in a freshly created user and returns the agent. */
export async function agentFor(env: TestEnv, opts: Parameters<typeof createUser>[1]) {
  const user = await createUser(env, opts);
  const agent = new Agent(env);
  await agent.login(user.username, opts.password ?? TEST_PASSWORD);
  return { agent, user };
}

/** Moves a session's clock back, to test idle and absolute expiry without waiting. */
export async function ageSession(env: TestEnv, agent: Agent, ms: { idle?: number; absolute?: number }) {
  const token = agent.cookie?.split('=')[1];
  if (!token) throw new Error('no session');
  const { sha256 } = await import('../src/platform/crypto');
  await sql`UPDATE user_session SET
      last_seen_at = last_seen_at - make_interval(secs => ${(ms.idle ?? 0) / 1000}),
      created_at = created_at - make_interval(secs => ${(ms.absolute ?? 0) / 1000})
    WHERE id = ${sha256(token)}`.execute(env.database.db);
}
