import { List, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useInbox } from './queries';

/** The bell's popover: loaded on first open, so the first page does not carry the list's code. */
export default function LatestNotices() {
  const { data, isLoading } = useInbox({ page: 1, pageSize: 5 });
  return (
    <div style={{ width: 360 }}>
      <List
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '暂无通知' }}
        renderItem={(n) => (
          <List.Item>
            <List.Item.Meta
              title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
              description={dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
            />
          </List.Item>
        )}
      />
      <Link to="/notifications">查看全部通知</Link>
    </div>
  );
}
