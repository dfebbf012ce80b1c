import { describe, expect, it } from 'vitest';
import {
  createHolidayCalendar,
  defaultHolidayYear,
  HolidayCalendar,
  HolidayRuleSet,
  HolidayYear,
  holidayRules2019,
} from './holidays';

const dates = (year: HolidayYear, kind?: string) =>
  year.days.filter((day) => kind === undefined || day.kind === kind).map((day) => day.date);

describe('holiday rules', () => {
  it('are data: a valid, unverified rule set with the legal references', () => {
    expect(HolidayRuleSet.parse(holidayRules2019)).toEqual(holidayRules2019);
    expect(holidayRules2019.rules.map((rule) => rule.code)).toEqual([
      'tet_duong_lich',
      'tet_am_lich',
      'gio_to_hung_vuong',
      'chien_thang',
      'quoc_te_lao_dong',
      'quoc_khanh',
    ]);
    expect(holidayRules2019.rules.every((rule) => !rule.verified && rule.legalRef.includes('Art. 112'))).toBe(
      true,
    );
    expect(holidayRules2019.compensation).toMatchObject({
      verified: false,
      legalRef: expect.stringContaining('111(3)'),
    });
    // 11 days a year: 1 + 5 + 1 + 1 + 1 + 2.
    expect(holidayRules2019.rules.reduce((sum, rule) => sum + rule.offsets.length, 0)).toBe(11);
  });

  it('generate 2026: Tết from the 29th of tháng Chạp, Giỗ Tổ on a Sunday compensated on Monday', () => {
    const year = defaultHolidayYear(2026);
    expect(HolidayYear.parse(year)).toEqual(year);
    expect(year.verified).toBe(false);
    expect(dates(year, 'holiday')).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-30',
      '2026-05-01',
      '2026-09-02',
      '2026-09-03',
    ]);
    expect(year.days.filter((day) => day.kind === 'compensatory')).toEqual([
      { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', kind: 'compensatory' },
    ]);
  });

  it('compensate each weekend holiday with the next weekday not already off', () => {
    // 2022: 1/1 Saturday → Monday 3/1; 10/3 lunar = Sunday 10/4 → Monday 11/4; 30/4 Saturday and
    // 1/5 Sunday → Monday 2/5 and Tuesday 3/5; 3/9 (the default adjacent day) Saturday → Monday 5/9.
    expect(dates(defaultHolidayYear(2022), 'compensatory')).toEqual([
      '2022-01-03',
      '2022-04-11',
      '2022-05-02',
      '2022-05-03',
      '2022-09-05',
    ]);
    // Tết 2024 (Saturday 10/2): 9/2–13/2 off, the Saturday and Sunday compensated after the block.
    const tet2024 = defaultHolidayYear(2024).days.filter((day) => day.date.startsWith('2024-02'));
    expect(tet2024.map((day) => `${day.date} ${day.kind}`)).toEqual([
      '2024-02-09 holiday',
      '2024-02-10 holiday',
      '2024-02-11 holiday',
      '2024-02-12 holiday',
      '2024-02-13 holiday',
      '2024-02-14 compensatory',
      '2024-02-15 compensatory',
    ]);
  });

  it('can be switched off or changed (another adjacent day of National Day)', () => {
    const noCompensation = {
      ...holidayRules2019,
      compensation: { ...holidayRules2019.compensation, weekendHolidayGivesNextWorkingDay: false },
    };
    expect(dates(defaultHolidayYear(2022, noCompensation), 'compensatory')).toEqual([]);
    const dayBefore = {
      ...holidayRules2019,
      rules: holidayRules2019.rules.map((rule) =>
        rule.code === 'quoc_khanh' ? { ...rule, offsets: [-1, 0] } : rule,
      ),
    };
    expect(dates(defaultHolidayYear(2025, dayBefore)).filter((date) => date.startsWith('2025-09'))).toEqual([
      '2025-09-01',
      '2025-09-02',
    ]);
  });
});

describe('HolidayYear (editable yearly data)', () => {
  const notice: HolidayYear = {
    year: 2024,
    source: 'Test data: a yearly notice with a swapped Saturday',
    verified: true,
    days: [
      { date: '2024-02-08', name: 'Tết (nghỉ bù)', kind: 'compensatory' },
      { date: '2024-02-10', name: 'Tết Âm lịch', kind: 'holiday' },
      { date: '2024-02-17', name: 'Làm bù', kind: 'working_weekend' },
    ],
  };

  it('is JSON-serialisable and validated', () => {
    expect(HolidayYear.parse(JSON.parse(JSON.stringify(notice)))).toEqual(notice);
    const bad = HolidayYear.safeParse({
      ...notice,
      days: [
        { date: '2025-01-01', name: 'Wrong year', kind: 'holiday' },
        { date: '2024-02-08', name: 'A', kind: 'holiday' },
        { date: '2024-02-08', name: 'B', kind: 'holiday' },
        { date: '2024-02-14', name: 'Wednesday', kind: 'working_weekend' },
      ],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['days.0.date', 'holiday_date_year'],
      ['days.2.date', 'holiday_date_repeated'],
      ['days.3.kind', 'holiday_working_weekend'],
    ]);
  });

  it('replaces the default rules for its year only', () => {
    const calendar = createHolidayCalendar([notice]);
    expect(calendar.hasYearData(2024)).toBe(true);
    expect(calendar.hasYearData(2025)).toBe(false);
    expect(calendar.holidayYear(2024)).toEqual(notice);
    expect(calendar.findDay('2024-02-08')?.kind).toBe('compensatory');
    expect(calendar.findDay('2024-02-12')).toBeUndefined(); // removed: not in the notice
    expect(calendar.findDay('2025-01-29')?.name).toBe('Tết Âm lịch'); // 2025 from the rules
    expect(calendar.holidayYear(2025)).toEqual(defaultHolidayYear(2025));
  });

  it('refuses a year given twice', () => {
    expect(() => new HolidayCalendar([notice, notice])).toThrow(RangeError);
  });
});
