import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema';

/** Demo child-friendly assessments (filled in by its owner). */
export async function seedDemoChildFriendly(_ctx: { db: Kysely<DB> }, _opts: { now: Date }): Promise<null> {
  return null;
}
