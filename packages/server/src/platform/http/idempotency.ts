import type { Kysely } from 'kysely';
import { canonicalJson } from '../audit/audit';
import { sha256 } from '../crypto';
import type { DB } from '../db/schema';
import { AppError } from './errors';

/** Stored answer of an earlier POST with the same Idempotency-Key, if any. */
export async function findIdempotentReply(
  db: Kysely<DB>,
  userId: string,
  key: string,
  request: { method: string; path: string; body: unknown },
): Promise<{ status: number; body: unknown } | undefined> {
  const row = await db
    .selectFrom('idempotency_key')
    .selectAll()
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  const hash = sha256(canonicalJson(request.body ?? null));
  if (row.method !== request.method || row.path !== request.path || row.request_hash !== hash) {
    throw new AppError(422, 'idempotency_mismatch');
  }
  return { status: row.status, body: row.body };
}

/** Remembers the answer of a POST so that a retry with the same key gets it again. */
export async function saveIdempotentReply(
  db: Kysely<DB>,
  userId: string,
  key: string,
  request: { method: string; path: string; body: unknown },
  reply: { status: number; body: unknown },
): Promise<void> {
  await db
    .insertInto('idempotency_key')
    .values({
      user_id: userId,
      key,
      method: request.method,
      path: request.path,
      request_hash: sha256(canonicalJson(request.body ?? null)),
      status: reply.status,
      body: JSON.stringify(reply.body ?? null),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
