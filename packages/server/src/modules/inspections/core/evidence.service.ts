import type { Evidence } from '@tuoitho/domain';
import { writeAuditInTx } from '../../../platform/audit/audit';
import type { AppContext } from '../../../platform/context';
import { JPEG, PDF, PNG, WEBP } from '../../../platform/files/sniff';
import {
  checkUpload,
  findStoredFileContent,
  insertStoredFileInTx,
} from '../../../platform/files/stored-files';
import { AppError, invalidField, notFound } from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import { canReadRecommendation } from '../recommendations/recommendations.policy';
import { assertSessionReadable, assertSessionWritable } from './inspections-core.policy';
import {
  deleteEvidence,
  type EvidenceRow,
  type Exec,
  findEvidence,
  findRecommendationScope,
  findSession,
  insertEvidence,
  parseQuestions,
} from './inspections-core.repo';
import { toEvidence } from './sessions.service';

/** What an evidence file may be: photos taken in the field, or a PDF. Checked on the bytes. */
export const EVIDENCE_FILE_TYPES = [JPEG, PNG, WEBP, PDF] as const;

const completedError = () => new AppError(409, 'inspection_session_completed');

/** Evidence files of a session's answers (photos, PDF), stored in `stored_file`. */
export class EvidenceService {
  constructor(private readonly ctx: AppContext) {}

  /** Attaches a file to a draft session, optionally to one of its questions. */
  async uploadEvidence(
    actor: Actor,
    sessionId: string,
    upload: { content: Buffer; fileName: string; questionId: string | null; caption: string | null },
    meta: RequestMeta,
  ): Promise<Evidence> {
    const checked = checkUpload(upload.content, upload.fileName, EVIDENCE_FILE_TYPES);
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      const session = await findSession(tx, sessionId, { forUpdate: true });
      if (!session) throw notFound();
      assertSessionWritable(actor, session);
      if (session.status === 'completed') throw completedError();
      if (upload.questionId && !parseQuestions(session.questions).some((q) => q.id === upload.questionId))
        throw invalidField('query.questionId', 'question_not_in_session', 422);
      const stored = await insertStoredFileInTx(tx, checked, actor.userId);
      const evidenceId = await insertEvidence(tx, {
        session_id: sessionId,
        question_id: upload.questionId,
        caption: upload.caption,
        file_id: stored.id,
        created_by: actor.userId,
      });
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'inspection.evidence.upload',
          entityType: 'inspection_evidence',
          entityId: evidenceId,
          unitId: session.unit_id,
          after: {
            sessionId,
            questionId: upload.questionId,
            fileName: stored.file_name,
            contentType: stored.content_type,
            size: stored.size_bytes,
            sha256: stored.sha256,
          },
        },
      );
      return evidenceId;
    });
    const row = await findEvidence(this.ctx.db, id);
    if (!row) throw notFound();
    return toEvidence(row);
  }

  /** Throws 404 unless the caller may read the session or recommendation the evidence belongs to. */
  private async assertReadable(exec: Exec, actor: Actor, row: EvidenceRow): Promise<void> {
    if (row.session_id) {
      const session = await findSession(exec, row.session_id);
      if (!session) throw notFound();
      assertSessionReadable(actor, session);
      return;
    }
    const scope = row.recommendation_id
      ? await findRecommendationScope(exec, row.recommendation_id)
      : undefined;
    const readable = scope !== undefined && canReadRecommendation(actor, scope);
    if (!readable) throw notFound();
  }

  /** The bytes of an evidence file the caller may read (session or recommendation evidence). */
  async downloadEvidence(actor: Actor, id: string) {
    const row = await findEvidence(this.ctx.db, id);
    if (!row) throw notFound();
    await this.assertReadable(this.ctx.db, actor, row);
    const file = await findStoredFileContent(this.ctx.db, row.file.id);
    if (!file) throw notFound();
    return file;
  }

  /** Removes evidence from a draft session; the stored bytes stay for the audit trail. */
  async deleteEvidence(actor: Actor, id: string, meta: RequestMeta): Promise<void> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await findEvidence(tx, id);
      if (!row) throw notFound();
      await this.assertReadable(tx, actor, row);
      // Evidence of a recommendation's completion belongs to the recommendations' workflow.
      if (!row.session_id) throw notFound();
      const session = await findSession(tx, row.session_id, { forUpdate: true });
      if (!session) throw notFound();
      assertSessionWritable(actor, session);
      if (session.status === 'completed') throw completedError();
      await deleteEvidence(tx, id);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'inspection.evidence.delete',
          entityType: 'inspection_evidence',
          entityId: id,
          unitId: session.unit_id,
          before: {
            sessionId: row.session_id,
            questionId: row.question_id,
            fileName: row.file.file_name,
            sha256: row.file.sha256,
          },
        },
      );
    });
  }
}
