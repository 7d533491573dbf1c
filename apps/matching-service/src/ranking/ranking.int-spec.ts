import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STREAMS, type Envelope } from '@jiebang/contracts';
import { eventually, http, mintToken, principals, produceRaw, query } from '@jiebang/testing';
import { AssignmentQueue } from '../assignment/assignment.queue';
import { startMatching, type MatchingTestApp } from '../testing/matching-app';
import { CASTING, LIVESTOCK, putProfile, SALES } from '../testing/profiles';

const challengeFixture: Envelope = JSON.parse(
  readFileSync(resolve(__dirname, '../../../../libs/contracts/fixtures/challenge.submitted.v1.json'), 'utf8'),
);

describe('ranking runs, challenge candidates, overrides and batch assignment over HTTP (real Postgres, Kafka, Redis)', () => {
  let m: MatchingTestApp;
  let bureau: string;
  let district: string;
  const ids = { casting: randomUUID(), sales: randomUUID(), livestock: randomUUID(), suspended: randomUUID(), vacuum: randomUUID(), quality: randomUUID() };

  beforeAll(async () => {
    m = await startMatching({ MATCHING_RETENTION_INTERVAL_MS: '300' });
    bureau = await mintToken(principals.bureau);
    district = await mintToken(principals.district);
    await putProfile(m.api, bureau, ids.casting, CASTING);
    await putProfile(m.api, bureau, ids.sales, SALES);
    await putProfile(m.api, bureau, ids.livestock, LIVESTOCK);
    await putProfile(m.api, bureau, ids.suspended, { ...CASTING, orgId: 'org-team-suspended', name: '暂停中的压铸团队', suspended: true });
    await putProfile(m.api, bureau, ids.vacuum, { ...CASTING, orgId: 'org-team-vacuum', name: '真空压铸技术服务队', districtCode: '500112' });
    await putProfile(m.api, bureau, ids.quality, { ...CASTING, orgId: 'org-team-quality', name: '铸件质量检测服务队', capabilities: '铸件X射线探伤与气密性检测，缺陷评级' });
  });

  afterAll(async () => {
    await m?.stop();
  });

  describe('GET /challenges/:id/candidates for a challenge known from events', () => {
    const challengeId = randomUUID();

    beforeAll(async () => {
      const event = { ...challengeFixture, id: randomUUID(), subject: challengeId, time: new Date().toISOString() };
      await produceRaw(m.namespace, STREAMS.challenge.topic, [{ key: challengeId, value: JSON.stringify(event) }]);
      await eventually(async () => expect(await query(m.database, 'SELECT 1 FROM known_challenges WHERE id = $1', [challengeId])).toHaveLength(1));
    });

    it('ranks candidates for the challenge of the caller’s district, with explanations, and stores the run', async () => {
      const res = await http('GET', `${m.api}/challenges/${challengeId}/candidates?wants=team&k=3`, { token: district });
      expect(res.status).toBe(200);
      expect(res.body.results).toHaveLength(3);
      expect(res.body.results[0].candidateId).not.toBe(ids.sales);
      expect(res.body.results[0].matchedTerms.length).toBeGreaterThan(0);
      expect(res.body.need).toMatchObject({ districtCode: '500112', enterpriseOrgId: 'org-ent-changan', wants: 'team' });
      const [run] = await query(m.database, 'SELECT subject_type, subject_id, district_code FROM match_runs WHERE id = $1', [res.body.runId]);
      expect(run).toEqual({ subject_type: 'challenge', subject_id: challengeId, district_code: '500112' });
    });

    it('hides another district’s challenge and refuses roles that do not recommend', async () => {
      const other = await http('GET', `${m.api}/challenges/${challengeId}/candidates`, { token: await mintToken(principals.otherDistrict) });
      expect(other.status).toBe(404);
      expect(other.body.code).toBe('CHALLENGE_NOT_FOUND');
      const enterprise = await http('GET', `${m.api}/challenges/${challengeId}/candidates`, { token: await mintToken(principals.enterprise) });
      expect(enterprise.status).toBe(403);
      const unknown = await http('GET', `${m.api}/challenges/${randomUUID()}/candidates`, { token: bureau });
      expect(unknown.status).toBe(404);
      const badK = await http('GET', `${m.api}/challenges/${challengeId}/candidates?k=0`, { token: bureau });
      expect(badK).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: { field: 'k' } } });
    });
  });

  describe('district overrides outside the recommended list', () => {
    const need = { text: '压铸件气孔缺陷，打压泄漏', wants: 'team', k: 1, enterpriseOrgId: 'org-ent-yujiang-alu' };

    it('records a pick outside the list with its reason and score, and shows it with the run', async () => {
      const ranked = await http('POST', `${m.api}/matching/rank`, { token: district, body: need });
      expect(ranked.status).toBe(200);
      const outside = [ids.casting, ids.vacuum, ids.quality].find((id) => id !== ranked.body.results[0].candidateId)!;
      const res = await http('POST', `${m.api}/matching/runs/${ranked.body.runId}/overrides`, {
        token: district,
        body: { candidateId: outside, reason: '企业点名希望该团队参与，且其近期在本区有服务记录' },
      });
      expect(res.status).toBe(201);
      // The score it had in that very ranking: the same need ranked with a longer list shows it, to the digit.
      const longer = await http('POST', `${m.api}/matching/rank`, { token: district, body: { ...need, k: 10 } });
      const there = longer.body.results.find((r: { candidateId: string }) => r.candidateId === outside);
      expect(res.body).toMatchObject({ candidateId: outside, actorRole: 'district', score: there.score, breakdown: there.breakdown, wouldRank: 2 });
      expect(there.score).toBeLessThan(ranked.body.results[0].score);
      // Pinned as well (the test dictionary, thesaurus and profiles make the numbers deterministic): alone in a pool
      // of one, its text would have been normalised to 1.0 and the score recorded as 0.772.
      expect(res.body.score).toBe(0.7373);
      expect(res.body.breakdown.find((f: { factor: string }) => f.factor === 'text')).toMatchObject({ value: 0.9422, contribution: 0.5653 });
      const run = await http('GET', `${m.api}/matching/runs/${ranked.body.runId}`, { token: district });
      expect(run.body.overrides).toHaveLength(1);

      const inList = await http('POST', `${m.api}/matching/runs/${ranked.body.runId}/overrides`, {
        token: district,
        body: { candidateId: ranked.body.results[0].candidateId, reason: '已在名单中再选一次' },
      });
      expect(inList.status).toBe(409);
      expect(inList.body).toMatchObject({ code: 'MATCH_OVERRIDE_IN_LIST', details: { currentState: 'RECOMMENDED' } });
    });

    it('refuses to pick a candidate a hard constraint removes, naming the rule', async () => {
      const ranked = await http('POST', `${m.api}/matching/rank`, { token: district, body: need });
      const res = await http('POST', `${m.api}/matching/runs/${ranked.body.runId}/overrides`, {
        token: district,
        body: { candidateId: ids.suspended, reason: '该团队此前服务过本企业' },
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('MATCH_OVERRIDE_EXCLUDED');
      expect(res.body.details.violations[0].rule).toBe('SUSPENDED');
      const noReason = await http('POST', `${m.api}/matching/runs/${ranked.body.runId}/overrides`, {
        token: district,
        body: { candidateId: ids.sales, reason: '好' },
      });
      expect(noReason).toMatchObject({ status: 400, body: { details: { field: 'reason' } } });
      const otherDistrict = await http('POST', `${m.api}/matching/runs/${ranked.body.runId}/overrides`, {
        token: await mintToken(principals.otherDistrict),
        body: { candidateId: ids.sales, reason: '越权选择其他区县的匹配结果' },
      });
      expect(otherDistrict.status).toBe(404);
    });

    it('lets a district rank only for its own district', async () => {
      const res = await http('POST', `${m.api}/matching/rank`, { token: district, body: { ...need, districtCode: '500106' } });
      expect(res).toMatchObject({ status: 403, body: { code: 'MATCH_DISTRICT_FORBIDDEN', details: { field: 'districtCode' } } });
    });

    it('keeps the bureau’s expert rankings from the district office, even for a need in its district', async () => {
      const experts = await http('POST', `${m.api}/matching/rank`, { token: bureau, body: { ...need, wants: 'expert', districtCode: '500112' } });
      expect(experts.status).toBe(200);
      expect((await http('GET', `${m.api}/matching/runs/${experts.body.runId}`, { token: district })).status).toBe(404);
      const pick = await http('POST', `${m.api}/matching/runs/${experts.body.runId}/overrides`, {
        token: district,
        body: { candidateId: ids.casting, reason: '区县越权查看专家匹配' },
      });
      expect(pick.status).toBe(404);
      expect((await http('GET', `${m.api}/matching/runs/${experts.body.runId}`, { token: bureau })).status).toBe(200);
    });
  });

  describe('batch assignment as a background job', () => {
    const items = [
      { id: 'order-1', title: '压铸件气孔', text: '铸件一加工就冒小坑，打压还漏' },
      { id: 'order-2', title: '缩松缺陷', text: '铝合金压铸件缩松缺陷，气密性不合格' },
      { id: 'order-3', title: '猪场臭味', text: '猪场味道太大，周边投诉' },
    ];

    async function finished(id: string, token = district) {
      return eventually(async () => {
        const res = await http('GET', `${m.api}/matching/assignments/${id}`, { token });
        expect(res.status).toBe(200);
        expect(['COMPLETED', 'INFEASIBLE', 'FAILED']).toContain(res.body.status);
        return res.body;
      }, 30_000);
    }

    it('accepts the batch, reports progress, and returns the optimal assignment beside greedy with explanations', async () => {
      const accepted = await http('POST', `${m.api}/matching/assignments`, { token: district, body: { wants: 'team', items, k: 1, maxLoad: 1 } });
      expect(accepted.status).toBe(202);
      expect(accepted.body).toMatchObject({ status: 'QUEUED', progress: 0 });
      const run = await finished(accepted.body.id);
      expect(run).toMatchObject({ status: 'COMPLETED', progress: 100 });
      const byItem = Object.fromEntries(run.result.items.map((i: { itemId: string; assigned: { candidateId: string }[] }) => [i.itemId, i.assigned]));
      expect(byItem['order-3'].map((a: { candidateId: string }) => a.candidateId)).toEqual([ids.livestock]);
      expect(byItem['order-1']).toHaveLength(1);
      expect(byItem['order-1'][0].breakdown.length).toBeGreaterThan(0);
      const loads = run.result.loads.filter((l: { load: number }) => l.load > 1);
      expect(loads).toEqual([]);
      expect(run.result.optimal.totalAffinity).toBeGreaterThanOrEqual(run.result.greedy.totalAffinity);
      expect(run.result.optimal).toMatchObject({ assignedSlots: 3, demand: 3 });
      expect(run.config.weights.text).toBeGreaterThan(0);
    });

    it('explains quotas that cannot be met, and what to relax', async () => {
      const accepted = await http('POST', `${m.api}/matching/assignments`, {
        token: district,
        body: { wants: 'team', items, k: 3, maxLoad: 1, candidateIds: [ids.casting, ids.livestock] },
      });
      const run = await finished(accepted.body.id);
      expect(run.status).toBe('INFEASIBLE');
      const codes = run.result.feasibility.map((p: { code: string }) => p.code);
      expect(codes).toContain('DEMAND_EXCEEDS_CAPACITY');
      expect(run.result.feasibility[0].message).toMatch(/负荷上限合计 \d+ 低于需求 9/);
    });

    it('shows a team only its own assignments, and refuses a district another district’s items', async () => {
      const body = { wants: 'team', items: [items[0], items[2]], k: 1, candidateIds: [ids.casting, ids.livestock] };
      const accepted = await http('POST', `${m.api}/matching/assignments`, { token: district, body });
      const run = await finished(accepted.body.id);
      expect(run.status).toBe('COMPLETED');
      const mine = await http('GET', `${m.api}/matching/assignments/${accepted.body.id}`, { token: await mintToken(principals.team) });
      expect(mine.status).toBe(200);
      expect(mine.body).toEqual({
        id: accepted.body.id,
        status: 'COMPLETED',
        createdAt: expect.any(String),
        finishedAt: expect.any(String),
        assignments: [
          {
            itemId: 'order-1',
            title: items[0].title,
            candidateId: ids.casting,
            name: CASTING.name,
            affinity: expect.any(Number),
            breakdown: expect.any(Array),
            matchedTerms: expect.any(Array),
          },
        ],
      });
      // Nothing of the pool, the other item, the requester or the run's statistics.
      const seen = JSON.stringify(mine.body);
      for (const hidden of [ids.livestock, 'order-3', items[2].title, principals.district.sub, 'feasibility', 'candidateIds', 'optimal']) {
        expect(seen).not.toContain(hidden);
      }
      const pig = await http('GET', `${m.api}/matching/assignments/${accepted.body.id}`, { token: await mintToken({ ...principals.team, orgId: 'org-team-pig' }) });
      expect(pig.body.assignments.map((a: { itemId: string; candidateId: string }) => [a.itemId, a.candidateId])).toEqual([['order-3', ids.livestock]]);
      expect(JSON.stringify(pig.body)).not.toContain(ids.casting);
      for (const stranger of [principals.solver, principals.enterprise, principals.otherDistrict, { ...principals.team, orgId: 'org-team-sales' }]) {
        const res = await http('GET', `${m.api}/matching/assignments/${accepted.body.id}`, { token: await mintToken(stranger) });
        expect(res.status).toBe(404);
      }
      const foreign = await http('POST', `${m.api}/matching/assignments`, {
        token: district,
        body: { wants: 'team', items: [{ ...items[0], districtCode: '500106' }] },
      });
      expect(foreign).toMatchObject({ status: 403, body: { code: 'MATCH_DISTRICT_FORBIDDEN' } });
      const duplicate = await http('POST', `${m.api}/matching/assignments`, { token: district, body: { wants: 'team', items: [items[0], items[0]] } });
      expect(duplicate).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: { field: 'items' } } });
    });

    it('caps a batch’s size and the runs one office may have waiting, so nobody fills the shared queue', async () => {
      const tooMany = Array.from({ length: 2001 }, (_, i) => ({ id: `o-${i}`, text: '压铸件气孔' }));
      const big = await http('POST', `${m.api}/matching/assignments`, { token: district, body: { wants: 'team', items: tooMany } });
      expect(big).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: { field: 'items' } } });
      const queue = m.app.get(AssignmentQueue).queue;
      await queue.pause();
      try {
        const body = { wants: 'team', items: [items[0]], k: 1 };
        for (let i = 0; i < 3; i++) expect((await http('POST', `${m.api}/matching/assignments`, { token: bureau, body })).status).toBe(202);
        const full = await http('POST', `${m.api}/matching/assignments`, { token: bureau, body });
        expect(full).toMatchObject({ status: 409, body: { code: 'ASSIGNMENT_QUEUE_FULL', details: { currentState: 'QUEUE_FULL' } } });
        expect((await http('POST', `${m.api}/matching/assignments`, { token: district, body })).status).toBe(202);
      } finally {
        await queue.resume();
      }
      await eventually(async () => expect(await query(m.database, `SELECT 1 FROM assignment_runs WHERE status IN ('QUEUED', 'RUNNING')`)).toEqual([]), 30_000);
    });

    it('gives up a run that was started too often (a worker that keeps crashing) instead of re-arming it forever', async () => {
      const accepted = await http('POST', `${m.api}/matching/assignments`, { token: district, body: { wants: 'team', items: [items[0]], k: 1 } });
      expect((await finished(accepted.body.id)).status).toBe('COMPLETED');
      // Runs as crashed workers leave them: RUNNING, with the attempts they made; the sweep finds them.
      const [worn, fresh] = [randomUUID(), randomUUID()];
      for (const [id, attempts] of [[worn, 3], [fresh, 1]] as const) {
        await query(
          m.database,
          `INSERT INTO assignment_runs (id, status, stage, progress, requested_by, requester_role, requester_org_id, district_code,
             request, config, attempts, started_at)
           SELECT $2, 'RUNNING', 'affinities', 30, requested_by, requester_role, requester_org_id, district_code, request, config, $3, now()
             FROM assignment_runs WHERE id = $1`,
          [accepted.body.id, id, attempts],
        );
      }
      const gaveUp = await finished(worn);
      expect(gaveUp).toMatchObject({ status: 'FAILED', attempts: 4, error: { message: expect.stringContaining('已启动 3 次均未完成') } });
      expect(await finished(fresh)).toMatchObject({ status: 'COMPLETED', attempts: 2 });
    });

    it('rides out a transient database error on a progress write and on the result write', async () => {
      // A real serialization failure (SQLSTATE 40001), raised by Postgres the first time each of the two writes is tried.
      await query(
        m.database,
        `CREATE SEQUENCE flaky_solving; CREATE SEQUENCE flaky_done;
         CREATE FUNCTION flaky_write() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF NEW.stage IN ('solving', 'done') THEN
             IF nextval(CASE NEW.stage WHEN 'solving' THEN 'flaky_solving' ELSE 'flaky_done' END) = 1 THEN
               RAISE EXCEPTION 'could not serialize access (test)' USING ERRCODE = '40001';
             END IF;
           END IF;
           RETURN NEW;
         END $$;
         CREATE TRIGGER flaky BEFORE UPDATE ON assignment_runs FOR EACH ROW
           WHEN (NEW.request -> 'items' -> 0 ->> 'id' = 'flaky-1') EXECUTE FUNCTION flaky_write();`,
      );
      try {
        const body = { wants: 'team', items: [{ ...items[0], id: 'flaky-1' }], k: 1 };
        const accepted = await http('POST', `${m.api}/matching/assignments`, { token: district, body });
        expect(await finished(accepted.body.id)).toMatchObject({ status: 'COMPLETED', progress: 100, attempts: 1 });
        const [tries] = await query<{ solving: string; done: string }>(
          m.database,
          `SELECT (SELECT last_value FROM flaky_solving) AS solving, (SELECT last_value FROM flaky_done) AS done`,
        );
        expect([Number(tries.solving), Number(tries.done)]).toEqual([2, 2]);
      } finally {
        await query(m.database, `DROP TRIGGER flaky ON assignment_runs; DROP FUNCTION flaky_write(); DROP SEQUENCE flaky_solving, flaky_done`);
      }
    });
  });

  describe('retention', () => {
    it('purges ranking and finished batch runs past the retention, keeping overridden rankings and open batches', async () => {
      const ranked = await http('POST', `${m.api}/matching/rank`, { token: district, body: { text: '压铸件气孔', wants: 'team' } });
      const [old, overridden, recent] = [randomUUID(), randomUUID(), ranked.body.runId];
      const copyRun = `INSERT INTO match_runs (id, subject_type, subject_id, requested_by, requester_role, requester_org_id, district_code, need, config, result, created_at)
           SELECT $2, subject_type, subject_id, requested_by, requester_role, requester_org_id, district_code, need, config, result, now() - interval '91 days'
             FROM match_runs WHERE id = $1`;
      await query(m.database, copyRun, [recent, old]);
      // The overridden run and its override in one statement: the purge running every 300 ms never sees it bare.
      await query(
        m.database,
        `WITH run AS (${copyRun} RETURNING id)
         INSERT INTO match_overrides (id, run_id, candidate_id, reason, score, would_rank, breakdown, actor_id, actor_role, actor_org_id, at)
         SELECT $3, run.id, $4, '保留审计记录', 0.5, 2, '[]', 'u', 'district', 'org', now() FROM run`,
        [recent, overridden, randomUUID(), ids.casting],
      );
      const [doneOld, openOld] = [randomUUID(), randomUUID()];
      for (const [id, status, finished] of [[doneOld, 'COMPLETED', `now() - interval '91 days'`], [openOld, 'QUEUED', 'NULL']] as const) {
        await query(
          m.database,
          `INSERT INTO assignment_runs (id, status, stage, progress, requested_by, requester_role, requester_org_id, request, config, attempts, created_at, finished_at)
           VALUES ($1, '${status}', 'done', 100, 'u', 'district', 'org-retention', '{"wants":"team","items":[]}', '{}', 9, now() - interval '91 days', ${finished})`,
          [id],
        );
      }
      await eventually(async () => {
        const runs = await query<{ id: string }>(m.database, 'SELECT id FROM match_runs WHERE id = ANY($1::uuid[])', [[old, overridden, recent]]);
        expect(runs.map((r) => r.id).sort()).toEqual([overridden, recent].sort());
        const batches = await query<{ id: string }>(m.database, 'SELECT id FROM assignment_runs WHERE id = ANY($1::uuid[])', [[doneOld, openOld]]);
        expect(batches.map((r) => r.id)).toEqual([openOld]);
      });
    });
  });
});
