import {
  addCalendarDays,
  type CfAssessmentScore,
  type CfAssessmentStatus,
  type CfCatalogue,
  type CfIndicator,
  type CfIndicatorEntry,
  type CfUnitCategory,
  scoreAssessment,
  scoreCriterion,
} from '@tuoitho/domain';
import { deriveSeed, Random } from '../../children/generate-data/random';

/**
 * The demo child-friendly assessments as plain values: which commune, year, outcome and workflow
 * state, the entered values, the score by the domain rule (`scoreAssessment`, never typed by
 * hand) and the history. Values are drawn at random until the intended outcome holds (passed; a
 * criterion at 0 with a high total; every criterion met but the total under the threshold).
 * Historical values are "entered by the commune" (no system figure attached): the system figures
 * exist only for today's data, and a draft's are filled by its "refresh".
 */

export const DEMO_PROVINCE_CODE = '38';
export const DEMO_FIRST_YEAR = 2019;
/** Recognition moved from the district to the province when districts ended (1/7/2025). */
export const PROVINCE_RECOGNISES_FROM = 2025;

/** The intended result of an assessment. */
export type Outcome = 'pass' | 'zero' | 'below';

/** `zero`: the criterion at 0; `under`: a pass with a total below this (e.g. 800 ≤ total < 850). */
type Step = { year: number; outcome: Outcome; status: CfAssessmentStatus; zero?: number; under?: number };

export type DemoCommune = {
  code: string;
  category: CfUnitCategory;
  /** The district that recognised before 2025 (Quyết định 06/QĐ-TTg, Điều 4 then). */
  district: string;
  /** Past years: all but the current year. `current` applies in the current year. */
  steps: Step[];
};

const R: CfAssessmentStatus = 'recognised';
const V: CfAssessmentStatus = 'reviewed';

/** Two demo wards and five other Thanh Hóa communes; one mountain commune (800 points). */
export const DEMO_COMMUNES: readonly DemoCommune[] = [
  {
    code: '14812',
    category: 'other',
    district: 'thị xã Bỉm Sơn',
    steps: [
      { year: 2019, outcome: 'below', status: V },
      ...[2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({ year, outcome: 'pass' as const, status: R })),
    ],
  },
  {
    code: '14818',
    category: 'other',
    district: 'thị xã Bỉm Sơn',
    steps: [
      { year: 2019, outcome: 'zero', status: V, zero: 4 },
      { year: 2020, outcome: 'below', status: V },
      { year: 2021, outcome: 'pass', status: R },
      { year: 2022, outcome: 'pass', status: R },
      { year: 2023, outcome: 'zero', status: V, zero: 5 },
      { year: 2024, outcome: 'pass', status: R },
      { year: 2025, outcome: 'pass', status: 'returned' },
    ],
  },
  {
    code: '14797',
    category: 'other',
    district: 'thành phố Thanh Hóa',
    steps: [2022, 2023, 2024, 2025].map((year) => ({ year, outcome: 'pass' as const, status: R })),
  },
  {
    code: '16531',
    category: 'other',
    district: 'thành phố Sầm Sơn',
    steps: [
      { year: 2020, outcome: 'below', status: V },
      { year: 2022, outcome: 'pass', status: R },
      { year: 2024, outcome: 'pass', status: R },
      { year: 2025, outcome: 'zero', status: V, zero: 11 },
    ],
  },
  {
    code: '15865',
    category: 'other',
    district: 'huyện Hoằng Hóa',
    steps: [
      { year: 2019, outcome: 'pass', status: R },
      { year: 2021, outcome: 'pass', status: R },
      { year: 2023, outcome: 'below', status: V },
      { year: 2025, outcome: 'pass', status: R },
    ],
  },
  {
    code: '14845',
    category: 'mountain_island_disadvantaged',
    district: 'huyện Mường Lát',
    steps: [
      { year: 2019, outcome: 'below', status: V },
      { year: 2021, outcome: 'below', status: V },
      { year: 2023, outcome: 'pass', status: R, under: 850 },
      { year: 2025, outcome: 'pass', status: R },
    ],
  },
  {
    code: '16093',
    category: 'other',
    district: 'huyện Nga Sơn',
    steps: [
      { year: 2020, outcome: 'pass', status: R },
      { year: 2022, outcome: 'zero', status: V, zero: 4 },
      { year: 2024, outcome: 'pass', status: R },
    ],
  },
];

/** This year: Bỉm Sơn is filling in its self-assessment; Hạc Thành has sent its own for review. */
export const CURRENT_YEAR_STEPS: Readonly<Record<string, Step['status']>> = {
  '14812': 'draft',
  '14797': 'submitted',
};

export type PlannedValue = {
  code: string;
  value: number | null;
  yes: boolean | null;
  points: number | null;
  evidenceNote: string | null;
};

export type PlannedEvent = {
  action: 'created' | 'updated' | 'submitted' | 'reviewed' | 'recognised' | 'returned';
  on: string;
  time: string;
  /** `commune` (its officer), `province` (the reviewer) or null (no account: a district then). */
  actor: 'commune' | 'province' | null;
  note: string | null;
};

export type PlannedAssessment = {
  unitCode: string;
  year: number;
  category: CfUnitCategory;
  status: CfAssessmentStatus;
  outcome: Outcome | null;
  values: PlannedValue[];
  score: CfAssessmentScore;
  decisionNumber: string | null;
  decisionDate: string | null;
  returnReason: string | null;
  reviewNote: string | null;
  events: PlannedEvent[];
};

const EVIDENCE = [
  'Quyết định, kế hoạch lưu tại bộ phận Văn hóa - Xã hội',
  'Báo cáo thống kê của UBND kèm theo',
  'Biên bản, danh sách lưu tại UBND',
];

/** A value for an indicator at a level of achievement (0–1). */
function entryAt(indicator: CfIndicator, level: number, random: Random): PlannedValue {
  const base = { code: indicator.code, value: null, yes: null, points: null, evidenceNote: null };
  const rule = indicator.rule;
  switch (rule.kind) {
    case 'yes_no': {
      const yes = random.float() < level;
      return { ...base, yes, evidenceNote: yes ? random.pick(EVIDENCE) : null };
    }
    case 'manual': {
      const share = Math.min(1, Math.max(0, level + (random.float() - 0.5) * 0.2));
      return {
        ...base,
        points: Math.round(indicator.maxPoints * share),
        evidenceNote: random.pick(EVIDENCE),
      };
    }
    case 'bands': {
      const bands = [...rule.bands].sort((a, b) => b.points - a.points);
      const draw = random.float();
      const tier =
        level < 0 ? bands.length : draw < level ? 0 : draw < level + (1 - level) * 0.6 ? 1 : bands.length;
      const band = bands[tier];
      const isPercent = rule.measure === 'percent';
      const atLeast = rule.direction === 'at_least';
      const thresholds = rule.bands.map((b) => b.threshold);
      let value: number;
      if (band) {
        const slack = isPercent ? Math.round(random.float() * 15) / 10 : 0;
        value = atLeast
          ? Math.min(isPercent ? 100 : Infinity, band.threshold + slack)
          : Math.max(0, band.threshold - slack);
      } else {
        value = atLeast
          ? Math.max(0, Math.min(...thresholds) - (isPercent ? 1 + random.int(0, 40) / 10 : 1))
          : Math.max(...thresholds) + random.int(1, 3);
      }
      return { ...base, value: isPercent ? Math.round(value * 10) / 10 : Math.round(value) };
    }
  }
}

/** The lowest level of an indicator: no, 0 points, or a value reaching no band. */
function zeroOf(indicator: CfIndicator, random: Random): PlannedValue {
  return entryAt(indicator, -1, random);
}

export function entriesOf(values: readonly PlannedValue[]): Record<string, CfIndicatorEntry> {
  return Object.fromEntries(values.map((v) => [v.code, { value: v.value, yes: v.yes, points: v.points }]));
}

function matches(
  score: CfAssessmentScore,
  outcome: Outcome,
  zero: number | undefined,
  under: number,
): boolean {
  if (outcome === 'pass') return score.passed && score.total < under;
  if (outcome === 'below')
    return score.failures.length === 1 && score.failures[0]!.reason === 'total_below_threshold';
  // A criterion at 0 is the only failure: the total alone would pass.
  return (
    score.failures.length === 1 &&
    score.failures[0]!.criterion === zero &&
    score.failures[0]!.reason === 'criterion_zero'
  );
}

/** Values that give the intended outcome under `catalogue`, drawn deterministically. */
export function valuesFor(
  catalogue: CfCatalogue,
  category: CfUnitCategory,
  outcome: Outcome,
  zero: number | undefined,
  random: Random,
  under = Number.POSITIVE_INFINITY,
): { values: PlannedValue[]; score: CfAssessmentScore } {
  for (let attempt = 0; attempt < 200; attempt++) {
    const level =
      outcome === 'below' || under < Number.POSITIVE_INFINITY
        ? 0.45 + random.float() * 0.3
        : outcome === 'zero'
          ? 0.9 + random.float() * 0.1
          : 0.75 + random.float() * 0.2;
    // Each criterion but the zeroed one is drawn until it is met; the total decides the rest.
    const values = catalogue.criteria.flatMap((criterion) => {
      if (criterion.number === zero) return criterion.indicators.map((i) => zeroOf(i, random));
      let drawn = criterion.indicators.map((i) => entryAt(i, level, random));
      for (let tries = 0; tries < 100 && !scoreCriterion(criterion, entriesOf(drawn)).met; tries++)
        drawn = criterion.indicators.map((i) => entryAt(i, level, random));
      return drawn;
    });
    const score = scoreAssessment(catalogue, entriesOf(values), category);
    if (matches(score, outcome, zero, under)) return { values, score };
  }
  throw new Error(`demo child-friendly: no values give "${outcome}" under the stored catalogue`);
}

export type AssessmentsInput = { seed: number; today: string; catalogue: CfCatalogue };

/** Every demo assessment, none dated after today. */
export function planDemoAssessments(input: AssessmentsInput): PlannedAssessment[] {
  const { today, catalogue } = input;
  const currentYear = Number(today.slice(0, 4));
  const planned: PlannedAssessment[] = [];
  const clamp = (date: string) => (date < today ? date : today);
  for (const commune of DEMO_COMMUNES) {
    const current = CURRENT_YEAR_STEPS[commune.code];
    const steps: Step[] = [
      ...commune.steps.filter((s) => s.year < currentYear && s.year >= DEMO_FIRST_YEAR),
      ...(current ? [{ year: currentYear, outcome: 'pass' as const, status: current }] : []),
    ];
    for (const step of steps) {
      const random = new Random(deriveSeed(input.seed, 'child-friendly', commune.code, step.year));
      const drawn = valuesFor(catalogue, commune.category, step.outcome, step.zero, random, step.under);
      // A draft is half filled in: the later criteria are still empty.
      const values =
        step.status === 'draft'
          ? drawn.values.filter((v) => Number(v.code.split('.')[0]) <= 7)
          : drawn.values;
      const score =
        step.status === 'draft'
          ? scoreAssessment(catalogue, entriesOf(values), commune.category)
          : drawn.score;
      const y = step.year;
      const createdOn = clamp(addCalendarDays(`${y}-10-01`, random.int(0, 20)));
      const submittedOn = clamp(addCalendarDays(`${y}-11-10`, random.int(0, 15)));
      const reviewedOn = clamp(addCalendarDays(`${y}-12-01`, random.int(0, 10)));
      const decidedOn = clamp(addCalendarDays(`${y}-12-15`, random.int(0, 12)));
      const byProvince = y >= PROVINCE_RECOGNISES_FROM;
      const reviewer = byProvince ? ('province' as const) : null;
      const events: PlannedEvent[] = [
        { action: 'created', on: createdOn, time: '08:30', actor: 'commune', note: null },
        { action: 'updated', on: createdOn, time: '10:00', actor: 'commune', note: null },
      ];
      let decisionNumber: string | null = null;
      let decisionDate: string | null = null;
      let returnReason: string | null = null;
      let reviewNote: string | null = null;
      if (step.status !== 'draft')
        events.push({ action: 'submitted', on: submittedOn, time: '15:30', actor: 'commune', note: null });
      if (step.status === 'reviewed' || step.status === 'recognised') {
        reviewNote =
          step.status === 'recognised'
            ? `Đủ điều kiện công nhận xã, phường phù hợp với trẻ em năm ${y}.`
            : reviewNoteOf(drawn.score, y);
        events.push({ action: 'reviewed', on: reviewedOn, time: '14:00', actor: reviewer, note: reviewNote });
      }
      if (step.status === 'recognised') {
        decisionNumber = `${random.int(100, 4999)}/QĐ-UBND`;
        decisionDate = decidedOn;
        events.push({
          action: 'recognised',
          on: decidedOn,
          time: '16:00',
          actor: reviewer,
          note: `${decisionNumber} (${decisionDate})`,
        });
        reviewNote = `${reviewNote} Quyết định của Chủ tịch UBND ${byProvince ? 'tỉnh Thanh Hóa' : commune.district}.`;
      }
      if (step.status === 'returned') {
        returnReason =
          'Hồ sơ thiếu minh chứng cho tiêu chí 12 và 13 (kế hoạch, biên bản hoạt động vui chơi, giải trí); đề nghị bổ sung và gửi lại.';
        events.push({
          action: 'returned',
          on: reviewedOn,
          time: '14:00',
          actor: reviewer,
          note: returnReason,
        });
      }
      planned.push({
        unitCode: commune.code,
        year: y,
        category: commune.category,
        status: step.status,
        outcome: step.status === 'draft' ? null : step.outcome,
        values,
        score,
        decisionNumber,
        decisionDate,
        returnReason,
        reviewNote,
        events,
      });
    }
  }
  return planned;
}

function reviewNoteOf(score: CfAssessmentScore, year: number): string {
  const reasons = score.failures.map((f) =>
    f.reason === 'criterion_zero'
      ? `tiêu chí ${f.criterion} bị 0 điểm`
      : f.reason === 'criterion_not_met'
        ? `tiêu chí ${f.criterion} chưa đạt`
        : `tổng điểm ${score.total}/${score.threshold} chưa đạt mức quy định`,
  );
  return `Chưa đủ điều kiện công nhận năm ${year}: ${reasons.join('; ')}.`;
}
