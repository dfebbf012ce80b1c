import {
  type CreateFacilityRequest,
  type Facility,
  type FacilityCoverage,
  type FacilityCoverageRow,
  FacilityKind,
  type FacilityList,
  type FacilityQuery,
  formatVnDateTime,
  playFacilityKinds,
  type UpdateFacilityRequest,
} from '@tuoitho/domain';
import { sql } from 'kysely';
import { writeAuditInTx } from '../../../platform/audit/audit';
import type { AppContext } from '../../../platform/context';
import { invalidField, notFound, versionConflict } from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import { assertReadable, type Exec, inSubtreeSql, unitInScope } from '../scope';

const WRITE = 'activities.write';

/**
 * The places every commune is expected to have for its children. A commune with none of a kind
 * in use (condition other than `not_in_use`) lists that kind as missing. A swimming pool in use
 * also serves to teach swimming, so it counts as a `swim_teaching_place`; child-friendly spaces
 * count as play places but are not required on their own.
 */
export const EXPECTED_FACILITY_KINDS: readonly FacilityKind[] = [
  'playground',
  'cultural_house',
  'library',
  'swim_teaching_place',
];

/** The expected kinds a commune has none of in use, given its counts in use by kind. */
export function missingFacilityKinds(inUse: ReadonlyMap<FacilityKind, number>): FacilityKind[] {
  const has = (kind: FacilityKind) => (inUse.get(kind) ?? 0) > 0;
  return EXPECTED_FACILITY_KINDS.filter(
    (kind) => !(has(kind) || (kind === 'swim_teaching_place' && has('swimming_pool'))),
  );
}

function encodeCursor(row: { unit_code: string; name: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.unit_code, row.name, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 3 &&
      value.every((v) => typeof v === 'string' && !v.includes('\0')) &&
      /^[0-9a-f-]{36}$/i.test(value[2])
    ) {
      return value as [string, string, string];
    }
  } catch {
    // answered below
  }
  throw invalidField('query.cursor', 'invalid_cursor');
}

function selectFacilities(exec: Exec) {
  return exec
    .selectFrom('facility as f')
    .innerJoin('admin_unit as u', 'u.id', 'f.unit_id')
    .select([
      'f.id',
      'f.unit_id',
      'u.code as unit_code',
      'u.full_name as unit_name',
      'u.path as unit_path',
      'f.kind',
      'f.name',
      'f.address',
      'f.condition',
      'f.capacity',
      'f.note',
      'f.version',
      'f.updated_at',
    ]);
}

type FacilityRow = Awaited<ReturnType<ReturnType<typeof selectFacilities>['executeTakeFirstOrThrow']>>;

function facilityOf(actor: Actor, row: FacilityRow): Facility {
  return {
    id: row.id,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    kind: row.kind as Facility['kind'],
    name: row.name,
    address: row.address,
    condition: row.condition as Facility['condition'],
    capacity: row.capacity,
    note: row.note,
    canEdit: actor.permissions.has(WRITE),
    version: row.version,
    updatedAt: formatVnDateTime(row.updated_at),
  };
}

function valuesOf(input: Omit<CreateFacilityRequest, 'unit'>) {
  return {
    kind: input.kind,
    name: input.name,
    address: input.address,
    condition: input.condition,
    capacity: input.capacity,
    note: input.note,
  };
}

function auditOf(row: FacilityRow) {
  return {
    kind: row.kind,
    name: row.name,
    address: row.address,
    condition: row.condition,
    capacity: row.capacity,
    note: row.note,
  };
}

/** Facilities for children (playgrounds, cultural houses, pools…) and where they are missing. */
export class FacilitiesService {
  constructor(private readonly ctx: AppContext) {}

  private async find(exec: Exec, actor: Actor, id: string): Promise<FacilityRow> {
    const row = await selectFacilities(exec).where('f.id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    assertReadable(actor, row.unit_path);
    return row;
  }

  /** Facilities of the caller's subtree by unit and name, with a keyset cursor. */
  async list(actor: Actor, query: FacilityQuery): Promise<FacilityList> {
    const db = this.ctx.db;
    const unit = query.unit ? await unitInScope(db, actor, query.unit) : undefined;
    let q = selectFacilities(db).where(inSubtreeSql('u.path', actor));
    if (unit) q = q.where(inSubtreeSql('u.path', { unitPath: unit.path }));
    if (query.kind) q = q.where('f.kind', '=', query.kind);
    if (query.condition) q = q.where('f.condition', '=', query.condition);
    if (query.cursor) {
      const [code, name, id] = decodeCursor(query.cursor);
      q = q.where(sql<boolean>`(u.code, f.name, f.id) > (${code}, ${name}, ${id}::uuid)`);
    }
    const rows = await q
      .orderBy('u.code')
      .orderBy('f.name')
      .orderBy('f.id')
      .limit(query.limit + 1)
      .execute();
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => facilityOf(actor, r)),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    };
  }

  /** One facility of the caller's subtree (404 outside it). */
  async get(actor: Actor, id: string): Promise<Facility> {
    return facilityOf(actor, await this.find(this.ctx.db, actor, id));
  }

  /** Registers a facility at a unit of the caller's subtree. */
  async create(actor: Actor, input: CreateFacilityRequest, meta: RequestMeta): Promise<Facility> {
    return this.ctx.db.transaction().execute(async (tx) => {
      const unit = await unitInScope(tx, actor, input.unit, 'body.unit');
      const values = valuesOf(input);
      const { id } = await tx
        .insertInto('facility')
        .values({ ...values, unit_id: unit.id, created_by: actor.userId, updated_by: actor.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAuditInTx(
        tx,
        { actor, meta },
        { action: 'facility.create', entityType: 'facility', entityId: id, unitId: unit.id, after: values },
      );
      return facilityOf(actor, await this.find(tx, actor, id));
    });
  }

  /** Changes a facility (condition, capacity…); a stale `version` answers 409. */
  async update(actor: Actor, id: string, input: UpdateFacilityRequest, meta: RequestMeta): Promise<Facility> {
    return this.ctx.db.transaction().execute(async (tx) => {
      const before = await this.find(tx, actor, id);
      const values = valuesOf(input);
      const updated = await tx
        .updateTable('facility')
        .set({ ...values, version: sql`version + 1`, updated_at: sql`now()`, updated_by: actor.userId })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw versionConflict();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'facility.update',
          entityType: 'facility',
          entityId: id,
          unitId: before.unit_id,
          before: auditOf(before),
          after: values,
        },
      );
      return facilityOf(actor, await this.find(tx, actor, id));
    });
  }

  /** Removes a facility registered by mistake; with `version`, a stale one answers 409. */
  async remove(actor: Actor, id: string, version: number | undefined, meta: RequestMeta): Promise<null> {
    return this.ctx.db.transaction().execute(async (tx) => {
      const before = await this.find(tx, actor, id);
      if (version !== undefined && version !== before.version) throw versionConflict();
      await tx.deleteFrom('facility').where('id', '=', id).execute();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'facility.delete',
          entityType: 'facility',
          entityId: id,
          unitId: before.unit_id,
          before: auditOf(before),
        },
      );
      return null;
    });
  }

  /**
   * One row per current commune of the unit's subtree (the unit itself when it is a commune):
   * active registered children, facilities in use by kind, and the expected kinds missing.
   */
  async coverage(actor: Actor, unitCode: string | undefined): Promise<FacilityCoverage> {
    const db = this.ctx.db;
    const unit = await unitInScope(db, actor, unitCode);
    const communes = await db
      .selectFrom('admin_unit as u')
      .select(['u.id', 'u.code', 'u.full_name'])
      .where('u.level', '=', 'commune')
      .where('u.valid_to', 'is', null)
      .where(inSubtreeSql('u.path', { unitPath: unit.path }))
      .orderBy('u.code')
      .execute();
    const ids = communes.map((c) => c.id);
    if (ids.length === 0) return { unitCode: unit.code, rows: [] };
    const [children, facilities] = await Promise.all([
      db
        .selectFrom('child')
        .select(['unit_id', sql<string>`count(*)`.as('n')])
        .where('unit_id', 'in', ids)
        .where('status', '=', 'active')
        .where('merged_into', 'is', null)
        .groupBy('unit_id')
        .execute(),
      db
        .selectFrom('facility')
        .select([
          'unit_id',
          'kind',
          sql<string>`count(*)`.as('n'),
          sql<string>`coalesce(sum(capacity), 0)`.as('capacity'),
        ])
        .where('unit_id', 'in', ids)
        .where('condition', '<>', 'not_in_use')
        .groupBy(['unit_id', 'kind'])
        .execute(),
    ]);
    const childrenOf = new Map(children.map((r) => [r.unit_id, Number(r.n)]));
    const inUseOf = new Map(facilities.map((f) => [`${f.unit_id}:${f.kind}`, f]));
    const rows = communes.map((commune): FacilityCoverageRow => {
      const inUse = new Map<FacilityKind, number>();
      const byKind = FacilityKind.options.map((kind) => {
        const found = inUseOf.get(`${commune.id}:${kind}`);
        const count = Number(found?.n ?? 0);
        inUse.set(kind, count);
        return { kind, inUse: count, capacity: Number(found?.capacity ?? 0) };
      });
      const childCount = childrenOf.get(commune.id) ?? 0;
      const playPlaces = playFacilityKinds.reduce((sum, kind) => sum + (inUse.get(kind) ?? 0), 0);
      return {
        unitCode: commune.code,
        unitName: commune.full_name,
        children: childCount,
        byKind,
        playPlaces,
        childrenPerPlayPlace: playPlaces > 0 ? Math.round((childCount / playPlaces) * 10) / 10 : null,
        missing: missingFacilityKinds(inUse),
      };
    });
    return { unitCode: unit.code, rows };
  }
}
