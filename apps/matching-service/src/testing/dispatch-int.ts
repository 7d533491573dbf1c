import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STREAMS, type Envelope } from '@jiebang/contracts';
import { eventually, http, produceRaw, query } from '@jiebang/testing';
import type { MatchingTestApp } from './matching-app';
import { CASTING, putProfile } from './profiles';

const fixture = (name: string): Envelope =>
  JSON.parse(readFileSync(resolve(__dirname, `../../../../libs/contracts/fixtures/${name}.v1.json`), 'utf8'));

/** Three casting teams of different organisations, none related to the ordering enterprise. */
export async function castingTeams(m: MatchingTestApp, bureau: string) {
  const teams = [1, 2, 3].map((n) => ({ id: randomUUID(), orgId: `org-team-casting-${n}-${randomUUID().slice(0, 8)}` }));
  for (const [i, t] of teams.entries()) {
    await putProfile(m.api, bureau, t.id, { ...CASTING, orgId: t.orgId, orgName: `压铸服务团${i + 1}`, name: `轻合金压铸特派员团${i + 1}` });
  }
  return teams;
}

/** The enterprise of `principals.enterprise` orders casting help from district 500112 (as challenge-service publishes it). */
export async function submitOrder(m: MatchingTestApp, opts: { id?: string; sequence?: number; urgency?: string; relatedOrgIds?: string[] } = {}) {
  const id = opts.id ?? randomUUID();
  const base = fixture('service-order.submitted');
  const event = {
    ...base,
    id: randomUUID(),
    subject: id,
    sequence: opts.sequence ?? 2,
    time: new Date().toISOString(),
    data: {
      ...(base.data as object),
      title: '铝合金压铸件气孔缺陷分析',
      description: '压铸件出现气孔与缩松，气密性检测不合格，需要高压铸造工艺优化',
      fields: ['light-metal'],
      urgency: opts.urgency ?? 'NORMAL',
      enterpriseOrgId: 'org-ent-yujiang-alu',
      enterpriseName: '重庆渝江铝业压铸有限公司',
      districtCode: '500112',
      relatedOrgIds: opts.relatedOrgIds ?? [],
      submittedAt: new Date().toISOString(),
    },
  };
  await produceRaw(m.namespace, STREAMS.serviceOrder.topic, [{ key: id, value: JSON.stringify(event) }]);
  await eventually(async () => expect(await query(m.database, 'SELECT 1 FROM inbox WHERE event_id = $1', [event.id])).toHaveLength(1));
  return { id, event };
}

/** Accept, rank and recommend the given teams in order: the first one is offered the order. */
export async function offerTo(m: MatchingTestApp, district: string, id: string, teamIds: string[]) {
  expect((await http('POST', `${m.api}/dispatches/${id}/accept`, { token: district })).status).toBe(200);
  const ranking = await http('POST', `${m.api}/dispatches/${id}/ranking`, { token: district, body: {} });
  expect(ranking.status).toBe(200);
  const ranked = new Set(ranking.body.results.map((r: { candidateId: string }) => r.candidateId));
  const overrides = teamIds.filter((t) => !ranked.has(t)).map((candidateId) => ({ candidateId, reason: '该团队熟悉企业现场情况' }));
  const res = await http('POST', `${m.api}/dispatches/${id}/recommendation`, {
    token: district,
    body: { runId: ranking.body.runId, teamIds, alternates: [], overrides },
  });
  expect(res.status).toBe(200);
  return res.body;
}

export const events = (m: MatchingTestApp, subject: string) =>
  query<{ type: string; envelope: Envelope }>(m.database, `SELECT type, envelope FROM outbox WHERE key = $1 ORDER BY position`, [subject]);
