import {
  currentSpecialCircumstanceCatalogue,
  ethnicityCatalogue,
  ImportField,
  importFieldLabels,
  mapImportColumns,
  readImportRow,
} from '@tuoitho/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openImportFile } from './import-file';
import { buildImportTemplate, TEMPLATE_GUIDE_SHEET, TEMPLATE_SHEET } from './import-template';

async function loadWorkbook(content: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return workbook;
}

/** Texts of a sheet's cells, row by row. */
function sheetTexts(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push(
      (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))),
    );
  });
  return rows;
}

const labels = ImportField.options.map((field) => importFieldLabels[field].vi);

describe('buildImportTemplate: xlsx', () => {
  it('has an empty list sheet headed by every import field, STT first', async () => {
    const workbook = await loadWorkbook(await buildImportTemplate('xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([TEMPLATE_SHEET, TEMPLATE_GUIDE_SHEET]);
    const sheet = workbook.getWorksheet(TEMPLATE_SHEET)!;
    expect(sheetTexts(sheet)).toEqual([labels]);
    expect(labels[0]).toBe('STT');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(20);
  });

  it('keeps dates and ids as text, with a note on the date header and lists for sex and poverty', async () => {
    const workbook = await loadWorkbook(await buildImportTemplate('xlsx'));
    const sheet = workbook.getWorksheet(TEMPLATE_SHEET)!;
    const column = (field: ImportField) => ImportField.options.indexOf(field) + 1;
    for (const field of ['dateOfBirth', 'personalId', 'phone'] as const) {
      expect(sheet.getColumn(column(field)).numFmt, field).toBe('@');
    }
    expect(String(sheet.getRow(1).getCell(column('dateOfBirth')).note)).toContain('dd/MM/yyyy');
    const sexCell = sheet.getRow(2).getCell(column('sex'));
    expect(sexCell.dataValidation).toMatchObject({ type: 'list', formulae: ['"Nam,Nữ"'] });
    expect(sheet.getRow(5000).getCell(column('sex')).dataValidation).toMatchObject({ type: 'list' });
    expect(sheet.getRow(2).getCell(column('povertyStatus')).dataValidation).toMatchObject({
      formulae: ['"Hộ nghèo,Hộ cận nghèo,Không"'],
    });
    expect(sheet.getRow(2).getCell(column('fullName')).dataValidation).toBeUndefined();
  });

  it('explains every column, the date formats, the 14 groups and the ethnic groups', async () => {
    const workbook = await loadWorkbook(await buildImportTemplate('xlsx'));
    const rows = sheetTexts(workbook.getWorksheet(TEMPLATE_GUIDE_SHEET)!);
    const firstColumn = rows.map((r) => r[0]);
    for (const label of labels) expect(firstColumn, label).toContain(label);
    const text = rows.map((r) => r.join(' | ')).join('\n');
    for (const format of ['dd/MM/yyyy', 'd/M/yyyy', 'yyyy-MM-dd', 'Ô định dạng ngày của Excel']) {
      expect(text).toContain(format);
    }
    const groups = currentSpecialCircumstanceCatalogue().groups;
    expect(groups.map((g) => g.code)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'đ',
      'e',
      'g',
      'h',
      'i',
      'k',
      'l',
      'm',
      'n',
      'o',
    ]);
    for (const group of groups) expect(rows).toContainEqual([group.code, '', group.nameVi]);
    for (const group of ethnicityCatalogue) {
      expect(rows.some((r) => r[0] === group.code && r[2] === group.nameVi)).toBe(true);
    }
  });

  it('gives an example row in the guide that imports cleanly', async () => {
    const workbook = await loadWorkbook(await buildImportTemplate('xlsx'));
    const rows = sheetTexts(workbook.getWorksheet(TEMPLATE_GUIDE_SHEET)!);
    const headerIndex = rows.findIndex((r) => r[0] === 'STT' && r[1] === 'Họ và tên');
    expect(headerIndex).toBeGreaterThan(0);
    const headers = rows[headerIndex]!;
    const result = readImportRow(2, rows[headerIndex + 1]!, mapImportColumns(headers), {
      unitCode: '14812',
      referenceDate: '2026-06-15',
    });
    expect(result.issues).toEqual([]);
    expect(result.child).toMatchObject({ fullName: 'Nguyễn Văn An', dateOfBirth: '2015-03-04', sex: 'male' });
  });

  it('imports back: every column maps to its own field and there are no data rows', async () => {
    const file = await openImportFile(await buildImportTemplate('xlsx'), 'mau-nhap.xlsx');
    expect(file.format).toBe('xlsx');
    expect(file.headerRowNumber).toBe(1);
    expect(file.columns.map((c) => c.field)).toEqual(ImportField.options);
    const rows: unknown[] = [];
    for await (const row of file.rows()) rows.push(row);
    expect(rows).toEqual([]);
  });
});

describe('buildImportTemplate: csv', () => {
  it('is the header line only, UTF-8 with BOM, and imports back', async () => {
    const content = await buildImportTemplate('csv');
    expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = content.toString('utf8');
    expect(text.split('\r\n')).toEqual([`\uFEFF${labels.map((l) => `"${l}"`).join(',')}`, '']);
    const file = await openImportFile(content, 'mau-nhap.csv');
    expect(file.format).toBe('csv');
    expect(file.headers).toEqual(labels);
    expect(file.columns.map((c) => c.field)).toEqual(ImportField.options);
  });
});
