import { inflateRawSync } from 'node:zlib';
import { EVIDENCE_MAX_BYTES, vietnamToday } from '@tuoitho/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv, unitByCode } from '../../../../test/harness';
import { zipEntries } from '../../../platform/files/sniff';
import { htmlBytes, minimalPdf } from '../../../platform/files/test-files';

let env: TestEnv;
let inspector: Agent;
let hanoiInspector: Agent;
let wardInspector: Agent;
let bimSon: Agent;
let quangTrung: Agent;
let outsider: Agent;

const today = vietnamToday();
const year = Number(today.slice(0, 4));
/** A real 1×1 PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const questions = [
  { id: 'q1', text: 'Có kế hoạch phòng, chống đuối nước năm nay', answerType: 'yes_no', maxScore: 10 },
  { id: 'q2', text: 'Mức độ triển khai dạy bơi an toàn', answerType: 'score', maxScore: 20 },
  { id: 'q3', text: 'Số lớp dạy bơi đã mở', answerType: 'number', maxScore: null, required: false },
  { id: 'q4', text: 'Nhận xét chung', answerType: 'text', maxScore: null },
];

const planBody = (overrides: Record<string, unknown> = {}) => ({
  year,
  number: '15/KH-UBND',
  issuedOn: `${year}-01-15`,
  issuingBody: 'Ủy ban nhân dân tỉnh Thanh Hóa',
  title: 'Kiểm tra công tác phòng, chống đuối nước trẻ em',
  topics: ['drowning_prevention'],
  targets: [
    { unitCode: '14812', plannedFrom: `${year}-03-01`, plannedTo: `${year}-03-05` },
    { unitCode: '14818' },
  ],
  team: [
    { fullName: 'Lê Văn Trưởng', role: 'lead', organisation: 'Thanh tra tỉnh' },
    { fullName: 'Phạm Thị Thư', role: 'secretary' },
  ],
  ...overrides,
});

beforeAll(async () => {
  env = await createTestApp();
  const inspect = ['inspections.read', 'inspections.write'] as const;
  ({ agent: inspector } = await agentFor(env, { unitCode: '38', permissions: [...inspect] }));
  ({ agent: hanoiInspector } = await agentFor(env, { unitCode: '01', permissions: [...inspect] }));
  ({ agent: wardInspector } = await agentFor(env, { unitCode: '14812', permissions: [...inspect] }));
  ({ agent: bimSon } = await agentFor(env, { unitCode: '14812', permissions: ['inspections.respond'] }));
  ({ agent: quangTrung } = await agentFor(env, { unitCode: '14818', permissions: ['inspections.respond'] }));
  ({ agent: outsider } = await agentFor(env, { unitCode: '38', permissions: ['registry.read'] }));
}, 60_000);
afterAll(() => env.close());

async function createTemplate(agent = inspector, body: Record<string, unknown> = {}) {
  const res = await agent.post('/api/v1/inspections/templates', {
    name: 'Phiếu kiểm tra phòng, chống đuối nước',
    topic: 'drowning_prevention',
    questions,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function createPlan(overrides: Record<string, unknown> = {}) {
  const res = await inspector.post('/api/v1/inspections/plans', planBody(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function startSession(planId: string, templateId: string, unitCode = '14812') {
  return inspector.post(`/api/v1/inspections/plans/${planId}/sessions`, {
    unitCode,
    templateId,
    heldOn: today,
  });
}

function upload(agent: Agent, sessionId: string, content: Buffer, type: string, query = 'fileName=anh.png') {
  return env.app.server.inject({
    method: 'POST',
    url: `/api/v1/inspections/sessions/${sessionId}/evidence?${query}`,
    headers: { cookie: agent.cookie ?? '', 'x-csrf-token': agent.csrfToken ?? '', 'content-type': type },
    payload: content,
  });
}

const errorPaths = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);

describe('checklist templates', () => {
  it('creates a province template that its wards list but may not edit', async () => {
    const template = await createTemplate();
    expect(template).toMatchObject({ unitCode: '38', canEdit: true, version: 1, isActive: true });
    expect(template.questions.map((q: { id: string }) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4']);

    const listed = await wardInspector.get('/api/v1/inspections/templates');
    expect(listed.statusCode).toBe(200);
    const seen = listed.json().items.find((t: { id: string }) => t.id === template.id);
    expect(seen).toMatchObject({ canEdit: false });
    const hanoi = await hanoiInspector.get('/api/v1/inspections/templates');
    expect(hanoi.json().items.some((t: { id: string }) => t.id === template.id)).toBe(false);

    const update = { name: 'Phiếu mới', topic: 'drowning_prevention', questions, version: 1 };
    expect((await wardInspector.put(`/api/v1/inspections/templates/${template.id}`, update)).statusCode).toBe(
      403,
    );
    expect(
      (await hanoiInspector.put(`/api/v1/inspections/templates/${template.id}`, update)).statusCode,
    ).toBe(404);
    const updated = await inspector.put(`/api/v1/inspections/templates/${template.id}`, update);
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ name: 'Phiếu mới', version: 2 });
    expect((await inspector.put(`/api/v1/inspections/templates/${template.id}`, update)).statusCode).toBe(
      409,
    );
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', template.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['inspection.template.create', 'inspection.template.update']);
  });

  it('refuses repeated question ids and scored questions without points, naming the field', async () => {
    const res = await inspector.post('/api/v1/inspections/templates', {
      name: 'Phiếu lỗi',
      topic: 'other',
      questions: [questions[0], { ...questions[1], id: 'q1' }, { ...questions[0], id: 'q9', maxScore: null }],
    });
    expect(res.statusCode).toBe(422);
    expect(errorPaths(res)).toEqual(['body.questions.1.id', 'body.questions.2.maxScore']);
    expect(res.json().errors[0].message).toContain('trùng');
  });

  it('needs inspections.write to create and inspections.read to list', async () => {
    expect((await outsider.get('/api/v1/inspections/templates')).statusCode).toBe(403);
    expect((await bimSon.post('/api/v1/inspections/templates', {})).statusCode).toBe(403);
  });
});

describe('plans', () => {
  it('creates a plan with targets, team and empty counts', async () => {
    const plan = await createPlan();
    expect(plan).toMatchObject({
      unitCode: '38',
      year,
      canEdit: true,
      version: 1,
      recommendations: { total: 0, done: 0, overdue: 0 },
      team: [
        { fullName: 'Lê Văn Trưởng', role: 'lead', organisation: 'Thanh tra tỉnh', userId: null },
        { fullName: 'Phạm Thị Thư', role: 'secretary', organisation: null },
      ],
    });
    expect(plan.targets).toMatchObject([
      { unitCode: '14812', plannedFrom: `${year}-03-01`, plannedTo: `${year}-03-05`, sessionId: null },
      { unitCode: '14818', plannedFrom: null, sessionId: null },
    ]);
    expect(plan.targets[0].unitName).toContain('Bỉm Sơn');
  });

  it('validates targets and dates with field names', async () => {
    const outside = await inspector.post(
      '/api/v1/inspections/plans',
      planBody({
        targets: [{ unitCode: '14812' }, { unitCode: '01' }, { unitCode: '99999' }, { unitCode: '14812' }],
      }),
    );
    expect(outside.statusCode).toBe(422);
    expect(errorPaths(outside)).toEqual([
      'body.targets.1.unitCode',
      'body.targets.2.unitCode',
      'body.targets.3.unitCode',
    ]);
    const reversed = await inspector.post(
      '/api/v1/inspections/plans',
      planBody({
        targets: [{ unitCode: '14812', plannedFrom: `${year}-03-05`, plannedTo: `${year}-03-01` }],
      }),
    );
    expect(reversed.statusCode).toBe(422);
    expect(errorPaths(reversed)).toEqual(['body.targets.0.plannedTo']);
    const noTitle = await inspector.post('/api/v1/inspections/plans', planBody({ title: '', topics: [] }));
    expect(noTitle.statusCode).toBe(400);
    expect(errorPaths(noTitle)).toEqual(expect.arrayContaining(['body.title', 'body.topics']));
    const ward = await wardInspector.post('/api/v1/inspections/plans', planBody({ unit: '38' }));
    expect(ward.statusCode).toBe(403);
  });

  it('lists plans newest year first with filters and a cursor, and hides them from another province', async () => {
    const old = await createPlan({ year: year - 3, topics: ['policy_law'], title: 'Kế hoạch năm cũ' });
    const current = await createPlan({ title: 'Kế hoạch năm nay' });
    const byYear = await inspector.get(`/api/v1/inspections/plans?year=${year - 3}`);
    expect(byYear.json().items.map((p: { id: string }) => p.id)).toEqual([old.id]);
    const byTopic = await inspector.get('/api/v1/inspections/plans?topic=policy_law');
    expect(byTopic.json().items.map((p: { id: string }) => p.id)).toEqual([old.id]);

    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { json(): { items: { id: string; year: number }[]; nextCursor: string | null } } =
        await inspector.get(`/api/v1/inspections/plans?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      ids.push(...res.json().items.map((p) => p.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(ids.indexOf(current.id)).toBeLessThan(ids.indexOf(old.id));
    expect(new Set(ids).size).toBe(ids.length);

    // A ward inspector sees plans targeting the ward; Hà Nội sees none of Thanh Hóa's.
    const ward = await wardInspector.get('/api/v1/inspections/plans');
    expect(ward.json().items.some((p: { id: string }) => p.id === current.id)).toBe(true);
    expect(ward.json().items.find((p: { id: string }) => p.id === current.id).canEdit).toBe(false);
    expect((await hanoiInspector.get('/api/v1/inspections/plans')).json().items).toEqual([]);
    expect((await hanoiInspector.get(`/api/v1/inspections/plans/${current.id}`)).statusCode).toBe(404);
    expect((await outsider.get('/api/v1/inspections/plans')).statusCode).toBe(403);
    expect((await inspector.get('/api/v1/inspections/plans?cursor=bogus')).statusCode).toBe(400);
  });

  it('updates with a version, and keeps targets that have a session', async () => {
    const template = await createTemplate();
    const plan = await createPlan();
    const update = { ...planBody({ title: 'Kế hoạch đã sửa' }), version: 1 };
    expect((await wardInspector.put(`/api/v1/inspections/plans/${plan.id}`, update)).statusCode).toBe(403);
    const updated = await inspector.put(`/api/v1/inspections/plans/${plan.id}`, update);
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ title: 'Kế hoạch đã sửa', version: 2 });
    expect((await inspector.put(`/api/v1/inspections/plans/${plan.id}`, update)).statusCode).toBe(409);

    expect((await startSession(plan.id, template.id)).statusCode).toBe(201);
    const drop = await inspector.put(`/api/v1/inspections/plans/${plan.id}`, {
      ...planBody({ targets: [{ unitCode: '14818' }] }),
      version: 2,
    });
    expect(drop.statusCode).toBe(409);
    expect(drop.json().detail).toContain('Bỉm Sơn');
    const keep = await inspector.put(`/api/v1/inspections/plans/${plan.id}`, {
      ...planBody({ targets: [{ unitCode: '14812' }] }),
      version: 2,
    });
    expect(keep.statusCode, keep.body).toBe(200);
    expect(keep.json().targets).toMatchObject([{ unitCode: '14812', sessionStatus: 'draft' }]);
  });
});

describe('sessions', () => {
  let templateId: string;
  let planId: string;
  let sessionId: string;

  beforeAll(async () => {
    templateId = (await createTemplate()).id;
    planId = (await createPlan()).id;
  });

  it('starts a session from a template, freezing its questions; one per plan and unit', async () => {
    const res = await startSession(planId, templateId);
    expect(res.statusCode, res.body).toBe(201);
    const session = res.json();
    sessionId = session.id;
    expect(session).toMatchObject({
      planId,
      unitCode: '14812',
      status: 'draft',
      score: 0,
      maxScore: 30,
      missing: ['q1', 'q2', 'q4'],
      canEdit: true,
      version: 1,
    });
    expect((await startSession(planId, templateId)).statusCode).toBe(409);
    const notTarget = await startSession(planId, templateId, '14758');
    expect(notTarget.statusCode).toBe(422);
    expect(errorPaths(notTarget)).toEqual(['body.unitCode']);

    // Changing the template later does not change the session's checklist.
    await inspector.put(`/api/v1/inspections/templates/${templateId}`, {
      name: 'Phiếu rút gọn',
      topic: 'drowning_prevention',
      questions: [questions[0]],
      version: 1,
    });
    const again = await inspector.get(`/api/v1/inspections/sessions/${sessionId}`);
    expect(again.json().questions).toHaveLength(4);
    const plan = await inspector.get(`/api/v1/inspections/plans/${planId}`);
    expect(plan.json().targets[0]).toMatchObject({ unitCode: '14812', sessionId, sessionStatus: 'draft' });
  });

  it('saves answers and findings, scores live, and refuses unknown questions', async () => {
    const unknown = await inspector.put(`/api/v1/inspections/sessions/${sessionId}`, {
      heldOn: today,
      answers: [{ questionId: 'q99', value: true }],
      findings: [],
      version: 1,
    });
    expect(unknown.statusCode).toBe(422);
    expect(errorPaths(unknown)).toEqual(['body.answers.0.questionId']);

    const saved = await inspector.put(`/api/v1/inspections/sessions/${sessionId}`, {
      heldOn: today,
      summary: 'Đơn vị đã triển khai kế hoạch.',
      answers: [
        { questionId: 'q1', value: true, note: 'Kế hoạch số 20/KH-UBND' },
        { questionId: 'q2', value: 15 },
        { questionId: 'q3', value: 4 },
      ],
      findings: [
        { severity: 'good', text: 'Tổ chức tốt lớp dạy bơi mùa hè cho trẻ em' },
        { severity: 'minor', text: 'Chưa rào chắn ao hồ nguy hiểm gần trường học', questionId: 'q2' },
      ],
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const session = saved.json();
    expect(session).toMatchObject({ score: 25, maxScore: 30, missing: ['q4'], version: 2 });
    expect(session.findings.map((f: { seq: number; severity: string }) => [f.seq, f.severity])).toEqual([
      [1, 'good'],
      [2, 'minor'],
    ]);
    expect(
      (
        await inspector.put(`/api/v1/inspections/sessions/${sessionId}`, {
          heldOn: today,
          answers: [],
          findings: [],
          version: 1,
        })
      ).statusCode,
    ).toBe(409);

    // Findings are kept by id, removed when left out; answers not sent stay.
    const kept = session.findings[1];
    const second = await inspector.put(`/api/v1/inspections/sessions/${sessionId}`, {
      heldOn: today,
      summary: 'Đơn vị đã triển khai kế hoạch.',
      answers: [{ questionId: 'q2', value: 25 }],
      findings: [{ id: kept.id, severity: 'major', text: kept.text, questionId: 'q2' }],
      version: 2,
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().findings).toEqual([
      { id: kept.id, seq: 1, questionId: 'q2', severity: 'major', text: kept.text },
    ]);
    expect(second.json().answers.map((a: { questionId: string }) => a.questionId)).toEqual([
      'q1',
      'q2',
      'q3',
    ]);
  });

  it('refuses to complete with missing or invalid answers, listing them', async () => {
    const res = await inspector.post(`/api/v1/inspections/sessions/${sessionId}/complete`, { version: 3 });
    expect(res.statusCode).toBe(422);
    expect(res.json().type).toBe('/problems/inspection-incomplete');
    expect(errorPaths(res).sort()).toEqual(['answers.q2', 'answers.q4']);
  });

  it('completes, stores the score and then refuses edits', async () => {
    const fixed = await inspector.put(`/api/v1/inspections/sessions/${sessionId}`, {
      heldOn: today,
      summary: 'Đơn vị đã triển khai kế hoạch.',
      conclusion: 'Đơn vị thực hiện cơ bản tốt công tác phòng, chống đuối nước.',
      answers: [
        { questionId: 'q2', value: 15 },
        { questionId: 'q4', value: 'Cần tăng cường tuyên truyền.' },
      ],
      findings: [
        { severity: 'good', text: 'Tổ chức tốt lớp dạy bơi mùa hè cho trẻ em' },
        { severity: 'minor', text: 'Chưa rào chắn ao hồ nguy hiểm gần trường học' },
      ],
      version: 3,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().missing).toEqual([]);
    expect(
      (await wardInspector.post(`/api/v1/inspections/sessions/${sessionId}/complete`, { version: 4 }))
        .statusCode,
    ).toBe(200);
    const row = await env.database.db
      .selectFrom('inspection_session')
      .select(['status', 'score', 'max_score', 'completed_at'])
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'completed' });
    expect([Number(row.score), Number(row.max_score)]).toEqual([25, 30]);
    expect(row.completed_at).not.toBeNull();

    const edit = await inspector.put(`/api/v1/inspections/sessions/${sessionId}`, {
      heldOn: today,
      answers: [],
      findings: [],
      version: 5,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().type).toBe('/problems/inspection-session-completed');
    expect(
      (await inspector.post(`/api/v1/inspections/sessions/${sessionId}/complete`, { version: 5 })).statusCode,
    ).toBe(409);
    const view = await inspector.get(`/api/v1/inspections/sessions/${sessionId}`);
    expect(view.json()).toMatchObject({ status: 'completed', canEdit: false, score: 25, maxScore: 30 });
  });

  it('shows recommendations in the session and counts them in the plan', async () => {
    const ward = await unitByCode(env.database, '14812');
    const finding = (await inspector.get(`/api/v1/inspections/sessions/${sessionId}`)).json().findings[1];
    await env.database.db
      .insertInto('inspection_recommendation')
      .values([
        {
          session_id: sessionId,
          finding_id: finding.id,
          unit_id: ward.id,
          text: 'Rào chắn các ao hồ',
          deadline: '2020-01-01',
        },
        {
          session_id: sessionId,
          finding_id: null,
          unit_id: ward.id,
          text: 'Báo cáo kết quả',
          deadline: `${year + 1}-12-31`,
          status: 'done',
          completed_on: today,
        },
      ])
      .execute();
    const session = (await inspector.get(`/api/v1/inspections/sessions/${sessionId}`)).json();
    expect(session.recommendations.map((r: { state: string }) => r.state)).toEqual(['overdue', 'done']);
    expect(session.recommendations[0]).toMatchObject({
      findingId: finding.id,
      unitCode: '14812',
      planId,
      canEdit: true,
    });
    const plan = (await inspector.get(`/api/v1/inspections/plans/${planId}`)).json();
    expect(plan.recommendations).toEqual({ total: 2, done: 1, overdue: 1 });
  });

  it('serves the evidence of a recommendation to the responsible ward only', async () => {
    const [recommendation] = (await inspector.get(`/api/v1/inspections/sessions/${sessionId}`)).json()
      .recommendations;
    const db = env.database.db;
    const file = await db
      .insertInto('stored_file')
      .values({
        file_name: 'rao-chan.png',
        content_type: 'image/png',
        size_bytes: png.length,
        sha256: 'a'.repeat(64),
        content: png,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const evidence = await db
      .insertInto('inspection_evidence')
      .values({ recommendation_id: recommendation.id, file_id: file.id, caption: 'Đã rào chắn' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const url = `/api/v1/inspections/evidence/${evidence.id}/file`;
    expect((await bimSon.get(url)).statusCode).toBe(200);
    expect((await inspector.get(url)).statusCode).toBe(200);
    expect((await quangTrung.get(url)).statusCode).toBe(404);
    expect((await hanoiInspector.get(url)).statusCode).toBe(404);
    expect(
      (await inspector.request('DELETE', `/api/v1/inspections/evidence/${evidence.id}`)).statusCode,
    ).toBe(404);
  });

  it('lets the inspected ward read its completed session but not drafts, and no other ward', async () => {
    const own = await bimSon.get(`/api/v1/inspections/sessions/${sessionId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ canEdit: false });
    expect((await quangTrung.get(`/api/v1/inspections/sessions/${sessionId}`)).statusCode).toBe(404);
    expect((await hanoiInspector.get(`/api/v1/inspections/sessions/${sessionId}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/inspections/sessions/${sessionId}`)).statusCode).toBe(404);

    const draftPlan = await createPlan({ title: 'Kế hoạch khác' });
    const draft = (await startSession(draftPlan.id, templateId)).json();
    expect((await bimSon.get(`/api/v1/inspections/sessions/${draft.id}`)).statusCode).toBe(404);
    expect((await wardInspector.get(`/api/v1/inspections/sessions/${draft.id}`)).statusCode).toBe(200);
    expect(
      (
        await bimSon.put(`/api/v1/inspections/sessions/${sessionId}`, {
          heldOn: today,
          answers: [],
          findings: [],
          version: 5,
        })
      ).statusCode,
    ).toBe(403);

    const listed = (await bimSon.get('/api/v1/inspections/sessions'))
      .json()
      .items.map((s: { id: string }) => s.id);
    expect(listed).toContain(sessionId);
    expect(listed).not.toContain(draft.id);
    const all = (await inspector.get(`/api/v1/inspections/sessions?planId=${draftPlan.id}`)).json();
    expect(all.items).toMatchObject([
      { id: draft.id, status: 'draft', findingCount: 0, recommendationCount: 0 },
    ]);
    expect((await quangTrung.get('/api/v1/inspections/sessions')).json().items).toEqual([]);
    expect((await outsider.get('/api/v1/inspections/sessions')).statusCode).toBe(403);
  });

  it('writes the report as a Word document in the official layout', async () => {
    const res = await bimSon.get(`/api/v1/inspections/sessions/${sessionId}/report`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="bien-ban-kiem-tra-14812-/);
    const docx = res.rawPayload;
    const entry = zipEntries(docx)?.find((e) => e.name === 'word/document.xml');
    expect(entry).toBeDefined();
    if (!entry) return;
    const start =
      entry.localHeaderOffset +
      30 +
      docx.readUInt16LE(entry.localHeaderOffset + 26) +
      docx.readUInt16LE(entry.localHeaderOffset + 28);
    const data = docx.subarray(start, start + entry.compressedSize);
    const xml = (entry.method === 8 ? inflateRawSync(data) : data).toString('utf8');
    for (const text of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BIÊN BẢN KIỂM TRA',
      'Phường Bỉm Sơn',
      'Chưa rào chắn ao hồ nguy hiểm gần trường học',
      'Tổ chức tốt lớp dạy bơi mùa hè cho trẻ em',
      'Rào chắn các ao hồ',
      'Lê Văn Trưởng',
      'TRƯỞNG ĐOÀN KIỂM TRA',
      '25/30',
    ])
      expect(xml).toContain(text);
    expect((await quangTrung.get(`/api/v1/inspections/sessions/${sessionId}/report`)).statusCode).toBe(404);
  });
});

describe('evidence', () => {
  let sessionId: string;

  beforeAll(async () => {
    const template = await createTemplate();
    const plan = await createPlan({ title: 'Kế hoạch có minh chứng' });
    sessionId = (await startSession(plan.id, template.id)).json().id;
  });

  it('accepts a PNG photo and a PDF, and serves them as attachments', async () => {
    const photo = await upload(
      inspector,
      sessionId,
      png,
      'image/png',
      'fileName=Ảnh ao hồ&questionId=q1&caption=Ao gần trường',
    );
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json()).toMatchObject({
      questionId: 'q1',
      caption: 'Ao gần trường',
      file: { fileName: 'Ảnh ao hồ.png', contentType: 'image/png', size: png.length },
    });
    const pdf = await upload(
      inspector,
      sessionId,
      minimalPdf(),
      'application/octet-stream',
      'fileName=bien-ban.pdf',
    );
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json().file.contentType).toBe('application/pdf');

    const file = await bimSon.get(`/api/v1/inspections/evidence/${photo.json().id}/file`);
    expect(file.statusCode).toBe(404); // the session is a draft
    const download = await wardInspector.get(`/api/v1/inspections/evidence/${photo.json().id}/file`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toBe('sandbox');
    expect(Buffer.compare(download.rawPayload, png)).toBe(0);
    expect(
      (await hanoiInspector.get(`/api/v1/inspections/evidence/${photo.json().id}/file`)).statusCode,
    ).toBe(404);

    const view = (await inspector.get(`/api/v1/inspections/sessions/${sessionId}`)).json();
    expect(view.evidence.map((e: { id: string }) => e.id)).toEqual([photo.json().id, pdf.json().id]);
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', photo.json().id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['inspection.evidence.upload']);
  });

  it('refuses HTML sent as a PNG, oversize files, path tricks and unknown questions', async () => {
    const html = await upload(inspector, sessionId, htmlBytes, 'image/png');
    expect(html.statusCode).toBe(422);
    expect(html.json().type).toBe('/problems/file-type-not-allowed');
    const big = Buffer.concat([png, Buffer.alloc(EVIDENCE_MAX_BYTES)]);
    expect((await upload(inspector, sessionId, big, 'image/png')).statusCode).toBe(413);
    for (const name of ['../../etc/passwd.png', '..\\anh.png', '.htaccess', 'a/b.png']) {
      const res = await upload(
        inspector,
        sessionId,
        png,
        'image/png',
        `fileName=${encodeURIComponent(name)}`,
      );
      expect(res.statusCode, name).toBe(422);
      expect(res.json().type).toBe('/problems/file-name-invalid');
    }
    const question = await upload(inspector, sessionId, png, 'image/png', 'fileName=a.png&questionId=q99');
    expect(question.statusCode).toBe(422);
    expect(errorPaths(question)).toEqual(['query.questionId']);
    expect((await upload(inspector, sessionId, png, 'text/html')).statusCode).toBe(415);
    expect((await upload(bimSon, sessionId, png, 'image/png')).statusCode).toBe(403);
    expect((await upload(hanoiInspector, sessionId, png, 'image/png')).statusCode).toBe(404);
  });

  it('deletes evidence of a draft only', async () => {
    const photo = (await upload(inspector, sessionId, png, 'image/png')).json();
    expect(
      (await hanoiInspector.request('DELETE', `/api/v1/inspections/evidence/${photo.id}`)).statusCode,
    ).toBe(404);
    const deleted = await inspector.request('DELETE', `/api/v1/inspections/evidence/${photo.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await inspector.request('DELETE', `/api/v1/inspections/evidence/${photo.id}`)).statusCode).toBe(
      404,
    );

    const kept = (await upload(inspector, sessionId, png, 'image/png')).json();
    const session = (await inspector.get(`/api/v1/inspections/sessions/${sessionId}`)).json();
    await inspector.put(`/api/v1/inspections/sessions/${sessionId}`, {
      heldOn: today,
      answers: [
        { questionId: 'q1', value: false },
        { questionId: 'q2', value: 0 },
        { questionId: 'q4', value: 'Chưa đạt' },
      ],
      findings: [],
      version: session.version,
    });
    const done = await inspector.post(`/api/v1/inspections/sessions/${sessionId}/complete`, {
      version: session.version + 1,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().score).toBe(0);
    expect((await inspector.request('DELETE', `/api/v1/inspections/evidence/${kept.id}`)).statusCode).toBe(
      409,
    );
    expect((await upload(inspector, sessionId, png, 'image/png')).statusCode).toBe(409);
    expect((await bimSon.get(`/api/v1/inspections/evidence/${kept.id}/file`)).statusCode).toBe(200);
  });
});
