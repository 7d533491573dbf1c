import { Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { Challenge, ChallengePage } from '../api/responses';
import { districtName, toWan } from '../api/vocabulary';
import { empty } from '../lifecycle/empty';
import { STATUS } from './labels';

interface Props {
  data?: ChallengePage;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  /** The bureau's queue shows when each was submitted and whether its vetting is overdue. */
  queue?: boolean;
}

export function ChallengeTable({ data, loading, page, pageSize, onPage, queue }: Props) {
  return (
    <Table<Challenge>
      rowKey="id"
      loading={loading}
      dataSource={data?.items ?? []}
      locale={{ emptyText: empty(queue ? '没有待论证的榜单' : '暂无榜单') }}
      pagination={{ current: page, pageSize, total: data?.total ?? 0, onChange: onPage, showTotal: (total) => `共 ${total} 个`, hideOnSinglePage: true }}
      columns={[
        { title: '榜单名称', dataIndex: 'title', render: (title: string, c) => <Link to={`/challenges/${c.id}`}>{title}</Link> },
        {
          title: '状态',
          dataIndex: 'status',
          width: 150,
          render: (s: Challenge['status'], c) => (
            <>
              <Tag color={STATUS[s]?.color}>{STATUS[s]?.label ?? s}</Tag>
              {c.vettingOverdueAt && <Tag color="red">论证超期</Tag>}
            </>
          ),
        },
        { title: '发榜企业', dataIndex: 'enterpriseName', width: 220 },
        { title: '所在区县', dataIndex: 'districtCode', width: 100, render: districtName },
        { title: '悬赏金额', dataIndex: 'bountyYuan', width: 120, align: 'right', render: toWan },
        { title: '揭榜截止', dataIndex: 'deadline', width: 120 },
        queue
          ? { title: '提交时间', dataIndex: 'submittedAt', width: 160, render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—') }
          : { title: '创建时间', dataIndex: 'createdAt', width: 160, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
      ]}
    />
  );
}
