type Text = { vi: string; en: string };

/** Problems of the child-friendly commune assessment, merged into `problemMessages`. */
export const cfProblemMessages = {
  cf_assessment_exists: {
    title: { vi: 'Đã có bản đánh giá của năm', en: 'Assessment exists' },
    detail: {
      vi: 'Xã, phường đã có bản đánh giá năm {year}. Hãy mở bản đánh giá đó.',
      en: 'The commune already has an assessment for {year}. Open it instead.',
    },
  },
  cf_not_editable: {
    title: { vi: 'Bản đánh giá không còn được sửa', en: 'Assessment not editable' },
    detail: {
      vi: 'Chỉ sửa được bản tự đánh giá chưa gửi hoặc đã bị trả lại (trạng thái hiện tại: {status}).',
      en: 'Only a draft or returned assessment can be changed (current status: {status}).',
    },
  },
  cf_status: {
    title: { vi: 'Thao tác không phù hợp với trạng thái', en: 'Action not allowed now' },
    detail: {
      vi: 'Bản đánh giá đang ở trạng thái {status} nên không thực hiện được thao tác này.',
      en: 'The assessment is {status}: this action is not allowed.',
    },
  },
  cf_not_passed: {
    title: { vi: 'Chưa đủ điều kiện công nhận', en: 'Not eligible for recognition' },
    detail: {
      vi: 'Bản đánh giá chưa đạt (tổng {total} điểm, mức {threshold} điểm, hoặc có tiêu chí chưa đạt). Hãy trả lại hoặc ghi nhận thẩm định.',
      en: 'The assessment does not pass (total {total}, threshold {threshold}, or a criterion not met). Return it or record the review.',
    },
  },
} satisfies Record<string, { title: Text; detail: Text }>;

/** Field messages of the child-friendly assessment, merged into `fieldMessages`. */
export const cfFieldMessages = {
  cf_not_commune: { vi: 'Chỉ xã, phường được đánh giá', en: 'Only communes and wards are assessed' },
  cf_year_future: { vi: 'Không đánh giá năm chưa đến', en: 'A future year cannot be assessed' },
  cf_year_range: { vi: 'Khoảng năm tối đa 30 năm', en: 'At most 30 years' },
  cf_unknown_indicator: { vi: 'Chỉ tiêu không có trong bộ tiêu chí', en: 'Unknown indicator' },
  cf_points_max: { vi: 'Điểm vượt quá điểm tối đa của chỉ tiêu', en: 'Points exceed the indicator maximum' },
  cf_override_note: {
    vi: 'Thay số liệu hệ thống phải ghi rõ lý do, nguồn số liệu',
    en: 'Replacing a system figure needs a note with the reason and source',
  },
  cf_verified_item: {
    vi: 'Nội dung đã xác minh theo Quyết định 06/QĐ-TTg không được sửa',
    en: 'Items verified against Decision 06/QĐ-TTg cannot change',
  },
  cf_criterion_number: { vi: 'Thứ tự tiêu chí phải là 1 đến 13', en: 'Criteria must be numbered 1 to 13' },
  cf_indicator_code: {
    vi: 'Mã chỉ tiêu phải bắt đầu bằng số tiêu chí và không trùng',
    en: 'Indicator codes start with the criterion number and are unique',
  },
  cf_indicator_sum: {
    vi: 'Tổng điểm các chỉ tiêu phải bằng điểm tối đa của tiêu chí',
    en: 'Indicator maxima must add up to the criterion maximum',
  },
  cf_pass_points: { vi: 'Điểm đạt phải từ 1 đến điểm tối đa', en: 'Pass points must be 1 to the maximum' },
  cf_total_points: { vi: 'Tổng điểm các tiêu chí phải bằng 1000', en: 'Criteria must add up to 1000 points' },
  cf_system_figure: {
    vi: 'Chỉ tiêu lấy số liệu hệ thống phải chọn mã số liệu (và ngược lại)',
    en: 'A system indicator needs a figure code, a manual one none',
  },
  cf_rule_points: {
    vi: 'Điểm trong cách chấm vượt quá điểm tối đa của chỉ tiêu',
    en: 'Rule points exceed the indicator maximum',
  },
} satisfies Record<string, Text>;
