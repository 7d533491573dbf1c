import { App, Button, Card, DatePicker, Descriptions, Form, Input, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../api/clients';
import { ApiError } from '../api/errors';
import { bodySchema, schemaRules, type JsonSchema } from '../api/schema-rules';
import { districtName, FIELD_OPTIONS } from '../api/vocabulary';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { showFieldErrors } from '../common/form-errors';
import { PageTitle } from '../common/PageTitle';
import { ENTERPRISE_STATUS_LABEL } from '../enterprises/labels';
import { SERVICE_MODE_LABEL, URGENCY_LABEL } from './labels';
import { orderCommands, useCreateOrder, type ServiceOrderDraft } from './queries';

const BODY = bodySchema('challenge', 'POST /api/v1/service-orders');
const CONTACT = BODY.properties!.contact as JsonSchema;
const WINDOW = BODY.properties!.window as JsonSchema;
const FORM_FIELDS = ['title', 'description', 'fields', 'urgency', 'serviceMode', 'window', 'contact'];
const toDate = (d: unknown) => (dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : d);

interface Values {
  title: string;
  description: string;
  fields: string[];
  urgency: ServiceOrderDraft['urgency'];
  serviceMode: ServiceOrderDraft['serviceMode'];
  window: { from: Dayjs; to: Dayjs };
  contact: { name: string; phone: string };
}

const toDraft = (v: Values): ServiceOrderDraft => ({
  title: v.title,
  description: v.description,
  fields: (v.fields ?? []) as ServiceOrderDraft['fields'],
  urgency: v.urgency,
  serviceMode: v.serviceMode,
  window: { from: v.window.from.format('YYYY-MM-DD'), to: v.window.to.format('YYYY-MM-DD') },
  contact: v.contact,
});

const enterpriseState = (s: string) => ENTERPRISE_STATUS_LABEL[s] ?? s;

/** 企业下单: the need in the enterprise's own words; checked as the API checks it, sent to the enterprise's district. */
export default function ServiceOrderFormPage() {
  const { principal } = useAuth();
  const api = useApi();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrder();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const save = async (andSubmit: boolean) => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setError(undefined);
    setBusy(true);
    try {
      const { id } = await create.mutateAsync(toDraft(values));
      if (andSubmit) {
        try {
          await orderCommands.submit(api, id);
          void message.success('订单已提交，等待所在区县科技局受理');
        } catch (e) {
          void message.error(`草稿已保存，但提交没有成功：${(e as Error).message}`);
        }
      } else void message.success('草稿已保存');
      navigate(`/service-orders/${id}`);
    } catch (e) {
      setError(e);
      showFieldErrors(form, e, FORM_FIELDS);
    } finally {
      setBusy(false);
    }
  };

  const notVerified = error instanceof ApiError && error.code === 'ENTERPRISE_NOT_VERIFIED';
  return (
    <>
      <PageTitle>发布服务需求</PageTitle>
      <ApiErrorAlert error={error} stateLabel={enterpriseState} />
      {notVerified && (
        <p>
          请先在 <Link to="/enterprise/profile">企业档案</Link> 中登记并通过所在区县认证。
        </p>
      )}
      <Card>
        <Descriptions size="small" style={{ marginBottom: 16 }} items={[
          { key: 'org', label: '下单企业', children: principal.orgName ?? principal.orgId },
          { key: 'district', label: '受理区县', children: districtName(principal.districtCode) },
        ]} />
        <Form<Values> form={form} layout="vertical" initialValues={{ urgency: 'NORMAL', serviceMode: 'ON_SITE', fields: [] }} scrollToFirstError style={{ maxWidth: 820 }}>
          <Form.Item name="title" label="需求标题" rules={schemaRules(BODY, 'title', '需求标题')}>
            <Input placeholder="例如：压铸件气孔率控制" />
          </Form.Item>
          <Form.Item name="description" label="需求描述" rules={schemaRules(BODY, 'description', '需求描述')}>
            <Input.TextArea rows={6} placeholder="用自己的话描述遇到的技术问题、现状和希望达到的效果" />
          </Form.Item>
          <Form.Item name="fields" label="技术领域" rules={schemaRules(BODY, 'fields', '技术领域')}>
            <Select mode="multiple" options={FIELD_OPTIONS} placeholder="可不选，系统会根据描述推断" optionFilterProp="label" />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="urgency" label="紧急程度" rules={schemaRules(BODY, 'urgency', '紧急程度')}>
              <Radio.Group options={Object.entries(URGENCY_LABEL).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="serviceMode" label="服务方式" rules={schemaRules(BODY, 'serviceMode', '服务方式')}>
              <Radio.Group options={Object.entries(SERVICE_MODE_LABEL).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Space>
          <Space size="large" wrap>
            <Form.Item name={['window', 'from']} label="期望服务开始日期" rules={schemaRules(WINDOW, 'from', '期望服务开始日期', toDate)}>
              <DatePicker style={{ width: 200 }} />
            </Form.Item>
            <Form.Item
              name={['window', 'to']}
              label="期望服务结束日期"
              dependencies={[['window', 'from']]}
              rules={[
                ...schemaRules(WINDOW, 'to', '期望服务结束日期', toDate),
                // The service's rule (SERVICE_ORDER_WINDOW_INVERTED), which no schema can state.
                ({ getFieldValue }) => ({
                  validator: async (_rule, to: Dayjs | undefined) => {
                    const from = getFieldValue(['window', 'from']) as Dayjs | undefined;
                    if (from && to && to.isBefore(from, 'day')) throw new Error('期望服务时间的结束日期不能早于开始日期');
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: 200 }} />
            </Form.Item>
          </Space>
          <Space size="large" wrap>
            <Form.Item name={['contact', 'name']} label="联系人" rules={schemaRules(CONTACT, 'name', '联系人')}>
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name={['contact', 'phone']} label="联系电话" rules={schemaRules(CONTACT, 'phone', '联系电话')}>
              <Input style={{ width: 200 }} />
            </Form.Item>
          </Space>
          <Space>
            <Button onClick={() => void save(false)} loading={busy}>
              保存草稿
            </Button>
            <Button type="primary" onClick={() => void save(true)} loading={busy}>
              提交订单
            </Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
