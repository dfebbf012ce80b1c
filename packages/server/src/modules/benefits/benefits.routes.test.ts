import { vietnamToday } from '@tuoitho/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv } from '../../../test/harness';
import { dayBefore } from './benefits.service';

let env: TestEnv;
let officer: Agent;
let leader: Agent;
let reader: Agent;
let registryOnly: Agent;
let otherOfficer: Agent;
let admin: Agent;

const today = vietnamToday();
const RULE_UNDER_4 = 'tcxh.khong_nguon_nuoi.duoi_4';

/** `today` moved by whole years and days. */
function shift(years: number, days = 0): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const decision = {
  number: '12/QĐ-UBND',
  date: today,
  signerName: 'Nguyễn Văn Chủ',
  signerTitle: 'Chủ tịch UBND phường Bỉm Sơn',
};

beforeAll(async () => {
  env = await createTestApp();
  ({ agent: officer } = await agentFor(env, {
    unitCode: '14812',
    permissions: ['registry.read', 'registry.write', 'benefits.read', 'benefits.write'],
  }));
  ({ agent: leader } = await agentFor(env, {
    unitCode: '14812',
    permissions: ['registry.read', 'benefits.read', 'benefits.approve'],
  }));
  ({ agent: reader } = await agentFor(env, { unitCode: '14812', permissions: ['benefits.read'] }));
  ({ agent: registryOnly } = await agentFor(env, { unitCode: '14812', permissions: ['registry.read'] }));
  ({ agent: otherOfficer } = await agentFor(env, {
    unitCode: '14818',
    permissions: ['registry.read', 'benefits.read', 'benefits.write'],
  }));
  ({ agent: admin } = await agentFor(env, {
    unitCode: 'VN',
    permissions: ['benefits.read', 'catalogs.manage'],
  }));
}, 60_000);
afterAll(() => env.close());

/** An orphan of both parents (group a) born on `dateOfBirth`, registered in ward 14812. */
async function orphan(dateOfBirth: string, fullName = 'Lê Văn An') {
  const res = await officer.post('/api/v1/children', {
    fullName,
    sex: 'male',
    dateOfBirth,
    unitCode: '14812',
    specialCircumstances: [{ group: 'a', startDate: shift(-1), source: 'Biên bản xác minh' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const enrolment = (childId: string, overrides: Record<string, unknown> = {}) => ({
  childId,
  ruleCode: RULE_UNDER_4,
  decision,
  startDate: today,
  amountVnd: 1_250_000,
  recipient: { kind: 'caregiver', fullName: 'Lê Thị Bà', relationship: 'Bà nội' },
  paymentMethod: 'cash',
  ...overrides,
});

describe('catalogue', () => {
  it('lists the national rules and base levels with the caller’s abilities', async () => {
    const res = await officer.get(`/api/v1/benefits/catalogue?unit=14812&at=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const under4 = body.rules.find((r: { code: string }) => r.code === RULE_UNDER_4);
    expect(under4).toMatchObject({ amount: { type: 'coefficient', coefficient: 2.5 }, canEdit: false });
    expect(body.baseLevels.map((b: { amountVnd: number }) => b.amountVnd)).toEqual([500_000]);
    const all = (await admin.get('/api/v1/benefits/catalogue')).json();
    expect(all.baseLevels.length).toBeGreaterThanOrEqual(3);
    const unverified = all.rules.find((r: { verified: boolean }) => !r.verified);
    expect(unverified.canEdit).toBe(true);
    expect(all.rules.find((r: { verified: boolean }) => r.verified).canEdit).toBe(false);
  });

  it('is forbidden without benefits.read', async () => {
    expect((await registryOnly.get('/api/v1/benefits/catalogue')).statusCode).toBe(403);
  });

  it('adds a commune rule, a new period closing the old one, and refuses others', async () => {
    const rule = {
      code: 'dia_phuong.14812.qua_tet',
      kind: 'local_gift',
      nameVi: 'Quà Tết của phường Bỉm Sơn',
      nameEn: 'Bỉm Sơn Tết gift',
      criteriaVi: 'trẻ em có hoàn cảnh đặc biệt',
      criteriaEn: 'children in special circumstances',
      legalRef: 'Nghị quyết HĐND phường',
      validFrom: '2025-01-01',
      validTo: null,
      unitCode: '14812',
      periodicity: 'yearly',
      amount: { type: 'fixed', amountVnd: 500_000 },
      criteria: { groups: ['a', 'b', 'c'] },
      exclusiveGroup: null,
      budgetSource: 'commune',
      needsDecision: true,
    };
    expect((await officer.post('/api/v1/benefits/rules', rule)).statusCode).toBe(403);
    expect((await otherOfficer.post('/api/v1/benefits/rules', rule)).statusCode).toBe(403);
    const created = await leader.post('/api/v1/benefits/rules', rule);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ canEdit: true, verified: false, validTo: null });
    const next = await leader.post('/api/v1/benefits/rules', {
      ...rule,
      validFrom: '2026-01-01',
      amount: { type: 'fixed', amountVnd: 600_000 },
    });
    expect(next.statusCode, next.body).toBe(201);
    const periods = (await leader.get('/api/v1/benefits/catalogue?unit=14812'))
      .json()
      .rules.filter((r: { code: string }) => r.code === rule.code);
    expect(
      periods.map((p: { validFrom: string; validTo: string | null }) => [p.validFrom, p.validTo]),
    ).toEqual([
      ['2025-01-01', dayBefore('2026-01-01')],
      ['2026-01-01', null],
    ]);
    // The same start again, or a code of another unit: 409.
    expect(
      (await leader.post('/api/v1/benefits/rules', { ...rule, validFrom: '2026-01-01' })).statusCode,
    ).toBe(409);
  });

  it('a rule correction changes no enrolment, and a stale version is refused', async () => {
    const code = 'dia_phuong.14812.hoc_bong';
    const created = await leader.post('/api/v1/benefits/rules', {
      code,
      kind: 'scholarship',
      nameVi: 'Học bổng của phường',
      nameEn: 'Ward scholarship',
      criteriaVi: 'mồ côi',
      criteriaEn: 'orphans',
      legalRef: 'Nghị quyết HĐND phường',
      validFrom: '2024-01-01',
      validTo: null,
      unitCode: '14812',
      periodicity: 'monthly',
      amount: { type: 'fixed', amountVnd: 200_000 },
      criteria: { groups: ['a'] },
      exclusiveGroup: null,
      budgetSource: 'commune',
      needsDecision: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const rule = created.json();
    const childId = await orphan(shift(-10), 'Trần Thị Học');
    const enrolled = await officer.post(
      '/api/v1/benefits/enrolments',
      enrolment(childId, { ruleCode: code, amountVnd: 200_000 }),
    );
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    expect(
      (
        await officer.patch(`/api/v1/benefits/rules/${rule.id}`, {
          amount: { type: 'fixed', amountVnd: 1 },
          version: rule.version,
        })
      ).statusCode,
    ).toBe(403);
    const patched = await leader.patch(`/api/v1/benefits/rules/${rule.id}`, {
      amount: { type: 'fixed', amountVnd: 300_000 },
      version: rule.version,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ amount: { amountVnd: 300_000 }, version: rule.version + 1 });
    const stale = await leader.patch(`/api/v1/benefits/rules/${rule.id}`, {
      verified: true,
      version: rule.version,
    });
    expect(stale.statusCode).toBe(409);
    const after = await officer.get(`/api/v1/benefits/enrolments/${enrolled.json().id}`);
    expect(after.json().amountVnd).toBe(200_000);
    // Once verified, the amount no longer changes.
    await leader.patch(`/api/v1/benefits/rules/${rule.id}`, { verified: true, version: rule.version + 1 });
    const locked = await leader.patch(`/api/v1/benefits/rules/${rule.id}`, {
      amount: { type: 'fixed', amountVnd: 1 },
      version: rule.version + 2,
    });
    expect(locked.statusCode).toBe(422);
  });

  it('adds a province base level that closes its previous period (catalogs.manage only)', async () => {
    const level = {
      amountVnd: 600_000,
      validFrom: '2025-01-01',
      provinceCode: '01',
      legalRef: 'Nghị quyết HĐND tỉnh',
    };
    expect((await leader.post('/api/v1/benefits/base-levels', level)).statusCode).toBe(403);
    const first = await admin.post('/api/v1/benefits/base-levels', level);
    expect(first.statusCode, first.body).toBe(201);
    const second = await admin.post('/api/v1/benefits/base-levels', {
      ...level,
      amountVnd: 700_000,
      validFrom: '2026-01-01',
    });
    expect(second.statusCode, second.body).toBe(201);
    const levels = (await admin.get('/api/v1/benefits/catalogue?unit=01')).json().baseLevels;
    expect(levels.filter((b: { provinceCode: string | null }) => b.provinceCode === '01')).toMatchObject([
      { amountVnd: 600_000, validTo: '2025-12-31' },
      { amountVnd: 700_000, validTo: null },
    ]);
  });
});

describe('eligibility, enrolments and the gap list', () => {
  it('explains the allowance of an orphan aged 3 and hides the child outside the scope', async () => {
    const childId = await orphan(shift(-3, -60));
    const res = await reader.get(`/api/v1/children/${childId}/eligibility`);
    expect(res.statusCode, res.body).toBe(200);
    const item = res.json().items.find((i: { ruleCode: string }) => i.ruleCode === RULE_UNDER_4);
    expect(item).toMatchObject({ amountVnd: 1_250_000, coefficient: 2.5, baseLevelVnd: 500_000 });
    expect(item.explanationVi).toContain('2,5 × 500.000 đ = 1.250.000 đ');
    expect((await otherOfficer.get(`/api/v1/children/${childId}/eligibility`)).statusCode).toBe(404);
    expect((await registryOnly.get(`/api/v1/children/${childId}/eligibility`)).statusCode).toBe(403);
  });

  it('lists an eligible child as a gap until enrolled; one active enrolment per benefit', async () => {
    const childId = await orphan(shift(-2, -30), 'Phạm Gia Bảo');
    const gapsOf = async () =>
      (await leader.get(`/api/v1/benefits/gaps?unit=14812&kind=eligible_not_enrolled`))
        .json()
        .items.filter(
          (g: { childId: string; ruleCode: string }) => g.childId === childId && g.ruleCode === RULE_UNDER_4,
        );
    expect(await gapsOf()).toHaveLength(1);
    expect((await reader.post('/api/v1/benefits/enrolments', enrolment(childId))).statusCode).toBe(403);
    expect((await otherOfficer.post('/api/v1/benefits/enrolments', enrolment(childId))).statusCode).toBe(404);
    const created = await officer.post('/api/v1/benefits/enrolments', enrolment(childId));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'active',
      amountVnd: 1_250_000,
      recipient: { fullName: 'Lê Thị Bà' },
      events: [{ kind: 'start', decision: { number: '12/QĐ-UBND' } }],
    });
    expect(await gapsOf()).toHaveLength(0);
    const again = await officer.post('/api/v1/benefits/enrolments', enrolment(childId));
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toContain('enrolment-exists');
    const list = await reader.get(`/api/v1/benefits/enrolments?childId=${childId}&status=active`);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: created.json().id }] });
    expect((await otherOfficer.get(`/api/v1/benefits/enrolments/${created.json().id}`)).statusCode).toBe(404);
    expect((await otherOfficer.get('/api/v1/benefits/enrolments?unit=14812')).statusCode).toBe(404);
  });

  it('adjusts and terminates with decisions and versions', async () => {
    const childId = await orphan(shift(-5), 'Đỗ Minh Châu');
    const created = await officer.post(
      '/api/v1/benefits/enrolments',
      enrolment(childId, { ruleCode: 'tcxh.khong_nguon_nuoi.tu_4', amountVnd: 700_000 }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const adjust = {
      decision: { ...decision, number: '13/QĐ-UBND' },
      effectiveFrom: today,
      amountVnd: 800_000,
      reason: 'Hỗ trợ thêm theo quyết định',
      version: 1,
    };
    const adjusted = await leader.post(`/api/v1/benefits/enrolments/${id}/adjust`, adjust);
    expect(adjusted.statusCode, adjusted.body).toBe(200);
    expect(adjusted.json()).toMatchObject({ amountVnd: 800_000, version: 2 });
    expect((await leader.post(`/api/v1/benefits/enrolments/${id}/adjust`, adjust)).statusCode).toBe(409);
    const gaps = (await leader.get('/api/v1/benefits/gaps?unit=14812&kind=amount_differs')).json();
    expect(gaps.items.some((g: { enrolmentId: string }) => g.enrolmentId === id)).toBe(true);
    expect(gaps.counts.amount_differs).toBeGreaterThanOrEqual(1);
    const ended = await officer.post(`/api/v1/benefits/enrolments/${id}/terminate`, {
      decision: { ...decision, number: '14/QĐ-UBND' },
      endDate: today,
      reason: 'Chuyển đi nơi khác',
      version: 2,
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', endDate: today, version: 3 });
    expect(ended.json().events.map((e: { kind: string }) => e.kind)).toEqual([
      'start',
      'adjust',
      'terminate',
    ]);
  });

  it('exports the gap list to Excel with a title row and audits it', async () => {
    const res = await leader.get('/api/v1/benefits/gaps/export?unit=14812');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('Phường Bỉm Sơn');
    expect(sheet.getRow(2).getCell(2).value).toBe('Họ và tên trẻ');
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'benefit.gaps.export')
      .execute();
    expect(audit).toHaveLength(1);
    expect((await otherOfficer.get('/api/v1/benefits/gaps?unit=14812')).statusCode).toBe(404);
  });
});

describe('proposals', () => {
  it('proposes the new amount of the 4th birthday once, and can be dismissed', async () => {
    const childId = await orphan(shift(-4, 10), 'Vũ Thị Diệu');
    const enrolled = await officer.post('/api/v1/benefits/enrolments', enrolment(childId));
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    expect((await reader.post('/api/v1/benefits/proposals/generate?unit=14812')).statusCode).toBe(403);
    const first = await officer.post('/api/v1/benefits/proposals/generate?unit=14812');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().created).toBeGreaterThanOrEqual(1);
    const second = await officer.post('/api/v1/benefits/proposals/generate?unit=14812');
    expect(second.json().created).toBe(0);
    const open = (await reader.get('/api/v1/benefits/proposals?unit=14812')).json();
    const mine = open.items.filter((p: { childId: string }) => p.childId === childId);
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(mine.some((p: { effectiveFrom: string }) => p.effectiveFrom === shift(0, 10))).toBe(true);
    expect(
      (await otherOfficer.post(`/api/v1/benefits/proposals/${mine[0].id}/dismiss`, { reason: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await reader.post(`/api/v1/benefits/proposals/${mine[0].id}/dismiss`, { reason: 'x' })).statusCode,
    ).toBe(403);
    const dismissed = await officer.post(`/api/v1/benefits/proposals/${mine[0].id}/dismiss`, {
      reason: 'Đã xử lý bằng giấy',
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(dismissed.json().status).toBe('dismissed');
    expect((await officer.post('/api/v1/benefits/proposals/generate?unit=14812')).json().created).toBe(0);
  });
});

describe('from enrolment to payment, with the shipped catalogue', () => {
  it('puts a monthly allowance and a one-off emergency support of this month on the month’s run', async () => {
    const month = today.slice(0, 7);
    const monthly = await orphan(shift(-3), 'Đinh Văn Tháng');
    const oneOff = await orphan(shift(-8), 'Đinh Thị Một Lần');
    const first = `${month}-01`;
    for (const [childId, ruleCode, amountVnd] of [
      [monthly, RULE_UNDER_4, 1_250_000],
      [oneOff, 'tro_giup_khan_cap', 1_000_000],
    ] as const) {
      const res = await officer.post(
        '/api/v1/benefits/enrolments',
        enrolment(childId, { ruleCode, amountVnd, startDate: first }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const run = await officer.post('/api/v1/benefits/payment-runs', { unitCode: '14812', month });
    expect([200, 201]).toContain(run.statusCode);
    const lines = run.json().lines as Array<{ childId: string; amountVnd: number }>;
    expect(lines.find((l) => l.childId === monthly)?.amountVnd).toBe(1_250_000);
    expect(lines.find((l) => l.childId === oneOff)?.amountVnd).toBe(1_000_000);
  });
});
