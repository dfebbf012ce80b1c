import {
  type AdjustBenefitEnrolmentRequest,
  type BenefitCatalogue,
  type BenefitDecision,
  type BenefitEnrolment,
  type BenefitEnrolmentList,
  type BenefitEnrolmentListQuery,
  type BenefitRule,
  type CreateBenefitEnrolmentRequest,
  type TerminateBenefitEnrolmentRequest,
  vietnamToday,
} from '@tuoitho/domain';
import type { Kysely, Transaction } from 'kysely';
import { writeAuditInTx } from '../../platform/audit/audit';
import { isInScope } from '../../platform/auth/scope';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError, forbidden, invalidField, notFound, versionConflict } from '../../platform/http/errors';
import type { Actor, RequestMeta } from '../../platform/http/route';
import { loadBenefitCatalogue } from './benefits.catalogue';
import { canManageEnrolments } from './benefits.policy';
import { BenefitsRepo, type EnrolmentRow, findUnitByCode } from './benefits.repo';

type Exec = Kysely<DB> | Transaction<DB>;

/** The latest period of each rule code: the name and budget line an enrolment is shown with. */
export function latestRuleByCode(catalogue: BenefitCatalogue): Map<string, BenefitRule> {
  const byCode = new Map<string, BenefitRule>();
  for (const rule of catalogue.rules) {
    const known = byCode.get(rule.code);
    if (!known || known.validFrom < rule.validFrom) byCode.set(rule.code, rule);
  }
  return byCode;
}

/** Stored enrolments with their decisions, as the API shows them. */
export async function toEnrolmentViews(
  exec: Exec,
  rows: EnrolmentRow[],
  catalogue: BenefitCatalogue,
): Promise<BenefitEnrolment[]> {
  const events = await new BenefitsRepo(exec as Kysely<DB>).listEvents(
    exec,
    rows.map((r) => r.id),
  );
  const rules = latestRuleByCode(catalogue);
  return rows.map((r) => {
    const rule = rules.get(r.rule_code);
    return {
      id: r.id,
      version: r.version,
      childId: r.child_id,
      childName: r.child_name,
      childDateOfBirth: r.child_date_of_birth,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      ruleCode: r.rule_code,
      ruleName: rule?.nameVi ?? r.rule_code,
      kind: rule?.kind ?? 'local_gift',
      budgetSource: rule?.budgetSource ?? 'commune',
      status: r.status,
      startDate: r.start_date,
      endDate: r.end_date,
      amountVnd: Number(r.amount_vnd),
      recipient: {
        kind: r.recipient_kind,
        fullName: r.recipient_name,
        relationship: r.recipient_relationship,
      },
      paymentMethod: r.payment_method,
      events: events
        .filter((e) => e.enrolment_id === r.id)
        .map((e) => ({
          kind: e.kind,
          decision: {
            number: e.decision_number,
            date: e.decision_date,
            signerName: e.signer_name,
            signerTitle: e.signer_title,
          },
          effectiveFrom: e.effective_from,
          amountVnd: e.amount_vnd === null ? null : Number(e.amount_vnd),
          reason: e.reason,
          recordedAt: e.recorded_at.toISOString(),
          recordedBy: e.recorded_by_name,
        })),
    };
  });
}

/** The row of a decision in an enrolment's history. */
function decisionEvent(
  enrolmentId: string,
  kind: 'start' | 'adjust' | 'terminate',
  decision: BenefitDecision,
  effectiveFrom: string,
  amountVnd: number | null,
  reason: string | null,
  actorId: string,
) {
  return {
    enrolment_id: enrolmentId,
    kind,
    decision_number: decision.number,
    decision_date: decision.date,
    signer_name: decision.signerName,
    signer_title: decision.signerTitle,
    effective_from: effectiveFrom,
    amount_vnd: amountVnd,
    reason,
    recorded_by: actorId,
  };
}

/** Postgres and PGlite report a unique violation with SQLSTATE 23505. */
const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/**
 * Enrolments: the chairman's decisions that start, adjust and end a child's benefit. The amount
 * is the one decided (a difference from the rule shows on the gap list); changing a rule later
 * never touches it. Termination ends the enrolment at once (`status` ended) with its last day in
 * `end_date`: payments of the months up to that day still fall due (`amountForMonth`).
 */
export class EnrolmentsService {
  private readonly repo: BenefitsRepo;

  constructor(private readonly ctx: AppContext) {
    this.repo = new BenefitsRepo(ctx.db);
  }

  private async view(exec: Exec, row: EnrolmentRow): Promise<BenefitEnrolment> {
    const [view] = await toEnrolmentViews(exec, [row], await loadBenefitCatalogue(this.ctx.db));
    return view!;
  }

  /** One enrolment of the caller's subtree (404 outside it). */
  async getEnrolment(actor: Actor, id: string): Promise<BenefitEnrolment> {
    const row = await this.repo.findEnrolment(this.ctx.db, actor, id);
    if (!row) throw notFound();
    return this.view(this.ctx.db, row);
  }

  /** Enrolments of the caller's subtree, latest start first, with a keyset cursor. */
  async listEnrolments(actor: Actor, query: BenefitEnrolmentListQuery): Promise<BenefitEnrolmentList> {
    let unitPath: string | undefined;
    if (query.unit) {
      const unit = await findUnitByCode(this.ctx.db, query.unit);
      if (!unit || !isInScope(actor, unit.path)) throw notFound();
      unitPath = unit.path;
    }
    let after: [string, string] | undefined;
    if (query.cursor) {
      const [date, id] = query.cursor.split('_');
      if (!date || !id || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^[0-9a-f-]{36}$/i.test(id))
        throw invalidField('query.cursor', 'invalid_cursor');
      after = [date, id];
    }
    const filter = {
      ...(unitPath ? { unitPath } : {}),
      ...(query.childId ? { childId: query.childId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.ruleCode ? { ruleCode: query.ruleCode } : {}),
    };
    const [rows, total] = await Promise.all([
      this.repo.listEnrolments(actor, filter, query.limit + 1, after),
      this.repo.countEnrolments(actor, filter),
    ]);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: await toEnrolmentViews(this.ctx.db, page, await loadBenefitCatalogue(this.ctx.db)),
      nextCursor: rows.length > query.limit && last ? `${last.start_date}_${last.id}` : null,
      total,
    };
  }

  /** Closes the proposal an enrolment decision confirms, in the decision's transaction. */
  private async confirmProposal(
    tx: Transaction<DB>,
    actor: Actor,
    proposalId: string,
    expect: { childId: string; ruleCode: string; kind: 'start' | 'adjust' | 'terminate' },
    enrolmentId: string,
  ) {
    const proposal = await this.repo.findOpenProposalForUpdate(tx, proposalId);
    if (
      proposal?.status !== 'open' ||
      proposal.child_id !== expect.childId ||
      proposal.rule_code !== expect.ruleCode ||
      proposal.kind !== expect.kind
    )
      throw invalidField('body.proposalId', 'benefit_proposal_mismatch');
    await this.repo.closeProposal(tx, proposalId, {
      status: 'confirmed',
      userId: actor.userId,
      note: null,
      enrolmentId,
    });
  }

  /** Records the decision granting a benefit to a child of the caller's subtree (201). */
  async createEnrolment(
    actor: Actor,
    input: CreateBenefitEnrolmentRequest,
    meta: RequestMeta,
  ): Promise<BenefitEnrolment> {
    if (!canManageEnrolments(actor)) throw forbidden();
    const endDate = input.endDate ?? null;
    if (endDate !== null && endDate < input.startDate)
      throw invalidField('body.endDate', 'benefit_end_before_start');
    const catalogue = await loadBenefitCatalogue(this.ctx.db);
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      // The child row is locked so two decisions for one child are taken one after the other.
      const child = await this.repo.findChildInScope(tx, actor, input.childId, { forUpdate: true });
      if (!child) throw invalidField('body.childId', 'child_not_found', 404);
      const rule = catalogue.rules.find(
        (r) =>
          r.code === input.ruleCode &&
          r.validFrom <= input.startDate &&
          (r.validTo === null || r.validTo >= input.startDate),
      );
      if (!rule) throw invalidField('body.ruleCode', 'benefit_rule_not_in_force');
      const province = child.province_code ?? child.unit_code.slice(0, 2);
      if (rule.unitCode !== null && rule.unitCode !== province && rule.unitCode !== child.unit_code)
        throw invalidField('body.ruleCode', 'benefit_rule_not_for_unit');
      if (await this.repo.findActiveEnrolmentId(tx, child.id, input.ruleCode))
        throw new AppError(409, 'enrolment_exists');
      let enrolmentId: string;
      try {
        enrolmentId = await this.repo.insertEnrolment(tx, {
          child_id: child.id,
          unit_id: child.unit_id,
          rule_code: input.ruleCode,
          status: 'active',
          start_date: input.startDate,
          end_date: endDate,
          amount_vnd: input.amountVnd,
          recipient_kind: input.recipient.kind,
          recipient_name: input.recipient.fullName,
          recipient_relationship: input.recipient.relationship,
          payment_method: input.paymentMethod,
          created_by: actor.userId,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError(409, 'enrolment_exists');
        throw error;
      }
      await this.repo.insertEvent(
        tx,
        decisionEvent(
          enrolmentId,
          'start',
          input.decision,
          input.startDate,
          input.amountVnd,
          null,
          actor.userId,
        ),
      );
      if (input.proposalId)
        await this.confirmProposal(
          tx,
          actor,
          input.proposalId,
          { childId: child.id, ruleCode: input.ruleCode, kind: 'start' },
          enrolmentId,
        );
      // The recipient's name is the family's personal data: it stays out of the audit row.
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'benefit.enrolment.create',
          entityType: 'benefit_enrolment',
          entityId: enrolmentId,
          unitId: child.unit_id,
          after: {
            childId: child.id,
            ruleCode: input.ruleCode,
            startDate: input.startDate,
            endDate,
            amountVnd: input.amountVnd,
            paymentMethod: input.paymentMethod,
            recipientKind: input.recipient.kind,
          },
          details: { decision: input.decision.number, proposalId: input.proposalId ?? null },
        },
      );
      return enrolmentId;
    });
    return this.getEnrolment(actor, id);
  }

  /** Records a decision changing the amount from a date; the past months keep the old amount. */
  async adjustEnrolment(
    actor: Actor,
    id: string,
    input: AdjustBenefitEnrolmentRequest,
    meta: RequestMeta,
  ): Promise<BenefitEnrolment> {
    if (!canManageEnrolments(actor)) throw forbidden();
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.lockActiveEnrolment(tx, actor, id, input.version, meta);
      if (input.effectiveFrom < row.start_date)
        throw invalidField('body.effectiveFrom', 'benefit_end_before_start');
      if (!(await this.repo.updateEnrolment(tx, id, input.version, { amount_vnd: input.amountVnd })))
        throw versionConflict();
      await this.repo.insertEvent(
        tx,
        decisionEvent(
          id,
          'adjust',
          input.decision,
          input.effectiveFrom,
          input.amountVnd,
          input.reason,
          actor.userId,
        ),
      );
      if (input.proposalId)
        await this.confirmProposal(
          tx,
          actor,
          input.proposalId,
          { childId: row.child_id, ruleCode: row.rule_code, kind: 'adjust' },
          id,
        );
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'benefit.enrolment.adjust',
          entityType: 'benefit_enrolment',
          entityId: id,
          unitId: row.unit_id,
          before: { amountVnd: Number(row.amount_vnd) },
          after: { amountVnd: input.amountVnd },
          details: { decision: input.decision.number, effectiveFrom: input.effectiveFrom },
        },
      );
    });
    return this.getEnrolment(actor, id);
  }

  /**
   * Records the decision ending a benefit after `endDate`. The enrolment is `ended` at once (a new
   * one for the same benefit may follow); the months up to the end date are still paid.
   */
  async terminateEnrolment(
    actor: Actor,
    id: string,
    input: TerminateBenefitEnrolmentRequest,
    meta: RequestMeta,
  ): Promise<BenefitEnrolment> {
    if (!canManageEnrolments(actor)) throw forbidden();
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.lockActiveEnrolment(tx, actor, id, input.version, meta);
      if (input.endDate < row.start_date) throw invalidField('body.endDate', 'benefit_end_before_start');
      if (
        !(await this.repo.updateEnrolment(tx, id, input.version, {
          status: 'ended',
          end_date: input.endDate,
        }))
      )
        throw versionConflict();
      await this.repo.insertEvent(
        tx,
        decisionEvent(id, 'terminate', input.decision, input.endDate, null, input.reason, actor.userId),
      );
      if (input.proposalId)
        await this.confirmProposal(
          tx,
          actor,
          input.proposalId,
          { childId: row.child_id, ruleCode: row.rule_code, kind: 'terminate' },
          id,
        );
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'benefit.enrolment.terminate',
          entityType: 'benefit_enrolment',
          entityId: id,
          unitId: row.unit_id,
          before: { status: row.status, endDate: row.end_date },
          after: { status: 'ended', endDate: input.endDate },
          details: { decision: input.decision.number, today: vietnamToday() },
        },
      );
    });
    return this.getEnrolment(actor, id);
  }

  /** The enrolment locked for a decision: 404 outside the scope, 409 when stale or already ended. */
  private async lockActiveEnrolment(
    tx: Transaction<DB>,
    actor: Actor,
    id: string,
    version: number,
    meta: RequestMeta,
  ) {
    const row = await this.repo.findEnrolment(tx, actor, id, { forUpdate: true });
    if (!row) throw notFound();
    if (row.version !== version) throw versionConflict();
    if (row.status !== 'active')
      throw new AppError(409, 'benefit_conflict', {
        reason: meta.lang === 'en' ? 'The enrolment has ended already.' : 'Trẻ đã thôi hưởng chính sách này.',
      });
    return row;
  }
}
