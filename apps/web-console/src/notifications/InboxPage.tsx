import { Badge, Button, Card, List, Segmented, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Notice } from '../api/responses';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { categoryLabel } from './labels';
import { useInbox, useMarkAllRead, useMarkRead } from './queries';

const PAGE_SIZE = 10;

/** Links the console can open itself; others (pages still to come) stay text. */
const OPENABLE = /^\/(challenges|notifications)(\/|$)/;

export default function InboxPage() {
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [page, setPage] = useState(1);
  const inbox = useInbox({ unread: filter === 'unread', page, pageSize: PAGE_SIZE });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const navigate = useNavigate();

  const open = async (n: Notice) => {
    if (!n.readAt) await markRead.mutateAsync(n.id);
    if (OPENABLE.test(n.link)) navigate(n.link);
  };

  return (
    <>
      <PageTitle
        extra={
          <Button onClick={() => markAll.mutate()} loading={markAll.isPending} disabled={!inbox.data?.unread}>
            全部标为已读
          </Button>
        }
      >
        站内信
      </PageTitle>
      <ApiErrorAlert error={inbox.error ?? markRead.error ?? markAll.error} />
      <Card>
        <Segmented
          aria-label="筛选"
          value={filter}
          onChange={(v) => {
            setFilter(v as 'all' | 'unread');
            setPage(1);
          }}
          options={[
            { value: 'all', label: '全部' },
            { value: 'unread', label: `未读${inbox.data ? `（${inbox.data.unread}）` : ''}` },
          ]}
          style={{ marginBottom: 16 }}
        />
        <List
          loading={inbox.isLoading}
          dataSource={inbox.data?.items ?? []}
          locale={{ emptyText: filter === 'unread' ? '没有未读通知' : '暂无通知' }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: inbox.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          renderItem={(n) => (
            <List.Item
              actions={[
                n.readAt ? (
                  <Typography.Text key="read" type="secondary">
                    已读
                  </Typography.Text>
                ) : (
                  <Button key="mark" type="link" onClick={() => markRead.mutate(n.id)}>
                    标为已读
                  </Button>
                ),
              ]}
            >
              <List.Item.Meta
                avatar={<Badge status={n.readAt ? 'default' : 'processing'} />}
                title={
                  <Space wrap>
                    <Button type="link" style={{ padding: 0, fontWeight: n.readAt ? 400 : 600 }} onClick={() => void open(n)}>
                      {n.title}
                    </Button>
                    <Tag>{categoryLabel(n.category)}</Tag>
                    {n.mandatory && <Tag color="red">必读</Tag>}
                  </Space>
                }
                description={
                  <>
                    <div style={{ color: 'rgba(0,0,0,0.78)' }}>{n.body}</div>
                    <Typography.Text type="secondary">{dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
