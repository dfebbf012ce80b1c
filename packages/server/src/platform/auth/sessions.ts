import { randomBytes } from 'node:crypto';
import { Permission, type SessionStage } from '@tuoitho/domain';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import { sha256 } from '../crypto';
import type { DB } from '../db/schema';
import type { Actor } from '../http/route';

export const SESSION_COOKIE = 'tt_session';

/** Only touch last_seen_at when it is older than this, to avoid a write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export type SessionTimes = { idleExpiresAt: Date; absoluteExpiresAt: Date };

/** Database-backed sessions: the cookie holds a random token, the table only its SHA-256. */
export class SessionStore {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly config: Config,
  ) {}

  /** Opens a session for a user and returns the cookie token and CSRF token. */
  async create(
    exec: Kysely<DB>,
    userId: string,
    stage: SessionStage,
    client: { ip: string; userAgent: string | undefined },
  ): Promise<{ token: string; sessionId: string; csrfToken: string }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const sessionId = sha256(token);
    await exec
      .insertInto('user_session')
      .values({
        id: sessionId,
        user_id: userId,
        stage,
        csrf_token: csrfToken,
        ip: client.ip,
        user_agent: client.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    return { token, sessionId, csrfToken };
  }

  /** When a session started and when it was last used decide when it ends. */
  times(session: { created_at: Date; last_seen_at: Date }): SessionTimes {
    return {
      idleExpiresAt: new Date(session.last_seen_at.getTime() + this.config.sessionIdleMs),
      absoluteExpiresAt: new Date(session.created_at.getTime() + this.config.sessionAbsoluteMs),
    };
  }

  /**
   * Resolves a cookie token to the signed-in actor; undefined when the session is unknown, idle for
   * more than 30 minutes, older than 12 hours, or its user is deactivated. Expired rows are deleted.
   */
  async resolve(token: string | undefined): Promise<Actor | undefined> {
    if (!token || token.length > 100) return undefined;
    const sessionId = sha256(token);
    const row = await this.db
      .selectFrom('user_session as s')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .innerJoin('admin_unit as au', 'au.id', 'u.unit_id')
      .select([
        's.id',
        's.stage',
        's.csrf_token',
        's.created_at',
        's.last_seen_at',
        'u.id as user_id',
        'u.username',
        'u.unit_id',
        'u.is_active',
        'u.must_change_password',
        'au.path as unit_path',
      ])
      .where('s.id', '=', sessionId)
      .executeTakeFirst();
    if (!row) return undefined;
    const now = Date.now();
    const { idleExpiresAt, absoluteExpiresAt } = this.times(row);
    if (!row.is_active || idleExpiresAt.getTime() <= now || absoluteExpiresAt.getTime() <= now) {
      await this.db.deleteFrom('user_session').where('id', '=', sessionId).execute();
      return undefined;
    }
    if (now - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
      await this.db
        .updateTable('user_session')
        .set({ last_seen_at: new Date() })
        .where('id', '=', sessionId)
        .execute();
    }
    const roles = await this.db
      .selectFrom('user_role as ur')
      .innerJoin('role as r', 'r.code', 'ur.role_code')
      .select('r.permissions')
      .where('ur.user_id', '=', row.user_id)
      .execute();
    const permissions = new Set<Permission>();
    for (const r of roles) {
      for (const p of r.permissions) {
        const parsed = Permission.safeParse(p);
        if (parsed.success) permissions.add(parsed.data);
      }
    }
    return {
      sessionId,
      stage: row.stage,
      csrfToken: row.csrf_token,
      userId: row.user_id,
      username: row.username,
      unitId: row.unit_id,
      unitPath: row.unit_path,
      permissions,
      mustChangePassword: row.must_change_password,
    };
  }

  /** Reads the timestamps of a session, for the session info sent to the client. */
  async getTimes(sessionId: string): Promise<SessionTimes> {
    const row = await this.db
      .selectFrom('user_session')
      .select(['created_at', 'last_seen_at'])
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    return this.times(row);
  }
}
