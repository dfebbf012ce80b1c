import {
  type AcceptChildTransferRequest,
  type CancelChildTransferRequest,
  type ChildTransfer,
  type ChildTransferList,
  type ChildTransferListQuery,
  type CreateChildTransferRequest,
  type DeclineChildTransferRequest,
  dateOfBirthPrecision,
  maskPersonalId,
  vietnamToday,
} from '@tuoitho/domain';
import type { Transaction } from 'kysely';
import { writeAuditInTx } from '../../platform/audit/audit';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError, invalidField, notFound } from '../../platform/http/errors';
import type { Actor, RequestMeta } from '../../platform/http/route';
import { UnitsRepo } from '../units/units.repo';
import { transferAbilities } from './children.policy';
import { ChildrenRepo } from './children.repo';
import { childMerged, transferPending } from './children.service';
import { ChildTransferRepo, type TransferSide } from './children.transfer.repo';
import type { ChildRepo } from './children.types';

type TransferRow = ChildRepo['transferRow'];

const transferNotPending = () => new AppError(409, 'transfer_not_pending');

/** The API form of a transfer, with what the actor may do with it. */
function toChildTransfer(actor: Actor, r: TransferRow): ChildTransfer {
  const household = r.household as { headName?: string | null } | null;
  const caregivers = (r.caregivers ?? []) as Array<{ fullName: string }>;
  return {
    id: r.id,
    status: r.status,
    child: {
      id: r.child_id,
      fullName: r.full_name,
      sex: r.sex,
      dateOfBirth: r.date_of_birth,
      dateOfBirthPrecision: dateOfBirthPrecision(r.date_of_birth),
      personalIdMasked: maskPersonalId(r.personal_id),
      householdHeadName: household?.headName ?? null,
      caregiverNames: caregivers.map((c) => c.fullName),
    },
    fromUnit: { code: r.from_code, name: r.from_name },
    toUnit: { code: r.to_code, name: r.to_name },
    reason: r.reason,
    newVillage: r.new_village,
    newAddress: r.new_address,
    requestedBy: r.requested_by ? { id: r.requested_by, fullName: r.requested_by_name ?? '' } : null,
    requestedAt: r.requested_at.toISOString(),
    decidedBy: r.decided_by ? { id: r.decided_by, fullName: r.decided_by_name ?? '' } : null,
    decidedAt: r.decided_at?.toISOString() ?? null,
    decisionNote: r.decision_note,
    abilities: transferAbilities(actor, r),
  };
}

/** A timestamptz as PostgreSQL writes it (`2026-11-28 17:46:10.123456+07`): full precision. */
const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const encodeCursor = (value: [string, string]) => Buffer.from(JSON.stringify(value)).toString('base64url');
function decodeCursor(cursor: string | undefined): [string, string] | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      TIMESTAMP_TEXT.test(value[0]) &&
      typeof value[1] === 'string' &&
      /^[0-9a-f-]{36}$/.test(value[1])
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // answered below
  }
  throw invalidField('query.cursor', 'invalid_cursor');
}

type Decided = { id: string; child_id: string; from_unit_id: number; to_unit_id: number };

/**
 * Transfers of children between communes: the sending commune asks, the receiving one accepts
 * or declines, the sender may cancel while it waits. Every step is audited on both sides.
 */
export class ChildTransferService {
  private readonly repo: ChildTransferRepo;
  private readonly children: ChildrenRepo;
  private readonly units: UnitsRepo;

  constructor(private readonly ctx: AppContext) {
    this.repo = new ChildTransferRepo(ctx.db);
    this.children = new ChildrenRepo(ctx.db);
    this.units = new UnitsRepo(ctx.db);
  }

  /**
   * Two audit rows per step: one on the child, for the unit that holds it after the step (its
   * history), and one on the transfer for the other side's unit (its audit log).
   */
  private async auditBothSides(
    tx: Transaction<DB>,
    source: { actor: Actor; meta: RequestMeta },
    action: string,
    t: Decided,
    childSide: TransferSide,
    event: {
      before?: Record<string, unknown>;
      after?: Record<string, unknown>;
      details: Record<string, unknown>;
    },
  ) {
    const childUnit = childSide === 'from' ? t.from_unit_id : t.to_unit_id;
    const otherUnit = childSide === 'from' ? t.to_unit_id : t.from_unit_id;
    const details = { transferId: t.id, childId: t.child_id, ...event.details };
    await writeAuditInTx(tx, source, {
      action,
      entityType: 'child',
      entityId: t.child_id,
      unitId: childUnit,
      ...(event.before ? { before: event.before } : {}),
      ...(event.after ? { after: event.after } : {}),
      details,
    });
    await writeAuditInTx(tx, source, {
      action,
      entityType: 'child_transfer',
      entityId: t.id,
      unitId: otherUnit,
      details,
    });
  }

  private async answer(exec: Transaction<DB> | AppContext['db'], actor: Actor, id: string) {
    const row = await this.repo.findById(exec, id);
    if (!row) throw notFound();
    return toChildTransfer(actor, row);
  }

  /** Asks another commune to take over an active child of the caller's subtree. */
  async requestTransfer(
    actor: Actor,
    childId: string,
    input: CreateChildTransferRequest,
    meta: RequestMeta,
  ): Promise<ChildTransfer> {
    const target = await this.units.findByCode(input.toUnitCode, vietnamToday());
    if (target?.level !== 'commune') throw invalidField('body.toUnitCode', 'unit_not_found');
    return this.ctx.db.transaction().execute(async (tx) => {
      // The child's row lock also serialises two requests for the same child.
      const child = await this.children.findInScopeWithMerged(tx, actor, childId, { forUpdate: true });
      if (!child) throw notFound();
      if (child.merged_into) throw childMerged();
      if (child.status !== 'active') throw new AppError(409, 'child_not_active');
      if (target.id === child.unit_id) throw invalidField('body.toUnitCode', 'transfer_same_unit');
      if (await this.repo.hasPending(tx, childId)) throw transferPending();
      const transfer = {
        child_id: childId,
        from_unit_id: child.unit_id,
        to_unit_id: target.id,
        reason: input.reason || null,
        new_village: input.newVillage ?? null,
        new_address: input.newAddress ?? null,
        requested_by: actor.userId,
      };
      const id = await this.repo.insert(tx, transfer);
      await this.auditBothSides(tx, { actor, meta }, 'child.transfer.request', { id, ...transfer }, 'from', {
        details: {
          fromUnit: { code: child.unit_code, name: child.unit_full_name },
          toUnit: { code: target.code, name: target.fullName },
          reason: transfer.reason,
          newVillage: transfer.new_village,
          newAddress: transfer.new_address,
        },
      });
      return this.answer(tx, actor, id);
    });
  }

  /** Transfers to (incoming) or from (outgoing) the caller's subtree, newest first. */
  async listTransfers(actor: Actor, query: ChildTransferListQuery): Promise<ChildTransferList> {
    const after = decodeCursor(query.cursor);
    const rows = await this.repo.list(actor, {
      direction: query.direction,
      status: query.status,
      limit: query.limit + 1,
      ...(after ? { after } : {}),
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => toChildTransfer(actor, r)),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.requested_at_key, last.id]) : null,
    };
  }

  /** Locks a pending transfer whose `side` lies in the caller's subtree (404 otherwise, 409 if decided). */
  private async lockPending(tx: Transaction<DB>, actor: Actor, id: string, side: TransferSide) {
    const t = await this.repo.findForDecision(tx, actor, id, side);
    if (!t) throw notFound();
    if (t.status !== 'pending') throw transferNotPending();
    return t;
  }

  /**
   * The receiving commune takes the child over: the child moves there with the residence given
   * (or the one the sender announced), keeping its id, groups, history and links.
   */
  async acceptTransfer(
    actor: Actor,
    id: string,
    input: AcceptChildTransferRequest,
    meta: RequestMeta,
  ): Promise<ChildTransfer> {
    return this.ctx.db.transaction().execute(async (tx) => {
      const t = await this.lockPending(tx, actor, id, 'to');
      const child = await tx
        .selectFrom('child as c')
        .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
        .select(['c.status', 'c.village', 'c.address', 'c.unit_id', 'u.code', 'u.full_name'])
        .where('c.id', '=', t.child_id)
        .forUpdate('c')
        .executeTakeFirstOrThrow();
      const residence = {
        village: input.village ?? t.new_village ?? null,
        address: input.address ?? t.new_address ?? null,
      };
      await this.repo.moveChild(tx, t.child_id, t.to_unit_id, residence, actor.userId);
      const note = input.note || null;
      await this.repo.decide(tx, id, 'accepted', actor.userId, note);
      await this.children.addStatusHistory(
        tx,
        t.child_id,
        child.status,
        `Chuyển từ ${t.from_name} đến ${t.to_name}${note ? `: ${note}` : ''}`,
        actor.userId,
      );
      const target = await tx
        .selectFrom('admin_unit')
        .select(['code', 'full_name'])
        .where('id', '=', t.to_unit_id)
        .executeTakeFirstOrThrow();
      await this.auditBothSides(tx, { actor, meta }, 'child.transfer.accept', t, 'to', {
        before: {
          unitCode: child.code,
          unitName: child.full_name,
          residence: { village: child.village, address: child.address },
        },
        after: { unitCode: target.code, unitName: target.full_name, residence },
        details: { note },
      });
      return this.answer(tx, actor, id);
    });
  }

  /** The receiving commune declines, with a reason the sender reads; the child stays where it is. */
  async declineTransfer(
    actor: Actor,
    id: string,
    input: DeclineChildTransferRequest,
    meta: RequestMeta,
  ): Promise<ChildTransfer> {
    return this.ctx.db.transaction().execute(async (tx) => {
      const t = await this.lockPending(tx, actor, id, 'to');
      await this.repo.decide(tx, id, 'declined', actor.userId, input.reason);
      await this.auditBothSides(tx, { actor, meta }, 'child.transfer.decline', t, 'from', {
        details: { reason: input.reason },
      });
      return this.answer(tx, actor, id);
    });
  }

  /** The sending commune withdraws its request while it waits. */
  async cancelTransfer(
    actor: Actor,
    id: string,
    input: CancelChildTransferRequest,
    meta: RequestMeta,
  ): Promise<ChildTransfer> {
    return this.ctx.db.transaction().execute(async (tx) => {
      const t = await this.lockPending(tx, actor, id, 'from');
      const reason = input.reason || null;
      await this.repo.decide(tx, id, 'cancelled', actor.userId, reason);
      await this.auditBothSides(tx, { actor, meta }, 'child.transfer.cancel', t, 'from', {
        details: { reason },
      });
      return this.answer(tx, actor, id);
    });
  }
}
