import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { bodySchema, schemaRules } from '../api/schema-rules';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { showFieldErrors } from '../common/form-errors';
import { ReasonButton } from '../common/ReasonButton';
import { SERVICE_MODE_LABEL } from '../service-orders/labels';
import { dispatchStatusLabel } from './labels';
import { dispatchCommands, useDispatchCommand, type RecordBody } from './queries';
import type { Dispatch } from './types';

const DECLINE = bodySchema('matching', 'POST /api/v1/dispatches/{id}/offer/decline');
const WAIT = bodySchema('matching', 'POST /api/v1/dispatches/{id}/wait');
const DELIVER = bodySchema('matching', 'POST /api/v1/dispatches/{id}/deliver');
const RECORD = bodySchema('matching', 'POST /api/v1/dispatches/{id}/records');
const RECORD_FIELDS = ['date', 'mode', 'hours', 'participants', 'work', 'outcome'];
const toDate = (d: unknown) => (dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : d);

/** 服务记录: one visit or remote session — when, how, how long, who, what was done and what came of it. */
function RecordButton({ dispatch }: { dispatch: Dispatch }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Omit<RecordBody, 'date'> & { date: Dayjs }>();
  const log = useDispatchCommand(dispatch.id, (api, body: RecordBody) => dispatchCommands.log(api, dispatch.id, body));
  const { message } = App.useApp();
  const save = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    await log.mutateAsync({ ...v, date: v.date.format('YYYY-MM-DD'), attachments: [] }).then(
      () => {
        void message.success('服务记录已保存');
        setOpen(false);
        form.resetFields();
      },
      (e: unknown) => showFieldErrors(form, e, RECORD_FIELDS),
    );
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        填写服务记录
      </Button>
      <Modal title="填写服务记录" open={open} onCancel={() => setOpen(false)} onOk={() => void save()} okText="保存" cancelText="取消" confirmLoading={log.isPending} width={640}>
        <ApiErrorAlert error={log.error} stateLabel={dispatchStatusLabel} />
        <Form form={form} layout="vertical" initialValues={{ mode: dispatch.order.serviceMode, date: dayjs(), hours: 2, participants: [] }}>
          <Space size="large" wrap>
            <Form.Item name="date" label="服务日期" rules={schemaRules(RECORD, 'date', '服务日期', toDate)}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="mode" label="服务方式" rules={schemaRules(RECORD, 'mode', '服务方式')}>
              <Radio.Group options={Object.entries(SERVICE_MODE_LABEL).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="hours" label="服务时长（小时）" rules={schemaRules(RECORD, 'hours', '服务时长')}>
              <InputNumber min={0.5} max={24} step={0.5} />
            </Form.Item>
          </Space>
          <Form.Item name="participants" label="参与人员" extra="输入姓名后按回车添加" rules={schemaRules(RECORD, 'participants', '参与人员')}>
            <Select mode="tags" open={false} />
          </Form.Item>
          <Form.Item name="work" label="服务内容" rules={schemaRules(RECORD, 'work', '服务内容')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="outcome" label="服务成效" rules={schemaRules(RECORD, 'outcome', '服务成效')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 科技特派员团: answer the offer, start, log, wait for the enterprise or resume, deliver with a summary. */
export function TeamActions({ dispatch }: { dispatch: Dispatch }) {
  const { message } = App.useApp();
  const accept = useDispatchCommand(dispatch.id, (api) => dispatchCommands.acceptOffer(api, dispatch.id));
  const decline = useDispatchCommand(dispatch.id, (api, reason: string) => dispatchCommands.declineOffer(api, dispatch.id, reason));
  const start = useDispatchCommand(dispatch.id, (api) => dispatchCommands.start(api, dispatch.id));
  const wait = useDispatchCommand(dispatch.id, (api, reason: string) => dispatchCommands.wait(api, dispatch.id, reason));
  const resume = useDispatchCommand(dispatch.id, (api) => dispatchCommands.resume(api, dispatch.id));
  const deliver = useDispatchCommand(dispatch.id, (api, summary: string) => dispatchCommands.deliver(api, dispatch.id, summary));
  const s = dispatch.status;
  const offered = s === 'OFFERED' && dispatch.offers.some((o) => o.status === 'PENDING');
  const done = (text: string) => () => void message.success(text);
  return (
    <>
      <ApiErrorAlert error={accept.error ?? start.error ?? resume.error} stateLabel={dispatchStatusLabel} />
      <Space wrap>
        {offered && (
          <>
            <Popconfirm title="接单后须在服务时限内完成服务并交付。确认接单？" okText="接单" cancelText="取消" onConfirm={() => accept.mutateAsync(undefined).then(done('已接单'), () => undefined)}>
              <Button type="primary" loading={accept.isPending}>
                接单
              </Button>
            </Popconfirm>
            <ReasonButton label="婉拒邀约" danger body={DECLINE} fieldLabel="婉拒理由" onSubmit={(reason) => decline.mutateAsync(reason)} stateLabel={dispatchStatusLabel} />
          </>
        )}
        {s === 'TEAM_ACCEPTED' && (
          <Button type="primary" loading={start.isPending} onClick={() => start.mutateAsync(undefined).then(done('服务已开始'), () => undefined)}>
            开始服务
          </Button>
        )}
        {s === 'IN_SERVICE' && (
          <>
            <RecordButton dispatch={dispatch} />
            <ReasonButton label="等待企业" body={WAIT} fieldLabel="等待原因（服务时限暂停）" onSubmit={(reason) => wait.mutateAsync(reason)} stateLabel={dispatchStatusLabel} />
            <ReasonButton label="交付" primary body={DELIVER} field="summary" fieldLabel="服务总结" onSubmit={(summary) => deliver.mutateAsync(summary)} stateLabel={dispatchStatusLabel} />
          </>
        )}
        {s === 'WAITING_ENTERPRISE' && (
          <Button type="primary" loading={resume.isPending} onClick={() => resume.mutateAsync(undefined).then(done('已恢复服务'), () => undefined)}>
            恢复服务
          </Button>
        )}
      </Space>
    </>
  );
}
