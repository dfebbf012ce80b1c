import { readImportRow } from '@tuoitho/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type ImportFile, openImportFile } from './import-file';
import {
  buildImportReport,
  ERROR_FILL,
  type ImportReportInput,
  type ImportReportIssue,
  REPORT_COLUMNS,
  REPORT_ROWS_SHEET,
  REPORT_SUMMARY_SHEET,
  vietnamDateTime,
  WARNING_FILL,
} from './import-report';

const CSV = [
  'DANH SÁCH TRẺ EM',
  'STT;Họ và tên;Ngày sinh;Giới tính;Số định danh;Số điện thoại;Cân nặng',
  '1;Nguyễn Văn An;04/03/2015;Nam;038215000123;0912345678;20',
  '2;Lê Thị Hoa;31/02/2016;Nữ;038316000124;09123;18',
  '3;Trần Văn Bình;2014;;;;',
  '4;=HYPERLINK("http://x");2013;Nam;;;',
  '5;Phạm Thu Hà;2017;Nữ;;;',
  '6;Đỗ Minh Tâm;2018;Nam;;;',
].join('\r\n');

async function analyse(): Promise<{ file: ImportFile; issues: ImportReportIssue[] }> {
  const file = await openImportFile(Buffer.from(CSV, 'utf8'), 'ds.csv');
  const issues: ImportReportIssue[] = [];
  for await (const { rowNumber, cells } of file.rows()) {
    const result = readImportRow(rowNumber, cells, file.columns, {
      unitCode: '14812',
      referenceDate: '2026-06-15',
    });
    issues.push(...result.issues.map((issue) => ({ row: rowNumber, ...issue })));
  }
  return { file, issues };
}

async function buildAndLoad(overrides: Partial<ImportReportInput> = {}) {
  const { file, issues } = await analyse();
  const content = await buildImportReport({
    file,
    issues,
    duplicateRows: new Set([7]),
    alreadyImportedRows: new Set([8]),
    summary: { rows: 6, valid: 3, invalid: 3, warnings: 0, duplicates: 1, alreadyImported: 1 },
    meta: { fileName: 'ds.csv', unitName: 'Phường Bỉm Sơn', createdAt: new Date('2026-03-04T02:05:00Z') },
    ...overrides,
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return workbook;
}

const fillOf = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
const noteOf = (cell: ExcelJS.Cell) => {
  const note = cell.note as string | { texts: Array<{ text: string }> } | undefined;
  return typeof note === 'string' ? note : note?.texts.map((t) => t.text).join('');
};

describe('buildImportReport', () => {
  it('has a summary first: file, unit, time in Việt Nam, counts and how columns were read', async () => {
    const workbook = await buildAndLoad();
    expect(workbook.worksheets.map((s) => s.name)).toEqual([REPORT_SUMMARY_SHEET, REPORT_ROWS_SHEET]);
    const rows: string[] = [];
    workbook.getWorksheet(REPORT_SUMMARY_SHEET)!.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1).join(' | '));
    });
    expect(rows).toEqual(
      expect.arrayContaining([
        'Tệp | ds.csv',
        'Đơn vị | Phường Bỉm Sơn',
        'Thời điểm kiểm tra | 04/03/2026 09:05',
        'Số dòng dữ liệu | 6',
        'Hợp lệ | 3',
        'Có lỗi | 3',
        'Chỉ có cảnh báo | 0',
        'Nghi trùng với trẻ đã có trong sổ | 1',
        'Đã nhập trước đây | 1',
        'Ngày sinh | Ngày sinh',
        'Cân nặng | Không dùng (không nhận ra tiêu đề)',
      ]),
    );
  });

  it('lists every row with its result, messages and original cells', async () => {
    const sheet = (await buildAndLoad()).getWorksheet(REPORT_ROWS_SHEET)!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual([
      ...REPORT_COLUMNS,
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Số định danh',
      'Số điện thoại',
      'Cân nặng',
    ]);
    expect(sheet.rowCount).toBe(7);
    expect(values(2)).toEqual([
      3,
      'Hợp lệ',
      undefined,
      '1',
      'Nguyễn Văn An',
      '04/03/2015',
      'Nam',
      '038215000123',
      '0912345678',
      '20',
    ]);
    expect(values(3).slice(0, 3)).toEqual([
      4,
      'Có lỗi',
      'Cột Ngày sinh: Không đọc được ngày: hãy ghi ngày/tháng/năm (04/03/2015), năm-tháng-ngày hoặc chỉ năm\n' +
        'Cột Số điện thoại: Số điện thoại không đúng định dạng: không ghi vào hồ sơ, nội dung được giữ ở phần ghi chú',
    ]);
    expect(values(4).slice(0, 3)).toEqual([
      5,
      'Có lỗi',
      'Cột Giới tính: Thiếu giới tính: hãy ghi Nam hoặc Nữ',
    ]);
    expect(values(6)[1]).toBe('Nghi trùng');
    expect(values(7)[1]).toBe('Đã nhập trước đây');
    expect(String(values(7)[2])).toContain('đã được nhập');
  });

  it('fills bad cells light red and warnings light yellow, each with a note', async () => {
    const sheet = (await buildAndLoad()).getWorksheet(REPORT_ROWS_SHEET)!;
    const offset = REPORT_COLUMNS.length;
    const row = sheet.getRow(3);
    const dateCell = row.getCell(offset + 3);
    expect(fillOf(dateCell)).toBe(ERROR_FILL);
    expect(noteOf(dateCell)).toBe(
      'Không đọc được ngày: hãy ghi ngày/tháng/năm (04/03/2015), năm-tháng-ngày hoặc chỉ năm',
    );
    const phoneCell = row.getCell(offset + 6);
    expect(fillOf(phoneCell)).toBe(WARNING_FILL);
    expect(noteOf(phoneCell)).toContain('Số điện thoại không đúng định dạng');
    expect(fillOf(row.getCell(offset + 2))).toBeUndefined();
    expect(noteOf(row.getCell(offset + 2))).toBeUndefined();
    expect(fillOf(row.getCell(2))).toBe(ERROR_FILL);
    expect(fillOf(sheet.getRow(4).getCell(offset + 4))).toBe(ERROR_FILL);
    expect(fillOf(sheet.getRow(2).getCell(offset + 3))).toBeUndefined();
  });

  it('freezes and bolds the header, adds an autofilter, neutralises formulas', async () => {
    const sheet = (await buildAndLoad()).getWorksheet(REPORT_ROWS_SHEET)!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.autoFilter).toBe('A1:J1');
    expect(sheet.getRow(5).getCell(REPORT_COLUMNS.length + 2).value).toBe(`'=HYPERLINK("http://x")`);
    const formulas: unknown[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas.push(cell.address);
      }),
    );
    expect(formulas).toEqual([]);
  });

  it('keeps Excel date cells as dates and marks issues with no column in the details only', async () => {
    const workbook = new ExcelJS.Workbook();
    const source = workbook.addWorksheet('DS');
    source.addRow(['Họ và tên', 'Ngày sinh']);
    source.addRow(['Lê Thị Hoa', new Date(Date.UTC(2016, 4, 6))]);
    source.getCell('B2').numFmt = 'dd/mm/yyyy';
    const file = await openImportFile(Buffer.from(await workbook.xlsx.writeBuffer()));
    const content = await buildImportReport({
      file,
      issues: [
        { row: 2, field: 'sex', code: 'import_sex_required', severity: 'error', value: null },
        { row: 2, field: null, code: 'commune_code', severity: 'error', value: null },
      ],
      summary: { rows: 1, valid: 0, invalid: 1, warnings: 0, duplicates: 0, alreadyImported: 0 },
      meta: { fileName: 'ds.xlsx', unitName: 'Phường Bỉm Sơn', createdAt: '2026-03-04T17:30:00Z' },
    });
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(content as unknown as ArrayBuffer);
    const row = loaded.getWorksheet(REPORT_ROWS_SHEET)!.getRow(2);
    expect(row.getCell(REPORT_COLUMNS.length + 2).value).toEqual(new Date(Date.UTC(2016, 4, 6)));
    expect(row.getCell(REPORT_COLUMNS.length + 2).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(3).value).toBe(
      'Giới tính: Thiếu giới tính: hãy ghi Nam hoặc Nữ\nMã xã, phường gồm 5 chữ số',
    );
    expect(fillOf(row.getCell(REPORT_COLUMNS.length + 1))).toBeUndefined();
  });

  it('imports back: its extra columns are ignored and the file’s columns keep their fields', async () => {
    const { file, issues } = await analyse();
    const content = await buildImportReport({
      file,
      issues,
      summary: { rows: 6, valid: 3, invalid: 3, warnings: 0, duplicates: 0, alreadyImported: 0 },
      meta: { fileName: 'ds.csv', unitName: 'Phường Bỉm Sơn', createdAt: new Date() },
    });
    const again = await openImportFile(content, 'bao-cao.xlsx');
    expect(again.columns.map((c) => c.field)).toEqual([
      null,
      null,
      null,
      ...file.columns.map((c) => c.field),
    ]);
    let count = 0;
    for await (const _ of again.rows()) count += 1;
    expect(count).toBe(6);
  });

  it('writes time in Việt Nam', () => {
    expect(vietnamDateTime(new Date('2026-12-31T17:00:00Z'))).toBe('01/01/2027 00:00');
    expect(vietnamDateTime('2026-03-04T02:05:59Z')).toBe('04/03/2026 09:05');
  });
});
