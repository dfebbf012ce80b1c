import {
  type CreateIncidentRequest,
  type DrowningQuery,
  type DrowningView,
  formatVnDateTime,
  type Incident,
  IncidentCause,
  type IncidentList,
  type IncidentQuery,
  type IncidentSummary,
  type PlaceType,
  type UpdateIncidentRequest,
  vietnamToday,
} from '@tuoitho/domain';
import { sql } from 'kysely';
import { writeAuditInTx } from '../../../platform/audit/audit';
import type { AppContext } from '../../../platform/context';
import { invalidField, notFound, versionConflict } from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import { assertReadable, type Exec, inSubtreeSql, type UnitRow, unitInScope } from '../scope';
import { drowningViewOf } from './drowning';

const WRITE = 'registry.write';
/** Months and years of incidents are those of the calendar in Vietnam, not UTC. */
const ZONE = 'Asia/Ho_Chi_Minh';

/** The first instant of a year in Vietnam. */
const startOfYear = (year: number) => new Date(`${year}-01-01T00:00:00+07:00`);

function encodeCursor(row: { occurred_at: Date; id: string }): string {
  return Buffer.from(`${row.occurred_at.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { occurredAt: Date; id: string } {
  const [at = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const occurredAt = new Date(at);
  if (Number.isNaN(occurredAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw invalidField('query.cursor', 'invalid_cursor');
  }
  return { occurredAt, id };
}

/**
 * Incidents with the linked child's name only for callers who may read the registry: the name
 * never leaves the database for the others.
 */
function selectIncidents(exec: Exec, actor: Actor) {
  const showName = actor.permissions.has('registry.read');
  return exec
    .selectFrom('incident as i')
    .innerJoin('admin_unit as u', 'u.id', 'i.unit_id')
    .leftJoin('child as ch', 'ch.id', 'i.child_id')
    .select([
      'i.id',
      'i.unit_id',
      'u.code as unit_code',
      'u.full_name as unit_name',
      'u.path as unit_path',
      'i.occurred_at',
      'i.cause',
      'i.place_type',
      'i.place_description',
      'i.age',
      'i.sex',
      'i.outcome',
      'i.child_id',
      showName ? 'ch.full_name as child_name' : sql<string | null>`NULL::text`.as('child_name'),
      'i.description',
      'i.version',
      'i.created_at',
    ]);
}

type IncidentRow = Awaited<ReturnType<ReturnType<typeof selectIncidents>['executeTakeFirstOrThrow']>>;

function incidentOf(actor: Actor, row: IncidentRow): Incident {
  return {
    id: row.id,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    occurredAt: formatVnDateTime(row.occurred_at),
    cause: row.cause as Incident['cause'],
    placeType: row.place_type as Incident['placeType'],
    placeDescription: row.place_description,
    age: row.age,
    sex: row.sex,
    outcome: row.outcome as Incident['outcome'],
    childId: row.child_id,
    childName: row.child_name ?? null,
    description: row.description,
    canEdit: actor.permissions.has(WRITE),
    version: row.version,
    createdAt: formatVnDateTime(row.created_at),
  };
}

type IncidentFields = Omit<CreateIncidentRequest, 'unit'>;

/** Column values of an incident; also its audit record (no names: the child is an id). */
function valuesOf(input: IncidentFields) {
  return {
    occurred_at: new Date(input.occurredAt),
    cause: input.cause,
    place_type: input.placeType,
    place_description: input.placeDescription,
    age: input.age,
    sex: input.sex,
    outcome: input.outcome,
    child_id: input.childId,
    description: input.description,
  };
}

/**
 * The rules of an incident at a commune: it has happened (not in the future) and a linked child
 * is a current registry record of that commune's subtree.
 */
async function assertIncidentFields(exec: Exec, unit: Pick<UnitRow, 'path'>, input: IncidentFields) {
  if (new Date(input.occurredAt).getTime() > Date.now()) {
    throw invalidField('body.occurredAt', 'occurred_in_future', 422);
  }
  if (input.childId) {
    const child = await exec
      .selectFrom('child as ch')
      .innerJoin('admin_unit as cu', 'cu.id', 'ch.unit_id')
      .select('ch.id')
      .where('ch.id', '=', input.childId)
      .where('ch.merged_into', 'is', null)
      .where(inSubtreeSql('cu.path', { unitPath: unit.path }))
      .executeTakeFirst();
    if (!child) throw invalidField('body.childId', 'child_not_in_incident_unit', 422);
  }
}

/** The span of years asked for: default the last ten years, this one included. */
function yearSpan(query: DrowningQuery): { yearFrom: number; yearTo: number } {
  const thisYear = Number(vietnamToday().slice(0, 4));
  const yearTo = query.yearTo ?? (query.yearFrom && query.yearFrom > thisYear ? query.yearFrom : thisYear);
  const yearFrom = query.yearFrom ?? yearTo - 9;
  if (yearFrom > yearTo) throw invalidField('query.yearTo', 'year_to_before_from', 422);
  return { yearFrom, yearTo };
}

/** The register of child injuries and deaths, the drowning view and the summary by cause. */
export class IncidentsService {
  constructor(private readonly ctx: AppContext) {}

  private async find(exec: Exec, actor: Actor, id: string): Promise<IncidentRow> {
    const row = await selectIncidents(exec, actor).where('i.id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    assertReadable(actor, row.unit_path);
    return row;
  }

  /** Incidents of the caller's subtree, latest first, with a keyset cursor. */
  async list(actor: Actor, query: IncidentQuery): Promise<IncidentList> {
    const db = this.ctx.db;
    const unit = query.unit ? await unitInScope(db, actor, query.unit) : undefined;
    let q = selectIncidents(db, actor).where(inSubtreeSql('u.path', actor));
    if (unit) q = q.where(inSubtreeSql('u.path', { unitPath: unit.path }));
    if (query.cause) q = q.where('i.cause', '=', query.cause);
    if (query.outcome) q = q.where('i.outcome', '=', query.outcome);
    if (query.year) {
      q = q
        .where('i.occurred_at', '>=', startOfYear(query.year))
        .where('i.occurred_at', '<', startOfYear(query.year + 1));
    }
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      q = q.where(
        sql<boolean>`(i.occurred_at, i.id) < (${after.occurredAt.toISOString()}::timestamptz, ${after.id}::uuid)`,
      );
    }
    const rows = await q
      .orderBy('i.occurred_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(query.limit + 1)
      .execute();
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => incidentOf(actor, r)),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    };
  }

  /** One incident of the caller's subtree (404 outside it). */
  async get(actor: Actor, id: string): Promise<Incident> {
    return incidentOf(actor, await this.find(this.ctx.db, actor, id));
  }

  /** Records an incident at a commune of the caller's subtree. */
  async create(actor: Actor, input: CreateIncidentRequest, meta: RequestMeta): Promise<Incident> {
    return this.ctx.db.transaction().execute(async (tx) => {
      const unit = await unitInScope(tx, actor, input.unit, 'body.unit');
      if (unit.level !== 'commune') throw invalidField('body.unit', 'unit_not_commune', 422);
      await assertIncidentFields(tx, unit, input);
      const values = valuesOf(input);
      const { id } = await tx
        .insertInto('incident')
        .values({ ...values, unit_id: unit.id, created_by: actor.userId, updated_by: actor.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAuditInTx(
        tx,
        { actor, meta },
        { action: 'incident.create', entityType: 'incident', entityId: id, unitId: unit.id, after: values },
      );
      return incidentOf(actor, await this.find(tx, actor, id));
    });
  }

  /** Changes an incident (its commune stays); a stale `version` answers 409. */
  async update(actor: Actor, id: string, input: UpdateIncidentRequest, meta: RequestMeta): Promise<Incident> {
    return this.ctx.db.transaction().execute(async (tx) => {
      const before = await this.find(tx, actor, id);
      await assertIncidentFields(tx, { path: before.unit_path }, input);
      const values = valuesOf(input);
      const updated = await tx
        .updateTable('incident')
        .set({ ...values, version: sql`version + 1`, updated_at: sql`now()`, updated_by: actor.userId })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw versionConflict();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'incident.update',
          entityType: 'incident',
          entityId: id,
          unitId: before.unit_id,
          before: auditOf(before),
          after: values,
        },
      );
      return incidentOf(actor, await this.find(tx, actor, id));
    });
  }

  /** Deletes an incident recorded by mistake; with `version`, a stale one answers 409. */
  async remove(actor: Actor, id: string, version: number | undefined, meta: RequestMeta): Promise<null> {
    return this.ctx.db.transaction().execute(async (tx) => {
      const before = await this.find(tx, actor, id);
      if (version !== undefined && version !== before.version) throw versionConflict();
      await tx.deleteFrom('incident').where('id', '=', id).execute();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'incident.delete',
          entityType: 'incident',
          entityId: id,
          unitId: before.unit_id,
          before: auditOf(before),
        },
      );
      return null;
    });
  }

  /** Drownings of a unit's subtree over a span of years, by year, month, season, place, age, sex. */
  async drowning(actor: Actor, query: DrowningQuery): Promise<DrowningView> {
    const db = this.ctx.db;
    const unit = await unitInScope(db, actor, query.unit);
    const { yearFrom, yearTo } = yearSpan(query);
    const local = sql`(i.occurred_at AT TIME ZONE ${sql.lit(ZONE)})`;
    const rows = await db
      .selectFrom('incident as i')
      .innerJoin('admin_unit as u', 'u.id', 'i.unit_id')
      .select([
        sql<number>`extract(year from ${local})::int`.as('year'),
        sql<number>`extract(month from ${local})::int`.as('month'),
        'i.place_type',
        'i.age',
        'i.sex',
        sql<string>`count(*)`.as('incidents'),
        sql<string>`count(*) FILTER (WHERE i.outcome = 'death')`.as('deaths'),
      ])
      .where('i.cause', '=', 'drowning')
      .where(inSubtreeSql('u.path', { unitPath: unit.path }))
      .where('i.occurred_at', '>=', startOfYear(yearFrom))
      .where('i.occurred_at', '<', startOfYear(yearTo + 1))
      .groupBy([sql`1`, sql`2`, 'i.place_type', 'i.age', 'i.sex'])
      .execute();
    return drowningViewOf(
      { code: unit.code, name: unit.name },
      yearFrom,
      yearTo,
      rows.map((r) => ({
        year: Number(r.year),
        month: Number(r.month),
        placeType: r.place_type as PlaceType,
        age: r.age,
        sex: r.sex,
        incidents: Number(r.incidents),
        deaths: Number(r.deaths),
      })),
    );
  }

  /** Incidents and deaths of a unit's subtree by cause and year (years in Vietnam time). */
  async summary(actor: Actor, query: DrowningQuery): Promise<IncidentSummary> {
    const db = this.ctx.db;
    const unit = await unitInScope(db, actor, query.unit);
    const { yearFrom, yearTo } = yearSpan(query);
    const rows = await db
      .selectFrom('incident as i')
      .innerJoin('admin_unit as u', 'u.id', 'i.unit_id')
      .select([
        sql<number>`extract(year from (i.occurred_at AT TIME ZONE ${sql.lit(ZONE)}))::int`.as('year'),
        'i.cause',
        sql<string>`count(*)`.as('incidents'),
        sql<string>`count(*) FILTER (WHERE i.outcome = 'death')`.as('deaths'),
      ])
      .where(inSubtreeSql('u.path', { unitPath: unit.path }))
      .where('i.occurred_at', '>=', startOfYear(yearFrom))
      .where('i.occurred_at', '<', startOfYear(yearTo + 1))
      .groupBy([sql`1`, 'i.cause'])
      .execute();
    const causeOrder = IncidentCause.options as readonly string[];
    return {
      unitCode: unit.code,
      rows: rows
        .map((r) => ({
          year: Number(r.year),
          cause: r.cause as IncidentSummary['rows'][number]['cause'],
          incidents: Number(r.incidents),
          deaths: Number(r.deaths),
        }))
        .sort((a, b) => a.year - b.year || causeOrder.indexOf(a.cause) - causeOrder.indexOf(b.cause)),
    };
  }
}

function auditOf(row: IncidentRow) {
  return {
    occurred_at: row.occurred_at,
    cause: row.cause,
    place_type: row.place_type,
    place_description: row.place_description,
    age: row.age,
    sex: row.sex,
    outcome: row.outcome,
    child_id: row.child_id,
    description: row.description,
  };
}
