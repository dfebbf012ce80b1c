import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './browser';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The sample list of the server's tests: about 30 rows, 3 of them deliberately wrong. */
const SAMPLE = path.resolve(
  import.meta.dirname,
  '../packages/server/src/modules/children/import/fixtures/danh-sach-mau.xlsx',
);
/** Where the person reviewing the run looks at the preview step (desktop, then a 390 px phone). */
const PREVIEW_SHOT = '/tmp/import-preview.png';
const PREVIEW_PHONE_SHOT = '/tmp/import-preview-390.png';

/**
 * Names no demo child has, different on every run: a rare family name and two given names drawn
 * at random, so that a search without diacritics finds exactly the imported child.
 */
const GIVEN = ['Khuê', 'Diệp', 'Uyên', 'Thư', 'Quỳnh', 'Nhiên', 'Tuệ', 'Hạ', 'Vỹ', 'Sương', 'Miên', 'Trà'];
const pick = () => GIVEN[Math.floor(Math.random() * GIVEN.length)]!;
const FIRST = `Ông Thị ${pick()} ${pick()}`;
const CLEAN_ROWS = [
  [FIRST, '12/03/2019', 'Nữ'],
  [`Ông Văn ${pick()} An`, '05/11/2020', 'Nam'],
  [`Ông Văn ${pick()} Bình`, '2018', 'Nam'],
  [`Ông Văn ${pick()} Cường`, '28/02/2021', 'Nam'],
];
/** What an officer types: lower case, no diacritics ("ông" is "ong", "đ" is "d"). */
const typed = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/** A clean list in CSV, as an officer would save it from Excel (UTF-8 with BOM, commas). */
function cleanCsv(): Buffer {
  const lines = [
    'STT,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Ghi chú',
    ...CLEAN_ROWS.map(([name, dob, sex], index) => `${index + 1},${name},${dob},${sex},Kinh,Nhập thử e2e`),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

async function visible(page: Page, text: string, timeout = 30_000) {
  await expect.poll(() => page.getByText(text).first().isVisible(), { timeout }).toBe(true);
}

/** Waits until no table, card or button shows its loading state, for a clean screenshot. */
async function settled(page: Page) {
  await expect
    .poll(() => page.locator('.ant-spin-spinning, .ant-spin-blur, .ant-skeleton, .ant-btn-loading').count(), {
      timeout: 20_000,
    })
    .toBe(0);
}

/** Uploads a file on the first step and waits for the import to be created (202). */
async function uploadFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByTestId('import-choose').waitFor({ timeout: 20_000 });
  // The commune is preset to the officer's ward.
  await visible(page, 'Phường Bỉm Sơn');
  await page.locator('[data-testid="import-choose"] input[type="file"]').setInputFiles(file);
  await page.getByTestId('import-chosen').waitFor();
  const created = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === '/api/v1/children/imports' &&
      response.request().method() === 'POST',
    { timeout: 60_000 },
  );
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  const response = await created;
  expect(response.status()).toBe(202);
  await page.waitForURL(/\/children\/import\/[0-9a-f-]{36}$/);
}

describe('a commune officer imports a list of children from Excel', () => {
  it('sees the progress and the error report, then imports a corrected file and finds a child', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'bimson.canbo');
    await visible(page, 'Xin chào');

    // The entry is on the children list, next to the export.
    await page.goto(`${baseUrl}/children`);
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    await page.waitForURL(/\/children\/import$/);
    await visible(page, 'Nhập danh sách trẻ em từ Excel');
    const template = page.getByRole('link', { name: 'Tệp mẫu Excel (.xlsx)' });
    const templateFile = await page.request.get(`${baseUrl}${await template.getAttribute('href')}`);
    expect(templateFile.status()).toBe(200);
    expect(templateFile.headers()['content-type']).toContain('spreadsheetml');
    await screenshot(page, '20-import-choose');

    // The sample file: the analysis runs as a job with a progress bar, then the report.
    await uploadFile(page, SAMPLE);
    const progressSeen = await page
      .getByTestId('import-progress')
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-has-errors').waitFor();
    await visible(page, 'Tệp còn 3 dòng có lỗi');
    expect(progressSeen).toBe(true);
    // All or nothing: the commit waits for a corrected file.
    expect(await page.getByTestId('import-commit-button').isDisabled()).toBe(true);
    await visible(page, 'không dòng nào được ghi cho đến khi tệp hết lỗi');
    // Errors per row and column, in Vietnamese.
    const issues = page.getByTestId('import-issues');
    expect(await issues.locator('tbody tr.ant-table-row').count()).toBeGreaterThanOrEqual(3);
    // Only the errors: the three bad rows.
    await issues.locator('.ant-segmented-item').filter({ hasText: /^Lỗi$/ }).click();
    await settled(page);
    await visible(page, 'Đã tải 3/3 mục');
    await page.screenshot({ path: PREVIEW_SHOT, fullPage: true });

    // The error report is the file with the bad cells marked, as Excel.
    const downloading = page.waitForEvent('download');
    await page.getByTestId('import-report').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const reportPath = await download.path();
    expect(fs.readFileSync(reportPath).subarray(0, 2).toString('latin1')).toBe('PK');

    // The same preview on a phone.
    const previewUrl = page.url();
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    await signIn(phone, baseUrl, 'bimson.canbo');
    await visible(phone, 'Xin chào');
    await phone.goto(previewUrl);
    await phone.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    await settled(phone);
    await phone.screenshot({ path: PREVIEW_PHONE_SHOT, fullPage: true });
    await phone.close();

    // A corrected file: no errors, so it can be written, all rows at once.
    await page.getByRole('button', { name: 'Tải tệp khác' }).first().click();
    await page.waitForURL(/\/children\/import$/);
    await uploadFile(page, { name: 'danh-sach-da-sua.csv', mimeType: 'text/csv', buffer: cleanCsv() });
    await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
    await settled(page);
    expect(await page.getByTestId('import-has-errors').count()).toBe(0);
    await screenshot(page, '21-import-clean-preview');
    // Possible duplicates (none expected for these names) would need a decision first.
    if ((await page.getByTestId('import-duplicates').count()) > 0) {
      await page.getByRole('button', { name: 'Tạo mới tất cả' }).click();
    }
    const commitButton = page.getByTestId('import-commit-button');
    await expect.poll(() => commitButton.isEnabled()).toBe(true);
    await visible(page, `Tệp hợp lệ. Khi ghi, tối đa ${CLEAN_ROWS.length} trẻ được thêm vào sổ`);
    await commitButton.click();
    await page.getByRole('dialog').waitFor();
    await screenshot(page, '21b-import-confirm');
    const committed = page.waitForResponse(
      (response) => response.url().endsWith('/commit') && response.request().method() === 'POST',
      { timeout: 60_000 },
    );
    await page.getByRole('dialog').getByRole('button', { name: 'Ghi vào sổ' }).click();
    expect((await committed).status()).toBe(202);
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    await visible(page, `Đã thêm ${CLEAN_ROWS.length} trẻ vào sổ của Phường Bỉm Sơn`);
    await settled(page);
    await screenshot(page, '22-import-done');

    // The import is listed among the recent ones, written.
    await visible(page, 'Các lần nhập gần đây');
    expect(await page.getByTestId('import-recent').getByText('danh-sach-da-sua.csv').count()).toBeGreaterThan(
      0,
    );

    // The imported child is found typing its name without diacritics.
    await page.getByRole('button', { name: 'Xem các trẻ mới thêm' }).click();
    await page.waitForURL(/\/children\?/);
    await visible(page, 'Tìm thấy');
    await page.getByLabel('Tìm trẻ em').fill(typed(FIRST));
    await page.waitForURL(/q=ong\+thi/);
    await visible(page, FIRST);
    await visible(page, 'Tìm thấy 1 trẻ');
    await settled(page);
    await screenshot(page, '23-import-found');

    // The same file again adds nothing: every row was imported before. The officer discards it.
    await page.goto(`${baseUrl}/children/import`);
    await uploadFile(page, { name: 'danh-sach-da-sua.csv', mimeType: 'text/csv', buffer: cleanCsv() });
    await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
    await visible(page, 'Không có trẻ mới để thêm');
    const alreadyImported = page.locator('.ant-statistic').filter({ hasText: 'Đã nhập trước đây' });
    expect(await alreadyImported.locator('.ant-statistic-content').textContent()).toBe(
      String(CLEAN_ROWS.length),
    );
    await page.getByRole('button', { name: 'Hủy lần nhập này' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Hủy lần nhập này' }).click();
    await page.waitForURL(/\/children\/import$/);
    await visible(page, 'Đã hủy lần nhập');
    await page.close();
  }, 240_000);
});
