/**
 * Public holidays of Viet Nam as rules, after Bộ luật Lao động 45/2019/QH14 Art. 112(1) (in force
 * 01/01/2021), and the weekend-compensation rule of Art. 111(3). The project's legal reference
 * (`law-vn.json`) does not hold the holidays, so every rule is `verified: false` until it is
 * confirmed there. Art. 112(3) lets the Prime Minister fix each year which days make up the five
 * days of Tết and which day sits next to National Day: the offsets below are only the default
 * used when no yearly notice has been entered as a `HolidayYear`.
 *
 * `anchor`: a solar (dương lịch) or lunar (âm lịch) month and day; `offsets`: days off relative
 * to the anchor (−1 = the day before).
 */
export const HOLIDAY_RULES_2019 = {
  version: 'BLLĐ 2019',
  validFrom: '2021-01-01',
  validTo: null,
  compensation: {
    /** Art. 111(3): a holiday on the weekly rest day gives the next working day off. */
    weekendHolidayGivesNextWorkingDay: true,
    legalRef: 'Bộ luật Lao động 45/2019/QH14 Art. 111(3)',
    verified: false,
  },
  rules: [
    {
      code: 'tet_duong_lich',
      nameVi: 'Tết Dương lịch',
      nameEn: 'New Year’s Day',
      anchor: { calendar: 'solar', month: 1, day: 1 },
      offsets: [0],
      legalRef: 'Bộ luật Lao động 45/2019/QH14 Art. 112(1)(a)',
      verified: false,
    },
    {
      code: 'tet_am_lich',
      nameVi: 'Tết Âm lịch',
      nameEn: 'Lunar New Year (Tết)',
      anchor: { calendar: 'lunar', month: 1, day: 1 },
      // Five days (Art. 112(1)(b)); which five is fixed yearly by the Prime Minister (Art. 112(3)).
      // Default: the last day of the old year and the first four days of the new one.
      offsets: [-1, 0, 1, 2, 3],
      legalRef: 'Bộ luật Lao động 45/2019/QH14 Art. 112(1)(b), 112(3)',
      verified: false,
    },
    {
      code: 'gio_to_hung_vuong',
      nameVi: 'Giỗ Tổ Hùng Vương',
      nameEn: 'Hùng Kings’ Commemoration Day',
      anchor: { calendar: 'lunar', month: 3, day: 10 },
      offsets: [0],
      legalRef: 'Bộ luật Lao động 45/2019/QH14 Art. 112(1)(e)',
      verified: false,
    },
    {
      code: 'chien_thang',
      nameVi: 'Ngày Chiến thắng',
      nameEn: 'Reunification Day',
      anchor: { calendar: 'solar', month: 4, day: 30 },
      offsets: [0],
      legalRef: 'Bộ luật Lao động 45/2019/QH14 Art. 112(1)(c)',
      verified: false,
    },
    {
      code: 'quoc_te_lao_dong',
      nameVi: 'Ngày Quốc tế lao động',
      nameEn: 'International Labour Day',
      anchor: { calendar: 'solar', month: 5, day: 1 },
      offsets: [0],
      legalRef: 'Bộ luật Lao động 45/2019/QH14 Art. 112(1)(d)',
      verified: false,
    },
    {
      code: 'quoc_khanh',
      nameVi: 'Quốc khánh',
      nameEn: 'National Day',
      anchor: { calendar: 'solar', month: 9, day: 2 },
      // 2 September and one adjacent day, before or after (Art. 112(1)(đ)), fixed yearly by the
      // Prime Minister (Art. 112(3)). Default: the day after.
      offsets: [0, 1],
      legalRef: 'Bộ luật Lao động 45/2019/QH14 Art. 112(1)(đ), 112(3)',
      verified: false,
    },
  ],
} as const;
