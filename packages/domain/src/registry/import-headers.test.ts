import { describe, expect, it } from 'vitest';
import { ImportField, importFieldLabels, mapImportHeaders, matchImportHeader } from './import-headers';

describe('matchImportHeader', () => {
  it.each<[string, ImportField]>([
    ['STT', 'rowNumber'],
    ['Số TT', 'rowNumber'],
    ['Họ và tên', 'fullName'],
    ['Họ tên', 'fullName'],
    ['Ho va ten', 'fullName'],
    ['HỌ VÀ TÊN', 'fullName'],
    ['  Họ  và   tên  ', 'fullName'],
    ['Họ và tên trẻ', 'fullName'],
    ['Tên trẻ em', 'fullName'],
    ['Ngày sinh', 'dateOfBirth'],
    ['Ngày, tháng, năm sinh', 'dateOfBirth'],
    ['Ngày tháng năm sinh', 'dateOfBirth'],
    ['Ngày sinh (dd/mm/yyyy)', 'dateOfBirth'],
    ['Năm sinh', 'dateOfBirth'],
    ['Ngay sinh', 'dateOfBirth'],
    ['Giới tính', 'sex'],
    ['Gioi tinh', 'sex'],
    ['Nam/Nữ', 'sex'],
    ['Dân tộc', 'ethnicity'],
    ['Số định danh', 'personalId'],
    ['Số định danh cá nhân', 'personalId'],
    ['Mã định danh', 'personalId'],
    ['CCCD', 'personalId'],
    ['Số CCCD/CMND', 'personalId'],
    ['Số định danh (nếu có)', 'personalId'],
    ['Thôn/Tổ', 'village'],
    ['Thôn, tổ dân phố', 'village'],
    ['Tổ dân phố', 'village'],
    ['Thôn', 'village'],
    ['Xóm', 'village'],
    ['Địa chỉ', 'address'],
    ['Nơi ở hiện nay', 'address'],
    ['Họ tên cha/mẹ', 'parentName'],
    ['Họ tên bố mẹ', 'parentName'],
    ['Họ tên cha', 'fatherName'],
    ['Họ và tên mẹ', 'motherName'],
    ['Họ tên người chăm sóc', 'caregiverName'],
    ['Người nuôi dưỡng', 'caregiverName'],
    ['Họ tên chủ hộ', 'householdHead'],
    ['Chủ hộ', 'householdHead'],
    ['Đối tượng', 'specialCircumstances'],
    ['Nhóm hoàn cảnh đặc biệt', 'specialCircumstances'],
    ['Trẻ em có HCĐB', 'specialCircumstances'],
    ['Số điện thoại', 'phone'],
    ['SĐT', 'phone'],
    ['Số điện thoại cha mẹ', 'phone'],
    ['Trường', 'school'],
    ['Trường đang học', 'school'],
    ['Lớp', 'grade'],
    ['Ghi chú', 'note'],
    ['Dạng khuyết tật', 'disability'],
    ['Hộ nghèo/cận nghèo', 'povertyStatus'],
    ['Số thẻ BHYT', 'insuranceCardNumber'],
    ['Full name', 'fullName'],
    ['Date of birth', 'dateOfBirth'],
  ])('%j → %s', (header, field) => {
    expect(matchImportHeader(header)).toBe(field);
  });

  it.each(['', '   ', 'Cân nặng', 'Sở thích', '###'])('%j → null', (header) => {
    expect(matchImportHeader(header)).toBeNull();
  });

  it('understands its own template headers', () => {
    for (const field of ImportField.options) {
      expect(matchImportHeader(importFieldLabels[field].vi)).toBe(field);
      expect(matchImportHeader(importFieldLabels[field].en)).toBe(field);
    }
  });
});

describe('mapImportHeaders', () => {
  it('maps a whole sheet, keeping the first column of a field', () => {
    expect(
      mapImportHeaders(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Họ tên', 'Cân nặng', 'Thôn/Tổ']),
    ).toEqual(['rowNumber', 'fullName', 'dateOfBirth', 'sex', null, null, 'village']);
  });
});
