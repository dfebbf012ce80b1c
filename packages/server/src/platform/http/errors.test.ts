import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, DEMO_PASSWORD, type TestEnv, unitByCode } from '../../../test/harness';

let env: TestEnv;
let admin: Agent;

beforeAll(async () => {
  env = await createTestApp();
  admin = new Agent(env);
  await admin.login('admin', DEMO_PASSWORD);
});
afterAll(() => env.close());

const inject = (opts: {
  method?: string;
  url: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
}) => env.app.server.inject({ method: (opts.method ?? 'GET') as 'GET', ...opts });

const postLogin = (payload: string | Buffer, contentType = 'application/json', lang?: string) =>
  inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'content-type': contentType, ...(lang ? { 'accept-language': lang } : {}) },
    payload,
  });

/** Checks an RFC 9457 answer, and that it gives away nothing about the server's insides. */
function expectProblem(res: LightMyRequestResponse, status: number, type: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  const body = res.json();
  expect(body).toMatchObject({ type, status });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(body.requestId).toBe(res.headers['x-request-id']);
  expect(res.body).not.toMatch(/\n\s+at |\bat [\w.<>]+ \(|Error:|node_modules|\.ts:\d+|FST_|stack/);
  return body;
}

describe('malformed requests', () => {
  it('answers bad JSON with 400 /problems/bad-json, in Vietnamese or English', async () => {
    const vi = expectProblem(await postLogin('{"username": "admin",'), 400, '/problems/bad-json');
    expect(vi.title).toBe('Nội dung yêu cầu không đúng định dạng JSON');
    const en = expectProblem(await postLogin('{nope', 'application/json', 'en'), 400, '/problems/bad-json');
    expect(en.title).toBe('Request body is not valid JSON');
    expectProblem(await postLogin(''), 400, '/problems/bad-json');
    expectProblem(await postLogin('{"__proto__": {"isAdmin": true}}'), 400, '/problems/bad-json');
  });

  it('answers a body that is not JSON with 415', async () => {
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
      const body = expectProblem(
        await postLogin('username=admin', type),
        415,
        '/problems/unsupported-media-type',
      );
      expect(body.title).toBe('Định dạng nội dung không được hỗ trợ');
    }
  });

  it('answers a body over 1 MiB with 413', async () => {
    const big = JSON.stringify({ username: 'admin', password: 'x'.repeat(1_048_576) });
    expectProblem(await postLogin(big), 413, '/problems/payload-too-large');
  });

  it('answers JSON of the wrong shape with 400 and field errors in the caller’s language', async () => {
    const payload = JSON.stringify({ username: 42, password: true });
    const vi = expectProblem(await postLogin(payload), 400, '/problems/validation');
    expect(vi.title).toBe('Dữ liệu không hợp lệ');
    expect(vi.errors).toEqual([
      { path: 'body.username', message: expect.stringMatching(/^Đầu vào không hợp lệ/) },
      { path: 'body.password', message: expect.stringMatching(/^Đầu vào không hợp lệ/) },
    ]);
    const en = expectProblem(await postLogin(payload, 'application/json', 'en'), 400, '/problems/validation');
    expect(en.title).toBe('Invalid data');
    expect(en.errors.map((e: { path: string }) => e.path)).toEqual(['body.username', 'body.password']);
    expect(en.errors[0].message).toMatch(/^Invalid input/);
    expectProblem(await postLogin('[1, 2]'), 400, '/problems/validation');
    expectProblem(await postLogin('null'), 400, '/problems/validation');
  });

  it('prefers English only when the caller asks for it', async () => {
    const payload = JSON.stringify({ username: 'a' });
    const title = async (lang: string) => (await postLogin(payload, 'application/json', lang)).json().title;
    expect(await title('en-US,en;q=0.9')).toBe('Invalid data');
    expect(await title('vi-VN,vi;q=0.9,en;q=0.8')).toBe('Dữ liệu không hợp lệ');
    expect(await title('fr-FR')).toBe('Dữ liệu không hợp lệ');
  });

  it('refuses a very long username with 400, naming the field', async () => {
    const body = expectProblem(
      await postLogin(JSON.stringify({ username: 'a'.repeat(100_000), password: 'x' })),
      400,
      '/problems/validation',
    );
    expect(body.errors[0].path).toBe('body.username');
  });

  it('refuses the NUL character, which the database cannot store, instead of failing', async () => {
    const login = expectProblem(
      await postLogin(JSON.stringify({ username: 'adm\u0000in', password: 'x' })),
      400,
      '/problems/validation',
    );
    expect(login.errors).toEqual([{ path: 'body.username', message: 'Không được chứa ký tự NUL' }]);
    const unit = await unitByCode(env.database, '14812');
    const create = await admin.post('/api/v1/users', {
      username: 'co.nul',
      fullName: 'Trần\u0000Mai',
      unitId: unit.id,
      roles: ['partner', 'x\u0000'],
      password: 'Khoi-tao#2026',
    });
    expect(
      expectProblem(create, 400, '/problems/validation').errors.map((e: { path: string }) => e.path),
    ).toEqual(['body.fullName', 'body.roles.1']);
    expectProblem(await admin.get('/api/v1/users?q=%00'), 400, '/problems/validation');
    expectProblem(await admin.get('/api/v1/audit?entityType=a%00'), 400, '/problems/validation');
    expectProblem(await admin.get('/api/v1/units/search?q=b%00'), 400, '/problems/validation');
  });

  it('refuses numbers beyond what the database holds with 400', async () => {
    const create = await admin.post('/api/v1/users', {
      username: 'qua.lon',
      fullName: 'Quá lớn',
      unitId: 3_000_000_000,
      roles: ['partner'],
      password: 'Khoi-tao#2026',
    });
    expect(expectProblem(create, 400, '/problems/validation').errors[0].path).toBe('body.unitId');
    expectProblem(await admin.get('/api/v1/users?unitId=3000000000'), 400, '/problems/validation');
    expectProblem(await admin.get('/api/v1/users?limit=1e309'), 400, '/problems/validation');
  });

  it('refuses forged page cursors with 400 instead of a database error', async () => {
    for (const url of ['/api/v1/users?cursor=AAAA', '/api/v1/audit?cursor=99999999999999999999999']) {
      const body = expectProblem(await admin.get(url), 400, '/problems/validation');
      expect(body.errors).toEqual([{ path: 'query.cursor', message: 'Con trỏ trang không hợp lệ' }]);
    }
    expectProblem(await admin.get('/api/v1/audit?cursor=abc'), 400, '/problems/validation');
  });

  it('treats SQL-looking search strings as plain text', async () => {
    for (const q of ["' OR '1'='1", '1; DROP TABLE app_user; --', "\\'; SELECT pg_sleep(5); --"]) {
      const users = await admin.get(`/api/v1/users?q=${encodeURIComponent(q)}`);
      expect(users.statusCode).toBe(200);
      expect(users.json().items).toEqual([]);
      const units = await admin.get(`/api/v1/units/search?q=${encodeURIComponent(q)}`);
      expect(units.statusCode).toBe(200);
      const audit = await admin.get(`/api/v1/audit?entityId=${encodeURIComponent(q)}`);
      expect(audit.json().items).toEqual([]);
    }
    expect((await admin.get('/api/v1/users?q=admin')).json().items.length).toBeGreaterThan(0);
  });
});

describe('headers', () => {
  it('refuses an over-long Idempotency-Key with a translated field error', async () => {
    const body = { code: 'khoa_qua_dai', nameVi: 'x', nameEn: 'x', permissions: [] };
    const vi = await admin.post('/api/v1/roles', body, { 'idempotency-key': 'k'.repeat(201) });
    const problem = expectProblem(vi, 400, '/problems/validation');
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors[0].path).toBe('headers.idempotency-key');
    expect(problem.errors[0].message).toMatch(/200/);
    expect(problem.errors[0].message).not.toBe('max 200');
    const en = await admin.post('/api/v1/roles', body, {
      'idempotency-key': 'k'.repeat(201),
      'accept-language': 'en',
    });
    expect(en.json().errors[0].message).not.toBe(problem.errors[0].message);
  });
});

describe('unexpected failures', () => {
  it('answer 500 problem+json that names only the request id', async () => {
    const db = env.database.db;
    await sql`ALTER TABLE idempotency_key RENAME TO idempotency_key_hidden`.execute(db);
    try {
      const res = await admin.post(
        '/api/v1/roles',
        { code: 'loi_he_thong', nameVi: 'x', nameEn: 'x', permissions: [] },
        { 'idempotency-key': 'loi-he-thong' },
      );
      const body = expectProblem(res, 500, '/problems/internal');
      expect(body.title).toBe('Lỗi hệ thống');
      expect(body.detail).toContain(body.requestId);
      expect(res.body).not.toMatch(/idempotency_key|relation|does not exist|select/i);
    } finally {
      await sql`ALTER TABLE idempotency_key_hidden RENAME TO idempotency_key`.execute(db);
    }
  });
});

describe('unknown addresses and sessions', () => {
  it('answers an unknown API route with 404 problem+json, whatever the method', async () => {
    const get = expectProblem(await inject({ url: '/api/v1/nope' }), 404, '/problems/not-found');
    expect(get.title).toBe('Không tìm thấy');
    expectProblem(await inject({ method: 'POST', url: '/api/v1/nope' }), 404, '/problems/not-found');
    expectProblem(await inject({ method: 'DELETE', url: '/api/v1/users' }), 404, '/problems/not-found');
    const en = await inject({ url: '/api/v1/nope', headers: { 'accept-language': 'en' } });
    expect(expectProblem(en, 404, '/problems/not-found').title).toBe('Not found');
  });

  it('answers garbage session cookies with 401, never 500', async () => {
    for (const cookie of [
      'tt_session=garbage',
      'tt_session=%E0%A4%A',
      'tt_session=',
      `tt_session=${'x'.repeat(5000)}`,
      ';;;==;tt_session',
      'tt_session="\u00e9\u00e9"',
    ]) {
      const res = await inject({ url: '/api/v1/users', headers: { cookie } });
      expectProblem(res, 401, '/problems/unauthenticated');
    }
  });

  it('asks for the session before validating the body', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    });
    expectProblem(res, 401, '/problems/unauthenticated');
  });
});

describe('request ids and headers', () => {
  it('echoes a well-formed x-request-id and replaces a malformed one', async () => {
    const echoed = await inject({ url: '/api/v1/nope', headers: { 'x-request-id': 'trace-0123456789' } });
    expect(echoed.headers['x-request-id']).toBe('trace-0123456789');
    expect(echoed.json().requestId).toBe('trace-0123456789');
    const ok = await inject({ url: '/healthz', headers: { 'x-request-id': 'trace-0123456789' } });
    expect(ok.headers['x-request-id']).toBe('trace-0123456789');
    const replaced = await inject({ url: '/api/v1/nope', headers: { 'x-request-id': 'bad id <script>' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const generated = await inject({ url: '/api/v1/nope' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.headers['x-request-id']).not.toBe(replaced.headers['x-request-id']);
  });

  it('sends security headers and no caching on the API', async () => {
    const res = await admin.get('/api/v1/users?limit=1');
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
      'cache-control': 'no-store',
    });
  });
});
