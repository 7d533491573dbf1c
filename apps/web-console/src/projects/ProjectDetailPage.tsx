import { Card, Descriptions, Input, InputNumber, Radio, Select, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactElement } from 'react';
import { Link, useParams } from 'react-router';
import { bodySchema, schemaRules } from '../api/schema-rules';
import { roleName, toWan, wanToYuan } from '../api/vocabulary';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { ActionButton, reasonField } from '../lifecycle/ActionButton';
import { ProjectLedger } from './LedgerTable';
import { MILESTONE_STATUS, PROJECT_STATUS, type Milestone, type ProjectDetail } from './model';
import { useProject, useProjectCommand, useProjectHistory } from './queries';

const op = (path: string) => bodySchema('challenge', `POST /api/v1/projects/{id}/${path}` as never);
const SUBMIT = op('milestones/{n}/submit');
const PAY = op('milestones/{n}/payments');
const ACTIVE_STATES = ['PENDING_CONTRACT', 'CONTRACTED', 'IN_PROGRESS', 'SUSPENDED', 'MIDTERM_REVIEW', 'PENDING_ACCEPTANCE', 'UNDER_ACCEPTANCE', 'ACCEPTANCE_FAILED', 'RECTIFICATION'];
const at = (t: string | null) => (t ? dayjs(t).format('YYYY-MM-DD') : '—');
const stateLabel = (s: string, milestone?: number | null) =>
  (milestone ? MILESTONE_STATUS[s as Milestone['status']]?.label : undefined) ?? PROJECT_STATUS[s as ProjectDetail['status']]?.label ?? s;
const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;

/** Links typed one per line (名称 链接, or the link alone) → the API's attachments. */
const attachments = (text: unknown) =>
  String(text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [first, ...rest] = l.split(/\s+/);
      return rest.length ? { name: first, url: rest.join(' ') } : { name: first.split('/').pop() || first, url: first };
    });

function MilestoneActions({ p, m, role, orgId }: { p: ProjectDetail; m: Milestone; role: string; orgId: string }) {
  const command = useProjectCommand(p.id);
  const run = command.mutateAsync;
  const owner = role === 'enterprise' && orgId === p.enterpriseOrgId;
  const solver = (role === 'solver' || role === 'team') && orgId === p.solverOrgId;
  const out: ReactElement[] = [];
  if (solver && m.status === 'ACTIVE') {
    out.push(
      <ActionButton
        key="submit"
        primary
        label="提交成果"
        confirm={`提交「${m.title}」的交付成果，由发榜企业审核。`}
        fields={[
          { name: 'deliverables', label: '交付成果', input: <Select mode="tags" open={false} placeholder="输入后按回车添加一项" />, rules: schemaRules(SUBMIT, 'deliverables', '交付成果'), initialValue: m.deliverables },
          { name: 'attachments', label: '附件（每行一个：名称 链接）', input: <Input.TextArea rows={2} placeholder="检测报告 https://files.example.cn/report.pdf" /> },
        ]}
        done="成果已提交，等待企业审核"
        onRun={(v) => run({ kind: 'submit', n: m.index, deliverables: v.deliverables as string[], attachments: attachments(v.attachments) })}
      />,
    );
  }
  if (owner && m.status === 'SUBMITTED') {
    out.push(
      <ActionButton key="approve" primary label="通过" confirm={`通过「${m.title}」，批准本期拨付 ${toWan(m.plannedYuan)}。`} done="里程碑已通过" onRun={() => run({ kind: 'approve', n: m.index })} />,
      <ActionButton key="changes" label="退回修改" confirm="揭榜方按意见修改后重新提交。" fields={[reasonField(op('milestones/{n}/request-changes'), 'comments', '修改意见')]} done="已退回修改" onRun={(v) => run({ kind: 'request-changes', n: m.index, comments: v.comments as string })} />,
    );
  }
  if (owner && m.status === 'APPROVED') {
    out.push(
      <ActionButton
        key="pay"
        primary
        label="登记付款"
        confirm={`已批准 ${toWan(m.approvedYuan)}，已支付 ${toWan(m.paidYuan)}。`}
        fields={[
          { name: 'amountYuan', label: '付款金额（万元）', input: <InputNumber min={0} style={{ width: 200 }} />, rules: schemaRules(PAY, 'amountYuan', '付款金额', wanToYuan), initialValue: (m.approvedYuan - m.paidYuan) / 10_000 },
          { name: 'reference', label: '付款凭证号', input: <Input placeholder="例如：银行回单号" />, rules: schemaRules(PAY, 'reference', '付款凭证号') },
        ]}
        done="付款已登记"
        onRun={(v) => run({ kind: 'pay', n: m.index, amountYuan: wanToYuan(v.amountYuan), reference: v.reference as string })}
      />,
    );
  }
  return <Space wrap>{out}</Space>;
}

function BureauActions({ p }: { p: ProjectDetail }) {
  const command = useProjectCommand(p.id);
  const run = command.mutateAsync;
  const s = p.status;
  const reason = (path: string, label: string) => reasonField(op(path), 'reason', label);
  const out: ReactElement[] = [];
  if (s === 'MIDTERM_REVIEW') {
    out.push(
      <ActionButton
        key="midterm"
        primary
        label="中期评估决定"
        confirm="赛马制中期评估：继续实施，或淘汰（淘汰方未批准的资金按榜单约定处理；最后一个实施方不能淘汰）。"
        fields={[
          { name: 'decision', label: '决定', input: <Radio.Group options={[{ value: 'CONTINUE', label: '继续实施' }, { value: 'ELIMINATE', label: '淘汰' }]} />, rules: [{ required: true, message: '请选择决定' }] },
          reason('midterm', '评估意见'),
        ]}
        done="中期评估决定已记录"
        onRun={(v) => run({ kind: 'midterm', decision: v.decision as 'CONTINUE' | 'ELIMINATE', reason: v.reason as string })}
      />,
    );
  }
  if (s === 'IN_PROGRESS') out.push(<ActionButton key="suspend" label="暂停项目" confirm="暂停期间揭榜方不能提交成果。" fields={[reason('suspend', '暂停理由')]} done="项目已暂停" onRun={(v) => run({ kind: 'suspend', reason: v.reason as string })} />);
  if (s === 'SUSPENDED') out.push(<ActionButton key="resume" primary label="恢复项目" confirm="恢复后继续实施。" fields={[reason('resume', '恢复理由')]} done="项目已恢复" onRun={(v) => run({ kind: 'resume', reason: v.reason as string })} />);
  if (s === 'PENDING_ACCEPTANCE' || s === 'RECTIFICATION') out.push(<ActionButton key="acc-start" primary label="启动验收" confirm="组织项目验收。" done="验收已启动" onRun={() => run({ kind: 'acceptance-start' })} />);
  if (s === 'UNDER_ACCEPTANCE') {
    out.push(
      <ActionButton
        key="acceptance"
        primary
        label="验收结论"
        confirm={`验收不通过时进入整改（已整改 ${p.rectificationRound}/${p.maxRectificationRounds} 次，超过则终止）。`}
        fields={[
          { name: 'passed', label: '结论', input: <Radio.Group options={[{ value: true, label: '通过' }, { value: false, label: '不通过' }]} />, rules: [{ required: true, message: '请选择结论' }] },
          reasonField(op('acceptance'), 'opinion', '验收意见'),
        ]}
        done="验收结论已记录"
        onRun={(v) => run({ kind: 'acceptance', passed: v.passed as boolean, opinion: v.opinion as string })}
      />,
    );
  }
  if (ACTIVE_STATES.includes(s)) out.push(<ActionButton key="terminate" danger label="终止项目" confirm="终止后未批准的资金留归榜单，不可恢复。" fields={[reason('terminate', '终止理由')]} done="项目已终止" onRun={(v) => run({ kind: 'terminate', reason: v.reason as string })} />);
  return <Space wrap>{out}</Space>;
}

/** One project: its milestones with each party's commands, its ledger and its audit trail. */
export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { principal } = useAuth();
  const project = useProject(id);
  const history = useProjectHistory(id);
  if (project.isLoading) return <Skeleton active />;
  if (!project.data) return <ApiErrorAlert error={project.error} />;
  const p = project.data;
  const bureau = principal.role === 'bureau' || principal.role === 'admin';
  return (
    <>
      <PageTitle extra={bureau && <BureauActions p={p} />}>{p.title}</PageTitle>
      <Card>
        <Descriptions
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'status', label: '状态', children: <Tag color={PROJECT_STATUS[p.status]?.color}>{PROJECT_STATUS[p.status]?.label ?? p.status}</Tag> },
            { key: 'solver', label: '揭榜方', children: p.solverName },
            { key: 'enterprise', label: '发榜企业', children: p.enterpriseName },
            { key: 'mode', label: '揭榜方式', children: p.mode === 'HORSE_RACE' ? `赛马制（第 ${p.rank} 名）` : '单一揭榜' },
            { key: 'contracted', label: '签约日期', children: at(p.contractedAt) },
            { key: 'challenge', label: '榜单', children: <Link to={`/challenges/${p.challengeId}`}>查看榜单</Link> },
          ]}
        />
      </Card>
      <Card title={h2('里程碑')} style={{ marginTop: 16 }}>
        <Table<Milestone>
          rowKey="index"
          pagination={false}
          dataSource={p.milestones}
          columns={[
            { title: '里程碑', dataIndex: 'title', render: (t: string, m) => <>{m.index}. {t}{m.midterm && <Tag color="purple" style={{ marginLeft: 8 }}>中期评估</Tag>}</> },
            { title: '状态', dataIndex: 'status', width: 140, render: (s: Milestone['status'], m) => <><Tag color={MILESTONE_STATUS[s]?.color}>{MILESTONE_STATUS[s]?.label ?? s}</Tag>{m.reviewOverdueAt && <Tag color="red">审核超期</Tag>}</> },
            { title: '到期日', dataIndex: 'dueAt', width: 110, render: at },
            { title: '提交的成果', key: 'submission', render: (_: unknown, m) => (m.submission ? <>{m.submission.deliverables.join('；')}{m.submission.attachments.map((a) => <div key={a.url}><a href={a.url}>{a.name}</a></div>)}</> : '—') },
            { title: '本期拨付', dataIndex: 'plannedYuan', width: 110, align: 'right', render: toWan },
            { title: '操作', key: 'actions', width: 240, render: (_: unknown, m) => <MilestoneActions p={p} m={m} role={principal.role} orgId={principal.orgId} /> },
          ]}
        />
      </Card>
      <Card title={h2('分期台账')} style={{ marginTop: 16 }}>
        <ProjectLedger milestones={p.milestones} />
      </Card>
      <Card title={h2('流转记录')} style={{ marginTop: 16 }}>
        <ApiErrorAlert error={history.error} />
        {history.isLoading ? (
          <Skeleton active />
        ) : (
          <Timeline
            items={(history.data ?? []).map((t) => ({
              key: t.id,
              children: (
                <>
                  <Typography.Text strong>
                    {t.milestoneIndex ? `里程碑 ${t.milestoneIndex}：` : ''}
                    {t.fromStatus ? `${stateLabel(t.fromStatus, t.milestoneIndex)} → ${stateLabel(t.toStatus, t.milestoneIndex)}` : stateLabel(t.toStatus, t.milestoneIndex)}
                  </Typography.Text>
                  <div>
                    {dayjs(t.at).format('YYYY-MM-DD HH:mm')} · {t.actorRole === 'system' ? '系统' : roleName(t.actorRole)}
                    {t.reason ? ` · ${t.reason}` : ''}
                  </div>
                </>
              ),
            }))}
          />
        )}
      </Card>
    </>
  );
}
