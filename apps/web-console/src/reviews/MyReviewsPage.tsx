import { Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { REVIEW_STATUS, type OwnReview } from './model';
import { useOwnReviews } from './queries';
import { empty } from '../lifecycle/empty';

/** 评审专家: the applications assigned to this expert, and only those (the service scopes the list to the caller). */
export default function MyReviewsPage() {
  const reviews = useOwnReviews();
  return (
    <>
      <PageTitle>我的评审任务</PageTitle>
      <Typography.Paragraph>请按评分细则对分配给您的申请打分；与申请方存在利益关系的，请申请回避。</Typography.Paragraph>
      <ApiErrorAlert error={reviews.error} />
      <Card>
        <Table<OwnReview>
          rowKey="id"
          loading={reviews.isLoading}
          dataSource={reviews.data?.items ?? []}
          locale={{ emptyText: empty('暂无评审任务') }}
          pagination={false}
          columns={[
            { title: '榜单', dataIndex: 'challengeTitle' },
            { title: '申请方', dataIndex: 'applicantName', width: 240, render: (n: string, r) => <Link to={`/reviews/${r.id}`}>{n}</Link> },
            { title: '状态', dataIndex: 'status', width: 120, render: (s: OwnReview['status']) => <Tag color={REVIEW_STATUS[s]?.color}>{REVIEW_STATUS[s]?.label ?? s}</Tag> },
            { title: '评分（技术/团队/可行性）', key: 'scores', width: 200, render: (_: unknown, r) => (r.scores ? `${r.scores.technical} / ${r.scores.team} / ${r.scores.feasibility}` : '—') },
          ]}
        />
      </Card>
    </>
  );
}
