import type { DispatchStatus, Sla } from './types';

export const DISPATCH_STATUS: Record<DispatchStatus, { label: string; color: string }> = {
  QUEUED: { label: '待区县受理', color: 'processing' },
  RETURNED: { label: '退回企业补充', color: '#ad4e00' },
  REJECTED: { label: '区县不予受理', color: 'error' },
  DISTRICT_ACCEPTED: { label: '区县已受理', color: 'processing' },
  RECOMMENDED: { label: '已推荐', color: 'processing' },
  OFFERED: { label: '待团队响应', color: 'processing' },
  TEAM_ACCEPTED: { label: '团队已接单', color: 'processing' },
  IN_SERVICE: { label: '服务中', color: 'processing' },
  WAITING_ENTERPRISE: { label: '等待企业', color: '#ad4e00' },
  DELIVERED: { label: '已交付', color: 'processing' },
  CANCELLED: { label: '已取消', color: 'default' },
};

export const dispatchStatusLabel = (s: string | null | undefined): string => (s ? (DISPATCH_STATUS[s as DispatchStatus]?.label ?? s) : '—');

const CLOCK_LABEL: Record<string, string> = {
  DISTRICT_SLA: '区县受理推荐时限',
  SERVICE_SLA_HIGH: '服务时限（紧急）',
  SERVICE_SLA_NORMAL: '服务时限（较急）',
  SERVICE_SLA_LOW: '服务时限（一般）',
};

/** "剩余 2.5 个工作日" (red when overdue), "已暂停", or "—" when no clock runs. */
export function slaText(sla: Sla | null): { text: string; color?: string; clock?: string } {
  if (!sla) return { text: '—' };
  const clock = CLOCK_LABEL[sla.clock] ?? sla.clock;
  const days = Math.round(sla.remainingWorkingDays * 10) / 10;
  if (sla.paused) return { text: `已暂停（剩余 ${days} 个工作日）`, color: '#ad4e00', clock };
  if (days <= 0) return { text: `已超时 ${Math.abs(days)} 个工作日`, color: 'red', clock };
  return { text: `剩余 ${days} 个工作日`, color: days < 1 ? 'orange' : undefined, clock };
}

export const OFFER_STATUS_LABEL = { PENDING: '待响应', ACCEPTED: '已接单', DECLINED: '已婉拒', EXPIRED: '已超时', WITHDRAWN: '已撤回' } as const;
