import { App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { bodySchema, schemaRules } from '../api/schema-rules';
import { districtName, FIELD_OPTIONS, wanToYuan } from '../api/vocabulary';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { showFieldErrors } from '../common/form-errors';
import { PageTitle } from '../common/PageTitle';
import { MODE_LABEL } from './labels';
import { useCreateChallenge, useSubmitChallenge, type ChallengeDraft } from './queries';

const BODY = bodySchema('challenge', 'POST /api/v1/challenges');

/** The form holds 万元 and a date picker's value; the API takes integer yuan and a date. */
interface Values {
  title: string;
  description: string;
  indicators: string[];
  keywords: string[];
  fields: string[];
  bountyYuan: number;
  deadline: Dayjs;
  mode: 'SINGLE' | 'HORSE_RACE';
  maxWinners?: number;
}

const toDate = (d: unknown) => (dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : d);
const FORM_FIELDS = ['title', 'description', 'indicators', 'keywords', 'fields', 'bountyYuan', 'deadline', 'mode', 'maxWinners', 'districtCode'];

function toDraft(v: Values): ChallengeDraft {
  return {
    title: v.title,
    description: v.description,
    indicators: v.indicators ?? [],
    keywords: v.keywords ?? [],
    fields: (v.fields ?? []) as ChallengeDraft['fields'],
    bountyYuan: wanToYuan(v.bountyYuan),
    deadline: v.deadline.format('YYYY-MM-DD'),
    mode: v.mode,
    maxWinners: v.mode === 'SINGLE' ? 1 : (v.maxWinners ?? 2),
  };
}

/** 企业 drafts a 榜单: the form checks what the API checks (rules from its schema); what the API still refuses is shown on the field at fault. */
export default function ChallengeFormPage() {
  const { principal } = useAuth();
  const [form] = Form.useForm<Values>();
  const create = useCreateChallenge();
  const submit = useSubmitChallenge();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>();
  const mode = Form.useWatch('mode', form);

  const save = async (andSubmit: boolean) => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setError(undefined);
    let id: string;
    try {
      id = (await create.mutateAsync(toDraft(values))).id;
    } catch (e) {
      setError(e);
      showFieldErrors(form, e, FORM_FIELDS);
      return;
    }
    if (!andSubmit) {
      void message.success('草稿已保存');
      return navigate(`/challenges/${id}`);
    }
    try {
      await submit.mutateAsync(id);
      void message.success('榜单已提交，等待市科技局论证');
    } catch (e) {
      void message.error(`草稿已保存，但提交没有成功：${(e as Error).message}`);
    }
    navigate(`/challenges/${id}`);
  };

  return (
    <>
      <PageTitle>发布榜单</PageTitle>
      <ApiErrorAlert error={error} />
      <Card>
        <Descriptions size="small" style={{ marginBottom: 16 }} items={[
          { key: 'org', label: '发榜企业', children: principal.orgName ?? principal.orgId },
          { key: 'district', label: '所在区县', children: districtName(principal.districtCode) },
        ]} />
        <Form<Values> form={form} layout="vertical" initialValues={{ mode: 'SINGLE', indicators: [], keywords: [], fields: [] }} scrollToFirstError style={{ maxWidth: 820 }}>
          <Form.Item name="title" label="榜单名称" rules={schemaRules(BODY, 'title', '榜单名称')}>
            <Input placeholder="例如：压铸件机加工后气孔导致气密性不合格" />
          </Form.Item>
          <Form.Item name="description" label="技术难点" rules={schemaRules(BODY, 'description', '技术难点')}>
            <Input.TextArea rows={6} placeholder="描述需要攻克的关键技术问题、现状与已尝试的方案" />
          </Form.Item>
          <Form.Item name="indicators" label="技术指标" extra="输入后按回车添加一项" rules={schemaRules(BODY, 'indicators', '技术指标')}>
            <Select mode="tags" open={false} placeholder="例如：气密性泄漏率 ≤ 0.5%" />
          </Form.Item>
          <Form.Item name="keywords" label="关键词" extra="输入后按回车添加一项" rules={schemaRules(BODY, 'keywords', '关键词')}>
            <Select mode="tags" open={false} placeholder="例如：压铸、气孔" />
          </Form.Item>
          <Form.Item name="fields" label="技术领域" rules={schemaRules(BODY, 'fields', '技术领域')}>
            <Select mode="multiple" options={FIELD_OPTIONS} placeholder="选择 1–5 个领域" optionFilterProp="label" />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="bountyYuan" label="悬赏金额（万元）" rules={schemaRules(BODY, 'bountyYuan', '悬赏金额', wanToYuan)}>
              <InputNumber min={0} step={10} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="deadline" label="揭榜截止日期" rules={schemaRules(BODY, 'deadline', '揭榜截止日期', toDate)}>
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: 200 }} />
            </Form.Item>
          </Space>
          <Form.Item name="mode" label="揭榜方式" rules={schemaRules(BODY, 'mode', '揭榜方式')}>
            <Radio.Group options={Object.entries(MODE_LABEL).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {mode === 'HORSE_RACE' && (
            <Form.Item name="maxWinners" label="并行立项数（赛马制 2–3 家）" initialValue={2} rules={schemaRules(BODY, 'maxWinners', '并行立项数')}>
              <InputNumber min={2} max={3} />
            </Form.Item>
          )}
          <Space>
            <Button onClick={() => void save(false)} loading={create.isPending && !submit.isPending}>
              保存草稿
            </Button>
            <Button type="primary" onClick={() => void save(true)} loading={submit.isPending}>
              保存并提交论证
            </Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
