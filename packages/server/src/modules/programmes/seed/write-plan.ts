import { randomUUID } from 'node:crypto';
import { addCalendarDays, vnInstant } from '@tuoitho/domain';
import type { Insertable, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema';
import { DEMO_PROVINCE_CODE, type DemoProgrammesPlan, DemoUser } from './demo-plan';

/** Rows per INSERT statement: at most ~16 columns each, far below PostgreSQL's 65,535 parameters. */
const INSERT_BATCH = 1000;

export type PlanRefs = {
  unitId: (code: string) => number;
  /** The id of a demo user, or null when it does not exist (created_by stays empty). */
  userId: (username: string) => string | null;
  now: Date;
};

export type WrittenCounts = {
  documents: number;
  documentTargets: number;
  programmes: number;
  programmeTargets: number;
  activities: number;
  sessions: number;
  participants: number;
  attendance: number;
  communications: number;
  movements: number;
  movementParticipations: number;
  incidents: number;
  facilities: number;
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

/** Inserts the whole plan inside `tx`: ids are drawn here, keys of the plan become references. */
export async function writeDemoPlan(
  tx: Transaction<DB>,
  plan: DemoProgrammesPlan,
  refs: PlanRefs,
): Promise<WrittenCounts> {
  // A record made "at" a past day, never after now.
  const at = (date: string, time = '09:00') => {
    return new Date(Math.min(vnInstant(date, time).getTime(), refs.now.getTime()));
  };

  const documentIds = new Map(plan.documents.map((d) => [d.key, randomUUID()]));
  await insertAll(
    tx,
    'plan_document',
    plan.documents.map((d) => ({
      id: documentIds.get(d.key)!,
      unit_id: refs.unitId(d.unitCode),
      number: d.number,
      issued_on: d.issuedOn,
      issuing_body: d.issuingBody,
      doc_type: d.docType,
      title: d.title,
      summary: d.summary,
      valid_from: d.validFrom,
      valid_to: d.validTo,
      created_at: at(d.issuedOn, '15:00'),
      updated_at: at(d.issuedOn, '15:00'),
      created_by: refs.userId(
        d.unitCode === DEMO_PROVINCE_CODE ? DemoUser.province : DemoUser.officerOf(d.unitCode),
      ),
    })),
  );
  const documentTargets = plan.documents.flatMap((d) =>
    d.targets.map((t, i) => ({
      document_id: documentIds.get(d.key)!,
      seq: i + 1,
      indicator_code: t.indicatorCode,
      label: t.label,
      direction: t.direction,
      target_value: t.value,
      unit_of_measure: t.unitOfMeasure,
      target_year: t.year,
      baseline_year: t.baselineYear,
    })),
  );
  await insertAll(tx, 'plan_document_target', documentTargets);

  const programmeIds = new Map(plan.programmes.map((p) => [p.key, randomUUID()]));
  await insertAll(
    tx,
    'programme',
    plan.programmes.map((p) => ({
      id: programmeIds.get(p.key)!,
      unit_id: refs.unitId(p.unitCode),
      kind: p.kind,
      name: p.name,
      theme: p.theme,
      year_from: p.yearFrom,
      year_to: p.yearTo,
      description: p.description,
      lead_organisation: p.lead,
      partner_organisations: p.partners,
      created_at: at(p.recordedOn),
      updated_at: at(p.recordedOn),
      created_by: refs.userId(p.recordedBy),
    })),
  );
  await insertAll(
    tx,
    'programme_unit',
    plan.programmes.flatMap((p) =>
      p.unitCodes.map((code) => ({ programme_id: programmeIds.get(p.key)!, unit_id: refs.unitId(code) })),
    ),
  );
  await insertAll(
    tx,
    'programme_document',
    plan.programmes.flatMap((p) =>
      p.documentKeys
        .filter((key) => documentIds.has(key))
        .map((key) => ({ programme_id: programmeIds.get(p.key)!, document_id: documentIds.get(key)! })),
    ),
  );
  const programmeTargets = plan.programmes.flatMap((p) =>
    p.targets.map((t, i) => ({
      programme_id: programmeIds.get(p.key)!,
      seq: i + 1,
      indicator_code: t.indicatorCode,
      label: t.label,
      direction: t.direction,
      target_value: t.value,
      unit_of_measure: t.unitOfMeasure,
      target_year: t.year,
      baseline_year: t.baselineYear,
      manual_value: t.manualValue ?? null,
      manual_note: t.manualNote ?? null,
    })),
  );
  await insertAll(tx, 'programme_target', programmeTargets);
  await insertAll(
    tx,
    'programme_budget',
    plan.programmes.flatMap((p) =>
      p.budgets.map((b) => ({
        programme_id: programmeIds.get(p.key)!,
        budget_year: b.year,
        source: b.source,
        planned_vnd: b.plannedVnd,
        spent_vnd: b.spentVnd,
      })),
    ),
  );

  const activityIds = plan.activities.map(() => randomUUID());
  await insertAll(
    tx,
    'activity',
    plan.activities.map((a, i) => ({
      id: activityIds[i]!,
      unit_id: refs.unitId(a.unitCode),
      programme_id: (a.programmeKey && programmeIds.get(a.programmeKey)) || null,
      kind: a.kind,
      title: a.title,
      starts_on: a.startsOn,
      ends_on: a.endsOn,
      place: a.place,
      organisers: a.organisers,
      description: a.description,
      other_participants: JSON.stringify(a.otherParticipants),
      created_at: at(addCalendarDays(a.startsOn, -7)),
      updated_at: at(a.endsOn, '17:30'),
      created_by: refs.userId(a.recordedBy),
      updated_by: refs.userId(a.recordedBy),
    })),
  );
  await insertAll(
    tx,
    'activity_budget',
    plan.activities.flatMap((a, i) =>
      a.budgets.map((b) => ({
        activity_id: activityIds[i]!,
        source: b.source,
        planned_vnd: b.plannedVnd,
        spent_vnd: b.spentVnd,
      })),
    ),
  );
  const sessionIds = plan.activities.map((a) => a.sessions.map(() => randomUUID()));
  const sessions = plan.activities.flatMap((a, i) =>
    a.sessions.map((s, j) => ({
      id: sessionIds[i]![j]!,
      activity_id: activityIds[i]!,
      seq: j + 1,
      held_on: s.heldOn,
      topic: s.topic,
    })),
  );
  await insertAll(tx, 'activity_session', sessions);
  const participants = plan.activities.flatMap((a, i) =>
    a.participants.map((p) => ({
      activity_id: activityIds[i]!,
      child_id: p.childId,
      completed: p.completed,
      swim_safe: p.swimSafe,
      water_safety: p.waterSafety,
      assessed_on: p.assessedOn,
      outcome_note: p.note,
      added_at: at(addCalendarDays(a.startsOn, -3)),
      added_by: refs.userId(a.recordedBy),
    })),
  );
  await insertAll(tx, 'activity_participant', participants);
  const attendance = plan.activities.flatMap((a, i) =>
    a.attendance.map((row) => ({
      session_id: sessionIds[i]![row.seq - 1]!,
      child_id: row.childId,
      present: row.present,
      recorded_at: at(a.sessions[row.seq - 1]!.heldOn, '17:00'),
      recorded_by: refs.userId(a.recordedBy),
    })),
  );
  await insertAll(tx, 'activity_attendance', attendance);

  await insertAll(
    tx,
    'communication',
    plan.communications.map((c) => ({
      unit_id: refs.unitId(c.unitCode),
      programme_id: (c.programmeKey && programmeIds.get(c.programmeKey)) || null,
      held_on: c.heldOn,
      channel: c.channel,
      audience: c.audience,
      title: c.title,
      reach_count: c.reach,
      materials: c.materials,
      created_at: at(c.heldOn, '16:00'),
      updated_at: at(c.heldOn, '16:00'),
      created_by: refs.userId(c.recordedBy),
    })),
  );
  const movementIds = plan.movements.map(() => randomUUID());
  await insertAll(
    tx,
    'movement',
    plan.movements.map((m, i) => ({
      id: movementIds[i]!,
      unit_id: refs.unitId(m.unitCode),
      name: m.name,
      description: m.description,
      year_from: m.yearFrom,
      year_to: m.yearTo,
      created_at: at(`${m.yearFrom}-03-01`),
      updated_at: at(`${m.yearFrom}-03-01`),
      created_by: refs.userId(m.recordedBy),
    })),
  );
  const participations = plan.movements.flatMap((m, i) =>
    m.participation.map((p) => ({
      movement_id: movementIds[i]!,
      unit_id: refs.unitId(p.unitCode),
      participation_year: p.year,
      note: p.note,
    })),
  );
  await insertAll(tx, 'movement_participation', participations);
  await insertAll(
    tx,
    'incident',
    plan.incidents.map((n) => ({
      unit_id: refs.unitId(n.unitCode),
      occurred_at: vnInstant(n.occurredOn, n.time),
      cause: n.cause,
      place_type: n.placeType,
      place_description: n.placeDescription,
      age: n.age,
      sex: n.sex,
      outcome: n.outcome,
      child_id: n.childId,
      description: n.description,
      created_at: at(addCalendarDays(n.occurredOn, 1)),
      updated_at: at(addCalendarDays(n.occurredOn, 1)),
      created_by: refs.userId(n.recordedBy),
    })),
  );
  await insertAll(
    tx,
    'facility',
    plan.facilities.map((f) => ({
      unit_id: refs.unitId(f.unitCode),
      kind: f.kind,
      name: f.name,
      address: f.address,
      condition: f.condition,
      capacity: f.capacity,
      note: f.note,
      created_by: refs.userId(f.recordedBy),
      updated_by: refs.userId(f.recordedBy),
    })),
  );
  return {
    documents: plan.documents.length,
    documentTargets: documentTargets.length,
    programmes: plan.programmes.length,
    programmeTargets: programmeTargets.length,
    activities: plan.activities.length,
    sessions: sessions.length,
    participants: participants.length,
    attendance: attendance.length,
    communications: plan.communications.length,
    movements: plan.movements.length,
    movementParticipations: participations.length,
    incidents: plan.incidents.length,
    facilities: plan.facilities.length,
  };
}
