import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv, unitByCode } from '../../../../test/harness';
import {
  exeBytes,
  htmlBytes,
  minimalPdf,
  realDocx,
  realXlsx,
  wordPackage,
} from '../../../platform/files/test-files';

let env: TestEnv;
/** Province officer of Thanh Hóa (38): writes documents of the whole province. */
let province: Agent;
/** Officer of ward Bỉm Sơn (14812) allowed to write documents of the ward. */
let bimSon: Agent;
/** Commune officer of ward 14818: reads programmes, writes activities only. */
let quangTrung: Agent;
let noPermission: Agent;

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

beforeAll(async () => {
  env = await createTestApp();
  ({ agent: province } = await agentFor(env, {
    unitCode: '38',
    permissions: ['units.read', 'programmes.read', 'programmes.write'],
  }));
  ({ agent: bimSon } = await agentFor(env, {
    unitCode: '14812',
    permissions: ['units.read', 'programmes.read', 'programmes.write'],
  }));
  ({ agent: quangTrung } = await agentFor(env, {
    unitCode: '14818',
    permissions: ['units.read', 'programmes.read', 'activities.write'],
  }));
  ({ agent: noPermission } = await agentFor(env, { unitCode: '14812', permissions: ['units.read'] }));
}, 60_000);
afterAll(() => env.close());

const drowningPlan = (overrides: Record<string, unknown> = {}) => ({
  number: '125/KH-UBND',
  issuedOn: '2025-03-10',
  issuingBody: 'UBND tỉnh Thanh Hóa',
  type: 'plan',
  title: 'Kế hoạch phòng, chống đuối nước trẻ em giai đoạn 2021–2030',
  summary: 'Bơi an toàn cho trẻ em 6–15 tuổi theo Quyết định 3246/QĐ-BVHTTDL.',
  validFrom: '2025-03-10',
  validTo: '2030-12-31',
  targets: [
    {
      indicatorCode: 'swim_safe_6_15',
      label: 'Trẻ em 6–15 tuổi biết bơi an toàn',
      value: 50,
      unitOfMeasure: '%',
      year: 2025,
    },
  ],
  ...overrides,
});

async function createDocument(agent: Agent, body: Record<string, unknown>) {
  const res = await agent.post('/api/v1/documents', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function uploadFile(
  agent: Agent,
  id: string,
  content: Buffer,
  opts: { type?: string; fileName?: string } = {},
) {
  return env.app.server.inject({
    method: 'PUT',
    url: `/api/v1/documents/${id}/file?fileName=${encodeURIComponent(opts.fileName ?? 'Kế hoạch.pdf')}`,
    headers: {
      cookie: agent.cookie ?? '',
      'x-csrf-token': agent.csrfToken ?? '',
      'content-type': opts.type ?? PDF,
    },
    payload: content,
  });
}

async function storedFileCount() {
  const row = await env.database.db
    .selectFrom('stored_file')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function auditOf(id: string) {
  return env.database.db
    .selectFrom('audit_log')
    .select(['action', 'diff'])
    .where('entity_id', '=', id)
    .orderBy('id')
    .execute();
}

describe('documents: create, read, update, delete', () => {
  it('registers a document with targets, updates it at its version and deletes it', async () => {
    const created = await createDocument(province, drowningPlan({ unit: '38' }));
    expect(created).toMatchObject({
      unitCode: '38',
      number: '125/KH-UBND',
      type: 'plan',
      canEdit: true,
      version: 1,
      file: null,
      targets: [
        { indicatorCode: 'swim_safe_6_15', value: 50, unitOfMeasure: '%', year: 2025, direction: 'at_least' },
      ],
    });

    const read = await province.get(`/api/v1/documents/${created.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(created);

    const update = await province.put(`/api/v1/documents/${created.id}`, {
      ...drowningPlan({ title: 'Kế hoạch phòng, chống đuối nước trẻ em (sửa đổi)' }),
      targets: [
        {
          indicatorCode: 'swim_safe_6_15',
          label: 'Biết bơi an toàn',
          value: 60,
          unitOfMeasure: '%',
          year: 2030,
        },
        { indicatorCode: null, label: 'Bể bơi di động', value: 20, unitOfMeasure: 'bể', year: 2030 },
      ],
      version: 1,
    });
    expect(update.statusCode, update.body).toBe(200);
    const updated = update.json();
    expect(updated.version).toBe(2);
    expect(updated.title).toBe('Kế hoạch phòng, chống đuối nước trẻ em (sửa đổi)');
    expect(updated.targets.map((t: { value: number }) => t.value)).toEqual([60, 20]);

    const stale = await province.put(`/api/v1/documents/${created.id}`, { ...drowningPlan(), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().type).toBe('/problems/version-conflict');

    const removed = await province.request('DELETE', `/api/v1/documents/${created.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await province.get(`/api/v1/documents/${created.id}`)).statusCode).toBe(404);
    expect((await auditOf(created.id)).map((a) => a.action)).toEqual([
      'plan_document.create',
      'plan_document.update',
      'plan_document.delete',
    ]);
  });

  it('answers 400 naming the fields that are wrong', async () => {
    const res = await province.post('/api/v1/documents', {
      ...drowningPlan(),
      title: '  ',
      type: 'memo',
      issuedOn: '10/03/2025',
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.type', 'body.issuedOn']));

    const reversed = await province.post(
      '/api/v1/documents',
      drowningPlan({ validFrom: '2025-01-01', validTo: '2024-01-01' }),
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].path).toBe('body.validTo');
  });

  it('refuses to delete a document a programme is based on', async () => {
    const doc = await createDocument(province, drowningPlan());
    const unit = await unitByCode(env.database, '38');
    const programme = await env.database.db
      .insertInto('programme')
      .values({
        unit_id: unit.id,
        kind: 'drowning_prevention',
        name: 'Chương trình phòng, chống đuối nước trẻ em',
        year_from: 2021,
        year_to: 2030,
        lead_organisation: 'Sở Văn hóa, Thể thao và Du lịch',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await env.database.db
      .insertInto('programme_document')
      .values({ programme_id: programme.id, document_id: doc.id })
      .execute();
    const res = await province.request('DELETE', `/api/v1/documents/${doc.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe('/problems/document-in-use');
    expect(res.json().detail).toContain('1 chương trình');
    expect((await province.get(`/api/v1/documents/${doc.id}`)).statusCode).toBe(200);
  });
});

describe('documents: search and filters', () => {
  it('finds documents without diacritics, filters and pages', async () => {
    const marker = `TK${Date.now()}`;
    const plan = await createDocument(
      bimSon,
      drowningPlan({
        number: `01/${marker}`,
        title: 'Kế hoạch phòng, chống đuối nước năm 2024',
        issuedOn: '2024-05-02',
      }),
    );
    const report = await createDocument(
      bimSon,
      drowningPlan({
        number: `02/${marker}`,
        type: 'report',
        title: 'Báo cáo kết quả Tháng hành động vì trẻ em',
        summary: null,
        issuedOn: '2025-07-01',
        validFrom: null,
        validTo: null,
        targets: [],
      }),
    );
    const search = async (query: string) => {
      const res = await bimSon.get(`/api/v1/documents?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((d: { id: string }) => d.id);
    };
    expect(await search(`q=${encodeURIComponent('ke hoach duoi nuoc')}`)).toContain(plan.id);
    expect(await search(`q=${encodeURIComponent('KẾ HOẠCH ĐUỐI NƯỚC')}`)).toContain(plan.id);
    expect(await search(`q=${encodeURIComponent('duoi nuoc')}`)).not.toContain(report.id);
    expect(await search(`q=${encodeURIComponent('tiêm chủng')}`)).toEqual([]);
    expect(await search(`q=${marker}`)).toEqual([report.id, plan.id]);
    expect(await search(`q=${marker}&type=report`)).toEqual([report.id]);
    expect(await search(`q=${marker}&year=2024`)).toEqual([plan.id]);
    expect(await search(`q=${marker}&validOn=2024-01-01`)).toEqual([report.id]);
    expect(await search(`q=${marker}&validOn=2026-01-01`)).toEqual([report.id, plan.id]);

    const first = (await bimSon.get(`/api/v1/documents?q=${marker}&limit=1`)).json();
    expect(first.items.map((d: { id: string }) => d.id)).toEqual([report.id]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await bimSon.get(`/api/v1/documents?q=${marker}&limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((d: { id: string }) => d.id)).toEqual([plan.id]);
    expect(second.nextCursor).toBeNull();
    expect((await bimSon.get('/api/v1/documents?cursor=garbage')).statusCode).toBe(400);
  });
});

describe('documents: scope', () => {
  it('reads the subtree and the units above, writes only the subtree', async () => {
    const ward = await createDocument(
      bimSon,
      drowningPlan({ number: '07/KH-UBND', title: 'Kế hoạch của phường Bỉm Sơn' }),
    );
    expect(ward.unitCode).toBe('14812');
    const provincial = await createDocument(
      province,
      drowningPlan({ unit: '38', number: '99/CT-UBND', type: 'directive' }),
    );

    // Another ward neither sees nor learns of Bỉm Sơn's document.
    expect((await quangTrung.get(`/api/v1/documents/${ward.id}`)).statusCode).toBe(404);
    const list = (await quangTrung.get('/api/v1/documents?limit=200')).json();
    const ids = list.items.map((d: { id: string }) => d.id);
    expect(ids).toContain(provincial.id);
    expect(ids).not.toContain(ward.id);
    expect((await quangTrung.get('/api/v1/documents?unit=14812')).statusCode).toBe(403);

    // The province document is readable from the ward, but not writable.
    const seen = await quangTrung.get(`/api/v1/documents/${provincial.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().canEdit).toBe(false);
    const fromBelow = await bimSon.get(`/api/v1/documents/${provincial.id}`);
    expect(fromBelow.json().canEdit).toBe(false);
    expect(
      (await bimSon.put(`/api/v1/documents/${provincial.id}`, { ...drowningPlan(), version: 1 })).statusCode,
    ).toBe(403);
    expect((await bimSon.request('DELETE', `/api/v1/documents/${provincial.id}`)).statusCode).toBe(403);
    expect((await uploadFile(bimSon, provincial.id, minimalPdf())).statusCode).toBe(403);
    expect((await bimSon.post('/api/v1/documents', drowningPlan({ unit: '38' }))).statusCode).toBe(403);
    expect((await bimSon.post('/api/v1/documents', drowningPlan({ unit: '99999' }))).statusCode).toBe(422);
    // A writer of another ward changing Bỉm Sơn's document: 404 (its existence is not revealed).
    const { agent: otherWriter } = await agentFor(env, {
      unitCode: '14818',
      permissions: ['programmes.read', 'programmes.write'],
    });
    expect(
      (await otherWriter.put(`/api/v1/documents/${ward.id}`, { ...drowningPlan(), version: 1 })).statusCode,
    ).toBe(404);
    expect((await otherWriter.request('DELETE', `/api/v1/documents/${ward.id}`)).statusCode).toBe(404);
    expect((await uploadFile(otherWriter, ward.id, minimalPdf())).statusCode).toBe(404);

    // Without programmes.write nothing changes; without programmes.read nothing is read.
    expect(
      (await quangTrung.put(`/api/v1/documents/${provincial.id}`, { ...drowningPlan(), version: 1 }))
        .statusCode,
    ).toBe(403);
    expect((await quangTrung.post('/api/v1/documents', drowningPlan())).statusCode).toBe(403);
    expect((await noPermission.get('/api/v1/documents')).statusCode).toBe(403);
    expect((await noPermission.get(`/api/v1/documents/${ward.id}`)).statusCode).toBe(403);
    expect((await noPermission.get(`/api/v1/documents/${ward.id}/file`)).statusCode).toBe(403);

    // The province officer reads and changes the ward's document.
    const fromAbove = await province.get(`/api/v1/documents/${ward.id}`);
    expect(fromAbove.json().canEdit).toBe(true);
  });
});

describe('documents: files', () => {
  it('round-trips a PDF and a DOCX byte for byte, keeping the replaced file', async () => {
    const doc = await createDocument(bimSon, drowningPlan());
    const pdf = minimalPdf();
    const up = await uploadFile(bimSon, doc.id, pdf, { fileName: 'Kế hoạch 125.pdf' });
    expect(up.statusCode, up.body).toBe(200);
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(up.json().file).toMatchObject({
      fileName: 'Kế hoạch 125.pdf',
      contentType: PDF,
      size: pdf.length,
      sha256: sha,
    });
    expect(up.json().version).toBe(1);

    const down = await bimSon.get(`/api/v1/documents/${doc.id}/file`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect(down.headers['content-type']).toBe(PDF);
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers['content-security-policy']).toBe('sandbox');
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename="Ke-hoach-125.pdf"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20125.pdf`,
    );

    // A DOCX declared as octet-stream is recognised by its content; the name gets its extension.
    const docx = await realDocx();
    const replaced = await uploadFile(bimSon, doc.id, docx, {
      type: 'application/octet-stream',
      fileName: 'Kế hoạch',
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().file).toMatchObject({
      fileName: 'Kế hoạch.docx',
      contentType: DOCX,
      size: docx.length,
    });
    const docxDown = await quangTrung.get(`/api/v1/documents/${doc.id}/file`).catch(() => undefined);
    expect(docxDown?.statusCode).toBe(404); // another ward
    const again = await province.get(`/api/v1/documents/${doc.id}/file`);
    expect(again.statusCode).toBe(200);
    expect(again.rawPayload.equals(docx)).toBe(true);
    expect(again.headers['content-type']).toBe(DOCX);
    expect(again.headers['content-disposition']).toMatch(
      /^attachment; filename="Ke-hoach.docx"; filename\*=UTF-8''/,
    );

    // The first file stays stored; the audit names both by SHA-256 and holds no bytes.
    const kept = await env.database.db
      .selectFrom('stored_file')
      .select('id')
      .where('sha256', '=', sha)
      .execute();
    expect(kept).toHaveLength(1);
    const audit = await auditOf(doc.id);
    const upload = audit.filter((a) => a.action === 'plan_document.file_upload');
    expect(upload).toHaveLength(2);
    const text = JSON.stringify(upload[1]?.diff);
    expect(text).toContain(sha);
    expect(text).toContain(createHash('sha256').update(docx).digest('hex'));
    expect(text).not.toContain('%PDF');

    const detached = await bimSon.request('DELETE', `/api/v1/documents/${doc.id}/file`);
    expect(detached.statusCode, detached.body).toBe(200);
    expect(detached.json().file).toBeNull();
    expect((await bimSon.get(`/api/v1/documents/${doc.id}/file`)).statusCode).toBe(404);
    expect((await auditOf(doc.id)).map((a) => a.action)).toContain('plan_document.file_delete');
  });

  it('refuses wrong types, disguised content, oversize bodies and path tricks, storing nothing', async () => {
    const doc = await createDocument(bimSon, drowningPlan());
    const before = await storedFileCount();

    const html = await uploadFile(bimSon, doc.id, htmlBytes, { type: 'text/html', fileName: 'a.html' });
    expect(html.statusCode).toBe(415);
    const image = await uploadFile(bimSon, doc.id, minimalPdf(), { type: 'image/svg+xml' });
    expect(image.statusCode).toBe(415);

    for (const [content, type] of [
      [exeBytes, PDF],
      [htmlBytes, PDF],
      [Buffer.concat([htmlBytes, minimalPdf()]), PDF],
      [await realXlsx(), DOCX],
      [wordPackage(undefined, { 'word/vbaProject.bin': 'macro' }), DOCX],
      [Buffer.from('Kế hoạch', 'utf8'), 'application/octet-stream'],
    ] as const) {
      const res = await uploadFile(bimSon, doc.id, content, { type, fileName: 'ke-hoach.docx' });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().type).toBe('/problems/file-type-not-allowed');
    }

    const big = Buffer.concat([minimalPdf(), Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    expect((await uploadFile(bimSon, doc.id, big)).statusCode).toBe(413);

    for (const fileName of [
      '../../etc/passwd',
      '..\\win.ini',
      'a/b.pdf',
      '.htaccess',
      'a\u0001.pdf',
      'x'.repeat(201),
    ]) {
      const res = await uploadFile(bimSon, doc.id, minimalPdf(), { fileName });
      expect(res.statusCode, fileName).toBe(422);
      expect(res.json().type).toBe('/problems/file-name-invalid');
    }
    // A NUL is refused by the platform for every query parameter (400) before the route runs.
    const nul = await uploadFile(bimSon, doc.id, minimalPdf(), { fileName: 'a\u0000.pdf' });
    expect(nul.statusCode).toBe(400);

    expect(await storedFileCount()).toBe(before);
    expect((await bimSon.get(`/api/v1/documents/${doc.id}`)).json().file).toBeNull();
    expect((await auditOf(doc.id)).map((a) => a.action)).toEqual(['plan_document.create']);
  });
});
