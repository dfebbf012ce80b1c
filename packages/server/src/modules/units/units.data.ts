import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { REFORM_2025_DATE } from '@tuoitho/domain';
import { sql } from 'kysely';
import type { Database } from '../../platform/db/database';

/** The unit data copied from shared/domain/admin-units (see data/admin-units/SOURCES.md). */
export const UNITS_DATA_DIR = path.join(import.meta.dirname, '../../../data/admin-units');
const DATASET = 'admin-units-2025';
const LAST_DAY_BEFORE_REFORM = '2025-06-30';

type SourceCommune = { code: string; name: string; full_name: string; type: string };
type SourceDistrict = SourceCommune & { communes: SourceCommune[] };
type SourceProvince = SourceCommune & { communes?: SourceCommune[]; districts?: SourceDistrict[] };
type SourceFile = {
  meta: { type_values: Record<string, Record<string, string>> };
  provinces: SourceProvince[];
};
type MappingFile = {
  provinces: { old_code: string; old_name: string; new_code: string; new_name: string }[];
  districts_without_communes: { old_district_code: string; new_code: string; relation: string }[];
  communes: {
    old_code: string;
    new_code: string;
    relation: string;
    area: string;
    population: string;
    note_vi: string;
    old_split_into: number;
  }[];
};

export type UnitRow = {
  id: number;
  code: string;
  level: 'country' | 'province' | 'district' | 'commune';
  type: string;
  type_name: string;
  name: string;
  full_name: string;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  path: string;
  province_code: string | null;
};

type MappingRow = {
  old_unit_id: number;
  new_unit_id: number;
  relation: string;
  area: string;
  population: string;
  old_split_into: number;
  note: string | null;
};

const readJson = <T>(file: string): { data: T; raw: Buffer } => {
  const raw = fs.readFileSync(path.join(UNITS_DATA_DIR, file));
  return { data: JSON.parse(raw.toString('utf8')) as T, raw };
};

/**
 * Builds the unit tree: the country, the 63 provinces / 696 districts / 10,035 communes valid until
 * 30/06/2025, and the 34 provinces / 3,321 communes valid from 01/07/2025, plus the old→new
 * mapping rows. Ids are assigned here so that the ltree path can be computed in one pass.
 */
export function buildUnitRows(): { units: UnitRow[]; mapping: MappingRow[]; checksum: string } {
  const current = readJson<SourceFile>('units_2025.json');
  const previous = readJson<SourceFile>('units_pre2025.json');
  const map = readJson<MappingFile>('mapping_2025.json');
  const checksum = createHash('sha256')
    .update(current.raw)
    .update(previous.raw)
    .update(map.raw)
    .digest('hex');

  const units: UnitRow[] = [];
  const add = (row: Omit<UnitRow, 'id' | 'path'>, parent: UnitRow | undefined): UnitRow => {
    const id = units.length + 1;
    const unit = { ...row, id, path: parent ? `${parent.path}.u${id}` : `u${id}` };
    units.push(unit);
    return unit;
  };
  const typeName = (file: SourceFile, level: string, type: string) =>
    file.meta.type_values[level]?.[type] ?? type;

  const country = add(
    {
      code: 'VN',
      level: 'country',
      type: 'quoc_gia',
      type_name: 'Quốc gia',
      name: 'Việt Nam',
      full_name: 'Việt Nam',
      parent_id: null,
      valid_from: null,
      valid_to: null,
      province_code: null,
    },
    undefined,
  );

  const oldByKey = new Map<string, UnitRow>();
  for (const p of previous.data.provinces) {
    const period = { valid_from: null, valid_to: LAST_DAY_BEFORE_REFORM, province_code: p.code };
    const province = add(
      {
        ...period,
        code: p.code,
        level: 'province',
        type: p.type,
        type_name: typeName(previous.data, 'province', p.type),
        name: p.name,
        full_name: p.full_name,
        parent_id: country.id,
      },
      country,
    );
    oldByKey.set(`province:${p.code}`, province);
    for (const d of p.districts ?? []) {
      const district = add(
        {
          ...period,
          code: d.code,
          level: 'district',
          type: d.type,
          type_name: typeName(previous.data, 'district', d.type),
          name: d.name,
          full_name: d.full_name,
          parent_id: province.id,
        },
        province,
      );
      oldByKey.set(`district:${d.code}`, district);
      for (const c of d.communes) {
        const commune = add(
          {
            ...period,
            code: c.code,
            level: 'commune',
            type: c.type,
            type_name: typeName(previous.data, 'commune', c.type),
            name: c.name,
            full_name: c.full_name,
            parent_id: district.id,
          },
          district,
        );
        oldByKey.set(`commune:${c.code}`, commune);
      }
    }
  }

  const newByKey = new Map<string, UnitRow>();
  for (const p of current.data.provinces) {
    const period = { valid_from: REFORM_2025_DATE, valid_to: null, province_code: p.code };
    const province = add(
      {
        ...period,
        code: p.code,
        level: 'province',
        type: p.type,
        type_name: typeName(current.data, 'province', p.type),
        name: p.name,
        full_name: p.full_name,
        parent_id: country.id,
      },
      country,
    );
    newByKey.set(`province:${p.code}`, province);
    for (const c of p.communes ?? []) {
      const commune = add(
        {
          ...period,
          code: c.code,
          level: 'commune',
          type: c.type,
          type_name: typeName(current.data, 'commune', c.type),
          name: c.name,
          full_name: c.full_name,
          parent_id: province.id,
        },
        province,
      );
      newByKey.set(`commune:${c.code}`, commune);
    }
  }

  const mapping: MappingRow[] = [];
  const link = (oldKey: string, newKey: string, rest: Omit<MappingRow, 'old_unit_id' | 'new_unit_id'>) => {
    const from = oldByKey.get(oldKey);
    const to = newByKey.get(newKey);
    if (!from || !to) throw new Error(`Mapping refers to an unknown unit: ${oldKey} -> ${newKey}`);
    mapping.push({ old_unit_id: from.id, new_unit_id: to.id, ...rest });
  };
  for (const p of map.data.provinces) {
    const unchanged = p.old_code === p.new_code && p.old_name === p.new_name;
    link(`province:${p.old_code}`, `province:${p.new_code}`, {
      relation: unchanged ? 'unchanged' : 'full',
      area: 'all',
      population: 'all',
      old_split_into: 1,
      note: null,
    });
  }
  for (const d of map.data.districts_without_communes) {
    link(`district:${d.old_district_code}`, `commune:${d.new_code}`, {
      relation: d.relation,
      area: 'all',
      population: 'all',
      old_split_into: 1,
      note: null,
    });
  }
  for (const c of map.data.communes) {
    link(`commune:${c.old_code}`, `commune:${c.new_code}`, {
      relation: c.relation,
      area: c.area,
      population: c.population,
      old_split_into: c.old_split_into,
      note: c.note_vi || null,
    });
  }
  return { units, mapping, checksum };
}

const UNIT_COLUMNS =
  'id int, code text, level text, type text, type_name text, name text, full_name text, parent_id int, valid_from date, valid_to date, path ltree, province_code text';
const MAPPING_COLUMNS =
  'old_unit_id int, new_unit_id int, relation text, area text, population text, old_split_into int, note text';

/**
 * Loads the administrative units and the mapping once (idempotent: skipped when the same data is
 * already loaded). Runs in one transaction; rows go in as JSON batches, which both PostgreSQL and
 * PGlite turn into rows with json_to_recordset.
 */
export async function loadAdminUnits(
  database: Database,
): Promise<{ loaded: boolean; units: number; mappings: number }> {
  const existing = await database.db
    .selectFrom('reference_dataset')
    .select(['checksum'])
    .where('name', '=', DATASET)
    .executeTakeFirst();
  if (existing) return { loaded: false, units: 0, mappings: 0 };
  const { units, mapping, checksum } = buildUnitRows();
  await database.db.transaction().execute(async (tx) => {
    const batch = 2000;
    for (let i = 0; i < units.length; i += batch) {
      const json = JSON.stringify(units.slice(i, i + batch));
      await sql`INSERT INTO admin_unit (id, code, level, type, type_name, name, full_name, parent_id, valid_from, valid_to, path, province_code)
        OVERRIDING SYSTEM VALUE
        SELECT id, code, level, type, type_name, name, full_name, parent_id, valid_from, valid_to, path, province_code
        FROM json_to_recordset(${json}::json) AS x(${sql.raw(UNIT_COLUMNS)})`.execute(tx);
    }
    for (let i = 0; i < mapping.length; i += batch) {
      const json = JSON.stringify(mapping.slice(i, i + batch));
      await sql`INSERT INTO admin_unit_mapping (old_unit_id, new_unit_id, relation, area, population, old_split_into, note)
        SELECT * FROM json_to_recordset(${json}::json) AS x(${sql.raw(MAPPING_COLUMNS)})`.execute(tx);
    }
    await sql`SELECT setval(pg_get_serial_sequence('admin_unit', 'id'), (SELECT max(id) FROM admin_unit))`.execute(
      tx,
    );
    await tx
      .insertInto('reference_dataset')
      .values({ name: DATASET, checksum, row_count: units.length + mapping.length })
      .execute();
  });
  return { loaded: true, units: units.length, mappings: mapping.length };
}
