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
  import_row_repeated: {
    vi: 'Dòng này lặp lại dòng {value} của tệp: chỉ nhập một lần',
    en: 'This row repeats row {value} of the file: imported once',
  },
  import_personal_id_repeated: {
    vi: 'Số định danh {value} đã có ở một dòng khác của tệp',
    en: 'Personal id {value} is already on another row of the file',
  },
  import_personal_id_taken: {
    vi: 'Số định danh {value} đã thuộc về một trẻ trong sổ theo dõi ở đơn vị khác',
    en: 'Personal id {value} already belongs to a child registered in another unit',
  },
  unit_code: { vi: 'Mã đơn vị hành chính không hợp lệ', en: 'Invalid administrative unit code' },
  question_id: {
    vi: 'Mã câu hỏi chỉ gồm chữ thường không dấu, số, dấu chấm, gạch (tối đa 40 ký tự)',
    en: 'A question id holds lower-case letters, digits, dots and dashes (at most 40)',
  },
  year_to_before_from: {
    vi: 'Năm kết thúc không được trước năm bắt đầu',
    en: 'The end year cannot be before the start year',
  },
  ends_before_start: {
    vi: 'Ngày kết thúc không được trước ngày bắt đầu',
    en: 'The end date cannot be before the start date',
  },
  child_or_child_id: {
    vi: 'Chọn trẻ đã có trong sổ (childId) hoặc nhập trẻ mới (child), không cả hai',
    en: 'Give either a registered child (childId) or a new child (child), not both',
  },
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
  import_full_name_required: { vi: 'Thiếu họ và tên của trẻ', en: 'The child’s full name is missing' },
  import_date_of_birth_required: {
    vi: 'Thiếu ngày sinh: hãy ghi ngày/tháng/năm (04/03/2015) hoặc năm sinh',
    en: 'The date of birth is missing: write day/month/year (04/03/2015) or the year of birth',
  },
  import_sex_required: { vi: 'Thiếu giới tính: hãy ghi Nam hoặc Nữ', en: 'Sex is missing: write Nam or Nữ' },
  import_child_too_old: {
    vi: 'Trẻ đã đủ 16 tuổi, không còn là trẻ em theo Luật Trẻ em',
    en: 'The child is 16 or older, no longer a child under the Law on Children',
  },
  import_ethnicity_unknown: {
    vi: 'Không nhận ra dân tộc: hãy ghi tên dân tộc (Kinh, Mường, Thái…) hoặc mã 01–54',
    en: 'Unrecognised ethnicity: write the name of the ethnic group (Kinh, Mường, Thái…) or its code 01–54',
  },
  import_poverty_invalid: {
    vi: 'Không nhận ra hộ nghèo, cận nghèo: hãy ghi «Hộ nghèo», «Hộ cận nghèo» hoặc «Không»',
    en: 'Unrecognised poverty status: write «Hộ nghèo» (poor), «Hộ cận nghèo» (near-poor) or «Không» (neither)',
  },
  import_phone_invalid: {
    vi: 'Số điện thoại không đúng định dạng: không ghi vào hồ sơ, nội dung được giữ ở phần ghi chú',
    en: 'The phone number is malformed: it is not recorded, the text is kept in the note',
  },
  import_insurance_card_invalid: {
    vi: 'Số thẻ BHYT không đúng định dạng: không ghi vào hồ sơ, nội dung được giữ ở phần ghi chú',
    en: 'The health insurance card number is malformed: it is not recorded, the text is kept in the note',
  },
  import_disability_unclear: {
    vi: 'Không xác định được một dạng khuyết tật: đã ghi «Khuyết tật khác», hãy bổ sung trong hồ sơ',
    en: 'No single type of disability could be read: recorded as «Other disability», complete it in the record',
  },
  import_parent_relationship_unknown: {
    vi: 'Không rõ là cha hay mẹ: đã ghi quan hệ «Khác», hãy sửa trong hồ sơ sau khi nhập',
    en: 'Father or mother could not be told: recorded as «Other», correct it in the record after the import',
  },
  import_too_long: { vi: 'Nội dung quá dài', en: 'The text is too long' },
  import_value_invalid: { vi: 'Giá trị không hợp lệ', en: 'Invalid value' },
  import_file_empty: { vi: 'Tệp không có dữ liệu', en: 'The file has no data' },
  import_file_encoding: {
    vi: 'Tệp CSV không dùng bảng mã UTF-8 (có thể là TCVN3 hoặc Windows-1258): hãy mở bằng Excel và lưu lại dạng «CSV UTF-8» hoặc .xlsx',
    en: 'The CSV file is not UTF-8 (perhaps TCVN3 or Windows-1258): open it in Excel and save it as «CSV UTF-8» or .xlsx',
  },
  import_file_format: {
    vi: 'Không nhận ra định dạng tệp: hãy dùng tệp Excel .xlsx hoặc .csv (tệp .xls cũ: mở bằng Excel và lưu lại dạng .xlsx)',
    en: 'Unrecognised file format: use an Excel .xlsx or a .csv file (an old .xls file: open it in Excel and save it as .xlsx)',
  },
  import_file_unreadable: {
    vi: 'Không đọc được tệp Excel: tệp bị hỏng hoặc không phải tệp .xlsx',
    en: 'The Excel file cannot be read: it is damaged or not an .xlsx file',
  },
  import_file_no_header: {
    vi: 'Không tìm thấy dòng tiêu đề: cần có cột «Họ và tên» và ít nhất một cột khác như «Ngày sinh», «Giới tính»',
    en: 'No header row found: the list needs a «Họ và tên» (full name) column and at least one other, such as «Ngày sinh», «Giới tính»',
  },
};
