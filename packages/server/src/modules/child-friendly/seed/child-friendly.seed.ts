import { randomUUID } from 'node:crypto';
import { vietnamToday, vnInstant } from '@tuoitho/domain';
import type { Kysely } from 'kysely';
import { writeAuditInTx } from '../../../platform/audit/audit';
import type { DB } from '../../../platform/db/schema';
import { loadCfCatalogue } from '../child-friendly.catalogue';
import {
  DEMO_COMMUNES,
  DEMO_PROVINCE_CODE,
  type PlannedAssessment,
  planDemoAssessments,
} from './demo-assessments';

/**
 * Demo child-friendly assessments (demo mode only): the demo wards Bỉm Sơn and Quang Trung and five
 * other Thanh Hóa communes, 2019 to the current year — recognised ones with their decisions,
 * failing ones (a criterion at 0, or a total under the threshold), one returned, one submitted
 * awaiting review and Bỉm Sơn's self-assessment of this year in draft. Totals and pass decisions
 * are the domain's `scoreAssessment` of the stored values under the stored catalogue.
 */

/** Seed of the demo assessments: fixed, so every demo installation shows the same data. */
export const DEMO_CHILD_FRIENDLY_SEED = 2019;

export type DemoChildFriendlyResult = {
  skipped: boolean;
  reason?: 'data_exists' | 'no_units' | 'no_catalogue';
  assessments: number;
  values: number;
  events: number;
  categories: number;
  ms: number;
};

const DemoUser = {
  province: 'tinh.thanhhoa',
  officerOf: (code: string) =>
    code === '14812' ? 'bimson.canbo' : code === '14818' ? 'quangtrung.canbo' : null,
};

/**
 * Adds the demo assessments once: skipped when a demo commune already has an assessment (the
 * demo exists, or real work began), so the call is safe on every start. One transaction; one
 * audit row records the seeding.
 */
export async function seedDemoChildFriendly(
  ctx: { db: Kysely<DB> },
  opts: { now: Date; seed?: number },
): Promise<DemoChildFriendlyResult> {
  const started = Date.now();
  const empty = (reason: DemoChildFriendlyResult['reason']): DemoChildFriendlyResult => ({
    skipped: true,
    reason,
    assessments: 0,
    values: 0,
    events: 0,
    categories: 0,
    ms: Date.now() - started,
  });
  const codes = [DEMO_PROVINCE_CODE, ...DEMO_COMMUNES.map((c) => c.code)];
  const units = await ctx.db
    .selectFrom('admin_unit')
    .select(['id', 'code'])
    .where('code', 'in', codes)
    .where('valid_to', 'is', null)
    .execute();
  if (units.length < codes.length) return empty('no_units');
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  const communeIds = DEMO_COMMUNES.map((c) => unitId.get(c.code)!);
  const existing = await ctx.db
    .selectFrom('cf_assessment')
    .select('id')
    .where('unit_id', 'in', communeIds)
    .limit(1)
    .executeTakeFirst();
  if (existing) return empty('data_exists');
  const head = await ctx.db.selectFrom('cf_catalogue').select('id').executeTakeFirst();
  if (!head) return empty('no_catalogue');

  const { catalogue } = await loadCfCatalogue(ctx.db);
  const seed = opts.seed ?? DEMO_CHILD_FRIENDLY_SEED;
  const today = vietnamToday(opts.now);
  const planned = planDemoAssessments({ seed, today, catalogue });
  const users = await ctx.db
    .selectFrom('app_user')
    .select(['id', 'username'])
    .where('username', 'in', [DemoUser.province, 'bimson.canbo', 'quangtrung.canbo'])
    .execute();
  const userId = (username: string | null) => users.find((u) => u.username === username)?.id ?? null;
  const actorOf = (a: PlannedAssessment, actor: 'commune' | 'province' | null) =>
    actor === 'province'
      ? userId(DemoUser.province)
      : actor === 'commune'
        ? userId(DemoUser.officerOf(a.unitCode))
        : null;
  // A record made "at" a past day, never after now.
  const at = (date: string, time: string) =>
    new Date(Math.min(vnInstant(date, time).getTime(), opts.now.getTime()));

  return ctx.db.transaction().execute(async (tx) => {
    // The mountain commune's category (800 points), unless someone set it already.
    const categorised = new Set(
      (
        await tx.selectFrom('cf_unit_category').select('unit_id').where('unit_id', 'in', communeIds).execute()
      ).map((r) => r.unit_id),
    );
    const categories = DEMO_COMMUNES.filter(
      (c) => c.category !== 'other' && !categorised.has(unitId.get(c.code)!),
    );
    if (categories.length > 0)
      await tx
        .insertInto('cf_unit_category')
        .values(
          categories.map((c) => ({
            unit_id: unitId.get(c.code)!,
            category: c.category,
            updated_at: opts.now,
          })),
        )
        .execute();

    const ids = planned.map(() => randomUUID());
    const snapshot = JSON.stringify(catalogue);
    await tx
      .insertInto('cf_assessment')
      .values(
        planned.map((a, index) => {
          const on = (action: string) => a.events.find((e) => e.action === action);
          const when = (action: string) => {
            const e = on(action);
            return e ? at(e.on, e.time) : null;
          };
          const last = a.events.at(-1)!;
          return {
            id: ids[index]!,
            unit_id: unitId.get(a.unitCode)!,
            year: a.year,
            status: a.status,
            category: a.category,
            catalogue: snapshot,
            total: String(a.score.total),
            threshold: a.score.threshold,
            passed: a.score.passed,
            decision_number: a.decisionNumber,
            decision_date: a.decisionDate,
            return_reason: a.returnReason,
            review_note: a.reviewNote,
            submitted_at: when('submitted'),
            submitted_by: on('submitted') ? actorOf(a, 'commune') : null,
            reviewed_at: when('reviewed'),
            reviewed_by: on('reviewed') ? actorOf(a, on('reviewed')!.actor) : null,
            recognised_at: when('recognised'),
            recognised_by: on('recognised') ? actorOf(a, on('recognised')!.actor) : null,
            version: a.events.length,
            created_at: when('created')!,
            created_by: actorOf(a, 'commune'),
            updated_at: at(last.on, last.time),
            updated_by: actorOf(a, last.actor),
          };
        }),
      )
      .execute();
    const values = planned.flatMap((a, index) =>
      a.values.map((v) => ({
        assessment_id: ids[index]!,
        indicator_code: v.code,
        value: v.value,
        yes: v.yes,
        points: v.points,
        system_value: null,
        evidence_note: v.evidenceNote,
        updated_at: at(a.events[1]!.on, a.events[1]!.time),
      })),
    );
    for (let i = 0; i < values.length; i += 1000)
      await tx
        .insertInto('cf_assessment_value')
        .values(values.slice(i, i + 1000))
        .execute();
    const events = planned.flatMap((a, index) =>
      a.events.map((e) => ({
        assessment_id: ids[index]!,
        action: e.action,
        at: at(e.on, e.time),
        actor_id: actorOf(a, e.actor),
        note: e.note,
      })),
    );
    await tx.insertInto('cf_assessment_event').values(events).execute();
    await writeAuditInTx(
      tx,
      {},
      {
        action: 'cf_assessment.seed_demo',
        entityType: 'cf_assessment',
        entityId: null,
        unitId: unitId.get(DEMO_PROVINCE_CODE)!,
        after: {
          assessments: planned.length,
          recognised: planned.filter((a) => a.status === 'recognised').length,
        },
        details: { seed, source: 'seed-demo', units: DEMO_COMMUNES.map((c) => c.code) },
      },
    );
    return {
      skipped: false,
      assessments: planned.length,
      values: values.length,
      events: events.length,
      categories: categories.length,
      ms: Date.now() - started,
    };
  });
}
