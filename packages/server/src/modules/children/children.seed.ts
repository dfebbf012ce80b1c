import { type Kysely, sql } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { ChildGenerator, type GenerationUnit, insertGeneratedChildren } from './children.generate';

/** Seed of the demo data set: fixed, so every demo installation shows the same children. */
export const DEMO_CHILDREN_SEED = 2025;

/**
 * The demo area: the two wards formed in 2025 from thị xã Bỉm Sơn (Thanh Hóa). About 14,000
 * children, a quarter of a population of about 70,000 (children under 16 are over 25 % of
 * Thanh Hóa's population); phường Bỉm Sơn is the larger.
 */
export const DEMO_CHILDREN_UNITS = [
  { code: '14812', count: 9000 },
  { code: '14818', count: 5000 },
] as const;

export type LoadedGenerationUnit = GenerationUnit & { id: number };

const validAt = (at: string) =>
  sql<boolean>`(u.valid_from IS NULL OR u.valid_from <= ${at}::date) AND (u.valid_to IS NULL OR u.valid_to >= ${at}::date)`;

/**
 * The commune-level units valid at a date, with the full names of the units merged into them in
 * 2025 (for schools and birth registration authorities), by unit codes or by province.
 */
export async function loadGenerationUnits(
  db: Kysely<DB>,
  filter: { unitCodes: readonly string[] } | { provinceCode: string },
  at: string,
): Promise<LoadedGenerationUnit[]> {
  let query = db
    .selectFrom('admin_unit as u')
    .select([
      'u.id',
      'u.code',
      'u.name',
      'u.full_name',
      'u.type',
      'u.province_code',
      sql<string[]>`ARRAY(
        SELECT o.full_name FROM admin_unit_mapping m JOIN admin_unit o ON o.id = m.old_unit_id
        WHERE m.new_unit_id = u.id AND m.population <> 'none' ORDER BY o.code)`.as('former_names'),
    ])
    .where('u.level', '=', 'commune')
    .where(validAt(at))
    .orderBy('u.code');
  query =
    'unitCodes' in filter
      ? query.where('u.code', 'in', [...filter.unitCodes])
      : query.where('u.province_code', '=', filter.provinceCode);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    fullName: row.full_name,
    type: row.type,
    provinceCode: row.province_code ?? row.code.slice(0, 2),
    formerUnitNames: row.former_names,
  }));
}

export type DemoChildrenResult = { unitCode: string; created: number; skipped: boolean }[];

/**
 * Adds the demo children (demo mode only): about 9,000 in phường Bỉm Sơn and 5,000 in phường
 * Quang Trung, ages computed at `referenceDate`. A unit that already has children is skipped,
 * so the call is safe on every start.
 */
export async function seedDemoChildren(
  ctx: Pick<AppContext, 'db'>,
  opts: { referenceDate: string; units?: ReadonlyArray<{ code: string; count: number }> },
): Promise<DemoChildrenResult> {
  const plan = opts.units ?? DEMO_CHILDREN_UNITS;
  const units = await loadGenerationUnits(ctx.db, { unitCodes: plan.map((p) => p.code) }, opts.referenceDate);
  const planned = plan.map(({ code }) => {
    const unit = units.find((u) => u.code === code);
    if (!unit) throw new Error(`Demo unit ${code} is not valid at ${opts.referenceDate}`);
    return unit;
  });
  const hasChildren = await Promise.all(
    planned.map(async (unit) =>
      Boolean(
        await ctx.db
          .selectFrom('child')
          .select('id')
          .where('unit_id', '=', unit.id)
          .limit(1)
          .executeTakeFirst(),
      ),
    ),
  );
  const result: DemoChildrenResult = [];
  if (hasChildren.every(Boolean))
    return plan.map(({ code }) => ({ unitCode: code, created: 0, skipped: true }));
  const generator = new ChildGenerator({ seed: DEMO_CHILDREN_SEED, referenceDate: opts.referenceDate });
  for (const [index, { code, count }] of plan.entries()) {
    const unit = planned[index]!;
    // Generated even when skipped, so that the next unit's children (and ids) stay the same.
    const children = [...generator.generateForUnit(unit, count)];
    if (hasChildren[index]) {
      result.push({ unitCode: code, created: 0, skipped: true });
      continue;
    }
    const written = await insertGeneratedChildren(ctx.db, children, {
      unitId: unit.id,
      seed: DEMO_CHILDREN_SEED,
    });
    result.push({ unitCode: code, created: written.children, skipped: false });
  }
  return result;
}
