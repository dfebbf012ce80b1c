import type { HolidayDay } from '@tuoitho/domain';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema';

export type Exec = Kysely<DB> | Transaction<DB>;

export type HolidayYearValues = { year: number; days: HolidayDay[]; source: string; verified: boolean };

/** Every SQL statement of the holidays module. */
export const holidaysRepo = {
  /** The stored years among `years`. */
  async findYears(exec: Exec, years: readonly number[]) {
    if (years.length === 0) return [];
    return exec
      .selectFrom('holiday_year')
      .selectAll()
      .where('year', 'in', [...years])
      .orderBy('year')
      .execute();
  },

  /** A stored year, optionally locked for a change. */
  async findYear(exec: Exec, year: number, opts: { forUpdate?: boolean } = {}) {
    let q = exec.selectFrom('holiday_year').selectAll().where('year', '=', year);
    if (opts.forUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  /** Stores a year for the first time (version 1); undefined when another writer stored it first. */
  async insertYear(tx: Transaction<DB>, values: HolidayYearValues, userId: string) {
    return tx
      .insertInto('holiday_year')
      .values({
        year: values.year,
        days: JSON.stringify(values.days),
        source: values.source,
        verified: values.verified,
        updated_by: userId,
      })
      .onConflict((oc) => oc.column('year').doNothing())
      .returningAll()
      .executeTakeFirst();
  },

  /** Replaces a stored year at a known version; undefined when the version is stale. */
  async updateYear(tx: Transaction<DB>, values: HolidayYearValues, version: number, userId: string) {
    return tx
      .updateTable('holiday_year')
      .set((eb) => ({
        days: JSON.stringify(values.days),
        source: values.source,
        verified: values.verified,
        version: eb('version', '+', 1),
        updated_at: new Date(),
        updated_by: userId,
      }))
      .where('year', '=', values.year)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  },

  /** Removes a stored year; the number of rows removed. */
  async deleteYear(tx: Transaction<DB>, year: number) {
    const result = await tx.deleteFrom('holiday_year').where('year', '=', year).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
