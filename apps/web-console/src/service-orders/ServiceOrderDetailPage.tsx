import { App, Button, Card, Descriptions, Form, Popconfirm, Radio, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/errors';
import { bodySchema } from '../api/schema-rules';
import { districtName, fieldName } from '../api/vocabulary';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { ReasonButton } from '../common/ReasonButton';
import { ENTERPRISE_STATUS_LABEL } from '../enterprises/labels';
import { ORDER_STATUS, orderStatusLabel, SERVICE_MODE_LABEL, URGENCY_LABEL } from './labels';
import { OrderTimeline } from './OrderTimeline';
import { orderCommands, useOrderCommand, useServiceOrder } from './queries';
import { RatingPanel } from './RatingPanel';
import type { ServiceOrder, ServiceOrderStatus } from './types';

const CANCEL = bodySchema('challenge', 'POST /api/v1/service-orders/{id}/cancel');
const DISPUTE = bodySchema('challenge', 'POST /api/v1/service-orders/{id}/dispute');
const RESOLVE = bodySchema('challenge', 'POST /api/v1/service-orders/{id}/dispute/resolve');

// The service's rules (service-order.domain.ts): who may cancel until when.
const ENTERPRISE_CANCELLABLE: ServiceOrderStatus[] = ['DRAFT', 'SUBMITTED', 'RETURNED', 'DISTRICT_ACCEPTED', 'RECOMMENDED', 'OFFERED', 'TEAM_ACCEPTED'];
const DISTRICT_CANCELLABLE: ServiceOrderStatus[] = [...ENTERPRISE_CANCELLABLE.filter((s) => s !== 'DRAFT'), 'IN_SERVICE', 'WAITING_ENTERPRISE'];

const stateLabel = (s: string) => ENTERPRISE_STATUS_LABEL[s] ?? orderStatusLabel(s);

function Actions({ order }: { order: ServiceOrder }) {
  const { principal } = useAuth();
  const { message } = App.useApp();
  const submit = useOrderCommand(order.id, (api) => orderCommands.submit(api, order.id));
  const confirm = useOrderCommand(order.id, (api) => orderCommands.confirm(api, order.id));
  const cancel = useOrderCommand(order.id, (api, reason: string) => orderCommands.cancel(api, order.id, reason));
  const dispute = useOrderCommand(order.id, (api, reason: string) => orderCommands.dispute(api, order.id, reason));
  const resolve = useOrderCommand(order.id, (api, body: { outcome: 'CONFIRM' | 'RESUME_SERVICE'; reason: string }) => orderCommands.resolve(api, order.id, body));
  const error = submit.error ?? confirm.error;
  const notVerified = submit.error instanceof ApiError && submit.error.code === 'ENTERPRISE_NOT_VERIFIED';
  const role = principal.role;
  const s = order.status;
  return (
    <>
      <ApiErrorAlert error={error} stateLabel={stateLabel} />
      {notVerified && (
        <Typography.Paragraph>
          下单须先通过企业认证：请到 <Link to="/enterprise/profile">企业档案</Link> 登记或修改，并等待所在区县科技局认证。
        </Typography.Paragraph>
      )}
      <Space wrap>
        {role === 'enterprise' && (s === 'DRAFT' || s === 'RETURNED') && (
          <Button type="primary" loading={submit.isPending} onClick={() => submit.mutateAsync(undefined).then(() => void message.success('订单已提交'), () => undefined)}>
            提交订单
          </Button>
        )}
        {role === 'enterprise' && s === 'DELIVERED' && !order.disputedAt && (
          <>
            <Popconfirm title="确认特派员团已完成交付？确认后可以评价。" okText="确认交付" cancelText="取消" onConfirm={() => confirm.mutateAsync(undefined).then(() => void message.success('已确认交付'), () => undefined)}>
              <Button type="primary" loading={confirm.isPending}>
                确认交付
              </Button>
            </Popconfirm>
            <ReasonButton label="对交付有异议" body={DISPUTE} fieldLabel="异议说明" onSubmit={(reason) => dispute.mutateAsync(reason)} stateLabel={orderStatusLabel} />
          </>
        )}
        {role === 'district' && s === 'DELIVERED' && order.disputedAt && (
          <ReasonButton label="裁定交付争议" primary body={RESOLVE} fieldLabel="裁定理由" stateLabel={orderStatusLabel} onSubmit={(reason, v) => resolve.mutateAsync({ outcome: v.outcome as 'CONFIRM' | 'RESUME_SERVICE', reason })}>
            <Form.Item name="outcome" label="裁定结果" rules={[{ required: true, message: '请选择裁定结果' }]}>
              <Radio.Group options={[{ value: 'CONFIRM', label: '确认交付' }, { value: 'RESUME_SERVICE', label: '团队继续服务' }]} />
            </Form.Item>
          </ReasonButton>
        )}
        {((role === 'enterprise' && ENTERPRISE_CANCELLABLE.includes(s)) || (role === 'district' && DISTRICT_CANCELLABLE.includes(s))) && (
          <ReasonButton label="取消订单" danger body={CANCEL} fieldLabel="取消理由" onSubmit={(reason) => cancel.mutateAsync(reason)} stateLabel={orderStatusLabel} />
        )}
        {(role === 'district' || role === 'bureau' || role === 'team') && s !== 'DRAFT' && <Link to={`/dispatches/${order.id}`}>查看派单与服务记录</Link>}
      </Space>
    </>
  );
}

/** One order: what was asked, who serves it, the enterprise's and the district's commands, the rating, the timeline. */
export default function ServiceOrderDetailPage() {
  const { id = '' } = useParams();
  const order = useServiceOrder(id);
  if (order.isLoading) return <Skeleton active />;
  if (!order.data) return <ApiErrorAlert error={order.error} />;
  const o = order.data;
  return (
    <>
      <PageTitle>{o.title}</PageTitle>
      <Card>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'status', label: '状态', children: <><Tag color={ORDER_STATUS[o.status]?.color}>{orderStatusLabel(o.status)}</Tag>{o.disputedAt && <Tag color="red">交付争议待区县裁定</Tag>}</> },
            { key: 'enterprise', label: '下单企业', children: o.enterpriseName },
            { key: 'district', label: '受理区县', children: districtName(o.districtCode) },
            { key: 'team', label: '服务团队', children: o.team?.name ?? '—' },
            { key: 'urgency', label: '紧急程度', children: URGENCY_LABEL[o.urgency] },
            { key: 'mode', label: '服务方式', children: SERVICE_MODE_LABEL[o.serviceMode] },
            { key: 'window', label: '期望服务时间', children: `${o.window.from} 至 ${o.window.to}` },
            { key: 'contact', label: '联系人', children: `${o.contact.name} ${o.contact.phone}` },
            { key: 'fields', label: '技术领域', children: o.fields.map(fieldName).join('、') || '—' },
            { key: 'submitted', label: '下单时间', children: o.submittedAt ? dayjs(o.submittedAt).format('YYYY-MM-DD HH:mm') : '—' },
            { key: 'description', label: '需求描述', span: 2, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{o.description}</Typography.Paragraph> },
          ]}
        />
        <Actions order={o} />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>企业评价</h2>} style={{ marginTop: 16 }}>
        <RatingPanel order={o} />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>全过程记录</h2>} style={{ marginTop: 16 }}>
        <OrderTimeline orderId={o.id} ownerOrgId={o.enterpriseOrgId} />
      </Card>
    </>
  );
}
