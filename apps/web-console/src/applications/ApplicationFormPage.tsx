import { Alert, App, Button, Card, Divider, Form, Input, Result, Select, Skeleton, Space } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { bodySchema, schemaRules, type JsonSchema } from '../api/schema-rules';
import { toWan, wanToYuan } from '../api/vocabulary';
import { ChallengeContent } from '../challenges/ChallengeContent';
import { useChallengeFull } from '../challenges/lifecycle-queries';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { showFieldErrors } from '../common/form-errors';
import { PageTitle } from '../common/PageTitle';
import type { Proposal } from './model';
import { proposalColumns, RowsList } from './ProposalLists';
import { useApplication, useApplicationCommand, useCreateApplication, useEditApplication, useOwnProfiles, type ApplicationDraft } from './queries';
import { useAuth } from '../auth/AuthProvider';

const BODY = bodySchema('matching', 'POST /api/v1/applications');
const PROPOSAL = BODY.properties!.proposal as JsonSchema;

interface Values {
  profileId: string;
  proposal: Omit<Proposal, 'budget'> & { budget: { item: string; amountYuan: number }[] };
}

const FORM_FIELDS = ['profileId', 'proposal'];
const section = (title: string) => (
  <Divider titlePlacement="start">
    <h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>
  </Divider>
);

function toBody(challengeId: string, v: Values): ApplicationDraft {
  const p = v.proposal;
  return {
    challengeId,
    profileId: v.profileId,
    proposal: {
      approach: p.approach,
      members: (p.members ?? []).map((m) => ({ name: m.name, role: m.role, ...(m.title ? { title: m.title } : {}) })),
      budget: (p.budget ?? []).map((b) => ({ item: b.item, amountYuan: wanToYuan(b.amountYuan) })),
      timeline: p.timeline ?? [],
      consortium: p.consortium ?? [],
    },
  };
}

const fromProposal = (p: Proposal): Values['proposal'] => ({ ...p, budget: p.budget.map((b) => ({ ...b, amountYuan: b.amountYuan / 10_000 })) });

/**
 * 揭榜方 applies with its proposal (approach, members, budget, timeline, consortium where the 榜单 allows it), or
 * edits it (`/applications/:appId/edit`: a draft, a submitted one before the deadline, one returned for 补正).
 */
export default function ApplicationFormPage() {
  const { id: challengeParam, appId } = useParams();
  const editing = appId !== undefined;
  const { principal } = useAuth();
  const existing = useApplication(appId ?? '', editing);
  const id = challengeParam ?? existing.data?.challengeId ?? '';
  const challenge = useChallengeFull(id, id !== '');
  const edit = useEditApplication();
  const profiles = useOwnProfiles(principal.role === 'team' ? 'team' : 'solver');
  const create = useCreateApplication();
  const command = useApplicationCommand();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const budget = (Form.useWatch(['proposal', 'budget'], form) ?? []) as { amountYuan?: number }[];
  const loaded = existing.data;
  const ready = Boolean(challenge.data);
  useEffect(() => {
    if (loaded && ready) form.setFieldsValue({ profileId: loaded.profileId, proposal: fromProposal(loaded.proposal) });
  }, [loaded, ready, form]);

  if (existing.isLoading || challenge.isLoading || profiles.isLoading) return <Skeleton active />;
  if (editing && !loaded) return <ApiErrorAlert error={existing.error} />;
  if (!challenge.data) return <ApiErrorAlert error={challenge.error} />;
  const c = challenge.data;
  if (!c.termsAcceptedAt) {
    return (
      <Result
        status="warning"
        title={<h1 style={{ fontSize: 22, margin: 0 }}>请先接受揭榜须知</h1>}
        subTitle="接受该榜单的揭榜须知与保密承诺后才能提交揭榜申请。"
        extra={<Link to={`/challenges/${id}`}>返回榜单</Link>}
      />
    );
  }
  const own = (profiles.data?.items ?? []).filter((p) => !p.withdrawnAt);
  const columns = proposalColumns(PROPOSAL, c.milestones ?? []);

  const save = async (andSubmit: boolean) => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setError(undefined);
    let saved: string;
    try {
      saved = editing ? (await edit.mutateAsync({ id: appId, body: { proposal: toBody(id, values).proposal } })).id : (await create.mutateAsync(toBody(id, values))).id;
    } catch (e) {
      setError(e);
      showFieldErrors(form, e, FORM_FIELDS);
      return;
    }
    if (andSubmit) {
      try {
        await command.mutateAsync({ id: saved, cmd: { kind: 'submit' } });
        void message.success('揭榜申请已提交，等待形式审查');
      } catch (e) {
        void message.error(`申请已保存为草稿，但提交没有成功：${(e as Error).message}`);
      }
    } else {
      void message.success(editing ? '申请已保存' : '申请草稿已保存');
    }
    navigate('/applications');
  };

  return (
    <>
      <PageTitle>{editing ? '修改揭榜申请' : '揭榜申请'}：{c.title}</PageTitle>
      {loaded?.checkReason && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`形式审查意见：${loaded.checkReason}`} />}
      <Card style={{ marginBottom: 16 }} title={<h2 style={{ fontSize: 16, margin: 0 }}>榜单要求</h2>}>
        <ChallengeContent c={c} />
      </Card>
      <ApiErrorAlert error={error} />
      <Card>
        {own.length === 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="本单位还没有可用于揭榜的画像，请先登记画像。" />}
        <Form<Values> form={form} layout="vertical" initialValues={{ profileId: own[0]?.id, proposal: { members: [{}], budget: [], timeline: [], consortium: [] } }} scrollToFirstError>
          <Form.Item name="profileId" label="申请画像" rules={schemaRules(BODY, 'profileId', '申请画像')}>
            <Select
              disabled={editing} options={own.map((p) => ({ value: p.id, label: `${p.name}（${p.orgName}）` }))} placeholder="选择本单位画像" style={{ maxWidth: 480 }} />
          </Form.Item>
          <Form.Item name={['proposal', 'approach']} label="技术方案" rules={schemaRules(PROPOSAL, 'approach', '技术方案')}>
            <Input.TextArea rows={6} placeholder="技术路线、创新点、预期指标与风险应对" />
          </Form.Item>
          {section('团队成员')}
          <RowsList name="members" what="成员" columns={columns.members} initial={{}} />
          {section('经费预算')}
          <RowsList name="budget" what="预算" columns={columns.budget} initial={{}} />
          <div style={{ marginBottom: 16 }}>预算合计 {toWan(budget.reduce((s, b) => s + wanToYuan(b?.amountYuan ?? 0), 0))}（榜单金额 {toWan(c.bountyYuan)}）</div>
          {section('进度安排')}
          <RowsList name="timeline" what="进度" columns={columns.timeline} initial={{}} />
          {c.eligibility.consortiumAllowed && (
            <>
              {section('联合体成员')}
              <RowsList name="consortium" what="联合体成员" columns={columns.consortium} initial={{}} />
            </>
          )}
          <Space style={{ marginTop: 16 }}>
            <Button onClick={() => void save(false)} loading={(create.isPending || edit.isPending) && !command.isPending}>
              {editing ? '保存修改' : '保存草稿'}
            </Button>
            {(!loaded || loaded.status === 'DRAFT' || loaded.status === 'RETURNED') && (
              <Button type="primary" onClick={() => void save(true)} loading={command.isPending}>
                {loaded?.status === 'RETURNED' ? '补正后重新提交' : '提交申请'}
              </Button>
            )}
          </Space>
        </Form>
      </Card>
    </>
  );
}
