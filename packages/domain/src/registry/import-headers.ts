import { z } from 'zod';
import type { Label } from '../catalogues/labels';
import { foldedWords } from './vietnamese-text';

/** The columns an import understands; the import template has one column per field. */
export const ImportField = z
  .enum([
    'rowNumber',
    'fullName',
    'dateOfBirth',
    'sex',
    'ethnicity',
    'personalId',
    'village',
    'address',
    'householdHead',
    'parentName',
    'fatherName',
    'motherName',
    'caregiverName',
    'phone',
    'specialCircumstances',
    'disability',
    'povertyStatus',
    'insuranceCardNumber',
    'school',
    'grade',
    'note',
  ])
  .meta({ id: 'ImportField' });
export type ImportField = z.infer<typeof ImportField>;

/** Header of each field in the import template and in the error report. */
export const importFieldLabels: Record<ImportField, Label> = {
  rowNumber: { vi: 'STT', en: 'No.' },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  dateOfBirth: { vi: 'Ngày sinh', en: 'Date of birth' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  personalId: { vi: 'Số định danh cá nhân', en: 'Personal identification number' },
  village: { vi: 'Thôn, tổ dân phố', en: 'Village or residential group' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  householdHead: { vi: 'Họ tên chủ hộ', en: 'Head of household' },
  parentName: { vi: 'Họ tên cha/mẹ', en: "Parent's name" },
  fatherName: { vi: 'Họ tên cha', en: "Father's name" },
  motherName: { vi: 'Họ tên mẹ', en: "Mother's name" },
  caregiverName: { vi: 'Họ tên người chăm sóc', en: "Caregiver's name" },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  specialCircumstances: { vi: 'Nhóm hoàn cảnh đặc biệt', en: 'Special circumstances groups' },
  disability: { vi: 'Dạng khuyết tật', en: 'Disability' },
  povertyStatus: { vi: 'Hộ nghèo, cận nghèo', en: 'Poverty status' },
  insuranceCardNumber: { vi: 'Số thẻ BHYT', en: 'Health insurance card number' },
  school: { vi: 'Trường', en: 'School' },
  grade: { vi: 'Lớp', en: 'Grade or class' },
  note: { vi: 'Ghi chú', en: 'Note' },
};

/**
 * Patterns over the folded header (lower case, no diacritics, words separated by one space),
 * first match wins: phones come first ("Số điện thoại cha mẹ" is a phone), other people's names
 * before the child's own ("Họ tên cha/mẹ" is not the child's "Họ tên"), specific before general.
 */
const HEADER_RULES: ReadonlyArray<readonly [RegExp, ImportField]> = [
  [/^(stt|tt|so tt|so thu tu|no)$/, 'rowNumber'],
  [/dien thoai|\b(sdt|dtdd)\b|^(dt|so dt)$|di dong|phone/, 'phone'],
  [/nguoi (cham soc|nuoi duong|giam ho|nuoi)|caregiver|guardian/, 'caregiverName'],
  [/chu ho|household head|head of household/, 'householdHead'],
  [/(cha|bo) (me|va me|hoac me)|phu huynh|parent/, 'parentName'],
  [/(ten|ho ten|ho va ten) (cha|bo)$|^(cha|bo)$|father/, 'fatherName'],
  [/(ten|ho ten|ho va ten) me$|^me$|mother/, 'motherName'],
  [/dinh danh|cccd|cmnd|can cuoc|^(so|ma) dd|personal id|national id/, 'personalId'],
  [/bhyt|bao hiem y te|insurance/, 'insuranceCardNumber'],
  [/ngay (thang )?(nam )?sinh|nam sinh|sinh ngay|^ns$|date of birth|birth ?date|^dob$/, 'dateOfBirth'],
  [/gioi tinh|^gioi$|^phai$|^nam nu$|^sex$|gender/, 'sex'],
  [/dan toc|ethnic/, 'ethnicity'],
  [/hoan canh dac biet|hcdb|doi tuong|nhom tre|special circumstance/, 'specialCircumstances'],
  [/khuyet tat|dang tat|disabilit/, 'disability'],
  [/ho ngheo|can ngheo|poverty/, 'povertyStatus'],
  [/\b(thon|xom|ban|ap|to|khu pho|to dan pho|khu dan cu|village)\b/, 'village'],
  [/dia chi|noi o|cho o|thuong tru|tam tru|cu tru|address/, 'address'],
  [/\btruong\b|school/, 'school'],
  [/\blop\b|grade|class/, 'grade'],
  [/ghi chu|chu thich|note|remark/, 'note'],
  [/ho (va )?ten|^ten$|ten (tre|tre em|hoc sinh)|full ?name|^name$/, 'fullName'],
];

/**
 * Maps a column header as people write it to an import field, ignoring case, diacritics,
 * punctuation, stray spaces and any text in brackets ("Ngày sinh (dd/mm/yyyy)"): "Họ và tên",
 * "Ho va ten", "Ngày, tháng, năm sinh", "Số định danh", "CCCD", "Thôn/Tổ", "Họ tên cha/mẹ",
 * "Đối tượng"… Returns null for a header it does not know.
 */
export function matchImportHeader(header: string): ImportField | null {
  const key = foldedWords(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')).join(' ');
  if (key === '') return null;
  for (const [pattern, field] of HEADER_RULES) {
    if (pattern.test(key)) return field;
  }
  return null;
}

/** Maps every header of a sheet; a field claimed by two columns keeps the first one. */
export function mapImportHeaders(headers: readonly string[]): Array<ImportField | null> {
  const seen = new Set<ImportField>();
  return headers.map((header) => {
    const field = matchImportHeader(header);
    if (field === null || seen.has(field)) return null;
    seen.add(field);
    return field;
  });
}
