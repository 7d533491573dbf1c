import { Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { districtName } from '../api/vocabulary';
import { URGENCY_LABEL } from '../service-orders/labels';
import { DISPATCH_STATUS, slaText } from './labels';
import type { DispatchSummary } from './types';

export function escalationTags(e: DispatchSummary['escalations']) {
  return [
    e.districtOverdueAt && <Tag key="d" color="red">区县超时（已报市局）</Tag>,
    e.serviceOverdueAt && <Tag key="s" color="red">服务超时（已报区县）</Tag>,
    e.serviceBureauAt && <Tag key="b" color="red">服务超时（已报市局）</Tag>,
  ].filter(Boolean);
}

interface Props {
  items?: DispatchSummary[];
  loading: boolean;
  empty: string;
  pagination?: { current: number; pageSize: number; total?: number; onChange: (page: number) => void };
  showDistrict?: boolean;
}

/** Dispatches with their SLA: the clock that runs and the working days left, and any escalation raised. */
export function DispatchTable({ items, loading, empty, pagination, showDistrict }: Props) {
  return (
    <Table<DispatchSummary>
      rowKey="id"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: <Typography.Text>{empty}</Typography.Text> }}
      pagination={pagination ?? false}
      scroll={{ x: true }}
      columns={[
        { title: '需求', key: 'title', render: (_, d) => <Link to={`/dispatches/${d.id}`}>{d.order.title}</Link> },
        { title: '企业', key: 'enterprise', render: (_, d) => d.order.enterpriseName },
        ...(showDistrict ? [{ title: '区县', key: 'district', render: (_: unknown, d: DispatchSummary) => districtName(d.order.districtCode) }] : []),
        { title: '紧急程度', key: 'urgency', render: (_, d) => URGENCY_LABEL[d.order.urgency] },
        { title: '状态', dataIndex: 'status', render: (s: DispatchSummary['status']) => <Tag color={DISPATCH_STATUS[s]?.color}>{DISPATCH_STATUS[s]?.label ?? s}</Tag> },
        {
          title: '时限',
          key: 'sla',
          render: (_, d) => {
            const sla = slaText(d.sla);
            return (
              <span data-testid="sla">
                {sla.clock && <div>{sla.clock}</div>}
                <span style={{ color: sla.color === 'red' ? '#cf1322' : undefined, fontWeight: sla.color ? 600 : undefined }}>{sla.text}</span>
              </span>
            );
          },
        },
        { title: '督办', key: 'escalations', render: (_, d) => escalationTags(d.escalations) },
        { title: '下单时间', dataIndex: 'submittedAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
      ]}
    />
  );
}
