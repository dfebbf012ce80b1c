import type { ChildTransferStatus } from '@tuoitho/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import { inScopeSql } from '../../platform/auth/scope';
import type { DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/http/route';

type Exec = Kysely<DB> | Transaction<DB>;

/** The writable columns of a new transfer. */
export type TransferValues = {
  child_id: string;
  from_unit_id: number;
  to_unit_id: number;
  reason: string | null;
  new_village: string | null;
  new_address: string | null;
  requested_by: string;
};

/** Which side of a transfer must lie in the actor's subtree. */
export type TransferSide = 'from' | 'to';

/** Every SQL statement of transfers between communes. */
export class ChildTransferRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** A transfer with its child, both units and the officers involved. */
  private joined(exec: Exec) {
    return exec
      .selectFrom('child_transfer as t')
      .innerJoin('child as c', 'c.id', 't.child_id')
      .innerJoin('admin_unit as cu', 'cu.id', 'c.unit_id')
      .innerJoin('admin_unit as fu', 'fu.id', 't.from_unit_id')
      .innerJoin('admin_unit as tu', 'tu.id', 't.to_unit_id')
      .leftJoin('app_user as rb', 'rb.id', 't.requested_by')
      .leftJoin('app_user as db', 'db.id', 't.decided_by')
      .select([
        't.id',
        't.child_id',
        't.from_unit_id',
        't.to_unit_id',
        't.status',
        't.reason',
        't.new_village',
        't.new_address',
        't.requested_by',
        't.requested_at',
        sql<string>`t.requested_at::text`.as('requested_at_key'),
        't.decided_by',
        't.decided_at',
        't.decision_note',
        'c.full_name',
        'c.sex',
        'c.date_of_birth',
        'c.personal_id',
        'c.household',
        'c.caregivers',
        'cu.path as child_unit_path',
        'fu.code as from_code',
        'fu.full_name as from_name',
        'fu.path as from_path',
        'tu.code as to_code',
        'tu.full_name as to_name',
        'tu.path as to_path',
        'rb.full_name as requested_by_name',
        'db.full_name as decided_by_name',
      ]);
  }

  async insert(tx: Transaction<DB>, values: TransferValues): Promise<string> {
    const row = await tx
      .insertInto('child_transfer')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** One transfer by id, whatever the scope (after the service has authorised the caller). */
  findById(exec: Exec, id: string) {
    return this.joined(exec).where('t.id', '=', id).executeTakeFirst();
  }

  /**
   * A transfer whose sending (`from`) or receiving (`to`) unit lies in the actor's subtree,
   * locked for a decision; undefined otherwise, so a transfer not addressed to the caller stays hidden.
   */
  async findForDecision(tx: Transaction<DB>, actor: Actor, id: string, side: TransferSide) {
    const path = side === 'from' ? 'fu.path' : 'tu.path';
    const row = await tx
      .selectFrom('child_transfer as t')
      .innerJoin('admin_unit as fu', 'fu.id', 't.from_unit_id')
      .innerJoin('admin_unit as tu', 'tu.id', 't.to_unit_id')
      .select([
        't.id',
        't.child_id',
        't.status',
        't.from_unit_id',
        't.to_unit_id',
        't.new_village',
        't.new_address',
        'fu.full_name as from_name',
        'tu.full_name as to_name',
      ])
      .where('t.id', '=', id)
      .where(inScopeSql(path, actor))
      .forUpdate('t')
      .executeTakeFirst();
    return row;
  }

  /** Whether a child has a transfer waiting for the receiving commune. */
  async hasPending(exec: Exec, childId: string): Promise<boolean> {
    const row = await exec
      .selectFrom('child_transfer')
      .select('id')
      .where('child_id', '=', childId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Boolean(row);
  }

  /** The pending transfers of some children (at most one each), for their read model. */
  listPending(exec: Exec, childIds: string[]) {
    if (childIds.length === 0) return Promise.resolve([]);
    return exec
      .selectFrom('child_transfer as t')
      .innerJoin('admin_unit as tu', 'tu.id', 't.to_unit_id')
      .leftJoin('app_user as rb', 'rb.id', 't.requested_by')
      .select([
        't.id',
        't.child_id',
        't.reason',
        't.requested_by',
        't.requested_at',
        'tu.code as to_code',
        'tu.full_name as to_name',
        'rb.full_name as requested_by_name',
      ])
      .where('t.child_id', 'in', childIds)
      .where('t.status', '=', 'pending')
      .execute();
  }

  /** Transfers to (`incoming`) or from (`outgoing`) the actor's subtree, newest first, after a cursor. */
  list(
    actor: Actor,
    f: { direction: 'incoming' | 'outgoing'; status: string; limit: number; after?: [string, string] },
  ) {
    let q = this.joined(this.db).where(inScopeSql(f.direction === 'incoming' ? 'tu.path' : 'fu.path', actor));
    if (f.status !== 'all') q = q.where('t.status', '=', f.status as ChildTransferStatus);
    if (f.after) {
      const [at, id] = f.after;
      q = q.where(sql<boolean>`(t.requested_at, t.id) < (${at}::timestamptz, ${id}::uuid)`);
    }
    return q.orderBy('t.requested_at', 'desc').orderBy('t.id', 'desc').limit(f.limit).execute();
  }

  /** Records the decision on a pending transfer (accepted, declined or cancelled). */
  async decide(
    tx: Transaction<DB>,
    id: string,
    status: 'accepted' | 'declined' | 'cancelled',
    userId: string,
    note: string | null,
  ) {
    await tx
      .updateTable('child_transfer')
      .set({ status, decided_by: userId, decided_at: new Date(), decision_note: note })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .execute();
  }

  /**
   * Moves the child (and the records merged into it, so their old links follow) to the receiving
   * commune, with the residence there. The child keeps its id: groups, history and the links of
   * other modules follow it.
   */
  async moveChild(
    tx: Transaction<DB>,
    childId: string,
    toUnitId: number,
    residence: { village: string | null; address: string | null },
    userId: string,
  ) {
    await tx
      .updateTable('child')
      .set({
        unit_id: toUnitId,
        village: residence.village,
        address: residence.address,
        updated_at: new Date(),
        updated_by: userId,
        version: sql`version + 1`,
      })
      .where('id', '=', childId)
      .execute();
    await tx.updateTable('child').set({ unit_id: toUnitId }).where('merged_into', '=', childId).execute();
  }
}
