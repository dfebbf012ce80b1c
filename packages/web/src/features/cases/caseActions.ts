import {
  CaseActionRequest,
  type CaseActionType,
  type CaseStatus,
  formatVnDateTime,
  getCaseProcessStep,
  parseInstant,
  vnInstant,
} from '@tuoitho/domain';

/** Actions recorded from the action panel (the intake has its own page, measures their button). */
export type PanelActionType = Exclude<CaseActionType, 'intake' | 'measure_done'>;

/**
 * The order of the panel: the next step of the process first, then what can happen at any time.
 * Only those in the case's `allowedActions` are shown.
 */
export const panelActionOrder: readonly PanelActionType[] = [
  'initial_assessment',
  'emergency_measure',
  'temporary_removal',
  'removal_ended',
  'detailed_assessment',
  'plan_drafted',
  'plan_submitted',
  'plan_approved',
  'plan_rejected',
  'review',
  'closed',
  'reopened',
  'deadline_extended',
  'assigned',
  'note',
];

/** The actions of the panel that the case allows now, in the panel's order. */
export function panelActions(allowed: readonly CaseActionType[]): PanelActionType[] {
  return panelActionOrder.filter((type) => allowed.includes(type));
}

/** Decisions of the chairman: shown as primary buttons of a leader. */
export const decisionActions: ReadonlySet<CaseActionType> = new Set(['plan_approved']);

/** Actions possible at any time, shown apart from the next step of the process. */
const otherActions: ReadonlySet<CaseActionType> = new Set([
  'note',
  'assigned',
  'deadline_extended',
  'reopened',
]);
/** Emergency actions stay possible while a case is open; they lead only when the case is an emergency. */
const emergencyActions: ReadonlySet<CaseActionType> = new Set([
  'emergency_measure',
  'temporary_removal',
  'removal_ended',
]);

/**
 * The panel's groups: the process steps (`main`) and what can be done at any time (`other`),
 * with the step shown as the primary button for the case's status.
 */
export function groupPanelActions(
  actions: readonly PanelActionType[],
  status: CaseStatus,
): { main: PanelActionType[]; other: PanelActionType[]; primary: PanelActionType | undefined } {
  const main = actions.filter((type) => !otherActions.has(type));
  const other = actions.filter((type) => otherActions.has(type));
  const nextStep = main.find((type) => !emergencyActions.has(type) && type !== 'closed');
  let primary: PanelActionType | undefined;
  if (status === 'emergency') primary = main.find((type) => emergencyActions.has(type)) ?? main[0];
  else if (status === 'closure_proposed') primary = main.find((type) => type === 'closed') ?? nextStep;
  else if (status !== 'closed') primary = nextStep;
  return { main, other, primary };
}

/** Form values as the antd forms hold them: dates `YYYY-MM-DD`, instants ISO 8601 with offset. */
export type ActionFormValues = Record<string, unknown>;

export interface MeasureRow {
  id: string;
  description?: string;
  responsible?: string;
  service?: string | null;
  dueDate?: string | null;
}

/** A trimmed string, or undefined when empty (optional fields are left out, never sent as ""). */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function orNull<T>(value: T | undefined | null): T | null {
  return value === undefined ? null : value;
}

function cleanValues(type: PanelActionType | 'measure_done', values: ActionFormValues): ActionFormValues {
  const cleaned: ActionFormValues = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string') cleaned[key] = text(value);
    else if (value !== null) cleaned[key] = value;
  }
  switch (type) {
    case 'detailed_assessment':
      cleaned.needs = ((values.needs as unknown[] | undefined) ?? [])
        .map(text)
        .filter((need): need is string => need !== undefined);
      cleaned.meetingOn = orNull(text(values.meetingOn));
      break;
    case 'plan_drafted':
      cleaned.measures = ((values.measures as MeasureRow[] | undefined) ?? []).map((row) => ({
        id: row.id,
        description: text(row.description),
        responsible: text(row.responsible),
        service: orNull(text(row.service)),
        dueDate: orNull(text(row.dueDate)),
      }));
      break;
    case 'initial_assessment':
      cleaned.isEmergency = values.isEmergency === true;
      break;
    default:
      break;
  }
  return cleaned;
}

export type BuildResult = { ok: true; request: CaseActionRequest } | { ok: false; paths: string[] };

/**
 * The request of an action from its form values and the case version read: strings trimmed,
 * empty optional fields left out, nullable ones sent as null; checked against the domain schema
 * so that a form never sends what the server would refuse for its shape.
 */
export function buildActionRequest(
  type: PanelActionType | 'measure_done',
  values: ActionFormValues,
  version: number,
): BuildResult {
  const candidate = { ...cleanValues(type, values), type, version };
  const parsed = CaseActionRequest.safeParse(candidate);
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, paths: parsed.error.issues.map((issue) => issue.path.join('.')) };
}

/** The longest temporary removal (Decree 56 Art. 26(4)), from the process catalogue. */
export const MAX_REMOVAL_DAYS = getCaseProcessStep(4).maxRemovalDays ?? 15;

/** Days (fractional) between the start and the planned end of a removal. */
export function removalDurationDays(startAt: string, plannedEndAt: string): number {
  return (Date.parse(plannedEndAt) - Date.parse(startAt)) / 86_400_000;
}

/** True when a planned removal is longer than the law allows (the form warns; a leader extends). */
export function exceedsMaxRemoval(startAt: string | undefined, plannedEndAt: string | undefined): boolean {
  if (!startAt || !plannedEndAt) return false;
  return removalDurationDays(startAt, plannedEndAt) > MAX_REMOVAL_DAYS;
}

/** A new measure id not used in the plan: `m1`, `m2`… (the server requires unique ids). */
export function nextMeasureId(existing: readonly string[]): string {
  const taken = new Set(existing);
  let number = existing.length + 1;
  while (taken.has(`m${number}`)) number += 1;
  return `m${number}`;
}

/** The instant of a date and time read on a Vietnamese wall clock, as ISO with `+07:00`. */
export function vnWallClockToIso(date: string, time: string): string {
  return formatVnDateTime(vnInstant(date, time));
}

/** The Vietnamese wall-clock date (`YYYY-MM-DD`) and time (`HH:mm`) of an instant. */
export function isoToVnWallClock(iso: string): { date: string; time: string } {
  const local = formatVnDateTime(parseInstant(iso));
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** Now as ISO with `+07:00`, to the minute (the default of "received at"). */
export function nowInVietnamIso(now: Date = new Date()): string {
  const { date, time } = isoToVnWallClock(now.toISOString());
  return vnWallClockToIso(date, time);
}
