import { expect, screenshot, signIn, test } from './support/fixtures';
import { verifiedEnterprise } from './support/enterprises';
import { accessibleWhenSettled, applicantProfile, applied, demo, expertProfile, publishedChallenge, scoreOpenReviews, suffix, type Applicant } from './support/lifecycle';

const sfx = suffix();
const title = `铸件 X 射线缺陷智能判读 ${sfx}`;
const other: Applicant = { sub: `u-sol-${sfx}`, role: 'solver', orgId: `org-sol-cqut-${sfx}` };
const names = { a: `重大材料学院铸造组 ${sfx}`, b: `理工大学机器视觉组 ${sfx}`, e1: `吴海燕 ${sfx}`, e2: `刘建华 ${sfx}`, e3: `陈思远 ${sfx}` };
const owners = { e2: `u-exp-a-${sfx}`, e3: `u-exp-b-${sfx}` };
let challengeId: string;

test.beforeAll(async () => {
  await verifiedEnterprise();
  challengeId = await publishedChallenge(title, { keywords: ['X射线', '缺陷识别'] });
  await applied(challengeId, demo.solver, await applicantProfile(demo.solver, names.a));
  await applied(challengeId, other, await applicantProfile(other, names.b));
  // 回避 as missing edges: 刘建华 works with applicant A's organisation, 陈思远 with B's; 吴海燕 (the demo expert) with neither.
  await expertProfile(names.e1, demo.expert.sub);
  await expertProfile(names.e2, owners.e2, [demo.solver.orgId]);
  await expertProfile(names.e3, owners.e3, [other.orgId]);
});

test('the bureau checks the applications, assigns experts through HiGHS with 回避, the expert scores and declares a conflict, the bureau ranks', async ({ browser, page }) => {
  test.setTimeout(600_000);
  const dialog = (name: string) => page.getByRole('dialog', { name });

  await test.step('the bureau passes both applications in the formal check, then closes the 榜单', async () => {
    await signIn(page, '赵敏', `/challenges/${challengeId}`);
    await page.getByRole('button', { name: '形式审查与评审' }).click();
    await expect(page.getByRole('heading', { name: `形式审查与评审：${title}`, level: 1 })).toBeVisible();
    for (const name of [names.a, names.b]) {
      const row = page.getByRole('row').filter({ hasText: name });
      await row.getByRole('button', { name: '合格', exact: true }).click();
      await dialog('合格').getByRole('button', { name: '确认' }).click();
      await expect(row).toContainText('形式审查合格');
    }
    await accessibleWhenSettled(page, 'the formal check');
    await page.getByRole('link', { name: '返回榜单' }).click();
    await page.getByRole('button', { name: '提前截止' }).click();
    await dialog('提前截止').getByLabel('截止理由').fill('申请已足额，提前进入评审');
    await dialog('提前截止').getByRole('button', { name: '确认' }).click();
    await expect(page.locator('.ant-descriptions').getByText('截止', { exact: true })).toBeVisible();
  });

  await test.step('the assignment run shows who got whom and the 回避 pairs left out; the bureau confirms it', async () => {
    await page.getByRole('button', { name: '形式审查与评审' }).click();
    await page.getByLabel('每份申请专家数').fill('2');
    for (const expert of [names.e1, names.e2, names.e3]) {
      await page.getByLabel('专家范围').fill(expert);
      await page.getByLabel('专家范围').press('Enter');
    }
    // The formal check completes on the broker after the close: until then the service answers 409.
    await expect(async () => {
      await page.getByRole('button', { name: '计算分配方案' }).click();
      await expect(page.getByTestId('assignment-result')).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    const item = (name: string) => page.getByTestId('assignment-item').filter({ hasText: name });
    await expect(item(names.a)).toContainText(names.e1);
    await expect(item(names.a)).toContainText(names.e3);
    await expect(item(names.a).getByTestId('excluded')).toContainText(names.e2);
    await expect(item(names.b)).toContainText(names.e2);
    await expect(item(names.b).getByTestId('excluded')).toContainText(names.e3);
    await expect(page.getByText('回避排除')).toBeVisible();
    await accessibleWhenSettled(page, 'the assignment explained');
    await screenshot(page, '16-bureau-expert-assignment');
    await page.getByRole('button', { name: '确认分配' }).click();
    await dialog('确认分配').getByRole('button', { name: '确认' }).click();
    for (const name of [names.a, names.b]) await expect(page.getByRole('row').filter({ hasText: name }).first()).toContainText('专家评审中');
    await expect(page.getByText('本轮专家分配已确认。')).toBeVisible();
    await expect(page.getByRole('button', { name: '确认分配' })).toHaveCount(0);
  });

  await test.step('the expert sees only its own reviews, scores one and declares a conflict on the other', async () => {
    const expertContext = await browser.newContext();
    const expert = await expertContext.newPage();
    await signIn(expert, '吴海燕');
    await expert.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '我的评审任务' }).click();
    const mine = expert.getByRole('row').filter({ hasText: title });
    await expect(mine).toHaveCount(2);
    await accessibleWhenSettled(expert, 'the expert’s reviews');
    await mine.filter({ hasText: names.a }).getByRole('link', { name: names.a }).click();
    await expect(expert.getByRole('heading', { name: `评分：${names.a}`, level: 1 })).toBeVisible();
    await expect(expert.getByText('真空辅助压铸结合局部挤压')).toBeVisible();
    await expert.getByLabel('技术方案（0–100）').fill('101');
    await expect(expert.getByText('技术方案得分不能大于 100')).toBeVisible();
    await expert.getByLabel('技术方案（0–100）').fill('88');
    await expert.getByLabel('团队能力（0–100）').fill('82');
    await expert.getByLabel('实施可行性（0–100）').fill('85');
    await expert.getByLabel('评审意见').fill('技术路线清晰，检测闭环可落地，建议补充批量一致性验证。');
    await accessibleWhenSettled(expert, 'the scorecard');
    await screenshot(expert, '17-expert-scorecard');
    await expert.getByRole('button', { name: '提交评分' }).click();
    await expect(expert.getByText('已评分', { exact: true })).toBeVisible();

    await expert.getByRole('link', { name: '返回评审任务' }).click();
    await mine.filter({ hasText: names.b }).getByRole('link', { name: names.b }).click();
    await expert.getByRole('button', { name: '申请回避' }).click();
    await expert.getByRole('dialog', { name: '申请回避' }).getByLabel('回避理由').fill('近三年与该课题组有合作项目');
    await expert.getByRole('dialog', { name: '申请回避' }).getByRole('button', { name: '确认' }).click();
    await expect(expert.getByText('您已回避本申请，申请材料不再可见。')).toBeVisible();
    await expertContext.close();
  });

  await test.step('the other experts score; the bureau closes the round and sees the ranking', async () => {
    expect(await scoreOpenReviews(owners.e2, challengeId, { technical: 70, team: 72, feasibility: 68 })).toBe(1);
    expect(await scoreOpenReviews(owners.e3, challengeId, { technical: 90, team: 80, feasibility: 84 })).toBe(1);
    await page.reload();
    await page.getByRole('button', { name: '结束评审并排名' }).click();
    await dialog('结束评审并排名').getByRole('button', { name: '确认' }).click();
    const ranking = page.getByTestId('ranking');
    await expect(ranking.getByRole('row').nth(1)).toContainText(names.a);
    await expect(ranking.getByRole('row').nth(1)).toContainText('拟入选');
    await expect(ranking.getByRole('row').nth(2)).toContainText(names.b);
    await expect(page.getByRole('row').filter({ hasText: names.a }).first()).toContainText('拟入选');
    await accessibleWhenSettled(page, 'the ranking');
    await screenshot(page, '18-bureau-review-ranking');
  });
});
