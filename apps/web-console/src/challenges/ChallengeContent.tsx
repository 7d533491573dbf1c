import { Descriptions, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { districtName, fieldName, toWan } from '../api/vocabulary';
import { MODE_LABEL, STATUS, statusLabel } from './labels';
import { CONFIDENTIAL_LABEL, IP_OWNER_LABEL, POLICY_LABEL, QUALIFICATION_LABEL, SOLVER_TYPE_LABEL, type ChallengeFull, type ConfidentialField, type MilestonePlan } from './model';
import { empty } from '../lifecycle/empty';

const HIDDEN = <Typography.Text type="secondary">保密内容：接受揭榜须知与保密承诺后可见</Typography.Text>;
const pre = (text: string) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph>;
const pct = (w: number) => `${Math.round(w * 1000) / 10}%`;

/** A confidential field the caller may not see is absent from the response: say so rather than show it empty. */
function shown<T>(c: ChallengeFull, field: ConfidentialField, value: T | undefined | null, render: (v: T) => ReactNode): ReactNode {
  return value === undefined && c.confidentialFields.includes(field) ? HIDDEN : value === undefined || value === null ? '—' : render(value);
}

export function MilestonesTable({ milestones }: { milestones: MilestonePlan[] }) {
  return (
    <Table<MilestonePlan & { n: number }>
      size="small"
      pagination={false}
      rowKey="n"
      dataSource={milestones.map((m, i) => ({ ...m, n: i + 1 }))}
      locale={{ emptyText: empty('尚未填写里程碑') }}
      columns={[
        { title: '序号', dataIndex: 'n', width: 60 },
        { title: '里程碑', dataIndex: 'title', render: (t: string, m) => <>{t}{m.midterm && <Tag color="purple" style={{ marginLeft: 8 }}>中期评估</Tag>}</> },
        { title: '交付物', dataIndex: 'deliverables', render: (d: string[]) => d.join('；') },
        { title: '完成期限', dataIndex: 'dueOffsetDays', width: 120, render: (d: number) => `签约后 ${d} 天` },
        { title: '拨付金额', dataIndex: 'trancheYuan', width: 120, align: 'right', render: toWan },
      ]}
    />
  );
}

/** The whole 榜单 as the caller may see it. */
export function ChallengeContent({ c }: { c: ChallengeFull }) {
  const e = c.eligibility;
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      items={[
        {
          key: 'status',
          label: '状态',
          children: (
            <>
              <Tag color={STATUS[c.status]?.color}>{statusLabel(c.status)}</Tag>
              {c.vettingOverdueAt && <Tag color="red">论证超期</Tag>}
              {c.withdrawalRequestedAt && <Tag color="warning">撤榜申请待决定</Tag>}
            </>
          ),
        },
        { key: 'enterprise', label: '发榜企业', children: c.enterpriseName },
        { key: 'district', label: '所在区县', children: districtName(c.districtCode) },
        { key: 'bounty', label: '悬赏金额', children: toWan(c.bountyYuan) },
        { key: 'deadline', label: '揭榜截止', children: c.deadlineAt ? `${c.deadline}（${dayjs(c.deadlineAt).format('YYYY-MM-DD HH:mm')} 前）` : c.deadline },
        { key: 'mode', label: '揭榜方式', children: `${MODE_LABEL[c.mode]}${c.mode === 'HORSE_RACE' ? `（${c.maxWinners} 家并行）` : ''}` },
        ...(c.mode === 'HORSE_RACE' && c.eliminationPolicy ? [{ key: 'policy', label: '中期淘汰后的资金', children: POLICY_LABEL[c.eliminationPolicy] }] : []),
        { key: 'duration', label: '实施周期', children: c.durationMonths ? `${c.durationMonths} 个月` : '—' },
        ...(c.applicationsCount !== undefined ? [{ key: 'applications', label: '揭榜申请', children: `${c.applicationsCount} 份` }] : []),
        { key: 'fields', label: '技术领域', children: c.fields.map(fieldName).join('、') || '—' },
        { key: 'keywords', label: '关键词', children: c.keywords.join('、') || '—' },
        { key: 'description', label: '技术难点', span: 2, children: shown(c, 'description', c.description, pre) },
        {
          key: 'indicators',
          label: '技术指标',
          span: 2,
          children: shown(c, 'indicators', c.indicators, (list) => (list.length ? <ul style={{ margin: 0, paddingLeft: 20 }}>{list.map((i) => <li key={i}>{i}</li>)}</ul> : '—')),
        },
        { key: 'research', label: '研究内容', span: 2, children: shown(c, 'researchContent', c.researchContent, pre) },
        {
          key: 'eligibility',
          label: '揭榜条件',
          span: 2,
          children: `${e.solverTypes.map((t) => SOLVER_TYPE_LABEL[t]).join('、')}可揭榜；资质要求：${e.qualifications.map((q) => QUALIFICATION_LABEL[q]).join('、') || '不限'}；${e.consortiumAllowed ? '允许' : '不允许'}联合体`,
        },
        { key: 'ip', label: '知识产权', span: 2, children: shown(c, 'ipArrangement', c.ipArrangement, (ip) => `${IP_OWNER_LABEL[ip.owner]}${ip.note ? `：${ip.note}` : ''}`) },
        { key: 'weights', label: '评审权重', children: `技术方案 ${pct(c.reviewWeights.technical)} · 团队能力 ${pct(c.reviewWeights.team)} · 实施可行性 ${pct(c.reviewWeights.feasibility)}` },
        { key: 'confidential', label: '保密内容', children: c.confidentialFields.map((f) => CONFIDENTIAL_LABEL[f]).join('、') || '无' },
        { key: 'milestones', label: '里程碑计划', span: 2, children: shown(c, 'milestones', c.milestones, (m) => (m.length ? <MilestonesTable milestones={m} /> : '尚未填写（论证通过前须填写）')) },
      ]}
    />
  );
}
