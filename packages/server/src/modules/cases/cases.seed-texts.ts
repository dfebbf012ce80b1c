import type { ConcernType, IntakeChannel } from '@tuoitho/domain';

/**
 * Vietnamese texts of the demo cases: invented situations, no real person. A child is named only
 * by sex and age ("trẻ nữ, 12 tuổi"); the people who act are named by their office.
 */

/** How a report opens, by the channel that brought it. */
export const channelOpeners: Record<IntakeChannel, readonly string[]> = {
  hotline_111: ['Tổng đài 111 chuyển tin báo:', 'Tổng đài quốc gia bảo vệ trẻ em 111 thông báo:'],
  school: ['Giáo viên chủ nhiệm báo cáo:', 'Ban giám hiệu nhà trường thông báo:'],
  health_facility: ['Trạm Y tế phường thông báo:', 'Bệnh viện đa khoa khu vực báo tin:'],
  police: ['Công an phường thông báo:', 'Công an phường chuyển tin báo:'],
  neighbour: ['Người dân trong khu phố báo tin:', 'Tổ trưởng tổ dân phố phản ánh:'],
  child: ['Trẻ tự đến UBND phường trình báo:', 'Trẻ gọi điện cho cán bộ bảo vệ trẻ em:'],
  public_portal: ['Tin báo gửi qua Cổng thông tin điện tử:'],
  other: ['Hội Liên hiệp Phụ nữ phường phản ánh:', 'Đoàn Thanh niên phường báo tin:'],
};

/**
 * What happened, by the main concern. `{tre}` is "trẻ nam, 9 tuổi", `{kp}` a khu phố number;
 * `minAge` keeps situations plausible (no 3-year-old working in a quarry).
 */
export const concernStories: Record<ConcernType, { minAge: number; texts: readonly string[] }> = {
  physical_violence: {
    minAge: 2,
    texts: [
      '{tre} ở khu phố {kp} thường xuyên bị bố đánh bằng roi mỗi khi say rượu; sáng nay đến lớp với nhiều vết bầm tím ở tay và lưng.',
      '{tre} ở khu phố {kp} bị mẹ kế đánh và nhốt ngoài sân nhiều giờ; hàng xóm nghe tiếng khóc nhiều đêm liền.',
      '{tre} ở khu phố {kp} bị người chăm sóc tát vào mặt, để lại vết sưng; trẻ sợ hãi, không muốn về nhà.',
    ],
  },
  sexual_abuse: {
    minAge: 4,
    texts: [
      '{tre} ở khu phố {kp} có dấu hiệu bị một người quen của gia đình xâm hại; trẻ hoảng sợ, không dám ở nhà một mình.',
      '{tre} ở khu phố {kp} kể với cô giáo bị một người hàng xóm sàm sỡ nhiều lần khi gia đình vắng nhà.',
    ],
  },
  exploitation: {
    minAge: 8,
    texts: [
      '{tre} ở khu phố {kp} bị người lớn sai đi bán vé số, xin tiền ở chợ đến tối muộn; toàn bộ số tiền bị lấy lại.',
      '{tre} ở khu phố {kp} phải trông quán, làm việc nhà cho người thân đến khuya, không được đi học đầy đủ.',
    ],
  },
  child_labour: {
    minAge: 12,
    texts: [
      '{tre} ở khu phố {kp} bỏ học, đi làm thuê tại một xưởng đá, làm việc hơn 10 giờ mỗi ngày, không có đồ bảo hộ.',
      '{tre} ở khu phố {kp} đi phụ hồ tại công trình xây dựng, bốc vác vật liệu nặng suốt cả ngày.',
    ],
  },
  trafficking: {
    minAge: 12,
    texts: [
      '{tre} ở khu phố {kp} được một người lạ hứa giới thiệu việc làm lương cao ở tỉnh ngoài; gia đình lo trẻ bị lừa bán.',
      '{tre} ở khu phố {kp} bỏ nhà đi theo người quen trên mạng, gia đình mất liên lạc hai ngày.',
    ],
  },
  neglect: {
    minAge: 1,
    texts: [
      '{tre} ở khu phố {kp} thường bị để ở nhà một mình nhiều ngày do bố mẹ đi làm ăn xa; trẻ thiếu ăn, nghỉ học nhiều buổi.',
      '{tre} ở khu phố {kp} sống với bà nội già yếu, không được đưa đi khám khi ốm kéo dài, quần áo không đủ ấm.',
      '{tre} ở khu phố {kp} bị bỏ mặc, lang thang ngoài chợ đến đêm, không ai trông nom.',
    ],
  },
  abandonment: {
    minAge: 1,
    texts: [
      '{tre} ở khu phố {kp} bị bố mẹ để lại cho ông bà già yếu chăm sóc; gia đình không liên lạc được với bố mẹ hơn sáu tháng.',
      '{tre} ở khu phố {kp} được người dân phát hiện ngồi một mình ở nhà chờ xe, người đưa trẻ đến đã bỏ đi.',
    ],
  },
  online_abuse: {
    minAge: 11,
    texts: [
      '{tre} ở khu phố {kp} bị một tài khoản quen qua mạng xã hội đe dọa phát tán hình ảnh riêng tư nếu không gửi thêm ảnh.',
      '{tre} ở khu phố {kp} bị bạn cùng lớp lập nhóm trên mạng xã hội để chế giễu, bôi nhọ; trẻ bỏ ăn, không muốn đến trường.',
    ],
  },
  other: {
    minAge: 6,
    texts: [
      '{tre} ở khu phố {kp} có biểu hiện trầm cảm, tự làm đau bản thân sau khi bố mẹ ly hôn.',
      '{tre} ở khu phố {kp} thường xuyên chứng kiến bố mẹ đánh nhau, trẻ hoảng loạn, học sút.',
    ],
  },
};

/** Who reported, when the report names someone (office, never a name). */
export const reporters: Record<IntakeChannel, readonly string[]> = {
  hotline_111: ['Tư vấn viên Tổng đài 111'],
  school: ['Giáo viên chủ nhiệm của trẻ', 'Phó hiệu trưởng nhà trường'],
  health_facility: ['Y sĩ Trạm Y tế phường', 'Điều dưỡng khoa Nhi'],
  police: ['Cảnh sát khu vực, Công an phường'],
  neighbour: ['Một người hàng xóm (đề nghị giữ bí mật danh tính)', 'Tổ trưởng tổ dân phố'],
  child: ['Trẻ tự trình báo'],
  public_portal: ['Người gửi tin không để lại tên'],
  other: ['Chủ tịch Hội Liên hiệp Phụ nữ phường', 'Bí thư Đoàn phường'],
};

export const harms = {
  high: [
    'Nhiều vết bầm tím ở tay và lưng, trẻ hoảng sợ',
    'Trẻ bị tổn thương tinh thần nặng, không dám về nhà',
  ],
  medium: ['Trẻ lo âu, mất ngủ, học sút', 'Trẻ nghỉ học nhiều buổi, sức khỏe giảm sút'],
  low: ['Chưa thấy dấu hiệu tổn hại thể chất', 'Tổn hại nhẹ, gia đình hợp tác'],
} as const;

export const emergencyMeasures = [
  'Đưa trẻ đi khám, sơ cứu tại Trạm Y tế phường',
  'Phối hợp Công an phường ngăn chặn hành vi bạo lực, lập biên bản vụ việc',
  'Bố trí người thân tin cậy chăm sóc trẻ tạm thời, cán bộ thăm trẻ hằng ngày',
];

export const placements = [
  'Nhà bà ngoại của trẻ trong phường',
  'Gia đình bác ruột của trẻ',
  'Cơ sở trợ giúp xã hội tỉnh Thanh Hóa',
];

export const needLists = [
  'An toàn thân thể',
  'Hỗ trợ tâm lý',
  'Tiếp tục đi học',
  'Chăm sóc y tế',
  'Kỹ năng làm cha mẹ cho người chăm sóc',
  'Hỗ trợ sinh kế cho gia đình',
  'Hỗ trợ pháp lý',
  'Kỹ năng tự bảo vệ',
];

/** Plan measures with the office and the service responsible; `{phuong}` is the ward's name. */
export const planMeasures: ReadonlyArray<{
  description: string;
  responsible: string;
  service: string | null;
}> = [
  {
    description: 'Hỗ trợ tâm lý tại Trạm Y tế phường, 4 buổi tư vấn',
    responsible: 'Trưởng Trạm Y tế phường',
    service: 'Trạm Y tế {phuong}',
  },
  {
    description: 'Phối hợp Công an phường giám sát, ngăn chặn hành vi xâm hại trẻ',
    responsible: 'Cảnh sát khu vực',
    service: 'Công an {phuong}',
  },
  {
    description: 'Vận động gia đình cam kết không sử dụng bạo lực, tham gia lớp kỹ năng làm cha mẹ',
    responsible: 'Chủ tịch Hội Liên hiệp Phụ nữ phường',
    service: 'Hội Liên hiệp Phụ nữ {phuong}',
  },
  {
    description: 'Hỗ trợ học bổng và đồ dùng học tập để trẻ tiếp tục đến trường',
    responsible: 'Hiệu trưởng nhà trường',
    service: 'Hội Khuyến học {phuong}',
  },
  {
    description: 'Tư vấn cho trẻ và gia đình qua Tổng đài quốc gia bảo vệ trẻ em 111',
    responsible: 'Cán bộ bảo vệ trẻ em phường',
    service: 'Tổng đài 111',
  },
  {
    description: 'Kết nối trợ giúp pháp lý miễn phí cho trẻ và gia đình',
    responsible: 'Công chức Tư pháp - Hộ tịch',
    service: 'Trung tâm Trợ giúp pháp lý nhà nước tỉnh Thanh Hóa',
  },
  {
    description: 'Lập hồ sơ đề nghị trợ cấp xã hội hằng tháng cho trẻ',
    responsible: 'Công chức Văn hóa - Xã hội',
    service: null,
  },
  {
    description: 'Giao tổ trưởng tổ dân phố thăm trẻ hằng tuần, báo ngay khi có dấu hiệu bất thường',
    responsible: 'Tổ trưởng tổ dân phố',
    service: null,
  },
  {
    description: 'Hướng dẫn trẻ kỹ năng an toàn trên môi trường mạng',
    responsible: 'Bí thư Đoàn phường',
    service: 'Đoàn Thanh niên {phuong}',
  },
  {
    description: 'Khám sức khỏe định kỳ và theo dõi dinh dưỡng cho trẻ',
    responsible: 'Y sĩ Trạm Y tế phường',
    service: 'Trạm Y tế {phuong}',
  },
];

export const planGoals = [
  'Trẻ được an toàn, đi học đều trở lại',
  'Chấm dứt hành vi bạo lực, gia đình chăm sóc trẻ đầy đủ',
  'Trẻ ổn định tâm lý, có người chăm sóc thường xuyên',
  'Trẻ thôi làm việc nặng nhọc, quay lại trường học',
];

export const measureOutcomes = [
  'Đã thực hiện đủ, trẻ tiến bộ rõ',
  'Gia đình hợp tác tốt',
  'Hoàn thành, nhà trường xác nhận trẻ đi học đều',
  'Đã thực hiện, tiếp tục theo dõi',
];

export const rejectionReasons = [
  'Kế hoạch chưa nêu rõ người chịu trách nhiệm theo dõi trẻ hằng tuần',
  'Cần bổ sung biện pháp hỗ trợ học tập cho trẻ',
  'Đề nghị bổ sung thời hạn hoàn thành cho từng biện pháp',
];

export const extensionReasons = [
  'Gia đình trẻ đi làm ăn xa, chưa tổ chức được cuộc họp với người chăm sóc',
  'Chờ kết quả xác minh của Công an phường',
  'Trẻ đang điều trị tại bệnh viện, chưa đánh giá đầy đủ được nhu cầu',
];

export const notes = [
  'Đã gọi điện cho mẹ của trẻ, hẹn làm việc tại UBND phường',
  'Thăm gia đình: trẻ đã đi học trở lại, tinh thần ổn định hơn',
  'Nhà trường thông báo trẻ nghỉ học ba ngày liên tiếp',
  'Đã trao đổi với tổ trưởng tổ dân phố về tình hình của trẻ',
];

export const reviewSummaries = {
  close: [
    'Trẻ an toàn, các biện pháp đã hoàn thành, đề xuất kết thúc',
    'Nguy cơ đã giảm, gia đình chăm sóc tốt',
  ],
  continue: ['Một số biện pháp chưa xong, tiếp tục thực hiện kế hoạch', 'Trẻ tiến bộ, cần theo dõi thêm'],
  replan: ['Tình hình thay đổi, cần xây dựng kế hoạch mới', 'Biện pháp cũ chưa hiệu quả, lập lại kế hoạch'],
};

export const closeNotes = {
  plan_completed: ['Trẻ ổn định, kết thúc hỗ trợ', 'Đã hoàn thành kế hoạch, chuyển theo dõi thường xuyên'],
  unfounded: ['Xác minh không có dấu hiệu xâm hại, tin báo không có cơ sở'],
  transferred: [
    'Gia đình chuyển đến tỉnh khác sinh sống; đã chuyển hồ sơ cho UBND nơi cư trú mới',
    'Chuyển cơ quan Công an xử lý theo thẩm quyền',
  ],
  duplicate: ['Trùng với tin báo đã tiếp nhận trước đó'],
  other: ['Kết thúc theo ý kiến của Chủ tịch UBND phường'],
} as const;

export const reopenReasons = [
  'Nhà trường báo trẻ lại bị bạo lực tại nhà',
  'Tổng đài 111 chuyển tin báo mới về trẻ',
  'Gia đình trẻ quay lại tình trạng cũ, trẻ bỏ học',
];
