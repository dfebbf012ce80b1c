import { z } from 'zod';
import type { CaregiverRelationship, Sex } from '../catalogues/child-attributes';
import { findEthnicGroup } from '../catalogues/ethnic-groups';
import { validationMessages } from '../common';
import { CreateChildRequest } from './child';
import { ContactPhone, InsuranceCardNumber } from './child-parts';
import { ageAt, CHILD_AGE_LIMIT, parseDateOfBirth } from './date-of-birth';
import type { ImportColumnMapping, ImportIssueSeverity } from './import-api';
import {
  importCellText,
  isBlankCell,
  isNoValue,
  parentFromMiddleName,
  readDisability,
  readNamedPeople,
  readPersonName,
  readPhone,
  readPovertyStatus,
} from './import-cells';
import { type ImportField, importFieldLabels, mapImportHeaders } from './import-headers';
import {
  parseImportDate,
  parseImportPersonalId,
  parseSex,
  parseSpecialCircumstanceList,
} from './import-values';
import { checkPersonalId } from './personal-id';
import { compactFold, foldedWords } from './vietnamese-text';

export { importCellText, isBlankCell } from './import-cells';

/**
 * Every code `readImportRow` gives itself; each is a key of `validationMessages`. Values that pass
 * these checks but fail `CreateChildRequest` get that schema's message key (`person_name`, `phone`…)
 * or, for zod's own messages, `import_too_long` / `import_value_invalid`.
 */
export const ImportRowIssueCode = z.enum([
  'import_full_name_required',
  'import_date_of_birth_required',
  'import_sex_required',
  'import_date_invalid',
  'import_date_month_first',
  'import_sex_invalid',
  'date_of_birth_future',
  'import_child_too_old',
  'personal_id_format',
  'personal_id_province',
  'personal_id_sex',
  'personal_id_century',
  'personal_id_birth_year',
  'import_ethnicity_unknown',
  'import_special_circumstance_invalid',
  'import_poverty_invalid',
  'import_phone_invalid',
  'import_insurance_card_invalid',
  'import_disability_unclear',
  'import_parent_relationship_unknown',
  'import_too_long',
  'import_value_invalid',
]);
export type ImportRowIssueCode = z.infer<typeof ImportRowIssueCode>;

/** Codes that are warnings: the row is imported, the officer is told what was assumed. */
const WARNING_CODES: ReadonlySet<string> = new Set<ImportRowIssueCode>([
  'import_phone_invalid',
  'import_insurance_card_invalid',
  'import_disability_unclear',
  'import_parent_relationship_unknown',
]);

/** A problem in one cell of a row (`field`), or in the whole row (`field: null`). */
export type ImportIssue = {
  field: ImportField | null;
  /** Key of `validationMessages`. */
  code: string;
  severity: ImportIssueSeverity;
  /** The cell's text as the officer typed it, or null for a blank cell. */
  value: string | null;
};

/** What one row of a file gives: the child to create, or why not, and its identity fingerprint. */
export type ImportRowResult = {
  rowNumber: number;
  /** The request that would create the child; null when the row has any error. */
  child: CreateChildRequest | null;
  issues: ImportIssue[];
  /** See `importFingerprint`; null when `child` is null. */
  fingerprint: string | null;
};

export type ImportRowOptions = {
  /** Commune-level unit the children are imported into. */
  unitCode: string;
  /** `YYYY-MM-DD`: the day ages are counted at and groups start (today in Việt Nam). */
  referenceDate: string;
};

/**
 * How the columns of a header row are understood: a field per column, `null` for a header that is
 * not recognised and for a second column of a field already taken (the first one wins).
 */
export function mapImportColumns(headers: readonly string[]): ImportColumnMapping[] {
  const fields = mapImportHeaders(headers.map(importCellText));
  return headers.map((header, index) => ({ index, header: importCellText(header), field: fields[index]! }));
}

/**
 * The index of the header row among the first `maxScan` rows: the first row naming the child's
 * name and at least one other field (the STT column does not count). Officers' files often start
 * with a title ("DANH SÁCH TRẺ EM…"), the commune's name and blank rows. Null when none is found.
 */
export function findHeaderRow(rows: ReadonlyArray<readonly unknown[]>, maxScan = 15): number | null {
  for (let index = 0; index < Math.min(rows.length, maxScan); index++) {
    const fields = mapImportHeaders(rows[index]!.map(importCellText));
    const others = fields.filter((field) => field !== null && field !== 'fullName' && field !== 'rowNumber');
    if (fields.includes('fullName') && others.length > 0) return index;
  }
  return null;
}

/**
 * Whether a row has nothing to import: every cell blank, ignoring the STT column when the columns
 * are given (lists are often numbered in advance, far below the last child).
 */
export function isBlankRow(cells: readonly unknown[], columns?: readonly ImportColumnMapping[]): boolean {
  const numbering = new Set(columns?.filter((c) => c.field === 'rowNumber').map((c) => c.index));
  return cells.every((cell, index) => numbering.has(index) || isBlankCell(cell));
}

/**
 * The message of an issue code in a language, the code itself if it has none. A message may quote
 * the cell with `{value}` ("Trùng với dòng {value}"); it is replaced by `params.value`.
 */
export function importIssueMessage(
  code: string,
  lang: 'vi' | 'en',
  params: { value?: string | null } = {},
): string {
  const message = validationMessages[code]?.[lang] ?? code;
  return message.replaceAll('{value}', params.value ?? '');
}

/**
 * An issue as a sentence for an officer: `"Cột Ngày sinh: Ngày sinh không được ở tương lai"`. The
 * column is named by its header in the file, or by the field's label when the file has no such
 * column (a missing "Giới tính" column).
 */
export function formatImportIssue(
  issue: Pick<ImportIssue, 'field' | 'code'> & { value?: string | null },
  columns: readonly ImportColumnMapping[],
  lang: 'vi' | 'en',
): string {
  const message = importIssueMessage(issue.code, lang, { value: issue.value });
  if (issue.field === null) return message;
  const header = columns.find((c) => c.field === issue.field)?.header;
  if (header) return `${lang === 'vi' ? 'Cột' : 'Column'} ${header}: ${message}`;
  return `${importFieldLabels[issue.field][lang]}: ${message}`;
}

/**
 * The identity content of a valid row, canonical so that the same data gives the same string
 * whatever its spelling: `v1|name|dob|sex|personalId|carers|head|village` where name, carers (the
 * caregivers' names, sorted, joined by `;`), head (household head) and village are folded words
 * (no diacritics, lower case, punctuation and extra spaces dropped) joined by one space, dob is
 * `YYYY-MM-DD` or `YYYY`, sex `male`/`female`, and absent values are empty. Relationships, school,
 * groups, notes and other details are left out: they change without the child being another.
 */
export function importFingerprint(child: CreateChildRequest): string {
  const words = (value: string | null | undefined) => (value ? foldedWords(value).join(' ') : '');
  const carers = (child.caregivers ?? []).map((c) => words(c.fullName)).sort();
  return [
    'v1',
    words(child.fullName),
    child.dateOfBirth,
    child.sex,
    child.personalId ?? '',
    carers.join(';'),
    words(child.household?.headName),
    words(child.residence?.village),
  ].join('|');
}

type Caregiver = NonNullable<CreateChildRequest['caregivers']>[number];
type SpecialCircumstanceEntry = NonNullable<CreateChildRequest['specialCircumstances']>[number];

/** Collects the issues of one row and reads its cells by field. */
class RowReader {
  readonly issues: ImportIssue[] = [];

  constructor(
    private readonly cells: readonly unknown[],
    readonly columns: readonly ImportColumnMapping[],
  ) {}

  column(field: ImportField): ImportColumnMapping | undefined {
    return this.columns.find((c) => c.field === field);
  }

  raw(field: ImportField): unknown {
    const column = this.column(field);
    return column ? this.cells[column.index] : undefined;
  }

  /** The cell's text, or null when blank. */
  text(field: ImportField): string | null {
    const value = this.raw(field);
    return isBlankCell(value) ? null : importCellText(value) || null;
  }

  /** The cell's text with its line breaks (lists in one cell are often one item a line), or null. */
  multilineText(field: ImportField): string | null {
    const value = this.raw(field);
    if (typeof value !== 'string') return this.text(field);
    const text = value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
    return text === '' ? null : text;
  }

  cellAt(index: number): unknown {
    return this.cells[index];
  }

  add(field: ImportField | null, code: string, value: string | null = null): void {
    if (this.issues.some((i) => i.field === field && i.code === code)) return;
    const severity = WARNING_CODES.has(code) ? 'warning' : 'error';
    this.issues.push({ field, code, severity, value: value === null ? null : value.slice(0, 500) });
  }

  hasError(field: ImportField | null): boolean {
    return this.issues.some((i) => i.field === field && i.severity === 'error');
  }
}

function readDateOfBirth(reader: RowReader, referenceDate: string): string | undefined {
  const raw = reader.raw('dateOfBirth');
  const text = reader.text('dateOfBirth');
  if (text === null) return void reader.add('dateOfBirth', 'import_date_of_birth_required');
  const parsed = parseImportDate(raw);
  if (!parsed.ok) return void reader.add('dateOfBirth', parsed.error, text);
  const date = parseDateOfBirth(parsed.value);
  const isFuture =
    date?.precision === 'day'
      ? date.date > referenceDate
      : Number(parsed.value) > Number(referenceDate.slice(0, 4));
  if (isFuture) return void reader.add('dateOfBirth', 'date_of_birth_future', text);
  if (ageAt(parsed.value, referenceDate) >= CHILD_AGE_LIMIT) {
    return void reader.add('dateOfBirth', 'import_child_too_old', text);
  }
  return parsed.value;
}

/** The sex, from its column or from a pair of columns headed "Nam" and "Nữ" with a mark in one. */
function readSex(reader: RowReader): Sex | undefined {
  const text = reader.text('sex');
  if (text !== null) {
    const parsed = parseSex(reader.raw('sex'));
    return parsed.ok ? parsed.value : void reader.add('sex', parsed.error, text);
  }
  const marked = reader.columns
    .filter((c) => c.field === null && !isBlankCell(reader.cellAt(c.index)))
    .map((c) => compactFold(c.header))
    .filter((header) => header === 'nam' || header === 'nu');
  if (marked.length === 1) return marked[0] === 'nam' ? 'male' : 'female';
  if (marked.length > 1) return void reader.add('sex', 'import_sex_invalid', 'Nam, Nữ');
  return void reader.add('sex', 'import_sex_required');
}

function readPersonalId(reader: RowReader, sex?: Sex, dateOfBirth?: string): string | undefined {
  const text = reader.text('personalId');
  const parsed = parseImportPersonalId(reader.raw('personalId'));
  if (!parsed.ok) return void reader.add('personalId', parsed.error, text);
  if (parsed.value === null) return undefined;
  const broken = checkPersonalId(parsed.value, { sex, dateOfBirth });
  for (const rule of broken) reader.add('personalId', rule, text);
  return broken.length === 0 ? parsed.value : undefined;
}

/** Parents and caregivers from the four name columns, in the order father, mother, parents, carers. */
function readCaregivers(reader: RowReader): { caregivers: Caregiver[]; fields: ImportField[] } {
  const caregivers: Caregiver[] = [];
  const fields: ImportField[] = [];
  const push = (field: ImportField, fullName: string, relationship: CaregiverRelationship) => {
    caregivers.push({ fullName, relationship, isGuardian: relationship === 'guardian' });
    fields.push(field);
  };
  for (const field of ['fatherName', 'motherName', 'parentName', 'caregiverName'] as const) {
    const text = reader.multilineText(field);
    if (text === null || isNoValue(text)) continue;
    const people = readNamedPeople(text);
    if (field === 'parentName') {
      // "Họ tên cha/mẹ" lists the father first, unless the middle names say otherwise.
      const cues = people.map((p) => parentFromMiddleName(p.fullName));
      const isSwapped = people.length === 2 && cues[0] === 'mother' && cues[1] === 'father';
      people.forEach((person, index) => {
        const byPosition =
          people.length === 2 ? ((index === 0) !== isSwapped ? 'father' : 'mother') : undefined;
        const relationship = person.relationship ?? byPosition ?? cues[index];
        if (!relationship) reader.add(field, 'import_parent_relationship_unknown', text);
        push(field, person.fullName, relationship ?? 'other');
      });
    } else {
      const header = compactFold(reader.column(field)?.header ?? '');
      const byColumn: CaregiverRelationship =
        field === 'fatherName'
          ? 'father'
          : field === 'motherName'
            ? 'mother'
            : /giamho|guardian/.test(header)
              ? 'guardian'
              : 'other';
      for (const person of people) push(field, person.fullName, person.relationship ?? byColumn);
    }
  }
  return { caregivers, fields };
}

function readSpecialCircumstances(reader: RowReader, referenceDate: string): SpecialCircumstanceEntry[] {
  const text = reader.multilineText('specialCircumstances');
  if (text === null || isNoValue(text)) return [];
  const parsed = parseSpecialCircumstanceList(text);
  if (!parsed.ok) {
    reader.add('specialCircumstances', parsed.error, text);
    return [];
  }
  // The list says the child is in the group now: the group starts on the day of the import.
  return parsed.value.map((entry) => ({
    group: entry.group,
    subgroup: entry.subgroup,
    startDate: referenceDate,
  }));
}

/** Where a zod issue of `CreateChildRequest` points in the file. */
function fieldOfPath(
  path: readonly PropertyKey[],
  caregiverFields: readonly ImportField[],
): ImportField | null {
  const [part, sub] = path;
  switch (part) {
    case 'fullName':
    case 'sex':
    case 'dateOfBirth':
    case 'personalId':
    case 'ethnicity':
    case 'specialCircumstances':
    case 'note':
      return part;
    case 'residence':
      return sub === 'address' ? 'address' : 'village';
    case 'household':
      return sub === 'phone' ? 'phone' : sub === 'headName' ? 'householdHead' : 'povertyStatus';
    case 'caregivers':
      return typeof sub === 'number' ? (caregiverFields[sub] ?? null) : null;
    case 'education':
      return sub === 'grade' ? 'grade' : 'school';
    case 'health':
      return sub === 'insuranceCardNumber' ? 'insuranceCardNumber' : 'disability';
    default:
      return null;
  }
}

const compact = <T extends object>(value: T): T | undefined =>
  Object.values(value).some((v) => v !== undefined) ? value : undefined;

/**
 * Reads one data row of an imported list into the request that would create the child, with an
 * issue per problem cell. Never throws: whatever the cells hold, the row gives a result. Required:
 * name, date of birth (a full date or a year, not in the future, under 16 at `referenceDate`) and
 * sex; the personal id must agree with sex and year of birth; every other column is optional.
 * Values that cannot be read into the record but need not stop it (a malformed phone number, an
 * unclear disability) are kept in the note with a warning. The row's text is finally checked by
 * `CreateChildRequest`, whose remaining issues are reported on their columns.
 */
export function readImportRow(
  rowNumber: number,
  cells: readonly unknown[],
  columns: readonly ImportColumnMapping[],
  opts: ImportRowOptions,
): ImportRowResult {
  const reader = new RowReader(cells, columns);
  const notes: string[] = [];

  const nameText = reader.text('fullName');
  const fullName = nameText === null ? undefined : readPersonName(nameText);
  if (nameText === null) reader.add('fullName', 'import_full_name_required');
  const dateOfBirth = readDateOfBirth(reader, opts.referenceDate);
  const sex = readSex(reader);
  const personalId = readPersonalId(reader, sex, dateOfBirth);

  const ethnicityText = reader.text('ethnicity');
  const ethnicity = ethnicityText === null ? undefined : findEthnicGroup(ethnicityText)?.code;
  if (ethnicityText !== null && !ethnicity)
    reader.add('ethnicity', 'import_ethnicity_unknown', ethnicityText);

  const phoneText = reader.text('phone');
  const phoneParsed = phoneText === null ? undefined : ContactPhone.safeParse(readPhone(reader.raw('phone')));
  if (phoneText !== null && !phoneParsed?.success) {
    reader.add('phone', 'import_phone_invalid', phoneText);
    notes.push(`${importFieldLabels.phone.vi}: ${phoneText}`);
  }
  const phone = phoneParsed?.success ? phoneParsed.data : undefined;

  const povertyText = reader.text('povertyStatus');
  let poverty: { status: 'poor' | 'near_poor' | 'none'; year: number | null } | undefined;
  if (povertyText !== null) {
    const parsed = readPovertyStatus(povertyText, reader.column('povertyStatus')?.header ?? '');
    if (parsed.ok) poverty = parsed;
    else reader.add('povertyStatus', 'import_poverty_invalid', povertyText);
  }
  const isPoor = poverty?.status === 'poor' || poverty?.status === 'near_poor';
  // Poverty lists are reviewed yearly; a list without the year is taken as this year's review.
  const povertyYear = isPoor ? (poverty?.year ?? Number(opts.referenceDate.slice(0, 4))) : undefined;

  const headText = reader.text('householdHead');
  const household = compact({
    headName: headText === null || isNoValue(headText) ? undefined : readPersonName(headText),
    phone,
    povertyStatus: poverty?.status,
    povertyYear,
  });

  const { caregivers, fields: caregiverFields } = readCaregivers(reader);

  const disabilityText = reader.text('disability');
  const disability = disabilityText === null ? null : readDisability(disabilityText);
  if (disability && !disability.isClear) {
    reader.add('disability', 'import_disability_unclear', disabilityText);
    if (!disability.isYesMark) notes.push(`${importFieldLabels.disability.vi}: ${disabilityText}`);
  }
  const cardText = reader.text('insuranceCardNumber');
  const cardParsed = cardText === null ? undefined : InsuranceCardNumber.safeParse(cardText);
  if (cardText !== null && !cardParsed?.success) {
    reader.add('insuranceCardNumber', 'import_insurance_card_invalid', cardText);
    notes.push(`${importFieldLabels.insuranceCardNumber.vi}: ${cardText}`);
  }
  const insuranceCardNumber = cardParsed?.success ? cardParsed.data : undefined;
  const health = compact({
    disability: disability ? { type: disability.type, level: disability.level } : undefined,
    insuranceCardNumber,
  });

  const specialCircumstances = readSpecialCircumstances(reader, opts.referenceDate);
  const noteText = reader.multilineText('note');
  const note = [...(noteText === null ? [] : [noteText]), ...notes].join('; ');

  const request = {
    fullName,
    sex,
    dateOfBirth,
    unitCode: opts.unitCode,
    personalId,
    ethnicity,
    residence: compact({
      village: reader.text('village') ?? undefined,
      address: reader.text('address') ?? undefined,
    }),
    household,
    caregivers: caregivers.length > 0 ? caregivers : undefined,
    education: compact({
      school: reader.text('school') ?? undefined,
      grade: reader.text('grade') ?? undefined,
    }),
    health,
    specialCircumstances: specialCircumstances.length > 0 ? specialCircumstances : undefined,
    note: note === '' ? undefined : note,
  };
  const parsed = CreateChildRequest.safeParse(request);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path, caregiverFields);
      if (reader.hasError(field)) continue;
      const code =
        issue.message in validationMessages
          ? issue.message
          : issue.code === 'too_big'
            ? 'import_too_long'
            : 'import_value_invalid';
      reader.add(field, code, field ? reader.text(field) : null);
    }
  }
  const child = parsed.success && !reader.issues.some((i) => i.severity === 'error') ? parsed.data : null;
  return {
    rowNumber,
    child,
    issues: reader.issues,
    fingerprint: child ? importFingerprint(child) : null,
  };
}
