import { Card, Skeleton, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useParams } from 'react-router';
import type { ChallengeTransition } from '../api/responses';
import { roleName } from '../api/vocabulary';
import { useAuth } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { ChallengeActions } from './ChallengeActions';
import { ChallengeContent } from './ChallengeContent';
import { statusLabel } from './labels';
import { useChallengeFull } from './lifecycle-queries';
import { useChallengeHistory, useSubmitChallenge } from './queries';
import { QuestionsCard } from './QuestionsCard';
import { ChallengeApplicationsCard } from '../applications/ChallengeApplicationsCard';
import { ObjectionsCard } from './objections/ObjectionsCard';
import { PublicNoticeCard } from './objections/PublicNoticeCard';

function historyItem(t: ChallengeTransition, owner: { orgId: string; name: string }) {
  const escalation = t.kind === 'escalation';
  const what = escalation
    ? '论证超期提醒（状态不变）'
    : t.fromStatus === t.toStatus
      ? `${statusLabel(t.toStatus)}（变更，状态不变）`
      : t.fromStatus
        ? `${statusLabel(t.fromStatus)} → ${statusLabel(t.toStatus)}`
        : `创建为${statusLabel(t.toStatus)}`;
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

/** One 榜单: its whole content as the caller may see it, what the caller may do now, the Q&A and the audit trail. */
export default function ChallengeDetailPage() {
  const { id = '' } = useParams();
  const { principal } = useAuth();
  const challenge = useChallengeFull(id);
  const history = useChallengeHistory(id);
  const submit = useSubmitChallenge();

  if (challenge.isLoading) return <Skeleton active />;
  if (!challenge.data) return <ApiErrorAlert error={challenge.error} />;
  const c = challenge.data;

  return (
    <>
      <PageTitle extra={<ChallengeActions c={c} principal={principal} submit={submit} />}>{c.title}</PageTitle>
      <ApiErrorAlert error={submit.error} />
      <Card>
        <ChallengeContent c={c} />
      </Card>
      <PublicNoticeCard c={c} principal={principal} />
      <ObjectionsCard c={c} principal={principal} />
      {principal.role === 'enterprise' && <ChallengeApplicationsCard c={c} />}
      <QuestionsCard c={c} principal={principal} />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>流转记录</h2>} style={{ marginTop: 16 }}>
        <ApiErrorAlert error={history.error} />
        {history.isLoading ? <Skeleton active /> : <Timeline items={(history.data ?? []).map((t) => historyItem(t, { orgId: c.enterpriseOrgId, name: c.enterpriseName }))} />}
      </Card>
    </>
  );
}
