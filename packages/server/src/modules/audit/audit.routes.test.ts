import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Agent,
  agentFor,
  createTestApp,
  DEMO_PASSWORD,
  type TestEnv,
  unitByCode,
} from '../../../test/harness';
import { verifyAuditChain } from '../../platform/audit/audit';

let env: TestEnv;
let province: Agent;
let quangTrung: Agent;
let bimSonUserId: string;
let quangTrungUserId: string;

type Entry = {
  id: string;
  action: string;
  entityId: string | null;
  actorUsername: string | null;
  diff: unknown;
};

/** Creates a user through the API, so that the change is audited with its unit. */
async function createVia(agent: Agent, unitCode: string) {
  const res = await agent.post('/api/v1/users', {
    username: `nd.${randomUUID().slice(0, 8)}`,
    fullName: `Người dùng ${unitCode}`,
    unitId: (await unitByCode(env.database, unitCode)).id,
    roles: ['partner'],
    password: 'Khoi-tao#2026',
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  env = await createTestApp();
  province = new Agent(env);
  await province.login('admin', DEMO_PASSWORD);
  ({ agent: quangTrung } = await agentFor(env, {
    unitCode: '14818',
    permissions: ['audit.read', 'users.read', 'users.manage'],
  }));
  bimSonUserId = await createVia(province, '14812');
  quangTrungUserId = await createVia(quangTrung, '14818');
});
afterAll(() => env.close());

const entries = async (agent: Agent, query = '') => {
  const res = await agent.get(`/api/v1/audit?limit=200${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().items as Entry[];
};

describe('audit log', () => {
  it('shows the caller the rows of their own subtree only', async () => {
    const local = await entries(quangTrung);
    const ids = local.map((e) => e.entityId);
    expect(ids).toContain(quangTrungUserId);
    expect(ids).not.toContain(bimSonUserId);
    const rowsOfBimSon = await entries(quangTrung, `&entityType=user&entityId=${bimSonUserId}`);
    expect(rowsOfBimSon).toEqual([]);

    const all = (await entries(province)).map((e) => e.entityId);
    expect(all).toEqual(expect.arrayContaining([bimSonUserId, quangTrungUserId]));
  });

  it('describes each change: who, what, the diff with secrets redacted', async () => {
    const [created] = await entries(quangTrung, `&entityType=user&entityId=${quangTrungUserId}`);
    expect(created).toMatchObject({ action: 'user.create', entityId: quangTrungUserId });
    expect(created?.actorUsername).toMatch(/^test\./);
    expect(created?.diff).toMatchObject({
      full_name: { from: null, to: 'Người dùng 14818' },
      password_hash: { from: null, to: '[đã che]' },
    });
    expect(JSON.stringify(created)).not.toContain('argon2');
  });

  it('pages newest first with limit and cursor, without overlap', async () => {
    for (let i = 0; i < 3; i++) await createVia(quangTrung, '14818');
    const first = (await quangTrung.get('/api/v1/audit?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = (await quangTrung.get(`/api/v1/audit?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(2);
    const ids = [...first.items, ...second.items].map((e: Entry) => BigInt(e.id));
    expect(new Set(ids).size).toBe(4);
    for (let i = 1; i < ids.length; i++) expect((ids[i] ?? 0n) < (ids[i - 1] ?? 0n)).toBe(true);

    const every: Entry[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; nextCursor: string | null } = (
        await quangTrung.get(`/api/v1/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      every.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(every.map((e) => e.id)).toEqual((await entries(quangTrung)).map((e) => e.id));
  });

  it('refuses callers without audit.read (403) or without a session (401)', async () => {
    const { agent } = await agentFor(env, { unitCode: '38', permissions: ['users.read'] });
    const forbidden = await agent.get('/api/v1/audit');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().type).toBe('/problems/forbidden');
    expect((await new Agent(env).get('/api/v1/audit')).statusCode).toBe(401);
  });

  it('validates the query', async () => {
    const res = await province.get('/api/v1/audit?limit=1000');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('query.limit');
  });
});

describe('hash chain in the database', () => {
  it('verifies, and names the row that was edited or deleted', async () => {
    const db = env.database.db;
    const before = await verifyAuditChain(db);
    expect(before.ok).toBe(true);
    expect(before.rows).toBeGreaterThan(5);

    const row = await db
      .selectFrom('audit_log')
      .select(['id', 'diff'])
      .where('entity_id', '=', bimSonUserId)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('audit_log')
      .set({ diff: JSON.stringify({ full_name: { from: null, to: 'Sửa lén' } }) })
      .where('id', '=', row.id)
      .execute();
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      badRowId: String(row.id),
      reason: 'hash_mismatch',
    });
    await db
      .updateTable('audit_log')
      .set({ diff: JSON.stringify(row.diff) })
      .where('id', '=', row.id)
      .execute();
    expect((await verifyAuditChain(db, 7)).ok).toBe(true);

    const last = await db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(2).execute();
    await sql`DELETE FROM audit_log WHERE id = ${last[1]?.id}`.execute(db);
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      badRowId: String(last[0]?.id),
      reason: 'chain_broken',
    });
  });
});
