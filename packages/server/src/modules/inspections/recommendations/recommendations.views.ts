import {
  doneOnTime,
  formatVnDateTime,
  InspectionTopic,
  type Recommendation,
  recommendationState,
} from '@tuoitho/domain';
import { toStoredFile } from '../../../platform/files/stored-files';
import type { Actor } from '../../../platform/http/route';
import { canRespondTo, isInspectingSide } from './recommendations.policy';
import {
  type Exec,
  listEvents,
  listEvidence,
  listRecommendationRows,
  type RecommendationRow,
} from './recommendations.repo';

type Viewer = Pick<Actor, 'unitPath' | 'permissions'>;

/**
 * The API views of recommendation rows on `today` (Việt Nam): derived state, events with the
 * actor's name, evidence, and the caller's abilities. Loads events and evidence in two queries.
 */
export async function toRecommendationViews(
  exec: Exec,
  rows: RecommendationRow[],
  actor: Viewer,
  today: string,
): Promise<Recommendation[]> {
  const ids = rows.map((r) => r.id);
  const [events, evidence] = await Promise.all([listEvents(exec, ids), listEvidence(exec, ids)]);
  return rows.map((r) => ({
    id: r.id,
    sessionId: r.session_id,
    planId: r.plan_id,
    planTitle: r.plan_title,
    topics: r.topics.map((t) => InspectionTopic.parse(t)),
    findingId: r.finding_id,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    text: r.text,
    deadline: r.deadline,
    status: r.status,
    state: recommendationState(r.status, r.deadline, today),
    response: r.response,
    completedOn: r.completed_on,
    doneOnTime: r.status === 'done' ? doneOnTime(r.deadline, r.completed_on) : null,
    evidence: evidence
      .filter((v) => v.recommendationId === r.id)
      .map((v) => ({ id: v.id, questionId: v.questionId, caption: v.caption, file: toStoredFile(v.file) })),
    events: events
      .filter((e) => e.recommendation_id === r.id)
      .map((e) => ({
        at: formatVnDateTime(new Date(e.at)),
        kind: e.kind,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        note: e.note,
        actorName: e.actor_name,
      })),
    canEdit: isInspectingSide(actor, r),
    canRespond: canRespondTo(actor, r),
    version: r.version,
    createdAt: formatVnDateTime(new Date(r.created_at)),
  }));
}

/**
 * The recommendations of one inspection session that the caller may read, by deadline, as the
 * session view embeds them (`InspectionSession.recommendations`). `today` is the Việt Nam day
 * (`vietnamToday()`) that decides the overdue state.
 */
export async function recommendationsOfSession(
  exec: Exec,
  sessionId: string,
  actor: Viewer,
  today: string,
): Promise<Recommendation[]> {
  const rows = await listRecommendationRows(exec, actor, { sessionId, today });
  return toRecommendationViews(exec, rows, actor, today);
}
