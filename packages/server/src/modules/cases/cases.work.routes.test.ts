import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv } from '../../../test/harness';

/** The work queue, the history, members and the province officer's reasoned read. */

let env: TestEnv;
let officer: Agent;
let leader: Agent;
let colleague: Agent;
let colleagueId: string;
let province: Agent;
let provinceNoContent: Agent;
let otherWard: Agent;

const officerPermissions = [
  'registry.read',
  'registry.write',
  'cases.read',
  'cases.content.read',
  'cases.write',
] as const;
const SUMMARY = 'Cô giáo báo cháu nghỉ học, bị bố bắt đi bán vé số (mật-5521)';

beforeAll(async () => {
  env = await createTestApp();
  ({ agent: officer } = await agentFor(env, { unitCode: '14812', permissions: [...officerPermissions] }));
  ({ agent: leader } = await agentFor(env, {
    unitCode: '14812',
    permissions: ['cases.read', 'cases.content.read', 'cases.approve'],
  }));
  const created = await agentFor(env, {
    unitCode: '14812',
    permissions: ['cases.read', 'cases.content.read'],
  });
  colleague = created.agent;
  colleagueId = created.user.id;
  ({ agent: province } = await agentFor(env, {
    unitCode: '38',
    permissions: ['cases.read', 'cases.content.read'],
  }));
  ({ agent: provinceNoContent } = await agentFor(env, { unitCode: '38', permissions: ['cases.read'] }));
  ({ agent: otherWard } = await agentFor(env, { unitCode: '14818', permissions: [...officerPermissions] }));
});
afterAll(() => env.close());

async function openCase(fullName: string, receivedAt: string) {
  const res = await officer.post('/api/v1/cases', {
    child: { fullName, sex: 'female', dateOfBirth: '2015-06-01' },
    unitCode: '14812',
    source: 'school',
    concerns: ['child_labour'],
    urgency: 'urgent',
    receivedAt,
    summary: SUMMARY,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('work queue and list filters', () => {
  it('puts an old report among overdue and mine, a fresh one among due soon, a submitted plan with the leader', async () => {
    const old = await openCase('Đinh Thị Vé', '2026-04-27T09:00:00+07:00');
    const fresh = await openCase('Hoàng Thị Mới', new Date(Date.now() - 10 * 3_600_000).toISOString());
    const queue = (await officer.get('/api/v1/cases/queue')).json();
    const ids = (list: Array<{ id: string }>) => list.map((item) => item.id);
    expect(ids(queue.mine)).toEqual(expect.arrayContaining([old.id, fresh.id]));
    expect(ids(queue.overdue)).toContain(old.id);
    expect(ids(queue.overdue)).not.toContain(fresh.id);
    expect(ids(queue.dueSoon)).toContain(fresh.id);
    expect(queue.awaitingMyApproval).toEqual([]);
    expect(queue.counts.mine).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(queue)).not.toContain('mật-5521');

    let kase = old;
    const step = async (action: Record<string, unknown>, agent = officer) => {
      const res = await agent.post(`/api/v1/cases/${kase.id}/actions`, { version: kase.version, ...action });
      expect(res.statusCode, res.body).toBe(200);
      kase = res.json();
    };
    await step({
      type: 'initial_assessment',
      riskLevel: 'medium',
      isEmergency: false,
      protectionLevel: 'ho_tro',
    });
    await step({ type: 'detailed_assessment', riskLevel: 'medium', needs: ['Đi học lại'], meetingOn: null });
    await step({
      type: 'plan_drafted',
      measures: [
        {
          id: 'm1',
          description: 'Vận động gia đình',
          responsible: 'Cán bộ xã',
          service: null,
          dueDate: null,
        },
      ],
    });
    await step({ type: 'plan_submitted' });
    const leaderQueue = (await leader.get('/api/v1/cases/queue')).json();
    expect(ids(leaderQueue.awaitingMyApproval)).toContain(old.id);
    expect(leaderQueue.counts.awaitingMyApproval).toBeGreaterThanOrEqual(1);

    const byName = (await officer.get(`/api/v1/cases?q=${encodeURIComponent('dinh ve')}`)).json();
    expect(ids(byName.items)).toEqual([old.id]);
    const byNumber = (await officer.get(`/api/v1/cases?q=${fresh.number}`)).json();
    expect(ids(byNumber.items)).toContain(fresh.id);
    const overdue = (await officer.get('/api/v1/cases?due=overdue&open=true&assignee=me&limit=200')).json();
    expect(ids(overdue.items)).not.toContain(fresh.id);
    const closed = (await officer.get('/api/v1/cases?open=false')).json();
    expect(ids(closed.items)).not.toContain(old.id);
  });

  it('keeps the running clocks on the row, without content', async () => {
    const kase = await openCase('Trịnh Thị Giờ', '2026-04-27T09:00:00+07:00');
    const { rows } = await sql<{ open_deadlines: Array<{ step: string; dueAt: string }>; next_due_at: Date }>`
      SELECT open_deadlines, next_due_at FROM child_case WHERE id = ${kase.id}`.execute(env.database.db);
    const row = rows[0];
    expect(row?.open_deadlines.map((d) => d.step).sort()).toEqual(['initial_assessment', 'plan']);
    expect(row?.next_due_at.toISOString()).toBe('2026-04-27T14:00:00.000Z');
  });

  it('is scoped: another ward sees none of these cases', async () => {
    const kase = await openCase('Vũ Thị Phạm Vi', '2026-05-02T08:00:00+07:00');
    const queue = (await otherWard.get('/api/v1/cases/queue')).json();
    expect(JSON.stringify(queue)).not.toContain(kase.id);
    const found = (await otherWard.get('/api/v1/cases?q=pham%20vi')).json();
    expect(found.items).toEqual([]);
    expect((await otherWard.get(`/api/v1/cases/${kase.id}/history`)).statusCode).toBe(404);
  });
});

describe('who finds a case', () => {
  it('by the child’s name only those who take part; others see initials and find it by number', async () => {
    const kase = await openCase('Quách Thị Kín', '2026-05-04T08:00:00+07:00');
    const search = `/api/v1/cases?q=${encodeURIComponent('quách kín')}`;
    expect((await officer.get(search)).json().items.map((i: { id: string }) => i.id)).toEqual([kase.id]);
    expect((await leader.get(search)).json().items.map((i: { id: string }) => i.id)).toEqual([kase.id]);
    for (const outsider of [colleague, province]) {
      expect((await outsider.get(search)).json().items).toEqual([]);
      const byNumber = (await outsider.get(`/api/v1/cases?q=${kase.number}`)).json();
      const item = byNumber.items.find((i: { id: string }) => i.id === kase.id);
      expect(item.child).toEqual({
        id: kase.child.id,
        fullName: 'Q. T. K.',
        dateOfBirth: '2015',
        isMasked: true,
      });
      const all = await outsider.get('/api/v1/cases?limit=200');
      expect(all.body).not.toContain('Quách Thị Kín');
      expect(all.body).not.toContain('mật-5521');
    }
    const ofChild = (await officer.get(`/api/v1/cases?childId=${kase.child.id}`)).json();
    expect(ofChild.items.map((i: { id: string }) => i.id)).toEqual([kase.id]);
  });
});

describe('history', () => {
  it('answers the decrypted actions with names, only to those who may read the content', async () => {
    const kase = await openCase('Lò Thị Sử', '2026-05-04T08:00:00+07:00');
    const res = await officer.get(`/api/v1/cases/${kase.id}/history`);
    expect(res.statusCode).toBe(200);
    const [intake] = res.json().items;
    expect(intake).toMatchObject({ seq: 1, type: 'intake', role: 'officer', action: { summary: SUMMARY } });
    expect(intake.byName).toEqual(expect.any(String));
    expect((await colleague.get(`/api/v1/cases/${kase.id}/history`)).statusCode).toBe(403);
  });
});

describe('members', () => {
  it('lets the officer add a colleague, who may then read; removal takes it back', async () => {
    const kase = await openCase('Cầm Thị Chia', '2026-05-04T08:00:00+07:00');
    expect((await colleague.get(`/api/v1/cases/${kase.id}`)).json()).toMatchObject({
      canReadContent: false,
      summary: null,
      process: null,
    });
    const added = await officer.post(`/api/v1/cases/${kase.id}/members`, { userId: colleagueId });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().items.map((m: { userId: string }) => m.userId)).toEqual([colleagueId]);
    const read = (await colleague.get(`/api/v1/cases/${kase.id}`)).json();
    expect(read).toMatchObject({ canReadContent: true, summary: SUMMARY, canManageMembers: false });
    expect(read.process.status).toBe('initial_assessment');
    expect(
      (await colleague.post(`/api/v1/cases/${kase.id}/members`, { userId: colleagueId })).statusCode,
    ).toBe(403);
    expect(
      (await officer.request('DELETE', `/api/v1/cases/${kase.id}/members/${colleagueId}`)).statusCode,
    ).toBe(200);
    expect((await colleague.get(`/api/v1/cases/${kase.id}`)).json().canReadContent).toBe(false);
    expect(
      (await officer.request('DELETE', `/api/v1/cases/${kase.id}/members/${colleagueId}`)).statusCode,
    ).toBe(404);
  });

  it('refuses a user outside the adder’s subtree', async () => {
    const kase = await openCase('Hà Thị Xa', '2026-05-04T08:00:00+07:00');
    const outsider = await agentFor(env, { unitCode: '14818', permissions: ['cases.read'] });
    const res = await officer.post(`/api/v1/cases/${kase.id}/members`, { userId: outsider.user.id });
    expect(res.statusCode).toBe(400);
  });
});

describe('a province officer', () => {
  it('sees the facts, reads the content only with a reason, which goes to the read log', async () => {
    const kase = await openCase('Mai Thị Tỉnh', '2026-05-04T08:00:00+07:00');
    const plain = (await province.get(`/api/v1/cases/${kase.id}`)).json();
    expect(plain).toMatchObject({ canReadContent: false, canReadWithReason: true, summary: null });
    expect((await province.get(`/api/v1/cases/${kase.id}/history`)).statusCode).toBe(403);
    const reason = 'Kiểm tra việc xử lý quá hạn theo báo cáo tháng';
    const read = await province.get(`/api/v1/cases/${kase.id}?readReason=${encodeURIComponent(reason)}`);
    expect(read.json()).toMatchObject({ canReadContent: true, summary: SUMMARY });
    expect(read.json().allowedActions).toEqual([]);
    const history = await province.get(
      `/api/v1/cases/${kase.id}/history?readReason=${encodeURIComponent(reason)}`,
    );
    expect(history.statusCode).toBe(200);
    const { rows } = await sql<{ reason: string | null }>`
      SELECT reason FROM read_log WHERE entity_id = ${kase.id} AND reason IS NOT NULL`.execute(
      env.database.db,
    );
    expect(rows.map((r) => r.reason)).toEqual([reason, reason]);
    expect((await province.get(`/api/v1/cases/${kase.id}?readReason=ngắn`)).statusCode).toBe(400);
  });

  it('without cases.content.read, cannot read even with a reason', async () => {
    const kase = await openCase('Mai Thị Không', '2026-05-04T08:00:00+07:00');
    expect((await provinceNoContent.get(`/api/v1/cases/${kase.id}`)).json().canReadWithReason).toBe(false);
    const res = await provinceNoContent.get(
      `/api/v1/cases/${kase.id}?readReason=${encodeURIComponent('Kiểm tra việc xử lý vụ việc')}`,
    );
    expect(res.statusCode).toBe(403);
  });
});
