import type {
  CaregiverRelationship,
  DisabilityLevel,
  DisabilityType,
  PovertyStatus,
} from '../catalogues/child-attributes';
import { stripNumberSeparators } from './personal-id';
import { compactFold, foldedWords, normaliseName, normaliseWhitespace } from './vietnamese-text';

/**
 * Readers for the cells of an imported list that `import-values.ts` does not cover: people's names
 * and relationships, phone numbers, poverty status and disability. Each is tolerant of the ways
 * officers type these values and says plainly when it cannot tell.
 */

/** Whether a cell holds nothing: null, undefined, or only white space. */
export function isBlankCell(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The text of a cell as an officer reads it in the sheet: numbers without grouping, dates as
 * dd/MM/yyyy (local calendar day, rounded to the nearest midnight like `parseImportDate`), booleans
 * as TRUE/FALSE, white space collapsed. Blank cells give `""`.
 */
export function importCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const rounded = new Date(value.getTime() + 12 * 3_600_000);
    return `${pad(rounded.getDate())}/${pad(rounded.getMonth() + 1)}/${rounded.getFullYear()}`;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return normaliseWhitespace(String(value));
}

/**
 * A person's name as typed, white space collapsed. A name typed all in capitals or all in lower
 * case (`NGUYỄN VĂN AN`, `nguyen van an`) is put in title case; a name in mixed case is kept as
 * typed, because its capitals were chosen by someone.
 */
export function readPersonName(text: string): string {
  const collapsed = normaliseWhitespace(text.replace(/[’‘`´ʼ]/g, "'"));
  const isSingleCase = collapsed === collapsed.toUpperCase() || collapsed === collapsed.toLowerCase();
  return isSingleCase ? normaliseName(collapsed) : collapsed;
}

/** A relationship word as written before or after a name, lower case, with or without diacritics. */
const RELATIONSHIP_WORDS: Record<string, CaregiverRelationship> = {
  bố: 'father',
  bo: 'father',
  cha: 'father',
  ba: 'father',
  mẹ: 'mother',
  me: 'mother',
  má: 'mother',
  ma: 'mother',
  ông: 'grandparent',
  ong: 'grandparent',
  bà: 'grandparent',
  anh: 'sibling',
  chị: 'sibling',
  chi: 'sibling',
  cô: 'relative',
  co: 'relative',
  dì: 'relative',
  di: 'relative',
  chú: 'relative',
  chu: 'relative',
  bác: 'relative',
  bac: 'relative',
  cậu: 'relative',
  cau: 'relative',
  mợ: 'relative',
  mo: 'relative',
  thím: 'relative',
  thim: 'relative',
  'giám hộ': 'guardian',
  'giam ho': 'guardian',
  'người giám hộ': 'guardian',
  'nguoi giam ho': 'guardian',
};

/**
 * Words that may open a name without a colon ("Bố Nguyễn Văn Hùng", "bà ngoại Lê Thị Lan"). Words
 * that are also family names (Ông, Chu, Cao…) need a colon ("Ông: Ông Văn Tùng") to be read as a
 * relationship.
 */
const PREFIXES_WITHOUT_COLON = /^(bố|mẹ|bà nội|bà ngoại|ông nội|ông ngoại|bà)\s+(?=\S)/u;

function relationshipOf(word: string): CaregiverRelationship | undefined {
  const key = normaliseWhitespace(word)
    .toLowerCase()
    .replace(/\s+(nội|ngoại|noi|ngoai|ruột|ruot|nuôi|nuoi)$/u, '');
  return RELATIONSHIP_WORDS[key];
}

/** A person named in a caregiver cell, with the relationship written next to the name, if any. */
export type NamedPerson = { fullName: string; relationship: CaregiverRelationship | null };

/**
 * Reads one person: `"Nguyễn Văn Hùng"`, `"Bố: Nguyễn Văn Hùng"`, `"Mẹ Lê Thị Lan"`,
 * `"Lê Thị Hoa (bà ngoại)"`.
 */
function readNamedPerson(part: string): NamedPerson {
  let text = normaliseWhitespace(part);
  let relationship: CaregiverRelationship | null = null;
  const suffix = /\s*\(([^)]*)\)\s*$/u.exec(text);
  if (suffix) {
    const found = relationshipOf(suffix[1]!);
    if (found) {
      relationship = found;
      text = text.slice(0, suffix.index);
    }
  }
  const colon = /^([^:]{1,20}):\s*(.+)$/u.exec(text);
  if (colon && relationshipOf(colon[1]!)) {
    relationship ??= relationshipOf(colon[1]!)!;
    text = colon[2]!;
  } else {
    const prefix = PREFIXES_WITHOUT_COLON.exec(text.toLowerCase());
    if (prefix) {
      relationship ??= relationshipOf(prefix[1]!)!;
      text = text.slice(prefix[0].length);
    }
  }
  return { fullName: readPersonName(text), relationship };
}

/** Splits a cell naming several people: slashes, semicolons, commas, new lines, " - " or "và". */
export function readNamedPeople(text: string): NamedPerson[] {
  return text
    .split(/[/;,\n]|\s+-\s+|\s+(?:và|va)\s+/u)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map(readNamedPerson);
}

/**
 * Father or mother from the middle name, the old naming custom: "Thị" is a woman's middle name and
 * "Văn" a man's. Undefined when the name does not tell.
 */
export function parentFromMiddleName(fullName: string): 'father' | 'mother' | undefined {
  const middle = foldedWords(fullName).slice(1, -1);
  if (middle.includes('thi')) return 'mother';
  if (middle.includes('van')) return 'father';
  return undefined;
}

/**
 * A phone number in the form `ContactPhone` validates: a number cell lost its leading zero
 * (`912345678` → `0912345678`, mobile and landline numbers have 9 digits after the 0).
 */
export function readPhone(value: unknown): string {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : importCellText(value);
  const digits = stripNumberSeparators(text).replace(/^'/, '');
  return /^[1-9]\d{8}$/.test(digits) ? `0${digits}` : digits;
}

/** Cell values that mean "no" in a yes/no or optional column. */
const NO_WORDS = new Set(['khong', 'k', 'ko', 'no', 'none', '0', 'khongco']);
/** Cell values that mean "yes": a tick, an x, "có". */
const YES_WORDS = new Set(['x', 'co', 'yes', '1', 'v', '✓', '✔']);

/** Whether a cell means "no" (`Không`, `0`, `-`). */
export function isNoValue(text: string): boolean {
  const key = compactFold(text);
  return key === '' ? /^[-–—]+$/.test(text.trim()) : NO_WORDS.has(key);
}

/**
 * Reads a poverty status: "Hộ nghèo", "nghèo", "HN", "Hộ cận nghèo", "cận nghèo", "CN", "Không",
 * optionally with the year of the review ("Hộ nghèo 2024"). A tick or "x" is read from the header
 * of its column ("Hộ cận nghèo"); under a header naming both, it cannot be told and is refused.
 */
export function readPovertyStatus(
  text: string,
  header: string,
): { ok: true; status: PovertyStatus; year: number | null } | { ok: false } {
  const year = /\b(20\d{2})\b/.exec(text);
  const key = compactFold(text.replace(/\b20\d{2}\b/, ''));
  const result = (status: PovertyStatus) => ({
    ok: true as const,
    status,
    year: year ? Number(year[1]) : null,
  });
  if (key.includes('khong') || isNoValue(text)) return result('none');
  if (key.includes('canngheo') || key === 'cn' || key === 'hcn' || key === 'nearpoor')
    return result('near_poor');
  if (key.includes('ngheo') || key === 'hn' || key === 'poor') return result('poor');
  if (YES_WORDS.has(key) || /^[✓✔]$/u.test(text.trim())) {
    const column = compactFold(header);
    const isNearPoor = column.includes('canngheo');
    const isPoor = /(^|ho)ngheo/.test(column.replace('canngheo', ''));
    if (isNearPoor && !isPoor) return result('near_poor');
    if (isPoor && !isNearPoor) return result('poor');
  }
  return { ok: false };
}

const DISABILITY_TYPE_RULES: ReadonlyArray<readonly [RegExp, DisabilityType]> = [
  [/\bvan dong\b|\bmobility\b|\bphysical\b/, 'mobility'],
  [/\bnghe\b|\bnoi\b|\bdiec\b|\bcam\b|\bhearing\b|\bspeech\b/, 'hearing_speech'],
  [/\bnhin\b|\bthi giac\b|\bkhiem thi\b|\bmu\b|\bvisual\b/, 'visual'],
  [/\bthan kinh\b|\btam than\b|\bmental\b|\bpsychosocial\b/, 'mental'],
  [/\btri tue\b|\bintellectual\b/, 'intellectual'],
];

/**
 * Reads a disability cell: the type in words ("Khuyết tật vận động", "nghe nói", "trí tuệ"), and
 * the level if written ("nặng", "đặc biệt nặng", "nhẹ"). `isClear` is false when the cell says a
 * disability without one known type (a tick, "Có", two types, an unknown word): the type is then
 * `other` and the caller keeps the text.
 */
export function readDisability(
  text: string,
): { type: DisabilityType; level: DisabilityLevel | null; isClear: boolean; isYesMark: boolean } | null {
  if (isNoValue(text)) return null;
  const words = ` ${foldedWords(text).join(' ')} `;
  const types = DISABILITY_TYPE_RULES.filter(([pattern]) => pattern.test(words)).map(([, type]) => type);
  const isExplicitOther = /\bkhac\b|\bother\b/.test(words);
  const level: DisabilityLevel | null = /\bdac biet nang\b/.test(words)
    ? 'especially_severe'
    : /\bnang\b|\bsevere\b/.test(words)
      ? 'severe'
      : /\bnhe\b|\bmild\b/.test(words)
        ? 'mild'
        : null;
  const isYesMark = YES_WORDS.has(compactFold(text));
  if (types.length === 1 && !isExplicitOther) return { type: types[0]!, level, isClear: true, isYesMark };
  if (types.length === 0 && isExplicitOther) return { type: 'other', level, isClear: true, isYesMark };
  return { type: 'other', level, isClear: false, isYesMark };
}
