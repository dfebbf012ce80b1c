import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import { inScopeSql } from '../../platform/auth/scope';
import { likeContains } from '../../platform/db/like';
import type { DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/http/route';

type Exec = Kysely<DB> | Transaction<DB>;

export type UserRow = {
  id: string;
  username: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  unit_id: number;
  unit_code: string;
  unit_full_name: string;
  unit_level: string;
  unit_path: string;
  password_hash: string;
  must_change_password: boolean;
  is_active: boolean;
  failed_login_count: number;
  locked_until: Date | null;
  mfa_secret_enc: string | null;
  mfa_enabled: boolean;
  last_login_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  roles: string[];
};

/** Every SQL statement about users and their roles. */
export class UsersRepo {
  constructor(private readonly db: Kysely<DB>) {}

  private base(exec: Exec) {
    return exec
      .selectFrom('app_user as u')
      .innerJoin('admin_unit as au', 'au.id', 'u.unit_id')
      .select([
        'u.id',
        'u.username',
        'u.full_name',
        'u.email',
        'u.phone',
        'u.unit_id',
        'au.code as unit_code',
        'au.full_name as unit_full_name',
        'au.level as unit_level',
        'au.path as unit_path',
        'u.password_hash',
        'u.must_change_password',
        'u.is_active',
        'u.failed_login_count',
        'u.locked_until',
        'u.mfa_secret_enc',
        'u.mfa_enabled',
        'u.last_login_at',
        'u.version',
        'u.created_at',
        'u.updated_at',
        sql<
          string[]
        >`coalesce((SELECT array_agg(ur.role_code ORDER BY ur.role_code) FROM user_role ur WHERE ur.user_id = u.id), '{}')`.as(
          'roles',
        ),
      ]);
  }

  async findByUsername(exec: Exec, username: string): Promise<UserRow | undefined> {
    return this.base(exec).where('u.username', '=', username.toLowerCase()).executeTakeFirst();
  }

  /** A user by id, locked FOR UPDATE when inside a transaction that will change it. */
  async findById(exec: Exec, id: string, opts: { forUpdate?: boolean } = {}): Promise<UserRow | undefined> {
    let q = this.base(exec).where('u.id', '=', id);
    if (opts.forUpdate) q = q.forUpdate('u');
    return q.executeTakeFirst();
  }

  /** A user by id only if their unit lies in the actor's subtree. */
  async findInScope(exec: Exec, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
    let q = this.base(exec).where('u.id', '=', id).where(inScopeSql('au.path', actor));
    if (opts.forUpdate) q = q.forUpdate('u');
    return q.executeTakeFirst();
  }

  /** Users in the actor's subtree ordered by username; `after` is the last username of the previous page. */
  async listInScope(
    actor: Actor,
    filter: { q?: string; unitPath?: string; active?: boolean; after?: string; limit: number },
  ): Promise<UserRow[]> {
    let q = this.base(this.db).where(inScopeSql('au.path', actor));
    if (filter.unitPath) q = q.where(inScopeSql('au.path', { unitPath: filter.unitPath }));
    if (filter.active !== undefined) q = q.where('u.is_active', '=', filter.active);
    if (filter.q) {
      const pattern = likeContains(filter.q);
      q = q.where(
        sql<boolean>`(vn_fold(u.full_name) LIKE vn_fold(${pattern}) OR u.username LIKE lower(${pattern}))`,
      );
    }
    if (filter.after) q = q.where('u.username', '>', filter.after);
    return q.orderBy('u.username').limit(filter.limit).execute();
  }

  async insert(
    tx: Transaction<DB>,
    user: {
      username: string;
      full_name: string;
      email: string | null;
      phone: string | null;
      unit_id: number;
      password_hash: string;
      must_change_password: boolean;
    },
  ): Promise<string> {
    const row = await tx.insertInto('app_user').values(user).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  /** Updates a user if its version is still `version`; returns false on a stale version. */
  async update(
    tx: Transaction<DB>,
    id: string,
    version: number,
    changes: Partial<{
      full_name: string;
      email: string | null;
      phone: string | null;
      unit_id: number;
      password_hash: string;
      must_change_password: boolean;
      password_changed_at: Date;
      is_active: boolean;
      failed_login_count: number;
      locked_until: Date | null;
      mfa_secret_enc: string | null;
      mfa_enabled: boolean;
      last_login_at: Date;
    }>,
  ): Promise<boolean> {
    const result = await tx
      .updateTable('app_user')
      .set({ ...changes, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Bookkeeping of sign-in attempts; not a user edit, so the version does not change. */
  async recordLoginOutcome(
    tx: Transaction<DB>,
    id: string,
    outcome: { failed_login_count: number; locked_until: Date | null; last_login_at?: Date },
  ): Promise<void> {
    await tx.updateTable('app_user').set(outcome).where('id', '=', id).execute();
  }

  async setRoles(tx: Transaction<DB>, userId: string, roles: string[]): Promise<void> {
    await tx.deleteFrom('user_role').where('user_id', '=', userId).execute();
    if (roles.length > 0) {
      await tx
        .insertInto('user_role')
        .values(roles.map((role_code) => ({ user_id: userId, role_code })))
        .execute();
    }
  }

  async deleteSessions(exec: Exec, userId: string, exceptSessionId?: string): Promise<void> {
    let q = exec.deleteFrom('user_session').where('user_id', '=', userId);
    if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
    await q.execute();
  }

  async replaceRecoveryCodes(tx: Transaction<DB>, userId: string, hashes: string[]): Promise<void> {
    await tx.deleteFrom('mfa_recovery_code').where('user_id', '=', userId).execute();
    if (hashes.length > 0) {
      await tx
        .insertInto('mfa_recovery_code')
        .values(hashes.map((code_hash) => ({ user_id: userId, code_hash })))
        .execute();
    }
  }

  /**
   * Records that a TOTP time step was used; false when this or a later step was used already, so a
   * code seen once (over a shoulder, in a proxy log) cannot sign in again.
   */
  async useTotpStep(tx: Transaction<DB>, userId: string, step: number): Promise<boolean> {
    const result = await tx
      .updateTable('app_user')
      .set({ mfa_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', String(step))]))
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Marks an unused recovery code as used; true when one matched. */
  async useRecoveryCode(tx: Transaction<DB>, userId: string, codeHash: string): Promise<boolean> {
    const result = await tx
      .updateTable('mfa_recovery_code')
      .set({ used_at: new Date() })
      .where('user_id', '=', userId)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Permissions of a set of roles (union). */
  async permissionsOfRoles(exec: Exec, roles: string[]): Promise<string[]> {
    if (roles.length === 0) return [];
    const rows = await exec.selectFrom('role').select('permissions').where('code', 'in', roles).execute();
    return [...new Set(rows.flatMap((r) => r.permissions))];
  }

  async existingRoles(exec: Exec, roles: string[]): Promise<string[]> {
    if (roles.length === 0) return [];
    const rows = await exec.selectFrom('role').select('code').where('code', 'in', roles).execute();
    return rows.map((r) => r.code);
  }
}
