import { parseTimerDelay, startSlaClock, type SlaClock } from '@jiebang/timers';
import { DomainError } from '@jiebang/contracts';
import { accept, cancel, queue, reject, returnToEnterprise, type DispatchState } from './dispatch.domain';
import { acceptOffer, declineOffer, expireOffer, pendingOffer, recommend, type OfferPlan } from './dispatch-offer.domain';
import {
  deliver,
  flagDistrictOverdue,
  flagServiceOverdue,
  flagServiceOverdueToBureau,
  logService,
  resumeAfterDispute,
  resumeService,
  startService,
  waitForEnterprise,
} from './dispatch-service.domain';
import { DISTRICT, districtDue, ORDER, queued, SYSTEM, team, teamActor } from '../testing/dispatch-fixtures';

const now = new Date('2026-03-02T03:00:00Z');
let ids = 0;
const plan = (excluded: [string, string][] = [], dueAt = new Date('2026-03-05T16:00:00Z'), districtDueAt = new Date('2026-03-06T16:00:00Z')): OfferPlan => ({
  newOfferId: () => `offer-${++ids}`,
  dueAt,
  districtDueAt,
  excluded: new Map(excluded),
});
const grace = (at: Date) => startSlaClock(parseTimerDelay('2wd'), at) as SlaClock & { status: 'RUNNING' };
const rec = (teams = [team(1), team(2)], alternates = [team(3)]) => ({ runId: 'run-1', teams, alternates, overrides: [] });
const running = (at = now) => startSlaClock(parseTimerDelay('10wd'), at) as SlaClock & { status: 'RUNNING' };

function offered(): DispatchState {
  return recommend(accept(queued(), DISTRICT, now).state, rec(), plan(), DISTRICT, now).state;
}
function serving(): DispatchState {
  const accepted = acceptOffer(offered(), team(1).profileId, running(), teamActor(team(1)), now).state;
  return startService(accepted, team(1).profileId, teamActor(team(1)), now).state;
}
function conflict(fn: () => unknown, currentState: string) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).kind).toBe('conflict');
    expect((e as DomainError).details?.currentState).toBe(currentState);
    return;
  }
  throw new Error('expected a conflict');
}

describe('dispatch: the district queue', () => {
  it('queues a new order, ignores it again, and requeues it once returned and resubmitted', () => {
    const state = queued();
    expect(state).toMatchObject({ status: 'QUEUED', version: 0, offers: [] });
    expect(queue(state, state.id, ORDER, now, DISTRICT, districtDue(now))).toBeNull();
    const returned = returnToEnterprise(state, '请补充果园面积', DISTRICT, now);
    expect(returned.state).toMatchObject({ status: 'RETURNED', districtDueAt: null });
    expect(returned.facts).toEqual([{ type: 'returned', reason: '请补充果园面积', sequence: 1, at: now }]);
    const again = queue(returned.state, state.id, { ...ORDER, description: '补充：果园 200 亩' }, now, DISTRICT, districtDue(now))!;
    expect(again.state).toMatchObject({ status: 'QUEUED', version: 1, order: { description: '补充：果园 200 亩' }, districtDueAt: districtDue(now) });
    expect(again.transitions[0]).toMatchObject({ from: 'RETURNED', to: 'QUEUED' });
  });

  it('accepts or rejects only a queued order', () => {
    const accepted = accept(queued(), DISTRICT, now);
    expect(accepted.state.status).toBe('DISTRICT_ACCEPTED');
    expect(accepted.facts.map((f) => f.type)).toEqual(['accepted']);
    expect(reject(queued(), '不属于服务范围', DISTRICT, now).state.status).toBe('REJECTED');
    conflict(() => accept(accepted.state, DISTRICT, now), 'DISTRICT_ACCEPTED');
    conflict(() => reject(accepted.state, 'x', DISTRICT, now), 'DISTRICT_ACCEPTED');
    conflict(() => returnToEnterprise(accepted.state, 'x', DISTRICT, now), 'DISTRICT_ACCEPTED');
  });
});

describe('dispatch: recommendation and offers', () => {
  it('recommends and offers the first team at once', () => {
    const step = recommend(accept(queued(), DISTRICT, now).state, rec(), plan(), DISTRICT, now);
    expect(step.state.status).toBe('OFFERED');
    expect(step.transitions.map((t) => t.to)).toEqual(['RECOMMENDED', 'OFFERED']);
    expect(step.facts.map((f) => [f.type, f.sequence])).toEqual([['recommended', 2], ['offered', 3]]);
    expect(pendingOffer(step.state)).toMatchObject({ team: team(1), attempt: 1, status: 'PENDING' });
  });

  it('refuses an excluded or duplicated team, and a recommendation before acceptance', () => {
    const accepted = accept(queued(), DISTRICT, now).state;
    expect(() => recommend(accepted, rec(), plan([[team(3).profileId, '回避']]), DISTRICT, now)).toThrow(
      expect.objectContaining({ kind: 'validation', details: expect.objectContaining({ field: 'alternates' }) }),
    );
    expect(() => recommend(accepted, rec([team(1), team(1)], []), plan(), DISTRICT, now)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'teamIds' }) }),
    );
    conflict(() => recommend(queued(), rec(), plan(), DISTRICT, now), 'QUEUED');
  });

  it('moves a declined offer to the next team, skipping one excluded meanwhile', () => {
    const step = declineOffer(offered(), team(1).profileId, '人手不足', plan([[team(2).profileId, '已满负荷']]), teamActor(team(1)), now);
    expect(step.facts.map((f) => f.type)).toEqual(['offer-declined', 'offered']);
    expect(pendingOffer(step.state)?.team).toEqual(team(3));
    expect(step.transitions.some((t) => t.reason?.includes('已满负荷'))).toBe(true);
  });

  it('lets an expired offer lapse once, and goes back to the district when no team is left', () => {
    let state = offered();
    const due = pendingOffer(state)!.dueAt;
    expect(expireOffer(state, new Date(due.getTime() - 1), plan(), SYSTEM)).toBeNull();
    for (const expected of [team(2), team(3)]) {
      state = expireOffer(state, due, plan(), SYSTEM)!.state;
      expect(pendingOffer(state)?.team).toEqual(expected);
    }
    const last = expireOffer(state, due, plan(), SYSTEM)!;
    expect(last.state.status).toBe('DISTRICT_ACCEPTED');
    expect(last.facts.at(-1)).toMatchObject({ type: 'escalated', level: 'district', reason: 'no-team-left', team: null, dueAt: null });
    expect(expireOffer(last.state, due, plan(), SYSTEM)).toBeNull();
  });

  it('accepts only for the offered team, once, raising its load', () => {
    const state = offered();
    conflict(() => acceptOffer(state, team(2).profileId, running(), teamActor(team(2)), now), 'OFFERED');
    const step = acceptOffer(state, team(1).profileId, running(), teamActor(team(1)), now);
    expect(step.state).toMatchObject({ status: 'TEAM_ACCEPTED', team: team(1) });
    expect(step.load).toEqual({ team: team(1), delta: 1 });
    conflict(() => acceptOffer(step.state, team(1).profileId, running(), teamActor(team(1)), now), 'TEAM_ACCEPTED');
    conflict(() => declineOffer(step.state, team(1).profileId, 'x', plan(), teamActor(team(1)), now), 'TEAM_ACCEPTED');
    expect(expireOffer(step.state, new Date('2030-01-01'), plan(), SYSTEM)).toBeNull();
  });
});

describe('dispatch: service', () => {
  it('serves, logs, waits with the clock paused, resumes with the time left, and delivers lowering the load', () => {
    const state = serving();
    const t = teamActor(team(1));
    expect(logService(state, team(1).profileId, 'rec-1', t, now).facts[0]).toMatchObject({ type: 'service-logged', recordId: 'rec-1' });
    const waiting = waitForEnterprise(state, team(1).profileId, '等待企业提供土样', t, new Date('2026-03-03T04:00:00Z')).state;
    expect(waiting.serviceSla?.status).toBe('PAUSED');
    conflict(() => logService(waiting, team(1).profileId, 'rec-2', t, now), 'WAITING_ENTERPRISE');
    conflict(() => deliver(waiting, team(1).profileId, '交付', t, now), 'WAITING_ENTERPRISE');
    const resumed = resumeService(waiting, team(1).profileId, t, new Date('2026-03-10T04:00:00Z'));
    const before = (state.serviceSla as { dueAt: Date }).dueAt;
    expect((resumed.state.serviceSla as { dueAt: Date }).dueAt.getTime()).toBeGreaterThan(before.getTime());
    const delivered = deliver(resumed.state, team(1).profileId, '完成诊断并提交防治方案', t, now);
    expect(delivered.state.status).toBe('DELIVERED');
    expect(delivered.load).toEqual({ team: team(1), delta: -1 });
    const back = resumeAfterDispute(delivered.state, '企业反映仍有病株', DISTRICT, now)!;
    expect(back.state.status).toBe('IN_SERVICE');
    expect(back.load).toEqual({ team: team(1), delta: 1 });
    expect(resumeAfterDispute(back.state, 'again', DISTRICT, now)).toBeNull();
  });

  it('refuses another team and the wrong steps', () => {
    const state = serving();
    conflict(() => deliver(state, team(2).profileId, '交付', teamActor(team(2)), now), 'IN_SERVICE');
    conflict(() => startService(state, team(1).profileId, teamActor(team(1)), now), 'IN_SERVICE');
    conflict(() => resumeService(state, team(1).profileId, teamActor(team(1)), now), 'IN_SERVICE');
  });

  it('cancels whatever the step, withdrawing a pending offer and lowering an accepted team’s load', () => {
    const withdrawn = cancel(offered(), '企业撤单', DISTRICT, now)!;
    expect(withdrawn.state.status).toBe('CANCELLED');
    expect(withdrawn.state.offers[0].status).toBe('WITHDRAWN');
    expect(withdrawn.load).toBeNull();
    expect(cancel(serving(), '区县撤单', DISTRICT, now)!.load).toEqual({ team: team(1), delta: -1 });
    expect(cancel(withdrawn.state, 'again', DISTRICT, now)).toBeNull();
  });
});

describe('dispatch: SLA escalations', () => {
  it('tells the bureau once when the district has not recommended in time', () => {
    const state = queued();
    const due = state.districtDueAt!;
    expect(flagDistrictOverdue(state, SYSTEM, new Date(due.getTime() - 1))).toBeNull();
    const step = flagDistrictOverdue(state, SYSTEM, due)!;
    expect(step.facts[0]).toMatchObject({ type: 'escalated', level: 'bureau', reason: 'district-overdue', dueAt: due });
    expect(flagDistrictOverdue(step.state, SYSTEM, due)).toBeNull();
    expect(offered().districtDueAt).toBeNull();
    expect(flagDistrictOverdue(offered(), SYSTEM, new Date('2030-01-01'))).toBeNull();
  });

  it('re-arms the district SLA when no team is left, so a second wait can be escalated again', () => {
    const breached = flagDistrictOverdue(accept(queued(), DISTRICT, now).state, SYSTEM, new Date('2026-03-06T00:00:00Z'))!.state;
    const later = new Date('2026-03-09T03:00:00Z');
    const lineup = recommend(breached, rec([team(1)], []), plan(), DISTRICT, later).state;
    const back = declineOffer(lineup, team(1).profileId, '人手不足', plan([], undefined, new Date('2026-03-12T16:00:00Z')), teamActor(team(1)), later);
    expect(back.state).toMatchObject({ status: 'DISTRICT_ACCEPTED', districtDueAt: new Date('2026-03-12T16:00:00Z'), districtOverdueAt: null });
    expect(flagDistrictOverdue(back.state, SYSTEM, new Date('2026-03-12T15:59:59Z'))).toBeNull();
    expect(flagDistrictOverdue(back.state, SYSTEM, new Date('2026-03-12T16:00:00Z'))!.facts[0]).toMatchObject({ level: 'bureau', reason: 'district-overdue' });
  });

  it('tells the district when service is overdue, then the bureau after the grace', () => {
    const state = serving();
    const due = (state.serviceSla as { dueAt: Date }).dueAt;
    expect(flagServiceOverdue(state, grace(due), SYSTEM, new Date(due.getTime() - 1))).toBeNull();
    expect(flagServiceOverdueToBureau(state, SYSTEM, due)).toBeNull();
    const district = flagServiceOverdue(state, grace(due), SYSTEM, due)!;
    expect(district.facts[0]).toMatchObject({ level: 'district', reason: 'service-overdue', team: team(1), dueAt: due });
    expect(district.state.graceSla).toEqual(grace(due));
    expect(flagServiceOverdue(district.state, grace(due), SYSTEM, due)).toBeNull();
    const graceDue = (district.state.graceSla as { dueAt: Date }).dueAt;
    expect(flagServiceOverdueToBureau(district.state, SYSTEM, new Date(graceDue.getTime() - 1))).toBeNull();
    const bureau = flagServiceOverdueToBureau(district.state, SYSTEM, graceDue)!;
    expect(bureau.facts[0]).toMatchObject({ level: 'bureau', reason: 'service-overdue' });
    expect(flagServiceOverdueToBureau(bureau.state, SYSTEM, graceDue)).toBeNull();
  });

  it('stops the grace while the team waits on the enterprise and runs it on with what was left', () => {
    const state = serving();
    const due = (state.serviceSla as { dueAt: Date }).dueAt; // Tue 17 Mar 2026, 24:00 China time
    const district = flagServiceOverdue(state, grace(due), SYSTEM, due)!.state;
    const graceDue = (district.graceSla as { dueAt: Date }).dueAt;
    const t = teamActor(team(1));
    // Paused a day into the grace (Wed 18 Mar), for a week: the bureau is not told while waiting, nor at the old due.
    const pausedAt = new Date(due.getTime() + 86_400_000);
    const waiting = waitForEnterprise(district, team(1).profileId, '等待企业停机', t, pausedAt).state;
    expect(waiting.graceSla).toMatchObject({ status: 'PAUSED', remainingMs: graceDue.getTime() - pausedAt.getTime() });
    expect(flagServiceOverdueToBureau(waiting, SYSTEM, new Date('2030-01-01'))).toBeNull();
    const resumedAt = new Date(pausedAt.getTime() + 7 * 86_400_000);
    const resumed = resumeService(waiting, team(1).profileId, t, resumedAt).state;
    const newDue = (resumed.graceSla as { dueAt: Date }).dueAt;
    expect(newDue.getTime()).toBeGreaterThan(graceDue.getTime());
    expect(flagServiceOverdueToBureau(resumed, SYSTEM, graceDue)).toBeNull();
    expect(flagServiceOverdueToBureau(resumed, SYSTEM, newDue)!.facts[0]).toMatchObject({ level: 'bureau' });
  });

  it('does not flag a paused clock', () => {
    const waiting = waitForEnterprise(serving(), team(1).profileId, '等待', teamActor(team(1)), now).state;
    expect(flagServiceOverdue(waiting, grace(now), SYSTEM, new Date('2030-01-01'))).toBeNull();
  });
});
