import { addCalendarDays, type IncidentCause, type IncidentOutcome, type PlaceType } from '@tuoitho/domain';
import { deriveSeed, Random, type Weighted } from '../../children/generate-data/random';
import {
  ageOn,
  DemoUser,
  type DemoWard,
  dayIn,
  isoDate,
  isPresentOn,
  type PlanInput,
  type PlannedIncident,
} from './demo-plan';

/**
 * The demo incident register. Incidents follow the known pattern of child injuries in Viet Nam:
 * drowning and traffic first, drownings in the summer months at rivers and ponds among children
 * of school age.
 */

type CauseProfile = {
  ages: readonly [number, number];
  places: Weighted<PlaceType>;
  death: number;
  serious: number;
  hours: readonly [number, number];
  boys: number;
};

const CAUSES: Weighted<IncidentCause> = [
  ['drowning', 28],
  ['traffic', 24],
  ['fall', 20],
  ['animal_bite', 12],
  ['burn', 9],
  ['poisoning', 7],
];

const PROFILES: Record<Exclude<IncidentCause, 'violence' | 'other'>, CauseProfile> = {
  drowning: {
    ages: [6, 15],
    places: [
      ['river', 35],
      ['pond', 35],
      ['lake', 15],
      ['well', 5],
      ['other', 10],
    ],
    death: 0.45,
    serious: 0.25,
    hours: [14, 18],
    boys: 0.7,
  },
  traffic: { ages: [3, 15], places: [['road', 1]], death: 0.12, serious: 0.38, hours: [6, 20], boys: 0.6 },
  fall: {
    ages: [1, 15],
    places: [
      ['home', 60],
      ['school', 20],
      ['other', 20],
    ],
    death: 0.02,
    serious: 0.3,
    hours: [7, 20],
    boys: 0.6,
  },
  animal_bite: {
    ages: [2, 12],
    places: [
      ['home', 60],
      ['other', 40],
    ],
    death: 0,
    serious: 0.15,
    hours: [7, 19],
    boys: 0.55,
  },
  burn: { ages: [0, 6], places: [['home', 1]], death: 0.02, serious: 0.4, hours: [6, 20], boys: 0.55 },
  poisoning: { ages: [1, 10], places: [['home', 1]], death: 0.02, serious: 0.3, hours: [7, 20], boys: 0.5 },
};

/** Drownings cluster from May to August (the summer holidays). */
const DROWNING_MONTHS: Weighted<number> = [
  [1, 1],
  [2, 1],
  [3, 2],
  [4, 5],
  [5, 18],
  [6, 30],
  [7, 30],
  [8, 20],
  [9, 6],
  [10, 2],
  [11, 1],
  [12, 1],
];

function placeText(random: Random, place: PlaceType, ward: DemoWard, cause: IncidentCause): string {
  const group = `Tổ dân phố ${random.int(1, ward.groups)}`;
  switch (place) {
    case 'river':
      return `Đoạn sông gần ${group}`;
    case 'pond':
      return `Ao sâu gần ${group}`;
    case 'lake':
      return 'Hồ chứa nước gần khu dân cư';
    case 'well':
      return `Giếng nước không có nắp đậy, ${group}`;
    case 'road':
      return random.chance(0.4) ? 'Quốc lộ 1A, đoạn qua phường' : `Đường nội thị, ${group}`;
    case 'school':
      return ward.schools.primary[random.int(0, ward.schools.primary.length - 1)]!;
    case 'home':
      return `Tại nhà, ${group}`;
    default:
      if (cause === 'drowning')
        return random.chance(0.5) ? 'Hố nước tại công trình xây dựng' : 'Hố nước sau mưa lớn';
      return random.chance(0.5) ? `Khu đất trống, ${group}` : `Sân chơi, ${group}`;
  }
}

const CAUSE_STORIES: Record<keyof typeof PROFILES, string> = {
  drowning: 'Trẻ đi tắm cùng bạn, không có người lớn trông coi, bị đuối nước',
  traffic: 'Trẻ ngồi sau xe máy của người nhà, va chạm với xe khác',
  fall: 'Trẻ chơi đùa, trèo cao rồi bị ngã',
  animal_bite: 'Trẻ bị chó nuôi thả rông cắn',
  burn: 'Trẻ chạm vào nồi nước sôi trong lúc người lớn nấu ăn',
  poisoning: 'Trẻ uống nhầm hóa chất để trong chai nước',
};

const OUTCOME_STORIES: Record<IncidentOutcome, string> = {
  death: 'Đã tử vong.',
  serious_injury: 'Được chuyển lên bệnh viện điều trị.',
  minor_injury: 'Được sơ cứu tại Trạm Y tế và về nhà trong ngày.',
};

/**
 * 2–6 incidents per ward and year up to yesterday, plus a drowning death in 2020 in each ward
 * (the baseline year of Decision 3246's target). Only injuries are linked to a registry child of
 * the right age living in the ward then; a death is never linked (the registry holds the child
 * as alive).
 */
export function planIncidents(input: PlanInput): PlannedIncident[] {
  const yesterday = addCalendarDays(input.today, -1);
  const out: PlannedIncident[] = [];
  for (const ward of input.wards) {
    const children = input.children.filter((c) => c.unitCode === ward.code);
    for (const year of input.years) {
      const random = new Random(deriveSeed(input.seed, 'incidents', ward.code, year));
      const count = random.int(ward.hasPool ? 3 : 2, ward.hasPool ? 6 : 5);
      const causes: IncidentCause[] = Array.from({ length: count }, () => random.weighted(CAUSES));
      if (year === 2020) causes.push('drowning');
      causes.forEach((cause, index) => {
        const profile = PROFILES[cause as keyof typeof PROFILES];
        const isBaselineDeath = year === 2020 && index === causes.length - 1;
        const month = cause === 'drowning' ? random.weighted(DROWNING_MONTHS) : random.int(1, 12);
        const occurredOn = isBaselineDeath ? isoDate(year, 7, random.int(5, 25)) : dayIn(random, year, month);
        const roll = random.float();
        const outcome: IncidentOutcome = isBaselineDeath
          ? 'death'
          : roll < profile.death
            ? 'death'
            : roll < profile.death + profile.serious
              ? 'serious_injury'
              : 'minor_injury';
        const placeType = random.weighted(profile.places);
        const hour = random.int(profile.hours[0], profile.hours[1]);
        const time = `${String(hour).padStart(2, '0')}:${String(random.int(0, 11) * 5).padStart(2, '0')}`;
        let age = random.int(profile.ages[0], profile.ages[1]);
        let sex: 'male' | 'female' | null = random.chance(profile.boys) ? 'male' : 'female';
        let childId: string | null = null;
        if (outcome !== 'death' && random.chance(0.35)) {
          const candidates = children.filter((c) => {
            if (!isPresentOn(c, occurredOn)) return false;
            const a = ageOn(c.birth, occurredOn);
            return a >= profile.ages[0] && a <= profile.ages[1];
          });
          if (candidates.length > 0) {
            const child = candidates[random.int(0, candidates.length - 1)]!;
            childId = child.id;
            age = ageOn(child.birth, occurredOn);
            sex = child.sex;
          }
        }
        if (occurredOn > yesterday) return;
        out.push({
          unitCode: ward.code,
          occurredOn,
          time,
          cause,
          placeType,
          placeDescription: placeText(random, placeType, ward, cause),
          age,
          sex,
          outcome,
          childId,
          description: `${CAUSE_STORIES[cause as keyof typeof PROFILES]}. ${OUTCOME_STORIES[outcome]}`,
          recordedBy: DemoUser.officerOf(ward.code),
        });
      });
    }
  }
  return out;
}
