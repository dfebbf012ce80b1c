import { defaultCfCatalogue, vietnamToday } from '@tuoitho/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, agentFor, createTestApp, type TestEnv } from '../../../test/harness';

let env: TestEnv;
let commune: Agent; // ward 14812, self-assessment
let otherCommune: Agent; // ward 14818
let province: Agent; // Thanh Hóa (38), review
let admin: Agent;
let caseOfficer: Agent; // 14818 cases
let caseLeader: Agent;

const BASE = '/api/v1/child-friendly';
const YEAR = Number(vietnamToday().slice(0, 4));

async function unitId(code: string): Promise<number> {
  const row = await sql<{
    id: number;
  }>`SELECT id FROM admin_unit WHERE code = ${code} AND valid_to IS NULL`.execute(env.database.db);
  return Number(row.rows[0]?.id);
}

/** A child inserted straight into the registry (the API would add nothing this test needs). */
async function insertChild(
  unitCode: string,
  opts: { born: string; registered: boolean | null; status?: string; statusChangedAt?: string },
): Promise<string> {
  const row = await sql<{ id: string }>`
    INSERT INTO child (unit_id, full_name, sex, date_of_birth, birth_reference_date, birth_registration, status, status_changed_at)
    VALUES (${await unitId(unitCode)}, 'Trẻ thử nghiệm', 'female', ${opts.born}, ${opts.born}::date,
            ${opts.registered === null ? null : JSON.stringify({ registered: opts.registered })}::jsonb,
            ${opts.status ?? 'active'}, ${opts.statusChangedAt ?? null}::timestamptz)
    RETURNING id`.execute(env.database.db);
  return row.rows[0]?.id ?? '';
}

beforeAll(async () => {
  env = await createTestApp();
  ({ agent: commune } = await agentFor(env, { unitCode: '14812', permissions: ['childfriendly.assess'] }));
  ({ agent: otherCommune } = await agentFor(env, {
    unitCode: '14818',
    permissions: ['childfriendly.assess'],
  }));
  ({ agent: province } = await agentFor(env, { unitCode: '38', permissions: ['childfriendly.review'] }));
  ({ agent: admin } = await agentFor(env, { unitCode: 'VN', permissions: ['catalogs.manage'] }));
  ({ agent: caseOfficer } = await agentFor(env, {
    unitCode: '14818',
    permissions: ['registry.read', 'registry.write', 'cases.read', 'cases.content.read', 'cases.write'],
  }));
  ({ agent: caseLeader } = await agentFor(env, {
    unitCode: '14818',
    permissions: ['cases.read', 'cases.content.read', 'cases.approve'],
  }));
});
afterAll(() => env.close());

type Value = {
  code: string;
  value: number | null;
  system: { value: number | null; numerator: number | null; denominator: number | null } | null;
};
const indicatorValue = (assessment: { values: Value[] }, code: string) => {
  const found = assessment.values.find((v) => v.code === code);
  if (!found) throw new Error(code);
  return found;
};

describe('catalogue and settings', () => {
  it('serves the seeded catalogue of 13 criteria and 1000 points, editable by administrators only', async () => {
    const res = await commune.get(`${BASE}/catalogue`);
    expect(res.statusCode).toBe(200);
    const catalogue = res.json();
    expect(catalogue.criteria).toHaveLength(13);
    expect(catalogue.canEdit).toBe(false);
    expect(catalogue.criteria.reduce((s: number, c: { maxPoints: number }) => s + c.maxPoints, 0)).toBe(1000);

    const criteria = structuredClone(defaultCfCatalogue.criteria);
    const c1 = criteria[0];
    if (!c1?.indicators[0]) throw new Error('catalogue');
    c1.indicators[0].maxPoints = 40;
    const refused = await admin.put(`${BASE}/catalogue`, { version: catalogue.version, criteria });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('body.criteria.0.indicators.1.1');
    expect(
      (await commune.put(`${BASE}/catalogue`, { version: catalogue.version, criteria })).statusCode,
    ).toBe(403);
  });

  it('defaults the recognising level to the province', async () => {
    const res = await commune.get(`${BASE}/settings`);
    expect(res.json()).toMatchObject({ recognisingLevel: 'province', canEdit: false });
  });
});

describe('system figures', () => {
  it('fills birth registration, special circumstances and injuries from live data', async () => {
    const born = `${YEAR - 5}-03-01`;
    const registered = await insertChild('14812', { born, registered: true });
    const supported = await insertChild('14812', { born, registered: true });
    await insertChild('14812', { born, registered: false });
    await insertChild('14812', { born, registered: null });
    // Not counted: moved away before this year, too old, or in another ward.
    await insertChild('14812', {
      born,
      registered: false,
      status: 'moved_away',
      statusChangedAt: `${YEAR - 1}-01-05T00:00:00Z`,
    });
    await insertChild('14812', { born: `${YEAR - 20}-01-01`, registered: false });
    await insertChild('14818', { born, registered: false });
    // Special circumstances: one with a benefit enrolment in force, one without any support.
    const db = env.database.db;
    for (const child of [registered, supported])
      await sql`INSERT INTO child_special_circumstance (child_id, group_code, start_date)
                VALUES (${child}, 'a', ${`${YEAR - 1}-01-01`}::date)`.execute(db);
    await sql`INSERT INTO benefit_enrolment (child_id, unit_id, rule_code, status, start_date, amount_vnd,
                recipient_kind, recipient_name, payment_method)
              VALUES (${supported}, ${await unitId('14812')}, 'tc_nd20_mo_coi', 'active', ${`${YEAR - 1}-06-01`}::date,
                      1000000, 'caregiver', 'Người nhận', 'cash')`.execute(db);
    // Injuries of the year: two in the ward, one in another ward.
    for (const [unit, cause] of [
      ['14812', 'fall'],
      ['14812', 'traffic'],
      ['14818', 'fall'],
    ] as const)
      await sql`INSERT INTO incident (unit_id, occurred_at, cause, place_type, age, outcome)
                VALUES (${await unitId(unit)}, ${`${YEAR}-02-01T10:00:00+07:00`}::timestamptz, ${cause}, 'home', 7, 'minor_injury')`.execute(
        db,
      );

    const res = await commune.post(`${BASE}/assessments`, { year: YEAR });
    expect(res.statusCode, res.body).toBe(201);
    const assessment = res.json();
    expect(assessment).toMatchObject({
      unitCode: '14812',
      year: YEAR,
      status: 'draft',
      category: 'other',
      threshold: 850,
    });
    // 2 registered of 4 children living in the ward.
    expect(indicatorValue(assessment, '2.1').system).toMatchObject({
      value: 50,
      numerator: 2,
      denominator: 4,
    });
    expect(indicatorValue(assessment, '2.1').value).toBe(50);
    // 1 supported of 2 children in special circumstances.
    expect(indicatorValue(assessment, '6.1').system).toMatchObject({
      value: 50,
      numerator: 1,
      denominator: 2,
    });
    expect(indicatorValue(assessment, '5.1').system).toMatchObject({ value: 2 });
    // No abuse case: nothing to measure, full points by the no-case rule.
    expect(indicatorValue(assessment, '6.2').system).toMatchObject({ value: null, denominator: 0 });
    const c6 = assessment.score.criteria.find((c: { number: number }) => c.number === 6);
    expect(c6.indicators).toEqual([
      { code: '6.1', points: 0, maxPoints: 50, missing: false },
      { code: '6.2', points: 75, maxPoints: 75, missing: false },
    ]);
    // Bands: 2 injuries → 35 points.
    expect(assessment.score.criteria[4].indicators[0]).toMatchObject({ code: '5.1', points: 35 });

    // A second assessment of the same year is refused.
    expect((await commune.post(`${BASE}/assessments`, { year: YEAR })).statusCode).toBe(409);
  });

  it('counts abuse cases whose plan was approved on time', async () => {
    const act = async (
      agent: Agent,
      kase: { id: string; version: number },
      action: Record<string, unknown>,
    ) => {
      const res = await agent.post(`/api/v1/cases/${kase.id}/actions`, { version: kase.version, ...action });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const openAndApprove = async (receivedAt: string, concerns: string[]) => {
      const opened = await caseOfficer.post('/api/v1/cases', {
        child: { fullName: 'Lê Thị Hoa', sex: 'female', dateOfBirth: `${YEAR - 9}-05-05` },
        unitCode: '14818',
        source: 'hotline_111',
        concerns,
        urgency: 'urgent',
        receivedAt,
        summary: 'Nội dung thử nghiệm',
      });
      expect(opened.statusCode, opened.body).toBe(201);
      let kase = opened.json();
      kase = await act(caseOfficer, kase, {
        type: 'initial_assessment',
        riskLevel: 'medium',
        isEmergency: false,
        protectionLevel: 'ho_tro',
        harm: 'Tổn hại',
      });
      kase = await act(caseOfficer, kase, {
        type: 'detailed_assessment',
        riskLevel: 'medium',
        needs: ['Tư vấn'],
        meetingOn: null,
      });
      kase = await act(caseOfficer, kase, {
        type: 'plan_drafted',
        measures: [{ id: 'm1', description: 'Tư vấn', responsible: 'Cán bộ', service: null, dueDate: null }],
      });
      kase = await act(caseOfficer, kase, { type: 'plan_submitted' });
      await act(caseLeader, kase, {
        type: 'plan_approved',
        decisionNumber: '1/QĐ-UBND',
        decisionDate: `${YEAR}-01-20`,
      });
    };
    const recent = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    await openAndApprove(recent, ['sexual_abuse']); // approved within the hour: on time
    await openAndApprove(`${YEAR}-01-05T09:00:00+07:00`, ['abandonment']); // approved months later: late
    await openAndApprove(recent, ['physical_violence']); // not a concern of indicator 6.2

    const res = await otherCommune.post(`${BASE}/assessments`, { year: YEAR });
    expect(res.statusCode, res.body).toBe(201);
    expect(indicatorValue(res.json(), '6.2').system).toMatchObject({
      value: 50,
      numerator: 1,
      denominator: 2,
    });
  });
});

/** Values giving every indicator its full points (system figures overridden with a note). */
function fullMarks(assessment: { catalogue: typeof defaultCfCatalogue; values: Value[] }) {
  return assessment.catalogue.criteria.flatMap((c) =>
    c.indicators.map((i) => {
      const rule = i.rule;
      if (rule.kind === 'yes_no') return { code: i.code, yes: true };
      if (rule.kind === 'manual') return { code: i.code, points: i.maxPoints };
      const best = rule.direction === 'at_least' ? Math.max(...rule.bands.map((b) => b.threshold)) : 0;
      return {
        code: i.code,
        value: best,
        note: 'Số liệu theo báo cáo của trạm y tế',
        evidenceNote: 'Báo cáo số 5',
      };
    }),
  );
}

describe('workflow and scope', () => {
  let id: string;
  let version: number;

  it('hides a ward’s assessment from another ward (404)', async () => {
    const list = await commune.get(`${BASE}/assessments?year=${YEAR}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    ({ id, version } = list.json().items[0]);
    expect((await otherCommune.get(`${BASE}/assessments/${id}`)).statusCode).toBe(404);
    expect((await province.get(`${BASE}/assessments/${id}`)).statusCode).toBe(200);
  });

  it('requires a note to override a system figure and refuses stale versions', async () => {
    const noNote = await commune.put(`${BASE}/assessments/${id}`, {
      version,
      values: [{ code: '2.1', value: 100 }],
    });
    expect(noNote.statusCode).toBe(422);
    expect(noNote.body).toContain('values.0.note');
    const first = await commune.get(`${BASE}/assessments/${id}`);
    const saved = await commune.put(`${BASE}/assessments/${id}`, {
      version,
      values: fullMarks(first.json()),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const body = saved.json();
    expect(body.score).toMatchObject({ total: 1000, passed: true, failures: [], missing: [] });
    expect(indicatorValue(body, '2.1')).toMatchObject({
      value: 100,
      overridden: true,
      system: { value: 50 },
    });
    expect((await commune.put(`${BASE}/assessments/${id}`, { version, values: [] })).statusCode).toBe(409);
    version = body.version;
  });

  it('submits, returns, resubmits and recognises with a decision', async () => {
    let res = await commune.post(`${BASE}/assessments/${id}/submit`, { version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', canEdit: false });
    version = res.json().version;

    expect(
      (await commune.post(`${BASE}/assessments/${id}/review`, { version, action: 'return', reason: 'x' }))
        .statusCode,
    ).toBe(403);
    const provinceEdit = await province.put(`${BASE}/assessments/${id}`, { version, values: [] });
    expect(provinceEdit.statusCode).toBe(409);
    expect(provinceEdit.body).toContain('cf-not-editable');
    expect((await commune.put(`${BASE}/assessments/${id}`, { version, values: [] })).statusCode).toBe(409);

    res = await province.get(`${BASE}/assessments/${id}`);
    expect(res.json().canReview).toBe(true);
    res = await province.post(`${BASE}/assessments/${id}/review`, {
      version,
      action: 'return',
      reason: 'Bổ sung minh chứng tiêu chí 12',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'returned',
      returnReason: 'Bổ sung minh chứng tiêu chí 12',
      canEdit: false,
    });
    version = res.json().version;

    res = await commune.put(`${BASE}/assessments/${id}`, {
      version,
      values: [{ code: '12.2', yes: true, evidenceNote: 'Ảnh sân chơi' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().canEdit).toBe(true);
    res = await commune.post(`${BASE}/assessments/${id}/submit`, { version: res.json().version });
    expect(res.json().status).toBe('submitted');
    version = res.json().version;

    res = await province.post(`${BASE}/assessments/${id}/review`, {
      version,
      action: 'review',
      note: 'Hồ sơ đầy đủ',
    });
    expect(res.json().status).toBe('reviewed');
    version = res.json().version;
    res = await province.post(`${BASE}/assessments/${id}/review`, {
      version,
      action: 'recognise',
      decisionNumber: '125/QĐ-UBND',
      decisionDate: `${YEAR}-11-20`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'recognised',
      decisionNumber: '125/QĐ-UBND',
      decisionDate: `${YEAR}-11-20`,
      passed: true,
      total: 1000,
    });
    expect(res.json().history.map((e: { action: string }) => e.action)).toEqual([
      'created',
      'updated',
      'submitted',
      'returned',
      'updated',
      'submitted',
      'reviewed',
      'recognised',
    ]);
    const audit = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM audit_log WHERE entity_id = ${id}`.execute(env.database.db);
    expect(Number(audit.rows[0]?.n)).toBe(8);
  });

  it('refuses to recognise an assessment that does not pass', async () => {
    const list = await otherCommune.get(`${BASE}/assessments?year=${YEAR}`);
    const other = list.json().items[0];
    const submitted = await otherCommune.post(`${BASE}/assessments/${other.id}/submit`, {
      version: other.version,
    });
    const res = await province.post(`${BASE}/assessments/${other.id}/review`, {
      version: submitted.json().version,
      action: 'recognise',
      decisionNumber: '1/QĐ',
      decisionDate: `${YEAR}-11-20`,
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('cf-not-passed');
  });

  it('compares communes across years', async () => {
    const res = await province.get(`${BASE}/comparison?unit=38&yearFrom=${YEAR - 1}&yearTo=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.years).toEqual([YEAR - 1, YEAR]);
    const ward = body.units.find((u: { unitCode: string }) => u.unitCode === '14812');
    expect(ward.cells).toEqual([
      { year: YEAR - 1, assessmentId: null, status: null, total: null, passed: null },
      { year: YEAR, assessmentId: id, status: 'recognised', total: 1000, passed: true },
    ]);
    const other = body.units.find((u: { unitCode: string }) => u.unitCode === '14818');
    expect(other.cells[1]).toMatchObject({ status: 'submitted', passed: false });
    // A ward compares only itself.
    const own = await commune.get(`${BASE}/comparison?yearFrom=${YEAR}&yearTo=${YEAR}`);
    expect(own.json().units.map((u: { unitCode: string }) => u.unitCode)).toEqual(['14812']);
  });
});
