import { addCalendarDays, type FollowUpBoard, type Recommendation, vietnamToday } from '@tuoitho/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv, unitByCode } from '../../../../test/harness';
import { minimalPdf } from '../../../platform/files/test-files';
import { sendRecommendationReminders } from './recommendations.jobs';

let env: TestEnv;
let inspector: Agent; // province 38 (Thanh Hóa), inspections.read + write
let bimSon: Agent; // ward 14812, inspections.respond
let quangTrung: Agent; // ward 14818, inspections.respond
let outsider: Agent; // province 01 (Hà Nội), inspections.read + write
let noInspections: Agent; // ward 14812, registry only

const today = vietnamToday();
const year = Number(today.slice(0, 4));
const days = (n: number) => addCalendarDays(today, n);

beforeAll(async () => {
  env = await createTestApp();
  ({ agent: inspector } = await agentFor(env, {
    unitCode: '38',
    permissions: ['inspections.read', 'inspections.write'],
  }));
  ({ agent: bimSon } = await agentFor(env, { unitCode: '14812', permissions: ['inspections.respond'] }));
  ({ agent: quangTrung } = await agentFor(env, { unitCode: '14818', permissions: ['inspections.respond'] }));
  ({ agent: outsider } = await agentFor(env, {
    unitCode: '01',
    permissions: ['inspections.read', 'inspections.write'],
  }));
  ({ agent: noInspections } = await agentFor(env, { unitCode: '14812', permissions: ['registry.read'] }));
}, 60_000);
afterAll(() => env.close());

// ---------------------------------------------------------------- fixtures written directly

async function insertPlan(issuingUnit: string, planYear: number, topics: string[]) {
  const unit = await unitByCode(env.database, issuingUnit);
  const row = await env.database.db
    .insertInto('inspection_plan')
    .values({
      unit_id: unit.id,
      plan_year: planYear,
      number: null,
      issued_on: null,
      issuing_body: 'UBND tỉnh',
      title: `Kế hoạch kiểm tra năm ${planYear}`,
      topics,
      description: null,
      created_by: null,
      updated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertSession(planId: string, unitCode: string, heldOn: string) {
  const unit = await unitByCode(env.database, unitCode);
  await env.database.db
    .insertInto('inspection_plan_target')
    .values({ plan_id: planId, unit_id: unit.id, planned_from: null, planned_to: null })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await env.database.db
    .insertInto('inspection_session')
    .values({
      plan_id: planId,
      unit_id: unit.id,
      template_id: null,
      questions: '[]',
      held_on: heldOn,
      summary: null,
      conclusion: null,
      score: null,
      max_score: null,
      completed_at: null,
      created_by: null,
      updated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertFinding(sessionId: string) {
  const row = await env.database.db
    .insertInto('inspection_finding')
    .values({
      session_id: sessionId,
      seq: 1,
      question_id: null,
      severity: 'minor',
      text: 'Chưa lập sổ theo dõi',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A recommendation in any state, written directly (past deadlines and completions included). */
async function insertRecommendation(
  sessionId: string,
  unitCode: string,
  deadline: string,
  status: 'open' | 'in_progress' | 'done' = 'open',
  completedOn: string | null = null,
) {
  const unit = await unitByCode(env.database, unitCode);
  const row = await env.database.db
    .insertInto('inspection_recommendation')
    .values({
      session_id: sessionId,
      finding_id: null,
      unit_id: unit.id,
      text: 'Kiện toàn sổ theo dõi trẻ em',
      deadline,
      status,
      response: status === 'open' ? null : 'Đã triển khai',
      completed_on: completedOn,
      created_by: null,
      updated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function listIds(agent: Agent, query = '') {
  const res = await agent.get(`/api/v1/inspections/recommendations?limit=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Recommendation[]).map((r) => r.id);
}

const fieldPaths = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);

// ---------------------------------------------------------------- tests

describe('create', () => {
  let sessionId: string;
  let otherSessionId: string;
  const heldOn = days(-10);

  beforeAll(async () => {
    const plan = await insertPlan('38', year, ['policy_law']);
    sessionId = await insertSession(plan, '14812', heldOn);
    otherSessionId = await insertSession(plan, '14818', heldOn);
  });

  it('records a recommendation for the inspected unit with a created event and an audit row', async () => {
    const findingId = await insertFinding(sessionId);
    const res = await inspector.post(`/api/v1/inspections/sessions/${sessionId}/recommendations`, {
      unitCode: '14812',
      findingId,
      text: 'Kiện toàn Ban bảo vệ trẻ em phường',
      deadline: days(30),
    });
    expect(res.statusCode, res.body).toBe(201);
    const rec = res.json() as Recommendation;
    expect(rec).toMatchObject({
      sessionId,
      findingId,
      unitCode: '14812',
      status: 'open',
      state: 'open',
      deadline: days(30),
      doneOnTime: null,
      canEdit: true,
      canRespond: true,
      topics: ['policy_law'],
      version: 1,
    });
    expect(rec.events.map((e) => e.kind)).toEqual(['created']);
    expect(rec.events[0]?.actorName).toMatch(/^Người dùng thử/);
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', rec.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['inspection.recommendation.create']);
  });

  it('refuses a responsible unit outside the inspected unit, a foreign finding and an early deadline', async () => {
    const url = `/api/v1/inspections/sessions/${sessionId}/recommendations`;
    const body = { unitCode: '14812', text: 'Nội dung', deadline: days(5) };
    for (const unitCode of ['14818', '38']) {
      const res = await inspector.post(url, { ...body, unitCode });
      expect(res.statusCode, res.body).toBe(422);
      expect(fieldPaths(res)).toEqual(['body.unitCode']);
    }
    const foreignFinding = await insertFinding(otherSessionId);
    const wrongFinding = await inspector.post(url, { ...body, findingId: foreignFinding });
    expect(wrongFinding.statusCode).toBe(422);
    expect(fieldPaths(wrongFinding)).toEqual(['body.findingId']);
    const early = await inspector.post(url, { ...body, deadline: days(-11) });
    expect(early.statusCode).toBe(422);
    expect(fieldPaths(early)).toEqual(['body.deadline']);
    expect(early.json().errors[0].message).toBe('Thời hạn thực hiện không được trước ngày kiểm tra');
    // The session day itself is accepted.
    expect((await inspector.post(url, { ...body, deadline: heldOn })).statusCode).toBe(201);
  });

  it('is for the inspecting side of the session only', async () => {
    const url = `/api/v1/inspections/sessions/${sessionId}/recommendations`;
    const body = { unitCode: '14812', text: 'Nội dung', deadline: days(5) };
    expect((await bimSon.post(url, body)).statusCode).toBe(403);
    expect((await outsider.post(url, body)).statusCode).toBe(404);
    expect(
      (
        await inspector.post(
          '/api/v1/inspections/sessions/00000000-0000-4000-8000-000000000000/recommendations',
          body,
        )
      ).statusCode,
    ).toBe(404);
  });
});

describe('scope', () => {
  let forBimSon: string;
  let forQuangTrung: string;

  beforeAll(async () => {
    const plan = await insertPlan('38', year, ['drowning_prevention']);
    const s1 = await insertSession(plan, '14812', days(-3));
    const s2 = await insertSession(plan, '14818', days(-3));
    forBimSon = await insertRecommendation(s1, '14812', days(20));
    forQuangTrung = await insertRecommendation(s2, '14818', days(20));
  });

  it('shows a commune only its own recommendations and the province both', async () => {
    expect((await quangTrung.get(`/api/v1/inspections/recommendations/${forBimSon}`)).statusCode).toBe(404);
    const quangTrungIds = await listIds(quangTrung);
    expect(quangTrungIds).toContain(forQuangTrung);
    expect(quangTrungIds).not.toContain(forBimSon);
    const bimSonIds = await listIds(bimSon);
    expect(bimSonIds).toContain(forBimSon);
    expect(bimSonIds).not.toContain(forQuangTrung);
    const provinceIds = await listIds(inspector);
    expect(provinceIds).toEqual(expect.arrayContaining([forBimSon, forQuangTrung]));
    expect(await listIds(outsider)).not.toContain(forBimSon);
    expect((await outsider.get(`/api/v1/inspections/recommendations/${forBimSon}`)).statusCode).toBe(404);
    expect((await noInspections.get('/api/v1/inspections/recommendations')).statusCode).toBe(403);
    expect((await noInspections.get('/api/v1/inspections/board')).statusCode).toBe(403);
  });

  it('lets the commune answer but not edit the text', async () => {
    const res = await bimSon.get(`/api/v1/inspections/recommendations/${forBimSon}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      canEdit: false,
      canRespond: true,
      planTitle: `Kế hoạch kiểm tra năm ${year}`,
    });
    const edit = await bimSon.put(`/api/v1/inspections/recommendations/${forBimSon}`, {
      text: 'Sửa',
      deadline: days(40),
      version: 1,
    });
    expect(edit.statusCode).toBe(403);
  });

  it('filters by unit, topic and plan year', async () => {
    expect(await listIds(inspector, '&unit=14818&topic=drowning_prevention')).toEqual([forQuangTrung]);
    expect(await listIds(inspector, `&unit=14812&year=${year - 1}`)).toEqual([]);
  });
});

describe('update', () => {
  it('changes text and deadline with a deadline event, and refuses stale versions', async () => {
    const plan = await insertPlan('38', year, ['professional']);
    const session = await insertSession(plan, '14812', days(-2));
    const id = await insertRecommendation(session, '14812', days(10));
    const url = `/api/v1/inspections/recommendations/${id}`;
    const res = await inspector.put(url, { text: 'Nội dung mới', deadline: days(40), version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const rec = res.json() as Recommendation;
    expect(rec).toMatchObject({ text: 'Nội dung mới', deadline: days(40), version: 2 });
    const vn = (iso: string) => iso.split('-').reverse().join('/');
    expect(rec.events).toMatchObject([{ kind: 'deadline', note: `${vn(days(10))} → ${vn(days(40))}` }]);
    expect((await inspector.put(url, { text: 'Khác', deadline: days(40), version: 1 })).statusCode).toBe(409);
    const early = await inspector.put(url, { text: 'Khác', deadline: days(-3), version: 2 });
    expect(early.statusCode).toBe(422);
    expect(fieldPaths(early)).toEqual(['body.deadline']);
  });
});

describe('respond', () => {
  let id: string;
  const url = () => `/api/v1/inspections/recommendations/${id}`;

  beforeAll(async () => {
    const plan = await insertPlan('38', year, ['policy_law']);
    const session = await insertSession(plan, '14812', days(-5));
    id = await insertRecommendation(session, '14812', days(10));
  });

  it('goes from in progress to done with a completion date, then stays closed to the commune', async () => {
    const started = await bimSon.post(`${url()}/respond`, {
      status: 'in_progress',
      response: 'Đang rà soát danh sách',
      version: 1,
    });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'in_progress', state: 'in_progress', completedOn: null });
    expect((started.json() as Recommendation).events.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ['status', 'open', 'in_progress'],
      ['response', null, null],
    ]);
    expect(
      (await quangTrung.post(`${url()}/respond`, { status: 'in_progress', response: 'x', version: 2 }))
        .statusCode,
    ).toBe(404);

    const done = { status: 'done', response: 'Đã kiện toàn Ban bảo vệ trẻ em', version: 2 };
    const missing = await bimSon.post(`${url()}/respond`, done);
    expect(missing.statusCode).toBe(422);
    expect(fieldPaths(missing)).toEqual(['body.completedOn']);
    const future = await bimSon.post(`${url()}/respond`, { ...done, completedOn: days(1) });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0].message).toBe('Ngày hoàn thành không thể ở tương lai');
    const beforeSession = await bimSon.post(`${url()}/respond`, { ...done, completedOn: days(-6) });
    expect(beforeSession.statusCode).toBe(422);
    expect(fieldPaths(beforeSession)).toEqual(['body.completedOn']);

    const finished = await bimSon.post(`${url()}/respond`, { ...done, completedOn: today });
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json()).toMatchObject({
      status: 'done',
      state: 'done',
      completedOn: today,
      doneOnTime: true,
      canRespond: false,
      version: 3,
    });

    const reopen = await bimSon.post(`${url()}/respond`, {
      status: 'in_progress',
      response: 'Mở lại',
      version: 3,
    });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().type).toBe('/problems/recommendation-done');

    // The inspecting side may reopen it; a stale version is a conflict.
    expect(
      (await inspector.post(`${url()}/respond`, { status: 'in_progress', response: 'Chưa đạt', version: 2 }))
        .statusCode,
    ).toBe(409);
    const reopened = await inspector.post(`${url()}/respond`, {
      status: 'in_progress',
      response: 'Chưa đạt',
      version: 3,
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'in_progress', completedOn: null, canRespond: true });
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'inspection.recommendation.respond',
      'inspection.recommendation.respond',
      'inspection.recommendation.respond',
    ]);
  });

  it('takes photos and PDFs as evidence, checked by content', async () => {
    const pdf = await upload(bimSon, id, minimalPdf(), {
      type: 'application/pdf',
      fileName: 'biên bản',
      caption: 'Biên bản',
    });
    expect(pdf.statusCode, pdf.body).toBe(201);
    const png = await upload(bimSon, id, PNG_BYTES, { type: 'image/png', fileName: 'ảnh hiện trường.png' });
    expect(png.statusCode, png.body).toBe(201);
    const rec = png.json() as Recommendation;
    expect(rec.evidence.map((e) => [e.file.fileName, e.file.contentType, e.caption])).toEqual([
      ['biên bản.pdf', 'application/pdf', 'Biên bản'],
      ['ảnh hiện trường.png', 'image/png', null],
    ]);
    expect(rec.events.filter((e) => e.kind === 'evidence')).toHaveLength(2);
    const fake = await upload(bimSon, id, Buffer.from('<html>not a photo</html>'), { type: 'image/jpeg' });
    expect(fake.statusCode).toBe(422);
    expect(fake.json().type).toBe('/problems/file-type-not-allowed');
    expect((await upload(quangTrung, id, minimalPdf(), { type: 'application/pdf' })).statusCode).toBe(404);
  });
});

/** A 1×1 PNG: signature, IHDR, IDAT and IEND. */
const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function upload(
  agent: Agent,
  id: string,
  content: Buffer,
  opts: { type: string; fileName?: string; caption?: string },
) {
  const query = new URLSearchParams({
    fileName: opts.fileName ?? 'minh-chung',
    ...(opts.caption ? { caption: opts.caption } : {}),
  });
  return env.app.server.inject({
    method: 'POST',
    url: `/api/v1/inspections/recommendations/${id}/evidence?${query}`,
    headers: { cookie: agent.cookie ?? '', 'x-csrf-token': agent.csrfToken ?? '', 'content-type': opts.type },
    payload: content,
  });
}

describe('overdue', () => {
  it('derives overdue from a past deadline and filters on it', async () => {
    const plan = await insertPlan('38', year, ['budget_use']);
    const session = await insertSession(plan, '14818', days(-40));
    const late = await insertRecommendation(session, '14818', days(-1), 'in_progress');
    const onTime = await insertRecommendation(session, '14818', days(-1), 'done', days(-2));
    const rec = (
      await quangTrung.get(`/api/v1/inspections/recommendations/${late}`)
    ).json() as Recommendation;
    expect(rec).toMatchObject({ status: 'in_progress', state: 'overdue' });
    expect((await quangTrung.get(`/api/v1/inspections/recommendations/${onTime}`)).json()).toMatchObject({
      state: 'done',
      doneOnTime: true,
    });
    const overdue = await listIds(quangTrung, '&state=overdue');
    expect(overdue).toContain(late);
    expect(overdue).not.toContain(onTime);
    expect(await listIds(quangTrung, '&state=in_progress')).not.toContain(late);
    expect(await listIds(quangTrung, '&state=done')).toContain(onTime);
  });
});

describe('list order', () => {
  it('puts what is still to do first (nearest deadline first), done ones after, page by page', async () => {
    // Province 42 (Hà Tĩnh) is used by no other test.
    const { agent: reader } = await agentFor(env, { unitCode: '42', permissions: ['inspections.read'] });
    const commune = await env.database.db
      .selectFrom('admin_unit')
      .select('code')
      .where('code', 'like', '1%')
      .where('province_code', '=', '42')
      .where('level', '=', 'commune')
      .where('valid_to', 'is', null)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const plan = await insertPlan('42', year, ['other']);
    const session = await insertSession(plan, commune.code, days(-90));
    const oldDone = await insertRecommendation(session, commune.code, days(-80), 'done', days(-81));
    const overdue = await insertRecommendation(session, commune.code, days(-5), 'open');
    const soon = await insertRecommendation(session, commune.code, days(5), 'in_progress');
    const later = await insertRecommendation(session, commune.code, days(40), 'open');
    const recentDone = await insertRecommendation(session, commune.code, days(20), 'done', days(-1));
    const expected = [overdue, soon, later, oldDone, recentDone];
    expect(await listIds(reader, `&unit=${commune.code}`)).toEqual(expected);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (
        await reader.get(
          `/api/v1/inspections/recommendations?unit=${commune.code}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json() as { items: { id: string }[]; nextCursor: string | null };
      paged.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(expected);
  });
});

describe('board', () => {
  // Province 40 (Nghệ An) is used by no other test: two communes, two years, two plans.
  const C1 = '16681';
  const C2 = '16690';
  const y1 = year - 1;
  let board: Agent;

  beforeAll(async () => {
    ({ agent: board } = await agentFor(env, { unitCode: '40', permissions: ['inspections.read'] }));
    const planA = await insertPlan('40', y1, ['policy_law']);
    const planB = await insertPlan('40', year, ['policy_law', 'drowning_prevention']);
    const a1 = await insertSession(planA, C1, `${y1}-01-15`);
    const b1 = await insertSession(planB, C1, days(-60));
    const b2 = await insertSession(planB, C2, days(-60));
    await insertRecommendation(a1, C1, days(-30), 'done', days(-31)); // 1 done on time
    await insertRecommendation(a1, C1, days(-30), 'done', days(-20)); // 2 done late
    await insertRecommendation(a1, C1, days(-30), 'open'); // 3 overdue
    await insertRecommendation(b2, C2, days(-1), 'in_progress'); // 4 overdue
    await insertRecommendation(b2, C2, days(3), 'open'); // 5 open, due soon
    await insertRecommendation(b1, C1, days(7), 'in_progress'); // 6 in progress, due soon (day 7)
    await insertRecommendation(b2, C2, days(30), 'open'); // 7 open
    await insertRecommendation(b2, C2, days(10), 'done', days(-1)); // 8 done on time
  });

  const counts = (
    total: number,
    open: number,
    inProgress: number,
    overdue: number,
    done: number,
    doneOnTime: number,
    dueSoon: number,
  ) => ({
    total,
    open,
    inProgress,
    overdue,
    done,
    doneOnTime,
    dueSoon,
  });

  it('counts by responsible unit, by topic (each topic of a plan) and by plan year', async () => {
    const res = await board.get('/api/v1/inspections/board');
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json() as FollowUpBoard;
    expect(b.unitCode).toBe('40');
    expect(b.asOf).toBe(today);
    expect(b.totals).toEqual(counts(8, 2, 1, 2, 3, 2, 2));
    expect(b.byUnit.map(({ unitName: _, ...rest }) => rest)).toEqual([
      { unitCode: C1, ...counts(4, 0, 1, 1, 2, 1, 1) },
      { unitCode: C2, ...counts(4, 2, 0, 1, 1, 1, 1) },
    ]);
    expect(b.byTopic).toEqual([
      { topic: 'policy_law', ...counts(8, 2, 1, 2, 3, 2, 2) },
      { topic: 'drowning_prevention', ...counts(5, 2, 1, 1, 1, 1, 2) },
    ]);
    expect(b.byYear).toEqual([
      { year: y1, ...counts(3, 0, 0, 1, 2, 1, 0) },
      { year, ...counts(5, 2, 1, 1, 1, 1, 2) },
    ]);
  });

  it('narrows to years and to a unit, and keeps to the caller’s scope', async () => {
    const recent = (await board.get(`/api/v1/inspections/board?yearFrom=${year}`)).json() as FollowUpBoard;
    expect(recent.totals).toEqual(counts(5, 2, 1, 1, 1, 1, 2));
    const c1 = (await board.get(`/api/v1/inspections/board?unit=${C1}&yearTo=${y1}`)).json() as FollowUpBoard;
    expect(c1.totals).toEqual(counts(3, 0, 0, 1, 2, 1, 0));
    expect((await board.get('/api/v1/inspections/board?unit=38')).statusCode).toBe(403);
    const commune = await agentFor(env, { unitCode: C2, permissions: ['inspections.respond'] });
    const own = (await commune.agent.get('/api/v1/inspections/board')).json() as FollowUpBoard;
    expect(own.unitCode).toBe(C2);
    expect(own.totals).toEqual(counts(4, 2, 0, 1, 1, 1, 1));
  });
});

describe('reminders', () => {
  it('notifies due soon and overdue once, the issuing unit of overdue ones, and records reminder events', async () => {
    // Hà Nội (01) and its ward 00004 are used by no other recommendation of this file.
    const { agent: ward, user: wardUser } = await agentFor(env, {
      unitCode: '00004',
      permissions: ['inspections.respond'],
    });
    const { user: issuer } = await agentFor(env, {
      unitCode: '01',
      permissions: ['inspections.read', 'inspections.write'],
    });
    const { user: otherWard } = await agentFor(env, {
      unitCode: '00008',
      permissions: ['inspections.respond'],
    });
    const plan = await insertPlan('01', year, ['other']);
    const session = await insertSession(plan, '00004', days(-30));
    const dueSoon = await insertRecommendation(session, '00004', days(3));
    const overdue = await insertRecommendation(session, '00004', days(-2), 'in_progress');
    const later = await insertRecommendation(session, '00004', days(30));
    const done = await insertRecommendation(session, '00004', days(-2), 'done', days(-3));

    const first = await sendRecommendationReminders(env.database.db, today);
    expect(first.recommendations).toBeGreaterThanOrEqual(2);
    const second = await sendRecommendationReminders(env.database.db, today);
    expect(second).toEqual({ recommendations: 0, notifications: 0 });

    const notes = await env.database.db
      .selectFrom('notification')
      .select(['user_id', 'kind', sql<string>`payload->>'recommendationId'`.as('rec'), 'payload'])
      .where('user_id', 'in', [wardUser.id, issuer.id, otherWard.id])
      .orderBy('kind')
      .execute();
    expect(notes.map((n) => [n.user_id, n.kind, n.rec])).toEqual(
      expect.arrayContaining([
        [wardUser.id, 'recommendation_due_soon', dueSoon],
        [wardUser.id, 'recommendation_overdue', overdue],
        [issuer.id, 'recommendation_overdue', overdue],
      ]),
    );
    expect(notes).toHaveLength(3);

    const events = await env.database.db
      .selectFrom('inspection_recommendation_event')
      .select(['recommendation_id', 'to_status', 'note'])
      .where('kind', '=', 'reminder')
      .where('recommendation_id', 'in', [dueSoon, overdue, later, done])
      .execute();
    expect(events).toEqual(
      expect.arrayContaining([
        { recommendation_id: dueSoon, to_status: 'due_soon', note: days(3) },
        { recommendation_id: overdue, to_status: 'overdue', note: days(-2) },
      ]),
    );
    expect(events).toHaveLength(2);

    const list = await ward.get('/api/v1/notifications');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'recommendation_due_soon',
          recommendationId: dueSoon,
          deadline: days(3),
          unitName: expect.stringContaining('Ba Đình'),
          caseId: null,
        }),
      ]),
    );

    // Once the due-soon one passes its deadline it is reminded again, as overdue, once.
    const later8 = addCalendarDays(today, 8);
    await sendRecommendationReminders(env.database.db, later8);
    await sendRecommendationReminders(env.database.db, later8);
    const dueSoonKinds = await env.database.db
      .selectFrom('notification')
      .select('kind')
      .where('user_id', '=', wardUser.id)
      .where(sql<boolean>`payload->>'recommendationId' = ${dueSoon}`)
      .orderBy('kind')
      .execute();
    expect(dueSoonKinds.map((n) => n.kind)).toEqual(['recommendation_due_soon', 'recommendation_overdue']);
  });
});
