import { App, Button, Card, DatePicker, Descriptions, Divider, Form, Input, InputNumber, Radio, Select, Skeleton, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, fieldErrors } from '../api/errors';
import { bodySchema, schemaRules } from '../api/schema-rules';
import { districtName, FIELD_OPTIONS, wanToYuan } from '../api/vocabulary';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { contentProblems } from './content-rules';
import { MilestonesEditor } from './form/MilestonesEditor';
import { TermsSection } from './form/TermsSection';
import { crossFields, FORM_FIELDS, fromChallenge, INITIAL, toBody, type Values } from './form/values';
import { MODE_LABEL, statusLabel } from './labels';
import { useChallengeFull, useEditChallenge } from './lifecycle-queries';
import { POLICY_LABEL, options } from './model';
import { useCreateChallenge, useSubmitChallenge } from './queries';

const BODY = bodySchema('challenge', 'POST /api/v1/challenges');
const toDate = (d: unknown) => (dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : d);
const section = (title: string) => (
  <Divider titlePlacement="start">
    <h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>
  </Divider>
);

/** The API names `reviewWeights` as a whole; the form shows it on the first of the three inputs. */
function errorsOnForm(error: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!(error instanceof ApiError)) return [];
  return fieldErrors(error, FORM_FIELDS).map((f) => {
    if (f.name[0] === 'reviewWeights' && f.name.length === 1) return { ...f, name: ['reviewWeights', 'technical'] };
    if (f.name[0] === 'deadlineAt') return { ...f, name: ['deadline'] };
    return f;
  });
}

/**
 * 企业 drafts or edits a 榜单 with its whole content (docs/workflows.md §2): the fields checked as the request schema
 * checks them, the rules across fields as the challenge domain checks them, and what the service still refuses shown
 * on the field at fault.
 */
export default function ChallengeFormPage() {
  const { id } = useParams();
  const editing = id !== undefined;
  const { principal } = useAuth();
  const [form] = Form.useForm<Values>();
  const existing = useChallengeFull(id ?? '', editing);
  const create = useCreateChallenge();
  const edit = useEditChallenge();
  const submit = useSubmitChallenge();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>();
  const mode = Form.useWatch('mode', form);
  const loaded = editing ? existing.data : undefined;

  useEffect(() => {
    if (loaded) form.setFieldsValue(fromChallenge(loaded));
  }, [loaded, form]);

  const save = async (andSubmit: boolean) => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const body = toBody(values);
    const problems = contentProblems(crossFields(body));
    if (problems.length) {
      const at = (field: string) => (field === 'reviewWeights' ? ['reviewWeights', 'technical'] : [field]);
      const fields = [...new Set(problems.map((p) => p.field))];
      form.setFields(fields.map((f) => ({ name: at(f), errors: problems.filter((p) => p.field === f).map((p) => p.message) })) as never);
      form.scrollToField(at(fields[0]));
      return;
    }
    setError(undefined);
    let saved: string;
    try {
      saved = editing ? (await edit.mutateAsync({ id, body }), id) : (await create.mutateAsync(body)).id;
    } catch (e) {
      setError(e);
      form.setFields(errorsOnForm(e) as never);
      return;
    }
    if (!andSubmit) {
      void message.success('草稿已保存');
      return navigate(`/challenges/${saved}`);
    }
    try {
      await submit.mutateAsync(saved);
      void message.success('榜单已提交，等待市科技局论证');
    } catch (e) {
      void message.error(`草稿已保存，但提交没有成功：${(e as Error).message}`);
    }
    navigate(`/challenges/${saved}`);
  };

  if (editing && existing.isLoading) return <Skeleton active />;
  if (editing && !existing.data) return <ApiErrorAlert error={existing.error} />;
  if (loaded && loaded.status !== 'DRAFT' && loaded.status !== 'RETURNED') {
    return <ApiErrorAlert error={new ApiError(409, { code: 'CHALLENGE_INVALID_STATE', message: '只有草稿或退回修改的榜单可以修改', details: { currentState: loaded.status } })} />;
  }
  const busy = create.isPending || edit.isPending;

  return (
    <>
      <PageTitle>{editing ? `修改榜单：${loaded?.title}` : '发布榜单'}</PageTitle>
      <ApiErrorAlert error={error} />
      <Card>
        <Descriptions
          size="small"
          style={{ marginBottom: 16 }}
          items={[
            { key: 'org', label: '发榜企业', children: principal.orgName ?? principal.orgId },
            { key: 'district', label: '所在区县', children: districtName(principal.districtCode) },
            ...(loaded ? [{ key: 'status', label: '当前状态', children: statusLabel(loaded.status) }] : []),
          ]}
        />
        <Form<Values> form={form} layout="vertical" initialValues={INITIAL} scrollToFirstError style={{ maxWidth: 880 }}>
          {section('基本信息')}
          <Form.Item name="title" label="榜单名称" rules={schemaRules(BODY, 'title', '榜单名称')}>
            <Input placeholder="例如：压铸件机加工后气孔导致气密性不合格" />
          </Form.Item>
          <Form.Item name="description" label="技术难点" rules={schemaRules(BODY, 'description', '技术难点')}>
            <Input.TextArea rows={6} placeholder="描述需要攻克的关键技术问题、现状与已尝试的方案" />
          </Form.Item>
          <Form.Item name="indicators" label="技术指标" extra="输入后按回车添加一项" rules={schemaRules(BODY, 'indicators', '技术指标')}>
            <Select mode="tags" open={false} placeholder="例如：气密性泄漏率 ≤ 0.5%" />
          </Form.Item>
          <Form.Item name="researchContent" label="研究内容" extra="论证通过前须填写" rules={schemaRules(BODY, 'researchContent', '研究内容')}>
            <Input.TextArea rows={4} placeholder="需要揭榜方开展的研究工作与技术路线要求" />
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
              <DatePicker style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="durationMonths" label="实施周期（月）" extra="论证通过前须填写" rules={schemaRules(BODY, 'durationMonths', '实施周期')}>
              <InputNumber min={1} max={120} style={{ width: 200 }} />
            </Form.Item>
          </Space>

          {section('揭榜方式')}
          <Form.Item name="mode" label="揭榜方式" rules={schemaRules(BODY, 'mode', '揭榜方式')}>
            <Radio.Group options={Object.entries(MODE_LABEL).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {mode === 'HORSE_RACE' && (
            <Space size="large" wrap align="start">
              <Form.Item name="maxWinners" label="并行立项数（赛马制 2–3 家）" initialValue={2} rules={schemaRules(BODY, 'maxWinners', '并行立项数')}>
                <InputNumber min={2} max={3} />
              </Form.Item>
              <Form.Item name="eliminationPolicy" label="中期淘汰后的资金处理" initialValue="REALLOCATE_TO_SURVIVORS" rules={schemaRules(BODY, 'eliminationPolicy', '资金处理方式')}>
                <Radio.Group options={options(POLICY_LABEL)} />
              </Form.Item>
            </Space>
          )}

          {section('里程碑与分期拨付')}
          <MilestonesEditor />

          {section('揭榜条件与评审')}
          <TermsSection />

          <Space style={{ marginTop: 16 }}>
            <Button onClick={() => void save(false)} loading={busy && !submit.isPending}>
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
