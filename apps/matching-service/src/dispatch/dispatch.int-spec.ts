import { randomUUID } from 'node:crypto';
import { STREAMS } from '@jiebang/contracts';
import { eventually, http, mintToken, principals, produceRaw, query } from '@jiebang/testing';
import { startMatching, type MatchingTestApp } from '../testing/matching-app';
import { castingTeams, events, offerTo, submitOrder } from '../testing/dispatch-int';
import { CASTING, putProfile } from '../testing/profiles';

describe('dispatch over HTTP and Kafka (real Postgres, Kafka, Redis)', () => {
  let m: MatchingTestApp;
  let bureau: string;
  let district: string;
  let otherDistrict: string;
  let enterprise: string;
  let teams: { id: string; orgId: string }[];
  let teamTokens: string[];
  const record = { date: '2026-03-03', mode: 'ON_SITE', hours: 4, participants: ['李工', '张工'], work: '现场取样分析气孔分布', outcome: '确认卷气为主因', attachments: [] };

  beforeAll(async () => {
    m = await startMatching();
    bureau = await mintToken(principals.bureau);
    district = await mintToken(principals.district);
    otherDistrict = await mintToken(principals.otherDistrict);
    enterprise = await mintToken(principals.enterprise);
    teams = await castingTeams(m, bureau);
    teamTokens = await Promise.all(teams.map((t) => mintToken({ ...principals.team, sub: `u-${t.orgId}`, orgId: t.orgId })));
  });

  afterAll(async () => {
    await m?.stop();
  });

  const post = (id: string, path: string, token: string, body?: unknown) => http('POST', `${m.api}/dispatches/${id}/${path}`, { token, body });
  const openLoad = async (id: string) => (await query<{ open_load: number }>(m.database, 'SELECT open_load FROM candidate_profiles WHERE id = $1', [id]))[0].open_load;

  it('queues a submitted order once in its district, arms the district SLA, and hides it from others', async () => {
    const { id, event } = await submitOrder(m);
    await produceRaw(m.namespace, STREAMS.serviceOrder.topic, [{ key: id, value: JSON.stringify(event) }]);
    await eventually(async () => expect(await query(m.database, 'SELECT status FROM dispatches WHERE id = $1', [id])).toEqual([{ status: 'QUEUED' }]));
    expect(await query(m.database, `SELECT status FROM timers WHERE kind = 'dispatch.district-sla' AND subject = $1`, [id])).toEqual([{ status: 'armed' }]);
    const queue = await http('GET', `${m.api}/dispatches?status=QUEUED&sort=sla`, { token: district });
    expect(queue.body.items.map((d: { id: string }) => d.id)).toContain(id);
    expect(queue.body.items.find((d: { id: string }) => d.id === id).sla).toMatchObject({ clock: 'DISTRICT_SLA', remainingWorkingDays: expect.any(Number) });
    const other = await http('GET', `${m.api}/dispatches`, { token: otherDistrict });
    expect(other.body.items.map((d: { id: string }) => d.id)).not.toContain(id);
    expect((await http('GET', `${m.api}/dispatches/${id}`, { token: otherDistrict })).status).toBe(404);
    expect((await post(id, 'accept', otherDistrict)).status).toBe(404);
    expect((await post(id, 'reject', otherDistrict, { reason: '不属于本区县' })).status).toBe(404);
    expect((await post(id, 'ranking', otherDistrict, {})).status).toBe(404);
    expect((await http('GET', `${m.api}/dispatches/${id}`, { token: teamTokens[0] })).status).toBe(404);
    expect((await post(id, 'accept', enterprise)).status).toBe(403);
  });

  it('returns to the enterprise with a reason, requeues the resubmission, and rejects with a reason', async () => {
    const { id } = await submitOrder(m);
    expect((await post(id, 'return', district, {})).body.details.field).toBe('reason');
    const returned = await post(id, 'return', district, { reason: '请补充压铸机型号' });
    expect(returned.body.status).toBe('RETURNED');
    expect((await post(id, 'reject', district, { reason: '重复提交' })).body).toMatchObject({ details: { currentState: 'RETURNED' } });
    await submitOrder(m, { id, sequence: 4 });
    await eventually(async () => expect(await query(m.database, 'SELECT status FROM dispatches WHERE id = $1', [id])).toEqual([{ status: 'QUEUED' }]));
    expect((await post(id, 'reject', district, { reason: '不属于科技服务范围' })).body.status).toBe('REJECTED');
    expect((await events(m, id)).map((e) => e.type)).toEqual(['dispatch.returned', 'dispatch.rejected']);
  });

  it('recommends from a recorded run, offers the first team, and serves the order to delivery', async () => {
    const { id } = await submitOrder(m);
    expect((await post(id, 'recommendation', district, { runId: randomUUID(), teamIds: [teams[0].id] })).status).toBe(409);
    expect((await post(id, 'accept', district)).status).toBe(200);
    expect((await post(id, 'accept', district)).body.details.currentState).toBe('DISTRICT_ACCEPTED');
    const ranking = await post(id, 'ranking', district, { k: 2 });
    expect(ranking.status).toBe(200);
    expect(ranking.body.results[0]).toMatchObject({ breakdown: expect.any(Object), matchedTerms: expect.any(Array) });
    expect(await query(m.database, 'SELECT subject_type, subject_id FROM match_runs WHERE id = $1', [ranking.body.runId])).toEqual([
      { subject_type: 'service-order', subject_id: id },
    ]);
    const ranked: string[] = ranking.body.results.map((r: { candidateId: string }) => r.candidateId);
    const outside = teams.map((t) => t.id).find((t) => !ranked.includes(t))!;
    const bad = await post(id, 'recommendation', district, { runId: ranking.body.runId, teamIds: [ranked[0], outside] });
    expect(bad.body).toMatchObject({ code: 'DISPATCH_TEAM_NOT_RANKED', details: { field: 'teamIds' } });
    expect((await post(id, 'recommendation', district, { runId: 'x', teamIds: [] })).body.details.field).toBeDefined();

    const rec = await post(id, 'recommendation', district, {
      runId: ranking.body.runId,
      teamIds: [ranked[0]],
      alternates: [outside],
      overrides: [{ candidateId: outside, reason: '该团队去年服务过同类企业' }],
    });
    expect(rec.status).toBe(200);
    expect(rec.body.status).toBe('OFFERED');
    expect(await query(m.database, 'SELECT candidate_id, reason FROM match_overrides WHERE run_id = $1', [ranking.body.runId])).toEqual([
      { candidate_id: outside, reason: '该团队去年服务过同类企业' },
    ]);
    const first = teams.findIndex((t) => t.id === ranked[0]);
    const second = teams.findIndex((t) => t.id === outside);
    expect((await post(id, 'offer/accept', teamTokens[second])).status).toBe(404);
    const mine = await http('GET', `${m.api}/dispatches/${id}`, { token: teamTokens[first] });
    expect(mine.body.offers).toHaveLength(1);
    expect(mine.body.lineup).toBeUndefined();

    const before = await openLoad(teams[first].id);
    const accepted = await post(id, 'offer/accept', teamTokens[first]);
    expect(accepted.body.status).toBe('TEAM_ACCEPTED');
    expect(await openLoad(teams[first].id)).toBe(before + 1);
    expect(await query(m.database, `SELECT envelope->'data' AS data FROM outbox WHERE key = $1 AND type = 'profile.capacity-changed'`, [teams[first].id])).toEqual([
      { data: { openLoad: before + 1, maxLoad: 4 } },
    ]);
    expect((await post(id, 'records', teamTokens[first], record)).body.details.currentState).toBe('TEAM_ACCEPTED');
    expect((await post(id, 'start', teamTokens[first])).body.status).toBe('IN_SERVICE');
    expect((await post(id, 'records', teamTokens[first], { ...record, hours: 30 })).body.details.field).toBe('hours');
    expect((await post(id, 'records', teamTokens[first], record)).status).toBe(201);
    expect((await post(id, 'records', teamTokens[second], record)).status).toBe(404);
    const waiting = await post(id, 'wait', teamTokens[first], { reason: '等待企业提供压铸参数' });
    expect(waiting.body.sla).toMatchObject({ paused: true });
    expect(await query(m.database, `SELECT status FROM timers WHERE kind = 'dispatch.service-sla' AND subject = $1`, [id])).toEqual([{ status: 'cancelled' }]);
    expect((await post(id, 'resume', teamTokens[first])).body.sla).toMatchObject({ paused: false });
    expect(await query(m.database, `SELECT status FROM timers WHERE kind = 'dispatch.service-sla' AND subject = $1`, [id])).toEqual([{ status: 'armed' }]);
    expect((await post(id, 'deliver', teamTokens[first], { summary: '完成工艺优化，气孔率下降' })).body.status).toBe('DELIVERED');
    expect(await openLoad(teams[first].id)).toBe(before);

    const detail = await http('GET', `${m.api}/dispatches/${id}`, { token: district });
    expect(detail.body.records).toEqual([expect.objectContaining({ work: record.work, hours: 4, participants: record.participants })]);
    expect(detail.body.history.length).toBeGreaterThan(5);
    expect((await events(m, id)).map((e) => e.type)).toEqual([
      'dispatch.accepted',
      'dispatch.recommended',
      'dispatch.offered',
      'dispatch.team-accepted',
      'dispatch.service-started',
      'dispatch.service-logged',
      'dispatch.paused',
      'dispatch.resumed',
      'dispatch.delivered',
    ]);
    const sequences = (await events(m, id)).map((e) => e.envelope.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
  });

  it('moves a declined offer to the next team, and back to the district with an escalation when none is left', async () => {
    const { id } = await submitOrder(m);
    await offerTo(m, district, id, [teams[1].id, teams[2].id]);
    expect((await post(id, 'offer/decline', teamTokens[1], { reason: '本月人手不足' })).status).toBe(200);
    expect((await post(id, 'offer/accept', teamTokens[1])).body.details.currentState).toBe('OFFERED');
    const last = await post(id, 'offer/decline', teamTokens[2], { reason: '专业不对口' });
    expect(last.body.status).toBe('DISTRICT_ACCEPTED');
    const escalated = (await events(m, id)).filter((e) => e.type === 'dispatch.escalated');
    expect(escalated.map((e) => e.envelope.data)).toEqual([expect.objectContaining({ level: 'district', reason: 'no-team-left', team: null, dueAt: null })]);
  });

  it('never ranks nor offers a team of an organisation related to the enterprise (回避)', async () => {
    const related = { id: randomUUID(), orgId: `org-ent-yujiang-holding-${randomUUID().slice(0, 8)}` };
    await putProfile(m.api, bureau, related.id, { ...CASTING, orgId: related.orgId, orgName: '渝江控股集团', name: '渝江控股压铸特派员团' });
    const { id } = await submitOrder(m, { relatedOrgIds: [related.orgId] });
    expect((await post(id, 'accept', district)).status).toBe(200);
    const ranking = await post(id, 'ranking', district, { k: 10 });
    expect(ranking.body.results.map((r: { candidateId: string }) => r.candidateId)).not.toContain(related.id);
    expect(ranking.body.excluded.find((e: { candidateId: string }) => e.candidateId === related.id)?.violations[0].rule).toBe('CONFLICT_AFFILIATION');
    const refused = await post(id, 'recommendation', district, {
      runId: ranking.body.runId,
      teamIds: [related.id],
      overrides: [{ candidateId: related.id, reason: '区县认为该团队最熟悉' }],
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(await query(m.database, 'SELECT count(*)::int AS n FROM dispatch_offers WHERE dispatch_id = $1', [id])).toEqual([{ n: 0 }]);
    // Without the relation the same team ranks: the exclusion came from the order's relatedOrgIds.
    const { id: plain } = await submitOrder(m);
    expect((await post(plain, 'accept', district)).status).toBe(200);
    const open = await post(plain, 'ranking', district, { k: 10 });
    expect(open.body.results.map((r: { candidateId: string }) => r.candidateId)).toContain(related.id);
  });

  it('lets exactly one of two simultaneous accepts win', async () => {
    const { id } = await submitOrder(m);
    await offerTo(m, district, id, [teams[2].id]);
    const before = await openLoad(teams[2].id);
    const answers = await Promise.all([post(id, 'offer/accept', teamTokens[2]), post(id, 'offer/accept', teamTokens[2])]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await query(m.database, `SELECT count(*)::int AS n FROM dispatch_offers WHERE dispatch_id = $1 AND status = 'ACCEPTED'`, [id])).toEqual([{ n: 1 }]);
    expect(await openLoad(teams[2].id)).toBe(before + 1);
  });

  it('withdraws the offer and lowers the load when the order is cancelled', async () => {
    const { id } = await submitOrder(m);
    await offerTo(m, district, id, [teams[0].id]);
    const before = await openLoad(teams[0].id);
    expect((await post(id, 'offer/accept', teamTokens[0])).status).toBe(200);
    expect(await openLoad(teams[0].id)).toBe(before + 1);
    const cancelled = {
      id: randomUUID(),
      type: 'service-order.cancelled',
      version: 1,
      source: 'challenge-service',
      subject: id,
      sequence: 9,
      time: new Date().toISOString(),
      correlationId: 'req-cancel',
      causationId: null,
      actor: { id: 'u-dist-1', role: 'district', orgId: 'org-district-500112' },
      data: {
        title: '铝合金压铸件气孔缺陷分析',
        enterpriseOrgId: 'org-ent-yujiang-alu',
        enterpriseName: '重庆渝江铝业压铸有限公司',
        districtCode: '500112',
        cancelledBy: 'district',
        reason: '企业已自行解决',
        team: null,
        cancelledAt: new Date().toISOString(),
      },
    };
    await produceRaw(m.namespace, STREAMS.serviceOrder.topic, [{ key: id, value: JSON.stringify(cancelled) }]);
    await eventually(async () => expect(await query(m.database, 'SELECT status FROM dispatches WHERE id = $1', [id])).toEqual([{ status: 'CANCELLED' }]));
    expect(await openLoad(teams[0].id)).toBe(before);
    expect(await query(m.database, `SELECT status FROM timers WHERE kind = 'dispatch.service-sla' AND subject = $1`, [id])).toEqual([{ status: 'cancelled' }]);
  });
});
