import { deriveSeed, Random } from '../../children/generate-data/random';
import {
  committeeOf,
  DEMO_PROVINCE_CODE,
  type DemoWard,
  dayIn,
  type PlanInput,
  type PlannedDocument,
  type PlannedTarget,
} from './demo-plan';

/**
 * The demo documents. National documents and their targets are only those of `law-vn.json`
 * (`programme_targets`, verified entries); the province's and wards' plan numbers ("45/KH-UBND")
 * are DEMO numbers drawn at random, not real documents.
 */

/** Yearly themes of the Action Month for Children known from law-vn.json; other years: none. */
export const ACTION_MONTH_THEMES: Readonly<Record<number, string>> = {
  2015: 'Lắng nghe trẻ em nói',
  2018: 'Vì cuộc sống an toàn, lành mạnh cho trẻ em',
  2022: 'Chung tay bảo vệ trẻ em, hãy lên tiếng phòng, chống xâm hại, bạo lực trẻ em',
  2024: 'Hành động thiết thực, ưu tiên nguồn lực cho trẻ em',
  2025: 'Ưu tiên nguồn lực hoàn thành các mục tiêu vì trẻ em',
};

const PROVINCE_COMMITTEE = 'UBND tỉnh Thanh Hóa';

export const pct = (
  label: string,
  value: number,
  year: number,
  indicatorCode: PlannedTarget['indicatorCode'] = null,
  direction: PlannedTarget['direction'] = 'at_least',
  baselineYear: number | null = null,
): PlannedTarget => ({ indicatorCode, label, direction, value, unitOfMeasure: '%', year, baselineYear });

/** Decision 3246/QĐ-BVHTTDL (14/12/2021): the four targets of the safe-swimming programme. */
export const SWIM_TARGETS: PlannedTarget[] = [
  pct('Trẻ em 6 đến dưới 16 tuổi biết bơi an toàn', 50, 2025, 'swim_safe_6_15'),
  pct('Trẻ em 6 đến dưới 16 tuổi biết bơi an toàn', 60, 2030, 'swim_safe_6_15'),
  pct('Trẻ em 6 đến dưới 16 tuổi có kỹ năng an toàn trong môi trường nước', 60, 2025, 'water_safety_6_15'),
  pct('Trẻ em 6 đến dưới 16 tuổi có kỹ năng an toàn trong môi trường nước', 70, 2030, 'water_safety_6_15'),
  pct('Hộ gia đình được tiếp cận thông tin, kỹ năng phòng, chống đuối nước', 90, 2025),
  pct('Hộ gia đình được tiếp cận thông tin, kỹ năng phòng, chống đuối nước', 95, 2030),
  pct(
    'Giảm số trẻ em tử vong do đuối nước so với năm 2020',
    -10,
    2025,
    'drowning_deaths_change',
    'at_most',
    2020,
  ),
  pct(
    'Giảm số trẻ em tử vong do đuối nước so với năm 2020',
    -20,
    2030,
    'drowning_deaths_change',
    'at_most',
    2020,
  ),
];

/** Decision 23/QĐ-TTg (07/01/2021), National Action Programme for Children 2021–2030. */
export const NAP_TARGETS: PlannedTarget[] = [
  pct('Tỷ lệ trẻ em bị xâm hại (dưới)', 4.5, 2025, null, 'at_most'),
  pct('Tỷ lệ trẻ em bị xâm hại (dưới)', 4, 2030, null, 'at_most'),
  pct('Trẻ em dưới 1 tuổi được tiêm chủng đầy đủ 8 loại vắc xin', 97, 2025),
  pct('Trẻ em dưới 1 tuổi được tiêm chủng đầy đủ 8 loại vắc xin', 98, 2030),
  pct('Trẻ em dưới 5 tuổi được tiêm chủng đầy đủ các loại vắc xin', 98, 2030),
  pct('Huy động trẻ em 5 tuổi đi học mẫu giáo', 99.1, 2025, 'preschool_5y'),
  pct('Huy động trẻ em 5 tuổi đi học mẫu giáo', 99.3, 2030, 'preschool_5y'),
  pct('Trẻ em hoàn thành cấp tiểu học', 97, 2025),
  pct('Trẻ em hoàn thành cấp tiểu học', 99, 2030),
  pct('Xã, phường, thị trấn có điểm văn hóa, vui chơi cho trẻ em', 40, 2025, 'communes_with_play_facility'),
  pct('Xã, phường, thị trấn có điểm văn hóa, vui chơi cho trẻ em', 45, 2030, 'communes_with_play_facility'),
];

/** Decision 1863/QĐ-TTg (23/12/2019), plan against violence and abuse of children 2020–2025. */
const ABUSE_TARGETS: PlannedTarget[] = [
  pct('Học sinh được hướng dẫn kiến thức, kỹ năng tự bảo vệ', 100, 2025),
  pct('Cán bộ, cộng tác viên bảo vệ trẻ em được nâng cao năng lực', 100, 2025),
  pct('Địa phương có phòng điều tra thân thiện với trẻ em', 40, 2025),
];

/** The national documents, kept by the province (unit 38) as the unit that stores them. */
function nationalDocuments(): PlannedDocument[] {
  const national = (
    doc: Omit<PlannedDocument, 'unitCode' | 'validTo' | 'targets'> & Partial<PlannedDocument>,
  ) => ({
    unitCode: DEMO_PROVINCE_CODE,
    validTo: null,
    targets: [],
    ...doc,
  });
  return [
    national({
      key: 'ct20',
      number: '20-CT/TW',
      issuedOn: '2012-11-05',
      issuingBody: 'Bộ Chính trị',
      docType: 'directive',
      title:
        'Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với công tác chăm sóc, giáo dục và bảo vệ trẻ em',
      summary:
        'Thay thế Chỉ thị 55-CT/TW ngày 28/6/2000. Trên thực tế được tiếp nối bởi Chỉ thị 28-CT/TW ngày 25/12/2023.',
      validFrom: '2012-11-05',
    }),
    national({
      key: 'luat-tre-em',
      number: '102/2016/QH13',
      issuedOn: '2016-04-05',
      issuingBody: 'Quốc hội',
      docType: 'other',
      title: 'Luật Trẻ em',
      summary:
        'Trẻ em là người dưới 16 tuổi (Điều 1). Các nhóm trẻ em có hoàn cảnh đặc biệt (Điều 10). Tháng 6 hằng năm là Tháng hành động vì trẻ em (Điều 11).',
      validFrom: '2017-06-01',
    }),
    national({
      key: 'qd1863',
      number: '1863/QĐ-TTg',
      issuedOn: '2019-12-23',
      issuingBody: 'Thủ tướng Chính phủ',
      docType: 'decision',
      title: 'Kế hoạch hành động quốc gia phòng, chống bạo lực, xâm hại trẻ em giai đoạn 2020–2025',
      summary:
        'Hướng dẫn kỹ năng tự bảo vệ cho học sinh, nâng cao năng lực cán bộ, cộng tác viên bảo vệ trẻ em.',
      validFrom: '2019-12-23',
      validTo: '2025-12-31',
      targets: ABUSE_TARGETS,
    }),
    national({
      key: 'qd23',
      number: '23/QĐ-TTg',
      issuedOn: '2021-01-07',
      issuingBody: 'Thủ tướng Chính phủ',
      docType: 'decision',
      title: 'Chương trình hành động quốc gia vì trẻ em giai đoạn 2021–2030',
      summary:
        'Các mục tiêu về bảo vệ trẻ em, tiêm chủng, giáo dục mầm non và tiểu học, điểm văn hóa, vui chơi cho trẻ em đến năm 2025 và 2030.',
      validFrom: '2021-01-07',
      validTo: '2030-12-31',
      targets: NAP_TARGETS,
    }),
    national({
      key: 'qd3246',
      number: '3246/QĐ-BVHTTDL',
      issuedOn: '2021-12-14',
      issuingBody: 'Bộ Văn hóa, Thể thao và Du lịch',
      docType: 'decision',
      title:
        'Chương trình bơi an toàn phòng, chống đuối nước trẻ em giai đoạn 2021–2030 (ngành Văn hóa, Thể thao và Du lịch)',
      summary:
        'Đến năm 2025: 50 % trẻ em 6 đến dưới 16 tuổi biết bơi an toàn, 60 % có kỹ năng an toàn trong môi trường nước; đến năm 2030: 60 % và 70 %.',
      validFrom: '2021-12-14',
      validTo: '2030-12-31',
      targets: SWIM_TARGETS,
    }),
    national({
      key: 'ct28',
      number: '28-CT/TW',
      issuedOn: '2023-12-25',
      issuingBody: 'Bộ Chính trị',
      docType: 'directive',
      // Trích yếu paraphrased: only the number, date and key points are in law-vn.json.
      title: 'Chỉ thị về công tác chăm sóc, giáo dục và bảo vệ trẻ em trong tình hình mới',
      summary:
        'Tăng đầu tư cho thiết chế, dịch vụ cho trẻ em, nhất là vùng khó khăn; xây dựng Chiến lược quốc gia tổng thể về phát triển trẻ em; thực hiện Chương trình hành động quốc gia vì trẻ em 2021–2030 và chương trình phòng, chống tai nạn, thương tích trẻ em.',
      validFrom: '2023-12-25',
    }),
  ];
}

/** A DEMO plan number of a unit: `45/KH-UBND` (not a real document). */
const demoNumber = (random: Random, kind: 'KH' | 'BC', from: number, to: number) =>
  `${random.int(from, to)}/${kind}-UBND`;

function provinceDocuments(input: PlanInput): PlannedDocument[] {
  const random = new Random(deriveSeed(input.seed, 'documents', DEMO_PROVINCE_CODE));
  const docs: PlannedDocument[] = [];
  for (const year of input.years) {
    const issuedOn = dayIn(random, year, random.int(1, 2), 8, 27);
    docs.push({
      key: `prov-year/${year}`,
      unitCode: DEMO_PROVINCE_CODE,
      number: demoNumber(random, 'KH', 5, 60),
      issuedOn,
      issuingBody: PROVINCE_COMMITTEE,
      docType: 'plan',
      title: `Kế hoạch thực hiện công tác bảo vệ, chăm sóc và giáo dục trẻ em năm ${year}`,
      summary: 'Chỉ tiêu, nhiệm vụ năm của các sở, ngành và UBND cấp xã; tổ chức Tháng hành động vì trẻ em.',
      validFrom: issuedOn,
      validTo: `${year}-12-31`,
      targets: [],
    });
    if (year === 2021) {
      docs.push({
        key: 'prov-nap',
        unitCode: DEMO_PROVINCE_CODE,
        number: demoNumber(random, 'KH', 70, 120),
        issuedOn: '2021-04-12',
        issuingBody: PROVINCE_COMMITTEE,
        docType: 'plan',
        title: 'Kế hoạch thực hiện Chương trình hành động vì trẻ em tỉnh Thanh Hóa giai đoạn 2021–2030',
        summary: 'Triển khai Quyết định 23/QĐ-TTg ngày 07/01/2021 trên địa bàn tỉnh.',
        validFrom: '2021-04-12',
        validTo: '2030-12-31',
        targets: NAP_TARGETS.filter((t) => t.indicatorCode !== null),
      });
    }
    if (year === 2022) {
      docs.push({
        key: 'prov-drowning',
        unitCode: DEMO_PROVINCE_CODE,
        number: demoNumber(random, 'KH', 61, 110),
        issuedOn: '2022-03-18',
        issuingBody: PROVINCE_COMMITTEE,
        docType: 'plan',
        title:
          'Kế hoạch thực hiện Chương trình phòng, chống đuối nước trẻ em tỉnh Thanh Hóa giai đoạn 2021–2030',
        summary:
          'Triển khai Quyết định 3246/QĐ-BVHTTDL ngày 14/12/2021: dạy bơi an toàn, kỹ năng an toàn trong môi trường nước cho trẻ em 6 đến dưới 16 tuổi.',
        validFrom: '2022-03-18',
        validTo: '2030-12-31',
        targets: SWIM_TARGETS.filter((t) => t.indicatorCode !== null),
      });
    }
  }
  return docs;
}

function wardDocuments(input: PlanInput, ward: DemoWard): PlannedDocument[] {
  const random = new Random(deriveSeed(input.seed, 'documents', ward.code));
  const docs: PlannedDocument[] = [];
  for (const year of input.years) {
    const drowningOn = dayIn(random, year, 5, 4, 15);
    const drowningNumber = random.int(25, 60);
    docs.push({
      key: `summer-plan/${ward.code}/${year}`,
      unitCode: ward.code,
      number: `${drowningNumber}/KH-UBND`,
      issuedOn: drowningOn,
      issuingBody: committeeOf(ward, drowningOn),
      docType: 'plan',
      title: `Kế hoạch phòng, chống tai nạn, thương tích và đuối nước trẻ em dịp hè năm ${year}`,
      summary:
        'Rà soát, cắm biển cảnh báo ao, hồ, sông nguy hiểm; tổ chức lớp dạy bơi; tuyên truyền trên loa truyền thanh và họp tổ dân phố.',
      validFrom: `${year}-06-01`,
      validTo: `${year}-08-31`,
      targets: [],
    });
    const monthOn = dayIn(random, year, 5, 16, 27);
    const theme = ACTION_MONTH_THEMES[year];
    docs.push({
      key: `am-plan/${ward.code}/${year}`,
      unitCode: ward.code,
      number: `${drowningNumber + random.int(2, 15)}/KH-UBND`,
      issuedOn: monthOn,
      issuingBody: committeeOf(ward, monthOn),
      docType: 'plan',
      title: `Kế hoạch tổ chức Tháng hành động vì trẻ em năm ${year}`,
      summary: `${theme ? `Chủ đề: “${theme}”. ` : ''}Ngày hội thiếu nhi 1/6, thăm hỏi, tặng quà trẻ em có hoàn cảnh đặc biệt, truyền thông về quyền trẻ em.`,
      validFrom: `${year}-06-01`,
      validTo: `${year}-06-30`,
      targets: [],
    });
    const reportOn = dayIn(random, year, 7, 2, 15);
    docs.push({
      key: `am-report/${ward.code}/${year}`,
      unitCode: ward.code,
      number: demoNumber(random, 'BC', 80, 140),
      issuedOn: reportOn,
      issuingBody: committeeOf(ward, reportOn),
      docType: 'report',
      title: `Báo cáo kết quả Tháng hành động vì trẻ em năm ${year}`,
      summary: 'Kết quả các hoạt động, số trẻ em được thăm hỏi, tặng quà, kinh phí huy động.',
      validFrom: null,
      validTo: null,
      targets: [],
    });
  }
  return docs;
}

/** Every demo document issued up to today. */
export function planDocuments(input: PlanInput): PlannedDocument[] {
  return [
    ...nationalDocuments(),
    ...provinceDocuments(input),
    ...input.wards.flatMap((ward) => wardDocuments(input, ward)),
  ].filter((d) => d.issuedOn <= input.today);
}
