import type {
  AnswerType,
  AnswerValue,
  ChecklistQuestion,
  ChecklistTemplate,
  CreateChecklistTemplateRequest,
  CreateInspectionPlanRequest,
  FindingSeverity,
  InspectionPlan,
  InspectionSession,
  InspectionTopic,
  Permission,
  RecommendationState,
  RespondRecommendationRequest,
  TeamRole,
  UpdateInspectionSessionRequest,
} from '@tuoitho/domain';

/** Pure helpers of the inspection screens: form values to requests, tabs, grouping, colours. */

// ---------------------------------------------------------------- tabs

export const inspectionTabs = ['plans', 'board', 'recommendations', 'templates'] as const;
export type InspectionTab = (typeof inspectionTabs)[number];

/**
 * The tabs a user sees: inspectors and the province (inspections.read) see everything; a commune
 * officer who only answers recommendations sees those addressed to the unit and the board.
 */
export function visibleTabs(permissions: readonly Permission[]): InspectionTab[] {
  const canRead = permissions.includes('inspections.read');
  const canRespond = permissions.includes('inspections.respond');
  if (canRead) return [...inspectionTabs];
  if (canRespond) return ['recommendations', 'board'];
  return [];
}

/** The tab of `?tab=` when the user may see it, otherwise the first visible one. */
export function chosenTab(param: string | null, visible: readonly InspectionTab[]): InspectionTab {
  const found = visible.find((tab) => tab === param);
  return found ?? visible[0] ?? 'recommendations';
}

// ---------------------------------------------------------------- colours

export const stateColors: Record<RecommendationState, string> = {
  open: 'blue',
  in_progress: 'gold',
  done: 'green',
  overdue: 'red',
};

export const severityColors: Record<FindingSeverity, string> = {
  good: 'green',
  minor: 'orange',
  major: 'red',
};

/** Photos are shown as thumbnails; PDFs as a link. */
export function isImage(contentType: string): boolean {
  return /^image\/(jpeg|png|webp)$/.test(contentType);
}

// ---------------------------------------------------------------- checklist

export interface QuestionGroup {
  /** The id prefix shared by the group's questions (`a` of `a.1`, `a.2`), or '' for ungrouped ones. */
  key: string;
  questions: Array<{ question: ChecklistQuestion; number: number }>;
}

/**
 * The questions in the template's order, grouped as the template groups them: consecutive
 * questions sharing the id prefix before the first dot (`1.1`, `1.2` → group `1`). Numbers run
 * across groups so that the printed report and the screen say the same "câu 7".
 */
export function groupQuestions(questions: readonly ChecklistQuestion[]): QuestionGroup[] {
  const groups: QuestionGroup[] = [];
  questions.forEach((question, index) => {
    const dot = question.id.indexOf('.');
    const key = dot > 0 ? question.id.slice(0, dot) : '';
    const last = groups.at(-1);
    if (last && last.key === key) last.questions.push({ question, number: index + 1 });
    else groups.push({ key, questions: [{ question, number: index + 1 }] });
  });
  return groups;
}

export interface AnswerDraft {
  value: AnswerValue;
  note: string;
}

export interface FindingDraft {
  id?: string | undefined;
  questionId: string | null;
  severity: FindingSeverity;
  text: string;
}

/** What the session form holds between two saves. */
export interface SessionDraft {
  heldOn: string;
  summary: string;
  conclusion: string;
  answers: Record<string, AnswerDraft>;
  findings: FindingDraft[];
}

/** The form's starting point: the session as the server keeps it. */
export function sessionToDraft(session: InspectionSession): SessionDraft {
  const answers: Record<string, AnswerDraft> = {};
  for (const answer of session.answers)
    answers[answer.questionId] = { value: answer.value, note: answer.note ?? '' };
  return {
    heldOn: session.heldOn,
    summary: session.summary ?? '',
    conclusion: session.conclusion ?? '',
    answers,
    findings: session.findings.map((finding) => ({
      id: finding.id,
      questionId: finding.questionId,
      severity: finding.severity,
      text: finding.text,
    })),
  };
}

/** The answers as `scoreChecklist` takes them. */
export function answerValues(answers: Record<string, AnswerDraft>): Map<string, AnswerValue> {
  return new Map(Object.entries(answers).map(([questionId, answer]) => [questionId, answer.value]));
}

/** Normalises a typed value: an empty text or a cleared number is no answer. */
export function normaliseAnswer(type: AnswerType, value: unknown): AnswerValue {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'yes_no':
      return typeof value === 'boolean' ? value : null;
    case 'score':
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? value : null;
  }
}

/** Indexes of findings without text (the server refuses them; the form says which). */
export function findingsWithoutText(findings: readonly FindingDraft[]): number[] {
  return findings.flatMap((finding, index) => (finding.text.trim() === '' ? [index] : []));
}

/** The draft as `PUT /sessions/{id}`: answers with a value or a note, findings in order. */
export function draftToRequest(draft: SessionDraft, version: number): UpdateInspectionSessionRequest {
  return {
    heldOn: draft.heldOn,
    summary: draft.summary.trim() || null,
    conclusion: draft.conclusion.trim() || null,
    answers: Object.entries(draft.answers)
      .filter(([, answer]) => answer.value !== null || answer.note.trim() !== '')
      .map(([questionId, answer]) => ({ questionId, value: answer.value, note: answer.note.trim() || null })),
    findings: draft.findings.map((finding) => ({
      ...(finding.id ? { id: finding.id } : {}),
      questionId: finding.questionId,
      severity: finding.severity,
      text: finding.text.trim(),
    })),
    version,
  };
}

// ---------------------------------------------------------------- plans

export interface TeamMemberValues {
  fullName: string;
  role: TeamRole;
  organisation?: string | null | undefined;
}

export interface PlanFormValues {
  title: string;
  year: number;
  number?: string | null | undefined;
  issuedOn?: string | null | undefined;
  issuingBody: string;
  topics: InspectionTopic[];
  description?: string | null | undefined;
  targets: string[];
  /** Planned dates by target unit code. */
  schedule?: Record<string, { plannedFrom?: string | null; plannedTo?: string | null } | undefined>;
  team?: TeamMemberValues[];
}

/** The form of an existing plan. */
export function planToFormValues(plan: InspectionPlan): PlanFormValues {
  return {
    title: plan.title,
    year: plan.year,
    number: plan.number,
    issuedOn: plan.issuedOn,
    issuingBody: plan.issuingBody,
    topics: plan.topics,
    description: plan.description,
    targets: plan.targets.map((target) => target.unitCode),
    schedule: Object.fromEntries(
      plan.targets.map((target) => [
        target.unitCode,
        { plannedFrom: target.plannedFrom, plannedTo: target.plannedTo },
      ]),
    ),
    team: plan.team.map((member) => ({
      fullName: member.fullName,
      role: member.role,
      organisation: member.organisation,
    })),
  };
}

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** The fields shared by creating and editing a plan. */
export function planFormToRequest(values: PlanFormValues): Omit<CreateInspectionPlanRequest, 'unit'> {
  return {
    year: values.year,
    number: blankToNull(values.number),
    issuedOn: values.issuedOn ?? null,
    issuingBody: values.issuingBody.trim(),
    title: values.title.trim(),
    topics: values.topics,
    description: blankToNull(values.description),
    targets: values.targets.map((unitCode) => ({
      unitCode,
      plannedFrom: values.schedule?.[unitCode]?.plannedFrom ?? null,
      plannedTo: values.schedule?.[unitCode]?.plannedTo ?? null,
    })),
    team: (values.team ?? [])
      .filter((member) => member?.fullName?.trim())
      .map((member) => ({
        fullName: member.fullName.trim(),
        role: member.role,
        organisation: blankToNull(member.organisation),
        userId: null,
      })),
  };
}

// ---------------------------------------------------------------- templates

export interface TemplateFormValues {
  name: string;
  topic: InspectionTopic;
  isActive: boolean;
  questions: Array<{
    id: string;
    text: string;
    answerType: AnswerType;
    maxScore?: number | null | undefined;
    required: boolean;
    guidance?: string | null | undefined;
  }>;
}

export function templateToFormValues(template: ChecklistTemplate): TemplateFormValues {
  return {
    name: template.name,
    topic: template.topic,
    isActive: template.isActive,
    questions: template.questions.map((q) => ({ ...q })),
  };
}

/** Points only for yes/no and score questions; number and text answers carry none. */
export function templateFormToRequest(
  values: TemplateFormValues,
): Omit<CreateChecklistTemplateRequest, 'unit'> {
  return {
    name: values.name.trim(),
    topic: values.topic,
    isActive: values.isActive,
    questions: values.questions.map((q) => ({
      id: q.id.trim(),
      text: q.text.trim(),
      answerType: q.answerType,
      maxScore: q.answerType === 'yes_no' || q.answerType === 'score' ? (q.maxScore ?? 0) : null,
      required: q.required,
      guidance: blankToNull(q.guidance),
    })),
  };
}

/** A fresh question id after the last one: `q12` after `q11`, `1.4` after `1.3`, else `q{n+1}`. */
export function nextQuestionId(ids: readonly string[]): string {
  const last = ids.at(-1);
  const match = last ? /^(.*?)(\d+)$/.exec(last) : null;
  if (match) {
    const [, prefix = '', digits = '0'] = match;
    for (let n = Number(digits) + 1; ; n += 1) {
      const candidate = `${prefix}${n}`;
      if (!ids.includes(candidate)) return candidate;
    }
  }
  for (let n = ids.length + 1; ; n += 1) {
    if (!ids.includes(`q${n}`)) return `q${n}`;
  }
}

// ---------------------------------------------------------------- recommendations

export interface RespondFormValues {
  status: 'in_progress' | 'done';
  response: string;
  completedOn?: string | null | undefined;
}

/** Progress as `POST /recommendations/{id}/respond`: a completion date only when done. */
export function respondFormToRequest(
  values: RespondFormValues,
  version: number,
): RespondRecommendationRequest {
  return {
    status: values.status,
    response: values.response.trim(),
    completedOn: values.status === 'done' ? (values.completedOn ?? null) : null,
    version,
  };
}

/** A default deadline for a new recommendation: 90 days after the session. */
export function defaultDeadline(heldOn: string): string {
  const date = new Date(`${heldOn}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return heldOn;
  date.setUTCDate(date.getUTCDate() + 90);
  return date.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- draft and server

/** The session form: the draft being edited, the server state it started from and its version. */
export interface DraftState {
  draft: SessionDraft;
  base: SessionDraft;
  version: number;
}

function canonical(draft: SessionDraft): string {
  const answers = Object.keys(draft.answers)
    .sort()
    .map((key) => [key, draft.answers[key]?.value ?? null, draft.answers[key]?.note ?? '']);
  return JSON.stringify([draft.heldOn, draft.summary, draft.conclusion, answers, draft.findings]);
}

/** True when two drafts hold the same answers, findings and texts. */
export function sameDraft(a: SessionDraft, b: SessionDraft): boolean {
  return canonical(a) === canonical(b);
}

export function isDirty(state: DraftState | null): boolean {
  return state !== null && !sameDraft(state.draft, state.base);
}

/**
 * Follows the server's session without losing what the officer typed: an untouched form takes
 * the new state; a touched form keeps its draft and moves to the new version only when the
 * server changed nothing the form holds (an evidence photo added, say). Otherwise the version
 * stays, so saving answers a conflict rather than overwriting someone else's answers.
 */
export function syncDraft(state: DraftState | null, session: InspectionSession): DraftState {
  const fresh = sessionToDraft(session);
  if (!state || !isDirty(state)) return { draft: fresh, base: fresh, version: session.version };
  if (session.version === state.version) return state;
  if (sameDraft(fresh, state.base)) return { ...state, base: fresh, version: session.version };
  return state;
}

// ---------------------------------------------------------------- board

export interface BoardCounts {
  open: number;
  inProgress: number;
  overdue: number;
  done: number;
}

/** The four exclusive states of the board, in the order of the stacked bars, with their colours. */
export const boardStates = [
  { key: 'done', state: 'done', color: '#52c41a' },
  { key: 'inProgress', state: 'in_progress', color: '#faad14' },
  { key: 'open', state: 'open', color: '#1677ff' },
  { key: 'overdue', state: 'overdue', color: '#cf1322' },
] as const satisfies ReadonlyArray<{ key: keyof BoardCounts; state: RecommendationState; color: string }>;

/** Share of recommendations done, in whole per cent; null when there are none. */
export function doneShare(counts: BoardCounts & { total: number }): number | null {
  return counts.total > 0 ? Math.round((counts.done / counts.total) * 100) : null;
}

/**
 * The ECharts option of the history across years: one stacked bar per year, split by state.
 * `names` are the state labels in the interface language.
 */
export function yearChartOption(
  byYear: ReadonlyArray<BoardCounts & { year: number }>,
  names: Record<RecommendationState, string>,
): Record<string, unknown> {
  const years = [...byYear].sort((a, b) => a.year - b.year);
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: years.map((row) => String(row.year)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: boardStates.map(({ key, state, color }) => ({
      name: names[state],
      type: 'bar',
      stack: 'state',
      itemStyle: { color },
      data: years.map((row) => row[key]),
    })),
  };
}
