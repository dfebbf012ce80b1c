import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import { inScopeSql } from '../../platform/auth/scope';
import { likeContains } from '../../platform/db/like';
import type { DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/http/route';

type Exec = Kysely<DB> | Transaction<DB>;

/** The writable columns of a child. */
export type ChildValues = {
  unit_id: number;
  full_name: string;
  sex: 'male' | 'female';
  date_of_birth: string;
  birth_reference_date: string;
  personal_id: string | null;
  ethnicity: string | null;
  birth_registration: string | null;
  village: string | null;
  address: string | null;
  household: string | null;
  caregivers: string;
  education: string | null;
  health: string | null;
  at_risk: string[];
  people: string;
  note: string | null;
};

export type SpecialCircumstanceValues = {
  id?: string | undefined;
  group: string;
  subgroup: string | null;
  startDate: string;
  endDate: string | null;
  source: string | null;
  note: string | null;
};

/** Filters of a list, already resolved by the service (unit path, birth date range). */
export type ChildListFilter = {
  words: string[];
  personalId?: string;
  unitPath?: string;
  born?: { bornOnOrAfter: string; bornOnOrBefore: string; yearOnlyBornIn: number | null };
  sex?: string;
  groups?: string[];
  anyGroup?: boolean;
  atRisk?: string[];
  anyAtRisk?: boolean;
  schoolStatus?: string;
  disability?: string;
  status?: string;
  /** `turned6=recent`: the recorded 6th birthday lies in [from, to]. */
  turned6?: { from: string; to: string };
  at: string;
};

export type ChildSortKey = {
  column: 'name_folded' | 'birth_reference_date' | 'created_at' | 'updated_at';
  desc: boolean;
  /** Relevance: children whose own name holds every word come before those found by a relative. */
  nameWords?: string[];
};

/** Words a query needs before relatives' names are searched too. */
export const RELATIVE_SEARCH_MIN_WORDS = 2;

/** `% word%`: a word of a folded name starts with `word` (LIKE wildcards in it escaped). */
const wordStartPattern = (word: string) => `% ${likeContains(word).slice(1)}`;

/** The columns of a child row with its unit, as `toChild` reads them (shared with the benefits module). */
export const CHILD_SELECT_COLUMNS = [
  'c.id',
  'c.unit_id',
  'c.full_name',
  'c.sex',
  'c.date_of_birth',
  'c.birth_reference_date',
  'c.personal_id',
  'c.ethnicity',
  'c.birth_registration',
  'c.village',
  'c.address',
  'c.household',
  'c.caregivers',
  'c.education',
  'c.health',
  'c.at_risk',
  'c.note',
  'c.status',
  'c.status_changed_at',
  'c.turned_6_on',
  'c.merged_into',
  'c.merged_at',
  'c.version',
  'c.created_at',
  'c.updated_at',
  'c.name_folded',
  'u.code as unit_code',
  'u.full_name as unit_full_name',
  'u.path as unit_path',
] as const;

/** Every SQL statement of the child registry. */
export class ChildrenRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** Children not merged into another record: the only ones lists, search and duplicates see. */
  private base(exec: Exec) {
    return this.withMerged(exec).where('c.merged_into', 'is', null);
  }

  private withMerged(exec: Exec) {
    return exec
      .selectFrom('child as c')
      .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
      .select(CHILD_SELECT_COLUMNS);
  }

  /** A child of the actor's subtree (undefined outside it: its existence is not revealed). */
  async findInScope(exec: Exec, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
    let q = this.base(exec).where('c.id', '=', id).where(inScopeSql('u.path', actor));
    if (opts.forUpdate) q = q.forUpdate('c');
    return q.executeTakeFirst();
  }

  /** Like `findInScope`, but a record merged into another is found too (`merged_into` set). */
  async findInScopeWithMerged(exec: Exec, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
    let q = this.withMerged(exec).where('c.id', '=', id).where(inScopeSql('u.path', actor));
    if (opts.forUpdate) q = q.forUpdate('c');
    return q.executeTakeFirst();
  }

  /** The name of a child if it lies in the actor's subtree (the survivor named on a merged record). */
  async findNameInScope(exec: Exec, actor: Actor, id: string): Promise<string | undefined> {
    const row = await exec
      .selectFrom('child as c')
      .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
      .select('c.full_name')
      .where('c.id', '=', id)
      .where(inScopeSql('u.path', actor))
      .executeTakeFirst();
    return row?.full_name;
  }

  /** Ids of the records merged into a child (their audit trail is part of its history). */
  async listMergedIds(exec: Exec, childId: string): Promise<string[]> {
    const rows = await exec.selectFrom('child').select('id').where('merged_into', '=', childId).execute();
    return rows.map((r) => r.id);
  }

  /** The imports that created these records (a child may stem from an import, or several after merges). */
  async listImportIds(exec: Exec, childIds: string[]): Promise<string[]> {
    if (childIds.length === 0) return [];
    const rows = await exec
      .selectFrom('child')
      .select('import_id')
      .distinct()
      .where('id', 'in', childIds)
      .where('import_id', 'is not', null)
      .execute();
    return rows.flatMap((r) => (r.import_id ? [r.import_id] : []));
  }

  async insert(tx: Transaction<DB>, values: ChildValues, userId: string): Promise<string> {
    const { people, ...columns } = values;
    const row = await tx
      .insertInto('child')
      .values({
        ...columns,
        people_folded: sql<string>`vn_fold(${people})`,
        created_by: userId,
        updated_by: userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Updates a child at a known version; false when the version is stale. */
  async update(
    tx: Transaction<DB>,
    id: string,
    version: number,
    values: Partial<ChildValues>,
    userId: string,
  ) {
    const { people, ...columns } = values;
    const result = await tx
      .updateTable('child')
      .set({
        ...columns,
        ...(people !== undefined ? { people_folded: sql<string>`vn_fold(${people})` } : {}),
        updated_by: userId,
        updated_at: new Date(),
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async setStatus(tx: Transaction<DB>, id: string, version: number, status: string, userId: string | null) {
    const result = await tx
      .updateTable('child')
      .set({
        status,
        status_changed_at: new Date(),
        updated_at: new Date(),
        updated_by: userId,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async addStatusHistory(
    tx: Transaction<DB>,
    childId: string,
    status: string,
    reason: string | null,
    userId: string | null,
  ) {
    await tx
      .insertInto('child_status_history')
      .values({ child_id: childId, status, reason, changed_by: userId })
      .execute();
  }

  listStatusHistory(childId: string) {
    return this.db
      .selectFrom('child_status_history as h')
      .leftJoin('app_user as a', 'a.id', 'h.changed_by')
      .select(['h.status', 'h.changed_at', 'h.reason', 'h.changed_by', 'a.full_name as changed_by_name'])
      .where('h.child_id', '=', childId)
      .orderBy('h.changed_at', 'desc')
      .orderBy('h.id', 'desc')
      .execute();
  }

  listSpecialCircumstances(exec: Exec, childIds: string[]) {
    if (childIds.length === 0) return Promise.resolve([]);
    return exec
      .selectFrom('child_special_circumstance as s')
      .leftJoin('app_user as a', 'a.id', 's.confirmed_by')
      .select([
        's.id',
        's.child_id',
        's.group_code',
        's.subgroup_code',
        's.start_date',
        's.end_date',
        's.source',
        's.note',
        's.confirmed_by',
        's.created_at',
        'a.full_name as confirmed_by_name',
      ])
      .where('s.child_id', 'in', childIds)
      .orderBy('s.start_date')
      .orderBy('s.group_code')
      .execute();
  }

  /**
   * Makes the child's groups equal to `wanted`: entries with a known id are updated, new ones are
   * inserted (confirmed by the actor), the others are removed. The audit row keeps the old list.
   */
  async replaceSpecialCircumstances(
    tx: Transaction<DB>,
    childId: string,
    wanted: SpecialCircumstanceValues[],
    userId: string,
  ) {
    const existing = await tx
      .selectFrom('child_special_circumstance')
      .select('id')
      .where('child_id', '=', childId)
      .execute();
    const keep = new Set(wanted.map((w) => w.id).filter((id): id is string => Boolean(id)));
    const removed = existing.map((e) => e.id).filter((id) => !keep.has(id));
    if (removed.length > 0)
      await tx.deleteFrom('child_special_circumstance').where('id', 'in', removed).execute();
    const known = new Set(existing.map((e) => e.id));
    for (const w of wanted) {
      const values = {
        group_code: w.group,
        subgroup_code: w.subgroup,
        start_date: w.startDate,
        end_date: w.endDate,
        source: w.source,
        note: w.note,
      };
      if (w.id && known.has(w.id)) {
        await tx
          .updateTable('child_special_circumstance')
          .set(values)
          .where('id', '=', w.id)
          .where('child_id', '=', childId)
          .execute();
      } else {
        await tx
          .insertInto('child_special_circumstance')
          .values({ ...values, child_id: childId, confirmed_by: userId })
          .execute();
      }
    }
  }

  private filtered(actor: Actor, f: ChildListFilter) {
    let q = this.base(this.db).where(inScopeSql('u.path', actor));
    if (f.unitPath) q = q.where(inScopeSql('u.path', { unitPath: f.unitPath }));
    if (f.status && f.status !== 'all') q = q.where('c.status', '=', f.status as 'active');
    if (f.personalId) q = q.where('c.personal_id', '=', f.personalId);
    // Every word of the query starts a word of the child's name, or (two words or more) every word
    // one of the names of the relatives, in any order: "van an" finds Nguyễn Văn An. The trigram
    // indexes on (' ' || column) serve these LIKEs (migration 0005). A single word does not search
    // relatives: "van" would match most children through a father's middle name Văn.
    if (f.words.length > 0) {
      const allIn = (column: string) =>
        sql<boolean>`(${sql.join(
          f.words.map((w) => sql`(' ' || ${sql.ref(column)}) LIKE ${wordStartPattern(w)}`),
          sql` AND `,
        )})`;
      q =
        f.words.length >= RELATIVE_SEARCH_MIN_WORDS
          ? q.where((eb) => eb.or([allIn('c.name_folded'), allIn('c.people_folded')]))
          : q.where(allIn('c.name_folded'));
    }
    // Ages as `ageAt` counts them: a year-only date counts from 1 July, and as age 0 in its year.
    const born = f.born;
    if (born) {
      q = q.where((eb) =>
        eb.or([
          eb.and([
            eb('c.birth_reference_date', '>=', born.bornOnOrAfter),
            eb('c.birth_reference_date', '<=', born.bornOnOrBefore),
          ]),
          ...(born.yearOnlyBornIn !== null ? [eb('c.date_of_birth', '=', String(born.yearOnlyBornIn))] : []),
        ]),
      );
    }
    if (f.sex) q = q.where('c.sex', '=', f.sex as 'male');
    const current = sql<boolean>`s.start_date <= ${f.at}::date AND (s.end_date IS NULL OR s.end_date >= ${f.at}::date)`;
    if (f.groups?.length || f.anyGroup) {
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('child_special_circumstance as s')
            .select(sql`1`.as('one'))
            .whereRef('s.child_id', '=', 'c.id')
            .where(current)
            .$if(!f.anyGroup && Boolean(f.groups?.length), (sq) =>
              sq.where('s.group_code', 'in', f.groups ?? []),
            ),
        ),
      );
    }
    if (f.anyAtRisk) q = q.where(sql<boolean>`cardinality(c.at_risk) > 0`);
    else if (f.atRisk?.length)
      q = q.where(sql<boolean>`c.at_risk && ${sql.val(`{${f.atRisk.join(',')}}`)}::text[]`);
    if (f.turned6) {
      q = q.where('c.turned_6_on', '>=', f.turned6.from).where('c.turned_6_on', '<=', f.turned6.to);
    }
    if (f.schoolStatus) q = q.where(sql<boolean>`c.education->>'enrolmentStatus' = ${f.schoolStatus}`);
    if (f.disability === 'any') q = q.where(sql<boolean>`jsonb_typeof(c.health->'disability') = 'object'`);
    else if (f.disability === 'none')
      q = q.where(sql<boolean>`coalesce(jsonb_typeof(c.health->'disability'), 'null') <> 'object'`);
    else if (f.disability) q = q.where(sql<boolean>`c.health->'disability'->>'type' = ${f.disability}`);
    return q;
  }

  /** The number of children matching a filter. */
  async count(actor: Actor, f: ChildListFilter): Promise<number> {
    const row = await this.filtered(actor, f)
      .clearSelect()
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    return row.n;
  }

  /**
   * A page of children by a sort key, after the keyset cursor `after`: `[value, id]`, or for
   * relevance `[nameMiss, value, id]`. Each row carries `name_miss` (its name lacks a word).
   */
  async list(actor: Actor, f: ChildListFilter, sort: ChildSortKey, limit: number, after?: string[]) {
    const col = sql.ref(`c.${sort.column}`);
    const words = sort.nameWords ?? [];
    const nameMiss =
      words.length > 0
        ? sql<boolean>`NOT (${sql.join(
            words.map((w) => sql`(' ' || c.name_folded) LIKE ${wordStartPattern(w)}`),
            sql` AND `,
          )})`
        : sql<boolean>`false`;
    let q = this.filtered(actor, f).select(nameMiss.as('name_miss'));
    if (after && words.length > 0) {
      const [miss, value, id] = after;
      q = q.where(sql<boolean>`(${nameMiss}, ${col}, c.id) > (${miss}::boolean, ${value}, ${id}::uuid)`);
    } else if (after) {
      const [value, id] = after;
      q = sort.desc
        ? q.where(sql<boolean>`(${col}, c.id) < (${value}, ${id}::uuid)`)
        : q.where(sql<boolean>`(${col}, c.id) > (${value}, ${id}::uuid)`);
    }
    if (words.length > 0) q = q.orderBy(nameMiss);
    return q
      .orderBy(col, sort.desc ? 'desc' : 'asc')
      .orderBy('c.id', sort.desc ? 'desc' : 'asc')
      .limit(limit)
      .execute();
  }

  /**
   * Children of the actor's subtree that could be the child being registered: the same personal
   * id, or a similar name (trigram) born within a year. Scored precisely by the domain rule.
   */
  async findDuplicateCandidates(
    actor: Actor,
    probe: { nameFolded: string; personalId: string | null; birthYear: number; excludeId?: string },
  ) {
    const rows = await this.base(this.db)
      .where(inScopeSql('u.path', actor))
      .where((eb) =>
        eb.or([
          ...(probe.personalId ? [eb('c.personal_id', '=', probe.personalId)] : []),
          eb.and([
            // similarity() rather than the `%` operator: on PGlite a GIN-index scan for `%` can spin
            // forever; the scan stays within the caller's subtree and the birth-year window.
            sql<boolean>`similarity(c.name_folded, ${probe.nameFolded}) >= 0.3`,
            sql<boolean>`extract(year FROM c.birth_reference_date) BETWEEN ${probe.birthYear - 1} AND ${probe.birthYear + 1}`,
          ]),
        ]),
      )
      .$if(Boolean(probe.excludeId), (q) => q.where('c.id', '!=', probe.excludeId ?? ''))
      .orderBy(sql`similarity(c.name_folded, ${probe.nameFolded})`, 'desc')
      .limit(50)
      .execute();
    return rows;
  }

  /** Whether a personal id is already used by another child anywhere (ids are unique nationally). */
  async personalIdTaken(exec: Exec, personalId: string, exceptId?: string): Promise<boolean> {
    const row = await exec
      .selectFrom('child')
      .select('id')
      .where('personal_id', '=', personalId)
      .where('merged_into', 'is', null)
      .$if(Boolean(exceptId), (q) => q.where('id', '!=', exceptId ?? ''))
      .executeTakeFirst();
    return Boolean(row);
  }

  listFilters(userId: string) {
    return this.db
      .selectFrom('saved_child_filter')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('name')
      .execute();
  }

  async insertFilter(userId: string, name: string, query: string) {
    return this.db
      .insertInto('saved_child_filter')
      .values({ user_id: userId, name, query })
      .onConflict((oc) => oc.columns(['user_id', 'name']).doUpdateSet({ query }))
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async deleteFilter(userId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('saved_child_filter')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return r.numDeletedRows > 0n;
  }
}
