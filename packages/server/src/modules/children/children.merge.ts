import {
  type Child,
  checkChildRecord,
  circumstancesToMove,
  type MergeChildrenRequest,
  mergeChildRecords,
  vietnamToday,
} from '@tuoitho/domain';
import { sql, type Transaction } from 'kysely';
import { writeAuditInTx } from '../../platform/audit/audit';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError, invalidField, versionConflict } from '../../platform/http/errors';
import type { Actor, RequestMeta } from '../../platform/http/route';
import { ChildrenRepo } from './children.repo';
import { auditView, ChildrenService, recordIssues, transferPending, updateValues } from './children.service';
import { ChildTransferRepo } from './children.transfer.repo';

/** The two records of a merge: `survivorId` is kept, `duplicateId` is merged into it. */
export type ChildMerge = { survivorId: string; duplicateId: string };

/**
 * Called inside the merge's transaction, after the registry's own links moved: a later module
 * (cases, benefits…) re-points the rows that name the duplicate to the survivor, so that a merge
 * loses no link. A hook that throws rolls the whole merge back.
 */
export type ChildMergeHook = (tx: Transaction<DB>, merge: ChildMerge) => Promise<void>;

const mergeHooks = new Set<ChildMergeHook>();

/** Registers a merge hook (once per module, at start); returns the function that removes it. */
export function registerChildMergeHook(hook: ChildMergeHook): () => void {
  mergeHooks.add(hook);
  return () => mergeHooks.delete(hook);
}

/** The registry's own links to a child: re-pointed from the duplicate to the survivor. */
class ChildMergeRepo {
  /** Marks the duplicate merged at the version read; false when it is stale. */
  async markMerged(tx: Transaction<DB>, merge: ChildMerge, version: number, userId: string) {
    const result = await tx
      .updateTable('child')
      .set({
        merged_into: merge.survivorId,
        merged_at: new Date(),
        merged_by: userId,
        updated_at: new Date(),
        updated_by: userId,
        version: sql`version + 1`,
      })
      .where('id', '=', merge.duplicateId)
      .where('version', '=', version)
      .where('merged_into', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Moves the links of the duplicate; returns what moved, for the audit row. */
  async repointLinks(tx: Transaction<DB>, merge: ChildMerge, circumstanceIds: string[]) {
    const { survivorId, duplicateId } = merge;
    // Records merged earlier into the duplicate now point at the survivor (one level, always).
    const earlier = await tx
      .updateTable('child')
      .set({ merged_into: survivorId })
      .where('merged_into', '=', duplicateId)
      .returning('id')
      .execute();
    if (circumstanceIds.length > 0) {
      await tx
        .updateTable('child_special_circumstance')
        .set({ child_id: survivorId })
        .where('id', 'in', circumstanceIds)
        .where('child_id', '=', duplicateId)
        .execute();
    }
    const statusRows = await tx
      .updateTable('child_status_history')
      .set({ child_id: survivorId })
      .where('child_id', '=', duplicateId)
      .returning('id')
      .execute();
    const transfers = await tx
      .updateTable('child_transfer')
      .set({ child_id: survivorId })
      .where('child_id', '=', duplicateId)
      .returning('id')
      .execute();
    return {
      mergedEarlier: earlier.map((r) => r.id),
      statusHistoryRows: statusRows.length,
      transfers: transfers.map((r) => r.id),
    };
  }
}

/**
 * Merging duplicate records of one child: the survivor keeps its id and gains what it lacked; the
 * duplicate stays, marked merged, so both histories and every link are kept.
 */
export class ChildMergeService {
  private readonly repo: ChildrenRepo;
  private readonly merges: ChildMergeRepo;
  private readonly transfers: ChildTransferRepo;
  private readonly children: ChildrenService;

  constructor(private readonly ctx: AppContext) {
    this.repo = new ChildrenRepo(ctx.db);
    this.merges = new ChildMergeRepo();
    this.transfers = new ChildTransferRepo(ctx.db);
    this.children = new ChildrenService(ctx);
  }

  /**
   * Merges `duplicateId` into `survivorId` (both in the caller's subtree, neither merged, at the
   * versions read, no transfer pending), in one transaction with the hooks and two audit rows.
   */
  async mergeChildren(
    actor: Actor,
    survivorId: string,
    input: MergeChildrenRequest,
    meta: RequestMeta,
  ): Promise<Child> {
    if (survivorId === input.duplicateId) throw new AppError(400, 'merge_same_child');
    const merge: ChildMerge = { survivorId, duplicateId: input.duplicateId };
    return this.ctx.db.transaction().execute(async (tx) => {
      // Lock both rows in id order, so two merges of the same pair cannot deadlock.
      const [first, second] = [survivorId, input.duplicateId].sort();
      const locked = new Map<string, Awaited<ReturnType<ChildrenService['lockForChange']>>>();
      for (const id of [first, second] as string[])
        locked.set(id, await this.children.lockForChange(tx, actor, id));
      const survivorRow = locked.get(survivorId);
      const duplicateRow = locked.get(input.duplicateId);
      if (!survivorRow || !duplicateRow) throw new Error('merge: rows not locked');
      if (survivorRow.version !== input.version || duplicateRow.version !== input.duplicateVersion) {
        throw versionConflict();
      }
      if (
        (await this.transfers.hasPending(tx, survivorId)) ||
        (await this.transfers.hasPending(tx, input.duplicateId))
      ) {
        throw transferPending();
      }
      if (
        survivorRow.personal_id &&
        duplicateRow.personal_id &&
        survivorRow.personal_id !== duplicateRow.personal_id
      ) {
        throw invalidField('body.duplicateId', 'merge_personal_id_differs', 409);
      }
      const survivor = await this.children.load(tx, actor, survivorId);
      const duplicate = await this.children.load(tx, actor, input.duplicateId);
      const parts = mergeChildRecords(survivor, duplicate);
      const { move, keep } = circumstancesToMove(
        survivor.specialCircumstances,
        duplicate.specialCircumstances,
      );
      const movedGroups = duplicate.specialCircumstances.filter((s) => move.includes(s.id));
      const issues = checkChildRecord(
        {
          sex: survivor.sex,
          dateOfBirth: parts.dateOfBirth ?? survivor.dateOfBirth,
          personalId: parts.personalId !== undefined ? parts.personalId : survivor.personalId,
          birthRegistration: parts.birthRegistration ?? survivor.birthRegistration,
          health: parts.health ?? survivor.health,
          specialCircumstances: [...survivor.specialCircumstances, ...movedGroups],
        },
        vietnamToday(),
      );
      if (issues.length > 0) throw recordIssues(issues, meta);

      // The duplicate leaves the unique personal id index first, so the survivor may take its id.
      if (!(await this.merges.markMerged(tx, merge, input.duplicateVersion, actor.userId)))
        throw versionConflict();
      const moved = await this.merges.repointLinks(tx, merge, move);
      for (const hook of mergeHooks) await hook(tx, merge);
      const values = updateValues({ version: input.version, ...parts }, survivor);
      if (!(await this.repo.update(tx, survivorId, input.version, values, actor.userId)))
        throw versionConflict();

      const after = await this.children.load(tx, actor, survivorId);
      const details = {
        survivorId,
        duplicateId: input.duplicateId,
        filledFields: Object.keys(parts),
        movedCircumstances: move,
        keptOnDuplicate: keep,
        ...moved,
      };
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'child.merge',
          entityType: 'child',
          entityId: survivorId,
          unitId: survivorRow.unit_id,
          before: auditView(survivor),
          after: auditView(after),
          details,
        },
      );
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'child.merge',
          entityType: 'child',
          entityId: input.duplicateId,
          unitId: duplicateRow.unit_id,
          before: { mergedInto: null },
          after: { mergedInto: survivorId },
          details,
        },
      );
      return after;
    });
  }
}
