// The import benchmark's input: generated children written as a CSV file in the import template's
// columns (as an officer's spreadsheet saved as "CSV UTF-8"), and the same file converted to COPY
// text of the `child` table for the raw-COPY baseline.
import fs from 'node:fs';
import readline from 'node:readline';
import {
  type CreateChildRequest,
  disabilityTypeLabels,
  findEthnicGroup,
  foldVietnamese,
  getEthnicGroup,
  ImportField,
  importFieldLabels,
  parseImportDate,
  parseImportPersonalId,
  parseSex,
  parseSpecialCircumstanceList,
  referenceBirthDate,
} from '@tuoitho/domain';
import type {
  ChildGenerator,
  GenerationUnit,
} from '../../packages/server/src/modules/children/children.generate';
import { copyJson, copyRow, copyValue } from './pg-copy';
import { newChildId } from './registry-data';

/** The import template's columns, all of them, in the template's order. */
export const IMPORT_FILE_FIELDS = ImportField.options;
type FileField = ImportField;

const POVERTY_CELL = { poor: 'Hộ nghèo', near_poor: 'Hộ cận nghèo', none: '' } as const;

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const dayFirst = (date: string) =>
  date.length === 10 ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : date;

/** The cells of one child as an officer's list would have them. */
export function importCells(child: CreateChildRequest, rowNumber: number): Record<FileField, string> {
  const caregivers = child.caregivers ?? [];
  const nameOf = (relationship: string) =>
    caregivers.find((c) => c.relationship === relationship)?.fullName ?? '';
  const other = caregivers.find((c) => c.relationship !== 'mother' && c.relationship !== 'father');
  return {
    rowNumber: String(rowNumber),
    fullName: child.fullName,
    dateOfBirth: dayFirst(child.dateOfBirth),
    sex: child.sex === 'male' ? 'Nam' : 'Nữ',
    ethnicity: child.ethnicity ? getEthnicGroup(child.ethnicity).nameVi : '',
    personalId: child.personalId ?? '',
    village: child.residence?.village ?? '',
    address: child.residence?.address ?? '',
    householdHead: child.household?.headName ?? '',
    parentName: '',
    fatherName: nameOf('father'),
    motherName: nameOf('mother'),
    caregiverName: other?.fullName ?? '',
    phone: child.household?.phone ?? caregivers[0]?.phone ?? '',
    specialCircumstances: [...new Set((child.specialCircumstances ?? []).map((s) => s.group))].join(', '),
    disability: child.health?.disability ? disabilityTypeLabels[child.health.disability.type].vi : '',
    povertyStatus: POVERTY_CELL[child.household?.povertyStatus ?? 'none'],
    insuranceCardNumber: child.health?.insuranceCardNumber ?? '',
    school: child.education?.school ?? '',
    grade: child.education?.grade ?? '',
    note: child.note ?? '',
  };
}

/** Writes `count` generated children of `unit` as a CSV file (UTF-8 with BOM, comma, CRLF). */
export async function writeImportCsv(
  file: string,
  generator: ChildGenerator,
  unit: GenerationUnit,
  count: number,
): Promise<{ rows: number; bytes: number }> {
  const out = fs.createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', resolve));
  await write(`\uFEFF${IMPORT_FILE_FIELDS.map((f) => csvCell(importFieldLabels[f].vi)).join(',')}\r\n`);
  let rows = 0;
  let chunk = '';
  for (const child of generator.generateForUnit(unit, count)) {
    const cells = importCells(child, ++rows);
    chunk += `${IMPORT_FILE_FIELDS.map((f) => csvCell(cells[f])).join(',')}\r\n`;
    if (rows % 1000 === 0) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return { rows, bytes: fs.statSync(file).size };
}

/** Splits one CSV record (no line breaks inside quoted cells: the benchmark file has none). */
export function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      cells.push(value);
      i++; // the comma
    } else {
      const end = line.indexOf(',', i);
      const stop = end === -1 ? line.length : end;
      cells.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return cells;
}

/** The `child` columns the baseline COPY fills from the file (as an import would). */
export const BASELINE_CHILD_COLUMNS = [
  'id',
  'unit_id',
  'full_name',
  'sex',
  'date_of_birth',
  'birth_reference_date',
  'personal_id',
  'ethnicity',
  'village',
  'address',
  'household',
  'caregivers',
  'education',
  'health',
  'people_folded',
  'note',
  'status',
  'import_key',
] as const;

const orNull = (value: string | undefined) => (value === undefined || value === '' ? null : value);
const cellValue = <T>(result: { ok: true; value: T } | { ok: false; error: string }, row: number) => {
  if (!result.ok) throw new Error(`row ${row}: ${result.error}`);
  return result.value;
};

/**
 * Converts the CSV file to COPY text of `child` and `child_special_circumstance`, with the
 * domain's own cell readers (dates, sex, personal ids, groups) and plain JSON for the nested
 * parts. No validation beyond the readers, no duplicate check: the floor an import cannot beat.
 */
export async function convertCsvToCopy(
  csvFile: string,
  out: { children: string; circumstances: string },
  opts: { unitId: number; startDate: string },
): Promise<{ rows: number; circumstances: number }> {
  const children = fs.createWriteStream(out.children);
  const groups = fs.createWriteStream(out.circumstances);
  const lines = readline.createInterface({
    input: fs.createReadStream(csvFile, 'utf8'),
    crlfDelay: Infinity,
  });
  let header: FileField[] | undefined;
  let rows = 0;
  let circumstances = 0;
  let childChunk = '';
  let groupChunk = '';
  for await (const line of lines) {
    if (!header) {
      header = parseCsvLine(line.replace(/^\uFEFF/, '')).map(
        (h) => IMPORT_FILE_FIELDS.find((f) => importFieldLabels[f].vi === h)!,
      );
      continue;
    }
    if (line === '') continue;
    const raw = parseCsvLine(line);
    const cell = (field: FileField) => raw[header!.indexOf(field)] ?? '';
    const row = ++rows;
    const id = newChildId();
    const dateOfBirth = cellValue(parseImportDate(cell('dateOfBirth')), row);
    const head = orNull(cell('householdHead'));
    const phone = orNull(cell('phone'));
    const caregivers = (
      [
        ['fatherName', 'father'],
        ['motherName', 'mother'],
        ['caregiverName', 'other'],
      ] as const
    ).flatMap(([field, relationship]) => {
      const fullName = orNull(cell(field));
      return fullName ? [{ fullName, relationship, phone }] : [];
    });
    const poverty = cell('povertyStatus');
    const disability = orNull(cell('disability'));
    childChunk += copyRow([
      id,
      String(opts.unitId),
      copyValue(cell('fullName')),
      cellValue(parseSex(cell('sex')), row),
      dateOfBirth,
      referenceBirthDate(dateOfBirth),
      copyValue(cellValue(parseImportPersonalId(cell('personalId')), row)),
      copyValue(findEthnicGroup(cell('ethnicity'))?.code ?? null),
      copyValue(orNull(cell('village'))),
      copyValue(orNull(cell('address'))),
      copyJson({
        headName: head,
        phone,
        povertyStatus: poverty === 'Hộ nghèo' ? 'poor' : poverty === 'Hộ cận nghèo' ? 'near_poor' : 'none',
      }),
      copyJson(caregivers),
      copyJson({ school: orNull(cell('school')), grade: orNull(cell('grade')) }),
      copyJson({ insuranceCardNumber: orNull(cell('insuranceCardNumber')), disability }),
      copyValue(foldVietnamese([head, ...caregivers.map((c) => c.fullName)].filter(Boolean).join(' '))),
      copyValue(orNull(cell('note'))),
      'active',
      `bench:${row}`,
    ]);
    for (const entry of cellValue(parseSpecialCircumstanceList(orNull(cell('specialCircumstances'))), row)) {
      groupChunk += copyRow([
        id,
        entry.group,
        copyValue(entry.subgroup),
        opts.startDate,
        '\\N',
        '\\N',
        '\\N',
      ]);
      circumstances++;
    }
    if (row % 1000 === 0) {
      if (!children.write(childChunk))
        await new Promise<void>((resolve) => children.once('drain', () => resolve()));
      groups.write(groupChunk);
      childChunk = '';
      groupChunk = '';
    }
  }
  children.write(childChunk);
  groups.write(groupChunk);
  await Promise.all(
    [children, groups].map(
      (s) => new Promise<void>((resolve, reject) => s.end((e?: Error | null) => (e ? reject(e) : resolve()))),
    ),
  );
  return { rows, circumstances };
}
