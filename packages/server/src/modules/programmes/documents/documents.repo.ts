import type { TargetInput } from '@tuoitho/domain';
import { type Insertable, sql, type Transaction, type Updateable } from 'kysely';
import { likeContains } from '../../../platform/db/like';
import type { DB } from '../../../platform/db/schema';
import type { PlanDocumentTable } from '../../../platform/db/schema-programmes';
import type { Actor } from '../../../platform/http/route';
import { type Exec, inSubtreeOrAboveSql } from '../scope';

/** Every SQL statement of the documents and plans register. */

export type DocumentRow = {
  id: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  number: string;
  issued_on: string;
  issuing_body: string;
  doc_type: string;
  title: string;
  summary: string | null;
  valid_from: string | null;
  valid_to: string | null;
  file_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  file_name: string | null;
  file_content_type: string | null;
  file_size: number | null;
  file_sha256: string | null;
  file_created_at: Date | null;
};

export type TargetRow = {
  id: string;
  document_id: string;
  indicator_code: string | null;
  label: string;
  direction: 'at_least' | 'at_most';
  target_value: string;
  unit_of_measure: string;
  target_year: number;
  baseline_year: number | null;
};

export type DocumentFilter = {
  /** Folded words that must all occur in the number, title, summary or issuing body. */
  words?: string[] | undefined;
  type?: string | undefined;
  year?: number | undefined;
  /** Only documents of this unit's subtree (still within what the caller reads). */
  unitPath?: string | undefined;
  validOn?: string | undefined;
};

export type DocumentCursor = { issuedOn: string; id: string };

function selectDocuments(exec: Exec) {
  return exec
    .selectFrom('plan_document as d')
    .innerJoin('admin_unit as u', 'u.id', 'd.unit_id')
    .leftJoin('stored_file as f', 'f.id', 'd.file_id')
    .select([
      'd.id',
      'd.unit_id',
      'u.code as unit_code',
      'u.full_name as unit_name',
      'u.path as unit_path',
      'd.number',
      'd.issued_on',
      'd.issuing_body',
      'd.doc_type',
      'd.title',
      'd.summary',
      'd.valid_from',
      'd.valid_to',
      'd.file_id',
      'd.version',
      'd.created_at',
      'd.updated_at',
      'f.file_name',
      'f.content_type as file_content_type',
      'f.size_bytes as file_size',
      'f.sha256 as file_sha256',
      'f.created_at as file_created_at',
    ]);
}

/** A document by id, whatever its unit (the caller checks scope), or undefined. */
export async function findDocument(
  exec: Exec,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<DocumentRow | undefined> {
  let query = selectDocuments(exec).where('d.id', '=', id);
  if (opts.forUpdate) query = query.forUpdate('d');
  return query.executeTakeFirst();
}

/**
 * One page of the documents the caller reads (their subtree and the units above), newest issue
 * date first; asks for `limit + 1` rows so the caller knows whether a next page exists.
 */
export function listDocuments(
  exec: Exec,
  actor: Pick<Actor, 'unitPath'>,
  filter: DocumentFilter,
  page: { limit: number; after?: DocumentCursor | undefined },
): Promise<DocumentRow[]> {
  let query = selectDocuments(exec).where(inSubtreeOrAboveSql('u.path', actor));
  for (const word of filter.words ?? []) query = query.where('d.search_folded', 'like', likeContains(word));
  if (filter.type) query = query.where('d.doc_type', '=', filter.type);
  if (filter.year) {
    query = query
      .where('d.issued_on', '>=', `${filter.year}-01-01`)
      .where('d.issued_on', '<=', `${filter.year}-12-31`);
  }
  if (filter.unitPath) query = query.where(sql<boolean>`u.path <@ ${filter.unitPath}::ltree`);
  if (filter.validOn) {
    const day = filter.validOn;
    query = query
      .where((eb) => eb.or([eb('d.valid_from', 'is', null), eb('d.valid_from', '<=', day)]))
      .where((eb) => eb.or([eb('d.valid_to', 'is', null), eb('d.valid_to', '>=', day)]));
  }
  if (page.after) {
    query = query.where(
      sql<boolean>`(d.issued_on, d.id) < (${page.after.issuedOn}::date, ${page.after.id}::uuid)`,
    );
  }
  return query
    .orderBy('d.issued_on', 'desc')
    .orderBy('d.id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

/** The targets of the given documents in their order. */
export async function listTargets(exec: Exec, documentIds: string[]): Promise<TargetRow[]> {
  if (documentIds.length === 0) return [];
  return exec
    .selectFrom('plan_document_target')
    .select([
      'id',
      'document_id',
      'indicator_code',
      'label',
      'direction',
      'target_value',
      'unit_of_measure',
      'target_year',
      'baseline_year',
    ])
    .where('document_id', 'in', documentIds)
    .orderBy('document_id')
    .orderBy('seq')
    .execute() as Promise<TargetRow[]>;
}

/** Inserts a document and returns its id. */
export async function insertDocument(
  tx: Transaction<DB>,
  values: Insertable<PlanDocumentTable>,
): Promise<string> {
  const row = await tx.insertInto('plan_document').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Updates a document at `version` and bumps it; false when the version is stale. */
export async function updateDocument(
  tx: Transaction<DB>,
  id: string,
  version: number,
  set: Updateable<PlanDocumentTable>,
): Promise<boolean> {
  const result = await tx
    .updateTable('plan_document')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Points a document at another stored file (or none), without changing its version. */
export async function setDocumentFile(
  tx: Transaction<DB>,
  id: string,
  fileId: string | null,
  updatedBy: string,
): Promise<void> {
  await tx
    .updateTable('plan_document')
    .set({ file_id: fileId, updated_by: updatedBy, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** Replaces the targets of a document as a whole. */
export async function replaceTargets(tx: Transaction<DB>, documentId: string, targets: TargetInput[]) {
  await tx.deleteFrom('plan_document_target').where('document_id', '=', documentId).execute();
  if (targets.length === 0) return;
  await tx
    .insertInto('plan_document_target')
    .values(
      targets.map((t, seq) => ({
        document_id: documentId,
        seq,
        indicator_code: t.indicatorCode,
        label: t.label,
        direction: t.direction,
        target_value: String(t.value),
        unit_of_measure: t.unitOfMeasure,
        target_year: t.year,
        baseline_year: t.baselineYear,
      })),
    )
    .execute();
}

/** How many programmes name the document as their basis. */
export async function countProgrammeLinks(exec: Exec, documentId: string): Promise<number> {
  const row = await exec
    .selectFrom('programme_document')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('document_id', '=', documentId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Deletes a document (its targets go with it); its stored files stay for the audit trail. */
export async function deleteDocument(tx: Transaction<DB>, id: string): Promise<void> {
  await tx.deleteFrom('plan_document').where('id', '=', id).execute();
}
