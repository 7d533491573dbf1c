import type { Actor } from '@jiebang/contracts';
import { pauseSlaClock, resumeSlaClock, type SlaClock } from '@jiebang/timers';
import { expectStatus, invalidState, StepBuilder, type DispatchState, type Step } from './dispatch.domain';

function ownOrder(state: DispatchState, teamProfileId: string, allowed: DispatchState['status'][], message: string) {
  expectStatus(state, allowed, message);
  if (!state.team || state.team.profileId !== teamProfileId) throw invalidState(state, '该服务单不由该团队承接');
  return state.team;
}

export function startService(state: DispatchState, teamProfileId: string, actor: Actor, now: Date): Step {
  const team = ownOrder(state, teamProfileId, ['TEAM_ACCEPTED'], '只有已接单的服务单可以开始服务');
  return new StepBuilder(state, actor, now).move('IN_SERVICE').fact({ type: 'service-started', team }).build();
}

/** A service record (服务记录): only while serving; the record itself is stored beside the dispatch. */
export function logService(state: DispatchState, teamProfileId: string, recordId: string, actor: Actor, now: Date): Step {
  const team = ownOrder(state, teamProfileId, ['IN_SERVICE'], '只有服务中的服务单可以填写服务记录');
  return new StepBuilder(state, actor, now)
    .note('服务记录', { record: { from: null, to: recordId } })
    .fact({ type: 'service-logged', team, recordId })
    .build();
}

const pause = (clock: SlaClock | null, now: Date) => (clock?.status === 'RUNNING' ? pauseSlaClock(clock, now) : clock);
const resume = (clock: SlaClock | null, now: Date) => (clock?.status === 'PAUSED' ? resumeSlaClock(clock, now) : clock);

/**
 * Both clocks of the service stop together: the SLA and, after a breach, the grace before the bureau is told. The
 * team waiting on the enterprise is not late, for the district nor for the bureau.
 */
function pauseClocks(state: DispatchState, now: Date): Pick<DispatchState, 'serviceSla' | 'graceSla'> {
  return { serviceSla: pause(state.serviceSla, now), graceSla: pause(state.graceSla, now) };
}

function resumeClocks(state: DispatchState, now: Date): Pick<DispatchState, 'serviceSla' | 'graceSla'> {
  return { serviceSla: resume(state.serviceSla, now), graceSla: resume(state.graceSla, now) };
}

/** Waiting for the enterprise: the service clocks stop, keeping the working time that was left. */
export function waitForEnterprise(state: DispatchState, teamProfileId: string, reason: string, actor: Actor, now: Date): Step {
  const team = ownOrder(state, teamProfileId, ['IN_SERVICE'], '只有服务中的服务单可以转为等待企业');
  return new StepBuilder(state, actor, now).move('WAITING_ENTERPRISE', reason, pauseClocks(state, now)).fact({ type: 'paused', team, reason }).build();
}

/** Back to work: the clocks run again from now with the working time they kept. */
export function resumeService(state: DispatchState, teamProfileId: string, actor: Actor, now: Date): Step {
  const team = ownOrder(state, teamProfileId, ['WAITING_ENTERPRISE'], '只有等待企业的服务单可以恢复服务');
  const clocks = resumeClocks(state, now);
  return new StepBuilder(state, actor, now)
    .move('IN_SERVICE', null, clocks)
    .fact({ type: 'resumed', team, slaDueAt: (clocks.serviceSla as SlaClock & { status: 'RUNNING' }).dueAt })
    .build();
}

/** Delivered: the clocks stop (kept, should a dispute send the team back) and the team's open load drops. */
export function deliver(state: DispatchState, teamProfileId: string, summary: string, actor: Actor, now: Date): Step {
  const team = ownOrder(state, teamProfileId, ['IN_SERVICE'], '只有服务中的服务单可以交付');
  return new StepBuilder(state, actor, now)
    .move('DELIVERED', null, pauseClocks(state, now))
    .fact({ type: 'delivered', team, summary })
    .loadChange(team, -1)
    .build();
}

/**
 * `service-order.dispute-resolved` RESUME_SERVICE: the district sent the team back to work, the clock runs on with
 * what was left at delivery and the team carries the order again. Null unless the order is DELIVERED (a redelivery).
 */
export function resumeAfterDispute(state: DispatchState, reason: string, actor: Actor, now: Date): Step | null {
  if (state.status !== 'DELIVERED' || !state.team) return null;
  return new StepBuilder(state, actor, now).move('IN_SERVICE', reason, resumeClocks(state, now)).loadChange(state.team, 1).build();
}

const DISTRICT_SLA_STATES: DispatchState['status'][] = ['QUEUED', 'DISTRICT_ACCEPTED'];

/**
 * DISTRICT_SLA passed while the order waits on the district (before a recommendation, or again after no team was
 * left): the bureau is told, once per wait. Null when the order moved on or the clock was re-armed later.
 */
export function flagDistrictOverdue(state: DispatchState, actor: Actor, now: Date): Step | null {
  const dueAt = state.districtDueAt;
  if (!DISTRICT_SLA_STATES.includes(state.status) || state.districtOverdueAt || !dueAt || dueAt.getTime() > now.getTime()) return null;
  return new StepBuilder(state, actor, now)
    .set({ districtOverdueAt: now })
    .note('区县推荐超期', { districtOverdueAt: { from: null, to: now.toISOString() } })
    .fact({
      type: 'escalated',
      level: 'bureau',
      reason: 'district-overdue',
      message: `服务单「${state.order.title}」区县未在规定时限内完成推荐`,
      team: null,
      dueAt,
    })
    .build();
}

const SERVING: DispatchState['status'][] = ['TEAM_ACCEPTED', 'IN_SERVICE'];

/**
 * SERVICE_SLA passed before delivery (the clock running): the district is told, once, and the ESCALATION_GRACE
 * clock (`grace`, started now) starts towards the bureau.
 */
export function flagServiceOverdue(state: DispatchState, grace: SlaClock & { status: 'RUNNING' }, actor: Actor, now: Date): Step | null {
  const clock = state.serviceSla;
  if (!SERVING.includes(state.status) || state.serviceOverdueAt || clock?.status !== 'RUNNING') return null;
  if (clock.dueAt.getTime() > now.getTime()) return null;
  const dueAt = clock.dueAt;
  return new StepBuilder(state, actor, now)
    .set({ serviceOverdueAt: now, graceSla: grace })
    .note('服务超期', { serviceOverdueAt: { from: null, to: now.toISOString() } })
    .fact({
      type: 'escalated',
      level: 'district',
      reason: 'service-overdue',
      message: `服务单「${state.order.title}」团队「${state.team!.name}」未在服务时限内交付`,
      team: state.team,
      dueAt,
    })
    .build();
}

/**
 * ESCALATION_GRACE after the district was told, still serving and not delivered: the bureau is told, once. The grace
 * clock stops while the team waits on the enterprise, so a firing then (or before a resumed clock's new due) is null.
 */
export function flagServiceOverdueToBureau(state: DispatchState, actor: Actor, now: Date): Step | null {
  const grace = state.graceSla;
  if (!SERVING.includes(state.status) || !state.serviceOverdueAt || state.serviceBureauAt || grace?.status !== 'RUNNING') return null;
  if (grace.dueAt.getTime() > now.getTime()) return null;
  const dueAt = state.serviceSla?.status === 'RUNNING' ? state.serviceSla.dueAt : null;
  return new StepBuilder(state, actor, now)
    .set({ serviceBureauAt: now })
    .note('服务超期上报市局', { serviceBureauAt: { from: null, to: now.toISOString() } })
    .fact({
      type: 'escalated',
      level: 'bureau',
      reason: 'service-overdue',
      message: `服务单「${state.order.title}」团队「${state.team!.name}」超期未交付，区县督办后仍未完成`,
      team: state.team,
      dueAt,
    })
    .build();
}
