import { Checkbox, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { bodySchema, schemaRules, type JsonSchema, type SchemaRule } from '../../api/schema-rules';
import { IP_OWNER_LABEL, options, QUALIFICATION_LABEL, SOLVER_TYPE_LABEL } from '../model';

const BODY = bodySchema('challenge', 'POST /api/v1/challenges');
const ELIGIBILITY = BODY.properties!.eligibility as JsonSchema;
const IP = BODY.properties!.ipArrangement as JsonSchema;

/**
 * A checkbox group is not a form control ARIA may mark required (aria-required on its div fails axe): the same check
 * as a validator, so the field still refuses an empty choice with the required message.
 */
function withoutAriaRequired(rules: SchemaRule[]): SchemaRule[] {
  return rules.map((r) =>
    r.required
      ? { validator: async (_rule: unknown, value: unknown) => { if (!Array.isArray(value) || value.length === 0) throw new Error(r.message); } }
      : r,
  );
}

/** Worded apart from the fields' own labels, so each label names one input (screen readers, getByLabel). */
const CONFIDENTIAL_CHOICES = { description: '难点描述', indicators: '指标清单', researchContent: '研究任务', milestones: '里程碑计划', ipArrangement: '知识产权约定' } as const;

/** Who may apply, who owns the results, what stays confidential, how the experts' criteria weigh. */
export function TermsSection() {
  const form = Form.useFormInstance();
  const weights = (Form.useWatch('reviewWeights', form) ?? {}) as Record<string, number | undefined>;
  const sum = (weights.technical ?? 0) + (weights.team ?? 0) + (weights.feasibility ?? 0);
  return (
    <>
      <Form.Item name={['eligibility', 'solverTypes']} label="揭榜方类型" rules={withoutAriaRequired(schemaRules(ELIGIBILITY, 'solverTypes', '揭榜方类型'))}>
        <Checkbox.Group options={options(SOLVER_TYPE_LABEL)} />
      </Form.Item>
      <Form.Item name={['eligibility', 'qualifications']} label="揭榜方须具备的资质" extra="不选表示不限" rules={schemaRules(ELIGIBILITY, 'qualifications', '资质要求')}>
        <Select mode="multiple" options={options(QUALIFICATION_LABEL)} placeholder="不限" />
      </Form.Item>
      <Form.Item name={['eligibility', 'consortiumAllowed']} valuePropName="checked">
        <Checkbox>允许联合体揭榜</Checkbox>
      </Form.Item>
      <Form.Item name={['ipArrangement', 'owner']} label="知识产权归属" rules={schemaRules(IP, 'owner', '知识产权归属')}>
        <Radio.Group options={options(IP_OWNER_LABEL)} />
      </Form.Item>
      <Form.Item name={['ipArrangement', 'note']} label="知识产权说明" rules={schemaRules(IP, 'note', '知识产权说明')}>
        <Input.TextArea rows={2} placeholder="例如：专利由双方共同申请，企业享有独占实施权" />
      </Form.Item>
      <Form.Item name="confidentialFields" label="保密内容" extra="勾选的内容只对接受揭榜须知与保密承诺的揭榜方可见，公开检索中不显示" rules={schemaRules(BODY, 'confidentialFields', '保密内容')}>
        <Checkbox.Group options={options(CONFIDENTIAL_CHOICES)} />
      </Form.Item>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontSize: 14, marginBottom: 8 }}>评审权重（%，合计 100）</legend>
        <Flex gap={24} wrap align="end">
          <Form.Item name={['reviewWeights', 'technical']} label="技术方案" rules={[{ required: true, message: '请填写技术方案权重' }]}>
            <InputNumber min={0} max={100} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name={['reviewWeights', 'team']} label="团队能力" rules={[{ required: true, message: '请填写团队能力权重' }]}>
            <InputNumber min={0} max={100} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name={['reviewWeights', 'feasibility']} label="实施可行性" rules={[{ required: true, message: '请填写实施可行性权重' }]}>
            <InputNumber min={0} max={100} style={{ width: 120 }} />
          </Form.Item>
          <Typography.Text strong style={{ paddingBottom: 28 }}>
            合计 {Math.round(sum * 10) / 10}%{Math.abs(sum - 100) < 1e-6 ? ' ✓' : '（须为 100%）'}
          </Typography.Text>
        </Flex>
      </fieldset>
      <Form.Item name="maxRectificationRounds" label="验收不通过时最多整改次数" rules={schemaRules(BODY, 'maxRectificationRounds', '整改次数')}>
        <InputNumber min={0} max={5} />
      </Form.Item>
    </>
  );
}
