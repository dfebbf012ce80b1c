import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, agentFor, createTestApp, type TestEnv } from '../../../test/harness';

let env: TestEnv;
let bimSon: Agent;
let quangTrung: Agent;
let province: Agent;

const officer = ['units.read', 'registry.read', 'registry.write'] as const;

beforeAll(async () => {
  env = await createTestApp();
  ({ agent: bimSon } = await agentFor(env, { unitCode: '14812', permissions: [...officer] }));
  ({ agent: quangTrung } = await agentFor(env, { unitCode: '14818', permissions: [...officer] }));
  ({ agent: province } = await agentFor(env, { unitCode: '38', permissions: ['registry.read'] }));
});
afterAll(() => env.close());

const minimal = (overrides: Record<string, unknown> = {}) => ({
  fullName: 'Nguyễn Văn An',
  sex: 'male',
  dateOfBirth: '2016-05-20',
  unitCode: '14812',
  ...overrides,
});

describe('registering a child', () => {
  it('needs only name, sex, date of birth and commune; answers 201 with id and version', async () => {
    const res = await bimSon.post('/api/v1/children', minimal());
    expect(res.statusCode).toBe(201);
    const child = res.json();
    expect(child).toMatchObject({
      fullName: 'Nguyễn Văn An',
      sex: 'male',
      unitCode: '14812',
      version: 1,
      status: 'active',
    });
    expect(child.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(child.abilities).toEqual({
      canEdit: true,
      canTransfer: true,
      canCancelTransfer: false,
      canMerge: true,
    });
    const read = await bimSon.get(`/api/v1/children/${child.id}`);
    expect(read.json().fullName).toBe('Nguyễn Văn An');
  });

  it('accepts a year of birth only and a full record with groups', async () => {
    const res = await bimSon.post(
      '/api/v1/children',
      minimal({
        fullName: 'Lê Thị Hoa',
        sex: 'female',
        dateOfBirth: '2015',
        personalId: '038315001234',
        ethnicity: 'Mường',
        residence: { village: 'Tổ dân phố 5', address: 'Số 12 đường Trần Phú' },
        household: { headName: 'Lê Văn Nam', povertyStatus: 'poor', povertyYear: 2026 },
        caregivers: [{ fullName: 'Phạm Thị Lan', relationship: 'mother', phone: '0912345678' }],
        specialCircumstances: [{ group: 'dd', startDate: '2024-01-01', source: 'Biên bản xác minh' }],
        atRisk: ['dropout_risk'],
      }),
    );
    expect(res.statusCode).toBe(201);
    const child = res.json();
    expect(child).toMatchObject({ dateOfBirth: '2015', dateOfBirthPrecision: 'year', ethnicity: '06' });
    expect(child.specialCircumstances[0]).toMatchObject({ group: 'đ', isCurrent: true });
  });

  it('refuses a personal id that contradicts sex or year of birth, in Vietnamese, naming the field', async () => {
    const res = await bimSon.post('/api/v1/children', minimal({ personalId: '038315001234' }));
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('body.personalId');
  });

  it('refuses a commune outside the caller’s area and a missing field', async () => {
    const outside = await quangTrung.post('/api/v1/children', minimal());
    expect(outside.statusCode).toBe(403);
    const missing = await bimSon.post('/api/v1/children', {
      fullName: 'Thiếu Ngày Sinh',
      sex: 'male',
      unitCode: '14812',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('body.dateOfBirth');
  });
});

describe('finding children', () => {
  beforeAll(async () => {
    await bimSon.post(
      '/api/v1/children',
      minimal({ fullName: 'Trần Minh Anh', sex: 'female', dateOfBirth: '2020-02-02' }),
    );
    await bimSon.post('/api/v1/children', minimal({ fullName: 'Đỗ Văn Bình', dateOfBirth: '2012-09-09' }));
  });

  it('matches names without diacritics, in any case and word order', async () => {
    for (const q of ['nguyen van a', 'Nguyễn Văn A', 'van an', 'AN NGUYEN']) {
      const res = await bimSon.get(`/api/v1/children?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((c: { fullName: string }) => c.fullName)).toContain('Nguyễn Văn An');
    }
    const none = (await bimSon.get('/api/v1/children?q=van%20binh%20an')).json();
    expect(none.total).toBe(0);
  });

  it('finds a child by household head or caregiver name and by personal id', async () => {
    const byCaregiver = (await bimSon.get('/api/v1/children?q=pham%20thi%20lan')).json();
    expect(byCaregiver.items.map((c: { fullName: string }) => c.fullName)).toEqual(['Lê Thị Hoa']);
    const byId = (await bimSon.get('/api/v1/children?q=038315001234')).json();
    expect(byId.items.map((c: { fullName: string }) => c.fullName)).toEqual(['Lê Thị Hoa']);
  });

  it('filters by age, sex and group and pages with a cursor and a total', async () => {
    const young = (await bimSon.get('/api/v1/children?ageFrom=0&ageTo=7&limit=100')).json();
    expect(young.items.map((c: { fullName: string }) => c.fullName)).toContain('Trần Minh Anh');
    expect(young.items.map((c: { fullName: string }) => c.fullName)).not.toContain('Đỗ Văn Bình');
    const girls = (await bimSon.get('/api/v1/children?sex=female&limit=100')).json();
    expect(girls.items.every((c: { sex: string }) => c.sex === 'female')).toBe(true);
    const groupD = (await bimSon.get('/api/v1/children?group=dd')).json();
    expect(groupD.items.map((c: { fullName: string }) => c.fullName)).toEqual(['Lê Thị Hoa']);
    const first = (await bimSon.get('/api/v1/children?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.total).toBeGreaterThanOrEqual(4);
    const second = (await bimSon.get(`/api/v1/children?limit=2&cursor=${first.nextCursor}`)).json();
    const ids = new Set([...first.items, ...second.items].map((c: { id: string }) => c.id));
    expect(ids.size).toBe(first.items.length + second.items.length);
  });

  it('ranks children by their own name before children found through a relative, and pages that order', async () => {
    await bimSon.post(
      '/api/v1/children',
      minimal({
        fullName: 'Bùi Văn Tú',
        caregivers: [{ fullName: 'Nguyễn Thị Ánh Dương', relationship: 'mother' }],
      }),
    );
    await bimSon.post('/api/v1/children', minimal({ fullName: 'Nguyễn Thị Ánh Dương', sex: 'female' }));
    const all = (await bimSon.get('/api/v1/children?q=anh%20duong%20nguyen%20thi')).json();
    expect(all.items.map((c: { fullName: string }) => c.fullName)).toEqual([
      'Nguyễn Thị Ánh Dương',
      'Bùi Văn Tú',
    ]);
    const first = (await bimSon.get('/api/v1/children?q=anh%20duong%20nguyen%20thi&limit=1')).json();
    const second = (
      await bimSon.get(`/api/v1/children?q=anh%20duong%20nguyen%20thi&limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect([...first.items, ...second.items].map((c: { fullName: string }) => c.fullName)).toEqual([
      'Nguyễn Thị Ánh Dương',
      'Bùi Văn Tú',
    ]);
    expect(second.nextCursor).toBeNull();
    // One word searches own names only: "duong" finds the girl, not the boy through his mother.
    const oneWord = (await bimSon.get('/api/v1/children?q=duong')).json();
    expect(oneWord.items.map((c: { fullName: string }) => c.fullName)).toContain('Nguyễn Thị Ánh Dương');
    expect(oneWord.items.map((c: { fullName: string }) => c.fullName)).not.toContain('Bùi Văn Tú');
  });

  it('keeps each commune to itself: an officer of 14818 neither finds nor reads nor changes a child of 14812', async () => {
    const [child] = (await bimSon.get('/api/v1/children?q=nguyen%20van%20an')).json().items;
    const listed = (await quangTrung.get('/api/v1/children?q=nguyen%20van%20an')).json();
    expect(listed.total).toBe(0);
    expect((await quangTrung.get(`/api/v1/children/${child.id}`)).statusCode).toBe(404);
    const change = await quangTrung.patch(`/api/v1/children/${child.id}`, {
      version: child.version,
      fullName: 'Đổi Tên',
    });
    expect(change.statusCode).toBe(404);
    expect((await quangTrung.get(`/api/v1/children/${child.id}/history`)).statusCode).toBe(404);
    const seenByProvince = (await province.get('/api/v1/children?q=nguyen%20van%20an')).json();
    expect(seenByProvince.total).toBe(1);
  });
});

describe('editing a child', () => {
  it('changes with the version read, answers 409 on a stale version, and audits the change', async () => {
    const created = (
      await bimSon.post('/api/v1/children', minimal({ fullName: 'Vũ Thị Cúc', sex: 'female' }))
    ).json();
    const edited = await bimSon.patch(`/api/v1/children/${created.id}`, {
      version: created.version,
      residence: { village: 'Tổ dân phố 3' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, residence: { village: 'Tổ dân phố 3' } });
    const stale = await bimSon.patch(`/api/v1/children/${created.id}`, { version: 1, note: 'muộn' });
    expect(stale.statusCode).toBe(409);
    const history = (await bimSon.get(`/api/v1/children/${created.id}/history`)).json();
    expect(history.audit.map((a: { action: string }) => a.action)).toEqual(['child.update', 'child.create']);
  });

  it('records a move away in the status history', async () => {
    const created = (await bimSon.post('/api/v1/children', minimal({ fullName: 'Hồ Văn Dũng' }))).json();
    const moved = await bimSon.post(`/api/v1/children/${created.id}/status`, {
      version: created.version,
      status: 'moved_away',
      reason: 'Theo gia đình vào Bình Dương',
    });
    expect(moved.json().status).toBe('moved_away');
    const active = (await bimSon.get('/api/v1/children?q=ho%20van%20dung')).json();
    expect(active.total).toBe(0);
    const all = (await bimSon.get('/api/v1/children?q=ho%20van%20dung&status=all')).json();
    expect(all.total).toBe(1);
    const history = (await bimSon.get(`/api/v1/children/${created.id}/history`)).json();
    expect(history.statusChanges[0]).toMatchObject({
      status: 'moved_away',
      reason: 'Theo gia đình vào Bình Dương',
    });
  });
});

describe('duplicates and saved filters', () => {
  it('lists the likely duplicate before saving', async () => {
    const res = await bimSon.post('/api/v1/children/duplicates', minimal({ fullName: 'Nguyen Van An' }));
    expect(res.statusCode).toBe(200);
    const [best] = res.json().items;
    expect(best.child.fullName).toBe('Nguyễn Văn An');
    expect(best.likelihood).toBe('likely');
  });

  it('saves, lists and deletes the caller’s own filters', async () => {
    const saved = await bimSon.post('/api/v1/children/filters', { name: 'Nhóm đ', query: 'group=dd' });
    expect(saved.statusCode).toBe(201);
    expect(
      (await bimSon.get('/api/v1/children/filters')).json().items.map((f: { name: string }) => f.name),
    ).toEqual(['Nhóm đ']);
    expect((await quangTrung.get('/api/v1/children/filters')).json().items).toEqual([]);
    expect(
      (await quangTrung.request('DELETE', `/api/v1/children/filters/${saved.json().id}`)).statusCode,
    ).toBe(404);
    expect((await bimSon.request('DELETE', `/api/v1/children/filters/${saved.json().id}`)).statusCode).toBe(
      200,
    );
  });

  it('refuses callers without the registry permissions', async () => {
    const { agent: partner } = await agentFor(env, { unitCode: '38', permissions: ['units.read'] });
    expect((await partner.get('/api/v1/children')).statusCode).toBe(403);
    expect((await province.post('/api/v1/children', minimal())).statusCode).toBe(403);
    expect((await new Agent(env).get('/api/v1/children')).statusCode).toBe(401);
  });
});
