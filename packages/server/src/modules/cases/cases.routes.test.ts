import { caseErrorMessages } from '@tuoitho/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv } from '../../../test/harness';

let env: TestEnv;
let officer: Agent;
let officerId: string;
let leader: Agent;
let otherOfficer: Agent;
let reader: Agent;
let registryOnly: Agent;

const officerPermissions = [
  'registry.read',
  'registry.write',
  'cases.read',
  'cases.content.read',
  'cases.write',
] as const;

beforeAll(async () => {
  env = await createTestApp();
  const created = await agentFor(env, { unitCode: '14812', permissions: [...officerPermissions] });
  officer = created.agent;
  officerId = created.user.id;
  ({ agent: leader } = await agentFor(env, {
    unitCode: '14812',
    permissions: ['cases.read', 'cases.content.read', 'cases.approve'],
  }));
  ({ agent: otherOfficer } = await agentFor(env, {
    unitCode: '14818',
    permissions: [...officerPermissions],
  }));
  ({ agent: reader } = await agentFor(env, {
    unitCode: '14812',
    permissions: ['cases.read', 'cases.content.read'],
  }));
  ({ agent: registryOnly } = await agentFor(env, { unitCode: '14812', permissions: ['registry.read'] }));
});
afterAll(() => env.close());

const SUMMARY = 'Hàng xóm báo cháu bị cha đánh nhiều lần, có vết bầm ở tay (bí mật-7319)';
const REPORTER = 'Bà Trần Thị Mai, 0912 000 111';

const report = (overrides: Record<string, unknown> = {}) => ({
  child: { fullName: 'Phạm Minh Khôi', sex: 'male', dateOfBirth: '2017-03-02' },
  unitCode: '14812',
  source: 'hotline_111',
  concerns: ['physical_violence'],
  urgency: 'urgent',
  receivedAt: '2026-04-27T09:00:00+07:00',
  summary: SUMMARY,
  reporter: REPORTER,
  ...overrides,
});

async function openCase(overrides: Record<string, unknown> = {}) {
  const res = await officer.post('/api/v1/cases', report(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function act(agent: Agent, id: string, version: number, action: Record<string, unknown>) {
  return agent.post(`/api/v1/cases/${id}/actions`, { version, ...action });
}

describe('opening a case', () => {
  it('answers 201 with id, version, status and the 12-hour and plan deadlines', async () => {
    const kase = await openCase();
    expect(kase).toMatchObject({
      version: 1,
      status: 'initial_assessment',
      unitCode: '14812',
      source: 'hotline_111',
      concerns: ['physical_violence'],
      summary: SUMMARY,
      reporter: REPORTER,
      canReadContent: true,
      child: { fullName: 'Phạm Minh Khôi' },
    });
    expect(kase.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(kase.number).toMatch(/^VV-2026-\d{4}$/);
    const twelveHours = kase.deadlines.find((d: { step: string }) => d.step === 'initial_assessment');
    expect(Date.parse(twelveHours.dueAt)).toBe(Date.parse('2026-04-27T09:00:00+07:00') + 12 * 3_600_000);
    expect(twelveHours.verified).toBe(false);
    const plan = kase.deadlines.find((d: { step: string }) => d.step === 'plan');
    // 28/4, 29/4, [30/4, 1/5, weekend], 4/5, 5/5, 6/5: end of the fifth working day.
    expect(plan.dueAt).toBe('2026-05-06T23:59:59.999+07:00');
    expect(plan).toMatchObject({ verified: true });
    expect(plan.state).toBe('overdue');
    expect(kase.allowedActions).toContain('initial_assessment');
  });

  it('numbers the cases of a commune per year and accepts a registered child', async () => {
    const first = await openCase();
    const child = await officer.post('/api/v1/children', {
      fullName: 'Lê Thu Hà',
      sex: 'female',
      dateOfBirth: '2014',
      unitCode: '14812',
    });
    const second = await openCase({ child: undefined, childId: child.json().id, reporter: undefined });
    const n = (s: string) => Number(s.slice(-4));
    expect(n(second.number)).toBe(n(first.number) + 1);
    expect(second.child.id).toBe(child.json().id);
    expect(second.reporter).toBeNull();
  });

  it('needs exactly one of childId and child', async () => {
    const both = await officer.post(
      '/api/v1/cases',
      report({ childId: '0b9c3f8e-4a57-4d84-9f1e-2d4c8a1b6e10' }),
    );
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain('không cả hai');
  });

  it('is forbidden without cases.write, and for a commune outside the scope', async () => {
    expect((await reader.post('/api/v1/cases', report())).statusCode).toBe(403);
    expect((await otherOfficer.post('/api/v1/cases', report())).statusCode).toBe(403);
  });
});

describe('reading cases', () => {
  it('answers one case and lists it, without narratives in the list', async () => {
    const kase = await openCase();
    const one = await officer.get(`/api/v1/cases/${kase.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: kase.id, summary: SUMMARY });
    const list = await officer.get('/api/v1/cases?status=initial_assessment&limit=200');
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((i: { id: string }) => i.id === kase.id);
    expect(item).toMatchObject({ number: kase.number, status: 'initial_assessment' });
    expect(item.summary).toBeUndefined();
    expect(list.json().total).toBeGreaterThanOrEqual(1);
    expect(list.body).not.toContain('bí mật-7319');
  });

  it('pages the list with a cursor', async () => {
    await openCase();
    await openCase();
    const first = await officer.get('/api/v1/cases?limit=1');
    expect(first.json().items).toHaveLength(1);
    const next = await officer.get(`/api/v1/cases?limit=1&cursor=${first.json().nextCursor}`);
    expect(next.json().items[0].id).not.toBe(first.json().items[0].id);
  });

  it('hides a case outside the scope: 404 and absent from the list', async () => {
    const kase = await openCase();
    expect((await otherOfficer.get(`/api/v1/cases/${kase.id}`)).statusCode).toBe(404);
    const list = await otherOfficer.get('/api/v1/cases?limit=200');
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(kase.id);
    expect((await act(otherOfficer, kase.id, 1, { type: 'note', text: 'x' })).statusCode).toBe(404);
  });

  it('shows deadlines but not the narrative to a reader who takes no part in the case', async () => {
    const kase = await openCase();
    const res = await reader.get(`/api/v1/cases/${kase.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      canReadContent: false,
      summary: null,
      reporter: null,
      allowedActions: [],
    });
    expect(res.json().deadlines).toHaveLength(2);
  });

  it('is forbidden without cases.read', async () => {
    const kase = await openCase();
    expect((await registryOnly.get('/api/v1/cases')).statusCode).toBe(403);
    expect((await registryOnly.get(`/api/v1/cases/${kase.id}`)).statusCode).toBe(403);
    expect(
      (await registryOnly.post(`/api/v1/cases/${kase.id}/actions`, { version: 1, type: 'note', text: 'x' }))
        .statusCode,
    ).toBe(403);
  });

  it('logs each read of the content', async () => {
    const kase = await openCase();
    await leader.get(`/api/v1/cases/${kase.id}`);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM read_log WHERE entity_type = 'child_case' AND entity_id = ${kase.id}`.execute(
      env.database.db,
    );
    expect(rows[0]?.n).toBeGreaterThanOrEqual(2);
  });
});

describe('the process', () => {
  it('runs from intake to closing with the plan approved by a leader', async () => {
    let kase = await openCase();
    const step = async (agent: Agent, action: Record<string, unknown>, status: string) => {
      const res = await act(agent, kase.id, kase.version, action);
      expect(res.statusCode, res.body).toBe(200);
      kase = res.json();
      expect(kase.status).toBe(status);
    };
    await step(
      officer,
      {
        type: 'initial_assessment',
        riskLevel: 'medium',
        isEmergency: false,
        protectionLevel: 'ho_tro',
        harm: 'Vết bầm',
      },
      'detailed_assessment',
    );
    await step(
      officer,
      { type: 'detailed_assessment', riskLevel: 'medium', needs: ['Tư vấn gia đình'], meetingOn: null },
      'planning',
    );
    await step(
      officer,
      {
        type: 'plan_drafted',
        goal: 'Chấm dứt bạo lực',
        measures: [
          {
            id: 'm1',
            description: 'Tư vấn cho cha',
            responsible: 'Cán bộ LĐTBXH',
            service: null,
            dueDate: null,
          },
        ],
      },
      'planning',
    );
    expect(kase.allowedActions).not.toContain('plan_approved');
    await step(officer, { type: 'plan_submitted' }, 'awaiting_approval');
    const byOfficer = await act(officer, kase.id, kase.version, {
      type: 'plan_approved',
      decisionNumber: '12/QĐ-UBND',
      decisionDate: '2026-11-20',
    });
    expect(byOfficer.statusCode).toBe(403);
    await step(
      leader,
      { type: 'plan_approved', decisionNumber: '12/QĐ-UBND', decisionDate: '2026-11-20' },
      'implementing',
    );
    await step(officer, { type: 'measure_done', measureId: 'm1' }, 'implementing');
    await step(officer, { type: 'review', riskLevel: 'low', decision: 'close' }, 'closure_proposed');
    await step(leader, { type: 'closed', reason: 'plan_completed' }, 'closed');
    expect(kase.version).toBe(9);
    expect(kase.deadlines.find((d: { step: string }) => d.step === 'plan').state).toBe('met_late');
  });

  it('lets a leader close early as unfounded', async () => {
    const kase = await openCase();
    const res = await act(leader, kase.id, 1, {
      type: 'closed',
      reason: 'unfounded',
      note: 'Tin báo không đúng',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', version: 2 });
    expect(res.json().deadlines.map((d: { state: string }) => d.state)).toEqual(['stopped', 'stopped']);
  });

  it('refuses a stale version with 409', async () => {
    const kase = await openCase();
    const note = { type: 'note', text: 'Đã gọi điện cho nhà trường' };
    expect((await act(officer, kase.id, 1, note)).statusCode).toBe(200);
    const stale = await act(officer, kase.id, 1, note);
    expect(stale.statusCode).toBe(409);
  });

  it('refuses an action out of order with 422 and the rule in Vietnamese', async () => {
    const kase = await openCase();
    const res = await act(officer, kase.id, 1, { type: 'plan_submitted' });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toBe(caseErrorMessages.case_action_not_allowed_in_status.vi);
  });
});

describe('confidentiality at rest', () => {
  it('keeps no plaintext narrative in the case, its actions or the audit log', async () => {
    const kase = await openCase();
    await act(officer, kase.id, 1, { type: 'note', text: 'Ghi chú mật-5521' });
    const db = env.database.db;
    const dump = async (table: string) =>
      (await sql<{ t: string }>`SELECT string_agg(x::text, ' ') AS t FROM ${sql.table(table)} x`.execute(db))
        .rows[0]?.t ?? '';
    for (const table of ['child_case', 'case_action', 'audit_log']) {
      const text = await dump(table);
      expect(text).not.toContain('bí mật-7319');
      expect(text).not.toContain('0912 000 111');
      expect(text).not.toContain('mật-5521');
    }
    const row = await db
      .selectFrom('child_case')
      .select('summary_encrypted')
      .where('id', '=', kase.id)
      .executeTakeFirstOrThrow();
    expect(row.summary_encrypted).toMatch(/^v1\./);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'diff'])
      .where('entity_id', '=', kase.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['case.create', 'case.action']);
    expect(JSON.stringify(audit[1]?.diff)).toContain('"seq":2');
    expect(officerId).toBeTruthy();
  });
});
