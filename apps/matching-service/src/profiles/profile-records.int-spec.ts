import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STREAMS } from '@jiebang/contracts';
import { eventually, http, mintToken, principals, produceRaw, query } from '@jiebang/testing';
import { startMatching, type MatchingTestApp } from '../testing/matching-app';
import { CASTING, putProfile } from '../testing/profiles';

const fixture = (type: string) => JSON.parse(readFileSync(resolve(__dirname, `../../../../libs/contracts/fixtures/${type}.v1.json`), 'utf8'));

/** A finished 揭榜挂帅 project joins the solver's past work, once, and ranking weighs it (real Postgres, Kafka, Redis). */
describe('project endings recorded on the solver profile (real Postgres, Kafka, Redis)', () => {
  let m: MatchingTestApp;
  let bureau: string;
  let district: string;
  const ids = { recorded: randomUUID(), twin: randomUUID() };
  const TITLE = '页岩气压裂返排液低成本处理与回用技术';
  const need = { text: '页岩气压裂返排液处理与回用', wants: 'team', k: 5, enterpriseOrgId: 'org-ent-yujiang-alu' };

  beforeAll(async () => {
    m = await startMatching();
    bureau = await mintToken(principals.bureau);
    district = await mintToken(principals.district);
    // Twins: the same text, so only the record can tell them apart.
    await putProfile(m.api, bureau, ids.recorded, { ...CASTING, orgId: 'org-team-recorded', name: '压铸工艺特派员团甲' });
    await putProfile(m.api, bureau, ids.twin, { ...CASTING, orgId: 'org-team-twin', name: '压铸工艺特派员团乙' });
  });

  afterAll(async () => {
    await m?.stop();
  });

  async function projectEnded(type: 'project.closed' | 'project.terminated', projectId: string, id = randomUUID()) {
    const f = fixture(type);
    const event = { ...f, id, subject: projectId, data: { ...f.data, title: TITLE, profileId: ids.recorded, solverOrgId: 'org-team-recorded', solverRole: 'team' } };
    await produceRaw(m.namespace, STREAMS.project.topic, [{ key: projectId, value: JSON.stringify(event) }]);
    return event;
  }

  const textScore = (body: any, id: string) => body.results.find((r: any) => r.candidateId === id)?.breakdown.find((f: any) => f.factor === 'text')?.value ?? 0;

  it('records project.closed once (a redelivery or re-drive is a no-op), and ranking now weighs it as past work', async () => {
    const before = await http('POST', `${m.api}/matching/rank`, { token: district, body: need });
    expect(before.status).toBe(200);
    expect(textScore(before.body, ids.recorded)).toBe(textScore(before.body, ids.twin));

    const projectId = randomUUID();
    const closed = await projectEnded('project.closed', projectId);
    await eventually(async () => expect(await query(m.database, 'SELECT 1 FROM profile_records WHERE project_id = $1', [projectId])).toHaveLength(1));
    await projectEnded('project.closed', projectId, closed.id); // the same event again
    await projectEnded('project.closed', projectId); // a re-drive under a new id
    const marker = randomUUID();
    await projectEnded('project.terminated', marker);
    await eventually(async () => expect(await query(m.database, 'SELECT 1 FROM profile_records WHERE project_id = $1', [marker])).toHaveLength(1));
    const rows = await query<{ outcome: string; challenge_title: string }>(m.database, 'SELECT outcome, challenge_title FROM profile_records WHERE profile_id = $1 ORDER BY ended_at', [ids.recorded]);
    expect(rows.map((r) => r.outcome).sort()).toEqual(['CLOSED', 'TERMINATED']);
    expect(rows.every((r) => r.challenge_title === TITLE)).toBe(true);

    const after = await eventually(async () => {
      const res = await http('POST', `${m.api}/matching/rank`, { token: district, body: need });
      expect(textScore(res.body, ids.recorded)).toBeGreaterThan(textScore(res.body, ids.twin));
      return res.body;
    });
    expect(after.results[0].candidateId).toBe(ids.recorded);
  });

  it('keeps the records in the analysed past work when the owner edits the profile', async () => {
    await putProfile(m.api, bureau, ids.recorded, { ...CASTING, orgId: 'org-team-recorded', name: '压铸工艺特派员团甲', pastWork: ['某车企壳体压铸'] });
    const res = await http('POST', `${m.api}/matching/rank`, { token: district, body: need });
    expect(textScore(res.body, ids.recorded)).toBeGreaterThan(textScore(res.body, ids.twin));
  });

  it('a project of an unknown profile is not recorded', async () => {
    const projectId = randomUUID();
    const f = fixture('project.terminated');
    const event = { ...f, id: randomUUID(), subject: projectId, data: { ...f.data, profileId: randomUUID() } };
    await produceRaw(m.namespace, STREAMS.project.topic, [{ key: projectId, value: JSON.stringify(event) }]);
    await eventually(async () => expect(await query(m.database, 'SELECT 1 FROM inbox WHERE event_id = $1', [event.id])).toHaveLength(1));
    expect(await query(m.database, 'SELECT 1 FROM profile_records WHERE project_id = $1', [projectId])).toHaveLength(0);
  });
});
