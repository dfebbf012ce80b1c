import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv } from '../../../test/harness';

let env: TestEnv;
let bimSon: Agent;
let quangTrung: Agent;

beforeAll(async () => {
  env = await createTestApp();
  const permissions = ['registry.read', 'registry.write'] as const;
  ({ agent: bimSon } = await agentFor(env, { unitCode: '14812', permissions: [...permissions] }));
  ({ agent: quangTrung } = await agentFor(env, { unitCode: '14818', permissions: [...permissions] }));
  await bimSon.post('/api/v1/children', {
    fullName: 'Nguyễn Thị Mai',
    sex: 'female',
    dateOfBirth: '2017-03-04',
    unitCode: '14812',
    household: { headName: 'Nguyễn Văn Hải' },
    specialCircumstances: [{ group: 'd', startDate: '2023-01-01' }],
  });
  await bimSon.post('/api/v1/children', {
    fullName: 'Trần Văn Bảo',
    sex: 'male',
    dateOfBirth: '2014',
    unitCode: '14812',
    residence: { village: '=HYPERLINK("x")' },
  });
});
afterAll(() => env.close());

describe('exporting the children list', () => {
  it('gives a CSV for Excel (BOM, Vietnamese headers, dd/MM/yyyy, formulas neutralised)', async () => {
    const res = await bimSon.get('/api/v1/children/export?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="danh-sach-tre-em-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const text = res.body;
    expect(text.startsWith('\uFEFF"STT","Họ và tên","Giới tính","Ngày sinh"')).toBe(true);
    expect(text).toContain('"Nguyễn Thị Mai","Nữ","04/03/2017"');
    expect(text).toContain('"Nguyễn Văn Hải"');
    expect(text).toContain('d) Trẻ em khuyết tật');
    expect(text).toContain('"Trần Văn Bảo","Nam","2014"');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('gives an Excel workbook that opens with the same rows, and applies the filters', async () => {
    const res = await bimSon.request('GET', '/api/v1/children/export?format=xlsx&group=d');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Danh sách trẻ em');
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.getRow(2).getCell(2).value).toBe('Nguyễn Thị Mai');
  });

  it('writes an audit row for every export, and exports nothing outside the caller’s area', async () => {
    const other = await quangTrung.get('/api/v1/children/export?format=csv');
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('Nguyễn Thị Mai');
    const audits = await env.database.db
      .selectFrom('audit_log')
      .select(['action', 'diff', 'actor_username'])
      .where('action', '=', 'child.export')
      .execute();
    expect(audits).toHaveLength(3);
    expect(audits.map((a) => (a.diff as { _details: { rows: number } })._details.rows)).toEqual([2, 1, 0]);
  });

  it('answers in English with Accept-Language: en', async () => {
    const res = await bimSon.get('/api/v1/children/export?format=csv', { 'accept-language': 'en' });
    expect(res.body).toContain('"Full name","Sex","Date of birth"');
    expect(res.body).toContain('"Female","04/03/2017"');
  });
});
