import { http, mintToken, principals } from '@jiebang/testing';
import { expectAccessible, expect, screenshot, SERVICE_URLS, signIn, test } from './support/fixtures';
import { verifiedEnterprise } from './support/enterprises';

/** Today in China, where the bureau's calendar runs (the browser runs in Asia/Shanghai too). */
const chinaYesterday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - 86_400_000));

test.beforeAll(async () => {
  await verifiedEnterprise();
});

test('an enterprise drafts and submits a 榜单; the bureau sees it in its queue and its bell, live', async ({ browser, page }) => {
  // Two people, eight pages, every one checked with axe: long on a busy machine.
  test.setTimeout(600_000);
  const title = '电驱壳体压铸件气孔导致气密性不合格';

  // The bureau is signed in first and keeps its page open: the notice must arrive without a reload.
  const bureauContext = await browser.newContext();
  const bureau = await bureauContext.newPage();
  await signIn(bureau, '赵敏');
  const bell = bureau.getByTestId('notification-bell');
  await expect(bell).toHaveAttribute('data-stream', 'open');
  const unreadBefore = Number(await bell.getAttribute('data-unread'));

  await test.step('the identity provider’s login page', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: '登录揭榜挂帅 · 科技特派员协同平台' })).toBeVisible();
    await expectAccessible(page, 'the login page');
    await screenshot(page, '01-login');
    await page.getByRole('radio', { name: /李志强/ }).check();
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert')).toHaveText('密码不正确，请重新输入');
  });

  await test.step('the enterprise signs in and lands on its home', async () => {
    await signIn(page, '李志强');
    await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();
    await expect(page.getByText('当前身份：重庆渝江铝业压铸有限公司（企业）')).toBeVisible();
    await expectAccessible(page, 'the enterprise home');
    await screenshot(page, '02-enterprise-home');
  });

  await test.step('the form refuses what the API would refuse, before sending', async () => {
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '发布榜单' }).click();
    await expect(page.getByRole('heading', { name: '发布榜单', level: 1 })).toBeVisible();
    await expectAccessible(page, 'the challenge form');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect(page.getByText('请填写榜单名称')).toBeVisible();
    await expect(page.getByText('请填写技术难点')).toBeVisible();
    await page.getByLabel('榜单名称').fill('长'.repeat(121));
    await expect(page.getByText('榜单名称不能超过 120 个字符')).toBeVisible();
  });

  await test.step('what only the service knows comes back on the field at fault', async () => {
    await page.getByLabel('榜单名称').fill(title);
    await page.getByLabel('技术难点').fill('电池包壳体压铸件机加工后端面出现气孔，打压测试泄漏率约 6%，目前靠浸渗补漏，希望优化压铸工艺、降低气孔率。');
    await page.getByLabel('技术指标').fill('气密性泄漏率 ≤ 0.5%');
    await page.getByLabel('技术指标').press('Enter');
    await page.getByLabel('关键词').fill('压铸');
    await page.getByLabel('关键词').press('Enter');
    await page.getByLabel('关键词').fill('气孔');
    await page.getByLabel('关键词').press('Enter');
    await page.getByLabel('技术领域').fill('轻金属');
    await page.getByLabel('技术领域').press('Enter');
    await page.getByLabel('悬赏金额（万元）').fill('150');
    // A deadline date means 24:00 China time that day, and it must lie ahead by the service's clock. The picker only
    // offers dates from the browser's today on, which is a convenience, not the rule: with the computer's clock a day
    // behind, yesterday is still on offer, and the service (whose clock decides) refuses it on the field.
    await page.clock.setSystemTime(new Date(`${chinaYesterday()}T12:00:00+08:00`));
    await page.getByLabel('揭榜截止日期').fill(chinaYesterday());
    await page.getByLabel('揭榜截止日期').press('Enter');
    await page.getByRole('button', { name: '保存草稿' }).click();
    const deadlineItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('揭榜截止日期') });
    await expect(deadlineItem.getByText('揭榜截止时间必须晚于当前时间')).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: '揭榜截止时间必须晚于当前时间' })).toContainText('CHALLENGE_DEADLINE_PAST');
    await expectAccessible(page, 'the challenge form with a refusal');
    await screenshot(page, '03-challenge-form-refused');
  });

  await test.step('saved and submitted: the detail shows the new state and its history', async () => {
    await page.getByLabel('揭榜截止日期').fill('2027-12-31');
    await page.getByLabel('揭榜截止日期').press('Enter');
    await page.getByRole('button', { name: '保存并提交论证' }).click();
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(page.locator('.ant-descriptions').getByText('已提交', { exact: true })).toBeVisible();
    await expect(page.getByText('草稿 → 已提交')).toBeVisible();
    await expect(page.getByText('150 万元')).toBeVisible();
    await expectAccessible(page, 'the challenge detail');
    await screenshot(page, '04-challenge-detail');
  });

  await test.step('the bureau’s bell rings without a reload, and the 榜单 waits in its queue', async () => {
    await expect(bell).toHaveAttribute('data-unread', String(unreadBefore + 1));
    await bell.click();
    await expect(bureau.getByText(`新榜单待论证：${title}`)).toBeVisible();
    await bureau.keyboard.press('Escape');
    await bureau.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '待论证榜单' }).click();
    await expect(bureau.getByRole('link', { name: title })).toBeVisible();
    await expectAccessible(bureau, 'the bureau’s vetting queue');
    await screenshot(bureau, '05-bureau-vetting-queue');
  });

  await test.step('the bureau reads the notice in its inbox', async () => {
    await bureau.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '站内信' }).click();
    const notice = bureau.locator('.ant-list-item').filter({ hasText: `新榜单待论证：${title}` });
    await expect(notice.getByRole('button', { name: '标为已读' })).toBeVisible();
    await expectAccessible(bureau, 'the inbox');
    await screenshot(bureau, '06-bureau-inbox');
    await notice.getByRole('button', { name: '标为已读' }).click();
    await expect(notice.getByText('已读')).toBeVisible();
    await expect(bell).toHaveAttribute('data-unread', String(unreadBefore));
    await notice.getByRole('button', { name: `新榜单待论证：${title}` }).click();
    await expect(bureau.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(bureau.getByText('草稿 → 已提交')).toBeVisible();
  });
  await bureauContext.close();
});

test('a stale page gets the service’s 409 with the current state', async ({ page }) => {
  const enterprise = await mintToken(principals.enterprise);
  const draft = await http('POST', `${SERVICE_URLS.challenge}/api/v1/challenges`, {
    token: enterprise,
    body: { title: '真空压铸模具排气优化', description: '模具排气不畅导致卷气。', bountyYuan: 300_000, deadline: '2027-10-31' },
  });
  expect(draft.status).toBe(201);
  await signIn(page, '李志强', `/challenges/${draft.body.id}`);
  await expect(page.getByRole('button', { name: '提交论证' })).toBeVisible();
  // Meanwhile the 榜单 is submitted elsewhere (another tab, a colleague).
  expect((await http('POST', `${SERVICE_URLS.challenge}/api/v1/challenges/${draft.body.id}/submit`, { token: enterprise })).status).toBe(200);
  await page.getByRole('button', { name: '提交论证' }).click();
  await page.getByRole('button', { name: '提交', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: '只有草稿或退回修改的榜单可以提交' });
  await expect(alert).toContainText('当前状态：已提交');
  await expectAccessible(page, 'the detail with a 409');
});
