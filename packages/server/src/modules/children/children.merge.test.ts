import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv } from '../../../test/harness';
import { type ChildMerge, registerChildMergeHook } from './children.merge';

let env: TestEnv;
let bimSon: Agent;
let quangTrung: Agent;
let reader: Agent;
const removeHooks: Array<() => void> = [];

const officer = ['units.read', 'registry.read', 'registry.write'] as const;

beforeAll(async () => {
  env = await createTestApp();
  ({ agent: bimSon } = await agentFor(env, { unitCode: '14812', permissions: [...officer] }));
  ({ agent: quangTrung } = await agentFor(env, { unitCode: '14818', permissions: [...officer] }));
  ({ agent: reader } = await agentFor(env, { unitCode: '14812', permissions: ['registry.read'] }));
});
afterEach(() => {
  for (const remove of removeHooks.splice(0)) remove();
});
afterAll(() => env.close());

async function register(agent: Agent, body: Record<string, unknown>) {
  const res = await agent.post('/api/v1/children', {
    sex: 'male',
    dateOfBirth: '2018',
    unitCode: '14812',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const merge = (
  agent: Agent,
  survivor: { id: string; version: number },
  duplicate: { id: string; version: number },
) =>
  agent.post(`/api/v1/children/${survivor.id}/merge`, {
    duplicateId: duplicate.id,
    version: survivor.version,
    duplicateVersion: duplicate.version,
  });

describe('merging duplicate records', () => {
  it('keeps the survivor, fills what it lacks, moves history and links once, and audits both', async () => {
    const calls: ChildMerge[] = [];
    removeHooks.push(
      registerChildMergeHook(async (tx, m) => {
        // The hook runs inside the merge's transaction: it sees the duplicate already merged.
        const row = await tx
          .selectFrom('child')
          .select('merged_into')
          .where('id', '=', m.duplicateId)
          .executeTakeFirstOrThrow();
        expect(row.merged_into).toBe(m.survivorId);
        calls.push(m);
      }),
    );
    const survivor = await register(bimSon, {
      fullName: 'Nguyễn Văn Gộp',
      residence: { village: 'Khu phố 3' },
      caregivers: [{ fullName: 'Phạm Thị Lan', relationship: 'mother' }],
      specialCircumstances: [{ group: 'dd', startDate: '2024-01-01', source: 'Biên bản' }],
    });
    const duplicate = await register(bimSon, {
      fullName: 'Nguyen Van Gop',
      dateOfBirth: '2018-04-09',
      personalId: '038218001234',
      residence: { village: 'Thôn khác', address: 'Số 5 ngõ 2' },
      caregivers: [
        { fullName: 'Pham Thi Lan', relationship: 'mother', phone: '0912345678' },
        { fullName: 'Lê Văn Nam', relationship: 'father' },
      ],
      specialCircumstances: [
        { group: 'dd', startDate: '2023-06-01', source: 'Danh sách cũ' },
        { group: 'a', startDate: '2024-01-01', source: 'Quyết định' },
      ],
    });

    const res = await merge(bimSon, survivor, duplicate);
    expect(res.statusCode, res.body).toBe(200);
    const merged = res.json();
    expect(merged).toMatchObject({
      id: survivor.id,
      version: survivor.version + 1,
      fullName: 'Nguyễn Văn Gộp',
      dateOfBirth: '2018-04-09',
      personalId: '038218001234',
      residence: { village: 'Khu phố 3', address: 'Số 5 ngõ 2' },
      mergedInto: null,
    });
    expect(merged.caregivers).toEqual([
      { fullName: 'Phạm Thị Lan', relationship: 'mother', phone: '0912345678', isGuardian: false },
      { fullName: 'Lê Văn Nam', relationship: 'father', isGuardian: false },
    ]);
    // One group đ (not two), and the group a of the duplicate.
    expect(merged.specialCircumstances.map((s: { group: string }) => s.group).sort()).toEqual(['a', 'đ']);
    expect(calls).toEqual([{ survivorId: survivor.id, duplicateId: duplicate.id }]);

    // The old link still resolves, to a read-only record pointing at the survivor.
    const old = await bimSon.get(`/api/v1/children/${duplicate.id}`);
    expect(old.statusCode).toBe(200);
    expect(old.json()).toMatchObject({
      mergedInto: { id: survivor.id, fullName: 'Nguyễn Văn Gộp' },
      abilities: { canEdit: false, canTransfer: false, canMerge: false, canCancelTransfer: false },
    });
    expect(old.json().mergedAt).not.toBeNull();
    expect(old.json().specialCircumstances.map((s: { source: string }) => s.source)).toEqual([
      'Danh sách cũ',
    ]);
    const edit = await bimSon.patch(`/api/v1/children/${duplicate.id}`, {
      version: old.json().version,
      note: 'muộn',
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().type).toBe('/problems/child-merged');

    // The duplicate leaves lists, search and duplicate candidates.
    const found = (await bimSon.get('/api/v1/children?q=nguyen%20van%20gop&status=all')).json();
    expect(found.items.map((c: { id: string }) => c.id)).toEqual([survivor.id]);
    const byId = (await bimSon.get('/api/v1/children?q=038218001234')).json();
    expect(byId.items.map((c: { id: string }) => c.id)).toEqual([survivor.id]);
    const candidates = (
      await bimSon.post('/api/v1/children/duplicates', {
        fullName: 'Nguyễn Văn Gộp',
        sex: 'male',
        dateOfBirth: '2018',
        unitCode: '14812',
      })
    ).json();
    expect(candidates.items.map((c: { child: { id: string } }) => c.child.id)).toEqual([survivor.id]);

    // Both histories on the survivor.
    const history = (await bimSon.get(`/api/v1/children/${survivor.id}/history`)).json();
    expect(history.statusChanges).toHaveLength(2);
    const actions = history.audit.map(
      (a: { action: string; entityId: string }) => `${a.action} ${a.entityId}`,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        `child.merge ${survivor.id}`,
        `child.merge ${duplicate.id}`,
        `child.create ${survivor.id}`,
        `child.create ${duplicate.id}`,
      ]),
    );
    expect(actions).toHaveLength(4);
    const survivorRow = history.audit.find(
      (a: { action: string; entityId: string }) => a.action === 'child.merge' && a.entityId === survivor.id,
    );
    expect(survivorRow.diff.personalId).toEqual({ from: null, to: '038218001234' });
    expect(survivorRow.diff._details).toMatchObject({ duplicateId: duplicate.id, statusHistoryRows: 1 });

    const again = await merge(bimSon, { ...survivor, version: merged.version }, old.json());
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe('/problems/child-merged');
  });

  it('re-points records merged earlier into the duplicate', async () => {
    const a = await register(bimSon, { fullName: 'Hà Văn Một' });
    const b = await register(bimSon, { fullName: 'Ha Van Mot' });
    const c = await register(bimSon, { fullName: 'Hà Văn Mốt' });
    const bAfter = (await merge(bimSon, b, c)).json();
    expect((await merge(bimSon, a, bAfter)).statusCode).toBe(200);
    expect((await bimSon.get(`/api/v1/children/${c.id}`)).json().mergedInto.id).toBe(a.id);
    const history = (await bimSon.get(`/api/v1/children/${a.id}/history`)).json();
    expect(history.audit.map((x: { entityId: string }) => x.entityId)).toContain(c.id);
  });

  it('answers 409 at a stale version and changes nothing', async () => {
    const a = await register(bimSon, { fullName: 'Cao Văn Cũ' });
    const b = await register(bimSon, { fullName: 'Cao Van Cu', personalId: '038218005678' });
    const stale = await merge(bimSon, a, { ...b, version: b.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().type).toBe('/problems/version-conflict');
    expect((await merge(bimSon, { ...a, version: 0 }, b)).statusCode).toBe(409);
    expect((await bimSon.get(`/api/v1/children/${b.id}`)).json().mergedInto).toBeNull();
    expect((await bimSon.get(`/api/v1/children/${a.id}`)).json().personalId).toBeNull();
  });

  it('rolls everything back when a hook fails', async () => {
    removeHooks.push(
      registerChildMergeHook(async () => {
        throw new Error('hook failed');
      }),
    );
    const a = await register(bimSon, { fullName: 'Lò Văn Hỏng' });
    const b = await register(bimSon, { fullName: 'Lo Van Hong', personalId: '038218009999' });
    expect((await merge(bimSon, a, b)).statusCode).toBe(500);
    expect((await bimSon.get(`/api/v1/children/${b.id}`)).json().mergedInto).toBeNull();
    expect((await bimSon.get(`/api/v1/children/${a.id}`)).json()).toMatchObject({
      personalId: null,
      version: a.version,
    });
  });

  it('refuses the same record, two personal ids, a pending transfer, no permission and another commune', async () => {
    const a = await register(bimSon, { fullName: 'Mai Văn Một', personalId: '038218001111' });
    const b = await register(bimSon, { fullName: 'Mai Van Mot', personalId: '038218002222' });
    const same = await merge(bimSon, a, a);
    expect(same.statusCode).toBe(400);
    expect(same.json()).toMatchObject({
      type: '/problems/merge-same-child',
      title: 'Không thể gộp một hồ sơ với chính nó',
    });
    const ids = await merge(bimSon, a, b);
    expect(ids.statusCode).toBe(409);
    expect(ids.json().errors[0].path).toBe('body.duplicateId');

    const c = await register(bimSon, { fullName: 'Mai Văn Ba' });
    await bimSon.post(`/api/v1/children/${c.id}/transfers`, { toUnitCode: '14818' });
    const pending = await merge(bimSon, a, c);
    expect(pending.statusCode).toBe(409);
    expect(pending.json().type).toBe('/problems/transfer-pending');

    const d = await register(bimSon, { fullName: 'Mai Văn Tư' });
    expect((await merge(reader, a, d)).statusCode).toBe(403);
    // 14818 cannot merge children of 14812, nor 14812 a child of 14818 into its own.
    expect((await merge(quangTrung, a, d)).statusCode).toBe(404);
    const theirs = await register(quangTrung, { fullName: 'Mai Văn Tư', unitCode: '14818' });
    expect((await merge(bimSon, d, theirs)).statusCode).toBe(404);
    expect((await merge(quangTrung, theirs, d)).statusCode).toBe(404);
    expect((await bimSon.get(`/api/v1/children/${d.id}`)).json().mergedInto).toBeNull();
  });
});
