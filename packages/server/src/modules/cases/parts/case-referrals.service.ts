import {
  type CaseReferral,
  type CaseReferralList,
  type CreateReferralRequest,
  canMoveReferral,
  formatVnDateTime,
  type ReferralStatusRequest,
  referralTransitions,
  type ServiceProviderKind,
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

/** Referrals of a case to providers of the directory, with their append-only history. */
export class CaseReferralsService {
  private readonly repo = new CasePartsRepo();
  private readonly providers: ProvidersRepo;
  private readonly access: CaseAccess;

  constructor(private readonly ctx: AppContext) {
    this.providers = new ProvidersRepo(ctx.db);
    this.access = new CaseAccess(ctx);
  }

  /** The referrals of a case with their events; the read is logged (with the reason of a province officer). */
  async listReferrals(
    actor: Actor,
    caseId: string,
    meta: RequestMeta,
    readReason?: string,
  ): Promise<CaseReferralList> {
    await this.access.forRead(this.ctx.db, actor, caseId, meta, 'case_referrals', readReason);
    return { items: await this.load(this.ctx.db, caseId) };
  }

  /** Refers the child to an active provider of the case's commune or its province. */
  async createReferral(
    actor: Actor,
    caseId: string,
    input: CreateReferralRequest,
    meta: RequestMeta,
  ): Promise<CaseReferral> {
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      const kase = await this.access.forWrite(tx, actor, caseId);
      if (kase.status === 'closed') throw casePartProblem('case_part_case_closed', meta);
      const provider = await this.providers.findUsableFor(tx, input.providerId, kase.unit_path);
      if (!provider) throw invalidField('body.providerId', 'provider_not_found');
      if (!provider.is_active) throw casePartProblem('provider_inactive', meta);
      const referralId = await this.repo.insertReferral(tx, {
        case_id: caseId,
        provider_id: provider.id,
        reason_encrypted: this.ctx.secrets.encrypt(input.reason),
        referred_by: actor.userId,
      });
      await this.repo.insertReferralEvent(tx, {
        referral_id: referralId,
        status: 'pending',
        note_encrypted: null,
        by: actor.userId,
      });
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'case.referral.create',
          entityType: 'case_referral',
          entityId: referralId,
          unitId: kase.unit_id,
          after: { caseId, providerId: provider.id, providerKind: provider.kind, status: 'pending' },
        },
      );
      return referralId;
    });
    return this.getReferral(caseId, id);
  }

  /** Records the provider's answer or the service done: pending→accepted|declined, accepted→done. */
  async changeStatus(
    actor: Actor,
    caseId: string,
    referralId: string,
    input: ReferralStatusRequest,
    meta: RequestMeta,
  ): Promise<CaseReferral> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const kase = await this.access.forWrite(tx, actor, caseId);
      const [referral] = await this.repo.listReferrals(tx, caseId, { id: referralId, forUpdate: true });
      if (!referral) throw notFound();
      if (referral.version !== input.version) throw versionConflict();
      if (!canMoveReferral(referral.status, input.status)) throw casePartProblem('referral_transition', meta);
      await this.repo.setReferralStatus(tx, referralId, input.status, new Date());
      await this.repo.insertReferralEvent(tx, {
        referral_id: referralId,
        status: input.status,
        note_encrypted: input.note ? this.ctx.secrets.encrypt(input.note) : null,
        by: actor.userId,
      });
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'case.referral.status',
          entityType: 'case_referral',
          entityId: referralId,
          unitId: kase.unit_id,
          before: { status: referral.status },
          after: { status: input.status },
          details: { caseId },
        },
      );
    });
    return this.getReferral(caseId, referralId);
  }

  private async getReferral(caseId: string, id: string): Promise<CaseReferral> {
    const [referral] = await this.load(this.ctx.db, caseId, id);
    if (!referral) throw notFound();
    return referral;
  }

  private async load(exec: Exec, caseId: string, id?: string): Promise<CaseReferral[]> {
    const rows = await this.repo.listReferrals(exec, caseId, id ? { id } : {});
    const events = await this.repo.listReferralEvents(
      exec,
      rows.map((row) => row.id),
    );
    return rows.map((row) => ({
      id: row.id,
      provider: {
        id: row.provider_id,
        name: row.provider_name,
        kind: row.provider_kind as ServiceProviderKind,
        phone: row.provider_phone,
        unitName: row.provider_unit_name,
      },
      status: row.status,
      reason: this.ctx.secrets.decrypt(row.reason_encrypted),
      referredAt: formatVnDateTime(row.referred_at),
      referredBy: row.referred_by,
      respondedAt: row.responded_at ? formatVnDateTime(row.responded_at) : null,
      doneAt: row.done_at ? formatVnDateTime(row.done_at) : null,
      version: row.version,
      nextStatuses: [...referralTransitions[row.status]],
      events: events
        .filter((event) => event.referral_id === row.id)
        .map((event) => ({
          status: event.status,
          note: event.note_encrypted ? this.ctx.secrets.decrypt(event.note_encrypted) : null,
          at: formatVnDateTime(event.at),
          byUserId: event.by,
        })),
    }));
  }
}
