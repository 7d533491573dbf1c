import { http, mintToken, principals, query } from '@jiebang/testing';
import { addWorkingTime } from '@jiebang/timers';
import { startMatching, type MatchingTestApp } from '../testing/matching-app';
import { castingTeams, offerTo, submitOrder } from '../testing/dispatch-int';

const DAY = 86_400_000;

/**
 * The district queue sorted by SLA urgency in SQL: remaining working time (holidays and weekends cost nothing), not
 * calendar time, one page at a time, scoped to the caller. The clocks are set on the rows directly so the expected
 * order does not depend on the day the test runs.
 */
describe('dispatch list: one SQL page sorted by remaining working time (real Postgres)', () => {
  let m: MatchingTestApp;
  let district: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    m = await startMatching();
    district = await mintToken(principals.district);
    for (const name of ['far', 'overdue', 'moreOverdue', 'working6', 'paused7', 'offered']) ids[name] = (await submitOrder(m)).id;
    const now = Date.now();
    const setDue = (id: string, at: Date) => query(m.database, 'UPDATE dispatches SET district_due_at = $2 WHERE id = $1', [id, at]);
    await setDue(ids.far, new Date(now + 40 * DAY));
    await setDue(ids.overdue, new Date(now - 3_600_000));
    await setDue(ids.moreOverdue, new Date(now - 7_200_000));
    // Six working days always span a weekend: more than 6 calendar days away, yet less urgent than 7 paused days is not.
    await setDue(ids.working6, addWorkingTime(new Date(now), 6 * DAY));
    await query(m.database, `UPDATE dispatches SET status = 'WAITING_ENTERPRISE', district_due_at = NULL, service_sla = $2 WHERE id = $1`, [
      ids.paused7,
      JSON.stringify({ status: 'PAUSED', basis: 'working-days', remainingMs: 7 * DAY }),
    ]);
    const teams = await castingTeams(m, await mintToken(principals.bureau));
    await offerTo(m, district, ids.offered, [teams[0].id]); // OFFERED: no SLA runs, last
  });

  afterAll(async () => {
    await m?.stop();
  });

  const list = async (token: string, qs: string) => {
    const res = await http('GET', `${m.api}/dispatches?${qs}`, { token });
    expect(res.status).toBe(200);
    return res.body as { items: { id: string; sla: { remainingWorkingDays: number } | null }[]; total: number };
  };

  it('puts the most overdue first, then the least working time left, paused and running alike, no clock last', async () => {
    const page = await list(district, 'sort=sla&pageSize=100');
    expect(page.items.map((d) => d.id)).toEqual([ids.moreOverdue, ids.overdue, ids.working6, ids.paused7, ids.far, ids.offered]);
    expect(page.total).toBe(6);
    const left = page.items.map((d) => d.sla?.remainingWorkingDays ?? Infinity);
    expect(left).toEqual([...left].sort((a, b) => a - b));
    expect(page.items[0].sla?.remainingWorkingDays).toBe(0);
  });

  it('pages in the database: each page continues the order, the total counts all, a page past the end is empty', async () => {
    const pages = [await list(district, 'sort=sla&pageSize=4&page=1'), await list(district, 'sort=sla&pageSize=4&page=2')];
    expect(pages.map((p) => p.items.length)).toEqual([4, 2]);
    expect(pages.flatMap((p) => p.items.map((d) => d.id))).toEqual([ids.moreOverdue, ids.overdue, ids.working6, ids.paused7, ids.far, ids.offered]);
    expect(pages.map((p) => p.total)).toEqual([6, 6]);
    expect(await list(district, 'sort=sla&pageSize=4&page=3')).toEqual({ items: [], total: 6 });
    const waiting = await list(district, 'sort=sla&status=WAITING_ENTERPRISE');
    expect([waiting.items.map((d) => d.id), waiting.total]).toEqual([[ids.paused7], 1]);
    const recent = await list(district, 'sort=recent&pageSize=100');
    expect(recent.items.map((d) => d.id)).toEqual(Object.values(ids).reverse());
  });

  it('stays within the caller: another district sees none, a team only what it was offered and its own offers', async () => {
    expect(await list(await mintToken(principals.otherDistrict), 'sort=sla')).toEqual({ items: [], total: 0 });
    const [offer] = await query<{ team_org_id: string }>(m.database, 'SELECT team_org_id FROM dispatch_offers WHERE dispatch_id = $1', [ids.offered]);
    const team = await mintToken({ ...principals.team, sub: 'u-team-list', orgId: offer.team_org_id });
    const mine = await list(team, 'sort=sla');
    expect(mine.items.map((d) => d.id)).toEqual([ids.offered]);
    expect((mine.items[0] as unknown as { offers: { team: { orgId: string } }[] }).offers.map((o) => o.team.orgId)).toEqual([offer.team_org_id]);
    expect(await list(await mintToken({ ...principals.team, sub: 'u-team-none', orgId: 'org-team-none' }), '')).toEqual({ items: [], total: 0 });
  });
});
