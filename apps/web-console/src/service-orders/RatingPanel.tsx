import { App, Button, Descriptions, Form, Input, Radio, Rate, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { bodySchema, schemaRules } from '../api/schema-rules';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { ReasonButton } from '../common/ReasonButton';
import { orderStatusLabel, RATING_DIMENSIONS } from './labels';
import { orderCommands, useOrderCommand, useRating, type RatingBody } from './queries';
import type { ServiceOrder } from './types';

const RATE = bodySchema('challenge', 'POST /api/v1/service-orders/{id}/rating');
const APPEAL = bodySchema('challenge', 'POST /api/v1/service-orders/{id}/rating/appeal');
const DECIDE = bodySchema('challenge', 'POST /api/v1/service-orders/{id}/rating/appeal/decide');
const STAR_TEXT = ['很差', '较差', '一般', '较好', '很好'];

/**
 * Stars inside a labelled radio group: Form.Item hands its child an id and aria-required/aria-invalid, which Ant
 * Design's Rate would put on a plain list (not allowed there); the group carries them instead.
 */
function Stars({ id, label, value, onChange, ...aria }: { id?: string; label: string; value?: number; onChange?: (v: number) => void; 'aria-required'?: boolean; 'aria-invalid'?: boolean }) {
  return (
    <div id={id} role="radiogroup" aria-label={label} aria-required={aria['aria-required']} aria-invalid={aria['aria-invalid']}>
      <Rate tooltips={STAR_TEXT} value={value} onChange={onChange} />
    </div>
  );
}

/** 企业评价: the four criteria, 1–5 stars each, and a comment; once per order. */
function RatingForm({ order }: { order: ServiceOrder }) {
  const [form] = Form.useForm<RatingBody>();
  const rate = useOrderCommand(order.id, (api, body: RatingBody) => orderCommands.rate(api, order.id, body));
  const { message } = App.useApp();
  const send = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    await rate.mutateAsync({ ...v, comment: v.comment || null }).then(() => void message.success('感谢评价，评价已提交'), () => undefined);
  };
  return (
    <Form form={form} layout="horizontal" labelCol={{ flex: '96px' }} style={{ maxWidth: 640 }}>
      <ApiErrorAlert error={rate.error} stateLabel={orderStatusLabel} />
      {RATING_DIMENSIONS.map((d) => (
        <Form.Item key={d.key} name={d.key} label={d.label} rules={schemaRules(RATE, d.key, d.label)}>
          <Stars label={d.label} />
        </Form.Item>
      ))}
      <Form.Item name="comment" label="评价意见" rules={schemaRules(RATE, 'comment', '评价意见')}>
        <Input.TextArea rows={3} placeholder="可选：服务过程、效果的具体评价" />
      </Form.Item>
      <Button type="primary" onClick={() => void send()} loading={rate.isPending}>
        提交评价
      </Button>
    </Form>
  );
}

const APPEAL_LABEL = { OPEN: '申诉待裁定', UPHELD: '申诉成立（评价作废）', DISMISSED: '申诉已驳回' } as const;

/** The rating once given, with the serving team's appeal and the district's decision on it. */
export function RatingPanel({ order }: { order: ServiceOrder }) {
  const { principal } = useAuth();
  const rated = ['RATED', 'CLOSED'].includes(order.status);
  const rating = useRating(order.id, rated);
  const appeal = useOrderCommand(order.id, (api, reason: string) => orderCommands.appeal(api, order.id, reason));
  const decide = useOrderCommand(order.id, (api, body: { uphold: boolean; reason: string }) => orderCommands.decide(api, order.id, body));

  if (order.status === 'CONFIRMED') {
    return principal.role === 'enterprise' ? <RatingForm order={order} /> : <Typography.Text type="secondary">等待企业评价</Typography.Text>;
  }
  if (!rated) return <Typography.Text type="secondary">交付确认后由企业评价</Typography.Text>;
  if (rating.error) return <ApiErrorAlert error={rating.error} />;
  const r = rating.data;
  if (!r) return <Typography.Text type="secondary">{rating.isLoading ? '正在加载评价…' : '暂无评价'}</Typography.Text>;
  const appealOpen = !r.appealStatus && r.status === 'ACTIVE' && dayjs().isBefore(r.appealDueAt);
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          ...RATING_DIMENSIONS.map((d) => ({ key: d.key, label: d.label, children: <Rate disabled value={r[d.key]} aria-label={`${d.label} ${r[d.key]} 星`} /> })),
          { key: 'comment', label: '评价意见', span: 2, children: r.comment ?? '—' },
          { key: 'status', label: '评价状态', children: r.status === 'VOIDED' ? <Tag color="default">已作废</Tag> : <Tag color="#237804">有效</Tag> },
          { key: 'appeal', label: '申诉', children: r.appealStatus ? `${APPEAL_LABEL[r.appealStatus]}：${r.appealReason ?? ''}` : `申诉期至 ${dayjs(r.appealDueAt).format('YYYY-MM-DD HH:mm')}` },
        ]}
      />
      <ApiErrorAlert error={appeal.error ?? decide.error} stateLabel={orderStatusLabel} />
      {principal.role === 'team' && appealOpen && (
        <ReasonButton label="申诉评价" body={APPEAL} fieldLabel="申诉理由" onSubmit={(reason) => appeal.mutateAsync(reason)} stateLabel={orderStatusLabel} />
      )}
      {principal.role === 'district' && r.appealStatus === 'OPEN' && (
        <ReasonButton
          label="裁定申诉"
          body={DECIDE}
          fieldLabel="裁定理由"
          primary
          stateLabel={orderStatusLabel}
          onSubmit={(reason, v) => decide.mutateAsync({ uphold: v.uphold as boolean, reason })}
        >
          <Form.Item name="uphold" label="裁定结果" rules={[{ required: true, message: '请选择裁定结果' }]}>
            <Radio.Group options={[{ value: true, label: '申诉成立，评价作废' }, { value: false, label: '驳回申诉，评价有效' }]} />
          </Form.Item>
        </ReasonButton>
      )}
    </>
  );
}
