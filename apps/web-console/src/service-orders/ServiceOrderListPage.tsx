import { Button, Card, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { districtName } from '../api/vocabulary';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { ORDER_STATUS, URGENCY_LABEL } from './labels';
import { useServiceOrders } from './queries';
import type { ServiceOrder } from './types';

const PAGE_SIZE = 10;

/** The orders the caller may see (the API scopes them: own, own district's, served, or all for the bureau). */
export default function ServiceOrderListPage() {
  const { principal } = useAuth();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<ServiceOrder['status']>();
  const orders = useServiceOrders({ status, page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageTitle
        extra={
          principal.role === 'enterprise' && (
            <Link to="/service-orders/new">
              <Button type="primary">发布服务需求</Button>
            </Link>
          )
        }
      >
        {principal.role === 'enterprise' ? '我的服务需求' : '服务订单'}
      </PageTitle>
      <ApiErrorAlert error={orders.error} />
      <Card>
        <Typography.Paragraph>
          <label htmlFor="order-status-filter">按状态筛选：</label>
          <Select
            id="order-status-filter"
            allowClear
            placeholder="全部状态"
            style={{ width: 200 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={Object.entries(ORDER_STATUS).map(([value, s]) => ({ value, label: s.label }))}
          />
        </Typography.Paragraph>
        <Table<ServiceOrder>
          rowKey="id"
          loading={orders.isLoading}
          dataSource={orders.data?.items}
          locale={{ emptyText: <Typography.Text>{principal.role === 'enterprise' ? '还没有服务需求，点击右上角发布' : '暂无服务订单'}</Typography.Text> }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: orders.data?.total, onChange: setPage }}
          columns={[
            { title: '需求', dataIndex: 'title', render: (title: string, o) => <Link to={`/service-orders/${o.id}`}>{title}</Link> },
            { title: '状态', dataIndex: 'status', render: (s: ServiceOrder['status']) => <Tag color={ORDER_STATUS[s]?.color}>{ORDER_STATUS[s]?.label ?? s}</Tag> },
            { title: '紧急程度', dataIndex: 'urgency', render: (u: ServiceOrder['urgency']) => URGENCY_LABEL[u] },
            ...(principal.role === 'enterprise' ? [] : [{ title: '企业', dataIndex: 'enterpriseName' }, { title: '区县', dataIndex: 'districtCode', render: districtName }]),
            { title: '服务团队', dataIndex: 'team', render: (t: ServiceOrder['team']) => t?.name ?? '—' },
            { title: '创建时间', dataIndex: 'createdAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
          ]}
        />
      </Card>
    </>
  );
}
