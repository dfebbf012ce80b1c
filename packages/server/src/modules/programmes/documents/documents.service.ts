import {
  type CreatePlanDocumentRequest,
  type DocumentType,
  foldedWords,
  type PlanDocument,
  type PlanDocumentList,
  type PlanDocumentQuery,
  type ProgrammeIndicatorCode,
  type UpdatePlanDocumentRequest,
} from '@tuoitho/domain';
import { writeAuditInTx } from '../../../platform/audit/audit';
import { isInScope } from '../../../platform/auth/scope';
import type { AppContext } from '../../../platform/context';
import { DOCX, PDF } from '../../../platform/files/sniff';
import {
  checkUpload,
  findStoredFileContent,
  insertStoredFileInTx,
  type StoredFileRow,
  toStoredFile,
} from '../../../platform/files/stored-files';
import { AppError, invalidField, notFound, outOfScope, versionConflict } from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import {
  assertReadable,
  assertWritable,
  type Exec,
  findCurrentUnit,
  isInScopeOrAbove,
  unitInScope,
} from '../scope';
import {
  countProgrammeLinks,
  type DocumentCursor,
  type DocumentRow,
  deleteDocument,
  findDocument,
  insertDocument,
  listDocuments,
  listTargets,
  replaceTargets,
  setDocumentFile,
  type TargetRow,
  updateDocument,
} from './documents.repo';

/** The file types a document may carry. */
export const DOCUMENT_FILE_TYPES = [PDF, DOCX] as const;

const encodeCursor = (c: DocumentCursor) =>
  Buffer.from(JSON.stringify([c.issuedOn, c.id])).toString('base64url');

function decodeCursor(cursor: string | undefined): DocumentCursor | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      typeof value[0] === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(value[0]) &&
      typeof value[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(value[1])
    ) {
      return { issuedOn: value[0], id: value[1] };
    }
  } catch {
    // answered below
  }
  throw invalidField('query.cursor', 'invalid_cursor');
}

const iso = (value: Date | string) => new Date(value).toISOString();

function toTarget(t: TargetRow): PlanDocument['targets'][number] {
  return {
    id: t.id,
    indicatorCode: t.indicator_code as ProgrammeIndicatorCode | null,
    label: t.label,
    direction: t.direction,
    value: Number(t.target_value),
    unitOfMeasure: t.unit_of_measure,
    year: t.target_year,
    baselineYear: t.baseline_year,
  };
}

function fileOf(row: DocumentRow): StoredFileRow | null {
  if (!row.file_id || row.file_name === null) return null;
  return {
    id: row.file_id,
    file_name: row.file_name,
    content_type: row.file_content_type ?? '',
    size_bytes: Number(row.file_size),
    sha256: row.file_sha256 ?? '',
    created_at: row.file_created_at ?? row.updated_at,
  };
}

/** What the audit keeps of a file: never its bytes. */
const fileFacts = (f: StoredFileRow | null) =>
  f
    ? {
        fileId: f.id,
        fileName: f.file_name,
        size: Number(f.size_bytes),
        sha256: f.sha256,
        contentType: f.content_type,
      }
    : null;

/** The fields of a document compared in its audit rows. */
function auditFields(row: {
  number: string;
  issued_on: string;
  issuing_body: string;
  doc_type: string;
  title: string;
  summary: string | null;
  valid_from: string | null;
  valid_to: string | null;
}) {
  return {
    number: row.number,
    issuedOn: row.issued_on,
    issuingBody: row.issuing_body,
    type: row.doc_type,
    title: row.title,
    summary: row.summary,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

function columnsOf(input: UpdatePlanDocumentRequest | CreatePlanDocumentRequest) {
  if (input.validFrom && input.validTo && input.validTo < input.validFrom)
    throw invalidField('body.validTo', 'valid_to_before_from');
  return {
    number: input.number,
    issued_on: input.issuedOn,
    issuing_body: input.issuingBody,
    doc_type: input.type,
    title: input.title,
    summary: input.summary,
    valid_from: input.validFrom,
    valid_to: input.validTo,
  };
}

const targetFacts = (
  targets: { label: string; value: number; year: number; indicatorCode: string | null }[],
) => targets.map((t) => `${t.indicatorCode ?? t.label}: ${t.value} (${t.year})`);

/** The register of documents and plans: directives, programmes, plans, decisions, reports. */
export class DocumentsService {
  constructor(private readonly ctx: AppContext) {}

  private canEdit(actor: Actor, unitPath: string): boolean {
    return actor.permissions.has('programmes.write') && isInScope(actor, unitPath);
  }

  private async views(actor: Actor, rows: DocumentRow[]): Promise<PlanDocument[]> {
    const targets = await listTargets(
      this.ctx.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => {
      const file = fileOf(r);
      return {
        id: r.id,
        unitCode: r.unit_code,
        unitName: r.unit_name,
        number: r.number,
        issuedOn: r.issued_on,
        issuingBody: r.issuing_body,
        type: r.doc_type as DocumentType,
        title: r.title,
        summary: r.summary,
        validFrom: r.valid_from,
        validTo: r.valid_to,
        targets: targets.filter((t) => t.document_id === r.id).map(toTarget),
        file: file ? toStoredFile(file) : null,
        canEdit: this.canEdit(actor, r.unit_path),
        version: r.version,
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
      };
    });
  }

  /** A document the caller reads (own subtree or a unit above), else 404. */
  async getDocument(actor: Actor, id: string): Promise<PlanDocument> {
    const row = await findDocument(this.ctx.db, id);
    if (!row) throw notFound();
    assertReadable(actor, row.unit_path, true);
    const [view] = await this.views(actor, [row]);
    return view!;
  }

  /** Documents the caller reads, newest first, filtered; `q` ignores diacritics. */
  async listDocuments(actor: Actor, query: PlanDocumentQuery): Promise<PlanDocumentList> {
    let unitPath: string | undefined;
    if (query.unit) {
      const unit = await findCurrentUnit(this.ctx.db, query.unit);
      if (!unit) throw invalidField('query.unit', 'unit_not_found', 422);
      if (!isInScopeOrAbove(actor, unit.path)) throw outOfScope();
      unitPath = unit.path;
    }
    const rows = await listDocuments(
      this.ctx.db,
      actor,
      {
        words: query.q ? foldedWords(query.q) : undefined,
        type: query.type,
        year: query.year,
        unitPath,
        validOn: query.validOn,
      },
      { limit: query.limit, after: decodeCursor(query.cursor) },
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: await this.views(actor, page),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor({ issuedOn: last.issued_on, id: last.id }) : null,
    };
  }

  /** Registers a document of a unit in the caller's subtree (default their own). */
  async createDocument(
    actor: Actor,
    input: CreatePlanDocumentRequest,
    meta: RequestMeta,
  ): Promise<PlanDocument> {
    const unit = await unitInScope(this.ctx.db, actor, input.unit, 'body.unit');
    const columns = columnsOf(input);
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      const documentId = await insertDocument(tx, {
        ...columns,
        unit_id: unit.id,
        created_by: actor.userId,
        updated_by: actor.userId,
      });
      await replaceTargets(tx, documentId, input.targets);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'plan_document.create',
          entityType: 'plan_document',
          entityId: documentId,
          unitId: unit.id,
          after: { ...auditFields(columns), unitCode: unit.code, targets: targetFacts(input.targets) },
        },
      );
      return documentId;
    });
    return this.getDocument(actor, id);
  }

  /** Changes a document of the caller's subtree at `version`; its targets are replaced as a whole. */
  async updateDocument(
    actor: Actor,
    id: string,
    input: UpdatePlanDocumentRequest,
    meta: RequestMeta,
  ): Promise<PlanDocument> {
    const columns = columnsOf(input);
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.writableRow(tx, actor, id);
      if (row.version !== input.version) throw versionConflict();
      const before = (await listTargets(tx, [id])).map(toTarget);
      if (!(await updateDocument(tx, id, input.version, { ...columns, updated_by: actor.userId })))
        throw versionConflict();
      await replaceTargets(tx, id, input.targets);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'plan_document.update',
          entityType: 'plan_document',
          entityId: id,
          unitId: row.unit_id,
          before: { ...auditFields(row), targets: targetFacts(before) },
          after: { ...auditFields(columns), targets: targetFacts(input.targets) },
        },
      );
    });
    return this.getDocument(actor, id);
  }

  /** Deletes a document no programme is based on (409 `document_in_use` otherwise). */
  async deleteDocument(actor: Actor, id: string, meta: RequestMeta): Promise<void> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.writableRow(tx, actor, id);
      const links = await countProgrammeLinks(tx, id);
      if (links > 0) throw new AppError(409, 'document_in_use', { count: links });
      await deleteDocument(tx, id);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'plan_document.delete',
          entityType: 'plan_document',
          entityId: id,
          unitId: row.unit_id,
          before: { ...auditFields(row), unitCode: row.unit_code, file: fileFacts(fileOf(row)) },
        },
      );
    });
  }

  /**
   * Attaches a PDF or DOCX, checked by its content and name before anything is stored. A file it
   * replaces stays in `stored_file`, so the audit names both versions by their SHA-256.
   */
  async uploadFile(
    actor: Actor,
    id: string,
    upload: { content: Buffer; fileName: string },
    meta: RequestMeta,
  ): Promise<PlanDocument> {
    const row = await findDocument(this.ctx.db, id);
    if (!row) throw notFound();
    assertReadable(actor, row.unit_path, true);
    assertWritable(actor, row.unit_path);
    const checked = checkUpload(upload.content, upload.fileName, DOCUMENT_FILE_TYPES);
    await this.ctx.db.transaction().execute(async (tx) => {
      const current = await this.writableRow(tx, actor, id);
      const stored = await insertStoredFileInTx(tx, checked, actor.userId);
      await setDocumentFile(tx, id, stored.id, actor.userId);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'plan_document.file_upload',
          entityType: 'plan_document',
          entityId: id,
          unitId: current.unit_id,
          before: { file: fileFacts(fileOf(current)) },
          after: { file: fileFacts(stored) },
        },
      );
    });
    return this.getDocument(actor, id);
  }

  /** Detaches the document's file; the stored bytes stay for the audit trail. */
  async deleteFile(actor: Actor, id: string, meta: RequestMeta): Promise<PlanDocument> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.writableRow(tx, actor, id);
      if (!row.file_id) throw notFound();
      await setDocumentFile(tx, id, null, actor.userId);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'plan_document.file_delete',
          entityType: 'plan_document',
          entityId: id,
          unitId: row.unit_id,
          before: { file: fileFacts(fileOf(row)) },
          after: { file: null },
        },
      );
    });
    return this.getDocument(actor, id);
  }

  /** The file of a document the caller reads, with its bytes (404 when there is none). */
  async downloadFile(actor: Actor, id: string) {
    const row = await findDocument(this.ctx.db, id);
    if (!row) throw notFound();
    assertReadable(actor, row.unit_path, true);
    if (!row.file_id) throw notFound();
    const file = await findStoredFileContent(this.ctx.db, row.file_id);
    if (!file) throw notFound();
    return file;
  }

  /** The row locked for a change: 404 when unreadable, 403 when only readable. */
  private async writableRow(tx: Exec, actor: Actor, id: string) {
    const row = await findDocument(tx, id, { forUpdate: true });
    if (!row) throw notFound();
    assertReadable(actor, row.unit_path, true);
    assertWritable(actor, row.unit_path);
    return row;
  }
}
