import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/harness';
import { verifyAuditChain, writeAuditInTx } from '../platform/audit/audit';
import { BackupError, writeBackup } from '../platform/db/backup';
import type { Database } from '../platform/db/database';
import { restoreBackup } from '../platform/db/restore';
import { cliDepsFor, fingerprint, openEmptyDatabase } from './cli-testing';
import { createUserFromCli } from './create-user';
import { ExitCode } from './io';
import { runCli } from './program';

type TestDb = Database & { dispose(): Promise<void> };

let source: TestDb;
let target: TestDb;
let dir: string;
let file: string;

const PASSWORD = 'Sao-luu#2026x';

/** Rewrites a backup file line by line (gunzip, change, gzip). */
function rewrite(from: string, to: string, change: (lines: string[]) => string[]) {
  const lines = zlib.gunzipSync(fs.readFileSync(from)).toString('utf8').split('\n');
  fs.writeFileSync(to, zlib.gzipSync(change(lines).join('\n')));
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoitho-backup-'));
  file = path.join(dir, 'backup.ndjson.gz');
  source = await openTestDatabase();
  target = await openTestDatabase();
  await createUserFromCli(source, {
    username: 'sao.luu',
    fullName: 'Nguyễn Thị Sao Lưu',
    unitCode: '14812',
    roles: ['child_protection_officer', 'commune_leader'],
    password: PASSWORD,
  });
  await createUserFromCli(source, {
    username: 'quan.tri',
    fullName: 'Quản trị tỉnh',
    unitCode: '38',
    roles: ['administrator'],
    password: PASSWORD,
    mustChangePassword: true,
  });
  await source.db
    .insertInto('read_log')
    .values({ user_id: '00000000-0000-4000-8000-000000000001', entity_type: 'case', entity_id: '42' })
    .execute();
  // A unit whose parent has a larger id: rows in id order would insert the child first.
  const unit = (code: string) => ({
    code,
    level: 'commune' as const,
    type: 'xa',
    type_name: 'Xã',
    name: code,
    full_name: `Xã ${code}`,
    path: 'u1',
  });
  const child = await source.db
    .insertInto('admin_unit')
    .values(unit('CHILD'))
    .returning('id')
    .executeTakeFirstOrThrow();
  const parent = await source.db
    .insertInto('admin_unit')
    .values(unit('PARENT'))
    .returning('id')
    .executeTakeFirstOrThrow();
  await source.db
    .updateTable('admin_unit')
    .set({ parent_id: parent.id })
    .where('id', '=', child.id)
    .execute();
  // The target holds different data, which the restore must replace entirely.
  await createUserFromCli(target, {
    username: 'chi.o.dich',
    fullName: 'Chỉ có ở CSDL đích',
    unitCode: '14818',
    roles: ['partner'],
    password: PASSWORD,
  });
});

afterAll(async () => {
  await source?.dispose();
  await target?.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', { timeout: 120_000 }, () => {
  it('round-trips every table: restored data is identical, the audit chain verifies and grows', async () => {
    const progress: string[] = [];
    const backup = await writeBackup(source, file, { onTable: (p) => progress.push(p.table) });
    expect(backup.bytes).toBeGreaterThan(1000);
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    expect(progress).toContain('schema_migration');
    // parents before children: units before users, users before their roles
    expect(progress.indexOf('admin_unit')).toBeLessThan(progress.indexOf('app_user'));
    expect(progress.indexOf('app_user')).toBeLessThan(progress.indexOf('user_role'));

    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const lineOf = (code: string) => lines.findIndex((l) => l.includes(`"code": "${code}"`));
    expect(lineOf('PARENT')).toBeGreaterThan(0);
    expect(lineOf('PARENT')).toBeLessThan(lineOf('CHILD'));

    expect(await fingerprint(target)).not.toEqual(await fingerprint(source));
    await restoreBackup(target, file);
    const restored = await fingerprint(target);
    expect(restored).toEqual(await fingerprint(source));
    expect(Object.keys(restored)).toEqual(
      expect.arrayContaining(['schema_migration', 'audit_log', 'app_user']),
    );
    expect(Number(restored.audit_log!.n)).toBeGreaterThan(10);

    const before = await verifyAuditChain(target.db);
    expect(before).toMatchObject({ ok: true });
    await target.db
      .transaction()
      .execute((tx) =>
        writeAuditInTx(
          tx,
          { actor: null },
          { action: 'test.after_restore', entityType: 'test', entityId: null },
        ),
      );
    const after = await verifyAuditChain(target.db);
    expect(after).toMatchObject({ ok: true, rows: before.rows + 1 });
    // identity sequences continue after the restored rows
    const readLog = await target.db
      .insertInto('read_log')
      .values({ user_id: '00000000-0000-4000-8000-000000000002', entity_type: 'case', entity_id: '43' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(Number(readLog.id)).toBe(2);
    const unit = await target.db
      .insertInto('admin_unit')
      .values({
        code: 'TEST1',
        level: 'commune',
        type: 'xa',
        type_name: 'Xã',
        name: 'Thử',
        full_name: 'Xã Thử',
        path: 'u1',
      })
      .returning(['id', 'search_name'])
      .executeTakeFirstOrThrow();
    const max = await source.db
      .selectFrom('admin_unit')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    expect(unit.id).toBe(Number(max.m) + 1);
    expect(unit.search_name).toBe('xa thu');
  });

  it('restores into an empty database after running the migrations', async () => {
    const empty = await openEmptyDatabase();
    try {
      await restoreBackup(empty, file);
      expect(await fingerprint(empty)).toEqual(await fingerprint(source));
      expect(await verifyAuditChain(empty.db)).toMatchObject({ ok: true });
    } finally {
      await empty.dispose();
    }
  });

  it('refuses a tampered file (one changed row) and leaves the target unchanged', async () => {
    const tampered = path.join(dir, 'tampered.ndjson.gz');
    rewrite(file, tampered, (lines) =>
      lines.map((line) =>
        line.includes('"sao.luu"') && line.includes('"failed_login_count"')
          ? line.replace('Sao Lưu', 'Sao Chép')
          : line,
      ),
    );
    const unchanged = await fingerprint(target);
    const error = await restoreBackup(target, tampered).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe('checksum_mismatch');
    expect((error as BackupError).message).toContain('app_user');
    expect(await fingerprint(target)).toEqual(unchanged);

    const deps = cliDepsFor(target);
    expect(await runCli(['node', 'tuoitho', 'restore', tampered, '--yes'], deps)).toBe(ExitCode.Integrity);
    expect(deps.out.errors.join('\n')).toContain('đã hủy phục hồi');
    expect(deps.out.text).not.toMatch(/\n\s+at /); // no stack trace
    expect(await fingerprint(target)).toEqual(unchanged);
  });

  it('refuses a deleted row, a truncated file and a backup of other migrations', async () => {
    const unchanged = await fingerprint(target);
    const cases: [string, (lines: string[]) => string[], string][] = [
      [
        'row-deleted',
        (lines) => lines.filter((l) => !l.includes('"quan.tri"') || l.includes('"section"')),
        'corrupt',
      ],
      ['truncated', (lines) => lines.slice(0, lines.length - 3), 'truncated'],
      [
        'other-migrations',
        (lines) => [
          lines[0]!.replace(/"checksum":"[0-9a-f]{64}"/, `"checksum":"${'0'.repeat(64)}"`),
          ...lines.slice(1),
        ],
        'migrations_differ',
      ],
    ];
    for (const [name, change, code] of cases) {
      const bad = path.join(dir, `${name}.ndjson.gz`);
      rewrite(file, bad, change);
      const error = await restoreBackup(target, bad).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(BackupError);
      expect((error as BackupError).code, name).toBe(code);
    }
    expect(await fingerprint(target)).toEqual(unchanged);
  });

  it('asks before overwriting a database that holds data, and never overwrites a backup file', async () => {
    const deps = cliDepsFor(target);
    expect(await runCli(['node', 'tuoitho', 'restore', file], deps)).toBe(ExitCode.Failure);
    expect(deps.out.errors.join('\n')).toContain('--yes');
    const again = cliDepsFor(source);
    expect(await runCli(['node', 'tuoitho', 'backup', file], again)).toBe(ExitCode.Failure);
    expect(again.out.errors.join('\n')).toContain('--force');
    expect(await runCli(['node', 'tuoitho', 'backup', file, '--force'], cliDepsFor(source))).toBe(
      ExitCode.Ok,
    );
  });
});
