/**
 * The Vietnamese lunisolar calendar (âm lịch), after Hồ Ngọc Đức's published algorithm
 * ("Thuật toán tính âm lịch"): new moons and solar terms from Jean Meeus' low-precision formulas,
 * computed for the meridian of UTC+7. The Vietnamese calendar differs from the Chinese one
 * (UTC+8) in some years: Tết 1985 fell on 21 January in Viet Nam and 20 February in China, Tết
 * 2007 on 17 February against 18. Accurate for the years 1800–2199, the range accepted here.
 *
 * Rules: a lunar month starts on the local day of a new moon; month 11 holds the winter solstice;
 * a year with 13 months between two months 11 repeats the first month that holds no major solar
 * term (the leap month, tháng nhuận).
 */

/** The offset of the Vietnamese calendar's meridian from UTC, in hours. */
export const LUNAR_TIME_ZONE = 7;

export const LUNAR_MIN_YEAR = 1800;
export const LUNAR_MAX_YEAR = 2199;

/** A date of the lunar calendar; `leap` marks the repeated month of a 13-month year. */
export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01 (the epoch of the new-moon count `k`). */
const NEW_MOON_EPOCH = 2415021.076998695;

/** Julian day number of a Gregorian (or, before 1582-10-15, Julian) calendar date. */
export function julianDayNumber(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const jd =
    day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045;
  if (jd < 2299161) return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083;
  return jd;
}

/** The calendar date `YYYY-MM-DD` of a Julian day number. */
export function dateOfJulianDayNumber(jd: number): string {
  let b: number;
  let c: number;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = Math.floor((4 * a + 3) / 146097);
    c = a - Math.floor((b * 146097) / 4);
  } else {
    b = 0;
    c = jd + 32082;
  }
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = b * 100 + d - 4800 + Math.floor(m / 10);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Julian day (with fraction, UT) of the k-th new moon after 1900-01-01 (Meeus, ch. 49, abridged). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Apparent longitude of the sun (radians, 0…2π) at a Julian day (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  const L = (L0 + DL) * dr;
  return L - Math.PI * 2 * Math.floor(L / (Math.PI * 2));
}

/** The major solar term (0…11, 30° each from the vernal equinox) at local midnight of a day. */
function solarTermOf(dayNumber: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - LUNAR_TIME_ZONE / 24) / Math.PI) * 6);
}

/** The local day number (Julian day number) of the k-th new moon. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + LUNAR_TIME_ZONE / 24);
}

/** Julian day number of the first day of lunar month 11 (the solstice month) of a solar year. */
function lunarMonth11(year: number): number {
  const off = julianDayNumber(31, 12, year) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  // The month starting after the solstice (term 9 = 270°) is month 12, not 11.
  return solarTermOf(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** Position (1…13) after month 11 of the leap month of a 13-month year starting at `a11`. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = solarTermOf(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = solarTermOf(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`Lunar calendar: year ${year} outside ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
  }
}

/** The lunar date of a solar date `YYYY-MM-DD`. */
export function solarToLunar(date: string): LunarDate {
  const [yy = 0, mm = 0, dd = 0] = date.split('-').map(Number);
  assertYear(yy);
  const dayNumber = julianDayNumber(dd, mm, yy);
  // The mean-moon estimate can land one lunation late (the true new moon falls up to ~14 hours
  // from the mean one): step back until the month starts on or before the day (2054-05-07).
  let k = Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
  let monthStart = newMoonDay(k);
  while (monthStart > dayNumber) {
    k -= 1;
    monthStart = newMoonDay(k);
  }
  let a11 = lunarMonth11(yy);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = yy;
    a11 = lunarMonth11(yy - 1);
  } else {
    year = yy + 1;
    b11 = lunarMonth11(yy + 1);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { year, month, day, leap };
}

/**
 * The solar date `YYYY-MM-DD` of a lunar date, or undefined when the month is marked leap but
 * that year's leap month is another one (or the year has none).
 */
export function lunarToSolar(lunar: LunarDate): string | undefined {
  const { year, month, day, leap } = lunar;
  assertYear(year);
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1);
    b11 = lunarMonth11(year);
  } else {
    a11 = lunarMonth11(year);
    b11 = lunarMonth11(year + 1);
  }
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return undefined;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return undefined;
  }
  return dateOfJulianDayNumber(newMoonDay(k + off) + day - 1);
}

/** The solar date of a (non-leap) lunar day in a lunar year; throws if it does not exist. */
export function getSolarDateOfLunar(year: number, month: number, day: number): string {
  const date = lunarToSolar({ year, month, day, leap: false });
  if (date === undefined || solarToLunar(date).day !== day) {
    throw new RangeError(`Lunar date ${day}/${month}/${year} does not exist`);
  }
  return date;
}

/** The solar date of Tết Nguyên đán (1st day of the 1st lunar month) of a year. */
export function lunarNewYear(year: number): string {
  return getSolarDateOfLunar(year, 1, 1);
}

/** The leap month (1…12) of a lunar year, or undefined in a 12-month year. */
export function findLeapMonth(year: number): number | undefined {
  for (let month = 1; month <= 12; month++) {
    if (lunarToSolar({ year, month, day: 1, leap: true }) !== undefined) return month;
  }
  return undefined;
}
