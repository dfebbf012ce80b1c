import { checkPasswordPolicy, passwordPolicyMessages, Username } from '@tuoitho/domain';
import { sql } from 'kysely';
import { UsersRepo } from '../modules/users/users.repo';
import { writeAuditInTx } from '../platform/audit/audit';
import { hashPassword } from '../platform/auth/passwords';
import type { Database } from '../platform/db/database';
import { todayInVietnam } from '../platform/time/today';
import { CliError, type Output } from './io';
import { promptHidden } from './prompt';

export type CreateUserInput = {
  username: string;
  fullName: string;
  /** Statistics-office code of a unit valid today (e.g. 38, 14812). */
  unitCode: string;
  roles: string[];
  password: string;
  /** CLI accounts (typically the first administrator) are not forced to change password by default. */
  mustChangePassword?: boolean;
};

export type CreatedUser = {
  id: string;
  username: string;
  fullName: string;
  unit: { id: number; code: string; fullName: string };
  roles: string[];
  mustChangePassword: boolean;
};

const UNIQUE_VIOLATION = '23505';

/**
 * Creates a user from the command line: validates username, password policy, unit (current on
 * `today`) and roles, then writes the user, its roles and a system audit row (source: cli) in one
 * transaction. Refuses an existing username.
 */
export async function createUserFromCli(
  database: Database,
  input: CreateUserInput,
  today: string = todayInVietnam(),
): Promise<CreatedUser> {
  const parsed = Username.safeParse(input.username.trim().toLowerCase());
  if (!parsed.success) {
    throw new CliError(
      `Tên đăng nhập không hợp lệ: 3–64 ký tự, chữ thường không dấu, số và . _ - (ví dụ nguyen.an)`,
    );
  }
  const username = parsed.data;
  const fullName = input.fullName.trim();
  if (fullName.length === 0 || fullName.length > 200) throw new CliError('Họ và tên phải có 1–200 ký tự');
  const roles = [...new Set(input.roles.map((r) => r.trim()).filter(Boolean))];
  if (roles.length === 0) throw new CliError('Cần ít nhất một vai trò (--role)');
  const broken = checkPasswordPolicy(input.password, username);
  if (broken.length > 0) {
    throw new CliError(
      `Mật khẩu chưa đạt yêu cầu:\n${broken.map((rule) => `  - ${passwordPolicyMessages[rule].vi}`).join('\n')}`,
    );
  }
  const passwordHash = await hashPassword(input.password);
  const mustChangePassword = input.mustChangePassword ?? false;
  const repo = new UsersRepo(database.db);

  try {
    return await database.db.transaction().execute(async (tx) => {
      const units = await tx
        .selectFrom('admin_unit')
        .select(['id', 'code', 'full_name'])
        .where('code', '=', input.unitCode.trim())
        .where(
          sql<boolean>`(valid_from IS NULL OR valid_from <= ${today}::date) AND (valid_to IS NULL OR valid_to >= ${today}::date)`,
        )
        .execute();
      if (units.length !== 1) {
        throw new CliError(
          units.length === 0
            ? `Không có đơn vị mã ${input.unitCode} đang hiệu lực ngày ${today}`
            : `Mã đơn vị ${input.unitCode} ứng với nhiều đơn vị đang hiệu lực`,
        );
      }
      const unit = units[0]!;
      const existingRoles = await repo.existingRoles(tx, roles);
      const unknown = roles.filter((r) => !existingRoles.includes(r));
      if (unknown.length > 0) {
        const all = await tx.selectFrom('role').select('code').orderBy('code').execute();
        throw new CliError(
          `Vai trò không tồn tại: ${unknown.join(', ')}. Các vai trò có: ${all.map((r) => r.code).join(', ')}`,
        );
      }
      if (await repo.findByUsername(tx, username))
        throw new CliError(`Tên đăng nhập đã tồn tại: ${username}`);
      const id = await repo.insert(tx, {
        username,
        full_name: fullName,
        email: null,
        phone: null,
        unit_id: unit.id,
        password_hash: passwordHash,
        must_change_password: mustChangePassword,
      });
      await repo.setRoles(tx, id, roles);
      await writeAuditInTx(
        tx,
        { actor: null },
        {
          action: 'user.create',
          entityType: 'user',
          entityId: id,
          unitId: unit.id,
          after: {
            username,
            full_name: fullName,
            unit_id: unit.id,
            roles: [...roles].sort(),
            is_active: true,
            password_hash: passwordHash,
            must_change_password: mustChangePassword,
          },
          details: { source: 'cli' },
        },
      );
      return {
        id,
        username,
        fullName,
        unit: { id: unit.id, code: unit.code, fullName: unit.full_name },
        roles: [...roles].sort(),
        mustChangePassword,
      };
    });
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      throw new CliError(`Tên đăng nhập đã tồn tại: ${username}`);
    }
    throw error;
  }
}

/**
 * The password for a new account: `--password`, else TUOITHO_PASSWORD, else typed twice on the
 * terminal without echo. A password given on the command line is accepted with a warning (it stays
 * in the shell history).
 */
export async function resolvePassword(
  opts: { flag?: string | undefined; env: NodeJS.ProcessEnv; isTty: boolean },
  out: Output,
  prompt: (question: string) => Promise<string> = (q) => promptHidden(q),
): Promise<string> {
  if (opts.flag !== undefined) {
    out.error(
      'Cảnh báo: mật khẩu trên dòng lệnh có thể bị lưu trong lịch sử shell; nên dùng biến TUOITHO_PASSWORD hoặc nhập khi được hỏi.',
    );
    return opts.flag;
  }
  if (opts.env.TUOITHO_PASSWORD) return opts.env.TUOITHO_PASSWORD;
  if (!opts.isTty) {
    throw new CliError(
      'Cần mật khẩu: dùng biến môi trường TUOITHO_PASSWORD, --password, hoặc chạy trong terminal để nhập.',
    );
  }
  const first = await prompt('Mật khẩu (password): ');
  const second = await prompt('Nhập lại mật khẩu (repeat): ');
  if (first !== second) throw new CliError('Hai lần nhập mật khẩu không khớp');
  return first;
}
