import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, unitByCode } from '../../../../test/harness';
import type { Database } from '../../../platform/db/database';
import { discardStaleImports, IMPORT_RETENTION_DAYS } from './import.retention';

let database: Database & { dispose(): Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.dispose());

async function insertImport(status: string, daysAgo: number) {
  const unit = await unitByCode(database, '14812');
  const row = await database.db
    .insertInto('child_import')
    .values({
      unit_id: unit.id,
      file_name: `ds-${status}-${daysAgo}.csv`,
      file_format: 'csv',
      file_sha256: 'x'.repeat(64),
      file_size: 3,
      file_content: Buffer.from('abc'),
      status,
      created_at: sql<Date>`now() - make_interval(days => ${daysAgo})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const stateOf = (id: string) =>
  database.db
    .selectFrom('child_import')
    .select(['status', 'file_content'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('retention of uploaded files', () => {
  it('discards unwritten imports older than the retention period, once, with an audit row', async () => {
    const old = await insertImport('analysed', IMPORT_RETENTION_DAYS + 1);
    const oldFailed = await insertImport('failed', IMPORT_RETENTION_DAYS + 3);
    const recent = await insertImport('analysed', 1);
    const running = await insertImport('committing', IMPORT_RETENTION_DAYS + 1);
    expect(await discardStaleImports(database.db)).toBe(2);
    expect(await stateOf(old)).toEqual({ status: 'discarded', file_content: null });
    expect((await stateOf(oldFailed)).status).toBe('discarded');
    expect((await stateOf(recent)).status).toBe('analysed');
    expect((await stateOf(recent)).file_content).not.toBeNull();
    expect((await stateOf(running)).status).toBe('committing');
    expect(await discardStaleImports(database.db)).toBe(0);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'child.import.expire')
      .execute();
    expect(audit.map((a) => a.entity_id).sort()).toEqual([old, oldFailed].sort());
  });
});
