type Text = { vi: string; en: string };

/** Problems of inspection templates, plans and sessions, merged into `problemMessages`. */
export const inspectionCoreProblemMessages = {
  inspection_session_exists: {
    title: { vi: 'Đơn vị đã có buổi kiểm tra', en: 'Session exists' },
    detail: {
      vi: 'Đơn vị này đã có buổi kiểm tra theo kế hoạch này. Hãy mở buổi kiểm tra đó.',
      en: 'This unit already has a session under this plan. Open that session instead.',
    },
  },
  inspection_session_completed: {
    title: { vi: 'Buổi kiểm tra đã kết thúc', en: 'Session completed' },
    detail: {
      vi: 'Buổi kiểm tra đã kết thúc nên không sửa được phiếu, phát hiện hay minh chứng.',
      en: 'The session is completed: its checklist, findings and evidence cannot change.',
    },
  },
  inspection_target_has_session: {
    title: { vi: 'Đơn vị đã được kiểm tra', en: 'Target has a session' },
    detail: {
      vi: 'Không bỏ được đơn vị {unit} khỏi kế hoạch vì đã có buổi kiểm tra tại đơn vị này.',
      en: 'Unit {unit} cannot be removed from the plan: a session was held there.',
    },
  },
  inspection_incomplete: {
    title: { vi: 'Phiếu kiểm tra chưa hoàn chỉnh', en: 'Checklist incomplete' },
    detail: {
      vi: 'Còn {count} câu hỏi bắt buộc chưa trả lời hoặc trả lời không hợp lệ. Vui lòng kiểm tra các câu được nêu.',
      en: '{count} required questions are unanswered or answered wrongly. Check the questions listed.',
    },
  },
} satisfies Record<string, { title: Text; detail: Text }>;

/** Field messages of inspection templates, plans and sessions. */
export const inspectionCoreFieldMessages = {
  question_id_repeated: {
    vi: 'Mã câu hỏi bị trùng trong cùng một mẫu phiếu',
    en: 'The question id is repeated in the template',
  },
  question_max_score_required: {
    vi: 'Câu hỏi có/không và chấm điểm cần có điểm tối đa',
    en: 'Yes/no and score questions need a maximum score',
  },
  target_not_in_issuing_unit: {
    vi: 'Đơn vị được kiểm tra phải thuộc địa bàn của đơn vị ban hành kế hoạch',
    en: 'An inspected unit must lie within the unit that issues the plan',
  },
  target_repeated: { vi: 'Đơn vị được kiểm tra bị lặp', en: 'The unit is listed twice' },
  planned_to_before_from: {
    vi: 'Ngày kết thúc dự kiến không được trước ngày bắt đầu',
    en: 'The planned end cannot be before the planned start',
  },
  not_a_plan_target: {
    vi: 'Đơn vị không có trong danh sách được kiểm tra của kế hoạch',
    en: 'The unit is not a target of the plan',
  },
  template_not_available: {
    vi: 'Mẫu phiếu không tồn tại, đã ngừng sử dụng hoặc không dùng được cho đơn vị này',
    en: 'The template does not exist, is inactive or is not available here',
  },
  question_not_in_session: {
    vi: 'Câu hỏi không có trong phiếu kiểm tra này',
    en: 'The question is not in this checklist',
  },
  answer_repeated: { vi: 'Câu hỏi được trả lời hai lần', en: 'The question is answered twice' },
  answer_required: { vi: 'Câu hỏi bắt buộc chưa được trả lời', en: 'This required question is unanswered' },
  answer_invalid_type: {
    vi: 'Câu trả lời không đúng kiểu của câu hỏi',
    en: 'The answer does not fit the question’s type',
  },
  answer_out_of_range: {
    vi: 'Số điểm phải từ 0 đến điểm tối đa của câu hỏi',
    en: 'The points must lie between 0 and the question’s maximum',
  },
  finding_not_in_session: {
    vi: 'Phát hiện không thuộc buổi kiểm tra này',
    en: 'The finding is not one of this session',
  },
} satisfies Record<string, Text>;
