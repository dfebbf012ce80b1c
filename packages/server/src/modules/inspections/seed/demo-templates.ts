import type { ChecklistQuestion, InspectionTopic } from '@tuoitho/domain';

/**
 * The two checklist templates of the demo province and, per question, what the inspection team
 * writes when the answer falls short: the shortcoming (finding) and the recommendation to the
 * inspected commune. Question ids stay stable (`cs.4`, `dn.3`) as the domain requires.
 */

export type DemoTemplateTopic = Extract<InspectionTopic, 'policy_law' | 'drowning_prevention'>;

export type DemoTemplate = {
  topic: DemoTemplateTopic;
  name: string;
  questions: ChecklistQuestion[];
};

const q = (
  id: string,
  answerType: ChecklistQuestion['answerType'],
  text: string,
  maxScore: number | null,
  required = true,
  guidance: string | null = null,
): ChecklistQuestion => ({ id, text, answerType, maxScore, required, guidance });

export const DEMO_TEMPLATES: readonly DemoTemplate[] = [
  {
    topic: 'policy_law',
    name: 'Phiếu kiểm tra việc thực hiện chính sách, pháp luật về trẻ em cấp xã',
    questions: [
      q(
        'cs.1',
        'yes_no',
        'UBND xã/phường có ban hành kế hoạch thực hiện công tác trẻ em hằng năm không?',
        10,
      ),
      q(
        'cs.2',
        'yes_no',
        'Có phân công công chức phụ trách công tác trẻ em và cộng tác viên ở thôn, tổ dân phố không?',
        10,
      ),
      q(
        'cs.3',
        'score',
        'Lập, cập nhật hồ sơ quản lý trẻ em và trẻ em có hoàn cảnh đặc biệt trên địa bàn',
        15,
        true,
        'Đối chiếu sổ theo dõi với danh sách trên hệ thống; chấm 0–15 điểm.',
      ),
      q(
        'cs.4',
        'yes_no',
        'Trẻ em có hoàn cảnh đặc biệt đều có kế hoạch hỗ trợ, can thiệp được phê duyệt đúng thời hạn?',
        15,
      ),
      q('cs.5', 'score', 'Thực hiện chính sách trợ giúp xã hội, bảo hiểm y tế cho trẻ em', 15),
      q(
        'cs.6',
        'yes_no',
        'Có tổ chức Tháng hành động vì trẻ em và hoạt động vui chơi, giải trí cho trẻ em trong năm?',
        10,
      ),
      q('cs.7', 'yes_no', 'Có tổ chức diễn đàn trẻ em hoặc lấy ý kiến trẻ em về các vấn đề liên quan?', 5),
      q('cs.8', 'score', 'Tuyên truyền, phổ biến pháp luật về quyền trẻ em tại cộng đồng', 10),
      q(
        'cs.9',
        'yes_no',
        'Niêm yết Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 tại trụ sở và nhà văn hóa?',
        10,
      ),
      q('cs.10', 'number', 'Số trẻ em có hoàn cảnh đặc biệt đang được quản lý trên địa bàn', null),
      q('cs.11', 'number', 'Số vụ việc xâm hại trẻ em được phát hiện, xử lý trong kỳ', null),
      q('cs.12', 'text', 'Nhận xét, đề xuất của đơn vị được kiểm tra', null, false),
    ],
  },
  {
    topic: 'drowning_prevention',
    name: 'Phiếu kiểm tra công tác phòng, chống đuối nước trẻ em cấp xã',
    questions: [
      q('dn.1', 'yes_no', 'UBND xã/phường có ban hành kế hoạch phòng, chống đuối nước trẻ em năm không?', 10),
      q(
        'dn.2',
        'yes_no',
        'Có rà soát, lập danh sách các điểm có nguy cơ đuối nước (ao, hồ, sông, suối, hố công trình)?',
        10,
      ),
      q(
        'dn.3',
        'score',
        'Cắm biển cảnh báo, làm rào chắn tại các điểm có nguy cơ đuối nước',
        15,
        true,
        'Kiểm tra thực tế ít nhất 3 điểm; chấm 0–15 điểm.',
      ),
      q('dn.4', 'yes_no', 'Có tổ chức lớp dạy bơi an toàn cho trẻ em trong dịp hè?', 10),
      q('dn.5', 'number', 'Số trẻ em được học bơi an toàn trong năm', null),
      q('dn.6', 'number', 'Số trẻ em bị đuối nước trong năm (kể cả không tử vong)', null),
      q('dn.7', 'score', 'Truyền thông phòng, chống đuối nước tại cộng đồng và trường học', 15),
      q('dn.8', 'yes_no', 'Có bể bơi hoặc điểm dạy bơi đạt yêu cầu an toàn trên địa bàn?', 10),
      q('dn.9', 'score', 'Trang bị phao cứu sinh, sào, dây cứu đuối tại các điểm có nguy cơ', 10),
      q('dn.10', 'text', 'Nhận xét, đề xuất của đơn vị được kiểm tra', null, false),
    ],
  },
];

/** What falls short on a question: the finding and the recommendation that follows it. */
export type Shortcoming = { finding: string; recommendation: string; isMajor: boolean };

export const SHORTCOMINGS: Readonly<Record<string, Shortcoming>> = {
  'cs.1': {
    finding:
      'Chưa ban hành kế hoạch thực hiện công tác trẻ em năm; các hoạt động triển khai còn lồng ghép, thiếu chỉ tiêu cụ thể.',
    recommendation:
      'Ban hành kế hoạch thực hiện công tác trẻ em năm với chỉ tiêu, phân công cụ thể và gửi về Sở.',
    isMajor: true,
  },
  'cs.2': {
    finding:
      'Một số tổ dân phố, thôn chưa có cộng tác viên làm công tác trẻ em; chưa có quyết định phân công.',
    recommendation: 'Kiện toàn đội ngũ cộng tác viên làm công tác trẻ em ở tất cả thôn, tổ dân phố.',
    isMajor: false,
  },
  'cs.3': {
    finding:
      'Hồ sơ quản lý trẻ em có hoàn cảnh đặc biệt chưa được cập nhật thường xuyên, còn sai lệch với thực tế.',
    recommendation: 'Rà soát, cập nhật đầy đủ hồ sơ trẻ em có hoàn cảnh đặc biệt trên hệ thống quản lý.',
    isMajor: false,
  },
  'cs.4': {
    finding:
      'Một số trẻ em có hoàn cảnh đặc biệt chưa có kế hoạch hỗ trợ, can thiệp hoặc phê duyệt quá thời hạn.',
    recommendation:
      'Xây dựng, phê duyệt kế hoạch hỗ trợ, can thiệp cho toàn bộ trẻ em có hoàn cảnh đặc biệt.',
    isMajor: true,
  },
  'cs.5': {
    finding: 'Việc lập hồ sơ trợ giúp xã hội, cấp thẻ bảo hiểm y tế cho trẻ em còn chậm.',
    recommendation: 'Hoàn thiện hồ sơ trợ giúp xã hội và cấp thẻ bảo hiểm y tế cho trẻ em đủ điều kiện.',
    isMajor: false,
  },
  'cs.6': {
    finding: 'Chưa tổ chức Tháng hành động vì trẻ em; hoạt động vui chơi, giải trí cho trẻ em còn ít.',
    recommendation: 'Tổ chức Tháng hành động vì trẻ em và duy trì hoạt động vui chơi, giải trí cho trẻ em.',
    isMajor: false,
  },
  'cs.7': {
    finding: 'Chưa tổ chức diễn đàn trẻ em, chưa lấy ý kiến trẻ em khi xây dựng kế hoạch.',
    recommendation: 'Tổ chức diễn đàn trẻ em cấp xã ít nhất một lần trong năm.',
    isMajor: false,
  },
  'cs.8': {
    finding: 'Tuyên truyền pháp luật về quyền trẻ em còn hình thức, chưa đến được các hộ gia đình.',
    recommendation: 'Đổi mới hình thức tuyên truyền về quyền trẻ em, tăng cường trên loa truyền thanh cơ sở.',
    isMajor: false,
  },
  'cs.9': {
    finding: 'Chưa niêm yết Tổng đài 111 tại trụ sở UBND và các nhà văn hóa.',
    recommendation: 'Niêm yết số Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 tại trụ sở và nhà văn hóa.',
    isMajor: false,
  },
  'dn.1': {
    finding: 'Chưa ban hành kế hoạch phòng, chống đuối nước trẻ em năm.',
    recommendation: 'Ban hành kế hoạch phòng, chống đuối nước trẻ em trước mùa hè.',
    isMajor: true,
  },
  'dn.2': {
    finding: 'Chưa rà soát, lập danh sách đầy đủ các điểm có nguy cơ đuối nước trên địa bàn.',
    recommendation: 'Rà soát, lập bản đồ các điểm có nguy cơ đuối nước và phân công theo dõi.',
    isMajor: true,
  },
  'dn.3': {
    finding: 'Nhiều điểm nguy hiểm (ao, hố công trình) chưa có biển cảnh báo, rào chắn.',
    recommendation: 'Cắm biển cảnh báo, làm rào chắn tại toàn bộ các điểm có nguy cơ đuối nước.',
    isMajor: true,
  },
  'dn.4': {
    finding: 'Chưa tổ chức lớp dạy bơi an toàn cho trẻ em trong dịp hè.',
    recommendation: 'Phối hợp nhà trường, Đoàn Thanh niên tổ chức lớp dạy bơi an toàn cho trẻ em.',
    isMajor: false,
  },
  'dn.7': {
    finding: 'Truyền thông phòng, chống đuối nước chưa thường xuyên, chủ yếu vào dịp hè.',
    recommendation: 'Duy trì truyền thông phòng, chống đuối nước trên loa truyền thanh và tại trường học.',
    isMajor: false,
  },
  'dn.8': {
    finding: 'Trên địa bàn chưa có bể bơi hoặc điểm dạy bơi đạt yêu cầu an toàn.',
    recommendation: 'Bố trí, huy động xã hội hóa xây dựng điểm dạy bơi an toàn cho trẻ em.',
    isMajor: false,
  },
  'dn.9': {
    finding: 'Thiếu phao cứu sinh, dụng cụ cứu đuối tại các điểm có nguy cơ.',
    recommendation: 'Trang bị phao cứu sinh, sào, dây cứu đuối tại các điểm có nguy cơ đuối nước.',
    isMajor: false,
  },
};

/** Strengths the team notes, by topic. */
export const STRENGTHS: Readonly<Record<DemoTemplateTopic, readonly string[]>> = {
  policy_law: [
    'Lãnh đạo UBND quan tâm, chỉ đạo sát sao công tác trẻ em; có phân công lãnh đạo phụ trách.',
    'Hồ sơ quản lý trẻ em được lưu trữ khoa học, cập nhật trên hệ thống.',
    'Chính sách trợ giúp xã hội cho trẻ em được chi trả đầy đủ, kịp thời.',
    'Phối hợp tốt với nhà trường, Đoàn Thanh niên, Hội Phụ nữ trong bảo vệ trẻ em.',
    'Tháng hành động vì trẻ em được tổ chức sôi nổi, huy động được nhiều nguồn lực.',
  ],
  drowning_prevention: [
    'Kế hoạch phòng, chống đuối nước được ban hành sớm, có phân công cụ thể.',
    'Các điểm có nguy cơ đuối nước được cắm biển cảnh báo đầy đủ.',
    'Tổ chức tốt lớp dạy bơi an toàn, số trẻ em biết bơi tăng so với năm trước.',
    'Truyền thông phòng, chống đuối nước đa dạng, đến được các hộ gia đình có trẻ em.',
  ],
};

/** Comments of the inspected commune (the text question). */
export const COMMUNE_COMMENTS: readonly string[] = [
  'Đề nghị tỉnh bố trí kinh phí tập huấn cho cộng tác viên làm công tác trẻ em.',
  'Đơn vị tiếp thu ý kiến của đoàn, sẽ khắc phục các tồn tại trong thời gian sớm nhất.',
  'Đề nghị hỗ trợ kinh phí làm rào chắn tại các điểm nguy hiểm.',
  'Cán bộ làm công tác trẻ em kiêm nhiệm nhiều việc, đề nghị bổ sung biên chế.',
];

/** Progress and completion reports of the responsible commune. */
export const PROGRESS_NOTES: readonly string[] = [
  'Đơn vị đã họp triển khai, phân công cán bộ thực hiện; đang hoàn thiện.',
  'Đã hoàn thành một phần, dự kiến xong trước thời hạn.',
  'Đang phối hợp với các tổ dân phố, thôn để thực hiện.',
];
export const DONE_NOTES: readonly string[] = [
  'Đơn vị đã thực hiện xong kiến nghị, có văn bản báo cáo kèm theo.',
  'Đã khắc phục xong tồn tại, báo cáo kết quả về đoàn kiểm tra.',
  'Đã hoàn thành, hồ sơ lưu tại bộ phận văn hóa - xã hội.',
];
