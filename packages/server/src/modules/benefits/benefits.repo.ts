import { type Kysely, sql, type Transaction } from 'kysely';
import { inScopeSql } from '../../platform/auth/scope';
import type { DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/http/route';
import { CHILD_SELECT_COLUMNS } from '../children/children.repo';

type Exec = Kysely<DB> | Transaction<DB>;

const RULE_COLUMNS = [
  'id',
  'code',
  'kind',
  'name_vi',
  'name_en',
  'criteria_vi',
  'criteria_en',
  'legal_ref',
  'verified',
  'valid_from',
  'valid_to',
  'unit_code',
  'periodicity',
  'amount',
  'criteria',
  'exclusive_group',
  'budget_source',
  'needs_decision',
  'is_reference',
  'version',
] as const;

const BASE_LEVEL_COLUMNS = [
  'id',
  'amount_vnd',
  'valid_from',
  'valid_to',
  'province_code',
  'legal_ref',
  'verified',
  'is_reference',
  'version',
] as const;

/** The registry's child columns, plus the province the benefit rules of a child depend on. */
const CHILD_COLUMNS = [...CHILD_SELECT_COLUMNS, 'u.province_code as province_code'] as const;

const ENROLMENT_COLUMNS = [
  'e.id',
  'e.version',
  'e.child_id',
  'e.unit_id',
  'e.rule_code',
  'e.status',
  'e.start_date',
  'e.end_date',
  'e.amount_vnd',
  'e.recipient_kind',
  'e.recipient_name',
  'e.recipient_relationship',
  'e.payment_method',
  'e.created_at',
  'c.full_name as child_name',
  'c.date_of_birth as child_date_of_birth',
  'u.code as unit_code',
  'u.full_name as unit_name',
  'u.path as unit_path',
] as const;

export type RuleRow = Awaited<ReturnType<BenefitsRepo['listRules']>>[number];
export type BaseLevelRow = Awaited<ReturnType<BenefitsRepo['listBaseLevels']>>[number];
export type EnrolmentRow = NonNullable<Awaited<ReturnType<BenefitsRepo['findEnrolment']>>>;
export type EnrolmentEventRow = Awaited<ReturnType<BenefitsRepo['listEvents']>>[number];
export type ProposalRow = Awaited<ReturnType<BenefitsRepo['listProposals']>>[number];
export type BenefitChildRow = Awaited<ReturnType<BenefitsRepo['listChildrenBatch']>>[number];

/** Which children a batch reads: a unit subtree, the filter of the proposal job or the gap list. */
export type ChildBatchFilter = {
  unitPath?: string;
  /** Children under 16 at this date (birth reference date after it minus 16 years). */
  bornAfter?: string;
  /** Only children for whom a benefit may apply (groups, poverty, disability, illness, young age). */
  mayQualifyBornAfter?: string;
  /** Only children in one of these special-circumstance groups (besides those enrolled). */
  inGroups?: string[];
};

/** Every SQL statement of the benefits module (except payments). */
export class BenefitsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  // ---------------------------------------------------------------- catalogue

  listRules(exec: Exec = this.db) {
    return exec
      .selectFrom('benefit_rule')
      .select(RULE_COLUMNS)
      .orderBy('code')
      .orderBy('valid_from')
      .execute();
  }

  findRule(exec: Exec, id: string, opts: { forUpdate?: boolean } = {}) {
    let q = exec.selectFrom('benefit_rule').select(RULE_COLUMNS).where('id', '=', id);
    if (opts.forUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  listRulePeriods(exec: Exec, code: string) {
    return exec
      .selectFrom('benefit_rule')
      .select(RULE_COLUMNS)
      .where('code', '=', code)
      .orderBy('valid_from')
      .forUpdate()
      .execute();
  }

  listBaseLevels(exec: Exec = this.db) {
    return exec
      .selectFrom('benefit_base_level')
      .select(BASE_LEVEL_COLUMNS)
      .orderBy(sql`coalesce(province_code, '')`)
      .orderBy('valid_from')
      .execute();
  }

  listBaseLevelPeriods(exec: Exec, provinceCode: string | null) {
    return exec
      .selectFrom('benefit_base_level')
      .select(BASE_LEVEL_COLUMNS)
      .where(sql<boolean>`coalesce(province_code, '') = ${provinceCode ?? ''}`)
      .orderBy('valid_from')
      .forUpdate()
      .execute();
  }

  async closeRulePeriod(tx: Transaction<DB>, id: string, validTo: string) {
    await tx
      .updateTable('benefit_rule')
      .set({ valid_to: validTo, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  async closeBaseLevelPeriod(tx: Transaction<DB>, id: string, validTo: string) {
    await tx
      .updateTable('benefit_base_level')
      .set({ valid_to: validTo, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
  }

  async insertRule(exec: Exec, values: RuleValues) {
    const row = await exec
      .insertInto('benefit_rule')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async insertBaseLevel(exec: Exec, values: BaseLevelValues) {
    const row = await exec
      .insertInto('benefit_base_level')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Updates a rule if its version still matches; false when someone changed it meanwhile. */
  async updateRule(
    tx: Transaction<DB>,
    id: string,
    version: number,
    set: { amount?: string; verified?: boolean; legal_ref?: string },
  ): Promise<boolean> {
    const result = await tx
      .updateTable('benefit_rule')
      .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  // ---------------------------------------------------------------- children

  /**
   * A batch of active, unmerged children in id order after `afterId`, with their unit's codes: the
   * gap list and the proposal job read the registry this way, a few queries per thousand children.
   */
  listChildrenBatch(exec: Exec, filter: ChildBatchFilter, limit: number, afterId?: string) {
    let q = exec
      .selectFrom('child as c')
      .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
      .select(CHILD_COLUMNS)
      .where('c.merged_into', 'is', null);
    if (filter.unitPath) q = q.where(sql<boolean>`u.path <@ ${filter.unitPath}::ltree`);
    const { bornAfter, mayQualifyBornAfter } = filter;
    // A child with a running enrolment is always read: it may have turned 16, moved or died.
    q = q.where((eb) => {
      const enrolled = eb.exists(
        eb
          .selectFrom('benefit_enrolment as be')
          .select(sql`1`.as('one'))
          .whereRef('be.child_id', '=', 'c.id')
          .where('be.status', '=', 'active'),
      );
      const conditions = [eb('c.status', '=', 'active')];
      if (bornAfter) conditions.push(eb('c.birth_reference_date', '>', bornAfter));
      if (filter.inGroups)
        conditions.push(
          eb.exists(
            eb
              .selectFrom('child_special_circumstance as g')
              .select(sql`1`.as('one'))
              .whereRef('g.child_id', '=', 'c.id')
              // An empty list matches no group (the IN of Kysely needs one value).
              .where('g.group_code', 'in', filter.inGroups.length > 0 ? filter.inGroups : ['']),
          ),
        );
      if (mayQualifyBornAfter)
        conditions.push(
          eb.or([
            eb('c.birth_reference_date', '>', mayQualifyBornAfter),
            eb.exists(
              eb
                .selectFrom('child_special_circumstance as s')
                .select(sql`1`.as('one'))
                .whereRef('s.child_id', '=', 'c.id'),
            ),
            sql<boolean>`c.household->>'povertyStatus' IN ('poor', 'near_poor')`,
            sql<boolean>`c.health->'disability'->>'level' IS NOT NULL`,
            sql<boolean>`c.health->>'seriousIllness' = 'true'`,
          ]),
        );
      return eb.or([eb.and(conditions), enrolled]);
    });
    if (afterId) q = q.where('c.id', '>', afterId);
    return q.orderBy('c.id').limit(limit).execute();
  }

  /** A child of the actor's subtree, with its province (undefined outside the subtree). */
  findChildInScope(exec: Exec, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
    let q = exec
      .selectFrom('child as c')
      .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
      .select(CHILD_COLUMNS)
      .where('c.id', '=', id)
      .where('c.merged_into', 'is', null)
      .where(inScopeSql('u.path', actor));
    if (opts.forUpdate) q = q.forUpdate('c');
    return q.executeTakeFirst();
  }

  // ---------------------------------------------------------------- enrolments

  private enrolments(exec: Exec) {
    return exec
      .selectFrom('benefit_enrolment as e')
      .innerJoin('child as c', 'c.id', 'e.child_id')
      .innerJoin('admin_unit as u', 'u.id', 'e.unit_id')
      .select(ENROLMENT_COLUMNS);
  }

  findEnrolment(exec: Exec, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
    let q = this.enrolments(exec).where('e.id', '=', id).where(inScopeSql('u.path', actor));
    if (opts.forUpdate) q = q.forUpdate('e');
    return q.executeTakeFirst();
  }

  /** Enrolments of children, for the eligibility view, the gap list and the proposal job. */
  listEnrolmentsOfChildren(exec: Exec, childIds: string[]) {
    if (childIds.length === 0) return Promise.resolve([]);
    return this.enrolments(exec)
      .where('e.child_id', 'in', childIds)
      .orderBy('e.start_date')
      .orderBy('e.id')
      .execute();
  }

  async findActiveEnrolmentId(exec: Exec, childId: string, ruleCode: string) {
    const row = await exec
      .selectFrom('benefit_enrolment')
      .select('id')
      .where('child_id', '=', childId)
      .where('rule_code', '=', ruleCode)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return row?.id;
  }

  private filteredEnrolments(exec: Exec, actor: Actor, f: EnrolmentFilter) {
    let q = this.enrolments(exec).where(inScopeSql('u.path', actor));
    if (f.unitPath) q = q.where(sql<boolean>`u.path <@ ${f.unitPath}::ltree`);
    if (f.childId) q = q.where('e.child_id', '=', f.childId);
    if (f.status) q = q.where('e.status', '=', f.status);
    if (f.ruleCode) q = q.where('e.rule_code', '=', f.ruleCode);
    return q;
  }

  async countEnrolments(actor: Actor, f: EnrolmentFilter): Promise<number> {
    const row = await this.filteredEnrolments(this.db, actor, f)
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** A page of enrolments, latest start first; `after` is the last row's (start date, id). */
  listEnrolments(actor: Actor, f: EnrolmentFilter, limit: number, after?: [string, string]) {
    let q = this.filteredEnrolments(this.db, actor, f);
    if (after) q = q.where(sql<boolean>`(e.start_date, e.id) < (${after[0]}::date, ${after[1]}::uuid)`);
    return q.orderBy('e.start_date', 'desc').orderBy('e.id', 'desc').limit(limit).execute();
  }

  listEvents(exec: Exec, enrolmentIds: string[]) {
    if (enrolmentIds.length === 0) return Promise.resolve([]);
    return exec
      .selectFrom('benefit_enrolment_event as v')
      .leftJoin('app_user as a', 'a.id', 'v.recorded_by')
      .select([
        'v.id',
        'v.enrolment_id',
        'v.kind',
        'v.decision_number',
        'v.decision_date',
        'v.signer_name',
        'v.signer_title',
        'v.effective_from',
        'v.amount_vnd',
        'v.reason',
        'v.recorded_at',
        'a.full_name as recorded_by_name',
      ])
      .where('v.enrolment_id', 'in', enrolmentIds)
      .orderBy('v.recorded_at')
      .orderBy('v.effective_from')
      .execute();
  }

  async insertEnrolment(tx: Transaction<DB>, values: EnrolmentValues): Promise<string> {
    const row = await tx
      .insertInto('benefit_enrolment')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async insertEvent(tx: Transaction<DB>, values: EventValues) {
    await tx.insertInto('benefit_enrolment_event').values(values).execute();
  }

  /** Updates an enrolment if its version still matches; false when someone changed it meanwhile. */
  async updateEnrolment(
    tx: Transaction<DB>,
    id: string,
    version: number,
    set: { amount_vnd?: number; status?: 'active' | 'ended'; end_date?: string },
  ): Promise<boolean> {
    const result = await tx
      .updateTable('benefit_enrolment')
      .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  // ---------------------------------------------------------------- proposals

  listProposals(
    exec: Exec,
    actor: Actor,
    f: { unitPath?: string; status?: string; id?: string; limit?: number },
  ) {
    let q = exec
      .selectFrom('benefit_proposal as p')
      .innerJoin('child as c', 'c.id', 'p.child_id')
      .innerJoin('admin_unit as u', 'u.id', 'p.unit_id')
      .select([
        'p.id',
        'p.kind',
        'p.status',
        'p.child_id',
        'p.rule_code',
        'p.enrolment_id',
        'p.effective_from',
        'p.amount_vnd',
        'p.reason_vi',
        'p.reason_en',
        'p.created_at',
        'c.full_name as child_name',
        'u.code as unit_code',
        'u.id as unit_id',
      ])
      .where(inScopeSql('u.path', actor));
    if (f.id) q = q.where('p.id', '=', f.id);
    if (f.unitPath) q = q.where(sql<boolean>`u.path <@ ${f.unitPath}::ltree`);
    if (f.status) q = q.where('p.status', '=', f.status as 'open');
    return q
      .orderBy('p.effective_from')
      .orderBy('p.id')
      .limit(f.limit ?? 1000)
      .execute();
  }

  async countProposals(actor: Actor, f: { unitPath?: string; status?: string }): Promise<number> {
    let q = this.db
      .selectFrom('benefit_proposal as p')
      .innerJoin('admin_unit as u', 'u.id', 'p.unit_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(inScopeSql('u.path', actor));
    if (f.unitPath) q = q.where(sql<boolean>`u.path <@ ${f.unitPath}::ltree`);
    if (f.status) q = q.where('p.status', '=', f.status as 'open');
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  findOpenProposalForUpdate(tx: Transaction<DB>, id: string) {
    return tx
      .selectFrom('benefit_proposal')
      .select(['id', 'child_id', 'rule_code', 'kind', 'status', 'enrolment_id', 'unit_id'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  async closeProposal(
    tx: Transaction<DB>,
    id: string,
    close: { status: 'confirmed' | 'dismissed'; userId: string; note: string | null; enrolmentId?: string },
  ) {
    await tx
      .updateTable('benefit_proposal')
      .set({
        status: close.status,
        closed_at: new Date(),
        closed_by: close.userId,
        close_note: close.note,
        ...(close.enrolmentId ? { enrolment_id: close.enrolmentId } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Inserts proposals; one already made (same dedupe key) is left as it is. Returns how many were new. */
  async insertProposals(exec: Exec, rows: ProposalValues[]): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await exec
      .insertInto('benefit_proposal')
      .values(rows)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }
}

export type EnrolmentFilter = {
  unitPath?: string;
  childId?: string;
  status?: 'active' | 'ended';
  ruleCode?: string;
};

export type RuleValues = {
  code: string;
  kind: string;
  name_vi: string;
  name_en: string;
  criteria_vi: string;
  criteria_en: string;
  legal_ref: string;
  verified: boolean;
  valid_from: string;
  valid_to: string | null;
  unit_code: string | null;
  periodicity: 'monthly' | 'yearly' | 'once';
  amount: string;
  criteria: string;
  exclusive_group: string | null;
  budget_source: string;
  needs_decision: boolean;
  is_reference: boolean;
  created_by: string | null;
};

export type BaseLevelValues = {
  amount_vnd: number;
  valid_from: string;
  valid_to: string | null;
  province_code: string | null;
  legal_ref: string;
  verified: boolean;
  is_reference: boolean;
  created_by: string | null;
};

export type EnrolmentValues = {
  child_id: string;
  unit_id: number;
  rule_code: string;
  status: 'active' | 'ended';
  start_date: string;
  end_date: string | null;
  amount_vnd: number;
  recipient_kind: 'child' | 'caregiver';
  recipient_name: string;
  recipient_relationship: string | null;
  payment_method: 'cash' | 'bank' | 'post_office' | 'in_kind';
  created_by: string;
};

export type EventValues = {
  enrolment_id: string;
  kind: 'start' | 'adjust' | 'terminate';
  decision_number: string;
  decision_date: string;
  signer_name: string;
  signer_title: string;
  effective_from: string;
  amount_vnd: number | null;
  reason: string | null;
  recorded_by: string;
};

export type ProposalValues = {
  child_id: string;
  unit_id: number;
  kind: 'start' | 'adjust' | 'terminate';
  rule_code: string;
  enrolment_id: string | null;
  effective_from: string;
  amount_vnd: number | null;
  reason_vi: string;
  reason_en: string;
  dedupe_key: string;
};

/** A current unit with its province, by code (`38`, `14812`). */
export function findUnitByCode(exec: Exec, code: string) {
  return exec
    .selectFrom('admin_unit')
    .select(['id', 'code', 'level', 'path', 'province_code', 'full_name'])
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

/** The paths of current units by code, for the rule abilities. */
export async function unitPathsByCode(exec: Exec, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await exec
    .selectFrom('admin_unit')
    .select(['code', 'path'])
    .where('code', 'in', codes)
    .where('valid_to', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.code, r.path]));
}

/** The unit of a user, for defaults (`?unit=` left out). */
export function findUnitById(exec: Exec, id: number) {
  return exec
    .selectFrom('admin_unit')
    .select(['id', 'code', 'level', 'path', 'province_code', 'full_name'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}
