import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/harness';
import { verifyAuditChain } from '../platform/audit/audit';
import type { Database } from '../platform/db/database';
import { runAuditVerify } from './audit-verify';
import { cliDepsFor } from './cli-testing';
import { ExitCode, MemoryOutput } from './io';
import { runCli } from './program';

let database: (Database & { dispose(): Promise<void> }) | undefined;
afterEach(async () => {
  await database?.dispose();
  database = undefined;
});

/** A fresh database (the template's audit rows: system roles and demo users) and its row ids. */
async function freshWithIds() {
  database = await openTestDatabase();
  const rows = await database.db.selectFrom('audit_log').select('id').orderBy('id').execute();
  expect(rows.length).toBeGreaterThanOrEqual(5);
  return { db: database, ids: rows.map((r) => String(r.id)) };
}

describe('tuoitho audit verify', () => {
  it('reports an intact chain with its row count and head hash, exit code 0', async () => {
    const { db, ids } = await freshWithIds();
    const out = new MemoryOutput();
    expect(await runAuditVerify(db, out)).toBe(ExitCode.Ok);
    expect(out.lines[0]).toBe(`Nhật ký toàn vẹn: ${ids.length} dòng`);
    expect(out.lines[1]).toMatch(/[0-9a-f]{64}$/);
  });

  it('names a row whose content was changed (hash_mismatch), exit code 2', async () => {
    const { db, ids } = await freshWithIds();
    const middle = ids[Math.floor(ids.length / 2)]!;
    await sql`UPDATE audit_log SET diff = '{"permissions": {"from": null, "to": ["users.manage"]}}'::jsonb
              WHERE id = ${middle}`.execute(db.db);
    expect(await verifyAuditChain(db.db)).toMatchObject({
      ok: false,
      badRowId: middle,
      reason: 'hash_mismatch',
    });
    const out = new MemoryOutput();
    expect(await runAuditVerify(db, out)).toBe(ExitCode.Integrity);
    expect(out.errors[0]).toContain(`dòng #${middle}`);
    expect(out.errors[0]).toContain('hash_mismatch');
  });

  it('names the row after a deleted one (chain_broken), also through the command line', async () => {
    const { db, ids } = await freshWithIds();
    const middle = Math.floor(ids.length / 2);
    await sql`DELETE FROM audit_log WHERE id = ${ids[middle]!}`.execute(db.db);
    expect(await verifyAuditChain(db.db)).toMatchObject({
      ok: false,
      badRowId: ids[middle + 1],
      reason: 'chain_broken',
    });
    const deps = cliDepsFor(db);
    expect(await runCli(['node', 'tuoitho', 'audit', 'verify'], deps)).toBe(ExitCode.Integrity);
    expect(deps.out.errors[0]).toContain(`dòng #${ids[middle + 1]}`);
    expect(deps.out.errors[0]).toContain('chain_broken');
  });
});
