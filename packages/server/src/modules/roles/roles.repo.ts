import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../platform/db/schema';

type Exec = Kysely<DB> | Transaction<DB>;

/** Every SQL statement about roles. */
export class RolesRepo {
  constructor(private readonly db: Kysely<DB>) {}

  listRoles() {
    return this.db.selectFrom('role').selectAll().orderBy('is_system', 'desc').orderBy('code').execute();
  }

  findRole(exec: Exec, code: string, opts: { forUpdate?: boolean } = {}) {
    let q = exec.selectFrom('role').selectAll().where('code', '=', code);
    if (opts.forUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  async insertRole(
    tx: Transaction<DB>,
    role: { code: string; name_vi: string; name_en: string; permissions: string[]; is_system?: boolean },
  ) {
    await tx.insertInto('role').values(role).execute();
  }

  /** Updates a role at a known version; false when the version is stale. */
  async updateRole(
    tx: Transaction<DB>,
    code: string,
    version: number,
    changes: { name_vi: string; name_en: string; permissions: string[] },
  ) {
    const result = await tx
      .updateTable('role')
      .set({ ...changes, version: sql`version + 1`, updated_at: new Date() })
      .where('code', '=', code)
      .where('version', '=', version)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }
}
