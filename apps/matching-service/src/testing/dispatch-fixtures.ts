import type { Actor, TeamRef } from '@jiebang/contracts';
import { queue, type DispatchState, type OrderSnapshot } from '../dispatch/dispatch.domain';

export const DISTRICT: Actor = { id: 'district-user', role: 'district' };
export const SYSTEM: Actor = { id: 'jiebang-timers', role: 'system' };
export const teamActor = (team: TeamRef): Actor => ({ id: `user-of-${team.orgId}`, role: 'team' });

export const team = (n: number): TeamRef => ({
  profileId: `00000000-0000-4000-8000-00000000000${n}`,
  orgId: `team-org-${n}`,
  name: `特派员团${n}`,
});

export const ORDER: OrderSnapshot = {
  title: '柑橘黄龙病防治指导',
  description: '果园出现黄化叶片，需要现场诊断与防治方案',
  urgency: 'NORMAL',
  serviceMode: 'ON_SITE',
  window: { from: '2026-03-02', to: '2026-03-31' },
  contact: { name: '王经理', phone: '13800000000' },
  enterpriseOrgId: 'ent-org-1',
  enterpriseName: '重庆柑橘农业有限公司',
  districtCode: '500101',
};

/** DISTRICT_SLA of the fixtures: three days after submission. */
export const districtDue = (at: Date) => new Date(at.getTime() + 3 * 86_400_000);

export function queued(at = new Date('2026-03-02T02:00:00Z')): DispatchState {
  return queue(null, '11111111-1111-4111-8111-111111111111', ORDER, at, { id: 'ent-user', role: 'enterprise' }, districtDue(at))!.state;
}
