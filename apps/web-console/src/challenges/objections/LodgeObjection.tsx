import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Space, Typography } from 'antd';
import { bodySchema, violation, type JsonSchema } from '../../api/schema-rules';
import { ApiErrorAlert } from '../../common/ApiErrorAlert';
import { showFieldErrors } from '../../common/form-errors';
import { useLodgeObjection } from './queries';

const LODGE = bodySchema('challenge', 'POST /api/v1/challenges/{id}/objections');
const REASON = LODGE.properties!.reasons.items!;
const EVIDENCE = LODGE.properties!.evidence.items!.properties!;
const MAX_REASONS = LODGE.properties!.reasons.maxItems ?? 10;
const MAX_EVIDENCE = LODGE.properties!.evidence.maxItems ?? 20;

/** One item checked as the API checks it (length, non-empty after trimming). */
const itemRule = (schema: JsonSchema, label: string) => ({
  validator: async (_: unknown, value: unknown) => {
    const text = typeof value === 'string' ? value.trim() : value;
    if (text === undefined || text === '') throw new Error(`请填写${label}`);
    const problem = violation(schema, text, label);
    if (problem) throw new Error(problem);
  },
});

interface Values {
  reasons: string[];
  evidence: { name: string; url: string }[];
}

/** 提出异议: reasons (one or more) and references to evidence already stored (name and link), during the 公示. */
export function LodgeObjection({ challengeId }: { challengeId: string }) {
  const lodge = useLodgeObjection(challengeId);
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const submit = (v: Values) =>
    lodge
      .mutateAsync({ reasons: v.reasons.map((r) => r.trim()), evidence: (v.evidence ?? []).map((e) => ({ name: e.name.trim(), url: e.url.trim() })) })
      .then(() => {
        form.resetFields();
        void message.success('异议已提交，市科技局核查后裁定');
      })
      .catch((e: unknown) => showFieldErrors(form, e, ['reasons', 'evidence']));
  return (
    <section aria-labelledby="lodge-objection" style={{ marginTop: 16 }}>
      <Typography.Title level={3} id="lodge-objection" style={{ fontSize: 15 }}>
        提出异议
      </Typography.Title>
      <Form form={form} layout="vertical" initialValues={{ reasons: [''], evidence: [] }} onFinish={(v) => void submit(v)}>
        <ApiErrorAlert error={lodge.error} />
        <Form.List name="reasons">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Form.Item key={f.key} label={`异议理由 ${i + 1}`} required>
                  <Space.Compact style={{ width: '100%' }}>
                    <Form.Item name={f.name} noStyle rules={[itemRule(REASON, '异议理由')]}>
                      <Input.TextArea aria-label={`异议理由 ${i + 1}`} rows={2} placeholder="写明异议的事实与理由" />
                    </Form.Item>
                    {fields.length > 1 && <Button aria-label={`删除异议理由 ${i + 1}`} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />}
                  </Space.Compact>
                </Form.Item>
              ))}
              {fields.length < MAX_REASONS && (
                <Button icon={<PlusOutlined />} onClick={() => add('')} style={{ marginBottom: 16 }}>
                  增加一条理由
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.List name="evidence">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} label={`证据 ${i + 1} 名称`} rules={[itemRule(EVIDENCE.name, '证据名称')]}>
                    <Input placeholder="论文比对.pdf" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'url']} label={`证据 ${i + 1} 链接`} rules={[itemRule(EVIDENCE.url, '证据链接')]}>
                    <Input placeholder="files/evidence/compare.pdf" style={{ width: 320 }} />
                  </Form.Item>
                  <Button aria-label={`删除证据 ${i + 1}`} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />
                </Space>
              ))}
              {fields.length < MAX_EVIDENCE && (
                <div>
                  <Button icon={<PlusOutlined />} onClick={() => add({ name: '', url: '' })} style={{ marginBottom: 16 }}>
                    添加证据
                  </Button>
                </div>
              )}
            </>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={lodge.isPending}>
          提交异议
        </Button>
      </Form>
    </section>
  );
}
