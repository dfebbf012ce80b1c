import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, agentFor, createTestApp, type TestEnv } from '../../../test/harness';

let env: TestEnv;
let agent: Agent;

beforeAll(async () => {
  env = await createTestApp();
  ({ agent } = await agentFor(env, { unitCode: '14812', permissions: ['units.read'] }));
});
afterAll(() => env.close());

describe('units API', () => {
  it('finds Phường Bỉm Sơn by "bim son", ignoring diacritics and case', async () => {
    const res = await agent.get('/api/v1/units/search?q=bim%20son');
    expect(res.statusCode).toBe(200);
    const first = res.json().items[0];
    expect(first).toMatchObject({
      code: '14812',
      fullName: 'Phường Bỉm Sơn',
      level: 'commune',
      validFrom: '2025-07-01',
    });
    expect(first.path.map((p: { code: string }) => p.code)).toEqual(['VN', '38', '14812']);
  });

  it('searches with upper case and full diacritics alike', async () => {
    const a = (await agent.get('/api/v1/units/search?q=BỈM%20SƠN'))
      .json()
      .items.map((u: { id: number }) => u.id);
    const b = (await agent.get('/api/v1/units/search?q=bim%20son'))
      .json()
      .items.map((u: { id: number }) => u.id);
    expect(a).toEqual(b);
  });

  it('ranks units of the caller’s province before same-named units elsewhere', async () => {
    const items = (await agent.get('/api/v1/units/search?q=quang%20trung')).json().items;
    expect(items[0]).toMatchObject({ code: '14818', fullName: 'Phường Quang Trung' });
  });

  it('searches the old units at a date before the reform', async () => {
    const res = await agent.get('/api/v1/units/search?q=bim%20son&at=2025-01-01');
    const codes = res.json().items.map((u: { code: string }) => u.code);
    expect(codes).toContain('381');
    expect(codes).not.toContain('14812');
  });

  it('tells a reused code apart by date: 14812 was Phường Ba Đình', async () => {
    const now = (await agent.get('/api/v1/units/14812')).json();
    const before = (await agent.get('/api/v1/units/14812?at=2025-06-30')).json();
    expect(now.fullName).toBe('Phường Bỉm Sơn');
    expect(before.fullName).toBe('Phường Ba Đình');
    expect(before.path.map((p: { code: string }) => p.code)).toEqual(['VN', '38', '381', '14812']);
  });

  it('lists the children of a province and the path to the root', async () => {
    const children = (await agent.get('/api/v1/units/38/children')).json().items;
    expect(children).toHaveLength(166);
    expect(children.every((c: { level: string }) => c.level === 'commune')).toBe(true);
    const path = (await agent.get('/api/v1/units/14818/path')).json().items;
    expect(path.map((u: { fullName: string }) => u.fullName)).toEqual([
      'Việt Nam',
      'Tỉnh Thanh Hóa',
      'Phường Quang Trung',
    ]);
  });

  it('maps the old communes of Bỉm Sơn to the current wards', async () => {
    const baDinh = (await agent.get('/api/v1/units/14812/successors')).json().items;
    expect(baDinh.map((s: { newUnit: { code: string } }) => s.newUnit.code)).toEqual(['14812']);
    const quangTrung = (await agent.get('/api/v1/units/14824/successors')).json().items;
    expect(quangTrung.map((s: { newUnit: { fullName: string } }) => s.newUnit.fullName)).toContain(
      'Phường Quang Trung',
    );
  });

  it('starts the tree at the caller’s unit, or at its predecessors before the reform', async () => {
    const today = (await agent.get('/api/v1/units/roots')).json().items;
    expect(today.map((u: { code: string }) => u.code)).toEqual(['14812']);
    const before = (await agent.get('/api/v1/units/roots?at=2025-01-01')).json().items;
    expect(before.map((u: { code: string }) => u.code).sort()).toEqual(['14812', '14815', '14821', '15277']);
  });

  it('answers 404 problem+json in Vietnamese for an unknown code, 400 for a malformed one', async () => {
    const missing = await agent.get('/api/v1/units/99999');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json().title).toBe('Không tìm thấy');
    const bad = await agent.get('/api/v1/units/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toEqual({
      path: 'params.code',
      message: 'Mã đơn vị hành chính không hợp lệ',
    });
  });

  it('refuses anonymous callers and callers without units.read', async () => {
    expect((await new Agent(env).get('/api/v1/units/38')).statusCode).toBe(401);
    const { agent: noPerm } = await agentFor(env, { unitCode: '14812', permissions: [] });
    expect((await noPerm.get('/api/v1/units/38')).statusCode).toBe(403);
  });
});
