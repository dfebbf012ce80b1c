import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from './common';
import { ContactPhone } from './registry/child-parts';

/**
 * The HTTP contract of the parts of a case beside its actions: the service-provider directory
 * (`/api/v1/service-providers`), the people involved (`/cases/{id}/people`), referrals
 * (`/cases/{id}/referrals`) and alternative care placements (`/cases/{id}/placements`), with
 * their pure rules. Personal details and narratives are encrypted at rest by the server;
 * providers are public organisations and stay in clear.
 */

type Labels<T extends string> = Record<T, { vi: string; en: string }>;

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => z.string().trim().max(max).nullish();
const version = z.number().int().min(1).describe('the version read (stale → 409)');

// Service-provider directory ------------------------------------------------------------------

export const ServiceProviderKind = z
  .enum([
    'health_station',
    'hospital',
    'police',
    'legal_aid',
    'social_assistance',
    'school',
    'counselling',
    'womens_union',
    'hotline_111',
    'other',
  ])
  .meta({ id: 'ServiceProviderKind' });
export type ServiceProviderKind = z.infer<typeof ServiceProviderKind>;

export const serviceProviderKindLabels: Labels<ServiceProviderKind> = {
  health_station: { vi: 'Trạm y tế', en: 'Health station' },
  hospital: { vi: 'Bệnh viện, trung tâm y tế', en: 'Hospital or health centre' },
  police: { vi: 'Công an', en: 'Police' },
  legal_aid: { vi: 'Trợ giúp pháp lý', en: 'Legal aid' },
  social_assistance: { vi: 'Cơ sở trợ giúp xã hội', en: 'Social-assistance facility' },
  school: { vi: 'Trường học', en: 'School' },
  counselling: { vi: 'Tư vấn, tham vấn tâm lý', en: 'Counselling' },
  womens_union: { vi: 'Hội Liên hiệp Phụ nữ', en: 'Women’s Union' },
  hotline_111: { vi: 'Tổng đài 111', en: 'Hotline 111' },
  other: { vi: 'Khác', en: 'Other' },
};

export const ServiceProvider = z
  .object({
    id: Uuid,
    unitCode: z.string(),
    unitName: z.string(),
    unitLevel: z.enum(['commune', 'province']).describe('a province provider serves all its communes'),
    kind: ServiceProviderKind,
    name: z.string(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    contactPerson: z.string().nullable(),
    note: z.string().nullable(),
    isActive: z.boolean(),
    version: z.number().int(),
    canEdit: z.boolean().describe('whether the caller may change this entry'),
  })
  .meta({ id: 'ServiceProvider' });
export type ServiceProvider = z.infer<typeof ServiceProvider>;

const ProviderFields = {
  kind: ServiceProviderKind,
  name: Text(300),
  address: OptionalText(300),
  phone: OptionalText(50),
  contactPerson: OptionalText(200),
  note: OptionalText(1000),
};

/** `POST /api/v1/service-providers`: an entry of a commune (`cases.write`) or a province (`catalogs.manage`). */
export const CreateServiceProviderRequest = z
  .object({
    unitCode: z
      .string()
      .regex(/^\d{2}$|^\d{5}$/, { message: 'unit_code' })
      .describe('commune (5 digits) or province (2 digits)'),
    ...ProviderFields,
  })
  .meta({ id: 'CreateServiceProviderRequest' });
export type CreateServiceProviderRequest = z.infer<typeof CreateServiceProviderRequest>;

/** `PATCH /api/v1/service-providers/{id}`: the fields to change and the version read. */
export const UpdateServiceProviderRequest = z
  .object({
    version,
    kind: ServiceProviderKind.optional(),
    name: Text(300).optional(),
    address: OptionalText(300),
    phone: OptionalText(50),
    contactPerson: OptionalText(200),
    note: OptionalText(1000),
    isActive: z.boolean().optional(),
  })
  .meta({ id: 'UpdateServiceProviderRequest' });
export type UpdateServiceProviderRequest = z.infer<typeof UpdateServiceProviderRequest>;

export const ServiceProviderListQuery = z.object({
  unit: z
    .string()
    .regex(/^\d{2,5}$/)
    .optional()
    .describe('a commune code: its own providers and its province’s; absent: all of the caller’s subtree'),
  kind: ServiceProviderKind.optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
});
export type ServiceProviderListQuery = z.infer<typeof ServiceProviderListQuery>;

export const ServiceProviderList = z
  .object({ items: z.array(ServiceProvider) })
  .meta({ id: 'ServiceProviderList' });
export type ServiceProviderList = z.infer<typeof ServiceProviderList>;

// People involved in a case --------------------------------------------------------------------

export const CasePersonRole = z
  .enum(['child', 'caregiver', 'alleged_perpetrator', 'other'])
  .meta({ id: 'CasePersonRole' });
export type CasePersonRole = z.infer<typeof CasePersonRole>;

export const casePersonRoleLabels: Labels<CasePersonRole> = {
  child: { vi: 'Trẻ em khác trong vụ việc', en: 'Other child in the case' },
  caregiver: { vi: 'Người chăm sóc trẻ em', en: 'Caregiver' },
  alleged_perpetrator: { vi: 'Người bị nghi gây hại', en: 'Alleged perpetrator' },
  other: { vi: 'Người liên quan khác', en: 'Other person' },
};

/** The encrypted details of a person (all optional but the name, which may be "không rõ"). */
export const CasePersonDetails = z.object({
  fullName: Text(200).describe('the name as known, e.g. "Không rõ" when unknown'),
  relationship: OptionalText(100).describe('relationship to the child, e.g. "bố dượng"'),
  yearOfBirth: z.number().int().min(1900).max(2100).nullish(),
  phone: ContactPhone.nullish(),
  address: OptionalText(300),
  note: OptionalText(2000),
});
export type CasePersonDetails = z.infer<typeof CasePersonDetails>;

export const CasePerson = z
  .object({
    id: Uuid,
    role: CasePersonRole,
    child: z
      .object({ id: Uuid, fullName: z.string(), dateOfBirth: z.string() })
      .nullable()
      .describe('the registered child, for role `child` given by `childId`'),
    fullName: z.string(),
    relationship: z.string().nullable(),
    yearOfBirth: z.number().int().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: IsoDateTime,
    removedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'CasePerson' });
export type CasePerson = z.infer<typeof CasePerson>;

/** `POST /api/v1/cases/{id}/people`: a person, or (role `child`) a registered child by `childId`. */
export const AddCasePersonRequest = z
  .object({
    role: CasePersonRole,
    childId: Uuid.optional().describe(
      'only with role `child`: a child of the registry in the caller’s subtree',
    ),
    fullName: Text(200).optional().describe('required unless `childId` is given'),
    relationship: OptionalText(100),
    yearOfBirth: z.number().int().min(1900).max(2100).nullish(),
    phone: ContactPhone.nullish(),
    address: OptionalText(300),
    note: OptionalText(2000),
  })
  .meta({ id: 'AddCasePersonRequest' });
export type AddCasePersonRequest = z.infer<typeof AddCasePersonRequest>;

export const CasePersonList = z.object({ items: z.array(CasePerson) }).meta({ id: 'CasePersonList' });
export type CasePersonList = z.infer<typeof CasePersonList>;

// Referrals ----------------------------------------------------------------------------------------

export const ReferralStatus = z
  .enum(['pending', 'accepted', 'declined', 'done'])
  .meta({ id: 'ReferralStatus' });
export type ReferralStatus = z.infer<typeof ReferralStatus>;

export const referralStatusLabels: Labels<ReferralStatus> = {
  pending: { vi: 'Chờ trả lời', en: 'Pending' },
  accepted: { vi: 'Đã tiếp nhận', en: 'Accepted' },
  declined: { vi: 'Từ chối', en: 'Declined' },
  done: { vi: 'Đã cung cấp dịch vụ', en: 'Done' },
};

/** The statuses a referral may move to from each status; declined and done are final. */
export const referralTransitions: Record<ReferralStatus, readonly ReferralStatus[]> = {
  pending: ['accepted', 'declined'],
  accepted: ['done'],
  declined: [],
  done: [],
};

/** Whether a referral may move from one status to another. */
export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return referralTransitions[from].includes(to);
}

export const ReferralEvent = z.object({
  status: ReferralStatus,
  note: z.string().nullable(),
  at: IsoDateTime,
  byUserId: Uuid.nullable(),
});
export type ReferralEvent = z.infer<typeof ReferralEvent>;

export const CaseReferral = z
  .object({
    id: Uuid,
    provider: z.object({
      id: Uuid,
      name: z.string(),
      kind: ServiceProviderKind,
      phone: z.string().nullable(),
      unitName: z.string(),
    }),
    status: ReferralStatus,
    reason: z.string(),
    referredAt: IsoDateTime,
    referredBy: Uuid.nullable(),
    respondedAt: IsoDateTime.nullable(),
    doneAt: IsoDateTime.nullable(),
    version: z.number().int(),
    nextStatuses: z.array(ReferralStatus),
    events: z.array(ReferralEvent),
  })
  .meta({ id: 'CaseReferral' });
export type CaseReferral = z.infer<typeof CaseReferral>;

/** `POST /api/v1/cases/{id}/referrals`: a provider usable for the case's commune and the reason. */
export const CreateReferralRequest = z
  .object({
    providerId: Uuid.describe('an active provider of the case’s commune or its province'),
    reason: Text(4000).describe('what the child needs (confidential, encrypted at rest)'),
  })
  .meta({ id: 'CreateReferralRequest' });
export type CreateReferralRequest = z.infer<typeof CreateReferralRequest>;

/** `POST /api/v1/cases/{id}/referrals/{referralId}/status`: pending→accepted|declined, accepted→done. */
export const ReferralStatusRequest = z
  .object({
    status: ReferralStatus.describe('the new status; a move not allowed from the current one: 422'),
    note: OptionalText(2000).describe('confidential, encrypted at rest'),
    version,
  })
  .meta({ id: 'ReferralStatusRequest' });
export type ReferralStatusRequest = z.infer<typeof ReferralStatusRequest>;

export const CaseReferralList = z.object({ items: z.array(CaseReferral) }).meta({ id: 'CaseReferralList' });
export type CaseReferralList = z.infer<typeof CaseReferralList>;

// Alternative care placements (Luật Trẻ em 2016 Điều 60–63) ------------------------------------

export const PlacementKind = z
  .enum(['kinship', 'non_relative_family', 'facility'])
  .meta({ id: 'PlacementKind' });
export type PlacementKind = z.infer<typeof PlacementKind>;

export const placementKindLabels: Labels<PlacementKind> = {
  kinship: { vi: 'Người thân thích nhận chăm sóc', en: 'Kinship care' },
  non_relative_family: {
    vi: 'Cá nhân, gia đình không phải người thân thích',
    en: 'Non-relative family care',
  },
  facility: { vi: 'Cơ sở trợ giúp xã hội', en: 'Social-assistance facility' },
};

/** Provider kinds that may take a child in a facility placement. */
export const facilityProviderKinds: readonly ServiceProviderKind[] = ['social_assistance', 'other'];

/**
 * The conditions checked before a family placement, after Luật Trẻ em 2016 Điều 63 (khoản 1: the
 * decision; khoản 2: the carer) and Điều 60 (the child's opinion). Each is `true` when met or,
 * where the text allows, not applicable. The field list follows the text as published by
 * secondary sources; `verified: false` marks those not checked against the official gazette.
 */
export const art63ConditionInfo = {
  residesInVietnam: {
    vi: 'Người nhận chăm sóc cư trú tại Việt Nam',
    en: 'The carer resides in Viet Nam',
    ref: 'Điều 63 khoản 2 điểm a',
    verified: true,
  },
  hasHealth: {
    vi: 'Có sức khỏe để chăm sóc trẻ em',
    en: 'The carer is in good health',
    ref: 'Điều 63 khoản 2 điểm a',
    verified: true,
  },
  hasFullCivilCapacity: {
    vi: 'Có năng lực hành vi dân sự đầy đủ',
    en: 'The carer has full civil capacity',
    ref: 'Điều 63 khoản 2 điểm a',
    verified: true,
  },
  hasGoodMorals: {
    vi: 'Có tư cách đạo đức tốt',
    en: 'The carer is of good character',
    ref: 'Điều 63 khoản 2 điểm a',
    verified: true,
  },
  parentalRightsNotRestricted: {
    vi: 'Không bị hạn chế một số quyền của cha, mẹ đối với con chưa thành niên',
    en: 'The carer’s parental rights are not restricted',
    ref: 'Điều 63 khoản 2 điểm a',
    verified: true,
  },
  noChildAbuseProceedings: {
    vi: 'Không bị truy cứu trách nhiệm hình sự, xử lý vi phạm hành chính về hành vi xâm hại trẻ em',
    en: 'The carer is not prosecuted or sanctioned for abusing children',
    ref: 'Điều 63 khoản 2 điểm a',
    verified: true,
  },
  noDisqualifyingConviction: {
    vi: 'Không bị kết án về các tội cố ý xâm phạm tính mạng, sức khỏe, nhân phẩm, danh dự người khác, ngược đãi người thân, dụ dỗ người chưa thành niên vi phạm pháp luật, mua bán, chiếm đoạt trẻ em',
    en: 'The carer has no conviction for the offences listed (against life, health, dignity; abuse of relatives; inciting minors; trafficking children)',
    ref: 'Điều 63 khoản 2 điểm a',
    verified: true,
  },
  hasHousingAndMeans: {
    vi: 'Có chỗ ở và điều kiện kinh tế bảo đảm chăm sóc, nuôi dưỡng, giáo dục trẻ em',
    en: 'The carer has housing and means to raise the child',
    ref: 'Điều 63 khoản 2 điểm b',
    verified: true,
  },
  isVoluntary: {
    vi: 'Tự nguyện nhận chăm sóc trẻ em',
    en: 'The carer volunteers',
    ref: 'Điều 63 khoản 2 điểm c',
    verified: true,
  },
  familyMembersAgree: {
    vi: 'Các thành viên gia đình đồng thuận',
    en: 'The carer’s family members agree',
    ref: 'Điều 63 khoản 2 điểm c',
    verified: true,
  },
  familyMembersNoChildAbuseProceedings: {
    vi: 'Thành viên gia đình không bị truy cứu, xử lý về hành vi xâm hại trẻ em',
    en: 'No family member is prosecuted or sanctioned for abusing children',
    ref: 'Điều 63 khoản 2 điểm c',
    verified: true,
  },
  meetsAgeRequirement: {
    vi: 'Người thân thích là người thành niên; người khác hơn trẻ em từ 20 tuổi trở lên',
    en: 'A relative is an adult; anyone else is at least 20 years older than the child',
    ref: 'Điều 63 khoản 2 điểm d',
    verified: true,
  },
  consentObtained: {
    vi: 'Có văn bản đồng ý của người giám hộ hoặc cha, mẹ (trừ trường hợp luật cho phép không cần)',
    en: 'Written consent of the guardian or parents (unless the law exempts it)',
    ref: 'Điều 63 khoản 1',
    verified: true,
  },
  childOpinionHeard: {
    vi: 'Đã lấy ý kiến của trẻ em từ đủ 07 tuổi trở lên (đúng nếu trẻ dưới 7 tuổi)',
    en: 'The child aged 7 or over was heard (true for a younger child)',
    ref: 'Điều 60 (khoản chưa xác minh)',
    verified: false,
  },
} as const satisfies Record<string, { vi: string; en: string; ref: string; verified: boolean }>;
export type Art63Condition = keyof typeof art63ConditionInfo;

const art63Shape = Object.fromEntries(
  Object.keys(art63ConditionInfo).map((key) => [key, z.boolean()]),
) as Record<Art63Condition, z.ZodBoolean>;

/** The Art. 63 checklist as answered (a request names its own copy: OpenAPI input and output differ). */
export const Art63Conditions = z.object(art63Shape).meta({ id: 'Art63Conditions' });
export type Art63Conditions = z.infer<typeof Art63Conditions>;
export const Art63ConditionsInput = z.object(art63Shape).meta({ id: 'Art63ConditionsInput' });

/** The conditions of a checklist that are not met. */
export function unmetArt63Conditions(conditions: Art63Conditions): Art63Condition[] {
  return (Object.keys(art63ConditionInfo) as Art63Condition[]).filter((key) => !conditions[key]);
}

export const PlacementCarer = z.object({
  fullName: Text(200),
  relationship: OptionalText(100).describe('relationship to the child'),
  address: OptionalText(300),
  phone: ContactPhone.nullish(),
});
export type PlacementCarer = z.infer<typeof PlacementCarer>;

export const PlacementVisit = z.object({
  id: Uuid,
  visitedOn: IsoDate,
  notes: z.string(),
  byUserId: Uuid.nullable(),
  at: IsoDateTime,
});
export type PlacementVisit = z.infer<typeof PlacementVisit>;

export const CasePlacement = z
  .object({
    id: Uuid,
    kind: PlacementKind,
    provider: z.object({ id: Uuid, name: z.string(), kind: ServiceProviderKind }).nullable(),
    carer: PlacementCarer.nullable(),
    art63: Art63Conditions.nullable(),
    startDate: IsoDate,
    plannedEndDate: IsoDate.nullable(),
    endDate: IsoDate.nullable(),
    endReason: z.string().nullable(),
    isCurrent: z.boolean(),
    version: z.number().int(),
    visits: z.array(PlacementVisit),
  })
  .meta({ id: 'CasePlacement' });
export type CasePlacement = z.infer<typeof CasePlacement>;

/**
 * `POST /api/v1/cases/{id}/placements`. A facility placement names a provider of kind
 * `social_assistance` (or `other`); a family placement names the carer and the Art. 63
 * checklist, all of which must be true (422 otherwise).
 */
export const CreatePlacementRequest = z
  .object({
    kind: PlacementKind,
    providerId: Uuid.optional(),
    carer: PlacementCarer.optional().describe('confidential, encrypted at rest'),
    art63: Art63ConditionsInput.optional(),
    startDate: IsoDate,
    plannedEndDate: IsoDate.nullish(),
  })
  .meta({ id: 'CreatePlacementRequest' });
export type CreatePlacementRequest = z.infer<typeof CreatePlacementRequest>;

/** `POST /api/v1/cases/{id}/placements/{placementId}/visits`. */
export const PlacementVisitRequest = z
  .object({
    visitedOn: IsoDate,
    notes: Text(4000).describe('confidential, encrypted at rest'),
  })
  .meta({ id: 'PlacementVisitRequest' });
export type PlacementVisitRequest = z.infer<typeof PlacementVisitRequest>;

/** `POST /api/v1/cases/{id}/placements/{placementId}/end`. */
export const EndPlacementRequest = z
  .object({
    endDate: IsoDate,
    reason: Text(2000).describe('confidential, encrypted at rest'),
    version,
  })
  .meta({ id: 'EndPlacementRequest' });
export type EndPlacementRequest = z.infer<typeof EndPlacementRequest>;

export const CasePlacementList = z
  .object({ items: z.array(CasePlacement) })
  .meta({ id: 'CasePlacementList' });
export type CasePlacementList = z.infer<typeof CasePlacementList>;

// Rules -------------------------------------------------------------------------------------------

/** The messages of the rules of case parts (422), by code. */
export const casePartErrorMessages = {
  case_part_case_closed: {
    vi: 'Vụ việc đã kết thúc: không thêm người liên quan, chuyển gửi hoặc chăm sóc thay thế mới.',
    en: 'The case is closed: no new people, referrals or placements can be added.',
  },
  referral_transition: {
    vi: 'Không chuyển được trạng thái chuyển gửi này (chờ trả lời → đã tiếp nhận hoặc từ chối; đã tiếp nhận → đã cung cấp dịch vụ).',
    en: 'This referral status change is not allowed (pending → accepted or declined; accepted → done).',
  },
  provider_inactive: {
    vi: 'Cơ sở này không còn nhận chuyển gửi.',
    en: 'This provider no longer takes referrals.',
  },
  placement_facility_provider: {
    vi: 'Chăm sóc tại cơ sở cần chọn một cơ sở trợ giúp xã hội (hoặc loại khác) trong danh bạ.',
    en: 'A facility placement needs a social-assistance (or other) provider from the directory.',
  },
  placement_carer_required: {
    vi: 'Chăm sóc thay thế tại gia đình cần thông tin người nhận chăm sóc và kết quả kiểm tra điều kiện theo Điều 63 Luật Trẻ em.',
    en: 'A family placement needs the carer and the checklist of Art. 63 of the Law on Children.',
  },
  placement_art63_unmet: {
    vi: 'Chưa đủ điều kiện nhận chăm sóc thay thế theo Điều 63 Luật Trẻ em: {conditions}.',
    en: 'The conditions of Art. 63 of the Law on Children are not all met: {conditions}.',
  },
  placement_dates: {
    vi: 'Ngày dự kiến kết thúc hoặc ngày chấm dứt không được trước ngày bắt đầu.',
    en: 'The planned or actual end cannot be before the start.',
  },
  placement_current_exists: {
    vi: 'Trẻ em đang được chăm sóc thay thế trong vụ việc này: hãy chấm dứt chăm sóc hiện tại trước.',
    en: 'The child is already in a placement in this case: end it first.',
  },
  placement_ended: {
    vi: 'Việc chăm sóc thay thế này đã chấm dứt.',
    en: 'This placement has already ended.',
  },
  placement_visit_date: {
    vi: 'Ngày thăm phải trong thời gian chăm sóc thay thế và không ở tương lai.',
    en: 'The visit must fall within the placement and not in the future.',
  },
  date_in_future: {
    vi: 'Ngày không được ở tương lai.',
    en: 'The date cannot be in the future.',
  },
} satisfies Record<string, { vi: string; en: string }>;
export type CasePartErrorCode = keyof typeof casePartErrorMessages;

/** A broken rule of a case part, with its message code and parameters. */
export type CasePartProblem = { code: CasePartErrorCode; params?: Record<string, string> };

/**
 * Whether a placement may start: checks the provider kind of a facility placement, the carer and
 * Art. 63 checklist of a family placement, and the dates. Returns the first broken rule.
 */
export function placementProblem(
  input: CreatePlacementRequest,
  provider: { kind: ServiceProviderKind } | undefined,
  lang: 'vi' | 'en',
): CasePartProblem | undefined {
  if (input.plannedEndDate && input.plannedEndDate < input.startDate) return { code: 'placement_dates' };
  if (input.kind === 'facility') {
    if (!provider || !facilityProviderKinds.includes(provider.kind)) {
      return { code: 'placement_facility_provider' };
    }
    return undefined;
  }
  if (!input.carer || !input.art63) return { code: 'placement_carer_required' };
  const unmet = unmetArt63Conditions(input.art63);
  if (unmet.length > 0) {
    return {
      code: 'placement_art63_unmet',
      params: { conditions: unmet.map((key) => art63ConditionInfo[key][lang]).join('; ') },
    };
  }
  return undefined;
}
