import { vietnamToday } from '@tuoitho/domain';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv, unitByCode } from '../../../../test/harness';
import { insertTestEnrolment, insertTestRule, type TestDecision } from './payments.test-helpers';
import { vndInWords } from './vnd-in-words';

let env: TestEnv;
let officer: Agent;
let leader: Agent;
let reader: Agent;
let otherWard: Agent;
let bimSonOfficer: Agent;
/** A commune without demo data, so that the first run of a month is really the first. */
let commune: { code: string; id: number; name: string };
let bimSon: { id: number };

const MONTHLY = 'test_pay.khong_nguon_nuoi.duoi_4';
const YEARLY = 'test_pay.qua_tet';
const ONCE = 'test_pay.khan_cap';
const MONTHLY_NAME = 'Trợ cấp xã hội hằng tháng: trẻ em không có nguồn nuôi dưỡng dưới 4 tuổi (thử)';

const registry = ['registry.read', 'registry.write'] as const;

beforeAll(async () => {
  env = await createTestApp();
  const db = env.database.db;
  const found = await sql<{ code: string; id: number; full_name: string }>`
    SELECT u.code, u.id, u.full_name FROM admin_unit u
    WHERE u.level = 'commune' AND u.valid_to IS NULL AND u.code NOT IN ('14812', '14818')
      AND u.path <@ (SELECT p.path FROM admin_unit p WHERE p.code = '38' AND p.valid_to IS NULL)
    ORDER BY u.code LIMIT 1`.execute(db);
  const row = found.rows[0]!;
  commune = { code: row.code, id: row.id, name: row.full_name };
  bimSon = await unitByCode(env.database, '14812');
  ({ agent: officer } = await agentFor(env, {
    unitCode: commune.code,
    permissions: [...registry, 'benefits.read', 'benefits.write'],
  }));
  ({ agent: leader } = await agentFor(env, {
    unitCode: commune.code,
    permissions: ['benefits.read', 'benefits.approve'],
  }));
  ({ agent: reader } = await agentFor(env, { unitCode: commune.code, permissions: ['benefits.read'] }));
  ({ agent: otherWard } = await agentFor(env, {
    unitCode: '14818',
    permissions: ['benefits.read', 'benefits.write'],
  }));
  ({ agent: bimSonOfficer } = await agentFor(env, {
    unitCode: '14812',
    permissions: [...registry, 'benefits.read', 'benefits.write'],
  }));
  await insertTestRule(db, {
    code: MONTHLY,
    nameVi: MONTHLY_NAME,
    periodicity: 'monthly',
    budgetSource: 'central',
  });
  await insertTestRule(db, {
    code: YEARLY,
    nameVi: 'Quà Tết (thử)',
    periodicity: 'yearly',
    budgetSource: 'commune',
  });
  await insertTestRule(db, {
    code: ONCE,
    nameVi: 'Trợ giúp khẩn cấp (thử)',
    periodicity: 'once',
    budgetSource: 'province',
  });
});
afterAll(() => env.close());

async function child(agent: Agent, unitCode: string, fullName: string, dateOfBirth: string) {
  const res = await agent.post('/api/v1/children', { fullName, sex: 'female', dateOfBirth, unitCode });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** A child of the test commune enrolled from `startDate` under the decisions given. */
async function enrolled(
  name: string,
  opts: {
    ruleCode?: string;
    startDate: string;
    endDate?: string;
    decisions?: TestDecision[];
    amountVnd?: number;
  },
) {
  const childId = await child(officer, commune.code, name, '2023-05-10');
  const enrolmentId = await insertTestEnrolment(env.database.db, {
    childId,
    unitId: commune.id,
    ruleCode: opts.ruleCode ?? MONTHLY,
    startDate: opts.startDate,
    endDate: opts.endDate ?? null,
    recipientName: `Bà của ${name}`,
    decisions: opts.decisions ?? [
      { kind: 'start', effectiveFrom: opts.startDate, amountVnd: opts.amountVnd ?? 1_250_000 },
    ],
  });
  return { childId, enrolmentId };
}

const run = (agent: Agent, month: string, unitCode = commune.code) =>
  agent.post('/api/v1/benefits/payment-runs', { unitCode, month });

type Line = { id: string; enrolmentId: string; amountVnd: number; version: number; status: string };
const lineOf = (body: { lines: Line[] }, enrolmentId: string) =>
  body.lines.filter((l) => l.enrolmentId === enrolmentId);

function nextMonth(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
}

describe('making a monthly payment list', () => {
  it('creates the run (201) with one line per enrolment due, at the decided amount', async () => {
    const a = await enrolled('Lê Thị An', { startDate: '2026-09-01' });
    const res = await run(officer, '2026-11');
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ unitCode: commune.code, unitName: commune.name, month: '2026-11' });
    const lines = lineOf(body, a.enrolmentId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      childId: a.childId,
      childName: 'Lê Thị An',
      childDateOfBirth: '2023-05-10',
      recipientName: 'Bà của Lê Thị An',
      ruleCode: MONTHLY,
      ruleName: MONTHLY_NAME,
      budgetSource: 'central',
      amountVnd: 1_250_000,
      status: 'unpaid',
      method: null,
    });
    expect(body.totals.amountVnd).toBe(body.lines.reduce((s: number, l: Line) => s + l.amountVnd, 0));
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select(['action', 'diff', 'unit_id'])
      .where('entity_id', '=', body.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'benefit.payment_run.create', unit_id: commune.id });
    expect(audit[0]!.diff).toMatchObject({
      _details: { month: '2026-11', linesAdded: body.totals.lines, totalVnd: body.totals.amountVnd },
    });
  });

  it('pays across the base-level change by the enrolment’s decisions, not by the rule', async () => {
    const b = await enrolled('Trần Văn Bình', {
      startDate: '2024-03-01',
      decisions: [
        { kind: 'start', effectiveFrom: '2024-03-01', amountVnd: 900_000 },
        { kind: 'adjust', effectiveFrom: '2024-07-01', amountVnd: 1_250_000 },
      ],
    });
    // No adjustment recorded: the old decided amount goes on, whatever the rule says now.
    const c = await enrolled('Phạm Thu Cúc', { startDate: '2024-03-01', amountVnd: 900_000 });
    const june = (await run(officer, '2024-06')).json();
    const july = (await run(officer, '2024-07')).json();
    expect(lineOf(june, b.enrolmentId)[0]?.amountVnd).toBe(900_000);
    expect(lineOf(july, b.enrolmentId)[0]?.amountVnd).toBe(1_250_000);
    expect(lineOf(july, c.enrolmentId)[0]?.amountVnd).toBe(900_000);
    // Before the start and after the end nothing is due.
    expect(lineOf((await run(officer, '2024-02')).json(), b.enrolmentId)).toHaveLength(0);
  });

  it('is idempotent: running the month again answers 200, no line twice, total unchanged', async () => {
    await enrolled('Đỗ Minh Châu', { startDate: '2026-01-01' });
    const first = await run(officer, '2026-10');
    expect(first.statusCode).toBe(201);
    const again = await run(leader, '2026-10');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect(again.json().totals).toEqual(first.json().totals);
    expect(
      again
        .json()
        .lines.map((l: Line) => l.id)
        .sort(),
    ).toEqual(
      first
        .json()
        .lines.map((l: Line) => l.id)
        .sort(),
    );
    const count = await env.database.db
      .selectFrom('benefit_payment')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('run_id', '=', first.json().id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(first.json().totals.lines);
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', first.json().id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['benefit.payment_run.create', 'benefit.payment_run.extend']);
  });

  it('serialises two runs of the same month started at once', async () => {
    const e = await enrolled('Cao Bích Ngọc', { startDate: '2025-11-01' });
    const [one, two] = await Promise.all([run(officer, '2025-12'), run(leader, '2025-12')]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 201]);
    expect(one.json().id).toBe(two.json().id);
    expect(lineOf(one.json(), e.enrolmentId)).toHaveLength(1);
    expect(two.json().totals).toEqual(one.json().totals);
  });

  it('adds only a new enrolment when a month is run again', async () => {
    const first = (await run(officer, '2026-08')).json();
    const late = await enrolled('Vũ Hoàng Dũng', { startDate: '2026-08-20', amountVnd: 1_000_000 });
    const again = await run(officer, '2026-08');
    expect(again.statusCode).toBe(200);
    const body = again.json();
    const added = body.lines.filter((l: Line) => !first.lines.some((f: Line) => f.id === l.id));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ enrolmentId: late.enrolmentId, amountVnd: 1_000_000 });
    expect(body.totals.amountVnd).toBe(first.totals.amountVnd + 1_000_000);
  });

  it('pays the month of the last day of a terminated enrolment, even when it is the 1st', async () => {
    const ended = await enrolled('Lâm Thị Cuối', {
      startDate: '2025-01-01',
      endDate: '2025-06-01',
      decisions: [
        { kind: 'start', effectiveFrom: '2025-01-01', amountVnd: 1_250_000 },
        // As the enrolments module stores it: the terminate decision names the last day paid.
        { kind: 'terminate', effectiveFrom: '2025-06-01', amountVnd: null },
      ],
    });
    expect(lineOf((await run(officer, '2025-06')).json(), ended.enrolmentId)).toHaveLength(1);
    expect(lineOf((await run(officer, '2025-07')).json(), ended.enrolmentId)).toHaveLength(0);
  });

  it('pays a yearly benefit in its month and a one-off benefit once', async () => {
    const gift = await enrolled('Ngô Gia Hân', {
      ruleCode: YEARLY,
      startDate: '2025-01-15',
      amountVnd: 500_000,
    });
    const emergency = await enrolled('Bùi Thanh Hải', {
      ruleCode: ONCE,
      startDate: '2025-03-05',
      amountVnd: 2_000_000,
    });
    const jan26 = (await run(officer, '2026-01')).json();
    const feb26 = (await run(officer, '2026-02')).json();
    const mar25 = (await run(officer, '2025-03')).json();
    const mar26 = (await run(officer, '2026-03')).json();
    expect(lineOf(jan26, gift.enrolmentId)[0]).toMatchObject({ amountVnd: 500_000, budgetSource: 'commune' });
    expect(lineOf(feb26, gift.enrolmentId)).toHaveLength(0);
    expect(lineOf(mar25, emergency.enrolmentId)[0]).toMatchObject({
      amountVnd: 2_000_000,
      budgetSource: 'province',
    });
    expect(lineOf(mar26, emergency.enrolmentId)).toHaveLength(0);
  });

  it('refuses a month after the current Việt Nam month (422) and a bad month (400)', async () => {
    const res = await run(officer, nextMonth(vietnamToday().slice(0, 7)));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('tháng sau tháng hiện tại');
    expect((await run(officer, '2026-13')).statusCode).toBe(400);
  });

  it('is forbidden without benefits.write or .approve, and for a commune outside the scope', async () => {
    expect((await run(reader, '2026-11')).statusCode).toBe(403);
    const outside = await run(otherWard, '2026-11');
    expect(outside.statusCode).toBe(403);
    expect(outside.body).toContain('phạm vi');
    expect((await run(officer, '99999')).statusCode).toBe(400);
  });
});

describe('reading payment lists', () => {
  it('lists the runs of the scope with totals, and hides them from another ward', async () => {
    const created = (await run(officer, '2026-11')).json();
    const list = await reader.get(
      `/api/v1/benefits/payment-runs?unit=${commune.code}&from=2026-09&to=2026-11`,
    );
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((r: { id: string }) => r.id === created.id);
    expect(item).toMatchObject({ month: '2026-11', totals: created.totals });
    expect(
      list.json().items.every((r: { month: string }) => r.month >= '2026-09' && r.month <= '2026-11'),
    ).toBe(true);
    const theirs = await otherWard.get('/api/v1/benefits/payment-runs');
    expect(theirs.json().items.some((r: { id: string }) => r.id === created.id)).toBe(false);
    expect((await otherWard.get(`/api/v1/benefits/payment-runs/${created.id}`)).statusCode).toBe(404);
    expect((await otherWard.get(`/api/v1/benefits/payment-runs/${created.id}/export`)).statusCode).toBe(404);
    expect((await reader.get(`/api/v1/benefits/payment-runs/${created.id}`)).statusCode).toBe(200);
  });
});

describe('marking a line paid', () => {
  it('records method, date and receipt; a stale version or a second payment is refused', async () => {
    const e = await enrolled('Hoàng Thị Lan', { startDate: '2026-04-01' });
    const body = (await run(officer, '2026-05')).json();
    const line = lineOf(body, e.enrolmentId)[0]!;
    const url = `/api/v1/benefits/payment-runs/${body.id}/lines/${line.id}/pay`;
    const paid = await officer.post(url, {
      method: 'cash',
      paidOn: '2026-05-08',
      receiptNumber: 'PC-0512',
      version: line.version,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({
      status: 'paid',
      method: 'cash',
      paidOn: '2026-05-08',
      receiptNumber: 'PC-0512',
      version: line.version + 1,
    });
    const stale = await officer.post(url, { method: 'bank', paidOn: '2026-05-09', version: line.version });
    expect(stale.statusCode).toBe(409);
    const twice = await officer.post(url, {
      method: 'bank',
      paidOn: '2026-05-09',
      version: line.version + 1,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('đã được ghi nhận chi ngày 08/05/2026');
    const after = (await reader.get(`/api/v1/benefits/payment-runs/${body.id}`)).json();
    expect(after.totals.paidVnd).toBe(body.totals.paidVnd + 1_250_000);
    expect(after.totals.paidLines).toBe(body.totals.paidLines + 1);
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', line.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['benefit.payment.pay']);
  });

  it('undoes a payment recorded by mistake, with the reason in the audit log', async () => {
    const e = await enrolled('Mai Anh Tuấn', { startDate: '2026-04-01' });
    const body = (await run(officer, '2026-06')).json();
    const line = lineOf(body, e.enrolmentId)[0]!;
    const base = `/api/v1/benefits/payment-runs/${body.id}/lines/${line.id}`;
    await officer.post(`${base}/pay`, { method: 'bank', paidOn: '2026-06-10', version: line.version });
    const undone = await leader.post(`${base}/unpay`, {
      reason: 'Ghi nhầm người',
      version: line.version + 1,
    });
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({
      status: 'unpaid',
      method: null,
      paidOn: null,
      version: line.version + 2,
    });
    expect(
      (await leader.post(`${base}/unpay`, { reason: 'lại', version: line.version + 2 })).statusCode,
    ).toBe(409);
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select(['action', 'diff'])
      .where('entity_id', '=', line.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['benefit.payment.pay', 'benefit.payment.unpay']);
    expect(audit[1]!.diff).toMatchObject({ _details: { reason: 'Ghi nhầm người' } });
  });

  it('refuses a payment date in the future, a reader, and another ward', async () => {
    const e = await enrolled('Đặng Quốc Bảo', { startDate: '2026-04-01' });
    const body = (await run(officer, '2026-07')).json();
    const line = lineOf(body, e.enrolmentId)[0]!;
    const url = `/api/v1/benefits/payment-runs/${body.id}/lines/${line.id}/pay`;
    const pay = { method: 'cash', paidOn: '2026-07-02', version: line.version };
    const future = await officer.post(url, { ...pay, paidOn: '2099-01-01' });
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain('Ngày chi không thể ở tương lai');
    expect((await reader.post(url, pay)).statusCode).toBe(403);
    expect((await otherWard.post(url, pay)).statusCode).toBe(404);
    const wrongRun = (await run(officer, '2026-04')).json();
    expect(
      (await officer.post(`/api/v1/benefits/payment-runs/${wrongRun.id}/lines/${line.id}/pay`, pay))
        .statusCode,
    ).toBe(404);
  });
});

describe('totals', () => {
  it('groups amounts and paid amounts by month, benefit and budget source', async () => {
    const e = await enrolled('Lý Ngọc Mai', { startDate: '2025-09-01', amountVnd: 750_000 });
    const sept = (await run(officer, '2025-09')).json();
    const line = lineOf(sept, e.enrolmentId)[0]!;
    await officer.post(`/api/v1/benefits/payment-runs/${sept.id}/lines/${line.id}/pay`, {
      method: 'post_office',
      paidOn: '2025-09-15',
      version: line.version,
    });
    const res = await reader.get(`/api/v1/benefits/totals?unit=${commune.code}&from=2025-09&to=2025-09`);
    expect(res.statusCode, res.body).toBe(200);
    const monthly = sept.lines.filter((l: Line & { ruleCode: string }) => l.ruleCode === MONTHLY);
    expect(res.json()).toEqual({
      from: '2025-09',
      to: '2025-09',
      rows: [
        {
          month: '2025-09',
          ruleCode: MONTHLY,
          ruleName: MONTHLY_NAME,
          budgetSource: 'central',
          lines: monthly.length,
          amountVnd: monthly.reduce((s: number, l: Line) => s + l.amountVnd, 0),
          paidVnd: 750_000,
        },
      ],
    });
    const theirs = await otherWard.get(`/api/v1/benefits/totals?from=2025-09&to=2025-09`);
    expect(theirs.json().rows.some((r: { ruleCode: string }) => r.ruleCode === MONTHLY)).toBe(false);
    expect((await reader.get('/api/v1/benefits/totals?from=2026-05&to=2026-01')).statusCode).toBe(400);
  });
});

describe('the signing sheet', () => {
  it('exports the commune’s list as XLSX with title, lines, total and amount in words', async () => {
    const names = ['Nguyễn Thị Hoa', 'Trần Minh Khang'];
    const ids = [];
    for (const name of names) {
      const childId = await child(bimSonOfficer, '14812', name, '2023-05-10');
      ids.push(
        await insertTestEnrolment(env.database.db, {
          childId,
          unitId: bimSon.id,
          ruleCode: MONTHLY,
          startDate: '2023-06-01',
          recipientName: `Mẹ của ${name}`,
          decisions: [{ kind: 'start', effectiveFrom: '2023-06-01', amountVnd: 1_250_000 }],
        }),
      );
    }
    const runRes = await run(bimSonOfficer, '2023-06', '14812');
    expect(runRes.statusCode, runRes.body).toBeLessThan(202);
    const body = runRes.json();
    const res = await bimSonOfficer.get(`/api/v1/benefits/payment-runs/${body.id}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="danh-sach-chi-tra-14812-2023-06.xlsx"',
    );

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const texts: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        texts.push(String(cell.text));
      }),
    );
    expect(texts).toContain('ỦY BAN NHÂN DÂN');
    expect(texts).toContain('PHƯỜNG BỈM SƠN');
    expect(texts).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(texts).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(texts).toContain('DANH SÁCH CHI TRẢ TRỢ CẤP XÃ HỘI THÁNG 06/2023');
    for (const name of names) expect(texts).toContain(name);
    expect(texts).toContain('10/05/2023');
    expect(texts).toContain('Tổng cộng');
    expect(texts).toContain(`Bằng chữ: ${vndInWords(body.totals.amountVnd)}./.`);
    for (const title of ['Người lập biểu', 'Kế toán', 'Chủ tịch UBND']) expect(texts).toContain(title);

    const headerRow = sheet.getRow(6);
    expect(headerRow.getCell(1).text).toBe('STT');
    expect(headerRow.getCell(7).text).toBe('Ký nhận');
    const totalRow = 6 + body.lines.length + 1;
    const total = sheet.getCell(`F${totalRow}`);
    expect(total.formula).toBe(`SUM(F7:F${totalRow - 1})`);
    expect(total.result).toBe(body.totals.amountVnd);
    expect(sheet.getCell('F7').numFmt).toBe('#,##0');
    expect(sheet.getCell('F7').value).toBe(body.lines[0].amountVnd);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1 });
    expect(sheet.pageSetup.printTitlesRow).toBe('6:6');

    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', body.id)
      .where('action', '=', 'benefit.payment_run.export')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
