import { App, Button, Card, Descriptions, Popconfirm, Skeleton, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useParams } from 'react-router';
import type { ChallengeTransition } from '../api/responses';
import { districtName, fieldName, roleName, toWan } from '../api/vocabulary';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { MODE_LABEL, STATUS, statusLabel } from './labels';
import { useChallenge, useChallengeHistory, useSubmitChallenge } from './queries';

function historyItem(t: ChallengeTransition, owner: { orgId: string; name: string }) {
  const escalation = t.kind === 'escalation';
  const what = escalation ? '论证超期提醒（状态不变）' : t.fromStatus ? `${statusLabel(t.fromStatus)} → ${statusLabel(t.toStatus)}` : `创建为${statusLabel(t.toStatus)}`;
  return {
    key: t.id,
    color: escalation ? 'red' : 'blue',
    children: (
      <>
        <Typography.Text strong>{what}</Typography.Text>
        <div>
          {dayjs(t.at).format('YYYY-MM-DD HH:mm:ss')} · {t.actorRole === 'system' ? '系统（定时任务）' : roleName(t.actorRole)}
          {t.actorOrgId === owner.orgId ? `（${owner.name}）` : ''}
        </div>
        {t.reason && <div>理由：{t.reason}</div>}
      </>
    ),
  };
}

/** One 榜单 and its audit trail; the owner submits a draft from here. */
export default function ChallengeDetailPage() {
  const { id = '' } = useParams();
  const { principal } = useAuth();
  const challenge = useChallenge(id);
  const history = useChallengeHistory(id);
  const submit = useSubmitChallenge();
  const { message } = App.useApp();

  if (challenge.isLoading) return <Skeleton active />;
  if (!challenge.data) return <ApiErrorAlert error={challenge.error} />;
  const c = challenge.data;
  const canSubmit = principal.role === 'enterprise' && (c.status === 'DRAFT' || c.status === 'RETURNED');

  return (
    <>
      <PageTitle
        extra={
          canSubmit && (
            <Popconfirm
              title="提交后将进入市科技局专家论证，期间不能修改。确认提交？"
              okText="提交"
              cancelText="取消"
              onConfirm={() => submit.mutateAsync(id).then(() => void message.success('榜单已提交，等待市科技局论证')).catch(() => undefined)}
            >
              <Button type="primary" loading={submit.isPending}>
                提交论证
              </Button>
            </Popconfirm>
          )
        }
      >
        {c.title}
      </PageTitle>
      <ApiErrorAlert error={submit.error} />
      <Card>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'status', label: '状态', children: <><Tag color={STATUS[c.status]?.color}>{statusLabel(c.status)}</Tag>{c.vettingOverdueAt && <Tag color="red">论证超期</Tag>}</> },
            { key: 'enterprise', label: '发榜企业', children: c.enterpriseName },
            { key: 'district', label: '所在区县', children: districtName(c.districtCode) },
            { key: 'bounty', label: '悬赏金额', children: toWan(c.bountyYuan) },
            { key: 'deadline', label: '揭榜截止', children: c.deadline },
            { key: 'mode', label: '揭榜方式', children: `${MODE_LABEL[c.mode]}${c.mode === 'HORSE_RACE' ? `（${c.maxWinners} 家）` : ''}` },
            { key: 'fields', label: '技术领域', children: c.fields.map(fieldName).join('、') || '—' },
            { key: 'keywords', label: '关键词', children: c.keywords.join('、') || '—' },
            { key: 'description', label: '技术难点', span: 2, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.description}</Typography.Paragraph> },
            { key: 'indicators', label: '技术指标', span: 2, children: c.indicators.length ? <ul style={{ margin: 0, paddingLeft: 20 }}>{c.indicators.map((i) => <li key={i}>{i}</li>)}</ul> : '—' },
          ]}
        />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>流转记录</h2>} style={{ marginTop: 16 }}>
        <ApiErrorAlert error={history.error} />
        {history.isLoading ? <Skeleton active /> : <Timeline items={(history.data ?? []).map((t) => historyItem(t, { orgId: c.enterpriseOrgId, name: c.enterpriseName }))} />}
      </Card>
    </>
  );
}
