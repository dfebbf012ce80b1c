import { z } from 'zod';
import type { Label } from '../catalogues/labels';

/**
 * The vocabularies of the programmes module: documents and plans, programmes, activities,
 * communication, movements, incidents and facilities. Codes are stored; labels are shown.
 */

function labelled<const T extends readonly [string, ...string[]]>(id: string, values: T) {
  return z.enum(values).meta({ id });
}

export const DocumentType = labelled('PlanDocumentType', [
  'directive',
  'programme',
  'plan',
  'decision',
  'report',
  'other',
]);
export type DocumentType = z.infer<typeof DocumentType>;
export const documentTypeLabels: Record<DocumentType, Label> = {
  directive: { vi: 'Chỉ thị', en: 'Directive' },
  programme: { vi: 'Chương trình', en: 'Programme' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  report: { vi: 'Báo cáo', en: 'Report' },
  other: { vi: 'Văn bản khác', en: 'Other document' },
};

export const ProgrammeKind = labelled('ProgrammeKind', [
  'action_month',
  'drowning_prevention',
  'universal_preschool',
  'child_friendly',
  'abuse_prevention',
  'national_action',
  'other',
]);
export type ProgrammeKind = z.infer<typeof ProgrammeKind>;
export const programmeKindLabels: Record<ProgrammeKind, Label> = {
  action_month: { vi: 'Tháng hành động vì trẻ em', en: 'Action Month for Children' },
  drowning_prevention: { vi: 'Phòng, chống đuối nước trẻ em', en: 'Drowning prevention' },
  universal_preschool: {
    vi: 'Phổ cập giáo dục mầm non cho trẻ 5 tuổi',
    en: 'Universal preschool (5-year-olds)',
  },
  child_friendly: { vi: 'Xây dựng xã, phường phù hợp với trẻ em', en: 'Child-friendly commune building' },
  abuse_prevention: { vi: 'Phòng, chống bạo lực, xâm hại trẻ em', en: 'Prevention of violence and abuse' },
  national_action: { vi: 'Chương trình hành động vì trẻ em', en: 'Action programme for children' },
  other: { vi: 'Chương trình khác', en: 'Other programme' },
};

/** Who pays: the state budget, contributions mobilised from the community, or sponsors. */
export const FundingSource = labelled('FundingSource', ['state_budget', 'mobilised', 'sponsor']);
export type FundingSource = z.infer<typeof FundingSource>;
export const fundingSourceLabels: Record<FundingSource, Label> = {
  state_budget: { vi: 'Ngân sách nhà nước', en: 'State budget' },
  mobilised: { vi: 'Nguồn vận động, xã hội hóa', en: 'Mobilised contributions' },
  sponsor: { vi: 'Nhà tài trợ', en: 'Sponsors' },
};

export const ActivityKind = labelled('ActivityKind', [
  'recreation',
  'festival',
  'swimming_class',
  'life_skills_class',
  'officer_training',
  'communication_event',
  'movement_launch',
  'gift_giving',
  'health_check',
  'conference',
]);
export type ActivityKind = z.infer<typeof ActivityKind>;
export const activityKindLabels: Record<ActivityKind, Label> = {
  recreation: { vi: 'Vui chơi, giải trí', en: 'Recreation' },
  festival: { vi: 'Lễ hội, liên hoan', en: 'Festival' },
  swimming_class: { vi: 'Lớp dạy bơi', en: 'Swimming class' },
  life_skills_class: { vi: 'Lớp kỹ năng sống', en: 'Life-skills class' },
  officer_training: { vi: 'Tập huấn cán bộ', en: 'Training for officers' },
  communication_event: { vi: 'Sự kiện truyền thông', en: 'Communication event' },
  movement_launch: { vi: 'Phát động phong trào', en: 'Movement launch' },
  gift_giving: { vi: 'Thăm hỏi, tặng quà', en: 'Gift giving' },
  health_check: { vi: 'Khám sức khỏe', en: 'Health check' },
  conference: { vi: 'Hội nghị, diễn đàn', en: 'Conference or forum' },
};

/** Participants counted but not named: other children, parents, teachers, officers, volunteers. */
export const ParticipantGroup = labelled('ParticipantGroup', [
  'children_unregistered',
  'parents',
  'teachers',
  'officers',
  'volunteers',
  'other',
]);
export type ParticipantGroup = z.infer<typeof ParticipantGroup>;
export const participantGroupLabels: Record<ParticipantGroup, Label> = {
  children_unregistered: { vi: 'Trẻ em khác (không ghi tên)', en: 'Other children (not named)' },
  parents: { vi: 'Cha mẹ, người chăm sóc', en: 'Parents and carers' },
  teachers: { vi: 'Giáo viên', en: 'Teachers' },
  officers: { vi: 'Cán bộ', en: 'Officers' },
  volunteers: { vi: 'Tình nguyện viên, cộng tác viên', en: 'Volunteers' },
  other: { vi: 'Khác', en: 'Other' },
};

export const CommunicationChannel = labelled('CommunicationChannel', [
  'meeting',
  'loudspeaker',
  'television_radio',
  'newspaper',
  'social_network',
  'leaflet_poster',
  'school_session',
  'other',
]);
export type CommunicationChannel = z.infer<typeof CommunicationChannel>;
export const communicationChannelLabels: Record<CommunicationChannel, Label> = {
  meeting: { vi: 'Họp dân, sinh hoạt cộng đồng', en: 'Community meeting' },
  loudspeaker: { vi: 'Loa truyền thanh', en: 'Loudspeaker' },
  television_radio: { vi: 'Truyền hình, phát thanh', en: 'Television or radio' },
  newspaper: { vi: 'Báo chí', en: 'Newspaper' },
  social_network: { vi: 'Mạng xã hội', en: 'Social network' },
  leaflet_poster: { vi: 'Tờ rơi, pa-nô, áp phích', en: 'Leaflets and posters' },
  school_session: { vi: 'Sinh hoạt tại trường học', en: 'School session' },
  other: { vi: 'Kênh khác', en: 'Other channel' },
};

export const CommunicationAudience = labelled('CommunicationAudience', [
  'children',
  'parents',
  'community',
  'teachers',
  'officers',
  'all',
]);
export type CommunicationAudience = z.infer<typeof CommunicationAudience>;
export const communicationAudienceLabels: Record<CommunicationAudience, Label> = {
  children: { vi: 'Trẻ em', en: 'Children' },
  parents: { vi: 'Cha mẹ, người chăm sóc', en: 'Parents and carers' },
  community: { vi: 'Cộng đồng dân cư', en: 'Community' },
  teachers: { vi: 'Giáo viên', en: 'Teachers' },
  officers: { vi: 'Cán bộ', en: 'Officers' },
  all: { vi: 'Toàn dân', en: 'Everyone' },
};

export const IncidentCause = labelled('IncidentCause', [
  'drowning',
  'traffic',
  'fall',
  'burn',
  'poisoning',
  'animal_bite',
  'violence',
  'other',
]);
export type IncidentCause = z.infer<typeof IncidentCause>;
export const incidentCauseLabels: Record<IncidentCause, Label> = {
  drowning: { vi: 'Đuối nước', en: 'Drowning' },
  traffic: { vi: 'Tai nạn giao thông', en: 'Traffic' },
  fall: { vi: 'Ngã', en: 'Fall' },
  burn: { vi: 'Bỏng', en: 'Burn' },
  poisoning: { vi: 'Ngộ độc', en: 'Poisoning' },
  animal_bite: { vi: 'Động vật cắn', en: 'Animal bite' },
  violence: { vi: 'Bạo lực', en: 'Violence' },
  other: { vi: 'Nguyên nhân khác', en: 'Other cause' },
};

export const PlaceType = labelled('IncidentPlaceType', [
  'river',
  'pond',
  'lake',
  'sea',
  'pool',
  'well',
  'home',
  'school',
  'road',
  'other',
]);
export type PlaceType = z.infer<typeof PlaceType>;
export const placeTypeLabels: Record<PlaceType, Label> = {
  river: { vi: 'Sông, suối', en: 'River or stream' },
  pond: { vi: 'Ao, hồ nhỏ, hố nước', en: 'Pond or water hole' },
  lake: { vi: 'Hồ, đập', en: 'Lake or reservoir' },
  sea: { vi: 'Biển', en: 'Sea' },
  pool: { vi: 'Bể bơi', en: 'Swimming pool' },
  well: { vi: 'Giếng, bể chứa nước', en: 'Well or water tank' },
  home: { vi: 'Tại nhà', en: 'Home' },
  school: { vi: 'Trường học', en: 'School' },
  road: { vi: 'Đường giao thông', en: 'Road' },
  other: { vi: 'Nơi khác', en: 'Other place' },
};
/** Places of water: a drowning happens at one of these. */
export const waterPlaceTypes: readonly PlaceType[] = [
  'river',
  'pond',
  'lake',
  'sea',
  'pool',
  'well',
  'other',
];

export const IncidentOutcome = labelled('IncidentOutcome', ['death', 'serious_injury', 'minor_injury']);
export type IncidentOutcome = z.infer<typeof IncidentOutcome>;
export const incidentOutcomeLabels: Record<IncidentOutcome, Label> = {
  death: { vi: 'Tử vong', en: 'Death' },
  serious_injury: { vi: 'Bị thương nặng', en: 'Serious injury' },
  minor_injury: { vi: 'Bị thương nhẹ', en: 'Minor injury' },
};

export const FacilityKind = labelled('FacilityKind', [
  'playground',
  'cultural_house',
  'library',
  'swimming_pool',
  'swim_teaching_place',
  'child_friendly_space',
  'school',
  'health_station',
]);
export type FacilityKind = z.infer<typeof FacilityKind>;
export const facilityKindLabels: Record<FacilityKind, Label> = {
  playground: { vi: 'Sân chơi, điểm vui chơi', en: 'Playground' },
  cultural_house: { vi: 'Nhà văn hóa', en: 'Cultural house' },
  library: { vi: 'Thư viện, tủ sách', en: 'Library' },
  swimming_pool: { vi: 'Bể bơi', en: 'Swimming pool' },
  swim_teaching_place: { vi: 'Điểm dạy bơi', en: 'Swimming teaching place' },
  child_friendly_space: { vi: 'Không gian thân thiện với trẻ em', en: 'Child-friendly space' },
  school: { vi: 'Trường học', en: 'School' },
  health_station: { vi: 'Trạm y tế', en: 'Health station' },
};

export const FacilityCondition = labelled('FacilityCondition', ['good', 'fair', 'poor', 'not_in_use']);
export type FacilityCondition = z.infer<typeof FacilityCondition>;
export const facilityConditionLabels: Record<FacilityCondition, Label> = {
  good: { vi: 'Tốt', en: 'Good' },
  fair: { vi: 'Trung bình', en: 'Fair' },
  poor: { vi: 'Xuống cấp', en: 'Poor' },
  not_in_use: { vi: 'Không sử dụng', en: 'Not in use' },
};

/**
 * Facilities where children play, read or learn to swim: a commune without one in use is shown
 * as missing it. Schools and health stations are registered but are not play places.
 */
export const playFacilityKinds: readonly FacilityKind[] = [
  'playground',
  'cultural_house',
  'library',
  'swimming_pool',
  'swim_teaching_place',
  'child_friendly_space',
];

/** The outcome of one child in an activity. Swimming classes record the two tests. */
export const ParticipantOutcome = z
  .object({
    completed: z.boolean().nullable().describe('finished the course or activity'),
    swimSafe: z.boolean().nullable().describe('passed the safe-swimming test (bơi an toàn)'),
    waterSafety: z
      .boolean()
      .nullable()
      .describe('shows water-safety skills (kỹ năng an toàn trong môi trường nước)'),
    assessedOn: z.iso.date().nullable(),
    note: z.string().trim().max(500).nullable(),
  })
  .meta({ id: 'ParticipantOutcome' });
export type ParticipantOutcome = z.infer<typeof ParticipantOutcome>;
