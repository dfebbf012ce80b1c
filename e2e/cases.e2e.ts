import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, launchBrowser, screenshot, signIn } from './browser';

/**
 * The case journey of Decree 56/2017 in a real browser: the officer takes a report, assesses,
 * drafts the plan and submits it; the chairman approves it (form 05); the officer downloads
 * form 05, marks the measures done, reviews and proposes to close; the chairman closes the case.
 */

let browser: Browser;
const baseUrl = inject('baseUrl');
const DESKTOP = { width: 1440, height: 1000 };

/** A child not yet in the registry, created from the intake; the suffix keeps reruns apart. */
const CHILD_NAME = `Đỗ Thị Hành Trình ${['An', 'Bình', 'Chi', 'Dung'][Math.floor(Math.random() * 4)]}`;
const SUMMARY = 'Cô giáo chủ nhiệm báo cháu có vết bầm ở tay, cháu kể bị cha đánh khi say rượu.';
const DECISION = `${10 + Math.floor(Math.random() * 80)}/QĐ-UBND`;

/** Today in Việt Nam as dd/MM/yyyy, as the date fields take it. */
function todayInVietnam(): string {
  const [y, m, d] = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

const journey = { caseUrl: '', caseNumber: '' };

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function visible(page: Page, text: string | RegExp, timeout = 20_000) {
  await expect.poll(() => page.getByText(text).first().isVisible(), { timeout }).toBe(true);
}

async function settled(page: Page) {
  await expect
    .poll(() => page.locator('.ant-spin-spinning, .ant-btn-loading').count(), { timeout: 20_000 })
    .toBe(0);
}

/** Opens an action's dialog by its button, fills it, submits it and waits until the dialog closes. */
async function recordAction(
  page: Page,
  type: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByTestId(`case-action-${type}`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  const answered = page.waitForResponse(
    (r) => r.url().includes('/actions') && r.request().method() === 'POST',
  );
  await page.getByTestId('case-action-submit').click();
  const response = await answered;
  expect(response.status(), await response.text()).toBe(200);
  await expect.poll(() => dialog.count(), { timeout: 20_000 }).toBe(0);
  await settled(page);
}

/** Picks an option of an antd select by its label and waits until the drop-down has closed. */
async function choose(page: Page, field: string, option: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(field).click();
  await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
  await expect.poll(() => dialog.getByText(option, { exact: true }).count()).toBeGreaterThan(0);
}

describe('a child-protection case from report to closing', () => {
  it('the officer takes the report; the 12-hour and plan clocks start', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'bimson.canbo');
    await page.goto(`${baseUrl}/cases`);
    await page.getByTestId('case-intake-open').click();
    await page.getByText('Trẻ chưa có trong sổ').click();
    await page.getByTestId('case-intake-child-name').fill(CHILD_NAME);
    await page.getByLabel('Nữ').check();
    await page.getByLabel('Ngày sinh', { exact: true }).fill('04/03/2016');
    await page.keyboard.press('Enter');
    await page.getByLabel('Nguồn thông tin').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('Nhà trường').click();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await page.getByLabel('Bạo lực thể chất').check();
    await page.getByTestId('case-intake-summary').fill(SUMMARY);
    await page.getByTestId('case-intake-reporter').fill('Cô Lan, giáo viên chủ nhiệm');
    await screenshot(page, 'cases-01-intake');
    await page.getByTestId('case-intake-submit').click();
    await page.getByTestId('case-number').waitFor({ timeout: 20_000 });
    journey.caseUrl = page.url();
    journey.caseNumber = (await page.getByTestId('case-number').textContent()) ?? '';
    expect(journey.caseNumber).toMatch(/^VV-\d{4}-\d{4}$/);
    expect(journey.caseUrl).toMatch(/\/cases\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('clock-initial_assessment').count()).toBe(1);
    await expect.poll(() => page.getByTestId('clock-plan').count()).toBe(1);
    await visible(page, SUMMARY);
    await settled(page);
    await screenshot(page, 'cases-02-opened');
    await page.close();
  });

  it('the officer assesses, drafts the plan and submits it to the chairman', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'bimson.canbo');
    await page.goto(journey.caseUrl);
    await page.getByTestId('case-number').waitFor();
    await recordAction(page, 'initial_assessment', async (dialog) => {
      await dialog.getByText('Trung bình').click();
      await dialog.getByLabel('Cấp độ bảo vệ').click();
      await page.locator('.ant-select-dropdown:visible').getByTitle('2. ', { exact: false }).first().click();
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
      await page.getByTestId('action-field-harm').fill('Vết bầm ở tay, trẻ sợ hãi khi nhắc đến cha.');
    });
    await recordAction(page, 'detailed_assessment', async (dialog) => {
      await dialog.getByText('Trung bình').click();
      await dialog.getByLabel('Nhu cầu 1').fill('Hỗ trợ tâm lý');
    });
    await recordAction(page, 'plan_drafted', async (dialog) => {
      await dialog
        .getByTestId('action-field-goal')
        .fill('Trẻ được an toàn, không còn bị bạo lực trong gia đình');
      await dialog.getByLabel('Biện pháp 1', { exact: true }).fill('Tư vấn tâm lý cho trẻ hằng tuần');
      await dialog.getByLabel('Người chịu trách nhiệm 1', { exact: true }).fill('Trần Thị Mai');
      await dialog.getByLabel('Dịch vụ, cơ quan 1', { exact: true }).fill('Trạm Y tế phường Bỉm Sơn');
    });
    await recordAction(page, 'plan_submitted', async () => {});
    await expect.poll(() => page.getByTestId('case-status').textContent()).toContain('Chờ phê duyệt');
    await screenshot(page, 'cases-03-submitted');
    await page.close();
  });

  it('the chairman finds it in the approval inbox and approves the plan (form 05)', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'bimson.lanhdao');
    await page.goto(`${baseUrl}/cases`);
    await page.getByTestId('cases-tab-awaitingMyApproval').click();
    const inbox = page.getByTestId('cases-awaitingMyApproval-table');
    await inbox.getByText(journey.caseNumber).waitFor({ timeout: 20_000 });
    await screenshot(page, 'cases-04-approval-inbox');
    await inbox.getByText(journey.caseNumber).click();
    await page.getByTestId('case-number').waitFor();
    await recordAction(page, 'plan_approved', async (dialog) => {
      await dialog.getByTestId('action-field-decisionNumber').fill(DECISION);
      await dialog.getByLabel('Ngày quyết định').fill(todayInVietnam());
      await page.keyboard.press('Enter');
    });
    await expect.poll(() => page.getByTestId('case-status').textContent()).toContain('Thực hiện kế hoạch');
    await screenshot(page, 'cases-05-approved');
    await page.close();
  });

  it('the officer downloads form 05, and it opens as a Word document with the decision', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN', acceptDownloads: true });
    await signIn(page, baseUrl, 'bimson.canbo');
    await page.goto(journey.caseUrl);
    await page.getByTestId('case-number').waitFor();
    await page.getByRole('tab', { name: 'Tài liệu' }).click();
    await settled(page);
    await screenshot(page, 'cases-06-documents');
    const downloading = page.waitForEvent('download', { timeout: 30_000 });
    await page.getByTestId('document-05-docx').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`mau-05-${journey.caseNumber}.docx`);
    const file = path.join(ARTIFACTS, download.suggestedFilename());
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await download.saveAs(file);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = await zip.file('word/document.xml')?.async('string');
    const text = (xml ?? '').replace(/<[^>]+>/g, '');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain(DECISION);
    expect(text).toContain(CHILD_NAME);
    expect(text).toContain('KẾ HOẠCH HỖ TRỢ, CAN THIỆP');
    await page.close();
  });

  it('the officer marks the measure done and reviews; the chairman closes the case', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'bimson.canbo');
    await page.goto(journey.caseUrl);
    await page.getByTestId('case-number').waitFor();
    await page.getByRole('tab', { name: 'Kế hoạch' }).click();
    await page.getByTestId('measure-done-m1').click();
    await page.getByRole('dialog').getByLabel('Kết quả').fill('Trẻ đã tham gia 4 buổi tư vấn, ổn định hơn');
    await page.getByTestId('measure-done-submit').click();
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 20_000 }).toBe(0);
    await settled(page);
    await page.getByRole('tab', { name: 'Quy trình' }).click();
    await recordAction(page, 'review', async (dialog) => {
      await dialog.getByText('Thấp').click();
      await dialog.getByText('Đề xuất kết thúc vụ việc').click();
      await dialog.getByTestId('action-field-summary').fill('Trẻ an toàn, gia đình hợp tác.');
    });
    await expect.poll(() => page.getByTestId('case-status').textContent()).toContain('Đề xuất kết thúc');
    await page.close();

    const leader = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(leader, baseUrl, 'bimson.lanhdao');
    await leader.goto(journey.caseUrl);
    await leader.getByTestId('case-number').waitFor();
    await recordAction(leader, 'closed', async () => {
      await choose(leader, 'Lý do kết thúc', 'Đã hoàn thành kế hoạch, trẻ an toàn');
    });
    await expect.poll(() => leader.getByTestId('case-status').textContent()).toContain('Đã kết thúc');
    await expect.poll(() => leader.getByTestId('history-closed').count()).toBe(1);
    await screenshot(leader, 'cases-07-closed');
    await leader.close();
  });
});
