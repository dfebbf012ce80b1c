import type { Kysely } from 'kysely';
import { writeAuditInTx } from '../../../platform/audit/audit';
import type { DB } from '../../../platform/db/schema';

/** Days an uploaded file that was never written is kept (it holds personal data). */
export const IMPORT_RETENTION_DAYS = 7;

/**
 * Discards imports left unwritten for longer than the retention period and deletes their files;
 * the findings stay (they name rows, not children). Idempotent; returns how many were discarded.
 */
export async function discardStaleImports(db: Kysely<DB>, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - IMPORT_RETENTION_DAYS * 86_400_000);
  return db.transaction().execute(async (tx) => {
    const stale = await tx
      .updateTable('child_import')
      .set({ status: 'discarded', file_content: null })
      .where('status', 'in', ['analysed', 'failed'])
      .where('created_at', '<', before)
      .returning(['id', 'unit_id', 'file_name'])
      .execute();
    for (const row of stale) {
      await writeAuditInTx(
        tx,
        {},
        {
          action: 'child.import.expire',
          entityType: 'child_import',
          entityId: row.id,
          unitId: row.unit_id,
          details: { fileName: row.file_name, retentionDays: IMPORT_RETENTION_DAYS },
        },
      );
    }
    return stale.length;
  });
}
