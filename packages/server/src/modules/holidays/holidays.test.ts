import { defaultHolidayYear, isWorkingDay } from '@tuoitho/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv } from '../../../test/harness';
import { loadHolidayCalendar } from './holidays.service';

let env: TestEnv;
let admin: Agent;
let adminId: string;
let officer: Agent;

beforeAll(async () => {
  env = await createTestApp();
  ({
    agent: admin,
    user: { id: adminId },
  } = await agentFor(env, { unitCode: '38', permissions: ['catalogs.manage'] }));
  ({ agent: officer } = await agentFor(env, { unitCode: '14812', permissions: ['cases.read'] }));
});
afterAll(() => env.close());

const tet2027 = {
  days: [
    { date: '2027-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
    { date: '2027-02-05', name: 'Tết Nguyên đán', kind: 'holiday' },
    { date: '2027-02-06', name: 'Tết Nguyên đán', kind: 'holiday' },
    { date: '2027-02-20', name: 'Làm bù', kind: 'working_weekend' },
  ],
  source: 'Thông báo số 1/TB-BNV (thử nghiệm)',
  verified: true,
};

describe('GET /api/v1/holidays/:year', () => {
  it('answers the default rules for a year not stored, to any signed-in user', async () => {
    const res = await officer.get('/api/v1/holidays/2031');
    expect(res.statusCode, res.body).toBe(200);
    const expected = defaultHolidayYear(2031);
    expect(res.json()).toEqual({ ...expected, isDefault: true, version: null, updatedAt: null });
  });

  it('needs a session and a year in range', async () => {
    expect((await env.app.server.inject({ method: 'GET', url: '/api/v1/holidays/2031' })).statusCode).toBe(
      401,
    );
    expect((await officer.get('/api/v1/holidays/1500')).statusCode).toBe(400);
  });
});

describe('PUT and DELETE /api/v1/holidays/:year', () => {
  it('stores a year (version 0 first), then updates it at its version, with audit rows', async () => {
    const created = await admin.put('/api/v1/holidays/2027', { ...tet2027, version: 0 });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ year: 2027, isDefault: false, version: 1, verified: true });
    expect((await officer.get('/api/v1/holidays/2027')).json()).toMatchObject({
      days: tet2027.days,
      version: 1,
    });

    const updated = await admin.put('/api/v1/holidays/2027', {
      ...tet2027,
      days: tet2027.days.slice(0, 2),
      version: 1,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ version: 2, days: tet2027.days.slice(0, 2) });

    const audits = await env.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_type', '=', 'holiday_year')
      .where('entity_id', '=', '2027')
      .orderBy('id')
      .execute();
    expect(audits).toEqual([
      { action: 'holiday_year.create', actor_user_id: adminId },
      { action: 'holiday_year.update', actor_user_id: adminId },
    ]);
  });

  it('answers 409 on a stale version, also for a first save over a stored year', async () => {
    expect((await admin.put('/api/v1/holidays/2028', { ...tet2027, days: [], version: 3 })).statusCode).toBe(
      409,
    );
    expect((await admin.put('/api/v1/holidays/2028', { ...tet2027, days: [], version: 0 })).statusCode).toBe(
      200,
    );
    expect((await admin.put('/api/v1/holidays/2028', { ...tet2027, days: [], version: 0 })).statusCode).toBe(
      409,
    );
  });

  it('answers 422 with the domain’s messages for days breaking the year’s rules', async () => {
    const res = await admin.put('/api/v1/holidays/2029', {
      days: [
        { date: '2030-01-01', name: 'Sai năm', kind: 'holiday' },
        { date: '2029-09-02', name: 'Quốc khánh', kind: 'holiday' },
        { date: '2029-09-02', name: 'Quốc khánh', kind: 'holiday' },
        { date: '2029-09-05', name: 'Làm bù thứ Tư', kind: 'working_weekend' },
      ],
      source: '',
      verified: false,
      version: 0,
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toEqual([
      { path: 'body.days.0.date', message: 'Ngày không thuộc năm đã chọn' },
      { path: 'body.days.2.date', message: 'Ngày này đã có trong danh sách' },
      { path: 'body.days.3.kind', message: 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật' },
    ]);
    expect((await officer.get('/api/v1/holidays/2029')).json().isDefault).toBe(true);
  });

  it('is forbidden without catalogs.manage', async () => {
    expect(
      (await officer.put('/api/v1/holidays/2030', { ...tet2027, days: [], version: 0 })).statusCode,
    ).toBe(403);
    expect((await officer.request('DELETE', '/api/v1/holidays/2027')).statusCode).toBe(403);
  });

  it('goes back to the default rules on DELETE (404 when nothing is stored, 409 on a stale version)', async () => {
    await admin.put('/api/v1/holidays/2032', { ...tet2027, days: [], version: 0 });
    expect((await admin.request('DELETE', '/api/v1/holidays/2032?version=7')).statusCode).toBe(409);
    const res = await admin.request('DELETE', '/api/v1/holidays/2032?version=1');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ isDefault: true, version: null, days: defaultHolidayYear(2032).days });
    expect((await admin.request('DELETE', '/api/v1/holidays/2032')).statusCode).toBe(404);
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', '2032')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('holiday_year.delete');
  });
});

describe('loadHolidayCalendar', () => {
  it('uses a stored year instead of the default rules, and the rules for other years', async () => {
    // 2033: a stored year with no day off at all, and a working Saturday.
    await admin.put('/api/v1/holidays/2033', {
      days: [{ date: '2033-01-08', name: 'Làm bù', kind: 'working_weekend' }],
      source: 'thử',
      verified: false,
      version: 0,
    });
    const calendar = await loadHolidayCalendar(env.database.db, [2033, 2034]);
    expect(calendar.hasYearData(2033)).toBe(true);
    expect(isWorkingDay('2033-09-02', calendar)).toBe(true);
    expect(isWorkingDay('2033-01-08', calendar)).toBe(true);
    expect(calendar.hasYearData(2034)).toBe(false);
    expect(isWorkingDay('2034-09-02', calendar)).toBe(false);
    expect(calendar.holidayYear(2034)).toEqual(defaultHolidayYear(2034));
  });
});
