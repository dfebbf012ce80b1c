import { Command, CommanderError } from 'commander';
import { sql } from 'kysely';
import { type Config, loadConfig } from '../platform/config';
import { BackupError } from '../platform/db/backup';
import { CatalogError } from '../platform/db/backup-catalog';
import { DataDirLockedError, lockDataDir } from '../platform/db/data-dir-lock';
import { type Database, openDatabase } from '../platform/db/database';
import { runAuditVerify } from './audit-verify';
import { runBackup, runRestore } from './backup';
import { createUserFromCli, resolvePassword } from './create-user';
import { assertGenerateAllowed, parseWholeNumber, runGenerate } from './generate';
import { runChildImport } from './import';
import { CliError, consoleOutput, describeDatabase, ExitCode, type Output } from './io';
import { assertDemoAllowed, runMigrate } from './migrate';
import { promptLine } from './prompt';
import { assertRotateAllowed, configuredSecretBox, runRekey, runRotate } from './secrets';

export type CliDeps = {
  out: Output;
  env: NodeJS.ProcessEnv;
  /** Whether stdin is a terminal (password and confirmation prompts). */
  isTty: boolean;
  openDatabase: (config: Config) => Promise<Database>;
};

/**
 * Opens the configured database. The embedded one is locked first: PGlite cannot be opened by two
 * processes at once, so the command refuses to run beside another holder of DATA_DIR.
 */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const release = lockDataDir(config.dataDir, 'tuoitho CLI');
  try {
    const database = await openDatabase({ dataDir: config.dataDir });
    return {
      ...database,
      close: async () => {
        try {
          await database.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

const defaultDeps = (): CliDeps => ({
  out: consoleOutput,
  env: process.env,
  isTty: Boolean(process.stdin.isTTY),
  openDatabase: openConfiguredDatabase,
});

const HELP_FOOTER = `
Cấu hình qua biến môi trường như máy chủ (configuration from the server's environment):
  DATA_DIR (mặc định ./data → PGlite trong DATA_DIR/pglite), DATABASE_URL (PostgreSQL).

Mã thoát (exit codes): 0 thành công; 1 lỗi đầu vào hoặc trạng thái (input/state error);
  2 mất toàn vẹn (integrity failure: audit chain, backup checksum, or a value no key opens); 70 lỗi ngoài dự kiến
  (unexpected, chi tiết với TUOITHO_DEBUG=1); 130 người dùng hủy (cancelled).`;

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** Builds the `tuoitho` command tree; each action opens the configured database and delegates. */
export function buildProgram(deps: CliDeps, setExitCode: (code: ExitCode) => void): Command {
  const { out } = deps;
  const withDatabase = async (fn: (database: Database, config: Config) => Promise<void>) => {
    const config = loadConfig(deps.env);
    out.info(`Cơ sở dữ liệu: ${describeDatabase(config)}`);
    const database = await deps.openDatabase(config);
    try {
      // Checks the connection early, and initialises Kysely's driver so that close() also ends a
      // pg pool used only through withSession (see the report about database.ts).
      await sql`SELECT 1`.execute(database.db);
      await fn(database, config);
    } finally {
      await database.close();
    }
  };

  const program = new Command('tuoitho')
    .description('Công cụ quản trị Tuổi Thơ (Tuổi Thơ administration tool)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => out.info(text.replace(/\n$/, '')),
      writeErr: (text) => out.error(text.replace(/\n$/, '')),
    })
    .addHelpText('after', HELP_FOOTER)
    .showHelpAfterError('(xem --help / see --help)');

  program
    .command('migrate')
    .description(
      'Nâng cấp cấu trúc CSDL, nạp dữ liệu tham chiếu và vai trò hệ thống (migrate, reference data)',
    )
    .action(() => withDatabase((database) => runMigrate(database, out, { demo: false })));

  program
    .command('seed-demo')
    .description('Như migrate, thêm các tài khoản thử nghiệm (adds the demo users; demo mode only)')
    .action(() => {
      assertDemoAllowed(loadConfig(deps.env));
      return withDatabase((database) => runMigrate(database, out, { demo: true }));
    });

  program
    .command('create-user')
    .description('Tạo tài khoản người dùng (create a user account)')
    .requiredOption('--username <username>', 'tên đăng nhập (username)')
    .requiredOption('--full-name <name>', 'họ và tên (full name)')
    .requiredOption('--unit <code>', 'mã đơn vị hành chính đang hiệu lực, ví dụ 38 hoặc 14812 (unit code)')
    .option('--role <code>', 'vai trò, lặp lại được (role code, repeatable)', collect)
    .option('--password <password>', 'mật khẩu; nên dùng TUOITHO_PASSWORD hoặc nhập khi được hỏi (password)')
    .option('--must-change-password', 'bắt đổi mật khẩu ở lần đăng nhập đầu (force a change at first login)')
    .action(
      (opts: {
        username: string;
        fullName: string;
        unit: string;
        role?: string[];
        password?: string;
        mustChangePassword?: boolean;
      }) => {
        const roles = opts.role ?? [];
        if (roles.length === 0) throw new CliError('Cần ít nhất một vai trò (--role)');
        return withDatabase(async (database) => {
          const password = await resolvePassword(
            { flag: opts.password, env: deps.env, isTty: deps.isTty },
            out,
          );
          const user = await createUserFromCli(database, {
            username: opts.username,
            fullName: opts.fullName,
            unitCode: opts.unit,
            roles,
            password,
            mustChangePassword: opts.mustChangePassword ?? false,
          });
          out.info(
            `Đã tạo người dùng ${user.username} (${user.fullName}) tại ${user.unit.fullName} [${user.unit.code}], ` +
              `vai trò: ${user.roles.join(', ')}.`,
          );
          out.info(
            user.mustChangePassword
              ? 'Người dùng phải đổi mật khẩu ở lần đăng nhập đầu.'
              : 'Không bắt đổi mật khẩu ở lần đăng nhập đầu (dùng --must-change-password nếu cần).',
          );
        });
      },
    );

  program
    .command('generate')
    .description('Tạo trẻ em giả lập để thử và đo hiệu năng (synthetic children for demos and benchmarks)')
    .requiredOption('--children <n>', 'số trẻ em cần tạo (number of children)', parseWholeNumber)
    .option('--province <code>', 'mã tỉnh, chia cho các xã, phường hiện hành, ví dụ 38 (province)')
    .option('--unit <code>', 'mã một xã, phường hiện hành, ví dụ 14812 (one commune-level unit)')
    .option('--seed <n>', 'hạt giống: cùng hạt giống cho cùng dữ liệu (seed)', parseWholeNumber, 1)
    .option('--reference-date <date>', 'ngày tính tuổi, mặc định hôm nay (reference date)')
    .action(
      (opts: {
        children: number;
        province?: string;
        unit?: string;
        seed: number;
        referenceDate?: string;
      }) => {
        assertGenerateAllowed(loadConfig(deps.env));
        if (!opts.province && !opts.unit) throw new CliError('Cần --province hoặc --unit.');
        return withDatabase(async (database) => {
          await runGenerate(database, out, {
            children: opts.children,
            seed: opts.seed,
            ...(opts.province ? { provinceCode: opts.province } : {}),
            ...(opts.unit ? { unitCode: opts.unit } : {}),
            ...(opts.referenceDate ? { referenceDate: opts.referenceDate } : {}),
          });
        });
      },
    );

  const importCommand = program.command('import').description('Nhập dữ liệu từ tệp (import data from files)');
  importCommand
    .command('children <file>')
    .description(
      'Nhập danh sách trẻ em từ tệp .xlsx/.csv: kiểm tra từng dòng, rồi ghi tất cả hoặc không ghi gì ' +
        '(import a children list; exit code 1 when the file has errors and --dry-run is not given)',
    )
    .requiredOption('--unit <code>', 'mã xã, phường nơi trẻ cư trú, ví dụ 14812 (commune code)')
    .option('--dry-run', 'chỉ kiểm tra, không ghi vào sổ (check only)')
    .option('--json', 'in tóm tắt dạng JSON (summary as JSON)')
    .option(
      '--duplicates <decision>',
      'dòng nghi trùng với trẻ đã có: skip (bỏ qua, mặc định) hoặc create (tạo mới)',
      (value: string) => {
        if (value !== 'skip' && value !== 'create')
          throw new CliError('--duplicates phải là skip hoặc create.');
        return value;
      },
      'skip',
    )
    .action(
      (
        file: string,
        opts: { unit: string; dryRun?: boolean; json?: boolean; duplicates: 'skip' | 'create' },
      ) =>
        withDatabase(async (database) => {
          await runChildImport(database, out, {
            file,
            unitCode: opts.unit,
            dryRun: opts.dryRun ?? false,
            json: opts.json ?? false,
            duplicates: opts.duplicates,
            progress: !opts.json && process.stderr.isTTY === true,
          });
        }),
    );

  const audit = program.command('audit').description('Nhật ký kiểm toán (audit log)');
  audit
    .command('verify')
    .description('Kiểm tra chuỗi băm của nhật ký; mã thoát 2 nếu có dòng bị sửa/xóa (verify the hash chain)')
    .action(() =>
      withDatabase(async (database) => {
        setExitCode(await runAuditVerify(database, out));
      }),
    );

  program
    .command('backup')
    .description('Sao lưu toàn bộ dữ liệu ra tệp NDJSON nén gzip (logical backup, PGlite or PostgreSQL)')
    .argument('<file>', 'tệp đích, ví dụ sao-luu.ndjson.gz (target file)')
    .option('--force', 'ghi đè tệp đã có (overwrite an existing file)')
    .action((file: string, opts: { force?: boolean }) =>
      withDatabase((database) => runBackup(database, out, file, { force: opts.force ?? false })),
    );

  program
    .command('restore')
    .description(
      'Phục hồi từ tệp sao lưu, thay toàn bộ dữ liệu; hãy dừng máy chủ trước (restore; stop the server first)',
    )
    .argument('<file>', 'tệp sao lưu (backup file)')
    .option('--yes', 'không hỏi lại khi CSDL đích đang có dữ liệu (do not ask for confirmation)')
    .action((file: string, opts: { yes?: boolean }) =>
      withDatabase((database) =>
        runRestore(database, out, file, {
          yes: opts.yes ?? false,
          ...(deps.isTty ? { confirm: (q: string) => promptLine(q) } : {}),
        }),
      ),
    );

  const secrets = program
    .command('secrets')
    .description('Khóa mã hóa dữ liệu nhạy cảm: xoay khóa, mã hóa lại (encryption key rotation)');
  secrets
    .command('rotate')
    .description(
      'Chế độ nhúng (PGlite): tạo khóa mới trong DATA_DIR/secret.key, giữ khóa cũ, mã hóa lại; ' +
        'hãy dừng máy chủ trước (embedded mode; stop the server first)',
    )
    .action(() => {
      assertRotateAllowed(loadConfig(deps.env));
      return withDatabase(async (database, config) => {
        await runRotate(database, out, config);
      });
    });
  secrets
    .command('rekey')
    .description(
      'Mã hóa lại bằng SECRET_KEY mọi giá trị còn dùng khóa cũ (SECRET_KEY_PREVIOUS); chạy lại được ' +
        '(re-encrypt values still sealed with a previous key; idempotent)',
    )
    .option('--dry-run', 'chỉ đếm, không ghi (count only)')
    .action((opts: { dryRun?: boolean }) =>
      withDatabase(async (database, config) => {
        await runRekey(database, out, configuredSecretBox(config), { dryRun: opts.dryRun ?? false });
      }),
    );

  return program;
}

/** Maps an error to its message and exit code: expected errors get a plain message, no stack. */
export function reportError(error: unknown, out: Output, env: NodeJS.ProcessEnv): ExitCode {
  if (error instanceof CliError) {
    out.error(error.message);
    return error.exitCode;
  }
  if (error instanceof BackupError) {
    out.error(error.message);
    const integrity =
      error.code === 'checksum_mismatch' || error.code === 'corrupt' || error.code === 'truncated';
    return integrity ? ExitCode.Integrity : ExitCode.Failure;
  }
  if (error instanceof DataDirLockedError) {
    const { holder } = error;
    out.error(
      `Thư mục dữ liệu đang được ${holder.owner} (pid ${holder.pid}, từ ${holder.since}) sử dụng; ` +
        'PGlite không cho hai tiến trình cùng mở. Hãy dừng tiến trình đó rồi chạy lại. ' +
        `Nếu nó không còn chạy, xóa tệp ${error.file}.`,
    );
    return ExitCode.Failure;
  }
  if (error instanceof CatalogError) {
    out.error(error.message);
    return ExitCode.Failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('Cấu hình không hợp lệ')) {
    out.error(message);
    return ExitCode.Failure;
  }
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000') {
    out.error(`Không kết nối được cơ sở dữ liệu: ${message}`);
    return ExitCode.Failure;
  }
  out.error(`Lỗi ngoài dự kiến: ${message}`);
  if (env.TUOITHO_DEBUG === '1' && error instanceof Error && error.stack) out.error(error.stack);
  else out.error('(Đặt TUOITHO_DEBUG=1 để xem chi tiết kỹ thuật.)');
  return ExitCode.Internal;
}

/** Runs the command line `argv` (as in process.argv) and returns the exit code. */
export async function runCli(argv: string[], deps: CliDeps = defaultDeps()): Promise<ExitCode> {
  let exitCode: ExitCode = ExitCode.Ok;
  const program = buildProgram(deps, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Failure;
    return reportError(error, deps.out, deps.env);
  }
}
