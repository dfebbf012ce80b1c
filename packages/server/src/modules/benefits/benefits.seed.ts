import {
  addCalendarDays,
  amountForMonth,
  type BenefitCatalogue,
  type BenefitRule,
  type Caregiver,
  type Child,
  caregiverRelationshipLabels,
  type Eligibility,
  type EligibilityFacts,
  eligibilityAt,
  eligibilityFactsOf,
  formatVnd,
  type PaymentMethod,
  vietnamToday,
  vnInstant,
} from '@tuoitho/domain';
import { type Kysely, sql } from 'kysely';
import { writeAuditInTx } from '../../platform/audit/audit';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/http/route';
import { toChild } from '../children/children.mapping';
import { CHILD_SELECT_COLUMNS, ChildrenRepo } from '../children/children.repo';
import { deriveSeed, Random } from '../children/generate-data/random';
import { loadBenefitCatalogue } from './benefits.catalogue';

/**
 * Demo data of the benefits module: monthly-allowance enrolments of the demo children who qualify
 * (Decree 20/2021), with their decisions, and 24 monthly payment runs per ward up to last month.
 * A few gaps are left on purpose (an eligible child not enrolled, amounts not adjusted, an
 * enrolment not terminated) so that the gap list has something to show. Registry data is never
 * changed: who qualifies is what the eligibility engine finds in the demo registry.
 */

/** Seed of the demo benefits: fixed, so every demo installation shows the same decisions. */
export const DEMO_BENEFITS_SEED = 2024;

/** Months of payment runs per ward, up to the month before today. */
export const DEMO_PAYMENT_MONTHS = 24;

/** The demo wards, the officer who records, and the ward chairman who decides since 01/7/2025. */
export const DEMO_BENEFIT_UNITS = [
  {
    code: '14812',
    officer: 'bimson.canbo',
    signer: { name: 'Nguyễn Văn Bình', title: 'Chủ tịch UBND phường Bỉm Sơn' },
  },
  {
    code: '14818',
    officer: 'quangtrung.canbo',
    signer: { name: 'Lê Văn Quang', title: 'Chủ tịch UBND phường Quang Trung' },
  },
] as const;

/**
 * Before 01/7/2025 (Decree 147/2025 moved the decision to the commune) the chairman of the
 * district, thị xã Bỉm Sơn, decided on social allowances. A fictitious name.
 */
const DISTRICT_SIGNER = { name: 'Trịnh Văn Hòa', title: 'Chủ tịch UBND thị xã Bỉm Sơn' };
const COMMUNE_DECIDES_FROM = '2025-07-01';

/** Rows per INSERT statement (at most 15 parameters each: far below the 65,535 limit). */
const INSERT_BATCH = 500;
/** Share of children eligible today who are enrolled (the rest: "eligible, not enrolled"). */
const ENROLLED_TODAY_SHARE = 0.95;
/** Share of children eligible only earlier in the window who were enrolled (then terminated). */
const ENROLLED_PAST_SHARE = 0.75;
/** Share of the lines of the last month still unpaid. */
const LAST_MONTH_UNPAID_SHARE = 0.35;
/** How far back an enrolment of a child already eligible before the window may start. */
const MAX_HISTORY_MONTHS = 60;

export type DemoBenefitsChild = {
  id: string;
  unitCode: string;
  fullName: string;
  facts: EligibilityFacts;
  caregivers: readonly Caregiver[];
};

type PlannedEvent = {
  kind: 'start' | 'adjust' | 'terminate';
  effectiveFrom: string;
  amountVnd: number | null;
  decisionDate: string;
  reason: string | null;
  decisionNumber: string;
  signerName: string;
  signerTitle: string;
};

/** Which gap an enrolment was made to show, if any. */
export type PlannedGap = 'amount_differs' | 'enrolled_not_eligible' | null;

export type PlannedEnrolment = {
  childId: string;
  unitCode: string;
  ruleCode: string;
  budgetSource: string;
  startDate: string;
  endDate: string | null;
  amountVnd: number;
  recipient: { kind: 'child' | 'caregiver'; fullName: string; relationship: string | null };
  paymentMethod: PaymentMethod;
  events: PlannedEvent[];
  gap: PlannedGap;
};

export type PlannedPayment = {
  unitCode: string;
  month: string;
  /** Index in `enrolments`. */
  enrolment: number;
  amountVnd: number;
  ruleCode: string;
  budgetSource: string;
  recipientName: string;
  paidOn: string | null;
  receiptNumber: string | null;
};

export type DemoBenefitsPlan = {
  months: string[];
  enrolments: PlannedEnrolment[];
  runs: Array<{ unitCode: string; month: string; createdOn: string }>;
  payments: PlannedPayment[];
  /** Children with a monthly allowance at some date of the window, and those eligible today. */
  eligibleChildren: number;
  eligibleToday: number;
  /** Eligible today and left without an enrolment on purpose. */
  notEnrolled: string[];
};

// ------------------------------------------------------------------ dates

const monthOf = (date: string) => date.slice(0, 7);
const firstOf = (month: string) => `${month}-01`;
function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
const monthsBetween = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
  Number(to.slice(5, 7)) -
  Number(from.slice(5, 7));
const vnDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

// ------------------------------------------------------------------ plan

/** The monthly allowance of a child at a date: the highest if several (exclusive groups). */
function allowanceAt(facts: EligibilityFacts, at: string, catalogue: BenefitCatalogue) {
  let best: Eligibility | undefined;
  for (const e of eligibilityAt(facts, at, catalogue)) {
    if (e.kind !== 'monthly_allowance' || e.periodicity !== 'monthly' || e.amountVnd === null) continue;
    if (!best || e.amountVnd > (best.amountVnd ?? 0)) best = e;
  }
  return best;
}

/** A rule's coefficient amount at a date, whether or not the child fits (for a mistaken enrolment). */
function ruleAmountAt(catalogue: BenefitCatalogue, rule: BenefitRule, provinceCode: string, at: string) {
  if (rule.amount.type === 'fixed') return rule.amount.amountVnd;
  if (rule.amount.type !== 'coefficient') return null;
  const levels = catalogue.baseLevels.filter(
    (l) => l.validFrom <= at && (l.validTo === null || l.validTo >= at),
  );
  const level = levels.find((l) => l.provinceCode === provinceCode) ?? levels.find((l) => !l.provinceCode);
  return level ? Math.round(rule.amount.coefficient * level.amountVnd) : null;
}

function recipientOf(random: Random, child: DemoBenefitsChild, startDate: string) {
  const carer = child.caregivers.find((c) => c.isGuardian) ?? child.caregivers[0];
  // A child of 15 sometimes receives the money; a small child always through the caregiver.
  const isOld = Number(startDate.slice(0, 4)) - Number(child.facts.dateOfBirth.slice(0, 4)) >= 15;
  if (!carer || (isOld && random.chance(0.3))) {
    return { kind: 'child' as const, fullName: child.fullName, relationship: null };
  }
  return {
    kind: 'caregiver' as const,
    fullName: carer.fullName,
    relationship: caregiverRelationshipLabels[carer.relationship]?.vi ?? null,
  };
}

type Change = Omit<PlannedEvent, 'decisionNumber' | 'signerName' | 'signerTitle' | 'decisionDate'>;

/**
 * The decisions of an enrolment from `start` to `today` as the officer would have recorded them:
 * an adjustment at each change of the amount (new base level, 4th birthday) and the termination
 * when the child stops qualifying.
 */
function changesAfter(
  child: DemoBenefitsChild,
  start: string,
  today: string,
  catalogue: BenefitCatalogue,
): { changes: Change[]; ended: string | null } {
  const changes: Change[] = [];
  const baseChanges = catalogue.baseLevels.map((l) => l.validFrom).filter((d) => d > start && d <= today);
  let at = start;
  let current = allowanceAt(child.facts, start, catalogue)!;
  for (;;) {
    const candidates = [
      ...baseChanges.filter((d) => d > at),
      ...(current.nextChange && current.nextChange.on > at && current.nextChange.on <= today
        ? [current.nextChange.on]
        : []),
    ].sort();
    const next = candidates[0];
    if (!next) return { changes, ended: null };
    const after = allowanceAt(child.facts, next, catalogue);
    if (!after) {
      const lastDay = addCalendarDays(next, -1);
      changes.push({
        kind: 'terminate',
        effectiveFrom: lastDay,
        amountVnd: null,
        reason: current.nextChange?.reasonVi ?? 'Không còn đủ điều kiện hưởng trợ cấp xã hội hằng tháng',
      });
      return { changes, ended: lastDay };
    }
    if (after.amountVnd !== current.amountVnd) {
      const isBaseChange = baseChanges.includes(next) && current.nextChange?.on !== next;
      changes.push({
        kind: 'adjust',
        effectiveFrom: next,
        amountVnd: after.amountVnd,
        reason: isBaseChange
          ? `Điều chỉnh theo mức chuẩn trợ giúp xã hội ${formatVnd(after.baseLevelVnd ?? 0)} từ ${vnDate(next)}`
          : (current.nextChange?.reasonVi ?? after.explanationVi),
      });
    }
    at = next;
    current = after;
  }
}

/**
 * The demo enrolments and payments as a pure plan: the same seed, `today`, catalogue and children
 * give the same plan. `children` must be in a stable order.
 */
export function planDemoBenefits(input: {
  seed: number;
  today: string;
  catalogue: BenefitCatalogue;
  children: readonly DemoBenefitsChild[];
}): DemoBenefitsPlan {
  const { today } = input;
  // Only the monthly allowances matter here: the engine then evaluates a handful of rules, and a
  // child in none of their groups is never eligible (the whole registry is read in well under 1 s).
  const monthlyRules = input.catalogue.rules.filter(
    (r) => r.kind === 'monthly_allowance' && r.periodicity === 'monthly',
  );
  const catalogue: BenefitCatalogue = { rules: monthlyRules, baseLevels: input.catalogue.baseLevels };
  const neededGroups = monthlyRules.every((r) => r.criteria.groups)
    ? new Set(monthlyRules.flatMap((r) => r.criteria.groups ?? []))
    : null;
  const random = new Random(deriveSeed(input.seed, 'benefits'));
  const thisMonth = monthOf(today);
  const months = Array.from({ length: DEMO_PAYMENT_MONTHS }, (_, i) =>
    addMonths(thisMonth, i - DEMO_PAYMENT_MONTHS),
  );
  const windowStart = firstOf(months[0]!);
  const probes = [...months.map(firstOf), today];

  type Candidate = { child: DemoBenefitsChild; firstEligible: string; isEligibleToday: boolean };
  const candidates: Candidate[] = [];
  const neverEligible: DemoBenefitsChild[] = [];
  for (const child of input.children) {
    if (neededGroups && !child.facts.groups.some((g) => neededGroups.has(g.group))) {
      neverEligible.push(child);
      continue;
    }
    const eligibleAt = probes.filter((d) => allowanceAt(child.facts, d, catalogue));
    if (eligibleAt.length === 0) {
      neverEligible.push(child);
      continue;
    }
    let firstEligible = eligibleAt[0]!;
    if (firstEligible === windowStart) {
      // Eligible before the window: how long before (the enrolment may start back then).
      for (let back = 1; back <= MAX_HISTORY_MONTHS; back++) {
        const probe = firstOf(addMonths(months[0]!, -back));
        if (!allowanceAt(child.facts, probe, catalogue)) break;
        firstEligible = probe;
      }
    }
    candidates.push({ child, firstEligible, isEligibleToday: eligibleAt.includes(today) });
  }

  // Gaps on purpose: a few children eligible today are not enrolled (at least one).
  const today_ = candidates.filter((c) => c.isEligibleToday);
  const notEnrolledCount =
    today_.length >= 2 ? Math.max(1, Math.round(today_.length * (1 - ENROLLED_TODAY_SHARE))) : 0;
  const notEnrolled = new Set(
    shuffled(random, today_)
      .slice(0, notEnrolledCount)
      .map((c) => c.child.id),
  );

  const enrolments: Array<Omit<PlannedEnrolment, 'events'> & { changes: Change[]; decidedOn: string[] }> = [];
  const pastOnly: number[] = [];
  for (const candidate of candidates) {
    const { child } = candidate;
    if (notEnrolled.has(child.id)) continue;
    if (!candidate.isEligibleToday && !random.chance(ENROLLED_PAST_SHARE)) continue;
    // Decisions take effect from the first of a month, some months after the child qualifies.
    const firstMonth = monthOf(candidate.firstEligible);
    const lastMonth = candidate.firstEligible < windowStart ? months[0]! : thisMonth;
    const delay = random.int(0, Math.min(monthsBetween(firstMonth, lastMonth), 12));
    // A child who qualifies only since a day of this month starts on that day.
    const startDate = [firstOf(addMonths(firstMonth, delay)), today].sort()[0]!;
    const startDateOk = [startDate, candidate.firstEligible].sort()[1]!;
    const atStart = allowanceAt(child.facts, startDateOk, catalogue);
    if (!atStart) continue;
    const { changes, ended } = changesAfter(child, startDateOk, today, catalogue);
    const method = random.weighted<PaymentMethod>([
      ['cash', 70],
      ['post_office', 20],
      ['bank', 10],
    ]);
    const start: Change = {
      kind: 'start',
      effectiveFrom: startDateOk,
      amountVnd: atStart.amountVnd,
      reason: null,
    };
    const all = [start, ...changes];
    if (ended) pastOnly.push(enrolments.length);
    enrolments.push({
      childId: child.id,
      unitCode: child.unitCode,
      ruleCode: atStart.ruleCode,
      budgetSource: atStart.budgetSource,
      startDate: startDateOk,
      endDate: ended,
      amountVnd: all.filter((e) => e.amountVnd !== null).at(-1)!.amountVnd!,
      recipient: recipientOf(random, child, startDateOk),
      paymentMethod: method,
      changes: all,
      decidedOn: all.map((e) => addCalendarDays(e.effectiveFrom, -random.int(3, 12))),
      gap: null,
    });
  }

  // Gaps on purpose: 2–3 running enrolments whose last adjustment was never decided.
  const adjustable = shuffled(
    random,
    enrolments.filter((e) => e.endDate === null && e.changes.at(-1)?.kind === 'adjust'),
  );
  const birthdayFirst = [
    ...adjustable.filter(
      (e) => !catalogue.baseLevels.some((l) => l.validFrom === e.changes.at(-1)!.effectiveFrom),
    ),
    ...adjustable,
  ];
  const notAdjusted = new Set<(typeof enrolments)[number]>();
  for (const e of birthdayFirst) {
    if (notAdjusted.size >= Math.min(3, Math.max(2, Math.round(enrolments.length * 0.03)))) break;
    notAdjusted.add(e);
  }
  for (const e of notAdjusted) {
    e.changes = e.changes.filter((_, i) => i !== e.changes.length - 1);
    e.decidedOn = e.decidedOn.slice(0, e.changes.length);
    e.amountVnd = e.changes.filter((c) => c.amountVnd !== null).at(-1)!.amountVnd!;
    e.gap = 'amount_differs';
  }

  // Gaps on purpose: 1–2 enrolments of children no longer eligible, never terminated.
  for (const index of shuffled(random, pastOnly).slice(0, 2)) {
    const e = enrolments[index]!;
    const cut = e.changes.findIndex((c) => c.kind === 'terminate');
    e.changes = e.changes.slice(0, cut);
    e.decidedOn = e.decidedOn.slice(0, cut);
    e.endDate = null;
    e.gap = 'enrolled_not_eligible';
  }
  if (!enrolments.some((e) => e.gap === 'enrolled_not_eligible')) {
    const mistaken = mistakenEnrolment(random, { today, windowStart, catalogue, children: neverEligible });
    if (mistaken) enrolments.push(mistaken);
  }

  // Decision numbers run per ward and year in the order of the decision dates.
  const numbered = numberDecisions(random, enrolments);
  const plannedEnrolments: PlannedEnrolment[] = enrolments.map((e, i) => ({
    childId: e.childId,
    unitCode: e.unitCode,
    ruleCode: e.ruleCode,
    budgetSource: e.budgetSource,
    startDate: e.startDate,
    endDate: e.endDate,
    amountVnd: e.amountVnd,
    recipient: e.recipient,
    paymentMethod: e.paymentMethod,
    events: numbered[i]!,
    gap: e.gap,
  }));

  const { runs, payments } = planPayments(random, months, plannedEnrolments);
  return {
    months,
    enrolments: plannedEnrolments,
    runs,
    payments,
    eligibleChildren: candidates.length,
    eligibleToday: today_.length,
    notEnrolled: [...notEnrolled],
  };
}

/**
 * When no enrolled child has stopped qualifying (the demo registry has no ended groups), an
 * enrolment the registry does not support: the severe-disability allowance of a child whose
 * disability the registry records as mild (a re-assessment the decisions never followed).
 */
function mistakenEnrolment(
  random: Random,
  input: { today: string; windowStart: string; catalogue: BenefitCatalogue; children: DemoBenefitsChild[] },
) {
  const child = input.children.find((c) => c.facts.disabilityLevel === 'mild');
  const rule = input.catalogue.rules.find(
    (r) =>
      r.kind === 'monthly_allowance' &&
      r.periodicity === 'monthly' &&
      r.criteria.disabilityLevels?.includes('severe') &&
      r.validFrom <= input.windowStart &&
      (r.validTo === null || r.validTo >= input.today),
  );
  if (!child || !rule) return undefined;
  const province = child.facts.provinceCode;
  const startDate = firstOf(addMonths(monthOf(input.windowStart), -random.int(6, 10)));
  const amount = ruleAmountAt(input.catalogue, rule, province, startDate);
  if (amount === null) return undefined;
  const changes: Change[] = [{ kind: 'start', effectiveFrom: startDate, amountVnd: amount, reason: null }];
  for (const level of input.catalogue.baseLevels) {
    if (level.validFrom <= startDate || level.validFrom > input.today) continue;
    const next = ruleAmountAt(input.catalogue, rule, province, level.validFrom);
    if (next === null || next === changes.at(-1)!.amountVnd) continue;
    changes.push({
      kind: 'adjust',
      effectiveFrom: level.validFrom,
      amountVnd: next,
      reason: `Điều chỉnh theo mức chuẩn trợ giúp xã hội ${formatVnd(level.amountVnd)} từ ${vnDate(level.validFrom)}`,
    });
  }
  return {
    childId: child.id,
    unitCode: child.unitCode,
    ruleCode: rule.code,
    budgetSource: rule.budgetSource,
    startDate,
    endDate: null,
    amountVnd: changes.at(-1)!.amountVnd!,
    recipient: recipientOf(random, child, startDate),
    paymentMethod: 'cash' as const,
    changes,
    decidedOn: changes.map((c) => addCalendarDays(c.effectiveFrom, -random.int(3, 12))),
    gap: 'enrolled_not_eligible' as const,
  };
}

function numberDecisions(
  random: Random,
  enrolments: ReadonlyArray<{ unitCode: string; changes: Change[]; decidedOn: string[] }>,
): PlannedEvent[][] {
  const all = enrolments.flatMap((e, i) =>
    e.changes.map((_change, j) => ({ i, j, unitCode: e.unitCode, date: e.decidedOn[j]! })),
  );
  all.sort(
    (a, b) => a.unitCode.localeCompare(b.unitCode) || a.date.localeCompare(b.date) || a.i - b.i || a.j - b.j,
  );
  const counters = new Map<string, number>();
  const out: PlannedEvent[][] = enrolments.map(() => []);
  for (const { i, j, unitCode, date } of all) {
    const isCommune = date >= COMMUNE_DECIDES_FROM;
    // Before 01/7/2025 the district numbered the decisions of both wards together.
    const key = `${isCommune ? unitCode : 'district'}/${date.slice(0, 4)}`;
    const number = (counters.get(key) ?? random.int(5, 30)) + random.int(1, 4);
    counters.set(key, number);
    const unit = DEMO_BENEFIT_UNITS.find((u) => u.code === unitCode)!;
    const signer = isCommune ? unit.signer : DISTRICT_SIGNER;
    out[i]![j] = {
      ...enrolments[i]!.changes[j]!,
      decisionDate: date,
      decisionNumber: `${number}/QĐ-UBND`,
      signerName: signer.name,
      signerTitle: signer.title,
    };
  }
  return out;
}

function planPayments(random: Random, months: string[], enrolments: PlannedEnrolment[]) {
  const runs: DemoBenefitsPlan['runs'] = [];
  const payments: PlannedPayment[] = [];
  const lastMonth = months.at(-1);
  for (const unit of DEMO_BENEFIT_UNITS) {
    for (const month of months) {
      runs.push({ unitCode: unit.code, month, createdOn: `${month}-0${random.int(1, 5)}` });
      let receipt = random.int(1, 9);
      enrolments.forEach((e, index) => {
        if (e.unitCode !== unit.code) return;
        const amount = amountForMonth(
          {
            startDate: e.startDate,
            endDate: e.endDate,
            events: e.events.map((ev) => ({
              kind: ev.kind,
              effectiveFrom: ev.effectiveFrom,
              amountVnd: ev.amountVnd,
            })),
          },
          month,
        );
        if (amount === null) return;
        const isPaid = month !== lastMonth || !random.chance(LAST_MONTH_UNPAID_SHARE);
        payments.push({
          unitCode: unit.code,
          month,
          enrolment: index,
          amountVnd: amount,
          ruleCode: e.ruleCode,
          budgetSource: e.budgetSource,
          recipientName: e.recipient.fullName,
          paidOn: isPaid ? `${month}-${String(random.int(6, 25)).padStart(2, '0')}` : null,
          receiptNumber: isPaid ? `PC-${month}-${String(receipt++).padStart(4, '0')}` : null,
        });
      });
    }
  }
  return { runs, payments };
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ------------------------------------------------------------------ load and write

export type DemoBenefitsResult = {
  skipped: boolean;
  reason?: 'enrolments_exist' | 'no_units' | 'no_users' | 'no_children' | 'no_catalogue';
  enrolments: number;
  events: number;
  runs: number;
  payments: number;
  eligibleChildren: number;
  eligibleToday: number;
  gaps: { eligibleNotEnrolled: number; amountDiffers: number; enrolledNotEligible: number };
  ms: number;
};

/** Reads the registry as the seed needs it; no permission matters here (abilities unused). */
const SEED_ACTOR: Actor = {
  sessionId: 'seed',
  stage: 'active',
  csrfToken: '',
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'seed',
  unitId: 0,
  unitPath: '',
  permissions: new Set(),
  mustChangePassword: false,
};

/**
 * The children of the demo wards who may qualify for a monthly allowance, in a stable order:
 * Decree 20/2021 Art. 5 pays children in a group of special circumstances, with a disability,
 * or in a poor household — a child with none of these is never a candidate.
 */
export async function loadDemoBenefitChildren(
  db: Kysely<DB>,
  units: ReadonlyArray<{ id: number; code: string; provinceCode: string }>,
): Promise<DemoBenefitsChild[]> {
  const rows = await db
    .selectFrom('child as c')
    .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
    .select(CHILD_SELECT_COLUMNS)
    .where(
      'c.unit_id',
      'in',
      units.map((u) => u.id),
    )
    .where('c.status', '=', 'active')
    .where('c.merged_into', 'is', null)
    .where(
      sql<boolean>`(EXISTS (SELECT 1 FROM child_special_circumstance s WHERE s.child_id = c.id)
        OR c.health->'disability' IS NOT NULL AND c.health->'disability' <> 'null'::jsonb
        OR c.household->>'povertyStatus' IN ('poor', 'near_poor'))`,
    )
    .orderBy('u.code')
    .orderBy('c.date_of_birth')
    .orderBy('c.name_folded')
    .orderBy('c.id')
    .execute();
  const groups = await new ChildrenRepo(db).listSpecialCircumstances(
    db,
    rows.map((r) => r.id),
  );
  const byChild = new Map<string, typeof groups>();
  for (const g of groups) byChild.set(g.child_id, [...(byChild.get(g.child_id) ?? []), g]);
  const provinceOf = new Map(units.map((u) => [u.code, u.provinceCode]));
  return rows.map((row) => {
    const child: Child = toChild(SEED_ACTOR, row, byChild.get(row.id) ?? []);
    return {
      id: row.id,
      unitCode: row.unit_code,
      fullName: row.full_name,
      facts: eligibilityFactsOf(child, provinceOf.get(row.unit_code)!),
      caregivers: child.caregivers,
    };
  });
}

/**
 * Adds the demo enrolments and 24 months of payments (demo mode only) to phường Bỉm Sơn and
 * phường Quang Trung, from the demo registry and the catalogue in force. Skipped when the wards
 * already have enrolments, so the call is safe on every start. One transaction; one audit row
 * records the seeding (no user made these decisions in this system).
 */
export async function seedDemoBenefits(
  ctx: Pick<AppContext, 'db'>,
  opts: { now: Date; seed?: number },
): Promise<DemoBenefitsResult> {
  const started = Date.now();
  const today = vietnamToday(opts.now);
  const empty = (reason: NonNullable<DemoBenefitsResult['reason']>): DemoBenefitsResult => ({
    skipped: true,
    reason,
    enrolments: 0,
    events: 0,
    runs: 0,
    payments: 0,
    eligibleChildren: 0,
    eligibleToday: 0,
    gaps: { eligibleNotEnrolled: 0, amountDiffers: 0, enrolledNotEligible: 0 },
    ms: Date.now() - started,
  });
  const unitRows = await ctx.db
    .selectFrom('admin_unit')
    .select(['id', 'code', 'province_code'])
    .where(
      'code',
      'in',
      DEMO_BENEFIT_UNITS.map((u) => u.code),
    )
    .where(
      sql<boolean>`(valid_from IS NULL OR valid_from <= ${today}::date) AND (valid_to IS NULL OR valid_to >= ${today}::date)`,
    )
    .execute();
  if (unitRows.length < DEMO_BENEFIT_UNITS.length) return empty('no_units');
  const existing = await ctx.db
    .selectFrom('benefit_enrolment')
    .select('id')
    .where(
      'unit_id',
      'in',
      unitRows.map((u) => u.id),
    )
    .limit(1)
    .executeTakeFirst();
  if (existing) return empty('enrolments_exist');
  const officers = await ctx.db
    .selectFrom('app_user')
    .select(['id', 'username'])
    .where(
      'username',
      'in',
      DEMO_BENEFIT_UNITS.map((u) => u.officer),
    )
    .execute();
  if (officers.length < DEMO_BENEFIT_UNITS.length) return empty('no_users');
  const units = unitRows.map((u) => ({
    id: u.id,
    code: u.code,
    provinceCode: u.province_code ?? u.code.slice(0, 2),
    officerId: officers.find(
      (o) => o.username === DEMO_BENEFIT_UNITS.find((d) => d.code === u.code)!.officer,
    )!.id,
  }));
  // The catalogue as stored (ensureBenefitCatalogue loads it at startup): the payment runs and
  // the gap list read the same rules.
  const catalogue = await loadBenefitCatalogue(ctx.db);
  if (catalogue.rules.length === 0 || catalogue.baseLevels.length === 0) return empty('no_catalogue');
  const children = await loadDemoBenefitChildren(ctx.db, units);
  if (children.length === 0) return empty('no_children');
  const seed = opts.seed ?? DEMO_BENEFITS_SEED;
  const plan = planDemoBenefits({ seed, today, catalogue, children });
  const unit = (code: string) => units.find((u) => u.code === code)!;

  await ctx.db.transaction().execute(async (tx) => {
    const enrolmentIds: string[] = [];
    for (let i = 0; i < plan.enrolments.length; i += INSERT_BATCH) {
      const rows = await tx
        .insertInto('benefit_enrolment')
        .values(
          plan.enrolments.slice(i, i + INSERT_BATCH).map((e) => ({
            child_id: e.childId,
            unit_id: unit(e.unitCode).id,
            rule_code: e.ruleCode,
            status: e.endDate === null ? ('active' as const) : ('ended' as const),
            start_date: e.startDate,
            end_date: e.endDate,
            amount_vnd: e.amountVnd,
            recipient_kind: e.recipient.kind,
            recipient_name: e.recipient.fullName,
            recipient_relationship: e.recipient.relationship,
            payment_method: e.paymentMethod,
            version: e.events.length,
            created_at: vnInstant(e.events[0]!.decisionDate, '09:00'),
            created_by: unit(e.unitCode).officerId,
            updated_at: vnInstant(e.events.at(-1)!.decisionDate, '09:00'),
          })),
        )
        .returning('id')
        .execute();
      enrolmentIds.push(...rows.map((r) => r.id));
    }
    const events = plan.enrolments.flatMap((e, i) =>
      e.events.map((ev) => ({
        enrolment_id: enrolmentIds[i]!,
        kind: ev.kind,
        decision_number: ev.decisionNumber,
        decision_date: ev.decisionDate,
        signer_name: ev.signerName,
        signer_title: ev.signerTitle,
        effective_from: ev.effectiveFrom,
        amount_vnd: ev.amountVnd,
        reason: ev.reason,
        recorded_at: vnInstant(ev.decisionDate, '10:00'),
        recorded_by: unit(e.unitCode).officerId,
      })),
    );
    for (let i = 0; i < events.length; i += INSERT_BATCH) {
      await tx
        .insertInto('benefit_enrolment_event')
        .values(events.slice(i, i + INSERT_BATCH))
        .execute();
    }
    const runIds = new Map<string, string>();
    for (let i = 0; i < plan.runs.length; i += INSERT_BATCH) {
      const batch = plan.runs.slice(i, i + INSERT_BATCH);
      const rows = await tx
        .insertInto('benefit_payment_run')
        .values(
          batch.map((r) => ({
            unit_id: unit(r.unitCode).id,
            month: r.month,
            created_at: vnInstant(r.createdOn, '08:00'),
            created_by: unit(r.unitCode).officerId,
            updated_at: vnInstant(r.createdOn, '08:00'),
          })),
        )
        .returning('id')
        .execute();
      for (const [j, r] of batch.entries()) runIds.set(`${r.unitCode}/${r.month}`, rows[j]!.id);
    }
    for (let i = 0; i < plan.payments.length; i += INSERT_BATCH) {
      await tx
        .insertInto('benefit_payment')
        .values(
          plan.payments.slice(i, i + INSERT_BATCH).map((p) => ({
            run_id: runIds.get(`${p.unitCode}/${p.month}`)!,
            enrolment_id: enrolmentIds[p.enrolment]!,
            month: p.month,
            amount_vnd: p.amountVnd,
            rule_code: p.ruleCode,
            budget_source: p.budgetSource,
            recipient_name: p.recipientName,
            status: p.paidOn ? ('paid' as const) : ('unpaid' as const),
            method: p.paidOn ? plan.enrolments[p.enrolment]!.paymentMethod : null,
            paid_on: p.paidOn,
            receipt_number: p.receiptNumber,
            paid_by: p.paidOn ? unit(p.unitCode).officerId : null,
            version: p.paidOn ? 2 : 1,
            created_at: vnInstant(firstOf(p.month), '08:00'),
          })),
        )
        .execute();
    }
    await writeAuditInTx(
      tx,
      {},
      {
        action: 'benefits.seed_demo',
        entityType: 'benefit_enrolment',
        entityId: null,
        after: { enrolments: plan.enrolments.length, runs: plan.runs.length, payments: plan.payments.length },
        details: { seed, source: 'seed-demo', units: units.map((u) => u.code), months: plan.months.length },
      },
    );
  });
  return {
    skipped: false,
    enrolments: plan.enrolments.length,
    events: plan.enrolments.reduce((n, e) => n + e.events.length, 0),
    runs: plan.runs.length,
    payments: plan.payments.length,
    eligibleChildren: plan.eligibleChildren,
    eligibleToday: plan.eligibleToday,
    gaps: {
      eligibleNotEnrolled: plan.notEnrolled.length,
      amountDiffers: plan.enrolments.filter((e) => e.gap === 'amount_differs').length,
      enrolledNotEligible: plan.enrolments.filter((e) => e.gap === 'enrolled_not_eligible').length,
    },
    ms: Date.now() - started,
  };
}
