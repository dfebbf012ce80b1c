import type { Unit, UnitLevel } from '@tuoitho/domain';
import { type Kysely, sql } from 'kysely';
import { likeContains } from '../../platform/db/like';
import type { DB } from '../../platform/db/schema';

type UnitDbRow = {
  id: number;
  code: string;
  level: UnitLevel;
  type: string;
  type_name: string;
  name: string;
  full_name: string;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  path: string;
  has_children: boolean;
};

export type UnitRecord = Unit & { path: string };

const toUnit = (r: UnitDbRow): UnitRecord => ({
  id: r.id,
  code: r.code,
  level: r.level,
  type: r.type,
  typeName: r.type_name,
  name: r.name,
  fullName: r.full_name,
  parentId: r.parent_id,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  hasChildren: r.has_children,
  path: r.path,
});

/** Units valid at a date (both ends of the period inclusive). */
const validAt = (at: string) =>
  sql<boolean>`(u.valid_from IS NULL OR u.valid_from <= ${at}::date) AND (u.valid_to IS NULL OR u.valid_to >= ${at}::date)`;

const LEVEL_ORDER = sql<number>`CASE u.level WHEN 'country' THEN 0 WHEN 'province' THEN 1 WHEN 'district' THEN 2 ELSE 3 END`;

/** Every SQL statement about administrative units. */
export class UnitsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  private base() {
    return this.db
      .selectFrom('admin_unit as u')
      .select([
        'u.id',
        'u.code',
        'u.level',
        'u.type',
        'u.type_name',
        'u.name',
        'u.full_name',
        'u.parent_id',
        'u.valid_from',
        'u.valid_to',
        'u.path',
        sql<boolean>`EXISTS (SELECT 1 FROM admin_unit c WHERE c.parent_id = u.id)`.as('has_children'),
      ]);
  }

  /** The unit with this code valid at the date, if any. */
  async findByCode(code: string, at: string): Promise<UnitRecord | undefined> {
    const row = await this.base().where('u.code', '=', code).where(validAt(at)).executeTakeFirst();
    return row ? toUnit(row as UnitDbRow) : undefined;
  }

  async findById(id: number): Promise<UnitRecord | undefined> {
    const row = await this.base().where('u.id', '=', id).executeTakeFirst();
    return row ? toUnit(row as UnitDbRow) : undefined;
  }

  async listChildren(parentId: number): Promise<UnitRecord[]> {
    const rows = await this.base().where('u.parent_id', '=', parentId).orderBy('u.code').execute();
    return (rows as UnitDbRow[]).map(toUnit);
  }

  /** The unit and its ancestors, root first. */
  async listPath(path: string): Promise<UnitRecord[]> {
    const rows = await this.base()
      .where(sql<boolean>`u.path @> ${path}::ltree`)
      .orderBy(sql`nlevel(u.path)`)
      .execute();
    return (rows as UnitDbRow[]).map(toUnit);
  }

  /** Ancestors of many units at once, keyed by unit id (for search results). */
  async listPaths(paths: string[]): Promise<UnitRecord[]> {
    if (paths.length === 0) return [];
    const rows = await this.base()
      .where(sql<boolean>`u.path @> ANY (string_to_array(${paths.join(',')}, ',')::ltree[])`)
      .execute();
    return (rows as UnitDbRow[]).map(toUnit);
  }

  /**
   * Diacritics- and case-insensitive search: every word of the query must occur in the folded
   * full name. Exact names first, then units near the caller (`nearPath`), then names starting with
   * the query, then by level and code.
   */
  async search(opts: {
    q: string;
    at: string;
    level?: UnitLevel;
    withinPath?: string;
    nearPath?: string;
    limit: number;
  }) {
    const words = opts.q.split(/\s+/).filter(Boolean);
    const folded = sql`vn_fold(${opts.q})`;
    let q = this.base().where(validAt(opts.at));
    for (const word of words) {
      q = q.where(sql<boolean>`u.search_name LIKE vn_fold(${likeContains(word)})`);
    }
    if (opts.level) q = q.where('u.level', '=', opts.level);
    if (opts.withinPath) q = q.where(sql<boolean>`u.path <@ ${opts.withinPath}::ltree`);
    const rows = await q
      .orderBy(sql`(vn_fold(u.name) = ${folded} OR u.search_name = ${folded})`, 'desc')
      .orderBy(opts.nearPath ? sql`(u.path <@ ${opts.nearPath}::ltree)` : sql`true`, 'desc')
      .orderBy(sql`(vn_fold(u.name) LIKE ${folded} || '%')`, 'desc')
      .orderBy(LEVEL_ORDER)
      .orderBy('u.code')
      .limit(opts.limit)
      .execute();
    return (rows as UnitDbRow[]).map(toUnit);
  }

  /** The mapping rows of an old unit (valid until 30/06/2025) to today's units. */
  async listSuccessors(oldUnitId: number) {
    return this.db
      .selectFrom('admin_unit_mapping')
      .selectAll()
      .where('old_unit_id', '=', oldUnitId)
      .orderBy('new_unit_id')
      .execute();
  }

  /** Old units (valid until 30/06/2025) of a level whose mapping leads into a subtree of today. */
  async listPredecessorsWithin(path: string, level: UnitLevel): Promise<UnitRecord[]> {
    const rows = await this.base()
      .where('u.level', '=', level)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('admin_unit_mapping as m')
            .innerJoin('admin_unit as n', 'n.id', 'm.new_unit_id')
            .select(sql`1`.as('one'))
            .whereRef('m.old_unit_id', '=', 'u.id')
            .where(sql<boolean>`n.path <@ ${path}::ltree`),
        ),
      )
      .orderBy('u.code')
      .execute();
    return (rows as UnitDbRow[]).map(toUnit);
  }
}
