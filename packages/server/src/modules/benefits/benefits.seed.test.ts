import {
  amountForMonth,
  type BenefitCatalogue,
  benefitGapsOf,
  defaultBenefitCatalogue,
  type EnrolmentFact,
  type EnrolmentTerms,
  eligibilityAt,
  vnDateOf,
} from '@tuoitho/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/harness';
import { prepareDatabase } from '../../app';
import { verifyAuditChain } from '../../platform/audit/audit';
import type { Database } from '../../platform/db/database';
import { seedDemoChildren } from '../children/children.seed';
import { ensureBenefitCatalogue, loadBenefitCatalogue } from './benefits.catalogue';
import {
  DEMO_BENEFITS_SEED,
  type DemoBenefitsChild,
  type DemoBenefitsResult,
  loadDemoBenefitChildren,
  planDemoBenefits,
  seedDemoBenefits,
} from './benefits.seed';

/** A fixed "now" (Saturday 28/11/2026, 10:00 in Viet Nam) so the test does not depend on the day. */
const NOW = new Date('2026-11-28T03:00:00Z');
const TODAY = vnDateOf(NOW);
/** Fewer children than the demo's 14,000, enough for a few dozen allowances. */
const SMALL_WARDS = [
  { code: '14812', count: 3000 },
  { code: '14818', count: 2000 },
];
const MONTHS = Array.from({ length: 24 }, (_, i) => {
  const index = 2024 * 12 + 10 + i; // 2024-11 … 2026-10
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
});

let database: Database & { dispose(): Promise<void> };
let result: DemoBenefitsResult;
type EnrolmentRow = Awaited<ReturnType<typeof loadEnrolments>>[number];
let enrolments: EnrolmentRow[] = [];

async function loadEnrolments() {
  const rows = await database.db
    .selectFrom('benefit_enrolment as e')
    .innerJoin('admin_unit as u', 'u.id', 'e.unit_id')
    .select([
      'e.id',
      'e.child_id',
      'u.code as unit_code',
      'e.rule_code',
      'e.status',
      'e.start_date',
      'e.end_date',
      'e.amount_vnd',
      'e.recipient_name',
      'e.payment_method',
    ])
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
  const events = await database.db
    .selectFrom('benefit_enrolment_event')
    .selectAll()
    .orderBy('effective_from')
    .execute();
  return rows.map((r) => {
    const own = events.filter((e) => e.enrolment_id === r.id);
    const terms: EnrolmentTerms = {
      startDate: r.start_date,
      endDate: r.end_date,
      events: own.map((e) => ({
        kind: e.kind,
        effectiveFrom: e.effective_from,
        amountVnd: e.amount_vnd === null ? null : Number(e.amount_vnd),
      })),
    };
    return { ...r, amountVnd: Number(r.amount_vnd), events: own, terms };
  });
}

/** The gaps of the monthly allowances at TODAY, as the gap list computes them. */
function monthlyGapCounts(
  catalogue: BenefitCatalogue,
  children: DemoBenefitsChild[],
  activeOf: (childId: string) => EnrolmentFact[],
) {
  const monthlyRules = new Set(
    catalogue.rules.filter((r) => r.kind === 'monthly_allowance').map((r) => r.code),
  );
  const counts = { eligible_not_enrolled: 0, amount_differs: 0, enrolled_not_eligible: 0 };
  for (const child of children) {
    const eligibilities = eligibilityAt(child.facts, TODAY, catalogue).filter((e) =>
      monthlyRules.has(e.ruleCode),
    );
    for (const gap of benefitGapsOf(eligibilities, activeOf(child.id), catalogue)) counts[gap.kind]++;
  }
  return counts;
}

async function demoUnits() {
  const units = await database.db
    .selectFrom('admin_unit')
    .select(['id', 'code'])
    .where('code', 'in', ['14812', '14818'])
    .where('valid_to', 'is', null)
    .execute();
  return units.map((u) => ({ ...u, provinceCode: '38' }));
}

beforeAll(async () => {
  database = await openTestDatabase();
  await ensureBenefitCatalogue(database.db, defaultBenefitCatalogue);
  await seedDemoChildren({ db: database.db }, { referenceDate: TODAY, units: SMALL_WARDS });
  result = await seedDemoBenefits({ db: database.db }, { now: NOW });
  enrolments = await loadEnrolments();
}, 180_000);
afterAll(() => database.dispose());

describe('demo benefits', () => {
  it('enrols most eligible children of both wards, with realistic decisions', () => {
    console.info(`demo benefits: ${JSON.stringify(result)}`);
    expect(result).toMatchObject({ skipped: false });
    expect(enrolments).toHaveLength(result.enrolments);
    expect(result.enrolments).toBeGreaterThanOrEqual(Math.floor(result.eligibleToday * 0.8));
    expect(new Set(enrolments.map((e) => e.unit_code))).toEqual(new Set(['14812', '14818']));
    for (const e of enrolments) {
      const [start, ...rest] = e.events;
      expect(start?.kind).toBe('start');
      expect(start?.effective_from).toBe(e.start_date);
      expect(e.amountVnd).toBe(
        Number([...e.events].reverse().find((ev) => ev.amount_vnd !== null)!.amount_vnd),
      );
      expect(e.status).toBe(e.end_date === null ? 'active' : 'ended');
      for (const ev of [start!, ...rest]) {
        expect(ev.decision_number).toMatch(/^\d+\/QĐ-UBND$/);
        expect(ev.decision_date < ev.effective_from || ev.kind === 'terminate').toBe(true);
        const ward =
          e.unit_code === '14812' ? 'Chủ tịch UBND phường Bỉm Sơn' : 'Chủ tịch UBND phường Quang Trung';
        expect(ev.signer_title).toBe(
          ev.decision_date >= '2025-07-01' ? ward : 'Chủ tịch UBND thị xã Bỉm Sơn',
        );
      }
    }
    // The base level of 01/07/2024 was decided for (nearly) every enrolment running then.
    const runningThen = enrolments.filter((e) => e.start_date < '2024-07-01' && e.end_date === null);
    const adjusted = runningThen.filter((e) =>
      e.events.some((ev) => ev.kind === 'adjust' && ev.effective_from === '2024-07-01'),
    );
    expect(adjusted.length).toBeGreaterThanOrEqual(runningThen.length - 3);
  });

  it('has 24 monthly runs per ward whose lines are exactly what the enrolments are due', async () => {
    const runs = await database.db
      .selectFrom('benefit_payment_run as r')
      .innerJoin('admin_unit as u', 'u.id', 'r.unit_id')
      .select(['r.id', 'r.month', 'u.code'])
      .execute();
    for (const ward of ['14812', '14818']) {
      expect(
        runs
          .filter((r) => r.code === ward)
          .map((r) => r.month)
          .sort(),
      ).toEqual(MONTHS);
    }
    const lines = await database.db.selectFrom('benefit_payment').selectAll().execute();
    expect(lines).toHaveLength(result.payments);
    const byKey = new Map<string, (typeof lines)[number]>();
    for (const line of lines) {
      const key = `${line.enrolment_id}/${line.month}`;
      expect(byKey.has(key), key).toBe(false);
      byKey.set(key, line);
    }
    const runById = new Map(runs.map((r) => [r.id, r]));
    const budgetOf = new Map(defaultBenefitCatalogue.rules.map((r) => [r.code, r.budgetSource]));
    let due = 0;
    for (const e of enrolments) {
      for (const month of MONTHS) {
        const amount = amountForMonth(e.terms, month);
        const line = byKey.get(`${e.id}/${month}`);
        if (amount === null) {
          expect(line, `${e.id}/${month}`).toBeUndefined();
          continue;
        }
        due++;
        expect(line, `${e.id}/${month}`).toBeDefined();
        expect(Number(line!.amount_vnd)).toBe(amount);
        expect(line!.rule_code).toBe(e.rule_code);
        expect(line!.budget_source).toBe(budgetOf.get(e.rule_code));
        expect(line!.recipient_name).toBe(e.recipient_name);
        expect(runById.get(line!.run_id)).toMatchObject({ month, code: e.unit_code });
        if (line!.status === 'paid') {
          expect(line!.method).toBe(e.payment_method);
          expect(line!.paid_on!.slice(0, 7)).toBe(month);
          expect(line!.receipt_number).toMatch(new RegExp(`^PC-${month}-\\d{4}$`));
        }
      }
    }
    expect(due).toBe(lines.length);
    const unpaid = lines.filter((l) => l.status === 'unpaid');
    expect(unpaid.length).toBeGreaterThan(0);
    expect(unpaid.every((l) => l.month === '2026-10')).toBe(true);
    expect(lines.some((l) => l.month === '2026-10' && l.status === 'paid')).toBe(true);
  });

  it('leaves every kind of gap at least once, as planned', async () => {
    const catalogue = await loadBenefitCatalogue(database.db);
    const children = await loadDemoBenefitChildren(database.db, await demoUnits());
    const monthlyRules = new Set(
      catalogue.rules.filter((r) => r.kind === 'monthly_allowance').map((r) => r.code),
    );
    const counts = { eligible_not_enrolled: 0, amount_differs: 0, enrolled_not_eligible: 0 };
    const enrolledChildren = new Set(enrolments.map((e) => e.child_id));
    expect([...enrolledChildren].every((id) => children.some((c) => c.id === id))).toBe(true);
    // The amount of each start decision is the rule's at the start date (the 1–2 enrolments the
    // registry does not support aside).
    let unsupported = 0;
    for (const e of enrolments) {
      const child = children.find((c) => c.id === e.child_id)!;
      const amounts = eligibilityAt(child.facts, e.start_date, catalogue)
        .filter((el) => monthlyRules.has(el.ruleCode))
        .map((el) => el.amountVnd);
      if (amounts.length === 0) unsupported++;
      else expect(Number(e.events[0]!.amount_vnd)).toBe(Math.max(...amounts.map(Number)));
    }
    expect(unsupported).toBeLessThanOrEqual(2);
    Object.assign(
      counts,
      monthlyGapCounts(catalogue, children, (id) =>
        enrolments
          .filter((e) => e.child_id === id && e.status === 'active')
          .map((e) => ({
            id: e.id,
            ruleCode: e.rule_code,
            amountVnd: e.amountVnd,
            startDate: e.start_date,
            endDate: e.end_date,
          })),
      ),
    );
    console.info(`gaps at ${TODAY}: ${JSON.stringify(counts)}`);
    expect(counts).toEqual({
      eligible_not_enrolled: result.gaps.eligibleNotEnrolled,
      amount_differs: result.gaps.amountDiffers,
      enrolled_not_eligible: result.gaps.enrolledNotEligible,
    });
    expect(counts.eligible_not_enrolled).toBeGreaterThanOrEqual(1);
    expect(counts.amount_differs).toBeGreaterThanOrEqual(2);
    expect(counts.enrolled_not_eligible).toBeGreaterThanOrEqual(1);
  });

  it('plans exactly the gaps it reports, whatever the seed and the order of the children', async () => {
    const catalogue = await loadBenefitCatalogue(database.db);
    const children = await loadDemoBenefitChildren(database.db, await demoUnits());
    for (const [seed, order] of [
      [1, children],
      [2, [...children].reverse()],
      [3, children],
      [4, [...children].reverse()],
      [5, children],
    ] as const) {
      const plan = planDemoBenefits({ seed, today: TODAY, catalogue, children: order });
      const counts = monthlyGapCounts(catalogue, children, (id) =>
        plan.enrolments.flatMap((e, i) =>
          e.childId === id && e.endDate === null
            ? [
                {
                  id: String(i),
                  ruleCode: e.ruleCode,
                  amountVnd: e.amountVnd,
                  startDate: e.startDate,
                  endDate: null,
                },
              ]
            : [],
        ),
      );
      expect(counts, `seed ${seed}`).toEqual({
        eligible_not_enrolled: plan.notEnrolled.length,
        amount_differs: plan.enrolments.filter((e) => e.gap === 'amount_differs').length,
        enrolled_not_eligible: plan.enrolments.filter((e) => e.gap === 'enrolled_not_eligible').length,
      });
    }
  });

  it('is deterministic: the same children and today give the same plan', async () => {
    const catalogue = await loadBenefitCatalogue(database.db);
    const children = await loadDemoBenefitChildren(database.db, await demoUnits());
    const input = { seed: DEMO_BENEFITS_SEED, today: TODAY, catalogue, children };
    const first = planDemoBenefits(input);
    expect(planDemoBenefits(input)).toEqual(first);
    const stored = [...enrolments].sort((a, b) => a.child_id.localeCompare(b.child_id));
    const planned = [...first.enrolments].sort((a, b) => a.childId.localeCompare(b.childId));
    expect(planned.map((e) => [e.childId, e.ruleCode, e.startDate, e.amountVnd])).toEqual(
      stored.map((e) => [e.child_id, e.rule_code, e.start_date, e.amountVnd]),
    );
    const other = planDemoBenefits({ ...input, seed: DEMO_BENEFITS_SEED + 1 });
    expect(other.enrolments.map((e) => e.startDate)).not.toEqual(first.enrolments.map((e) => e.startDate));
  });

  it('writes one audit row, and a second call adds nothing', async () => {
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('action', 'like', 'benefits.%')
      .execute();
    expect(audit).toEqual([{ action: 'benefits.seed_demo' }]);
    const again = await seedDemoBenefits({ db: database.db }, { now: NOW });
    expect(again).toMatchObject({ skipped: true, reason: 'enrolments_exist', enrolments: 0 });
    expect(await loadEnrolments()).toHaveLength(enrolments.length);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('is seeded by prepareDatabase only in demo mode with the demo children', async () => {
    const fresh = await openTestDatabase();
    try {
      expect((await prepareDatabase(fresh, { demo: true, demoChildren: false })).demoBenefits).toBeNull();
      expect((await prepareDatabase(fresh, { demo: false })).demoBenefits).toBeNull();
      const count = await fresh.db
        .selectFrom('benefit_enrolment')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
    } finally {
      await fresh.dispose();
    }
  });
});
