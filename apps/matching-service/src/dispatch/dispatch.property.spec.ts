import fc from 'fast-check';
import { DomainError } from '@jiebang/contracts';
import { parseTimerDelay, startSlaClock, type SlaClock } from '@jiebang/timers';
import { accept, cancel, DISPATCH_STATES, queue, reject, returnToEnterprise, type DispatchState, type Step } from './dispatch.domain';
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
import { DISTRICT, ORDER, queued, SYSTEM, team, teamActor } from '../testing/dispatch-fixtures';

const TEAMS = [1, 2, 3, 4, 5].map(team);
const teamArb = fc.integer({ min: 0, max: TEAMS.length - 1 });
const exclusionsArb = fc.subarray(TEAMS.map((t) => t.profileId));
/** The acting team: -1 is the one the order is offered to or served by (so work gets done), else any team. */
const actingArb = fc.oneof({ arbitrary: fc.constant(-1), weight: 3 }, { arbitrary: teamArb, weight: 2 });

/** Weighted so that sequences often get through recommendation, acceptance and service to delivery. */
const commandArb = fc.oneof(
  { arbitrary: fc.constant({ kind: 'accept' as const }), weight: 3 },
  { arbitrary: fc.constant({ kind: 'return' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'resubmit' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'reject' as const }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('recommend' as const), teams: fc.uniqueArray(teamArb, { minLength: 1, maxLength: 5 }), excluded: fc.subarray(TEAMS.map((t) => t.profileId), { maxLength: 1 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('acceptOffer' as const), team: actingArb }), weight: 8 },
  { arbitrary: fc.record({ kind: fc.constant('decline' as const), team: actingArb, excluded: exclusionsArb }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('expire' as const), excluded: exclusionsArb }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('start' as const), team: actingArb }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('log' as const), team: actingArb }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('wait' as const), team: actingArb }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('resume' as const), team: actingArb }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('deliver' as const), team: actingArb }), weight: 4 },
  { arbitrary: fc.constant({ kind: 'disputeResume' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'cancel' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'districtOverdue' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'serviceOverdue' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'bureauOverdue' as const }), weight: 1 },
);
type Command = typeof commandArb extends fc.Arbitrary<infer C> ? C : never;

const SERVING = new Set(['TEAM_ACCEPTED', 'IN_SERVICE', 'WAITING_ENTERPRISE']);

describe('dispatch: random command sequences (property)', () => {
  it('never hold two accepted offers, never offer an excluded team, and keep the open load consistent', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(commandArb, { minLength: 20, maxLength: 80 }), (commands) => {
        let clock = new Date('2026-03-02T02:00:00Z').getTime();
        let state: DispatchState = queued(new Date(clock));
        let facts = 0;
        let offerIds = 0;
        const load = new Map<string, number>();
        const excludedWhenOffered: string[] = [];

        for (const command of commands) {
          clock += 3_600_000;
          const now = new Date(clock);
          let excluded = new Set<string>();
          const plan = (ex: string[]): OfferPlan => {
            excluded = new Set(ex);
            return {
              newOfferId: () => `offer-${++offerIds}`,
              dueAt: new Date(clock + 1_000),
              districtDueAt: new Date(clock + 1_000),
              excluded: new Map(ex.map((id) => [id, '回避'])),
            };
          };
          const byTeam = (i: number) => {
            const t = i >= 0 ? TEAMS[i] : (pendingOffer(state)?.team ?? state.team ?? TEAMS[0]);
            return { id: t.profileId, actor: teamActor(t) };
          };
          let step: Step | null = null;
          try {
            step = run(command, state, now, plan, byTeam);
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            continue; // refused: nothing changed
          }
          if (!step) continue;
          const before = new Set(state.offers.map((o) => o.id));
          for (const offer of step.state.offers.filter((o) => !before.has(o.id))) {
            if (excluded.has(offer.team.profileId)) excludedWhenOffered.push(offer.team.profileId);
          }
          if (step.load) load.set(step.load.team.profileId, (load.get(step.load.team.profileId) ?? 0) + step.load.delta);
          facts += step.facts.length;
          expect(step.facts.map((f) => f.sequence)).toEqual(step.facts.map((_, i) => state.version + i + 1));
          state = step.state;
          reached.add(state.status);
          // The district's clock runs exactly while the order waits on the district; the grace never runs while waiting.
          if (state.districtDueAt) expect(['QUEUED', 'DISTRICT_ACCEPTED']).toContain(state.status);
          if (state.status === 'QUEUED') expect(state.districtDueAt).not.toBeNull();
          if (state.status === 'WAITING_ENTERPRISE' || state.status === 'DELIVERED') expect(state.graceSla?.status ?? 'PAUSED').toBe('PAUSED');
          clock += 2_000; // past the offer's due time, so an expiry can fire
        }

        expect(DISPATCH_STATES).toContain(state.status);
        expect(state.offers.filter((o) => o.status === 'ACCEPTED').length).toBeLessThanOrEqual(1);
        expect(state.offers.filter((o) => o.status === 'PENDING').length).toBe(state.status === 'OFFERED' ? 1 : 0);
        expect(excludedWhenOffered).toEqual([]);
        expect(state.version).toBe(facts);
        const carrying = [...load.entries()].filter(([, n]) => n !== 0);
        for (const [, n] of carrying) expect(n).toBe(1);
        const expected = SERVING.has(state.status) ? [state.team!.profileId] : [];
        expect(carrying.map(([id]) => id)).toEqual(expected);
      }),
      { numRuns: 300, seed: 7 },
    );
    // The sequences went the whole way, so the invariants above were checked where they matter.
    expect([...reached].sort()).toEqual(expect.arrayContaining(['OFFERED', 'TEAM_ACCEPTED', 'WAITING_ENTERPRISE', 'DELIVERED', 'CANCELLED']));
  });
});

function run(
  c: Command,
  state: DispatchState,
  now: Date,
  plan: (excluded: string[]) => OfferPlan,
  byTeam: (i: number) => { id: string; actor: ReturnType<typeof teamActor> },
): Step | null {
  switch (c.kind) {
    case 'accept':
      return accept(state, DISTRICT, now);
    case 'return':
      return returnToEnterprise(state, '请补充', DISTRICT, now);
    case 'resubmit':
      return queue(state, state.id, ORDER, now, DISTRICT, new Date(now.getTime() + 1_000));
    case 'reject':
      return reject(state, '不予受理', DISTRICT, now);
    case 'recommend': {
      const teams = c.teams.map((i) => TEAMS[i]);
      return recommend(state, { runId: 'run', teams: teams.slice(0, 3), alternates: teams.slice(3), overrides: [] }, plan(c.excluded), DISTRICT, now);
    }
    case 'acceptOffer': {
      const sla = startSlaClock(parseTimerDelay('1h'), now) as SlaClock & { status: 'RUNNING' };
      return acceptOffer(state, byTeam(c.team).id, sla, byTeam(c.team).actor, now);
    }
    case 'decline':
      return declineOffer(state, byTeam(c.team).id, '无法承接', plan(c.excluded), byTeam(c.team).actor, now);
    case 'expire':
      return pendingOffer(state) ? expireOffer(state, now, plan(c.excluded), SYSTEM) : null;
    case 'start':
      return startService(state, byTeam(c.team).id, byTeam(c.team).actor, now);
    case 'log':
      return logService(state, byTeam(c.team).id, 'record', byTeam(c.team).actor, now);
    case 'wait':
      return waitForEnterprise(state, byTeam(c.team).id, '等待企业', byTeam(c.team).actor, now);
    case 'resume':
      return resumeService(state, byTeam(c.team).id, byTeam(c.team).actor, now);
    case 'deliver':
      return deliver(state, byTeam(c.team).id, '已交付', byTeam(c.team).actor, now);
    case 'disputeResume':
      return resumeAfterDispute(state, '继续服务', DISTRICT, now);
    case 'cancel':
      return cancel(state, '撤单', DISTRICT, now);
    case 'districtOverdue':
      return flagDistrictOverdue(state, SYSTEM, now);
    case 'serviceOverdue':
      return flagServiceOverdue(state, startSlaClock(parseTimerDelay('1s'), now) as SlaClock & { status: 'RUNNING' }, SYSTEM, now);
    case 'bureauOverdue':
      return flagServiceOverdueToBureau(state, SYSTEM, now);
  }
}
