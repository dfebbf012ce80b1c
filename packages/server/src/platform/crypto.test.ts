import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import {
  keyIdOf,
  previousKeysFileOf,
  resolveSecretKeys,
  rotateSecretKeyFile,
  SecretBox,
  secretKeyFileOf,
} from './crypto';

const OLD = 'old-secret-key-old-secret-key-0123456789';
const NEW = 'new-secret-key-new-secret-key-0123456789';
const OTHER = 'other-secret-key-other-secret-key-012345';

describe('SecretBox', () => {
  it('encrypts with the current key and reads values sealed with a previous one', () => {
    const sealedOld = new SecretBox(OLD).encrypt('Lời khai của trẻ');
    const box = new SecretBox(NEW, [OLD]);
    expect(box.decrypt(sealedOld)).toBe('Lời khai của trẻ');
    const sealedNew = box.encrypt('Nội dung mới');
    expect(sealedNew).toMatch(/^v1\.[^.]+\.[^.]+\.[^.]*$/);
    expect(new SecretBox(NEW).decrypt(sealedNew)).toBe('Nội dung mới');
    expect(() => new SecretBox(OLD).decrypt(sealedNew)).toThrow(/No configured key/);
  });

  it('tells whether a value uses the current key, and reseals only the old ones', () => {
    const box = new SecretBox(NEW, [OLD]);
    const sealedOld = new SecretBox(OLD).encrypt('a');
    const sealedNew = box.encrypt('b');
    expect(box.isSealedWithCurrentKey(sealedOld)).toBe(false);
    expect(box.isSealedWithCurrentKey(sealedNew)).toBe(true);
    expect(box.isSealedWithCurrentKey('not a ciphertext')).toBe(false);
    expect(box.reseal(sealedNew)).toBeUndefined();
    const resealed = box.reseal(sealedOld);
    expect(resealed).toBeDefined();
    expect(box.isSealedWithCurrentKey(resealed!)).toBe(true);
    expect(new SecretBox(NEW).decrypt(resealed!)).toBe('a');
  });

  it('refuses a value no key opens, a tampered one and an unknown format', () => {
    const box = new SecretBox(NEW, [OLD]);
    expect(() => box.decrypt(new SecretBox(OTHER).encrypt('x'))).toThrow(/No configured key/);
    expect(() => box.reseal(new SecretBox(OTHER).encrypt('x'))).toThrow(/No configured key/);
    const [v, iv, tag, data] = box.encrypt('abc').split('.');
    const flipped = Buffer.from(data!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.decrypt([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => box.decrypt('v2.abc.def.ghi')).toThrow(/Unknown ciphertext format/);
  });

  it('still reads the v1 values written before rotation existed (fixed vector)', () => {
    // Produced by the original single-key SecretBox (before rotation) with key OLD.
    const legacy = 'v1.oN_gy9ibC3_wL8b2.qcNjAg3bIOdoyWt5uxZCXQ.e9SDcC_bURPEF6XxWMI';
    expect(new SecretBox(NEW, [OLD]).decrypt(legacy)).toBe('tương thích');
    expect(keyIdOf(OLD)).toMatch(/^[0-9a-f]{8}$/);
    expect(keyIdOf(OLD)).not.toBe(keyIdOf(NEW));
    expect(new SecretBox(NEW, [OLD, NEW, OLD]).previousKeyCount).toBe(1);
  });
});

describe('resolveSecretKeys', () => {
  it('server mode: SECRET_KEY and SECRET_KEY_PREVIOUS (comma-separated, each ≥ 32 characters)', () => {
    const config = loadConfig({ SECRET_KEY: NEW, SECRET_KEY_PREVIOUS: ` ${OLD} , ${OTHER},` });
    expect(resolveSecretKeys(config)).toEqual({ current: NEW, previous: [OLD, OTHER] });
    expect(() => loadConfig({ SECRET_KEY: NEW, SECRET_KEY_PREVIOUS: `${OLD},short` })).toThrow(/32/);
    expect(loadConfig({}).secretKeyPrevious).toEqual([]);
  });

  it('embedded mode: rotation keeps the old key in secret.key.previous, both files 0600', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoitho-keys-'));
    const config = loadConfig({ DATA_DIR: dir });
    const first = resolveSecretKeys(config);
    expect(first.previous).toEqual([]);
    const { oldKey, newKey } = rotateSecretKeyFile(dir);
    expect(oldKey).toBe(first.current);
    rotateSecretKeyFile(dir);
    const keys = resolveSecretKeys(config);
    expect(keys.previous).toEqual([oldKey, newKey]);
    expect(keys.current).not.toBe(newKey);
    expect(fs.statSync(secretKeyFileOf(dir)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(previousKeysFileOf(dir)).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir).sort()).toEqual(['secret.key', 'secret.key.previous']);
  });
});
