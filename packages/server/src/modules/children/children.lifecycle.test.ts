import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv, unitByCode } from '../../../test/harness';
import { flagChildrenTurned6, markChildrenTurned16 } from './children.lifecycle';

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

describe('the daily job: turning 6', () => {
  const turned6Audit = () =>
    env.database.db
      .selectFrom('audit_log')
      .select(['unit_id', 'entity_id', 'diff'])
      .where('action', '=', 'child.turned_6')
      .orderBy('id')
      .execute();
  const child = async (id: string) => (await officer.get(`/api/v1/children/${id}`)).json();
  const listed = async (query: string) =>
    (await officer.get(`/api/v1/children?turned6=recent&${query}`))
      .json()
      .items.map((c: { fullName: string; turned6On: string }) => `${c.fullName} ${c.turned6On}`);

  it('flags children on their 6th birthday, a year-only date on 1 July, once, with one audit row per commune', async () => {
    const birthday = await register('Đinh Văn Sáu', '2020-03-15');
    const dayAfter = await register('Đinh Văn Trễ', '2020-03-16');
    const yearOnly = await register('Đinh Thị Năm', '2020');
    const older = await register('Đinh Văn Lớn', '2017-01-01');
    const leap = await register('Đinh Thị Nhuận', '2020-02-29');

    expect(await flagChildrenTurned6(env.database.db, '2026-02-27')).toBe(0);
    expect(await flagChildrenTurned6(env.database.db, '2026-03-15')).toBe(2);
    expect(await flagChildrenTurned6(env.database.db, '2026-03-15')).toBe(0);
    expect((await child(birthday.id)).turned6On).toBe('2026-03-15');
    expect((await child(leap.id)).turned6On).toBe('2026-02-28');
    expect((await child(dayAfter.id)).turned6On).toBeNull();
    expect((await child(birthday.id)).version).toBe(birthday.version);

    // The job did not run on 16 March and comes back on 1 July: more than 60 days later, the
    // child born on 16 March is no longer flagged, the one born in "2020" (1 July) is.
    expect(await flagChildrenTurned6(env.database.db, '2026-06-30')).toBe(0);
    expect(await flagChildrenTurned6(env.database.db, '2026-07-01')).toBe(1);
    expect((await child(yearOnly.id)).turned6On).toBe('2026-07-01');
    expect((await child(dayAfter.id)).turned6On).toBeNull();
    expect((await child(older.id)).turned6On).toBeNull();

    const unit = await unitByCode(env.database, '14812');
    const rows = await turned6Audit();
    expect(rows.map((r) => [r.unit_id, r.entity_id])).toEqual([
      [unit.id, null],
      [unit.id, null],
    ]);
    const [first] = rows;
    if (!first) throw new Error('no audit row');
    const details = (first.diff as { _details: { count: number; childIds: string[] } })._details;
    expect(details.count).toBe(2);
    expect(details.childIds.sort()).toEqual([birthday.id, leap.id].sort());

    expect(await listed('at=2026-04-01')).toEqual(['Đinh Thị Nhuận 2026-02-28', 'Đinh Văn Sáu 2026-03-15']);
    expect(await listed('at=2026-07-01')).toEqual(['Đinh Thị Năm 2026-07-01']);
    expect(await listed('at=2026-07-01&turned6Days=200')).toEqual([
      'Đinh Thị Năm 2026-07-01',
      'Đinh Thị Nhuận 2026-02-28',
      'Đinh Văn Sáu 2026-03-15',
    ]);
    const bad = await officer.get('/api/v1/children?turned6=old');
    expect(bad.statusCode).toBe(400);
  });
});
