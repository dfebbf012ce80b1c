import {
  type CfAssessment,
  type CfAssessmentList,
  type CfAssessmentQuery,
  CfCatalogue,
  type CfCatalogueResponse,
  type CfComparison,
  type CfComparisonQuery,
  type CfReviewRequest,
  type CfSettings,
  type CfSystemValue,
  type CfUnitCategoryList,
  type CfUnitCategoryQuery,
  type CreateCfAssessmentRequest,
  cfUnitCategories,
  checkCatalogueEdit,
  type UpdateCfAssessmentRequest,
  type UpdateCfCatalogueRequest,
  type UpdateCfSettingsRequest,
  type UpdateCfUnitCategoryRequest,
  vietnamToday,
} from '@tuoitho/domain';
import type { Transaction } from 'kysely';
import { writeAuditInTx } from '../../platform/audit/audit';
import { isInScope } from '../../platform/auth/scope';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { JPEG, PDF, PNG, WEBP } from '../../platform/files/sniff';
import { checkUpload, findStoredFileContent, insertStoredFileInTx } from '../../platform/files/stored-files';
import {
  AppError,
  forbidden,
  invalidField,
  notFound,
  outOfScope,
  versionConflict,
} from '../../platform/http/errors';
import type { Actor, RequestMeta } from '../../platform/http/route';
import type { FieldMessageCode } from '../../platform/i18n/messages';
import { actorUnit, type Exec, findCurrentUnit } from '../programmes/scope';
import { loadCfCatalogue, writeCfCatalogueInTx } from './child-friendly.catalogue';
import { measureCfFigure } from './child-friendly.figures';
import * as repo from './child-friendly.repo';
import {
  type AssessmentRow,
  isAssessor,
  isEditable,
  scoreOf,
  toAssessment,
  toSummary,
} from './child-friendly.views';

const ENTITY = 'cf_assessment';

/** The child-friendly commune assessment: catalogue, categories, settings, assessments, comparison. */
export class ChildFriendlyService {
  constructor(private readonly ctx: AppContext) {}

  // ------------------------------------------------------------ catalogue and settings

  /** The stored criteria catalogue. */
  async getCatalogue(actor: Actor): Promise<CfCatalogueResponse> {
    const stored = await loadCfCatalogue(this.ctx.db);
    return {
      ...stored.catalogue,
      version: stored.version,
      updatedAt: stored.updatedAt.toISOString(),
      canEdit: actor.permissions.has('catalogs.manage'),
    };
  }

  /** Replaces the unverified items of the catalogue (verified ones must stay as they are: 422). */
  async updateCatalogue(
    actor: Actor,
    input: UpdateCfCatalogueRequest,
    meta: RequestMeta,
  ): Promise<CfCatalogueResponse> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const head = await tx
        .selectFrom('cf_catalogue')
        .select('version')
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (head.version !== input.version) throw versionConflict();
      const current = await loadCfCatalogue(tx);
      const next = CfCatalogue.parse({ ...current.catalogue, criteria: input.criteria });
      const issues = checkCatalogueEdit(current.catalogue, next);
      if (issues.length > 0)
        throw new AppError(
          422,
          'validation',
          {},
          issues.map((i) => ({ path: `body.${i.path}`, code: i.message as FieldMessageCode })),
        );
      await writeCfCatalogueInTx(tx, next);
      await tx
        .updateTable('cf_catalogue')
        .set({ version: head.version + 1, updated_at: new Date(), updated_by: actor.userId })
        .execute();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'cf_catalogue.update',
          entityType: 'cf_catalogue',
          entityId: '1',
          before: { criteria: current.catalogue.criteria },
          after: { criteria: next.criteria },
        },
      );
    });
    return this.getCatalogue(actor);
  }

  /** The recognising level. */
  async getSettings(actor: Actor): Promise<CfSettings> {
    const row = await repo.getSettings(this.ctx.db);
    return {
      recognisingLevel: row.recognising_level,
      recognisingBody: row.recognising_body,
      version: row.version,
      updatedAt: new Date(row.updated_at).toISOString(),
      canEdit: actor.permissions.has('catalogs.manage'),
    };
  }

  /** Sets the recognising level (administrators). */
  async updateSettings(actor: Actor, input: UpdateCfSettingsRequest, meta: RequestMeta): Promise<CfSettings> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const before = await repo.getSettings(tx);
      const updated = await tx
        .updateTable('cf_settings')
        .set({
          recognising_level: input.recognisingLevel,
          recognising_body: input.recognisingBody,
          version: input.version + 1,
          updated_at: new Date(),
          updated_by: actor.userId,
        })
        .where('id', '=', 1)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw versionConflict();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'cf_settings.update',
          entityType: 'cf_settings',
          entityId: '1',
          before: { recognisingLevel: before.recognising_level, recognisingBody: before.recognising_body },
          after: { recognisingLevel: input.recognisingLevel, recognisingBody: input.recognisingBody },
        },
      );
    });
    return this.getSettings(actor);
  }

  /** The communes of a subtree with their category. */
  async listUnitCategories(actor: Actor, query: CfUnitCategoryQuery): Promise<CfUnitCategoryList> {
    const unit = await this.readableUnit(actor, query.unit);
    const rows = await repo.listCommunes(this.ctx.db, unit.path);
    const canEdit = actor.permissions.has('catalogs.manage') || actor.permissions.has('childfriendly.review');
    return {
      categories: Object.values(cfUnitCategories),
      items: rows.map((r) => ({
        unitCode: r.code,
        unitName: r.name,
        category: r.category ?? 'other',
        isDefault: r.category === null,
        version: r.version ?? 0,
        canEdit,
      })),
    };
  }

  /** Sets the category of a commune of the caller's subtree. */
  async setUnitCategory(
    actor: Actor,
    unitCode: string,
    input: UpdateCfUnitCategoryRequest,
    meta: RequestMeta,
  ): Promise<CfUnitCategoryList['items'][number]> {
    if (!actor.permissions.has('catalogs.manage') && !actor.permissions.has('childfriendly.review'))
      throw forbidden();
    const unit = await findCurrentUnit(this.ctx.db, unitCode);
    if (!unit || !isInScope(actor, unit.path)) throw notFound();
    if (unit.level !== 'commune') throw invalidField('params.unitCode', 'cf_not_commune', 422);
    const version = await this.ctx.db.transaction().execute(async (tx) => {
      const before = await repo.findUnitCategory(tx, unit.id);
      if ((before?.version ?? 0) !== input.version) throw versionConflict();
      if (before) {
        await tx
          .updateTable('cf_unit_category')
          .set({
            category: input.category,
            version: before.version + 1,
            updated_at: new Date(),
            updated_by: actor.userId,
          })
          .where('unit_id', '=', unit.id)
          .execute();
      } else {
        await tx
          .insertInto('cf_unit_category')
          .values({ unit_id: unit.id, category: input.category, updated_by: actor.userId })
          .execute();
      }
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'cf_unit_category.update',
          entityType: 'cf_unit_category',
          entityId: String(unit.id),
          unitId: unit.id,
          before: { category: before?.category ?? null },
          after: { category: input.category },
        },
      );
      return (before?.version ?? 0) + 1;
    });
    return {
      unitCode: unit.code,
      unitName: unit.name,
      category: input.category,
      isDefault: false,
      version,
      canEdit: true,
    };
  }

  // ------------------------------------------------------------ assessments

  /** Assessments of a subtree (default the caller's), newest year first. */
  async listAssessments(actor: Actor, query: CfAssessmentQuery): Promise<CfAssessmentList> {
    const unit = await this.readableUnit(actor, query.unit);
    const offset = query.cursor ? Number(query.cursor) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw invalidField('query.cursor', 'invalid_cursor');
    const rows = await repo.listAssessments(this.ctx.db, {
      unitPath: unit.path,
      year: query.year,
      status: query.status,
      offset,
      limit: query.limit + 1,
    });
    return {
      items: rows.slice(0, query.limit).map(toSummary),
      nextCursor: rows.length > query.limit ? String(offset + query.limit) : null,
    };
  }

  /** Creates the commune's self-assessment of a year, pre-filled from the system figures. */
  async createAssessment(
    actor: Actor,
    input: CreateCfAssessmentRequest,
    meta: RequestMeta,
  ): Promise<CfAssessment> {
    if (!actor.permissions.has('childfriendly.assess')) throw forbidden();
    const own = await actorUnit(this.ctx.db, actor);
    if (input.unit && input.unit !== own.code) throw outOfScope();
    if (own.level !== 'commune') throw invalidField('body.unit', 'cf_not_commune', 422);
    const today = vietnamToday();
    if (input.year > Number(today.slice(0, 4))) throw invalidField('body.year', 'cf_year_future', 422);
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      const exists = await tx
        .selectFrom('cf_assessment')
        .select('id')
        .where('unit_id', '=', own.id)
        .where('year', '=', input.year)
        .executeTakeFirst();
      if (exists) throw new AppError(409, 'cf_assessment_exists', { year: input.year });
      const { catalogue } = await loadCfCatalogue(tx);
      const category = (await repo.findUnitCategory(tx, own.id))?.category ?? 'other';
      const created = await tx
        .insertInto('cf_assessment')
        .values({
          unit_id: own.id,
          year: input.year,
          category,
          catalogue: JSON.stringify(catalogue),
          threshold: cfUnitCategories[category].minPoints,
          created_by: actor.userId,
          updated_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.fillSystemValues(tx, created.id, catalogue, own.path, input.year, today);
      await this.storeScore(tx, created.id);
      await repo.insertEvent(tx, created.id, 'created', actor.userId);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'cf_assessment.create',
          entityType: ENTITY,
          entityId: created.id,
          unitId: own.id,
          after: { year: input.year, category },
        },
      );
      return created.id;
    });
    return this.getAssessment(actor, id);
  }

  /** One assessment of the caller's subtree (404 outside it). */
  async getAssessment(actor: Actor, id: string): Promise<CfAssessment> {
    const row = await this.readable(this.ctx.db, actor, id);
    const [values, files, events, canReview] = await Promise.all([
      repo.listValues(this.ctx.db, id),
      repo.listFiles(this.ctx.db, id),
      repo.listEvents(this.ctx.db, id),
      this.mayReview(actor, row),
    ]);
    const mine = isAssessor(actor, row) && isEditable(row.status);
    return toAssessment(row, values, files, events, { canEdit: mine, canSubmit: mine, canReview });
  }

  /** Saves values and notes of a draft or returned assessment. */
  async updateAssessment(
    actor: Actor,
    id: string,
    input: UpdateCfAssessmentRequest,
    meta: RequestMeta,
  ): Promise<CfAssessment> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.editable(tx, actor, id, input.version);
      const catalogue = CfCatalogue.parse(row.catalogue);
      const indicators = new Map(catalogue.criteria.flatMap((c) => c.indicators.map((i) => [i.code, i])));
      const current = new Map((await repo.listValues(tx, id)).map((v) => [v.indicator_code, v]));
      const changes: Record<string, unknown> = {};
      for (const [index, entry] of input.values.entries()) {
        const path = `body.values.${index}`;
        const indicator = indicators.get(entry.code);
        if (!indicator) throw invalidField(`${path}.code`, 'cf_unknown_indicator', 422);
        const before = current.get(entry.code);
        const system = (before?.system_value as CfSystemValue | null | undefined) ?? null;
        let value: number | null = null;
        let overridden = false;
        if (indicator.rule.kind === 'manual' && entry.points !== null && entry.points > indicator.maxPoints)
          throw invalidField(`${path}.points`, 'cf_points_max', 422);
        if (indicator.rule.kind === 'bands') {
          if (indicator.source === 'system' && system) {
            overridden = entry.value !== null && entry.value !== system.value;
            value = overridden ? entry.value : system.value;
            if (overridden && !entry.note) throw invalidField(`${path}.note`, 'cf_override_note', 422);
          } else value = entry.value;
        }
        const values = {
          value,
          yes: indicator.rule.kind === 'yes_no' ? entry.yes : null,
          points: indicator.rule.kind === 'manual' ? entry.points : null,
          overridden,
          note: entry.note,
          evidence_note: entry.evidenceNote,
          updated_at: new Date(),
        };
        await tx
          .insertInto('cf_assessment_value')
          .values({ assessment_id: id, indicator_code: entry.code, ...values, system_value: null })
          .onConflict((oc) => oc.columns(['assessment_id', 'indicator_code']).doUpdateSet(values))
          .execute();
        changes[entry.code] = { value, yes: values.yes, points: values.points, overridden };
      }
      await this.storeScore(tx, id, actor);
      await repo.insertEvent(tx, id, 'updated', actor.userId);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'cf_assessment.update',
          entityType: ENTITY,
          entityId: id,
          unitId: row.unit_id,
          details: { values: changes },
        },
      );
    });
    return this.getAssessment(actor, id);
  }

  /** Re-reads the system figures (and the current catalogue and category) of a draft. */
  async refreshAssessment(
    actor: Actor,
    id: string,
    version: number,
    meta: RequestMeta,
  ): Promise<CfAssessment> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.editable(tx, actor, id, version);
      const { catalogue } = await loadCfCatalogue(tx);
      const category = (await repo.findUnitCategory(tx, row.unit_id))?.category ?? 'other';
      await tx
        .updateTable('cf_assessment')
        .set({
          catalogue: JSON.stringify(catalogue),
          category,
          threshold: cfUnitCategories[category].minPoints,
        })
        .where('id', '=', id)
        .execute();
      await this.fillSystemValues(tx, id, catalogue, row.unit_path, row.year, vietnamToday());
      await this.storeScore(tx, id, actor);
      await repo.insertEvent(tx, id, 'refreshed', actor.userId);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'cf_assessment.refresh',
          entityType: ENTITY,
          entityId: id,
          unitId: row.unit_id,
        },
      );
    });
    return this.getAssessment(actor, id);
  }

  /** The commune sends its self-assessment to the competent level. */
  async submitAssessment(
    actor: Actor,
    id: string,
    version: number,
    meta: RequestMeta,
  ): Promise<CfAssessment> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.editable(tx, actor, id, version);
      await this.transition(
        tx,
        row,
        'submitted',
        { submitted_at: new Date(), submitted_by: actor.userId },
        actor,
      );
      await repo.insertEvent(tx, id, 'submitted', actor.userId);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'cf_assessment.submit',
          entityType: ENTITY,
          entityId: id,
          unitId: row.unit_id,
          before: { status: row.status },
          after: { status: 'submitted' },
        },
      );
    });
    return this.getAssessment(actor, id);
  }

  /** The competent level reviews, recognises (with decision number and date) or returns. */
  async reviewAssessment(
    actor: Actor,
    id: string,
    input: CfReviewRequest,
    meta: RequestMeta,
  ): Promise<CfAssessment> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.readable(tx, actor, id, true);
      if (!(await this.hasReviewRight(tx, actor))) throw forbidden();
      if (row.status !== 'submitted' && row.status !== 'reviewed')
        throw new AppError(409, 'cf_status', { status: row.status });
      if (row.version !== input.version) throw versionConflict();
      if (input.action === 'review') {
        if (row.status !== 'submitted') throw new AppError(409, 'cf_status', { status: row.status });
        await this.transition(
          tx,
          row,
          'reviewed',
          { reviewed_at: new Date(), reviewed_by: actor.userId, review_note: input.note },
          actor,
        );
        await repo.insertEvent(tx, id, 'reviewed', actor.userId, input.note);
      } else if (input.action === 'recognise') {
        const score = scoreOf(row, await repo.listValues(tx, id));
        if (!score.passed)
          throw new AppError(409, 'cf_not_passed', { total: score.total, threshold: score.threshold });
        await this.transition(
          tx,
          row,
          'recognised',
          {
            recognised_at: new Date(),
            recognised_by: actor.userId,
            decision_number: input.decisionNumber,
            decision_date: input.decisionDate,
            review_note: input.note ?? row.review_note,
          },
          actor,
        );
        await repo.insertEvent(
          tx,
          id,
          'recognised',
          actor.userId,
          // Shown as written in the history: the date in the Vietnamese form dd/MM/yyyy.
          `${input.decisionNumber} (${input.decisionDate.split('-').reverse().join('/')})`,
        );
      } else {
        await this.transition(tx, row, 'returned', { return_reason: input.reason }, actor);
        await repo.insertEvent(tx, id, 'returned', actor.userId, input.reason);
      }
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: `cf_assessment.${input.action}`,
          entityType: ENTITY,
          entityId: id,
          unitId: row.unit_id,
          before: { status: row.status },
          after: {
            status: { review: 'reviewed', recognise: 'recognised', return: 'returned' }[input.action],
          },
        },
      );
    });
    return this.getAssessment(actor, id);
  }

  /** Attaches an evidence file (PDF or photo) to an indicator of an editable assessment. */
  async addEvidence(
    actor: Actor,
    id: string,
    upload: { content: Buffer; fileName: string; indicator: string },
    meta: RequestMeta,
  ): Promise<CfAssessment> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.editable(tx, actor, id, null);
      const catalogue = CfCatalogue.parse(row.catalogue);
      if (!catalogue.criteria.some((c) => c.indicators.some((i) => i.code === upload.indicator)))
        throw invalidField('query.indicator', 'cf_unknown_indicator', 422);
      const file = checkUpload(upload.content, upload.fileName, [PDF, JPEG, PNG, WEBP]);
      const stored = await insertStoredFileInTx(tx, file, actor.userId);
      await tx
        .insertInto('cf_assessment_file')
        .values({
          assessment_id: id,
          indicator_code: upload.indicator,
          stored_file_id: stored.id,
          created_by: actor.userId,
        })
        .execute();
      await tx
        .updateTable('cf_assessment')
        .set({ version: row.version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'cf_assessment.evidence_add',
          entityType: ENTITY,
          entityId: id,
          unitId: row.unit_id,
          details: { indicator: upload.indicator, fileId: stored.id, sha256: stored.sha256 },
        },
      );
    });
    return this.getAssessment(actor, id);
  }

  /** An evidence file of a readable assessment. */
  async evidenceFile(actor: Actor, fileId: string) {
    const link = await this.ctx.db
      .selectFrom('cf_assessment_file')
      .select(['assessment_id'])
      .where('stored_file_id', '=', fileId)
      .executeTakeFirst();
    if (!link) throw notFound();
    await this.readable(this.ctx.db, actor, link.assessment_id);
    const file = await findStoredFileContent(this.ctx.db, fileId);
    if (!file) throw notFound();
    return file;
  }

  /** Detaches an evidence file from an editable assessment (the stored file stays for the audit trail). */
  async removeEvidence(actor: Actor, fileId: string, meta: RequestMeta): Promise<CfAssessment> {
    const link = await this.ctx.db
      .selectFrom('cf_assessment_file')
      .select(['id', 'assessment_id'])
      .where('stored_file_id', '=', fileId)
      .executeTakeFirst();
    if (!link) throw notFound();
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.editable(tx, actor, link.assessment_id, null);
      await tx.deleteFrom('cf_assessment_file').where('id', '=', link.id).execute();
      await tx
        .updateTable('cf_assessment')
        .set({ version: row.version + 1, updated_at: new Date() })
        .where('id', '=', row.id)
        .execute();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'cf_assessment.evidence_remove',
          entityType: ENTITY,
          entityId: row.id,
          unitId: row.unit_id,
          details: { fileId },
        },
      );
    });
    return this.getAssessment(actor, link.assessment_id);
  }

  /** Communes of a subtree × years: total, pass and status of each assessment. */
  async comparison(actor: Actor, query: CfComparisonQuery): Promise<CfComparison> {
    if (query.yearTo < query.yearFrom) throw invalidField('query.yearTo', 'month_range_reversed', 422);
    if (query.yearTo - query.yearFrom > 30) throw invalidField('query.yearFrom', 'cf_year_range', 422);
    const unit = await this.readableUnit(actor, query.unit);
    const [communes, rows] = await Promise.all([
      repo.listCommunes(this.ctx.db, unit.path),
      repo.listForComparison(this.ctx.db, unit.path, query.yearFrom, query.yearTo),
    ]);
    const years = Array.from({ length: query.yearTo - query.yearFrom + 1 }, (_, i) => query.yearFrom + i);
    const byKey = new Map(rows.map((r) => [`${r.unit_id}|${r.year}`, r]));
    return {
      years,
      units: communes.map((c) => ({
        unitCode: c.code,
        unitName: c.name,
        category: c.category ?? 'other',
        cells: years.map((year) => {
          const a = byKey.get(`${c.id}|${year}`);
          return {
            year,
            assessmentId: a?.id ?? null,
            status: a?.status ?? null,
            total: a ? Number(a.total) : null,
            passed: a ? a.passed : null,
          };
        }),
      })),
    };
  }

  // ------------------------------------------------------------ internals

  /** The unit named (default the caller's) when it is in the caller's subtree; 404 otherwise. */
  private async readableUnit(actor: Actor, code: string | undefined) {
    if (!code) return actorUnit(this.ctx.db, actor);
    const unit = await findCurrentUnit(this.ctx.db, code);
    if (!unit) throw invalidField('query.unit', 'unit_not_found', 422);
    if (!isInScope(actor, unit.path)) throw outOfScope();
    return unit;
  }

  /** An assessment of the caller's subtree; 404 when it does not exist or lies outside. */
  private async readable(exec: Exec, actor: Actor, id: string, forUpdate = false): Promise<AssessmentRow> {
    const row = await repo.findAssessment(exec, id, forUpdate);
    if (!row || !isInScope(actor, row.unit_path)) throw notFound();
    return row;
  }

  /**
   * An assessment the caller may change: readable (404), still a draft or returned (409
   * `cf_not_editable`), the caller's own commune with `childfriendly.assess` (403), and at the
   * given version (409).
   */
  private async editable(tx: Transaction<DB>, actor: Actor, id: string, version: number | null) {
    const row = await this.readable(tx, actor, id, true);
    if (!isEditable(row.status)) throw new AppError(409, 'cf_not_editable', { status: row.status });
    if (!isAssessor(actor, row)) throw forbidden();
    if (version !== null && row.version !== version) throw versionConflict();
    return row;
  }

  /** The caller holds `childfriendly.review` at the configured recognising level. */
  private async hasReviewRight(exec: Exec, actor: Actor): Promise<boolean> {
    if (!actor.permissions.has('childfriendly.review')) return false;
    const [settings, unit] = await Promise.all([repo.getSettings(exec), actorUnit(exec, actor)]);
    return unit.level === settings.recognising_level;
  }

  private async mayReview(actor: Actor, row: AssessmentRow): Promise<boolean> {
    if (row.status !== 'submitted' && row.status !== 'reviewed') return false;
    return this.hasReviewRight(this.ctx.db, actor);
  }

  private async transition(
    tx: Transaction<DB>,
    row: AssessmentRow,
    status: AssessmentRow['status'],
    extra: Record<string, unknown>,
    actor: Actor,
  ): Promise<void> {
    await tx
      .updateTable('cf_assessment')
      .set({ ...extra, status, version: row.version + 1, updated_at: new Date(), updated_by: actor.userId })
      .where('id', '=', row.id)
      .execute();
  }

  /** Writes the system figures of every system indicator; values overridden by the assessor stay. */
  private async fillSystemValues(
    tx: Transaction<DB>,
    id: string,
    catalogue: CfCatalogue,
    unitPath: string,
    year: number,
    today: string,
  ): Promise<void> {
    const current = new Map((await repo.listValues(tx, id)).map((v) => [v.indicator_code, v]));
    for (const indicator of catalogue.criteria.flatMap((c) => c.indicators)) {
      if (indicator.source !== 'system' || !indicator.systemFigure) continue;
      const system = await measureCfFigure(
        tx,
        this.ctx.secrets,
        indicator.systemFigure,
        unitPath,
        year,
        today,
      );
      const before = current.get(indicator.code);
      const value = before?.overridden ? before.value : system.value;
      await tx
        .insertInto('cf_assessment_value')
        .values({
          assessment_id: id,
          indicator_code: indicator.code,
          value,
          system_value: JSON.stringify(system),
        })
        .onConflict((oc) =>
          oc.columns(['assessment_id', 'indicator_code']).doUpdateSet({
            value,
            system_value: JSON.stringify(system),
            updated_at: new Date(),
          }),
        )
        .execute();
    }
  }

  /** Copies the live total and pass decision onto the row (lists and comparison read them). */
  private async storeScore(tx: Transaction<DB>, id: string, actor?: Actor): Promise<void> {
    const row = await repo.findAssessment(tx, id);
    if (!row) throw notFound();
    const score = scoreOf(row, await repo.listValues(tx, id));
    await tx
      .updateTable('cf_assessment')
      .set({
        total: String(score.total),
        passed: score.passed,
        threshold: score.threshold,
        ...(actor ? { version: row.version + 1, updated_at: new Date(), updated_by: actor.userId } : {}),
      })
      .where('id', '=', id)
      .execute();
  }
}
