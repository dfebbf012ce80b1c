import type { AuditEntry } from '@tuoitho/domain';
import type { Kysely } from 'kysely';
import { inScopeSql } from '../../platform/auth/scope';
import type { DB } from '../../platform/db/schema';
import { invalidField } from '../../platform/http/errors';
import type { Actor } from '../../platform/http/route';

/** Reading the audit log: only rows about units in the actor's subtree. */
export class AuditService {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * The newest entries about some entities, whatever unit each row was written for. Only for a
   * caller that has already checked the entities are in the actor's subtree: a child's history
   * follows it from commune to commune and includes the records merged into it.
   */
  async listEntityEntries(entityType: string, entityIds: string[], limit: number): Promise<AuditEntry[]> {
    if (entityIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('audit_log as a')
      .select([
        'a.id',
        'a.occurred_at',
        'a.actor_username',
        'a.action',
        'a.entity_type',
        'a.entity_id',
        'a.diff',
        'a.request_id',
        'a.ip',
      ])
      .where('a.entity_type', '=', entityType)
      .where('a.entity_id', 'in', entityIds)
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toEntry);
  }

  /** Newest first; the cursor is the id of the last row of the previous page. */
  async listEntries(
    actor: Actor,
    query: {
      limit: number;
      cursor?: string | undefined;
      entityType?: string | undefined;
      entityId?: string | undefined;
    },
  ): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
    let q = this.db
      .selectFrom('audit_log as a')
      .innerJoin('admin_unit as u', 'u.id', 'a.unit_id')
      .select([
        'a.id',
        'a.occurred_at',
        'a.actor_username',
        'a.action',
        'a.entity_type',
        'a.entity_id',
        'a.diff',
        'a.request_id',
        'a.ip',
      ])
      .where(inScopeSql('u.path', actor));
    if (query.entityType) q = q.where('a.entity_type', '=', query.entityType);
    if (query.entityId) q = q.where('a.entity_id', '=', query.entityId);
    if (query.cursor) {
      // An id of bigint range; anything else would be a database error, not an empty page.
      if (!/^\d{1,18}$/.test(query.cursor)) throw invalidField('query.cursor', 'invalid_cursor');
      q = q.where('a.id', '<', query.cursor);
    }
    const rows = await q
      .orderBy('a.id', 'desc')
      .limit(query.limit + 1)
      .execute();
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(toEntry),
      nextCursor: rows.length > query.limit ? String(page.at(-1)?.id) : null,
    };
  }
}

function toEntry(r: {
  id: string | number | bigint;
  occurred_at: Date;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  diff: unknown;
  request_id: string | null;
  ip: string | null;
}): AuditEntry {
  return {
    id: String(r.id),
    occurredAt: r.occurred_at.toISOString(),
    actorUsername: r.actor_username,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    diff: r.diff,
    requestId: r.request_id,
    ip: r.ip,
  };
}
