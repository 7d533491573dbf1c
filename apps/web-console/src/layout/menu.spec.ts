import { mayOpen, menuFor } from './menu';

describe('menus by role', () => {
  it('gives the enterprise its own 榜单 and the form, not the bureau queue or matching', () => {
    expect(menuFor('enterprise').map((e) => e.label)).toEqual(['工作台', '发布榜单', '我的榜单', '站内信', '通知偏好']);
    expect(mayOpen('enterprise', 'vettingQueue')).toBe(false);
  });

  it('gives the bureau the queue and matching, the district matching, each with its own name for the list', () => {
    expect(menuFor('bureau').map((e) => e.label)).toEqual(['工作台', '全部榜单', '待论证榜单', '为需求推荐团队', '驾驶舱', '站内信', '通知偏好']);
    expect(mayOpen('district', 'dashboard')).toBe(false);
    expect(menuFor('district').map((e) => e.label)).toEqual(['工作台', '本区县榜单', '为需求推荐团队', '站内信', '通知偏好']);
    expect(menuFor('team').map((e) => e.label)).toEqual(['工作台', '榜单大厅', '站内信', '通知偏好']);
  });
});
