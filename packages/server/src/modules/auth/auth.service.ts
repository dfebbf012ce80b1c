import {
  checkPasswordPolicy,
  type Permission,
  passwordPolicyMessages,
  type SessionInfo,
  sensitivePermissions,
} from '@tuoitho/domain';
import type { Transaction } from 'kysely';
import { writeAuditInTx } from '../../platform/audit/audit';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../../platform/auth/passwords';
import type { AppContext } from '../../platform/context';
import { sha256 } from '../../platform/crypto';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/http/errors';
import { ValidationFailure } from '../../platform/http/problem';
import type { Actor, RequestMeta } from '../../platform/http/route';
import { type UserRow, UsersRepo } from '../users/users.repo';
import { newRecoveryCodes, newTotpEnrolment, normaliseRecoveryCode, verifyTotp } from './mfa';

/** Failed sign-ins in a row before the account is locked, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
const MAX_MFA_ATTEMPTS = 5;

export type NewSession = { token: string; info: SessionInfo };

/** Sign-in, two-factor authentication, sessions and the user's own password. */
export class AuthService {
  private readonly users: UsersRepo;

  constructor(private readonly ctx: AppContext) {
    this.users = new UsersRepo(ctx.db);
  }

  /** True when 2FA is enforced and one of the user's roles can read case content. */
  private async requiresMfa(exec: Transaction<DB>, roles: string[]): Promise<boolean> {
    if (!this.ctx.config.mfaEnforced) return false;
    const permissions = await this.users.permissionsOfRoles(exec, roles);
    return permissions.some((p) => sensitivePermissions.includes(p as Permission));
  }

  /**
   * Checks a username and password. Five failures in a row lock the account for 15 minutes; a
   * locked account is refused without checking the password. Every attempt is audited.
   */
  async login(username: string, password: string, meta: RequestMeta): Promise<NewSession> {
    const user = await this.users.findByUsername(this.ctx.db, username);
    if (!user) {
      await verifyPassword(await DUMMY_HASH_PROMISE, password);
      await this.ctx.db.transaction().execute((tx) =>
        writeAuditInTx(
          tx,
          { meta },
          {
            action: 'auth.login_failed',
            entityType: 'user',
            entityId: null,
            details: { reason: 'unknown_user' },
          },
        ),
      );
      throw new AppError(401, 'invalid_credentials');
    }
    const now = new Date();
    if (user.locked_until && user.locked_until > now) throw this.lockedError(user.locked_until);
    const passwordOk = user.is_active && (await verifyPassword(user.password_hash, password));

    const outcome = await this.ctx.db.transaction().execute(async (tx) => {
      const source = { actor: { userId: user.id, username: user.username }, meta };
      const audit = { entityType: 'user', entityId: user.id, unitId: user.unit_id };
      if (!passwordOk) {
        const failures = user.failed_login_count + 1;
        const locked = failures >= MAX_FAILED_LOGINS;
        const lockedUntil = locked ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
        await this.users.recordLoginOutcome(tx, user.id, {
          failed_login_count: locked ? 0 : failures,
          locked_until: lockedUntil,
        });
        await writeAuditInTx(tx, source, {
          ...audit,
          action: locked ? 'auth.locked' : 'auth.login_failed',
          details: { reason: user.is_active ? 'wrong_password' : 'inactive', failures },
        });
        return { lockedUntil };
      }
      await this.users.recordLoginOutcome(tx, user.id, {
        failed_login_count: 0,
        locked_until: null,
        last_login_at: now,
      });
      const stage = user.mfa_enabled
        ? 'mfa'
        : (await this.requiresMfa(tx, user.roles))
          ? 'mfa_enrol'
          : 'active';
      const session = await this.ctx.sessions.create(tx, user.id, stage, meta);
      await writeAuditInTx(tx, source, { ...audit, action: 'auth.login', details: { stage } });
      return { session };
    });
    if ('lockedUntil' in outcome) {
      if (outcome.lockedUntil) throw this.lockedError(outcome.lockedUntil);
      throw new AppError(401, 'invalid_credentials');
    }
    const actor = await this.ctx.sessions.resolve(outcome.session.token);
    if (!actor) throw new AppError(401, 'unauthenticated');
    return { token: outcome.session.token, info: await this.sessionInfo(actor) };
  }

  private lockedError(until: Date) {
    const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
    return new AppError(429, 'account_locked', { minutes: Math.ceil(seconds / 60) }, [], {
      'retry-after': String(seconds),
    });
  }

  /**
   * Second step of sign-in: a TOTP code or an unused recovery code. On success the session is
   * replaced by a new one (new token), so a token seen before 2FA is worth nothing after it.
   */
  async verifyMfa(actor: Actor, code: string, meta: RequestMeta): Promise<NewSession> {
    if (actor.stage !== 'mfa')
      throw new AppError(409, 'conflict', {
        reason: meta.lang === 'en' ? 'No code is awaited' : 'Phiên không chờ mã xác thực',
      });
    const user = await this.getUser(actor.userId);
    const secret = user.mfa_secret_enc ? this.ctx.secrets.decrypt(user.mfa_secret_enc) : undefined;
    const result = await this.ctx.db.transaction().execute(async (tx) => {
      const source = { actor, meta };
      const isTotp = /^\d{6}$/.test(code);
      const step = isTotp && secret !== undefined ? verifyTotp(secret, code) : undefined;
      const ok = isTotp
        ? step !== undefined && (await this.users.useTotpStep(tx, user.id, step))
        : await this.users.useRecoveryCode(tx, user.id, sha256(normaliseRecoveryCode(code)));
      if (!ok) {
        const attempts = await tx
          .updateTable('user_session')
          .set((eb) => ({ mfa_attempts: eb('mfa_attempts', '+', 1) }))
          .where('id', '=', actor.sessionId)
          .returning('mfa_attempts')
          .executeTakeFirst();
        if ((attempts?.mfa_attempts ?? MAX_MFA_ATTEMPTS) >= MAX_MFA_ATTEMPTS) {
          await tx.deleteFrom('user_session').where('id', '=', actor.sessionId).execute();
        }
        await writeAuditInTx(tx, source, {
          action: 'auth.mfa_failed',
          entityType: 'user',
          entityId: user.id,
          unitId: user.unit_id,
        });
        return undefined;
      }
      await tx.deleteFrom('user_session').where('id', '=', actor.sessionId).execute();
      const session = await this.ctx.sessions.create(tx, user.id, 'active', meta);
      await writeAuditInTx(tx, source, {
        action: 'auth.mfa_verified',
        entityType: 'user',
        entityId: user.id,
        unitId: user.unit_id,
        details: { method: isTotp ? 'totp' : 'recovery_code' },
      });
      return session;
    });
    if (!result) throw new AppError(401, 'invalid_mfa_code');
    const next = await this.ctx.sessions.resolve(result.token);
    if (!next) throw new AppError(401, 'unauthenticated');
    return { token: result.token, info: await this.sessionInfo(next) };
  }

  /** What the client needs to know about the signed-in user and the session. */
  async sessionInfo(actor: Actor): Promise<SessionInfo> {
    const user = await this.getUser(actor.userId);
    const roles = await this.ctx.db
      .selectFrom('role')
      .select(['code', 'name_vi', 'name_en'])
      .where('code', 'in', user.roles.length ? user.roles : [''])
      .orderBy('code')
      .execute();
    const times = await this.ctx.sessions.getTimes(actor.sessionId);
    return {
      stage: actor.stage,
      csrfToken: actor.csrfToken,
      demoMode: this.ctx.config.demoMode,
      idleExpiresAt: times.idleExpiresAt.toISOString(),
      absoluteExpiresAt: times.absoluteExpiresAt.toISOString(),
      user: {
        id: user.id,
        username: user.username,
        fullName: user.full_name,
        unit: {
          id: user.unit_id,
          code: user.unit_code,
          fullName: user.unit_full_name,
          level: user.unit_level,
        },
        roles: roles.map((r) => ({ code: r.code, nameVi: r.name_vi, nameEn: r.name_en })),
        permissions: actor.stage === 'active' ? [...actor.permissions].sort() : [],
        mfaEnabled: user.mfa_enabled,
        mustChangePassword: user.must_change_password,
      },
    };
  }

  /** Ends one session. */
  async logout(actor: Actor, meta: RequestMeta): Promise<void> {
    await this.ctx.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('user_session').where('id', '=', actor.sessionId).execute();
      await writeAuditInTx(
        tx,
        { actor, meta },
        { action: 'auth.logout', entityType: 'user', entityId: actor.userId, unitId: actor.unitId },
      );
    });
  }

  /** Ends every session of the user, on every device. */
  async logoutEverywhere(actor: Actor, meta: RequestMeta): Promise<void> {
    await this.ctx.db.transaction().execute(async (tx) => {
      await this.users.deleteSessions(tx, actor.userId);
      await writeAuditInTx(
        tx,
        { actor, meta },
        { action: 'auth.logout_all', entityType: 'user', entityId: actor.userId, unitId: actor.unitId },
      );
    });
  }

  /** Changes the caller's password after checking the current one; other sessions are ended. */
  async changePassword(actor: Actor, current: string, next: string, meta: RequestMeta): Promise<void> {
    const user = await this.getUser(actor.userId);
    if (!(await verifyPassword(user.password_hash, current))) {
      throw new AppError(400, 'wrong_password', {}, [], {});
    }
    assertPasswordPolicy(next, user.username, meta, 'body.newPassword');
    if (await verifyPassword(user.password_hash, next)) {
      throw new ValidationFailure([
        {
          path: 'body.newPassword',
          message:
            meta.lang === 'en'
              ? 'The new password must differ from the current one'
              : 'Mật khẩu mới phải khác mật khẩu hiện tại',
        },
      ]);
    }
    const passwordHash = await hashPassword(next);
    await this.ctx.db.transaction().execute(async (tx) => {
      const updated = await this.users.update(tx, user.id, user.version, {
        password_hash: passwordHash,
        must_change_password: false,
        password_changed_at: new Date(),
      });
      if (!updated) throw new AppError(409, 'version_conflict');
      await this.users.deleteSessions(tx, user.id, actor.sessionId);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'user.password_changed',
          entityType: 'user',
          entityId: user.id,
          unitId: user.unit_id,
          before: { password_hash: user.password_hash },
          after: { password_hash: passwordHash },
        },
      );
    });
  }

  /** Starts 2FA enrolment: a new secret kept encrypted until confirmed with a first code. */
  async startMfaEnrolment(actor: Actor, meta: RequestMeta) {
    const user = await this.getUser(actor.userId);
    if (user.mfa_enabled) {
      throw new AppError(409, 'conflict', {
        reason:
          meta.lang === 'en' ? 'Two-factor authentication is already on' : 'Xác thực hai lớp đã được bật',
      });
    }
    const enrolment = await newTotpEnrolment(user.username);
    await this.ctx.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('app_user')
        .set({ mfa_secret_enc: this.ctx.secrets.encrypt(enrolment.secret) })
        .where('id', '=', user.id)
        .execute();
      await writeAuditInTx(
        tx,
        { actor, meta },
        { action: 'user.mfa_enrol_started', entityType: 'user', entityId: user.id, unitId: user.unit_id },
      );
    });
    return enrolment;
  }

  /** Confirms enrolment with a first code; returns ten recovery codes, shown once. */
  async confirmMfaEnrolment(
    actor: Actor,
    code: string,
    meta: RequestMeta,
  ): Promise<{ codes: string[]; session?: NewSession }> {
    const user = await this.getUser(actor.userId);
    if (user.mfa_enabled || !user.mfa_secret_enc) throw new AppError(409, 'mfa_not_enrolled');
    const step = verifyTotp(this.ctx.secrets.decrypt(user.mfa_secret_enc), code);
    if (step === undefined) throw new AppError(400, 'invalid_mfa_code');
    const codes = newRecoveryCodes();
    const newSession = await this.ctx.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('app_user')
        .set({ mfa_enabled: true, mfa_last_step: step, version: user.version + 1, updated_at: new Date() })
        .where('id', '=', user.id)
        .execute();
      await this.users.replaceRecoveryCodes(
        tx,
        user.id,
        codes.map((c) => sha256(normaliseRecoveryCode(c))),
      );
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'user.mfa_enabled',
          entityType: 'user',
          entityId: user.id,
          unitId: user.unit_id,
          before: { mfa_enabled: false },
          after: { mfa_enabled: true },
        },
      );
      if (actor.stage !== 'mfa_enrol') return undefined;
      await tx.deleteFrom('user_session').where('id', '=', actor.sessionId).execute();
      return this.ctx.sessions.create(tx, user.id, 'active', meta);
    });
    if (!newSession) return { codes };
    const next = await this.ctx.sessions.resolve(newSession.token);
    if (!next) throw new AppError(401, 'unauthenticated');
    return { codes, session: { token: newSession.token, info: await this.sessionInfo(next) } };
  }

  /** Turns 2FA off after checking the password, unless a role of the user requires it. */
  async disableMfa(actor: Actor, password: string, meta: RequestMeta): Promise<void> {
    const user = await this.getUser(actor.userId);
    if (!(await verifyPassword(user.password_hash, password))) throw new AppError(400, 'wrong_password');
    await this.ctx.db.transaction().execute(async (tx) => {
      if (await this.requiresMfa(tx, user.roles)) throw new AppError(403, 'mfa_required_by_role');
      await tx
        .updateTable('app_user')
        .set({ mfa_enabled: false, mfa_secret_enc: null })
        .where('id', '=', user.id)
        .execute();
      await this.users.replaceRecoveryCodes(tx, user.id, []);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'user.mfa_disabled',
          entityType: 'user',
          entityId: user.id,
          unitId: user.unit_id,
          before: { mfa_enabled: user.mfa_enabled },
          after: { mfa_enabled: false },
        },
      );
    });
  }

  private async getUser(id: string): Promise<UserRow> {
    const user = await this.users.findById(this.ctx.db, id);
    if (!user) throw new AppError(401, 'unauthenticated');
    return user;
  }
}

/** Throws a field-level validation problem listing every broken password rule. */
export function assertPasswordPolicy(
  password: string,
  username: string,
  meta: RequestMeta,
  path: string,
): void {
  const broken = checkPasswordPolicy(password, username);
  if (broken.length > 0) {
    throw new ValidationFailure(
      broken.map((rule) => ({ path, message: passwordPolicyMessages[rule][meta.lang] })),
    );
  }
}
