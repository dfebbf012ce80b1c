import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/harness';
import { verifyAuditChain } from '../platform/audit/audit';
import type { Database } from '../platform/db/database';
import { cliDepsFor } from './cli-testing';
import { ExitCode } from './io';
import { runCli } from './program';

let database: Database & { dispose(): Promise<void> };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoitho-import-'));
const sample = path.join(import.meta.dirname, '../modules/children/import/fixtures/danh-sach-mau.xlsx');

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

const tuoitho = async (args: string[]) => {
  const deps = cliDepsFor(database, {});
  const code = await runCli(['node', 'tuoitho', ...args], deps);
  return { code, out: deps.out };
};

const countChildren = async (unitCode: string) =>
  Number(
    (
      await database.db
        .selectFrom('child as c')
        .innerJoin('admin_unit as u', 'u.id', 'c.unit_id')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('u.code', '=', unitCode)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A clean list in the layout officers use, written to a temporary CSV file. */
function cleanCsv(name: string, rows: string[]) {
  const file = path.join(dir, name);
  const header = 'STT;Họ và tên;Ngày sinh;Giới tính;Dân tộc;Thôn, tổ dân phố;Họ tên mẹ';
  fs.writeFileSync(file, `\uFEFF${header}\r\n${rows.join('\r\n')}\r\n`);
  return file;
}

describe('tuoitho import children', () => {
  it('checks the sample list in a dry run: summary as JSON, every error shown, nothing written', async () => {
    const before = await countChildren('14812');
    const { code, out } = await tuoitho([
      'import',
      'children',
      sample,
      '--unit',
      '14812',
      '--dry-run',
      '--json',
    ]);
    expect(code).toBe(ExitCode.Ok);
    const summary = JSON.parse(out.lines.at(-1) ?? '{}');
    expect(summary).toMatchObject({
      rows: 30,
      valid: 27,
      invalid: 3,
      created: 0,
      duplicates: 0,
      committed: false,
    });
    expect(
      out.errors.filter((line) => line.startsWith('Lỗi dòng')).map((line) => line.split(',')[0]),
    ).toEqual(['Lỗi dòng 15', 'Lỗi dòng 19', 'Lỗi dòng 25']);
    expect(out.errors.join('\n')).toContain('Cảnh báo dòng 34');
    expect(await countChildren('14812')).toBe(before);
  });

  it('refuses to write a file with errors: exit code 1, nothing written', async () => {
    const before = await countChildren('14812');
    const { code, out } = await tuoitho(['import', 'children', sample, '--unit', '14812']);
    expect(code).toBe(ExitCode.Failure);
    expect(out.text).toContain('Tệp có 3 dòng lỗi: không ghi gì vào sổ.');
    expect(await countChildren('14812')).toBe(before);
  });

  it('writes a clean file, adds nothing the second time, and keeps the audit chain whole', async () => {
    const file = cleanCsv('sach.csv', [
      '1;Hà Thị Minh Thư;03/02/2017;Nữ;Kinh;Khu phố 2;Hà Thị Lan',
      '2;Ha Van Minh;2019-10-10;nam;kinh;Khu phố 2;Hà Thị Lan',
      '3;Lò Văn Pọm;2012;Nam;Thái;Khu phố 8;',
    ]);
    const before = await countChildren('14818');
    const first = await tuoitho(['import', 'children', file, '--unit', '14818']);
    expect(first.out.errors).toEqual([]);
    expect(first.code).toBe(ExitCode.Ok);
    expect(first.out.text).toContain('Số dòng: 3 · hợp lệ: 3 · lỗi: 0');
    expect(first.out.text).toContain('đã tạo: 3');
    expect(await countChildren('14818')).toBe(before + 3);

    const second = await tuoitho(['import', 'children', file, '--unit', '14818', '--json']);
    expect(second.code).toBe(ExitCode.Ok);
    expect(JSON.parse(second.out.lines.at(-1) ?? '{}')).toMatchObject({
      rows: 3,
      valid: 3,
      created: 0,
      alreadyImported: 3,
      committed: true,
    });
    expect(await countChildren('14818')).toBe(before + 3);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('says what is wrong with the unit or the file', async () => {
    const missing = await tuoitho(['import', 'children', path.join(dir, 'khong-co.xlsx'), '--unit', '14812']);
    expect(missing.code).toBe(ExitCode.Failure);
    expect(missing.out.errors.join('\n')).toContain('Không tìm thấy tệp');
    const badUnit = await tuoitho(['import', 'children', sample, '--unit', '38']);
    expect(badUnit.code).toBe(ExitCode.Failure);
    expect(badUnit.out.errors.join('\n')).toContain('Không có xã, phường, đặc khu mã 38');
  });
});
