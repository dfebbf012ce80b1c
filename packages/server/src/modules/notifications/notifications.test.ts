import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv } from '../../../test/harness';
import { notifyCaseEvent, scanCaseAlerts, sendCaseDigests } from './notifications.alerts';
import { scheduleCaseAlertJobs } from './notifications.jobs';

let env: TestEnv;
let officer: Agent;
let officerId: string;
let leaderId: string;
let leader: Agent;
let otherLeaderId: string;
let readerId: string;
let provinceId: string;
let otherProvinceId: string;

const CHILD_NAME = 'Lò Thị Bích Ngọc';
const SUMMARY = 'Nội dung bí mật-5521: cháu bị bỏ đói';
const officerPermissions = [
  'registry.read',
  'registry.write',
  'cases.read',
  'cases.content.read',
  'cases.write',
] as const;

beforeAll(async () => {
  env = await createTestApp();
  ({
    agent: officer,
    user: { id: officerId },
  } = await agentFor(env, {
    unitCode: '14812',
    permissions: [...officerPermissions],
  }));
  ({
    agent: leader,
    user: { id: leaderId },
  } = await agentFor(env, {
    unitCode: '14812',
    permissions: ['cases.read', 'cases.content.read', 'cases.approve'],
  }));
  ({
    user: { id: otherLeaderId },
  } = await agentFor(env, {
    unitCode: '14818',
    permissions: ['cases.read', 'cases.approve'],
  }));
  ({
    user: { id: readerId },
  } = await agentFor(env, { unitCode: '14812', permissions: ['cases.read'] }));
  ({
    user: { id: provinceId },
  } = await agentFor(env, { unitCode: '38', permissions: ['cases.read'] }));
  ({
    user: { id: otherProvinceId },
  } = await agentFor(env, { unitCode: '01', permissions: ['cases.read'] }));
});
afterAll(() => env.close());

const at = (local: string) => new Date(`${local}+07:00`);

/**
 * Opens a case through the API, then sets its running clocks to exactly `deadlines` (the copy
 * the cases module keeps in `open_deadlines`) and its assignee.
 */
async function caseWith(
  deadlines: Array<{ clockId: string; step: string; dueAt: string; dueSoonHours: number }>,
  assigneeId = officerId,
) {
  const res = await officer.post('/api/v1/cases', {
    child: { fullName: CHILD_NAME, sex: 'female', dateOfBirth: '2016-05-02' },
    unitCode: '14812',
    source: 'hotline_111',
    concerns: ['neglect'],
    urgency: 'urgent',
    receivedAt: '2026-04-27T09:00:00+07:00',
    summary: SUMMARY,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const dues = deadlines.map((d) => Date.parse(d.dueAt));
  const soon = deadlines.map((d) => Date.parse(d.dueAt) - d.dueSoonHours * 3_600_000);
  await env.database.db
    .updateTable('child_case')
    .set({
      assigned_officer_id: assigneeId,
      open_deadlines: JSON.stringify(deadlines),
      next_due_at: dues.length > 0 ? new Date(Math.min(...dues)) : null,
      due_soon_at: soon.length > 0 ? new Date(Math.min(...soon)) : null,
    })
    .where('id', '=', id)
    .execute();
  return { id, caseNumber: res.json().number as string };
}

const planDue = { clockId: 'plan#1', step: 'plan', dueAt: '2026-05-06T23:59:59.999+07:00', dueSoonHours: 24 };

async function alertsOf(caseId: string) {
  return env.database.db
    .selectFrom('notification')
    .select(['user_id', 'kind', 'clock_id', 'payload', 'dedupe_key'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('kind')
    .execute();
}

/** Who of the test's users got what (the demo users seeded in the same units are left out). */
const whoGot = async (caseId: string, extra: Record<string, string> = {}) =>
  (await alertsOf(caseId))
    .filter((row) => nameOf(row.user_id, extra) !== undefined)
    .map((row) => `${row.kind}→${nameOf(row.user_id, extra)}`)
    .sort();

function nameOf(userId: string, extra: Record<string, string> = {}): string | undefined {
  const names: Record<string, string> = {
    ...extra,
    [officerId]: 'officer',
    [leaderId]: 'leader',
    [otherLeaderId]: 'otherLeader',
    [readerId]: 'reader',
    [provinceId]: 'province',
    [otherProvinceId]: 'otherProvince',
  };
  return names[userId];
}

describe('scanCaseAlerts', () => {
  it('escalates level by level to the people in scope only, once each', async () => {
    const { id, caseNumber } = await caseWith([planDue]);
    await scanCaseAlerts(env.database.db, at('2026-05-05T12:00:00'));
    expect(await whoGot(id)).toEqual([]);

    await scanCaseAlerts(env.database.db, at('2026-05-06T08:00:00'));
    expect(await whoGot(id)).toEqual(['due_soon→officer']);

    await scanCaseAlerts(env.database.db, at('2026-05-07T08:00:00'));
    expect(await whoGot(id)).toEqual(['due_soon→officer', 'overdue→officer']);

    // A whole working day (Thu 07/05) has ended: the commune's leaders, not another commune's,
    // not a commune user without cases.approve, not yet the province.
    await scanCaseAlerts(env.database.db, at('2026-05-08T08:00:00'));
    expect(await whoGot(id)).toEqual(['due_soon→officer', 'escalated_leader→leader', 'overdue→officer']);

    // Three whole working days (Thu, Fri, Mon): the province of the case, not another province.
    await scanCaseAlerts(env.database.db, at('2026-05-11T23:00:00'));
    expect(await whoGot(id)).not.toContain('escalated_province→province');
    await scanCaseAlerts(env.database.db, at('2026-05-12T08:00:00'));
    expect(await whoGot(id)).toEqual([
      'due_soon→officer',
      'escalated_leader→leader',
      'escalated_province→province',
      'overdue→officer',
    ]);

    const rows = await alertsOf(id);
    expect(rows.find((row) => row.kind === 'escalated_province')).toMatchObject({
      clock_id: 'plan#1',
      payload: { caseNumber, step: 'plan', dueAt: planDue.dueAt },
    });
  });

  it('sends nothing twice when the scan runs again', async () => {
    const { id } = await caseWith([planDue]);
    const first = await scanCaseAlerts(env.database.db, at('2026-05-12T08:00:00'));
    expect(first).toBeGreaterThanOrEqual(4);
    expect(await scanCaseAlerts(env.database.db, at('2026-05-12T08:00:00'))).toBe(0);
    expect(await scanCaseAlerts(env.database.db, at('2026-05-12T08:15:00'))).toBe(0);
    expect(await whoGot(id)).toEqual([
      'escalated_leader→leader',
      'escalated_province→province',
      'overdue→officer',
    ]);
    const rows = await alertsOf(id);
    expect(new Set(rows.map((row) => `${row.user_id}|${row.dedupe_key}`)).size).toBe(rows.length);
  });

  it('alerts again when the clock is extended to a later deadline and missed again', async () => {
    const { id } = await caseWith([planDue]);
    await scanCaseAlerts(env.database.db, at('2026-05-07T08:00:00'));
    const extended = { ...planDue, dueAt: '2026-05-14T23:59:59.999+07:00' };
    await env.database.db
      .updateTable('child_case')
      .set({ open_deadlines: JSON.stringify([extended]), due_soon_at: at('2026-05-13T23:59:59.999') })
      .where('id', '=', id)
      .execute();
    await scanCaseAlerts(env.database.db, at('2026-05-15T08:00:00'));
    const overdue = (await alertsOf(id)).filter((row) => row.kind === 'overdue');
    expect(overdue).toHaveLength(2);
  });

  it('leaves closed cases and cases without running clocks alone', async () => {
    const closed = await caseWith([planDue]);
    await env.database.db
      .updateTable('child_case')
      .set({ status: 'closed' })
      .where('id', '=', closed.id)
      .execute();
    const idle = await caseWith([]);
    await scanCaseAlerts(env.database.db, at('2026-05-12T08:00:00'));
    expect(await alertsOf(closed.id)).toEqual([]);
    expect(await alertsOf(idle.id)).toEqual([]);
  });

  it('tells the leader at once of a missed 12-hour clock', async () => {
    const { id } = await caseWith([
      { clockId: 'emergency#1', step: 'emergency', dueAt: '2026-04-27T21:00:00+07:00', dueSoonHours: 3 },
    ]);
    await scanCaseAlerts(env.database.db, at('2026-04-27T21:30:00'));
    expect(await whoGot(id)).toEqual(['escalated_leader→leader', 'overdue→officer']);
  });

  it('never stores a child’s name or the narrative in a notification', async () => {
    await caseWith([planDue]);
    await scanCaseAlerts(env.database.db, at('2026-05-12T08:00:00'));
    await sendCaseDigests(env.database.db, '2026-05-12', at('2026-05-12T08:00:00'));
    const { rows } = await sql<{ row: string }>`SELECT n::text AS row FROM notification n`.execute(
      env.database.db,
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const { row } of rows) {
      expect(row).not.toContain(CHILD_NAME);
      expect(row).not.toContain('Ngọc');
      expect(row).not.toContain('bí mật-5521');
    }
  });
});

describe('sendCaseDigests', () => {
  it('sends each assigned user one digest per Việt Nam day with the counts', async () => {
    const { user } = await agentFor(env, { unitCode: '14812', permissions: [...officerPermissions] });
    await caseWith([planDue], user.id);
    await caseWith([{ ...planDue, dueAt: '2026-05-12T23:59:59.999+07:00' }], user.id);
    await caseWith([{ ...planDue, dueAt: '2026-05-29T23:59:59.999+07:00' }], user.id);
    const now = at('2026-05-12T07:00:00');
    expect(await sendCaseDigests(env.database.db, '2026-05-12', now)).toBeGreaterThanOrEqual(1);
    expect(await sendCaseDigests(env.database.db, '2026-05-12', at('2026-05-12T09:00:00'))).toBe(0);
    const digests = () =>
      env.database.db
        .selectFrom('notification')
        .select(['kind', 'payload', 'dedupe_key', 'case_id'])
        .where('user_id', '=', user.id)
        .orderBy('created_at')
        .execute();
    expect(await digests()).toEqual([
      {
        kind: 'digest',
        case_id: null,
        dedupe_key: 'digest:2026-05-12',
        payload: { day: '2026-05-12', counts: { open: 3, dueSoon: 1, overdue: 1 } },
      },
    ]);
    await sendCaseDigests(env.database.db, '2026-05-13', at('2026-05-13T07:00:00'));
    expect((await digests()).map((row) => row.dedupe_key)).toEqual([
      'digest:2026-05-12',
      'digest:2026-05-13',
    ]);
  });

  it('sends no digest to a user without an open case', async () => {
    const { user } = await agentFor(env, { unitCode: '14812', permissions: [...officerPermissions] });
    const { id } = await caseWith([planDue], user.id);
    await env.database.db.updateTable('child_case').set({ status: 'closed' }).where('id', '=', id).execute();
    await sendCaseDigests(env.database.db, '2026-05-20', at('2026-05-20T07:00:00'));
    const rows = await env.database.db
      .selectFrom('notification')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    expect(rows).toEqual([]);
  });
});

describe('scheduleCaseAlertJobs', () => {
  it('runs the scan at once, and the digest only from 07:00 Việt Nam time', async () => {
    const { user } = await agentFor(env, { unitCode: '14812', permissions: [...officerPermissions] });
    await caseWith([planDue], user.id);
    const log = { info: vi.fn(), error: vi.fn() } as never;
    const kinds = async () =>
      (
        await env.database.db
          .selectFrom('notification')
          .select('kind')
          .where('user_id', '=', user.id)
          .execute()
      ).map((row) => row.kind);

    const early = scheduleCaseAlertJobs(env.database.db, log, { clock: () => at('2026-06-01T06:59:00') });
    await vi.waitFor(async () => expect(await kinds()).toContain('overdue'));
    early();
    expect(await kinds()).not.toContain('digest');

    const later = scheduleCaseAlertJobs(env.database.db, log, { clock: () => at('2026-06-01T07:00:00') });
    await vi.waitFor(async () => expect(await kinds()).toContain('digest'));
    later();
  });
});

describe('notifyCaseEvent', () => {
  it('tells the commune leaders of a submitted plan, never the actor, once per case version', async () => {
    const { id } = await caseWith([
      {
        clockId: 'plan_approval#1',
        step: 'plan_approval',
        dueAt: '2026-05-08T23:59:59.999+07:00',
        dueSoonHours: 24,
      },
    ]);
    expect(
      await notifyCaseEvent(env.database.db, { caseId: id, type: 'plan_submitted', actorId: officerId }),
    ).toBeGreaterThan(0);
    expect(
      await notifyCaseEvent(env.database.db, { caseId: id, type: 'plan_submitted', actorId: officerId }),
    ).toBe(0);
    expect(await whoGot(id)).toEqual(['plan_submitted→leader']);
    const rows = await alertsOf(id);
    expect(rows.find((row) => row.user_id === leaderId)?.payload).toMatchObject({
      step: 'plan_approval',
      dueAt: '2026-05-08T23:59:59.999+07:00',
    });
  });

  it('tells the assigned officer of an approval or rejection, and a new assignee of the case', async () => {
    const { id } = await caseWith([]);
    await notifyCaseEvent(env.database.db, { caseId: id, type: 'plan_approved', actorId: leaderId });
    await notifyCaseEvent(env.database.db, { caseId: id, type: 'closure_proposed', actorId: officerId });
    // The leader who acts is not told of their own act.
    await notifyCaseEvent(env.database.db, {
      caseId: id,
      type: 'closure_proposed',
      actorId: leaderId,
      eventKey: 'again',
    });
    const { user } = await agentFor(env, { unitCode: '14812', permissions: [...officerPermissions] });
    await env.database.db
      .updateTable('child_case')
      .set((eb) => ({ assigned_officer_id: user.id, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    await notifyCaseEvent(env.database.db, { caseId: id, type: 'assigned', actorId: leaderId });
    await notifyCaseEvent(env.database.db, { caseId: id, type: 'plan_rejected', actorId: leaderId });
    expect(await whoGot(id, { [user.id]: 'newAssignee' })).toEqual([
      'assigned→newAssignee',
      'closure_proposed→leader',
      'plan_approved→officer',
      'plan_rejected→newAssignee',
    ]);
  });
});

describe('notifications API', () => {
  it('lists only the caller’s own notifications, newest first, with the unread count and pages', async () => {
    const { agent, user } = await agentFor(env, { unitCode: '14812', permissions: [...officerPermissions] });
    const { id, caseNumber } = await caseWith([planDue], user.id);
    await scanCaseAlerts(env.database.db, at('2026-05-07T08:00:00'));
    await sendCaseDigests(env.database.db, '2026-05-07', at('2026-05-07T08:00:00'));

    const res = await agent.get('/api/v1/notifications?limit=1');
    expect(res.statusCode, res.body).toBe(200);
    const first = res.json();
    expect(first.unreadCount).toBe(2);
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await agent.get(`/api/v1/notifications?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.nextCursor).toBeNull();
    const items = [...first.items, ...second.items];
    expect(items.map((item: { kind: string }) => item.kind).sort()).toEqual(['digest', 'overdue']);
    expect(items.find((item: { kind: string }) => item.kind === 'overdue')).toMatchObject({
      caseId: id,
      caseNumber,
      step: 'plan',
      dueAt: planDue.dueAt,
      readAt: null,
    });
    expect(items.find((item: { kind: string }) => item.kind === 'digest')).toMatchObject({
      caseId: null,
      counts: { open: 1, dueSoon: 0, overdue: 1 },
      day: '2026-05-07',
    });
  });

  it('marks one read (404 for another user’s) and all read', async () => {
    const { agent, user } = await agentFor(env, { unitCode: '14812', permissions: [...officerPermissions] });
    await caseWith([planDue], user.id);
    await scanCaseAlerts(env.database.db, at('2026-05-07T08:00:00'));
    await sendCaseDigests(env.database.db, '2026-05-08', at('2026-05-08T08:00:00'));
    const list = (await agent.get('/api/v1/notifications')).json();
    const target = list.items[0].id as string;

    expect((await leader.post(`/api/v1/notifications/${target}/read`)).statusCode).toBe(404);
    expect((await officer.post(`/api/v1/notifications/${target}/read`)).statusCode).toBe(404);
    expect((await agent.get('/api/v1/notifications?unread=true')).json().unreadCount).toBe(list.unreadCount);

    const read = await agent.post(`/api/v1/notifications/${target}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).toEqual(expect.any(String));
    const unread = (await agent.get('/api/v1/notifications?unread=true')).json();
    expect(unread.unreadCount).toBe(list.unreadCount - 1);
    expect(unread.items.map((item: { id: string }) => item.id)).not.toContain(target);

    const all = await agent.post('/api/v1/notifications/read-all');
    expect(all.json()).toEqual({ ok: true, marked: list.unreadCount - 1 });
    expect((await agent.get('/api/v1/notifications')).json().unreadCount).toBe(0);
    // Another user's notifications are untouched.
    const officerUnread = (await officer.get('/api/v1/notifications?unread=true')).json();
    expect(officerUnread.unreadCount).toBeGreaterThan(0);
  });

  it('needs a signed-in user and a valid cursor', async () => {
    const anonymous = await env.app.server.inject({ method: 'GET', url: '/api/v1/notifications' });
    expect(anonymous.statusCode).toBe(401);
    expect((await officer.get('/api/v1/notifications?cursor=bm9wZQ')).statusCode).toBe(400);
  });
});
