import {
  currentSpecialCircumstanceCatalogue,
  ethnicityCatalogue,
  ImportField,
  importFieldLabels,
} from '@tuoitho/domain';
import ExcelJS from 'exceljs';

/** Name of the data sheet; the guide is a second sheet, so the import reads the data sheet. */
export const TEMPLATE_SHEET = 'Danh sách trẻ em';
export const TEMPLATE_GUIDE_SHEET = 'Hướng dẫn';
/** Rows of the data sheet that get the drop-down lists (Giới tính, Hộ nghèo). */
const LIST_ROWS = 5000;

type RangeValidations = {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
};

type ColumnGuide = { width: number; isRequired?: boolean; isText?: boolean; howTo: string; example: string };

/** How to fill each column, in Vietnamese, with an example that imports cleanly. */
const GUIDE: Record<ImportField, ColumnGuide> = {
  rowNumber: { width: 6, howTo: 'Số thứ tự; không được ghi vào hồ sơ.', example: '1' },
  fullName: {
    width: 28,
    isRequired: true,
    howTo:
      'Họ và tên đầy đủ của trẻ, nên ghi có dấu. Tên viết toàn chữ in hoa được chuyển thành chữ hoa đầu từ.',
    example: 'Nguyễn Văn An',
  },
  dateOfBirth: {
    width: 14,
    isRequired: true,
    isText: true,
    howTo:
      'Ngày/tháng/năm (04/03/2015 hoặc 4/3/2015), năm-tháng-ngày (2015-03-04), ô ngày của Excel, hoặc chỉ năm sinh (2015). Trẻ phải dưới 16 tuổi.',
    example: '04/03/2015',
  },
  sex: { width: 10, isRequired: true, howTo: 'Nam hoặc Nữ (chọn trong danh sách).', example: 'Nam' },
  ethnicity: {
    width: 12,
    howTo:
      'Tên dân tộc, có dấu hoặc không dấu, hoặc mã 01–54 (xem danh sách bên dưới); 55 là người nước ngoài.',
    example: 'Kinh',
  },
  personalId: {
    width: 16,
    isText: true,
    howTo: '12 chữ số, phải khớp với giới tính và năm sinh của trẻ. Để trống nếu chưa có.',
    example: '038215000123',
  },
  village: {
    width: 16,
    howTo: 'Thôn, xóm, bản, tổ dân phố hoặc khu phố nơi trẻ sống.',
    example: 'Khu phố 1',
  },
  address: { width: 24, howTo: 'Số nhà, đường phố (nếu có).', example: 'Số 12, đường Trần Phú' },
  householdHead: { width: 22, howTo: 'Họ và tên chủ hộ.', example: 'Nguyễn Văn Hùng' },
  parentName: {
    width: 30,
    howTo: 'Họ tên cha và mẹ, cha trước, mẹ sau, cách nhau bằng dấu «/»; hoặc ghi rõ «Bố: …; Mẹ: …».',
    example: 'Nguyễn Văn Hùng / Lê Thị Lan',
  },
  fatherName: { width: 22, howTo: 'Dùng khi danh sách có cột riêng cho cha.', example: '' },
  motherName: { width: 22, howTo: 'Dùng khi danh sách có cột riêng cho mẹ.', example: '' },
  caregiverName: {
    width: 24,
    howTo:
      'Người trực tiếp chăm sóc khi không phải cha mẹ; có thể ghi quan hệ trong ngoặc: «Lê Thị Hoa (bà ngoại)».',
    example: '',
  },
  phone: { width: 14, isText: true, howTo: 'Số điện thoại liên hệ của gia đình.', example: '0912345678' },
  specialCircumstances: {
    width: 18,
    howTo:
      'Chữ của các nhóm, cách nhau bằng dấu phẩy («a, c»), hoặc tên nhóm (xem danh sách bên dưới). Để trống nếu không thuộc nhóm nào.',
    example: 'd',
  },
  disability: {
    width: 20,
    howTo:
      'Vận động; Nghe, nói; Nhìn; Thần kinh, tâm thần; Trí tuệ; hoặc Khác. Có thể thêm mức độ: nhẹ, nặng, đặc biệt nặng.',
    example: 'Khuyết tật vận động nặng',
  },
  povertyStatus: {
    width: 16,
    howTo:
      'Hộ nghèo, Hộ cận nghèo hoặc Không; có thể ghi năm rà soát («Hộ nghèo 2025»), không ghi thì tính năm hiện tại.',
    example: 'Hộ cận nghèo',
  },
  insuranceCardNumber: {
    width: 18,
    isText: true,
    howTo: 'Mã thẻ BHYT 15 ký tự (2 chữ cái và 13 chữ số) hoặc mã số BHXH 10 chữ số.',
    example: 'TE1383820000123',
  },
  school: { width: 24, howTo: 'Trường trẻ đang học.', example: 'Trường Tiểu học Ba Đình' },
  grade: { width: 8, isText: true, howTo: 'Lớp hoặc nhóm lớp mầm non.', example: '5A' },
  note: { width: 30, howTo: 'Ghi chú khác.', example: '' },
};

const DATE_FORMATS = [
  'dd/MM/yyyy — 04/03/2015',
  'd/M/yyyy — 4/3/2015',
  'dd-MM-yyyy hoặc dd.MM.yyyy — 04-03-2015, 04.03.2015',
  'yyyy-MM-dd — 2015-03-04',
  'Chỉ năm sinh — 2015 (khi không biết ngày, tháng)',
  'Ô định dạng ngày của Excel',
  'Không dùng năm hai chữ số (04/03/15) hay tháng/ngày/năm (03/25/2015).',
];

const columnLetter = (index: number) => {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};

function addDataSheet(workbook: ExcelJS.Workbook): void {
  const fields = ImportField.options;
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = fields.map((field) => ({
    header: importFieldLabels[field].vi,
    width: GUIDE[field].width,
    style: GUIDE[field].isText ? { numFmt: '@' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  fields.forEach((field, index) => {
    const cell = header.getCell(index + 1);
    if (GUIDE[field].isRequired) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    if (field === 'dateOfBirth') cell.note = 'dd/MM/yyyy, ví dụ 04/03/2015; hoặc chỉ năm sinh: 2015';
    if (field === 'personalId') cell.note = '12 chữ số, ví dụ 038215000123';
  });
  const list = (field: ImportField, values: string[]) => {
    const letter = columnLetter(fields.indexOf(field));
    // exceljs has range validations (`dataValidations.add`) but its typings lack them.
    const validations = (sheet as unknown as RangeValidations).dataValidations;
    validations.add(`${letter}2:${letter}${LIST_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: true,
      errorTitle: importFieldLabels[field].vi,
      error: `Chọn một trong: ${values.join(', ')}`,
    });
  };
  list('sex', ['Nam', 'Nữ']);
  list('povertyStatus', ['Hộ nghèo', 'Hộ cận nghèo', 'Không']);
}

function addGuideSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(TEMPLATE_GUIDE_SHEET);
  sheet.columns = [{ width: 26 }, { width: 10 }, { width: 80 }, { width: 30 }];
  const section = (title: string) => {
    sheet.addRow([]);
    sheet.addRow([title]).font = { bold: true, size: 12 };
  };
  sheet.addRow(['HƯỚNG DẪN ĐIỀN DANH SÁCH TRẺ EM ĐỂ NHẬP VÀO HỆ THỐNG']).font = { bold: true, size: 14 };
  sheet.addRow([
    `Mỗi trẻ một dòng trên trang «${TEMPLATE_SHEET}», bắt đầu từ dòng 2. Giữ nguyên dòng tiêu đề; có thể xóa các cột không dùng. Bắt buộc: Họ và tên, Ngày sinh, Giới tính. Lưu tệp dạng .xlsx hoặc CSV UTF-8.`,
  ]);
  sheet.addRow([
    'Trước khi nhập, hệ thống kiểm tra thử toàn bộ tệp và trả báo cáo lỗi theo từng ô; tệp còn lỗi thì chưa được nhập.',
  ]);

  section('Cách ghi từng cột');
  sheet.addRow(['Cột', 'Bắt buộc', 'Cách ghi', 'Ví dụ']).font = { bold: true };
  for (const field of ImportField.options) {
    const guide = GUIDE[field];
    const row = sheet.addRow([
      importFieldLabels[field].vi,
      guide.isRequired ? 'Có' : '',
      guide.howTo,
      guide.example,
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }

  section('Các cách ghi ngày sinh được chấp nhận');
  for (const format of DATE_FORMATS) sheet.addRow([format]);

  section('Ví dụ một dòng (chỉ để tham khảo, không chép vào trang danh sách)');
  const exampleFields = ImportField.options.filter((field) => GUIDE[field].example !== '');
  sheet.addRow(exampleFields.map((field) => importFieldLabels[field].vi)).font = { bold: true };
  sheet.addRow(exampleFields.map((field) => GUIDE[field].example));

  section('Nhóm trẻ em có hoàn cảnh đặc biệt (Luật Trẻ em 2016, Điều 10)');
  sheet.addRow(['Chữ', '', 'Tên nhóm']).font = { bold: true };
  for (const group of currentSpecialCircumstanceCatalogue().groups)
    sheet.addRow([group.code, '', group.nameVi]);

  section('Dân tộc');
  sheet.addRow(['Mã', '', 'Tên dân tộc', 'Tên khác']).font = { bold: true };
  for (const group of ethnicityCatalogue) {
    sheet.addRow([group.code, '', group.nameVi, group.aliases.join(', ')]);
  }
  sheet.getColumn(1).numFmt = '@';
}

/**
 * The import template: a workbook with an empty "Danh sách trẻ em" sheet (one column per import
 * field, headed by its label, required headers in red, drop-down lists for Giới tính and Hộ nghèo,
 * dates and numbers as text so Excel keeps 04/03/2015 and leading zeros) and a "Hướng dẫn" sheet
 * (each column, the date formats, an example row, the 14 groups and the ethnic groups). As CSV:
 * the header line only, UTF-8 with BOM so that Excel shows the diacritics.
 */
export async function buildImportTemplate(format: 'xlsx' | 'csv'): Promise<Buffer> {
  if (format === 'csv') {
    const line = ImportField.options.map((field) => `"${importFieldLabels[field].vi}"`).join(',');
    return Buffer.from(`\uFEFF${line}\r\n`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuổi Thơ';
  addDataSheet(workbook);
  addGuideSheet(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
