import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './browser';

/**
 * The child-friendly journey: the officer of Phường Quang Trung starts this year's
 * self-assessment and sees the points move as they answer; the province recognises a commune that
 * submitted an assessment reaching its threshold, with the decision number and date.
 */

let browser: Browser;
const baseUrl = inject('baseUrl');
const DESKTOP = { width: 1440, height: 1000 };
const DECISION = `${100 + Math.floor(Math.random() * 800)}/QĐ-UBND`;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const totalOf = (text: string | null) => Number((text ?? '').split('/')[0]?.replace(/\D/g, '') ?? Number.NaN);

function vnToday(): string {
  const d = new Date(Date.now() + 7 * 3_600_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

async function settled(page: Page) {
  await expect
    .poll(() => page.locator('.ant-spin-spinning, .ant-btn-loading').count(), { timeout: 30_000 })
    .toBe(0);
}

describe('a child-friendly assessment from the commune to the recognition', () => {
  it('the ward officer starts this year’s self-assessment and the points follow the answers', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'quangtrung.canbo');
    await page.goto(`${baseUrl}/child-friendly`);
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/child-friendly/assessments') && r.request().method() === 'POST',
    );
    await page.getByTestId('cf-start').click();
    expect((await created).status()).toBe(201);
    await page.waitForURL(/\/child-friendly\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const total = page.getByTestId('cf-total');
    await total.waitFor({ timeout: 30_000 });
    await settled(page);
    const before = totalOf(await total.textContent());
    expect(before).toBeGreaterThanOrEqual(0);
    // 1.1: a commune child-protection officer is assigned — 50 points (verified).
    await page.getByTestId('cf-yes-1.1').click();
    await expect.poll(async () => totalOf(await total.textContent())).toBe(before + 50);
    const saved = page.waitForResponse(
      (r) => /\/child-friendly\/assessments\/[0-9a-f-]{36}$/.test(r.url()) && r.request().method() === 'PUT',
    );
    await page.getByTestId('cf-save').click();
    expect((await saved).status()).toBe(200);
    await screenshot(page, 'child-friendly-01-self-assessment');
    await page.close();
  });

  it('the province recognises a commune whose submitted assessment reaches its threshold', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'tinh.thanhhoa');
    const res = await page.request.get(
      `${baseUrl}/api/v1/child-friendly/assessments?status=submitted&limit=100`,
    );
    expect(res.status(), await res.text()).toBe(200);
    const { items } = (await res.json()) as { items: { id: string; passed: boolean }[] };
    const passing = items.find((a) => a.passed);
    expect(passing, 'a submitted assessment that passes (demo: Hạc Thành 2026)').toBeTruthy();
    await page.goto(`${baseUrl}/child-friendly/${passing?.id}`);
    await page.getByTestId('cf-review-recognise').click();
    const dialog = page.getByRole('dialog');
    await page.getByTestId('cf-recognise-number').fill(DECISION);
    await dialog.getByLabel('Ngày quyết định').click();
    await page.keyboard.type(vnToday());
    await page.keyboard.press('Enter');
    const reviewed = page.waitForResponse(
      (r) => r.url().endsWith('/review') && r.request().method() === 'POST',
    );
    await page.getByTestId('cf-recognise-confirm').click();
    const answer = await reviewed;
    expect(answer.status(), await answer.text()).toBe(200);
    await expect
      .poll(() => page.getByTestId('cf-status').textContent(), { timeout: 20_000 })
      .toContain('công nhận');
    await screenshot(page, 'child-friendly-02-recognised');
    await page.close();
  });
});
