import { art63ConditionInfo, casePartErrorMessages } from '@tuoitho/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv } from '../../../../test/harness';

let env: TestEnv;
let officer: Agent;
let leader: Agent;
let otherOfficer: Agent;
let bystander: Agent;
let reader: Agent;
let registryOnly: Agent;
let provinceOfficer: Agent;
let facilityId: string;
let stationId: string;

const officerPermissions = [
  'registry.read',
  'registry.write',
  'cases.read',
  'cases.content.read',
  'cases.write',
] as const;

beforeAll(async () => {
  env = await createTestApp();
  ({ agent: officer } = await agentFor(env, { unitCode: '14812', permissions: [...officerPermissions] }));
  ({ agent: leader } = await agentFor(env, {
    unitCode: '14812',
    permissions: ['cases.read', 'cases.content.read', 'cases.approve'],
  }));
  ({ agent: otherOfficer } = await agentFor(env, {
    unitCode: '14818',
    permissions: [...officerPermissions],
  }));
  // An officer of the same commune who is not assigned to the case.
  ({ agent: bystander } = await agentFor(env, { unitCode: '14812', permissions: [...officerPermissions] }));
  ({ agent: reader } = await agentFor(env, { unitCode: '14812', permissions: ['cases.read'] }));
  ({ agent: registryOnly } = await agentFor(env, { unitCode: '14812', permissions: ['registry.read'] }));
  ({ agent: provinceOfficer } = await agentFor(env, {
    unitCode: '38',
    permissions: ['cases.read', 'cases.content.read'],
  }));
  const facility = await officer.post('/api/v1/service-providers', {
    unitCode: '14812',
    kind: 'social_assistance',
    name: 'Cơ sở bảo trợ xã hội Bỉm Sơn',
  });
  facilityId = facility.json().id;
  const station = await officer.post('/api/v1/service-providers', {
    unitCode: '14812',
    kind: 'health_station',
    name: 'Trạm Y tế phường Bỉm Sơn',
  });
  stationId = station.json().id;
});
afterAll(() => env.close());

async function openCase() {
  const res = await officer.post('/api/v1/cases', {
    child: { fullName: 'Phạm Minh Khôi', sex: 'male', dateOfBirth: '2017-03-02' },
    unitCode: '14812',
    source: 'hotline_111',
    concerns: ['physical_violence'],
    urgency: 'urgent',
    receivedAt: '2026-04-27T09:00:00+07:00',
    summary: 'Cháu bị đánh',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

const allMet = Object.fromEntries(Object.keys(art63ConditionInfo).map((key) => [key, true]));
const PERPETRATOR = 'Trần Văn Bí-Mật';
const CARER = 'Nguyễn Thị Người-Nhận';
const REASON = 'Khám vết thương bí-mật-4410';

describe('people in a case', () => {
  it('adds, lists and softly removes a person; the read is logged', async () => {
    const kase = await openCase();
    const added = await officer.post(`/api/v1/cases/${kase.id}/people`, {
      role: 'alleged_perpetrator',
      fullName: PERPETRATOR,
      relationship: 'bố dượng',
      yearOfBirth: 1985,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      role: 'alleged_perpetrator',
      fullName: PERPETRATOR,
      removedAt: null,
    });
    const list = await leader.get(`/api/v1/cases/${kase.id}/people`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    const removed = await officer.request('DELETE', `/api/v1/cases/${kase.id}/people/${added.json().id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().removedAt).not.toBeNull();
    expect((await officer.get(`/api/v1/cases/${kase.id}/people`)).json().items).toHaveLength(0);
    const all = await officer.get(`/api/v1/cases/${kase.id}/people?includeRemoved=true`);
    expect(all.json().items).toHaveLength(1);
    const again = await officer.request('DELETE', `/api/v1/cases/${kase.id}/people/${added.json().id}`);
    expect(again.statusCode).toBe(404);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM read_log WHERE entity_id = ${kase.id} AND entity_type = 'case_people'`.execute(
      env.database.db,
    );
    expect(rows[0]?.n).toBe(3);
  });

  it('links another registered child by childId, not the case child', async () => {
    const kase = await openCase();
    const sibling = await officer.post('/api/v1/children', {
      fullName: 'Phạm Thu Hà',
      sex: 'female',
      dateOfBirth: '2015',
      unitCode: '14812',
    });
    const res = await officer.post(`/api/v1/cases/${kase.id}/people`, {
      role: 'child',
      childId: sibling.json().id,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fullName: 'Phạm Thu Hà', child: { id: sibling.json().id } });
    const wrongRole = await officer.post(`/api/v1/cases/${kase.id}/people`, {
      role: 'caregiver',
      childId: sibling.json().id,
    });
    expect(wrongRole.statusCode).toBe(400);
  });

  it('answers 404 outside the scope and 403 to non-participants and readers without content access', async () => {
    const kase = await openCase();
    const person = { role: 'caregiver', fullName: 'Phạm Văn Cha' };
    expect((await otherOfficer.get(`/api/v1/cases/${kase.id}/people`)).statusCode).toBe(404);
    expect((await otherOfficer.post(`/api/v1/cases/${kase.id}/people`, person)).statusCode).toBe(404);
    expect((await bystander.get(`/api/v1/cases/${kase.id}/people`)).statusCode).toBe(403);
    expect((await bystander.post(`/api/v1/cases/${kase.id}/people`, person)).statusCode).toBe(403);
    expect((await reader.get(`/api/v1/cases/${kase.id}/people`)).statusCode).toBe(403);
    expect((await reader.post(`/api/v1/cases/${kase.id}/people`, person)).statusCode).toBe(403);
    expect((await registryOnly.get(`/api/v1/cases/${kase.id}/people`)).statusCode).toBe(403);
    const added = (await officer.post(`/api/v1/cases/${kase.id}/people`, person)).json();
    const one = `/api/v1/cases/${kase.id}/people/${added.id}`;
    expect((await otherOfficer.request('DELETE', one)).statusCode).toBe(404);
    expect((await bystander.request('DELETE', one)).statusCode).toBe(403);
    expect((await reader.request('DELETE', one)).statusCode).toBe(403);
    expect((await officer.get(`/api/v1/cases/${kase.id}/people`)).json().items).toHaveLength(1);
  });
});

describe('a province officer', () => {
  it('reads the parts only with a reason, which goes to the read log', async () => {
    const kase = await openCase();
    for (const part of ['people', 'referrals', 'placements']) {
      expect((await provinceOfficer.get(`/api/v1/cases/${kase.id}/${part}`)).statusCode).toBe(403);
    }
    const reason = 'Kiểm tra việc thực hiện kế hoạch của phường';
    const res = await provinceOfficer.get(
      `/api/v1/cases/${kase.id}/referrals?readReason=${encodeURIComponent(reason)}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const log = await env.database.db
      .selectFrom('read_log')
      .select(['entity_type', 'reason'])
      .where('entity_id', '=', kase.id)
      .where('entity_type', '=', 'case_referrals')
      .execute();
    expect(log).toEqual([{ entity_type: 'case_referrals', reason }]);
    expect(
      (
        await provinceOfficer.post(`/api/v1/cases/${kase.id}/referrals`, {
          providerId: stationId,
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('referrals', () => {
  it('refers, answers and completes; refuses invalid transitions (422) and stale versions (409)', async () => {
    const kase = await openCase();
    const created = await officer.post(`/api/v1/cases/${kase.id}/referrals`, {
      providerId: stationId,
      reason: REASON,
    });
    expect(created.statusCode, created.body).toBe(201);
    const referral = created.json();
    expect(referral).toMatchObject({
      status: 'pending',
      reason: REASON,
      version: 1,
      provider: { id: stationId, kind: 'health_station' },
      nextStatuses: ['accepted', 'declined'],
    });
    const path = `/api/v1/cases/${kase.id}/referrals/${referral.id}/status`;
    const tooEarly = await officer.post(path, { status: 'done', version: 1 });
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.json().detail).toBe(casePartErrorMessages.referral_transition.vi);
    const accepted = await leader.post(path, { status: 'accepted', note: 'Trạm nhận khám', version: 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', version: 2 });
    expect(accepted.json().respondedAt).not.toBeNull();
    expect((await officer.post(path, { status: 'declined', version: 1 })).statusCode).toBe(409);
    const done = await officer.post(path, { status: 'done', version: 2 });
    expect(done.json()).toMatchObject({ status: 'done', version: 3, nextStatuses: [] });
    expect(done.json().events.map((e: { status: string }) => e.status)).toEqual([
      'pending',
      'accepted',
      'done',
    ]);
    expect((await officer.post(path, { status: 'accepted', version: 3 })).statusCode).toBe(422);
    const list = await officer.get(`/api/v1/cases/${kase.id}/referrals`);
    expect(list.json().items[0].events[1].note).toBe('Trạm nhận khám');
  });

  it('needs a provider of the case’s commune or province, the scope and a part in the case', async () => {
    const kase = await openCase();
    const neighbour = await otherOfficer.post('/api/v1/service-providers', {
      unitCode: '14818',
      kind: 'police',
      name: 'Công an xã bên',
    });
    const foreign = await officer.post(`/api/v1/cases/${kase.id}/referrals`, {
      providerId: neighbour.json().id,
      reason: 'x',
    });
    expect(foreign.statusCode).toBe(400);
    const body = { providerId: stationId, reason: 'x' };
    expect((await otherOfficer.post(`/api/v1/cases/${kase.id}/referrals`, body)).statusCode).toBe(404);
    expect((await otherOfficer.get(`/api/v1/cases/${kase.id}/referrals`)).statusCode).toBe(404);
    expect((await bystander.post(`/api/v1/cases/${kase.id}/referrals`, body)).statusCode).toBe(403);
    expect((await reader.get(`/api/v1/cases/${kase.id}/referrals`)).statusCode).toBe(403);
    expect((await registryOnly.get(`/api/v1/cases/${kase.id}/referrals`)).statusCode).toBe(403);
    const referral = (await officer.post(`/api/v1/cases/${kase.id}/referrals`, body)).json();
    const status = `/api/v1/cases/${kase.id}/referrals/${referral.id}/status`;
    const accept = { status: 'accepted', version: 1 };
    expect((await otherOfficer.post(status, accept)).statusCode).toBe(404);
    expect((await bystander.post(status, accept)).statusCode).toBe(403);
    expect((await reader.post(status, accept)).statusCode).toBe(403);
    expect((await officer.post(status, { status: 'pending', version: 1 })).statusCode).toBe(422);
    const otherCase = await openCase();
    const wrongCase = `/api/v1/cases/${otherCase.id}/referrals/${referral.id}/status`;
    expect((await officer.post(wrongCase, accept)).statusCode).toBe(404);
  });
});

describe('alternative care placements', () => {
  it('starts a kinship placement when Art. 63 holds, records visits and ends it', async () => {
    const kase = await openCase();
    const created = await officer.post(`/api/v1/cases/${kase.id}/placements`, {
      kind: 'kinship',
      carer: { fullName: CARER, relationship: 'bà ngoại', phone: '0912345678' },
      art63: allMet,
      startDate: '2026-05-01',
      plannedEndDate: '2026-11-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const placement = created.json();
    expect(placement).toMatchObject({
      kind: 'kinship',
      isCurrent: true,
      version: 1,
      carer: { fullName: CARER },
    });
    const base = `/api/v1/cases/${kase.id}/placements/${placement.id}`;
    const visit = await officer.post(`${base}/visits`, { visitedOn: '2026-05-15', notes: 'Cháu ổn định' });
    expect(visit.statusCode, visit.body).toBe(201);
    expect(visit.json().visits).toHaveLength(1);
    expect((await officer.post(`${base}/visits`, { visitedOn: '2026-04-01', notes: 'x' })).statusCode).toBe(
      422,
    );
    const second = await officer.post(`/api/v1/cases/${kase.id}/placements`, {
      kind: 'facility',
      providerId: facilityId,
      startDate: '2026-05-02',
    });
    expect(second.statusCode).toBe(422);
    expect(second.json().detail).toBe(casePartErrorMessages.placement_current_exists.vi);
    const ended = await officer.post(`${base}/end`, {
      endDate: '2026-06-01',
      reason: 'Trở về gia đình',
      version: 1,
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ isCurrent: false, endDate: '2026-06-01', version: 2 });
    expect(
      (await officer.post(`${base}/end`, { endDate: '2026-06-01', reason: 'x', version: 1 })).statusCode,
    ).toBe(409);
    expect(
      (await officer.post(`${base}/end`, { endDate: '2026-06-01', reason: 'x', version: 2 })).statusCode,
    ).toBe(422);
    const facility = await officer.post(`/api/v1/cases/${kase.id}/placements`, {
      kind: 'facility',
      providerId: facilityId,
      startDate: '2026-06-02',
    });
    expect(facility.statusCode, facility.body).toBe(201);
    const list = await leader.get(`/api/v1/cases/${kase.id}/placements`);
    expect(list.json().items).toHaveLength(2);
  });

  it('refuses a family placement with an unmet Art. 63 condition or no carer, and a facility of the wrong kind', async () => {
    const kase = await openCase();
    const unmet = await officer.post(
      `/api/v1/cases/${kase.id}/placements`,
      {
        kind: 'non_relative_family',
        carer: { fullName: CARER },
        art63: { ...allMet, isVoluntary: false },
        startDate: '2026-05-01',
      },
      { 'accept-language': 'en' },
    );
    expect(unmet.statusCode).toBe(422);
    expect(unmet.json().detail).toContain(art63ConditionInfo.isVoluntary.en);
    const noCarer = await officer.post(`/api/v1/cases/${kase.id}/placements`, {
      kind: 'kinship',
      art63: allMet,
      startDate: '2026-05-01',
    });
    expect(noCarer.statusCode).toBe(422);
    const wrongKind = await officer.post(`/api/v1/cases/${kase.id}/placements`, {
      kind: 'facility',
      providerId: stationId,
      startDate: '2026-05-01',
    });
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json().detail).toBe(casePartErrorMessages.placement_facility_provider.vi);
  });

  it('answers 404 outside the scope and 403 to a non-participant', async () => {
    const kase = await openCase();
    const body = { kind: 'facility', providerId: facilityId, startDate: '2026-05-01' };
    expect((await otherOfficer.post(`/api/v1/cases/${kase.id}/placements`, body)).statusCode).toBe(404);
    expect((await otherOfficer.get(`/api/v1/cases/${kase.id}/placements`)).statusCode).toBe(404);
    expect((await bystander.post(`/api/v1/cases/${kase.id}/placements`, body)).statusCode).toBe(403);
    expect((await bystander.get(`/api/v1/cases/${kase.id}/placements`)).statusCode).toBe(403);
    expect((await registryOnly.get(`/api/v1/cases/${kase.id}/placements`)).statusCode).toBe(403);
    const placement = (await officer.post(`/api/v1/cases/${kase.id}/placements`, body)).json();
    const base = `/api/v1/cases/${kase.id}/placements/${placement.id}`;
    const visit = { visitedOn: '2026-05-02', notes: 'x' };
    const end = { endDate: '2026-05-03', reason: 'x', version: 1 };
    for (const agent of [otherOfficer]) {
      expect((await agent.post(`${base}/visits`, visit)).statusCode).toBe(404);
      expect((await agent.post(`${base}/end`, end)).statusCode).toBe(404);
    }
    for (const agent of [bystander, reader]) {
      expect((await agent.post(`${base}/visits`, visit)).statusCode).toBe(403);
      expect((await agent.post(`${base}/end`, end)).statusCode).toBe(403);
    }
    expect((await leader.post(`${base}/visits`, visit)).statusCode).toBe(201);
  });

  it('refuses new parts on a closed case', async () => {
    const kase = await openCase();
    const closed = await leader.post(`/api/v1/cases/${kase.id}/actions`, {
      type: 'closed',
      reason: 'unfounded',
      version: kase.version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const res = await officer.post(`/api/v1/cases/${kase.id}/referrals`, {
      providerId: stationId,
      reason: 'x',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toBe(casePartErrorMessages.case_part_case_closed.vi);
  });
});

describe('confidentiality at rest', () => {
  it('keeps no plaintext perpetrator name, carer name or referral reason in the tables or the audit log', async () => {
    const kase = await openCase();
    await officer.post(`/api/v1/cases/${kase.id}/people`, {
      role: 'alleged_perpetrator',
      fullName: PERPETRATOR,
    });
    await officer.post(`/api/v1/cases/${kase.id}/referrals`, { providerId: stationId, reason: REASON });
    const placement = await officer.post(`/api/v1/cases/${kase.id}/placements`, {
      kind: 'kinship',
      carer: { fullName: CARER },
      art63: allMet,
      startDate: '2026-05-01',
    });
    expect(placement.statusCode).toBe(201);
    const db = env.database.db;
    const dump = async (table: string) =>
      (await sql<{ t: string }>`SELECT string_agg(x::text, ' ') AS t FROM ${sql.table(table)} x`.execute(db))
        .rows[0]?.t ?? '';
    for (const table of [
      'case_person',
      'case_referral',
      'case_referral_event',
      'case_placement',
      'audit_log',
    ]) {
      const text = await dump(table);
      expect(text).not.toContain(PERPETRATOR);
      expect(text).not.toContain(CARER);
      expect(text).not.toContain('bí-mật-4410');
    }
    expect(await dump('case_person')).toMatch(/v1\./);
    const actions = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'case.%')
      .where('action', '!=', 'case.create')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['case.person.add', 'case.referral.create', 'case.placement.create']),
    );
  });
});
