import { randomUUID } from 'node:crypto';
import { expect, signIn, test } from './support/fixtures';
import { accessibleWhenSettled } from './support/lifecycle';

// Projects exist from the award on; public-notice-award.browser.ts walks one. These check the empty list and a missing
// project, as an enterprise that has no 榜单 awarded in any browser test (李志强's are: the 公示 lasts 60 s here).
test('the projects page shows its empty state, and a project the caller may not see is the service’s 404', async ({ page }) => {
  await signIn(page, '陈晓雯');
  await page.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '揭榜项目' }).click();
  await expect(page.getByRole('heading', { name: '揭榜项目', level: 1 })).toBeVisible();
  await expect(page.getByText('暂无项目（定榜后生成）')).toBeVisible();
  await accessibleWhenSettled(page, 'the projects list');
  await page.goto(`/projects/${randomUUID()}`);
  await expect(page.getByRole('alert')).toContainText('PROJECT_NOT_FOUND');
  await accessibleWhenSettled(page, 'a missing project');
});
