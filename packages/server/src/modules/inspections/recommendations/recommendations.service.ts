import {
  type CreateRecommendationRequest,
  type Recommendation,
  type RecommendationList,
  type RecommendationQuery,
  type RespondRecommendationRequest,
  type UpdateRecommendationRequest,
  vietnamToday,
} from '@tuoitho/domain';
import { writeAuditInTx } from '../../../platform/audit/audit';
import { isInScope } from '../../../platform/auth/scope';
import type { AppContext } from '../../../platform/context';
import { JPEG, PDF, PNG, WEBP } from '../../../platform/files/sniff';
import { checkUpload, insertStoredFileInTx } from '../../../platform/files/stored-files';
import { AppError, forbidden, invalidField, notFound, versionConflict } from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import { canReadRecommendation, isInspectingSide, isResponsibleSide } from './recommendations.policy';
import {
  findRecommendationRow,
  findSessionForRecommendation,
  findUnitByCode,
  insertEvents,
  insertEvidence,
  insertRecommendation,
  isFindingOfSession,
  listRecommendationRows,
  type NewRecommendationEvent,
  type RecommendationRow,
  updateRecommendation,
} from './recommendations.repo';
import { toRecommendationViews } from './recommendations.views';

/** The evidence of completion: photos or a scanned PDF, recognised by their content. */
export const RECOMMENDATION_EVIDENCE_TYPES = [JPEG, PNG, WEBP, PDF] as const;

/** `dd/MM/yyyy` of an ISO date, as the history notes show dates. */
const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Position in the list: not done before done, then by deadline and id (see `listRecommendationRows`). */
function encodeCursor(row: { status: string; deadline: string; id: string }): string {
  return Buffer.from(`${row.status === 'done' ? 1 : 0}|${row.deadline}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { done: boolean; deadline: string; id: string } {
  const [done = '', deadline = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!/^[01]$/.test(done) || !/^\d{4}-\d{2}-\d{2}$/.test(deadline) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw invalidField('query.cursor', 'invalid_cursor');
  }
  return { done: done === '1', deadline, id };
}

/** The facts of a recommendation that its audit rows record (no personal data in inspections). */
const auditFacts = (r: Pick<RecommendationRow, 'status' | 'deadline' | 'completed_on'>) => ({
  status: r.status,
  deadline: r.deadline,
  completedOn: r.completed_on,
});

/**
 * Recommendations after an inspection: the inspecting side records and adjusts them, the
 * responsible unit reports progress with evidence, both follow them until done.
 */
export class RecommendationsService {
  constructor(private readonly ctx: AppContext) {}

  /** The recommendation the caller may read, or 404 (also for one outside their scope). */
  private async readableRow(actor: Actor, id: string): Promise<RecommendationRow> {
    const row = await findRecommendationRow(this.ctx.db, id);
    if (!row || !canReadRecommendation(actor, row)) throw notFound();
    return row;
  }

  /** One recommendation with its history, evidence and the caller's abilities. */
  async get(actor: Actor, id: string): Promise<Recommendation> {
    const row = await this.readableRow(actor, id);
    const [view] = await toRecommendationViews(this.ctx.db, [row], actor, vietnamToday());
    return view!;
  }

  /** A page of the recommendations the caller may read, by deadline, filtered by state on today. */
  async list(actor: Actor, query: RecommendationQuery): Promise<RecommendationList> {
    const today = vietnamToday();
    let unitPath: string | undefined;
    if (query.unit) {
      const unit = await findUnitByCode(this.ctx.db, query.unit);
      if (!unit) throw invalidField('query.unit', 'unit_not_found', 422);
      unitPath = unit.path;
    }
    const rows = await listRecommendationRows(this.ctx.db, actor, {
      unitPath,
      planId: query.planId,
      topic: query.topic,
      year: query.year,
      state: query.state,
      today,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: await toRecommendationViews(this.ctx.db, page, actor, today),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    };
  }

  /**
   * Records a recommendation of a session in the caller's subtree for the inspected unit or a
   * unit below it, optionally tied to one of the session's findings, due on or after the
   * session day.
   */
  async create(
    actor: Actor,
    sessionId: string,
    input: CreateRecommendationRequest,
    meta: RequestMeta,
  ): Promise<Recommendation> {
    const session = await findSessionForRecommendation(this.ctx.db, sessionId);
    if (!session || !isInScope(actor, session.unit_path)) throw notFound();
    const unit = await findUnitByCode(this.ctx.db, input.unitCode);
    if (!unit) throw invalidField('body.unitCode', 'unit_not_found', 422);
    if (!isInScope({ unitPath: session.unit_path }, unit.path))
      throw invalidField('body.unitCode', 'recommendation_unit_outside_session', 422);
    if (input.findingId && !(await isFindingOfSession(this.ctx.db, input.findingId, sessionId)))
      throw invalidField('body.findingId', 'finding_not_in_session', 422);
    if (input.deadline < session.held_on) throw invalidField('body.deadline', 'deadline_before_session', 422);
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      const { id } = await insertRecommendation(tx, {
        session_id: sessionId,
        finding_id: input.findingId,
        unit_id: unit.id,
        text: input.text,
        deadline: input.deadline,
        created_by: actor.userId,
      });
      await insertEvents(tx, [
        { recommendation_id: id, actor_id: actor.userId, kind: 'created', to_status: 'open' },
      ]);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'inspection.recommendation.create',
          entityType: 'inspection_recommendation',
          entityId: id,
          unitId: unit.id,
          after: { sessionId, unitCode: unit.code, findingId: input.findingId, deadline: input.deadline },
        },
      );
      return id;
    });
    return this.get(actor, id);
  }

  /** The inspecting side changes the text or the deadline; a new deadline is kept in the history. */
  async update(
    actor: Actor,
    id: string,
    input: UpdateRecommendationRequest,
    meta: RequestMeta,
  ): Promise<Recommendation> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await findRecommendationRow(tx, id, { forUpdate: true });
      if (!row || !canReadRecommendation(actor, row)) throw notFound();
      if (!isInspectingSide(actor, row)) throw forbidden();
      if (row.version !== input.version) throw versionConflict();
      if (input.deadline < row.held_on) throw invalidField('body.deadline', 'deadline_before_session', 422);
      if (
        !(await updateRecommendation(tx, id, input.version, {
          text: input.text,
          deadline: input.deadline,
          updated_by: actor.userId,
        }))
      )
        throw versionConflict();
      if (input.deadline !== row.deadline) {
        await insertEvents(tx, [
          {
            recommendation_id: id,
            actor_id: actor.userId,
            kind: 'deadline',
            note: `${vnDate(row.deadline)} → ${vnDate(input.deadline)}`,
          },
        ]);
      }
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'inspection.recommendation.update',
          entityType: 'inspection_recommendation',
          entityId: id,
          unitId: row.unit_id,
          before: { text: row.text, deadline: row.deadline },
          after: { text: input.text, deadline: input.deadline },
        },
      );
    });
    return this.get(actor, id);
  }

  /**
   * Reports progress: in progress, or done with what was done and when (not in the future, not
   * before the session). The responsible unit cannot take back a done recommendation (409); the
   * inspecting side can reopen it.
   */
  async respond(
    actor: Actor,
    id: string,
    input: RespondRecommendationRequest,
    meta: RequestMeta,
  ): Promise<Recommendation> {
    const today = vietnamToday();
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await findRecommendationRow(tx, id, { forUpdate: true });
      if (!row || !canReadRecommendation(actor, row)) throw notFound();
      const inspecting = isInspectingSide(actor, row);
      if (!inspecting && !isResponsibleSide(actor, row)) throw forbidden();
      if (row.status === 'done' && !inspecting) throw new AppError(409, 'recommendation_done');
      if (row.version !== input.version) throw versionConflict();
      let completedOn: string | null = null;
      if (input.status === 'done') {
        if (!input.completedOn) throw invalidField('body.completedOn', 'completed_on_required', 422);
        if (input.completedOn > today) throw invalidField('body.completedOn', 'completed_on_in_future', 422);
        if (input.completedOn < row.held_on)
          throw invalidField('body.completedOn', 'completed_before_session', 422);
        completedOn = input.completedOn;
      }
      const changed = await updateRecommendation(tx, id, input.version, {
        status: input.status,
        response: input.response,
        completed_on: completedOn,
        updated_by: actor.userId,
      });
      if (!changed) throw versionConflict();
      const events: NewRecommendationEvent[] = [];
      if (input.status !== row.status) {
        events.push({
          recommendation_id: id,
          actor_id: actor.userId,
          kind: 'status',
          from_status: row.status,
          to_status: input.status,
          note: completedOn ? vnDate(completedOn) : null,
        });
      }
      if (input.response !== row.response) {
        events.push({
          recommendation_id: id,
          actor_id: actor.userId,
          kind: 'response',
          note: input.response,
        });
      }
      await insertEvents(tx, events);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'inspection.recommendation.respond',
          entityType: 'inspection_recommendation',
          entityId: id,
          unitId: row.unit_id,
          before: auditFacts(row),
          after: auditFacts({ status: input.status, deadline: row.deadline, completed_on: completedOn }),
        },
      );
    });
    return this.get(actor, id);
  }

  /** Attaches a photo or PDF as evidence of the work done (the responsible unit or the inspecting side). */
  async addEvidence(
    actor: Actor,
    id: string,
    upload: { content: Buffer; fileName: string; caption: string | null },
    meta: RequestMeta,
  ): Promise<Recommendation> {
    const row = await this.readableRow(actor, id);
    if (!isInspectingSide(actor, row) && !isResponsibleSide(actor, row)) throw forbidden();
    const checked = checkUpload(upload.content, upload.fileName, RECOMMENDATION_EVIDENCE_TYPES);
    await this.ctx.db.transaction().execute(async (tx) => {
      const stored = await insertStoredFileInTx(tx, checked, actor.userId);
      const evidence = await insertEvidence(tx, {
        recommendation_id: id,
        file_id: stored.id,
        caption: upload.caption,
        created_by: actor.userId,
      });
      await insertEvents(tx, [
        { recommendation_id: id, actor_id: actor.userId, kind: 'evidence', note: stored.file_name },
      ]);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'inspection.recommendation.evidence',
          entityType: 'inspection_recommendation',
          entityId: id,
          unitId: row.unit_id,
          after: {
            evidenceId: evidence.id,
            file: { id: stored.id, sha256: stored.sha256, size: Number(stored.size_bytes) },
          },
        },
      );
    });
    return this.get(actor, id);
  }
}
