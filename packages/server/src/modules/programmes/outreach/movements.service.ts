import type {
  CreateMovementRequest,
  Movement,
  MovementList,
  MovementParticipation,
  UpdateMovementRequest,
} from '@tuoitho/domain';
import { sql, type Transaction } from 'kysely';
import { writeAuditInTx } from '../../../platform/audit/audit';
import { isInScope } from '../../../platform/auth/scope';
import type { AppContext } from '../../../platform/context';
import type { DB } from '../../../platform/db/schema';
import { AppError, type FieldError, notFound, versionConflict } from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import { assertReadable, assertWritable, type Exec, inSubtreeOrAboveSql, unitInScope } from '../scope';

const WRITE = 'programmes.write';

type MovementFields = Omit<CreateMovementRequest, 'unit'>;

function selectMovements(exec: Exec) {
  return exec
    .selectFrom('movement as m')
    .innerJoin('admin_unit as u', 'u.id', 'm.unit_id')
    .select([
      'm.id',
      'm.unit_id',
      'u.code as unit_code',
      'u.full_name as unit_name',
      'u.path as unit_path',
      'm.name',
      'm.description',
      'm.year_from',
      'm.year_to',
      'm.version',
    ]);
}

type MovementRow = Awaited<ReturnType<ReturnType<typeof selectMovements>['executeTakeFirstOrThrow']>>;

async function participationsOf(exec: Exec, movementIds: string[]) {
  if (movementIds.length === 0) return new Map<string, MovementParticipation[]>();
  const rows = await exec
    .selectFrom('movement_participation as mp')
    .innerJoin('admin_unit as u', 'u.id', 'mp.unit_id')
    .select(['mp.movement_id', 'u.code', 'u.full_name', 'mp.participation_year', 'mp.note'])
    .where('mp.movement_id', 'in', movementIds)
    .orderBy('mp.participation_year')
    .orderBy('u.code')
    .execute();
  const byMovement = new Map<string, MovementParticipation[]>();
  for (const r of rows) {
    const list = byMovement.get(r.movement_id) ?? [];
    list.push({ unitCode: r.code, unitName: r.full_name, year: r.participation_year, note: r.note });
    byMovement.set(r.movement_id, list);
  }
  return byMovement;
}

function movementOf(actor: Actor, row: MovementRow, participations: MovementParticipation[]): Movement {
  return {
    id: row.id,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    name: row.name,
    description: row.description,
    yearFrom: row.year_from,
    yearTo: row.year_to,
    participations,
    canEdit: actor.permissions.has(WRITE) && isInScope(actor, row.unit_path),
    version: row.version,
  };
}

/**
 * Checks the participations of a movement launched at `unitPath` and returns their unit ids:
 * each unit must be current and inside the launching unit's subtree, each (unit, year) once, and
 * the year within the movement's years. Every bad row is named (`body.participations.3.unitCode`).
 */
async function resolveParticipations(tx: Transaction<DB>, unitPath: string, input: MovementFields) {
  const errors: FieldError[] = [];
  if (input.yearTo !== null && input.yearTo < input.yearFrom) {
    errors.push({ path: 'body.yearTo', code: 'year_to_before_from' });
  }
  const codes = [...new Set(input.participations.map((p) => p.unitCode))];
  const units =
    codes.length === 0
      ? []
      : await tx
          .selectFrom('admin_unit')
          .select(['id', 'code', sql<boolean>`path <@ ${unitPath}::ltree`.as('inside')])
          .where('code', 'in', codes)
          .where('valid_to', 'is', null)
          .execute();
  const seen = new Set<string>();
  const resolved: { unitId: number; year: number; note: string | null }[] = [];
  input.participations.forEach((p, i) => {
    const unit = units.find((u) => u.code === p.unitCode);
    if (!unit) {
      errors.push({ path: `body.participations.${i}.unitCode`, code: 'unit_not_found' });
      return;
    }
    if (!unit.inside) {
      errors.push({ path: `body.participations.${i}.unitCode`, code: 'unit_not_in_movement_unit' });
      return;
    }
    if (p.year < input.yearFrom || (input.yearTo !== null && p.year > input.yearTo)) {
      errors.push({ path: `body.participations.${i}.year`, code: 'participation_year_outside' });
      return;
    }
    const key = `${unit.id}:${p.year}`;
    if (seen.has(key)) {
      errors.push({ path: `body.participations.${i}.year`, code: 'participation_repeated' });
      return;
    }
    seen.add(key);
    resolved.push({ unitId: unit.id, year: p.year, note: p.note });
  });
  if (errors.length > 0) throw new AppError(422, 'validation', {}, errors);
  return resolved;
}

/** Movements (phong trào) launched by a unit, with the units taking part year by year. */
export class MovementsService {
  constructor(private readonly ctx: AppContext) {}

  private async view(exec: Exec, actor: Actor, id: string): Promise<Movement> {
    const row = await selectMovements(exec).where('m.id', '=', id).executeTakeFirstOrThrow();
    return movementOf(actor, row, (await participationsOf(exec, [id])).get(id) ?? []);
  }

  /** Movements of the caller's subtree and of the units above it, latest first. */
  async list(actor: Actor): Promise<MovementList> {
    const db = this.ctx.db;
    const rows = await selectMovements(db)
      .where(inSubtreeOrAboveSql('u.path', actor))
      .orderBy('m.year_from', 'desc')
      .orderBy('m.name')
      .execute();
    const participations = await participationsOf(
      db,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => movementOf(actor, r, participations.get(r.id) ?? [])) };
  }

  /** Launches a movement at a unit of the caller's subtree. */
  async create(actor: Actor, input: CreateMovementRequest, meta: RequestMeta): Promise<Movement> {
    return this.ctx.db.transaction().execute(async (tx) => {
      const unit = await unitInScope(tx, actor, input.unit, 'body.unit');
      const participations = await resolveParticipations(tx, unit.path, input);
      const values = {
        name: input.name,
        description: input.description,
        year_from: input.yearFrom,
        year_to: input.yearTo,
      };
      const { id } = await tx
        .insertInto('movement')
        .values({ ...values, unit_id: unit.id, created_by: actor.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.replaceParticipations(tx, id, participations);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'movement.create',
          entityType: 'movement',
          entityId: id,
          unitId: unit.id,
          after: { ...values, participations: input.participations },
        },
      );
      return this.view(tx, actor, id);
    });
  }

  /** Changes a movement and replaces its participations as a whole; a stale `version` is 409. */
  async update(actor: Actor, id: string, input: UpdateMovementRequest, meta: RequestMeta): Promise<Movement> {
    return this.ctx.db.transaction().execute(async (tx) => {
      const before = await selectMovements(tx).where('m.id', '=', id).executeTakeFirst();
      if (!before) throw notFound();
      assertReadable(actor, before.unit_path, true);
      assertWritable(actor, before.unit_path);
      const participations = await resolveParticipations(tx, before.unit_path, input);
      const values = {
        name: input.name,
        description: input.description,
        year_from: input.yearFrom,
        year_to: input.yearTo,
      };
      const updated = await tx
        .updateTable('movement')
        .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw versionConflict();
      const previous = (await participationsOf(tx, [id])).get(id) ?? [];
      await this.replaceParticipations(tx, id, participations);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'movement.update',
          entityType: 'movement',
          entityId: id,
          unitId: before.unit_id,
          before: {
            name: before.name,
            description: before.description,
            year_from: before.year_from,
            year_to: before.year_to,
            participations: previous.map((p) => ({ unitCode: p.unitCode, year: p.year, note: p.note })),
          },
          after: { ...values, participations: input.participations },
        },
      );
      return this.view(tx, actor, id);
    });
  }

  private async replaceParticipations(
    tx: Transaction<DB>,
    movementId: string,
    participations: { unitId: number; year: number; note: string | null }[],
  ) {
    await tx.deleteFrom('movement_participation').where('movement_id', '=', movementId).execute();
    if (participations.length === 0) return;
    await tx
      .insertInto('movement_participation')
      .values(
        participations.map((p) => ({
          movement_id: movementId,
          unit_id: p.unitId,
          participation_year: p.year,
          note: p.note,
        })),
      )
      .execute();
  }
}
