import {
  type Activity,
  type ActivityList,
  type ActivityParticipant,
  type ActivityQuery,
  type AttendanceRequest,
  ageAt,
  birthDateRangeForAges,
  type CreateActivityRequest,
  foldedWords,
  type OutcomesRequest,
  type ParticipantCandidateQuery,
  type UpdateActivityRequest,
} from '@tuoitho/domain';
import { writeAuditInTx } from '../../../platform/audit/audit';
import type { AppContext } from '../../../platform/context';
import { AppError, invalidField, notFound, versionConflict } from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import {
  assertReadable,
  assertWritable,
  type Exec,
  isInScopeOrAbove,
  type UnitRow,
  unitInScope,
} from '../scope';
import {
  type ActivityRow,
  childrenInSubtree,
  findActivity,
  insertParticipants,
  listActivities,
  listCandidates,
  listSessions,
  participantIds,
  replaceBudget,
  sessionsWithAttendance,
  updateOutcomes,
  upsertAttendance,
} from './activities.repo';
import { toActivityViews, toParticipantViews } from './activities.views';

type ActivityInput = Omit<UpdateActivityRequest, 'version'>;

/** `2026-06-03` → `03/06/2026`. */
export const displayDate = (iso: string) => iso.split('-').reverse().join('/');

const isSameOrBelow = (path: string, ancestor: string) =>
  path === ancestor || path.startsWith(`${ancestor}.`);

function decodeCursor(cursor: string | undefined): { startsOn: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      typeof value[0] === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(value[0]) &&
      typeof value[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(value[1])
    ) {
      return { startsOn: value[0], id: value[1] };
    }
  } catch {
    // answered below
  }
  throw invalidField('query.cursor', 'invalid_cursor');
}

/** What an activity's audit row records of it (no child data). */
function auditFields(input: ActivityInput & { unit?: string }) {
  return {
    programmeId: input.programmeId,
    kind: input.kind,
    title: input.title,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    place: input.place,
    organisers: input.organisers,
    budget: input.budget,
    otherParticipants: input.otherParticipants,
    sessions: input.sessions.map((s) => s.heldOn),
  };
}

/**
 * Activities and events: CRUD with budget, sessions and other participants; registered children
 * taking part, their attendance per session and outcomes. Activities are read and written in the
 * caller's subtree (`programmes.read` to read, `activities.write` to change).
 */
export class ActivitiesService {
  constructor(private readonly ctx: AppContext) {}

  /** An activity the caller may read (404 outside the subtree). */
  async getReadable(exec: Exec, actor: Actor, id: string, forUpdate = false): Promise<ActivityRow> {
    const row = await findActivity(exec, id, forUpdate);
    if (!row) throw notFound();
    assertReadable(actor, row.unit_path);
    return row;
  }

  /** An activity the caller may change (404 outside the subtree, 403 without the right). */
  async getWritable(exec: Exec, actor: Actor, id: string, forUpdate = false): Promise<ActivityRow> {
    const row = await this.getReadable(exec, actor, id, forUpdate);
    assertWritable(actor, row.unit_path);
    return row;
  }

  /** One activity with its budget, sessions and counts. */
  async getActivity(actor: Actor, id: string): Promise<Activity> {
    const row = await this.getReadable(this.ctx.db, actor, id);
    const [view] = await toActivityViews(this.ctx.db, actor, [row]);
    return view!;
  }

  /** Activities of the caller's subtree (or of `unit` in it), newest first, with search and filters. */
  async listActivities(actor: Actor, query: ActivityQuery): Promise<ActivityList> {
    const unit = await unitInScope(this.ctx.db, actor, query.unit, 'query.unit');
    const rows = await listActivities(this.ctx.db, {
      unitPath: unit.path,
      q: query.q || undefined,
      kind: query.kind,
      programmeId: query.programmeId,
      year: query.year,
      after: decodeCursor(query.cursor),
      limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: await toActivityViews(this.ctx.db, actor, page),
      nextCursor:
        rows.length > query.limit && last
          ? Buffer.from(JSON.stringify([last.starts_on, last.id])).toString('base64url')
          : null,
    };
  }

  /**
   * Checks the input against the activity's unit: a linked programme must be readable by the caller
   * and belong to the unit or a unit above it; sessions lie within the dates; one line per source and group.
   */
  private async checkInput(exec: Exec, actor: Actor, unit: Pick<UnitRow, 'path'>, input: ActivityInput) {
    if (input.programmeId) {
      const programme = await exec
        .selectFrom('programme as p')
        .innerJoin('admin_unit as u', 'u.id', 'p.unit_id')
        .select('u.path')
        .where('p.id', '=', input.programmeId)
        .executeTakeFirst();
      if (!programme || !isInScopeOrAbove(actor, programme.path) || !isSameOrBelow(unit.path, programme.path))
        throw new AppError(422, 'programme_not_visible');
    }
    const sources = input.budget.map((b) => b.source);
    const groups = input.otherParticipants.map((o) => o.group);
    if (new Set(sources).size !== sources.length || new Set(groups).size !== groups.length)
      throw new AppError(422, 'activity_line_repeated');
    const outside = input.sessions.find((s) => s.heldOn < input.startsOn || s.heldOn > input.endsOn);
    if (outside) throw new AppError(422, 'activity_session_outside', { date: displayDate(outside.heldOn) });
  }

  /**
   * Writes the sessions: kept ones (by id) updated, missing ones removed (409 if they have
   * attendance), new ones inserted, and all numbered 1… by date.
   */
  private async saveSessions(exec: Exec, activityId: string, input: ActivityInput['sessions']) {
    const existing = await listSessions(exec, [activityId]);
    const known = new Map(existing.map((s) => [s.id, s]));
    for (const s of input) {
      if (s.id && !known.has(s.id)) throw new AppError(422, 'session_not_in_activity');
    }
    const keptIds = new Set(input.map((s) => s.id).filter((id): id is string => Boolean(id)));
    const removed = existing.filter((s) => !keptIds.has(s.id));
    const marked = await sessionsWithAttendance(
      exec,
      removed.map((s) => s.id),
    );
    const blocked = removed.find((s) => marked.has(s.id));
    if (blocked) throw new AppError(409, 'session_has_attendance', { date: displayDate(blocked.held_on) });
    if (removed.length > 0)
      await exec
        .deleteFrom('activity_session')
        .where(
          'id',
          'in',
          removed.map((s) => s.id),
        )
        .execute();
    const ordered = input
      .map((s, index) => ({ ...s, index }))
      .sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.index - b.index);
    for (const [i, s] of ordered.entries()) {
      if (s.id) {
        await exec
          .updateTable('activity_session')
          .set({ seq: i + 1, held_on: s.heldOn, topic: s.topic })
          .where('id', '=', s.id)
          .execute();
      } else {
        await exec
          .insertInto('activity_session')
          .values({ activity_id: activityId, seq: i + 1, held_on: s.heldOn, topic: s.topic })
          .execute();
      }
    }
  }

  /** Records an activity in a unit of the caller's subtree (default their own). */
  async createActivity(actor: Actor, input: CreateActivityRequest, meta: RequestMeta): Promise<Activity> {
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      const unit = await unitInScope(tx, actor, input.unit, 'body.unit');
      await this.checkInput(tx, actor, unit, input);
      const { id } = await tx
        .insertInto('activity')
        .values({
          unit_id: unit.id,
          programme_id: input.programmeId,
          kind: input.kind,
          title: input.title,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          place: input.place,
          organisers: input.organisers,
          description: input.description,
          other_participants: JSON.stringify(input.otherParticipants),
          created_at: new Date(),
          updated_at: new Date(),
          created_by: actor.userId,
          updated_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await replaceBudget(tx, id, input.budget);
      await this.saveSessions(tx, id, input.sessions);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'activity.create',
          entityType: 'activity',
          entityId: id,
          unitId: unit.id,
          after: { unitCode: unit.code, ...auditFields(input) },
        },
      );
      return id;
    });
    return this.getActivity(actor, id);
  }

  /** Changes an activity at the version read (409 if stale). */
  async updateActivity(
    actor: Actor,
    id: string,
    input: UpdateActivityRequest,
    meta: RequestMeta,
  ): Promise<Activity> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.getWritable(tx, actor, id, true);
      if (row.version !== input.version) throw versionConflict();
      await this.checkInput(tx, actor, { path: row.unit_path }, input);
      const [before] = await toActivityViews(tx, actor, [row]);
      await tx
        .updateTable('activity')
        .set({
          programme_id: input.programmeId,
          kind: input.kind,
          title: input.title,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          place: input.place,
          organisers: input.organisers,
          description: input.description,
          other_participants: JSON.stringify(input.otherParticipants),
          version: row.version + 1,
          updated_at: new Date(),
          updated_by: actor.userId,
        })
        .where('id', '=', id)
        .execute();
      await replaceBudget(tx, id, input.budget);
      await this.saveSessions(tx, id, input.sessions);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'activity.update',
          entityType: 'activity',
          entityId: id,
          unitId: row.unit_id,
          before: auditFields(before!),
          after: auditFields(input),
        },
      );
    });
    return this.getActivity(actor, id);
  }

  /** Deletes an activity without participants (409 otherwise). */
  async deleteActivity(actor: Actor, id: string, meta: RequestMeta): Promise<void> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.getWritable(tx, actor, id, true);
      const participants = await participantIds(tx, id);
      if (participants.size > 0)
        throw new AppError(409, 'activity_has_participants', { count: participants.size });
      await tx.deleteFrom('activity').where('id', '=', id).execute();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'activity.delete',
          entityType: 'activity',
          entityId: id,
          unitId: row.unit_id,
          before: { title: row.title, kind: row.kind, startsOn: row.starts_on, endsOn: row.ends_on },
        },
      );
    });
  }

  /** The registered children taking part, with attendance and outcomes. */
  async listParticipants(actor: Actor, id: string): Promise<ActivityParticipant[]> {
    const row = await this.getReadable(this.ctx.db, actor, id);
    return toParticipantViews(this.ctx.db, row);
  }

  /**
   * Adds registry children of the activity's unit subtree; 422 `child_not_in_unit` if any is not
   * one (unknown, merged, elsewhere). Children already taking part are left as they are.
   */
  async addParticipants(
    actor: Actor,
    id: string,
    childIds: string[],
    meta: RequestMeta,
  ): Promise<ActivityParticipant[]> {
    const ids = [...new Set(childIds)];
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.getWritable(tx, actor, id, true);
      const eligible = await childrenInSubtree(tx, row.unit_path, ids);
      if (eligible.size !== ids.length)
        throw new AppError(422, 'child_not_in_unit', { count: ids.length - eligible.size });
      const added = await insertParticipants(tx, id, ids, actor);
      if (added === 0) return;
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'activity.participants.add',
          entityType: 'activity',
          entityId: id,
          unitId: row.unit_id,
          details: { requested: ids.length, added, childIds: ids },
        },
      );
    });
    return this.listParticipants(actor, id);
  }

  /** Removes a participant with their attendance marks. */
  async removeParticipant(actor: Actor, id: string, childId: string, meta: RequestMeta): Promise<void> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.getWritable(tx, actor, id, true);
      const sessionIds = (await listSessions(tx, [id])).map((s) => s.id);
      const removed = await tx
        .deleteFrom('activity_participant')
        .where('activity_id', '=', id)
        .where('child_id', '=', childId)
        .executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) throw notFound();
      const marks =
        sessionIds.length > 0
          ? await tx
              .deleteFrom('activity_attendance')
              .where('child_id', '=', childId)
              .where('session_id', 'in', sessionIds)
              .executeTakeFirst()
          : undefined;
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'activity.participants.remove',
          entityType: 'activity',
          entityId: id,
          unitId: row.unit_id,
          details: { childId, attendanceRemoved: Number(marks?.numDeletedRows ?? 0) },
        },
      );
    });
  }

  /** Active children of the activity's unit subtree to add, with the class-list fields only. */
  async listCandidates(actor: Actor, id: string, query: ParticipantCandidateQuery) {
    const row = await this.getWritable(this.ctx.db, actor, id);
    const hasAge = query.ageFrom !== undefined || query.ageTo !== undefined;
    const ageFrom = query.ageFrom ?? 0;
    const ageTo = query.ageTo ?? 17;
    if (ageTo < ageFrom) return { items: [] };
    const rows = await listCandidates(this.ctx.db, {
      unitPath: row.unit_path,
      activityId: id,
      words: query.q ? foldedWords(query.q) : [],
      village: query.village || undefined,
      school: query.school || undefined,
      grade: query.grade || undefined,
      born: hasAge ? birthDateRangeForAges(ageFrom, ageTo, row.starts_on) : undefined,
      limit: query.limit,
    });
    return {
      items: rows.map((c) => ({
        childId: c.child_id,
        fullName: c.full_name,
        sex: c.sex,
        dateOfBirth: c.date_of_birth,
        ageAtStart: ageAt(c.date_of_birth, row.starts_on),
        village: c.village,
        school: c.school,
        grade: c.grade,
        isParticipant: c.is_participant,
      })),
    };
  }

  /** Checks that sessions are the activity's and children are participants. */
  async checkMarks(exec: Exec, activityId: string, sessionIds: string[], childIds: string[]) {
    const own = new Set((await listSessions(exec, [activityId])).map((s) => s.id));
    if (sessionIds.some((s) => !own.has(s))) throw new AppError(422, 'session_not_in_activity');
    const children = [...new Set(childIds)];
    const taking = await participantIds(exec, activityId, children);
    if (taking.size !== children.length)
      throw new AppError(422, 'not_a_participant', { count: children.length - taking.size });
  }

  /** Records attendance marks (insert or overwrite); one audit row summarising counts. */
  async recordAttendance(
    actor: Actor,
    id: string,
    input: AttendanceRequest,
    meta: RequestMeta,
  ): Promise<ActivityParticipant[]> {
    const last = new Map(input.entries.map((e) => [`${e.sessionId}|${e.childId}`, e]));
    const marks = [...last.values()];
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.getWritable(tx, actor, id, true);
      const childIds = [...new Set(marks.map((m) => m.childId))];
      const sessionIds = [...new Set(marks.map((m) => m.sessionId))];
      await this.checkMarks(tx, id, sessionIds, childIds);
      await upsertAttendance(tx, marks, actor);
      const present = marks.filter((m) => m.present).length;
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'activity.attendance',
          entityType: 'activity',
          entityId: id,
          unitId: row.unit_id,
          details: {
            marks: marks.length,
            present,
            absent: marks.length - present,
            sessions: sessionIds.length,
            childIds,
          },
        },
      );
    });
    return this.listParticipants(actor, id);
  }

  /** Records outcomes of participants (each field as sent, null clears it); one audit row. */
  async recordOutcomes(
    actor: Actor,
    id: string,
    input: OutcomesRequest,
    meta: RequestMeta,
  ): Promise<ActivityParticipant[]> {
    const entries = [...new Map(input.entries.map((e) => [e.childId, e])).values()];
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.getWritable(tx, actor, id, true);
      const childIds = entries.map((e) => e.childId);
      await this.checkMarks(tx, id, [], childIds);
      await updateOutcomes(
        tx,
        id,
        entries.map((e) => ({
          childId: e.childId,
          completed: e.completed,
          swimSafe: e.swimSafe,
          waterSafety: e.waterSafety,
          assessedOn: e.assessedOn,
          note: e.note,
        })),
      );
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'activity.outcomes',
          entityType: 'activity',
          entityId: id,
          unitId: row.unit_id,
          details: {
            participants: entries.length,
            completed: entries.filter((e) => e.completed).length,
            swimSafe: entries.filter((e) => e.swimSafe).length,
            waterSafety: entries.filter((e) => e.waterSafety).length,
            childIds,
          },
        },
      );
    });
    return this.listParticipants(actor, id);
  }
}
