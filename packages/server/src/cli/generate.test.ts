import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/harness';
import { verifyAuditChain } from '../platform/audit/audit';
import type { Database } from '../platform/db/database';
import { cliDepsFor } from './cli-testing';
import { parseWholeNumber, runGenerate, spreadOverUnits } from './generate';
import { CliError, ExitCode, MemoryOutput } from './io';
import { runCli } from './program';

let database: Database & { dispose(): Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.dispose());

const tuoitho = async (args: string[], env: Record<string, string> = {}) => {
  const deps = cliDepsFor(database, env);
  const code = await runCli(['node', 'tuoitho', ...args], deps);
  return { code, out: deps.out };
};

const childCounts = () =>
  database.db
    .selectFrom('child as c')
    .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
    .select(['u.code', 'u.province_code', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(['u.code', 'u.province_code'])
    .execute();

describe('tuoitho generate', () => {
  it('spreads the children over the current communes of the province and prints a summary', async () => {
    const { code, out } = await tuoitho([
      'generate',
      '--children',
      '400',
      '--province',
      '38',
      '--seed',
      '7',
      '--reference-date',
      '2026-03-15',
    ]);
    expect(out.errors).toEqual([]);
    expect(code).toBe(ExitCode.Ok);
    expect(out.text).toContain('Tạo 400 trẻ em (seed 7, tuổi tính tại 2026-03-15) tại 166 xã, phường');
    expect(out.text).toMatch(
      /Đã tạo 400 trẻ em \(\d+ nhóm hoàn cảnh đặc biệt\) tại 166 xã, phường trong [\d,]+ giây: [\d.]+ dòng\/giây\./,
    );
    const counts = await childCounts();
    expect(counts.reduce((sum, row) => sum + Number(row.n), 0)).toBe(400);
    expect(counts.every((row) => row.province_code === '38')).toBe(true);
    expect(counts.length).toBeGreaterThan(100);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('puts every child in the one unit given with --unit, and reports the figures', async () => {
    const before = Number((await childCounts()).find((row) => row.code === '14818')?.n ?? 0);
    const out = new MemoryOutput();
    const summary = await runGenerate(database, out, { children: 120, seed: 9, unitCode: '14818' });
    expect(summary).toMatchObject({ rows: 120, units: 1 });
    expect(summary.rowsPerSecond).toBeGreaterThan(0);
    const counts = await childCounts();
    expect(Number(counts.find((row) => row.code === '14818')?.n)).toBe(before + 120);
  });

  it('refuses bad input and synthetic data outside demo mode', async () => {
    const missing = await tuoitho(['generate', '--children', '10']);
    expect(missing.code).toBe(ExitCode.Failure);
    expect(missing.out.errors.join('\n')).toContain('Cần --province hoặc --unit.');

    const unknown = await tuoitho(['generate', '--children', '10', '--unit', '99999']);
    expect(unknown.code).toBe(ExitCode.Failure);
    expect(unknown.out.errors.join('\n')).toContain('Không có xã, phường, đặc khu mã 99999');

    const notNumber = await tuoitho(['generate', '--children', 'nhiều', '--province', '38']);
    expect(notNumber.code).toBe(ExitCode.Failure);
    expect(notNumber.out.errors.join('\n')).toContain('Không phải số nguyên không âm: nhiều');

    const production = await tuoitho(['generate', '--children', '10', '--province', '38'], {
      DEMO_MODE: 'false',
    });
    expect(production.code).toBe(ExitCode.Failure);
    expect(production.out.errors.join('\n')).toContain('Chế độ thử nghiệm đang tắt');

    await expect(
      runGenerate(database, new MemoryOutput(), { children: 0, seed: 1, provinceCode: '38' }),
    ).rejects.toThrow(CliError);
    expect(() => parseWholeNumber('-5')).toThrow(CliError);
    expect(parseWholeNumber('100_000')).toBe(100_000);
  });

  it('splits a total exactly and the same way for the same seed', () => {
    const units = Array.from({ length: 166 }, (_, i) => ({
      code: String(14000 + i),
      type: i % 9 === 0 ? 'phuong' : 'xa',
    }));
    const counts = spreadOverUnits(100_000, units, 5);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100_000);
    expect(spreadOverUnits(100_000, units, 5)).toEqual(counts);
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });
});
