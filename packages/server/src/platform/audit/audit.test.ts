import { describe, expect, it } from 'vitest';
import {
  type AuditRowContent,
  canonicalJson,
  computeDiff,
  GENESIS_HASH,
  hashAuditRow,
  REDACTED,
} from './audit';

describe('canonicalJson', () => {
  it('sorts object keys at every depth, so equal values serialise alike', () => {
    const a = { b: 1, a: { d: [{ y: 1, x: 2 }], c: null } };
    const b = { a: { c: null, d: [{ x: 2, y: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":null,"d":[{"x":2,"y":1}]},"b":1}');
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it('keeps array order and writes dates as ISO 8601', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05.006Z') })).toBe(
      '{"at":"2026-01-02T03:04:05.006Z"}',
    );
  });

  it('keeps Vietnamese text as it is', () => {
    expect(JSON.parse(canonicalJson({ tên: 'Phường Bỉm Sơn' }))).toEqual({ tên: 'Phường Bỉm Sơn' });
  });
});

describe('computeDiff', () => {
  it('lists only the fields that changed, as {from, to}', () => {
    const diff = computeDiff(
      { full_name: 'Trần Thị Mai', email: null, unit_id: 1, roles: ['a'] },
      { full_name: 'Trần Thị Mai', email: 'mai@example.vn', unit_id: 2, roles: ['a'] },
    );
    expect(diff).toEqual({ email: { from: null, to: 'mai@example.vn' }, unit_id: { from: 1, to: 2 } });
  });

  it('treats a create as a change from null and ignores key order inside values', () => {
    expect(computeDiff(undefined, { username: 'mai' })).toEqual({ username: { from: null, to: 'mai' } });
    expect(computeDiff({ x: { a: 1, b: 2 } }, { x: { b: 2, a: 1 } })).toEqual({});
  });

  it('redacts passwords, hashes, secrets, tokens and recovery codes but records that they changed', () => {
    const diff = computeDiff(
      { password_hash: 'old', mfa_secret_enc: null, csrf_token: 'a', full_name: 'A' },
      {
        password_hash: 'new',
        mfa_secret_enc: 'v1.secret',
        csrf_token: 'b',
        recovery_codes: ['K7M2Q-9XWPA'],
        password: 'TuoiTho@2026',
        full_name: 'B',
      },
    );
    expect(diff.password_hash).toEqual({ from: REDACTED, to: REDACTED });
    expect(diff.mfa_secret_enc).toEqual({ from: null, to: REDACTED });
    expect(diff.csrf_token).toEqual({ from: REDACTED, to: REDACTED });
    expect(diff.recovery_codes).toEqual({ from: null, to: REDACTED });
    expect(diff.password).toEqual({ from: null, to: REDACTED });
    expect(diff.full_name).toEqual({ from: 'A', to: 'B' });
    const text = JSON.stringify(diff);
    for (const secret of ['old', 'new', 'v1.secret', 'K7M2Q', 'TuoiTho@2026']) {
      expect(text).not.toContain(secret);
    }
    expect(REDACTED).toBe('[đã che]');
  });

  it('omits an unchanged secret entirely', () => {
    expect(computeDiff({ password_hash: 'same' }, { password_hash: 'same' })).toEqual({});
  });
});

describe('audit hash chain', () => {
  const row = (prev_hash: string, overrides: Partial<AuditRowContent> = {}): AuditRowContent => ({
    occurred_at: new Date('2026-03-01T08:00:00.000Z'),
    actor_user_id: '8a4f0c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b',
    actor_username: 'admin',
    action: 'user.create',
    entity_type: 'user',
    entity_id: 'e1',
    unit_id: 14812,
    diff: { username: { from: null, to: 'mai' } },
    request_id: 'req-1',
    ip: '127.0.0.1',
    prev_hash,
    ...overrides,
  });

  it('is a SHA-256 hex digest, stable for the same content', () => {
    const hash = hashAuditRow(row(GENESIS_HASH));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAuditRow(row(GENESIS_HASH))).toBe(hash);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('does not depend on key order of the diff or on unit_id arriving as text', () => {
    const a = hashAuditRow(row(GENESIS_HASH, { diff: { b: 1, a: 2 } }));
    const b = hashAuditRow(row(GENESIS_HASH, { diff: { a: 2, b: 1 } }));
    expect(a).toBe(b);
    const asText = hashAuditRow(row(GENESIS_HASH, { unit_id: '14812' as unknown as number }));
    expect(asText).toBe(hashAuditRow(row(GENESIS_HASH)));
  });

  it('changes when any field changes, so an edited row no longer matches', () => {
    const original = hashAuditRow(row(GENESIS_HASH));
    const edits: Partial<AuditRowContent>[] = [
      { occurred_at: new Date('2026-03-01T08:00:00.001Z') },
      { actor_username: 'someone' },
      { action: 'user.update' },
      { entity_id: 'e2' },
      { unit_id: 14818 },
      { unit_id: null },
      { diff: { username: { from: null, to: 'maj' } } },
      { ip: null },
    ];
    for (const edit of edits) expect(hashAuditRow(row(GENESIS_HASH, edit))).not.toBe(original);
  });

  it('chains each row to the previous one, so removing a row breaks the links after it', () => {
    const first = hashAuditRow(row(GENESIS_HASH, { entity_id: 'a' }));
    const second = hashAuditRow(row(first, { entity_id: 'b' }));
    const third = hashAuditRow(row(second, { entity_id: 'c' }));
    // Without the second row, the third would have to be chained to the first: a different hash.
    expect(hashAuditRow(row(first, { entity_id: 'c' }))).not.toBe(third);
    expect(new Set([first, second, third]).size).toBe(3);
  });
});
