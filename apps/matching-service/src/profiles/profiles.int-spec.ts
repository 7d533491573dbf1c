import { randomUUID } from 'node:crypto';
import { namespacedTopic, parseEvent, STREAMS, type Envelope } from '@jiebang/contracts';
import { eventually, http, mintToken, principals, query, readTopic } from '@jiebang/testing';
import { startMatching, type MatchingTestApp } from '../testing/matching-app';
import { CASTING, LIVESTOCK, putProfile, SALES } from '../testing/profiles';

const colloquialNeed = { text: '我们的铸件一加工就冒小坑，打压还漏', wants: 'team', districtCode: '500112', enterpriseOrgId: 'org-ent-yujiang-alu' };

describe('profiles over HTTP, the events they publish, and the index they keep current (real Postgres, Kafka)', () => {
  let m: MatchingTestApp;
  let bureau: string;
  let district: string;
  const ids = { casting: randomUUID(), sales: randomUUID(), livestock: randomUUID() };

  const rank = async (body: object = colloquialNeed) => {
    const res = await http('POST', `${m.api}/matching/rank`, { token: district, body });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    m = await startMatching();
    bureau = await mintToken(principals.bureau);
    district = await mintToken(principals.district);
    await putProfile(m.api, bureau, ids.casting, CASTING);
    await putProfile(m.api, bureau, ids.sales, SALES);
    await putProfile(m.api, bureau, ids.livestock, LIVESTOCK);
  });

  afterAll(async () => {
    await m?.stop();
  });

  it('answers a PUT that registers with 201 and Location, and two racing registrations of one id publish it once', async () => {
    const id = randomUUID();
    const [a, b] = await Promise.all([0, 1].map(() => http('PUT', `${m.api}/profiles/${id}`, { token: bureau, body: { ...CASTING, orgId: `org-team-race-${id.slice(0, 8)}` } })));
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const created = a.status === 201 ? a : b;
    expect(created.headers.get('location')).toBe(`/api/v1/profiles/${id}`);
    const facts = await query<{ type: string }>(m.database, 'SELECT type FROM outbox WHERE key = $1 ORDER BY position', [id]);
    expect(facts.map((f) => f.type)).toEqual(['profile.registered', 'profile.updated']);
  });

  it('stores a registered profile with its analysis and publishes profile.registered through the outbox', async () => {
    const [row] = await query<{ version: number; analysis: { revision: string } }>(
      m.database,
      'SELECT version, analysis FROM candidate_profiles WHERE id = $1',
      [ids.casting],
    );
    expect(row.version).toBe(1);
    expect(row.analysis.revision).toMatch(/^\d+:/);
    const outbox = await query<{ type: string; topic: string }>(m.database, 'SELECT type, topic FROM outbox WHERE key = $1', [ids.casting]);
    expect(outbox).toEqual([{ type: 'profile.registered', topic: STREAMS.profile.topic }]);
  });

  it('ranks right after the write, with a breakdown and the thesaurus terms that matched', async () => {
    const body = await rank();
    expect(body.results[0].candidateId).toBe(ids.casting);
    expect(body.results[0].breakdown.map((f: { factor: string }) => f.factor)).toContain('text');
    expect(body.results[0].matchedTerms).toEqual(expect.arrayContaining([expect.objectContaining({ via: 'thesaurus', phrase: '冒小坑' })]));
    expect(body.config.weights.text).toBeGreaterThan(0);
    const [run] = await query<{ config: { weights: { text: number } } }>(m.database, 'SELECT config FROM match_runs WHERE id = $1', [body.runId]);
    expect(run.config.weights.text).toBe(body.config.weights.text);
  });

  it('updates the index with the response to an update: the very next ranking changes', async () => {
    const before = await rank();
    expect(before.results[0].candidateId).toBe(ids.casting);
    // The sales team re-profiles itself as a porosity specialist; the casting team moves to logistics.
    await putProfile(m.api, bureau, ids.sales, { ...SALES, capabilities: '压铸件气孔、针孔与缩松缺陷诊断，气密性泄漏治理，真空压铸' });
    await putProfile(m.api, bureau, ids.casting, { ...CASTING, capabilities: '仓储物流与包装运输' });
    expect((await rank()).results[0].candidateId).toBe(ids.sales);
    const [row] = await query<{ version: number }>(m.database, 'SELECT version FROM candidate_profiles WHERE id = $1', [ids.sales]);
    expect(row.version).toBe(2);
  });

  it('refuses bad input with a stable code and the field at fault, never a 500', async () => {
    const unknown = await http('POST', `${m.api}/profiles`, { token: bureau, body: { ...CASTING, salary: 1 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'salary' } });
    const noDistrict = await http('POST', `${m.api}/profiles`, { token: bureau, body: { ...CASTING, districtCode: null } });
    expect(noDistrict.status).toBe(400);
    expect(noDistrict.body).toMatchObject({ code: 'PROFILE_DISTRICT_REQUIRED', details: { field: 'districtCode' } });
    const badId = await http('GET', `${m.api}/profiles/not-a-uuid`, { token: bureau });
    expect(badId.status).toBe(400);
    const rank = await http('POST', `${m.api}/matching/rank`, { token: district, body: { text: '', wants: 'robot' } });
    expect(rank.status).toBe(400);
    expect(rank.body.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('lets a team manage only its own profile, and never lift its own suspension', async () => {
    const team = await mintToken(principals.team);
    const own = await http('POST', `${m.api}/profiles`, { token: team, body: { ...CASTING, orgId: undefined, name: '自助登记团队' } });
    expect(own.status).toBe(201);
    expect(own.body.orgId).toBe(principals.team.orgId);
    // Another organisation's profile: 404 like its GET, not a 403 that would confirm it exists.
    const other = await http('PUT', `${m.api}/profiles/${ids.sales}`, { token: team, body: SALES });
    expect(other).toMatchObject({ status: 404, body: { code: 'PROFILE_NOT_FOUND' } });
    expect((await http('GET', `${m.api}/profiles/${ids.sales}`, { token: team })).status).toBe(404);
    const suspend = await http('PUT', `${m.api}/profiles/${own.body.id}`, { token: team, body: { ...CASTING, orgId: undefined, suspended: true } });
    expect(suspend.status).toBe(403);
    expect(suspend.body.code).toBe('PROFILE_SUSPENSION_FORBIDDEN');
    // A team sees its own organisation's profiles (the casting team is principals.team's organisation), no others.
    const list = await http('GET', `${m.api}/profiles`, { token: team });
    expect(list.body.items.map((p: { id: string }) => p.id).sort()).toEqual([own.body.id, ids.casting].sort());
    const enterprise = await http('GET', `${m.api}/matching/runs/${randomUUID()}`, { token: await mintToken(principals.enterprise) });
    expect(enterprise.status).toBe(404);
  });

  describe('回避 facts a candidate cannot dodge', () => {
    const need = { ...colloquialNeed, districtCode: '500112', enterpriseOrgId: 'org-ent-yujiang-alu' };
    const excludedRules = async (id: string) =>
      (await rank(need)).excluded.find((e: { candidateId: string }) => e.candidateId === id)?.violations.map((v: { rule: string }) => v.rule);

    it('registers an expert under the organisation its identity carries, and refuses one it names', async () => {
      const expert = await mintToken({ ...principals.expert, orgId: 'org-ent-yujiang-alu' });
      const elsewhere = await http('POST', `${m.api}/profiles`, {
        token: expert,
        body: { ...CASTING, kind: 'expert', name: '张工', orgId: 'org-neutral-pool', orgName: '中立专家库' },
      });
      expect(elsewhere).toMatchObject({ status: 403, body: { code: 'PROFILE_ORG_FORBIDDEN', details: { field: 'orgId' } } });
      const own = await http('POST', `${m.api}/profiles`, { token: expert, body: { ...CASTING, kind: 'expert', name: '张工', orgId: undefined } });
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ orgId: 'org-ent-yujiang-alu', ownerId: principals.expert.sub });
      const moved = await http('PUT', `${m.api}/profiles/${own.body.id}`, { token: expert, body: { ...CASTING, kind: 'expert', name: '张工', orgId: 'org-neutral-pool' } });
      expect(moved).toMatchObject({ status: 403, body: { code: 'PROFILE_ORG_FORBIDDEN' } });
      const ranked = await http('POST', `${m.api}/matching/rank`, { token: bureau, body: { ...need, wants: 'expert' } });
      expect(ranked.body.excluded.find((e: { candidateId: string }) => e.candidateId === own.body.id).violations[0].rule).toBe('CONFLICT_SAME_ORG');
    });

    it('lets a team declare affiliations but not drop them, nor shed them by registering again', async () => {
      const team = await mintToken({ ...principals.team, orgId: 'org-team-dodger', districtCode: '500112' });
      const body = { ...CASTING, orgId: undefined, name: '关联企业的压铸服务队', districtCode: '500112', affiliations: ['org-ent-yujiang-alu'] };
      const created = await http('POST', `${m.api}/profiles`, { token: team, body });
      expect(created.status).toBe(201);
      expect(await excludedRules(created.body.id)).toEqual(['CONFLICT_AFFILIATION']);
      const dropped = await http('PUT', `${m.api}/profiles/${created.body.id}`, { token: team, body: { ...body, affiliations: [] } });
      expect(dropped).toMatchObject({ status: 403, body: { code: 'PROFILE_AFFILIATION_FORBIDDEN', details: { field: 'affiliations' } } });
      const omitted = await http('PUT', `${m.api}/profiles/${created.body.id}`, { token: team, body: { ...body, affiliations: undefined, maxLoad: 5 } });
      expect(omitted.body.affiliations).toEqual(['org-ent-yujiang-alu']);
      await http('DELETE', `${m.api}/profiles/${created.body.id}`, { token: team, body: { reason: '重新登记' } });
      const again = await http('POST', `${m.api}/profiles`, { token: team, body: { ...body, affiliations: [] } });
      expect(again.body.affiliations).toEqual(['org-ent-yujiang-alu']);
      expect(await excludedRules(again.body.id)).toEqual(['CONFLICT_AFFILIATION']);
      const districtOffice = await http('PUT', `${m.api}/profiles/${again.body.id}`, { token: district, body: { ...body, orgId: 'org-team-dodger', affiliations: [] } });
      expect(districtOffice.status).toBe(200);
      expect(districtOffice.body.affiliations).toEqual([]);
    });
  });

  describe('ratings and disputes dated in the future', () => {
    it('refuses them at the HTTP edge with the field at fault', async () => {
      const rating = await http('POST', `${m.api}/profiles/${ids.livestock}/ratings`, {
        token: bureau,
        body: { ratingId: 'r-2400', score: 5, ratedAt: '2400-01-01T00:00:00+08:00', enterpriseOrgId: 'org-ent-bashan-pig' },
      });
      expect(rating).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: { field: 'ratedAt' } } });
      const dispute = await http('POST', `${m.api}/profiles/${ids.livestock}/disputes`, {
        token: bureau,
        body: { disputeId: 'd-9999', enterpriseOrgId: 'org-ent-bashan-pig', upheldAt: '9999-12-31T00:00:00Z', reason: '服务未完成' },
      });
      expect(dispute).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: { field: 'upheldAt' } } });
    });

    it('leaves a future rating stored before the rule out of the reputation it loads', async () => {
      await query(
        m.database,
        `INSERT INTO candidate_ratings (profile_id, rating_id, score, rated_at, enterprise_org_id) VALUES
           ($1, 'legacy-2400', 5, '2400-01-01T00:00:00Z', 'org-x'), ($1, 'real-1', 1, now() - interval '30 days', 'org-x')`,
        [ids.sales],
      );
      await query(m.database, `SELECT pg_notify('matching_profiles', $1)`, [ids.sales]);
      // Only the real 1★ counts: reputation below the prior, not the 5★ dated 2400 outweighing it.
      await eventually(async () => {
        const ranked = await rank();
        const sales = ranked.results.find((r: { candidateId: string }) => r.candidateId === ids.sales);
        expect(sales.breakdown.find((f: { factor: string }) => f.factor === 'reputation').value).toBeLessThan(0);
        expect(ranked.results.every((r: { score: number }) => Number.isFinite(r.score))).toBe(true);
      });
    });
  });

  describe('the owner on the profile stream', () => {
    const profileTopic = () => namespacedTopic(m.namespace, STREAMS.profile.topic);
    /** The profile's events as the relay published them on the broker, in order. */
    const published = async (subject: string, count: number): Promise<Envelope[]> => {
      const mine = <T extends { key: Buffer | null }>(ms: T[]) => ms.filter((x) => x.key?.toString() === subject);
      const messages = mine(await readTopic(profileTopic(), (ms) => mine(ms).length >= count));
      expect(messages).toHaveLength(count);
      return messages.map((x) => JSON.parse(x.value!.toString()) as Envelope);
    };

    it('publishes every fact about an expert profile with the person who owns it, and none on a team profile', async () => {
      const expertId = randomUUID();
      const owner = { sub: 'u-exp-owner-7', role: 'expert', orgId: 'org-sol-cqu-materials' } as const;
      const body = { ...CASTING, kind: 'expert', name: '周工', orgId: owner.orgId, orgName: '重庆大学材料科学与工程学院' };
      // The bureau registers the expert (naming the owner); the expert then edits its own profile.
      await putProfile(m.api, bureau, expertId, { ...body, ownerId: owner.sub });
      expect((await http('PUT', `${m.api}/profiles/${expertId}`, { token: await mintToken(owner), body: { ...body, willingness: 'high' } })).status).toBe(200);
      const rating = { ratingId: 'r-owner-1', score: 4, enterpriseOrgId: 'org-ent-yujiang-alu' };
      expect((await http('POST', `${m.api}/profiles/${expertId}/ratings`, { token: bureau, body: rating })).status).toBe(200);
      const dispute = { disputeId: 'd-owner-1', enterpriseOrgId: 'org-ent-yujiang-alu', reason: '未按约定到场服务' };
      expect((await http('POST', `${m.api}/profiles/${expertId}/disputes`, { token: bureau, body: dispute })).status).toBe(200);
      expect((await http('DELETE', `${m.api}/profiles/${expertId}`, { token: bureau, body: { reason: '专家本人申请退出' } })).status).toBe(200);

      const events = await published(expertId, 5);
      expect(events.map((e) => [e.type, e.actor.id, (e.data as { ownerId?: string }).ownerId])).toEqual([
        ['profile.registered', principals.bureau.sub, owner.sub],
        ['profile.updated', owner.sub, owner.sub],
        ['profile.rated', principals.bureau.sub, owner.sub],
        ['profile.dispute-upheld', principals.bureau.sub, owner.sub],
        ['profile.withdrawn', principals.bureau.sub, owner.sub],
      ]);
      // What went on the wire is what the contract reads back, the owner included.
      for (const e of events) {
        const parsed = parseEvent(JSON.stringify(e));
        expect(parsed.ok && parsed.event.data).toEqual(e.data);
      }

      // A team is an organisation: its facts name no person.
      const teamId = randomUUID();
      await putProfile(m.api, bureau, teamId, { ...SALES, name: '铝材仓储服务团' });
      expect((await http('POST', `${m.api}/profiles/${teamId}/ratings`, { token: bureau, body: rating })).status).toBe(200);
      expect((await http('DELETE', `${m.api}/profiles/${teamId}`, { token: bureau, body: { reason: '测试结束' } })).status).toBe(200);
      const teamEvents = await published(teamId, 3);
      expect(teamEvents.map((e) => e.type)).toEqual(['profile.registered', 'profile.rated', 'profile.withdrawn']);
      for (const e of teamEvents) expect(e.data).not.toHaveProperty('ownerId');
    });
  });

  describe('what each party may read', () => {
    it('shows district offices teams and solvers but no expert profiles (nor their owners)', async () => {
      const expertId = randomUUID();
      await putProfile(m.api, bureau, expertId, { ...CASTING, kind: 'expert', name: '李教授', orgId: 'org-sol-cqu-materials', ownerId: 'u-exp-42' });
      const listed = await http('GET', `${m.api}/profiles?kind=expert`, { token: district });
      expect(listed.body).toMatchObject({ items: [], total: 0 });
      const all = await http('GET', `${m.api}/profiles?pageSize=100`, { token: district });
      expect(all.body.items.length).toBeGreaterThan(0);
      expect(all.body.items.filter((p: { kind: string; ownerId: string | null }) => p.kind === 'expert' || p.ownerId !== null)).toEqual([]);
      expect((await http('GET', `${m.api}/profiles/${expertId}`, { token: district })).status).toBe(404);
      expect((await http('PUT', `${m.api}/profiles/${expertId}/capacity`, { token: district, body: { openLoad: 1 } })).status).toBe(404);
      expect((await http('GET', `${m.api}/profiles/${expertId}`, { token: await mintToken(principals.enterprise) })).status).toBe(404);
      expect((await http('GET', `${m.api}/profiles/${expertId}`, { token: bureau })).body.ownerId).toBe('u-exp-42');
    });
  });

  it('rebuilds the same index from Postgres after a restart', async () => {
    const before = await rank();
    await m.close();
    m = await startMatching({}, { database: m.database, namespace: m.namespace });
    const after = await rank();
    expect(after.results.map((r: { candidateId: string; score: number }) => [r.candidateId, r.score])).toEqual(
      before.results.map((r: { candidateId: string; score: number }) => [r.candidateId, r.score]),
    );
  });
});
