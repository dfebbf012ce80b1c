import type { FollowUpBoard, InspectionPlanList, InspectionSession, Recommendation } from '@tuoitho/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './browser';

/**
 * The inspection journey: the province inspector starts this year's session in Phường Bỉm Sơn
 * from the yearly plan, answers the checklist, records a shortcoming and a recommendation with a
 * deadline and completes the session; the ward's officer answers the recommendation as done;
 * the follow-up board then counts it done.
 */

let browser: Browser;
const baseUrl = inject('baseUrl');
const DESKTOP = { width: 1440, height: 1000 };
const TABLET = { width: 820, height: 1180 };
const WARD = '14812';
const FINDING = 'Chưa cập nhật đầy đủ sổ theo dõi trẻ em có hoàn cảnh đặc biệt ở 3 tổ dân phố.';
const RECOMMENDATION = `Rà soát, cập nhật sổ theo dõi trẻ em của các tổ dân phố (đợt ${Math.floor(Math.random() * 900) + 100})`;

const state = { planId: '', sessionId: '', recommendationId: '', doneBefore: 0 };

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A day `days` from today in Vietnam, as dd/MM/yyyy for the date pickers. */
function vnDay(days: number): string {
  const d = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

async function settled(page: Page) {
  await expect
    .poll(() => page.locator('.ant-spin-spinning, .ant-btn-loading').count(), { timeout: 30_000 })
    .toBe(0);
}

async function pickDate(page: Page, testId: string, value: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
}

async function boardDone(page: Page): Promise<number> {
  const res = await page.request.get(`${baseUrl}/api/v1/inspections/board`);
  expect(res.status(), await res.text()).toBe(200);
  const board = (await res.json()) as FollowUpBoard;
  return board.byUnit.find((row) => row.unitCode === WARD)?.done ?? 0;
}

describe('an inspection from the checklist to the recommendation done', () => {
  it('the inspector starts this year’s session in the ward from the yearly plan', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'thanhtra.thanhhoa');
    const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
    const res = await page.request.get(`${baseUrl}/api/v1/inspections/plans?year=${year}&limit=50`);
    expect(res.status(), await res.text()).toBe(200);
    const plans = (await res.json()) as InspectionPlanList;
    const plan = plans.items.find((p) => p.targets.some((t) => t.unitCode === WARD && t.sessionId === null));
    expect(plan, 'a plan of this year targeting the ward without a session').toBeTruthy();
    state.planId = plan?.id ?? '';
    state.doneBefore = await boardDone(page);

    await page.goto(`${baseUrl}/inspections/plans/${state.planId}`);
    await page.getByTestId(`session-start-${WARD}`).click();
    await page.getByTestId('session-template').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await pickDate(page, 'session-date', vnDay(0));
    await page.getByTestId('session-start-confirm').click();
    await page.waitForURL(/\/inspections\/sessions\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    state.sessionId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.close();
  });

  it('answers the checklist on a tablet, records a shortcoming and a recommendation, and completes', async () => {
    const page = await browser.newPage({ viewport: TABLET, locale: 'vi-VN', hasTouch: true });
    await signIn(page, baseUrl, 'thanhtra.thanhhoa');
    const res = await page.request.get(`${baseUrl}/api/v1/inspections/sessions/${state.sessionId}`);
    const session = (await res.json()) as InspectionSession;
    await page.goto(`${baseUrl}/inspections/sessions/${state.sessionId}`);
    await page.getByTestId(`question-${session.questions[0]?.id}`).waitFor({ timeout: 30_000 });
    for (const q of session.questions) {
      if (q.answerType === 'yes_no') await page.getByTestId(`answer-${q.id}-yes`).click();
      else if (q.answerType === 'score')
        await page.getByTestId(`answer-${q.id}`).fill(String(q.maxScore ?? 0));
      else if (q.answerType === 'number') await page.getByTestId(`answer-${q.id}`).fill('12');
      else await page.getByTestId(`answer-${q.id}`).fill('Đã triển khai, có biên bản kèm theo.');
    }
    await page.getByTestId('finding-add').click();
    await page.getByTestId('finding-severity-0').click();
    await page.locator('.ant-select-dropdown:visible').getByText('Tồn tại, hạn chế', { exact: true }).click();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await page.getByTestId('finding-text-0').fill(FINDING);
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/sessions/${state.sessionId}`) && r.request().method() === 'PUT',
    );
    await page.getByTestId('session-save').click();
    expect((await saved).status()).toBe(200);
    await settled(page);
    const expected = session.questions.reduce(
      (sum, q) => sum + (q.answerType === 'text' || q.answerType === 'number' ? 0 : (q.maxScore ?? 0)),
      0,
    );
    expect(await page.getByTestId('session-score').textContent()).toContain(String(expected));

    await page.getByTestId('recommendation-add').click();
    await page.getByTestId('recommendation-text').fill(RECOMMENDATION);
    await pickDate(page, 'recommendation-deadline', vnDay(30));
    const created = page.waitForResponse(
      (r) =>
        r.url().endsWith(`/sessions/${state.sessionId}/recommendations`) && r.request().method() === 'POST',
    );
    await page.getByTestId('recommendation-submit').click();
    const answer = await created;
    expect(answer.status(), await answer.text()).toBe(201);
    state.recommendationId = ((await answer.json()) as Recommendation).id;
    await screenshot(page, 'inspections-01-session-tablet');

    const completed = page.waitForResponse(
      (r) => r.url().endsWith(`/sessions/${state.sessionId}/complete`) && r.request().method() === 'POST',
    );
    await page.getByTestId('session-complete').click();
    await page.getByTestId('session-complete-confirm').click();
    const done = await completed;
    expect(done.status(), await done.text()).toBe(200);
    await page.close();
  });

  it('the ward officer answers the recommendation as done', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'bimson.canbo');
    await page.goto(`${baseUrl}/inspections?tab=recommendations`);
    const row = page.getByTestId(`recommendation-row-${state.recommendationId}`);
    await row.waitFor({ timeout: 30_000 });
    await settled(page);
    await page.getByTestId(`recommendation-respond-${state.recommendationId}`).click();
    await page.getByTestId('respond-status-done').click();
    await page
      .getByTestId('respond-text')
      .fill('Đã rà soát, cập nhật sổ theo dõi của 3 tổ dân phố; có danh sách kèm theo.');
    await pickDate(page, 'respond-date', vnDay(0));
    const answered = page.waitForResponse(
      (r) =>
        r.url().endsWith(`/recommendations/${state.recommendationId}/respond`) &&
        r.request().method() === 'POST',
    );
    await page.getByTestId('respond-submit').click();
    const response = await answered;
    expect(response.status(), await response.text()).toBe(200);
    await expect
      .poll(() => page.getByTestId(`recommendation-state-${state.recommendationId}`).textContent(), {
        timeout: 20_000,
      })
      .toContain('Đã thực hiện');
    await screenshot(page, 'inspections-02-commune-answers');
    await page.close();
  });

  it('the follow-up board counts the recommendation done', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'thanhtra.thanhhoa');
    expect(await boardDone(page)).toBe(state.doneBefore + 1);
    await page.goto(`${baseUrl}/inspections?tab=board`);
    const cell = page.getByTestId(`board-unit-${WARD}-done`);
    await cell.waitFor({ timeout: 30_000 });
    await settled(page);
    expect(Number(((await cell.textContent()) ?? '').replace(/\D/g, ''))).toBe(state.doneBefore + 1);
    await screenshot(page, 'inspections-03-board');
    await page.close();
  });
});
