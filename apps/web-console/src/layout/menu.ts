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
  inbox: { roles: ALL, entry: { path: '/notifications', label: '站内信', icon: 'inbox', description: '全部通知，已读与未读' } },
  preferences: {
    roles: ALL,
    entry: { path: '/settings/notifications', label: '通知偏好', icon: 'settings', description: '按类别与渠道选择即时、每日摘要或关闭' },
  },
} satisfies Record<string, { roles: Role[]; entry: MenuEntry }>;

export type PageKey = keyof typeof PAGES;

/** The challenges page is named after what the role sees in it. */
const CHALLENGES_LABEL: Partial<Record<Role, string>> = { enterprise: '我的榜单', district: '本区县榜单', bureau: '全部榜单', admin: '全部榜单' };

export const mayOpen = (role: Role, page: PageKey): boolean => (PAGES[page].roles as Role[]).includes(role);

export function menuFor(role: Role): MenuEntry[] {
  return (Object.keys(PAGES) as PageKey[])
    .filter((page) => mayOpen(role, page))
    .map((page) => (page === 'challenges' ? { ...PAGES[page].entry, label: CHALLENGES_LABEL[role] ?? '榜单大厅' } : PAGES[page].entry));
}
