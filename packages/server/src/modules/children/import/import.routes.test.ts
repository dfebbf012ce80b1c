import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv } from '../../../../test/harness';

let env: TestEnv;
let bimSon: Agent;
let quangTrung: Agent;
let reader: Agent;

const officer = ['units.read', 'registry.read', 'registry.write'] as const;

beforeAll(async () => {
  env = await createTestApp();
  ({ agent: bimSon } = await agentFor(env, { unitCode: '14812', permissions: [...officer] }));
  ({ agent: quangTrung } = await agentFor(env, { unitCode: '14818', permissions: [...officer] }));
  ({ agent: reader } = await agentFor(env, { unitCode: '14812', permissions: ['registry.read'] }));
});
afterAll(() => env.close());

const HEADER = 'STT,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Số định danh,Thôn/Tổ,Họ tên cha/mẹ,Đối tượng';

/** A CSV as officers type it: a title line, mixed date formats, names without diacritics. */
function csv(lines: string[], title = true) {
  return `${title ? 'DANH SÁCH TRẺ EM PHƯỜNG BỈM SƠN\n\n' : ''}${HEADER}\n${lines.join('\n')}\n`;
}

function upload(
  agent: Agent,
  content: string | Buffer,
  opts: { unit?: string; fileName?: string; type?: string } = {},
) {
  const unit = opts.unit ?? '14812';
  const fileName = encodeURIComponent(opts.fileName ?? 'danh-sach.csv');
  return env.app.server.inject({
    method: 'POST',
    url: `/api/v1/children/imports?unit=${unit}&fileName=${fileName}`,
    headers: {
      cookie: agent.cookie ?? '',
      'x-csrf-token': agent.csrfToken ?? '',
      'content-type': opts.type ?? 'text/csv',
    },
    payload: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
  });
}

/** Uploads, waits for the dry run and returns the analysed import. */
async function analysed(agent: Agent, content: string, fileName?: string) {
  const res = await upload(agent, content, fileName ? { fileName } : {});
  expect(res.statusCode, res.body).toBe(202);
  const created = res.json();
  expect(created.status).toBe('analysing');
  await env.app.ctx.jobs.drain();
  const done = await agent.get(`/api/v1/children/imports/${created.id}`);
  expect(done.statusCode).toBe(200);
  return done.json();
}

async function committed(agent: Agent, id: string, body: Record<string, unknown> = {}) {
  const res = await agent.post(`/api/v1/children/imports/${id}/commit`, body);
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json().status).toBe('committing');
  await env.app.ctx.jobs.drain();
  return (await agent.get(`/api/v1/children/imports/${id}`)).json();
}

const search = async (agent: Agent, q: string) =>
  (await agent.get(`/api/v1/children?q=${encodeURIComponent(q)}&unit=14812`)).json();

describe('the import template', () => {
  it('downloads as Excel and as CSV with the Vietnamese headers', async () => {
    const xlsx = await bimSon.get('/api/v1/children/imports/template?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const headers = ((book.worksheets[0]?.getRow(1).values ?? []) as unknown[]).filter(Boolean);
    expect(headers).toContain('Họ và tên');
    expect(headers).toContain('Ngày sinh');
    const text = await bimSon.get('/api/v1/children/imports/template?format=csv');
    expect(text.headers['content-type']).toContain('text/csv');
    expect(text.body).toContain('Họ và tên');
    expect((await reader.get('/api/v1/children/imports/template')).statusCode).toBe(403);
  });
});

describe('a dry run of a messy file', () => {
  const messy = csv([
    '1,Lê Thị Hoa,05/03/2016,Nữ,Kinh,,Khu phố 1,Lê Văn Hùng,',
    '2,  tran   van   binh ,2017-11-20,nam,kinh,,Khu phố 2,Trần Văn Nam,a',
    '3,Pham Thi Lan,7/9/2019,Nu,Muong,,Khu phố 3,Phạm Văn Tư,',
    '4,Hoàng Văn Cường,31/02/2018,Nam,Kinh,,Khu phố 1,,',
    '5,Đỗ Minh Khôi,12/12/2015,Nam,Kinh,038215001234,Khu phố 4,,',
    '6,Vũ Thị Mai,01/01/2016,Nữ,Kinh,038215009999,Khu phố 5,,',
    '7,Lê Thị Hoa,05/03/2016,Nữ,Kinh,,Khu phố 1,Lê Văn Hùng,',
  ]);

  it('reports each bad cell in Vietnamese, writes nothing and refuses to commit', async () => {
    const before = await search(bimSon, 'Pham Thi Lan');
    const imp = await analysed(bimSon, messy);
    expect(imp.status).toBe('analysed');
    expect(imp.job).toMatchObject({ status: 'succeeded', kind: 'children.import.analyse' });
    expect(imp.summary).toMatchObject({ rows: 7, created: 0 });
    expect(imp.summary.invalid).toBeGreaterThanOrEqual(2);
    const fields = Object.fromEntries(
      imp.columns.map((c: { header: string; field: string }) => [c.header, c.field]),
    );
    expect(fields).toMatchObject({
      'Họ và tên': 'fullName',
      'Ngày sinh': 'dateOfBirth',
      'Thôn/Tổ': 'village',
    });

    const issues = (await bimSon.get(`/api/v1/children/imports/${imp.id}/issues?limit=50`)).json();
    const byRow = (row: number) => issues.items.filter((i: { row: number }) => i.row === row);
    // Row numbers as Excel shows them: title, blank line, header, then data from row 4.
    expect(byRow(7)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'dateOfBirth', severity: 'error', value: '31/02/2018' }),
      ]),
    );
    expect(byRow(7)[0].message).toMatch(/ngày/i);
    // A female personal id (century digit 3) on a boy, and a year that disagrees with the date of birth.
    expect(byRow(9).some((i: { field: string }) => i.field === 'personalId')).toBe(true);
    // The repeated row is a warning, not an error.
    expect(byRow(10)).toEqual([
      expect.objectContaining({ code: 'import_row_repeated', severity: 'warning' }),
    ]);
    expect(issues.total).toBe(issues.items.length);
    const errorsOnly = (await bimSon.get(`/api/v1/children/imports/${imp.id}/issues?severity=error`)).json();
    expect(errorsOnly.items.every((i: { severity: string }) => i.severity === 'error')).toBe(true);
    const english = (
      await bimSon.get(`/api/v1/children/imports/${imp.id}/issues`, { 'accept-language': 'en' })
    ).json();
    expect(english.items[0].message).not.toEqual(issues.items[0].message);

    const refused = await bimSon.post(`/api/v1/children/imports/${imp.id}/commit`, { duplicates: 'create' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().title).toBe('Tệp còn lỗi');
    expect((await search(bimSon, 'Pham Thi Lan')).total).toBe(before.total);
  });

  it('offers the report as Excel with the bad cells marked', async () => {
    const imp = await analysed(bimSon, messy, 'ds-loi.csv');
    const res = await bimSon.get(`/api/v1/children/imports/${imp.id}/report`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('bao-cao-kiem-tra-ds-loi');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names = book.worksheets.map((w) => w.name);
    expect(names).toContain('Kết quả kiểm tra');
    const sheet = book.getWorksheet('Kết quả kiểm tra');
    let marked = 0;
    sheet?.eachRow((row) => {
      row.eachCell((cell) => {
        const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
        if (fill?.fgColor?.argb && cell.note) marked++;
      });
    });
    expect(marked).toBeGreaterThanOrEqual(2);
  });
});

describe('committing a clean file', () => {
  const clean = csv(
    [
      '1,Nguyễn Thị Thu Trang,05/03/2016,Nữ,Kinh,,Khu phố 1,Nguyễn Văn Hải,',
      '2,Bui Van Duc,2017-11-20,Nam,Kinh,,Khu phố 2,Bùi Văn Toàn,"a, d"',
      '3,Trịnh Thị Ngọc Ánh,43000,Nữ,Mường,,Khu phố 3,Trịnh Văn Sơn,',
    ],
    false,
  );

  it('writes every row in one go, audits it, and adds nothing when the same file comes again', async () => {
    const imp = await analysed(bimSon, clean);
    expect(imp.summary).toMatchObject({ rows: 3, valid: 3, invalid: 0, duplicates: 0 });
    const done = await committed(bimSon, imp.id);
    expect(done.status).toBe('committed');
    expect(done.summary).toMatchObject({ created: 3 });
    expect(done.job).toMatchObject({ kind: 'children.import.commit', status: 'succeeded' });

    const found = await search(bimSon, 'trinh thi ngoc anh');
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ fullName: 'Trịnh Thị Ngọc Ánh', dateOfBirth: '2017-09-22' });
    const duc = (await search(bimSon, 'bui van duc')).items[0];
    expect(duc.fullName).toBe('Bui Van Duc');
    const profile = (await bimSon.get(`/api/v1/children/${duc.id}`)).json();
    expect(profile.specialCircumstances.map((s: { group: string }) => s.group).sort()).toEqual(['a', 'd']);
    const history = (await bimSon.get(`/api/v1/children/${duc.id}/history`)).json();
    expect(history.audit.map((e: { action: string }) => e.action)).toContain('child.import');
    expect(history.statusChanges[0]).toMatchObject({ status: 'active', reason: 'Nhập từ tệp danh-sach.csv' });

    const audit = await env.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_id', '=', imp.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(
      ['child.import', 'child.import.commit_requested', 'child.import.upload'].sort(),
    );
    // The file (personal data) is not kept once written.
    const stored = await env.database.db
      .selectFrom('child_import')
      .select('file_content')
      .where('id', '=', imp.id)
      .executeTakeFirstOrThrow();
    expect(stored.file_content).toBeNull();

    const again = await analysed(bimSon, clean, 'danh-sach-lan-2.csv');
    expect(again.summary).toMatchObject({ rows: 3, valid: 3, alreadyImported: 3, duplicates: 0 });
    const second = await committed(bimSon, again.id);
    expect(second.summary.created).toBe(0);
    expect((await search(bimSon, 'trinh thi ngoc anh')).total).toBe(1);
    // A second commit of the same import is refused.
    expect((await bimSon.post(`/api/v1/children/imports/${imp.id}/commit`, {})).statusCode).toBe(409);
  });

  it('lists rows that may be registered children and writes them only as the officer decides', async () => {
    const existing = await bimSon.post('/api/v1/children', {
      fullName: 'Lương Thị Bích Ngọc',
      sex: 'female',
      dateOfBirth: '2018-04-02',
      unitCode: '14812',
    });
    expect(existing.statusCode).toBe(201);
    const file = csv(
      [
        '1,Luong Thi Bich Ngoc,02/04/2018,Nữ,Kinh,,Khu phố 6,,',
        '2,Lương Thị Bích Ngọc,02/04/2018,Nữ,Kinh,,Khu phố 7,Lương Văn Hòa,',
        '3,Cao Văn Thắng,15/08/2014,Nam,Kinh,,Khu phố 6,,',
      ],
      false,
    );
    const imp = await analysed(bimSon, file);
    expect(imp.summary).toMatchObject({ rows: 3, valid: 3, duplicates: 2 });
    const dups = (await bimSon.get(`/api/v1/children/imports/${imp.id}/duplicates`)).json();
    expect(dups.items.map((d: { row: number }) => d.row)).toEqual([2, 3]);
    expect(dups.items[0]).toMatchObject({
      fullName: 'Luong Thi Bich Ngoc',
      decision: null,
      candidates: [expect.objectContaining({ childId: existing.json().id, unitCode: '14812' })],
    });

    const undecided = await bimSon.post(`/api/v1/children/imports/${imp.id}/commit`, {
      decisions: [{ row: 2, decision: 'skip' }],
    });
    expect(undecided.statusCode).toBe(422);
    expect(undecided.json().detail).toContain('3');

    const done = await committed(bimSon, imp.id, {
      decisions: [
        { row: 2, decision: 'skip' },
        { row: 3, decision: 'create' },
      ],
    });
    expect(done.summary).toMatchObject({ created: 2, skipped: 1 });
    expect((await search(bimSon, 'luong thi bich ngoc')).total).toBe(2);
  });
});

describe('files that cannot be imported', () => {
  it('refuses at once a file without a recognisable header, a wrong type and an oversized file', async () => {
    const noHeader = await upload(bimSon, 'a,b,c\n1,2,3\n');
    expect(noHeader.statusCode).toBe(422);
    expect(noHeader.json().title).toBe('Không đọc được tệp');
    const wrongType = await upload(bimSon, csv(['1,A,01/01/2016,Nam,Kinh,,,,']), { type: 'image/png' });
    expect(wrongType.statusCode).toBe(415);
    const big = await upload(bimSon, Buffer.alloc(21 * 1024 * 1024, 'a'));
    expect(big.statusCode).toBe(413);
    const notExcel = await upload(bimSon, Buffer.from('PK\u0003\u0004garbage'), {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: 'hong.xlsx',
    });
    expect(notExcel.statusCode).toBe(422);
  });

  it('keeps imports inside the unit scope and behind registry.write', async () => {
    const file = csv(['1,Đinh Văn Lộc,01/06/2016,Nam,Kinh,,Khu phố 1,,'], false);
    expect((await upload(quangTrung, file)).statusCode).toBe(403);
    expect((await upload(reader, file)).statusCode).toBe(403);
    const imp = await analysed(bimSon, file);
    expect((await quangTrung.get(`/api/v1/children/imports/${imp.id}`)).statusCode).toBe(404);
    expect((await quangTrung.get(`/api/v1/children/imports/${imp.id}/issues`)).statusCode).toBe(404);
    expect((await quangTrung.post(`/api/v1/children/imports/${imp.id}/commit`, {})).statusCode).toBe(404);
    expect((await quangTrung.request('DELETE', `/api/v1/children/imports/${imp.id}`)).statusCode).toBe(404);
    expect((await quangTrung.get('/api/v1/children/imports')).json().items).toEqual([]);
    expect((await bimSon.get('/api/v1/children/imports')).json().items.length).toBeGreaterThan(0);
    const discarded = await bimSon.request('DELETE', `/api/v1/children/imports/${imp.id}`);
    expect(discarded.statusCode).toBe(200);
    expect((await bimSon.post(`/api/v1/children/imports/${imp.id}/commit`, {})).statusCode).toBe(409);
  });
});
