import JSZip from 'jszip';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv } from '../../../../test/harness';
import { isPdfAvailable } from './case-documents.service';

let env: TestEnv;
let officer: Agent;
let leader: Agent;
let leaderName: string;
let otherOfficer: Agent;
let reader: Agent;

const officerPermissions = ['registry.read', 'cases.read', 'cases.content.read', 'cases.write'] as const;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const CHILD = 'Nguyễn Thị Ánh Dương';

beforeAll(async () => {
  env = await createTestApp();
  ({ agent: officer } = await agentFor(env, { unitCode: '14812', permissions: [...officerPermissions] }));
  const created = await agentFor(env, {
    unitCode: '14812',
    permissions: ['cases.read', 'cases.content.read', 'cases.approve'],
  });
  leader = created.agent;
  const row = await env.database.db
    .selectFrom('app_user')
    .select('full_name')
    .where('id', '=', created.user.id)
    .executeTakeFirstOrThrow();
  leaderName = row.full_name;
  ({ agent: otherOfficer } = await agentFor(env, {
    unitCode: '14818',
    permissions: [...officerPermissions],
  }));
  ({ agent: reader } = await agentFor(env, {
    unitCode: '14812',
    permissions: ['cases.read', 'cases.content.read'],
  }));
});
afterAll(() => env.close());

type Kase = { id: string; number: string; version: number; status: string };

async function openCase(): Promise<Kase> {
  const res = await officer.post('/api/v1/cases', {
    child: { fullName: CHILD, sex: 'female', dateOfBirth: '2015-08-19' },
    unitCode: '14812',
    source: 'school',
    concerns: ['physical_violence', 'neglect'],
    urgency: 'urgent',
    receivedAt: '2026-04-27T09:00:00+07:00',
    summary: 'Cô giáo chủ nhiệm báo cháu có nhiều vết bầm',
    reporter: 'Cô Lê Thị Hoa, Trường Tiểu học Bỉm Sơn',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function step(kase: Kase, agent: Agent, action: Record<string, unknown>): Promise<Kase> {
  const res = await agent.post(`/api/v1/cases/${kase.id}/actions`, { version: kase.version, ...action });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A case walked from intake to an approved plan, a temporary removal and a review. */
async function walkedCase(): Promise<Kase> {
  let kase = await openCase();
  kase = await step(kase, officer, {
    type: 'initial_assessment',
    riskLevel: 'high',
    harm: 'Vết bầm ở tay và lưng',
    isEmergency: true,
    protectionLevel: 'can_thiep',
  });
  kase = await step(kase, leader, {
    type: 'temporary_removal',
    decisionNumber: '07/QĐ-UBND',
    decisionDate: '2026-04-27',
    placement: 'Nhà bà ngoại, tổ dân phố 3',
    startAt: '2026-04-27T19:00:00+07:00',
    plannedEndAt: '2026-05-11T19:00:00+07:00',
  });
  kase = await step(kase, officer, {
    type: 'detailed_assessment',
    riskLevel: 'high',
    needs: ['An toàn', 'Hỗ trợ tâm lý'],
    meetingOn: '2026-04-28',
  });
  kase = await step(kase, officer, {
    type: 'plan_drafted',
    goal: 'Trẻ an toàn, trở lại trường học',
    measures: [
      {
        id: 'm1',
        description: 'Tư vấn tâm lý cho trẻ',
        responsible: 'Nguyễn Thị Lan',
        service: 'Tổng đài 111',
        dueDate: '2026-05-15',
      },
    ],
  });
  kase = await step(kase, officer, { type: 'plan_submitted' });
  return kase;
}

async function documentXml(res: { rawPayload: Buffer }): Promise<string> {
  const zip = await JSZip.loadAsync(res.rawPayload);
  const file = zip.file('word/document.xml');
  expect(file).not.toBeNull();
  return (await file?.async('string')) ?? '';
}

/** Text of the document with the run boundaries removed (a phrase may span several runs). */
function textOf(xml: string): string {
  return xml.replace(/<w:(tab|br)\/>/g, ' ').replace(/<[^>]+>/g, '');
}

describe('case documents', () => {
  it('lists the forms with what is ready, then downloads each form as a Word file', async () => {
    let kase = await walkedCase();
    const before = await officer.get(`/api/v1/cases/${kase.id}/documents`);
    expect(before.statusCode, before.body).toBe(200);
    const ready = (body: { items: { form: string; isReady: boolean }[] }) =>
      Object.fromEntries(body.items.map((item) => [item.form, item.isReady]));
    expect(ready(before.json())).toEqual({
      '01': true,
      '02': true,
      '03': true,
      '04': true,
      '05': false,
      '06': false,
      '07': true,
    });
    expect(before.json()).toMatchObject({ canDownload: true, pdfAvailable: isPdfAvailable() });
    expect(before.json().items[4]).toMatchObject({
      nameVi: 'Quyết định phê duyệt và kế hoạch hỗ trợ, can thiệp',
      verified: true,
    });

    const early = await officer.get(`/api/v1/cases/${kase.id}/documents/05`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ status: 409, type: '/problems/case-form-not-ready' });
    expect(early.json().detail).toContain('mẫu số 05');

    kase = await step(kase, leader, {
      type: 'plan_approved',
      decisionNumber: '15/QĐ-UBND',
      decisionDate: '2026-05-05',
    });
    kase = await step(kase, officer, { type: 'measure_done', measureId: 'm1', outcome: 'Trẻ ổn định' });
    kase = await step(kase, officer, { type: 'review', riskLevel: 'low', decision: 'close' });
    const after = await officer.get(`/api/v1/cases/${kase.id}/documents`);
    expect(Object.values(ready(after.json()))).toEqual(Array(7).fill(true));

    const texts: Record<string, string> = {};
    for (const form of ['01', '02', '03', '04', '05', '06', '07']) {
      const res = await officer.get(`/api/v1/cases/${kase.id}/documents/${form}`);
      expect(res.statusCode, `${form} ${res.body.slice(0, 300)}`).toBe(200);
      expect(res.headers['content-type']).toBe(DOCX);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="mau-${form}-${kase.number}.docx"; filename*=UTF-8''mau-${form}-${kase.number}.docx`,
      );
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const text = textOf(await documentXml(res));
      texts[form] = text;
      expect(text, form).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text, form).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text, form).toContain('UBND TỈNH THANH HÓA');
      expect(text, form).toContain('ỦY BAN NHÂN DÂN PHƯỜNG BỈM SƠN');
      expect(text, form).toContain(`Mẫu số ${form}`);
      expect(text, form).toContain(CHILD);
      expect(text, form).toMatch(/Phường Bỉm Sơn, ngày \d{2} tháng \d{2} năm \d{4}/);
    }
    expect(texts['01']).toContain(`Số: ${kase.number}`);
    expect(texts['01']).toContain('Cô Lê Thị Hoa, Trường Tiểu học Bỉm Sơn');
    expect(texts['01']).toContain('Bạo lực thể chất; Sao nhãng, bỏ mặc');
    expect(texts['01']).toContain('NGƯỜI BÁO CÁO');
    expect(texts['02']).toContain('Mức độ nguy cơ: Cao');
    expect(texts['04']).toContain('Tư vấn tâm lý cho trẻ');
    expect(texts['05']).toContain('Số: 15/QĐ-UBND');
    expect(texts['05']).toContain('Phường Bỉm Sơn, ngày 05 tháng 05 năm 2026');
    expect(texts['05']).toContain('QUYẾT ĐỊNH:');
    expect(texts['05']).toContain('Căn cứ Nghị định số 56/2017/NĐ-CP');
    expect(texts['05']).toContain('Điều 3.');
    expect(texts['05']).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(texts['05']).toContain(leaderName);
    expect(texts['05']).toContain('Ban hành kèm theo Quyết định số 15/QĐ-UBND ngày 05 tháng 05 năm 2026');
    expect(texts['06']).toContain('☒ Thấp');
    expect(texts['07']).toContain('Số: 07/QĐ-UBND');
    expect(texts['07']).toContain('Về việc tạm thời cách ly trẻ em khỏi cha, mẹ, người chăm sóc trẻ em');
    expect(texts['07']).toContain('Nhà bà ngoại, tổ dân phố 3');
    expect(texts['07']).toContain('Phường Bỉm Sơn, ngày 27 tháng 04 năm 2026');

    const audit = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.document' AND entity_id = ${kase.id}`.execute(
      env.database.db,
    );
    expect(audit.rows[0]?.n).toBe(7);
    const dump = await sql<{ t: string }>`
      SELECT string_agg(diff::text, ' ') AS t FROM audit_log WHERE entity_id = ${kase.id}`.execute(
      env.database.db,
    );
    expect(dump.rows[0]?.t).not.toContain('Cô Lê Thị Hoa');
  });

  it('answers 409 for a form whose step the case has not reached', async () => {
    const kase = await openCase();
    for (const form of ['02', '04', '05', '06', '07']) {
      const res = await officer.get(`/api/v1/cases/${kase.id}/documents/${form}`);
      expect(res.statusCode, form).toBe(409);
    }
    expect((await officer.get(`/api/v1/cases/${kase.id}/documents/01`)).statusCode).toBe(200);
  });

  it('hides a case outside the scope (404) and refuses a reader who may not read the content (403)', async () => {
    const kase = await openCase();
    expect((await otherOfficer.get(`/api/v1/cases/${kase.id}/documents/01`)).statusCode).toBe(404);
    expect((await otherOfficer.get(`/api/v1/cases/${kase.id}/documents`)).statusCode).toBe(404);
    expect((await reader.get(`/api/v1/cases/${kase.id}/documents/01`)).statusCode).toBe(403);
    const list = await reader.get(`/api/v1/cases/${kase.id}/documents`);
    expect(list.statusCode).toBe(200);
    expect(list.json().canDownload).toBe(false);
  });

  it('validates the form and the format', async () => {
    const kase = await openCase();
    expect((await officer.get(`/api/v1/cases/${kase.id}/documents/08`)).statusCode).toBe(400);
    expect((await officer.get(`/api/v1/cases/${kase.id}/documents/01?format=odt`)).statusCode).toBe(400);
  });

  it('converts to PDF only when LibreOffice is installed (501 otherwise)', async () => {
    const kase = await openCase();
    const res = await officer.get(`/api/v1/cases/${kase.id}/documents/01?format=pdf`);
    if (isPdfAvailable()) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    } else {
      expect(res.statusCode).toBe(501);
      expect(res.json()).toMatchObject({ type: '/problems/pdf-unavailable' });
    }
  });
});
