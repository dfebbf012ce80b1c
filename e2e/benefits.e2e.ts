import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './browser';

/**
 * The benefits journey: the commune leader opens the gap list and sees children who qualify for
 * the monthly allowance but get nothing; the officer enrols one of them from the list with the
 * chairman's decision; the month's payment run then includes the child with the rule's amount.
 */

let browser: Browser;
const baseUrl = inject('baseUrl');
const DESKTOP = { width: 1440, height: 1000 };
const MONTHLY = 'Trợ cấp xã hội hằng tháng';
const DECISION = `${100 + Math.floor(Math.random() * 800)}/QĐ-UBND`;

const picked = { childId: '', childName: '', amountDigits: '' };

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const digits = (text: string | null) => (text ?? '').replace(/\D/g, '');

async function settled(page: Page) {
  await expect
    .poll(() => page.locator('.ant-spin-spinning, .ant-btn-loading').count(), { timeout: 30_000 })
    .toBe(0);
}

/** The rows of the "eligible, not enrolled" table that are a monthly allowance. */
function monthlyGapRows(page: Page) {
  return page
    .getByTestId('benefit-gaps-table-eligible_not_enrolled')
    .getByTestId('benefit-gap-row')
    .filter({ hasText: MONTHLY });
}

describe('from the gap list to the payment list', () => {
  it('the leader sees children who qualify for the monthly allowance and get nothing', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'bimson.lanhdao');
    await page.goto(`${baseUrl}/benefits`);
    const count = page.getByTestId('benefit-gap-count-eligible_not_enrolled');
    await count.waitFor({ timeout: 30_000 });
    await settled(page);
    await expect.poll(() => monthlyGapRows(page).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(Number(digits(await count.textContent()))).toBeGreaterThan(0);
    const row = monthlyGapRows(page).first();
    picked.childId = (await row.getAttribute('data-child-id')) ?? '';
    picked.childName = (await row.locator('a').first().textContent()) ?? '';
    const amounts = await row.locator('td').allTextContents();
    picked.amountDigits = digits(amounts.find((cell) => /\d{3}\.\d{3}/.test(cell)) ?? '');
    expect(picked.childId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number(picked.amountDigits)).toBeGreaterThanOrEqual(500_000);
    await screenshot(page, 'benefits-01-gap-list');
    await page.close();
  });

  it('the officer enrols the child from the gap list with the chairman’s decision', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'bimson.canbo');
    await page.goto(`${baseUrl}/benefits`);
    await page.getByTestId('benefit-gap-count-eligible_not_enrolled').waitFor({ timeout: 30_000 });
    await settled(page);
    const row = monthlyGapRows(page).and(page.locator(`[data-child-id="${picked.childId}"]`));
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    await row.getByTestId('benefit-gap-enrol').click();
    const form = page.getByTestId('benefit-enrol-form');
    await form.waitFor();
    expect(digits(await page.getByTestId('benefit-enrol-amount').inputValue())).toBe(picked.amountDigits);
    await page.getByTestId('benefit-enrol-decision-number').fill(DECISION);
    await page.getByTestId('benefit-enrol-signer-name').fill('Nguyễn Văn Bình');
    await screenshot(page, 'benefits-02-enrol-form');
    const answered = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/benefits/enrolments') && r.request().method() === 'POST',
    );
    await page.getByTestId('benefit-enrol-submit').click();
    const response = await answered;
    expect(response.status(), await response.text()).toBe(201);
    await expect.poll(() => form.count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(0);
    await page.close();
  });

  it('the month’s payment run includes the child with the rule’s amount', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'bimson.canbo');
    await page.goto(`${baseUrl}/benefits`);
    await page.getByTestId('benefits-tab-payments').click();
    const answered = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/benefits/payment-runs') && r.request().method() === 'POST',
    );
    await page.getByTestId('benefit-payment-run-create').click();
    expect([200, 201]).toContain((await answered).status());
    const lines = page.getByTestId('benefit-payment-lines');
    await lines.waitFor({ timeout: 30_000 });
    await settled(page);
    const line = lines.locator(`[data-child-id="${picked.childId}"]`);
    await expect.poll(() => line.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const amount = await line.first().getByTestId('benefit-payment-line-amount').textContent();
    expect(digits(amount)).toBe(picked.amountDigits);
    await screenshot(page, 'benefits-03-payment-run');
    await page.close();
  });
});
