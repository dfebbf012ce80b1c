import {
  addWorkingDays,
  applyAction,
  type CaseAction,
  type CaseActionOf,
  type CaseActionType,
  type CaseClockStep,
  type CaseState,
  type CaseStatus,
  type ConcernType,
  findCurrentPlan,
  findOpenClock,
  formatVnDateTime,
  type HolidayCalendar,
  type IntakeChannel,
  type IntakeUrgency,
  isWorkingDay,
  type ProtectionLevelCode,
  parseInstant,
  type RiskLevel,
  vnDateOf,
  vnInstant,
} from '@tuoitho/domain';
import { deriveSeed, Random, weighted } from '../children/generate-data/random';
import * as texts from './cases.seed-texts';
import { calendarAround } from './cases.service';

/**
 * The demo cases as a pure plan: which child, when, and the whole history of actions, each
 * applied through the domain rules while it is built (so every planned case is a valid history).
 * The same seed, `now` and children give the same plan.
 */

export type DemoCaseChild = { id: string; dateOfBirth: string; sex: 'male' | 'female' };
export type DemoCaseUnit = {
  code: string;
  /** Ward name for service names ("Phường Bỉm Sơn"). */
  name: string;
  officerId: string;
  leaderId: string;
  /** Children of the ward, in a stable order. */
  children: readonly DemoCaseChild[];
};

export type PlannedCase = {
  unitCode: string;
  childId: string;
  receivedAt: Date;
  channel: IntakeChannel;
  concerns: ConcernType[];
  urgency: IntakeUrgency;
  summary: string;
  reporter: string | null;
  actions: CaseAction[];
  state: CaseState;
  createdBy: string;
  assigneeId: string;
};

type CloseKind = 'plan_completed' | 'unfounded' | 'transferred' | 'duplicate';

/** What the story of one case should look like. */
type Scenario = {
  receivedAt: Date;
  target: CaseStatus;
  closeKind?: CloseKind;
  urgency?: IntakeUrgency;
  emergency?: boolean;
  removal?: 'active' | 'ended' | 'late';
  latePlan?: boolean;
  extendPlan?: boolean;
  rejected?: boolean;
  reopen?: boolean;
  replan?: boolean;
  leaderIntake?: boolean;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const concernWeights = weighted(
  'physical_violence 30, neglect 20, sexual_abuse 11, child_labour 8, online_abuse 8, other 8, abandonment 6, exploitation 6, trafficking 3',
) as ReadonlyArray<readonly [ConcernType, number]>;
const channelWeights = weighted(
  'school 22, hotline_111 20, neighbour 18, police 13, health_facility 10, other 7, child 5, public_portal 5',
) as ReadonlyArray<readonly [IntakeChannel, number]>;
const secondConcern: Partial<Record<ConcernType, ConcernType>> = {
  physical_violence: 'neglect',
  child_labour: 'exploitation',
  online_abuse: 'sexual_abuse',
  abandonment: 'neglect',
  neglect: 'other',
};
const channelMinAge: Partial<Record<IntakeChannel, number>> = { school: 6, child: 10, public_portal: 6 };

/** Closed cases per year, oldest (now − 10 years) first: more in recent years. */
const CLOSED_PER_YEAR = [6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 7];

/** Open and recent cases: received `ago` hours before now, with the status they reach. */
const RECENT: ReadonlyArray<[number, number, Omit<Scenario, 'receivedAt'>]> = [
  [1, 6, { target: 'initial_assessment' }],
  [3, 9, { target: 'initial_assessment', leaderIntake: true }],
  [28, 50, { target: 'initial_assessment' }],
  [2, 7, { target: 'emergency', urgency: 'emergency', emergency: true }],
  [15, 22, { target: 'emergency', urgency: 'emergency', emergency: true }],
  [20, 70, { target: 'detailed_assessment' }],
  [30, 90, { target: 'detailed_assessment', urgency: 'emergency', emergency: true, removal: 'active' }],
  [4 * 24, 6 * 24, { target: 'detailed_assessment' }],
  [3 * 24, 5 * 24, { target: 'planning' }],
  [9 * 24, 12 * 24, { target: 'planning' }],
  [8 * 24, 11 * 24, { target: 'planning', extendPlan: true }],
  [12 * 24, 20 * 24, { target: 'planning', rejected: true }],
  [4 * 24, 6 * 24, { target: 'awaiting_approval' }],
  [7 * 24, 10 * 24, { target: 'awaiting_approval', latePlan: true }],
  [13 * 24, 16 * 24, { target: 'awaiting_approval' }],
  [15 * 24, 25 * 24, { target: 'implementing' }],
  [18 * 24, 28 * 24, { target: 'implementing', leaderIntake: true }],
  [25 * 24, 45 * 24, { target: 'implementing', latePlan: true }],
  [30 * 24, 58 * 24, { target: 'implementing', urgency: 'emergency', emergency: true, removal: 'ended' }],
  [30 * 24, 58 * 24, { target: 'implementing', rejected: true }],
  [35 * 24, 58 * 24, { target: 'closure_proposed' }],
  [35 * 24, 58 * 24, { target: 'closure_proposed', latePlan: true }],
  [5 * 24, 20 * 24, { target: 'closed', closeKind: 'unfounded' }],
  [10 * 24, 40 * 24, { target: 'closed', closeKind: 'transferred' }],
  [40 * 24, 58 * 24, { target: 'closed', closeKind: 'plan_completed' }],
  [62 * 24, 120 * 24, { target: 'implementing', replan: true }],
  [62 * 24, 150 * 24, { target: 'implementing' }],
  [90 * 24, 200 * 24, { target: 'implementing', extendPlan: true }],
  [100 * 24, 230 * 24, { target: 'closure_proposed' }],
  [62 * 24, 230 * 24, { target: 'closed', closeKind: 'plan_completed' }],
  [62 * 24, 230 * 24, { target: 'closed', closeKind: 'plan_completed', rejected: true }],
  [62 * 24, 230 * 24, { target: 'closed', closeKind: 'unfounded' }],
  [
    62 * 24,
    230 * 24,
    { target: 'closed', closeKind: 'plan_completed', urgency: 'emergency', emergency: true },
  ],
  [62 * 24, 230 * 24, { target: 'closed', closeKind: 'plan_completed' }],
  [62 * 24, 230 * 24, { target: 'closed', closeKind: 'plan_completed', latePlan: true }],
  [62 * 24, 230 * 24, { target: 'closed', closeKind: 'transferred' }],
];

/** The demo cases planned at `now` for the given wards (about 60 % in the first). */
export function planDemoCases(opts: {
  seed: number;
  now: Date;
  units: readonly DemoCaseUnit[];
  /** Share of cases in the first unit. */
  firstUnitShare?: number;
}): PlannedCase[] {
  const random = new Random(deriveSeed(opts.seed, 'demo-cases'));
  const scenarios = scenariosAt(opts.now, random);
  const used = new Map<string, Set<string>>(opts.units.map((u) => [u.code, new Set()]));
  const decisions = new Map<string, number>();
  const planned: PlannedCase[] = [];
  const share = opts.firstUnitShare ?? 0.6;
  for (const scenario of scenarios) {
    const unit = opts.units.length > 1 && !random.chance(share) ? opts.units[1]! : opts.units[0]!;
    const built = buildCase(random, scenario, unit, opts.now, used.get(unit.code)!, decisions);
    if (built) planned.push(built);
  }
  return planned;
}

function scenariosAt(now: Date, random: Random): Scenario[] {
  const scenarios: Scenario[] = RECENT.map(([from, to, rest]) => ({
    ...rest,
    receivedAt: minute(new Date(now.getTime() - random.int(from * 60, to * 60) * 60_000)),
  }));
  const year = Number(vnDateOf(now).slice(0, 4));
  const latestClosed = now.getTime() - 240 * DAY;
  let historic = 0;
  for (const [index, count] of CLOSED_PER_YEAR.entries()) {
    const y = year - CLOSED_PER_YEAR.length + 1 + index;
    const start = vnInstant(`${y}-01-01`, '07:00').getTime();
    const end = Math.min(vnInstant(`${y}-12-31`, '17:00').getTime(), latestClosed);
    if (end <= start) continue;
    for (let i = 0; i < count; i++) {
      historic++;
      const closeKind = random.weighted<CloseKind>([
        ['plan_completed', 78],
        ['unfounded', 12],
        ['transferred', 8],
        ['duplicate', 2],
      ]);
      scenarios.push({
        receivedAt: daytime(random, new Date(start + random.float() * (end - start))),
        target: 'closed',
        closeKind,
        // Every 30th historic case is reopened; the first removal of the set lasts too long.
        reopen: closeKind === 'plan_completed' && historic % 30 === 7,
        removal: historic === 3 ? 'late' : undefined,
        emergency: historic === 3 ? true : undefined,
        urgency: historic === 3 ? 'emergency' : undefined,
        latePlan: random.chance(0.25),
        rejected: random.chance(0.15),
        replan: random.chance(0.08),
        extendPlan: random.chance(0.08),
      });
    }
  }
  // Cases are numbered in the order of receipt, so they are built in that order too.
  return scenarios.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}

/** The instant's day in Viet Nam at a time when reports usually come in (06:30–21:30). */
function daytime(random: Random, instant: Date): Date {
  const minutes = random.int(6 * 60 + 30, 21 * 60 + 30);
  return vnInstant(vnDateOf(instant), `${Math.floor(minutes / 60)}:${minutes % 60}`);
}

const minute = (date: Date) => new Date(Math.floor(date.getTime() / 60_000) * 60_000);

function ageOn(dateOfBirth: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return date.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

function pickChild(random: Random, unit: DemoCaseUnit, date: string, minAge: number, used: Set<string>) {
  const fits = (child: DemoCaseChild, min: number) => {
    if (child.dateOfBirth >= date) return false;
    const age = ageOn(child.dateOfBirth, date);
    return age >= min && age < 16;
  };
  for (const [min, fresh] of [
    [minAge, true],
    [minAge, false],
    [0, false],
  ] as const) {
    const candidates = unit.children.filter((c) => fits(c, min) && (!fresh || !used.has(c.id)));
    if (candidates.length > 0) return random.pick(candidates);
  }
  return undefined;
}

function buildCase(
  random: Random,
  scenario: Scenario,
  unit: DemoCaseUnit,
  now: Date,
  used: Set<string>,
  decisions: Map<string, number>,
): PlannedCase | undefined {
  let concern = random.weighted(concernWeights);
  let channel = random.weighted(channelWeights);
  if (scenario.emergency && !['physical_violence', 'sexual_abuse', 'trafficking'].includes(concern)) {
    concern = random.pick(['physical_violence', 'sexual_abuse', 'physical_violence'] as const);
  }
  if (concern === 'online_abuse' && channel === 'health_facility') channel = 'public_portal';
  const story = texts.concernStories[concern];
  const date = vnDateOf(scenario.receivedAt);
  const child = pickChild(random, unit, date, Math.max(story.minAge, channelMinAge[channel] ?? 0), used);
  if (!child) return undefined;
  used.add(child.id);
  const age = ageOn(child.dateOfBirth, date);
  const concerns: ConcernType[] = [concern];
  const second = secondConcern[concern];
  if (second && random.chance(0.3)) concerns.push(second);
  const urgency: IntakeUrgency =
    scenario.urgency ??
    (['sexual_abuse', 'trafficking'].includes(concern)
      ? random.weighted<IntakeUrgency>([
          ['emergency', 6],
          ['urgent', 4],
        ])
      : random.weighted<IntakeUrgency>([
          ['emergency', 1],
          ['urgent', 4],
          ['routine', 5],
        ]));
  const tre = `Trẻ ${child.sex === 'male' ? 'nam' : 'nữ'}, ${age} tuổi,`;
  const body = random
    .pick(story.texts)
    .replace('{tre}', tre)
    .replace('{kp}', String(random.int(1, 12)));
  const summary = `${random.pick(texts.channelOpeners[channel])} ${body}`;
  const reporter = random.chance(0.7) ? random.pick(texts.reporters[channel]) : null;
  const script = new CaseScript(random, unit, scenario.receivedAt, now, decisions);
  const leaderIntake = scenario.leaderIntake ?? random.chance(0.12);
  runStory(script, scenario, { channel, concerns, urgency, childId: child.id, summary, leaderIntake });
  // A removal whose end is past is ended even when the story stopped before it.
  if (script.removalEnd) script.endRemoval(script.removalEnd);
  const state = script.state!;
  const intakeBy = script.actions[0]!.by.userId;
  let assigneeId = intakeBy;
  for (const action of script.actions) if (action.type === 'assigned') assigneeId = action.assigneeId;
  return {
    unitCode: unit.code,
    childId: child.id,
    receivedAt: scenario.receivedAt,
    channel,
    concerns,
    urgency,
    summary,
    reporter,
    actions: script.actions,
    state,
    createdBy: intakeBy,
    assigneeId,
  };
}

/** A case being written: applies each action through the domain rules and keeps the time. */
class CaseScript {
  readonly actions: CaseAction[] = [];
  state: CaseState | undefined;
  cursor: Date;
  readonly calendar: HolidayCalendar;
  private readonly limit: number;
  /** A removal to end at that time, recorded before any later action. */
  removalEnd: Date | null = null;

  constructor(
    readonly random: Random,
    readonly unit: DemoCaseUnit,
    readonly receivedAt: Date,
    now: Date,
    private readonly decisions: Map<string, number>,
  ) {
    this.cursor = receivedAt;
    this.calendar = calendarAround(receivedAt);
    this.limit = now.getTime() - 2 * 60_000;
  }

  get status(): CaseStatus {
    return this.state!.status;
  }

  /** A time `hours` after the cursor (in a range), never before it nor after now. */
  after(minHours: number, maxHours: number): Date {
    return this.fit(this.cursor.getTime() + (minHours + this.random.float() * (maxHours - minHours)) * HOUR);
  }

  /** Office hours (07:30–16:45) of the working day `days` calendar days after the cursor, or later. */
  office(minDays: number, maxDays: number): Date {
    let day = vnDateOf(new Date(this.cursor.getTime() + this.random.int(minDays, maxDays) * DAY));
    while (!isWorkingDay(day, this.calendar)) day = vnDateOf(new Date(vnInstant(day).getTime() + DAY + HOUR));
    const minutes = this.random.int(7 * 60 + 30, 16 * 60 + 45);
    const at = vnInstant(day, `${Math.floor(minutes / 60)}:${minutes % 60}`);
    return this.fit(
      at.getTime() <= this.cursor.getTime()
        ? this.cursor.getTime() + this.random.int(20, 180) * 60_000
        : at.getTime(),
    );
  }

  /** A time that meets the running clock of a step on time, or misses it by 1–4 working days. */
  meet(step: CaseClockStep, late: boolean): Date {
    const clock = findOpenClock(this.state!, step);
    if (!clock) return this.office(0, 2);
    const due = parseInstant(clock.dueAt).getTime();
    if (late) {
      const lateDue = addWorkingDays(new Date(due), this.random.int(1, 4), this.calendar).getTime();
      return this.fit(lateDue - this.random.int(6, 14) * HOUR);
    }
    const room = due - this.cursor.getTime();
    if (room <= 0) return this.after(0.2, 2);
    return this.fit(this.cursor.getTime() + room * (0.15 + this.random.float() * 0.7));
  }

  private fit(time: number): Date {
    const cursor = this.cursor.getTime();
    let t = Math.max(time, cursor);
    if (t > this.limit) t = cursor + Math.max(0, this.limit - cursor) * (0.1 + this.random.float() * 0.4);
    return new Date(Math.max(cursor, Math.floor(t / 60_000) * 60_000));
  }

  /** Whether an action at a time would still be in the past (a story stops at now). */
  isPast(at: Date): boolean {
    return at.getTime() <= this.limit;
  }

  record<T extends CaseActionType>(
    type: T,
    at: Date,
    who: 'officer' | 'leader',
    payload: Omit<CaseActionOf<T>, 'type' | 'at' | 'by'>,
  ): void {
    if (type !== 'removal_ended' && this.removalEnd && this.removalEnd.getTime() <= at.getTime()) {
      this.endRemoval(this.removalEnd);
    }
    const userId = who === 'officer' ? this.unit.officerId : this.unit.leaderId;
    const action = { type, at: formatVnDateTime(at), by: { userId, role: who }, ...payload } as CaseAction;
    this.state = applyAction(this.state, action, this.calendar);
    this.actions.push(action);
    this.cursor = at;
  }

  endRemoval(at: Date): void {
    this.removalEnd = null;
    const outcome = this.random.chance(0.8) ? 'returned_to_family' : 'alternative_care';
    this.record('removal_ended', at, this.random.chance(0.5) ? 'officer' : 'leader', { outcome });
  }

  /** The next decision number of the ward's People's Committee in the year of `at`. */
  decision(at: Date): { decisionNumber: string; decisionDate: string } {
    const date = vnDateOf(at);
    const key = `${this.unit.code}/${date.slice(0, 4)}`;
    const next = (this.decisions.get(key) ?? this.random.int(2, 9)) + this.random.int(1, 12);
    this.decisions.set(key, next);
    return { decisionNumber: `${next}/QĐ-UBND`, decisionDate: date };
  }

  measures(count: number, prefix: string) {
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(this.random.int(0, texts.planMeasures.length - 1));
    return [...chosen].map((index, i) => {
      const m = texts.planMeasures[index]!;
      return {
        id: `${prefix}${i + 1}`,
        description: m.description,
        responsible: m.responsible,
        service: m.service?.replace('{phuong}', this.unit.name) ?? null,
        dueDate: vnDateOf(new Date(this.cursor.getTime() + this.random.int(14, 60) * DAY)),
      };
    });
  }
}

const levelOf = (risk: RiskLevel, random: Random): ProtectionLevelCode =>
  risk === 'high' ? 'can_thiep' : risk === 'medium' ? 'ho_tro' : random.chance(0.5) ? 'phong_ngua' : 'ho_tro';

function runStory(
  s: CaseScript,
  o: Scenario,
  intake: {
    channel: IntakeChannel;
    concerns: ConcernType[];
    urgency: IntakeUrgency;
    childId: string;
    summary: string;
    leaderIntake: boolean;
  },
): void {
  const r = s.random;
  const stop = (status: CaseStatus) => o.target === status && s.status === status;
  s.record(
    'intake',
    s.after(0.05, intake.channel === 'hotline_111' ? 0.3 : 1.5),
    intake.leaderIntake ? 'leader' : 'officer',
    {
      receivedAt: formatVnDateTime(s.receivedAt),
      channel: intake.channel,
      concernTypes: intake.concerns,
      urgency: intake.urgency,
      childId: intake.childId,
      summary: intake.summary,
    },
  );
  if (intake.leaderIntake) {
    s.record('assigned', s.after(0.2, 2), 'leader', { assigneeId: s.unit.officerId });
  }
  if (stop('initial_assessment')) return;

  const early = o.target === 'closed' && (o.closeKind === 'unfounded' || o.closeKind === 'duplicate');
  const isEmergency =
    !early &&
    (o.emergency ??
      (intake.urgency === 'emergency' ? r.chance(0.7) : intake.urgency === 'urgent' && r.chance(0.15)));
  const risk: RiskLevel = isEmergency
    ? 'high'
    : early
      ? 'low'
      : r.weighted<RiskLevel>([
          ['high', 2],
          ['medium', 5],
          ['low', 3],
        ]);
  s.record('initial_assessment', s.meet('initial_assessment', r.chance(0.08)), 'officer', {
    riskLevel: risk,
    harm: r.pick(texts.harms[risk]),
    isEmergency,
    protectionLevel: levelOf(risk, r),
  });
  if (early) {
    s.record('closed', s.office(1, 6), 'leader', {
      reason: o.closeKind!,
      note: r.pick(texts.closeNotes[o.closeKind!]),
    });
    return;
  }
  if (stop('emergency')) return;
  if (isEmergency) {
    const removal = o.removal ?? (r.chance(0.3) ? 'ended' : undefined);
    if (removal) {
      const at = s.meet('emergency', false);
      const startAt = new Date(Math.max(s.cursor.getTime(), at.getTime() - r.int(10, 60) * 60_000));
      const plannedEndAt = new Date(startAt.getTime() + 14 * DAY);
      s.record('temporary_removal', at, 'leader', {
        ...s.decision(at),
        placement: r.pick(texts.placements),
        startAt: formatVnDateTime(startAt),
        plannedEndAt: formatVnDateTime(plannedEndAt),
      });
      if (removal !== 'active') {
        const days = removal === 'late' ? r.int(17, 19) : r.int(4, 13);
        const end = new Date(startAt.getTime() + days * DAY);
        if (s.isPast(end)) s.removalEnd = end;
      }
    } else {
      s.record('emergency_measure', s.meet('emergency', r.chance(0.1)), 'officer', {
        description: r.pick(texts.emergencyMeasures),
      });
    }
  }
  if (o.target === 'closed' && o.closeKind === 'transferred') {
    if (s.removalEnd) s.endRemoval(s.removalEnd);
    s.record('closed', s.office(2, 10), 'leader', {
      reason: 'transferred',
      note: r.pick(texts.closeNotes.transferred),
    });
    return;
  }
  if (stop('detailed_assessment')) return;
  assessAndPlan(s, o, risk);
  if (stop('planning') || stop('awaiting_approval')) return;
  implement(s, o);
  if (stop('implementing')) return;
  closeAfterReview(s, o);
  if (stop('closure_proposed')) return;
  if (o.reopen) {
    const reopenAt = s.office(30, 120);
    if (!s.isPast(reopenAt)) return;
    s.record('reopened', reopenAt, 'leader', { reason: r.pick(texts.reopenReasons) });
    assessAndPlan(s, { ...o, rejected: false, extendPlan: false, target: 'closed' }, 'medium');
    implement(s, { ...o, replan: false });
    closeAfterReview(s, o);
  }
}

function assessAndPlan(s: CaseScript, o: Scenario, initialRisk: RiskLevel): void {
  const r = s.random;
  const risk: RiskLevel = initialRisk === 'high' && r.chance(0.6) ? 'high' : r.chance(0.6) ? 'medium' : 'low';
  const needs = new Set<string>();
  const needCount = r.int(2, 4);
  while (needs.size < needCount) needs.add(r.pick(texts.needLists));
  const assessedAt = s.office(1, 3);
  s.record('detailed_assessment', assessedAt, 'officer', {
    riskLevel: risk,
    needs: [...needs],
    meetingOn: r.chance(0.8) ? vnDateOf(assessedAt) : null,
    protectionLevel: levelOf(risk, r),
  });
  if (r.chance(0.3))
    s.record('note', s.after(2, 30), r.chance(0.8) ? 'officer' : 'leader', { text: r.pick(texts.notes) });
  draftAndApprove(s, o, 'm');
}

function draftAndApprove(s: CaseScript, o: Scenario, prefix: string): void {
  const r = s.random;
  const stopPlanning = o.target === 'planning';
  if (stopPlanning && !o.extendPlan && !o.rejected && r.chance(0.3)) return;
  const measures = s.measures(r.int(2, 5), prefix);
  s.record('plan_drafted', s.office(0, 2), 'officer', { goal: r.pick(texts.planGoals), measures });
  if (o.extendPlan) {
    const clock = findOpenClock(s.state!, 'plan');
    if (clock) {
      const newDueAt = addWorkingDays(parseInstant(clock.dueAt), r.int(3, 5), s.calendar);
      s.record('deadline_extended', s.after(1, 20), 'leader', {
        step: 'plan',
        reason: r.pick(texts.extensionReasons),
        newDueAt: formatVnDateTime(newDueAt),
      });
    }
  }
  if (stopPlanning && !o.rejected) return;
  s.record('plan_submitted', s.meet('plan', o.latePlan ?? false), 'officer', {});
  if (o.target === 'awaiting_approval') return;
  if (o.rejected) {
    s.record('plan_rejected', s.meet('plan_approval', false), 'leader', {
      reason: r.pick(texts.rejectionReasons),
    });
    if (stopPlanning) return;
    const extra = s.measures(1, `${prefix}x`);
    s.record('plan_drafted', s.office(1, 3), 'officer', {
      goal: r.pick(texts.planGoals),
      measures: [...findCurrentPlan(s.state!)!.measures.map(({ doneAt, outcome, ...m }) => m), ...extra],
    });
    s.record('plan_submitted', s.after(1, 8), 'officer', {
      note: 'Đã bổ sung theo ý kiến của Chủ tịch UBND phường',
    });
  }
  const approvedAt = s.meet('plan_approval', r.chance(0.12));
  s.record('plan_approved', approvedAt, 'leader', s.decision(approvedAt));
}

function implement(s: CaseScript, o: Scenario): void {
  const r = s.random;
  const stopHere = o.target === 'implementing';
  const pending = () => findCurrentPlan(s.state!)!.measures.filter((m) => m.doneAt === null);
  const doneBeforeStop = stopHere ? r.int(0, pending().length - 1) : Number.POSITIVE_INFINITY;
  let done = 0;
  while (pending().length > 0 && done < doneBeforeStop) {
    const measure = pending()[0]!;
    const at = s.office(3, 25);
    if (stopHere && !s.isPast(at)) return;
    s.record(
      'measure_done',
      at,
      'officer',
      r.chance(0.6)
        ? { measureId: measure.id, outcome: r.pick(texts.measureOutcomes) }
        : { measureId: measure.id },
    );
    done++;
    if (r.chance(0.15)) s.record('note', s.after(4, 72), 'officer', { text: r.pick(texts.notes) });
  }
  if (stopHere && !o.replan) {
    if (r.chance(0.4)) {
      s.record('review', s.office(5, 20), 'officer', {
        riskLevel: 'medium',
        decision: 'continue',
        summary: r.pick(texts.reviewSummaries.continue),
      });
    }
    return;
  }
  if (o.replan) {
    s.record('review', s.office(7, 30), 'officer', {
      riskLevel: r.chance(0.5) ? 'high' : 'medium',
      decision: 'replan',
      summary: r.pick(texts.reviewSummaries.replan),
    });
    draftAndApprove(
      s,
      {
        ...o,
        rejected: false,
        extendPlan: false,
        latePlan: r.chance(0.3),
        target: o.target === 'implementing' ? 'closed' : o.target,
      },
      'k',
    );
    implement(s, { ...o, replan: false });
  }
}

function closeAfterReview(s: CaseScript, o: Scenario): void {
  const r = s.random;
  if (r.chance(0.35)) {
    s.record('review', s.office(10, 40), 'officer', {
      riskLevel: 'medium',
      decision: 'continue',
      summary: r.pick(texts.reviewSummaries.continue),
    });
  }
  if (s.removalEnd) s.endRemoval(s.removalEnd);
  s.record('review', s.office(7, 45), 'officer', {
    riskLevel: 'low',
    decision: 'close',
    protectionLevel: r.chance(0.6) ? 'phong_ngua' : 'ho_tro',
    summary: r.pick(texts.reviewSummaries.close),
  });
  if (o.target === 'closure_proposed') return;
  s.record('closed', s.office(1, 10), 'leader', {
    reason: 'plan_completed',
    note: r.pick(texts.closeNotes.plan_completed),
  });
}
