import { type Kysely, sql, type Transaction } from 'kysely';
import { inScopeSql } from '../../../platform/auth/scope';
import type { DB } from '../../../platform/db/schema';
import type { Actor } from '../../../platform/http/route';
import type { ChildValues, SpecialCircumstanceValues } from '../children.repo';

type Exec = Kysely<DB> | Transaction<DB>;
type ImportStatus = 'analysing' | 'analysed' | 'committing' | 'committed' | 'failed' | 'discarded';

export type IssueRow = {
  row: number;
  field: string | null;
  column: string | null;
  code: string;
  severity: 'error' | 'warning';
  value: string | null;
};

export type DuplicateRow = { row: number; childId: string; score: number; reasons: string[] };

/** A child to insert by an import, with its id chosen in advance so that its rows can follow. */
export type ImportedChild = {
  id: string;
  values: ChildValues;
  importKey: string;
  specialCircumstances: SpecialCircumstanceValues[];
};

const IMPORT_COLUMNS = [
  'i.id',
  'i.unit_id',
  'i.file_name',
  'i.file_format',
  'i.file_sha256',
  'i.file_size',
  'i.status',
  'i.summary',
  'i.header_mapping',
  'i.decisions',
  'i.analyse_job_id',
  'i.commit_job_id',
  'i.created_by',
  'i.created_at',
  'i.analysed_at',
  'i.committed_at',
  'u.code as unit_code',
  'u.full_name as unit_full_name',
] as const;

/** Every SQL statement of the child import. */
export class ImportRepo {
  constructor(private readonly db: Kysely<DB>) {}

  private base(exec: Exec) {
    return exec
      .selectFrom('child_import as i')
      .innerJoin('admin_unit as u', 'u.id', 'i.unit_id')
      .select(IMPORT_COLUMNS);
  }

  /** An import of the actor's subtree (undefined outside it). */
  findInScope(exec: Exec, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
    let q = this.base(exec).where('i.id', '=', id).where(inScopeSql('u.path', actor));
    if (opts.forUpdate) q = q.forUpdate('i');
    return q.executeTakeFirst();
  }

  /** An import by id, whoever asks (for the job handlers). */
  findById(exec: Exec, id: string) {
    return this.base(exec).where('i.id', '=', id).executeTakeFirst();
  }

  /** The most recent imports of the actor's subtree. */
  listRecent(actor: Actor, limit: number) {
    return this.base(this.db)
      .where(inScopeSql('u.path', actor))
      .where('i.status', '<>', 'discarded')
      .orderBy('i.created_at', 'desc')
      .limit(limit)
      .execute();
  }

  async content(id: string): Promise<Buffer | null> {
    const row = await this.db
      .selectFrom('child_import')
      .select('file_content')
      .where('id', '=', id)
      .executeTakeFirst();
    // PGlite answers bytea as a Uint8Array, pg as a Buffer.
    return row?.file_content ? Buffer.from(row.file_content) : null;
  }

  async insert(
    tx: Transaction<DB>,
    values: {
      unitId: number;
      fileName: string;
      format: 'xlsx' | 'csv';
      sha256: string;
      content: Buffer;
      createdBy: string | null;
    },
  ): Promise<string> {
    const row = await tx
      .insertInto('child_import')
      .values({
        unit_id: values.unitId,
        file_name: values.fileName,
        file_format: values.format,
        file_sha256: values.sha256,
        file_size: values.content.length,
        file_content: values.content,
        created_by: values.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(
    exec: Exec,
    id: string,
    values: Partial<{
      status: string;
      summary: unknown;
      headerMapping: unknown;
      decisions: unknown;
      analyseJobId: string;
      commitJobId: string;
      analysedAt: Date;
      committedAt: Date;
      committedBy: string;
      dropContent: boolean;
    }>,
  ) {
    await exec
      .updateTable('child_import')
      .set({
        ...(values.status ? { status: values.status } : {}),
        ...(values.summary !== undefined ? { summary: JSON.stringify(values.summary) } : {}),
        ...(values.headerMapping !== undefined
          ? { header_mapping: JSON.stringify(values.headerMapping) }
          : {}),
        ...(values.decisions !== undefined ? { decisions: JSON.stringify(values.decisions) } : {}),
        ...(values.analyseJobId ? { analyse_job_id: values.analyseJobId } : {}),
        ...(values.commitJobId ? { commit_job_id: values.commitJobId } : {}),
        ...(values.analysedAt ? { analysed_at: values.analysedAt } : {}),
        ...(values.committedAt ? { committed_at: values.committedAt } : {}),
        ...(values.committedBy ? { committed_by: values.committedBy } : {}),
        ...(values.dropContent ? { file_content: null } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Changes the status only from `from` (a job's failure must not undo a later discard). */
  async moveStatus(id: string, from: ImportStatus, to: ImportStatus) {
    await this.db
      .updateTable('child_import')
      .set({ status: to })
      .where('id', '=', id)
      .where('status', '=', from)
      .execute();
  }

  /** After a merge: possible duplicates that named the merged record name the survivor. */
  static async repointDuplicates(tx: Transaction<DB>, survivorId: string, duplicateId: string) {
    await sql`
      DELETE FROM child_import_duplicate d
      WHERE d.child_id = ${duplicateId} AND EXISTS (
        SELECT 1 FROM child_import_duplicate s
        WHERE s.import_id = d.import_id AND s.row_number = d.row_number AND s.child_id = ${survivorId})`.execute(
      tx,
    );
    await tx
      .updateTable('child_import_duplicate')
      .set({ child_id: survivorId })
      .where('child_id', '=', duplicateId)
      .execute();
  }

  /** Forgets what an earlier (interrupted) analysis found, before it runs again. */
  async clearFindings(id: string) {
    await this.db.deleteFrom('child_import_issue').where('import_id', '=', id).execute();
    await this.db.deleteFrom('child_import_duplicate').where('import_id', '=', id).execute();
  }

  async insertIssues(importId: string, issues: IssueRow[]) {
    for (let i = 0; i < issues.length; i += 2000) {
      await this.db
        .insertInto('child_import_issue')
        .values(
          issues.slice(i, i + 2000).map((issue) => ({
            import_id: importId,
            row_number: issue.row,
            column_key: issue.field ?? '',
            column_header: issue.column,
            code: issue.code,
            severity: issue.severity,
            value: issue.value,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }

  async insertDuplicates(importId: string, duplicates: DuplicateRow[]) {
    for (let i = 0; i < duplicates.length; i += 2000) {
      await this.db
        .insertInto('child_import_duplicate')
        .values(
          duplicates.slice(i, i + 2000).map((d) => ({
            import_id: importId,
            row_number: d.row,
            child_id: d.childId,
            score: d.score,
            reasons: d.reasons,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }

  /** The import keys among `keys` that a child already carries (rows imported before). */
  async existingImportKeys(exec: Exec, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await exec
      .selectFrom('child')
      .select('import_key')
      .where('import_key', 'in', keys)
      .execute();
    return new Set(rows.map((r) => r.import_key).filter((k): k is string => k !== null));
  }

  /** Personal ids among `ids` already used by a child (anywhere: the number is unique). */
  async takenPersonalIds(exec: Exec, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await exec
      .selectFrom('child')
      .select('personal_id')
      .where('personal_id', 'in', ids)
      .where('merged_into', 'is', null)
      .execute();
    return new Set(rows.map((r) => r.personal_id).filter((k): k is string => k !== null));
  }

  /**
   * Children of the actor's subtree that share a personal id or a folded full name with the
   * rows of a batch: the candidates the duplicate scoring looks at.
   */
  duplicateCandidates(actor: Pick<Actor, 'unitPath'>, personalIds: string[], names: string[]) {
    return this.db
      .selectFrom('child as c')
      .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
      .select([
        'c.id',
        'c.full_name',
        'c.name_folded',
        'c.sex',
        'c.date_of_birth',
        'c.personal_id',
        'c.caregivers',
        'c.household',
        'c.village',
        'u.code as unit_code',
      ])
      .where('c.merged_into', 'is', null)
      .where(inScopeSql('u.path', actor))
      .where((eb) =>
        eb.or([
          ...(personalIds.length > 0 ? [eb('c.personal_id', 'in', personalIds)] : []),
          ...(names.length > 0 ? [eb('c.name_folded', 'in', names)] : []),
        ]),
      )
      .execute();
  }

  async countIssues(importId: string, severity?: 'error' | 'warning') {
    let q = this.db
      .selectFrom('child_import_issue')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('import_id', '=', importId);
    if (severity) q = q.where('severity', '=', severity);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  /** A page of the findings, in file order. */
  listIssues(
    importId: string,
    limit: number,
    after: { row: number; code: string; field: string } | undefined,
    severity?: 'error' | 'warning',
  ) {
    let q = this.db
      .selectFrom('child_import_issue')
      .selectAll()
      .where('import_id', '=', importId)
      .orderBy('row_number')
      .orderBy('column_key')
      .orderBy('code')
      .limit(limit);
    if (severity) q = q.where('severity', '=', severity);
    if (after) {
      q = q.where(
        sql<boolean>`(row_number, column_key, code) > (${after.row}, ${after.field}, ${after.code})`,
      );
    }
    return q.execute();
  }

  /** Every finding of an import (for the report file). */
  allIssues(importId: string) {
    return this.db.selectFrom('child_import_issue').selectAll().where('import_id', '=', importId).execute();
  }

  /** The possible duplicates with the registry children they may be. */
  listDuplicates(importId: string, exec: Exec = this.db) {
    return exec
      .selectFrom('child_import_duplicate as d')
      .innerJoin('child as c', 'c.id', 'd.child_id')
      .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
      .select([
        'd.row_number',
        'd.child_id',
        'd.score',
        'd.reasons',
        'c.full_name',
        'c.date_of_birth',
        'c.village',
        'u.code as unit_code',
      ])
      .where('d.import_id', '=', importId)
      .orderBy('d.row_number')
      .orderBy('d.score', 'desc')
      .execute();
  }

  /** Writes a batch of new children with their groups and first status row, in the commit transaction. */
  async insertChildren(
    tx: Transaction<DB>,
    importId: string,
    children: ImportedChild[],
    userId: string | null,
    statusReason: string,
  ) {
    if (children.length === 0) return;
    await tx
      .insertInto('child')
      .values(
        children.map(({ id, values, importKey }) => {
          const { people, ...columns } = values;
          return {
            ...columns,
            id,
            people_folded: sql<string>`vn_fold(${people})`,
            import_id: importId,
            import_key: importKey,
            created_by: userId,
            updated_by: userId,
          };
        }),
      )
      .execute();
    const groups = children.flatMap((c) =>
      c.specialCircumstances.map((s) => ({
        child_id: c.id,
        group_code: s.group,
        subgroup_code: s.subgroup,
        start_date: s.startDate,
        end_date: s.endDate,
        source: s.source,
        note: s.note,
        confirmed_by: userId,
      })),
    );
    if (groups.length > 0) await tx.insertInto('child_special_circumstance').values(groups).execute();
    await tx
      .insertInto('child_status_history')
      .values(
        children.map((c) => ({ child_id: c.id, status: 'active', reason: statusReason, changed_by: userId })),
      )
      .execute();
  }
}
