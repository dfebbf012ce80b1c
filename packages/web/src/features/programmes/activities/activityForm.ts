import {
  type Activity,
  type BudgetLine,
  type CreateActivityRequest,
  FundingSource,
  ParticipantGroup,
  type UpdateActivityRequest,
} from '@tuoitho/domain';
import { nextIsoDate } from '../../../lib/dates';

/** The most sessions the create form generates (a summer swimming course is 10–20 days). */
export const MAX_GENERATED_SESSIONS = 60;

/** The days from `startsOn` to `endsOn`, both counted (1 for a one-day event); 0 when reversed. */
export function daysBetween(startsOn: string, endsOn: string): number {
  const start = Date.parse(`${startsOn}T00:00:00Z`);
  const end = Date.parse(`${endsOn}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return 0;
  return Math.round((end - start) / 86_400_000) + 1;
}

/** How many sessions a new activity gets by default: one per day of its dates, at most 60. */
export function defaultSessionCount(startsOn: string | null | undefined, endsOn: string | null | undefined) {
  if (!startsOn || !endsOn) return 1;
  return Math.max(1, Math.min(MAX_GENERATED_SESSIONS, daysBetween(startsOn, endsOn)));
}

/** `count` session days, one per day from the start day (`YYYY-MM-DD`). */
export function generateSessionDays(startsOn: string, count: number): string[] {
  const days: string[] = [];
  let day = startsOn;
  for (let index = 0; index < Math.min(count, MAX_GENERATED_SESSIONS); index += 1) {
    days.push(day);
    day = nextIsoDate(day);
  }
  return days;
}

export interface BudgetFormLine {
  source: FundingSource;
  planned: number | null;
  spent: number | null;
}
export interface OtherParticipantsFormLine {
  group: ParticipantGroup;
  count: number | null;
}
export interface SessionFormLine {
  id?: string | undefined;
  heldOn: string | null;
  topic?: string | null | undefined;
}

/** The fields the create and edit forms share. */
export interface ActivityFormValues {
  unit?: string | undefined;
  kind: Activity['kind'];
  programmeId?: string | null | undefined;
  title: string;
  startsOn: string;
  endsOn: string;
  /** Create form only: sessions generated one per day from the start day. */
  sessionCount?: number | null | undefined;
  /** Edit form only: the sessions as listed. */
  sessions?: SessionFormLine[] | undefined;
  place?: string | null | undefined;
  organisers?: string | null | undefined;
  description?: string | null | undefined;
  budget: BudgetFormLine[];
  otherParticipants: OtherParticipantsFormLine[];
}

/** One budget row per source and one count row per group, filled from an activity when editing. */
export function activityFormDefaults(
  activity?: Activity,
): Pick<ActivityFormValues, 'budget' | 'otherParticipants'> {
  return {
    budget: FundingSource.options.map((source) => {
      const line = activity?.budget.find((item) => item.source === source);
      return { source, planned: line?.planned ?? null, spent: line?.spent ?? null };
    }),
    otherParticipants: ParticipantGroup.options.map((group) => ({
      group,
      count: activity?.otherParticipants.find((item) => item.group === group)?.count ?? null,
    })),
  };
}

/** The values of the edit form for an activity. */
export function activityToFormValues(activity: Activity): ActivityFormValues {
  return {
    kind: activity.kind,
    programmeId: activity.programmeId,
    title: activity.title,
    startsOn: activity.startsOn,
    endsOn: activity.endsOn,
    sessions: activity.sessions.map((session) => ({
      id: session.id,
      heldOn: session.heldOn,
      topic: session.topic,
    })),
    place: activity.place,
    organisers: activity.organisers,
    description: activity.description,
    ...activityFormDefaults(activity),
  };
}

function budgetLines(lines: BudgetFormLine[]): BudgetLine[] {
  return lines
    .filter((line) => (line.planned ?? 0) > 0 || (line.spent ?? 0) > 0)
    .map((line) => ({ source: line.source, planned: line.planned ?? 0, spent: line.spent ?? 0 }));
}

function commonFields(values: ActivityFormValues) {
  return {
    programmeId: values.programmeId ?? null,
    kind: values.kind,
    title: values.title.trim(),
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    place: values.place?.trim() || null,
    organisers: values.organisers?.trim() || null,
    description: values.description?.trim() || null,
    budget: budgetLines(values.budget),
    otherParticipants: values.otherParticipants
      .filter((line) => (line.count ?? 0) > 0)
      .map((line) => ({ group: line.group, count: line.count ?? 0 })),
  };
}

/** The create request: the sessions are generated one per day from the start day. */
export function createActivityRequest(values: ActivityFormValues): CreateActivityRequest {
  const count = values.sessionCount ?? defaultSessionCount(values.startsOn, values.endsOn);
  return {
    ...(values.unit ? { unit: values.unit } : {}),
    ...commonFields(values),
    sessions: generateSessionDays(values.startsOn, count).map((heldOn) => ({ heldOn, topic: null })),
  };
}

/** The update request: kept sessions carry their id, new ones none; sorted by day. */
export function updateActivityRequest(values: ActivityFormValues, version: number): UpdateActivityRequest {
  const sessions = (values.sessions ?? [])
    .filter((session): session is SessionFormLine & { heldOn: string } => Boolean(session.heldOn))
    .map((session) => ({
      ...(session.id ? { id: session.id } : {}),
      heldOn: session.heldOn,
      topic: session.topic?.trim() || null,
    }))
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  return { ...commonFields(values), sessions, version };
}
