import { wordList as list, type Weighted, weighted } from './random';

/**
 * Vietnamese personal names for synthetic children and their families. Family-name weights follow
 * the commonly cited national shares (Nguyễn about 38 %, Trần 11 %, Lê 9.5 %, Phạm 7 %, …), with
 * the northern spellings (Hoàng, Vũ) dominant as in Thanh Hóa and Trịnh, Mai more frequent there.
 * Mường and Thái families draw from the family names usual in those communities.
 */

export const KINH_FAMILY_NAMES: Weighted<string> = weighted(
  'Nguyễn 380, Trần 105, Lê 100, Phạm 68, Hoàng 42, Huỳnh 6, Phan 40, Vũ 32, Võ 6, Đặng 21, Bùi 20, Đỗ 15, Hồ 12, Ngô 13, Dương 10, Lý 5, Trịnh 22, Mai 16, Đinh 9, Đào 8, Cao 7, Lương 5, Tạ 4, Hà 6, Lại 3, Tô 3, Lưu 3, Chu 2, Vương 2, Kiều 2, Doãn 1, Nghiêm 1',
);

export const MUONG_FAMILY_NAMES: Weighted<string> = weighted(
  'Bùi 30, Đinh 20, Quách 12, Phạm 12, Hà 8, Trương 6, Nguyễn 6, Lê 4, Cao 2',
);

export const THAI_FAMILY_NAMES: Weighted<string> = weighted(
  'Hà 22, Lò 14, Lương 14, Lường 10, Vi 10, Cầm 8, Phạm 8, Lữ 6, Ngân 4, Lê 4',
);

/** Middle names of boys; `Văn` is most frequent among parents, less among young children. */
export const BOY_MIDDLE_NAMES: Weighted<string> = weighted(
  'Văn 22, Đức 10, Minh 12, Quang 7, Gia 7, Hoàng 5, Anh 4, Tuấn 3, Hữu 4, Công 4, Thành 4, Trọng 3, Bảo 5, Đình 4, Xuân 3, Mạnh 2, Nhật 3, Tiến 2, Hải 2, Khánh 2, Thanh 2, Việt 2',
);

export const GIRL_MIDDLE_NAMES: Weighted<string> = weighted(
  'Thị 30, Ngọc 10, Thu 6, Bảo 6, Khánh 5, Minh 5, Phương 4, Thanh 4, Hoài 3, Gia 4, Diệu 2, Quỳnh 3, Mai 3, Thảo 3, Hà 2, Kim 2, Hồng 2, Tuệ 2, Linh 2, Yến 1',
);

/** Middle names of parents (born 1975–2005), when `Văn` and `Thị` were the rule. */
export const FATHER_MIDDLE_NAMES: Weighted<string> = weighted(
  'Văn 55, Đức 8, Minh 6, Quang 5, Hữu 5, Công 5, Đình 5, Xuân 4, Trọng 3, Thanh 3, Ngọc 3, Mạnh 2',
);

export const MOTHER_MIDDLE_NAMES: Weighted<string> = weighted(
  'Thị 70, Ngọc 5, Thu 5, Thanh 4, Hồng 4, Kim 3, Minh 3, Phương 3, Hoài 2, Mai 2',
);

export const BOY_GIVEN_NAMES: readonly string[] = list(
  'An, Anh, Bảo, Bình, Cường, Chiến, Dũng, Duy, Dương, Đạt, Định, Đông, Giang, Hải, Hào, Hiếu, Hiển, Hoàng, Huy, Hùng, Hưng, Khang, Khánh, Khoa, Khôi, Kiên, Lâm, Long, Lộc, Lực, Mạnh, Minh, Nam, Nghĩa, Nhân, Nhật, Phát, Phong, Phúc, Quân, Quang, Quý, Sơn, Tài, Tâm, Thái, Thắng, Thành, Thiện, Thịnh, Toàn, Trí, Trung, Trường, Tuấn, Tùng, Việt, Vinh, Vũ, Vương, Bách, Đăng, Đức, Hậu, Hòa, Kiệt, Lân, Luân, Nguyên, Sang, Tiến, Tú',
);

export const GIRL_GIVEN_NAMES: readonly string[] = list(
  'An, Anh, Ánh, Bích, Chi, Diệp, Dung, Duyên, Giang, Hà, Hạnh, Hằng, Hiền, Hoa, Hồng, Huyền, Hương, Khánh, Lan, Linh, Loan, Ly, Mai, My, Nga, Ngân, Ngọc, Nhi, Nhung, Oanh, Phương, Quỳnh, Tâm, Thảo, Thanh, Thu, Thủy, Trang, Trâm, Uyên, Vân, Vy, Yến, Hân, Thư, Châu, Diệu, Hoài, Lam, Minh, Nguyệt, Như, Phượng, Tiên, Trúc, Tuyết, Xuân, Hậu, Na, Hà My',
);

/** Given names usual among parents' generation (slightly older fashion). */
export const MAN_GIVEN_NAMES: readonly string[] = list(
  'An, Bình, Cường, Chung, Dũng, Dương, Đạt, Định, Đông, Giang, Hải, Hiếu, Hòa, Hùng, Hưng, Huy, Khải, Khánh, Kiên, Lâm, Long, Lợi, Mạnh, Minh, Nam, Nghĩa, Ngọc, Phong, Phúc, Quân, Quang, Sơn, Tài, Thắng, Thành, Thanh, Thịnh, Thuận, Toàn, Trung, Tuấn, Tùng, Việt, Vinh, Xuân, Hoàng',
);

export const WOMAN_GIVEN_NAMES: readonly string[] = list(
  'Anh, Bích, Chi, Dung, Duyên, Giang, Hà, Hạnh, Hằng, Hiền, Hoa, Hồng, Huệ, Huyền, Hương, Lan, Liên, Linh, Loan, Lý, Mai, Nga, Ngân, Ngọc, Nhung, Oanh, Phương, Quyên, Tâm, Thảo, Thanh, Thu, Thủy, Thúy, Trang, Tuyết, Vân, Yến, Xuân, Hậu, Nhàn, Dịu',
);

/** Names of grandparents (born 1945–1975). */
export const GRANDFATHER_GIVEN_NAMES: readonly string[] = list(
  'Bảy, Cảnh, Chiến, Điền, Hoan, Hợi, Khang, Lộc, Lực, Mão, Năm, Phú, Sáu, Tâm, Thìn, Thọ, Tý, Vượng, Xuyên, Hạnh',
);

export const GRANDMOTHER_GIVEN_NAMES: readonly string[] = list(
  'Bông, Cúc, Đào, Hoa, Huệ, Lài, Lành, Liên, Lý, Mận, Mơ, Nhài, Nụ, Sen, Tám, Thoa, Thơm, Tươi, Xoan, Hồng',
);
