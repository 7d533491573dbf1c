import { mayOpen, menuFor } from './menu';

describe('menus by role', () => {
  it('gives the enterprise its own 榜单 and the form, not the bureau queue or matching', () => {
    expect(menuFor('enterprise').map((e) => e.label)).toEqual(['工作台', '发布榜单', '我的榜单', '企业档案', '发布服务需求', '服务订单', '揭榜项目', '站内信', '通知偏好', '接口推送']);
    expect(mayOpen('enterprise', 'vettingQueue')).toBe(false);
  });

  it('gives the bureau the queue and matching, the district matching, each with its own name for the list', () => {
    expect(mayOpen('district', 'dashboard')).toBe(false);
    expect(menuFor('bureau').map((e) => e.label)).toEqual(['工作台', '全部榜单', '待论证榜单', '为需求推荐团队', '驾驶舱', '企业认证', '服务订单', '超时督办', '服务订单统计', '揭榜项目', '站内信', '通知偏好', '接口推送']);
    expect(menuFor('district').map((e) => e.label)).toEqual(['工作台', '本区县榜单', '为需求推荐团队', '企业认证', '服务订单', '服务需求受理', '超时督办', '揭榜项目', '站内信', '通知偏好', '接口推送']);
    expect(menuFor('team').map((e) => e.label)).toEqual(['工作台', '榜单大厅', '服务订单', '邀约与服务', '榜单检索', '我的揭榜申请', '揭榜项目', '站内信', '通知偏好', '接口推送']);
  });

  it('keeps the dispatch detail off every menu while the district, the bureau and the team may open it', () => {
    expect(menuFor('district').map((e) => e.label)).not.toContain('派单详情');
    expect(['district', 'bureau', 'team'].every((r) => mayOpen(r as 'district', 'dispatch'))).toBe(true);
    expect(mayOpen('enterprise', 'dispatch')).toBe(false);
  });

  it('gives the expert its reviews only, and keeps the pages reached from a 榜单 out of the menu', () => {
    expect(menuFor('expert').map((e) => e.label)).toEqual(['工作台', '榜单大厅', '我的评审任务', '站内信', '通知偏好']);
    expect(mayOpen('solver', 'apply')).toBe(true);
    expect(mayOpen('enterprise', 'apply')).toBe(false);
    expect(mayOpen('bureau', 'reviewBoard')).toBe(true);
    expect(mayOpen('expert', 'reviewBoard')).toBe(false);
    expect(menuFor('bureau').map((e) => e.label)).not.toContain('形式审查与评审');
  });
});
