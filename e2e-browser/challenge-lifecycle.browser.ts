import { http, principals } from '@jiebang/testing';
import { confirmDialog, expect, screenshot, signIn, test, tokenFor } from './support/fixtures';
import { verifiedEnterprise } from './support/enterprises';
import { accessibleWhenSettled, challengeApi, content, ok, publishedChallenge, suffix } from './support/lifecycle';

test.beforeAll(async () => {
  await verifiedEnterprise();
});

test('an enterprise drafts a 赛马制 榜单 with its whole content and submits it; the bureau vets, publishes and extends it', async ({ browser, page }) => {
  test.setTimeout(600_000);
  const title = `压铸模具热裂纹寿命提升 ${suffix()}`;

  await test.step('the enterprise fills in the whole content', async () => {
    await signIn(page, '李志强', '/challenges/new');
    await expect(page.getByRole('heading', { name: '发布榜单', level: 1 })).toBeVisible();
    await page.getByLabel('榜单名称').fill(title);
    await page.getByLabel('技术难点').fill('H13 压铸模具在 3 万模次后出现热裂纹，导致铸件表面拉伤、模具频繁返修。');
    await page.getByLabel('技术指标').fill('模具寿命 ≥ 8 万模次');
    await page.getByLabel('技术指标').press('Enter');
    await page.getByLabel('研究内容').fill('模具钢热处理与表面渗氮工艺、冷却水路优化（保密）');
    await page.getByLabel('关键词').fill('热裂纹');
    await page.getByLabel('关键词').press('Enter');
    await page.getByLabel('技术领域').fill('轻金属');
    await page.getByLabel('技术领域').press('Enter');
    await page.getByLabel('悬赏金额（万元）').fill('100');
    await page.getByLabel('揭榜截止日期').fill('2027-11-30');
    await page.getByLabel('揭榜截止日期').press('Enter');
    await page.getByLabel('实施周期（月）').fill('18');
    await page.getByRole('radio', { name: '赛马制' }).check();
    await expect(page.getByLabel('并行立项数（赛马制 2–3 家）')).toHaveValue('2');

    await page.getByRole('button', { name: '添加里程碑' }).click();
    await page.getByRole('button', { name: '添加里程碑' }).click();
    const first = page.getByRole('group', { name: '里程碑 1' });
    const second = page.getByRole('group', { name: '里程碑 2' });
    await first.getByLabel('名称').fill('渗氮工艺方案');
    await first.getByLabel('交付物').fill('工艺方案报告');
    await first.getByLabel('交付物').press('Enter');
    await first.getByLabel('完成期限（签约后天数）').fill('90');
    await first.getByLabel('拨付金额（万元）').fill('40');
    await second.getByLabel('名称').fill('批量验证');
    await second.getByLabel('交付物').fill('8 万模次寿命验证报告');
    await second.getByLabel('交付物').press('Enter');
    await second.getByLabel('完成期限（签约后天数）').fill('480');
    await second.getByLabel('拨付金额（万元）').fill('50');
    await expect(page.getByTestId('tranche-split')).toHaveText('已分配 90 万元 / 悬赏 100 万元');
    await page.getByRole('checkbox', { name: '科技特派员团' }).uncheck();
    await page.getByRole('radio', { name: '双方共有' }).check();
    await page.getByRole('checkbox', { name: '研究任务' }).check();
    await page.getByLabel('技术方案', { exact: true }).fill('50');
    await page.getByLabel('团队能力').fill('20');
    await accessibleWhenSettled(page, 'the full challenge form');
  });

  await test.step('the form refuses a split that misses the bounty and a 赛马制 without a mid-term, as the service would', async () => {
    await page.getByRole('button', { name: '保存草稿' }).click();
    const errors = page.getByRole('alert').filter({ hasText: '各里程碑拨付金额之和' });
    await expect(errors).toContainText('各里程碑拨付金额之和（900000 元）须等于榜单金额（1000000 元）');
    await expect(errors).toContainText('赛马制须指定一个里程碑作为中期评估节点');
    await screenshot(page, '09-challenge-form-milestones-refused');
    await page.getByRole('group', { name: '里程碑 2' }).getByLabel('拨付金额（万元）').fill('60');
    await page.getByRole('group', { name: '里程碑 1' }).getByRole('checkbox', { name: '此后进行中期评估' }).check();
  });

  await test.step('saved and submitted: the detail shows the whole content', async () => {
    await page.getByRole('button', { name: '保存并提交论证' }).click();
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(page.locator('.ant-descriptions').getByText('已提交', { exact: true })).toBeVisible();
    await expect(page.getByText('赛马制（2 家并行）')).toBeVisible();
    await expect(page.getByText('技术方案 50% · 团队能力 20% · 实施可行性 30%')).toBeVisible();
    await expect(page.getByText('高校、科研院所、企业可揭榜')).toBeVisible();
    await expect(page.getByRole('cell', { name: '60 万元', exact: true })).toBeVisible();
    await accessibleWhenSettled(page, 'the enterprise’s challenge detail');
  });

  const bureauContext = await browser.newContext();
  const bureau = await bureauContext.newPage();
  const confirm = async (button: string, fill?: (dialog: ReturnType<typeof bureau.getByRole>) => Promise<void>) => {
    await bureau.getByRole('button', { name: button, exact: true }).click();
    const dialog = bureau.getByRole('dialog', { name: button });
    await expect(dialog).toBeVisible();
    if (fill) await fill(dialog);
    await confirmDialog(dialog);
  };
  const status = (label: string) => expect(bureau.locator('.ant-descriptions').getByText(label, { exact: true })).toBeVisible();

  await test.step('the bureau vets it from its queue', async () => {
    await signIn(bureau, '赵敏', '/vetting');
    await bureau.getByRole('link', { name: title }).click();
    await expect(bureau.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await confirm('启动论证');
    await status('专家论证');
    await bureau.getByRole('button', { name: '退回修改', exact: true }).click();
    await accessibleWhenSettled(bureau, 'the vetting dialog');
    await bureau.getByRole('dialog', { name: '退回修改' }).getByRole('button', { name: '取消' }).click();
    await confirm('论证通过');
    await status('待发榜');
    await bureau.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '待论证榜单' }).click();
    await expect(bureau.getByRole('link', { name: title })).toHaveCount(0);
    await bureau.getByText('待发榜', { exact: true }).click();
    await accessibleWhenSettled(bureau, 'the approved queue');
    await bureau.getByRole('link', { name: title }).click();
    await screenshot(bureau, '10-bureau-challenge-approved');
    await confirm('发布榜单');
    await status('揭榜中');
  });

  await test.step('the bureau extends the deadline; a deadline before the old one is refused by the picker’s rule', async () => {
    await confirm('延长截止时间', async (dialog) => {
      await dialog.getByLabel('新的截止日期（当日 24:00 截止）').fill('2028-01-31');
      await dialog.getByLabel('新的截止日期（当日 24:00 截止）').press('Enter');
      await dialog.getByLabel('延期理由').fill('企业补充了样件，延长一个月便于揭榜方评估');
    });
    await expect(bureau.getByText(/^2028-01-31（/)).toBeVisible();
    await expect(bureau.getByText('待发榜 → 揭榜中')).toBeVisible();
    await accessibleWhenSettled(bureau, 'the bureau’s challenge detail');
    await screenshot(bureau, '11-bureau-challenge-published');
  });
  await bureauContext.close();
});

test('the bureau returns a 榜单 with comments; the enterprise edits it in the form and resubmits', async ({ browser, page }) => {
  test.setTimeout(300_000);
  const title = `冷却水路堵塞导致模温失控 ${suffix()}`;
  const enterprise = await tokenFor(principals.enterprise);
  const bureauToken = await tokenFor(principals.bureau);
  const { id } = await ok<{ id: string }>('drafting', http('POST', `${challengeApi()}/challenges`, { token: enterprise, body: content(title) }));
  await ok('submitting', http('POST', `${challengeApi()}/challenges/${id}/submit`, { token: enterprise }));
  await ok('starting the vetting', http('POST', `${challengeApi()}/challenges/${id}/vetting/start`, { token: bureauToken }));

  const bureauContext = await browser.newContext();
  const bureau = await bureauContext.newPage();
  await signIn(bureau, '赵敏', `/challenges/${id}`);
  await bureau.getByRole('button', { name: '退回修改', exact: true }).click();
  const dialog = bureau.getByRole('dialog', { name: '退回修改' });
  await dialog.getByRole('button', { name: '确认' }).click();
  await expect(dialog.getByText('请填写论证意见')).toBeVisible();
  await dialog.getByLabel('论证意见').fill('悬赏金额偏低，请调整为 120 万元并相应调整分期');
  await dialog.getByRole('button', { name: '确认' }).click();
  await expect(bureau.locator('.ant-descriptions').getByText('退回修改', { exact: true })).toBeVisible();
  await bureauContext.close();

  await signIn(page, '李志强', `/challenges/${id}`);
  await expect(page.getByText('理由：悬赏金额偏低，请调整为 120 万元并相应调整分期')).toBeVisible();
  await page.getByRole('button', { name: '修改榜单' }).click();
  await expect(page.getByRole('heading', { name: `修改榜单：${title}`, level: 1 })).toBeVisible();
  await expect(page.getByLabel('榜单名称')).toHaveValue(title);
  await expect(page.getByRole('group', { name: '里程碑 2' }).getByLabel('拨付金额（万元）')).toHaveValue('60');
  await page.getByLabel('悬赏金额（万元）').fill('120');
  await page.getByRole('button', { name: '保存并提交论证' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '各里程碑拨付金额之和' })).toContainText('（1000000 元）须等于榜单金额（1200000 元）');
  await page.getByRole('group', { name: '里程碑 2' }).getByLabel('拨付金额（万元）').fill('80');
  await accessibleWhenSettled(page, 'the edit form');
  await page.getByRole('button', { name: '保存并提交论证' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.locator('.ant-descriptions').getByText('已提交', { exact: true })).toBeVisible();
  await expect(page.getByText('120 万元', { exact: true })).toBeVisible();
  await expect(page.getByText('退回修改 → 已提交')).toBeVisible();
});

test('an enterprise asks to withdraw its published 榜单; the bureau approves', async ({ browser, page }) => {
  test.setTimeout(300_000);
  const title = `压铸岛节拍提升 ${suffix()}`;
  const id = await publishedChallenge(title);
  await signIn(page, '李志强', `/challenges/${id}`);
  await page.getByRole('button', { name: '申请撤榜' }).click();
  await page.getByRole('dialog', { name: '申请撤榜' }).getByLabel('撤榜理由').fill('产线改造计划调整，需求暂缓');
  await page.getByRole('dialog', { name: '申请撤榜' }).getByRole('button', { name: '确认' }).click();
  await expect(page.getByText('撤榜申请待决定')).toBeVisible();
  await expect(page.getByRole('button', { name: '申请撤榜' })).toHaveCount(0);

  const bureauContext = await browser.newContext();
  const bureau = await bureauContext.newPage();
  await signIn(bureau, '赵敏', `/challenges/${id}`);
  await bureau.getByRole('button', { name: '同意撤榜', exact: true }).click();
  const dialog = bureau.getByRole('dialog', { name: '同意撤榜' });
  await expect(dialog).toContainText('产线改造计划调整，需求暂缓');
  await dialog.getByLabel('决定理由').fill('理由充分，同意撤榜');
  await accessibleWhenSettled(bureau, 'the withdrawal decision');
  await dialog.getByRole('button', { name: '确认' }).click();
  await expect(bureau.locator('.ant-descriptions').getByText('撤榜', { exact: true })).toBeVisible();
  await bureauContext.close();
});
