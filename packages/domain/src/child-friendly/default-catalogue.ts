import type { Label } from '../catalogues/labels';
import {
  CF_LEGAL_REF,
  type CfCatalogue,
  type CfCriterion,
  type CfIndicator,
  type CfScoringRule,
  type CfSystemFigure,
} from './catalogue';

/**
 * The default catalogue, built from `law-vn.json` (`child_friendly_criteria`). What the JSON gives
 * is kept with its verified flags: the 13 criterion names (verified), the maximum of criteria 1, 6
 * and 7 (verified), indicators 1.1–1.3, 6.1, 6.2 and 7.1 (verified) and 1.4 (unverified). For the
 * other ten criteria the JSON has neither maximum nor indicators: the maxima below share the
 * remaining 725 points so that the total is 1000, and their indicators are reasonable proxies; all
 * of them are `verified: false` ("chưa xác minh") and editable by an administrator.
 */

const REF = 'Quyết định 06/QĐ-TTg (03/01/2019), Quy định kèm theo, Điều 2';

const yesNo = (points: number): CfScoringRule => ({ kind: 'yes_no', points });
const manual: CfScoringRule = { kind: 'manual' };
const atLeast = (
  measure: 'percent' | 'count',
  bands: [number, number][],
  noCasePoints: number | null = null,
): CfScoringRule => ({
  kind: 'bands',
  measure,
  direction: 'at_least',
  bands: bands.map(([threshold, points]) => ({ threshold, points })),
  noCasePoints,
});
const atMost = (measure: 'percent' | 'count', bands: [number, number][]): CfScoringRule => ({
  kind: 'bands',
  measure,
  direction: 'at_most',
  bands: bands.map(([threshold, points]) => ({ threshold, points })),
  noCasePoints: null,
});

function indicator(
  code: string,
  vi: string,
  en: string,
  maxPoints: number,
  rule: CfScoringRule,
  verified: boolean,
  systemFigure: CfSystemFigure | null = null,
): CfIndicator {
  return {
    code,
    name: { vi, en },
    maxPoints,
    rule,
    source: systemFigure ? 'system' : 'manual',
    systemFigure,
    verified,
  };
}

function criterion(
  number: number,
  name: Label,
  maxPoints: number,
  maxPointsVerified: boolean,
  indicators: CfIndicator[],
): CfCriterion {
  return {
    number,
    name,
    maxPoints,
    maxPointsVerified,
    passPoints: Math.ceil(maxPoints / 2),
    passPointsVerified: false,
    verified: true,
    legalRef: REF,
    indicators,
  };
}

export const defaultCfCatalogue: CfCatalogue = {
  legalRef: CF_LEGAL_REF,
  maxTotal: 1000,
  maxTotalVerified: false,
  criteria: [
    criterion(
      1,
      { vi: 'Nguồn lực thực hiện quyền trẻ em', en: 'Resources for realising children’s rights' },
      100,
      true,
      [
        indicator(
          '1.1',
          'Có bố trí người làm công tác bảo vệ trẻ em cấp xã',
          'Commune child-protection officer assigned',
          50,
          yesNo(50),
          true,
        ),
        indicator(
          '1.2',
          'Có bố trí cộng tác viên bảo vệ trẻ em tại thôn, tổ dân phố…',
          'Village/residential-group child-protection collaborators',
          15,
          yesNo(15),
          true,
        ),
        indicator(
          '1.3',
          'Có ban/nhóm chuyên trách bảo vệ trẻ em cấp xã, giao ban đánh giá định kỳ tháng, quý, năm',
          'Commune child-protection board/group with periodic reviews',
          15,
          yesNo(15),
          true,
        ),
        indicator(
          '1.4',
          'Có kinh phí (ngân sách, huy động) cho công tác trẻ em',
          'Budget for child work',
          20,
          manual,
          false,
        ),
      ],
    ),
    criterion(
      2,
      { vi: 'Trẻ em được khai sinh đúng quy định', en: 'Birth registration as prescribed' },
      75,
      false,
      [
        indicator(
          '2.1',
          'Tỷ lệ trẻ em được đăng ký khai sinh đúng quy định',
          'Children whose birth is registered as prescribed',
          75,
          atLeast('percent', [
            [100, 75],
            [98, 60],
            [95, 40],
            [90, 20],
          ]),
          false,
          'birth_registration',
        ),
      ],
    ),
    criterion(3, { vi: 'Trẻ em bị xâm hại', en: 'Children abused' }, 75, false, [
      indicator(
        '3.1',
        'Số trẻ em bị xâm hại phát sinh trong năm',
        'Children newly abused in the year',
        50,
        atMost('count', [
          [0, 50],
          [1, 30],
          [2, 15],
        ]),
        false,
      ),
      indicator(
        '3.2',
        'Có triển khai biện pháp phòng ngừa xâm hại trẻ em (truyền thông, kỹ năng tự bảo vệ)',
        'Abuse-prevention measures carried out (communication, self-protection skills)',
        25,
        yesNo(25),
        false,
      ),
    ]),
    criterion(
      4,
      {
        vi: 'Trẻ em vi phạm pháp luật, nghiện ma túy',
        en: 'Children in conflict with the law / drug-addicted',
      },
      50,
      false,
      [
        indicator(
          '4.1',
          'Số trẻ em vi phạm pháp luật, nghiện ma túy trong năm',
          'Children in conflict with the law or drug-addicted in the year',
          50,
          atMost('count', [
            [0, 50],
            [1, 30],
            [2, 15],
          ]),
          false,
        ),
      ],
    ),
    criterion(5, { vi: 'Trẻ em bị tai nạn, thương tích', en: 'Child accidents and injuries' }, 75, false, [
      indicator(
        '5.1',
        'Số trẻ em bị tai nạn, thương tích trong năm',
        'Children injured in the year',
        50,
        atMost('count', [
          [0, 50],
          [2, 35],
          [5, 20],
        ]),
        false,
        'child_injuries',
      ),
      indicator(
        '5.2',
        'Không có trẻ em tử vong do đuối nước trong năm',
        'No child drowning death in the year',
        25,
        atMost('count', [[0, 25]]),
        false,
        'drowning_deaths',
      ),
    ]),
    criterion(
      6,
      {
        vi: 'Trẻ em có hoàn cảnh đặc biệt được trợ giúp',
        en: 'Children in special circumstances receiving support',
      },
      125,
      true,
      [
        indicator(
          '6.1',
          'Tỷ lệ trẻ em có hoàn cảnh đặc biệt được trợ giúp',
          '% of children in special circumstances supported',
          50,
          atLeast('percent', [[95, 50]]),
          true,
          'special_circumstance_supported',
        ),
        indicator(
          '6.2',
          'Tỷ lệ vụ việc trẻ em bị xâm hại tình dục, bỏ rơi, mua bán được Chủ tịch UBND cấp xã phê duyệt kế hoạch hỗ trợ, can thiệp kịp thời',
          '% of sexual-abuse/abandonment/trafficking cases with timely approved plan',
          75,
          // No such case in the year: full points (unverified reading of "100%").
          atLeast('percent', [[100, 75]], 75),
          true,
          'protection_plan_on_time',
        ),
      ],
    ),
    criterion(
      7,
      {
        vi: 'Trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin thuộc Chương trình tiêm chủng mở rộng',
        en: 'Under-1s fully immunised (EPI)',
      },
      50,
      true,
      [
        indicator(
          '7.1',
          'Tỷ lệ trẻ em dưới 1 tuổi tiêm chủng đầy đủ',
          '% of under-1s fully immunised',
          50,
          atLeast('percent', [[98, 50]]),
          true,
        ),
      ],
    ),
    criterion(
      8,
      {
        vi: 'Trẻ em dưới 5 tuổi bị suy dinh dưỡng thể nhẹ cân và thể thấp còi',
        en: 'Under-5 underweight and stunting',
      },
      75,
      false,
      [
        indicator(
          '8.1',
          'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân',
          '% of under-5s underweight',
          40,
          atMost('percent', [
            [5, 40],
            [10, 20],
          ]),
          false,
        ),
        indicator(
          '8.2',
          'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi',
          '% of under-5s stunted',
          35,
          atMost('percent', [
            [15, 35],
            [20, 15],
          ]),
          false,
        ),
      ],
    ),
    criterion(9, { vi: 'Trẻ em được khám sức khỏe định kỳ', en: 'Periodic health check-ups' }, 50, false, [
      indicator(
        '9.1',
        'Tỷ lệ trẻ em được khám sức khỏe định kỳ',
        '% of children with a periodic health check-up',
        50,
        atLeast('percent', [
          [90, 50],
          [80, 30],
          [70, 15],
        ]),
        false,
      ),
    ]),
    criterion(
      10,
      { vi: 'Trẻ em đến trường, lớp mầm non', en: 'Children attending school / pre-school' },
      100,
      false,
      [
        indicator(
          '10.1',
          'Tỷ lệ trẻ em 5 tuổi đi học mẫu giáo',
          '% of 5-year-olds in preschool',
          50,
          atLeast('percent', [
            [98, 50],
            [95, 35],
            [90, 20],
          ]),
          false,
          'preschool_5y',
        ),
        indicator(
          '10.2',
          'Tỷ lệ trẻ em trong độ tuổi đi học tiểu học, trung học cơ sở đến trường',
          '% of primary and lower-secondary age children attending school',
          50,
          atLeast('percent', [
            [98, 50],
            [95, 35],
            [90, 20],
          ]),
          false,
        ),
      ],
    ),
    criterion(
      11,
      { vi: 'Trẻ em được thực hiện quyền tham gia của trẻ em', en: 'Child participation' },
      75,
      false,
      [
        indicator(
          '11.1',
          'Có tổ chức diễn đàn, hoạt động lấy ý kiến trẻ em trong năm',
          'Children’s forum or consultation held in the year',
          40,
          yesNo(40),
          false,
        ),
        indicator(
          '11.2',
          'Ý kiến, nguyện vọng của trẻ em được xem xét, giải quyết',
          'Children’s views considered and answered',
          35,
          yesNo(35),
          false,
        ),
      ],
    ),
    criterion(
      12,
      {
        vi: 'Hoạt động vui chơi, giải trí, văn hóa, thể dục, thể thao dành cho trẻ em',
        en: 'Play, recreation, culture and sport for children',
      },
      75,
      false,
      [
        indicator(
          '12.1',
          'Số hoạt động vui chơi, giải trí, văn hóa, thể thao tổ chức cho trẻ em trong năm',
          'Activities for children held in the year',
          40,
          atLeast('count', [
            [4, 40],
            [2, 25],
            [1, 10],
          ]),
          false,
          'activities_held',
        ),
        indicator(
          '12.2',
          'Có điểm vui chơi, giải trí, sân chơi cho trẻ em',
          'A play area or playground for children',
          35,
          yesNo(35),
          false,
        ),
      ],
    ),
    criterion(
      13,
      {
        vi: 'Mức độ hài lòng của trẻ em và người dân về việc thực hiện quyền trẻ em',
        en: 'Satisfaction of children and residents',
      },
      75,
      false,
      [
        indicator(
          '13.1',
          'Điểm đánh giá mức độ hài lòng qua phiếu khảo sát trẻ em và người dân',
          'Satisfaction score from the survey of children and residents',
          75,
          manual,
          false,
        ),
      ],
    ),
  ],
};
