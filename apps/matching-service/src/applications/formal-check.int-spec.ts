import { randomUUID } from 'node:crypto';
import { http, mintToken, principals, produceRaw, query, eventually } from '@jiebang/testing';
import { STREAMS } from '@jiebang/contracts';
import { ChallengeFeed } from '../testing/challenge-facts';
import { startMatching, type MatchingTestApp } from '../testing/matching-app';
import { putProfile } from '../testing/profiles';

const profileBody = (orgName: string) => ({
  kind: 'solver',
  name: `${orgName}揭榜团队`,
  orgName,
  districtCode: '500106',
  fields: ['light-metal'],
  capabilities: '铝合金压铸缺陷分析',
  orgType: 'university',
});
const proposal = { approach: '真空辅助压铸。', members: [{ name: '李教授', role: '负责人' }] };

describe('形式审查 and the closing of a 榜单 (real Postgres, Kafka)', () => {
  let m: MatchingTestApp;
  let bureau: string;
  const solvers = ['org-sol-a', 'org-sol-b', 'org-sol-c'].map((orgId, i) => ({ orgId, sub: `u-sol-${i}`, profileId: randomUUID(), token: '' }));

  const post = (path: string, token: string, body?: object) => http('POST', `${m.api}${path}`, { token, body });
  const reviewFacts = (cid: string) =>
    query<{ type: string; envelope: any }>(m.database, `SELECT type, envelope FROM outbox WHERE key = $1 AND topic = 'jiebang.review' ORDER BY position`, [cid]);
  const facts = (id: string) => query<{ type: string; envelope: any }>(m.database, 'SELECT type, envelope FROM outbox WHERE key = $1 ORDER BY position', [id]);

  /** Each solver applies and submits; returns the application ids in the solvers' order. */
  async function applyAll(feed: ChallengeFeed, count = solvers.length): Promise<string[]> {
    const ids: string[] = [];
    for (const s of solvers.slice(0, count)) {
      await feed.acceptTerms(s.orgId);
      const created = await post('/applications', s.token, { challengeId: feed.id, profileId: s.profileId, proposal });
      expect(created.status).toBe(201);
      expect((await post(`/applications/${created.body.id}/submit`, s.token)).status).toBe(200);
      ids.push(created.body.id);
    }
    return ids;
  }

  beforeAll(async () => {
    m = await startMatching();
    bureau = await mintToken(principals.bureau);
    for (const s of solvers) {
      s.token = await mintToken({ sub: s.sub, role: 'solver', orgId: s.orgId });
      await putProfile(m.api, s.token, s.profileId, profileBody(s.orgId));
    }
  });

  afterAll(async () => {
    await m?.stop();
  });

  it('decides QUALIFIED, INELIGIBLE and RETURNED, each a fact with the deadline; the returned one is resubmitted', async () => {
    const feed = new ChallengeFeed(m);
    await feed.publish();
    const [a, b, c] = await applyAll(feed);
    const qualified = await post(`/applications/${a}/formal-check`, bureau, { outcome: 'QUALIFIED' });
    expect(qualified.body).toMatchObject({ status: 'QUALIFIED', checkReason: null });
    expect((await post(`/applications/${b}/formal-check`, bureau, { outcome: 'INELIGIBLE', reason: '资质证明缺失' })).body.status).toBe('INELIGIBLE');
    expect((await post(`/applications/${c}/formal-check`, bureau, { outcome: 'RETURNED', reason: '预算表缺页' })).body.status).toBe('RETURNED');
    const [, decided] = await facts(c);
    expect(decided).toMatchObject({ type: 'application.formal-check-decided', envelope: { actor: { role: 'bureau' }, data: { outcome: 'RETURNED', reason: '预算表缺页' } } });
    expect(decided.envelope.data.deadlineAt).toBeDefined();

    const again = await post(`/applications/${a}/formal-check`, bureau, { outcome: 'INELIGIBLE', reason: '改主意' });
    expect(again.status).toBe(409);
    expect(again.body.details.currentState).toBe('QUALIFIED');
    const noReason = await post(`/applications/${c}/formal-check`, bureau, { outcome: 'INELIGIBLE' });
    expect(noReason.status).toBe(409); // RETURNED awaits the applicant now, not the bureau

    const resubmitted = await post(`/applications/${c}/submit`, solvers[2].token);
    expect(resubmitted.body).toMatchObject({ status: 'SUBMITTED', submissionCount: 2 });
    expect((await facts(c)).at(-1)!.envelope.data.resubmission).toBe(true);
    const bad = await post(`/applications/${c}/formal-check`, bureau, { outcome: 'INELIGIBLE' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.field).toBe('reason');
    const unknown = await post(`/applications/${c}/formal-check`, bureau, { outcome: 'MAYBE' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.field).toBe('outcome');
  });

  it('on closing ends the uncorrected RETURNED ones (未按期补正, actor system) and completes once the last SUBMITTED is decided', async () => {
    const feed = new ChallengeFeed(m);
    await feed.publish();
    const [a, b, c] = await applyAll(feed);
    await post(`/applications/${a}/formal-check`, bureau, { outcome: 'QUALIFIED' });
    await post(`/applications/${b}/formal-check`, bureau, { outcome: 'RETURNED', reason: '缺少盖章页' });
    await feed.close();

    await eventually(async () => expect((await facts(b)).map((f) => f.envelope.data.outcome)).toEqual([undefined, 'RETURNED', 'INELIGIBLE']));
    const ended = (await facts(b)).at(-1)!;
    expect(ended.envelope).toMatchObject({ actor: { role: 'system' }, data: { reason: '未按期补正' } });
    expect(await reviewFacts(feed.id)).toEqual([]); // c still awaits its decision

    const late = await post(`/applications/${c}/formal-check`, bureau, { outcome: 'RETURNED', reason: '补材料' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('APPLICATION_DEADLINE_PASSED');
    expect((await post(`/applications/${c}/formal-check`, bureau, { outcome: 'QUALIFIED' })).status).toBe(200);

    const [completed] = await reviewFacts(feed.id);
    expect(completed.type).toBe('review.formal-check-completed');
    expect(completed.envelope).toMatchObject({ subject: feed.id, sequence: 1, data: { ineligibleCount: 1, withdrawnCount: 0, enterpriseOrgId: 'org-ent-yuneng' } });
    expect(completed.envelope.data.qualified.map((q: any) => q.applicationId).sort()).toEqual([a, c].sort());
  });

  it('completes at once when a closing finds nothing to decide, and applies a replayed closing once', async () => {
    const feed = new ChallengeFeed(m);
    await feed.publish();
    const [a] = await applyAll(feed, 1);
    await post(`/applications/${a}/withdraw`, solvers[0].token, { reason: '放弃' });
    const closed = feed.message('challenge.closed', { closedAt: new Date().toISOString() });
    await produceRaw(m.namespace, STREAMS.challenge.topic, [closed, closed]);
    await eventually(async () => expect(await reviewFacts(feed.id)).toHaveLength(1));
    expect((await reviewFacts(feed.id))[0].envelope.data).toMatchObject({ qualified: [], ineligibleCount: 0, withdrawnCount: 1 });
    await feed.send('challenge.closed', { closedAt: new Date().toISOString() }); // a re-drive under a new event id
    await feed.send('challenge.failed');
    await feed.waitFor('FAILED');
    expect(await reviewFacts(feed.id)).toHaveLength(1);
  });

  it('lets exactly one of two racing decisions win', async () => {
    const feed = new ChallengeFeed(m);
    await feed.publish();
    const [a] = await applyAll(feed, 1);
    const results = await Promise.all([
      post(`/applications/${a}/formal-check`, bureau, { outcome: 'QUALIFIED' }),
      post(`/applications/${a}/formal-check`, bureau, { outcome: 'INELIGIBLE', reason: '不符合' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await facts(a)).filter((f) => f.type === 'application.formal-check-decided')).toHaveLength(1);
  });
});
