import { Card, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import { districtName } from '../api/vocabulary';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { orderStatusLabel, RATING_DIMENSIONS } from './labels';
import { useStats } from './queries';
import type { RatingAverages, ServiceOrderStats } from './types';

type DistrictRow = ServiceOrderStats['districts'][number];

const hours = (seconds: number | undefined) => (seconds === undefined ? '—' : seconds < 3600 ? `${Math.max(1, Math.round(seconds / 60))} 分钟` : `${(seconds / 3600).toFixed(1)} 小时`);
const avg = (r: RatingAverages | null, key: (typeof RATING_DIMENSIONS)[number]['key']) => (r ? r[key].toFixed(2) : '—');
const ratingColumns = RATING_DIMENSIONS.map((d) => ({ title: d.label, key: d.key, render: (_: unknown, row: { ratings: RatingAverages | null }) => avg(row.ratings, d.key) }));

/** 市科技局: every district's service orders — where they stand, SLA breaches, time per step, ratings; and each team's ratings. */
export default function ServiceOrderStatsPage() {
  const stats = useStats();
  if (stats.isLoading) return <Skeleton active />;
  return (
    <>
      <PageTitle>服务订单统计</PageTitle>
      <ApiErrorAlert error={stats.error} />
      <Typography.Paragraph>按区县统计已提交的服务订单。超时督办为区县受理、推荐或团队服务超过时限的次数；各环节用时取中位数；评价均分不含已作废的评价。</Typography.Paragraph>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>各区县</h2>}>
        <Table<DistrictRow>
          rowKey="districtCode"
          dataSource={stats.data?.districts}
          pagination={false}
          locale={{ emptyText: <Empty description="暂无服务订单" /> }}
          scroll={{ x: true }}
          columns={[
            { title: '区县', dataIndex: 'districtCode', render: districtName },
            { title: '订单数', key: 'total', render: (_, d) => Object.values(d.byStatus).reduce((a, b) => a + b, 0) },
            {
              title: '状态分布',
              key: 'byStatus',
              render: (_, d) => Object.entries(d.byStatus).map(([s, n]) => <Tag key={s}>{`${orderStatusLabel(s)} ${n}`}</Tag>),
            },
            { title: '超时督办', dataIndex: 'breaches', render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0) },
            { title: '受理用时', key: 'accept', render: (_, d) => hours(d.medianSecondsToStep.DISTRICT_ACCEPTED) },
            { title: '推荐用时', key: 'recommend', render: (_, d) => hours(d.medianSecondsToStep.RECOMMENDED) },
            { title: '交付用时', key: 'deliver', render: (_, d) => hours(d.medianSecondsToStep.DELIVERED) },
            { title: '评价数', key: 'count', render: (_, d) => d.ratings?.count ?? 0 },
            ...ratingColumns,
          ]}
        />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>各科技特派员团评价</h2>} style={{ marginTop: 16 }}>
        <Table
          rowKey={(t) => t.team.profileId}
          dataSource={stats.data?.teams}
          pagination={false}
          locale={{ emptyText: <Empty description="暂无评价" /> }}
          columns={[{ title: '团队', key: 'team', render: (_, t) => t.team.name }, { title: '评价数', key: 'count', render: (_, t) => t.ratings.count }, ...ratingColumns]}
        />
      </Card>
    </>
  );
}
