import {
  type Activity,
  type ActivityParticipant,
  ageAt,
  type BudgetLine,
  FundingSource,
  OtherParticipants,
} from '@tuoitho/domain';
import { z } from 'zod';
import { isInScope } from '../../../platform/auth/scope';
import type { Actor } from '../../../platform/http/route';
import type { Exec } from '../scope';
import {
  type ActivityRow,
  countParticipants,
  listAttendance,
  listBudgets,
  listParticipants,
  listSessions,
} from './activities.repo';

const StoredOtherParticipants = z.array(OtherParticipants);

/** Whether the caller may change an activity (and its participants, attendance and outcomes). */
export function canEditActivity(actor: Actor, unitPath: string): boolean {
  return actor.permissions.has('activities.write') && isInScope(actor, unitPath);
}

/** Activities as the API shows them, with budget, sessions, counts and the caller's abilities. */
export async function toActivityViews(exec: Exec, actor: Actor, rows: ActivityRow[]): Promise<Activity[]> {
  const ids = rows.map((r) => r.id);
  const [budgets, sessions, counts] = await Promise.all([
    listBudgets(exec, ids),
    listSessions(exec, ids),
    countParticipants(exec, ids),
  ]);
  return rows.map((r) => {
    const count = counts.find((c) => c.activity_id === r.id);
    return {
      id: r.id,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      programmeId: r.programme_id,
      programmeName: r.programme_name,
      kind: r.kind as Activity['kind'],
      title: r.title,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      place: r.place,
      organisers: r.organisers,
      description: r.description,
      budget: budgets
        .filter((b) => b.activity_id === r.id)
        .map(
          (b): BudgetLine => ({
            source: FundingSource.parse(b.source),
            planned: Number(b.planned_vnd),
            spent: Number(b.spent_vnd),
          }),
        ),
      otherParticipants: StoredOtherParticipants.parse(r.other_participants),
      sessions: sessions
        .filter((s) => s.activity_id === r.id)
        .map((s) => ({ id: s.id, seq: s.seq, heldOn: s.held_on, topic: s.topic })),
      participantCount: count?.participants ?? 0,
      completedCount: count?.completed ?? 0,
      swimSafeCount: count?.swim_safe ?? 0,
      canEdit: canEditActivity(actor, r.unit_path),
      version: r.version,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    };
  });
}

/** The participants of an activity with their attendance by session id and their outcomes. */
export async function toParticipantViews(exec: Exec, activity: ActivityRow): Promise<ActivityParticipant[]> {
  const [participants, marks] = await Promise.all([
    listParticipants(exec, activity.id),
    listAttendance(exec, activity.id),
  ]);
  const byChild = new Map<string, Record<string, boolean>>();
  for (const m of marks) {
    const attendance = byChild.get(m.child_id) ?? {};
    attendance[m.session_id] = m.present;
    byChild.set(m.child_id, attendance);
  }
  return participants.map((p) => {
    const attendance = byChild.get(p.child_id) ?? {};
    return {
      childId: p.child_id,
      fullName: p.full_name,
      sex: p.sex,
      dateOfBirth: p.date_of_birth,
      ageAtStart: ageAt(p.date_of_birth, activity.starts_on),
      village: p.village,
      school: p.school,
      grade: p.grade,
      attendance,
      sessionsAttended: Object.values(attendance).filter(Boolean).length,
      outcome: {
        completed: p.completed,
        swimSafe: p.swim_safe,
        waterSafety: p.water_safety,
        assessedOn: p.assessed_on,
        note: p.outcome_note,
      },
    };
  });
}
