import {
  type CreateUserRequest,
  type UpdateUserRequest,
  type User,
  type UserListQuery,
  Username,
} from '@tuoitho/domain';
import type { Transaction } from 'kysely';
import { writeAuditInTx } from '../../platform/audit/audit';
import { hashPassword } from '../../platform/auth/passwords';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError, invalidField, notFound, versionConflict } from '../../platform/http/errors';
import type { Actor, RequestMeta } from '../../platform/http/route';
import { assertPasswordPolicy } from '../auth/auth.service';
import { canPlaceUserIn, userAbilities } from './users.policy';
import { type UserRow, UsersRepo } from './users.repo';

/** Permissions that administer accounts: only role managers may grant roles holding them. */
const ADMINISTRATIVE_PERMISSIONS: readonly string[] = ['users.manage', 'roles.manage'];

/** The audited, non-secret view of a user row (secrets appear only as redacted markers). */
const auditView = (u: UserRow) => ({
  username: u.username,
  full_name: u.full_name,
  email: u.email,
  phone: u.phone,
  unit_id: u.unit_id,
  roles: u.roles,
  is_active: u.is_active,
  mfa_enabled: u.mfa_enabled,
  locked_until: u.locked_until,
  password_hash: u.password_hash,
  must_change_password: u.must_change_password,
});

const encodeCursor = (username: string) => Buffer.from(username, 'utf8').toString('base64url');
/** The username a cursor stands for; a cursor that is not one is refused, not sent to the database. */
const decodeCursor = (cursor: string) => {
  const username = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!Username.safeParse(username).success) throw invalidField('query.cursor', 'invalid_cursor');
  return username;
};

/** User administration, always inside the actor's unit subtree. */
export class UsersService {
  private readonly repo: UsersRepo;

  constructor(private readonly ctx: AppContext) {
    this.repo = new UsersRepo(ctx.db);
  }

  private toUser(actor: Actor, u: UserRow): User {
    return {
      id: u.id,
      username: u.username,
      fullName: u.full_name,
      email: u.email,
      phone: u.phone,
      unit: { id: u.unit_id, code: u.unit_code, fullName: u.unit_full_name },
      roles: u.roles,
      isActive: u.is_active,
      mfaEnabled: u.mfa_enabled,
      lockedUntil: u.locked_until && u.locked_until > new Date() ? u.locked_until.toISOString() : null,
      lastLoginAt: u.last_login_at?.toISOString() ?? null,
      createdAt: u.created_at.toISOString(),
      updatedAt: u.updated_at.toISOString(),
      version: u.version,
      abilities: userAbilities(actor, u),
    };
  }

  /** Users of the actor's subtree, by username, a page at a time. */
  async listUsers(actor: Actor, query: UserListQuery) {
    let unitPath: string | undefined;
    if (query.unitId) {
      const unit = await this.ctx.db
        .selectFrom('admin_unit')
        .select('path')
        .where('id', '=', query.unitId)
        .executeTakeFirst();
      if (!unit) throw invalidField('query.unitId', 'unit_not_found');
      unitPath = unit.path;
    }
    const rows = await this.repo.listInScope(actor, {
      limit: query.limit + 1,
      ...(query.q ? { q: query.q } : {}),
      ...(unitPath ? { unitPath } : {}),
      ...(query.active ? { active: query.active === 'true' } : {}),
      ...(query.cursor ? { after: decodeCursor(query.cursor) } : {}),
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((u) => this.toUser(actor, u)),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.username) : null,
    };
  }

  /** One user of the actor's subtree; 404 for users outside it (their existence is not revealed). */
  async getUser(actor: Actor, id: string): Promise<User> {
    const row = await this.repo.findInScope(this.ctx.db, actor, id);
    if (!row) throw notFound();
    return this.toUser(actor, row);
  }

  private async unitPathForPlacement(tx: Transaction<DB>, actor: Actor, unitId: number, path: string) {
    const unit = await tx
      .selectFrom('admin_unit')
      .select(['path', 'valid_to'])
      .where('id', '=', unitId)
      .executeTakeFirst();
    if (!unit || unit.valid_to !== null) throw invalidField(path, 'unit_not_found');
    if (!canPlaceUserIn(actor, unit.path)) throw invalidField(path, 'unit_out_of_scope', 403);
    return unit.path;
  }

  /**
   * The roles must exist, and roles that administer users or roles may only be granted by someone
   * who manages roles: otherwise a commune user manager could make anyone (or themselves) an
   * administrator.
   */
  private async assertRoles(tx: Transaction<DB>, actor: Actor, roles: string[]) {
    const existing = await this.repo.existingRoles(tx, roles);
    const missing = roles.filter((r) => !existing.includes(r));
    if (missing.length > 0) throw invalidField('body.roles', 'role_not_found');
    const granted = await this.repo.permissionsOfRoles(tx, roles);
    const administers = granted.some((p) => ADMINISTRATIVE_PERMISSIONS.includes(p));
    if (administers && !actor.permissions.has('roles.manage')) {
      throw invalidField('body.roles', 'role_not_grantable', 403);
    }
  }

  /** Creates a user in a unit of the actor's subtree; they must change the password at first sign-in. */
  async createUser(actor: Actor, input: CreateUserRequest, meta: RequestMeta): Promise<User> {
    assertPasswordPolicy(input.password, input.username, meta, 'body.password');
    const passwordHash = await hashPassword(input.password);
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      await this.unitPathForPlacement(tx, actor, input.unitId, 'body.unitId');
      const roles = [...new Set(input.roles)];
      await this.assertRoles(tx, actor, roles);
      if (await this.repo.findByUsername(tx, input.username))
        throw invalidField('body.username', 'username_taken', 409);
      const userId = await this.repo.insert(tx, {
        username: input.username.toLowerCase(),
        full_name: input.fullName,
        email: input.email ?? null,
        phone: input.phone ?? null,
        unit_id: input.unitId,
        password_hash: passwordHash,
        must_change_password: true,
      });
      await this.repo.setRoles(tx, userId, roles);
      const created = await this.repo.findById(tx, userId);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'user.create',
          entityType: 'user',
          entityId: userId,
          unitId: input.unitId,
          after: created ? auditView(created) : {},
        },
      );
      return userId;
    });
    return this.getUser(actor, id);
  }

  /**
   * Runs a change on a user of the actor's subtree under optimistic concurrency: the row is locked,
   * its version compared, the change applied and audited, all in one transaction.
   */
  private async changeUser(
    actor: Actor,
    id: string,
    version: number,
    meta: RequestMeta,
    action: string,
    change: (tx: Transaction<DB>, current: UserRow) => Promise<Parameters<UsersRepo['update']>[3]>,
  ): Promise<User> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const current = await this.repo.findInScope(tx, actor, id, { forUpdate: true });
      if (!current) throw notFound();
      if (!userAbilities(actor, current).canEdit) throw new AppError(403, 'forbidden');
      if (current.version !== version) throw versionConflict();
      const changes = await change(tx, current);
      if (!(await this.repo.update(tx, id, version, changes))) throw versionConflict();
      const after = await this.repo.findById(tx, id);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action,
          entityType: 'user',
          entityId: id,
          unitId: after?.unit_id ?? current.unit_id,
          before: auditView(current),
          after: after ? auditView(after) : {},
        },
      );
    });
    return this.getUserAfterChange(actor, id);
  }

  /** After moving a user out of one's own subtree, the answer still describes the change. */
  private async getUserAfterChange(actor: Actor, id: string): Promise<User> {
    const row = await this.repo.findById(this.ctx.db, id);
    if (!row) throw notFound();
    return this.toUser(actor, row);
  }

  /** Edits name, contacts, unit and roles. */
  updateUser(actor: Actor, id: string, input: UpdateUserRequest, meta: RequestMeta) {
    return this.changeUser(actor, id, input.version, meta, 'user.update', async (tx, current) => {
      if (input.unitId !== undefined && input.unitId !== current.unit_id) {
        await this.unitPathForPlacement(tx, actor, input.unitId, 'body.unitId');
      }
      if (input.roles) {
        const roles = [...new Set(input.roles)].sort();
        if (id === actor.userId && roles.join() !== [...current.roles].sort().join()) {
          throw invalidField('body.roles', 'cannot_change_own_roles', 403);
        }
        await this.assertRoles(tx, actor, roles);
        await this.repo.setRoles(tx, id, roles);
      }
      return {
        ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
      };
    });
  }

  /** Deactivates a user and ends their sessions. */
  deactivateUser(actor: Actor, id: string, version: number, meta: RequestMeta) {
    return this.changeUser(actor, id, version, meta, 'user.deactivate', async (tx, current) => {
      if (current.id === actor.userId) throw invalidField('params.id', 'cannot_deactivate_self', 409);
      await this.repo.deleteSessions(tx, id);
      return { is_active: false };
    });
  }

  /** Reactivates a user. */
  activateUser(actor: Actor, id: string, version: number, meta: RequestMeta) {
    return this.changeUser(actor, id, version, meta, 'user.activate', async () => ({
      is_active: true,
      failed_login_count: 0,
      locked_until: null,
    }));
  }

  /** Sets a temporary password that the user must change at the next sign-in; ends their sessions. */
  async resetPassword(actor: Actor, id: string, version: number, newPassword: string, meta: RequestMeta) {
    const target = await this.repo.findInScope(this.ctx.db, actor, id);
    if (!target) throw notFound();
    assertPasswordPolicy(newPassword, target.username, meta, 'body.newPassword');
    const passwordHash = await hashPassword(newPassword);
    return this.changeUser(actor, id, version, meta, 'user.reset_password', async (tx) => {
      await this.repo.deleteSessions(tx, id);
      return {
        password_hash: passwordHash,
        must_change_password: true,
        password_changed_at: new Date(),
        failed_login_count: 0,
        locked_until: null,
      };
    });
  }

  /** Lifts a lockout after failed sign-ins. */
  unlockUser(actor: Actor, id: string, version: number, meta: RequestMeta) {
    return this.changeUser(actor, id, version, meta, 'user.unlock', async () => ({
      failed_login_count: 0,
      locked_until: null,
    }));
  }

  /** Removes a user's 2FA (lost phone); they enrol again at the next sign-in if their role requires it. */
  resetMfa(actor: Actor, id: string, version: number, meta: RequestMeta) {
    return this.changeUser(actor, id, version, meta, 'user.mfa_reset', async (tx) => {
      await this.repo.replaceRecoveryCodes(tx, id, []);
      await this.repo.deleteSessions(tx, id);
      return { mfa_enabled: false, mfa_secret_enc: null };
    });
  }
}
