type Text = { vi: string; en: string };

/**
 * Problems of the programmes module (documents, programmes, activities, communication,
 * incidents, facilities) and file uploads, merged into `problemMessages`.
 */
export const programmeProblemMessages = {
  file_type_not_allowed: {
    title: { vi: 'Loại tệp không được chấp nhận', en: 'File type not accepted' },
    detail: {
      vi: 'Nội dung tệp không phải {allowed}. Tệp được kiểm tra theo nội dung, không theo tên hay kiểu khai báo.',
      en: 'The file content is not {allowed}. Files are checked by their content, not their name or declared type.',
    },
  },
  file_name_invalid: {
    title: { vi: 'Tên tệp không hợp lệ', en: 'Invalid file name' },
    detail: {
      vi: 'Tên tệp không được chứa đường dẫn, ký tự điều khiển hoặc bắt đầu bằng dấu chấm.',
      en: 'A file name may not contain a path, control characters, or start with a dot.',
    },
  },
  programme_not_visible: {
    title: { vi: 'Không gắn được với chương trình', en: 'Programme not available' },
    detail: {
      vi: 'Chương trình không tồn tại hoặc không áp dụng cho đơn vị này.',
      en: 'The programme does not exist or does not apply to this unit.',
    },
  },
  child_not_in_unit: {
    title: { vi: 'Trẻ em không thuộc đơn vị', en: 'Child not in the unit' },
    detail: {
      vi: 'Chỉ thêm được trẻ em trong sổ theo dõi của đơn vị tổ chức hoạt động ({count} trẻ không thuộc).',
      en: 'Only children registered in the activity’s unit can be added ({count} are not).',
    },
  },
  not_a_participant: {
    title: { vi: 'Trẻ em chưa có trong danh sách', en: 'Not a participant' },
    detail: {
      vi: 'Thêm trẻ vào danh sách tham gia trước khi điểm danh hoặc ghi kết quả ({count} trẻ).',
      en: 'Add the child to the participants before recording attendance or outcomes ({count} children).',
    },
  },
  session_not_in_activity: {
    title: { vi: 'Buổi không thuộc hoạt động', en: 'Session not of this activity' },
    detail: {
      vi: 'Buổi được chọn không thuộc hoạt động này.',
      en: 'The session is not one of this activity.',
    },
  },
  session_has_attendance: {
    title: { vi: 'Buổi đã có điểm danh', en: 'Session has attendance' },
    detail: {
      vi: 'Không xóa được buổi ngày {date}: đã có điểm danh. Xóa điểm danh trước.',
      en: 'The session of {date} cannot be removed: it has attendance. Clear it first.',
    },
  },
  sheet_unreadable: {
    title: { vi: 'Không đọc được danh sách', en: 'List unreadable' },
    detail: { vi: '{reason}', en: '{reason}' },
  },
} satisfies Record<string, { title: Text; detail: Text }>;
