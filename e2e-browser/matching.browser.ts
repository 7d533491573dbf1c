import { randomUUID } from 'node:crypto';
import { http, mintToken, principals } from '@jiebang/testing';
import { expectAccessible, expect, screenshot, SERVICE_URLS, signIn, test } from './support/fixtures';

const team = (over: object) => ({ kind: 'team', districtCode: '500107', maxLoad: 5, fields: ['light-metal'], ...over });

test.beforeAll(async () => {
  const bureau = await mintToken(principals.bureau);
  const profiles = `${SERVICE_URLS.matching}/api/v1/profiles`;
  for (const body of [
    team({
      name: '铸造工艺科技特派员团',
      orgId: 'org-team-casting',
      orgName: '重庆市铸造工艺科技特派员团',
      capabilities: '铝合金高压铸造缺陷诊断，气孔、缩孔缩松分析，真空压铸工艺优化，模流分析，X射线探伤',
      keywords: ['压铸缺陷', '气孔', '缩松', '真空压铸'],
    }),
    team({ name: '铝材供应链服务团队', orgId: 'org-team-alu-trade', orgName: '西彭铝材贸易公司', capabilities: '铝锭、铝合金型材销售与仓储物流配送' }),
  ]) {
    const res = await http('PUT', `${profiles}/${randomUUID()}`, { token: bureau, body });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  }
});

test('a district officer ranks teams for a need and sees each score’s breakdown and the matched terms', async ({ page }) => {
  await signIn(page, '王建国');
  await page.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '为需求推荐团队' }).click();
  await expect(page.getByRole('heading', { name: '为需求推荐团队', level: 1 })).toBeVisible();
  await expect(page.getByText('匹配范围：渝北区的需求')).toBeVisible();
  await expectAccessible(page, 'the ranking form');
  // No chart code until there are results to draw.
  const chartChunks = () => page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.includes('ScoreChart')).length);
  expect(await chartChunks()).toBe(0);

  await page.getByLabel('需求标题').fill('电驱壳体压铸件冒小坑、打压泄漏');
  await page.getByLabel('需求描述').fill('壳体毛坯机加工后端面出现小坑和气孔，打压测试泄漏率约6%，目前靠泡胶补漏，希望找团队诊断压铸工艺。');
  await page.getByRole('button', { name: '推荐团队' }).click();

  // Other tests share the system and register teams of their own, so the check is relative: the casting team this
  // test registered ranks above the supplier it registered, whatever else is ranked.
  const ranked = page.getByTestId('ranked-team');
  const card = (name: string) => ranked.filter({ hasText: `名 · ${name}` }).first();
  const rankOf = async (name: string) => {
    if ((await ranked.filter({ hasText: `名 · ${name}` }).count()) === 0) return Number.POSITIVE_INFINITY;
    return Number(/第 (\d+) 名/.exec(await card(name).innerText())![1]);
  };
  const casting = card('铸造工艺科技特派员团');
  await expect(casting).toBeVisible();
  expect(await rankOf('铸造工艺科技特派员团')).toBeLessThan(await rankOf('铝材供应链服务团队'));
  await expect(page.getByTestId('score-chart').locator('canvas').first()).toBeVisible();
  expect(await chartChunks()).toBeGreaterThan(0);
  await expect(casting.locator('mark').filter({ hasText: '气孔' }).first()).toBeVisible();
  await expect(casting.getByText(/^文本相关度 /)).toBeVisible();
  await expectAccessible(page, 'the ranking results');
  await screenshot(page, '07-district-recommend-teams');
});
