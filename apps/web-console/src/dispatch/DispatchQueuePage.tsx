import { Card, Typography } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { DispatchTable } from './DispatchTable';
import { useDispatches } from './queries';
import type { DispatchSummary } from './types';

const PAGE_SIZE = 20;
const OPEN = new Set(['QUEUED', 'DISTRICT_ACCEPTED', 'RECOMMENDED', 'OFFERED', 'TEAM_ACCEPTED', 'IN_SERVICE', 'WAITING_ENTERPRISE']);

/** 区县科技局: the district's orders, most urgent first (the least working time left on the running SLA). */
export function DistrictQueuePage() {
  const [page, setPage] = useState(1);
  const queue = useDispatches({ sort: 'sla', page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageTitle>服务需求受理</PageTitle>
      <Typography.Paragraph>本区县企业提交的服务需求，按时限紧迫程度排序：受理并推荐须在区县时限内完成，团队服务须在服务时限内交付（均按工作日计算，等待企业期间暂停）。</Typography.Paragraph>
      <ApiErrorAlert error={queue.error} />
      <Card>
        <DispatchTable items={queue.data?.items} loading={queue.isLoading} empty="暂无待办的服务需求" pagination={{ current: page, pageSize: PAGE_SIZE, total: queue.data?.total, onChange: setPage }} />
      </Card>
    </>
  );
}

const pendingOffer = (d: DispatchSummary) => d.status === 'OFFERED' && (d.offers ?? []).some((o) => o.status === 'PENDING');

/** 科技特派员团: offers waiting for an answer, and the services under way or done. */
export function TeamWorkPage() {
  const all = useDispatches({ sort: 'sla', page: 1, pageSize: 100 });
  const items = all.data?.items ?? [];
  return (
    <>
      <PageTitle>邀约与服务</PageTitle>
      <ApiErrorAlert error={all.error} />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>待响应的邀约</h2>}>
        <DispatchTable items={items.filter(pendingOffer)} loading={all.isLoading} empty="暂无待响应的邀约" showDistrict />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>服务</h2>} style={{ marginTop: 16 }}>
        <DispatchTable items={items.filter((d) => !pendingOffer(d) && d.team)} loading={all.isLoading} empty="暂无服务" showDistrict />
      </Card>
    </>
  );
}

/** 市科技局 (and the districts): orders whose SLA was breached — a flag plus an event, never a state. */
export function EscalationsPage() {
  const all = useDispatches({ sort: 'sla', page: 1, pageSize: 100 });
  const escalated = (all.data?.items ?? []).filter((d) => OPEN.has(d.status) && Object.values(d.escalations).some(Boolean));
  return (
    <>
      <PageTitle>超时督办</PageTitle>
      <Typography.Paragraph>区县未在时限内受理推荐、或团队未在服务时限内交付的订单。督办不改变订单状态，相关单位会收到通知。</Typography.Paragraph>
      <ApiErrorAlert error={all.error} />
      <Card>
        <DispatchTable items={escalated} loading={all.isLoading} empty="暂无超时督办的订单" showDistrict />
      </Card>
    </>
  );
}
