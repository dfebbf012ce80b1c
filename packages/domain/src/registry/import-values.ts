import type { Sex } from '../catalogues/child-attributes';
import {
  findSpecialCircumstanceGroupByName,
  parseSpecialCircumstanceGroupCode,
  type SpecialCircumstanceGroupCode,
} from '../catalogues/special-circumstances';
import { isCalendarDate } from './date-of-birth';
import { stripNumberSeparators } from './personal-id';
import { compactFold, normaliseWhitespace } from './vietnamese-text';

/**
 * Tolerant readers for the cells of the lists officers keep in Excel: each returns the value in
 * the API's form or the key (in `validationMessages`) of what is wrong with the cell.
 */
export type CellResult<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (error: string): CellResult<never> => ({ ok: false, error });
const pad = (n: number | string, width = 2) => String(n).padStart(width, '0');

/** Excel serial numbers count days from 1899-12-30 (which absorbs Excel's 1900 leap-year bug). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EXCEL_SERIAL_MAX = 80_000;
/** Integer cells in this range are years typed as numbers, not serials (which would be 1905). */
const YEAR_MIN = 1900;
const YEAR_MAX = 2100;

function fromExcelSerial(serial: number): CellResult<string> {
  if (!(serial >= 1 && serial <= EXCEL_SERIAL_MAX)) return fail('import_date_invalid');
  const days = Math.floor(serial);
  return ok(new Date(EXCEL_EPOCH_MS + days * 86_400_000).toISOString().slice(0, 10));
}

function fromParts(day: number, month: number, year: number): CellResult<string> {
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (isCalendarDate(iso)) return ok(iso);
  // 03/25/2015 is month-first (a sheet saved with US settings): say so rather than guess.
  if (isCalendarDate(`${pad(year, 4)}-${pad(day)}-${pad(month)}`)) return fail('import_date_month_first');
  return fail('import_date_invalid');
}

/**
 * Reads a date cell: `dd/MM/yyyy`, `d/M/yyyy`, `dd-MM-yyyy`, `dd.MM.yyyy` (day first, as written
 * in Việt Nam), `yyyy-MM-dd`, a bare year (`2015` → `"2015"`, a year-only date of birth), an
 * Excel serial number (days since 1899-12-30, 1–80000; the time of day is dropped) or a Date
 * (its local calendar day, rounded to the nearest midnight because spreadsheet libraries return
 * dates a few seconds or hours off midnight). Two-digit years are refused as ambiguous.
 */
export function parseImportDate(value: unknown): CellResult<string> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail('import_date_invalid');
    const rounded = new Date(value.getTime() + 12 * 3_600_000);
    const local = new Date(rounded.getFullYear(), rounded.getMonth(), rounded.getDate());
    return ok(`${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`);
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= YEAR_MIN && value <= YEAR_MAX) return ok(String(value));
    return fromExcelSerial(value);
  }
  if (typeof value !== 'string') return fail('import_date_invalid');
  const text = normaliseWhitespace(value).replace(/\s*([/.-])\s*/g, '$1');
  if (/^\d{4}$/.test(text)) return ok(text);
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (match) {
    const iso = `${match[1]}-${pad(match[2]!)}-${pad(match[3]!)}`;
    return isCalendarDate(iso) ? ok(iso) : fail('import_date_invalid');
  }
  match = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text);
  if (match) return fromParts(Number(match[1]), Number(match[3]), Number(match[4]));
  if (/^\d{5}(\.\d+)?$/.test(text)) return fromExcelSerial(Number(text));
  return fail('import_date_invalid');
}

const SEX_WORDS: Record<string, Sex> = {
  nam: 'male',
  m: 'male',
  male: 'male',
  boy: 'male',
  trai: 'male',
  contrai: 'male',
  '1': 'male',
  nu: 'female',
  f: 'female',
  female: 'female',
  girl: 'female',
  gai: 'female',
  congai: 'female',
  '2': 'female',
};

/**
 * Reads a sex cell: Nam / Nữ with or without diacritics, M / F, male / female, trai / gái, and the
 * statistics office's census codes 1 (male) and 2 (female). `0` is refused: lists disagree on it.
 */
export function parseSex(value: unknown): CellResult<Sex> {
  const key = typeof value === 'number' ? String(value) : typeof value === 'string' ? compactFold(value) : '';
  const sex = SEX_WORDS[key];
  return sex ? ok(sex) : fail('import_sex_invalid');
}

/** A group (and possibly a subgroup such as `a2`) read from an imported cell. */
export type ImportedSpecialCircumstance = { group: SpecialCircumstanceGroupCode; subgroup: string | null };

function readSpecialCircumstanceToken(token: string): ImportedSpecialCircumstance | undefined {
  const cleaned = token.replace(/^nh[oó]m\s*/iu, '').trim();
  const subgroup = /^(dd|đ|[a-z])\s*\.?\s*(\d{1,2})\)?$/iu.exec(cleaned);
  if (subgroup) {
    const group = parseSpecialCircumstanceGroupCode(subgroup[1]!);
    if (group) return { group, subgroup: `${group === 'đ' ? 'dd' : group}${Number(subgroup[2])}` };
  }
  const group = parseSpecialCircumstanceGroupCode(cleaned) ?? findSpecialCircumstanceGroupByName(cleaned);
  return group ? { group, subgroup: null } : undefined;
}

/**
 * Reads a cell listing groups of special circumstances: letters separated by commas, semicolons,
 * slashes, plus signs, "và" or new lines (`"a, c; đ"`, `"dd"`, `"Nhóm a2"`), or the groups' names written out
 * (`"Trẻ em khuyết tật"`). An empty cell is an empty list; duplicates are dropped.
 */
export function parseSpecialCircumstanceList(value: unknown): CellResult<ImportedSpecialCircumstance[]> {
  if (value === null || value === undefined) return ok([]);
  if (typeof value !== 'string') return fail('import_special_circumstance_invalid');
  const tokens = value
    .normalize('NFC')
    .split(/[,;/\n+&]/)
    .map((token) => token.trim())
    .filter((token) => token.length > 0 && token !== '-');
  const result: ImportedSpecialCircumstance[] = [];
  for (const token of tokens) {
    // "và" separates codes ("a và c") but also occurs in names ("mồ côi cả cha và mẹ").
    const whole = readSpecialCircumstanceToken(token);
    const entries = whole ? [whole] : token.split(/\s+(?:và|va)\s+/iu).map(readSpecialCircumstanceToken);
    for (const entry of entries) {
      if (!entry) return fail('import_special_circumstance_invalid');
      if (!result.some((r) => r.group === entry.group && r.subgroup === entry.subgroup)) result.push(entry);
    }
  }
  return ok(result);
}

/**
 * Reads a personal id cell. Spaces, dots and hyphens are dropped; an 11-digit value gets its
 * leading zero back, because a spreadsheet that stored the number as a number lost it and every
 * province code of the number starts with 0. Rules of the number itself: `checkPersonalId`.
 */
export function parseImportPersonalId(value: unknown): CellResult<string | null> {
  if (value === null || value === undefined) return ok(null);
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof text !== 'string') return fail('personal_id_format');
  const digits = stripNumberSeparators(text.trim()).replace(/^'/, '');
  if (digits === '') return ok(null);
  if (/^\d{11}$/.test(digits)) return ok(`0${digits}`);
  return /^\d{12}$/.test(digits) ? ok(digits) : fail('personal_id_format');
}
