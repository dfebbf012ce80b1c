import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { Actor, RequestMeta } from '../http/route';

/** prev_hash of the first row of the chain. */
export const GENESIS_HASH = '0'.repeat(64);
/** Advisory lock that serialises audit writers so the hash chain stays linear. */
const AUDIT_CHAIN_LOCK = 7_270_002;

const SENSITIVE_KEYS = /password|secret|token|recovery|mfa_secret|hash$/i;
export const REDACTED = '[đã che]';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with object keys sorted, so equal values always hash the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function toJson(value: unknown): Json {
  return value === undefined ? null : (JSON.parse(canonicalJson(value)) as Json);
}

/**
 * The fields that changed between two versions of an entity, as `{field: {from, to}}`, with
 * sensitive fields (passwords, secrets, tokens) redacted. A create has `before` undefined.
 */
export function computeDiff(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): Record<string, { from: Json; to: Json }> {
  const diff: Record<string, { from: Json; to: Json }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of [...keys].sort()) {
    const from = toJson(before?.[key]);
    const to = toJson(after?.[key]);
    if (canonicalJson(from) === canonicalJson(to)) continue;
    diff[key] = SENSITIVE_KEYS.test(key)
      ? { from: from === null ? null : REDACTED, to: to === null ? null : REDACTED }
      : { from, to };
  }
  return diff;
}

export type AuditRowContent = {
  occurred_at: Date;
  actor_user_id: string | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id: number | null;
  diff: unknown;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
};

/** The hash of one audit row: SHA-256 over its content and the previous row's hash. */
export function hashAuditRow(row: AuditRowContent): string {
  const content = canonicalJson({
    ...row,
    occurred_at: row.occurred_at.toISOString(),
    unit_id: row.unit_id === null ? null : Number(row.unit_id),
  });
  return createHash('sha256').update(content).digest('hex');
}

export type AuditEvent = {
  action: string;
  entityType: string;
  entityId: string | null;
  unitId?: number | null;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Extra facts that are not field changes (e.g. the reason of a login failure). */
  details?: Record<string, unknown>;
};

export type AuditSource = { actor?: Pick<Actor, 'userId' | 'username'> | null; meta?: RequestMeta | null };

/**
 * Appends an audit row in the caller's transaction, chained to the previous row. Must be called
 * with the transaction that makes the change, so the change and its audit row commit together.
 */
export async function writeAuditInTx(
  tx: Transaction<DB>,
  source: AuditSource,
  event: AuditEvent,
): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(tx);
  const last = await tx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const diff = computeDiff(event.before, event.after);
  const row: AuditRowContent = {
    occurred_at: new Date(),
    actor_user_id: source.actor?.userId ?? null,
    actor_username: source.actor?.username ?? null,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId,
    unit_id: event.unitId ?? null,
    diff: toJson(event.details ? { ...diff, _details: event.details } : diff),
    request_id: source.meta?.requestId ?? null,
    ip: source.meta?.ip ?? null,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await tx
    .insertInto('audit_log')
    .values({ ...row, diff: JSON.stringify(row.diff), hash: hashAuditRow(row) })
    .execute();
}

/** Records a read of sensitive data (who, what, why) for later modules such as cases. */
export async function logRead(
  db: Kysely<DB> | Transaction<DB>,
  actor: Actor,
  meta: RequestMeta,
  read: { entityType: string; entityId: string; reason?: string | null },
): Promise<void> {
  await db
    .insertInto('read_log')
    .values({
      user_id: actor.userId,
      entity_type: read.entityType,
      entity_id: read.entityId,
      reason: read.reason ?? null,
      request_id: meta.requestId,
      ip: meta.ip,
    })
    .execute();
}

export type AuditVerification =
  | { ok: true; rows: number; headHash: string }
  | { ok: false; rows: number; badRowId: string; reason: 'hash_mismatch' | 'chain_broken' };

/**
 * Walks the whole chain in id order and names the first row whose content no longer matches its
 * hash (changed) or whose prev_hash does not match the row before it (a row deleted or inserted).
 */
export async function verifyAuditChain(db: Kysely<DB>, batchSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let afterId = '0';
  let rows = 0;
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (batch.length === 0) return { ok: true, rows, headHash: prevHash };
    for (const r of batch) {
      if (r.prev_hash !== prevHash)
        return { ok: false, rows, badRowId: String(r.id), reason: 'chain_broken' };
      const expected = hashAuditRow({
        occurred_at: r.occurred_at,
        actor_user_id: r.actor_user_id,
        actor_username: r.actor_username,
        action: r.action,
        entity_type: r.entity_type,
        entity_id: r.entity_id,
        unit_id: r.unit_id,
        diff: toJson(r.diff),
        request_id: r.request_id,
        ip: r.ip,
        prev_hash: r.prev_hash,
      });
      if (expected !== r.hash) return { ok: false, rows, badRowId: String(r.id), reason: 'hash_mismatch' };
      prevHash = r.hash;
      afterId = String(r.id);
      rows++;
    }
  }
}
