import { z } from 'zod';
import type { Label } from '../catalogues/labels';

/** How the report reached the commune (Decree 56 Art. 25: hotline 111, agencies, police…). */
export const IntakeChannel = z
  .enum([
    'hotline_111',
    'school',
    'health_facility',
    'police',
    'neighbour',
    'child',
    'public_portal',
    'other',
  ])
  .meta({ id: 'IntakeChannel' });
export type IntakeChannel = z.infer<typeof IntakeChannel>;

export const intakeChannelLabels: Record<IntakeChannel, Label> = {
  hotline_111: { vi: 'Tổng đài 111', en: 'Hotline 111' },
  school: { vi: 'Nhà trường', en: 'School' },
  health_facility: { vi: 'Cơ sở y tế', en: 'Health facility' },
  police: { vi: 'Công an', en: 'Police' },
  neighbour: { vi: 'Hàng xóm, người dân', en: 'Neighbour or citizen' },
  child: { vi: 'Trẻ em tự báo', en: 'The child' },
  public_portal: { vi: 'Báo cáo trên cổng thông tin', en: 'Public portal report' },
  other: { vi: 'Khác', en: 'Other' },
};

/** What the report is about; a report may name several. */
export const ConcernType = z
  .enum([
    'physical_violence',
    'sexual_abuse',
    'exploitation',
    'child_labour',
    'trafficking',
    'neglect',
    'abandonment',
    'online_abuse',
    'other',
  ])
  .meta({ id: 'ConcernType' });
export type ConcernType = z.infer<typeof ConcernType>;

export const concernTypeLabels: Record<ConcernType, Label> = {
  physical_violence: { vi: 'Bạo lực thể chất', en: 'Physical violence' },
  sexual_abuse: { vi: 'Xâm hại tình dục', en: 'Sexual abuse' },
  exploitation: { vi: 'Bóc lột', en: 'Exploitation' },
  child_labour: { vi: 'Lao động trẻ em', en: 'Child labour' },
  trafficking: { vi: 'Mua bán trẻ em', en: 'Trafficking' },
  neglect: { vi: 'Sao nhãng, bỏ mặc', en: 'Neglect' },
  abandonment: { vi: 'Bỏ rơi', en: 'Abandonment' },
  online_abuse: { vi: 'Xâm hại trên môi trường mạng', en: 'Online abuse' },
  other: { vi: 'Khác', en: 'Other' },
};

/** Urgency as judged at intake, before the initial assessment decides on emergency measures. */
export const IntakeUrgency = z.enum(['emergency', 'urgent', 'routine']).meta({ id: 'IntakeUrgency' });
export type IntakeUrgency = z.infer<typeof IntakeUrgency>;

export const intakeUrgencyLabels: Record<IntakeUrgency, Label> = {
  emergency: { vi: 'Khẩn cấp', en: 'Emergency' },
  urgent: { vi: 'Cần xử lý sớm', en: 'Urgent' },
  routine: { vi: 'Thông thường', en: 'Routine' },
};

/** Risk rating of the assessments and of the review (Mẫu 06: Cao / Trung bình / Thấp). */
export const RiskLevel = z.enum(['high', 'medium', 'low']).meta({ id: 'RiskLevel' });
export type RiskLevel = z.infer<typeof RiskLevel>;

export const riskLevelLabels: Record<RiskLevel, Label> = {
  high: { vi: 'Cao', en: 'High' },
  medium: { vi: 'Trung bình', en: 'Medium' },
  low: { vi: 'Thấp', en: 'Low' },
};
