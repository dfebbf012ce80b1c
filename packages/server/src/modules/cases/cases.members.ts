import type { AddCaseMemberRequest, CaseMemberList } from '@tuoitho/domain';
import { writeAuditInTx } from '../../platform/audit/audit';
import type { AppContext } from '../../platform/context';
import { forbidden, invalidField, notFound } from '../../platform/http/errors';
import type { Actor, RequestMeta } from '../../platform/http/route';
import { canManageCaseMembers, canReadCaseContent } from './cases.policy';
import { type CaseRow, CasesRepo } from './cases.repo';

/**
 * Members of a case: people the assigned officer or a leader lets read it (a teacher, a health
 * worker, a police officer of the commune). Only users of the adder's subtree can be added.
 */
export class CaseMembersService {
  private readonly repo: CasesRepo;

  constructor(private readonly ctx: AppContext) {
    this.repo = new CasesRepo(ctx.db);
  }

  /** The members of a case, for those who may read its content. */
  async listMembers(actor: Actor, caseId: string): Promise<CaseMemberList> {
    const row = await this.caseInScope(actor, caseId);
    const isMember = await this.repo.isMember(this.ctx.db, caseId, actor.userId);
    if (!canReadCaseContent(actor, row, isMember)) throw forbidden();
    const rows = await this.repo.listMembers(this.ctx.db, caseId);
    return {
      items: rows.map((member) => ({
        userId: member.user_id,
        name: member.name,
        unitName: member.unit_name,
        addedAt: member.added_at.toISOString(),
        addedBy: member.added_by_name,
      })),
    };
  }

  /** Adds a member (idempotent); audit row in the same transaction. */
  async addMember(
    actor: Actor,
    caseId: string,
    input: AddCaseMemberRequest,
    meta: RequestMeta,
  ): Promise<CaseMemberList> {
    const row = await this.caseInScope(actor, caseId);
    if (!canManageCaseMembers(actor, row)) throw forbidden();
    await this.ctx.db.transaction().execute(async (tx) => {
      const user = await this.repo.findActiveUserUnder(tx, input.userId, actor.unitPath);
      if (!user) throw invalidField('body.userId', 'user_not_found');
      if (await this.repo.addMember(tx, caseId, input.userId, actor.userId)) {
        await writeAuditInTx(
          tx,
          { actor, meta },
          {
            action: 'case.member.add',
            entityType: 'child_case',
            entityId: caseId,
            unitId: row.unit_id,
            after: { userId: input.userId },
          },
        );
      }
    });
    return this.listMembers(actor, caseId);
  }

  /** Removes a member; 404 when the user is not one. */
  async removeMember(actor: Actor, caseId: string, userId: string, meta: RequestMeta): Promise<void> {
    const row = await this.caseInScope(actor, caseId);
    if (!canManageCaseMembers(actor, row)) throw forbidden();
    await this.ctx.db.transaction().execute(async (tx) => {
      if (!(await this.repo.removeMember(tx, caseId, userId))) throw notFound();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'case.member.remove',
          entityType: 'child_case',
          entityId: caseId,
          unitId: row.unit_id,
          before: { userId },
        },
      );
    });
  }

  private async caseInScope(actor: Actor, caseId: string): Promise<CaseRow> {
    const row = await this.repo.findInScope(this.ctx.db, actor, caseId);
    if (!row) throw notFound();
    return row;
  }
}
