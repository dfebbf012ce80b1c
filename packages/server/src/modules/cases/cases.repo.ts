import { type Kysely, sql, type Transaction } from 'kysely';
import { inScopeSql } from '../../platform/auth/scope';
import type { DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/http/route';

type Exec = Kysely<DB> | Transaction<DB>;

/** Serialises case numbering per commune (with the unit id as second key). */
const CASE_NUMBER_LOCK = 7_270_100;

export type CaseValues = {
  unit_id: number;
  child_id: string;
  case_year: number;
  case_seq: number;
  case_number: string;
  source: string;
  concerns: string[];
  urgency: 'emergency' | 'urgent' | 'routine';
  received_at: Date;
  status: string;
  protection_level: string | null;
  assigned_officer_id: string | null;
  summary_encrypted: string;
  reporter_encrypted: string | null;
  created_by: string;
};

export type CaseActionValues = {
  case_id: string;
  seq: number;
  type: string;
  occurred_at: Date;
  by_user_id: string;
  role: 'officer' | 'leader';
  payload_encrypted: string;
};

/** Every SQL statement of the cases module; reads are always limited to the actor's subtree. */
export class CasesRepo {
  constructor(private readonly db: Kysely<DB>) {}

  private base(exec: Exec) {
    return exec
      .selectFrom('child_case as k')
      .innerJoin('admin_unit as u', 'u.id', 'k.unit_id')
      .innerJoin('child as c', 'c.id', 'k.child_id')
      .select([
        'k.id',
        'k.unit_id',
        'k.child_id',
        'k.case_number',
        'k.source',
        'k.concerns',
        'k.urgency',
        'k.received_at',
        'k.status',
        'k.protection_level',
        'k.assigned_officer_id',
        'k.summary_encrypted',
        'k.reporter_encrypted',
        'k.version',
        'u.code as unit_code',
        'u.full_name as unit_name',
        sql<string>`u.path::text`.as('unit_path'),
        'c.full_name as child_name',
        'c.date_of_birth as child_date_of_birth',
      ]);
  }

  /** A case of the actor's subtree, optionally locked for a change; undefined outside it. */
  async findInScope(exec: Exec, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
    let q = this.base(exec).where('k.id', '=', id).where(inScopeSql('u.path', actor));
    if (opts.forUpdate) q = q.forUpdate('k');
    return q.executeTakeFirst();
  }

  /** A page of the actor's cases, newest report first, with the total of the filter. */
  async list(
    actor: Actor,
    filter: { status?: string | undefined; unitPath?: string | undefined },
    page: { limit: number; after?: { receivedAt: string; id: string } | undefined },
  ) {
    let q = this.base(this.db).where(inScopeSql('u.path', actor));
    if (filter.status) q = q.where('k.status', '=', filter.status);
    if (filter.unitPath) q = q.where(sql<boolean>`u.path <@ ${filter.unitPath}::ltree`);
    const { count } = await q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    if (page.after) {
      const { receivedAt, id } = page.after;
      q = q.where(sql<boolean>`(k.received_at, k.id) < (${receivedAt}::timestamptz, ${id}::uuid)`);
    }
    const rows = await q
      .orderBy('k.received_at', 'desc')
      .orderBy('k.id', 'desc')
      .limit(page.limit + 1)
      .execute();
    return { rows, total: Number(count) };
  }

  /** The actions of a case in order. */
  listActions(exec: Exec, caseId: string) {
    return exec
      .selectFrom('case_action')
      .select(['seq', 'type', 'payload_encrypted'])
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();
  }

  async isMember(exec: Exec, caseId: string, userId: string): Promise<boolean> {
    const row = await exec
      .selectFrom('case_member')
      .select('user_id')
      .where('case_id', '=', caseId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The next case number of a commune in a year; holds a lock until the transaction ends. */
  async nextCaseSeq(tx: Transaction<DB>, unitId: number, year: number): Promise<number> {
    await sql`SELECT pg_advisory_xact_lock(${CASE_NUMBER_LOCK}, ${unitId})`.execute(tx);
    const row = await tx
      .selectFrom('child_case')
      .select((eb) => eb.fn.max('case_seq').as('max'))
      .where('unit_id', '=', unitId)
      .where('case_year', '=', year)
      .executeTakeFirst();
    return Number(row?.max ?? 0) + 1;
  }

  async insertCase(tx: Transaction<DB>, values: CaseValues): Promise<string> {
    const row = await tx.insertInto('child_case').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async insertAction(tx: Transaction<DB>, values: CaseActionValues): Promise<void> {
    await tx.insertInto('case_action').values(values).execute();
  }

  /** Records the derived state after an action and bumps the version. */
  async updateDerived(
    tx: Transaction<DB>,
    id: string,
    values: { status: string; protection_level: string | null; assigned_officer_id: string | null },
  ): Promise<void> {
    await tx
      .updateTable('child_case')
      .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  /** A registered child of the actor's subtree that is not merged away. */
  findChildInScope(exec: Exec, actor: Actor, id: string) {
    return exec
      .selectFrom('child as c')
      .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
      .select(['c.id', 'c.unit_id'])
      .where('c.id', '=', id)
      .where('c.merged_into', 'is', null)
      .where(inScopeSql('u.path', actor))
      .executeTakeFirst();
  }
}

export type CaseRow = NonNullable<Awaited<ReturnType<CasesRepo['findInScope']>>>;
