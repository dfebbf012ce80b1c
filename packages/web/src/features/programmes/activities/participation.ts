import {
  type ActivityParticipant,
  type ActivitySession,
  ATTENDANCE_IMPORT_MAX_BYTES,
  type AttendanceRequest,
  type OutcomesRequest,
  type ParticipantOutcome,
} from '@tuoitho/domain';

/** Attendance being edited: `childId|sessionId` → present; cells not touched are absent. */
export type AttendanceDraft = Record<string, boolean>;

export function attendanceKey(childId: string, sessionId: string): string {
  return `${childId}|${sessionId}`;
}

/** Whether a child is marked present in a session, the draft first, then what was saved. */
export function isPresent(
  participant: ActivityParticipant,
  sessionId: string,
  draft: AttendanceDraft,
): boolean {
  const edited = draft[attendanceKey(participant.childId, sessionId)];
  return edited ?? participant.attendance[sessionId] === true;
}

/** The draft with every participant present in one session ("cả lớp có mặt"). */
export function markEveryonePresent(
  participants: readonly ActivityParticipant[],
  sessionId: string,
  draft: AttendanceDraft,
): AttendanceDraft {
  const next = { ...draft };
  for (const participant of participants) next[attendanceKey(participant.childId, sessionId)] = true;
  return next;
}

/** The cells whose edited value differs from what was saved: the body of one PUT. */
export function attendanceChanges(
  participants: readonly ActivityParticipant[],
  sessions: readonly ActivitySession[],
  draft: AttendanceDraft,
): AttendanceRequest['entries'] {
  const entries: AttendanceRequest['entries'] = [];
  for (const participant of participants) {
    for (const session of sessions) {
      const edited = draft[attendanceKey(participant.childId, session.id)];
      if (edited === undefined) continue;
      if (edited !== (participant.attendance[session.id] === true)) {
        entries.push({ childId: participant.childId, sessionId: session.id, present: edited });
      }
    }
  }
  return entries;
}

/** The three marks of an outcome the officer ticks. */
export type OutcomeMarks = Pick<ParticipantOutcome, 'completed' | 'swimSafe' | 'waterSafety'>;
/** Outcomes being edited, by child id; children not touched are absent. */
export type OutcomesDraft = Record<string, OutcomeMarks>;

/** A child's marks as shown: the draft first, then what was saved. */
export function outcomeOf(participant: ActivityParticipant, draft: OutcomesDraft): OutcomeMarks {
  const { completed, swimSafe, waterSafety } = participant.outcome;
  return draft[participant.childId] ?? { completed, swimSafe, waterSafety };
}

/** The draft with one mark changed for one child. */
export function setOutcomeMark(
  participant: ActivityParticipant,
  mark: keyof OutcomeMarks,
  value: boolean,
  draft: OutcomesDraft,
): OutcomesDraft {
  return { ...draft, [participant.childId]: { ...outcomeOf(participant, draft), [mark]: value } };
}

/** The draft with "completed" ticked for everyone who attended at least one session. */
export function markAttendeesCompleted(
  participants: readonly ActivityParticipant[],
  draft: OutcomesDraft,
): OutcomesDraft {
  let next = draft;
  for (const participant of participants) {
    if (participant.sessionsAttended > 0) next = setOutcomeMark(participant, 'completed', true, next);
  }
  return next;
}

/** The children whose marks differ from what was saved, with their assessment day and note kept. */
export function outcomeChanges(
  participants: readonly ActivityParticipant[],
  draft: OutcomesDraft,
): OutcomesRequest['entries'] {
  const entries: OutcomesRequest['entries'] = [];
  for (const participant of participants) {
    const edited = draft[participant.childId];
    if (!edited) continue;
    const saved = participant.outcome;
    const isChanged =
      edited.completed !== saved.completed ||
      edited.swimSafe !== saved.swimSafe ||
      edited.waterSafety !== saved.waterSafety;
    if (isChanged) {
      entries.push({
        childId: participant.childId,
        ...edited,
        assessedOn: saved.assessedOn,
        note: saved.note,
      });
    }
  }
  return entries;
}

/** Whether a chosen file can be a class list: an .xlsx of at most 2 MB. */
export function sheetFileProblem(file: Pick<File, 'name' | 'size'>): 'type' | 'size' | undefined {
  if (!/\.xlsx$/i.test(file.name)) return 'type';
  if (file.size > ATTENDANCE_IMPORT_MAX_BYTES) return 'size';
  return undefined;
}
