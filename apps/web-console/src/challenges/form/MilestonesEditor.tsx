import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { bodySchema, schemaRules, type JsonSchema } from '../../api/schema-rules';
import { toWan, wanToYuan } from '../../api/vocabulary';

const MILESTONE = bodySchema('challenge', 'POST /api/v1/challenges').properties!.milestones.items as JsonSchema;

/**
 * The milestone plan (里程碑): each with its deliverables, due offset and tranche; the running split against the
 * bounty is shown as it is typed, since Σ tranches must equal the bounty (the service's CHALLENGE_SPLIT_MISMATCH).
 */
export function MilestonesEditor() {
  const form = Form.useFormInstance();
  const milestones = (Form.useWatch('milestones', form) ?? []) as { trancheYuan?: number }[];
  const bounty = Form.useWatch('bountyYuan', form) as number | undefined;
  const split = milestones.reduce((sum, m) => sum + wanToYuan(m?.trancheYuan ?? 0), 0);
  const bountyYuan = wanToYuan(bounty ?? 0);
  return (
    <Form.List name="milestones">
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              role="group"
              aria-label={`里程碑 ${i + 1}`}
              title={<h3 style={{ fontSize: 14, margin: 0 }}>里程碑 {i + 1}</h3>}
              extra={
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={`删除里程碑 ${i + 1}`}>
                  删除
                </Button>
              }
              style={{ marginBottom: 12 }}
            >
              <Form.Item name={[field.name, 'title']} label="名称" rules={schemaRules(MILESTONE, 'title', '里程碑名称')}>
                <Input placeholder="例如：工艺方案设计" />
              </Form.Item>
              <Form.Item name={[field.name, 'deliverables']} label="交付物" extra="输入后按回车添加一项" rules={schemaRules(MILESTONE, 'deliverables', '交付物')}>
                <Select mode="tags" open={false} placeholder="例如：工艺方案报告" />
              </Form.Item>
              <Flex gap={24} wrap align="end">
                <Form.Item name={[field.name, 'dueOffsetDays']} label="完成期限（签约后天数）" rules={schemaRules(MILESTONE, 'dueOffsetDays', '完成期限')}>
                  <InputNumber min={1} max={3650} style={{ width: 180 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'trancheYuan']} label="拨付金额（万元）" rules={schemaRules(MILESTONE, 'trancheYuan', '拨付金额', wanToYuan)}>
                  <InputNumber min={0} step={10} style={{ width: 180 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'midterm']} valuePropName="checked" initialValue={false}>
                  <Checkbox>此后进行中期评估</Checkbox>
                </Form.Item>
              </Flex>
            </Card>
          ))}
          <Flex gap={16} align="center" wrap>
            <Button icon={<PlusOutlined />} onClick={() => add({ deliverables: [], midterm: false })}>
              添加里程碑
            </Button>
            {fields.length > 0 && (
              <Typography.Text strong data-testid="tranche-split">
                已分配 {toWan(split)} / 悬赏 {toWan(bountyYuan)}
                {split === bountyYuan ? ' ✓' : ''}
              </Typography.Text>
            )}
          </Flex>
          {errors.length > 0 && <Alert type="error" role="alert" showIcon style={{ marginTop: 12 }} message={<Form.ErrorList errors={errors} />} />}
        </>
      )}
    </Form.List>
  );
}
