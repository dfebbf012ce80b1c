import {
  type AnswerValue,
  addCalendarDays,
  type ChecklistQuestion,
  type FindingSeverity,
  scoreChecklist,
} from '@tuoitho/domain';
import type { Random } from '../../children/generate-data/random';
import { DEMO_FIRST_YEAR, earlier, later, type PlannedPlan } from './demo-plans';
import {
  COMMUNE_COMMENTS,
  DEMO_TEMPLATES,
  type DemoTemplateTopic,
  SHORTCOMINGS,
  STRENGTHS,
} from './demo-templates';

/**
 * The sessions held under the demo plans: a checklist answered from a per-visit "quality", the
 * strengths and shortcomings the team wrote down (a shortcoming is always a weak answer), the
 * summary and conclusion. The current year's plan has no session yet at Bỉm Sơn (14812): the
 * browser journey starts one there.
 */

export type PlannedAnswer = { questionId: string; value: AnswerValue; note: string | null };
export type PlannedFinding = {
  key: string;
  seq: number;
  questionId: string | null;
  severity: FindingSeverity;
  text: string;
};

export type PlannedSession = {
  key: string;
  planKey: string;
  year: number;
  unitCode: string;
  templateTopic: DemoTemplateTopic;
  heldOn: string;
  status: 'draft' | 'completed';
  summary: string | null;
  conclusion: string | null;
  answers: PlannedAnswer[];
  findings: PlannedFinding[];
  /** Score of the answers by `scoreChecklist`; null for a draft. */
  score: number | null;
  maxScore: number | null;
};

/** The ward the browser journey inspects in the current year. */
export const JOURNEY_WARD = '14812';
/** The demo ward already inspected this year (the other communes' sessions are still drafts). */
const DONE_THIS_YEAR = '14818';

const ddmmyyyy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

export function templateOf(topic: DemoTemplateTopic) {
  return DEMO_TEMPLATES.find((t) => t.topic === topic)!;
}

/** How well a commune does in a year (0–1): the demo wards improve over the years. */
function qualityOf(unitCode: string, year: number, random: Random): number {
  const years = year - DEMO_FIRST_YEAR;
  if (unitCode === '14812') return Math.min(0.92, 0.62 + 0.03 * years) + random.float() * 0.05;
  if (unitCode === '14818') return Math.min(0.88, 0.55 + 0.025 * years) + random.float() * 0.05;
  return 0.5 + random.float() * 0.35;
}

function answerOf(question: ChecklistQuestion, isWeak: boolean, random: Random): PlannedAnswer {
  const points = question.maxScore ?? 0;
  switch (question.answerType) {
    case 'yes_no':
      return {
        questionId: question.id,
        value: !isWeak,
        note: isWeak ? 'Đơn vị chưa cung cấp được hồ sơ, văn bản minh chứng.' : null,
      };
    case 'score': {
      const share = isWeak ? 0.3 + random.float() * 0.25 : 0.7 + random.float() * 0.3;
      return { questionId: question.id, value: Math.round(points * share), note: null };
    }
    case 'number': {
      const range: Record<string, [number, number]> = {
        'cs.10': [25, 140],
        'cs.11': [0, 3],
        'dn.5': [60, 420],
        'dn.6': [0, 2],
      };
      const [min, max] = range[question.id] ?? [0, 10];
      return { questionId: question.id, value: random.int(min, max), note: null };
    }
    case 'text':
      return { questionId: question.id, value: random.pick(COMMUNE_COMMENTS), note: null };
  }
}

function conclusionOf(share: number, unitName: string): string {
  if (share >= 0.85)
    return `${unitName} thực hiện tốt các nội dung được kiểm tra; đề nghị tiếp tục phát huy.`;
  if (share >= 0.7)
    return `${unitName} thực hiện cơ bản đầy đủ các nội dung được kiểm tra; còn một số tồn tại cần khắc phục theo kiến nghị của đoàn.`;
  return `${unitName} thực hiện chưa đầy đủ các nội dung được kiểm tra; đề nghị khắc phục ngay các tồn tại theo kiến nghị của đoàn.`;
}

export type SessionsInput = {
  plans: PlannedPlan[];
  today: string;
  currentYear: number;
  unitName: (code: string) => string;
  random: Random;
};

/** Sessions of every plan target (and the targets' planned windows, set on the plans in place). */
export function planInspectionSessions(input: SessionsInput): PlannedSession[] {
  const { today, currentYear, random } = input;
  const sessions: PlannedSession[] = [];
  for (const plan of input.plans) {
    const isCurrent = plan.year === currentYear;
    plan.targets.forEach((target, index) => {
      const natural = addCalendarDays(plan.issuedOn, 35 + 16 * index + random.int(0, 6));
      if (isCurrent && target.unitCode === JOURNEY_WARD) {
        target.plannedFrom = `${plan.year}-10-05`;
        target.plannedTo = `${plan.year}-12-15`;
        return;
      }
      // This year: the other demo ward is done, the other communes are being recorded these days.
      const status = isCurrent && target.unitCode !== DONE_THIS_YEAR ? 'draft' : 'completed';
      const visit = status === 'draft' ? addCalendarDays(today, -2) : natural;
      const heldOn = later(earlier(visit, today), plan.issuedOn);
      target.plannedFrom = later(addCalendarDays(heldOn, -3), plan.issuedOn);
      target.plannedTo = addCalendarDays(later(natural, heldOn), 4);
      sessions.push(planSession(plan, target.unitCode, heldOn, status, input));
    });
  }
  return sessions;
}

function planSession(
  plan: PlannedPlan,
  unitCode: string,
  heldOn: string,
  status: 'draft' | 'completed',
  input: SessionsInput,
): PlannedSession {
  const { random, currentYear } = input;
  const template = templateOf(plan.templateTopic);
  const quality = qualityOf(unitCode, plan.year, random);
  const candidates = template.questions.filter((q) => SHORTCOMINGS[q.id]);
  // Enough shortcomings in recent years for the follow-up states to show (see demo-follow-up).
  const wanted = Math.min(3, Math.max(1, Math.round((1 - quality) * 6)));
  const count = plan.year === currentYear ? 3 : plan.year === currentYear - 1 ? Math.max(2, wanted) : wanted;
  const weak = new Set<string>();
  while (weak.size < count) weak.add(random.pick(candidates).id);

  const answered =
    status === 'draft'
      ? template.questions.slice(0, Math.ceil(template.questions.length / 2))
      : template.questions;
  const answers = answered
    .map((q) => answerOf(q, weak.has(q.id), random))
    .filter((a) => !(a.value === null || (typeof a.value === 'string' && random.chance(0.3))));
  const key = `${plan.key}/${unitCode}`;
  const strengths = [...STRENGTHS[plan.templateTopic]];
  const findings: PlannedFinding[] = [];
  const strengthCount = status === 'draft' ? 1 : random.int(1, 2);
  for (let i = 0; i < strengthCount; i++) {
    const [text] = strengths.splice(random.int(0, strengths.length - 1), 1);
    findings.push({
      key: `${key}/f${findings.length + 1}`,
      seq: findings.length + 1,
      questionId: null,
      severity: 'good',
      text: text!,
    });
  }
  if (status === 'completed') {
    for (const q of template.questions.filter((q) => weak.has(q.id))) {
      const shortcoming = SHORTCOMINGS[q.id]!;
      findings.push({
        key: `${key}/f${findings.length + 1}`,
        seq: findings.length + 1,
        questionId: q.id,
        severity: shortcoming.isMajor ? 'major' : 'minor',
        text: shortcoming.finding,
      });
    }
  }
  if (status === 'draft') {
    return {
      key,
      planKey: plan.key,
      year: plan.year,
      unitCode,
      templateTopic: plan.templateTopic,
      heldOn,
      status,
      summary: null,
      conclusion: null,
      answers,
      findings,
      score: null,
      maxScore: null,
    };
  }
  const scored = scoreChecklist(template.questions, new Map(answers.map((a) => [a.questionId, a.value])));
  const unitName = input.unitName(unitCode);
  return {
    key,
    planKey: plan.key,
    year: plan.year,
    unitCode,
    templateTopic: plan.templateTopic,
    heldOn,
    status,
    summary:
      `Ngày ${ddmmyyyy(heldOn)}, đoàn kiểm tra làm việc với UBND ${unitName}; kiểm tra hồ sơ, sổ sách ` +
      `và thực tế tại ${random.int(2, 4)} thôn, tổ dân phố. Điểm phiếu kiểm tra: ${scored.score}/${scored.maxScore}.`,
    conclusion: conclusionOf(scored.score / scored.maxScore, unitName),
    answers,
    findings,
    score: scored.score,
    maxScore: scored.maxScore,
  };
}
