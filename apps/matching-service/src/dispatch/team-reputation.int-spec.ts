import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STREAMS, type Envelope } from '@jiebang/contracts';
import { eventually, http, mintToken, principals, produceRaw, query } from '@jiebang/testing';
import { startMatching, type MatchingTestApp } from '../testing/matching-app';
import { CASTING, putProfile } from '../testing/profiles';

const fixture = (name: string): Envelope =>
  JSON.parse(readFileSync(resolve(__dirname, `../../../../libs/contracts/fixtures/${name}.v1.json`), 'utf8'));

describe('team reputation fed by service-order ratings (real Kafka, Postgres)', () => {
  let m: MatchingTestApp;
  let district: string;
  const teams: string[] = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    m = await startMatching();
    district = await mintToken(principals.district);
    const bureau = await mintToken(principals.bureau);
    // Two teams equal in everything the matcher weighs but their organisation.
    for (const [i, id] of teams.entries()) await putProfile(m.api, bureau, id, { ...CASTING, orgId: `org-team-equal-${i}`, orgName: '压铸服务团' });
  });

  afterAll(async () => {
    await m?.stop();
  });

  const ranking = async () => {
    const res = await http('POST', `${m.api}/matching/rank`, {
      token: district,
      body: { text: '铝合金压铸件气孔缺陷分析，高压铸造工艺优化', fields: ['light-metal'], wants: 'team', k: 10 },
    });
    expect(res.status).toBe(200);
    return (res.body.results as { candidateId: string; score: number }[]).filter((r) => teams.includes(r.candidateId));
  };
  const order = async () => (await ranking()).map((r) => r.candidateId);
  const scores = async () => Object.fromEntries((await ranking()).map((r) => [r.candidateId, r.score]));
  const send = async (event: Envelope) => {
    await produceRaw(m.namespace, STREAMS.serviceOrder.topic, [{ key: event.subject, value: JSON.stringify(event) }]);
    await eventually(async () => expect(await query(m.database, 'SELECT 1 FROM inbox WHERE event_id = $1', [event.id])).toHaveLength(1));
  };
  const rated = (profileId: string, stars: number) => {
    const base = fixture('service-order.rated');
    const data = base.data as Record<string, unknown>;
    return {
      ...base,
      id: randomUUID(),
      subject: randomUUID(),
      time: new Date().toISOString(),
      data: {
        ...data,
        ratingId: randomUUID(),
        team: { profileId, orgId: 'org-team-equal', name: '压铸服务团' },
        scores: { response: stars, expertise: stars, effect: stars, attitude: stars === 5 ? 4 : stars },
        ratedAt: new Date().toISOString(),
      },
    } as Envelope<string, { ratingId: string; team: { profileId: string } }>;
  };
  const voided = (r: ReturnType<typeof rated>) => {
    const base = fixture('service-order.rating-voided');
    return {
      ...base,
      id: randomUUID(),
      subject: r.subject,
      time: new Date().toISOString(),
      data: { ...(base.data as object), ratingId: r.data.ratingId, team: r.data.team, voidedAt: new Date().toISOString() },
    } as Envelope;
  };

  it('swaps two equal teams after ratings, counts a redelivered rating once, and forgets a voided one', async () => {
    const before = await scores();
    const [first, second] = await order();
    expect(before[first]).toBe(before[second]);
    const good = rated(second, 5);
    const poor = rated(first, 1);
    await send(good);
    await send(good); // redelivered: the inbox drops it
    await send({ ...good, id: randomUUID() }); // the same rating as a new event: counted once all the same
    await send(poor);
    expect(await query(m.database, 'SELECT score, order_id FROM candidate_ratings WHERE rating_id = $1', [good.data.ratingId])).toEqual([
      { score: 4.75, order_id: good.subject },
    ]);
    await eventually(async () => expect(await order()).toEqual([second, first]));
    expect(await query(m.database, `SELECT 1 FROM outbox WHERE type = 'profile.rated'`)).toEqual([]);

    await send(voided(good));
    await send(voided(poor));
    expect(await query(m.database, 'SELECT count(*)::int AS n FROM candidate_ratings WHERE voided_at IS NOT NULL AND profile_id = ANY($1)', [teams])).toEqual([{ n: 2 }]);
    // Back to equals, as before any rating (which of two equal teams comes first is not the ratings' doing).
    await eventually(async () => expect(await scores()).toEqual(before));
  });
});
