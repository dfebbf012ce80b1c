import { addCalendarDays, birthRangeForAges } from '@tuoitho/domain';
import { deriveSeed, Random } from '../../children/generate-data/random';
import {
  committeeOf,
  DEMO_PROVINCE_CODE,
  type DemoChild,
  DemoUser,
  type DemoWard,
  dayIn,
  isoDate,
  isPresentOn,
  millions,
  nextWeekday,
  type PlanInput,
  type PlannedActivity,
  type PlannedBudget,
  type PlannedParticipant,
  shuffled,
  spentOf,
  weekdaysFrom,
} from './demo-plan';
import { ACTION_MONTH_THEMES } from './plan-documents';

/**
 * The demo activities: swimming classes every summer with named children of the registry (aged
 * 6–15 on the first day), attendance per session and outcomes; the Action Month's festival, gift
 * giving and communication event; summer recreation; life-skills classes; officer trainings.
 * Children the registry no longer holds (now 16 or older) are counted as "other children".
 */

/** Share of sessions a child must attend to complete a course. */
const COMPLETION_ATTENDANCE = 0.7;
/** Most children attend nearly every session; a few drop out halfway. */
const DROP_OUT_SHARE = 0.08;

type Ctx = { input: PlanInput; ward: DemoWard; children: readonly DemoChild[] };

const budget = (
  random: Random,
  source: PlannedBudget['source'],
  min: number,
  max: number,
  isDone: boolean,
) => {
  const plannedVnd = millions(random, min, max);
  return { source, plannedVnd, spentVnd: isDone ? spentOf(random, plannedVnd, false) : 0 };
};

/** Children of the ward in the registry on `on`, aged [fromAge, toAge) then. */
function eligibleOn(children: readonly DemoChild[], on: string, fromAge: number, toAgeExclusive: number) {
  const { bornAfter, bornOnOrBefore } = birthRangeForAges(on, fromAge, toAgeExclusive);
  return children.filter((c) => c.birth > bornAfter && c.birth <= bornOnOrBefore && isPresentOn(c, on));
}

/**
 * Attendance of each named child at the sessions held by today, and the outcome when the course
 * is over: completed with ≥ 70 % attendance (nearly always), and for swimming the two tests.
 */
function rollCall(
  random: Random,
  named: readonly DemoChild[],
  days: readonly string[],
  today: string,
  opts: { swimSafeRate: number | null },
) {
  const held = days.filter((d) => d <= today).length;
  const isOver = held === days.length;
  const attendance: PlannedActivity['attendance'] = [];
  const participants: PlannedParticipant[] = [];
  for (const child of named) {
    const rate = random.chance(DROP_OUT_SHARE) ? 0.3 + random.float() * 0.4 : 0.86 + random.float() * 0.14;
    let present = 0;
    for (let seq = 1; seq <= held; seq++) {
      const isPresent = random.chance(rate);
      if (isPresent) present++;
      attendance.push({ childId: child.id, seq, present: isPresent });
    }
    if (!isOver) {
      participants.push({
        childId: child.id,
        completed: null,
        swimSafe: null,
        waterSafety: null,
        assessedOn: null,
        note: null,
      });
      continue;
    }
    const attendedEnough = present / days.length >= COMPLETION_ATTENDANCE;
    const completed = attendedEnough && random.chance(0.96);
    const isSwimming = opts.swimSafeRate !== null;
    const swimSafe = isSwimming ? completed && random.chance(opts.swimSafeRate!) : null;
    participants.push({
      childId: child.id,
      completed,
      swimSafe,
      waterSafety: isSwimming ? completed : null,
      assessedOn: days.at(-1)!,
      note: completed
        ? isSwimming && !swimSafe
          ? 'Chưa đạt bài kiểm tra bơi an toàn, cần học tiếp'
          : null
        : attendedEnough
          ? 'Vắng buổi kiểm tra cuối khóa'
          : 'Nghỉ nhiều buổi, chưa hoàn thành khóa học',
    });
  }
  return { attendance, participants };
}

/** One to three swimming classes each summer (June–July), on consecutive weekdays. */
function swimmingClasses(ctx: Ctx, swimSafe: Set<string>): PlannedActivity[] {
  const { input, ward } = ctx;
  const activities: PlannedActivity[] = [];
  for (const year of input.years) {
    const random = new Random(deriveSeed(input.seed, 'swimming', ward.code, year));
    const classes = year < 2021 ? 1 : random.int(2, 3);
    const takenThisYear = new Set<string>();
    for (let i = 0; i < classes; i++) {
      const days = weekdaysFrom(
        addCalendarDays(isoDate(year, 6, 3 + random.int(0, 4)), i * 18),
        random.int(8, 12),
      );
      const startsOn = days[0]!;
      if (startsOn > input.today) break;
      const size = random.int(20, 35);
      const pool = eligibleOn(ctx.children, startsOn, 6, 16).filter(
        (c) => !swimSafe.has(c.id) && !takenThisYear.has(c.id),
      );
      const named = shuffled(random, pool).slice(0, size);
      for (const c of named) takenThisYear.add(c.id);
      const { attendance, participants } = rollCall(random, named, days, input.today, {
        swimSafeRate: 0.7 + random.float() * 0.15,
      });
      for (const p of participants) if (p.swimSafe) swimSafe.add(p.childId);
      const isDone = days.at(-1)! <= input.today;
      const hasPool = ward.hasPool && year >= 2018;
      const isProgramme = year >= 2021;
      activities.push({
        unitCode: ward.code,
        programmeKey: isProgramme ? 'drowning' : `am/${ward.code}/${year}`,
        kind: 'swimming_class',
        title: `Lớp dạy bơi an toàn cho trẻ em hè ${year} – lớp ${i + 1}`,
        startsOn,
        endsOn: days.at(-1)!,
        place: hasPool
          ? `Bể bơi ${ward.fullName.replace('Phường', 'phường')}`
          : `Bể bơi di động đặt tại ${ward.schools.primary[0]}`,
        organisers: isProgramme
          ? `Hội Liên hiệp Phụ nữ tỉnh; ${committeeOf(ward, startsOn)}`
          : `${committeeOf(ward, startsOn)}; Đoàn Thanh niên`,
        description:
          'Dạy kỹ năng an toàn trong môi trường nước và bơi an toàn cho trẻ em 6 đến dưới 16 tuổi.',
        otherParticipants: [
          ...(size > named.length
            ? [{ group: 'children_unregistered' as const, count: size - named.length }]
            : []),
          { group: 'volunteers', count: random.int(2, 4) },
        ],
        budgets: [
          budget(random, 'state_budget', 12, 25, isDone),
          ...(random.chance(0.5) ? [budget(random, 'sponsor', 5, 15, isDone)] : []),
        ],
        sessions: days.map((heldOn, index) => ({
          heldOn,
          topic:
            index === 0
              ? 'Làm quen với nước, kỹ năng an toàn khi ở gần nước'
              : index === days.length - 1
                ? 'Kiểm tra cuối khóa: bơi an toàn, kỹ năng an toàn trong môi trường nước'
                : 'Tập kỹ thuật bơi',
        })),
        participants,
        attendance,
        recordedBy: isProgramme ? DemoUser.partner : DemoUser.officerOf(ward.code),
      });
    }
  }
  return activities;
}

/** The festival, gift giving and communication event of each June's Action Month. */
function actionMonthEvents(ctx: Ctx): PlannedActivity[] {
  const { input, ward } = ctx;
  const scale = ward.hasPool ? 1 : 0.6;
  const activities: PlannedActivity[] = [];
  for (const year of input.years) {
    const random = new Random(deriveSeed(input.seed, 'action-month', ward.code, year));
    const programmeKey = `am/${ward.code}/${year}`;
    const theme = ACTION_MONTH_THEMES[year];
    const officer = DemoUser.officerOf(ward.code);
    const festivalOn = isoDate(year, 5, 30 + random.int(0, 1));
    const organisers = (on: string) => `${committeeOf(ward, on)}; Đoàn Thanh niên; Hội Liên hiệp Phụ nữ`;
    activities.push({
      unitCode: ward.code,
      programmeKey,
      kind: 'festival',
      title: `Ngày hội thiếu nhi và phát động Tháng hành động vì trẻ em năm ${year}`,
      startsOn: festivalOn,
      endsOn: festivalOn,
      place: `Nhà văn hóa ${ward.fullName.replace('Phường', 'phường')}`,
      organisers: organisers(festivalOn),
      description: theme
        ? `Chủ đề: “${theme}”.`
        : 'Văn nghệ, trò chơi dân gian, phát động Tháng hành động vì trẻ em.',
      otherParticipants: [
        { group: 'children_unregistered', count: Math.round(random.int(300, 700) * scale) },
        { group: 'parents', count: Math.round(random.int(80, 250) * scale) },
        { group: 'officers', count: random.int(15, 30) },
        { group: 'volunteers', count: random.int(10, 30) },
      ],
      budgets: [
        budget(random, 'state_budget', 10, 25, true),
        budget(random, 'mobilised', 5, 20, true),
        ...(random.chance(0.4) ? [budget(random, 'sponsor', 5, 20, true)] : []),
      ],
      sessions: [{ heldOn: festivalOn, topic: null }],
      participants: [],
      attendance: [],
      recordedBy: officer,
    });
    const giftOn = dayIn(random, year, 6, 2, 10);
    const gifted = shuffled(
      random,
      eligibleOn(ctx.children, giftOn, 0, 16).filter((c) => c.isPriority),
    ).slice(0, Math.round(random.int(25, 45) * scale));
    const giftCount = Math.round(random.int(40, 70) * scale);
    activities.push({
      unitCode: ward.code,
      programmeKey,
      kind: 'gift_giving',
      title: `Thăm hỏi, tặng quà trẻ em có hoàn cảnh đặc biệt, trẻ em nghèo năm ${year}`,
      startsOn: giftOn,
      endsOn: giftOn,
      place: `Hội trường ${committeeOf(ward, giftOn)}`,
      organisers: organisers(giftOn),
      description: 'Mỗi suất quà gồm tiền mặt, sách vở và đồ dùng học tập.',
      otherParticipants: [
        ...(giftCount > gifted.length
          ? [{ group: 'children_unregistered' as const, count: giftCount - gifted.length }]
          : []),
        { group: 'officers', count: random.int(5, 12) },
      ],
      budgets: [budget(random, 'sponsor', 10, 35, true), budget(random, 'mobilised', 8, 25, true)],
      sessions: [{ heldOn: giftOn, topic: null }],
      participants: gifted.map((c) => ({
        childId: c.id,
        completed: null,
        swimSafe: null,
        waterSafety: null,
        assessedOn: null,
        note: null,
      })),
      attendance: [],
      recordedBy: officer,
    });
    const eventOn = dayIn(random, year, 6, 12, 26);
    activities.push({
      unitCode: ward.code,
      programmeKey,
      kind: 'communication_event',
      title: `Hội thi tìm hiểu quyền và bổn phận của trẻ em năm ${year}`,
      startsOn: eventOn,
      endsOn: eventOn,
      place: ward.schools.lowerSecondary[year % ward.schools.lowerSecondary.length]!,
      organisers: organisers(eventOn),
      description: 'Thi tìm hiểu Luật Trẻ em, kỹ năng phòng, chống xâm hại, tai nạn, thương tích.',
      otherParticipants: [
        { group: 'children_unregistered', count: Math.round(random.int(150, 350) * scale) },
        { group: 'teachers', count: random.int(10, 25) },
        { group: 'parents', count: random.int(20, 60) },
      ],
      budgets: [budget(random, 'state_budget', 3, 8, true)],
      sessions: [{ heldOn: eventOn, topic: null }],
      participants: [],
      attendance: [],
      recordedBy: officer,
    });
  }
  return activities.filter((a) => a.startsOn <= input.today);
}

/** Summer recreation, life-skills classes and a training of officers and volunteers each year. */
function yearlyActivities(ctx: Ctx): PlannedActivity[] {
  const { input, ward } = ctx;
  const officer = DemoUser.officerOf(ward.code);
  const activities: PlannedActivity[] = [];
  for (const year of input.years) {
    const random = new Random(deriveSeed(input.seed, 'yearly', ward.code, year));
    const isAbuseProgramme = year >= 2020 && year <= 2025;
    const trainingDays = weekdaysFrom(dayIn(random, year, 3, 2, 25), random.int(1, 2));
    activities.push({
      unitCode: ward.code,
      programmeKey: isAbuseProgramme ? `abuse/${ward.code}` : null,
      kind: 'officer_training',
      title: `Tập huấn nghiệp vụ bảo vệ trẻ em cho cán bộ, cộng tác viên năm ${year}`,
      startsOn: trainingDays[0]!,
      endsOn: trainingDays.at(-1)!,
      place: `Hội trường ${committeeOf(ward, trainingDays[0]!)}`,
      organisers: committeeOf(ward, trainingDays[0]!),
      description:
        'Quy trình hỗ trợ, can thiệp trẻ em bị xâm hại; ghi chép sổ theo dõi trẻ em; phòng, chống đuối nước.',
      otherParticipants: [
        { group: 'officers', count: random.int(12, 20) },
        { group: 'volunteers', count: ward.groups - random.int(0, 4) },
      ],
      budgets: [budget(random, 'state_budget', 5, 12, true)],
      sessions: trainingDays.map((heldOn) => ({ heldOn, topic: null })),
      participants: [],
      attendance: [],
      recordedBy: officer,
    });
    const recreationOn = nextWeekday(dayIn(random, year, 7, 1, 10));
    const recreationEnds = addCalendarDays(recreationOn, random.int(20, 40));
    activities.push({
      unitCode: ward.code,
      programmeKey: year >= 2021 ? 'nap' : null,
      kind: 'recreation',
      title: `Sinh hoạt hè cho thiếu nhi tại các tổ dân phố năm ${year}`,
      startsOn: recreationOn,
      endsOn: recreationEnds,
      place: 'Nhà văn hóa các tổ dân phố',
      organisers: 'Đoàn Thanh niên phường',
      description: 'Trò chơi dân gian, đọc sách, thể dục thể thao vào các tối thứ Bảy.',
      otherParticipants: [
        { group: 'children_unregistered', count: random.int(150, 400) },
        { group: 'volunteers', count: random.int(15, 35) },
      ],
      budgets: [budget(random, 'mobilised', 3, 10, recreationEnds <= input.today)],
      sessions: [{ heldOn: recreationOn, topic: 'Khai mạc sinh hoạt hè' }],
      participants: [],
      attendance: [],
      recordedBy: officer,
    });
    const classes = random.int(1, 2);
    for (let i = 0; i < classes; i++) {
      const days = weekdaysFrom(addCalendarDays(dayIn(random, year, 7, 13, 20), i * 14), random.int(4, 6));
      const named = shuffled(random, eligibleOn(ctx.children, days[0]!, 8, 16)).slice(0, random.int(25, 40));
      const { attendance, participants } = rollCall(random, named, days, input.today, { swimSafeRate: null });
      const topic = isAbuseProgramme
        ? 'nhận biết và phòng, chống xâm hại, bạo lực'
        : year % 2 === 0
          ? 'phòng, chống tai nạn, thương tích'
          : 'an toàn trên môi trường mạng';
      activities.push({
        unitCode: ward.code,
        programmeKey: isAbuseProgramme ? `abuse/${ward.code}` : year >= 2021 ? 'nap' : null,
        kind: 'life_skills_class',
        title: `Lớp kỹ năng sống: ${topic} (hè ${year}, lớp ${i + 1})`,
        startsOn: days[0]!,
        endsOn: days.at(-1)!,
        place: ward.schools.primary[(year + i) % ward.schools.primary.length]!,
        organisers: `${committeeOf(ward, days[0]!)}; Đoàn Thanh niên`,
        description: `Kỹ năng ${topic} cho trẻ em 8 đến dưới 16 tuổi.`,
        otherParticipants: [
          ...(named.length < 25
            ? [{ group: 'children_unregistered' as const, count: 25 - named.length }]
            : []),
          { group: 'teachers', count: random.int(1, 3) },
        ],
        budgets: [budget(random, 'state_budget', 4, 10, days.at(-1)! <= input.today)],
        sessions: days.map((heldOn, index) => ({ heldOn, topic: index === 0 ? 'Khai giảng' : null })),
        participants,
        attendance,
        recordedBy: officer,
      });
    }
  }
  return activities.filter((a) => a.startsOn <= input.today);
}

/** The province's yearly training of swimming instructors under the drowning programme. */
function provinceTrainings(input: PlanInput): PlannedActivity[] {
  return input.years
    .filter((year) => year >= 2022)
    .map((year) => {
      const random = new Random(deriveSeed(input.seed, 'province-training', year));
      const first = nextWeekday(dayIn(random, year, 4, 5, 20));
      const days = weekdaysFrom(first, 2);
      return {
        unitCode: DEMO_PROVINCE_CODE,
        programmeKey: 'drowning',
        kind: 'officer_training' as const,
        title: `Tập huấn hướng dẫn viên, giáo viên dạy bơi an toàn cho trẻ em năm ${year}`,
        startsOn: days[0]!,
        endsOn: days[1]!,
        place: 'Thành phố Thanh Hóa',
        organisers: 'Sở Văn hóa, Thể thao và Du lịch; Hội Liên hiệp Phụ nữ tỉnh',
        description: 'Phương pháp dạy bơi an toàn và kỹ năng an toàn trong môi trường nước cho trẻ em.',
        otherParticipants: [
          { group: 'teachers' as const, count: random.int(40, 70) },
          { group: 'officers' as const, count: random.int(8, 15) },
        ],
        budgets: [budget(random, 'state_budget', 40, 80, true)],
        sessions: days.map((heldOn) => ({ heldOn, topic: null })),
        participants: [],
        attendance: [],
        recordedBy: DemoUser.province,
      };
    })
    .filter((a) => a.startsOn <= input.today);
}

/** Every demo activity held or begun up to today. */
export function planActivities(input: PlanInput): PlannedActivity[] {
  const activities: PlannedActivity[] = [...provinceTrainings(input)];
  for (const ward of input.wards) {
    const ctx: Ctx = { input, ward, children: input.children.filter((c) => c.unitCode === ward.code) };
    activities.push(...swimmingClasses(ctx, new Set()), ...actionMonthEvents(ctx), ...yearlyActivities(ctx));
  }
  return activities;
}
