import { describe, expect, it } from 'vitest';
import { vndInWords } from './vnd-in-words';

describe('vndInWords', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [105, 'Một trăm linh năm đồng'],
    [1_000, 'Một nghìn đồng'],
    [25_000, 'Hai mươi lăm nghìn đồng'],
    [360_000, 'Ba trăm sáu mươi nghìn đồng'],
    [1_250_000, 'Một triệu hai trăm năm mươi nghìn đồng'],
    [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
    [1_000_500, 'Một triệu năm trăm đồng'],
    [10_500_000, 'Mười triệu năm trăm nghìn đồng'],
    [2_750_000, 'Hai triệu bảy trăm năm mươi nghìn đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [2_000_300_000, 'Hai tỷ ba trăm nghìn đồng'],
    [
      1_234_567_891,
      'Một tỷ hai trăm ba mươi bốn triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt đồng',
    ],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
  ])('%i → %s', (n, words) => {
    expect(vndInWords(n)).toBe(words);
  });

  it('refuses fractions and negative amounts', () => {
    expect(() => vndInWords(-1)).toThrow(RangeError);
    expect(() => vndInWords(1.5)).toThrow(RangeError);
  });
});
