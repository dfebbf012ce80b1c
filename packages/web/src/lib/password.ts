import { checkPasswordPolicy } from '@tuoitho/domain';

// No look-alike characters (0/O, 1/l/I), so a temporary password can be read out on the phone.
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '@#$%&*+-=?';
const ALL = LOWER + UPPER + DIGITS + SYMBOLS;

function pick(alphabet: string, random: number): string {
  return alphabet.charAt(random % alphabet.length);
}

/** A random temporary password of `length` characters that satisfies the password policy. */
export function generatePassword(length = 14, username?: string): string {
  for (;;) {
    const randoms = crypto.getRandomValues(new Uint32Array(length));
    const chars = Array.from(randoms, (random, index) => {
      if (index === 0) return pick(UPPER, random);
      if (index === 1) return pick(LOWER, random);
      if (index === 2) return pick(DIGITS, random);
      if (index === 3) return pick(SYMBOLS, random);
      return pick(ALL, random);
    });
    // Shuffle so the required classes are not always in front (Fisher–Yates).
    const swaps = crypto.getRandomValues(new Uint32Array(length));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = (swaps[i] ?? 0) % (i + 1);
      [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
    }
    const password = chars.join('');
    if (checkPasswordPolicy(password, username).length === 0) return password;
  }
}
