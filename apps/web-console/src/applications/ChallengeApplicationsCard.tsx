import { Card, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { ChallengeFull } from '../challenges/model';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { APPLICATION_STATUS, type Application } from './model';
import { useApplications } from './queries';
import { empty } from '../lifecycle/empty';

const OPEN = ['PUBLISHED', 'CLOSED', 'UNDER_REVIEW', 'IN_PUBLIC_NOTICE', 'AWARDED', 'FAILED'];

/** The enterprise follows who applied to its 榜单 and where each application stands in the check and the review. */
export function ChallengeApplicationsCard({ c }: { c: ChallengeFull }) {
  const list = useApplications({ challengeId: c.id, page: 1, pageSize: 100 }, OPEN.includes(c.status));
  if (!OPEN.includes(c.status)) return null;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>揭榜申请与评审进展</h2>} style={{ marginTop: 16 }}>
      <ApiErrorAlert error={list.error} />
      <Table<Application>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: empty('暂无揭榜申请') }}
        pagination={false}
        columns={[
          { title: '申请方', dataIndex: 'applicantName' },
          { title: '状态', dataIndex: 'status', width: 160, render: (s: Application['status']) => <Tag color={APPLICATION_STATUS[s]?.color}>{APPLICATION_STATUS[s]?.label ?? s}</Tag> },
          { title: '提交时间', dataIndex: 'submittedAt', width: 160, render: (t: string | null) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '—') },
        ]}
      />
    </Card>
  );
}
