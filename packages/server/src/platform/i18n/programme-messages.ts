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
  activity_has_participants: {
    title: { vi: 'Hoạt động đã có người tham gia', en: 'Activity has participants' },
    detail: {
      vi: 'Không xóa được hoạt động đã có {count} trẻ tham gia. Bỏ trẻ khỏi danh sách trước.',
      en: 'An activity with {count} participating children cannot be deleted. Remove them first.',
    },
  },
  activity_session_outside: {
    title: { vi: 'Buổi ngoài thời gian hoạt động', en: 'Session outside the activity' },
    detail: {
      vi: 'Buổi ngày {date} nằm ngoài thời gian diễn ra hoạt động.',
      en: 'The session of {date} lies outside the dates of the activity.',
    },
  },
  activity_line_repeated: {
    title: { vi: 'Dòng bị lặp', en: 'Repeated line' },
    detail: {
      vi: 'Mỗi nguồn kinh phí và mỗi nhóm người tham gia chỉ ghi một dòng.',
      en: 'Each funding source and each participant group may appear once.',
    },
  },
  document_in_use: {
    title: { vi: 'Văn bản đang được sử dụng', en: 'Document in use' },
    detail: {
      vi: 'Không xóa được văn bản: {count} chương trình đang lấy văn bản này làm căn cứ. Gỡ văn bản khỏi các chương trình đó trước.',
      en: 'The document cannot be deleted: {count} programme(s) are based on it. Unlink it from them first.',
    },
  },
  sheet_unreadable: {
    title: { vi: 'Không đọc được danh sách', en: 'List unreadable' },
    detail: { vi: '{reason}', en: '{reason}' },
  },
} satisfies Record<string, { title: Text; detail: Text }>;

/** Field messages of the programmes module (communication, movements, incidents, facilities). */
export const programmeFieldMessages = {
  programme_not_for_unit: {
    vi: 'Chương trình không tồn tại hoặc không áp dụng cho đơn vị này',
    en: 'The programme does not exist or does not apply to this unit',
  },
  unit_not_in_programme_unit: {
    vi: 'Đơn vị tham gia phải thuộc địa bàn của đơn vị chủ trì chương trình',
    en: 'A participating unit must lie within the unit that runs the programme',
  },
  document_not_readable: {
    vi: 'Văn bản không tồn tại hoặc bạn không được xem',
    en: 'The document does not exist or you may not read it',
  },
  target_not_in_programme: {
    vi: 'Chỉ tiêu không thuộc chương trình này',
    en: 'The target is not one of this programme',
  },
  budget_line_repeated: {
    vi: 'Mỗi năm và mỗi nguồn kinh phí chỉ ghi một dòng',
    en: 'Each year and funding source may appear once',
  },
  unit_not_commune: {
    vi: 'Chọn một xã, phường, đặc khu',
    en: 'Choose a commune or ward',
  },
  occurred_in_future: {
    vi: 'Thời điểm xảy ra không thể ở tương lai',
    en: 'The time of the incident cannot be in the future',
  },
  child_not_in_incident_unit: {
    vi: 'Trẻ em không có trong sổ theo dõi của xã, phường nơi xảy ra sự việc',
    en: 'The child is not registered in the commune where it happened',
  },
  unit_not_in_movement_unit: {
    vi: 'Đơn vị tham gia phải thuộc địa bàn của đơn vị phát động phong trào',
    en: 'A participating unit must lie within the unit that launched the movement',
  },
  participation_repeated: {
    vi: 'Đơn vị đã được ghi tham gia trong năm này',
    en: 'This unit is already listed for that year',
  },
  participation_year_outside: {
    vi: 'Năm tham gia phải trong thời gian thực hiện phong trào',
    en: 'The year must fall within the years of the movement',
  },
  valid_to_before_from: {
    vi: 'Ngày hết hiệu lực không được trước ngày có hiệu lực',
    en: 'The end of validity cannot be before its start',
  },
  year_to_before_from: {
    vi: 'Năm kết thúc không được trước năm bắt đầu',
    en: 'The last year cannot be before the first',
  },
} satisfies Record<string, Text>;
