/** Why an action cannot be applied to a case: one code per broken rule. */
export const CaseErrorCode = {
  InvalidAction: 'case_invalid_action',
  NotOpened: 'case_not_opened',
  AlreadyOpened: 'case_already_opened',
  NotAllowedInStatus: 'case_action_not_allowed_in_status',
  RoleNotAllowed: 'case_role_not_allowed',
  ActionBeforePrevious: 'case_action_before_previous',
  ReceivedAfterIntake: 'case_received_after_intake',
  ClockNotOpen: 'case_clock_not_open',
  ClockNotExtendable: 'case_clock_not_extendable',
  ExtensionNotLater: 'case_extension_not_later',
  RemovalTooLong: 'case_removal_too_long',
  RemovalActive: 'case_removal_active',
  NoActiveRemoval: 'case_no_active_removal',
  PlanNotDrafted: 'case_plan_not_drafted',
  MeasureUnknown: 'case_measure_unknown',
  MeasureAlreadyDone: 'case_measure_already_done',
  CloseRequiresLowRisk: 'case_close_requires_low_risk',
  CloseNotProposed: 'case_close_not_proposed',
} as const;
export type CaseErrorCode = (typeof CaseErrorCode)[keyof typeof CaseErrorCode];

/** Messages of the case rules and of the calendar's validation keys, by code (vi first). */
export const caseErrorMessages: Record<CaseErrorCode | CaseValidationKey, { vi: string; en: string }> = {
  case_invalid_action: { vi: 'Thao tác không hợp lệ', en: 'Invalid action' },
  case_not_opened: {
    vi: 'Vụ việc phải bắt đầu bằng bước tiếp nhận thông tin',
    en: 'A case must start with the intake of the report',
  },
  case_already_opened: { vi: 'Vụ việc đã được tiếp nhận', en: 'The case has already been opened' },
  case_action_not_allowed_in_status: {
    vi: 'Không thể thực hiện thao tác này ở bước hiện tại của vụ việc',
    en: 'This action is not allowed at the case’s current step',
  },
  case_role_not_allowed: {
    vi: 'Vai trò của người dùng không được thực hiện thao tác này',
    en: 'The user’s role may not perform this action',
  },
  case_action_before_previous: {
    vi: 'Thời điểm của thao tác không được trước thao tác đã ghi trước đó',
    en: 'An action cannot be dated before the previous one',
  },
  case_received_after_intake: {
    vi: 'Thời điểm nhận thông tin không được sau thời điểm ghi tiếp nhận',
    en: 'The report cannot be received after the intake was recorded',
  },
  case_clock_not_open: {
    vi: 'Bước này không có thời hạn đang chạy',
    en: 'This step has no running deadline',
  },
  case_clock_not_extendable: {
    vi: 'Thời hạn này không được gia hạn',
    en: 'This deadline cannot be extended',
  },
  case_extension_not_later: {
    vi: 'Hạn mới phải sau hạn hiện tại',
    en: 'The new deadline must be later than the current one',
  },
  case_removal_too_long: {
    vi: 'Thời gian tạm thời cách ly vượt quá thời hạn tối đa',
    en: 'The temporary removal exceeds the maximum duration',
  },
  case_removal_active: {
    vi: 'Trẻ đang được tạm thời cách ly: hãy ghi kết thúc cách ly trước',
    en: 'The child is under temporary removal: record its end first',
  },
  case_no_active_removal: {
    vi: 'Trẻ không trong thời gian tạm thời cách ly',
    en: 'The child is not under temporary removal',
  },
  case_plan_not_drafted: {
    vi: 'Chưa có dự thảo kế hoạch hỗ trợ, can thiệp để trình',
    en: 'There is no drafted support and intervention plan to submit',
  },
  case_measure_unknown: {
    vi: 'Biện pháp không có trong kế hoạch đã phê duyệt',
    en: 'The measure is not in the approved plan',
  },
  case_measure_already_done: { vi: 'Biện pháp đã được ghi hoàn thành', en: 'The measure is already done' },
  case_close_requires_low_risk: {
    vi: 'Chỉ đề xuất kết thúc khi nguy cơ được đánh giá là thấp',
    en: 'Closing can only be proposed when the risk is rated low',
  },
  case_close_not_proposed: {
    vi: 'Kết thúc do hoàn thành kế hoạch cần có đề xuất sau rà soát',
    en: 'Closing as plan completed needs a closing proposal from a review',
  },
  holiday_date_year: { vi: 'Ngày không thuộc năm đã chọn', en: 'The date is not in the chosen year' },
  holiday_date_repeated: { vi: 'Ngày này đã có trong danh sách', en: 'This date is already listed' },
  holiday_working_weekend: {
    vi: 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật',
    en: 'A swapped working day must be a Saturday or a Sunday',
  },
  removal_end_before_start: {
    vi: 'Ngày kết thúc cách ly phải sau ngày bắt đầu',
    en: 'The end of the removal must be after its start',
  },
  measure_ids_repeated: { vi: 'Mã biện pháp bị lặp lại', en: 'A measure id is repeated' },
  protection_level: {
    vi: 'Cấp độ bảo vệ phải là phòng ngừa, hỗ trợ hoặc can thiệp',
    en: 'The protection level must be prevention, support or intervention',
  },
};

/** Message keys of the validation rules in the cases schemas. */
export type CaseValidationKey =
  | 'holiday_date_year'
  | 'holiday_date_repeated'
  | 'holiday_working_weekend'
  | 'removal_end_before_start'
  | 'measure_ids_repeated'
  | 'protection_level';

/** A broken case rule; `actionIndex` is the position of the action in a replayed history. */
export class CaseRuleError extends Error {
  readonly code: CaseErrorCode;
  readonly detail: string | undefined;
  readonly actionIndex: number | undefined;

  constructor(code: CaseErrorCode, detail?: string, actionIndex?: number) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'CaseRuleError';
    this.code = code;
    this.detail = detail;
    this.actionIndex = actionIndex;
  }

  /** The same error, located at an action of a history. */
  at(actionIndex: number): CaseRuleError {
    return new CaseRuleError(this.code, this.detail, actionIndex);
  }
}
