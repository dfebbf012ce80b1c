import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, unitByCode } from '../../../test/harness';
import { prepareDatabase } from '../../app';
import { verifyAuditChain } from '../../platform/audit/audit';
import type { Database } from '../../platform/db/database';
import { DEMO_CHILDREN_SEED, loadGenerationUnits } from './children.seed';

let database: Database & { dispose(): Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.dispose());

const countIn = async (code: string) => {
  const unit = await unitByCode(database, code);
  const row = await database.db
    .selectFrom('child')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('unit_id', '=', unit.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

describe('demo children', () => {
  it('finds the demo wards with the units merged into them in 2025', async () => {
    const units = await loadGenerationUnits(database.db, { unitCodes: ['14812', '14818'] }, '2026-01-01');
    expect(
      units.map(({ code, fullName, type, provinceCode, formerUnitNames }) => ({
        code,
        fullName,
        type,
        provinceCode,
        formerUnitNames,
      })),
    ).toEqual([
      {
        code: '14812',
        fullName: 'Phường Bỉm Sơn',
        type: 'phuong',
        provinceCode: '38',
        formerUnitNames: ['Phường Ba Đình', 'Phường Lam Sơn', 'Phường Đông Sơn', 'Xã Hà Vinh'],
      },
      {
        code: '14818',
        fullName: 'Phường Quang Trung',
        type: 'phuong',
        provinceCode: '38',
        formerUnitNames: ['Phường Bắc Sơn', 'Phường Ngọc Trạo', 'Phường Phú Sơn', 'Xã Quang Trung'],
      },
    ]);
  });

  it('are not in the test template, and prepareDatabase adds them only in demo mode', async () => {
    expect(await countIn('14812')).toBe(0);
    const plain = await prepareDatabase(database, { demo: false });
    expect(plain.demoChildren).toEqual([]);
    const withoutChildren = await prepareDatabase(database, { demo: true, demoChildren: false });
    expect(withoutChildren.demoChildren).toEqual([]);
    expect(await countIn('14812')).toBe(0);
  });

  it('adds about 14,000 children to phường Bỉm Sơn and phường Quang Trung, once', {
    timeout: 120_000,
  }, async () => {
    const prepared = await prepareDatabase(database, { demo: true });
    expect(prepared.demoChildren).toEqual([
      { unitCode: '14812', created: 9000, skipped: false },
      { unitCode: '14818', created: 5000, skipped: false },
    ]);
    expect(await countIn('14812')).toBe(9000);
    expect(await countIn('14818')).toBe(5000);

    const again = await prepareDatabase(database, { demo: true });
    expect(again.demoChildren.every((unit) => unit.skipped && unit.created === 0)).toBe(true);
    expect(await countIn('14812')).toBe(9000);

    const shares = await database.withSession((s) =>
      s.query<{ total: string; in_groups: string; at_risk: string }>(
        `SELECT count(*) AS total,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM child_special_circumstance g WHERE g.child_id = c.id)) AS in_groups,
           count(*) FILTER (WHERE cardinality(c.at_risk) > 0) AS at_risk
         FROM child c`,
      ),
    );
    const { total, in_groups, at_risk } = shares[0]!;
    expect(Number(in_groups) / Number(total)).toBeGreaterThan(0.009);
    expect(Number(in_groups) / Number(total)).toBeLessThan(0.018);
    expect(Number(at_risk) / Number(total)).toBeGreaterThan(0.085);
    expect(Number(at_risk) / Number(total)).toBeLessThan(0.12);

    const audit = await database.db
      .selectFrom('audit_log')
      .select(['diff'])
      .where('action', '=', 'child.generate')
      .execute();
    expect(audit).toHaveLength(14);
    expect(
      audit.every((a) => (a.diff as { _details: { seed: number } })._details.seed === DEMO_CHILDREN_SEED),
    ).toBe(true);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });
});
