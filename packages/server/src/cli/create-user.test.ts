import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/harness';
import { verifyAuditChain } from '../platform/audit/audit';
import { verifyPassword } from '../platform/auth/passwords';
import type { Database } from '../platform/db/database';
import { cliDepsFor } from './cli-testing';
import { createUserFromCli, resolvePassword } from './create-user';
import { CliError, ExitCode, MemoryOutput } from './io';
import { runCli } from './program';

let database: Database & { dispose(): Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.dispose());

const PASSWORD = 'Quan-tri#2026x';
const base = { fullName: 'Nguyễn Văn An', unitCode: '14812', roles: ['administrator'], password: PASSWORD };

const userRow = (username: string) =>
  database.db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();

describe('create-user', () => {
  it('creates the user in the current unit with its roles and a system audit row from the CLI', async () => {
    const created = await createUserFromCli(database, {
      ...base,
      username: 'Nguyen.An',
      roles: ['administrator', 'commune_leader', 'administrator'],
    });
    expect(created).toMatchObject({
      username: 'nguyen.an',
      unit: { code: '14812', fullName: 'Phường Bỉm Sơn' },
      roles: ['administrator', 'commune_leader'],
      mustChangePassword: false,
    });
    const row = await userRow('nguyen.an');
    expect(row).toMatchObject({ full_name: 'Nguyễn Văn An', must_change_password: false, is_active: true });
    expect(await verifyPassword(row!.password_hash, PASSWORD)).toBe(true);
    const roles = await database.db
      .selectFrom('user_role')
      .select('role_code')
      .where('user_id', '=', created.id)
      .execute();
    expect(roles.map((r) => r.role_code).sort()).toEqual(['administrator', 'commune_leader']);

    const audit = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'user.create', actor_user_id: null, actor_username: null });
    const diff = audit.diff as Record<string, { to: unknown }> & { _details: unknown };
    expect(diff._details).toEqual({ source: 'cli' });
    expect(diff.password_hash!.to).toBe('[đã che]');
    expect(JSON.stringify(diff)).not.toContain(row!.password_hash);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('forces a password change only with --must-change-password', async () => {
    await createUserFromCli(database, { ...base, username: 'doi.mat.khau', mustChangePassword: true });
    expect(await userRow('doi.mat.khau')).toMatchObject({ must_change_password: true });
  });

  it('refuses a duplicate, a weak password, an old or unknown unit and an unknown role', async () => {
    const attempts: [Parameters<typeof createUserFromCli>[1], RegExp][] = [
      [{ ...base, username: 'nguyen.an' }, /đã tồn tại: nguyen\.an/],
      [{ ...base, username: 'yeu.qua', password: 'abc' }, /ít nhất 10 ký tự[\s\S]*chữ hoa/],
      [{ ...base, username: 'chua.ten', password: 'chua.ten#A2026' }, /không được chứa tên đăng nhập/],
      [{ ...base, username: 'don.vi.cu', unitCode: '381' }, /Không có đơn vị mã 381 đang hiệu lực/],
      [{ ...base, username: 'vai.tro', roles: ['superuser'] }, /Vai trò không tồn tại: superuser/],
      [{ ...base, username: 'Có dấu' }, /Tên đăng nhập không hợp lệ/],
    ];
    for (const [input, message] of attempts) {
      const error = await createUserFromCli(database, input).catch((e: unknown) => e);
      expect(error, input.username).toBeInstanceOf(CliError);
      expect((error as CliError).message).toMatch(message);
      expect((error as CliError).exitCode).toBe(ExitCode.Failure);
    }
    const users = await database.db.selectFrom('app_user').select('username').execute();
    expect(users.map((u) => u.username)).not.toContain('yeu.qua');
    expect(users.map((u) => u.username)).not.toContain('don.vi.cu');
  });

  it('runs as a command: password from TUOITHO_PASSWORD, a clear message and exit 1 on a duplicate', async () => {
    const argv = ['node', 'tuoitho', 'create-user', '--username', 'can.bo.moi', '--full-name', 'Cán bộ mới'];
    const args = [...argv, '--unit', '14818', '--role', 'child_protection_officer'];
    const deps = cliDepsFor(database, { TUOITHO_PASSWORD: PASSWORD });
    expect(await runCli(args, deps)).toBe(ExitCode.Ok);
    expect(deps.out.lines.join('\n')).toContain(
      'Đã tạo người dùng can.bo.moi (Cán bộ mới) tại Phường Quang Trung',
    );
    expect(deps.out.text).not.toContain(PASSWORD);

    const again = cliDepsFor(database, { TUOITHO_PASSWORD: PASSWORD });
    expect(await runCli(args, again)).toBe(ExitCode.Failure);
    expect(again.out.errors).toEqual(['Tên đăng nhập đã tồn tại: can.bo.moi']);

    const noRole = cliDepsFor(database, { TUOITHO_PASSWORD: PASSWORD });
    expect(await runCli(argv.concat('--unit', '14818'), noRole)).toBe(ExitCode.Failure);
    expect(noRole.out.errors).toEqual(['Cần ít nhất một vai trò (--role)']);
  });

  it('reads the password from the flag (with a warning), the environment or a terminal prompt', async () => {
    const out = new MemoryOutput();
    expect(await resolvePassword({ flag: 'A', env: { TUOITHO_PASSWORD: 'B' }, isTty: false }, out)).toBe('A');
    expect(out.errors[0]).toContain('lịch sử shell');
    expect(await resolvePassword({ env: { TUOITHO_PASSWORD: 'B' }, isTty: false }, out)).toBe('B');
    await expect(resolvePassword({ env: {}, isTty: false }, out)).rejects.toThrow(/TUOITHO_PASSWORD/);
    const answers = ['Mat-khau#2026', 'Mat-khau#2026'];
    expect(await resolvePassword({ env: {}, isTty: true }, out, async () => answers.shift()!)).toBe(
      'Mat-khau#2026',
    );
    const mismatch = ['Mat-khau#2026', 'Mat-khau#2027'];
    await expect(
      resolvePassword({ env: {}, isTty: true }, out, async () => mismatch.shift()!),
    ).rejects.toThrow(/không khớp/);
  });
});
