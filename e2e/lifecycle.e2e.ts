import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './browser';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The same girl registered twice in Phường Bỉm Sơn: once with her personal id, once without. */
const CHILD_NAME = 'Lưu Thị Hồng Nhung';
/** What an officer types: no diacritics, lower case. */
const CHILD_NAME_TYPED = 'luu thi hong nhung';
/** A personal id of a girl born in 2019 in Thanh Hóa (038, 3 = girl of the 2000s, 19), random tail. */
const PERSONAL_ID = `038319${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
const REASON = 'Gia đình chuyển nơi ở sang phường Quang Trung từ tháng 11/2026';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Ids of the records, shared by the steps of the journey (they run in order). */
const ids = { survivor: '', duplicate: '' };

async function visible(page: Page, text: string | RegExp, timeout = 20_000) {
  await expect.poll(() => page.getByText(text).first().isVisible(), { timeout }).toBe(true);
}

/** Waits until nothing shows its loading state, for a clean screenshot. */
async function settled(page: Page) {
  await expect
    .poll(() => page.locator('.ant-spin-spinning, .ant-spin-blur, .ant-btn-loading').count(), {
      timeout: 20_000,
    })
    .toBe(0);
}

/** Registers a child through the API, as the signed-in officer (the CSRF token comes from the session). */
async function registerChild(page: Page, body: Record<string, unknown>): Promise<string> {
  const result = await page.evaluate(async (request) => {
    const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
    const response = await fetch('/api/v1/children', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify(request),
    });
    return { status: response.status, body: (await response.json()) as { id: string } };
  }, body);
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body.id;
}

/** Waits until antd's open and close animations (dialogs, drop-downs) are over, for a clean screenshot. */
async function animationsDone(page: Page) {
  await expect
    .poll(() =>
      page
        // The click ripple (.ant-wave) may linger; it does not hide anything.
        .locator(
          ':is([class*="-appear-active"], [class*="-enter-active"], [class*="-leave-active"]):not(.ant-wave)',
        )
        .count(),
    )
    .toBe(0);
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Tài khoản của tôi' }).click();
  await page.getByRole('menuitem', { name: 'Đăng xuất', exact: true }).click();
  await page.getByLabel('Tên đăng nhập').waitFor({ timeout: 20_000 });
}

describe('the registry lifecycle: merge duplicates, move a child to another ward', () => {
  it('merges two records of the same child; the merged one points to the survivor', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'bimson.canbo');
    await visible(page, 'Xin chào');

    ids.survivor = await registerChild(page, {
      fullName: CHILD_NAME,
      sex: 'female',
      dateOfBirth: '2019',
      unitCode: '14812',
      residence: { village: 'Khu phố 3', address: null },
    });
    ids.duplicate = await registerChild(page, {
      fullName: CHILD_NAME,
      sex: 'female',
      dateOfBirth: '2019-05-14',
      unitCode: '14812',
      personalId: PERSONAL_ID,
      caregivers: [
        { fullName: 'Lưu Văn Đức', relationship: 'father', phone: '0912345678', isGuardian: true },
      ],
    });

    await page.goto(`${baseUrl}/children/${ids.survivor}`);
    await expect.poll(() => page.getByTestId('child-name').textContent()).toBe(CHILD_NAME);
    await page.getByRole('button', { name: 'Gộp hồ sơ trùng' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('Tìm hồ sơ trùng', { exact: true }).first().fill(CHILD_NAME_TYPED);
    // The other record is the one with the personal id (demo children may share the name).
    const candidate = modal.getByRole('radio', { name: new RegExp(PERSONAL_ID) });
    await candidate.waitFor({ timeout: 20_000 });
    await candidate.check();
    await modal.getByRole('table').waitFor({ timeout: 20_000 });
    // The kept record gains the exact date of birth, the personal id and the father.
    await expect.poll(() => modal.getByText('14/05/2019').count()).toBeGreaterThan(0);
    await expect.poll(() => modal.getByText('bổ sung').count()).toBeGreaterThanOrEqual(3);
    await settled(page);
    await animationsDone(page);
    await screenshot(page, '30-merge-preview');

    const merged = page.waitForResponse(
      (r) => r.url().endsWith(`/api/v1/children/${ids.survivor}/merge`) && r.request().method() === 'POST',
    );
    await modal.getByRole('button', { name: 'Gộp hồ sơ', exact: true }).click();
    expect((await merged).status()).toBe(200);
    await visible(page, `Đã gộp hồ sơ vào ${CHILD_NAME}`);
    await page.waitForURL(new RegExp(`/children/${ids.survivor}$`));
    await visible(page, PERSONAL_ID);
    await visible(page, /14\/05\/2019/);
    await settled(page);
    await screenshot(page, '31-merge-survivor');

    // The merged record still opens, says so and leads to the survivor.
    await page.goto(`${baseUrl}/children/${ids.duplicate}`);
    await visible(page, /đã được gộp vào hồ sơ khác ngày \d{2}\/\d{2}\/\d{4}/);
    const toSurvivor = page.getByRole('link', { name: `Mở hồ sơ của ${CHILD_NAME}` });
    await expect(toSurvivor.getAttribute('href')).resolves.toBe(`/children/${ids.survivor}`);
    // A merged record is no longer followed: no status of its own, no transfer, no second merge.
    await visible(page, 'Đã gộp');
    expect(await page.getByText('Đang theo dõi').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Chuyển xã' }).count()).toBe(0);
    await settled(page);
    await screenshot(page, '32-merged-record');

    // The survivor's history holds the entries of both records and the merge.
    await toSurvivor.click();
    await page.waitForURL(new RegExp(`/children/${ids.survivor}$`));
    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    const audit = page.locator('.ant-table-tbody');
    await expect.poll(() => audit.getByText('Lập hồ sơ trẻ em').count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => audit.getByText('Gộp hồ sơ trùng').count()).toBeGreaterThanOrEqual(1);
    // The entries of the merged record say so and lead to it.
    const fromMerged = audit.getByRole('link', { name: 'hồ sơ đã gộp' });
    await expect.poll(() => fromMerged.count()).toBeGreaterThanOrEqual(1);
    expect(await fromMerged.first().getAttribute('href')).toBe(`/children/${ids.duplicate}`);
    await settled(page);
    await screenshot(page, '33-survivor-history');
    await page.close();
  });

  it('asks Phường Quang Trung to take the child over; the profile shows the pending transfer', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'bimson.canbo');
    await visible(page, 'Xin chào');
    await page.goto(`${baseUrl}/children/${ids.survivor}`);
    await expect.poll(() => page.getByTestId('child-name').textContent()).toBe(CHILD_NAME);

    await page.getByRole('button', { name: 'Chuyển xã' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('Xã, phường chuyển đến').fill('quang trung');
    const ward = page.locator('.ant-select-tree-title', { hasText: /^Phường Quang Trung — .*Thanh Hóa/ });
    await ward.first().waitFor({ timeout: 20_000 });
    await ward.first().click();
    await modal.getByLabel('Lý do chuyển').fill(REASON);
    await modal.getByLabel('Thôn, tổ dân phố nơi ở mới (nếu biết)').fill('Tổ dân phố 7');
    await animationsDone(page);
    await screenshot(page, '34-transfer-request');
    const requested = page.waitForResponse(
      (r) =>
        r.url().endsWith(`/api/v1/children/${ids.survivor}/transfers`) && r.request().method() === 'POST',
    );
    await modal.getByRole('button', { name: 'Gửi đề nghị' }).click();
    expect((await requested).status()).toBe(201);
    await visible(page, 'Đang chờ Phường Quang Trung tiếp nhận');
    await visible(page, `Lý do chuyển: ${REASON}`);
    await visible(page, /Đề nghị ngày \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    // While the transfer waits, the child cannot be transferred again or change status.
    expect(await page.getByRole('button', { name: 'Chuyển xã' }).count()).toBe(0);
    await settled(page);
    await screenshot(page, '35-transfer-pending');
    // On a phone the banner keeps its text readable and "Hủy đề nghị" within reach.
    await page.setViewportSize(PHONE);
    await animationsDone(page);
    const cancel = await page.getByRole('button', { name: 'Hủy đề nghị' }).boundingBox();
    expect(cancel!.x + cancel!.width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, '35b-transfer-pending-phone');
    // Sign out from the desktop layout: the phone header's menu is covered by the phone journey below.
    await page.setViewportSize(DESKTOP);
    await animationsDone(page);
    await signOut(page);
    await page.close();
  });

  it('Phường Quang Trung sees the incoming transfer on a phone and on a desktop, and accepts it', async () => {
    const phone = await browser.newPage({ viewport: PHONE, locale: 'vi-VN', isMobile: true, hasTouch: true });
    await signIn(phone, baseUrl, 'quangtrung.canbo');
    await visible(phone, 'Xin chào');
    await phone.goto(`${baseUrl}/children/transfers`);
    const phoneCard = phone.getByRole('listitem').filter({ hasText: PERSONAL_ID.slice(-4) });
    await phoneCard.waitFor({ timeout: 20_000 });
    await settled(phone);
    await screenshot(phone, '36-transfers-phone');
    // The buttons fit on the screen and are big enough for a finger.
    for (const name of ['Tiếp nhận', 'Từ chối']) {
      const box = await phoneCard.getByRole('button', { name, exact: true }).boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      expect(box!.height).toBeGreaterThanOrEqual(40);
    }
    await phone.close();

    const page = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await signIn(page, baseUrl, 'quangtrung.canbo');
    await visible(page, 'Xin chào');
    await page.getByRole('link', { name: 'Chuyển đến / chuyển đi' }).first().click();
    await page.waitForURL(/\/children\/transfers/);
    const card = page.getByRole('listitem').filter({ hasText: PERSONAL_ID.slice(-4) });
    await card.waitFor({ timeout: 20_000 });
    // The summary: sex, date of birth, masked personal id, caregiver, from → to, reason.
    const summary = await card.textContent();
    expect(summary).toContain('Nữ · 14/05/2019');
    expect(summary).toContain(`********${PERSONAL_ID.slice(-4)}`);
    expect(summary).toContain('Lưu Văn Đức');
    expect(summary).toContain('Phường Bỉm Sơn → Phường Quang Trung');
    expect(summary).toContain(REASON);
    await settled(page);
    await screenshot(page, '37-transfers-incoming');

    await card.getByRole('button', { name: 'Tiếp nhận' }).click();
    const modal = page.getByRole('dialog');
    await expect.poll(() => modal.getByLabel('Thôn, tổ dân phố').inputValue()).toBe('Tổ dân phố 7');
    await animationsDone(page);
    await screenshot(page, '38-transfer-accept');
    const accepted = page.waitForResponse((r) =>
      /\/api\/v1\/children\/transfers\/[^/]+\/accept$/.test(r.url()),
    );
    await modal.getByRole('button', { name: 'Tiếp nhận' }).click();
    expect((await accepted).status()).toBe(200);
    await visible(page, `Đã tiếp nhận ${CHILD_NAME}`);

    // The child is now in the ward's list, found typing without diacritics.
    await page.getByRole('link', { name: 'Trẻ em', exact: true }).first().click();
    await page.waitForURL(/\/children$/);
    await page.getByLabel('Tìm trẻ em').fill(CHILD_NAME_TYPED);
    await page.waitForURL(/q=luu\+thi\+hong\+nhung/);
    const row = page.locator(`a[href^="/children/${ids.survivor}"]`);
    await row.first().waitFor({ timeout: 20_000 });
    await settled(page);
    await screenshot(page, '39-quangtrung-list');

    await row.first().click();
    await page.waitForURL(new RegExp(`/children/${ids.survivor}`));
    await expect.poll(() => page.getByTestId('child-name').textContent()).toBe(CHILD_NAME);
    await visible(page, /Tổ dân phố 7 · Phường Quang Trung/);
    expect(await page.getByText('Đang chờ Phường Quang Trung tiếp nhận').count()).toBe(0);
    await settled(page);
    await screenshot(page, '40-quangtrung-profile');
    await page.close();
  });
});
