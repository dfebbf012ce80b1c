import { vietnamToday, vnDateOf } from '@tuoitho/domain';
import { type Kysely, sql } from 'kysely';
import { writeAuditInTx } from '../../../platform/audit/audit';
import type { DB } from '../../../platform/db/schema';
import { loadGenerationUnits } from '../../children/children.seed';
import { schoolsFor } from '../../children/generate-data/places';
import {
  DEMO_PROVINCE_CODE,
  type DemoChild,
  type DemoProgrammesPlan,
  DemoUser,
  type DemoWard,
  type PlanInput,
} from './demo-plan';
import { planActivities } from './plan-activities';
import { planDocuments } from './plan-documents';
import { planIncidents } from './plan-incidents';
import { planCommunications, planFacilities, planMovements } from './plan-outreach';
import { planProgrammes } from './plan-programmes';
import { type WrittenCounts, writeDemoPlan } from './write-plan';

/**
 * Demo data of the programmes module (demo mode only) for Thanh Hóa and its wards Bỉm Sơn and
 * Quang Trung, 2013 to the current year: national documents with their targets and the local
 * plans, the province's drowning-prevention and action programmes, each ward's Action Months and
 * programmes, activities with the registry's children as participants (swimming classes with
 * attendance and outcomes), communication, a movement, incidents and facilities.
 */

/** Seed of the demo programmes: fixed, so every demo installation shows the same figures. */
export const DEMO_PROGRAMMES_SEED = 2021;
/** First year of the demo history. */
export const DEMO_FIRST_YEAR = 2013;

/** The demo wards: 30 residential groups each (as the demo registry); only Bỉm Sơn has a pool. */
export const DEMO_PROGRAMME_WARDS = [
  { code: '14812', groups: 30, hasPool: true },
  { code: '14818', groups: 30, hasPool: false },
] as const;

export type DemoProgrammesResult = WrittenCounts & {
  skipped: boolean;
  reason?: 'data_exists' | 'no_units' | 'no_children';
  swimmingClasses: number;
  ms: number;
};

const EMPTY_COUNTS: WrittenCounts = {
  documents: 0,
  documentTargets: 0,
  programmes: 0,
  programmeTargets: 0,
  activities: 0,
  sessions: 0,
  participants: 0,
  attendance: 0,
  communications: 0,
  movements: 0,
  movementParticipations: 0,
  incidents: 0,
  facilities: 0,
};

/** The whole demo plan as pure data: the same input gives the same plan. */
export function planDemoProgrammes(input: PlanInput): DemoProgrammesPlan {
  return {
    documents: planDocuments(input),
    programmes: planProgrammes(input),
    activities: planActivities(input),
    communications: planCommunications(input),
    movements: planMovements(input),
    incidents: planIncidents(input),
    facilities: planFacilities(input),
  };
}

/**
 * The registry children of the wards in an order that does not depend on their generated ids
 * (ward, birth, name, village, address), so two installations plan the same data.
 */
export async function loadDemoProgrammeChildren(
  db: Kysely<DB>,
  wards: ReadonlyArray<{ id: number; code: string }>,
): Promise<DemoChild[]> {
  const rows = await db
    .selectFrom('child as c')
    .select([
      'c.id',
      'c.unit_id',
      'c.sex',
      'c.birth_reference_date',
      'c.full_name',
      'c.village',
      'c.address',
      'c.status',
      'c.status_changed_at',
      sql<boolean>`(EXISTS (SELECT 1 FROM child_special_circumstance s WHERE s.child_id = c.id)
        OR c.household->>'povertyStatus' IN ('poor', 'near_poor'))`.as('is_priority'),
    ])
    .where(
      'c.unit_id',
      'in',
      wards.map((w) => w.id),
    )
    .where('c.merged_into', 'is', null)
    .execute();
  const codeOf = new Map(wards.map((w) => [w.id, w.code]));
  const keyOf = (r: (typeof rows)[number]) =>
    [
      codeOf.get(r.unit_id),
      r.birth_reference_date,
      r.full_name,
      r.village ?? '',
      r.address ?? '',
      r.sex,
    ].join('\u0000');
  const sorted = rows
    .map((r) => ({ r, key: keyOf(r) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return sorted.map(({ r }) => ({
    id: r.id,
    unitCode: codeOf.get(r.unit_id)!,
    sex: r.sex,
    birth: r.birth_reference_date,
    village: r.village,
    isPriority: Boolean(r.is_priority),
    leftOn:
      (r.status === 'moved_away' || r.status === 'deceased') && r.status_changed_at
        ? vnDateOf(new Date(r.status_changed_at))
        : null,
  }));
}

/**
 * Adds the demo programme data once: skipped when the province or the wards already hold
 * documents, programmes, activities or facilities (the demo exists, or real work began), so the
 * call is safe on every start. One transaction; one audit row records the seeding.
 */
export async function seedDemoProgrammes(
  ctx: { db: Kysely<DB> },
  opts: { now: Date; seed?: number },
): Promise<DemoProgrammesResult> {
  const started = Date.now();
  const today = vietnamToday(opts.now);
  const result = (
    counts: WrittenCounts,
    extra: Partial<DemoProgrammesResult> = {},
  ): DemoProgrammesResult => ({
    skipped: false,
    ...counts,
    swimmingClasses: 0,
    ...extra,
    ms: Date.now() - started,
  });
  const skip = (reason: NonNullable<DemoProgrammesResult['reason']>) =>
    result(EMPTY_COUNTS, { skipped: true, reason });

  const generationUnits = await loadGenerationUnits(
    ctx.db,
    { unitCodes: DEMO_PROGRAMME_WARDS.map((w) => w.code) },
    today,
  );
  const province = await ctx.db
    .selectFrom('admin_unit')
    .select(['id', 'code'])
    .where('code', '=', DEMO_PROVINCE_CODE)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  if (!province || generationUnits.length < DEMO_PROGRAMME_WARDS.length) return skip('no_units');
  const unitIds = [province.id, ...generationUnits.map((u) => u.id)];
  const existing = await sql<{ found: boolean }>`
    SELECT EXISTS (SELECT 1 FROM plan_document WHERE unit_id = ANY(${unitIds}::int[]))
      OR EXISTS (SELECT 1 FROM programme WHERE unit_id = ANY(${unitIds}::int[]))
      OR EXISTS (SELECT 1 FROM activity WHERE unit_id = ANY(${unitIds}::int[]))
      OR EXISTS (SELECT 1 FROM facility WHERE unit_id = ANY(${unitIds}::int[])) AS found`.execute(ctx.db);
  if (existing.rows[0]?.found) return skip('data_exists');

  const wards: DemoWard[] = DEMO_PROGRAMME_WARDS.map((w) => {
    const unit = generationUnits.find((u) => u.code === w.code)!;
    return {
      code: w.code,
      name: unit.name,
      fullName: unit.fullName,
      formerName: unit.formerUnitNames?.find((n) => n.startsWith('Phường')) ?? unit.fullName,
      groups: w.groups,
      hasPool: w.hasPool,
      schools: schoolsFor(unit),
    };
  });
  const children = await loadDemoProgrammeChildren(ctx.db, generationUnits);
  if (children.length === 0) return skip('no_children');
  const currentYear = Number(today.slice(0, 4));
  const seed = opts.seed ?? DEMO_PROGRAMMES_SEED;
  const plan = planDemoProgrammes({
    seed,
    today,
    years: Array.from({ length: currentYear - DEMO_FIRST_YEAR + 1 }, (_, i) => DEMO_FIRST_YEAR + i),
    wards,
    children,
  });

  const users = await ctx.db
    .selectFrom('app_user')
    .select(['id', 'username'])
    .where('username', 'in', [
      DemoUser.province,
      DemoUser.partner,
      ...wards.map((w) => DemoUser.officerOf(w.code)),
    ])
    .execute();
  const unitIdByCode = new Map([
    [province.code, province.id],
    ...generationUnits.map((u) => [u.code, u.id] as const),
  ]);
  const counts = await ctx.db.transaction().execute(async (tx) => {
    const written = await writeDemoPlan(tx, plan, {
      unitId: (code) => unitIdByCode.get(code)!,
      userId: (username) => users.find((u) => u.username === username)?.id ?? null,
      now: opts.now,
    });
    await writeAuditInTx(
      tx,
      {},
      {
        action: 'programmes.seed_demo',
        entityType: 'programme',
        entityId: null,
        unitId: province.id,
        after: {
          documents: written.documents,
          programmes: written.programmes,
          activities: written.activities,
          incidents: written.incidents,
          facilities: written.facilities,
        },
        details: {
          seed,
          source: 'seed-demo',
          units: [...unitIdByCode.keys()],
          years: [DEMO_FIRST_YEAR, currentYear],
        },
      },
    );
    return written;
  });
  return result(counts, {
    swimmingClasses: plan.activities.filter((a) => a.kind === 'swimming_class').length,
  });
}
