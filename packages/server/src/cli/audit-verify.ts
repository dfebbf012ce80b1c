import { verifyAuditChain } from '../platform/audit/audit';
import type { Database } from '../platform/db/database';
import { ExitCode, formatCount, type Output } from './io';

const REASONS = {
  hash_mismatch: 'nội dung dòng đã bị sửa sau khi ghi (hash_mismatch)',
  chain_broken: 'chuỗi băm bị đứt: có dòng bị xóa hoặc chèn ngay trước dòng này (chain_broken)',
} as const;

/**
 * `tuoitho audit verify`: walks the audit hash chain. Prints the row count and the head hash (to be
 * kept outside the system, which makes deleting the last rows detectable) and returns 0, or names
 * the first bad row and returns 2.
 */
export async function runAuditVerify(database: Database, out: Output): Promise<ExitCode> {
  const result = await verifyAuditChain(database.db);
  if (result.ok) {
    out.info(`Nhật ký toàn vẹn: ${formatCount(result.rows)} dòng`);
    out.info(`Hash cuối (lưu ra ngoài hệ thống để đối chiếu): ${result.headHash}`);
    return ExitCode.Ok;
  }
  out.error(`Nhật ký KHÔNG toàn vẹn: dòng #${result.badRowId} — ${REASONS[result.reason]}`);
  out.error(`${formatCount(result.rows)} dòng trước dòng này vẫn khớp chuỗi băm.`);
  return ExitCode.Integrity;
}
