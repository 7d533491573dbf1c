import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Popover, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useUnreadCount } from './queries';
import { useStreamState } from './LiveNotifications';

const LatestNotices = lazy(() => import('./LatestNotices'));

/** The unread count, live: the stream refreshes it as notices arrive. */
export function NotificationBell() {
  const { data } = useUnreadCount();
  const stream = useStreamState();
  const unread = data?.unread ?? 0;
  const live = stream === 'open' ? '实时推送已连接' : '实时推送连接中';
  return (
    <Popover
      content={
        <Suspense fallback={<Spin />}>
          <LatestNotices />
        </Suspense>
      }
      title="最新通知"
      trigger="click"
      placement="bottomRight"
      destroyOnHidden
    >
      <Badge count={unread} overflowCount={99}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={`通知：${unread} 条未读（${live}）`}
          data-testid="notification-bell"
          data-unread={unread}
          data-stream={stream}
        />
      </Badge>
    </Popover>
  );
}
