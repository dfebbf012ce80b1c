import { type Kysely, sql, type Transaction } from 'kysely';
import { inScopeSql } from '../../../platform/auth/scope';
import type { DB } from '../../../platform/db/schema';
import type { Actor } from '../../../platform/http/route';

type Db = Kysely<DB> | Transaction<DB>;

/** The name of a rule code in its latest period (a code keeps its name across periods). */
const ruleName = (codeColumn: string, column: 'name_vi' | 'name_en') =>
  sql<
    string | null
  >`(SELECT r.${sql.ref(column)} FROM benefit_rule r WHERE r.code = ${sql.ref(codeColumn)} ORDER BY r.valid_from DESC LIMIT 1)`;

export type RunRow = {
  id: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  month: string;
  created_at: Date;
};

export type LineRow = {
  id: string;
  version: number;
  enrolment_id: string;
  child_id: string;
  child_name: string;
  child_date_of_birth: string;
  recipient_name: string;
  rule_code: string;
  rule_name_vi: string | null;
  rule_name_en: string | null;
  budget_source: string;
  amount_vnd: string;
  status: 'unpaid' | 'paid';
  method: 'cash' | 'bank' | 'post_office' | 'in_kind' | null;
  paid_on: string | null;
  receipt_number: string | null;
};

export type RunTotalsRow = { lines: number; amount_vnd: number; paid_lines: number; paid_vnd: number };

export type DueEnrolmentRow = {
  id: string;
  rule_code: string;
  start_date: string;
  end_date: string | null;
  recipient_name: string;
};

/** Every SQL statement of the monthly payment lists. */
export class PaymentsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * The run of a commune and month, created when missing, locked for the rest of the transaction:
   * two officers running the same month at once are serialised, the second sees the first's lines.
   */
  async lockOrCreateRun(tx: Transaction<DB>, unitId: number, month: string, userId: string) {
    const inserted = await tx
      .insertInto('benefit_payment_run')
      .values({ unit_id: unitId, month, created_by: userId })
      .onConflict((oc) => oc.columns(['unit_id', 'month']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { id: inserted.id, created: true };
    const existing = await tx
      .selectFrom('benefit_payment_run')
      .select('id')
      .where('unit_id', '=', unitId)
      .where('month', '=', month)
      .forUpdate()
      .executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }

  /** Enrolments of the commune running at some day of the month and not yet paid for it. */
  listEnrolmentsWithoutLine(tx: Transaction<DB>, unitId: number, month: string, monthEnd: string) {
    return tx
      .selectFrom('benefit_enrolment as e')
      .select(['e.id', 'e.rule_code', 'e.start_date', 'e.end_date', 'e.recipient_name'])
      .where('e.unit_id', '=', unitId)
      .where('e.start_date', '<=', monthEnd)
      .where((eb) => eb.or([eb('e.end_date', 'is', null), eb('e.end_date', '>=', `${month}-01`)]))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('benefit_payment as p')
              .select('p.id')
              .whereRef('p.enrolment_id', '=', 'e.id')
              .where('p.month', '=', month),
          ),
        ),
      )
      .orderBy('e.created_at')
      .orderBy('e.id')
      .execute() as Promise<DueEnrolmentRow[]>;
  }

  /** The decisions of some enrolments, oldest first. */
  async listEvents(tx: Transaction<DB>, enrolmentIds: string[]) {
    if (enrolmentIds.length === 0) return [];
    return tx
      .selectFrom('benefit_enrolment_event')
      .select(['enrolment_id', 'kind', 'effective_from', 'amount_vnd'])
      .where('enrolment_id', 'in', enrolmentIds)
      .orderBy('effective_from')
      .orderBy('recorded_at')
      .execute();
  }

  /** Every period of the given rule codes, latest first. */
  async listRulePeriods(tx: Transaction<DB>, codes: string[]) {
    if (codes.length === 0) return [];
    return tx
      .selectFrom('benefit_rule')
      .select(['code', 'periodicity', 'budget_source', 'valid_from', 'valid_to'])
      .where('code', 'in', codes)
      .orderBy('valid_from', 'desc')
      .execute();
  }

  /** Adds lines; a line already there for the enrolment and month is left alone. */
  async insertLines(
    tx: Transaction<DB>,
    lines: Array<{
      run_id: string;
      enrolment_id: string;
      month: string;
      amount_vnd: number;
      rule_code: string;
      budget_source: string;
      recipient_name: string;
    }>,
  ): Promise<number[]> {
    if (lines.length === 0) return [];
    const rows = await tx
      .insertInto('benefit_payment')
      .values(lines)
      .onConflict((oc) => oc.columns(['enrolment_id', 'month']).doNothing())
      .returning('amount_vnd')
      .execute();
    return rows.map((r) => Number(r.amount_vnd));
  }

  async touchRun(tx: Transaction<DB>, runId: string) {
    await tx
      .updateTable('benefit_payment_run')
      .set({ updated_at: new Date() })
      .where('id', '=', runId)
      .execute();
  }

  private runs(db: Db, actor: Actor) {
    return db
      .selectFrom('benefit_payment_run as r')
      .innerJoin('admin_unit as u', 'u.id', 'r.unit_id')
      .select([
        'r.id',
        'r.unit_id',
        'u.code as unit_code',
        'u.full_name as unit_name',
        sql<string>`u.path::text`.as('unit_path'),
        'r.month',
        'r.created_at',
      ])
      .where(inScopeSql('u.path', actor));
  }

  /** A run of the caller's subtree. */
  async findRun(db: Db, actor: Actor, id: string): Promise<RunRow | undefined> {
    return (await this.runs(db, actor).where('r.id', '=', id).executeTakeFirst()) as RunRow | undefined;
  }

  /** Runs of the caller's subtree below `unitPath`, in a month range, newest month first. */
  async listRuns(actor: Actor, filter: { unitPath?: string; from?: string; to?: string }): Promise<RunRow[]> {
    let q = this.runs(this.db, actor);
    if (filter.unitPath) q = q.where(sql<boolean>`u.path <@ ${filter.unitPath}::ltree`);
    if (filter.from) q = q.where('r.month', '>=', filter.from);
    if (filter.to) q = q.where('r.month', '<=', filter.to);
    return (await q.orderBy('r.month', 'desc').orderBy('u.code').limit(1000).execute()) as RunRow[];
  }

  /** Line counts and amounts of some runs, keyed by run id. */
  async totalsOf(db: Db, runIds: string[]): Promise<Map<string, RunTotalsRow>> {
    if (runIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('benefit_payment')
      .select([
        'run_id',
        sql<string>`count(*)`.as('lines'),
        sql<string>`coalesce(sum(amount_vnd), 0)`.as('amount_vnd'),
        sql<string>`count(*) FILTER (WHERE status = 'paid')`.as('paid_lines'),
        sql<string>`coalesce(sum(amount_vnd) FILTER (WHERE status = 'paid'), 0)`.as('paid_vnd'),
      ])
      .where('run_id', 'in', runIds)
      .groupBy('run_id')
      .execute();
    return new Map(
      rows.map((r) => [
        r.run_id,
        {
          lines: Number(r.lines),
          amount_vnd: Number(r.amount_vnd),
          paid_lines: Number(r.paid_lines),
          paid_vnd: Number(r.paid_vnd),
        },
      ]),
    );
  }

  private lines(db: Db) {
    return db
      .selectFrom('benefit_payment as p')
      .innerJoin('benefit_enrolment as e', 'e.id', 'p.enrolment_id')
      .innerJoin('child as c', 'c.id', 'e.child_id')
      .select([
        'p.id',
        'p.version',
        'p.enrolment_id',
        'c.id as child_id',
        'c.full_name as child_name',
        'c.date_of_birth as child_date_of_birth',
        'p.recipient_name',
        'p.rule_code',
        ruleName('p.rule_code', 'name_vi').as('rule_name_vi'),
        ruleName('p.rule_code', 'name_en').as('rule_name_en'),
        'p.budget_source',
        'p.amount_vnd',
        'p.status',
        'p.method',
        'p.paid_on',
        'p.receipt_number',
      ]);
  }

  /** The lines of a run, by benefit then by the child's name. */
  async listLines(db: Db, runId: string): Promise<LineRow[]> {
    return (await this.lines(db)
      .where('p.run_id', '=', runId)
      .orderBy('p.rule_code')
      .orderBy('c.full_name')
      .orderBy('p.id')
      .execute()) as LineRow[];
  }

  /** One line of a run, locked for a change. */
  async findLineForUpdate(tx: Transaction<DB>, runId: string, lineId: string): Promise<LineRow | undefined> {
    return (await this.lines(tx)
      .where('p.run_id', '=', runId)
      .where('p.id', '=', lineId)
      .forUpdate('p')
      .executeTakeFirst()) as LineRow | undefined;
  }

  async markPaid(
    tx: Transaction<DB>,
    lineId: string,
    paid: {
      method: NonNullable<LineRow['method']>;
      paidOn: string;
      receiptNumber: string | null;
      userId: string;
    },
  ) {
    await tx
      .updateTable('benefit_payment')
      .set((eb) => ({
        status: 'paid',
        method: paid.method,
        paid_on: paid.paidOn,
        receipt_number: paid.receiptNumber,
        paid_by: paid.userId,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', lineId)
      .execute();
  }

  async markUnpaid(tx: Transaction<DB>, lineId: string) {
    await tx
      .updateTable('benefit_payment')
      .set((eb) => ({
        status: 'unpaid',
        method: null,
        paid_on: null,
        receipt_number: null,
        paid_by: null,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', lineId)
      .execute();
  }

  /** Amounts due and paid by month, benefit and budget source, over the runs of a subtree. */
  async totalsByMonth(actor: Actor, filter: { unitPath?: string; from: string; to: string }) {
    let q = this.db
      .selectFrom('benefit_payment as p')
      .innerJoin('benefit_payment_run as r', 'r.id', 'p.run_id')
      .innerJoin('admin_unit as u', 'u.id', 'r.unit_id')
      .where(inScopeSql('u.path', actor))
      .where('r.month', '>=', filter.from)
      .where('r.month', '<=', filter.to);
    if (filter.unitPath) q = q.where(sql<boolean>`u.path <@ ${filter.unitPath}::ltree`);
    return q
      .select([
        'r.month',
        'p.rule_code',
        'p.budget_source',
        ruleName('p.rule_code', 'name_vi').as('rule_name_vi'),
        ruleName('p.rule_code', 'name_en').as('rule_name_en'),
        sql<string>`count(*)`.as('lines'),
        sql<string>`sum(p.amount_vnd)`.as('amount_vnd'),
        sql<string>`coalesce(sum(p.amount_vnd) FILTER (WHERE p.status = 'paid'), 0)`.as('paid_vnd'),
      ])
      .groupBy(['r.month', 'p.rule_code', 'p.budget_source'])
      .orderBy('r.month')
      .orderBy('p.rule_code')
      .orderBy('p.budget_source')
      .execute();
  }
}
