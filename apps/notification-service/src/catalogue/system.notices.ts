import type { NoticeMeta, TemplateVars } from './notice';

const zhTime = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/**
 * Notices the service raises itself rather than from an event. Neither goes over webhooks: the first exists because
 * a webhook stopped working, the second is an e-mail by definition.
 */
export const SYSTEM_NOTICES = {
  webhookDisabled: {
    id: 'system/webhook-disabled',
    category: 'system',
    mandatory: true,
    priority: 'normal',
    channels: ['inbox', 'email'],
    template: {
      title: 'Webhook 端点已停用：{{url}}',
      body: '您登记的 Webhook 端点 {{url}} 连续 {{failures}} 次投递失败（最近一次：{{lastError}}），已于 {{disabledAt}} 自动停用。修复接收端后，请在“通知设置 → Webhook”中重新启用；停用期间的通知可由运维人员重放。',
      link: '/settings/webhooks/{{endpointId}}',
    },
  },
  // The organisation chose the digest, so it is not subject to preferences again.
  dailyDigest: {
    id: 'system/daily-digest',
    category: 'system',
    mandatory: true,
    priority: 'normal',
    channels: ['email'],
    template: {
      title: '每日通知摘要（{{date}}，共 {{count}} 条）',
      body: '以下是您选择以每日摘要方式接收的通知：\n\n{{items}}',
      link: '/notifications',
    },
  },
} satisfies Record<string, NoticeMeta>;

export interface DisabledEndpoint {
  id: string;
  url: string;
  consecutiveFailures: number;
  lastError: string | null;
  disabledAt: Date;
}

export function webhookDisabledVars(e: DisabledEndpoint): TemplateVars {
  return {
    url: e.url,
    failures: e.consecutiveFailures,
    lastError: e.lastError ?? '未知错误',
    disabledAt: zhTime(e.disabledAt),
    endpointId: e.id,
  };
}
