import { randomUUID } from 'node:crypto';
import { vnInstant } from '@tuoitho/domain';
import type { Insertable, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema';
import type { PlannedRecommendation } from './demo-follow-up';
import { DemoUser, type PlannedPlan } from './demo-plans';
import { type PlannedSession, templateOf } from './demo-sessions';
import { DEMO_TEMPLATES } from './demo-templates';

/** Rows per INSERT statement: at most 15 columns each, far below PostgreSQL's 65,535 parameters. */
const INSERT_BATCH = 1000;

export type DemoInspectionsPlan = {
  plans: PlannedPlan[];
  sessions: PlannedSession[];
  recommendations: PlannedRecommendation[];
};

export type InspectionRefs = {
  unitId: (code: string) => number;
  /** The id of a demo user, or null when it does not exist. */
  userId: (username: string | null) => string | null;
  now: Date;
};

export type WrittenInspections = {
  templates: number;
  plans: number;
  targets: number;
  teamMembers: number;
  sessions: number;
  answers: number;
  findings: number;
  recommendations: number;
  events: number;
};

async function insertAll<T extends keyof DB & string>(
  tx: Transaction<DB>,
  table: T,
  rows: Insertable<DB[T]>[],
) {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    // Kysely cannot type `values` over a generic table; each caller builds rows of its own table.
    await tx
      .insertInto(table)
      .values(rows.slice(i, i + INSERT_BATCH) as never)
      .execute();
  }
}

/** Inserts the templates and the plan inside `tx`; ids are drawn here, plan keys become references. */
export async function writeDemoInspections(
  tx: Transaction<DB>,
  plan: DemoInspectionsPlan,
  refs: InspectionRefs,
): Promise<WrittenInspections> {
  // A record made "at" a past day, never after now.
  const at = (date: string, time = '09:00') =>
    new Date(Math.min(vnInstant(date, time).getTime(), refs.now.getTime()));
  const provinceId = refs.unitId(plan.plans[0]!.unitCode);
  const inspector = refs.userId(DemoUser.inspector);
  const firstIssue = plan.plans[0]!.issuedOn;

  const templateIds = new Map(DEMO_TEMPLATES.map((t) => [t.topic, randomUUID()]));
  await insertAll(
    tx,
    'inspection_template',
    DEMO_TEMPLATES.map((t) => ({
      id: templateIds.get(t.topic)!,
      unit_id: provinceId,
      name: t.name,
      topic: t.topic,
      questions: JSON.stringify(t.questions),
      created_at: at(firstIssue, '08:00'),
      updated_at: at(firstIssue, '08:00'),
      created_by: inspector,
    })),
  );

  const planIds = new Map(plan.plans.map((p) => [p.key, randomUUID()]));
  await insertAll(
    tx,
    'inspection_plan',
    plan.plans.map((p) => ({
      id: planIds.get(p.key)!,
      unit_id: refs.unitId(p.unitCode),
      plan_year: p.year,
      number: p.number,
      issued_on: p.issuedOn,
      issuing_body: p.issuingBody,
      title: p.title,
      topics: p.topics,
      description: p.description,
      created_at: at(p.issuedOn, '15:00'),
      updated_at: at(p.issuedOn, '15:00'),
      created_by: inspector,
      updated_by: inspector,
    })),
  );
  const targets = plan.plans.flatMap((p) =>
    p.targets.map((t) => ({
      plan_id: planIds.get(p.key)!,
      unit_id: refs.unitId(t.unitCode),
      planned_from: t.plannedFrom,
      planned_to: t.plannedTo,
    })),
  );
  await insertAll(tx, 'inspection_plan_target', targets);
  const team = plan.plans.flatMap((p) =>
    p.team.map((m, index) => ({
      plan_id: planIds.get(p.key)!,
      seq: index + 1,
      full_name: m.fullName,
      role: m.role,
      organisation: m.organisation,
      user_id: refs.userId(m.username),
    })),
  );
  await insertAll(tx, 'inspection_team_member', team);

  const sessionIds = new Map(plan.sessions.map((s) => [s.key, randomUUID()]));
  await insertAll(
    tx,
    'inspection_session',
    plan.sessions.map((s) => {
      const completedAt = s.status === 'completed' ? at(s.heldOn, '16:30') : null;
      return {
        id: sessionIds.get(s.key)!,
        plan_id: planIds.get(s.planKey)!,
        unit_id: refs.unitId(s.unitCode),
        template_id: templateIds.get(s.templateTopic)!,
        questions: JSON.stringify(templateOf(s.templateTopic).questions),
        held_on: s.heldOn,
        status: s.status,
        summary: s.summary,
        conclusion: s.conclusion,
        score: s.score,
        max_score: s.maxScore,
        completed_at: completedAt,
        created_at: at(s.heldOn, '07:30'),
        updated_at: completedAt ?? at(s.heldOn, '11:00'),
        created_by: inspector,
        updated_by: inspector,
      };
    }),
  );
  const answers = plan.sessions.flatMap((s) =>
    s.answers.map((a) => ({
      session_id: sessionIds.get(s.key)!,
      question_id: a.questionId,
      value: JSON.stringify(a.value),
      note: a.note,
    })),
  );
  await insertAll(tx, 'inspection_answer', answers);
  const findingIds = new Map<string, string>();
  const findings = plan.sessions.flatMap((s) =>
    s.findings.map((f) => {
      findingIds.set(f.key, randomUUID());
      return {
        id: findingIds.get(f.key)!,
        session_id: sessionIds.get(s.key)!,
        seq: f.seq,
        question_id: f.questionId,
        severity: f.severity,
        text: f.text,
      };
    }),
  );
  await insertAll(tx, 'inspection_finding', findings);

  const recommendationIds = new Map(plan.recommendations.map((r) => [r.key, randomUUID()]));
  await insertAll(
    tx,
    'inspection_recommendation',
    plan.recommendations.map((r) => {
      const last = r.events.at(-1)!;
      const byResponder = [...r.events].reverse().find((e) => e.kind === 'status' || e.kind === 'response');
      return {
        id: recommendationIds.get(r.key)!,
        session_id: sessionIds.get(r.sessionKey)!,
        finding_id: findingIds.get(r.findingKey)!,
        unit_id: refs.unitId(r.unitCode),
        text: r.text,
        deadline: r.deadline,
        status: r.status,
        response: r.response,
        completed_on: r.completedOn,
        version: 1 + r.events.filter((e) => e.kind === 'status').length,
        created_at: at(r.createdOn, '16:30'),
        updated_at: at(last.on, last.time),
        created_by: inspector,
        updated_by: refs.userId(byResponder?.actor ?? DemoUser.inspector),
      };
    }),
  );
  const events = plan.recommendations.flatMap((r) =>
    r.events.map((e) => ({
      recommendation_id: recommendationIds.get(r.key)!,
      at: at(e.on, e.time),
      actor_id: refs.userId(e.actor),
      kind: e.kind,
      from_status: e.fromStatus,
      to_status: e.toStatus,
      note: e.note,
    })),
  );
  await insertAll(tx, 'inspection_recommendation_event', events);

  return {
    templates: DEMO_TEMPLATES.length,
    plans: plan.plans.length,
    targets: targets.length,
    teamMembers: team.length,
    sessions: plan.sessions.length,
    answers: answers.length,
    findings: findings.length,
    recommendations: plan.recommendations.length,
    events: events.length,
  };
}
