import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv, unitByCode } from '../../../../test/harness';

let env: TestEnv;
let province: Agent; // province 38, writes programmes
let bimSon: Agent; // ward 14812, writes programmes
let quangTrung: Agent; // ward 14818, writes programmes
let partner: Agent; // province 38 partner: reads programmes, records activities
let documents: Record<'province' | 'bimSon' | 'quangTrung', string>;

const writer = ['programmes.read', 'programmes.write'] as const;

async function insertDocument(unitCode: string, number: string) {
  const unit = await unitByCode(env.database, unitCode);
  const row = await env.database.db
    .insertInto('plan_document')
    .values({
      unit_id: unit.id,
      number,
      issued_on: '2021-03-15',
      issuing_body: 'UBND',
      doc_type: 'plan',
      title: `Kế hoạch phòng, chống đuối nước ${number}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const drowningProgramme = (overrides: Record<string, unknown> = {}) => ({
  kind: 'drowning_prevention',
  name: 'Chương trình phòng, chống đuối nước trẻ em giai đoạn 2021–2030',
  theme: 'Trẻ em biết bơi an toàn',
  yearFrom: 2021,
  yearTo: 2030,
  description: 'Theo Quyết định 3246/QĐ-BVHTTDL',
  leadOrganisation: 'Sở Văn hóa, Thể thao và Du lịch',
  partnerOrganisations: ['Hội Liên hiệp Phụ nữ tỉnh', 'Tỉnh đoàn'],
  targets: [
    {
      indicatorCode: 'swim_safe_6_15',
      label: 'Trẻ em 6–15 tuổi biết bơi an toàn',
      value: 50,
      unitOfMeasure: '%',
      year: 2025,
    },
    {
      indicatorCode: 'swim_safe_6_15',
      label: 'Trẻ em 6–15 tuổi biết bơi an toàn',
      value: 60,
      unitOfMeasure: '%',
      year: 2030,
    },
  ],
  budget: [
    { year: 2025, source: 'state_budget', planned: 500_000_000, spent: 320_000_000 },
    { year: 2025, source: 'sponsor', planned: 100_000_000, spent: 0 },
  ],
  ...overrides,
});

beforeAll(async () => {
  env = await createTestApp();
  ({ agent: province } = await agentFor(env, { unitCode: '38', permissions: [...writer] }));
  ({ agent: bimSon } = await agentFor(env, { unitCode: '14812', permissions: [...writer] }));
  ({ agent: quangTrung } = await agentFor(env, { unitCode: '14818', permissions: [...writer] }));
  ({ agent: partner } = await agentFor(env, {
    unitCode: '38',
    permissions: ['units.read', 'programmes.read', 'activities.write'],
  }));
  documents = {
    province: await insertDocument('38', '125/KH-UBND'),
    bimSon: await insertDocument('14812', '12/KH-UBND'),
    quangTrung: await insertDocument('14818', '15/KH-UBND'),
  };
}, 120_000);
afterAll(() => env?.close());

describe('recording a programme', () => {
  it('creates a province programme with targets, budget, units, documents and an audit row', async () => {
    const res = await province.post(
      '/api/v1/programmes',
      drowningProgramme({
        unitCodes: ['14812', '14818'],
        documentIds: [documents.province, documents.bimSon],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const programme = res.json();
    expect(programme).toMatchObject({
      unitCode: '38',
      kind: 'drowning_prevention',
      theme: 'Trẻ em biết bơi an toàn',
      yearFrom: 2021,
      yearTo: 2030,
      partnerOrganisations: ['Hội Liên hiệp Phụ nữ tỉnh', 'Tỉnh đoàn'],
      activityCount: 0,
      canEdit: true,
      version: 1,
    });
    expect(programme.units.map((u: { code: string }) => u.code)).toEqual(['14812', '14818']);
    expect(programme.documents.map((d: { id: string }) => d.id).sort()).toEqual(
      [documents.province, documents.bimSon].sort(),
    );
    expect(programme.targets.map((t: { value: number; year: number }) => [t.value, t.year])).toEqual([
      [50, 2025],
      [60, 2030],
    ]);
    expect(programme.budget).toHaveLength(2);
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select(['action', 'unit_id'])
      .where('entity_id', '=', programme.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['programme.create']);
  });

  it('refuses participating units outside the running unit (422 unitCodes)', async () => {
    const res = await bimSon.post('/api/v1/programmes', drowningProgramme({ unitCodes: ['14818'] }));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('body.unitCodes');
    const unknown = await bimSon.post('/api/v1/programmes', drowningProgramme({ unitCodes: ['99999'] }));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].path).toBe('body.unitCodes');
  });

  it('refuses documents the caller may not read (422 documentIds)', async () => {
    const res = await bimSon.post(
      '/api/v1/programmes',
      drowningProgramme({ documentIds: [documents.quangTrung] }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('body.documentIds');
    const absent = await bimSon.post(
      '/api/v1/programmes',
      drowningProgramme({ documentIds: ['00000000-0000-4000-8000-000000000000'] }),
    );
    expect(absent.statusCode).toBe(422);
    // A ward links its own and the province's documents.
    const ok = await bimSon.post(
      '/api/v1/programmes',
      drowningProgramme({ documentIds: [documents.province, documents.bimSon], unitCodes: ['14812'] }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('validates years, budget lines and the running unit', async () => {
    const reversed = await province.post(
      '/api/v1/programmes',
      drowningProgramme({ yearFrom: 2030, yearTo: 2021 }),
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].path).toBe('body.yearTo');
    const repeated = await province.post(
      '/api/v1/programmes',
      drowningProgramme({
        budget: [
          { year: 2025, source: 'state_budget', planned: 1, spent: 0 },
          { year: 2025, source: 'state_budget', planned: 2, spent: 0 },
        ],
      }),
    );
    expect(repeated.statusCode).toBe(422);
    expect(repeated.json().errors[0].path).toBe('body.budget');
    const outside = await bimSon.post('/api/v1/programmes', drowningProgramme({ unit: '14818' }));
    expect(outside.statusCode).toBe(403);
    const missingName = await province.post('/api/v1/programmes', drowningProgramme({ name: ' ' }));
    expect(missingName.statusCode).toBe(400);
  });

  it('needs programmes.write', async () => {
    const res = await partner.post('/api/v1/programmes', drowningProgramme());
    expect(res.statusCode).toBe(403);
  });
});

describe('reading programmes', () => {
  let wardProgramme: string;
  let provinceProgramme: string;

  beforeAll(async () => {
    const ward = await bimSon.post(
      '/api/v1/programmes',
      drowningProgramme({
        kind: 'action_month',
        name: 'Tháng hành động vì trẻ em phường Bỉm Sơn',
        theme: 'Chung tay xây dựng môi trường sống an toàn',
        yearFrom: 2026,
        yearTo: 2026,
        targets: [],
        budget: [],
      }),
    );
    expect(ward.statusCode, ward.body).toBe(201);
    wardProgramme = ward.json().id;
    const prov = await province.post(
      '/api/v1/programmes',
      drowningProgramme({ kind: 'universal_preschool', name: 'Phổ cập giáo dục mầm non cho trẻ 5 tuổi' }),
    );
    provinceProgramme = prov.json().id;
  });

  it('hides a ward programme from another ward (404) and shows it to the province', async () => {
    expect((await quangTrung.get(`/api/v1/programmes/${wardProgramme}`)).statusCode).toBe(404);
    const list = (await quangTrung.get('/api/v1/programmes?limit=200')).json();
    expect(list.items.map((p: { id: string }) => p.id)).not.toContain(wardProgramme);
    const byProvince = await province.get(`/api/v1/programmes/${wardProgramme}`);
    expect(byProvince.statusCode).toBe(200);
    expect(byProvince.json().canEdit).toBe(true);
  });

  it('shows a province programme to a ward, read only (PUT → 403)', async () => {
    const res = await quangTrung.get(`/api/v1/programmes/${provinceProgramme}`);
    expect(res.statusCode).toBe(200);
    const programme = res.json();
    expect(programme.canEdit).toBe(false);
    const put = await quangTrung.put(`/api/v1/programmes/${provinceProgramme}`, {
      ...programme,
      unitCodes: [],
      documentIds: [],
    });
    expect(put.statusCode).toBe(403);
    expect((await partner.get(`/api/v1/programmes/${provinceProgramme}`)).json().canEdit).toBe(false);
  });

  it('searches names and themes without diacritics and filters by kind, year and unit', async () => {
    const ids = async (query: string) =>
      ((await bimSon.get(`/api/v1/programmes?${query}`)).json().items as { id: string }[]).map((p) => p.id);
    expect(await ids('q=thang%20hanh%20dong')).toEqual([wardProgramme]);
    expect(await ids('q=MOI%20TRUONG%20SONG')).toEqual([wardProgramme]);
    expect(await ids(`q=${encodeURIComponent('mầm non')}`)).toEqual([provinceProgramme]);
    expect(await ids('q=100%25')).toEqual([]);
    expect(await ids('kind=action_month')).toEqual([wardProgramme]);
    expect(await ids('kind=action_month&year=2025')).toEqual([]);
    expect(await ids('kind=universal_preschool&year=2030')).toEqual([provinceProgramme]);
    expect(await ids('kind=universal_preschool&year=2031')).toEqual([]);
    expect(await ids('kind=action_month&unit=38')).toEqual([wardProgramme]);
    expect((await bimSon.get('/api/v1/programmes?unit=14818')).statusCode).toBe(403);
    expect((await bimSon.get('/api/v1/programmes?unit=99999')).statusCode).toBe(422);
  });

  it('pages with a cursor', async () => {
    const first = (await province.get('/api/v1/programmes?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const seen = new Set<string>(first.items.map((p: { id: string }) => p.id));
    let cursor: string | null = first.nextCursor;
    while (cursor) {
      const page = (
        await province.get(`/api/v1/programmes?limit=2&cursor=${encodeURIComponent(cursor)}`)
      ).json();
      for (const p of page.items) {
        expect(seen.has(p.id)).toBe(false);
        seen.add(p.id);
      }
      cursor = page.nextCursor;
    }
    const all = (await province.get('/api/v1/programmes?limit=200')).json();
    expect(seen.size).toBe(all.items.length);
    expect((await province.get('/api/v1/programmes?cursor=abc')).statusCode).toBe(400);
  });

  it('counts the activities of the programme that the caller reads', async () => {
    const [ward, otherWard] = await Promise.all([
      unitByCode(env.database, '14812'),
      unitByCode(env.database, '14818'),
    ]);
    for (const unitId of [ward.id, otherWard.id]) {
      await env.database.db
        .insertInto('activity')
        .values({
          unit_id: unitId,
          programme_id: provinceProgramme,
          kind: 'health_check',
          title: 'Khám sức khỏe',
          starts_on: '2026-05-01',
          ends_on: '2026-05-01',
        })
        .execute();
    }
    expect((await province.get(`/api/v1/programmes/${provinceProgramme}`)).json().activityCount).toBe(2);
    expect((await bimSon.get(`/api/v1/programmes/${provinceProgramme}`)).json().activityCount).toBe(1);
  });
});

describe('changing a programme', () => {
  it('keeps targets by id, adds new ones, removes the missing, replaces links; stale version → 409', async () => {
    const created = (
      await province.post('/api/v1/programmes', drowningProgramme({ unitCodes: ['14812'] }))
    ).json();
    const [keep, drop] = created.targets;
    const body = {
      ...drowningProgramme(),
      name: 'Chương trình phòng, chống đuối nước trẻ em (sửa đổi)',
      unitCodes: ['14818'],
      documentIds: [documents.province],
      targets: [
        { ...keep, value: 55 },
        {
          indicatorCode: 'drowning_deaths',
          label: 'Số trẻ tử vong do đuối nước',
          direction: 'at_most',
          value: 3,
          unitOfMeasure: 'trẻ em',
          year: 2026,
        },
      ],
      budget: [{ year: 2026, source: 'mobilised', planned: 10_000_000, spent: 2_000_000 }],
      version: created.version,
    };
    const res = await province.put(`/api/v1/programmes/${created.id}`, body);
    expect(res.statusCode, res.body).toBe(200);
    const updated = res.json();
    expect(updated.version).toBe(2);
    expect(updated.name).toBe('Chương trình phòng, chống đuối nước trẻ em (sửa đổi)');
    expect(updated.targets).toHaveLength(2);
    expect(updated.targets[0]).toMatchObject({ id: keep.id, value: 55, year: 2025 });
    expect(updated.targets[1]).toMatchObject({ indicatorCode: 'drowning_deaths', direction: 'at_most' });
    expect(updated.targets.map((t: { id: string }) => t.id)).not.toContain(drop.id);
    expect(updated.units.map((u: { code: string }) => u.code)).toEqual(['14818']);
    expect(updated.documents.map((d: { id: string }) => d.id)).toEqual([documents.province]);
    expect(updated.budget).toEqual([
      { year: 2026, source: 'mobilised', planned: 10_000_000, spent: 2_000_000 },
    ]);

    const stale = await province.put(`/api/v1/programmes/${created.id}`, body);
    expect(stale.statusCode).toBe(409);

    const foreignTarget = await province.put(`/api/v1/programmes/${created.id}`, {
      ...body,
      version: 2,
      targets: [{ ...keep, id: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(foreignTarget.statusCode).toBe(422);
    expect(foreignTarget.json().errors[0].path).toBe('body.targets');

    const audit = await env.database.db
      .selectFrom('audit_log')
      .select(['action', 'diff'])
      .where('entity_id', '=', created.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['programme.create', 'programme.update']);
    expect(JSON.stringify(audit[1]?.diff)).toContain('unitCodes');
  });

  it('answers 404 for an unknown programme and for one outside the caller’s reach', async () => {
    const ward = (
      await bimSon.post('/api/v1/programmes', drowningProgramme({ targets: [], budget: [] }))
    ).json();
    const res = await quangTrung.put(`/api/v1/programmes/${ward.id}`, {
      ...drowningProgramme(),
      version: 1,
    });
    expect(res.statusCode).toBe(404);
    const missing = await province.get('/api/v1/programmes/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });
});
