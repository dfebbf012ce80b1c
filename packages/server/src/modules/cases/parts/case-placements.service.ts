import {
  Art63Conditions,
  type CasePlacement,
  type CasePlacementList,
  type CreatePlacementRequest,
  type EndPlacementRequest,
  formatVnDateTime,
  PlacementCarer,
  type PlacementVisitRequest,
  placementProblem,
  type ServiceProviderKind,
  vietnamToday,
} from '@tuoitho/domain';
import type { Transaction } from 'kysely';
import { writeAuditInTx } from '../../../platform/audit/audit';
import type { AppContext } from '../../../platform/context';
import type { DB } from '../../../platform/db/schema';
import { invalidField, notFound, versionConflict } from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import { CaseAccess, casePartProblem } from './case-access';
import { CasePartsRepo } from './case-parts.repo';
import { ProvidersRepo } from './providers.repo';

type Exec = AppContext['db'] | Transaction<DB>;

/**
 * Alternative care of the child of a case (Luật Trẻ em 2016 Điều 60–63): with relatives, with a
 * non-relative family, or in a social-assistance facility; one current placement at a time.
 */
export class CasePlacementsService {
  private readonly repo = new CasePartsRepo();
  private readonly providers: ProvidersRepo;
  private readonly access: CaseAccess;

  constructor(private readonly ctx: AppContext) {
    this.providers = new ProvidersRepo(ctx.db);
    this.access = new CaseAccess(ctx);
  }

  /** The placements of a case with their visits; the read is logged (with the reason of a province officer). */
  async listPlacements(
    actor: Actor,
    caseId: string,
    meta: RequestMeta,
    readReason?: string,
  ): Promise<CasePlacementList> {
    await this.access.forRead(this.ctx.db, actor, caseId, meta, 'case_placements', readReason);
    return { items: await this.load(this.ctx.db, caseId) };
  }

  /** Starts a placement once its rules hold (facility provider kind, carer and Art. 63 checklist). */
  async createPlacement(
    actor: Actor,
    caseId: string,
    input: CreatePlacementRequest,
    meta: RequestMeta,
  ): Promise<CasePlacement> {
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      const kase = await this.access.forWrite(tx, actor, caseId, { lockCase: true });
      if (kase.status === 'closed') throw casePartProblem('case_part_case_closed', meta);
      let provider: { id: string; kind: ServiceProviderKind } | undefined;
      if (input.providerId) {
        const row = await this.providers.findUsableFor(tx, input.providerId, kase.unit_path);
        if (!row) throw invalidField('body.providerId', 'provider_not_found');
        if (!row.is_active) throw casePartProblem('provider_inactive', meta);
        provider = { id: row.id, kind: row.kind as ServiceProviderKind };
      }
      const problem = placementProblem(input, provider, meta.lang);
      if (problem) throw casePartProblem(problem.code, meta, problem.params);
      if (await this.repo.hasCurrentPlacement(tx, caseId))
        throw casePartProblem('placement_current_exists', meta);
      const isFamily = input.kind !== 'facility';
      const placementId = await this.repo.insertPlacement(tx, {
        case_id: caseId,
        kind: input.kind,
        provider_id: provider?.id ?? null,
        carer_encrypted: input.carer ? this.ctx.secrets.encrypt(JSON.stringify(input.carer)) : null,
        art63: isFamily && input.art63 ? JSON.stringify(input.art63) : null,
        start_date: input.startDate,
        planned_end_date: input.plannedEndDate ?? null,
        created_by: actor.userId,
      });
      // Facts only: the carer stays encrypted; the Art. 63 checklist holds no personal data.
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'case.placement.create',
          entityType: 'case_placement',
          entityId: placementId,
          unitId: kase.unit_id,
          after: {
            caseId,
            kind: input.kind,
            providerId: provider?.id ?? null,
            startDate: input.startDate,
            plannedEndDate: input.plannedEndDate ?? null,
          },
        },
      );
      return placementId;
    });
    return this.getPlacement(caseId, id);
  }

  /** Records a visit to the child during a current placement. */
  async addVisit(
    actor: Actor,
    caseId: string,
    placementId: string,
    input: PlacementVisitRequest,
    meta: RequestMeta,
  ): Promise<CasePlacement> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const kase = await this.access.forWrite(tx, actor, caseId);
      const [placement] = await this.repo.listPlacements(tx, caseId, { id: placementId, forUpdate: true });
      if (!placement) throw notFound();
      if (placement.end_date) throw casePartProblem('placement_ended', meta);
      if (input.visitedOn < placement.start_date || input.visitedOn > vietnamToday()) {
        throw casePartProblem('placement_visit_date', meta);
      }
      const visitId = await this.repo.insertVisit(tx, {
        placement_id: placementId,
        visited_on: input.visitedOn,
        notes_encrypted: this.ctx.secrets.encrypt(input.notes),
        by: actor.userId,
      });
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'case.placement.visit',
          entityType: 'case_placement',
          entityId: placementId,
          unitId: kase.unit_id,
          details: { caseId, visitId, visitedOn: input.visitedOn },
        },
      );
    });
    return this.getPlacement(caseId, placementId);
  }

  /** Ends a current placement at the version read (stale → 409). */
  async endPlacement(
    actor: Actor,
    caseId: string,
    placementId: string,
    input: EndPlacementRequest,
    meta: RequestMeta,
  ): Promise<CasePlacement> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const kase = await this.access.forWrite(tx, actor, caseId);
      const [placement] = await this.repo.listPlacements(tx, caseId, { id: placementId, forUpdate: true });
      if (!placement) throw notFound();
      if (placement.version !== input.version) throw versionConflict();
      if (placement.end_date) throw casePartProblem('placement_ended', meta);
      if (input.endDate < placement.start_date) throw casePartProblem('placement_dates', meta);
      if (input.endDate > vietnamToday()) throw casePartProblem('date_in_future', meta);
      await this.repo.endPlacement(tx, placementId, input.endDate, this.ctx.secrets.encrypt(input.reason));
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'case.placement.end',
          entityType: 'case_placement',
          entityId: placementId,
          unitId: kase.unit_id,
          before: { endDate: null },
          after: { endDate: input.endDate },
          details: { caseId, kind: placement.kind },
        },
      );
    });
    return this.getPlacement(caseId, placementId);
  }

  private async getPlacement(caseId: string, id: string): Promise<CasePlacement> {
    const [placement] = await this.load(this.ctx.db, caseId, id);
    if (!placement) throw notFound();
    return placement;
  }

  private async load(exec: Exec, caseId: string, id?: string): Promise<CasePlacement[]> {
    const rows = await this.repo.listPlacements(exec, caseId, id ? { id } : {});
    const visits = await this.repo.listVisits(
      exec,
      rows.map((row) => row.id),
    );
    const decrypt = (text: string) => this.ctx.secrets.decrypt(text);
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      provider:
        row.provider_id && row.provider_name
          ? { id: row.provider_id, name: row.provider_name, kind: row.provider_kind as ServiceProviderKind }
          : null,
      carer: row.carer_encrypted ? PlacementCarer.parse(JSON.parse(decrypt(row.carer_encrypted))) : null,
      art63: row.art63 ? Art63Conditions.parse(row.art63) : null,
      startDate: row.start_date,
      plannedEndDate: row.planned_end_date,
      endDate: row.end_date,
      endReason: row.end_reason_encrypted ? decrypt(row.end_reason_encrypted) : null,
      isCurrent: row.end_date === null,
      version: row.version,
      visits: visits
        .filter((visit) => visit.placement_id === row.id)
        .map((visit) => ({
          id: visit.id,
          visitedOn: visit.visited_on,
          notes: decrypt(visit.notes_encrypted),
          byUserId: visit.by,
          at: formatVnDateTime(visit.at),
        })),
    }));
  }
}
