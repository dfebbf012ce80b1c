import { caseErrorMessages } from '@tuoitho/domain';
import { cfFieldMessages, cfProblemMessages } from './cf-messages';
import { inspectionCoreFieldMessages, inspectionCoreProblemMessages } from './inspection-core-messages';
import { programmeFieldMessages, programmeProblemMessages } from './programme-messages';
import { recommendationFieldMessages, recommendationProblemMessages } from './recommendation-messages';

/** The two languages of the API: Vietnamese by default, English with `Accept-Language: en`. */
export type Lang = 'vi' | 'en';

type Text = { vi: string; en: string };

/** Titles and details of every problem the API answers with, by problem code. */
export const problemMessages = {
  validation: {
    title: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
    detail: { vi: 'Vui lòng kiểm tra các trường được nêu.', en: 'Please check the fields listed.' },
  },
  bad_json: {
    title: { vi: 'Nội dung yêu cầu không đúng định dạng JSON', en: 'Request body is not valid JSON' },
    detail: { vi: 'Không đọc được nội dung JSON đã gửi.', en: 'The JSON body could not be parsed.' },
  },
  bad_request: {
    title: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
    detail: { vi: 'Yêu cầu HTTP không đúng quy cách.', en: 'The HTTP request is malformed.' },
  },
  unsupported_media_type: {
    title: { vi: 'Định dạng nội dung không được hỗ trợ', en: 'Unsupported media type' },
    detail: { vi: 'Hãy gửi nội dung dạng application/json.', en: 'Send the body as application/json.' },
  },
  payload_too_large: {
    title: { vi: 'Nội dung yêu cầu quá lớn', en: 'Request body too large' },
    detail: { vi: 'Nội dung gửi lên vượt quá giới hạn cho phép.', en: 'The body exceeds the allowed size.' },
  },
  not_found: {
    title: { vi: 'Không tìm thấy', en: 'Not found' },
    detail: {
      vi: 'Không tìm thấy địa chỉ hoặc dữ liệu được yêu cầu.',
      en: 'The requested resource was not found.',
    },
  },
  method_not_allowed: {
    title: { vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
    detail: {
      vi: 'Địa chỉ này không hỗ trợ phương thức đã dùng.',
      en: 'This address does not support the method.',
    },
  },
  unauthenticated: {
    title: { vi: 'Chưa đăng nhập', en: 'Not signed in' },
    detail: {
      vi: 'Phiên đăng nhập không tồn tại hoặc đã hết hạn. Vui lòng đăng nhập lại.',
      en: 'The session does not exist or has expired. Please sign in again.',
    },
  },
  mfa_required: {
    title: { vi: 'Cần xác thực hai lớp', en: 'Two-factor authentication required' },
    detail: {
      vi: 'Vui lòng nhập mã xác thực hoặc đăng ký xác thực hai lớp trước khi tiếp tục.',
      en: 'Enter your authentication code or enrol two-factor authentication first.',
    },
  },
  password_change_required: {
    title: { vi: 'Cần đổi mật khẩu', en: 'Password change required' },
    detail: { vi: 'Vui lòng đổi mật khẩu trước khi tiếp tục.', en: 'Please change your password first.' },
  },
  forbidden: {
    title: { vi: 'Không có quyền', en: 'Forbidden' },
    detail: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  },
  out_of_scope: {
    title: { vi: 'Ngoài phạm vi quản lý', en: 'Outside your scope' },
    detail: {
      vi: 'Dữ liệu thuộc đơn vị ngoài phạm vi quản lý của bạn.',
      en: 'The data belongs to a unit outside your scope.',
    },
  },
  csrf: {
    title: { vi: 'Thiếu hoặc sai mã chống giả mạo (CSRF)', en: 'Missing or invalid CSRF token' },
    detail: {
      vi: 'Yêu cầu thay đổi dữ liệu phải gửi header x-csrf-token hợp lệ. Hãy tải lại trang.',
      en: 'Requests that change data must send a valid x-csrf-token header. Reload the page.',
    },
  },
  invalid_credentials: {
    title: { vi: 'Đăng nhập không thành công', en: 'Sign-in failed' },
    detail: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  },
  account_locked: {
    title: { vi: 'Tài khoản tạm bị khóa', en: 'Account temporarily locked' },
    detail: {
      vi: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút.',
      en: 'Too many failed sign-ins. Try again in {minutes} minutes.',
    },
  },
  rate_limited: {
    title: { vi: 'Quá nhiều yêu cầu', en: 'Too many requests' },
    detail: {
      vi: 'Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau {seconds} giây.',
      en: 'Too many requests. Try again in {seconds} seconds.',
    },
  },
  invalid_mfa_code: {
    title: { vi: 'Mã xác thực không đúng', en: 'Wrong authentication code' },
    detail: { vi: 'Mã xác thực không đúng hoặc đã hết hạn.', en: 'The code is wrong or has expired.' },
  },
  mfa_not_enrolled: {
    title: { vi: 'Chưa bắt đầu đăng ký xác thực hai lớp', en: 'Two-factor enrolment not started' },
    detail: { vi: 'Hãy tạo mã QR trước khi xác nhận.', en: 'Create the QR code before confirming.' },
  },
  mfa_required_by_role: {
    title: { vi: 'Không thể tắt xác thực hai lớp', en: 'Two-factor authentication cannot be disabled' },
    detail: {
      vi: 'Vai trò của bạn bắt buộc dùng xác thực hai lớp.',
      en: 'Your role requires two-factor authentication.',
    },
  },
  wrong_password: {
    title: { vi: 'Mật khẩu hiện tại không đúng', en: 'Current password is wrong' },
    detail: { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  },
  version_conflict: {
    title: { vi: 'Dữ liệu đã bị thay đổi', en: 'Edit conflict' },
    detail: {
      vi: 'Dữ liệu đã được người khác cập nhật. Vui lòng tải lại rồi thực hiện lại.',
      en: 'Someone else changed this record. Reload and try again.',
    },
  },
  conflict: {
    title: { vi: 'Xung đột dữ liệu', en: 'Conflict' },
    detail: { vi: '{reason}', en: '{reason}' },
  },
  transfer_pending: {
    title: { vi: 'Trẻ đang chờ xã, phường khác tiếp nhận', en: 'A transfer is pending' },
    detail: {
      vi: 'Trẻ đang có đề nghị chuyển sang xã, phường khác chưa được trả lời. Hãy chờ trả lời hoặc hủy đề nghị trước.',
      en: 'The child has a transfer to another commune awaiting an answer. Wait for it or cancel it first.',
    },
  },
  transfer_not_pending: {
    title: { vi: 'Đề nghị chuyển đã được xử lý', en: 'The transfer is no longer pending' },
    detail: {
      vi: 'Đề nghị chuyển này đã được tiếp nhận, từ chối hoặc hủy. Vui lòng tải lại danh sách.',
      en: 'This transfer was already accepted, declined or cancelled. Reload the list.',
    },
  },
  child_not_active: {
    title: { vi: 'Hồ sơ không còn được theo dõi', en: 'The child is not active' },
    detail: {
      vi: 'Chỉ chuyển được trẻ đang được theo dõi (không phải đã chuyển đi, đủ 16 tuổi hoặc đã mất).',
      en: 'Only an active child can be transferred (not moved away, turned 16 or deceased).',
    },
  },
  child_merged: {
    title: { vi: 'Hồ sơ đã được gộp vào hồ sơ khác', en: 'The record was merged into another' },
    detail: {
      vi: 'Hồ sơ này đã được gộp vào một hồ sơ khác và chỉ còn để tra cứu. Hãy cập nhật hồ sơ được giữ lại.',
      en: 'This record was merged into another and is kept for reference only. Update the record that was kept.',
    },
  },
  merge_same_child: {
    title: { vi: 'Không thể gộp một hồ sơ với chính nó', en: 'Cannot merge a record with itself' },
    detail: {
      vi: 'Hãy chọn một hồ sơ trùng khác với hồ sơ đang xem.',
      en: 'Choose a duplicate other than the record being viewed.',
    },
  },
  idempotency_mismatch: {
    title: { vi: 'Idempotency-Key đã được dùng cho yêu cầu khác', en: 'Idempotency-Key reused' },
    detail: {
      vi: 'Khóa Idempotency-Key này đã được dùng với nội dung khác.',
      en: 'This Idempotency-Key was already used with a different body.',
    },
  },
  service_unavailable: {
    title: { vi: 'Dịch vụ tạm thời không sẵn sàng', en: 'Service unavailable' },
    detail: { vi: 'Cơ sở dữ liệu chưa sẵn sàng.', en: 'The database is not ready.' },
  },
  unsupported_upload: {
    title: { vi: 'Tệp không đúng loại', en: 'Unsupported file' },
    detail: {
      vi: 'Hãy gửi một tệp không rỗng thuộc loại: {types}.',
      en: 'Send a non-empty file of one of these types: {types}.',
    },
  },
  import_file_invalid: {
    title: { vi: 'Không đọc được tệp', en: 'Cannot read the file' },
    detail: { vi: '{reason}', en: '{reason}' },
  },
  import_not_ready: {
    title: { vi: 'Lần nhập chưa sẵn sàng', en: 'Import not ready' },
    detail: {
      vi: 'Chỉ ghi vào sổ được khi đã kiểm tra xong và chưa ghi (trạng thái hiện tại: {status}).',
      en: 'An import can be written only once checked and not yet written (current status: {status}).',
    },
  },
  import_has_errors: {
    title: { vi: 'Tệp còn lỗi', en: 'The file has errors' },
    detail: {
      vi: 'Tệp có {count} dòng lỗi: chưa ghi dòng nào vào sổ. Hãy sửa tệp theo báo cáo lỗi rồi tải lên lại.',
      en: 'The file has {count} rows with errors: nothing was written. Fix the file using the error report and upload it again.',
    },
  },
  import_undecided_duplicates: {
    title: { vi: 'Còn dòng nghi trùng chưa quyết định', en: 'Undecided possible duplicates' },
    detail: {
      vi: 'Các dòng {rows} có thể trùng với trẻ đã có trong sổ: hãy chọn tạo mới hoặc bỏ qua cho từng dòng.',
      en: 'Rows {rows} may be children already in the registry: choose create or skip for each.',
    },
  },
  import_duplicate_same_id: {
    title: { vi: 'Không thể tạo trùng số định danh', en: 'Personal id already registered' },
    detail: {
      vi: 'Các dòng {rows} có số định danh của trẻ đã có trong sổ: chỉ có thể bỏ qua.',
      en: 'Rows {rows} carry the personal id of a child already in the registry: they can only be skipped.',
    },
  },
  case_rule: {
    title: { vi: 'Thao tác không phù hợp với bước của vụ việc', en: 'Action not allowed for the case now' },
    detail: { vi: '{reason}', en: '{reason}' },
  },
  case_form_not_ready: {
    title: { vi: 'Vụ việc chưa đến bước của biểu mẫu', en: 'The case has not reached this form' },
    detail: {
      vi: 'Chưa lập được mẫu số {form}: {reason}.',
      en: 'Form {form} cannot be produced yet: {reason}.',
    },
  },
  pdf_unavailable: {
    title: { vi: 'Không xuất được PDF', en: 'PDF not available' },
    detail: {
      vi: 'Máy chủ chưa cài LibreOffice nên không chuyển được sang PDF. Hãy tải bản Word (.docx).',
      en: 'LibreOffice is not installed on the server, so PDF conversion is unavailable. Download the Word (.docx) file instead.',
    },
  },
  case_part_rule: {
    title: { vi: 'Không thực hiện được thao tác', en: 'The change is not allowed' },
    detail: { vi: '{reason}', en: '{reason}' },
  },
  holiday_rule: {
    title: { vi: 'Danh sách ngày nghỉ không hợp lệ', en: 'Invalid list of days off' },
    detail: { vi: '{reason}', en: '{reason}' },
  },
  enrolment_exists: {
    title: { vi: 'Trẻ đang hưởng chính sách này', en: 'Already enrolled' },
    detail: {
      vi: 'Trẻ đang có một quyết định hưởng chính sách này còn hiệu lực. Hãy điều chỉnh hoặc thôi hưởng quyết định đó.',
      en: 'The child already has an active enrolment in this benefit. Adjust or terminate that one instead.',
    },
  },
  benefit_rule_verified: {
    title: { vi: 'Quy định đã được xác minh', en: 'The rule is verified' },
    detail: {
      vi: 'Không sửa mức của quy định đã đối chiếu văn bản; khi pháp luật thay đổi, hãy thêm thời kỳ áp dụng mới.',
      en: 'A verified rule keeps its amount; when the law changes, add a new period instead.',
    },
  },
  benefit_conflict: {
    title: { vi: 'Không thực hiện được thao tác', en: 'The change is not allowed' },
    detail: { vi: '{reason}', en: '{reason}' },
  },
  ...programmeProblemMessages,
  ...cfProblemMessages,
  ...inspectionCoreProblemMessages,
  ...recommendationProblemMessages,
  internal: {
    title: { vi: 'Lỗi hệ thống', en: 'Internal error' },
    detail: {
      vi: 'Đã xảy ra lỗi. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên kèm mã yêu cầu {requestId}.',
      en: 'Something went wrong. Try again; if it persists, tell the administrator the request id {requestId}.',
    },
  },
} satisfies Record<string, { title: Text; detail: Text }>;

export type ProblemCode = keyof typeof problemMessages;

/** Other user-facing texts of the server (field errors of domain rules). */
export const fieldMessages = {
  username_taken: { vi: 'Tên đăng nhập đã tồn tại', en: 'Username already exists' },
  unit_not_found: { vi: 'Không tìm thấy đơn vị', en: 'Unit not found' },
  child_not_found: {
    vi: 'Không tìm thấy trẻ em trong phạm vi quản lý của bạn',
    en: 'No such child within your scope',
  },
  user_not_found: {
    vi: 'Không tìm thấy người dùng đang hoạt động trong phạm vi quản lý của bạn',
    en: 'No such active user within your scope',
  },
  received_in_future: {
    vi: 'Thời điểm tiếp nhận không thể ở tương lai',
    en: 'The report cannot be received in the future',
  },
  payment_month_in_future: {
    vi: 'Chưa thể lập danh sách chi trả cho tháng sau tháng hiện tại',
    en: 'A payment list cannot be made for a month after the current one',
  },
  paid_on_in_future: { vi: 'Ngày chi không thể ở tương lai', en: 'The payment date cannot be in the future' },
  month_range_reversed: {
    vi: 'Tháng bắt đầu không được sau tháng kết thúc',
    en: 'The first month must not be after the last',
  },
  unit_out_of_scope: { vi: 'Đơn vị nằm ngoài phạm vi quản lý của bạn', en: 'Unit is outside your scope' },
  role_not_found: { vi: 'Vai trò không tồn tại', en: 'Role does not exist' },
  role_exists: { vi: 'Mã vai trò đã tồn tại', en: 'Role code already exists' },
  role_not_grantable: {
    vi: 'Chỉ người quản lý vai trò mới được gán vai trò có quyền quản trị người dùng hoặc vai trò',
    en: 'Only role managers may grant roles that administer users or roles',
  },
  cannot_change_own_roles: {
    vi: 'Không thể tự thay đổi vai trò của mình',
    en: 'You cannot change your own roles',
  },
  personal_id_taken: {
    vi: 'Số định danh cá nhân này đã có trong sổ theo dõi trẻ em',
    en: 'This personal identification number is already in the registry',
  },
  role_code_required: { vi: 'Cần nhập mã vai trò', en: 'The role code is required' },
  cannot_deactivate_self: {
    vi: 'Không thể tự khóa tài khoản của mình',
    en: 'You cannot deactivate yourself',
  },
  nul_character: {
    vi: 'Không được chứa ký tự NUL',
    en: 'Must not contain the NUL character',
  },
  invalid_cursor: { vi: 'Con trỏ trang không hợp lệ', en: 'Invalid page cursor' },
  transfer_same_unit: {
    vi: 'Xã, phường chuyển đến phải khác nơi trẻ đang cư trú',
    en: 'The receiving commune must differ from where the child lives',
  },
  merge_personal_id_differs: {
    vi: 'Hai hồ sơ có số định danh cá nhân khác nhau nên không phải cùng một trẻ',
    en: 'The two records have different personal identification numbers, so they are not the same child',
  },
  provider_not_found: {
    vi: 'Không tìm thấy cơ sở cung cấp dịch vụ dùng được cho xã, phường của vụ việc',
    en: 'No such service provider for the commune of the case',
  },
  provider_unit_level: {
    vi: 'Cơ sở cung cấp dịch vụ thuộc cấp xã, phường hoặc cấp tỉnh',
    en: 'A service provider belongs to a commune or a province',
  },
  provider_province_needs_catalogs: {
    vi: 'Chỉ người quản lý danh mục mới được thêm, sửa cơ sở cấp tỉnh',
    en: 'Only catalogue managers may add or change province-level providers',
  },
  case_person_child_id_role: {
    vi: 'Chỉ chọn trẻ trong sổ theo dõi (childId) với vai trò trẻ em',
    en: 'A registered child (childId) goes with the role child only',
  },
  case_person_name_required: {
    vi: 'Cần nhập họ tên (ghi "Không rõ" nếu chưa biết)',
    en: 'The name is required (write "Không rõ" if unknown)',
  },
  case_person_same_child: {
    vi: 'Đây là trẻ em của vụ việc, không cần thêm lại',
    en: 'This is the child of the case already',
  },
  benefit_rule_not_in_force: {
    vi: 'Không có chính sách với mã này còn hiệu lực vào ngày bắt đầu hưởng',
    en: 'No benefit with this code is in force on the start date',
  },
  benefit_rule_not_for_unit: {
    vi: 'Chính sách này không áp dụng cho xã, phường của trẻ',
    en: 'This benefit does not apply to the child’s commune',
  },
  benefit_end_before_start: {
    vi: 'Ngày kết thúc không được trước ngày bắt đầu hưởng',
    en: 'The end date cannot be before the start date',
  },
  benefit_proposal_mismatch: {
    vi: 'Đề xuất không còn chờ xử lý hoặc không thuộc trẻ và chính sách này',
    en: 'The proposal is not open or does not belong to this child and benefit',
  },
  holiday_date_year: caseErrorMessages.holiday_date_year,
  holiday_date_repeated: caseErrorMessages.holiday_date_repeated,
  holiday_working_weekend: caseErrorMessages.holiday_working_weekend,
  ...programmeFieldMessages,
  ...cfFieldMessages,
  ...inspectionCoreFieldMessages,
  ...recommendationFieldMessages,
} satisfies Record<string, Text>;

export type FieldMessageCode = keyof typeof fieldMessages;

/** Picks the language from an Accept-Language header: English only when it is preferred. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'vi';
  const first = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((l) => l.tag.startsWith('vi') || l.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q)[0];
  return first?.tag.startsWith('en') ? 'en' : 'vi';
}

/** Fills `{name}` placeholders. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}
