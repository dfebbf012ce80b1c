import { describe, expect, it } from 'vitest';
import {
  compactFold,
  foldedWords,
  foldVietnamese,
  normaliseName,
  normaliseWhitespace,
} from './vietnamese-text';

describe('foldVietnamese (same as SQL vn_fold)', () => {
  it.each([
    ['Nguyễn Văn An', 'nguyen van an'],
    ['ĐẶNG THỊ ĐÀO', 'dang thi dao'],
    ['Đỗ Đức Độ', 'do duc do'],
    ['Trương Ưng Ước', 'truong ung uoc'],
    ['Phạm Thị Hoà / Hòa', 'pham thi hoa / hoa'],
    ['Lê  Văn-Bình', 'le  van-binh'],
    ['nguyen van a', 'nguyen van a'],
    ['Nguyê\u0303n', 'nguyen'],
    ['', ''],
  ])('%j → %j', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it('folds precomposed and decomposed text alike', () => {
    expect(foldVietnamese('Huỳnh Thị Ánh'.normalize('NFD'))).toBe(foldVietnamese('Huỳnh Thị Ánh'));
  });
});

describe('normaliseName', () => {
  it.each([
    ['nguyễn văn  an', 'Nguyễn Văn An'],
    ['  NGUYỄN THỊ ĐÀO ', 'Nguyễn Thị Đào'],
    ['đỗ ưng', 'Đỗ Ưng'],
    ['lê\tthị\u00a0hồng', 'Lê Thị Hồng'],
    ['trần thị minh-khai', 'Trần Thị Minh-Khai'],
    ["h'hen niê", "H'Hen Niê"],
    ['h’hen niê', "H'Hen Niê"],
    ['ksor y-bhin', 'Ksor Y-Bhin'],
    ['Nguye\u0302\u0303n Văn Ơn', 'Nguyễn Văn Ơn'],
    ['an', 'An'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });
});

describe('helpers', () => {
  it('normaliseWhitespace trims, collapses and composes', () => {
    expect(normaliseWhitespace('  a \n  b\t c ')).toBe('a b c');
  });
  it('compactFold drops punctuation and spaces', () => {
    expect(compactFold('Bru - Vân Kiều')).toBe('bruvankieu');
    expect(compactFold("H'Mông")).toBe('hmong');
  });
  it('foldedWords splits on anything that is not a letter or digit', () => {
    expect(foldedWords('Nguyễn  Văn-An, tổ 5')).toEqual(['nguyen', 'van', 'an', 'to', '5']);
  });
});
