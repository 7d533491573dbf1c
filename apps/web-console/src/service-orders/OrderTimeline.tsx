import { Skeleton, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { roleName } from '../api/vocabulary';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { actionLabel, orderStatusLabel } from './labels';
import { useTimeline } from './queries';
import type { TimelineEntry } from './types';

function entry(t: TimelineEntry, ownerOrgId: string) {
  const moved = t.fromStatus !== t.toStatus;
  const change = t.fromStatus === null ? `创建为${orderStatusLabel(t.toStatus)}` : moved ? `${orderStatusLabel(t.fromStatus)} → ${orderStatusLabel(t.toStatus)}` : '状态不变';
  const who = t.actorRole === 'system' ? '系统（定时任务）' : `${roleName(t.actorRole)}${t.actorOrgId === ownerOrgId ? '（本企业）' : t.actorOrgId ? `（${t.actorOrgId}）` : ''}`;
  return {
    key: t.id,
    color: t.action === 'dispatch.escalated' || t.action === 'dispute' ? 'red' : moved ? 'blue' : 'gray',
    children: (
      <div data-testid="timeline-entry">
        <Typography.Text strong>{actionLabel(t.action)}</Typography.Text> · {change}
        <div>
          {dayjs(t.at).format('YYYY-MM-DD HH:mm:ss')} · 操作人：{who}
        </div>
        {t.reason && <div>理由：{t.reason}</div>}
      </div>
    ),
  };
}

/** Every transition, flag and note of the order: who (role and organisation), when, why. */
export function OrderTimeline({ orderId, ownerOrgId }: { orderId: string; ownerOrgId: string }) {
  const timeline = useTimeline(orderId);
  if (timeline.isLoading) return <Skeleton active />;
  if (timeline.error) return <ApiErrorAlert error={timeline.error} />;
  return <Timeline items={(timeline.data ?? []).map((t) => entry(t, ownerOrgId))} />;
}
