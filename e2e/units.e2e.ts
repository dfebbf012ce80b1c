import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './browser';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('a commune officer', () => {
  it('signs in and opens the administrative unit tree of their ward', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'bimson.canbo');
    await expect
      .poll(() => page.getByText('Phường Bỉm Sơn').first().isVisible(), { timeout: 20_000 })
      .toBe(true);
    await screenshot(page, '01-dashboard');

    await page.goto(`${baseUrl}/units`);
    const tree = page.getByTestId('unit-tree');
    await tree.waitFor({ timeout: 20_000 });
    await expect
      .poll(() => tree.getByText('Phường Bỉm Sơn').first().isVisible(), { timeout: 20_000 })
      .toBe(true);

    await page.getByTestId('unit-search').fill('quang trung');
    await expect
      .poll(() => page.getByText('Phường Quang Trung').first().isVisible(), { timeout: 20_000 })
      .toBe(true);
    await screenshot(page, '02-unit-tree');
    await page.close();
  });

  it('is refused with a Vietnamese message for a wrong password', async () => {
    const page = await browser.newPage({ locale: 'vi-VN' });
    await signIn(page, baseUrl, 'bimson.canbo', 'sai-mat-khau');
    await expect
      .poll(() => page.getByText('Tên đăng nhập hoặc mật khẩu không đúng').first().isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    await screenshot(page, '03-login-refused');
    await page.close();
  });
});

describe('the province administrator', () => {
  it('opens the user list and sees the users of both wards', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'admin');
    await page.waitForLoadState('networkidle');
    await page.goto(`${baseUrl}/users`);
    await expect
      .poll(() => page.getByText('quangtrung.canbo').first().isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expect(await page.getByText('bimson.canbo').first().isVisible()).toBe(true);
    await screenshot(page, '04-users');
    await page.close();
  });

  it('works on a phone-sized screen', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 }, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'tinh.thanhhoa');
    await expect.poll(() => page.getByText('Xin chào').first().isVisible(), { timeout: 20_000 }).toBe(true);
    await screenshot(page, '05-phone');
    await page.close();
  });
});
