import {
  birthDateRangeForAges,
  type Child,
  type ChildList,
  type ChildListQuery,
  type ChildStatusChange,
  type CreateChildRequest,
  checkChildRecord,
  classifyDuplicate,
  type DuplicateCandidate,
  foldedWords,
  foldVietnamese,
  MAX_RECORD_AGE,
  recentlyTurned6Range,
  referenceBirthDate,
  type SavedChildFilter,
  scoreDuplicate,
  type UpdateChildRequest,
  validationMessages,
  vietnamToday,
} from '@tuoitho/domain';
import type { Transaction } from 'kysely';
import { writeAuditInTx } from '../../platform/audit/audit';
import { isInScope } from '../../platform/auth/scope';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError, invalidField, notFound, versionConflict } from '../../platform/http/errors';
import { ValidationFailure } from '../../platform/http/problem';
import type { Actor, RequestMeta } from '../../platform/http/route';
import { AuditService } from '../audit/audit.service';
import { UnitsRepo } from '../units/units.repo';
import { toChild, toListItem } from './children.mapping';
import { ChildrenRepo, type ChildSortKey, type ChildValues } from './children.repo';
import { ChildTransferRepo } from './children.transfer.repo';
import type { ChildRepo } from './children.types';
import { childValuesOf, peopleText, specialCircumstanceValuesOf } from './children.values';

/** 409: the record was merged into another; changes go to the survivor. */
export const childMerged = () => new AppError(409, 'child_merged');
/** 409: a transfer of the child to another commune waits for an answer. */
export const transferPending = () => new AppError(409, 'transfer_pending');

type Row = ChildRepo['row'];

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

const SORTS: Record<string, ChildSortKey> = {
  name: { column: 'name_folded', desc: false },
  '-name': { column: 'name_folded', desc: true },
  dateOfBirth: { column: 'birth_reference_date', desc: false },
  '-dateOfBirth': { column: 'birth_reference_date', desc: true },
  createdAt: { column: 'created_at', desc: false },
  '-createdAt': { column: 'created_at', desc: true },
  updatedAt: { column: 'updated_at', desc: false },
  '-updatedAt': { column: 'updated_at', desc: true },
};

const encodeCursor = (value: string[]) => Buffer.from(JSON.stringify(value)).toString('base64url');
function decodeCursor(cursor: string | undefined, meta: RequestMeta, size: number): string[] | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === size &&
      value.every((v) => typeof v === 'string' && !v.includes('\0'))
    ) {
      return value as string[];
    }
  } catch {
    // answered below
  }
  throw new ValidationFailure([
    { path: 'query.cursor', message: meta.lang === 'en' ? 'Invalid cursor' : 'Con trỏ trang không hợp lệ' },
  ]);
}

/** The child registry: register, read, edit, find, check duplicates; always in the caller's subtree. */
export class ChildrenService {
  private readonly repo: ChildrenRepo;
  private readonly units: UnitsRepo;
  private readonly audit: AuditService;
  private readonly transfers: ChildTransferRepo;

  constructor(private readonly ctx: AppContext) {
    this.repo = new ChildrenRepo(ctx.db);
    this.transfers = new ChildTransferRepo(ctx.db);
    this.units = new UnitsRepo(ctx.db);
    this.audit = new AuditService(ctx.db);
  }

  /** The read model of a child of the caller's subtree, a merged record included; 404 otherwise. */
  async load(exec: Transaction<DB> | AppContext['db'], actor: Actor, id: string): Promise<Child> {
    const row = await this.repo.findInScopeWithMerged(exec, actor, id);
    if (!row) throw notFound();
    const groups = await this.repo.listSpecialCircumstances(exec, [row.id]);
    const [pendingTransfer] = await this.transfers.listPending(exec, [row.id]);
    const mergedIntoName = row.merged_into
      ? await this.repo.findNameInScope(exec, actor, row.merged_into)
      : undefined;
    return toChild(actor, row, groups, { pendingTransfer, mergedIntoName });
  }

  /**
   * One child of the caller's subtree; 404 otherwise. A record merged into another still answers
   * (with `mergedInto`), so that old links lead to the survivor.
   */
  getChild(actor: Actor, id: string): Promise<Child> {
    return this.load(this.ctx.db, actor, id);
  }

  /** Locks a child of the caller's subtree for a change: 404 outside it, 409 when merged. */
  async lockForChange(tx: Transaction<DB>, actor: Actor, id: string) {
    const row = await this.repo.findInScopeWithMerged(tx, actor, id, { forUpdate: true });
    if (!row) throw notFound();
    if (row.merged_into) throw childMerged();
    return row;
  }

  /** The commune where a child lives: a current commune-level unit inside the caller's subtree. */
  private async communeOf(actor: Actor, code: string) {
    const unit = await this.units.findByCode(code, vietnamToday());
    if (unit?.level !== 'commune') throw invalidField('body.unitCode', 'unit_not_found');
    if (!isInScope(actor, unit.path)) throw invalidField('body.unitCode', 'unit_out_of_scope', 403);
    return unit;
  }

  private async assertPersonalIdFree(
    tx: Transaction<DB>,
    personalId: string | null | undefined,
    exceptId?: string,
  ) {
    if (personalId && (await this.repo.personalIdTaken(tx, personalId, exceptId))) {
      throw invalidField('body.personalId', 'personal_id_taken', 409);
    }
  }

  /** Registers a child; the audit row carries the whole new record. */
  async createChild(actor: Actor, input: CreateChildRequest, meta: RequestMeta): Promise<Child> {
    const unit = await this.communeOf(actor, input.unitCode);
    const values = childValuesOf(input, unit.id);
    const child = await this.ctx.db.transaction().execute(async (tx) => {
      await this.assertPersonalIdFree(tx, values.personal_id);
      const id = await this.repo.insert(tx, values, actor.userId);
      await this.repo.replaceSpecialCircumstances(
        tx,
        id,
        specialCircumstanceValuesOf(input.specialCircumstances ?? []),
        actor.userId,
      );
      await this.repo.addStatusHistory(tx, id, 'active', null, actor.userId);
      const created = await this.load(tx, actor, id);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'child.create',
          entityType: 'child',
          entityId: id,
          unitId: unit.id,
          after: auditView(created),
        },
      );
      return created;
    });
    return child;
  }

  /** Changes the given parts of a child at the version read; cross-field rules run on the merged record. */
  async updateChild(actor: Actor, id: string, input: UpdateChildRequest, meta: RequestMeta): Promise<Child> {
    return this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.lockForChange(tx, actor, id);
      if (!actor.permissions.has('registry.write')) throw new AppError(403, 'forbidden');
      if (row.version !== input.version) throw versionConflict();
      const before = await this.load(tx, actor, id);
      const merged = {
        sex: input.sex ?? before.sex,
        dateOfBirth: input.dateOfBirth ?? before.dateOfBirth,
        personalId: input.personalId !== undefined ? input.personalId : before.personalId,
        birthRegistration:
          input.birthRegistration !== undefined ? input.birthRegistration : before.birthRegistration,
        health: input.health !== undefined ? input.health : before.health,
        specialCircumstances: input.specialCircumstances ?? before.specialCircumstances,
      };
      const issues = checkChildRecord(merged, vietnamToday());
      if (issues.length > 0) throw recordIssues(issues, meta);
      if (input.personalId) await this.assertPersonalIdFree(tx, input.personalId, id);
      const values = updateValues(input, before);
      if (!(await this.repo.update(tx, id, input.version, values, actor.userId))) throw versionConflict();
      if (input.specialCircumstances !== undefined) {
        await this.repo.replaceSpecialCircumstances(
          tx,
          id,
          specialCircumstanceValuesOf(input.specialCircumstances ?? []),
          actor.userId,
        );
      }
      const after = await this.load(tx, actor, id);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'child.update',
          entityType: 'child',
          entityId: id,
          unitId: row.unit_id,
          before: auditView(before),
          after: auditView(after),
        },
      );
      return after;
    });
  }

  /** Records that a child moved away, died, or is back under follow-up. */
  async changeStatus(
    actor: Actor,
    id: string,
    input: {
      version: number;
      status: 'active' | 'moved_away' | 'deceased';
      reason?: string | null | undefined;
    },
    meta: RequestMeta,
  ): Promise<Child> {
    return this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.lockForChange(tx, actor, id);
      if (row.version !== input.version) throw versionConflict();
      // A child another commune is being asked to take over leaves only through that transfer.
      if (input.status !== row.status && (await this.transfers.hasPending(tx, id))) throw transferPending();
      if (!(await this.repo.setStatus(tx, id, input.version, input.status, actor.userId)))
        throw versionConflict();
      await this.repo.addStatusHistory(tx, id, input.status, input.reason ?? null, actor.userId);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'child.status',
          entityType: 'child',
          entityId: id,
          unitId: row.unit_id,
          before: { status: row.status },
          after: { status: input.status },
          details: { reason: input.reason ?? null },
        },
      );
      return this.load(tx, actor, id);
    });
  }

  /**
   * Status changes and audit entries of a child, newest first. The history follows the child: the
   * entries written while it lived in another commune and those of the records merged into it
   * are included (the child being in the caller's subtree is what authorises the read).
   */
  async getHistory(actor: Actor, id: string) {
    const row = await this.repo.findInScopeWithMerged(this.ctx.db, actor, id);
    if (!row) throw notFound();
    const statusChanges: ChildStatusChange[] = (await this.repo.listStatusHistory(id)).map((h) => ({
      status: h.status as ChildStatusChange['status'],
      changedAt: h.changed_at.toISOString(),
      reason: h.reason,
      changedBy: h.changed_by ? { id: h.changed_by, fullName: h.changed_by_name ?? '' } : null,
    }));
    // The audit trail of the child comes from the audit module.
    const mergedIds = await this.repo.listMergedIds(this.ctx.db, id);
    const childAudit = await this.audit.listEntityEntries('child', [id, ...mergedIds], 200);
    // An imported child has no creation row of its own: the import's row stands for it.
    const importIds = await this.repo.listImportIds(this.ctx.db, [id, ...mergedIds]);
    const imports = (await this.audit.listEntityEntries('child_import', importIds, 50)).filter(
      (e) => e.action === 'child.import',
    );
    const audit = [...childAudit, ...imports].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
    return { statusChanges, audit };
  }

  /** The list filter and order that a list query asks for (shared by the list and the export). */
  async planList(query: Omit<ChildListQuery, 'limit' | 'cursor'>) {
    const at = query.at ?? vietnamToday();
    let unitPath: string | undefined;
    if (query.unit) {
      const unit = await this.units.findByCode(query.unit, at);
      if (!unit) throw invalidField('query.unit', 'unit_not_found');
      unitPath = unit.path;
    }
    const q = query.q?.trim() ?? '';
    const isPersonalId = /^\d{12}$/.test(q.replace(/\s/g, ''));
    const hasAges = query.ageFrom !== undefined || query.ageTo !== undefined;
    const range = hasAges
      ? birthDateRangeForAges(query.ageFrom ?? 0, query.ageTo ?? MAX_RECORD_AGE, at)
      : undefined;
    const groups = query.group?.filter((g) => g !== 'any');
    const risks = query.atRisk?.filter((r) => r !== 'any');
    const filter = {
      words: isPersonalId ? [] : foldedWords(q),
      at,
      ...(isPersonalId ? { personalId: q.replace(/\s/g, '') } : {}),
      ...(unitPath ? { unitPath } : {}),
      ...(range ? { born: range } : {}),
      ...(query.sex ? { sex: query.sex } : {}),
      ...(groups?.length ? { groups } : {}),
      ...(query.group?.includes('any') ? { anyGroup: true } : {}),
      ...(risks?.length ? { atRisk: risks } : {}),
      ...(query.atRisk?.includes('any') ? { anyAtRisk: true } : {}),
      ...(query.schoolStatus ? { schoolStatus: query.schoolStatus } : {}),
      ...(query.disability ? { disability: query.disability } : {}),
      ...(query.turned6 === 'recent' ? { turned6: recentlyTurned6Range(at, query.turned6Days) } : {}),
      status: query.status,
    };
    // Default with a query: relevance (own name first, then by name); otherwise by name.
    const byRelevance = filter.words.length > 0 && (query.sort === undefined || query.sort === 'relevance');
    const base = SORTS[query.sort && query.sort !== 'relevance' ? query.sort : 'name'] ?? SORTS.name!;
    const sort = byRelevance ? { ...base, nameWords: filter.words } : base;
    return { filter, sort, byRelevance, at };
  }

  /** Children of the caller's subtree matching the filters, a page at a time, with the total. */
  async listChildren(actor: Actor, query: ChildListQuery, meta: RequestMeta): Promise<ChildList> {
    const { filter, sort, byRelevance, at } = await this.planList(query);
    const cursor = decodeCursor(query.cursor, meta, byRelevance ? 3 : 2);
    const rows = await this.repo.list(actor, filter, sort, query.limit + 1, cursor);
    const page = rows.slice(0, query.limit);
    const groupsOf = await this.repo.listSpecialCircumstances(
      this.ctx.db,
      page.map((r) => r.id),
    );
    const last = page.at(-1);
    return {
      items: page.map((r) =>
        toListItem(
          r,
          groupsOf.filter((g) => g.child_id === r.id),
          at,
        ),
      ),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor([...(byRelevance ? [String(last.name_miss)] : []), sortValue(last, sort), last.id])
          : null,
      total: await this.repo.count(actor, filter),
    };
  }

  /** Children of the caller's subtree that may be the one being registered, most likely first. */
  async findDuplicates(
    actor: Actor,
    input: CreateChildRequest & { excludeId?: string | undefined },
  ): Promise<DuplicateCandidate[]> {
    const rows = await this.repo.findDuplicateCandidates(actor, {
      nameFolded: foldVietnamese(input.fullName),
      personalId: input.personalId ?? null,
      birthYear: Number(input.dateOfBirth.slice(0, 4)),
      ...(input.excludeId ? { excludeId: input.excludeId } : {}),
    });
    const at = vietnamToday();
    const groups = await this.repo.listSpecialCircumstances(
      this.ctx.db,
      rows.map((r) => r.id),
    );
    const probe = {
      fullName: input.fullName,
      sex: input.sex,
      dateOfBirth: input.dateOfBirth,
      personalId: input.personalId ?? null,
      caregiverNames: (input.caregivers ?? []).map((c) => c.fullName),
      householdHeadName: input.household?.headName ?? null,
      village: input.residence?.village ?? null,
    };
    return rows
      .map((r) => {
        const item = toListItem(
          r,
          groups.filter((g) => g.child_id === r.id),
          at,
        );
        const { score, reasons } = scoreDuplicate(probe, {
          fullName: item.fullName,
          sex: item.sex,
          dateOfBirth: item.dateOfBirth,
          personalId: item.personalId,
          caregiverNames: item.caregiverNames,
          householdHeadName: item.householdHeadName,
          village: item.village,
        });
        return { child: item, score, likelihood: classifyDuplicate(score), reasons };
      })
      .filter((c) => c.likelihood !== 'unlikely')
      .sort((a, b) => b.score - a.score)
      .slice(0, 10);
  }

  /** The caller's saved list filters. */
  async listFilters(actor: Actor): Promise<SavedChildFilter[]> {
    return (await this.repo.listFilters(actor.userId)).map(toSavedFilter);
  }

  /** Saves (or replaces, by name) a list filter of the caller. */
  async saveFilter(actor: Actor, name: string, query: string): Promise<SavedChildFilter> {
    return toSavedFilter(await this.repo.insertFilter(actor.userId, name, query));
  }

  /** Deletes a saved filter of the caller. */
  async deleteFilter(actor: Actor, id: string): Promise<void> {
    if (!(await this.repo.deleteFilter(actor.userId, id))) throw notFound();
  }
}

const toSavedFilter = (f: {
  id: string;
  name: string;
  query: string;
  created_at: Date;
}): SavedChildFilter => ({
  id: f.id,
  name: f.name,
  query: f.query,
  createdAt: f.created_at.toISOString(),
});

function sortValue(row: Row, sort: ChildSortKey): string {
  const value = row[sort.column];
  return value instanceof Date ? value.toISOString() : String(value);
}

/** The columns an update changes: only the parts given; `null` clears a part. */
export function updateValues(input: UpdateChildRequest, before: Child): Partial<ChildValues> {
  const values: Partial<ChildValues> = {};
  if (input.fullName !== undefined) values.full_name = input.fullName;
  if (input.sex !== undefined) values.sex = input.sex;
  if (input.dateOfBirth !== undefined) {
    values.date_of_birth = input.dateOfBirth;
    values.birth_reference_date = referenceBirthDate(input.dateOfBirth);
  }
  if (input.personalId !== undefined) values.personal_id = input.personalId ?? null;
  if (input.ethnicity !== undefined) values.ethnicity = input.ethnicity ?? null;
  if (input.birthRegistration !== undefined) values.birth_registration = json(input.birthRegistration);
  if (input.residence !== undefined) {
    values.village = input.residence?.village ?? null;
    values.address = input.residence?.address ?? null;
  }
  if (input.household !== undefined) values.household = json(input.household);
  if (input.caregivers !== undefined) values.caregivers = JSON.stringify(input.caregivers ?? []);
  if (input.education !== undefined) values.education = json(input.education);
  if (input.health !== undefined) values.health = json(input.health);
  if (input.atRisk !== undefined) values.at_risk = input.atRisk ?? [];
  if (input.note !== undefined) values.note = input.note ?? null;
  if (input.household !== undefined || input.caregivers !== undefined) {
    const household = input.household !== undefined ? input.household : before.household;
    const caregivers = input.caregivers !== undefined ? (input.caregivers ?? []) : before.caregivers;
    values.people = peopleText(household, caregivers);
  }
  return values;
}

/** The audited view of a child: the record without computed fields. */
export function auditView(child: Child): Record<string, unknown> {
  const {
    abilities: _a,
    ageYears: _y,
    updatedAt: _u,
    version: _v,
    pendingTransfer: _p,
    mergedInto: _m,
    ...rest
  } = child;
  return rest;
}

/** The broken cross-field rules of a record as a 400 with translated field messages. */
export function recordIssues(
  issues: Array<{ path: Array<string | number>; message: string }>,
  meta: RequestMeta,
) {
  return new ValidationFailure(
    issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: translateKey(i.message, meta) })),
  );
}

function translateKey(key: string, meta: RequestMeta) {
  return validationMessages[key]?.[meta.lang] ?? key;
}
