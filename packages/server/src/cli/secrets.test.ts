import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { Agent, createUser, openTestDatabase, type TestEnv } from '../../test/harness';
import { buildApp } from '../app';
import { verifyAuditChain } from '../platform/audit/audit';
import { loadConfig } from '../platform/config';
import {
  keyIdOf,
  previousKeysFileOf,
  resolveSecretKeys,
  SecretBox,
  secretKeyFileOf,
} from '../platform/crypto';
import { lockDataDir } from '../platform/db/data-dir-lock';
import type { Database } from '../platform/db/database';
import { listEncryptedColumns } from '../platform/db/encrypted-columns';
import { cliDepsFor } from './cli-testing';
import { ExitCode, MemoryOutput } from './io';
import { openConfiguredDatabase, runCli } from './program';
import { runRekey } from './secrets';

const OLD = 'old-secret-key-old-secret-key-0123456789';
const NEW = 'new-secret-key-new-secret-key-0123456789';
const STRANGER = 'stranger-key-stranger-key-stranger-key-01';
const SUMMARY = 'Cháu bị người dượng đánh, có vết bầm ở lưng (bí mật-5521)';
const REPORTER = 'Bà Lê Thị Hoa, 0912 345 678';

type TestDb = Database & { dispose(): Promise<void> };
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshDatabase(): Promise<TestDb> {
  const database = await openTestDatabase();
  cleanups.push(() => database.dispose());
  return database;
}

/** The app over `database` with the given keys, as the harness builds it. */
async function appWith(database: Database, env: Record<string, string>): Promise<TestEnv> {
  const config = loadConfig({
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'tuoitho-secrets-app-')),
    LOG_LEVEL: 'silent',
    DEMO_MODE: 'true',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...env,
  });
  const app = await buildApp(database, config, { logger: false, jobs: false });
  const testEnv: TestEnv = { app, database, close: () => app.close() };
  cleanups.push(() => app.close());
  return testEnv;
}

/** A table of a "later migration", discovered by its column name, with `n` rows sealed by `seal`. */
async function probeTable(database: Database, name: string, n: number, seal: (i: number) => string) {
  await sql`CREATE TABLE ${sql.table(name)} (id integer PRIMARY KEY, note_encrypted text)`.execute(
    database.db,
  );
  for (let from = 1; from <= n; from += 200) {
    const ids = Array.from({ length: Math.min(200, n - from + 1) }, (_, k) => from + k);
    const values = ids.map((i) => sql`(${i}, ${seal(i)})`);
    await sql`INSERT INTO ${sql.table(name)} (id, note_encrypted) VALUES ${sql.join(values)}`.execute(
      database.db,
    );
  }
}

/** Every non-null value of every encrypted column, keyed by table.column#id. */
async function sealedValues(database: Database): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const { table, column } of await listEncryptedColumns(database.db)) {
    const { rows } = await sql<{ id: string; value: string }>`
      SELECT id::text AS id, ${sql.ref(column)} AS value FROM ${sql.table(table)}
      WHERE ${sql.ref(column)} IS NOT NULL`.execute(database.db);
    for (const row of rows) result.set(`${table}.${column}#${row.id}`, row.value);
  }
  return result;
}

const opened = (values: Map<string, string>, box: SecretBox) =>
  new Map([...values].map(([k, v]) => [k, box.decrypt(v)]));

describe('tuoitho secrets rekey (server mode: SECRET_KEY=new, SECRET_KEY_PREVIOUS=old)', () => {
  it('reads old data with both keys, re-encrypts all of it, and reads it after the old key is removed', async () => {
    const database = await freshDatabase();
    // Data written while OLD was the key: a case through the API, a TOTP secret, a new table.
    const before = await appWith(database, { SECRET_KEY: OLD });
    const officer = await createUser(before, {
      unitCode: '14812',
      permissions: ['registry.read', 'registry.write', 'cases.read', 'cases.content.read', 'cases.write'],
    });
    const agent = new Agent(before);
    await agent.login(officer.username);
    const created = await agent.post('/api/v1/cases', {
      child: { fullName: 'Trần Gia Bảo', sex: 'male', dateOfBirth: '2016-05-04' },
      unitCode: '14812',
      source: 'hotline_111',
      concerns: ['physical_violence'],
      urgency: 'urgent',
      receivedAt: '2026-04-27T09:00:00+07:00',
      summary: SUMMARY,
      reporter: REPORTER,
    });
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json().id as string;
    const old = new SecretBox(OLD);
    await database.db
      .updateTable('app_user')
      .set({ mfa_secret_enc: old.encrypt('JBSWY3DPEHPK3PXP') })
      .where('id', '=', officer.id)
      .execute();
    await probeTable(database, 'rekey_probe', 1234, (i) => old.encrypt(`ghi chú ${i}`));
    const original = await sealedValues(database);
    const plain = opened(original, old);
    expect(plain.get(`rekey_probe.note_encrypted#1234`)).toBe('ghi chú 1234');
    expect([...original.keys()].some((k) => k.startsWith('child_case.summary_encrypted#'))).toBe(true);
    expect([...original.keys()].some((k) => k.startsWith('case_action.payload_encrypted#'))).toBe(true);

    // The server restarted with the new key and the old one as previous still reads everything.
    const both = await appWith(database, { SECRET_KEY: NEW, SECRET_KEY_PREVIOUS: OLD });
    const reader = new Agent(both);
    await reader.login(officer.username);
    expect((await reader.get(`/api/v1/cases/${caseId}`)).json()).toMatchObject({
      summary: SUMMARY,
      reporter: REPORTER,
    });

    const env = { SECRET_KEY: NEW, SECRET_KEY_PREVIOUS: OLD };
    const dry = cliDepsFor(database, env);
    expect(await runCli(['node', 'tuoitho', 'secrets', 'rekey', '--dry-run'], dry)).toBe(ExitCode.Ok);
    expect(dry.out.text).toMatch(/rekey_probe\.note_encrypted\s+1\.234 cần mã hóa lại/);
    expect(await sealedValues(database)).toEqual(original);

    const deps = cliDepsFor(database, env);
    expect(await runCli(['node', 'tuoitho', 'secrets', 'rekey'], deps), deps.out.text).toBe(ExitCode.Ok);
    expect(deps.out.text).toMatch(/child_case\.summary_encrypted\s+1 đã mã hóa lại/);
    expect(deps.out.text).toMatch(/rekey_probe\.note_encrypted\s+1\.234 đã mã hóa lại/);
    expect(deps.out.text).toMatch(/app_user\.mfa_secret_enc\s+1 đã mã hóa lại/);

    const after = await sealedValues(database);
    const newOnly = new SecretBox(NEW);
    expect([...after.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [key, value] of after) {
      expect(newOnly.isSealedWithCurrentKey(value), key).toBe(true);
      expect(value).not.toBe(original.get(key));
    }
    expect(opened(after, newOnly)).toEqual(plain);

    // Idempotent: a second run changes nothing.
    const again = cliDepsFor(database, env);
    expect(await runCli(['node', 'tuoitho', 'secrets', 'rekey'], again)).toBe(ExitCode.Ok);
    expect(again.out.text).toMatch(/Xong: 0 giá trị đã mã hóa lại, 1\.2\d\d đã dùng khóa mới/);
    expect(await sealedValues(database)).toEqual(after);

    // The audit rows hold counts and the key id, never values or keys; the chain stays intact.
    const audits = await database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'diff'])
      .where('action', '=', 'secrets.rekey')
      .orderBy('id')
      .execute();
    expect(audits).toHaveLength(2);
    expect(audits[0]!.entity_id).toBe(keyIdOf(NEW));
    expect(audits[0]!.diff).toMatchObject({
      _details: {
        trigger: 'rekey',
        failed: false,
        previousKeys: 1,
        columns: { 'rekey_probe.note_encrypted': { resealed: 1234, current: 0 } },
      },
    });
    const auditText = JSON.stringify(audits);
    for (const secret of [SUMMARY, REPORTER, OLD, NEW, 'ghi chú']) expect(auditText).not.toContain(secret);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });

    // Without the previous key the app still reads everything.
    const newKeyOnly = await appWith(database, { SECRET_KEY: NEW });
    const later = new Agent(newKeyOnly);
    await later.login(officer.username);
    const res = await later.get(`/api/v1/cases/${caseId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ summary: SUMMARY, reporter: REPORTER });
  });

  it('stops with exit code 2 on a value no key opens, writing nothing of that batch', async () => {
    const database = await freshDatabase();
    const old = new SecretBox(OLD);
    const stranger = new SecretBox(STRANGER);
    await probeTable(database, 'rekey_bad', 10, (i) => (i === 5 ? stranger : old).encrypt(`giá trị ${i}`));
    const original = await sealedValues(database);

    const deps = cliDepsFor(database, { SECRET_KEY: NEW, SECRET_KEY_PREVIOUS: OLD });
    expect(await runCli(['node', 'tuoitho', 'secrets', 'rekey'], deps)).toBe(ExitCode.Integrity);
    expect(deps.out.errors.join('\n')).toContain(
      'Không khóa nào mở được giá trị rekey_bad.note_encrypted của dòng id=5',
    );
    expect(await sealedValues(database)).toEqual(original);

    // With batches of 3: the first batch (ids 1-3) commits, the one holding id 5 writes nothing.
    const box = new SecretBox(NEW, [OLD]);
    await expect(runRekey(database, new MemoryOutput(), box, { batchSize: 3 })).rejects.toThrow(/id=5/);
    const partial = await sealedValues(database);
    for (const id of [1, 2, 3])
      expect(box.isSealedWithCurrentKey(partial.get(`rekey_bad.note_encrypted#${id}`)!)).toBe(true);
    for (const id of [4, 5, 6, 7, 8, 9, 10]) {
      const key = `rekey_bad.note_encrypted#${id}`;
      expect(partial.get(key)).toBe(original.get(key));
    }
    const failed = await database.db
      .selectFrom('audit_log')
      .select('diff')
      .where('action', '=', 'secrets.rekey')
      .executeTakeFirstOrThrow();
    expect(failed.diff).toMatchObject({
      _details: { failed: true, columns: { 'rekey_bad.note_encrypted': { resealed: 3 } } },
    });

    // Adding the missing key as a previous one lets the rerun finish.
    const fixed = cliDepsFor(database, { SECRET_KEY: NEW, SECRET_KEY_PREVIOUS: `${OLD},${STRANGER}` });
    expect(await runCli(['node', 'tuoitho', 'secrets', 'rekey'], fixed)).toBe(ExitCode.Ok);
    expect(fixed.out.text).toMatch(/rekey_bad\.note_encrypted\s+7 đã mã hóa lại\s+3 đã dùng khóa mới/);
  });

  it('fails loudly when a table with an encrypted column has no id column', async () => {
    const database = await freshDatabase();
    await sql`CREATE TABLE rekey_no_id (code text PRIMARY KEY, secret_enc text)`.execute(database.db);
    const deps = cliDepsFor(database, { SECRET_KEY: NEW, SECRET_KEY_PREVIOUS: OLD });
    expect(await runCli(['node', 'tuoitho', 'secrets', 'rekey', '--dry-run'], deps)).toBe(ExitCode.Failure);
    expect(deps.out.errors.join('\n')).toContain(
      'Bảng rekey_no_id có cột mã hóa secret_enc nhưng không có cột id',
    );
  });
});

describe('tuoitho secrets rotate (embedded mode)', () => {
  const embeddedDir = (key: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoitho-rotate-'));
    fs.writeFileSync(secretKeyFileOf(dir), key, { mode: 0o600 });
    return dir;
  };

  it('creates a new 0600 key, keeps the old one in secret.key.previous and re-encrypts', async () => {
    const database = await freshDatabase();
    const old = new SecretBox(OLD);
    await probeTable(database, 'rotate_probe', 20, (i) => old.encrypt(`bí mật ${i}`));
    const dir = embeddedDir(OLD);

    const deps = cliDepsFor(database, { DATA_DIR: dir });
    expect(await runCli(['node', 'tuoitho', 'secrets', 'rotate'], deps), deps.out.text).toBe(ExitCode.Ok);
    const current = fs.readFileSync(secretKeyFileOf(dir), 'utf8');
    expect(current).not.toBe(OLD);
    expect(current.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(secretKeyFileOf(dir)).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(previousKeysFileOf(dir), 'utf8')).toBe(`${OLD}\n`);
    expect(fs.statSync(previousKeysFileOf(dir)).mode & 0o777).toBe(0o600);
    expect(resolveSecretKeys(loadConfig({ DATA_DIR: dir }))).toEqual({ current, previous: [OLD] });
    expect(deps.out.text).toContain(`Đã tạo khóa mới ${keyIdOf(current)}`);

    const box = new SecretBox(current);
    for (const [key, value] of await sealedValues(database)) {
      expect(box.isSealedWithCurrentKey(value), key).toBe(true);
      expect(box.decrypt(value)).toBe(`bí mật ${key.split('#')[1]}`);
    }
    const audit = await database.db
      .selectFrom('audit_log')
      .select('diff')
      .where('action', '=', 'secrets.rekey')
      .executeTakeFirstOrThrow();
    expect(audit.diff).toMatchObject({
      _details: { trigger: 'rotate', columns: { 'rotate_probe.note_encrypted': { resealed: 20 } } },
    });
  });

  it('changes no key when a value does not open, when SECRET_KEY is set, or while the server runs', async () => {
    const database = await freshDatabase();
    await probeTable(database, 'rotate_bad', 2, (i) => new SecretBox(i === 2 ? STRANGER : OLD).encrypt('x'));
    const dir = embeddedDir(OLD);
    const unchanged = () => {
      expect(fs.readFileSync(secretKeyFileOf(dir), 'utf8')).toBe(OLD);
      expect(fs.existsSync(previousKeysFileOf(dir))).toBe(false);
    };

    const bad = cliDepsFor(database, { DATA_DIR: dir });
    expect(await runCli(['node', 'tuoitho', 'secrets', 'rotate'], bad)).toBe(ExitCode.Integrity);
    expect(bad.out.errors.join('\n')).toContain('rotate_bad.note_encrypted của dòng id=2');
    unchanged();

    const server = cliDepsFor(database, { DATA_DIR: dir, SECRET_KEY: NEW });
    expect(await runCli(['node', 'tuoitho', 'secrets', 'rotate'], server)).toBe(ExitCode.Failure);
    expect(server.out.errors.join('\n')).toContain('SECRET_KEY đang được đặt');
    unchanged();

    const release = lockDataDir(dir, 'tuoitho server');
    try {
      const locked = { ...cliDepsFor(database, { DATA_DIR: dir }), openDatabase: openConfiguredDatabase };
      expect(await runCli(['node', 'tuoitho', 'secrets', 'rotate'], locked)).toBe(ExitCode.Failure);
      expect(locked.out.errors.join('\n')).toContain('tuoitho server');
    } finally {
      release();
    }
    unchanged();
  });
});
