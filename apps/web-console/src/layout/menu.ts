import type { Role } from '../auth/principal';

export type MenuIcon = 'home' | 'list' | 'plus' | 'audit' | 'team' | 'inbox' | 'settings';

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
