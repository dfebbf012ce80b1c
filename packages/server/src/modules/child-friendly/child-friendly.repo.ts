import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema';
import type { Exec } from '../programmes/scope';
import type { AssessmentRow, EventRow, FileRow, ValueRow } from './child-friendly.views';

/** Every SQL statement of the child-friendly assessments. */

const assessmentColumns = [
  'a.id',
  'a.unit_id',
  'a.year',
  'a.status',
  'a.category',
  'a.catalogue',
  'a.total',
  'a.threshold',
  'a.passed',
  'a.decision_number',
  'a.decision_date',
  'a.return_reason',
  'a.review_note',
  'a.submitted_at',
  'a.submitted_by',
  'a.reviewed_at',
  'a.reviewed_by',
  'a.recognised_at',
  'a.recognised_by',
  'a.version',
  'a.created_at',
  'a.created_by',
  'a.updated_at',
  'a.updated_by',
  'u.code as unit_code',
  'u.full_name as unit_name',
  sql<string>`u.path::text`.as('unit_path'),
] as const;

function assessments(exec: Exec) {
  return exec
    .selectFrom('cf_assessment as a')
    .innerJoin('admin_unit as u', 'u.id', 'a.unit_id')
    .select(assessmentColumns);
}

export async function findAssessment(
  exec: Exec,
  id: string,
  forUpdate = false,
): Promise<AssessmentRow | undefined> {
  let query = assessments(exec).where('a.id', '=', id);
  if (forUpdate) query = query.forUpdate('a');
  return (await query.executeTakeFirst()) as AssessmentRow | undefined;
}

export async function listAssessments(
  exec: Exec,
  filter: { unitPath: string; year?: number; status?: string; offset: number; limit: number },
): Promise<AssessmentRow[]> {
  let query = assessments(exec).where(sql<boolean>`u.path <@ ${filter.unitPath}::ltree`);
  if (filter.year !== undefined) query = query.where('a.year', '=', filter.year);
  if (filter.status !== undefined)
    query = query.where('a.status', '=', filter.status as AssessmentRow['status']);
  return (await query
    .orderBy('a.year', 'desc')
    .orderBy('u.code')
    .orderBy('a.id')
    .offset(filter.offset)
    .limit(filter.limit)
    .execute()) as AssessmentRow[];
}

export function listValues(exec: Exec, assessmentId: string): Promise<ValueRow[]> {
  return exec
    .selectFrom('cf_assessment_value')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .execute();
}

export async function listFiles(exec: Exec, assessmentId: string): Promise<FileRow[]> {
  return exec
    .selectFrom('cf_assessment_file as l')
    .innerJoin('stored_file as f', 'f.id', 'l.stored_file_id')
    .select([
      'l.id as link_id',
      'l.indicator_code',
      'f.id',
      'f.file_name',
      'f.content_type',
      'f.size_bytes',
      'f.sha256',
      'f.created_at',
    ])
    .where('l.assessment_id', '=', assessmentId)
    .orderBy('l.created_at')
    .execute();
}

export async function listEvents(exec: Exec, assessmentId: string): Promise<EventRow[]> {
  return exec
    .selectFrom('cf_assessment_event as e')
    .leftJoin('app_user as p', 'p.id', 'e.actor_id')
    .select(['e.action', 'e.at', 'p.full_name as actor_name', 'e.note'])
    .where('e.assessment_id', '=', assessmentId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

export async function insertEvent(
  tx: Transaction<DB>,
  assessmentId: string,
  action: EventRow['action'],
  actorId: string,
  note: string | null = null,
): Promise<void> {
  await tx
    .insertInto('cf_assessment_event')
    .values({ assessment_id: assessmentId, action, actor_id: actorId, note })
    .execute();
}

export async function findUnitCategory(exec: Exec, unitId: number) {
  return exec.selectFrom('cf_unit_category').selectAll().where('unit_id', '=', unitId).executeTakeFirst();
}

/** Current commune-level units of a subtree with their category row, if any. */
export async function listCommunes(exec: Exec, unitPath: string) {
  return exec
    .selectFrom('admin_unit as u')
    .leftJoin('cf_unit_category as k', 'k.unit_id', 'u.id')
    .select(['u.id', 'u.code', 'u.full_name as name', 'k.category', 'k.version'])
    .where(sql<boolean>`u.path <@ ${unitPath}::ltree`)
    .where('u.level', '=', 'commune')
    .where('u.valid_to', 'is', null)
    .orderBy('u.code')
    .execute();
}

/** Assessments of the communes of a subtree in a range of years. */
export async function listForComparison(exec: Exec, unitPath: string, yearFrom: number, yearTo: number) {
  return exec
    .selectFrom('cf_assessment as a')
    .innerJoin('admin_unit as u', 'u.id', 'a.unit_id')
    .select(['a.id', 'a.unit_id', 'a.year', 'a.status', 'a.total', 'a.passed'])
    .where(sql<boolean>`u.path <@ ${unitPath}::ltree`)
    .where('a.year', '>=', yearFrom)
    .where('a.year', '<=', yearTo)
    .execute();
}

export async function getSettings(exec: Exec) {
  return exec.selectFrom('cf_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}
