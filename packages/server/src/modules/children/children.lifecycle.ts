import { birthDateRangeForAges, CHILD_AGE_LIMIT, turned6FlagRange } from '@tuoitho/domain';
import { type Kysely, sql } from 'kysely';
import { writeAuditInTx } from '../../platform/audit/audit';
import type { DB } from '../../platform/db/schema';

const TURNED_16_REASON = 'Đủ 16 tuổi, không còn là trẻ em (Luật Trẻ em Điều 1)';

/**
 * The daily job: children who have reached 16 by `today` leave the active registry (status
 * `turned_16`) but stay in history. Each change gets its status-history and audit rows in the
 * same transaction; running it twice on a day changes nothing the second time.
 */
export async function markChildrenTurned16(db: Kysely<DB>, today: string): Promise<number> {
  // Age 16 or more at `today`, counted as `ageAt` counts (a year-only date from 1 July).
  const { bornOnOrBefore } = birthDateRangeForAges(CHILD_AGE_LIMIT, CHILD_AGE_LIMIT, today);
  return db.transaction().execute(async (tx) => {
    const changed = await tx
      .updateTable('child')
      .set({ status: 'turned_16', status_changed_at: new Date(), updated_at: new Date() })
      .where('status', '=', 'active')
      .where('merged_into', 'is', null)
      .where('birth_reference_date', '<=', bornOnOrBefore)
      .returning(['id', 'unit_id'])
      .execute();
    for (const child of changed) {
      await tx
        .insertInto('child_status_history')
        .values({ child_id: child.id, status: 'turned_16', reason: TURNED_16_REASON, changed_by: null })
        .execute();
      await writeAuditInTx(
        tx,
        {},
        {
          action: 'child.turned_16',
          entityType: 'child',
          entityId: child.id,
          unitId: child.unit_id,
          before: { status: 'active' },
          after: { status: 'turned_16' },
          details: { source: 'daily-job', date: today },
        },
      );
    }
    return changed.length;
  });
}

/**
 * The daily job, second part: active children whose 6th birthday came within the last
 * `TURNED_6_LOOKBACK_DAYS` days get `turned_6_on` (their State-paid health insurance ends). Older
 * children are left alone so a registry loaded at once does not flood the list; the record's
 * version does not change (an officer editing the child is not interrupted). One audit row per
 * commune and run lists the children flagged, which keeps the volume bounded by the number of
 * communes. Idempotent: a flagged child is never flagged again.
 */
export async function flagChildrenTurned6(db: Kysely<DB>, today: string): Promise<number> {
  const { bornOnOrAfter, bornOnOrBefore } = turned6FlagRange(today);
  return db.transaction().execute(async (tx) => {
    const flagged = await tx
      .updateTable('child')
      // The same day `turns6On` gives: 29 February → 28 February, a year-only date from 1 July.
      .set({ turned_6_on: sql<string>`(birth_reference_date + interval '6 years')::date` })
      .where('status', '=', 'active')
      .where('merged_into', 'is', null)
      .where('turned_6_on', 'is', null)
      .where('birth_reference_date', '>=', bornOnOrAfter)
      .where('birth_reference_date', '<=', bornOnOrBefore)
      .returning(['id', 'unit_id'])
      .execute();
    const byUnit = new Map<number, string[]>();
    for (const child of flagged) byUnit.set(child.unit_id, [...(byUnit.get(child.unit_id) ?? []), child.id]);
    for (const [unitId, childIds] of byUnit) {
      await writeAuditInTx(
        tx,
        {},
        {
          action: 'child.turned_6',
          entityType: 'child',
          entityId: null,
          unitId,
          details: { source: 'daily-job', date: today, count: childIds.length, childIds },
        },
      );
    }
    return flagged.length;
  });
}
