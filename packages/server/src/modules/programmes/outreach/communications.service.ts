import {
  type Communication,
  CommunicationChannel,
  type CommunicationList,
  type CommunicationQuery,
  type CommunicationSummary,
  type CreateCommunicationRequest,
  type UpdateCommunicationRequest,
} from '@tuoitho/domain';
import { sql } from 'kysely';
import { writeAuditInTx } from '../../../platform/audit/audit';
import type { AppContext } from '../../../platform/context';
import { AppError, invalidField, notFound, versionConflict } from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import { assertReadable, type Exec, inSubtreeSql, unitInScope } from '../scope';

const WRITE = 'activities.write';

/** A page cursor of the list: the day and id of the last row (newest first). */
function encodeCursor(row: { held_on: string; id: string }): string {
  return Buffer.from(`${row.held_on}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { heldOn: string; id: string } {
  const [heldOn = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(heldOn) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw invalidField('query.cursor', 'invalid_cursor');
  }
  return { heldOn, id };
}

function selectCommunications(exec: Exec) {
  return exec
    .selectFrom('communication as c')
    .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
    .leftJoin('programme as p', 'p.id', 'c.programme_id')
    .select([
      'c.id',
      'c.unit_id',
      'u.code as unit_code',
      'u.full_name as unit_name',
      'u.path as unit_path',
      'c.programme_id',
      'p.name as programme_name',
      'c.held_on',
      'c.channel',
      'c.audience',
      'c.title',
      'c.reach_count',
      'c.materials',
      'c.version',
      'c.created_at',
    ]);
}

type CommunicationRow = Awaited<
  ReturnType<ReturnType<typeof selectCommunications>['executeTakeFirstOrThrow']>
>;

function communicationOf(actor: Actor, row: CommunicationRow): Communication {
  return {
    id: row.id,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    programmeId: row.programme_id,
    programmeName: row.programme_name,
    heldOn: row.held_on,
    channel: row.channel as Communication['channel'],
    audience: row.audience as Communication['audience'],
    title: row.title,
    reachCount: Number(row.reach_count),
    materials: row.materials,
    canEdit: actor.permissions.has(WRITE),
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

/** The audited fields of a communication record. */
function auditFields(row: {
  programme_id: string | null;
  held_on: string;
  channel: string;
  audience: string;
  title: string;
  reach_count: number;
  materials: string | null;
}) {
  return {
    programme_id: row.programme_id,
    held_on: row.held_on,
    channel: row.channel,
    audience: row.audience,
    title: row.title,
    reach_count: row.reach_count,
    materials: row.materials,
  };
}

/**
 * A programme a record of `unitPath` may be linked to: it must exist and run at that unit or a
 * unit above it (a province programme covers its communes), else 422 `programme_not_visible`.
 */
export async function assertProgrammeFor(exec: Exec, programmeId: string | null, unitPath: string) {
  if (!programmeId) return;
  const found = await exec
    .selectFrom('programme as p')
    .innerJoin('admin_unit as u', 'u.id', 'p.unit_id')
    .select('p.id')
    .where('p.id', '=', programmeId)
    .where(sql<boolean>`u.path @> ${unitPath}::ltree`)
    .executeTakeFirst();
  if (!found) {
    throw new AppError(422, 'programme_not_visible', {}, [
      { path: 'body.programmeId', code: 'programme_not_for_unit' },
    ]);
  }
}

/** Communication events (channel, audience, reach) of the units in the caller's subtree. */
export class CommunicationsService {
  constructor(private readonly ctx: AppContext) {}

  private async find(exec: Exec, actor: Actor, id: string): Promise<CommunicationRow> {
    const row = await selectCommunications(exec).where('c.id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    assertReadable(actor, row.unit_path);
    return row;
  }

  /** Communication events of the caller's subtree, newest first, with a keyset cursor. */
  async list(actor: Actor, query: CommunicationQuery): Promise<CommunicationList> {
    const db = this.ctx.db;
    const unit = query.unit ? await unitInScope(db, actor, query.unit) : undefined;
    let q = selectCommunications(db).where(inSubtreeSql('u.path', actor));
    if (unit) q = q.where(inSubtreeSql('u.path', { unitPath: unit.path }));
    if (query.channel) q = q.where('c.channel', '=', query.channel);
    if (query.programmeId) q = q.where('c.programme_id', '=', query.programmeId);
    if (query.year) {
      q = q.where('c.held_on', '>=', `${query.year}-01-01`).where('c.held_on', '<=', `${query.year}-12-31`);
    }
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      q = q.where(sql<boolean>`(c.held_on, c.id) < (${after.heldOn}::date, ${after.id}::uuid)`);
    }
    const rows = await q
      .orderBy('c.held_on', 'desc')
      .orderBy('c.id', 'desc')
      .limit(query.limit + 1)
      .execute();
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => communicationOf(actor, r)),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    };
  }

  /** One communication event of the caller's subtree (404 outside it). */
  async get(actor: Actor, id: string): Promise<Communication> {
    return communicationOf(actor, await this.find(this.ctx.db, actor, id));
  }

  /** Records a communication event at a unit of the caller's subtree. */
  async create(actor: Actor, input: CreateCommunicationRequest, meta: RequestMeta): Promise<Communication> {
    return this.ctx.db.transaction().execute(async (tx) => {
      const unit = await unitInScope(tx, actor, input.unit, 'body.unit');
      await assertProgrammeFor(tx, input.programmeId, unit.path);
      const values = {
        programme_id: input.programmeId,
        held_on: input.heldOn,
        channel: input.channel,
        audience: input.audience,
        title: input.title,
        reach_count: input.reachCount,
        materials: input.materials,
      };
      const { id } = await tx
        .insertInto('communication')
        .values({ ...values, unit_id: unit.id, created_by: actor.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'communication.create',
          entityType: 'communication',
          entityId: id,
          unitId: unit.id,
          after: values,
        },
      );
      return communicationOf(actor, await this.find(tx, actor, id));
    });
  }

  /** Changes a communication event; a stale `version` answers 409. */
  async update(
    actor: Actor,
    id: string,
    input: UpdateCommunicationRequest,
    meta: RequestMeta,
  ): Promise<Communication> {
    return this.ctx.db.transaction().execute(async (tx) => {
      const before = await this.find(tx, actor, id);
      await assertProgrammeFor(tx, input.programmeId, before.unit_path);
      const values = {
        programme_id: input.programmeId,
        held_on: input.heldOn,
        channel: input.channel,
        audience: input.audience,
        title: input.title,
        reach_count: input.reachCount,
        materials: input.materials,
      };
      const updated = await tx
        .updateTable('communication')
        .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw versionConflict();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'communication.update',
          entityType: 'communication',
          entityId: id,
          unitId: before.unit_id,
          before: auditFields(before),
          after: values,
        },
      );
      return communicationOf(actor, await this.find(tx, actor, id));
    });
  }

  /** Deletes a communication event; with `version`, a stale one answers 409. */
  async remove(actor: Actor, id: string, version: number | undefined, meta: RequestMeta): Promise<null> {
    return this.ctx.db.transaction().execute(async (tx) => {
      const before = await this.find(tx, actor, id);
      if (version !== undefined && version !== before.version) throw versionConflict();
      await tx.deleteFrom('communication').where('id', '=', id).execute();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'communication.delete',
          entityType: 'communication',
          entityId: id,
          unitId: before.unit_id,
          before: auditFields(before),
        },
      );
      return null;
    });
  }

  /** Events and reach by channel in a unit's subtree, for one year or all years. */
  async summary(
    actor: Actor,
    unitCode: string | undefined,
    year: number | undefined,
  ): Promise<CommunicationSummary> {
    const db = this.ctx.db;
    const unit = await unitInScope(db, actor, unitCode);
    let q = db
      .selectFrom('communication as c')
      .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
      .select([
        'c.channel',
        sql<string>`count(*)`.as('events'),
        sql<string>`coalesce(sum(c.reach_count), 0)`.as('reach'),
      ])
      .where(inSubtreeSql('u.path', { unitPath: unit.path }))
      .groupBy('c.channel');
    if (year) q = q.where('c.held_on', '>=', `${year}-01-01`).where('c.held_on', '<=', `${year}-12-31`);
    const rows = await q.execute();
    const byChannel = CommunicationChannel.options.map((channel) => {
      const row = rows.find((r) => r.channel === channel);
      return { channel, events: Number(row?.events ?? 0), reach: Number(row?.reach ?? 0) };
    });
    return {
      year: year ?? null,
      byChannel,
      total: {
        events: byChannel.reduce((sum, r) => sum + r.events, 0),
        reach: byChannel.reduce((sum, r) => sum + r.reach, 0),
      },
    };
  }
}
