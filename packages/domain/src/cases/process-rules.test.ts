import { describe, expect, it } from 'vitest';
import type { CaseActionType } from './actions';
import { type CaseState, CaseStatus } from './case-state';
import { createHolidayCalendar } from './holidays';
import { replayCase } from './process';
import { allowedActions, caseActionRoles, caseActionStatuses } from './process-rules';
import { act, intake, leader, vn } from './testing';

const calendar = createHolidayCalendar();
const opened = replayCase([intake()], calendar);
/** The opened case, put in another status, to read the status rules alone. */
const inStatus = (status: CaseStatus): CaseState => ({ ...opened, status });

describe('what each role may do in each status', () => {
  it.each([
    [
      'initial_assessment',
      ['initial_assessment', 'emergency_measure', 'note'],
      ['emergency_measure', 'temporary_removal', 'closed', 'deadline_extended', 'assigned', 'note'],
    ],
    [
      'emergency',
      ['emergency_measure', 'note'],
      ['emergency_measure', 'temporary_removal', 'closed', 'deadline_extended', 'assigned', 'note'],
    ],
    [
      'detailed_assessment',
      ['emergency_measure', 'detailed_assessment', 'note'],
      ['emergency_measure', 'temporary_removal', 'closed', 'deadline_extended', 'assigned', 'note'],
    ],
    [
      'planning',
      ['emergency_measure', 'plan_drafted', 'note'],
      ['emergency_measure', 'temporary_removal', 'closed', 'deadline_extended', 'assigned', 'note'],
    ],
    [
      'implementing',
      ['emergency_measure', 'review', 'note'],
      ['emergency_measure', 'temporary_removal', 'closed', 'deadline_extended', 'assigned', 'note'],
    ],
    [
      'closure_proposed',
      ['emergency_measure', 'review', 'note'],
      ['emergency_measure', 'temporary_removal', 'closed', 'deadline_extended', 'assigned', 'note'],
    ],
    ['closed', ['note'], ['reopened', 'note']],
  ] as Array<[CaseStatus, CaseActionType[], CaseActionType[]]>)(
    '%s: officer %j, leader %j',
    (status, officer, chairman) => {
      expect(allowedActions(inStatus(status), 'officer')).toEqual(officer);
      expect(allowedActions(inStatus(status), 'leader')).toEqual(chairman);
    },
  );

  it('reserves the chairman’s decisions to the leader', () => {
    const leaderOnly = (Object.keys(caseActionRoles) as CaseActionType[]).filter(
      (type) => !caseActionRoles[type].includes('officer'),
    );
    expect(leaderOnly).toEqual([
      'temporary_removal',
      'plan_approved',
      'plan_rejected',
      'closed',
      'reopened',
      'deadline_extended',
      'assigned',
    ]);
    expect(caseActionStatuses.intake).toEqual([]);
    for (const statuses of Object.values(caseActionStatuses)) {
      for (const status of statuses) expect(CaseStatus.options).toContain(status);
    }
  });

  it('offers no extension once no extendable clock runs', () => {
    const assessed = replayCase(
      [
        intake(),
        act('initial_assessment', vn('2026-04-27', '10:00'), {
          riskLevel: 'low',
          isEmergency: false,
          protectionLevel: 'phong_ngua',
        }),
        act('detailed_assessment', vn('2026-04-27', '11:00'), {
          riskLevel: 'low',
          needs: [],
          meetingOn: null,
        }),
        act('plan_drafted', vn('2026-04-27', '12:00'), {
          measures: [
            { id: 'm1', description: 'Thăm gia đình', responsible: 'Lan', service: null, dueDate: null },
          ],
        }),
        act('plan_submitted', vn('2026-04-27', '13:00'), {}),
        act(
          'plan_approved',
          vn('2026-04-27', '14:00'),
          { decisionNumber: '1/QĐ-UBND', decisionDate: '2026-04-27' },
          leader,
        ),
      ],
      calendar,
    );
    expect(assessed.status).toBe('implementing');
    expect(allowedActions(assessed, 'leader')).not.toContain('deadline_extended');
    expect(allowedActions(assessed, 'officer')).toEqual([
      'emergency_measure',
      'measure_done',
      'review',
      'note',
    ]);
  });
});
