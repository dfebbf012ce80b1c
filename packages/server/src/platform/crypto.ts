import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config';

type Sealed = { iv: Buffer; tag: Buffer; data: Buffer };

const deriveKey = (secret: string) => createHash('sha256').update(secret).digest();

/**
 * A short, non-secret fingerprint of a key (first 8 hex characters of SHA-256 of the derived AES
 * key), for logs and audit rows that must say which key is in use without revealing it.
 */
export const keyIdOf = (secret: string) =>
  createHash('sha256').update(deriveKey(secret)).digest('hex').slice(0, 8);

function parseSealed(sealed: string): Sealed {
  const [version, iv, tag, data, extra] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined || extra !== undefined) {
    throw new Error('Unknown ciphertext format');
  }
  return {
    iv: Buffer.from(iv, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
    data: Buffer.from(data, 'base64url'),
  };
}

/** The plain text, or undefined when `key` is not the key the text was sealed with (GCM tag fails). */
function openWith(key: Buffer, sealed: Sealed): string | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.data), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * Authenticated encryption (AES-256-GCM) of secrets at rest, e.g. TOTP keys and case narratives.
 * Encrypts with the current key; reads with the current key, then with the previous ones (kept
 * after a rotation until `tuoitho secrets rekey` has re-encrypted everything). The format stays
 * `v1.<iv>.<tag>.<ciphertext>` without a key id: the columns' CHECK constraints require `v1.`,
 * and the GCM tag tells which key fits.
 */
export class SecretBox {
  private readonly current: Buffer;
  private readonly previous: Buffer[];
  /** Fingerprint of the current key (see keyIdOf). */
  readonly keyId: string;

  constructor(current: string, previous: string[] = []) {
    this.current = deriveKey(current);
    this.keyId = keyIdOf(current);
    const unique = [...new Set(previous)].filter((key) => key !== current);
    this.previous = unique.map(deriveKey);
  }

  /** Number of previous keys this box can still read with. */
  get previousKeyCount(): number {
    return this.previous.length;
  }

  /** Encrypts a text with the current key; the result is `v1.<iv>.<tag>.<ciphertext>` in base64url. */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** Decrypts what `encrypt` produced with any configured key; throws when no key opens it (tampered or key lost). */
  decrypt(sealed: string): string {
    const parsed = parseSealed(sealed);
    for (const key of [this.current, ...this.previous]) {
      const plain = openWith(key, parsed);
      if (plain !== undefined) return plain;
    }
    throw new Error('No configured key opens this ciphertext (wrong or missing key, or tampered data)');
  }

  /** Whether the text was sealed with the current key (false for other keys and malformed text). */
  isSealedWithCurrentKey(sealed: string): boolean {
    try {
      return openWith(this.current, parseSealed(sealed)) !== undefined;
    } catch {
      return false;
    }
  }

  /**
   * The text re-encrypted with the current key when it was sealed with a previous one, or undefined
   * when it already uses the current key. Throws when no key opens it.
   */
  reseal(sealed: string): string | undefined {
    if (this.isSealedWithCurrentKey(sealed)) return undefined;
    return this.encrypt(this.decrypt(sealed));
  }
}

/** Where the embedded (demo, development) mode keeps its generated key. */
export const secretKeyFileOf = (dataDir: string) => path.join(dataDir, 'secret.key');
/** Keys retired by `tuoitho secrets rotate`, one per line, oldest first. */
export const previousKeysFileOf = (dataDir: string) => path.join(dataDir, 'secret.key.previous');

/**
 * The secret key: `SECRET_KEY` when set; otherwise (demo and development only) a random key kept in
 * `DATA_DIR/secret.key`, created on first start. Production refuses to start without `SECRET_KEY`.
 */
export function resolveSecretKey(config: Config): string {
  if (config.secretKey) return config.secretKey;
  if (config.isProduction) {
    throw new Error('SECRET_KEY must be set in production (at least 32 characters)');
  }
  const file = secretKeyFileOf(config.dataDir);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/** The keys listed in `DATA_DIR/secret.key.previous` (none when the file does not exist). */
export function readPreviousKeyFile(dataDir: string): string[] {
  const file = previousKeysFileOf(dataDir);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * The current key and the previous keys still accepted for reading: `SECRET_KEY` and
 * `SECRET_KEY_PREVIOUS` in server mode; the key files of DATA_DIR in embedded mode.
 */
export function resolveSecretKeys(config: Config): { current: string; previous: string[] } {
  const current = resolveSecretKey(config);
  const fromFile = config.secretKey ? [] : readPreviousKeyFile(config.dataDir);
  const previous = [...new Set([...config.secretKeyPrevious, ...fromFile])].filter((key) => key !== current);
  return { current, previous };
}

/** The SecretBox of the configured keys (current and previous), as the app and the CLI use it. */
export function secretBoxFor(config: Config): SecretBox {
  const { current, previous } = resolveSecretKeys(config);
  return new SecretBox(current, previous);
}

function fsyncPath(file: string) {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Replaces the embedded key by a new random one: first appends the old key to
 * `secret.key.previous` (0600), then writes `secret.key` (0600) through a temporary file and a
 * rename, so a crash at any point leaves a key set that still reads every value.
 */
export function rotateSecretKeyFile(dataDir: string): { oldKey: string; newKey: string } {
  const keyFile = secretKeyFileOf(dataDir);
  if (!fs.existsSync(keyFile)) throw new Error(`No key file ${keyFile}`);
  const oldKey = fs.readFileSync(keyFile, 'utf8').trim();
  const newKey = randomBytes(32).toString('base64url');

  const previousFile = previousKeysFileOf(dataDir);
  const existing = fs.existsSync(previousFile) ? fs.readFileSync(previousFile, 'utf8') : '';
  const separator = existing.length > 0 && !existing.endsWith('\n') ? '\n' : '';
  const fd = fs.openSync(previousFile, 'a', 0o600);
  try {
    fs.writeSync(fd, `${separator}${oldKey}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(previousFile, 0o600);

  const temporary = `${keyFile}.${process.pid}.tmp`;
  fs.rmSync(temporary, { force: true });
  const tmp = fs.openSync(temporary, 'wx', 0o600);
  try {
    fs.writeSync(tmp, newKey);
    fs.fsyncSync(tmp);
  } finally {
    fs.closeSync(tmp);
  }
  fs.renameSync(temporary, keyFile);
  fsyncPath(dataDir);
  return { oldKey, newKey };
}

/** SHA-256 in hex, for tokens that are looked up but never stored in clear. */
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
