import { type CasePartErrorCode, casePartErrorMessages } from '@tuoitho/domain';
import type { Transaction } from 'kysely';
import { logRead } from '../../../platform/audit/audit';
import type { AppContext } from '../../../platform/context';
import type { DB } from '../../../platform/db/schema';
import { AppError, forbidden, notFound } from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import { format } from '../../../platform/i18n/messages';
import { canReadCaseContent, canReadCaseWithReason, isCaseParticipant } from '../cases.policy';
import { type CaseRow, CasesRepo } from '../cases.repo';

type Exec = AppContext['db'] | Transaction<DB>;

/** What of a case is read, as entity type of the read log: the case itself or one of its parts. */
export type CasePartName = 'child_case' | 'case_people' | 'case_referrals' | 'case_placements';

/** 422 with a rule of the case parts in the caller's language. */
export function casePartProblem(
  code: CasePartErrorCode,
  meta: RequestMeta,
  params: Record<string, string> = {},
): AppError {
  return new AppError(422, 'case_part_rule', {
    reason: format(casePartErrorMessages[code][meta.lang], params),
    rule: code,
  });
}

/**
 * The access rules of a case's parts, the same as for its narrative: outside the caller's
 * subtree the case does not exist (404); reading needs `cases.content.read` and a part in the
 * case, and is logged; changing needs `cases.write` or `cases.approve` and a part in the case.
 */
export class CaseAccess {
  private readonly cases: CasesRepo;

  constructor(ctx: AppContext) {
    this.cases = new CasesRepo(ctx.db);
  }

  /**
   * The case, for a read of its content (history) or of one of its parts. Participants read; a province officer who does
   * not take part reads after giving `readReason`. Each read goes to the read log with the part
   * read as entity type (`case_people`, `case_referrals`, `case_placements`) and the case id.
   */
  async forRead(
    exec: Exec,
    actor: Actor,
    caseId: string,
    meta: RequestMeta,
    part: CasePartName,
    readReason?: string,
  ): Promise<CaseRow> {
    const row = await this.cases.findInScope(exec, actor, caseId);
    if (!row) throw notFound();
    const isMember = await this.cases.isMember(exec, caseId, actor.userId);
    const isReader = canReadCaseContent(actor, row, isMember);
    if (!isReader && !(readReason && canReadCaseWithReason(actor, row, isMember))) throw forbidden();
    await logRead(exec, actor, meta, {
      entityType: part,
      entityId: caseId,
      reason: isReader ? null : (readReason ?? null),
    });
    return row;
  }

  /**
   * The case, for a change of one of its parts. The answer shows the part's content, so the
   * caller must also be allowed to read content. `lockCase` serialises changes that check the
   * other parts of the case first (one current placement).
   */
  async forWrite(
    tx: Transaction<DB>,
    actor: Actor,
    caseId: string,
    opts: { lockCase?: boolean } = {},
  ): Promise<CaseRow> {
    const canWrite = actor.permissions.has('cases.write') || actor.permissions.has('cases.approve');
    if (!canWrite) throw forbidden();
    const row = await this.cases.findInScope(tx, actor, caseId, { forUpdate: opts.lockCase ?? false });
    if (!row) throw notFound();
    const isMember = await this.cases.isMember(tx, caseId, actor.userId);
    if (!isCaseParticipant(actor, row, isMember) || !canReadCaseContent(actor, row, isMember)) {
      throw forbidden();
    }
    return row;
  }

  /** A registered child of the caller's subtree (for a person of role `child`). */
  findChildInScope(exec: Exec, actor: Actor, id: string) {
    return this.cases.findChildInScope(exec, actor, id);
  }
}
