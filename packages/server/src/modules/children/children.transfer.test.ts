import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv, unitByCode } from '../../../test/harness';

let env: TestEnv;
let bimSon: Agent;
let quangTrung: Agent;
let hamRong: Agent;
let reader: Agent;

const officer = ['units.read', 'registry.read', 'registry.write'] as const;

beforeAll(async () => {
  env = await createTestApp();
  ({ agent: bimSon } = await agentFor(env, { unitCode: '14812', permissions: [...officer] }));
  ({ agent: quangTrung } = await agentFor(env, { unitCode: '14818', permissions: [...officer] }));
  ({ agent: hamRong } = await agentFor(env, { unitCode: '14758', permissions: [...officer] }));
  ({ agent: reader } = await agentFor(env, { unitCode: '14818', permissions: ['registry.read'] }));
});
afterAll(() => env.close());

async function register(fullName: string, extra: Record<string, unknown> = {}) {
  const res = await bimSon.post('/api/v1/children', {
    fullName,
    sex: 'female',
    dateOfBirth: '2017-08-12',
    unitCode: '14812',
    residence: { village: 'Khu phố 3' },
    caregivers: [{ fullName: 'Trịnh Thị Hằng', relationship: 'mother' }],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const requestTransfer = (agent: Agent, childId: string, body: Record<string, unknown> = {}) =>
  agent.post(`/api/v1/children/${childId}/transfers`, { toUnitCode: '14818', ...body });

const list = async (agent: Agent, query: string) => {
  const res = await agent.get(`/api/v1/children/transfers?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** The audit rows of an action about a child: on the child itself or on one of its transfers. */
const auditRows = async (action: string, childId: string) => {
  const rows = await env.database.db
    .selectFrom('audit_log')
    .select(['entity_type', 'entity_id', 'unit_id', 'diff'])
    .where('action', '=', action)
    .execute();
  return rows.filter(
    (r) =>
      r.entity_id === childId ||
      (r.diff as { _details?: { childId?: string } })._details?.childId === childId,
  );
};

describe('asking another commune to take a child over', () => {
  it('creates a pending transfer the child keeps with the sender, and refuses a second one', async () => {
    const child = await register('Trịnh Thu Chuyển', { personalId: '038317001234' });
    const res = await requestTransfer(bimSon, child.id, {
      reason: 'Gia đình chuyển về Quang Trung',
      newVillage: 'Khu phố 7',
    });
    expect(res.statusCode, res.body).toBe(201);
    const transfer = res.json();
    expect(transfer).toMatchObject({
      status: 'pending',
      fromUnit: { code: '14812', name: 'Phường Bỉm Sơn' },
      toUnit: { code: '14818', name: 'Phường Quang Trung' },
      reason: 'Gia đình chuyển về Quang Trung',
      newVillage: 'Khu phố 7',
      child: { id: child.id, fullName: 'Trịnh Thu Chuyển', personalIdMasked: '********1234' },
      abilities: { canAccept: false, canDecline: false, canCancel: true, canOpenChild: true },
    });

    const profile = (await bimSon.get(`/api/v1/children/${child.id}`)).json();
    expect(profile.unitCode).toBe('14812');
    expect(profile.pendingTransfer).toMatchObject({ id: transfer.id, toUnit: { code: '14818' } });
    expect(profile.abilities).toMatchObject({ canTransfer: false, canCancelTransfer: true, canMerge: false });

    const again = await requestTransfer(bimSon, child.id, { toUnitCode: '14758' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      type: '/problems/transfer-pending',
      title: 'Trẻ đang chờ xã, phường khác tiếp nhận',
    });
    const moved = await bimSon.post(`/api/v1/children/${child.id}/status`, {
      version: profile.version,
      status: 'moved_away',
      reason: 'Chuyển đi',
    });
    expect(moved.statusCode).toBe(409);

    // Both sides find it in their audit log.
    const rows = await auditRows('child.transfer.request', child.id);
    const bimSonUnit = await unitByCode(env.database, '14812');
    const quangTrungUnit = await unitByCode(env.database, '14818');
    expect(rows.map((r) => [r.entity_type, r.unit_id]).sort()).toEqual(
      [
        ['child', bimSonUnit.id],
        ['child_transfer', quangTrungUnit.id],
      ].sort(),
    );
  });

  it('lets the receiving commune see who the child is, but not open the profile before accepting', async () => {
    const child = await register('Trịnh Văn Đến', { sex: 'male', dateOfBirth: '2016' });
    const transfer = (await requestTransfer(bimSon, child.id)).json();
    expect((await quangTrung.get(`/api/v1/children/${child.id}`)).statusCode).toBe(404);
    const incoming = await list(quangTrung, 'direction=incoming');
    const item = incoming.items.find((t: { id: string }) => t.id === transfer.id);
    expect(item).toMatchObject({
      child: {
        fullName: 'Trịnh Văn Đến',
        sex: 'male',
        dateOfBirth: '2016',
        dateOfBirthPrecision: 'year',
        personalIdMasked: null,
        caregiverNames: ['Trịnh Thị Hằng'],
      },
      abilities: { canAccept: true, canDecline: true, canCancel: false, canOpenChild: false },
    });
    const outgoing = await list(bimSon, 'direction=outgoing');
    expect(outgoing.items.map((t: { id: string }) => t.id)).toContain(transfer.id);
    expect((await list(bimSon, 'direction=incoming')).items.map((t: { id: string }) => t.id)).not.toContain(
      transfer.id,
    );
    expect((await list(hamRong, 'direction=incoming')).items).toEqual([]);
  });

  it('refuses the child’s own commune, an unknown commune and a child no longer followed', async () => {
    const child = await register('Trịnh Thị Ở');
    const same = await requestTransfer(bimSon, child.id, { toUnitCode: '14812' });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors).toEqual([
      { path: 'body.toUnitCode', message: 'Xã, phường chuyển đến phải khác nơi trẻ đang cư trú' },
    ]);
    const unknown = await requestTransfer(bimSon, child.id, { toUnitCode: '99999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('body.toUnitCode');

    await bimSon.post(`/api/v1/children/${child.id}/status`, {
      version: child.version,
      status: 'deceased',
      reason: 'Giấy báo tử',
    });
    const inactive = await requestTransfer(bimSon, child.id);
    expect(inactive.statusCode).toBe(409);
    expect(inactive.json().type).toBe('/problems/child-not-active');
  });

  it('is refused without permission and outside the caller’s subtree', async () => {
    const child = await register('Trịnh Văn Phạm Vi');
    expect((await requestTransfer(reader, child.id)).statusCode).toBe(403);
    // 14818 cannot move a child of 14812, not even to itself.
    expect((await requestTransfer(quangTrung, child.id)).statusCode).toBe(404);
    const transfer = (await requestTransfer(bimSon, child.id)).json();
    const accept = (agent: Agent) => agent.post(`/api/v1/children/transfers/${transfer.id}/accept`, {});
    // Neither the sender nor a commune the transfer is not addressed to may accept it.
    expect((await accept(bimSon)).statusCode).toBe(404);
    expect((await accept(hamRong)).statusCode).toBe(404);
    expect((await accept(reader)).statusCode).toBe(403);
    expect(
      (await hamRong.post(`/api/v1/children/transfers/${transfer.id}/decline`, { reason: 'Không phải' }))
        .statusCode,
    ).toBe(404);
    // Only the sending side cancels.
    expect((await quangTrung.post(`/api/v1/children/transfers/${transfer.id}/cancel`, {})).statusCode).toBe(
      404,
    );
    const { agent: noRegistry } = await agentFor(env, { unitCode: '14818', permissions: ['units.read'] });
    expect((await noRegistry.get('/api/v1/children/transfers')).statusCode).toBe(403);
  });
});

describe('answering a transfer', () => {
  it('accepts: the child moves with its history, the sender no longer sees it', async () => {
    const child = await register('Trịnh Thị Tiếp Nhận', {
      specialCircumstances: [{ group: 'a', startDate: '2024-01-01', source: 'Biên bản' }],
    });
    const transfer = (await requestTransfer(bimSon, child.id, { newVillage: 'Khu phố 7' })).json();
    const res = await quangTrung.post(`/api/v1/children/transfers/${transfer.id}/accept`, {
      address: 'Số 4 đường Lê Lợi',
      note: 'Đã gặp gia đình',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'accepted',
      decisionNote: 'Đã gặp gia đình',
      abilities: { canAccept: false, canCancel: false, canOpenChild: true },
    });

    const moved = await quangTrung.get(`/api/v1/children/${child.id}`);
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      id: child.id,
      unitCode: '14818',
      residence: { village: 'Khu phố 7', address: 'Số 4 đường Lê Lợi' },
      pendingTransfer: null,
      version: child.version + 1,
      abilities: { canEdit: true, canTransfer: true },
    });
    expect(moved.json().specialCircumstances).toHaveLength(1);
    expect((await bimSon.get(`/api/v1/children/${child.id}`)).statusCode).toBe(404);
    const found = async (agent: Agent) =>
      (await agent.get('/api/v1/children?q=trinh%20thi%20tiep%20nhan')).json().total;
    expect(await found(quangTrung)).toBe(1);
    expect(await found(bimSon)).toBe(0);

    const history = (await quangTrung.get(`/api/v1/children/${child.id}/history`)).json();
    expect(history.statusChanges[0]).toMatchObject({
      status: 'active',
      reason: 'Chuyển từ Phường Bỉm Sơn đến Phường Quang Trung: Đã gặp gia đình',
    });
    // The history written in Bỉm Sơn follows the child.
    expect(history.audit.map((a: { action: string }) => a.action)).toEqual([
      'child.transfer.accept',
      'child.transfer.request',
      'child.create',
    ]);
    const rows = await auditRows('child.transfer.accept', child.id);
    const bimSonUnit = await unitByCode(env.database, '14812');
    expect(rows.find((r) => r.entity_type === 'child_transfer')?.unit_id).toBe(bimSonUnit.id);

    const twice = await quangTrung.post(`/api/v1/children/transfers/${transfer.id}/accept`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().type).toBe('/problems/transfer-not-pending');
    const accepted = await list(bimSon, 'direction=outgoing&status=accepted');
    expect(accepted.items.map((t: { id: string }) => t.id)).toContain(transfer.id);
  });

  it('declines with a reason; the child stays and can be sent again', async () => {
    const child = await register('Trịnh Văn Từ Chối');
    const transfer = (await requestTransfer(bimSon, child.id)).json();
    const noReason = await quangTrung.post(`/api/v1/children/transfers/${transfer.id}/decline`, {});
    expect(noReason.statusCode).toBe(400);
    const res = await quangTrung.post(`/api/v1/children/transfers/${transfer.id}/decline`, {
      reason: 'Gia đình không cư trú tại phường',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'declined',
      decisionNote: 'Gia đình không cư trú tại phường',
    });
    const profile = (await bimSon.get(`/api/v1/children/${child.id}`)).json();
    expect(profile).toMatchObject({
      unitCode: '14812',
      pendingTransfer: null,
      abilities: { canTransfer: true },
    });
    const history = (await bimSon.get(`/api/v1/children/${child.id}/history`)).json();
    expect(history.audit[0].action).toBe('child.transfer.decline');
    expect((await requestTransfer(bimSon, child.id, { toUnitCode: '14758' })).statusCode).toBe(201);
  });

  it('cancels from the sending side; the receiving side can then no longer accept', async () => {
    const child = await register('Trịnh Thị Hủy');
    const transfer = (await requestTransfer(bimSon, child.id)).json();
    const res = await bimSon.post(`/api/v1/children/transfers/${transfer.id}/cancel`, {
      reason: 'Gia đình ở lại',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', decisionNote: 'Gia đình ở lại' });
    const late = await quangTrung.post(`/api/v1/children/transfers/${transfer.id}/accept`, {});
    expect(late.statusCode).toBe(409);
    expect((await quangTrung.get(`/api/v1/children/${child.id}`)).statusCode).toBe(404);
    const pending = await list(quangTrung, 'direction=incoming');
    expect(pending.items.map((t: { id: string }) => t.id)).not.toContain(transfer.id);
    expect((await auditRows('child.transfer.cancel', child.id)).length).toBe(2);
  });

  it('pages the list newest first with a cursor', async () => {
    const first = await list(bimSon, 'direction=outgoing&status=all&limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(bimSon, `direction=outgoing&status=all&limit=2&cursor=${first.nextCursor}`);
    const all = await list(bimSon, 'direction=outgoing&status=all&limit=200');
    expect([...first.items, ...second.items].map((t: { id: string }) => t.id)).toEqual(
      all.items.slice(0, 4).map((t: { id: string }) => t.id),
    );
    const bad = await bimSon.get('/api/v1/children/transfers?cursor=abc');
    expect(bad.statusCode).toBe(400);
  });
});
