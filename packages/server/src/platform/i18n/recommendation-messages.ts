type Text = { vi: string; en: string };

/** Problems of the recommendations that follow an inspection, merged into `problemMessages`. */
export const recommendationProblemMessages = {
  recommendation_done: {
    title: { vi: 'Kiến nghị đã được thực hiện xong', en: 'The recommendation is done' },
    detail: {
      vi: 'Kiến nghị đã báo cáo hoàn thành; chỉ đoàn kiểm tra mới mở lại được.',
      en: 'The recommendation was reported done; only the inspecting side can reopen it.',
    },
  },
} satisfies Record<string, { title: Text; detail: Text }>;

/** Field messages of recommendations (validation of a request against the session and today). */
export const recommendationFieldMessages = {
  recommendation_unit_outside_session: {
    vi: 'Đơn vị thực hiện phải là đơn vị được kiểm tra hoặc đơn vị trực thuộc',
    en: 'The responsible unit must be the inspected unit or one of its subtree',
  },
  finding_not_in_session: {
    vi: 'Phát hiện không thuộc buổi kiểm tra này',
    en: 'The finding does not belong to this inspection session',
  },
  deadline_before_session: {
    vi: 'Thời hạn thực hiện không được trước ngày kiểm tra',
    en: 'The deadline cannot be before the day of the inspection',
  },
  completed_on_required: {
    vi: 'Cần nhập ngày hoàn thành',
    en: 'The completion date is required',
  },
  completed_on_in_future: {
    vi: 'Ngày hoàn thành không thể ở tương lai',
    en: 'The completion date cannot be in the future',
  },
  completed_before_session: {
    vi: 'Ngày hoàn thành không được trước ngày kiểm tra',
    en: 'The completion date cannot be before the day of the inspection',
  },
} satisfies Record<string, Text>;
