export const CATEGORY_LABEL: Record<string, string> = {
  enterprise: '企业档案',
  challenge: '榜单',
  application: '揭榜申请',
  project: '项目',
  'service-order': '服务工单',
  profile: '主体档案',
  system: '系统',
};

export const CHANNEL_LABEL: Record<string, string> = { inbox: '站内信', email: '电子邮件', webhook: '接口推送（Webhook）' };

export const MODE_LABEL: Record<string, string> = { immediate: '即时', digest: '每日摘要', off: '关闭' };

export const categoryLabel = (category: string): string => CATEGORY_LABEL[category] ?? category;
