import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP 2024 minimum (m=19 MiB, t=2, p=1). Algorithm 2 = Argon2id.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against its argon2id hash; false for any malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the username does not exist (equal timing). */
export const DUMMY_HASH_PROMISE = hashPassword('dummy-password-for-timing-equalisation');
