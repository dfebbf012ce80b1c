import { addCalendarDays, RECOMMENDATION_REMINDER_DAYS, type RecommendationStatus } from '@tuoitho/domain';
import type { Random } from '../../children/generate-data/random';
import { DemoUser, earlier, later } from './demo-plans';
import type { PlannedSession } from './demo-sessions';
import { DONE_NOTES, PROGRESS_NOTES, SHORTCOMINGS } from './demo-templates';

/**
 * The recommendations that follow each shortcoming and how the commune followed them up, as seen
 * on `today`: older ones done (on time or late, one left overdue), last year's in a mix of done
 * and overdue, this year's open, in progress and due within the reminder window. Deadlines and
 * completion days are drawn so that the intended state holds on `today`; nothing happens after it.
 *
 * Reminder events match the daily job's (`to_status` due_soon or overdue, `note` the deadline).
 * Only past reminders are recorded: the one of the current state (an overdue or due-soon
 * recommendation) is left to the job, which sends it with its notifications at the first start.
 */

/** The follow-up a recommendation is planned to show. */
export type FollowUp =
  | 'done_on_time'
  | 'done_late'
  | 'overdue_open'
  | 'overdue_in_progress'
  | 'in_progress'
  | 'open'
  | 'due_soon';

export type PlannedEvent = {
  on: string;
  time: string;
  kind: 'created' | 'status' | 'response' | 'reminder';
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  actor: string | null;
};

export type PlannedRecommendation = {
  key: string;
  sessionKey: string;
  findingKey: string;
  unitCode: string;
  text: string;
  createdOn: string;
  deadline: string;
  status: RecommendationStatus;
  response: string | null;
  completedOn: string | null;
  followUp: FollowUp;
  events: PlannedEvent[];
};

const LAST_YEAR_CYCLE: FollowUp[] = [
  'done_on_time',
  'overdue_open',
  'done_late',
  'overdue_in_progress',
  'done_on_time',
];
const THIS_YEAR_CYCLE: FollowUp[] = ['due_soon', 'open', 'in_progress'];

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** The intended follow-up, or a weaker one when the session is too recent for it. */
function feasible(intent: FollowUp, heldOn: string, today: string): FollowUp {
  const age = days(heldOn, today);
  if (intent === 'done_on_time' && age < 10) return 'in_progress';
  if (intent === 'done_late' && age < 45) return age >= 10 ? 'done_on_time' : 'open';
  if ((intent === 'overdue_open' || intent === 'overdue_in_progress') && age < 35) return 'in_progress';
  return intent;
}

export type FollowUpInput = {
  sessions: PlannedSession[];
  today: string;
  currentYear: number;
  random: Random;
};

/** One recommendation per shortcoming of every completed session, to the inspected commune. */
export function planRecommendations(input: FollowUpInput): PlannedRecommendation[] {
  const { today, currentYear, random } = input;
  const completed = input.sessions
    .filter((s) => s.status === 'completed')
    .sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.key < b.key ? -1 : 1));
  const lastOld = completed.filter((s) => s.year === currentYear - 2).at(-1);
  let lastYearIndex = 0;
  let thisYearIndex = 0;
  const recommendations: PlannedRecommendation[] = [];
  for (const session of completed) {
    const shortcomings = session.findings.filter((f) => f.severity !== 'good');
    shortcomings.forEach((finding, index) => {
      let intent: FollowUp;
      if (session.year === currentYear) intent = THIS_YEAR_CYCLE[thisYearIndex++ % THIS_YEAR_CYCLE.length]!;
      else if (session.year === currentYear - 1)
        intent = LAST_YEAR_CYCLE[lastYearIndex++ % LAST_YEAR_CYCLE.length]!;
      // One recommendation of two years ago is still not done.
      else if (session === lastOld && index === shortcomings.length - 1) intent = 'overdue_open';
      else intent = random.chance(0.72) ? 'done_on_time' : 'done_late';
      const followUp = feasible(intent, session.heldOn, today);
      recommendations.push(
        settle(
          session,
          finding.key,
          SHORTCOMINGS[finding.questionId!]!.recommendation,
          followUp,
          today,
          random,
        ),
      );
    });
  }
  return recommendations;
}

function settle(
  session: PlannedSession,
  findingKey: string,
  text: string,
  followUp: FollowUp,
  today: string,
  random: Random,
): PlannedRecommendation {
  const heldOn = session.heldOn;
  const age = days(heldOn, today);
  const officer = DemoUser.officerOf(session.unitCode);
  const events: PlannedEvent[] = [
    {
      on: heldOn,
      time: '16:30',
      kind: 'created',
      fromStatus: null,
      toStatus: 'open',
      note: null,
      actor: DemoUser.inspector,
    },
  ];
  const respond = (on: string, from: RecommendationStatus, to: RecommendationStatus, note: string) => {
    // A report on the day of the visit comes after the team recorded the recommendation.
    const time = on === heldOn ? '17:00' : '10:00';
    events.push({ on, time, kind: 'status', fromStatus: from, toStatus: to, note: null, actor: officer });
    events.push({ on, time, kind: 'response', fromStatus: null, toStatus: null, note, actor: officer });
  };
  const remind = (on: string, state: 'due_soon' | 'overdue') => {
    if (on > heldOn && on <= today) {
      events.push({
        on,
        time: '07:00',
        kind: 'reminder',
        fromStatus: null,
        toStatus: state,
        note: deadline,
        actor: null,
      });
    }
  };
  let deadline: string;
  let status: RecommendationStatus = 'open';
  let response: string | null = null;
  let completedOn: string | null = null;

  const startOn = (until: string) =>
    addCalendarDays(heldOn, Math.min(random.int(3, 20), Math.max(0, days(heldOn, until))));
  switch (followUp) {
    case 'done_on_time':
    case 'done_late': {
      const isLate = followUp === 'done_late';
      // Late: the deadline passed at least 5 days before completion, which is not after today.
      const span = isLate
        ? random.pick([30, 45, 60].filter((d) => d <= age - 10))
        : random.pick([30, 60, 90, 120]);
      deadline = addCalendarDays(heldOn, span);
      const latest = isLate ? earlier(today, addCalendarDays(deadline, 40)) : earlier(today, deadline);
      const earliest = isLate ? addCalendarDays(deadline, 5) : addCalendarDays(heldOn, 7);
      completedOn = addCalendarDays(earliest, random.int(0, Math.max(0, days(earliest, latest))));
      if (random.chance(0.5) && days(heldOn, completedOn) > 6) {
        respond(
          startOn(addCalendarDays(completedOn, -1)),
          'open',
          'in_progress',
          random.pick(PROGRESS_NOTES),
        );
        status = 'in_progress';
      }
      // The daily job reminds only what is not done yet.
      const windowOpens = addCalendarDays(deadline, -RECOMMENDATION_REMINDER_DAYS);
      if (windowOpens < completedOn) remind(windowOpens, 'due_soon');
      if (isLate) remind(addCalendarDays(deadline, 1), 'overdue');
      response = random.pick(DONE_NOTES);
      respond(completedOn, status, 'done', response);
      status = 'done';
      break;
    }
    case 'overdue_open':
    case 'overdue_in_progress': {
      deadline = addCalendarDays(heldOn, Math.min(random.pick([30, 60, 90]), age - 5));
      if (followUp === 'overdue_in_progress') {
        response = random.pick(PROGRESS_NOTES);
        respond(startOn(addCalendarDays(deadline, -1)), 'open', 'in_progress', response);
        status = 'in_progress';
      }
      remind(addCalendarDays(deadline, -RECOMMENDATION_REMINDER_DAYS), 'due_soon');
      break;
    }
    case 'in_progress':
    case 'open':
    case 'due_soon': {
      deadline =
        followUp === 'due_soon'
          ? addCalendarDays(today, random.int(1, RECOMMENDATION_REMINDER_DAYS - 1))
          : addCalendarDays(
              later(today, heldOn),
              followUp === 'open' ? random.int(20, 75) : random.int(10, 60),
            );
      if (followUp === 'in_progress' || (followUp === 'due_soon' && random.chance(0.5))) {
        response = random.pick(PROGRESS_NOTES);
        respond(startOn(today), 'open', 'in_progress', response);
        status = 'in_progress';
      }
      break;
    }
  }
  const when = (e: PlannedEvent) => `${e.on} ${e.time}`;
  events.sort((a, b) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : 0));
  return {
    key: `${findingKey}/r`,
    sessionKey: session.key,
    findingKey,
    unitCode: session.unitCode,
    text,
    createdOn: heldOn,
    deadline,
    status,
    response,
    completedOn,
    followUp,
    events,
  };
}
