import type { InspectionTopic, TeamRole } from '@tuoitho/domain';
import type { Random } from '../../children/generate-data/random';
import type { DemoTemplateTopic } from './demo-templates';

/**
 * The yearly inspection plans of the demo province (Thanh Hóa, code 38) as plain values. Units
 * are referred to by code: the writer maps them to the units valid today. The demo wards' codes
 * (14812, 14818) were reused by the 2025 reform (Phường Ba Đình and Ngọc Trạo of thị xã Bỉm Sơn
 * before 1/7/2025); for simplicity plans of earlier years target today's units all the same.
 */

export const DEMO_PROVINCE_CODE = '38';
/** The demo wards: Bỉm Sơn and Quang Trung. */
export const DEMO_WARDS = ['14812', '14818'] as const;
/** Other Thanh Hóa communes inspected in turn: Hạc Thành, Sầm Sơn, Hoằng Hóa, Mường Lát. */
export const OTHER_COMMUNES = ['14797', '16531', '15865', '14845'] as const;
/** First year of the demo history. */
export const DEMO_FIRST_YEAR = 2016;
/** Children's affairs moved from labour, invalids and social affairs to the health sector. */
export const HEALTH_SECTOR_FROM = '2025-07-01';

/** The earlier and the later of two ISO dates. */
export const earlier = (a: string, b: string) => (a < b ? a : b);
export const later = (a: string, b: string) => (a > b ? a : b);

export const DemoUser = {
  inspector: 'thanhtra.thanhhoa',
  province: 'tinh.thanhhoa',
  officerOf: (unitCode: string): string | null =>
    unitCode === '14812' ? 'bimson.canbo' : unitCode === '14818' ? 'quangtrung.canbo' : null,
} as const;

export type PlannedTeamMember = {
  fullName: string;
  role: TeamRole;
  organisation: string;
  username: string | null;
};

export type PlannedTarget = { unitCode: string; plannedFrom: string | null; plannedTo: string | null };

export type PlannedPlan = {
  key: string;
  unitCode: string;
  year: number;
  number: string;
  issuedOn: string;
  issuingBody: string;
  title: string;
  topics: InspectionTopic[];
  /** The checklist the sessions of this plan use. */
  templateTopic: DemoTemplateTopic;
  description: string;
  targets: PlannedTarget[];
  team: PlannedTeamMember[];
};

type PlanSpec = {
  /** Month-day of issue. */
  issued: string;
  body: 'ubnd' | 'labour' | 'health';
  number: number;
  topics: InspectionTopic[];
  title: string;
  /** Other communes inspected besides the demo wards. */
  others: string[];
};

const BODY = {
  ubnd: { name: 'UBND tỉnh Thanh Hóa', suffix: 'KH-UBND' },
  labour: { name: 'Sở Lao động - Thương binh và Xã hội', suffix: 'KH-SLĐTBXH' },
  health: { name: 'Sở Y tế', suffix: 'KH-SYT' },
} as const;

const POLICY = 'việc thực hiện chính sách, pháp luật về trẻ em';
const DROWNING = 'công tác phòng, chống đuối nước trẻ em';
const [HAC_THANH, SAM_SON, HOANG_HOA, MUONG_LAT] = OTHER_COMMUNES;

/** The plans by year (2025 has two: before and after the move to the health sector). */
const SPECS: Record<number, PlanSpec[]> = {
  2016: [
    {
      issued: '03-02',
      body: 'labour',
      number: 412,
      topics: ['policy_law', 'professional'],
      title: `Kế hoạch kiểm tra ${POLICY} năm 2016`,
      others: [HAC_THANH],
    },
  ],
  2017: [
    {
      issued: '02-20',
      body: 'ubnd',
      number: 38,
      topics: ['drowning_prevention'],
      title: `Kế hoạch kiểm tra liên ngành ${DROWNING} năm 2017`,
      others: [SAM_SON, HOANG_HOA],
    },
  ],
  2018: [
    {
      issued: '03-12',
      body: 'labour',
      number: 655,
      topics: ['policy_law', 'budget_use'],
      title: 'Kế hoạch kiểm tra việc thi hành Luật Trẻ em năm 2016 tại cấp xã năm 2018',
      others: [HOANG_HOA],
    },
  ],
  2019: [
    {
      issued: '02-25',
      body: 'labour',
      number: 301,
      topics: ['drowning_prevention', 'professional'],
      title: `Kế hoạch kiểm tra công tác trẻ em và ${DROWNING} năm 2019`,
      others: [MUONG_LAT],
    },
  ],
  2020: [
    {
      issued: '06-15',
      body: 'ubnd',
      number: 97,
      topics: ['policy_law'],
      title: `Kế hoạch kiểm tra liên ngành ${POLICY} năm 2020`,
      others: [],
    },
  ],
  2021: [
    {
      issued: '03-08',
      body: 'labour',
      number: 520,
      topics: ['drowning_prevention', 'policy_law'],
      title: `Kế hoạch kiểm tra ${DROWNING} năm 2021`,
      others: [SAM_SON],
    },
  ],
  2022: [
    {
      issued: '02-28',
      body: 'ubnd',
      number: 64,
      topics: ['policy_law', 'budget_use'],
      title: `Kế hoạch kiểm tra ${POLICY} năm 2022`,
      others: [HAC_THANH, MUONG_LAT],
    },
  ],
  2023: [
    {
      issued: '03-06',
      body: 'labour',
      number: 488,
      topics: ['drowning_prevention'],
      title: `Kế hoạch kiểm tra ${DROWNING} năm 2023`,
      others: [HOANG_HOA],
    },
  ],
  2024: [
    {
      issued: '02-26',
      body: 'labour',
      number: 356,
      topics: ['policy_law', 'professional'],
      title: 'Kế hoạch kiểm tra công tác bảo vệ, chăm sóc trẻ em năm 2024',
      others: [SAM_SON],
    },
  ],
  2025: [
    {
      issued: '03-10',
      body: 'labour',
      number: 402,
      topics: ['drowning_prevention'],
      title: `Kế hoạch kiểm tra ${DROWNING} năm 2025`,
      others: [MUONG_LAT],
    },
    {
      issued: '09-05',
      body: 'health',
      number: 1875,
      topics: ['policy_law', 'professional'],
      title: `Kế hoạch kiểm tra ${POLICY} tại các xã, phường sau sắp xếp năm 2025`,
      others: [HAC_THANH],
    },
  ],
  2026: [
    {
      issued: '02-10',
      body: 'health',
      number: 215,
      topics: ['policy_law', 'drowning_prevention'],
      title: `Kế hoạch kiểm tra ${POLICY} và ${DROWNING} năm 2026`,
      others: [SAM_SON],
    },
  ],
};

/** Plans of a year; years after the table follow the 2026 pattern with topics in turn. */
function specsOf(year: number): PlanSpec[] {
  const known = SPECS[year];
  if (known) return known;
  const drowningYear = year % 2 === 1;
  return [
    {
      issued: '02-10',
      body: 'health',
      number: 200 + (year % 100),
      topics: drowningYear ? ['drowning_prevention', 'policy_law'] : ['policy_law', 'professional'],
      title: `Kế hoạch kiểm tra ${drowningYear ? DROWNING : POLICY} năm ${year}`,
      others: [OTHER_COMMUNES[year % OTHER_COMMUNES.length]!],
    },
  ];
}

const LABOUR_STAFF = 'Phòng Bảo vệ, chăm sóc trẻ em, Sở Lao động - Thương binh và Xã hội';
const HEALTH_STAFF = 'Phòng Bảo vệ, chăm sóc trẻ em, Sở Y tế';
const PARTNERS: readonly Omit<PlannedTeamMember, 'role'>[] = [
  { fullName: 'Đỗ Văn Minh', organisation: 'Sở Giáo dục và Đào tạo', username: null },
  { fullName: 'Phạm Thị Lan', organisation: 'Hội Liên hiệp Phụ nữ tỉnh', username: null },
  { fullName: 'Vũ Đức Thắng', organisation: 'Tỉnh đoàn Thanh Hóa', username: null },
  { fullName: 'Nguyễn Hữu Tài', organisation: 'Công an tỉnh', username: null },
  { fullName: 'Lê Thị Ngọc Ánh', organisation: 'Sở Văn hóa, Thể thao và Du lịch', username: null },
];

/** A team of 3 to 5 with one lead; the demo inspector leads from the health sector's first plan. */
function teamOf(spec: PlanSpec, year: number, random: Random): PlannedTeamMember[] {
  const isHealth = spec.body === 'health';
  const lead: PlannedTeamMember = isHealth
    ? { fullName: 'Trịnh Văn Kiểm', role: 'lead', organisation: 'Sở Y tế', username: DemoUser.inspector }
    : {
        fullName: year < 2021 ? 'Lê Quang Hùng' : 'Nguyễn Thị Hương Giang',
        role: 'lead',
        organisation: 'Sở Lao động - Thương binh và Xã hội',
        username: null,
      };
  const team = [lead];
  if (isHealth) {
    team.push({
      fullName: 'Lê Thị Hồng',
      role: 'deputy',
      organisation: 'Sở Y tế',
      username: DemoUser.province,
    });
  } else if (year >= 2022) {
    team.push({
      fullName: 'Trịnh Văn Kiểm',
      role: 'member',
      organisation: LABOUR_STAFF,
      username: DemoUser.inspector,
    });
  }
  // With the secretary the team counts 3 to 5.
  const partners = [...PARTNERS];
  const wanted = random.int(1, 5 - (team.length + 1));
  for (let i = 0; i < wanted; i++) {
    const [partner] = partners.splice(random.int(0, partners.length - 1), 1);
    team.push({ ...partner!, role: 'member' });
  }
  team.push({
    fullName: 'Hoàng Thị Thu Trang',
    role: 'secretary',
    organisation: isHealth ? HEALTH_STAFF : LABOUR_STAFF,
    username: null,
  });
  return team;
}

export type PlansInput = { today: string; currentYear: number; random: Random };

/** The plans from 2016 to the current year, none issued after today. */
export function planInspectionPlans(input: PlansInput): PlannedPlan[] {
  const plans: PlannedPlan[] = [];
  for (let year = DEMO_FIRST_YEAR; year <= input.currentYear; year++) {
    specsOf(year).forEach((spec, index) => {
      const scheduled = `${year}-${spec.issued}`;
      // A later plan of this year is not issued yet; the first is, at the latest today.
      if (index > 0 && scheduled > input.today) return;
      const issuedOn = scheduled < input.today ? scheduled : input.today;
      const body = BODY[spec.body];
      const targets = [...DEMO_WARDS, ...spec.others];
      plans.push({
        key: `${year}/${index}`,
        unitCode: DEMO_PROVINCE_CODE,
        year,
        number: `${spec.number}/${body.suffix}`,
        issuedOn,
        issuingBody: body.name,
        title: spec.title,
        topics: spec.topics,
        templateTopic:
          spec.topics.includes('policy_law') && spec.topics[0] !== 'drowning_prevention'
            ? 'policy_law'
            : 'drowning_prevention',
        description:
          `Đánh giá kết quả ${spec.topics.includes('drowning_prevention') ? DROWNING : POLICY} tại ` +
          `${targets.length} đơn vị cấp xã; chỉ ra ưu điểm, tồn tại và kiến nghị khắc phục. ` +
          'Đơn vị được kiểm tra chuẩn bị báo cáo, hồ sơ, sổ sách theo đề cương gửi kèm.',
        targets: targets.map((unitCode) => ({ unitCode, plannedFrom: null, plannedTo: null })),
        team: teamOf(spec, year, input.random),
      });
    });
  }
  return plans;
}
