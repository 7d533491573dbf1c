import { http, principals } from '@jiebang/testing';
import { expect, screenshot, signIn, test, tokenFor } from './support/fixtures';
import { verifiedEnterprise } from './support/enterprises';
import { accessibleWhenSettled, applicantProfile, applied, demo, matchingApi, ok, publishedChallenge, suffix } from './support/lifecycle';

const sfx = suffix();
const title = `薄壁铝合金壳体铣削颤振抑制 ${sfx}`;
const profileName = `轻合金精密加工课题组 ${sfx}`;
const question = '样件的材料牌号和热处理状态能否提供？';
let challengeId: string;

test.beforeAll(async () => {
  await verifiedEnterprise();
  challengeId = await publishedChallenge(title, {
    keywords: ['铣削颤振', '薄壁'],
    confidentialFields: ['researchContent'],
    eligibility: { solverTypes: ['university', 'institute'], qualifications: [], consortiumAllowed: true },
  });
  await applicantProfile(demo.solver, profileName);
});

test('a solver finds a 榜单, accepts the terms to see its confidential content, asks, applies; the enterprise follows and answers', async ({ browser, page }) => {
  test.setTimeout(600_000);

  await test.step('the solver searches the published 榜单 by a Chinese keyword', async () => {
    await signIn(page, '孙立华');
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '榜单检索' }).click();
    await expect(page.getByRole('heading', { name: '榜单检索', level: 1 })).toBeVisible();
    await page.getByLabel('关键词').fill('铣削颤振');
    await page.getByRole('button', { name: '检索' }).click();
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    // The bounty range is typed in 万元 and sent in yuan: 100 万元 is inside 90–110, outside 200–.
    await page.getByLabel('最低金额（万元）').fill('200');
    await page.getByRole('button', { name: '检索' }).click();
    await expect(page.getByText('没有符合条件的榜单')).toBeVisible();
    await page.getByLabel('最低金额（万元）').fill('90');
    await page.getByLabel('最高金额（万元）').fill('110');
    await page.getByRole('button', { name: '检索' }).click();
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await accessibleWhenSettled(page, 'the public search');
    await screenshot(page, '12-solver-search');
  });

  await test.step('the confidential research content appears once the terms are accepted', async () => {
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(page.getByText('保密内容：接受揭榜须知与保密承诺后可见')).toBeVisible();
    await expect(page.getByText('真空压铸工艺窗口与模具排气结构优化（保密）')).toHaveCount(0);
    await accessibleWhenSettled(page, 'the detail before the terms');
    await page.getByRole('button', { name: '接受揭榜须知' }).click();
    await page.getByRole('dialog', { name: '接受揭榜须知' }).getByRole('button', { name: '确认' }).click();
    await expect(page.getByText('真空压铸工艺窗口与模具排气结构优化（保密）')).toBeVisible();
  });

  await test.step('the solver asks a question', async () => {
    await page.getByLabel('向发榜企业提问').fill(question);
    await page.getByRole('button', { name: '提交问题' }).click();
    await expect(page.getByTestId('question').filter({ hasText: question })).toContainText('待答复');
  });

  await test.step('the solver applies with its proposal', async () => {
    await page.getByRole('button', { name: '我要揭榜' }).click();
    await expect(page.getByRole('heading', { name: `揭榜申请：${title}`, level: 1 })).toBeVisible();
    await page.getByLabel('申请画像').click();
    await page.locator('.ant-select-item-option').filter({ hasText: profileName }).click();
    await page.getByLabel('技术方案').fill('颤振稳定性叶瓣图选参，配合阻尼减振夹具与变齿距刀具，在线监测主轴振动闭环调整。');
    const member = page.getByRole('group', { name: '成员 1' });
    await member.getByLabel('姓名').fill('孙立华');
    await member.getByLabel('分工').fill('项目负责人');
    await member.getByLabel('职称').fill('教授');
    await page.getByRole('button', { name: '添加预算' }).click();
    await page.getByRole('group', { name: '预算 1' }).getByLabel('预算科目').fill('夹具与刀具试制');
    await page.getByRole('group', { name: '预算 1' }).getByLabel('金额（万元）').fill('35');
    await expect(page.getByText('预算合计 35 万元（榜单金额 100 万元）')).toBeVisible();
    await page.getByRole('button', { name: '添加进度' }).click();
    await page.getByRole('group', { name: '进度 1' }).getByLabel('对应里程碑').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '1. 工艺方案设计' }).click();
    await page.getByRole('group', { name: '进度 1' }).getByLabel('计划').fill('完成颤振建模与选参方案');
    await page.getByRole('button', { name: '添加联合体成员' }).click();
    const partner = page.getByRole('group', { name: '联合体成员 1' });
    await partner.getByLabel('成员单位编号').fill('org-inst-cq-machinery');
    await partner.getByLabel('成员单位名称').fill('重庆机床研究所');
    await partner.getByLabel('承担内容').fill('机床动态特性测试');
    await accessibleWhenSettled(page, 'the application form');
    await screenshot(page, '13-solver-application-form');
    await page.getByRole('button', { name: '提交申请' }).click();
    await expect(page.getByRole('heading', { name: '我的揭榜申请', level: 1 })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: title });
    await expect(row).toContainText('已提交');
    await expect(row.getByRole('button', { name: '撤回' })).toBeVisible();
    await accessibleWhenSettled(page, 'my applications');
    await screenshot(page, '14-solver-applications');
  });

  await test.step('the enterprise sees the application counted and answers the question', async () => {
    const enterpriseContext = await browser.newContext();
    const enterprise = await enterpriseContext.newPage();
    await signIn(enterprise, '李志强', `/challenges/${challengeId}`);
    await expect(enterprise.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    // The count comes from the application.submitted fact on the broker: a reload may be needed to catch it.
    await expect(async () => {
      await enterprise.reload();
      await expect(enterprise.locator('.ant-descriptions').getByText('1 份', { exact: true })).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(enterprise.getByRole('row').filter({ hasText: profileName })).toContainText('已提交');
    await enterprise.getByLabel(`答复：${question}`).fill('材料为 ADC12，T5 状态，可提供 20 件样件。');
    await enterprise.getByRole('button', { name: '答复', exact: true }).click();
    await expect(enterprise.getByTestId('question').filter({ hasText: question })).toContainText('答：材料为 ADC12');
    await accessibleWhenSettled(enterprise, 'the enterprise’s detail with Q&A');
    await screenshot(enterprise, '15-enterprise-questions');
    await enterpriseContext.close();
  });
});

test('a solver withdraws an application before the deadline, with a reason', async ({ page }) => {
  const mine = `刀具磨损在线监测 ${suffix()}`;
  const id = await publishedChallenge(mine);
  await applied(id, demo.solver, await applicantProfile(demo.solver, `刀具监测课题组 ${suffix()}`));
  await signIn(page, '孙立华', '/applications');
  const row = page.getByRole('row').filter({ hasText: mine });
  await expect(row).toContainText('已提交');
  await row.getByRole('button', { name: '撤回' }).click();
  const dialog = page.getByRole('dialog', { name: '撤回' });
  await dialog.getByRole('button', { name: '确认' }).click();
  await expect(dialog.getByText('请填写撤回理由')).toBeVisible();
  await dialog.getByLabel('撤回理由').fill('团队人员调整，无法按期投入');
  await dialog.getByRole('button', { name: '确认' }).click();
  await expect(row).toContainText('已撤回');
  await expect(row.getByRole('button', { name: '撤回' })).toHaveCount(0);
});

test('a solver corrects an application the bureau returned for 补正 and resubmits it', async ({ page }) => {
  const mine = `压铸件去毛刺机器人 ${suffix()}`;
  const id = await publishedChallenge(mine);
  const applicationId = await applied(id, demo.solver, await applicantProfile(demo.solver, `机器人课题组 ${suffix()}`));
  await ok(
    'returning the application',
    http('POST', `${matchingApi()}/applications/${applicationId}/formal-check`, { token: await tokenFor(principals.bureau), body: { outcome: 'RETURNED', reason: '缺少团队成员职称，请补充' } }),
  );
  await signIn(page, '孙立华', '/applications');
  const row = page.getByRole('row').filter({ hasText: mine });
  await expect(row).toContainText('退回补正');
  await expect(row).toContainText('审查意见：缺少团队成员职称，请补充');
  await row.getByRole('link', { name: '修改' }).click();
  await expect(page.getByRole('heading', { name: `修改揭榜申请：${mine}`, level: 1 })).toBeVisible();
  await expect(page.getByText('形式审查意见：缺少团队成员职称，请补充')).toBeVisible();
  await expect(page.getByLabel('技术方案')).toHaveValue(/真空辅助压铸/);
  await expect(page.getByRole('group', { name: '预算 1' }).getByLabel('金额（万元）')).toHaveValue('50');
  await page.getByRole('group', { name: '成员 1' }).getByLabel('职称').fill('教授、博士生导师');
  await accessibleWhenSettled(page, 'the application being corrected');
  await page.getByRole('button', { name: '补正后重新提交' }).click();
  await expect(page.getByRole('heading', { name: '我的揭榜申请', level: 1 })).toBeVisible();
  await expect(row).toContainText('已提交');
});
