import { prepareDatabase } from '../app';
import type { Database } from '../platform/db/database';
import { CliError, formatCount, type Output } from './io';

/** `tuoitho migrate` / `seed-demo`: brings the database up to date and reports what changed. */
export async function runMigrate(database: Database, out: Output, opts: { demo: boolean }): Promise<void> {
  const prepared = await prepareDatabase(database, { demo: opts.demo });
  const { migrations, units, roles, demoUsers } = prepared;
  if (migrations.applied.length > 0) {
    out.info(`Đã chạy ${migrations.applied.length} bản nâng cấp cấu trúc CSDL:`);
    for (const name of migrations.applied) out.info(`  ${name}`);
  } else {
    out.info(`Cấu trúc CSDL đã mới nhất (${migrations.alreadyApplied} bản nâng cấp đã chạy trước đó).`);
  }
  out.info(
    units.loaded
      ? `Đã nạp ${formatCount(units.units)} đơn vị hành chính và ${formatCount(units.mappings)} dòng chuyển đổi cũ → mới.`
      : 'Dữ liệu đơn vị hành chính đã có sẵn.',
  );
  out.info(roles > 0 ? `Đã tạo ${roles} vai trò hệ thống.` : 'Các vai trò hệ thống đã có sẵn.');
  if (!opts.demo) return;
  if (demoUsers.length > 0) {
    out.info(`Đã tạo ${demoUsers.length} tài khoản thử nghiệm: ${demoUsers.join(', ')}`);
    out.info(
      'Mật khẩu chung của tài khoản thử nghiệm: xem README (chỉ dùng để thử, không dùng cho hệ thống thật).',
    );
  } else {
    out.info('Các tài khoản thử nghiệm đã có sẵn.');
  }
}

/** Refuses to create demo accounts (published password) when demo mode is off, e.g. in production. */
export function assertDemoAllowed(config: { demoMode: boolean }): void {
  if (!config.demoMode) {
    throw new CliError(
      'Chế độ thử nghiệm đang tắt (DEMO_MODE=false hoặc NODE_ENV=production): không tạo tài khoản thử nghiệm có mật khẩu công khai. ' +
        'Đặt DEMO_MODE=true nếu thật sự cần.',
    );
  }
}
