import type {
  ChecklistQuestion,
  ChecklistTemplate,
  ChecklistTemplateList,
  CreateChecklistTemplateRequest,
  UpdateChecklistTemplateRequest,
} from '@tuoitho/domain';
import { writeAuditInTx } from '../../../platform/audit/audit';
import type { AppContext } from '../../../platform/context';
import { AppError, type FieldError, notFound, versionConflict } from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import { assertReadable, assertWritable, unitInScope } from '../../programmes/scope';
import { canWrite } from './inspections-core.policy';
import {
  findTemplate,
  insertTemplate,
  listTemplates,
  parseQuestions,
  type TemplateRow,
  updateTemplate,
} from './inspections-core.repo';

/** The API view of a template row. */
export function toTemplate(actor: Actor, row: TemplateRow): ChecklistTemplate {
  return {
    id: row.id,
    unitCode: row.unit_code,
    name: row.name,
    topic: row.topic,
    questions: parseQuestions(row.questions),
    isActive: row.is_active,
    canEdit: canWrite(actor, row.unit_path),
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/**
 * Question ids are unique within a template (answers are keyed by them), and a question that
 * earns points has a maximum: 422 naming the field otherwise.
 */
export function checkQuestions(questions: readonly ChecklistQuestion[]): void {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    if (seen.has(q.id)) errors.push({ path: `body.questions.${i}.id`, code: 'question_id_repeated' });
    seen.add(q.id);
    if ((q.answerType === 'yes_no' || q.answerType === 'score') && q.maxScore === null)
      errors.push({ path: `body.questions.${i}.maxScore`, code: 'question_max_score_required' });
  });
  if (errors.length > 0) throw new AppError(422, 'validation', {}, errors);
}

/** Checklist templates: questions, answer types and points. */
export class TemplatesService {
  constructor(private readonly ctx: AppContext) {}

  /** Templates of the caller's subtree and of the units above it. */
  async listTemplates(actor: Actor): Promise<ChecklistTemplateList> {
    const rows = await listTemplates(this.ctx.db, actor);
    return { items: rows.map((r) => toTemplate(actor, r)) };
  }

  /** Creates a template of a unit in the caller's subtree (default the caller's own). */
  async createTemplate(
    actor: Actor,
    input: CreateChecklistTemplateRequest,
    meta: RequestMeta,
  ): Promise<ChecklistTemplate> {
    checkQuestions(input.questions);
    const unit = await unitInScope(this.ctx.db, actor, input.unit, 'body.unit');
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      const templateId = await insertTemplate(tx, {
        unit_id: unit.id,
        name: input.name,
        topic: input.topic,
        questions: input.questions,
        is_active: input.isActive,
        created_by: actor.userId,
      });
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'inspection.template.create',
          entityType: 'inspection_template',
          entityId: templateId,
          unitId: unit.id,
          after: { name: input.name, topic: input.topic, questions: input.questions.map((q) => q.id) },
        },
      );
      return templateId;
    });
    return this.getTemplate(actor, id);
  }

  /** Changes a template; sessions already held keep the questions they were held with. */
  async updateTemplate(
    actor: Actor,
    id: string,
    input: UpdateChecklistTemplateRequest,
    meta: RequestMeta,
  ): Promise<ChecklistTemplate> {
    checkQuestions(input.questions);
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await findTemplate(tx, id);
      if (!row) throw notFound();
      assertReadable(actor, row.unit_path, true);
      assertWritable(actor, row.unit_path);
      if (row.version !== input.version) throw versionConflict();
      const set = {
        name: input.name,
        topic: input.topic,
        questions: input.questions,
        is_active: input.isActive,
      };
      if (!(await updateTemplate(tx, id, input.version, set))) throw versionConflict();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'inspection.template.update',
          entityType: 'inspection_template',
          entityId: id,
          unitId: row.unit_id,
          before: {
            name: row.name,
            topic: row.topic,
            isActive: row.is_active,
            questions: parseQuestions(row.questions),
          },
          after: {
            name: input.name,
            topic: input.topic,
            isActive: input.isActive,
            questions: input.questions,
          },
        },
      );
    });
    return this.getTemplate(actor, id);
  }

  private async getTemplate(actor: Actor, id: string): Promise<ChecklistTemplate> {
    const row = await findTemplate(this.ctx.db, id);
    if (!row) throw notFound();
    assertReadable(actor, row.unit_path, true);
    return toTemplate(actor, row);
  }
}
