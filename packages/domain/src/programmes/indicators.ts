import { z } from 'zod';
import type { Label } from '../catalogues/labels';

/**
 * The figures a programme target can be measured by. A target names one of these codes and the
 * server computes its value for a unit and year from live data; a target without a code is
 * followed by values entered by hand (with a note of where they come from).
 */
export const ProgrammeIndicatorCode = z
  .enum([
    'swim_safe_6_15',
    'water_safety_6_15',
    'preschool_5y',
    'drowning_deaths',
    'drowning_deaths_change',
    'child_injuries',
    'communes_with_play_facility',
    'activities_held',
    'children_reached',
    'life_skills_completed',
    'officers_trained',
    'communication_reach',
  ])
  .meta({ id: 'ProgrammeIndicatorCode' });
export type ProgrammeIndicatorCode = z.infer<typeof ProgrammeIndicatorCode>;

/** `at_least`: the value must reach the target; `at_most`: it must stay at or under it. */
export const TargetDirection = z.enum(['at_least', 'at_most']).meta({ id: 'TargetDirection' });
export type TargetDirection = z.infer<typeof TargetDirection>;

export interface ProgrammeIndicatorDefinition {
  code: ProgrammeIndicatorCode;
  label: Label;
  /** How the value is computed, for the help text next to the figure. */
  definition: Label;
  measure: 'percent' | 'count';
  direction: TargetDirection;
  /** True when the value only exists for the current year (the registry holds today's state). */
  currentYearOnly?: boolean;
}

export const programmeIndicators: Record<ProgrammeIndicatorCode, ProgrammeIndicatorDefinition> = {
  swim_safe_6_15: {
    code: 'swim_safe_6_15',
    label: {
      vi: 'Tỷ lệ trẻ em 6 đến dưới 16 tuổi biết bơi an toàn',
      en: 'Children aged 6–15 who swim safely',
    },
    definition: {
      vi: 'Trẻ em trong sổ theo dõi từ 6 đến dưới 16 tuổi tại ngày 31/12 của năm (hoặc hôm nay với năm hiện tại) đã đạt bài kiểm tra bơi an toàn ở một lớp dạy bơi đến ngày đó, trên tổng số trẻ em cùng độ tuổi',
      en: 'Registered children aged 6 to under 16 on 31 December of the year (or today for the current year) who passed the safe-swimming test of a swimming class by that day, over all registered children of that age',
    },
    measure: 'percent',
    direction: 'at_least',
  },
  water_safety_6_15: {
    code: 'water_safety_6_15',
    label: {
      vi: 'Tỷ lệ trẻ em 6 đến dưới 16 tuổi có kỹ năng an toàn trong môi trường nước',
      en: 'Children aged 6–15 with water-safety skills',
    },
    definition: {
      vi: 'Như chỉ tiêu bơi an toàn, tính trẻ được đánh giá có kỹ năng an toàn trong môi trường nước hoặc đã đạt bơi an toàn',
      en: 'As the safe-swimming figure, counting children assessed with water-safety skills or who passed the safe-swimming test',
    },
    measure: 'percent',
    direction: 'at_least',
  },
  preschool_5y: {
    code: 'preschool_5y',
    label: { vi: 'Tỷ lệ trẻ em 5 tuổi đi học mẫu giáo', en: '5-year-olds attending preschool' },
    definition: {
      vi: 'Trẻ em 5 tuổi trong sổ theo dõi có tình trạng học tập "đang học mầm non" hoặc "đang đi học", trên tổng số trẻ 5 tuổi; chỉ có cho năm hiện tại',
      en: 'Registered 5-year-olds whose schooling is "in preschool" or "enrolled", over all registered 5-year-olds; current year only',
    },
    measure: 'percent',
    direction: 'at_least',
    currentYearOnly: true,
  },
  drowning_deaths: {
    code: 'drowning_deaths',
    label: { vi: 'Số trẻ em tử vong do đuối nước', en: 'Child drowning deaths' },
    definition: {
      vi: 'Số vụ tai nạn, thương tích trẻ em do đuối nước có kết quả tử vong trong năm, theo sổ tai nạn',
      en: 'Child drowning incidents with a death in the year, from the incident register',
    },
    measure: 'count',
    direction: 'at_most',
  },
  drowning_deaths_change: {
    code: 'drowning_deaths_change',
    label: {
      vi: 'Thay đổi số trẻ em tử vong do đuối nước so với năm gốc (%)',
      en: 'Change in child drowning deaths against the baseline year (%)',
    },
    definition: {
      vi: '(Số tử vong do đuối nước trong năm − số của năm gốc) / số của năm gốc × 100; không tính được khi năm gốc bằng 0',
      en: '(Drowning deaths in the year − those of the baseline year) / those of the baseline year × 100; none when the baseline is 0',
    },
    measure: 'percent',
    direction: 'at_most',
  },
  child_injuries: {
    code: 'child_injuries',
    label: { vi: 'Số trẻ em bị tai nạn, thương tích', en: 'Children injured or killed in accidents' },
    definition: {
      vi: 'Số vụ tai nạn, thương tích trẻ em (mọi nguyên nhân, kể cả tử vong) trong năm',
      en: 'Child injury incidents of every cause, deaths included, in the year',
    },
    measure: 'count',
    direction: 'at_most',
  },
  communes_with_play_facility: {
    code: 'communes_with_play_facility',
    label: {
      vi: 'Tỷ lệ xã, phường có điểm văn hóa, vui chơi cho trẻ em',
      en: 'Communes with a cultural or play place for children',
    },
    definition: {
      vi: 'Đơn vị cấp xã có ít nhất một sân chơi, nhà văn hóa, thư viện, bể bơi, điểm dạy bơi hoặc không gian thân thiện đang sử dụng, trên tổng số đơn vị cấp xã',
      en: 'Commune-level units with at least one playground, cultural house, library, pool, swimming place or child-friendly space in use, over all commune-level units',
    },
    measure: 'percent',
    direction: 'at_least',
    currentYearOnly: true,
  },
  activities_held: {
    code: 'activities_held',
    label: { vi: 'Số hoạt động, sự kiện đã tổ chức', en: 'Activities and events held' },
    definition: {
      vi: 'Số hoạt động của chương trình (hoặc của đơn vị nếu chỉ tiêu không gắn chương trình) bắt đầu trong năm',
      en: 'Activities of the programme (or of the unit) that started in the year',
    },
    measure: 'count',
    direction: 'at_least',
  },
  children_reached: {
    code: 'children_reached',
    label: { vi: 'Số lượt trẻ em tham gia hoạt động', en: 'Child participations in activities' },
    definition: {
      vi: 'Trẻ em có tên tham gia các hoạt động trong năm cộng số trẻ em khác được đếm',
      en: 'Named children taking part in the year’s activities plus other children counted',
    },
    measure: 'count',
    direction: 'at_least',
  },
  life_skills_completed: {
    code: 'life_skills_completed',
    label: { vi: 'Số trẻ em hoàn thành lớp kỹ năng sống', en: 'Children who completed a life-skills class' },
    definition: {
      vi: 'Trẻ em có tên hoàn thành lớp kỹ năng sống trong năm (mỗi trẻ tính một lần)',
      en: 'Named children who completed a life-skills class in the year (each child once)',
    },
    measure: 'count',
    direction: 'at_least',
  },
  officers_trained: {
    code: 'officers_trained',
    label: { vi: 'Số lượt cán bộ được tập huấn', en: 'Officers trained' },
    definition: {
      vi: 'Số cán bộ, cộng tác viên được đếm ở các buổi tập huấn cán bộ trong năm',
      en: 'Officers and volunteers counted at officer trainings in the year',
    },
    measure: 'count',
    direction: 'at_least',
  },
  communication_reach: {
    code: 'communication_reach',
    label: { vi: 'Số lượt người được truyền thông', en: 'People reached by communication' },
    definition: {
      vi: 'Tổng số lượt người tiếp cận của các hoạt động truyền thông trong năm',
      en: 'Reach of the year’s communication activities',
    },
    measure: 'count',
    direction: 'at_least',
  },
};

/** Where a figure stands against its target. */
export const TargetStatus = z.enum(['met', 'not_met', 'no_data']).meta({ id: 'TargetStatus' });
export type TargetStatus = z.infer<typeof TargetStatus>;

/** Compares a value with its target in the target's direction. */
export function targetStatus(direction: TargetDirection, target: number, value: number | null): TargetStatus {
  if (value === null || !Number.isFinite(value)) return 'no_data';
  return (direction === 'at_least' ? value >= target : value <= target) ? 'met' : 'not_met';
}

/**
 * How far a value has come towards an `at_least` target, 0–100 (for a progress bar); for an
 * `at_most` target 100 while within it, less the further it goes above.
 */
export function targetAchievement(
  direction: TargetDirection,
  target: number,
  value: number | null,
): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (direction === 'at_least') {
    if (target <= 0) return 100;
    return Math.max(0, Math.min(100, Math.round((value / target) * 1000) / 10));
  }
  if (value <= target) return 100;
  if (value <= 0) return 100;
  return Math.max(0, Math.round((Math.max(target, 0) / value) * 1000) / 10);
}

/** A share in percent with one decimal, or null without a denominator. */
export function percentOf(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

/** The change of a count against its baseline in percent (one decimal), or null without a baseline. */
export function changeAgainst(baseline: number, value: number): number | null {
  if (baseline <= 0) return null;
  return Math.round(((value - baseline) / baseline) * 1000) / 10;
}

/**
 * The day a yearly figure is measured on: 31 December, or `today` while the year runs.
 * Ages and outcomes are taken as of that day.
 */
export function referenceDateOfYear(year: number, today: string): string {
  const end = `${year}-12-31`;
  return today < end ? today : end;
}

/** The lowest and highest birth reference date of children aged [fromAge, toAge) on `at`. */
export function birthRangeForAges(
  at: string,
  fromAge: number,
  toAgeExclusive: number,
): { bornAfter: string; bornOnOrBefore: string } {
  const [y, m, d] = at.split('-').map(Number) as [number, number, number];
  const shift = (years: number) => {
    const year = y - years;
    // 29 February of a year that has none: the birthday falls on 1 March.
    const day = m === 2 && d === 29 && !isLeap(year) ? 28 : d;
    return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  };
  // Aged at least `fromAge`: born on or before at − fromAge years. Under `toAge`: born after at − toAge years.
  return { bornOnOrBefore: shift(fromAge), bornAfter: shift(toAgeExclusive) };
}

function isLeap(year: number) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
