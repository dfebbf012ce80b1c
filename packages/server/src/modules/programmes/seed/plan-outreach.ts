import type { CommunicationAudience, CommunicationChannel, FacilityCondition } from '@tuoitho/domain';
import { deriveSeed, Random, type Weighted } from '../../children/generate-data/random';
import {
  DEMO_PROVINCE_CODE,
  DemoUser,
  type DemoWard,
  dayIn,
  type PlanInput,
  type PlannedCommunication,
  type PlannedFacility,
  type PlannedMovement,
} from './demo-plan';

/** Demo communication, the province's movement and the facilities of the wards. */

// ------------------------------------------------------------------ communication

type CommunicationIdea = {
  channel: CommunicationChannel;
  audience: CommunicationAudience;
  month: number;
  title: string;
  topic: 'drowning' | 'action_month' | 'abuse' | 'general';
  reach: readonly [number, number];
  materials?: (random: Random) => string;
  fromYear?: number;
};

const COMMUNICATION_IDEAS: readonly CommunicationIdea[] = [
  {
    channel: 'loudspeaker',
    audience: 'all',
    month: 1,
    title: 'Phát thanh về an toàn cho trẻ em dịp Tết: phòng, chống pháo nổ, tai nạn giao thông',
    topic: 'general',
    reach: [3000, 7000],
  },
  {
    channel: 'loudspeaker',
    audience: 'all',
    month: 5,
    title: 'Phát thanh phòng, chống đuối nước trẻ em dịp hè',
    topic: 'drowning',
    reach: [4000, 9000],
  },
  {
    channel: 'loudspeaker',
    audience: 'all',
    month: 6,
    title: 'Phát thanh hưởng ứng Tháng hành động vì trẻ em',
    topic: 'action_month',
    reach: [4000, 9000],
  },
  {
    channel: 'loudspeaker',
    audience: 'all',
    month: 10,
    title: 'Phát thanh phòng, chống bạo lực, xâm hại trẻ em; Tổng đài 111',
    topic: 'abuse',
    reach: [3000, 7000],
    fromYear: 2018,
  },
  {
    channel: 'meeting',
    audience: 'parents',
    month: 5,
    title: 'Họp tổ dân phố lồng ghép tuyên truyền kỹ năng phòng, chống đuối nước cho cha mẹ',
    topic: 'drowning',
    reach: [80, 250],
  },
  {
    channel: 'meeting',
    audience: 'community',
    month: 9,
    title: 'Sinh hoạt cộng đồng: phòng, chống bạo lực gia đình và xâm hại trẻ em',
    topic: 'abuse',
    reach: [60, 200],
  },
  {
    channel: 'social_network',
    audience: 'parents',
    month: 6,
    title: 'Bài viết trên trang mạng xã hội của phường: an toàn cho trẻ em trong dịp hè',
    topic: 'drowning',
    reach: [800, 5000],
    fromYear: 2016,
  },
  {
    channel: 'social_network',
    audience: 'all',
    month: 11,
    title: 'Bài viết trên trang mạng xã hội của phường: nhận biết dấu hiệu trẻ bị xâm hại',
    topic: 'abuse',
    reach: [600, 3500],
    fromYear: 2019,
  },
  {
    channel: 'leaflet_poster',
    audience: 'parents',
    month: 5,
    title: 'Phát tờ rơi, treo pa-nô cảnh báo đuối nước tại ao, hồ, sông',
    topic: 'drowning',
    reach: [600, 2000],
    materials: (random) => `${random.int(5, 15) * 100} tờ rơi, ${random.int(3, 8)} pa-nô cảnh báo`,
  },
  {
    channel: 'school_session',
    audience: 'children',
    month: 4,
    title: 'Sinh hoạt dưới cờ: kỹ năng tự bảo vệ, phòng, chống xâm hại',
    topic: 'abuse',
    reach: [400, 1200],
  },
];

function programmeOfTopic(topic: CommunicationIdea['topic'], ward: DemoWard, year: number): string | null {
  if (topic === 'drowning') return year >= 2021 ? 'drowning' : null;
  if (topic === 'action_month') return `am/${ward.code}/${year}`;
  if (topic === 'abuse') return year >= 2020 && year <= 2025 ? `abuse/${ward.code}` : null;
  return null;
}

/** About ten communication activities per ward and year, dated up to today. */
export function planCommunications(input: PlanInput): PlannedCommunication[] {
  const out: PlannedCommunication[] = [];
  for (const ward of input.wards) {
    const scale = ward.hasPool ? 1 : 0.6;
    for (const year of input.years) {
      const random = new Random(deriveSeed(input.seed, 'communication', ward.code, year));
      for (const idea of COMMUNICATION_IDEAS) {
        if (idea.fromYear && year < idea.fromYear) continue;
        const heldOn = dayIn(random, year, idea.month, 2, 26);
        const reach = Math.round(
          random.int(idea.reach[0], idea.reach[1]) * (idea.audience === 'all' ? scale : 1),
        );
        const materials = idea.materials?.(random) ?? null;
        if (heldOn > input.today) continue;
        out.push({
          unitCode: ward.code,
          programmeKey: programmeOfTopic(idea.topic, ward, year),
          heldOn,
          channel: idea.channel,
          audience: idea.audience,
          title: idea.title,
          reach,
          materials,
          recordedBy: DemoUser.officerOf(ward.code),
        });
      }
    }
  }
  return out;
}

/** The province's movement "Toàn dân chăm sóc, giáo dục và bảo vệ trẻ em", both wards every year. */
export function planMovements(input: PlanInput): PlannedMovement[] {
  const random = new Random(deriveSeed(input.seed, 'movement'));
  return [
    {
      unitCode: DEMO_PROVINCE_CODE,
      name: 'Toàn dân chăm sóc, giáo dục và bảo vệ trẻ em',
      description:
        'Phong trào thi đua của tỉnh: mỗi tổ dân phố, thôn đăng ký thực hiện, không để trẻ em bỏ học, bị xâm hại, bị tai nạn đuối nước.',
      yearFrom: 2013,
      yearTo: null,
      participation: input.years.flatMap((year) =>
        input.wards.map((ward) => {
          const joined = Math.min(
            ward.groups,
            ward.groups - random.int(0, 6) + Math.floor((year - 2013) / 4),
          );
          return {
            unitCode: ward.code,
            year,
            note: `${joined}/${ward.groups} tổ dân phố đăng ký thực hiện`,
          };
        }),
      ),
      recordedBy: DemoUser.province,
    },
  ];
}

// ------------------------------------------------------------------ facilities

const CONDITIONS: Weighted<FacilityCondition> = [
  ['good', 55],
  ['fair', 30],
  ['poor', 11],
  ['not_in_use', 4],
];

const OLDER_CONDITIONS: Weighted<FacilityCondition> = [...CONDITIONS, ['poor', 8]];

const HOUSE_NOTES: Partial<Record<FacilityCondition, string>> = {
  poor: 'Xuống cấp, mái dột, cần sửa chữa',
  not_in_use: 'Ngừng sử dụng, chờ xây mới',
};
const PLAYGROUND_NOTE = 'Thiết bị vui chơi hư hỏng, cần thay thế';

/**
 * The facilities of each ward: its schools, health station, a cultural house per residential
 * group, playgrounds; phường Bỉm Sơn also has the library, the swimming pool and a swimming
 * place, phường Quang Trung none of these (the gap the coverage view shows).
 */
export function planFacilities(input: PlanInput): PlannedFacility[] {
  const out: PlannedFacility[] = [];
  for (const ward of input.wards) {
    const random = new Random(deriveSeed(input.seed, 'facilities', ward.code));
    const recordedBy = DemoUser.officerOf(ward.code);
    const wardName = ward.fullName.replace('Phường', 'phường');
    const add = (f: Omit<PlannedFacility, 'unitCode' | 'recordedBy' | 'note'> & { note?: string | null }) =>
      out.push({ unitCode: ward.code, recordedBy, note: null, ...f });
    const schools: Array<[readonly string[], number, number]> = [
      [ward.schools.preschool, 200, 420],
      [ward.schools.primary, 450, 900],
      [ward.schools.lowerSecondary, 400, 800],
    ];
    for (const [names, min, max] of schools) {
      for (const name of names) {
        add({
          kind: 'school',
          name,
          address: null,
          condition: random.chance(0.8) ? 'good' : 'fair',
          capacity: random.int(min, max),
        });
      }
    }
    add({
      kind: 'health_station',
      name: `Trạm Y tế ${wardName}`,
      address: null,
      condition: 'good',
      capacity: null,
    });
    add({
      kind: 'cultural_house',
      name: `Nhà văn hóa ${wardName}`,
      address: null,
      condition: 'good',
      capacity: 300,
    });
    for (let group = 1; group <= ward.groups; group++) {
      // Quang Trung's houses are older: more of them in poor condition.
      const condition = random.weighted(ward.hasPool ? CONDITIONS : OLDER_CONDITIONS);
      add({
        kind: 'cultural_house',
        name: `Nhà văn hóa Tổ dân phố ${group}`,
        address: `Tổ dân phố ${group}`,
        condition,
        capacity: random.int(8, 20) * 10,
        note: HOUSE_NOTES[condition] ?? null,
      });
    }
    const playgrounds = ward.hasPool ? 6 : 2;
    for (let i = 0; i < playgrounds; i++) {
      const group = random.int(1, ward.groups);
      const condition: FacilityCondition =
        i === playgrounds - 1 ? 'poor' : random.chance(0.7) ? 'good' : 'fair';
      add({
        kind: 'playground',
        name: `Sân chơi trẻ em Tổ dân phố ${group}`,
        address: `Tổ dân phố ${group}`,
        condition,
        capacity: random.int(3, 8) * 10,
        note: condition === 'poor' ? PLAYGROUND_NOTE : null,
      });
    }
    if (ward.hasPool) {
      add({ kind: 'library', name: `Thư viện ${wardName}`, address: null, condition: 'good', capacity: 40 });
      add({
        kind: 'child_friendly_space',
        name: `Góc đọc sách thân thiện, Nhà văn hóa ${wardName}`,
        address: null,
        condition: 'good',
        capacity: 25,
      });
      add({
        kind: 'swimming_pool',
        name: `Bể bơi ${wardName}`,
        address: null,
        condition: 'good',
        capacity: 60,
        note: 'Đưa vào sử dụng năm 2018; mở cửa từ tháng 5 đến tháng 9',
      });
      add({
        kind: 'swim_teaching_place',
        name: `Điểm dạy bơi ${ward.schools.primary[0]}`,
        address: ward.schools.primary[0]!,
        condition: 'fair',
        capacity: 30,
        note: 'Bể bơi di động, lắp đặt trong dịp hè',
      });
    }
  }
  return out;
}
