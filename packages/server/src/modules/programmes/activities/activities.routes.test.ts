import type { ActivityParticipant } from '@tuoitho/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv, unitByCode } from '../../../../test/harness';

let env: TestEnv;
let officer: Agent;
let otherOfficer: Agent;
let partner: Agent;
let readOnly: Agent;
let provinceProgramme: string;
let otherWardProgramme: string;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STARTS = '2025-06-02';
const ENDS = '2025-06-06';

async function insertProgramme(unitCode: string, name: string) {
  const unit = await unitByCode(env.database, unitCode);
  const row = await env.database.db
    .insertInto('programme')
    .values({
      unit_id: unit.id,
      kind: 'drowning_prevention',
      name,
      year_from: 2021,
      year_to: 2030,
      lead_organisation: 'Sở Văn hóa, Thể thao và Du lịch',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  env = await createTestApp();
  ({ agent: officer } = await agentFor(env, {
    unitCode: '14812',
    permissions: ['registry.read', 'registry.write', 'programmes.read', 'activities.write'],
  }));
  ({ agent: otherOfficer } = await agentFor(env, {
    unitCode: '14818',
    permissions: ['registry.read', 'registry.write', 'programmes.read', 'activities.write'],
  }));
  ({ agent: partner } = await agentFor(env, {
    unitCode: '38',
    permissions: ['units.read', 'programmes.read', 'activities.write'],
  }));
  ({ agent: readOnly } = await agentFor(env, { unitCode: '14812', permissions: ['programmes.read'] }));
  provinceProgramme = await insertProgramme('38', 'Phòng, chống đuối nước trẻ em tỉnh Thanh Hóa 2021–2030');
  otherWardProgramme = await insertProgramme('14818', 'Chương trình của phường khác');
}, 60_000);
afterAll(() => env.close());

/** A child registered by the officer of `unitCode`. */
async function registerChild(
  unitCode: '14812' | '14818',
  fullName: string,
  dateOfBirth: string,
  extra: Record<string, unknown> = {},
) {
  const agent = unitCode === '14812' ? officer : otherOfficer;
  const res = await agent.post('/api/v1/children', {
    fullName,
    sex: 'male',
    dateOfBirth,
    unitCode,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const activityBody = (overrides: Record<string, unknown> = {}) => ({
  unit: '14812',
  kind: 'swimming_class',
  title: 'Lớp bơi an toàn hè 2025',
  startsOn: STARTS,
  endsOn: ENDS,
  place: 'Hồ bơi Nhà văn hóa phường',
  organisers: 'Hội Liên hiệp Phụ nữ',
  budget: [{ source: 'state_budget', planned: 10_000_000, spent: 8_500_000 }],
  otherParticipants: [{ group: 'parents', count: 12 }],
  sessions: [
    { heldOn: '2025-06-04', topic: 'Nổi và thở' },
    { heldOn: '2025-06-02', topic: 'Làm quen với nước' },
  ],
  ...overrides,
});

async function createActivity(agent: Agent, overrides: Record<string, unknown> = {}) {
  const res = await agent.post('/api/v1/activities', activityBody(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Uploads a raw body to the attendance-sheet import. */
function uploadSheet(agent: Agent, id: string, body: Buffer, dryRun: boolean, contentType = XLSX) {
  return env.app.server.inject({
    method: 'POST',
    url: `/api/v1/activities/${id}/attendance-sheet?dryRun=${dryRun}`,
    headers: {
      cookie: agent.cookie ?? '',
      'x-csrf-token': agent.csrfToken ?? '',
      'content-type': contentType,
    },
    payload: body,
  });
}

async function auditActions(entityId: string) {
  const rows = await env.database.db
    .selectFrom('audit_log')
    .select(['action', 'diff'])
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
  return rows;
}

describe('activity CRUD', () => {
  it('creates an activity with budget, other participants and sessions numbered by date', async () => {
    const a = await createActivity(officer, { programmeId: provinceProgramme });
    expect(a).toMatchObject({
      unitCode: '14812',
      programmeId: provinceProgramme,
      programmeName: 'Phòng, chống đuối nước trẻ em tỉnh Thanh Hóa 2021–2030',
      kind: 'swimming_class',
      budget: [{ source: 'state_budget', planned: 10_000_000, spent: 8_500_000 }],
      otherParticipants: [{ group: 'parents', count: 12 }],
      participantCount: 0,
      completedCount: 0,
      swimSafeCount: 0,
      canEdit: true,
      version: 1,
    });
    expect(a.sessions.map((s: { seq: number; heldOn: string }) => [s.seq, s.heldOn])).toEqual([
      [1, '2025-06-02'],
      [2, '2025-06-04'],
    ]);
    expect((await auditActions(a.id)).map((r) => r.action)).toEqual(['activity.create']);

    const read = await readOnly.get(`/api/v1/activities/${a.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().canEdit).toBe(false);
  });

  it('lists with a search ignoring diacritics, filters and pages', async () => {
    const a = await createActivity(officer, {
      title: 'Ngày hội Đọc sách thiếu nhi',
      kind: 'festival',
      sessions: [],
    });
    const found = await officer.get('/api/v1/activities?q=doc%20sach');
    expect(found.json().items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    const byKind = await officer.get('/api/v1/activities?kind=festival&year=2025&unit=14812');
    expect(byKind.json().items.map((i: { id: string }) => i.id)).toContain(a.id);
    expect((await officer.get('/api/v1/activities?kind=festival&year=2024')).json().items).toEqual([]);
    const byProgramme = await officer.get(`/api/v1/activities?programmeId=${provinceProgramme}`);
    expect(
      byProgramme.json().items.every((i: { programmeId: string }) => i.programmeId === provinceProgramme),
    ).toBe(true);
    const first = await officer.get('/api/v1/activities?limit=1');
    expect(first.json().items).toHaveLength(1);
    expect(first.json().nextCursor).toEqual(expect.any(String));
    const second = await officer.get(`/api/v1/activities?limit=1&cursor=${first.json().nextCursor}`);
    expect(second.json().items[0].id).not.toBe(first.json().items[0].id);
    expect((await officer.get('/api/v1/activities?cursor=rubbish')).statusCode).toBe(400);
  });

  it('updates at the version read, replaces the budget, refuses a stale version and deletes', async () => {
    const a = await createActivity(officer);
    const put = await officer.put(`/api/v1/activities/${a.id}`, {
      ...activityBody(),
      title: 'Lớp bơi hè (đổi tên)',
      budget: [{ source: 'sponsor', planned: 5_000_000, spent: 0 }],
      sessions: [
        ...a.sessions.map((s: { id: string; heldOn: string }) => ({ id: s.id, heldOn: s.heldOn })),
        {
          heldOn: '2025-06-03',
        },
      ],
      version: 1,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ title: 'Lớp bơi hè (đổi tên)', version: 2 });
    expect(put.json().budget).toEqual([{ source: 'sponsor', planned: 5_000_000, spent: 0 }]);
    expect(put.json().sessions.map((s: { seq: number; heldOn: string }) => `${s.seq}:${s.heldOn}`)).toEqual([
      '1:2025-06-02',
      '2:2025-06-03',
      '3:2025-06-04',
    ]);
    expect(put.json().sessions[0].id).toBe(a.sessions[0].id);
    const stale = await officer.put(`/api/v1/activities/${a.id}`, { ...activityBody(), version: 1 });
    expect(stale.statusCode).toBe(409);

    const del = await officer.request('DELETE', `/api/v1/activities/${a.id}`);
    expect(del.statusCode).toBe(200);
    expect((await officer.get(`/api/v1/activities/${a.id}`)).statusCode).toBe(404);
    expect((await auditActions(a.id)).map((r) => r.action)).toEqual([
      'activity.create',
      'activity.update',
      'activity.delete',
    ]);
  });

  it('explains invalid input in Vietnamese', async () => {
    const reversed = await officer.post(
      '/api/v1/activities',
      activityBody({ endsOn: '2025-06-01', sessions: [] }),
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors).toContainEqual({
      path: 'body.endsOn',
      message: 'Ngày kết thúc không được trước ngày bắt đầu',
    });
    const outside = await officer.post(
      '/api/v1/activities',
      activityBody({ sessions: [{ heldOn: '2025-07-01' }] }),
    );
    expect(outside.statusCode).toBe(422);
    expect(outside.json().detail).toContain('01/07/2025');
    const repeated = await officer.post(
      '/api/v1/activities',
      activityBody({
        budget: [
          { source: 'sponsor', planned: 1, spent: 0 },
          { source: 'sponsor', planned: 2, spent: 0 },
        ],
      }),
    );
    expect(repeated.statusCode).toBe(422);
    expect(repeated.json().type).toBe('/problems/activity-line-repeated');
    const kind = await officer.post('/api/v1/activities', activityBody({ kind: 'picnic' }));
    expect(kind.statusCode).toBe(400);
    expect(kind.json().errors[0].path).toBe('body.kind');
  });

  it('links only a programme of the activity’s unit or above it', async () => {
    const other = await officer.post('/api/v1/activities', activityBody({ programmeId: otherWardProgramme }));
    expect(other.statusCode).toBe(422);
    expect(other.json().type).toBe('/problems/programme-not-visible');
    expect(other.json().title).toBe('Không gắn được với chương trình');
    const unknown = await officer.post(
      '/api/v1/activities',
      activityBody({ programmeId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(unknown.statusCode).toBe(422);
  });
});

describe('scope', () => {
  it('hides an activity of another ward and refuses writes outside the area or without the right', async () => {
    const a = await createActivity(officer);
    expect((await otherOfficer.get(`/api/v1/activities/${a.id}`)).statusCode).toBe(404);
    expect((await otherOfficer.get(`/api/v1/activities/${a.id}/participants`)).statusCode).toBe(404);
    expect(
      (await otherOfficer.put(`/api/v1/activities/${a.id}`, { ...activityBody(), version: 1 })).statusCode,
    ).toBe(404);
    const list = await otherOfficer.get('/api/v1/activities');
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(a.id);
    expect((await otherOfficer.get('/api/v1/activities?unit=14812')).statusCode).toBe(403);
    expect((await officer.post('/api/v1/activities', activityBody({ unit: '14818' }))).statusCode).toBe(403);

    expect((await readOnly.post('/api/v1/activities', activityBody())).statusCode).toBe(403);
    expect(
      (await readOnly.put(`/api/v1/activities/${a.id}`, { ...activityBody(), version: 1 })).statusCode,
    ).toBe(403);
    expect((await readOnly.get(`/api/v1/activities/${a.id}/candidates`)).statusCode).toBe(403);
    expect((await readOnly.request('DELETE', `/api/v1/activities/${a.id}`)).statusCode).toBe(403);
  });
});

describe('participants, attendance and outcomes (partner at the province)', () => {
  it('lets the partner record a swimming class end to end, in the activity’s unit only', async () => {
    const an = await registerChild('14812', 'Trần Văn Ân', '2015-03-10', {
      residence: { village: 'Khu phố 3' },
      education: { school: 'Trường Tiểu học Ba Đình', grade: '4A' },
    });
    const binh = await registerChild('14812', 'Lê Thị Bình', '2012-08-01', { sex: 'female' });
    const little = await registerChild('14812', 'Phạm Văn Nhỏ', '2021-01-01');
    const elsewhere = await registerChild('14818', 'Hoàng Văn Xa', '2014-05-05');

    const a = await createActivity(partner, { programmeId: provinceProgramme });
    expect(a.unitCode).toBe('14812');

    const candidates = await partner.get(`/api/v1/activities/${a.id}/candidates?ageFrom=6&ageTo=15`);
    expect(candidates.statusCode, candidates.body).toBe(200);
    const ids = candidates.json().items.map((c: { childId: string }) => c.childId);
    expect(ids).toEqual(expect.arrayContaining([an, binh]));
    expect(ids).not.toContain(little);
    expect(ids).not.toContain(elsewhere);
    const first = candidates.json().items.find((c: { childId: string }) => c.childId === an);
    expect(Object.keys(first).sort()).toEqual(
      [
        'ageAtStart',
        'childId',
        'dateOfBirth',
        'fullName',
        'grade',
        'isParticipant',
        'school',
        'sex',
        'village',
      ].sort(),
    );
    expect(first).toMatchObject({
      ageAtStart: 10,
      village: 'Khu phố 3',
      school: 'Trường Tiểu học Ba Đình',
      grade: '4A',
    });
    const byName = await partner.get(`/api/v1/activities/${a.id}/candidates?q=an%20tran`);
    expect(byName.json().items.map((c: { childId: string }) => c.childId)).toEqual([an]);
    const bySchool = await partner.get(`/api/v1/activities/${a.id}/candidates?school=ba%20dinh&grade=4a`);
    expect(bySchool.json().items.map((c: { childId: string }) => c.childId)).toEqual([an]);

    const foreign = await partner.post(`/api/v1/activities/${a.id}/participants`, {
      childIds: [an, elsewhere],
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().type).toBe('/problems/child-not-in-unit');
    expect(foreign.json().detail).toContain('1 trẻ');

    const added = await partner.post(`/api/v1/activities/${a.id}/participants`, { childIds: [an, binh] });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().items).toHaveLength(2);
    const again = await partner.post(`/api/v1/activities/${a.id}/participants`, { childIds: [an] });
    expect(again.json().items).toHaveLength(2);
    const marked = await partner.get(`/api/v1/activities/${a.id}/candidates?q=tran%20van%20an`);
    expect(marked.json().items[0].isParticipant).toBe(true);

    const [s1, s2] = a.sessions as Array<{ id: string }>;
    const attendance = await partner.put(`/api/v1/activities/${a.id}/attendance`, {
      entries: [
        { childId: an, sessionId: s1!.id, present: true },
        { childId: an, sessionId: s2!.id, present: true },
        { childId: binh, sessionId: s1!.id, present: false },
      ],
    });
    expect(attendance.statusCode, attendance.body).toBe(200);
    const rowOf = (items: ActivityParticipant[], id: string) => items.find((p) => p.childId === id)!;
    expect(rowOf(attendance.json().items, an)).toMatchObject({
      sessionsAttended: 2,
      attendance: { [s1!.id]: true, [s2!.id]: true },
    });
    expect(rowOf(attendance.json().items, binh)).toMatchObject({
      sessionsAttended: 0,
      attendance: { [s1!.id]: false },
    });

    const outsider = await partner.put(`/api/v1/activities/${a.id}/attendance`, {
      entries: [{ childId: little, sessionId: s1!.id, present: true }],
    });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().type).toBe('/problems/not-a-participant');
    const otherActivity = await createActivity(officer);
    const wrongSession = await partner.put(`/api/v1/activities/${a.id}/attendance`, {
      entries: [{ childId: an, sessionId: otherActivity.sessions[0].id, present: true }],
    });
    expect(wrongSession.statusCode).toBe(422);
    expect(wrongSession.json().type).toBe('/problems/session-not-in-activity');

    const outcomes = await partner.put(`/api/v1/activities/${a.id}/outcomes`, {
      entries: [
        {
          childId: an,
          completed: true,
          swimSafe: true,
          waterSafety: true,
          assessedOn: ENDS,
          note: 'Bơi được 25 m',
        },
        { childId: binh, completed: false, swimSafe: null, waterSafety: true },
      ],
    });
    expect(outcomes.statusCode, outcomes.body).toBe(200);
    expect(rowOf(outcomes.json().items, an).outcome).toEqual({
      completed: true,
      swimSafe: true,
      waterSafety: true,
      assessedOn: ENDS,
      note: 'Bơi được 25 m',
    });
    expect((await partner.get(`/api/v1/activities/${a.id}`)).json()).toMatchObject({
      participantCount: 2,
      completedCount: 1,
      swimSafeCount: 1,
    });

    const audit = await auditActions(a.id);
    expect(audit.map((r) => r.action)).toEqual([
      'activity.create',
      'activity.participants.add',
      'activity.attendance',
      'activity.outcomes',
    ]);
    // Counts and ids only: no child names in the audit trail.
    expect(JSON.stringify(audit)).not.toContain('Trần Văn Ân');
    expect((audit[2]!.diff as { _details: { marks: number } })._details.marks).toBe(3);

    // The registry itself stays closed to the partner.
    expect((await partner.get(`/api/v1/children/${an}`)).statusCode).toBe(403);
  });

  it('keeps sessions with attendance, and activities with participants', async () => {
    const child = await registerChild('14812', 'Vũ Thị Chăm', '2016-02-02');
    const a = await createActivity(officer);
    const [s1, s2] = a.sessions as Array<{ id: string; heldOn: string }>;
    await officer.post(`/api/v1/activities/${a.id}/participants`, { childIds: [child] });
    await officer.put(`/api/v1/activities/${a.id}/attendance`, {
      entries: [{ childId: child, sessionId: s1!.id, present: true }],
    });
    const dropMarked = await officer.put(`/api/v1/activities/${a.id}`, {
      ...activityBody(),
      sessions: [{ id: s2!.id, heldOn: s2!.heldOn }],
      version: 1,
    });
    expect(dropMarked.statusCode).toBe(409);
    expect(dropMarked.json().type).toBe('/problems/session-has-attendance');
    expect(dropMarked.json().detail).toContain('02/06/2025');
    const dropFree = await officer.put(`/api/v1/activities/${a.id}`, {
      ...activityBody(),
      sessions: [{ id: s1!.id, heldOn: s1!.heldOn }],
      version: 1,
    });
    expect(dropFree.statusCode, dropFree.body).toBe(200);
    expect(dropFree.json().sessions).toEqual([{ id: s1!.id, seq: 1, heldOn: s1!.heldOn, topic: null }]);

    const del = await officer.request('DELETE', `/api/v1/activities/${a.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().type).toBe('/problems/activity-has-participants');

    const removed = await officer.request('DELETE', `/api/v1/activities/${a.id}/participants/${child}`);
    expect(removed.statusCode).toBe(200);
    const marks = await env.database.db
      .selectFrom('activity_attendance')
      .select('child_id')
      .where('session_id', '=', s1!.id)
      .execute();
    expect(marks).toEqual([]);
    expect(
      (await officer.request('DELETE', `/api/v1/activities/${a.id}/participants/${child}`)).statusCode,
    ).toBe(404);
    expect((await officer.request('DELETE', `/api/v1/activities/${a.id}`)).statusCode).toBe(200);
  });
});

describe('attendance sheet', () => {
  it('round-trips: download, fill in, dry run, commit; unknown rows are reported', async () => {
    const kim = await registerChild('14812', 'Đỗ Thị Kim', '2014-09-09', {
      residence: { village: 'Thôn Đông' },
    });
    const long = await registerChild('14812', 'Ngô Văn Long', '2013-11-11');
    const a = await createActivity(partner);
    const [s1, s2] = a.sessions as Array<{ id: string }>;
    await partner.post(`/api/v1/activities/${a.id}/participants`, { childIds: [kim] });
    await partner.put(`/api/v1/activities/${a.id}/attendance`, {
      entries: [{ childId: kim, sessionId: s1!.id, present: true }],
    });

    const download = await partner.get(`/api/v1/activities/${a.id}/attendance-sheet`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain(XLSX);
    expect(download.headers['content-disposition']).toContain('attachment');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    let headerRow = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(3).value === 'Họ và tên') headerRow = n;
    });
    expect(headerRow).toBeGreaterThan(1);
    const header = sheet.getRow(headerRow).values as unknown[];
    expect(header.slice(1)).toEqual([
      'STT',
      'Mã trẻ',
      'Họ và tên',
      'Ngày sinh',
      'Thôn/tổ dân phố',
      'Buổi 1 (02/06)',
      'Buổi 2 (04/06)',
      'Hoàn thành',
      'Bơi an toàn',
      'Kỹ năng an toàn dưới nước',
      'Ghi chú',
    ]);
    expect(sheet.getColumn(2).hidden).toBe(true);
    const kimRow = sheet.getRow(headerRow + 1);
    expect(kimRow.getCell(2).value).toBe(kim);
    expect(kimRow.getCell(3).value).toBe('Đỗ Thị Kim');
    expect(kimRow.getCell(4).value).toBe('09/09/2014');
    expect(kimRow.getCell(5).value).toBe('Thôn Đông');
    expect(kimRow.getCell(6).value).toBe('x');

    // Fill in: Kim present at session 2 and safe; Long (not yet a participant) by name and birth date.
    kimRow.getCell(7).value = 'có';
    kimRow.getCell(8).value = 'x';
    kimRow.getCell(9).value = 'Đạt';
    kimRow.getCell(11).value = 'Tiến bộ nhanh';
    sheet.getRow(headerRow + 2).values = [
      2,
      null,
      'NGÔ VĂN LONG',
      '11/11/2013',
      null,
      'x',
      'vắng',
      'x',
      'không',
    ];
    sheet.getRow(headerRow + 3).values = [3, null, 'Người Không Có', '01/01/2015', null, 'x'];
    sheet.getRow(headerRow + 4).values = [4, null, 'Đỗ Thị Kim', null, null, 'x'];
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());

    const dry = await uploadSheet(partner, a.id, filled, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      rows: 4,
      matched: 2,
      added: 1,
      attendanceMarks: 4,
      outcomes: 2,
    });
    expect(dry.json().problems.map((p: { row: number; name: string }) => [p.row, p.name])).toEqual([
      [headerRow + 3, 'Người Không Có'],
      [headerRow + 4, 'Đỗ Thị Kim'],
    ]);
    expect(dry.json().problems[0].message).toContain('Không tìm thấy trẻ');
    const untouched = await partner.get(`/api/v1/activities/${a.id}/participants`);
    expect(untouched.json().items).toHaveLength(1);

    const commit = await uploadSheet(partner, a.id, filled, false);
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json()).toMatchObject({ dryRun: false, matched: 2, added: 1, attendanceMarks: 4 });
    const after = (await partner.get(`/api/v1/activities/${a.id}/participants`)).json().items as Array<{
      childId: string;
      attendance: Record<string, boolean>;
      outcome: Record<string, unknown>;
    }>;
    const kimAfter = after.find((p) => p.childId === kim)!;
    const longAfter = after.find((p) => p.childId === long)!;
    expect(kimAfter.attendance).toEqual({ [s1!.id]: true, [s2!.id]: true });
    expect(kimAfter.outcome).toMatchObject({ completed: true, swimSafe: true, note: 'Tiến bộ nhanh' });
    expect(longAfter.attendance).toEqual({ [s1!.id]: true, [s2!.id]: false });
    expect(longAfter.outcome).toMatchObject({ completed: true, swimSafe: false, waterSafety: null });
    const audit = await auditActions(a.id);
    expect(audit.at(-1)!.action).toBe('activity.attendance_sheet.import');
    expect(JSON.stringify(audit)).not.toContain('Ngô Văn Long');
  });

  it('refuses what is not an xlsx, and a sheet for an activity out of reach', async () => {
    const a = await createActivity(officer);
    const pdf = await uploadSheet(officer, a.id, Buffer.from('%PDF-1.4 hello'), true, 'application/pdf');
    expect(pdf.statusCode).toBe(415);
    const text = await uploadSheet(officer, a.id, Buffer.from('Họ và tên,Ngày sinh\nA,01/01/2015'), true);
    expect(text.statusCode).toBe(422);
    expect(text.json().type).toBe('/problems/sheet-unreadable');
    expect(text.json().detail).toContain('.xlsx');
    const big = await uploadSheet(officer, a.id, Buffer.alloc(2 * 1024 * 1024 + 10, 1), true);
    expect(big.statusCode).toBe(413);
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet('Trang 1').addRow(['Tên', 'Tuổi']);
    const noHeader = await uploadSheet(officer, a.id, Buffer.from(await blank.xlsx.writeBuffer()), true);
    expect(noHeader.statusCode).toBe(422);
    expect(noHeader.json().detail).toContain('Họ và tên');
    expect((await otherOfficer.get(`/api/v1/activities/${a.id}/attendance-sheet`)).statusCode).toBe(404);
    const sheet = await officer.get(`/api/v1/activities/${a.id}/attendance-sheet`);
    expect((await uploadSheet(readOnly, a.id, sheet.rawPayload, true)).statusCode).toBe(403);
  });
});
