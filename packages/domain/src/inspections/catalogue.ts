import { z } from 'zod';
import type { Label } from '../catalogues/labels';

/** Vocabularies of inspections and supervision of lower units. */

export const InspectionTopic = z
  .enum(['policy_law', 'drowning_prevention', 'professional', 'budget_use', 'other'])
  .meta({ id: 'InspectionTopic' });
export type InspectionTopic = z.infer<typeof InspectionTopic>;
export const inspectionTopicLabels: Record<InspectionTopic, Label> = {
  policy_law: {
    vi: 'Thực hiện chính sách, pháp luật về trẻ em',
    en: 'Implementation of child policy and law',
  },
  drowning_prevention: { vi: 'Phòng, chống đuối nước trẻ em', en: 'Drowning prevention' },
  professional: { vi: 'Hoạt động chuyên môn, nghiệp vụ', en: 'Professional activities' },
  budget_use: { vi: 'Quản lý, sử dụng kinh phí', en: 'Budget use' },
  other: { vi: 'Nội dung khác', en: 'Other' },
};

export const AnswerType = z.enum(['yes_no', 'score', 'number', 'text']).meta({ id: 'InspectionAnswerType' });
export type AnswerType = z.infer<typeof AnswerType>;
export const answerTypeLabels: Record<AnswerType, Label> = {
  yes_no: { vi: 'Có / Không', en: 'Yes / No' },
  score: { vi: 'Chấm điểm', en: 'Score' },
  number: { vi: 'Số liệu', en: 'Number' },
  text: { vi: 'Nhận xét', en: 'Text' },
};

export const TeamRole = z.enum(['lead', 'deputy', 'member', 'secretary']).meta({ id: 'InspectionTeamRole' });
export type TeamRole = z.infer<typeof TeamRole>;
export const teamRoleLabels: Record<TeamRole, Label> = {
  lead: { vi: 'Trưởng đoàn', en: 'Team lead' },
  deputy: { vi: 'Phó trưởng đoàn', en: 'Deputy lead' },
  member: { vi: 'Thành viên', en: 'Member' },
  secretary: { vi: 'Thư ký', en: 'Secretary' },
};

export const FindingSeverity = z.enum(['good', 'minor', 'major']).meta({ id: 'FindingSeverity' });
export type FindingSeverity = z.infer<typeof FindingSeverity>;
export const findingSeverityLabels: Record<FindingSeverity, Label> = {
  good: { vi: 'Ưu điểm', en: 'Strength' },
  minor: { vi: 'Tồn tại, hạn chế', en: 'Shortcoming' },
  major: { vi: 'Sai phạm, tồn tại lớn', en: 'Serious shortcoming' },
};

/** Stored status of a recommendation; "overdue" is derived from the deadline (see `recommendationState`). */
export const RecommendationStatus = z
  .enum(['open', 'in_progress', 'done'])
  .meta({ id: 'RecommendationStatus' });
export type RecommendationStatus = z.infer<typeof RecommendationStatus>;

/** What the board shows: the stored status, with open and in-progress past their deadline as overdue. */
export const RecommendationState = z
  .enum(['open', 'in_progress', 'done', 'overdue'])
  .meta({ id: 'RecommendationState' });
export type RecommendationState = z.infer<typeof RecommendationState>;
export const recommendationStateLabels: Record<RecommendationState, Label> = {
  open: { vi: 'Chưa thực hiện', en: 'Open' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Đã thực hiện', en: 'Done' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
};

/** Days before a deadline when the responsible unit is reminded. */
export const RECOMMENDATION_REMINDER_DAYS = 7;

/** The board state of a recommendation on `today` (YYYY-MM-DD, Vietnam). */
export function recommendationState(
  status: RecommendationStatus,
  deadline: string,
  today: string,
): RecommendationState {
  if (status === 'done') return 'done';
  return deadline < today ? 'overdue' : status;
}

/** True when a done recommendation was completed by its deadline. */
export function doneOnTime(deadline: string, completedOn: string | null): boolean {
  return completedOn !== null && completedOn <= deadline;
}
