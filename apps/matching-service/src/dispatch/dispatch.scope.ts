import type { Principal } from '@jiebang/contracts';
import type { DispatchState } from './dispatch.domain';

/**
 * Who may see a dispatch: the bureau and admins all; a district office its own district's; a team one it was
 * offered (its organisation's profile). Everyone else, and another district or team, gets 404.
 */
export function canSeeDispatch(p: Principal, d: Pick<DispatchState, 'order' | 'offers'>): boolean {
  if (p.role === 'bureau' || p.role === 'admin') return true;
  if (p.role === 'district') return d.order.districtCode === p.districtCode;
  if (p.role === 'team') return d.offers.some((o) => o.team.orgId === p.orgId);
  return false;
}

/** The same rule as SQL over `dispatches d`, for lists; `$n` parameters start at `from`. */
export function dispatchScopeSql(p: Principal, from: number): { where: string; params: unknown[] } {
  if (p.role === 'bureau' || p.role === 'admin') return { where: 'TRUE', params: [] };
  if (p.role === 'district') return { where: `d.district_code = $${from}`, params: [p.districtCode] };
  if (p.role === 'team') {
    return { where: `EXISTS (SELECT 1 FROM dispatch_offers o WHERE o.dispatch_id = d.id AND o.team_org_id = $${from})`, params: [p.orgId] };
  }
  return { where: 'FALSE', params: [] };
}
