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

interface StoredUser {
  access_token: string;
  refresh_token?: string;
}

/** The signed-in user as stored now, or null while the page is between documents (a redirect under way). */
async function storedUser(page: Page): Promise<StoredUser | null> {
  try {
    return await page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? 'null') as StoredUser | null, USER_KEY);
  } catch {
    return null;
  }
}

/**
 * Waits until the console holds a real token again (a JWT, not what the test planted), on `path`. The page the test
 * reloaded renders at once from the stored user, before its first API call is refused, so its heading alone proves
 * nothing: a renewal or a round trip through the provider is still under way, and the next step must not race it.
 */
async function renewed(page: Page, path: string, refreshToken?: string): Promise<void> {
  await expect
    .poll(async () => {
      const user = await storedUser(page);
      const jwt = user?.access_token.split('.').length === 3;
      const refreshed = refreshToken === undefined || (user?.refresh_token !== undefined && user.refresh_token !== refreshToken);
      return jwt && refreshed && new URL(page.url()).pathname === path;
    })
    .toBe(true);
}

test('a refused token is renewed with the refresh token; a session the provider ended goes back to the login', async ({ page, context }) => {
  await signIn(page, '李志强', '/challenges');
  await expect(page.getByRole('heading', { name: '我的榜单', level: 1 })).toBeVisible();

  await tamper(page, { access_token: 'not-a-valid-token' });
  await page.reload();
  await renewed(page, '/challenges');
  await expect(page.getByRole('heading', { name: '我的榜单', level: 1 })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Refresh refused, but the provider's session lives on: through the provider and back, signed in, same page.
  await tamper(page, { access_token: 'not-a-valid-token', refresh_token: 'revoked' });
  await page.reload();
  await renewed(page, '/challenges', 'revoked');
  await expect(page.getByRole('heading', { name: '我的榜单', level: 1 })).toBeVisible();

  // Refresh refused and the provider's session gone (its cookies expired): the login page, never a blank one, and
  // after signing in again the page the user was on.
  await context.clearCookies();
  await tamper(page, { access_token: 'not-a-valid-token', refresh_token: 'revoked' });
  await page.reload();
  await expect(page.getByRole('heading', { name: '登录揭榜挂帅 · 科技特派员协同平台' })).toBeVisible();
  await page.getByRole('radio', { name: /李志强/ }).check();
  await page.getByLabel('密码').fill('jiebang-demo');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '我的榜单', level: 1 })).toBeVisible();
  await renewed(page, '/challenges', 'revoked');
});

test('signing out ends the provider’s session too', async ({ page }) => {
  await signIn(page, '李志强');
  const { refresh_token: refreshToken } = (await storedUser(page))!;
  expect(refreshToken).toBeTruthy();
  await page.getByRole('button', { name: /当前用户：李志强/ }).hover();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: '您已退出登录' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/signed-out');
  await expectAccessible(page, 'the signed-out page');
  await page.getByRole('button', { name: '重新登录' }).click();
  // The provider asks again: its session ended with the console's.
  await expect(page.getByRole('heading', { name: '登录揭榜挂帅 · 科技特派员协同平台' })).toBeVisible();
  // And what the browser held is worth nothing now: the refresh token from before the sign-out is refused.
  const refresh = await page.request.post('/oidc/token', {
    form: { grant_type: 'refresh_token', refresh_token: refreshToken!, client_id: 'jiebang-console' },
  });
  expect(refresh.status()).toBe(400);
  expect((await refresh.json()).error).toBe('invalid_grant');
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
