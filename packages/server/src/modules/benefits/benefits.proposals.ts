import {
  type BenefitProposal,
  type BenefitProposalList,
  type BenefitRule,
  benefitProposalsOf,
  type EnrolmentFact,
  vietnamToday,
} from '@tuoitho/domain';
import type { Kysely } from 'kysely';
import { writeAuditInTx } from '../../platform/audit/audit';
import { isInScope } from '../../platform/auth/scope';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError, forbidden, notFound } from '../../platform/http/errors';
import type { Actor, RequestMeta } from '../../platform/http/route';
import { ChildrenRepo } from '../children/children.repo';
import { loadBenefitCatalogue } from './benefits.catalogue';
import { factsOfChildRow } from './benefits.children';
import { latestRuleByCode } from './benefits.enrolments';
import { canManageEnrolments } from './benefits.policy';
import {
  BenefitsRepo,
  type EnrolmentRow,
  findUnitByCode,
  findUnitById,
  type ProposalRow,
  type ProposalValues,
} from './benefits.repo';

const BATCH = 1000;

/** `YYYY-MM-DD` minus whole years (29 February falls on the 28th). */
export function yearsBefore(iso: string, years: number): string {
  const [y, m, d] = iso.split('-');
  const day = m === '02' && d === '29' ? '28' : d;
  return `${String(Number(y) - years).padStart(4, '0')}-${m}-${day}`;
}

/**
 * The enrolments that count at a date: those in force that day, and (looking from today on) the
 * running ones that start later, since the decision is taken already.
 */
export function enrolmentFactsAt(rows: EnrolmentRow[], at: string, today: string): EnrolmentFact[] {
  return rows
    .filter(
      (r) =>
        (r.end_date === null || r.end_date >= at) &&
        (r.start_date <= at || (r.status === 'active' && at >= today)),
    )
    .map((r) => ({
      id: r.id,
      ruleCode: r.rule_code,
      amountVnd: Number(r.amount_vnd),
      startDate: r.start_date,
      endDate: r.end_date,
    }));
}

/**
 * The daily proposals: for every child for whom a benefit may apply (a group of special
 * circumstances, a poor or near-poor household, a disability or serious illness, under 6, or a
 * running enrolment), what starts, changes or ends within the horizon. A proposal is made once:
 * its key (child, kind, rule, date) is unique, so running the job again adds nothing, and one the
 * officer dismissed does not come back. `unitPath` limits the run to a subtree.
 */
export async function generateBenefitProposals(
  db: Kysely<DB>,
  today: string,
  opts: { unitPath?: string } = {},
): Promise<{ children: number; created: number }> {
  const repo = new BenefitsRepo(db);
  const childrenRepo = new ChildrenRepo(db);
  const catalogue = await loadBenefitCatalogue(db);
  let after: string | undefined;
  let children = 0;
  let created = 0;
  for (;;) {
    const batch = await repo.listChildrenBatch(
      db,
      {
        ...(opts.unitPath ? { unitPath: opts.unitPath } : {}),
        bornAfter: yearsBefore(today, 16),
        mayQualifyBornAfter: yearsBefore(today, 6),
      },
      BATCH,
      after,
    );
    if (batch.length === 0) break;
    const ids = batch.map((c) => c.id);
    const [groups, enrolments] = await Promise.all([
      childrenRepo.listSpecialCircumstances(db, ids),
      repo.listEnrolmentsOfChildren(db, ids),
    ]);
    const groupsOf = groupBy(groups, (g) => g.child_id);
    const enrolmentsOf = groupBy(enrolments, (e) => e.child_id);
    const rows: ProposalValues[] = [];
    for (const child of batch) {
      const facts = factsOfChildRow(child, groupsOf.get(child.id) ?? []);
      const current = enrolmentFactsAt(enrolmentsOf.get(child.id) ?? [], today, today);
      for (const p of benefitProposalsOf(facts, today, catalogue, current)) {
        rows.push({
          child_id: child.id,
          unit_id: child.unit_id,
          kind: p.kind,
          rule_code: p.ruleCode,
          enrolment_id: p.enrolmentId,
          effective_from: p.effectiveFrom,
          amount_vnd: p.amountVnd,
          reason_vi: p.reasonVi,
          reason_en: p.reasonEn,
          dedupe_key: `${child.id}:${p.dedupeKey}`,
        });
      }
    }
    for (let i = 0; i < rows.length; i += 500)
      created += await repo.insertProposals(db, rows.slice(i, i + 500));
    children += batch.length;
    after = batch.at(-1)!.id;
    if (batch.length < BATCH) break;
  }
  return { children, created };
}

export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

/** The API form of a stored proposal. */
function toProposal(r: ProposalRow, rules: Map<string, BenefitRule>): BenefitProposal {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    childId: r.child_id,
    childName: r.child_name,
    unitCode: r.unit_code,
    ruleCode: r.rule_code,
    ruleName: rules.get(r.rule_code)?.nameVi ?? r.rule_code,
    enrolmentId: r.enrolment_id,
    effectiveFrom: r.effective_from,
    amountVnd: r.amount_vnd === null ? null : Number(r.amount_vnd),
    reasonVi: r.reason_vi,
    reasonEn: r.reason_en,
    createdAt: r.created_at.toISOString(),
  };
}

export type ProposalQuery = {
  unit?: string | undefined;
  status?: 'open' | 'confirmed' | 'dismissed' | undefined;
  limit: number;
};

/** The proposals of the caller's subtree: list, dismiss, and run the job for a unit now. */
export class ProposalsService {
  private readonly repo: BenefitsRepo;

  constructor(private readonly ctx: AppContext) {
    this.repo = new BenefitsRepo(ctx.db);
  }

  private async unitPathOf(actor: Actor, code: string | undefined): Promise<string> {
    if (!code) return (await findUnitById(this.ctx.db, actor.unitId)).path;
    const unit = await findUnitByCode(this.ctx.db, code);
    if (!unit || !isInScope(actor, unit.path)) throw notFound();
    return unit.path;
  }

  /** Proposals of a unit of the caller's subtree, earliest change first. */
  async listProposals(actor: Actor, query: ProposalQuery): Promise<BenefitProposalList> {
    const unitPath = await this.unitPathOf(actor, query.unit);
    const filter = { unitPath, ...(query.status ? { status: query.status } : {}) };
    const [rows, total] = await Promise.all([
      this.repo.listProposals(this.ctx.db, actor, { ...filter, limit: query.limit }),
      this.repo.countProposals(actor, filter),
    ]);
    const rules = latestRuleByCode(await loadBenefitCatalogue(this.ctx.db));
    return {
      items: rows.map((r) => toProposal(r, rules)),
      total,
    };
  }

  /** Sets an open proposal aside with the officer's reason; it is not proposed again. */
  async dismissProposal(
    actor: Actor,
    id: string,
    reason: string,
    meta: RequestMeta,
  ): Promise<BenefitProposal> {
    if (!canManageEnrolments(actor)) throw forbidden();
    const [found] = await this.repo.listProposals(this.ctx.db, actor, { id });
    if (!found) throw notFound();
    await this.ctx.db.transaction().execute(async (tx) => {
      const proposal = await this.repo.findOpenProposalForUpdate(tx, id);
      if (proposal?.status !== 'open')
        throw new AppError(409, 'benefit_conflict', {
          reason: meta.lang === 'en' ? 'The proposal is closed already.' : 'Đề xuất đã được xử lý.',
        });
      await this.repo.closeProposal(tx, id, { status: 'dismissed', userId: actor.userId, note: reason });
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'benefit.proposal.dismiss',
          entityType: 'benefit_proposal',
          entityId: id,
          unitId: proposal.unit_id,
          before: { status: 'open' },
          after: { status: 'dismissed' },
          details: { childId: proposal.child_id, ruleCode: proposal.rule_code, kind: proposal.kind },
        },
      );
    });
    const [row] = await this.repo.listProposals(this.ctx.db, actor, { id });
    if (!row) throw notFound();
    return toProposal(row, latestRuleByCode(await loadBenefitCatalogue(this.ctx.db)));
  }

  /** Runs the proposal job now for a unit of the caller's subtree. */
  async generateForUnit(actor: Actor, unitCode: string | undefined, meta: RequestMeta) {
    if (!canManageEnrolments(actor)) throw forbidden();
    const unitPath = await this.unitPathOf(actor, unitCode);
    const result = await generateBenefitProposals(this.ctx.db, vietnamToday(), { unitPath });
    await this.ctx.db.transaction().execute((tx) =>
      writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'benefit.proposal.generate',
          entityType: 'benefit_proposal',
          entityId: null,
          unitId: actor.unitId,
          details: { unitCode: unitCode ?? null, ...result },
        },
      ),
    );
    return result;
  }
}
