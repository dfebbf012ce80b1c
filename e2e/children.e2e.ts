import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './browser';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A name no demo child has, so that the search finds exactly the child registered here. */
const CHILD_NAME = 'Lý Thị Kim Xuyến';
/** Without diacritics, in another word order, as an officer may type it. */
const CHILD_NAME_TYPED = 'xuyen kim ly thi';

async function visible(page: Page, text: string, timeout = 20_000) {
  await expect.poll(() => page.getByText(text).first().isVisible(), { timeout }).toBe(true);
}

/** Waits until no table or card list shows its loading state, for a clean screenshot. */
async function settled(page: Page) {
  await expect
    .poll(() => page.locator('.ant-spin-spinning, .ant-spin-blur').count(), { timeout: 20_000 })
    .toBe(0);
}

describe('a commune officer and the child registry', () => {
  it('registers a child with the minimum, finds it typing without diacritics and opens the profile', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'bimson.canbo');
    await visible(page, 'Xin chào');

    // The menu item "Trẻ em" leads to the list.
    await page.getByRole('link', { name: 'Trẻ em', exact: true }).first().click();
    await page.waitForURL(/\/children$/);
    await visible(page, 'Tìm thấy');
    await settled(page);
    await screenshot(page, '10-children-list');

    // The minimum: name, sex, year of birth only, and the commune (preset to the officer's ward).
    await page.getByRole('button', { name: 'Thêm trẻ em' }).click();
    await page.waitForURL(/\/children\/new$/);
    const name = page.getByLabel('Họ và tên', { exact: true });
    // The name field has the focus, so the officer can type at once.
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('child_fullName');
    await name.fill(CHILD_NAME);
    await page.getByText('Nữ', { exact: true }).click();
    await page.getByText('Chỉ biết năm sinh').click();
    await page.getByLabel('Ngày sinh', { exact: true }).fill('2019');
    await screenshot(page, '11-child-form');
    // Enter in a field saves the form.
    const created = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/children') && response.request().method() === 'POST',
    );
    await name.press('Enter');
    // A duplicate warning may come first (the demo registry is large): create anyway.
    const outcome = await Promise.race([
      created.then(() => 'created' as const),
      page
        .getByTestId('create-anyway')
        .waitFor({ timeout: 20_000 })
        .then(() => 'duplicates' as const),
    ]);
    if (outcome === 'duplicates') {
      await screenshot(page, '12-child-duplicates');
      await page.getByTestId('create-anyway').click();
    }
    expect((await created).status()).toBe(201);
    await page.waitForURL(/\/children\/[0-9a-f-]{36}$/);
    await visible(page, CHILD_NAME);

    // The list search ignores diacritics, case and word order.
    await page.goto(`${baseUrl}/children`);
    await visible(page, 'Tìm thấy');
    await page.getByLabel('Tìm trẻ em').fill(CHILD_NAME_TYPED);
    await page.waitForURL(/q=xuyen\+kim\+ly\+thi/);
    await visible(page, 'Tìm thấy 1 trẻ');
    await settled(page);
    await screenshot(page, '13-children-search');

    // The filtered list downloads as Excel, as the officer sees it.
    await page.getByRole('button', { name: 'Xuất danh sách' }).hover();
    const excel = page.getByRole('link', { name: 'Excel (.xlsx)' });
    await excel.waitFor();
    const href = await excel.getAttribute('href');
    expect(href).toContain('format=xlsx');
    expect(href).toContain('q=xuyen');
    const file = await page.request.get(`${baseUrl}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');

    await page.getByRole('link', { name: CHILD_NAME }).click();
    await page.waitForURL(/\/children\/[0-9a-f-]{36}\?from=/);
    await expect.poll(() => page.getByTestId('child-name').textContent()).toBe(CHILD_NAME);
    await visible(page, '2019 (chỉ biết năm sinh)');
    await screenshot(page, '14-child-profile');
    await page.close();
  });

  it('works on a phone: the list becomes cards', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'bimson.canbo');
    await visible(page, 'Xin chào');
    await page.goto(`${baseUrl}/children?q=${encodeURIComponent(CHILD_NAME_TYPED)}`);
    await page.getByTestId('children-cards').waitFor({ timeout: 20_000 });
    await visible(page, CHILD_NAME);
    await screenshot(page, '15-children-phone');
    await page.close();
  });
});
