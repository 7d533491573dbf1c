import { Alert, Card, Descriptions, List, Progress, Table, Tag, Typography } from 'antd';
import type { AssignmentRun } from './model';
import { empty } from '../lifecycle/empty';

const pct = (x: number) => `${Math.round(x * 1000) / 10}`;
const num = (x: number) => x.toFixed(2);

/**
 * The HiGHS run explained: per application who was assigned and why (affinity, its factors, the matched terms), the
 * experts left out by 回避 with the rule that removed them, each expert's load, and the exact solution against the
 * greedy baseline.
 */
export function AssignmentResult({ run, itemName }: { run: AssignmentRun; itemName: (itemId: string) => string | undefined }) {
  if (!run.result) {
    if (run.status === 'FAILED') return <Alert type="error" showIcon message={`分配失败：${run.error?.message ?? '未知原因'}`} />;
    return (
      <div role="status" aria-live="polite">
        正在计算分配（{run.stage}）
        <Progress percent={run.progress} size="small" style={{ maxWidth: 360 }} />
      </div>
    );
  }
  const r = run.result;
  return (
    <div data-testid="assignment-result">
      {r.status === 'INFEASIBLE' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="部分申请配不满所需专家人数" />}
      {r.feasibility.map((f) => (
        <Alert key={`${f.code}-${f.itemId}`} type="warning" showIcon style={{ marginBottom: 8 }} message={f.message} />
      ))}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'method', label: '求解方法', children: r.method === 'highs-mip' ? 'HiGHS 整数规划' : 'HiGHS 线性规划' },
          { key: 'slots', label: '已分配', children: `${r.optimal.assignedSlots}/${r.optimal.demand} 人次` },
          { key: 'conflicts', label: '回避排除', children: `${r.items.reduce((n, i) => n + i.excluded.length, 0)} 对` },
          { key: 'total', label: '总匹配度', children: `${num(r.optimal.totalAffinity)}（贪心基线 ${num(r.greedy.totalAffinity)}）` },
          { key: 'min', label: '最低单项匹配度', children: `${num(r.optimal.minItemAffinity)}（贪心基线 ${num(r.greedy.minItemAffinity)}）` },
        ]}
      />
      {r.items.map((item) => (
        <Card key={item.itemId} size="small" style={{ marginTop: 12 }} title={<h3 style={{ fontSize: 14, margin: 0 }}>{itemName(item.itemId) ?? item.title}</h3>} data-testid="assignment-item">
          <List
            size="small"
            dataSource={item.assigned}
            locale={{ emptyText: empty('未分配到专家') }}
            renderItem={(e) => (
              <List.Item key={e.candidateId}>
                <div>
                  <Typography.Text strong>{e.name}</Typography.Text> · 匹配度 {num(e.affinity)}
                  <div style={{ fontSize: 12 }}>
                    原因：{e.breakdown.filter((b) => b.contribution > 0).map((b) => `${b.label} ${pct(b.value)}`).join('，') || '—'}
                    {e.matchedTerms.length > 0 && <>；命中词 {e.matchedTerms.map((t) => <Tag key={t.term}>{t.term}</Tag>)}</>}
                  </div>
                </div>
              </List.Item>
            )}
          />
          {item.excluded.length > 0 && (
            <div style={{ marginTop: 8 }} data-testid="excluded">
              <Typography.Text type="secondary">回避（未参与分配）：</Typography.Text>
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {item.excluded.map((x) => (
                  <li key={x.candidateId}>
                    {x.name}：{x.violations.map((v) => v.message).join('；')}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Card>
      ))}
      <Table
        size="small"
        style={{ marginTop: 12 }}
        rowKey="candidateId"
        pagination={false}
        dataSource={r.loads}
        columns={[
          { title: '专家', dataIndex: 'name' },
          { title: '本轮评审数', dataIndex: 'load', width: 120 },
          { title: '上限', dataIndex: 'maxLoad', width: 100 },
        ]}
      />
    </div>
  );
}
