import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema';

/** Demo inspections 2016–2026 (filled in by its owner). */
export async function seedDemoInspections(_ctx: { db: Kysely<DB> }, _opts: { now: Date }): Promise<null> {
  return null;
}
