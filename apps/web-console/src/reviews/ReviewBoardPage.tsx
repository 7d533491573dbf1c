import { Button, Card, Form, InputNumber, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams, useParams, Link } from 'react-router';
import { bodySchema, schemaRules } from '../api/schema-rules';
import { APPLICATION_STATUS, type Application } from '../applications/model';
import { useApplicationCommand, useApplications, useOwnProfiles } from '../applications/queries';
import { STATUS, statusLabel } from '../challenges/labels';
import { useChallengeFull } from '../challenges/lifecycle-queries';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { ActionButton, reasonField } from '../lifecycle/ActionButton';
import { AssignmentResult } from './AssignmentResult';
import { OUTCOME_LABEL, RUN_DONE, type RankedApplication } from './model';
import { useAssignmentRun, useReviewRound, type AssignmentRequest } from './queries';
import { empty } from '../lifecycle/empty';

const CHECK = bodySchema('matching', 'POST /api/v1/applications/{id}/formal-check');
const ASSIGN = bodySchema('matching', 'POST /api/v1/challenges/{cid}/review/assignment');
const AFTER_ASSIGNMENT: string[] = ['IN_REVIEW', 'PROPOSED', 'SHORTLISTED', 'NOT_SELECTED', 'SELECTED', 'CONTRACTED', 'FORFEITED'];
const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;

function FormalCheck({ a, beforeDeadline }: { a: Application; beforeDeadline: boolean }) {
  const command = useApplicationCommand();
  const check = (outcome: 'QUALIFIED' | 'INELIGIBLE' | 'RETURNED', reason?: string) =>
    command.mutateAsync({ id: a.id, cmd: { kind: 'formal-check', body: { outcome, ...(reason ? { reason } : {}) } } });
  if (a.status !== 'SUBMITTED') return a.checkReason ? <span>意见：{a.checkReason}</span> : null;
  return (
    <Space wrap>
      <ActionButton primary label="合格" confirm={`「${a.applicantName}」的申请形式审查合格，进入专家评审。`} done="已判定合格" onRun={() => check('QUALIFIED')} />
      {beforeDeadline && (
        <ActionButton label="退回补正" confirm="申请方须在截止前补正后重新提交，逾期视为不合格。" fields={[{ ...reasonField(CHECK, 'reason', '补正要求'), rules: [{ required: true, message: '请填写补正要求' }, ...schemaRules(CHECK, 'reason', '补正要求')] }]} done="已退回补正" onRun={(v) => check('RETURNED', v.reason as string)} />
      )}
      <ActionButton danger label="不合格" confirm="不合格的申请不进入评审，不可恢复。" fields={[{ ...reasonField(CHECK, 'reason', '不合格理由'), rules: [{ required: true, message: '请填写不合格理由' }, ...schemaRules(CHECK, 'reason', '不合格理由')] }]} done="已判定不合格" onRun={(v) => check('INELIGIBLE', v.reason as string)} />
    </Space>
  );
}

function Ranking({ ranking }: { ranking: RankedApplication[] }) {
  return (
    <Table<RankedApplication>
      size="small"
      rowKey="applicationId"
      pagination={false}
      dataSource={ranking}
      data-testid="ranking"
      columns={[
        { title: '名次', dataIndex: 'rank', width: 70 },
        { title: '申请方', dataIndex: 'applicantName' },
        { title: '综合得分', dataIndex: 'score', width: 100, render: (s: number) => s.toFixed(2) },
        { title: '技术/团队/可行性', key: 'criteria', width: 180, render: (_: unknown, r) => `${r.criteria.technical.toFixed(1)} / ${r.criteria.team.toFixed(1)} / ${r.criteria.feasibility.toFixed(1)}` },
        { title: '结果', dataIndex: 'outcome', width: 100, render: (o: RankedApplication['outcome']) => <Tag color={o === 'PROPOSED' ? 'warning' : o === 'SHORTLISTED' ? 'blue' : 'default'}>{OUTCOME_LABEL[o]}</Tag> },
        { title: '并列说明', dataIndex: 'tieBreak', render: (t?: RankedApplication['tieBreak']) => t?.explanation ?? '—' },
      ]}
    />
  );
}

/**
 * 市科技局's review of one 榜单: the formal check of each application, the expert assignment (the HiGHS run with its
 * explanation, then confirmed), and the close of the round with its ranking.
 */
export default function ReviewBoardPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const runId = params.get('run');
  const challenge = useChallengeFull(id);
  const applications = useApplications({ challengeId: id, page: 1, pageSize: 100 });
  const experts = useOwnProfiles('expert');
  const round = useReviewRound(id);
  const run = useAssignmentRun(runId);
  const [form] = Form.useForm<{ k: number; maxPerExpert?: number; expertIds?: string[] }>();

  if (challenge.isLoading) return <Skeleton active />;
  if (!challenge.data) return <ApiErrorAlert error={challenge.error} />;
  const c = challenge.data;
  const beforeDeadline = c.status === 'PUBLISHED' && dayjs(c.deadlineAt).isAfter(dayjs());
  const finished = run.data && RUN_DONE.includes(run.data.status) && run.data.result;
  // Once confirmed, the applications have moved on from QUALIFIED: the run is then history, not a choice.
  const confirmed = (applications.data?.items ?? []).some((a) => AFTER_ASSIGNMENT.includes(a.status));

  const requestRun = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body: AssignmentRequest = { k: v.k, ...(v.maxPerExpert ? { maxPerExpert: v.maxPerExpert } : {}), ...(v.expertIds?.length ? { expertIds: v.expertIds } : {}) };
    const accepted = await round.assign.mutateAsync(body).catch(() => undefined);
    if (accepted) setParams({ run: accepted.id });
  };

  return (
    <>
      <PageTitle extra={<Link to={`/challenges/${id}`}>返回榜单</Link>}>形式审查与评审：{c.title}</PageTitle>
      <Typography.Paragraph>
        榜单状态：<Tag color={STATUS[c.status]?.color}>{statusLabel(c.status)}</Tag>
        截止后待审查的申请全部判定、专家分配确认后进入评审；全部专家评分后结束评审，生成排名。
      </Typography.Paragraph>

      <Card title={h2('揭榜申请与形式审查')}>
        <ApiErrorAlert error={applications.error} />
        <Table<Application>
          rowKey="id"
          loading={applications.isLoading}
          dataSource={applications.data?.items ?? []}
          locale={{ emptyText: empty('暂无揭榜申请') }}
          pagination={false}
          columns={[
            { title: '申请方', dataIndex: 'applicantName' },
            { title: '状态', dataIndex: 'status', width: 150, render: (s: Application['status']) => <Tag color={APPLICATION_STATUS[s]?.color}>{APPLICATION_STATUS[s]?.label ?? s}</Tag> },
            { title: '提交时间', dataIndex: 'submittedAt', width: 150, render: (t: string | null) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '—') },
            { title: '方案摘要', dataIndex: ['proposal', 'approach'], ellipsis: true },
            { title: '形式审查', key: 'check', width: 300, render: (_: unknown, a) => <FormalCheck a={a} beforeDeadline={beforeDeadline} /> },
          ]}
        />
      </Card>

      <Card title={h2('专家分配')} style={{ marginTop: 16 }}>
        <Form form={form} layout="inline" initialValues={{ k: 3 }} style={{ rowGap: 12, marginBottom: 16 }}>
          <Form.Item name="k" label="每份申请专家数" rules={schemaRules(ASSIGN, 'k', '每份申请专家数')}>
            <InputNumber min={1} max={10} />
          </Form.Item>
          <Form.Item name="maxPerExpert" label="每位专家最多评审" rules={schemaRules(ASSIGN, 'maxPerExpert', '每位专家最多评审数')}>
            <InputNumber min={1} max={100} placeholder="按空闲负荷" />
          </Form.Item>
          <Form.Item name="expertIds" label="专家范围" rules={schemaRules(ASSIGN, 'expertIds', '专家范围')}>
            <Select mode="multiple" allowClear placeholder="全部有账号的专家" style={{ minWidth: 280 }} options={(experts.data?.items ?? []).filter((e) => !e.withdrawnAt).map((e) => ({ value: e.id, label: e.name }))} optionFilterProp="label" />
          </Form.Item>
          <Button type="primary" onClick={() => void requestRun()} loading={round.assign.isPending}>
            计算分配方案
          </Button>
        </Form>
        <ApiErrorAlert error={round.assign.error ?? run.error} />
        {run.data && <AssignmentResult run={run.data} itemName={(itemId) => applications.data?.items.find((a) => a.id === itemId)?.applicantName} />}
        {finished && confirmed && <Typography.Paragraph style={{ marginTop: 16 }}>本轮专家分配已确认。</Typography.Paragraph>}
        {finished && !confirmed && (
          <div style={{ marginTop: 16 }}>
            <ApiErrorAlert error={round.confirm.error} />
            <ActionButton primary label="确认分配" confirm="确认后生成评审任务并通知专家，申请进入专家评审。" done="专家分配已确认，评审开始" onRun={() => round.confirm.mutateAsync(runId!)} />
          </div>
        )}
      </Card>

      <Card title={h2('结束评审')} style={{ marginTop: 16 }}>
        <Typography.Paragraph>综合得分 = 各专家（技术方案、团队能力、实施可行性按榜单权重加权）得分的平均；并列时按技术得分、再按提交先后。</Typography.Paragraph>
        <ActionButton primary label="结束评审并排名" confirm="须全部专家已评分或回避。结束后按得分确定拟入选与候补。" done="评审已结束" onRun={() => round.complete.mutateAsync()} />
        {round.complete.data && (
          <div style={{ marginTop: 16 }}>
            <Ranking ranking={round.complete.data.ranking} />
          </div>
        )}
      </Card>
    </>
  );
}
