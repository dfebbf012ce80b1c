import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const ISSUER = 'Tuổi Thơ';

function totpFor(secretBase32: string, label: string) {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random TOTP secret (160 bits, base32) with its otpauth URL and QR code image. */
export async function newTotpEnrolment(username: string) {
  const secret = new Secret({ size: 20 }).base32;
  const otpauthUrl = totpFor(secret, username).toString();
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUrl, {
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 240,
  });
  return { secret, otpauthUrl, qrCodeDataUrl };
}

/**
 * Checks a 6-digit code, accepting one 30-second step of clock drift either way; returns the time
 * step the code belongs to (so a used step can be refused next time), or undefined when wrong.
 */
export function verifyTotp(secretBase32: string, code: string, now = Date.now()): number | undefined {
  const delta = totpFor(secretBase32, 'check').validate({ token: code, window: 1, timestamp: now });
  return delta === null ? undefined : Math.floor(now / 30_000) + delta;
}

/** The code of a secret at a time, by default now (for tests and the CLI). */
export function currentTotp(secretBase32: string, timestamp = Date.now()): string {
  return totpFor(secretBase32, 'check').generate({ timestamp });
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Ten one-time recovery codes like `K7M2Q-9XWPA` (no 0/O or 1/I to avoid misreading). */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Recovery codes are compared without case or dash. */
export const normaliseRecoveryCode = (code: string) => code.replace('-', '').toUpperCase();
