import { randomUUID } from 'node:crypto';
import { eventually, http, mintToken, principals, verifiedEnterprise } from '@jiebang/testing';
import { startSystem, type RunningSystem } from './support/system';

/**
 * Matching across the running services, with the real seed dictionary and thesaurus: the bureau registers teams in
 * matching-service; an enterprise submits a 榜单 in challenge-service; the fact reaches matching over Kafka, and the
 * district office of the enterprise gets ranked, explained candidates for it.
 */
describe('matching: candidates for a challenge submitted in another service', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('ranks the competent team first for the new challenge, with its score breakdown and matched terms', async () => {
    const bureau = await mintToken(principals.bureau);
    const matching = `${system.urls.matching}/api/v1`;
    const team = (over: object) => ({ kind: 'team', districtCode: '500107', maxLoad: 5, fields: ['light-metal'], ...over });
    const casting = randomUUID();
    const trader = randomUUID();
    await http('PUT', `${matching}/profiles/${casting}`, {
      token: bureau,
      body: team({
        name: '铸造工艺科技特派员团',
        orgId: 'org-team-casting',
        orgName: '重庆市铸造工艺科技特派员团',
        capabilities: '铝合金高压铸造缺陷诊断，气孔、缩孔缩松分析，真空压铸工艺优化，模流分析，X射线探伤',
        keywords: ['压铸缺陷', '气孔', '缩松', '真空压铸'],
      }),
    });
    await http('PUT', `${matching}/profiles/${trader}`, {
      token: bureau,
      body: team({ name: '铝材供应链服务团队', orgId: 'org-team-alu-trade', orgName: '西彭铝材贸易公司', capabilities: '铝锭、铝合金型材销售与仓储物流配送' }),
    });

    const enterprise = await mintToken(principals.enterprise);
    await verifiedEnterprise(system.urls.challenge, principals.enterprise);
    const draft = await http('POST', `${system.urls.challenge}/api/v1/challenges`, {
      token: enterprise,
      body: {
        title: '电驱壳体压铸件机加工后冒小坑、打压泄漏',
        description: '壳体毛坯机加工后端面出现小坑，打压测试泄漏率约6%，目前靠泡胶补漏，希望找团队诊断压铸工艺。',
        keywords: ['压铸'],
        fields: [],
        bountyYuan: 800_000,
        deadline: '2027-12-31',
      },
    });
    expect(draft.status).toBe(201);
    expect((await http('POST', `${system.urls.challenge}/api/v1/challenges/${draft.body.id}/submit`, { token: enterprise })).status).toBe(200);

    const district = await mintToken(principals.district);
    const ranked = await eventually(async () => {
      const res = await http('GET', `${matching}/challenges/${draft.body.id}/candidates?wants=team&k=5`, { token: district });
      expect(res.status).toBe(200);
      return res.body;
    }, 30_000);
    expect(ranked.results.map((r: { candidateId: string }) => r.candidateId)).toEqual([casting, trader]);
    expect(ranked.results[0].breakdown.find((f: { factor: string }) => f.factor === 'text').contribution).toBeGreaterThan(
      ranked.results[1].breakdown.find((f: { factor: string }) => f.factor === 'text').contribution,
    );
    expect(ranked.results[0].matchedTerms.map((t: { term: string }) => t.term)).toEqual(expect.arrayContaining(['气孔']));
    expect(ranked.query.expansions.length).toBeGreaterThan(0);

    const elsewhere = await http('GET', `${matching}/challenges/${draft.body.id}/candidates`, { token: await mintToken(principals.otherDistrict) });
    expect(elsewhere.status).toBe(404);

    // A batch over the same teams, solved by the compiled service on its solver thread, not its event loop.
    const batch = await http('POST', `${matching}/matching/assignments`, {
      token: district,
      body: { wants: 'team', k: 1, items: [{ id: 'order-1', title: '压铸件冒小坑', text: '压铸件机加工后冒小坑，打压泄漏' }] },
    });
    expect(batch.status).toBe(202);
    const run = await eventually(async () => {
      const res = await http('GET', `${matching}/matching/assignments/${batch.body.id}`, { token: district });
      expect(res.body.status).toBe('COMPLETED');
      return res.body;
    }, 30_000);
    expect(run.result.items[0].assigned.map((a: { candidateId: string }) => a.candidateId)).toEqual([casting]);
    expect(run.result.solver.threadId).toBeGreaterThan(0);
  });
});
