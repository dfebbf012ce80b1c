import type { ActivityParticipant, ActivitySession } from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import {
  attendanceChanges,
  attendanceKey,
  isPresent,
  markAttendeesCompleted,
  markEveryonePresent,
  outcomeChanges,
  outcomeOf,
  setOutcomeMark,
  sheetFileProblem,
} from './participation';

const sessions: ActivitySession[] = [
  { id: 's1', seq: 1, heldOn: '2026-06-29', topic: null },
  { id: 's2', seq: 2, heldOn: '2026-06-30', topic: null },
];

function participant(childId: string, attendance: Record<string, boolean>, completed: boolean | null = null) {
  return {
    childId,
    fullName: `Trẻ ${childId}`,
    sex: 'female',
    dateOfBirth: '2016-05-01',
    ageAtStart: 10,
    village: null,
    school: null,
    grade: null,
    attendance,
    sessionsAttended: Object.values(attendance).filter(Boolean).length,
    outcome: { completed, swimSafe: null, waterSafety: null, assessedOn: '2026-07-03', note: 'ghi chú' },
  } satisfies ActivityParticipant;
}

const an = participant('a', { s1: true });
const binh = participant('b', {});

describe('attendance', () => {
  it('reads the draft before what was saved', () => {
    expect(isPresent(an, 's1', {})).toBe(true);
    expect(isPresent(an, 's1', { [attendanceKey('a', 's1')]: false })).toBe(false);
    expect(isPresent(binh, 's2', {})).toBe(false);
  });

  it('sends only the cells that differ from what was saved', () => {
    const draft = markEveryonePresent([an, binh], 's1', {});
    draft[attendanceKey('b', 's2')] = false; // unchanged: never marked present
    draft[attendanceKey('a', 's2')] = true;
    expect(attendanceChanges([an, binh], sessions, draft)).toEqual([
      { childId: 'a', sessionId: 's2', present: true },
      { childId: 'b', sessionId: 's1', present: true },
    ]);
  });

  it('sends an absence when a saved presence is unticked', () => {
    expect(attendanceChanges([an], sessions, { [attendanceKey('a', 's1')]: false })).toEqual([
      { childId: 'a', sessionId: 's1', present: false },
    ]);
  });
});

describe('outcomes', () => {
  it('marks completed only for children who attended at least once', () => {
    const draft = markAttendeesCompleted([an, binh], {});
    expect(outcomeOf(an, draft).completed).toBe(true);
    expect(outcomeOf(binh, draft).completed).toBeNull();
  });

  it('sends changed children with their assessment day and note kept', () => {
    let draft = markAttendeesCompleted([an, binh], {});
    draft = setOutcomeMark(an, 'swimSafe', true, draft);
    draft = setOutcomeMark(binh, 'completed', false, draft);
    expect(outcomeChanges([an, binh], draft)).toEqual([
      {
        childId: 'a',
        completed: true,
        swimSafe: true,
        waterSafety: null,
        assessedOn: '2026-07-03',
        note: 'ghi chú',
      },
      {
        childId: 'b',
        completed: false,
        swimSafe: null,
        waterSafety: null,
        assessedOn: '2026-07-03',
        note: 'ghi chú',
      },
    ]);
  });

  it('sends nothing when a mark is set back to what was saved', () => {
    const done = participant('c', { s1: true }, true);
    const draft = setOutcomeMark(done, 'completed', true, {});
    expect(outcomeChanges([done], draft)).toEqual([]);
  });
});

describe('class list file', () => {
  it('takes an .xlsx of at most 2 MB', () => {
    expect(sheetFileProblem({ name: 'Điểm danh.XLSX', size: 20_000 })).toBeUndefined();
    expect(sheetFileProblem({ name: 'danh-sach.xls', size: 20_000 })).toBe('type');
    expect(sheetFileProblem({ name: 'danh-sach.xlsx', size: 2 * 1024 * 1024 + 1 })).toBe('size');
  });
});
