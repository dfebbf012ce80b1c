const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/**
 * Reads a group of three digits. `full`: a group after a higher one, whose zero hundreds and
 * tens are still read ("một triệu không trăm linh năm nghìn").
 */
function readGroup(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const words: string[] = [];
  if (full || hundreds > 0) words.push(DIGITS[hundreds]!, 'trăm');
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push('linh');
  } else if (tens === 1) words.push('mười');
  else words.push(DIGITS[tens]!, 'mươi');
  if (units === 1 && tens > 1) words.push('mốt');
  else if (units === 5 && tens > 0) words.push('lăm');
  else if (units > 0) words.push(DIGITS[units]!);
  return words;
}

/** Reads 0 ≤ n < 1 000 000 000 with triệu and nghìn. */
function readBelowBillion(n: number, full: boolean): string[] {
  const groups = [Math.floor(n / 1_000_000), Math.floor(n / 1000) % 1000, n % 1000];
  const names = ['triệu', 'nghìn', ''];
  const words: string[] = [];
  groups.forEach((group, index) => {
    if (group === 0) return;
    words.push(...readGroup(group, full || words.length > 0));
    if (names[index]) words.push(names[index]!);
  });
  return words;
}

function read(n: number, full: boolean): string[] {
  if (n < 1_000_000_000) return readBelowBillion(n, full);
  const billions = Math.floor(n / 1_000_000_000);
  const rest = n % 1_000_000_000;
  return [...read(billions, full), 'tỷ', ...(rest > 0 ? readBelowBillion(rest, true) : [])];
}

/**
 * An amount of đồng in Vietnamese words, as written under the total of a payment list:
 * `1250000` → "Một triệu hai trăm năm mươi nghìn đồng".
 */
export function vndInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a whole amount of đồng: ${n}`);
  const words = n === 0 ? ['không'] : read(n, false);
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
