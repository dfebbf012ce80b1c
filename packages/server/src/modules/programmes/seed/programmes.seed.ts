import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema';

/** Demo programmes, documents, activities, communication, incidents and facilities (filled in by its owner). */
export async function seedDemoProgrammes(_ctx: { db: Kysely<DB> }, _opts: { now: Date }): Promise<null> {
  return null;
}
