import type { Activity } from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import {
  type ActivityFormValues,
  activityFormDefaults,
  activityToFormValues,
  createActivityRequest,
  daysBetween,
  defaultSessionCount,
  generateSessionDays,
  updateActivityRequest,
} from './activityForm';

const base: ActivityFormValues = {
  unit: '14812',
  kind: 'swimming_class',
  programmeId: null,
  title: '  Lớp dạy bơi hè 2026 ',
  startsOn: '2026-06-29',
  endsOn: '2026-07-03',
  sessionCount: 3,
  place: ' Hồ bơi phường ',
  organisers: '',
  description: null,
  ...activityFormDefaults(),
};

describe('session days', () => {
  it('counts both ends and refuses reversed dates', () => {
    expect(daysBetween('2026-06-01', '2026-06-01')).toBe(1);
    expect(daysBetween('2026-06-29', '2026-07-03')).toBe(5);
    expect(daysBetween('2026-07-03', '2026-06-29')).toBe(0);
  });

  it('defaults to one session per day, between 1 and 60', () => {
    expect(defaultSessionCount('2026-06-29', '2026-07-03')).toBe(5);
    expect(defaultSessionCount('2026-01-01', '2026-12-31')).toBe(60);
    expect(defaultSessionCount('2026-07-03', '2026-06-29')).toBe(1);
    expect(defaultSessionCount(undefined, '2026-06-29')).toBe(1);
  });

  it('generates one day after another across months and leap days', () => {
    expect(generateSessionDays('2026-06-29', 4)).toEqual([
      '2026-06-29',
      '2026-06-30',
      '2026-07-01',
      '2026-07-02',
    ]);
    expect(generateSessionDays('2028-02-28', 2)).toEqual(['2028-02-28', '2028-02-29']);
    expect(generateSessionDays('2026-06-01', 500)).toHaveLength(60);
  });
});

describe('activity requests', () => {
  it('builds the create request with generated sessions and only filled budget and groups', () => {
    const values: ActivityFormValues = {
      ...base,
      budget: base.budget.map((line) =>
        line.source === 'sponsor' ? { ...line, planned: 5_000_000, spent: null } : line,
      ),
      otherParticipants: base.otherParticipants.map((line) =>
        line.group === 'parents' ? { ...line, count: 12 } : line,
      ),
    };
    expect(createActivityRequest(values)).toEqual({
      unit: '14812',
      programmeId: null,
      kind: 'swimming_class',
      title: 'Lớp dạy bơi hè 2026',
      startsOn: '2026-06-29',
      endsOn: '2026-07-03',
      place: 'Hồ bơi phường',
      organisers: null,
      description: null,
      budget: [{ source: 'sponsor', planned: 5_000_000, spent: 0 }],
      otherParticipants: [{ group: 'parents', count: 12 }],
      sessions: [
        { heldOn: '2026-06-29', topic: null },
        { heldOn: '2026-06-30', topic: null },
        { heldOn: '2026-07-01', topic: null },
      ],
    });
  });

  it('leaves the unit out when none was chosen and uses the default count', () => {
    const request = createActivityRequest({ ...base, unit: undefined, sessionCount: null });
    expect(request).not.toHaveProperty('unit');
    expect(request.sessions).toHaveLength(5);
  });

  it('keeps session ids on update, adds new ones without, drops empty days and sorts', () => {
    const request = updateActivityRequest(
      {
        ...base,
        sessions: [
          { id: 'b', heldOn: '2026-07-01', topic: ' Nổi ' },
          { heldOn: '2026-06-30', topic: '' },
          { heldOn: null },
          { id: 'a', heldOn: '2026-06-29', topic: null },
        ],
      },
      4,
    );
    expect(request.version).toBe(4);
    expect(request.sessions).toEqual([
      { id: 'a', heldOn: '2026-06-29', topic: null },
      { heldOn: '2026-06-30', topic: null },
      { id: 'b', heldOn: '2026-07-01', topic: 'Nổi' },
    ]);
    expect(request).not.toHaveProperty('unit');
  });

  it('fills the edit form from an activity, a row per source and group', () => {
    const activity = {
      id: '0b8f3f4e-7c1b-4c38-9a55-0f3b1c1d2e3f',
      unitCode: '14812',
      unitName: 'Phường Bỉm Sơn',
      programmeId: null,
      programmeName: null,
      kind: 'festival',
      title: 'Tết Trung thu',
      startsOn: '2026-09-25',
      endsOn: '2026-09-25',
      place: null,
      organisers: 'Đoàn phường',
      description: null,
      budget: [{ source: 'mobilised', planned: 2_000_000, spent: 1_800_000 }],
      otherParticipants: [{ group: 'volunteers', count: 8 }],
      sessions: [{ id: 's1', seq: 1, heldOn: '2026-09-25', topic: null }],
      participantCount: 0,
      completedCount: 0,
      swimSafeCount: 0,
      canEdit: true,
      version: 2,
      createdAt: '2026-09-01T08:00:00+07:00',
      updatedAt: '2026-09-01T08:00:00+07:00',
    } satisfies Activity;
    const values = activityToFormValues(activity);
    expect(values.budget).toHaveLength(3);
    expect(values.budget.find((line) => line.source === 'mobilised')).toEqual({
      source: 'mobilised',
      planned: 2_000_000,
      spent: 1_800_000,
    });
    expect(values.otherParticipants.find((line) => line.group === 'volunteers')?.count).toBe(8);
    expect(values.sessions).toEqual([{ id: 's1', heldOn: '2026-09-25', topic: null }]);
    expect(updateActivityRequest(values, activity.version).budget).toEqual(activity.budget);
  });
});
