import {
  type AnswerValue,
  type CreateInspectionSessionRequest,
  type Evidence,
  type InspectionSession,
  type InspectionSessionList,
  type InspectionSessionQuery,
  InspectionTopic,
  scoreChecklist,
  type UpdateInspectionSessionRequest,
  vietnamToday,
} from '@tuoitho/domain';
import { z } from 'zod';
import { writeAuditInTx } from '../../../platform/audit/audit';
import { isInScope } from '../../../platform/auth/scope';
import type { AppContext } from '../../../platform/context';
import { toStoredFile } from '../../../platform/files/stored-files';
import {
  AppError,
  type FieldError,
  invalidField,
  notFound,
  outOfScope,
  versionConflict,
} from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import { isInScopeOrAbove, unitInScope } from '../../programmes/scope';
import { recommendationsOfSession } from '../recommendations/recommendations.views';
import { buildInspectionReport, renderInspectionReportDocx } from './inspection-report';
import {
  assertMayListSessions,
  assertSessionReadable,
  assertSessionWritable,
  canWrite,
} from './inspections-core.policy';
import {
  type EvidenceRow,
  type Exec,
  findPlan,
  findSession,
  findSessionOfTarget,
  findTemplate,
  insertSession,
  listAnswers,
  listEvidence,
  listFindings,
  listSessions,
  listTargets,
  listTeams,
  parseQuestions,
  type SessionCursor,
  type SessionRow,
  saveAnswers,
  saveFindings,
  updateSession,
} from './inspections-core.repo';

const Topics = z.array(InspectionTopic);
const CursorValue = z.tuple([z.iso.date(), z.uuid()]);
const encodeCursor = (c: SessionCursor) =>
  Buffer.from(JSON.stringify([c.heldOn, c.id])).toString('base64url');

function decodeCursor(cursor: string | undefined): SessionCursor | undefined {
  if (!cursor) return undefined;
  try {
    const [heldOn, id] = CursorValue.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { heldOn, id };
  } catch {
    throw invalidField('query.cursor', 'invalid_cursor');
  }
}

const completedError = () => new AppError(409, 'inspection_session_completed');

/** The API view of an evidence row. */
export function toEvidence(row: EvidenceRow): Evidence {
  return { id: row.id, questionId: row.question_id, caption: row.caption, file: toStoredFile(row.file) };
}

/** Everything the view and the report need of one session. */
export type SessionDetail = {
  row: SessionRow;
  view: InspectionSession;
};

/** Inspection sessions: the checklist frozen from a template, answers, findings, completion. */
export class SessionsService {
  constructor(private readonly ctx: AppContext) {}

  /** A readable session with its answers, live score, findings, recommendations and evidence. */
  async getDetail(actor: Actor, id: string, exec: Exec = this.ctx.db): Promise<SessionDetail> {
    const row = await findSession(exec, id);
    if (!row) throw notFound();
    assertSessionReadable(actor, row);
    const questions = parseQuestions(row.questions);
    const [answers, findings, evidence, recommendations] = await Promise.all([
      listAnswers(exec, id),
      listFindings(exec, id),
      listEvidence(exec, 'session', [id]),
      recommendationsOfSession(exec, id, actor, vietnamToday()),
    ]);
    const values = new Map(answers.map((a) => [a.question_id, a.value as AnswerValue]));
    const scored = scoreChecklist(questions, values);
    const completed = row.status === 'completed';
    return {
      row,
      view: {
        id: row.id,
        planId: row.plan_id,
        planTitle: row.plan_title,
        unitCode: row.unit_code,
        unitName: row.unit_name,
        templateId: row.template_id,
        questions,
        heldOn: row.held_on,
        status: row.status,
        summary: row.summary,
        conclusion: row.conclusion,
        answers: answers.map((a) => ({
          questionId: a.question_id,
          value: a.value as AnswerValue,
          note: a.note,
        })),
        score: completed && row.score !== null ? Number(row.score) : scored.score,
        maxScore: completed && row.max_score !== null ? Number(row.max_score) : scored.maxScore,
        missing: scored.missing,
        findings: findings.map((f) => ({
          id: f.id,
          seq: f.seq,
          questionId: f.question_id,
          severity: f.severity,
          text: f.text,
        })),
        recommendations,
        evidence: evidence.map(toEvidence),
        canEdit: !completed && canWrite(actor, row.unit_path),
        version: row.version,
        completedAt: row.completed_at ? new Date(row.completed_at).toISOString() : null,
      },
    };
  }

  /** One session (see `getDetail`). */
  async getSession(actor: Actor, id: string): Promise<InspectionSession> {
    return (await this.getDetail(actor, id)).view;
  }

  /**
   * Sessions held in the caller's subtree, newest first; a commune that only answers
   * recommendations sees its completed sessions.
   */
  async listSessions(actor: Actor, query: InspectionSessionQuery): Promise<InspectionSessionList> {
    assertMayListSessions(actor);
    const inspecting =
      actor.permissions.has('inspections.read') || actor.permissions.has('inspections.write');
    const unit = query.unit ? await unitInScope(this.ctx.db, actor, query.unit, 'query.unit') : undefined;
    const rows = await listSessions(this.ctx.db, actor, {
      completedOnly: !inspecting,
      planId: query.planId,
      unitPath: unit?.path,
      year: query.year,
      status: query.status,
      after: decodeCursor(query.cursor),
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => {
        const scored =
          r.status === 'completed' ? null : scoreChecklist(parseQuestions(r.questions), new Map());
        return {
          id: r.id,
          planId: r.plan_id,
          planTitle: r.plan_title,
          unitCode: r.unit_code,
          unitName: r.unit_name,
          heldOn: r.held_on,
          status: r.status,
          score: r.score !== null ? Number(r.score) : null,
          maxScore: r.max_score !== null ? Number(r.max_score) : (scored?.maxScore ?? null),
          findingCount: Number(r.finding_count),
          recommendationCount: Number(r.recommendation_count),
        };
      }),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor({ heldOn: last.held_on, id: last.id }) : null,
    };
  }

  /**
   * Opens the session of a plan target from a template, freezing the template's questions: one
   * session per plan and unit (409 when it exists).
   */
  async createSession(
    actor: Actor,
    planId: string,
    input: CreateInspectionSessionRequest,
    meta: RequestMeta,
  ): Promise<InspectionSession> {
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      // The plan row lock serialises two inspectors starting the same target.
      const plan = await findPlan(tx, planId, { forUpdate: true });
      if (!plan) throw notFound();
      const targets = await listTargets(tx, [planId]);
      if (!isInScope(actor, plan.unit_path) && !targets.some((t) => isInScope(actor, t.unit_path)))
        throw notFound();
      const target = targets.find((t) => t.unit_code === input.unitCode);
      if (!target) throw invalidField('body.unitCode', 'not_a_plan_target', 422);
      if (!isInScope(actor, target.unit_path)) throw outOfScope();
      const template = await findTemplate(tx, input.templateId);
      if (!template?.is_active || !isInScopeOrAbove(actor, template.unit_path))
        throw invalidField('body.templateId', 'template_not_available', 422);
      if (await findSessionOfTarget(tx, planId, target.unit_id))
        throw new AppError(409, 'inspection_session_exists');
      const sessionId = await insertSession(tx, {
        plan_id: planId,
        unit_id: target.unit_id,
        template_id: template.id,
        questions: parseQuestions(template.questions),
        held_on: input.heldOn,
        created_by: actor.userId,
      });
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'inspection.session.create',
          entityType: 'inspection_session',
          entityId: sessionId,
          unitId: target.unit_id,
          after: { planId, unitCode: input.unitCode, templateId: template.id, heldOn: input.heldOn },
        },
      );
      return sessionId;
    });
    return this.getSession(actor, id);
  }

  /** Saves the draft: answers by question id, findings kept / new / removed, summary, conclusion. */
  async updateSession(
    actor: Actor,
    id: string,
    input: UpdateInspectionSessionRequest,
    meta: RequestMeta,
  ): Promise<InspectionSession> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await findSession(tx, id, { forUpdate: true });
      if (!row) throw notFound();
      assertSessionWritable(actor, row);
      if (row.version !== input.version) throw versionConflict();
      if (row.status === 'completed') throw completedError();
      const questionIds = new Set(parseQuestions(row.questions).map((q) => q.id));
      const findings = await listFindings(tx, id);
      const findingIds = new Set(findings.map((f) => f.id));
      const errors: FieldError[] = [];
      const answered = new Set<string>();
      input.answers.forEach((a, i) => {
        if (!questionIds.has(a.questionId))
          errors.push({ path: `body.answers.${i}.questionId`, code: 'question_not_in_session' });
        else if (answered.has(a.questionId))
          errors.push({ path: `body.answers.${i}.questionId`, code: 'answer_repeated' });
        answered.add(a.questionId);
      });
      input.findings.forEach((f, i) => {
        if (f.id && !findingIds.has(f.id))
          errors.push({ path: `body.findings.${i}.id`, code: 'finding_not_in_session' });
        if (f.questionId && !questionIds.has(f.questionId))
          errors.push({ path: `body.findings.${i}.questionId`, code: 'question_not_in_session' });
      });
      if (errors.length > 0) throw new AppError(422, 'validation', {}, errors);
      const before = await listAnswers(tx, id);
      await saveAnswers(tx, id, input.answers);
      await saveFindings(tx, id, input.findings);
      if (
        !(await updateSession(tx, id, input.version, {
          held_on: input.heldOn,
          summary: input.summary,
          conclusion: input.conclusion,
          updated_by: actor.userId,
        }))
      )
        throw versionConflict();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'inspection.session.update',
          entityType: 'inspection_session',
          entityId: id,
          unitId: row.unit_id,
          before: {
            heldOn: row.held_on,
            summary: row.summary,
            conclusion: row.conclusion,
            answers: Object.fromEntries(before.map((a) => [a.question_id, a.value])),
            findings: findings.map((f) => `${f.severity}: ${f.text}`),
          },
          after: {
            heldOn: input.heldOn,
            summary: input.summary,
            conclusion: input.conclusion,
            answers: Object.fromEntries(
              [
                ...before.map((a) => [a.question_id, a.value] as const),
                ...input.answers.map((a) => [a.questionId, a.value] as const),
              ].filter(([, v]) => v !== null),
            ),
            findings: input.findings.map((f) => `${f.severity}: ${f.text}`),
          },
        },
      );
    });
    return this.getSession(actor, id);
  }

  /**
   * Completes a session: every required question answered and every answer fitting its question
   * (422 listing the others); the score is stored and the checklist can no longer change.
   */
  async completeSession(
    actor: Actor,
    id: string,
    version: number,
    meta: RequestMeta,
  ): Promise<InspectionSession> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await findSession(tx, id, { forUpdate: true });
      if (!row) throw notFound();
      assertSessionWritable(actor, row);
      if (row.version !== version) throw versionConflict();
      if (row.status === 'completed') throw completedError();
      const answers = await listAnswers(tx, id);
      const scored = scoreChecklist(
        parseQuestions(row.questions),
        new Map(answers.map((a) => [a.question_id, a.value as AnswerValue])),
      );
      const errors: FieldError[] = [
        ...scored.missing.map((q) => ({ path: `answers.${q}`, code: 'answer_required' as const })),
        ...scored.invalid.map((i) => ({
          path: `answers.${i.questionId}`,
          code: i.reason === 'range' ? ('answer_out_of_range' as const) : ('answer_invalid_type' as const),
        })),
      ];
      if (errors.length > 0)
        throw new AppError(422, 'inspection_incomplete', { count: errors.length }, errors);
      const completedAt = new Date();
      if (
        !(await updateSession(tx, id, version, {
          status: 'completed',
          score: scored.score,
          max_score: scored.maxScore,
          completed_at: completedAt,
          updated_by: actor.userId,
        }))
      )
        throw versionConflict();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'inspection.session.complete',
          entityType: 'inspection_session',
          entityId: id,
          unitId: row.unit_id,
          before: { status: row.status },
          after: { status: 'completed', score: scored.score, maxScore: scored.maxScore },
        },
      );
    });
    return this.getSession(actor, id);
  }

  /** The report ("Biên bản kiểm tra") of a readable session as a Word file. */
  async getReport(actor: Actor, id: string): Promise<{ fileName: string; body: Buffer }> {
    const { row, view } = await this.getDetail(actor, id);
    const team = await listTeams(this.ctx.db, [row.plan_id]);
    const model = buildInspectionReport({
      session: view,
      plan: {
        number: row.plan_number,
        issuedOn: row.plan_issued_on,
        issuingBody: row.issuing_body,
        title: row.plan_title,
        topics: Topics.parse(row.plan_topics),
      },
      team: team.map((m) => ({
        fullName: m.full_name,
        role: m.role,
        organisation: m.organisation,
        userId: m.user_id,
      })),
      place: row.plan_unit_short_name,
      issuedAt: new Date(),
    });
    return { fileName: `${model.fileName}.docx`, body: await renderInspectionReportDocx(model) };
  }
}
