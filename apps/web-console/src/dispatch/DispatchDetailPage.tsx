import { App, Button, Card, Descriptions, List, Popconfirm, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { bodySchema } from '../api/schema-rules';
import { districtName, roleName } from '../api/vocabulary';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { ReasonButton } from '../common/ReasonButton';
import { SERVICE_MODE_LABEL, URGENCY_LABEL } from '../service-orders/labels';
import { escalationTags } from './DispatchTable';
import { DISPATCH_STATUS, dispatchStatusLabel, OFFER_STATUS_LABEL, slaText } from './labels';
import { dispatchCommands, useDispatch, useDispatchCommand } from './queries';
import { RecommendPanel } from './RecommendPanel';
import { TeamActions } from './TeamActions';
import type { Dispatch, Offer } from './types';

const RETURN = bodySchema('matching', 'POST /api/v1/dispatches/{id}/return');
const REJECT = bodySchema('matching', 'POST /api/v1/dispatches/{id}/reject');

/** 区县受理: accept, send back for more information, or refuse (with a reason). */
function DistrictIntake({ dispatch }: { dispatch: Dispatch }) {
  const { message } = App.useApp();
  const accept = useDispatchCommand(dispatch.id, (api) => dispatchCommands.accept(api, dispatch.id));
  const ret = useDispatchCommand(dispatch.id, (api, reason: string) => dispatchCommands.return(api, dispatch.id, reason));
  const reject = useDispatchCommand(dispatch.id, (api, reason: string) => dispatchCommands.reject(api, dispatch.id, reason));
  return (
    <>
      <ApiErrorAlert error={accept.error} stateLabel={dispatchStatusLabel} />
      <Space wrap>
        <Popconfirm title="受理后须在区县时限内推荐团队。确认受理？" okText="受理" cancelText="取消" onConfirm={() => accept.mutateAsync(undefined).then(() => void message.success('已受理'), () => undefined)}>
          <Button type="primary" loading={accept.isPending}>
            受理
          </Button>
        </Popconfirm>
        <ReasonButton label="退回企业补充" body={RETURN} fieldLabel="需要补充的内容" onSubmit={(reason) => ret.mutateAsync(reason)} stateLabel={dispatchStatusLabel} />
        <ReasonButton label="不予受理" danger body={REJECT} fieldLabel="不予受理的理由" onSubmit={(reason) => reject.mutateAsync(reason)} stateLabel={dispatchStatusLabel} />
      </Space>
    </>
  );
}

const offerColumns = [
  { title: '顺序', dataIndex: 'attempt' },
  { title: '团队', key: 'team', render: (_: unknown, o: Offer) => o.team.name },
  { title: '状态', dataIndex: 'status', render: (s: Offer['status']) => OFFER_STATUS_LABEL[s] },
  { title: '邀约时间', dataIndex: 'offeredAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
  { title: '响应期限', dataIndex: 'dueAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
  { title: '理由', dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
];

/** One order as the district and the teams work it: intake, recommendation, offers, service records, its history. */
export default function DispatchDetailPage() {
  const { id = '' } = useParams();
  const { principal } = useAuth();
  const dispatch = useDispatch(id);
  if (dispatch.isLoading) return <Skeleton active />;
  if (!dispatch.data) return <ApiErrorAlert error={dispatch.error} />;
  const d = dispatch.data;
  const sla = slaText(d.sla);
  const district = principal.role === 'district';
  return (
    <>
      <PageTitle extra={<Link to={`/service-orders/${d.id}`}>订单全过程与评价</Link>}>{d.order.title}</PageTitle>
      <Card>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'status', label: '状态', children: <><Tag color={DISPATCH_STATUS[d.status]?.color}>{dispatchStatusLabel(d.status)}</Tag>{escalationTags(d.escalations)}</> },
            { key: 'sla', label: sla.clock ?? '时限', children: <span data-testid="sla">{sla.text}</span> },
            { key: 'enterprise', label: '企业', children: d.order.enterpriseName },
            { key: 'district', label: '区县', children: districtName(d.order.districtCode) },
            { key: 'urgency', label: '紧急程度', children: URGENCY_LABEL[d.order.urgency] },
            { key: 'mode', label: '服务方式', children: SERVICE_MODE_LABEL[d.order.serviceMode] },
            { key: 'window', label: '期望服务时间', children: `${d.order.window.from} 至 ${d.order.window.to}` },
            { key: 'contact', label: '联系人', children: `${d.order.contact.name} ${d.order.contact.phone}` },
            { key: 'team', label: '服务团队', children: d.team?.name ?? '—' },
            { key: 'submitted', label: '下单时间', children: dayjs(d.submittedAt).format('YYYY-MM-DD HH:mm') },
            { key: 'description', label: '需求描述', span: 2, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{d.order.description}</Typography.Paragraph> },
          ]}
        />
        {district && d.status === 'QUEUED' && <DistrictIntake dispatch={d} />}
        {principal.role === 'team' && <TeamActions dispatch={d} />}
      </Card>
      {district && d.status === 'DISTRICT_ACCEPTED' && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>推荐科技特派员团</h2>} style={{ marginTop: 16 }}>
          <RecommendPanel dispatch={d} />
        </Card>
      )}
      {d.offers.length > 0 && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>邀约</h2>} style={{ marginTop: 16 }}>
          <Table<Offer> rowKey="id" dataSource={d.offers} columns={offerColumns} pagination={false} size="small" />
        </Card>
      )}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>服务记录</h2>} style={{ marginTop: 16 }}>
        {d.records.length === 0 ? (
          <Typography.Text>暂无服务记录</Typography.Text>
        ) : (
        <List
          dataSource={d.records}
          renderItem={(r) => (
            <List.Item data-testid="service-record">
              <List.Item.Meta
                title={`${r.date} · ${SERVICE_MODE_LABEL[r.mode]} · ${r.hours} 小时 · ${r.participants.join('、')}`}
                description={
                  <>
                    <div>服务内容：{r.work}</div>
                    <div>服务成效：{r.outcome}</div>
                  </>
                }
              />
            </List.Item>
          )}
        />
        )}
      </Card>
      {d.history && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>派单流转记录</h2>} style={{ marginTop: 16 }}>
          <Timeline
            items={d.history.map((h, i) => ({
              key: i,
              children: (
                <>
                  <Typography.Text strong>{h.from ? `${dispatchStatusLabel(h.from)} → ${dispatchStatusLabel(h.to)}` : dispatchStatusLabel(h.to)}</Typography.Text>
                  <div>
                    {dayjs(h.at).format('YYYY-MM-DD HH:mm:ss')} · {h.actorRole === 'system' ? '系统（定时任务）' : roleName(h.actorRole)}
                  </div>
                  {h.reason && <div>理由：{h.reason}</div>}
                </>
              ),
            }))}
          />
        </Card>
      )}
    </>
  );
}
