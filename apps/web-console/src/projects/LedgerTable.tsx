import { Table } from 'antd';
import { toWan } from '../api/vocabulary';
import type { ChallengeLedger, Milestone } from './model';

/** One project's tranches: planned, approved, paid (Σ over milestones in the summary row). */
export function ProjectLedger({ milestones }: { milestones: Milestone[] }) {
  const sum = (k: 'plannedYuan' | 'approvedYuan' | 'paidYuan') => milestones.reduce((s, m) => s + m[k], 0);
  return (
    <Table<Milestone>
      size="small"
      rowKey="index"
      pagination={false}
      dataSource={milestones}
      data-testid="project-ledger"
      columns={[
        { title: '里程碑', dataIndex: 'title', render: (t: string, m) => `${m.index}. ${t}` },
        { title: '计划拨付', dataIndex: 'plannedYuan', align: 'right', render: toWan },
        { title: '已批准', dataIndex: 'approvedYuan', align: 'right', render: toWan },
        { title: '已支付', dataIndex: 'paidYuan', align: 'right', render: toWan },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">{toWan(sum('plannedYuan'))}</Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">{toWan(sum('approvedYuan'))}</Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">{toWan(sum('paidYuan'))}</Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

/** The 榜单's whole ledger: per tranche, each project's share and what the challenge retained. */
export function ChallengeLedgerTable({ ledger }: { ledger: ChallengeLedger }) {
  const rows = ledger.tranches.map((t) => ({ key: t.milestoneIndex, ...t }));
  return (
    <Table
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="challenge-ledger"
      columns={[
        { title: '里程碑', dataIndex: 'milestoneIndex', width: 80 },
        { title: '本期金额', dataIndex: 'trancheYuan', align: 'right', render: toWan },
        ...ledger.projects.map((p) => ({
          title: p.solverName,
          key: p.id,
          render: (_: unknown, t: (typeof rows)[number]) => {
            const s = t.shares.find((x) => x.projectId === p.id);
            return s ? `计划 ${toWan(s.plannedYuan)} · 批准 ${toWan(s.approvedYuan)} · 支付 ${toWan(s.paidYuan)}` : '—';
          },
        })),
        { title: '留存', dataIndex: 'retainedYuan', align: 'right' as const, render: toWan },
      ]}
    />
  );
}
