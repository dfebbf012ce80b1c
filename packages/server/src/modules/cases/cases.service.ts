import {
  allowedActions,
  applyAction,
  type Case,
  CaseAction,
  type CaseActionRequest,
  type CaseHistory,
  type CaseList,
  type CaseListItem,
  type CaseListQuery,
  type CaseQueue,
  type CaseReadQuery,
  type CaseRole,
  CaseRuleError,
  type CaseState,
  type CreateCaseRequest,
  caseErrorMessages,
  clocksAt,
  createHolidayCalendar,
  defaultHolidayYear,
  foldedWords,
  formatVnDateTime,
  type HolidayCalendar,
  referenceBirthDate,
  replayCase,
  vietnamToday,
  vnDateOf,
} from '@tuoitho/domain';
import type { Transaction } from 'kysely';
import { logRead, writeAuditInTx } from '../../platform/audit/audit';
import { isInScope } from '../../platform/auth/scope';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError, forbidden, invalidField, notFound, versionConflict } from '../../platform/http/errors';
import { ValidationFailure } from '../../platform/http/problem';
import type { Actor, RequestMeta } from '../../platform/http/route';
import { ChildrenRepo } from '../children/children.repo';
import { loadHolidayCalendar } from '../holidays/holidays.service';
import { notifyCaseEvent } from '../notifications/notifications.alerts';
import { UnitsRepo } from '../units/units.repo';
import {
  canManageCaseMembers,
  canReadCaseContent,
  canReadCaseWithReason,
  caseRolesOf,
  isCaseParticipant,
  roleForAction,
} from './cases.policy';
import { type CaseListFilter, type CaseRow, CasesRepo, type OpenDeadline } from './cases.repo';
import { CaseAccess } from './parts/case-access';

type Exec = AppContext['db'] | Transaction<DB>;

/** The working-day calendar around a case: default holidays of the years next to its report. */
export function calendarAround(receivedAt: Date): HolidayCalendar {
  const year = Number(vnDateOf(receivedAt).slice(0, 4));
  return createHolidayCalendar([year - 1, year, year + 1].map((y) => defaultHolidayYear(y)));
}

/**
 * The calendar of a case's clocks: the holiday years an administrator stored (from the report's
 * year before to next year) replace the default rules; other years follow the defaults.
 */
export async function loadCaseCalendar(exec: Exec, receivedAt: Date): Promise<HolidayCalendar> {
  const from = Number(vnDateOf(receivedAt).slice(0, 4)) - 1;
  const to = Math.max(from + 2, Number(vietnamToday().slice(0, 4)) + 1);
  return loadHolidayCalendar(
    exec,
    Array.from({ length: to - from + 1 }, (_, i) => from + i),
  );
}

/** The running clocks of a state, as kept on the case row for queues and alerts. */
export function openDeadlinesOf(state: CaseState): OpenDeadline[] {
  return state.clocks
    .filter((clock) => clock.completedAt === null && clock.stoppedAt === null)
    .map((clock) => ({
      clockId: clock.id,
      step: clock.step,
      dueAt: clock.dueAt,
      dueSoonHours: clock.dueSoonHours,
    }));
}

const CASE_NOTIFY_JOB = 'cases.notify';
type CaseNotifyJob = Parameters<typeof notifyCaseEvent>[1];

/** The notification an action gives rise to, if any. */
function caseEventOf(action: CaseAction): CaseNotifyJob['type'] | undefined {
  switch (action.type) {
    case 'plan_submitted':
    case 'plan_approved':
    case 'plan_rejected':
    case 'assigned':
      return action.type;
    case 'review':
      return action.decision === 'close' ? 'closure_proposed' : undefined;
    default:
      return undefined;
  }
}

const CASE_NUMBER = /^VV-\d{4}-\d{1,6}$/i;

/** 422 with the rule's message in the caller's language (from the domain's `caseErrorMessages`). */
function caseRuleProblem(error: CaseRuleError, meta: RequestMeta): AppError {
  const message = caseErrorMessages[error.code] ?? caseErrorMessages.case_invalid_action;
  return new AppError(422, 'case_rule', { reason: message[meta.lang], rule: error.code });
}

/** Case management: open a case from a report, read it, record the actions of the process. */
export class CasesService {
  private readonly repo: CasesRepo;
  private readonly children: ChildrenRepo;
  private readonly units: UnitsRepo;

  constructor(private readonly ctx: AppContext) {
    this.repo = new CasesRepo(ctx.db);
    this.children = new ChildrenRepo(ctx.db);
    this.units = new UnitsRepo(ctx.db);
    // Notifications of an action are a durable job enqueued in the action's transaction, so they
    // are sent only if it commits, and retried if sending fails.
    ctx.jobs.register<CaseNotifyJob, number>({
      kind: CASE_NOTIFY_JOB,
      run: ({ input }) => notifyCaseEvent(ctx.db, input),
    });
  }

  /** Opens a case (form 01) for a registered child or a new one, whose record is created alongside. */
  async createCase(actor: Actor, input: CreateCaseRequest, meta: RequestMeta): Promise<Case> {
    const unit = await this.units.findByCode(input.unitCode, vietnamToday());
    if (unit?.level !== 'commune') throw invalidField('body.unitCode', 'unit_not_found');
    if (!isInScope(actor, unit.path)) throw invalidField('body.unitCode', 'unit_out_of_scope', 403);
    const receivedAt = new Date(input.receivedAt);
    const now = new Date();
    if (receivedAt.getTime() > now.getTime()) throw invalidField('body.receivedAt', 'received_in_future');
    const calendar = await loadCaseCalendar(this.ctx.db, receivedAt);
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      const childId = await this.childForCase(tx, actor, input, unit.id, meta);
      const intake = CaseAction.parse({
        type: 'intake',
        at: formatVnDateTime(now),
        by: { userId: actor.userId, role: 'officer' },
        receivedAt: formatVnDateTime(receivedAt),
        channel: input.source,
        concernTypes: input.concerns,
        urgency: input.urgency,
        childId,
        summary: input.summary,
      });
      const state = this.apply(undefined, intake, calendar, meta);
      const year = Number(vnDateOf(receivedAt).slice(0, 4));
      const seq = await this.repo.nextCaseSeq(tx, unit.id, year);
      const number = `VV-${year}-${String(seq).padStart(4, '0')}`;
      const caseId = await this.repo.insertCase(tx, {
        unit_id: unit.id,
        child_id: childId,
        case_year: year,
        case_seq: seq,
        case_number: number,
        source: input.source,
        concerns: input.concerns,
        urgency: input.urgency,
        received_at: receivedAt,
        status: state.status,
        protection_level: state.protectionLevel,
        assigned_officer_id: actor.userId,
        open_deadlines: openDeadlinesOf(state),
        summary_encrypted: this.ctx.secrets.encrypt(input.summary),
        reporter_encrypted: input.reporter ? this.ctx.secrets.encrypt(input.reporter) : null,
        created_by: actor.userId,
      });
      await this.repo.insertAction(tx, {
        case_id: caseId,
        seq: 1,
        type: 'intake',
        occurred_at: now,
        by_user_id: actor.userId,
        role: 'officer',
        payload_encrypted: this.ctx.secrets.encrypt(JSON.stringify(intake)),
      });
      // The audit row names the facts, never the narrative (summary, reporter stay encrypted).
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'case.create',
          entityType: 'child_case',
          entityId: caseId,
          unitId: unit.id,
          after: {
            number,
            childId,
            status: state.status,
            source: input.source,
            concerns: input.concerns,
            urgency: input.urgency,
            receivedAt: input.receivedAt,
          },
          details: { seq: 1, type: 'intake' },
        },
      );
      return caseId;
    });
    return this.getCase(actor, id, meta);
  }

  /**
   * One case of the caller's subtree (404 otherwise); reading its narrative is logged, with the
   * reason a province officer gives (`readReason`).
   */
  async getCase(actor: Actor, id: string, meta: RequestMeta, query: CaseReadQuery = {}): Promise<Case> {
    return this.load(this.ctx.db, actor, id, meta, query.readReason);
  }

  /** The actions of a case, decrypted, for those who may read its content. */
  async getHistory(
    actor: Actor,
    id: string,
    meta: RequestMeta,
    query: CaseReadQuery = {},
  ): Promise<CaseHistory> {
    await new CaseAccess(this.ctx).forRead(this.ctx.db, actor, id, meta, 'child_case', query.readReason);
    const rows = await this.repo.listActions(this.ctx.db, id);
    return {
      items: rows.map((action) => {
        const parsed = CaseAction.parse(JSON.parse(this.ctx.secrets.decrypt(action.payload_encrypted)));
        return {
          seq: action.seq,
          type: parsed.type,
          at: parsed.at,
          role: action.role,
          byName: action.by_name,
          action: parsed,
        };
      }),
    };
  }

  /** The caller's work: assigned cases, clocks due soon or overdue, plans and closings to approve. */
  async getQueue(actor: Actor): Promise<CaseQueue> {
    const open = { isOpen: true } as const;
    const isLeader = actor.permissions.has('cases.approve');
    const lists = await Promise.all([
      this.queueList(actor, { ...open, assigneeId: actor.userId }),
      this.queueList(actor, { ...open, due: 'due_soon' }),
      this.queueList(actor, { ...open, due: 'overdue' }),
      isLeader ? this.queueList(actor, { ...open, isAwaitingApproval: true }) : { items: [], total: 0 },
    ]);
    const [mine, dueSoon, overdue, awaiting] = lists;
    return {
      mine: mine.items,
      dueSoon: dueSoon.items,
      overdue: overdue.items,
      awaitingMyApproval: awaiting.items,
      counts: {
        mine: mine.total,
        dueSoon: dueSoon.total,
        overdue: overdue.total,
        awaitingMyApproval: awaiting.total,
      },
    };
  }

  private async queueList(actor: Actor, filter: CaseListFilter) {
    const { rows, total } = await this.repo.list(actor, filter, { limit: 50, order: 'due' });
    const items = await Promise.all(
      rows
        .slice(0, 50)
        .map(async (row) => this.toListItem(row, await this.stateOf(this.ctx.db, row), row.is_participant)),
    );
    return { items, total };
  }

  /** The caller's cases, newest report first, without narratives. */
  async listCases(actor: Actor, query: CaseListQuery, meta: RequestMeta): Promise<CaseList> {
    let unitPath: string | undefined;
    if (query.unit) {
      const unit = await this.units.findByCode(query.unit, vietnamToday());
      if (!unit) throw invalidField('query.unit', 'unit_not_found');
      unitPath = unit.path;
    }
    const after = decodeCursor(query.cursor, meta);
    const text = query.q?.trim();
    const { rows, total } = await this.repo.list(
      actor,
      {
        status: query.status,
        unitPath,
        words: text ? foldedWords(text) : undefined,
        caseNumber: text && CASE_NUMBER.test(text) ? text.toUpperCase() : undefined,
        childId: query.childId,
        assigneeId: query.assignee === 'me' ? actor.userId : undefined,
        due: query.due,
        isOpen: query.open === undefined ? undefined : query.open === 'true',
      },
      { limit: query.limit, after, order: 'received' },
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const items = await Promise.all(
      page.map(async (row) => this.toListItem(row, await this.stateOf(this.ctx.db, row), row.is_participant)),
    );
    return {
      items,
      total,
      nextCursor:
        rows.length > query.limit && last
          ? Buffer.from(JSON.stringify([last.received_at.toISOString(), last.id])).toString('base64url')
          : null,
    };
  }

  /** Records an action at the version read; officer actions need `cases.write`, leader ones `cases.approve`. */
  async recordAction(actor: Actor, id: string, input: CaseActionRequest, meta: RequestMeta): Promise<Case> {
    const role = roleForAction(actor, input.type);
    if (caseRolesOf(actor).length === 0) throw forbidden();
    let notify = false;
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.repo.findInScope(tx, actor, id, { forUpdate: true });
      if (!row) throw notFound();
      if (!role) throw forbidden();
      if (!isCaseParticipant(actor, row, await this.repo.isMember(tx, id, actor.userId))) throw forbidden();
      if (row.version !== input.version) throw versionConflict();
      const { version: _version, ...payload } = input;
      const now = new Date();
      const parsed = CaseAction.safeParse({
        ...payload,
        at: formatVnDateTime(now),
        by: { userId: actor.userId, role },
      });
      if (!parsed.success) {
        throw new ValidationFailure(
          parsed.error.issues.map((issue) => ({
            path: ['body', ...issue.path.map(String)].join('.'),
            message:
              caseErrorMessages[issue.message as keyof typeof caseErrorMessages]?.[meta.lang] ??
              issue.message,
          })),
        );
      }
      const action = parsed.data;
      const actions = await this.readActions(tx, id);
      const calendar = await loadCaseCalendar(tx, row.received_at);
      const before = replayCase(actions, calendar);
      const after = this.apply(before, action, calendar, meta);
      const seq = actions.length + 1;
      await this.repo.insertAction(tx, {
        case_id: id,
        seq,
        type: action.type,
        occurred_at: now,
        by_user_id: actor.userId,
        role,
        payload_encrypted: this.ctx.secrets.encrypt(JSON.stringify(action)),
      });
      const assignee = action.type === 'assigned' ? action.assigneeId : row.assigned_officer_id;
      await this.repo.updateDerived(tx, id, {
        status: after.status,
        protection_level: after.protectionLevel,
        assigned_officer_id: assignee,
        open_deadlines: openDeadlinesOf(after),
      });
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'case.action',
          entityType: 'child_case',
          entityId: id,
          unitId: row.unit_id,
          before: { status: before.status, protectionLevel: before.protectionLevel },
          after: { status: after.status, protectionLevel: after.protectionLevel },
          details: { seq, type: action.type, role },
        },
      );
      const event = caseEventOf(action);
      if (event) {
        await this.ctx.jobs.enqueue(tx, {
          kind: CASE_NOTIFY_JOB,
          input: {
            caseId: id,
            type: event,
            actorId: actor.userId,
            eventKey: `${id}:${seq}`,
          } satisfies CaseNotifyJob,
          unitId: row.unit_id,
          createdBy: actor.userId,
        });
        notify = true;
      }
    });
    if (notify) this.ctx.jobs.wake();
    return this.load(this.ctx.db, actor, id, meta);
  }

  private apply(
    state: CaseState | undefined,
    action: CaseAction,
    calendar: HolidayCalendar,
    meta: RequestMeta,
  ): CaseState {
    try {
      return applyAction(state, action, calendar);
    } catch (error) {
      if (error instanceof CaseRuleError) throw caseRuleProblem(error, meta);
      throw error;
    }
  }

  /** The child of a new case: a registered one of the subtree, or a new record in the case's commune. */
  private async childForCase(
    tx: Transaction<DB>,
    actor: Actor,
    input: CreateCaseRequest,
    unitId: number,
    meta: RequestMeta,
  ): Promise<string> {
    if (input.childId) {
      const child = await this.repo.findChildInScope(tx, actor, input.childId);
      if (!child) throw invalidField('body.childId', 'child_not_found');
      return child.id;
    }
    const child = input.child;
    if (!child) throw invalidField('body.childId', 'child_not_found');
    const childId = await this.children.insert(
      tx,
      {
        unit_id: unitId,
        full_name: child.fullName,
        sex: child.sex,
        date_of_birth: child.dateOfBirth,
        birth_reference_date: referenceBirthDate(child.dateOfBirth),
        personal_id: null,
        ethnicity: null,
        birth_registration: null,
        village: null,
        address: null,
        household: null,
        caregivers: '[]',
        education: null,
        health: null,
        at_risk: [],
        people: '',
        note: null,
      },
      actor.userId,
    );
    await this.children.addStatusHistory(tx, childId, 'active', null, actor.userId);
    await writeAuditInTx(
      tx,
      { actor, meta },
      {
        action: 'child.create',
        entityType: 'child',
        entityId: childId,
        unitId,
        after: { fullName: child.fullName, sex: child.sex, dateOfBirth: child.dateOfBirth },
        details: { via: 'case_intake' },
      },
    );
    return childId;
  }

  private async readActions(exec: Exec, caseId: string): Promise<CaseAction[]> {
    const rows = await this.repo.listActions(exec, caseId);
    return rows.map((row) => CaseAction.parse(JSON.parse(this.ctx.secrets.decrypt(row.payload_encrypted))));
  }

  private async stateOf(exec: Exec, row: CaseRow): Promise<CaseState> {
    return replayCase(await this.readActions(exec, row.id), await loadCaseCalendar(exec, row.received_at));
  }

  private toListItem(row: CaseRow, state: CaseState, isParticipant: boolean): CaseListItem {
    const now = new Date();
    return {
      id: row.id,
      number: row.case_number,
      version: row.version,
      status: state.status,
      unitCode: row.unit_code,
      unitName: row.unit_name,
      child: isParticipant
        ? {
            id: row.child_id,
            fullName: row.child_name,
            dateOfBirth: row.child_date_of_birth,
            isMasked: false,
          }
        : {
            id: row.child_id,
            fullName: initialsOf(row.child_name),
            dateOfBirth: row.child_date_of_birth.slice(0, 4),
            isMasked: true,
          },
      source: state.channel,
      concerns: state.concernTypes,
      urgency: state.urgency,
      receivedAt: state.receivedAt,
      protectionLevel: state.protectionLevel,
      deadlines: clocksAt(state, now).map((clock) => ({
        step: clock.step,
        dueAt: clock.dueAt,
        originalDueAt: clock.originalDueAt,
        state: clock.state,
        startedAt: clock.startedAt,
        completedAt: clock.completedAt,
        stoppedAt: clock.stoppedAt,
        extensions: clock.extensions,
        verified: clock.verified,
        legalRef: clock.legalRef,
      })),
      assignee:
        row.assigned_officer_id && row.assignee_name
          ? { id: row.assigned_officer_id, name: row.assignee_name }
          : null,
      nextDueAt: row.next_due_at ? formatVnDateTime(row.next_due_at) : null,
    };
  }

  private async load(
    exec: Exec,
    actor: Actor,
    id: string,
    meta: RequestMeta,
    readReason?: string,
  ): Promise<Case> {
    const row = await this.repo.findInScope(exec, actor, id);
    if (!row) throw notFound();
    const state = await this.stateOf(exec, row);
    const isMember = await this.repo.isMember(exec, id, actor.userId);
    const isReader = canReadCaseContent(actor, row, isMember);
    const canReadWithReason = canReadCaseWithReason(actor, row, isMember);
    if (readReason && !isReader && !canReadWithReason) throw forbidden();
    const canReadContent = isReader || (canReadWithReason && readReason !== undefined);
    const roles: CaseRole[] = isCaseParticipant(actor, row, isMember) ? caseRolesOf(actor) : [];
    const allowed = [...new Set(roles.flatMap((role) => allowedActions(state, role)))];
    if (canReadContent) {
      await logRead(exec, actor, meta, {
        entityType: 'child_case',
        entityId: id,
        reason: isReader ? null : (readReason ?? null),
      });
    }
    return {
      ...this.toListItem(row, state, isCaseParticipant(actor, row, isMember) || canReadContent),
      allowedActions: allowed,
      canReadContent,
      canReadWithReason,
      canManageMembers: canManageCaseMembers(actor, row),
      summary: canReadContent ? this.ctx.secrets.decrypt(row.summary_encrypted) : null,
      reporter:
        canReadContent && row.reporter_encrypted ? this.ctx.secrets.decrypt(row.reporter_encrypted) : null,
      process: canReadContent ? state : null,
    };
  }
}

/** "Phạm Minh Khôi" → "P. M. K.": the child of a case for those who do not take part in it. */
export function initialsOf(fullName: string): string {
  return fullName
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${word.charAt(0).toLocaleUpperCase('vi')}.`)
    .join(' ');
}

function decodeCursor(cursor: string | undefined, meta: RequestMeta) {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      !Number.isNaN(Date.parse(value[0])) &&
      typeof value[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(value[1])
    ) {
      return { receivedAt: value[0], id: value[1] };
    }
  } catch {
    // answered below
  }
  throw new ValidationFailure([
    { path: 'query.cursor', message: meta.lang === 'en' ? 'Invalid cursor' : 'Con trỏ trang không hợp lệ' },
  ]);
}
