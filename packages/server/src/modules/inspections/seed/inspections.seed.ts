import { vietnamToday } from '@tuoitho/domain';
import type { Kysely } from 'kysely';
import { writeAuditInTx } from '../../../platform/audit/audit';
import type { DB } from '../../../platform/db/schema';
import { deriveSeed, Random } from '../../children/generate-data/random';
import { planRecommendations } from './demo-follow-up';
import {
  DEMO_FIRST_YEAR,
  DEMO_PROVINCE_CODE,
  DEMO_WARDS,
  DemoUser,
  OTHER_COMMUNES,
  planInspectionPlans,
} from './demo-plans';
import { planInspectionSessions } from './demo-sessions';
import { type DemoInspectionsPlan, type WrittenInspections, writeDemoInspections } from './write-inspections';

/**
 * Demo inspections of Thanh Hóa (demo mode only): the province's two checklist templates, one
 * or two plans a year from 2016 to the current year targeting the demo wards and other communes
 * in turn, sessions with answers, strengths and shortcomings, and recommendations followed up
 * in every state (done on time or late, in progress, open, due soon, overdue). The current
 * year's plan targets phường Bỉm Sơn (14812) without a session yet, for the browser journey.
 */

/** Seed of the demo inspections: fixed, so every demo installation shows the same data. */
export const DEMO_INSPECTIONS_SEED = 2016;

export type DemoInspectionsResult = WrittenInspections & {
  skipped: boolean;
  reason?: 'data_exists' | 'no_units';
  ms: number;
};

const EMPTY: WrittenInspections = {
  templates: 0,
  plans: 0,
  targets: 0,
  teamMembers: 0,
  sessions: 0,
  answers: 0,
  findings: 0,
  recommendations: 0,
  events: 0,
};

export type DemoInspectionsInput = {
  seed: number;
  /** Today in Viet Nam: nothing happens after it. */
  today: string;
  unitName: (code: string) => string;
};

/** The whole demo as pure data: the same input gives the same plan. */
export function planDemoInspections(input: DemoInspectionsInput): DemoInspectionsPlan {
  const currentYear = Number(input.today.slice(0, 4));
  const stream = (label: string) => new Random(deriveSeed(input.seed, 'inspections', label));
  const plans = planInspectionPlans({ today: input.today, currentYear, random: stream('plans') });
  const sessions = planInspectionSessions({
    plans,
    today: input.today,
    currentYear,
    unitName: input.unitName,
    random: stream('sessions'),
  });
  const recommendations = planRecommendations({
    sessions,
    today: input.today,
    currentYear,
    random: stream('follow-up'),
  });
  return { plans, sessions, recommendations };
}

/**
 * Adds the demo inspections once: skipped when the province already has inspection plans (the
 * demo exists, or real work began), so the call is safe on every start. One transaction; one
 * audit row records the seeding.
 */
export async function seedDemoInspections(
  ctx: { db: Kysely<DB> },
  opts: { now: Date; seed?: number },
): Promise<DemoInspectionsResult> {
  const started = Date.now();
  const result = (counts: WrittenInspections, extra: Partial<DemoInspectionsResult> = {}) => ({
    skipped: false,
    ...counts,
    ...extra,
    ms: Date.now() - started,
  });
  const codes = [DEMO_PROVINCE_CODE, ...DEMO_WARDS, ...OTHER_COMMUNES];
  // Today's units: the demo wards' codes were reused by the 2025 reform (see demo-plans).
  const units = await ctx.db
    .selectFrom('admin_unit')
    .select(['id', 'code', 'full_name'])
    .where('code', 'in', codes)
    .where('valid_to', 'is', null)
    .execute();
  const province = units.find((u) => u.code === DEMO_PROVINCE_CODE);
  if (!province || units.length < codes.length) return result(EMPTY, { skipped: true, reason: 'no_units' });
  const existing = await ctx.db
    .selectFrom('inspection_plan')
    .select('id')
    .where('unit_id', '=', province.id)
    .limit(1)
    .executeTakeFirst();
  if (existing) return result(EMPTY, { skipped: true, reason: 'data_exists' });

  const today = vietnamToday(opts.now);
  const seed = opts.seed ?? DEMO_INSPECTIONS_SEED;
  const byCode = new Map(units.map((u) => [u.code, u]));
  const plan = planDemoInspections({ seed, today, unitName: (code) => byCode.get(code)!.full_name });
  const users = await ctx.db
    .selectFrom('app_user')
    .select(['id', 'username'])
    .where('username', 'in', [
      DemoUser.inspector,
      DemoUser.province,
      ...DEMO_WARDS.map((w) => DemoUser.officerOf(w)!),
    ])
    .execute();
  const userIds = new Map(users.map((u) => [u.username, u.id]));

  const counts = await ctx.db.transaction().execute(async (tx) => {
    const written = await writeDemoInspections(tx, plan, {
      unitId: (code) => byCode.get(code)!.id,
      userId: (username) => (username ? (userIds.get(username) ?? null) : null),
      now: opts.now,
    });
    await writeAuditInTx(
      tx,
      {},
      {
        action: 'inspections.seed_demo',
        entityType: 'inspection_plan',
        entityId: null,
        unitId: province.id,
        after: { plans: written.plans, sessions: written.sessions, recommendations: written.recommendations },
        details: {
          seed,
          source: 'seed-demo',
          units: codes,
          years: [DEMO_FIRST_YEAR, Number(today.slice(0, 4))],
        },
      },
    );
    return written;
  });
  return result(counts);
}
