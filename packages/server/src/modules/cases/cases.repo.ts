import { type Kysely, sql, type Transaction } from 'kysely';
import { inScopeSql } from '../../platform/auth/scope';
import { likeContains } from '../../platform/db/like';
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
  summary_encrypted: string;
  reporter_encrypted: string | null;
  created_by: string;
} & DerivedCaseValues;

/** A running clock as copied to `child_case.open_deadlines` for queues and alerts. */
export type OpenDeadline = { clockId: string; step: string; dueAt: string; dueSoonHours: number };

/** The columns derived from the case state after every action. */
export type DerivedCaseValues = {
  status: string;
  protection_level: string | null;
  assigned_officer_id: string | null;
  open_deadlines: OpenDeadline[];
};

export type CaseListFilter = {
  status?: string | undefined;
  unitPath?: string | undefined;
  childId?: string | undefined;
  /** Folded words of a child's name, or a case number. */
  words?: string[] | undefined;
  caseNumber?: string | undefined;
  assigneeId?: string | undefined;
  due?: 'overdue' | 'due_soon' | undefined;
  isOpen?: boolean | undefined;
  /** Plans or closings waiting for a leader. */
  isAwaitingApproval?: boolean | undefined;
};

function derivedColumns(values: DerivedCaseValues) {
  const dues = values.open_deadlines.map((d) => Date.parse(d.dueAt));
  const soon = values.open_deadlines.map((d) => Date.parse(d.dueAt) - d.dueSoonHours * 3_600_000);
  return {
    status: values.status,
    protection_level: values.protection_level,
    assigned_officer_id: values.assigned_officer_id,
    open_deadlines: JSON.stringify(values.open_deadlines),
    next_due_at: dues.length > 0 ? new Date(Math.min(...dues)) : null,
    due_soon_at: soon.length > 0 ? new Date(Math.min(...soon)) : null,
  };
}

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
      .leftJoin('app_user as a', 'a.id', 'k.assigned_officer_id')
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
        'k.next_due_at',
        'a.full_name as assignee_name',
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
    filter: CaseListFilter,
    page: {
      limit: number;
      after?: { receivedAt: string; id: string } | undefined;
      /** `received`: newest report first (pages with `after`); `due`: earliest running deadline first. */
      order: 'received' | 'due';
    },
  ) {
    const isParticipant = actor.permissions.has('cases.approve')
      ? sql<boolean>`true`
      : sql<boolean>`(k.assigned_officer_id = ${actor.userId}::uuid OR EXISTS (
          SELECT 1 FROM case_member m WHERE m.case_id = k.id AND m.user_id = ${actor.userId}::uuid))`;
    let q = this.base(this.db).select(isParticipant.as('is_participant')).where(inScopeSql('u.path', actor));
    if (filter.childId) q = q.where('k.child_id', '=', filter.childId);
    if (filter.status) q = q.where('k.status', '=', filter.status);
    if (filter.unitPath) q = q.where(sql<boolean>`u.path <@ ${filter.unitPath}::ltree`);
    if (filter.isOpen !== undefined) q = q.where('k.status', filter.isOpen ? '<>' : '=', 'closed');
    if (filter.assigneeId) q = q.where('k.assigned_officer_id', '=', filter.assigneeId);
    if (filter.isAwaitingApproval) q = q.where('k.status', 'in', ['awaiting_approval', 'closure_proposed']);
    if (filter.due === 'overdue') q = q.where(sql<boolean>`k.next_due_at < now()`);
    if (filter.due === 'due_soon')
      q = q.where(sql<boolean>`k.due_soon_at <= now() AND k.next_due_at >= now()`);
    const { words, caseNumber } = filter;
    if (words && words.length > 0) {
      // A child's name finds only the cases the caller takes part in: the existence of a case is
      // itself confidential. Others (a province officer) find a case by its number.
      const byName = sql.join(
        words.map((w) => sql`(' ' || c.name_folded) LIKE ${`% ${likeContains(w).slice(1)}`}`),
        sql` AND `,
      );
      q = caseNumber
        ? q.where(sql<boolean>`((${isParticipant} AND ${byName}) OR upper(k.case_number) = ${caseNumber})`)
        : q.where(sql<boolean>`(${isParticipant} AND ${byName})`);
    }
    const { count } = await q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    if (page.after) {
      const { receivedAt, id } = page.after;
      q = q.where(sql<boolean>`(k.received_at, k.id) < (${receivedAt}::timestamptz, ${id}::uuid)`);
    }
    const ordered =
      page.order === 'due'
        ? q
            .orderBy(sql`k.next_due_at ASC NULLS LAST`)
            .orderBy('k.received_at', 'desc')
            .orderBy('k.id', 'desc')
        : q.orderBy('k.received_at', 'desc').orderBy('k.id', 'desc');
    const rows = await ordered.limit(page.limit + 1).execute();
    return { rows, total: Number(count) };
  }

  /** The actions of a case in order, with the name of who recorded each. */
  listActions(exec: Exec, caseId: string) {
    return exec
      .selectFrom('case_action as x')
      .leftJoin('app_user as a', 'a.id', 'x.by_user_id')
      .select(['x.seq', 'x.type', 'x.role', 'x.payload_encrypted', 'a.full_name as by_name'])
      .where('x.case_id', '=', caseId)
      .orderBy('x.seq')
      .execute();
  }

  /** Members of a case with names and units. */
  listMembers(exec: Exec, caseId: string) {
    return exec
      .selectFrom('case_member as m')
      .innerJoin('app_user as a', 'a.id', 'm.user_id')
      .innerJoin('admin_unit as u', 'u.id', 'a.unit_id')
      .leftJoin('app_user as b', 'b.id', 'm.added_by')
      .select([
        'm.user_id',
        'a.full_name as name',
        'u.full_name as unit_name',
        'm.added_at',
        'b.full_name as added_by_name',
      ])
      .where('m.case_id', '=', caseId)
      .orderBy('m.added_at')
      .execute();
  }

  async addMember(tx: Transaction<DB>, caseId: string, userId: string, addedBy: string): Promise<boolean> {
    const rows = await tx
      .insertInto('case_member')
      .values({ case_id: caseId, user_id: userId, added_by: addedBy })
      .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
      .returning('user_id')
      .execute();
    return rows.length > 0;
  }

  async removeMember(tx: Transaction<DB>, caseId: string, userId: string): Promise<boolean> {
    const result = await tx
      .deleteFrom('case_member')
      .where('case_id', '=', caseId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** An active user whose unit lies in the subtree of a path (who may be added to a case). */
  findActiveUserUnder(exec: Exec, userId: string, unitPath: string) {
    return exec
      .selectFrom('app_user as a')
      .innerJoin('admin_unit as u', 'u.id', 'a.unit_id')
      .select(['a.id', 'a.full_name'])
      .where('a.id', '=', userId)
      .where('a.is_active', '=', true)
      .where(sql<boolean>`u.path <@ ${unitPath}::ltree`)
      .executeTakeFirst();
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
    const row = await tx
      .insertInto('child_case')
      .values({ ...values, ...derivedColumns(values) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async insertAction(tx: Transaction<DB>, values: CaseActionValues): Promise<void> {
    await tx.insertInto('case_action').values(values).execute();
  }

  /** Records the derived state after an action and bumps the version. */
  async updateDerived(tx: Transaction<DB>, id: string, values: DerivedCaseValues): Promise<void> {
    await tx
      .updateTable('child_case')
      .set({ ...derivedColumns(values), version: sql`version + 1`, updated_at: new Date() })
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
