import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber, Select } from 'antd';
import type { ReactNode } from 'react';
import { schemaRules, type JsonSchema } from '../api/schema-rules';
import { wanToYuan } from '../api/vocabulary';

interface Column {
  name: string;
  label: string;
  input: ReactNode;
  rules?: ReturnType<typeof schemaRules>;
  width?: number;
}

/** One list of the proposal (members, budget, timeline, consortium) as rows of inputs, each row a labelled group. */
export function RowsList({ name, what, columns, initial }: { name: string; what: string; columns: Column[]; initial: object }) {
  return (
    <Form.List name={['proposal', name]}>
      {(rows, { add, remove }, { errors }) => (
        <>
          {rows.map((row, i) => (
            <Flex key={row.key} gap={12} align="start" wrap role="group" aria-label={`${what} ${i + 1}`}>
              {columns.map((c) => (
                <Form.Item key={c.name} name={[row.name, c.name]} label={c.label} rules={c.rules} style={{ width: c.width ?? 200 }}>
                  {c.input}
                </Form.Item>
              ))}
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除${what} ${i + 1}`} onClick={() => remove(row.name)} style={{ marginTop: 30 }} />
            </Flex>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add(initial)} style={{ marginBottom: 16 }}>
            添加{what}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

const item = (proposal: JsonSchema, list: string) => (proposal.properties![list] as JsonSchema).items!;

export function proposalColumns(proposal: JsonSchema, milestones: { title: string }[]) {
  const members = item(proposal, 'members');
  const budget = item(proposal, 'budget');
  const timeline = item(proposal, 'timeline');
  const consortium = item(proposal, 'consortium');
  return {
    members: [
      { name: 'name', label: '姓名', input: <Input />, rules: schemaRules(members, 'name', '姓名'), width: 160 },
      { name: 'role', label: '分工', input: <Input placeholder="例如：项目负责人" />, rules: schemaRules(members, 'role', '分工'), width: 200 },
      { name: 'title', label: '职称', input: <Input placeholder="例如：教授" />, rules: schemaRules(members, 'title', '职称'), width: 160 },
    ],
    budget: [
      { name: 'item', label: '预算科目', input: <Input placeholder="例如：材料费" />, rules: schemaRules(budget, 'item', '预算科目'), width: 260 },
      { name: 'amountYuan', label: '金额（万元）', input: <InputNumber min={0} style={{ width: '100%' }} />, rules: schemaRules(budget, 'amountYuan', '金额', wanToYuan), width: 160 },
    ],
    timeline: [
      {
        name: 'milestoneIndex',
        label: '对应里程碑',
        input: <Select options={milestones.map((m, i) => ({ value: i + 1, label: `${i + 1}. ${m.title}` }))} placeholder="选择里程碑" />,
        rules: schemaRules(timeline, 'milestoneIndex', '对应里程碑'),
        width: 220,
      },
      { name: 'plan', label: '计划', input: <Input.TextArea rows={1} />, rules: schemaRules(timeline, 'plan', '计划'), width: 380 },
    ],
    consortium: [
      { name: 'orgId', label: '成员单位编号', input: <Input />, rules: schemaRules(consortium, 'orgId', '成员单位编号'), width: 180 },
      { name: 'orgName', label: '成员单位名称', input: <Input />, rules: schemaRules(consortium, 'orgName', '成员单位名称'), width: 240 },
      { name: 'role', label: '承担内容', input: <Input />, rules: schemaRules(consortium, 'role', '承担内容'), width: 180 },
    ],
  };
}
