import { App, Button, DatePicker, Flex, Popconfirm, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactElement } from 'react';
import { useNavigate } from 'react-router';
import { bodySchema } from '../api/schema-rules';
import type { Principal } from '../auth/principal';
import { ActionButton, reasonField } from '../lifecycle/ActionButton';
import { useChallengeCommand } from './lifecycle-queries';
import type { ChallengeFull } from './model';
import type { useSubmitChallenge } from './queries';

const schema = (op: string) => bodySchema('challenge', op as never);
const REASON = (op: string, label = '理由') => reasonField(schema(`POST /api/v1/challenges/{id}/${op}`), 'reason', label);

/** What the signed-in role may do with the 榜单 in its current state (the service decides; these are its routes). */
export function ChallengeActions({ c, principal, submit }: { c: ChallengeFull; principal: Principal; submit: ReturnType<typeof useSubmitChallenge> }) {
  const command = useChallengeCommand(c.id);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const run = command.mutateAsync;
  const s = c.status;
  const actions: ReactElement[] = [];

  if (principal.role === 'enterprise') {
    if (s === 'DRAFT' || s === 'RETURNED') {
      actions.push(
        <Button key="edit" onClick={() => navigate(`/challenges/${c.id}/edit`)}>
          修改榜单
        </Button>,
        <Popconfirm
          key="submit"
          title="提交后将进入市科技局专家论证，期间不能修改。确认提交？"
          okText="提交"
          cancelText="取消"
          onConfirm={() => submit.mutateAsync(c.id).then(() => void message.success('榜单已提交，等待市科技局论证')).catch(() => undefined)}
        >
          <Button type="primary" loading={submit.isPending}>
            提交论证
          </Button>
        </Popconfirm>,
      );
    }
    if (['DRAFT', 'SUBMITTED', 'UNDER_VETTING', 'RETURNED', 'APPROVED'].includes(s)) {
      actions.push(<ActionButton key="withdraw" danger label="撤榜" confirm="发布前撤榜立即生效，不可恢复。" fields={[REASON('withdraw', '撤榜理由')]} done="榜单已撤回" onRun={(v) => run({ kind: 'withdraw', reason: v.reason as string })} />);
    } else if (['PUBLISHED', 'CLOSED', 'UNDER_REVIEW', 'IN_PUBLIC_NOTICE'].includes(s) && !c.withdrawalRequestedAt) {
      actions.push(<ActionButton key="withdraw" danger label="申请撤榜" confirm="榜单已发布，撤榜须经市科技局同意；已揭榜的单位会收到通知。" fields={[REASON('withdraw', '撤榜理由')]} done="撤榜申请已提交，等待市科技局决定" onRun={(v) => run({ kind: 'withdraw', reason: v.reason as string })} />);
    }
  }

  if (principal.role === 'bureau' || principal.role === 'admin') {
    if (s === 'SUBMITTED') actions.push(<ActionButton key="start" primary label="启动论证" confirm="开始专家论证，企业在论证结束前不能修改榜单。" done="论证已启动" onRun={() => run({ kind: 'vetting-start' })} />);
    if (s === 'UNDER_VETTING') {
      actions.push(
        <ActionButton key="approve" primary label="论证通过" confirm="论证通过后即可发榜；研究内容、实施周期和里程碑须已填写。" done="论证已通过，待发榜" onRun={() => run({ kind: 'vetting-approve' })} />,
        <ActionButton key="return" label="退回修改" confirm="企业将按论证意见修改后重新提交。" fields={[reasonField(schema('POST /api/v1/challenges/{id}/vetting/return'), 'comments', '论证意见')]} done="已退回企业修改" onRun={(v) => run({ kind: 'vetting-return', comments: v.comments as string })} />,
        <ActionButton key="reject" danger label="论证驳回" confirm="驳回后榜单终止，不可恢复。" fields={[REASON('vetting/reject', '驳回理由')]} done="榜单已驳回" onRun={(v) => run({ kind: 'vetting-reject', reason: v.reason as string })} />,
      );
    }
    if (s === 'APPROVED') actions.push(<ActionButton key="publish" primary label="发布榜单" confirm="发布后榜单公开，揭榜截止时自动截止。" done="榜单已发布" onRun={() => run({ kind: 'publish' })} />);
    if (s === 'PUBLISHED') {
      actions.push(
        <ActionButton
          key="deadline"
          label="延长截止时间"
          confirm="新的截止时间须晚于现在和原截止时间；已揭榜的单位会收到通知。"
          fields={[
            { name: 'deadlineAt', label: '新的截止日期（当日 24:00 截止）', input: <DatePicker disabledDate={(d) => d.isBefore(dayjs(c.deadline).add(1, 'day'), 'day')} />, rules: [{ required: true, message: '请选择新的截止日期' }] },
            REASON('deadline', '延期理由'),
          ]}
          done="截止时间已延长"
          onRun={(v) => run({ kind: 'deadline', deadlineAt: endOfChinaDay(v.deadlineAt as Dayjs), reason: v.reason as string })}
        />,
        <ActionButton key="close" danger label="提前截止" confirm="截止后不再接受揭榜申请，进入形式审查。" fields={[REASON('close', '截止理由')]} done="榜单已截止" onRun={(v) => run({ kind: 'close', reason: v.reason as string })} />,
      );
    }
    if (c.withdrawalRequestedAt) {
      actions.push(
        <ActionButton key="w-approve" danger label="同意撤榜" confirm={`企业申请撤榜：${c.withdrawalReason ?? ''}。同意后榜单撤回，不可恢复。`} fields={[REASON('withdrawal/approve', '决定理由')]} done="已同意撤榜" onRun={(v) => run({ kind: 'withdrawal-approve', reason: v.reason as string })} />,
        <ActionButton key="w-deny" label="不同意撤榜" confirm={`企业申请撤榜：${c.withdrawalReason ?? ''}。`} fields={[REASON('withdrawal/deny', '决定理由')]} done="已驳回撤榜申请" onRun={(v) => run({ kind: 'withdrawal-deny', reason: v.reason as string })} />,
      );
    }
    if (['PUBLISHED', 'CLOSED', 'UNDER_REVIEW', 'IN_PUBLIC_NOTICE', 'AWARDED'].includes(s)) {
      actions.push(
        <Button key="review" onClick={() => navigate(`/challenges/${c.id}/review`)}>
          形式审查与评审
        </Button>,
      );
    }
  }

  if (principal.role === 'solver' || principal.role === 'team') {
    if (s === 'PUBLISHED' && !c.termsAcceptedAt) {
      actions.push(
        <ActionButton key="terms" primary label="接受揭榜须知" confirm="接受揭榜须知与保密承诺后，可查看榜单的保密内容并提交揭榜申请。保密内容不得对外披露。" done="已接受揭榜须知，保密内容已可见" onRun={() => run({ kind: 'terms-accept' })} />,
      );
    }
    if (s === 'PUBLISHED' && c.termsAcceptedAt) {
      actions.push(
        <Button key="apply" type="primary" onClick={() => navigate(`/challenges/${c.id}/apply`)}>
          我要揭榜
        </Button>,
      );
    }
  }

  if ((principal.role === 'enterprise' || principal.role === 'bureau') && s === 'AWARDED') {
    actions.push(
      <Button key="projects" onClick={() => navigate(`/projects?challengeId=${c.id}`)}>
        项目与资金台账
      </Button>,
    );
  }

  if (actions.length === 0) return null;
  return (
    <Flex gap={8} wrap>
      <Space wrap>{actions}</Space>
    </Flex>
  );
}

/** A date picked means 24:00 China time that day, as the service reads a bare deadline date. */
export function endOfChinaDay(d: Dayjs): string {
  return new Date(Date.parse(`${d.format('YYYY-MM-DD')}T00:00:00+08:00`) + 86_400_000).toISOString();
}
