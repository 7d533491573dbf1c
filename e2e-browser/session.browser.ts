import type { Page } from '@playwright/test';
import { CONSOLE_URL, expectAccessible, expect, screenshot, signIn, test } from './support/fixtures';

const USER_KEY = `oidc.user:${CONSOLE_URL}/oidc:jiebang-console`;

/** Replaces parts of the signed-in user oidc-client-ts keeps in sessionStorage. */
async function tamper(page: Page, changes: Record<string, string>): Promise<void> {
  // After a sign-in through the provider the console may still replace its URL; an evaluate caught by that navigation
  // is tried again once the page has loaded (an open SSE stream means the network never goes idle).
  for (let attempt = 1; ; attempt++) {
    try {
      await page.evaluate(
        ([key, patch]) => {
          const user = JSON.parse(sessionStorage.getItem(key)!);
          sessionStorage.setItem(key, JSON.stringify({ ...user, ...patch }));
        },
        [USER_KEY, changes] as const,
      );
      return;
    } catch (e) {
      if (attempt >= 5 || !String(e).includes('Execution context was destroyed')) throw e;
      await page.waitForLoadState('load');
    }
  }
}

const storedToken = (page: Page) => page.evaluate((key) => JSON.parse(sessionStorage.getItem(key)!).access_token as string, USER_KEY);

test('a refused token is renewed with the refresh token; a session the provider ended goes back to the login', async ({ page, context }) => {
  await signIn(page, '李志强', '/challenges');
  await expect(page.getByRole('heading', { name: '我的榜单', level: 1 })).toBeVisible();

  await tamper(page, { access_token: 'not-a-valid-token' });
  await page.reload();
  await expect(page.getByRole('heading', { name: '我的榜单', level: 1 })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect((await storedToken(page)).split('.')).toHaveLength(3);

  // Refresh refused, but the provider's session lives on: through the provider and back, signed in, same page.
  await tamper(page, { access_token: 'not-a-valid-token', refresh_token: 'revoked' });
  await page.reload();
  await expect(page.getByRole('heading', { name: '我的榜单', level: 1 })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/challenges');

  // Refresh refused and the provider's session gone (its cookies expired): the login page, never a blank one.
  await context.clearCookies();
  await tamper(page, { access_token: 'not-a-valid-token', refresh_token: 'revoked' });
  await page.reload();
  await expect(page.getByRole('heading', { name: '登录揭榜挂帅 · 科技特派员协同平台' })).toBeVisible();
  await page.getByRole('radio', { name: /李志强/ }).check();
  await page.getByLabel('密码').fill('jiebang-demo');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '我的榜单', level: 1 })).toBeVisible();
});

test('signing out ends the provider’s session too', async ({ page }) => {
  await signIn(page, '李志强');
  await page.getByRole('button', { name: /当前用户：李志强/ }).hover();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: '您已退出登录' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/signed-out');
  await expectAccessible(page, 'the signed-out page');
  await page.getByRole('button', { name: '重新登录' }).click();
  // The provider asks again: its session ended with the console's.
  await expect(page.getByRole('heading', { name: '登录揭榜挂帅 · 科技特派员协同平台' })).toBeVisible();
});

test('notification preferences are saved for the organisation', async ({ page }) => {
  await signIn(page, '李志强', '/settings/notifications');
  await expect(page.getByRole('heading', { name: '通知偏好', level: 1 })).toBeVisible();
  await page.getByLabel('榜单 · 电子邮件').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="每日摘要"]').click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('通知偏好已保存')).toBeVisible();
  await page.reload();
  await expect(page.locator('.ant-select').filter({ has: page.getByLabel('榜单 · 电子邮件') })).toContainText('每日摘要');
  await expectAccessible(page, 'the preferences');
  await screenshot(page, '08-notification-preferences');
});
