import { deriveSeed, Random } from '../../children/generate-data/random';
import {
  committeeOf,
  DEMO_PROVINCE_CODE,
  DemoUser,
  type DemoWard,
  isoDate,
  millions,
  type PlanInput,
  type PlannedBudget,
  type PlannedProgramme,
  type PlannedTarget,
  spentOf,
} from './demo-plan';
import { ACTION_MONTH_THEMES, pct, SWIM_TARGETS } from './plan-documents';

/**
 * The demo programmes: the province's drowning-prevention and action programmes (targets of
 * Decisions 3246/QĐ-BVHTTDL and 23/QĐ-TTg), and each ward's Action Month of every year, universal
 * preschool, child-friendly ward and abuse-prevention programmes with DEMO budgets.
 */

type BudgetRange = Partial<Record<PlannedBudget['source'], readonly [number, number]>>;

/** A yearly budget by source (million đồng ranges), spent in full in past years. */
function budgetsFor(random: Random, years: number[], currentYear: number, ranges: BudgetRange) {
  return years.flatMap((year) =>
    (Object.entries(ranges) as Array<[PlannedBudget['source'], readonly [number, number]]>).map(
      ([source, [min, max]]) => {
        const plannedVnd = millions(random, min, max);
        return { year, source, plannedVnd, spentVnd: spentOf(random, plannedVnd, year === currentYear) };
      },
    ),
  );
}

const yearsBetween = (from: number, to: number, input: PlanInput) =>
  input.years.filter((y) => y >= from && y <= to);

function provinceProgrammes(input: PlanInput, currentYear: number): PlannedProgramme[] {
  const random = new Random(deriveSeed(input.seed, 'programmes', DEMO_PROVINCE_CODE));
  const wards = input.wards.map((w) => w.code);
  return [
    {
      key: 'drowning',
      unitCode: DEMO_PROVINCE_CODE,
      kind: 'drowning_prevention',
      name: 'Phòng, chống đuối nước trẻ em giai đoạn 2021–2030',
      theme: null,
      yearFrom: 2021,
      yearTo: 2030,
      description:
        'Thực hiện Quyết định 3246/QĐ-BVHTTDL ngày 14/12/2021: dạy bơi an toàn và kỹ năng an toàn trong môi trường nước cho trẻ em 6 đến dưới 16 tuổi, truyền thông phòng, chống đuối nước, rà soát và cảnh báo điểm nguy cơ. Từ năm 2025 Sở Y tế là cơ quan chủ trì công tác trẻ em.',
      lead: 'Sở Y tế',
      partners: ['Sở Văn hóa, Thể thao và Du lịch', 'Hội Liên hiệp Phụ nữ tỉnh', 'Tỉnh đoàn'],
      unitCodes: wards,
      documentKeys: ['qd3246', 'prov-drowning'],
      targets: SWIM_TARGETS.filter((t) => t.indicatorCode !== null),
      budgets: budgetsFor(random, yearsBetween(2021, 2030, input), currentYear, {
        state_budget: [180, 320],
        mobilised: [40, 120],
        sponsor: [30, 90],
      }),
      recordedBy: DemoUser.province,
      recordedOn: '2022-03-21',
    },
    {
      key: 'nap',
      unitCode: DEMO_PROVINCE_CODE,
      kind: 'national_action',
      name: 'Chương trình hành động vì trẻ em tỉnh Thanh Hóa giai đoạn 2021–2030',
      theme: null,
      yearFrom: 2021,
      yearTo: 2030,
      description:
        'Triển khai Quyết định 23/QĐ-TTg ngày 07/01/2021: chăm sóc sức khỏe, giáo dục mầm non, điểm văn hóa, vui chơi cho trẻ em, bảo vệ trẻ em.',
      lead: 'Sở Y tế',
      partners: [
        'Sở Giáo dục và Đào tạo',
        'Sở Văn hóa, Thể thao và Du lịch',
        'Hội Liên hiệp Phụ nữ tỉnh',
        'Tỉnh đoàn',
      ],
      unitCodes: wards,
      documentKeys: ['qd23', 'prov-nap'],
      targets: [
        pct('Huy động trẻ em 5 tuổi đi học mẫu giáo', 99.1, 2025, 'preschool_5y'),
        pct('Huy động trẻ em 5 tuổi đi học mẫu giáo', 99.3, 2030, 'preschool_5y'),
        pct('Xã, phường có điểm văn hóa, vui chơi cho trẻ em', 40, 2025, 'communes_with_play_facility'),
        pct('Xã, phường có điểm văn hóa, vui chơi cho trẻ em', 45, 2030, 'communes_with_play_facility'),
      ],
      budgets: budgetsFor(random, yearsBetween(2021, 2030, input), currentYear, {
        state_budget: [250, 450],
        mobilised: [60, 150],
      }),
      recordedBy: DemoUser.province,
      recordedOn: '2021-04-15',
    },
  ];
}

const count = (
  label: string,
  value: number,
  year: number,
  indicatorCode: PlannedTarget['indicatorCode'],
  unitOfMeasure: string,
): PlannedTarget => ({
  indicatorCode,
  label,
  direction: 'at_least',
  value,
  unitOfMeasure,
  year,
  baselineYear: null,
});

function wardProgrammes(input: PlanInput, ward: DemoWard, currentYear: number): PlannedProgramme[] {
  const random = new Random(deriveSeed(input.seed, 'programmes', ward.code));
  const officer = DemoUser.officerOf(ward.code);
  const isLarge = ward.hasPool;
  const wardName = ward.fullName.replace('Phường', 'phường');
  const programmes: PlannedProgramme[] = input.years.map((year) => ({
    key: `am/${ward.code}/${year}`,
    unitCode: ward.code,
    kind: 'action_month',
    name: `Tháng hành động vì trẻ em năm ${year}`,
    theme: ACTION_MONTH_THEMES[year] ?? null,
    yearFrom: year,
    yearTo: year,
    description:
      'Từ 01/6 đến 30/6 (Luật Trẻ em, Điều 11): ngày hội thiếu nhi, thăm hỏi, tặng quà, truyền thông.',
    lead: committeeOf(ward, `${year}-06-01`),
    partners: ['Hội Liên hiệp Phụ nữ phường', 'Đoàn Thanh niên phường', 'Các trường học trên địa bàn'],
    unitCodes: [ward.code],
    documentKeys: [`am-plan/${ward.code}/${year}`, ...(year >= 2017 ? ['luat-tre-em'] : [])],
    targets: [
      count('Số hoạt động, sự kiện tổ chức trong Tháng hành động', 3, year, 'activities_held', 'hoạt động'),
      count('Số lượt trẻ em tham gia', isLarge ? 500 : 300, year, 'children_reached', 'lượt trẻ em'),
    ],
    budgets: budgetsFor(random, [year], currentYear, {
      state_budget: isLarge ? [20, 40] : [12, 25],
      mobilised: [8, 25],
      ...(random.chance(0.6) ? { sponsor: [5, 20] as const } : {}),
    }),
    recordedBy: officer,
    recordedOn: isoDate(year, 5, 28),
  }));
  programmes.push(
    {
      key: `preschool/${ward.code}`,
      unitCode: ward.code,
      kind: 'universal_preschool',
      name: `Duy trì phổ cập giáo dục mầm non cho trẻ em 5 tuổi ${wardName} giai đoạn 2021–2030`,
      theme: null,
      yearFrom: 2021,
      yearTo: 2030,
      description: 'Huy động trẻ em 5 tuổi ra lớp, rà soát trẻ chưa đi học theo từng tổ dân phố.',
      lead: committeeOf(ward, input.today),
      partners: [...ward.schools.preschool, 'Hội Liên hiệp Phụ nữ phường'],
      unitCodes: [ward.code],
      documentKeys: ['qd23'],
      targets: [
        pct('Trẻ em 5 tuổi đi học mẫu giáo', 99.1, 2025, 'preschool_5y'),
        pct('Trẻ em 5 tuổi đi học mẫu giáo', 99.3, 2030, 'preschool_5y'),
      ],
      budgets: budgetsFor(random, yearsBetween(2021, 2030, input), currentYear, { state_budget: [30, 60] }),
      recordedBy: officer,
      recordedOn: '2021-03-10',
    },
    {
      key: `child-friendly/${ward.code}`,
      unitCode: ward.code,
      kind: 'child_friendly',
      name: `Xây dựng ${wardName} phù hợp với trẻ em giai đoạn 2021–2025`,
      theme: null,
      yearFrom: 2021,
      yearTo: 2025,
      description:
        'Đạt các tiêu chuẩn xã, phường phù hợp với trẻ em; có điểm vui chơi, sân chơi đang sử dụng.',
      lead: committeeOf(ward, input.today),
      partners: ['Trạm Y tế phường', 'Hội Liên hiệp Phụ nữ phường', 'Đoàn Thanh niên phường'],
      unitCodes: [ward.code],
      documentKeys: ['qd23'],
      targets: [
        pct('Phường có điểm văn hóa, vui chơi cho trẻ em', 100, 2025, 'communes_with_play_facility'),
        {
          ...count('Được công nhận phường phù hợp với trẻ em', 1, 2025, null, 'lần công nhận'),
          // DEMO values: one ward recognised, the other not yet.
          manualValue: isLarge ? 1 : 0,
          manualNote: isLarge
            ? 'Quyết định công nhận của UBND thị xã năm 2024 (dữ liệu demo)'
            : 'Chưa đạt tiêu chuẩn về điểm vui chơi (dữ liệu demo)',
        },
      ],
      budgets: budgetsFor(random, yearsBetween(2021, 2025, input), currentYear, {
        state_budget: [20, 50],
        mobilised: [10, 40],
      }),
      recordedBy: officer,
      recordedOn: '2021-03-12',
    },
    {
      key: `abuse/${ward.code}`,
      unitCode: ward.code,
      kind: 'abuse_prevention',
      name: 'Phòng, chống bạo lực, xâm hại trẻ em giai đoạn 2020–2025',
      theme: null,
      yearFrom: 2020,
      yearTo: 2025,
      description:
        'Thực hiện Quyết định 1863/QĐ-TTg: lớp kỹ năng tự bảo vệ cho học sinh, tập huấn cán bộ, cộng tác viên, truyền thông phòng, chống xâm hại.',
      lead: committeeOf(ward, input.today),
      partners: [
        'Công an phường',
        'Hội Liên hiệp Phụ nữ phường',
        'Đoàn Thanh niên phường',
        'Các trường học trên địa bàn',
      ],
      unitCodes: [ward.code],
      documentKeys: ['qd1863'],
      targets: [
        count(
          'Cán bộ, cộng tác viên được tập huấn',
          isLarge ? 45 : 35,
          2025,
          'officers_trained',
          'lượt người',
        ),
        count(
          'Trẻ em hoàn thành lớp kỹ năng sống',
          isLarge ? 50 : 35,
          2025,
          'life_skills_completed',
          'trẻ em',
        ),
        {
          ...pct('Học sinh được hướng dẫn kiến thức, kỹ năng tự bảo vệ', 100, 2025),
          manualValue: isLarge ? 97.5 : 95.2,
          manualNote: 'Báo cáo của các trường trên địa bàn, năm học 2024–2025 (dữ liệu demo)',
        },
      ],
      budgets: budgetsFor(random, yearsBetween(2020, 2025, input), currentYear, {
        state_budget: [15, 35],
        sponsor: [0, 15],
      }).filter((b) => b.plannedVnd > 0),
      recordedBy: officer,
      recordedOn: '2020-03-05',
    },
  );
  return programmes;
}

/** The demo programmes: two of the province, and each ward's yearly and multi-year programmes. */
export function planProgrammes(input: PlanInput): PlannedProgramme[] {
  const currentYear = Number(input.today.slice(0, 4));
  return [
    ...provinceProgrammes(input, currentYear),
    ...input.wards.flatMap((ward) => wardProgrammes(input, ward, currentYear)),
  ].filter((p) => p.recordedOn <= input.today);
}
