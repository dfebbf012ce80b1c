import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv } from '../../../test/harness';
import { markChildrenTurned16 } from './children.lifecycle';

let env: TestEnv;
let officer: Agent;

beforeAll(async () => {
  env = await createTestApp();
  ({ agent: officer } = await agentFor(env, {
    unitCode: '14812',
    permissions: ['registry.read', 'registry.write'],
  }));
});
afterAll(() => env.close());

const register = async (fullName: string, dateOfBirth: string) =>
  (await officer.post('/api/v1/children', { fullName, sex: 'male', dateOfBirth, unitCode: '14812' })).json();

describe('the daily job', () => {
  it('moves children who reached 16 out of the active list, once, with history and audit', async () => {
    const older = await register('Lê Văn Tròn', '2010-12-01');
    const younger = await register('Lê Văn Chưa', '2010-12-02');
    const yearOnly = await register('Lê Văn Năm', '2010');

    expect(await markChildrenTurned16(env.database.db, '2026-12-01')).toBe(2);
    expect(await markChildrenTurned16(env.database.db, '2026-12-01')).toBe(0);

    const status = async (id: string) => (await officer.get(`/api/v1/children/${id}`)).json().status;
    expect(await status(older.id)).toBe('turned_16');
    expect(await status(yearOnly.id)).toBe('turned_16');
    expect(await status(younger.id)).toBe('active');

    const active = (await officer.get('/api/v1/children?q=le%20van')).json();
    expect(active.items.map((c: { fullName: string }) => c.fullName)).toEqual(['Lê Văn Chưa']);
    const history = (await officer.get(`/api/v1/children/${older.id}/history`)).json();
    expect(history.statusChanges[0]).toMatchObject({ status: 'turned_16', changedBy: null });
    expect(history.audit[0].action).toBe('child.turned_16');
  });
});
