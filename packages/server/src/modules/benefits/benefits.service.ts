import {
  type BaseLevelView,
  type BenefitCatalogueQuery,
  type BenefitCatalogueView,
  type BenefitRuleView,
  type ChildEligibility,
  type CreateBaseLevelRequest,
  type CreateBenefitRuleRequest,
  eligibilityAt,
  type UpdateBenefitRuleRequest,
  vietnamToday,
} from '@tuoitho/domain';
import { writeAuditInTx } from '../../platform/audit/audit';
import { isInScope } from '../../platform/auth/scope';
import type { AppContext } from '../../platform/context';
import { AppError, forbidden, invalidField, notFound, versionConflict } from '../../platform/http/errors';
import type { Actor, RequestMeta } from '../../platform/http/route';
import { ChildrenRepo } from '../children/children.repo';
import { loadBenefitCatalogue, toBaseLevelView, toBenefitRule } from './benefits.catalogue';
import { factsOfChildRow } from './benefits.children';
import { toEnrolmentViews } from './benefits.enrolments';
import { canEditRule, isNationalActor } from './benefits.policy';
import { BenefitsRepo, findUnitByCode, findUnitById, type RuleRow, unitPathsByCode } from './benefits.repo';

/** The day before an ISO date: the last day of the period a new one replaces. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const inForceAt = (p: { valid_from: string; valid_to: string | null }, at: string) =>
  p.valid_from <= at && (p.valid_to === null || p.valid_to >= at);

const conflict = (meta: RequestMeta, vi: string, en: string) =>
  new AppError(409, 'benefit_conflict', { reason: meta.lang === 'en' ? en : vi });

/** The benefit catalogue (dated rules and base levels) and a child's eligibility. */
export class BenefitsService {
  private readonly repo: BenefitsRepo;
  private readonly children: ChildrenRepo;

  constructor(private readonly ctx: AppContext) {
    this.repo = new BenefitsRepo(ctx.db);
    this.children = new ChildrenRepo(ctx.db);
  }

  /** The rule views with the caller's abilities. */
  private async ruleViews(actor: Actor, rows: RuleRow[]): Promise<BenefitRuleView[]> {
    const paths = await unitPathsByCode(this.ctx.db, [
      ...new Set(rows.map((r) => r.unit_code).filter((c): c is string => c !== null)),
    ]);
    return rows.map((r) => ({
      ...toBenefitRule(r),
      id: r.id,
      version: r.version,
      canEdit: canEditRule(actor, r, r.unit_code ? paths.get(r.unit_code) : undefined),
    }));
  }

  /**
   * The rules that apply to a unit (national, its province, the commune itself) and the base
   * levels (national and the province's); all periods, or those in force at `at`. Without `unit`,
   * the caller's unit; a caller at the country level then sees every rule.
   */
  async getCatalogue(actor: Actor, query: BenefitCatalogueQuery): Promise<BenefitCatalogueView> {
    const own = await findUnitById(this.ctx.db, actor.unitId);
    const unit = query.unit ? await findUnitByCode(this.ctx.db, query.unit) : own;
    if (!unit) throw invalidField('query.unit', 'unit_not_found', 404);
    const everything = unit.level === 'country';
    const province = unit.level === 'province' ? unit.code : unit.province_code;
    const codes = new Set([province, unit.code].filter((c): c is string => Boolean(c)));
    const rules = (await this.repo.listRules()).filter(
      (r) =>
        (everything || r.unit_code === null || codes.has(r.unit_code)) &&
        (!query.at || inForceAt(r, query.at)),
    );
    const baseLevels = (await this.repo.listBaseLevels()).filter(
      (b) =>
        (everything || b.province_code === null || b.province_code === province) &&
        (!query.at || inForceAt(b, query.at)),
    );
    return { rules: await this.ruleViews(actor, rules), baseLevels: baseLevels.map(toBaseLevelView) };
  }

  /**
   * Adds a rule period: a local rule of a province or commune, or a new period of an existing
   * code, whose previous open period then ends the day before. Enrolments keep their amounts.
   */
  async createRule(
    actor: Actor,
    input: CreateBenefitRuleRequest,
    meta: RequestMeta,
  ): Promise<BenefitRuleView> {
    let unitPath: string | undefined;
    if (input.unitCode !== null) {
      const unit = await findUnitByCode(this.ctx.db, input.unitCode);
      if (!unit || (unit.level !== 'province' && unit.level !== 'commune'))
        throw invalidField('body.unitCode', 'unit_not_found');
      unitPath = unit.path;
    }
    if (!canEditRule(actor, { unit_code: input.unitCode, verified: false }, unitPath)) throw forbidden();
    if (input.validTo !== null && input.validTo < input.validFrom)
      throw invalidField('body.validTo', 'benefit_end_before_start');
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      const periods = await this.repo.listRulePeriods(tx, input.code);
      if (periods.some((p) => p.unit_code !== input.unitCode))
        throw conflict(
          meta,
          'Mã chính sách này đã được dùng cho đơn vị ban hành khác.',
          'This benefit code belongs to another issuing unit.',
        );
      if (periods.some((p) => p.valid_from >= input.validFrom))
        throw conflict(
          meta,
          'Đã có thời kỳ áp dụng bắt đầu từ ngày này hoặc muộn hơn.',
          'A period starting on or after this date exists already.',
        );
      const previous = periods.find((p) => p.valid_to === null || p.valid_to >= input.validFrom);
      if (previous) await this.repo.closeRulePeriod(tx, previous.id, dayBefore(input.validFrom));
      const ruleId = await this.repo.insertRule(tx, {
        code: input.code,
        kind: input.kind,
        name_vi: input.nameVi,
        name_en: input.nameEn,
        criteria_vi: input.criteriaVi,
        criteria_en: input.criteriaEn,
        legal_ref: input.legalRef,
        verified: false,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        unit_code: input.unitCode,
        periodicity: input.periodicity,
        amount: JSON.stringify(input.amount),
        criteria: JSON.stringify(input.criteria),
        exclusive_group: input.exclusiveGroup,
        budget_source: input.budgetSource,
        needs_decision: input.needsDecision,
        is_reference: false,
        created_by: actor.userId,
      });
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'benefit.rule.create',
          entityType: 'benefit_rule',
          entityId: ruleId,
          unitId: actor.unitId,
          after: {
            code: input.code,
            unitCode: input.unitCode,
            validFrom: input.validFrom,
            validTo: input.validTo,
            amount: input.amount,
          },
          details: previous ? { closedPeriod: previous.id, closedOn: dayBefore(input.validFrom) } : {},
        },
      );
      return ruleId;
    });
    return this.getRuleView(actor, id);
  }

  private async getRuleView(actor: Actor, id: string): Promise<BenefitRuleView> {
    const row = await this.repo.findRule(this.ctx.db, id);
    if (!row) throw notFound();
    const [view] = await this.ruleViews(actor, [row]);
    return view!;
  }

  /**
   * Corrects a rule period the caller may edit: the amount only while unverified, the legal
   * reference, or marks it verified. Enrolments and payments keep the amounts they were decided with.
   */
  async updateRule(
    actor: Actor,
    id: string,
    input: UpdateBenefitRuleRequest,
    meta: RequestMeta,
  ): Promise<BenefitRuleView> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.repo.findRule(tx, id, { forUpdate: true });
      if (!row) throw notFound();
      const paths = row.unit_code ? await unitPathsByCode(tx, [row.unit_code]) : new Map<string, string>();
      if (!canEditRule(actor, row, row.unit_code ? paths.get(row.unit_code) : undefined)) {
        // A verified national rule is visible to all: say why it cannot change.
        if (row.unit_code === null && row.verified && actor.permissions.has('catalogs.manage'))
          throw new AppError(422, 'benefit_rule_verified');
        throw forbidden();
      }
      if (row.version !== input.version) throw versionConflict();
      if (input.amount && row.verified) throw new AppError(422, 'benefit_rule_verified');
      const set = {
        ...(input.amount ? { amount: JSON.stringify(input.amount) } : {}),
        ...(input.verified !== undefined ? { verified: input.verified } : {}),
        ...(input.legalRef ? { legal_ref: input.legalRef } : {}),
      };
      if (!(await this.repo.updateRule(tx, id, input.version, set))) throw versionConflict();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'benefit.rule.update',
          entityType: 'benefit_rule',
          entityId: id,
          unitId: actor.unitId,
          before: { amount: row.amount, verified: row.verified, legalRef: row.legal_ref },
          after: {
            amount: input.amount ?? row.amount,
            verified: input.verified ?? row.verified,
            legalRef: input.legalRef ?? row.legal_ref,
          },
          details: { code: row.code, validFrom: row.valid_from },
        },
      );
    });
    return this.getRuleView(actor, id);
  }

  /** A base level from a date (a province's higher level, or a new national one), closing the previous period. */
  async createBaseLevel(
    actor: Actor,
    input: CreateBaseLevelRequest,
    meta: RequestMeta,
  ): Promise<BaseLevelView> {
    if (input.provinceCode === null) {
      if (!isNationalActor(actor)) throw forbidden();
    } else {
      const province = await findUnitByCode(this.ctx.db, input.provinceCode);
      if (province?.level !== 'province') throw invalidField('body.provinceCode', 'unit_not_found');
      if (!isInScope(actor, province.path)) throw invalidField('body.provinceCode', 'unit_out_of_scope', 403);
    }
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      const periods = await this.repo.listBaseLevelPeriods(tx, input.provinceCode);
      if (periods.some((p) => p.valid_from >= input.validFrom))
        throw conflict(
          meta,
          'Đã có mức chuẩn áp dụng từ ngày này hoặc muộn hơn.',
          'A base level starting on or after this date exists already.',
        );
      const previous = periods.find((p) => p.valid_to === null || p.valid_to >= input.validFrom);
      if (previous) await this.repo.closeBaseLevelPeriod(tx, previous.id, dayBefore(input.validFrom));
      const levelId = await this.repo.insertBaseLevel(tx, {
        amount_vnd: input.amountVnd,
        valid_from: input.validFrom,
        valid_to: null,
        province_code: input.provinceCode,
        legal_ref: input.legalRef,
        verified: false,
        is_reference: false,
        created_by: actor.userId,
      });
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'benefit.base_level.create',
          entityType: 'benefit_base_level',
          entityId: levelId,
          unitId: actor.unitId,
          after: { provinceCode: input.provinceCode, amountVnd: input.amountVnd, validFrom: input.validFrom },
          details: previous ? { closedPeriod: previous.id } : {},
        },
      );
      return levelId;
    });
    const row = (await this.repo.listBaseLevels()).find((b) => b.id === id);
    if (!row) throw notFound();
    return toBaseLevelView(row);
  }

  /** What a child of the caller's subtree qualifies for at a date, with its enrolments. */
  async getChildEligibility(actor: Actor, childId: string, at = vietnamToday()): Promise<ChildEligibility> {
    const row = await this.repo.findChildInScope(this.ctx.db, actor, childId);
    if (!row) throw notFound();
    const groups = await this.children.listSpecialCircumstances(this.ctx.db, [row.id]);
    const catalogue = await loadBenefitCatalogue(this.ctx.db);
    const facts = factsOfChildRow(row, groups);
    const enrolments = await this.repo.listEnrolmentsOfChildren(this.ctx.db, [row.id]);
    return {
      childId: row.id,
      at,
      items: eligibilityAt(facts, at, catalogue),
      enrolments: await toEnrolmentViews(this.ctx.db, enrolments, catalogue),
    };
  }
}
