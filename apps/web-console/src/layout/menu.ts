import type { Role } from '../auth/principal';

export type MenuIcon = 'home' | 'list' | 'plus' | 'audit' | 'team' | 'inbox' | 'settings' | 'dashboard';

export interface MenuEntry {
  path: string;
  label: string;
  icon: MenuIcon;
  /** Shown on the role's home page. */
  description: string;
}

const ALL: Role[] = ['enterprise', 'solver', 'team', 'district', 'bureau', 'expert', 'admin'];

/** Who may open which page; the menu, the home page and the route guards all read this one table. */
export const PAGES = {
  home: { roles: ALL, entry: { path: '/', label: '工作台', icon: 'home', description: '待办与最新通知' } },
  newChallenge: {
    roles: ['enterprise'],
    entry: { path: '/challenges/new', label: '发布榜单', icon: 'plus', description: '填写关键技术难题与悬赏，保存草稿或提交论证' },
  },
  challenges: {
    roles: ALL,
    entry: { path: '/challenges', label: '榜单', icon: 'list', description: '按您的权限范围查看榜单' },
  },
  vettingQueue: {
    roles: ['bureau', 'admin'],
    entry: { path: '/vetting', label: '待论证榜单', icon: 'audit', description: '企业已提交、等待专家论证的榜单，超期的标红' },
  },
  recommend: {
    roles: ['district', 'bureau', 'admin'],
    entry: { path: '/matching/recommend', label: '为需求推荐团队', icon: 'team', description: '描述企业需求，查看科技特派员团的匹配得分与命中词' },
  },
  dashboard: {
    roles: ['bureau'],
    entry: { path: '/dashboard', label: '驾驶舱', icon: 'dashboard', description: '数智科创驾驶舱：榜单漏斗、服务各环节用时、各区县超期与评分、匹配公平性、悬赏拨付' },
  },
  enterpriseProfile: {
    roles: ['enterprise'],
    entry: { path: '/enterprise/profile', label: '企业档案', icon: 'settings', description: '登记或修改企业信息，查看认证状态' },
  },
  enterpriseQueue: {
    roles: ['district', 'bureau', 'admin'],
    entry: { path: '/enterprises', label: '企业认证', icon: 'audit', description: '核对并认证本区县企业的档案' },
  },
  newServiceOrder: {
    roles: ['enterprise'],
    entry: { path: '/service-orders/new', label: '发布服务需求', icon: 'plus', description: '描述技术难题，由所在区县推荐科技特派员团上门服务' },
  },
  serviceOrders: {
    roles: ['enterprise', 'district', 'bureau', 'team', 'admin'],
    entry: { path: '/service-orders', label: '服务订单', icon: 'list', description: '订单进度、全过程记录与评价' },
  },
  districtQueue: {
    roles: ['district'],
    entry: { path: '/dispatches', label: '服务需求受理', icon: 'audit', description: '按时限紧迫程度受理、推荐团队' },
  },
  teamWork: {
    roles: ['team'],
    entry: { path: '/team/dispatches', label: '邀约与服务', icon: 'team', description: '响应邀约，填写服务记录并交付' },
  },
  escalations: {
    roles: ['district', 'bureau', 'admin'],
    entry: { path: '/escalations', label: '超时督办', icon: 'audit', description: '超过受理、推荐或服务时限的订单' },
  },
  serviceOrderStats: {
    roles: ['bureau', 'admin'],
    entry: { path: '/service-orders/stats', label: '服务订单统计', icon: 'list', description: '各区县订单状态、超时、用时与评价' },
  },
  dispatch: { roles: ['district', 'bureau', 'team', 'admin'], entry: { path: '/dispatches', label: '派单详情', icon: 'team', description: '' }, hidden: true },
  search: {
    roles: ['solver', 'team'],
    entry: { path: '/search', label: '榜单检索', icon: 'list', description: '按关键词、领域、区县、金额和截止日期检索已发布的榜单' },
  },
  apply: { roles: ['solver', 'team'], entry: { path: '/applications', label: '揭榜申请', icon: 'plus', description: '填写揭榜方案' }, hidden: true },
  myApplications: {
    roles: ['solver', 'team'],
    entry: { path: '/applications', label: '我的揭榜申请', icon: 'audit', description: '申请的进展：撤回、入选后签约' },
  },
  reviewBoard: { roles: ['bureau', 'admin'], entry: { path: '/challenges', label: '形式审查与评审', icon: 'audit', description: '形式审查、专家分配与结束评审' }, hidden: true },
  myReviews: {
    roles: ['expert'],
    entry: { path: '/reviews', label: '我的评审任务', icon: 'audit', description: '分配给您的申请：评分或申请回避' },
  },
  projects: {
    roles: ['enterprise', 'solver', 'team', 'district', 'bureau', 'admin'],
    entry: { path: '/projects', label: '揭榜项目', icon: 'team', description: '里程碑、成果审核、分期拨付与验收' },
  },
  inbox: { roles: ALL, entry: { path: '/notifications', label: '站内信', icon: 'inbox', description: '全部通知，已读与未读' } },
  preferences: {
    roles: ALL,
    entry: { path: '/settings/notifications', label: '通知偏好', icon: 'settings', description: '按类别与渠道选择即时、每日摘要或关闭' },
  },
  webhooks: {
    roles: ['enterprise', 'solver', 'team', 'district', 'bureau', 'admin'],
    entry: { path: '/settings/webhooks', label: '接口推送', icon: 'settings', description: '把通知推送到本机构系统的 Webhook 地址' },
  },
} satisfies Record<string, { roles: Role[]; entry: MenuEntry; hidden?: boolean }>;

export type PageKey = keyof typeof PAGES;

/** The challenges page is named after what the role sees in it. */
const CHALLENGES_LABEL: Partial<Record<Role, string>> = { enterprise: '我的榜单', district: '本区县榜单', bureau: '全部榜单', admin: '全部榜单' };

export const mayOpen = (role: Role, page: PageKey): boolean => (PAGES[page].roles as Role[]).includes(role);

export function menuFor(role: Role): MenuEntry[] {
  return (Object.keys(PAGES) as PageKey[])
    .filter((page) => mayOpen(role, page) && !('hidden' in PAGES[page]))
    .map((page) => (page === 'challenges' ? { ...PAGES[page].entry, label: CHALLENGES_LABEL[role] ?? '榜单大厅' } : PAGES[page].entry));
}
