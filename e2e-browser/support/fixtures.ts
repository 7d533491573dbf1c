import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { mintToken, type ServiceKey } from '@jiebang/testing';

export { expect };

/** Where the global setup started the system. */
export const CONSOLE_URL = process.env.CONSOLE_URL!;
export const SERVICE_URLS = JSON.parse(process.env.SYSTEM_URLS ?? '{}') as Record<ServiceKey, string>;

export const DEMO_PASSWORD = 'jiebang-demo';

/** Every page runs in the browser against the console server's origin. */
export const test = base.extend({ baseURL: async ({}, use) => use(CONSOLE_URL) });

/** Through the OIDC provider's login page, as a person would: pick the demo account, type the password. */
export async function signIn(page: Page, name: string, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { name: '登录揭榜挂帅 · 科技特派员协同平台' })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(name) }).check();
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: new RegExp(`当前用户：${name}`) })).toBeVisible();
}

/** axe-core on the page as it is now: no serious or critical violation (WCAG 2.1 AA and best practices). */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Axe reads colours as they are now: a menu highlight or a notice still fading in would be judged mid-transition.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))),
      new Promise((done) => setTimeout(done, 3_000)),
    ]),
  );
  const { violations } = await new AxeBuilder({ page }).analyze();
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    severe.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`),
    `accessibility of ${what}`,
  ).toEqual([]);
}

/**
 * The README's screenshots. They are refreshed into docs/screenshots/ only on request (`npm run console:screenshots`),
 * so an ordinary test run leaves the worktree as it was; otherwise they go with the run's other output.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.UPDATE_SCREENSHOTS === '1' ? resolve(__dirname, '../../docs/screenshots') : resolve(__dirname, '../test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: resolve(dir, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** A dev token (the committed key the OIDC provider signs with too), for arranging data through the APIs. */
export const tokenFor = (claims: Parameters<typeof mintToken>[0]) => mintToken(claims);

/**
 * Confirms a command's dialog and waits until it has closed. A click that lands while the dialog is still zooming
 * in can be lost on a loaded machine (seen in CI: the dialog stayed open, no request made); if the dialog is still
 * open a few seconds later with no refusal in it, the click is repeated. A refusal (an alert in the dialog) fails
 * at once with its text, and a click on a busy (loading) button does nothing, so a command is never sent twice.
 */
export async function confirmDialog(dialog: Locator, button = '确认'): Promise<void> {
  await expect(async () => {
    const alert = dialog.getByRole('alert');
    if (await alert.count()) throw new Error(`the dialog refused: ${await alert.first().innerText()}`);
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: button }).click({ timeout: 2_000 }).catch(() => undefined);
    await expect(dialog).toBeHidden({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}
