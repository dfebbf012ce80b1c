import { type Kysely, sql, type Transaction } from 'kysely';
import { isInScope } from '../../platform/auth/scope';
import type { DB } from '../../platform/db/schema';
import { invalidField, notFound, outOfScope } from '../../platform/http/errors';
import type { Actor } from '../../platform/http/route';

/** The database or a transaction. */
export type Exec = Kysely<DB> | Transaction<DB>;

/**
 * Scope rules of the programmes module. Records belong to a unit. A caller writes only inside the
 * subtree of their own unit; they read that subtree, and also the documents and programmes of the
 * units above them (a province plan applies to its communes).
 */

export interface UnitRow {
  id: number;
  code: string;
  level: string;
  path: string;
  name: string;
  province_code: string | null;
}

/** A current unit by code, or undefined. */
export function findCurrentUnit(exec: Exec, code: string): Promise<UnitRow | undefined> {
  return exec
    .selectFrom('admin_unit')
    .select(['id', 'code', 'level', 'path', 'full_name as name', 'province_code'])
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

/** The caller's own unit. */
export function actorUnit(exec: Exec, actor: Actor): Promise<UnitRow> {
  return exec
    .selectFrom('admin_unit')
    .select(['id', 'code', 'level', 'path', 'full_name as name', 'province_code'])
    .where('id', '=', actor.unitId)
    .executeTakeFirstOrThrow();
}

/**
 * The unit named by `code` (default the caller's own) when it lies in the caller's subtree:
 * unknown code → 422 on `field`, outside the subtree → 403.
 */
export async function unitInScope(
  exec: Exec,
  actor: Actor,
  code: string | undefined,
  field = 'unit',
): Promise<UnitRow> {
  if (!code) return actorUnit(exec, actor);
  const unit = await findCurrentUnit(exec, code);
  if (!unit) throw invalidField(field, 'unit_not_found', 422);
  if (!isInScope(actor, unit.path)) throw outOfScope();
  return unit;
}

/** SQL: the unit path is in the caller's subtree (read and write). */
export function inSubtreeSql(pathColumn: string, actor: Pick<Actor, 'unitPath'>) {
  return sql<boolean>`${sql.ref(pathColumn)} <@ ${actor.unitPath}::ltree`;
}

/** SQL: the unit path is in the caller's subtree or above it (documents and programmes). */
export function inSubtreeOrAboveSql(pathColumn: string, actor: Pick<Actor, 'unitPath'>) {
  return sql<boolean>`(${sql.ref(pathColumn)} <@ ${actor.unitPath}::ltree OR ${sql.ref(pathColumn)} @> ${actor.unitPath}::ltree)`;
}

/** True when the path is the caller's unit, below it or above it. */
export function isInScopeOrAbove(actor: Pick<Actor, 'unitPath'>, unitPath: string): boolean {
  return (
    isInScope(actor, unitPath) || actor.unitPath === unitPath || actor.unitPath.startsWith(`${unitPath}.`)
  );
}

/** Throws 404 for a record the caller may not read (its existence is not revealed). */
export function assertReadable(actor: Actor, unitPath: string, orAbove = false): void {
  if (orAbove ? !isInScopeOrAbove(actor, unitPath) : !isInScope(actor, unitPath)) throw notFound();
}

/** Throws 403 for a record the caller reads but may not change (a unit above theirs). */
export function assertWritable(actor: Actor, unitPath: string): void {
  if (!isInScope(actor, unitPath)) throw outOfScope();
}
