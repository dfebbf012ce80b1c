import { z } from 'zod';

/** A calendar date `YYYY-MM-DD` (no time zone). */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/** A timestamp in ISO 8601 with offset. */
export const IsoDateTime = z.iso.datetime({ offset: true });
export type IsoDateTime = z.infer<typeof IsoDateTime>;

export const Uuid = z.uuid();

/** Cursor pagination query (`?limit=&cursor=`), shared by every list endpoint. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of a list: `{items, nextCursor}`; `nextCursor` is null on the last page. */
export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** RFC 9457 problem details, with field-level errors for validation failures. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json)' });
export type Problem = z.infer<typeof Problem>;

export const Ok = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof Ok>;

/**
 * Messages of the custom validation rules in this package, by key: schemas carry the key as
 * their message and the server translates it into the caller's language.
 */
export const validationMessages: Record<string, { vi: string; en: string }> = {
  unit_code: { vi: 'Mã đơn vị hành chính không hợp lệ', en: 'Invalid administrative unit code' },
  mfa_code: {
    vi: 'Mã xác thực gồm 6 chữ số hoặc mã khôi phục',
    en: 'Enter the 6-digit code or a recovery code',
  },
  username: {
    vi: 'Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới',
    en: 'Username may only contain lower-case letters, digits, dots, hyphens and underscores',
  },
  email: { vi: 'Địa chỉ thư điện tử không hợp lệ', en: 'Invalid e-mail address' },
  phone: { vi: 'Số điện thoại không hợp lệ', en: 'Invalid phone number' },
  totp_code: { vi: 'Mã xác thực gồm 6 chữ số', en: 'The code has 6 digits' },
  role_code: {
    vi: 'Mã vai trò gồm chữ thường không dấu, chữ số và gạch dưới, bắt đầu bằng chữ',
    en: 'Role code: lower-case letters, digits and underscores, starting with a letter',
  },
  // Child registry ------------------------------------------------------------------------------
  sex: { vi: 'Giới tính phải là nam hoặc nữ', en: 'Sex must be male or female' },
  person_name: {
    vi: 'Họ tên chỉ gồm chữ cái, dấu cách, dấu gạch nối, dấu nháy và dấu chấm',
    en: 'A name may only contain letters, spaces, hyphens, apostrophes and dots',
  },
  commune_code: { vi: 'Mã xã, phường gồm 5 chữ số', en: 'A commune-level unit code has 5 digits' },
  ethnicity_code: {
    vi: 'Dân tộc không có trong danh mục 54 dân tộc Việt Nam',
    en: 'Ethnicity is not in the list of the 54 ethnic groups of Viet Nam',
  },
  personal_id_format: {
    vi: 'Số định danh cá nhân gồm đúng 12 chữ số',
    en: 'The personal identification number has exactly 12 digits',
  },
  personal_id_province: {
    vi: 'Ba chữ số đầu của số định danh không phải mã tỉnh nơi đăng ký khai sinh',
    en: 'The first three digits are not a province code of birth registration',
  },
  personal_id_sex: {
    vi: 'Chữ số thứ 4 của số định danh không khớp với giới tính',
    en: 'Digit 4 of the personal identification number does not match the sex',
  },
  personal_id_century: {
    vi: 'Chữ số thứ 4 của số định danh không khớp với thế kỷ của năm sinh',
    en: 'Digit 4 of the personal identification number does not match the century of birth',
  },
  personal_id_birth_year: {
    vi: 'Chữ số thứ 5 và 6 của số định danh không khớp với năm sinh',
    en: 'Digits 5 and 6 of the personal identification number do not match the year of birth',
  },
  date_of_birth_format: {
    vi: 'Ngày sinh phải có dạng năm-tháng-ngày (2015-03-04) hoặc chỉ năm (2015)',
    en: 'Date of birth must be year-month-day (2015-03-04) or a year only (2015)',
  },
  date_of_birth_future: {
    vi: 'Ngày sinh không được ở tương lai',
    en: 'Date of birth cannot be in the future',
  },
  date_of_birth_too_old: {
    vi: 'Người này đã đủ 18 tuổi, không thể ghi vào sổ theo dõi trẻ em',
    en: 'This person is 18 or older and cannot be recorded as a child',
  },
  date_before_birth: {
    vi: 'Ngày này không được trước ngày sinh của trẻ',
    en: 'This date is before the child’s birth',
  },
  special_circumstance_group: {
    vi: 'Nhóm hoàn cảnh đặc biệt phải là một trong a, b, c, d, đ, e, g, h, i, k, l, m, n, o',
    en: 'The special circumstances group must be one of a, b, c, d, đ, e, g, h, i, k, l, m, n, o',
  },
  special_circumstance_subgroup: {
    vi: 'Nhóm con không thuộc nhóm hoàn cảnh đặc biệt đã chọn',
    en: 'The subgroup does not belong to the chosen group',
  },
  special_circumstance_dates: {
    vi: 'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu',
    en: 'The end date must be on or after the start date',
  },
  special_circumstance_overlap: {
    vi: 'Trẻ đã được ghi vào nhóm này trong một khoảng thời gian trùng lặp',
    en: 'The child is already in this group over an overlapping period',
  },
  birth_registration_unregistered: {
    vi: 'Chưa đăng ký khai sinh thì không có ngày đăng ký',
    en: 'A birth that is not registered has no registration date',
  },
  poverty_year_required: {
    vi: 'Cần ghi năm rà soát hộ nghèo, hộ cận nghèo',
    en: 'Enter the year of the poverty review',
  },
  insurance_card_number: {
    vi: 'Số thẻ BHYT gồm 2 chữ cái và 13 chữ số, hoặc mã số BHXH 10 chữ số',
    en: 'A health insurance card number has 2 letters and 13 digits, or is a 10-digit social insurance number',
  },
  insurance_validity: {
    vi: 'Ngày hết hạn thẻ BHYT phải sau ngày bắt đầu',
    en: 'The card’s expiry date must be after its start date',
  },
  nutrition_status_age: {
    vi: 'Tình trạng dinh dưỡng chỉ theo dõi cho trẻ dưới 5 tuổi',
    en: 'Nutrition status is recorded for children under 5 only',
  },
  duplicate_values: { vi: 'Có giá trị bị lặp lại', en: 'A value is repeated' },
  age_range: {
    vi: 'Tuổi đến phải lớn hơn hoặc bằng tuổi từ',
    en: 'The upper age must not be below the lower age',
  },
  import_date_invalid: {
    vi: 'Không đọc được ngày: hãy ghi ngày/tháng/năm (04/03/2015), năm-tháng-ngày hoặc chỉ năm',
    en: 'Unreadable date: write day/month/year (04/03/2015), year-month-day or a year only',
  },
  import_date_month_first: {
    vi: 'Ngày có dạng tháng/ngày/năm; hãy ghi theo ngày/tháng/năm',
    en: 'The date is written month/day/year; write it day/month/year',
  },
  import_sex_invalid: { vi: 'Giới tính phải là Nam hoặc Nữ', en: 'Sex must be Nam (male) or Nữ (female)' },
  import_special_circumstance_invalid: {
    vi: 'Không nhận ra nhóm hoàn cảnh đặc biệt; hãy ghi các chữ a, b, c, d, đ, e, g, h, i, k, l, m, n, o',
    en: 'Unrecognised special circumstances group; write the letters a, b, c, d, đ, e, g, h, i, k, l, m, n, o',
  },
};
