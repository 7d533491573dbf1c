import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STREAMS, type Envelope, type StreamName } from '@jiebang/contracts';
import { eventually, http, mintToken, principals, produceRaw } from '@jiebang/testing';
import { verifiedEnterprise } from './support/enterprises';
import { expectAccessible, expect, screenshot, SERVICE_URLS, signIn, test } from './support/fixtures';

const api = (service: 'challenge' | 'matching', path: string) => `${SERVICE_URLS[service]}/api/v1${path}`;

async function ok(method: string, url: string, token: string, body?: unknown) {
  const res = await http(method, url, { token, body });
  expect(res.status, `${method} ${url}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

/** A fact as its owner's relay would publish it: the golden fixture about `subject`, with `data` overridden. */
async function publishFact(stream: StreamName, type: string, subject: string, sequence: number, data: Record<string, unknown>) {
  const fixture = JSON.parse(readFileSync(resolve(__dirname, `../libs/contracts/fixtures/${type}.v1.json`), 'utf8')) as Envelope;
  const event = { ...fixture, id: randomUUID(), subject, sequence, time: new Date().toISOString(), data: { ...(fixture.data as object), ...data } };
  await produceRaw(process.env.SYSTEM_NAMESPACE!, STREAMS[stream].topic, [{ key: subject, value: JSON.stringify(event) }]);
}

const CHART_LEGENDS: Record<string, string[]> = {
  funnel: ['已提交', '专家论证', '揭榜中', '已定榜'],
  'order-steps': ['当前所处环节（单）', '用时中位数（小时）'],
  'district-breaches': ['超期多', '主城都市区', '渝东北', '渝东南'],
  'district-ratings': ['评分高', '主城都市区'],
  ratings: ['响应速度', '专业水平', '服务成效', '服务态度'],
  'fairness-teams': ['被推荐次数', '接单次数', '中榜次数'],
  'fairness-regions': ['被推荐次数', '中榜次数'],
  bounty: ['已承诺悬赏（定榜）', '已拨付'],
};

/**
 * Data for every chart, made the way people make it: 榜单 vetted and published or rejected by the bureau, and one
 * service order placed, accepted, recommended, served, confirmed and rated through the services' APIs. What no API
 * can bring about within a test (an award after the 7-day 公示 and its tranche payment; an SLA breach after working
 * days) is published to the broker as its owner would publish it.
 */
test.beforeAll(async () => {
  test.setTimeout(240_000);
  await verifiedEnterprise();
  const [enterprise, bureau, district, team] = await Promise.all([principals.enterprise, principals.bureau, principals.district, principals.team].map((p) => mintToken(p)));

  const draft = {
    description: '电驱壳体压铸件机加工后出现气孔，打压测试泄漏，需要优化压铸工艺。',
    keywords: ['压铸', '气孔'],
    fields: ['light-metal'],
    bountyYuan: 1_500_000,
    deadline: '2027-12-31',
    researchContent: '真空压铸工艺窗口与模具排气设计',
    durationMonths: 12,
    milestones: [{ title: '验收', deliverables: ['工艺验证报告'], dueOffsetDays: 360, trancheYuan: 1_500_000, midterm: false }],
  };
  const published = await ok('POST', api('challenge', '/challenges'), enterprise, { ...draft, title: '驾驶舱：压铸气孔控制' });
  const rejected = await ok('POST', api('challenge', '/challenges'), enterprise, { ...draft, title: '驾驶舱：被驳回的榜单', fields: ['new-energy'] });
  for (const c of [published, rejected]) {
    await ok('POST', api('challenge', `/challenges/${c.id}/submit`), enterprise);
    await ok('POST', api('challenge', `/challenges/${c.id}/vetting/start`), bureau);
  }
  await ok('POST', api('challenge', `/challenges/${published.id}/vetting/approve`), bureau);
  await ok('POST', api('challenge', `/challenges/${published.id}/publish`), bureau);
  await ok('POST', api('challenge', `/challenges/${rejected.id}/vetting/reject`), bureau, { reason: '技术需求不明确，缺少可考核指标' });

  const teamIds = [randomUUID(), randomUUID()];
  const teamBody = (name: string, orgId: string, districtCode: string) => ({
    kind: 'team', name, orgId, orgName: name, districtCode, maxLoad: 5, fields: ['light-metal'],
    capabilities: '铝合金高压铸造缺陷诊断，气孔、缩松分析，真空压铸工艺优化', keywords: ['压铸', '气孔'],
  });
  await ok('PUT', api('matching', `/profiles/${teamIds[0]}`), bureau, teamBody('驾驶舱压铸工艺特派员团', principals.team.orgId, '500107'));
  await ok('PUT', api('matching', `/profiles/${teamIds[1]}`), bureau, teamBody('万州轻合金特派员团', `org-team-wz-${randomUUID().slice(0, 8)}`, '500101'));

  const order = await ok('POST', api('challenge', '/service-orders'), enterprise, {
    title: '驾驶舱：压铸件气孔率控制',
    description: '电池包壳体压铸件气孔导致气密性不合格，希望特派员团现场诊断。',
    fields: ['light-metal'],
    urgency: 'NORMAL',
    serviceMode: 'ON_SITE',
    window: { from: '2027-01-04', to: '2027-01-29' },
    contact: { name: '张工', phone: '13800000000' },
  });
  await ok('POST', api('challenge', `/service-orders/${order.id}/submit`), enterprise);
  const dispatch = (path: string) => api('matching', `/dispatches/${order.id}/${path}`);
  await eventually(async () => expect((await http('POST', dispatch('accept'), { token: district })).status).toBe(200), 30_000, 250);
  const ranking = await ok('POST', dispatch('ranking'), district, {});
  const ranked = new Set(ranking.results.map((r: { candidateId: string }) => r.candidateId));
  await ok('POST', dispatch('recommendation'), district, {
    runId: ranking.runId,
    teamIds,
    alternates: [],
    overrides: teamIds.filter((t) => !ranked.has(t)).map((candidateId) => ({ candidateId, reason: '该团队熟悉企业现场情况' })),
  });
  await ok('POST', dispatch('offer/accept'), team);
  await ok('POST', dispatch('start'), team);
  await ok('POST', dispatch('deliver'), team, { summary: '完成工艺优化，气孔率下降到 0.4%' });
  const orders = (path: string) => api('challenge', `/service-orders/${order.id}${path}`);
  await eventually(async () => expect((await http('POST', orders('/confirm'), { token: enterprise })).status).toBe(200), 30_000, 250);
  await ok('POST', orders('/rating'), enterprise, { response: 5, expertise: 4, effect: 4, attitude: 5, comment: '现场诊断及时' });

  const awarded = randomUUID();
  const now = new Date().toISOString();
  await publishFact('challenge', 'challenge.awarded', awarded, 26, {
    title: '驾驶舱：页岩气返排液处理', districtCode: '500102', bountyYuan: 3_000_000, awardedAt: now,
    winners: [{ applicationId: randomUUID(), solverOrgId: 'org-sol-cqu', solverName: '重庆大学', solverRole: 'solver', profileId: randomUUID(), projectId: randomUUID() }],
  });
  await publishFact('project', 'project.tranche-paid', randomUUID(), 9, { challengeId: awarded, districtCode: '500102', amountYuan: 450_000, paidAt: now });
  await publishFact('dispatch', 'dispatch.escalated', randomUUID(), 3, { districtCode: '500241', level: 'bureau', reason: 'district-overdue', escalatedAt: now });

  // The projection is fed asynchronously: wait until every chart has something to draw.
  const bureauToken = bureau;
  await eventually(async () => {
    const d = (await http('GET', `${SERVICE_URLS.notification}/api/v1/dashboard`, { token: bureauToken })).body;
    expect(d.ratings.count).toBeGreaterThan(0);
    expect(d.bounty.paidYuan).toBeGreaterThan(0);
    expect(d.districts.some((x: { breaches: number }) => x.breaches > 0)).toBe(true);
    expect(d.challenges.byState.find((s: { stage: string }) => s.stage === 'REJECTED').count).toBeGreaterThan(0);
  }, 60_000, 500);
});

test('the bureau reads the 驾驶舱: every chart drawn with data and Chinese legends, live, ECharts only on that page', async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, '赵敏');
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();
  // The first page loads no chart code: neither the dashboard's chart module nor ECharts' core.
  const chartChunks = () =>
    page.evaluate(() => performance.getEntriesByType('resource').filter((r) => /DashboardChart|installCanvasRenderer/.test(r.name)).length);
  expect(await chartChunks()).toBe(0);

  await page.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '驾驶舱' }).click();
  await expect(page.getByRole('heading', { name: '数智科创驾驶舱', level: 1 })).toBeVisible();
  for (const [key, legends] of Object.entries(CHART_LEGENDS)) {
    const chart = page.getByTestId(`chart-${key}`);
    await expect(chart.locator('canvas').first(), `chart ${key}`).toBeVisible();
    for (const legend of legends) await expect(chart).toHaveAttribute('data-legend', new RegExp(legend.replace(/[()（）]/g, '.')));
    // The canvas has pixels drawn, not just an empty surface.
    const painted = await chart.locator('canvas').first().evaluate((c: HTMLCanvasElement) => {
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    });
    expect(painted, `pixels drawn in ${key}`).toBeGreaterThan(500);
  }
  expect(await chartChunks()).toBeGreaterThan(0);
  await expect(page.getByTestId('chart-funnel')).toHaveAttribute('aria-label', /已定榜 [1-9]/);
  await expect(page.getByTestId('chart-district-breaches')).toHaveAttribute('aria-label', /秀山土家族苗族自治县 [1-9]/);
  await expectAccessible(page, 'the dashboard');
  await screenshot(page, '30-bureau-dashboard');

  await test.step('a new fact shows without reloading the page', async () => {
    const paid = page.locator('.ant-statistic').filter({ hasText: '已拨付' });
    const before = await paid.textContent();
    await publishFact('project', 'project.tranche-paid', randomUUID(), 10, { challengeId: randomUUID(), districtCode: '500102', amountYuan: 120_000, paidAt: new Date().toISOString() });
    await expect(paid).not.toHaveText(before!, { timeout: 45_000 });
  });

  await test.step('filtered by field: the 榜单 of another field drop out', async () => {
    await page.getByLabel('技术领域').click();
    await page.getByLabel('技术领域').fill('生物医药');
    await page.getByLabel('技术领域').press('Enter');
    await expect(page.getByTestId('chart-funnel')).toHaveCount(0);
    await expect(page.getByText('该统计期内暂无数据').first()).toBeVisible();
  });
});
