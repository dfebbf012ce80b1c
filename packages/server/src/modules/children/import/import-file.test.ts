import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { readImportRow, vietnamToday } from '@tuoitho/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  SAMPLE_BAD_ROWS,
  SAMPLE_CHILDREN,
  SAMPLE_HEADER_ROW,
  SAMPLE_HEADERS,
  SAMPLE_REPEATED_ROW,
  SAMPLE_UNIT_CODE,
} from './fixtures/sample-list';
import { type ImportFile, ImportFileError, type ImportRow, openImportFile } from './import-file';
import { reorderZipEntries, zipEntryNames } from './xlsx-reader';

async function allRows(file: ImportFile): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  for await (const row of file.rows()) rows.push(row);
  return rows;
}

async function workbookBuffer(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function expectFileError(content: Buffer, code: string, fileName?: string): Promise<ImportFileError> {
  const error = await openImportFile(content, fileName).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  expect((error as ImportFileError).code).toBe(code);
  return error as ImportFileError;
}

/**
 * Runs with no usable temporary directory. exceljs parks a sheet it cannot parse yet in a temporary
 * file (personal data on disk); the reader must never need that, so this makes it fail if it does.
 */
async function withoutTempDir<T>(run: () => Promise<T>): Promise<T> {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = join(import.meta.dirname, 'no-such-dir');
  try {
    return await run();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

const REFERENCE = { unitCode: '14812', referenceDate: '2026-11-28' };

describe('openImportFile: a messy workbook as officers keep it', () => {
  const build = () =>
    workbookBuffer((workbook) => {
      const sheet = workbook.addWorksheet('Sheet1');
      sheet.addRow(['UBND PHƯỜNG BỈM SƠN']);
      sheet.addRow(['DANH SÁCH TRẺ EM CÓ HOÀN CẢNH ĐẶC BIỆT']);
      sheet.mergeCells('A2:I2');
      sheet.addRow([]);
      sheet.addRow([
        'STT',
        'Họ và tên',
        'Ngày, tháng, năm sinh',
        'Giới tính',
        'Dân tộc',
        'Số định danh',
        'Thôn/Tổ',
        'Họ tên cha/mẹ',
        'Đối tượng',
      ]);
      const rows: unknown[][] = [
        [
          1,
          'Nguyễn Văn An',
          '04/03/2015',
          'Nam',
          'Kinh',
          '038215000123',
          'Khu phố 1',
          'Nguyễn Văn Hùng / Lê Thị Lan',
          '',
        ],
        [2, 'Tran Thi Binh', '4/3/2016', 'Nu', 'kinh', '038316000456', 'Khu pho 2', 'Tran Van Cuong', 'a, c'],
        [3, 'LÊ MINH KHÔI', '2018-06-07', 'nam', 'Mường', null, 'Khu phố 3', null, 'Trẻ em khuyết tật'],
        [4, 'Hà Thị Hoa', 43258, 'Nữ', 'Thái', null, 'Khu phố 4', null, null],
        [
          5,
          'Đỗ Văn Dũng',
          new Date(Date.UTC(2014, 0, 31)),
          'Nam',
          'Kinh',
          '038214999',
          'Khu phố 5',
          null,
          null,
        ],
        [
          6,
          'Nguyễn Văn An',
          '04/03/2015',
          'Nam',
          'Kinh',
          '038215000123',
          'Khu phố 1',
          'Nguyễn Văn Hùng / Lê Thị Lan',
          '',
        ],
        [
          7,
          { richText: [{ text: 'Phạm ' }, { font: { bold: true }, text: 'Thu Hà' }] },
          2017,
          'Nữ',
          'Kinh',
          null,
          { formula: '"Khu phố "&"6"', result: 'Khu phố 6' },
          { text: 'Phạm Văn Lộc', hyperlink: 'https://example.org' },
          null,
        ],
      ];
      for (const row of rows) sheet.addRow(row);
      sheet.getCell('C9').numFmt = 'dd/mm/yyyy';
      sheet.addRow([]);
      sheet.addRow([9]);
    });

  it('finds the header below the titles and maps the columns', async () => {
    const file = await openImportFile(await build(), 'danh sach.xlsx');
    expect(file.format).toBe('xlsx');
    expect(file.headerRowNumber).toBe(4);
    expect(file.columns.map((c) => c.field)).toEqual([
      'rowNumber',
      'fullName',
      'dateOfBirth',
      'sex',
      'ethnicity',
      'personalId',
      'village',
      'parentName',
      'specialCircumstances',
    ]);
  });

  it('gives the rows with the row numbers Excel shows, plain values, blank and STT-only rows left out', async () => {
    const rows = await allRows(await openImportFile(await build()));
    expect(rows.map((r) => r.rowNumber)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(rows[3]!.cells[2]).toBe(43258);
    expect(rows[4]!.cells[2]).toEqual(new Date(Date.UTC(2014, 0, 31)));
    expect(rows[6]!.cells.slice(1, 8)).toEqual([
      'Phạm Thu Hà',
      2017,
      'Nữ',
      'Kinh',
      null,
      'Khu phố 6',
      'Phạm Văn Lộc',
    ]);
  });

  it('reads into children: mixed formats valid, the bad id an error, the repeated row the same fingerprint', async () => {
    const file = await openImportFile(await build());
    const results = (await allRows(file)).map((r) =>
      readImportRow(r.rowNumber, r.cells, file.columns, REFERENCE),
    );
    expect(results.map((r) => r.child?.dateOfBirth ?? null)).toEqual([
      '2015-03-04',
      '2016-03-04',
      '2018-06-07',
      '2018-06-07',
      null,
      '2015-03-04',
      '2017',
    ]);
    expect(results[4]!.issues).toEqual([
      { field: 'personalId', code: 'personal_id_format', severity: 'error', value: '038214999' },
    ]);
    expect(results.filter((r) => r.issues.length > 0).map((r) => r.rowNumber)).toEqual([9]);
    expect(results[5]!.fingerprint).toBe(results[0]!.fingerprint);
    expect(results[1]!.child).toMatchObject({
      fullName: 'Tran Thi Binh',
      sex: 'female',
      specialCircumstances: [{ group: 'a' }, { group: 'c' }],
    });
    expect(results[2]!.child).toMatchObject({ fullName: 'Lê Minh Khôi', ethnicity: '06' });
  });

  it('can be read again and again', async () => {
    const file = await openImportFile(await build());
    const first = await allRows(file);
    expect(await allRows(file)).toEqual(first);
    expect(await allRows(file)).toHaveLength(7);
  });
});

describe('openImportFile: which sheet', () => {
  it('skips empty, hidden and header-less sheets before the list', async () => {
    const content = await workbookBuffer((workbook) => {
      workbook.addWorksheet('Trống');
      workbook.addWorksheet('Bìa').addRow(['BÁO CÁO TRẺ EM NĂM 2026']);
      const hidden = workbook.addWorksheet('Ẩn', { state: 'hidden' });
      hidden.addRow(['Họ và tên', 'Ngày sinh']);
      hidden.addRow(['Ẩn Danh', '2015']);
      const list = workbook.addWorksheet('Danh sách');
      list.addRow(['Họ tên', 'Năm sinh', 'Giới tính']);
      list.addRow(['Lò Văn Páo', 2014, 'Nam']);
      workbook.addWorksheet('Sau').addRow(['Họ và tên', 'Ngày sinh']);
    });
    const file = await openImportFile(content);
    expect(file.headers).toEqual(['Họ tên', 'Năm sinh', 'Giới tính']);
    expect(await allRows(file)).toEqual([{ rowNumber: 2, cells: ['Lò Văn Páo', 2014, 'Nam'] }]);
  });

  it('reads a workbook stored in Excel’s order (sheets before shared strings and styles)', async () => {
    const content = await workbookBuffer((workbook) => {
      const sheet = workbook.addWorksheet('DS');
      sheet.addRow(['Họ và tên', 'Ngày sinh', 'Giới tính']);
      sheet.addRow(['Nguyễn Văn An', new Date(Date.UTC(2015, 2, 4)), 'Nam']);
      sheet.getCell('B2').numFmt = 'dd/mm/yyyy';
    });
    const excelOrder = reorderZipEntries(content, ['xl/worksheets/sheet1.xml']);
    expect(zipEntryNames(excelOrder)[0]).toBe('xl/worksheets/sheet1.xml');
    expect(zipEntryNames(excelOrder).indexOf('xl/sharedStrings.xml')).toBeGreaterThan(0);
    const file = await withoutTempDir(() => openImportFile(excelOrder));
    expect(await withoutTempDir(() => allRows(file))).toEqual([
      { rowNumber: 2, cells: ['Nguyễn Văn An', new Date(Date.UTC(2015, 2, 4)), 'Nam'] },
    ]);
  });

  it('reads a workbook without shared strings (inline strings)', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
    const sheet = writer.addWorksheet('DS');
    sheet.addRow(['Họ và tên', 'Ngày sinh', 'Giới tính']).commit();
    sheet.addRow(['Lê Thị Hoa', '2016', 'Nữ']).commit();
    await sheet.commit();
    await writer.commit();
    const content = Buffer.concat(chunks);
    expect(zipEntryNames(content)).not.toContain('xl/sharedStrings.xml');
    expect(await withoutTempDir(async () => allRows(await openImportFile(content)))).toEqual([
      { rowNumber: 2, cells: ['Lê Thị Hoa', '2016', 'Nữ'] },
    ]);
  });

  it('moves the entries the reader needs to the front, copying the rest unchanged', () => {
    const names = (zip: Buffer) => zipEntryNames(zip);
    return workbookBuffer((workbook) => workbook.addWorksheet('A').addRow(['x'])).then((content) => {
      const moved = reorderZipEntries(content, ['xl/styles.xml', 'docProps/app.xml']);
      expect(names(moved).slice(0, 2)).toEqual(['xl/styles.xml', 'docProps/app.xml']);
      expect([...names(moved)].sort()).toEqual([...names(content)].sort());
      expect(moved.length).toBe(content.length);
      const back = reorderZipEntries(moved, names(content));
      expect(names(back)).toEqual(names(content));
      expect(reorderZipEntries(back, names(content))).toBe(back);
    });
  });
});

describe('openImportFile: CSV', () => {
  const lines = [
    ['DANH SÁCH TRẺ EM'],
    [],
    ['STT', 'Họ và tên', 'Ngày, tháng, năm sinh', 'Giới tính', 'Số định danh'],
    ['1', 'Nguyễn Văn An', '04/03/2015', 'Nam', '038215000123'],
    ['2', 'Lê Thị Hoa', '2016-05-06', 'Nữ', ''],
  ];
  const expected: ImportRow[] = [
    { rowNumber: 4, cells: ['1', 'Nguyễn Văn An', '04/03/2015', 'Nam', '038215000123'] },
    { rowNumber: 5, cells: ['2', 'Lê Thị Hoa', '2016-05-06', 'Nữ', null] },
  ];
  const csv = (separator: string, newline: string, bom: boolean) => {
    const quote = (cell: string) => (cell.includes(separator) ? `"${cell}"` : cell);
    const text = lines.map((line) => line.map(quote).join(separator)).join(newline) + newline;
    return Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf8');
  };

  it.each([
    [',', '\r\n', true],
    [',', '\n', false],
    [';', '\r\n', true],
    [';', '\r', false],
    ['\t', '\r\n', false],
    ['\t', '\n', true],
  ])('separator %j, line end %j, BOM %s', async (separator, newline, bom) => {
    const file = await openImportFile(csv(separator, newline, bom), 'danh-sach.csv');
    expect(file.format).toBe('csv');
    expect(file.headerRowNumber).toBe(3);
    expect(file.headers[2]).toBe('Ngày, tháng, năm sinh');
    expect(file.columns.map((c) => c.field)).toEqual([
      'rowNumber',
      'fullName',
      'dateOfBirth',
      'sex',
      'personalId',
    ]);
    expect(await allRows(file)).toEqual(expected);
  });

  it('reads quoted fields with separators, quotes and new lines inside (RFC 4180)', async () => {
    const text = [
      'Họ và tên,Ngày sinh,Giới tính,Ghi chú,Số định danh',
      '"Nguyễn Văn An",04/03/2015,Nam,"Ở với bà, ông",="038215000123"',
      '"Lê Thị ""Bé"" Hoa",2016,Nữ,"Dòng một',
      'dòng hai",',
      '',
      'Trần Văn Cường,2017,Nam,"không đóng ngoặc,',
    ].join('\r\n');
    const file = await openImportFile(Buffer.from(text, 'utf8'));
    expect(await allRows(file)).toEqual([
      { rowNumber: 2, cells: ['Nguyễn Văn An', '04/03/2015', 'Nam', 'Ở với bà, ông', '038215000123'] },
      { rowNumber: 3, cells: ['Lê Thị "Bé" Hoa', '2016', 'Nữ', 'Dòng một\r\ndòng hai', null] },
      { rowNumber: 5, cells: ['Trần Văn Cường', '2017', 'Nam', 'không đóng ngoặc,'] },
    ]);
  });

  it('reads Excel’s UTF-16 "Unicode text"', async () => {
    const text = '\uFEFFHọ và tên\tNgày sinh\tGiới tính\r\nĐặng Thị Ánh\t2019\tNữ\r\n';
    const file = await openImportFile(Buffer.from(text, 'utf16le'));
    expect(await allRows(file)).toEqual([{ rowNumber: 2, cells: ['Đặng Thị Ánh', '2019', 'Nữ'] }]);
  });

  it('streams a million rows', async () => {
    const parts = ['Họ và tên;Ngày sinh;Giới tính\r\n'];
    for (let i = 0; i < 1_000_000; i++) parts.push(`Nguyễn Văn An;${(i % 28) + 1}/03/2015;Nam\r\n`);
    const file = await openImportFile(Buffer.from(parts.join(''), 'utf8'));
    let count = 0;
    let last: ImportRow | undefined;
    for await (const row of file.rows()) {
      count += 1;
      last = row;
    }
    expect(count).toBe(1_000_000);
    expect(last).toEqual({ rowNumber: 1_000_001, cells: ['Nguyễn Văn An', '8/03/2015', 'Nam'] });
  });
});

describe('openImportFile: files that cannot be imported', () => {
  it.each<[string, Buffer, string, string?]>([
    ['an empty file', Buffer.alloc(0), 'import_file_empty'],
    ['white space only', Buffer.from('\uFEFF \r\n\r\n  '), 'import_file_empty'],
    ['separators only', Buffer.from(',,,\r\n;;\r\n'), 'import_file_empty'],
    // "Họ và tên,Ngày sinh" in Windows-1258, as old Vietnamese Excel saved CSV.
    [
      'a Windows-1258 CSV',
      Buffer.from([0x48, 0x6f, 0xf2, 0x20, 0x76, 0xe0, 0x20, 0x74, 0xea, 0x6e, 0x2c, 0x4e, 0x67, 0xe0, 0x79]),
      'import_file_encoding',
    ],
    [
      'an old .xls workbook',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
      'import_file_format',
    ],
    ['a file named .xls', Buffer.from('Họ và tên,Ngày sinh\r\n'), 'import_file_format', 'ds.xls'],
    [
      'a binary file',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'import_file_format',
    ],
    [
      'a broken zip',
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]),
      'import_file_unreadable',
    ],
    ['a text named .xlsx', Buffer.from('Họ và tên,Ngày sinh\r\n'), 'import_file_unreadable', 'ds.xlsx'],
  ])('%s → %s', async (_name, content, code, fileName) => {
    await expectFileError(content, code, fileName);
  });

  it('refuses a zip that is not a workbook', async () => {
    const content = await workbookBuffer((workbook) => workbook.addWorksheet('A').addRow(['x']));
    // The same archive with the workbook part renamed is a zip but no longer an Excel file.
    const renamed = Buffer.from(
      content.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xm_'),
      'latin1',
    );
    await expectFileError(renamed, 'import_file_format');
  });

  it('refuses a workbook whose sheets are all empty', async () => {
    const content = await workbookBuffer((workbook) => {
      workbook.addWorksheet('A');
      workbook.addWorksheet('B').addRow([null, '  ']);
    });
    await expectFileError(content, 'import_file_empty');
  });

  it('says which headers it saw when none is recognised', async () => {
    const csvError = await expectFileError(
      Buffer.from('Danh sách\r\nTên bé;Tuổi;Cân nặng\r\nAn;2015;Nam\r\n'),
      'import_file_no_header',
    );
    expect(csvError.headers).toEqual(['Tên bé', 'Tuổi', 'Cân nặng']);
    expect(csvError.message).toBe(
      'Không tìm thấy dòng tiêu đề: cần có cột «Họ và tên» và ít nhất một cột khác như «Ngày sinh», «Giới tính». Tiêu đề đọc được: «Tên bé», «Tuổi», «Cân nặng»',
    );
    expect(csvError.messageIn('en')).toMatch(
      /^No header row found: .*Headers read: «Tên bé», «Tuổi», «Cân nặng»$/,
    );
    const xlsxError = await expectFileError(
      await workbookBuffer((workbook) => {
        const sheet = workbook.addWorksheet('A');
        sheet.addRow(['BÁO CÁO']);
        sheet.addRow(['Stt', 'Cân nặng', 'Chiều cao']);
      }),
      'import_file_no_header',
    );
    expect(xlsxError.headers).toEqual(['Stt', 'Cân nặng', 'Chiều cao']);
  });

  it('does not look for the header beyond the first 15 rows', async () => {
    const text = `${'\r\n'.repeat(15)}Họ và tên,Ngày sinh\r\nAn,2015\r\n`;
    await expectFileError(Buffer.from(text), 'import_file_no_header');
  });
});

describe('the sample lists in fixtures/ (README.md)', () => {
  it.each(['xlsx', 'csv'])('danh-sach-mau.%s reads as documented', async (format) => {
    const content = await readFile(join(import.meta.dirname, 'fixtures', `danh-sach-mau.${format}`));
    const file = await openImportFile(content, `danh-sach-mau.${format}`);
    expect(file.format).toBe(format);
    expect(file.headerRowNumber).toBe(SAMPLE_HEADER_ROW);
    expect(file.headers).toEqual(SAMPLE_HEADERS);
    expect(file.columns.every((c) => c.field !== null)).toBe(true);
    // The list is checked as of today: it fails the day the oldest child turns 16 (see README).
    const opts = { unitCode: SAMPLE_UNIT_CODE, referenceDate: vietnamToday() };
    const results = (await allRows(file)).map((r) => readImportRow(r.rowNumber, r.cells, file.columns, opts));
    expect(results).toHaveLength(SAMPLE_CHILDREN.length);
    const errors = results.flatMap((r) =>
      r.issues.map((i) => ({
        row: r.rowNumber,
        header: file.columns.find((c) => c.field === i.field)?.header,
        code: i.code,
      })),
    );
    expect(errors).toEqual(SAMPLE_BAD_ROWS);
    const fingerprintOf = (row: number) => results.find((r) => r.rowNumber === row)?.fingerprint;
    expect(fingerprintOf(SAMPLE_REPEATED_ROW.row)).toBe(fingerprintOf(SAMPLE_REPEATED_ROW.repeats));
    const distinct = new Set(results.map((r) => r.fingerprint).filter((f) => f !== null));
    expect(distinct.size).toBe(26);
  });
});
