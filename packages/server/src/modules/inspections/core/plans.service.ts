import {
  type CreateInspectionPlanRequest,
  type InspectionPlan,
  type InspectionPlanList,
  type InspectionPlanQuery,
  InspectionTopic,
  type UpdateInspectionPlanRequest,
  vietnamToday,
} from '@tuoitho/domain';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { writeAuditInTx } from '../../../platform/audit/audit';
import { isInScope } from '../../../platform/auth/scope';
import type { AppContext } from '../../../platform/context';
import type { DB } from '../../../platform/db/schema';
import {
  AppError,
  type FieldError,
  invalidField,
  notFound,
  outOfScope,
  versionConflict,
} from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import { unitInScope } from '../../programmes/scope';
import { canWrite } from './inspections-core.policy';
import {
  type Exec,
  existingUserIds,
  findPlan,
  insertPlan,
  listPlans,
  listTargets,
  listTeams,
  type PlanCursor,
  type PlanRow,
  planRecommendationCounts,
  replaceTargetsAndTeam,
  unitsByCode,
  updatePlan,
} from './inspections-core.repo';

const Topics = z.array(InspectionTopic);
const encodeCursor = (c: PlanCursor) => Buffer.from(JSON.stringify([c.year, c.id])).toString('base64url');
const CursorValue = z.tuple([z.number().int(), z.uuid()]);

function decodeCursor(cursor: string | undefined): PlanCursor | undefined {
  if (!cursor) return undefined;
  try {
    const [year, id] = CursorValue.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { year, id };
  } catch {
    throw invalidField('query.cursor', 'invalid_cursor');
  }
}

type PlanInput = Omit<CreateInspectionPlanRequest, 'unit'>;

/** Yearly inspection plans: issuing unit, topics, target units with their sessions, the team. */
export class PlansService {
  constructor(private readonly ctx: AppContext) {}

  /** The views of plan rows with targets, team and recommendation counts. */
  private async views(actor: Actor, exec: Exec, rows: PlanRow[]): Promise<InspectionPlan[]> {
    const ids = rows.map((r) => r.id);
    const [targets, team, counts] = await Promise.all([
      listTargets(exec, ids),
      listTeams(exec, ids),
      planRecommendationCounts(exec, ids, vietnamToday()),
    ]);
    return rows.map((r) => ({
      id: r.id,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      year: r.plan_year,
      number: r.number,
      issuedOn: r.issued_on,
      issuingBody: r.issuing_body,
      title: r.title,
      topics: Topics.parse(r.topics),
      description: r.description,
      targets: targets
        .filter((t) => t.plan_id === r.id)
        .map((t) => ({
          unitCode: t.unit_code,
          unitName: t.unit_name,
          plannedFrom: t.planned_from,
          plannedTo: t.planned_to,
          sessionId: t.session_id,
          sessionStatus: t.session_status,
        })),
      team: team
        .filter((m) => m.plan_id === r.id)
        .map((m) => ({
          fullName: m.full_name,
          role: m.role,
          organisation: m.organisation,
          userId: m.user_id,
        })),
      recommendations: counts.get(r.id) ?? { total: 0, done: 0, overdue: 0 },
      canEdit: canWrite(actor, r.unit_path),
      version: r.version,
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
    }));
  }

  /** Plans issued in the caller's subtree or targeting a unit of it, newest year first. */
  async listPlans(actor: Actor, query: InspectionPlanQuery): Promise<InspectionPlanList> {
    const unit = query.unit ? await unitInScope(this.ctx.db, actor, query.unit, 'query.unit') : undefined;
    const rows = await listPlans(this.ctx.db, actor, {
      year: query.year,
      topic: query.topic,
      unitPath: unit?.path,
      after: decodeCursor(query.cursor),
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: await this.views(actor, this.ctx.db, page),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor({ year: last.plan_year, id: last.id }) : null,
    };
  }

  /** A plan the caller may read: issued in their subtree or targeting a unit of it (404 otherwise). */
  async getPlan(actor: Actor, id: string, exec: Exec = this.ctx.db): Promise<InspectionPlan> {
    const row = await findPlan(exec, id);
    if (!row) throw notFound();
    const [view] = await this.views(actor, exec, [row]);
    if (!view || !(isInScope(actor, row.unit_path) || (await this.targetsInScope(exec, actor, id))))
      throw notFound();
    return view;
  }

  private async targetsInScope(exec: Exec, actor: Actor, planId: string): Promise<boolean> {
    return (await listTargets(exec, [planId])).some((t) => isInScope(actor, t.unit_path));
  }

  /**
   * Checks targets (known units, each once, in the issuing unit's subtree, planned dates in
   * order) and team users; 422 naming every wrong field.
   */
  private async checkInput(exec: Exec, issuerPath: string, input: PlanInput) {
    const errors: FieldError[] = [];
    const units = new Map(
      (
        await unitsByCode(
          exec,
          input.targets.map((t) => t.unitCode),
        )
      ).map((u) => [u.code, u]),
    );
    const seen = new Set<string>();
    input.targets.forEach((t, i) => {
      const unit = units.get(t.unitCode);
      if (!unit) errors.push({ path: `body.targets.${i}.unitCode`, code: 'unit_not_found' });
      else if (!isInScope({ unitPath: issuerPath }, unit.path))
        errors.push({ path: `body.targets.${i}.unitCode`, code: 'target_not_in_issuing_unit' });
      else if (seen.has(t.unitCode))
        errors.push({ path: `body.targets.${i}.unitCode`, code: 'target_repeated' });
      seen.add(t.unitCode);
      if (t.plannedFrom && t.plannedTo && t.plannedTo < t.plannedFrom)
        errors.push({ path: `body.targets.${i}.plannedTo`, code: 'planned_to_before_from' });
    });
    const userIds = input.team.map((m) => m.userId).filter((id): id is string => id !== null);
    const users = await existingUserIds(exec, userIds);
    input.team.forEach((m, i) => {
      if (m.userId && !users.has(m.userId))
        errors.push({ path: `body.team.${i}.userId`, code: 'user_not_found' });
    });
    if (errors.length > 0) throw new AppError(422, 'validation', {}, errors);
    return input.targets.map((t) => ({
      unit_id: units.get(t.unitCode)?.id ?? 0,
      planned_from: t.plannedFrom,
      planned_to: t.plannedTo,
    }));
  }

  private async saveParts(
    tx: Transaction<DB>,
    planId: string,
    targets: Awaited<ReturnType<PlansService['checkInput']>>,
    input: PlanInput,
  ) {
    await replaceTargetsAndTeam(
      tx,
      planId,
      targets,
      input.team.map((m) => ({
        full_name: m.fullName,
        role: m.role,
        organisation: m.organisation,
        user_id: m.userId,
      })),
    );
  }

  /** Issues a plan of a unit in the caller's subtree (default the caller's own). */
  async createPlan(
    actor: Actor,
    input: CreateInspectionPlanRequest,
    meta: RequestMeta,
  ): Promise<InspectionPlan> {
    const issuer = await unitInScope(this.ctx.db, actor, input.unit, 'body.unit');
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      const targets = await this.checkInput(tx, issuer.path, input);
      const planId = await insertPlan(tx, {
        ...planValues(input),
        unit_id: issuer.id,
        created_by: actor.userId,
      });
      await this.saveParts(tx, planId, targets, input);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'inspection.plan.create',
          entityType: 'inspection_plan',
          entityId: planId,
          unitId: issuer.id,
          after: auditFacts(input),
        },
      );
      return planId;
    });
    return this.getPlan(actor, id);
  }

  /** Changes a plan; a target where a session was held cannot be removed (409). */
  async updatePlan(
    actor: Actor,
    id: string,
    input: UpdateInspectionPlanRequest,
    meta: RequestMeta,
  ): Promise<InspectionPlan> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const before = await this.getPlan(actor, id, tx);
      const row = await findPlan(tx, id, { forUpdate: true });
      if (!row) throw notFound();
      if (!actor.permissions.has('inspections.write') || !isInScope(actor, row.unit_path)) throw outOfScope();
      if (row.version !== input.version) throw versionConflict();
      const targets = await this.checkInput(tx, row.unit_path, input);
      const kept = new Set(input.targets.map((t) => t.unitCode));
      const lost = before.targets.find((t) => t.sessionId !== null && !kept.has(t.unitCode));
      if (lost) throw new AppError(409, 'inspection_target_has_session', { unit: lost.unitName });
      if (!(await updatePlan(tx, id, input.version, { ...planValues(input), updated_by: actor.userId })))
        throw versionConflict();
      await this.saveParts(tx, id, targets, input);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'inspection.plan.update',
          entityType: 'inspection_plan',
          entityId: id,
          unitId: row.unit_id,
          before: auditFacts({
            ...before,
            targets: before.targets.map((t) => ({
              unitCode: t.unitCode,
              plannedFrom: t.plannedFrom,
              plannedTo: t.plannedTo,
            })),
          }),
          after: auditFacts(input),
        },
      );
    });
    return this.getPlan(actor, id);
  }
}

function planValues(input: PlanInput) {
  return {
    plan_year: input.year,
    number: input.number,
    issued_on: input.issuedOn,
    issuing_body: input.issuingBody,
    title: input.title,
    topics: input.topics,
    description: input.description,
  };
}

function auditFacts(
  p: Pick<
    PlanInput,
    'year' | 'number' | 'issuedOn' | 'issuingBody' | 'title' | 'topics' | 'description' | 'targets' | 'team'
  >,
) {
  return {
    year: p.year,
    number: p.number,
    issuedOn: p.issuedOn,
    issuingBody: p.issuingBody,
    title: p.title,
    topics: p.topics,
    description: p.description,
    targets: p.targets.map((t) => `${t.unitCode} ${t.plannedFrom ?? ''}–${t.plannedTo ?? ''}`),
    team: p.team.map((m) => `${m.role}: ${m.fullName}`),
  };
}
