import { eventually, http, mintToken, principals } from '@jiebang/testing';
import type { Page } from '@playwright/test';
import { verifiedEnterprise } from './support/enterprises';
import { expect, screenshot, signIn, test } from './support/fixtures';
import { accessibleWhenSettled, applicantProfile, applied, challengeApi, demo, expertProfile, matchingApi, ok, publishedChallenge, suffix, type Applicant } from './support/lifecycle';

// The 公示 lasts PUBLIC_NOTICE_PERIOD (60 s in the browser tests' system, see support/global-setup.ts): the solver
// is signed in on the 榜单 before the round completes, so that it objects well within the window.
const sfx = suffix();
const title = `压铸件气孔缺陷攻关 ${sfx}`;
const rival: Applicant = { sub: `u-sol-${sfx}`, role: 'solver', orgId: `org-sol-cqut-${sfx}` };
const names = { solver: `重大材料学院压铸组 ${sfx}`, rival: `理工大学成形工艺组 ${sfx}`, expert: `刘建华 ${sfx}` };
const expertOwner = `u-exp-${sfx}`;
const ids = {} as { challenge: string; solverApp: string; rivalApp: string; expert: string };

async function bureauToken() {
  return mintToken(principals.bureau);
}

/** The 榜单's state as the service has it (the pages follow it through their queries). */
async function status(): Promise<string> {
  const body = await ok<{ status: string }>('reading the 榜单', http('GET', `${challengeApi()}/challenges/${ids.challenge}`, { token: await bureauToken() }));
  return body.status;
}

type Scores = { technical: number; team: number; feasibility: number };

/** The expert's open reviews of this 榜单, each application scored as `scores` says; how many were scored. */
async function score(scores: Record<string, Scores>): Promise<number> {
  const token = await mintToken({ sub: expertOwner, role: 'expert', orgId: 'org-expert-pool' });
  const { items } = await ok<{ items: { id: string; challengeId: string; applicationId: string; status: string }[] }>('reading the reviews', http('GET', `${matchingApi()}/reviews`, { token }));
  const open = items.filter((r) => r.challengeId === ids.challenge && r.status === 'ASSIGNED');
  for (const r of open) await ok('scoring', http('PUT', `${matchingApi()}/reviews/${r.id}/score`, { token, body: { ...scores[r.applicationId], comments: '方案可行，团队经验充分。' } }));
  return open.length;
}

const reaches = (want: string, timeout = 60_000) => eventually(async () => expect(await status()).toBe(want), timeout, 250);

/** Reloads until the text is there: a fact over the broker moves what the page shows. */
async function reloadUntil(page: Page, text: string | RegExp, timeout = 90_000): Promise<void> {
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(text).first()).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await verifiedEnterprise();
  ids.challenge = await publishedChallenge(title);
  ids.solverApp = await applied(ids.challenge, demo.solver, await applicantProfile(demo.solver, names.solver));
  ids.rivalApp = await applied(ids.challenge, rival, await applicantProfile(rival, names.rival));
  ids.expert = await expertProfile(names.expert, expertOwner);
  const token = await bureauToken();
  for (const id of [ids.solverApp, ids.rivalApp]) await ok('formal check', http('POST', `${matchingApi()}/applications/${id}/formal-check`, { token, body: { outcome: 'QUALIFIED' } }));
  await ok('closing', http('POST', `${challengeApi()}/challenges/${ids.challenge}/close`, { token, body: { reason: '申请已足额，提前进入评审' } }));
  // The formal check completes on the broker after the close: until then the assignment is refused (409).
  const run = await eventually(
    () => ok<{ id: string }>('assigning', http('POST', `${matchingApi()}/challenges/${ids.challenge}/review/assignment`, { token, body: { k: 1, expertIds: [ids.expert] } })),
    60_000,
    500,
  );
  await eventually(async () => {
    const r = await ok<{ status: string }>('the assignment run', http('GET', `${matchingApi()}/matching/assignments/${run.id}`, { token }));
    expect(r.status).toBe('COMPLETED');
  }, 60_000, 250);
  await ok('confirming', http('POST', `${matchingApi()}/challenges/${ids.challenge}/review/assignment/${run.id}/confirm`, { token }));
  await reaches('UNDER_REVIEW');
  // The rival ranks first in the first round; the solver is its reserve.
  const first = { [ids.rivalApp]: { technical: 92, team: 90, feasibility: 91 }, [ids.solverApp]: { technical: 85, team: 84, feasibility: 86 } };
  await eventually(async () => expect(await score(first)).toBe(2), 30_000, 250);
});

test('an objection in the 公示 is upheld, the second 公示 awards the 榜单, the winner signs and its project runs to the first payment', async ({ browser, page }) => {
  test.setTimeout(600_000);
  const context = async (name: string, path: string) => {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await signIn(p, name, path);
    return p;
  };
  const solver = page;
  const detail = `/challenges/${ids.challenge}`;

  await test.step('the 公示 opens; the solver sees the proposed winner and lodges an objection with evidence', async () => {
    await signIn(solver, '孙立华', detail);
    await expect(solver.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await ok('completing the review', http('POST', `${matchingApi()}/challenges/${ids.challenge}/review/complete`, { token: await bureauToken() }));
    await reloadUntil(solver, '评审结果公示', 30_000);
    const notice = solver.getByTestId('public-notice');
    await expect(notice.getByText('公示中')).toBeVisible();
    await expect(notice.getByText('公示截止')).toBeVisible();
    await expect(notice.getByTestId('proposed-winners').getByRole('row').nth(1)).toContainText(names.rival);
    await expect(notice.getByTestId('proposed-winners').getByRole('row').nth(1)).toContainText('拟入选');

    await notice.getByRole('button', { name: '提交异议' }).click();
    await expect(notice.getByText('请填写异议理由')).toBeVisible();
    await notice.getByLabel('异议理由 1').fill('拟入选单位的中试数据与其公开发表论文数据重复，疑似一稿多用');
    await notice.getByRole('button', { name: '添加证据' }).click();
    await notice.getByLabel('证据 1 名称').fill('论文比对.pdf');
    await notice.getByLabel('证据 1 链接').fill('files/evidence/compare.pdf');
    await notice.getByRole('button', { name: '提交异议' }).click();
    const mine = solver.getByTestId('objections');
    await expect(mine.getByRole('heading', { name: '本单位提出的异议' })).toBeVisible();
    await expect(mine.getByTestId('objection')).toHaveCount(1);
    await expect(mine.getByTestId('objection')).toContainText('待裁定');
    await expect(mine.getByTestId('objection')).toContainText('本单位提出');
    await expect(mine.getByRole('link', { name: '论文比对.pdf' })).toBeVisible();
    await accessibleWhenSettled(solver, 'the 公示 with the solver’s objection');
    await screenshot(solver, '19-public-notice-objection');
  });

  const enterprise = await context('李志强', detail);

  await test.step('the enterprise sees the objection without the objector', async () => {
    const list = enterprise.getByTestId('objections');
    await expect(list.getByRole('heading', { name: '公示异议' })).toBeVisible();
    await expect(list.getByTestId('objection')).toContainText('异议人信息不向发榜企业公开');
    await expect(list.getByTestId('objection')).toContainText('一稿多用');
    await expect(list.getByRole('button', { name: '认定成立' })).toHaveCount(0);
    await accessibleWhenSettled(enterprise, 'the objections as the enterprise sees them');
  });

  const bureau = await context('赵敏', detail);
  const dialog = (name: string) => bureau.getByRole('dialog', { name });

  await test.step('the bureau upholds it for the rival’s application: the 榜单 is back in review', async () => {
    const objection = bureau.getByTestId('objection');
    await expect(objection).toContainText(demo.solver.orgId);
    await objection.getByRole('button', { name: '认定成立' }).click();
    await dialog('认定成立').getByRole('button', { name: '确认' }).click();
    await expect(dialog('认定成立').getByText('请填写认定理由')).toBeVisible();
    await expect(dialog('认定成立').getByText('请至少填写一项需重新评审的申请')).toBeVisible();
    await dialog('认定成立').getByLabel('认定理由').fill('经核查，中试数据来源不清，需重新评审');
    await dialog('认定成立').getByLabel(new RegExp(`第 1 名 ${names.rival}`)).check();
    await accessibleWhenSettled(bureau, 'the uphold dialog');
    await dialog('认定成立').getByRole('button', { name: '确认' }).click();
    await expect(bureau.locator('.ant-descriptions').getByText('评审中', { exact: true })).toBeVisible();
    await expect(objection).toContainText('异议成立');
    await expect(objection).toContainText(`重新评审：${names.rival}`);
    await expect(bureau.getByTestId('public-notice')).toHaveCount(0);
    await accessibleWhenSettled(bureau, 'the upheld objection');
  });

  await test.step('an objection lodged from a page opened during the 公示 is refused as the service words it (409, 评审中)', async () => {
    const notice = enterprise.getByTestId('public-notice');
    await notice.getByLabel('异议理由 1').fill('拟入选单位的样件检测报告缺少第三方盖章');
    await notice.getByRole('button', { name: '提交异议' }).click();
    await expect(notice.getByRole('alert')).toContainText('当前状态：评审中');
    await accessibleWhenSettled(enterprise, 'the refused objection');
    await enterprise.context().close();
  });

  await test.step('the rival is re-scored; the bureau closes the round again and a second 公示 opens with the solver proposed', async () => {
    // matching reopens the rival's review on the upheld objection (over the broker).
    await eventually(async () => expect(await score({ [ids.rivalApp]: { technical: 60, team: 62, feasibility: 58 } })).toBe(1), 30_000, 250);
    await bureau.getByRole('button', { name: '形式审查与评审' }).click();
    await bureau.getByRole('button', { name: '结束评审并排名' }).click();
    await dialog('结束评审并排名').getByRole('button', { name: '确认' }).click();
    await expect(bureau.getByTestId('ranking').getByRole('row').nth(1)).toContainText(names.solver);
    await bureau.goto(detail);
    await reloadUntil(bureau, '评审结果公示', 30_000);
    await expect(bureau.getByTestId('proposed-winners').getByRole('row').nth(1)).toContainText(names.solver);
    await accessibleWhenSettled(bureau, 'the second 公示');
  });

  await test.step('the second 公示 ends without objection: AWARDED, the winner with a link to its project', async () => {
    await reaches('AWARDED', 120_000);
    await bureau.reload();
    const award = bureau.getByTestId('award');
    await expect(award.getByText('已定榜')).toBeVisible();
    await expect(award.getByRole('row').nth(1)).toContainText(names.solver);
    await expect(award.getByRole('link', { name: `查看项目：${names.solver}` })).toBeVisible();
    await accessibleWhenSettled(bureau, 'the award');
  });

  await test.step('the solver signs in 我的揭榜申请 and finds the project in 揭榜项目', async () => {
    await solver.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '我的揭榜申请' }).click();
    const row = solver.getByRole('row').filter({ hasText: names.solver });
    await expect(async () => {
      await solver.reload();
      await expect(row).toContainText('已入选待签约', { timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    await accessibleWhenSettled(solver, 'the selected application');
    await row.getByRole('button', { name: '签约' }).click();
    await solver.getByRole('dialog', { name: '签约' }).getByRole('button', { name: '确认' }).click();
    await expect(row).toContainText('已签约');
    await solver.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '揭榜项目' }).click();
    await expect(solver.getByRole('heading', { name: '我的项目', level: 1 })).toBeVisible();
    const project = solver.getByRole('row').filter({ hasText: title });
    await expect(async () => {
      await solver.reload();
      await expect(project).toContainText('实施中', { timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    await accessibleWhenSettled(solver, 'the solver’s projects');
    await project.getByRole('link').first().click();
    await expect(solver.getByRole('heading', { level: 1 })).toContainText(title);
  });

  const milestone1 = (p: Page) => p.getByRole('row').filter({ hasText: '1. 工艺方案设计' }).first();
  const submitMilestone = async () => {
    await milestone1(solver).getByRole('button', { name: '提交成果' }).click();
    const d = solver.getByRole('dialog', { name: '提交成果' });
    await d.getByLabel('附件（每行一个：名称 链接）').fill('工艺方案报告 files/milestone-1/report.pdf');
    await d.getByRole('button', { name: '确认' }).click();
    await expect(milestone1(solver)).toContainText('已提交待审');
  };

  await test.step('the solver submits milestone 1', async () => {
    await expect(milestone1(solver)).toContainText('进行中');
    await submitMilestone();
    await expect(milestone1(solver).getByRole('link', { name: '工艺方案报告' })).toBeVisible();
    await accessibleWhenSettled(solver, 'the submitted milestone');
  });

  const owner = await context('李志强', solver.url().replace(/^https?:\/\/[^/]+/, ''));
  const changes = owner.getByRole('dialog', { name: '退回修改' });

  await test.step('the enterprise requests changes; the solver submits again; the enterprise approves and records the payment', async () => {
    await expect(milestone1(owner)).toContainText('已提交待审');
    await milestone1(owner).getByRole('button', { name: '退回修改' }).click();
    await changes.getByLabel('修改意见').fill('请补充模流仿真的排气结构对比数据');
    await changes.getByRole('button', { name: '确认' }).click();
    await expect(milestone1(owner)).toContainText('进行中');
    await solver.reload();
    await submitMilestone();
    await owner.reload();
    await milestone1(owner).getByRole('button', { name: '通过', exact: true }).click();
    await owner.getByRole('dialog', { name: '通过', exact: true }).getByRole('button', { name: '确认' }).click();
    await expect(milestone1(owner)).toContainText('已通过');
    await milestone1(owner).getByRole('button', { name: '登记付款' }).click();
    const pay = owner.getByRole('dialog', { name: '登记付款' });
    await expect(pay.getByLabel('付款金额（万元）')).toHaveValue('40');
    await pay.getByLabel('付款凭证号').fill('YJ-2027-001');
    await pay.getByRole('button', { name: '确认' }).click();
    await expect(milestone1(owner)).toContainText('已付款');
    const ledger = owner.getByTestId('project-ledger');
    await expect(ledger.getByRole('row').filter({ hasText: '1. 工艺方案设计' })).toContainText(/40 万元.*40 万元.*40 万元/);
    await expect(ledger.getByRole('row').filter({ hasText: '2. 小批量验证' })).toContainText(/60 万元.*0 万元.*0 万元/);
    await expect(ledger.getByRole('row').filter({ hasText: '合计' })).toContainText(/100 万元.*40 万元.*40 万元/);
    await accessibleWhenSettled(owner, 'the project ledger');
    await screenshot(owner, '29-project-ledger');
  });

  await test.step('the solver’s ledger shows the same', async () => {
    await solver.reload();
    await expect(solver.getByTestId('project-ledger').getByRole('row').filter({ hasText: '合计' })).toContainText(/100 万元.*40 万元.*40 万元/);
    await accessibleWhenSettled(solver, 'the solver’s project ledger');
  });
  await owner.context().close();
  await bureau.context().close();
});
