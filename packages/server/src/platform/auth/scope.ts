import { sql } from 'kysely';
import type { Actor } from '../http/route';

/**
 * Unit-subtree scoping. Every user acts inside the subtree of their own unit: a unit path is in
 * scope when it is the user's unit path or lies below it. Queries filter with `inScopeSql` so that
 * data outside the subtree never leaves the database.
 */
export function isInScope(actor: Pick<Actor, 'unitPath'>, unitPath: string): boolean {
  return unitPath === actor.unitPath || unitPath.startsWith(`${actor.unitPath}.`);
}

/** SQL condition: the ltree column lies in the actor's subtree. */
export function inScopeSql(pathColumn: string, actor: Pick<Actor, 'unitPath'>) {
  return sql<boolean>`${sql.ref(pathColumn)} <@ ${actor.unitPath}::ltree`;
}
